"""The program-of-study model, format version 2: one pydantic class per part, so the JSON Schema published beside
it (``program-of-study.schema.json``) is generated from the same definitions that read the files.

The parts follow the Credential Transparency Description Language's pathways (CTDL, ``ceterms:Pathway``), so that
publishing a program of study to the Credential Registry is a mapping rather than a rewrite: a level is a
``ceterms:BasicComponent`` that is a child of the pathway, placed on a progression model (``asn:ProgressionLevel``);
a course is a ``ceterms:CourseComponent``; a group of alternatives is a ``ceterms:ComponentCondition`` with
``ceterms:requiredNumber``; a work-based-learning experience is a ``ceterms:WorkExperienceComponent``; a student
organization is a ``ceterms:ExtracurricularComponent``; a credential is a ``ceterms:CredentialComponent``; levels
in file order stand for ``ceterms:precedes``. Each class's description names the terms it follows.

Codes are normalised as they are read (``513801`` becomes ``51.3801``, a SCED code that lost its leading zero in a
spreadsheet gets it back), so a file written by hand or exported from Excel reads the same. Whether a code exists,
or fits the sub-cluster, is for the checker to say: the model checks form, and that every reference (a
credential's course, a student organization's levels, an adopter's courses) points at something in the program.

Version 1 files are read by ``pos.version1`` and upgraded to this model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from careerclusters.base.codes import CodeError, cip_code, occupation_code

FORMAT = "careerclusters/program-of-study/2"


def _cip(value: object) -> object:
    if not isinstance(value, str | int | float):
        return value
    try:
        return cip_code(str(value))
    except CodeError as exc:
        raise ValueError(str(exc)) from None


def _soc(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return occupation_code(value)[0]
    except CodeError as exc:
        raise ValueError(str(exc)) from None


def _sced(value: object) -> object:
    """SCED codes are five digits; spreadsheets drop the leading zero of areas 01–09 or write ``="01001"``."""
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        digits = value.strip().removeprefix("=").strip('"')
        if re.fullmatch(r"\d{4}", digits):
            digits = "0" + digits
        return digits or None
    return value


CipCode = Annotated[str, BeforeValidator(_cip), Field(pattern=r"^\d{2}\.\d{4}$", examples=["51.3801"])]
SocCode = Annotated[str, BeforeValidator(_soc), Field(pattern=r"^\d{2}-\d{4}$", examples=["29-1141"])]
ScedCode = Annotated[str, BeforeValidator(_sced), Field(pattern=r"^\d{5}$", examples=["14051"])]
Text = Annotated[str, Field(min_length=1, max_length=500)]
Credits = Annotated[float, Field(ge=0, le=200)]
#: A short key a file uses to refer to one of its own parts (a course group).
Key = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$", examples=["math-12"])]
#: A U.S. state's (or territory's) postal abbreviation.
StateCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", examples=["DE"])]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- kinds -----------------------------------------------------------------------------------------------------

class Stage(StrEnum):
    """Where in a learner's education a level sits (the CTDL progression model's top levels)."""

    middle = "middle"
    secondary = "secondary"
    postsecondary = "postsecondary"
    apprenticeship = "apprenticeship"
    workforce = "workforce"


#: The order of the stages in a sequence; postsecondary study and an apprenticeship are two ways after high school.
STAGE_ORDER: dict[Stage, int] = {Stage.middle: 0, Stage.secondary: 1, Stage.postsecondary: 2,
                                 Stage.apprenticeship: 2, Stage.workforce: 3}


class StepUnit(StrEnum):
    """What a level's step counts: a school grade, a year, or a college term."""

    grade = "grade"
    year = "year"
    term = "term"


#: The unit each stage's steps count when a level does not say, and the units a stage allows.
DEFAULT_UNIT: dict[Stage, StepUnit] = {Stage.middle: StepUnit.grade, Stage.secondary: StepUnit.grade,
                                       Stage.postsecondary: StepUnit.term, Stage.apprenticeship: StepUnit.year,
                                       Stage.workforce: StepUnit.year}
ALLOWED_UNITS: dict[Stage, frozenset[StepUnit]] = {
    Stage.middle: frozenset({StepUnit.grade}), Stage.secondary: frozenset({StepUnit.grade}),
    Stage.postsecondary: frozenset({StepUnit.year, StepUnit.term}),
    Stage.apprenticeship: frozenset({StepUnit.year, StepUnit.term}), Stage.workforce: frozenset({StepUnit.year})}
