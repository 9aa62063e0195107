"""A small store built in code for the ranking's unit tests: an O*NET database of six made-up occupations written in
the official tab-separated layout (so the reader and importer are the real ones), with BLS-shaped wages and
projections inserted beside it. ``with_ratings`` adds the four rating files the shared copy of O*NET lacks.

The occupations and what each is for:

- 11-1111.00 Alpha Drivers: the job compared from.
- 11-1112.00 Beta Drivers: shares Alpha's two rare activities and its rare technology.
- 11-1113.00 Gamma Clerks: shares only the activity every occupation has, and Excel; O*NET lists it as related.
- 11-1114.00 Delta Managers: shares one rare activity; needs a bachelor's degree; pays twice Alpha's median.
- 11-1119.00 Epsilon Workers, All Other: no activities, technologies or ratings (cannot be compared).
- 22-2221.00 Zeta Growers: nothing in common with Alpha, yet listed by O*NET as related (never enough alone).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from careerclusters.store import connect, import_paths

OCCUPATIONS = {
    "11-1111.00": "Alpha Drivers", "11-1112.00": "Beta Drivers", "11-1113.00": "Gamma Clerks",
    "11-1114.00": "Delta Managers", "11-1119.00": "Epsilon Workers, All Other", "22-2221.00": "Zeta Growers",
}
#: (occupation, task id, DWA id): "common" is done by every occupation with activities.
TASK_DWAS = [
    ("11-1111.00", 1, "common"), ("11-1111.00", 2, "rare-a"), ("11-1111.00", 3, "rare-b"), ("11-1111.00", 4, "own"),
    ("11-1112.00", 11, "common"), ("11-1112.00", 12, "rare-a"), ("11-1112.00", 13, "rare-b"),
    ("11-1112.00", 14, "beta-only"), ("11-1112.00", 15, "beta-only"),
    ("11-1113.00", 21, "common"), ("11-1113.00", 22, "gamma-only"),
    ("11-1114.00", 31, "common"), ("11-1114.00", 32, "rare-a"), ("11-1114.00", 33, "delta-only"),
    ("22-2221.00", 41, "common-zeta"), ("22-2221.00", 42, "zeta-only"),
]
DWA_TITLES = {"common": "Keep records.", "rare-a": "Drive trucks.", "rare-b": "Secure cargo.",
              "own": "Plan routes.", "beta-only": "Load trailers.", "gamma-only": "File papers.",
              "delta-only": "Manage budgets.", "common-zeta": "Grow plants.", "zeta-only": "Prune trees."}
#: (occupation, product, commodity, hot)
TECHNOLOGIES = [
    ("11-1111.00", "Microsoft Excel", "Spreadsheet software", "Y"), ("11-1111.00", "RouteApp", "Route software", "N"),
    ("11-1112.00", "Microsoft Excel", "Spreadsheet software", "Y"), ("11-1112.00", "RouteApp", "Route software", "N"),
    ("11-1112.00", "FleetPro", "Fleet software", "Y"),
    ("11-1113.00", "Microsoft Excel", "Spreadsheet software", "Y"), ("11-1113.00", "FilePlus", "Filing software", "N"),
    ("11-1114.00", "Microsoft Excel", "Spreadsheet software", "Y"), ("11-1114.00", "BudgetMax", "Budget software", "Y"),
    ("22-2221.00", "Microsoft Excel", "Spreadsheet software", "Y"),
]
RELATED = [("11-1111.00", "11-1113.00", "Primary-Short", 1), ("11-1111.00", "22-2221.00", "Supplemental", 2)]
JOB_ZONES = {"11-1111.00": 2, "11-1112.00": 2, "11-1113.00": 2, "11-1114.00": 4, "22-2221.00": 1}
#: SOC: (national median, employment, openings in thousands, projected change %, entry education)
BLS = {
    "11-1111": (50000, 100000, 10.0, 4.0, "High school diploma or equivalent"),
    "11-1112": (55000, 50000, 5.0, 2.0, "High school diploma or equivalent"),
    "11-1113": (40000, 200000, 20.0, -3.0, "High school diploma or equivalent"),
    "11-1114": (100000, 20000, 1.0, 6.0, "Bachelor's degree"),
    "22-2221": (30000, 1000, 0.1, 1.0, "No formal educational credential"),
}
#: The rating files (IM importance, LV level) for Alpha, Beta and Delta: (element id, name, {code: (IM, LV)}).
RATINGS = {
    "Skills.txt": [("2.A.1.a", "Reading Comprehension", {"11-1111.00": (3.0, 3.0), "11-1112.00": (3.1, 3.1),
                                                          "11-1114.00": (4.5, 5.5)}),
                   ("2.B.3.a", "Operation and Control", {"11-1111.00": (4.5, 4.0), "11-1112.00": (4.4, 4.2),
                                                         "11-1114.00": (1.5, 1.0)})],
    "Knowledge.txt": [("2.C.1.a", "Administration and Management", {"11-1111.00": (1.5, 1.0),
                                                                     "11-1112.00": (1.6, 1.2),
                                                                     "11-1114.00": (4.2, 5.0)})],
    "Abilities.txt": [("1.A.1.a.1", "Oral Comprehension", {"11-1111.00": (3.0, 3.0), "11-1112.00": (3.0, 3.2),
                                                            "11-1114.00": (3.5, 3.5)})],
    "Work Activities.txt": [("4.A.1.a.1", "Getting Information", {"11-1111.00": (3.5, 3.0),
                                                                   "11-1112.00": (3.4, 3.0),
                                                                   "11-1114.00": (2.0, 2.0)})],
}
RATING_HEADER = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N", "Standard Error",
                 "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date", "Domain Source"]


def _tsv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.write_text("\n".join("\t".join(str(v) for v in line) for line in [header, *rows]) + "\n", encoding="utf-8")


def write_onet(folder: Path, *, with_ratings: bool) -> Path:
    """A folder of O*NET files in the official layout holding the occupations above."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Read Me.txt").write_text("O*NET 99.0 Database\nJanuary 2099 Release\n", encoding="utf-8")
    _tsv(folder / "Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"],
         [[code, title, f"{title} do their work."] for code, title in OCCUPATIONS.items()])
    _tsv(folder / "Alternate Titles.txt", ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title"], [])
    _tsv(folder / "Sample of Reported Titles.txt", ["O*NET-SOC Code", "Title", "Reported Job Title",
                                                   "Shown in My Next Move"], [])
    _tsv(folder / "Task Statements.txt", ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding"],
         [[code, task, f"Task {task}.", "Core", 10] for code, task, _dwa in TASK_DWAS])
    _tsv(folder / "Interests.txt", ["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"], [])
    _tsv(folder / "Job Zones.txt", ["O*NET-SOC Code", "Job Zone"], [[c, z] for c, z in JOB_ZONES.items()])
    _tsv(folder / "Education, Training, and Experience.txt",
         ["O*NET-SOC Code", "Element ID", "Scale ID", "Category", "Data Value"], [])
    _tsv(folder / "Education, Training, and Experience Categories.txt",
         ["Element ID", "Scale ID", "Category", "Category Description"], [])
    _tsv(folder / "Related Occupations.txt", ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
         [list(r) for r in RELATED])
    _tsv(folder / "DWA Reference.txt", ["Element ID", "IWA ID", "DWA ID", "DWA Title"],
         [["4.A.1", "4.A.1.I01", dwa, title] for dwa, title in DWA_TITLES.items()])
    _tsv(folder / "Tasks to DWAs.txt", ["O*NET-SOC Code", "Task ID", "DWA ID", "Date", "Domain Source"],
         [[code, task, dwa, "01/2099", "Analyst"] for code, task, dwa in TASK_DWAS])
    _tsv(folder / "Technology Skills.txt", ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title",
                                           "Hot Technology"],
         [[code, product, "43230000", kind, hot] for code, product, kind, hot in TECHNOLOGIES])
    if with_ratings:
        for name, elements in RATINGS.items():
            rows = [[code, element, title, scale, value, 8, 0.1, 0, 5, "N", "N" if scale == "LV" else "n/a",
                     "01/2099", "Analyst"]
                    for element, title, values in elements for code, (im, lv) in values.items()
                    for scale, value in (("IM", im), ("LV", lv))]
            rows.append(["11-1113.00", elements[0][0], elements[0][1], "LV", 6.9, 2, 3, 0, 7, "Y", "N", "01/2099",
                         "Analyst"])  # a level O*NET recommends suppressing: never read
            _tsv(folder / name, RATING_HEADER, rows)
    return folder


