"""What a server keeps of local labor markets: the list of areas (the pickers show it on many pages) and each
area's roll-up of all sub-clusters (thousands of rows), per data version. See ``base.shared``."""

from __future__ import annotations

from careerclusters.base.shared import Shared
from careerclusters.labor import market, openings
from careerclusters.labor.areas import Area, find_area, list_areas


def area_profiles(shared: Shared, area: str) -> tuple[Area, list[market.SubclusterInArea]]:
    """Every sub-cluster's profile in an area."""
    code = find_area(shared.conn, area).code
    return shared.cached(("area", code), lambda: market.subclusters_in_area(shared.conn, code, top=10))


def openings_basis(shared: Shared, area: str) -> openings.Basis:
    """How openings are estimated in an area: the state's own projections' rates or the nation's."""
    found = find_area(shared.conn, area)
    return shared.cached(("openings basis", found.code), lambda: openings.basis(shared.conn, found))


def openings_note(shared: Shared, area: str) -> str:
    """``openings_basis(…).note``: the sentence an answer carrying openings says them with."""
    return openings_basis(shared, area).note


def areas(shared: Shared) -> list[Area]:
    """Every area with OEWS data."""
    return shared.cached(("areas",), lambda: list_areas(shared.conn))
