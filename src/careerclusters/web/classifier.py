"""The search page: one box for occupations, programs, clusters and sub-clusters, typo-tolerant. A search is what a
person typed, so it is never kept."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from careerclusters.base import languages as i18n
from careerclusters.classifier import serving
from careerclusters.web.rendering import context, render

router = APIRouter(include_in_schema=False)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    ctx = context(request)
    lang = i18n.current()
    result = await ctx.compute(lambda: serving.search_everything(ctx, q, lang)) if q.strip() else None
    return render(request, "search.html", needs=("onet-db", "nces-cip") if result else (), q=q, result=result,
                  title=i18n.gettext("Search: %(query)s") % {"query": q} if q else i18n.gettext("Search"))
