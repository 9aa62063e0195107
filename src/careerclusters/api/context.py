"""What a running server shares between requests: the store (one read-only connection per thread), and
the transition map and classifiers, built once on first use."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from careerclusters.classifier import TextClassifier, load_classifier
from careerclusters.classifier.service import Kind
from careerclusters.services.crosswalk import Crosswalk
from careerclusters.services.transition import TransitionMap
from careerclusters.store import StoreError, connect, status


class Explorer:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._transition: TransitionMap | None = None
        self._crosswalk: Crosswalk | None = None
        self._classifiers: dict[str, TextClassifier] = {}

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

    def transition(self) -> TransitionMap:
        with self._lock:
            if self._transition is None:
                self._transition = TransitionMap(self.conn)
            return self._transition

    def crosswalk(self) -> Crosswalk:
        with self._lock:
            if self._crosswalk is None:
                self._crosswalk = Crosswalk(self.conn)
            return self._crosswalk

    def transition_or_none(self) -> TransitionMap | None:
        try:
            return self.transition()
        except StoreError:
            return None

    def warm(self) -> None:
        """Build what the first requests would otherwise wait for: the transition map and classifiers."""
        for build in (self.transition, self.crosswalk, lambda: self.classifier("occupation"),
                      lambda: self.classifier("program")):
            with contextlib.suppress(StoreError):  # not imported: requests needing it will say so
                build()

    def classifier(self, kind: Kind) -> TextClassifier:
        with self._lock:
            if kind not in self._classifiers:
                self._classifiers[kind] = load_classifier(self.conn, kind, self.db_path)
            return self._classifiers[kind]
