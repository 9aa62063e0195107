"""Every O*NET occupation's work as vectors, read from the store once per data version, so that ranking the moves
from one job is a few sparse products and no SQL.

- **Activities**: an occupation's detailed work activities (DWAs, the activities its tasks link to), each weighted
  by its inverse document frequency, log(N / n): N occupations have activities, n of them do this one. "Sort mail"
  done by a handful of jobs says more about two jobs being alike than "Maintain records" done by hundreds.
- **Technologies**: the products its workers use (O*NET's Technology Skills examples), weighted the same way.
- **Ratings** (when the rating files are imported): the importance of every skill, knowledge area, ability and
  work activity, less each element's mean over all occupations, so that what every job needs does not make every
  pair look alike.

Rows are scaled to unit length, so one product gives the cosine similarity of a job with every occupation.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from careerclusters.base.commands import command
from careerclusters.store import MissingDataError
from careerclusters.store import changers as q
from careerclusters.store.crosswalk import imported_kinds


@dataclass(frozen=True)
class Wage:
    """OEWS's national median for a SOC code (None with BLS's marker when not released or top-coded), its
    employment, and the broad group's code when BLS publishes the occupation only inside it."""

    median: float | None
    marker: str | None
    employment: float | None
    group: str | None


@dataclass(frozen=True)
class Outlook:
    openings: float | None  # a year, national (BLS publishes thousands; this is the count)
    change_pct: float | None
    entry_education: str | None


@dataclass(frozen=True)
class Rating:
    domain: str
    name: str
    importance: float | None
    level: float | None


