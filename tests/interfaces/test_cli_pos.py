"""Programs of study through the command line, with a real store: imported, validated (with a state's own rules),
listed, shown, exported, and SCED courses looked up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerclusters.cli import app
from careerclusters.pos import files, workbook
from careerclusters.pos.examples import CATALOG, FLAWED, example_paths, examples
from tests.helpers import STATE_MATRIX, copy_store, hostile_inputs

runner = CliRunner()
WELDING = next(p for p in example_paths() if p.name == "welding.yaml")


@pytest.fixture(scope="module")
def db(imported_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the imported store with the examples imported through the command line."""
    copy = copy_store(imported_db, tmp_path_factory.mktemp("pos") / "store.sqlite")
    result = runner.invoke(app, ["--db", str(copy), "pos", "import", *map(str, example_paths()), "--json"])
    assert result.exit_code == 0, result.output
    assert {r["status"] for r in json.loads(result.stdout)} == {"imported"}
    return copy


def run(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), "pos", *args])


def test_validate_exit_codes(db: Path, tmp_path: Path) -> None:
    clean = run(db, "validate", str(WELDING))
    assert clean.exit_code == 0 and "ok example-welding" in clean.stdout
    flawed = run(db, "validate", str(FLAWED), "--json")
    assert flawed.exit_code == 1
    [report] = json.loads(flawed.stdout)
    assert "Grade 10 (step 10) comes after Grade 11 (step 11)." in [f["message"] for f in report["findings"]]
    bad = tmp_path / "bad.csv"
    bad.write_text(CATALOG.read_text(encoding="utf-8").replace(",Food Service,2,cte,", ",Food Service,2,shop,"),
                   encoding="utf-8")
    unreadable = run(db, "validate", str(bad))
    assert unreadable.exit_code == 2
    assert unreadable.stderr.strip() == ("error: bad.csv, row 3, column 'course_type': levels[1].courses[0].kind: "
                                         "Input should be 'cte' or 'academic'")


def test_validate_with_a_states_own_rules(db: Path, tmp_path: Path) -> None:
    from careerclusters.pos.checker import RULES_FILE

    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES_FILE.read_text(encoding="utf-8").replace("min_median_annual_wage: 40000",
                                                                    "min_median_annual_wage: 60000"), encoding="utf-8")
    strict = run(db, "validate", str(WELDING), "--rules", str(rules), "--json")
    assert strict.exit_code == 1
    assert json.loads(strict.stdout)[0]["findings"][0]["message"] == (
        "Welders, Cutters, Solderers, and Brazers (51-4121): national median wage $53,750 is below the floor of "
        "$60,000.")


def test_list_show_and_export(db: Path, tmp_path: Path) -> None:
    listed = json.loads(run(db, "list", "--subcluster", "skilled-trades", "--json").stdout)
    assert [p["id"] for p in listed] == ["example-electrical-apprenticeship", "example-welding"]
    shown = run(db, "show", "example-registered-nursing", "--json")
    detail = json.loads(shown.stdout)
    assert detail["report"]["findings"] == []
    assert {"soc": "29-1141", "title": "Registered Nurses", "median_wage": 97550.0, "change_pct": 4.9,
            "derived": True, "entry_education": "Bachelor's degree", "education": None, "wage_marker": None,
            "wage_area": "national", "wage_soc": None, "projection_soc": None,
            "group_title": None} in detail["report"]["occupations"]
    text = run(db, "show", "example-welding").stdout
    assert all(part in text for part in ("13207", "earns AWS", "$53,750", "Grade 12", "(exit)", "term 1"))
    out = tmp_path / "welding.csv"
    assert run(db, "export", "example-welding", "--format", "csv", "-o", str(out)).exit_code == 0
    assert files.read(out) == [next(p for p in examples() if p.id == "example-welding")]
    assert files.parse(run(db, "export", "example-welding", "--format", "json").stdout, "w.json") == files.read(out)
    missing = run(db, "show", "example-nothing")
    assert missing.exit_code == 2 and "no program of study 'example-nothing' is imported" in missing.stderr


