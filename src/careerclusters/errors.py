"""The base of every error a user can cause with bad input, so interfaces can report them in one line."""


class CareerClustersError(Exception):
    """An error in what the user gave (a code, a name, a file), not a bug in the program."""
