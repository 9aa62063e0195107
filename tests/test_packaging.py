"""Every file the package reads at run time ships with it: each non-Python file under ``src/careerclusters`` that
git tracks matches a ``package-data`` pattern in ``pyproject.toml`` (an installed copy without a rules file or a
template fails only when that page is first asked for)."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib

from tests.helpers import ROOT


def test_every_data_file_is_package_data() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"][
        "careerclusters"]
    tracked = subprocess.run(["git", "ls-files", "src/careerclusters"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    data = [path.removeprefix("src/careerclusters/") for path in tracked if not path.endswith(".py")]
    assert data, "git lists no data files: not run from a clone?"
    assert [f for f in data if not any(fnmatch.fnmatch(f, p) for p in patterns)] == []
