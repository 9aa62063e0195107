"""``/api/v1/programs-of-study``: imported programs of study (course sequences from high school to a credential),
each with its target occupations and the checker's findings, and a validator for files not imported.

A CIP code is an instructional program (``/api/v1/programs``); a program of study is a sequence of courses
that uses one or more of them.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel

from careerclusters.api.paging import Limit, Offset, Page, page
from careerclusters.base.errors import CareerClustersError
from careerclusters.http.caching import shared
from careerclusters.http.deps import Ctx
from careerclusters.pos import ProgramOfStudy, files, serving
from careerclusters.pos import catalogue as pos
from careerclusters.pos.checker import Report

router = APIRouter(prefix="/api/v1/programs-of-study", tags=["programs of study"])
MAX_BODY = 2_000_000
FORMATS = {"text/csv": "upload.csv", "application/json": "upload.json", "application/yaml": "upload.yaml",
           "application/x-yaml": "upload.yaml", "text/yaml": "upload.yaml", "text/plain": "upload.yaml"}


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


@router.get("/{program_id}", summary="One program of study with its target occupations and findings")
@shared
def program_of_study(ctx: Ctx, program_id: Annotated[str, Path(max_length=80)]) -> ProgramOfStudyDetail:
    stored = pos.get(ctx.conn, program_id)
    return ProgramOfStudyDetail(program=stored.program, file_name=stored.file_name, imported_at=stored.imported_at,
                                report=serving.checker(ctx).check(stored.program))


@router.post("/validate", summary="Check programs of study (a YAML, JSON or CSV body) against the default rules",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/ProgramOfStudy"}},
                 "application/yaml": {"schema": {"type": "string"}},
                 "text/csv": {"schema": {"type": "string"}}}}})
async def validate(ctx: Ctx, request: Request) -> Validation:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise CareerClustersError(f"the body is larger than {MAX_BODY // 1_000_000} MB; split the catalog")
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    name = FORMATS.get(media)
    if name is None:
        raise CareerClustersError(f"cannot read {media!r}: send application/json, application/yaml or text/csv")
    text = body.decode("utf-8-sig", errors="replace")
    checker = serving.checker(ctx)
    reports = [checker.check(program) for program in files.parse(text, name)]
    return Validation(clean=not any(f.severity != "info" for r in reports for f in r.findings), reports=reports)
