"""``/api/v1/areas``: OEWS by state, territory, metro and nonmetropolitan area, rolled up to sub-clusters.

Openings in an area are estimates (national projections scaled to the area's employment); every answer that
carries them says so in ``note``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

from careerclusters.api.routes import Ctx, Limit, Offset, Page, page
from careerclusters.services import labor_market as lm
from careerclusters.services.areas import Area, find_area, list_areas

router = APIRouter(prefix="/api/v1/areas", tags=["areas"])
AreaPath = Annotated[str, Path(max_length=200, description="A BLS area code (3900000), FIPS (39), CBSA (18140), "
                                                             "postal abbreviation (OH) or name ('Columbus, OH').")]
NOTE = "openings are estimates: national projections scaled to the area's employment"


class AreaSubclusters(BaseModel):
    area: Area
    by: str
    note: str
    subclusters: list[lm.SubclusterInArea]


class AreaSubcluster(lm.SubclusterInArea):
    area: Area
    note: str


class AreaOccupation(lm.OccupationInArea):
    note: str


@router.get("", summary="Areas with OEWS data (nation, states, territories, metro and nonmetro areas)")
def areas(ctx: Ctx, type: Annotated[str | None, Query(pattern="^(national|state|territory|metro|nonmetro)$")] = None,
          limit: Limit = 100, offset: Offset = 0) -> Page[Area]:
    return Page[Area](**page(list_areas(ctx.conn, type), limit, offset))


@router.get("/{area}", summary="One area")
def area(ctx: Ctx, area: AreaPath) -> Area:
    return find_area(ctx.conn, area)


@router.get("/{area}/subclusters", summary="All 72 sub-clusters in an area, ranked")
def area_subclusters(ctx: Ctx, area: AreaPath,
                     by: Annotated[str, Query(pattern="^(employment|wage|openings|lq|share)$")] = "employment"
                     ) -> AreaSubclusters:
    found, profiles = ctx.area_profiles(area)
    return AreaSubclusters(area=found, by=by, note=NOTE, subclusters=lm.rank(profiles, by))  # type: ignore[arg-type]


@router.get("/{area}/subclusters/{subcluster_id}", summary="A sub-cluster's profile and top occupations in an area")
def area_subcluster(ctx: Ctx, area: AreaPath, subcluster_id: Annotated[str, Path(max_length=200)]) -> AreaSubcluster:
    found, profiles = ctx.area_profiles(area)
    wanted = lm.subcluster_id(subcluster_id)
    profile = next(p for p in profiles if p.id == wanted)
    return AreaSubcluster(area=found, note=NOTE, **profile.model_dump())


@router.get("/{area}/occupations/{code}", summary="An occupation's wages and employment in an area and nationally")
def area_occupation(ctx: Ctx, area: AreaPath, code: Annotated[str, Path(max_length=20)]) -> AreaOccupation:
    return AreaOccupation(note=NOTE, **lm.occupation_in_area(ctx.conn, code, area).model_dump())
