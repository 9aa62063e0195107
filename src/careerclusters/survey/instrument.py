"""The interest survey as data: its structure (``instrument.yaml``), its words in each language
(``items/<lang>.yaml``) and its scoring rules (``rules.yaml``), checked once when first loaded.

The structure lives in one file and the words in one file per language, so a translation can never
change what an item is keyed to, and a language file that misses or invents an id fails to load, naming
the ids. Keys are checked against the embedded framework, so an item can only point at a cluster,
sub-cluster or purpose grouping that exists.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.rules import load_yaml, read_rules
from careerclusters.framework import Edition, Level, load_framework

HERE = Path(__file__).parent
ITEMS_DIR = HERE / "items"
RULES_FILE = HERE / "rules.yaml"
RIASEC = ("R", "I", "A", "S", "E", "C")


class SurveyDataError(CareerClustersError, ValueError):
    """A survey data file breaks the instrument's rules; the message names the file and the ids."""


class Part(StrEnum):
    INTEREST = "interest"
    CLUSTER = "cluster"
    PURPOSE = "purpose"


class Answer(IntEnum):
    """How a person answers an item. A missing answer counts as NOT_SURE."""

    DISLIKE = 0
    NOT_SURE = 1
    LIKE = 2


class Item(BaseModel):
    """One survey item in one language. ``key`` is a RIASEC letter, a cluster or sub-cluster id, or a
    purpose grouping id; ``cluster_id`` and ``subcluster_id`` resolve a checklist item's key."""

    model_config = ConfigDict(frozen=True)

    id: str
    part: Part
    key: str
    kind: str | None = None
    text: str
    cluster_id: str | None = None
    subcluster_id: str | None = None


class _ClusterEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    key: str
    kind: str = Field(pattern="^(activity|subject|quality)$")


class _PurposeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    key: str


class _Structure(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1, le=35)
    interest: dict[str, list[str]]
    cluster: list[_ClusterEntry]
    purpose: list[_PurposeEntry]
    education: list[str]


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid")
    language: str = Field(pattern="^[a-z]{2}$")
    name: str
    items: dict[str, str]
    education: dict[str, str]


class Instrument(BaseModel):
    """The whole survey in one language, items in the order they are asked within each part."""

    model_config = ConfigDict(frozen=True)

    version: int
    language: str
    language_name: str
    items: tuple[Item, ...]
    code_order: tuple[str, ...]  # item ids in instrument.yaml order: the positions result links encode
    education: tuple[tuple[str, str], ...]  # (level id, label), lowest first

    def part(self, part: Part) -> list[Item]:
        return [i for i in self.items if i.part is part]

    _index: dict[str, Item] = PrivateAttr(default_factory=dict)

    def model_post_init(self, _context: Any) -> None:
        self._index.update((i.id, i) for i in self.items)

    def item(self, item_id: str) -> Item:
        return self._index[item_id]

    def has(self, item_id: str) -> bool:
        return item_id in self._index

    def name(self, node_id: str) -> str:
        """A framework node's name in this language: the framework's translation (``framework.translations``),
        the one place the framework's words in each language are kept."""
        fw = load_framework()
        return fw.label(fw.node(node_id), self.language).name

    def education_levels(self) -> list[str]:
        return [level for level, _label in self.education]


