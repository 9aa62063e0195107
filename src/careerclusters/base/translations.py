"""The project's own translations of the data people read: occupation titles, the names of common programs and
the education and training words of the official files, one folder per language beside the gettext catalogue
(``locale/<lang>/``).

``locale/<lang>/occupations.csv`` holds a Spanish (or other) title for every SOC occupation and for the O*NET
occupations whose titles differ from their SOC code's; ``locale/<lang>/programs.csv`` names the programs (CIP)
schools offer most, for search (pages keep NCES's English titles); ``locale/<lang>/education.yaml`` the words
BLS and O*NET use for education, experience, training and job zones. The framework's own names are in
``locale/<lang>/framework.yaml``, read by ``framework.translations``. English is the source: the publishers'
own words, so English needs no files.

Gendered titles. Spanish names most jobs in two forms (enfermero, enfermera). A title is written once, in the
plural the SOC uses, with each gendered word as its masculine form, a slash and the feminine ending that
replaces as many letters: ``Enfermeros/as registrados/as``, ``Profesores/as``, ``Jueces/zas``. Pages show that
form; ``forms()`` gives both spelled out, in the plural and the singular, for search.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.languages import LOCALE_DIR, SOURCE_LANGUAGE

OCCUPATIONS_FILE = "occupations.csv"
PROGRAMS_FILE = "programs.csv"
EDUCATION_FILE = "education.yaml"
#: The columns of ``occupations.csv`` and ``programs.csv``: the code (SOC ``29-1141`` or O*NET-SOC ``29-1141.01``;
#: CIP ``51.3801``), the title as pages show it, and other names people use (``;`` between them), which search
#: learns as well.
NAME_COLUMNS = ("code", "title", "also")
#: The code each file's rows carry.
CODES = {OCCUPATIONS_FILE: re.compile(r"^\d{2}-\d{4}(\.\d{2})?$"), PROGRAMS_FILE: re.compile(r"^\d{2}\.\d{4}$")}

#: O*NET's names for its five job zones, in its own words (Job Zone Reference).
JOB_ZONES_EN = {1: "Little or No Preparation Needed", 2: "Some Preparation Needed", 3: "Medium Preparation Needed",
                4: "Considerable Preparation Needed", 5: "Extensive Preparation Needed"}


class TranslationDataError(CareerClustersError, ValueError):
    """A translation file is malformed; the message names the file, and the line or key."""


def folder(lang: str) -> Path:
    return LOCALE_DIR / lang


def _comment_free(text: str) -> str:
    """A file's text without its ``#`` comment lines, which say who wrote it and how."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


# -- gendered titles -------------------------------------------------------------------------------------------
_SLASHED = re.compile(r"(\w+)/(\w+)")
_ENDING = re.compile(r"^[^\W\d_]{1,4}$")
#: Words that end the part of a Spanish title that names the workers ("Operadores de máquinas": only "Operadores"
#: is plural because of the workers; "Peluqueros, estilistas y cosmetólogos" names three).
_PHRASE_ENDS = {"de", "del", "en", "para", "con", "a", "al", "desde", "por", "sin", "sobre", "excepto", "incluidos",
                "incluidas", "incluido", "incluida"}


def _feminine(masculine: str, ending: str) -> str:
    return masculine[: -len(ending)] + ending if len(masculine) > len(ending) else masculine + ending


def gendered(title: str) -> tuple[str, str]:
    """The masculine and feminine forms of a title written with slashes: ``Enfermeros/as registrados/as`` →
    (``Enfermeros registrados``, ``Enfermeras registradas``)."""
    return (_SLASHED.sub(lambda m: m.group(1), title),
            _SLASHED.sub(lambda m: _feminine(m.group(1), m.group(2)), title))


