"""Pages for local labour markets: the list of areas, an area's sub-clusters (sortable), a sub-cluster in an
area and an occupation in an area. A plain GET form finds an area by name, so everything works without
JavaScript."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerclusters import charts
from careerclusters.api.context import Explorer
from careerclusters.charts import areas as area_charts
from careerclusters.labor import market as lm
from careerclusters.labor.areas import find_area
from careerclusters.store import NotInDataError
from careerclusters.web.pages import render
from careerclusters.web.response_cache import shared

router = APIRouter(include_in_schema=False)
SORTS = {"employment": "Jobs", "wage": "Median wage", "openings": "Openings a year (estimate)",
         "lq": "Location quotient", "share": "Share of jobs"}
Text = Annotated[str, Query(max_length=200)]


@router.get("/areas", response_class=HTMLResponse)
@shared
def areas_page(request: Request, q: Text = "") -> Response:
    explorer = request.app.state.explorer
    if q.strip():
        return RedirectResponse(f"/areas/{find_area(explorer.conn, q).code}", status_code=303)
    areas = explorer.areas()
    states = [a for a in areas if a.type in {"state", "territory"}]
    return render(request, "areas.html", title="Labor markets by area", states=states, all_areas=areas)


def _charts(explorer: Explorer, area: str) -> list[charts.Chart]:
    """The area page's chart, drawn once per area and data version."""
    found, profiles = explorer.area_profiles(area)
    return explorer.charts(("area", found.code), lambda: [
        charts.render(area_charts.area_subclusters(found.name, found.code, profiles))])


@router.get("/areas/{area}", response_class=HTMLResponse)
@shared
def area_page(request: Request, area: str, sort: Annotated[str, Query(max_length=20)] = "employment"
              ) -> HTMLResponse:
    explorer = request.app.state.explorer
    found, profiles = explorer.area_profiles(area)
    key = sort if sort in SORTS else "employment"
    return render(request, "area.html", title=f"{found.name}: sub-clusters", area=found, sort=key, sorts=SORTS,
                  profiles=lm.rank(profiles, key), charts=_charts(explorer, found.code),  # type: ignore[arg-type]
                  chart_base=f"/areas/{found.code}")


@router.get("/areas/{area}/charts/{name}.{fmt}")
@shared
def area_chart(request: Request, area: str, name: str, fmt: Literal["svg", "png"]) -> Response:
    """An area chart as a file (SVG or PNG), for slides and reports."""
    chart = next((c for c in _charts(request.app.state.explorer, area) if c.name == name), None)
    if chart is None:
        raise NotInDataError(f"no chart {name!r} on this page")
    body = charts.png(chart.spec) if fmt == "png" else charts.standalone_svg(chart.spec).encode()
    return Response(body, media_type="image/png" if fmt == "png" else "image/svg+xml",
                    headers={"Content-Disposition": f'attachment; filename="area-{area}-{name}.{fmt}"'})


@router.get("/areas/{area}/subclusters/{node_id}", response_class=HTMLResponse)
@shared
def area_subcluster_page(request: Request, area: str, node_id: str) -> HTMLResponse:
    found, profiles = request.app.state.explorer.area_profiles(area)
    wanted = lm.subcluster_id(node_id)
    profile = next(p for p in profiles if p.id == wanted)
    return render(request, "area_subcluster.html", title=f"{profile.name} in {found.name}", area=found,
                  profile=profile)


@router.get("/areas/{area}/occupations/{code}", response_class=HTMLResponse)
@shared
def area_occupation_page(request: Request, area: str, code: str) -> HTMLResponse:
    figures = lm.occupation_in_area(request.app.state.explorer.conn, code, area)
    return render(request, "area_occupation.html", title=f"{figures.title} in "
                  f"{figures.area.area.name if figures.area else area}", figures=figures,
                  area=find_area(request.app.state.explorer.conn, area))
