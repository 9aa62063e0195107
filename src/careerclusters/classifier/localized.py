"""The classifier's answers in another language: occupation titles from ``store.translations`` (an imported
official list, else the project's own) and the framework's names from its translation. Program (CIP) titles stay
as NCES publishes them, in English: there is no Spanish CIP."""

from __future__ import annotations

import sqlite3

from careerclusters.base.languages import SOURCE_LANGUAGE
from careerclusters.base.translations import OccupationTitles
from careerclusters.classifier.service import Candidate, Kind, Ref
from careerclusters.store.translations import occupation_titles


def _refs(refs: list[Ref], lang: str) -> list[Ref]:
    from careerclusters.framework import load_framework  # when an answer is named in another language

    fw = load_framework()
    return [Ref(id=r.id, name=fw.label(fw.node(r.id), lang).name) for r in refs]


def in_language(candidates: list[Candidate], kind: Kind, lang: str, titles: OccupationTitles | None) -> list[Candidate]:
    """``candidates`` named in ``lang`` (as they are, in English); ``titles`` are the occupation titles in
    ``lang``, from ``titles_for``."""
    if lang == SOURCE_LANGUAGE:
        return candidates
    return [c.model_copy(update={
        "title": (titles.title(c.code) if kind == "occupation" and titles else None) or c.title,
        "clusters": _refs(c.clusters, lang), "subclusters": _refs(c.subclusters, lang),
        "pathways": _refs(c.pathways, lang)}) for c in candidates]


def titles_for(conn: sqlite3.Connection, lang: str) -> OccupationTitles | None:
    """The occupation titles in ``lang`` (None in English, whose titles the classifier gives)."""
    return None if lang == SOURCE_LANGUAGE else occupation_titles(conn, lang)
