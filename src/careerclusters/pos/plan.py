"""A learner's plan through one program of study: where they start and leave, which electives they take and
which course of each group of alternatives, what they have done, laid out school year by school year (middle
school and high school a grade a year, postsecondary years a year each, terms as many a year as the college's
calendar and the learner's pace give), with its work-based learning and student organizations, the credentials
it earns and where it leads.

Nothing about a learner is stored. The choices (``PlanChoices``) are small enough to travel in a page address
and in a downloaded file the learner keeps; ``make_plan`` turns them, with the program, into the plan to show.
A choice that does not fit the program (a hand-edited address, or a file saved before the program changed) is
left out with a note saying so, rather than failing the whole plan: the learner sees what was kept and why.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.rules import read_rules
from careerclusters.pos import model
from careerclusters.pos.checker import TargetOccupation
from careerclusters.pos.exits import ExitJobs, ExitSettings, exit_jobs

PLAN_FORMAT = "careerclusters/plan/1"
SETTINGS_FILE = resources.files(__package__).joinpath("planner.yaml")
MAX_PLAN_FILE = 100_000  # bytes: a plan names a few dozen course codes
_ = i18n.gettext  # translates into the language being rendered (``i18n.language``) when called


class Pace(StrEnum):
    """How fast a learner takes postsecondary terms (high school is a grade a year)."""

    full_time = "full-time"
    part_time = "part-time"


class PlannerSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms_per_year: dict[model.Calendar, dict[Pace, int]] = Field(
        description="Postsecondary terms in one school year, per calendar and pace.")
    exit_education: ExitSettings | None = Field(None, description="What leaving early, and each credential, meets "
                                                              "(pos.exits); the package's when a file leaves it out.")

    def terms(self, calendar: model.Calendar | None, pace: Pace) -> int:
        """Terms a year in ``calendar`` (a program that names none counts in semesters) at ``pace``."""
        return self.terms_per_year[calendar or model.Calendar.semester][pace]


def load_settings(path: Path | None = None) -> PlannerSettings:
    """The planner's settings from ``path``, or the package's ``pos/planner.yaml``."""
    settings = read_rules(PlannerSettings, SETTINGS_FILE, path)
    for calendar in model.Calendar:
        paces = settings.terms_per_year.get(calendar, {})
        if set(paces) != set(Pace) or min(paces.values()) < 1:
            raise CareerClustersError(f"{path or 'pos/planner.yaml'}: terms_per_year needs, for {calendar.value}, a "
                                      "positive number for " + " and ".join(pace.value for pace in Pace))
    if settings.exit_education is None:
        if path is None:
            raise CareerClustersError("pos/planner.yaml: exit_education is missing")
        return settings.model_copy(update={"exit_education": load_settings().exit_education})
    exits = settings.exit_education
    unknown = exits.check()
    if unknown or set(exits.stages) != set(model.Stage) or set(exits.credentials) != set(model.CredentialKind):
        raise CareerClustersError(f"{path or 'pos/planner.yaml'}: exit_education needs BLS's level for every stage "
                                  "and credential kind" + (f" ({unknown[0]!r} is not one of BLS's levels)"
                                                           if unknown else ""))
    return settings


@cache
def default_settings() -> PlannerSettings:
    return load_settings()


class PlanChoices(BaseModel):
    """What a learner chose: all that travels in the plan's address and its file."""

    model_config = ConfigDict(extra="forbid")

    format: str = Field(PLAN_FORMAT, pattern=f"^{PLAN_FORMAT}$")
    program: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,79}$", description="The program of study's id.")
    program_title: str | None = Field(None, max_length=500, description="For people reading the file; not used.")
    start: str | None = Field(None, max_length=200, description="The level the learner starts at (an entry point).")
    finish: str | None = Field(None, max_length=200, description="The level they plan to leave at (an exit point).")
    first_year: int | None = Field(None, ge=2000, le=2100, description="The calendar year their first school year "
                                                                       "begins (2026 for 2026–27).")
    pace: Pace = Pace.full_time
    take: list[str] = Field(default_factory=list, max_length=200, description="Courses chosen (codes): electives, "
                                                                              "recommended courses, a group's "
                                                                              "alternatives.")
    done: list[str] = Field(default_factory=list, max_length=200, description="Courses completed (codes).")


