"""The program-of-study file format: version 2 and its schema, the examples, YAML/JSON/CSV round trips, version 1
files read, upgraded and written back where they fit, and bad files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema_rs
import pytest
import yaml

from careerclusters.pos import CredentialKind, files, version1, workbook
from careerclusters.pos.examples import CATALOG, example_paths, examples
from careerclusters.pos.files import ProgramFileError
from careerclusters.pos.model import Choice, EarlyCollegeKind, Education, Stage, StepUnit, Subject, WorkKind
from tests.helpers import STATE_MATRIX, hostile_inputs, zip_bomb

#: The examples version 1 (and the CSV catalog layout) can hold: the five written before version 2 and the flawed one.
V1_EXAMPLES = [p for p in examples() if not version1.missing(p)]


def test_the_published_schema_is_the_one_the_model_generates() -> None:
    assert files.SCHEMA_FILE.read_text(encoding="utf-8") == files.json_schema_text(), (
        "regenerate src/careerclusters/pos/program-of-study.schema.json from the model")
    schema = json.loads(files.SCHEMA_FILE.read_text(encoding="utf-8"))
    assert "ceterms:ComponentCondition" in schema["$defs"]["CourseGroup"]["description"]
    assert "ceterms:WorkExperienceComponent" in schema["$defs"]["WorkExperience"]["description"]
    assert schema["properties"]["format"]["default"] == "careerclusters/program-of-study/2"


def test_every_example_is_labelled_and_valid_against_the_published_schemas() -> None:
    validator = jsonschema_rs.validator_for(json.loads(files.SCHEMA_FILE.read_text(encoding="utf-8")))
    old = jsonschema_rs.validator_for(json.loads(files.SCHEMA_V1_FILE.read_text(encoding="utf-8")))
    found = examples()
    assert {"example-registered-nursing", "example-welding", "example-software-development", "example-culinary-arts",
            "example-agricultural-mechanics", "example-electrical-apprenticeship", "example-teaching"} <= {
        p.id for p in found}
    for program in [*found, *files.read(STATE_MATRIX)]:
        assert program.example and "example" in program.title.lower()
        validator.validate(json.loads(files.to_json(program)))
    for path in example_paths():
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# EXAMPLE")
        written = yaml.safe_load(text)
        if written["format"] == version1.FORMAT:  # the files written before version 2 stay as they were
            old.validate(written)
        else:
            validator.validate(written)
    assert files.SCHEMA_FILE.is_relative_to(Path(files.__file__).parent)  # published with the package


def test_nursing_example_reads_with_its_codes_and_credentials() -> None:
    nursing = next(p for p in examples() if p.id == "example-registered-nursing")
    assert nursing.postsecondary_cip == ["51.3801"]
    assert nursing.levels[0].courses[0].sced == "14001"
    licence = next(c for c in nursing.credentials if c.name == "NCLEX-RN")
    assert licence.kind is CredentialKind.licence and nursing.level_of(licence.course).name == "Term 4"


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_every_format_round_trips_every_example(fmt: str) -> None:
    programs = examples() if fmt != "csv" else V1_EXAMPLES
    text = files.render(programs, fmt)
    assert files.parse(text, f"catalog.{fmt}") == programs


def test_the_state_matrix_is_all_in_the_format() -> None:
    """Every part of a state's matrix has a place of its own, none in free text."""
    [p] = files.read(STATE_MATRIX)
    stages = [(level.name, level.stage, level.step_unit) for level in p.levels]
    assert stages[:2] == [("Grade 7", Stage.middle, StepUnit.grade), ("Grade 8", Stage.middle, StepUnit.grade)]
    years = [level for level in p.levels if level.stage is Stage.postsecondary]
    assert [(y.name, y.step_unit, y.courses, y.note is not None) for y in years] == [
        (f"Grade {n}", StepUnit.year, [], True) for n in (13, 14, 15, 16)]
    math = p.level_named("Grade 12").groups[0]
    assert (math.name, math.choose, [c.title for c in math.courses]) == (
        "Pre-Calculus or Statistics", Choice.one_of, ["Pre-Calculus", "Probability and Statistics"])
    pe = p.level_named("Grade 9").groups[0]
    assert (pe.choose, pe.credits, pe.effective_subject(), pe.courses) == (
        Choice.credits, 1, Subject.physical_education, [])
    health = next(c for _, c in p.courses() if c.code == "HLTH-9")
    assert (health.credits, health.effective_subject(), health.role.value) == (0.5, Subject.health,
                                                                                "graduation-requirement")
    early = {c.code: c.early_college[0] for _, c in p.courses() if c.early_college}
    assert (early["APBIO-11"].kind, early["APBIO-11"].exam) == (EarlyCollegeKind.ap, "AP Biology")
    assert (early["NA-401"].kind, early["NA-401"].institution, early["NA-401"].course, early["NA-401"].credits) == (
        EarlyCollegeKind.dual_enrollment, "Example Technical Community College", "NUR 105 Nurse Assistant", 4)
    assert early["NA-201"].agreement == "Statewide health science articulation agreement"
    work = {w.kind for _, w in p.work()}
    assert {WorkKind.co_op, WorkKind.pre_apprenticeship, WorkKind.clinical, WorkKind.job_shadow} == work
    [hosa] = p.student_organizations
    assert hosa.known and hosa.display_name == "HOSA-Future Health Professionals"
    assert {o.education for o in p.occupations} >= {Education.high_school, Education.certificate,
                                                    Education.associate, Education.bachelors}
    assert [(c.name, c.level) for c in p.credentials if c.course is None][-1] == ("Bachelor of Science in Nursing",
                                                                                  "Grade 16")
    [district] = p.adopters
    assert (district.name, district.courses[0].course, district.courses[0].code) == (
        "Example School District", "NA-101", "7710")
    assert (p.owner.state, p.calendar) == ("DE", "semester")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_state_matrix_round_trips(fmt: str) -> None:
    programs = files.read(STATE_MATRIX)
    assert files.parse(files.render(programs, fmt), f"matrix.{fmt}") == programs


