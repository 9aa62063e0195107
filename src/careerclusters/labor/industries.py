"""An occupation's jobs and wages by industry, from the rows that ``data import --industries`` keeps.

BLS publishes OEWS by industry for the nation only (the bundle and the all-areas workbook alike); an area
without such rows is told so rather than shown an empty table. Industries are taken one level at a time,
since the levels nest (sector 62 holds 622000, which holds 622100): sectors and 3-digit industries each count
every job once, so their shares of the occupation's jobs add up to about 1.
"""

from __future__ import annotations

import json
import sqlite3

from pydantic import BaseModel

from careerclusters.base.codes import occupation_code
from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError
from careerclusters.labor.areas import Area, find_area
from careerclusters.store import MissingDataError, NotInDataError
from careerclusters.store import crosswalk as q
from careerclusters.store import labor as aq

#: The store's industry levels (schema_4.sql) by the names people use.
LEVELS: dict[str, int] = {"ownership": 1, "sector": 2, "3-digit": 3, "4-digit": 4, "5-digit": 5}


class IndustryFigures(BaseModel):
    """The occupation in one industry (BLS markers kept: a value not released is None with a marker)."""

    naics: str
    title: str
    employment: float | None
    share_of_occupation: float | None  # of the occupation's cross-industry jobs in the area
    annual_median: float | None
    hourly_median: float | None
    markers: dict[str, str]


class OccupationByIndustry(BaseModel):
    soc: str
    title: str
    area: Area
    level: str
    employment: float | None  # the occupation's cross-industry jobs in the area
    industries: list[IndustryFigures]  # largest first


def industry_level(name: str) -> int:
    if name not in LEVELS:
        raise CareerClustersError(f"unknown industry level {name!r}: use one of {', '.join(LEVELS)}")
    return LEVELS[name]


def occupation_by_industry(conn: sqlite3.Connection, code: str, area_query: str = "US",
                           level: str = "sector") -> OccupationByIndustry:
    """The industries that employ an occupation in an area (the nation unless asked), largest first."""
    number = industry_level(level)
    area = find_area(conn, area_query)
    if not aq.has_industries(conn):
        raise MissingDataError(["bls-oews-areas"], what="OEWS figures by industry (BLS)",
                               how=f"run `{command('data import --industries oews-2025.sqlite.gz')}` "
                                   f"(or `{command('data fetch --industries')}`)")
    if not aq.has_industries(conn, area.code):
        raise NotInDataError(f"{area.name}: no OEWS figures by industry (BLS publishes them for the nation only)")
    soc, _onet = occupation_code(code)
    rows = aq.industry_wages(conn, area.code, soc, number)
    if not rows:
        raise NotInDataError(f"no OEWS figures by industry for {soc} in {area.name}")
    total = aq.wage(conn, area.code, soc)
    jobs = total["tot_emp"] if total is not None and not total["aggregate"] else None
    titles = q.soc_titles(conn, soc)
    return OccupationByIndustry(
        soc=soc, title=titles[0] if titles else soc, area=area, level=level, employment=jobs,
        industries=[IndustryFigures(naics=r["naics"], title=r["title"], employment=r["tot_emp"],
                                    share_of_occupation=round(r["tot_emp"] / jobs, 4) if jobs and r["tot_emp"]
                                    else None,
                                    annual_median=r["a_median"], hourly_median=r["h_median"],
                                    markers=json.loads(r["markers"] or "{}")) for r in rows])


def national_sectors(conn: sqlite3.Connection, code: str) -> OccupationByIndustry | None:
    """The sectors that employ an occupation nationally, for its page; None when the store holds no figures
    by industry for it (the default import keeps none, and BLS releases none for some codes)."""
    try:
        return occupation_by_industry(conn, code, "US", "sector")
    except CareerClustersError:
        return None
