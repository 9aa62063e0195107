"""What the survey needs from the store, gathered once per data version: every framework occupation's
O*NET interest profile, employment, wage, outlook and entry education, its sub-clusters, and the programs
of each sub-cluster. Scoring a survey then touches no SQL, so it takes milliseconds.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from careerclusters.framework import load_framework
from careerclusters.store import crosswalk as q
from careerclusters.survey import RIASEC, Rules, load_rules

#: What must be imported for the interest part and the occupations: the SOC crosswalk and O*NET.
NEEDED = ("advance-cte-soc", "onet-db")
#: The CIP family crosswalks use for "no matching program" (99.9999 NO MATCH): never shown as a program.
NO_PROGRAM = "99."
_TYPE_NAMES = {"Realistic": "R", "Investigative": "I", "Artistic": "A", "Social": "S", "Enterprising": "E",
               "Conventional": "C"}


@dataclass(frozen=True)
class Occupation:
    """One SOC occupation as the survey shows it. ``level`` is its typical entry education on the
    survey's scale (rules.yaml), from BLS projections or else O*NET's job zone; None when neither says."""

    soc: str
    title: str
    median_wage: float | None
    wage_marker: str | None
    openings_k: float | None
    change_pct: float | None
    entry_education: str | None
    level: int | None
    bright_outlook: bool
    residual: bool = False  # a catch-all SOC occupation ("…, All Other"): named after the others


@dataclass(frozen=True)
class Program:
    cip: str
    title: str


@dataclass
class SurveyData:
    """The store's facts in the shape scoring wants. ``profiles`` has a row of the six O*NET occupational
    interest scores (1–7) per occupation in ``occupations`` (NaN where O*NET has none); ``members`` maps each
    cluster and sub-cluster id to the row numbers of its occupations, and ``typicality`` gives, for the same
    rows, how typical each is of the node: the correlation of its interest profile with the node's average
    (weighted like the roll-up), NaN without a profile. A node's examples are chosen with it, so that
    Healthcare is not shown by its makeup artists."""

    occupations: list[Occupation]
    profiles: np.ndarray
    weights: np.ndarray
    members: dict[str, np.ndarray]
    programs: dict[str, list[Program]]
    leads_to: dict[str, set[str]] = field(default_factory=dict)  # cip -> SOC codes (NCES)
    typicality: dict[str, np.ndarray] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection, rules: Rules | None = None) -> SurveyData | None:
        """The survey's data from ``conn``, or None when the SOC crosswalk or O*NET is not imported."""
        imported = q.imported_kinds(conn)
        if any(kind not in imported for kind in NEEDED):
            return None
        rules = rules or load_rules()
        listing = sorted(q.occupations_in(conn), key=lambda r: r["soc"])
        socs = [r["soc"] for r in listing]
        profiles = _profiles(conn, socs)
        zones = _zones(conn)
        occupations = [_occupation(r, zones.get(r["soc"]), rules) for r in listing]
        has_wages = q.national_wage_kind(conn) is not None
        employment = [_employment(conn, soc) if has_wages else None for soc in socs]
        known = [e for e in employment if e]
        typical = float(np.median(known)) if known else 1.0
        # log10 keeps the largest occupations from drowning the rest while still counting for more.
        weights = np.array([math.log10(max(e or typical, 10.0)) for e in employment])
        row = {soc: n for n, soc in enumerate(socs)}
        groups: dict[str, list[int]] = defaultdict(list)
        for m in q.modern_memberships(conn, socs):
            for node_id in (m["cluster_id"], m["subcluster_id"]):
                if row[m["soc"]] not in groups[node_id]:
                    groups[node_id].append(row[m["soc"]])
        programs = {}
        if "advance-cte-cip" in imported:
            programs = {s.id: [Program(r["cip"], r["title"]) for r in q.programs_in(conn, subcluster_id=s.id)
                               if not r["cip"].startswith(NO_PROGRAM)] for s in load_framework().subclusters()}
        leads_to: dict[str, set[str]] = defaultdict(set)
        for link in q.cip_soc_links(conn) if "nces-cip-soc" in imported else []:
            leads_to[link["cip"]].add(link["soc"])
        members = {k: np.array(v, dtype=int) for k, v in groups.items()}
        return cls(occupations=occupations, profiles=profiles, weights=weights, members=members, programs=programs,
                   leads_to=dict(leads_to),
                   typicality={k: _typicality(profiles[rows], weights[rows]) for k, rows in members.items()})


def _typicality(profiles: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each row's Pearson correlation with the weighted mean of the rows that have a profile (NaN without one)."""
    known = ~np.isnan(profiles).any(axis=1)
    if not known.any():
        return np.full(len(profiles), np.nan)
    mean = np.average(profiles[known], axis=0, weights=weights[known])
    centred, typical = profiles - profiles.mean(axis=1, keepdims=True), mean - mean.mean()
    with np.errstate(invalid="ignore", divide="ignore"):
        return (centred @ typical) / (np.linalg.norm(centred, axis=1) * np.linalg.norm(typical))


def _profiles(conn: sqlite3.Connection, socs: list[str]) -> np.ndarray:
    """Each SOC code's interest profile: its ``.00`` O*NET occupation's, else the mean of its others'."""
    by_onet: dict[str, dict[str, float]] = defaultdict(dict)
    soc_of: dict[str, str] = {}
    for r in q.interest_profiles(conn):
        letter = _TYPE_NAMES.get(r["riasec"])
        if letter:
            by_onet[r["onet_soc"]][letter] = r["score"]
            soc_of[r["onet_soc"]] = r["soc"]
    per_soc: dict[str, list[list[float]]] = defaultdict(list)
    for onet_soc, scores in by_onet.items():
        if len(scores) == len(RIASEC):
            vector = [scores[t] for t in RIASEC]
            if onet_soc.endswith(".00"):
                per_soc[soc_of[onet_soc]].insert(0, vector)
            else:
                per_soc[soc_of[onet_soc]].append(vector)
    out = np.full((len(socs), len(RIASEC)), np.nan)
    for n, soc in enumerate(socs):
        vectors = per_soc.get(soc)
        if vectors:
            out[n] = vectors[0] if soc + ".00" in by_onet else np.mean(vectors, axis=0)
    return out


def _zones(conn: sqlite3.Connection) -> dict[str, int]:
    """The lowest job zone among each SOC code's O*NET occupations."""
    zones: dict[str, int] = {}
    for r in q.job_zones(conn):
        zones[r["soc"]] = min(zones.get(r["soc"], 9), r["job_zone"])
    return zones


def _employment(conn: sqlite3.Connection, soc: str) -> float | None:
    wage = q.wage(conn, soc)
    return wage["tot_emp"] if wage is not None and not wage["aggregate"] else None


def _occupation(row: sqlite3.Row, zone: int | None, rules: Rules) -> Occupation:
    education = rules.education
    level = education.entry_levels.get(row["entry_education"] or "")
    if level is None and zone is not None:
        level = education.job_zone_levels.get(zone)
    outlook = rules.bright_outlook
    bright = (row["change_pct"] is not None and row["change_pct"] >= outlook.growth_pct_at_least) or \
        (row["openings_k"] is not None and row["openings_k"] >= outlook.openings_k_at_least)
    markers = json.loads(row["wage_markers"] or "{}")
    return Occupation(soc=row["soc"], title=row["title"], median_wage=row["median_wage"],
                      wage_marker=markers.get("a_median"), openings_k=row["openings_k"],
                      change_pct=row["change_pct"], entry_education=row["entry_education"], level=level,
                      bright_outlook=bright, residual=row["title"].endswith("All Other"))
