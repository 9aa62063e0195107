"""BLS's typical entry education (Employment Projections): its levels in order, so that what a learner holds can
be compared with what a job asks, and each level in plain words for the pages students read."""

from __future__ import annotations

from careerclusters.base import languages

#: BLS's levels, least first (the order BLS's own tables use, read upwards).
LEVELS = ("No formal educational credential", "High school diploma or equivalent", "Some college, no degree",
          "Postsecondary nondegree award", "Associate's degree", "Bachelor's degree", "Master's degree",
          "Doctoral or professional degree")


def rank(level: str | None) -> int | None:
    """A level's place in ``LEVELS`` (0 is the least); None for no level or one BLS has not used."""
    return LEVELS.index(level) if level in LEVELS else None


def plain(level: str | None) -> str:
    """A level as a 13-year-old would say it; a level BLS adds later reads as BLS gives it."""
    if not level:
        return "—"
    _ = languages.gettext
    words = {"No formal educational credential": _("No diploma needed"),
             "High school diploma or equivalent": _("High school diploma"),
             "Some college, no degree": _("Some college"),
             "Postsecondary nondegree award": _("A certificate after high school"),
             "Associate's degree": _("Two-year college degree"),
             "Bachelor's degree": _("Four-year college degree"),
             "Master's degree": _("Master's degree (after college)"),
             "Doctoral or professional degree": _("Doctoral or professional degree (after college)")}
    return words.get(level, level)
