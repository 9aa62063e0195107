"""Colours and marker shapes of the charts, chosen to read in colour, in greyscale and for colour-blind
readers: every series differs by shape or by a printed label as well as by hue, every filled mark has a dark
outline (so even a light fill stands out from the white page at more than 3:1), and text is the page's ink.

The grouping colours are the framework wheel's: a chart about the framework speaks its colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerclusters.base import languages
from careerclusters.base.languages import N_

INK = "#1b1f23"  # the page's text colour (16:1 on white)
MUTED = "#4a5560"  # secondary text, axes (7.6:1)
GRID = "#d5dbe1"  # gridlines: light on purpose, they are not data
ACCENT = "#0b5cad"  # the page's link colour (6.4:1), for single-series bars
ACCENT_LIGHT = "#a9c8e8"  # a tint of the accent, always drawn with an ACCENT outline
FOCUS = "#f5a300"  # the page's focus ring

#: The framework wheel's colour for each purpose grouping (and the cross-cutting ring).
GROUPING_COLOURS = {"building-moving": "#1f5f8b", "creating-experiencing": "#7a3b8f",
                    "investing-future": "#2e7d32", "caring-communities": "#b23c17",
                    "cultivating-resources": "#6d5d00", "cross-cutting": "#37474f"}
OTHER_GROUPING = "#455a64"


@dataclass(frozen=True)
class EducationStyle:
    """How the points of one typical-entry-education level look: shape first, colour second."""

    level: str  # BLS's wording in the projections
    short: str  # legend label (English; ``label()`` in the language being rendered)
    phrase: str  # in a sentence: "typically need …" (``said()`` in the language being rendered)
    marker: str  # a matplotlib marker code
    colour: str

    def label(self) -> str:
        return languages.gettext(self.short)

    def said(self) -> str:
        return languages.gettext(self.phrase)


#: BLS's typical entry education levels, lowest first, each with its own shape. The hues are the
#: Okabe–Ito colour-blind-safe set; shapes keep them apart in greyscale.
EDUCATION = (
    EducationStyle("No formal educational credential", N_("No formal credential"), N_("no formal credential"), "v",
                   "#e69f00"),
    EducationStyle("High school diploma or equivalent", N_("High school"), N_("a high school diploma"), "o",
                   "#56b4e9"),
    EducationStyle("Some college, no degree", N_("Some college"), N_("some college"), "P", "#f0e442"),
    EducationStyle("Postsecondary nondegree award", N_("Certificate (nondegree award)"),
                   N_("a postsecondary certificate"), "s", "#009e73"),
    EducationStyle("Associate's degree", N_("Associate's degree"), N_("an associate's degree"), "D", "#0072b2"),
    EducationStyle("Bachelor's degree", N_("Bachelor's degree"), N_("a bachelor's degree"), "^", "#d55e00"),
    EducationStyle("Master's degree", N_("Master's degree"), N_("a master's degree"), "p", "#cc79a7"),
    EducationStyle("Doctoral or professional degree", N_("Doctoral or professional"),
                   N_("a doctoral or professional degree"), "X", "#1b1f23"),
)
UNKNOWN_EDUCATION = EducationStyle("", N_("Education not projected"), N_("an education BLS does not project"), "h",
                                   "#ffffff")


def education_style(level: str | None) -> EducationStyle:
    return next((e for e in EDUCATION if e.level == level), UNKNOWN_EDUCATION)


def grouping_colour(grouping_id: str | None) -> str:
    return GROUPING_COLOURS.get(grouping_id or "", OTHER_GROUPING)
