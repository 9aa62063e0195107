"""The question commands (occupation, program, cluster, sub-cluster, crosswalk, transition), end to end through the
command line with a real store and, for the crosswalks, a fresh one."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from careerclusters.cli import app

runner = CliRunner()


def run(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


def test_crosswalk_on_a_fresh_store_answers_from_the_bundle(tmp_path: Path) -> None:
    result = run(tmp_path / "none.sqlite", "crosswalk", "cip", "subcluster", "51.3801")
    assert result.exit_code == 0
    assert "physical-health" in result.stdout and "Physical Health" in result.stdout


def test_occupation_command(store_copy: Path) -> None:
    data = json.loads(run(store_copy, "occupation", "29-1141", "--json").stdout)
    assert data["wage"]["annual_median"] == 97550
    assert [s["name"] for s in data["subclusters"]] == ["Physical Health"]
    text = run(store_copy, "occupation", "29-1141.00").stdout
    assert "Registered Nurses" in text and "$97,550" in text and "Therapeutic Services" in text
    actors = run(store_copy, "occupation", "27-2011").stdout
    assert "Median annual wage" in actors and "not released" in actors
    bad = run(store_copy, "occupation", "nurse")
    assert bad.exit_code == 2 and "not an occupation code" in bad.stderr


def test_program_cluster_subcluster_commands(store_copy: Path) -> None:
    program = json.loads(run(store_copy, "program", "51.3801", "--json").stdout)
    assert program["title"] == "Registered Nursing/Registered Nurse"
    cluster = json.loads(run(store_copy, "cluster", "Healthcare & Human Services", "--sort", "wage", "--json").stdout)
    wages = [o["median_wage"] for o in cluster["occupations"] if o["median_wage"]]
    assert wages == sorted(wages, reverse=True)
    text = run(store_copy, "subcluster", "Physical Health").stdout
    assert "29-1141" in text and "$97,550" in text
    assert run(store_copy, "subcluster", "Physical Health", "--sort", "colour").exit_code == 2


def test_crosswalk_command_bulk_csv(store_copy: Path, tmp_path: Path) -> None:
    codes = tmp_path / "codes.csv"
    codes.write_text("soc\n29-1141\n11-1021\nnot-a-code\n")
    result = run(store_copy, "crosswalk", "soc", "subcluster", "--input", str(codes), "--csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"soc": "29-1141", "subcluster": "physical-health", "subcluster_name": "Physical Health",
            "error": ""} in rows
    assert len([r for r in rows if r["soc"] == "11-1021"]) == 3
    assert next(r for r in rows if r["soc"] == "not-a-code")["error"]
    text = run(store_copy, "crosswalk", "cip", "onet", "51.3801").stdout
    assert "29-1141.00" in text and "via cip → soc → onet" in text
    assert run(store_copy, "crosswalk", "soc", "planet", "29-1141").exit_code == 2


def test_transition_command(store_copy: Path, tmp_path: Path) -> None:
    data = json.loads(run(store_copy, "transition", "Therapeutic Services", "--json").stdout)
    assert data["subclusters"][0]["id"] == "physical-health"
    programs = tmp_path / "programs.csv"
    programs.write_text("local_program,cluster,pathway,cip\nNursing I,Health Science,Therapeutic Services,51.3801\n")
    out = tmp_path / "mapped.csv"
    assert run(store_copy, "transition", "--input", str(programs), "-o", str(out)).exit_code == 0
    [row] = list(csv.DictReader(out.open()))
    assert row["local_program"] == "Nursing I" and row["modern_subcluster"] == "physical-health"
    assert row["needs_review"] == "false"
    assert run(store_copy, "transition").exit_code == 2
