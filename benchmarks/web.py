"""Web app and API under concurrent load, with the full data imported, and the server's memory.

Starts `careerclusters serve --workers 2` (the app loaded once, then forked) on a free localhost port and
sends requests from many concurrent clients over keep-alive connections (each client made and connected
before the phase's clock starts), each phase bounded in time:

- 8 clients for 15 s on the pages, then on the pages earlier runs measured (``earlier``: all but the career
  changers' ``/next-jobs``), then on the same pages in Spanish (``/es/…``), then on the API, then on
  the static stylesheet (the baseline: the same server with no app logic): requests, errors and 5xx,
  throughput, client and server p50/p95/p99, the most collector time inside one request (the ``gc;dur`` entry
  of ``Server-Timing``), the share answered from the page cache, and each worker's longest single collection
  pause (``/healthz``, timed by ``gc.callbacks`` from the end of warm-up). The Spanish pages are also read as a
  ratio to the English pages of the same run: they keep the same budgets.
- The same 8-client phase on a server with the page cache off, so the cost of rendering stays visible.
- 64 clients for 30 s on each group: the same figures, and the server's memory (PSS summed over its
  processes) before and after.

Then the same store is served the way uvicorn's own ``--workers`` does it (each worker a fresh process that
loads its own classifiers) to compare resident memory per worker: before and after the sharing.

Other work on the machine (other benchmarks, test runs) makes absolute latencies noisy: compare each group
with the baseline measured in the same run. Only 127.0.0.1 is ever targeted.

Run: .venv/bin/python -m benchmarks.web   (or scripts/bench web)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import httpx

from benchmarks.common import imported_store, machine
from careerclusters.pos.catalogue import import_files
from careerclusters.pos.examples import example_paths
from careerclusters.store import connect

PAGES = ["/", "/clusters/healthcare-human-services", "/subclusters/physical-health?sort=wage",
         "/groupings/caring-communities", "/occupations/29-1141", "/programs/51.3801", "/search?q=nurse",
         "/original", "/original/pathways/o-therapeutic-services", "/areas/3900000",
         "/areas/3900000/subclusters/physical-health", "/occupations/29-1141?area=OH",
         "/programs-of-study/example-registered-nursing",
         "/programs-of-study/example-registered-nursing/plan?finish=Grade+12&take=HS-402&done=HS-101",
         "/next-jobs?job=truck+driver&area=OH"]
API = ["/api/v1/clusters", "/api/v1/subclusters/physical-health", "/api/v1/occupations/29-1141",
       "/api/v1/subclusters/physical-health/contents?sort=wage", "/api/v1/programs/51.3801",
       "/api/v1/search?q=welder", "/api/v1/classify?text=registered%20nurse",
       "/api/v1/crosswalk?from=cip&to=soc&code=51.3801", "/api/v1/occupations?cluster=agriculture&limit=20",
       "/api/v1/transition/o-health-science", "/api/v1/areas/OH/subclusters",
       "/api/v1/areas/Columbus%2C%20OH/occupations/29-1141", "/api/v1/occupations/41-2031/next?area=OH"]
#: The pages runs before the career changers' page measured (``/next-jobs`` ranks what a person typed, so it is never
#: kept and costs 15 ms a request): the group to compare with their figures.
EARLIER_PAGES = [url for url in PAGES if not url.startswith("/next-jobs")]
#: The same pages in Spanish (``/es/…``), searching with a Spanish word: they keep the English pages' budgets.
PAGES_ES = ["/es" + url.replace("q=nurse", "q=enfermera") for url in PAGES]
BASELINE = ["/static/style.css"]
GROUPS = {"pages": PAGES, "earlier": EARLIER_PAGES, "pages-es": PAGES_ES, "api": API, "baseline": BASELINE}
WORKERS = 2
MAX_REQUESTS_PER_CLIENT = 50_000  # a second bound besides the time


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


def timing(header: str, name: str) -> float:
    """One entry's duration from a Server-Timing header (``app;dur=1.2, gc;dur=0.0``)."""
    for part in header.split(","):
        key, _, dur = part.strip().partition(";dur=")
        if key == name:
            return float(dur)
    return float("nan")


def warm(base: str, urls: list[str], passes: int = 3) -> None:
    """Open every URL a few times on fresh connections before measuring, so that each worker has drawn its
    charts and filled its caches (a page's first view pays for drawing its charts once per data version;
    steady serving is what the load phases measure)."""
    for _ in range(passes):
        for url in urls:
            httpx.get(base + url, timeout=120)


