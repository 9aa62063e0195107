"""``/api/v1/status``: which official files the store holds, with their release, checksum and row counts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from careerclusters.http.caching import shared
from careerclusters.http.deps import Ctx

router = APIRouter(prefix="/api/v1", tags=["data"])


class SourceFile(BaseModel):
    """One imported official file (extra fields a newer store records pass through)."""

    model_config = ConfigDict(extra="allow")

    kind: str
    publisher: str
    release: str
    file_name: str
    sha256: str
    imported_at: str
    row_counts: dict[str, Any]


class DataStatus(BaseModel):
    sources: list[SourceFile]


@router.get("/status", response_model=DataStatus, summary="Which official files are imported")
@shared
def data_status(ctx: Ctx) -> dict[str, Any]:
    return {"sources": ctx.imported()}
