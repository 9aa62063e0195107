"""Opening publishers' workbooks (possibly inside a zip) with errors a user can act on."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook

from careerclusters.sources.base import SourceError


def open_workbook(path: Path) -> Workbook:
    """Open an .xlsx read-only; a zip holding exactly one workbook (as BLS ships OEWS) works too."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" not in names:
                books = [n for n in names if n.lower().endswith(".xlsx") and not n.startswith("__")]
                if len(books) != 1:
                    raise SourceError(path.name, "zip archive does not hold exactly one .xlsx workbook")
                data = io.BytesIO(archive.read(books[0]))
                return openpyxl.load_workbook(data, read_only=True, data_only=True)
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except SourceError:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise SourceError(path.name, f"not a readable Excel workbook ({type(exc).__name__}: {exc})") from exc


def sheet_rows(book: Workbook, sheet: str, file: str) -> Iterator[tuple[object, ...]]:
    """The rows of one sheet as tuples of values; a missing sheet or a damaged part is a ``SourceError``."""
    if sheet not in book.sheetnames:
        raise SourceError(file, f"no sheet named {sheet!r} (sheets: {', '.join(book.sheetnames)})")
    try:
        yield from book[sheet].iter_rows(values_only=True)
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(file, f"cannot read the sheet ({type(exc).__name__}: {exc})", sheet=sheet) from exc
