"""The site in Spanish in real headless Chromium, as a Spanish-reading parent walks it by keyboard: home, a grouping,
a cluster, a sub-cluster, an occupation with an area, a program, a program of study, the planner and a plan, the
survey and its result, a search, an area and an error page. On each: ``lang="es"``, axe clean, no English message
or name left (``english_left``), and the language switch, reached with Tab and opened with Enter, leads to the same
page with the same query in English. The survey's result, a plan and a program of study print in Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from careerclusters.survey import load_instrument
from careerclusters.survey.codec import encode
from tests.helpers import eighth_grader, english_left, pdf_text, serious_violations, serve_app, tab_to, words

NURSING = "/programs-of-study/example-registered-nursing"
ANSWERS = encode(eighth_grader().answers, load_instrument("es"))
WALK = {
    "home": "/", "grouping": "/groupings/caring-communities", "cluster": "/clusters/healthcare-human-services",
    "sub-cluster": "/subclusters/physical-health", "occupation with an area": "/occupations/29-1141.00?area=OH",
    "program": "/programs/51.3801", "program of study": NURSING, "planner": "/planner",
    "plan": NURSING + "/plan?finish=Grade+12&take=HS-402", "survey": "/survey?step=1",
    "survey result": f"/survey/result?a={ANSWERS}", "search": "/search?q=enfermera", "area": "/areas/OH",
    "error page": "/occupations/99-9999",
}


@pytest.fixture(scope="module")
def server(pos_db: Path) -> Iterator[str]:
    with serve_app(pos_db) as base:
        yield base


@pytest.mark.parametrize("path", WALK.values(), ids=WALK.keys())
def test_a_spanish_page_by_keyboard(page: Page, server: str, pos_db: Path, path: str) -> None:
    page.goto(server + "/es" + path)
    assert page.locator("html").get_attribute("lang") == "es"
    assert english_left(page.content(), "es", pos_db) == []
    assert serious_violations(page) == []
    switch = tab_to(page, lambda a: a["tag"] == "A" and (a["href"] or "").split("?")[0] == path.split("?")[0]
                    and page.evaluate("document.activeElement.getAttribute('hreflang')") == "en")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    moved = urlsplit(page.url)
    assert (moved.path, moved.query) == (urlsplit(path).path, urlsplit(path).query), switch
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_spanish_survey_answered_by_keyboard_stays_in_spanish(page: Page, server: str) -> None:
    page.goto(server + "/es/survey")
    tab_to(page, lambda a: a["tag"] == "BUTTON" and a["name"] == "step" and a["value"] == "1")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/es/survey" and page.locator("html").get_attribute("lang") == "es"
    page.goto(f"{server}/es/survey?a={ANSWERS}&step=5")
    page.get_by_role("button", name="Ver mis resultados").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/es/survey/result?*")
    assert page.locator("h1").inner_text() == "Los resultados de tu encuesta"


def test_printouts_are_in_the_language_of_the_page(page: Page, server: str) -> None:
    with page.expect_download() as download:
        page.goto(f"{server}/es/survey/result?a={ANSWERS}")
        page.get_by_role("link", name="Descargar en PDF").click()
    printed = words(pdf_text(Path(download.value.path()))[1])
    assert "Los resultados de tu encuesta" in printed and "Educación" in printed and "Results" not in printed
    for document, said in ((f"/es{NURSING}/plan.pdf?finish=Grade+12", ("Mi plan", "Enfermeros/as registrados/as")),
                           (f"/es{NURSING}.pdf", ("Programa de estudio", "Serie de clases", "1 crédito"))):
        response = page.request.get(server + document)
        assert response.status == 200, document
        printed = words(pdf_text(response.body())[1]).lower()
        assert all(s.lower() in printed for s in said), (document, printed[:400])
