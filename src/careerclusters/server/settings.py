"""What an operator may set for a hosted server, read from environment variables, with every default in
one place (the README's Deployment section lists them).

Each worker process reads the environment when it creates the app, so ``careerclusters serve`` passes its
options on by setting these variables; a reverse proxy set-up can set them directly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from careerclusters.base.errors import CareerClustersError

PREFIX = "CAREERCLUSTERS_"
#: The logger of the access log: one line per request (``operations.RequestTiming``).
ACCESS_LOGGER = "careerclusters.access"


@dataclass(frozen=True)
class Settings:
    #: The site is served over HTTPS (by the reverse proxy): send Strict-Transport-Security.
    https: bool = False
    #: Largest request body accepted, in bytes (413 above it, checked before the body is read). Leaves room
    #: for an upload of ``max_upload_bytes`` sent back base64-encoded by the report page's downloads.
    max_body_bytes: int = 3_000_000
    #: Largest file the alignment report accepts as an upload, in bytes (413 above it).
    max_upload_bytes: int = 1_000_000
    #: Most programs (rows) one uploaded file may hold (422 above it).
    max_upload_rows: int = 5_000
    #: Most texts one ``POST /api/v1/classify`` may carry (422 above it).
    max_texts: int = 1_000
    #: Longest query string accepted, in bytes (414 above it); each parameter has its own, smaller limit.
    max_query_bytes: int = 4_096
    #: Log one line per request (method, path without the query string, status, duration).
    access_log: bool = True
    #: Memory each worker may spend keeping pages and answers that are the same for everyone, in MB
    #: (``server/page_cache.py``); 0 renders every request afresh.
    page_cache_mb: int = 32

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, overridden by ``CAREERCLUSTERS_HTTPS``, ``CAREERCLUSTERS_MAX_BODY_BYTES`` and so on."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field in fields(cls):
            name = PREFIX + field.name.upper()
            raw = environ.get(name)
            if raw is None or raw.strip() == "":
                continue
            values[field.name] = _parse(name, raw.strip(), field.type)
        return cls(**values)  # type: ignore[arg-type]

    def environment(self) -> dict[str, str]:
        """These settings as the variables that give them, for the server's worker processes."""
        return {PREFIX + f.name.upper(): _format(getattr(self, f.name)) for f in fields(self)}


#: Settings for which 0 is meaningful (it turns the feature off); every other number must be at least 1.
MAY_BE_ZERO = {"page_cache_mb"}


def _parse(name: str, raw: str, kind: object) -> bool | int:
    if kind in (bool, "bool"):
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off"):
            return False
        raise CareerClustersError(f"{name}={raw!r}: use 1/true/yes/on or 0/false/no/off")
    try:
        number = int(raw.replace("_", ""))
    except ValueError:
        raise CareerClustersError(f"{name}={raw!r}: not a whole number") from None
    smallest = 0 if name.removeprefix(PREFIX).lower() in MAY_BE_ZERO else 1
    if number < smallest:
        raise CareerClustersError(f"{name}={raw!r}: must be at least {smallest}")
    return number


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)
