"""The program-of-study file format: examples, YAML/JSON/CSV round trips, the published schema, bad files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema_rs
import pytest

from careerclusters.pos import CredentialKind, files
from careerclusters.pos.examples import example_paths, examples
from careerclusters.pos.files import ProgramFileError


def test_the_published_schema_is_the_one_the_model_generates() -> None:
    assert files.SCHEMA_FILE.read_text(encoding="utf-8") == files.json_schema_text(), (
        "regenerate src/careerclusters/pos/program-of-study.schema.json from the model")


def test_every_example_is_labelled_and_valid_against_the_published_schema() -> None:
    validator = jsonschema_rs.validator_for(json.loads(files.SCHEMA_FILE.read_text(encoding="utf-8")))
    found = examples()
    assert {"example-registered-nursing", "example-welding", "example-software-development",
            "example-culinary-arts", "example-agricultural-mechanics"} <= {p.id for p in found}
    for program in found:
        assert program.example and "example" in program.title.lower()
        validator.validate(json.loads(files.to_json(program)))
    for path in example_paths():
        assert path.read_text(encoding="utf-8").startswith("# EXAMPLE")


def test_nursing_example_reads_with_its_codes_and_credentials() -> None:
    nursing = next(p for p in examples() if p.id == "example-registered-nursing")
    assert nursing.postsecondary_cip == ["51.3801"]
    assert nursing.levels[0].courses[0].sced == "14001"
    licence = next(c for c in nursing.credentials if c.name == "NCLEX-RN")
    assert licence.kind is CredentialKind.licence and nursing.level_of(licence.course).name == "Term 4"


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_every_format_round_trips_every_example(fmt: str) -> None:
    programs = examples()
    text = files.render(programs, fmt)
    assert files.parse(text, f"catalog.{fmt}") == programs


def test_csv_to_yaml_and_back_keeps_everything(tmp_path: Path) -> None:
    catalog = files.to_csv(examples())
    programs = files.parse_csv(catalog, "catalog.csv")
    for program in programs:
        (tmp_path / f"{program.id}.yaml").write_text(files.to_yaml(program), encoding="utf-8")
    again = [files.read(tmp_path / f"{p.id}.yaml")[0] for p in programs]
    assert files.to_csv(again) == catalog


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=files.COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_csv_codes_as_spreadsheets_write_them_are_restored() -> None:
    rows = files.to_csv_rows(examples()[:1])
    assert rows[0]["sced_code"] == "18001"
    for row in rows:
        row["postsecondary_cip"] = "010205"
    rows[1]["sced_code"] = '="18401"'
    [program] = files.parse_csv(_csv(rows), "c.csv")
    assert program.postsecondary_cip == ["01.0205"]
    assert program.levels[1].courses[0].sced == "18401"


def _catalog_with(row: int, column: str, value: str) -> str:
    """The examples' catalog with one cell changed (a program's column given on its first row only)."""
    rows = files.to_csv_rows(examples())
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
    from careerclusters.pos.examples import CATALOG

    by_id = {p.id: p for p in examples()}
    catalog = files.read(CATALOG)
    assert [p.id for p in catalog] == ["example-culinary-arts", "example-welding"]
    assert catalog == [by_id[p.id] for p in catalog]
    header, second = CATALOG.read_text(encoding="utf-8").splitlines()[:3:2]
    assert second.startswith("example-culinary-arts,,,")  # a program's columns on its first row only


def test_yaml_aliases_are_refused_so_a_small_file_cannot_expand_without_end() -> None:
    with pytest.raises(ProgramFileError, match=r"^bomb.yaml: uses YAML aliases"):
        files.parse("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "bomb.yaml")
