"""Areas with OEWS data: the nation, states and territories, metro and nonmetropolitan areas, with their
BLS codes, and a lookup that takes what people type ("OH", "Ohio", "Columbus, OH", "3900000", "39",
"18140")."""

from __future__ import annotations

import re
import sqlite3

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from careerclusters.base.errors import CareerClustersError
from careerclusters.store import NotInDataError, StoreError
from careerclusters.store import crosswalk as q
from careerclusters.store import labor as aq
from careerclusters.store.labor import AREA_TYPES


class Area(BaseModel):
    code: str  # BLS's seven characters: 3900000 Ohio, 0018140 Columbus, OH, 0100001 a nonmetropolitan area
    type: str  # national, state, territory, metro or nonmetro
    name: str
    postal: str  # the (primary) state's postal abbreviation
    state_fips: str

    @classmethod
    def of(cls, row: sqlite3.Row) -> Area:
        return cls(code=row["area_code"], type=row["area_type"], name=row["name"], postal=row["postal"],
                   state_fips=row["state_fips"])


class UnknownAreaError(NotInDataError):
    """No area matches what was asked; the message suggests the closest names."""


def require_areas(conn: sqlite3.Connection) -> None:
    if "bls-oews-areas" not in q.imported_kinds(conn):
        raise StoreError("no OEWS data by area imported yet: run `careerclusters data fetch` or import the "
                         "OEWS bundle (oews-2025.sqlite.gz) or BLS's state and metro workbooks")


def list_areas(conn: sqlite3.Connection, area_type: str | None = None) -> list[Area]:
    require_areas(conn)
    if area_type is not None and area_type not in AREA_TYPES:
        raise CareerClustersError(f"unknown area type {area_type!r}: use one of {', '.join(AREA_TYPES)}")
    return [Area.of(row) for row in aq.areas(conn, area_type)]


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


def find_area(conn: sqlite3.Connection, query: str) -> Area:
    """The area a person means: a BLS area code (7 digits), a state FIPS code (2) or metro CBSA code (5), a
    postal abbreviation (a state), or a name, ignoring case and punctuation ("columbus oh")."""
    require_areas(conn)
    wanted = query.strip()
    if not wanted:
        raise UnknownAreaError("no area given")
    code = {7: wanted, 5: f"00{wanted}", 2: f"{wanted}00000"}.get(len(wanted)) if wanted.isdigit() else None
    if code and (row := aq.area(conn, code)):
        return Area.of(row)
    candidates = [Area.of(row) for row in aq.areas(conn)]
    if len(wanted) == 2 and wanted.isalpha():
        states = [a for a in candidates if a.postal == wanted.upper() and a.type in {"state", "territory"}]
        if states:
            return states[0]
        if wanted.upper() == "US":
            return next(a for a in candidates if a.type == "national")
    folded = _fold(wanted)
    exact = [a for a in candidates if _fold(a.name) == folded]
    if exact:
        return exact[0]
    if folded in {"us", "usa", "united states", "national", "nation"}:
        return next(a for a in candidates if a.type == "national")
    names = {a.code: _fold(a.name) for a in candidates}
    close = process.extract(folded, names, scorer=fuzz.WRatio, limit=3, score_cutoff=70)
    by_code = {a.code: a for a in candidates}
    hint = f"; did you mean: {'; '.join(by_code[code].name for _n, _s, code in close)}?" if close else ""
    raise UnknownAreaError(f"no area {query!r}{hint}")
