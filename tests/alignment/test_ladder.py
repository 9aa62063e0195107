"""Where an occupation stands for a program's level (entry, with experience, with further study) and why, by the
rules file's steps: checked by hand, without a store."""

from __future__ import annotations

from careerclusters.alignment.ladder import place
from careerclusters.alignment.rules import load_rules

RULES = load_rules()


def _facts(education: str | None, experience: str | None = "None", zone: int | None = None) -> dict:
    return {"entry_education": education, "work_experience": experience, "job_zone": zone}


def test_one_step_of_further_education_is_entry_two_are_further_study() -> None:
    certificate = _facts("Postsecondary nondegree award")
    assert place("29-2042", "Emergency Medical Technicians", certificate, "secondary", RULES) == (
        "entry", "BLS: postsecondary nondegree award, one step past a secondary program")
    associate = _facts("Associate's degree")
    assert place("25-2011", "Preschool Teachers", associate, "secondary", RULES)[0] == "with further study"
    assert place("25-2011", "Preschool Teachers", associate, "certificate", RULES)[0] == "entry"
    assert place("47-2061", "Construction Laborers", _facts("No formal educational credential"), "bachelor",
                 RULES)[0] == "entry"  # below the program's level is within reach


def test_experience_managers_and_supervisors_are_the_ladder() -> None:
    assert place("47-1011", "First-Line Supervisors of Construction Trades and Extraction Workers",
                 _facts("High school diploma or equivalent", "5 years or more"), "secondary", RULES)[0] == \
        "with experience"
    assert place("11-9051", "Food Service Managers", _facts("High school diploma or equivalent", "Less than 5 years"),
                 "secondary", RULES) == ("with experience", "a manager: filled from experienced workers")
    assert place("35-1011", "Chefs and Head Cooks", _facts("High school diploma or equivalent", "5 years or more"),
                 "secondary", RULES) == ("with experience", "BLS: 5 years or more of related work experience")
    # "less than 5 years" is how BLS describes restaurant cooks and paramedics, hired from training: entry
    assert place("35-2014", "Cooks, Restaurant", _facts("No formal educational credential", "Less than 5 years"),
                 "secondary", RULES)[0] == "entry"


def test_postsecondary_teachers_need_further_study_at_every_level() -> None:
    for level in RULES.levels.programs:
        kind, reason = place("25-1194", "Career/Technical Education Teachers, Postsecondary",
                             _facts("Bachelor's degree", "Less than 5 years"), level, RULES)
        assert kind == "with further study" and "postsecondary teacher" in reason


def test_o_net_job_zone_where_bls_has_no_entry_education() -> None:
    kind, reason = place("25-9042", "Teaching Assistants", _facts(None, None, zone=3), "secondary", RULES)
    assert kind == "entry" and reason.startswith("O*NET job zone 3 (BLS publishes none)")
    assert place("99-9999", "Unknown", None, "secondary", RULES) == (
        "entry", "no typical entry education published: counted as entry")
