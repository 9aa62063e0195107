"""The program-of-study checker: does a program of study have the elements Perkins V, section 3(41), asks for?

Each rule looks at one element (known codes, the sub-cluster fit of its CIP codes, enough CTE coursework, a
sequence in order that progresses and does not repeat, a secondary–postsecondary link, credentials, entry and
exit points, target occupations that pay and grow, and courses whose SCED codes agree with what they are) and
reports findings, each with a severity and a plain-English message. Thresholds and severities are in a small YAML
file (``pos/rules.yaml``) that a state replaces with its own; the rule's source in the law is stated there.

It counts the way states count: middle-school courses never count toward a high-school minimum; a group of
alternatives counts once, as the courses and the least credits a learner must take; electives count only when
chosen, so not toward a minimum. The wage floor uses the program's state (its owner's ``state``), or an area the
caller names, when OEWS by area is imported, and each finding says whose median it is. An occupation BLS
publishes only inside a combined group (home health aides, 31-1121, inside 31-1120) takes the group's wage and
projection, labelled as the group's.

The reference data (codes, crosswalks, national and state wages, projections) is read from the store once per
``Checker``, so checking a catalog of hundreds of programs costs one load and a pass over each program. A rule
whose data is not imported says so once per program instead of passing silently.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from careerclusters.base.formatting import money
from careerclusters.base.rules import read_rules
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.pos import sced
from careerclusters.pos.model import (
    STAGE_ORDER,
    CourseKind,
    CourseLevel,
    CourseRole,
    EarlyCollegeKind,
    Education,
    ProgramOfStudy,
    Stage,
)
from careerclusters.sources.official import describe
from careerclusters.store import crosswalk as q
from careerclusters.store import pos as pq

RULES_FILE = resources.files(__package__).joinpath("rules.yaml")
Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
NATIONAL = "national"
AREAS_KIND = "bls-oews-areas"


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
    use_state_wages: bool = True


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
    combined_occupation_groups: Rule
    course_kind_matches_sced: Rule
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
    education: Education | None = Field(None, description="The education it is entered with, as the program says.")
    wage_marker: str | None = Field(None, description="BLS's marker when the median is not a figure: not_released "
                                                      "or top_coded.")
    wage_area: str = Field(NATIONAL, description="Whose median it is: 'national' or the area's name.")
    wage_soc: str | None = Field(None, description="The combined group whose median it is, when BLS publishes the "
                                                   "occupation only inside one (31-1120 for 31-1121).")
    projection_soc: str | None = Field(None, description="The combined group whose projection it is, likewise.")
    group_title: str | None = Field(None, description="That combined group's title.")


class Report(BaseModel):
    program: str
    title: str
    findings: list[Finding]
    occupations: list[TargetOccupation]
    wage_area: str = Field(NATIONAL, description="Whose wages the occupations show: 'national' or an area's name.")
    wage_area_code: str | None = Field(None, description="That area's BLS code.")

    @property
    def clean(self) -> bool:
        return not self.findings


@dataclass(frozen=True)
class AreaWages:
    """One area's median annual wages by SOC code, with BLS's marker where there is no figure."""

    code: str
    name: str
    wages: dict[str, tuple[float | None, str | None]]


def _marker(median: float | None, markers: str | None) -> str | None:
    """BLS's marker for a median that is not a figure (only then does it matter)."""
    return json.loads(markers).get("a_median") if markers and median is None else None


def area_wages(conn: sqlite3.Connection, code: str) -> AreaWages | None:
    """An imported area's wages (a BLS area code: 1000000 Delaware, 0018140 Columbus, OH), or ``None`` when OEWS
    for it is not imported."""
    area = pq.oews_area(conn, code)
    if area is None:
        return None
    return AreaWages(code=code, name=area["name"],
                     wages={row["soc"]: (row["a_median"], _marker(row["a_median"], row["markers"]))
                            for row in pq.area_median_wages(conn, code)})


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
        self.wages = {row["soc"]: (row["a_median"], _marker(row["a_median"], row["markers"]))
                      for row in pq.median_wages(conn)}
        self.changes = {row[0]: row[1] for row in pq.projected_changes(conn)}
        self.entry_education = {row[0]: row[1] for row in pq.entry_educations(conn)}
        self.cip_occupations: dict[str, dict[str, str]] = {}
        for cip, soc, title in pq.cip_occupations(conn):
            self.cip_occupations.setdefault(cip, {}).setdefault(soc, title)
        self.states: dict[str, AreaWages] = {}
        for row in pq.state_median_wages(conn):
            state = self.states.get(row["postal"])
            if state is None:
                state = self.states[row["postal"]] = AreaWages(row["area_code"], row["name"], {})
            state.wages[row["soc"]] = (row["a_median"], _marker(row["a_median"], row["markers"]))


