"""Charts on the pages, and their downloads (SVG and PNG) under each page's address: ``/charts/NAME.svg``
for the home page, ``/occupations/29-1141/charts/wages.png`` and so on. Each page's charts are drawn once
per data version and cached with the answers."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from careerclusters import charts
from careerclusters.api.context import Explorer
from careerclusters.api.routes import cacheable
from careerclusters.framework import Edition, Level, Node, load_framework
from careerclusters.store import NotInDataError
from careerclusters.web.response_cache import shared

router = APIRouter(include_in_schema=False)
Page = Literal["home", "groupings", "clusters", "subclusters", "occupations", "programs"]
Format = Literal["svg", "png"]
NEEDED = ("advance-cte-soc", "advance-cte-cip", "advance-cte-naics", "bls-oews", "bls-projections")
LEVELS = {"groupings": Level.GROUPING, "clusters": Level.CLUSTER, "subclusters": Level.SUBCLUSTER}


def _url(node: Node) -> str:
    return f"/{'clusters' if node.level is Level.CLUSTER else 'subclusters'}/{node.id}"


def _highest_wage(explorer: Explorer) -> float | None:
    return explorer.national().highest_wage


def _occupation(explorer: Explorer, code: str) -> list[charts.ChartSpec]:
    occ = explorer.occupation(code)
    specs = [charts.wage_range(occ.title, occ.wage, explorer.national())]
    if occ.outlook:
        specs.append(charts.outlook(occ.title, occ.outlook))
    if occ.riasec:
        specs.append(charts.interest_profile(occ.title, occ.riasec))
    return specs


def _shares(explorer: Explorer, scope: str, clusters: list[Node]) -> list[charts.ChartSpec]:
    fw = load_framework()
    national = explorer.national()
    if not national.outlook or not national.outlook.employment_base_k:
        return []
    jobs = [charts.ClusterJobs(
        c.name, _url(c), fw.node(c.parent_id or "").name, charts.grouping_colour(c.parent_id),
        sum(o.employment_k or 0 for o in explorer.contents(c.id, Level.CLUSTER, "title").occupations))
        for c in clusters]
    return [charts.cluster_shares(scope, jobs, national.outlook.employment_base_k)]


def _node(explorer: Explorer, page: str, ident: str) -> list[charts.ChartSpec]:
    fw = load_framework()
    node = fw.get(ident, edition=Edition.MODERN, level=LEVELS[page])
    if node.level is Level.GROUPING:
        return _shares(explorer, node.name, fw.children(node))
    if node.level is Level.CLUSTER:
        subs = [(s.name, _url(s), explorer.contents(s.id, Level.SUBCLUSTER, "title").occupations)
                for s in fw.children(node)]
        colour = charts.grouping_colour(node.parent_id)
        return [charts.subclusters_by_size_and_pay(node.name, subs, colour, _highest_wage(explorer))]
    occupations = explorer.contents(node.id, Level.SUBCLUSTER, "title").occupations
    return [charts.occupations_scatter(node.name, occupations, _highest_wage(explorer))] if occupations else []


def _specs(explorer: Explorer, page: Page, ident: str) -> list[charts.ChartSpec]:
    if page == "home":
        fw = load_framework()
        return _shares(explorer, "The career clusters", [c for g in fw.groupings() for c in fw.children(g)])
    if page == "occupations":
        return _occupation(explorer, ident)
    if page == "programs":
        program = explorer.program(ident)
        return [charts.program_occupations(program.title, program.occupations, _highest_wage(explorer))] \
            if program.occupations else []
    return _node(explorer, page, ident)


def page_charts(explorer: Explorer, page: Page, ident: str = "") -> list[charts.Chart]:
    """A page's charts, drawn (or taken from the cache); none until the data they need is imported."""
    if not all(explorer.has(kind) for kind in NEEDED):
        return []
    return explorer.charts(("page", page, ident),
                           lambda: [charts.render(spec) for spec in _specs(explorer, page, ident)])


def _download(request: Request, page: Page, ident: str, name: str, fmt: Format) -> Response:
    explorer: Explorer = request.app.state.explorer
    chart = next((c for c in page_charts(explorer, page, ident) if c.name == name), None)
    if chart is None:
        raise NotInDataError(f"no chart {name!r} on this page")
    if fmt == "png":
        body = explorer.charts(("png", page, ident, name), lambda: charts.png(chart.spec))
        media = "image/png"
    else:
        body = explorer.charts(("svg", page, ident, name), lambda: charts.standalone_svg(chart.spec).encode())
        media = "image/svg+xml"
    response = cacheable(request, body, media)
    stem = "-".join(part for part in (ident.replace(".", "-") or "careerclusters", name))
    response.headers["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


@router.get("/charts/{name}.{fmt}")
@shared
def home_chart(request: Request, name: str, fmt: Format) -> Response:
    return _download(request, "home", "", name, fmt)


@router.get("/{page}/{ident}/charts/{name}.{fmt}")
@shared
def page_chart(request: Request, page: Page, ident: str, name: str, fmt: Format) -> Response:
    return _download(request, page, ident, name, fmt)
