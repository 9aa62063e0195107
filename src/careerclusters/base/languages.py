"""Interface strings in more than one language, with gettext catalogues (Babel's ``.po`` files).

The catalogues live in ``locale/<lang>/LC_MESSAGES/careerclusters.po`` and are compiled in memory when first
used, so a fresh clone needs no build step and there are no ``.mo`` files to keep in step. Code marks a
string with ``translator(lang).gettext("…")`` (or ``_("…")`` in a template, through Jinja2's i18n
extension); ``scripts/i18n`` extracts the marked strings and updates the catalogues, and a test fails when
any string lacks a translation. English is the source language and needs no catalogue.
"""

from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Literal, get_args

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "careerclusters"
SOURCE_LANGUAGE = "en"

#: A language the project speaks (its interface, the survey, the planner): the type a request's ``lang`` is
#: validated against. Each one has a catalogue here (English needs none) and the survey's items in it; the tests
#: check that ``languages()`` and ``survey.languages()`` find exactly these.
Language = Literal["en", "es"]
#: The languages, the source language first.
LANGUAGES: tuple[str, ...] = get_args(Language)

_current: ContextVar[str] = ContextVar("language", default=SOURCE_LANGUAGE)


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> tuple[str, ...]:
    """English and every language with a catalogue (what the catalogues hold; ``LANGUAGES`` is what is offered)."""
    return (SOURCE_LANGUAGE, *sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def other_language(lang: str) -> str:
    """The language a page's switch offers: the next one in ``LANGUAGES`` (Spanish from English, English from
    Spanish), and the source language from anything unknown."""
    if lang not in LANGUAGES:
        return SOURCE_LANGUAGE
    return LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]


@cache
def translator(lang: str) -> _gettext.NullTranslations:
    """The translations for ``lang`` (English, or an unknown language, translates nothing)."""
    path = catalogue_path(lang)
    if lang == SOURCE_LANGUAGE or not path.exists():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # Babel, only where a catalogue is compiled
    from babel.messages.pofile import read_po

    with path.open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def current() -> str:
    """The language of what is being rendered now (English unless ``language()`` says otherwise)."""
    return _current.get()


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render in ``lang`` inside the block: templates' ``_()`` and ``gettext()`` follow it."""
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def gettext(message: str) -> str:
    return translator(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(current()).ngettext(singular, plural, n)
