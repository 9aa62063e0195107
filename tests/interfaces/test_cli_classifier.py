"""``careerclusters classify`` and ``careerclusters search`` on the command line, with the real classifiers."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from careerclusters.cli import app

runner = CliRunner()


def test_cli_classify_text_json_and_file(imported_db: Path, occupations, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(imported_db), "classify", "Registered Nurse", "-k", "3", "--json"])
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)
    assert entry["candidates"][0]["code"] == "29-1141.00" and len(entry["candidates"]) == 3
    source = tmp_path / "postings.csv"
    source.write_text("title\nRegistered Nurse\n\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["--db", str(imported_db), "classify", "--input", str(source), "--column", "title",
                                 "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert list(csv.DictReader(out.open()))[0]["onet_soc"] == "29-1141.00"
    bad = runner.invoke(app, ["--db", str(imported_db), "classify", "--input", str(source), "--column", "job"])
    assert bad.exit_code == 2 and "no column 'job'" in bad.stderr
    assert runner.invoke(app, ["--db", str(imported_db), "classify"]).exit_code == 2
    assert runner.invoke(app, ["--db", str(imported_db), "classify", "x", "--kind", "planet"]).exit_code == 2


def test_cli_search(imported_db: Path, occupations, programs) -> None:
    result = runner.invoke(app, ["--db", str(imported_db), "search", "nurse", "--json"])
    assert json.loads(result.stdout)["occupations"][0]["code"] == "29-1141.00"


def test_cli_classify_and_search_in_spanish(imported_db: Path, occupations, programs) -> None:
    result = runner.invoke(app, ["--db", str(imported_db), "classify", "mecánico de carros", "--lang", "es", "--json"])
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)
    best = entry["candidates"][0]
    assert (best["soc"], best["title"]) == ("49-3023", "Técnicos/as de servicio automotriz y mecánicos/as")
    assert "Mantenimiento y reparación" in {s["name"] for s in best["subclusters"]}
    english = json.loads(runner.invoke(app, ["--db", str(imported_db), "classify", "soldadora", "--json"]).stdout)
    assert english[0]["candidates"][0]["title"] == "Welders, Cutters, Solderers, and Brazers"  # Spanish in, English out
    found = json.loads(runner.invoke(app, ["--db", str(imported_db), "search", "enfermería", "--lang", "es",
                                           "--json"]).stdout)
    assert (found["programs"][0]["code"], found["programs"][0]["title"]) == (
        "51.3801", "Registered Nursing/Registered Nurse")  # CIP titles stay as NCES publishes them
    text = runner.invoke(app, ["--db", str(imported_db), "search", "salud", "-l", "es"]).stdout
    assert text.splitlines()[0].startswith("cluster Salud y servicios humanos")


def test_cli_classify_header_is_the_title_as_typed(imported_db: Path, occupations) -> None:
    """The header above each table is the typed title itself: no markup shown, none read from what was typed."""
    result = runner.invoke(app, ["--db", str(imported_db), "classify", "Registered Nurse", "Nurse [night shift]"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Registered Nurse" in lines and "Nurse [night shift]" in lines
    assert "[bold]" not in result.stdout and "[/bold]" not in result.stdout
