"""Questions across the framework and the imported data: occupations, programs, clusters, crosswalks and
the original → modern transition. Each command has ``--json`` for machine-readable output."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.formatting import figure, money
from careerclusters.base.spreadsheets import SafeWriter
from careerclusters.cli import common
from careerclusters.cli import labor as area_views
from careerclusters.cli.common import console, print_json, user_errors

if TYPE_CHECKING:
    from careerclusters.crosswalk import answers
    from careerclusters.crosswalk.relations import System
    from careerclusters.framework import Level

JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]
AREA = Annotated[str | None, typer.Option("--area", help="Figures for a state or metro area: OH, 'Columbus, OH'.")]


def _names(refs: list[answers.Ref]) -> str:
    return "; ".join(r.name for r in refs) or "—"


def occupation(code: Annotated[str, typer.Argument(help="SOC (29-1141) or O*NET-SOC (29-1141.00) code.")],
               as_json: JSON = False, area: AREA = None,
               by_industry: Annotated[bool, typer.Option("--by-industry", help=(
                   "The industries employing it (needs `data import --industries`); the nation unless --area."))]
               = False,
               industry_level: Annotated[str, typer.Option("--industry-level", help=(
                   "With --by-industry: sector, 3-digit, 4-digit, 5-digit or ownership."))] = "sector") -> None:
    """An occupation: clusters in both editions, programs, wages, outlook, tasks and more; with --area, its
    wages and employment in that area beside the nation's; with --by-industry, its jobs and wages by industry."""
    if by_industry:
        area_views.occupation_by_industry(code, area or "US", industry_level, as_json)
        return
    if area is not None:
        area_views.occupation_in_area(code, area, as_json)
        return
    from careerclusters.crosswalk import answers

    with common.open_store() as conn:
        occ = answers.occupation(conn, code)
    if as_json:
        print_json(occ.model_dump(mode="json"))
        return
    onet = f", O*NET-SOC {occ.onet_soc}" if occ.onet_soc else ""
    console.print(f"[bold]{occ.title}[/bold]  [dim]SOC {occ.soc}{onet}[/dim]")
    if occ.description:
        console.print(occ.description)
    console.print(f"[dim]Clusters:[/dim] {_names(occ.clusters)}")
    console.print(f"[dim]Sub-clusters:[/dim] {_names(occ.subclusters)}")
    console.print(f"[dim]Original clusters / pathways:[/dim] {_names(occ.original_clusters)} / {_names(occ.pathways)}")
    if occ.wage:
        w = occ.wage
        markers = w.markers
        note = f" (published for {w.soc} as a group)" if w.aggregate else ""
        console.print(f"[dim]Median annual wage ({w.release}):[/dim] {money(w.annual_median, markers.get('a_median'))}"
                      f", 10th–90th percentile {money(w.annual_pct10, markers.get('a_pct10'))} – "
                      f"{money(w.annual_pct90, markers.get('a_pct90'))}"
                      f"; hourly median {money(w.hourly_median, markers.get('h_median'))}{note}")
    if occ.outlook:
        o = occ.outlook
        console.print(f"[dim]Outlook ({o.release}):[/dim] employment {figure(o.employment_base_k)}k → "
                      f"{figure(o.employment_projected_k)}k ({figure(o.change_pct, '%')}), "
                      f"{figure(o.openings_k)}k openings a year; entry: {o.entry_education or '—'}")
    if occ.job_zone:
        console.print(f"[dim]Job zone:[/dim] {occ.job_zone}   [dim]Interests (RIASEC):[/dim] {occ.riasec_code or '—'}")
    if occ.programs:
        console.print("[dim]Programs (CIP):[/dim] " + "; ".join(f"{p.cip} {p.title}" for p in occ.programs[:8])
                      + (f" … and {len(occ.programs) - 8} more" if len(occ.programs) > 8 else ""))
    for task in occ.tasks[:5]:
        console.print(f"  • {task}")
    if occ.alternate_titles:
        console.print(f"[dim]Also called:[/dim] {', '.join(occ.alternate_titles[:8])}")


