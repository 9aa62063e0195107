"""``careerclusters serve``: the web app and REST API on localhost."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from careerclusters.cli import common


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (localhost by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Start the web app (pages and the /api/v1 REST API) over the store; works on the framework alone too."""
    from careerclusters.web.app import create_app

    path = common.store_path()
    app = create_app(path)
    common.console.print(f"careerclusters on http://{host}:{port}/  (store: {path}; API docs at /api)",
                         highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
