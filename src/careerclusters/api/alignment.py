"""``/api/v1/reports/alignment``: the program alignment report for an area, as JSON. Nothing sent is stored."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.programs import MAX_PROGRAMS, ProgramInput
from careerclusters.alignment.rules import load_rules
from careerclusters.base.codes import cip_code
from careerclusters.base.errors import CareerClustersError
from careerclusters.classifier import serving as classifier_serving
from careerclusters.http.deps import Ctx

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])


class ProgramRow(BaseModel):
    """One local program: a name, a CIP code, or both; its level if not the request's."""

    name: str = Field("", max_length=300)
    cip: str | None = Field(None, max_length=20)
    level: str | None = Field(None, max_length=40, description="secondary, certificate, associate or bachelor")
    enrolment: int | None = Field(None, ge=0)
    completers: int | None = Field(None, ge=0)


class AlignmentRequest(BaseModel):
    area: str = Field(max_length=200, description="The area: OH, 'Columbus, OH', a BLS area code, or a county "
                                                  "('Franklin County, OH') once BLS's area definitions are imported.")
    level: str = Field("secondary", max_length=40, description="The level of programs without one of their own.")
    levels: list[str] | None = Field(None, max_length=10, description="The levels the institution serves, for the "
                                                                     "gaps (default: its programs').")
    programs: list[ProgramRow] = Field(min_length=1, max_length=MAX_PROGRAMS)


@router.post("/alignment", summary="The program alignment report for an area (JSON; nothing is stored)")
def alignment_report(ctx: Ctx, body: AlignmentRequest) -> alignment.AlignmentReport:
    rules = load_rules()
    default = rules.level(body.level)
    listed = []
    for number, row in enumerate(body.programs, start=1):
        if not row.name.strip() and not row.cip:
            raise CareerClustersError(f"programs[{number - 1}]: give a name or a CIP code")
        listed.append(ProgramInput(row=number, name=row.name.strip() or row.cip or "",
                                   cip=cip_code(row.cip) if row.cip else None,
                                   level=rules.level(row.level) if row.level else default,
                                   level_given=row.level is not None, enrolment=row.enrolment,
                                   completers=row.completers))
    classifier = classifier_serving.classifier(ctx, "program") if any(p.cip is None for p in listed) else None
    levels = [rules.level(v) for v in body.levels] if body.levels else None
    return alignment.alignment(ctx.conn, body.area, listed, rules=rules, classifier=classifier, levels=levels)
