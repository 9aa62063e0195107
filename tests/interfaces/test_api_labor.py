"""``area=`` on the occupation, sub-cluster and program resources of the API: the area's figures beside the
national answer, the same as the path-style ``/api/v1/areas/{area}/…`` routes give."""

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
        assert "no OEWS data by area imported yet: run `careerclusters data fetch`" in answer.json()["error"]["message"]
        assert fresh.get("/api/v1/subclusters/physical-health").status_code == 200
