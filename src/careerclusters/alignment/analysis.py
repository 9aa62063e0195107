"""The program alignment report: are a district's or college's programs aligned with its labour market?

Perkins V asks every local CTE recipient to show, in its Comprehensive Local Needs Assessment, that its
programs lead to high-wage, in-demand occupations in its state or region. For each local program the report
finds the occupations it leads to and classes each for the program's level (``ladder``: entry, with
experience, with further study); it sets the entry occupations' jobs, median wage and estimated openings in the
area (``labor``: one basis for jobs and openings, the state's own projections where imported) against the rules
(``rules.yaml``; a state replaces it) and gives a plain verdict with its reasons. Per sub-cluster it sets local
demand at the institution's levels beside the programs that serve it, with their enrolment and completers, and
lists the gaps. A program whose code is not a CIP 2020 program, or whose name was coded with low confidence,
is shown and flagged with the reason, never judged, charted or counted in a gap (``coding``).

Nothing about the programs is stored.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from careerclusters.alignment import method
from careerclusters.alignment.coding import CodedBy, Coding, code_programs
from careerclusters.alignment.ladder import Kind, leads_to, place
from careerclusters.alignment.programs import ProgramInput
from careerclusters.alignment.rules import Rules, load_rules
from careerclusters.classifier import TextClassifier
from careerclusters.framework import load_framework
from careerclusters.labor import market as lm
from careerclusters.labor import openings as op
from careerclusters.labor.areas import Area, find_place
from careerclusters.labor.composition import JobShare, job_shares
from careerclusters.store import alignment as sq
from careerclusters.store import crosswalk as q
from careerclusters.store import labor as aq

Verdict = Literal["high-wage and in demand", "high-wage", "in demand", "neither", "no entry occupation",
                  "no local data", "needs review"]
#: The verdicts that judge a program; the others say why it was not judged.
JUDGED: tuple[Verdict, ...] = ("high-wage and in demand", "high-wage", "in demand", "neither")
VERDICTS: tuple[Verdict, ...] = (*JUDGED, "no entry occupation", "no local data", "needs review")


class LocalOccupation(lm.AreaOccupation):
    """An occupation a program leads to: where it stands for the program's level, its local figures and the
    rules' flags (which judge the program only for entry occupations)."""

    kind: Kind
    reason: str
    via: str
    change_pct: float | None
    high_wage: bool
    near_line: bool
    in_demand: bool
    on_state_list: bool
    declining: bool


class ProgramResult(BaseModel):
    row: int
    name: str
    level: str
    level_given: bool
    cip: str | None
    cip_title: str | None
    coded_by: CodedBy
    confidence: float | None
    alternatives: list[str]
    needs_review: bool
    review_reason: str | None
    note: str | None
    enrolment: int | None
    completers: int | None
    subclusters: list[str]  # Advance CTE's sub-clusters for the CIP code (names)
    subcluster_ids: list[str]
    serves: list[str]  # the sub-clusters (ids) its entry occupations are in
    occupations: list[LocalOccupation]  # entry occupations first, then the ladder above
    employment: float | None  # of its entry occupations
    openings_estimate: float | None  # of its entry occupations
    high_wage_share: float | None
    near_line_share: float | None
    in_demand_share: float | None
    on_list_share: float | None
    declining_share: float | None
    verdict: Verdict
    near_line: bool  # not high-wage, but would be counting the occupations near the line
    reasons: list[str]


class LevelDemand(BaseModel):
    """A sub-cluster's occupations that the institution's levels lead to (entry occupations for its highest
    level), in the area."""

    occupations: int
    employment: float | None
    median_wage: float | None
    median_wage_at_least: bool
    openings_estimate: float | None