async def load(base: str, urls: list[str], clients: int, seconds: float) -> dict[str, object]:
    client_ms: list[float] = []
    server_ms: list[float] = []
    gc_ms: list[float] = []
    errors: list[str] = []
    kept = 0

    async def client(number: int, http: httpx.AsyncClient) -> None:
        nonlocal kept
        for i in range(MAX_REQUESTS_PER_CLIENT):
            if time.perf_counter() > deadline:
                return
            url = urls[(number + i) % len(urls)]
            started = time.perf_counter()
            try:
                response = await http.get(url)
            except httpx.HTTPError as exc:
                errors.append(f"{url}: {type(exc).__name__}")
                continue
            client_ms.append((time.perf_counter() - started) * 1000)
            header = response.headers.get("server-timing", "")
            server_ms.append(timing(header, "app"))
            gc_ms.append(timing(header, "gc"))
            kept += response.headers.get("x-cache") == "hit"
            if response.status_code != 200:
                errors.append(f"{url}: {response.status_code}")

    async with contextlib.AsyncExitStack() as stack:
        # Every client is made and has its connection open before the clock starts: making an httpx client
        # takes tens of milliseconds of this process's event loop, which would otherwise be counted in the
        # first answers of the clients made before it (300-500 ms at 8 clients).
        https = [await stack.enter_async_context(httpx.AsyncClient(base_url=base, timeout=60))
                 for _ in range(clients)]
        await asyncio.gather(*(http.get(urls[0]) for http in https))
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(client(n, http) for n, http in enumerate(https)))
        wall = time.perf_counter() - started
    return {"requests": len(client_ms), "rps": len(client_ms) / wall, "errors": errors,
            "5xx": sum(e.split(": ")[-1].startswith("5") for e in errors),
            "client": [percentile(client_ms, p) for p in (0.5, 0.95, 0.99)],
            "server": [percentile(server_ms, p) for p in (0.5, 0.95, 0.99)],
            "gc_max": max(gc_ms, default=float("nan")), "kept": kept / max(1, len(client_ms))}


def processes(root: int) -> list[int]:
    """The server process and its descendants (uvicorn's spawn helper processes excluded)."""
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            queue += [int(c) for c in task.read_text().split()]
    return [p for p in found if b"resource_tracker" not in Path(f"/proc/{p}/cmdline").read_bytes()]


def memory_mb(pid: int) -> dict[str, float]:
    """Resident (RSS) and proportional (PSS: shared pages divided among their sharers) memory of a process."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split()[:2]
        fields[name.rstrip(":")] = int(value) / 1024
    return {"rss": fields["Rss"], "pss": fields["Pss"]}


def memory(root: int) -> tuple[dict[str, float], list[dict[str, float]]]:
    """The parent's memory and each worker's."""
    pids = processes(root)
    return memory_mb(pids[0]), [memory_mb(p) for p in pids[1:]]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start a server and wait until every worker has warmed up (fresh connections all answer fast)."""
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 900  # a first start builds the classifiers
    settled = 0
    while settled < 12:
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            sys.exit("the server did not start: " + (server.stderr.read().decode() if server.stderr else ""))
        try:
            started = time.perf_counter()
            ok = httpx.get(base + "/api/v1/classify?text=warm", timeout=120).status_code == 200
            settled = settled + 1 if ok and time.perf_counter() - started < 0.1 else 0
        except httpx.HTTPError:
            time.sleep(0.5)
    for _ in range(2):  # fill every worker's caches
        for url in PAGES + PAGES_ES + API:
            httpx.get(base + url, timeout=60)
    return server


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=60)