def test_csv_holds_only_what_version_1_can_and_says_what_else() -> None:
    [matrix] = files.read(STATE_MATRIX)
    with pytest.raises(version1.NotInVersion1) as caught:
        files.render([matrix], "csv")
    message = str(caught.value)
    assert message.startswith("fixture-nurse-assisting uses what the version 1 layout cannot hold (adopters, a "
                              "state, a calendar, student organizations")
    assert message.endswith("write it as YAML, JSON or a workbook (xlsx)")


def test_csv_to_yaml_and_back_keeps_everything(tmp_path: Path) -> None:
    catalog = files.to_csv(V1_EXAMPLES)
    programs = files.parse_csv(catalog, "catalog.csv")
    for program in programs:
        (tmp_path / f"{program.id}.yaml").write_text(files.to_yaml(program), encoding="utf-8")
    again = [files.read(tmp_path / f"{p.id}.yaml")[0] for p in programs]
    assert files.to_csv(again) == catalog


# -- version 1 -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in example_paths() if "program-of-study/1" in p.read_text("utf-8")],
                         ids=lambda p: p.name)
def test_every_version_1_example_upgrades_exactly(path: Path) -> None:
    written = version1.ProgramOfStudy.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    [program] = files.read(path)
    assert program.format == "careerclusters/program-of-study/2"
    assert program == version1.upgrade(written)
    assert version1.downgrade(program) == written  # nothing lost on the way
    assert files.parse(files.to_yaml(program), path.name) == [program]


def test_the_upgrade_maps_each_version_1_flag() -> None:
    nursing = next(p for p in examples() if p.id == "example-registered-nursing")
    grade_11, grade_12 = nursing.level_named("Grade 11"), nursing.level_named("Grade 12")
    assert [e.kind for e in grade_11.courses[0].early_college] == [EarlyCollegeKind.dual_enrollment]  # dual_credit
    assert [(w.kind, w.course) for w in grade_12.work_based_learning] == [  # work_based_learning
        (WorkKind.unspecified, "HS-401"), (WorkKind.unspecified, "HS-402")]
    assert grade_12.courses[1].role.value == "elective"  # elective
    old = yaml.safe_load(next(p for p in example_paths() if p.name == "welding.yaml").read_text("utf-8"))
    old["levels"][0].update(name="Grade 8", step=8)  # version 1 called middle school "secondary"
    [program] = files.parse(json.dumps(old), "welding.json")
    assert (program.levels[0].name, program.levels[0].stage) == ("Grade 8", Stage.middle)
    del old["format"]  # files written before version 2 could leave it out
    assert files.parse(json.dumps(old), "welding.json") == [program]


@pytest.mark.parametrize(("change", "message"), [
    ({"format": "careerclusters/program-of-study/9"}, "format 'careerclusters/program-of-study/9' is not one this "
                                                      "version reads"),
    ({"format": "careerclusters/program-of-study/1", "levels": [{"name": "Year 1", "stage": "secondary", "step": 1,
                                                                 "courses": [{"code": "A", "title": "A", "credits": 1,
                                                                              "kind": "cte"}]}]},
     "Year 1: secondary grades are 9–12, not 1"),
])
def test_a_version_it_cannot_read_is_one_line(change: dict, message: str) -> None:
    data = yaml.safe_load(next(p for p in example_paths() if p.name == "welding.yaml").read_text("utf-8")) | change
    with pytest.raises(ProgramFileError) as caught:
        files.parse(json.dumps(data), "w.json")
    assert "\n" not in str(caught.value) and message in str(caught.value)


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=files.COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_csv_codes_as_spreadsheets_write_them_are_restored() -> None:
    rows = files.to_csv_rows(V1_EXAMPLES[:1])
    assert rows[0]["sced_code"] == "18001"
    for row in rows:
        row["postsecondary_cip"] = "010205"
    rows[1]["sced_code"] = '="18401"'
    [program] = files.parse_csv(_csv(rows), "c.csv")
    assert program.postsecondary_cip == ["01.0205"]
    assert program.levels[1].courses[0].sced == "18401"


