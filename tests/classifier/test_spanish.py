"""Search and classification in Spanish: the words a Spanish-speaking family types find the right cluster or
occupation first, accents optional; the translated titles are learnt in both genders; the Spanish benchmark's
titles are never among the names the classifier learns (they measure it, see benchmarks/classifier.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from careerclusters.base.translations import occupation_names
from careerclusters.classifier import text as tx
from careerclusters.classifier.search import framework_hits, search
from careerclusters.classifier.translated import occupation_examples
from careerclusters.store import connect
from careerclusters.store.translations import occupation_titles
from tests.helpers import ROOT

SPANISH_BENCHMARK = ROOT / "benchmarks" / "data" / "titles-es.csv"


@pytest.mark.parametrize(("words", "soc"), [
    ("enfermera", "29-1141"), ("mecánico", "49-3023"), ("mecanico", "49-3023"), ("soldador", "51-4121"),
    ("peluquera", "39-5012"), ("peluquero", "39-5012"), ("enfermero", "29-1141"), ("soldadora", "51-4121"),
])
def test_spanish_job_words_find_their_occupation_first(imported_db: Path, occupations, programs, words: str,
                                                       soc: str) -> None:
    conn = connect(imported_db, readonly=True)
    found = search(conn, words, imported_db, classifiers={"occupation": occupations, "program": programs}.get,
                   lang="es")
    best = found.occupations[0]
    assert best.soc == soc, [(c.code, c.title) for c in found.occupations]
    assert best.title == occupation_titles(conn, "es").title(best.code)  # named in Spanish


@pytest.mark.parametrize(("words", "family"), [("maestra", "25-2"), ("maestro", "25-2"), ("cocinero", "35-20"),
                                               ("cocinera", "35-20")])
def test_teachers_and_cooks_are_found_first(occupations, words: str, family: str) -> None:
    """A bare "maestra" is a schoolteacher of some grade, "cocinero" a cook of some kitchen."""
    [candidates] = occupations.classify([words], k=3)
    assert candidates[0].soc.startswith(family), [(c.code, c.title) for c in candidates]


@pytest.mark.parametrize(("words", "node"), [
    ("salud", "healthcare-human-services"), ("construcción", "construction"), ("construccion", "construction"),
    ("agricultura", "agriculture"), ("Salud y servicios humanos", "healthcare-human-services"),
    ("belleza", "personal-care-services"), ("hoteleria", "hospitality-events-tourism"),
])
def test_spanish_words_find_their_cluster_first(words: str, node: str) -> None:
    hits = framework_hits(words, lang="es")
    assert hits[0].id == node, hits
    assert hits[0].name == {"healthcare-human-services": "Salud y servicios humanos", "construction": "Construcción",
                            "agriculture": "Agricultura", "personal-care-services": "Servicios de cuidado personal",
                            "hospitality-events-tourism": "Hotelería, eventos y turismo"}[node]


def test_english_search_is_unchanged_by_the_translations() -> None:
    assert framework_hits("helthcare")[0].name == "Healthcare & Human Services"
    assert framework_hits("nurse") == []
    assert framework_hits("agriculture")[0].id == "agriculture"


def test_translated_titles_teach_both_genders_in_the_singular_and_plural(imported_db: Path) -> None:
    conn = connect(imported_db, readonly=True)
    codes = {r[0] for r in conn.execute("SELECT onet_soc FROM onet_occupation")}
    nurse = {tx.normalise(e.text) for e in occupation_examples(conn, codes) if e.code == "29-1141.00"}
    assert {"enfermero registrado", "enfermera registrada"} <= nurse  # plural and singular read alike
    assert not any(e.code.startswith("31-1120") for e in occupation_examples(conn, codes))  # O*NET has no such code


def test_the_benchmark_titles_are_not_among_the_names_learnt() -> None:
    """The benchmark measures titles the classifier has not been given: none of them reads the same as any form
    of a translated title or any other name the translation teaches."""
    with SPANISH_BENCHMARK.open(encoding="utf-8") as handle:
        benchmark = {tx.normalise(row["title"]) for row in csv.DictReader(handle)}
    assert len(benchmark) >= 150
    taught = {tx.normalise(form) for name in occupation_names("es").values() for form in name.forms()}
    assert sorted(benchmark & taught) == []


def test_accents_and_spanish_function_words_are_folded() -> None:
    assert tx.normalise("Mecánico de Camiones") == tx.normalise("mecanico de camiones") == "mecanico camione"
    assert tx.normalise("Niñera") == "ninera"
    assert tx.head("cocinera en un restaurante") == "cocinera"
    assert tx.head("Chef de Cuisine") == "chef"
