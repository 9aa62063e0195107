"""The report as data files: the programs CSV (formula-safe) and the workbook (a sheet per table, the area on
every sheet, frozen headers, filters, numbers stored as numbers with their formats)."""

from __future__ import annotations

import csv
import io

import openpyxl

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.files import programs_csv, workbook
from careerclusters.alignment.programs import read_programs
from careerclusters.alignment.rules import load_rules
from tests.helpers import CAREER_CENTER_PROGRAMS


def _report(conn, extra: str = "") -> alignment.AlignmentReport:
    rules = load_rules()
    return alignment.alignment(conn, "Columbus, OH",
                               read_programs(CAREER_CENTER_PROGRAMS + extra, "programs.csv", rules, "secondary"),
                               rules=rules)


def test_csv_is_safe_and_keeps_the_counts(conn) -> None:
    report = _report(conn, '"=HYPERLINK(""http://x"")",51.0801,,\n')
    rows = list(csv.DictReader(io.StringIO(programs_csv(report))))
    assert rows[0]["program"] == "Emergency Medical Technician" and rows[0]["enrolment"] == "38"
    assert rows[0]["level"] == "secondary" and rows[0]["level_from"] == "default"
    assert rows[-1]["program"].startswith("'=")  # a formula typed as a name comes back inert
    assert programs_csv(report, safe=False).count('"=HYPERLINK') == 1


def test_workbook_sheets_formats_filters_and_the_area_on_every_sheet(conn) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook(_report(conn))))
    assert book.sheetnames == ["Programs", "Occupations", "Sub-clusters", "Gaps", "Method"]
    for sheet in book:
        assert "Columbus, OH (BLS area 0018140, metro)" in sheet["A1"].value
        assert sheet.freeze_panes == "B4" and sheet.auto_filter.ref.startswith("A3:")
        assert sheet.print_title_rows == "$1:$3"
    programs = book["Programs"]
    header = [c.value for c in programs[3]]
    emt = next(r for r in programs.iter_rows(min_row=4) if r[header.index("program")].value ==
               "Emergency Medical Technician")
    assert emt[header.index("entry_jobs")].value == 1290 and emt[header.index("entry_jobs")].number_format == "#,##0"
    assert emt[header.index("high_wage_share")].number_format == "0%"
    assert emt[header.index("needs_review")].value == "no"
    occupations = book["Occupations"]
    header = [c.value for c in occupations[3]]
    emts = next(r for r in occupations.iter_rows(min_row=4) if r[header.index("soc")].value == "29-2042")
    assert emts[header.index("median_wage")].value == 41520
    assert emts[header.index("median_wage")].number_format == '"$"#,##0'
    assert emts[header.index("kind")].value == "entry"
    method = [c.value for c in book["Method"]["B"]]
    assert any("self-employed" in str(v) for v in method) and any("OEWS May 2025" in str(v) for v in method)
