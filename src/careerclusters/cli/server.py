"""``careerclusters serve``: the web app and REST API on localhost."""

from __future__ import annotations

import dataclasses
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from careerclusters.base.commands import command
from careerclusters.cli import common
from careerclusters.cli.data import ContactOption, MirrorOption, fetch_and_import
from careerclusters.store import ENV_VAR

FETCH_ENV = "CAREERCLUSTERS_FETCH"
#: Addresses that listen on every interface: reachable from other machines, so worth saying.
ALL_INTERFACES = {"0.0.0.0", "::", "[::]", ""}


def exposure_warning(host: str) -> str | None:
    """What to tell an operator who binds every interface (other machines can then reach the server)."""
    if host not in ALL_INTERFACES:
        return None
    return (f"warning: listening on every network interface ({host or 'all'}): other machines can reach this "
            "server; put it behind a reverse proxy with TLS (README: Deployment)")


def _prepare(path: Path, fetch: bool, mirror: str | None, contact: str | None, retry: bool = False) -> None:
    """Create or upgrade the store (which fills in the bundled crosswalks), fetch what official data it lacks
    when asked, and say once what is still missing and how to add it. Offline, the fetch reports its
    failures (once per publisher) and the server starts with what it has; a publisher it could not reach is
    left alone for a day unless ``retry``."""
    from careerclusters.data.status import missing

    with common.open_store(readonly=False, path=path) as conn:
        lacking = missing(conn)
    if lacking and fetch:
        common.say(f"Fetching the official data the store lacks ({len(lacking)} files)…")
        fetched = fetch_and_import(mirror, contact, {official.kind for official in lacking}, db=path,
                                   skip_unreachable=not retry)
        if not retry and any(result.unreachable for result in fetched):
            common.say(f"(publishers not reached are tried again after a day; `{command('serve --fetch --retry')}` "
                       "tries them now)")
        with common.open_store(path=path) as conn:
            lacking = missing(conn)
    if lacking:
        common.say("Serving the framework and the bundled crosswalks. Not imported yet: "
                   + "; ".join(official.what for official in lacking) + f".\nTo add them: `{command('data fetch')}`, "
                   f"or offline `{command('data import FILE…')}` or `{command('data fetch --mirror FOLDER')}`; "
                   "the site's /status page lists each file with its publisher's page.")


def _apart(work: Callable[[], None]) -> None:
    """Run ``work`` in a forked process and wait for it, where processes fork: this one goes on to serve (with one
    worker, it is the server), and should keep none of what ``work`` loads (the readers of every official format,
    the downloaders). An error ``work`` reports ends the command as it would have here."""
    if not hasattr(os, "fork"):
        work()
        return
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            common.user_errors(work)()
            code = 0
        except typer.Exit as stopped:
            code = stopped.exit_code
        except KeyboardInterrupt:
            code = 130
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if code:
        raise typer.Exit(code)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (localhost by default; 0.0.0.0 or :: for "
                                           "every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Server processes (one per core serves most).")] = (
        min(4, os.cpu_count() or 1)),
    fetch: Annotated[bool, typer.Option("--fetch/--no-fetch", envvar=FETCH_ENV, help=(
        "Before serving, download and import the official data the store lacks (from the publishers or the "
        "mirror)."))] = False,
    mirror: MirrorOption = None,
    contact: ContactOption = None,
    retry: Annotated[bool, typer.Option("--retry", help=(
        "With --fetch: try the publishers a recent start could not reach too (they are otherwise left alone "
        "for a day)."))] = False,
    https: Annotated[bool, typer.Option(
        "--https", envvar="CAREERCLUSTERS_HTTPS",
        help="The site is served over HTTPS (by a reverse proxy): send Strict-Transport-Security.")] = False,
    access_log: Annotated[bool, typer.Option(
        "--access-log/--no-access-log", help="One line per request on stderr (method, path, status, time).")] = True,
) -> None:
    """Start the web app (pages and the /api/v1 REST API) over the store; works on the framework and the bundled
    crosswalks alone too."""
    from careerclusters.server import server
    from careerclusters.server.settings import Settings

    path = common.store_path()
    if fetch:  # the downloaders and the readers of every official format stay out of the serving process
        _apart(lambda: _prepare(path, fetch, mirror, contact, retry))
    else:
        _prepare(path, fetch, mirror, contact, retry)
    os.environ[ENV_VAR] = str(path)
    settings = dataclasses.replace(Settings.from_environment(), https=https, access_log=access_log)
    warning = exposure_warning(host)
    if warning:
        common.err_console.print(warning, markup=False, highlight=False)
    common.console.print(f"careerclusters on http://{host}:{port}/  (store: {path}, read-only; {workers} workers; "
                         "API docs at /api); pages are served at once, searches once the classifiers are loaded "
                         "(/readyz)", highlight=False)
    server.run(path, host, port, workers, settings)


def register(root: typer.Typer) -> None:
    root.command(name="serve")(common.user_errors(serve))
