"""``/status``: the site's state for the people who run it, linked only from the footer. It shows the official data
the store holds and lacks (each missing file with its publisher's page, what it adds and the commands that add it,
online and offline), the publishers the last fetch could not reach, and whether PDFs can be printed. The pages
visitors read carry none of this: they say only what they cannot show."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from careerclusters.base import languages as i18n
from careerclusters.base.commands import command
from careerclusters.data.status import missing_files, not_needed, unreachable
from careerclusters.reports import pdf
from careerclusters.sources import OFFICIAL_FILES
from careerclusters.web.rendering import context, render

router = APIRouter(include_in_schema=False)


def _when(epoch: object) -> str:
    return dt.datetime.fromtimestamp(float(epoch), dt.UTC).strftime("%Y-%m-%d %H:%M UTC")  # type: ignore[arg-type]


@router.get("/status", response_class=HTMLResponse)
def status_page(request: Request) -> HTMLResponse:
    """Never kept: what it reports (a fetch's memory, the browser) changes without the store changing."""
    ctx = context(request)
    publishers = {f.kind: f.publisher for f in OFFICIAL_FILES}
    hosts = [(host, str(entry.get("reason", "")), _when(entry.get("at", 0))) for host, entry in unreachable().items()]
    reason = pdf.unavailable()
    return render(request, "status.html", title=i18n.gettext("Site status"), store=ctx.db_path.name,
                  sources=ctx.imported(),
                  publishers=publishers, missing=missing_files(ctx.conn), not_needed=not_needed(ctx.conn),
                  unreachable=hosts, pdf_problem=reason, pdf_browser=None if reason else pdf.browser(),
                  fetch=command("data fetch"), serve_retry=command("serve --fetch --retry"),
                  data_status=command("data status"))