@dataclass
class ChangeIndex:
    """What ranking needs of every occupation. ``codes[i]`` is the O*NET-SOC code of row ``i`` of each matrix."""

    codes: list[str]
    titles: dict[str, str]
    soc: dict[str, str]
    job_zone: dict[str, int]
    activities: dict[str, dict[str, int]]  # code -> DWA id -> how many of its tasks link to it
    activity_titles: dict[str, str]
    activity_idf: dict[str, float]
    technologies: dict[str, dict[str, tuple[str, bool]]]  # code -> product -> (kind, hot)
    technology_idf: dict[str, float]
    ratings: dict[str, dict[str, Rating]]  # code -> element id -> rating; empty without the rating files
    related: dict[str, dict[str, str]]  # code -> related code -> tier
    wages: dict[str, Wage]  # by SOC code
    outlook: dict[str, Outlook]  # by SOC code
    clusters: dict[str, list[str]]  # by SOC code
    subclusters: dict[str, list[str]]  # by SOC code
    activity_vectors: UnitRows = field(repr=False)
    technology_vectors: UnitRows = field(repr=False)
    rating_vectors: np.ndarray | None = field(repr=False)
    position: dict[str, int] = field(init=False, repr=False)
    national_pay: np.ndarray = field(init=False, repr=False)  # each row's national median (NaN unknown)
    national_openings: np.ndarray = field(init=False, repr=False)  # each row's national openings a year
    #: What rankings with one set of rules compute alike for every job (each occupation's education rank).
    memo: dict[int, tuple[object, np.ndarray]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.position = {code: i for i, code in enumerate(self.codes)}
        wages = [self.wages.get(self.soc[code]) for code in self.codes]
        outlooks = [self.outlook.get(self.soc[code]) for code in self.codes]
        self.national_pay = np.array([np.nan if w is None or w.median is None else w.median for w in wages])
        self.national_openings = np.array([np.nan if o is None or o.openings is None else o.openings
                                           for o in outlooks])

    @property
    def has_ratings(self) -> bool:
        return self.rating_vectors is not None

    def comparable(self, code: str) -> bool:
        """Whether O*NET describes the occupation's work in enough detail to compare it with another."""
        return bool(self.activities.get(code) or self.technologies.get(code) or self.ratings.get(code))

    def similarities(self, code: str) -> dict[str, np.ndarray]:
        """The cosine similarity of ``code`` with every occupation (in ``codes`` order), per kind of evidence;
        ratings only when imported."""
        row = self.position[code]
        found = {"activities": self.activity_vectors.similarity(row),
                 "technologies": self.technology_vectors.similarity(row)}
        if self.rating_vectors is not None:
            found["ratings"] = np.clip(self.rating_vectors @ self.rating_vectors[row], 0.0, 1.0)
        return found

    @classmethod
    def build(cls, conn: sqlite3.Connection) -> ChangeIndex:
        if "onet-db" not in imported_kinds(conn):
            raise MissingDataError(["onet-db"])
        occupations = q.occupations(conn)
        codes = [r["onet_soc"] for r in occupations]
        activities: dict[str, dict[str, int]] = defaultdict(dict)
        for r in q.activities(conn):
            activities[r["onet_soc"]][r["dwa_id"]] = r["tasks"]
        if not activities:
            raise MissingDataError(["onet-db"], what="O*NET's detailed work activities (Tasks to DWAs.txt), which the "
                                   "O*NET database imported before this version was read without", how=(
                                       f"import it again: `{command('data fetch')}` or "
                                       f"`{command('data import db_30_0_text.zip')}`"))
        technologies: dict[str, dict[str, tuple[str, bool]]] = defaultdict(dict)
        for r in q.technologies(conn):
            technologies[r["onet_soc"]][r["example"]] = (r["commodity_title"], bool(r["hot"]))
        position = {code: i for i, code in enumerate(codes)}
        activity_idf = _idf(activities)
        technology_idf = _idf(technologies)
        ratings, rating_vectors = _ratings(q.ratings(conn), position)
        related: dict[str, dict[str, str]] = defaultdict(dict)
        for r in q.related(conn):
            related[r["onet_soc"]][r["related_onet_soc"]] = r["tier"] or ""
        clusters: dict[str, list[str]] = defaultdict(list)
        subclusters: dict[str, list[str]] = defaultdict(list)
        for r in q.memberships(conn):
            for kept, node in ((clusters, r["cluster_id"]), (subclusters, r["subcluster_id"])):
                if node not in kept[r["soc"]]:
                    kept[r["soc"]].append(node)
        return cls(codes=codes, titles={r["onet_soc"]: r["title"] for r in occupations},
                   soc={r["onet_soc"]: r["soc"] for r in occupations},
                   job_zone={r["onet_soc"]: r["job_zone"] for r in occupations if r["job_zone"] is not None},
                   activities=dict(activities), activity_titles=dict(q.activity_titles(conn)),  # type: ignore[arg-type]
                   activity_idf=activity_idf, technologies=dict(technologies), technology_idf=technology_idf,
                   ratings=ratings, related=dict(related), wages=_wages(conn, {r["soc"] for r in occupations}),
                   outlook=_outlook(conn),
                   clusters=dict(clusters), subclusters=dict(subclusters),
                   activity_vectors=_vectors(activities, activity_idf, position),
                   technology_vectors=_vectors(technologies, technology_idf, position),
                   rating_vectors=rating_vectors)


def _idf(sets: dict[str, dict[str, object]]) -> dict[str, float]:
    """log(N / n) of every item: N occupations have any item, n have this one."""
    counts: dict[str, int] = defaultdict(int)
    for items in sets.values():
        for item in items:
            counts[item] += 1
    total = sum(1 for items in sets.values() if items)
    return {item: math.log(total / n) for item, n in counts.items()}


@dataclass(frozen=True)
class UnitRows:
    """A sparse matrix of unit-length rows, as its CSR parts: row ``i`` holds ``values[starts[i]:starts[i + 1]]`` in
    the columns ``columns[…]``. Plain NumPy, because one row's similarity with all rows is all ranking asks of it,
    and scipy would cost a server 10 MB and 0.1 s to import for that."""

    starts: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    width: int
    owner: np.ndarray = field(init=False, repr=False)  # the row of each stored value

    def __post_init__(self) -> None:
        object.__setattr__(self, "owner", np.repeat(np.arange(len(self.starts) - 1), np.diff(self.starts)))

    def similarity(self, row: int) -> np.ndarray:
        """The cosine similarity of row ``row`` with every row (the dot product: rows are of unit length)."""
        dense = np.zeros(self.width)
        start, end = self.starts[row], self.starts[row + 1]
        dense[self.columns[start:end]] = self.values[start:end]
        return np.bincount(self.owner, weights=self.values * dense[self.columns], minlength=len(self.starts) - 1)


def _vectors(sets: dict[str, dict[str, object]], idf: dict[str, float], position: dict[str, int]) -> UnitRows:
    """One row per occupation: its items' IDF weights, scaled to unit length (an empty row stays empty)."""
    columns = {item: j for j, item in enumerate(sorted(idf))}
    by_row: list[list[tuple[int, float]]] = [[] for _ in position]
    for code, items in sets.items():
        weights = sorted((columns[item], idf[item]) for item in items if idf[item] > 0)
        norm = math.sqrt(sum(w * w for _j, w in weights))
        by_row[position[code]] = [(j, w / norm) for j, w in weights]
    starts = np.cumsum([0] + [len(entries) for entries in by_row])
    flat = [entry for entries in by_row for entry in entries]
    return UnitRows(starts, np.array([j for j, _w in flat], dtype=np.int64), np.array([w for _j, w in flat]),
                    len(columns))


def _ratings(rows: list[sqlite3.Row], position: dict[str, int]
             ) -> tuple[dict[str, dict[str, Rating]], np.ndarray | None]:
    """Each occupation's ratings, and its importance profile less the mean profile, at unit length (None without
    the rating files). An element an occupation lacks a rating for counts as the mean (no evidence either way)."""
    found: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for r in rows:
        key = f"{r['domain']}:{r['element_id']}"
        entry = found[r["onet_soc"]].setdefault(key, {"domain": r["domain"], "name": r["element_name"]})
        entry[r["scale"]] = r["value"]
    if not found:
        return {}, None
    ratings = {code: {key: Rating(str(e["domain"]), str(e["name"]), e.get("IM"), e.get("LV"))  # type: ignore[arg-type]
                      for key, e in elements.items()} for code, elements in found.items()}
    elements = sorted({key for kept in ratings.values() for key in kept})
    column = {key: j for j, key in enumerate(elements)}
    matrix = np.full((len(position), len(elements)), np.nan)
    for code, kept in ratings.items():
        for key, rating in kept.items():
            if rating.importance is not None and code in position:
                matrix[position[code], column[key]] = rating.importance
    means = np.nanmean(np.where(np.isnan(matrix).all(axis=0), 0.0, matrix), axis=0)
    centred = np.nan_to_num(matrix - means, nan=0.0)
    norms = np.linalg.norm(centred, axis=1)
    return ratings, centred / np.where(norms > 0, norms, 1.0)[:, None]


def _wages(conn: sqlite3.Connection, socs: set[str]) -> dict[str, Wage]:
    """The national wage of each SOC code OEWS publishes, and of each of ``socs`` it publishes only inside its
    broad group, that group's (flagged with the group's code)."""
    by_soc: dict[str, sqlite3.Row] = {}
    for r in q.national_wages(conn):
        by_soc.setdefault(r["soc"], r)
    wages = {}
    for soc, r in by_soc.items():
        markers = json.loads(r["markers"] or "{}")
        wages[soc] = Wage(r["a_median"], markers.get("a_median"), r["tot_emp"], None)
    for soc in sorted(s for s in socs if s not in wages and s[:6] + "0" in wages):
        group = wages[soc[:6] + "0"]
        wages[soc] = Wage(group.median, group.marker, group.employment, soc[:6] + "0")
    return wages


def _outlook(conn: sqlite3.Connection) -> dict[str, Outlook]:
    return {r["soc"]: Outlook(None if r["openings_k"] is None else r["openings_k"] * 1000, r["change_pct"],
                              r["entry_education"]) for r in q.projections(conn)}