class PlannedCourse(BaseModel):
    code: str
    title: str
    credits: float
    kind: model.CourseKind
    level: model.CourseLevel | None
    sced: str | None
    sced_title: str | None
    dual_credit: bool = Field(description="Dual enrollment: taken for credit at a college too.")
    work_based_learning: bool = Field(description="Work-based learning is part of it.")
    elective: bool = Field(description="The learner chooses it (an elective, a recommended course, or one of a "
                                       "group's alternatives).")
    role: model.CourseRole
    early_college: list[model.EarlyCollege]
    taken: bool = Field(description="In the plan: a required course, or one the learner chose.")
    done: bool
    earns: list[str] = Field(description="Names of the credentials completing this course earns.")


class PlannedGroup(BaseModel):
    """A group of alternatives in the plan: what it asks, its courses, and whether the learner's choices meet it."""

    id: str
    name: str | None
    choose: model.Choice
    number: int
    credits: float | None
    role: model.CourseRole
    subject: model.Subject
    courses: list[PlannedCourse]
    met: bool = Field(description="The courses chosen meet what it asks (a group without courses: always).")


class PlannedLevel(BaseModel):
    name: str
    stage: model.Stage
    unit: model.StepUnit
    entry_point: bool
    exit_point: bool
    note: str | None
    courses: list[PlannedCourse]
    groups: list[PlannedGroup] = Field(default_factory=list)
    work_based_learning: list[model.WorkExperience] = Field(default_factory=list)
    organizations: list[str] = Field(default_factory=list, description="National (or local) names of the student "
                                                                        "organizations learners join here.")


class PlanYear(BaseModel):
    number: int
    label: str
    levels: list[PlannedLevel]


class EarnedCredential(BaseModel):
    name: str
    issuer: str
    kind: model.CredentialKind
    course: str | None
    level: str
    year: str
    done: bool = Field(description="The course that earns it is marked done.")


class MissedCredential(BaseModel):
    name: str
    kind: model.CredentialKind
    reason: str


class Plan(BaseModel):
    """The plan to show: the choices as applied, laid out by school year, and what it earns and leads to."""

    choices: PlanChoices
    title: str
    owner: str
    example: bool
    start: str
    finish: str
    starts: list[str] = Field(description="The levels a learner may start at (entry points, and the first level).")
    finishes: list[str] = Field(description="The levels a learner may leave at (exit points, and the last level).")
    electives: list[str] = Field(description="Codes of the courses the learner chooses within the plan's levels.")
    years: list[PlanYear]
    earned: list[EarnedCredential]
    missed: list[MissedCredential]
    continue_at: str | None = Field(description="The next entry point after the plan's finish, to come back later.")
    articulations: list[model.Articulation]
    occupations: list[TargetOccupation] = Field(description="Every job the whole program leads to.")
    jobs: ExitJobs = Field(description="The jobs open where the learner leaves, and those that need more study.")
    calendar: model.Calendar | None = None
    organizations: list[str] = Field(default_factory=list, description="The program's student organizations.")
    credits: float
    done_credits: float
    notes: list[str]


def _choice(wanted: str | None, allowed: list[str], fallback: str, message: str, notes: list[str],
            **values: str) -> str:
    """``wanted`` if it is one of ``allowed``, else ``fallback`` with ``message`` (translated) noted."""
    if wanted is None or wanted == fallback or wanted in allowed:
        return fallback if wanted is None else wanted
    notes.append(message % {"level": wanted, "used": fallback, **values})
    return fallback


def _year_label(first_year: int | None, index: int) -> str:
    if first_year is None:
        return _("Year %(n)d") % {"n": index + 1}
    year = first_year + index
    return f"{year}–{(year + 1) % 100:02d}"