def program(code: Annotated[str, typer.Argument(help="CIP 2020 code, such as 51.3801.")],
            as_json: JSON = False, area: AREA = None) -> None:
    """An instructional program (a CIP 2020 code): its definition, clusters and sub-clusters, and the occupations
    it leads to; with --area, those occupations' jobs, wages and openings in that area."""
    if area is not None:
        area_views.program_in_area(code, area, as_json)
        return
    from careerclusters.crosswalk import answers

    with common.open_store() as conn:
        prog = answers.program(conn, code)
    if as_json:
        print_json(prog.model_dump(mode="json"))
        return
    console.print(f"[bold]{prog.title}[/bold]  [dim]CIP {prog.cip}[/dim]")
    if prog.definition:
        console.print(prog.definition)
    console.print(f"[dim]Clusters:[/dim] {_names(prog.clusters)}")
    console.print(f"[dim]Sub-clusters:[/dim] {_names(prog.subclusters)}")
    _occupation_table(prog.occupations)


def _occupation_table(rows: list[answers.OccupationListing]) -> None:
    table = Table("SOC", "occupation", "median wage", "openings/yr (k)", "entry education")
    for o in rows:
        table.add_row(o.soc, o.title, money(o.median_wage, o.wage_marker), figure(o.openings_k),
                      o.entry_education or "—")
    console.print(table)


def _contents(query: str, level: Level, sort: answers.SortKey, as_json: bool) -> None:
    from careerclusters.crosswalk import answers

    with common.open_store() as conn:
        result = answers.contents(conn, query, level, sort)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    console.print(f"[bold]{result.node.name}[/bold]  [dim]{level.label}, id {result.node.id}[/dim]")
    console.print(result.definition)
    console.print(f"[dim]{len(result.occupations)} occupations, {len(result.programs)} programs, industries: "
                  f"{', '.join(f'{i.naics} {i.title}' for i in result.industries) or '—'}[/dim]")
    _occupation_table(result.occupations)


SORT = Annotated[str, typer.Option("--sort", help="title, wage, openings, employment, growth or soc.")]


def _sort_key(value: str) -> answers.SortKey:
    if value not in ("title", "wage", "openings", "employment", "growth", "soc"):
        raise CareerClustersError(f"cannot sort by {value!r}: use title, wage, openings, employment, growth or soc")
    return value  # type: ignore[return-value]


def cluster(query: Annotated[str, typer.Argument(help="Cluster id, code or name.")], sort: SORT = "title",
            as_json: JSON = False, area: AREA = None) -> None:
    """A modern cluster's occupations (median wage, projected openings), programs and industries; with --area,
    its profile and top occupations in that area."""
    if area is not None:
        area_views.cluster_in_area(query, area, as_json)
        return
    from careerclusters.framework import Level

    _contents(query, Level.CLUSTER, _sort_key(sort), as_json)


def subcluster(query: Annotated[str, typer.Argument(help="Sub-cluster id or name.")], sort: SORT = "title",
               as_json: JSON = False, area: AREA = None) -> None:
    """A sub-cluster's occupations (median wage, projected openings), programs and industries; with --area,
    its profile and top occupations in that area."""
    if area is not None:
        area_views.subcluster_in_area(query, area, as_json)
        return
    from careerclusters.framework import Level

    _contents(query, Level.SUBCLUSTER, _sort_key(sort), as_json)


def _system(value: str) -> System:
    from careerclusters.crosswalk.relations import System

    try:
        return System(value.lower())
    except ValueError:
        raise CareerClustersError(f"unknown code system {value!r}: use {', '.join(s.value for s in System)}") from None


def _codes_from(file: Path, encoding: str | None) -> list[str]:
    """Codes from the first column of a CSV, text or .xlsx file; a header row that is not a code is skipped."""
    from careerclusters.crosswalk.relations import System

    rows = [r for r in csv.reader(common.read_input(file, encoding).splitlines()) if r and r[0].strip()]
    if rows and not any(ch.isdigit() for ch in rows[0][0]) and rows[0][0].strip().lower() in {
            "code", "codes", *(s.value for s in System)}:
        rows = rows[1:]
    return [r[0].strip() for r in rows]


