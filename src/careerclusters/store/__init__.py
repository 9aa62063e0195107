"""The store layer: one SQLite file holding imported official data with its provenance."""

from careerclusters.store.db import ENV_VAR, NotInDataError, StoreError, connect, data_version, default_path
from careerclusters.store.errors import MissingDataError
from careerclusters.store.importer import ImportResult, import_paths, status

__all__ = ["ENV_VAR", "ImportResult", "MissingDataError", "NotInDataError", "StoreError", "connect", "data_version",
           "default_path", "import_paths", "status"]