class SubclusterDemand(BaseModel):
    id: str
    name: str
    cluster: str
    employment: float | None
    median_wage: float | None
    median_wage_at_least: bool
    openings_estimate: float | None
    job_shares: list[JobShare]  # whose jobs set its median
    at_levels: LevelDemand
    high_wage: bool  # at the institution's levels
    in_demand: bool  # at the institution's levels
    excluded: str | None  # why the rules keep it out of the gaps
    programs: list[str]  # the judged local programs that serve it
    unconfirmed: list[str]  # flagged programs that may serve it (not counted)
    enrolment: int | None
    completers: int | None


class Gap(BaseModel):
    kind: Literal["no program", "low wage", "declining"]
    subject: str
    detail: str


class Source(BaseModel):
    what: str
    release: str


class StateList(BaseModel):
    name: str
    year: str
    occupations: int


class Totals(BaseModel):
    """How the sub-clusters' jobs add up against the area's, since occupations count in several."""

    area_jobs: float | None
    subcluster_jobs: float
    shared_occupations: int  # occupations in more than one sub-cluster


class AlignmentReport(BaseModel):
    area: Area
    place: str | None  # the county asked for, and its area ("Franklin County, OH is in Columbus, OH")
    levels: list[str]  # the levels the institution serves
    area_median_wage: float | None
    high_wage_threshold: float | None
    near_threshold: float | None
    rules: Rules
    programs: list[ProgramResult]
    subclusters: list[SubclusterDemand]
    gaps: list[Gap]
    totals: Totals
    state_lists: list[StateList]
    openings_note: str
    sources: list[Source]
    method: list[str]
    limits: list[str]

    @property
    def state_openings(self) -> bool:
        """Whether any program's occupation has its openings from the state's own projections (the report then
        marks those figures and explains the mark)."""
        return any(o.openings_source == "state" for p in self.programs for o in p.occupations)


@dataclass(frozen=True)
class _Frame:
    """What judging every program shares: the area, its rates and lines, the lists and memberships."""

    conn: sqlite3.Connection
    rules: Rules
    basis: op.Basis
    threshold: float | None
    near_floor: float | None
    on_list: frozenset[str]
    members: dict[str, set[str]]


def _local(frame: _Frame, soc: str, title: str, kind: Kind, reason: str, via: str) -> LocalOccupation:
    figures = lm.occupation_figures(frame.conn, soc, frame.basis)
    outlook = frame.basis.outlook(soc)
    change = outlook.change_pct if outlook else None
    rules, median = frame.rules, figures.median_wage
    high = figures.wage_marker == "top_coded" or bool(frame.threshold and median and median > frame.threshold)
    listed = soc in frame.on_list
    return LocalOccupation(
        **figures.model_dump() | {"title": title}, kind=kind, reason=reason, via=via, change_pct=change,
        high_wage=high, near_line=not high and bool(frame.near_floor and median and median >= frame.near_floor),
        in_demand=(figures.openings_estimate or 0) >= rules.in_demand.min_openings
        or (listed and rules.in_demand.state_list_counts),
        on_state_list=listed, declining=change is not None and change < rules.declining.max_change_pct)


def _share(occupations: list[LocalOccupation], *flags: str) -> float | None:
    jobs = sum(o.employment or 0 for o in occupations)
    if not jobs:
        return None
    return round(sum(o.employment or 0 for o in occupations if any(getattr(o, f) for f in flags)) / jobs, 3)


def _serves(entry: list[LocalOccupation], listed: list[str], frame: _Frame) -> list[str]:
    """The sub-clusters a program serves: those Advance CTE lists it under that hold one of its entry
    occupations, and any holding at least the rules' share of its entry jobs (a general program's trades)."""
    jobs: dict[str, float] = defaultdict(float)
    for o in entry:
        for sub in frame.members.get(o.soc, set()):
            jobs[sub] += o.employment or 0
    total = sum(o.employment or 0 for o in entry)
    large = {s for s, j in jobs.items() if total and j / total >= frame.rules.program.min_share_of_jobs}
    return [s for s in dict.fromkeys([*listed, *sorted(large, key=lambda s: -jobs[s])]) if s in jobs]


