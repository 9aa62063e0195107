"""The survey through the REST API and its pages: items in both languages, scoring, bad answers as 422s naming the
item, and without the official data, what is missing said."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from careerclusters.server.app import create_app
from careerclusters.survey import load_instrument
from careerclusters.survey.codec import encode
from tests.helpers import dislikes_all_but, eighth_grader, html_text, realistic_construction


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


def test_api_ranks_someone_who_dislikes_most_items(client: TestClient) -> None:
    """Every interest activity and every checklist item disliked but one sub-cluster's: its cluster is first, not
    "no cluster stands out" (scores are ranked, not kept above zero)."""
    result = client.post("/api/v1/survey/score",
                         json=dislikes_all_but("industrial-machinery", interests=True).model_dump()).json()
    assert result["status"] == "ok" and result["clusters"][0]["id"] == "advanced-manufacturing"
    assert result["subclusters"][0]["id"] == "industrial-machinery"
    assert {t["score"] for t in result["profile"]} == {-100}
    assert result["profile"][0] | {"about": ""} == {"letter": "R", "name": "Realistic", "about": "", "liked": 0,
                                                   "disliked": 8, "items": 8, "score": -100}


def _last_step(client: TestClient, wage: str, lang: str = "en") -> Response:
    """The survey's last step sent with ``wage`` typed in the pay box, as "See my results" sends it."""
    code = encode(eighth_grader().answers, load_instrument(lang))
    return client.get(("" if lang == "en" else f"/{lang}") + "/survey",
                      params={"a": code, "from": "5", "step": "6", "wage": wage}, follow_redirects=False)


def test_the_pay_box_reads_what_people_type(client: TestClient) -> None:
    for typed in ("40k", "40 mil", "$40,000", "40.000"):
        response = _last_step(client, typed)
        assert response.status_code == 303, typed
        where = response.headers["location"]
        assert where.startswith("/survey/result?") and "wage=40000" in where


def test_a_pay_the_form_cannot_read_comes_back_beside_the_field_in_the_pages_language(client: TestClient) -> None:
    response = _last_step(client, "lots")
    assert response.status_code == 400
    page = html_text(response.text)
    assert "Step 5 of 5" in page and "Please check this before you see your results:" in page
    assert "Type the pay as a number of dollars a year, such as 40000 or 40k (not “lots”)." in page
    assert 'aria-describedby="wage-error wage-hint" aria-invalid="true" value="lots"' in response.text
    assert 'name="p-caring"' in response.text  # the step's own questions are there to answer
    spanish = _last_step(client, "mucho", "es")
    assert spanish.status_code == 400 and '<html lang="es">' in spanish.text
    assert "Escribe el sueldo como un número de dólares al año, por ejemplo 40000 o 40 mil (no “mucho”)." in \
        html_text(spanish.text)
    back = client.get("/survey", params={"a": encode({}, load_instrument("en")), "from": "5", "step": "4",
                                         "wage": "lots"})
    assert back.status_code == 200 and "Step 4 of 5" in html_text(back.text) and 'value="lots"' in back.text


def test_a_hand_edited_or_damaged_result_link_is_never_a_dead_end(client: TestClient) -> None:
    code = encode(eighth_grader().answers, load_instrument("en"))
    edited = client.get("/survey/result", params={"a": code, "wage": "forty"}, follow_redirects=False)
    assert edited.status_code == 303 and edited.headers["location"].startswith("/survey?")
    assert "step=5" in edited.headers["location"] and "wage=forty" in edited.headers["location"]
    assert "(not “forty”)" in html_text(client.get(edited.headers["location"]).text)
    damaged = client.get("/survey/result", params={"a": code[:-4], "lang": "es"})
    assert damaged.status_code == 400 and '<html lang="es">' in damaged.text
    page = html_text(damaged.text)
    assert "Este enlace de respuestas está dañado" in page and "Empezar la encuesta" in page
    assert client.get("/survey/result.pdf", params={"a": code, "edu": "phd"}, follow_redirects=False).status_code == 303
