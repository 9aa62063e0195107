"""Each worker keeps the pages and API answers that are the same for everyone, ready to send again.

Most of the site is a pure function of the imported data: a sub-cluster page, an occupation's wages, an
area's ranking. Rendering one costs 5-25 ms of CPU (the templates, the charts' markup); sending a kept copy
costs a fraction of a millisecond, which is what keeps the tail short when many requests arrive at once.

Only routes marked ``@shared`` (``http/caching.py``) are kept: they hold reference data and nothing a person
typed or answered. Pages built from a person's answers (the survey's results, a plan, an uploaded report),
free-text search and classification are never kept, so nothing personal stays in the server's memory. A kept
response is sent with ``Cache-Control: public`` and an ``ETag`` (a matching ``If-None-Match`` gets 304), so a reverse
proxy in front can keep it too, and it is keyed by the imported data's version: importing new data into
the store makes every kept copy stale at once. A copy is also keyed by the language the request's
``Accept-Language`` asks for (as ``http.languages`` negotiates it, so "es-MX,es;q=0.9" and "es" share one copy):
an answer in Spanish is never sent to a reader who asked for English. A route whose answer does not change with
the language is kept at most once per language the project speaks. The memory each worker spends is bounded
(least recently used copies go first) and set by ``CAREERCLUSTERS_PAGE_CACHE_MB``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careerclusters.http.caching import etag_of, is_shared
from careerclusters.http.languages import negotiate

#: How long a browser or proxy may reuse a shared response without asking again.
MAX_AGE = 3600
#: The largest single response kept (a bigger one is sent but not kept).
LARGEST_SHARE = 8


@dataclass(frozen=True)
class Kept:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class LruBytes:
    """Responses by key, least recently used first out once their bodies pass ``budget`` bytes."""

    def __init__(self, budget: int):
        self.budget = budget
        self.size = 0
        self._items: OrderedDict[tuple[str, ...], Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Kept | None:
        with self._lock:
            kept = self._items.get(key)
            if kept is not None:
                self._items.move_to_end(key)
            return kept

    def put(self, key: tuple[str, ...], kept: Kept) -> None:
        if len(kept.body) * LARGEST_SHARE > self.budget:
            return
        with self._lock:
            previous = self._items.pop(key, None)
            self.size -= len(previous.body) if previous else 0
            self._items[key] = kept
            self.size += len(kept.body)
            while self.size > self.budget:
                _, evicted = self._items.popitem(last=False)
                self.size -= len(evicted.body)

    def __len__(self) -> int:
        return len(self._items)


#: The headers a 304 carries from the kept answer: what a cache needs to reuse its own copy for the right readers.
_REVALIDATED = (b"etag", b"cache-control", b"vary", b"content-language")


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((value for key, value in headers if key.lower() == name), None)


class ResponseCache:
    """ASGI middleware: answer a GET for a shared route from the kept copy, or keep the fresh answer."""

    def __init__(self, app: ASGIApp, version: Callable[[], str | None], budget_bytes: int):
        """``version`` names the data that answers are made from (None: unknown, keep nothing)."""
        self.app, self.version = app, version
        self.kept = LruBytes(budget_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        version = self.version() if scope["type"] == "http" and scope["method"] == "GET" else None
        if version is None:
            await self.app(scope, receive, send)
            return
        language = negotiate(dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1"))
        key = (version, scope["path"], scope.get("query_string", b"").decode("latin-1"), language)
        kept = self.kept.get(key)
        if kept is not None:
            await self._send_kept(scope, kept, send, b"hit")
            return
        await self._answer_and_keep(scope, receive, send, key)

    @staticmethod
    async def _send_kept(scope: Scope, kept: Kept, send: Send, outcome: bytes) -> None:
        asked = dict(scope["headers"]).get(b"if-none-match", b"")
        if kept.etag in asked:
            headers = [(k, v) for k, v in kept.headers if k in _REVALIDATED]
            await send({"type": "http.response.start", "status": 304, "headers": [*headers, (b"x-cache", outcome)]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": kept.status,
                    "headers": [*kept.headers, (b"x-cache", outcome)]})
        await send({"type": "http.response.body", "body": kept.body})

    async def _answer_and_keep(self, scope: Scope, receive: Receive, send: Send, key: tuple[str, ...]) -> None:
        """Pass the app's answer on; a shared route's 200 is held until its body is complete, then kept and
        sent like a kept copy (with its ETag, so even the first answer can be revalidated)."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start" and message["status"] == 200 and is_shared(scope):
                start = message
                return
            if start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    kept = _kept(start, b"".join(chunks))
                    self.kept.put(key, kept)
                    await self._send_kept(scope, kept, send, b"miss")
                return
            await send(message)

        await self.app(scope, receive, capture)


def _kept(start: Message, body: bytes) -> Kept:
    """A shared route's answer as kept: with an ETag of its body and, unless the route said otherwise, a
    ``Cache-Control`` that lets browsers and proxies keep it too."""
    headers = list(start.get("headers", []))
    etag = _header(headers, b"etag")
    if etag is None:
        etag = etag_of(body).encode()
        headers.append((b"etag", etag))
    if _header(headers, b"cache-control") is None:
        headers.append((b"cache-control", f"public, max-age={MAX_AGE}".encode()))
    return Kept(start["status"], headers, body, etag)
