"""The survey in real headless Chromium: completed by keyboard alone in English and in Spanish, with
axe-core on every step, the result page's clusters, reasons and jobs with wages, and its PDF download."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from careerclusters.survey import Part, load_instrument
from tests.helpers import active_element, pdf_text, serious_violations, tab_to

INSTRUMENT = load_instrument("en")
REALISTIC = {i.id for i in INSTRUMENT.part(Part.INTEREST) if i.key == "R"}
INTERESTS = {i.id for i in INSTRUMENT.part(Part.INTEREST)}
CONSTRUCTION = {i.id for i in INSTRUMENT.part(Part.CLUSTER) if i.cluster_id == "construction"}


def answer_step(page: Page, step: int) -> None:
    """Answer one step by keyboard: like Realistic activities, dislike the others (arrow keys in each radio
    group), tick Construction's checklist items (Space), then press Enter on the button to go on."""
    while True:
        page.keyboard.press("Tab")
        active = active_element(page)
        if active["type"] == "radio" and active["name"] in INTERESTS:
            page.keyboard.press("ArrowLeft" if active["name"] in REALISTIC else "ArrowRight")
        elif active["type"] == "checkbox" and active["name"] in CONSTRUCTION:
            page.keyboard.press("Space")
        elif active["tag"] == "BUTTON" and active["name"] == "step" and active["value"] == str(step + 1):
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return


def take_survey(page: Page, base: str, lang: str, tmp_path: Path) -> str:
    page.goto(base + "/survey")
    assert serious_violations(page) == []
    if lang == "es":
        tab_to(page, lambda a: a["tag"] == "A" and "lang=es" in (a["href"] or "") and "/survey?" in a["href"])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("html").get_attribute("lang") == "es"
        assert serious_violations(page) == []
    tab_to(page, lambda a: a["tag"] == "BUTTON" and a["value"] == "1")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for step in range(1, 6):
        assert page.locator(".progress li[aria-current=step]").count() == 1
        assert page.locator("#progress-label").inner_text().endswith(f"{step} {'de' if lang == 'es' else 'of'} 5")
        assert serious_violations(page) == [], f"step {step}"
        answer_step(page, step)
    page.wait_for_url("**/survey/result?*")
    assert serious_violations(page) == []
    return page.url


def download_pdf(page: Page, tmp_path: Path) -> Path:
    tab_to(page, lambda a: a["tag"] == "A" and "result.pdf" in (a["href"] or ""))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_survey_by_keyboard_in_english(page: Page, server: str, tmp_path: Path) -> None:
    take_survey(page, server, "en", tmp_path)
    assert page.locator("h1").inner_text() == "Your survey results"
    clusters = page.locator("ol.matches > li h3")
    assert clusters.count() == 3 and clusters.first.inner_text() == "Construction"
    assert page.get_by_text("You chose 6 of the 6 Construction items.").count() == 1
    assert page.locator("table.profile tbody tr").first.inner_text().split("\t")[:2] == ["Realistic (R) top", "100"]
    row = page.locator("table.occupations tr", has_text="Sheet Metal Workers").first
    assert "$61,800" in row.inner_text()
    assert page.locator("article.subcluster").count() == 5
    pages, text = pdf_text(download_pdf(page, tmp_path))
    assert 1 <= pages <= 2 and "Construction" in text and "$61,800" in text and "Sheet Metal Workers" in text


def test_survey_by_keyboard_in_spanish(page: Page, server: str, tmp_path: Path) -> None:
    url = take_survey(page, server, "es", tmp_path)
    assert "lang=es" in url and page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Los resultados de tu encuesta"
    assert page.locator("ol.matches > li h3").first.inner_text() == "Construcción"
    assert page.get_by_text("Escogiste 6 de las 6 opciones de Construcción.").count() == 1
    assert "$61,800" in page.locator("table.occupations tr", has_text="Sheet Metal Workers").first.inner_text()
    target = download_pdf(page, tmp_path)
    assert target.name == "resultados-encuesta.pdf"
    pages, text = pdf_text(target)
    assert 1 <= pages <= 2 and "Construcción" in text and "Oficios especializados" in text
    page.goto(url)  # the bookmarked address alone brings the same result back
    assert page.locator("ol.matches > li h3").first.inner_text() == "Construcción"


def test_survey_works_with_javascript_off(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/survey?step=1")
    page.get_by_label("Like").first.check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**step=2**")
    assert "Step 2 of 5" in page.locator("#progress-label").inner_text()
    page.get_by_role("button", name="Back").click()
    page.wait_for_url("**step=1**")
    assert page.get_by_label("Like").first.is_checked()
    assert page.context.cookies() == []
    context.close()
