"""Whose pay a group's pay figure is. A sub-cluster's or a cluster's "typical median wage" is the
employment-weighted median of its occupations' medians: half of its jobs are in occupations whose median is at
or below it. When one or two large occupations hold most of the group's jobs, that figure is simply their pay:
Design & Digital Arts "pays" $135,980 because software developers and managers hold four in five of its jobs,
not because designers earn that. A figure a reader would take for the group's must then say whose it is.

``group_pay`` is the one place this is worked out, for every page, chart and report that shows a group's pay
(the cluster page's chart, an area's sub-clusters, the alignment report).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: Occupations "set" a group's figure when this few of the largest hold more than this share of its jobs and the
#: weighted median falls on one of them.
FEW = 2
MOST = 0.5


@dataclass(frozen=True)
class Earner:
    """One occupation of a group: its title, median wage (``inf`` when BLS top-codes it: at or above the top
    of the published range; None when not released) and its jobs."""

    title: str
    wage: float | None
    jobs: float | None
    code: str = ""  # its SOC code, so that whose pay a figure is can be named in another language


@dataclass(frozen=True)
class GroupPay:
    """A group's typical median wage and whose it is.

    ``median`` is None when no occupation has both a wage and jobs; ``at_least`` when it falls on a top-coded
    occupation. ``set_by`` names the one or two occupations that hold most of the group's jobs (``share`` of
    them) when the median falls on one of them: the figure is then their pay, and must be shown as such."""

    median: float | None
    at_least: bool
    set_by: tuple[str, ...]
    share: float | None
    set_by_codes: tuple[str, ...] = field(default=(), compare=False)  # their codes, where the earners had them


def group_pay(earners: Iterable[Earner]) -> GroupPay:
    """The employment-weighted median of the occupations' medians, and the occupations that set it, if any."""
    staffed = [e for e in earners if e.jobs]
    paid = sorted((e for e in staffed if e.wage is not None), key=lambda e: e.wage)
    weight = sum(e.jobs for e in paid)
    if not weight:
        return GroupPay(None, False, (), None)
    running, middle = 0.0, paid[-1]
    for earner in paid:
        running += earner.jobs
        if running >= weight / 2:
            middle = earner
            break
    total = sum(e.jobs for e in staffed)
    largest = sorted(staffed, key=lambda e: -e.jobs)[:FEW]
    for n in range(1, len(largest) + 1):
        share = sum(e.jobs for e in largest[:n]) / total
        if share > MOST:
            leaders = largest[:n]
            if middle in leaders:
                return GroupPay(_finite(middle.wage), middle.wage == float("inf"),
                                tuple(e.title for e in leaders), round(share, 3), tuple(e.code for e in leaders))
            break
    return GroupPay(_finite(middle.wage), middle.wage == float("inf"), (), None)


def _finite(wage: float | None) -> float | None:
    return None if wage is None or wage == float("inf") else wage
