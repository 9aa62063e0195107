"""The program-of-study model: one pydantic class per part, so the JSON Schema published beside it
(``program-of-study.schema.json``) is generated from the same definitions that read the files.

Codes are normalised as they are read (``513801`` becomes ``51.3801``, a SCED code that lost its leading
zero in a spreadsheet gets it back), so a file written by hand or exported from Excel reads the same.
Whether a code exists, or fits the sub-cluster, is for the checker to say: the model only checks form.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from careerclusters.base.codes import CodeError, cip_code, occupation_code

FORMAT = "careerclusters/program-of-study/1"


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


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Stage(StrEnum):
    secondary = "secondary"
    postsecondary = "postsecondary"


class CourseKind(StrEnum):
    cte = "cte"
    academic = "academic"


class CourseLevel(StrEnum):
    """Perkins V's progression in specificity: from the whole cluster to occupation-specific instruction."""

    introductory = "introductory"
    concentrator = "concentrator"
    capstone = "capstone"


class CredentialKind(StrEnum):
    industry_certification = "industry-certification"
    licence = "licence"
    certificate = "certificate"
    associate = "associate"
    bachelors = "bachelors"


class Owner(_Part):
    """Who keeps the program of study: a state agency, a district or a college."""

    name: Text
    kind: Annotated[str, Field(pattern="^(state|district|college|other)$")] = "state"


class Course(_Part):
    code: Text = Field(description="The owner's local course code.")
    sced: ScedCode | None = Field(None, description="NCES SCED v12 course code (five digits).")
    title: Text
    credits: float = Field(ge=0, le=60)
    kind: CourseKind = Field(description="cte (career and technical) or academic.")
    level: CourseLevel | None = Field(None, description="Course level in the CTE sequence; academic courses may "
                                                        "omit it.")
    dual_credit: bool = Field(False, description="Dual or concurrent enrolment: earns college credit.")
    work_based_learning: bool = False
    elective: bool = Field(False, description="One of several courses a learner may choose at this level.")


class Level(_Part):
    """One step of the sequence: a grade in high school or a term after it."""

    name: Text = Field(description="As the owner names it: 'Grade 10', 'Term 1'.")
    stage: Stage
    step: int = Field(ge=1, le=20, description="The grade (9–12) in secondary, the term (1, 2, …) in postsecondary.")
    entry_point: bool = Field(False, description="A learner can start the program here.")
    exit_point: bool = Field(False, description="A learner can leave here with a credential or into work.")
    courses: list[Course] = Field(min_length=1)


class Credential(_Part):
    name: Text
    issuer: Text
    kind: CredentialKind
    course: Text = Field(description="The local code of the course whose completion earns it (for a degree: the "
                                     "last course of the sequence).")


class Articulation(_Part):
    """A postsecondary program the sequence articulates to (credit transfers or admission is guaranteed)."""

    institution: Text
    program: Text
    cip: CipCode | None = None
    credits: float | None = Field(None, ge=0)


class Occupation(_Part):
    soc: SocCode
    title: str | None = None


class ProgramOfStudy(_Part):
    """A program of study as a state, district or college keeps it."""

    format: str = Field(FORMAT, pattern=f"^{re.escape(FORMAT)}$", description="The file format and its version.")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,79}$", description="A short stable identifier, lowercase.")
    title: Text
    owner: Owner
    example: bool = Field(False, description="An illustrative example, not an adopted program of study.")
    description: str | None = None
    subclusters: list[Text] = Field(min_length=1, description="Modern framework sub-cluster ids.")
    pathway: str | None = Field(None, description="The original framework's pathway id, if the owner keeps one.")
    secondary_cip: list[CipCode] = Field(default_factory=list)
    postsecondary_cip: list[CipCode] = Field(default_factory=list)
    levels: list[Level] = Field(min_length=1)
    credentials: list[Credential] = Field(default_factory=list)
    articulations: list[Articulation] = Field(default_factory=list)
    occupations: list[Occupation] = Field(default_factory=list,
                                          description="Target occupations; derived from the CIP codes when empty.")

    @model_validator(mode="after")
    def _references_resolve(self) -> ProgramOfStudy:
        names = [level.name for level in self.levels]
        if len(set(names)) != len(names):
            raise ValueError("level names must be unique within a program of study")
        codes = {course.code for _, course in self.courses()}
        for credential in self.credentials:
            if credential.course not in codes:
                raise ValueError(f"credential {credential.name!r} is earned by course {credential.course!r}, "
                                 "which is not in any level")
        return self

    def courses(self) -> list[tuple[Level, Course]]:
        """Every course with its level, in sequence order."""
        return [(level, course) for level in self.levels for course in level.courses]

    def level_of(self, course_code: str) -> Level:
        """The first level that holds the course with this local code."""
        return next(level for level, course in self.courses() if course.code == course_code)