def _program(frame: _Frame, program: ProgramInput, coding: Coding, sub_names: dict[str, str]) -> ProgramResult:
    rules, cip = frame.rules, coding.cip
    occupations: list[LocalOccupation] = []
    listed: list[str] = []
    if cip:
        listed = list(dict.fromkeys(m["subcluster_id"] for m in q.program_memberships(frame.conn, cip)))
        occupations = [_local(frame, p.soc, p.title, p.kind, p.reason, p.via)
                       for p in leads_to(frame.conn, cip, program.level, rules)]
        occupations.sort(key=lambda o: (o.kind != "entry", -(o.employment or 0)))
    entry = [o for o in occupations if o.kind == "entry" and o.employment]
    shares = {name: _share(entry, *flags) for name, flags in (
        ("high", ("high_wage",)), ("near", ("near_line",)), ("demand", ("in_demand",)),
        ("listed", ("on_state_list",)), ("declining", ("declining",)))}
    reasons = [coding.problem] if coding.problem else []
    if coding.note:
        reasons.append(coding.note)
    verdict, near = _verdict(coding, occupations, entry, shares, rules)
    if verdict in JUDGED:
        reasons += method.program_reasons(shares, entry, frame.basis.area.name, frame.threshold, rules,
                                          bool(frame.on_list))
    elif verdict == "no entry occupation":
        reasons.append(f"every occupation it leads to needs experience or further study after a {program.level} "
                       "program: see the ladder above")
    elif verdict == "no local data":
        reasons.append(f"{frame.basis.area.name} publishes no jobs for its entry occupations" if occupations else
                       "the crosswalks link no occupation to it")
    ladder = [o for o in occupations if o.kind != "entry"]
    if ladder and verdict != "needs review":
        reasons.append(f"not judged, on the ladder above: {'; '.join(f'{o.title} ({o.kind})' for o in ladder[:4])}"
                       + (f" and {len(ladder) - 4} more" if len(ladder) > 4 else ""))
    openings = [o.openings_estimate for o in entry if o.openings_estimate is not None]
    return ProgramResult(
        row=program.row, name=program.name, level=program.level, level_given=program.level_given, cip=cip,
        cip_title=coding.title, coded_by=coding.coded_by, confidence=coding.confidence,
        alternatives=coding.alternatives, needs_review=coding.problem is not None, review_reason=coding.problem,
        note=coding.note, enrolment=program.enrolment, completers=program.completers,
        subclusters=[sub_names[s] for s in listed if s in sub_names], subcluster_ids=listed,
        serves=_serves(entry, listed, frame) if verdict in JUDGED else [], occupations=occupations,
        employment=sum(o.employment or 0 for o in entry) or None,
        openings_estimate=round(sum(openings), 1) if openings else None, high_wage_share=shares["high"],
        near_line_share=shares["near"], in_demand_share=shares["demand"], on_list_share=shares["listed"],
        declining_share=shares["declining"], verdict=verdict, near_line=near, reasons=reasons)


def _verdict(coding: Coding, occupations: list[LocalOccupation], entry: list[LocalOccupation],
             shares: dict[str, float | None], rules: Rules) -> tuple[Verdict, bool]:
    if coding.problem:
        return "needs review", False
    if occupations and not any(o.kind == "entry" for o in occupations):
        return "no entry occupation", False
    if not entry:
        return "no local data", False
    floor = rules.program.min_share_of_jobs
    high = (shares["high"] or 0) >= floor
    near = not high and (shares["high"] or 0) + (shares["near"] or 0) >= floor
    demand = (shares["demand"] or 0) >= floor
    verdict: Verdict = ("high-wage and in demand" if high and demand else "high-wage" if high
                        else "in demand" if demand else "neither")
    return verdict, near


