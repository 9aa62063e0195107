"""What hosting the app on the public internet needs: security headers on every response, limits with
clear answers, health and readiness endpoints, and the access log."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

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
