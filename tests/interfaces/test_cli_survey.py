"""``careerclusters survey`` on the command line: items and scores, bad answer files as one line, and the
interactive survey resumed from its progress file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerclusters.cli import app as cli_app
from careerclusters.survey import Part, load_instrument
from tests.helpers import dislikes_all_but, realistic_construction


def test_cli_items_and_score(imported_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli_app, ["survey", "items", "--lang", "es", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["text"].startswith("Hacer una repisa")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(realistic_construction().answers))
    scored = runner.invoke(cli_app, ["--db", str(imported_db), "survey", "score", "--answers", str(answers),
                                     "--lang", "es", "--json"])
    assert scored.exit_code == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert result["lang"] == "es" and result["clusters"][0]["name"] == "Construcción"
    text = runner.invoke(cli_app, ["--db", str(imported_db), "survey", "score", "--answers", str(answers)])
    assert "Electricians" in text.stdout and "You chose 6 of the 6 Construction items." in text.stdout


def test_cli_ranks_someone_who_dislikes_most_items(imported_db: Path, tmp_path: Path) -> None:
    """`survey score --answers` with every item disliked but one sub-cluster's: its cluster first, and the interest
    types said in words (liked 0 of 8, disliked 8 of 8), not "no cluster stands out"."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(dislikes_all_but("maintenance-repair", interests=True).answers))
    scored = CliRunner().invoke(cli_app, ["--db", str(imported_db), "survey", "score", "--answers", str(answers)])
    assert scored.exit_code == 0, scored.stderr
    assert "1. Supply Chain & Transportation" in scored.stdout and "no cluster stands out" not in scored.stdout
    assert "You picked “Repair engines, brakes and other parts of cars and trucks”." in scored.stdout
    assert "Doers: people who like to work with their hands" in scored.stdout


@pytest.mark.parametrize(("content", "expected"), [
    ('{"r1": 2, "nope": 1}', "answers: Value error, unknown item id 'nope'"),
    ('{"answers": {"r1": 7}}', "answers.r1: Input should be less than or equal to 2"),
    ("{not json", "not JSON"),
])
def test_cli_bad_answers_exit_2_with_one_line(tmp_path: Path, content: str, expected: str) -> None:
    answers = tmp_path / "bad.json"
    answers.write_text(content)
    result = CliRunner().invoke(cli_app, ["--db", str(tmp_path / "none.sqlite"), "survey", "score", "--answers",
                                          str(answers)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and expected in result.stderr and result.stderr.count("\n") == 1


def test_cli_interactive_survey_resumes_from_its_file(tmp_path: Path) -> None:
    progress = tmp_path / "progress.json"
    inst = load_instrument("en")
    interests = inst.part(Part.INTEREST)
    first = "\n".join("2" if i.key == "R" else "0" for i in interests[:10]) + "\n"
    stopped = CliRunner().invoke(cli_app, ["--db", str(tmp_path / "none.sqlite"), "survey", "--resume",
                                           str(progress)], input=first)
    assert stopped.exit_code != 0  # ran out of input part-way, as a person closing the terminal would
    saved = json.loads(progress.read_text())
    assert len(saved["asked"]) == 10 and saved["answers"]["r1"] == 2 and saved["answers"]["i1"] == 0
    rest = "\n".join("2" if i.key == "R" else "0" for i in interests[10:]) + "\n"
    rest += "\n1 2 3 4 5 6\n" + "\n" * 12 + "\n0\n\n"  # all six Construction items, nothing else; no plans
    finished = CliRunner().invoke(cli_app, ["--db", str(tmp_path / "none.sqlite"), "survey", "--resume",
                                            str(progress)], input=rest)
    assert finished.exit_code == 0, finished.stdout
    assert "1. Construction" in finished.stdout and "You chose 6 of the 6 Construction items." in finished.stdout
    assert len(json.loads(progress.read_text())["asked"]) == 153
