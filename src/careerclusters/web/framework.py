"""The framework's pages: the wheel (home), groupings, clusters and sub-clusters with what the crosswalks link to
them (sortable, and downloadable as CSV), and the original edition's clusters and pathways with where each moves.
Sorting and downloads are plain links, so every page works with JavaScript off."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerclusters.base import languages as i18n
from careerclusters.base.languages import url
from careerclusters.base.spreadsheets import SafeWriter
from careerclusters.crosswalk import serving
from careerclusters.framework import Edition, Level, load_framework
from careerclusters.http.caching import shared
from careerclusters.pos import catalogue
from careerclusters.reports.words import named
from careerclusters.web.charts import page_charts
from careerclusters.web.labor import area_panel
from careerclusters.web.rendering import AreaQuery, context, node_url, render
from careerclusters.web.wheel import CENTRE, segments

router = APIRouter(include_in_schema=False)
#: The official data the framework's pages show beside the crosswalks (pay, jobs and openings, their charts).
FIGURES = ("bls-oews", "bls-projections")
AREAS = ("bls-oews-areas",)  # when a page is asked for an area's figures (``?area=``)
SORTS = ("title", "wage", "openings", "soc")


def sorts() -> dict[str, str]:
    """The columns a node's jobs sort by, named in the language being rendered."""
    _ = i18n.gettext
    return {"title": _("Job"), "wage": _("Typical pay a year"), "openings": _("Openings a year"), "soc": _("SOC code")}


@router.get("/", response_class=HTMLResponse)
@shared
def home(request: Request) -> HTMLResponse:
    fw = load_framework()
    return render(request, "home.html", needs=FIGURES, segments=segments(fw), centre=CENTRE, fw=fw,
                  title=i18n.gettext("Career Clusters"), charts=page_charts(context(request), "home"), chart_base="")


@router.get("/clusters", response_class=HTMLResponse)
@shared
def clusters_index(request: Request) -> HTMLResponse:
    """Every cluster of the 2024 edition by its purpose grouping, with its sub-clusters."""
    return render(request, "clusters.html", fw=load_framework(), title=i18n.gettext("The career clusters"))


@router.get("/groupings")
@router.get("/subclusters")
def to_clusters_index() -> RedirectResponse:
    """The groupings and the sub-clusters are listed on the clusters' index."""
    return RedirectResponse(url("/clusters"), status_code=301)


@router.get("/groupings/{node_id}", response_class=HTMLResponse)
@shared
def grouping_page(request: Request, node_id: str) -> HTMLResponse:
    fw = load_framework()
    node = fw.get(node_id, edition=Edition.MODERN, level=Level.GROUPING)
    return render(request, "node.html", needs=FIGURES, node=node, fw=fw, title=named(node), contents=None, feeders=[],
                  charts=page_charts(context(request), "groupings", node.id), chart_base=node_url(node))


def _modern_page(request: Request, node_id: str, level: Level, sort: str, area: str = "") -> HTMLResponse:
    fw = load_framework()
    node = fw.get(node_id, edition=Edition.MODERN, level=level)
    ctx = context(request)
    contents = None
    if ctx.has("advance-cte-soc") and ctx.has("advance-cte-cip") and ctx.has("advance-cte-naics"):
        contents = serving.contents(ctx, node.id, level, sort if sort in SORTS else "title")  # type: ignore[arg-type]
    transition = serving.transition_or_none(ctx)
    feeders = transition.feeders(node.id) if transition else []
    return render(request, "node.html", needs=FIGURES + (AREAS if area else ()), node=node, fw=fw, title=named(node),
                  contents=contents, sort=sort,
                  sorts=sorts(), feeders=[f for f in feeders if f.share >= 0.05], chart_base=node_url(node),
                  charts=page_charts(ctx, "clusters" if level is Level.CLUSTER else "subclusters", node.id),
                  panel=area_panel(ctx, "subcluster", node.id, area) if level is Level.SUBCLUSTER else None,
                  programs_of_study=catalogue.list_programs(ctx.conn, subcluster=node.id)
                  if level is Level.SUBCLUSTER else None, pos_scope=i18n.gettext("belong to this sub-cluster"))


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
    listing = serving.contents(context(request), node.id, level, "title").occupations
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
                  title=i18n.gettext("The original framework: 16 clusters, 79 pathways"))


def _original_page(request: Request, node_id: str, level: Level) -> HTMLResponse:
    fw = load_framework()
    node = fw.get(node_id, edition=Edition.ORIGINAL, level=level)
    transition = serving.transition_or_none(context(request))
    moves = transition.of(node.id) if transition else None
    return render(request, "original_node.html", node=node, fw=fw, title=named(node), moves=moves)


@router.get("/original/clusters/{node_id}", response_class=HTMLResponse)
@shared
def original_cluster(request: Request, node_id: str) -> HTMLResponse:
    return _original_page(request, node_id, Level.CLUSTER)


@router.get("/original/pathways/{node_id}", response_class=HTMLResponse)
@shared
def original_pathway(request: Request, node_id: str) -> HTMLResponse:
    return _original_page(request, node_id, Level.PATHWAY)
