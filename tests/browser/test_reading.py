"""The pages a student uses, as a 13-year-old and a counselor meet them in real headless Chromium: the survey, its
results and the planner read at grade 8 or below (Flesch–Kincaid, textstat), the six interest types are explained
and never bare letters, the first screen of a phone shows the first question, occupation facts do not wrap a word a
line, the focus ring stands out on white, and the glossary passes axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from careerclusters.survey import Part, load_instrument
from careerclusters.survey.codec import encode
from tests.helpers import contrast, eighth_grader, reading_grade, serious_violations, serve_app

NURSING = "/programs-of-study/example-registered-nursing"
INSTRUMENT = load_instrument("en")
ARTIST = encode(eighth_grader().answers, INSTRUMENT)
#: The picky student, through the web form: likes fixing things, dislikes every other activity, ticks two items.
MACHINES = encode({i.id: 0 for i in INSTRUMENT.part(Part.INTEREST)} | {"r2": 2, "r6": 2, "am-machinery": 2,
                                                                        "st-repair": 2}, INSTRUMENT)
STUDENT_PAGES = {
    "survey: start": "/survey",
    **{f"survey: step {n}": f"/survey?a={ARTIST}&step={n}" for n in range(1, 6)},
    "result: drawing, animals, little kids": f"/survey/result?a={ARTIST}",
    "result: fixing machines only": f"/survey/result?a={MACHINES}",
    "planner": "/planner",
    "plan: nursing, leaving after grade 12": NURSING + "/plan?finish=Grade+12",
    "plan: nursing, the whole program": NURSING + "/plan",
}
GRADES: dict[str, float] = {}


@pytest.fixture(scope="module")
def server(pos_db: Path) -> Iterator[str]:
    with serve_app(pos_db) as base:
        yield base


@pytest.mark.parametrize("name", list(STUDENT_PAGES))
def test_student_pages_read_at_grade_8_or_below(page: Page, server: str, name: str) -> None:
    page.goto(server + STUDENT_PAGES[name])
    grade, sentences = reading_grade(page)
    GRADES[name] = grade
    print(f"\nreading grade {grade:4.1f}  {name}  ({len(sentences)} distinct blocks)")
    assert len(sentences) >= 8, sentences  # the page has words to read, not an error
    hardest = sorted(sentences, key=len)[-3:]
    assert grade <= 8, f"{name}: Flesch–Kincaid grade {grade}; its longest sentences: {hardest}"


def test_the_interest_types_are_explained_not_bare_letters(page: Page, server: str) -> None:
    page.goto(server + STUDENT_PAGES["result: drawing, animals, little kids"])
    rows = page.locator("table.profile tbody tr")
    assert rows.count() == 6
    artistic = rows.nth(2).inner_text()
    assert artistic.startswith("Artistic top\nCreators: people who like to make up new things")
    assert "3 of 8" in artistic and "0 of 8" in artistic
    assert "(R)" not in page.locator("main").inner_text() and "RIASEC" not in page.locator("main").inner_text()
    assert page.get_by_role("link", name="interest types").get_attribute("href") == "/glossary#interest-types"


def test_a_phones_first_screen_shows_the_first_question(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for lang in ("en", "es"):
        page.goto(f"{server}/survey?lang={lang}&step=1")
        first = page.locator("fieldset.item").first.bounding_box()
        assert first is not None and first["y"] + first["height"] <= 844, lang  # question and its three answers
        assert page.locator("#progress-label").is_visible()
    context.close()


def test_occupation_facts_do_not_wrap_a_word_a_line_on_a_phone(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "/occupations/29-1141")
    main_width = page.locator("main").bounding_box()["width"]
    for fact in page.locator("dl.facts").first.locator("dd").all():
        assert fact.bounding_box()["width"] >= 0.8 * main_width - 40, fact.inner_text()
    facts = page.locator("dl.facts").first.inner_text()
    assert "about 3.4 million" in facts and "about 190,000" in facts and "thousand" not in facts
    assert "SOC" not in facts and "Job zone" not in facts  # for counselors, folded away below
    counselors = page.locator("details.for-counselors")
    assert counselors.locator("summary").inner_text() == "Codes, sources and measures for counselors"
    assert "3,391.0 thousand jobs" in counselors.text_content() and "29-1141" in counselors.text_content()
    context.close()


def test_the_focus_ring_stands_out_on_white(page: Page, server: str) -> None:
    """WCAG 2.2 asks 3:1 of a focus indicator against what is next to it; the ring sits on the white page."""
    page.goto(server + "/survey")
    page.keyboard.press("Tab")  # the skip link, then the page's links and buttons
    for _ in range(4):
        page.keyboard.press("Tab")
        style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                              " return [s.outlineStyle, s.outlineColor, s.outlineWidth]; })()")
        assert style[0] == "solid" and float(style[2].removesuffix("px")) >= 2
        assert contrast(style[1], "rgb(255, 255, 255)") >= 3, style


def test_the_glossary_explains_the_words_the_pages_link_to(page: Page, server: str) -> None:
    page.goto(server + "/glossary")
    assert serious_violations(page) == []
    for term in ("cluster", "subcluster", "interest-types", "median-pay", "openings", "cte", "concentrator",
                 "capstone", "dual-credit", "work-based-learning", "exit-point", "soc", "cip", "sced",
                 "location-quotient", "job-zone"):
        assert page.locator(f"dt#{term} + dd").inner_text(), term
    grade, _sentences = reading_grade(page)
    assert grade <= 8
    page.goto(server + "/es/glossary")
    assert page.locator("h1").inner_text() == "Palabras de este sitio"
