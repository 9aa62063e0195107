"""The interest survey: its instrument in both languages, every interface string translated, scoring with
and without the official data, the answer code, the API's and the command line's handling of bad answers."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.cli import app as cli_app
from careerclusters.framework import load_framework
from careerclusters.server.app import create_app
from careerclusters.store import connect
from careerclusters.survey import RIASEC, Part, SurveyDataError, instrument, languages, load_instrument, missing_words
from careerclusters.survey.codec import decode, encode
from careerclusters.survey.data import SurveyData
from careerclusters.survey.scoring import Education, Language, SurveyAnswers, parse_wage, score, score_answers

ROOT = Path(__file__).resolve().parents[2]


def realistic_construction(lang: str = "en") -> SurveyAnswers:
    """Likes every Realistic activity, dislikes every other one, ticks every Construction item."""
    inst = load_instrument(lang)
    answers = {i.id: 2 if i.key == "R" else 0 for i in inst.part(Part.INTEREST)}
    answers |= {i.id: 2 for i in inst.part(Part.CLUSTER) if i.cluster_id == "construction"}
    return SurveyAnswers(answers=answers, lang=lang)


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
    (items / "es.yaml").write_text(text.replace("  ag-water: Criar peces", "  ag-wat: Criar peces")
                                   .replace("  robotics: Robótica\n", ""), "utf-8")
    monkeypatch.setattr(instrument, "ITEMS_DIR", items)
    assert missing_words("es") == ["item 'ag-water' has no text", "item 'ag-wat' is not in instrument.yaml",
                                   "framework node 'robotics' has no name"]
    assert missing_words("en") == []


def _extracted() -> set[str]:
    """Every string the code and templates mark for translation, as `scripts/i18n` extracts them."""
    method_map = [("careerclusters/**.py", "python"), ("careerclusters/web/templates/**.html", "jinja2")]
    options = {"careerclusters/web/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    return {message for _file, _line, message, _comments, _context in
            extract_from_dir(str(ROOT / "src"), method_map, options_map=options,
                             keywords={"_": None, "gettext": None, "ngettext": (1, 2)})
            if isinstance(message, str)}


def test_every_interface_string_has_a_translation() -> None:
    extracted = _extracted()
    assert "Find your cluster" in extracted and "You chose %(chosen)d of the %(total)d %(name)s items." in extracted
    for lang in i18n.languages()[1:]:
        with i18n.catalogue_path(lang).open("rb") as po:
            catalog = read_po(po, locale=lang)
        translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        assert sorted(extracted - translated) == [], f"{lang}: untranslated (run scripts/i18n and translate)"
        assert sorted({m.id for m in catalog if m.id} - extracted) == [], f"{lang}: strings no longer used"
    assert i18n.translator("es").gettext("Find your cluster") == "Encuentra tu cluster"


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


def test_without_the_data_the_pages_and_api_say_what_is_missing(tmp_path: Path) -> None:
    empty = TestClient(create_app(tmp_path / "none.sqlite", warm=False))
    result = empty.post("/api/v1/survey/score", json=realistic_construction().model_dump()).json()
    assert result["data_imported"] is False and result["clusters"][0]["id"] == "construction"
    page = empty.get("/survey/result", params={"a": result["code"], "lang": "es"})
    assert page.status_code == 200 and "Construcción" in page.text and "careerclusters data fetch" in page.text


def test_purpose_adds_its_grouping() -> None:
    result = score_answers({"answers": {"p-caring": 2}})
    assert [c.id for c in result.clusters] == ["education", "healthcare-human-services", "public-service-safety"]
    assert result.clusters[0].reasons[0].part == "purpose"


# -- the API and the command line ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(imported_db: Path) -> TestClient:
    return TestClient(create_app(imported_db, warm=False))


def test_api_items_and_score(client: TestClient) -> None:
    items = client.get("/api/v1/survey/items", params={"lang": "es"}).json()
    assert items["lang"] == "es" and len(items["items"]) == 153
    first = items["items"][0]
    assert first == {"id": "r1", "text": "Hacer una repisa o una casita para pájaros con madera", "part": "interest",
                     "key": "R", "kind": None, "cluster_id": None}
    body = realistic_construction().model_dump()
    result = client.post("/api/v1/survey/score", json=body).json()
    assert result["clusters"][0]["id"] == "construction" and result["subclusters"][0]["occupations"]


@pytest.mark.parametrize(("body", "where", "message"), [
    ({"answers": {"r1": 2, "zz9": 1}}, "body.answers", "unknown item id 'zz9'"),
    ({"answers": {"r1": 3}}, "body.answers.r1", "less than or equal to 2"),
    ({"answers": {"r1": 2}, "lang": "fr"}, "body.lang", "'en' or 'es'"),
    ({"answers": {}, "education": "phd"}, "body.education", "'high-school'"),
])
def test_api_bad_answers_are_422_naming_the_item(client: TestClient, body: dict, where: str, message: str) -> None:
    response = client.post("/api/v1/survey/score", json=body)
    assert response.status_code == 422
    [problem] = response.json()["error"]["problems"]
    assert problem["where"] == where and message in problem["message"]
    assert client.get("/api/v1/survey/items", params={"lang": "de"}).status_code == 422


def test_cli_items_and_score(imported_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli_app, ["survey", "items", "--lang", "es", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["text"].startswith("Hacer una repisa")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(realistic_construction().answers))
    scored = runner.invoke(cli_app, ["--db", str(imported_db), "survey", "score", "--answers", str(answers),
                                     "--lang", "es", "--json"])
    assert scored.exit_code == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert result["lang"] == "es" and result["clusters"][0]["name"] == "Construcción"
    text = runner.invoke(cli_app, ["--db", str(imported_db), "survey", "score", "--answers", str(answers)])
    assert "Sheet Metal Workers" in text.stdout and "You chose 6 of the 6 Construction items." in text.stdout


@pytest.mark.parametrize(("content", "expected"), [
    ('{"r1": 2, "nope": 1}', "answers: Value error, unknown item id 'nope'"),
    ('{"answers": {"r1": 7}}', "answers.r1: Input should be less than or equal to 2"),
    ("{not json", "not JSON"),
])
def test_cli_bad_answers_exit_2_with_one_line(tmp_path: Path, content: str, expected: str) -> None:
    answers = tmp_path / "bad.json"
    answers.write_text(content)
    result = CliRunner().invoke(cli_app, ["--db", str(tmp_path / "none.sqlite"), "survey", "score", "--answers",
                                          str(answers)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and expected in result.stderr and result.stderr.count("\n") == 1


def test_cli_interactive_survey_resumes_from_its_file(tmp_path: Path) -> None:
    progress = tmp_path / "progress.json"
    inst = load_instrument("en")
    interests = inst.part(Part.INTEREST)
    first = "\n".join("2" if i.key == "R" else "0" for i in interests[:10]) + "\n"
    stopped = CliRunner().invoke(cli_app, ["--db", str(tmp_path / "none.sqlite"), "survey", "--resume",
                                           str(progress)], input=first)
    assert stopped.exit_code != 0  # ran out of input part-way, as a person closing the terminal would
    saved = json.loads(progress.read_text())
    assert len(saved["asked"]) == 10 and saved["answers"]["r1"] == 2 and saved["answers"]["i1"] == 0
    rest = "\n".join("2" if i.key == "R" else "0" for i in interests[10:]) + "\n"
    rest += "\n1 2 3 4 5 6\n" + "\n" * 12 + "\n0\n\n"  # all six Construction items, nothing else; no plans
    finished = CliRunner().invoke(cli_app, ["--db", str(tmp_path / "none.sqlite"), "survey", "--resume",
                                            str(progress)], input=rest)
    assert finished.exit_code == 0, finished.stdout
    assert "1. Construction" in finished.stdout and "You chose 6 of the 6 Construction items." in finished.stdout
    assert len(json.loads(progress.read_text())["asked"]) == 153
