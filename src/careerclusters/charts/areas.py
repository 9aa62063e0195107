"""Charts of local labour markets: an area's largest sub-clusters by jobs and pay, and, for the alignment
report, local demand beside the programs offered and each program's pay against the high-wage line.

Every chart here is one colour with the difference carried by position, outline or a label, so it reads the
same in grey print."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from careerclusters.alignment.analysis import JUDGED, AlignmentReport, ProgramResult
from careerclusters.base import languages
from careerclusters.base.formatting import count, money
from careerclusters.base.languages import gettext as _
from careerclusters.base.translations import title_in
from careerclusters.charts.draw import WAGE_AXIS, tidy
from careerclusters.charts.groups import Group, best_paid_text, paired, paired_size, set_by_text, wrap
from careerclusters.charts.model import Cell, ChartSpec, Mark, Table, people
from careerclusters.charts.palette import ACCENT, ACCENT_LIGHT, INK, MUTED
from careerclusters.charts.wages import WageFigure
from careerclusters.framework import load_framework
from careerclusters.labor.market import SubclusterInArea, weighted_median

TOP = 15
MAX_BARS = 20  # more programs than this are drawn as a histogram of their typical wages
COUNT_AXIS = FuncFormatter(lambda value, _position: f"{value:,.0f}")


def area_subclusters(area: str, code: str, profiles: Sequence[SubclusterInArea], top: int = TOP) -> ChartSpec:
    """An area's sub-clusters with the most jobs: their jobs and the typical median wage."""
    largest = sorted((p for p in profiles if p.employment), key=lambda p: -(p.employment or 0))[:top]
    lang = languages.current()
    fw = load_framework()
    groups = [Group(fw.label(fw.node(p.id), lang).name, languages.url(f"/areas/{code}/subclusters/{p.id}"),
                    (p.employment or 0) / 1000, WageFigure(p.median_wage, at_least=p.median_wage_at_least))
              for p in largest]
    set_by = [[title_in(lang, soc, title) for soc, title in zip(p.pay_set_by_soc, p.pay_set_by, strict=False)]
              or p.pay_set_by for p in largest]
    rows = [[Cell(g.label, href=g.href), people(g.size_k or 0), g.wage.text(),
             set_by_text(names, p.pay_set_by_share), count(p.openings_estimate)]
            for g, p, names in zip(groups, largest, set_by, strict=True)]
    summary = _("%(area)s's %(n)d largest sub-clusters by jobs.") % {"area": area, "n": len(groups)}
    if groups:
        summary += " " + _("%(label)s is the largest, with %(n)s jobs.") % {"label": groups[0].label,
                                                                            "n": people(groups[0].size_k or 0)}
        summary += best_paid_text([(g.label, g.wage, names, p.pay_set_by_share)
                                   for g, p, names in zip(groups, largest, set_by, strict=True)])

    def draw(fig: Figure) -> list[Mark]:
        paired(fig, groups, _("Jobs"), _("Typical median wage"), ACCENT)
        return []

    return ChartSpec("largest", _("The largest sub-clusters in %(area)s") % {"area": area}, summary,
                     Table.of([(_("Sub-cluster"), False), (_("Jobs"), True), (_("Typical median wage"), True),
                               (_("Whose pay the typical wage is"), False), (_("Openings a year (estimate)"), True)],
                              rows),
                     draw, size=paired_size(len(groups)))


def demand_and_supply(report: AlignmentReport, top: int = TOP) -> ChartSpec:
    """Local demand at the institution's levels (estimated openings a year in the occupations its levels lead
    to) beside supply (the judged programs' completers), for the sub-clusters in demand or served, most openings
    first. Flagged programs are not drawn: their codes are unconfirmed."""
    shown = sorted((d for d in report.subclusters if d.at_levels.openings_estimate and not d.excluded
                    and (d.in_demand or d.programs)), key=lambda d: -(d.at_levels.openings_estimate or 0))[:top]
    rows = [[d.name, count(d.at_levels.openings_estimate), count(d.completers), "; ".join(d.programs) or "none"]
            for d in shown]
    unserved = [d.name for d in shown if not d.programs]
    summary = (f"Of the {len(shown)} sub-clusters with the most openings at your levels in {report.area.name} that "
               f"are in demand or have a program, {len(unserved)} have no program in the list")
    summary += f", the largest {unserved[0]}." if unserved else "."

    def draw(fig: Figure) -> list[Mark]:
        demand_axes, supply_axes = fig.subplots(1, 2, sharey=True)
        positions = list(range(len(shown)))[::-1]
        for axes, values, title in ((demand_axes, [d.at_levels.openings_estimate or 0 for d in shown],
                                     "Openings/yr at your levels (est.)"),
                                    (supply_axes, [d.completers or 0 for d in shown], "Completers")):
            top_value = max(values, default=0) or 1
            for y, value, item in zip(positions, values, shown, strict=True):
                if axes is supply_axes and not item.programs:
                    axes.annotate("no program", (0, y), xytext=(4, 0), textcoords="offset points", va="center",
                                  color=MUTED, fontsize=8.5, fontstyle="italic")
                    continue
                axes.barh(y, value, color=ACCENT if axes is demand_axes else ACCENT_LIGHT, edgecolor=ACCENT,
                          height=0.62)
                axes.annotate(count(value), (value, y), xytext=(4, 0), textcoords="offset points", va="center",
                              fontsize=8.5)
            axes.set_xlim(0, top_value * 1.35)
            axes.xaxis.set_major_locator(MaxNLocator(4, integer=True))
            axes.xaxis.set_major_formatter(COUNT_AXIS)
            axes.set_title(title, loc="left", fontweight="bold")
            tidy(axes)
        demand_axes.set_yticks(positions, [wrap(d.name, 30) for d in shown])
        supply_axes.tick_params(labelleft=False)
        return []

    return ChartSpec("demand", f"Demand at your levels and programs by sub-cluster in {report.area.name}", summary,
                     Table.of([("Sub-cluster", False), ("Openings a year at your levels (estimate)", True),
                               ("Completers", True), ("Programs", False)], rows), draw, size=paired_size(len(shown)))


