"""Programs of study on the web: the list (by sub-cluster), one program's page with its sequence grid and its
downloads (the open file format, the state matrix workbook, the flat CSV where it can hold the program, a printed
PDF); and the learner's planner: ``/planner`` to pick a
program, ``/programs-of-study/{id}/plan`` to lay out a plan year by year, the plan as a PDF and as a file to keep
and open again.

A CIP code is an instructional program (``/programs/{cip}``); a program of study is a sequence of courses that
uses one or more of them. The list and program pages hold only what is imported, the same for everyone, so the
server keeps them (``@shared``). A plan is never kept: nothing is stored on the server or in a cookie, as with
the survey. The plan page is a GET form whose address holds every choice (where the learner starts and leaves,
the first school year, the pace, the electives taken, the courses done), so a plan can be bookmarked or sent;
the plan file holds the same choices, and opening it (a plain upload form) leads back to that address. Works
with JavaScript off. What a plan earns and whether its choices fit the program is ``pos.plan``; this module only
reads the form.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.http.caching import shared
from careerclusters.pos import catalogue as pos
from careerclusters.pos import files, serving, version1
from careerclusters.pos.model import Stage
from careerclusters.pos.plan import Pace, Plan, PlanChoices, default_settings, make_plan, plan_file, read_plan_file
from careerclusters.reports import html, pdf
from careerclusters.reports.words import named
from careerclusters.web.rendering import Lang, context, render

STATIC = Path(__file__).with_name("static")  # the planner's print stylesheet, linked from the printed page
router = APIRouter(include_in_schema=False)
ProgramId = Annotated[str, PathParam(max_length=80)]
DOWNLOADS = {"yaml": "application/yaml; charset=utf-8", "json": "application/json",
             "csv": "text/csv; charset=utf-8", "pdf": "application/pdf",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
LevelName = Annotated[str, Query(max_length=200)]
Codes = Annotated[list[str], Query()]
#: The official data a program of study's page and a plan show beside it: its jobs' pay and projected change.
FIGURES = ("bls-oews", "bls-projections")


@router.get("/programs-of-study", response_class=HTMLResponse)
@shared
def programs_of_study(request: Request, subcluster: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    conn = context(request).conn
    everything = pos.list_programs(conn)
    shown = pos.list_programs(conn, subcluster=subcluster) if subcluster else everything
    fw = load_framework()
    names = {n.id: named(n) for n in fw.nodes(Edition.MODERN, Level.SUBCLUSTER)}  # sorted as the reader reads them
    offered = sorted({s for p in everything for s in p.subclusters if s in names}, key=lambda s: names[s])
    chosen = fw.get(subcluster, edition=Edition.MODERN, level=Level.SUBCLUSTER).id if subcluster else ""
    return render(request, "pos_list.html", title=i18n.gettext("Programs of study"), programs=shown,
                  total=len(everything), subcluster_names=names, offered=offered, chosen=chosen)


@router.get("/programs-of-study/{program_id}.{fmt}")
@shared
def download(request: Request, program_id: ProgramId,
             fmt: Annotated[str, PathParam(pattern="^(yaml|json|csv|xlsx|pdf)$")]) -> Response:
    """The program of study in the open file format (YAML, JSON), the state matrix workbook, the flat CSV layout,
    or printed to PDF."""
    program = serving.program_of_study(context(request), program_id)
    if fmt == "pdf":
        checker = serving.checker(context(request))
        data: bytes = pdf.render(html.program_of_study_document(program, checker.check(program), checker))
    elif fmt == "xlsx":
        from careerclusters.pos import workbook  # openpyxl loads with the first workbook asked for

        data = workbook.write(program)
    else:
        data = files.render([program], fmt).encode("utf-8")
    return Response(data, media_type=DOWNLOADS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{program.id}.{fmt}"'})


@router.get("/programs-of-study/{program_id}", response_class=HTMLResponse)
@shared
def program_of_study(request: Request, program_id: ProgramId) -> HTMLResponse:
    stored = pos.get(context(request).conn, program_id)
    checker = serving.checker(context(request))
    program = stored.program
    return render(request, "pos.html", needs=FIGURES, title=program.title, program=program, stored=stored,
                  csv_ok=not version1.missing(program),
                  body=html.program_of_study_body(program, checker.check(program), checker))


def _year(text: str) -> int | None:
    """The first school year typed, or None when it is empty or not a year the planner can lay out (the plan
    page then says so beside the field: ``year_problem``)."""
    text = text.strip()
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None


def year_problem(text: str, lang: str) -> str | None:
    """What is wrong with a typed first school year, in ``lang``, or None."""
    if not text.strip() or _year(text) is not None:
        return None
    return i18n.translator(lang).gettext("Type the year your first school year begins, such as 2026 for "
                                         "2026–27 (not “%(text)s”).") % {"text": text.strip()[:10]}


async def _choices(program_id: str, start: LevelName = "", finish: LevelName = "",
                   year: Annotated[str, Query(max_length=10)] = "", pace: Annotated[str, Query(max_length=20)] = "",
                   take: Codes = [], done: Codes = []) -> PlanChoices:  # noqa: B006 - FastAPI copies the defaults
    """The plan's choices from its address (the form's fields); a malformed one is a 400 naming it, except the
    typed first year, which the plan page asks again for. A coroutine, so FastAPI reads them without a trip to
    the thread pool."""
    try:
        return PlanChoices(program=program_id, start=start or None, finish=finish or None, first_year=_year(year),
                           pace=pace or Pace.full_time, take=take, done=done)
    except ValidationError as exc:
        problem = exc.errors()[0]
        raise CareerClustersError(f"{'.'.join(str(p) for p in problem['loc'])}: {problem['msg']}") from None


Choices = Annotated[PlanChoices, Depends(_choices)]


def plan_query(choices: PlanChoices) -> str:
    """The plan's address (after ``?``): every choice, leaving out what is the default."""
    params = [(key, value) for key, value in (("start", choices.start), ("finish", choices.finish),
                                              ("year", "" if choices.first_year is None else str(choices.first_year)),
                                              ("pace", "" if choices.pace is Pace.full_time else choices.pace.value))
              if value]
    params += [("take", code) for code in choices.take] + [("done", code) for code in choices.done]
    return urlencode(params)


