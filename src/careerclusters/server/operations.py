"""What an operator needs from a running server: health and readiness endpoints, one access-log line per
request, and how long the garbage collector paused the process.

The access log names the method, the path (never the query string, which can hold what a person typed),
the status and the duration. Each response's ``Server-Timing`` header carries the app's time and the
collector's pauses during it (``gc;dur=``), so a benchmark can see both from the client.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careerclusters.server.settings import ACCESS_LOGGER

access_log = logging.getLogger(ACCESS_LOGGER)


class GcPauses:
    """A ``gc.callbacks`` timer: the number of collections, their total and longest pause in this process.
    The longest is kept twice: in wall time (what a request waits, including any time the operating system
    gave the CPU to other processes meanwhile) and in the collecting thread's CPU time (the collection's own
    cost, which a busy machine does not inflate)."""

    def __init__(self) -> None:
        self.reset()
        self._started: tuple[float, float] | None = None

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = (time.perf_counter(), time.thread_time())
        elif self._started is not None:
            pause = time.perf_counter() - self._started[0]
            self.collections += 1
            self.total += pause
            self.longest = max(self.longest, pause)
            self.longest_cpu = max(self.longest_cpu, time.thread_time() - self._started[1])
            self._started = None

    def reset(self) -> None:
        """Start counting afresh (after warm-up, whose collections say nothing about serving)."""
        self.collections, self.total, self.longest, self.longest_cpu = 0, 0.0, 0.0, 0.0

    def install(self) -> GcPauses:
        if self not in gc.callbacks:
            gc.callbacks.append(self)
        return self


#: One timer per process, shared by every app created in it.
GC_PAUSES = GcPauses().install()


class RequestTiming:
    """ASGI middleware: the ``Server-Timing`` header (app time, collector pauses) and the access-log line."""

    def __init__(self, app: ASGIApp, log: bool = True):
        self.app, self.log = app, log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        paused = GC_PAUSES.total
        status = 500  # if the app fails before it answers, the error middleware's 500 is what was sent

        async def send_timed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                app_ms = (time.perf_counter() - started) * 1000
                gc_ms = (GC_PAUSES.total - paused) * 1000
                message["headers"] = [*message.get("headers", []),
                                      (b"server-timing", f"app;dur={app_ms:.2f}, gc;dur={gc_ms:.2f}".encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_timed)
        finally:
            if self.log:
                access_log.info("%s %s %d %.1fms", scope["method"], scope["path"], status,
                                (time.perf_counter() - started) * 1000)


# -- health ------------------------------------------------------------------------------------------------

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: str
    pid: int
    gc_collections: int
    gc_longest_pause_ms: float
    gc_longest_pause_cpu_ms: float
    gc_frozen_objects: int


class Readiness(BaseModel):
    ready: bool
    checks: dict[str, str]


@router.get("/healthz", response_model=Health, summary="The process is up (liveness)")
def healthz() -> Health:
    return Health(status="ok", pid=os.getpid(), gc_collections=GC_PAUSES.collections,
                  gc_longest_pause_ms=round(GC_PAUSES.longest * 1000, 2),
                  gc_longest_pause_cpu_ms=round(GC_PAUSES.longest_cpu * 1000, 2),
                  gc_frozen_objects=gc.get_freeze_count())


@router.get("/readyz", response_model=Readiness, summary="The store is readable and the classifiers are loaded",
            responses={503: {"model": Readiness, "description": "Not ready: warming up, or the store is unreadable"}})
def readyz(request: Request) -> JSONResponse:
    checks = request.app.state.context.readiness()
    ready = all(v in ("ok", "not imported") for v in checks.values())
    return JSONResponse(Readiness(ready=ready, checks=checks).model_dump(), status_code=200 if ready else 503)
