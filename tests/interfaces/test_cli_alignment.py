"""``careerclusters report alignment``: the program alignment report from the command line, with a real store."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from careerclusters.cli import app
from tests.helpers import ALIGNMENT_PROGRAMS


def _run(db: Path, *args: str):  # noqa: ANN202 - click's Result
    return CliRunner().invoke(app, ["--db", str(db), "report", "alignment", *args])


def test_report_command(imported_db: Path, tmp_path: Path) -> None:
    programs = tmp_path / "programs.csv"
    programs.write_bytes(ALIGNMENT_PROGRAMS.replace("Nursing (RN)", "Enfermería").encode("cp1252"))  # Excel on Windows
    out = tmp_path / "report.html"
    result = _run(imported_db, "--programs", str(programs), "--area", "Columbus, OH", "--level", "associate",
                  "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Enfermería" in html and "Columbus, OH" in html and "Gaps" in html and "$83,900" in html
    assert "associate (default)" in html and "levels served: associate" in html
    bad = _run(imported_db, "--programs", str(programs), "--area", "Atlantis")
    assert bad.exit_code == 2 and "no area 'Atlantis'" in bad.stderr
    xlsx = _run(imported_db, "--programs", str(programs), "--area", "OH", "--format", "xlsx")
    assert xlsx.exit_code == 2 and "needs -o FILE" in xlsx.stderr
    level = _run(imported_db, "--programs", str(programs), "--area", "OH", "--level", "doctorate")
    assert level.exit_code == 2 and "unknown --level 'doctorate'" in level.stderr


def test_a_workbook_saved_as_csv_is_one_clear_error(imported_db: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["program", "cip"])
    book.active.append(["Welding", "48.0508"])
    raw = io.BytesIO()
    book.save(raw)
    disguised = tmp_path / "programs.csv"
    disguised.write_bytes(raw.getvalue())
    result = _run(imported_db, "--programs", str(disguised), "--area", "OH")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "programs.csv" in result.stderr and ("Excel workbook" in result.stderr or "xlsx" in result.stderr)


def test_codes_that_are_not_programs_are_flagged_in_the_csv(imported_db: Path, tmp_path: Path) -> None:
    programs = tmp_path / "programs.csv"
    programs.write_text("program,cip\nNursing,51.3800\nMystery,99.9999\n", encoding="utf-8")
    result = _run(imported_db, "--programs", str(programs), "--area", "OH", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.count("needs review") == 2
    assert "51.3800 is not a CIP 2020 program code" in result.stdout and "NO MATCH" in result.stdout