def _year_indexes(levels: list[model.Level], terms_per_year: int) -> list[int]:
    """Each planned level's school year (0-based): a grade a year in middle and high school (a skipped grade is a
    year too), a year each for a level counted in years, and terms ``terms_per_year`` to a year, each run of them
    starting a school year of its own."""
    indexes: list[int] = []
    terms = 0  # terms so far in the current school year
    for n, level in enumerate(levels):
        unit = level.step_unit
        if n == 0:
            index, terms = 0, int(unit is model.StepUnit.term)
        elif unit is model.StepUnit.grade and levels[n - 1].step_unit is model.StepUnit.grade:
            index = indexes[-1] + max(1, level.step - levels[n - 1].step)
        elif unit is not model.StepUnit.term:
            index, terms = indexes[-1] + 1, 0
        elif terms in (0, terms_per_year):  # the first term after a grade or a year, or this year's terms are full
            index, terms = indexes[-1] + 1, 1
        else:
            index, terms = indexes[-1], terms + 1
        indexes.append(index)
    return indexes


def _codes(wanted: list[str], allowed: set[str], message: str, notes: list[str]) -> list[str]:
    """The codes of ``wanted`` that are ``allowed``, in order without repeats; each other one noted."""
    kept = []
    for code in dict.fromkeys(wanted):
        if code in allowed:
            kept.append(code)
        else:
            notes.append(message % {"code": code})
    return kept


def _chosen(course: model.Course, group: model.CourseGroup | None) -> bool:
    """Whether a learner chooses the course (rather than every plan holding it)."""
    return group is not None or course.role in model.CHOSEN_ROLES


def _planned_course(course: model.Course, group: model.CourseGroup | None, taken: bool, done: bool,
                    earns: list[str], with_work: set[str], sced_titles: dict[str, str]) -> PlannedCourse:
    return PlannedCourse(
        code=course.code, title=course.title, credits=course.credits, kind=course.kind, level=course.level,
        sced=course.sced, sced_title=sced_titles.get(course.sced or ""),
        dual_credit=any(e.kind is model.EarlyCollegeKind.dual_enrollment for e in course.early_college),
        work_based_learning=course.code in with_work, elective=_chosen(course, group), role=course.role,
        early_college=course.early_college, taken=taken, done=done, earns=earns)


def _group_met(group: model.CourseGroup, taken: set[str]) -> bool:
    chosen = [course for course in group.courses if course.code in taken]
    if group.choose is model.Choice.credits:
        return not group.courses or sum(course.credits for course in chosen) >= (group.credits or 0)
    return len(chosen) >= group.required_count()


def _planned_level(program: model.ProgramOfStudy, level: model.Level, taken: set[str], done: set[str],
                   earns: dict[str, list[str]], sced_titles: dict[str, str]) -> PlannedLevel:
    """One level of the plan: its courses and groups marked taken and done, its work-based learning and the
    student organizations learners join there."""
    with_work = {work.course for _, work in program.work() if work.course}

    def planned(course: model.Course, group: model.CourseGroup | None = None) -> PlannedCourse:
        return _planned_course(course, group, course.code in taken, course.code in done, earns.get(course.code, []),
                               with_work, sced_titles)

    return PlannedLevel(
        name=level.name, stage=level.stage, unit=level.step_unit, entry_point=level.entry_point,
        exit_point=level.exit_point, note=level.note, courses=[planned(c) for c in level.courses],
        groups=[PlannedGroup(id=g.id, name=g.name, choose=g.choose, number=g.required_count(), credits=g.credits,
                             role=g.role, subject=g.effective_subject(), courses=[planned(c, g) for c in g.courses],
                             met=_group_met(g, taken)) for g in level.groups],
        work_based_learning=level.work_based_learning,
        organizations=[o.display_name for o in program.student_organizations if not o.levels or level.name in o.levels])


