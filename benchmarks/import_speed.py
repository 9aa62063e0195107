"""Import every official file into a fresh store, timing each source, against a plain baseline.

Baseline: parse the same files with no checking at all (openpyxl read-only rows, csv rows, O*NET lines)
and write nothing. The ratio says what validation, name resolution and the transactional write cost.

Run: .venv/bin/python benchmarks/import_speed.py
"""

from __future__ import annotations

import csv
import tempfile
import time
from pathlib import Path

import openpyxl

from benchmarks.common import machine, official_paths, read_bundle_cells
from careerclusters.store import connect
from careerclusters.store.importer import import_paths


def baseline(paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        if path.is_dir():
            for file in path.glob("*.txt"):
                sum(1 for _ in file.open(encoding="utf-8", errors="replace"))
        elif path.suffix == ".csv":
            sum(1 for _ in csv.reader(path.open(encoding="utf-8-sig", errors="replace")))
        elif path.suffix == ".gz":  # the OEWS bundle: unpack and read every cross-industry cell
            read_bundle_cells(path, "WHERE substr(key, 12, 6) = '000000'")
        else:
            book = openpyxl.load_workbook(path, read_only=True)
            for sheet in book.worksheets:
                sum(1 for _ in sheet.iter_rows(values_only=True))
    return time.perf_counter() - started


def main() -> None:
    paths = official_paths()
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "bench.sqlite")
        started = time.perf_counter()
        results = import_paths(conn, paths)
        total = time.perf_counter() - started
        conn.close()
    write = total - sum(r.read_seconds for r in results)  # detection and hashing count as writing here
    print(f"import of all official files ({machine()})")
    print(f"{'source':24} {'rows':>9} {'read s':>7}")
    for r in results:
        print(f"{r.kind:24} {sum(r.rows.values()):>9,} {r.read_seconds:>7.2f}")
    print(f"detect, hash and write (one transaction): {write:.2f} s")
    print(f"total import: {total:.2f} s (budget 60 s)")
    base = baseline(paths)
    print(f"baseline, parse only, no checks, no writes: {base:.2f} s; import/baseline ratio: {total / base:.2f}")


if __name__ == "__main__":
    main()