def _group(soc: str) -> str:
    """The broad group a detailed SOC code belongs to: 31-1120 for 31-1121."""
    return soc[:6] + "0"


#: What a rule yields: (message, where), or (message, where, "info") for a note that is not the rule's finding.
Found = Iterator[tuple[str, str | None] | tuple[str, str | None, Severity]]
Check = Callable[["Checker", ProgramOfStudy, Report], Found]


class Checker:
    """Checks programs of study against one set of rules and the store's reference data."""

    def __init__(self, conn: sqlite3.Connection, rules: Rules | None = None):
        self.rules = rules or load_rules()
        self.ref = _Reference(conn)
        fw = load_framework()
        self.subclusters = {n.id: n for n in fw.nodes(Edition.MODERN, Level.SUBCLUSTER)}
        self.pathways = {n.id for n in fw.nodes(Edition.ORIGINAL, Level.PATHWAY)}

    def wage_area(self, program: ProgramOfStudy, area: AreaWages | None = None) -> AreaWages | None:
        """Whose wages a program is checked against: ``area`` when given, else its owner's state when the rules
        say so and the state's wages are imported, else none (national)."""
        if area is not None:
            return area
        if self.rules.wage_floor.use_state_wages and program.owner.state:
            return self.ref.states.get(program.owner.state)
        return None

    def _figures(self, soc: str, area: AreaWages | None) -> dict[str, Any]:
        """A target's median wage (the area's, else national) and projected change, from its combined group where
        BLS publishes only that."""
        wages = area.wages if area is not None else self.ref.wages
        wage_soc = soc if soc in wages else _group(soc) if _group(soc) in wages else None
        median, marker = wages.get(wage_soc or "", (None, None))
        change_soc = soc if soc in self.ref.changes else _group(soc) if _group(soc) in self.ref.changes else None
        combined = {code for code in (wage_soc, change_soc) if code and code != soc}
        return {"median_wage": median, "wage_marker": marker, "wage_area": area.name if area else NATIONAL,
                "wage_soc": wage_soc if wage_soc != soc else None, "change_pct": self.ref.changes.get(change_soc or ""),
                "projection_soc": change_soc if change_soc != soc else None,
                "group_title": self.ref.soc_titles.get(combined.pop()) if combined else None}

    def occupations(self, program: ProgramOfStudy, area: AreaWages | None = None) -> list[TargetOccupation]:
        """The target occupations: as given, or else those of the postsecondary CIP codes (the secondary ones
        when there are none) in NCES's CIP–SOC and Advance CTE's crosswalks; with pay in ``wage_area``."""
        chosen = self.wage_area(program, area)
        if program.occupations:
            return [self._target(o.soc, o.title or self.ref.soc_titles.get(o.soc), False, chosen, o.education)
                    for o in program.occupations]
        return self.cip_occupations(program.postsecondary_cip or program.secondary_cip, chosen)

    def cip_occupations(self, cips: list[str], area: AreaWages | None = None) -> list[TargetOccupation]:
        """The occupations CIP codes lead to in NCES's CIP–SOC and Advance CTE's crosswalks, by SOC code, with pay
        in ``area`` (national when none)."""
        found = {soc: title for cip in cips for soc, title in self.ref.cip_occupations.get(cip, {}).items()}
        return [self._target(soc, title, True, area) for soc, title in sorted(found.items())]

    def _target(self, soc: str, title: str | None, derived: bool, area: AreaWages | None,
                education: Education | None = None) -> TargetOccupation:
        return TargetOccupation(soc=soc, title=title, derived=derived, education=education,
                                entry_education=self.ref.entry_education.get(soc), **self._figures(soc, area))

    def check(self, program: ProgramOfStudy, area: AreaWages | None = None) -> Report:
        """The findings on ``program``; pay is compared in ``area`` when given (see ``wage_area``)."""
        chosen = self.wage_area(program, area)
        report = Report(program=program.id, title=program.title, findings=[],
                        occupations=self.occupations(program, area), wage_area=chosen.name if chosen else NATIONAL,
                        wage_area_code=chosen.code if chosen else None)
        for name, check in CHECKS.items():
            rule: Rule = getattr(self.rules, name)
            if not rule.enabled:
                continue
            missing = [kind for kind in rule.data if kind not in self.ref.kinds]
            if missing and name != "known_codes":
                report.findings.append(Finding(program=program.id, rule=name, severity="info",
                                               message=f"Not checked: {'; '.join(map(describe, missing))} not "
                                                       "loaded yet."))
                continue
            for found in dict.fromkeys(check(self, program, report)):
                message, where, *note = found
                report.findings.append(Finding(program=program.id, rule=name, severity=note[0] if note
                                               else rule.severity, message=message, where=where))
        report.findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
        return report


