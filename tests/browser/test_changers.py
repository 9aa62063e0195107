"""``/next-jobs`` in real headless Chromium: from the home page's door to a list of moves by keyboard alone, a move's
score opened part by part, axe-core at desktop and phone widths (and in Spanish), JavaScript off, and the PDF."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.helpers import pdf_text, serious_violations, tab_to, words


def test_from_the_home_page_to_the_moves_by_keyboard(page: Page, server: str) -> None:
    page.goto(server + "/")
    tab_to(page, lambda a: a["tag"] == "A" and a["href"] == "/next-jobs")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "I have a job — what could I do next?"
    assert serious_violations(page) == []
    tab_to(page, lambda a: a["name"] == "job")
    page.keyboard.type("truck driver")
    page.keyboard.press("Tab")
    page.keyboard.type("Ohio")
    tab_to(page, lambda a: a["tag"] == "SELECT" and a["name"] == "edu")
    page.keyboard.press("ArrowDown")  # "No more school"
    page.keyboard.press("ArrowDown")  # "A certificate (a year or less)"
    tab_to(page, lambda a: a["tag"] == "BUTTON" and a["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "job=truck+driver" in page.url and "area=Ohio" in page.url and "edu=certificate" in page.url
    assert page.locator("#from-title").inner_text() == "From: Heavy and Tractor-Trailer Truck Drivers"
    first = page.locator("li.move").first
    assert first.locator("h3 a").inner_text() == "Light Truck Drivers"
    assert "$42,600" in first.inner_text() and "(estimate)" in first.inner_text()
    parts = first.locator("table.parts")
    assert not parts.is_visible()
    tab_to(page, lambda a: a["tag"] == "A" and a["href"] == "/occupations/53-3033.00")
    tab_to(page, lambda a: a["tag"] == "SUMMARY")  # the move's first section: its score, part by part
    page.keyboard.press("Enter")
    assert parts.is_visible() and "Work you already do" in parts.inner_text()
    assert serious_violations(page) == []


def test_the_list_at_phone_width_and_in_spanish_passes_axe(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(server + "/es/next-jobs?job=41-2031")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("#moves-title").inner_text() == "Trabajos a los que podrías pasar"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at phone width ({width}px)"
    for summary in page.locator("li.move summary").all()[:4]:
        summary.click()
    assert serious_violations(page) == []
    context.close()


def test_it_works_with_javascript_off(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/next-jobs")
    page.fill("#job", "registered nurse")
    page.select_option("#edu", "master")
    with page.expect_navigation():
        page.click("form.next-form button[type=submit]")
    assert page.locator("#from-title").inner_text() == "From: Registered Nurses"
    outside = page.locator("#outside-title + p + ol.moves").inner_text()
    assert "Doctoral or professional degree, more school than you chose" in outside
    context.close()


def test_the_list_as_a_pdf(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(server + "/next-jobs?job=53-3032&area=OH")
    with page.expect_download() as info:
        page.click("a[href^='/next-jobs.pdf']")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name == "next-jobs.pdf"
    pages, text = pdf_text(target)
    flat = words(text)
    assert pages <= 8 and "From: Heavy and Tractor-Trailer Truck Drivers" in flat
    assert "1. Light Truck Drivers" in flat and "Why it is on your list" in flat
    assert "The ten closest moves" in flat and "Similar work is not a job offer." in flat
