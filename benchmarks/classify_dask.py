"""The classifier on Dask against the single-process CLI path, on 1,000,000 generated job postings.

The postings are drawn from O*NET's own titles (occupation, alternate and reported titles in the imported
store) with a posting's noise — seniority, shifts and terms, locations, pay, typos, shouting, junk cells —
and a posting's repetition: title popularity falls off as a power law, so a few thousand titles cover most
rows while a long tail is seen once or twice.

One run reports, for the single-process CLI path (`classify --input postings.csv`), the Dask path with 1 and
2 local workers (CSV in, CSV out) and with 2 workers from Parquet to Parquet: wall time (cluster start and
model loading included) and rows/s, distinct titles/s, the peak memory of each worker, and the share of the
workers' time spent outside classification (reading, parsing, writing, scheduling, waiting). The Dask
outputs are compared with the single-process output row for row (all rows, and the 50,000-row sample the
issue names). Each configuration runs in a fresh process, so its memory is its own.

Run: .venv/bin/python -m benchmarks.classify_dask   (or scripts/bench classify_dask)
"""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import imported_store, machine
from careerclusters.classifier.frames import peak_mb

ROWS = 1_000_000
SAMPLE = 50_000
POOL = 12_000  # distinct O*NET titles drawn from; popularity ~ 1 / rank ** ZIPF
ZIPF = 1.1
CITIES = ["Dallas, TX", "Austin, TX", "Columbus, OH", "Denver, CO", "Phoenix, AZ", "Atlanta, GA", "Boston, MA",
          "Chicago, IL", "Seattle, WA", "Miami, FL", "Nashville, TN", "Portland, OR", "Raleigh, NC", "Omaha, NE"]
SENIORITY = ["Sr.", "Senior", "Jr.", "Lead", "Entry Level", "Junior"]
GRADES = ["I", "II", "III", "IV"]
TERMS = ["- Nights", "(Part-Time)", "| Full Time", "- Remote", "- PRN", "(Days)", "- Weekend Shift", "- Contract",
         "- Sign-On Bonus", "(Hybrid)", "- Now Hiring", "- Per Diem"]
PAY = ["- $18/hr", "- $22.50/hour", "$65,000 - $80,000", "- Up to $30/hr", "- $1,500/week", "- $95K"]
JUNK = ["", "  ", "12345", "N/A", "=HYPERLINK(\"http://example.com\")", "???", "x" * 320]
EMPLOYERS = ["Acme Health", "Metro Schools", "Lone Star Logistics", "Summit Manufacturing", "City of Springfield",
             "Blue River Bank", "Northwind Retail", "Crescent Hospitality"]


def posting_titles(conn: sqlite3.Connection, rows: int, seed: int = 16) -> list[str]:
    """``rows`` posting titles with noise and a power-law repetition of O*NET titles."""
    rng = random.Random(seed)
    pool = sorted({t for (t,) in conn.execute(
        "SELECT title FROM onet_occupation UNION SELECT title FROM onet_alt_title "
        "UNION SELECT title FROM onet_reported_title")})
    rng.shuffle(pool)
    pool = pool[:POOL]
    weights = [1 / (rank + 1) ** ZIPF for rank in range(len(pool))]
    titles = []
    for base in rng.choices(pool, weights, k=rows):
        roll = rng.random()
        if roll < 0.004:
            titles.append(rng.choice(JUNK))
            continue
        title = base
        if rng.random() < 0.15:
            title = f"{rng.choice(SENIORITY)} {title}"
        if rng.random() < 0.05:
            title = f"{title} {rng.choice(GRADES)}"
        if rng.random() < 0.20:
            title = f"{title} {rng.choice(TERMS)}"
        if rng.random() < 0.20:
            title = f"{title} - {rng.choice(CITIES)}"
        if rng.random() < 0.10:
            title = f"{title} {rng.choice(PAY)}"
        if rng.random() < 0.03:
            title = _typo(title, rng)
        if rng.random() < 0.02:
            title = title.upper()
        titles.append(title)
    return titles


def _typo(title: str, rng: random.Random) -> str:
    """One slip of the keyboard: two neighbouring letters swapped, or one dropped or doubled."""
    i = rng.randrange(max(1, len(title) - 1))
    kind = rng.randrange(3)
    if kind == 0:
        return title[:i] + title[i + 1:i + 2] + title[i:i + 1] + title[i + 2:]
    if kind == 1:
        return title[:i] + title[i + 1:]
    return title[:i] + title[i] + title[i:]


def write_postings(conn: sqlite3.Connection, path: Path) -> int:
    """The postings CSV (id, employer, state, title); returns how many distinct titles it has."""
    import csv

    titles = posting_titles(conn, ROWS)
    rng = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "employer", "state", "title"])
        for i, title in enumerate(titles):
            writer.writerow([i + 1, rng.choice(EMPLOYERS), rng.choice(CITIES)[-2:], title])
    return len(set(titles))


# -- one configuration, in a fresh process -------------------------------------------------------------

