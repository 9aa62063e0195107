"""Local labour markets: an occupation's wages and employment in an area next to the nation's, and a
sub-cluster's profile in an area, rolled up from its occupations.

How the roll-up combines figures, so that every number means what its name says:

- **employment**: the sum of its occupations' area employment (an occupation that the area publishes only
  inside its broad group counts that group once, however many of its detailed occupations the sub-cluster
  holds); occupations with no published employment are counted in ``occupations_without_data``.
- **median wage**: the employment-weighted median of its occupations' median wages — half of the
  sub-cluster's jobs are in occupations whose median is at or below it. It is not a mean of medians, and
  it is not the median of all workers' wages (OEWS does not publish those for groups of our making). When
  one or two occupations hold most of its jobs, ``pay_set_by`` names them (``labor.pay``): the figure is theirs.
- **share of jobs** and **location quotient**: its employment over the area's all-occupations total, and
  that share over the same share nationally (above 1: more concentrated here than in the nation).
- **openings (estimate)**: each occupation's openings rate (openings a year over employment, self-employed
  included, from BLS's national projections or the state's own) times its wage-and-salary jobs in the area, so
  jobs and openings stand on one basis (see ``labor.openings``). Always labelled an estimate.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel

from careerclusters.base.codes import cip_code, occupation_code
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.labor import openings as op
from careerclusters.labor.areas import Area, find_area
from careerclusters.labor.pay import Earner, group_pay
from careerclusters.store import NotInDataError
from careerclusters.store import crosswalk as q
from careerclusters.store import labor as aq

NATIONAL = "0000000"
RankKey = Literal["employment", "wage", "openings", "lq", "share"]
RANK_FIELDS: dict[str, str] = {"employment": "employment", "wage": "median_wage", "openings": "openings_estimate",
                               "lq": "location_quotient", "share": "share_of_jobs"}


class AreaWage(BaseModel):
    """An occupation's OEWS figures in one area (BLS markers kept: a value not released is None with a
    marker, never 0)."""

    area: Area
    soc: str
    aggregate: bool  # the area publishes only the occupation's broad group
    employment: float | None
    jobs_per_1000: float | None
    location_quotient: float | None
    annual_median: float | None
    annual_pct10: float | None
    annual_pct90: float | None
    hourly_median: float | None
    hourly_only: bool
    markers: dict[str, str]


class OccupationInArea(BaseModel):
    soc: str
    title: str
    area: AreaWage | None  # None: the area publishes no figure for it
    national: AreaWage | None
    openings_estimate: float | None  # the openings rate times the area's jobs (labor.openings); an estimate
    openings_source: op.Source | None  # whose projections gave the rate: the state's own or the nation's


class AreaOccupation(BaseModel):
    soc: str
    title: str
    employment: float | None
    median_wage: float | None
    wage_marker: str | None
    openings_estimate: float | None
    openings_source: op.Source | None = None


class SubclusterInArea(BaseModel):
    """A sub-cluster's (or, with ``level`` "cluster", a cluster's) figures in an area."""

    id: str
    name: str
    level: Literal["subcluster", "cluster"] = "subcluster"
    cluster: str  # the sub-cluster's cluster; for a cluster, its grouping
    employment: float | None
    median_wage: float | None  # employment-weighted median of occupation medians
    median_wage_at_least: bool  # the weighted median falls on a top-coded occupation
    pay_set_by: list[str] = []  # the one or two occupations whose pay the median is, holding most of its jobs
    pay_set_by_share: float | None = None  # the share of its jobs they hold
    pay_set_by_soc: list[str] = []  # their SOC codes, in the same order
    share_of_jobs: float | None
    location_quotient: float | None
    openings_estimate: float | None
    occupations_with_data: int
    occupations_without_data: int
    top_occupations: list[AreaOccupation]


def _area_wage(area: Area, row: sqlite3.Row) -> AreaWage:
    return AreaWage(area=area, soc=row["soc"], aggregate=bool(row["aggregate"]), employment=row["tot_emp"],
                    jobs_per_1000=row["jobs_1000"], location_quotient=row["loc_quotient"],
                    annual_median=row["a_median"], annual_pct10=row["a_pct10"], annual_pct90=row["a_pct90"],
                    hourly_median=row["h_median"], hourly_only=bool(row["hourly_only"]),
                    markers=json.loads(row["markers"] or "{}"))


def occupation_in_area(conn: sqlite3.Connection, code: str, area_query: str,
                       basis: op.Basis | None = None) -> OccupationInArea:
    """An occupation's wages and employment in an area, beside the national figures; ``basis`` (the area's
    openings rates) is read from the store when not given."""
    area = basis.area if basis else find_area(conn, area_query)
    basis = basis or op.basis(conn, area)
    soc, _onet = occupation_code(code)
    titles = q.soc_titles(conn, soc)
    local, national = aq.wage(conn, area.code, soc), aq.wage(conn, NATIONAL, soc)
    if not titles and local is None and national is None:
        raise NotInDataError(f"no occupation {soc} in the imported data")
    nation_row = aq.area(conn, NATIONAL)  # absent when only state or metro workbooks were imported
    openings, source = basis.openings(soc, local["tot_emp"] if local else None)
    return OccupationInArea(soc=soc, title=titles[0] if titles else soc,
                            area=_area_wage(area, local) if local else None,
                            national=_area_wage(Area.of(nation_row), national) if national and nation_row else None,
                            openings_estimate=openings, openings_source=source)


def weighted_median(pairs: list[tuple[float, float]]) -> float | None:
    """The value below which half of the weight lies (``pairs`` of value and weight)."""
    total = sum(weight for _value, weight in pairs)
    if total <= 0:
        return None
    running = 0.0
    for value, weight in sorted(pairs):
        running += weight
        if running >= total / 2:
            return value
    return None


def _profile(node_id: str, rows: list[sqlite3.Row], area_total: float | None, national_total: float | None,
             top: int, basis: op.Basis) -> SubclusterInArea:
    fw = load_framework()
    node = fw.node(node_id)
    parent = fw.parent(node)
    counted: set[str] = set()
    employment = national_employment = 0.0
    earners: list[Earner] = []
    openings: list[float] = []
    occupations: list[AreaOccupation] = []
    without = 0
    for row in rows:
        markers = json.loads(row["markers"] or "{}")
        if row["employment"] is None:
            without += 1
            continue
        estimate, source = basis.openings(row["soc"], row["employment"])
        occupations.append(AreaOccupation(soc=row["soc"], title=row["title"], employment=row["employment"],
                                          median_wage=row["median_wage"], wage_marker=markers.get("a_median"),
                                          openings_estimate=estimate, openings_source=source))
        if row["area_soc"] in counted:  # a broad group standing for several of its detailed occupations
            continue
        counted.add(row["area_soc"])
        employment += row["employment"]
        national_employment += row["national_employment"] or 0.0
        wage = float("inf") if row["median_wage"] is None and markers.get("a_median") == "top_coded" \
            else row["median_wage"]
        earners.append(Earner(row["title"], wage, row["employment"], row["soc"]))
        if estimate is not None:
            openings.append(estimate)
    pay = group_pay(earners)
    share = employment / area_total if area_total and counted else None
    national_share = national_employment / national_total if national_total and national_employment else None
    return SubclusterInArea(
        id=node.id, name=node.name, level="cluster" if node.level is Level.CLUSTER else "subcluster",
        cluster=parent.name if parent else "",
        employment=employment if counted else None,
        median_wage=pay.median, median_wage_at_least=pay.at_least, pay_set_by=list(pay.set_by),
        pay_set_by_share=pay.share, pay_set_by_soc=list(pay.set_by_codes),
        share_of_jobs=round(share, 5) if share is not None else None,
        location_quotient=round(share / national_share, 2) if share is not None and national_share else None,
        openings_estimate=round(sum(openings), 1) if openings else None,
        occupations_with_data=len(occupations), occupations_without_data=without,
        top_occupations=sorted(occupations, key=lambda o: -(o.employment or 0))[:top])


def _profiles(conn: sqlite3.Connection, area_query: str, level: Level, top: int) -> tuple[Area,
                                                                                        list[SubclusterInArea]]:
    area = find_area(conn, area_query)
    key = "cluster_id" if level is Level.CLUSTER else "subcluster_id"
    by_node: dict[str, dict[str, sqlite3.Row]] = defaultdict(dict)
    for row in aq.subcluster_rows(conn, area.code):
        by_node[row[key]].setdefault(row["soc"], row)  # an occupation in two of a cluster's sub-clusters: once
    local_total, national_total = aq.total(conn, area.code), aq.total(conn, NATIONAL)
    totals = (local_total["tot_emp"] if local_total else None, national_total["tot_emp"] if national_total else None)
    fw = load_framework()
    nodes = fw.subclusters() if level is Level.SUBCLUSTER else fw.clusters(Edition.MODERN)
    basis = op.basis(conn, area)
    return area, [_profile(node.id, list(by_node.get(node.id, {}).values()), *totals, top, basis) for node in nodes]


def subclusters_in_area(conn: sqlite3.Connection, area_query: str, *, top: int = 5) -> tuple[Area,
                                                                                           list[SubclusterInArea]]:
    """Every modern sub-cluster's profile in an area (in framework order)."""
    return _profiles(conn, area_query, Level.SUBCLUSTER, top)


