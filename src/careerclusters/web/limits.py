"""Request limits a public server needs, answered with a clear status and message.

The body size is FastAPI's own ``max_body_size`` (413, checked against Content-Length before the body is
read, and counted while a body without one streams in); the number of texts per classify request is
checked by its route (422); the length of each parameter by its declared ``max_length`` (422). This
module adds the cap on the whole query string (414), which no single parameter's limit covers.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send


class QueryLimit:
    """ASGI middleware answering 414 to a query string longer than ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and len(scope.get("query_string", b"")) > self.max_bytes:
            body = json.dumps({"error": {"status": 414, "type": "URITooLong", "message": (
                f"the query string is longer than {self.max_bytes} bytes (CAREERCLUSTERS_MAX_QUERY_BYTES)")}}).encode()
            await send({"type": "http.response.start", "status": 414,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)
