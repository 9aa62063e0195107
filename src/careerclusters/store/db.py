"""Opening the store: where the SQLite file lives, connection settings, and schema migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from platformdirs import user_data_dir

from careerclusters.base.commands import command
from careerclusters.store.errors import NotInDataError, StoreError
from careerclusters.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["ENV_VAR", "NotInDataError", "StoreError", "connect", "data_version", "default_path"]

ENV_VAR = "CAREERCLUSTERS_DB"


def default_path() -> Path:
    """``$CAREERCLUSTERS_DB`` if set, else ``careerclusters.sqlite`` in the user data directory."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    return Path(user_data_dir("careerclusters", appauthor=False)) / "careerclusters.sqlite"


def connect(path: Path | None = None, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store. Read-only opens never create a file: a store that
    does not exist yet reads as an in-memory one holding just the bundled crosswalks. Every other open
    fills in bundled crosswalks the store lacks (see ``importer.apply_bundled``)."""
    path = path or default_path()
    in_memory = readonly and not path.exists()
    if in_memory:
        conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc
    conn.row_factory = sqlite3.Row
    try:
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a careerclusters store ({exc})") from exc
    _migrate(conn, path, readonly)
    if not readonly or in_memory:
        from careerclusters.store.importer import apply_bundled  # the readers: only where the store is written

        apply_bundled(conn)
    return conn


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's ``PRAGMA data_version``: a counter that changes when another connection has written to the store
    since this one last asked, and costs no table read."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _migrate(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a careerclusters store ({exc})") from exc
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: store schema {version} is newer than this program's ({SCHEMA_VERSION}); "
                         "upgrade careerclusters")
    if version == SCHEMA_VERSION:
        return
    if readonly:
        if path.exists():
            raise StoreError(f"{path}: store schema {version} needs migrating; run `{command('data status')}`")
        conn.execute("BEGIN")  # an in-memory stand-in for a store that does not exist yet: empty tables
    else:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for script in MIGRATIONS[version:]:
            for statement in script.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except sqlite3.Error:
        conn.execute("ROLLBACK")
        raise
