"""The store's schema: a new store at the current version, an older one migrated keeping its data, a newer one
or a file that is not a store refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from careerclusters.store import StoreError, connect, import_paths, status
from careerclusters.store.schema import SCHEMA_VERSION


def test_new_store_has_current_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "new.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {e["kind"]: e["origin"] for e in status(conn)} == {  # only the crosswalks the package bundles
        "advance-cte-soc": "bundled", "advance-cte-cip": "bundled", "advance-cte-naics": "bundled",
        "advance-cte-full": "bundled", "onet-legacy-clusters": "bundled"}


def test_store_of_schema_1_is_migrated_keeping_its_data(tmp_path: Path, data_dir: Path) -> None:
    """A store written before SCED courses existed gains their tables and keeps what it had."""
    from careerclusters.store.schema import MIGRATIONS

    path = tmp_path / "old.sqlite"
    raw = sqlite3.connect(path)
    raw.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    raw.execute("INSERT INTO cte_soc VALUES ('29-1141', 'Registered Nurses', 'healthcare-human-services', "
                "'physical-health')")
    raw.commit()
    raw.close()
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT subcluster_id FROM cte_soc WHERE soc = '29-1141'").fetchone()[0] == "physical-health"
    import_paths(conn, [data_dir / "nces/sced/sced_v12.csv"])
    assert conn.execute("SELECT title FROM sced_course WHERE code = '14051'").fetchone()[0] == "Nursing"


def test_store_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer than this program"):
        connect(path)


def test_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "text.sqlite"
    path.write_text("hello, I am not SQLite " * 100)
    with pytest.raises(StoreError, match="not a careerclusters store"):
        connect(path)
