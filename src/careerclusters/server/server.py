"""Running the app for real: import it once, then fork the workers, which serve on one shared listening socket.

The parent process imports the app and creates it, freezes what it holds out of the garbage collector's reach
(``gc.freeze``: no collection walks those objects again or writes to their pages, so the workers keep sharing
them copy-on-write), binds the socket and forks the workers: they serve pages as soon as they are forked. Each
worker then warms up in the background (``Context.start_warming``): the classifiers are memory-mapped from their
cache files, so every worker's copy is the same pages of the operating system's page cache, and mapping them
takes milliseconds; a first start, which must build them, does so in a separate process while the workers serve
pages, and answers searches 503 with Retry-After until it is done. The parent never loads a classifier.

The parent only supervises: a worker that dies is replaced; SIGTERM or SIGINT is passed on to the
workers, which finish the requests in flight (up to ``GRACEFUL_SECONDS``) before they exit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from careerclusters.server.app import create_app, freeze_collected
from careerclusters.server.operations import access_log
from careerclusters.server.settings import Settings

#: How long a stopping worker may take to finish the requests it is answering.
GRACEFUL_SECONDS = 20
log = logging.getLogger("careerclusters.server")


def prepared_app(db_path: Path, settings: Settings) -> FastAPI:
    """The app, created in this process (it warms up in each process that serves it), with what it holds so
    far frozen out of the collector's way."""
    app = create_app(db_path, warm=True, settings=settings)
    freeze_collected()
    return app


def configure_logging(settings: Settings) -> None:
    """Access-log lines and the server's own notices on stderr, with time and process id."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(message)s"))
    for logger in (access_log, log):
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False
    access_log.disabled = not settings.access_log


def run(db_path: Path, host: str, port: int, workers: int, settings: Settings) -> None:
    """Serve until SIGTERM/SIGINT: ``workers`` forked processes (or this one alone, with one worker)."""
    configure_logging(settings)
    config = uvicorn.Config(prepared_app(db_path, settings), host=host, port=port, log_level="warning",
                            access_log=False, timeout_graceful_shutdown=GRACEFUL_SECONDS)
    if workers == 1 or not hasattr(os, "fork"):
        uvicorn.Server(config).run()
        return
    sock = config.bind_socket()
    children: set[int] = set()
    stopping = False

    def start_worker() -> None:
        pid = os.fork()
        if pid == 0:  # the worker: uvicorn installs its own signal handlers for a graceful stop
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            try:
                uvicorn.Server(config).run(sockets=[sock])
            finally:
                os._exit(0)
        children.add(pid)

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    for _ in range(workers):
        start_worker()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        children.discard(pid)
        if not stopping:
            log.warning("worker %d stopped (status %d); starting another", pid, status)
            start_worker()
    sock.close()
