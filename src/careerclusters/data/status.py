"""What the store lacks and how to add it, told to the people who can act on it.

The operator (``careerclusters data status``, the server's ``/status`` page) sees each missing official file
with its publisher's page, what it adds, and both ways to add it: online with ``data fetch``, offline with
``data import FILE`` or a mirror folder. A page a visitor reads says only what it cannot show
(``not_shown``): a visitor cannot import anything, so instructions would only confuse them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from careerclusters.base.commands import command
from careerclusters.data.unreachable import UNREACHABLE_FILE, Unreachable, download_cache
from careerclusters.sources import OFFICIAL_FILES, OfficialFile
from careerclusters.sources.official import describe
from careerclusters.store.crosswalk import imported_kinds
from careerclusters.store.importer import file_names, imported_files


@dataclass(frozen=True)
class MissingFile:
    """A missing official file and the commands that add it: ``online`` downloads it (None where the publisher
    offers it only from its page, to be downloaded by hand); ``offline`` imports a copy."""

    official: OfficialFile
    online: str | None
    offline: tuple[str, ...]


def missing(conn: sqlite3.Connection) -> list[OfficialFile]:
    """The official files whose data the store lacks (a bundled crosswalk counts as present); of files that
    stand in for one another, the first. A download imported in part (BLS's metro workbook without the
    nonmetropolitan one beside it) lacks its other parts, each named as the file it is, with what it adds."""
    have = imported_kinds(conn)  # one read of the sources
    files = file_names(have.values())
    whole = [official for official in OFFICIAL_FILES if official.kind not in have and not official.instead_of]
    return whole + [replace(official, file_name=part.file_name, what=part.what) for official in OFFICIAL_FILES
                    if any(part.file_name in files for part in official.unpacked)
                    for part in official.unpacked if part.file_name not in files]


def not_needed(conn: sqlite3.Connection) -> list[tuple[OfficialFile, str]]:
    """The files that an imported one makes unnecessary (BLS's area workbooks beside the OEWS bundle), each
    with the imported file that holds its figures."""
    imported = imported_files(conn)
    return [(official, next(name for name in official.instead_of if name in imported)) for official in OFFICIAL_FILES
            if imported.intersection(official.instead_of)]


def how_to_add(official: OfficialFile) -> MissingFile:
    """The commands that add ``official``, the way this program was started."""
    downloadable = official.url is not None or official.wheel is not None
    return MissingFile(official, command("data fetch") if downloadable else None,
                       (command(f"data import {official.file_name}"), command("data fetch --mirror FOLDER")))


def missing_files(conn: sqlite3.Connection) -> list[MissingFile]:
    """Every missing official file with the commands that add it."""
    return [how_to_add(official) for official in missing(conn)]


def unreachable() -> dict[str, dict[str, object]]:
    """The publishers' servers that could not be reached at the last try, with when and why."""
    return Unreachable(download_cache() / UNREACHABLE_FILE).hosts


def not_shown(available: set[str], kinds: tuple[str, ...]) -> list[str]:
    """What a page that uses ``kinds`` cannot show, in a reader's words: the kinds not ``available`` (see
    ``store.crosswalk.available_kinds``: national wages count as here when the all-areas import holds the nation's
    figures)."""
    return [describe(kind) for kind in kinds if kind not in available]
