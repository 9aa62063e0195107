"""``/api/v1/survey``: the interest survey's items in each language, and scoring a filled-in survey.

Nothing sent here is stored or logged by the app: the answers arrive in the request and leave in the
response. Unknown item ids, answers outside 0–2 and unknown languages are 422s that name the item.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from careerclusters.base.languages import Language
from careerclusters.http.deps import Ctx
from careerclusters.survey import Answer, load_instrument, serving
from careerclusters.survey import scoring as survey

router = APIRouter(prefix="/api/v1/survey", tags=["survey"])


class SurveyItem(BaseModel):
    id: str
    text: str
    part: Literal["interest", "cluster", "purpose"]
    key: str  # a RIASEC letter, a cluster or sub-cluster id, or a purpose grouping id
    kind: str | None  # checklist items: activity, subject or quality
    cluster_id: str | None


class Option(BaseModel):
    id: str
    label: str


class SurveyItems(BaseModel):
    lang: Language
    version: int
    answers: dict[int, str]
    education: list[Option]
    items: list[SurveyItem]


@router.get("/items", summary="The survey's items in one language", response_model=SurveyItems)
def items(lang: Language = "en") -> SurveyItems:
    instrument = load_instrument(lang)
    return SurveyItems(
        lang=lang, version=instrument.version, answers={a.value: a.name.lower().replace("_", " ") for a in Answer},
        education=[Option(id=level, label=label) for level, label in instrument.education],
        items=[SurveyItem(id=i.id, text=i.text, part=i.part.value, key=i.key, kind=i.kind, cluster_id=i.cluster_id)
               for i in instrument.items])


@router.post("/score", summary="Score a filled-in survey", response_model=survey.SurveyResult)
def score(sheet: survey.SurveyAnswers, ctx: Ctx) -> survey.SurveyResult:
    return survey.score(sheet, serving.survey_data(ctx))
