"""Format version 1 of programs of study: its reader, the upgrade to version 2, and the way back for the programs
version 1 can hold (the flat CSV catalog layout is version 1's).

Version 1 (``careerclusters/program-of-study/1``, published until 2025 with ``program-of-study-1.schema.json``)
had two stages, a credit count and three flags per course, and credentials earned only by courses. The upgrade
is exact: a "secondary" grade 5–8 becomes the middle-school grade it is; ``dual_credit`` becomes a dual-enrollment
entry without details; ``work_based_learning`` becomes a work-based-learning experience of kind not given, part
of that course; ``elective`` becomes the elective role. Everything else carries over unchanged, so
``downgrade(upgrade(p)) == p`` for every version 1 program.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from careerclusters.base.errors import CareerClustersError
from careerclusters.pos import model as v2
from careerclusters.pos.model import CipCode, CourseKind, CourseLevel, ScedCode, SocCode, Text

FORMAT = "careerclusters/program-of-study/1"


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Owner(_Part):
    name: Text
    kind: Annotated[str, Field(pattern="^(state|district|college|other)$")] = "state"


class Course(_Part):
    code: Text
    sced: ScedCode | None = None
    title: Text
    credits: float = Field(ge=0, le=60)
    kind: CourseKind
    level: CourseLevel | None = None
    dual_credit: bool = False
    work_based_learning: bool = False
    elective: bool = False


class Level(_Part):
    name: Text
    stage: Annotated[str, Field(pattern="^(secondary|postsecondary)$")]
    step: int = Field(ge=1, le=20)
    entry_point: bool = False
    exit_point: bool = False
    courses: list[Course] = Field(min_length=1)


class Credential(_Part):
    name: Text
    issuer: Text
    kind: Annotated[str, Field(pattern="^(industry-certification|licence|certificate|associate|bachelors)$")]
    course: Text


class Articulation(_Part):
    institution: Text
    program: Text
    cip: CipCode | None = None
    credits: float | None = Field(None, ge=0)


class Occupation(_Part):
    soc: SocCode
    title: str | None = None


class ProgramOfStudy(_Part):
    """A version 1 program of study, exactly as that format defined it."""

    format: str = Field(FORMAT, pattern=f"^{re.escape(FORMAT)}$")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,79}$")
    title: Text
    owner: Owner
    example: bool = False
    description: str | None = None
    subclusters: list[Text] = Field(min_length=1)
    pathway: str | None = None
    secondary_cip: list[CipCode] = Field(default_factory=list)
    postsecondary_cip: list[CipCode] = Field(default_factory=list)
    levels: list[Level] = Field(min_length=1)
    credentials: list[Credential] = Field(default_factory=list)
    articulations: list[Articulation] = Field(default_factory=list)
    occupations: list[Occupation] = Field(default_factory=list)


class NotInVersion1(CareerClustersError):
    """A program that uses what version 1 cannot hold; the message names it."""


def _stage(level: Level) -> v2.Stage:
    if level.stage == "secondary" and level.step in v2.GRADES[v2.Stage.middle]:
        return v2.Stage.middle
    return v2.Stage(level.stage)


def _course(course: Course) -> dict[str, Any]:
    return {**course.model_dump(exclude={"dual_credit", "work_based_learning", "elective"}),
            "role": v2.CourseRole.elective if course.elective else v2.CourseRole.required,
            "early_college": [{"kind": v2.EarlyCollegeKind.dual_enrollment}] if course.dual_credit else []}


def _level(level: Level) -> dict[str, Any]:
    return {**level.model_dump(exclude={"stage", "courses"}), "stage": _stage(level),
            "courses": [_course(c) for c in level.courses],
            "work_based_learning": [{"kind": v2.WorkKind.unspecified, "course": c.code}
                                    for c in level.courses if c.work_based_learning]}


def upgrade(old: ProgramOfStudy) -> v2.ProgramOfStudy:
    """The version 2 program a version 1 program is (see the module's docstring for what maps to what). A
    version 1 file version 2 cannot read (a high-school level numbered 1 rather than by its grade) raises
    pydantic's ``ValidationError`` at the same place in the document."""
    return v2.ProgramOfStudy.model_validate({**old.model_dump(exclude={"format", "levels"}),
                                             "levels": [_level(level) for level in old.levels]})


def missing(program: v2.ProgramOfStudy) -> list[str]:
    """What ``program`` uses that version 1 cannot hold, in words."""
    found = {
        "adopters": bool(program.adopters), "a state": program.owner.state is not None,
        "a calendar": program.calendar is not None, "student organizations": bool(program.student_organizations),
        "agreements on articulations": any(a.agreement for a in program.articulations),
        "careers by education level": any(o.education for o in program.occupations),
        "credentials earned at a level": any(c.level for c in program.credentials),
        "owners of kind school": program.owner.kind is v2.OrganizationKind.school,
        "course groups": any(level.groups for level in program.levels),
        "levels without courses or with notes": any(not level.courses or level.note for level in program.levels),
        "apprenticeship or workforce levels": any(level.stage in (v2.Stage.apprenticeship, v2.Stage.workforce)
                                                  for level in program.levels),
        "postsecondary years": any(level.unit not in (None, v2.DEFAULT_UNIT[level.stage])
                                   for level in program.levels),
        "course subjects": any(c.subject for _, c in program.courses()),
        "graduation or recommended roles": any(c.role in (v2.CourseRole.graduation, v2.CourseRole.recommended)
                                               for _, c in program.courses()),
        "early-college details (AP, IB, articulated credit, a college's course)": any(
            e != v2.EarlyCollege(kind=v2.EarlyCollegeKind.dual_enrollment) or len(c.early_college) > 1
            for _, c in program.courses() for e in c.early_college),
        "kinds of work-based learning": any(
            w.course is None or w != v2.WorkExperience(kind=v2.WorkKind.unspecified, course=w.course)
            or program.level_of(w.course) is not level for level, w in program.work())
        or len({w.course for _, w in program.work()}) < len(program.work()),
        "courses of more than 60 credits": any(c.credits > 60 for _, c in program.courses()),
        "credential kinds beyond version 1's": any(c.kind in (v2.CredentialKind.apprenticeship_certificate,
                                                              v2.CredentialKind.masters, v2.CredentialKind.doctorate)
                                                   for c in program.credentials),
    }
    return [what for what, used in found.items() if used]


def downgrade(program: v2.ProgramOfStudy) -> ProgramOfStudy:
    """``program`` as version 1, when it uses nothing version 1 lacks; else ``NotInVersion1`` naming what."""
    lacking = missing(program)
    if lacking:
        raise NotInVersion1(f"{program.id} uses what the version 1 layout cannot hold ({', '.join(lacking)}): "
                            "write it as YAML, JSON or a workbook (xlsx)")
    with_work = {w.course for _, w in program.work()}
    levels = [Level(name=level.name, stage="secondary" if level.stage is v2.Stage.middle else level.stage.value,
                    step=level.step, entry_point=level.entry_point, exit_point=level.exit_point,
                    courses=[Course(code=c.code, sced=c.sced, title=c.title, credits=c.credits, kind=c.kind,
                                    level=c.level, dual_credit=bool(c.early_college),
                                    work_based_learning=c.code in with_work,
                                    elective=c.role is v2.CourseRole.elective) for c in level.courses])
              for level in program.levels]
    return ProgramOfStudy.model_validate({
        **program.model_dump(mode="json", include={"id", "title", "example", "description", "subclusters",
                                                   "pathway", "secondary_cip", "postsecondary_cip"}),
        "articulations": [a.model_dump(mode="json", exclude={"agreement"}) for a in program.articulations],
        "owner": {"name": program.owner.name, "kind": program.owner.kind.value},
        "occupations": [{"soc": o.soc, "title": o.title} for o in program.occupations],
        "credentials": [c.model_dump(mode="json", exclude={"level"}) for c in program.credentials],
        "levels": levels})
