"""How BLS's wage markers are drawn honestly: a figure not released is never a 0, and a top-coded one
(``#``: at or above the top of the published range) is an "at least" whose bar stays open-ended.

BLS does not put the top of its range in the data files, and it changes between releases; but a top-coded
wage is above every figure the release did publish, so the highest published figure is an honest bound."""

from __future__ import annotations

from dataclasses import dataclass

from careerclusters.base.formatting import money
from careerclusters.base.languages import gettext


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
            return gettext("not released")
        return gettext("%(pay)s or more") % {"pay": money(self.value)} if self.at_least else money(self.value)


def figure(value: float | None, marker: str | None, floor: float | None, *others: float | None) -> WageFigure:
    """A wage as drawn: a top-coded one is at least ``floor`` (the release's highest published figure) and
    at least any ``others`` (say, the same occupation's lower percentiles)."""
    if value is not None:
        return WageFigure(value)
    bounds = [b for b in (floor, *others) if b is not None]
    if marker == "top_coded" and bounds:
        return WageFigure(max(bounds), at_least=True)
    return WageFigure(None)
