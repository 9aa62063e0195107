"""The interest survey: its instrument in both languages, the answer code, and scoring with and without the
official data."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.framework import load_framework
from careerclusters.store import connect
from careerclusters.survey import RIASEC, Part, SurveyDataError, instrument, languages, load_instrument, missing_words
from careerclusters.survey.codec import decode, encode
from careerclusters.survey.data import SurveyData
from careerclusters.survey.scoring import Education, Language, SurveyAnswers, parse_wage, score, score_answers
from tests.helpers import realistic_construction


@pytest.fixture(scope="module")
def data(imported_db: Path) -> SurveyData:
    conn = connect(imported_db, readonly=True)
    loaded = SurveyData.load(conn)
    conn.close()
    assert loaded is not None
    return loaded


# -- the instrument ----------------------------------------------------------------------------------------

def test_both_languages_have_every_item_and_name() -> None:
    assert languages() == ("en", "es") == i18n.languages() == Language.__args__
    assert load_instrument("en").education_levels() == list(Education.__args__)
    for lang in languages():
        assert missing_words(lang) == [], lang
    en, es = load_instrument("en"), load_instrument("es")
    assert [(i.id, i.part, i.key) for i in en.items] == [(i.id, i.part, i.key) for i in es.items]
    assert es.item("r2").text == "Arreglar una bici, una podadora o un carro"
    assert es.name("healthcare-human-services") == "Salud y servicios humanos"
    assert en.name("healthcare-human-services") == "Healthcare & Human Services"


def test_instrument_is_balanced_and_reaches_every_subcluster() -> None:
    inst = load_instrument("en")
    interests = Counter(i.key for i in inst.part(Part.INTEREST))
    assert interests == dict.fromkeys(RIASEC, 8)
    per_cluster = Counter(i.cluster_id for i in inst.part(Part.CLUSTER))
    fw = load_framework()
    assert set(per_cluster) == {c.id for c in fw.clusters()} and min(per_cluster.values()) >= 6
    assert {i.subcluster_id for i in inst.part(Part.CLUSTER)} - {None} == {s.id for s in fw.subclusters()}
    assert {i.key for i in inst.part(Part.PURPOSE)} == {g.id for g in fw.groupings()} - {"cross-cutting"}
    assert [i.key for i in inst.part(Part.INTEREST)][:7] == ["R", "I", "A", "S", "E", "C", "R"]  # interleaved


def test_a_missing_translation_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = tmp_path / "items"
    shutil.copytree(instrument.ITEMS_DIR, items)
    text = (items / "es.yaml").read_text("utf-8")
    (items / "es.yaml").write_text(text.replace("  ag-water: Criar peces", "  ag-wat: Criar peces"), "utf-8")
    monkeypatch.setattr(instrument, "ITEMS_DIR", items)
    assert missing_words("es") == ["item 'ag-water' has no text", "item 'ag-wat' is not in instrument.yaml"]
    assert missing_words("en") == []


def test_answer_code_round_trip_and_damage() -> None:
    inst = load_instrument("en")
    answers = {"r1": 2, "i3": 0, "co-trades": 2, "p-caring": 0, "ms-trait": 2}
    code = encode(answers, inst)
    assert len(code) == 43 and decode(code, inst) == answers
    assert decode(encode({}, inst), inst) == {}
    with pytest.raises(SurveyDataError, match="damaged"):
        decode(code[:-3], inst)
    with pytest.raises(SurveyDataError, match="another version"):
        decode("2" + code[1:], inst)


# -- scoring -----------------------------------------------------------------------------------------------

def test_realistic_and_construction_put_construction_first(data: SurveyData) -> None:
    result = score(realistic_construction(), data)
    assert result.status == "ok" and result.parts_scored == ["interest", "cluster"]
    assert [t.score for t in result.profile] == [100, 0, 0, 0, 0, 0] and result.top_types == ["R"]
    first = result.clusters[0]
    assert first.id == "construction"
    assert first.reasons[0].text == "You chose 6 of the 6 Construction items."
    assert {i.id for i in first.reasons[0].items} == {"co-architecture", "co-planning", "co-equipment", "co-trades",
                                                      "co-subject", "co-trait"}
    assert first.reasons[1].part == "interest" and "Realistic" in first.reasons[1].text
    assert {s.cluster_id for s in result.subclusters[:4]} == {"construction"}
    trades = next(s for s in result.subclusters if s.id == "skilled-trades")
    assert 3 <= len(trades.occupations) <= 5 and trades.programs
    wages = {o.soc: o.median_wage for s in result.subclusters for o in s.occupations}
    assert wages.get("47-2211") == 61800  # Sheet Metal Workers, OEWS May 2025 national median


def test_spanish_results_explain_in_spanish(data: SurveyData) -> None:
    result = score(realistic_construction("es"), data)
    assert result.clusters[0].name == "Construcción"
    assert result.clusters[0].reasons[0].text == "Escogiste 6 de las 6 opciones de Construcción."
    assert result.profile[0].name == "Realista"


def test_all_not_sure_cannot_tell(data: SurveyData) -> None:
    inst = load_instrument("en")
    result = score(SurveyAnswers(answers=dict.fromkeys(inst.code_order, 1)), data)
    assert result.status == "cannot_tell" and result.clusters == [] and result.subclusters == []
    assert "not sure" in result.message and {t.score for t in result.profile} == {50}


def test_preferences_filter_occupations_not_the_ranking(data: SurveyData) -> None:
    sheet = realistic_construction()
    plain = score(sheet, data)
    narrowed = score(sheet.model_copy(update={"education": "high-school", "wage_floor": 55000}), data)
    assert [c.id for c in narrowed.clusters] == [c.id for c in plain.clusters]
    assert [s.id for s in narrowed.subclusters] == [s.id for s in plain.subclusters]
    shown = [o for s in narrowed.subclusters for o in s.occupations]
    assert shown and all(o.median_wage is None or o.median_wage >= 55000 for o in shown)
    assert not {o.entry_education for o in shown} & {"Bachelor's degree", "Master's degree",
                                                      "Doctoral or professional degree"}
    architecture = next(s for s in narrowed.subclusters if s.id == "architecture-civil-engineering")
    assert "Civil Engineers" not in {o.title for o in architecture.occupations}  # needs a bachelor's degree


def test_wage_floor_as_typed() -> None:
    assert parse_wage("$40,000") == 40000 and parse_wage(" ") is None
    with pytest.raises(CareerClustersError, match="number of dollars"):
        parse_wage("lots")


def test_without_the_data_only_the_checklist_counts() -> None:
    result = score_answers(realistic_construction())
    assert result.status == "ok" and result.data_imported is False and result.parts_scored == ["cluster"]
    assert result.clusters[0].id == "construction" and len(result.clusters) == 1
    assert all(not s.occupations for s in result.subclusters)
    assert "careerclusters data fetch" in result.notes[0]


def test_purpose_adds_its_grouping() -> None:
    result = score_answers({"answers": {"p-caring": 2}})
    assert [c.id for c in result.clusters] == ["education", "healthcare-human-services", "public-service-safety"]
    assert result.clusters[0].reasons[0].part == "purpose"
