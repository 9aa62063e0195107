"""Drawing with matplotlib: one figure per chart, saved as SVG for the page and as PNG for downloads.

matplotlib is not thread-safe, and the server answers requests on threads, so drawing holds one lock;
charts are cached per data version by the caller, so each is drawn once.
"""

from __future__ import annotations

import io
import threading

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from careerclusters.charts import svg
from careerclusters.charts.model import Chart, ChartSpec, Mark, label_ids
from careerclusters.charts.palette import GRID, INK, MUTED

RC = {
    "svg.fonttype": "none",  # text stays text: small, selectable, sharp at any zoom and in print
    "svg.hashsalt": "careerclusters",  # the same data draws the same file (stable ETags, cacheable)
    "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"], "font.size": 10,
    "text.color": INK, "axes.labelcolor": INK, "axes.edgecolor": MUTED, "axes.titlesize": 10,
    "xtick.color": MUTED, "ytick.color": MUTED, "xtick.labelcolor": INK, "ytick.labelcolor": INK,
    "axes.spines.top": False, "axes.spines.right": False, "grid.color": GRID, "grid.linewidth": 0.8,
    "legend.frameon": False, "figure.facecolor": "white", "savefig.facecolor": "white",
}
NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}
PNG_DPI = 200  # about 1,500 pixels wide: sharp on slides and in print
_LOCK = threading.Lock()


def _save(spec: ChartSpec, file_format: str, **options: object) -> tuple[bytes, list[Mark]]:
    with _LOCK, matplotlib.rc_context(RC):
        figure = Figure(figsize=spec.size, layout="constrained")
        marks = spec.draw(figure)
        out = io.BytesIO()
        figure.savefig(out, format=file_format, **options)
    return out.getvalue(), marks


def render(spec: ChartSpec) -> Chart:
    """The chart drawn as inline SVG."""
    drawn, marks = _save(spec, "svg", metadata=NO_METADATA)
    root = svg.clean(drawn, f"chart-{spec.name}", marks)
    return Chart(spec, svg.inline(root, label_ids(spec.name), interactive=bool(marks)))


def standalone_svg(spec: ChartSpec) -> str:
    """The chart as an SVG file to download, titled and described inside."""
    drawn, _marks = _save(spec, "svg", metadata=NO_METADATA)
    return svg.standalone(svg.clean(drawn, spec.name, []), spec.name, spec.title, spec.summary)


def png(spec: ChartSpec) -> bytes:
    """The chart as a PNG image to download."""
    return _save(spec, "png", dpi=PNG_DPI, metadata={"Software": None})[0]


def dollars(value: float, _position: object = None) -> str:
    """A wage axis tick: '$50k', '$125k'."""
    return f"${value / 1000:,.0f}k" if value else "$0"


def thousands_of_people(value: float, _position: object = None) -> str:
    """An axis in thousands of people: '500k', '1.5M'."""
    if value >= 1000:
        return f"{value / 1000:,.1f}M".replace(".0M", "M")
    return f"{value:,.0f}k" if value else "0"


def tidy(axes: Axes, grid_axis: str = "x") -> None:
    """The house style: light gridlines behind the data, no frame but the baseline."""
    axes.set_axisbelow(True)
    axes.grid(axis=grid_axis)
    axes.tick_params(length=0 if grid_axis == "x" else 3.5)
    axes.spines["left" if grid_axis == "x" else "bottom"].set_visible(grid_axis != "x")


WAGE_AXIS = FuncFormatter(dollars)
PEOPLE_AXIS = FuncFormatter(thousands_of_people)
