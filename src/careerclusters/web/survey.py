"""The interest survey's pages: ``/survey`` in a few plain-form steps, the result page and its PDF.

Nothing is stored on the server or in a cookie. Every step is a GET form whose address carries the
answers so far as one short code (``a``, see ``survey.codec``) plus the current step's fields; the
result page's address is the code itself, so it can be bookmarked or sent to a counselor. Works with
JavaScript off: the steps are links and submit buttons.

No student ends on an error page: a pay or an education level the form cannot read sends them back to the
last step with the message beside the field, in their language, and what they typed kept; a damaged answer
link opens the survey's first page saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerclusters.base import languages as i18n
from careerclusters.framework import load_framework
from careerclusters.reports import pdf
from careerclusters.survey import Answer, Instrument, Item, Part, SurveyDataError, load_instrument, serving
from careerclusters.survey import scoring as survey
from careerclusters.survey.codec import decode, encode
from careerclusters.web.rendering import Lang, context, render

STATIC = Path(__file__).with_name("static")  # the survey's print stylesheet, linked from the printed page
router = APIRouter(include_in_schema=False)

Code = Annotated[str, Query(max_length=100)]
Text = Annotated[str, Query(max_length=20)]


@dataclass(frozen=True)
class Step:
    """One page of the survey: which part it asks and which of its items."""

    part: Part
    start: int
    stop: int


#: Interests in two pages of 24, the checklist in two pages of 7 clusters, then purpose and preferences.
STEPS = (Step(Part.INTEREST, 0, 24), Step(Part.INTEREST, 24, 48), Step(Part.CLUSTER, 0, 7),
         Step(Part.CLUSTER, 7, 14), Step(Part.PURPOSE, 0, 5))
RESULT = len(STEPS) + 1


def step_items(instrument: Instrument, step: Step) -> list[Item]:
    if step.part is Part.CLUSTER:
        clusters = [c.id for c in load_framework().clusters()][step.start:step.stop]
        return [i for i in instrument.part(Part.CLUSTER) if i.cluster_id in clusters]
    return instrument.part(step.part)[step.start:step.stop]


@dataclass
class Form:
    """The survey's answers as the address carries them, with what the last step's fields could not read:
    ``problems`` maps a field (``wage``, ``edu``) to the message shown beside it, and ``wage_text`` keeps what
    was typed, so the form gives it back for correcting."""

    sheet: survey.SurveyAnswers
    wage_text: str = ""
    problems: dict[str, str] = field(default_factory=dict)


def _form(lang: str, code: str, edu: str, wage: str) -> Form:
    """The answers in ``code`` and the preferences; a damaged code raises ``SurveyDataError``."""
    instrument = load_instrument(lang)
    answers = decode(code, instrument)
    problems = {}
    if edu and edu not in instrument.education_levels():
        problems["edu"] = i18n.translator(lang).gettext("Choose one of these answers.")
        edu = ""
    try:
        floor = survey.parse_wage(wage, lang)
    except survey.WageError as exc:
        problems["wage"], floor = str(exc), None
    sheet = survey.SurveyAnswers(answers=answers, education=edu or None, wage_floor=floor, lang=lang)
    return Form(sheet, wage.strip() if "wage" in problems else _wage_text(floor), problems)


def _wage_text(floor: float | None) -> str:
    return "" if floor is None else f"{floor:.0f}"


def _merge(request: Request, instrument: Instrument, answers: dict[str, int], submitted: int) -> dict[str, int]:
    """The answers with the fields of step ``submitted`` (1-based) taken from the request: a radio's value,
    or a ticked checkbox as "like"; anything absent is "not sure"."""
    merged = dict(answers)
    for item in step_items(instrument, STEPS[submitted - 1]):
        value = request.query_params.get(item.id, "")
        if value in ("0", "2"):
            merged[item.id] = int(value)
        else:
            merged.pop(item.id, None)
    return merged


def _query(code: str, edu: str | None, wage: str, **extra: object) -> str:
    params = {"a": code, "edu": edu or "", "wage": wage, **extra}
    return urlencode({k: v for k, v in params.items() if v not in ("", None)})


def _start_again(request: Request, lang: str, problem: SurveyDataError) -> HTMLResponse:
    """The survey's first page saying why the answers could not be read (a damaged or outdated link)."""
    with i18n.language(lang):
        return render(request, "survey.html", status_code=400, title=i18n.gettext("Find your cluster"),
                      step=0, steps=STEPS, current=None, part=None, items=[], answers={}, code="",
                      form=Form(survey.SurveyAnswers(lang=lang)), link_problem=_link_problem(problem, lang),
                      instrument=load_instrument(lang), fw=load_framework(), like=Answer.LIKE)


