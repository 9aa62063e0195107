"""SQL for occupation titles in other languages: the official lists an operator imported, and those lists put in
front of the project's own translations (``base.translations``), since an imported title wins."""

from __future__ import annotations

import sqlite3

from careerclusters.base.languages import LANGUAGES, SOURCE_LANGUAGE
from careerclusters.base.translations import OccupationTitles, occupation_names, own_titles


def imported_titles(conn: sqlite3.Connection, lang: str) -> dict[str, str]:
    """Title by SOC or O*NET-SOC code from the official list imported for ``lang`` (empty when none is)."""
    return dict(conn.execute("SELECT code, title FROM occupation_title_translation WHERE lang = ?", (lang,)).fetchall())


def occupation_titles(conn: sqlite3.Connection, lang: str) -> OccupationTitles:
    """Occupation titles in ``lang``: an imported official list's, else the project's own."""
    return OccupationTitles(lang, imported_titles(conn, lang), own_titles(lang))


def title_status(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """For each language besides English, where its occupation titles come from: how many the project's own
    translation gives, and the official list imported in front of it (its file and count), if any."""
    imported = {row["lang"]: row for row in conn.execute(
        "SELECT t.lang, COUNT(*) AS titles, s.file_name FROM occupation_title_translation t "
        "LEFT JOIN source_file s ON s.kind = t.kind GROUP BY t.lang, s.file_name")}
    return [{"lang": lang, "own": len(occupation_names(lang)),
             "imported": imported[lang]["titles"] if lang in imported else 0,
             "imported_from": imported[lang]["file_name"] if lang in imported else None}
            for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
