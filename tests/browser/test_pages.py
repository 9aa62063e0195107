"""End to end in real headless Chromium (Debian's package, driven by Playwright): the wheel by keyboard,
search, an occupation's sub-cluster and wage, a CSV download, and axe-core accessibility checks."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page

from tests.helpers import CSP_WATCH, focused, serious_violations


def test_home_page_and_accessibility(page: Page, server: str) -> None:
    page.goto(server + "/")
    assert page.title().startswith("Career Clusters")
    assert page.locator("#wheel a.seg").count() == 92
    assert page.get_by_role("link", name="Sub-cluster: Physical Health, in Healthcare & Human Services").count() == 1
    assert page.locator(".outline a", has_text="Unmanned Vehicle Technology").count() == 1
    assert serious_violations(page) == []


def test_wheel_by_keyboard(page: Page, server: str) -> None:
    page.goto(server + "/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if focused(page):
            break
    assert focused(page) == "building-moving"
    page.keyboard.press("ArrowRight")
    assert focused(page) == "creating-experiencing"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowUp")
    assert focused(page) == "advanced-manufacturing"
    page.keyboard.press("ArrowUp")
    assert focused(page) == "engineering"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    assert focused(page) == "construction"
    page.keyboard.press("Enter")
    page.wait_for_url(server + "/clusters/construction")
    assert page.locator("h1").inner_text() == "Construction"


def test_search_nurse_open_registered_nurses(page: Page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("Search occupations, programs and clusters").fill("nurse")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=nurse")
    page.get_by_role("link", name="Registered Nurses", exact=True).click()
    page.wait_for_url("**/occupations/29-1141.00")
    assert page.locator("h1").inner_text() == "Registered Nurses"
    assert page.locator("dd.subclusters").inner_text() == "Physical Health"
    assert page.locator("dd.wage").inner_text().startswith("$97,550")
    sectors = page.get_by_role("table", name="Industries with the most jobs in this occupation, United States")
    assert [cell.strip() for cell in sectors.locator("tbody tr").first.inner_text().split("\t")] == [
        "Health Care and Social Assistance", "2,895,620\n(86%)", "$97,660"]
    assert serious_violations(page) == []


def test_download_occupations_csv(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(server + "/subclusters/physical-health?sort=wage")
    assert serious_violations(page) == []
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the jobs (CSV, with codes)").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name == "physical-health-occupations.csv"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("soc,title,median_annual_wage") and "29-1141,Registered Nurses,97550" in text


def test_other_pages_are_accessible(page: Page, server: str) -> None:
    for path in ("/clusters/healthcare-human-services", "/programs/51.3801", "/original",
                 "/original/pathways/o-therapeutic-services", "/search?q=helthcare", "/api", "/no-such-page"):
        page.goto(server + path)
        assert serious_violations(page) == [], path


def test_on_a_phone_wide_tables_scroll_in_their_own_box(page: Page, server: str) -> None:
    """At 390 px nothing scrolls the page sideways: a wide table scrolls inside a labelled region that takes
    keyboard focus, so arrow keys move it."""
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/subclusters/physical-health?sort=wage", "/clusters/healthcare-human-services",
                 "/programs/51.3801", "/occupations/29-1141", "/areas/3900000",
                 "/areas/3900000/subclusters/physical-health", "/areas/OH/occupations/29-1141",
                 "/original/pathways/o-therapeutic-services", "/api", "/search?q=nurse"):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert serious_violations(page) == [], path
    page.goto(server + "/subclusters/physical-health?sort=wage")
    region = page.get_by_role("region", name=re.compile(r"^\d+ jobs, sorted by typical pay a year$"))
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider than the phone
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle(), timeout=3000)  # may scroll smoothly


def test_pages_work_under_the_content_security_policy(page: Page, server: str) -> None:
    """The server's CSP is on: no page breaks it (no inline script or style) nor logs a console error."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.add_init_script(CSP_WATCH)
    for path in ("/", "/clusters/healthcare-human-services", "/subclusters/physical-health?sort=wage",
                 "/groupings/caring-communities", "/occupations/29-1141", "/programs/51.3801", "/original",
                 "/original/pathways/o-therapeutic-services", "/search?q=nurse", "/api", "/areas",
                 "/reports/alignment"):
        response = page.goto(server + path)
        assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
        if path == "/":  # the wheel's script runs: arrow keys move between segments
            page.locator("#wheel a.seg").first.focus()
            page.keyboard.press("ArrowRight")
            assert focused(page) == "creating-experiencing"
        assert page.evaluate("document.querySelectorAll('[style], style, script:not([src])').length") == 0, path
        problems += [f"{path}: CSP {v}" for v in page.evaluate("window.__cspViolations")]
    assert problems == []


def test_csp_violation_check_catches_inline_script(page: Page, server: str) -> None:
    """The check above can fail: an inline script on one of the app's pages is blocked and reported."""
    page.add_init_script(CSP_WATCH)
    page.goto(server + "/original")
    page.evaluate("document.body.appendChild(Object.assign(document.createElement('script'), "
                  "{text: 'window.ran = 1'}))")
    assert page.evaluate("window.ran") is None
    assert page.evaluate("window.__cspViolations") == ["script-src-elem inline"]


def test_accessibility_check_catches_violations(page: Page) -> None:
    page.set_content('<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="#"></a></body></html>')
    assert any(v.startswith(("image-alt", "link-name")) for v in serious_violations(page))