#: The grades a school stage holds.
GRADES: dict[Stage, range] = {Stage.middle: range(5, 9), Stage.secondary: range(9, 13)}


class Calendar(StrEnum):
    """The postsecondary calendar whose terms a level counts (``ceterms:programTerm``)."""

    semester = "semester"
    quarter = "quarter"
    trimester = "trimester"


class CourseKind(StrEnum):
    cte = "cte"
    academic = "academic"


class CourseLevel(StrEnum):
    """Perkins V's progression in specificity: from the whole cluster to occupation-specific instruction."""

    introductory = "introductory"
    concentrator = "concentrator"
    capstone = "capstone"


class Subject(StrEnum):
    """The subject a course counts toward, as state graduation requirements name them."""

    english = "english"
    math = "math"
    science = "science"
    social_studies = "social-studies"
    physical_education = "physical-education"
    health = "health"
    world_language = "world-language"
    arts = "arts"
    other = "other"


#: SCED v12 subject areas that name a core academic subject; any other course is "other" unless it says.
SCED_SUBJECTS: dict[str, Subject] = {"01": Subject.english, "02": Subject.math, "03": Subject.science,
                                     "04": Subject.social_studies}


class CourseRole(StrEnum):
    """Why a course is in the sequence (CTDL: ``ceterms:componentDesignation``)."""

    required = "required"  # required by the program of study
    graduation = "graduation-requirement"  # a course the state requires to graduate
    recommended = "recommended"  # suggested; a learner may take another
    elective = "elective"  # one a learner may choose


#: Roles a learner chooses (the planner's "take"); required and graduation courses are in every plan.
CHOSEN_ROLES = frozenset({CourseRole.recommended, CourseRole.elective})


class EarlyCollegeKind(StrEnum):
    ap = "ap"  # Advanced Placement: credit by the College Board's exam
    ib = "ib"  # International Baccalaureate: credit by the IB exam
    dual_enrollment = "dual-enrollment"  # a college course taken in high school, on both transcripts
    articulated_credit = "articulated-credit"  # college credit granted for the high-school course by agreement


class Choice(StrEnum):
    """What a course group asks of a learner (``ceterms:ComponentCondition``)."""

    one_of = "one-of"
    n_of = "n-of"
    credits = "credits"  # courses adding up to at least a number of credits


class WorkKind(StrEnum):
    """Kinds of work-based learning, from the lightest touch to employment under an apprenticeship agreement."""

    career_exploration = "career-exploration"
    job_shadow = "job-shadow"
    internship = "internship"
    co_op = "co-op"
    clinical = "clinical"
    pre_apprenticeship = "pre-apprenticeship"
    registered_apprenticeship = "registered-apprenticeship"
    unspecified = "work-based-learning"  # a course with work-based learning of a kind the owner did not name


class CredentialKind(StrEnum):
    """CTDL credential types (``ceterms:credentialType``): ceterms:Certification, ceterms:License,
    ceterms:Certificate, ceterms:ApprenticeshipCertificate, ceterms:AssociateDegree, ceterms:BachelorDegree,
    ceterms:MasterDegree, ceterms:DoctoralDegree."""

    industry_certification = "industry-certification"
    licence = "licence"
    certificate = "certificate"
    apprenticeship_certificate = "apprenticeship-certificate"
    associate = "associate"
    bachelors = "bachelors"
    masters = "masters"
    doctorate = "doctorate"


class Education(StrEnum):
    """The education with which a career is entered (the level a career sits under on a state's matrix)."""

    high_school = "high-school"
    certificate = "certificate"
    apprenticeship = "apprenticeship"
    associate = "associate"
    bachelors = "bachelors"
    graduate = "graduate"


class OrganizationKind(StrEnum):
    state = "state"
    district = "district"
    school = "school"
    college = "college"
    other = "other"


#: Career and technical student organizations (CTSOs) by the short name a file uses → their national name.
STUDENT_ORGANIZATIONS: dict[str, str] = {
    "hosa": "HOSA-Future Health Professionals", "skillsusa": "SkillsUSA", "ffa": "National FFA Organization",
    "deca": "DECA", "fccla": "Family, Career and Community Leaders of America (FCCLA)",
    "fbla": "Future Business Leaders of America (FBLA)", "bpa": "Business Professionals of America (BPA)",
    "tsa": "Technology Student Association (TSA)", "educators-rising": "Educators Rising"}


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


