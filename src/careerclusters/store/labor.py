"""Queries over OEWS by area (states, territories, metro and nonmetropolitan areas)."""

from __future__ import annotations

import sqlite3

Rows = list[sqlite3.Row]
#: The kinds of area ``oews_area.area_type`` holds.
AREA_TYPES = ("national", "state", "territory", "metro", "nonmetro")


def areas(conn: sqlite3.Connection, area_type: str | None = None) -> Rows:
    if area_type is None:
        return conn.execute("SELECT * FROM oews_area ORDER BY area_type != 'national', name").fetchall()
    return conn.execute("SELECT * FROM oews_area WHERE area_type = ? ORDER BY name", (area_type,)).fetchall()


def area(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM oews_area WHERE area_code = ?", (code,)).fetchone()


def wage(conn: sqlite3.Connection, area_code: str, soc: str) -> sqlite3.Row | None:
    """An occupation's row in an area; where the area publishes only its broad group, that row (flagged
    ``aggregate``)."""
    return conn.execute(
        """SELECT *, soc != ? AS aggregate FROM oews_area_wage WHERE area_code = ? AND soc IN (?, ?)
           ORDER BY aggregate LIMIT 1""", (soc, area_code, soc, soc[:6] + "0")).fetchone()


def total(conn: sqlite3.Connection, area_code: str) -> sqlite3.Row | None:
    """The area's all-occupations row (SOC 00-0000)."""
    return conn.execute("SELECT * FROM oews_area_wage WHERE area_code = ? AND soc = '00-0000'",
                        (area_code,)).fetchone()


def subcluster_rows(conn: sqlite3.Connection, area_code: str) -> Rows:
    """Every sub-cluster's occupations in an area: the sub-cluster, SOC, title, the area's row for the
    occupation (or its broad group) and the national employment (openings come from ``labor.openings``)."""
    return conn.execute(
        """SELECT m.subcluster_id, m.cluster_id, m.soc, MAX(m.soc_title) AS title,
                  COALESCE(d.soc, b.soc) AS area_soc, COALESCE(d.tot_emp, b.tot_emp) AS employment,
                  COALESCE(d.a_median, b.a_median) AS median_wage, COALESCE(d.markers, b.markers) AS markers,
                  COALESCE(d.loc_quotient, b.loc_quotient) AS loc_quotient,
                  n.tot_emp AS national_employment
           FROM cte_soc m
           LEFT JOIN oews_area_wage d ON d.area_code = ?1 AND d.soc = m.soc
           LEFT JOIN oews_area_wage b ON b.area_code = ?1 AND b.soc = substr(m.soc, 1, 6) || '0' AND d.soc IS NULL
           LEFT JOIN oews_area_wage n ON n.area_code = '0000000' AND n.soc = COALESCE(d.soc, b.soc)
           GROUP BY m.subcluster_id, m.soc""", (area_code,)).fetchall()


def has_industries(conn: sqlite3.Connection, area_code: str | None = None) -> bool:
    """Whether any industry's rows were imported (``data import --industries``), or any for ``area_code``."""
    if area_code is None:
        return conn.execute("SELECT 1 FROM oews_industry LIMIT 1").fetchone() is not None
    return conn.execute("SELECT 1 FROM oews_area_industry_wage WHERE area_code = ? LIMIT 1",
                        (area_code,)).fetchone() is not None


def industry_wages(conn: sqlite3.Connection, area_code: str, soc: str, level: int) -> Rows:
    """An occupation's rows in an area for the industries of one level (see schema_4.sql), with their titles."""
    return conn.execute(
        """SELECT w.*, i.title FROM oews_area_industry_wage w JOIN oews_industry i ON i.naics = w.naics
           WHERE w.area_code = ? AND w.soc = ? AND i.level = ? ORDER BY w.tot_emp IS NULL, w.tot_emp DESC, w.naics""",
        (area_code, soc, level)).fetchall()


# -- a state's own figures and the area definitions (schema_5.sql) -------------------------------------------

def national_outlook(conn: sqlite3.Connection) -> Rows:
    """Every occupation's national openings a year and employment, in thousands (total employment, the
    self-employed included, as BLS projects openings), and its projected change, from BLS's projections."""
    return conn.execute("SELECT soc, openings_k AS openings, employment_base_k AS employment, change_pct "
                        "FROM projection").fetchall()


def state_outlook(conn: sqlite3.Connection, state_fips: str) -> Rows:
    """A state's own projections, as ``national_outlook`` (its figures are in jobs, not thousands)."""
    return conn.execute("SELECT soc, openings, base AS employment, change_pct FROM state_projection "
                        "WHERE state_fips = ?", (state_fips,)).fetchall()


def state_projection_years(conn: sqlite3.Connection, state_fips: str) -> sqlite3.Row | None:
    """The state's name and the projections' base and projected years (the most common pair)."""
    return conn.execute("SELECT area_name, base_year, projected_year, COUNT(*) AS occupations "
                        "FROM state_projection WHERE state_fips = ? GROUP BY area_name, base_year, projected_year "
                        "ORDER BY occupations DESC LIMIT 1", (state_fips,)).fetchone()


def in_demand_lists(conn: sqlite3.Connection, state_fips: str) -> Rows:
    """A state's in-demand occupations: (list_name, year, soc, title)."""
    return conn.execute("SELECT list_name, year, soc, title FROM in_demand_occupation WHERE state_fips = ? "
                        "ORDER BY list_name, soc", (state_fips,)).fetchall()


def counties(conn: sqlite3.Connection, state_fips: str | None = None) -> Rows:
    """Counties (and New England townships) with their OEWS area: every one, or one state's."""
    if state_fips is None:
        return conn.execute("SELECT * FROM county_area").fetchall()
    return conn.execute("SELECT * FROM county_area WHERE state_fips = ?", (state_fips,)).fetchall()


def has_counties(conn: sqlite3.Connection) -> bool:
    """Whether BLS's area definitions (county → area) are imported."""
    return conn.execute("SELECT 1 FROM county_area LIMIT 1").fetchone() is not None


def county(conn: sqlite3.Connection, state_fips: str, county_code: str) -> Rows:
    """A county's rows by its FIPS codes (several in New England, one per township)."""
    return conn.execute("SELECT * FROM county_area WHERE state_fips = ? AND county_code = ?",
                        (state_fips, county_code)).fetchall()
