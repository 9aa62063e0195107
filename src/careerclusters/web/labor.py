"""Pages for local labor markets: the list of areas, an area's sub-clusters (sortable), a sub-cluster in an area
and an occupation in an area; and the area picker that occupation, sub-cluster and program pages carry
(``?area=OH`` in the address adds that area's figures, so a link or bookmark keeps the area, and a plain form
changes it). A plain GET form finds an area by name, so everything works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerclusters import charts
from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.languages import url
from careerclusters.charts import areas as area_charts
from careerclusters.http.caching import shared
from careerclusters.http.context import Context
from careerclusters.labor import market as lm
from careerclusters.labor import serving
from careerclusters.labor.areas import Area, UnknownAreaError, find_area
from careerclusters.reports.words import named, occupation_title
from careerclusters.store import NotInDataError
from careerclusters.web.rendering import context, render

router = APIRouter(include_in_schema=False)
SORTS = ("employment", "share", "lq", "wage", "openings")


def sorts() -> dict[str, str]:
    """The columns an area's sub-clusters sort by, named in the language being rendered."""
    _ = i18n.gettext
    return {"employment": _("Jobs"), "wage": _("Median wage"), "openings": _("Openings a year (estimate)"),
            "lq": _("Location quotient"), "share": _("Share of jobs")}
Text = Annotated[str, Query(max_length=200)]


@router.get("/areas", response_class=HTMLResponse)
@shared
def areas_page(request: Request, q: Text = "") -> Response:
    ctx = context(request)
    if q.strip():
        return RedirectResponse(url(f"/areas/{find_area(ctx.conn, q).code}"), status_code=303)
    areas = serving.areas(ctx)
    states = [a for a in areas if a.type in {"state", "territory"}]
    return render(request, "areas.html", title=i18n.gettext("Labor markets by area"), states=states, all_areas=areas)


def _charts(ctx: Context, area: str) -> list[charts.Chart]:
    """The area page's chart, drawn once per area and data version."""
    found, profiles = serving.area_profiles(ctx, area)
    return ctx.cached(("charts", "area", found.code, i18n.current()), lambda: [
        charts.render(area_charts.area_subclusters(found.name, found.code, profiles))])


@router.get("/areas/{area}", response_class=HTMLResponse)
@shared
def area_page(request: Request, area: str, sort: Annotated[str, Query(max_length=20)] = "employment"
              ) -> HTMLResponse:
    ctx = context(request)
    found, profiles = serving.area_profiles(ctx, area)
    key = sort if sort in SORTS else "employment"
    return render(request, "area.html", title=i18n.gettext("%(area)s: sub-clusters") % {"area": found.name}, area=found,
                  sort=key, sorts=sorts(),
                  profiles=lm.rank(profiles, key), charts=_charts(ctx, found.code),  # type: ignore[arg-type]
                  chart_base=url(f"/areas/{found.code}"), openings_source=_openings_source(ctx, found))


@router.get("/areas/{area}/charts/{name}.{fmt}")
@shared
def area_chart(request: Request, area: str, name: str, fmt: Literal["svg", "png"]) -> Response:
    """An area chart as a file (SVG or PNG), for slides and reports."""
    chart = next((c for c in _charts(context(request), area) if c.name == name), None)
    if chart is None:
        raise NotInDataError(f"no chart {name!r} on this page")
    body = charts.png(chart.spec) if fmt == "png" else charts.standalone_svg(chart.spec).encode()
    return Response(body, media_type="image/png" if fmt == "png" else "image/svg+xml",
                    headers={"Content-Disposition": f'attachment; filename="area-{area}-{name}.{fmt}"'})


@router.get("/areas/{area}/subclusters/{node_id}", response_class=HTMLResponse)
@shared
def area_subcluster_page(request: Request, area: str, node_id: str) -> HTMLResponse:
    ctx = context(request)
    found, profiles = serving.area_profiles(ctx, area)
    wanted = lm.subcluster_id(node_id)
    profile = next(p for p in profiles if p.id == wanted)
    title = i18n.gettext("%(name)s in %(area)s") % {"name": named(profile.id), "area": found.name}
    return render(request, "area_subcluster.html", title=title, area=found, profile=profile,
                  openings_source=_openings_source(ctx, found))


def _openings_source(ctx: Context, area: Area) -> str:
    """Whose projections give an area's openings rates, in the words of the area notes."""
    return serving.openings_basis(ctx, area.code).whose


@router.get("/areas/{area}/occupations/{code}", response_class=HTMLResponse)
@shared
def area_occupation_page(request: Request, area: str, code: str) -> HTMLResponse:
    conn = context(request).conn
    figures = lm.occupation_in_area(conn, code, area)
    found = find_area(conn, area)
    return render(request, "area_occupation.html", figures=figures, area=found,
                  title=i18n.gettext("%(name)s in %(area)s")
                  % {"name": occupation_title(conn, figures.soc, figures.title), "area": found.name})


@dataclass
class AreaPanel:
    """What the picker shows: the states to suggest, the area asked for (if any), its figures or why none."""

    choices: list[Area]
    asked: str
    area: Area | None = None
    occupation: lm.OccupationInArea | None = None
    subcluster: lm.SubclusterInArea | None = None
    program: lm.ProgramInArea | None = None
    problem: str | None = None


def area_panel(ctx: Context, kind: str, ident: str, asked: str) -> AreaPanel | None:
    """The panel for an occupation (SOC), sub-cluster (id) or program (CIP) page; None without area data."""
    if not ctx.has("bls-oews-areas"):
        return None
    panel = AreaPanel([a for a in serving.areas(ctx) if a.type in {"state", "territory"}], asked.strip())
    if not panel.asked:
        return panel
    try:
        panel.area = find_area(ctx.conn, panel.asked)
        if kind == "occupation":
            panel.occupation = lm.occupation_in_area(ctx.conn, ident, panel.area.code)
        elif kind == "subcluster":
            _found, profiles = serving.area_profiles(ctx, panel.area.code)
            panel.subcluster = next(p for p in profiles if p.id == ident)
        else:
            panel.program = lm.program_in_area(ctx.conn, ident, panel.area.code)
    except CareerClustersError as exc:
        panel.problem = _problem(exc)
    return panel


def _problem(exc: CareerClustersError) -> str:
    """Why the panel has no figures, in the page's language: the error's own words are English (with the areas
    it suggests), so another language says what to try instead."""
    if i18n.written_in(str(exc), i18n.current()):
        return str(exc)
    if isinstance(exc, UnknownAreaError):
        return i18n.gettext("We could not find that area. Try a state (OH), a metro area (Columbus, OH), or leave "
                            "it empty for the whole country.")
    return i18n.gettext("This page cannot show figures for that area.")
