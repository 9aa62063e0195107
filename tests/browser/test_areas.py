"""The labour-market pages and the alignment report on the web, in real headless Chromium with axe: find an
area by keyboard, sort its sub-clusters, follow one, and upload programs for a report and download it."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.helpers import serious_violations


def test_find_an_area_and_sort_its_subclusters(page: Page, server: str) -> None:
    page.goto(server + "/areas")
    assert serious_violations(page) == []
    page.get_by_label("State, metro or nonmetro area").focus()
    page.keyboard.type("Columbus, OH")
    page.keyboard.press("Enter")
    page.wait_for_url("**/areas/0018140")
    assert page.get_by_role("heading", level=1).inner_text() == "Columbus, OH"
    assert serious_violations(page) == []
    page.get_by_role("link", name="Median wage").click()
    page.wait_for_url("**sort=wage**")
    wages = page.locator("#subclusters tbody tr td:nth-child(6)").all_inner_texts()
    figures = [float(w.strip("$").replace(",", "")) for w in wages if w.startswith("$")]
    assert figures == sorted(figures, reverse=True)
    page.get_by_role("link", name="Physical Health").click()
    assert "30,510" in page.locator("table").inner_text()  # registered nurses in the Columbus metro
    page.get_by_role("link", name="Registered Nurses").click()
    text = page.locator("main").inner_text()
    assert "$83,900" in text and "$97,550" in text and "estimate" in text
    assert serious_violations(page) == []
