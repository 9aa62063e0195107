"""``careerclusters data …``: fetch, import and inspect the official source files in the store."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer
from rich.table import Table

from careerclusters.base.commands import command
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


def tell(fetched: list[Fetched]) -> None:
    """Say on stderr what could not be had: one line per server that could not be reached (naming everything
    it would have given, and the bundled copies used instead), and one line for each other file that failed, is
    incomplete or is to be downloaded by hand."""
    servers: dict[str, tuple[str, list[str], list[str]]] = {}  # host → (why, what is missing, bundled copies used)
    for result in fetched:
        name, what = result.official.file_name, result.official.what
        if result.unreachable:
            host, reason = result.unreachable
            _why, lacking, bundled = servers.setdefault(host, (reason, [], []))
            listed, entry = (bundled, name) if result.status == "bundled" else (lacking, what)
            if entry not in listed:
                listed.append(entry)
        elif result.status == "by hand":
            say(f"{name} ({what}): {result.problem}, then run `{command('data import FILE')}`")
        elif result.status == "failed" and result.official.instead_of:
            say(f"nor its stand-in {name}: {result.problem}")
        elif result.status == "failed":
            say(f"not fetched, so no {what}: {result.problem}")
        elif result.status == "incomplete":
            say(f"{name} in part: {result.problem}")
        elif result.status == "bundled" and result.problem:
            say(f"{name}: using the bundled copy ({result.problem})")
    for host, (reason, lacking, bundled) in servers.items():
        publishers = {r.official.publisher for r in fetched
                      if r.official.url and urlsplit(r.official.url).netloc == host}
        server = f"{publishers.pop()} ({host})" if len(publishers) == 1 else host
        say(f"{server} could not be reached ({reason})" + (f", so no {'; '.join(lacking)}" if lacking else "")
            + (f"; the bundled copies of {', '.join(bundled)} are used" if bundled else ""))


def fetch_and_import(mirror: str | None, contact: str | None, kinds: set[str] | None = None,
                     db: Path | None = None, industries: bool = False, skip_unreachable: bool = False
                     ) -> list[Fetched]:
    """Download (or take from the mirror) the official files, or just ``kinds``, with a progress bar, say
    what could not be had, and import the rest into the store (``db``, else ``--db`` or the default) in one
    transaction. ``skip_unreachable``: leave alone the servers a recent run could not reach. Returns what
    became of each file."""
    from careerclusters.data.fetch import fetch

    with common.progress() as progress:
        task = progress.add_task("fetching", total=len(kinds) if kinds is not None else None)

        def on_file(official: OfficialFile) -> None:
            progress.update(task, description=f"fetching {official.file_name}")
            progress.advance(task)

        fetched = fetch(mirror, on_file=on_file, contact=contact, kinds=kinds, industries=industries,
                        skip_unreachable=skip_unreachable)
    tell(fetched)
    paths = [path for result in fetched for path in result.paths]
    if paths:
        _import(paths, db, industries)
    return fetched


@app.command("import")
@user_errors
def import_(paths: Annotated[list[Path], typer.Argument(help="Official files, or an O*NET folder or zip.")],
            industries: IndustriesOption = False) -> None:
    """Import official files (kinds are detected from contents) in one all-or-nothing transaction. OEWS by area
    keeps the cross-industry figures unless --industries is given. An official list of occupation titles in Spanish
    (a CSV with a code column and a title_es column) takes the place of the project's own translation."""
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
    checksum, time and row counts; each official file still missing, with its publisher's page, what it adds
    and the commands that add it; the publishers the last fetch could not reach; whether PDFs can be printed.
    A store written by an older version is upgraded here (the server opens stores read-only and asks for
    this)."""
    from careerclusters.data.status import missing_files, not_needed, unreachable
    from careerclusters.reports import pdf
    from careerclusters.store.importer import status
    from careerclusters.store.translations import title_status

    path = common.store_path()
    with common.open_store(readonly=not (path.exists() and os.access(path, os.W_OK))) as conn:
        entries = status(conn)
        lacking = missing_files(conn)
        unneeded = not_needed(conn)
        titles = title_status(conn)
    hosts = unreachable()
    pdf_problem = pdf.unavailable()
    if as_json:
        print_json({"db": str(common.db_path or ""), "sources": entries,
                    "missing": [{"kind": m.official.kind, "file_name": m.official.file_name, "what": m.official.what,
                                 "publisher": m.official.publisher, "page": m.official.page, "online": m.online,
                                 "offline": list(m.offline)} for m in lacking],
                    "not_needed": [{"kind": u.kind, "file_name": u.file_name, "held_by": held_by}
                                   for u, held_by in unneeded],
                    "occupation_titles": titles, "unreachable": hosts,
                    "pdf": {"available": pdf_problem is None, "problem": pdf_problem}})
        return
    table = Table("source", "release", "origin", "rows", "since (UTC)", "sha256")
    for e in entries:
        table.add_row(str(e["kind"]), str(e["release"]), str(e["origin"]), f"{sum(e['row_counts'].values()):,}",
                      str(e["imported_at"])[:16].replace("T", " "), str(e["sha256"])[:12])
    console.print(table)
    plain = functools.partial(console.print, highlight=False, soft_wrap=True, markup=False)
    for t in titles:
        plain(f"Occupation titles in {t['lang']}: " + (
            f"{t['imported']:,} from the imported list {t['imported_from']}, the project's own translation for the rest"
            if t["imported"] else f"the project's own translation ({t['own']:,} codes); import an official list in "
            f"its place with `{command('data import FILE.csv')}` (columns code, title_{t['lang']})") + ".")
    for u, held_by in unneeded:
        console.print(f"Not needed: {u.file_name} ({u.release}); the imported {held_by} holds the same figures.",
                      highlight=False)
    if lacking:
        console.print("Not imported yet:", highlight=False)
        for m in lacking:
            how = f"`{m.online}`" if m.online else "download it from the page"
            plain(f"  {m.official.file_name}: {m.official.what}\n    {m.official.publisher}, {m.official.page}\n"
                  f"    online: {how}; offline: `{m.offline[0]}`")
        mirror = command("data fetch --mirror FOLDER")
        plain(f"Offline, a folder holding copies of the files adds them all: `{mirror}`.")
    for host, entry in hosts.items():
        plain(f"Not reached at the last fetch: {host} ({entry.get('reason')}); `serve --fetch` tries it again after "
              f"a day, `{command('serve --fetch --retry')}` at once.")
    plain(f"PDF downloads: {'off: ' + pdf_problem if pdf_problem else f'on (printed with {pdf.browser()})'}")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="data")
