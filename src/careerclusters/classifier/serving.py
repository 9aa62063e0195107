"""What a server keeps of the classifiers: each loaded once (seconds) and built at start, and the search
that uses them. See ``base.shared``."""

from __future__ import annotations

from careerclusters.base.languages import SOURCE_LANGUAGE
from careerclusters.base.shared import Shared, warm_up
from careerclusters.classifier.search import SearchResult, search
from careerclusters.classifier.service import SOURCES, Kind, TextClassifier, load_classifier


def classifier(shared: Shared, kind: Kind) -> TextClassifier:
    return shared.once(f"{kind} classifier", lambda: load_classifier(shared.conn, kind, shared.db_path))


for _kind in ("occupation", "program"):
    warm_up(f"{_kind} classifier", needs=SOURCES[_kind][0])(lambda shared, kind=_kind: classifier(shared, kind))


def search_everything(shared: Shared, query: str, lang: str = SOURCE_LANGUAGE) -> SearchResult:
    """Search with the classifiers the server keeps, answering in ``lang``."""
    return search(shared.conn, query, shared.db_path, classifiers=lambda kind: classifier(shared, kind), lang=lang)
