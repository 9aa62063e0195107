"""``/api/v1``: resources for groupings, clusters, sub-clusters, pathways, occupations, programs,
industries, crosswalks, search/classify and framework exports.

Lists are paginated (``limit``/``offset`` with ``total``); framework resources carry ETags and
cache headers, since they change only with a new release of the program. Errors are JSON with a 4xx
status for anything the caller sent wrong (see ``errors.py``).
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from careerclusters.api import in_area
from careerclusters.api.context import Explorer
from careerclusters.api.in_area import AreaQuery
from careerclusters.api.models import DataStatus, FrameworkDocument, NodeDetail, NodePage
from careerclusters.classifier.search import SearchResult, search
from careerclusters.crosswalk import answers
from careerclusters.crosswalk.relations import System
from careerclusters.crosswalk.transition import Transition
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.framework.export import node_dict, to_csv, to_json_document, to_skos
from careerclusters.framework.model import PracticeList
from careerclusters.web.response_cache import shared

router = APIRouter(prefix="/api/v1")
T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


async def explorer(request: Request) -> Explorer:
    """The shared ``Explorer`` (a coroutine, so FastAPI hands it over without a trip to the thread pool)."""
    return request.app.state.explorer


Ctx = Annotated[Explorer, Depends(explorer)]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Items to skip.")]


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items[offset:offset + limit], "total": len(items), "limit": limit, "offset": offset}


def cacheable(request: Request, body: bytes, media_type: str) -> Response:
    """A response with an ETag of its content and a day's caching; a matching If-None-Match gets 304."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def cached(request: Request, data: Any) -> Response:
    """Framework data as cacheable JSON."""
    return cacheable(request, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(),
                     "application/json")


class EditionName(StrEnum):
    modern = "modern"
    original = "original"


def _node(node_id: str, edition: Edition, level: Level) -> dict[str, Any]:
    fw = load_framework()
    node = fw.get(node_id, edition=edition, level=level)
    parent = fw.parent(node)
    return node_dict(fw, node, nested=False) | {
        "edition": node.edition.value,
        "parent": node_dict(fw, parent, nested=False) if parent else None,
        "children": [node_dict(fw, c, nested=False) for c in fw.children(node)],
    }


def _nodes(edition: Edition, level: Level, parent: str | None) -> list[dict[str, Any]]:
    fw = load_framework()
    parent_id = fw.get(parent, edition=edition).id if parent else None
    return [node_dict(fw, n, nested=False) | {"parent_id": n.parent_id}
            for n in fw.nodes(edition, level) if parent_id is None or n.parent_id == parent_id]


# -- framework ---------------------------------------------------------------------------------------------

@router.get("/groupings", tags=["framework"], response_model=NodePage,
            summary="The six cluster groupings (modern edition)")
