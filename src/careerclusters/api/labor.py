"""``/api/v1`` for local labor markets: ``/areas`` (OEWS by state, territory, metro and nonmetropolitan area,
rolled up to sub-clusters and clusters), ``area=`` on the occupation, sub-cluster and program resources, and an
occupation's jobs by industry.

``area=`` gives the same answer as without it, with the area's figures in ``in_area``; the path-style routes
return the same shape for the area's part. Openings in an area are estimates (an openings rate from the
national or the state's own projections times the area's wage-and-salary jobs, ``labor.openings``); every answer
that carries them says so, for its area, in ``note``. An unknown area is a 404 with
suggestions; a store without area data a 503 saying how to import it (``labor.areas`` raises both,
``http.errors`` maps them).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

from careerclusters.api.paging import Limit, Offset, Page, page
from careerclusters.crosswalk import answers
from careerclusters.crosswalk import serving as crosswalk_serving
from careerclusters.framework import Level
from careerclusters.http.caching import shared
from careerclusters.http.deps import Ctx
from careerclusters.labor import industries, serving
from careerclusters.labor import market as lm
from careerclusters.labor.areas import Area, find_area, list_areas

router = APIRouter(prefix="/api/v1")

AreaQuery = Annotated[str | None, Query(max_length=200, description=(
    "Add an area's figures: a BLS area code (3900000), FIPS (39), CBSA (18140), postal abbreviation (OH) or "
    "name ('Columbus, OH')."))]


class AreaOccupation(lm.OccupationInArea):
    note: str


class AreaProgram(lm.ProgramInArea):
    note: str


class AreaSubcluster(lm.SubclusterInArea):
    area: Area
    note: str


class OccupationWithArea(answers.Occupation):
    """An occupation; with ``area=``, ``in_area`` holds its figures in that area beside the nation's."""

    in_area: AreaOccupation | None = None


class ProgramWithArea(answers.ProgramProfile):
    """A program; with ``area=``, ``in_area`` holds its occupations' jobs, wages and openings in that area."""

    in_area: AreaProgram | None = None


ProgramWithArea.model_rebuild(_types_namespace=vars(answers))  # ProgramProfile names a model defined after it


class ContentsWithArea(answers.NodeContents):
    """A sub-cluster's contents; with ``area=``, ``in_area`` holds its profile in that area."""

    in_area: AreaSubcluster | None = None


def occupation_in_area(ctx: Ctx, code: str, area: str) -> AreaOccupation:
    figures = lm.occupation_in_area(ctx.conn, code, area)
    return AreaOccupation(note=serving.openings_note(ctx, area), **figures.model_dump())


def program_in_area(ctx: Ctx, cip: str, area: str) -> AreaProgram:
    return AreaProgram(note=serving.openings_note(ctx, area), **lm.program_in_area(ctx.conn, cip, area).model_dump())


def subcluster_in_area(ctx: Ctx, subcluster: str, area: str) -> AreaSubcluster:
    """The sub-cluster's profile from the area's cached roll-up of all 72."""
    found, profiles = serving.area_profiles(ctx, area)
    wanted = lm.subcluster_id(subcluster)
    profile = next(p for p in profiles if p.id == wanted)
    return AreaSubcluster(area=found, note=serving.openings_note(ctx, found.code), **profile.model_dump())


def occupation(ctx: Ctx, code: str, area: str | None) -> OccupationWithArea:
    found = crosswalk_serving.occupation(ctx, code)
    return OccupationWithArea(**dict(found), in_area=occupation_in_area(ctx, code, area) if area else None)


def program(ctx: Ctx, cip: str, area: str | None) -> ProgramWithArea:
    found = crosswalk_serving.program(ctx, cip)
    return ProgramWithArea(**dict(found), in_area=program_in_area(ctx, cip, area) if area else None)


def contents(ctx: Ctx, subcluster_id: str, sort: answers.SortKey, area: str | None) -> ContentsWithArea:
    found = crosswalk_serving.contents(ctx, subcluster_id, Level.SUBCLUSTER, sort)
    return ContentsWithArea(**dict(found), in_area=subcluster_in_area(ctx, found.node.id, area) if area else None)


