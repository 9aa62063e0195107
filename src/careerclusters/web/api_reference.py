"""``/api``: a readable page of the OpenAPI document, rendered here so it needs no script from elsewhere."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from careerclusters.base import languages as i18n
from careerclusters.http.caching import shared
from careerclusters.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/api", response_class=HTMLResponse)
@shared
def api_docs(request: Request) -> HTMLResponse:
    """A readable page of the OpenAPI document, rendered here so it needs no script from elsewhere."""
    spec = request.app.openapi()
    return render(request, "api.html", spec=spec, title=i18n.gettext("REST API"))
