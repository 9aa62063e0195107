"""``/api/v1`` for the framework itself: groupings, clusters, sub-clusters, original pathways, the Career Ready
Practices and the whole framework as JSON, CSV or SKOS, in English or another language the framework is
translated into: ``?lang=es``, else the ``Accept-Language`` header (``http.languages``); each answer says its
``Content-Language`` and ``Vary: Accept-Language``.

These change only with a release of the program, so they are served as pre-encoded JSON with ETags and a
day's caching (``http.caching``); FastAPI does not re-validate such answers, so
``tests/interfaces/test_api_fuzz.py`` checks the live answers against the models declared here, which make
``/openapi.json`` document them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from careerclusters.api import labor
from careerclusters.api.labor import AreaQuery
from careerclusters.api.paging import Limit, Offset, page
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.framework.export import node_dict, to_csv, to_json_document
from careerclusters.framework.model import PracticeList
from careerclusters.http.caching import cacheable, cacheable_json, shared
from careerclusters.http.deps import Ctx
from careerclusters.http.languages import RequestLanguage, language_headers

router = APIRouter(prefix="/api/v1", tags=["framework"])


class NodeSummary(BaseModel):
    """A framework node as the list resources give it (``framework.export.node_dict`` without children)."""

    id: str
    level: str
    name: str
    code: str | None
    aliases: list[str]
    definition: str
    naics: list[str] | None = None  # modern clusters only
    cross_cutting: bool | None = None  # modern clusters only


class NodeListItem(NodeSummary):
    parent_id: str | None


class NodePage(BaseModel):
    items: list[NodeListItem]
    total: int
    limit: int
    offset: int


class NodeDetail(NodeSummary):
    edition: str
    parent: NodeSummary | None
    children: list[NodeSummary]


class TreeNode(NodeSummary):
    children: list[TreeNode] = []


class EditionDocument(BaseModel):
    edition: str
    counts: dict[str, int]
    tree: list[TreeNode]
    career_ready_practices: list[PracticeList]


class FrameworkDocument(BaseModel):
    """``/framework/export?format=json``; CSV and SKOS come as text. ``translator`` says who translated the
    names and definitions (none in English, the steward's own words)."""

    framework: str
    language: str
    translator: str | None
    editions: list[EditionDocument]


class SubclusterWithArea(NodeDetail):
    """A sub-cluster; with ``area=``, ``in_area`` holds its profile and top occupations in that area."""

    in_area: labor.AreaSubcluster | None = None


def _with_area(ctx: Ctx, node: dict[str, Any], area: str) -> SubclusterWithArea:
    """The framework node (as ``_node`` gives it) with the area's profile."""
    return SubclusterWithArea(**node, in_area=labor.subcluster_in_area(ctx, node["id"], area))


class EditionName(StrEnum):
    modern = "modern"
    original = "original"


def _node(node_id: str, edition: Edition, level: Level, lang: str) -> dict[str, Any]:
    fw = load_framework()
    node = fw.get(node_id, edition=edition, level=level)
    parent = fw.parent(node)
    return node_dict(fw, node, nested=False, lang=lang) | {
        "edition": node.edition.value,
        "parent": node_dict(fw, parent, nested=False, lang=lang) if parent else None,
        "children": [node_dict(fw, c, nested=False, lang=lang) for c in fw.children(node)],
    }


def _nodes(edition: Edition, level: Level, parent: str | None, lang: str) -> list[dict[str, Any]]:
    fw = load_framework()
    parent_id = fw.get(parent, edition=edition).id if parent else None
    return [node_dict(fw, n, nested=False, lang=lang) | {"parent_id": n.parent_id}
            for n in fw.nodes(edition, level) if parent_id is None or n.parent_id == parent_id]


def _answer(request: Request, data: Any, lang: str) -> Response:
    """Cacheable JSON in ``lang``, saying its language and that it varies with Accept-Language."""
    return cacheable_json(request, data, language_headers(lang))


@router.get("/groupings", response_model=NodePage,
            summary="The six cluster groupings (modern edition)")
@shared
def groupings(request: Request, lang: RequestLanguage, limit: Limit = 50, offset: Offset = 0) -> Response:
    return _answer(request, page(_nodes(Edition.MODERN, Level.GROUPING, None, lang), limit, offset), lang)


@router.get("/groupings/{grouping_id}", response_model=NodeDetail,
            summary="One grouping with its clusters")
@shared
def grouping(request: Request, grouping_id: str, lang: RequestLanguage) -> Response:
    return _answer(request, _node(grouping_id, Edition.MODERN, Level.GROUPING, lang), lang)


@router.get("/clusters", response_model=NodePage,
            summary="Career clusters of either edition")
@shared
def clusters(request: Request, edition: EditionName = EditionName.modern,
             grouping: Annotated[str | None, Query(max_length=200)] = None,
             limit: Limit = 50, offset: Offset = 0, *, lang: RequestLanguage) -> Response:
    return _answer(request, page(_nodes(Edition(edition.value), Level.CLUSTER, grouping, lang), limit, offset), lang)


@router.get("/clusters/{cluster_id}", response_model=NodeDetail,
            summary="One cluster (id, code or name)")
@shared
def cluster(request: Request, cluster_id: str, lang: RequestLanguage,
            edition: EditionName = EditionName.modern) -> Response:
    return _answer(request, _node(cluster_id, Edition(edition.value), Level.CLUSTER, lang), lang)


@router.get("/subclusters", response_model=NodePage,
            summary="The 72 sub-clusters")
@shared
def subclusters(request: Request, lang: RequestLanguage, cluster: Annotated[str | None, Query(max_length=200)] = None,
                limit: Limit = 100, offset: Offset = 0) -> Response:
    return _answer(request, page(_nodes(Edition.MODERN, Level.SUBCLUSTER, cluster, lang), limit, offset), lang)


@router.get("/subclusters/{subcluster_id}", response_model=SubclusterWithArea,
            summary="One sub-cluster (with area=, its profile in that area)")
@shared
def subcluster(request: Request, response: Response, ctx: Ctx, subcluster_id: str, lang: RequestLanguage,
               area: AreaQuery = None) -> Response | BaseModel:
    node = _node(subcluster_id, Edition.MODERN, Level.SUBCLUSTER, lang)
    if not area:
        return _answer(request, node, lang)
    response.headers.update(language_headers(lang))  # the node in the language; the area's figures are numbers
    return _with_area(ctx, node, area)


@router.get("/pathways", response_model=NodePage,
            summary="The 79 pathways of the original edition")
@shared
def pathways(request: Request, lang: RequestLanguage, cluster: Annotated[str | None, Query(max_length=200)] = None,
             limit: Limit = 100, offset: Offset = 0) -> Response:
    return _answer(request, page(_nodes(Edition.ORIGINAL, Level.PATHWAY, cluster, lang), limit, offset), lang)


@router.get("/pathways/{pathway_id}", response_model=NodeDetail,
            summary="One original pathway")
@shared
def pathway(request: Request, pathway_id: str, lang: RequestLanguage) -> Response:
    return _answer(request, _node(pathway_id, Edition.ORIGINAL, Level.PATHWAY, lang), lang)


@router.get("/practices", response_model=list[PracticeList],
            summary="Career Ready Practices, each list labelled with its edition")
@shared
def practices(request: Request, lang: RequestLanguage) -> Response:
    return _answer(request, [p.model_dump(mode="json") for p in load_framework().translation(lang).practices], lang)


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    skos = "skos"


@router.get("/framework/export", response_model=FrameworkDocument,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}},
                                         "text/turtle": {"schema": {"type": "string"}}}}},
            summary="The framework as JSON, CSV or SKOS (Turtle)")
@shared
def export(request: Request, format: ExportFormat = ExportFormat.json,  # noqa: A002 - the public parameter name
           edition: EditionName | None = None, *, lang: RequestLanguage) -> Response:
    """JSON and CSV in the request's language (saying who translated it); SKOS with its labels beside the
    English ones."""
    fw = load_framework()
    ed = Edition(edition.value) if edition else None
    if format is ExportFormat.json:
        return _answer(request, to_json_document(fw, ed, lang), lang)
    if format is ExportFormat.csv:
        body, media = to_csv(fw, ed, lang=lang), "text/csv"
    else:
        from careerclusters.framework.skos import to_skos  # rdflib, imported when SKOS is first asked for

        body, media = to_skos(fw, ed, lang).serialize(format="turtle"), "text/turtle"
    return cacheable(request, body.encode(), f"{media}; charset=utf-8", language_headers(lang))
