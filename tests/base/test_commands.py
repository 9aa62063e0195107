"""The commands the program prints are written the way it was started: by scripts/careerclusters (which says so in
CAREERCLUSTERS_COMMAND), else as the installed `careerclusters`."""

from __future__ import annotations

import pytest

from careerclusters.base.commands import ENV_VAR, command


def test_the_installed_command_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert command("data fetch") == "careerclusters data fetch"


@pytest.mark.parametrize(("launcher", "printed"), [
    ("scripts/careerclusters", "scripts/careerclusters data fetch"),
    ("./scripts/careerclusters", "./scripts/careerclusters data fetch"),
    ("/home/pat/my clone/scripts/careerclusters", "'/home/pat/my clone/scripts/careerclusters' data fetch"),
])
def test_the_launcher_as_it_was_typed(monkeypatch: pytest.MonkeyPatch, launcher: str, printed: str) -> None:
    monkeypatch.setenv(ENV_VAR, launcher)
    assert command("data fetch") == printed