@shared
def groupings(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    return cached(request, page(_nodes(Edition.MODERN, Level.GROUPING, None), limit, offset))


@router.get("/groupings/{grouping_id}", tags=["framework"], response_model=NodeDetail,
            summary="One grouping with its clusters")
@shared
def grouping(request: Request, grouping_id: str) -> Response:
    return cached(request, _node(grouping_id, Edition.MODERN, Level.GROUPING))


@router.get("/clusters", tags=["framework"], response_model=NodePage,
            summary="Career clusters of either edition")
@shared
def clusters(request: Request, edition: EditionName = EditionName.modern,
             grouping: Annotated[str | None, Query(max_length=200)] = None,
             limit: Limit = 50, offset: Offset = 0) -> Response:
    return cached(request, page(_nodes(Edition(edition.value), Level.CLUSTER, grouping), limit, offset))


@router.get("/clusters/{cluster_id}", tags=["framework"], response_model=NodeDetail,
            summary="One cluster (id, code or name)")
@shared
def cluster(request: Request, cluster_id: str, edition: EditionName = EditionName.modern) -> Response:
    return cached(request, _node(cluster_id, Edition(edition.value), Level.CLUSTER))


@router.get("/subclusters", tags=["framework"], response_model=NodePage,
            summary="The 72 sub-clusters")
@shared
def subclusters(request: Request, cluster: Annotated[str | None, Query(max_length=200)] = None,
                limit: Limit = 100, offset: Offset = 0) -> Response:
    return cached(request, page(_nodes(Edition.MODERN, Level.SUBCLUSTER, cluster), limit, offset))


@router.get("/subclusters/{subcluster_id}", tags=["framework"], response_model=in_area.SubclusterWithArea,
            summary="One sub-cluster (with area=, its profile in that area)")
@shared
def subcluster(request: Request, ctx: Ctx, subcluster_id: str, area: AreaQuery = None) -> Response | BaseModel:
    node = _node(subcluster_id, Edition.MODERN, Level.SUBCLUSTER)
    return in_area.subcluster(ctx, node, area) if area else cached(request, node)


@router.get("/pathways", tags=["framework"], response_model=NodePage,
            summary="The 79 pathways of the original edition")
@shared
def pathways(request: Request, cluster: Annotated[str | None, Query(max_length=200)] = None,
             limit: Limit = 100, offset: Offset = 0) -> Response:
    return cached(request, page(_nodes(Edition.ORIGINAL, Level.PATHWAY, cluster), limit, offset))


@router.get("/pathways/{pathway_id}", tags=["framework"], response_model=NodeDetail,
            summary="One original pathway")
@shared
def pathway(request: Request, pathway_id: str) -> Response:
    return cached(request, _node(pathway_id, Edition.ORIGINAL, Level.PATHWAY))


@router.get("/practices", tags=["framework"], response_model=list[PracticeList],
            summary="Career Ready Practices, each list labelled with its edition")
@shared
def practices(request: Request) -> Response:
    return cached(request, [p.model_dump(mode="json") for p in load_framework().practices])


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    skos = "skos"


@router.get("/framework/export", tags=["framework"], response_model=FrameworkDocument,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}},
                                         "text/turtle": {"schema": {"type": "string"}}}}},
            summary="The framework as JSON, CSV or SKOS (Turtle)")
@shared
def export(request: Request, format: ExportFormat = ExportFormat.json,  # noqa: A002 - the public parameter name
           edition: EditionName | None = None) -> Response:
    fw = load_framework()
    ed = Edition(edition.value) if edition else None
    if format is ExportFormat.json:
        return cached(request, to_json_document(fw, ed))
    body, media = ((to_csv(fw, ed), "text/csv") if format is ExportFormat.csv
                   else (to_skos(fw, ed).serialize(format="turtle"), "text/turtle"))
    return cacheable(request, body.encode(), f"{media}; charset=utf-8")


# -- imported data ----------------------------------------------------------------------------------------

class SortName(StrEnum):
    title = "title"
    wage = "wage"
    openings = "openings"
    employment = "employment"
    growth = "growth"
    soc = "soc"


@router.get("/clusters/{cluster_id}/contents", tags=["data"], response_model=answers.NodeContents,
            summary="A modern cluster's occupations, programs and industries")
@shared
def cluster_contents(ctx: Ctx, cluster_id: str, sort: SortName = SortName.title) -> answers.NodeContents:
    return ctx.contents(cluster_id, Level.CLUSTER, sort.value)  # type: ignore[arg-type]


@router.get("/subclusters/{subcluster_id}/contents", tags=["data"], response_model=in_area.ContentsWithArea,
            summary="A sub-cluster's occupations, programs and industries (with area=, its profile there)")
@shared
def subcluster_contents(ctx: Ctx, subcluster_id: str, sort: SortName = SortName.title,
                        area: AreaQuery = None) -> in_area.ContentsWithArea:
    return in_area.contents(ctx, subcluster_id, sort.value, area)  # type: ignore[arg-type]


@router.get("/occupations", tags=["data"], response_model=Page[answers.OccupationListing],
            summary="Occupations, optionally within a cluster or sub-cluster")
