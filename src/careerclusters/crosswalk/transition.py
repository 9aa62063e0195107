"""From the original framework (16 clusters / 79 pathways) to the modern one (14 / 72).

The steward publishes no machine-readable crosswalk, but both editions are tied to the same occupations:
O*NET assigns each occupation to original pathways, and Advance CTE assigns each SOC code to modern
sub-clusters. For an original pathway, the weight of a modern sub-cluster is the share of the pathway's
occupations (those that appear in both editions) that the sub-cluster holds; the occupations are the
evidence. Shares can add up to more than 1, because an occupation may belong to several sub-clusters.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from careerclusters.base.codes import cip_code
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.spreadsheets import SafeDictWriter
from careerclusters.framework import Edition, Level, Node, load_framework
from careerclusters.store import MissingDataError
from careerclusters.store import crosswalk as q

#: A mapping needs review when its best share is below this, or the runner-up is this close to it.
CONFIDENT_SHARE = 0.5
CLOSE_CALL = 0.15


class Target(BaseModel):
    id: str
    name: str
    level: str
    cluster: str | None = None  # for a sub-cluster, its cluster's name
    share: float
    occupations: list[str]  # O*NET-SOC codes, the evidence


class Transition(BaseModel):
    source_id: str
    source_name: str
    source_level: str
    occupations: int  # the source's occupations that also have modern assignments
    unmatched: int  # its occupations with no modern assignment
    clusters: list[Target]
    subclusters: list[Target]


class Feeder(BaseModel):
    """An original cluster or pathway seen from the modern node it feeds."""

    id: str
    name: str
    level: str
    share: float
    occupations: int


@dataclass
class _Evidence:
    occupations: dict[str, str]  # O*NET-SOC → title, for every occupation of the original node
    subclusters: dict[str, set[str]]  # O*NET-SOC → modern sub-cluster ids
    clusters: dict[str, set[str]]


class TransitionMap:
    """The weighted original → modern mapping for every original cluster and pathway."""

    def __init__(self, conn: sqlite3.Connection):
        kinds = q.imported_kinds(conn)
        missing = [k for k in ("onet-legacy-clusters", "advance-cte-soc") if k not in kinds]
        if missing:
            raise MissingDataError(missing)
        self.fw = load_framework()
        self._evidence: dict[str, _Evidence] = defaultdict(lambda: _Evidence({}, {}, {}))
        for row in q.original_assignments(conn):
            for node_id in (row["original_cluster_id"], row["pathway_id"]):
                evidence = self._evidence[node_id]
                evidence.occupations[row["onet_soc"]] = row["title"]
                if row["subcluster_id"]:
                    evidence.subclusters.setdefault(row["onet_soc"], set()).add(row["subcluster_id"])
                    evidence.clusters.setdefault(row["onet_soc"], set()).add(row["cluster_id"])

    def of(self, query: str) -> Transition:
        """The mapping of one original cluster or pathway (by id, number, name or alias)."""
        node = self.fw.get(query, edition=Edition.ORIGINAL)
        evidence = self._evidence[node.id]
        shared = len(evidence.subclusters)
        return Transition(
            source_id=node.id, source_name=node.name, source_level=node.level.value, occupations=shared,
            unmatched=len(evidence.occupations) - shared,
            clusters=self._targets(evidence.clusters, shared, Level.CLUSTER),
            subclusters=self._targets(evidence.subclusters, shared, Level.SUBCLUSTER),
        )

    def _targets(self, assigned: dict[str, set[str]], shared: int, level: Level) -> list[Target]:
        holders: dict[str, list[str]] = defaultdict(list)
        for onet_soc, ids in assigned.items():
            for target in ids:
                holders[target].append(onet_soc)
        targets = []
        for target_id, occupations in holders.items():
            node = self.fw.node(target_id)
            parent = self.fw.parent(node) if level is Level.SUBCLUSTER else None
            targets.append(Target(id=node.id, name=node.name, level=level.value,
                                  cluster=parent.name if parent else None,
                                  share=round(len(occupations) / shared, 4), occupations=sorted(occupations)))
        return sorted(targets, key=lambda t: (-t.share, t.name))

    def all(self) -> list[Transition]:
        if not hasattr(self, "_all"):
            self._all = [self.of(n.id) for n in self.fw.nodes(Edition.ORIGINAL)]
        return self._all

    def feeders(self, modern_id: str) -> list[Feeder]:
        """The original clusters and pathways that move (partly) into a modern cluster or sub-cluster,
        with the share of their shared occupations that land there, largest first."""
        found = []
        for transition in self.all():
            for target in (*transition.clusters, *transition.subclusters):
                if target.id == modern_id:
                    found.append(Feeder(id=transition.source_id, name=transition.source_name,
                                        level=transition.source_level, share=target.share,
                                        occupations=len(target.occupations)))
        return sorted(found, key=lambda f: (-f.share, f.name))


# -- mapping a file of local programs ----------------------------------------------------------------------

class ProgramMapping(BaseModel):
    subcluster: str | None
    subcluster_name: str | None
    cluster: str | None
    cluster_name: str | None
    confidence: float
    needs_review: bool
    basis: str  # "cip", "cip+pathway", "pathway", "cluster" or "none"
    alternatives: list[str]
    note: str = ""


def _decide(weights: dict[str, float], basis: str, fw_node: Callable[[str], Node]) -> ProgramMapping:
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    best, share = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    sub = fw_node(best)
    cluster = fw_node(sub.parent_id or "")
    review = share < CONFIDENT_SHARE or (len(ranked) > 1 and share - runner_up < CLOSE_CALL)
    return ProgramMapping(subcluster=sub.id, subcluster_name=sub.name, cluster=cluster.id, cluster_name=cluster.name,
                          confidence=round(share, 3), needs_review=review, basis=basis,
                          alternatives=[k for k, _ in ranked[1:4]])


def map_program(tmap: TransitionMap, conn: sqlite3.Connection, *, pathway: str = "", cluster: str = "",
                cip: str = "") -> ProgramMapping:
    """Map one local program: its CIP code (official Advance CTE assignment) takes precedence; the
    original pathway or cluster breaks ties between a CIP's several sub-clusters, or decides alone."""
    fw = tmap.fw
    original: Transition | None = None
    for query in (pathway, cluster):
        if query.strip():
            original = tmap.of(query)
            break
    original_weights = {t.id: t.share for t in original.subclusters} if original else {}
    if cip.strip():
        code = cip_code(cip)
        official = [r["subcluster_id"] for r in q.program_memberships(conn, code)]
        if official:
            if original_weights and any(original_weights.get(s) for s in official):
                total = sum(original_weights.get(s, 0.0) for s in official)
                weights = {s: original_weights.get(s, 0.0) / total for s in official}
                return _decide(weights, "cip+pathway", fw.node)
            return _decide({s: 1 / len(official) for s in official}, "cip", fw.node)
    if original and original_weights:
        return _decide(original_weights, original.source_level if original.source_level == "cluster" else "pathway",
                       fw.node)
    return ProgramMapping(subcluster=None, subcluster_name=None, cluster=None, cluster_name=None, confidence=0.0,
                          needs_review=True, basis="none", alternatives=[],
                          note="no CIP code with an official assignment and no original cluster or pathway evidence")


