"""``python -m careerclusters.classifier.building STORE KIND``: build a classifier's cache file in a process of
its own, as a server does on a first start (``service.load_classifier(separately=True)``): its workers keep
answering meanwhile, and none of them keeps the gigabyte that fitting takes. The process that starts this one
holds the build lock; this one only builds and writes, at a lower scheduling priority (``nice`` 10), so that
on a busy machine the workers' pages come first and the build takes the time they leave.
"""

from __future__ import annotations

import os
import sys
from contextlib import closing
from pathlib import Path

from careerclusters.classifier.service import Kind, TextClassifier, cache_path, fingerprint, save
from careerclusters.store import connect


def build_cache(db_path: Path, kind: Kind) -> None:
    with closing(connect(db_path, readonly=True)) as conn:
        save(cache_path(db_path, kind), fingerprint(conn, kind), TextClassifier.build(conn, kind))


if __name__ == "__main__":
    store, kind = sys.argv[1:3]
    if kind not in ("occupation", "program"):
        sys.exit(f"unknown kind {kind!r}")
    if hasattr(os, "nice"):
        os.nice(10)
    build_cache(Path(store), kind)  # type: ignore[arg-type]
