"""Programs of study and the planner in real headless Chromium: a plan built by keyboard alone and printed to
PDF, the core steps with JavaScript off (choices, the plan file kept and opened again), axe-core and the
Content-Security-Policy on the list, program-of-study, planner and CIP pages."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.helpers import CSP_WATCH, pdf_text, serious_violations, serve_app, tab_to

NURSING = "/programs-of-study/example-registered-nursing"
MATRIX = "/programs-of-study/fixture-nurse-assisting"


@pytest.fixture(scope="module")
def server(pos_db: Path) -> Iterator[str]:
    with serve_app(pos_db) as base:
        yield base


def test_build_a_plan_by_keyboard_and_print_it(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(server + "/planner")
    tab_to(page, lambda a: a["tag"] == "A" and (a["href"] or "").endswith(NURSING + "/plan"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "My plan: Registered Nursing (example)"
    tab_to(page, lambda a: a["tag"] == "SELECT" and a["name"] == "finish")
    page.keyboard.press("ArrowUp")  # from Term 4 to Grade 12: leave after high school
    tab_to(page, lambda a: a["name"] == "year")
    page.keyboard.type("2026")
    tab_to(page, lambda a: a["type"] == "checkbox" and a["name"] == "done" and a["value"] == "HS-101")
    page.keyboard.press("Space")
    tab_to(page, lambda a: a["type"] == "checkbox" and a["name"] == "take" and a["value"] == "HS-402")
    page.keyboard.press("Space")
    tab_to(page, lambda a: a["tag"] == "BUTTON" and a["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "finish=Grade+12" in page.url and "year=2026" in page.url
    assert "take=HS-402" in page.url and "done=HS-101" in page.url
    earned = page.locator("ul.earned li")
    assert earned.count() == 1
    assert earned.first.inner_text() == ("Certified Nursing Assistant (license, Example State Department of Health): "
                                         "with HS-401 in Grade 12, 2029–30")
    assert page.locator("ul.missed li").first.inner_text() == (
        "Associate Degree in Nursing (two-year degree): It is earned in Term 4, after you leave at Grade 12.")
    assert "$42,260" in page.locator("#jobs-now tr", has_text="Nursing Assistants").inner_text()
    assert "$97,550" in page.locator("#jobs-later tr", has_text="Registered Nurses").inner_text()  # more study
    assert page.locator("#year-4").inner_text() == "2029–30"
    assert serious_violations(page) == []

    tab_to(page, lambda a: a["tag"] == "A" and "plan.pdf" in (a["href"] or ""))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name == "plan-example-registered-nursing.pdf"
    pages, text = pdf_text(target)
    assert 1 <= pages <= 2
    assert "My plan: Registered Nursing (example)" in text and "2029–30" in text
    assert "Certified Nursing Assistant" in text and "$97,550" in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(target), str(tmp_path / "plan")], check=True)
    assert (tmp_path / "plan-1.png").stat().st_size > 10_000  # drawn, not blank


def test_the_planner_works_with_javascript_off(browser: Browser, server: str, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()  # a page of its own, without scripts
    page.goto(server + "/es" + NURSING + "/plan")
    page.get_by_label("Pienso salir en").select_option("Grade 12")
    page.get_by_label("Tomar esta optativa").check()
    page.get_by_role("button", name="Actualizar mi plan").first.click()
    page.wait_for_url("**take=HS-402**")
    assert page.locator("ul.earned li").first.inner_text().startswith("Certified Nursing Assistant (licencia")
    with page.expect_download() as info:
        page.get_by_role("link", name="Descargar el archivo del plan").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    page.goto(server + "/es/planner")
    page.set_input_files("#plan-file", saved)
    page.get_by_role("button", name="Abrir mi plan").click()
    page.wait_for_url("**/plan?**")
    assert "/es/programs-of-study/" in page.url and "finish=Grade+12" in page.url and "take=HS-402" in page.url
    assert page.get_by_label("Tomar esta optativa").is_checked()
    assert context.cookies() == []
    context.close()


def test_pages_are_accessible_under_the_content_security_policy(page: Page, server: str) -> None:
    page.add_init_script(CSP_WATCH)
    for path in ("/programs-of-study", "/programs-of-study?subcluster=physical-health", NURSING,
                 "/programs-of-study/example-flawed", "/planner", "/es/planner", NURSING + "/plan",
                 "/es" + NURSING + "/plan?start=Term+1&take=HS-402", "/programs/51.3801",
                 "/subclusters/physical-health", MATRIX, MATRIX + "/plan?year=2026",
                 "/es" + MATRIX + "/plan?take=STAT-12",
                 "/programs-of-study/example-electrical-apprenticeship",
                 "/programs-of-study/example-electrical-apprenticeship/plan?start=Apprenticeship+year+1",
                 "/programs-of-study/example-teaching", "/es/programs-of-study/example-teaching/plan"):
        page.goto(server + path)
        assert serious_violations(page) == [], path
        assert page.evaluate("document.querySelectorAll('[style], style, script:not([src])').length") == 0, path
        assert page.evaluate("window.__cspViolations") == [], path
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing scrolls sideways
    for path in ("/programs-of-study", "/programs-of-study/example-culinary-arts", NURSING + "/plan?year=2026", MATRIX,
                 MATRIX + "/plan?year=2026", "/programs-of-study/example-electrical-apprenticeship",
                 "/programs-of-study/example-teaching/plan"):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_choose_among_a_groups_courses_by_keyboard(page: Page, server: str) -> None:
    page.goto(server + MATRIX + "/plan?start=Grade+9&finish=Grade+12")
    group = page.locator("table.plan-group", has_text="Pre-Calculus or Statistics")
    assert "still to choose" in group.locator("caption").inner_text()
    assert page.locator("p.notice", has_text="In Grade 12, choose one of Pre-Calculus or Statistics.").count() == 1
    tab_to(page, lambda a: a["type"] == "checkbox" and a["name"] == "take" and a["value"] == "STAT-12")
    page.keyboard.press("Space")
    tab_to(page, lambda a: a["tag"] == "BUTTON" and a["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "take=STAT-12" in page.url
    assert "chosen" in group.locator("caption").inner_text()
    assert group.get_by_label("Choose this course: Probability and Statistics").is_checked()
    assert page.locator("p.notice", has_text="choose one of").count() == 0
    assert page.locator("h3", has_text="2032–33").count() == 0  # no first year given: years are numbered
    assert page.locator(".plan-level-head", has_text="Grade 13").count() == 0  # Grade 12 is where this plan ends
    assert serious_violations(page) == []
