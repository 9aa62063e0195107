"""``data fetch`` and BLS's state, metro and all-areas workbooks: downloaded (with the User-Agent, contact and
retries of every BLS file) only when the OEWS bundle cannot be had, and named as not needed when it is here."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from careerclusters.cli import app
from careerclusters.cli.data import fetch_and_import
from careerclusters.data import fetch as fetching
from careerclusters.labor import market as lm
from careerclusters.store import connect, import_paths
from tests.helpers import oews_industry_row, oews_row, oews_workbook, serve_files


def _zipped(tmp_path: Path, name: str, sheet: str, rows: list[list]) -> bytes:
    book = oews_workbook(tmp_path / f"{sheet}.xlsx", sheet, rows)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(book, book.name)
    return buffer.getvalue()


def _by_name(results: list[fetching.Fetched]) -> dict[str, fetching.Fetched]:
    return {r.official.file_name: r for r in results}


def test_without_the_bundle_the_state_and_metro_workbooks_are_downloaded(tmp_path: Path) -> None:
    files = {"oesm25st.zip": _zipped(tmp_path, "oesm25st.zip", "state_M2025_dl",
                                     [oews_row("39", "Ohio", "2", "OH", "29-1141", 143730, 82510)]),
             "oesm25ma.zip": _zipped(tmp_path, "oesm25ma.zip", "MSA_M2025_dl",
                                     [oews_row("18140", "Columbus, OH", "4", "OH", "29-1141", 30510, 83900)])}
    # requests 1-3: the bundle, missing from this server (tried three times); request 4, the state workbook,
    # is cut half-way and tried again
    with serve_files(files, cut=4) as server:
        mirror = f"http://127.0.0.1:{server.server_port}"
        results = _by_name(fetching.fetch(mirror, tmp_path / "cache", contact="cte@example.org",
                                          kinds={"bls-oews-areas"}))
    assert results["oews-2025.sqlite.gz"].status == "failed"
    assert results["oesm25all.zip"].status == "not needed" and results["oesm25all.zip"].problem == (
        "only with --industries")
    assert results["oesm25st.zip"].status == results["oesm25ma.zip"].status == "ready"
    assert server.requests == 6 and all("cte@example.org" in agent for agent in server.agents)
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [results["oesm25st.zip"].path, results["oesm25ma.zip"].path])
    assert lm.occupation_in_area(conn, "29-1141", "OH").area.employment == 143730
    assert lm.occupation_in_area(conn, "29-1141", "Columbus, OH").area.annual_median == 83900


def test_with_industries_the_all_areas_workbook_stands_for_the_state_and_metro_ones(tmp_path: Path) -> None:
    files = {"oesm25all.zip": _zipped(tmp_path, "oesm25all.zip", "All May 2025 data",
                                      [oews_row("39", "Ohio", "2", "OH", "29-1141", 143730, 82510),
                                       oews_industry_row("622000", "Hospitals", "3-digit", 2020230, 100220)])}
    with serve_files(files) as server:
        results = _by_name(fetching.fetch(f"http://127.0.0.1:{server.server_port}", tmp_path / "cache",
                                          kinds={"bls-oews-areas"}, industries=True))
    assert results["oesm25all.zip"].status == "ready"
    assert results["oesm25st.zip"].status == "not needed"
    assert results["oesm25st.zip"].problem == "oesm25all.zip holds the same figures"
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [results["oesm25all.zip"].path], industries=True)
    assert conn.execute("SELECT tot_emp FROM oews_area_industry_wage WHERE naics = '622000'").fetchone()[0] == 2020230


def test_beside_the_bundle_the_workbooks_are_not_needed(data_dir: Path, tmp_path: Path, imported_db: Path) -> None:
    results = _by_name(fetching.fetch(str(data_dir / "bls-oews-bundle"), tmp_path / "cache",
                                      kinds={"bls-oews-areas"}))
    assert results["oews-2025.sqlite.gz"].status == "ready"
    assert {name: (r.status, r.problem) for name, r in results.items() if name != "oews-2025.sqlite.gz"} == {
        "oesm25all.zip": ("not needed", "only with --industries"),
        "oesm25st.zip": ("not needed", "oews-2025.sqlite.gz holds the same figures"),
        "oesm25ma.zip": ("not needed", "oews-2025.sqlite.gz holds the same figures")}
    told = CliRunner().invoke(app, ["--db", str(imported_db), "data", "status", "--json"])
    assert {"kind": "bls-oews-areas", "file_name": "oesm25st.zip", "held_by": "oews-2025.sqlite.gz"} in json.loads(
        told.stdout)["not_needed"]
    assert all(m["kind"] != "bls-oews-areas" for m in json.loads(told.stdout)["missing"])


def _unpacked_mirror(folder: Path, *names: str) -> Path:
    """A mirror folder holding BLS's area workbooks unpacked (the state one, the metro one, the nonmetro one)."""
    rows = {"state_M2025_dl": [oews_row("39", "Ohio", "2", "OH", "29-1141", 143730, 82510)],
            "MSA_M2025_dl": [oews_row("18140", "Columbus, OH", "4", "OH", "29-1141", 30510, 83900)],
            "BOS_M2025_dl": [oews_row("3900004", "Southern Ohio nonmetropolitan area", "6", "OH", "29-1141", 2210,
                                      71840)]}
    folder.mkdir()
    for name in names:
        oews_workbook(folder / f"{name}.xlsx", name, rows[name])
    return folder


