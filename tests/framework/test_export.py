"""JSON, CSV and SKOS exports: complete, and SKOS valid when read back with rdflib."""

from __future__ import annotations

import csv
import io

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from careerclusters import Edition, Framework, load_framework
from careerclusters.framework.export import to_csv, to_json_document
from careerclusters.framework.skos import to_skos


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def _walk(tree: list[dict]) -> list[dict]:
    found = []
    for node in tree:
        found += [node, *_walk(node.get("children", []))]
    return found


def test_json_document_states_counts_and_nests(fw: Framework) -> None:
    doc = to_json_document(fw)
    modern, original = doc["editions"]
    assert modern["counts"] == {
        "groupings": 6, "clusters": 14, "subclusters": 72, "cross_cutting_clusters": 3}
    assert original["counts"] == {"clusters": 16, "pathways": 79}
    levels = [n["level"] for n in _walk(modern["tree"])]
    assert levels.count("subcluster") == 72 and levels.count("cluster") == 14
    health = next(n for n in _walk(modern["tree"]) if n["id"] == "healthcare-human-services")
    assert health["naics"] == ["62", "81"] and health["cross_cutting"] is False
    assert len(original["career_ready_practices"][0]["practices"]) == 12
    assert [e["edition"] for e in to_json_document(fw, Edition.ORIGINAL)["editions"]] == ["original"]


def test_csv_has_one_row_per_leaf_with_ancestors(fw: Framework) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(fw))))
    assert len(rows) == 72 + 79
    nurse = next(r for r in rows if r["id"] == "physical-health")
    assert (nurse["grouping_code"], nurse["cluster_code"], nurse["cluster_name"]) == (
        "04", "040200", "Healthcare & Human Services")
    lodging = next(r for r in rows if r["id"] == "o-lodging")
    assert (lodging["edition"], lodging["grouping_id"], lodging["cluster_code"]) == ("original", "", "9")
    assert len(list(csv.DictReader(io.StringIO(to_csv(fw, Edition.MODERN))))) == 72


def skos_problems(graph: Graph) -> list[str]:
    """Every rule of a sound SKOS export that this project promises, as a list of violations."""
    problems = []
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        schemes = list(graph.objects(concept, SKOS.inScheme))
        if len(schemes) != 1:
            problems.append(f"{concept} is in {len(schemes)} schemes")
        labels = [label.language for label in graph.objects(concept, SKOS.prefLabel)]
        if "en" not in labels or len(labels) != len(set(labels)):
            problems.append(f"{concept} lacks one prefLabel in English, or has two in one language")
        for broader in graph.objects(concept, SKOS.broader):
            if (broader, SKOS.narrower, concept) not in graph:
                problems.append(f"{concept} broader {broader} without narrower")
            if list(graph.objects(broader, SKOS.inScheme)) != schemes:
                problems.append(f"{concept} has a broader concept in another scheme")
        for narrower in graph.objects(concept, SKOS.narrower):
            if (narrower, SKOS.broader, concept) not in graph:
                problems.append(f"{concept} narrower {narrower} without broader")
        is_top = (concept, SKOS.topConceptOf, None) in graph
        if is_top == bool(list(graph.objects(concept, SKOS.broader))):
            problems.append(f"{concept} must be either a top concept or have a broader concept")
    return problems


def test_skos_round_trips_and_validates(fw: Framework) -> None:
    turtle = to_skos(fw).serialize(format="turtle")
    graph = Graph().parse(data=turtle, format="turtle")
    assert skos_problems(graph) == []
    assert len(list(graph.subjects(RDF.type, SKOS.ConceptScheme))) == 2
    assert len(list(graph.subjects(RDF.type, SKOS.Concept))) == 6 + 14 + 72 + 16 + 79
    notations = {str(n) for n in graph.objects(None, SKOS.notation)}
    assert {"010100", "060300", "16"} <= notations
    alt = {str(a) for a in graph.objects(None, SKOS.altLabel)}
    assert "Food Products and Processing Systems" in alt


def test_skos_validator_catches_inconsistency(fw: Framework) -> None:
    graph = to_skos(fw, Edition.MODERN)
    concept = next(graph.subjects(SKOS.broader, None))
    parent = next(graph.objects(concept, SKOS.broader))
    graph.remove((parent, SKOS.narrower, concept))
    assert any("without narrower" in p for p in skos_problems(graph))


def test_framework_export_has_nothing_to_neutralise() -> None:
    """The framework's own names and definitions are plain text: safe and raw exports are identical."""
    fw = load_framework()
    assert to_csv(fw, Edition.MODERN) == to_csv(fw, Edition.MODERN, raw=True)


def test_exports_in_spanish_name_every_node_and_say_who_translated(fw: Framework) -> None:
    doc = to_json_document(fw, Edition.MODERN, lang="es")
    assert doc["language"] == "es" and "careerclusters" in doc["translator"]
    assert doc["framework"] == "Marco Nacional de Career Clusters"
    health = next(n for n in _walk(doc["editions"][0]["tree"]) if n["id"] == "healthcare-human-services")
    assert health["name"] == "Salud y servicios humanos" and health["definition"].startswith("Mantener a la gente")
    assert [c["name"] for c in health["children"]][-1] == "Salud física"
    assert to_json_document(fw)["translator"] is None  # English is the steward's own words
    practices = to_json_document(fw, Edition.ORIGINAL, lang="es")["editions"][0]["career_ready_practices"][0]
    assert practices["practices"][5] == {"code": "CRP6", "name": "Mostrar creatividad e innovación"}

    rows = list(csv.DictReader(io.StringIO(to_csv(fw, lang="es"))))
    nurse = next(r for r in rows if r["id"] == "physical-health")
    assert (nurse["name"], nurse["cluster_name"], nurse["grouping_name"]) == (
        "Salud física", "Salud y servicios humanos", "Cuidar a las comunidades")
    assert all("careerclusters" in r["translator"] for r in rows) and len(rows) == 72 + 79
    assert "translator" not in next(csv.DictReader(io.StringIO(to_csv(fw))))


def test_skos_in_spanish_keeps_english_beside_it(fw: Framework) -> None:
    graph = Graph().parse(data=to_skos(fw, lang="es").serialize(format="turtle"), format="turtle")
    assert skos_problems(graph) == []
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        assert sorted(label.language for label in graph.objects(concept, SKOS.prefLabel)) == ["en", "es"]
        assert sorted(d.language for d in graph.objects(concept, SKOS.definition)) == ["en", "es"]
    labels = {(str(label), label.language) for label in graph.objects(None, SKOS.prefLabel)}
    assert {("Salud física", "es"), ("Physical Health", "en")} <= labels
    notes = {note.language: str(note) for note in graph.objects(None, SKOS.note)}
    assert "careerclusters" in notes["es"] and "not an official translation" in notes["en"]
