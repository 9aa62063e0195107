"""Tables people give the command line: a CSV file as Excel, LibreOffice or a script saved it, or an
.xlsx workbook (its first sheet), always turned into CSV text for the CSV-based services.

Excel on Windows saves "CSV" in Windows-1252 (cp1252), "CSV UTF-8" with a byte-order mark; both are read
(the official-file readers' ``read_csv_text`` decides), and the caller is told which was used, since a
wrong guess shows as odd accented letters. ``encoding`` forces one. A missing file is reported as missing.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.excel import open_workbook, sheet_rows
from careerclusters.base.text import read_csv_text

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class TableText:
    text: str  # CSV
    read_as: str  # how it was read: "utf-8", "utf-8 with byte-order mark", "cp1252", "the .xlsx sheet 'Jobs'"


def read_table(path: Path, encoding: str | None = None) -> TableText:
    """The file's table as CSV text, and how it was read."""
    if not path.is_file():
        raise CareerClustersError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return _workbook(path)
    text, detected = read_csv_text(path)
    if encoding is None:
        with path.open("rb") as handle:
            bom = handle.read(3) == codecs.BOM_UTF8
        return TableText(text, "utf-8 with byte-order mark" if bom else detected)
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise CareerClustersError(f"unknown encoding {encoding!r} (try utf-8 or cp1252)") from None
    try:
        forced = path.read_bytes().decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        raise CareerClustersError(f"{path.name}: not {encoding} text (byte {exc.start}: {exc.reason}); "
                                  "leave out --encoding to detect it") from None
    return TableText(forced, codec)


def _workbook(path: Path) -> TableText:
    return workbook_text(open_workbook(path), path.name)


def workbook_text(book: Workbook, file: str) -> TableText:
    """A workbook's first sheet as CSV text (blank rows dropped); the workbook is closed."""
    try:
        sheet = book.sheetnames[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in sheet_rows(book, sheet, file):
            if any(v is not None and str(v).strip() for v in row):
                writer.writerow([_cell(v) for v in row])
    finally:
        book.close()
    return TableText(out.getvalue(), f"the .xlsx sheet {sheet!r}")


def _cell(value: object) -> str:
    """A workbook value as the text a CSV export would hold (12.0 → "12", a date → ISO)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)
