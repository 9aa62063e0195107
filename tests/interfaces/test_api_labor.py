"""Labour-market answers through the REST API: ``area=`` on the occupation, sub-cluster and program resources (the
area's figures beside the national answer, the same as the path-style ``/api/v1/areas/{area}/…`` routes give),
areas listed and ranked, the alignment report, and an occupation's jobs and wages by industry."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.server.app import create_app


@pytest.fixture(scope="module")
def client(imported_db: Path):
    with TestClient(create_app(imported_db, warm=False)) as test_client:
        yield test_client


def test_an_occupation_in_an_area(client: TestClient) -> None:
    answer = client.get("/api/v1/occupations/29-1141", params={"area": "OH"}).json()
    assert answer["wage"]["annual_median"] == 97550  # the national answer is unchanged
    ohio = answer["in_area"]
    assert ohio["area"]["area"]["name"] == "Ohio"
    assert ohio["area"]["employment"] == 143730 and ohio["area"]["annual_median"] == 82510
    assert ohio["national"]["annual_median"] == 97550 and "estimate" in ohio["note"]
    assert ohio == client.get("/api/v1/areas/OH/occupations/29-1141").json()
    assert client.get("/api/v1/occupations/29-1141").json()["in_area"] is None


def test_a_wage_marker_in_an_area_stays_a_marker(client: TestClient) -> None:
    actors = client.get("/api/v1/occupations/27-2011", params={"area": "US"}).json()["in_area"]["area"]
    assert actors["annual_median"] is None and actors["markers"]["a_median"] == "not_released"
    assert actors["hourly_only"] and actors["hourly_median"] == 29.05


def test_a_subcluster_in_a_metro_area(client: TestClient) -> None:
    answer = client.get("/api/v1/subclusters/Physical Health", params={"area": "Columbus, OH"}).json()
    assert answer["id"] == "physical-health" and answer["parent"]["name"] == "Healthcare & Human Services"
    columbus = answer["in_area"]
    assert columbus["area"]["code"] == "0018140"
    nurses = columbus["top_occupations"][0]
    assert nurses["soc"] == "29-1141" and nurses["employment"] == 30510 and nurses["median_wage"] == 83900
    contents = client.get("/api/v1/subclusters/physical-health/contents", params={"area": "18140"}).json()
    assert contents["in_area"] == columbus
    assert "29-1141" in {o["soc"] for o in contents["occupations"]}
    plain = client.get("/api/v1/subclusters/physical-health")
    assert "in_area" not in plain.json() and plain.headers["etag"]  # without an area: the cacheable resource


def test_a_program_in_an_area(client: TestClient) -> None:
    answer = client.get("/api/v1/programs/51.3801", params={"area": "Ohio"}).json()
    assert answer["title"] == "Registered Nursing/Registered Nurse"
    first = answer["in_area"]["occupations"][0]
    assert first["soc"] == "29-1141" and first["employment"] == 143730 and first["median_wage"] == 82510


def test_an_unknown_area_is_a_404_with_suggestions(client: TestClient) -> None:
    for url in ("/api/v1/occupations/29-1141", "/api/v1/subclusters/physical-health", "/api/v1/programs/51.3801"):
        lost = client.get(url, params={"area": "Columbus"})
        assert lost.status_code == 404
        assert lost.json()["error"]["message"].startswith("no area 'Columbus'; did you mean")


def test_without_area_data_the_answer_says_how_to_get_it(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "fresh.sqlite", warm=False)) as fresh:
        answer = fresh.get("/api/v1/subclusters/physical-health", params={"area": "OH"})
        assert answer.status_code == 503
        message = answer.json()["error"]["message"]
        assert message.startswith("not imported yet: wages and employment in every state, metro and nonmetropolitan "
                                  "area (BLS OEWS). To add it, run `careerclusters data fetch`")
        page = fresh.get("/subclusters/physical-health", params={"area": "OH"})  # a visitor: what, not how
        assert "data fetch" not in page.text
        assert fresh.get("/api/v1/subclusters/physical-health").status_code == 200


def test_area_api(imported_db: Path) -> None:
    with TestClient(create_app(imported_db, warm=False)) as client:
        states = client.get("/api/v1/areas", params={"type": "state", "limit": 100}).json()
        assert states["total"] == 51 and "Ohio" in {a["name"] for a in states["items"]}
        assert client.get("/api/v1/areas/OH").json()["code"] == "3900000"
        nurses = client.get("/api/v1/areas/Columbus, OH/occupations/29-1141").json()
        assert nurses["area"]["employment"] == 30510 and nurses["area"]["annual_median"] == 83900
        assert nurses["national"]["annual_median"] == 97550
        ranked = client.get("/api/v1/areas/3900000/subclusters", params={"by": "wage"}).json()
        wages = [s["median_wage"] for s in ranked["subclusters"] if s["median_wage"] is not None]
        assert wages == sorted(wages, reverse=True) and "estimate" in ranked["note"]
        health = client.get("/api/v1/areas/OH/subclusters/Physical Health").json()
        assert health["top_occupations"][0]["employment"] == 143730
        program = client.get("/api/v1/areas/OH/programs/51.3801").json()
        assert program["title"] == "Registered Nursing/Registered Nurse"
        assert program["occupations"][0]["median_wage"] == 82510
        page = client.get("/occupations/29-1141", params={"area": "OH"}).text
        assert "In Ohio" in page and "143,730" in page and "$82,510" in page and "(nationally $97,550)" in page
        assert "In Columbus, OH" in client.get("/subclusters/physical-health", params={"area": "18140"}).text
        program_page = client.get("/programs/51.3801", params={"area": "Ohio"}).text
        assert "/areas/3900000/occupations/29-1141" in program_page
        lost = client.get("/occupations/29-1141", params={"area": "Atlantis"})
        assert lost.status_code == 200 and "no area &#39;Atlantis&#39;; did you mean" in lost.text
        clusters = client.get("/api/v1/areas/OH/clusters").json()["clusters"]
        assert clusters[0]["name"] == "Healthcare & Human Services" and clusters[0]["level"] == "cluster"
        report = client.post("/api/v1/reports/alignment", json={"area": "OH", "level": "secondary", "programs": [
            {"name": "Nursing (RN)", "cip": "51.3801", "level": "associate", "completers": 40},
            {"name": "Cosmetology", "cip": "12.0401"}, {"name": "Mystery", "cip": "99.9999"}]})
        assert report.status_code == 200
        nursing, cosmetology, mystery = report.json()["programs"]
        assert nursing["verdict"] == "high-wage and in demand" and nursing["level"] == "associate"
        assert cosmetology["level"] == "secondary" and not cosmetology["level_given"]
        hairdressers = next(o for o in cosmetology["occupations"] if o["soc"] == "39-5012")
        assert hairdressers["openings_estimate"] / hairdressers["employment"] == pytest.approx(75.8 / 575.2, abs=5e-4)
        assert mystery["verdict"] == "needs review" and "NO MATCH" in mystery["review_reason"]
        assert report.json()["area"]["code"] == "3900000" and "self-employed" in report.json()["openings_note"]
        bad_level = client.post("/api/v1/reports/alignment", json={"area": "OH", "level": "PhD",
                                                                   "programs": [{"cip": "12.0401"}]})
        assert bad_level.status_code == 400 and "unknown level 'PhD'" in bad_level.json()["error"]["message"]
        empty = client.post("/api/v1/reports/alignment", json={"area": "OH", "programs": [{}]})
        assert empty.status_code == 400 and "give a name or a CIP code" in empty.json()["error"]["message"]
        assert client.post("/api/v1/reports/alignment", json={"area": "OH", "programs": []}).status_code == 422
        unknown = client.get("/api/v1/areas/Atlantis")
        assert unknown.status_code == 404
        assert client.get("/api/v1/areas", params={"type": "planet"}).status_code == 422


def test_the_api_answers_by_industry(imported_db: Path) -> None:
    with TestClient(create_app(imported_db, warm=False)) as client:
        hospitals = client.get("/api/v1/occupations/29-1141/industries", params={"level": "3-digit"}).json()
        assert hospitals["employment"] == 3379720
        assert hospitals["industries"][0] | {"share_of_occupation": None} == {
            "naics": "622000", "title": "Hospitals", "employment": 2020230, "share_of_occupation": None,
            "annual_median": 100220, "hourly_median": 48.18, "markers": {}}
        ohio = client.get("/api/v1/occupations/29-1141/industries", params={"area": "OH"})
        assert ohio.status_code == 404 and "for the nation only" in ohio.json()["error"]["message"]
        assert client.get("/api/v1/occupations/29-1141/industries", params={"level": "9"}).status_code == 422