def test_course_lookup_command(db: Path) -> None:
    one = run(db, "course", "14051")
    assert "14051 Nursing — area 14 Health Care Sciences (career and technical)" in one.stdout
    found = json.loads(run(db, "course", "welding", "--json").stdout)
    assert [c["code"] for c in found] == ["13207", "13208"]


def test_the_list_never_cuts_the_ids_pos_show_takes(db: Path) -> None:
    """However narrow the terminal, every id is printed whole (the other columns wrap)."""
    narrow = runner.invoke(app, ["--db", str(db), "pos", "list"], env={"COLUMNS": "60"})
    assert narrow.exit_code == 0, narrow.output
    for program in examples():
        assert f"│ {program.id} " in narrow.stdout, program.id
    assert "…" not in narrow.stdout


def test_upgrade_writes_version_2(tmp_path: Path) -> None:
    copy = tmp_path / "welding.yaml"
    copy.write_text(WELDING.read_text(encoding="utf-8"), encoding="utf-8")
    printed = runner.invoke(app, ["pos", "upgrade", str(copy)])
    assert printed.exit_code == 0 and "format: careerclusters/program-of-study/2" in printed.stdout
    assert copy.read_text(encoding="utf-8") == WELDING.read_text(encoding="utf-8")  # printed, not rewritten
    in_place = runner.invoke(app, ["pos", "upgrade", "--in-place", str(copy)])
    assert in_place.exit_code == 0 and "now in format version 2" in in_place.stderr
    rewritten = copy.read_text(encoding="utf-8")
    assert rewritten.startswith("# EXAMPLE written for the careerclusters project")  # its opening comment kept
    assert "careerclusters/program-of-study/2" in rewritten and files.read(copy) == files.read(WELDING)
    out = tmp_path / "upgraded"
    assert runner.invoke(app, ["pos", "upgrade", str(CATALOG), "-o", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["example-culinary-arts.yaml", "example-welding.yaml"]
    assert files.read(out / "example-welding.yaml") == files.read(WELDING)
    refused = runner.invoke(app, ["pos", "upgrade", "--in-place", str(CATALOG)])
    assert refused.exit_code == 2 and refused.stderr.startswith(
        "error: example-state-catalog.csv: a CSV catalog or a workbook is not rewritten in place")


def test_the_workbook_out_and_back_in(db: Path, tmp_path: Path) -> None:
    assert run(db, "import", str(STATE_MATRIX)).exit_code == 0
    out = tmp_path / "matrix.xlsx"
    written = run(db, "export", "fixture-nurse-assisting", "--format", "xlsx", "-o", str(out))
    assert written.exit_code == 0 and workbook.parse_workbook(out.read_bytes(), "m.xlsx") == files.read(STATE_MATRIX)
    again = json.loads(run(db, "import", str(out), "--json").stdout)
    assert [(r["id"], r["status"]) for r in again] == [("fixture-nurse-assisting", "unchanged")]  # lossless
    checked = json.loads(run(db, "validate", str(out), "--area", "Columbus, OH", "--json").stdout)
    assert checked[0]["wage_area"] == "Columbus, OH"
    assert any("median wage in Columbus, OH" in f["message"] for f in checked[0]["findings"])
    unwritten = run(db, "export", "fixture-nurse-assisting", "--format", "xlsx")
    assert unwritten.exit_code == 2 and "an XLSX workbook is written to a file: add -o FILE.xlsx" in unwritten.stderr
    nowhere = run(db, "validate", str(out), "--area", "Atlantis")
    assert nowhere.exit_code == 2 and nowhere.stderr.startswith("error: no area 'Atlantis'")


def test_files_that_are_not_programs_of_study_are_one_error_line(db: Path, tmp_path: Path) -> None:
    welding = next(p for p in examples() if p.id == "example-welding")
    for what, name, data in hostile_inputs(files.to_json(welding).encode(), workbook.write(welding)):
        path = tmp_path / name
        path.write_bytes(data)
        for command in ("validate", "import"):
            result = run(db, command, str(path))
            lines = result.stderr.strip().splitlines()
            assert result.exit_code == 2 and len(lines) == 1 and lines[0].startswith(f"error: {name}"), (what, command,
                                                                                                       result.stderr)
