"""The program alignment report: are a district's or college's programs aligned with its labour market?

Perkins V asks every local CTE recipient to show, in its Comprehensive Local Needs Assessment, that its
programs lead to high-wage, in-demand occupations in its state or region. For each local program the report
finds the occupations it leads to (NCES's CIP→SOC crosswalk and Advance CTE's full crosswalk), their jobs,
median wage and estimated openings in the area, and gives a plain verdict against the rules in a small YAML
file (``alignment/rules.yaml``; a state replaces it with its own). Per sub-cluster it sets local demand beside
the programs offered, and it lists the gaps: high-wage, in-demand sub-clusters that no program serves, and
programs whose occupations are low-wage or declining.

Programs given by name only are coded to CIP by the program classifier; its confidence is shown and rows
below the rules' threshold are flagged for review. Nothing about the programs is stored.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from careerclusters.base.codes import cip_code
from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError, SourceError
from careerclusters.base.rules import read_rules
from careerclusters.classifier import TextClassifier
from careerclusters.classifier.batch import classify_each, unusable
from careerclusters.framework import load_framework
from careerclusters.labor import market as lm
from careerclusters.labor.areas import Area
from careerclusters.sources.base import Columns, header_key, text
from careerclusters.store import NotInDataError
from careerclusters.store import crosswalk as q
from careerclusters.store import labor as aq

RULES_FILE = resources.files(__package__).joinpath("rules.yaml")
MAX_PROGRAMS = 2000
Verdict = Literal["high-wage and in demand", "high-wage", "in demand", "neither", "no local data"]


class HighWage(BaseModel):
    multiple_of_area_median: float = Field(gt=0)


class InDemand(BaseModel):
    min_openings: float = Field(ge=0)
    subcluster_min_openings: float = Field(ge=0)


class Declining(BaseModel):
    max_change_pct: float


class ProgramRule(BaseModel):
    min_share_of_jobs: float = Field(gt=0, le=1)


class ClassifierRule(BaseModel):
    review_below_confidence: float = Field(ge=0, le=1)


class Rules(BaseModel):
    """The thresholds the report applies (see the YAML file for what each means)."""

    high_wage: HighWage
    in_demand: InDemand
    declining: Declining
    program: ProgramRule
    classifier: ClassifierRule


def load_rules(path: Path | None = None) -> Rules:
    """The rules from ``path``, or the package's defaults; a bad file is one clear error."""
    return read_rules(Rules, RULES_FILE, path)


class ProgramInput(BaseModel):
    """One local program as the user listed it."""

    row: int
    name: str
    cip: str | None = None
    enrolment: int | None = None
    completers: int | None = None


def read_programs(content: str, file: str) -> list[ProgramInput]:
    """Programs from a CSV with a ``program`` (or ``name``) column and optional ``cip``, ``enrolment`` and
    ``completers`` columns; a row needs a name or a CIP code."""
    reader = csv.reader(io.StringIO(content))
    header = next(reader, [])
    cols = Columns(header, {"name": ("program", "name", "program name", "local program", "title"),
                            "cip": ("cip", "cip code", "cip 2020"), "enrolment": ("enrolment", "enrollment"),
                            "completers": ("completers", "completer")},
                   file=file, row=1, optional={"name", "cip", "enrolment", "completers"})
    if "name" not in cols.index and "cip" not in cols.index:
        raise SourceError(file, "needs a 'program' or a 'cip' column", row=1,
                          column=", ".join(header_key(h) for h in header) or "(none)")
    programs = []
    for number, row in enumerate(reader, start=2):
        name, code = text(cols.get(row, "name")), text(cols.get(row, "cip"))
        if not name and not code:
            continue
        counts = {}
        for field in ("enrolment", "completers"):
            value = text(cols.get(row, field)).replace(",", "")
            if value and not value.isdigit():
                raise SourceError(file, f"{value!r} is not a whole number", row=number, column=field)
            counts[field] = int(value) if value else None
        try:
            cip = cip_code(code) if code else None
        except CareerClustersError as exc:
            raise SourceError(file, str(exc), row=number, column="cip") from None
        programs.append(ProgramInput(row=number, name=name or code, cip=cip, **counts))
        if len(programs) > MAX_PROGRAMS:
            raise SourceError(file, f"more than {MAX_PROGRAMS} programs; split the file")
    if not programs:
        raise SourceError(file, "no programs listed")
    return programs


class LocalOccupation(lm.AreaOccupation):
    """An occupation a program leads to, with its local figures and the rules' flags."""

    change_pct: float | None
    high_wage: bool
    in_demand: bool
    declining: bool


