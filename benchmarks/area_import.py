"""What ``data import --industries`` costs: the all-areas OEWS bundle imported into a fresh store cross-industry
only (the default) and with every industry's rows, against a plain baseline in the same run.

Baseline: unpack the bundle and fetch every one of its cells with no conversion, checking or writing. The
issue's budget is 60 s for all areas.

Run: scripts/bench area_import
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import DATA, machine, read_bundle_cells
from careerclusters.store import connect
from careerclusters.store.importer import import_paths

BUNDLE = DATA / "bls-oews-bundle" / "oews-2025.sqlite.gz"


def baseline() -> float:
    started = time.perf_counter()
    read_bundle_cells(BUNDLE)
    return time.perf_counter() - started


def timed_import(industries: bool) -> tuple[float, float, int]:
    """Total seconds, seconds reading, and rows imported."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "bench.sqlite")
        started = time.perf_counter()
        (result,) = import_paths(conn, [BUNDLE], industries=industries)
        total = time.perf_counter() - started
        conn.close()
    return total, result.read_seconds, sum(result.rows.values())


def main() -> None:
    print(f"import of the all-areas OEWS bundle ({machine()})")
    base = baseline()
    plain = timed_import(industries=False)
    every = timed_import(industries=True)
    for label, (total, read, rows) in (("cross-industry (default)", plain), ("--industries", every)):
        print(f"{label:26} {rows:>9,} rows  read {read:6.2f} s  write {total - read:6.2f} s  total {total:6.2f} s "
              f"(budget 60 s)  /baseline {total / base:.2f}")
    print(f"baseline, unpack and fetch every cell, no checks, no writes: {base:.2f} s")
    print(f"--industries costs {every[0] - plain[0]:.2f} s more ({every[0] / plain[0]:.2f}× the default)")


if __name__ == "__main__":
    main()
