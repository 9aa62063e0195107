"""The first run of ``careerclusters serve``: with a mirror, the complete store; offline, the framework and the bundled
crosswalks served, and what is missing said."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import httpx

from careerclusters.cli.server import _prepare
from careerclusters.data import status as data_status
from careerclusters.store import connect, status
from tests.helpers import Command, serve_command


def test_first_run_with_a_mirror_gives_the_complete_store(data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "first.sqlite"
    _prepare(db, fetch=True, mirror=str(data_dir), contact=None)
    conn = connect(db, readonly=True)
    assert data_status.missing(conn) == []
    assert conn.execute("SELECT a_median FROM oews_wage WHERE soc = '29-1141' AND o_group = 'detailed'"
                        ).fetchone()[0] == 97550
    origins = {e["kind"]: e["origin"] for e in status(conn)}
    assert origins["advance-cte-soc"] == "bundled" and origins["bls-oews"] == "imported"


def test_first_run_offline_serves_the_bundle_and_says_what_is_missing(tmp_path: Path) -> None:
    """`serve --fetch` with no network: the downloads fail at once, once per server, the server starts, and a
    sub-cluster page lists its occupations and programs from the bundled crosswalks and says plainly what it
    cannot show, with no instructions for visitors; the next start does not ask the unreachable server again."""
    env = {**os.environ, "CAREERCLUSTERS_DB": str(tmp_path / "offline.sqlite"),
           "CAREERCLUSTERS_DATA_MIRROR": "http://127.0.0.1:9", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with serve_command("serve", "--fetch", "--workers", "1", log=tmp_path / "server.log", env=env) as server:
        page = _first_page(server, "/subclusters/physical-health")
        html = " ".join(page.text.split())
        assert "29-1141" in html and "Registered Nurses" in html
        assert "51.3801" in html and "Registered Nursing/Registered Nurse" in html
        assert "This page cannot show wages (BLS OEWS, national)" in html
        assert "data fetch" not in html and "Not imported" not in html
    err = server.stderr()
    refused = [line for line in err.splitlines() if "could not be reached" in line]
    assert refused == ["127.0.0.1:9 could not be reached (the connection was refused), so no occupation details: "
                       "descriptions, titles, tasks, interests and education (O*NET); program titles and definitions "
                       "(CIP 2020); the occupations each program leads to (CIP to SOC); secondary course codes and "
                       "titles (SCED); wages (BLS OEWS, national); "
                       "wages and employment in every state, metro and nonmetropolitan area (BLS OEWS); employment "
                       "outlook and entry education (BLS projections)"], err
    assert "HTTPConnectionPool" not in err and "Serving the framework and the bundled crosswalks" in err

    with serve_command("serve", "--fetch", "--workers", "1", log=tmp_path / "again.log", env=env) as again:
        _first_page(again, "/")
    err = again.stderr()
    assert "127.0.0.1:9 could not be reached (the connection was refused, at " in err
    assert "not tried again until a day has passed" in err and "serve --fetch --retry" in err


def _first_page(server: Command, path: str) -> httpx.Response:
    """The first answer of a server that is starting, waiting up to a minute."""
    for _ in range(120):
        with contextlib.suppress(httpx.TransportError):
            page = httpx.get(f"{server.url}{path}", timeout=5)
            assert page.status_code == 200
            return page
        if server.process.poll() is not None:
            break
        time.sleep(0.5)
    raise AssertionError(server.stderr() if server.process.poll() is not None else "no answer")
