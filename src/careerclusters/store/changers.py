"""SQL for career changers: what O*NET says each occupation's work is (its detailed work activities, technologies
and ratings), O*NET's related occupations, and the national figures and programs a move is weighed by. The
index (``changers.index``) reads every occupation at once; the rest are asked for the few destinations shown."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

Rows = list[sqlite3.Row]


def occupations(conn: sqlite3.Connection) -> Rows:
    """Every O*NET occupation: code, SOC code, title and job zone."""
    return conn.execute("""SELECT o.onet_soc, o.soc, o.title, z.job_zone FROM onet_occupation o
                           LEFT JOIN onet_job_zone z ON z.onet_soc = o.onet_soc ORDER BY o.onet_soc""").fetchall()


def activities(conn: sqlite3.Connection) -> Rows:
    """Each occupation's detailed work activities, with how many of its tasks link to each."""
    return conn.execute("""SELECT onet_soc, dwa_id, COUNT(DISTINCT task_id) AS tasks FROM onet_task_dwa
                           GROUP BY onet_soc, dwa_id ORDER BY onet_soc, dwa_id""").fetchall()


def activity_titles(conn: sqlite3.Connection) -> Rows:
    return conn.execute("SELECT dwa_id, title FROM onet_dwa").fetchall()


def technologies(conn: sqlite3.Connection) -> Rows:
    """Each occupation's technologies: the product, its kind (commodity) and whether O*NET marks it hot."""
    return conn.execute("""SELECT onet_soc, example, commodity_title, MAX(hot) AS hot FROM onet_technology
                           GROUP BY onet_soc, example ORDER BY onet_soc, example""").fetchall()


def ratings(conn: sqlite3.Connection) -> Rows:
    """Every importance (IM) and level (LV) rating, when the rating files are imported (else no rows)."""
    return conn.execute("""SELECT onet_soc, domain, element_id, element_name, scale, value FROM onet_rating
                           ORDER BY onet_soc, domain, element_id""").fetchall()


def related(conn: sqlite3.Connection) -> Rows:
    return conn.execute("SELECT onet_soc, related_onet_soc, tier FROM onet_related").fetchall()


def national_wages(conn: sqlite3.Connection) -> Rows:
    """OEWS's national rows (detailed occupations and the broad groups some are published in only), detailed
    rows first."""
    return conn.execute("""SELECT soc, o_group, a_median, markers, tot_emp FROM oews_wage
                           ORDER BY o_group = 'detailed' DESC, soc""").fetchall()


def projections(conn: sqlite3.Connection) -> Rows:
    return conn.execute("SELECT soc, openings_k, employment_base_k, change_pct, entry_education FROM projection"
                        ).fetchall()


def memberships(conn: sqlite3.Connection) -> Rows:
    return conn.execute("SELECT DISTINCT soc, cluster_id, subcluster_id FROM cte_soc ORDER BY soc").fetchall()


def programs_for(conn: sqlite3.Connection, socs: Iterable[str]) -> Rows:
    """The CIP programs that lead to each SOC code (NCES's CIP-SOC crosswalk and Advance CTE's), with titles; NCES's
    99.9999 ("no match") is not a program."""
    wanted = sorted(set(socs))
    marks = ", ".join("?" for _ in wanted)
    return conn.execute(
        f"""SELECT l.soc, l.cip, COALESCE(c.title, MAX(l.title)) AS title
            FROM (SELECT soc, cip, cip_title AS title FROM cip_soc WHERE soc IN ({marks})
                  UNION ALL SELECT soc, cip, cip_title FROM cte_full WHERE soc IN ({marks})) AS l
            LEFT JOIN cip c ON c.cip = l.cip WHERE l.cip NOT LIKE '99.%'
            GROUP BY l.soc, l.cip ORDER BY l.soc, l.cip""", wanted + wanted).fetchall()


def programs_of_study_for(conn: sqlite3.Connection, cips: Iterable[str]) -> Rows:
    """The imported programs of study that contain any of ``cips``, each with the CIP it contains."""
    wanted = sorted(set(cips))
    marks = ", ".join("?" for _ in wanted)
    return conn.execute(
        f"""SELECT DISTINCT c.cip, p.id, p.title, p.owner FROM program_of_study_cip c
            JOIN program_of_study p ON p.id = c.program_id WHERE c.cip IN ({marks})
            ORDER BY c.cip, p.example, p.title""", wanted).fetchall()