@shared
def occupations(ctx: Ctx, cluster: Annotated[str | None, Query(max_length=200)] = None,
                subcluster: Annotated[str | None, Query(max_length=200)] = None,
                sort: SortName = SortName.title, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    if subcluster:
        items = ctx.contents(subcluster, Level.SUBCLUSTER, sort.value).occupations  # type: ignore[arg-type]
    elif cluster:
        items = ctx.contents(cluster, Level.CLUSTER, sort.value).occupations  # type: ignore[arg-type]
    else:
        items = answers.all_occupations(ctx.conn, sort.value)  # type: ignore[arg-type]
    return page(items, limit, offset)


@router.get("/occupations/{code}", tags=["data"], response_model=in_area.OccupationWithArea,
            summary="One occupation by SOC (29-1141) or O*NET-SOC (29-1141.00) code (with area=, its figures there)")
@shared
def occupation(ctx: Ctx, code: str, area: AreaQuery = None) -> in_area.OccupationWithArea:
    return in_area.occupation(ctx, code, area)


@router.get("/programs", tags=["data"], response_model=Page[answers.Program], summary="CIP 2020 programs")
@shared
def programs(ctx: Ctx, cluster: Annotated[str | None, Query(max_length=200)] = None,
             subcluster: Annotated[str | None, Query(max_length=200)] = None,
             limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    if subcluster:
        items = ctx.contents(subcluster, Level.SUBCLUSTER, "title").programs
    elif cluster:
        items = ctx.contents(cluster, Level.CLUSTER, "title").programs
    else:
        items = answers.all_programs(ctx.conn)
    return page(items, limit, offset)


@router.get("/programs/{cip}", tags=["data"], response_model=in_area.ProgramWithArea,
            summary="One program by CIP 2020 code (51.3801) (with area=, its occupations there)")
@shared
def program(ctx: Ctx, cip: str, area: AreaQuery = None) -> in_area.ProgramWithArea:
    return in_area.program(ctx, cip, area)


@router.get("/industries", tags=["data"], response_model=list[answers.IndustryLink],
            summary="NAICS sectors with the clusters and sub-clusters they align to")
@shared
def industries(ctx: Ctx) -> list[answers.IndustryLink]:
    return answers.industries(ctx.conn)


class CrosswalkTarget(BaseModel):
    code: str
    name: str


class CrosswalkAnswer(BaseModel):
    code: str
    route: list[str]
    targets: list[CrosswalkTarget]
    error: str | None = None


@router.get("/crosswalk", tags=["data"], response_model=list[CrosswalkAnswer],
            summary="Map codes between soc, onet, cip, naics, cluster, subcluster and pathway")
@shared
def crosswalk(ctx: Ctx, source: Annotated[System, Query(alias="from")], target: Annotated[System, Query(alias="to")],
              code: Annotated[list[str], Query(min_length=1, max_length=500)]) -> list[CrosswalkAnswer]:
    results = ctx.crosswalk().map(source, target, code)
    return [CrosswalkAnswer(code=r.code, route=r.route, error=r.error,
                            targets=[CrosswalkTarget(code=c, name=n) for c, n in r.targets]) for r in results]


@router.get("/transition/{original_id}", tags=["data"], response_model=Transition,
            summary="Where an original cluster or pathway moves")
@shared
def transition(ctx: Ctx, original_id: str) -> Transition:
    return ctx.transition().of(original_id)


@router.get("/search", tags=["search"], response_model=SearchResult,
            summary="Occupations, programs, clusters and sub-clusters matching the text")
async def search_everything(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=300)]) -> SearchResult:
    return await ctx.compute(lambda: search(ctx.conn, q, ctx.db_path, classifiers=ctx.classifier))


@router.get("/status", tags=["data"], response_model=DataStatus, summary="Which official files are imported")
@shared
def data_status(ctx: Ctx) -> dict[str, Any]:
    return {"sources": ctx.imported()}
