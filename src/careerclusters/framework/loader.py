"""Read the embedded YAML files, check them against the framework's rules, and build ``Node`` objects.

The files are the single source of the framework's facts; this module is the gate every fact passes
through, so a mistake in a data file (a duplicate id, a sub-cluster pointing at a cluster that does not
exist, a missing cluster) stops loading with a message that names the file and the entry.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careerclusters.base.rules import load_yaml
from careerclusters.framework.model import (
    Edition,
    FrameworkDataError,
    Level,
    Node,
    PracticeList,
)

DATA_DIR = Path(__file__).with_name("data")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    aliases: list[str] = []
    definition: str = Field(min_length=10)


class _GroupingEntry(_Entry):
    code: str = Field(pattern=r"^\d{2}$")


class _ClusterEntry(_Entry):
    code: str | None = Field(default=None, pattern=r"^\d{6}$")
    number: int | None = None
    grouping: str | None = None
    naics: list[str] = []
    cross_cutting: bool = False


class _ChildEntry(_Entry):
    cluster: str


class _EditionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    edition: Edition
    title: str
    released: str
    expected: dict[str, int]
    groupings: list[_GroupingEntry] = []
    clusters: list[_ClusterEntry]
    subclusters: list[_ChildEntry] = []
    pathways: list[_ChildEntry] = []


class _PracticesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lists: list[PracticeList]


def _read_yaml(path: Path) -> object:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkDataError(f"{path.name}: cannot read: {exc}") from exc


def _parse(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise FrameworkDataError(f"{path.name}: {where}: {first['msg']}") from exc


def load_edition(path: Path) -> list[Node]:
    """Load one edition file into nodes (parents before children) after checking every rule."""
    data = _parse(path, _EditionFile)
    assert isinstance(data, _EditionFile)
    edition = data.edition
    child_level, children = (
        (Level.SUBCLUSTER, data.subclusters) if edition is Edition.MODERN else (Level.PATHWAY, data.pathways)
    )

    def fail(message: str) -> FrameworkDataError:
        return FrameworkDataError(f"{path.name}: {message}")

    all_ids = [e.id for e in [*data.groupings, *data.clusters, *children]]
    duplicates = sorted(i for i, n in Counter(all_ids).items() if n > 1)
    if duplicates:
        raise fail(f"duplicate id(s): {', '.join(duplicates)}")

    grouping_ids = {g.id for g in data.groupings}
    cluster_ids = {c.id for c in data.clusters}
    for cluster in data.clusters:
        if edition is Edition.MODERN and cluster.grouping not in grouping_ids:
            raise fail(f"cluster {cluster.id!r} names unknown grouping {cluster.grouping!r}")
        if edition is Edition.MODERN and cluster.code is None:
            raise fail(f"cluster {cluster.id!r} has no code")
        if edition is Edition.ORIGINAL and cluster.number is None:
            raise fail(f"cluster {cluster.id!r} has no number")
    for child in children:
        if child.cluster not in cluster_ids:
            raise fail(f"{child_level} {child.id!r} names unknown cluster {child.cluster!r}")

    kids: dict[str, list[str]] = {}
    for cluster in data.clusters:
        kids.setdefault(cluster.grouping or "", []).append(cluster.id)
    for child in children:
        kids.setdefault(child.cluster, []).append(child.id)
    for parent_id in [*grouping_ids, *cluster_ids]:
        if not kids.get(parent_id):
            raise fail(f"{parent_id!r} has no children")

    nodes = [
        Node(id=g.id, edition=edition, level=Level.GROUPING, name=g.name, code=g.code,
             aliases=tuple(g.aliases), definition=g.definition, children_ids=tuple(kids[g.id]))
        for g in data.groupings
    ]
    nodes += [
        Node(id=c.id, edition=edition, level=Level.CLUSTER, name=c.name,
             code=c.code if c.code is not None else str(c.number), aliases=tuple(c.aliases),
             definition=c.definition, parent_id=c.grouping, children_ids=tuple(kids[c.id]),
             naics=tuple(c.naics), cross_cutting=c.cross_cutting)
        for c in data.clusters
    ]
    nodes += [
        Node(id=k.id, edition=edition, level=child_level, name=k.name, aliases=tuple(k.aliases),
             definition=k.definition, parent_id=k.cluster)
        for k in children
    ]
    _check_counts(path, data.expected, nodes)
    return nodes


def _check_counts(path: Path, expected: dict[str, int], nodes: list[Node]) -> None:
    actual = Counter(f"{n.level}s" for n in nodes)
    actual["cross_cutting"] = sum(n.cross_cutting for n in nodes)
    for what, count in expected.items():
        if actual[what] != count:
            raise FrameworkDataError(f"{path.name}: expected {count} {what}, found {actual[what]}")


def load_practices(path: Path) -> list[PracticeList]:
    data = _parse(path, _PracticesFile)
    assert isinstance(data, _PracticesFile)
    return list(data.lists)
