"""SQL for the classifiers: the titles, descriptions and tasks they learn from, and where each code sits in the
framework. Every function takes an open connection and returns plain rows; fitting models is the classifier's job."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

Rows = list[sqlite3.Row]


# -- occupations (O*NET-SOC) -------------------------------------------------------------------------------------
def occupation_titles(conn: sqlite3.Connection) -> Rows:
    """(onet_soc, title): each O*NET occupation's own title."""
    return conn.execute("SELECT onet_soc, title FROM onet_occupation").fetchall()


def alternate_titles(conn: sqlite3.Connection) -> Rows:
    """(onet_soc, title): O*NET's alternate titles."""
    return conn.execute("SELECT onet_soc, title FROM onet_alt_title").fetchall()


def short_titles(conn: sqlite3.Connection) -> Rows:
    """(onet_soc, short title): the short forms O*NET gives some alternate titles."""
    return conn.execute("SELECT onet_soc, short_title FROM onet_alt_title WHERE short_title IS NOT NULL").fetchall()


def reported_titles(conn: sqlite3.Connection) -> Rows:
    """(onet_soc, title): the job titles workers reported to O*NET."""
    return conn.execute("SELECT onet_soc, title FROM onet_reported_title").fetchall()


def occupation_descriptions(conn: sqlite3.Connection) -> Rows:
    return conn.execute("SELECT onet_soc, description FROM onet_occupation").fetchall()


def occupation_tasks(conn: sqlite3.Connection) -> Rows:
    return conn.execute("SELECT onet_soc, task FROM onet_task").fetchall()


def occupation_memberships(conn: sqlite3.Connection) -> Rows:
    """(onet_soc, cluster_id, subcluster_id): each O*NET occupation's modern clusters through its SOC code
    (none without Advance CTE's SOC crosswalk)."""
    if conn.execute("SELECT EXISTS (SELECT 1 FROM cte_soc)").fetchone()[0] != 1:
        return []
    return conn.execute("SELECT o.onet_soc, m.cluster_id, m.subcluster_id FROM onet_occupation o "
                        "JOIN cte_soc m ON m.soc = o.soc").fetchall()


def occupation_pathways(conn: sqlite3.Connection) -> Rows:
    """(onet_soc, pathway_id): each O*NET occupation's original pathways."""
    return conn.execute("SELECT onet_soc, pathway_id FROM onet_pathway").fetchall()


# -- programs (CIP 2020) -----------------------------------------------------------------------------------------
def programs(conn: sqlite3.Connection) -> Rows:
    """(cip, title, definition, examples) of every current 6-digit CIP 2020 program."""
    return conn.execute("SELECT cip, title, definition, examples FROM cip WHERE digits = 6 "
                        "AND action NOT IN ('Deleted', 'Moved from')").fetchall()


def program_groups(conn: sqlite3.Connection) -> Rows:
    """(cip, title) of every CIP 2020 family (2 digits) and series (4 digits)."""
    return conn.execute("SELECT cip, title FROM cip WHERE digits IN (2, 4)").fetchall()


def program_memberships(conn: sqlite3.Connection) -> Rows:
    """(cip, cluster_id, subcluster_id) from Advance CTE's CIP crosswalk."""
    return conn.execute("SELECT DISTINCT cip, cluster_id, subcluster_id FROM cte_cip").fetchall()


# -- what a built classifier depends on --------------------------------------------------------------------------
def source_checksums(conn: sqlite3.Connection, kinds: Sequence[str]) -> Rows:
    """(kind, sha256) of those of ``kinds`` that are imported, by kind."""
    return conn.execute(f"SELECT kind, sha256 FROM source_file WHERE kind IN ({', '.join('?' * len(kinds))}) "  # noqa: S608
                        "ORDER BY kind", tuple(kinds)).fetchall()
