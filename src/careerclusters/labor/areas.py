"""Areas with OEWS data: the nation, states and territories, metro and nonmetropolitan areas, with their
BLS codes, and a lookup that takes what people type ("OH", "Ohio", "Columbus, OH", "3900000", "39",
"18140"), and, once BLS's OEWS area definitions are imported, a county ("Franklin County, OH", "39049"): the
metro or nonmetropolitan area its jobs are counted in."""

from __future__ import annotations

import re
import sqlite3

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError
from careerclusters.sources.us_states import STATES
from careerclusters.store import MissingDataError, NotInDataError
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
        raise MissingDataError(["bls-oews-areas"], how=f"run `{command('data fetch')}`, or import the OEWS bundle "
                               f"(`{command('data import oews-2025.sqlite.gz')}`) or BLS's state and metro workbooks")


def list_areas(conn: sqlite3.Connection, area_type: str | None = None) -> list[Area]:
    require_areas(conn)
    if area_type is not None and area_type not in AREA_TYPES:
        raise CareerClustersError(f"unknown area type {area_type!r}: use one of {', '.join(AREA_TYPES)}")
    return [Area.of(row) for row in aq.areas(conn, area_type)]


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


class County(BaseModel):
    """A county (or New England township) and the OEWS area its jobs are counted in."""

    name: str  # "Franklin County, OH"
    fips: str  # state and county: 39049
    area: Area


def find_county(conn: sqlite3.Connection, query: str) -> County | None:
    """The county a person means ("Franklin County, OH", "Franklin County Ohio", "franklin co oh", or its
    five-digit FIPS code "39049") and its area, when BLS's area definitions are imported; None when it names
    no county. A county split between areas (New England townships) is an error naming them."""
    if "bls-oews-area-definitions" not in q.imported_kinds(conn):
        return None
    wanted = re.sub(r"\bco\b", "county", _fold(query))  # "Franklin Co., OH"
    if query.strip().isdigit() and len(query.strip()) == 5:
        rows = aq.county(conn, query.strip()[:2], query.strip()[2:])
    else:
        rows = [row for row in aq.counties(conn) if wanted in _county_names(row)]
    if not rows:
        return None
    areas = {row["area_code"]: row["area_name"] for row in rows}
    first = rows[0]
    postal = STATES.get(first["state_fips"], ("", ""))[0]
    name = f"{first['name']}, {postal}" if postal else first["name"]
    if len({(r["state_fips"], r["county_code"]) for r in rows}) > 1:
        raise UnknownAreaError(f"{query!r} names several counties: "
                               + "; ".join(f"{r['name']} ({r['state_fips']}{r['county_code']})" for r in rows[:5]))
    if len(areas) > 1:
        raise UnknownAreaError(f"{name}'s towns are in several areas: {'; '.join(sorted(areas.values()))}; "
                               "give the area instead")
    row = aq.area(conn, first["area_code"])
    if row is None:
        raise UnknownAreaError(f"{name} is in {first['area_name']} (BLS area {first['area_code']}), which has no "
                               "OEWS figures imported")
    return County(name=name, fips=first["state_fips"] + first["county_code"], area=Area.of(row))


def _county_names(row: sqlite3.Row) -> set[str]:
    """The ways a county is written with its state: "franklin county oh", "franklin county ohio"."""
    postal, state = STATES.get(row["state_fips"], ("", ""))
    name = _fold(row["name"])
    return {f"{name} {_fold(postal)}", f"{name} {_fold(state)}"}


#: Words that say a place is a county (or what a state has instead), once folded.
_COUNTY = re.compile(r"\b(county|co|parish|borough|census area|municipio)\b")


def find_area(conn: sqlite3.Connection, query: str) -> Area:
    """The area a person means: a BLS area code (7 digits), a state FIPS code (2) or metro CBSA code (5), a
    postal abbreviation (a state), or a name, ignoring case and punctuation ("columbus oh"); or a county by name
    or FIPS code, once the area definitions are imported (see ``find_county``)."""
    return find_place(conn, query)[0]


def find_place(conn: sqlite3.Connection, query: str) -> tuple[Area, County | None]:
    """``find_area``'s answer, and the county the area was found through, if it was ("Franklin County, OH")."""
    require_areas(conn)
    wanted = query.strip()
    if not wanted:
        raise UnknownAreaError("no area given")
    code = {7: wanted, 5: f"00{wanted}", 2: f"{wanted}00000"}.get(len(wanted)) if wanted.isdigit() else None
    if code and (row := aq.area(conn, code)):
        return Area.of(row), None
    candidates = [Area.of(row) for row in aq.areas(conn)]
    if len(wanted) == 2 and wanted.isalpha():
        states = [a for a in candidates if a.postal == wanted.upper() and a.type in {"state", "territory"}]
        if states:
            return states[0], None
        if wanted.upper() == "US":
            return next(a for a in candidates if a.type == "national"), None
    folded = _fold(wanted)
    exact = [a for a in candidates if _fold(a.name) == folded]
    if exact:
        return exact[0], None
    if folded in {"us", "usa", "united states", "national", "nation"}:
        return next(a for a in candidates if a.type == "national"), None
    county = find_county(conn, wanted)
    if county is not None:
        return county.area, county
    names = {a.code: _fold(a.name) for a in candidates}
    close = process.extract(folded, names, scorer=fuzz.WRatio, limit=3, score_cutoff=70)
    by_code = {a.code: a for a in candidates}
    hint = f"; did you mean: {'; '.join(by_code[code].name for _n, _s, code in close)}?" if close else ""
    if (_COUNTY.search(folded) or (wanted.isdigit() and len(wanted) == 5)) and not aq.has_counties(conn):
        hint = (" (a county is found through BLS's OEWS area definitions, area_definitions_m2024.xlsx, which this "
                "installation has not imported: name the metro or nonmetropolitan area instead)" + hint)
    raise UnknownAreaError(f"no area {query!r}{hint}")
