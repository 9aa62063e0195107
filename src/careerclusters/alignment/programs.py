"""The programs a report is about, as a district or college lists them: a table with a ``program`` (name)
and/or ``cip`` column, and optionally ``level``, ``enrolment`` and ``completers``. Nothing about them is stored.

The table arrives as CSV text (``base.tables`` turns a workbook into it); what is wrong with it is one
``SourceError`` naming the file, row and column: a workbook saved under a ``.csv`` name, a CSV that does not
parse, a count that is not a number, a CIP code of the wrong shape, a level nobody defined.
"""

from __future__ import annotations

import csv
import io

from pydantic import BaseModel

from careerclusters.alignment.rules import Rules
from careerclusters.base.codes import cip_code
from careerclusters.base.errors import CareerClustersError, SourceError
from careerclusters.sources.base import Columns, header_key, text

MAX_PROGRAMS = 2000
COLUMNS = {"name": ("program", "name", "program name", "local program", "title"),
           "cip": ("cip", "cip code", "cip 2020"), "level": ("level", "program level", "credential level"),
           "enrolment": ("enrolment", "enrollment"), "completers": ("completers", "completer")}


class ProgramInput(BaseModel):
    """One local program as the user listed it; ``level`` is its own, or the report's default."""

    row: int
    name: str
    cip: str | None = None
    level: str
    level_given: bool = False
    enrolment: int | None = None
    completers: int | None = None


def _binary(content: str) -> bool:
    """Whether the "text" is really a binary file (an .xlsx is a zip: it starts with PK and holds NUL bytes)."""
    head = content[:2048]
    return head.startswith("PK\x03\x04") or "\x00" in head or head.count("\ufffd") > 8


def read_programs(content: str, file: str, rules: Rules, default_level: str) -> list[ProgramInput]:
    """Programs from a CSV table; a row needs a name or a CIP code. ``default_level`` is the level of rows
    without one of their own."""
    if _binary(content):
        raise SourceError(file, "this is not a CSV table: it looks like an Excel workbook (or another binary "
                                "file) saved under a .csv name; save it as .xlsx, or as CSV from Excel, and try again")
    try:
        rows = list(csv.reader(io.StringIO(content)))
    except csv.Error as exc:
        raise SourceError(file, f"not a readable CSV table ({exc})") from None
    header = rows[0] if rows else []
    cols = Columns(header, COLUMNS, file=file, row=1, optional=set(COLUMNS))
    if "name" not in cols.index and "cip" not in cols.index:
        raise SourceError(file, "needs a 'program' or a 'cip' column", row=1,
                          column=", ".join(header_key(h) for h in header) or "(none)")
    programs = []
    for number, row in enumerate(rows[1:], start=2):
        name, code = text(cols.get(row, "name")), text(cols.get(row, "cip"))
        if not name and not code:
            continue
        counts = {}
        for field in ("enrolment", "completers"):
            value = text(cols.get(row, field)).replace(",", "")
            if value and not value.isdigit():
                raise SourceError(file, f"{value!r} is not a whole number", row=number, column=field)
            counts[field] = int(value) if value else None
        written = text(cols.get(row, "level"))
        try:
            cip = cip_code(code) if code else None
        except CareerClustersError as exc:
            raise SourceError(file, str(exc), row=number, column="cip") from None
        try:
            level = rules.level(written) if written else default_level
        except CareerClustersError as exc:
            raise SourceError(file, str(exc), row=number, column="level") from None
        programs.append(ProgramInput(row=number, name=name or code, cip=cip, level=level, level_given=bool(written),
                                     **counts))
        if len(programs) > MAX_PROGRAMS:
            raise SourceError(file, f"more than {MAX_PROGRAMS} programs; split the file")
    if not programs:
        raise SourceError(file, "no programs listed")
    return programs
