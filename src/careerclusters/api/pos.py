"""``/api/v1/programs-of-study``: imported programs of study (course sequences from middle or high school to a
credential), each with its target occupations and the checker's findings, and a validator for files not imported
(YAML, JSON, the CSV catalog or the state matrix workbook). Pay is compared in the program's state when its wages
are imported, or in the area asked for (``?area=OH``, ``?area=Columbus, OH``).

A CIP code is an instructional program (``/api/v1/programs``); a program of study is a sequence of courses
that uses one or more of them.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from careerclusters.api.paging import Limit, Offset, Page, page
from careerclusters.base.errors import CareerClustersError
from careerclusters.http.caching import shared
from careerclusters.http.deps import Ctx
from careerclusters.labor.areas import find_area
from careerclusters.pos import ProgramOfStudy, files, serving
from careerclusters.pos import catalogue as pos
from careerclusters.pos.checker import AreaWages, Report, area_wages

router = APIRouter(prefix="/api/v1/programs-of-study", tags=["programs of study"])
MAX_BODY = 2_000_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"text/csv": "upload.csv", "application/json": "upload.json", "application/yaml": "upload.yaml",
           "application/x-yaml": "upload.yaml", "text/yaml": "upload.yaml", "text/plain": "upload.yaml",
           XLSX: "upload.xlsx"}
AreaQuery = Annotated[str | None, Query(max_length=200, description="Compare pay in this area (OH, 'Columbus, OH', "
                                                                    "a BLS area code) rather than the program's "
                                                                    "state.")]


class ProgramOfStudyDetail(BaseModel):
    program: ProgramOfStudy
    file_name: str
    imported_at: str
    report: Report


class Validation(BaseModel):
    clean: bool
    reports: list[Report]


@router.get("", summary="Imported programs of study, optionally of one sub-cluster or using one CIP code")
@shared
def programs_of_study(ctx: Ctx, subcluster: Annotated[str | None, Query(max_length=200)] = None,
                      cip: Annotated[str | None, Query(max_length=20)] = None,
                      limit: Limit = 100, offset: Offset = 0) -> Page[pos.ProgramSummary]:
    found = pos.list_programs(ctx.conn, subcluster=subcluster, cip=cip)
    return Page[pos.ProgramSummary](**page(found, limit, offset))


def _area(ctx: Ctx, area: str | None) -> AreaWages | None:
    return None if area is None else area_wages(ctx.conn, find_area(ctx.conn, area).code)


@router.get("/{program_id}", summary="One program of study with its target occupations and findings")
@shared
def program_of_study(ctx: Ctx, program_id: Annotated[str, Path(max_length=80)],
                     area: AreaQuery = None) -> ProgramOfStudyDetail:
    stored = pos.get(ctx.conn, program_id)
    return ProgramOfStudyDetail(program=stored.program, file_name=stored.file_name, imported_at=stored.imported_at,
                                report=serving.checker(ctx).check(stored.program, _area(ctx, area)))


@router.post("/validate", summary="Check programs of study (a YAML, JSON, CSV or workbook body) against the default "
                                  "rules",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/ProgramOfStudy"}},
                 "application/yaml": {"schema": {"type": "string"}},
                 "text/csv": {"schema": {"type": "string"}},
                 XLSX: {"schema": {"type": "string", "format": "binary"}}}}})
async def validate(ctx: Ctx, request: Request, area: AreaQuery = None) -> Validation:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise CareerClustersError(f"the body is larger than {MAX_BODY // 1_000_000} MB; split the catalog")
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    name = FORMATS.get(media)
    if name is None:
        raise CareerClustersError(f"cannot read {media!r}: send application/json, application/yaml, text/csv or "
                                  f"{XLSX}")
    programs = await run_in_threadpool(files.parse_bytes, body, name)  # a workbook takes a moment to unpack
    checker, wages = serving.checker(ctx), _area(ctx, area)
    reports = [checker.check(program, wages) for program in programs]
    return Validation(clean=not any(f.severity != "info" for r in reports for f in r.findings), reports=reports)
