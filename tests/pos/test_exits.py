"""Where a plan leads from the exit point the learner chose (``pos.exits``): the jobs open with what they hold
there, the program's other jobs "with more study", and the settings that say what each exit and credential meets."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerclusters.base.errors import CareerClustersError
from careerclusters.pos.checker import TargetOccupation
from careerclusters.pos.examples import examples
from careerclusters.pos.model import Stage
from careerclusters.pos.plan import SETTINGS_FILE, PlanChoices, load_settings, make_plan

PROGRAMS = {p.id: p for p in examples()}
NURSING = PROGRAMS["example-registered-nursing"]
CULINARY = PROGRAMS["example-culinary-arts"]


def job(soc: str, title: str, education: str | None) -> TargetOccupation:
    return TargetOccupation(soc=soc, title=title, median_wage=None, change_pct=None, derived=True,
                            entry_education=education)


RN = job("29-1141", "Registered Nurses", "Bachelor's degree")
INSTRUCTORS = job("25-1072", "Nursing Instructors and Teachers, Postsecondary", "Doctoral or professional degree")
AIDES = job("31-1131", "Nursing Assistants", "Postsecondary nondegree award")
NURSING_JOBS = {"occupations": [INSTRUCTORS, RN], "stage_occupations": {Stage.secondary: [AIDES],
                                                                        Stage.postsecondary: [INSTRUCTORS, RN]}}


def test_leaving_nursing_after_grade_12_leads_to_nurse_aide_jobs_not_registered_nurse() -> None:
    """The counselor's case: a student who leaves after grade 12 with the nurse-aide license is not shown
    Registered Nurses as where the plan leads; they are "with more study"."""
    plan = make_plan(NURSING, PlanChoices(program=NURSING.id, finish="Grade 12"), **NURSING_JOBS)
    assert plan.jobs.holds == "Postsecondary nondegree award"  # the license, on BLS's ladder
    assert [o.title for o in plan.jobs.open_now] == ["Nursing Assistants"]
    assert [o.title for o in plan.jobs.with_more_study] == ["Nursing Instructors and Teachers, Postsecondary",
                                                            "Registered Nurses"]
    assert [o.title for o in plan.occupations] == ["Nursing Instructors and Teachers, Postsecondary",
                                                   "Registered Nurses"]  # the whole program's, as before


def test_finishing_the_whole_program_leads_to_all_its_jobs() -> None:
    """BLS puts Registered Nurses at a bachelor's degree, yet the associate degree and the license lead there: at
    the program's end every job it was written for is open."""
    plan = make_plan(NURSING, PlanChoices(program=NURSING.id), **NURSING_JOBS)
    assert plan.jobs.holds is None and plan.jobs.open_now == [INSTRUCTORS, RN] and plan.jobs.with_more_study == []


def test_an_exit_without_a_credential_opens_only_what_a_diploma_opens() -> None:
    """Leaving culinary arts after grade 12 having skipped nothing: the ServSafe certification (an industry
    certification) is earned in grade 11, so cooks and food-prep jobs that need a certificate are open; a job
    needing a two-year degree is not."""
    cooks = job("35-2014", "Cooks, Restaurant", "No formal educational credential")
    chefs = job("35-1011", "Chefs and Head Cooks", "High school diploma or equivalent")
    managers = job("11-9051", "Food Service Managers", "Associate's degree")
    plan = make_plan(CULINARY, PlanChoices(program=CULINARY.id, finish="Grade 12"), occupations=[chefs, managers],
                     stage_occupations={Stage.secondary: [cooks]})
    assert plan.jobs.holds == "Postsecondary nondegree award"
    assert [o.title for o in plan.jobs.open_now] == ["Cooks, Restaurant", "Chefs and Head Cooks"]
    assert [o.title for o in plan.jobs.with_more_study] == ["Food Service Managers"]


def test_a_job_without_a_known_entry_education_is_never_promised_early() -> None:
    unknown = job("29-9099", "Healthcare Practitioners, All Other", None)
    plan = make_plan(NURSING, PlanChoices(program=NURSING.id, finish="Grade 12"), occupations=[unknown],
                     stage_occupations={})
    assert plan.jobs.open_now == [] and plan.jobs.with_more_study == [unknown]


def test_exit_settings_must_use_bls_levels(tmp_path: Path) -> None:
    settings = tmp_path / "planner.yaml"
    settings.write_text(SETTINGS_FILE.read_text("utf-8").replace("licence: Postsecondary nondegree award",
                                                                 "licence: A license"), "utf-8")
    with pytest.raises(CareerClustersError, match="'A license' is not one of BLS's levels"):
        load_settings(settings)
    calendar_only = tmp_path / "calendar.yaml"
    calendar_only.write_text("terms_per_year: {semester: {full-time: 3, part-time: 1}, quarter: {full-time: 3, "
                             "part-time: 2}, trimester: {full-time: 3, part-time: 2}}\n", "utf-8")
    assert load_settings(calendar_only).exit_education == load_settings().exit_education  # the package's rules
