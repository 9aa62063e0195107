"""Career changers: how often the ranking finds the moves O*NET's analysts judged closest, and how long an answer
takes, with every official file imported.

O*NET lists, for each occupation, five "Primary-Short" related occupations: the ones its analysts judged most
closely related. With those lists left out of the ranking (the ``related`` weights set to 0), how many of each
occupation's five land in its top 10 measures the computed similarity alone; the blended ranking (the package's
rules, related lists in) is reported beside it. Baselines in the same run, over the same occupations:

- 10 occupations at random from the job's own SOC major group (the first two digits), a fixed seed;
- the 10 destinations with the most openings a year, whatever the job.

Only occupations that can be compared (O*NET describes their work) are candidates, for the ranking and the
baselines alike. Also reported: each part alone and added in turn, and one answer's time (the whole ``next_jobs``:
ranking, what each move adds, programs) p50 and p95 over 200 occupations, nationally and in an area, next to the
occupation page's own answer (``crosswalk.answers.occupation``) as the peer in the same run; and the ``/next-jobs``
page itself through the app (a job typed in words, read by the classifier, in an area), its requests interleaved
with the search page's (``/search``, the other page built from what a person typed) as the peer.

Run: .venv/bin/python -m benchmarks.changers   (or scripts/bench changers)
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.common import imported_store, machine
from careerclusters.changers import ChangeIndex, load_rules, next_jobs
from careerclusters.changers.figures import area_figures
from careerclusters.changers.ranking import score_moves
from careerclusters.changers.rules import Rules
from careerclusters.crosswalk.answers import occupation
from careerclusters.store import connect

TOP = 10
SEED = 7
TIMED = 200
AREA = "OH"
PAGE_REQUESTS = 60
PAGES = {"next-jobs": "/next-jobs?job={title}&area=OH", "search (peer)": "/search?q={title}"}
TITLES = ("truck driver", "cashier", "registered nurse", "warehouse worker", "retail manager", "medical assistant")


def _with_weights(rules: Rules, **weights: object) -> Rules:
    return rules.model_copy(update={"weights": rules.weights.model_copy(update=weights)})


def _hits(index: ChangeIndex, rules: Rules, jobs: dict[str, set[str]]) -> float:
    """The mean number of each job's Primary-Short related occupations in its top 10."""
    found = []
    for code, wanted in jobs.items():
        scores = score_moves(index, code, rules)
        top = {index.codes[row] for row in scores.ordered()[:TOP]}
        found.append(len(wanted & top))
    return statistics.fmean(found)


def _baselines(index: ChangeIndex, jobs: dict[str, set[str]]) -> tuple[float, float]:
    comparable = [c for c in index.codes if index.comparable(c)]
    by_major: dict[str, list[str]] = defaultdict(list)
    for code in comparable:
        by_major[code[:2]].append(code)
    rng = random.Random(SEED)
    at_random = []
    for code, wanted in jobs.items():
        pool = [c for c in by_major[code[:2]] if c != code]
        at_random.append(len(wanted & set(rng.sample(pool, min(TOP, len(pool))))))

    def openings(code: str) -> float:
        outlook = index.outlook.get(index.soc[code])
        return outlook.openings if outlook and outlook.openings is not None else -1.0

    largest = sorted(comparable, key=lambda c: (-openings(c), c))
    biggest = [len(wanted & set([c for c in largest if c != code][:TOP])) for code, wanted in jobs.items()]
    return statistics.fmean(at_random), statistics.fmean(biggest)


def _times(work: list) -> tuple[float, float]:  # noqa: ANN001 - callables
    spent = []
    for run in work:
        started = time.perf_counter()
        run()
        spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(spent), sorted(spent)[int(0.95 * (len(spent) - 1))]


