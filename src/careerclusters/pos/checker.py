"""The program-of-study checker: does a program of study have the elements Perkins V, section 3(41), asks for?

Each rule looks at one element (known codes, the sub-cluster fit of its CIP codes, enough CTE coursework, a
sequence in order that progresses and does not repeat, a secondary–postsecondary link, credentials, entry and
exit points, and target occupations that pay and grow) and reports findings, each with a severity and a
plain-English message. Thresholds and severities are in a small YAML file (``rules/programs_of_study.yaml``)
that a state replaces with its own; the rule's source in the law is stated there.

The reference data (codes, crosswalks, national wages and projections) is read from the store once per
``Checker``, so checking a catalog of hundreds of programs costs one load and a pass over each program. A rule
whose data is not imported says so once per program instead of passing silently.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from careerclusters.base.formatting import money
from careerclusters.base.rules import read_rules
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.pos import sced
from careerclusters.pos.model import CourseKind, CourseLevel, ProgramOfStudy, Stage
from careerclusters.sources.official import describe
from careerclusters.store import crosswalk as q
from careerclusters.store import pos as pq

RULES_FILE = resources.files(__package__).joinpath("rules.yaml")
Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=1)
    data: list[str] = Field(default_factory=list)
    severity: Severity
    enabled: bool = True


class CteMinimum(Rule):
    min_secondary_courses: int = Field(ge=0)
    min_secondary_credits: float = Field(ge=0)
    min_postsecondary_credits: float = Field(ge=0)


class LinkRule(Rule):
    require_articulation_or_dual_credit: bool


class EntryExitRule(Rule):
    min_entry_points: int = Field(ge=0)
    min_exit_points_before_end: int = Field(ge=0)


class WageRule(Rule):
    min_median_annual_wage: float = Field(ge=0)


class DecliningRule(Rule):
    min_change_pct: float


class Rules(BaseModel):
    """The checker's rules (see the YAML file for what each means and where it comes from)."""

    model_config = ConfigDict(extra="forbid")

    known_codes: Rule
    cip_in_subcluster: Rule
    cte_minimum: CteMinimum
    levels_in_order: Rule
    progresses_in_specificity: Rule
    non_duplicative: Rule
    secondary_postsecondary_link: LinkRule
    credential: Rule
    entry_exit_points: EntryExitRule
    wage_floor: WageRule
    not_declining: DecliningRule
    course_cluster_evidence: Rule


def load_rules(path: Path | None = None) -> Rules:
    """The rules from ``path``, or the package's defaults; a bad file is one clear error."""
    return read_rules(Rules, RULES_FILE, path)


class Finding(BaseModel):
    program: str
    rule: str
    severity: Severity
    message: str
    where: str | None = Field(None, description="The part of the program the finding is about.")


class TargetOccupation(BaseModel):
    soc: str
    title: str | None
    median_wage: float | None
    change_pct: float | None
    derived: bool = Field(description="Derived from the CIP codes through the crosswalks (not given in the file).")
    entry_education: str | None = Field(None, description="BLS's typical education to start (projections).")


class Report(BaseModel):
    program: str
    title: str
    findings: list[Finding]
    occupations: list[TargetOccupation]

    @property
    def clean(self) -> bool:
        return not self.findings


class _Reference:
    """Everything the rules look up, read from the store in one go."""

    def __init__(self, conn: sqlite3.Connection):
        self.kinds = q.available_kinds(conn)
        self.cip = {row["cip"]: row["action"] for row in pq.cip_actions(conn)}
        self.cip_titles = {row[0]: row[1] for row in pq.cte_cip_titles(conn)}
        self.cip_subclusters: dict[str, set[str]] = {}
        for row in pq.cte_cip_subclusters(conn):
            self.cip_subclusters.setdefault(row[0], set()).add(row[1])
        self.courses = sced.all_courses(conn)
        self.course_titles = {code: course.title for code, course in self.courses.items()}
        self.soc_titles: dict[str, str] = {}
        for code, title in pq.soc_titles(conn):
            self.soc_titles.setdefault(code, title)
        self.wages = {row[0]: row[1] for row in pq.median_wages(conn)}
        self.changes = {row[0]: row[1] for row in pq.projected_changes(conn)}
        self.entry_education = {row[0]: row[1] for row in pq.entry_educations(conn)}
        self.cip_occupations: dict[str, dict[str, str]] = {}
        for cip, soc, title in pq.cip_occupations(conn):
            self.cip_occupations.setdefault(cip, {}).setdefault(soc, title)

    def wage(self, soc: str) -> float | None:
        """The national median annual wage, or that of the broad group OEWS publishes the code in."""
        return self.wages.get(soc, self.wages.get(soc[:6] + "0"))


