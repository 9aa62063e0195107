"""Tables people give the program, read by what the file is rather than what it is called: a workbook saved under
a .csv name is read as the workbook it is; an old .xls, UTF-16 text or any other binary file is one plain error;
lines ended by CR alone (the classic Mac "CSV") are lines."""

from __future__ import annotations

import codecs
from pathlib import Path

import openpyxl
import pytest

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.tables import read_table, table_from_bytes


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Programs"
    book.active.append(["program", "cip"])
    book.active.append(["Practical Nursing", "51.3901"])
    book.save(path)
    return path


def test_a_workbook_saved_under_a_csv_name_is_read_as_the_workbook(tmp_path: Path) -> None:
    saved = _workbook(tmp_path / "book.xlsx").rename(tmp_path / "programs.csv")
    table = read_table(saved)
    assert table.text == "program,cip\nPractical Nursing,51.3901\n"
    assert table.read_as == "the .xlsx sheet 'Programs' (a workbook, though its name is programs.csv)"
    assert read_table(_workbook(tmp_path / "real.xlsx")).read_as == "the .xlsx sheet 'Programs'"


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old.csv", "old.csv: an Excel 97-2003 workbook (.xls), which is "
     "not read here; in Excel, save it as .xlsx (Excel Workbook) or CSV UTF-8"),
    (codecs.BOM_UTF16_LE + "program\tcip\n".encode("utf-16-le"), "unicode.csv", "unicode.csv: UTF-16 text (Excel's "
     '"Unicode Text"), not CSV; in Excel, save it as CSV UTF-8'),
    (b"%PDF-1.7\n\0\0binary", "report.csv", "report.csv: not a CSV file or an .xlsx workbook (it holds binary data)"),
    (b"program,cip\n", "named.xlsx", "named.xlsx: not an Excel workbook, though its name says so; save it again as "
     ".xlsx or as CSV"),
])
def test_what_is_neither_csv_nor_a_workbook_is_one_plain_error(content: bytes, name: str, message: str) -> None:
    with pytest.raises(CareerClustersError) as raised:
        table_from_bytes(content, name)
    assert str(raised.value) == message


def test_lines_ended_by_cr_alone_are_lines() -> None:
    table = table_from_bytes(b"program,cip\rWelding,48.0508\rNursing,\r", "mac.csv")
    assert table.text.splitlines() == ["program,cip", "Welding,48.0508", "Nursing,"]
    assert table_from_bytes(b"a,b\r\n1,2\r\n", "windows.csv").text == "a,b\r\n1,2\r\n"  # CRLF is left to csv


def test_encodings_are_told() -> None:
    assert table_from_bytes(codecs.BOM_UTF8 + b"a\n", "x.csv").read_as == "utf-8 with byte-order mark"
    assert table_from_bytes("Técnico\n".encode("cp1252"), "x.csv").read_as == "cp1252"
    assert table_from_bytes("Técnico\n".encode("cp1252"), "x.csv", "cp1252").text == "Técnico\n"
