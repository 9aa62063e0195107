"""The classifier on data frames: a pandas function for one partition (or one Spark ``mapInPandas`` batch)
and ``classify_dataframe`` for a whole Dask DataFrame, with the same appended columns and answers as the
single-process batch path (both code cells through ``batch.code_distinct``).

The model (about 50 MB) never travels with a task. A task carries a ``ModelFile``, a few bytes naming the
built classifier by its fingerprint; each process loads that classifier once and keeps it. On a Dask
cluster the classifier is sent once, as a worker plugin, to every worker (and to workers that join later),
so the workers need neither the store nor its cache file; a Spark executor or a process without the
plugin loads it from the cache file the path names.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import numpy as np
import pandas as pd
from distributed import WorkerPlugin, default_client

from careerclusters.base.errors import CareerClustersError
from careerclusters.classifier.batch import COLUMNS, check_no_clash, code_distinct
from careerclusters.classifier.service import (
    Kind,
    TextClassifier,
    cache_path,
    fingerprint,
    load_classifier,
    read_cache,
)
from careerclusters.store import connect, default_path

#: This process's classifiers, by fingerprint: loaded once per worker, used by every task it runs.
_loaded: dict[str, TextClassifier] = {}
#: How many cells' answers a process keeps across partitions before it starts afresh (a few hundred MB).
MEMO_CELLS = 1_000_000


@dataclass
class _Memo:
    """The answers this process has given with one classifier and one ``k``: by cell text, and by what the
    model read (``text.reading``), so a title recurring across partitions is classified once per process."""

    cells: dict[str, dict[str, str]] = field(default_factory=dict)
    readings: dict[tuple[str, str | None], dict[str, str]] = field(default_factory=dict)


_memos: dict[tuple[str, int], _Memo] = {}
#: What the tasks of this process did since ``reset_work`` (rows, cells newly classified, seconds): how the
#: benchmark and the CLI's summary tell time spent classifying from time spent reading, writing, scheduling.
_work = {"rows": 0, "distinct": 0, "seconds": 0.0}


@dataclass(frozen=True)
class ModelFile:
    """A built classifier, named by its fingerprint and the cache file holding it (``load_classifier``
    writes it next to the store): what a task carries instead of the model."""

    path: str
    fingerprint: str

    def classifier(self) -> TextClassifier:
        """The classifier, loaded in this process at most once."""
        found = _loaded.get(self.fingerprint)
        if found is None:
            if not Path(self.path).exists():
                raise CareerClustersError(f"{self.path}: no such classifier file here (build it with "
                                          "`careerclusters classify` on the store, or copy it)")
            found = read_cache(Path(self.path), self.fingerprint)
            if found is None:
                raise CareerClustersError(f"{self.path}: holds another build of the classifier than the one "
                                          "asked for, or is damaged; rebuild it from the same store")
            _loaded[self.fingerprint] = found
        return found


def model_file(db_path: Path | None = None, kind: Kind = "occupation") -> ModelFile:
    """The classifier of the store at ``db_path`` (default: the user's store) as a ``ModelFile``: built and
    cached on disk first if needed, and already loaded in this process."""
    path = db_path or default_path()
    conn = connect(path, readonly=True)
    try:
        classifier = load_classifier(conn, kind, path)
        key = fingerprint(conn, kind)
    finally:
        conn.close()
    _loaded[key] = classifier
    return ModelFile(str(cache_path(path, kind)), key)


def classify_pandas(frame: pd.DataFrame, column: str, model: ModelFile, k: int = 5) -> pd.DataFrame:
    """``frame`` with the classifier's columns appended for the texts in ``column``: each distinct cell is
    looked at once (postings repeat titles heavily) and the answers are joined back to the rows; a cell this
    process answered in an earlier partition is not classified again. A missing or non-text cell is
    classified as its text ("" for a missing one)."""
    started = time.perf_counter()
    codes, distinct = pd.factorize(frame[column], use_na_sentinel=True)
    texts = ["" if v is None else str(v) for v in distinct] + [""]  # the last one stands for missing cells
    codes = np.where(codes < 0, len(texts) - 1, codes)
    memo = _memos.setdefault((model.fingerprint, k), _Memo())
    if len(memo.cells) > MEMO_CELLS:
        memo.cells.clear()
        memo.readings.clear()
    new = [t for t in dict.fromkeys(texts) if t not in memo.cells]
    classifier = model.classifier()
    memo.cells.update(zip(new, code_distinct(classifier, new, k, known=memo.readings), strict=True))
    fields = [memo.cells[t] for t in texts]
    _work["rows"] += len(frame)
    _work["distinct"] += len(new)
    _work["seconds"] += time.perf_counter() - started
    return _appended(frame, classifier.kind, fields, codes)


def _appended(frame: pd.DataFrame, kind: Kind, fields: list[dict[str, str]], codes: np.ndarray) -> pd.DataFrame:
    # each column's distinct values as one Arrow-backed array, spread over the rows by one vectorised take
    columns = {name: pd.Series(pd.array([f[name] for f in fields], dtype="str").take(codes), index=frame.index)
               for name in COLUMNS[kind]}
    return frame.assign(**columns)


def classify_dataframe(ddf: dd.DataFrame, column: str, kind: Kind = "occupation", k: int = 5, *,
                       db_path: Path | None = None, model: ModelFile | None = None) -> dd.DataFrame:
    """``ddf`` with the classifier's columns appended (``onet_soc, soc, occupation_title, confidence,
    clusters, sub_clusters, alternatives, reason``; for programs ``cip, program_title, …``), lazily. The
    classifier is the store's at ``db_path`` (default: the user's store) unless ``model`` names one. When a
    ``distributed`` client is active, its workers receive the classifier once, before any task needs it."""
    if column not in ddf.columns:
        raise CareerClustersError(f"no column {column!r} (columns: {', '.join(map(str, ddf.columns)) or 'none'})")
    check_no_clash(kind, list(ddf.columns), "the data frame")
    model = model or model_file(db_path, kind)
    client = _client()
    if client is not None:
        send_model(client, model)
    meta = _appended(ddf._meta, kind, [], np.zeros(0, np.intp))
    return ddf.map_partitions(classify_pandas, column, model, k, meta=meta)


def _client() -> Any:
    """The active ``distributed`` client, or None (Dask's threads or a single process)."""
    try:
        return default_client()
    except ValueError:
        return None


class _Preload(WorkerPlugin):
    """A worker plugin carrying a classifier: pickled once when registered, loaded once by each worker (at
    registration, or when it joins later), so tasks find it in ``_loaded``."""

    def __init__(self, key: str, classifier: TextClassifier):
        self.key, self.classifier = key, classifier

    def setup(self, worker: Any) -> None:
        _loaded.setdefault(self.key, self.classifier)


def send_model(client: Any, model: ModelFile) -> None:
    """Give every worker of ``client`` the classifier ``model`` names, once."""
    client.register_plugin(_Preload(model.fingerprint, model.classifier()),
                           name=f"careerclusters-model-{model.fingerprint}")


def reset_work() -> None:
    """Start counting this process's work afresh."""
    _work.update(rows=0, distinct=0, seconds=0.0)


def work_done() -> dict[str, float]:
    """Rows and distinct cells this process classified since ``reset_work``, and the seconds it took."""
    return dict(_work)
