"""The publishers a fetch could not reach, remembered across runs (``unreachable.json`` in the download cache), so
that ``serve --fetch`` offline does not wait out every retry on each start, and the status page can name them.
Apart from the downloader, so that the status page and ``data status`` do not load the HTTP libraries."""

from __future__ import annotations

import json
import time
from pathlib import Path

from platformdirs import user_cache_dir

#: How long ``fetch(…, skip_unreachable=True)`` (``serve --fetch``) leaves alone a server it could not reach.
REMEMBER_UNREACHABLE_S = 24 * 3600
UNREACHABLE_FILE = "unreachable.json"


def download_cache() -> Path:
    """Where downloads (and the servers that could not be reached) are kept: the user cache directory."""
    return Path(user_cache_dir("careerclusters", appauthor=False)) / "downloads"


class Unreachable:
    """Servers that could not be reached, with when and why, kept in a small JSON file across runs."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.hosts: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.hosts = {}

    def recent(self, host: str, within: float = REMEMBER_UNREACHABLE_S) -> dict[str, object] | None:
        """When and why ``host`` could not be reached, if that was less than ``within`` seconds ago."""
        entry = self.hosts.get(host)
        if entry is None or time.time() - float(entry.get("at", 0)) > within:  # type: ignore[arg-type]
            return None
        return entry

    def record(self, host: str, reason: str | None) -> None:
        """Remember that ``host`` could not be reached (``reason``), or, with None, that it answered."""
        changed = self.hosts.pop(host, None) is not None
        if reason is not None:
            self.hosts[host] = {"at": time.time(), "reason": reason}
            changed = True
        if changed:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_text(json.dumps(self.hosts, indent=1), encoding="utf-8")
            except OSError:
                pass  # a read-only cache only costs a retry next time
