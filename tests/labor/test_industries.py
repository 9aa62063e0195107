"""OEWS by industry (``data import --industries``): the industry dimension from the bundle and from BLS's
all-areas workbook, the default staying cross-industry only, and an occupation's jobs and wages by industry."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from careerclusters.cli import app
from careerclusters.labor import industries
from careerclusters.labor import market as lm
from careerclusters.server.app import create_app
from careerclusters.sources import SourceError
from careerclusters.store import StoreError, connect, import_paths, status
from tests.helpers import oews_industry_row, oews_row, oews_workbook

runner = CliRunner()


def _small_bundle(data_dir: Path, folder: Path) -> Path:
    """A bundle of the real one's layout and values, cut down to Registered Nurses nationally in every industry
    and Ohio's cross-industry rows, so that importing it takes a second."""
    full = folder / "full.sqlite"
    with gzip.open(data_dir / "bls-oews-bundle/oews-2025.sqlite.gz") as source, full.open("wb") as target:
        shutil.copyfileobj(source, target)
    small = folder / "oews-small.sqlite"
    conn = sqlite3.connect(small)
    conn.execute("ATTACH ? AS f", (str(full),))
    for table in ("area", "occupation", "industry", "datatype", "footnote", "meta"):
        conn.execute(f"CREATE TABLE {table} AS SELECT * FROM f.{table}")  # noqa: S608 - fixed names
    conn.execute("CREATE TABLE cell AS SELECT * FROM f.cell WHERE key LIKE 'OEUN0000000%291141' "
                 "OR key LIKE 'OEUN0000000000000%' OR key LIKE 'OEUS3900000000000%'")
    conn.commit()
    conn.close()
    full.unlink()
    return small


def test_the_default_import_is_cross_industry_and_industries_are_added_when_asked(data_dir: Path,
                                                                                    tmp_path: Path) -> None:
    bundle = _small_bundle(data_dir, tmp_path)
    conn = connect(tmp_path / "store.sqlite")
    (plain,) = import_paths(conn, [bundle])
    assert plain.status == "imported" and "oews_area_industry_wage" not in plain.rows
    assert conn.execute("SELECT COUNT(*) FROM oews_area_industry_wage").fetchone()[0] == 0
    with pytest.raises(StoreError, match="data import --industries"):
        industries.occupation_by_industry(conn, "29-1141")
    (every,) = import_paths(conn, [bundle], industries=True)
    assert every.status == "replaced"  # the same file, now with its industries
    hospitals = conn.execute("SELECT * FROM oews_area_industry_wage WHERE naics = '622000' AND soc = '29-1141'"
                             ).fetchone()
    assert hospitals["area_code"] == "0000000" and hospitals["tot_emp"] == 2020230 and hospitals["a_median"] == 100220
    assert tuple(conn.execute("SELECT * FROM oews_industry WHERE naics = '62'").fetchone()) == (
        "62", "Health Care and Social Assistance", 2)
    # the cross-industry answers are the same as before
    ohio = lm.occupation_in_area(conn, "29-1141", "OH")
    assert ohio.area.employment == 143730 and ohio.national.annual_median == 97550
    (again,) = import_paths(conn, [bundle])  # a plain import of the same file keeps what is there
    assert again.status == "unchanged"
    assert conn.execute("SELECT COUNT(*) FROM oews_area_industry_wage").fetchone()[0] == every.rows[
        "oews_area_industry_wage"]
    entry = next(e for e in status(conn) if e["kind"] == "bls-oews-areas")
    assert entry["row_counts"] == every.rows  # provenance records the industry rows


def test_registered_nurses_by_industry(imported_db: Path) -> None:
    def run(*args: str):
        return runner.invoke(app, ["--db", str(imported_db), "occupation", "29-1141", "--by-industry", *args])

    sectors = json.loads(run("--json").stdout)
    assert sectors["area"]["name"] == "National" and sectors["employment"] == 3379720
    health = sectors["industries"][0]
    assert (health["naics"], health["title"], health["employment"], health["annual_median"]) == (
        "62", "Health Care and Social Assistance", 2895620, 97660)
    assert health["share_of_occupation"] == round(2895620 / 3379720, 4)
    assert "999201" not in {i["naics"] for i in sectors["industries"]}  # state government with its hospitals
    #   overlaps sector 62, so it ranks with the ownership groupings, not the sectors
    hospitals = json.loads(run("--industry-level", "3-digit", "--json").stdout)["industries"][0]
    assert (hospitals["naics"], hospitals["employment"], hospitals["annual_median"]) == ("622000", 2020230, 100220)
    text = run().stdout
    assert "Health Care" in text and "2,895,620" in text and "85.7%" in text and "$97,660" in text
    ohio = run("--area", "OH")
    assert ohio.exit_code == 2
    assert "Ohio: no OEWS figures by industry (BLS publishes them for the nation only)" in ohio.stderr
    assert run("--industry-level", "7").exit_code == 2
    # a marker stays a marker: actors' annual wages are not released in any industry
    actors = json.loads(runner.invoke(app, ["--db", str(imported_db), "occupation", "27-2011", "--by-industry",
                                            "--industry-level", "3-digit", "--json"]).stdout)["industries"][0]
    assert actors["naics"] == "512000" and actors["annual_median"] is None
    assert actors["markers"]["a_median"] == "not_released"


