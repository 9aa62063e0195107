"""Shared fixtures. Tests that need the official files read them from ../shared; when that folder is
missing they fail with a clear message rather than skipping, so CI can never pass by silently testing less.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAREERCLUSTERS_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"


def require(path: Path) -> Path:
    """``path`` if it exists, else fail the test loudly naming what is missing."""
    if not path.exists():
        pytest.fail(f"required shared file is missing: {path} (tests read the official files from ../shared)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require(SHARED)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require(DATA)


@pytest.fixture(scope="session")
def occupations(imported_db: Path):
    from careerclusters.classifier import load_classifier
    from careerclusters.store import connect

    conn = connect(imported_db, readonly=True)
    yield load_classifier(conn, "occupation", imported_db)
    conn.close()


@pytest.fixture(scope="session")
def programs(imported_db: Path):
    from careerclusters.classifier import load_classifier
    from careerclusters.store import connect

    conn = connect(imported_db, readonly=True)
    yield load_classifier(conn, "program", imported_db)
    conn.close()


def official_paths(data: Path) -> list[Path]:
    """Every official file in the shared data folder, as a user would pass them to `data import`."""
    files = sorted(p for p in data.rglob("*") if p.suffix in {".xlsx", ".csv", ".gz"})
    return [require(p) for p in files] + [require(data / "onet" / "db_27_0_text")]


@pytest.fixture(scope="session")
def imported_db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A store with every official file imported once per test session (read-only use), OEWS with its industries."""
    from careerclusters.store import connect, import_paths

    path = tmp_path_factory.mktemp("store") / "careerclusters.sqlite"
    conn = connect(path)
    import_paths(conn, official_paths(data_dir), industries=True)  # every query must still answer cross-industry
    conn.close()
    return path


@pytest.fixture()
def conn(imported_db: Path):
    from careerclusters.store import connect

    connection = connect(imported_db, readonly=True)
    yield connection
    connection.close()


def copy_store(source: Path, target: Path) -> Path:
    """``target`` made a copy of the store ``source`` (SQLite's backup, consistent even while it is read)."""
    import sqlite3

    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    reader.backup(writer)
    reader.close()
    writer.close()
    return target


@pytest.fixture(scope="session")
def pos_db(imported_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the imported store with the example programs of study imported (read-only use)."""
    from careerclusters.pos.catalogue import import_files
    from careerclusters.pos.examples import example_paths
    from careerclusters.store import connect

    path = copy_store(imported_db, tmp_path_factory.mktemp("pos-store") / "careerclusters.sqlite")
    conn = connect(path)
    import_files(conn, example_paths())
    conn.close()
    return path
