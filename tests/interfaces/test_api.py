"""The REST API through an HTTP client, with imported data and without (the pages too, then)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from careerclusters.server.app import create_app


@pytest.fixture(scope="module")
def empty_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(tmp_path_factory.mktemp("empty") / "none.sqlite"))


def test_framework_resources_with_pagination(client: TestClient) -> None:
    page = client.get("/api/v1/subclusters", params={"limit": 10, "offset": 70}).json()
    assert page["total"] == 72 and page["limit"] == 10 and len(page["items"]) == 2
    clusters = client.get("/api/v1/clusters", params={"grouping": "Caring for Communities"}).json()
    assert [c["id"] for c in clusters["items"]] == ["education", "healthcare-human-services", "public-service-safety"]
    original = client.get("/api/v1/clusters", params={"edition": "original"}).json()
    assert original["total"] == 16
    node = client.get("/api/v1/subclusters/physical-health").json()
    assert node["parent"]["name"] == "Healthcare & Human Services" and node["children"] == []
    assert client.get("/api/v1/clusters/040200").json()["id"] == "healthcare-human-services"
    assert client.get("/api/v1/pathways", params={"cluster": "Health Science"}).json()["total"] == 5
    assert client.get("/api/v1/groupings").json()["total"] == 6
    [practices] = client.get("/api/v1/practices").json()
    assert practices["edition"] == "original" and len(practices["practices"]) == 12
    assert practices["practices"][0]["code"] == "CRP1"


def test_framework_data_has_etags(client: TestClient) -> None:
    first = client.get("/api/v1/clusters")
    assert first.headers["cache-control"].startswith("public") and first.headers["etag"]
    again = client.get("/api/v1/clusters", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/clusters", params={"edition": "original"})
    assert other.headers["etag"] != first.headers["etag"]


def test_exports(client: TestClient) -> None:
    doc = client.get("/api/v1/framework/export").json()
    assert doc["editions"][0]["counts"]["subclusters"] == 72
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/framework/export?format=csv&edition=original").text)))
    assert len(rows) == 79
    turtle = client.get("/api/v1/framework/export", params={"format": "skos"})
    assert turtle.headers["content-type"].startswith("text/turtle") and "skos:broader" in turtle.text


def test_occupation_program_and_contents(client: TestClient) -> None:
    nurse = client.get("/api/v1/occupations/29-1141").json()
    assert nurse["wage"]["annual_median"] == 97550 and nurse["subclusters"][0]["id"] == "physical-health"
    program = client.get("/api/v1/programs/51.3801").json()
    assert program["title"] == "Registered Nursing/Registered Nurse"
    contents = client.get("/api/v1/subclusters/physical-health/contents", params={"sort": "wage"}).json()
    wages = [o["median_wage"] for o in contents["occupations"] if o["median_wage"]]
    assert wages == sorted(wages, reverse=True)
    listing = client.get("/api/v1/occupations", params={"subcluster": "physical-health", "limit": 5}).json()
    assert listing["total"] == len(contents["occupations"]) and len(listing["items"]) == 5
    everything = client.get("/api/v1/occupations", params={"limit": 1}).json()
    assert everything["total"] == 851
    assert client.get("/api/v1/programs", params={"limit": 1}).json()["total"] == 1946
    industries = client.get("/api/v1/industries").json()
    health = next(i for i in industries if i["naics"] == "62")
    assert {"id": "healthcare-human-services", "name": "Healthcare & Human Services",
            "parent_id": "caring-communities"} in health["clusters"]


def test_crosswalk_search_classify_transition(client: TestClient) -> None:
    answer = client.get("/api/v1/crosswalk", params={"from": "cip", "to": "soc", "code": ["51.3801", "bad"]}).json()
    assert ("29-1141", "Registered Nurses") in [(t["code"], t["name"]) for t in answer[0]["targets"]]
    assert answer[1]["error"] and answer[1]["targets"] == []
    found = client.get("/api/v1/search", params={"q": "nurse"}).json()
    assert found["occupations"][0]["code"] == "29-1141.00"
    coded = client.get("/api/v1/classify", params={"text": "Registered Nursing", "kind": "program", "k": 2}).json()
    assert coded["candidates"][0]["code"] == "51.3801" and len(coded["candidates"]) == 2
    moves = client.get("/api/v1/transition/o-therapeutic-services").json()
    assert moves["subclusters"][0]["id"] == "physical-health"


@pytest.mark.parametrize(("url", "status", "kind"), [
    ("/api/v1/occupations/nurse", 400, "CodeError"),
    ("/api/v1/occupations/99-9999", 404, "NotInDataError"),
    ("/api/v1/clusters/helthcare", 404, "NotFoundError"),
    ("/api/v1/clusters/Animal%20Systems", 404, "NotFoundError"),
    ("/api/v1/groupings?limit=0", 422, "ValidationError"),
    ("/api/v1/clusters?edition=1999", 422, "ValidationError"),
    ("/api/v1/crosswalk?from=soc&to=planet&code=1", 422, "ValidationError"),
    ("/api/v1/nowhere", 404, "HTTPError"),
])
def test_errors_are_json_4xx(client: TestClient, url: str, status: int, kind: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["error"]["type"] == kind


def test_not_found_suggests_closest_names(client: TestClient) -> None:
    body = client.get("/api/v1/clusters/helthcare").json()["error"]
    assert "Healthcare & Human Services" in body["suggestions"]
    # names shared by both editions resolve within the edition each resource belongs to
    assert client.get("/api/v1/transition/Animal%20Systems").json()["source_id"] == "o-animal-systems"
    assert client.get("/api/v1/subclusters/Animal%20Systems").json()["id"] == "animal-systems"


def test_runs_without_imported_data(empty_client: TestClient) -> None:
    home = empty_client.get("/")
    assert home.status_code == 200 and "careerclusters data fetch" not in home.text  # the operator's, on /status
    assert "This page cannot show wages (BLS OEWS, national)" in " ".join(home.text.split())
    cluster = empty_client.get("/clusters/agriculture")
    assert cluster.status_code == 200 and "Animal Systems" in cluster.text
    assert empty_client.get("/original/pathways/o-animal-systems").status_code == 200
    assert empty_client.get("/api/v1/subclusters").json()["total"] == 72
    nurse = empty_client.get("/api/v1/occupations/29-1141").json()  # from the bundled crosswalks
    assert nurse["subclusters"][0]["id"] == "physical-health" and nurse["wage"] is None
    unavailable = empty_client.get("/api/v1/classify", params={"text": "nurse"})
    assert unavailable.status_code == 503 and "data fetch" in unavailable.json()["error"]["message"]
    search = empty_client.get("/search", params={"q": "helthcare"})
    assert search.status_code == 200 and "Healthcare &amp; Human Services" in search.text
