"""Crosswalks between any two code systems: SOC, O*NET-SOC, CIP, NAICS, and the framework's clusters,
sub-clusters and original pathways.

Each published relation (a table of pairs) is an edge between two systems; a question between systems
with no direct table follows the shortest chain of published relations (CIP → SOC → O*NET-SOC, say), so
every answer can be traced to the official files it came from.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from careerclusters.base.codes import cip_code, naics_code, occupation_code
from careerclusters.base.errors import CareerClustersError
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.store import StoreError
from careerclusters.store import crosswalk as q


class System(StrEnum):
    SOC = "soc"
    ONET = "onet"
    CIP = "cip"
    NAICS = "naics"
    CLUSTER = "cluster"
    SUBCLUSTER = "subcluster"
    PATHWAY = "pathway"


#: Published relations: (from, to, the relation's name in ``store.crosswalk``, source kind needed).
_EDGES: tuple[tuple[System, System, str, str], ...] = (
    (System.ONET, System.SOC, "onet-soc", "onet-db"),
    (System.ONET, System.SOC, "onet-soc-legacy", "onet-legacy-clusters"),
    (System.SOC, System.CIP, "soc-cip-nces", "nces-cip-soc"),
    (System.SOC, System.CIP, "soc-cip-cte", "advance-cte-full"),
    (System.SOC, System.SUBCLUSTER, "soc-subcluster", "advance-cte-soc"),
    (System.SOC, System.CLUSTER, "soc-cluster", "advance-cte-soc"),
    (System.CIP, System.SUBCLUSTER, "cip-subcluster", "advance-cte-cip"),
    (System.CIP, System.CLUSTER, "cip-cluster", "advance-cte-cip"),
    (System.NAICS, System.SUBCLUSTER, "naics-subcluster", "advance-cte-naics"),
    (System.NAICS, System.CLUSTER, "naics-cluster", "advance-cte-naics"),
    (System.NAICS, System.SOC, "naics-soc", "advance-cte-full"),
    (System.NAICS, System.CIP, "naics-cip", "advance-cte-full"),
    (System.ONET, System.PATHWAY, "onet-pathway", "onet-legacy-clusters"),
)


@dataclass
class Mapping:
    """One input code and what it maps to, with the chain of systems the answer followed."""

    code: str
    targets: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    route: list[str] = field(default_factory=list)
    error: str | None = None


class Crosswalk:
    """All published relations loaded once from the store, answering any pair of systems."""

    def __init__(self, conn: sqlite3.Connection):
        imported = q.imported_kinds(conn)
        self.pairs: dict[tuple[System, System], dict[str, set[str]]] = {}
        for a, b, relation, kind in _EDGES:
            if kind not in imported:
                continue
            forward = self.pairs.setdefault((a, b), {})
            backward = self.pairs.setdefault((b, a), {})
            for x, y in q.relation_pairs(conn, relation):
                forward.setdefault(x, set()).add(y)
                backward.setdefault(y, set()).add(x)
        fw = load_framework()
        down = self.pairs.setdefault((System.CLUSTER, System.SUBCLUSTER), {})
        up = self.pairs.setdefault((System.SUBCLUSTER, System.CLUSTER), {})
        for sub in fw.subclusters():
            down.setdefault(sub.parent_id or "", set()).add(sub.id)
            up.setdefault(sub.id, set()).add(sub.parent_id or "")
        self.names = self._names(conn)

    @staticmethod
    def _names(conn: sqlite3.Connection) -> dict[System, dict[str, str]]:
        fw = load_framework()
        names: dict[System, dict[str, str]] = {s: {} for s in System}
        for system in (System.SOC, System.ONET, System.CIP, System.NAICS):
            names[system].update(q.code_names(conn, system.value))
        for node in fw.nodes():
            system = {Level.CLUSTER: System.CLUSTER, Level.SUBCLUSTER: System.SUBCLUSTER,
                      Level.PATHWAY: System.PATHWAY}.get(node.level)
            if system and (node.edition is Edition.MODERN or system is System.PATHWAY):
                names[system][node.id] = node.name
        return names

    def route(self, source: System, target: System) -> list[System]:
        """The shortest chain of published relations from ``source`` to ``target``."""
        previous: dict[System, System | None] = {source: None}
        queue = deque([source])
        while queue:
            here = queue.popleft()
            if here is target:
                break
            for a, b in self.pairs:
                if a is here and b not in previous:
                    previous[b] = here
                    queue.append(b)
        if target not in previous:
            raise StoreError(f"no imported data links {source} to {target}: import the crosswalk files first")
        chain = [target]
        while (step := previous[chain[-1]]) is not None:
            chain.append(step)
        return chain[::-1]

    def normalise(self, system: System, code: str) -> str:
        """The canonical form of a code (or, for framework systems, the id of a name, id or code)."""
        match system:
            case System.SOC:
                return occupation_code(code)[0]
            case System.ONET:
                onet = occupation_code(code)[1]
                if onet is None:
                    raise CareerClustersError(f"{code!r} is a SOC code; O*NET-SOC codes look like 29-1141.00")
                return onet
            case System.CIP:
                return cip_code(code)
            case System.NAICS:
                return naics_code(code)
        level = {System.CLUSTER: Level.CLUSTER, System.SUBCLUSTER: Level.SUBCLUSTER,
                 System.PATHWAY: Level.PATHWAY}[system]
        edition = Edition.ORIGINAL if system is System.PATHWAY else Edition.MODERN
        return load_framework().get(code, edition=edition, level=level).id

    def map(self, source: System, target: System, codes: Iterable[str]) -> list[Mapping]:
        """Map each code; a bad code gets an error in its own result, so a batch never stops halfway."""
        chain = self.route(source, target)
        results = []
        for raw in codes:
            mapping = Mapping(code=raw.strip(), route=[s.value for s in chain])
            try:
                current = {self.normalise(source, raw)}
            except CareerClustersError as exc:
                mapping.error = str(exc)
                results.append(mapping)
                continue
            for a, b in zip(chain, chain[1:], strict=False):
                relation = self.pairs[(a, b)]
                current = {y for x in current for y in relation.get(x, ())}
            mapping.targets = sorted((c, self.names[target].get(c, "")) for c in current)
            results.append(mapping)
        return results
