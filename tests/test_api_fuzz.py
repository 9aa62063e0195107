"""Property-based fuzzing of the REST API from its own OpenAPI document: no input may cause a 5xx."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from careerclusters.web.app import create_app


@pytest.fixture(scope="session")
def api_schema(imported_db: Path):
    app = create_app(imported_db, warm=False)
    app.state.explorer.warm()  # build classifiers first: the fuzzing is about inputs, not a cold start
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
