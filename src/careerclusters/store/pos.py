"""Programs of study in the store: writing a batch atomically with provenance, and reading them back.

Programs are kept by id: importing a program whose id is stored replaces it, and every other program stays.
The ``source_file`` row of kind ``programs-of-study`` sums up what is stored (its checksum changes with any
program), so answers cached against the store's data are refreshed after an import.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from careerclusters.store.crosswalk import national_wages

KIND = "programs-of-study"
PUBLISHER = "states, districts and colleges (imported by the user)"


@dataclass(frozen=True)
class StoredProgram:
    """One program to store: its JSON document and the file it came from."""

    id: str
    title: str
    owner: str
    example: bool
    document: str
    subclusters: Sequence[str]
    cips: Sequence[tuple[str, str]]  # (cip, stage)
    file_name: str
    sha256: str


def save(conn: sqlite3.Connection, programs: Sequence[StoredProgram]) -> dict[str, str]:
    """Store ``programs`` in one transaction; returns each id's status: imported, replaced or unchanged."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    statuses: dict[str, str] = {}
    conn.execute("BEGIN IMMEDIATE")
    try:
        stored = {row[0]: row[1] for row in conn.execute("SELECT id, document FROM program_of_study")}
        for p in programs:
            if stored.get(p.id) == p.document:
                statuses[p.id] = "unchanged"
                continue
            statuses[p.id] = "replaced" if p.id in stored else "imported"
            for table in ("program_of_study_subcluster", "program_of_study_cip"):
                conn.execute(f"DELETE FROM {table} WHERE program_id = ?", (p.id,))  # noqa: S608 - fixed names
            conn.execute("INSERT OR REPLACE INTO program_of_study VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (p.id, p.title, p.owner, int(p.example), p.document, p.file_name, p.sha256, now))
            conn.executemany("INSERT INTO program_of_study_subcluster VALUES (?, ?)",
                             [(p.id, sub) for sub in p.subclusters])
            conn.executemany("INSERT INTO program_of_study_cip VALUES (?, ?, ?)",
                             [(p.id, cip, stage) for cip, stage in p.cips])
            stored[p.id] = p.document
        if any(status != "unchanged" for status in statuses.values()):
            _record(conn, sorted({p.file_name for p in programs}), stored, now)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return statuses


def _record(conn: sqlite3.Connection, files: list[str], stored: dict[str, str], now: str) -> None:
    digest = hashlib.sha256()
    for program_id in sorted(stored):
        digest.update(program_id.encode() + b"\0" + stored[program_id].encode() + b"\0")
    counts = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
              for table in ("program_of_study", "program_of_study_subcluster", "program_of_study_cip")}
    names = ", ".join(files)
    conn.execute(
        "INSERT OR REPLACE INTO source_file (kind, publisher, release, file_name, sha256, imported_at, row_counts, "
        "origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'imported')",
        (KIND, PUBLISHER, f"{len(stored)} programs of study", names[:500], digest.hexdigest(), now,
         json.dumps(counts)))


def listing(conn: sqlite3.Connection, *, subcluster: str | None = None, cip: str | None = None) -> list[sqlite3.Row]:
    """Stored programs (without their documents), optionally those of one sub-cluster or using one CIP code."""
    return conn.execute(
        """SELECT p.id, p.title, p.owner, p.example, p.file_name, p.imported_at,
                  (SELECT GROUP_CONCAT(subcluster_id, ';') FROM program_of_study_subcluster s
                   WHERE s.program_id = p.id) AS subclusters,
                  (SELECT GROUP_CONCAT(cip, ';') FROM program_of_study_cip c WHERE c.program_id = p.id) AS cips
           FROM program_of_study p
           WHERE (:sub IS NULL OR p.id IN (SELECT program_id FROM program_of_study_subcluster
                                           WHERE subcluster_id = :sub))
             AND (:cip IS NULL OR p.id IN (SELECT program_id FROM program_of_study_cip WHERE cip = :cip))
           ORDER BY p.title, p.id""", {"sub": subcluster, "cip": cip}).fetchall()


def one(conn: sqlite3.Connection, program_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM program_of_study WHERE id = ?", (program_id,)).fetchone()


# -- the checker's reference data -------------------------------------------------------------------------------
def cip_actions(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every CIP 2020 code with NCES's action on it (new, moved, deleted…)."""
    return conn.execute("SELECT cip, action FROM cip").fetchall()


def cte_cip_titles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT cip, cip_title FROM cte_cip").fetchall()


def cte_cip_subclusters(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT cip, subcluster_id FROM cte_cip").fetchall()


def soc_titles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(soc, title) from every source naming SOC codes: OEWS, Advance CTE, NCES, O*NET, then the projections."""
    return [row for sql in ("SELECT soc, title FROM oews_wage", "SELECT soc, soc_title FROM cte_soc",
                            "SELECT soc, soc_title FROM cip_soc", "SELECT soc, title FROM onet_occupation",
                            "SELECT soc, title FROM projection")
            for row in conn.execute(sql)]


def median_wages(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(soc, national median annual wage, BLS's markers), the detailed occupations' rows last."""
    return conn.execute(f"SELECT soc, a_median, markers FROM {national_wages(conn)} "  # noqa: S608 - a constant
                        "ORDER BY o_group = 'detailed'").fetchall()


def state_median_wages(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every state's and territory's median annual wages: area code, postal abbreviation, name, soc, median,
    markers. (CROSS JOIN keeps SQLite to the areas first, each a range of the wage table's key: 0.05 s, where the
    plan it picks on its own scans every area's rows by occupation, 3 s.)"""
    return conn.execute(
        """SELECT a.area_code, a.postal, a.name, w.soc, w.a_median, w.markers
           FROM oews_area a CROSS JOIN oews_area_wage w ON w.area_code = a.area_code
           WHERE a.area_type IN ('state', 'territory')""").fetchall()


def oews_area(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    """An area OEWS covers, by its BLS code."""
    return conn.execute("SELECT * FROM oews_area WHERE area_code = ?", (code,)).fetchone()


def area_median_wages(conn: sqlite3.Connection, code: str) -> list[sqlite3.Row]:
    """One area's median annual wages: soc, median, markers."""
    return conn.execute("SELECT soc, a_median, markers FROM oews_area_wage WHERE area_code = ?", (code,)).fetchall()


def projected_changes(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT soc, change_pct FROM projection").fetchall()


def entry_educations(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(soc, BLS's typical entry education) from the projections."""
    return conn.execute("SELECT soc, entry_education FROM projection WHERE entry_education IS NOT NULL").fetchall()


def cip_occupations(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(cip, soc, soc title) links, NCES's crosswalk first, then Advance CTE's."""
    return [row for sql in ("SELECT cip, soc, soc_title FROM cip_soc", "SELECT cip, soc, soc_title FROM cte_full")
            for row in conn.execute(sql)]


# -- SCED courses ------------------------------------------------------------------------------------------------
_SCED = "SELECT c.*, s.name FROM sced_course c LEFT JOIN sced_subject s ON s.area = c.subject_area"


def sced_course(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    """One SCED course by its five-digit code, with its subject area's name."""
    return conn.execute(f"{_SCED} WHERE c.code = ?", (code,)).fetchone()


def sced_courses(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(_SCED).fetchall()


def sced_courses_in(conn: sqlite3.Connection, area: str | None) -> list[sqlite3.Row]:
    """The SCED courses of one subject area (with ``None``, of every area)."""
    return conn.execute(f"{_SCED} WHERE ? IS NULL OR c.subject_area = ?", (area, area)).fetchall()
