"""What a server keeps for career changers: the index of every occupation's work (built at start and once per data
version) and each area's figures (per area asked for), so that an answer is a few sparse products and the SQL
for the destinations shown. See ``base.shared``. Answers themselves are never kept: they are built from what a
person typed."""

from __future__ import annotations

from careerclusters.base.shared import Shared, warm_up
from careerclusters.changers import service
from careerclusters.changers.figures import AreaFigures, area_figures
from careerclusters.changers.index import ChangeIndex
from careerclusters.changers.model import NextJobs
from careerclusters.classifier import serving as classifier_serving
from careerclusters.labor.areas import find_area


@warm_up("career changers index", needs="onet-db")
def index(shared: Shared) -> ChangeIndex:
    return shared.cached(("changers-index",), lambda: ChangeIndex.build(shared.conn))


def figures(shared: Shared, area: str) -> AreaFigures:
    """Every occupation's figures in an area (the area as a person named it: an unknown one is an error)."""
    code = find_area(shared.conn, area).code
    return shared.cached(("changers-area", code), lambda: area_figures(shared.conn, index(shared), code))


def next_jobs(shared: Shared, job: str, *, area: str | None = None, education: str | None = None,
              floor: str | float | None = None, limit: int = service.DEFAULT_LIMIT) -> NextJobs:
    """``changers.next_jobs`` with what the server keeps."""
    return service.next_jobs(shared.conn, job, area=area, education=education, floor=floor, limit=limit,
                             index=index(shared), local=figures(shared, area) if area and area.strip() else None,
                             classifier=lambda: classifier_serving.classifier(shared, "occupation"))
