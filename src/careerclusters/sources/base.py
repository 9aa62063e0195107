"""What every reader of an official file shares: the result type, header matching, code formats, and
errors that say exactly where the input is wrong (file, sheet, row, column).

Readers never touch the store; they turn one publisher's file into plain rows for named tables, and the
store decides how to keep them. A reader reads its whole file before anything is written, so a bad row
anywhere leaves the store untouched.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerclusters.errors import CareerClustersError


class SourceError(CareerClustersError):
    """Bad input in an official file. The message names the file and, where known, the sheet, row and
    column, so the user can open the file and see the problem."""

    def __init__(self, file: str, problem: str, *, sheet: str | None = None, row: int | None = None,
                 column: str | None = None):
        self.file, self.sheet, self.row, self.column, self.problem = file, sheet, row, column, problem
        where = [file]
        if sheet is not None:
            where.append(f"sheet {sheet!r}")
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {problem}")


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


def sha256_of(path: Path) -> str:
    """SHA-256 of a file, or of every file in a directory (names and contents, in name order)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.relative_to(path).as_posix().encode())
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def decode_text(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with. Publishers and Excel on Windows write Windows-1252 (cp1252) as
    often as UTF-8 (with or without a byte-order mark); bytes that are not valid UTF-8 are read as cp1252,
    which decodes every byte, so no file is refused for its encoding."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def read_csv_text(path: Path) -> tuple[str, str]:
    """A CSV file's text and the encoding it was read with (see ``decode_text``)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(path.name, f"no such file: {path}") from None
    except OSError as exc:
        raise SourceError(path.name, f"cannot read ({exc.strerror or exc})") from exc
    return decode_text(raw)


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


def rows_after_header(rows: Iterator[tuple[object, ...]], must_contain: str, *, file: str,
                      sheet: str | None = None, search: int = 30) -> tuple[int, tuple[object, ...]]:
    """Skip title lines above a table: the (1-based row number, header) of the first row that has a cell
    equal to ``must_contain``. The iterator is left at the first data row."""
    wanted = header_key(must_contain)
    for number, row in enumerate(rows, start=1):
        if any(header_key(cell) == wanted for cell in row):
            return number, row
        if number >= search:
            break
    raise SourceError(file, f"no header row with a {must_contain!r} column", sheet=sheet,
                      column=must_contain)
