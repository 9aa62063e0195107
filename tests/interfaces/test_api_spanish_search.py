"""Search and classification through the API with Spanish text, answered in Spanish when asked."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_classify_accepts_spanish_and_answers_in_the_language_asked(client: TestClient) -> None:
    english = client.get("/api/v1/classify", params={"text": "enfermera"})
    assert english.status_code == 200 and english.headers["content-language"] == "en"
    assert english.json()["candidates"][0]["title"] == "Registered Nurses"
    spanish = client.get("/api/v1/classify", params={"text": "enfermera"}, headers={"Accept-Language": "es"})
    best = spanish.json()["candidates"][0]
    assert spanish.headers["content-language"] == "es" and spanish.headers["vary"] == "Accept-Language"
    assert (best["code"], best["title"]) == ("29-1141.00", "Enfermeros/as registrados/as")
    assert [s["name"] for s in best["subclusters"]] == ["Salud física"]


def test_a_batch_in_spanish(client: TestClient) -> None:
    answer = client.post("/api/v1/classify", params={"lang": "es"},
                         json={"texts": ["peluquera", "soldador", "=1+1"], "k": 2}).json()
    assert [r["candidates"][0]["soc"] if r["candidates"] else r["reason"] for r in answer["results"]] == [
        "39-5012", "51-4121", "a spreadsheet formula, not a title"]
    programs = client.post("/api/v1/classify", params={"lang": "es"},
                           json={"texts": ["soldadura"], "kind": "program"}).json()
    assert programs["results"][0]["candidates"][0]["title"] == "Welding Technology/Welder"  # CIP stays English


def test_search_in_spanish(client: TestClient) -> None:
    found = client.get("/api/v1/search", params={"q": "construccion", "lang": "es"}).json()
    assert (found["nodes"][0]["id"], found["nodes"][0]["name"]) == ("construction", "Construcción")
    assert client.get("/api/v1/search", params={"q": "salud"}).json()["nodes"][0]["name"] == (
        "Healthcare & Human Services")



#: The issue's nine words, as a Spanish-reading parent types them into the one search box (and two without their
#: accents), with what each must find first: a cluster's id, or the start of the SOC code of the occupation (or
#: family of occupations: a bare "maestra" teaches some grade) it names.
NINE_WORDS = [("enfermera", "29-1141"), ("maestra", "25-2"), ("mecánico", "49-3023"), ("soldador", "51-4121"),
              ("salud", "healthcare-human-services"), ("construcción", "construction"), ("agricultura", "agriculture"),
              ("cocinero", "35-20"), ("peluquera", "39-5012"), ("mecanico", "49-3023"),
              ("construccion", "construction")]


@pytest.mark.parametrize(("words", "expected"), NINE_WORDS)
def test_each_of_the_nine_words_finds_its_answer_first(client: TestClient, words: str, expected: str) -> None:
    found = client.get("/api/v1/search", params={"q": words, "lang": "es"}).json()
    if expected[0].isdigit():
        best = found["occupations"][0]
        assert best["soc"].startswith(expected), [(c["code"], c["title"]) for c in found["occupations"]]
    else:
        assert found["nodes"][0]["id"] == expected, found["nodes"]
