"""Charts of one occupation: its wage range against all occupations, its jobs now and projected, and its
interest profile (the same profile chart draws a student's interest-survey results)."""

from __future__ import annotations

import re

from matplotlib.figure import Figure

from careerclusters.base.formatting import money
from careerclusters.charts.draw import PEOPLE_AXIS, WAGE_AXIS, tidy
from careerclusters.charts.model import ChartSpec, Mark, Table, people
from careerclusters.charts.palette import ACCENT, ACCENT_LIGHT, INK, MUTED
from careerclusters.charts.wages import WageFigure, figure
from careerclusters.crosswalk.answers import National, Outlook, Wage

PERCENTILES = (("a_pct10", "10th percentile"), ("a_pct25", "25th percentile"), ("a_median", "Median"),
               ("a_pct75", "75th percentile"), ("a_pct90", "90th percentile"))


def _percentiles(wage: Wage, highest: float | None) -> list[WageFigure]:
    values = (wage.annual_pct10, wage.annual_pct25, wage.annual_median, wage.annual_pct75, wage.annual_pct90)
    out: list[WageFigure] = []
    for (key, _label), value in zip(PERCENTILES, values, strict=True):
        out.append(figure(value, wage.markers.get(key), highest, *(f.value for f in out)))
    return out


def _comparison(median: WageFigure, national: float | None) -> str:
    if national is None or median.value is None:
        return ""
    ratio = median.value / national
    if median.at_least:
        told = f"at least {ratio:.1f} times"
    elif ratio >= 1.1:
        told = f"{ratio:.1f} times"
    elif ratio <= 0.9:
        told = f"{1 - ratio:.0%} below"
    else:
        told = "close to"
    return f" The median is {told} the median for all occupations ({money(national)})."


def wage_range(title: str, wage: Wage | None, national: National) -> ChartSpec:
    """The 10th–90th percentile range on one bar, the middle half darker, the median marked, against the
    median of all occupations. Figures not released are listed, not drawn; a top-coded end stays open."""
    figures = _percentiles(wage, national.highest_wage) if wage else [WageFigure(None)] * len(PERCENTILES)
    all_median = national.wage.annual_median if national.wage else None
    p10, p25, median, p75, p90 = figures
    if median.drawn and p25.drawn and p75.drawn:
        summary = (f"Half of {title} earn between {p25.text()} and {p75.text()} a year; the median is "
                   f"{median.text()}." + _comparison(median, all_median))
    elif median.drawn:
        summary = f"The median annual wage of {title} is {median.text()}." + _comparison(median, all_median)
    elif wage is None:
        summary = f"BLS publishes no national wages for {title}. The median for all occupations is {money(all_median)}."
    else:
        hourly = (f"; it publishes hourly wages only (median {money(wage.hourly_median)} an hour)"
                  if wage.hourly_median is not None else "")
        summary = (f"BLS did not release annual wages for {title}{hourly}. The median for all occupations is "
                   f"{money(all_median)}.")
    if wage and wage.aggregate:
        summary += f" BLS publishes these figures for the broader group {wage.soc}."
    if any(f.at_least for f in figures):
        summary += " Wages at the top of BLS's published range are shown as “or more”."
    rows: list[list[str]] = [[label, f.text()] for (_key, label), f in zip(PERCENTILES, figures, strict=True)]
    rows.append(["Median, all occupations", money(all_median)])

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
        for index, ((_key, label), f) in enumerate(zip(PERCENTILES, figures, strict=True)):
            if f.value is None:
                continue
            above = index % 2 == 0
            axes.annotate(f"{label.replace(' percentile', '')}\n{f.text()}", (f.value, 0.42 if above else -0.42),
                          xytext=(0, 6 if above else -6), textcoords="offset points", ha="center",
                          va="bottom" if above else "top", fontsize=9, color=INK)
        if not drawn:
            axes.text(top / 2, 0, "Annual wages not released by BLS", ha="center",
                      va="center", color=MUTED, fontsize=11)
        if all_median is not None:
            axes.axvline(all_median, color=INK, linestyle=(0, (4, 3)), linewidth=1.2)
            axes.annotate(f"All occupations: {money(all_median)}", (all_median, 1.9), xytext=(4, -2),
                          textcoords="offset points", va="top", fontsize=9, color=INK)
        axes.xaxis.set_major_formatter(WAGE_AXIS)
        axes.set_xlabel(f"Annual wage ({wage.release if wage else 'OEWS'})")
        tidy(axes)
        return []

    return ChartSpec("wages", f"What {title} earn", summary,
                     Table.of([("Percentile", False), ("Annual wage", True)], rows), draw, size=(7.6, 2.6))


