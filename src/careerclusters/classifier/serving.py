"""What a server keeps of the classifiers: each mapped from its cache file once per process at start (built
first, in a process of its own, when an import made the file stale), and the search that uses them. See
``base.shared``."""

from __future__ import annotations

from careerclusters.base.languages import SOURCE_LANGUAGE
from careerclusters.base.shared import Shared, warm_up
from careerclusters.classifier.search import SearchResult, search
from careerclusters.classifier.service import SOURCES, Kind, TextClassifier, load_classifier

#: How long a request waits for a classifier that is still loading before it is answered 503 with Retry-After:
#: long enough to cover mapping the cache files as a server starts (milliseconds, after the warm-ups before
#: them), far shorter than building them after an import (about a minute) or a proxy's time-out.
WAIT_SECONDS = 2.0


def classifier(shared: Shared, kind: Kind, wait: float | None = WAIT_SECONDS) -> TextClassifier:
    """The classifier; while the server's warm-up is loading it, wait at most ``wait`` seconds (then
    ``NotReadyError``)."""
    return shared.once(f"{kind} classifier",
                       lambda: load_classifier(shared.conn, kind, shared.db_path, separately=True), wait=wait)


for _kind in ("occupation", "program"):
    warm_up(f"{_kind} classifier", needs=SOURCES[_kind][0], per_process=True)(
        lambda shared, kind=_kind: classifier(shared, kind, wait=None))


def search_everything(shared: Shared, query: str, lang: str = SOURCE_LANGUAGE) -> SearchResult:
    """Search with the classifiers the server keeps, answering in ``lang``."""
    return search(shared.conn, query, shared.db_path, classifiers=lambda kind: classifier(shared, kind), lang=lang)
