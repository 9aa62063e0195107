"""Drawing the charts, with the full data imported: milliseconds to draw each kind of chart as inline SVG
(cleaned for the Content-Security-Policy) and as PNG, and the size of the SVG. This is what the first view
of a page pays; later views take charts from the cache. Baseline in the same run: an empty figure of the
same size drawn the same way, so the ratio says what each chart adds over matplotlib's fixed cost.

Run: .venv/bin/python -m benchmarks.charts   (or scripts/bench charts)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import imported_store, machine

ROUNDS = 5


def timed(work: Callable[[], object]) -> float:
    """Median milliseconds of ``ROUNDS`` runs, after one run to warm caches (fonts, imports)."""
    work()
    runs = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        work()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    from careerclusters import charts
    from careerclusters.crosswalk import answers
    from careerclusters.framework import Level, load_framework
    from careerclusters.store import connect

    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(imported_store(Path(tmp)), readonly=True)
        national = answers.national(conn)
        nurse = answers.occupation(conn, "29-1141")
        physical = answers.contents(conn, "physical-health", Level.SUBCLUSTER).occupations
        fw = load_framework()
        health = fw.get("healthcare-human-services")
        subs = [(s.name, "", answers.contents(conn, s.id, Level.SUBCLUSTER).occupations) for s in fw.children(health)]
        clusters = [charts.ClusterJobs(c.name, "", g.name, charts.grouping_colour(g.id),
                                       sum(o.employment_k or 0 for o in answers.contents(conn, c.id, Level.CLUSTER)
                                           .occupations)) for g in fw.groupings() for c in fw.children(g)]
        program = answers.program(conn, "51.3801")
        specs = [charts.wage_range(nurse.title, nurse.wage, national), charts.outlook(nurse.title, nurse.outlook),
                 charts.interest_profile(nurse.title, nurse.riasec),
                 charts.occupations_scatter("Physical Health", physical, national.highest_wage),
                 charts.subclusters_by_size_and_pay(health.name, subs, "#b23c17", national.highest_wage),
                 charts.cluster_shares("The career clusters", clusters, national.outlook.employment_base_k),
                 charts.program_occupations(program.title, program.occupations, national.highest_wage)]
        conn.close()
    empty = charts.ChartSpec("empty", "", "", charts.Table((), ()), lambda figure: [], (7.6, 3.0))
    baseline = timed(lambda: charts.render(empty))
    print(f"chart drawing, median of {ROUNDS} ({machine()}); baseline: an empty figure {baseline:.1f} ms")
    print(f"{'chart':34} {'svg ms':>7} {'png ms':>7} {'svg KB':>7} {'× baseline':>10}")
    for spec in specs:
        svg_ms = timed(lambda spec=spec: charts.render(spec))
        png_ms = timed(lambda spec=spec: charts.png(spec))
        size = len(charts.render(spec).svg.encode()) / 1024
        print(f"{spec.title[:34]:34} {svg_ms:7.1f} {png_ms:7.1f} {size:7.1f} {svg_ms / baseline:10.1f}")


if __name__ == "__main__":
    main()