AreaPath = Annotated[str, Path(max_length=200, description="A BLS area code (3900000), FIPS (39), CBSA (18140), "
                                                             "postal abbreviation (OH) or name ('Columbus, OH').")]
RankBy = Annotated[str, Query(pattern="^(employment|wage|openings|lq|share)$")]


class AreaSubclusters(BaseModel):
    area: Area
    by: str
    note: str
    subclusters: list[lm.SubclusterInArea]


@router.get("/areas", tags=["areas"],
            summary="Areas with OEWS data (nation, states, territories, metro and nonmetro areas)")
@shared
def areas(ctx: Ctx, type: Annotated[str | None, Query(pattern="^(national|state|territory|metro|nonmetro)$")] = None,
          limit: Limit = 100, offset: Offset = 0) -> Page[Area]:
    return Page[Area](**page(list_areas(ctx.conn, type), limit, offset))


@router.get("/areas/{area}", tags=["areas"],
            summary="One area")
@shared
def area(ctx: Ctx, area: AreaPath) -> Area:
    return find_area(ctx.conn, area)


@router.get("/areas/{area}/subclusters", tags=["areas"],
            summary="All 72 sub-clusters in an area, ranked")
@shared
def area_subclusters(ctx: Ctx, area: AreaPath, by: RankBy = "employment") -> AreaSubclusters:
    found, profiles = serving.area_profiles(ctx, area)
    return AreaSubclusters(area=found, by=by, note=serving.openings_note(ctx, found.code),
                           subclusters=lm.rank(profiles, by))  # type: ignore[arg-type]


class AreaClusters(BaseModel):
    area: Area
    by: str
    note: str
    clusters: list[lm.SubclusterInArea]


@router.get("/areas/{area}/clusters", tags=["areas"],
            summary="All 14 clusters in an area, ranked")
@shared
def area_clusters(ctx: Ctx, area: AreaPath, by: RankBy = "employment") -> AreaClusters:
    found, profiles = lm.clusters_in_area(ctx.conn, area)
    return AreaClusters(area=found, by=by, note=serving.openings_note(ctx, found.code),
                        clusters=lm.rank(profiles, by))  # type: ignore[arg-type]


@router.get("/areas/{area}/subclusters/{subcluster_id}", tags=["areas"],
            summary="A sub-cluster's profile and top occupations in an area")
@shared
def area_subcluster(ctx: Ctx, area: AreaPath, subcluster_id: Annotated[str, Path(max_length=200)]) -> AreaSubcluster:
    return subcluster_in_area(ctx, subcluster_id, area)


@router.get("/areas/{area}/occupations/{code}", tags=["areas"],
            summary="An occupation's wages and employment in an area and nationally")
@shared
def area_occupation(ctx: Ctx, area: AreaPath, code: Annotated[str, Path(max_length=20)]) -> AreaOccupation:
    return occupation_in_area(ctx, code, area)


@router.get("/areas/{area}/programs/{cip}", tags=["areas"],
            summary="A program's (CIP) occupations with their jobs, wages and openings "
                                              "in an area")
@shared
def area_program(ctx: Ctx, area: AreaPath, cip: Annotated[str, Path(max_length=20)]) -> AreaProgram:
    return program_in_area(ctx, cip, area)


@router.get("/occupations/{code}/industries", tags=["data"],
            summary="An occupation's jobs and wages by industry, largest first")
@shared
def occupation_industries(
        ctx: Ctx, code: Annotated[str, Path(max_length=20)],
        area: Annotated[str, Query(max_length=200, description="The area (the nation unless given); BLS publishes "
                                                               "industry figures for the nation only.")] = "US",
        level: Annotated[str, Query(pattern="^(sector|3-digit|4-digit|5-digit|ownership)$")] = "sector",
) -> industries.OccupationByIndustry:
    return industries.occupation_by_industry(ctx.conn, code, area, level)