# -- the rules ----------------------------------------------------------------------------------------------

def _known_codes(c: Checker, p: ProgramOfStudy, report: Report) -> Found:
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
        for occupation in report.occupations:
            if not occupation.derived and occupation.soc not in c.ref.soc_titles:
                yield f"{occupation.soc} is not a SOC 2018 occupation in the imported data.", "occupations"


def _cip_in_subcluster(c: Checker, p: ProgramOfStudy, _: Report) -> Found:
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


def cte_counted(p: ProgramOfStudy, stage: Stage) -> tuple[int, float]:
    """The CTE courses and credits of one stage that count toward a minimum: every CTE course a learner must take
    (not electives), and each group of CTE alternatives once, as the courses and the least credits it asks for."""
    courses, credits = 0, 0.0
    for level in p.levels:
        if level.stage is not stage:
            continue
        for course in level.courses:
            if course.kind is CourseKind.cte and course.role is not CourseRole.elective:
                courses, credits = courses + 1, credits + course.credits
        for group in level.groups:
            if group.effective_kind() is CourseKind.cte and group.role is not CourseRole.elective:
                courses, credits = courses + group.required_count(), credits + group.least_credits()
    return courses, credits


def _cte_minimum(c: Checker, p: ProgramOfStudy, _: Report) -> Found:
    rule = c.rules.cte_minimum
    middle, _credits = cte_counted(p, Stage.middle)
    aside = (f" ({middle} middle-school CTE course{'s do' if middle != 1 else ' does'} not count toward it)"
             if middle else "")
    for stage, courses_min, credits_min in ((Stage.secondary, rule.min_secondary_courses, rule.min_secondary_credits),
                                            (Stage.postsecondary, 0, rule.min_postsecondary_credits)):
        levels = [level for level in p.levels if level.stage is stage]
        if not levels:
            continue
        if stage is Stage.postsecondary and not any(level.courses or level.groups for level in levels):
            yield (f"The postsecondary levels list no courses ({', '.join(level.name for level in levels)}), so the "
                   f"{credits_min:g}-credit minimum is not checked: the college's program says what they hold."), \
                stage.value, "info"
            continue
        count, credits = cte_counted(p, stage)
        label = "high-school" if stage is Stage.secondary else stage.value
        said = aside if stage is Stage.secondary else ""
        where = stage.value
        if count < courses_min:
            yield f"Only {count} {label} CTE course(s); the rules ask for at least {courses_min}{said}.", where
        if credits < credits_min:
            yield f"Only {credits:g} {label} CTE credits; the rules ask for at least {credits_min:g}{said}.", where


def _levels_in_order(_: Checker, p: ProgramOfStudy, __: Report) -> Found:
    for before, after in zip(p.levels, p.levels[1:], strict=False):
        if STAGE_ORDER[after.stage] < STAGE_ORDER[before.stage]:
            yield f"{after.name} ({after.stage.value}) comes after {before.name} ({before.stage.value}).", after.name
        elif before.stage is after.stage and before.step_unit is after.step_unit and after.step <= before.step:
            yield f"{after.name} (step {after.step}) comes after {before.name} (step {before.step}).", after.name


_RANK = {CourseLevel.introductory: 0, CourseLevel.concentrator: 1, CourseLevel.capstone: 2}


def _progresses(_: Checker, p: ProgramOfStudy, __: Report) -> Found:
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


def _non_duplicative(_: Checker, p: ProgramOfStudy, __: Report) -> Found:
    seen: dict[str, str] = {}
    for level, course in p.courses():
        if course.code in seen:
            yield (f"{course.title} ({course.code}) is listed twice: in {seen[course.code]} and {level.name}.",
                   level.name)
        seen.setdefault(course.code, level.name)


#: Early college that ties a high-school course to a college: credit at the college itself, not by exam.
LINKING = frozenset({EarlyCollegeKind.dual_enrollment, EarlyCollegeKind.articulated_credit})


def _link(c: Checker, p: ProgramOfStudy, _: Report) -> Found:
    stages = {level.stage for level in p.levels}
    if Stage.secondary not in stages:
        yield "No high-school level: a program of study starts in high school.", None
    after = {Stage.postsecondary, Stage.apprenticeship}
    if not stages & after and not p.articulations and not p.postsecondary_cip:
        yield ("No postsecondary or apprenticeship level, postsecondary CIP code or articulation: nothing links it to "
               "college or training."), None
    dual = any(e.kind in LINKING for _, course in p.courses() for e in course.early_college)
    if c.rules.secondary_postsecondary_link.require_articulation_or_dual_credit and not (p.articulations or dual):
        yield "Neither an articulation agreement nor a dual or concurrent credit course links the two levels.", None


