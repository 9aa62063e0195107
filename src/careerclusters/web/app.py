"""The application: the REST API and the pages on one FastAPI app, served by ``careerclusters serve``."""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from careerclusters import __version__
from careerclusters.api import classify, errors
from careerclusters.api.area_routes import reports as report_router
from careerclusters.api.area_routes import router as area_router
from careerclusters.api.context import Explorer
from careerclusters.api.industry_routes import router as industry_router
from careerclusters.api.pos_routes import router as pos_router
from careerclusters.api.routes import router as api_router
from careerclusters.api.survey import router as survey_api_router
from careerclusters.base.errors import CareerClustersError
from careerclusters.web import operations
from careerclusters.web.area_pages import router as area_page_router
from careerclusters.web.limits import BodyLimit, QueryLimit
from careerclusters.web.pages import render
from careerclusters.web.pages import router as page_router
from careerclusters.web.planner import router as planner_router
from careerclusters.web.pos_pages import router as pos_page_router
from careerclusters.web.report_pages import router as report_page_router
from careerclusters.web.response_cache import ResponseCache
from careerclusters.web.security import SecurityHeaders
from careerclusters.web.settings import Settings
from careerclusters.web.survey import router as survey_page_router


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def warm_and_freeze(explorer: Explorer) -> None:
    """Warm up, then move everything loaded so far out of the garbage collector's reach (``gc.freeze``), so
    that no full collection walks the classifiers' objects again (``web/server.py`` does the same before
    it forks its workers)."""
    explorer.warm()
    gc.collect()
    gc.freeze()
    operations.GC_PAUSES.reset()


def outermost(app: FastAPI, wrap: Callable[[ASGIApp], ASGIApp]) -> None:
    """Put ``wrap`` around the whole app, outside Starlette's error middleware, so that even its plain 500
    answer passes through (``add_middleware`` would place it inside)."""
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: wrap(build())  # type: ignore[method-assign]


def create_app(db_path: Path, warm: bool = True, settings: Settings | None = None) -> FastAPI:
    """The app over the store at ``db_path``. With ``warm``, classifiers and the transition map are built
    in the background at startup, so the first search does not wait for them. ``settings`` default to the
    environment's (see ``settings.py``)."""
    settings = settings or Settings.from_environment()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=warm_and_freeze, args=(app.state.explorer,), name="warm-up", daemon=True).start()
        yield

    app = FastAPI(title="careerclusters", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The National Career Clusters Framework linked to occupations (SOC, O*NET-SOC), "
                              "programs (CIP), industries (NAICS), wages and outlook.")
    app.state.explorer = Explorer(db_path)
    app.state.settings = settings
    def inside_limits(inner: ASGIApp) -> ASGIApp:
        if not settings.page_cache_mb:
            return inner
        return ResponseCache(inner, app.state.explorer.data_version_or_none, settings.page_cache_mb * 1_000_000)

    outermost(app, lambda inner: operations.RequestTiming(
        SecurityHeaders(QueryLimit(BodyLimit(inside_limits(inner), settings.max_body_bytes),
                                   settings.max_query_bytes), https=settings.https), log=settings.access_log))
    app.include_router(operations.router)
    app.include_router(api_router)
    app.include_router(classify.router)
    app.include_router(area_router)
    app.include_router(industry_router)
    app.include_router(report_router)
    app.include_router(survey_api_router)
    app.include_router(pos_router)
    app.include_router(page_router)
    app.include_router(area_page_router)
    app.include_router(report_page_router)
    app.include_router(survey_page_router)
    app.include_router(pos_page_router)
    app.include_router(planner_router)
    app.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")

    @app.exception_handler(CareerClustersError)
    async def user_error(request: Request, exc: CareerClustersError) -> Response:
        status = errors.status_for(exc)
        if _wants_json(request):
            return JSONResponse(errors.body_for(exc, status), status_code=status)
        return render(request, "error.html", status_code=status, title="Not found" if status == 404 else "Problem",
                      message=str(exc), status=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": {"status": exc.status_code, "type": "HTTPError", "message": exc.detail}},
                                status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return render(request, "error.html", status_code=exc.status_code,
                      title="Not found" if exc.status_code == 404 else "Problem", message=str(exc.detail),
                      status=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"error": {"status": 422, "type": "ValidationError", "message": "invalid parameters",
                                           "problems": problems}}, status_code=422)
        return render(request, "error.html", status_code=422, title="Invalid request",
                      message="; ".join(f"{p['where']}: {p['message']}" for p in problems), status=422)

    return app


def app_from_environment() -> FastAPI:
    """The app over the store named by $CAREERCLUSTERS_DB: the factory each server worker process calls."""
    from careerclusters.store import default_path

    return create_app(default_path())
