"""What the report is given and how it reads it: the programs table (levels, counts, codes, a workbook saved under
a .csv name), codes CIP 2020 does not have or that mean "no match", and names coded by the classifier; a row the
report cannot stand on is flagged with the reason, never judged, charted or counted in a gap."""

from __future__ import annotations

import io

import openpyxl
import pytest

from careerclusters.alignment import analysis as alignment
from careerclusters.alignment.programs import read_programs
from careerclusters.alignment.rules import load_rules
from careerclusters.base.errors import SourceError
from careerclusters.base.tables import workbook_text
from careerclusters.base.text import decode_text
from careerclusters.charts import areas as area_charts

RULES = load_rules()


def _read(content: str, level: str = "secondary") -> list:
    return read_programs(content, "programs.csv", RULES, level)


def test_levels_from_a_column_or_the_default() -> None:
    listed = _read("program,cip,level\nNursing,51.3801,AAS\nWelding,48.0508,\nEMT,51.0904,High School\n",
                   level="certificate")
    assert [(p.level, p.level_given) for p in listed] == [("associate", True), ("certificate", False),
                                                           ("secondary", True)]
    with pytest.raises(SourceError, match="row 2, column 'level': unknown level 'PhD'"):
        _read("program,level\nNursing,PhD\n")


def test_bad_program_tables_are_one_clear_error() -> None:
    with pytest.raises(SourceError, match="needs a 'program' or a 'cip' column"):
        _read("school,year\nA,2025\n")
    with pytest.raises(SourceError, match="row 2, column 'cip'"):
        _read("program,cip\nNursing,51.38\n")
    with pytest.raises(SourceError, match="row 2, column 'completers'"):
        _read("program,completers\nNursing,many\n")


def test_a_workbook_saved_as_csv_is_named_for_what_it_is() -> None:
    book = openpyxl.Workbook()
    book.active.append(["program", "cip"])
    book.active.append(["Welding", "48.0508"])
    raw = io.BytesIO()
    book.save(raw)
    as_text, _encoding = decode_text(raw.getvalue())  # what reading it as a CSV file gives
    with pytest.raises(SourceError, match="programs.csv: .*looks like an Excel workbook .* saved under a .csv name"):
        _read(as_text)
    assert [p.cip for p in _read(workbook_text(openpyxl.load_workbook(io.BytesIO(raw.getvalue())), "x").text)] == [
        "48.0508"]


def test_codes_cip_2020_does_not_have_are_flagged_not_judged(conn) -> None:
    report = alignment.alignment(conn, "Columbus, OH", _read(
        "program,cip\nNursing,51.3800\nMystery,99.9999\nVet tech (old code),51.0808\nWelding,48.0508\n"))
    nursing, mystery, vet, welding = report.programs
    assert nursing.verdict == "needs review" and nursing.occupations == []
    assert "51.3800 is not a CIP 2020 program code" in nursing.review_reason
    assert "51.3801 Registered Nursing/Registered Nurse" in nursing.review_reason
    assert mystery.verdict == "needs review" and "NO MATCH" in mystery.review_reason and mystery.occupations == []
    assert vet.cip == "01.8301" and not vet.needs_review and "moved to 01.8301" in vet.note
    assert welding.verdict in alignment.JUDGED
    assert [p.name for p in report.programs if p.verdict in alignment.JUDGED] == ["Vet tech (old code)", "Welding"]


def test_low_confidence_names_are_flagged_and_drive_nothing(conn, programs) -> None:
    report = alignment.alignment(conn, "Columbus, OH", _read("program\nHealth Technologies\nxqzv blorp\nHVAC\n"),
                                 classifier=programs)
    health, nonsense, hvac = report.programs
    assert health.needs_review and health.verdict == "needs review" and "low confidence" in health.review_reason
    assert health.alternatives  # the next candidates are offered
    assert nonsense.needs_review
    assert hvac.cip == "47.0201" and not hvac.needs_review and hvac.verdict in alignment.JUDGED
    flagged = {health.name, nonsense.name}
    assert not flagged & {g.subject for g in report.gaps}
    assert not flagged & {name for d in report.subclusters for name in d.programs}
    drawn = {row[0].text if hasattr(row[0], "text") else row[0]
             for row in area_charts.program_wages(report).table.rows}
    assert drawn == {"HVAC"}
    assert any(health.name in d.unconfirmed for d in report.subclusters)  # marked where it would have counted
