"""Example programs of study written for the project (not adopted by any state, district or college): five in
different clusters, one deliberately flawed for the checker to catch, and a tiny state catalog CSV."""

from __future__ import annotations

from pathlib import Path

from careerclusters.pos.files import read
from careerclusters.pos.model import ProgramOfStudy

FOLDER = Path(__file__).parent
FLAWED = FOLDER / "flawed-cosmetology.yaml"
CATALOG = FOLDER / "example-state-catalog.csv"


def example_paths(*, flawed: bool = True) -> list[Path]:
    return [p for p in sorted(FOLDER.glob("*.yaml")) if flawed or p != FLAWED]


def examples(*, flawed: bool = True) -> list[ProgramOfStudy]:
    """The example programs of study, read from their YAML files."""
    return [program for path in example_paths(flawed=flawed) for program in read(path)]
