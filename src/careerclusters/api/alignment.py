"""``/api/v1/reports/alignment``: the program alignment report for an area, as JSON. Nothing sent is stored."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from careerclusters.alignment import analysis as alignment
from careerclusters.base.codes import cip_code
from careerclusters.base.errors import CareerClustersError
from careerclusters.classifier import serving as classifier_serving
from careerclusters.http.deps import Ctx

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])


class ProgramRow(BaseModel):
    """One local program: a name, a CIP code, or both."""

    name: str = Field("", max_length=300)
    cip: str | None = Field(None, max_length=20)
    enrolment: int | None = Field(None, ge=0)
    completers: int | None = Field(None, ge=0)


class AlignmentRequest(BaseModel):
    area: str = Field(max_length=200, description="The area: OH, 'Columbus, OH', a BLS area code.")
    programs: list[ProgramRow] = Field(min_length=1, max_length=alignment.MAX_PROGRAMS)


@router.post("/alignment", summary="The program alignment report for an area (JSON; nothing is stored)")
def alignment_report(ctx: Ctx, body: AlignmentRequest) -> alignment.AlignmentReport:
    listed = []
    for number, row in enumerate(body.programs, start=1):
        if not row.name.strip() and not row.cip:
            raise CareerClustersError(f"programs[{number - 1}]: give a name or a CIP code")
        listed.append(alignment.ProgramInput(row=number, name=row.name.strip() or row.cip or "",
                                             cip=cip_code(row.cip) if row.cip else None, enrolment=row.enrolment,
                                             completers=row.completers))
    classifier = classifier_serving.classifier(ctx, "program") if any(p.cip is None for p in listed) else None
    return alignment.alignment(ctx.conn, body.area, listed, classifier=classifier)
