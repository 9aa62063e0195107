"""The alignment report on the web, in real headless Chromium with axe, as a career center's CTE director uses
it: upload the programs as an Excel workbook, read the report, download it as a workbook and as a PDF; and a
file that is not a table comes back on the form, beside the field, reachable by keyboard."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from playwright.sync_api import Page

from tests.helpers import pdf_text, serious_violations, words

PROGRAMS = [["program", "cip", "enrolment", "completers"], ["Emergency Medical Technician", "51.0904", 38, 16],
            ["Construction Trades", "46.0000", 52, 20], ["Early Childhood Education", "13.1210", 44, 18],
            ["Cosmetology", "12.0401", 60, 24], ["Nursing", "51.3800", 20, 8], ["HVAC", None, 36, 14]]


def test_upload_a_workbook_and_download_the_report(page: Page, server: str, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in PROGRAMS:
        book.active.append(row)
    programs = tmp_path / "programs.xlsx"
    book.save(programs)
    page.goto(server + "/reports/alignment")
    assert serious_violations(page) == []
    page.set_input_files("#programs", str(programs))
    page.get_by_label("Level of programs without a level column").select_option("secondary")
    page.get_by_label("State, metro or nonmetro area, or county").fill("Columbus, OH")
    page.get_by_role("button", name="Make the report").press("Enter")
    page.wait_for_selector(".alignment-report")
    report = words(page.locator(".alignment-report").inner_text())
    assert "6 programs and the labor market of Columbus, OH" in report
    assert "The ladder above: not judged" in report and "51.3800 is not a CIP 2020 program code" in report
    assert "Whose jobs:" in report and "Method, sources and limits" in report and "Enrolled" in report
    assert serious_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Download workbook (xlsx)").click()
    sheets = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert sheets.sheetnames == ["Programs", "Occupations", "Sub-clusters", "Gaps", "Method"]
    header = [c.value for c in sheets["Programs"][3]]
    emt = next(sheets["Programs"].iter_rows(min_row=4, values_only=True))
    assert emt[header.index("program")] == "Emergency Medical Technician" and emt[header.index("verdict")] == "neither"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    pages, text = pdf_text(pdf)
    text = words(text)
    assert pages >= 6 and "6 programs and the labor market of Columbus, OH" in text
    assert "Demand and programs by sub-cluster" in text and "29-2042" in text and "Paramedics" in text
    assert "Limits" in text and "wage-and-salary jobs" in text


def test_a_file_that_is_not_a_table_comes_back_beside_the_field(page: Page, server: str, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\0\0\0stream")
    page.goto(server + "/reports/alignment")
    page.set_input_files("#programs", str(scan))
    page.get_by_label("State, metro or nonmetro area, or county").fill("Columbus, OH")
    page.get_by_role("button", name="Make the report").click()
    problem = page.locator("#programs-problem")
    assert problem.inner_text().startswith("scan.pdf: not a CSV file or an .xlsx workbook")
    assert page.locator("#area").input_value() == "Columbus, OH"
    assert serious_violations(page) == []
    page.get_by_role("alert").get_by_role("link").first.click()  # the summary's link takes you to the field
    assert page.evaluate("location.hash") == "#programs"
