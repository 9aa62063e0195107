"""What a running server shares between requests: the store (one read-only connection per thread), objects
built once (classifiers, crosswalk relations), and recent answers kept until the imported data changes.

Each kept object has its own lock, so a request for one never waits while another is being built. Each
server process warms up in a background thread as it starts (``start_warming``), serving pages meanwhile: the
classifiers map their cache files in milliseconds, but on a first start, or after an import, they are built
(about a minute); a request that needs one waits briefly for it and is then answered 503 with Retry-After
(``once(…, wait=…)``). ``Context`` implements ``base.shared.Shared``: capabilities ask it for what they keep,
and register what it builds at start.

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

from careerclusters.base.errors import NotReadyError, UnavailableError
from careerclusters.base.shared import WARM_UPS, WarmUp
from careerclusters.store import StoreError, connect, data_version, status

T = TypeVar("T")
ANSWER_CACHE = 512
#: The Retry-After (seconds) of an answer that needs what is still loading.
RETRY_AFTER = 10


def _slow_first(entry: tuple[str, WarmUp]) -> bool:
    return entry[1].needs is None


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
        self._failed: dict[str, str] = {}
        #: Warm-ups whose data the store lacks (an O*NET import older than the tables it needs), with why.
        self._lacking: dict[str, str] = {}
        #: Warm-ups started in the background and not finished yet, by name (see ``once``).
        self._pending: dict[str, threading.Event] = {}
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

    def once(self, key: str, build: Callable[[], T], wait: float | None = None) -> T:
        """``build()`` on first use, kept for the life of the process (one lock per key). With ``wait``, while
        the warm-up of this name is still running in the background, wait at most that many seconds for it and
        then raise ``NotReadyError``: a request never builds what the warm-up is building."""
        pending = self._pending.get(key) if wait is not None else None
        if pending is not None and not pending.wait(wait):
            raise NotReadyError(f"the {key} is still loading (after an import it is built once, in about a "
                                "minute); try again shortly", retry_after=RETRY_AFTER)
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
        # A kept answer lives long: keep the collector from walking it on every full collection. Collect first, so
        # that garbage still waiting for the collector (a drawn chart's figure, a rendered page) is freed, not
        # frozen with it for the life of the process; only what was made since the last freeze is walked.
        gc.collect()
        gc.freeze()
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
            if item.needs is None:
                continue
            if name in self._ready:
                checks[name] = "ok"
            elif name in self._failed:
                checks[name] = f"failed: {self._failed[name]}"
            elif name in self._lacking:
                checks[name] = "not imported"
            else:
                checks[name] = "loading" if item.needs in kinds else "not imported"
        return checks

    def start_warming(self, then: Callable[[], None] = lambda: None) -> threading.Thread:
        """Warm up in a background thread (then call ``then``); requests that need a warm-up's result wait for
        it from now on (``once`` with ``wait``)."""
        self._pending = {name: threading.Event() for name in WARM_UPS}
        thread = threading.Thread(target=lambda: (self.warm(), then()), name="warm-up", daemon=True)
        thread.start()
        return thread

    def hold(self) -> None:
        """Serve as a stand-in while the server's workers are being prepared (``server.server``): load no
        classifier here; a request that needs one waits briefly, then is answered 503 with Retry-After (``once``
        with ``wait``), and ``/readyz`` says not ready yet."""
        self._pending = {name: threading.Event() for name, item in WARM_UPS.items() if item.per_process}

    def warm(self, per_process: bool = True) -> None:
        """Build everything the capabilities registered (``base.shared.warm_up``), so the first requests do not
        wait for it: first what is built from the data (the classifiers: milliseconds from their cache files,
        so searches are soon ready), then the rest; without ``per_process``, only what a server builds once
        before it forks its workers, for them to share (what is built already is only marked ready again).
        What the store lacks the data for is left for requests to report."""
        for name, item in sorted(WARM_UPS.items(), key=_slow_first):
            if item.per_process and not per_process:
                continue
            try:
                item.build(self)
                self._ready.add(name)
            except (StoreError, sqlite3.Error) as exc:  # the store lacks its data: requests say so; nothing to wait for
                self._lacking[name] = str(exc)
            except UnavailableError as exc:
                self._failed[name] = str(exc)
            finally:
                with contextlib.suppress(KeyError):
                    self._pending.pop(name).set()
        if per_process:
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
