"""What a server keeps of local labor markets: the list of areas (the pickers show it on many pages) and each
area's roll-up of all sub-clusters (thousands of rows), per data version. See ``base.shared``."""

from __future__ import annotations

from careerclusters.base.shared import Shared
from careerclusters.labor import market
from careerclusters.labor.areas import Area, find_area, list_areas


def area_profiles(shared: Shared, area: str) -> tuple[Area, list[market.SubclusterInArea]]:
    """Every sub-cluster's profile in an area."""
    code = find_area(shared.conn, area).code
    return shared.cached(("area", code), lambda: market.subclusters_in_area(shared.conn, code, top=10))


def areas(shared: Shared) -> list[Area]:
    """Every area with OEWS data."""
    return shared.cached(("areas",), lambda: list_areas(shared.conn))