_KNOWN_ORGANIZATIONS = {_fold(key): key for key in STUDENT_ORGANIZATIONS} | {
    _fold(name): key for key, name in STUDENT_ORGANIZATIONS.items()} | {
    _fold("HOSA"): "hosa", _fold("FFA"): "ffa", _fold("FCCLA"): "fccla", _fold("FBLA"): "fbla",
    _fold("BPA"): "bpa", _fold("TSA"): "tsa"}


def organization_key(name: str) -> str:
    """A known CTSO's short name for any way it is written ("HOSA", "HOSA-Future Health Professionals"), or the
    name as given when it is not one of them."""
    return _KNOWN_ORGANIZATIONS.get(_fold(name), name.strip())


def organization_name(key: str) -> str:
    """The national name of a known CTSO, or a local organization's name as given."""
    return STUDENT_ORGANIZATIONS.get(key, key)


# -- parts -----------------------------------------------------------------------------------------------------

class Owner(_Part):
    """Who keeps the program of study (``ceterms:ownedBy``): a state agency, a district or a college."""

    name: Text
    kind: OrganizationKind = OrganizationKind.state
    state: StateCode | None = Field(None, description="The state whose program it is (postal abbreviation): the "
                                                       "checker uses its wages when they are imported.")


class LocalCourse(_Part):
    """An adopter's own code (and title) for one of the program's courses."""

    course: Text = Field(description="The course's code in this program of study.")
    code: Text = Field(description="The adopter's local course code.")
    title: Text | None = Field(None, description="The adopter's title, where it differs.")


class Adopter(_Part):
    """A district, school or college that offers the owner's model program of study (``ceterms:offeredBy``),
    with its local course codes."""

    name: Text
    kind: OrganizationKind = OrganizationKind.district
    state: StateCode | None = None
    courses: list[LocalCourse] = Field(default_factory=list)


class EarlyCollege(_Part):
    """College credit a high-school course can earn: an AP or IB exam, dual enrollment in a college's course, or
    credit articulated by agreement (in CTDL, a ``ceterms:CourseComponent`` with ``ceterms:creditValue`` at the
    college, linked by ``ceterms:hasCondition``)."""

    kind: EarlyCollegeKind
    exam: Text | None = Field(None, description="The AP or IB exam that earns the credit.")
    institution: Text | None = Field(None, description="The college that grants the credit.")
    course: Text | None = Field(None, description="The college's course, as it writes it ('BIO 120 Anatomy and "
                                                  "Physiology I').")
    credits: Credits | None = Field(None, description="College credits earned.")
    agreement: Text | None = Field(None, description="The articulation agreement the credit comes from.")

    @model_validator(mode="after")
    def _fits_kind(self) -> EarlyCollege:
        if self.exam and self.kind not in (EarlyCollegeKind.ap, EarlyCollegeKind.ib):
            raise ValueError(f"an exam is for AP or IB credit, not {self.kind.value}")
        return self


class Course(_Part):
    """A course (``ceterms:CourseComponent``): ``code`` is ``ceterms:codedNotation``, ``credits`` its
    ``ceterms:creditValue``, ``role`` its ``ceterms:componentDesignation``."""

    code: Text = Field(description="The owner's local course code.")
    sced: ScedCode | None = Field(None, description="NCES SCED v12 course code (five digits).")
    title: Text
    credits: Credits
    kind: CourseKind = Field(description="cte (career and technical) or academic.")
    level: CourseLevel | None = Field(None, description="Course level in the CTE sequence; academic courses may "
                                                        "omit it.")
    subject: Subject | None = Field(None, description="The subject it counts toward; when left out, the SCED "
                                                      "code's subject area says (01 English … 04 social studies).")
    role: CourseRole = CourseRole.required
    early_college: list[EarlyCollege] = Field(default_factory=list)

    def effective_subject(self) -> Subject:
        """The subject as given, else the SCED code's core subject, else other."""
        return self.subject or SCED_SUBJECTS.get((self.sced or "")[:2], Subject.other)


