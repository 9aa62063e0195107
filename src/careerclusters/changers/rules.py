"""The ranking's weights and thresholds (``rules.yaml``), which a state or a site may replace with its own file."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from careerclusters.base.rules import read_rules
from careerclusters.changers.model import EDUCATION_CHOICES

RULES_FILE = resources.files(__package__).joinpath("rules.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Weights(_Strict):
    activities: float = Field(ge=0)
    technologies: float = Field(ge=0)
    ratings: float = Field(ge=0)
    related: dict[str, float]
    openings: float = Field(ge=0)
    education_per_year: float = Field(ge=0)
    pay_per_doubling: float = Field(ge=0)


class Education(_Strict):
    levels: dict[str, int]
    job_zone_levels: dict[int, int]
    years: list[float]

    @model_validator(mode="after")
    def _ranks_are_named(self) -> Education:
        named = set(self.levels.values())
        if not named <= set(range(len(EDUCATION_CHOICES))) or not set(self.job_zone_levels.values()) <= named:
            raise ValueError(f"ranks are 0-{len(EDUCATION_CHOICES) - 1} (the choices {', '.join(EDUCATION_CHOICES)}), "
                             "and every job zone's rank must be the rank of one of the levels")
        if len(self.years) <= max(named):
            raise ValueError(f"years needs a figure for every rank up to {max(named)}")
        return self


class Readings(_Strict):
    min_confidence: float = Field(ge=0, le=1)
    military_words: list[str]


class Gaps(_Strict):
    level_difference: float = Field(gt=0)
    importance_at_least: float = Field(ge=1, le=5)


class Shown(_Strict):
    activities: int = Field(ge=0)
    technologies: int = Field(ge=0)
    rating_gaps: int = Field(ge=0)
    programs: int = Field(ge=0)
    programs_of_study: int = Field(ge=0)


class Rules(_Strict):
    weights: Weights
    education: Education
    readings: Readings
    gaps: Gaps
    shown: Shown

    def rank(self, entry_education: str | None, job_zone: int | None) -> int | None:
        """A job's preparation on the scale: its BLS entry education, else its job zone, else unknown."""
        if entry_education in self.education.levels:
            return self.education.levels[entry_education]
        return self.education.job_zone_levels.get(job_zone) if job_zone is not None else None


@cache
def load_rules(path: Path | None = None) -> Rules:
    """The rules from ``path``, or the package's ``rules.yaml``; a bad file is one clear error naming it."""
    return read_rules(Rules, RULES_FILE, path)
