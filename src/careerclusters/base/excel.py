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


#: A workbook a person gives us may hold at most this much once unpacked (a zip can pack a gigabyte of repeated
#: bytes into a few kilobytes), and at most this many parts.
MAX_UNPACKED_BYTES = 100_000_000
MAX_PARTS = 2_000


def open_given_workbook(data: bytes, file: str, *, max_unpacked: int = MAX_UNPACKED_BYTES) -> Workbook:
    """A workbook a person uploaded or named, opened read-only once its parts are known to unpack to at most
    ``max_unpacked`` bytes. A zip records each part's size, and reading a part stops there (past it, the part
    fails its checksum), so the sizes it records bound what opening it can unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise SourceError(file, f"a zip of {len(parts):,} parts: not a workbook")
            unpacked = sum(part.file_size for part in parts)
            if unpacked > max_unpacked:
                raise SourceError(file, f"unpacks to {unpacked / 1e6:,.0f} MB, more than the "
                                  f"{max_unpacked / 1e6:,.0f} MB a workbook may hold here; it was not opened "
                                        "(save the sheet alone, or as CSV)")
            if "[Content_Types].xml" not in archive.namelist():
                raise SourceError(file, "a zip archive, not an Excel workbook (.xlsx)")
        import openpyxl  # loaded when a workbook is first read

        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SourceError:
        raise
    except Exception as exc:  # zipfile and openpyxl raise many types for damaged files
        said = (str(exc).splitlines() or [""])[0][:200]
        raise SourceError(file, f"not a readable Excel workbook ({type(exc).__name__}: {said})") from exc


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