def _pages(db: Path) -> dict[str, tuple[float, float]]:
    """p50 and p95 of each page through the app (warmed up as a server is), requests interleaved."""
    from fastapi.testclient import TestClient

    from careerclusters.server.app import create_app

    app = create_app(db, warm=False)
    app.state.context.warm()
    spent: dict[str, list[float]] = {name: [] for name in PAGES}
    with TestClient(app) as client:
        for number in range(PAGE_REQUESTS + len(TITLES)):
            for name, url in PAGES.items():
                started = time.perf_counter()
                response = client.get(url.format(title=TITLES[number % len(TITLES)]))
                if number >= len(TITLES):  # the first round of each title warms the area's figures and caches
                    spent[name].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, url
    return {name: (statistics.median(t), sorted(t)[int(0.95 * (len(t) - 1))]) for name, t in spent.items()}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = imported_store(Path(tmp))
        conn = connect(db, readonly=True)
        started = time.perf_counter()
        index = ChangeIndex.build(conn)
        built = time.perf_counter() - started
        jobs = {code: {r for r, tier in related.items() if tier == "Primary-Short"}
                for code, related in sorted(index.related.items()) if index.comparable(code)}
        jobs = {code: wanted for code, wanted in jobs.items() if wanted}
        rules = load_rules()
        alone = _with_weights(rules, related={tier: 0.0 for tier in rules.weights.related})
        nothing = {name: 0.0 for name in ("technologies", "ratings", "openings", "education_per_year",
                                          "pay_per_doubling")}
        steps = [
            ("work activities alone", _with_weights(alone, **nothing)),
            ("+ technologies", _with_weights(alone, **{**nothing, "technologies": rules.weights.technologies})),
            ("+ openings, education step, pay (all but the related lists)", alone),
            ("blended: + O*NET's related lists", rules),
        ]
        results = [(name, _hits(index, step, jobs)) for name, step in steps]
        at_random, biggest = _baselines(index, jobs)

        rng = random.Random(SEED)
        timed = rng.sample(sorted(jobs), TIMED)
        local = area_figures(conn, index, AREA)
        national = _times([lambda c=c: next_jobs(conn, c, index=index, rules=rules) for c in timed])
        in_area = _times([lambda c=c: next_jobs(conn, c, index=index, rules=rules, local=local) for c in timed])
        peer = _times([lambda c=c: occupation(conn, c) for c in timed])
        started = time.perf_counter()
        area_figures(conn, index, AREA)
        area_built = time.perf_counter() - started
        conn.close()
        pages = _pages(db)

    print(f"career changers on {len(jobs)} O*NET occupations with Primary-Short related lists ({machine()}); "
          f"ratings {'imported' if index.has_ratings else 'not imported (the shared O*NET copy lacks them)'}")
    print(f"Primary-Short related occupations (of 5) in the top {TOP}:")
    print(f"  {'baseline: 10 at random from the same major group':62} {at_random:5.2f}  ({at_random / 5:.0%})")
    print(f"  {'baseline: the 10 destinations with the most openings':62} {biggest:5.2f}  ({biggest / 5:.0%})")
    for name, hits in results:
        print(f"  {name:62} {hits:5.2f}  ({hits / 5:.0%}; {hits / at_random:.1f}x random, "
              f"{hits / biggest:.0f}x largest)")
    print(f"one answer (next_jobs, {TIMED} occupations, index kept): national p50 {national[0]:.1f} ms, "
          f"p95 {national[1]:.1f} ms; in {AREA} (its figures kept) p50 {in_area[0]:.1f} ms, p95 {in_area[1]:.1f} ms")
    print(f"peer in the same run: the occupation page's answer p50 {peer[0]:.1f} ms, p95 {peer[1]:.1f} ms "
          f"(next_jobs takes {national[0] / peer[0]:.1f}x); target p50 < 100 ms")
    print(f"built once and kept by a server: the index {built * 1000:.0f} ms; an area's figures "
          f"{area_built * 1000:.0f} ms")
    (page, p95), (peer_page, peer_p95) = pages["next-jobs"], pages["search (peer)"]
    print(f"the page through the app ({PAGE_REQUESTS} requests each, interleaved): /next-jobs (a title, in {AREA}) "
          f"p50 {page:.1f} ms, p95 {p95:.1f} ms; /search p50 {peer_page:.1f} ms, p95 {peer_p95:.1f} ms "
          f"({page / peer_page:.1f}x the search page)")


if __name__ == "__main__":
    main()
