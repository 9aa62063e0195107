"""The command line starts light: importing it, ``--help``, and every group's help load none of the heavy
libraries (each command module imports its capability inside its commands), and coding a title from the cached
model loads no scikit-learn, scipy, pandas, matplotlib or web framework. The server's app loads what its pages draw
with, and none of what only a download, an import or a fetch uses. Each check runs in a fresh interpreter, since
this test session has long since imported everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import careerclusters

SRC = str(Path(careerclusters.__file__).parents[1])
#: What no command should load unless it uses it.
HEAVY = ("sklearn", "scipy", "pandas", "dask", "distributed", "pyarrow", "matplotlib", "fastapi", "starlette",
         "uvicorn", "openpyxl", "rdflib", "jinja2", "babel", "pooch", "requests", "joblib", "numpy", "pydantic",
         "yaml", "rapidfuzz", "PIL")
#: Typer (0.29) checks the value of any option given, ``--db`` included, with pydantic: every command but the
#: root's own help loads it.
TYPER_NEEDS = ["pydantic"]
#: What coding a title needs besides: NumPy for the model's arrays.
CLASSIFY_NEEDS = ["numpy", "pydantic"]


def _loaded_after(code: str, env: dict[str, str] | None = None) -> list[str]:
    """The heavy top-level packages loaded by ``code`` in a fresh interpreter (which prints nothing else)."""
    probe = (f"{code}\nimport json, sys\n"
             f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(HEAVY)!r}))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          env=os.environ | {"PYTHONPATH": SRC} | (env or {}))
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_package_and_the_command_line_loads_nothing_heavy() -> None:
    assert _loaded_after("import careerclusters, careerclusters.cli") == []


def test_the_package_still_offers_its_names() -> None:
    assert _loaded_after("import careerclusters\nassert careerclusters.load_framework().get('Arts, "
                         "Entertainment & Design').code == '020100'") == ["pydantic", "rapidfuzz", "yaml"]


@pytest.mark.parametrize("command", [[], ["pos"], ["data"], ["area"], ["report"], ["framework"], ["survey"],
                                     ["classify"], ["serve"]])
def test_help_loads_nothing_heavy(command: list[str], tmp_path: Path) -> None:
    code = (f"import contextlib, io\nfrom careerclusters.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()) as out:\n    main({[*command, '--help']!r})\n"
            "assert 'Usage:' in out.getvalue() and '[bold]' not in out.getvalue()")
    assert _loaded_after(code, {"CAREERCLUSTERS_DB": str(tmp_path / "none.sqlite")}) == ([] if not command
                                                                                          else TYPER_NEEDS)


def test_classifying_a_title_loads_only_what_it_needs(imported_db: Path, occupations) -> None:
    code = ("import contextlib, io\nfrom careerclusters.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    assert main(['classify', 'Registered Nurse', '-k', '1']) == 0\n"
            "assert '29-1141.00' in out.getvalue()")
    assert _loaded_after(code, {"CAREERCLUSTERS_DB": str(imported_db)}) == CLASSIFY_NEEDS


def test_the_server_app_loads_no_reader_writer_or_downloader(imported_db: Path) -> None:
    """What a server's template process holds, every worker holds: workbooks (openpyxl), downloads (requests,
    pooch) and model fitting (scikit-learn, scipy) load only in the worker that is asked for one."""
    code = ("from pathlib import Path\nfrom careerclusters.server.app import create_app\n"
            f"create_app(Path({str(imported_db)!r}), warm=False)")
    assert _loaded_after(code) == ["PIL", "babel", "fastapi", "jinja2", "matplotlib", "numpy", "pydantic",
                                   "rapidfuzz", "starlette", "yaml"]  # PIL: matplotlib's own
