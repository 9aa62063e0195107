"""Print an HTML page to PDF with headless Chromium: Debian's ``chromium`` driven by Playwright.

Chromium is the renderer the browser tests already install and use, so the PDF is laid out by the same
engine, with the same print stylesheet, as a student's own "Print → Save as PDF", and no second layout
engine (and its fonts and Pango) has to be installed and kept in step. The page is served to the browser
from memory on a private origin; its stylesheets come from the package's static folder and every other
request is refused, so rendering never touches the network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from careerclusters.errors import CareerClustersError

STATIC = Path(__file__).with_name("static")
ORIGIN = "http://careerclusters.pdf"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


class PdfUnavailable(CareerClustersError):
    """This installation cannot print PDFs (no Playwright or no Chromium); the message says what to install."""


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise PdfUnavailable("PDF downloads need Chromium: install Debian's `chromium` package "
                             "(or use your browser's Print → Save as PDF)")
    return path


def render(html: str) -> bytes:
    """``html`` as a Letter-size PDF, printed with its print stylesheet and background colours."""
    try:
        from playwright.sync_api import Route, sync_playwright
    except ImportError:
        raise PdfUnavailable("PDF downloads need Playwright: pip install 'careerclusters[pdf]'") from None
    executable = _chromium()

    def serve(route: Route) -> None:
        url = route.request.url
        if url == ORIGIN + "/":
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
            return
        name = url.removeprefix(ORIGIN + "/static/")
        target = STATIC / name
        if name != url and "/" not in name and target.is_file():
            route.fulfill(path=target)
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        try:
            page = browser.new_page()
            page.route("**/*", serve)
            page.goto(ORIGIN + "/", wait_until="load")
            return page.pdf(format="Letter", print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