def crosswalk(
    source: Annotated[str, typer.Argument(metavar="FROM", help="soc, onet, cip, naics, cluster, subcluster, pathway")],
    target: Annotated[str, typer.Argument(metavar="TO", help="soc, onet, cip, naics, cluster, subcluster, pathway")],
    codes: Annotated[list[str] | None, typer.Argument(metavar="CODE…", help="Codes, ids or names to map.")] = None,
    input_file: Annotated[Path | None, typer.Option(
        "--input", "-i", help="Read codes from a file's first column (CSV, text or .xlsx).")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Write CSV rows: from, to, to_name.")] = False,
    as_json: JSON = False,
    raw: Annotated[bool, common.RAW] = False,
    encoding: Annotated[str | None, common.ENCODING] = None,
) -> None:
    """Map codes from one system to another through the published crosswalks."""
    wanted = list(codes or []) + (_codes_from(input_file, encoding) if input_file else [])
    if not wanted:
        raise CareerClustersError("give at least one CODE or --input FILE")
    from careerclusters.crosswalk.relations import Crosswalk

    with common.open_store() as conn:
        results = Crosswalk(conn).map(_system(source), _system(target), wanted)
    if as_json:
        print_json([{"code": r.code, "route": r.route, "error": r.error,
                     "targets": [{"code": c, "name": n} for c, n in r.targets]} for r in results])
    elif as_csv:
        writer = SafeWriter(sys.stdout, raw=raw)
        writer.writerow([source, target, f"{target}_name", "error"])
        for r in results:
            for code, name in r.targets or [("", "")]:
                writer.writerow([r.code, code, name, r.error or ""])
    else:
        for r in results:
            if r.error:
                console.print(f"[red]{r.code}[/red]: {r.error}", highlight=False)
                continue
            console.print(f"[bold]{r.code}[/bold] → {len(r.targets)} [dim](via {' → '.join(r.route)})[/dim]")
            for code, name in r.targets:
                console.print(f"  {code}  {name}", highlight=False)


def transition(
    query: Annotated[str | None, typer.Argument(
        metavar="PATHWAY_OR_CLUSTER", help="Original pathway or cluster.")] = None,
    input_file: Annotated[Path | None, typer.Option(
        "--input", "-i",
        help="CSV (or .xlsx) of local programs with 'pathway' and/or 'cluster' and optional 'cip' columns.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the mapped CSV here.")] = None,
    as_json: JSON = False,
    raw: Annotated[bool, common.RAW] = False,
    encoding: Annotated[str | None, common.ENCODING] = None,
) -> None:
    """Where an original cluster or pathway moves in the modern framework, weighted by shared occupations."""
    if (query is None) == (input_file is None):
        raise CareerClustersError("give either PATHWAY_OR_CLUSTER or --input FILE")
    from careerclusters.crosswalk.transition import TransitionMap, map_programs_csv

    with common.open_store() as conn:
        tmap = TransitionMap(conn)
        if input_file is not None:
            content = common.read_input(input_file, encoding)
            mapped = map_programs_csv(tmap, conn, content, input_file.name, raw=raw)
            if output:
                output.write_text(mapped, encoding="utf-8")
                console.print(f"wrote {output}", highlight=False)
            else:
                sys.stdout.write(mapped)
            return
        result = tmap.of(query or "")
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    console.print(f"[bold]{result.source_name}[/bold] [dim](original {result.source_level}; {result.occupations} "
                  f"occupations in both editions, {result.unmatched} without a modern assignment)[/dim]")
    table = Table("share", "modern sub-cluster", "cluster", "occupations")
    for t in result.subclusters:
        table.add_row(f"{t.share:.0%}", t.name, t.cluster or "",
                      ", ".join(t.occupations[:4]) + (" …" if len(t.occupations) > 4 else ""))
    console.print(table)


COMMANDS = (occupation, program, cluster, subcluster, crosswalk, transition)


def register(root: typer.Typer) -> None:
    for command in COMMANDS:
        root.command(name=command.__name__)(user_errors(command))
