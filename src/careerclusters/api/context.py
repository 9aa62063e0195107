"""What a running server shares between requests: the store (one read-only connection per thread), and
the transition map, crosswalk relations, classifiers and cluster contents, built once on first use.

Each shared object has its own lock, so a request for one never waits while another is being built
(the classifiers take seconds to load during warm-up; the transition map milliseconds).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from careerclusters.classifier import TextClassifier, load_classifier
from careerclusters.classifier.service import Kind
from careerclusters.framework import Level
from careerclusters.services import answers
from careerclusters.services.crosswalk import Crosswalk
from careerclusters.services.transition import TransitionMap
from careerclusters.store import StoreError, connect, status

T = TypeVar("T")
CONTENTS_CACHE = 256


class Explorer:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self._local = threading.local()
        self._built: dict[str, object] = {}
        self._locks: dict[str, threading.Lock] = {k: threading.Lock() for k in
                                                  ("transition", "crosswalk", "occupation", "program", "contents")}
        self._contents: OrderedDict[tuple[str, ...], answers.NodeContents] = OrderedDict()

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.db_path, readonly=True)
        return conn

    def imported(self) -> list[dict[str, object]]:
        return status(self.conn)

    def has(self, kind: str) -> bool:
        return any(entry["kind"] == kind for entry in self.imported())

    def _once(self, key: str, build: Callable[[], T]) -> T:
        with self._locks[key]:
            if key not in self._built:
                self._built[key] = build()
            return self._built[key]  # type: ignore[return-value]

    def transition(self) -> TransitionMap:
        return self._once("transition", lambda: TransitionMap(self.conn))

    def transition_or_none(self) -> TransitionMap | None:
        try:
            return self.transition()
        except StoreError:
            return None

    def crosswalk(self) -> Crosswalk:
        return self._once("crosswalk", lambda: Crosswalk(self.conn))

    def classifier(self, kind: Kind) -> TextClassifier:
        return self._once(kind, lambda: load_classifier(self.conn, kind, self.db_path))

    def contents(self, node_id: str, level: Level, sort: answers.SortKey) -> answers.NodeContents:
        """A cluster's or sub-cluster's contents, cached until the imported data changes."""
        version = "|".join(str(e["sha256"]) for e in self.imported())
        key = (version, node_id, level.value, sort)
        with self._locks["contents"]:
            if key in self._contents:
                self._contents.move_to_end(key)
                return self._contents[key]
        result = answers.contents(self.conn, node_id, level, sort)
        with self._locks["contents"]:
            self._contents[key] = result
            while len(self._contents) > CONTENTS_CACHE:
                self._contents.popitem(last=False)
        return result

    def warm(self) -> None:
        """Build what the first requests would otherwise wait for: the transition map and classifiers."""
        for build in (self.transition, self.crosswalk, lambda: self.classifier("occupation"),
                      lambda: self.classifier("program")):
            with contextlib.suppress(StoreError):  # not imported: requests needing it will say so
                build()
