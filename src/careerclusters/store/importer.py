"""Importing official files into the store: all files of one run in one transaction, with provenance.

Every file is read and checked completely before the transaction starts, and any failure inside it
rolls everything back, so a run either imports all its files or leaves the store exactly as it was.
A file whose SHA-256 matches what is already imported for its kind changes nothing (unless every industry's
rows are asked for and the earlier import kept only the cross-industry ones).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from careerclusters import sources
from careerclusters.sources import Extract, bundle
from careerclusters.store.errors import StoreError
from careerclusters.store.schema import BY_INDUSTRY, BY_KIND, COMBINABLE, OWNERS, REREAD_WITHOUT

#: Between the names of files imported together as one kind, in ``source_file.file_name``.
JOINED = " + "


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file_name: str
    release: str
    status: str  # "imported", "replaced" or "unchanged"
    rows: dict[str, int]
    read_seconds: float


def _current(row: sqlite3.Row | None, sha256: str, industries: bool) -> bool:
    """Whether a kind's recorded import (``row``) already holds this file, and its industry rows when those are
    asked for. An import with industries stays current for a later plain import: the default never drops them.
    One made before the program read a table it now needs (``REREAD_WITHOUT``) is not current."""
    if row is None or row["sha256"] != sha256:
        return False
    counts = json.loads(row["row_counts"])
    if REREAD_WITHOUT.get(row["kind"], "") not in {"", *counts}:
        return False
    table = BY_INDUSTRY.get(row["kind"])
    return not (industries and table) or table in counts


def import_extracts(conn: sqlite3.Connection, extracts: Sequence[tuple[Extract, float]], *,
                    industries: bool = False) -> list[ImportResult]:
    """Write extracts in one transaction; unchanged files are skipped, changed ones replace their kind."""
    results = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for extract, seconds in extracts:
            row = conn.execute("SELECT kind, sha256, row_counts FROM source_file WHERE kind = ?",
                               (extract.kind,)).fetchone()
            if _current(row, extract.sha256, industries):
                status = "unchanged"
            else:
                status = "replaced" if row is not None else "imported"
                _replace(conn, extract)
            results.append(ImportResult(extract.kind, extract.file_name, extract.release, status,
                                        extract.counts(), seconds))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return results


def _replace(conn: sqlite3.Connection, extract: Extract, origin: str = "imported") -> None:
    owned = OWNERS[extract.kind]
    for table in owned:
        if table in BY_KIND:
            conn.execute(f"DELETE FROM {table} WHERE kind = ?", (extract.kind,))  # noqa: S608 - from OWNERS
        else:
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - table names come from OWNERS, not input
    for table, rows in extract.tables.items():
        if table not in owned:
            raise StoreError(f"{extract.file_name}: reader produced rows for {table!r}, which {extract.kind} "
                             "does not own")
        if not rows:
            continue
        marks = ", ".join("?" * len(rows[0]))
        try:
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)  # noqa: S608
        except sqlite3.Error as exc:
            raise StoreError(f"{extract.file_name}: cannot store rows in {table} ({exc})") from exc
    conn.execute(
        "INSERT OR REPLACE INTO source_file (kind, publisher, release, file_name, sha256, imported_at, row_counts, "
        "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (extract.kind, extract.publisher, extract.release, extract.file_name, extract.sha256,
         datetime.now(UTC).isoformat(timespec="seconds"), json.dumps(extract.counts()), origin),
    )


def apply_bundled(conn: sqlite3.Connection) -> list[str]:
    """Fill each bundled kind that the store lacks, or holds only from an older bundle, from the crosswalks
    shipped in the package; a kind imported from an official file is never touched. Returns the kinds
    written. Called whenever a store is opened for writing, so an upgraded package brings its newer bundle."""
    recorded = {row["kind"]: row for row in conn.execute("SELECT kind, sha256, origin FROM source_file")}
    stale = [record for record in bundle.provenance()
             if record["kind"] not in recorded or (recorded[record["kind"]]["origin"] == "bundled"
                                                   and recorded[record["kind"]]["sha256"] != record["source_sha256"])]
    if not stale:
        return []
    wanted = {record["kind"] for record in stale}
    started = not conn.in_transaction
    if started:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for extract in bundle.extracts():
            if extract.kind in wanted:
                _replace(conn, extract, origin="bundled")
        if started:
            conn.execute("COMMIT")
    except BaseException:
        if started:
            conn.execute("ROLLBACK")
        raise
    return sorted(wanted)


def import_paths(conn: sqlite3.Connection, paths: Sequence[Path],
                 on_file: Callable[[Path], None] | None = None, *, industries: bool = False) -> list[ImportResult]:
    """Read then import ``paths`` (files or O*NET folders) all or nothing. A file whose checksum is already
    recorded for its kind is not parsed at all: it is reported unchanged. ``industries`` keeps every
    industry's rows of the files that have them (OEWS by area), not only the cross-industry ones."""
    recorded = {row["kind"]: row for row in conn.execute("SELECT * FROM source_file")}
    results: list[ImportResult | None] = []
    to_read: list[tuple[Extract, float]] = []
    for path in paths:
        if on_file:
            on_file(path)
        found = sources.identify(path)
        row = recorded.get(found.kind)
        if _current(row, found.sha256, industries):
            results.append(ImportResult(found.kind, path.name, row["release"], "unchanged",
                                        json.loads(row["row_counts"]), 0.0))
            continue
        started = time.perf_counter()
        to_read.append((found.read(industries=industries), time.perf_counter() - started))
        results.append(None)
    imported = iter(import_extracts(conn, _combined(to_read), industries=industries))
    return [result if result is not None else next(imported) for result in _placeholders(results, to_read)]


