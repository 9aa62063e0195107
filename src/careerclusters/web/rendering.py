"""Rendering a page: the one template set (``templates/``) over the shared Jinja setup, the addresses of framework
nodes, and what a page is told about the store: whether the framework's crosswalks are there, and what of the
data it uses it cannot show. Pages are for visitors, so they never carry the operator's notes on importing data
(those are on ``/status`` and in ``careerclusters data status``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import FileSystemLoader

from careerclusters.base import languages as i18n
from careerclusters.base.commands import command
from careerclusters.base.templating import environment
from careerclusters.crosswalk import serving
from careerclusters.data.status import not_shown
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.http.context import Context
from careerclusters.reports import pdf
from careerclusters.store import StoreError

templates = Jinja2Templates(env=environment(FileSystemLoader(Path(__file__).with_name("templates"))))

AreaQuery = Annotated[str, Query(max_length=200, description="An area for local figures: OH, 'Columbus, OH'.")]
Lang = Annotated[i18n.Language, Query()]
URL_PREFIX = {Level.GROUPING: "/groupings", Level.CLUSTER: "/clusters", Level.SUBCLUSTER: "/subclusters",
              Level.PATHWAY: "/original/pathways"}


def node_url(node: Any) -> str:
    if node.edition is Edition.ORIGINAL and node.level is Level.CLUSTER:
        return f"/original/clusters/{node.id}"
    return f"{URL_PREFIX[node.level]}/{node.id}"


def ref_url(ref_id: str) -> str:
    return node_url(load_framework().node(ref_id))


def glossary_url(term: str) -> str:
    """The glossary's entry for ``term`` (``web.glossary``), in the language being rendered."""
    lang = i18n.current()
    return f"/glossary{'' if lang == i18n.SOURCE_LANGUAGE else f'?lang={lang}'}#{term}"


templates.env.globals.update(node_url=node_url, ref_url=ref_url, glossary_url=glossary_url, command=command,
                             pdf_unavailable=pdf.unavailable)


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
    return templates.TemplateResponse(request, template, values, status_code=status_code)
