"""Start-up and memory, side by side with sockit 0.3.1 (a job-title-to-SOC coder with a command line) in one run.

Whole commands, as a person types them, each timed from process start to exit (the median of several runs on a
warm page cache, the classifiers' cache files built):

- ``careerclusters --help`` against ``sockit --help``;
- ``careerclusters classify "Registered Nurse"`` against ``sockit title -i`` a one-row CSV of the same title
  (sockit reads titles only from a file);
- 1,000 held-out titles from ``../shared/eval/titles-dev.csv`` written to a file by each.

Then the server, ``careerclusters serve --workers 2``: time from the command's start to the first 200 on a page,
and to ``/readyz`` answering 200 (the classifiers loaded in every worker answering), on a first start that must
build the classifiers' cache files and on later starts that map them; and the whole server's proportional memory
(PSS from ``/proc/PID/smaps_rollup``: the supervisor and both workers summed, shared pages divided among their
sharers) once ready and after every page and API route of ``benchmarks.web`` has been answered twice.

sockit is installed into this environment when missing (``pip install sockit==0.3.1``); it is not a dependency
of the project. Other work on the machine makes absolute times noisy: read the ratios of the same run.

Run: .venv/bin/python -m benchmarks.startup   (or scripts/bench startup)
"""

from __future__ import annotations

import csv
import importlib.metadata
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import httpx

from benchmarks.common import SHARED, imported_store, machine
from benchmarks.web import API, PAGES, free_port, memory_mb, processes
from careerclusters.classifier.service import cache_path
from careerclusters.pos.catalogue import import_files
from careerclusters.pos.examples import example_paths
from careerclusters.store import connect

SOCKIT = "0.3.1"
RUNS = 7
FILE_RUNS = 3
TITLES = 1_000
WORKERS = 2
POLL_SECONDS = 0.02


def sockit_command() -> list[str]:
    """The ``sockit`` command of this environment, installed first if it is missing or another version."""
    try:
        installed = importlib.metadata.version("sockit")
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if installed != SOCKIT:
        print(f"installing sockit=={SOCKIT} for the comparison (not a dependency of careerclusters)")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", f"sockit=={SOCKIT}"], check=True)
    return [str(Path(sys.executable).with_name("sockit"))]


def careerclusters_command() -> list[str]:
    """The console command as installed next to this Python (what a person runs), else the module."""
    script = Path(sys.executable).with_name("careerclusters")
    return [str(script)] if script.exists() else [sys.executable, "-m", "careerclusters.cli"]


def wall(command: list[str], env: dict[str, str], runs: int) -> float:
    """The median wall time of ``command`` from start to exit, in seconds (after one untimed run)."""
    times = []
    for attempt in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if attempt:
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def write_titles(path: Path, titles: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title"])
        writer.writerows([t] for t in titles)
    return path


def first_titles(count: int) -> list[str]:
    with (SHARED / "eval" / "titles-dev.csv").open(encoding="utf-8") as source:
        return [row["title"] for row, _ in zip(csv.DictReader(source), range(count), strict=False)]


def commands(db: Path, folder: Path, env: dict[str, str]) -> None:
    ours, theirs = careerclusters_command(), sockit_command()
    one = write_titles(folder / "one.csv", ["Registered Nurse"])
    many = write_titles(folder / "titles.csv", first_titles(TITLES))
    cases = [
        ("--help", ours + ["--help"], theirs + ["--help"], RUNS),
        ('classify "Registered Nurse"', ours + ["--db", str(db), "classify", "Registered Nurse"],
         theirs + ["title", "-i", str(one)], RUNS),
        (f"{TITLES:,} titles to a file", ours + ["--db", str(db), "classify", "-i", str(many), "-o",
                                                 str(folder / "ours.csv")],
         theirs + ["title", "-i", str(many), "-o", str(folder / "theirs.jsonl")], FILE_RUNS),
    ]
    print(f"whole commands, median wall time of {RUNS} runs ({FILE_RUNS} for the file), warm page cache")
    print(f"  {'command':30} {'careerclusters s':>16} {'sockit s':>9} {'ratio':>6}")
    for label, mine, peer, runs in cases:
        a, b = wall(mine, env, runs), wall(peer, env, runs)
        print(f"  {label:30} {a:16.2f} {b:9.2f} {a / b:6.2f}")


def until(check: Callable[[], bool], started: float, server: subprocess.Popen[bytes], limit: float) -> float:
    """Seconds from ``started`` until ``check`` holds, polling on fresh connections."""
    while not check():
        if server.poll() is not None or time.perf_counter() - started > limit:
            server.kill()
            sys.exit("the server did not start: " + (server.stderr.read().decode() if server.stderr else ""))
        time.sleep(POLL_SECONDS)
    return time.perf_counter() - started


def answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=30).status_code == 200
    except httpx.TransportError:
        return False


def serve_once(label: str, env: dict[str, str]) -> None:
    """Start the server, time its first page and its readiness, measure its memory, stop it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = subprocess.Popen(careerclusters_command() + ["serve", "--port", str(port), "--workers", str(WORKERS),
                                                          "--no-access-log"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        page = until(lambda: answers(base + "/occupations/29-1141"), started, server, 600)
        ready = until(lambda: answers(base + "/readyz"), started, server, 900)
        # every worker ready: a run of fresh connections all answer a search
        until(lambda: all(answers(base + "/api/v1/classify?text=nurse") for _ in range(8)), started, server, 900)
        at_ready = [memory_mb(pid) for pid in processes(server.pid)]
        for _ in range(2):
            for url in PAGES + API:
                httpx.get(base + url, timeout=60)
        served = [memory_mb(pid) for pid in processes(server.pid)]
    finally:
        server.terminate()
        server.wait(timeout=60)

    def pss(rows: list[dict[str, float]]) -> str:
        return f"{sum(r['pss'] for r in rows):.0f} MB (" + " + ".join(f"{r['pss']:.0f}" for r in rows) + ")"

    print(f"  {label:22} {page:6.2f} {ready:8.2f}   {pss(at_ready):28} {pss(served)}")


def server(db: Path, env: dict[str, str]) -> None:
    print(f"serve --workers {WORKERS}: seconds from the command's start to the first 200 on /occupations/29-1141"
          " and to /readyz 200; whole server PSS (supervisor + workers)")
    print(f"  {'start':22} {'page s':>6} {'ready s':>8}   {'PSS when ready':28} PSS after every page and route x2")
    for kind in ("occupation", "program"):  # the classifiers' cache files: a first start builds them
        cache_path(db, kind).unlink(missing_ok=True)
    serve_once("first (builds models)", env)
    for run in range(3):
        serve_once(f"later #{run + 1}", env)


def main() -> None:
    print(f"start-up and memory against sockit {SOCKIT} ({machine()})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = imported_store(folder)
        with closing(connect(db)) as conn:  # the program-of-study pages show the examples
            import_files(conn, example_paths())
        env = os.environ | {"CAREERCLUSTERS_DB": str(db), "CAREERCLUSTERS_ACCESS_LOG": "0"}
        server(db, env)  # first: it builds the classifiers' cache files the commands then use
        commands(db, folder, env)


if __name__ == "__main__":
    main()
