"""What the alignment report says about how it was made: each program's reasons, the sources with their
releases, the method and the limits, in plain sentences printed in every copy of the report (HTML, PDF and the
workbook's Method sheet), so a reader of the document alone can check and sign it."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from careerclusters.alignment.ladder import STEP_NAMES
from careerclusters.alignment.rules import Rules
from careerclusters.base.formatting import count, money
from careerclusters.labor import openings as op
from careerclusters.store import crosswalk as q

if TYPE_CHECKING:
    from careerclusters.alignment.analysis import AlignmentReport, LocalOccupation


def program_reasons(shares: dict[str, float | None], entry: list[LocalOccupation], area: str,
                    threshold: float | None, rules: Rules, has_list: bool) -> list[str]:
    """Why a judged program got its verdict: its entry occupations' shares of jobs under each rule."""
    jobs = sum(o.employment or 0 for o in entry)
    line = money(threshold) if threshold else "the area's median"
    reasons = [f"its {len(entry)} entry occupation{'s hold' if len(entry) != 1 else ' holds'} {count(jobs)} jobs "
               f"in {area}; {shares['high'] or 0:.0%} {'are' if len(entry) != 1 else 'is'} high-wage (median above "
               f"{line})"]
    if (shares["near"] or 0) >= 0.005:
        reasons.append(f"another {shares['near']:.0%} are near the line (within "
                       f"{rules.high_wage.near_band:.0%} below it)")
    demand = f"{shares['demand'] or 0:.0%} are in demand: at least {rules.in_demand.min_openings:,.0f} openings a " \
             "year (estimated)"
    if has_list and rules.in_demand.state_list_counts:
        demand += f" or on the state's in-demand list ({shares['listed'] or 0:.0%} are on it)"
    reasons.append(demand)
    if (shares["declining"] or 0) >= 0.005:
        reasons.append(f"{shares['declining']:.0%} are projected to decline")
    return reasons


def sources(conn: sqlite3.Connection, report: AlignmentReport, basis: op.Basis, county: bool) -> list[tuple[str, str]]:
    """(what, release) of every source the report's figures come from."""
    kinds = q.imported_kinds(conn)
    wanted = [("bls-oews-areas", "Jobs and wages by area, wage-and-salary jobs (BLS)"),
              ("bls-projections", "Openings rates, growth, entry education and experience (BLS)")]
    if basis.state_name:
        wanted.append(("state-projections", f"Openings rates and growth for {basis.state_name} and its areas (the "
                                            "state's long-term projections)"))
    if report.state_lists:
        wanted.append(("state-in-demand", "In-demand occupations (the state's list)"))
    wanted += [("nces-cip-soc", "Programs to occupations (NCES)"),
               ("advance-cte-full", "Programs and occupations in sub-clusters (Advance CTE)"),
               ("nces-cip", "Program codes and titles (NCES)"),
               ("onet-db", "Job zones where BLS publishes no entry education (O*NET)")]
    if county:
        wanted.append(("bls-oews-area-definitions", "Counties in areas (BLS)"))
    return [(what, kinds[kind]["release"]) for kind, what in wanted if kind in kinds]


