"""``careerclusters classify`` and ``careerclusters search``: free text to codes, one text or a whole file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from careerclusters.base.errors import CareerClustersError
from careerclusters.cli import common
from careerclusters.cli.common import console, print_json, user_errors


def _kind(value: str) -> Literal["occupation", "program"]:
    if value not in ("occupation", "program"):
        raise CareerClustersError(f"unknown kind {value!r}: use occupation or program")
    return value  # type: ignore[return-value]


def classify(
    texts: Annotated[list[str] | None, typer.Argument(metavar="TEXT…", help="Job titles or program names.")] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="How many candidates per text.")] = 5,
    kind: Annotated[str, typer.Option("--kind", help="occupation (O*NET-SOC) or program (CIP).")] = "occupation",
    input_file: Annotated[Path | None, typer.Option(
        "--input", "-i", help="A CSV (or .xlsx) file, a Parquet file, a quoted glob ('postings/*.parquet') or a "
                              "folder of CSV or Parquet files to classify.")] = None,
    column: Annotated[str, typer.Option("--column", "-c", help="The column holding the text.")] = "title",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write: a .csv file, or a .parquet folder of part files.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lang: Annotated[str, typer.Option("--lang", "-l", help=common.LANG_HELP + " Texts may be in any of them; "
                                      "this names the occupations and sub-clusters found.")] = "en",
    raw: Annotated[bool, common.RAW] = False,
    encoding: Annotated[str | None, common.ENCODING] = None,
    engine: Annotated[str, typer.Option(
        "--engine", help="local (this process) or dask (a local Dask cluster, or the one at --scheduler).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="A Dask scheduler's address (tcp://HOST:8786) to run on instead of a local cluster.")
    ] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Worker processes of the local Dask cluster (default: one per core).")] = None,
    partition_size: Annotated[str | None, typer.Option(
        "--partition-size", help="How much of the input one partition reads, such as 64MB (default: Dask's).")
    ] = None,
) -> None:
    """Code job titles (in English or Spanish) to occupations, or program names to CIP codes, with confidence and
    evidence."""
    from careerclusters.classifier.localized import in_language, titles_for

    which = _kind(kind)
    lang = common.parse_language(lang)
    if bool(texts) == bool(input_file):
        raise CareerClustersError("give either TEXT… or --input FILE.csv")
    if engine not in ("local", "dask"):
        raise CareerClustersError(f"unknown engine {engine!r}: use local or dask")
    if input_file is not None and (engine == "dask" or _uses_frames(input_file, output)):
        _classify_files(input_file, column, output, which, k, engine, scheduler, workers, partition_size, raw,
                        encoding)
        return
    from careerclusters.classifier.batch import classify_csv, classify_each
    from careerclusters.classifier.service import load_classifier

    with common.open_store() as conn:
        classifier = load_classifier(conn, which, common.store_path())
        titles = titles_for(conn, lang)
    if input_file is not None:
        content = common.read_input(input_file, encoding)
        with common.progress() as progress:
            task = progress.add_task("classifying", total=None)
            result = classify_csv(classifier, content, column, input_file.name,
                                  lambda done, total: progress.update(task, completed=done, total=total), raw=raw,
                                  k=k)
        if output is None:
            typer.echo(result, nl=False)
        else:
            output.write_text(result, encoding="utf-8")
            console.print(f"wrote {output}", highlight=False)
        return
    answers = [(in_language(cands, which, lang, titles), why)
               for cands, why in classify_each(classifier, texts or [], k=k)]
    if as_json:
        print_json([{"text": t, "candidates": [c.model_dump(mode="json") for c in cands], "reason": why}
                    for t, (cands, why) in zip(texts or [], answers, strict=True)])
        return
    from rich.table import Table
    from rich.text import Text

    for text, (candidates, why) in zip(texts or [], answers, strict=True):
        console.print(Text(text, style="bold"), highlight=False)  # what was typed, never read as markup
        if not candidates:
            console.print(f"  {why}", highlight=False, markup=False)
            continue
        table = Table("code", "title", "confidence", "sub-clusters", "matched")
        for c in candidates:
            cells = (c.code, c.title, f"{c.confidence:.0%}", "; ".join(s.name for s in c.subclusters) or "—",
                     "; ".join(c.evidence[:2]))
            table.add_row(*(Text(cell) for cell in cells))  # titles are data, not markup
        console.print(table)


def _uses_frames(input_file: Path, output: Path | None) -> bool:
    from careerclusters.classifier.files import uses_frames

    return uses_frames(str(input_file), output)


def _classify_files(input_file: Path, column: str, output: Path | None, kind: Literal["occupation", "program"],
                    k: int, engine: str, scheduler: str | None, workers: int | None, partition_size: str | None,
                    raw: bool, encoding: str | None) -> None:
    """Many files, Parquet, or Dask: the data-frame path (imported here, as Dask takes a second to load)."""
    from careerclusters.classifier.frames import classify_files

    if output is None:
        raise CareerClustersError("give --output (a .csv file or a .parquet folder) for Parquet, several files "
                                  "or --engine dask")
    coded = classify_files(common.store_path(), str(input_file), column, output, kind=kind, k=k,
                           engine=engine,  # type: ignore[arg-type]
                           scheduler=scheduler, workers=workers, partition_size=partition_size, raw=raw,
                           encoding=encoding, say=common.say, show_progress=common.err_console.is_terminal)
    common.say(f"wrote {output}: {coded.rows:,} rows ({coded.distinct:,} distinct titles) in {coded.seconds:.1f} s; "
               f"peak memory per worker {max(coded.peak_mb):,.0f} MB")


def search(
    query: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for, in English or Spanish.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lang: Annotated[str, typer.Option("--lang", "-l", help=common.LANG_HELP)] = "en",
) -> None:
    """Find occupations, programs, clusters and sub-clusters together (typo-tolerant, accents optional)."""
    from careerclusters.classifier.search import search as search_all

    lang = common.parse_language(lang)
    with common.open_store() as conn:
        result = search_all(conn, query, common.store_path(), lang=lang)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    for hit in result.nodes:
        console.print(f"[magenta]{hit.level}[/magenta] {hit.name} [dim]({hit.edition}, {hit.id})[/dim]",
                      highlight=False)
    for c in result.occupations:
        console.print(f"[cyan]occupation[/cyan] {c.code} {c.title} [dim]{c.confidence:.0%}[/dim]", highlight=False)
    for c in result.programs:
        console.print(f"[green]program[/green] {c.code} {c.title} [dim]{c.confidence:.0%}[/dim]", highlight=False)
    if result.note:
        common.err_console.print(result.note, markup=False)


def register(root: typer.Typer) -> None:
    for command in (classify, search):
        root.command(name=command.__name__)(user_errors(command))