def _single(db: str, source: str, output: str) -> dict[str, Any]:
    """The single-process CLI path, timed from inside: how long code_distinct (classification) took."""
    from careerclusters.classifier import batch
    from careerclusters.cli import main

    spent = [0.0]
    code_distinct = batch.code_distinct

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return code_distinct(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    batch.code_distinct = timed  # the CLI's classify_csv looks it up in its module at call time
    started = time.perf_counter()
    code = main(["--db", db, "classify", "--input", source, "--output", output])
    wall = time.perf_counter() - started
    assert code == 0, code
    return {"wall": wall, "compute": wall, "classifying": spent[0], "peaks": [peak_mb()], "workers": 1}


def _dask(db: str, source: str, output: str, workers: int) -> dict[str, Any]:
    from careerclusters.classifier.frames import classify_files

    started = time.perf_counter()
    coded = classify_files(Path(db), source, "title", Path(output), engine="dask", workers=workers)
    wall = time.perf_counter() - started
    return {"wall": wall, "compute": coded.seconds, "classifying": coded.classifying, "peaks": list(coded.peak_mb),
            "workers": workers, "outside": coded.outside_share, "distinct_classified": coded.distinct,
            "client_peak": peak_mb()}


def _run(target: Any, *args: Any) -> dict[str, Any]:
    """``target(*args)`` in a fresh process (its own memory and imports; not a pool's daemon, which could
    not start a cluster's worker processes), its result back."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_reply, args=(send, target, *args))
    process.start()
    result = receive.recv()
    process.join()
    if isinstance(result, BaseException):
        raise result
    return result


def _reply(send: Any, target: Any, *args: Any) -> None:
    try:
        send.send(target(*args))
    except Exception as exc:
        send.send(exc)


def _identical(expected: list[str], path: Path) -> tuple[int, int]:
    """Rows (after the header) equal to the single-process output: in the first SAMPLE, and in all."""
    got = path.read_text(encoding="utf-8").splitlines()
    same = [a == b for a, b in zip(expected, got, strict=False)]
    if len(got) != len(expected):
        same += [False] * abs(len(got) - len(expected))
    return sum(same[1:SAMPLE + 1]), sum(same[1:])


def _parquet_identical(expected_csv: Path, folder: Path) -> int:
    import pandas as pd

    expected = pd.read_csv(expected_csv, dtype=str, keep_default_na=False)
    got = pd.read_parquet(folder).astype(str)
    if list(got.columns) != list(expected.columns) or len(got) != len(expected):
        return 0
    return int((got.to_numpy() == expected.to_numpy()).all(axis=1).sum())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = imported_store(folder)
        from careerclusters.classifier import load_classifier
        from careerclusters.store import connect

        conn = connect(db, readonly=True)
        load_classifier(conn, "occupation", db)  # build and cache the model once, as a user's first run does
        source = folder / "postings.csv"
        started = time.perf_counter()
        distinct = write_postings(conn, source)
        conn.close()
        generated = time.perf_counter() - started
        parquet = folder / "postings.parquet"
        _to_parquet(source, parquet)
        size_mb = source.stat().st_size / 2**20
        print(f"classifier on Dask: {ROWS:,} postings ({size_mb:.0f} MB CSV, {distinct:,} distinct titles, "
              f"generated in {generated:.0f} s) on {machine()}; other work on the machine makes absolute times "
              "noisy: read the ratios to the single-process path of the same run", flush=True)
        results = {"single-process CLI path": _run(_single, str(db), str(source), str(folder / "single.csv"))}
        expected = (folder / "single.csv").read_text(encoding="utf-8").splitlines()
        checks = {}
        for workers in (1, 2):
            name = f"dask, {workers} worker{'s' if workers > 1 else ''}, CSV -> CSV"
            out = folder / f"dask-{workers}.csv"
            results[name] = _run(_dask, str(db), str(source), str(out), workers)
            checks[name] = _identical(expected, out)
            out.unlink()
        name = "dask, 2 workers, Parquet -> Parquet"
        results[name] = _run(_dask, str(db), str(parquet), str(folder / "coded.parquet"), 2)
        checks[name] = (None, _parquet_identical(folder / "single.csv", folder / "coded.parquet"))
    _report(results, checks, distinct)


def _to_parquet(source: Path, folder: Path, parts: int = 8) -> None:
    import pandas as pd

    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    folder.mkdir()
    size = -(-len(frame) // parts)
    for part in range(parts):
        frame.iloc[part * size:(part + 1) * size].to_parquet(folder / f"part.{part}.parquet", index=False)


def _report(results: dict[str, dict[str, Any]], checks: dict[str, tuple[int | None, int]], distinct: int) -> None:
    base = results["single-process CLI path"]["wall"]
    print(f"{'path':38} {'wall s':>7} {'rows/s':>8} {'titles/s':>9} {'vs single':>9} {'outside':>8} "
          f"{'peak MB per worker':>20}")
    for name, r in results.items():
        outside = r.get("outside", max(0.0, 1 - r["classifying"] / r["compute"]))
        peaks = ", ".join(f"{p:,.0f}" for p in r["peaks"])
        print(f"{name:38} {r['wall']:>7.1f} {ROWS / r['wall']:>8,.0f} {distinct / r['wall']:>9,.0f} "
              f"{base / r['wall']:>8.2f}x {outside:>8.0%} {peaks:>20}")
    print("wall: from the command's start to the output in place (cluster start and model loading included); "
          "outside: the share of the workers' time not spent classifying")
    for name, r in results.items():
        if "distinct_classified" in r:
            print(f"  {name}: computing {r['compute']:.1f} s of {r['wall']:.1f} s; workers classified "
                  f"{r['distinct_classified']:,} distinct cells (a title once per worker) in "
                  f"{r['classifying']:.1f} s; client process peak {r['client_peak']:,.0f} MB")
        else:
            print(f"  {name}: classifying {r['classifying']:.1f} s of {r['wall']:.1f} s")
    for name, (sample, total) in checks.items():
        head = f"first {SAMPLE:,}: {sample:,} identical; " if sample is not None else ""
        print(f"identity with the single-process output, {name}: {head}all rows: {total:,} of {ROWS:,} identical")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