#: What a rule yields: (message, where) pairs.
Found = Iterator[tuple[str, str | None]]
Check = Callable[["Checker", ProgramOfStudy, list[TargetOccupation]], Found]


class Checker:
    """Checks programs of study against one set of rules and the store's reference data."""

    def __init__(self, conn: sqlite3.Connection, rules: Rules | None = None):
        self.rules = rules or load_rules()
        self.ref = _Reference(conn)
        fw = load_framework()
        self.subclusters = {n.id: n for n in fw.nodes(Edition.MODERN, Level.SUBCLUSTER)}
        self.pathways = {n.id for n in fw.nodes(Edition.ORIGINAL, Level.PATHWAY)}

    def occupations(self, program: ProgramOfStudy) -> list[TargetOccupation]:
        """The target occupations: as given, or else those of the postsecondary CIP codes (the secondary ones
        when there are none) in NCES's CIP–SOC and Advance CTE's crosswalks."""
        if program.occupations:
            return [self._target(o.soc, o.title or self.ref.soc_titles.get(o.soc), False) for o in program.occupations]
        return self.cip_occupations(program.postsecondary_cip or program.secondary_cip)

    def cip_occupations(self, cips: list[str]) -> list[TargetOccupation]:
        """The occupations CIP codes lead to in NCES's CIP–SOC and Advance CTE's crosswalks, by SOC code."""
        found = {soc: title for cip in cips for soc, title in self.ref.cip_occupations.get(cip, {}).items()}
        return [self._target(soc, title, True) for soc, title in sorted(found.items())]

    def _target(self, soc: str, title: str | None, derived: bool) -> TargetOccupation:
        return TargetOccupation(soc=soc, title=title, median_wage=self.ref.wage(soc),
                                change_pct=self.ref.changes.get(soc), derived=derived,
                                entry_education=self.ref.entry_education.get(soc))

    def check(self, program: ProgramOfStudy) -> Report:
        occupations = self.occupations(program)
        findings = []
        for name, check in CHECKS.items():
            rule: Rule = getattr(self.rules, name)
            if not rule.enabled:
                continue
            missing = [kind for kind in rule.data if kind not in self.ref.kinds]
            if missing and name != "known_codes":
                findings.append(Finding(program=program.id, rule=name, severity="info",
                                        message=f"Not checked: {'; '.join(map(describe, missing))} not loaded yet."))
                continue
            for message, where in dict.fromkeys(check(self, program, occupations)):
                findings.append(Finding(program=program.id, rule=name, severity=rule.severity, message=message,
                                        where=where))
        findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
        return Report(program=program.id, title=program.title, findings=findings, occupations=occupations)


# -- the rules ----------------------------------------------------------------------------------------------

def _known_codes(c: Checker, p: ProgramOfStudy, occupations: list[TargetOccupation]) -> Found:
    for sub in p.subclusters:
        if sub not in c.subclusters:
            yield f"{sub!r} is not a sub-cluster of the modern framework.", "subclusters"
    if p.pathway and p.pathway not in c.pathways:
        yield f"{p.pathway!r} is not a pathway of the original framework.", "pathway"
    if "nces-cip" in c.ref.kinds:
        for cip in [*p.secondary_cip, *p.postsecondary_cip]:
            action = c.ref.cip.get(cip)
            if action is None:
                yield f"CIP {cip} is not in CIP 2020.", "cip"
            elif action.lower().startswith(("deleted", "moved to")):
                yield f"CIP {cip} was retired in CIP 2020 ({action.lower()}); use its successor.", "cip"
    if "nces-sced" in c.ref.kinds:
        for level, course in p.courses():
            if course.sced and course.sced not in c.ref.courses:
                yield f"{course.title} ({course.code}): {course.sced} is not a SCED v12 course code.", level.name
    if c.ref.soc_titles:
        for occupation in occupations:
            if not occupation.derived and occupation.soc not in c.ref.soc_titles:
                yield f"{occupation.soc} is not a SOC 2018 occupation in the imported data.", "occupations"


