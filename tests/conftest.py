"""Shared fixtures. Tests that need the official files read them from ../shared; when that folder is
missing they fail with a clear message rather than skipping, so CI can never pass by silently testing less.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAREERCLUSTERS_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"


def require(path: Path) -> Path:
    """``path`` if it exists, else fail the test loudly naming what is missing."""
    if not path.exists():
        pytest.fail(f"required shared file is missing: {path} (tests read the official files from ../shared)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require(SHARED)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require(DATA)
