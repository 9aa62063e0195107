"""The application: the REST API and the pages on one FastAPI app, served by ``careerclusters serve``."""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import pkgutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path
from types import ModuleType

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message

from careerclusters import __version__, api, web
from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError, NotReadyError
from careerclusters.http import errors
from careerclusters.http.context import Context
from careerclusters.server import operations
from careerclusters.server.head import HeadAsGet
from careerclusters.server.languages import LanguageInPath
from careerclusters.server.limits import BodyLimit, QueryLimit
from careerclusters.server.page_cache import ResponseCache
from careerclusters.server.security import SecurityHeaders
from careerclusters.server.settings import ACCESS_LOGGER, Settings
from careerclusters.web.rendering import page_language, render

STATIC = Path(web.__file__).with_name("static")


def routers(package: ModuleType) -> list[APIRouter]:
    """The router of every module in an interface package (``api``, ``web``), in name order: a capability's
    routes are its own module's, so adding one edits nothing here."""
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if isinstance(getattr(module, "router", None), APIRouter):
            found.append(module.router)
    return found


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def freeze_collected() -> None:
    """Move everything loaded so far out of the garbage collector's reach (``gc.freeze``), so that no full
    collection walks it again (and, before a fork, writes to the pages the workers share with the parent)."""
    gc.collect()
    gc.freeze()
    operations.GC_PAUSES.reset()


def preload(app: FastAPI) -> None:
    """Build in this process what every process that will serve ``app`` would otherwise build for itself, so that
    the workers forked from it share one copy and answer their first requests sooner: every warm-up but the
    classifiers (the transition map, the crosswalk relations, the career changers' index, the checker's and the
    survey's reference data) and one request answered (``/healthz``, unlogged), which sets up the middleware, the
    routing and the thread pool's machinery. The classifiers are left to each worker: they map in milliseconds,
    and a first start must build them, which no page should wait for."""
    app.state.context.warm(per_process=False)
    access = logging.getLogger(ACCESS_LOGGER)
    was_disabled, access.disabled = access.disabled, True
    try:
        asyncio.run(_answer(app, "/healthz"))
    finally:
        access.disabled = was_disabled


async def _answer(app: ASGIApp, path: str) -> int:
    """Answer a GET of ``path`` in this process, as a server would (the response is discarded); its status."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 80)}
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"]


def outermost(app: FastAPI, wrap: Callable[[ASGIApp], ASGIApp]) -> None:
    """Put ``wrap`` around the whole app, outside Starlette's error middleware, so that even its plain 500
    answer passes through (``add_middleware`` would place it inside)."""
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: wrap(build())  # type: ignore[method-assign]


def create_app(db_path: Path, warm: bool = True, settings: Settings | None = None) -> FastAPI:
    """The app over the store at ``db_path``. With ``warm``, each process that serves it builds the registered
    warm-ups in the background as it starts (see ``Context.start_warming``; a server builds most before it forks,
    see ``preload``), so the first search does not wait for them. ``settings`` default to the environment's (see
    ``settings.py``)."""
    settings = settings or Settings.from_environment()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.warm_on_start:
            app.state.context.start_warming(then=freeze_collected)
        yield

    app = FastAPI(title="careerclusters", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The National Career Clusters Framework linked to occupations (SOC, O*NET-SOC), "
                              "programs (CIP), industries (NAICS), wages and outlook.")
    app.state.context = Context(db_path)
    app.state.settings = settings
    app.state.warm_on_start = warm  # a server's stand-in worker turns it off (``server.server``)
    def inside_limits(inner: ASGIApp) -> ASGIApp:
        inner = LanguageInPath(inner)  # inside the page cache, which keys on the address with its /es
        if not settings.page_cache_mb:
            return inner
        return ResponseCache(inner, app.state.context.data_version_or_none, settings.page_cache_mb * 1_000_000)

    outermost(app, lambda inner: operations.RequestTiming(HeadAsGet(
        SecurityHeaders(QueryLimit(BodyLimit(inside_limits(inner), settings.max_body_bytes),
                                   settings.max_query_bytes), https=settings.https)), log=settings.access_log))
    app.include_router(operations.router)
    for router in (*routers(api), *routers(web)):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(CareerClustersError)
    async def user_error(request: Request, exc: CareerClustersError) -> Response:
        status = errors.status_for(exc)
        if _wants_json(request):
            response: Response = JSONResponse(errors.body_for(exc, status), status_code=status)
        else:
            with i18n.language(page_language(request)):  # the visitor's words are translated
                message = errors.page_message(exc)
            response = _error_page(request, status, message)
        if isinstance(exc, NotReadyError):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": {"status": exc.status_code, "type": "HTTPError", "message": exc.detail}},
                                status_code=exc.status_code, headers=getattr(exc, "headers", None))
        plain = exc.detail == HTTPStatus(exc.status_code).phrase  # Starlette's own words: "Not Found"
        return _error_page(request, exc.status_code, None if plain else str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"error": {"status": 422, "type": "ValidationError", "message": "invalid parameters",
                                           "problems": problems}}, status_code=422)
        return _error_page(request, 422, "; ".join(f"{p['where']}: {p['message']}" for p in problems))

    return app


def _error_page(request: Request, status: int, message: str | None) -> Response:
    """An error as a page in the language the address names, with the ways on: the framework, the survey and
    the planner, so that a student who lands on one is not at a dead end. ``message`` is the error's own words;
    those of the program's code are English, so a page in another language says what the status means instead
    (None: only that)."""
    lang = page_language(request)
    with i18n.language(lang):
        _ = i18n.gettext
        title, meaning = {
            404: (_("Not found"), _("There is no page at this address. It may have moved, or a letter may be "
                                    "missing from it.")),
            422: (_("Invalid request"), _("This address has a value the page cannot read.")),
            503: (_("Not available yet"), _("This page cannot be shown right now."))}.get(
            status, (_("Problem"), _("This page cannot be shown.")))
        if message is None or not i18n.written_in(message, lang):
            message = meaning
        return render(request, "error.html", status_code=status, title=title, message=message, status=status)


def app_from_environment() -> FastAPI:
    """The app over the store named by $CAREERCLUSTERS_DB: the factory each server worker process calls."""
    from careerclusters.store import default_path

    return create_app(default_path())
