"""Charts of groups of occupations: a sub-cluster's occupations as points (wage against openings), a
cluster's sub-clusters or a program's occupations as paired bars (size and pay), and the clusters' shares
of all jobs."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, MultipleLocator
from matplotlib.transforms import Bbox

from careerclusters.base import languages
from careerclusters.base.formatting import money
from careerclusters.base.languages import gettext as _
from careerclusters.base.translations import education, title_in
from careerclusters.charts.draw import PEOPLE_AXIS, WAGE_AXIS, tidy
from careerclusters.charts.model import Cell, ChartSpec, Mark, Table, people, percent
from careerclusters.charts.palette import ACCENT, EDUCATION, INK, MUTED, education_style
from careerclusters.charts.wages import WageFigure, figure
from careerclusters.crosswalk.answers import OccupationListing
from careerclusters.labor.pay import Earner, group_pay

LABELLED = 5  # the sub-cluster chart names its largest occupations
MAX_BARS = 12  # a program's chart shows the occupations with most openings; the table lists all
#: Where a label may go around its point, in points: near first, then further out on a leader line.
LABEL_PLACES = tuple((distance * dx, distance * dy) for distance in (6, 18, 34, 56, 84, 112)
                     for dx, dy in ((1, 1), (-1, 1), (1, -1), (-1, -1), (0, 1.4), (0, -1.4), (1.4, 0), (-1.4, 0)))
ALIGN = {-1: "right", 0: "center", 1: "left"}
VALIGN = {-1: "top", 0: "center", 1: "bottom"}


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _wage(o: OccupationListing, highest_wage: float | None) -> WageFigure:
    return figure(o.median_wage, o.wage_marker, highest_wage)


def occupation_href(soc: str) -> str:
    return languages.url(f"/occupations/{soc}")


def _title(o: OccupationListing) -> str:
    """An occupation's title in the language being rendered."""
    return title_in(languages.current(), o.soc, o.title)


def _openings_tick(value: float, _position: object = None) -> str:
    return f"{value * 1000:,.0f}"


def occupations_scatter(name: str, occupations: Sequence[OccupationListing], highest_wage: float | None) -> ChartSpec:
    """Each occupation a point: median wage up, openings a year across (log scale, as openings run from
    tens to hundreds of thousands), shaped by typical entry education, the largest labelled, every point
    a link to its occupation (in Tab order by education, as the legend reads)."""
    points = [(o, _wage(o, highest_wage)) for o in occupations]
    plotted = [(o, w) for o, w in points if w.drawn and o.openings_k]
    left_out = len(points) - len(plotted)
    by_education: dict[str, list[tuple[OccupationListing, WageFigure]]] = {}
    for o, w in plotted:
        by_education.setdefault(education_style(o.entry_education).short, []).append((o, w))
    summary = _scatter_summary(name, plotted, by_education, left_out)
    rows: list[list[Cell | str]] = [
        [Cell(_title(o), href=occupation_href(o.soc)), w.text(),
         _("not projected") if o.openings_k is None else people(o.openings_k),
         education(languages.current()).entry_education(o.entry_education) if o.entry_education
         else _("not projected")]
        for o, w in sorted(points, key=lambda p: -(p[0].openings_k or 0))]
    largest = sorted(plotted, key=lambda p: -(p[0].employment_k or 0))[:LABELLED]

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.add_subplot()
        marks = []
        for _short, items in sorted(by_education.items(), key=lambda kv: _education_rank(kv[0])):
            style = education_style(items[0][0].entry_education)
            points = axes.scatter([o.openings_k for o, _w in items], [w.value for _o, w in items], s=64,
                                  marker=style.marker, color=style.colour, edgecolors=INK, linewidths=0.8,
                                  label=style.label(), zorder=3, clip_on=False)
            points.set_urls([occupation_href(o.soc) for o, _w in items])
            for o, w in items:
                if w.at_least:  # only a lower bound: the point points up
                    axes.annotate("", xy=(o.openings_k, w.value * 1.08), xytext=(o.openings_k, w.value),
                                  arrowprops={"arrowstyle": "-|>", "color": INK})
                marks.append(Mark(occupation_href(o.soc), _(
                    "%(title)s: median wage %(pay)s, %(n)s openings a year, %(education)s") % {
                    "title": _title(o), "pay": w.text(), "n": people(o.openings_k),
                    "education": education(languages.current()).entry_education(o.entry_education)
                    if o.entry_education else _("entry education not projected")}))
        axes.set_xscale("log")
        axes.xaxis.set_major_locator(LogLocator(base=10))
        axes.xaxis.set_major_formatter(FuncFormatter(_openings_tick))
        axes.yaxis.set_major_formatter(WAGE_AXIS)
        wages = [w.value for _o, w in plotted]
        axes.set_ylim(0, max(wages, default=1) * 1.12)
        openings = [o.openings_k for o, _w in plotted]
        if openings:
            axes.set_xlim(min(openings) / 1.6, max(openings) * 1.6)
        axes.set_xlabel(_("Openings a year (log scale)"))
        axes.set_ylabel(_("Median annual wage"))
        axes.grid(True, which="major")
        axes.set_axisbelow(True)
        fig.legend(title=_("Typical entry education"),
                   loc="outside lower center", ncols=4, fontsize=8.5, title_fontsize=8.5)
        _label_largest(fig, axes, largest, [(o.openings_k, w.value) for o, w in plotted])
        return marks

    return ChartSpec("occupations", _("Pay and openings in %(name)s") % {"name": name}, summary,
                     Table.of([(_("Occupation"), False), (_("Median annual wage"), True), (_("Openings a year"), True),
                               (_("Typical entry education"), False)], rows), draw, size=(7.6, 4.8))


