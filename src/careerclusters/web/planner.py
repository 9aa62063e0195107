"""The learner's planner: ``/planner`` to pick a program of study, ``/programs-of-study/{id}/plan`` to lay out a
plan year by year, and the plan as a PDF and as a file to keep and open again.

Nothing is stored on the server or in a cookie, as with the survey (``web/survey.py``): the plan page is a GET
form whose address holds every choice (where the learner starts and leaves, the first school year, the pace,
the electives taken, the courses done), so a plan can be bookmarked or sent; the plan file holds the same
choices, and opening it (a plain upload form) leads back to that address. Works with JavaScript off. What a
plan earns and whether its choices fit the program is ``services.pos_plan``; this module only reads the form.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.pos import catalogue as pos
from careerclusters.pos.plan import Pace, Plan, PlanChoices, default_settings, make_plan, plan_file, read_plan_file
from careerclusters.reports import pdf
from careerclusters.survey import scoring as survey
from careerclusters.web.pages import render
from careerclusters.web.response_cache import shared

STATIC = Path(__file__).with_name("static")  # the planner's print stylesheet, linked from the printed page
router = APIRouter(include_in_schema=False)
Lang = Annotated[survey.Language, Query()]
LevelName = Annotated[str, Query(max_length=200)]
Codes = Annotated[list[str], Query()]


def _other(lang: str) -> str:
    return "es" if lang == "en" else "en"


def _year(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise CareerClustersError(f"the first school year must be a year such as 2026, not {text[:20]!r}")
    return int(text)


async def _choices(program_id: str, start: LevelName = "", finish: LevelName = "",
                   year: Annotated[str, Query(max_length=10)] = "", pace: Annotated[str, Query(max_length=20)] = "",
                   take: Codes = [], done: Codes = []) -> PlanChoices:  # noqa: B006 - FastAPI copies the defaults
    """The plan's choices from its address (the form's fields); a malformed one is a 400 naming it. A
    coroutine, so FastAPI reads them without a trip to the thread pool."""
    try:
        return PlanChoices(program=program_id, start=start or None, finish=finish or None, first_year=_year(year),
                           pace=pace or Pace.full_time, take=take, done=done)
    except ValidationError as exc:
        problem = exc.errors()[0]
        raise CareerClustersError(f"{'.'.join(str(p) for p in problem['loc'])}: {problem['msg']}") from None


Choices = Annotated[PlanChoices, Depends(_choices)]


def plan_query(choices: PlanChoices, lang: str) -> str:
    """The plan's address (after ``?``): every choice, leaving out what is the default."""
    params: list[tuple[str, str]] = [("lang", lang)] if lang != "en" else []
    params += [(key, value) for key, value in (("start", choices.start), ("finish", choices.finish),
                                               ("year", "" if choices.first_year is None else str(choices.first_year)),
                                               ("pace", "" if choices.pace is Pace.full_time else choices.pace.value))
               if value]
    params += [("take", code) for code in choices.take] + [("done", code) for code in choices.done]
    return urlencode(params)


def _plan(request: Request, choices: PlanChoices, lang: str) -> Plan:
    checker = request.app.state.explorer.pos_checker()
    program = request.app.state.explorer.program_of_study(choices.program)
    with i18n.language(lang):
        return make_plan(program, choices, occupations=checker.occupations(program),
                         sced_titles=checker.ref.course_titles)


def _render_plan(request: Request, plan: Plan, lang: str, printing: bool) -> HTMLResponse:
    """The plan page; ``printing`` leaves out the form controls and makes links absolute (for the PDF)."""
    query = plan_query(plan.choices, lang)
    other = _other(lang)
    with i18n.language(lang):
        return render(request, "planner.html", lang=lang, title=i18n.gettext("My plan: %(title)s")
                      % {"title": plan.title}, plan=plan, query=query, printing=printing,
                      base=str(request.base_url).rstrip("/") if printing else "",
                      plan_url=f"/programs-of-study/{plan.choices.program}/plan",
                      terms=default_settings().terms_per_year,
                      switch_url=f"/programs-of-study/{plan.choices.program}/plan?"
                                 + plan_query(plan.choices, other), switch_lang=other)


@router.get("/planner", response_class=HTMLResponse)
@shared  # the list of programs of study; a plan itself is never kept
def planner(request: Request, lang: Lang = "en") -> HTMLResponse:
    explorer = request.app.state.explorer
    programs, held_back = pos.offered_to_learners(explorer.conn, explorer.pos_checker())
    other = _other(lang)
    with i18n.language(lang):
        return render(request, "planner_start.html", lang=lang, title=i18n.gettext("Plan your path"),
                      programs=programs, held_back=held_back, switch_url=f"/planner?lang={other}",
                      switch_lang=other)


@router.post("/planner/open")
async def open_plan(request: Request, plan: Annotated[UploadFile, File()],
                    lang: Annotated[survey.Language, Form()] = "en") -> RedirectResponse:
    """Open a plan file the learner kept: back to the plan's address, which holds it from then on."""
    choices = read_plan_file(await plan.read(request.app.state.settings.max_upload_bytes + 1),
                             plan.filename or "plan.json")
    pos.get(request.app.state.explorer.conn, choices.program)  # say so now if its program is not imported
    return RedirectResponse(f"/programs-of-study/{choices.program}/plan?" + plan_query(choices, lang),
                            status_code=303)


@router.get("/programs-of-study/{program_id}/plan", response_class=HTMLResponse)
async def plan_page(request: Request, choices: Choices, lang: Lang = "en") -> HTMLResponse:
    return await request.app.state.explorer.compute(
        lambda: _render_plan(request, _plan(request, choices, lang), lang, printing=False))


@router.get("/programs-of-study/{program_id}/plan.pdf")
def plan_pdf(request: Request, choices: Choices, lang: Lang = "en") -> Response:
    """The plan printed to PDF by headless Chromium with the print stylesheet: one or two Letter pages."""
    plan = _plan(request, choices, lang)
    document = pdf.render(_render_plan(request, plan, lang, printing=True).body.decode(), static=STATIC)
    name = f"{'plan-es' if lang == 'es' else 'plan'}-{choices.program}.pdf"
    return Response(document, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/programs-of-study/{program_id}/plan.json")
def plan_download(request: Request, choices: Choices, lang: Lang = "en") -> Response:
    """The plan file: the choices as JSON, to keep and open again with the planner."""
    return Response(plan_file(_plan(request, choices, lang)), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="plan-{choices.program}.json"'})
