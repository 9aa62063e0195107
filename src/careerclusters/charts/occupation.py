"""Charts of one occupation: its wage range against all occupations, its jobs now and projected, and its
interest profile (the same profile chart draws a student's interest-survey results)."""

from __future__ import annotations

import re

from matplotlib.figure import Figure

from careerclusters.base.formatting import figure as figure_text
from careerclusters.base.formatting import money, release
from careerclusters.base.languages import gettext as _
from careerclusters.charts.draw import PEOPLE_AXIS, WAGE_AXIS, tidy
from careerclusters.charts.model import ChartSpec, Mark, Table, decimal, people, share
from careerclusters.charts.palette import ACCENT, ACCENT_LIGHT, INK, MUTED
from careerclusters.charts.wages import WageFigure, figure
from careerclusters.crosswalk.answers import National, Outlook, Wage

PERCENTILES = ("a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90")


def _percentile_names() -> list[tuple[str, str]]:
    """Each percentile's name in a table and, shorter, beside its mark, in the language being rendered."""
    return [(_("10th percentile"), _("10th")), (_("25th percentile"), _("25th")), (_("Median"), _("Median")),
            (_("75th percentile"), _("75th")), (_("90th percentile"), _("90th"))]


def _percentiles(wage: Wage, highest: float | None) -> list[WageFigure]:
    values = (wage.annual_pct10, wage.annual_pct25, wage.annual_median, wage.annual_pct75, wage.annual_pct90)
    out: list[WageFigure] = []
    for key, value in zip(PERCENTILES, values, strict=True):
        out.append(figure(value, wage.markers.get(key), highest, *(f.value for f in out)))
    return out


def _comparison(median: WageFigure, national: float | None) -> str:
    if national is None or median.value is None:
        return ""
    ratio = median.value / national
    values = {"ratio": decimal(ratio), "below": share(1 - ratio), "all": money(national)}
    if median.at_least:
        told = _("The median is at least %(ratio)s times the median for all occupations (%(all)s).")
    elif ratio >= 1.1:
        told = _("The median is %(ratio)s times the median for all occupations (%(all)s).")
    elif ratio <= 0.9:
        told = _("The median is %(below)s below the median for all occupations (%(all)s).")
    else:
        told = _("The median is close to the median for all occupations (%(all)s).")
    return " " + told % values


def wage_range(title: str, wage: Wage | None, national: National) -> ChartSpec:
    """The 10th–90th percentile range on one bar, the middle half darker, the median marked, against the
    median of all occupations. Figures not released are listed, not drawn; a top-coded end stays open."""
    figures = _percentiles(wage, national.highest_wage) if wage else [WageFigure(None)] * len(PERCENTILES)
    all_median = national.wage.annual_median if national.wage else None
    p10, p25, median, p75, p90 = figures
    said = {"title": title, "low": p25.text(), "high": p75.text(), "median": median.text(), "all": money(all_median)}
    if median.drawn and p25.drawn and p75.drawn:
        summary = (_("Half of %(title)s earn between %(low)s and %(high)s a year; the median is %(median)s.") % said
                   + _comparison(median, all_median))
    elif median.drawn:
        summary = _("The median annual wage of %(title)s is %(median)s.") % said + _comparison(median, all_median)
    elif wage is None:
        summary = _("BLS publishes no national wages for %(title)s. The median for all occupations is %(all)s.") % said
    elif wage.hourly_median is not None:
        summary = _("BLS did not release annual wages for %(title)s; it publishes hourly wages only (median "
                    "%(hourly)s an hour). The median for all occupations is %(all)s.") % {
            **said, "hourly": money(wage.hourly_median)}
    else:
        summary = _("BLS did not release annual wages for %(title)s. The median for all occupations is %(all)s.") % said
    if wage and wage.aggregate:
        summary += " " + _("BLS publishes these figures for the broader group %(soc)s.") % {"soc": wage.soc}
    if any(f.at_least for f in figures):
        summary += " " + _("Wages at the top of BLS's published range are shown as “or more”.")
    names = _percentile_names()
    rows: list[list[str]] = [[name, f.text()] for (name, _short), f in zip(names, figures, strict=True)]
    rows.append([_("Median, all occupations"), money(all_median)])

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.add_subplot()
        drawn = [f.value for f in figures if f.value is not None]
        top = max([*drawn, all_median or 0]) * 1.12 or 1.0
        axes.set_xlim(0, top)
        axes.set_ylim(-1.6, 1.9)
        axes.set_yticks([])
        if p10.drawn or p90.drawn:
            low = p10.value if p10.value is not None else min(drawn)
            high = p90.value if p90.value is not None else max(drawn)
            axes.barh(0, high - low, left=low, height=0.7, color=ACCENT_LIGHT, edgecolor=ACCENT, linewidth=1)
        if p25.value is not None and p75.value is not None:
            axes.barh(0, p75.value - p25.value, left=p25.value, height=0.7, color=ACCENT, edgecolor=ACCENT)
        if median.value is not None:
            axes.vlines(median.value, -0.55, 0.55, colors=INK, linewidth=3)
        ends = [f for f in figures if f.at_least]
        if ends:  # an open end: an arrow past the last figure, as the figure is only a lower bound
            start = max(f.value for f in ends if f.value is not None)
            axes.annotate("", xy=(min(start + top * 0.07, top), 0), xytext=(start, 0),
                          arrowprops={"arrowstyle": "-|>", "color": INK, "linewidth": 1.5})
        for index, ((_name, short), f) in enumerate(zip(names, figures, strict=True)):
            if f.value is None:
                continue
            above = index % 2 == 0
            axes.annotate(f"{short}\n{f.text()}", (f.value, 0.42 if above else -0.42),
                          xytext=(0, 6 if above else -6), textcoords="offset points", ha="center",
                          va="bottom" if above else "top", fontsize=9, color=INK)
        if not drawn:
            axes.text(top / 2, 0, _("Annual wages not released by BLS"), ha="center",
                      va="center", color=MUTED, fontsize=11)
        if all_median is not None:
            axes.axvline(all_median, color=INK, linestyle=(0, (4, 3)), linewidth=1.2)
            axes.annotate(_("All occupations: %(pay)s") % {"pay": money(all_median)}, (all_median, 1.9), xytext=(4, -2),
                          textcoords="offset points", va="top", fontsize=9, color=INK)
        axes.xaxis.set_major_formatter(WAGE_AXIS)
        axes.set_xlabel(_("Annual wage (%(release)s)") % {"release": release(wage.release) if wage else "OEWS"})
        tidy(axes)
        return []

    return ChartSpec("wages", _("What %(title)s earn") % {"title": title}, summary,
                     Table.of([(_("Percentile"), False), (_("Annual wage"), True)], rows), draw, size=(7.6, 2.6))


