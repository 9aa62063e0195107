"""The process of ``careerclusters serve`` with several workers: it listens on the socket, has the workers started,
replaces one that dies, and passes SIGTERM or SIGINT on to them.

It is a fresh interpreter (``server.run`` replaces the command's process with it, keeping its process id) that
loads the standard library only, so that it holds a few megabytes: the command line's libraries, left in it,
would be a third copy of every page the workers had since changed.

How workers start (see ``server.start_workers``): a *template* process, forked from this one, creates the app and
forks a stand-in worker that serves pages at once; it then builds what every worker shares (the warm-ups but the
classifiers), forks the workers and stops the stand-in. The workers are this process's children because it adopts
orphans (Linux's child subreaper); where it cannot, it creates the app itself and forks the workers.

Run as ``python -m careerclusters.server.supervisor STORE HOST PORT WORKERS``; the settings come from the
environment (``settings.py``).
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

#: How many connections may wait to be accepted (uvicorn's default).
BACKLOG = 2048
log = logging.getLogger("careerclusters.server")


def listening(host: str, port: int) -> socket.socket:
    """A socket listening on ``host``:``port``, before any worker exists, so that a request arriving while they
    start waits for one instead of being refused."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise SystemExit(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(BACKLOG)
    return sock


def adopt_orphans() -> bool:
    """Make this process the one its orphaned descendants are handed to (Linux's PR_SET_CHILD_SUBREAPER), so that
    workers forked by a template process that then exits stay its children; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


class Supervisor:
    """The workers serving on one socket, kept at their number until asked to stop."""

    def __init__(self, db_path: Path, sock: socket.socket, workers: int):
        self.db_path, self.sock, self.workers = db_path, sock, workers
        self.children: set[int] = set()
        #: Stand-in workers: they stop once the workers serve, and are not replaced.
        self.stand_ins: set[int] = set()
        self.stopping = False
        self.adopting = adopt_orphans()

    def start(self, count: int, stand_ins: int = 0) -> None:
        """Start ``count`` workers (after ``stand_ins`` stand-ins, when the server starts)."""
        if not self.adopting:  # the app in this process: it forks the workers itself
            from careerclusters.server.server import serve_forked

            self.children.update(serve_forked(self.db_path, self.sock, count))
            return
        readable, writable = os.pipe()
        template = os.fork()
        if template == 0:
            os.close(readable)
            try:
                from careerclusters.server.server import start_workers

                start_workers(self.db_path, self.sock, count, stand_ins, writable)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        os.close(writable)
        started: set[int] = set()
        with os.fdopen(readable) as told:  # "stand-ins PID…" then "workers PID…", as the template forks them
            for line in told:
                kind, *pids = line.split()
                forked = {int(pid) for pid in pids}
                self.children |= forked
                (self.stand_ins if kind == "stand-ins" else started).update(forked)
        os.waitpid(template, 0)
        if not started:  # a stand-in must not outlive a start that failed
            self.stop(signal.SIGTERM, None)
            raise SystemExit("error: the server's workers could not be started (see above)")
        if self.stopping:  # asked to stop while they were being started
            self.stop(signal.SIGTERM, None)

    def stop(self, _signum: int, _frame: object) -> None:
        self.stopping = True
        for pid in self.children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    def run(self) -> None:
        """Serve until SIGTERM or SIGINT and every worker has finished."""
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.start(self.workers, stand_ins=1)
        while self.children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:
                continue
            self.children.discard(pid)
            if pid in self.stand_ins:
                self.stand_ins.discard(pid)
            elif not self.stopping:
                log.warning("worker %d stopped (status %d); starting another", pid, status)
                self.start(1)
        self.sock.close()


def log_to_stderr(*loggers: logging.Logger) -> None:
    """Each logger's lines on stderr only, with the time and the process id (which worker said it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(message)s"))
    for logger in loggers:
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False


def main(argv: list[str]) -> None:
    db, host, port, workers = argv
    log_to_stderr(log)
    Supervisor(Path(db), listening(host, int(port)), int(workers)).run()


if __name__ == "__main__":
    main(sys.argv[1:])