def _education_rank(short: str) -> int:
    return next((i for i, e in enumerate(EDUCATION) if e.short == short), len(EDUCATION))


def _crosses(start: tuple[float, float], end: tuple[float, float], boxes: list[Bbox]) -> bool:
    """Whether the straight line from ``start`` to ``end`` passes through any of ``boxes``."""
    steps = [i / 24 for i in range(25)]
    return any(box.contains(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
               for box in boxes for t in steps)


def _label_largest(fig: Figure, axes: Axes, items: list[tuple[OccupationListing, WageFigure]],
                   points: list[tuple[float, float]]) -> None:
    """Name the largest occupations next to their points, where a label fits inside the plot without
    covering another label, leader line or point; further out, a leader line joins label and point. A
    label that fits nowhere is left out (its point keeps its name as a link and a tooltip)."""
    fig.draw_without_rendering()
    fig.set_layout_engine("none")  # keep this layout: labels inside the plot do not move its margins
    frame = axes.get_window_extent()
    radius = 9 * fig.dpi / 72  # half a marker and a margin, so a label never seems to name a neighbour
    centres = [tuple(c) for c in axes.transData.transform(points)]
    words_placed: list[Bbox] = []
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []
    scale = fig.dpi / 72  # points to pixels
    for o, w in items:
        own = tuple(axes.transData.transform((o.openings_k, w.value)))
        obstacles = [Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)
                     for x, y in centres if (x, y) != own]
        text = wrap(_title(o), 28)
        probe = axes.text(0, 0, text, fontsize=8.5)  # measured once; each place is then arithmetic
        width, height = probe.get_window_extent().size
        probe.remove()
        for dx, dy in LABEL_PLACES:
            anchor = (own[0] + dx * scale, own[1] + dy * scale)
            x0 = anchor[0] - width * {-1: 1, 0: 0.5, 1: 0}[(dx > 0) - (dx < 0)]
            y0 = anchor[1] - height * {-1: 1, 0: 0.5, 1: 0}[(dy > 0) - (dy < 0)]
            words = Bbox.from_bounds(x0, y0, width, height)
            far = abs(dx) + abs(dy) > 14
            inside = frame.x0 <= words.x0 and words.x1 <= frame.x1 and frame.y0 <= words.y0 and words.y1 <= frame.y1
            clear = not any(words.overlaps(b) for b in obstacles + words_placed) and not any(
                _crosses(a, b, [words]) for a, b in leaders)
            if inside and clear and not (far and _crosses(anchor, own, words_placed)):
                axes.annotate(text, (o.openings_k, w.value), xytext=(dx, dy), textcoords="offset points",
                              ha=ALIGN[(dx > 0) - (dx < 0)], va=VALIGN[(dy > 0) - (dy < 0)], fontsize=8.5,
                              color=INK, arrowprops={"arrowstyle": "-", "color": MUTED, "linewidth": 0.8,
                                                     "shrinkA": 0, "shrinkB": 5} if far else None)
                words_placed.append(words)
                if far:
                    leaders.append((anchor, own))
                break


