"""Opening publishers' workbooks (possibly inside a zip) with errors a user can act on."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from careerclusters.base.errors import SourceError

if TYPE_CHECKING:  # openpyxl is imported when a workbook is first opened: a command or page that reads none
    from openpyxl.workbook.workbook import Workbook  # does not wait for it


def open_workbooks(path: Path) -> list[Workbook]:
    """Open an .xlsx read-only, or every workbook in a zip of them (BLS ships OEWS zipped: the national file
    alone, the metro file with the nonmetropolitan areas' workbook beside it)."""
    import openpyxl

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" not in names:
                books = sorted(n for n in names if n.lower().endswith(".xlsx") and not n.startswith("__"))
                if not books:
                    raise SourceError(path.name, "zip archive holds no .xlsx workbook")
                return [openpyxl.load_workbook(io.BytesIO(archive.read(name)), read_only=True, data_only=True)
                        for name in books]
        return [openpyxl.load_workbook(path, read_only=True, data_only=True)]
    except SourceError:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise SourceError(path.name, f"not a readable Excel workbook ({type(exc).__name__}: {exc})") from exc


def open_workbook(path: Path) -> Workbook:
    """Open an .xlsx read-only; a zip holding exactly one workbook works too."""
    books = open_workbooks(path)
    if len(books) != 1:
        raise SourceError(path.name, "zip archive does not hold exactly one .xlsx workbook")
    return books[0]


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
