"""What a running server shares between requests: the store (one read-only connection per thread), and
the transition map, crosswalk relations and classifiers, built once on first use, and recent answers.

Each shared object has its own lock, so a request for one never waits while another is being built
(the classifiers take seconds to load during warm-up; the transition map milliseconds).

``Explorer.compute`` is how the routes that cannot be kept (a search, one text to classify, a plan) do their
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

from careerclusters.classifier import TextClassifier, load_classifier
from careerclusters.classifier.service import SOURCES, Kind
from careerclusters.crosswalk import answers
from careerclusters.crosswalk.relations import Crosswalk
from careerclusters.crosswalk.transition import TransitionMap
from careerclusters.data import fetch
from careerclusters.framework import Level
from careerclusters.labor import market as labor_market
from careerclusters.labor.areas import Area, find_area, list_areas
from careerclusters.pos import catalogue as pos
from careerclusters.pos.checker import Checker
from careerclusters.pos.model import ProgramOfStudy
from careerclusters.sources import OfficialFile
from careerclusters.store import StoreError, connect, status
from careerclusters.survey.data import SurveyData

T = TypeVar("T")
ANSWER_CACHE = 512


class Explorer:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self._local = threading.local()
        self._built: dict[str, object] = {}
        self._locks: dict[str, threading.Lock] = {k: threading.Lock() for k in
                                                  ("transition", "crosswalk", "occupation", "program", "answers")}
        self._answers: OrderedDict[tuple[str, ...], object] = OrderedDict()
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
        return status(self.conn)

    def has(self, kind: str) -> bool:
        return any(entry["kind"] == kind for entry in self.imported())

    def missing(self) -> list[OfficialFile]:
        """The official data not imported yet, for pages to say what they lack and how to add it."""
        return fetch.missing(self.conn)

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

    def pos_checker(self) -> Checker:
        """The program-of-study checker with the default rules (its reference data is read once per data
        version, so a new import of codes or wages is what it checks against)."""
        return self._cached(("pos-checker",), lambda: Checker(self.conn))

    def program_of_study(self, program_id: str) -> ProgramOfStudy:
        """One imported program of study, read and parsed once per data version (a plan page asks for it on
        every change a learner makes). Shared between requests: read it, never change it."""
        return self._cached(("program-of-study", program_id), lambda: pos.get(self.conn, program_id).program)

    def classifier(self, kind: Kind) -> TextClassifier:
        return self._once(kind, lambda: load_classifier(self.conn, kind, self.db_path))

    def data_version(self) -> str:
        """What the imported data is, as one string: the checksums of the files in the store. Anything kept
        between requests is keyed by it, so an import into the store makes every kept answer stale. Asked
        on every request, it is read again only when SQLite says another connection has written to the file
        since (``PRAGMA data_version``, a counter that costs no table read)."""
        conn = self.conn
        written = conn.execute("PRAGMA data_version").fetchone()[0]
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

    def _cached(self, key: tuple[str, ...], build: Callable[[], T]) -> T:
        """An answer from the store, kept until the imported data changes (an LRU of recent answers)."""
        full_key = (self.data_version(), *key)
        with self._locks["answers"]:
            if full_key in self._answers:
                self._answers.move_to_end(full_key)
                return self._answers[full_key]  # type: ignore[return-value]
        result = build()
        with self._locks["answers"]:
            self._answers[full_key] = result
            while len(self._answers) > ANSWER_CACHE:
                self._answers.popitem(last=False)
        gc.freeze()  # a kept answer lives long: keep the collector from walking it on every full collection
        return result

    def contents(self, node_id: str, level: Level, sort: answers.SortKey) -> answers.NodeContents:
        return self._cached(("contents", node_id, level.value, sort),
                            lambda: answers.contents(self.conn, node_id, level, sort))

    def occupation(self, code: str) -> answers.Occupation:
        return self._cached(("occupation", code), lambda: answers.occupation(self.conn, code))

    def program(self, code: str) -> answers.ProgramProfile:
        return self._cached(("program", code), lambda: answers.program(self.conn, code))

    def readiness(self) -> dict[str, str]:
        """For ``/readyz``: whether the store can be read and each classifier it has data for is loaded."""
        try:
            kinds = {entry["kind"] for entry in self.imported()}
        except (sqlite3.Error, StoreError) as exc:
            return {"store": f"unreadable: {exc}"}
        checks = {"store": "ok"}
        for kind in ("occupation", "program"):
            loaded = kind in self._built
            checks[f"{kind} classifier"] = ("ok" if loaded else "loading" if SOURCES[kind][0] in kinds
                                            else "not imported")
        return checks

    def area_profiles(self, area: str) -> tuple[Area, list[labor_market.SubclusterInArea]]:
        """Every sub-cluster's profile in an area (the roll-up reads thousands of rows: kept per data version)."""
        code = find_area(self.conn, area).code
        return self._cached(("area", code), lambda: labor_market.subclusters_in_area(self.conn, code, top=10))

    def areas(self) -> list[Area]:
        """Every area with OEWS data (the pickers list them on many pages: read once per data version)."""
        return self._cached(("areas",), lambda: list_areas(self.conn))

    def national(self) -> answers.National:
        return self._cached(("national",), lambda: answers.national(self.conn))

    def charts(self, key: tuple[str, ...], build: Callable[[], T]) -> T:
        """Drawn charts (tens of milliseconds each), kept like answers until the imported data changes."""
        return self._cached(("charts", *key), build)

    def survey_data(self) -> SurveyData | None:
        """What the interest survey scores against (None without the data), built once per data version."""
        return self._cached(("survey-data",), lambda: SurveyData.load(self.conn))

    def warm(self) -> None:
        """Build what the first requests would otherwise wait for: the transition map, the classifiers and
        the program-of-study checker."""
        for build in (self.transition, self.crosswalk, lambda: self.classifier("occupation"),
                      lambda: self.classifier("program"), self.survey_data, self.pos_checker):
            with contextlib.suppress(StoreError, sqlite3.Error):  # not imported: requests needing it say so
                build()
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
