"""The one Jinja setup that pages (``web/``) and printed documents (``reports/``) share: the number filters
people read figures through, and the gettext extension that follows the language being rendered."""

from __future__ import annotations

from jinja2 import BaseLoader, Environment, select_autoescape

from careerclusters.base import education, languages
from careerclusters.base.formatting import count, figure, money, release, spoken


def environment(loader: BaseLoader, *, trim: bool = False) -> Environment:
    """An autoescaping environment over ``loader``; ``trim`` drops the blank lines block tags leave (documents
    whose HTML is read as a file). Templates ship with the package, so they are not checked for changes."""
    env = Environment(loader=loader, autoescape=select_autoescape(), trim_blocks=trim, lstrip_blocks=trim,
                      auto_reload=False, extensions=["jinja2.ext.i18n"])
    env.filters.update(money=lambda value, marker=None: money(value, marker),
                       figure=lambda value, unit="": figure(value, unit), count=count,
                       spoken=spoken, thousands=lambda value: spoken(None if value is None else value * 1000),
                       education=education.plain,
                       percent=lambda value: f"{value:.0%}",
                       share=lambda value: "—" if value is None else f"{value:.0%}", release=release)
    env.globals["url"] = languages.url  # a link to another page of the site, in the language being rendered
    env.install_gettext_callables(languages.gettext, languages.ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env
