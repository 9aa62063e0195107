"""Helpers shared by the benchmarks: where the shared data is, and a fresh store."""

from __future__ import annotations

import gzip
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAREERCLUSTERS_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"


def official_paths() -> list[Path]:
    if not DATA.is_dir():
        sys.exit(f"the shared data folder is missing: {DATA}")
    files = sorted(p for p in DATA.rglob("*") if p.suffix in {".xlsx", ".csv", ".gz"})
    return [*files, DATA / "onet" / "db_27_0_text"]


def machine() -> str:
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"


def imported_store(folder: Path) -> Path:
    """A fresh store in ``folder`` with every official file imported."""
    from careerclusters.store import connect, import_paths

    path = folder / "bench.sqlite"
    conn = connect(path)
    import_paths(conn, official_paths())
    conn.close()
    return path


def read_bundle_cells(bundle: Path, where: str = "") -> int:
    """The simple baseline for importing the OEWS bundle: unpack it and fetch every cell (``where`` narrows
    them), with no checks and no writes; how many cells."""
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "oews.sqlite"
        with gzip.open(bundle) as source, database.open("wb") as target:
            shutil.copyfileobj(source, target)
        with sqlite3.connect(database) as conn:
            return sum(1 for _ in conn.execute(f"SELECT * FROM cell {where}"))
