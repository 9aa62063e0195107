"""Operators and visitors: on a store that lacks official files, the pages visitors read say only what they cannot
show (no import instructions), and /status tells the operator each missing file with its publisher's page and the
commands that add it; offline, the occupation page still shows the national wage from the all-areas bundle. Also
the clusters' index, HEAD on every GET address, and PDF links offered only where a browser can print them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.reports import pdf
from careerclusters.server.app import create_app
from careerclusters.store import connect
from tests.helpers import realistic_construction

#: Words of the operator's notes that no visitor's page may carry.
OPERATOR_WORDS = ("data fetch", "data import", "--mirror", "Not imported", "careerclusters data", "/status page")
VISITOR_PAGES = ("/", "/clusters", "/clusters/healthcare-human-services", "/groupings/caring-communities",
                 "/subclusters/physical-health", "/subclusters/physical-health?area=OH", "/occupations/29-1141",
                 "/programs/51.3801", "/search?q=nurse", "/survey", "/survey?step=3", "/planner", "/original",
                 "/original/pathways/o-therapeutic-services", "/areas", "/areas/OH", "/programs-of-study")


def visible(html: str) -> str:
    """A page's text as a reader sees it (tags dropped, spaces collapsed)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A first run offline: the framework and the bundled crosswalks, nothing else."""
    path = tmp_path_factory.mktemp("fresh") / "careerclusters.sqlite"
    connect(path).close()
    return TestClient(create_app(path, warm=False))


def test_visitors_pages_say_what_they_cannot_show_and_nothing_of_importing(fresh: TestClient) -> None:
    for url in VISITOR_PAGES:
        page = fresh.get(url)
        assert page.status_code in (200, 503), url
        text = visible(page.text)
        assert not [w for w in OPERATOR_WORDS if w in text], (url, text[:600])
    node = visible(fresh.get("/subclusters/physical-health").text)
    assert ("This page cannot show wages (BLS OEWS, national); employment outlook and entry education (BLS "
            "projections): this site does not have that data yet.") in node
    assert "Registered Nurses" in node  # what the bundled crosswalks hold is shown
    areas = fresh.get("/areas")
    assert areas.status_code == 503
    assert ("This page needs data this site does not have yet: wages and employment in every state, metro and "
            "nonmetropolitan area (BLS OEWS).") in visible(areas.text)
    assert "wages and employment in every state" in visible(fresh.get("/occupations/29-1141?area=OH").text)
    assert fresh.get("/api/v1/areas").json()["error"]["message"].startswith("not imported yet")  # developers: how


def test_the_status_page_tells_the_operator_what_is_missing_and_how_to_add_it(fresh: TestClient) -> None:
    home = fresh.get("/").text
    assert '<a href="/status">Site status</a>' in home  # from the footer
    page = fresh.get("/status")
    assert page.status_code == 200 and '<meta name="robots" content="noindex">' in page.text
    text = visible(page.text)
    assert ("db_31_0_text.zip : occupation details: descriptions, titles, tasks, interests and education (O*NET). "
            "Publisher: O*NET Resource Center, https://www.onetcenter.org/database.html Online: careerclusters data "
            "fetch Offline: careerclusters data import db_31_0_text.zip or careerclusters data fetch --mirror "
            "FOLDER") in text
    assert ("sced_v12.csv : secondary course codes and titles (SCED). Publisher: NCES, "
            "https://nces.ed.gov/forum/sced.asp Online: not downloaded by the program; get it from the publisher's "
            "page above.") in text
    assert "oesm25nat.zip" in text and "https://www.bls.gov/oes/tables.htm" in text
    assert "Advance CTE crosswalks 2025 (26 June 2025)" in text and "bundled" in text
    assert "PDF downloads" in text


def test_offline_the_occupation_page_shows_the_national_wage_from_the_bundle(store_copy: Path) -> None:
    conn = connect(store_copy)
    conn.execute("DELETE FROM oews_wage")
    conn.execute("DELETE FROM source_file WHERE kind = 'bls-oews'")
    conn.commit()
    conn.close()
    with TestClient(create_app(store_copy, warm=False)) as client:
        nurse = visible(client.get("/occupations/29-1141").text)
        assert "$97,550" in nurse and "cannot show wages" not in nurse
        assert "Registered Nurses $97,550" in visible(client.get("/subclusters/physical-health").text)
        assert "oesm25nat.zip" in visible(client.get("/status").text)  # the operator still sees the file missing


def test_the_clusters_index(fresh: TestClient) -> None:
    page = fresh.get("/clusters")
    assert page.status_code == 200
    assert len(re.findall(r'href="/clusters/[a-z-]+"', page.text)) == 14
    assert len(re.findall(r'href="/subclusters/[a-z-]+"', page.text)) == 72
    assert len(re.findall(r'href="/groupings/[a-z-]+"', page.text)) == 6
    assert "Healthcare &amp; Human Services" in page.text and "Physical Health" in page.text
    for shorter in ("/groupings", "/subclusters"):
        moved = fresh.get(shorter, follow_redirects=False)
        assert moved.status_code == 301 and moved.headers["location"] == "/clusters"


@pytest.mark.parametrize("url", ["/", "/clusters", "/status", "/static/style.css", "/api/v1/clusters", "/healthz",
                                 "/subclusters/physical-health/occupations.csv"])
def test_every_get_address_answers_head(fresh: TestClient, url: str) -> None:
    got, head = fresh.get(url), fresh.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
    if "content-length" in got.headers:
        assert head.headers["content-length"] == got.headers["content-length"]


def test_head_answers_what_get_would(fresh: TestClient) -> None:
    assert fresh.head("/occupations/99-9999").status_code == 404
    assert fresh.head("/planner/open").status_code == 405  # only POST


def test_without_a_browser_pdf_links_are_not_offered_and_the_page_says_why(
        pos_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pdf.ENV_VAR, str(tmp_path / "no-browser"))
    with TestClient(create_app(pos_db, warm=False)) as client:
        code = client.post("/api/v1/survey/score", json=realistic_construction().model_dump()).json()["code"]
        why = ("This site cannot make PDF files. To keep a copy, print this page from your browser and choose "
               "“Save as PDF”.")
        for url in (f"/survey/result?a={code}", "/programs-of-study/example-registered-nursing",
                    "/programs-of-study/example-registered-nursing/plan"):
            page = client.get(url).text
            assert ".pdf" not in page and why in page, url
        printed = client.get(f"/survey/result.pdf?a={code}")
        assert printed.status_code == 503 and why in printed.text and "CAREERCLUSTERS_CHROMIUM" not in printed.text
        plan = client.get("/programs-of-study/example-registered-nursing/plan.pdf")
        assert plan.status_code == 503 and why in plan.text
        assert "Off: the pages say that this site cannot make PDF files. CAREERCLUSTERS_CHROMIUM names" in visible(
            client.get("/status").text)
