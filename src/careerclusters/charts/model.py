"""What a chart is, independent of how it is drawn: a title, a summary sentence written from the numbers,
the table of those numbers, and a drawing function. The web pages show all four; a screen reader gets the
title and summary as the chart's name and the table as its data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from babel.numbers import format_decimal, format_percent
from matplotlib.figure import Figure

from careerclusters.base import languages
from careerclusters.base.formatting import count


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[bool, ...] = ()  # per column: right-aligned figures

    @classmethod
    def of(cls, columns: list[tuple[str, bool]], rows: list[list[Cell | str]]) -> Table:
        """A table from ``(heading, is_numeric)`` columns and rows of cells or plain strings."""
        kinds = tuple(numeric for _name, numeric in columns)
        cells = tuple(tuple(c if isinstance(c, Cell) else Cell(c, numeric=kinds[i]) for i, c in enumerate(row))
                      for row in rows)
        return cls(tuple(name for name, _numeric in columns), cells, kinds)


@dataclass(frozen=True)
class Mark:
    """A drawn link the reader can follow (matplotlib draws an artist's URLs as links), and its name."""

    href: str
    label: str


#: Draws the chart on an empty figure and returns the marks that are links (none for most charts).
Draw = Callable[[Figure], list[Mark]]


@dataclass(frozen=True)
class ChartSpec:
    name: str  # unique within a page; names the download and prefixes the SVG's ids
    title: str
    summary: str
    table: Table
    draw: Draw = field(repr=False)
    size: tuple[float, float] = (7.6, 3.0)  # inches: about 760 CSS px wide at the page's column width


@dataclass(frozen=True)
class Chart:
    """A drawn chart: its spec (title, summary, table) and the inline SVG (no style element or attribute, no
    script)."""

    spec: ChartSpec
    svg: str

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def ids(self) -> tuple[str, str]:
        return label_ids(self.name)


def label_ids(name: str) -> tuple[str, str]:
    """The ids of a chart's title and summary on the page, which name its SVG."""
    return f"chart-{name}-title", f"chart-{name}-summary"


def people(thousands: float) -> str:
    """A head count given in thousands, as a person reads it: '3.39 million', '189,100', '800' (in the language
    being rendered: "3.39 millones")."""
    number = thousands * 1000
    if number >= 1_000_000:
        millions = format_decimal(number / 1_000_000, "#,##0.00" if number < 10_000_000 else "#,##0.0",
                                  locale=languages.number_locale())
        return languages.gettext("%(n)s million") % {"n": millions}
    return count(number)


def percent(value: float) -> str:
    """A share to a tenth of a percent: "9.5%"."""
    return format_percent(value, "#,##0.0%", locale=languages.number_locale())


def share(value: float) -> str:
    """A share to the percent: "12%"."""
    return format_percent(value, "#,##0%", locale=languages.number_locale())


def decimal(value: float) -> str:
    """A ratio or a score to one decimal: "2.4"."""
    return format_decimal(value, "#,##0.0", locale=languages.number_locale())