class ProgramResult(BaseModel):
    row: int
    name: str
    cip: str | None
    cip_title: str | None
    coded_by: Literal["given", "classifier", "none"]
    confidence: float | None
    needs_review: bool
    enrolment: int | None
    completers: int | None
    subclusters: list[str]  # names
    subcluster_ids: list[str]
    occupations: list[LocalOccupation]
    employment: float | None
    openings_estimate: float | None
    high_wage_share: float | None
    in_demand_share: float | None
    declining_share: float | None
    verdict: Verdict
    reasons: list[str]


class SubclusterDemand(BaseModel):
    id: str
    name: str
    cluster: str
    employment: float | None
    median_wage: float | None
    openings_estimate: float | None
    high_wage: bool
    in_demand: bool
    programs: list[str]  # the local programs that serve it
    completers: int | None


class Gap(BaseModel):
    kind: Literal["no program", "low wage", "declining"]
    subject: str
    detail: str


class Source(BaseModel):
    what: str
    release: str


class AlignmentReport(BaseModel):
    area: Area
    area_median_wage: float | None
    high_wage_threshold: float | None
    rules: Rules
    programs: list[ProgramResult]
    subclusters: list[SubclusterDemand]
    gaps: list[Gap]
    sources: list[Source]
    notes: list[str]


def _code(programs: list[ProgramInput], classifier: TextClassifier | None
          ) -> dict[int, tuple[str | None, float | None]]:
    """CIP and confidence per row: given codes as they are, names through the program classifier."""
    coded: dict[int, tuple[str | None, float | None]] = {p.row: (p.cip, None) for p in programs if p.cip}
    named = [p for p in programs if not p.cip]
    if classifier is None:
        wordy = [p for p in named if unusable(p.name) is None]  # a formula or symbols alone needs no classifier
        if wordy:
            raise CareerClustersError(f"{len(wordy)} programs have no CIP code and the program classifier is "
                                      f"not available: import the NCES CIP list (`{command('data fetch')}`) or "
                                      "add codes")
        return coded
    answers = classify_each(classifier, [p.name for p in named], k=1, explain=False)
    for program, (candidates, _reason) in zip(named, answers, strict=True):
        coded[program.row] = (candidates[0].code, candidates[0].confidence) if candidates else (None, None)
    return coded


def _share(occupations: list[LocalOccupation], flag: str) -> float | None:
    jobs = sum(o.employment for o in occupations if o.employment)
    if not jobs:
        return None
    return round(sum(o.employment for o in occupations if o.employment and getattr(o, flag)) / jobs, 3)


def _verdict(high: float | None, demand: float | None, rules: Rules) -> Verdict:
    if high is None:
        return "no local data"
    is_high = high >= rules.program.min_share_of_jobs
    in_demand = (demand or 0) >= rules.program.min_share_of_jobs
    if is_high and in_demand:
        return "high-wage and in demand"
    return "high-wage" if is_high else "in demand" if in_demand else "neither"