def _cip_in_subcluster(c: Checker, p: ProgramOfStudy, _: list[TargetOccupation]) -> Found:
    wanted = set(p.subclusters)
    for cip in [*p.secondary_cip, *p.postsecondary_cip]:
        placed = c.ref.cip_subclusters.get(cip)
        if "nces-cip" in c.ref.kinds and cip not in c.ref.cip:
            continue  # not a CIP 2020 code at all: known_codes says so
        if placed is None:
            yield f"CIP {cip} is not in Advance CTE's crosswalk, so its sub-cluster cannot be confirmed.", "cip"
        elif not placed & wanted:
            names = ", ".join(sorted(c.subclusters[s].name if s in c.subclusters else s for s in placed))
            yield (f"CIP {cip} ({c.ref.cip_titles.get(cip, '')}) is not in this program's sub-cluster; the "
                   f"crosswalk places it in: {names}."), "cip"


def _cte_minimum(c: Checker, p: ProgramOfStudy, _: list[TargetOccupation]) -> Found:
    rule = c.rules.cte_minimum
    for stage, courses_min, credits_min in ((Stage.secondary, rule.min_secondary_courses, rule.min_secondary_credits),
                                            (Stage.postsecondary, 0, rule.min_postsecondary_credits)):
        cte = [course for level, course in p.courses() if level.stage is stage and course.kind is CourseKind.cte]
        if not any(level.stage is stage for level in p.levels):
            continue
        credits, where = sum(course.credits for course in cte), stage.value
        if len(cte) < courses_min:
            yield f"Only {len(cte)} {stage.value} CTE course(s); the rules ask for at least {courses_min}.", where
        if credits < credits_min:
            yield f"Only {credits:g} {stage.value} CTE credits; the rules ask for at least {credits_min:g}.", where


def _levels_in_order(_: Checker, p: ProgramOfStudy, __: list[TargetOccupation]) -> Found:
    for before, after in zip(p.levels, p.levels[1:], strict=False):
        if before.stage is Stage.postsecondary and after.stage is Stage.secondary:
            yield f"{after.name} (secondary) comes after {before.name} (postsecondary).", after.name
        elif before.stage is after.stage and after.step <= before.step:
            yield f"{after.name} (step {after.step}) comes after {before.name} (step {before.step}).", after.name


_RANK = {CourseLevel.introductory: 0, CourseLevel.concentrator: 1, CourseLevel.capstone: 2}


def _progresses(_: Checker, p: ProgramOfStudy, __: list[TargetOccupation]) -> Found:
    cte = [(level, course) for level, course in p.courses() if course.kind is CourseKind.cte and course.level]
    if cte and not any(course.level is CourseLevel.introductory for _, course in cte):
        yield "No introductory CTE course: the sequence does not start from the whole cluster.", None
    if cte and not any(course.level is CourseLevel.capstone for _, course in cte):
        yield "No capstone CTE course: the sequence does not end in occupation-specific instruction.", None
    for stage in Stage:
        highest: tuple[int, str] | None = None
        for level, course in cte:
            if level.stage is not stage:
                continue
            rank = _RANK[course.level]  # type: ignore[index]
            if highest and rank < highest[0] and rank == 0:
                yield (f"{course.title} ({course.code}, introductory) comes after {highest[1]}, a "
                       "more advanced course."), level.name
            if highest is None or rank > highest[0]:
                highest = (rank, f"{course.title} ({course.code})")


