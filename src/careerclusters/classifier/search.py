"""One search box for everything: occupations and programs through the classifier, and the framework's
own groupings, clusters, sub-clusters and pathways by name (typo-tolerant), in English and in every language the
framework is translated into ("salud" finds Healthcare & Human Services; accents are optional)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel
from rapidfuzz import fuzz, process

from careerclusters.base.languages import SOURCE_LANGUAGE
from careerclusters.classifier import Candidate, TextClassifier, load_classifier
from careerclusters.classifier.localized import in_language, titles_for
from careerclusters.classifier.service import Kind
from careerclusters.framework import load_framework
from careerclusters.framework.names import name_key
from careerclusters.framework.translations import available
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


class _NameIndex:
    """Every framework node's name and aliases in every language, folded for matching once (the framework and
    its translations ship with the package), as arrays: each label's words are numbers into one list of distinct
    words, so a query is scored against the few hundred distinct words in one call and every label's score
    follows by array arithmetic, not a Python function per label."""

    def __init__(self) -> None:
        fw = load_framework()
        # by node, then language: ties go to the broader node, as in English ("agricultura" to the cluster)
        labels = list(dict.fromkeys(
            (node.id, name_key(label)) for node in fw.nodes() for lang in available()
            for label in (fw.label(node, lang).name, *fw.label(node, lang).aliases)))
        self.node_ids = [node_id for node_id, _ in labels]
        self.words = sorted({w for _, label in labels for w in label.split()})
        number = {w: i for i, w in enumerate(self.words)}
        split = [[number[w] for w in label.split()] for _, label in labels]
        width = max(len(ws) for ws in split)
        #: labels × their words (padded with -1, which the scores below never pick)
        self.label_words = np.array([ws + [-1] * (width - len(ws)) for ws in split])

    def scores(self, query: str) -> np.ndarray:
        """How well each query word matches some word of each label (typos allowed; a query word of four or
        more letters that begins a label word matches fully), averaged over the query words, or the query
        with its spaces removed against one label word ("cyber security"), whichever is higher. Short words
        and "and" are ignored unless nothing else is left: "helthcare" finds "Healthcare & Human Services",
        "nurse" does not find "Entrepreneurship"."""
        query_words = [w for w in query.split() if len(w) > 2 and w != "and"] or query.split()
        if not query_words:
            return np.zeros(len(self.node_ids))
        each = process.cdist(query_words, self.words, scorer=fuzz.ratio, dtype=np.float64)
        for row, q in enumerate(query_words):
            if len(q) >= 4:
                each[row, [i for i, w in enumerate(self.words) if w.startswith(q)]] = 100.0
        joined = process.cdist([query.replace(" ", "")], self.words, scorer=fuzz.ratio, dtype=np.float64)
        per_word = np.hstack([np.vstack([each, joined]), np.full((len(query_words) + 1, 1), -1.0)])
        per_label = per_word[:, self.label_words].max(axis=2)  # -1 pads index the -1 column: never the best
        return np.maximum(per_label[:-1].mean(axis=0), per_label[-1])


#: Words of three letters or more that name nothing in a label.
_IGNORED = {"and", "los", "las", "del", "para", "con"}


@cache
def _index() -> _NameIndex:
    return _NameIndex()


def framework_hits(query: str, limit: int = 5, cutoff: float = 80.0, lang: str = SOURCE_LANGUAGE) -> list[NodeHit]:
    """Framework nodes whose name or alias in any language matches the query's words, best first (a node once, at
    its best label's score), named in ``lang``."""
    fw = load_framework()
    index = _index()
    scores = index.scores(name_key(query))
    hits: dict[str, NodeHit] = {}
    for row in np.argsort(-scores, kind="stable"):
        if scores[row] < cutoff or len(hits) == limit:
            break
        node_id = index.node_ids[row]
        if node_id not in hits:
            node = fw.node(node_id)
            hits[node_id] = NodeHit(id=node.id, name=fw.label(node, lang).name, level=node.level.value,
                                    edition=node.edition.value, score=round(float(scores[row]) / 100, 3))
    return list(hits.values())


def search(conn: sqlite3.Connection, query: str, db_path: Path | None = None, limit: int = 5,
           classifiers: Callable[[Kind], TextClassifier] | None = None, lang: str = SOURCE_LANGUAGE) -> SearchResult:
    """Framework nodes, occupations and programs matching ``query`` (in any language), named in ``lang``; works on
    the framework alone too. ``classifiers`` supplies already-loaded classifiers (a server keeps them); by default
    they are loaded."""
    get = classifiers or (lambda kind: load_classifier(conn, kind, db_path))
    result = SearchResult(query=query, nodes=framework_hits(query, limit, lang=lang), occupations=[], programs=[])
    titles = titles_for(conn, lang)
    missing = []
    kinds: tuple[tuple[Kind, str], ...] = (("occupation", "occupations"), ("program", "programs"))
    for kind, field in kinds:
        try:
            [candidates] = get(kind).classify([query], k=limit)
        except StoreError:
            missing.append(kind)
            continue
        setattr(result, field, in_language(candidates, kind, lang, titles))
    if missing:
        result.note = f"no {' or '.join(missing)} data imported: run `careerclusters data fetch` to search them"
    return result