def alignment(conn: sqlite3.Connection, area_query: str, programs: list[ProgramInput], *, rules: Rules | None = None,
              classifier: TextClassifier | None = None) -> AlignmentReport:
    """The report for ``programs`` in an area."""
    rules = rules or load_rules()
    area, profiles = lm.subclusters_in_area(conn, area_query)
    total = aq.total(conn, area.code)
    area_median = total["a_median"] if total else None
    threshold = area_median * rules.high_wage.multiple_of_area_median if area_median else None
    coded = _code(programs, classifier)
    sub_names = {s.id: s.name for s in load_framework().subclusters()}
    results: list[ProgramResult] = []
    for program in programs:
        cip, confidence = coded.get(program.row, (None, None))
        occupations: list[LocalOccupation] = []
        subclusters: list[str] = []
        title = None
        if cip:
            subclusters = list(dict.fromkeys(m["subcluster_id"] for m in q.program_memberships(conn, cip)))
            try:
                local = lm.program_in_area(conn, cip, area.code)
            except NotInDataError:
                local = None
            title = local.title if local else None
            for o in local.occupations if local else []:
                projection = q.projection(conn, o.soc)
                change = projection["change_pct"] if projection else None
                occupations.append(LocalOccupation(
                    **o.model_dump(), change_pct=change,
                    high_wage=o.wage_marker == "top_coded" or bool(threshold and o.median_wage
                                                                   and o.median_wage > threshold),
                    in_demand=(o.openings_estimate or 0) >= rules.in_demand.min_openings,
                    declining=change is not None and change < rules.declining.max_change_pct))
        high, demand, declining = (_share(occupations, f) for f in ("high_wage", "in_demand", "declining"))
        verdict = _verdict(high, demand, rules)
        reasons = []
        if high is not None:
            reasons.append(f"{high:.0%} of its occupations' local jobs are high-wage")
            reasons.append(f"{demand or 0:.0%} are in occupations with at least {rules.in_demand.min_openings:,.0f} "
                           "openings a year (estimated)")
        if declining and declining >= rules.program.min_share_of_jobs:
            reasons.append(f"{declining:.0%} are in occupations projected to decline")
        if not cip:
            reasons.append("no CIP code could be found for it")
        elif title is None:
            reasons.append(f"CIP {cip} is not in the imported data")
        needs_review = cip is None or (confidence is not None and confidence < rules.classifier.review_below_confidence)
        openings = [o.openings_estimate for o in occupations if o.openings_estimate is not None]
        results.append(ProgramResult(
            row=program.row, name=program.name, cip=cip, cip_title=title,
            coded_by="given" if program.cip else "classifier" if cip else "none", confidence=confidence,
            needs_review=needs_review, enrolment=program.enrolment, completers=program.completers,
            subclusters=[sub_names[s] for s in subclusters if s in sub_names], subcluster_ids=subclusters,
            occupations=occupations,
            employment=sum(o.employment for o in occupations if o.employment) or None,
            openings_estimate=round(sum(openings), 1) if openings else None,
            high_wage_share=high, in_demand_share=demand, declining_share=declining, verdict=verdict,
            reasons=reasons))
    demand_rows = []
    for profile in profiles:
        serving = [r for r in results if profile.id in r.subcluster_ids]
        completers = [r.completers for r in serving if r.completers is not None]
        demand_rows.append(SubclusterDemand(
            id=profile.id, name=profile.name, cluster=profile.cluster, employment=profile.employment,
            median_wage=profile.median_wage, openings_estimate=profile.openings_estimate,
            high_wage=profile.median_wage_at_least or bool(threshold and profile.median_wage
                                                          and profile.median_wage > threshold),
            in_demand=(profile.openings_estimate or 0) >= rules.in_demand.subcluster_min_openings,
            programs=[r.name for r in serving], completers=sum(completers) if completers else None))
    gaps = [Gap(kind="no program", subject=d.name,
                detail=f"{d.openings_estimate:,.0f} openings a year (estimated), median wage ${d.median_wage:,.0f}"
                if d.median_wage else f"{d.openings_estimate:,.0f} openings a year (estimated)")
            for d in sorted(demand_rows, key=lambda d: -(d.openings_estimate or 0))
            if d.high_wage and d.in_demand and not d.programs]
    for r in results:
        if r.high_wage_share is not None and r.high_wage_share < rules.program.min_share_of_jobs:
            gaps.append(Gap(kind="low wage", subject=r.name,
                            detail=f"only {r.high_wage_share:.0%} of its occupations' local jobs are high-wage"))
        if r.declining_share is not None and r.declining_share >= rules.program.min_share_of_jobs:
            gaps.append(Gap(kind="declining", subject=r.name,
                            detail=f"{r.declining_share:.0%} of its occupations' jobs are projected to decline"))
    kinds = q.imported_kinds(conn)
    sources = [Source(what=what, release=kinds[kind]["release"]) for kind, what in (
        ("bls-oews-areas", "Wages and employment by area: BLS OEWS"),
        ("bls-projections", "Openings and growth (national, scaled to the area): BLS Employment Projections"),
        ("nces-cip-soc", "Programs to occupations: NCES CIP 2020 to SOC 2018 crosswalk"),
        ("advance-cte-full", "Programs and occupations in sub-clusters: Advance CTE crosswalks"),
        ("nces-cip", "Program titles: NCES CIP 2020")) if kind in kinds]
    notes = ["Openings in an area are estimates: BLS projects openings nationally, so each occupation's national "
             "openings are scaled by its share of national employment found in the area.",
             "A sub-cluster's median wage is the employment-weighted median of its occupations' medians.",
             "High-wage means a median wage above "
             + (f"${threshold:,.0f}" if threshold else "the area's median")
             + f" ({rules.high_wage.multiple_of_area_median:g} × the area's median for all occupations)."]
    return AlignmentReport(area=area, area_median_wage=area_median, high_wage_threshold=threshold, rules=rules,
                           programs=results, subclusters=demand_rows, gaps=gaps, sources=sources, notes=notes)
