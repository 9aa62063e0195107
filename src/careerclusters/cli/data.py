"""``careerclusters data …``: fetch, import and inspect the official source files in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from careerclusters.cli import common
from careerclusters.cli.common import console, print_json, user_errors
from careerclusters.services.fetch import MIRROR_ENV, fetch
from careerclusters.store import import_paths, status

app = typer.Typer(help="Download, import and inspect the official data files.", no_args_is_help=True)


def _import(paths: list[Path]) -> None:
    with common.progress() as progress:
        task = progress.add_task("reading", total=len(paths))

        def on_file(path: Path) -> None:
            progress.update(task, description=f"reading {path.name}")
            progress.advance(task)

        with common.open_store(readonly=False) as conn:
            results = import_paths(conn, paths, on_file)
    table = Table("file", "status", "rows", "read s")
    for r in results:
        table.add_row(r.file_name, r.status, f"{sum(r.rows.values()):,}", f"{r.read_seconds:.2f}")
    console.print(table)


@app.command("import")
@user_errors
def import_(paths: Annotated[list[Path], typer.Argument(help="Official files, or an O*NET folder or zip.")]) -> None:
    """Import official files (kinds are detected from contents) in one all-or-nothing transaction."""
    _import(paths)


@app.command("fetch")
@user_errors
def fetch_(
    mirror: Annotated[str | None, typer.Option(
        "--mirror", envvar=MIRROR_ENV, help="A folder or URL holding copies under the official file names.")] = None,
) -> None:
    """Download the official files (or take them from a mirror), check their SHA-256, and import them."""
    fetched = fetch(mirror)
    paths = [f.path for f in fetched if f.path is not None]
    for manual in (f for f in fetched if f.path is None):
        common.err_console.print(f"{manual.official.file_name}: download it by hand from {manual.official.page} "
                                 "and run `careerclusters data import FILE`", markup=False)
    _import(paths)


@app.command("status")
@user_errors
def status_(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """What is imported: each source's release, file, checksum, import time and row counts."""
    with common.open_store() as conn:
        entries = status(conn)
    if as_json:
        print_json({"db": str(common.db_path or ""), "sources": entries})
        return
    if not entries:
        console.print("Nothing imported yet: run `careerclusters data fetch` or `careerclusters data import FILE…`.")
        return
    table = Table("source", "release", "rows", "imported (UTC)", "sha256")
    for e in entries:
        table.add_row(str(e["kind"]), str(e["release"]), f"{sum(e['row_counts'].values()):,}",
                      str(e["imported_at"])[:16].replace("T", " "), str(e["sha256"])[:12])
    console.print(table)
