"""Property-based fuzzing of the REST API from its own OpenAPI document: no input may cause a 5xx, and
every answer matches the schema and content type the document declares for it."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from careerclusters.server.app import create_app


@pytest.fixture(scope="session")
def api_schema(imported_db: Path):
    app = create_app(imported_db, warm=False)
    app.state.context.warm()  # build classifiers first: the fuzzing is about inputs, not a cold start
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_answers_match_their_schemas(case) -> None:
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance, content_type_conformance])


def test_every_operation_declares_its_200_schema(api_schema) -> None:
    undeclared = []
    for path, methods in api_schema.raw_schema["paths"].items():
        for method, operation in methods.items():
            content = operation["responses"]["200"].get("content", {})
            if not content or any(not media.get("schema") for media in content.values()):
                undeclared.append(f"{method.upper()} {path}")
    assert undeclared == []
