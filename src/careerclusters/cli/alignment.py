"""``careerclusters report …``: documents for CTE staff, starting with the program alignment report."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerclusters.base.errors import CareerClustersError
from careerclusters.cli import common
from careerclusters.cli.common import user_errors

if TYPE_CHECKING:
    from careerclusters.alignment.programs import ProgramInput
    from careerclusters.classifier.service import TextClassifier

app = typer.Typer(help="Reports for state and local CTE staff.", no_args_is_help=True)


class Format(StrEnum):
    html = "html"
    pdf = "pdf"
    xlsx = "xlsx"
    csv = "csv"


def _classifier(programs: list[ProgramInput]) -> TextClassifier | None:
    """The program classifier, loaded only when a program has no CIP code to go by."""
    if all(p.cip for p in programs):
        return None
    from careerclusters.classifier import load_classifier

    with common.open_store() as conn:
        return load_classifier(conn, "program", common.store_path())


@app.command("alignment")
@user_errors
def alignment_(
    programs: Annotated[Path, typer.Option("--programs", help="CSV or .xlsx of local programs: program (name) "
                                                              "and/or cip; optional level, enrolment, completers.")],
    area: Annotated[str, typer.Option("--area", help="State, metro area or county: OH, 'Columbus, OH', 'Franklin "
                                                     "County, OH' (with BLS's area definitions imported), a BLS "
                                                     "code.")],
    level: Annotated[str, typer.Option("--level", help="Level of programs without a level of their own: secondary, "
                                                       "certificate, associate or bachelor.")] = "secondary",
    levels: Annotated[str | None, typer.Option("--levels", help="The levels your institution serves, comma-"
                                                                "separated, for the gaps (default: its programs').")]
    = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Where to write (default: stdout for "
                                                                       "html and csv).")] = None,
    format: Annotated[Format, typer.Option("--format", help="html, pdf, xlsx or csv (the programs table).")]
    = Format.html,
    rules: Annotated[Path | None, typer.Option("--rules", help="A YAML of rules replacing the defaults "
                                                              "(alignment/rules.yaml).")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="Write CSV cells exactly, without neutralising formulas.")]
    = False,
    encoding: Annotated[str | None, common.ENCODING] = None,
) -> None:
    """Are these programs aligned with the area's labour market? The occupations each leads to at its level,
    high-wage and in-demand verdicts on its entry occupations, sub-clusters at your levels, and the gaps."""
    from careerclusters.alignment import analysis as alignment
    from careerclusters.alignment.files import programs_csv, workbook
    from careerclusters.alignment.programs import read_programs
    from careerclusters.alignment.rules import load_rules
    from careerclusters.reports import html

    applied = load_rules(rules)
    default = applied.level(level, "--level")
    served = [applied.level(v, "--levels") for v in levels.split(",") if v.strip()] if levels else None
    content = common.read_input(programs, encoding)
    listed = read_programs(content, programs.name, applied, default)
    classifier = _classifier(listed)
    with common.open_store() as conn:
        report = alignment.alignment(conn, area, listed, rules=applied, classifier=classifier, levels=served)
    if format is Format.csv:
        data: bytes = programs_csv(report, safe=not raw).encode("utf-8")
    elif format is Format.xlsx:
        data = workbook(report)
    elif format is Format.pdf:
        from careerclusters.reports.pdf import render

        data = render(html.alignment_document(report))
    else:
        data = html.alignment_document(report).encode("utf-8")
    if output is None:
        if format in (Format.xlsx, Format.pdf):
            raise CareerClustersError(f"a {format.value} report needs -o FILE")
        sys.stdout.write(data.decode("utf-8"))
        return
    output.write_bytes(data)
    flagged = sum(p.needs_review for p in report.programs)
    common.say(f"wrote {output} ({len(report.programs)} programs, {report.area.name}"
               + (f"; {flagged} flagged for review" if flagged else "") + ")")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="report")
