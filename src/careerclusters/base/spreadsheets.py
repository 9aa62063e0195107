"""Writing CSV files that are safe to open in a spreadsheet.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (``=HYPERLINK(…)`` sends a click to another site, ``@SUM(…)``
or ``+cmd|…`` run code), and such cells can come back from an uploaded file or a posting title. Following
OWASP's guidance on CSV injection, every writer here prefixes such a text with a single quote, which the
spreadsheet shows as text; real numbers (``-3.5``, ``+12``, ``1e-3``) are left as they are, so they stay
numeric. ``raw=True`` turns this off for pipelines that need the bytes unchanged (the CLI's ``--raw``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

#: What a spreadsheet takes for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet will show it, never run it: a formula-like text gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose rows are passed through ``safe_cell`` (unless ``raw``)."""

    def __init__(self, out: IO[str], *, raw: bool = False, **options: Any):
        self._writer = csv.writer(out, lineterminator="\n", **options)
        self.raw = raw

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow(row if self.raw else [safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose values are passed through ``safe_cell`` (unless ``raw``); the header row
    is neutralised too, since a header can come from an uploaded file."""

    def __init__(self, out: IO[str], fieldnames: Sequence[str], *, raw: bool = False, **options: Any):
        super().__init__(out, fieldnames=fieldnames, lineterminator="\n", **options)
        self.raw = raw

    def writeheader(self) -> Any:
        return self.writer.writerow(self.fieldnames if self.raw else [safe_cell(f) for f in self.fieldnames])

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        if not self.raw:
            rowdict = {k: safe_cell(v) for k, v in rowdict.items()}
        return super().writerow(rowdict)
