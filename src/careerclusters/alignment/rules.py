"""The alignment report's rules: every threshold and list it applies, read from ``rules.yaml`` (a state
replaces the file with its own, ``--rules FILE``); see the file for what each means."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field, model_validator

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.rules import read_rules

RULES_FILE = resources.files(__package__).joinpath("rules.yaml")


class HighWage(BaseModel):
    multiple_of_area_median: float = Field(gt=0)
    near_band: float = Field(ge=0, lt=1)


class InDemand(BaseModel):
    min_openings: float = Field(ge=0)
    subcluster_min_openings: float = Field(ge=0)
    state_list_counts: bool


class Declining(BaseModel):
    max_change_pct: float


class ProgramRule(BaseModel):
    min_share_of_jobs: float = Field(gt=0, le=1)


class ClassifierRule(BaseModel):
    review_below_confidence: float = Field(ge=0, le=1)


class Levels(BaseModel):
    programs: dict[str, int]
    names: dict[str, list[str]]
    education: dict[str, int]
    job_zones: dict[int, int]
    reach: int = Field(ge=0)

    @model_validator(mode="after")
    def _names_for_every_level(self) -> Levels:
        unknown = set(self.names) - set(self.programs)
        if unknown:
            raise ValueError(f"names given for levels that are not in programs: {', '.join(sorted(unknown))}")
        return self


class Ladder(BaseModel):
    experience: list[str]
    experience_soc_prefixes: list[str]
    experience_title_words: list[str]
    further_study_soc_prefixes: list[str]


class Added(BaseModel):
    """An occupation a program leads to that the crosswalks leave out."""

    cip: str = Field(pattern=r"^\d{2}\.\d{4}$")
    soc: str = Field(pattern=r"^\d{2}-\d{4}$")
    levels: list[str]
    reason: str


class Occupations(BaseModel):
    general_programs_use_family: bool
    added: list[Added]


class GapRule(BaseModel):
    exclude_subclusters: list[str]


class Rules(BaseModel):
    """The thresholds and lists the report applies (see the YAML file for what each means)."""

    high_wage: HighWage
    in_demand: InDemand
    declining: Declining
    program: ProgramRule
    classifier: ClassifierRule
    levels: Levels
    ladder: Ladder
    occupations: Occupations
    gaps: GapRule

    @model_validator(mode="after")
    def _added_at_known_levels(self) -> Rules:
        for added in self.occupations.added:
            unknown = set(added.levels) - set(self.levels.programs)
            if unknown:
                raise ValueError(f"occupations.added {added.cip} → {added.soc}: unknown level "
                                 f"{', '.join(sorted(unknown))}")
        return self

    def level(self, written: str, what: str = "level") -> str:
        """The level a person wrote ("High School", "AAS", "cert"), or a clear error listing the levels."""
        folded = _fold(written)
        for level, names in self.levels.names.items():
            if folded == _fold(level) or folded in {_fold(n) for n in names}:
                return level
        raise CareerClustersError(f"unknown {what} {written!r}: use one of {', '.join(self.levels.programs)}")


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


def load_rules(path: Path | None = None) -> Rules:
    """The rules from ``path``, or the package's defaults; a bad file is one clear error."""
    return read_rules(Rules, RULES_FILE, path)
