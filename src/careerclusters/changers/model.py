"""The answer to "I have this job: what could I do next?", as pydantic models the API, the pages and the command
line all show: the job, the readings of what the person typed, and each destination with the parts of its score,
what the two jobs share, what the move adds, and the programs that close the gap."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from careerclusters.labor.areas import Area

#: The most education a person is willing to add, lowest first (its position is its rank on the rules' scale).
EducationChoice = Literal["none", "certificate", "associate", "bachelor", "master", "doctoral"]
EDUCATION_CHOICES: tuple[str, ...] = EducationChoice.__args__  # type: ignore[attr-defined]
#: The named parts of a score, in the order they are shown.
PartName = Literal["activities", "technologies", "ratings", "related", "openings", "preparation", "pay"]


class NodeRef(BaseModel):
    """A framework cluster or sub-cluster."""

    id: str
    name: str


class Part(BaseModel):
    """One named part of a destination's score: its points and, in words, what earned them."""

    name: PartName
    label: str
    points: float
    detail: str


class Activity(BaseModel):
    """A detailed work activity (O*NET DWA)."""

    id: str
    title: str


class Technology(BaseModel):
    name: str
    kind: str  # O*NET's commodity title: "Spreadsheet software"
    hot: bool  # O*NET's Hot Technology: often asked for in job postings


class RatingGap(BaseModel):
    """An element the destination needs at a clearly higher level (0-7) than the job has."""

    domain: str  # skills, knowledge, abilities or work-activities
    element: str
    level: float
    your_level: float
    importance: float  # to the destination, 1-5


class ProgramOfStudyRef(BaseModel):
    id: str
    title: str
    owner: str


class ProgramLink(BaseModel):
    """A CIP program that leads to the destination, and the imported programs of study that contain it."""

    cip: str
    title: str
    programs_of_study: list[ProgramOfStudyRef] = []


class Pay(BaseModel):
    """Median yearly pay. ``basis`` says whose figures: the area's (OEWS for that area) or the nation's. A figure
    BLS did not release or top-coded is None with its marker; ``group`` names the broad SOC group when BLS
    publishes the occupation only inside it."""

    median: float | None
    marker: str | None = None
    basis: Literal["area", "national"]
    group: str | None = None


class Demand(BaseModel):
    """Jobs and openings a year. National figures are BLS's; an area's openings are estimates (national
    projections scaled to the area's employment), and ``estimate`` says so."""

    basis: Literal["area", "national"]
    employment: float | None
    openings: float | None
    estimate: bool
    change_pct: float | None  # projected change over the decade, national (BLS projects nationally only)


class Preparation(BaseModel):
    """What a job asks before you start: BLS's typical entry education and O*NET's job zone (1-5)."""

    entry_education: str | None
    job_zone: int | None


class Source(BaseModel):
    """The job the person has now."""

    code: str
    soc: str
    title: str
    clusters: list[NodeRef]
    subclusters: list[NodeRef]
    preparation: Preparation
    pay: Pay | None
    demand: Demand | None
    activities: int
    technologies: int


class Reading(BaseModel):
    """One way the classifier read what the person typed, with its confidence (0-1) and whether O*NET describes
    its work in enough detail to compare (``has_data``)."""

    code: str
    title: str
    confidence: float
    has_data: bool


class Destination(BaseModel):
    code: str
    soc: str
    title: str
    score: float
    parts: list[Part]
    clusters: list[NodeRef]
    subclusters: list[NodeRef]
    related_tier: str | None  # O*NET's Related Occupations tier, when it lists this move
    shared_activities: list[Activity]
    shared_activity_count: int
    new_activities: list[Activity]
    new_activity_count: int
    shared_technologies: list[Technology]
    shared_technology_count: int
    new_technologies: list[Technology]
    new_technology_count: int
    rating_gaps: list[RatingGap]
    preparation: Preparation
    education_step: str | None  # the entry education the move adds (BLS's words), None when it adds none
    pay: Pay | None
    pay_change: float | None  # destination minus the job's median, on the same basis
    demand: Demand | None
    fits: bool  # within the education and pay floor the person gave
    outside: list[str]  # why not, in words
    programs: list[ProgramLink]
    program_count: int


class NextJobs(BaseModel):
    """The moves from one job, best first. ``destinations`` fit the person's education and pay floor;
    ``outside_preferences`` are the moves that would have been among them but need more school than chosen or
    pay under the floor — shown, never silently dropped."""

    asked: str
    source: Source
    readings: list[Reading]
    military: bool  # what was typed says the person served: they are asked for the closest civilian job too
    area: Area | None
    education: EducationChoice | None
    pay_floor: float | None
    ratings_used: bool
    destinations: list[Destination]
    outside_preferences: list[Destination]
    notes: list[str]
