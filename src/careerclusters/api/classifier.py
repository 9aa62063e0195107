"""``/api/v1/search`` and ``/api/v1/classify``: search everything at once, and free text to occupations
(O*NET-SOC) or programs (CIP). ``GET /classify`` codes one text; ``POST`` codes a batch for integrators, up to
``Settings.max_texts`` texts a request.

Both answer through ``classifier.batch.classify_each``, as the CLI and batch files do: a text with no job
words (empty, a spreadsheet formula, only digits or symbols, too long) gets no candidates and a reason.

Texts may be in English or Spanish ("enfermera", "mecánico de carros"). Answers name occupations and the
framework's nodes in the request's language (``?lang=``, else ``Accept-Language``; ``Content-Language`` says which);
program titles stay as NCES publishes them, in English.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from careerclusters.classifier import Candidate, serving
from careerclusters.classifier.batch import classify_each
from careerclusters.classifier.localized import in_language, titles_for
from careerclusters.classifier.search import SearchResult
from careerclusters.classifier.service import TextClassifier
from careerclusters.http.context import Context
from careerclusters.http.deps import Ctx
from careerclusters.http.languages import RequestLanguage, language_headers

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
async def classify(ctx: Ctx, response: Response, text: Annotated[str, Query(min_length=1, max_length=300)],
                   lang: RequestLanguage, kind: ClassifyKind = ClassifyKind.occupation, k: K = 5) -> ClassifyAnswer:
    [(candidates, why)] = await ctx.compute(lambda: _coded(ctx, kind, [text], k, lang))
    response.headers.update(language_headers(lang))
    return ClassifyAnswer(text=text, kind=kind.value, candidates=candidates, reason=why)


def _coded(ctx: Context, kind: ClassifyKind, texts: list[str], k: int, lang: str
           ) -> list[tuple[list[Candidate], str | None]]:
    """Each text's candidates, named in ``lang``, and the reason when it has none."""
    model: TextClassifier = serving.classifier(ctx, kind.value)  # type: ignore[arg-type]
    titles = titles_for(ctx.conn, lang)
    return [(in_language(candidates, kind.value, lang, titles), why)  # type: ignore[arg-type]
            for candidates, why in classify_each(model, texts, k=k)]


@router.post("/classify", response_model=ClassifyBatch,
             summary="Code a batch of texts; each answer in the order given, with a reason when it has none")
def classify_batch(ctx: Ctx, request: Request, response: Response, body: ClassifyRequest,
                   lang: RequestLanguage) -> ClassifyBatch:
    limit = request.app.state.settings.max_texts
    if len(body.texts) > limit:
        raise HTTPException(422, f"{len(body.texts)} texts: at most {limit} per request (CAREERCLUSTERS_MAX_TEXTS);"
                                 " split the batch")
    coded = _coded(ctx, body.kind, body.texts, body.k, lang)
    response.headers.update(language_headers(lang))
    return ClassifyBatch(kind=body.kind.value, k=body.k, results=[
        ClassifyAnswer(text=text, kind=body.kind.value, candidates=candidates, reason=why)
        for text, (candidates, why) in zip(body.texts, coded, strict=True)])


@router.get("/search", response_model=SearchResult,
            summary="Occupations, programs, clusters and sub-clusters matching the text")
async def search_everything(ctx: Ctx, response: Response, q: Annotated[str, Query(min_length=1, max_length=300)],
                            lang: RequestLanguage) -> SearchResult:
    response.headers.update(language_headers(lang))
    return await ctx.compute(lambda: serving.search_everything(ctx, q, lang))
