"""The store's errors, apart from the modules that raise them so that every store module can use them."""

from __future__ import annotations

from careerclusters.base.errors import CareerClustersError


class StoreError(CareerClustersError):
    """The store cannot be used as asked (a newer schema, a file that is not a store, no data yet)."""


class NotInDataError(StoreError):
    """The code is well formed but the imported data has no such record."""
