"""The interest survey's pages: ``/survey`` in a few plain-form steps, the result page and its PDF.

Nothing is stored on the server or in a cookie. Every step is a GET form whose address carries the
answers so far as one short code (``a``, see ``survey.codec``) plus the current step's fields; the
result page's address is the code itself, so it can be bookmarked or sent to a counselor. Works with
JavaScript off: the steps are links and submit buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.framework import load_framework
from careerclusters.reports import pdf
from careerclusters.survey import Answer, Instrument, Item, Part, load_instrument, serving
from careerclusters.survey import scoring as survey
from careerclusters.survey.codec import decode, encode
from careerclusters.web.rendering import context, render

STATIC = Path(__file__).with_name("static")  # the survey's print stylesheet, linked from the printed page
router = APIRouter(include_in_schema=False)

Lang = Annotated[i18n.Language, Query()]
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


def _sheet(lang: str, code: str, edu: str, wage: str) -> survey.SurveyAnswers:
    instrument = load_instrument(lang)
    if edu and edu not in instrument.education_levels():
        raise CareerClustersError(f"unknown education level {edu!r}: use one of "
                                  f"{', '.join(instrument.education_levels())}")
    return survey.SurveyAnswers(answers=decode(code, instrument), education=edu or None,
                                wage_floor=survey.parse_wage(wage), lang=lang)


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


def _query(lang: str, code: str, edu: str | None, wage: float | None, **extra: object) -> str:
    params = {"lang": lang, "a": code, "edu": edu or "", "wage": "" if wage is None else f"{wage:.0f}", **extra}
    return urlencode({k: v for k, v in params.items() if v not in ("", None)})


@router.get("/survey", response_class=HTMLResponse)
def survey_page(request: Request, lang: Lang = "en", a: Code = "", edu: Text = "", wage: Text = "",
                step: Annotated[int, Query(ge=0, le=RESULT)] = 0,
                submitted: Annotated[int | None, Query(alias="from", ge=1, le=len(STEPS))] = None) -> Response:
    instrument = load_instrument(lang)
    sheet = _sheet(lang, a, edu, wage)
    answers = _merge(request, instrument, sheet.answers, submitted) if submitted else sheet.answers
    code = encode(answers, instrument)
    if step == RESULT:
        return RedirectResponse("/survey/result?" + _query(lang, code, sheet.education, sheet.wage_floor),
                                status_code=303)
    current = STEPS[step - 1] if step else None
    other = i18n.other_language(lang)
    with i18n.language(lang):
        return render(request, "survey.html", lang=lang, title=i18n.gettext("Find your cluster"), step=step,
                      steps=STEPS, current=current, part=current.part.value if current else None,
                      items=step_items(instrument, current) if current else [], answers=answers, code=code,
                      sheet=sheet, instrument=instrument, fw=load_framework(), like=Answer.LIKE,
                      switch_url="/survey?" + _query(other, code, sheet.education, sheet.wage_floor, step=step),
                      switch_lang=other)


def _result(request: Request, lang: str, a: str, edu: str, wage: str) -> tuple[survey.SurveyResult, str]:
    sheet = _sheet(lang, a, edu, wage)
    result = survey.score(sheet, serving.survey_data(context(request)))
    return result, _query(lang, result.code, sheet.education, sheet.wage_floor)


def _render_result(request: Request, lang: str, result: survey.SurveyResult, query: str, printing: bool
                   ) -> HTMLResponse:
    """The result page; ``printing`` makes its links absolute (for the PDF) and leaves out the forms."""
    other = i18n.other_language(lang)
    other_query = query.replace(f"lang={lang}", f"lang={other}", 1)
    with i18n.language(lang):
        return render(request, "survey_result.html", lang=lang, title=i18n.gettext("Your survey results"),
                      result=result, query=query, switch_url=f"/survey/result?{other_query}", switch_lang=other,
                      instrument=load_instrument(lang), printing=printing,
                      base=str(request.base_url).rstrip("/") if printing else "",
                      edit_url=f"/survey?{query}&step=1")


@router.get("/survey/result", response_class=HTMLResponse)
def survey_result(request: Request, lang: Lang = "en", a: Code = "", edu: Text = "", wage: Text = "") -> Response:
    result, query = _result(request, lang, a, edu, wage)
    return _render_result(request, lang, result, query, printing=False)


@router.get("/survey/result.pdf")
def survey_pdf(request: Request, lang: Lang = "en", a: Code = "", edu: Text = "", wage: Text = "") -> Response:
    """The result page printed to PDF by headless Chromium, with the print stylesheet."""
    result, query = _result(request, lang, a, edu, wage)
    html = _render_result(request, lang, result, query, printing=True).body.decode()
    try:
        document = pdf.render(html, static=STATIC)
    except pdf.PdfUnavailable as exc:
        with i18n.language(lang):
            return render(request, "error.html", status_code=503, lang=lang, title=i18n.gettext("Problem"),
                          message=exc.for_visitors(), status=503)
    name = "resultados-encuesta.pdf" if lang == "es" else "survey-results.pdf"
    return Response(document, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
