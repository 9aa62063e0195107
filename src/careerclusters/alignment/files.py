"""The alignment report as data files: a CSV of the programs table, and a workbook with one sheet per table
(programs, their occupations, sub-clusters, gaps, sources) whose numbers are numbers, not text."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from careerclusters.alignment.analysis import AlignmentReport
from careerclusters.base.spreadsheets import SafeWriter, safe_cell

if TYPE_CHECKING:  # openpyxl is imported when a workbook is first written
    from openpyxl import Workbook

PROGRAM_COLUMNS = ("row", "program", "cip", "cip_title", "coded_by", "confidence", "needs_review", "enrolment",
                   "completers", "subclusters", "employment", "openings_estimate", "high_wage_share",
                   "in_demand_share", "declining_share", "verdict", "reasons")


def _program_rows(report: AlignmentReport) -> Iterable[tuple[object, ...]]:
    for p in report.programs:
        yield (p.row, p.name, p.cip, p.cip_title, p.coded_by, p.confidence, p.needs_review, p.enrolment,
               p.completers, "; ".join(p.subclusters), p.employment, p.openings_estimate, p.high_wage_share,
               p.in_demand_share, p.declining_share, p.verdict, "; ".join(p.reasons))


def programs_csv(report: AlignmentReport, safe: bool = True) -> str:
    """The programs table as CSV. With ``safe``, text cells that a spreadsheet would run as a formula are
    neutralised (a program name typed as ``=HYPERLINK(…)`` in the input comes back inert)."""
    out = io.StringIO()
    writer = SafeWriter(out, raw=not safe)
    writer.writerow(PROGRAM_COLUMNS)
    writer.writerows(_program_rows(report))
    return out.getvalue()


def _sheet(book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(list(header))
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(48, len(name) + 4))


def workbook(report: AlignmentReport) -> bytes:
    """The report as an .xlsx workbook: one sheet per table, figures as numbers."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Programs", PROGRAM_COLUMNS, _program_rows(report))
    _sheet(book, "Occupations", ("program", "cip", "soc", "occupation", "employment", "median_wage", "wage_marker",
                                 "openings_estimate", "change_pct", "high_wage", "in_demand", "declining"),
           ((p.name, p.cip, o.soc, o.title, o.employment, o.median_wage, o.wage_marker, o.openings_estimate,
             o.change_pct, o.high_wage, o.in_demand, o.declining) for p in report.programs for o in p.occupations))
    _sheet(book, "Sub-clusters", ("subcluster", "cluster", "employment", "median_wage", "openings_estimate",
                                  "high_wage", "in_demand", "programs", "completers"),
           ((d.name, d.cluster, d.employment, d.median_wage, d.openings_estimate, d.high_wage, d.in_demand,
             "; ".join(d.programs), d.completers) for d in report.subclusters))
    _sheet(book, "Gaps", ("kind", "subject", "detail"), ((g.kind, g.subject, g.detail) for g in report.gaps))
    _sheet(book, "Sources", ("figure", "release"), [*((s.what, s.release) for s in report.sources),
                                                     *(("note", n) for n in report.notes),
                                                     ("area", f"{report.area.name} (BLS area {report.area.code})")])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
