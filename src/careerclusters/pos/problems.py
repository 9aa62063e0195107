"""What every reader of program-of-study files reports: one error naming the file and the place in it (line and
field, row and column, sheet), and the first of pydantic's problems said plainly."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from careerclusters.base.errors import CareerClustersError


class ProgramFileError(CareerClustersError):
    """A program-of-study file that cannot be read; the message names the file and the place in it."""

    def __init__(self, file: str, problem: str, *, sheet: str | None = None, row: int | None = None,
                 column: str | None = None, line: int | None = None, field: str | None = None):
        self.file, self.problem, self.sheet, self.row, self.column = file, problem, sheet, row, column
        self.line, self.field = line, field
        where = [file]
        where += [f"sheet {sheet!r}"] if sheet is not None else []
        where += [f"row {row}"] if row is not None else []
        where += [f"column {column!r}"] if column is not None else []
        where += [f"line {line}"] if line is not None else []
        where += [f"field {field}"] if field is not None else []
        super().__init__(f"{', '.join(where)}: {problem}")


def dotted(loc: Sequence[int | str]) -> str:
    """A validation error's location as a path people read: ``levels[1].courses[0].credits``."""
    return "".join(f"[{part}]" if isinstance(part, int) else (f".{part}" if i else str(part))
                   for i, part in enumerate(loc))


def first_problem(exc: ValidationError) -> tuple[tuple[int | str, ...], str]:
    """The first problem pydantic found: where, and what (without pydantic's "Value error, ")."""
    error = exc.errors()[0]
    message = error["msg"].removeprefix("Value error, ")
    return tuple(error["loc"]), message
