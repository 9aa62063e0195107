"""The planner's service: what a learner's plan through an example program of study earns, how it is laid out
in school years, which choices it keeps or leaves out (and says why), its file, and its settings file."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerclusters.base import languages as i18n
from careerclusters.base.errors import CareerClustersError
from careerclusters.pos import Credential, ProgramOfStudy
from careerclusters.pos.examples import examples
from careerclusters.pos.plan import (
    SETTINGS_FILE,
    Pace,
    Plan,
    PlanChoices,
    load_settings,
    make_plan,
    plan_file,
    read_plan_file,
)
from tests.helpers import state_matrix

PROGRAMS = {p.id: p for p in examples()}
NURSING = PROGRAMS["example-registered-nursing"]
CULINARY = PROGRAMS["example-culinary-arts"]



def plan(program: ProgramOfStudy = NURSING, **choices: object) -> Plan:
    return make_plan(program, PlanChoices(program=program.id, **choices), occupations=[])


def layout(result: Plan) -> list[tuple[str, list[str]]]:
    return [(year.label, [level.name for level in year.levels]) for year in result.years]


def test_the_whole_sequence_earns_every_credential() -> None:
    result = plan(first_year=2026)
    assert (result.start, result.finish) == ("Grade 9", "Term 4")
    assert [(e.name, e.level, e.year) for e in result.earned] == [
        ("Certified Nursing Assistant", "Grade 12", "2029–30"), ("Associate Degree in Nursing", "Term 4", "2031–32"),
        ("NCLEX-RN", "Term 4", "2031–32")]
    assert result.missed == [] and result.notes == []
    assert layout(result) == [("2026–27", ["Grade 9"]), ("2027–28", ["Grade 10"]), ("2028–29", ["Grade 11"]),
                              ("2029–30", ["Grade 12"]), ("2030–31", ["Term 1", "Term 2"]),
                              ("2031–32", ["Term 3", "Term 4"])]
    assert result.credits == 49  # every required course; the elective workplace experience is not chosen
    assert result.articulations == []  # the degree it would articulate to is the one this plan earns
    assert result.starts == ["Grade 9", "Term 1"] and result.finishes == ["Grade 12", "Term 4"]


def test_leaving_after_high_school_earns_the_nurse_aide_licence_only() -> None:
    result = plan(finish="Grade 12")
    assert [e.name for e in result.earned] == ["Certified Nursing Assistant"]
    assert [(m.name, m.reason) for m in result.missed] == [
        ("Associate Degree in Nursing", "It is earned in Term 4, after you leave at Grade 12."),
        ("NCLEX-RN", "It is earned in Term 4, after you leave at Grade 12.")]
    assert result.continue_at == "Term 1"
    assert [a.program for a in result.articulations] == ["Associate Degree in Nursing"]


def test_starting_at_college_part_time() -> None:
    result = plan(start="Term 1", pace=Pace.part_time)
    assert layout(result) == [("Year 1", ["Term 1"]), ("Year 2", ["Term 2"]), ("Year 3", ["Term 3"]),
                              ("Year 4", ["Term 4"])]
    assert [(m.name, m.reason) for m in result.missed] == [
        ("Certified Nursing Assistant", "It is earned in Grade 12, before you start at Term 1.")]
    assert result.continue_at is None


def test_a_skipped_grade_is_a_year_and_college_follows_high_school() -> None:
    result = plan(CULINARY, first_year=2027)
    assert layout(result) == [("2027–28", ["Grade 10"]), ("2028–29", ["Grade 11"]), ("2029–30", ["Grade 12"]),
                              ("2030–31", ["Term 1", "Term 2"]), ("2031–32", ["Term 3"])]


def test_electives_and_courses_done() -> None:
    with_workplace = Credential(name="Health Sciences Workplace Badge", issuer="Example State", kind="certificate",
                                course="HS-402")
    program = NURSING.model_copy(update={"credentials": [*NURSING.credentials, with_workplace]})
    without = plan(program, done=["HS-101", "ENG-9"])
    assert without.missed[-1].reason == "It needs HS-402, an elective you have not chosen."
    assert without.done_credits == 2 and without.choices.take == []
    chosen = plan(program, done=["HS-402"])  # a course done was taken, elective or not
    assert chosen.choices.take == ["HS-402"]
    assert chosen.earned[-1].name == "Health Sciences Workplace Badge" and chosen.earned[-1].done
    grade_12 = chosen.years[3].levels[0]
    assert [(c.code, c.taken, c.done, c.earns) for c in grade_12.courses] == [
        ("HS-401", True, False, ["Certified Nursing Assistant"]),
        ("HS-402", True, True, ["Health Sciences Workplace Badge"])]
    assert chosen.credits == 50


def test_choices_that_do_not_fit_are_left_out_and_said() -> None:
    result = plan(start="Grade 11", finish="Term 2", take=["HS-101", "HS-402", "HS-402"], done=["NUR-999", "HS-101"])
    assert (result.start, result.finish) == ("Grade 9", "Term 4")
    assert result.notes == [
        "Grade 11 is not a place to start this program; the plan starts at Grade 9.",
        "Term 2 is not a place to leave this program after Grade 9; the plan ends at Term 4.",
        "HS-101 is not an elective in the levels of your plan; it was left out.",
        "NUR-999 is not a course in the levels of your plan; it was left out."]
    assert result.choices.take == ["HS-402"] and result.choices.done == ["HS-101"]
    late = plan(start="Term 1", finish="Grade 12", done=["HS-101"])
    assert late.finish == "Term 4" and late.finishes == ["Term 4"]
    assert late.notes[-1] == "HS-101 is not a course in the levels of your plan; it was left out."


def test_a_plan_is_for_one_program() -> None:
    with pytest.raises(CareerClustersError, match="for the program of study 'example-welding'"):
        make_plan(NURSING, PlanChoices(program="example-welding"), occupations=[])


def test_the_plan_in_spanish() -> None:
    with i18n.language("es"):
        result = plan(start="Term 1", take=["HS-402"])
    assert result.years[0].label == "Año 1"
    assert result.missed[0].reason == "Se obtiene en Grade 12, antes de que empieces en Term 1."
    assert result.notes == ["HS-402 no es una optativa de los niveles de tu plan; se dejó fuera."]


def test_the_plan_file_round_trip() -> None:
    result = plan(finish="Grade 12", first_year=2026, take=["HS-402"], done=["HS-101"])
    text = plan_file(result)
    assert '"program_title": "Registered Nursing (example)"' in text
    again = read_plan_file(text.encode(), "plan.json")
    assert again == result.choices
    assert plan(**again.model_dump(exclude={"program", "format"})).earned == result.earned


@pytest.mark.parametrize(("data", "message"), [
    (b"\xff\xfe", "plan.json: not a plan file (not UTF-8 text)"),
    (b"{}", "plan.json: not a plan file (program: Field required)"),
    (b'{"program": "example-welding", "done": "WLD-100"}', "plan.json: not a plan file (done: Input should be a valid "
                                                           "array)"),
    (b'{"program": "x", "format": "other/1"}', "plan.json: not a plan file (format: String should match pattern"),
    (b"not json", "plan.json: not a plan file (the file: Invalid JSON"),
    (b" " * 100_001, "plan.json: larger than 100 kB"),
])
def test_a_file_that_is_not_a_plan(data: bytes, message: str) -> None:
    with pytest.raises(CareerClustersError) as info:
        read_plan_file(data, "plan.json")
    assert str(info.value).startswith(message)


def test_a_colleges_own_calendar(tmp_path: Path) -> None:
    quarters = tmp_path / "planner.yaml"
    quarters.write_text(SETTINGS_FILE.read_text(encoding="utf-8").replace("semester: {full-time: 2",
                                                                          "semester: {full-time: 3"),
                        encoding="utf-8")
    result = make_plan(NURSING, PlanChoices(program=NURSING.id, start="Term 1"), occupations=[],
                       settings=load_settings(quarters))
    assert layout(result) == [("Year 1", ["Term 1", "Term 2", "Term 3"]), ("Year 2", ["Term 4"])]
    on_quarters = NURSING.model_copy(update={"calendar": "quarter"})
    assert layout(make_plan(on_quarters, PlanChoices(program=NURSING.id, start="Term 1", pace="part-time"),
                            occupations=[])) == [("Year 1", ["Term 1", "Term 2"]), ("Year 2", ["Term 3", "Term 4"])]
    quarters.write_text("terms_per_year: {semester: {full-time: 2, part-time: 1}, quarter: {full-time: 3}}\n",
                        encoding="utf-8")
    with pytest.raises(CareerClustersError, match="terms_per_year needs, for quarter, a positive number for "
                                                  "full-time and part-time"):
        load_settings(quarters)


# -- version 2: middle school, years, groups as choices, work-based learning, organizations ---------------------

def test_middle_school_and_postsecondary_years_are_school_years() -> None:
    result = plan(state_matrix(), first_year=2026)
    assert layout(result) == [(f"{2026 + n}–{(27 + n) % 100:02d}", [f"Grade {7 + n}"]) for n in range(10)]
    assert [(level.stage.value, level.unit.value) for year in result.years[:1] + result.years[6:7]
            for level in year.levels] == [("middle", "grade"), ("postsecondary", "year")]
    assert [(e.name, e.level, e.year) for e in result.earned][-1] == ("Bachelor of Science in Nursing", "Grade 16",
                                                                      "2035–36")
    grade_13 = result.years[6].levels[0]
    assert grade_13.courses == [] and grade_13.note.startswith("Continue courses in the area of specialization")


def test_a_group_is_a_choice_the_learner_makes() -> None:
    open_choice = plan(state_matrix(), start="Grade 9", finish="Grade 12")
    math = open_choice.years[3].levels[0].groups[0]
    assert (math.name, math.met, [c.taken for c in math.courses]) == ("Pre-Calculus or Statistics", False,
                                                                        [False, False])
    assert open_choice.notes == ["In Grade 12, choose one of Pre-Calculus or Statistics."]
    chosen = plan(state_matrix(), start="Grade 9", finish="Grade 12", take=["STAT-12"])
    math = chosen.years[3].levels[0].groups[0]
    assert math.met and [c.taken for c in math.courses] == [False, True] and chosen.notes == []
    assert chosen.credits == open_choice.credits + 1
    pe = chosen.years[0].levels[0].groups[0]
    assert (pe.choose.value, pe.credits, pe.met, pe.courses) == ("credits", 1, True, [])
    assert chosen.electives == ["CHEM-10", "APBIO-11", "PCAL-12", "STAT-12"]
    with i18n.language("es"):
        assert plan(state_matrix(), start="Grade 9", finish="Grade 12").notes == [
            "En Grade 12, elige una de estas opciones: Pre-Calculus or Statistics."]


def test_work_based_learning_and_the_student_organization_are_in_the_plan() -> None:
    result = plan(state_matrix(), start="Grade 9", finish="Grade 12")
    grade_12 = result.years[3].levels[0]
    assert [w.kind.value for w in grade_12.work_based_learning] == ["clinical", "co-op", "pre-apprenticeship"]
    assert grade_12.organizations == ["HOSA-Future Health Professionals"]
    assert result.organizations == ["HOSA-Future Health Professionals"]
    na_401 = grade_12.courses[0]
    assert (na_401.dual_credit, na_401.work_based_learning, na_401.early_college[0].institution) == (
        True, True, "Example Technical Community College")


def test_an_apprenticeship_is_a_year_at_a_time() -> None:
    electrical = PROGRAMS["example-electrical-apprenticeship"]
    result = plan(electrical, start="Apprenticeship year 1", first_year=2030)
    assert layout(result) == [("2030–31", ["Apprenticeship year 1"]), ("2031–32", ["Apprenticeship year 2"]),
                              ("2032–33", ["Apprenticeship year 3"]), ("2033–34", ["Apprenticeship year 4"]),
                              ("2034–35", ["Journeyworker"])]
    assert [e.name for e in result.earned] == ["Certificate of Completion of Registered Apprenticeship (Electrician)",
                                               "Journeyworker Electrician Licence"]