def _levels_demand(conn: sqlite3.Connection, area: Area, level: str, rules: Rules, basis: op.Basis
                   ) -> dict[str, LevelDemand]:
    """Each sub-cluster's entry occupations for ``level`` (the institution's highest) in the area."""
    rows = aq.subcluster_rows(conn, area.code)
    facts = sq.entry_requirements(conn, {row["soc"] for row in rows})
    by_sub: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        if place(row["soc"], row["title"], facts.get(row["soc"]), level, rules)[0] == "entry":
            by_sub[row["subcluster_id"]].append(row)
    demand = {}
    for sub, members in by_sub.items():
        counted, pairs, jobs, openings = set(), [], 0.0, []
        for row in members:
            if row["employment"] is None:
                continue
            estimate, _source = basis.openings(row["soc"], row["employment"])
            if estimate is not None:
                openings.append(estimate)
            if row["area_soc"] in counted:  # a broad group standing for several detailed occupations: once
                continue
            counted.add(row["area_soc"])
            jobs += row["employment"]
            top = '"a_median": "top_coded"' in (row["markers"] or "")
            if row["median_wage"] is not None or top:
                pairs.append((float("inf") if top else row["median_wage"], row["employment"]))
        median = lm.weighted_median(pairs)
        demand[sub] = LevelDemand(occupations=len(members), employment=jobs or None,
                                  median_wage=None if median in (None, float("inf")) else median,
                                  median_wage_at_least=median == float("inf"),
                                  openings_estimate=round(sum(openings), 1) if openings else None)
    return demand


def _subclusters(frame: _Frame, profiles: list[lm.SubclusterInArea], results: list[ProgramResult],
                 levels: list[str]) -> list[SubclusterDemand]:
    rules = frame.rules
    top_level = max(levels, key=lambda lv: rules.levels.programs[lv])
    at_levels = _levels_demand(frame.conn, frame.basis.area, top_level, rules, frame.basis)
    none = LevelDemand(occupations=0, employment=None, median_wage=None, median_wage_at_least=False,
                       openings_estimate=None)
    names = {s.id: s.name for s in load_framework().subclusters()}
    rows = []
    for profile in profiles:
        demand = at_levels.get(profile.id, none)
        serving = [r for r in results if profile.id in r.serves]
        unconfirmed = [r.name for r in results if r.needs_review and profile.id in r.subcluster_ids]
        enrolment = [r.enrolment for r in serving if r.enrolment is not None]
        completers = [r.completers for r in serving if r.completers is not None]
        excluded = (f"excluded by the rules ({names.get(profile.id, profile.id)})"
                    if profile.id in rules.gaps.exclude_subclusters else None)
        rows.append(SubclusterDemand(
            id=profile.id, name=profile.name, cluster=profile.cluster, employment=profile.employment,
            median_wage=profile.median_wage, median_wage_at_least=profile.median_wage_at_least,
            openings_estimate=profile.openings_estimate, job_shares=job_shares(profile), at_levels=demand,
            high_wage=demand.median_wage_at_least or bool(frame.threshold and demand.median_wage
                                                          and demand.median_wage > frame.threshold),
            in_demand=(demand.openings_estimate or 0) >= rules.in_demand.subcluster_min_openings,
            excluded=excluded, programs=[r.name for r in serving], unconfirmed=unconfirmed,
            enrolment=sum(enrolment) if enrolment else None, completers=sum(completers) if completers else None))
    return rows


