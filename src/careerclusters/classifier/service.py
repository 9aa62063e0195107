"""Classifiers built from the store: occupations (O*NET-SOC) from O*NET's titles, descriptions and tasks,
and programs (CIP 2020) from NCES's titles, examples and definitions.

A built classifier is cached next to the store (``<store>.occupation-classifier.arrays``, see ``storage``)
with a fingerprint of the data it was built from, and rebuilt when an import changes that data. Loading it
maps the file: a few milliseconds, no scikit-learn, and every process that loads it shares one copy in
memory. Building takes about 40 s and 1 GB; one process at a time builds a given file (the others wait for
it and then map what it wrote), and a server has it built in a process of its own (``building``).
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel

from careerclusters.base.errors import UnavailableError
from careerclusters.classifier import storage, translated
from careerclusters.classifier import text as tx
from careerclusters.classifier.evidence import Examples
from careerclusters.classifier.model import TitleModel
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
    """A fitted ``TitleModel`` plus what is needed to describe and explain its answers: each class's title,
    its places in the framework (``memberships``: ``{"clusters": [[id, name], …], "subclusters": …}``) and its
    example titles."""

    def __init__(self, kind: Kind, model: TitleModel, titles: dict[str, str],
                 memberships: dict[str, dict[str, list[list[str]]]], examples: Examples):
        self.kind, self.model, self.titles = kind, model, titles
        self.memberships, self.examples = memberships, examples
        self._refs: dict[str, dict[str, list[Ref]]] = {}  # memberships as Refs, made when first asked for

    # -- building --------------------------------------------------------------------------------------
    @classmethod
    def build(cls, conn: sqlite3.Connection, kind: Kind) -> TextClassifier:
        check_sources(conn, kind)
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
        memberships: dict[str, dict[str, list[list[str]]]] = {}
        names = _node_names()

        def add(code: str, key: str, node_id: str) -> None:
            refs = memberships.setdefault(code, {}).setdefault(key, [])
            if all(r[0] != node_id for r in refs):
                refs.append([node_id, names(node_id)])

        for code, cluster, sub in q.occupation_memberships(conn):
            add(code, "clusters", cluster)
            add(code, "subclusters", sub)
        for code, pathway in q.occupation_pathways(conn):
            add(code, "pathways", pathway)
        return cls("occupation", model, titles, memberships, Examples.of(model.classes_, examples))

    @classmethod
    def _build_programs(cls, conn: sqlite3.Connection) -> TextClassifier:
        from careerclusters.classifier import program_names

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
        node_name = _node_names()
        memberships: dict[str, dict[str, list[list[str]]]] = {}
        for code, cluster, sub in q.program_memberships(conn):
            entry = memberships.setdefault(code, {"clusters": [], "subclusters": []})
            for key, node_id in (("clusters", cluster), ("subclusters", sub)):
                if all(r[0] != node_id for r in entry[key]):
                    entry[key].append([node_id, node_name(node_id)])
        return cls("program", model, titles, memberships, Examples.of(model.classes_, examples))

    # -- storing ---------------------------------------------------------------------------------------
    def arrays(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """The classifier as named arrays and a small description (see ``storage``)."""
        arrays, model = self.model.arrays()
        return arrays | self.examples.arrays("examples"), {
            "kind": self.kind, "model": model, "titles": self.titles, "memberships": self.memberships}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> TextClassifier:
        return cls(meta["kind"], TitleModel.from_arrays(arrays, meta["model"]), meta["titles"], meta["memberships"],
                   Examples.from_arrays(arrays, "examples"))

    # -- classifying -----------------------------------------------------------------------------------
    def classify(self, texts: Sequence[str], k: int = 5, explain: bool = True) -> list[list[Candidate]]:
        """The k best candidates for each text, best first. Empty text gets no candidates."""
        if self.kind == "program":  # names as schools write them, in the CIP titles' words
            from careerclusters.classifier import program_names  # how schools write program names

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
        member = self._member(code)
        # Every field comes from the built classifier and is already of its type: constructing without
        # validation keeps batch coding about a third faster.
        return Candidate.model_construct(code=code, title=self.titles.get(code, code),
                                         soc=code[:7] if self.kind == "occupation" else None,
                                         clusters=member.get("clusters", []),
                                         subclusters=member.get("subclusters", []),
                                         pathways=member.get("pathways", []), probability=round(probability, 4),
                                         confidence=round(confidence, 4),
                                         evidence=self._evidence(code, query) if query else [])

    def _member(self, code: str) -> dict[str, list[Ref]]:
        """The class's places in the framework as ``Ref`` lists, made once per class and shared by its answers."""
        found = self._refs.get(code)
        if found is None:
            found = self._refs[code] = {key: [Ref.model_construct(id=i, name=n) for i, n in refs]
                                        for key, refs in self.memberships.get(code, {}).items()}
        return found

    def _evidence(self, code: str, query: set[str], limit: int = 3) -> list[str]:
        """The class's example titles that share the most words with the query."""
        return self.examples.best(int(np.searchsorted(self.model.classes_, code)), query, limit)