def _last_level(p: ProgramOfStudy) -> int:
    """The index of the sequence's last level of study (a "workforce" level after it is where learners go)."""
    study = [n for n, level in enumerate(p.levels) if level.stage is not Stage.workforce]
    return study[-1] if study else len(p.levels) - 1


def _credential(_: Checker, p: ProgramOfStudy, __: Report) -> Found:
    if not p.credentials:
        yield "No credential: a program of study culminates in a recognized postsecondary credential.", None
        return
    last = p.levels[_last_level(p)]
    if not any(p.credential_level(credential) is last for credential in p.credentials):
        yield f"No credential is earned at the end ({last.name}); the sequence should culminate in one.", last.name


def _entry_exit(c: Checker, p: ProgramOfStudy, _: Report) -> Found:
    rule = c.rules.entry_exit_points
    entries = [level for level in p.levels if level.entry_point]
    if len(entries) < rule.min_entry_points:
        yield f"{len(entries)} entry point(s); the rules ask for at least {rule.min_entry_points}.", None
    earned = {p.levels.index(p.credential_level(credential)) for credential in p.credentials}
    exits = [level for index, level in enumerate(p.levels[:_last_level(p)])
             if level.exit_point and any(at <= index for at in earned)]
    if len(exits) < rule.min_exit_points_before_end:
        yield (f"{len(exits)} exit point(s) with a credential before the end; the rules ask for at least "
               f"{rule.min_exit_points_before_end}."), None


def _whose(o: TargetOccupation) -> str:
    """The median a finding quotes, and whose it is: 'national median wage $38,210', 'median wage in Delaware
    $34,320 (of the combined group 31-1120)'."""
    where = "national median wage" if o.wage_area == NATIONAL else f"median wage in {o.wage_area}"
    return f"{where} {money(o.median_wage)}" + (f" (of the combined group {o.wage_soc})" if o.wage_soc else "")


def _wage_floor(c: Checker, p: ProgramOfStudy, report: Report) -> Found:
    rule = c.rules.wage_floor
    if rule.use_state_wages and p.owner.state and report.wage_area == NATIONAL:
        missing = ("OEWS by area is not imported" if AREAS_KIND not in c.ref.kinds
                   else f"no OEWS area {p.owner.state!r} is imported")
        yield (f"Wages for {p.owner.state} are not used ({missing}); the occupations show national medians."), \
            None, "info"
    floor = rule.min_median_annual_wage
    for o in report.occupations:
        if o.median_wage is not None and o.median_wage < floor:
            yield f"{o.title or o.soc} ({o.soc}): {_whose(o)} is below the floor of {money(floor)}.", o.soc


def _declining(c: Checker, _: ProgramOfStudy, report: Report) -> Found:
    least = c.rules.not_declining.min_change_pct
    for o in report.occupations:
        if o.change_pct is not None and o.change_pct < least:
            whose = f"employment of the combined group {o.projection_soc}" if o.projection_soc else "employment"
            yield (f"{o.title or o.soc} ({o.soc}): {whose} is projected to change {o.change_pct:+.1f}% in ten "
                   "years."), o.soc


def _combined_groups(_: Checker, __: ProgramOfStudy, report: Report) -> Found:
    for o in report.occupations:
        group = o.wage_soc or o.projection_soc
        if group:
            figures = " and ".join(what for what, code in (("pay", o.wage_soc), ("projection", o.projection_soc))
                                   if code)
            yield (f"{o.title or o.soc} ({o.soc}): BLS publishes its {figures} only for the combined group {group} "
                   f"({o.group_title or group}); the figures shown are the group's."), o.soc


def _course_kinds(c: Checker, p: ProgramOfStudy, _: Report) -> Found:
    for level, course in p.courses():
        found = c.ref.courses.get(course.sced or "")
        if found is None:
            continue
        if course.kind is CourseKind.cte and found.subject_area in sced.ACADEMIC_AREAS:
            yield (f"{course.title} ({course.code}) is marked CTE, but SCED {found.code} ({found.title}) is in the "
                   f"academic subject area {found.subject_area} ({found.subject_name})."), level.name
        elif course.kind is CourseKind.academic and found.cte:
            yield (f"{course.title} ({course.code}) is marked academic, but SCED {found.code} ({found.title}) is in "
                   f"the career and technical subject area {found.subject_area} ({found.subject_name})."), level.name


def _course_clusters(c: Checker, p: ProgramOfStudy, _: Report) -> Found:
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
    "combined_occupation_groups": _combined_groups, "course_kind_matches_sced": _course_kinds,
    "course_cluster_evidence": _course_clusters,
}