def _years(release: str) -> tuple[str, str]:
    found = re.search(r"(\d{4})\D(\d{2,4})", release)
    if not found:
        return _("now"), _("projected")
    start, end = found.groups()
    return start, end if len(end) == 4 else start[:2] + end


def outlook(title: str, projection: Outlook) -> ChartSpec:
    """Jobs in the base year, projected jobs ten years on, and openings each year (growth plus people
    leaving), as three labelled bars."""
    start, end = _years(projection.release)
    bars = [(_("Jobs in %(year)s") % {"year": start}, projection.employment_base_k, False),
            (_("Jobs in %(year)s (projected)") % {"year": end}, projection.employment_projected_k, True),
            (_("Openings each year"), projection.openings_k, False)]
    parts = []
    said = {"title": title, "start": start, "end": end}
    if projection.employment_base_k is not None:
        parts.append(_("%(title)s held %(n)s jobs in %(start)s") % {**said, "n": people(projection.employment_base_k)})
    if projection.employment_projected_k is not None and projection.change_pct is not None:
        said |= {"change": figure_text(abs(projection.change_pct), "%"), "n": people(projection.employment_projected_k)}
        parts.append((_("projected to grow %(change)s to %(n)s by %(end)s") if projection.change_pct > 0 else
                      _("projected to shrink %(change)s to %(n)s by %(end)s") if projection.change_pct < 0 else
                      _("projected to stay level at %(n)s by %(end)s")) % said)
    summary = ", ".join(parts) or _("BLS projects no employment for %(title)s") % said
    if projection.openings_k is not None:
        summary += _(", with about %(n)s openings a year from growth and from workers who retire or change "
                     "jobs") % {"n": people(projection.openings_k)}
    rows = [[label, _("not projected") if value is None else people(value)] for label, value, _later in bars]

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.add_subplot()
        shown = [(label, value, later) for label, value, later in bars if value is not None]
        positions = list(range(len(shown)))[::-1]
        colours = [ACCENT_LIGHT if later else ACCENT for _label, _v, later in shown]
        axes.barh(positions, [v for _l, v, _later in shown], color=colours, edgecolor=ACCENT, height=0.6)
        axes.set_yticks(positions, [label for label, _v, _later in shown])
        for y, (_label, value, _later) in zip(positions, shown, strict=True):
            axes.annotate(people(value), (value, y), xytext=(4, 0), textcoords="offset points", va="center")
        axes.set_xlim(0, max((v for _l, v, _later in shown), default=1) * 1.22)
        axes.xaxis.set_major_formatter(PEOPLE_AXIS)
        axes.set_xlabel(_("People (%(release)s)") % {"release": release(projection.release)})
        tidy(axes)
        return []

    return ChartSpec("outlook", _("Jobs for %(title)s, now and projected") % {"title": title}, summary + ".",
                     Table.of([(_("Measure"), False), (_("People"), True)], rows), draw, size=(7.6, 2.2))


def interest_profile(name: str, scores: dict[str, float], scale: tuple[float, float] = (1, 7)) -> ChartSpec:
    """RIASEC interest scores as bars, strongest named in the summary. O*NET rates occupations 1–7; a
    survey's results pass their own scale."""
    ordered = sorted(scores.items(), key=lambda kv: -kv[1])
    low, high = scale
    top = ", ".join(f"{k} ({decimal(v)})" for k, v in ordered[:3])
    summary = _("The strongest interests for %(name)s are %(top)s, on a scale of %(low)s to %(high)s.") % {
        "name": name, "top": top, "low": f"{low:g}", "high": f"{high:g}"}
    rows = [[k, decimal(v)] for k, v in scores.items()]

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.add_subplot()
        names = list(scores)[::-1]
        leading = {k for k, _v in ordered[:3]}
        values = [scores[k] - low for k in names]
        axes.barh(names, values, left=low, height=0.6, edgecolor=ACCENT,
                  color=[ACCENT if k in leading else ACCENT_LIGHT for k in names])
        for y, key in enumerate(names):
            axes.annotate(decimal(scores[key]), (scores[key], y), xytext=(4, 0), textcoords="offset points",
                          va="center")
        axes.set_xlim(low, high + (high - low) * 0.08)
        axes.set_xlabel(_("Interest score (%(low)s = least, %(high)s = most); darker: the three strongest")
                        % {"low": f"{low:g}", "high": f"{high:g}"})
        tidy(axes)
        return []

    return ChartSpec("interests", _("Interests of %(name)s") % {"name": name}, summary,
                     Table.of([(_("Interest"), False), (_("Score"), True)], rows), draw, size=(7.6, 2.4))
