"""What a running server keeps between requests, as a capability sees it, and what it builds before the first.

A capability that is slow to build something every request needs (a classifier, the crosswalk relations, the
survey's reference data) asks for it through ``Shared``: ``once`` builds it on first use and keeps it for the
life of the process (or, given ``wait``, waits that long for a server's warm-up of the same name to build it and
then raises ``NotReadyError``, rather than make a request build it); ``cached`` keeps an answer until the
imported data changes. The server's request context
(``careerclusters.http.context``) is the implementation; capabilities see only this protocol, so they stay
below the HTTP layer and a test can hand them any object with these four members.

``warm_up`` is the registry a capability adds itself to: a server builds every registered item before its first
visitor could need it, and ``/readyz`` reports each by name. Most are built once, before the server forks its
workers, which then share them; those marked ``per_process`` (the classifiers, mapped from their cache files, and
on a first start built in a process of their own) are loaded by each worker in the background as it starts. A
warm-up's name is the ``once`` key of what it builds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

T = TypeVar("T")


class Shared(Protocol):
    """A store handle and two kinds of memory: for the process (``once``) and per data version (``cached``)."""

    db_path: Path

    @property
    def conn(self) -> sqlite3.Connection: ...

    def once(self, key: str, build: Callable[[], T], wait: float | None = None) -> T: ...

    def cached(self, key: tuple[str, ...], build: Callable[[], T]) -> T: ...


@dataclass(frozen=True)
class WarmUp:
    """One thing to build at start. ``needs`` names the source kind it is built from: such items are what
    ``/readyz`` waits for, and one whose source is not imported is reported as such. ``per_process``: each worker
    loads its own after the fork (see the module's docstring), rather than share the one built before it."""

    build: Callable[[Shared], object]
    needs: str | None = None
    per_process: bool = False


#: What the server builds before its first request, by name.
WARM_UPS: dict[str, WarmUp] = {}


def warm_up(name: str, needs: str | None = None, per_process: bool = False
            ) -> Callable[[Callable[[Shared], T]], Callable[[Shared], T]]:
    """Register ``build`` (a function of ``Shared``) to run at server start under ``name``."""

    def register(build: Callable[[Shared], T]) -> Callable[[Shared], T]:
        WARM_UPS[name] = WarmUp(build, needs, per_process)
        return build

    return register
