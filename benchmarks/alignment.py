"""The program alignment report for a 100-program file and a state, every format (HTML, PDF, workbook, CSV),
against a plain baseline.

The file is made from real CIP codes (every 40th program in Advance CTE's crosswalk, so all clusters appear),
with one program in five given by name only (its CIP title), which the program classifier codes.
Baseline, in the same run: the bare lookup a spreadsheet would do — each listed CIP code's occupations
(CIP→SOC) joined to the state's OEWS rows in one SQL query — with no rules, roll-ups, coding or documents.

Run: .venv/bin/python -m benchmarks.alignment   (or scripts/bench alignment)
"""

from __future__ import annotations

import csv
import io
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import imported_store, machine
from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.files import programs_csv, workbook
from careerclusters.alignment.programs import read_programs
from careerclusters.alignment.rules import load_rules
from careerclusters.classifier import load_classifier
from careerclusters.reports import html
from careerclusters.reports.pdf import render
from careerclusters.store import connect

AREA = "OH"
PROGRAMS = 100
RUNS = 3
FORMATS = {"html": html.alignment_document, "pdf": lambda report: render(html.alignment_document(report)),
           "xlsx": workbook, "csv": programs_csv}


def programs_file(conn) -> str:  # noqa: ANN001 - a sqlite3 connection
    rows = conn.execute("SELECT cip, MAX(cip_title) AS title FROM cte_cip GROUP BY cip ORDER BY cip").fetchall()
    chosen = rows[:: max(1, len(rows) // PROGRAMS)][:PROGRAMS]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["program", "cip", "completers"])
    for number, row in enumerate(chosen):
        writer.writerow([row["title"], "" if number % 5 == 0 else row["cip"], 10 + number % 30])
    return out.getvalue()


def baseline(conn, content: str) -> float:  # noqa: ANN001
    codes = [r["cip"] for r in csv.DictReader(io.StringIO(content)) if r["cip"]]
    started = time.perf_counter()
    marks = ", ".join("?" * len(codes))
    conn.execute(f"""SELECT s.cip, s.soc, w.tot_emp, w.a_median FROM cip_soc s
                     LEFT JOIN oews_area_wage w ON w.area_code = '3900000' AND w.soc = s.soc
                     WHERE s.cip IN ({marks})""", codes).fetchall()  # noqa: S608 - marks only
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = imported_store(Path(tmp))
        conn = connect(db, readonly=True)
        content = programs_file(conn)
        classifier = load_classifier(conn, "program", db)  # built and cached once, as a server holds it
        timings: dict[str, list[float]] = {k: [] for k in ("report", "html", "pdf", "xlsx", "csv", "total")}
        for _ in range(RUNS):
            started = time.perf_counter()
            rules = load_rules()
            report = alignment.alignment(conn, AREA, read_programs(content, "bench.csv", rules, "certificate"),
                                         rules=rules, classifier=classifier)
            timings["report"].append(time.perf_counter() - started)
            for name, make in FORMATS.items():
                began = time.perf_counter()
                make(report)
                timings[name].append(time.perf_counter() - began)
            timings["total"].append(time.perf_counter() - started)
        base = statistics.median(baseline(conn, content) for _ in range(RUNS))
        conn.close()
    coded = sum(1 for p in report.programs if p.coded_by == "classifier")
    print(f"alignment report: {PROGRAMS} programs ({coded} coded by name), area {AREA} ({machine()}), "
          f"median of {RUNS} runs")
    for name, values in timings.items():
        print(f"  {name:7} {statistics.median(values):7.3f} s")
    total = statistics.median(timings["total"])
    as_pdf = statistics.median(r + p for r, p in zip(timings["report"], timings["pdf"], strict=True))
    print(f"report as PDF (the budgeted path: read, code, roll up, draw, print): {as_pdf:.2f} s (budget 10 s)")
    print(f"every format one after another: {total:.2f} s")
    print(f"baseline, one SQL join of the listed CIP codes to the state's OEWS rows: {base * 1000:.1f} ms; "
          f"PDF report/baseline ratio: {as_pdf / base:.0f}")


if __name__ == "__main__":
    main()
