"""Request dependencies the API and the pages share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from careerclusters.http.context import Context


async def context(request: Request) -> Context:
    """The process's ``Context`` (a coroutine, so FastAPI hands it over without a trip to the thread pool)."""
    return request.app.state.context


Ctx = Annotated[Context, Depends(context)]
