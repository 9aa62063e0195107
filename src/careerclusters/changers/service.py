"""``next_jobs``: from the job a person has to the jobs they could move to, best first, every part of each score
shown. The one function the command line, the API, the pages and Python callers use."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from careerclusters.base.errors import CareerClustersError
from careerclusters.changers import explain, words
from careerclusters.changers.figures import AreaFigures, area_figures
from careerclusters.changers.index import ChangeIndex
from careerclusters.changers.model import EDUCATION_CHOICES, EducationChoice, NextJobs
from careerclusters.changers.ranking import Scores, outside, score_moves
from careerclusters.changers.resolve import resolve, served
from careerclusters.changers.rules import Rules, load_rules
from careerclusters.classifier import TextClassifier, load_classifier
from careerclusters.survey.scoring import parse_wage

#: How many moves an answer holds by default, and at most.
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def education_choice(value: str | None) -> EducationChoice | None:
    """The most education a person would add, as one of ``EDUCATION_CHOICES`` (empty: not said)."""
    if value is None or not value.strip():
        return None
    if value.strip() not in EDUCATION_CHOICES:
        raise CareerClustersError(f"unknown education {value!r}: use one of {', '.join(EDUCATION_CHOICES)}")
    return value.strip()  # type: ignore[return-value]


class PayFloorError(CareerClustersError):
    """A pay floor that is not a number of dollars a year."""


def pay_floor(value: str | float | None) -> float | None:
    """A pay floor as a number, or as people type it ("40000", "$40,000"); empty means none."""
    if value is None:
        return None
    try:
        return parse_wage(f"{value:.2f}" if isinstance(value, float | int) else value)
    except CareerClustersError:
        raise PayFloorError(f"the pay floor must be dollars a year between 0 and 1,000,000, such as 40000, not "
                            f"{value!r}") from None


def next_jobs(conn: sqlite3.Connection, job: str, *, area: str | None = None, education: str | None = None,
              floor: str | float | None = None, limit: int = DEFAULT_LIMIT, index: ChangeIndex | None = None,
              classifier: Callable[[], TextClassifier] | None = None, local: AreaFigures | None = None,
              rules: Rules | None = None, db_path: Path | None = None) -> NextJobs:
    """The moves from ``job`` (a job title in a person's words, or an O*NET-SOC or SOC code), best first.

    ``area`` (OH, "Columbus, OH", a BLS area code) weighs and shows the area's pay and openings; ``education`` is
    the most a person would add (one of ``EDUCATION_CHOICES``) and ``floor`` the lowest median pay they would take:
    moves outside them are listed apart, never dropped. A server passes what it keeps (``index``, the
    ``classifier``, the area's figures ``local``); a caller without them gets them built from ``conn``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise CareerClustersError(f"limit must be between 1 and {MAX_LIMIT}")
    chosen, wanted = education_choice(education), pay_floor(floor)
    rules = rules or load_rules()
    index = index or ChangeIndex.build(conn)
    if classifier is None:
        classifier = lambda: load_classifier(conn, "occupation", db_path)  # noqa: E731 - built only for a title
    resolved = resolve(index, job, classifier, rules.readings.min_confidence)
    if area and area.strip() and local is None:
        local = area_figures(conn, index, area)
    scores = score_moves(index, resolved.code, rules, local)
    kept, beyond = _split(index, scores, chosen, wanted, limit)
    socs = [index.soc[index.codes[row]] for row in kept + beyond]
    found_programs = explain.programs(conn, socs, rules)

    def described(rows: list[int]) -> list:
        return [explain.destination(index, scores, row, rules, local, found_programs, chosen, wanted) for row in rows]

    shown = described(kept)
    return NextJobs(asked=job.strip(), source=explain.source(index, resolved.code, local), readings=resolved.readings,
                    military=served(job, resolved.readings, rules.readings.military_words),
                    area=local.area if local else None, education=chosen, pay_floor=wanted,
                    ratings_used="ratings" in scores.parts, destinations=shown, outside_preferences=described(beyond),
                    notes=words.notes(local.area.name if local else None, "ratings" in scores.parts,
                                      any(not d.code.endswith(".00") for d in shown)))


def _split(index: ChangeIndex, scores: Scores, education: EducationChoice | None, floor: float | None,
           limit: int) -> tuple[list[int], list[int]]:
    """The best ``limit`` moves within the preferences, and those outside them that would have been among the
    best ``limit`` without the preferences."""
    order = scores.ordered()
    fits = [row for row in order if not outside(scores, row, education, floor)]
    return fits[:limit], [row for row in order[:limit] if outside(scores, row, education, floor)]
