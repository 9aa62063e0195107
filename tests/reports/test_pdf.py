"""Which browser prints the PDFs: the one CAREERCLUSTERS_CHROMIUM names, else a Chromium-based browser on the PATH
(Debian's chromium, Google's Chrome packages), else Google Chrome, Chromium or Edge in a Mac's Applications folders;
with none, the reason says what to install, for the operator. (Printing itself: tests/browser/test_printing.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from careerclusters.reports import pdf


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


@pytest.fixture()
def nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No browser on the PATH, none named, an empty home folder (nor one in /Applications on this machine)."""
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(pdf.ENV_VAR, raising=False)
    return tmp_path


def test_without_a_browser_the_reason_says_what_to_install(nowhere: Path) -> None:
    reason = pdf.unavailable()
    assert reason is not None and reason.startswith("PDF output needs a Chromium-based browser and none was found: "
                                                    "install Debian's or Ubuntu's `chromium` package")
    with pytest.raises(pdf.PdfUnavailable) as raised:
        pdf.render("<p>hello</p>")
    assert "print this page from your browser" in raised.value.for_visitors()


def test_a_chrome_package_on_the_path(nowhere: Path) -> None:
    chrome = _executable(nowhere / "bin" / "google-chrome-stable")
    assert pdf.browser() == chrome and pdf.unavailable() is None


def test_chrome_in_the_users_applications_folder_on_a_mac(nowhere: Path) -> None:
    app = _executable(nowhere / "home" / "Applications" / "Google Chrome.app" / "Contents" / "MacOS" / "Google Chrome")
    assert pdf.browser() == app


def test_the_browser_named_in_the_environment_comes_first(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _executable(nowhere / "bin" / "chromium")
    edge = _executable(nowhere / "opt" / "msedge")
    monkeypatch.setenv(pdf.ENV_VAR, str(edge))
    assert pdf.browser() == edge
    monkeypatch.setenv(pdf.ENV_VAR, str(nowhere / "opt" / "gone"))
    assert pdf.unavailable() == f"{pdf.ENV_VAR} names {nowhere / 'opt' / 'gone'}, which is not a file"
