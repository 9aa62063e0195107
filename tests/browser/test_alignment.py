"""The alignment report on the web, in real headless Chromium with axe: upload programs for a report, then download
it as a workbook and as a PDF."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from playwright.sync_api import Page

from tests.helpers import pdf_text, serious_violations


def test_upload_programs_and_download_the_report(page: Page, server: str, tmp_path: Path) -> None:
    programs = tmp_path / "programs.csv"
    programs.write_text("program,cip,completers\nNursing (RN),51.3801,40\nCosmetology,12.0401,30\n"
                        "Computer Programming,,12\n")
    page.goto(server + "/reports/alignment")
    assert serious_violations(page) == []
    page.set_input_files("#programs", str(programs))
    page.get_by_label("State, metro or nonmetro area").fill("Ohio")
    page.get_by_role("button", name="Make the report").press("Enter")
    page.wait_for_selector(".alignment-report")
    report = page.locator(".alignment-report").inner_text()
    assert "3 programs and the labor market of Ohio" in report
    assert "high-wage and in demand" in report and "Gaps" in report and "coded from the name" in report
    assert serious_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Download workbook (xlsx)").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    nursing = next(book["Programs"].iter_rows(min_row=2, values_only=True))
    assert nursing[1] == "Nursing (RN)" and nursing[-2] == "high-wage and in demand"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    pages, text = pdf_text(pdf)
    assert pages >= 4 and "3 programs and the labor market of Ohio" in text
    assert "Demand and programs by sub-cluster" in text and "Registered Nurses" in text and "143,730" in text