def _typical_wage(program: ProgramResult) -> float | None:
    """The employment-weighted median of a program's entry occupations' median wages."""
    return weighted_median([(o.median_wage, o.employment) for o in program.occupations
                            if o.kind == "entry" and o.median_wage is not None and o.employment])


def program_wages(report: AlignmentReport) -> ChartSpec:
    """Each judged program's typical wage (its entry occupations' employment-weighted median) against the
    high-wage line; programs flagged for review, or with no entry occupation, are left out and named."""
    judged = [p for p in report.programs if p.verdict in JUDGED]
    items = [(p.name, _typical_wage(p)) for p in judged]
    drawn = sorted(((name, wage) for name, wage in items if wage is not None), key=lambda item: -item[1])
    line, near = report.high_wage_threshold, report.near_threshold

    def against(wage: float) -> str:
        return "above" if line and wage > line else "near the line" if near and wage >= near else "below"

    above = [name for name, wage in drawn if line and wage > line]
    rows = [[name, money(wage), "—" if wage is None or not line else against(wage)] for name, wage in items]
    left_out = [p.name for p in report.programs if p.verdict not in JUDGED]
    summary = (f"{len(above)} of {len(drawn)} judged programs lead to entry occupations whose typical median wage "
               f"is above {report.area.name}'s high-wage line of {money(line)}." if line else
               "The area has no published median wage, so no high-wage line is drawn.")
    if left_out:
        summary += f" Not drawn (not judged): {', '.join(left_out)}."

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.subplots()
        if len(drawn) > MAX_BARS:
            _histogram(axes, [wage for _name, wage in drawn], line)
            return []
        positions = list(range(len(drawn)))[::-1]
        for y, (_name, wage) in zip(positions, drawn, strict=True):
            high = bool(line and wage > line)
            axes.barh(y, wage, color=ACCENT if high else ACCENT_LIGHT, edgecolor=ACCENT, height=0.62)
            axes.annotate(f"{money(wage)} ({against(wage)})", (wage, y), xytext=(4, 0),
                          textcoords="offset points", va="center", fontsize=8.5, zorder=3)
        axes.set_ylim(-0.6, len(drawn) - 0.4 + 0.5)
        if line:
            axes.axvline(line, color=INK, linestyle="--", linewidth=1.2, zorder=2)
            axes.annotate(f"high-wage line: {money(line)}", (line, len(drawn) - 0.45), xytext=(4, 0),
                          textcoords="offset points", va="center", fontsize=8.5, color=INK)
        axes.set_yticks(positions, [wrap(name, 30) for name, _wage in drawn])
        axes.set_xlim(0, max((w for _n, w in drawn), default=1) * 1.4)
        axes.xaxis.set_major_formatter(WAGE_AXIS)
        axes.xaxis.set_major_locator(MaxNLocator(4))
        tidy(axes)
        return []

    height = 0.9 + 0.36 * max(1, len(drawn)) if len(drawn) <= MAX_BARS else 3.2
    return ChartSpec("wages", f"Programs' typical wage against the high-wage line in {report.area.name}", summary,
                     Table.of([("Program", False), ("Typical median wage", True), ("Against the line", False)], rows),
                     draw, size=(7.6, height))


def _histogram(axes: Axes, wages: list[float], line: float | None) -> None:
    """Many programs: how many fall in each $10,000 band of typical wage; within a band, the programs above
    the line are solid and those below it light, stacked."""
    step = 10_000
    edges = [step * k for k in range(int(min(wages) // step), int(max(wages) // step) + 1)]
    tallest = 0
    for low in edges:
        band = [w for w in wages if low <= w < low + step]
        above = sum(1 for w in band if line and w > line)
        below = len(band) - above
        axes.bar(low + step / 2, below, width=step * 0.9, color=ACCENT_LIGHT, edgecolor=ACCENT)
        axes.bar(low + step / 2, above, bottom=below, width=step * 0.9, color=ACCENT, edgecolor=ACCENT)
        if band:
            axes.annotate(str(len(band)), (low + step / 2, len(band)), xytext=(0, 3), textcoords="offset points",
                          ha="center", fontsize=8.5)
        tallest = max(tallest, len(band))
    axes.set_ylim(0, tallest * 1.25)
    if line:
        axes.axvline(line, color=INK, linestyle="--", linewidth=1.2)
        axes.annotate(f"high-wage line: {money(line)}", (line, tallest * 1.16), xytext=(4, 0),
                      textcoords="offset points", fontsize=8.5, color=INK)
    axes.set_ylabel("Programs")
    axes.xaxis.set_major_formatter(WAGE_AXIS)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    tidy(axes, grid_axis="y")

