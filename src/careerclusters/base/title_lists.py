"""Where an official list of occupation titles in another language is kept: its source kind (one per language,
so that importing one language's list replaces only that language's rows) and its table. Named here, below both
the list's reader (``sources.titles``) and the store's schema, which both need them, so that the schema does
not load every reader."""

from __future__ import annotations

KIND_PREFIX = "occupation-titles-"
TABLE = "occupation_title_translation"


def kind(lang: str) -> str:
    """The source kind of ``lang``'s list: ``occupation-titles-es``."""
    return f"{KIND_PREFIX}{lang}"
