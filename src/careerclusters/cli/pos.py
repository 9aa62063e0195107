"""``careerclusters pos …``: programs of study — check files against the rules, import them into the store,
list, show and export them (YAML, JSON, the CSV catalog, the state matrix workbook, PDF), upgrade version 1 files
to version 2, and look up SCED course codes."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.formatting import money
from careerclusters.cli import common
from careerclusters.cli.common import console, print_json, say, user_errors

if TYPE_CHECKING:
    from careerclusters.pos import ProgramOfStudy
    from careerclusters.pos.checker import AreaWages, Report, TargetOccupation
    from careerclusters.pos.model import Course

app = typer.Typer(help="Programs of study: course sequences from high school to a credential and a job "
                       "(Perkins V, section 3(41)).", no_args_is_help=True)
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Files = Annotated[list[Path], typer.Argument(help="Program-of-study files: YAML, JSON, a CSV catalog or a workbook "
                                                 "(.xlsx).")]
RulesOption = Annotated[Path | None, typer.Option("--rules", help="A rules YAML file replacing the default rules.")]
IdArg = Annotated[str, typer.Argument(help="A program of study's id (see `careerclusters pos list`).")]
AreaOption = Annotated[str | None, typer.Option("--area", help="Compare pay in this area (OH, 'Columbus, OH', a BLS "
                                                             "area code) rather than the program's state.")]
FORMATS = ("yaml", "json", "csv", "xlsx", "pdf")
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


def _area(conn: sqlite3.Connection, query: str | None) -> AreaWages | None:
    """The wages of the area a person names, or ``None`` (each program's own state, else national)."""
    from careerclusters.labor.areas import find_area
    from careerclusters.pos.checker import area_wages

    return None if query is None else area_wages(conn, find_area(conn, query).code)


@app.command()
@user_errors
def validate(paths: Files, rules: RulesOption = None, area: AreaOption = None, as_json: JSON = False) -> None:
    """Check programs of study against the rules: exit 0 when clean, 1 with errors or warnings, 2 when a file
    cannot be read. Pay is compared in each program's state when its wages are imported (or in --area)."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos.checker import Checker, load_rules

    programs = [program for _, _, program in pos.read_files(paths)]
    with common.open_store() as conn:
        checker = Checker(conn, load_rules(rules))
        wages = _area(conn, area)
        reports = [checker.check(program, wages) for program in programs]
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
            f"; import some with `{command('pos import FILE…')}`")
        return
    table = Table()
    # the id is what `pos show` takes: never cut or wrapped, however narrow the terminal (the others wrap)
    table.add_column("id", no_wrap=True, min_width=max(len(p.id) for p in found))
    for name in ("title", "owner", "sub-clusters", "CIP codes"):
        table.add_column(name, overflow="fold")
    for p in found:
        table.add_row(p.id, p.title + (" [dim](example)[/]" if p.example and "example" not in p.title else ""),
                      p.owner, ", ".join(p.subclusters), ", ".join(p.cips))
    console.print(table)


def _course_notes(course: Course, earned: dict[str, list[str]], work: dict[str, list[str]]) -> list[str]:
    from careerclusters.pos import workbook  # its labels; openpyxl loads only when a command needs it
    from careerclusters.pos.model import CourseRole

    notes = [course.role.value.replace("-", " ")] if course.role is not CourseRole.required else []
    notes += [" ".join(str(part) for part in (workbook.EARLY_COLLEGE[e.kind], e.exam, e.institution, e.course,
                                              f"{e.credits:g} college credits" if e.credits is not None else None,
                                              e.agreement) if part)
              for e in course.early_college]
    return notes + work.get(course.code, []) + [f"earns {name}" for name in earned.get(course.code, [])]


def _sequence(program: ProgramOfStudy, titles: dict[str, str]) -> Table:
    from careerclusters.pos import workbook
    from careerclusters.pos.model import Choice, CourseRole, Stage, StepUnit

    earned: dict[str, list[str]] = {}
    for credential in program.credentials:
        earned.setdefault(credential.course or "@" + (credential.level or ""), []).append(credential.name)
    work: dict[str, list[str]] = {}
    for _, w in program.work():
        if w.course:
            work.setdefault(w.course, []).append(workbook.WORK[w.kind].lower())
    table = Table("level", "course", "SCED", "credits", "type", "notes", title="Sequence", title_justify="left")
    for level in program.levels:
        marks = [m for m, on in (("entry", level.entry_point), ("exit", level.exit_point)) if on]
        head = f"{level.name} ({', '.join(marks)})" if marks else level.name
        if level.stage is not Stage.secondary:  # high school goes without saying
            head += f"\n{level.stage.value}" + ("" if level.step_unit is StepUnit.grade
                                                else f" {level.step_unit.value} {level.step}")
        rows: list[tuple[str, ...]] = []
        for group, course in level.all_courses():
            sced_text = f"{course.sced} {titles.get(course.sced, '')}".strip() if course.sced else ""
            notes = _course_notes(course, earned, work)
            if group is not None:
                ask = {Choice.one_of: "one of", Choice.n_of: f"{group.number} of",
                       Choice.credits: f"{group.credits or 0:g} credits of"}[group.choose]
                notes.insert(0, f"{ask} {group.name or group.id}")
            rows.append((f"{course.code} {course.title}", sced_text, f"{course.credits:g}",
                         course.kind.value + (f" {course.level.value}" if course.level else ""), "; ".join(notes)))
        rows += [(f"{group.name or group.id} (any courses)", "", f"{group.credits or 0:g}",
                  group.effective_kind().value, group.role.value.replace("-", " "))
                 for group in level.groups if not group.courses]
        rows += [(f"{workbook.WORK[w.kind]}: {w.title or ''}".rstrip(": "), "", "" if w.credits is None
                  else f"{w.credits:g}", "work-based", "; ".join(
                      part for part in (f"{w.hours} hours" if w.hours else "", w.partner or "",
                                        f"RAPIDS {w.rapids}" if w.rapids else "", w.role.value
                                        if w.role is not CourseRole.required else "") if part))
                 for w in level.work_based_learning if not w.course]
        rows += [(level.note, "", "", "", "; ".join(f"earns {n}" for n in earned.get("@" + level.name, [])))
                 ] if level.note else []
        for index, row in enumerate(rows or [("", "", "", "", "")]):
            table.add_row(head if index == 0 else "", *row)
    return table


def _where_paid(occupation: TargetOccupation) -> str:
    return "" if occupation.wage_soc is None else f" (group {occupation.wage_soc})"


@app.command()
@user_errors
def show(program_id: IdArg, area: AreaOption = None, as_json: JSON = False) -> None:
    """A program of study: its sequence, credentials, student organizations, target occupations by education
    with pay and outlook, and findings."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos import sced
    from careerclusters.pos.checker import NATIONAL, Checker

    with common.open_store() as conn:
        stored = pos.get(conn, program_id)
        report = Checker(conn).check(stored.program, _area(conn, area))
        titles = {code: c.title for code, c in sced.all_courses(conn).items()}
    program = stored.program
    if as_json:
        print_json({"program": program.model_dump(mode="json"), "file_name": stored.file_name,
                    "imported_at": stored.imported_at, "report": report.model_dump(mode="json")})
        return
    owner = program.owner.name + (f" ({program.owner.state})" if program.owner.state else "")
    console.print(f"[bold]{program.title}[/] ({program.id}) — {owner}", highlight=False)
    if program.adopters:
        console.print("adopted by: " + "; ".join(a.name for a in program.adopters), highlight=False)
    cips = ", ".join(dict.fromkeys(program.secondary_cip + program.postsecondary_cip)) or "—"
    console.print(f"sub-clusters: {', '.join(program.subclusters)}; CIP (instructional programs): {cips}",
                  highlight=False)
    console.print(_sequence(program, titles))
    if program.student_organizations:
        console.print("student organizations: " + "; ".join(
            o.display_name + (f" ({', '.join(o.levels)})" if o.levels else "") for o in program.student_organizations),
            highlight=False)
    where = "national" if report.wage_area == NATIONAL else report.wage_area
    by_education = any(o.education for o in report.occupations)
    occupations = Table(*(["education"] if by_education else []), "SOC", "occupation", f"median wage ({where})",
                        "10-year change", title="Leads to", title_justify="left")
    for o in report.occupations:
        occupations.add_row(*([o.education.value if o.education else ""] if by_education else []), o.soc,
                            o.title or "", money(o.median_wage, o.wage_marker) + _where_paid(o),
                            "—" if o.change_pct is None else f"{o.change_pct:+.1f}%"
                            + (f" (group {o.projection_soc})" if o.projection_soc else ""))
    console.print(occupations)
    _print_report(report)
    say(f"imported from {stored.file_name} at {stored.imported_at}")


@app.command()
@user_errors
def export(program_id: IdArg,
           fmt: Annotated[str, typer.Option("--format", help="yaml, json, csv, xlsx (the state matrix workbook) or "
                                                             "pdf.")] = "yaml",
           output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None) -> None:
    """Write a stored program of study in the open file format (YAML or JSON), the flat CSV catalog layout, the
    state matrix workbook (xlsx, which `pos import` reads back), or as a printed PDF (its sequence, credentials,
    occupations and findings, as the web page shows them)."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos import files, workbook
    from careerclusters.pos.checker import Checker
    from careerclusters.reports import html, pdf

    if fmt not in FORMATS:
        raise CareerClustersError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    if fmt in ("pdf", "xlsx") and output is None:
        what = "a PDF" if fmt == "pdf" else "an XLSX workbook"
        raise CareerClustersError(f"{what} is written to a file: add -o FILE.{fmt}")
    with common.open_store() as conn:
        program = pos.get(conn, program_id).program
        checker = Checker(conn) if fmt == "pdf" else None
        document = html.program_of_study_document(program, checker.check(program), checker) if checker else None
    if output is not None and fmt in ("pdf", "xlsx"):
        output.write_bytes(pdf.render(document) if document is not None else workbook.write(program))
        say(f"wrote {output}")
        return
    text = files.render([program], fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    say(f"wrote {output}")


@app.command()
@user_errors
def upgrade(paths: Files,
            in_place: Annotated[bool, typer.Option("--in-place", help="Rewrite each YAML or JSON file in place.")]
            = False,
            output: Annotated[Path | None, typer.Option("-o", "--output", help="Write each program as ID.yaml into "
                                                                               "this folder.")] = None) -> None:
    """Rewrite programs of study in format version 2. Version 1 files (and CSV catalogs, version 1's layout)
    read as they always did; this writes what they hold in version 2, unchanged, to build on: print it, rewrite
    each YAML or JSON file in place (--in-place, keeping a YAML file's opening comments), or write one YAML file
    per program into a folder (-o FOLDER)."""
    from careerclusters.pos import catalogue as pos
    from careerclusters.pos import files

    if in_place and output is not None:
        raise CareerClustersError("choose --in-place or -o FOLDER, not both")
    if in_place:
        rewritten = [(path, *files.upgraded(path)) for path in paths]  # every file read before any is written
        for path, text, programs in rewritten:
            path.write_text(text, encoding="utf-8")
            say(f"{path}: {len(programs)} program(s) of study now in format version 2")
        return
    programs = [program for _, _, program in pos.read_files(paths)]
    if output is None:
        typer.echo(files.render(programs, "yaml"), nl=False)
        return
    if output.exists() and not output.is_dir():
        raise CareerClustersError(f"{output}: not a folder")
    output.mkdir(parents=True, exist_ok=True)
    for program in programs:
        (output / f"{program.id}.yaml").write_text(files.render([program], "yaml"), encoding="utf-8")
    say(f"wrote {len(programs)} program(s) of study in format version 2 to {output}")


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
