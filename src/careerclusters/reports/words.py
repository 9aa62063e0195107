"""The data's words in the language being rendered, for every template (pages and printed documents): a framework
node's name and definition (the project's translation, ``fw.label``), an occupation's title (an official list an
operator imported, else the project's translation: ``store.translations``), the education and job-zone words,
counts with their noun in the singular or plural, and money and figures as Spanish readers in the US read them.

Templates write ``{{ node|named }}``, ``{{ o.soc|job(o.title) }}``: in English these give the data's own words,
so templates never branch on the language.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from careerclusters.base import languages
from careerclusters.base.translations import OccupationTitles, education, title_in
from careerclusters.charts.groups import joined
from careerclusters.framework import Level, NotFoundError, load_framework
from careerclusters.store.translations import occupation_titles

#: A template value holding the request's occupation titles (``store.translations.occupation_titles``), which put
#: an imported official list before the project's own; without it, the project's own titles.
TITLES = "occupation_titles"


def _node(item: Any) -> Any:
    """The framework node ``item`` is, or refers to by ``id`` (a cluster ref in an answer), or None."""
    fw = load_framework()
    node_id = item if isinstance(item, str) else getattr(item, "id", None)
    if not isinstance(node_id, str):
        return None
    try:
        return fw.node(node_id)
    except NotFoundError:
        return None


def named(item: Any) -> str:
    """A framework node's name (a node, a ref with ``id`` and ``name``, or an id) in the language being rendered;
    anything else's own ``name``."""
    node = _node(item)
    if node is None:
        return item if isinstance(item, str) else getattr(item, "name", str(item))
    return load_framework().label(node, languages.current()).name


def defined(item: Any) -> str:
    """A framework node's definition in the language being rendered."""
    node = _node(item)
    return "" if node is None else load_framework().label(node, languages.current()).definition


def parent(item: Any) -> Any:
    """The node above a framework node (a sub-cluster's cluster), for ``|named``; None at the top."""
    node = _node(item)
    return None if node is None else load_framework().parent(node)


def level_name(level: Level | str, plural: bool = False) -> str:
    """A level of the framework ("Sub-Cluster", "subcluster") in the language being rendered."""
    return load_framework().translation(languages.current()).level(Level(level), plural)


def occupation_title(conn: sqlite3.Connection, code: str, english: str) -> str:
    """The title of the occupation ``code`` in the language being rendered (for code that names a page)."""
    lang = languages.current()
    if lang == languages.SOURCE_LANGUAGE:
        return english
    return occupation_titles(conn, lang).title(code) or english  # a page's own title: one look-up


@pass_context
def job(context: Context, code: str | None, english: str | None = None) -> str:
    """The title of the occupation ``code`` in the language being rendered; ``english`` (the data's own title)
    in English, or where no translation has one."""
    lang = languages.current()
    if lang == languages.SOURCE_LANGUAGE or not code:
        return english or code or ""
    titles = context.get(TITLES)
    if isinstance(titles, OccupationTitles) and titles.language == lang:
        return titles.title(code) or english or code
    return title_in(lang, code, english or code)


@pass_context
def pay_set_by(context: Context, profile: Any) -> str:
    """The one or two occupations whose pay a group's typical wage is (``labor.pay``), named in the language
    being rendered: "Registered Nurses" → "Enfermeros/as registrados/as"."""
    codes = list(getattr(profile, "pay_set_by_soc", []) or [])
    titles = list(profile.pay_set_by)
    if len(codes) != len(titles):
        codes = [""] * len(titles)
    return joined([job(context, code, title) for code, title in zip(codes, titles, strict=True)])


def entry_education(text: str | None) -> str:
    """BLS's entry education as BLS words it, in the language being rendered."""
    return "—" if not text else education(languages.current()).entry_education(text)


def credits(number: float) -> str:
    """Course credits with their noun in the right number: "1 credit", "0.5 credits" ("1 crédito", "2 créditos")."""
    return languages.ngettext("%(n)s credit", "%(n)s credits", 1 if number == 1 else 2) % {"n": f"{number:g}"}


def install(env: Environment) -> None:
    """Add the data's words to a template environment (``base.templating.environment`` made it)."""
    env.filters.update(named=named, defined=defined, parent=parent, level_name=level_name, job=job,
                       entry_education=entry_education, pay_set_by=pay_set_by)
    env.globals.update(credits=credits, current_language=languages.current)
