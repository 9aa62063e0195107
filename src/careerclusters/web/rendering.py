"""Rendering a page: the one template set (``templates/``) over the shared Jinja setup, the addresses of framework
nodes, and what every page is told about the store (whether its data is imported, what is missing)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import FileSystemLoader

from careerclusters.base import languages as i18n
from careerclusters.base.templating import environment
from careerclusters.data.fetch import missing
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.http.context import Context

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


templates.env.globals.update(node_url=node_url, ref_url=ref_url, glossary_url=glossary_url)


def context(request: Request) -> Context:
    """The process's request context (``http.context``)."""
    return request.app.state.context


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    lacking = missing(context(request).conn)  # one read of the store's sources answers both
    values.setdefault("has_data", all(official.kind != "advance-cte-soc" for official in lacking))
    values.setdefault("missing", [official.what for official in lacking])
    return templates.TemplateResponse(request, template, values, status_code=status_code)
