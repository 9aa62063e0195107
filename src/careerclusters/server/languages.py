"""The language of a page is part of its address: ``/es/clusters/health-science`` is the Spanish page of
``/clusters/health-science``, so every page can be linked, kept by a cache and indexed in each language.

One ASGI layer does it for every route, present and future: it takes a leading ``/es`` off the path and makes
Spanish the language of the request (``base.languages.current()`` inside the request, and
``scope["careerclusters.language"]`` for a route's ``Lang`` parameter), so the routes are written once, without
a language in their paths. The older ``?lang=es`` addresses of pages answer 301 with the ``/es/…`` address (the
other parameters kept), so bookmarks and printed links keep working; the API keeps ``?lang=`` and
``Accept-Language`` (``http.languages``), since a program, not a reader, asks it.

An English page can depend on ``Accept-Language``: it suggests the Spanish page to a browser that prefers Spanish
(``web/templates/base.html``), so its answer carries ``Vary: Accept-Language`` (and the page cache keys on the
negotiated language: ``page_cache.py``).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careerclusters.base import languages as i18n
from careerclusters.base.languages import language_path, split_language
from careerclusters.http.languages import SCOPE_KEY


def _is_page(path: str) -> bool:
    return not (path.startswith(("/api/", "/static/")) or path in ("/openapi.json", "/healthz", "/readyz",
                                                                     "/metrics"))


class LanguageInPath:
    """ASGI middleware: serve ``/es/…`` as the page ``/…`` in Spanish; send ``?lang=`` page addresses to their
    ``/es/…`` (or plain) address with 301."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang, path = split_language(scope["path"])
        if _is_page(path) and scope["method"] in ("GET", "HEAD"):
            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            asked = [value for key, value in query if key == "lang"]
            if asked:
                await _moved(send, asked[-1] if asked[-1] in i18n.LANGUAGES else lang, path,
                             [(key, value) for key, value in query if key != "lang"])
                return
        # Changed in place: the page cache outside reads the route the router records in this same scope.
        if lang != i18n.SOURCE_LANGUAGE:
            raw = scope.get("raw_path") or scope["path"].encode()
            scope["path"] = path
            scope["raw_path"] = raw[len(lang) + 1:] or b"/"  # as the client sent it, percent-escapes kept
        scope[SCOPE_KEY] = lang
        with i18n.language(lang):
            await self.app(scope, receive, _varying(send) if lang == i18n.SOURCE_LANGUAGE and _is_page(path)
                           else send)


async def _moved(send: Send, lang: str, path: str, query: list[tuple[str, str]]) -> None:
    location = language_path(lang, path) + (f"?{urlencode(query)}" if query else "")
    await send({"type": "http.response.start", "status": 301,
                "headers": [(b"location", location.encode()), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})


def _varying(send: Send) -> Send:
    """``send`` adding ``Vary: Accept-Language`` to an English page (its suggestion of the Spanish page depends
    on it), beside any ``Vary`` the route gave."""

    async def varying(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            vary = [value for key, value in headers if key.lower() == b"vary"]
            if not any(b"accept-language" in value.lower() for value in vary):
                headers.append((b"vary", b"Accept-Language"))
            message = {**message, "headers": headers}
        await send(message)

    return varying
