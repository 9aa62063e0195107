"""``/api/v1/areas``: OEWS by state, territory, metro and nonmetropolitan area, rolled up to sub-clusters.

Openings in an area are estimates (national projections scaled to the area's employment); every answer that
carries them says so in ``note``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from careerclusters.alignment import analysis as alignment
from careerclusters.api import in_area
from careerclusters.api.in_area import NOTE, AreaOccupation, AreaProgram, AreaSubcluster
from careerclusters.api.routes import Ctx, Limit, Offset, Page, page
from careerclusters.base.codes import cip_code
from careerclusters.base.errors import CareerClustersError
from careerclusters.labor import market as lm
from careerclusters.labor.areas import Area, find_area, list_areas
from careerclusters.web.response_cache import shared

router = APIRouter(prefix="/api/v1/areas", tags=["areas"])
AreaPath = Annotated[str, Path(max_length=200, description="A BLS area code (3900000), FIPS (39), CBSA (18140), "
                                                             "postal abbreviation (OH) or name ('Columbus, OH').")]
RankBy = Annotated[str, Query(pattern="^(employment|wage|openings|lq|share)$")]


class AreaSubclusters(BaseModel):
    area: Area
    by: str
    note: str
    subclusters: list[lm.SubclusterInArea]


@router.get("", summary="Areas with OEWS data (nation, states, territories, metro and nonmetro areas)")
@shared
def areas(ctx: Ctx, type: Annotated[str | None, Query(pattern="^(national|state|territory|metro|nonmetro)$")] = None,
          limit: Limit = 100, offset: Offset = 0) -> Page[Area]:
    return Page[Area](**page(list_areas(ctx.conn, type), limit, offset))


@router.get("/{area}", summary="One area")
@shared
def area(ctx: Ctx, area: AreaPath) -> Area:
    return find_area(ctx.conn, area)


@router.get("/{area}/subclusters", summary="All 72 sub-clusters in an area, ranked")
@shared
def area_subclusters(ctx: Ctx, area: AreaPath, by: RankBy = "employment") -> AreaSubclusters:
    found, profiles = ctx.area_profiles(area)
    return AreaSubclusters(area=found, by=by, note=NOTE, subclusters=lm.rank(profiles, by))  # type: ignore[arg-type]


class AreaClusters(BaseModel):
    area: Area
    by: str
    note: str
    clusters: list[lm.SubclusterInArea]


@router.get("/{area}/clusters", summary="All 14 clusters in an area, ranked")
@shared
def area_clusters(ctx: Ctx, area: AreaPath, by: RankBy = "employment") -> AreaClusters:
    found, profiles = lm.clusters_in_area(ctx.conn, area)
    return AreaClusters(area=found, by=by, note=NOTE, clusters=lm.rank(profiles, by))  # type: ignore[arg-type]


@router.get("/{area}/subclusters/{subcluster_id}", summary="A sub-cluster's profile and top occupations in an area")
@shared
def area_subcluster(ctx: Ctx, area: AreaPath, subcluster_id: Annotated[str, Path(max_length=200)]) -> AreaSubcluster:
    return in_area.subcluster_in_area(ctx, subcluster_id, area)


@router.get("/{area}/occupations/{code}", summary="An occupation's wages and employment in an area and nationally")
@shared
def area_occupation(ctx: Ctx, area: AreaPath, code: Annotated[str, Path(max_length=20)]) -> AreaOccupation:
    return in_area.occupation_in_area(ctx, code, area)


@router.get("/{area}/programs/{cip}", summary="A program's (CIP) occupations with their jobs, wages and openings "
                                              "in an area")
@shared
def area_program(ctx: Ctx, area: AreaPath, cip: Annotated[str, Path(max_length=20)]) -> AreaProgram:
    return in_area.program_in_area(ctx, cip, area)


class ProgramRow(BaseModel):
    """One local program: a name, a CIP code, or both."""

    name: str = Field("", max_length=300)
    cip: str | None = Field(None, max_length=20)
    enrolment: int | None = Field(None, ge=0)
    completers: int | None = Field(None, ge=0)


class AlignmentRequest(BaseModel):
    area: str = Field(max_length=200, description="The area: OH, 'Columbus, OH', a BLS area code.")
    programs: list[ProgramRow] = Field(min_length=1, max_length=alignment.MAX_PROGRAMS)


reports = APIRouter(prefix="/api/v1/reports", tags=["reports"])


@reports.post("/alignment", summary="The program alignment report for an area (JSON; nothing is stored)")
def alignment_report(ctx: Ctx, body: AlignmentRequest) -> alignment.AlignmentReport:
    listed = []
    for number, row in enumerate(body.programs, start=1):
        if not row.name.strip() and not row.cip:
            raise CareerClustersError(f"programs[{number - 1}]: give a name or a CIP code")
        listed.append(alignment.ProgramInput(row=number, name=row.name.strip() or row.cip or "",
                                             cip=cip_code(row.cip) if row.cip else None, enrolment=row.enrolment,
                                             completers=row.completers))
    classifier = ctx.classifier("program") if any(p.cip is None for p in listed) else None
    return alignment.alignment(ctx.conn, body.area, listed, classifier=classifier)
