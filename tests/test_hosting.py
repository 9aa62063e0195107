"""What hosting the app on the public internet needs: security headers on every response, limits with
clear answers, health and readiness endpoints, and the access log."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.errors import CareerClustersError
from careerclusters.web.app import create_app
from careerclusters.web.settings import Settings

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@pytest.fixture(scope="module")
def client(imported_db: Path) -> TestClient:
    app = create_app(imported_db, warm=False, settings=Settings(max_body_bytes=10_000, max_texts=3))
    app.state.explorer.warm()
    return TestClient(app)


@pytest.mark.parametrize("url", ["/subclusters/physical-health", "/api/v1/occupations/29-1141",
                                 "/static/wheel.js", "/no-such-page", "/api/v1/occupations/99-9999"])
def test_every_response_carries_the_security_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["permissions-policy"] == "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    assert "strict-transport-security" not in response.headers  # not said to be served over HTTPS


def test_hsts_only_when_served_over_https(imported_db: Path) -> None:
    client = TestClient(create_app(imported_db, warm=False, settings=Settings(https=True)))
    assert client.get("/static/style.css").headers["strict-transport-security"] == "max-age=31536000"


def test_even_an_unexpected_500_carries_the_headers(imported_db: Path) -> None:
    app = create_app(imported_db, warm=False)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500
    assert response.headers["content-security-policy"] == CSP and response.headers["x-frame-options"] == "DENY"


# -- limits ------------------------------------------------------------------------------------------------

def test_oversized_body_is_413_before_it_is_read(client: TestClient) -> None:
    texts = ["Registered Nurse"] * 800  # about 15 kB, over this app's 10 kB limit
    response = client.post("/api/v1/classify", json={"texts": texts})
    assert response.status_code == 413
    assert response.json()["error"] == {"status": 413, "type": "PayloadTooLarge", "message": (
        "the request body is larger than 10000 bytes (CAREERCLUSTERS_MAX_BODY_BYTES)")}
    assert response.headers["x-frame-options"] == "DENY"


def test_oversized_streamed_body_is_413(client: TestClient) -> None:
    def chunks():  # no Content-Length: the size is counted as the body streams in
        yield b'{"texts": ['
        for _ in range(1000):
            yield b'"Registered Nurse",'
        yield b'"Welder"]}'

    response = client.post("/api/v1/classify", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["message"].startswith("the request body is larger than 10000 bytes")


def test_too_many_texts_is_422_and_a_long_query_414(client: TestClient) -> None:
    response = client.post("/api/v1/classify", json={"texts": ["Nurse", "Welder", "Chef", "Pilot"]})
    assert response.status_code == 422
    assert response.json()["error"]["message"] == ("4 texts: at most 3 per request (CAREERCLUSTERS_MAX_TEXTS); "
                                                   "split the batch")
    ok = client.post("/api/v1/classify", json={"texts": ["Nurse", "Welder", "Chef"]})
    assert ok.status_code == 200 and ok.json()["results"][1]["candidates"][0]["soc"] == "51-4121"
    response = client.get("/api/v1/search", params={"q": "nurse", "pad": "x" * 5000})
    assert response.status_code == 414 and "4096 bytes" in response.json()["error"]["message"]
    assert client.get("/api/v1/search", params={"q": "n" * 301}).status_code == 422


def test_settings_from_the_environment() -> None:
    settings = Settings.from_environment({"CAREERCLUSTERS_HTTPS": "yes", "CAREERCLUSTERS_MAX_TEXTS": "50",
                                          "CAREERCLUSTERS_MAX_BODY_BYTES": "2_000_000"})
    assert (settings.https, settings.max_texts, settings.max_body_bytes, settings.max_query_bytes) == (
        True, 50, 2_000_000, 4096)
    assert Settings.from_environment(settings.environment()) == settings
    with pytest.raises(CareerClustersError, match="CAREERCLUSTERS_MAX_TEXTS='many': not a whole number"):
        Settings.from_environment({"CAREERCLUSTERS_MAX_TEXTS": "many"})
