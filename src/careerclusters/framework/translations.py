"""The framework in other languages: each node's name, definition and other names, the levels, the editions'
titles and the Career Ready Practices, from ``base/locale/<lang>/framework.yaml``.

The framework's own data stays English (``node.name``); a translation is looked up beside it, the way
pycountry's translations sit beside its data: ``fw.label(node, "es").name``. English is a ``Translation`` too,
built from the framework itself, so callers never branch on the language. A translation file must name and
define every node of both editions and no other; loading one that does not fails with the ids.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careerclusters.base.languages import LOCALE_DIR, SOURCE_LANGUAGE
from careerclusters.framework.model import Edition, FrameworkDataError, Level, Node, Practice, PracticeList

FILE_NAME = "framework.yaml"

#: The English titles, the steward's own.
FRAMEWORK_EN = "National Career Clusters Framework"
EDITIONS_EN = {Edition.MODERN: f"{FRAMEWORK_EN} (2024)", Edition.ORIGINAL: f"{FRAMEWORK_EN} (original)"}


class Label(BaseModel):
    """A node in one language: its name, its definition and other names people use (for search)."""

    model_config = ConfigDict(frozen=True)

    name: str
    definition: str
    aliases: tuple[str, ...] = ()


class _PracticesEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1)
    items: dict[str, str]


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    language: str = Field(pattern="^[a-z]{2}$")
    name: str
    translator: str = Field(min_length=10)
    translator_en: str = Field(min_length=10)
    framework: str
    editions: dict[Edition, str]
    levels: dict[Level, str]
    levels_plural: dict[Level, str]
    nodes: dict[str, Label]
    practices: dict[Edition, _PracticesEntry] = {}


class Translation:
    """The framework's words in one language."""

    def __init__(self, language: str, language_name: str, framework_title: str, editions: dict[Edition, str],
                 levels: tuple[dict[Level, str], dict[Level, str]], labels: dict[str, Label],
                 practices: tuple[PracticeList, ...], translator: str | None = None, translator_en: str | None = None):
        """``levels``: each level's name, in the singular and in the plural."""
        self.language, self.language_name, self.framework_title = language, language_name, framework_title
        self.editions, self.labels, self.practices = editions, labels, practices
        self.levels, self.levels_plural = levels
        #: Who wrote the translation, in its language and in English; None for the steward's own English.
        self.translator, self.translator_en = translator, translator_en

    def label(self, node: Node) -> Label:
        return self.labels[node.id]

    def level(self, level: Level, plural: bool = False) -> str:
        """A level's name ("Sub-Cluster"), or with ``plural`` its plural ("Sub-Clusters")."""
        return (self.levels_plural if plural else self.levels)[level]

    def edition_title(self, edition: Edition) -> str:
        return self.editions[edition]


def english(nodes: list[Node], practices: tuple[PracticeList, ...]) -> Translation:
    """The framework's own words."""
    return Translation(SOURCE_LANGUAGE, "English", FRAMEWORK_EN, dict(EDITIONS_EN),
                       ({level: level.label for level in Level}, {level: f"{level.label}s" for level in Level}),
                       {n.id: Label(name=n.name, definition=n.definition, aliases=n.aliases) for n in nodes},
                       practices)


def available() -> tuple[str, ...]:
    """English and every language with a framework file, in that order."""
    return (SOURCE_LANGUAGE, *sorted(p.parent.name for p in LOCALE_DIR.glob(f"*/{FILE_NAME}")))


def _read(lang: str) -> _File:
    path = LOCALE_DIR / lang / FILE_NAME
    if not path.exists():
        raise FrameworkDataError(f"no framework translation for language {lang!r}: use one of "
                                 f"{', '.join(available())}")
    try:
        data: Any = yaml.safe_load(path.read_text("utf-8"))
        parsed = _File.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkDataError(f"{lang}/{FILE_NAME}: cannot read: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        raise FrameworkDataError(f"{lang}/{FILE_NAME}: {'.'.join(str(p) for p in first['loc'])}: "
                                 f"{first['msg']}") from exc
    if parsed.language != lang:
        raise FrameworkDataError(f"{lang}/{FILE_NAME}: says it is language {parsed.language!r}")
    return parsed


def _clean(label: Label) -> Label:
    return Label(name=" ".join(label.name.split()), definition=" ".join(label.definition.split()),
                 aliases=label.aliases)


def missing(lang: str, nodes: list[Node], practices: tuple[PracticeList, ...]) -> list[str]:
    """What ``<lang>/framework.yaml`` lacks or has in excess against the framework, as readable lines."""
    data = _read(lang)
    ids = {n.id for n in nodes}
    problems = [f"node {n.id!r} has no name" for n in nodes if not data.nodes.get(n.id, Label(name="", definition=""))
                .name.strip()]
    problems += [f"node {n.id!r} has no definition" for n in nodes
                 if n.id in data.nodes and len(data.nodes[n.id].definition.strip()) < 10]
    problems += [f"node {i!r} is not in the framework" for i in data.nodes if i not in ids]
    problems += [f"level {level.value!r} has no name" for level in Level for names in (data.levels, data.levels_plural)
                 if not names.get(level, "").strip()]
    problems += [f"edition {e.value!r} has no title" for e in Edition if not data.editions.get(e, "").strip()]
    for plist in practices:
        entry = data.practices.get(plist.edition)
        problems += [f"practice {p.code} ({plist.edition} edition) has no name" for p in plist.practices
                     if entry is None or not entry.items.get(p.code, "").strip()]
    return problems


def load(lang: str, nodes: list[Node], practices: tuple[PracticeList, ...]) -> Translation:
    """The translation into ``lang``, checked against ``nodes`` and ``practices``; English is the framework's own.
    Raises ``FrameworkDataError`` naming what is missing."""
    if lang == SOURCE_LANGUAGE:
        return english(nodes, practices)
    problems = missing(lang, nodes, practices)
    if problems:
        raise FrameworkDataError(f"{lang}/{FILE_NAME}: " + "; ".join(problems))
    data = _read(lang)
    translated = tuple(
        PracticeList(edition=p.edition, title=data.practices[p.edition].title,
                     practices=tuple(Practice(code=x.code, name=data.practices[p.edition].items[x.code])
                                     for x in p.practices))
        for p in practices)
    return Translation(lang, data.name, data.framework, data.editions, (data.levels, data.levels_plural),
                       {i: _clean(label) for i, label in data.nodes.items()}, translated,
                       " ".join(data.translator.split()), " ".join(data.translator_en.split()))
