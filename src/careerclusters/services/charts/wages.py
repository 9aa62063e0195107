"""How BLS's wage markers are drawn honestly: a figure not released is never a 0, and a top-coded one
(``#``: at or above the top of the published range) is an "at least" whose bar stays open-ended."""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerclusters.formatting import money

#: The top of OEWS's published annual range, by release: a top-coded wage is at least this. BLS states it
#: in each release's footnotes; a release not listed here falls back to the highest figure released below.
TOP_OF_RANGE = {"May 2025": 239_200.0}


@dataclass(frozen=True)
class WageFigure:
    """One published wage: a figure, an "at least" figure (top-coded) or nothing (not released)."""

    value: float | None
    at_least: bool = False

    @property
    def drawn(self) -> bool:
        return self.value is not None

    def text(self) -> str:
        if self.value is None:
            return "not released"
        return f"{money(self.value)} or more" if self.at_least else money(self.value)


def top_of_range(release: str) -> float | None:
    """The published range's top for an OEWS release name such as 'OEWS May 2025, national'."""
    found = re.search(r"(January|May|November) (\d{4})", release)
    return TOP_OF_RANGE.get(f"{found.group(1)} {found.group(2)}") if found else None


def figure(value: float | None, marker: str | None, ceiling: float | None, floor: float | None = None
           ) -> WageFigure:
    """A wage as drawn. ``ceiling`` is the release's top of range; ``floor`` the highest figure released
    below this one, the honest "at least" when the ceiling is unknown."""
    if value is not None:
        return WageFigure(value)
    if marker == "top_coded":
        bound = ceiling if ceiling is not None else floor
        return WageFigure(bound, at_least=True) if bound is not None else WageFigure(None)
    return WageFigure(None)
