"""The page cache: shared reference pages are kept and revalidated, personal and free-text answers never are,
and a change of the imported data makes every kept copy stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse, StreamingResponse
from fastapi.testclient import TestClient

from careerclusters.http.caching import shared
from careerclusters.server.app import create_app
from careerclusters.server.page_cache import Kept, LruBytes, ResponseCache
from careerclusters.server.settings import Settings
from careerclusters.store import connect, import_paths


@pytest.fixture(scope="module")
def client(imported_db: Path) -> TestClient:
    return TestClient(create_app(imported_db, warm=False))


def test_a_reference_page_is_kept_and_sent_again_unchanged(client: TestClient) -> None:
    first = client.get("/occupations/29-1141?area=OH")
    again = client.get("/occupations/29-1141?area=OH")
    assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
    assert again.text == first.text and "Registered Nurses" in again.text and "$82,510" in again.text
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["cache-control"] == "public, max-age=3600"
    assert again.headers["content-security-policy"].startswith("default-src 'self'")  # added on the way out
    other_area = client.get("/occupations/29-1141?area=Columbus%2C%20OH")
    assert other_area.headers["x-cache"] == "miss" and "$83,900" in other_area.text  # the query is in the key


def test_a_matching_etag_gets_304_with_the_security_headers(client: TestClient) -> None:
    etag = client.get("/subclusters/physical-health").headers["etag"]
    revalidated = client.get("/subclusters/physical-health", headers={"If-None-Match": etag})
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert revalidated.headers["etag"] == etag and revalidated.headers["x-frame-options"] == "DENY"


def test_api_framework_resources_keep_their_own_etag_and_caching(client: TestClient) -> None:
    first = client.get("/api/v1/clusters")
    again = client.get("/api/v1/clusters")
    assert again.headers["x-cache"] == "hit" and again.headers["etag"] == first.headers["etag"]
    assert again.headers["cache-control"] == "public, max-age=86400"


@pytest.mark.parametrize("url", ["/search?q=nurse", "/api/v1/search?q=welder", "/api/v1/classify?text=welder",
                                 "/survey/result?lang=en&a=18vLy8vLy8vJ5eXl5eXl5eXl5eXl5eXl5eXl5eXl5DQ&edu=&wage="])
def test_what_a_person_typed_or_answered_is_never_kept(client: TestClient, url: str) -> None:
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "x-cache" not in response.headers and "etag" not in response.headers


def test_errors_are_not_kept(client: TestClient) -> None:
    for _ in range(2):
        missing = client.get("/occupations/99-9999")
        assert missing.status_code == 404 and "x-cache" not in missing.headers


def test_the_operator_can_turn_it_off(imported_db: Path) -> None:
    off = TestClient(create_app(imported_db, warm=False, settings=Settings(page_cache_mb=0)))
    for _ in range(2):
        page = off.get("/occupations/29-1141")
        assert page.status_code == 200 and "x-cache" not in page.headers
    assert Settings.from_environment({"CAREERCLUSTERS_PAGE_CACHE_MB": "0"}).page_cache_mb == 0


def _tiny_app(version: list[str]) -> TestClient:
    """A two-route app behind the cache, with a data version the test can change."""
    inner = FastAPI()
    calls = {"n": 0}

    @inner.get("/page")
    @shared
    def page() -> PlainTextResponse:
        calls["n"] += 1
        return PlainTextResponse(f"render {calls['n']}")

    @inner.get("/stream")
    @shared
    def stream() -> StreamingResponse:
        return StreamingResponse(iter([b"one ", b"two ", b"three"]), media_type="text/plain")

    return TestClient(ResponseCache(inner, lambda: version[0], budget_bytes=10_000))


def test_new_data_makes_every_kept_copy_stale() -> None:
    version = ["data 1"]
    client = _tiny_app(version)
    assert [client.get("/page").text for _ in range(2)] == ["render 1", "render 1"]
    version[0] = "data 2"
    assert [client.get("/page").text for _ in range(2)] == ["render 2", "render 2"]


def test_a_body_sent_in_parts_is_kept_whole() -> None:
    client = _tiny_app(["v"])
    first, again = client.get("/stream"), client.get("/stream")
    assert first.text == again.text == "one two three" and again.headers["x-cache"] == "hit"


def test_the_least_recently_used_go_first_when_the_budget_is_spent() -> None:
    kept = LruBytes(budget=800)
    for name in "abcdefgh":  # eight of 100 bytes: the budget exactly
        kept.put((name,), Kept(200, [], b"x" * 100, b'"e"'))
    assert kept.get(("a",)) is not None and kept.size == 800  # "a" is now the most recently used
    kept.put(("i",), Kept(200, [], b"x" * 100, b'"e"'))
    assert kept.get(("b",)) is None and kept.get(("a",)) is not None and kept.size == 800
    kept.put(("huge",), Kept(200, [], b"x" * 101, b'"e"'))  # more than an eighth of the budget: not kept
    assert kept.get(("huge",)) is None and len(kept) == 8


def test_an_import_into_the_served_store_makes_kept_pages_stale(tmp_path: Path, data_dir: Path) -> None:
    store = tmp_path / "live.sqlite"
    connect(store).close()  # the bundled crosswalks only: no wages yet
    client = TestClient(create_app(store, warm=False))
    before = client.get("/occupations/29-1141")
    assert client.get("/occupations/29-1141").headers["x-cache"] == "hit" and "$97,550" not in before.text
    writer = connect(store)
    import_paths(writer, [data_dir / "bls/national_M2025_dl.xlsx"])  # another connection writes the file
    writer.close()
    after = client.get("/occupations/29-1141")
    assert after.headers["x-cache"] == "miss" and "$97,550" in after.text
