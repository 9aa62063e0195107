"""The alignment report on the real data, as a Columbus, Ohio career center's CTE director runs it: the verdicts
the issue found wrong, the numbers checked against the store, and what rules change."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.programs import read_programs
from careerclusters.alignment.rules import load_rules
from careerclusters.base.errors import CareerClustersError
from tests.helpers import ALIGNMENT_PROGRAMS, CAREER_CENTER_PROGRAMS


def _report(conn, content: str = CAREER_CENTER_PROGRAMS, area: str = "Columbus, OH", level: str = "secondary",
            **options) -> alignment.AlignmentReport:
    rules = options.pop("rules", None) or load_rules()
    return alignment.alignment(conn, area, read_programs(content, "programs.csv", rules, level), rules=rules,
                               **options)


def _program(report: alignment.AlignmentReport, name: str) -> alignment.ProgramResult:
    return next(p for p in report.programs if p.name == name)


def test_emt_is_judged_on_emts_and_paramedics_not_on_health_teachers(conn) -> None:
    emt = _program(_report(conn), "Emergency Medical Technician")
    kinds = {o.soc: o.kind for o in emt.occupations}
    assert kinds == {"29-2042": "entry", "29-2043": "entry", "25-1071": "with further study"}
    emts = next(o for o in emt.occupations if o.soc == "29-2042")
    assert emts.median_wage == 41520 and not emts.high_wage  # Columbus's line is $51,340
    assert emt.high_wage_share == 0 and emt.verdict not in {"high-wage and in demand", "high-wage"}
    assert emt.employment == sum(o.employment for o in emt.occupations if o.kind == "entry")  # teachers not counted
    assert "Health Specialties Teachers, Postsecondary (with further study)" in "; ".join(emt.reasons)


def test_construction_trades_is_judged_on_the_trades_with_supervisors_on_the_ladder(conn) -> None:
    trades = _program(_report(conn), "Construction Trades")
    supervisors = next(o for o in trades.occupations if o.soc == "47-1011")
    assert supervisors.kind == "with experience" and "supervisor" in supervisors.reason
    entry = {o.soc: o for o in trades.occupations if o.kind == "entry"}
    assert {"47-2031", "47-2111", "47-2152"} <= set(entry)  # carpenters, electricians, plumbers
    assert "46.0201 Carpentry/Carpenter" in entry["47-2031"].via
    assert trades.serves == ["skilled-trades"]
    assert trades.verdict == "high-wage and in demand"


def test_early_childhood_counts_childcare_not_elementary_teachers_for_a_secondary_program(conn) -> None:
    report = _report(conn)
    early = _program(report, "Early Childhood Education")
    kinds = {o.soc: o.kind for o in early.occupations}
    assert kinds["39-9011"] == "entry" and kinds["25-2021"] == "with further study"
    assert kinds["25-2011"] == "with further study"  # preschool teachers: an associate degree, two steps up
    childcare = next(o for o in early.occupations if o.soc == "39-9011")
    assert "the rules file" in childcare.via and "CDA" in childcare.via
    assert early.declining_share == 1.0  # teaching assistants and childcare workers are projected to decline
    bachelor = _program(_report(conn, level="bachelor"), "Early Childhood Education")
    assert {o.soc: o.kind for o in bachelor.occupations}["25-2021"] == "entry"
    assert "39-9011" not in {o.soc for o in bachelor.occupations}  # the rules add childcare for lower levels only


def test_no_postsecondary_teacher_is_an_entry_occupation_of_a_secondary_or_certificate_program(conn) -> None:
    report = _report(conn, "program,cip\n" + "".join(f"p{i},{cip}\n" for i, cip in enumerate(
        [row[0] for row in conn.execute("SELECT DISTINCT cip FROM cte_cip WHERE cip NOT LIKE '13.%' "
                                        "ORDER BY cip").fetchall()][::9])), area="OH", level="certificate")
    assert len(report.programs) > 150
    teachers = [(p.cip, o.soc) for p in report.programs for o in p.occupations
                if o.soc.startswith("25-1") and o.kind == "entry"]
    assert teachers == []


def test_cosmetology_openings_stand_on_its_jobs(conn) -> None:
    cosmetology = _program(_report(conn), "Cosmetology")
    assert cosmetology.openings_estimate / cosmetology.employment == pytest.approx(75.8 / 575.2, abs=0.005)


def test_welders_80_dollars_under_the_line_are_near_it(conn) -> None:
    report = _report(conn)
    welding = _program(report, "Welding")
    welders = next(o for o in welding.occupations if o.soc == "51-4121")
    assert report.high_wage_threshold - welders.median_wage == 80
    assert welders.near_line and not welders.high_wage
    assert welding.near_line and welding.verdict == "in demand"
    assert any(g.subject == "Welding" and "near the line" in g.detail for g in report.gaps)


def test_a_program_that_leads_only_to_further_study_is_not_judged(conn) -> None:
    media = _program(_report(conn), "Interactive Media")
    assert media.verdict == "no entry occupation" and media.high_wage_share is None
    assert {o.kind for o in media.occupations} == {"with further study"}
    assert _program(_report(conn, level="bachelor"), "Interactive Media").verdict in alignment.JUDGED


def test_enrolment_and_completers_per_program_and_subcluster(conn) -> None:
    report = _report(conn)
    personal_care = next(d for d in report.subclusters if d.id == "personal-care-services")
    assert personal_care.programs == ["Cosmetology"]
    assert personal_care.enrolment == 60 and personal_care.completers == 24


def test_subclusters_say_whose_jobs_set_the_median_and_how_totals_add_up(conn) -> None:
    report = _report(conn)
    design = next(d for d in report.subclusters if d.id == "design-digital-arts")
    assert design.job_shares[0].title == "Software Developers" and design.job_shares[0].share > 0.6
    assert design.median_wage == design.job_shares[0].median_wage  # the developers set it
    assert report.totals.subcluster_jobs > report.totals.area_jobs == 1105580
    assert report.totals.shared_occupations > 0
    assert any("more than the area's 1,105,580" in step for step in report.method)


def test_gaps_follow_the_levels_served_and_the_rules_exclusions(conn) -> None:
    secondary = {g.subject for g in _report(conn).gaps if g.kind == "no program"}
    bachelor = {g.subject for g in _report(conn, levels=["bachelor"]).gaps if g.kind == "no program"}
    assert "Military & National Security" not in secondary | bachelor
    assert "Software Solutions" in bachelor and "Software Solutions" not in secondary  # developers need a degree
    assert "Skilled Trades" not in secondary  # Construction Trades serves it
    rules = load_rules().model_copy(deep=True)
    rules.gaps.exclude_subclusters.append("public-safety")
    assert "Public Safety" in secondary
    assert "Public Safety" not in {g.subject for g in _report(conn, rules=rules).gaps}


def test_rules_change_the_verdict_not_the_numbers(conn, tmp_path: Path) -> None:
    strict = load_rules().model_copy(deep=True)
    strict.high_wage.multiple_of_area_median = 2.0
    college = {"area": "OH", "level": "associate"}  # BLS: registered nurses enter with a bachelor's, one step up
    nursing = _report(conn, ALIGNMENT_PROGRAMS, rules=strict, **college).programs[0]
    assert nursing.verdict == "in demand"  # nurses earn less than twice Ohio's median
    assert nursing.employment == _report(conn, ALIGNMENT_PROGRAMS, **college).programs[0].employment
    nurses = next(o for o in nursing.occupations if o.soc == "29-1141")
    assert nurses.kind == "entry" and nurses.employment == 143730 and nurses.median_wage == 82510  # Ohio, May 2025
    bad = tmp_path / "rules.yaml"
    bad.write_text("high_wage: {multiple_of_area_median: -1}\n")
    with pytest.raises(CareerClustersError, match="multiple_of_area_median"):
        load_rules(bad)


def test_method_sources_and_limits_are_in_the_report(conn) -> None:
    report = _report(conn)
    assert {s.release for s in report.sources} >= {"OEWS May 2025, all areas", "Employment Projections 2024–34"}
    assert any("one basis" in step and "self-employed" in step for step in report.method)
    assert any("wage-and-salary" in limit for limit in report.limits)