def _scatter_summary(name: str, plotted: list[tuple[OccupationListing, WageFigure]],
                     by_education: dict[str, list[tuple[OccupationListing, WageFigure]]], left_out: int) -> str:
    if not plotted:
        return _("No occupation in %(name)s has both a released wage and projected openings to plot.") % {"name": name}
    low = min(plotted, key=lambda p: p[1].value)
    high = max(plotted, key=lambda p: p[1].value)
    most = max(plotted, key=lambda p: p[0].openings_k)
    text = _("The chart shows %(n)d jobs in %(name)s. Their typical pay runs from %(low)s a year (%(low_job)s) to "
             "%(high)s (%(high_job)s). %(most_job)s have the most openings, %(most)s a year.") % {
        "n": len(plotted), "name": name, "low": low[1].text(), "low_job": _title(low[0]), "high": high[1].text(),
        "high_job": _title(high[0]), "most_job": _title(most[0]), "most": people(most[0].openings_k)}
    jobs = {level: sum(o.employment_k or 0 for o, _w in items) for level, items in by_education.items()}
    common = max(jobs, key=jobs.get)
    wages = sorted(w.value for _o, w in by_education[common])
    if len(wages) > 1 and sum(jobs.values()):
        share = jobs[common] / sum(jobs.values())
        said = {"share": percent(share), "need": education_style(by_education[common][0][0].entry_education).said(),
                "low": money(wages[0]), "high": money(wages[-1])}
        text += " " + (_("Most of the people in these jobs (%(share)s) work in jobs that need %(need)s to start; "
                         "those jobs pay from %(low)s to %(high)s.") if share > 0.5 else
                       _("The largest share of the people in these jobs (%(share)s) work in jobs that need %(need)s "
                         "to start; those jobs pay from %(low)s to %(high)s.")) % said
    if left_out:
        text += " " + languages.ngettext(
            "%(n)d job is not in the chart because BLS has not released its pay or its openings; the table lists "
            "it.", "%(n)d jobs are not in the chart because BLS has not released its pay or its openings; the table "
            "lists them.", left_out) % {"n": left_out}
    return text


@dataclass(frozen=True)
class Group:
    """One bar pair: a named group (a sub-cluster, an occupation) with its size and its pay."""

    label: str
    href: str | None
    size_k: float | None  # people, in thousands
    wage: WageFigure