class CourseGroup(_Part):
    """Alternatives a learner chooses among: one of them, some number of them, or enough of them to reach a number
    of credits (``ceterms:ComponentCondition`` with ``ceterms:requiredNumber`` over its ``ceterms:targetComponent``
    courses). A credits group may list no course ("physical education, at least 1 credit"): any course of its
    subject counts."""

    id: Key = Field(description="A key unique in the program of study.")
    name: Text | None = Field(None, description="As the owner writes it: 'Pre-Calculus or Statistics'.")
    choose: Choice
    number: int | None = Field(None, ge=1, le=50, description="How many courses, for n-of.")
    credits: Credits | None = Field(None, description="The least number of credits, for a credits group.")
    kind: CourseKind | None = Field(None, description="cte or academic, when the group lists no course; else "
                                                      "cte when all its courses are.")
    subject: Subject | None = None
    role: CourseRole = CourseRole.required
    courses: list[Course] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> CourseGroup:
        if self.choose is Choice.one_of and (self.number not in (None, 1) or self.credits is not None):
            raise ValueError("a one-of group takes neither a number nor credits")
        if self.choose is Choice.n_of and (self.number is None or self.credits is not None):
            raise ValueError("an n-of group needs a number (how many courses) and no credits")
        if self.choose is Choice.credits and (self.credits is None or self.number is not None):
            raise ValueError("a credits group needs credits (the least number) and no number")
        if self.choose is not Choice.credits and len(self.courses) < self.required_count() + 1:
            raise ValueError(f"group {self.id!r} asks for {self.required_count()} of {len(self.courses)} "
                             "course(s): list more courses than it asks for")
        if self.choose is Choice.credits and not (self.courses or self.name or self.subject):
            raise ValueError(f"group {self.id!r} lists no course: give its name or subject")
        if any(course.role is not CourseRole.required for course in self.courses):
            raise ValueError(f"the courses of group {self.id!r} take the group's role: set role on the group")
        return self

    def required_count(self) -> int:
        """How many courses a learner takes: 1 for one-of, the number for n-of, 1 for credits (however many)."""
        return self.number or 1

    def effective_kind(self) -> CourseKind:
        if self.kind is not None:
            return self.kind
        cte = bool(self.courses) and all(course.kind is CourseKind.cte for course in self.courses)
        return CourseKind.cte if cte else CourseKind.academic

    def effective_subject(self) -> Subject:
        """The subject as given, else the one all its courses share, else other."""
        if self.subject:
            return self.subject
        found = {course.effective_subject() for course in self.courses}
        return found.pop() if len(found) == 1 else Subject.other

    def least_credits(self) -> float:
        """The fewest credits that satisfy the group: the credits asked for, or the cheapest courses' credits."""
        if self.choose is Choice.credits:
            return self.credits or 0.0
        return sum(sorted(course.credits for course in self.courses)[:self.required_count()])


class WorkExperience(_Part):
    """Work-based learning (``ceterms:WorkExperienceComponent``): its kind, what it is, and, for a registered
    apprenticeship, the RAPIDS occupation code the U.S. Department of Labor registers it under."""

    kind: WorkKind
    title: Text | None = None
    hours: int | None = Field(None, ge=0, le=20_000)
    credits: Credits | None = None
    course: Text | None = Field(None, description="The course it is part of (its code), if any.")
    partner: Text | None = Field(None, description="The employer or sponsor.")
    rapids: Annotated[str, Field(pattern=r"^\d{3,4}[A-Z]{0,3}$", examples=["0159"])] | None = Field(
        None, description="RAPIDS occupation code of a registered apprenticeship, where known.")
    role: CourseRole = CourseRole.required

    @model_validator(mode="after")
    def _rapids_for_apprenticeships(self) -> WorkExperience:
        if self.rapids and self.kind not in (WorkKind.registered_apprenticeship, WorkKind.pre_apprenticeship):
            raise ValueError("a RAPIDS code is for a registered apprenticeship (or the pre-apprenticeship leading "
                             "to one)")
        return self


