"""Charts drawn on the server as inline SVG, so that they work without JavaScript, print sharply and are
read by assistive technology: each has a title, a summary sentence written from its numbers, the table of
those numbers, and a drawing. Pages, the interest survey and reports all build them the same way::

    spec = charts.wage_range("Registered Nurses", occupation.wage, national)   # a ChartSpec
    chart = charts.render(spec)           # .spec (title, summary, table) and .svg (inline, CSP-safe)
    charts.png(spec), charts.standalone_svg(spec)                               # downloads

Drawing uses matplotlib, chosen over Vega-Lite rendered by vl-convert-python and over SVG-only libraries
such as pygal for four reasons: it writes SVG and PNG from the same figure with no browser or JavaScript
engine (vl-convert embeds one, in a 34 MB wheel; matplotlib and its dependencies are 24 MB); it
measures text while drawing, which placing point labels clear of each other needs; every point can carry a
URL, which becomes a keyboard-reachable link; and it keeps text as text (``svg.fonttype = none``): small
files, selectable, sharp at any zoom and in print. pygal embeds style sheets and scripts. matplotlib's SVG
has a style sheet and style attributes, which a strict Content-Security-Policy blocks; ``svg.clean``
rewrites them as presentation attributes. Drawing a chart costs tens to hundreds of milliseconds
(``scripts/bench charts``), so callers cache charts per data version.
"""

from careerclusters.charts.draw import png, render, standalone_svg
from careerclusters.charts.groups import (
           ClusterJobs,
           cluster_shares,
           occupations_scatter,
           program_occupations,
           subclusters_by_size_and_pay,
)
from careerclusters.charts.model import Cell, Chart, ChartSpec, Mark, Table
from careerclusters.charts.occupation import interest_profile, outlook, wage_range
from careerclusters.charts.palette import grouping_colour
from careerclusters.charts.wages import WageFigure

__all__ = ["Cell", "Chart", "ChartSpec", "ClusterJobs", "Mark", "Table", "WageFigure", "cluster_shares",
           "grouping_colour", "interest_profile", "occupations_scatter", "outlook", "png", "program_occupations",
           "render", "standalone_svg", "subclusters_by_size_and_pay", "wage_range"]
