"""``careerclusters serve``: the web app and REST API on localhost."""

from __future__ import annotations

import os
from typing import Annotated

import typer
import uvicorn

from careerclusters.cli import common
from careerclusters.store import ENV_VAR


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (localhost by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Server processes (one per core serves most).")] = (
        min(4, os.cpu_count() or 1)),
) -> None:
    """Start the web app (pages and the /api/v1 REST API) over the store; works on the framework alone too."""
    path = common.store_path()
    os.environ[ENV_VAR] = str(path)  # each worker process opens the same store
    common.console.print(f"careerclusters on http://{host}:{port}/  (store: {path}; API docs at /api)",
                         highlight=False)
    uvicorn.run("careerclusters.web.app:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning")
