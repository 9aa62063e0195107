"""Printing a report's HTML to PDF with a headless Chromium-based browser (Debian's ``chromium``, or Google
Chrome, Chromium or Microsoft Edge on a Mac), driven by Playwright.

Why Chromium: the PDF is the page a person sees, printed by the same engine as their own browser's Print and as
the browser tests, so the print stylesheet is the only print layout to maintain. WeasyPrint (with Pango) prints
faster and installs smaller, but it is a second layout engine whose output differs from the page (tried on the
same documents, it printed a program of study on four pages instead of two, with its folded course descriptions
opened), so every document would need print rules of its own.

The document is handed to the browser from memory on a private origin; every request it makes for anything else is
refused, so printing never touches the network. ``unavailable()`` says why this installation cannot print, so pages
offer no PDF link they cannot honour.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
from pathlib import Path

from careerclusters.base.errors import UnavailableError

ORIGIN = "http://careerclusters.print"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
#: A browser to print with, by path, ahead of any found (e.g. a Chrome installed somewhere unusual).
ENV_VAR = "CAREERCLUSTERS_CHROMIUM"
#: Chromium-based browsers on the PATH: Debian's and Ubuntu's Chromium, Google's Chrome packages.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge")
#: Where macOS keeps them: in /Applications, or in the user's own ~/Applications.
MAC_APPS = ("Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium",
            "Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
INSTALL = ("install Debian's or Ubuntu's `chromium` package (`sudo apt-get install chromium`; scripts/careerclusters "
           "does this when run as root), or Google Chrome on a Mac, or name a Chromium-based browser in "
           f"{ENV_VAR}")


class PdfUnavailable(UnavailableError):
    """This installation cannot print PDFs; the message says what to install."""

    def for_visitors(self) -> str:
        from careerclusters.base.languages import gettext

        return gettext("This site cannot make PDF files. To keep a copy, print this page from your browser and "
                       "choose “Save as PDF”.")


def _mac_apps(home: str | None) -> list[Path]:
    folders = [Path("/Applications"), *([Path(home) / "Applications"] if home else [])]
    return [folder / app for folder in folders for app in MAC_APPS]


@functools.lru_cache(maxsize=4)
def _find(path_variable: str | None, chosen: str | None, home: str | None) -> Path | str:
    """The browser, or why there is none (kept per PATH, ``CAREERCLUSTERS_CHROMIUM`` and home folder: pages ask
    on every render)."""
    if importlib.util.find_spec("playwright") is None:
        return "PDF output needs Playwright, which is not installed: pip install 'careerclusters[pdf]'"
    if chosen:
        named = Path(chosen).expanduser()
        return named if named.is_file() else f"{ENV_VAR} names {chosen}, which is not a file"
    for name in NAMES:
        found = shutil.which(name, path=path_variable)
        if found:
            return Path(found)
    app = next((app for app in _mac_apps(home) if app.is_file()), None)
    return app or f"PDF output needs a Chromium-based browser and none was found: {INSTALL}"


def browser() -> Path:
    """The browser that prints: ``$CAREERCLUSTERS_CHROMIUM``, else the first of ``NAMES`` on the PATH, else one in
    a Mac's Applications folder."""
    found = _find(os.environ.get("PATH"), os.environ.get(ENV_VAR), os.environ.get("HOME"))
    if isinstance(found, str):
        raise PdfUnavailable(found)
    return found


def unavailable() -> str | None:
    """Why this installation cannot print PDFs (for the operator), or None when it can."""
    try:
        browser()
    except PdfUnavailable as exc:
        return str(exc)
    return None


def render(document: str, static: Path | None = None) -> bytes:
    """An HTML document as a PDF, Letter size unless its CSS says otherwise. Its styles are embedded, or linked
    as ``/static/NAME`` and served from the folder ``static`` (no subfolders, nothing else)."""
    executable = browser()
    from playwright.sync_api import Error, Route, sync_playwright

    def answer(route: Route) -> None:
        url = route.request.url
        name = url.removeprefix(ORIGIN + "/static/")
        if url == ORIGIN + "/":
            route.fulfill(body=document, content_type="text/html; charset=utf-8")
        elif static is not None and name != url and "/" not in name and (static / name).is_file():
            route.fulfill(path=static / name)
        else:
            route.abort()

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        except Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise PdfUnavailable(f"the browser {executable} did not start ({first})") from exc
        try:
            page = chromium.new_page()
            page.route("**/*", answer)
            page.goto(ORIGIN + "/", wait_until="load")
            return page.pdf(format="Letter", print_background=True, prefer_css_page_size=True)
        finally:
            chromium.close()


if __name__ == "__main__":  # scripts/bootstrap asks this: exit 0 when PDFs can be printed, else say why
    import sys

    reason = unavailable()
    print(reason or f"PDFs are printed with {browser()}", file=sys.stderr if reason else sys.stdout)
    sys.exit(1 if reason else 0)
