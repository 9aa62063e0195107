"""The program alignment report: its numbers checked against the store, the rules file, name-only programs
coded by the classifier, and each output format (the PDF is in the browser tests, which have Chromium)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.files import programs_csv, workbook
from careerclusters.base.errors import CareerClustersError
from careerclusters.sources import SourceError
from tests.helpers import ALIGNMENT_PROGRAMS


def _report(conn, content: str = ALIGNMENT_PROGRAMS, rules: alignment.Rules | None = None) -> alignment.AlignmentReport:
    return alignment.alignment(conn, "OH", alignment.read_programs(content, "programs.csv"), rules=rules)


def test_numbers_match_the_store(conn) -> None:
    report = _report(conn)
    nursing = report.programs[0]
    assert nursing.cip_title == "Registered Nursing/Registered Nurse" and nursing.coded_by == "given"
    nurses = next(o for o in nursing.occupations if o.soc == "29-1141")
    assert nurses.employment == 143730 and nurses.median_wage == 82510  # Ohio, OEWS May 2025
    area_median = conn.execute("SELECT a_median FROM oews_area_wage WHERE area_code = '3900000' AND soc = '00-0000'"
                               ).fetchone()[0]
    assert report.area_median_wage == area_median and nurses.high_wage
    assert nursing.verdict == "high-wage and in demand" and nursing.completers == 40
    cosmetology = report.programs[1]
    assert cosmetology.verdict == "in demand" and cosmetology.high_wage_share == 0
    assert any(g.kind == "low wage" and g.subject == "Cosmetology" for g in report.gaps)
    physical_health = next(d for d in report.subclusters if d.id == "physical-health")
    assert physical_health.programs == ["Nursing (RN)"] and physical_health.completers == 40
    assert {s.release for s in report.sources} >= {"OEWS May 2025, all areas", "Employment Projections 2024–34"}


def test_a_gap_is_a_high_wage_in_demand_subcluster_without_a_program(conn) -> None:
    report = _report(conn)
    gaps = {g.subject for g in report.gaps if g.kind == "no program"}
    served = {d.name for d in report.subclusters if d.programs}
    assert gaps and not gaps & served
    entrepreneurship = next(d for d in report.subclusters if d.name == "Entrepreneurship & Small Business")
    assert entrepreneurship.high_wage and entrepreneurship.in_demand and "Entrepreneurship & Small Business" in gaps


def test_rules_change_the_verdict_not_the_numbers(conn, tmp_path: Path) -> None:
    strict = alignment.load_rules().model_copy(deep=True)
    strict.high_wage.multiple_of_area_median = 2.0
    report = _report(conn, rules=strict)
    assert report.programs[0].verdict == "in demand"  # nurses earn less than twice Ohio's median
    assert report.programs[0].employment == _report(conn).programs[0].employment
    bad = tmp_path / "rules.yaml"
    bad.write_text("high_wage: {multiple_of_area_median: -1}\n")
    with pytest.raises(CareerClustersError, match="multiple_of_area_median"):
        alignment.load_rules(bad)


def test_programs_by_name_are_coded_and_low_confidence_flagged(conn, imported_db: Path) -> None:
    from careerclusters.classifier import load_classifier

    classifier = load_classifier(conn, "program", imported_db)
    listed = alignment.read_programs("program\nRegistered Nursing\nxqzv blorp\n", "names.csv")
    report = alignment.alignment(conn, "OH", listed, classifier=classifier)
    nursing, nonsense = report.programs
    assert nursing.coded_by == "classifier" and nursing.cip == "51.3801" and not nursing.needs_review
    assert nonsense.needs_review


def test_bad_program_files(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="needs a 'program' or a 'cip' column"):
        alignment.read_programs("school,year\nA,2025\n", "x.csv")
    with pytest.raises(SourceError, match="row 2, column 'cip'"):
        alignment.read_programs("program,cip\nNursing,51.38\n", "x.csv")
    with pytest.raises(SourceError, match="row 2, column 'completers'"):
        alignment.read_programs("program,completers\nNursing,many\n", "x.csv")


def test_csv_and_workbook(conn) -> None:
    report = _report(conn, ALIGNMENT_PROGRAMS + '"=HYPERLINK(""http://x"")",51.0801,,\n')
    rows = list(csv.DictReader(io.StringIO(programs_csv(report))))
    assert rows[0]["program"] == "Nursing (RN)" and rows[0]["verdict"] == "high-wage and in demand"
    assert rows[-1]["program"].startswith("'=")  # a formula typed as a name comes back inert
    assert programs_csv(report, safe=False).count('"=HYPERLINK') == 1
    book = openpyxl.load_workbook(io.BytesIO(workbook(report)))
    assert book.sheetnames == ["Programs", "Occupations", "Sub-clusters", "Gaps", "Sources"]
    occupations = book["Occupations"]
    header = [c.value for c in occupations[1]]
    nurses = next(r for r in occupations.iter_rows(min_row=2, values_only=True) if r[2] == "29-1141")
    assert nurses[header.index("employment")] == 143730  # a number, not text