def clusters_in_area(conn: sqlite3.Connection, area_query: str, *, top: int = 5) -> tuple[Area,
                                                                                        list[SubclusterInArea]]:
    """Every modern cluster's profile in an area, rolled up from its occupations like a sub-cluster's."""
    return _profiles(conn, area_query, Level.CLUSTER, top)


def cluster_id(query: str) -> str:
    """The id of a modern cluster named by id, code or name."""
    return load_framework().get(query, edition=Edition.MODERN, level=Level.CLUSTER).id


def subcluster_id(query: str) -> str:
    """The id of a modern sub-cluster named by id, code or name."""
    return load_framework().get(query, edition=Edition.MODERN, level=Level.SUBCLUSTER).id


def subcluster_in_area(conn: sqlite3.Connection, query: str, area_query: str, *, top: int = 10) -> SubclusterInArea:
    wanted = subcluster_id(query)
    _area, profiles = subclusters_in_area(conn, area_query, top=top)
    return next(p for p in profiles if p.id == wanted)


def rank(profiles: list[SubclusterInArea], by: RankKey) -> list[SubclusterInArea]:
    """Sub-clusters highest first by one figure; those without it go last."""
    field = RANK_FIELDS[by]
    present = [p for p in profiles if getattr(p, field) is not None]
    return sorted(present, key=lambda p: -getattr(p, field)) + [p for p in profiles if getattr(p, field) is None]