def _singular_word(word: str) -> str:
    """One Spanish plural noun or adjective in the singular: -es after r, l, n, d or j drops "es"
    (operadores, auxiliares), -ces becomes z (jueces), any other -s drops (técnicos, agentes)."""
    lower = word.lower()
    if len(lower) <= 3 or not lower.endswith("s") or lower.endswith(("ís", "us")):
        return word
    if lower.endswith("ces"):
        return word[:-3] + "z"
    if lower.endswith("es") and len(lower) > 4 and lower[-3] in "rlndj":
        base = word[:-2]
        # an accent the plural lost comes back on the last syllable: compositores → compositor, but
        # bailarines → bailarín and capitanes → capitán take one
        if base.lower().endswith(("in", "an", "on")) and not re.search(r"[áéíóú]", base.lower()):
            base = base[:-2] + {"i": "í", "a": "á", "o": "ó"}[base[-2].lower()] + base[-1]
        return base
    return word[:-1]


def singular(phrase: str) -> str:
    """A plural Spanish title in the singular, for search: the words that name the workers, before the first
    preposition ("Operadores de máquinas" → "Operador de máquinas", "Peluqueros, estilistas y cosmetólogos" →
    "Peluquero, estilista y cosmetólogo")."""
    words = phrase.split(" ")
    for position, word in enumerate(words):
        bare = word.rstrip(",")
        if bare.lower() in _PHRASE_ENDS:
            break
        words[position] = _singular_word(bare) + word[len(bare):]
    return " ".join(words)


# -- occupations and programs ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Name:
    """An occupation's or a program's title in a language, and the other names people use for it."""

    code: str
    title: str
    also: tuple[str, ...] = ()

    def forms(self) -> tuple[str, ...]:
        """Every way of writing the title for search: both genders, plural and singular, then the other names;
        each once."""
        masculine, feminine = gendered(self.title)
        forms = [masculine, feminine, singular(masculine), singular(feminine), *self.also]
        return tuple(dict.fromkeys(f for f in forms if f))


def read_names(path: Path) -> dict[str, Name]:
    """An ``occupations.csv`` or ``programs.csv`` file (``#`` comment lines allowed), checked: a known header, a
    code of the file's kind and a title on every line, each code once."""
    text = _comment_free(path.read_text("utf-8"))
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    if tuple(header) != NAME_COLUMNS:
        raise TranslationDataError(f"{path}: the header must be {','.join(NAME_COLUMNS)}")
    code = CODES[path.name]
    names: dict[str, Name] = {}
    for line, row in enumerate(reader, start=2):
        if len(row) != len(NAME_COLUMNS) or not code.match(row[0]) or not row[1].strip():
            raise TranslationDataError(f"{path}: row {line}: needs a code, a title and (perhaps empty) other "
                                       f"names: {row!r}")
        if row[0] in names:
            raise TranslationDataError(f"{path}: row {line}: code {row[0]} is listed twice")
        odd = [m.group(0) for m in _SLASHED.finditer(row[1]) if not _ENDING.match(m.group(2))]
        if odd:
            raise TranslationDataError(f"{path}: row {line}: a slash marks a feminine ending of at most four "
                                       f"letters (Enfermeros/as): {', '.join(odd)}")
        also = tuple(a.strip() for a in row[2].split(";") if a.strip())
        names[row[0]] = Name(row[0], row[1].strip(), also)
    return names


def _names(lang: str, file_name: str) -> dict[str, Name]:
    path = folder(lang) / file_name
    if lang == SOURCE_LANGUAGE or not path.exists():
        return {}
    return read_names(path)


@cache
def occupation_names(lang: str) -> dict[str, Name]:
    """The project's titles of occupations in ``lang`` by SOC or O*NET-SOC code (none for English, whose titles
    are the publishers' own)."""
    return _names(lang, OCCUPATIONS_FILE)


@cache
def program_names(lang: str) -> dict[str, Name]:
    """The project's names of common programs in ``lang`` by CIP code, for search (none for English)."""
    return _names(lang, PROGRAMS_FILE)


