"""The survey in real headless Chromium: completed by keyboard alone in English and in Spanish, with
axe-core on every step, the result page's clusters, reasons and jobs with wages, and its PDF download, which holds
every job and program the page shows; the pay box's message beside the field when it cannot read what was typed."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from careerclusters.survey import Part, load_instrument
from careerclusters.survey.codec import encode
from tests.helpers import active_element, eighth_grader, pdf_text, serious_violations, tab_to, words

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
        tab_to(page, lambda a: a["tag"] == "A" and (a["href"] or "") == "/es/survey")  # the language switch
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
    realistic = page.locator("table.profile tbody tr").first.inner_text()
    assert realistic.startswith("Realistic top\nDoers: people who like to work with their hands")
    assert [cell.strip() for cell in realistic.split("\t")[1:]] == ["8 of 8", "0 of 8"]
    row = page.locator("table.occupations tr", has_text="Electricians").first
    assert "$63,190" in row.inner_text()
    assert page.locator("article.subcluster").count() == 5
    pages, text = pdf_text(download_pdf(page, tmp_path))
    assert 1 <= pages <= 3 and "Construction" in text and "$63,190" in text and "Electricians" in text


def test_survey_by_keyboard_in_spanish(page: Page, server: str, tmp_path: Path) -> None:
    url = take_survey(page, server, "es", tmp_path)
    assert "/es/survey/result?" in url and page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Los resultados de tu encuesta"
    assert page.locator("ol.matches > li h3").first.inner_text() == "Construcción"
    assert page.get_by_text("Escogiste 6 de las 6 opciones de Construcción.").count() == 1
    assert "$63,190" in page.locator("table.occupations tr", has_text="Electricistas").first.inner_text()
    target = download_pdf(page, tmp_path)
    assert target.name == "resultados-encuesta.pdf"
    pages, text = pdf_text(target)
    # Spanish runs about a fifth longer than English, and the jobs now carry their Spanish titles: a page more
    assert 1 <= pages <= 4 and "Construcción" in text and "Oficios especializados" in text
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


def test_the_result_pdf_holds_what_the_page_holds(page: Page, server: str, tmp_path: Path) -> None:
    """Every job and program the page lists for a sub-cluster (five jobs, not three), the jobs for the item that
    ranks lower (the 8th grader's animals), and no list ending in a stray ";"."""
    page.goto(f"{server}/survey/result?a={encode(eighth_grader().answers, INSTRUMENT)}")
    shown = {article.locator("h3").inner_text(): (
        [(cells.nth(0).inner_text(), cells.nth(1).inner_text()) for row in article.locator("tbody tr").all()
         for cells in [row.locator("td")]],
        article.locator("ul.programs li").all_inner_texts()) for article in page.locator("article.subcluster").all()}
    assert len(shown) == 6 and all(len(jobs) == 5 for name, (jobs, _p) in shown.items() if "Animal" not in name)
    _pages, text = pdf_text(download_pdf(page, tmp_path), layout=False)
    printed = words(text)
    for name, (jobs, programs) in shown.items():
        for title, pay in jobs:
            assert title in printed and pay in printed, (name, title)
        assert all(program in printed for program in programs), name
    assert "Raise and care for animals" in printed
    assert "Veterinary Assistants and Laboratory Animal Caretakers" in printed
    assert not [line for line in text.splitlines() if line.rstrip().endswith(";")]


def test_the_pay_box_asks_again_beside_the_field(page: Page, server: str) -> None:
    page.goto(f"{server}/es/survey?a={encode(eighth_grader().answers, INSTRUMENT)}&step=5")
    page.get_by_label("El sueldo anual más bajo que aceptarías, en dólares (opcional)").fill("mucho")
    page.get_by_role("button", name="Ver mis resultados").click()
    page.wait_for_load_state()
    field = page.locator("#wage")
    assert field.input_value() == "mucho" and field.get_attribute("aria-invalid") == "true"
    assert page.locator("#wage-error").inner_text().startswith("Escribe el sueldo como un número de dólares al año")
    assert serious_violations(page) == []
    field.fill("40 mil")
    page.get_by_role("button", name="Ver mis resultados").click()
    page.wait_for_url("**/survey/result?*")
    assert "wage=40000" in page.url and page.locator("h1").inner_text() == "Los resultados de tu encuesta"
