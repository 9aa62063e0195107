"""What ``serve --fetch`` costs before the server starts when no publisher can be reached: the preparation
(``cli.server._prepare``) of a store that holds the framework, the bundled crosswalks and the OEWS bundle, with every
download refused (a mirror address where nothing listens, as a machine without a network refuses), on the first
start and on the next two.

Baseline, in the same run: the same preparation without ``--fetch``. The figures are the seconds each start spends
and its ratio to the baseline; the issue saw about 13 s on every offline start.

Run: scripts/bench offline_start (PYTHONPATH=../main/src with the same file measures the code before the change)
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import tempfile
import time
from pathlib import Path

from benchmarks.common import DATA, machine
from careerclusters.cli.server import _prepare
from careerclusters.store import connect, import_paths


def _refused() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def _start(store: Path, fetch: bool, mirror: str | None) -> tuple[float, int]:
    """Seconds one preparation takes, and how many lines it wrote about files it could not get."""
    told = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stderr(told):
        _prepare(store, fetch, mirror, None)
    lines = [line for line in told.getvalue().splitlines() if "could not" in line or "not fetched" in line]
    return time.perf_counter() - started, len(lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # no memory of earlier runs
        store = Path(tmp) / "bench.sqlite"
        conn = connect(store)
        import_paths(conn, [DATA / "bls-oews-bundle" / "oews-2025.sqlite.gz"])
        conn.close()
        mirror = _refused()
        floor, _ = _start(store, False, None)
        print(f"offline start, {machine()}; baseline (no --fetch): {floor:.2f} s")
        for run in ("first", "second", "third"):
            seconds, lines = _start(store, True, mirror)
            print(f"  --fetch, {run} start: {seconds:.2f} s ({seconds / floor:.1f}× the baseline), "
                  f"{lines} line(s) about what it could not get")


if __name__ == "__main__":
    main()
