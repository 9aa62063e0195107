"""A table a person uploads to a page, read as the command line reads the same file (``base.tables``): a CSV in
UTF-8 or Windows-1252, or an .xlsx workbook (its first sheet), told apart by their contents, not their names (an
.xlsx saved as ``programs.csv`` is still a workbook).

An upload arrives as bytes and is read in memory; nothing is written to disk. A workbook is a zip: before
anything is unpacked, the sizes its entries declare (which unpacking enforces) must add up to no more than
``unpacked_limit``, so a "zip bomb" of a few kilobytes that would unpack to gigabytes is refused without a byte
of it unpacked. Every problem is one ``SourceError`` naming the file, for the page to show beside the field.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl

from careerclusters.base.errors import SourceError
from careerclusters.base.tables import TableText, workbook_text
from careerclusters.base.text import decode_text

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0"  # Excel 97–2003 (.xls) and other Office compound files


def read_upload(raw: bytes, file: str, *, unpacked_limit: int) -> TableText:
    """The uploaded table as CSV text, and how it was read."""
    if not raw.strip():
        raise SourceError(file, "the file is empty")
    if raw.startswith(ZIP):
        return _workbook(raw, file, unpacked_limit)
    if raw.startswith(OLE):
        raise SourceError(file, "this is an Excel 97–2003 workbook (.xls): save it as .xlsx, or as CSV, and upload "
                                "that")
    if b"\x00" in raw[:4096]:
        raise SourceError(file, "this is not a CSV table or an .xlsx workbook (it holds binary data): upload a CSV "
                                "or an .xlsx file")
    text, encoding = decode_text(raw)
    return TableText(text, "utf-8 with byte-order mark" if raw.startswith(b"\xef\xbb\xbf") else encoding)


def _workbook(raw: bytes, file: str, unpacked_limit: int) -> TableText:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
            if "[Content_Types].xml" not in archive.namelist():
                raise SourceError(file, "this is a zip archive, not an .xlsx workbook")
    except zipfile.BadZipFile:
        raise SourceError(file, "this looks like an .xlsx workbook but is damaged (not a readable zip)") from None
    if unpacked > unpacked_limit:
        raise SourceError(file, f"the workbook would unpack to {unpacked:,} bytes, more than the "
                                f"{unpacked_limit:,} a report accepts: it was not opened (save the programs' sheet "
                                "alone, or as CSV)")
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise SourceError(file, f"not a readable Excel workbook ({type(exc).__name__})") from exc
    return workbook_text(book, file)
