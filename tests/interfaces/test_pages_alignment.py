"""The alignment report's web form, as a CTE director uses it: a real Excel workbook, a CSV from Excel on
Windows, a workbook saved under a .csv name; and every problem (a zip bomb, a binary file, a bad row, an unknown
area) back on the form beside its field, naming the file, never a 500 or a dead end."""

from __future__ import annotations

import html
import io
import re
import zipfile

import openpyxl
import pytest
from fastapi.testclient import TestClient

ROWS = [["program", "cip", "level", "enrolment", "completers"], ["Emergency Medical Technician", "51.0904", "", 38, 16],
        ["Construction Trades", "46.0000", "", 52, 20], ["Nursing", "51.3801", "associate", 80, 30]]


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _post(client: TestClient, name: str, body: bytes, area: str = "Columbus, OH", level: str = "secondary"):
    return client.post("/reports/alignment", files={"programs": (name, body)}, data={"area": area, "level": level})


def _problem(page: str, field: str) -> str:
    found = re.search(rf'<span id="{field}-problem" class="problem">(.*?)</span>', page, re.S)
    return html.unescape(found.group(1).strip()) if found else ""


def test_the_form_takes_workbooks_and_a_level(client: TestClient) -> None:
    form = client.get("/reports/alignment").text
    assert 'accept=".csv,.xlsx' in form and '<select id="level" name="level"' in form
    assert '<option value="secondary" selected>' in form


def test_an_excel_workbook_makes_the_report(client: TestClient) -> None:
    response = _post(client, "programs.xlsx", _workbook())
    assert response.status_code == 200, response.text[:500]
    assert "Read programs.xlsx as the .xlsx sheet" in response.text
    assert "3 programs and the labor market of Columbus, OH" in response.text
    assert "associate</span>" in response.text and "secondary (default)" in response.text
    assert '<input type="hidden" name="level" value="secondary">' in response.text


def test_a_workbook_saved_as_csv_is_read_as_the_workbook_it_is(client: TestClient) -> None:
    response = _post(client, "programs.csv", _workbook())
    assert response.status_code == 200 and "Read programs.csv as the .xlsx sheet" in response.text


def test_a_csv_from_excel_on_windows(client: TestClient) -> None:
    body = "program,cip\nEnfermería,51.3801\n".encode("cp1252")
    response = _post(client, "programas.csv", body, level="associate")
    assert response.status_code == 200 and "Enfermería" in response.text and "as cp1252" in response.text


def test_a_zip_bomb_is_refused_without_unpacking(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 40_000_000)
    assert len(bomb.getvalue()) < 1_000_000  # under the upload limit: only unpacking would show what it is

    def unpacked(*_args: object, **_kwargs: object) -> None:
        pytest.fail("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", unpacked)  # imported where a workbook is opened
    response = _post(client, "programs.xlsx", bomb.getvalue(), area="Franklin County, OH")
    assert response.status_code == 422
    problem = _problem(response.text, "programs")
    assert problem.startswith("programs.xlsx: unpacks to 40 MB, more than the 20 MB a workbook may hold here")
    assert "it was not opened" in problem
    assert 'value="Franklin County, OH"' in response.text  # what was typed is kept
    assert 'aria-invalid="true"' in response.text and 'role="alert"' in response.text


@pytest.mark.parametrize(("name", "body", "expected"), [
    ("programs.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "programs.xls: an Excel 97-2003 workbook "
                                                                         "(.xls), which is not read here"),
    ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\0\0\0stream", "scan.pdf: not a CSV file or an .xlsx "
                                                                       "workbook"),
    ("programs.csv", b"program,cip\nNursing,51.38\n", "programs.csv, row 2, column 'cip'"),
    ("programs.csv", b"", "programs.csv: the file is empty"),
    ("notes.csv", b"school,year\nA,2025\n", "notes.csv, row 1"),
])
def test_bad_files_come_back_beside_the_field(client: TestClient, name: str, body: bytes, expected: str) -> None:
    response = _post(client, name, body)
    assert response.status_code == 422
    assert _problem(response.text, "programs").startswith(expected)
    assert "Back to the framework" not in response.text  # the form itself, not a dead end


def test_an_unknown_area_comes_back_beside_the_area(client: TestClient) -> None:
    response = _post(client, "programs.xlsx", _workbook(), area="Atlantis")
    assert response.status_code == 422
    assert _problem(response.text, "area").startswith("no area 'Atlantis'")
    assert not _problem(response.text, "programs")


def test_codes_that_are_not_programs_are_flagged_rows(client: TestClient) -> None:
    response = _post(client, "programs.csv", b"program,cip\nNursing,51.3800\nMystery,99.9999\n")
    assert response.status_code == 200
    assert "51.3800 is not a CIP 2020 program code" in response.text and "NO MATCH" in response.text
    assert response.text.count("needs review") >= 2


def test_downloads_rebuild_the_report_with_its_level(client: TestClient) -> None:
    page = _post(client, "programs.xlsx", _workbook()).text
    programs = re.search(r'name="programs" value="([^"]+)"', page).group(1)
    book = client.post("/reports/alignment/download", data={"programs": programs, "area": "Columbus, OH",
                                                            "level": "secondary", "format": "xlsx"})
    assert book.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(book.content))["Programs"]
    header = [c.value for c in sheet[3]]
    levels = [r[header.index("level")] for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert levels == ["secondary", "secondary", "associate"]