def _node_names() -> Callable[[str], str]:
    """The framework's node names, by id (the framework loads only when a classifier is built)."""
    from careerclusters.framework import load_framework

    fw = load_framework()
    return lambda node_id: fw.node(node_id).name


def check_sources(conn: sqlite3.Connection, kind: Kind) -> None:
    """Refuse, naming what to import, when the store lacks the data a classifier is built from."""
    imported = imported_kinds(conn)
    missing = [s for s in SOURCES[kind][:1] if s not in imported]
    if missing:
        raise StoreError(f"classifying {kind}s needs {', '.join(missing)} imported: "
                         "run `careerclusters data fetch`")


def fingerprint(conn: sqlite3.Connection, kind: Kind) -> str:
    """What a built classifier depends on: the model version and the checksums of its source files."""
    rows = q.source_checksums(conn, SOURCES[kind])
    own = translated.bundled_digest()
    return hashlib.sha256(repr((MODEL_VERSION, kind, [tuple(r) for r in rows], own)).encode()).hexdigest()


def cache_path(db_path: Path, kind: Kind) -> Path:
    return db_path.with_name(f"{db_path.stem}.{kind}-classifier.arrays")


def save(path: Path, stored_fingerprint: str, classifier: TextClassifier) -> None:
    """Write a built classifier's cache file (atomically; ``OSError`` where the folder is read-only), and
    remove the pickle earlier versions cached beside it."""
    arrays, meta = classifier.arrays()
    storage.write(path, arrays, meta | {"fingerprint": stored_fingerprint})
    path.with_suffix(".joblib").unlink(missing_ok=True)


def read_cache(path: Path, stored_fingerprint: str) -> TextClassifier | None:
    """The classifier in the cache file at ``path`` if it is whole and built from this data, else None: a
    missing, damaged, foreign or stale file is rebuilt, never trusted."""
    try:
        arrays, meta = storage.read(path)
    except (OSError, storage.DamagedFile):
        return None
    if meta.get("fingerprint") != stored_fingerprint:
        return None
    try:
        return TextClassifier.from_arrays(arrays, meta)
    except (KeyError, TypeError, ValueError):  # a file of this format holding something else
        return None


@contextlib.contextmanager
def _one_builder(path: Path) -> Iterator[None]:
    """Held while a cache file is built: another process wanting the same file waits here, then reads it.
    ``OSError`` where the folder cannot be written."""
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): at worst two processes build the same file
        yield
        return
    with path.with_name(f".{path.name}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _build_in_child(db_path: Path, kind: Kind) -> None:
    """Build the cache file in a process of its own (``building``): the gigabyte fitting takes goes back to
    the system when it ends, and the caller's threads keep running meanwhile."""
    done = subprocess.run([sys.executable, "-m", "careerclusters.classifier.building", str(db_path), kind],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise UnavailableError(f"building the {kind} classifier failed: {last}")


_loaded: dict[tuple[str, str], TextClassifier] = {}


def load_classifier(conn: sqlite3.Connection, kind: Kind = "occupation", db_path: Path | None = None,
                    *, separately: bool = False) -> TextClassifier:
    """The classifier for the store's current data: from memory, from the cache file, or built afresh (and
    cached, where the store's folder can be written). ``separately`` builds in a child process, as a server
    does so that its workers keep serving pages meanwhile."""
    key = (str(db_path), fingerprint(conn, kind))
    if key in _loaded:
        return _loaded[key]
    path = cache_path(db_path, kind) if db_path is not None and db_path.exists() else None
    classifier = read_cache(path, key[1]) if path is not None else None
    if classifier is None:
        check_sources(conn, kind)
        classifier = _built(conn, kind, db_path, path, key[1], separately)
    _loaded[key] = classifier
    return classifier


def _built(conn: sqlite3.Connection, kind: Kind, db_path: Path | None, path: Path | None, stored_fingerprint: str,
           separately: bool) -> TextClassifier:
    """Build the classifier into its cache file and map that; where there is no cache file to write (a store
    in memory, or a folder deployed read-only), build it here and keep it in memory."""
    if db_path is not None and path is not None:
        with contextlib.suppress(OSError):
            with _one_builder(path):
                found = read_cache(path, stored_fingerprint)  # another process may have built it meanwhile
                if found is None:
                    if separately:
                        _build_in_child(db_path, kind)
                    else:
                        save(path, stored_fingerprint, TextClassifier.build(conn, kind))
                    found = read_cache(path, stored_fingerprint)
            if found is not None:
                return found
    return TextClassifier.build(conn, kind)
