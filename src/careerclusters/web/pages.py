"""HTML pages. Each route gathers a service answer and renders a template; sorting and downloads are
plain links, so every page works with JavaScript off."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from careerclusters.api.context import Explorer
from careerclusters.base import languages as i18n
from careerclusters.base.formatting import count, figure, money
from careerclusters.base.spreadsheets import SafeWriter
from careerclusters.classifier.search import search
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.labor import industries
from careerclusters.pos import catalogue as programs_of_study
from careerclusters.web.area_panel import area_panel
from careerclusters.web.chart_routes import page_charts
from careerclusters.web.chart_routes import router as chart_router
from careerclusters.web.response_cache import shared
from careerclusters.web.wheel import CENTRE, segments

router = APIRouter(include_in_schema=False)
router.include_router(chart_router)
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
templates.env.auto_reload = False  # the templates ship with the package: no file check on every render
templates.env.filters["money"] = lambda value, marker=None: money(value, marker)
templates.env.filters["figure"] = lambda value, unit="": figure(value, unit)
templates.env.filters["percent"] = lambda value: f"{value:.0%}"
templates.env.filters["count"] = count
templates.env.add_extension("jinja2.ext.i18n")
templates.env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]

AreaQuery = Annotated[str, Query(max_length=200, description="An area for local figures: OH, 'Columbus, OH'.")]
SORTS = {"title": "Occupation", "wage": "Median wage", "openings": "Openings a year", "soc": "SOC code"}
URL_PREFIX = {Level.GROUPING: "/groupings", Level.CLUSTER: "/clusters", Level.SUBCLUSTER: "/subclusters",
              Level.PATHWAY: "/original/pathways"}


def node_url(node: Any) -> str:
    if node.edition is Edition.ORIGINAL and node.level is Level.CLUSTER:
        return f"/original/clusters/{node.id}"
    return f"{URL_PREFIX[node.level]}/{node.id}"


def ref_url(ref_id: str) -> str:
    return node_url(load_framework().node(ref_id))


templates.env.globals.update(node_url=node_url, ref_url=ref_url)


def _explorer(request: Request) -> Explorer:
    return request.app.state.explorer


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lacking = _explorer(request).missing()  # one read of the store's sources answers both
    context.setdefault("has_data", all(official.kind != "advance-cte-soc" for official in lacking))
    context.setdefault("missing", [official.what for official in lacking])
    return templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
@shared
def home(request: Request) -> HTMLResponse:
    fw = load_framework()
    return render(request, "home.html", segments=segments(fw), centre=CENTRE, fw=fw, title="Career Clusters",
                  charts=page_charts(_explorer(request), "home"), chart_base="")


@router.get("/groupings/{node_id}", response_class=HTMLResponse)
@shared
def grouping_page(request: Request, node_id: str) -> HTMLResponse:
    fw = load_framework()
    node = fw.get(node_id, edition=Edition.MODERN, level=Level.GROUPING)
    return render(request, "node.html", node=node, fw=fw, title=node.name, contents=None, feeders=[],
                  charts=page_charts(_explorer(request), "groupings", node.id), chart_base=node_url(node))


def _modern_page(request: Request, node_id: str, level: Level, sort: str, area: str = "") -> HTMLResponse:
    fw = load_framework()
    node = fw.get(node_id, edition=Edition.MODERN, level=level)
    explorer = _explorer(request)
    contents = None
    if explorer.has("advance-cte-soc") and explorer.has("advance-cte-cip") and explorer.has("advance-cte-naics"):
        contents = explorer.contents(node.id, level, sort if sort in SORTS else "title")  # type: ignore[arg-type]
    transition = explorer.transition_or_none()
    feeders = transition.feeders(node.id) if transition else []
    return render(request, "node.html", node=node, fw=fw, title=node.name, contents=contents, sort=sort,
                  sorts=SORTS, feeders=[f for f in feeders if f.share >= 0.05], chart_base=node_url(node),
                  charts=page_charts(explorer, "clusters" if level is Level.CLUSTER else "subclusters", node.id),
                  panel=area_panel(explorer, "subcluster", node.id, area) if level is Level.SUBCLUSTER else None,
                  programs_of_study=programs_of_study.list_programs(explorer.conn, subcluster=node.id)
                  if level is Level.SUBCLUSTER else None, pos_scope="belong to this sub-cluster")


@router.get("/clusters/{node_id}", response_class=HTMLResponse)
@shared
def cluster_page(request: Request, node_id: str, sort: Annotated[str, Query(max_length=20)] = "title"
                 ) -> HTMLResponse:
    return _modern_page(request, node_id, Level.CLUSTER, sort)


@router.get("/subclusters/{node_id}", response_class=HTMLResponse)
@shared
def subcluster_page(request: Request, node_id: str, sort: Annotated[str, Query(max_length=20)] = "title",
                    area: AreaQuery = "") -> HTMLResponse:
    return _modern_page(request, node_id, Level.SUBCLUSTER, sort, area)


def _occupations_csv(request: Request, node_id: str, level: Level) -> Response:
    node = load_framework().get(node_id, edition=Edition.MODERN, level=level)
    listing = _explorer(request).contents(node.id, level, "title").occupations
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(["soc", "title", "median_annual_wage", "wage_note", "openings_per_year_thousands",
                     "employment_2024_thousands", "employment_change_percent", "typical_entry_education"])
    for o in listing:
        writer.writerow([o.soc, o.title, "" if o.median_wage is None else f"{o.median_wage:.0f}", o.wage_marker or "",
                         "" if o.openings_k is None else o.openings_k, "" if o.employment_k is None else o.employment_k,
                         "" if o.change_pct is None else o.change_pct, o.entry_education or ""])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{node.id}-occupations.csv"'})


@router.get("/clusters/{node_id}/occupations.csv")
@shared
def cluster_csv(request: Request, node_id: str) -> Response:
    return _occupations_csv(request, node_id, Level.CLUSTER)


@router.get("/subclusters/{node_id}/occupations.csv")
@shared
def subcluster_csv(request: Request, node_id: str) -> Response:
    return _occupations_csv(request, node_id, Level.SUBCLUSTER)


@router.get("/original", response_class=HTMLResponse)
@shared
def original_edition(request: Request) -> HTMLResponse:
    fw = load_framework()
    return render(request, "original.html", fw=fw, original_edition=Edition.ORIGINAL,
                  title="Original framework (16 clusters, 79 pathways)")


def _original_page(request: Request, node_id: str, level: Level) -> HTMLResponse:
    fw = load_framework()
    node = fw.get(node_id, edition=Edition.ORIGINAL, level=level)
    transition = _explorer(request).transition_or_none()
    moves = transition.of(node.id) if transition else None
    return render(request, "original_node.html", node=node, fw=fw, title=node.name, moves=moves)


@router.get("/original/clusters/{node_id}", response_class=HTMLResponse)
@shared
def original_cluster(request: Request, node_id: str) -> HTMLResponse:
    return _original_page(request, node_id, Level.CLUSTER)


@router.get("/original/pathways/{node_id}", response_class=HTMLResponse)
@shared
def original_pathway(request: Request, node_id: str) -> HTMLResponse:
    return _original_page(request, node_id, Level.PATHWAY)


@router.get("/occupations/{code}", response_class=HTMLResponse)
@shared
def occupation_page(request: Request, code: str, area: AreaQuery = "") -> HTMLResponse:
    occupation = _explorer(request).occupation(code)
    return render(request, "occupation.html", occ=occupation, title=occupation.title,
                  charts=page_charts(_explorer(request), "occupations", code), chart_base=f"/occupations/{code}",
                  panel=area_panel(_explorer(request), "occupation", occupation.soc, area),
                  sectors=industries.national_sectors(_explorer(request).conn, occupation.soc))


@router.get("/programs/{cip}", response_class=HTMLResponse)
@shared
def program_page(request: Request, cip: str, area: AreaQuery = "") -> HTMLResponse:
    program = _explorer(request).program(cip)
    return render(request, "program.html", prog=program, title=program.title, pos_scope="use this CIP code",
                  programs_of_study=programs_of_study.list_programs(_explorer(request).conn, cip=program.cip),
                  charts=page_charts(_explorer(request), "programs", cip), chart_base=f"/programs/{cip}",
                  panel=area_panel(_explorer(request), "program", program.cip, area))


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    explorer = _explorer(request)
    result = await explorer.compute(
        lambda: search(explorer.conn, q, explorer.db_path, classifiers=explorer.classifier)) if q.strip() else None
    return render(request, "search.html", q=q, result=result, title=f"Search: {q}" if q else "Search")


@router.get("/api", response_class=HTMLResponse)
@shared
def api_docs(request: Request) -> HTMLResponse:
    """A readable page of the OpenAPI document, rendered here so it needs no script from elsewhere."""
    spec = request.app.openapi()
    return render(request, "api.html", spec=spec, title="REST API")

