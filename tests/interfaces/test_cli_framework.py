"""Every ``careerclusters framework`` command and export format, through the real command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import Graph
from typer.testing import CliRunner

from careerclusters.cli import app, main

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_tree_modern_shows_all_levels() -> None:
    result = run("framework", "tree")
    assert result.exit_code == 0
    assert "6 groupings, 14 clusters (3 cross-cutting), 72 sub-clusters" in " ".join(result.stdout.split())
    assert result.stdout.count("(cross-cutting)") == 3
    assert "Unmanned Vehicle Technology" in result.stdout


def test_tree_original_and_json() -> None:
    result = run("framework", "tree", "--edition", "original")
    assert result.exit_code == 0
    assert "16 clusters, 79 pathways" in result.stdout
    data = json.loads(run("framework", "tree", "--json").stdout)
    assert data["counts"]["subclusters"] == 72
    assert data["tree"][0]["children"][0]["name"] == "Advanced Manufacturing"


def test_show_by_alias_text_and_json() -> None:
    result = run("framework", "show", "Arts, Entertainment & Design")
    assert result.exit_code == 0
    assert "020100" in result.stdout and "Creating & Experiencing" in result.stdout
    assert "Performing Arts" in result.stdout
    data = json.loads(run("framework", "show", "physical-health", "--json").stdout)
    assert [a["id"] for a in data["ancestors"]] == ["caring-communities", "healthcare-human-services"]
    assert data["children"] == []


def test_show_ambiguous_resolved_by_edition() -> None:
    result = run("framework", "show", "Animal Systems", "-e", "original", "--json")
    assert json.loads(result.stdout)["id"] == "o-animal-systems"


def test_bad_input_exits_2_with_one_line() -> None:
    for args in (["framework", "show", "Helthcare"], ["framework", "show", "Animal Systems"],
                 ["framework", "tree", "--edition", "1999"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.output


def test_usage_errors_from_main_are_one_line(capsys) -> None:
    assert main(["framework", "show"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Missing argument") and err.count("\n") == 1
    assert main(["framework", "tree", "--no-such-flag"]) == 2


def test_export_formats(tmp_path: Path) -> None:
    doc = json.loads(run("framework", "export", "--format", "json").stdout)
    assert [e["counts"] for e in doc["editions"]][1] == {"clusters": 16, "pathways": 79}
    rows = list(csv.DictReader(io.StringIO(run("framework", "export", "-f", "csv", "-e", "2024").stdout)))
    assert len(rows) == 72
    out = tmp_path / "framework.ttl"
    result = run("framework", "export", "-f", "skos", "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    assert len(Graph().parse(out, format="turtle")) > 1000
    assert run("framework", "export", "-f", "xml").exit_code == 2


def test_practices() -> None:
    text = run("framework", "practices").stdout
    assert "CRP1 " in text and "original edition" in text
    [plist] = json.loads(run("framework", "practices", "--json").stdout)
    assert plist["edition"] == "original" and len(plist["practices"]) == 12


def test_tree_show_practices_and_export_in_spanish(tmp_path: Path) -> None:
    tree = " ".join(run("framework", "tree", "--lang", "es").stdout.split())
    assert "Marco Nacional de Career Clusters (2024): 6 grupos, 14 clusters (3 transversales), 72 subclusters" in tree
    assert "Tecnología de vehículos no tripulados" in tree and "Unmanned" not in tree
    shown = run("framework", "show", "salud fisica", "-l", "es")  # a Spanish name, accents optional
    assert shown.exit_code == 0
    text = " ".join(shown.stdout.split())
    assert text.startswith("Salud física Subcluster, edición 2024, id physical-health")
    assert "Cluster profesional: Salud y servicios humanos (healthcare-human-services)" in text
    assert "no es una traducción oficial" in text
    assert json.loads(run("framework", "show", "physical-health", "--json", "-l", "es").stdout)["ancestors"][1][
        "name"] == "Salud y servicios humanos"
    assert "CRP6  Mostrar creatividad e innovación" in run("framework", "practices", "-l", "es").stdout
    doc = json.loads(run("framework", "export", "--lang", "es").stdout)
    assert doc["language"] == "es" and doc["editions"][0]["tree"][0]["name"] == "Construir y transportar"
    out = tmp_path / "es.ttl"
    assert run("framework", "export", "-f", "skos", "--lang", "es", "-o", str(out)).exit_code == 0
    labels = {(str(o), o.language) for o in Graph().parse(out, format="turtle").objects()
              if getattr(o, "language", None)}
    assert ("Salud física", "es") in labels and ("Physical Health", "en") in labels


def test_an_unknown_language_is_one_line() -> None:
    result = run("framework", "tree", "--lang", "fr")
    assert result.exit_code == 2 and result.stderr == "error: unknown language 'fr': use en or es\n"
