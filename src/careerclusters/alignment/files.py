"""The alignment report as data files: a CSV of the programs table, and a workbook a CTE office can sort,
filter and paste from: one sheet per table (programs, their occupations, sub-clusters, gaps) and one for the
method, sources and limits; on every sheet the area and date on top, a frozen header row with filters, and
numbers stored as numbers with their formats (dollars, counts, percentages)."""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from careerclusters.alignment.analysis import AlignmentReport, ProgramResult
from careerclusters.base.spreadsheets import SafeWriter, safe_cell

MONEY, COUNT, SHARE, PERCENT = '"$"#,##0', "#,##0", "0%", '0.0"%"'
#: Text columns at least this wide are wrapped.
WRAPPED = 34
TOP, WRAP = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    number_format: str | None = None


PROGRAM_COLUMNS = (
    Column("row", 6), Column("program", 34), Column("level", 12), Column("level_from", 10), Column("cip", 9),
    Column("cip_title", 40), Column("coded_by", 11), Column("confidence", 11, SHARE), Column("needs_review", 13),
    Column("review_reason", 50), Column("enrolment", 11, COUNT), Column("completers", 11, COUNT),
    Column("serves_subclusters", 34), Column("entry_jobs", 11, COUNT), Column("entry_openings_estimate", 14, COUNT),
    Column("high_wage_share", 12, SHARE), Column("near_line_share", 12, SHARE), Column("in_demand_share", 12, SHARE),
    Column("on_state_list_share", 12, SHARE), Column("declining_share", 12, SHARE), Column("verdict", 24),
    Column("near_line", 10), Column("reasons", 80))


def _program_row(report: AlignmentReport, p: ProgramResult) -> tuple[object, ...]:
    names = {d.id: d.name for d in report.subclusters}
    return (p.row, p.name, p.level, "given" if p.level_given else "default", p.cip, p.cip_title, p.coded_by,
            p.confidence, p.needs_review, p.review_reason, p.enrolment, p.completers,
            "; ".join(names.get(s, s) for s in p.serves), p.employment, p.openings_estimate, p.high_wage_share,
            p.near_line_share, p.in_demand_share, p.on_list_share, p.declining_share, p.verdict, p.near_line,
            "; ".join(p.reasons))


def programs_csv(report: AlignmentReport, safe: bool = True) -> str:
    """The programs table as CSV. With ``safe``, text cells that a spreadsheet would run as a formula are
    neutralised (a program name typed as ``=HYPERLINK(…)`` in the input comes back inert)."""
    out = io.StringIO()
    writer = SafeWriter(out, raw=not safe)
    writer.writerow(c.header for c in PROGRAM_COLUMNS)
    writer.writerows(_program_row(report, p) for p in report.programs)
    return out.getvalue()


