"""Programs of study through the command line and the REST API, with a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from careerclusters.cli import app
from careerclusters.pos import files
from careerclusters.pos.examples import CATALOG, FLAWED, example_paths, examples
from careerclusters.server.app import create_app
from tests.helpers import copy_store

pytestmark = pytest.mark.data
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
    assert [p["id"] for p in listed] == ["example-welding"]
    shown = run(db, "show", "example-registered-nursing", "--json")
    detail = json.loads(shown.stdout)
    assert detail["report"]["findings"] == []
    assert {"soc": "29-1141", "title": "Registered Nurses", "median_wage": 97550.0, "change_pct": 4.9,
            "derived": True} in detail["report"]["occupations"]
    text = run(db, "show", "example-welding").stdout
    assert all(part in text for part in ("13207", "earns AWS", "$53,750", "Grade 12", "(exit)"))
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


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, warm=False))


def test_api_lists_and_filters(client: TestClient) -> None:
    page = client.get("/api/v1/programs-of-study").json()
    assert page["total"] == 6
    by_cip = client.get("/api/v1/programs-of-study", params={"cip": "51.3801"}).json()
    assert [p["id"] for p in by_cip["items"]] == ["example-registered-nursing"]
    by_sub = client.get("/api/v1/programs-of-study", params={"subcluster": "culinary-food-services"}).json()
    assert [p["id"] for p in by_sub["items"]] == ["example-culinary-arts"]
    assert client.get("/api/v1/programs-of-study", params={"cip": "51.38"}).status_code == 400


def test_api_one_program_with_findings(client: TestClient) -> None:
    welding = client.get("/api/v1/programs-of-study/example-welding").json()
    assert welding["program"]["levels"][1]["courses"][1]["sced"] == "13207"
    assert welding["report"]["occupations"][0]["median_wage"] == 53750.0
    flawed = client.get("/api/v1/programs-of-study/example-flawed").json()
    assert "No credential: a program of study culminates in a recognized postsecondary credential." in [
        f["message"] for f in flawed["report"]["findings"]]
    assert client.get("/api/v1/programs-of-study/nothing").status_code == 404


def test_api_validates_yaml_json_and_csv_bodies(client: TestClient) -> None:
    flawed = client.post("/api/v1/programs-of-study/validate", content=FLAWED.read_bytes(),
                         headers={"content-type": "application/yaml"}).json()
    assert flawed["clean"] is False and flawed["reports"][0]["program"] == "example-flawed"
    welding = json.loads(files.to_json(next(p for p in examples() if p.id == "example-welding")))
    assert client.post("/api/v1/programs-of-study/validate", json=welding).json()["clean"] is True
    catalog = client.post("/api/v1/programs-of-study/validate", content=CATALOG.read_bytes(),
                          headers={"content-type": "text/csv"}).json()
    assert [r["program"] for r in catalog["reports"]] == ["example-culinary-arts", "example-welding"]
    bad = client.post("/api/v1/programs-of-study/validate", json=welding | {"levels": []})
    assert bad.status_code == 400
    assert bad.json()["error"]["message"] == ("upload.json, line 1, field levels: List should have at least 1 item "
                                              "after validation, not 0")
    assert client.post("/api/v1/programs-of-study/validate", content=b"x",
                       headers={"content-type": "image/png"}).status_code == 400
