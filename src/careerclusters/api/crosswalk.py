"""``/api/v1`` for what the crosswalks link to the framework: a cluster's or sub-cluster's occupations, programs
and industries, occupations (SOC, O*NET-SOC) and programs (CIP) with their wages and outlook, mapping codes
between any two systems, and where an original cluster or pathway moves in the modern framework.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from careerclusters.api import labor
from careerclusters.api.labor import AreaQuery
from careerclusters.api.paging import Limit, Offset, Page, page
from careerclusters.crosswalk import answers, serving
from careerclusters.crosswalk.relations import System
from careerclusters.crosswalk.transition import Transition
from careerclusters.framework import Level
from careerclusters.http.caching import shared
from careerclusters.http.deps import Ctx

router = APIRouter(prefix="/api/v1", tags=["data"])


class SortName(StrEnum):
    title = "title"
    wage = "wage"
    openings = "openings"
    employment = "employment"
    growth = "growth"
    soc = "soc"


@router.get("/clusters/{cluster_id}/contents", response_model=answers.NodeContents,
            summary="A modern cluster's occupations, programs and industries")
@shared
def cluster_contents(ctx: Ctx, cluster_id: str, sort: SortName = SortName.title) -> answers.NodeContents:
    return serving.contents(ctx, cluster_id, Level.CLUSTER, sort.value)  # type: ignore[arg-type]


@router.get("/subclusters/{subcluster_id}/contents", response_model=labor.ContentsWithArea,
            summary="A sub-cluster's occupations, programs and industries (with area=, its profile there)")
@shared
def subcluster_contents(ctx: Ctx, subcluster_id: str, sort: SortName = SortName.title,
                        area: AreaQuery = None) -> labor.ContentsWithArea:
    return labor.contents(ctx, subcluster_id, sort.value, area)  # type: ignore[arg-type]


@router.get("/occupations", response_model=Page[answers.OccupationListing],
            summary="Occupations, optionally within a cluster or sub-cluster")
@shared
def occupations(ctx: Ctx, cluster: Annotated[str | None, Query(max_length=200)] = None,
                subcluster: Annotated[str | None, Query(max_length=200)] = None,
                sort: SortName = SortName.title, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    if subcluster:
        items = serving.contents(ctx, subcluster, Level.SUBCLUSTER, sort.value).occupations  # type: ignore[arg-type]
    elif cluster:
        items = serving.contents(ctx, cluster, Level.CLUSTER, sort.value).occupations  # type: ignore[arg-type]
    else:
        items = answers.all_occupations(ctx.conn, sort.value)  # type: ignore[arg-type]
    return page(items, limit, offset)


@router.get("/occupations/{code}", response_model=labor.OccupationWithArea,
            summary="One occupation by SOC (29-1141) or O*NET-SOC (29-1141.00) code (with area=, its figures there)")
@shared
def occupation(ctx: Ctx, code: str, area: AreaQuery = None) -> labor.OccupationWithArea:
    return labor.occupation(ctx, code, area)


@router.get("/programs", response_model=Page[answers.Program], summary="CIP 2020 programs")
@shared
def programs(ctx: Ctx, cluster: Annotated[str | None, Query(max_length=200)] = None,
             subcluster: Annotated[str | None, Query(max_length=200)] = None,
             limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    if subcluster:
        items = serving.contents(ctx, subcluster, Level.SUBCLUSTER, "title").programs
    elif cluster:
        items = serving.contents(ctx, cluster, Level.CLUSTER, "title").programs
    else:
        items = answers.all_programs(ctx.conn)
    return page(items, limit, offset)


@router.get("/programs/{cip}", response_model=labor.ProgramWithArea,
            summary="One program by CIP 2020 code (51.3801) (with area=, its occupations there)")
@shared
def program(ctx: Ctx, cip: str, area: AreaQuery = None) -> labor.ProgramWithArea:
    return labor.program(ctx, cip, area)


@router.get("/industries", response_model=list[answers.IndustryLink],
            summary="NAICS sectors with the clusters and sub-clusters they align to")
@shared
def industries(ctx: Ctx) -> list[answers.IndustryLink]:
    return answers.industries(ctx.conn)


class CrosswalkTarget(BaseModel):
    code: str
    name: str


class CrosswalkAnswer(BaseModel):
    code: str
    route: list[str]
    targets: list[CrosswalkTarget]
    error: str | None = None


@router.get("/crosswalk", response_model=list[CrosswalkAnswer],
            summary="Map codes between soc, onet, cip, naics, cluster, subcluster and pathway")
@shared
def crosswalk(ctx: Ctx, source: Annotated[System, Query(alias="from")], target: Annotated[System, Query(alias="to")],
              code: Annotated[list[str], Query(min_length=1, max_length=500)]) -> list[CrosswalkAnswer]:
    results = serving.relations(ctx).map(source, target, code)
    return [CrosswalkAnswer(code=r.code, route=r.route, error=r.error,
                            targets=[CrosswalkTarget(code=c, name=n) for c, n in r.targets]) for r in results]


@router.get("/transition/{original_id}", response_model=Transition,
            summary="Where an original cluster or pathway moves")
@shared
def transition(ctx: Ctx, original_id: str) -> Transition:
    return serving.transition(ctx).of(original_id)
