"""Name keys for case- and punctuation-insensitive lookups, and close-name suggestions.

Official names differ from the spellings people and other publishers use only in case, punctuation and
"&" versus "and" ("Arts, Entertainment & Design", "Food Products and Processing Systems"), so one key
that ignores those differences finds them all. Accents are optional too, as people type them in other
languages: "construccion" finds "Construcción".
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from careerclusters.base.text import fold_accents

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(text: str) -> str:
    """Fold a name to a key: Unicode-normalised, accents dropped, lower case, '&' read as 'and', punctuation
    dropped."""
    folded = fold_accents(text).lower().replace("&", " and ")
    return _NON_ALNUM.sub(" ", folded).strip()


def closest(query: str, choices: list[str], limit: int = 3, cutoff: float = 60.0) -> list[str]:
    """The names in ``choices`` closest to ``query``, best first (at most ``limit``)."""
    matches = process.extract(
        name_key(query), {c: name_key(c) for c in choices}, scorer=fuzz.WRatio, limit=limit,
        score_cutoff=cutoff,
    )
    return [choice for _key, _score, choice in matches]
