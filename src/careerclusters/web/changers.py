"""``/next-jobs``: "I have a job: what could I do next?" A person types the job they have (in their own words, or an
occupation code), and optionally an area, the most education they would add and the lowest pay they would take;
the page lists the jobs they could move to, each with the parts of its score, what the two jobs share, what the move
adds, and the programs that lead there. ``/next-jobs/print`` is the same list laid out for paper, every section open;
``/next-jobs.pdf`` prints it to PDF.

Nothing is stored: the page is a GET form whose address holds what was typed, so a list can be bookmarked or sent to
a counselor, and none of these routes is kept by the server's page cache. Works with JavaScript off: the sections
that fold are ``<details>``. Spanish at ``/es/next-jobs``, like every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.changers import (
    EDUCATION_CHOICES,
    NextJobs,
    NotComparableError,
    PayFloorError,
    UnknownOccupationError,
    serving,
    words,
)
from careerclusters.changers.resolve import CIVILIAN
from careerclusters.http.errors import status_for
from careerclusters.labor import serving as labor_serving
from careerclusters.labor.areas import UnknownAreaError
from careerclusters.reports import pdf
from careerclusters.store import StoreError
from careerclusters.survey import load_instrument
from careerclusters.web.rendering import Lang, context, render

STATIC = Path(__file__).with_name("static")  # the page's stylesheet, linked from the printed page too
router = APIRouter(include_in_schema=False)
Text = Annotated[str, Query(max_length=200)]
#: How many moves the page lists, and the printed list (paper holds the best ten; the page has the rest).
SHOWN, PRINTED = 20, 10


def _query(job: str, area: str, edu: str, pay: str) -> str:
    params = {"job": job.strip(), "area": area.strip(), "edu": edu, "pay": pay.strip()}
    return urlencode({k: v for k, v in params.items() if v})


def _problem(exc: CareerClustersError) -> tuple[str, list[tuple[str, str]]]:
    """What went wrong in words a visitor reads (never the command an operator would run), and codes to try as
    (code, title) pairs."""
    if isinstance(exc, UnknownOccupationError):
        return i18n.gettext("We have no occupation with that code. Did you mean one of these?"), _pairs(exc.suggestions)
    if isinstance(exc, NotComparableError):
        if exc.suggestions == [CIVILIAN]:
            return i18n.gettext("O*NET does not describe this work in enough detail to compare it with other jobs. "
                                "Served in the military? Type the civilian job closest to the work you did, such as "
                                "vehicle mechanic, supply clerk or security guard."), []
        return i18n.gettext("O*NET does not describe this job's work in enough detail to compare it with other "
                            "jobs. Try one of these:"), _pairs(exc.suggestions)
    if isinstance(exc, UnknownAreaError):
        return i18n.gettext("We could not find that area. Try a state (OH), a metro area (Columbus, OH), or leave "
                            "it empty for the whole country."), []
    if isinstance(exc, StoreError):
        return i18n.gettext("This site does not have the data to compare jobs yet."), []
    if isinstance(exc, PayFloorError):
        return i18n.gettext("Type the lowest pay you would take as dollars a year, such as 40000."), []
    return str(exc), []


def _pairs(suggestions: list[str]) -> list[tuple[str, str]]:
    return [(code, title) for code, _space, title in (s.partition(" ") for s in suggestions)]


def _answer(request: Request, lang: str, job: str, area: str, edu: str, pay: str, limit: int
            ) -> tuple[NextJobs | None, str | None, list[tuple[str, str]], int]:
    """The list, or what keeps it from being made (with codes to try and the status to answer with)."""
    if not job.strip():
        return None, None, [], 200
    ctx = context(request)
    try:
        with i18n.language(lang):
            return serving.next_jobs(ctx, job, area=area or None, education=edu or None, floor=pay or None,
                                     limit=limit), None, [], 200
    except CareerClustersError as exc:
        with i18n.language(lang):
            message, tries = _problem(exc)
        return None, message, tries, status_for(exc)


def _page(request: Request, lang: str, job: str, area: str, edu: str, pay: str, *, printing: bool) -> HTMLResponse:
    answer, problem, tries, status = _answer(request, lang, job, area, edu, pay, PRINTED if printing else SHOWN)
    query = _query(job, area, edu, pay)
    ctx = context(request)
    states = [a for a in labor_serving.areas(ctx) if a.type in {"state", "territory"}] \
        if ctx.has("bls-oews-areas") else []
    with i18n.language(lang):
        return render(request, "next_jobs.html", status_code=status,
                      title=i18n.gettext("I have a job — what could I do next?"), answer=answer, problem=problem,
                      tries=tries, job=job, area=area, edu=edu if edu in EDUCATION_CHOICES else "", pay=pay,
                      choices=[(c, words.choice(c)) for c in EDUCATION_CHOICES], states=states, query=query,
                      keep=_query("", area, edu, pay), words=words, names=load_instrument(lang).name,
                      printing=printing, base=str(request.base_url).rstrip("/") if printing else "")


@router.get("/next-jobs", response_class=HTMLResponse)
def next_jobs_page(request: Request, lang: Lang, job: Text = "", area: Text = "", edu: Text = "",
        pay: Text = "") -> HTMLResponse:
    return _page(request, lang, job, area, edu, pay, printing=False)


@router.get("/next-jobs/print", response_class=HTMLResponse)
def next_jobs_print(request: Request, lang: Lang, job: Text = "", area: Text = "", edu: Text = "",
        pay: Text = "") -> HTMLResponse:
    """The list laid out for paper: every section open, no forms, the page's address written out."""
    return _page(request, lang, job, area, edu, pay, printing=True)


@router.get("/next-jobs.pdf")
def next_jobs_pdf(request: Request, lang: Lang, job: Text = "", area: Text = "", edu: Text = "",
        pay: Text = "") -> Response:
    """The printable list as a PDF, printed by headless Chromium with the page's print stylesheet (a server that
    cannot print answers 503 saying what to install, as every PDF does)."""
    page = _page(request, lang, job, area, edu, pay, printing=True)
    if page.status_code != 200:
        return page
    document = pdf.render(page.body.decode(), static=STATIC)
    name = "proximos-empleos.pdf" if lang == "es" else "next-jobs.pdf"
    return Response(document, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
