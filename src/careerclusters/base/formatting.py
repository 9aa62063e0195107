"""How figures read to people, shared by the command line and the pages: money and counts as people say them
("3.4 million jobs", "about 900 openings a year"). Words are gettext messages, so they follow the language
being rendered (``languages.language``)."""

from __future__ import annotations

from careerclusters.base import languages


def money(value: float | None, marker: str | None = None) -> str:
    """A wage: '$97,550' or '$46.90', or what BLS's marker means when there is no figure."""
    if value is not None:
        return f"${value:,.0f}" if value >= 1000 else f"${value:,.2f}"
    _ = languages.gettext
    return {"top_coded": _("top of range or more"), "not_released": _("not released")}.get(marker or "", "—")


def figure(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{value:,.1f}{unit}"


def count(value: float | None) -> str:
    """A count of jobs or openings, to the unit: '143,730'."""
    return "—" if value is None else f"{value:,.0f}"


def spoken(value: float | None) -> str:
    """A count as people say it, to two significant figures: '3.4 million', '650,000', '12,000', '900'.
    For counts that are estimates (jobs, openings): the unit-level figures stay on the staff pages."""
    if value is None:
        return "—"
    if value >= 999_500:
        millions = f"{value / 1_000_000:,.1f}".removesuffix(".0")
        return languages.gettext("%(n)s million") % {"n": millions}
    if value < 10:
        return f"{value:,.0f}"
    digits = len(str(int(round(value)))) - 2
    return f"{round(value, -digits):,.0f}"