def _combined(extracts: list[tuple[Extract, float]]) -> list[tuple[Extract, float]]:
    """Extracts of one combinable kind (parts of one dataset, such as BLS's state and metro workbooks) as one
    extract; the same kind twice otherwise is an error, since the second would silently replace the first."""
    merged: dict[str, tuple[Extract, float]] = {}
    for extract, seconds in extracts:
        if extract.kind not in merged:
            merged[extract.kind] = (extract, seconds)
            continue
        if extract.kind not in COMBINABLE:
            raise StoreError(f"{extract.file_name} and {merged[extract.kind][0].file_name} are both {extract.kind}: "
                             "import one of them")
        first, total = merged[extract.kind]
        tables = {t: [*first.tables.get(t, []), *extract.tables.get(t, [])] for t in {*first.tables, *extract.tables}}
        digest = hashlib.sha256((first.sha256 + extract.sha256).encode()).hexdigest()
        keys = COMBINABLE[extract.kind]
        unique = {t: list({row[:keys[t]]: row for row in reversed(rows)}.values())[::-1] for t, rows in tables.items()}
        name = f"{first.file_name}{JOINED}{extract.file_name}"
        merged[extract.kind] = (Extract(first.kind, first.publisher, first.release, name, digest, unique),
                                total + seconds)
    return list(merged.values())


def _placeholders(results: list[ImportResult | None], read: list[tuple[Extract, float]]) -> list[ImportResult | None]:
    """One result per combined kind: the later parts of a combined kind report the combined import."""
    kinds_seen: set[str] = set()
    out: list[ImportResult | None] = []
    pending = iter(read)
    for result in results:
        if result is not None:
            out.append(result)
            continue
        kind = next(pending)[0].kind
        if kind in kinds_seen:
            continue
        kinds_seen.add(kind)
        out.append(None)
    return out


def status(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """What is imported: one entry per source kind, with its provenance and row counts."""
    return [dict(row) | {"row_counts": json.loads(row["row_counts"])}
            for row in conn.execute("SELECT * FROM source_file ORDER BY kind")]


def file_names(rows: Iterable[sqlite3.Row]) -> set[str]:
    """The name of every file ``source_file`` rows came from, each part of a combined import on its own, so
    the store can say which parts of a dataset (BLS's metro and nonmetropolitan workbooks) it lacks."""
    return {name for row in rows for name in row["file_name"].split(JOINED)}


def imported_files(conn: sqlite3.Connection) -> set[str]:
    """``file_names`` of everything imported."""
    return file_names(conn.execute("SELECT file_name FROM source_file"))
