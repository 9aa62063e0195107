"""Programs of study in the store: atomic import with provenance, listing, filters and lookups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from careerclusters.base.errors import CareerClustersError
from careerclusters.pos import catalogue as pos
from careerclusters.pos import files
from careerclusters.pos.examples import CATALOG, example_paths, examples
from careerclusters.pos.files import ProgramFileError
from careerclusters.store import NotInDataError, connect, status


def _dump(conn: sqlite3.Connection) -> list[tuple]:
    return [tuple(r) for table in ("program_of_study", "program_of_study_subcluster", "program_of_study_cip")
            for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]


def test_import_lists_shows_and_records_provenance(tmp_path: Path) -> None:
    conn = connect(tmp_path / "store.sqlite")
    results = pos.import_files(conn, example_paths())
    assert {r.status for r in results} == {"imported"} and len(results) == len(examples())
    nursing = pos.get(conn, "example-registered-nursing")
    assert nursing.program == next(p for p in examples() if p.id == "example-registered-nursing")
    assert nursing.file_name == "registered-nursing.yaml"
    record = next(e for e in status(conn) if e["kind"] == "programs-of-study")
    assert record["release"] == "8 programs of study" and record["row_counts"]["program_of_study"] == 8
    assert [p.id for p in pos.list_programs(conn, subcluster="Physical Health")] == ["example-registered-nursing"]
    assert [p.id for p in pos.list_programs(conn, cip="480508")] == ["example-welding"]
    again = pos.import_files(conn, [CATALOG])
    assert [(r.id, r.status) for r in again] == [("example-culinary-arts", "unchanged"),
                                                 ("example-welding", "unchanged")]
    with pytest.raises(NotInDataError, match="no program of study 'nope' is imported"):
        pos.get(conn, "nope")
    conn.close()


def test_a_changed_program_replaces_only_itself(tmp_path: Path) -> None:
    conn = connect(tmp_path / "store.sqlite")
    pos.import_files(conn, example_paths())
    welding = next(p for p in examples() if p.id == "example-welding")
    changed = tmp_path / "welding.json"
    changed.write_text(files.to_json(welding.model_copy(update={"title": "Welding and Fabrication (example)"})),
                       encoding="utf-8")
    assert [r.status for r in pos.import_files(conn, [changed])] == ["replaced"]
    assert pos.get(conn, "example-welding").program.title == "Welding and Fabrication (example)"
    assert pos.get(conn, "example-welding").file_name == "welding.json"
    assert len(pos.list_programs(conn)) == 8
    conn.close()


def test_a_bad_file_among_good_ones_leaves_the_store_unchanged(tmp_path: Path) -> None:
    conn = connect(tmp_path / "store.sqlite")
    pos.import_files(conn, example_paths()[:2])
    before = _dump(conn), [dict(e) for e in status(conn)]
    bad = tmp_path / "catalog.csv"
    bad.write_text(CATALOG.read_text(encoding="utf-8").replace(",Food Service,2,", ",Food Service,lots,"),
                   encoding="utf-8")
    with pytest.raises(ProgramFileError, match=r"^catalog.csv, row 3, column 'credits': "):
        pos.import_files(conn, [*example_paths(), bad])
    twice = "^example-state-catalog.csv: program id 'example-culinary-arts' is also given in culinary-arts.yaml$"
    with pytest.raises(CareerClustersError, match=twice):
        pos.import_files(conn, [*example_paths(), CATALOG])
    assert (_dump(conn), [dict(e) for e in status(conn)]) == before
    conn.close()