def _years(release: str) -> tuple[str, str]:
    found = re.search(r"(\d{4})\D(\d{2,4})", release)
    if not found:
        return "now", "projected"
    start, end = found.groups()
    return start, end if len(end) == 4 else start[:2] + end


def outlook(title: str, projection: Outlook) -> ChartSpec:
    """Jobs in the base year, projected jobs ten years on, and openings each year (growth plus people
    leaving), as three labelled bars."""
    start, end = _years(projection.release)
    bars = [(f"Jobs in {start}", projection.employment_base_k),
            (f"Jobs in {end} (projected)", projection.employment_projected_k),
            ("Openings each year", projection.openings_k)]
    parts = []
    if projection.employment_base_k is not None:
        parts.append(f"{title} held {people(projection.employment_base_k)} jobs in {start}")
    if projection.employment_projected_k is not None and projection.change_pct is not None:
        way = "grow" if projection.change_pct > 0 else "shrink" if projection.change_pct < 0 else "stay"
        change = f"{abs(projection.change_pct):.1f}%" if way != "stay" else "level"
        parts.append(f"projected to {way} {change} to {people(projection.employment_projected_k)} by {end}")
    summary = ", ".join(parts) or f"BLS projects no employment for {title}"
    if projection.openings_k is not None:
        summary += (f", with about {people(projection.openings_k)} openings a year from growth and from "
                    "workers who retire or change jobs")
    rows = [[label, "not projected" if value is None else people(value)] for label, value in bars]

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.add_subplot()
        shown = [(label, value) for label, value in bars if value is not None]
        positions = list(range(len(shown)))[::-1]
        colours = [ACCENT_LIGHT if "projected" in label else ACCENT for label, _v in shown]
        axes.barh(positions, [v for _l, v in shown], color=colours, edgecolor=ACCENT, height=0.6)
        axes.set_yticks(positions, [label for label, _v in shown])
        for y, (_label, value) in zip(positions, shown, strict=True):
            axes.annotate(people(value), (value, y), xytext=(4, 0), textcoords="offset points", va="center")
        axes.set_xlim(0, max((v for _l, v in shown), default=1) * 1.22)
        axes.xaxis.set_major_formatter(PEOPLE_AXIS)
        axes.set_xlabel(f"People ({projection.release})")
        tidy(axes)
        return []

    return ChartSpec("outlook", f"Jobs for {title}, now and projected", summary + ".",
                     Table.of([("Measure", False), ("People", True)], rows), draw, size=(7.6, 2.2))


def interest_profile(name: str, scores: dict[str, float], scale: tuple[float, float] = (1, 7)) -> ChartSpec:
    """RIASEC interest scores as bars, strongest named in the summary. O*NET rates occupations 1–7; a
    survey's results pass their own scale."""
    ordered = sorted(scores.items(), key=lambda kv: -kv[1])
    low, high = scale
    top = ", ".join(f"{k} ({v:.1f})" for k, v in ordered[:3])
    summary = f"The strongest interests for {name} are {top}, on a scale of {low:g} to {high:g}."
    rows = [[k, f"{v:.1f}"] for k, v in scores.items()]

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.add_subplot()
        names = list(scores)[::-1]
        leading = {k for k, _v in ordered[:3]}
        values = [scores[k] - low for k in names]
        axes.barh(names, values, left=low, height=0.6, edgecolor=ACCENT,
                  color=[ACCENT if k in leading else ACCENT_LIGHT for k in names])
        for y, key in enumerate(names):
            axes.annotate(f"{scores[key]:.1f}", (scores[key], y), xytext=(4, 0), textcoords="offset points",
                          va="center")
        axes.set_xlim(low, high + (high - low) * 0.08)
        axes.set_xlabel(f"Interest score ({low:g} = least, {high:g} = most); darker: the three strongest")
        tidy(axes)
        return []

    return ChartSpec("interests", f"Interests of {name}", summary,
                     Table.of([("Interest", False), ("Score", True)], rows), draw, size=(7.6, 2.4))
