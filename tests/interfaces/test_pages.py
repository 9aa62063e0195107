"""The web pages through an HTTP client, over the imported store: every kind of page with the imported figures, a
CSV download, a 404, and an occupation's sectors (present only when the industries were imported)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient

from careerclusters.server.app import create_app
from careerclusters.store import connect, import_paths
from tests.helpers import small_oews_bundle


def test_pages(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and home.text.count('class="seg seg-') == 6 + 14 + 72
    assert "Not imported yet" not in home.text
    assert "CRP12" in home.text and "Career Ready Practices" in home.text
    cluster = client.get("/clusters/healthcare-human-services")
    assert "Registered Nurses" in cluster.text and "Therapeutic Services" in cluster.text
    sub = client.get("/subclusters/physical-health", params={"sort": "wage"})
    assert 'aria-sort="descending"' in sub.text
    nurse = client.get("/occupations/29-1141").text
    assert "Physical Health" in nurse and "$97,550" in nurse and "Therapeutic Services" in nurse
    assert "Registered Nursing/Registered Nurse" in client.get("/programs/51.3801").text
    moves = client.get("/original/pathways/o-therapeutic-services").text
    assert "Physical Health" in moves and "%" in moves
    assert "Registered Nurses" in client.get("/search", params={"q": "nurse"}).text
    assert "GET /api/v1/occupations/{code}" in client.get("/api").text
    download = client.get("/subclusters/physical-health/occupations.csv")
    assert download.headers["content-disposition"].endswith('physical-health-occupations.csv"')
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert {"soc": "29-1141", "median_annual_wage": "97550"}.items() <= next(
        r for r in rows if r["soc"] == "29-1141").items()
    missing = client.get("/occupations/99-9999")
    assert missing.status_code == 404 and "no occupation 99-9999" in missing.text


def test_the_occupation_page_shows_the_sectors_that_employ_it(imported_db: Path, data_dir: Path,
                                                              tmp_path: Path) -> None:
    page = TestClient(create_app(imported_db, warm=False)).get("/occupations/29-1141.00").text
    where = page[page.index('id="sectors-title"'):]
    assert where.index("Health Care and Social Assistance") < where.index("Educational Services")
    assert "2,895,620" in where and "$97,660" in where and "under 1%" in where
    assert "The 8 largest of" in where  # more sectors than the table shows
    # a store imported the default way (cross-industry only) has no such section
    plain = connect(tmp_path / "plain.sqlite")
    import_paths(plain, [small_oews_bundle(data_dir, tmp_path)])
    plain.close()
    assert 'id="sectors-title"' not in TestClient(create_app(tmp_path / "plain.sqlite", warm=False)).get(
        "/occupations/29-1141").text
