"""Geometry of the framework wheel: an SVG sunburst drawn on the server, so it works without JavaScript.

The five purpose groupings fill the inner rings (grouping → cluster → sub-cluster, one equal slice per
sub-cluster); the cross-cutting clusters, whose skills run through every other cluster, surround them as
their own outer ring. Every segment is a link with an accessible name, in reading order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from careerclusters.base.languages import gettext as _
from careerclusters.charts.palette import grouping_colour
from careerclusters.framework import Framework, Node
from careerclusters.reports.words import named

CENTRE = 340
#: (inner, outer) radius of each ring.
RINGS = {"grouping": (58, 128), "cluster": (128, 205), "subcluster": (205, 262),
         "cc-grouping": (270, 282), "cc-cluster": (282, 310), "cc-subcluster": (310, 334)}


@dataclass(frozen=True)
class Segment:
    node: Node
    ring: str
    path: str
    fill: str
    label: list[str]  # visible lines of text; empty where the segment is too small
    label_x: float
    label_y: float
    label_rotate: float
    description: str


def _point(radius: float, angle: float) -> tuple[float, float]:
    return CENTRE + radius * math.sin(angle), CENTRE - radius * math.cos(angle)


def _arc(inner: float, outer: float, start: float, end: float) -> str:
    if end - start >= 2 * math.pi - 1e-9:  # a whole ring: two half arcs per circle
        mid = start + math.pi
        parts = []
        for radius, sweep in ((outer, 1), (inner, 0)):
            a, b = _point(radius, start), _point(radius, mid)
            parts.append(f"M{a[0]:.1f},{a[1]:.1f} A{radius},{radius} 0 1 {sweep} {b[0]:.1f},{b[1]:.1f} "
                         f"A{radius},{radius} 0 1 {sweep} {a[0]:.1f},{a[1]:.1f} Z")
        return " ".join(parts)
    large = 1 if end - start > math.pi else 0
    p1, p2 = _point(outer, start), _point(outer, end)
    p3, p4 = _point(inner, end), _point(inner, start)
    return (f"M{p1[0]:.1f},{p1[1]:.1f} A{outer},{outer} 0 {large} 1 {p2[0]:.1f},{p2[1]:.1f} "
            f"L{p3[0]:.1f},{p3[1]:.1f} A{inner},{inner} 0 {large} 0 {p4[0]:.1f},{p4[1]:.1f} Z")


def _shade(colour: str, amount: float) -> str:
    """Mix a hex colour towards white (``amount`` > 0) or black (< 0), by ``abs(amount)`` (0–1)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    target = 255 if amount > 0 else 0
    return "#" + "".join(f"{round(c + (target - c) * abs(amount)):02x}" for c in (r, g, b))


CHAR_WIDTH = 5.8  # average width of a character at the wheel's label size
LINE_HEIGHT = 12.0


def _lines(name: str, count: int) -> list[str]:
    """Split a name into ``count`` lines of similar length at word boundaries."""
    words = name.split()
    if count == 1 or len(words) == 1:
        return [name]
    best: list[str] = [name]
    best_width = len(name)
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), words[cut:]
        rest = _lines(" ".join(tail), count - 1)
        width = max(len(head), *(len(r) for r in rest))
        if width < best_width:
            best, best_width = [head, *rest], width
    return best


def _label(node: Node, radius_in: float, radius_out: float, start: float, end: float
           ) -> tuple[list[str], float, float, float]:
    """Lines, position and rotation of a segment's label: along the arc where it fits, else across the
    ring, else none (the link's accessible name and the text list still carry the name)."""
    middle = (start + end) / 2
    radius = (radius_in + radius_out) / 2
    x, y = _point(radius, middle)
    arc_length = (end - start) * radius
    depth = radius_out - radius_in
    degrees = math.degrees(middle)
    for count in (1, 2, 3):
        lines = _lines(named(node), count)
        width = max(len(line) for line in lines) * CHAR_WIDTH + 4
        height = len(lines) * LINE_HEIGHT + 4
        if width <= arc_length and height <= depth:  # along the arc, never upside down
            return lines, x, y, degrees if not 90 < degrees < 270 else degrees - 180
        if width <= depth and height <= arc_length:  # across the ring
            return lines, x, y, degrees - 90 if degrees <= 180 else degrees + 90
    return [], x, y, 0.0


def segments(fw: Framework) -> list[Segment]:
    """Every segment of the wheel, parents before children, in clockwise reading order, named in the language
    being rendered."""
    out: list[Segment] = []
    purpose = [g for g in fw.groupings() if not any(c.cross_cutting for c in fw.children(g))]
    crossing = [g for g in fw.groupings() if g not in purpose]

    def lay_out(roots: list[Node], rings: tuple[str, str, str], full_circle: bool) -> None:
        leaves = sum(len(fw.children(c)) for g in roots for c in fw.children(g))
        step = 2 * math.pi / leaves
        angle = 0.0
        for grouping in roots:
            colour = grouping_colour(grouping.id)  # the charts about the framework use the same colours
            g_start = angle
            clusters = fw.children(grouping)
            g_end = g_start + step * sum(len(fw.children(c)) for c in clusters)
            span_end = g_start + 2 * math.pi if full_circle else g_end
            out.append(_segment(grouping, rings[0], g_start, span_end, _shade(colour, -0.35),
                                _("Cluster grouping: %(name)s") % {"name": named(grouping)},
                                labelled=not full_circle))
            for cluster in clusters:
                c_start = angle
                subs = fw.children(cluster)
                c_end = c_start + step * len(subs)
                out.append(_segment(cluster, rings[1], c_start, c_end, colour,
                                    (_("Career cluster: %(name)s (cross-cutting)") if cluster.cross_cutting
                                     else _("Career cluster: %(name)s")) % {"name": named(cluster)}))
                for sub in subs:
                    out.append(_segment(sub, rings[2], angle, angle + step, _shade(colour, 0.82),
                                        _("Sub-cluster: %(name)s, in %(cluster)s")
                                        % {"name": named(sub), "cluster": named(cluster)}, labelled=False))
                    angle += step
            angle = g_end

    lay_out(purpose, ("grouping", "cluster", "subcluster"), full_circle=False)
    lay_out(crossing, ("cc-grouping", "cc-cluster", "cc-subcluster"), full_circle=True)
    return out


def _segment(node: Node, ring: str, start: float, end: float, fill: str, description: str,
             labelled: bool = True) -> Segment:
    inner, outer = RINGS[ring]
    label, x, y, rotate = _label(node, inner, outer, start, end) if labelled else ([], 0.0, 0.0, 0.0)
    return Segment(node, ring, _arc(inner, outer, start, end), fill, label, x, y, rotate, description)
