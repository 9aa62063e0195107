"""The first run of ``careerclusters serve``: with a mirror, the complete store; offline, the framework and the bundled
crosswalks served, and what is missing said."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import httpx

from careerclusters.cli.server import _prepare
from careerclusters.data import fetch as fetching
from careerclusters.store import connect, status
from tests.helpers import serve_command


def test_first_run_with_a_mirror_gives_the_complete_store(data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "first.sqlite"
    _prepare(db, fetch=True, mirror=str(data_dir), contact=None)
    conn = connect(db, readonly=True)
    assert fetching.missing(conn) == []
    assert conn.execute("SELECT a_median FROM oews_wage WHERE soc = '29-1141' AND o_group = 'detailed'"
                        ).fetchone()[0] == 97550
    origins = {e["kind"]: e["origin"] for e in status(conn)}
    assert origins["advance-cte-soc"] == "bundled" and origins["bls-oews"] == "imported"


def test_first_run_offline_serves_the_bundle_and_says_what_is_missing(tmp_path: Path) -> None:
    """`serve --fetch` with no network: the downloads fail fast, the server starts, and a sub-cluster page
    lists its occupations and programs from the bundled crosswalks and says how to add the rest."""
    env = {**os.environ, "CAREERCLUSTERS_DB": str(tmp_path / "offline.sqlite"),
           "CAREERCLUSTERS_DATA_MIRROR": "http://127.0.0.1:9", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with serve_command("serve", "--fetch", "--workers", "1", log=tmp_path / "server.log", env=env) as server:
        page = None
        for _ in range(120):
            with contextlib.suppress(httpx.TransportError):
                page = httpx.get(f"{server.url}/subclusters/physical-health", timeout=5)
                break
            if server.process.poll() is not None:
                break
            time.sleep(0.5)
        assert page is not None and page.status_code == 200, (
            server.stderr() if server.process.poll() is not None else "no answer")
        html = " ".join(page.text.split())
        assert "29-1141" in html and "Registered Nurses" in html
        assert "51.3801" in html and "Registered Nursing/Registered Nurse" in html
        assert "Not imported yet: occupation details" in html and "careerclusters data fetch" in html
    err = server.stderr()
    assert "not fetched, so no wages (BLS OEWS, national)" in err
    assert "Serving the framework and the bundled crosswalks" in err