def paired(fig: Figure, groups: list[Group], size_title: str, wage_title: str, colour: str) -> None:
    size_axes, wage_axes = fig.subplots(1, 2, sharey=True)
    positions = list(range(len(groups)))[::-1]
    for axes, values, title in ((size_axes, [g.size_k for g in groups], size_title),
                                (wage_axes, [g.wage.value for g in groups], wage_title)):
        top = max((v for v in values if v), default=1)
        for y, value, group in zip(positions, values, groups, strict=True):
            if value is None:
                axes.annotate(_("not released") if axes is wage_axes else _("not projected"), (0, y), xytext=(4, 0),
                              textcoords="offset points", va="center", color=MUTED, fontsize=8.5,
                              fontstyle="italic")
                continue
            axes.barh(y, value, color=colour, edgecolor=INK if group.wage.at_least and axes is wage_axes else colour,
                      height=0.62)
            text = (group.wage.text() if axes is wage_axes else people(value))
            axes.annotate(text, (value, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8.5)
        axes.set_xlim(0, top * 1.35)
        axes.xaxis.set_major_locator(MaxNLocator(4))
        axes.set_title(title, loc="left", fontweight="bold")
        axes.xaxis.set_major_formatter(WAGE_AXIS if axes is wage_axes else PEOPLE_AXIS)
        tidy(axes)
    size_axes.set_yticks(positions, [wrap(g.label, 30) for g in groups])
    wage_axes.tick_params(labelleft=False)


def paired_size(count: int) -> tuple[float, float]:
    return 7.6, 0.9 + 0.42 * count


def set_by_text(set_by: Sequence[str], share: float | None) -> str:
    """Whose pay a group's figure is, for a table cell: "Software Developers and Managers, All Other (80% of
    its jobs)", or "many occupations" when no one or two of them set it (``labor.pay``)."""
    if not set_by or share is None:
        return _("many occupations")
    return _("%(jobs)s (%(share)s of its jobs)") % {"jobs": joined(set_by), "share": percent(share)}


def joined(names: Sequence[str]) -> str:
    """Names joined as a sentence lists them: "A and B" ("A y B")."""
    return _("%(first)s and %(second)s") % {"first": ", ".join(names[:-1]), "second": names[-1]} \
        if len(names) > 1 else "".join(names)


def best_paid_text(groups: Sequence[tuple[str, WageFigure, Sequence[str], float | None]]) -> str:
    """The sentence naming the best-paid group that says whose pay a figure set by one or two occupations is, and
    then which group pays best on its own many occupations: "X has the highest typical pay, $135,980 a year, but
    that is the pay of A and B, who hold 80% of its jobs. Of the sub-clusters whose pay is not set by one or two
    jobs, Y pays best, $75,420." Empty without a figure."""
    paid = [g for g in groups if g[1].value is not None]
    if not paid:
        return ""
    label, wage, set_by, share = max(paid, key=lambda g: g[1].value)
    if not set_by or share is None:
        return " " + _("%(label)s pays best: typical pay of %(pay)s a year.") % {"label": label, "pay": wage.text()}
    text = " " + _("%(label)s has the highest typical pay, %(pay)s a year, but that is the pay of %(jobs)s, who hold "
                   "%(share)s of its jobs.") % {"label": label, "pay": wage.text(), "jobs": joined(set_by),
                                               "share": percent(share)}
    broad = [g for g in paid if not g[2]]
    if broad:
        other = max(broad, key=lambda g: g[1].value)
        text += " " + _("Of the sub-clusters whose pay is not set by one or two jobs, %(label)s pays best, "
                        "%(pay)s.") % {"label": other[0], "pay": other[1].text()}
    return text


def subclusters_by_size_and_pay(cluster: str, subclusters: Sequence[tuple[str, str, Sequence[OccupationListing]]],
                                colour: str, highest_wage: float | None) -> ChartSpec:
    """A cluster's sub-clusters: their jobs (all occupations' employment) and the median wage of the
    typical job (the employment-weighted median of the occupations' medians), saying whose pay that figure
    is where one or two large occupations set it (``labor.pay``)."""
    groups, rows, pays = [], [], []
    for name, href, occupations in subclusters:
        jobs = sum(o.employment_k or 0 for o in occupations)
        earners = [Earner(_title(o), w.value if w.drawn else None, o.employment_k)
                   for o in occupations for w in [_wage(o, highest_wage)]]
        pay = group_pay(earners)
        groups.append(Group(name, href, jobs or None, WageFigure(pay.median)))
        pays.append((name, WageFigure(pay.median), pay.set_by, pay.share))
        rows.append([Cell(name, href=href), people(jobs) if jobs else _("not projected"), money(pay.median),
                     set_by_text(pay.set_by, pay.share),
                     _("%(n)s of %(total)s") % {"n": sum(1 for e in earners if e.wage is not None),
                                                "total": len(occupations)}])
    sized = [g for g in groups if g.size_k]
    summary = _("%(cluster)s has %(n)d sub-clusters.") % {"cluster": cluster, "n": len(groups)}
    if sized:
        big = max(sized, key=lambda g: g.size_k)
        summary += " " + _("%(label)s is the largest, with %(n)s jobs.") % {"label": big.label, "n": people(big.size_k)}
        summary += best_paid_text(pays)
    summary += " " + _("An occupation in several sub-clusters counts in each.")

    def draw(fig: Figure) -> list[Mark]:
        paired(fig, sorted(groups, key=lambda g: -(g.size_k or 0)), _("Jobs"), _("Typical median wage"), colour)
        return []

    return ChartSpec("subclusters", _("Sub-clusters of %(cluster)s by jobs and pay") % {"cluster": cluster}, summary,
                     Table.of([(_("Sub-cluster"), False), (_("Jobs"), True), (_("Typical median wage"), True),
                               (_("Whose pay the typical wage is"), False),
                               (_("Occupations with a released wage"), True)], rows), draw,
                     size=paired_size(len(groups)))


def program_occupations(program: str, occupations: Sequence[OccupationListing], highest_wage: float | None
                        ) -> ChartSpec:
    """The occupations a program leads to: openings a year and median wage, most openings first."""
    ordered = sorted(occupations, key=lambda o: -(o.openings_k or 0))
    groups = [Group(_title(o), occupation_href(o.soc), o.openings_k, _wage(o, highest_wage)) for o in ordered]
    shown = groups[:MAX_BARS]
    rows = [[Cell(g.label, href=g.href), _("not projected") if g.size_k is None else people(g.size_k), g.wage.text()]
            for g in groups]
    summary = languages.ngettext("%(program)s leads to %(n)d occupation.", "%(program)s leads to %(n)d occupations.",
                                 len(groups)) % {"program": program, "n": len(groups)}
    if ordered and ordered[0].openings_k:
        first = groups[0]
        summary += " " + _("%(label)s have the most openings, %(n)s a year, at a median wage of %(pay)s.") % {
            "label": first.label, "n": people(first.size_k), "pay": first.wage.text()}
    paid = [g for g in groups if g.wage.value is not None]
    rich = max(paid, key=lambda g: g.wage.value) if paid else None
    if rich is not None and rich is not groups[0]:
        summary += " " + _("The best paid is %(label)s, %(pay)s.") % {"label": rich.label, "pay": rich.wage.text()}
    if len(groups) > MAX_BARS:
        summary += " " + _("The chart shows the %(n)d with most openings; the table lists all.") % {"n": MAX_BARS}

    def draw(fig: Figure) -> list[Mark]:
        paired(fig, shown, _("Openings a year"), _("Median annual wage"), ACCENT)
        return []

    return ChartSpec("occupations", _("Where %(program)s leads: openings and pay") % {"program": program}, summary,
                     Table.of([(_("Occupation"), False), (_("Openings a year"), True), (_("Median annual wage"), True)],
                              rows), draw, size=paired_size(len(shown)))


@dataclass(frozen=True)
class ClusterJobs:
    name: str
    href: str
    grouping: str  # the grouping's name, which heads its clusters
    colour: str
    jobs_k: float


def cluster_shares(scope: str, clusters: Sequence[ClusterJobs], all_jobs_k: float) -> ChartSpec:
    """Each cluster's share of all jobs in the country, its clusters under their grouping's name (a label,
    not only a colour, tells the groupings apart)."""
    shares = [(c, c.jobs_k / all_jobs_k) for c in clusters]
    rows = [[Cell(c.name, href=c.href), c.grouping, people(c.jobs_k), percent(share)] for c, share in shares]
    big = max(shares, key=lambda p: p[1])
    summary = _("%(name)s holds the largest share of all jobs, %(share)s (%(n)s of %(all)s).") % {
        "name": big[0].name, "share": percent(big[1]), "n": people(big[0].jobs_k), "all": people(all_jobs_k)}
    if len(shares) > 1:
        small = min(shares, key=lambda p: p[1])
        summary += " " + _("%(name)s holds the smallest, %(share)s.") % {"name": small[0].name,
                                                                          "share": percent(small[1])}
        summary += " " + _("Shares add up to more than 100%% because an occupation can belong to several clusters.")
    lines: list[tuple[str, ClusterJobs | None]] = []
    for c in clusters:
        if not lines or (lines[-1][1] is not None and lines[-1][1].grouping != c.grouping):
            lines.append((c.grouping, None))
        lines.append((c.name, c))

    def draw(fig: Figure) -> list[Mark]:
        axes = fig.add_subplot()
        positions = list(range(len(lines)))[::-1]
        labels = []
        for y, (text, c) in zip(positions, lines, strict=True):
            if c is None:
                labels.append(text.upper())
                continue
            labels.append(wrap(text, 34))
            share = c.jobs_k / all_jobs_k
            axes.barh(y, share * 100, color=c.colour, height=0.66)
            axes.annotate(percent(share), (share * 100, y), xytext=(4, 0), textcoords="offset points",
                          va="center", fontsize=8.5)
        axes.set_yticks(positions, labels)
        for tick, (_text, c) in zip(axes.get_yticklabels(), lines, strict=True):
            if c is None:
                tick.set_fontweight("bold")
                tick.set_fontsize(8.5)
        axes.set_xlim(0, max(s for _c, s in shares) * 100 * 1.18)
        axes.xaxis.set_major_locator(MultipleLocator(5))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}%"))
        axes.set_xlabel(_("Share of all %(n)s jobs") % {"n": people(all_jobs_k)})
        tidy(axes)
        return []

    return ChartSpec("shares", _("%(scope)s: share of all jobs") % {"scope": scope}, summary,
                     Table.of([(_("Cluster"), False), (_("Grouping"), False), (_("Jobs"), True),
                               (_("Share of all jobs"), True)],
                              rows), draw, size=(7.6, 0.8 + 0.3 * len(lines)))
