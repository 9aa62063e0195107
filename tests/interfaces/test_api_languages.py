"""The framework's API in Spanish: ``?lang=es`` or ``Accept-Language`` picks the language, each answer says which
(``Content-Language``) and that it varies (``Vary``), and no cache hands one reader's language to another. Runs on
a store with nothing imported: the framework ships with the package."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.namespace import SKOS

from careerclusters.http.caching import cacheable, shared
from careerclusters.http.languages import RequestLanguage, accepted, language_headers, negotiate
from careerclusters.server.app import create_app
from careerclusters.server.page_cache import ResponseCache


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(tmp_path_factory.mktemp("empty") / "none.sqlite", warm=False))


def test_accept_language_is_read_as_browsers_send_it() -> None:
    assert accepted("es-US,es;q=0.9,en;q=0.8") == ["es", "es", "en"]
    assert accepted("en;q=0.5, es;q=0.7, fr") == ["fr", "es", "en"]
    assert accepted("es;q=0, en") == ["en"]
    assert negotiate("fr-CA, es-MX;q=0.8") == "es"
    assert negotiate("fr, de") == negotiate("*") == negotiate(None) == negotiate("") == negotiate(",;q=1") == "en"
    assert negotiate("es;q=nonsense") == "es" and negotiate("EN-gb, es") == "en"


@pytest.mark.parametrize("url", ["/api/v1/groupings", "/api/v1/clusters", "/api/v1/subclusters", "/api/v1/pathways",
                                 "/api/v1/practices", "/api/v1/clusters/healthcare-human-services",
                                 "/api/v1/subclusters/physical-health", "/api/v1/framework/export"])
def test_every_framework_resource_answers_in_the_language_asked(client: TestClient, url: str) -> None:
    english = client.get(url)
    by_parameter = client.get(url, params={"lang": "es"})
    by_header = client.get(url, headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert english.headers["content-language"] == "en"
    for spanish in (by_parameter, by_header):
        assert spanish.status_code == 200 and spanish.headers["content-language"] == "es"
        assert spanish.headers["vary"] == "Accept-Language" and spanish.headers["etag"] != english.headers["etag"]
        assert spanish.text != english.text
    assert by_header.text == by_parameter.text
    # the parameter wins over the header
    assert client.get(url, params={"lang": "en"}, headers={"Accept-Language": "es"}).text == english.text


def test_spanish_answers_name_and_define_in_spanish(client: TestClient) -> None:
    node = client.get("/api/v1/subclusters/physical-health", params={"lang": "es"}).json()
    assert (node["name"], node["parent"]["name"]) == ("Salud física", "Salud y servicios humanos")
    assert node["definition"].startswith("Diagnosticar y tratar")
    groupings = client.get("/api/v1/groupings", headers={"Accept-Language": "es"}).json()
    assert [g["name"] for g in groupings["items"]][:2] == ["Construir y transportar", "Crear y vivir experiencias"]
    practices = client.get("/api/v1/practices", params={"lang": "es"}).json()
    assert practices[0]["practices"][0]["name"].startswith("Actuar como ciudadano")
    doc = client.get("/api/v1/framework/export", params={"lang": "es", "edition": "original"}).json()
    assert doc["language"] == "es" and "no es una traducción oficial" in doc["translator"]
    assert doc["editions"][0]["tree"][0]["name"] == "Agricultura, alimentos y recursos naturales"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/framework/export", params={
        "format": "csv", "lang": "es"}).text)))
    assert rows[0]["cluster_name"] == "Manufactura avanzada" and "careerclusters" in rows[0]["translator"]
    skos = client.get("/api/v1/framework/export", params={"format": "skos", "lang": "es"})
    assert skos.headers["content-language"] == "es"
    labels = {o.language for o in Graph().parse(data=skos.text, format="turtle").objects(None, SKOS.prefLabel)}
    assert labels == {"en", "es"}


def test_a_language_the_project_does_not_speak(client: TestClient) -> None:
    assert client.get("/api/v1/clusters", params={"lang": "fr"}).status_code == 422
    # a browser asking for French gets English, and says so
    assert client.get("/api/v1/clusters", headers={"Accept-Language": "fr"}).headers["content-language"] == "en"


def test_a_revalidation_is_per_language(client: TestClient) -> None:
    english = client.get("/api/v1/clusters")
    spanish = client.get("/api/v1/clusters", headers={"Accept-Language": "es"})
    same = client.get("/api/v1/clusters", headers={"Accept-Language": "es", "If-None-Match": spanish.headers["etag"]})
    assert same.status_code == 304 and same.headers["content-language"] == "es"
    stale = client.get("/api/v1/clusters", headers={"Accept-Language": "es", "If-None-Match": english.headers["etag"]})
    assert stale.status_code == 200 and stale.headers["content-language"] == "es"


def test_the_page_cache_keeps_one_copy_per_language() -> None:
    inner = FastAPI()

    @inner.get("/words")
    @shared
    def words(request: Request, lang: RequestLanguage) -> Response:
        return cacheable(request, {"en": b"hello", "es": b"hola"}[lang], "text/plain", language_headers(lang))

    client = TestClient(ResponseCache(inner, lambda: "data 1", budget_bytes=10_000))
    first = client.get("/words", headers={"Accept-Language": "en"})
    spanish = client.get("/words", headers={"Accept-Language": "es-MX,es;q=0.9"})
    assert (first.text, first.headers["x-cache"], spanish.text, spanish.headers["x-cache"]) == (
        "hello", "miss", "hola", "miss")
    again = client.get("/words", headers={"Accept-Language": "es"})  # another spelling of the same language
    assert (again.text, again.headers["x-cache"], again.headers["content-language"]) == ("hola", "hit", "es")
    assert client.get("/words").text == "hello"
    revalidated = client.get("/words", headers={"Accept-Language": "es", "If-None-Match": spanish.headers["etag"]})
    assert revalidated.status_code == 304 and revalidated.headers["vary"] == "Accept-Language"