class Level(_Part):
    """One step of the sequence (``ceterms:BasicComponent`` on an ``asn:ProgressionLevel``): a middle- or
    high-school grade, a postsecondary year or term, an apprenticeship year, or entering work. Its courses, groups
    and work-based learning are its children (``ceterms:hasChild``); a level with none says why in its note."""

    name: Text = Field(description="As the owner names it: 'Grade 10', 'Grade 13', 'Term 1'.")
    stage: Stage
    step: int = Field(ge=1, le=20, description="The grade (5–8 middle school, 9–12 high school), or the year or "
                                               "term number after high school.")
    unit: StepUnit | None = Field(None, description="What the step counts: grade (middle and high school), year "
                                                    "or term (postsecondary; term when left out), year "
                                                    "(apprenticeship, workforce).")
    entry_point: bool = Field(False, description="A learner can start the program here.")
    exit_point: bool = Field(False, description="A learner can leave here with a credential or into work.")
    note: Text | None = Field(None, description="What the level holds when it lists no course: 'Continue courses "
                                                "in the area of specialization'.")
    courses: list[Course] = Field(default_factory=list)
    groups: list[CourseGroup] = Field(default_factory=list)
    work_based_learning: list[WorkExperience] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Level:
        if self.unit is not None and self.unit not in ALLOWED_UNITS[self.stage]:
            allowed = " or ".join(sorted(unit.value for unit in ALLOWED_UNITS[self.stage]))
            raise ValueError(f"{self.name}: a {self.stage.value} level counts in {allowed}, not {self.unit.value}")
        grades = GRADES.get(self.stage)
        if grades is not None and self.step not in grades:
            other = next((stage for stage, held in GRADES.items() if self.step in held), None)
            hint = f" (grade {self.step} is {other.value} school: use stage {other.value})" if other else ""
            raise ValueError(f"{self.name}: {self.stage.value} grades are {grades[0]}–{grades[-1]}, not "
                             f"{self.step}{hint}")
        if not (self.courses or self.groups or self.work_based_learning or self.note):
            raise ValueError(f"{self.name} lists no course, group or work-based learning: add a note saying what "
                             "learners do at this level")
        return self

    @property
    def step_unit(self) -> StepUnit:
        return self.unit or DEFAULT_UNIT[self.stage]

    def all_courses(self) -> Iterator[tuple[CourseGroup | None, Course]]:
        """Every course at this level with the group it is an alternative in (``None`` for a course of its own)."""
        for course in self.courses:
            yield None, course
        for group in self.groups:
            for course in group.courses:
                yield group, course


class Credential(_Part):
    """A credential the sequence leads to (``ceterms:CredentialComponent``), earned by completing a course or at a
    level (a degree at the end of a postsecondary year that lists no course; an apprenticeship's certificate)."""

    name: Text
    issuer: Text
    kind: CredentialKind
    course: Text | None = Field(None, description="The local code of the course whose completion earns it.")
    level: Text | None = Field(None, description="The level at which it is earned, when no course earns it.")

    @model_validator(mode="after")
    def _earned_somewhere(self) -> Credential:
        if (self.course is None) == (self.level is None):
            raise ValueError(f"credential {self.name!r}: give the course that earns it or, when no course does, "
                             "the level (one of the two)")
        return self


class Articulation(_Part):
    """A postsecondary program the sequence articulates to (credit transfers or admission is guaranteed)."""

    institution: Text
    program: Text
    cip: CipCode | None = None
    credits: float | None = Field(None, ge=0)
    agreement: Text | None = Field(None, description="The articulation agreement, as the partners name it.")


class Occupation(_Part):
    """A career the sequence leads to (``ceterms:occupationType``), under the education with which it is entered."""

    soc: SocCode
    title: str | None = None
    education: Education | None = Field(None, description="The education with which it is entered: high-school, "
                                                          "certificate, apprenticeship, associate, bachelors or "
                                                          "graduate.")


class StudentOrganization(_Part):
    """A career and technical student organization (CTSO; ``ceterms:ExtracurricularComponent``)."""

    name: Annotated[str, BeforeValidator(lambda v: organization_key(v) if isinstance(v, str) else v),
                    Field(min_length=1, max_length=200, examples=["hosa"])] = Field(
        description="A known CTSO by its short name (hosa, skillsusa, ffa, deca, fccla, fbla, bpa, tsa, "
                    "educators-rising; national names are read too), or a local organization's name.")
    levels: list[Text] = Field(default_factory=list, description="The levels at which learners take part; every "
                                                                  "level when left out.")

    @property
    def known(self) -> bool:
        return self.name in STUDENT_ORGANIZATIONS

    @property
    def display_name(self) -> str:
        return organization_name(self.name)


