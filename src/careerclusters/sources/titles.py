"""An official list of occupation titles in another language, which an operator imports in place of the
project's own translations (``careerclusters data import titles-es.csv``).

The file is a CSV (or a spreadsheet saved as one) with a code column (``code``, ``SOC code`` or ``O*NET-SOC
code``: SOC ``29-1141`` or O*NET-SOC ``29-1141.01``) and a title column named for its language: ``title_es``, or
``Spanish title``. The language comes from that column, so a list in each language the project speaks is its
own kind (``occupation-titles-es``) and importing one replaces only that language's titles.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.languages import LANGUAGES, SOURCE_LANGUAGE
from careerclusters.base.text import read_csv_text
from careerclusters.base.title_lists import TABLE, kind
from careerclusters.sources.base import Columns, Extract, header_key, text

PUBLISHER = "imported by the operator"
CODE_COLUMNS = ("code", "SOC code", "O*NET-SOC code", "SOC", "O*NET-SOC")
_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")


def title_columns(lang: str) -> tuple[str, ...]:
    """The names a title column in ``lang`` may have: ``title_es``, ``Spanish title``."""
    from babel import Locale  # Babel, loaded when a language is named

    return f"title_{lang}", f"{Locale.parse(lang).get_display_name('en')} title"


def language_of(header: list[str]) -> str | None:
    """The language of a title list's header (one with a code column and a title column named for a language
    the project speaks besides English), or None when it is not a title list."""
    keys = {header_key(h) for h in header}
    if not keys & {header_key(c) for c in CODE_COLUMNS}:
        return None
    return next((lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE
                 and keys & {header_key(c) for c in title_columns(lang)}), None)


def looks_like(header: list[str]) -> bool:
    return language_of(header) is not None


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    """Every code and title, checked: a SOC or O*NET-SOC code and a title on each row, each code once."""
    file = path.name
    content, _encoding = read_csv_text(path)
    reader = csv.reader(io.StringIO(content))
    header = next(reader, [])
    lang = language_of(header)
    if lang is None:
        raise SourceError(file, f"not a title list: needs a code column and a {title_columns('es')[0]!r} column")
    cols = Columns(header, {"code": CODE_COLUMNS, "title": title_columns(lang)}, file=file, row=1)
    rows: dict[str, tuple[str, str, str, str]] = {}
    first_row: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        code, title = text(cols.get(row, "code")), " ".join(text(cols.get(row, "title")).split())
        if not _CODE.match(code):
            raise SourceError(file, f"{code!r} is not a SOC (29-1141) or O*NET-SOC (29-1141.01) code", row=number,
                              column="code")
        if not title:
            raise SourceError(file, f"{code} has no title", row=number, column=title_columns(lang)[0])
        if code in rows:
            raise SourceError(file, f"{code} is listed twice (rows {first_row[code]} and {number})", row=number,
                              column="code")
        rows[code], first_row[code] = (kind(lang), lang, code, title), number
    if not rows:
        raise SourceError(file, "no titles")
    from babel import Locale

    name = Locale.parse(lang).get_display_name("en")
    return Extract(kind(lang), PUBLISHER, release or f"{name} occupation titles ({len(rows):,} codes)", file, sha256,
                   {TABLE: list(rows.values())})
