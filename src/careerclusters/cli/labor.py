"""``careerclusters area …`` and the ``--area`` views of occupations and sub-clusters: OEWS figures for a
state, territory, metro or nonmetropolitan area, beside the nation's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.formatting import count, money
from careerclusters.cli import common
from careerclusters.cli.common import console, print_json, user_errors
from careerclusters.store.labor import AREA_TYPES

if TYPE_CHECKING:
    from careerclusters.labor import market as lm

app = typer.Typer(help="Labour markets by state and metro area (BLS OEWS), rolled up to sub-clusters.",
                  no_args_is_help=True)
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]
AreaArg = Annotated[str, typer.Argument(help="An area: OH, Ohio, 'Columbus, OH', or a BLS area code.")]


def _rank_key(value: str) -> lm.RankKey:
    from careerclusters.labor import market as lm

    if value not in lm.RANK_FIELDS:
        raise CareerClustersError(f"cannot rank by {value!r}: use one of {', '.join(lm.RANK_FIELDS)}")
    return value  # type: ignore[return-value]


@app.command("list")
@user_errors
def list_(area_type: Annotated[str | None, typer.Option("--type", help=f"One of: {', '.join(AREA_TYPES)}.")] = None,
          as_json: JSON = False) -> None:
    """The areas with OEWS data, with their BLS codes."""
    from careerclusters.labor.areas import list_areas

    with common.open_store() as conn:
        found = list_areas(conn, area_type)
    if as_json:
        print_json([a.model_dump() for a in found])
        return
    table = Table("code", "area", "type", "state")
    for a in found:
        table.add_row(a.code, a.name, a.type, a.postal)
    console.print(table)


def _profile_table(profiles: list[lm.SubclusterInArea]) -> Table:
    levels = {p.level for p in profiles}
    table = Table("cluster" if levels == {"cluster"} else "sub-cluster",
                  "grouping" if levels == {"cluster"} else "cluster", "jobs", "share", "LQ", "median wage",
                  "openings/yr (est.)")
    for p in profiles:
        wage = money(p.median_wage) if not p.median_wage_at_least else "top of range or more"
        table.add_row(p.name, p.cluster, count(p.employment),
                      "—" if p.share_of_jobs is None else f"{p.share_of_jobs:.1%}",
                      "—" if p.location_quotient is None else f"{p.location_quotient:.2f}", wage,
                      count(p.openings_estimate))
    return table


@app.command("rank")
@user_errors
def rank(area: AreaArg, by: Annotated[str, typer.Option("--by", help="employment, wage, openings, lq or share.")]
         = "employment", top: Annotated[int, typer.Option(min=1, max=72, help="How many to show.")] = 72,
         as_json: JSON = False) -> None:
    """All 72 sub-clusters of an area, highest first by one figure."""
    from careerclusters.labor import market as lm

    key = _rank_key(by)
    with common.open_store() as conn:
        found, profiles = lm.subclusters_in_area(conn, area)
        note = lm.openings_note(conn, found)
    ranked = lm.rank(profiles, key)[:top]
    if as_json:
        print_json({"area": found.model_dump(), "by": key, "subclusters": [p.model_dump() for p in ranked],
                    "note": note})
        return
    console.print(f"[bold]{found.name}[/bold]  [dim]{found.type}, BLS area {found.code}; ranked by {key}[/dim]")
    console.print(_profile_table(ranked))
    console.print(f"[dim]{note}; median wage: the employment-weighted median of occupation medians[/dim]")


@app.command("show")
@user_errors
def show(area: AreaArg, as_json: JSON = False) -> None:
    """An area: its largest sub-clusters by employment."""
    rank(area, by="employment", top=10, as_json=as_json)


def occupation_in_area(code: str, area: str, as_json: bool) -> None:
    """``occupation SOC --area AREA``: the occupation's figures in the area beside the nation's."""
    from careerclusters.labor import market as lm
    from careerclusters.labor.areas import find_area

    with common.open_store() as conn:
        found = lm.occupation_in_area(conn, code, area)
        note = lm.openings_note(conn, find_area(conn, area))
    if as_json:
        print_json(found.model_dump(mode="json") | {"note": note})
        return
    console.print(f"[bold]{found.title}[/bold]  [dim]SOC {found.soc}[/dim]")
    table = Table("", "jobs", "LQ", "median annual wage", "10th–90th percentile", "median hourly")
    for figures in (found.area, found.national):
        if figures is None:
            continue
        m = figures.markers
        table.add_row(figures.area.name + (" (broad group)" if figures.aggregate else ""),
                      count(figures.employment) if figures.employment is not None else money(None, m.get("tot_emp")),
                      "—" if figures.location_quotient is None else f"{figures.location_quotient:.2f}",
                      money(figures.annual_median, m.get("a_median")),
                      f"{money(figures.annual_pct10, m.get('a_pct10'))} – "
                      f"{money(figures.annual_pct90, m.get('a_pct90'))}",
                      money(figures.hourly_median, m.get("h_median")))
    console.print(table)
    if found.area is None:
        console.print("The area publishes no figures for this occupation.")
    if found.openings_estimate is not None:
        console.print(f"Openings a year in the area (estimate): {found.openings_estimate:,.0f}")
        console.print(f"[dim]{note}[/dim]")


def subcluster_in_area(query: str, area: str, as_json: bool) -> None:
    """``subcluster ID --area AREA``: the sub-cluster's profile and top occupations in the area."""
    from careerclusters.labor import market as lm
    from careerclusters.labor.areas import find_area

    with common.open_store() as conn:
        profile = lm.subcluster_in_area(conn, query, area)
        found = find_area(conn, area)
        note = lm.openings_note(conn, found)
    if as_json:
        print_json({"area": found.model_dump(), **profile.model_dump(), "note": note})
        return
    console.print(f"[bold]{profile.name}[/bold] in [bold]{found.name}[/bold]")
    console.print(_profile_table([profile]))
    _top_occupations(profile, note)


