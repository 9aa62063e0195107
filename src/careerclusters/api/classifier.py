"""``/api/v1/search`` and ``/api/v1/classify``: search everything at once, and free text to occupations
(O*NET-SOC) or programs (CIP). ``GET /classify`` codes one text; ``POST`` codes a batch for integrators, up to
``Settings.max_texts`` texts a request.

Both answer through ``classifier.batch.classify_each``, as the CLI and batch files do: a text with no job
words (empty, a spreadsheet formula, only digits or symbols, too long) gets no candidates and a reason.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from careerclusters.classifier import Candidate, serving
from careerclusters.classifier.batch import classify_each
from careerclusters.classifier.search import SearchResult
from careerclusters.http.deps import Ctx

router = APIRouter(prefix="/api/v1", tags=["search"])


K = Annotated[int, Query(ge=1, le=20, description="Candidates per text.")]


class ClassifyAnswer(BaseModel):
    """One text's candidates, best first; when there are none, ``reason`` says why (empty, a formula,
    only digits or symbols, too long)."""

    text: str
    kind: str
    candidates: list[Candidate]
    reason: str | None = None


class ClassifyBatch(BaseModel):
    kind: str
    k: int
    results: list[ClassifyAnswer]


class ClassifyKind(StrEnum):
    occupation = "occupation"
    program = "program"


class ClassifyRequest(BaseModel):
    texts: list[str] = Field(min_length=1, description="Job titles or program names, up to the server's limit "
                                                       "(CAREERCLUSTERS_MAX_TEXTS, 1,000 by default).")
    kind: ClassifyKind = ClassifyKind.occupation
    k: int = Field(5, ge=1, le=20, description="Candidates per text.")


@router.get("/classify", response_model=ClassifyAnswer,
            summary="Code one text to occupations (O*NET-SOC) or programs (CIP)")
async def classify(ctx: Ctx, text: Annotated[str, Query(min_length=1, max_length=300)],
                   kind: ClassifyKind = ClassifyKind.occupation, k: K = 5) -> ClassifyAnswer:
    [(candidates, why)] = await ctx.compute(
        lambda: classify_each(serving.classifier(ctx, kind.value), [text], k=k))  # type: ignore[arg-type]
    return ClassifyAnswer(text=text, kind=kind.value, candidates=candidates, reason=why)


@router.post("/classify", response_model=ClassifyBatch,
             summary="Code a batch of texts; each answer in the order given, with a reason when it has none")
def classify_batch(ctx: Ctx, request: Request, body: ClassifyRequest) -> ClassifyBatch:
    limit = request.app.state.settings.max_texts
    if len(body.texts) > limit:
        raise HTTPException(422, f"{len(body.texts)} texts: at most {limit} per request (CAREERCLUSTERS_MAX_TEXTS);"
                                 " split the batch")
    coded = classify_each(serving.classifier(ctx, body.kind.value), body.texts, k=body.k)  # type: ignore[arg-type]
    return ClassifyBatch(kind=body.kind.value, k=body.k, results=[
        ClassifyAnswer(text=text, kind=body.kind.value, candidates=candidates, reason=why)
        for text, (candidates, why) in zip(body.texts, coded, strict=True)])


@router.get("/search", response_model=SearchResult,
            summary="Occupations, programs, clusters and sub-clusters matching the text")
async def search_everything(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=300)]) -> SearchResult:
    return await ctx.compute(lambda: serving.search_everything(ctx, q))
