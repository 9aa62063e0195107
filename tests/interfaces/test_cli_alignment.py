"""``careerclusters report alignment``: the program alignment report from the command line, with a real store."""

from __future__ import annotations

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


def test_a_workbook_saved_under_a_csv_name_is_read_and_an_old_xls_is_one_error_line(imported_db: Path,
                                                                                   tmp_path: Path) -> None:
    """Excel's "Save As" can keep the workbook format under a .csv name: the report reads it as the workbook it
    is (and says so); a file that is neither CSV nor .xlsx ends in one `error:` line, exit 2, never a traceback."""

    book = openpyxl.Workbook()
    book.active.append(["program", "cip"])
    book.active.append(["Registered Nursing", "51.3801"])
    saved = tmp_path / "programs.csv"
    book.save(saved)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["--db", str(imported_db), "report", "alignment", "--programs", str(saved),
                                      "--area", "OH", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "read programs.csv as the .xlsx sheet 'Sheet' (a workbook, though its name is programs.csv)" in result.stderr
    assert "Registered Nursing" in out.read_text(encoding="utf-8")
    old = tmp_path / "old.csv"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    refused = CliRunner().invoke(app, ["--db", str(imported_db), "report", "alignment", "--programs", str(old),
                                       "--area", "OH", "-o", str(out)])
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert refused.stderr == ("error: old.csv: an Excel 97-2003 workbook (.xls), which is not read here; in Excel, "
                              "save it as .xlsx (Excel Workbook) or CSV UTF-8\n")


def test_codes_that_are_not_programs_are_flagged_in_the_csv(imported_db: Path, tmp_path: Path) -> None:
    programs = tmp_path / "programs.csv"
    programs.write_text("program,cip\nNursing,51.3800\nMystery,99.9999\n", encoding="utf-8")
    result = _run(imported_db, "--programs", str(programs), "--area", "OH", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.count("needs review") == 2
    assert "51.3800 is not a CIP 2020 program code" in result.stdout and "NO MATCH" in result.stdout