def _value(value: object) -> object:
    """A cell's value: text safe from formulas, yes/no for flags (easier to filter on than TRUE/FALSE)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return safe_cell(value)


def _title(report: AlignmentReport) -> str:
    return (f"Program alignment: {report.area.name} (BLS area {report.area.code}, {report.area.type}) · levels "
            f"{', '.join(report.levels)} · prepared {date.today().isoformat()} with careerclusters")


def _sheet(book: Workbook, name: str, report: AlignmentReport, note: str, columns: Sequence[Column],
           rows: Iterable[Sequence[object]]) -> Worksheet:
    """A sheet: the area and date, a note, then a table whose header is frozen and filtered."""
    sheet = book.create_sheet(name)
    sheet.append([_title(report)])
    sheet.append([note])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet["A2"].font = Font(italic=True)
    sheet.append([c.header for c in columns])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = WRAP
    sheet.row_dimensions[3].height = 30  # headers longer than their column wrap onto a second line
    for row in rows:
        sheet.append([_value(v) for v in row])
        lines = max((math.ceil(len(str(v)) / (c.width * 1.05)) for v, c in zip(row, columns, strict=True)
                     if isinstance(v, str) and c.width >= WRAPPED), default=1)
        sheet.row_dimensions[sheet.max_row].height = 15 * max(1, lines)  # wrapped text shows whole
    for index, column in enumerate(columns, start=1):
        # a header has no spaces to wrap at: up to 20 characters, the column is wide enough for it whole
        fits = len(column.header) + 2 if len(column.header) <= 20 else 0
        sheet.column_dimensions[get_column_letter(index)].width = max(column.width, fits)
        for (cell,) in sheet.iter_rows(min_row=4, min_col=index, max_col=index):
            if column.number_format:
                cell.number_format = column.number_format
            # long text reads wrapped in its column, not spilling over the next; every cell from the top
            cell.alignment = WRAP if column.width >= WRAPPED and not column.number_format else TOP
    sheet.freeze_panes = "B4"
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(columns))}{max(sheet.max_row, 3)}"
    # printed: landscape, one page wide, the area, note and header repeated on every page
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:3"
    return sheet


def _occupation_rows(report: AlignmentReport) -> Iterable[tuple[object, ...]]:
    for p in report.programs:
        for o in p.occupations:
            yield (p.name, p.cip, p.level, o.kind, o.soc, o.title, o.employment, o.median_wage, o.wage_marker,
                   o.openings_estimate, o.openings_source, o.change_pct, o.high_wage, o.near_line, o.in_demand,
                   o.on_state_list, o.declining, o.reason, o.via)


def _subcluster_rows(report: AlignmentReport) -> Iterable[tuple[object, ...]]:
    for d in sorted(report.subclusters, key=lambda d: -(d.at_levels.openings_estimate or 0)):
        if d.employment is None and d.at_levels.employment is None:
            continue
        whose = "; ".join(f"{j.title} {j.share:.0%}" for j in d.job_shares)
        yield (d.name, d.cluster, d.employment, d.median_wage, whose, d.openings_estimate,
               d.at_levels.occupations, d.at_levels.employment, d.at_levels.median_wage,
               d.at_levels.openings_estimate, d.high_wage, d.in_demand, "; ".join(d.programs),
               "; ".join(d.unconfirmed), d.enrolment, d.completers, d.excluded)


def workbook(report: AlignmentReport) -> bytes:
    """The report as an .xlsx workbook."""
    book = Workbook()
    book.remove(book.active)
    flagged = sum(p.needs_review for p in report.programs)
    _sheet(book, "Programs", report, f"One row per program; verdicts use entry occupations only. {flagged} row"
           f"{'s' if flagged != 1 else ''} flagged for review (needs_review yes): shown, never judged.",
           PROGRAM_COLUMNS, (_program_row(report, p) for p in report.programs))
    _sheet(book, "Occupations", report, "Every occupation each program leads to: entry (judged) or on the ladder "
           f"above (with experience, with further study), and why. {report.openings_note}.", (
               Column("program", 30), Column("cip", 9), Column("level", 11), Column("kind", 17), Column("soc", 9),
               Column("occupation", 40), Column("jobs", 10, COUNT), Column("median_wage", 12, MONEY),
               Column("wage_marker", 12), Column("openings_estimate", 12, COUNT), Column("openings_from", 12),
               Column("change_pct", 10, PERCENT), Column("high_wage", 10), Column("near_line", 10),
               Column("in_demand", 10), Column("on_state_list", 10), Column("declining", 10),
               Column("why_this_kind", 60), Column("linked_by", 40)), _occupation_rows(report))
    _sheet(book, "Sub-clusters", report, "All occupations, then those the institution's levels lead to. Occupations "
           "count in every sub-cluster they belong to; the largest occupations set a sub-cluster's median.", (
               Column("subcluster", 32), Column("cluster", 26), Column("jobs", 10, COUNT),
               Column("median_wage", 12, MONEY), Column("whose_jobs", 50), Column("openings_estimate", 12, COUNT),
               Column("occupations_at_levels", 12, COUNT), Column("jobs_at_levels", 12, COUNT),
               Column("median_wage_at_levels", 14, MONEY), Column("openings_at_levels", 12, COUNT),
               Column("high_wage", 10), Column("in_demand", 10), Column("programs", 34), Column("flagged_programs", 24),
               Column("enrolment", 10, COUNT), Column("completers", 10, COUNT), Column("excluded", 30)),
           _subcluster_rows(report))
    _sheet(book, "Gaps", report, "Sub-clusters with demand at your levels and no judged program; programs "
           "leading mostly to low-wage or declining work.", (Column("kind", 12), Column("subject", 34),
                                                             Column("detail", 100)),
           ((g.kind, g.subject, g.detail) for g in report.gaps))
    method_rows: list[tuple[object, ...]] = [("method", text) for text in report.method]
    method_rows += [("limit", text) for text in report.limits]
    method_rows += [("source", f"{s.what}: {s.release}") for s in report.sources]
    method_rows += [("in-demand list", f"{s.name} {s.year}: {s.occupations} occupations") for s in report.state_lists]
    if report.place:
        method_rows.append(("place", report.place))
    _sheet(book, "Method", report, "How the report was made, what it rests on, and what it cannot say.",
           (Column("part", 16), Column("text", 140)), method_rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
