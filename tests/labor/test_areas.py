"""OEWS by area: the SQLite bundle's reader, area lookup, an occupation in an area, and sub-cluster
roll-ups (checked by hand on a small made-up area, and against BLS's published figures)."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from careerclusters import sources
from careerclusters.labor import market as lm
from careerclusters.labor.areas import UnknownAreaError, find_area, list_areas
from careerclusters.sources import SourceError
from careerclusters.store import StoreError, connect, import_paths, status
from tests.helpers import oews_row, oews_workbook

BUNDLE = "bls-oews-bundle/oews-2025.sqlite.gz"


# -- the reader ----------------------------------------------------------------------------------------------

def test_bundle_is_detected_by_contents_and_keeps_markers(data_dir: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "download.bin"
    shutil.copy(data_dir / BUNDLE, renamed)
    assert sources.detect(renamed)[0] == "bls-oews-areas"
    extract = sources.read(data_dir / BUNDLE)
    assert extract.release == "OEWS May 2025, all areas"
    wages = {(r[0], r[1]): r for r in extract.tables["oews_area_wage"]}
    ohio_nurses = wages[("3900000", "29-1141")]
    assert ohio_nurses[3] == 143730 and ohio_nurses[15] == 82510  # employment, annual median
    actors = wages[("0000000", "27-2011")]
    assert actors[15] is None and actors[19] is True  # annual median not released; hourly only
    assert json.loads(actors[20])["a_median"] == "not_released"
    areas = {r[0]: r for r in extract.tables["oews_area"]}
    assert areas["0018140"] == ("0018140", "metro", "39", "OH", "Columbus, OH")
    assert areas["7200000"][1] == "territory" and areas["0100001"][1] == "nonmetro"


def test_a_bundle_that_does_not_match_its_manifest_is_refused(data_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "oews-2025.sqlite.gz"
    copy.write_bytes((data_dir / BUNDLE).read_bytes()[:-10] + b"0123456789")
    shutil.copy(data_dir / "bls-oews-bundle/manifest.json", tmp_path / "manifest.json")
    with pytest.raises(SourceError, match="does not match its manifest"):
        sources.read(copy)


def test_a_truncated_bundle_leaves_the_store_unchanged(data_dir: Path, tmp_path: Path) -> None:
    cut = tmp_path / "oews.sqlite.gz"
    cut.write_bytes((data_dir / BUNDLE).read_bytes()[:4_000_000])
    conn = connect(tmp_path / "store.sqlite")
    with pytest.raises(SourceError, match="cannot unpack"):
        import_paths(conn, [cut])
    assert conn.execute("SELECT COUNT(*) FROM oews_area_wage").fetchone()[0] == 0
    assert "bls-oews-areas" not in {r[0] for r in conn.execute("SELECT kind FROM source_file")}


def test_an_uncompressed_database_reads_too(tmp_path: Path, data_dir: Path) -> None:
    plain = tmp_path / "oews.sqlite"
    with gzip.open(data_dir / BUNDLE) as source, plain.open("wb") as target:
        shutil.copyfileobj(source, target)
    assert sources.detect(plain)[0] == "bls-oews-areas"


# -- against the real data -------------------------------------------------------------------------------

def test_area_lookup(conn) -> None:
    assert find_area(conn, "OH").code == "3900000"
    assert find_area(conn, "ohio").code == find_area(conn, "39").code == "3900000"
    assert find_area(conn, "Columbus, OH").code == find_area(conn, "18140").code == "0018140"
    assert find_area(conn, "US").type == "national"
    with pytest.raises(UnknownAreaError, match="did you mean: .*Columbus, OH"):
        find_area(conn, "Columbus")
    states = list_areas(conn, "state")
    assert len(states) == 51 and {"Ohio", "District of Columbia"} <= {a.name for a in states}


def test_registered_nurses_in_ohio_columbus_and_a_nonmetro_area(conn) -> None:
    ohio = lm.occupation_in_area(conn, "29-1141", "OH")
    assert ohio.area.employment == 143730 and ohio.area.annual_median == 82510
    assert ohio.national.annual_median == 97550 and ohio.area.location_quotient == 1.19
    # national openings (189.1k a year) scaled by Ohio's share of the nation's nurses: an estimate
    assert ohio.openings_estimate == pytest.approx(189.1e3 * 143730 / 3379720, rel=1e-3)
    columbus = lm.occupation_in_area(conn, "29-1141", "Columbus, OH")
    assert columbus.area.employment == 30510 and columbus.area.annual_median == 83900
    rural = lm.occupation_in_area(conn, "29-1141", "Southern Ohio nonmetropolitan area")
    assert rural.area.area.type == "nonmetro" and rural.area.annual_median > 0


def test_a_wage_not_released_stays_a_marker(conn) -> None:
    actors = lm.occupation_in_area(conn, "27-2011", "US")
    assert actors.area.annual_median is None and actors.area.markers["a_median"] == "not_released"
    assert actors.area.hourly_only and actors.area.hourly_median == 29.05


def test_physical_health_in_ohio(conn) -> None:
    profile = lm.subcluster_in_area(conn, "Physical Health", "OH")
    assert profile.top_occupations[0].title == "Registered Nurses"
    assert profile.top_occupations[0].employment == 143730
    total = conn.execute("SELECT tot_emp FROM oews_area_wage WHERE area_code = '3900000' AND soc = '00-0000'"
                         ).fetchone()[0]
    assert profile.share_of_jobs == pytest.approx(profile.employment / total, abs=1e-5)
    assert profile.median_wage == 82510  # half of its jobs are in occupations paying the nurses' median or less


def test_subclusters_rank_by_location_quotient(conn) -> None:
    _area, profiles = lm.subclusters_in_area(conn, "Ohio")
    assert len(profiles) == 72
    ranked = lm.rank(profiles, "lq")
    quotients = [p.location_quotient for p in ranked if p.location_quotient is not None]
    assert quotients == sorted(quotients, reverse=True)
    assert ranked[-1].name == "Unmanned Vehicle Technology"  # no occupations: no figure, ranked last


def test_area_answers_need_the_area_data(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no OEWS data by area"):
        find_area(connect(tmp_path / "fresh.sqlite"), "OH")


# -- a small area, checked by hand ------------------------------------------------------------------------

def _small_store(path: Path) -> sqlite3.Connection:
    """A store with one made-up area and three Physical Health occupations (the bundled crosswalk's
    real memberships): nurses 1,000 jobs at $80,000; LPNs 500 at $60,000; physicians (29-1229) 100, top-coded;
    and the same occupations nationally at ten times the jobs, the area's total 10,000, the nation's 200,000."""
    conn = connect(path)
    conn.execute("INSERT INTO oews_area VALUES ('0099999', 'metro', '39', 'OH', 'Smallville, OH'), "
                 "('0000000', 'national', '00', 'US', 'National')")
    rows = [("0099999", "00-0000", "total", 10000, None, '{}'), ("0099999", "29-1141", "detailed", 1000, 80000, None),
            ("0099999", "29-2061", "detailed", 500, 60000, None),
            ("0099999", "29-1229", "detailed", 100, None, '{"a_median": "top_coded"}'),
            ("0000000", "00-0000", "total", 200000, None, None), ("0000000", "29-1141", "detailed", 10000, 90000, None),
            ("0000000", "29-2061", "detailed", 5000, 62000, None), ("0000000", "29-1229", "detailed", 1000, None, None)]
    for area, soc, level, employment, median, markers in rows:
        conn.execute("INSERT INTO oews_area_wage (area_code, soc, o_group, tot_emp, a_median, annual_only, "
                     "hourly_only, markers) VALUES (?, ?, ?, ?, ?, 0, 0, ?)",
                     (area, soc, level, employment, median, markers))
    conn.execute("INSERT INTO source_file (kind, publisher, release, file_name, sha256, imported_at, row_counts) "
                 "VALUES ('bls-oews-areas', 'test', 'made up', 'none', 'x', '', '{}')")
    return conn


def test_rollup_by_hand(tmp_path: Path) -> None:
    conn = _small_store(tmp_path / "small.sqlite")
    profile = lm.subcluster_in_area(conn, "physical-health", "Smallville, OH")
    assert profile.employment == 1600
    assert profile.share_of_jobs == 0.16
    assert profile.location_quotient == round(0.16 / (16000 / 200000), 2) == 2.0
    # medians by weight: 60,000 ×500, 80,000 ×1,000, top-coded ×100 → half of 1,600 jobs is reached at 80,000
    assert profile.median_wage == 80000 and not profile.median_wage_at_least
    assert profile.openings_estimate is None  # no projections imported: no estimate rather than a guess
    assert profile.occupations_with_data == 3


# -- the command line -----------------------------------------------------------------------------------------

def test_area_commands(imported_db: Path) -> None:
    from typer.testing import CliRunner

    from careerclusters.cli import app

    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--db", str(imported_db), *args])

    nurses = json.loads(run("occupation", "29-1141", "--area", "OH", "--json").stdout)
    assert nurses["area"]["employment"] == 143730 and nurses["area"]["annual_median"] == 82510
    assert "estimate" in nurses["note"]
    text = run("occupation", "29-1141", "--area", "Columbus, OH").stdout
    assert "Columbus, OH" in text and "30,510" in text and "$83,900" in text
    sub = json.loads(run("subcluster", "Physical Health", "--area", "OH", "--json").stdout)
    assert sub["area"]["code"] == "3900000" and sub["top_occupations"][0]["soc"] == "29-1141"
    ranked = json.loads(run("area", "rank", "Ohio", "--by", "lq", "--json").stdout)["subclusters"]
    assert ranked[0]["location_quotient"] >= ranked[1]["location_quotient"]
    assert "Ohio" in run("area", "list", "--type", "state").stdout
    bad = run("area", "show", "Columbus")
    assert bad.exit_code == 2 and bad.stderr.startswith("error: no area 'Columbus'; did you mean")
    assert run("area", "rank", "OH", "--by", "colour").exit_code == 2
    health = json.loads(run("cluster", "Healthcare & Human Services", "--area", "OH", "--json").stdout)
    assert health["level"] == "cluster" and health["top_occupations"][0]["soc"] == "29-1141"
    program = json.loads(run("program", "51.3801", "--area", "OH", "--json").stdout)
    assert program["occupations"][0]["soc"] == "29-1141" and program["occupations"][0]["employment"] == 143730


# -- the API ----------------------------------------------------------------------------------------------------

def test_area_api(imported_db: Path) -> None:
    from fastapi.testclient import TestClient

    from careerclusters.server.app import create_app

    with TestClient(create_app(imported_db, warm=False)) as client:
        states = client.get("/api/v1/areas", params={"type": "state", "limit": 100}).json()
        assert states["total"] == 51 and "Ohio" in {a["name"] for a in states["items"]}
        assert client.get("/api/v1/areas/OH").json()["code"] == "3900000"
        nurses = client.get("/api/v1/areas/Columbus, OH/occupations/29-1141").json()
        assert nurses["area"]["employment"] == 30510 and nurses["area"]["annual_median"] == 83900
        assert nurses["national"]["annual_median"] == 97550
        ranked = client.get("/api/v1/areas/3900000/subclusters", params={"by": "wage"}).json()
        wages = [s["median_wage"] for s in ranked["subclusters"] if s["median_wage"] is not None]
        assert wages == sorted(wages, reverse=True) and "estimate" in ranked["note"]
        health = client.get("/api/v1/areas/OH/subclusters/Physical Health").json()
        assert health["top_occupations"][0]["employment"] == 143730
        program = client.get("/api/v1/areas/OH/programs/51.3801").json()
        assert program["title"] == "Registered Nursing/Registered Nurse"
        assert program["occupations"][0]["median_wage"] == 82510
        page = client.get("/occupations/29-1141", params={"area": "OH"}).text
        assert "In Ohio" in page and "143,730" in page and "$82,510" in page and "(nationally $97,550)" in page
        assert "In Columbus, OH" in client.get("/subclusters/physical-health", params={"area": "18140"}).text
        program_page = client.get("/programs/51.3801", params={"area": "Ohio"}).text
        assert "/areas/3900000/occupations/29-1141" in program_page
        lost = client.get("/occupations/29-1141", params={"area": "Atlantis"})
        assert lost.status_code == 200 and "no area &#39;Atlantis&#39;; did you mean" in lost.text
        clusters = client.get("/api/v1/areas/OH/clusters").json()["clusters"]
        assert clusters[0]["name"] == "Healthcare & Human Services" and clusters[0]["level"] == "cluster"
        report = client.post("/api/v1/reports/alignment", json={"area": "OH", "programs": [
            {"name": "Nursing (RN)", "cip": "51.3801", "completers": 40}, {"name": "Cosmetology", "cip": "12.0401"}]})
        assert report.status_code == 200
        assert report.json()["programs"][0]["verdict"] == "high-wage and in demand"
        assert report.json()["area"]["code"] == "3900000"
        empty = client.post("/api/v1/reports/alignment", json={"area": "OH", "programs": [{}]})
        assert empty.status_code == 400 and "give a name or a CIP code" in empty.json()["error"]["message"]
        assert client.post("/api/v1/reports/alignment", json={"area": "OH", "programs": []}).status_code == 422
        unknown = client.get("/api/v1/areas/Atlantis")
        assert unknown.status_code == 404
        assert client.get("/api/v1/areas", params={"type": "planet"}).status_code == 422


# -- BLS's area workbooks ---------------------------------------------------------------------------------------

def test_state_and_metro_workbooks_import_together(tmp_path: Path) -> None:
    import zipfile

    state = oews_workbook(tmp_path / "state_M2025_dl.xlsx", "state_M2025_dl",
                      [oews_row("39", "Ohio", "2", "OH", "29-1141", 143730, 82510),
                       oews_row("39", "Ohio", "2", "OH", "27-2011", "**", "*")])
    metro = oews_workbook(tmp_path / "MSA_M2025_dl.xlsx", "MSA_M2025_dl",
                      [oews_row("18140", "Columbus, OH", "4", "OH", "29-1141", 30510, 83900)])
    nonmetro = oews_workbook(tmp_path / "BOS_M2025_dl.xlsx", "BOS_M2025_dl",
                         [oews_row("3900004", "Southern Ohio nonmetropolitan area", "6", "OH", "29-1141", 2500, "#")])
    zipped = tmp_path / "oesm25ma.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(metro, metro.name)
        archive.write(nonmetro, nonmetro.name)
    assert sources.detect(state)[0] == sources.detect(zipped)[0] == "bls-oews-areas"
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [state, zipped])
    wages = {(r["area_code"], r["soc"]): r for r in conn.execute("SELECT * FROM oews_area_wage")}
    assert wages[("3900000", "29-1141")]["a_median"] == 82510
    assert wages[("0018140", "29-1141")]["tot_emp"] == 30510
    rural = wages[("3900004", "29-1141")]
    assert rural["a_median"] is None and json.loads(rural["markers"])["a_median"] == "top_coded"
    actors = wages[("3900000", "27-2011")]
    assert actors["tot_emp"] is None and json.loads(actors["markers"]) == {"a_median": "not_released",
                                                                          "tot_emp": "not_released"}
    areas = {r["area_code"]: tuple(r) for r in conn.execute("SELECT * FROM oews_area")}
    assert areas["0018140"] == ("0018140", "metro", "39", "OH", "Columbus, OH")
    assert areas["3900004"][1] == "nonmetro"
    entry = next(e for e in status(conn) if e["kind"] == "bls-oews-areas")
    assert entry["file_name"] == "state_M2025_dl.xlsx + oesm25ma.zip"
    assert lm.occupation_in_area(conn, "29-1141", "Columbus, OH").area.annual_median == 83900


def test_the_area_reader_on_the_national_workbook(data_dir: Path) -> None:
    from careerclusters.sources import oews_areas

    path = data_dir / "bls/national_M2025_dl.xlsx"
    extract = oews_areas.read(path, "sha", None)
    nurses = next(r for r in extract.tables["oews_area_wage"] if r[:2] == ("0000000", "29-1141"))
    assert nurses[3] == 3379720 and nurses[15] == 97550
    assert extract.tables["oews_area"] == [("0000000", "national", "00", "US", "U.S.")]
    assert sources.detect(path)[0] == "bls-oews"  # imported as the national file, as before


def test_a_bad_area_workbook_names_the_cell(tmp_path: Path) -> None:
    bad = oews_workbook(tmp_path / "state_M2025_dl.xlsx", "state_M2025_dl",
                    [oews_row("39", "Ohio", "9", "OH", "29-1141", 143730, 82510)])
    conn = connect(tmp_path / "store.sqlite")
    with pytest.raises(SourceError, match="row 2, column 'AREA_TYPE'"):
        import_paths(conn, [bad])
    assert conn.execute("SELECT COUNT(*) FROM oews_area_wage").fetchone()[0] == 0
