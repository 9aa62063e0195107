"""One basis for jobs and openings, used everywhere an area's openings are shown (area pages, the API, the
command line, the alignment report).

Jobs in an area are OEWS's wage-and-salary jobs: the self-employed are not counted. Openings are projected
nationally by BLS (and by each state for itself) for all workers, the self-employed included. Scaling the
nation's openings by the area's share of wage-and-salary jobs mixed the two bases: an occupation where many
work for themselves (hairdressers: 47.6 % self-employed nationally) got openings for its self-employed too,
on jobs that leave them out (746 openings a year on 3,240 jobs in Columbus, OH).

So an area's openings are counted on the jobs it counts: **openings a year = the occupation's openings rate ×
the area's wage-and-salary jobs**, where the rate is the projections' openings a year over the projections'
employment, both for all workers, as published. The openings-to-jobs ratio of an occupation is then the
projections' own rate in every area (hairdressers: 75.8 ÷ 575.2 thousand ≈ 13 % a year), and openings mean
openings among the jobs the page shows. Where a state's own long-term projections are imported, its rates
serve the state and its areas (occupation by occupation, the nation's where the state publishes none). Every
figure is an estimate, and labelled so.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Literal

from careerclusters.base.languages import gettext
from careerclusters.labor.areas import Area
from careerclusters.store import crosswalk as q
from careerclusters.store import labor as aq

Source = Literal["state", "national"]


@dataclass(frozen=True)
class Outlook:
    """An occupation's projected openings rate (openings a year per job) and ten-year change, and whose."""

    rate: float
    change_pct: float | None
    source: Source


@dataclass(frozen=True)
class Basis:
    """The openings rates that serve one area: a state's own where it has them, else the nation's."""

    area: Area
    national_release: str | None
    state_name: str | None = None  # the state whose projections serve the area, if any
    state_release: str | None = None
    national: dict[str, Outlook] = field(default_factory=dict)
    state: dict[str, Outlook] = field(default_factory=dict)

    def outlook(self, soc: str) -> Outlook | None:
        """The occupation's outlook: the state's, else the nation's; for each, the detailed occupation's, else
        its broad group's (projections publish a few occupations only as a group)."""
        for table in (self.state, self.national):
            for code in (soc, soc[:6] + "0"):
                if code in table:
                    return table[code]
        return None

    def openings(self, soc: str, jobs: float | None) -> tuple[float | None, Source | None]:
        """Estimated openings a year among ``jobs`` wage-and-salary jobs, and whose rate gave them."""
        found = self.outlook(soc)
        if found is None or jobs is None:
            return None, None
        return round(found.rate * jobs, 1), found.source

    @property
    def whose(self) -> str:
        """Whose projections give the rates: "Ohio's own long-term projections (…), else the nation's"."""
        if self.state_name:
            return gettext("%(state)s's own long-term projections (%(release)s), else the nation's") % {
                "state": self.state_name, "release": self.state_release}
        if self.national_release:
            return gettext("BLS's national projections (%(release)s)") % {"release": self.national_release}
        return gettext("BLS's national projections")

    @property
    def note(self) -> str:
        """How openings are estimated here, in one sentence for a page, an API answer or a report."""
        return ("openings are estimates: each occupation's openings rate (openings a year over employment, "
                f"the self-employed included, from {self.whose}) times its wage-and-salary jobs in the area")


def _rates(rows: list[sqlite3.Row], source: Source) -> dict[str, Outlook]:
    return {row["soc"]: Outlook(row["openings"] / row["employment"], row["change_pct"], source) for row in rows
            if row["openings"] is not None and row["employment"]}


def basis(conn: sqlite3.Connection, area: Area) -> Basis:
    """The basis for ``area``: the nation's rates, and its state's own where they are imported."""
    kinds = q.imported_kinds(conn)
    national = _rates(aq.national_outlook(conn), "national")
    release = kinds["bls-projections"]["release"] if "bls-projections" in kinds else None
    if area.type == "national" or "state-projections" not in kinds:
        return Basis(area, release, national=national)
    state = _rates(aq.state_outlook(conn, area.state_fips), "state")
    years = aq.state_projection_years(conn, area.state_fips)
    if not state or years is None:
        return Basis(area, release, national=national)
    period = f"{years['base_year']}–{years['projected_year']}" if years["base_year"] else "imported"
    return Basis(area, release, years["area_name"], f"{period}, {kinds['state-projections']['file_name']}",
                 national, state)