def show(title: str, results: dict[str, dict[str, object]]) -> None:
    print(title)
    print(f"  {'group':9} {'requests':>8} {'req/s':>7} {'errors':>6} {'5xx':>4}   client ms p50/p95/p99   "
          f"server ms p50/p95/p99   most gc ms in a request   from the page cache")
    for name, r in results.items():
        c, s = r["client"], r["server"]
        print(f"  {name:9} {r['requests']:>8} {r['rps']:>7.0f} {len(r['errors']):>6} {r['5xx']:>4}   "
              f"{c[0]:6.1f} {c[1]:6.1f} {c[2]:6.1f}    {s[0]:6.2f} {s[1]:6.2f} {s[2]:6.2f}    {r['gc_max']:6.2f}"
              f"                      {r['kept']:.0%}")
        for error in r["errors"][:3]:
            print("     error:", error)
    base = results["baseline"]
    for name in ("pages", "earlier", "pages-es", "api"):
        r = results[name]
        print(f"  {name}: {r['rps'] / base['rps']:.2f}× the baseline's throughput, client p95 "
              f"{r['client'][1] / base['client'][1]:.1f}× and p99 {r['client'][2] / base['client'][2]:.1f}× the "
              f"baseline's")
    english, spanish = results["pages"], results["pages-es"]
    print(f"  pages in Spanish: {spanish['rps'] / english['rps']:.2f}× the English pages' throughput, client p95 "
          f"{spanish['client'][1] / english['client'][1]:.2f}× and server p95 "
          f"{spanish['server'][1] / english['server'][1]:.2f}× theirs")


def longest_pauses(base: str, workers: int) -> dict[int, str]:
    """Each worker's longest collector pause so far (wall / CPU ms), asking on fresh connections until all
    have answered."""
    found: dict[int, str] = {}
    for _ in range(200):
        health = httpx.get(base + "/healthz", timeout=30).json()
        found[health["pid"]] = f"{health['gc_longest_pause_ms']:.1f} / {health['gc_longest_pause_cpu_ms']:.1f}"
        if len(found) == workers:
            break
    return found


def show_memory(label: str, parent: dict[str, float], workers: list[dict[str, float]]) -> None:
    total = parent["pss"] + sum(w["pss"] for w in workers)
    print(f"  {label}: parent RSS {parent['rss']:.0f} MB; workers RSS "
          + ", ".join(f"{w['rss']:.0f}" for w in workers) + " MB, PSS "
          + ", ".join(f"{w['pss']:.0f}" for w in workers) + f" MB; all processes PSS {total:.0f} MB")


def serve(port: int) -> list[str]:
    return [sys.executable, "-m", "careerclusters.cli", "serve", "--port", str(port), "--workers", str(WORKERS),
            "--no-access-log"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = imported_store(Path(tmp))
        with closing(connect(db)) as conn:  # the program-of-study and planner pages show the examples
            import_files(conn, example_paths())
        env = os.environ | {"CAREERCLUSTERS_DB": str(db), "CAREERCLUSTERS_ACCESS_LOG": "0"}
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start(serve(port), port, env)
        try:
            warm(base, [url for urls in GROUPS.values() for url in urls])
            light = {name: asyncio.run(load(base, urls, 8, 15)) for name, urls in GROUPS.items()}
            light_pauses = longest_pauses(base, WORKERS)
            before = memory(server.pid)
            heavy = {name: asyncio.run(load(base, urls, 64, 30)) for name, urls in GROUPS.items()}
            after = memory(server.pid)
            all_pauses = longest_pauses(base, WORKERS)
        finally:
            stop(server)
        port = free_port()
        uncached = start(serve(port), port, env | {"CAREERCLUSTERS_PAGE_CACHE_MB": "0"})
        try:
            rendering = {name: asyncio.run(load(f"http://127.0.0.1:{port}", urls, 8, 15))
                         for name, urls in GROUPS.items()}
        finally:
            stop(uncached)
        port = free_port()
        spawned = start([sys.executable, "-m", "uvicorn", "careerclusters.server.app:app_from_environment", "--factory",
                         "--port", str(port), "--workers", str(WORKERS), "--log-level", "warning"], port, env)
        try:
            separate = memory(spawned.pid)
        finally:
            stop(spawned)
    print(f"web app under load: `serve --workers {WORKERS}`, keep-alive clients on 127.0.0.1 ({machine()}); other "
          "work on the machine makes absolute times noisy: read the ratios to the baseline of the same run")
    show("8 concurrent clients, 15 s per group", light)
    print("  longest single collector pause per worker, wall / CPU ms: " + "; ".join(light_pauses.values()))
    show("8 concurrent clients, 15 s per group, the page cache off (every page and answer rendered afresh)",
         rendering)
    show("64 concurrent clients, 30 s per group", heavy)
    print("  longest single collector pause per worker over the whole run, wall / CPU ms: "
          + "; ".join(all_pauses.values()))
    print("server memory")
    show_memory("serve, before the 64-client load", *before)
    show_memory("serve, after the 64-client load ", *after)
    show_memory("uvicorn --workers (each worker loads its own copy)", *separate)


if __name__ == "__main__":
    main()
