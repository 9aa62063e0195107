"""Import and check a 500-program state catalog (CSV, one row per course), against a plain baseline.

The catalog is generated from the project's example programs of study that the CSV layout holds (the version 1
ones, each copied under new ids, 500 in all, about 5,000 course rows). Timed: reading and validating the CSV into
models, the atomic import into a store that holds every official file, and the checker's run over all 500
programs (its reference data loaded once) on the programs the import read. Baseline: ``csv.reader`` over the
same file, doing nothing with the rows. Budget: 5 s for import and validation together.

Also timed: the state matrix workbook, written and read back (``pos export --format xlsx`` and ``pos import``) for a
version 2 example, against writing and reading the same program as YAML.

Run: scripts/bench programs_of_study
"""

from __future__ import annotations

import csv
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import imported_store, machine
from careerclusters.pos import catalogue as pos
from careerclusters.pos import files, version1
from careerclusters.pos.checker import Checker
from careerclusters.pos.examples import examples
from careerclusters.store import connect

PROGRAMS = 500
ROUNDS = 3
BUDGET_S = 5.0


def catalog(path: Path) -> int:
    """Write a catalog of ``PROGRAMS`` programs; returns its number of course rows."""
    models = [p for p in examples(flawed=False) if not version1.missing(p)]
    generated = [models[i % len(models)].model_copy(update={"id": f"bench-{i:04d}", "title": f"Program {i}"})
                 for i in range(PROGRAMS)]
    path.write_text(files.to_csv(generated), encoding="utf-8")
    return sum(len(p.courses()) for p in generated)


def baseline(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        sum(1 for _ in csv.reader(handle))
    return time.perf_counter() - started


def fresh_copy(store: Path, folder: Path, n: int) -> Path:
    copy = folder / f"round{n}.sqlite"
    source, dest = sqlite3.connect(store), sqlite3.connect(copy)
    source.backup(dest)
    source.close()
    dest.close()
    return copy


def one_round(store: Path, path: Path) -> tuple[float, float, int]:
    """(import seconds, validation seconds, findings) on a fresh copy of the store."""
    conn = connect(store)
    started = time.perf_counter()
    found = pos.read_files([path])
    imported = pos.import_programs(conn, found)
    imported_at = time.perf_counter()
    checker = Checker(conn)
    findings = sum(len(checker.check(p).findings) for _, _, p in found)
    done = time.perf_counter()
    conn.close()
    assert len(imported) == PROGRAMS
    return imported_at - started, done - imported_at, findings


def workbook_round_trip(rounds: int = 20) -> tuple[float, float, int]:
    """(seconds for the workbook, seconds for YAML, the workbook's bytes): a version 2 example written and read
    back, median of ``rounds``."""
    from careerclusters.pos import workbook

    program = next(p for p in examples() if version1.missing(p))
    book, text = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        assert workbook.parse_workbook(workbook.write(program), "bench.xlsx") == [program]
        middle = time.perf_counter()
        assert files.parse(files.to_yaml(program), "bench.yaml") == [program]
        book.append(middle - started)
        text.append(time.perf_counter() - middle)
    return statistics.median(book), statistics.median(text), len(workbook.write(program))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("setting up a store with every official file (not timed)…", flush=True)
        store = imported_store(folder)
        path = folder / "catalog.csv"
        rows = catalog(path)
        runs = [one_round(fresh_copy(store, folder, n), path) for n in range(ROUNDS)]
        base = statistics.median(baseline(path) for _ in range(ROUNDS))
        size_mb = path.stat().st_size / 1e6
    imports, checks = [r[0] for r in runs], [r[1] for r in runs]
    total = statistics.median(i + c for i, c in zip(imports, checks, strict=True))
    print(f"programs of study: {PROGRAMS} programs, {rows:,} course rows, {size_mb:.1f} MB CSV "
          f"({machine()}); median of {ROUNDS} rounds")
    print(f"import (read, validate, one transaction): {statistics.median(imports):.2f} s")
    print(f"check all {PROGRAMS} (reference data loaded once, {runs[0][2]:,} findings): "
          f"{statistics.median(checks):.2f} s")
    print(f"import + validation: {total:.2f} s (budget {BUDGET_S:.0f} s: {'met' if total < BUDGET_S else 'MISSED'})")
    print(f"baseline, csv.reader over the same file: {base * 1000:.1f} ms; ratio {total / base:.0f}x")
    if any(version1.missing(p) for p in examples()):
        book, text, size = workbook_round_trip()
        print(f"state matrix workbook, written and read back ({size / 1000:.0f} kB): {book * 1000:.0f} ms; the same "
              f"program as YAML: {text * 1000:.1f} ms; ratio {book / text:.1f}x")


if __name__ == "__main__":
    main()
