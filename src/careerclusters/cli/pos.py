"""``careerclusters pos …``: programs of study — check files against the rules, import them into the store,
list, show and export them, and look up SCED course codes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.formatting import money
from careerclusters.cli import common
from careerclusters.cli.common import console, print_json, say, user_errors

if TYPE_CHECKING:
    from careerclusters.pos import ProgramOfStudy
    from careerclusters.pos.checker import Report

app = typer.Typer(help="Programs of study: course sequences from high school to a credential and a job "
                       "(Perkins V, section 3(41)).", no_args_is_help=True)
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Files = Annotated[list[Path], typer.Argument(help="Program-of-study files: YAML, JSON or a CSV catalog.")]
RulesOption = Annotated[Path | None, typer.Option("--rules", help="A rules YAML file replacing the default rules.")]
IdArg = Annotated[str, typer.Argument(help="A program of study's id (see `careerclusters pos list`).")]
FINDINGS = 1
MARK = {"error": "[red]error[/]", "warning": "[yellow]warning[/]", "info": "info"}


def _print_report(report: Report) -> None:
    if not report.findings:
        console.print(f"[green]ok[/] {report.program}: {report.title}", highlight=False)
        return
    table = Table("severity", "rule", "finding", title=f"{report.program}: {report.title}", title_justify="left")
    for finding in report.findings:
        table.add_row(MARK[finding.severity], finding.rule, finding.message)
    console.print(table)


@app.command()
@user_errors
def validate(paths: Files, rules: RulesOption = None, as_json: JSON = False) -> None:
    """Check programs of study against the rules: exit 0 when clean, 1 with errors or warnings, 2 when a file
    cannot be read."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos.checker import Checker, load_rules

    programs = [program for _, _, program in pos.read_files(paths)]
    with common.open_store() as conn:
        checker = Checker(conn, load_rules(rules))
        reports = [checker.check(program) for program in programs]
    if as_json:
        print_json([r.model_dump(mode="json") for r in reports])
    else:
        for report in reports:
            _print_report(report)
    if any(f.severity != "info" for r in reports for f in r.findings):
        raise typer.Exit(FINDINGS)