OUTPUT_COLUMNS = ("modern_subcluster", "modern_subcluster_name", "modern_cluster", "modern_cluster_name",
                  "confidence", "needs_review", "basis", "alternatives", "note")


def map_programs_csv(tmap: TransitionMap, conn: sqlite3.Connection, content: str, file: str,
                     raw: bool = False) -> str:
    """Map a CSV of local programs (columns ``pathway`` and/or ``cluster``, optional ``cip``), keeping every
    input column and appending the modern assignment. A bad row gets a note, never stops the file. The
    output is safe to open in a spreadsheet unless ``raw`` (see ``spreadsheets``)."""
    reader = csv.DictReader(io.StringIO(content))
    header = reader.fieldnames or []
    lower = {h.strip().lower(): h for h in header}
    if not ({"pathway", "cluster", "cip"} & lower.keys()):
        raise CareerClustersError(f"{file}: needs a 'pathway', 'cluster' or 'cip' column (has: {', '.join(header)})")
    out = io.StringIO()
    writer = SafeDictWriter(out, [*header, *OUTPUT_COLUMNS], raw=raw)
    writer.writeheader()
    for row in reader:
        values = {k: (row.get(lower[k]) or "") if k in lower else "" for k in ("pathway", "cluster", "cip")}
        try:
            result = map_program(tmap, conn, **values)
        except CareerClustersError as exc:
            result = ProgramMapping(subcluster=None, subcluster_name=None, cluster=None, cluster_name=None,
                                    confidence=0.0, needs_review=True, basis="none", alternatives=[], note=str(exc))
        writer.writerow(row | {
            "modern_subcluster": result.subcluster or "", "modern_subcluster_name": result.subcluster_name or "",
            "modern_cluster": result.cluster or "", "modern_cluster_name": result.cluster_name or "",
            "confidence": result.confidence, "needs_review": str(result.needs_review).lower(),
            "basis": result.basis, "alternatives": ";".join(result.alternatives), "note": result.note})
    return out.getvalue()
