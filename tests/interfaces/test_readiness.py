"""A server answers pages from the moment it starts; searches and classifying need the classifiers, which each
worker maps from their cache files in the background (or, on a first start, has built in a process of its own):
until they are there a request waits briefly, then is answered 503 with Retry-After, and ``/readyz`` says so."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from careerclusters.base.errors import NotReadyError
from careerclusters.base.shared import WARM_UPS, WarmUp
from careerclusters.classifier import serving
from careerclusters.classifier.service import cache_path
from careerclusters.http.context import Context
from careerclusters.server.app import create_app
from tests.helpers import serve_command


@pytest.fixture()
def held_classifiers(monkeypatch: pytest.MonkeyPatch, occupations, programs) -> threading.Event:
    """The server's classifiers load only once the returned event is set (as if they were being built)."""
    release = threading.Event()
    load = serving.load_classifier

    def slow(*args: object, **kwargs: object) -> object:
        release.wait(30)
        return load(*args, **kwargs)

    monkeypatch.setattr(serving, "load_classifier", slow)
    monkeypatch.setattr(serving, "WAIT_SECONDS", 0.2)
    return release


def test_pages_answer_while_the_classifiers_load_and_searches_get_503_with_retry_after(
        imported_db: Path, held_classifiers: threading.Event) -> None:
    with TestClient(create_app(imported_db, warm=True)) as client:
        assert client.get("/").status_code == 200
        assert client.get("/clusters/healthcare-human-services").status_code == 200
        waiting = client.get("/readyz")
        assert waiting.status_code == 503 and waiting.json()["checks"]["occupation classifier"] == "loading"
        coded = client.get("/api/v1/classify", params={"text": "Registered Nurse"})
        assert coded.status_code == 503 and coded.headers["retry-after"] == "10"
        assert coded.json()["error"]["type"] == "NotReadyError"
        assert "occupation classifier is still loading" in coded.json()["error"]["message"]
        assert client.get("/api/v1/search", params={"q": "nurse"}).status_code == 503
        page = client.get("/search", params={"q": "health"})
        assert page.status_code == 503 and page.headers["retry-after"] == "10"
        assert "Occupations and programs are getting ready" in page.text
        assert 'href="/clusters/healthcare-human-services"' in page.text  # what it can find without them
        assert "<h2 id=\"occ-title\">" not in page.text
        held_classifiers.set()
        deadline = time.monotonic() + 60
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline, "the classifiers loaded"
            time.sleep(0.05)
        coded = client.get("/api/v1/classify", params={"text": "Registered Nurse"})
        assert coded.status_code == 200 and coded.json()["candidates"][0]["code"] == "29-1141.00"
        assert client.get("/search", params={"q": "health"}).status_code == 200


def test_a_request_waits_for_the_warm_up_rather_than_build_it(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    context = Context(tmp_path / "none.sqlite")

    def warm(shared: Context) -> str:
        return shared.once("test item", lambda: (time.sleep(0.5), "built by the warm-up")[1])

    monkeypatch.setitem(WARM_UPS, "test item", WarmUp(warm))
    context.start_warming()
    with pytest.raises(NotReadyError, match="test item is still loading") as raised:
        context.once("test item", lambda: "built by a request", wait=0.05)
    assert raised.value.retry_after == 10
    assert context.once("test item", lambda: "built by a request", wait=5) == "built by the warm-up"
    # without a warm-up under way (a command, a test's app), ``once`` builds as asked
    assert Context(tmp_path / "none.sqlite").once("test item", lambda: "built", wait=0.05) == "built"


def test_a_stand_in_loads_no_classifier_and_is_not_ready(imported_db: Path, occupations) -> None:
    """A server's stand-in (which serves while the workers are prepared) answers pages, but a search waits briefly
    and then gets 503 with Retry-After, and it never says it is ready: only the workers do."""
    app = create_app(imported_db, warm=False)
    app.state.context.hold()
    with TestClient(app) as client:
        assert client.get("/occupations/29-1141").status_code == 200
        started = time.monotonic()
        searched = client.get("/api/v1/classify", params={"text": "Registered Nurse"})
        assert searched.status_code == 503 and searched.headers["Retry-After"] == "10"
        assert time.monotonic() - started >= 1.5  # it waited (``serving.WAIT_SECONDS``) before it said so
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["occupation classifier"] == "loading"


def test_a_first_start_serves_pages_while_a_child_process_builds_the_classifiers(imported_db: Path, occupations,
                                                                                programs, tmp_path: Path) -> None:
    """`serve --workers 2` on a store whose classifiers were never built: pages at once, searches 503 until one
    process has built each classifier (the workers wait for it, not build it twice), then both workers answer."""
    store = tmp_path / "store.sqlite"
    shutil.copy(imported_db, store)
    with serve_command("--db", str(store), "serve", "--workers", "2", "--no-access-log",
                       log=tmp_path / "server.log") as server:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = httpx.get(f"{server.url}/clusters/healthcare-human-services", timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.process.poll() is None, server.stderr()
                time.sleep(0.1)
        assert page.status_code == 200
        assert httpx.get(f"{server.url}/readyz", timeout=10).json()["checks"]["occupation classifier"] == "loading"
        coded = httpx.get(f"{server.url}/api/v1/classify", params={"text": "welder"}, timeout=10)
        assert coded.status_code == 503 and int(coded.headers["retry-after"]) > 0
        deadline = time.monotonic() + 600
        while httpx.get(f"{server.url}/readyz", timeout=10).status_code != 200:
            assert time.monotonic() < deadline and server.process.poll() is None, server.stderr()
            time.sleep(1)
        built = cache_path(store, "occupation").stat().st_mtime_ns
        pids = set()
        for _ in range(50):  # fresh connections reach both workers
            with httpx.Client(base_url=server.url, timeout=10) as http:
                answer = http.get("/api/v1/classify", params={"text": "welder"})
                assert answer.status_code == 200 and answer.json()["candidates"][0]["code"].startswith("51-4121")
                pids.add(http.get("/healthz").json()["pid"])
        assert len(pids) == 2
        assert cache_path(store, "occupation").stat().st_mtime_ns == built  # built once, by one process
    assert server.returncode == 0
