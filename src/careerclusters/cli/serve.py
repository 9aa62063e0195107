"""``careerclusters serve``: the web app and REST API on localhost."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from careerclusters.cli import common
from careerclusters.cli.data import ContactOption, MirrorOption, fetch_and_import
from careerclusters.services.fetch import missing
from careerclusters.store import ENV_VAR

FETCH_ENV = "CAREERCLUSTERS_FETCH"


def _prepare(path: Path, fetch: bool, mirror: str | None, contact: str | None) -> None:
    """Create or upgrade the store (which fills in the bundled crosswalks), fetch what official data it lacks
    when asked, and say once what is still missing and how to add it. Offline, the fetch reports its
    failures and the server starts with what it has."""
    with common.open_store(readonly=False, path=path) as conn:
        lacking = missing(conn)
    if lacking and fetch:
        common.say(f"Fetching the official data the store lacks ({len(lacking)} files)…")
        fetch_and_import(mirror, contact, {official.kind for official in lacking}, db=path)
        with common.open_store(path=path) as conn:
            lacking = missing(conn)
    if lacking:
        common.say("Serving the framework and the bundled crosswalks. Not imported yet: "
                   + "; ".join(official.what for official in lacking) + ".\nTo add them: `careerclusters serve "
                   "--fetch` or `careerclusters data fetch` (`--mirror FOLDER` takes copies from a folder).")


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (localhost by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Server processes (one per core serves most).")] = (
        min(4, os.cpu_count() or 1)),
    fetch: Annotated[bool, typer.Option("--fetch/--no-fetch", envvar=FETCH_ENV, help=(
        "Before serving, download and import the official data the store lacks (from the publishers or the "
        "mirror)."))] = False,
    mirror: MirrorOption = None,
    contact: ContactOption = None,
) -> None:
    """Start the web app (pages and the /api/v1 REST API) over the store; works on the framework and the bundled
    crosswalks alone too."""
    path = common.store_path()
    _prepare(path, fetch, mirror, contact)
    os.environ[ENV_VAR] = str(path)  # each worker process opens the same store
    common.console.print(f"careerclusters on http://{host}:{port}/  (store: {path}; API docs at /api)",
                         highlight=False)
    uvicorn.run("careerclusters.web.app:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning")
