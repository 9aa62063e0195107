"""Request limits a public server needs, answered with a clear status and message.

The body size (413) is checked against Content-Length before the app runs at all, and counted while a
body without one streams in; the whole query string (414) before the app runs. The number of texts per
classify request is checked by its route (422), the length of each parameter by its declared
``max_length`` (422).
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


async def _refuse(send: Send, status: int, kind: str, message: str) -> None:
    body = json.dumps({"error": {"status": status, "type": kind, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware answering 413 to a request body larger than ``max_bytes``: at once when its
    Content-Length says so, else as soon as the streamed body passes the limit (the app's error handler
    then answers, as for any HTTP error)."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    def _message(self) -> str:
        return f"the request body is larger than {self.max_bytes} bytes (CAREERCLUSTERS_MAX_BODY_BYTES)"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _refuse(send, 413, "PayloadTooLarge", self._message())
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)


class QueryLimit:
    """ASGI middleware answering 414 to a query string longer than ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and len(scope.get("query_string", b"")) > self.max_bytes:
            await _refuse(send, 414, "URITooLong",
                          f"the query string is longer than {self.max_bytes} bytes (CAREERCLUSTERS_MAX_QUERY_BYTES)")
            return
        await self.app(scope, receive, send)
