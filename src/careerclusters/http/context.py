"""What a running server shares between requests: the store (one read-only connection per thread), objects
built once (classifiers, crosswalk relations), and recent answers kept until the imported data changes.

Each kept object has its own lock, so a request for one never waits while another is being built (the
classifiers take seconds to load during warm-up; the transition map milliseconds). ``Context`` implements
``base.shared.Shared``: capabilities ask it for what they keep, and register what it builds at start.

``Context.compute`` is how the routes that cannot be kept (a search, one text to classify, a plan) do their
few milliseconds of work: on the event loop once warm-up is done, in the thread pool before.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from careerclusters.base.errors import UnavailableError
from careerclusters.base.shared import WARM_UPS
from careerclusters.store import StoreError, connect, data_version, status

T = TypeVar("T")
ANSWER_CACHE = 512


class Context:
    """The per-process state behind every request (``request.app.state.context``)."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self._local = threading.local()
        self._built: dict[str, object] = {}
        self._building: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        self._answers_lock = threading.Lock()
        self._answers: OrderedDict[tuple[str, ...], object] = OrderedDict()
        self._ready: set[str] = set()
        self.warmed = threading.Event()
        if hasattr(os, "register_at_fork"):  # a forked worker opens its own connections (SQLite's rule)
            forget = weakref.WeakMethod(self._forget_connections)
            os.register_at_fork(after_in_child=lambda: (method := forget()) and method())

    def _forget_connections(self) -> None:
        self._local = threading.local()

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.db_path, readonly=True)
        return conn

    def imported(self) -> list[dict[str, Any]]:
        """The store's imported files (``data status``)."""
        return status(self.conn)

    def has(self, kind: str) -> bool:
        return any(entry["kind"] == kind for entry in self.imported())

    def once(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` on first use, kept for the life of the process (one lock per key)."""
        with self._locks_lock:
            lock = self._building.setdefault(key, threading.Lock())
        with lock:
            if key not in self._built:
                self._built[key] = build()
            return self._built[key]  # type: ignore[return-value]

    def data_version(self) -> str:
        """What the imported data is, as one string: the checksums of the files in the store. Anything kept
        between requests is keyed by it, so an import into the store makes every kept answer stale. Asked
        on every request, it is read again only when SQLite says another connection has written to the file
        since (``store.data_version``, SQLite's counter that costs no table read)."""
        written = data_version(self.conn)
        known = getattr(self._local, "version", None)
        if known is None or known[0] != written:
            known = self._local.version = (written, "|".join(str(e["sha256"]) for e in self.imported()))
        return known[1]

    def data_version_or_none(self) -> str | None:
        """The data version, or None when the store cannot be read (nothing should be kept then)."""
        try:
            return self.data_version()
        except (sqlite3.Error, StoreError):
            return None

    def cached(self, key: tuple[str, ...], build: Callable[[], T]) -> T:
        """An answer from the store, kept until the imported data changes (an LRU of recent answers)."""
        full_key = (self.data_version(), *key)
        with self._answers_lock:
            if full_key in self._answers:
                self._answers.move_to_end(full_key)
                return self._answers[full_key]  # type: ignore[return-value]
        result = build()
        with self._answers_lock:
            self._answers[full_key] = result
            while len(self._answers) > ANSWER_CACHE:
                self._answers.popitem(last=False)
        gc.freeze()  # a kept answer lives long: keep the collector from walking it on every full collection
        return result

    def readiness(self) -> dict[str, str]:
        """For ``/readyz``: whether the store can be read and each slow warm-up (one built from a source
        kind, such as a classifier) is done, still loading, or has nothing to load."""
        try:
            kinds = {entry["kind"] for entry in self.imported()}
        except (sqlite3.Error, StoreError) as exc:
            return {"store": f"unreadable: {exc}"}
        checks = {"store": "ok"}
        for name, item in WARM_UPS.items():
            if item.needs is not None:
                checks[name] = "ok" if name in self._ready else "loading" if item.needs in kinds else "not imported"
        return checks

    def warm(self) -> None:
        """Build everything the capabilities registered (``base.shared.warm_up``), so the first requests do not
        wait for it; what the store lacks the data for is left for requests to report."""
        for name, item in WARM_UPS.items():
            with contextlib.suppress(StoreError, UnavailableError, sqlite3.Error):
                item.build(self)
                self._ready.add(name)
        self.warmed.set()

    async def compute(self, work: Callable[[], T]) -> T:
        """Do a request's work on the event loop once warm-up is done, and in the thread pool before.

        Why: the work is a few milliseconds of Python on objects already in memory (classifying one text,
        drawing a plan). In a thread it holds the GIL against the event loop, which meanwhile answers
        other requests from the page cache, and under load each side waits for the other's switch interval:
        at 8 clients a search took twice its own time, and these routes made the 99th percentile of all
        answers (``scripts/bench web``: 47–56 ms in a thread, 28–39 ms on the loop). Before warm-up is done
        the same work may first load a classifier (seconds), which must not stop the loop: a thread does it."""
        if self.warmed.is_set():
            return work()
        return await run_in_threadpool(work)
