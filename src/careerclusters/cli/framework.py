"""``careerclusters framework …``: draw, show and export the embedded framework, in English or (``--lang``) in
another language it is translated into; the words around the framework's own follow the interface catalogue."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerclusters.base.languages import gettext as _
from careerclusters.base.languages import language
from careerclusters.cli import common
from careerclusters.cli.common import (
    EDITION_HELP,
    LANG_HELP,
    console,
    parse_edition,
    parse_language,
    print_json,
    user_errors,
)

if TYPE_CHECKING:
    from rich.tree import Tree

    from careerclusters.framework import Framework, Node
    from careerclusters.framework.translations import Translation

app = typer.Typer(help="Browse and export the National Career Clusters Framework.", no_args_is_help=True)
LANG = Annotated[str, typer.Option("--lang", "-l", help=LANG_HELP)]


def _label(words: Translation, node: Node) -> str:
    code = f" [dim]{node.code}[/dim]" if node.code else ""
    flag = " [magenta](" + _("cross-cutting") + ")[/magenta]" if node.cross_cutting else ""
    naics = f" [dim]NAICS {', '.join(node.naics)}[/dim]" if node.naics else ""
    return f"{words.label(node).name}{code}{flag}{naics}"


def _add(fw: Framework, words: Translation, branch: Tree, node: Node) -> None:
    sub = branch.add(_label(words, node))
    for child in fw.children(node):
        _add(fw, words, sub, child)


def _summary(counts: dict[str, int]) -> str:
    if "groupings" in counts:
        return _("%(groupings)d groupings, %(clusters)d clusters (%(cross)d cross-cutting), "
                 "%(subclusters)d sub-clusters") % {"groupings": counts["groupings"], "clusters": counts["clusters"],
                                                    "cross": counts["cross_cutting_clusters"],
                                                    "subclusters": counts["subclusters"]}
    return _("%(clusters)d clusters, %(pathways)d pathways") % counts


@app.command()
@user_errors
def tree(
    edition: Annotated[str, typer.Option("--edition", "-e", help=EDITION_HELP)] = "2024",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a tree.")] = False,
    lang: LANG = "en",
) -> None:
    """Draw the hierarchy: groupings, clusters and sub-clusters (or the original clusters and pathways)."""
    from rich.tree import Tree

    from careerclusters.framework import load_framework
    from careerclusters.framework.export import edition_dict

    fw = load_framework()
    ed = parse_edition(edition)
    assert ed is not None
    lang = parse_language(lang)
    if as_json:
        print_json(edition_dict(fw, ed, lang))
        return
    words = fw.translation(lang)
    with language(lang):
        root = Tree(f"[bold]{words.edition_title(ed)}[/bold]: {_summary(fw.counts(ed))}")
        for top in fw.roots(ed):
            _add(fw, words, root, top)
    console.print(root)


@app.command()
@user_errors
def show(
    query: Annotated[str, typer.Argument(metavar="ID_OR_NAME", help="An id, code, name or alias.")],
    edition: Annotated[str | None, typer.Option("--edition", "-e", help=EDITION_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lang: LANG = "en",
) -> None:
    """Show one grouping, cluster, sub-cluster or pathway with its parents, children and definition."""
    from careerclusters.framework import Edition, load_framework
    from careerclusters.framework.export import node_dict

    fw = load_framework()
    lang = parse_language(lang)
    node = fw.get(query, edition=parse_edition(edition))
    ancestors = fw.ancestors(node)
    children = fw.children(node)
    if as_json:
        data = node_dict(fw, node, nested=False, lang=lang) | {
            "edition": node.edition.value,
            "ancestors": [node_dict(fw, a, nested=False, lang=lang) for a in ancestors],
            "children": [node_dict(fw, c, nested=False, lang=lang) for c in children],
        }
        print_json(data)
        return
    words = fw.translation(lang)
    label = words.label(node)
    with language(lang):
        about = _("%(level)s, %(edition)s edition, id %(id)s") % {
            "level": words.level(node.level), "id": node.id,
            "edition": _("2024") if node.edition is Edition.MODERN else _("original")}
        console.print(f"[bold]{label.name}[/bold]  [dim]{about}"
                      + (_(", code %(code)s") % {"code": node.code} if node.code else "") + "[/dim]")
        console.print(label.definition)
        if label.aliases:
            console.print("[dim]" + _("Also written:") + "[/dim] " + "; ".join(label.aliases))
        if node.naics:
            console.print("[dim]" + _("NAICS sectors:") + "[/dim] " + ", ".join(node.naics))
        if node.cross_cutting:
            console.print("[magenta]" + _("Cross-cutting: its skills are used in every other cluster.") + "[/magenta]")
        for ancestor in ancestors:
            console.print(f"[dim]{words.level(ancestor.level)}:[/dim] {words.label(ancestor).name} ({ancestor.id})")
        if children:
            console.print(f"[dim]{words.level(children[0].level, plural=True)} ({len(children)}):[/dim]")
            for child in children:
                console.print(f"  • {words.label(child).name} ({child.id})")
        if words.translator:
            console.print(f"[dim]{words.translator}[/dim]")


@app.command()
@user_errors
def practices(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False, lang: LANG = "en") -> None:
    """The Career Ready Practices, each list labelled with its edition."""
    from careerclusters.framework import Edition, load_framework

    lists = load_framework().translation(parse_language(lang)).practices
    if as_json:
        print_json([p.model_dump(mode="json") for p in lists])
        return
    with language(lang):
        for plist in lists:
            edition = _("%(edition)s edition") % {
                "edition": _("2024") if plist.edition is Edition.MODERN else _("original")}
            console.print(f"[bold]{plist.title}[/bold] [dim]({edition})[/dim]")
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
    lang: Annotated[str, typer.Option("--lang", "-l", help=LANG_HELP + " JSON and CSV in that language (saying who "
                                      "translated it); SKOS with its labels beside the English.")] = "en",
) -> None:
    """Export the framework as one nested JSON document, a flat CSV, or SKOS in Turtle."""
    from careerclusters.framework import load_framework
    from careerclusters.framework.export import to_csv, to_json_document

    fw = load_framework()
    ed = parse_edition(edition)
    lang = parse_language(lang)
    if fmt is ExportFormat.json:
        text = json.dumps(to_json_document(fw, ed, lang), indent=2, ensure_ascii=False) + "\n"
    elif fmt is ExportFormat.csv:
        text = to_csv(fw, ed, raw=raw, lang=lang)
    else:
        from careerclusters.framework.skos import to_skos

        text = to_skos(fw, ed, lang).serialize(format="turtle")
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output}", highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="framework")