class ProgramInArea(BaseModel):
    """A program's (CIP) local labour market: the occupations it leads to, with their figures in the area."""

    cip: str
    title: str
    area: Area
    occupations: list[AreaOccupation]
    employment: float | None
    openings_estimate: float | None


def occupation_figures(conn: sqlite3.Connection, soc: str, basis: op.Basis) -> AreaOccupation:
    """An occupation's jobs, median wage and estimated openings in the basis's area (its broad group's where the
    area publishes only that)."""
    local = occupation_in_area(conn, soc, basis.area.code, basis)
    figures = local.area
    return AreaOccupation(soc=local.soc, title=local.title, employment=figures.employment if figures else None,
                          median_wage=figures.annual_median if figures else None,
                          wage_marker=figures.markers.get("a_median") if figures else None,
                          openings_estimate=local.openings_estimate, openings_source=local.openings_source)


def openings_note(conn: sqlite3.Connection, area: Area) -> str:
    """How openings are estimated in ``area`` (the state's own projections or the nation's), for a note."""
    return op.basis(conn, area).note


def program_in_area(conn: sqlite3.Connection, code: str, area_query: str) -> ProgramInArea:
    """The occupations a CIP program leads to (NCES's CIP→SOC and Advance CTE's full crosswalk) with their jobs,
    median wage and estimated openings in the area, largest first."""
    area = find_area(conn, area_query)
    cip = cip_code(code)
    row = q.cip(conn, cip)
    title = row["title"] if row else q.cip_title_from_crosswalks(conn, cip)
    if title is None:
        raise NotInDataError(f"no CIP program {cip} in the imported data")
    basis = op.basis(conn, area)
    occupations = [occupation_figures(conn, link["soc"], basis) for link in q.occupations_for_cip(conn, cip)]
    jobs = [o.employment for o in occupations if o.employment is not None]
    openings = [o.openings_estimate for o in occupations if o.openings_estimate is not None]
    return ProgramInArea(cip=cip, title=title, area=area,
                         occupations=sorted(occupations, key=lambda o: -(o.employment or 0)),
                         employment=sum(jobs) if jobs else None,
                         openings_estimate=round(sum(openings), 1) if openings else None)
