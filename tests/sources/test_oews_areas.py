"""OEWS by area as read from its files: the SQLite bundle (found by its contents, checked against its manifest,
compressed or not, refused whole when cut short) and BLS's state, metro and nonmetro workbooks."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from careerclusters import sources
from careerclusters.labor import market as lm
from careerclusters.sources import SourceError
from careerclusters.store import connect, import_paths, status
from tests.helpers import oews_row, oews_workbook

BUNDLE = "bls-oews-bundle/oews-2025.sqlite.gz"


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
