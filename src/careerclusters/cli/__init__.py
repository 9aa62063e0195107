"""The ``careerclusters`` command. Each capability's commands live in the module of its name (``cli/pos.py``,
``cli/labor.py`` …), which adds them to the root command in its ``register``; none holds business logic: they
parse arguments, call the library and format the answer. Adding a capability's commands edits nothing here.

Every command module is imported to list the commands, so each imports its capability inside its commands
(``cli/common.py``), and help is plain text (``rich_markup_mode=None``, for every group below the root too):
Typer's boxed help loads Rich's Markdown renderer, a third of the 0.3 s the whole ``--help`` may take."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from careerclusters.cli import common
from careerclusters.cli.common import BAD_INPUT, err_console
from careerclusters.store import ENV_VAR

app = typer.Typer(
    help="The National Career Clusters Framework, linked to occupations, programs, wages and outlook.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name.startswith("_"):
        continue
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    if hasattr(_module, "register"):
        _module.register(app)


@app.callback()
def root(db: Annotated[Path | None, typer.Option(
        "--db", envvar=ENV_VAR, help="The store's SQLite file (default: in the user data directory).")] = None) -> None:
    """The National Career Clusters Framework, linked to occupations, programs, wages and outlook."""
    common.db_path = db


def main(argv: list[str] | None = None) -> int:
    """Entry point: usage errors become one line on stderr with exit code 2, like every bad input."""
    try:
        result = app(args=argv, standalone_mode=False)
    except typer.Abort:
        return 1
    except typer.TyperException as exc:  # usage errors: a missing argument, an unknown option
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        message = common.usage_message(message, sys.argv[1:] if argv is None else argv)
        err_console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
        return int(getattr(exc, "exit_code", BAD_INPUT))
    return result if isinstance(result, int) else 0
