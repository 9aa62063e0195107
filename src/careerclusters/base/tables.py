"""Tables people give the command line or upload: a CSV file as Excel, LibreOffice or a script saved it, or an
.xlsx workbook (its first sheet), always turned into CSV text for the CSV-based services.

Excel on Windows saves "CSV" in Windows-1252 (cp1252), "CSV UTF-8" with a byte-order mark; both are read
(the official-file readers' ``decode_text`` decides), and the caller is told which was used, since a
wrong guess shows as odd accented letters. ``encoding`` forces one. A missing file is reported as missing.

What a file is comes from its first bytes, not its name: a workbook renamed (or saved by a "Save As" that kept
the workbook format) to ``.csv`` is read as the workbook it is, and what is neither CSV text nor a workbook
(an old .xls, UTF-16 "Unicode Text", any other binary file) is refused with one line saying what to save instead.
A workbook is a zip: before anything is unpacked, the sizes its parts declare must add up to no more than
``max_unpacked`` (``base.excel.open_given_workbook``), so a "zip bomb" is refused without a byte of it unpacked.
Uploads are read in memory; nothing is written to disk.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.excel import MAX_UNPACKED_BYTES, open_given_workbook, sheet_rows
from careerclusters.base.text import decode_text

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: The first bytes of a zip archive (an .xlsx is one), an OLE2 file (Excel 97–2003's .xls) and UTF-16 text.
ZIP_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class TableText:
    text: str  # CSV
    read_as: str  # how it was read: "utf-8", "utf-8 with byte-order mark", "cp1252", "the .xlsx sheet 'Jobs'"


def read_table(path: Path, encoding: str | None = None) -> TableText:
    """The file's table as CSV text, and how it was read."""
    if not path.is_file():
        raise CareerClustersError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CareerClustersError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return table_from_bytes(raw, path.name, encoding)


def table_from_bytes(raw: bytes, name: str, encoding: str | None = None, *,
                     max_unpacked: int = MAX_UNPACKED_BYTES) -> TableText:
    """A file's contents (``name`` is what it was called) as CSV text, and how it was read."""
    if not raw.strip():
        raise CareerClustersError(f"{name}: the file is empty")
    if raw.startswith(ZIP_MAGIC):
        return workbook_text(open_given_workbook(raw, name, max_unpacked=max_unpacked), name)
    if name.lower().endswith(WORKBOOK_SUFFIXES):
        raise CareerClustersError(f"{name}: not an Excel workbook, though its name says so; save it again as .xlsx "
                                  "or as CSV")
    if raw.startswith(XLS_MAGIC):
        raise CareerClustersError(f"{name}: an Excel 97-2003 workbook (.xls), which is not read here; in Excel, "
                                  "save it as .xlsx (Excel Workbook) or CSV UTF-8")
    if raw.startswith(UTF16_BOMS):
        raise CareerClustersError(f"{name}: UTF-16 text (Excel's \"Unicode Text\"), not CSV; in Excel, save it as "
                                  "CSV UTF-8")
    if b"\x00" in raw[:65536]:
        raise CareerClustersError(f"{name}: not a CSV file or an .xlsx workbook (it holds binary data)")
    if encoding is None:
        text, detected = decode_text(raw)
        read_as = "utf-8 with byte-order mark" if raw.startswith(codecs.BOM_UTF8) else detected
    else:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise CareerClustersError(f"unknown encoding {encoding!r} (try utf-8 or cp1252)") from None
        try:
            text = raw.decode("utf-8-sig" if codec == "utf-8" else codec)
        except UnicodeDecodeError as exc:
            raise CareerClustersError(f"{name}: not {encoding} text (byte {exc.start}: {exc.reason}); "
                                      "leave out --encoding to detect it") from None
        read_as = codec
    if "\r" in text and "\n" not in text:  # lines ended by CR alone, as the classic Mac "CSV" saves them
        text = text.replace("\r", "\n")
    return TableText(text, read_as)


def workbook_text(book: Workbook, name: str) -> TableText:
    """A workbook's first sheet as CSV text (blank rows dropped); the workbook is closed."""
    try:
        sheet = book.sheetnames[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in sheet_rows(book, sheet, name):
            if any(v is not None and str(v).strip() for v in row):
                writer.writerow([_cell(v) for v in row])
    finally:
        book.close()
    renamed = "" if name.lower().endswith(WORKBOOK_SUFFIXES) else f" (a workbook, though its name is {name})"
    return TableText(out.getvalue(), f"the .xlsx sheet {sheet!r}{renamed}")


def _cell(value: object) -> str:
    """A workbook value as the text a CSV export would hold (12.0 → "12", a date → ISO)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)
