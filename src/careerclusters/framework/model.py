"""Typed model of the framework: one immutable ``Node`` type for every level of both editions.

A single node type (rather than a class per level) keeps navigation, lookup and the exports uniform: a
grouping, a cluster, a sub-cluster and an original pathway differ only in their level and a few optional
fields (codes, NAICS sectors, the cross-cutting flag).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from careerclusters.base.errors import CareerClustersError


class Edition(StrEnum):
    """The two editions of the framework that states use side by side during the transition."""

    MODERN = "modern"
    ORIGINAL = "original"

    @classmethod
    def parse(cls, text: str) -> Edition:
        """Accept the names people use: ``2024``/``modern``/``new`` and ``original``/``legacy``/``2002``."""
        key = text.strip().lower()
        if key in {"modern", "2024", "new", "current"}:
            return cls.MODERN
        if key in {"original", "legacy", "2002", "old", "16"}:
            return cls.ORIGINAL
        raise ValueError(f"unknown edition {text!r}: use 2024 (modern) or original")


class Level(StrEnum):
    """Levels of the hierarchy, broadest first. Pathways belong to the original edition only."""

    GROUPING = "grouping"
    CLUSTER = "cluster"
    SUBCLUSTER = "subcluster"
    PATHWAY = "pathway"

    @property
    def label(self) -> str:
        return {"grouping": "Cluster Grouping", "cluster": "Career Cluster",
                "subcluster": "Sub-Cluster", "pathway": "Career Pathway"}[self.value]


class Node(BaseModel):
    """One grouping, cluster, sub-cluster or pathway. Relations are held as ids so nodes stay immutable
    and serialisable; the ``Framework`` resolves them."""

    model_config = ConfigDict(frozen=True)

    id: str
    edition: Edition
    level: Level
    name: str
    code: str | None = None
    aliases: tuple[str, ...] = ()
    definition: str
    parent_id: str | None = None
    children_ids: tuple[str, ...] = ()
    naics: tuple[str, ...] = ()
    cross_cutting: bool = False

    def __str__(self) -> str:
        return self.name


class Practice(BaseModel):
    """One Career Ready Practice."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str


class PracticeList(BaseModel):
    """A list of Career Ready Practices, labelled with the edition it belongs to."""

    model_config = ConfigDict(frozen=True)

    edition: Edition
    title: str
    practices: tuple[Practice, ...]


class FrameworkDataError(CareerClustersError, ValueError):
    """An embedded data file breaks the framework's rules; the message names the file and the entry."""


class NotFoundError(CareerClustersError, LookupError):
    """No node matches; ``suggestions`` holds the closest names."""

    def __init__(self, query: str, suggestions: list[str]):
        self.query = query
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no cluster, sub-cluster, grouping or pathway matches {query!r}{hint}")


class AmbiguousLookupError(CareerClustersError, LookupError):
    """Several nodes match equally well; ``candidates`` lists them so the caller can pick by id."""

    def __init__(self, query: str, candidates: list[Node]):
        self.query = query
        self.candidates = candidates
        options = "; ".join(f"{n.name} ({n.edition} {n.level}, id {n.id})" for n in candidates)
        super().__init__(f"{query!r} is ambiguous: {options}")
