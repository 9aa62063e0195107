"""Running the app for real: the app imported once, then forked into the workers, which serve on one shared
listening socket.

The supervisor (the ``serve`` command's process) binds the socket and forks a *template* process, which imports
and creates the app, freezes what it holds out of the garbage collector's reach (``gc.freeze``: no collection
walks those objects again or writes to their pages, so the workers keep sharing them copy-on-write), forks the
workers and exits; the workers, adopted by the supervisor (Linux's child subreaper), serve pages as soon as they
are forked. So the supervisor never holds the app: the pages the workers share are counted once between them
and no third copy of what they change is kept, and the supervisor stays a few megabytes. Where a process cannot
adopt its grandchildren (not Linux), the supervisor creates the app itself and forks the workers.

Each worker then warms up in the background (``Context.start_warming``): the classifiers are memory-mapped from
their cache files, so every worker's copy is the same pages of the operating system's page cache, and mapping
them takes milliseconds; a first start, which must build them, does so in a separate process while the workers
serve pages, and answers searches 503 with Retry-After until it is done.

A worker that dies is replaced (by a new template process); SIGTERM or SIGINT is passed on to the workers, which
finish the requests in flight (up to ``GRACEFUL_SECONDS``) before they exit.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import socket
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn

from careerclusters.server.settings import ACCESS_LOGGER, Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

#: How long a stopping worker may take to finish the requests it is answering.
GRACEFUL_SECONDS = 20
log = logging.getLogger("careerclusters.server")


def prepared_app(db_path: Path, settings: Settings) -> FastAPI:
    """The app, created and made ready to be forked (see ``app.preload``), with what it holds frozen out of the
    collector's way."""
    from careerclusters.server.app import create_app, freeze_collected, preload  # only where the app is served

    app = create_app(db_path, warm=True, settings=settings)
    preload(app)
    freeze_collected()
    return app


def configure_logging(settings: Settings) -> None:
    """Access-log lines and the server's own notices on stderr, with time and process id."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(message)s"))
    for logger in (logging.getLogger(ACCESS_LOGGER), log):
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False
    logging.getLogger(ACCESS_LOGGER).disabled = not settings.access_log


def run(db_path: Path, host: str, port: int, workers: int, settings: Settings) -> None:
    """Serve until SIGTERM/SIGINT: ``workers`` forked processes (or this one alone, with one worker)."""
    configure_logging(settings)
    options = {"host": host, "port": port, "log_level": "warning", "access_log": False, "ws": "none",
               "timeout_graceful_shutdown": GRACEFUL_SECONDS}
    if workers == 1 or not hasattr(os, "fork"):
        uvicorn.Server(uvicorn.Config(prepared_app(db_path, settings), **options)).run()
        return
    # the socket is bound here, before any app exists (the factory named is never loaded by this Config)
    sock = uvicorn.Config("careerclusters.server.app:app_from_environment", **options).bind_socket()
    adopting = _adopt_orphans()
    app = None if adopting else prepared_app(db_path, settings)
    children: set[int] = set()
    stopping = False

    def start_workers(count: int) -> None:
        if app is not None:
            children.update(_fork_workers(app, options, sock, count))
            return
        readable, writable = os.pipe()
        template = os.fork()
        if template == 0:  # the template: create the app, fork the workers, tell their ids, leave them to us
            os.close(readable)
            try:
                pids = _fork_workers(prepared_app(db_path, settings), options, sock, count, close=writable)
                os.write(writable, " ".join(map(str, pids)).encode())
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        os.close(writable)
        with os.fdopen(readable) as told:
            pids = [int(pid) for pid in told.read().split()]
        os.waitpid(template, 0)
        if not pids:
            raise SystemExit("error: the server's workers could not be started (see above)")
        children.update(pids)
        if stopping:  # asked to stop while they were being started
            stop(signal.SIGTERM, None)

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    start_workers(workers)
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
            start_workers(1)
    sock.close()


def _fork_workers(app: FastAPI, options: dict[str, object], sock: socket.socket, count: int,
                  close: int | None = None) -> list[int]:
    """Fork ``count`` workers serving ``app`` on ``sock``; their process ids. Each worker first closes the file
    descriptor ``close`` (the template's pipe to the supervisor, which must see it closed when the template
    ends)."""
    config = uvicorn.Config(app, **options)  # type: ignore[arg-type]
    config.load()  # the protocol classes and the app's wrapping, once for every worker
    pids = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:  # the worker: uvicorn installs its own signal handlers for a graceful stop
            if close is not None:
                os.close(close)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            try:
                uvicorn.Server(config).run(sockets=[sock])
            finally:
                os._exit(0)
        pids.append(pid)
    return pids


def _adopt_orphans() -> bool:
    """Make this process the one its orphaned descendants are handed to (Linux's PR_SET_CHILD_SUBREAPER), so
    that workers forked by a template process that then exits stay its children; False where that is not
    possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False
