"""The language of an answer: ``?lang=`` when the request gives one, else the first language of its
``Accept-Language`` header the project speaks, else English; and the headers that say which. (A page's language
is in its address instead: ``/es/…``, ``server/languages.py``.)

An answer that can change with ``Accept-Language`` says so with ``Vary: Accept-Language``, so a browser or a
proxy never hands one reader's language to another; the server's own page cache keys every kept answer on the
language this module negotiates (``server/page_cache.py``) for the same reason.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from careerclusters.base.languages import LANGUAGES, SOURCE_LANGUAGE, Language

#: Where a page route finds the language its address names (``server/languages.py`` puts it there).
SCOPE_KEY = "careerclusters.language"

def accepted(header: str | None) -> list[str]:
    """The primary language subtags of an ``Accept-Language`` header, most wanted first ("es-US,es;q=0.9,en;q=0.8"
    → es, es, en); a range with q=0 is refused, one with a malformed weight is read as q=1."""
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 1.0
        if tag and weight > 0:
            ranges.append((-weight, position, tag.strip().split("-")[0].lower()))
    return [tag for _weight, _position, tag in sorted(ranges)]


def negotiate(header: str | None) -> str:
    """The language to answer in for an ``Accept-Language`` header: the first it accepts that the project speaks,
    English for "*", for anything else and when there is no header."""
    return next((tag for tag in accepted(header) if tag in LANGUAGES), SOURCE_LANGUAGE)


async def requested_language(
    request: Request,
    lang: Annotated[Language | None, Query(description="The language of the answer (else the Accept-Language "
                                                       "header decides, else English).")] = None,
) -> str:
    """The request's language: its ``lang`` parameter, else its ``Accept-Language`` header."""
    return lang or negotiate(request.headers.get("accept-language"))


#: A route parameter that gives the request's language (documented as the ``lang`` query parameter).
RequestLanguage = Annotated[str, Depends(requested_language)]


def language_headers(lang: str) -> dict[str, str]:
    """The headers of an answer in ``lang`` that may vary with ``Accept-Language``."""
    return {"Content-Language": lang, "Vary": "Accept-Language"}
