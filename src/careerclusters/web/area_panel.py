"""The area picker that occupation, sub-cluster and program pages carry: ``?area=OH`` in the address adds
that area's figures to the page (so a link or bookmark keeps the area), and a plain form changes it."""

from __future__ import annotations

from dataclasses import dataclass

from careerclusters.api.context import Explorer
from careerclusters.base.errors import CareerClustersError
from careerclusters.labor import market as lm
from careerclusters.labor.areas import Area, find_area


@dataclass
class AreaPanel:
    """What the picker shows: the states to suggest, the area asked for (if any), its figures or why none."""

    choices: list[Area]
    asked: str
    area: Area | None = None
    occupation: lm.OccupationInArea | None = None
    subcluster: lm.SubclusterInArea | None = None
    program: lm.ProgramInArea | None = None
    problem: str | None = None


def area_panel(explorer: Explorer, kind: str, ident: str, asked: str) -> AreaPanel | None:
    """The panel for an occupation (SOC), sub-cluster (id) or program (CIP) page; None without area data."""
    if not explorer.has("bls-oews-areas"):
        return None
    panel = AreaPanel([a for a in explorer.areas() if a.type in {"state", "territory"}], asked.strip())
    if not panel.asked:
        return panel
    try:
        panel.area = find_area(explorer.conn, panel.asked)
        if kind == "occupation":
            panel.occupation = lm.occupation_in_area(explorer.conn, ident, panel.area.code)
        elif kind == "subcluster":
            _found, profiles = explorer.area_profiles(panel.area.code)
            panel.subcluster = next(p for p in profiles if p.id == ident)
        else:
            panel.program = lm.program_in_area(explorer.conn, ident, panel.area.code)
    except CareerClustersError as exc:
        panel.problem = str(exc)
    return panel