def method(report: AlignmentReport, basis: op.Basis) -> list[str]:
    """How the report was made, step by step, with this report's thresholds."""
    rules = report.rules
    steps = rules.levels.programs
    levels = ", ".join(f"{level} ({STEP_NAMES.get(step, step)})" for level, step in steps.items())
    line = money(report.high_wage_threshold) if report.high_wage_threshold else "the area's median wage"
    near = money(report.near_threshold) if report.near_threshold else "—"
    names = {d.id: d.name for d in report.subclusters}
    excluded = ", ".join(names.get(s, s) for s in rules.gaps.exclude_subclusters) or "none"
    text = [
        "Programs: coded as given (CIP 2020), or from their names by the program classifier. A code CIP 2020 does "
        "not have, the crosswalk's NO MATCH code, a deleted code, no code, or a name coded with confidence below "
        f"{rules.classifier.review_below_confidence:.0%} is flagged ⚑ with the reason and not judged, charted or "
        "counted in a gap.",
        f"Levels: each program's own (a level column) or the report's default; the levels are {levels}.",
        "Occupations a program leads to: NCES's CIP–SOC crosswalk and Advance CTE's crosswalk, and those the rules "
        "file adds, each with its reason. A general program (CIP ending in 00) whose occupations all need experience "
        "or further study is judged on the entry occupations of its family's specific programs.",
        "Each occupation is classed by BLS's typical education for entry and related work experience (O*NET's job "
        "zone where BLS publishes none): entry (at most "
        f"{rules.levels.reach} education step{'s' if rules.levels.reach != 1 else ''} past the program's level), "
        f"with experience ({', '.join(rules.ladder.experience)} of related experience, first-line supervisors, "
        "managers), or with further study (more steps past the program's level; postsecondary teachers always). "
        "Verdicts use entry occupations only; the others are listed as the ladder above, with the reason.",
        f"High-wage: a median annual wage above {line} ({rules.high_wage.multiple_of_area_median:g} × the area's "
        f"median for all occupations, {money(report.area_median_wage)}); near the line: from {near} up to it "
        f"(within {rules.high_wage.near_band:.0%}); a wage at the top of BLS's range counts as high.",
        f"In demand: at least {rules.in_demand.min_openings:,.0f} openings a year (estimated)"
        + (" or on the state's in-demand list" if report.state_lists and rules.in_demand.state_list_counts else "")
        + f"; declining: projected ten-year change below {rules.declining.max_change_pct:g} %.",
        f"Jobs and openings on one basis: {basis.note}.",
        f"A program takes a label when its entry occupations with it hold at least "
        f"{rules.program.min_share_of_jobs:.0%} of their jobs in the area. It serves the sub-clusters its entry "
        "occupations are in (of those Advance CTE lists it under, and any holding that share of its entry jobs); "
        "its enrolment and completers count in each.",
        f"Sub-clusters: jobs are the sum of their occupations' jobs, and an occupation counts in every sub-cluster it "
        f"belongs to ({report.totals.shared_occupations} occupations belong to more than one), so the sub-clusters' "
        f"jobs add up to {count(report.totals.subcluster_jobs)}, more than the area's "
        f"{count(report.totals.area_jobs)}. A sub-cluster's median wage is the employment-weighted median of its "
        "occupations' medians: its largest occupations set it, and their shares of its jobs are shown beside it.",
        f"Gaps: sub-clusters no judged program serves whose occupations at the institution's levels "
        f"({', '.join(report.levels)}) have at least {rules.in_demand.subcluster_min_openings:,.0f} openings a year "
        f"and a median wage above the line; never listed: {excluded}. Judged programs whose entry occupations are "
        "mostly not high-wage, or declining, are gaps too.",
    ]
    if report.place:
        text.append(f"Place: {report.place}, by BLS's OEWS area definitions; the figures are the area's.")
    return text


def limits(report: AlignmentReport) -> list[str]:
    """What the figures cannot say."""
    return [
        "OEWS counts wage-and-salary jobs: the self-employed are not in Jobs, and openings are counted on the same "
        "jobs.",
        "Openings are estimates: they assume the area's occupations turn over at the "
        + ("state's" if "own" in report.openings_note else "nation's") + " projected rate.",
        "BLS's entry education is typical, not required; a state's licensing may ask for more or less.",
        "The crosswalks say which occupations a field of study can lead to, not where completers go; placement "
        "and earnings of completers are not in this report.",
        "Where OEWS publishes no figure for an occupation in the area (a small or confidential count), it shows — "
        "and counts toward no share.",
        "Enrolment and completers are as given in the input, unchecked.",
    ]
