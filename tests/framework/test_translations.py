"""The framework in Spanish: every node of both editions and every Career Ready Practice has a name and a
definition of its own, the lookup API gives them beside the English, and a gap in the file is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careerclusters.base import languages
from careerclusters.framework import Edition, FrameworkDataError, load_framework, translations
from careerclusters.survey import load_instrument


@pytest.mark.parametrize("lang", languages.LANGUAGES[1:])
def test_every_node_and_practice_has_a_name_and_definition_in_every_language(lang: str) -> None:
    fw = load_framework()
    assert translations.missing(lang, fw.nodes(), fw.practices) == []
    words = fw.translation(lang)
    for node in fw.nodes():
        label = words.label(node)
        assert label.name.strip() and len(label.definition) >= 10, node.id
        assert label.definition != node.definition, f"{node.id}: the definition is still English"
    assert len(fw.nodes()) == 6 + 14 + 72 + 16 + 79
    assert [p.code for p in words.practices[0].practices] == [p.code for p in fw.practices[0].practices]
    assert translations.available() == languages.LANGUAGES


def test_label_gives_spanish_beside_the_english() -> None:
    fw = load_framework()
    health = fw.node("healthcare-human-services")
    assert health.name == "Healthcare & Human Services"  # the framework's own data stays English
    assert fw.label(health, "es").name == "Salud y servicios humanos"
    assert fw.label(health, "en").name == "Healthcare & Human Services"
    assert fw.label(fw.node("o-stem"), "es").aliases == ("STEM", "CTIM")
    spanish = fw.translation("es")
    assert spanish.edition_title(Edition.MODERN) == "Marco Nacional de Career Clusters (2024)"
    assert spanish.translator and "no es una traducción oficial" in spanish.translator
    assert fw.translation("en").translator is None
    with pytest.raises(FrameworkDataError, match="no framework translation for language 'fr'"):
        fw.translation("fr")


def test_lookups_take_spanish_names_with_accents_optional() -> None:
    fw = load_framework()
    assert fw.get("Salud física").id == "physical-health"
    assert fw.get("salud fisica").id == "physical-health"
    assert fw.get("construccion", edition=Edition.MODERN).id == "construction"
    assert fw.get("Physical Health").id == "physical-health"  # English first


def test_the_survey_names_nodes_from_the_framework_translation() -> None:
    fw = load_framework()
    survey = load_instrument("es")
    for node in fw.nodes(Edition.MODERN):
        assert survey.name(node.id) == fw.label(node, "es").name


def test_a_gap_in_a_translation_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(languages.LOCALE_DIR / "es", tmp_path / "es")
    path = tmp_path / "es" / translations.FILE_NAME
    text = path.read_text("utf-8")
    path.write_text(text.replace("  robotics:\n    name: Robótica\n", "  robotica:\n    name: Robótica\n")
                    .replace("      CRP6: Mostrar creatividad e innovación\n", ""), "utf-8")
    monkeypatch.setattr(translations, "LOCALE_DIR", tmp_path)
    fw = load_framework()
    assert translations.missing("es", fw.nodes(), fw.practices) == [
        "node 'robotics' has no name", "node 'robotica' is not in the framework",
        "practice CRP6 (original edition) has no name"]
    with pytest.raises(FrameworkDataError, match="robotics"):
        translations.load("es", fw.nodes(), fw.practices)
