"""O*NET's work activities, technologies and rating files in the store: read from files of the official layout, and
a store that imported O*NET before these tables existed reads the same database again on its next import."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from careerclusters.store import connect, import_paths, status
from careerclusters.store.schema import MIGRATIONS


def test_the_work_tables_and_ratings_are_read_from_the_official_layout(tmp_path: Path,
                                                                       onet_folder: Callable[..., Path]) -> None:
    conn = connect(tmp_path / "store.sqlite")
    import_paths(conn, [onet_folder(with_ratings=True)])
    counts = {e["kind"]: e["row_counts"] for e in status(conn)}["onet-db"]
    assert counts["onet_task_dwa"] == 16 and counts["onet_dwa"] == 9 and counts["onet_technology"] == 10
    assert counts["onet_rating"] == 30  # 5 elements x 3 occupations x (IM, LV); the suppressed level is left out
    assert conn.execute("SELECT title FROM onet_dwa WHERE dwa_id = 'rare-a'").fetchone()[0] == "Drive trucks."
    fleet = conn.execute("SELECT hot, in_demand FROM onet_technology WHERE example = 'FleetPro'").fetchone()
    assert tuple(fleet) == (1, 0)
    assert tuple(conn.execute("SELECT domain, element_name, value FROM onet_rating WHERE onet_soc = '11-1114.00' "
                              "AND element_id = '2.C.1.a' AND scale = 'LV'").fetchone()) == (
        "knowledge", "Administration and Management", 5.0)


def test_a_store_imported_before_schema_5_reads_its_onet_database_again(tmp_path: Path,
                                                                         onet_folder: Callable[..., Path]) -> None:
    folder = onet_folder()
    path = tmp_path / "old.sqlite"
    raw = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        raw.executescript(script + ";")
    raw.execute("PRAGMA user_version = 4")
    raw.execute("INSERT INTO source_file VALUES ('onet-db', 'O*NET', 'O*NET 99.0', 'onet', 'abc', '2099-01-01', "
                "'{}', 'imported')")
    raw.commit()
    raw.close()
    conn = connect(path)
    assert conn.execute("SELECT sha256 FROM source_file WHERE kind = 'onet-db'").fetchone()[0] == "to re-import: abc"
    [result] = import_paths(conn, [folder])
    assert result.status == "replaced" and result.rows["onet_task_dwa"] == 16
    assert import_paths(conn, [folder])[0].status == "unchanged"
