"""Pay and demand of every occupation, nationally or in one area, on the basis the page says they are on.

National figures are BLS's (OEWS May wages and employment, projected openings). An area's come from ``labor``
(``labor.market.occupation_in_area``), so that its openings are on the same basis as every other page's: an
estimate, national projections scaled to the area's employment. BLS publishes by SOC code, so an O*NET specialty
(29-1141.01) carries the figures of its whole SOC occupation.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from careerclusters.base.errors import CareerClustersError
from careerclusters.changers.index import ChangeIndex
from careerclusters.changers.model import Demand, Pay
from careerclusters.labor import market as lm
from careerclusters.labor.areas import Area, find_area


@dataclass(frozen=True)
class AreaFigures:
    """Every occupation's figures in one area (``labor``'s answer per SOC code; absent where it has none), and
    its median pay and estimated openings a year per row of the index (NaN where the area has none)."""

    area: Area
    by_soc: dict[str, lm.OccupationInArea] = field(repr=False)
    pay: np.ndarray = field(repr=False)
    openings: np.ndarray = field(repr=False)


def area_figures(conn: sqlite3.Connection, index: ChangeIndex, area_query: str) -> AreaFigures:
    """The figures of every SOC code in the index, in the area a person named (an unknown area is an error with
    the closest names)."""
    area = find_area(conn, area_query)
    by_soc = {}
    for soc in sorted(set(index.soc.values())):
        try:
            by_soc[soc] = lm.occupation_in_area(conn, soc, area.code)
        except CareerClustersError:  # no such occupation in the area's data or the nation's
            continue
    found = [by_soc.get(index.soc[code]) for code in index.codes]
    pay = [np.nan if f is None or f.area is None or f.area.annual_median is None else f.area.annual_median
           for f in found]
    openings = [np.nan if f is None or f.area is None or f.openings_estimate is None else f.openings_estimate
                for f in found]
    return AreaFigures(area, by_soc, np.array(pay), np.array(openings))


def pay(index: ChangeIndex, soc: str, basis: Literal["area", "national"], local: AreaFigures | None) -> Pay | None:
    """Median yearly pay on ``basis`` (None when that basis has no row for the occupation)."""
    if basis == "area" and local is not None:
        found = local.by_soc.get(soc)
        if found is None or found.area is None:
            return None
        wage = found.area
        return Pay(median=wage.annual_median, marker=wage.markers.get("a_median"), basis="area",
                   group=soc[:6] + "0" if wage.aggregate else None)
    national = index.wages.get(soc)
    if national is None:
        return None
    return Pay(median=national.median, marker=national.marker, basis="national", group=national.group)


def demand(index: ChangeIndex, soc: str, local: AreaFigures | None) -> Demand | None:
    """Jobs and openings a year: the area's (openings estimated) when an area is given, else the nation's."""
    outlook = index.outlook.get(soc)
    change = outlook.change_pct if outlook else None
    if local is not None:
        found = local.by_soc.get(soc)
        if found is None or found.area is None:
            return Demand(basis="area", employment=None, openings=None, estimate=True, change_pct=change)
        return Demand(basis="area", employment=found.area.employment, openings=found.openings_estimate,
                      estimate=True, change_pct=change)
    wage = index.wages.get(soc)
    if outlook is None and wage is None:
        return None
    return Demand(basis="national", employment=wage.employment if wage else None,
                  openings=outlook.openings if outlook else None, estimate=False, change_pct=change)


def pay_basis(index: ChangeIndex, source_soc: str, soc: str, local: AreaFigures | None
              ) -> Literal["area", "national"]:
    """Two jobs' pay is compared on one basis: the area's when it has a median for both, else the nation's."""
    if local is None:
        return "national"
    mine, theirs = pay(index, source_soc, "area", local), pay(index, soc, "area", local)
    return "area" if mine and theirs and mine.median is not None and theirs.median is not None else "national"


def openings(index: ChangeIndex, local: AreaFigures | None) -> np.ndarray:
    """Openings a year of every occupation in ``index.codes`` order (NaN where unknown): the area's estimates
    when an area is given, else the nation's."""
    return local.openings if local is not None else index.national_openings


def medians(index: ChangeIndex, row: int, local: AreaFigures | None) -> tuple[np.ndarray, np.ndarray]:
    """For every occupation, its median pay and the job's (row ``row``), on the basis the two are compared on
    (NaN where unknown; see ``pay_basis``): the pay part of the score is their ratio."""
    national = index.national_pay
    if local is None or np.isnan(local.pay[row]):
        return national, np.full_like(national, national[row])
    in_area = ~np.isnan(local.pay)
    return np.where(in_area, local.pay, national), np.where(in_area, local.pay[row], national[row])
