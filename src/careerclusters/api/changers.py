"""``GET /api/v1/occupations/{code}/next``: the jobs a person could move to from an occupation, best first, with every
part of each score, what the two jobs share, what the move adds and the programs that lead there.

The answer is built for each request and never kept (``area``, ``education`` and ``pay_floor`` are what a person
told us); the index it is built from is kept per data version (``changers.serving``). An unknown code is a 404 with
the nearest codes as ``suggestions``; an occupation O*NET does not describe in enough detail to compare is a 404
naming ones it does.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from careerclusters.base.codes import occupation_code
from careerclusters.changers import DEFAULT_LIMIT, MAX_LIMIT, NextJobs, serving
from careerclusters.changers.model import EducationChoice
from careerclusters.http.deps import Ctx

router = APIRouter(prefix="/api/v1")


@router.get("/occupations/{code}/next", tags=["career changers"],
            summary="Jobs people could move to from an occupation, ranked by the work they share")
async def next_jobs(
    ctx: Ctx,
    code: Annotated[str, Path(max_length=20, description="A SOC (53-3032) or O*NET-SOC (53-3032.00) code.")],
    area: Annotated[str | None, Query(max_length=200, description=(
        "Weigh and show an area's pay and openings (openings there are estimates): a BLS area code (3900000), "
        "FIPS (39), CBSA (18140), postal abbreviation (OH) or name ('Columbus, OH')."))] = None,
    education: Annotated[EducationChoice | None, Query(
        description="The most education the person would add; moves needing more are listed apart, in "
                    "outside_preferences.")] = None,
    pay_floor: Annotated[float | None, Query(ge=0, le=1_000_000, description=(
        "The lowest median pay a year the person would take; moves paying less are listed apart."))] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> NextJobs:
    occupation_code(code)  # a title belongs on the /next-jobs page; here a malformed code is a 400
    return await ctx.compute(lambda: serving.next_jobs(ctx, code, area=area, education=education, floor=pay_floor,
                                                       limit=limit))
