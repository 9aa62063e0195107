"""Web app and API under concurrent load, with the full data imported.

Starts `careerclusters serve` on a free localhost port, warms it, then sends a bounded number of requests
from several client threads over keep-alive connections. Reports per group (pages, API) the client-side
latency p50/p95/p99, the server time from the Server-Timing header (p50/p95/p99), requests per second and
errors. Baseline in the same run: the static stylesheet from the same server (no app logic); the ratio
compares p95 server times.

Run: .venv/bin/python -m benchmarks.web   (or scripts/bench web)
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from benchmarks.common import imported_store, machine

PAGES = ["/", "/clusters/healthcare-human-services", "/subclusters/physical-health?sort=wage",
         "/groupings/caring-communities", "/occupations/29-1141", "/programs/51.3801", "/search?q=nurse",
         "/original", "/original/pathways/o-therapeutic-services"]
API = ["/api/v1/clusters", "/api/v1/subclusters/physical-health", "/api/v1/occupations/29-1141",
       "/api/v1/subclusters/physical-health/contents?sort=wage", "/api/v1/programs/51.3801",
       "/api/v1/search?q=welder", "/api/v1/classify?text=registered%20nurse",
       "/api/v1/crosswalk?from=cip&to=soc&code=51.3801", "/api/v1/occupations?cluster=agriculture&limit=20",
       "/api/v1/transition/o-health-science"]
BASELINE = ["/static/style.css"]
THREADS = 4
ROUNDS = 40  # each thread requests every URL of a group this many times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def load(base: str, urls: list[str]) -> dict[str, object]:
    client_ms: list[float] = []
    server_ms: list[float] = []
    per_url: dict[str, list[float]] = {url: [] for url in urls}
    errors: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(ROUNDS):
                for url in urls:
                    started = time.perf_counter()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                    timing = response.headers.get("server-timing", "app;dur=nan").split("dur=")[-1]
                    with lock:
                        client_ms.append(elapsed)
                        server_ms.append(float(timing))
                        per_url[url].append(float(timing))
                        if response.status_code != 200:
                            errors.append(f"{url}: {response.status_code}")

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {"requests": len(client_ms), "rps": len(client_ms) / wall, "errors": errors,
            "client": [percentile(client_ms, p) for p in (0.5, 0.95, 0.99)],
            "server": [percentile(server_ms, p) for p in (0.5, 0.95, 0.99)],
            "server_mean": statistics.fmean(server_ms),
            "slowest": sorted(((percentile(v, 0.95), u) for u, v in per_url.items()), reverse=True)[:3]}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = imported_store(Path(tmp))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = [sys.executable, "-m", "careerclusters.cli", "--db", str(db), "serve", "--port", str(port)]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  env=os.environ | {"PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 600  # every worker builds the classifiers: minutes on a busy machine
            while True:  # wait until the server answers and its warm-up (classifier build) is done
                try:
                    if httpx.get(base + "/api/v1/classify?text=warm", timeout=60).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    server.terminate()  # so that reading its error output ends
                    sys.exit("the server did not start: " + server.communicate(timeout=20)[1].decode())
                time.sleep(0.5)
            settled = 0  # every worker warms up on its own: wait until fresh connections all answer fast
            while settled < 12 and time.monotonic() < deadline:
                started = time.perf_counter()
                httpx.get(base + "/api/v1/classify?text=warm", timeout=60)
                settled = settled + 1 if time.perf_counter() - started < 0.05 else 0
            for _ in range(3):  # fill every worker's caches
                for url in PAGES + API:
                    httpx.get(base + url, timeout=60)
            results = {name: load(base, urls) for name, urls in (("pages", PAGES), ("api", API),
                                                                  ("baseline", BASELINE))}
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"web app under load: {THREADS} client threads, keep-alive, `serve` with its default workers ({machine()})")
    print(f"{'group':9} {'requests':>8} {'req/s':>7} {'errors':>6}   client ms p50/p95/p99   server ms p50/p95/p99")
    for name, r in results.items():
        c, s = r["client"], r["server"]
        print(f"{name:9} {r['requests']:>8} {r['rps']:>7.0f} {len(r['errors']):>6}   "
              f"{c[0]:6.1f} {c[1]:6.1f} {c[2]:6.1f}       {s[0]:6.2f} {s[1]:6.2f} {s[2]:6.2f}")
        print("          slowest p95 server ms: " + "; ".join(f"{u} {t:.1f}" for t, u in r["slowest"]))
        for error in r["errors"][:5]:
            print("   error:", error)
    base_p95 = results["baseline"]["server"][1]
    for name in ("pages", "api"):
        print(f"{name}: server p95 {results[name]['server'][1]:.2f} ms "
              f"(budget {50 if name == 'pages' else 20} ms), {results[name]['server'][1] / base_p95:.1f}× the baseline")


if __name__ == "__main__":
    main()