def add_bls(path: Path) -> None:
    """BLS-shaped national wages and projections for the occupations above."""
    conn = connect(path)
    for soc, (median, employment, openings, change, entry) in BLS.items():
        conn.execute("INSERT INTO oews_wage (soc, title, o_group, tot_emp, a_median, annual_only, hourly_only) "
                     "VALUES (?, ?, 'detailed', ?, ?, 0, 0)", (soc, soc, employment, median))
        conn.execute("INSERT INTO projection (soc, title, occupation_type, employment_base_k, openings_k, change_pct, "
                     "median_wage_top_coded, entry_education) VALUES (?, ?, 'Line item', ?, ?, ?, 0, ?)",
                     (soc, soc, employment / 1000, openings, change, entry))
    for kind in ("bls-oews", "bls-projections"):
        conn.execute("INSERT INTO source_file (kind, publisher, release, file_name, sha256, imported_at, row_counts) "
                     "VALUES (?, 'BLS', 'test', 'test', ?, '2099-01-01', '{}')", (kind, kind))
    conn.close()


@pytest.fixture()
def onet_folder(tmp_path: Path) -> Callable[..., Path]:
    """``onet_folder(with_ratings=False)``: a fresh folder of the O*NET files above."""
    return lambda *, with_ratings=False: write_onet(tmp_path / f"onet-{with_ratings}", with_ratings=with_ratings)


@pytest.fixture()
def small_store(tmp_path: Path) -> Callable[..., Path]:
    """``small_store(with_ratings=False)``: the path of a fresh store holding the occupations above."""

    def build(*, with_ratings: bool = False) -> Path:
        path = tmp_path / ("rated.sqlite" if with_ratings else "store.sqlite")
        conn = connect(path)
        import_paths(conn, [write_onet(tmp_path / f"onet-{with_ratings}", with_ratings=with_ratings)])
        conn.close()
        add_bls(path)
        return path

    return build