def _plan(request: Request, choices: PlanChoices, lang: str) -> Plan:
    checker = serving.checker(context(request))
    program = serving.program_of_study(context(request), choices.program)
    area = checker.wage_area(program)  # the same pay as the program's own jobs
    stages = {Stage.secondary: checker.cip_occupations(program.secondary_cip, area),
              Stage.postsecondary: checker.cip_occupations(program.postsecondary_cip, area)}
    with i18n.language(lang):
        return make_plan(program, choices, occupations=checker.occupations(program), stage_occupations=stages,
                         sced_titles=checker.ref.course_titles)


def _render_plan(request: Request, plan: Plan, lang: str, printing: bool, year_text: str = "") -> HTMLResponse:
    """The plan page; ``printing`` leaves out the form controls and makes links absolute (for the PDF). A first
    year that could not be read comes back in its field (``year_text``) with the message beside it."""
    query = plan_query(plan.choices)
    problem = year_problem(year_text, lang)
    with i18n.language(lang):
        return render(request, "planner.html", status_code=400 if problem else 200, needs=FIGURES,
                      title=i18n.gettext("My plan: %(title)s") % {"title": plan.title}, plan=plan, query=query,
                      printing=printing, year_problem=problem, year_text=year_text.strip() if problem else "",
                      base=str(request.base_url).rstrip("/") if printing else "",
                      plan_url=i18n.url(f"/programs-of-study/{plan.choices.program}/plan"),
                      terms={pace.value: default_settings().terms(plan.calendar, pace) for pace in Pace})


@router.get("/planner", response_class=HTMLResponse)
@shared  # the list of programs of study; a plan itself is never kept
def planner(request: Request, lang: Lang) -> HTMLResponse:
    ctx = context(request)
    programs, held_back = pos.offered_to_learners(ctx.conn, serving.checker(ctx))
    with i18n.language(lang):
        return render(request, "planner_start.html", title=i18n.gettext("Plan your path"),
                      programs=programs, held_back=held_back)


@router.post("/planner/open")
async def open_plan(request: Request, lang: Lang, plan: Annotated[UploadFile, File()]) -> RedirectResponse:
    """Open a plan file the learner kept: back to the plan's address, which holds it from then on."""
    choices = read_plan_file(await plan.read(request.app.state.settings.max_upload_bytes + 1),
                             plan.filename or "plan.json")
    pos.get(context(request).conn, choices.program)  # say so now if its program is not imported
    return RedirectResponse(i18n.url(f"/programs-of-study/{choices.program}/plan", lang) + "?" + plan_query(choices),
                            status_code=303)


@router.get("/programs-of-study/{program_id}/plan", response_class=HTMLResponse)
async def plan_page(request: Request, lang: Lang, choices: Choices,
                    year: Annotated[str, Query(max_length=10)] = "") -> HTMLResponse:
    return await context(request).compute(
        lambda: _render_plan(request, _plan(request, choices, lang), lang, printing=False, year_text=year))


@router.get("/programs-of-study/{program_id}/plan.pdf")
def plan_pdf(request: Request, lang: Lang, choices: Choices) -> Response:
    """The plan printed to PDF by headless Chromium with the print stylesheet: one or two Letter pages."""
    plan = _plan(request, choices, lang)
    document = pdf.render(_render_plan(request, plan, lang, printing=True).body.decode(), static=STATIC)
    name = f"{'plan-es' if lang == 'es' else 'plan'}-{choices.program}.pdf"
    return Response(document, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/programs-of-study/{program_id}/plan.json")
def plan_download(request: Request, lang: Lang, choices: Choices) -> Response:
    """The plan file: the choices as JSON, to keep and open again with the planner."""
    return Response(plan_file(_plan(request, choices, lang)), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="plan-{choices.program}.json"'})
