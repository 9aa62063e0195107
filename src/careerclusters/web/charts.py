"""Charts on the pages, and their downloads (SVG and PNG) under each page's address: ``/charts/NAME.svg``
for the home page, ``/occupations/29-1141/charts/wages.png`` and so on. Each page's charts are drawn once
per data version and language and cached with the answers."""

from __future__ import annotations

from typing import Literal, get_args

from fastapi import APIRouter, Request
from fastapi.responses import Response

from careerclusters import charts
from careerclusters.base import languages as i18n
from careerclusters.crosswalk import serving
from careerclusters.framework import Edition, Level, Node, load_framework
from careerclusters.http.caching import cacheable, shared
from careerclusters.http.context import Context
from careerclusters.reports.words import named, occupation_title
from careerclusters.store import NotInDataError
from careerclusters.survey.scoring import type_name

router = APIRouter(include_in_schema=False)
Page = Literal["home", "groupings", "clusters", "subclusters", "occupations", "programs"]
Format = Literal["svg", "png"]
NEEDED = ("advance-cte-soc", "advance-cte-cip", "advance-cte-naics", "bls-oews", "bls-projections")
LEVELS = {"groupings": Level.GROUPING, "clusters": Level.CLUSTER, "subclusters": Level.SUBCLUSTER}


def _url(node: Node) -> str:
    return i18n.url(f"/{'clusters' if node.level is Level.CLUSTER else 'subclusters'}/{node.id}")


def _highest_wage(ctx: Context) -> float | None:
    return serving.national(ctx).highest_wage


def _occupation(ctx: Context, code: str) -> list[charts.ChartSpec]:
    occ = serving.occupation(ctx, code)
    title = occupation_title(ctx.conn, occ.onet_soc or occ.soc, occ.title)
    specs = [charts.wage_range(title, occ.wage, serving.national(ctx))]
    if occ.outlook:
        specs.append(charts.outlook(title, occ.outlook))
    if occ.riasec:
        lang = i18n.current()
        specs.append(charts.interest_profile(title, {type_name(k[0], lang): v for k, v in occ.riasec.items()}))
    return specs


def _shares(ctx: Context, scope: str, clusters: list[Node]) -> list[charts.ChartSpec]:
    national = serving.national(ctx)
    if not national.outlook or not national.outlook.employment_base_k:
        return []
    jobs = [charts.ClusterJobs(
        named(c), _url(c), named(c.parent_id or ""), charts.grouping_colour(c.parent_id),
        sum(o.employment_k or 0 for o in serving.contents(ctx, c.id, Level.CLUSTER, "title").occupations))
        for c in clusters]
    return [charts.cluster_shares(scope, jobs, national.outlook.employment_base_k)]


def _node(ctx: Context, page: str, ident: str) -> list[charts.ChartSpec]:
    fw = load_framework()
    node = fw.get(ident, edition=Edition.MODERN, level=LEVELS[page])
    if node.level is Level.GROUPING:
        return _shares(ctx, named(node), fw.children(node))
    if node.level is Level.CLUSTER:
        subs = [(named(s), _url(s), serving.contents(ctx, s.id, Level.SUBCLUSTER, "title").occupations)
                for s in fw.children(node)]
        colour = charts.grouping_colour(node.parent_id)
        return [charts.subclusters_by_size_and_pay(named(node), subs, colour, _highest_wage(ctx))]
    occupations = serving.contents(ctx, node.id, Level.SUBCLUSTER, "title").occupations
    return [charts.occupations_scatter(named(node), occupations, _highest_wage(ctx))] if occupations else []


def _specs(ctx: Context, page: Page, ident: str) -> list[charts.ChartSpec]:
    if page == "home":
        fw = load_framework()
        return _shares(ctx, i18n.gettext("The career clusters"), [c for g in fw.groupings() for c in fw.children(g)])
    if page == "occupations":
        return _occupation(ctx, ident)
    if page == "programs":
        program = serving.program(ctx, ident)
        return [charts.program_occupations(program.title, program.occupations, _highest_wage(ctx))] \
            if program.occupations else []
    return _node(ctx, page, ident)


def page_charts(ctx: Context, page: Page, ident: str = "") -> list[charts.Chart]:
    """A page's charts, drawn (or taken from the cache); none until the data they need is imported."""
    if not set(NEEDED) <= serving.available(ctx):
        return []
    return ctx.cached(("charts", "page", page, ident, i18n.current()),
                           lambda: [charts.render(spec) for spec in _specs(ctx, page, ident)])


def _download(request: Request, page: Page, ident: str, name: str, fmt: Format) -> Response:
    ctx: Context = request.app.state.context
    chart = next((c for c in page_charts(ctx, page, ident) if c.name == name), None)
    if chart is None:
        raise NotInDataError(f"no chart {name!r} on this page")
    if fmt == "png":
        body = ctx.cached(("charts", "png", page, ident, name, i18n.current()), lambda: charts.png(chart.spec))
        media = "image/png"
    else:
        body = ctx.cached(("charts", "svg", page, ident, name, i18n.current()),
                          lambda: charts.standalone_svg(chart.spec).encode())
        media = "image/svg+xml"
    response = cacheable(request, body, media)
    stem = "-".join(part for part in (ident.replace(".", "-") or "careerclusters", name))
    response.headers["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


@router.get("/charts/{name}.{fmt}")
@shared
def home_chart(request: Request, name: str, fmt: Format) -> Response:
    return _download(request, "home", "", name, fmt)


def _chart_route(page: Page) -> None:
    """``/{page}/{ident}/charts/NAME.svg|png`` for one kind of page (a route per kind, so that no pattern catches
    another capability's addresses, such as an area's charts)."""

    @router.get(f"/{page}/{{ident}}/charts/{{name}}.{{fmt}}")
    @shared
    def page_chart(request: Request, ident: str, name: str, fmt: Format) -> Response:
        return _download(request, page, ident, name, fmt)


for _page in get_args(Page):
    if _page != "home":
        _chart_route(_page)
