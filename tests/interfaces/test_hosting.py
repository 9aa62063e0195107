"""What hosting the app on the public internet needs: security headers on every response, limits with
clear answers, health and readiness endpoints, and the access log."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

import careerclusters
from careerclusters.base.errors import CareerClustersError
from careerclusters.cli.server import exposure_warning
from careerclusters.server.app import create_app
from careerclusters.server.settings import Settings
from tests.helpers import serve_command

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@pytest.fixture(scope="module")
def client(imported_db: Path) -> TestClient:
    app = create_app(imported_db, warm=False, settings=Settings(max_body_bytes=10_000, max_texts=3))
    app.state.context.warm()
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


def test_upload_size_and_row_count_are_limited(imported_db: Path) -> None:
    client = TestClient(create_app(imported_db, warm=False, settings=Settings(max_upload_bytes=300,
                                                                              max_upload_rows=2)))
    big = "program,cip\n" + "Welding,48.0508\n" * 30  # 480 bytes
    response = client.post("/reports/alignment", files={"programs": ("big.csv", big)}, data={"area": "OH"})
    assert response.status_code == 413 and "larger than 0 kB (CAREERCLUSTERS_MAX_UPLOAD_BYTES)" in response.text
    three = "program,cip\nWelding,48.0508\nNursing,51.3801\nCulinary Arts,12.0503\n"
    response = client.post("/reports/alignment", files={"programs": ("three.csv", three)}, data={"area": "OH"})
    assert response.status_code == 422
    assert "three.csv has 3 programs: at most 2 a report (CAREERCLUSTERS_MAX_UPLOAD_ROWS)" in response.text
    assert response.headers["content-security-policy"] == CSP


def test_settings_from_the_environment() -> None:
    settings = Settings.from_environment({"CAREERCLUSTERS_HTTPS": "yes", "CAREERCLUSTERS_MAX_TEXTS": "50",
                                          "CAREERCLUSTERS_MAX_BODY_BYTES": "2_000_000"})
    assert (settings.https, settings.max_texts, settings.max_body_bytes, settings.max_query_bytes) == (
        True, 50, 2_000_000, 4096)
    assert Settings.from_environment(settings.environment()) == settings
    with pytest.raises(CareerClustersError, match="CAREERCLUSTERS_MAX_TEXTS='many': not a whole number"):
        Settings.from_environment({"CAREERCLUSTERS_MAX_TEXTS": "many"})


# -- operations --------------------------------------------------------------------------------------------

def test_health_and_readiness(imported_db: Path) -> None:
    app = create_app(imported_db, warm=False)
    client = TestClient(app)
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["pid"] == os.getpid() and health["gc_collections"] >= 0
    waiting = client.get("/readyz")
    assert waiting.status_code == 503
    assert waiting.json() == {"ready": False, "checks": {"store": "ok", "occupation classifier": "loading",
                                                         "program classifier": "loading",
                                                         "career changers index": "loading"}}
    app.state.context.warm()
    assert client.get("/readyz").json() == {"ready": True, "checks": {
        "store": "ok", "occupation classifier": "ok", "program classifier": "ok", "career changers index": "ok"}}


def test_search_work_leaves_the_event_loop_until_warm_up_is_done(imported_db: Path) -> None:
    """Before warm-up a search may have to load a classifier (seconds): a thread does it, so the loop keeps
    answering; after warm-up the same few milliseconds run on the loop (see ``Context.compute``)."""
    app = create_app(imported_db, warm=False)
    context = app.state.context

    async def where() -> tuple[int, int]:
        return threading.get_ident(), await context.compute(threading.get_ident)

    loop_thread, worker = asyncio.run(where())
    assert worker != loop_thread
    with TestClient(app) as client:
        cold = client.get("/api/v1/search", params={"q": "registered nurse"}).json()
        context.warm()
        assert client.get("/api/v1/search", params={"q": "registered nurse"}).json() == cold
        assert cold["occupations"][0]["code"] == "29-1141.00"
    loop_thread, worker = asyncio.run(where())
    assert worker == loop_thread


def test_ready_on_the_framework_alone_and_not_with_a_broken_store(tmp_path: Path) -> None:
    alone = TestClient(create_app(tmp_path / "none.sqlite", warm=False))
    assert alone.get("/readyz").json()["checks"]["occupation classifier"] == "not imported"
    assert alone.get("/readyz").status_code == 200
    broken = tmp_path / "broken.sqlite"
    broken.write_text("not a database")
    response = TestClient(create_app(broken, warm=False)).get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["store"].startswith("unreadable")


def test_access_log_has_method_path_status_and_time_but_no_query(client: TestClient,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="careerclusters.access"):
        client.get("/api/v1/search", params={"q": "jane doe 555-0100"})
    [line] = [r.getMessage() for r in caplog.records if r.name == "careerclusters.access"]
    assert re.fullmatch(r"GET /api/v1/search 200 \d+\.\dms", line)


def test_the_server_opens_the_store_read_only(client: TestClient) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        client.app.state.context.conn.execute("CREATE TABLE intruder (x)")


def test_serving_on_every_interface_is_flagged() -> None:
    assert exposure_warning("127.0.0.1") is None and exposure_warning("localhost") is None
    assert exposure_warning("0.0.0.0").startswith("warning: listening on every network interface (0.0.0.0)")
    assert exposure_warning("::") is not None


def test_serve_forks_workers_that_share_the_loaded_app_and_stop_gracefully(imported_db: Path, occupations, programs,
                                                                           tmp_path: Path) -> None:
    """`careerclusters serve` on localhost with two workers: both become ready and answer, the access log is
    written, and SIGTERM stops every process cleanly. (The classifiers' cache files are built by the fixtures: a
    worker maps them in milliseconds.)"""
    with serve_command("--db", str(imported_db), "serve", "--workers", "2", log=tmp_path / "server.log") as server:
        pids: set[int] = set()
        deadline = time.monotonic() + 120
        while len(pids) < 2 and time.monotonic() < deadline and server.process.poll() is None:
            try:
                with httpx.Client(base_url=server.url, timeout=10) as http:  # a new connection
                    if http.get("/readyz").json()["ready"]:  # this worker has built what it warms up
                        pids.add(http.get("/healthz").json()["pid"])
                    else:
                        time.sleep(0.2)
            except httpx.TransportError:
                time.sleep(0.5)
        assert len(pids) == 2, "two workers answered"
        assert all(p != server.process.pid for p in pids)
    assert server.returncode == 0  # SIGTERM stopped every process cleanly
    text = server.stderr()
    assert re.search(r"\[\d+\] GET /healthz 200 \d+\.\dms", text) and "warning" not in text


def test_a_worker_that_dies_is_replaced_and_the_supervisor_holds_no_app(imported_db: Path, occupations, programs,
                                                                       tmp_path: Path) -> None:
    """The workers are the supervisor's children (adopted from the template process that created the app); the
    supervisor itself never loads the app, and a worker killed outright is replaced by one that answers."""
    with serve_command("--db", str(imported_db), "serve", "--workers", "2", "--no-access-log",
                       log=tmp_path / "server.log") as server:
        def workers() -> set[int]:
            return {int(pid) for task in Path(f"/proc/{server.process.pid}/task").iterdir()
                    for pid in (task / "children").read_text().split()}

        deadline = time.monotonic() + 120
        while len(workers()) != 2 or not _ready(server.url):  # three while the stand-in is still stopping
            assert time.monotonic() < deadline and server.process.poll() is None, server.stderr()
            time.sleep(0.2)
        first = workers()
        supervisor = Path(f"/proc/{server.process.pid}/maps").read_text()
        assert "numpy" not in supervisor and "pydantic" not in supervisor  # neither the app nor the command line
        assert Path(f"/proc/{server.process.pid}/cmdline").read_bytes().split(b"\0")[1:3] == [
            b"-m", b"careerclusters.server.supervisor"]
        victim = min(first)
        os.kill(victim, 9)
        while len(workers() - {victim}) < 2 or not _ready(server.url):
            assert time.monotonic() < deadline + 60 and server.process.poll() is None, server.stderr()
            time.sleep(0.2)
        assert victim not in workers()
        for _ in range(20):  # fresh connections reach both, the new one included
            with httpx.Client(base_url=server.url, timeout=10) as http:
                assert http.get("/api/v1/classify", params={"text": "welder"}).status_code == 200
    assert server.returncode == 0
    assert f"worker {victim} stopped" in server.stderr()
    assert server.stderr().count("stopped") == 1  # the stand-in's end is no worker's death


def _ready(url: str) -> bool:
    try:
        with httpx.Client(base_url=url, timeout=10) as http:  # a new connection: any worker
            return http.get("/readyz").status_code == 200
    except httpx.TransportError:
        return False




def test_a_failed_start_leaves_no_stand_in_behind(tmp_path: Path) -> None:
    """When the template process fails after forking its stand-in, the supervisor stops the stand-in and ends
    with one error line. Run in a fresh interpreter: the supervisor makes its process adopt orphans, and the
    template's work is replaced by one that forks a stand-in (a sleeping process) and then fails."""
    pid_file = tmp_path / "stand-in.pid"
    code = f"""
import os, socket, time
from pathlib import Path
from careerclusters.server import server, supervisor

def failing(db_path, sock, count, stand_ins, tell):
    pid = os.fork()
    if pid == 0:  # as a stand-in does, it lets go of the pipe to the supervisor
        os.close(tell)
        time.sleep(60)
        os._exit(0)
    Path({str(pid_file)!r}).write_text(str(pid))
    os.write(tell, f"stand-ins {{pid}}\\n".encode())
    raise RuntimeError("the store could not be read")

server.start_workers = failing
try:
    supervisor.Supervisor(Path("none.sqlite"), socket.socket(), 2).start(2, stand_ins=1)
except SystemExit as stopped:
    print(stopped)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=os.environ | {"PYTHONPATH": str(Path(careerclusters.__file__).parents[1])})
    assert done.stdout.strip() == "error: the server's workers could not be started (see above)"
    assert "RuntimeError: the store could not be read" in done.stderr
    stand_in = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while Path(f"/proc/{stand_in}").exists() and "Z" not in _state(stand_in):
        assert time.monotonic() < deadline, "the stand-in was left running"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_where_orphans_cannot_be_adopted_the_supervisor_forks_logging_workers(imported_db: Path, occupations,
                                                                             programs, tmp_path: Path) -> None:
    """The path for systems without a child subreaper (macOS): the supervisor prepares the app itself and forks the
    workers, which answer and write the access log as a template's workers do."""
    code = f"""
import os, signal, socket, time, httpx
from pathlib import Path
from careerclusters.server import supervisor

supervisor.adopt_orphans = lambda: False
sock = supervisor.listening("127.0.0.1", 0)
running = supervisor.Supervisor(Path({str(imported_db)!r}), sock, 2)
running.start(2)
port = sock.getsockname()[1]
status = None
for _ in range(100):
    try:
        status = httpx.get(f"http://127.0.0.1:{{port}}/healthz", timeout=10).status_code
        break
    except httpx.TransportError:
        time.sleep(0.1)
print(status, len(running.children))
running.stop(signal.SIGTERM, None)
for pid in list(running.children):
    os.waitpid(pid, 0)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=os.environ | {"PYTHONPATH": str(Path(careerclusters.__file__).parents[1]),
                                            "CAREERCLUSTERS_ACCESS_LOG": "1"})
    assert done.stdout.split() == ["200", "2"], done.stderr
    assert re.search(r"\[\d+\] GET /healthz 200 \d+\.\dms", done.stderr), done.stderr
