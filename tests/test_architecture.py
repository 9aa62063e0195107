"""The architecture holds: ``lint-imports`` (import-linter) keeps every contract in pyproject.toml's
``[tool.importlinter]``: the layers, from the command line down to base, and no capability importing FastAPI,
Starlette, uvicorn or typer. A broken contract fails this test with import-linter's own report, which names the
importing module and line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT


def test_the_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    assert lint_imports.exists(), f"{lint_imports} is missing: import-linter is a dev dependency (scripts/bootstrap)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([str(lint_imports), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"lint-imports: a contract is broken\n{report}", pytrace=False)
    assert "0 broken" in report, report
