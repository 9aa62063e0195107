"""Every interface string the code and templates mark for translation has a translation in every language, and
no catalogue keeps strings no longer used; Spanish calls a median a median."""

from __future__ import annotations

import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from careerclusters.base import languages as i18n
from tests.helpers import ROOT


def _extracted() -> set[str | tuple[str, ...]]:
    """Every string the code and templates mark for translation, as `scripts/i18n` extracts them (a plural as the
    tuple of its forms)."""
    templates = ("careerclusters/web/templates/**.html", "careerclusters/reports/templates/**.html")
    method_map = [("careerclusters/**.py", "python"), *((pattern, "jinja2") for pattern in templates)]
    options = {pattern: {"extensions": "jinja2.ext.i18n"} for pattern in templates}
    return {message for _file, _line, message, _comments, _context in
            extract_from_dir(str(ROOT / "src"), method_map, options_map=options,
                             keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None})
            if isinstance(message, str | tuple)}


def test_every_interface_string_has_a_translation() -> None:
    extracted = _extracted()
    assert "Find your cluster" in extracted and "You chose %(chosen)d of the %(total)d %(name)s items." in extracted
    for lang in i18n.languages()[1:]:
        with i18n.catalogue_path(lang).open("rb") as po:
            catalog = read_po(po, locale=lang)
        translated = {m.id for m in catalog if m.id and not m.fuzzy
                      and all(m.string if isinstance(m.string, tuple) else [m.string])}
        assert sorted(extracted - translated) == [], f"{lang}: untranslated (run scripts/i18n and translate)"
        assert sorted({m.id for m in catalog if m.id} - extracted) == [], f"{lang}: strings no longer used"
    assert i18n.translator("es").gettext("Find your cluster") == "Encuentra tu cluster"


def test_a_median_is_never_called_a_mean_in_spanish() -> None:
    """BLS's wages are medians: "mediano/mediana" in Spanish, never "medio/media" (an average)."""
    with i18n.catalogue_path("es").open("rb") as po:
        catalog = read_po(po)
    wrong = [m.id for m in catalog if isinstance(m.id, str) and "median" in m.id.lower()
             and re.search(r"\b(sueldo|salario|pago|ingreso)s? (medio|promedio)\b|\bmedia\b", m.string or "")]
    assert wrong == []
