"""The ``careerclusters`` command. Each command group lives in its own module; none holds business
logic: they parse arguments, call the library and format the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careerclusters.cli import area, classify, common, data, explore, framework, report, serve
from careerclusters.cli.common import BAD_INPUT, err_console
from careerclusters.store import ENV_VAR

app = typer.Typer(
    help="The National Career Clusters Framework, linked to occupations, programs, wages and outlook.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(framework.app, name="framework")
app.add_typer(data.app, name="data")
app.add_typer(area.app, name="area")
app.add_typer(report.app, name="report")
explore.register(app)
for _command in (classify.classify, classify.search, serve.serve):
    app.command(name=_command.__name__)(common.user_errors(_command))


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
        err_console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
        return int(getattr(exc, "exit_code", BAD_INPUT))
    return result if isinstance(result, int) else 0
