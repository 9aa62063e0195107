"""Charts drawn on the server as inline SVG, so that they work without JavaScript, print sharply and are
read by assistive technology: each has a title, a summary sentence written from its numbers, the table of
those numbers, and a drawing. Pages, the interest survey and reports all build them the same way::

    spec = charts.wage_range("Registered Nurses", occupation.wage, national)   # a ChartSpec
    chart = charts.render(spec)           # .title, .summary, .table, .svg (inline, CSP-safe)
    charts.png(spec), charts.standalone_svg(spec)                               # downloads

Drawing uses matplotlib. Compared with Vega-Lite rendered through vl-convert (a bundled JavaScript
engine, about four times the install) and SVG-only libraries such as pygal (which embed style sheets and
scripts), it draws publication-quality SVG and PNG from the same figure with no browser or JavaScript
runtime, is kept by a large community, keeps text as text (small files, selectable, sharp in print), and
lets each mark carry an id, which becomes a keyboard-reachable link with an accessible name. Its SVG has a
style sheet and style attributes, which a strict Content-Security-Policy blocks; ``svg.clean`` rewrites
them as presentation attributes. A chart takes tens of milliseconds to draw, so callers cache charts per
data version.
"""

from careerclusters.services.charts.draw import png, render, standalone_svg
from careerclusters.services.charts.groups import (
           ClusterJobs,
           cluster_shares,
           occupations_scatter,
           program_occupations,
           subclusters_by_size_and_pay,
)
from careerclusters.services.charts.model import Cell, Chart, ChartSpec, Mark, Table
from careerclusters.services.charts.occupation import interest_profile, outlook, wage_range
from careerclusters.services.charts.palette import grouping_colour
from careerclusters.services.charts.wages import WageFigure

__all__ = ["Cell", "Chart", "ChartSpec", "ClusterJobs", "Mark", "Table", "WageFigure", "cluster_shares",
           "grouping_colour", "interest_profile", "occupations_scatter", "outlook", "png", "program_occupations",
           "render", "standalone_svg", "subclusters_by_size_and_pay", "wage_range"]
