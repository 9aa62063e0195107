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
from typing import TYPE_CHECKING, Literal, get_args

from careerclusters.base.shared import Shared, warm_up

if TYPE_CHECKING:
    from babel import Locale

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


@cache
def _messages(lang: str) -> frozenset[str]:
    """Every translation in ``lang``'s catalogue."""
    messages = getattr(translator(lang), "_catalog", {})
    return frozenset(text for text in messages.values() if text)


def written_in(text: str, lang: str) -> bool:
    """Whether ``text`` can be shown on a page in ``lang``: any text in the source language, and in another
    language only a message of its catalogue (what the program's code says in English is not)."""
    return lang == SOURCE_LANGUAGE or text in _messages(lang)


@cache
def _number_locale(lang: str) -> Locale:
    from babel import Locale, UnknownLocaleError  # Babel, loaded with the first number a page formats

    try:
        return Locale.parse(f"{lang}_US")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(lang)


def number_locale(lang: str | None = None) -> Locale:
    """How numbers, money and dates read in ``lang`` (by default the language being rendered) for readers in the
    United States, whose pay and BLS's figures are in dollars: Babel's ``es_US`` for Spanish ("$42,030",
    "3.4 millones", "1 de mayo de 2026"), ``en_US`` for English; a language Babel has no US variant of uses its
    own conventions."""
    return _number_locale(lang or current())


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


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for the marker
    """Mark ``message`` for the catalogues (``scripts/i18n`` extracts ``N_``) where it is defined, for code that
    translates it later with ``gettext(message)``, in the language being rendered then."""
    return message


def gettext(message: str) -> str:
    return translator(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(current()).ngettext(singular, plural, n)


def split_language(path: str) -> tuple[str, str]:
    """The language a path names and the path without it: "/es/clusters" → ("es", "/clusters"), "/es" →
    ("es", "/"), "/clusters" → ("en", "/clusters")."""
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        prefix = f"/{lang}"
        if path == prefix or path.startswith(prefix + "/"):
            return lang, path[len(prefix):] or "/"
    return SOURCE_LANGUAGE, path


def language_path(lang: str, path: str) -> str:
    """``path`` (without a language) as the address of ``lang``'s page: ("es", "/clusters") → "/es/clusters"."""
    if lang == SOURCE_LANGUAGE:
        return path
    return f"/{lang}" if path == "/" else f"/{lang}{path}"


def url(path: str, lang: str | None = None) -> str:
    """The address of the site's page at ``path`` (without a language) in ``lang``, by default the language being
    rendered: ``url("/clusters/x")`` is "/es/clusters/x" on a Spanish page. Every link a page, a printed document
    or a route makes goes through it, so following links never changes the language."""
    return language_path(lang or current(), path)


@warm_up("translations")
def _compile_catalogues(_shared: Shared) -> None:
    """Every catalogue compiled (about 40 ms each) once before a server forks its workers, which share them."""
    for lang in LANGUAGES:
        _messages(lang)
