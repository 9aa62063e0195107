"""Rendering a page: the one template set (``templates/``) over the shared Jinja setup, the addresses of framework
nodes, and what a page is told about the store: whether the framework's crosswalks are there, and what of the
data it uses it cannot show. Pages are for visitors, so they never carry the operator's notes on importing data
(those are on ``/status`` and in ``careerclusters data status``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import FileSystemLoader

from careerclusters.base import languages as i18n
from careerclusters.base.commands import command
from careerclusters.base.languages import url
from careerclusters.base.templating import environment
from careerclusters.crosswalk import serving
from careerclusters.data.status import not_shown
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.http.context import Context
from careerclusters.http.languages import SCOPE_KEY as LANGUAGE_KEY
from careerclusters.http.languages import negotiate
from careerclusters.reports import pdf, words
from careerclusters.store import StoreError

templates = Jinja2Templates(env=environment(FileSystemLoader(Path(__file__).with_name("templates"))))
words.install(templates.env)

AreaQuery = Annotated[str, Query(max_length=200, description="An area for local figures: OH, 'Columbus, OH'.")]


def page_language(request: Request) -> str:
    """The language of the page asked for: the address names it (``/es/…``; ``server.languages`` takes it off the
    path before the routes see it), else the source language."""
    return request.scope.get(LANGUAGE_KEY, i18n.SOURCE_LANGUAGE)


#: A page route's language, from its address.
Lang = Annotated[str, Depends(page_language)]
URL_PREFIX = {Level.GROUPING: "/groupings", Level.CLUSTER: "/clusters", Level.SUBCLUSTER: "/subclusters",
              Level.PATHWAY: "/original/pathways"}


def node_url(node: Any) -> str:
    if node.edition is Edition.ORIGINAL and node.level is Level.CLUSTER:
        return url(f"/original/clusters/{node.id}")
    return url(f"{URL_PREFIX[node.level]}/{node.id}")


def ref_url(ref_id: str) -> str:
    return node_url(load_framework().node(ref_id))


def glossary_url(term: str) -> str:
    """The glossary's entry for ``term`` (``web.glossary``), in the language being rendered."""
    return url("/glossary") + f"#{term}"


def alternates(request: Request) -> dict[str, str]:
    """This page's address in every language the site speaks, with its query (the survey's answers, a plan's
    choices, an area): the language switch and the ``hreflang`` links."""
    query = request.url.query
    return {lang: url(request.url.path, lang) + (f"?{query}" if query else "") for lang in i18n.LANGUAGES}


def in_own_words(lang: str) -> dict[str, str]:
    """What the switch and the suggestion say, in ``lang`` itself (each catalogue names its own language), so
    that a reader finds their language even on a page they cannot read."""
    with i18n.language(lang):
        # The switch to the catalogue's own language ("En español"), and the suggestion to read a page in it.
        return {"name": i18n.gettext("In English"), "suggestion": i18n.gettext("View this page in English")}


def translated_by() -> str:
    """Who wrote the translation of the page being rendered (the project, not the framework's steward or the
    publishers), in its own words: the framework translation's ``translator`` line."""
    return load_framework().translation(i18n.current()).translator or ""


def suggested_language(request: Request) -> str | None:
    """The language to suggest to a visitor of an English page whose browser prefers another one the site
    speaks (``Accept-Language``), else None. A suggestion, not a redirect: the reader chooses."""
    if page_language(request) != i18n.SOURCE_LANGUAGE:
        return None
    preferred = negotiate(request.headers.get("accept-language"))
    return None if preferred == i18n.SOURCE_LANGUAGE else preferred


templates.env.globals.update(node_url=node_url, ref_url=ref_url, glossary_url=glossary_url,
                             command=command, pdf_unavailable=pdf.unavailable, in_own_words=in_own_words,
                             translated_by=translated_by)


def context(request: Request) -> Context:
    """The process's request context (``http.context``)."""
    return request.app.state.context


def render(request: Request, template: str, status_code: int = 200, needs: tuple[str, ...] = (),
           **values: Any) -> HTMLResponse:
    """``template`` with ``values``. ``needs``: the kinds of official data the page shows; those the store lacks
    are named on the page as what it cannot show (``not_shown``)."""
    try:
        available = serving.available(context(request))  # kept per data version
    except StoreError:  # an unreadable store: the page (an error page, most likely) says so itself
        available = set()
    values.setdefault("has_data", "advance-cte-soc" in available)
    values.setdefault("not_shown", not_shown(available, needs))
    lang = page_language(request)
    if lang != i18n.SOURCE_LANGUAGE and "advance-cte-soc" in available:
        ctx = context(request)  # the titles are kept per data version: an import may bring an official list
        values[words.TITLES] = ctx.cached(("occupation-titles", lang), lambda: words.occupation_titles(ctx.conn, lang))
    values.update(lang=lang, alternates=alternates(request), suggested=suggested_language(request))
    with i18n.language(lang):
        return templates.TemplateResponse(request, template, values, status_code=status_code)
