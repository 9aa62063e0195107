"""The store layer: one SQLite file holding imported official data with its provenance.

Importing (``import_paths``, ``status``, ``ImportResult``) is loaded when first used (PEP 562): it brings the
readers of every official format, which a command that only opens the store does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from careerclusters.store.db import ENV_VAR, NotInDataError, StoreError, connect, data_version, default_path
from careerclusters.store.errors import MissingDataError

if TYPE_CHECKING:
    from careerclusters.store.importer import ImportResult, import_paths, status

__all__ = ["ENV_VAR", "ImportResult", "MissingDataError", "NotInDataError", "StoreError", "connect", "data_version",
           "default_path", "import_paths", "status"]
_IMPORTING = {"ImportResult", "import_paths", "status"}


def __getattr__(name: str) -> Any:
    if name in _IMPORTING:
        return getattr(importlib.import_module("careerclusters.store.importer"), name)
    raise AttributeError(f"module 'careerclusters.store' has no attribute {name!r}")
