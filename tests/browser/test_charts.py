"""Charts in real headless Chromium: present with accessible names, the sub-cluster's points reachable
and followable by keyboard, allowed by a strict Content-Security-Policy, clean under axe, shown in print,
and downloadable as SVG and PNG."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, Route

from tests.helpers import serious_violations

CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
CHART_PAGES = ("/", "/groupings/caring-communities", "/clusters/healthcare-human-services",
               "/subclusters/physical-health", "/occupations/29-1141", "/programs/51.3801")


def with_strict_csp(tab: Page) -> list[str]:
    """Serve every page with the policy the site will send, and collect what the browser refuses."""
    refused: list[str] = []

    def add_policy(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    tab.route("**/*", add_policy)
    tab.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return refused


def test_charts_have_names_summaries_and_tables(page: Page, server: str) -> None:
    page.goto(server + "/occupations/29-1141")
    wages = page.get_by_role("img", name=re.compile(r"^What Registered Nurses earn Half of Registered Nurses earn "
                                                    r"between \$80,330 and \$112,350 a year; the median is \$97,550"))
    assert wages.count() == 1 and wages.bounding_box()["width"] > 600
    assert page.get_by_role("img", name=re.compile(r"^Jobs for Registered Nurses, now and projected")).count() == 1
    table = page.locator("#chart-wages details table")
    assert not table.is_visible()  # folded until asked for
    page.get_by_text("The numbers behind “What Registered Nurses earn”").click()
    assert table.is_visible() and "Median $97,550" in table.inner_text().replace("\t", " ")


def test_scatter_points_by_keyboard(page: Page, server: str) -> None:
    page.goto(server + "/subclusters/physical-health")
    scatter = page.get_by_role("group", name=re.compile(r"^Pay and openings in Physical Health The chart shows 85 "
                                                        r"jobs in Physical Health\."))
    assert scatter.count() == 1
    nurses = page.get_by_role("link", name=re.compile(r"^Registered Nurses: median wage \$97,550, 189,100 openings"))
    assert nurses.count() == 1
    page.locator("#chart-occupations h2").click()  # start from the chart's heading, then Tab into the points
    names = []
    for _ in range(90):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('svg') ? document.activeElement.getAttribute('href') "
                             ": null")
        if href is None:
            break
        names.append(href)
        if href == "/occupations/29-1141":
            break
    assert "/occupations/29-1141" in names and all(n.startswith("/occupations/") for n in names)
    page.keyboard.press("Enter")
    page.wait_for_url(server + "/occupations/29-1141")
    assert page.locator("h1").inner_text() == "Registered Nurses"


def test_chart_pages_pass_axe_under_strict_csp(page: Page, server: str) -> None:
    refused = with_strict_csp(page)
    for path in CHART_PAGES:
        page.goto(server + path)
        assert page.locator("figure.chart svg").count() >= 1, path
        assert page.locator("figure.chart [style], figure.chart style, figure.chart script").count() == 0, path
        assert serious_violations(page) == [], path
    assert refused == []


def test_print_view_shows_the_charts(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(server + "/clusters/healthcare-human-services")
    page.emulate_media(media="print")
    chart = page.locator("#chart-subclusters svg")
    assert chart.is_visible() and chart.bounding_box()["width"] > 500
    assert not page.locator("header.site").is_visible() and not page.locator(".chart-downloads").is_visible()
    shot = page.screenshot(path=str(tmp_path / "print.png"), full_page=True)
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = page.pdf()  # what a printer gets: the chart as vectors, its text as text
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_download_chart_as_svg_and_png(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(server + "/occupations/29-1141")
    for kind in ("SVG", "PNG"):
        with page.expect_download() as info:
            page.locator("#chart-wages .chart-downloads").get_by_role("link", name=kind).click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        assert target.name == f"29-1141-wages.{kind.lower()}"
        data = target.read_bytes()
        if kind == "SVG":
            assert data.startswith(b"<?xml") and b'<title id="wages-title">What Registered Nurses earn</title>' in data
            assert b"<style" not in data and b" style=" not in data
        else:
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