def _gaps(demand: list[SubclusterDemand], results: list[ProgramResult], rules: Rules) -> list[Gap]:
    gaps = []
    for d in sorted(demand, key=lambda d: -(d.at_levels.openings_estimate or 0)):
        if d.high_wage and d.in_demand and not d.programs and not d.excluded:
            detail = (f"{d.at_levels.openings_estimate:,.0f} openings a year (estimated) in the occupations your "
                      f"levels lead to, median wage "
                      + (f"${d.at_levels.median_wage:,.0f}" if d.at_levels.median_wage else "at the top of the range"))
            if d.unconfirmed:
                detail += f"; ⚑ {', '.join(d.unconfirmed)} may serve it once its code is checked"
            gaps.append(Gap(kind="no program", subject=d.name, detail=detail))
    floor = rules.program.min_share_of_jobs
    for r in results:
        if r.verdict not in JUDGED:
            continue
        if (r.high_wage_share or 0) < floor:
            near = (f"; another {r.near_line_share:.0%} are near the line" if r.near_line_share else "")
            gaps.append(Gap(kind="low wage", subject=r.name, detail=f"{r.high_wage_share or 0:.0%} of its entry "
                                                                    f"occupations' local jobs are high-wage{near}"))
        if r.declining_share is not None and r.declining_share >= floor:
            gaps.append(Gap(kind="declining", subject=r.name,
                            detail=f"{r.declining_share:.0%} of its entry occupations' jobs are projected to decline"))
    return gaps


def _state_lists(conn: sqlite3.Connection, area: Area) -> tuple[frozenset[str], list[StateList]]:
    if area.type == "national" or "state-in-demand" not in q.imported_kinds(conn):
        return frozenset(), []
    rows = aq.in_demand_lists(conn, area.state_fips)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        counts[(row["list_name"], row["year"])] += 1
    return (frozenset(row["soc"] for row in rows),
            [StateList(name=name, year=year, occupations=n) for (name, year), n in counts.items()])


def _totals(conn: sqlite3.Connection, profiles: list[lm.SubclusterInArea], area_jobs: float | None) -> Totals:
    memberships: dict[str, int] = defaultdict(int)
    for soc, subs in sq.subcluster_members(conn).items():
        memberships[soc] = len(subs)
    return Totals(area_jobs=area_jobs, subcluster_jobs=sum(p.employment or 0 for p in profiles),
                  shared_occupations=sum(1 for n in memberships.values() if n > 1))


def alignment(conn: sqlite3.Connection, area_query: str, programs: list[ProgramInput], *, rules: Rules | None = None,
              classifier: TextClassifier | None = None, levels: list[str] | None = None) -> AlignmentReport:
    """The report for ``programs`` in an area (a state, metro or nonmetro area, or a county once BLS's area
    definitions are imported). ``levels``: the levels the institution serves (default: its programs')."""
    rules = rules or load_rules()
    found, county = find_place(conn, area_query)
    area, profiles = lm.subclusters_in_area(conn, found.code, top=5)
    basis = op.basis(conn, area)
    total = aq.total(conn, area.code)
    area_median = total["a_median"] if total else None
    threshold = area_median * rules.high_wage.multiple_of_area_median if area_median else None
    on_list, lists = _state_lists(conn, area)
    frame = _Frame(conn, rules, basis, threshold, threshold * (1 - rules.high_wage.near_band) if threshold else None,
                   on_list, sq.subcluster_members(conn))
    codings = code_programs(conn, programs, classifier, rules)
    sub_names = {s.id: s.name for s in load_framework().subclusters()}
    results = [_program(frame, p, codings[p.row], sub_names) for p in programs]
    served = sorted(set(levels or [p.level for p in programs]), key=lambda lv: rules.levels.programs[lv])
    demand = _subclusters(frame, profiles, results, served)
    totals = _totals(conn, profiles, total["tot_emp"] if total else None)
    report = AlignmentReport(
        area=area, place=f"{county.name} is in {area.name} ({area.type} area)" if county else None, levels=served,
        area_median_wage=area_median, high_wage_threshold=threshold, near_threshold=frame.near_floor, rules=rules,
        programs=results, subclusters=demand, gaps=_gaps(demand, results, rules), totals=totals, state_lists=lists,
        openings_note=basis.note, sources=[], method=[], limits=[])
    report.sources = [Source(what=what, release=release) for what, release in method.sources(conn, report, basis,
                                                                                              county is not None)]
    report.method, report.limits = method.method(report, basis), method.limits(report)
    return report
