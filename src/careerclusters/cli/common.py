"""Pieces every command shares: consoles, one-line error reporting, and option parsing.

The command modules import what their commands use inside the commands: ``careerclusters --help`` and every
command then start without loading what other commands need (scikit-learn, pandas, matplotlib, FastAPI, …);
``tests/interfaces/test_cli_imports.py`` holds them to it."""

from __future__ import annotations

import functools
import json
import shlex
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console

from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.languages import LANGUAGES
from careerclusters.store import connect, default_path

if TYPE_CHECKING:
    from rich.progress import Progress

    from careerclusters.framework import Edition

console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def say(message: str) -> None:
    """A note for the person at the terminal on stderr, as written: no markup, colouring or line breaks
    added (so it can be searched and piped)."""
    err_console.print(message, markup=False, highlight=False, soft_wrap=True)

#: Exit code for bad input, the same one click uses for usage errors.
BAD_INPUT = 2

#: Options of ``careerclusters`` itself, which go before the command (``careerclusters --db FILE data status``).
ROOT_OPTIONS = ("--db",)


def usage_message(message: str, argv: Sequence[str]) -> str:
    """A usage error's message, with the corrected command line when the slip is a common one: an option of
    ``careerclusters`` itself given after the command (``data status --db FILE``)."""
    for option in ROOT_OPTIONS:
        if f"No such option: {option}" not in message:
            continue
        args = list(argv)
        at = next((i for i, a in enumerate(args) if a == option or a.startswith(option + "=")), None)
        if at is None:
            break
        moved = args[at:at + (1 if "=" in args[at] else 2)]
        rest = args[:at] + args[at + len(moved):]
        return (f"{message.rstrip('.')}. {option} is an option of careerclusters itself and goes before the "
                f"command: {command(shlex.join([*moved, *rest]))}")
    return message


def user_errors(fn: F) -> F:
    """Turn an error caused by the user's input into one line on stderr and exit code 2, no traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CareerClustersError as exc:
            err_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(BAD_INPUT) from None

    return wrapper  # type: ignore[return-value]


def parse_edition(value: str | None) -> Edition | None:
    if value is None:
        return None
    from careerclusters.framework import Edition

    try:
        return Edition.parse(value)
    except ValueError as exc:
        raise CareerClustersError(str(exc)) from None


EDITION_HELP = "Framework edition: 2024 (modern) or original."
LANG_HELP = f"Language of the answer: {' or '.join(LANGUAGES)}."


def parse_language(lang: str) -> str:
    """A language the project speaks (``--lang``), or a one-line error naming the ones it does."""
    if lang not in LANGUAGES:
        raise CareerClustersError(f"unknown language {lang!r}: use {' or '.join(LANGUAGES)}")
    return lang


def print_json(data: Any) -> None:
    """Machine-readable output: plain JSON on stdout, no colour or wrapping."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# -- the store ---------------------------------------------------------------------------------------------

#: Set by the root ``--db`` option; ``None`` means $CAREERCLUSTERS_DB or the user data directory.
db_path: Path | None = None


def store_path() -> Path:
    """The store file in use: ``--db``, else $CAREERCLUSTERS_DB, else the user data directory's."""
    return db_path or default_path()


@contextmanager
def open_store(readonly: bool = True, path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """The store at ``path``, else the one named by ``--db`` (or the default), closed when the block ends."""
    conn = connect(path or db_path, readonly=readonly)
    try:
        yield conn
    finally:
        conn.close()


#: The ``--raw`` option of every command that writes CSV.
RAW = typer.Option("--raw", help="Write CSV cells exactly as they are: no quote before text a spreadsheet "
                                 "would run as a formula (=, +, -, @).")


#: The ``--encoding`` option of every command that reads a CSV file.
ENCODING = typer.Option("--encoding", help="The CSV file's encoding (default: detected; UTF-8 with or without a "
                                           "byte-order mark, else cp1252 as Excel on Windows saves it).")


def read_input(path: Path, encoding: str | None) -> str:
    """A CSV or .xlsx input file as CSV text; says on stderr how it was read."""
    from careerclusters.base.tables import read_table

    table = read_table(path, encoding)
    say(f"read {path.name} as {table.read_as}")
    return table.text


def progress() -> Progress:
    """A progress bar on stderr for long work; silent when stderr is not a terminal (pipes, CI, tests)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, transient=True, disable=not err_console.is_terminal)
