"""``careerclusters data …``: fetch, import and inspect the official source files in the store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from careerclusters.cli import common
from careerclusters.cli.common import console, print_json, say, user_errors
from careerclusters.data import CONTACT_ENV, MIRROR_ENV

if TYPE_CHECKING:
    from careerclusters.data.fetch import Fetched
    from careerclusters.sources import OfficialFile

app = typer.Typer(help="Download, import and inspect the official data files.", no_args_is_help=True)

MirrorOption = Annotated[str | None, typer.Option(
    "--mirror", envvar=MIRROR_ENV, help="A folder or URL holding copies under the official file names.")]
ContactOption = Annotated[str | None, typer.Option(
    "--contact", envvar=CONTACT_ENV, help="Your e-mail address, sent with downloads as BLS asks of scripts.")]
IndustriesOption = Annotated[bool, typer.Option(
    "--industries", help="Keep OEWS's rows for every industry too, not only the cross-industry ones.")]


def _import(paths: list[Path], db: Path | None = None, industries: bool = False) -> None:
    from careerclusters.store.importer import import_paths

    with common.progress() as progress:
        task = progress.add_task("reading", total=len(paths))

        def on_file(path: Path) -> None:
            progress.update(task, description=f"reading {path.name}")
            progress.advance(task)

        with common.open_store(readonly=False, path=db) as conn:
            results = import_paths(conn, paths, on_file, industries=industries)
    table = Table("file", "status", "rows", "read s")
    for r in results:
        table.add_row(r.file_name, r.status, f"{sum(r.rows.values()):,}", f"{r.read_seconds:.2f}")
    console.print(table)


def fetch_and_import(mirror: str | None, contact: str | None, kinds: set[str] | None = None,
                     db: Path | None = None, industries: bool = False) -> list[Fetched]:
    """Download (or take from the mirror) the official files, or just ``kinds``, with a progress bar, say
    what could not be had, and import the rest into the store (``db``, else ``--db`` or the default) in one
    transaction. Returns what became of each file."""
    from careerclusters.data.fetch import fetch

    with common.progress() as progress:
        task = progress.add_task("fetching", total=len(kinds) if kinds is not None else None)

        def on_file(official: OfficialFile) -> None:
            progress.update(task, description=f"fetching {official.file_name}")
            progress.advance(task)

        fetched = fetch(mirror, on_file=on_file, contact=contact, kinds=kinds, industries=industries)
    for result in fetched:
        name, what = result.official.file_name, result.official.what
        if result.status == "by hand":
            say(f"{name} ({what}): {result.problem}, then run `careerclusters data import FILE`")
        elif result.status == "failed" and result.official.instead_of:
            say(f"nor its stand-in {name}: {result.problem}")
        elif result.status == "failed":
            say(f"not fetched, so no {what}: {result.problem}")
        elif result.status == "incomplete":
            say(f"{name} in part: {result.problem}")
        elif result.status == "bundled" and result.problem:
            say(f"{name}: using the bundled copy ({result.problem})")
    paths = [path for result in fetched for path in result.paths]
    if paths:
        _import(paths, db, industries)
    return fetched


@app.command("import")
@user_errors
def import_(paths: Annotated[list[Path], typer.Argument(help="Official files, or an O*NET folder or zip.")],
            industries: IndustriesOption = False) -> None:
    """Import official files (kinds are detected from contents) in one all-or-nothing transaction. OEWS by area
    keeps the cross-industry figures unless --industries is given."""
    _import(paths, industries=industries)


@app.command("fetch")
@user_errors
def fetch_(mirror: MirrorOption = None, contact: ContactOption = None, industries: IndustriesOption = False) -> None:
    """Download the current official files (or take them from a mirror), check them, and import them. The
    crosswalks come with the package; a mirror's newer copies replace them. Exits 2 if a download failed
    or a mirror holds only some of a download's unpacked files."""
    fetched = fetch_and_import(mirror, contact, industries=industries)
    if any(result.status in {"failed", "incomplete"} for result in fetched):
        raise typer.Exit(common.BAD_INPUT)


@app.command("status")
@user_errors
def status_(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """What the store holds: each source's release, origin (bundled with the package or imported), file,
    checksum, time and row counts, and which official data is still missing. A store written by an older
    version is upgraded here (the server opens stores read-only and asks for this)."""
    from careerclusters.data.fetch import missing, not_needed
    from careerclusters.store.importer import status

    path = common.store_path()
    with common.open_store(readonly=not (path.exists() and os.access(path, os.W_OK))) as conn:
        entries = status(conn)
        lacking = missing(conn)
        unneeded = not_needed(conn)
    if as_json:
        print_json({"db": str(common.db_path or ""), "sources": entries,
                    "missing": [{"kind": m.kind, "file_name": m.file_name, "what": m.what} for m in lacking],
                    "not_needed": [{"kind": u.kind, "file_name": u.file_name, "held_by": held_by}
                                   for u, held_by in unneeded]})
        return
    table = Table("source", "release", "origin", "rows", "since (UTC)", "sha256")
    for e in entries:
        table.add_row(str(e["kind"]), str(e["release"]), str(e["origin"]), f"{sum(e['row_counts'].values()):,}",
                      str(e["imported_at"])[:16].replace("T", " "), str(e["sha256"])[:12])
    console.print(table)
    for u, held_by in unneeded:
        console.print(f"Not needed: {u.file_name} ({u.release}); the imported {held_by} holds the same figures.",
                      highlight=False)
    if lacking:
        console.print("Not imported yet: " + "; ".join(f"{m.what} from {m.file_name}" for m in lacking) + ".\n"
                      "Add them with `careerclusters data fetch` (or `careerclusters data fetch --mirror FOLDER`).",
                      highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="data")
