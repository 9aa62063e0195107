"""``careerclusters framework …``: draw, show and export the embedded framework."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerclusters.cli import common
from careerclusters.cli.common import (
    EDITION_HELP,
    console,
    parse_edition,
    print_json,
    user_errors,
)

if TYPE_CHECKING:
    from rich.tree import Tree

    from careerclusters.framework import Framework, Node

app = typer.Typer(help="Browse and export the National Career Clusters Framework.", no_args_is_help=True)


def _label(node: Node) -> str:
    code = f" [dim]{node.code}[/dim]" if node.code else ""
    flag = " [magenta](cross-cutting)[/magenta]" if node.cross_cutting else ""
    naics = f" [dim]NAICS {', '.join(node.naics)}[/dim]" if node.naics else ""
    return f"{node.name}{code}{flag}{naics}"


def _add(fw: Framework, branch: Tree, node: Node) -> None:
    sub = branch.add(_label(node))
    for child in fw.children(node):
        _add(fw, sub, child)


def _summary(counts: dict[str, int]) -> str:
    parts = [f"{counts[k]} {k}" for k in ("groupings", "clusters", "subclusters", "pathways") if k in counts]
    if "cross_cutting_clusters" in counts:
        parts[1] += f" ({counts['cross_cutting_clusters']} cross-cutting)"
    return ", ".join(parts).replace("subclusters", "sub-clusters")


@app.command()
@user_errors
def tree(
    edition: Annotated[str, typer.Option("--edition", "-e", help=EDITION_HELP)] = "2024",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a tree.")] = False,
) -> None:
    """Draw the hierarchy: groupings, clusters and sub-clusters (or the original clusters and pathways)."""
    from rich.tree import Tree

    from careerclusters.framework import Edition, load_framework
    from careerclusters.framework.export import edition_dict

    fw = load_framework()
    ed = parse_edition(edition)
    assert ed is not None
    if as_json:
        print_json(edition_dict(fw, ed))
        return
    root = Tree(f"[bold]National Career Clusters Framework ({'2024' if ed is Edition.MODERN else 'original'})"
                f"[/bold]: {_summary(fw.counts(ed))}")
    for top in fw.roots(ed):
        _add(fw, root, top)
    console.print(root)


@app.command()
@user_errors
def show(
    query: Annotated[str, typer.Argument(metavar="ID_OR_NAME", help="An id, code, name or alias.")],
    edition: Annotated[str | None, typer.Option("--edition", "-e", help=EDITION_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one grouping, cluster, sub-cluster or pathway with its parents, children and definition."""
    from careerclusters.framework import load_framework
    from careerclusters.framework.export import node_dict

    fw = load_framework()
    node = fw.get(query, edition=parse_edition(edition))
    ancestors = fw.ancestors(node)
    children = fw.children(node)
    if as_json:
        data = node_dict(fw, node, nested=False) | {
            "edition": node.edition.value,
            "ancestors": [node_dict(fw, a, nested=False) for a in ancestors],
            "children": [node_dict(fw, c, nested=False) for c in children],
        }
        print_json(data)
        return
    console.print(f"[bold]{node.name}[/bold]  [dim]{node.level.label}, {node.edition} edition, id {node.id}"
                  + (f", code {node.code}" if node.code else "") + "[/dim]")
    console.print(node.definition)
    if node.aliases:
        console.print(f"[dim]Also written:[/dim] {'; '.join(node.aliases)}")
    if node.naics:
        console.print(f"[dim]NAICS sectors:[/dim] {', '.join(node.naics)}")
    if node.cross_cutting:
        console.print("[magenta]Cross-cutting: its skills are used in every other cluster.[/magenta]")
    for ancestor in ancestors:
        console.print(f"[dim]{ancestor.level.label}:[/dim] {ancestor.name} ({ancestor.id})")
    if children:
        console.print(f"[dim]{children[0].level.label}s ({len(children)}):[/dim]")
        for child in children:
            console.print(f"  • {child.name} ({child.id})")


@app.command()
@user_errors
def practices(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The Career Ready Practices, each list labelled with its edition."""
    from careerclusters.framework import load_framework

    lists = load_framework().practices
    if as_json:
        print_json([p.model_dump(mode="json") for p in lists])
        return
    for plist in lists:
        console.print(f"[bold]{plist.title}[/bold] [dim]({plist.edition} edition)[/dim]")
        for practice in plist.practices:
            console.print(f"  {practice.code:>5}  {practice.name}", highlight=False)


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    skos = "skos"


@app.command()
@user_errors
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="json, csv or skos (Turtle).")] = (
        ExportFormat.json),
    edition: Annotated[
        str | None, typer.Option("--edition", "-e", help=EDITION_HELP + " Default: both.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    raw: Annotated[bool, common.RAW] = False,
) -> None:
    """Export the framework as one nested JSON document, a flat CSV, or SKOS in Turtle."""
    from careerclusters.framework import load_framework
    from careerclusters.framework.export import to_csv, to_json_document

    fw = load_framework()
    ed = parse_edition(edition)
    if fmt is ExportFormat.json:
        text = json.dumps(to_json_document(fw, ed), indent=2, ensure_ascii=False) + "\n"
    elif fmt is ExportFormat.csv:
        text = to_csv(fw, ed, raw=raw)
    else:
        from careerclusters.framework.skos import to_skos

        text = to_skos(fw, ed).serialize(format="turtle")
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output}", highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="framework")