def _catalog_with(row: int, column: str, value: str) -> str:
    """The examples' catalog with one cell changed (a program's column given on its first row only)."""
    rows = files.to_csv_rows(V1_EXAMPLES)
    changed = rows[row - 2]
    if column in files.PROGRAM_COLUMNS:
        for other in rows[row - 1:]:
            if other["program_id"] == changed["program_id"]:
                other[column] = ""
    changed[column] = value
    return _csv(rows)


@pytest.mark.parametrize(("row", "column", "value", "problem"), [
    (5, "credits", "two", "valid number"),
    (2, "postsecondary_cip", "51.38", "not a CIP 2020 program code"),
    (9, "course_type", "elective", "'cte' or 'academic'"),
    (4, "dual_credit", "maybe", "not yes or no"),
    (3, "course_title", "", "is empty"),
    (6, "program_title", "Another title", "contradicts"),
])
def test_a_bad_csv_cell_is_one_line_naming_file_row_and_column(row: int, column: str, value: str,
                                                                problem: str) -> None:
    with pytest.raises(ProgramFileError) as caught:
        files.parse_csv(_catalog_with(row, column, value), "catalog.csv")
    message = str(caught.value)
    assert "\n" not in message and problem in message
    assert message.startswith(f"catalog.csv, row {row}, column {column!r}: ")


def test_a_bad_yaml_value_names_file_line_and_field(tmp_path: Path) -> None:
    source = next(p for p in example_paths() if p.name == "welding.yaml").read_text(encoding="utf-8")
    bad = source.replace("title: Welding, credits: 2", "title: Welding, credits: -2")
    path = tmp_path / "welding.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ProgramFileError) as caught:
        files.read(path)
    line = next(n for n, text in enumerate(bad.splitlines(), start=1) if "credits: -2" in text)
    assert str(caught.value) == (f"welding.yaml, line {line}, field levels[1].courses[1].credits: "
                                 "Input should be greater than or equal to 0")


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProgramFileError, match=r"^broken.yaml, line \d+: not valid YAML"):
        files.read(broken)
    with pytest.raises(ProgramFileError, match="no such file"):
        files.read(tmp_path / "missing.csv")
    with pytest.raises(ProgramFileError, match=r"^x.csv, row 1, column 'program_id': missing column"):
        files.parse_csv("title,credits\nA,1\n", "x.csv")


def test_the_example_state_catalog_reads_into_the_examples() -> None:
    by_id = {p.id: p for p in examples()}
    catalog = files.read(CATALOG)
    assert [p.id for p in catalog] == ["example-culinary-arts", "example-welding"]
    assert catalog == [by_id[p.id] for p in catalog]
    header, second = CATALOG.read_text(encoding="utf-8").splitlines()[:3:2]
    assert second.startswith("example-culinary-arts,,,")  # a program's columns on its first row only


def test_what_is_not_a_program_of_study_is_refused_in_one_line() -> None:
    welding = next(p for p in examples() if p.id == "example-welding")
    for what, name, data in hostile_inputs(files.to_json(welding).encode(), workbook.write(welding)):
        with pytest.raises(files.CareerClustersError) as caught:
            files.parse_bytes(data, name)
        message = str(caught.value)
        assert message.startswith(name) and "\n" not in message, (what, message)


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("deep.json", b"[" * 5000 + b"]" * 5000, "deep.json, line 1: nested more than 40 levels deep"),
    ("laughs.yaml", b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "laughs.yaml: uses YAML aliases"),
    ("picture.yaml", b"\x89PNG\r\n\x1a\n" + bytes(20), "picture.yaml: binary data, not a YAML, JSON or CSV file"),
    ("bomb.xlsx", None, "bomb.xlsx: unpacks to 60 MB, more than the 20 MB a workbook may hold here"),
    ("plan.xlsx", b"id: x\n", "plan.xlsx: not an Excel workbook (.xlsx)"),
    ("number.json", b"12", "number.json, line 1, field (document): not a program of study: a program is a mapping"),
    ("empty.yaml", b"", "empty.yaml: holds no program of study (it is empty)"),
])
def test_each_refusal_says_what_is_wrong(name: str, data: bytes | None, expected: str) -> None:
    with pytest.raises(files.CareerClustersError) as caught:
        files.parse_bytes(zip_bomb() if data is None else data, name)
    assert str(caught.value).startswith(expected)


def test_a_utf16_file_from_excel_reads() -> None:
    text = files.to_yaml(V1_EXAMPLES[0])
    assert files.parse_bytes(text.encode("utf-16"), "x.yaml") == [V1_EXAMPLES[0]]