def _years(program: model.ProgramOfStudy, levels: list[model.Level], choices: PlanChoices, settings: PlannerSettings,
           taken: set[str], done: set[str], earns: dict[str, list[str]], sced_titles: dict[str, str]) -> list[PlanYear]:
    """The planned levels grouped by school year, each course marked taken, done and with what it earns."""
    years: list[PlanYear] = []
    per_year = settings.terms(program.calendar, choices.pace)
    for level, index in zip(levels, _year_indexes(levels, per_year), strict=True):
        if not years or years[-1].number != index + 1:
            years.append(PlanYear(number=index + 1, label=_year_label(choices.first_year, index), levels=[]))
        years[-1].levels.append(_planned_level(program, level, taken, done, earns, sced_titles))
    return years


def _onward(articulations: list[model.Articulation], earned: list[EarnedCredential]) -> list[model.Articulation]:
    """The programs a learner can go on to: not one whose credential the plan already earns (a plan that runs to the
    associate degree in nursing is not told to "keep studying" for it)."""
    held = {credential.name.casefold() for credential in earned}
    return [a for a in articulations if a.program.casefold() not in held]


def _credentials(program: model.ProgramOfStudy, years: list[PlanYear], taken: set[str], done: set[str], start: str,
                 finish: str) -> tuple[list[EarnedCredential], list[MissedCredential]]:
    """The credentials the plan earns (with when), and those it does not with the reason why."""
    year_of = {level.name: year.label for year in years for level in year.levels}
    names = [level.name for level in program.levels]
    group_of = {course.code: group for level in program.levels for group, course in level.all_courses() if group}
    earned, missed = [], []
    for credential in program.credentials:
        level = program.credential_level(credential).name
        if level in year_of and (credential.course is None or credential.course in taken):
            earned.append(EarnedCredential(name=credential.name, issuer=credential.issuer, kind=credential.kind,
                                           course=credential.course, level=level, year=year_of[level],
                                           done=credential.course in done))
            continue
        if names.index(level) > names.index(finish):
            reason = _("It is earned in %(level)s, after you leave at %(finish)s.")
        elif names.index(level) < names.index(start):
            reason = _("It is earned in %(level)s, before you start at %(start)s.")
        elif credential.course in group_of:
            reason = _("It needs %(course)s, one of the choices in %(group)s that you have not chosen.")
        else:
            reason = _("It needs %(course)s, an elective you have not chosen.")
        group = group_of.get(credential.course or "")
        missed.append(MissedCredential(name=credential.name, kind=credential.kind, reason=reason % {
            "level": level, "finish": finish, "start": start, "course": credential.course,
            "group": (group.name or group.id) if group else ""}))
    return earned, missed


def _group_notes(years: list[PlanYear]) -> list[str]:
    """A note for each group of alternatives the plan's choices do not yet meet."""
    notes = []
    for year in years:
        for level in year.levels:
            for group in level.groups:
                if not group.met:
                    notes.append(_("In %(level)s, choose %(what)s.") % {"level": level.name,
                                                                        "what": group_ask(group)})
    return notes


def group_ask(group: PlannedGroup) -> str:
    """What a group asks, in words: "one of Pre-Calculus or Statistics", "2 of …", "at least 1 credit of …"."""
    name = group.name or ", ".join(course.title for course in group.courses)
    if group.choose is model.Choice.one_of:
        return _("one of %(name)s") % {"name": name}
    if group.choose is model.Choice.n_of:
        return _("%(n)d of %(name)s") % {"n": group.number, "name": name}
    return _("at least %(credits)s credits of %(name)s") % {"credits": f"{group.credits or 0:g}", "name": name}


