"""Caching headers, one way for the whole site: an ETag is the first 32 hex digits of the body's SHA-256, a
matching ``If-None-Match`` gets 304, and routes marked ``@shared`` are the ones whose answer is the same for
everyone (the server's page cache keeps them: ``server/page_cache.py``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import Response
from starlette.types import Scope

F = TypeVar("F", bound=Callable[..., Any])

MARK = "__careerclusters_shared__"


def shared(endpoint: F) -> F:
    """Mark a route whose answer depends only on its URL, the imported data and the request's language (the
    language ``http.languages`` negotiates from Accept-Language, which the page cache keys on too); put it under
    ``@router.get``. Pages built from what a person typed or answered are never marked, so nothing personal is
    kept."""
    setattr(endpoint, MARK, True)
    return endpoint


def is_shared(scope: Scope) -> bool:
    """Whether the route that answered this request was marked ``@shared`` (the router records the endpoint
    in the scope when it matches)."""
    return bool(getattr(scope.get("endpoint"), MARK, False))


def etag_of(body: bytes) -> str:
    """The ETag of a response body (quoted, as the header carries it)."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def cacheable(request: Request, body: bytes, media_type: str, headers: dict[str, str] | None = None) -> Response:
    """A response with an ETag of its content and a day's caching; a matching If-None-Match gets 304. ``headers``
    are added to both (``Content-Language`` and ``Vary`` of an answer in a language)."""
    etag = etag_of(body)
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400", **(headers or {})}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def cacheable_json(request: Request, data: Any, headers: dict[str, str] | None = None) -> Response:
    """Data that changes only with a release of the program (the framework) as cacheable JSON."""
    return cacheable(request, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(),
                     "application/json", headers)
