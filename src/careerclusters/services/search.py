"""One search box for everything: occupations and programs through the classifier, and the framework's
own groupings, clusters, sub-clusters and pathways by name (typo-tolerant)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from careerclusters.classifier import Candidate, TextClassifier, load_classifier
from careerclusters.classifier.service import Kind
from careerclusters.framework import load_framework
from careerclusters.framework.names import name_key
from careerclusters.store import StoreError


class NodeHit(BaseModel):
    id: str
    name: str
    level: str
    edition: str
    score: float


class SearchResult(BaseModel):
    query: str
    nodes: list[NodeHit]
    occupations: list[Candidate]
    programs: list[Candidate]
    note: str | None = None


def _word_score(query: str, label: str, **_: object) -> float:
    """How well each query word matches some word of the label (typos allowed), averaged over the query:
    "helthcare" finds "Healthcare & Human Services", "nurse" does not find "Entrepreneurship"."""
    label_words = label.split()
    query_words = [w for w in query.split() if len(w) > 2 and w != "and"] or query.split()
    if not query_words or not label_words:
        return 0.0

    def word(q: str, w: str) -> float:
        return 100.0 if len(q) >= 4 and w.startswith(q) else fuzz.ratio(q, w)

    each = sum(max(word(q, w) for w in label_words) for q in query_words) / len(query_words)
    joined = max(fuzz.ratio(query.replace(" ", ""), w) for w in label_words)  # "cyber security"
    return max(each, joined)


@cache
def _labels() -> dict[tuple[str, str], str]:
    """Every node's name and aliases, folded for matching (the framework ships with the package: fold once)."""
    fw = load_framework()
    return {(node.id, label): name_key(label) for node in fw.nodes() for label in (node.name, *node.aliases)}


def framework_hits(query: str, limit: int = 5, cutoff: float = 80.0) -> list[NodeHit]:
    """Framework nodes whose name or alias matches the query's words, best first."""
    fw = load_framework()
    found = process.extract(name_key(query), _labels(), scorer=_word_score, limit=limit * 3, score_cutoff=cutoff)
    hits: dict[str, NodeHit] = {}
    for _label, score, (node_id, _name) in found:
        node = fw.node(node_id)
        if node_id not in hits:
            hits[node_id] = NodeHit(id=node.id, name=node.name, level=node.level.value, edition=node.edition.value,
                                    score=round(score / 100, 3))
    return list(hits.values())[:limit]


def search(conn: sqlite3.Connection, query: str, db_path: Path | None = None, limit: int = 5,
           classifiers: Callable[[Kind], TextClassifier] | None = None) -> SearchResult:
    """Framework nodes, occupations and programs matching ``query``; works on the framework alone too.
    ``classifiers`` supplies already-loaded classifiers (a server keeps them); by default they are loaded."""
    get = classifiers or (lambda kind: load_classifier(conn, kind, db_path))
    result = SearchResult(query=query, nodes=framework_hits(query, limit), occupations=[], programs=[])
    missing = []
    kinds: tuple[tuple[Kind, str], ...] = (("occupation", "occupations"), ("program", "programs"))
    for kind, field in kinds:
        try:
            [candidates] = get(kind).classify([query], k=limit)
        except StoreError:
            missing.append(kind)
            continue
        setattr(result, field, candidates)
    if missing:
        result.note = f"no {' or '.join(missing)} data imported: run `careerclusters data fetch` to search them"
    return result
