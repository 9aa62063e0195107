"""Shared fixtures. Tests that need the official files read them from ../shared; when that folder is
missing they fail with a clear message rather than skipping, so CI can never pass by silently testing less.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import DATA, SHARED, STATE_MATRIX, copy_store, official_paths, require

#: The fixtures that read ../shared (the official files, or the store imported from them). Any other fixture that
#: uses one of them (a module's client over the imported store, a module's copy of it) is covered as well, since
#: ``item.fixturenames`` is the closure of every fixture a test uses.
DATA_FIXTURES = frozenset({"shared_dir", "data_dir", "imported_db", "conn", "store_copy", "pos_db", "occupations",
                           "programs"})
BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what needs ../shared (``data``: every test that uses a fixture above) and what drives real Chromium
    (``browser``: every test in ``tests/browser/``), so that ``-m "not data"`` and ``-m "not browser"`` select."""
    for item in items:
        if DATA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.data)
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require(SHARED)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require(DATA)


@pytest.fixture(scope="session")
def occupations(imported_db: Path):
    from careerclusters.classifier import load_classifier
    from careerclusters.store import connect

    conn = connect(imported_db, readonly=True)
    yield load_classifier(conn, "occupation", imported_db)
    conn.close()


@pytest.fixture(scope="session")
def programs(imported_db: Path):
    from careerclusters.classifier import load_classifier
    from careerclusters.store import connect

    conn = connect(imported_db, readonly=True)
    yield load_classifier(conn, "program", imported_db)
    conn.close()


@pytest.fixture(scope="session")
def imported_db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A store with every official file imported once per test session (read-only use), OEWS with its industries."""
    from careerclusters.store import connect, import_paths

    path = tmp_path_factory.mktemp("store") / "careerclusters.sqlite"
    conn = connect(path)
    import_paths(conn, official_paths(data_dir), industries=True)  # every query must still answer cross-industry
    conn.close()
    return path


@pytest.fixture()
def conn(imported_db: Path):
    from careerclusters.store import connect

    connection = connect(imported_db, readonly=True)
    yield connection
    connection.close()


@pytest.fixture()
def store_copy(imported_db: Path, tmp_path: Path) -> Path:
    """A copy of the imported store this test may change."""
    return copy_store(imported_db, tmp_path / "store.sqlite")


@pytest.fixture(scope="session")
def pos_db(imported_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the imported store with the example programs of study and the state matrix imported (read-only
    use)."""
    from careerclusters.pos.catalogue import import_files
    from careerclusters.pos.examples import example_paths
    from careerclusters.store import connect

    path = copy_store(imported_db, tmp_path_factory.mktemp("pos-store") / "careerclusters.sqlite")
    conn = connect(path)
    import_files(conn, [*example_paths(), STATE_MATRIX])
    conn.close()
    return path