def occupation_title(names: dict[str, str], code: str) -> str | None:
    """A code's title from ``names`` (titles by SOC or O*NET-SOC code): its own, or for an O*NET-SOC code
    without one its SOC code's, or for a SOC code its O*NET ``.00`` occupation's."""
    if code in names:
        return names[code]
    if len(code) == 10:
        return names.get(code[:7])
    return names.get(f"{code}.00")


def title_in(lang: str, code: str, english: str) -> str:
    """An occupation's title in ``lang`` from the project's own translation, else ``english`` (what code without
    the store uses; pages put an imported official list first: ``store.translations.occupation_titles``)."""
    if lang == SOURCE_LANGUAGE:
        return english
    return occupation_title(own_titles(lang), code) or english


@cache
def own_titles(lang: str) -> dict[str, str]:
    """The project's own occupation titles in ``lang`` by code (none for English)."""
    return {code: name.title for code, name in occupation_names(lang).items()}


class OccupationTitles:
    """Occupation titles in one language from several lists, the first that has a title for a code winning: an
    official list an operator imported, then the project's own."""

    def __init__(self, language: str, *lists: dict[str, str]):
        self.language, self.lists = language, lists

    def title(self, code: str) -> str | None:
        """The title of a SOC or O*NET-SOC code in this language, or None when no list has one."""
        return next((t for names in self.lists if (t := occupation_title(names, code))), None)

    def codes(self) -> set[str]:
        return {code for names in self.lists for code in names}


# -- education and training words ------------------------------------------------------------------------------
@dataclass(frozen=True)
class EducationWords:
    """The education, experience, training and job-zone words of BLS and O*NET in one language; a word with no
    translation comes back as it is (English), never as nothing."""

    language: str
    entry_education_: dict[str, str]
    work_experience_: dict[str, str]
    job_training_: dict[str, str]
    onet_education_: dict[int, str]
    job_zones_: dict[int, str]

    def entry_education(self, text: str) -> str:
        """BLS's typical education needed for entry ("Associate's degree")."""
        return self.entry_education_.get(text, text)

    def work_experience(self, text: str) -> str:
        return self.work_experience_.get(text, text)

    def job_training(self, text: str) -> str:
        return self.job_training_.get(text, text)

    def onet_education(self, category: int, english: str) -> str:
        """O*NET's education category ``category`` (whose English words are ``english``)."""
        return self.onet_education_.get(category, english)

    def job_zone(self, zone: int) -> str:
        """The name of O*NET job zone 1–5 ("Medium Preparation Needed")."""
        return self.job_zones_.get(zone, JOB_ZONES_EN.get(zone, str(zone)))


def _mapping(data: dict[str, Any], key: str, path: Path) -> dict[Any, str]:
    found = data.get(key)
    if not isinstance(found, dict) or not all(isinstance(v, str) and v.strip() for v in found.values()):
        raise TranslationDataError(f"{path}: {key!r} must map each word to its translation")
    return {k: " ".join(v.split()) for k, v in found.items()}


@cache
def education(lang: str) -> EducationWords:
    """The education words in ``lang``; English (or a language without the file) gives the publishers' words."""
    path = folder(lang) / EDUCATION_FILE
    if lang == SOURCE_LANGUAGE or not path.exists():
        return EducationWords(SOURCE_LANGUAGE, {}, {}, {}, {}, dict(JOB_ZONES_EN))
    from careerclusters.base.rules import load_yaml  # libyaml, loaded with the first education words

    data = load_yaml(path.read_text("utf-8"))
    if not isinstance(data, dict):
        raise TranslationDataError(f"{path}: not a mapping")
    return EducationWords(lang, _mapping(data, "entry_education", path), _mapping(data, "work_experience", path),
                          _mapping(data, "job_training", path), _mapping(data, "onet_education", path),
                          _mapping(data, "job_zones", path))
