"""The survey through the REST API and its pages: items in both languages, scoring, bad answers as 422s naming the
item, and without the official data, what is missing said."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.server.app import create_app
from tests.helpers import realistic_construction


def test_without_the_data_the_pages_and_api_say_what_is_missing(tmp_path: Path) -> None:
    empty = TestClient(create_app(tmp_path / "none.sqlite", warm=False))
    result = empty.post("/api/v1/survey/score", json=realistic_construction().model_dump()).json()
    assert result["data_imported"] is False and result["clusters"][0]["id"] == "construction"
    page = empty.get("/survey/result", params={"a": result["code"], "lang": "es"})
    assert page.status_code == 200 and "Construcción" in page.text and "careerclusters data" not in page.text
    assert "la comparación de intereses necesitan datos oficiales que aún no están cargados" in page.text


@pytest.fixture(scope="module")
def client(imported_db: Path) -> TestClient:
    return TestClient(create_app(imported_db, warm=False))


def test_api_items_and_score(client: TestClient) -> None:
    items = client.get("/api/v1/survey/items", params={"lang": "es"}).json()
    assert items["lang"] == "es" and len(items["items"]) == 153
    first = items["items"][0]
    assert first == {"id": "r1", "text": "Hacer una repisa o una casita para pájaros con madera", "part": "interest",
                     "key": "R", "kind": None, "cluster_id": None}
    body = realistic_construction().model_dump()
    result = client.post("/api/v1/survey/score", json=body).json()
    assert result["clusters"][0]["id"] == "construction" and result["subclusters"][0]["occupations"]


@pytest.mark.parametrize(("body", "where", "message"), [
    ({"answers": {"r1": 2, "zz9": 1}}, "body.answers", "unknown item id 'zz9'"),
    ({"answers": {"r1": 3}}, "body.answers.r1", "less than or equal to 2"),
    ({"answers": {"r1": 2}, "lang": "fr"}, "body.lang", "'en' or 'es'"),
    ({"answers": {}, "education": "phd"}, "body.education", "'high-school'"),
])
def test_api_bad_answers_are_422_naming_the_item(client: TestClient, body: dict, where: str, message: str) -> None:
    response = client.post("/api/v1/survey/score", json=body)
    assert response.status_code == 422
    [problem] = response.json()["error"]["problems"]
    assert problem["where"] == where and message in problem["message"]
    assert client.get("/api/v1/survey/items", params={"lang": "de"}).status_code == 422