class ProgramOfStudy(_Part):
    """A program of study as a state, district or college keeps it (``ceterms:Pathway``)."""

    format: str = Field(FORMAT, pattern=f"^{re.escape(FORMAT)}$", description="The file format and its version.")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,79}$", description="A short stable identifier, lowercase.")
    title: Text
    owner: Owner
    adopters: list[Adopter] = Field(default_factory=list, description="Districts, schools or colleges that offer "
                                                                       "this (model) program of study.")
    example: bool = Field(False, description="An illustrative example, not an adopted program of study.")
    description: str | None = None
    subclusters: list[Text] = Field(min_length=1, description="Modern framework sub-cluster ids.")
    pathway: str | None = Field(None, description="The original framework's pathway id, if the owner keeps one.")
    secondary_cip: list[CipCode] = Field(default_factory=list)
    postsecondary_cip: list[CipCode] = Field(default_factory=list)
    calendar: Calendar | None = Field(None, description="The postsecondary calendar its terms count in "
                                                        "(semester when left out).")
    levels: list[Level] = Field(min_length=1)
    credentials: list[Credential] = Field(default_factory=list, description="In sequence order (kept so).")
    articulations: list[Articulation] = Field(default_factory=list)
    occupations: list[Occupation] = Field(default_factory=list,
                                          description="Target occupations by the education they are entered with "
                                                      "(kept in that order); derived from the CIP codes when empty.")
    student_organizations: list[StudentOrganization] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> ProgramOfStudy:
        names = [level.name for level in self.levels]
        if len(set(names)) != len(names):
            raise ValueError("level names must be unique within a program of study")
        groups = [group.id for level in self.levels for group in level.groups]
        if len(set(groups)) != len(groups):
            raise ValueError("course group ids must be unique within a program of study")
        codes = {course.code for _, course in self.courses()}
        for credential in self.credentials:
            if credential.course is not None and credential.course not in codes:
                raise ValueError(f"credential {credential.name!r} is earned by course {credential.course!r}, "
                                 "which is not in any level")
            if credential.level is not None and credential.level not in names:
                raise ValueError(f"credential {credential.name!r} is earned at level {credential.level!r}, which "
                                 "is not a level of this program")
        for level, work in self.work():
            if work.course is not None and work.course not in codes:
                raise ValueError(f"{level.name}: work-based learning is part of course {work.course!r}, which is "
                                 "not in any level")
        for organization in self.student_organizations:
            unknown = [name for name in organization.levels if name not in names]
            if unknown:
                raise ValueError(f"student organization {organization.name!r}: {unknown[0]!r} is not a level of "
                                 "this program")
            if set(organization.levels) == set(names):
                organization.levels = []  # every level, said the short way
        for adopter in self.adopters:
            unknown = [local.course for local in adopter.courses if local.course not in codes]
            if unknown:
                raise ValueError(f"adopter {adopter.name!r} maps course {unknown[0]!r}, which is not in any level")
        order = {name: index for index, name in enumerate(names)}
        self.credentials.sort(key=lambda c: order[c.level] if c.level else order[self.level_of(c.course).name])
        ranks = {education: rank for rank, education in enumerate(Education)}
        self.occupations.sort(key=lambda o: ranks[o.education] if o.education else len(ranks))
        return self

    def courses(self) -> list[tuple[Level, Course]]:
        """Every course with its level, in sequence order (the courses of a group after the level's own)."""
        return [(level, course) for level in self.levels for _, course in level.all_courses()]

    def work(self) -> list[tuple[Level, WorkExperience]]:
        """Every work-based-learning experience with its level, in sequence order."""
        return [(level, work) for level in self.levels for work in level.work_based_learning]

    def level_of(self, course_code: str | None) -> Level:
        """The first level that holds the course with this local code."""
        return next(level for level, course in self.courses() if course.code == course_code)

    def level_named(self, name: str) -> Level:
        return next(level for level in self.levels if level.name == name)

    def credential_level(self, credential: Credential) -> Level:
        """The level at which a credential is earned: its course's, or the one it names."""
        return self.level_named(credential.level) if credential.level else self.level_of(credential.course)
