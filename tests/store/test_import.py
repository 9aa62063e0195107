"""The store: schema versions, atomic and idempotent imports with provenance, and an unchanged store after
every kind of bad input."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from careerclusters.sources import SourceError
from careerclusters.store import StoreError, connect, import_paths, status
from tests.helpers import official_paths


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, to prove a failed import changed nothing."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    data = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    conn.close()
    return data


def test_full_import_records_provenance(imported_db: Path) -> None:
    conn = connect(imported_db, readonly=True)
    entries = {e["kind"]: e for e in status(conn)}
    assert len(entries) == 12
    assert entries["nces-sced"]["release"] == "SCED version 12" and entries["nces-sced"]["origin"] == "imported"
    oews = entries["bls-oews"]
    assert oews["release"] == "OEWS May 2025, national"
    assert oews["sha256"] == "852250997ceff9b721ff68f63e877d818f9c1ec8b1b69dd367958faedd5282b2"
    assert oews["file_name"] == "national_M2025_dl.xlsx" and oews["row_counts"] == {"oews_wage": 1401}
    assert entries["onet-db"]["row_counts"]["onet_occupation"] == 1016


def test_reimport_is_idempotent(store_copy: Path, data_dir: Path) -> None:
    before = snapshot(store_copy)
    conn = connect(store_copy)
    results = import_paths(conn, official_paths(data_dir))
    conn.close()
    assert {r.status for r in results} == {"unchanged"}
    assert snapshot(store_copy) == before


def test_changed_file_replaces_its_kind_only(store_copy: Path, data_dir: Path, tmp_path: Path) -> None:
    smaller = tmp_path / "All_Career_Clusters.csv"
    lines = (data_dir / "onet/legacy-career-clusters/All_Career_Clusters.csv").read_text(encoding="utf-8").splitlines()
    smaller.write_text("\n".join(lines[:11]) + "\n", encoding="utf-8")
    before = snapshot(store_copy)
    conn = connect(store_copy)
    [result] = import_paths(conn, [smaller])
    assert result.status == "replaced"
    assert conn.execute("SELECT COUNT(*) FROM onet_pathway").fetchone()[0] == 10
    conn.close()
    after = snapshot(store_copy)
    assert {t for t in after if after[t] != before[t]} == {"onet_pathway", "source_file"}


def _truncated(data_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "CIP2020_SOC2018_Crosswalk.xlsx"
    content = (data_dir / "nces/CIP2020_SOC2018_Crosswalk.xlsx").read_bytes()
    path.write_bytes(content[:50_000])
    return path


def _missing_column(data_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "CIPCode2020.csv"
    lines = (data_dir / "nces/CIPCode2020.csv").read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join(line.replace('"CIPTitle"', '"Title"', 1) for line in lines[:50]), encoding="utf-8")
    return path


def _wrong_file(data_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "occupation.xlsx"
    shutil.copy(data_dir / "../README.md", path)
    return path


def _unreadable_zip(data_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "oesm25nat.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    return path


def _bad_code(data_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "occupation.xlsx"
    shutil.copy(data_dir / "bls/occupation.xlsx", path)
    book = openpyxl.load_workbook(path)
    book["Table 1.2"]["B10"] = "11-20X1"
    book.save(path)
    return path


@pytest.mark.parametrize(("make", "message"), [
    (_truncated, r"CIP2020_SOC2018_Crosswalk\.xlsx: not a readable Excel workbook"),
    (_missing_column, r"CIPCode2020\.csv, row 1, column 'CIPTitle': missing column"),
    (_wrong_file, r"occupation\.xlsx: not a readable Excel workbook"),
    (_unreadable_zip, r"oesm25nat\.zip"),
    (_bad_code, r"occupation\.xlsx, sheet 'Table 1\.2', row 10, column '2024 National Employment Matrix code': "
                r"'11-20X1' is not a valid SOC code"),
])
def test_bad_input_leaves_store_unchanged(store_copy: Path, data_dir: Path, tmp_path: Path, make, message) -> None:
    good = data_dir / "onet/legacy-career-clusters/All_Career_Clusters.csv"
    smaller = tmp_path / "legacy.csv"
    smaller.write_text("\n".join(good.read_text(encoding="utf-8").splitlines()[:5]) + "\n", encoding="utf-8")
    before = snapshot(store_copy)
    conn = connect(store_copy)
    with pytest.raises(SourceError, match=message):
        import_paths(conn, [smaller, make(data_dir, tmp_path)])  # a good file first: nothing of it may land
    conn.close()
    assert snapshot(store_copy) == before


def test_failure_inside_the_transaction_rolls_back(store_copy: Path, data_dir: Path, monkeypatch) -> None:
    from careerclusters.store import importer

    before = snapshot(store_copy)
    real = importer._replace
    calls = []

    def failing(conn, extract):
        calls.append(extract.kind)
        if len(calls) == 2:
            raise StoreError("disk full (simulated)")
        real(conn, extract)

    monkeypatch.setattr(importer, "_replace", failing)
    conn = connect(tmp := store_copy)
    conn.execute("DELETE FROM source_file")  # force both files to be re-imported
    with pytest.raises(StoreError, match="simulated"):
        import_paths(conn, [data_dir / "nces/CIPCode2020.csv", data_dir / "bls/occupation.xlsx"])
    conn.close()
    after = snapshot(tmp)
    assert after["cip"] == before["cip"] and after["projection"] == before["projection"]


def test_unknown_release_of_a_known_kind_is_imported_with_provenance(tmp_path: Path) -> None:
    """A crosswalk workbook whose checksum is not on record (a newer release) still imports."""
    book = openpyxl.Workbook()
    book.active.title = "Overview"
    sheet = book.create_sheet("SOC - CC - Sub-Clusters")
    sheet.append(["SOC Code", "Occupation Title", "Career Cluster", "Sub-Cluster"])
    sheet.append(["29-1141", "Registered Nurses", "Healthcare & Human Services", "Physical Health"])
    path = tmp_path / "SOC_Career_Clusters_Crosswalk_2026.xlsx"
    book.save(path)
    conn = connect(tmp_path / "store.sqlite")
    [result] = import_paths(conn, [path])
    assert result.status == "replaced" and "release not recorded" in result.release  # replaces the bundled one
    entry = next(e for e in status(conn) if e["kind"] == "advance-cte-soc")
    assert entry["file_name"] == path.name and entry["origin"] == "imported"
    conn.close()