def make_plan(program: model.ProgramOfStudy, choices: PlanChoices, *, occupations: list[TargetOccupation],
              stage_occupations: dict[model.Stage, list[TargetOccupation]] | None = None,
              sced_titles: dict[str, str] | None = None, settings: PlannerSettings | None = None) -> Plan:
    """The plan ``choices`` make of ``program``, in the current language (``i18n.language``).

    ``occupations`` are the program's targets with pay and outlook (``Checker.occupations``), and
    ``stage_occupations`` the jobs of each stage's CIP codes (``Checker.cip_occupations``), from which an early
    exit's jobs are chosen; ``sced_titles`` names the SCED courses. A choice that does not fit the program is left
    out with a note."""
    if choices.program != program.id:
        raise CareerClustersError(f"this plan is for the program of study {choices.program!r}, not {program.id!r}")
    settings = settings or default_settings()
    notes: list[str] = []
    names = [level.name for level in program.levels]
    starts = [level.name for n, level in enumerate(program.levels) if level.entry_point or n == 0]
    start = _choice(choices.start, starts, starts[0],
                    _("%(level)s is not a place to start this program; the plan starts at %(used)s."), notes)
    first = names.index(start)
    finishes = [level.name for n, level in enumerate(program.levels)
                if (level.exit_point or n == len(names) - 1) and n >= first]
    finish = _choice(choices.finish, finishes, finishes[-1],
                     _("%(level)s is not a place to leave this program after %(start)s; the plan ends at "
                       "%(used)s."), notes, start=start)
    last = names.index(finish)
    levels = program.levels[first:last + 1]
    in_plan = [(group, course) for level in levels for group, course in level.all_courses()]
    electives = [course.code for group, course in in_plan if _chosen(course, group)]
    take = _codes(choices.take, set(electives),
                  _("%(code)s is not an elective in the levels of your plan; it was left out."), notes)
    done = _codes(choices.done, {course.code for _, course in in_plan},
                  _("%(code)s is not a course in the levels of your plan; it was left out."), notes)
    take = [code for code in electives if code in take or code in done]  # a course done was taken; program order
    taken = {course.code for group, course in in_plan if not _chosen(course, group)} | set(take)
    earns: dict[str, list[str]] = {}
    for credential in program.credentials:
        if credential.course:
            earns.setdefault(credential.course, []).append(credential.name)

    years = _years(program, levels, choices, settings, taken, set(done), earns, sced_titles or {})
    earned, missed = _credentials(program, years, taken, set(done), start, finish)
    later = [level.name for level in program.levels[last + 1:] if level.entry_point]
    applied = choices.model_copy(update={"program_title": program.title, "start": start, "finish": finish,
                                         "take": take, "done": done})
    planned = [c for year in years for level in year.levels
               for c in [*level.courses, *(c for g in level.groups for c in g.courses)] if c.taken]
    open_credits = sum(g.credits or 0 for year in years for level in year.levels for g in level.groups
                       if not g.courses)  # "PE, at least 1 credit": credits the plan holds without naming a course
    return Plan(choices=applied, title=program.title, owner=program.owner.name, example=program.example,
                start=start, finish=finish, starts=starts, finishes=finishes, electives=electives, years=years,
                earned=earned, missed=missed, continue_at=later[0] if later else None,
                articulations=_onward(program.articulations, earned), occupations=occupations,
                jobs=exit_jobs(program, finish, [c.kind for c in earned], occupations, stage_occupations or {},
                               settings.exit_education or default_settings().exit_education),
                calendar=program.calendar, organizations=[o.display_name for o in program.student_organizations],
                credits=sum(c.credits for c in planned) + open_credits,
                done_credits=sum(c.credits for c in planned if c.done), notes=notes + _group_notes(years))


def plan_file(plan: Plan) -> str:
    """The plan's choices as the JSON file a learner downloads and can upload again later."""
    return json.dumps(plan.choices.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False) + "\n"


def read_plan_file(data: bytes, name: str) -> PlanChoices:
    """The choices in an uploaded plan file; a file that is not one says so in one line naming it."""
    if len(data) > MAX_PLAN_FILE:
        raise CareerClustersError(f"{name}: larger than {MAX_PLAN_FILE // 1000} kB; a plan file is much smaller")
    try:
        return PlanChoices.model_validate_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CareerClustersError(f"{name}: not a plan file (not UTF-8 text)") from None
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "the file"
        raise CareerClustersError(f"{name}: not a plan file ({where}: {problem['msg']})") from None
