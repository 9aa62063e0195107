"""``/api/v1/occupations/{code}/industries``: the industries employing an occupation (OEWS by industry, which
BLS publishes for the nation only; the store has them after ``data import --industries``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from careerclusters.api.routes import Ctx
from careerclusters.labor import industries
from careerclusters.web.response_cache import shared

router = APIRouter(prefix="/api/v1", tags=["data"])


@router.get("/occupations/{code}/industries", summary="An occupation's jobs and wages by industry, largest first")
@shared
def occupation_industries(
        ctx: Ctx, code: Annotated[str, Path(max_length=20)],
        area: Annotated[str, Query(max_length=200, description="The area (the nation unless given); BLS publishes "
                                                               "industry figures for the nation only.")] = "US",
        level: Annotated[str, Query(pattern="^(sector|3-digit|4-digit|5-digit|ownership)$")] = "sector",
) -> industries.OccupationByIndustry:
    return industries.occupation_by_industry(ctx.conn, code, area, level)
