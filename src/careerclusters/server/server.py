"""Running the app for real: one process, or several workers forked from one template of the app, serving on
one shared listening socket.

With several workers, the ``serve`` command's process becomes the supervisor (``supervisor.py``), which binds the
socket and forks a *template* process that does the rest (``start_workers``):

1. it creates the app and forks a *stand-in* worker, which serves pages at once (its searches wait briefly, then
   answer 503 with Retry-After, and ``/readyz`` says not ready);
2. it builds what every worker would otherwise build for itself (``app.preload``: every warm-up but the
   classifiers) and freezes what it holds out of the garbage collector's reach (``gc.freeze``: no collection
   walks those objects again or writes to their pages, so the workers keep sharing them copy-on-write);
3. it forks the workers, stops the stand-in (which finishes the requests it has) and exits. The workers are
   adopted by the supervisor, so it never holds the app.

So the first page does not wait for the warm-ups, and the workers still share one copy of what they built.
Each worker then loads the classifiers in the background (``Context.start_warming``): they are memory-mapped
from their cache files, so every worker's copy is the same pages of the operating system's page cache, and
mapping them takes milliseconds; a first start, which must build them, does so in a separate process while the
workers serve pages, and answers searches 503 with Retry-After until it is done.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn

from careerclusters.server.settings import ACCESS_LOGGER, Settings
from careerclusters.server.supervisor import log, log_to_stderr

if TYPE_CHECKING:
    from fastapi import FastAPI

#: How long a stopping worker may take to finish the requests it is answering.
GRACEFUL_SECONDS = 20
#: uvicorn's options for every worker: its own log only for warnings (the access log is the app's).
OPTIONS = {"log_level": "warning", "access_log": False, "ws": "none", "timeout_graceful_shutdown": GRACEFUL_SECONDS}


def prepared_app(db_path: Path, settings: Settings | None = None) -> FastAPI:
    """The app, created and made ready to be forked (see ``app.preload``), with what it holds frozen out of the
    collector's way."""
    from careerclusters.server.app import create_app, freeze_collected, preload  # only where the app is served

    app = create_app(db_path, warm=True, settings=settings)
    preload(app)
    freeze_collected()
    return app


def configure_logging(settings: Settings) -> None:
    """Access-log lines and the server's own notices on stderr, with time and process id."""
    log_to_stderr(logging.getLogger(ACCESS_LOGGER), log)
    logging.getLogger(ACCESS_LOGGER).disabled = not settings.access_log


def run(db_path: Path, host: str, port: int, workers: int, settings: Settings) -> None:
    """Serve until SIGTERM/SIGINT: in this process with one worker (or where processes cannot fork); else this
    process becomes the supervisor of ``workers`` forked ones (a fresh interpreter: see ``supervisor.py``)."""
    if workers == 1 or not hasattr(os, "fork"):
        configure_logging(settings)
        uvicorn.Server(uvicorn.Config(prepared_app(db_path, settings), host=host, port=port, **OPTIONS)).run()
        return
    os.environ.update(settings.environment())  # what the template process reads
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "careerclusters.server.supervisor", str(db_path), host,
                              str(port), str(workers)])


def start_workers(db_path: Path, sock: socket.socket, count: int, stand_ins: int, tell: int) -> None:
    """In the template process: create the app, fork ``stand_ins`` stand-in workers, prepare the app, fork
    ``count`` workers, then stop the stand-ins. Each line written to the file descriptor ``tell`` names the
    processes just forked ("stand-ins PID…", then "workers PID…"), for the supervisor."""
    gc.disable()  # importing and creating the app makes objects that live as long as it: nothing to collect
    settings = Settings.from_environment()
    configure_logging(settings)
    from careerclusters.server.app import create_app, freeze_collected, preload  # only where the app is served

    app = create_app(db_path, warm=True, settings=settings)
    config = _loaded(app)
    gc.freeze()  # the stand-in's collections walk only what it makes itself
    gc.enable()
    early = _fork_workers(app, config, sock, stand_ins, close=tell, stand_in=True)
    os.write(tell, ("stand-ins " + " ".join(map(str, early)) + "\n").encode())
    preload(app)
    freeze_collected()
    pids = _fork_workers(app, config, sock, count, close=tell)
    os.write(tell, ("workers " + " ".join(map(str, pids)) + "\n").encode())
    for pid in early:  # the workers accept from now on; the stand-ins finish the requests they have
        os.kill(pid, signal.SIGTERM)


def serve_forked(db_path: Path, sock: socket.socket, count: int) -> list[int]:
    """Prepare the app in this process and fork ``count`` workers serving it (where a supervisor cannot adopt a
    template's workers); their process ids. Logging is set up here, as ``start_workers`` does in a template."""
    settings = Settings.from_environment()
    configure_logging(settings)
    app = prepared_app(db_path, settings)
    return _fork_workers(app, _loaded(app), sock, count)


def _loaded(app: FastAPI) -> uvicorn.Config:
    """uvicorn's configuration with the protocol classes and the app's wrapping loaded, once for every worker."""
    config = uvicorn.Config(app, **OPTIONS)  # type: ignore[arg-type]
    config.load()
    return config


def _fork_workers(app: FastAPI, config: uvicorn.Config, sock: socket.socket, count: int, close: int | None = None,
                  stand_in: bool = False) -> list[int]:
    """Fork ``count`` workers serving on ``sock``; their process ids. Each worker first closes the file descriptor
    ``close`` (the template's pipe to the supervisor, which must see it closed when the template ends). A
    stand-in loads nothing in the background (``Context.hold``)."""
    pids = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:  # the worker: uvicorn installs its own signal handlers for a graceful stop
            if close is not None:
                os.close(close)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            if stand_in:
                app.state.context.hold()
                app.state.warm_on_start = False
            try:
                uvicorn.Server(config).run(sockets=[sock])
            finally:
                os._exit(0)
        pids.append(pid)
    return pids
