"""The base of every error a user can cause with bad input, so interfaces can report them in one line."""


class CareerClustersError(Exception):
    """An error in what the user gave (a code, a name, a file), not a bug in the program."""


class UnavailableError(CareerClustersError):
    """Something this installation cannot do right now (data not imported, a program not installed): the
    request was fine, so web answers are 503, with the message saying what to add. That is for the operator;
    a page tells its visitors ``for_visitors()`` instead, since they cannot add anything."""

    def for_visitors(self) -> str:
        from careerclusters.base.languages import gettext  # only pages ask, in the language being rendered

        return gettext("This part of the site is not available yet.")


class NotReadyError(UnavailableError):
    """Something this installation is still preparing (a server's classifiers loading, or being built after
    an import): answered 503 with ``Retry-After: retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int = 10):
        super().__init__(message)
        self.retry_after = retry_after


class SourceError(CareerClustersError):
    """Bad input in an official file. The message names the file and, where known, the sheet, row and
    column, so the user can open the file and see the problem."""

    def __init__(self, file: str, problem: str, *, sheet: str | None = None, row: int | None = None,
                 column: str | None = None):
        self.file, self.sheet, self.row, self.column, self.problem = file, sheet, row, column, problem
        where = [file]
        if sheet is not None:
            where.append(f"sheet {sheet!r}")
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {problem}")
