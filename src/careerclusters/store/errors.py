"""The store's errors, apart from the modules that raise them so that every store module can use them."""

from __future__ import annotations

from collections.abc import Iterable

from careerclusters.base.commands import command
from careerclusters.base.errors import CareerClustersError, UnavailableError


class StoreError(CareerClustersError):
    """The store cannot be used as asked (a newer schema, a file that is not a store, no data yet)."""


class NotInDataError(StoreError):
    """The code is well formed but the imported data has no such record."""


class MissingDataError(StoreError, UnavailableError):
    """An answer needs official data the store does not hold yet. ``what`` names it in a reader's words, which
    is all a page tells its visitors (they cannot import anything); the message adds how an operator adds it,
    for the command line and the API. ``how`` replaces the usual advice (``data fetch``, or ``data import``
    offline) where a file needs more (downloading it by hand, ``--industries``); ``what`` replaces the kinds'
    description where only part of a kind's data is missing."""

    def __init__(self, kinds: Iterable[str], how: str | None = None, what: str | None = None):
        from careerclusters.sources.official import describe  # the readers load only when an answer lacks data

        self.kinds = tuple(kinds)
        self.what = what or "; ".join(describe(kind) for kind in self.kinds)
        self.how = how or (f"run `{command('data fetch')}` (offline: `{command('data import FILE')}` or "
                           f"`{command('data fetch --mirror FOLDER')}`)")
        super().__init__(f"not imported yet: {self.what}. To add it, {self.how}")

    def for_visitors(self) -> str:
        from careerclusters.base.languages import gettext

        return gettext("This page needs data this site does not have yet: %(what)s.") % {"what": self.what}
