"""How figures read to people, shared by the command line and the pages: money and counts as people say them
("3.4 million jobs", "about 900 openings a year"). Words are gettext messages and numbers follow Babel's
conventions for the language being rendered (``languages.language``) as read in the United States
(``languages.number_locale``: es_US for Spanish, so a wage reads "$42,030" as on a US paycheck and in BLS's
tables, not "42.030 US$" as in Spain)."""

from __future__ import annotations

import re

from careerclusters.base import languages


def money(value: float | None, marker: str | None = None) -> str:
    """A wage: '$97,550' or '$46.90', or what BLS's marker means when there is no figure."""
    if value is not None:
        from babel.numbers import format_currency  # Babel loads with the first figure (not for the command line)

        pattern = "¤#,##0" if value >= 1000 else "¤#,##0.00"
        return format_currency(value, "USD", pattern, locale=languages.number_locale(), currency_digits=False)
    _ = languages.gettext
    return {"top_coded": _("top of range or more"), "not_released": _("not released")}.get(marker or "", "—")


def figure(value: float | None, unit: str = "") -> str:
    from babel.numbers import format_decimal

    return "—" if value is None else format_decimal(value, "#,##0.0", locale=languages.number_locale()) + unit


def count(value: float | None) -> str:
    """A count of jobs or openings, to the unit: '143,730'."""
    from babel.numbers import format_decimal

    return "—" if value is None else format_decimal(value, "#,##0", locale=languages.number_locale())


def spoken(value: float | None) -> str:
    """A count as people say it, to two significant figures: '3.4 million', '650,000', '12,000', '900'.
    For counts that are estimates (jobs, openings): the unit-level figures stay on the staff pages."""
    if value is None:
        return "—"
    if value >= 999_500:
        from babel.numbers import format_decimal

        millions = format_decimal(round(value / 1_000_000, 1), "#,##0.#", locale=languages.number_locale())
        return languages.gettext("%(n)s million") % {"n": millions}
    if value < 10:
        return count(value)
    digits = len(str(int(round(value)))) - 2
    return count(round(value, -digits))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def release(label: str | None) -> str:
    """A publisher's release as its data names it ("OEWS May 2025, national"), with its month and scope in the
    language being rendered ("OEWS mayo 2025, nacional"); the survey's name stays the publisher's."""
    if not label or languages.current() == languages.SOURCE_LANGUAGE:
        return label or ""
    from babel.dates import get_month_names

    months = get_month_names("wide", locale=languages.number_locale())
    for number, month in enumerate(_MONTHS, start=1):
        label = re.sub(rf"\b{month}\b", months[number], label)
    return re.sub(r"\bnational\b", languages.gettext("national"), label)
