"""The data and question commands, end to end through the command line with a real store."""

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


def test_fetch_from_mirror_then_status(tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "fresh.sqlite"
    result = run(db, "data", "fetch", "--mirror", str(data_dir))
    assert result.exit_code == 0, result.output
    # the five bundled crosswalks are the very files the mirror holds: unchanged; the other seven imported
    assert result.stdout.count("imported") == 7 and result.stdout.count("unchanged") == 5
    status = json.loads(run(db, "data", "status", "--json").stdout)
    assert {s["kind"]: s["origin"] for s in status["sources"]}["bls-oews"] == "imported"
    assert len(status["sources"]) == 12 and status["missing"] == []
    again = run(db, "data", "fetch", "--mirror", str(data_dir))
    assert again.stdout.count("unchanged") == 12


def test_fetch_rejects_a_corrupt_mirror_copy(tmp_path: Path, data_dir: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "CIPCode2020.csv").write_text("tampered")
    result = run(tmp_path / "x.sqlite", "data", "fetch", "--mirror", str(mirror))
    assert result.exit_code == 2
    assert "CIPCode2020.csv: SHA-256 does not match the official CIPCode2020.csv" in result.stderr
    assert "the mirror has no oesm25nat.zip or national_M2025_dl.xlsx" in result.stderr


def test_import_bad_file_exit_2(store_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    result = run(store_copy, "data", "import", str(bad))
    assert result.exit_code == 2 and result.stderr.startswith("error: bad.csv: cannot tell")


def test_status_on_a_fresh_store_names_the_bundled_releases(tmp_path: Path) -> None:
    result = run(tmp_path / "none.sqlite", "data", "status", "--json")
    sources = {s["kind"]: s for s in json.loads(result.stdout)["sources"]}
    assert sources["advance-cte-cip"]["release"] == "Advance CTE crosswalks 2025 (26 June 2025)"
    assert sources["advance-cte-cip"]["origin"] == "bundled"
    assert sources["onet-legacy-clusters"]["release"] == "O*NET OnLine career cluster export (2023)"
    text = " ".join(run(tmp_path / "none.sqlite", "data", "status").stdout.split())
    assert "Not imported yet: occupation details" in text and "careerclusters data fetch" in text


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
