"""The search page: one box for occupations, programs, clusters and sub-clusters, typo-tolerant. A search is what a
person typed, so it is never kept.

While a server is still loading its classifiers (after an import it builds them, in about a minute), the page
shows what it can find without them, the framework's clusters and sub-clusters, says occupations and programs
are getting ready, and answers 503 with Retry-After."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from careerclusters.base import languages as i18n
from careerclusters.base.errors import NotReadyError
from careerclusters.classifier import serving
from careerclusters.classifier.search import SearchResult, framework_hits
from careerclusters.web.rendering import context, render

router = APIRouter(include_in_schema=False)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    ctx = context(request)
    lang = i18n.current()
    title = i18n.gettext("Search: %(query)s") % {"query": q} if q else i18n.gettext("Search")
    try:
        result = await ctx.compute(lambda: serving.search_everything(ctx, q, lang)) if q.strip() else None
    except NotReadyError as exc:
        partial = SearchResult(query=q, nodes=framework_hits(q, lang=lang), occupations=[], programs=[])
        response = render(request, "search.html", status_code=503, q=q, result=partial, loading=True, title=title)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    return render(request, "search.html", needs=("onet-db", "nces-cip") if result else (), q=q, result=result,
                  title=title)
