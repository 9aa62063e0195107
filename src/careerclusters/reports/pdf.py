"""Printing a report's HTML to PDF with headless Chromium (Debian's ``chromium``, driven by Playwright).

Chromium is the engine the browser tests already install, so a PDF is laid out exactly as the page prints from
a browser, with the same print stylesheet; no second layout engine and its fonts need installing. The document
is handed to the browser from memory on a private origin; every request it makes for anything else is refused,
so printing never touches the network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from careerclusters.base.errors import UnavailableError

ORIGIN = "http://careerclusters.print"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


class PdfUnavailable(UnavailableError):
    """This installation cannot print PDFs; the message says what to install."""


def render(document: str, static: Path | None = None) -> bytes:
    """An HTML document as a PDF, Letter size unless its CSS says otherwise. Its styles are embedded, or linked
    as ``/static/NAME`` and served from the folder ``static`` (no subfolders, nothing else)."""
    try:
        from playwright.sync_api import Route, sync_playwright
    except ImportError:
        raise PdfUnavailable("PDF output needs Playwright: pip install 'careerclusters[pdf]'") from None
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise PdfUnavailable("PDF output needs Chromium: install Debian's `chromium` package (or print the HTML "
                             "from a browser)")

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
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        try:
            page = browser.new_page()
            page.route("**/*", answer)
            page.goto(ORIGIN + "/", wait_until="load")
            return page.pdf(format="Letter", print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
