"""The status and JSON body of every error a caller can cause: a caller's mistake is never a 500.

Unknown names and codes → 404 with suggestions; ambiguous names → 409 with the candidates; malformed
codes and bad parameters → 400/422; data not imported yet → 503 with how to import it. A page says only what a
visitor can act on (``page_message``): how to import data or install a program is for the operator.
"""

from __future__ import annotations

from careerclusters.base.errors import CareerClustersError, UnavailableError
from careerclusters.framework import AmbiguousLookupError, NotFoundError
from careerclusters.store import NotInDataError, StoreError


def status_for(exc: CareerClustersError) -> int:
    if isinstance(exc, NotFoundError | NotInDataError):
        return 404
    if isinstance(exc, AmbiguousLookupError):
        return 409
    if isinstance(exc, StoreError | UnavailableError):
        return 503
    return 400


def page_message(exc: CareerClustersError) -> str:
    """What an error page tells a visitor: the error's own words, except where they are the operator's (data to
    import, a program to install, a store to repair), which a visitor can do nothing about."""
    if isinstance(exc, UnavailableError):
        return exc.for_visitors()
    if isinstance(exc, StoreError) and not isinstance(exc, NotInDataError):
        from careerclusters.base.languages import gettext

        return gettext("This site cannot read its data right now. Please try again later.")
    return str(exc)


def body_for(exc: CareerClustersError, status: int) -> dict[str, object]:
    error: dict[str, object] = {"status": status, "type": type(exc).__name__, "message": str(exc)}
    suggestions = getattr(exc, "suggestions", None)  # unknown framework names, unknown occupation codes
    if isinstance(suggestions, list):
        error["suggestions"] = suggestions
    if isinstance(exc, AmbiguousLookupError):
        error["candidates"] = [{"id": n.id, "name": n.name, "edition": n.edition.value, "level": n.level.value}
                               for n in exc.candidates]
    return {"error": error}

