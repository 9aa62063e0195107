"""The program-of-study checker: one failing and one passing case per rule, on the real imported data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careerclusters.base.errors import CareerClustersError
from careerclusters.pos import ProgramOfStudy
from careerclusters.pos.checker import RULES_FILE, Checker, load_rules
from careerclusters.pos.examples import examples
from careerclusters.store import connect


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
    assert "Not checked: bls-oews is not imported." in [f.message for f in report.findings if f.rule == "wage_floor"]
    conn.close()
