"""The base of every error a user can cause with bad input, so interfaces can report them in one line."""


class CareerClustersError(Exception):
    """An error in what the user gave (a code, a name, a file), not a bug in the program."""


class UnavailableError(CareerClustersError):
    """Something this installation cannot do right now (data not imported, a program not installed): the
    request was fine, so web answers are 503, with the message saying what to add."""
