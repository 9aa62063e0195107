"""Queries for the program alignment report: what BLS and O*NET say an occupation takes to enter, the
occupations of a CIP family's specific programs, and the crosswalks' "no match" rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

Rows = list[sqlite3.Row]


def entry_requirements(conn: sqlite3.Connection, socs: Iterable[str]) -> dict[str, sqlite3.Row]:
    """Per SOC code: BLS's typical education needed for entry and related work experience (Employment
    Projections) and O*NET's lowest job zone among its occupations, for the codes given."""
    codes = sorted(set(socs))
    if not codes:
        return {}
    rows = conn.execute(
        f"""WITH wanted(soc) AS (VALUES {", ".join("(?)" for _ in codes)})
            SELECT w.soc, p.entry_education, p.work_experience,
                   (SELECT MIN(z.job_zone) FROM onet_occupation o JOIN onet_job_zone z USING (onet_soc)
                    WHERE o.soc = w.soc) AS job_zone
            FROM wanted w LEFT JOIN projection p ON p.soc = w.soc""", codes).fetchall()  # noqa: S608 - marks only
    return {row["soc"]: row for row in rows}


def family_occupations(conn: sqlite3.Connection, prefix: str, general: str) -> Rows:
    """The occupations NCES and Advance CTE link to the programs whose CIP codes start with ``prefix`` (a family
    "46." or a series "47.06"), other than the general program ``general`` itself: (soc, title, and the first such
    program's cip and cip_title)."""
    return conn.execute(
        """SELECT soc, title, cip, cip_title FROM (
             SELECT soc, soc_title AS title, cip, cip_title,
                    ROW_NUMBER() OVER (PARTITION BY soc ORDER BY cip) AS first
             FROM (SELECT soc, soc_title, cip, cip_title FROM cip_soc WHERE cip LIKE ? || '%' AND cip != ?
                   UNION ALL SELECT soc, soc_title, cip, cip_title FROM cte_full WHERE cip LIKE ? || '%' AND cip != ?))
           WHERE first = 1 ORDER BY soc""", (prefix, general, prefix, general)).fetchall()


def is_no_match(conn: sqlite3.Connection, cip: str) -> bool:
    """Whether the crosswalk's rows for ``cip`` are its "NO MATCH" rows (99.9999: occupations no program leads to)."""
    row = conn.execute("SELECT 1 FROM cip_soc WHERE cip = ? AND upper(cip_title) LIKE '%NO MATCH%' LIMIT 1",
                       (cip,)).fetchone()
    return row is not None


def series_programs(conn: sqlite3.Connection, series: str, limit: int = 3) -> Rows:
    """The first programs (6-digit codes) of a CIP series ("51.38"), for suggesting one."""
    return conn.execute("SELECT cip, title FROM cip WHERE digits = 6 AND cip LIKE ? || '%' "
                        "AND action NOT IN ('Deleted', 'Moved from') ORDER BY cip LIMIT ?", (series, limit)).fetchall()


def subcluster_members(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Each SOC code's modern sub-clusters (Advance CTE's SOC crosswalk)."""
    members: dict[str, set[str]] = {}
    for soc, subcluster in conn.execute("SELECT DISTINCT soc, subcluster_id FROM cte_soc"):
        members.setdefault(soc, set()).add(subcluster)
    return members