def _occupation_table(occupations: list[lm.AreaOccupation]) -> None:
    table = Table("SOC", "occupation", "jobs", "median wage", "openings/yr (est.)")
    for o in occupations:
        table.add_row(o.soc, o.title, count(o.employment), money(o.median_wage, o.wage_marker),
                      count(o.openings_estimate))
    console.print(table)


def _top_occupations(profile: lm.SubclusterInArea, note: str) -> None:
    _occupation_table(profile.top_occupations)
    console.print(f"[dim]{profile.occupations_with_data} occupations with data, {profile.occupations_without_data} "
                  f"without; {note}[/dim]")


def program_in_area(code: str, area: str, as_json: bool) -> None:
    """``program CIP --area AREA``: the occupations the program leads to, in the area."""
    from careerclusters.labor import market as lm

    with common.open_store() as conn:
        found = lm.program_in_area(conn, code, area)
        note = lm.openings_note(conn, found.area)
    if as_json:
        print_json(found.model_dump(mode="json") | {"note": note})
        return
    console.print(f"[bold]{found.title}[/bold]  [dim]CIP {found.cip}[/dim] in [bold]{found.area.name}[/bold]")
    _occupation_table(found.occupations)
    console.print(f"[dim]{count(found.employment)} jobs, {count(found.openings_estimate)} openings a year; "
                  f"{note}[/dim]")


def cluster_in_area(query: str, area: str, as_json: bool) -> None:
    """``cluster ID --area AREA``: the cluster's profile and top occupations in the area."""
    from careerclusters.labor import market as lm

    wanted = lm.cluster_id(query)
    with common.open_store() as conn:
        found, profiles = lm.clusters_in_area(conn, area, top=10)
        note = lm.openings_note(conn, found)
    profile = next(p for p in profiles if p.id == wanted)
    if as_json:
        print_json({"area": found.model_dump(), **profile.model_dump(), "note": note})
        return
    console.print(f"[bold]{profile.name}[/bold] in [bold]{found.name}[/bold]")
    console.print(_profile_table([profile]))
    _top_occupations(profile, note)


def occupation_by_industry(code: str, area: str, level: str, as_json: bool) -> None:
    """``occupation SOC --by-industry [--area AREA]``: the industries employing the occupation, largest first."""
    from careerclusters.labor import industries

    with common.open_store() as conn:
        found = industries.occupation_by_industry(conn, code, area, level)
    if as_json:
        print_json(found.model_dump(mode="json"))
        return
    console.print(f"[bold]{found.title}[/bold]  [dim]SOC {found.soc}[/dim] in [bold]{found.area.name}[/bold]: "
                  f"{count(found.employment)} jobs, by {found.level}")
    table = Table("NAICS", "industry", "jobs", "share", "median annual wage", "median hourly")
    for i in found.industries:
        m = i.markers
        jobs = count(i.employment) if i.employment is not None else money(None, m.get("tot_emp"))
        table.add_row(i.naics, i.title, jobs,
                      "—" if i.share_of_occupation is None else f"{i.share_of_occupation:.1%}",
                      money(i.annual_median, m.get("a_median")), money(i.hourly_median, m.get("h_median")))
    console.print(table)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="area")
