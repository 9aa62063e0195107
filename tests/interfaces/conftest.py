"""The interface tests' client: the app over the imported store, through an HTTP client, one per module. A module
that needs other settings, or another store, defines its own ``client``."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerclusters.server.app import create_app


@pytest.fixture(scope="module")
def client(imported_db: Path) -> TestClient:
    return TestClient(create_app(imported_db))