def test_a_mirror_of_the_unpacked_metro_zip_brings_the_nonmetropolitan_areas(tmp_path: Path) -> None:
    mirror = _unpacked_mirror(tmp_path / "mirror", "MSA_M2025_dl", "BOS_M2025_dl")
    db = tmp_path / "store.sqlite"
    fetched = _by_name(fetch_and_import(str(mirror), None, {"bls-oews-areas"}, db=db))
    assert fetched["oesm25ma.zip"].status == "ready"
    assert [path.name for path in fetched["oesm25ma.zip"].paths] == ["MSA_M2025_dl.xlsx", "BOS_M2025_dl.xlsx"]
    runner = CliRunner()
    rural = json.loads(runner.invoke(app, ["--db", str(db), "occupation", "29-1141", "--area", "3900004",
                                           "--json"]).stdout)["area"]
    assert (rural["area"]["name"], rural["area"]["type"]) == ("Southern Ohio nonmetropolitan area", "nonmetro")
    assert (rural["employment"], rural["annual_median"]) == (2210, 71840)
    metro = json.loads(runner.invoke(app, ["--db", str(db), "occupation", "29-1141", "--area", "18140",
                                           "--json"]).stdout)["area"]
    assert (metro["area"]["name"], metro["annual_median"]) == ("Columbus, OH", 83900)
    told = json.loads(runner.invoke(app, ["--db", str(db), "data", "status", "--json"]).stdout)
    assert all(m["kind"] != "bls-oews-areas" for m in told["missing"])
    assert [s["file_name"] for s in told["sources"] if s["kind"] == "bls-oews-areas"] == [
        "MSA_M2025_dl.xlsx + BOS_M2025_dl.xlsx"]


def test_a_mirror_with_the_metro_workbook_alone_says_the_nonmetropolitan_one_is_missing(tmp_path: Path) -> None:
    mirror = _unpacked_mirror(tmp_path / "mirror", "state_M2025_dl", "MSA_M2025_dl")
    db = tmp_path / "store.sqlite"
    runner = CliRunner()
    fetched = runner.invoke(app, ["--db", str(db), "data", "fetch", "--mirror", str(mirror)])
    assert fetched.exit_code == 2
    assert ("oesm25ma.zip in part: the mirror has MSA_M2025_dl.xlsx but no BOS_M2025_dl.xlsx, so no wages and "
            "employment in nonmetropolitan areas (BLS OEWS)") in " ".join(fetched.stderr.split())
    metro = json.loads(runner.invoke(app, ["--db", str(db), "occupation", "29-1141", "--area", "Columbus, OH",
                                           "--json"]).stdout)["area"]
    assert metro["annual_median"] == 83900
    told = runner.invoke(app, ["--db", str(db), "data", "status", "--json"])
    assert {"kind": "bls-oews-areas", "file_name": "BOS_M2025_dl.xlsx",
            "what": "wages and employment in nonmetropolitan areas (BLS OEWS)", "publisher": "U.S. Bureau of Labor "
            "Statistics", "page": "https://www.bls.gov/oes/tables.htm", "online": "careerclusters data fetch",
            "offline": ["careerclusters data import BOS_M2025_dl.xlsx", "careerclusters data fetch --mirror FOLDER"]
            } in json.loads(told.stdout)["missing"]
    text = runner.invoke(app, ["--db", str(db), "data", "status"]).stdout
    assert "BOS_M2025_dl.xlsx: wages and employment in nonmetropolitan areas (BLS OEWS)" in " ".join(text.split())


def test_the_metro_zip_in_a_mirror_is_taken_whole_before_its_unpacked_workbooks(tmp_path: Path) -> None:
    mirror = _unpacked_mirror(tmp_path / "mirror", "MSA_M2025_dl")
    (mirror / "oesm25ma.zip").write_bytes(_zipped(tmp_path, "oesm25ma.zip", "BOS_M2025_dl", [
        oews_row("3900004", "Southern Ohio nonmetropolitan area", "6", "OH", "29-1141", 2210, 71840)]))
    metro = _by_name(fetching.fetch(str(mirror), tmp_path / "cache", kinds={"bls-oews-areas"}))["oesm25ma.zip"]
    assert (metro.status, metro.problem, metro.paths) == ("ready", None, (mirror / "oesm25ma.zip",))