@app.command("import")
@user_errors
def import_(paths: Annotated[list[Path] | None, typer.Argument(help="Program-of-study files: YAML, JSON or a CSV "
                                                                   "catalog.")] = None,
            examples: Annotated[bool, typer.Option("--examples", help="Also import the example programs of study "
                                                                      "that come with careerclusters.")] = False,
            as_json: JSON = False) -> None:
    """Import programs of study into the store, all files or none; a program whose id is stored is replaced."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos.examples import example_paths

    paths = [*(paths or []), *(example_paths() if examples else [])]
    if not paths:
        raise CareerClustersError("name the files to import (or add --examples for the examples)")
    with common.open_store(readonly=False) as conn:
        results = pos.import_files(conn, paths)
    if as_json:
        print_json([r.model_dump() for r in results])
        return
    table = Table("id", "title", "file", "status")
    for r in results:
        table.add_row(r.id, r.title, r.file, r.status)
    console.print(table)


@app.command("list")
@user_errors
def list_(subcluster: Annotated[str | None, typer.Option("--subcluster", help="A sub-cluster id or name.")] = None,
          cip: Annotated[str | None, typer.Option("--cip", help="A CIP 2020 code the program uses.")] = None,
          as_json: JSON = False) -> None:
    """The imported programs of study."""
    from careerclusters.pos import catalogue as pos

    with common.open_store() as conn:
        found = pos.list_programs(conn, subcluster=subcluster, cip=cip)
    if as_json:
        print_json([p.model_dump() for p in found])
        return
    if not found:
        say("no programs of study imported" + (" for that filter" if subcluster or cip else "") +
            "; import some with `careerclusters pos import FILE…`")
        return
    table = Table("id", "title", "owner", "sub-clusters", "CIP codes")
    for p in found:
        table.add_row(p.id, p.title + (" [dim](example)[/]" if p.example and "example" not in p.title else ""),
                      p.owner, ", ".join(p.subclusters), ", ".join(p.cips))
    console.print(table)


def _sequence(program: ProgramOfStudy, titles: dict[str, str]) -> Table:
    earned = {c.course: c for c in program.credentials}
    table = Table("level", "course", "SCED", "credits", "type", "notes", title="Sequence", title_justify="left")
    for level in program.levels:
        marks = [m for m, on in (("entry", level.entry_point), ("exit", level.exit_point)) if on]
        for index, course in enumerate(level.courses):
            notes = [n for n, on in (("dual credit", course.dual_credit), ("work-based", course.work_based_learning),
                                     ("elective", course.elective)) if on]
            if course.code in earned:
                notes.append(f"earns {earned[course.code].name}")
            name = f"{level.name} ({', '.join(marks)})" if marks and index == 0 else (level.name if index == 0 else "")
            sced_text = f"{course.sced} {titles.get(course.sced, '')}".strip() if course.sced else ""
            table.add_row(name, f"{course.code} {course.title}", sced_text, f"{course.credits:g}",
                          course.kind.value + (f" {course.level.value}" if course.level else ""), "; ".join(notes))
    return table


@app.command()
@user_errors
def show(program_id: IdArg, as_json: JSON = False) -> None:
    """A program of study: its sequence, credentials, target occupations with pay and outlook, and findings."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos import sced
    from careerclusters.pos.checker import Checker

    with common.open_store() as conn:
        stored = pos.get(conn, program_id)
        report = Checker(conn).check(stored.program)
        titles = {code: c.title for code, c in sced.all_courses(conn).items()}
    program = stored.program
    if as_json:
        print_json({"program": program.model_dump(mode="json"), "file_name": stored.file_name,
                    "imported_at": stored.imported_at, "report": report.model_dump(mode="json")})
        return
    console.print(f"[bold]{program.title}[/] ({program.id}) — {program.owner.name}", highlight=False)
    cips = ", ".join(dict.fromkeys(program.secondary_cip + program.postsecondary_cip)) or "—"
    console.print(f"sub-clusters: {', '.join(program.subclusters)}; CIP (instructional programs): {cips}",
                  highlight=False)
    console.print(_sequence(program, titles))
    occupations = Table("SOC", "occupation", "median wage", "10-year change", title="Leads to", title_justify="left")
    for o in report.occupations:
        occupations.add_row(o.soc, o.title or "", money(o.median_wage),
                            "—" if o.change_pct is None else f"{o.change_pct:+.1f}%")
    console.print(occupations)
    _print_report(report)
    say(f"imported from {stored.file_name} at {stored.imported_at}")


@app.command()
@user_errors
def export(program_id: IdArg,
           fmt: Annotated[str, typer.Option("--format", help="yaml, json, csv or pdf.")] = "yaml",
           output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None) -> None:
    """Write a stored program of study in the open file format (YAML or JSON), the flat CSV layout, or as a
    printed PDF (its sequence, credentials, occupations and findings, as the web page shows them)."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos import files
    from careerclusters.pos.checker import Checker
    from careerclusters.reports import html, pdf

    if fmt not in ("yaml", "json", "csv", "pdf"):
        raise CareerClustersError(f"unknown format {fmt!r}: use yaml, json, csv or pdf")
    if fmt == "pdf":
        if output is None:
            raise CareerClustersError("a PDF is written to a file: add -o FILE.pdf")
        with common.open_store() as conn:
            program = pos.get(conn, program_id).program
            checker = Checker(conn)
            document = html.program_of_study_document(program, checker.check(program), checker)
        output.write_bytes(pdf.render(document))
        say(f"wrote {output}")
        return
    with common.open_store() as conn:
        program = pos.get(conn, program_id).program
    text = files.render([program], fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    say(f"wrote {output}")


@app.command()
@user_errors
def course(query: Annotated[str, typer.Argument(help="A SCED course code (14051) or words of a title.")],
           as_json: JSON = False) -> None:
    """A SCED v12 course by code, or the courses whose titles best match some words."""
    from careerclusters.pos import sced

    with common.open_store() as conn:
        found = [sced.course(conn, query)] if query.strip().isdigit() else [m.course for m in sced.find(conn, query)]
    if as_json:
        print_json([c.model_dump() for c in found])
        return
    if len(found) == 1:
        c = found[0]
        console.print(f"[bold]{c.code} {c.title}[/] — area {c.subject_area} {c.subject_name}"
                      f"{' (career and technical)' if c.cte else ''}\n{c.description}", highlight=False)
        return
    table = Table("SCED", "title", "subject area")
    for c in found:
        table.add_row(c.code, c.title, f"{c.subject_area} {c.subject_name}")
    console.print(table)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="pos")
