"""On a store that lacks the official files (an offline first run, with the example programs of study imported), in
real Chromium: no page a visitor reaches and no PDF they download carries an import notice, while the status page,
linked from the footer, tells the operator what is missing and how to add it. The status page and the clusters'
index pass axe and work by keyboard; where no browser can print, the pages offer no PDF link and say why."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from careerclusters.pos.catalogue import import_files
from careerclusters.pos.examples import example_paths
from careerclusters.reports import pdf
from careerclusters.store import connect
from tests.helpers import pdf_text, realistic_construction, serious_violations, serve_app, tab_to, words

#: Words of the operator's notes that no visitor's page or PDF may carry.
OPERATOR_WORDS = ("data fetch", "data import", "--mirror", "Not imported", "careerclusters data", "import the")
NURSING = "/programs-of-study/example-registered-nursing"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("missing") / "careerclusters.sqlite"
    conn = connect(path)  # the framework and the bundled crosswalks only
    import_files(conn, example_paths())
    conn.close()
    return path


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    with serve_app(store) as base:
        yield base


def _operator_words(text: str) -> list[str]:
    return [w for w in OPERATOR_WORDS if w in text]


def _download(page: Page, link_text: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_text).first.click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_no_visitors_page_or_pdf_carries_an_import_notice(page: Page, server: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient  # the survey's answer code, as the form would build it

    from careerclusters.server.app import create_app

    code = TestClient(create_app(tmp_path / "scratch.sqlite", warm=False)).post(
        "/api/v1/survey/score", json=realistic_construction().model_dump()).json()["code"]
    for url in ("/", "/clusters", "/clusters/healthcare-human-services", "/subclusters/physical-health",
                "/occupations/29-1141", "/programs/51.3801", "/search?q=nurse", "/survey", "/planner", "/areas",
                f"/survey/result?a={code}", NURSING, NURSING + "/plan"):
        page.goto(server + url)
        body = page.inner_text("body")
        assert _operator_words(body) == [], (url, body[:800])
    page.goto(server + "/subclusters/physical-health")
    assert "This page cannot show wages (BLS OEWS, national)" in page.inner_text("p.not-shown")

    printed = []
    page.goto(server + f"/survey/result?a={code}")
    printed.append(_download(page, "Download as PDF", tmp_path))
    page.goto(server + NURSING + "/plan")
    printed.append(_download(page, "Download as PDF", tmp_path))
    page.goto(server + NURSING)
    printed.append(_download(page, "Download PDF", tmp_path))
    for document in printed:
        pages, text = pdf_text(document)
        assert pages >= 1 and _operator_words(words(text)) == [], (document.name, text[:800])
    assert "Construction" in words(pdf_text(printed[0])[1])


def test_the_status_page_from_the_footer_tells_the_operator(page: Page, server: str) -> None:
    page.goto(server + "/occupations/29-1141")
    tab_to(page, lambda a: a["tag"] == "A" and a["href"] == "/status")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Site status"
    missing = page.locator("ul.missing-files > li")
    assert missing.count() == 7  # O*NET, CIP, CIP–SOC, SCED, national wages, the areas, projections
    onet = missing.filter(has_text="db_31_0_text.zip").inner_text()
    assert "https://www.onetcenter.org/database.html" in onet and "careerclusters data fetch" in onet
    assert "careerclusters data import db_31_0_text.zip" in onet and "careerclusters data fetch --mirror FOLDER" in onet
    assert serious_violations(page) == []


def test_the_clusters_index_by_keyboard(page: Page, server: str) -> None:
    page.goto(server + "/clusters")
    assert page.locator("h1").inner_text() == "The career clusters"
    assert page.locator("section.grouping").count() == 6
    assert serious_violations(page) == []
    tab_to(page, lambda a: a["tag"] == "A" and a["href"] == "/subclusters/physical-health")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Physical Health"


def test_without_a_browser_to_print_the_pages_say_so(page: Page, store: Path, monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.setenv(pdf.ENV_VAR, str(tmp_path / "no-browser"))  # the server's search finds none
    with serve_app(store) as server:  # a server of its own: the other one keeps pages it rendered with the links
        page.goto(server + NURSING + "/plan")
        assert page.locator("a[href*='.pdf']").count() == 0
        assert re.search(r"This site cannot make PDF files\. To keep a copy, print this page from your browser",
                         page.inner_text("section.plan-keep"))
        assert serious_violations(page) == []
        page.goto(server + NURSING)
        assert page.locator("a[href$='.pdf']").count() == 0 and page.locator(".pdf-off").count() == 1
        page.goto(server + "/status")
        assert "Off: the pages say that this site cannot make PDF files." in page.inner_text("main")
