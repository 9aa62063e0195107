"""The sources layer: one reader per official file format, and detection of a file's kind from its
contents (never from its name alone, since users rename downloads).

``read(path)`` is the one entry point: it detects the kind, hashes the file for provenance, and returns
an ``Extract`` of plain rows that the store imports.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.excel import open_workbooks
from careerclusters.base.text import sha256_of
from careerclusters.sources import (
    advance_cte,
    area_definitions,
    bls,
    in_demand,
    nces,
    oews_areas,
    oews_bundle,
    onet,
    onet_legacy,
    sced,
    state_projections,
    titles,
)
from careerclusters.sources.base import Extract, header_of
from careerclusters.sources.official import OFFICIAL_FILES, OfficialFile, official_by_sha

Reader = Callable[[Path, str, str | None], Extract]
#: Readers that also take ``industries=True`` (keep every industry's rows, not only cross-industry ones).
BY_INDUSTRY_READERS: tuple[Reader, ...] = (oews_bundle.read, oews_areas.read)

__all__ = ["OFFICIAL_FILES", "Extract", "Identified", "OfficialFile", "SourceError", "detect", "identify", "read"]


def _first_line(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            return next(csv.reader(handle), [])
    except OSError as exc:
        raise SourceError(path.name, f"cannot read ({exc})") from exc


def _is_zip(path: Path) -> bool:
    return path.is_file() and zipfile.is_zipfile(path)


def detect(path: Path) -> tuple[str, Reader]:
    """The kind of an official file (or O*NET folder) and the reader for it, judged by its contents."""
    if not path.exists():
        raise SourceError(path.name, f"no such file or folder: {path}")
    if path.is_dir() or (_is_zip(path) and onet.looks_like(path)):
        if onet.looks_like(path):
            return onet.KIND, onet.read
        raise SourceError(path.name, "folder is not an O*NET text database (no 'Occupation Data.txt')")
    if oews_bundle.looks_like(path):
        return oews_bundle.KIND, oews_bundle.read
    if path.suffix.lower() in {".xlsx", ".xlsm", ".zip"} or _is_zip(path):
        sheets = [name for book in open_workbooks(path) for name in book.sheetnames]
        workbook = advance_cte.workbook_for(sheets)
        if workbook is not None:
            return workbook.kind, advance_cte.read
        if nces.CIP_SOC_SHEET in sheets:
            return nces.CIP_SOC_KIND, nces.read_cip_soc
        if oews_areas.area_sheet(sheets):
            return oews_areas.KIND, oews_areas.read
        if bls.oews_sheet(sheets):
            return bls.OEWS_KIND, bls.read_oews
        if bls.PROJECTIONS_SHEET in sheets:
            return bls.PROJECTIONS_KIND, bls.read_projections
        found = _state_table(path)
        if found is not None:
            return found
        raise SourceError(path.name, f"not a known official workbook (sheets: {', '.join(sheets)})")
    header = _first_line(path)
    if nces.looks_like_cip(header):
        return nces.CIP_KIND, nces.read_cip
    if onet_legacy.looks_like(header):
        return onet_legacy.KIND, onet_legacy.read
    if sced.looks_like(header):
        return sced.KIND, sced.read
    if titles.looks_like(header):
        return titles.kind(titles.language_of(header) or ""), titles.read
    found = _state_table(path)
    if found is not None:
        return found
    raise SourceError(path.name, "cannot tell which official file this is from its contents")


def _state_table(path: Path) -> tuple[str, Reader] | None:
    """A table a state or BLS publishes as CSV or a workbook, told by its header: a state's projections, its
    in-demand list, or BLS's area definitions."""
    header = header_of(path, path.name)
    for module in (state_projections, in_demand, area_definitions):
        if module.looks_like(header):
            return module.KIND, module.read
    return None


@dataclass(frozen=True)
class Identified:
    """An official file whose kind and checksum are known but which has not been parsed yet."""

    path: Path
    kind: str
    reader: Reader
    sha256: str

    def read(self, *, industries: bool = False) -> Extract:
        """Parse the file. The release comes from the list of known official files when the checksum
        matches one, else from the file's own contents. ``industries`` asks a reader that can (OEWS by area)
        to keep every industry's rows too."""
        known = official_by_sha(self.sha256)
        release = known.release if known else None
        if industries and self.reader in BY_INDUSTRY_READERS:
            return self.reader(self.path, self.sha256, release, industries=True)  # type: ignore[call-arg]
        return self.reader(self.path, self.sha256, release)


def identify(path: Path) -> Identified:
    """Detect a file's kind and hash it, without parsing it (cheap: decides whether a read is needed)."""
    kind, reader = detect(path)
    return Identified(path, kind, reader, sha256_of(path))


def read(path: Path) -> Extract:
    """Detect, hash and read one official file."""
    return identify(path).read()
