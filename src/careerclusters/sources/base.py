"""What every reader of an official file shares: the result type, header matching, code formats, and
errors that say exactly where the input is wrong (file, sheet, row, column).

Readers never touch the store; they turn one publisher's file into plain rows for named tables, and the
store decides how to keep them. A reader reads its whole file before anything is written, so a bad row
anywhere leaves the store untouched.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerclusters.base.errors import SourceError
from careerclusters.base.excel import open_workbook, sheet_rows
from careerclusters.base.text import read_csv_text


@dataclass
class Extract:
    """Everything read from one official file: rows per table, and where the rows came from."""

    kind: str
    publisher: str
    release: str
    file_name: str
    sha256: str
    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.tables.items()}


def header_key(text: object) -> str:
    """Fold a column header so that case, spacing, dashes and footnote marks do not matter."""
    folded = unicodedata.normalize("NFKC", str(text or "")).lower()
    folded = re.sub(r"\[\d+\]", "", folded)
    return re.sub(r"[^0-9a-z*]+", " ", folded).strip()


class Columns:
    """Positions of the columns a reader needs, found by header name (with accepted alternatives)."""

    def __init__(self, header: Sequence[object], wanted: Mapping[str, Sequence[str]], *, file: str,
                 sheet: str | None = None, row: int | None = None, optional: Iterable[str] = ()):
        keys = [header_key(h) for h in header]
        self.index: dict[str, int] = {}
        optional = set(optional)
        for name, alternatives in wanted.items():
            for alternative in alternatives:
                if header_key(alternative) in keys:
                    self.index[name] = keys.index(header_key(alternative))
                    break
            else:
                if name not in optional:
                    raise SourceError(file, f"missing column {alternatives[0]!r} in the header",
                                      sheet=sheet, row=row, column=alternatives[0])

    def get(self, row: Sequence[object], name: str) -> object:
        position = self.index.get(name)
        if position is None or position >= len(row):
            return None
        return row[position]


def text(value: object) -> str:
    """A cell as clean text: None becomes '', surrounding space and non-breaking spaces go."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


SOC = re.compile(r"^\d{2}-\d{4}$")
ONET_SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
CIP = re.compile(r"^\d{2}\.\d{4}$")


def checked_code(value: object, pattern: re.Pattern[str], what: str, *, file: str, row: int,
                 column: str, sheet: str | None = None) -> str:
    """The cell's code if it has the right shape, else a ``SourceError`` pointing at the cell."""
    code = text(value)
    if not pattern.match(code):
        raise SourceError(file, f"{code!r} is not a valid {what} code", sheet=sheet, row=row, column=column)
    return code


def rows_after_header(rows: Iterator[tuple[object, ...]], must_contain: str | Sequence[str], *, file: str,
                      sheet: str | None = None, search: int = 30) -> tuple[int, tuple[object, ...]]:
    """Skip title lines above a table: the (1-based row number, header) of the first row that has a cell
    equal to ``must_contain`` (or to one of several spellings). The iterator is left at the first data row."""
    spellings = (must_contain,) if isinstance(must_contain, str) else tuple(must_contain)
    wanted = {header_key(s) for s in spellings}
    for number, row in enumerate(rows, start=1):
        if any(header_key(cell) in wanted for cell in row):
            return number, row
        if number >= search:
            break
    raise SourceError(file, f"no header row with a {spellings[0]!r} column", sheet=sheet,
                      column=spellings[0])


def table_rows(path: Path, file: str) -> Iterator[tuple[object, ...]]:
    """The rows of a table a state or agency publishes as CSV (UTF-8 or Windows-1252) or as a workbook (its
    first sheet), as tuples of cell values, title lines and all."""
    if zipfile.is_zipfile(path):
        book = open_workbook(path)
        yield from sheet_rows(book, book.sheetnames[0], file)
        return
    content, _encoding = read_csv_text(path)
    try:
        yield from (tuple(row) for row in csv.reader(io.StringIO(content)))
    except csv.Error as exc:
        raise SourceError(file, f"not a readable CSV table ({exc})") from None


def header_of(path: Path, file: str, search: int = 10) -> list[str]:
    """The folded cells of the first row of a CSV or workbook table that has three or more filled cells (its
    header, under any title lines), for telling what the table is; [] when there is none."""
    try:
        for number, row in enumerate(table_rows(path, file), start=1):
            cells = [header_key(cell) for cell in row if text(cell)]
            if len(cells) >= 3:
                return cells
            if number >= search:
                break
    except SourceError:
        return []
    return []
