"""The program-of-study checker: one failing and one passing case per rule, on the real imported data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careerclusters.base.errors import CareerClustersError
from careerclusters.pos import ProgramOfStudy
from careerclusters.pos.checker import RULES_FILE, Checker, area_wages, cte_counted, load_rules
from careerclusters.pos.examples import examples
from careerclusters.store import connect
from tests.helpers import state_matrix


@pytest.fixture(scope="module")
def checker(imported_db: Path) -> Checker:
    conn = connect(imported_db, readonly=True)
    yield Checker(conn)
    conn.close()


def _example(program_id: str) -> ProgramOfStudy:
    return next(p for p in examples() if p.id == program_id)


def variant(change: Callable[[dict[str, Any]], None], base: str = "example-registered-nursing") -> ProgramOfStudy:
    """A copy of an example with one change made to its data."""
    data = _example(base).model_dump(mode="json")
    change(data)
    return ProgramOfStudy.model_validate(data)


def messages(checker: Checker, program: ProgramOfStudy, rule: str) -> list[str]:
    return [f.message for f in checker.check(program).findings if f.rule == rule]


def test_the_nursing_example_is_clean_and_leads_to_registered_nurses(checker: Checker) -> None:
    report = checker.check(_example("example-registered-nursing"))
    assert report.findings == []
    nurses = next(o for o in report.occupations if o.soc == "29-1141")
    assert (nurses.title, nurses.median_wage, nurses.derived) == ("Registered Nurses", 97550.0, True)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    return change


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("known_codes", _set(("postsecondary_cip",), ["51.3801", "99.9999"]), "CIP 99.9999 is not in CIP 2020."),
    ("known_codes", _set(("levels", 0, "courses", 0, "sced"), "14990"),
     "Exploration of Health Care Occupations (HS-101): 14990 is not a SCED v12 course code."),
    ("known_codes", _set(("subclusters",), ["physical-health", "nursing"]),
     "'nursing' is not a sub-cluster of the modern framework."),
    ("known_codes", _set(("occupations",), [{"soc": "29-1999"}, {"soc": "29-9999"}]),
     "29-9999 is not a SOC 2018 occupation in the imported data."),
    ("cip_in_subcluster", _set(("postsecondary_cip",), ["48.0508"]),
     "CIP 48.0508 (Welding Technology/Welder) is not in this program's sub-cluster; the crosswalk places it in: "
     "Skilled Trades."),
    ("cte_minimum", lambda d: [course.update(kind="academic", level=None) for level in d["levels"][1:4]
                               for course in level["courses"]],
     "Only 1 high-school CTE course(s); the rules ask for at least 2."),
    ("cte_minimum", lambda d: [course.update(credits=2) for level in d["levels"][4:] for course in level["courses"]],
     "Only 8 postsecondary CTE credits; the rules ask for at least 12."),
    ("levels_in_order", _set(("levels", 1, "step"), 9), "Grade 10 (step 9) comes after Grade 9 (step 9)."),
    ("progresses_in_specificity", _set(("levels", 0, "courses", 0, "level"), "capstone"),
     "No introductory CTE course: the sequence does not start from the whole cluster."),
    ("non_duplicative", _set(("levels", 1, "courses", 0, "code"), "HS-101"),
     "Medical Terminology (HS-101) is listed twice: in Grade 9 and Grade 10."),
    ("secondary_postsecondary_link", lambda d: d.update(levels=d["levels"][:4], articulations=[],
                                                        postsecondary_cip=[], credentials=d["credentials"][:1]),
     "No postsecondary or apprenticeship level, postsecondary CIP code or articulation: nothing links it to college "
     "or training."),
    ("credential", lambda d: d.update(credentials=[]),
     "No credential: a program of study culminates in a recognized postsecondary credential."),
    ("entry_exit_points", lambda d: [level.update(exit_point=False) for level in d["levels"]],
     "0 exit point(s) with a credential before the end; the rules ask for at least 1."),
    ("wage_floor", _set(("occupations",), [{"soc": "29-1141"}, {"soc": "39-5011"}]),
     "Barbers (39-5011): national median wage $38,210 is below the floor of $40,000."),
    ("not_declining", _set(("occupations",), [{"soc": "15-1251"}]),
     "Computer Programmers (15-1251): employment is projected to change -6.0% in ten years."),
    ("course_cluster_evidence", _set(("levels", 1, "courses", 0, "sced"), "16053"),
     "Medical Terminology (HS-201) is in SCED area 16 (Hospitality and Tourism), which serves another cluster."),
]


@pytest.mark.parametrize(("rule", "change", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_finds_its_problem(checker: Checker, rule: str, change: Callable[[dict[str, Any]], None],
                                     expected: str) -> None:
    program = variant(change)
    assert expected in messages(checker, program, rule)
    severity = getattr(checker.rules, rule).severity
    assert {f.severity for f in checker.check(program).findings if f.rule == rule} == {severity}


@pytest.mark.parametrize("rule", sorted({c[0] for c in CASES}))
def test_each_rule_passes_the_clean_examples(checker: Checker, rule: str) -> None:
    for program_id in ("example-registered-nursing", "example-welding", "example-agricultural-mechanics"):
        assert messages(checker, _example(program_id), rule) == []


def test_the_flawed_example_is_caught_on_every_element(checker: Checker) -> None:
    report = checker.check(_example("example-flawed"))
    assert {f.rule for f in report.findings} == {
        "known_codes", "cte_minimum", "levels_in_order", "secondary_postsecondary_link", "credential",
        "cip_in_subcluster", "progresses_in_specificity", "non_duplicative", "entry_exit_points", "wage_floor",
        "not_declining"}
    assert ("CIP 12.0402 (Barbering/Barber) is not in this program's sub-cluster; the crosswalk places it in: "
            "Personal Care Services.") in [f.message for f in report.findings]
    assert [f.severity for f in report.findings][0] == "error"


def test_a_state_sets_its_own_rules(imported_db: Path, tmp_path: Path) -> None:
    own = tmp_path / "ohio.yaml"
    own.write_text(RULES_FILE.read_text(encoding="utf-8").replace("min_median_annual_wage: 40000",
                                                                  "min_median_annual_wage: 100000")
                   .replace("require_articulation_or_dual_credit: true", "require_articulation_or_dual_credit: false"),
                   encoding="utf-8")
    conn = connect(imported_db, readonly=True)
    strict = Checker(conn, load_rules(own))
    assert ("Registered Nurses (29-1141): national median wage $97,550 is below the floor of $100,000."
            in messages(strict, _example("example-registered-nursing"), "wage_floor"))
    no_link = variant(lambda d: d.update(articulations=[]), "example-welding")
    no_link.levels[1].courses[1].early_college = []
    assert messages(strict, no_link, "secondary_postsecondary_link") == []
    assert messages(Checker(conn), no_link, "secondary_postsecondary_link") == [
        "Neither an articulation agreement nor a dual or concurrent credit course links the two levels."]
    conn.close()


def test_a_bad_rules_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(RULES_FILE.read_text(encoding="utf-8").replace("severity: warning", "severity: loud", 1),
                   encoding="utf-8")
    with pytest.raises(CareerClustersError, match=r"rules.yaml: cip_in_subcluster.severity: Input should be"):
        load_rules(bad)


def test_a_rule_without_its_data_says_so(tmp_path: Path) -> None:
    conn = connect(tmp_path / "empty.sqlite")
    report = Checker(conn).check(_example("example-registered-nursing"))
    floor = [f.message for f in report.findings if f.rule == "wage_floor"]
    assert "Not checked: wages (BLS OEWS, national) not loaded yet." in floor
    conn.close()


# -- counting the way states count, and pay where the program is -------------------------------------------

def _matrix_variant(change: Callable[[dict[str, Any]], None]) -> ProgramOfStudy:
    data = state_matrix().model_dump(mode="json")
    change(data)
    return ProgramOfStudy.model_validate(data)


def test_middle_school_courses_never_count_toward_the_high_school_minimum(imported_db: Path, tmp_path: Path) -> None:
    own = tmp_path / "rules.yaml"
    own.write_text(RULES_FILE.read_text(encoding="utf-8").replace("min_secondary_courses: 2",
                                                                  "min_secondary_courses: 3"), encoding="utf-8")
    conn = connect(imported_db, readonly=True)
    strict = Checker(conn, load_rules(own))

    def padded(data: dict[str, Any]) -> None:  # one high-school CTE course left, two in middle school
        for level in data["levels"][3:6]:
            level["courses"] = [c for c in level["courses"] if c["kind"] != "cte"]
        data["credentials"] = [c for c in data["credentials"] if c.get("level")]
        data["adopters"] = []
        for level in data["levels"]:
            level["work_based_learning"] = [w for w in level["work_based_learning"] if not w.get("course")]

    assert messages(strict, _matrix_variant(padded), "cte_minimum")[0] == (
        "Only 1 high-school CTE course(s); the rules ask for at least 3 (2 middle-school CTE courses do not count "
        "toward it).")
    assert messages(strict, state_matrix(), "cte_minimum") == [
        "The postsecondary levels list no courses (Grade 13, Grade 14, Grade 15, Grade 16), so the 12-credit minimum "
        "is not checked: the college's program says what they hold."]
    conn.close()


def test_a_group_counts_once_and_electives_not_at_all(checker: Checker) -> None:
    def grouped(data: dict[str, Any]) -> None:  # Medical Terminology or Health Science: two courses become one choice
        courses = [data["levels"][1]["courses"].pop(0), data["levels"][2]["courses"].pop(1)]
        data["levels"][1]["groups"] = [{"id": "cte", "choose": "one-of", "courses": courses}]

    counted = variant(grouped)
    assert messages(checker, counted, "cte_minimum") == []
    assert cte_counted(counted, counted.levels[0].stage) == (3, 4.0)  # HS-101, HS-401 and the group once
    nursing = _example("example-registered-nursing")
    assert cte_counted(nursing, nursing.levels[0].stage) == (4, 5.0)  # HS-402, an elective, is not counted


def test_pay_is_the_programs_states_and_says_so(checker: Checker, imported_db: Path) -> None:
    report = checker.check(state_matrix())
    assert (report.wage_area, report.wage_area_code) == ("Delaware", "1000000")
    aides = next(o for o in report.occupations if o.soc == "31-1131")
    assert (aides.title, aides.median_wage, aides.wage_area, aides.education.value) == (
        "Nursing Assistants", 42030.0, "Delaware", "high-school")
    conn = connect(imported_db, readonly=True)
    rules = load_rules()
    rules.wage_floor.min_median_annual_wage = 45000
    assert ("Nursing Assistants (31-1131): median wage in Delaware $42,030 is below the floor of $45,000."
            in messages(Checker(conn, rules), state_matrix(), "wage_floor"))
    rules.wage_floor.use_state_wages = False
    assert ("Nursing Assistants (31-1131): national median wage $42,260 is below the floor of $45,000."
            in messages(Checker(conn, rules), state_matrix(), "wage_floor"))
    columbus = area_wages(conn, "0018140")
    asked = Checker(conn).check(state_matrix(), columbus)
    assert asked.wage_area == "Columbus, OH" and next(o for o in asked.occupations if o.soc == "29-1141").median_wage \
        == columbus.wages["29-1141"][0]
    conn.close()
    elsewhere = state_matrix().model_copy(deep=True)
    elsewhere.owner.state = "ZZ"
    assert "Wages for ZZ are not used (no OEWS area 'ZZ' is imported); the occupations show national medians." in [
        f.message for f in checker.check(elsewhere).findings if f.severity == "info"]


def test_a_combined_group_is_labelled_as_the_groups(checker: Checker) -> None:
    report = checker.check(state_matrix())
    aides = next(o for o in report.occupations if o.soc == "31-1121")
    assert (aides.wage_soc, aides.projection_soc, aides.group_title, aides.median_wage, aides.change_pct) == (
        "31-1120", "31-1120", "Home Health and Personal Care Aides", 34320.0, 17.0)
    assert messages(checker, state_matrix(), "combined_occupation_groups") == [
        "Home Health Aides (31-1121): BLS publishes its pay and projection only for the combined group 31-1120 (Home "
        "Health and Personal Care Aides); the figures shown are the group's."]
    assert ("Home Health Aides (31-1121): median wage in Delaware $34,320 (of the combined group 31-1120) is below "
            "the floor of $40,000.") in messages(checker, state_matrix(), "wage_floor")


def test_a_course_whose_sced_code_says_otherwise_is_a_warning(checker: Checker) -> None:
    def swapped(data: dict[str, Any]) -> None:
        data["levels"][0]["courses"][0]["sced"] = "01001"  # HS-101, CTE, given English I's code
        data["levels"][0]["courses"][2]["sced"] = "14001"  # BIO-1, academic, given a health science code

    found = checker.check(variant(swapped)).findings
    assert [(f.severity, f.message) for f in found if f.rule == "course_kind_matches_sced"] == [
        ("warning", "Exploration of Health Care Occupations (HS-101) is marked CTE, but SCED 01001 (English/Language "
                    "Arts I (9th grade)) is in the academic subject area 01 (English Language and Literature)."),
        ("warning", "Biology (BIO-1) is marked academic, but SCED 14001 (Exploration of Health Care Occupations) is in "
                    "the career and technical subject area 14 (Health Care Sciences).")]


def test_stages_in_order_and_the_end_before_work(checker: Checker) -> None:
    def middle_last(data: dict[str, Any]) -> None:
        data["levels"].append(data["levels"].pop(0))

    assert "Grade 7 (middle) comes after Grade 16 (postsecondary)." in messages(
        checker, _matrix_variant(middle_last), "levels_in_order")
    electrical = _example("example-electrical-apprenticeship")
    assert electrical.levels[-1].stage.value == "workforce"
    assert checker.check(electrical).findings == []  # its credentials end the apprenticeship, before work


def test_the_new_examples_check_as_written(checker: Checker) -> None:
    teaching = checker.check(_example("example-teaching"))
    assert {f.rule for f in teaching.findings} == {"wage_floor", "not_declining", "combined_occupation_groups"}
    assert all(f.severity != "error" for f in teaching.findings)
