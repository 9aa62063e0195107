"""The declared shapes of the API's answers, so that ``/openapi.json`` documents every 200 response and a
generated client gets typed data.

The framework resources are served as pre-encoded JSON with ETags (``routes.cached``): FastAPI does not
re-validate those, so ``tests/test_api_fuzz.py`` checks the live answers against these schemas.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from careerclusters.classifier import Candidate
from careerclusters.framework.model import PracticeList


class NodeSummary(BaseModel):
    """A framework node as the list resources give it (``framework.export.node_dict`` without children)."""

    id: str
    level: str
    name: str
    code: str | None
    aliases: list[str]
    definition: str
    naics: list[str] | None = None  # modern clusters only
    cross_cutting: bool | None = None  # modern clusters only


class NodeListItem(NodeSummary):
    parent_id: str | None


class NodePage(BaseModel):
    items: list[NodeListItem]
    total: int
    limit: int
    offset: int


class NodeDetail(NodeSummary):
    edition: str
    parent: NodeSummary | None
    children: list[NodeSummary]


class TreeNode(NodeSummary):
    children: list[TreeNode] = []


class EditionDocument(BaseModel):
    edition: str
    counts: dict[str, int]
    tree: list[TreeNode]
    career_ready_practices: list[PracticeList]


class FrameworkDocument(BaseModel):
    """``/framework/export?format=json``; CSV and SKOS come as text."""

    framework: str
    editions: list[EditionDocument]


class ClassifyAnswer(BaseModel):
    """One text's candidates, best first; when there are none, ``reason`` says why (empty, a formula,
    only digits or symbols, too long)."""

    text: str
    kind: str
    candidates: list[Candidate]
    reason: str | None = None


class ClassifyBatch(BaseModel):
    kind: str
    k: int
    results: list[ClassifyAnswer]


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
