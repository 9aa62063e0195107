"""The printed documents' stylesheets, served from the package so that a page and its printed file share one."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from careerclusters.http.caching import shared
from careerclusters.reports import html

router = APIRouter(include_in_schema=False)


@router.get("/reports/report.css")
@shared
def report_stylesheet() -> Response:
    """The reports' stylesheet, served from the package so the page and the printed file share one."""
    return Response(html.STYLESHEET.read_text(encoding="utf-8"), media_type="text/css",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/reports/program-of-study.css")
def program_of_study_stylesheet() -> Response:
    """The sequence grid's stylesheet: the page and the printed document share it."""
    return Response(html.POS_STYLESHEET.read_text(encoding="utf-8"), media_type="text/css",
                    headers={"Cache-Control": "public, max-age=86400"})
