"""Classifiers built from the store: occupations (O*NET-SOC) from O*NET's titles, descriptions and tasks,
and programs (CIP 2020) from NCES's titles, examples and definitions.

A built classifier is cached next to the store (``<store>.occupation-classifier.joblib``) with a
fingerprint of the data it was built from, and rebuilt when an import changes that data.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import joblib
from pydantic import BaseModel

from careerclusters.classifier import program_names, translated
from careerclusters.classifier import text as tx
from careerclusters.classifier.model import TitleModel
from careerclusters.framework import load_framework
from careerclusters.store import StoreError
from careerclusters.store import classifier as q
from careerclusters.store.crosswalk import imported_kinds

Kind = Literal["occupation", "program"]
#: Bump when the model or its inputs change, so cached classifiers are rebuilt.
MODEL_VERSION = "ensemble-8"
#: The share of programs' other names held out to fit the confidence: there are few (about 2,500), so a larger
#: share than the occupations' gives the calibration enough names to tell a sure answer from a guess.
PROGRAM_HOLDOUT = 0.35
SOURCES: dict[str, tuple[str, ...]] = {
    "occupation": ("onet-db", "advance-cte-soc", "onet-legacy-clusters", *translated.IMPORTED_KINDS),
    "program": ("nces-cip", "advance-cte-cip"),
}


class Ref(BaseModel):
    id: str
    name: str


class Candidate(BaseModel):
    """One answer: the code, what it is, where it sits in the framework, how sure, and why."""

    code: str
    title: str
    soc: str | None = None
    clusters: list[Ref] = []
    subclusters: list[Ref] = []
    pathways: list[Ref] = []
    probability: float
    confidence: float
    evidence: list[str] = []


class TextClassifier:
    """A fitted ``TitleModel`` plus what is needed to describe and explain its answers."""

    def __init__(self, kind: Kind, model: TitleModel, titles: dict[str, str],
                 examples: dict[str, list[str]], memberships: dict[str, dict[str, list[Ref]]]):
        self.kind, self.model, self.titles = kind, model, titles
        self.examples, self.memberships = examples, memberships
        # Tuples of strings, not sets: the collector does not track them, so a server's collections never walk
        # these tens of thousands of titles (see web/server.py).
        self._example_words = {c: tuple((tuple(sorted(set(tx.normalise(t).split()))), t) for t in ts)
                               for c, ts in examples.items()}

    # -- building --------------------------------------------------------------------------------------
    @classmethod
    def build(cls, conn: sqlite3.Connection, kind: Kind) -> TextClassifier:
        imported = imported_kinds(conn)
        missing = [s for s in SOURCES[kind][:1] if s not in imported]
        if missing:
            raise StoreError(f"classifying {kind}s needs {', '.join(missing)} imported: "
                             "run `careerclusters data fetch`")
        return cls._build_occupations(conn) if kind == "occupation" else cls._build_programs(conn)

    @classmethod
    def _build_occupations(cls, conn: sqlite3.Connection) -> TextClassifier:
        titles = dict(q.occupation_titles(conn))
        examples: dict[str, list[str]] = {}
        calibrate: list[bool] = []
        texts: list[str] = []
        labels: list[str] = []
        for read, real in ((q.occupation_titles, False), (q.alternate_titles, True), (q.short_titles, True),
                           (q.reported_titles, True)):
            for code, title in read(conn):
                texts.append(title)
                labels.append(code)
                calibrate.append(real)
                examples.setdefault(code, []).append(title)
        # titles in Spanish (and any other language), never held out: the confidence is calibrated on real
        # English titles, and English results stay as they were
        for example in translated.occupation_examples(conn, set(titles)):
            texts.append(example.text)
            labels.append(example.code)
            calibrate.append(False)
            examples.setdefault(example.code, []).append(example.text)
        docs: dict[str, list[str]] = {
            c: [d] for c, d in q.occupation_descriptions(conn)}
        for code, task in q.occupation_tasks(conn):
            docs.setdefault(code, []).append(task)
        model = TitleModel().fit(texts, labels, [" ".join(v) for v in docs.values()], list(docs),
                                     calibrate=calibrate)
        fw = load_framework()
        memberships: dict[str, dict[str, list[Ref]]] = {}

        def add(code: str, key: str, node_id: str) -> None:
            refs = memberships.setdefault(code, {}).setdefault(key, [])
            if all(r.id != node_id for r in refs):
                refs.append(Ref(id=node_id, name=fw.node(node_id).name))

        for code, cluster, sub in q.occupation_memberships(conn):
            add(code, "clusters", cluster)
            add(code, "subclusters", sub)
        for code, pathway in q.occupation_pathways(conn):
            add(code, "pathways", pathway)
        return cls("occupation", model, titles, examples, memberships)

    @classmethod
    def _build_programs(cls, conn: sqlite3.Connection) -> TextClassifier:
        rows = [r for r in q.programs(conn) if program_names.offered(r[0])]
        titles = {r[0]: r[1] for r in rows}
        general = program_names.general_names(q.program_groups(conn), [(r[0], r[1]) for r in rows])
        examples: dict[str, list[str]] = {}
        texts: list[str] = []
        labels: list[str] = []
        calibrate: list[bool] = []  # the other names of a program (not its official title) may be held out
        for code, title, _definition, listed in rows:
            parts, names = program_names.title_names(code, title, listed)
            names += general.get(code, [])
            examples[code] = [title, *parts, *names]
            texts += [program_names.query_form(t) for t in examples[code]]
            labels += [code] * len(examples[code])
            # Confidence is fitted on names held out from training: the examples and the general programs' other
            # names, which read as schools name programs; not the pieces of the title, whose words stay in
            # training with the title itself and so would make the model look surer than it is.
            calibrate += [False] * (1 + len(parts)) + [True] * len(names)
        for example in translated.program_examples(set(titles)):  # names in Spanish (and any other language)
            examples[example.code].append(example.text)
            texts.append(program_names.query_form(example.text))  # as a query is read
            labels.append(example.code)
            calibrate.append(False)
        model = TitleModel(linear_share=0.0, holdout=PROGRAM_HOLDOUT).fit(
            texts, labels, [r[2] for r in rows], [r[0] for r in rows], calibrate=calibrate)
        fw = load_framework()
        memberships: dict[str, dict[str, list[Ref]]] = {}
        for code, cluster, sub in q.program_memberships(conn):
            entry = memberships.setdefault(code, {"clusters": [], "subclusters": []})
            for key, node_id in (("clusters", cluster), ("subclusters", sub)):
                if all(r.id != node_id for r in entry[key]):
                    entry[key].append(Ref(id=node_id, name=fw.node(node_id).name))
        return cls("program", model, titles, examples, memberships)

    # -- classifying -----------------------------------------------------------------------------------
    def classify(self, texts: Sequence[str], k: int = 5, explain: bool = True) -> list[list[Candidate]]:
        """The k best candidates for each text, best first. Empty text gets no candidates."""
        if self.kind == "program":  # names as schools write them, in the CIP titles' words
            texts = [program_names.query_form(t) for t in texts]
        codes, probs = self.model.predict_top_k(texts, k)
        confidence = self.model.confidence(probs[:, 0])
        results: list[list[Candidate]] = []
        for text, row_codes, row_probs, sure in zip(texts, codes, probs, confidence, strict=True):
            normalised = tx.normalise(text)
            if not normalised:
                results.append([])
                continue
            query = set(normalised.split()) if explain else set()
            results.append([self._candidate(code, float(p), float(sure) if i == 0 else float(p), query)
                            for i, (code, p) in enumerate(zip(row_codes, row_probs, strict=True))])
        return results

    def _candidate(self, code: str, probability: float, confidence: float, query: set[str]) -> Candidate:
        member = self.memberships.get(code, {})
        # Every field comes from the built classifier and is already of its type: constructing without
        # validation keeps batch coding about a third faster.
        return Candidate.model_construct(code=code, title=self.titles.get(code, code),
                                         soc=code[:7] if self.kind == "occupation" else None,
                                         clusters=member.get("clusters", []),
                                         subclusters=member.get("subclusters", []),
                                         pathways=member.get("pathways", []), probability=round(probability, 4),
                                         confidence=round(confidence, 4),
                                         evidence=self._evidence(code, query) if query else [])

    def _evidence(self, code: str, query: set[str], limit: int = 3) -> list[str]:
        """The class's example titles that share the most words with the query."""
        scored = [(len(query.intersection(words)) / len(words), title)
                  for words, title in self._example_words.get(code, ()) if not query.isdisjoint(words)]
        return [title for _, title in sorted(scored, key=lambda s: -s[0])[:limit]]


