"""The crosswalks bundled in the package: equal to a regeneration from the official files, answering on a
fresh install with no download, and giving way to a newer imported file."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from careerclusters import sources
from careerclusters.crosswalk import answers
from careerclusters.crosswalk.relations import Crosswalk, System
from careerclusters.crosswalk.transition import TransitionMap
from careerclusters.framework import Level
from careerclusters.sources import bundle
from careerclusters.store import connect, import_paths, status

BUNDLED_FOLDER = Path(str(bundle.PACKAGE_FOLDER))


def test_bundle_equals_a_regeneration_from_the_official_files(data_dir: Path, tmp_path: Path) -> None:
    """The committed files cannot drift from the importer: regenerating them gives the same rows and
    provenance (compared uncompressed, so a different zlib cannot fail the test)."""
    records = bundle.write(data_dir, tmp_path)
    assert json.loads((tmp_path / bundle.PROVENANCE).read_text("utf-8")) == bundle.provenance() == records
    committed = sorted(p.name for p in BUNDLED_FOLDER.iterdir() if p.name.endswith(".csv.gz"))
    assert committed == sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".csv.gz"))
    for name in committed:
        assert gzip.decompress((tmp_path / name).read_bytes()) == gzip.decompress((BUNDLED_FOLDER / name).read_bytes())


def test_bundled_rows_are_what_importing_the_official_file_stores(data_dir: Path) -> None:
    by_kind = {extract.kind: extract for extract in bundle.extracts()}
    official = sources.read(data_dir / "advance-cte/SOC_Career_Clusters_Crosswalk.xlsx")
    assert by_kind["advance-cte-soc"].tables == official.tables
    assert by_kind["advance-cte-soc"].sha256 == official.sha256
    legacy = sources.read(data_dir / "onet/legacy-career-clusters/All_Career_Clusters.csv")
    assert by_kind["onet-legacy-clusters"].tables == legacy.tables


def test_provenance_names_publisher_release_checksum_and_attribution() -> None:
    soc = next(r for r in bundle.provenance() if r["kind"] == "advance-cte-soc")
    assert soc["publisher"] == "Advance CTE"
    assert soc["release"] == "Advance CTE crosswalks 2025 (26 June 2025)"
    assert soc["source_sha256"] == "9a290fe4c91add8257a44aa3c8b7d56cd5ef3b93d3a2dad87264ddc40ca9cc0c"
    assert "careertech.org" in soc["attribution"]
    legacy = next(r for r in bundle.provenance() if r["kind"] == "onet-legacy-clusters")
    assert "CC BY 4.0" in legacy["attribution"] and legacy["release"] == "O*NET OnLine career cluster export (2023)"


# -- a fresh install, no download ------------------------------------------------------------------------

def test_fresh_store_answers_from_the_bundle(tmp_path: Path) -> None:
    conn = connect(tmp_path / "never-created.sqlite", readonly=True)
    assert not (tmp_path / "never-created.sqlite").exists()
    crosswalk = Crosswalk(conn)

    def targets(source: System, code: str) -> set[str]:
        [mapping] = crosswalk.map(source, System.SUBCLUSTER, [code])
        return {target for target, _name in mapping.targets}

    assert targets(System.SOC, "29-1141") == {"physical-health"}
    assert targets(System.CIP, "51.3801") == {"physical-health", "teaching-training-facilitation"}
    assert "physical-health" in targets(System.NAICS, "62")
    contents = answers.contents(conn, "physical-health", Level.SUBCLUSTER, "title")
    nurse = next(o for o in contents.occupations if o.soc == "29-1141")
    assert nurse.title == "Registered Nurses" and nurse.median_wage is None  # no wages without the BLS import
    assert ("51.3801", "Registered Nursing/Registered Nurse") in {(p.cip, p.title) for p in contents.programs}
    assert TransitionMap(conn).of("Therapeutic Services").subclusters[0].id == "physical-health"
    assert {e["kind"]: e["origin"] for e in status(conn)} == dict.fromkeys(bundle.BUNDLED_KINDS, "bundled")


def _older_soc_workbook(data_dir: Path, target: Path) -> Path:
    """A copy of the SOC workbook with one occupation moved, standing in for a different release."""
    book = openpyxl.load_workbook(data_dir / "advance-cte/SOC_Career_Clusters_Crosswalk.xlsx")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "Registered Nurses":
                    cell.value = "Registered Nurses (changed release)"
    book.save(target)
    return target


def test_an_imported_file_replaces_the_bundled_release_and_stays(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    conn = connect(path)
    [result] = import_paths(conn, [_older_soc_workbook(data_dir, tmp_path / "SOC.xlsx")])
    assert result.status == "replaced"
    conn.close()
    conn = connect(path)  # reopening for writing must not put the bundle back over an imported file
    entry = next(e for e in status(conn) if e["kind"] == "advance-cte-soc")
    assert entry["origin"] == "imported" and entry["file_name"] == "SOC.xlsx"
    titles = {r[0] for r in conn.execute("SELECT soc_title FROM cte_soc WHERE soc = '29-1141'")}
    assert titles == {"Registered Nurses (changed release)"}


def test_an_older_bundle_is_refreshed_when_the_package_brings_a_newer_one(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    connect(path).close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE source_file SET sha256 = 'from-an-older-package' WHERE kind = 'advance-cte-naics'")
    raw.execute("DELETE FROM cte_naics WHERE naics = '62'")
    raw.commit()
    raw.close()
    conn = connect(path)
    assert conn.execute("SELECT COUNT(*) FROM cte_naics WHERE naics = '62'").fetchone()[0] > 0
    entry = next(e for e in status(conn) if e["kind"] == "advance-cte-naics")
    assert entry["sha256"] == "c795292578e49794abcd89b78783af3d6cea104711150d47c7e021b4a18734c5"


def test_write_names_what_the_folder_lacks(tmp_path: Path) -> None:
    with pytest.raises(sources.SourceError, match="no official file for advance-cte-cip"):
        bundle.write(tmp_path, tmp_path / "out")
