"""Getting the official files: from their publishers with pooch (checking SHA-256 where it is known), or
from a mirror (a folder or a URL holding copies under the same file names)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pooch
from platformdirs import user_cache_dir

from careerclusters.errors import CareerClustersError
from careerclusters.sources import OFFICIAL_FILES, OfficialFile
from careerclusters.sources.base import sha256_of

MIRROR_ENV = "CAREERCLUSTERS_DATA_MIRROR"


class FetchError(CareerClustersError):
    """A download failed, a checksum did not match, or a mirror lacks a file."""


@dataclass(frozen=True)
class Fetched:
    official: OfficialFile
    path: Path | None  # None: must be downloaded by hand from ``official.page``


def _from_folder(folder: Path, official: OfficialFile) -> Path | None:
    for name in official.names:
        found = sorted(folder.rglob(name))
        if found:
            path = found[0]
            if official.sha256 and name == official.file_name and path.is_file() \
                    and sha256_of(path) != official.sha256:
                raise FetchError(f"{path}: SHA-256 does not match the official {official.file_name}")
            return path
    return None


def _download(url: str, official: OfficialFile, cache: Path) -> Path:
    try:
        return Path(pooch.retrieve(url, known_hash=f"sha256:{official.sha256}" if official.sha256 else None,
                                   fname=official.file_name, path=cache, progressbar=False))
    except Exception as exc:  # pooch raises requests, OS and hash errors alike
        raise FetchError(f"{official.file_name}: download from {url} failed ({exc})") from exc


def fetch(mirror: str | None = None, cache: Path | None = None,
          on_file: Callable[[OfficialFile], None] | None = None) -> list[Fetched]:
    """Locate or download every official file. Files only a person can download are returned with no
    path (unless the mirror has them)."""
    mirror = mirror or os.environ.get(MIRROR_ENV) or None
    cache = cache or Path(user_cache_dir("careerclusters", appauthor=False)) / "downloads"
    results = []
    for official in OFFICIAL_FILES:
        if on_file:
            on_file(official)
        if mirror and "://" not in mirror:
            folder = Path(mirror).expanduser()
            if not folder.is_dir():
                raise FetchError(f"mirror folder {folder} does not exist")
            path = _from_folder(folder, official)
            if path is None:
                raise FetchError(f"mirror {folder} has no {' or '.join(official.names)}")
        elif mirror:
            path = _download(f"{mirror.rstrip('/')}/{official.file_name}", official, cache)
        elif official.url:
            path = _download(official.url, official, cache)
        else:
            path = None
        results.append(Fetched(official, path))
    return results