def _link_problem(problem: SurveyDataError, lang: str) -> str:
    _ = i18n.translator(lang).gettext
    if "another version" in str(problem):
        return _("This answer link was made by an older version of the survey, so we cannot read it. Please "
                 "take the survey again: it takes about ten minutes.")
    return _("This answer link is damaged: part of it may be missing. Check that it was copied whole, or take "
             "the survey again.")


@router.get("/survey", response_class=HTMLResponse)
def survey_page(request: Request, lang: Lang, a: Code = "", edu: Text = "", wage: Text = "",
                step: Annotated[int, Query(ge=0, le=RESULT)] = 0,
                submitted: Annotated[int | None, Query(alias="from", ge=1, le=len(STEPS))] = None) -> Response:
    instrument = load_instrument(lang)
    try:
        form = _form(lang, a, edu, wage)
    except SurveyDataError as exc:
        return _start_again(request, lang, exc)
    sheet = form.sheet
    answers = _merge(request, instrument, sheet.answers, submitted) if submitted else sheet.answers
    code = encode(answers, instrument)
    refused = step == RESULT and bool(form.problems)
    if step == RESULT and not refused:
        return RedirectResponse(i18n.url("/survey/result") + "?" + _query(code, sheet.education, form.wage_text),
                                status_code=303)
    if refused:
        step = len(STEPS)  # back to the step with the preferences, the message beside the field to correct
    current = STEPS[step - 1] if step else None
    with i18n.language(lang):
        return render(request, "survey.html", status_code=400 if refused else 200,
                      title=i18n.gettext("Find your cluster"), step=step, steps=STEPS, current=current,
                      part=current.part.value if current else None,
                      items=step_items(instrument, current) if current else [], answers=answers, code=code,
                      form=form, sheet=sheet, instrument=instrument, fw=load_framework(), like=Answer.LIKE)


def _result(request: Request, lang: str, form: Form) -> tuple[survey.SurveyResult, str]:
    result = survey.score(form.sheet, serving.survey_data(context(request)))
    return result, _query(result.code, form.sheet.education, form.wage_text)


def _render_result(request: Request, lang: str, result: survey.SurveyResult, query: str, printing: bool
                   ) -> HTMLResponse:
    """The result page; ``printing`` makes its links absolute (for the PDF) and leaves out the forms."""
    with i18n.language(lang):
        return render(request, "survey_result.html", title=i18n.gettext("Your survey results"),
                      result=result, query=query,
                      instrument=load_instrument(lang), printing=printing,
                      base=str(request.base_url).rstrip("/") if printing else "",
                      edit_url=i18n.url("/survey") + f"?{query}&step=1")


def _answers_or_form(request: Request, lang: str, a: str, edu: str, wage: str) -> Form | Response:
    """The answers of a result's address, or the page a student should see instead: the last step with the
    message beside a preference it cannot read, or the first page for a damaged link."""
    try:
        form = _form(lang, a, edu, wage)
    except SurveyDataError as exc:
        return _start_again(request, lang, exc)
    if form.problems:
        return RedirectResponse(i18n.url("/survey") + "?" + _query(a, edu, wage, step=len(STEPS)), status_code=303)
    return form


@router.get("/survey/result", response_class=HTMLResponse)
def survey_result(request: Request, lang: Lang, a: Code = "", edu: Text = "", wage: Text = "") -> Response:
    form = _answers_or_form(request, lang, a, edu, wage)
    if isinstance(form, Response):
        return form
    result, query = _result(request, lang, form)
    return _render_result(request, lang, result, query, printing=False)


@router.get("/survey/result.pdf")
def survey_pdf(request: Request, lang: Lang, a: Code = "", edu: Text = "", wage: Text = "") -> Response:
    """The result page printed to PDF by headless Chromium, with the print stylesheet."""
    form = _answers_or_form(request, lang, a, edu, wage)
    if isinstance(form, Response):
        return form
    result, query = _result(request, lang, form)
    html = _render_result(request, lang, result, query, printing=True).body.decode()
    try:
        document = pdf.render(html, static=STATIC)
    except pdf.PdfUnavailable as exc:
        with i18n.language(lang):
            return render(request, "error.html", status_code=503, title=i18n.gettext("Problem"),
                          message=exc.for_visitors(), status=503)
    name = "resultados-encuesta.pdf" if lang == "es" else "survey-results.pdf"
    return Response(document, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