def _non_duplicative(_: Checker, p: ProgramOfStudy, __: list[TargetOccupation]) -> Found:
    seen: dict[str, str] = {}
    for level, course in p.courses():
        if course.code in seen:
            yield (f"{course.title} ({course.code}) is listed twice: in {seen[course.code]} and {level.name}.",
                   level.name)
        seen.setdefault(course.code, level.name)


def _link(c: Checker, p: ProgramOfStudy, _: list[TargetOccupation]) -> Found:
    stages = {level.stage for level in p.levels}
    if Stage.secondary not in stages:
        yield "No secondary level: a program of study starts in high school.", None
    if Stage.postsecondary not in stages and not p.articulations and not p.postsecondary_cip:
        yield "No postsecondary level, postsecondary CIP code or articulation: nothing links it to college.", None
    dual = any(course.dual_credit for _, course in p.courses())
    if c.rules.secondary_postsecondary_link.require_articulation_or_dual_credit and not (p.articulations or dual):
        yield "Neither an articulation agreement nor a dual or concurrent credit course links the two levels.", None


def _credential(_: Checker, p: ProgramOfStudy, __: list[TargetOccupation]) -> Found:
    if not p.credentials:
        yield "No credential: a program of study culminates in a recognized postsecondary credential.", None
        return
    last = p.levels[-1]
    if not any(p.level_of(credential.course) is last for credential in p.credentials):
        yield f"No credential is earned at the end ({last.name}); the sequence should culminate in one.", last.name


def _entry_exit(c: Checker, p: ProgramOfStudy, _: list[TargetOccupation]) -> Found:
    rule = c.rules.entry_exit_points
    entries = [level for level in p.levels if level.entry_point]
    if len(entries) < rule.min_entry_points:
        yield f"{len(entries)} entry point(s); the rules ask for at least {rule.min_entry_points}.", None
    earned = {p.levels.index(p.level_of(credential.course)) for credential in p.credentials}
    exits = [level for index, level in enumerate(p.levels[:-1])
             if level.exit_point and any(at <= index for at in earned)]
    if len(exits) < rule.min_exit_points_before_end:
        yield (f"{len(exits)} exit point(s) with a credential before the end; the rules ask for at least "
               f"{rule.min_exit_points_before_end}."), None


def _wage_floor(c: Checker, _: ProgramOfStudy, occupations: list[TargetOccupation]) -> Found:
    floor = c.rules.wage_floor.min_median_annual_wage
    for o in occupations:
        if o.median_wage is not None and o.median_wage < floor:
            yield (f"{o.title or o.soc} ({o.soc}): national median wage {money(o.median_wage)} is below the floor of "
                   f"{money(floor)}."), o.soc


def _declining(c: Checker, _: ProgramOfStudy, occupations: list[TargetOccupation]) -> Found:
    least = c.rules.not_declining.min_change_pct
    for o in occupations:
        if o.change_pct is not None and o.change_pct < least:
            yield (f"{o.title or o.soc} ({o.soc}): employment is projected to change {o.change_pct:+.1f}% in ten "
                   "years."), o.soc


def _course_clusters(c: Checker, p: ProgramOfStudy, _: list[TargetOccupation]) -> Found:
    clusters = {c.subclusters[s].parent_id for s in p.subclusters if s in c.subclusters}
    for level, course in p.courses():
        found = c.ref.courses.get(course.sced or "")
        if course.kind is CourseKind.cte and found and found.cte and not clusters & set(found.clusters):
            yield (f"{course.title} ({course.code}) is in SCED area {found.subject_area} ({found.subject_name}), "
                   "which serves another cluster."), level.name


CHECKS: dict[str, Check] = {
    "known_codes": _known_codes, "cip_in_subcluster": _cip_in_subcluster, "cte_minimum": _cte_minimum,
    "levels_in_order": _levels_in_order, "progresses_in_specificity": _progresses,
    "non_duplicative": _non_duplicative, "secondary_postsecondary_link": _link, "credential": _credential,
    "entry_exit_points": _entry_exit, "wage_floor": _wage_floor, "not_declining": _declining,
    "course_cluster_evidence": _course_clusters,
}
