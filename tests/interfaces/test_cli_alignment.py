"""``careerclusters report alignment``: the program alignment report from the command line, with a real store."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from careerclusters.cli import app
from tests.helpers import ALIGNMENT_PROGRAMS


def test_report_command(imported_db: Path, tmp_path: Path) -> None:
    programs = tmp_path / "programs.csv"
    programs.write_bytes(ALIGNMENT_PROGRAMS.replace("Nursing (RN)", "Enfermería").encode("cp1252"))  # Excel on Windows
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["--db", str(imported_db), "report", "alignment", "--programs", str(programs),
                                      "--area", "Columbus, OH", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Enfermería" in html and "Columbus, OH" in html and "Gaps" in html and "$83,900" in html
    bad = CliRunner().invoke(app, ["--db", str(imported_db), "report", "alignment", "--programs", str(programs),
                                   "--area", "Atlantis"])
    assert bad.exit_code == 2 and "no area 'Atlantis'" in bad.stderr
    xlsx = CliRunner().invoke(app, ["--db", str(imported_db), "report", "alignment", "--programs", str(programs),
                                    "--area", "OH", "--format", "xlsx"])
    assert xlsx.exit_code == 2 and "needs -o FILE" in xlsx.stderr
