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
    from careerclusters.alignment.analysis import ProgramInput
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
    programs: Annotated[Path, typer.Option("--programs", help="CSV of local programs: program (name) and/or cip, "
                                                              "optional enrolment and completers.")],
    area: Annotated[str, typer.Option("--area", help="State or metro area: OH, 'Columbus, OH', a BLS code.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Where to write (default: stdout for "
                                                                       "html and csv).")] = None,
    format: Annotated[Format, typer.Option("--format", help="html, pdf, xlsx or csv (the programs table).")]
    = Format.html,
    rules: Annotated[Path | None, typer.Option("--rules", help="A YAML of thresholds replacing the defaults.")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="Write CSV cells exactly, without neutralising formulas.")]
    = False,
    encoding: Annotated[str | None, common.ENCODING] = None,
) -> None:
    """Are these programs aligned with the area's labour market? High-wage, in-demand occupations, by
    program and sub-cluster, and the gaps."""
    from careerclusters.alignment import analysis as alignment
    from careerclusters.alignment.files import programs_csv, workbook
    from careerclusters.reports import html

    content = common.read_input(programs, encoding)
    listed = alignment.read_programs(content, programs.name)
    classifier = _classifier(listed)
    with common.open_store() as conn:
        report = alignment.alignment(conn, area, listed, rules=alignment.load_rules(rules), classifier=classifier)
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
    common.say(f"wrote {output} ({len(report.programs)} programs, {report.area.name})")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="report")
