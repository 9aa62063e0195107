"""Programs of study through the REST API, over a store holding the examples: listing and filters, one program with
its findings, and validating YAML, JSON and CSV bodies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.pos import files, workbook
from careerclusters.pos.examples import CATALOG, FLAWED, examples
from careerclusters.server.app import create_app
from tests.helpers import STATE_MATRIX, hostile_inputs


@pytest.fixture(scope="module")
def client(pos_db: Path) -> TestClient:
    return TestClient(create_app(pos_db, warm=False))


def test_api_lists_and_filters(client: TestClient) -> None:
    page = client.get("/api/v1/programs-of-study").json()
    assert page["total"] == 9
    by_cip = client.get("/api/v1/programs-of-study", params={"cip": "51.3902"}).json()
    assert [p["id"] for p in by_cip["items"]] == ["fixture-nurse-assisting", "example-registered-nursing"]
    by_sub = client.get("/api/v1/programs-of-study", params={"subcluster": "culinary-food-services"}).json()
    assert [p["id"] for p in by_sub["items"]] == ["example-culinary-arts"]
    assert client.get("/api/v1/programs-of-study", params={"cip": "51.38"}).status_code == 400


def test_api_one_program_with_findings(client: TestClient) -> None:
    welding = client.get("/api/v1/programs-of-study/example-welding").json()
    assert welding["program"]["levels"][1]["courses"][1]["sced"] == "13207"
    assert welding["report"]["occupations"][0]["median_wage"] == 53750.0
    flawed = client.get("/api/v1/programs-of-study/example-flawed").json()
    assert "No credential: a program of study culminates in a recognized postsecondary credential." in [
        f["message"] for f in flawed["report"]["findings"]]
    assert client.get("/api/v1/programs-of-study/nothing").status_code == 404


def test_api_validates_yaml_json_and_csv_bodies(client: TestClient) -> None:
    flawed = client.post("/api/v1/programs-of-study/validate", content=FLAWED.read_bytes(),
                         headers={"content-type": "application/yaml"}).json()
    assert flawed["clean"] is False and flawed["reports"][0]["program"] == "example-flawed"
    welding = json.loads(files.to_json(next(p for p in examples() if p.id == "example-welding")))
    assert client.post("/api/v1/programs-of-study/validate", json=welding).json()["clean"] is True
    catalog = client.post("/api/v1/programs-of-study/validate", content=CATALOG.read_bytes(),
                          headers={"content-type": "text/csv"}).json()
    assert [r["program"] for r in catalog["reports"]] == ["example-culinary-arts", "example-welding"]
    bad = client.post("/api/v1/programs-of-study/validate", json=welding | {"levels": []})
    assert bad.status_code == 400
    assert bad.json()["error"]["message"] == ("upload.json, line 1, field levels: List should have at least 1 item "
                                              "after validation, not 0")
    assert client.post("/api/v1/programs-of-study/validate", content=b"x",
                       headers={"content-type": "image/png"}).status_code == 400


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPES = {".json": "application/json", ".yaml": "application/yaml", ".xlsx": XLSX}


def test_api_validates_a_workbook_and_pays_where_asked(client: TestClient) -> None:
    [matrix] = files.read(STATE_MATRIX)
    checked = client.post("/api/v1/programs-of-study/validate", content=workbook.write(matrix),
                          headers={"content-type": XLSX}, params={"area": "Columbus, OH"})
    assert checked.status_code == 200
    [report] = checked.json()["reports"]
    assert report["program"] == "fixture-nurse-assisting" and report["wage_area"] == "Columbus, OH"
    stored = client.get("/api/v1/programs-of-study/fixture-nurse-assisting").json()
    aides = next(o for o in stored["report"]["occupations"] if o["soc"] == "31-1131")
    assert (stored["report"]["wage_area"], aides["median_wage"], aides["education"]) == ("Delaware", 42030.0,
                                                                                         "high-school")
    home = next(o for o in stored["report"]["occupations"] if o["soc"] == "31-1121")
    assert (home["wage_soc"], home["projection_soc"], home["change_pct"]) == ("31-1120", "31-1120", 17.0)
    assert stored["program"]["levels"][0]["stage"] == "middle"
    assert client.get("/api/v1/programs-of-study/fixture-nurse-assisting", params={"area": "Atlantis"}
                      ).status_code == 404


def test_api_refuses_what_it_cannot_read_with_a_4xx(client: TestClient) -> None:
    welding = next(p for p in examples() if p.id == "example-welding")
    for what, name, data in hostile_inputs(files.to_json(welding).encode(), workbook.write(welding)):
        media = TYPES[name[name.rindex("."):]]
        answer = client.post("/api/v1/programs-of-study/validate", content=data, headers={"content-type": media})
        message = answer.json()["error"]["message"]
        assert answer.status_code == 400 and "\n" not in message and message.startswith("upload."), (what, message)
    deep = client.post("/api/v1/programs-of-study/validate", content=b"[" * 5000 + b"]" * 5000,
                       headers={"content-type": "application/json"})
    assert deep.json()["error"]["message"] == "upload.json, line 1: nested more than 40 levels deep: not a program " \
                                              "of study"
