"""The interest survey: its instrument in both languages, the answer code, and scoring with and without the
official data."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from careerclusters.base import languages as i18n
from careerclusters.framework import load_framework
from careerclusters.store import connect
from careerclusters.survey import RIASEC, Part, SurveyDataError, instrument, languages, load_instrument, missing_words
from careerclusters.survey.codec import decode, encode
from careerclusters.survey.data import SurveyData
from careerclusters.survey.scoring import (
    Education,
    Language,
    SurveyAnswers,
    WageError,
    parse_wage,
    score,
    score_answers,
)
from tests.helpers import dislikes_all_but, eighth_grader, realistic_construction


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
    assert [t.score for t in result.profile] == [100, -100, -100, -100, -100, -100] and result.top_types == ["R"]
    assert [(t.liked, t.disliked, t.items) for t in result.profile[:2]] == [(8, 0, 8), (0, 8, 8)]
    assert result.profile[0].about.startswith("Doers: people who like to work with their hands")
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
    assert wages.get("47-2111") == 63190  # Electricians, OEWS May 2025 national median


def test_spanish_results_explain_in_spanish(data: SurveyData) -> None:
    result = score(realistic_construction("es"), data)
    assert result.clusters[0].name == "Construcción"
    assert result.clusters[0].reasons[0].text == "Escogiste 6 de las 6 opciones de Construcción."
    assert result.profile[0].name == "Realista"


def test_all_not_sure_cannot_tell(data: SurveyData) -> None:
    inst = load_instrument("en")
    result = score(SurveyAnswers(answers=dict.fromkeys(inst.code_order, 1)), data)
    assert result.status == "cannot_tell" and result.clusters == [] and result.subclusters == []
    assert "not sure" in result.message and {t.score for t in result.profile} == {0}  # neutral, not half-liked


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


@pytest.mark.parametrize(("typed", "lang", "floor"), [
    ("$40,000", "en", 40000), ("40000", "en", 40000), ("40k", "en", 40000), ("40K", "en", 40000),
    ("40 mil", "es", 40000), ("40.000", "es", 40000), ("$40,5k", "es", 40500), ("40.5k", "en", 40500),
    ("45 thousand dollars", "en", 45000), ("$52,000.00", "en", 52000), ("40 mil dólares", "es", 40000),
    (" ", "en", None),
])
def test_wage_floor_as_people_type_it(typed: str, lang: str, floor: float | None) -> None:
    assert parse_wage(typed, lang) == floor


@pytest.mark.parametrize(("typed", "lang", "message"), [
    ("lots", "en", "Type the pay as a number of dollars a year, such as 40000 or 40k (not “lots”)."),
    ("mucho", "es", "Escribe el sueldo como un número de dólares al año, por ejemplo 40000 o 40 mil (no “mucho”)."),
    ("40", "en", "40 is too little for a year’s pay. Did you mean $40,000?"),
    ("2,000,000", "en", "Type a yearly pay between $0 and $1,000,000."),
])
def test_a_wage_floor_the_form_cannot_read_says_why_in_the_language(typed: str, lang: str, message: str) -> None:
    with pytest.raises(WageError) as raised:
        parse_wage(typed, lang)
    assert str(raised.value).startswith(message)


def test_nothing_liked_or_everything_liked_cannot_tell(data: SurveyData) -> None:
    inst = load_instrument("en")
    disliked = score(SurveyAnswers(answers=dict.fromkeys(inst.code_order, 0)), data)
    assert disliked.status == "cannot_tell" and "nothing you like yet" in disliked.message
    liked = score(SurveyAnswers(answers={i.id: 2 for i in inst.part(Part.INTEREST)}), data)
    assert liked.status == "cannot_tell" and "You liked everything you answered" in liked.message


@pytest.mark.parametrize("interests", [False, True], ids=["checklist", "every-activity-disliked-too"])
def test_disliking_most_items_but_liking_one_subclusters_ranks_its_cluster(data: SurveyData, interests: bool) -> None:
    """Scores are ranked, not kept above zero: for every sub-cluster, someone who likes only its checklist item and
    dislikes every other one (and, in the second case, every interest activity) gets its cluster in the top 3 and
    the sub-cluster among the five."""
    for sub in load_framework().subclusters():
        result = score(dislikes_all_but(sub.id, interests=interests), data)
        assert result.status == "ok", sub.id
        assert sub.parent_id in [c.id for c in result.clusters[:3]], sub.id
        assert sub.id in [s.id for s in result.subclusters], sub.id


def test_the_animals_case_every_liked_item_is_accounted_for(data: SurveyData) -> None:
    """The 8th grader ticked "Raise and care for animals": Agriculture is not among her top clusters, so the result
    says where the item fits, its place and why it ranks lower, and names jobs there that people are hired into."""
    result = score(eighth_grader(), data)
    assert "agriculture" not in [c.id for c in result.clusters]
    [animals] = [e for e in result.elsewhere if e.id == "animal-systems"]
    assert animals.level == "subcluster" and animals.cluster_name == "Agriculture"
    assert [i.id for i in animals.items] == ["ag-animals"]
    assert animals.text.startswith(f"It is part of Agriculture, number {animals.rank} of the ")
    assert "It ranks lower because its jobs fit the activities you like less well than the ones above." in animals.text
    assert animals.rank > 5 and len(animals.occupations) == 3
    assert animals.occupations[0].title == "Veterinary Assistants and Laboratory Animal Caretakers"
    assert all((o.openings_k or 0) >= 0.5 for o in animals.occupations)
    shown = {c.id for c in result.clusters} | {s.id for s in result.subclusters} | {e.id for e in result.elsewhere}
    liked = [i for i in load_instrument("en").part(Part.CLUSTER) if eighth_grader().answers.get(i.id) == 2]
    assert all(i.cluster_id in shown or i.subcluster_id in shown for i in liked)
    spanish = score(eighth_grader("es"), data)
    assert next(e for e in spanish.elsewhere if e.id == "animal-systems").text.startswith("Es parte de Agricultura")


def test_reasons_count_only_a_nodes_own_items_and_name_general_items_as_the_clusters(data: SurveyData) -> None:
    result = score(eighth_grader(), data)
    fine, performing = (next(s for s in result.subclusters if s.id == key) for key in ("fine-arts", "performing-arts"))
    assert [r.text for r in fine.reasons[:2]] == [
        "You picked “Make paintings, drawings or sculptures for people to see”.",
        "For Arts, Entertainment, & Design as a whole, you chose 2 of its 2 general items: school subjects and what "
        "you are like."]
    assert [i.id for i in fine.reasons[1].items] == ["ar-subject", "ar-trait"]
    # she ticked no Performing Arts item: its reasons never say she chose 2 of its 3
    assert not any("Performing Arts items" in r.text for r in performing.reasons)
    assert performing.reasons[0].text.startswith("For Arts, Entertainment, & Design as a whole")
    arts = next(c for c in result.clusters if c.id == "arts-entertainment-design")
    assert arts.reasons[0].text == "You chose 3 of the 8 Arts, Entertainment, & Design items."


def test_examples_are_typical_jobs_with_openings(data: SurveyData) -> None:
    """Healthcare is not explained by makeup artists, and no sub-cluster is led by a job almost nobody is hired
    into (Timing Device Assemblers, 0 openings a year; Dredge Operators, 100)."""
    artist = score(eighth_grader(), data)
    health = next(c for c in artist.clusters if c.id == "healthcare-human-services")
    interest = next(r for r in health.reasons if r.part == "interest")
    assert "Makeup Artists" not in interest.text and "such as Occupational Therapy Assistants" in interest.text
    inst = load_instrument("en")
    machines = {i.id: 0 for i in inst.items if i.part is not Part.PURPOSE} | {"r2": 2, "r6": 2, "am-machinery": 2,
                                                                              "st-repair": 2}
    result = score(SurveyAnswers(answers=machines), data)
    assert [c.id for c in result.clusters[:2]] == ["advanced-manufacturing", "supply-chain-transportation"]
    for match in result.subclusters:
        assert (match.occupations[0].openings_k or 0) >= 0.5, match.id
        assert match.occupations[0].title not in {"Dredge Operators", "Timing Device Assemblers and Adjusters"}
    machinery = next(s for s in result.subclusters if s.id == "industrial-machinery")
    assert "Dredge Operators" not in [o.title for o in machinery.occupations]


def test_without_the_data_only_the_checklist_counts() -> None:
    result = score_answers(realistic_construction())
    assert result.status == "ok" and result.data_imported is False and result.parts_scored == ["cluster"]
    assert result.clusters[0].id == "construction" and len(result.clusters) == 1
    assert all(not s.occupations for s in result.subclusters)
    assert "need official data that is not loaded yet" in result.notes[0]


def test_purpose_adds_its_grouping() -> None:
    result = score_answers({"answers": {"p-caring": 2}})
    assert [c.id for c in result.clusters] == ["education", "healthcare-human-services", "public-service-safety"]
    assert result.clusters[0].reasons[0].part == "purpose"