def test_the_occupation_page_shows_the_sectors_that_employ_it(imported_db: Path, data_dir: Path,
                                                              tmp_path: Path) -> None:
    page = TestClient(create_app(imported_db, warm=False)).get("/occupations/29-1141.00").text
    where = page[page.index('id="sectors-title"'):]
    assert where.index("Health Care and Social Assistance") < where.index("Educational Services")
    assert "2,895,620" in where and "$97,660" in where and "under 1%" in where
    assert "the 8 largest of" in where  # more sectors than the table shows
    # a store imported the default way (cross-industry only) has no such section
    plain = connect(tmp_path / "plain.sqlite")
    import_paths(plain, [_small_bundle(data_dir, tmp_path)])
    plain.close()
    assert 'id="sectors-title"' not in TestClient(create_app(tmp_path / "plain.sqlite", warm=False)).get(
        "/occupations/29-1141").text


def test_the_all_areas_workbook_keeps_industries_when_asked(tmp_path: Path) -> None:
    book = oews_workbook(tmp_path / "all_data_M_2025.xlsx", "All May 2025 data",
                     [oews_row("99", "U.S.", "1", "US", "29-1141", 3379720, 97550),
                      oews_industry_row("62", "Health Care and Social Assistance", "sector", 2895620, 97660),
                      oews_industry_row("622000", "Hospitals", "3-digit", 2020230, 100220),
                      oews_industry_row("000001", "Cross-industry, private ownership only",
                                    "cross-industry, private ownership only", 2841730, 97170)])
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [book])
    assert conn.execute("SELECT COUNT(*) FROM oews_area_industry_wage").fetchone()[0] == 0
    import_paths(conn, [book], industries=True)
    levels = {r["naics"]: r["level"] for r in conn.execute("SELECT * FROM oews_industry")}
    assert levels == {"62": 2, "622000": 3, "000001": 1}
    nation = industries.occupation_by_industry(conn, "29-1141", "US", "3-digit")
    assert [(i.naics, i.employment, i.annual_median) for i in nation.industries] == [("622000", 2020230, 100220)]
    assert lm.occupation_in_area(conn, "29-1141", "US").area.annual_median == 97550


def test_an_unknown_industry_group_names_the_cell(tmp_path: Path) -> None:
    book = oews_workbook(tmp_path / "all_data_M_2025.xlsx", "All May 2025 data",
                     [oews_industry_row("62", "Health Care", "sectorish", 10, 10)])
    conn = connect(tmp_path / "store.sqlite")
    with pytest.raises(SourceError, match="row 2, column 'I_GROUP': unknown I_GROUP 'sectorish'"):
        import_paths(conn, [book], industries=True)
    assert conn.execute("SELECT COUNT(*) FROM source_file WHERE kind = 'bls-oews-areas'").fetchone()[0] == 0


def test_the_api_answers_by_industry(imported_db: Path) -> None:
    from fastapi.testclient import TestClient

    from careerclusters.server.app import create_app

    with TestClient(create_app(imported_db, warm=False)) as client:
        hospitals = client.get("/api/v1/occupations/29-1141/industries", params={"level": "3-digit"}).json()
        assert hospitals["employment"] == 3379720
        assert hospitals["industries"][0] | {"share_of_occupation": None} == {
            "naics": "622000", "title": "Hospitals", "employment": 2020230, "share_of_occupation": None,
            "annual_median": 100220, "hourly_median": 48.18, "markers": {}}
        ohio = client.get("/api/v1/occupations/29-1141/industries", params={"area": "OH"})
        assert ohio.status_code == 404 and "for the nation only" in ohio.json()["error"]["message"]
        assert client.get("/api/v1/occupations/29-1141/industries", params={"level": "9"}).status_code == 422