def _save(path: Path, stored_fingerprint: str, classifier: TextClassifier) -> None:
    """Cache a built classifier next to the store, atomically; where that folder is read-only (a server
    deployed so), the classifier is used without caching: build the cache at deploy time instead."""
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        os.close(handle)
        joblib.dump((stored_fingerprint, classifier), temp)
        os.replace(temp, path)
    except OSError:
        Path(temp).unlink(missing_ok=True)


def fingerprint(conn: sqlite3.Connection, kind: Kind) -> str:
    """What a built classifier depends on: the model version and the checksums of its source files."""
    rows = q.source_checksums(conn, SOURCES[kind])
    own = translated.bundled_digest()
    return hashlib.sha256(repr((MODEL_VERSION, kind, [tuple(r) for r in rows], own)).encode()).hexdigest()


def cache_path(db_path: Path, kind: Kind) -> Path:
    return db_path.with_name(f"{db_path.stem}.{kind}-classifier.joblib")


_loaded: dict[tuple[str, str], TextClassifier] = {}


def load_classifier(conn: sqlite3.Connection, kind: Kind = "occupation", db_path: Path | None = None
                    ) -> TextClassifier:
    """The classifier for the store's current data: from memory, from the disk cache, or built afresh."""
    key = (str(db_path), fingerprint(conn, kind))
    if key in _loaded:
        return _loaded[key]
    path = cache_path(db_path, kind) if db_path is not None and db_path.exists() else None
    classifier = None
    if path is not None and path.exists():
        try:
            stored_fingerprint, stored = joblib.load(path)
            if stored_fingerprint == key[1]:
                classifier = stored
        except Exception:  # a damaged or foreign cache file is rebuilt, never trusted
            classifier = None
    if classifier is None:
        classifier = TextClassifier.build(conn, kind)
        if path is not None:
            _save(path, key[1], classifier)
    _loaded[key] = classifier
    return classifier
