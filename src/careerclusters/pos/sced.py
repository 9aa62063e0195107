"""SCED course lookup: a course's title, subject area and description by its code, courses found by name,
and the subject area as evidence of the career cluster a course serves.

NCES's SCED v12 (imported as kind ``nces-sced``) names its career and technical subject areas (10–21) after
the original career clusters. ``AREA_CLUSTERS`` maps each to the modern clusters that took over its content,
so a program of study's CTE courses can be checked against the cluster of its sub-clusters.
"""

from __future__ import annotations

import sqlite3

from pydantic import BaseModel
from rapidfuzz import fuzz, process, utils

from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError
from careerclusters.store import MissingDataError, NotInDataError
from careerclusters.store import crosswalk as q
from careerclusters.store import pos as pq

KIND = "nces-sced"

#: SCED's career and technical subject areas → the modern clusters whose content each covers.
AREA_CLUSTERS: dict[str, tuple[str, ...]] = {
    "10": ("digital-technology",),
    "11": ("arts-entertainment-design",),
    "12": ("management-entrepreneurship", "marketing-sales", "financial-services"),
    "13": ("advanced-manufacturing", "construction", "supply-chain-transportation"),  # metalwork, repair
    "14": ("healthcare-human-services",),
    "15": ("public-service-safety",),
    "16": ("hospitality-events-tourism",),
    "17": ("construction",),
    "18": ("agriculture", "energy-natural-resources"),
    "19": ("healthcare-human-services", "education"),
    "20": ("supply-chain-transportation",),
    "21": ("advanced-manufacturing", "construction"),
}


#: SCED's academic subject areas: English, mathematics, sciences, social sciences, the arts, religious education,
#: physical and health education, military science, and world languages (22 and 23, miscellaneous and
#: nonsubject-specific, are neither academic nor career and technical).
ACADEMIC_AREAS = frozenset({"01", "02", "03", "04", "05", "07", "08", "09", "24"})


class ScedCourse(BaseModel):
    code: str
    title: str
    subject_area: str
    subject_name: str
    description: str
    cte: bool
    clusters: list[str]


class ScedMatch(BaseModel):
    course: ScedCourse
    score: float


def _course(row: sqlite3.Row) -> ScedCourse:
    area = row["subject_area"]
    return ScedCourse(code=row["code"], title=row["title"], subject_area=area, subject_name=row["name"] or area,
                      description=row["description"], cte=area in AREA_CLUSTERS,
                      clusters=list(AREA_CLUSTERS.get(area, ())))


def _require(conn: sqlite3.Connection) -> None:
    if KIND not in q.imported_kinds(conn):
        raise MissingDataError([KIND], how=f"download NCES's SCED v12 CSV from https://nces.ed.gov/forum/sced.asp, "
                                          f"then run `{command('data import sced_v12.csv')}`")


def course(conn: sqlite3.Connection, code: str) -> ScedCourse:
    """One SCED course by its five-digit code (a four-digit code is read as having lost its leading zero)."""
    _require(conn)
    wanted = code.strip().zfill(5)
    row = pq.sced_course(conn, wanted)
    if row is None:
        raise NotInDataError(f"{code!r} is not a SCED v12 course code")
    return _course(row)


def all_courses(conn: sqlite3.Connection) -> dict[str, ScedCourse]:
    """Every SCED course by code (empty when SCED is not imported), for checking many codes at once."""
    return {row["code"]: _course(row) for row in pq.sced_courses(conn)}


def find(conn: sqlite3.Connection, query: str, limit: int = 10, area: str | None = None) -> list[ScedMatch]:
    """SCED courses whose titles best match ``query`` (fuzzy, word order and case ignored), best first."""
    _require(conn)
    if not utils.default_process(query):
        raise CareerClustersError("give some words of a course title to search for")
    rows = pq.sced_courses_in(conn, area)
    found = process.extract(query, [r["title"] for r in rows], scorer=fuzz.WRatio,
                            processor=utils.default_process, limit=None, score_cutoff=80)
    found.sort(key=lambda match: (-match[1], len(match[0])))  # equal scores: the plainer (shorter) title first
    return [ScedMatch(course=_course(rows[index]), score=round(score, 1)) for _, score, index in found[:limit]]