def _read(path: Path) -> Any:
    try:
        return load_yaml(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SurveyDataError(f"{path.name}: cannot be read: {exc}") from None


def _ids(structure: _Structure) -> list[str]:
    return [i for ids in structure.interest.values() for i in ids] + [e.id for e in structure.cluster] + \
        [e.id for e in structure.purpose]


def _structure() -> _Structure:
    try:
        structure = _Structure.model_validate(_read(HERE / "instrument.yaml"))
    except ValidationError as exc:
        raise SurveyDataError(f"instrument.yaml: {exc}") from None
    fw = load_framework()
    problems: list[str] = []
    if sorted(structure.interest) != sorted(RIASEC):
        problems.append(f"interest types must be {', '.join(RIASEC)}")
    clusters = {n.id for n in fw.nodes(Edition.MODERN, Level.CLUSTER)}
    subclusters = {n.id for n in fw.nodes(Edition.MODERN, Level.SUBCLUSTER)}
    purposes = {n.id for n in fw.groupings() if n.id != "cross-cutting"}
    problems += [f"{e.id}: {e.key!r} is no modern cluster or sub-cluster" for e in structure.cluster
                 if e.key not in clusters | subclusters]
    problems += [f"{e.id}: {e.key!r} is no purpose grouping" for e in structure.purpose if e.key not in purposes]
    ids = _ids(structure)
    problems += [f"id {i!r} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    if problems:
        raise SurveyDataError("instrument.yaml: " + "; ".join(problems))
    return structure


def languages() -> tuple[str, ...]:
    """The languages the survey is written in: one file per language in ``items/``, English first."""
    found = sorted(p.stem for p in ITEMS_DIR.glob("*.yaml"))
    return tuple(sorted(found, key=lambda lang: lang != "en"))


def _words(lang: str) -> _Words:
    path = ITEMS_DIR / f"{lang}.yaml"
    if lang not in languages():
        raise SurveyDataError(f"no survey in language {lang!r}: use one of {', '.join(languages())}")
    try:
        words = _Words.model_validate(_read(path))
    except ValidationError as exc:
        raise SurveyDataError(f"{path.name}: {exc}") from None
    if words.language != lang:
        raise SurveyDataError(f"{path.name}: says it is language {words.language!r}")
    return words


def missing_words(lang: str) -> list[str]:
    """What ``items/<lang>.yaml`` lacks or has in excess compared with the instrument, as readable lines."""
    structure, words = _structure(), _words(lang)
    ids = _ids(structure)
    problems = [f"item {i!r} has no text" for i in ids if not words.items.get(i, "").strip()]
    problems += [f"item {i!r} is not in instrument.yaml" for i in words.items if i not in ids]
    problems += [f"education level {e!r} has no label" for e in structure.education
                 if not words.education.get(e, "").strip()]
    problems += [f"education level {e!r} is not in instrument.yaml" for e in words.education
                 if e not in structure.education]
    return problems


@cache
def load_instrument(lang: str = "en") -> Instrument:
    """The survey in ``lang``, validated; raises ``SurveyDataError`` naming what is wrong."""
    problems = missing_words(lang)
    if problems:
        raise SurveyDataError(f"items/{lang}.yaml: " + "; ".join(problems))
    structure, words = _structure(), _words(lang)
    fw = load_framework()
    items: list[Item] = []
    # Interest items are asked interleaved (R, I, A, S, E, C, R, …) so that no type comes as one block.
    rows = zip(*(structure.interest[t] for t in RIASEC), strict=True)
    items += [Item(id=i, part=Part.INTEREST, key=RIASEC[n], text=words.items[i]) for row in rows
              for n, i in enumerate(row)]
    for entry in structure.cluster:
        node = fw.node(entry.key)
        cluster_id = node.id if node.level is Level.CLUSTER else node.parent_id
        items.append(Item(id=entry.id, part=Part.CLUSTER, key=entry.key, kind=entry.kind, text=words.items[entry.id],
                          cluster_id=cluster_id, subcluster_id=node.id if node.level is Level.SUBCLUSTER else None))
    items += [Item(id=e.id, part=Part.PURPOSE, key=e.key, text=words.items[e.id]) for e in structure.purpose]
    return Instrument(version=structure.version, code_order=tuple(_ids(structure)), language=lang,
                      language_name=words.name, items=tuple(items),
                      education=tuple((e, words.education[e]) for e in structure.education))


class _RollUp(BaseModel):
    top_occupations: int = Field(ge=1)


class _Weights(BaseModel):
    interest: float = Field(ge=0)
    checklist: float = Field(ge=0)
    purpose: float = Field(ge=0)
    own_items: float = Field(ge=0, le=1)


class _Limits(BaseModel):
    clusters: int = Field(ge=1)
    subclusters: int = Field(ge=1)
    occupations: int = Field(ge=1)
    programs: int = Field(ge=0)
    min_interest_answers: int = Field(ge=1)
    elsewhere_occupations: int = Field(ge=0)


class _Examples(BaseModel):
    openings_weight: float = Field(ge=0)
    min_openings_k: float = Field(ge=0)


class _BrightOutlook(BaseModel):
    growth_pct_at_least: float
    openings_k_at_least: float


class _Education(BaseModel):
    entry_levels: dict[str, int]
    job_zone_levels: dict[int, int]


class Rules(BaseModel):
    """``rules.yaml``: the scoring choices, each documented there."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    roll_up: _RollUp
    weights: _Weights
    results: _Limits
    bright_outlook: _BrightOutlook
    education: _Education
    examples: _Examples


@cache
def load_rules(path: Path | None = None) -> Rules:
    """The scoring rules from ``path``, or the package's ``rules.yaml``; a bad file is one clear error."""
    return read_rules(Rules, RULES_FILE, path)
