"""Titles in the other languages the project speaks, as the classifiers' examples: each title in both genders,
plural and singular, and the other names people use (``base.translations``). Occupations learn the project's own
titles and any official list an operator imported (``store.translations``); programs, the project's names of
the programs schools offer most.

A title given for a SOC code teaches its O*NET ``.00`` occupation; one for an O*NET-SOC code, that occupation. A
code O*NET does not have (a group such as 31-1120) teaches nothing: the classifier answers in O*NET codes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from careerclusters.base import title_lists as titles
from careerclusters.base.languages import LANGUAGES, SOURCE_LANGUAGE
from careerclusters.base.translations import Name, occupation_names, program_names
from careerclusters.classifier.text import normalise
from careerclusters.store.translations import imported_titles

#: The other languages, and the kinds of the official title lists an operator may import in each.
OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
IMPORTED_KINDS = tuple(titles.kind(lang) for lang in OTHER_LANGUAGES)


@dataclass(frozen=True)
class Example:
    """One training example: a text and the code (O*NET-SOC or CIP) it names."""

    code: str
    text: str


def _forms(names: Iterable[Name], target: Callable[[str], str | None]) -> list[Example]:
    """Every form of every name whose code has a ``target`` class; forms that read the same to the model
    ("Enfermeros" and "Enfermero") are one example."""
    found: dict[tuple[str, str], Example] = {}
    for name in names:
        code = target(name.code)
        if code is not None:
            for text in name.forms():
                found.setdefault((code, normalise(text)), Example(code, text))
    return list(found.values())


def occupation_examples(conn: sqlite3.Connection, onet_codes: set[str]) -> list[Example]:
    """The occupation titles in every other language, imported ones first, for the codes in ``onet_codes``."""

    def target(code: str) -> str | None:
        onet = code if len(code) == 10 else f"{code}.00"
        return onet if onet in onet_codes else None

    names = [Name(code, title) for lang in OTHER_LANGUAGES for code, title in imported_titles(conn, lang).items()]
    names += [name for lang in OTHER_LANGUAGES for name in occupation_names(lang).values()]
    return _forms(names, target)


def program_examples(cip_codes: set[str]) -> list[Example]:
    """The program names in every other language, for the codes in ``cip_codes``."""
    names = [name for lang in OTHER_LANGUAGES for name in program_names(lang).values()]
    return _forms(names, lambda code: code if code in cip_codes else None)


def bundled_digest() -> str:
    """What the project's own translations are (the imported lists are fingerprinted by their checksums, like every
    imported file): a built classifier is rebuilt when they change."""
    digest = hashlib.sha256()
    for lang in OTHER_LANGUAGES:
        for names in (occupation_names(lang), program_names(lang)):
            for code, name in sorted(names.items()):
                digest.update(repr((lang, code, name.title, name.also)).encode())
    return digest.hexdigest()
