"""The classifier: normalisation, the estimator, certain real cases, batch files, bad cells (a spreadsheet formula
included), search. The command line is in interfaces/test_cli_classifier.py."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from careerclusters.base.errors import CareerClustersError
from careerclusters.classifier import TitleModel, load_classifier
from careerclusters.classifier import text as tx
from careerclusters.classifier.batch import classify_csv, unusable
from careerclusters.classifier.search import framework_hits, search
from careerclusters.classifier.service import cache_path, fingerprint
from careerclusters.classifier.training import held_out
from careerclusters.store import StoreError, connect
from tests.helpers import HYPERLINK

runner = CliRunner()


# -- normalisation ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("Registered Nurses", "registered nurse"),
    ("Sr. RN - ICU (Nights) - $5,000 Sign-On Bonus", "registered nurse intensive care unit"),
    ("CDL-A Truck Driver - Dallas, TX - $1,500/week", "commercial truck driver truck driver"),
    ("Part-Time Cashier II", "cashier"),
    ("QA Mgr", "quality assurance manager"),
    ("vet tech", "veterinary technician"),
    ("Warehouse Associate | Remote", "warehouse associate"),
    ("BATTERIES TECHNICIANS", "battery technician"),
    ("Software Engineer (Remote)", "software engineer"),
    ("Night Shift RN", "registered nurse"),
    # words that are posting terms elsewhere but name the work here are kept
    ("Travel Agent", "travel agent"),
    ("Data Entry Clerk - Remote", "data entry clerk"),
    ("Set-Up Operator", "set up operator"),
    ("Contract Specialist", "contract specialist"),
    ("Sign Language Interpreter - Full Time", "sign language interpreter"),
    ("Shift Supervisor (Days)", "shift supervisor"),
])
def test_normalise(raw: str, expected: str) -> None:
    assert tx.normalise(raw) == expected


def test_head_noun() -> None:
    assert tx.head("ICU Registered Nurse") == "nurse"
    assert tx.head("Director of Nursing") == "director"
    assert tx.head("Bunch Maker, Hand") == "maker"
    assert tx.head("Advertising Agency Manager (Ad Agency Manager)") == "manager"
    assert tx.head("!!!") is None


# -- the estimator on a toy problem ---------------------------------------------------------------------------

def test_estimator_api_on_toy_data() -> None:
    texts = ["line cook", "prep cook", "cook", "head chef", "sous chef", "welder", "pipe welder", "tig welder",
             "registered nurse", "charge nurse", "nurse"] * 3
    labels = ["cook", "cook", "cook", "chef", "chef", "welder", "welder", "welder", "nurse", "nurse", "nurse"] * 3
    model = TitleModel(holdout=0.3).fit(texts, labels, ["cooks meals in a kitchen"], ["cook"])
    assert list(model.predict(["night cook", "mig welder", "er nurse", "pastry chef"])) == [
        "cook", "welder", "nurse", "chef"]
    proba = model.predict_proba(["welder"])
    assert proba.shape == (1, 4) and np.isclose(proba.sum(), 1.0)
    codes, probs = model.predict_top_k(["kitchen"], k=2)
    assert codes[0][0] == "cook" and probs[0][0] >= probs[0][1]  # only the description says "kitchen"
    assert 0.0 <= model.confidence(probs[:, 0])[0] <= 1.0
    flat = model.predict_proba([""])
    assert np.allclose(flat, 1 / 4)
    held = model.holdout_scores_
    assert held["titles"] > 0 and 0.0 <= held["top1"] <= held["top5"] <= 1.0
    assert TitleModel(holdout=0.0).fit(texts, labels).holdout_scores_ is None


def test_held_out_titles_are_whole_titles() -> None:
    """Calibration holds out every example of a chosen title (ignoring case), as the evaluation sets do."""
    texts = [f"title {i % 50}" if i % 2 else f"TITLE {i % 50}" for i in range(400)]
    held = held_out(texts, [i % 7 != 0 for i in range(400)], 0.3, 0)
    by_title: dict[str, set[bool]] = {}
    for text, h, i in zip(texts, held, range(400), strict=True):
        if i % 7:
            by_title.setdefault(text.lower(), set()).add(bool(h))
    assert all(len(v) == 1 for v in by_title.values()) and 0 < held.sum() < 400
    assert not any(held[i] for i in range(0, 400, 7))  # examples not marked for calibration stay in training


def test_long_documents_count_in_full() -> None:
    """A word that only a long description mentions, far past a title's length limit, still counts."""
    filler = "prepares reports and attends meetings " * 20
    model = TitleModel(holdout=0.0, linear_share=0.0).fit(
        ["clerk", "office clerk", "welder", "pipe welder"], ["clerk", "clerk", "welder", "welder"],
        [filler + "keeps ledgers", filler + "wears goggles"], ["clerk", "welder"])
    assert list(model.predict(["goggles", "ledgers"])) == ["welder", "clerk"]


# -- the real classifiers -------------------------------------------------------------------------------------

def test_certain_cases(occupations, programs) -> None:
    [nurse], [apprentice], [posting] = (occupations.classify([t], k=5)[0][:1] for t in (
        "Registered Nurse", "Electrician Apprentice", "Staff RN - Med/Surg - Nights - Chicago, IL"))
    assert nurse.code == "29-1141.00" and nurse.soc == "29-1141"
    assert [s.name for s in nurse.subclusters] == ["Physical Health"]
    assert [c.name for c in nurse.clusters] == ["Healthcare & Human Services"]
    assert [p.name for p in nurse.pathways] == ["Therapeutic Services"]
    assert nurse.confidence > 0.5 and any("Nurse" in e for e in nurse.evidence)
    assert apprentice.code in {"47-2111.00", "47-3013.00"}
    assert posting.soc == "29-1141"
    [program] = programs.classify(["Registered Nursing"], k=1)[0]
    assert program.code == "51.3801" and "Physical Health" in [s.name for s in program.subclusters]
    # programs' confidence is calibrated too, on NCES's other names for programs held out in the build
    assert program.confidence > 0.5 and programs.model.holdout_scores_["titles"] > 100


def test_candidates_are_ranked_with_probabilities(occupations) -> None:
    [candidates] = occupations.classify(["welder"], k=5)
    assert len(candidates) == 5 and len({c.code for c in candidates}) == 5
    assert [c.probability for c in candidates] == sorted((c.probability for c in candidates), reverse=True)
    assert candidates[0].code.startswith("51-4121")
    assert occupations.classify(["   "], k=3) == [[]]


def test_cache_file_is_written_and_fingerprint_tracks_the_data(imported_db: Path, occupations,
                                                                store_copy: Path) -> None:
    assert cache_path(imported_db, "occupation").exists()
    conn = connect(store_copy)
    before = fingerprint(conn, "occupation")
    conn.execute("UPDATE source_file SET sha256 = 'changed' WHERE kind = 'onet-db'")
    assert fingerprint(conn, "occupation") != before
    conn.close()


def test_classifier_needs_data(tmp_path: Path) -> None:
    empty = connect(tmp_path / "empty.sqlite")
    with pytest.raises(StoreError, match="onet-db"):
        load_classifier(empty, "occupation", tmp_path / "empty.sqlite")


# -- batch files ----------------------------------------------------------------------------------------------

def test_batch_keeps_columns_and_reports_bad_cells(occupations) -> None:
    content = ("id,title,city\n1,Registered Nurse,Austin\n2,,Boston\n3,   ,Chicago\n4,12345,Denver\n"
               f"5,{'x' * 400},Erie\n6,Welder,Fresno\n")
    rows = list(csv.DictReader(io.StringIO(classify_csv(occupations, content, "title", "in.csv"))))
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[0]["onet_soc"] == "29-1141.00" and rows[0]["soc"] == "29-1141"
    assert rows[0]["sub_clusters"] == "Physical Health" and rows[0]["city"] == "Austin"
    assert rows[0]["alternatives"].split(";")[0] == "29-1141.00" and len(rows[0]["alternatives"].split(";")) == 5
    assert float(rows[0]["confidence"]) > 0.5 and rows[0]["reason"] == ""
    assert [r["reason"] for r in rows[1:5]] == ["empty", "empty", "no words to classify",
                                               "longer than 300 characters"]
    assert all(r["onet_soc"] == "" for r in rows[1:5])
    assert rows[5]["occupation_title"] == "Welders, Cutters, Solderers, and Brazers"


def test_batch_program_columns(programs) -> None:
    rows = list(csv.DictReader(io.StringIO(classify_csv(programs, "name\nRegistered Nursing\n", "name", "p.csv"))))
    assert rows[0]["cip"] == "51.3801" and rows[0]["program_title"].startswith("Registered Nursing")


def test_batch_missing_column_is_a_clear_error(occupations) -> None:
    with pytest.raises(CareerClustersError, match=r"in\.csv: no column 'title' \(columns: job, city\)"):
        classify_csv(occupations, "job,city\nnurse,x\n", "title", "in.csv")


def test_unusable_cells() -> None:
    assert unusable(None) == "empty" and unusable("  ") == "empty"
    assert unusable("2024") == "no words to classify" and unusable("Nurse") is None


def test_junk_titles_get_a_reason() -> None:
    assert unusable(HYPERLINK) == "a spreadsheet formula, not a title"
    assert unusable("+cmd|' /C calc'!A0") == "a spreadsheet formula, not a title"
    assert unusable("@SUM(A1)") == "a spreadsheet formula, not a title"
    assert unusable("$$$ !!! ###") == "no words to classify" and unusable("-3.5") == "no words to classify"
    assert unusable("- Registered Nurse") is None and unusable("C++ Developer") is None


# -- search --------------------------------------------------------------------------------------------------

def test_framework_search_is_typo_tolerant() -> None:
    assert framework_hits("helthcare")[0].id == "healthcare-human-services"
    assert framework_hits("nurse") == []
    # the query without its spaces against one word, and a word's beginning
    assert [(h.id, h.score) for h in framework_hits("cyber security")] == [("network-systems-cybersecurity", 1.0)]
    assert [h.id for h in framework_hits("manufactur")] == [
        "advanced-manufacturing", "o-manufacturing", "o-manufacturing-production-process-development"]
    assert len(framework_hits("agri", limit=3)) == 3 and framework_hits("") == []


def test_search_everything(imported_db: Path, occupations, programs) -> None:
    conn = connect(imported_db, readonly=True)
    result = search(conn, "nurse", imported_db)
    conn.close()
    assert result.occupations[0].code == "29-1141.00"
    assert any(p.code.startswith("51.38") or p.code.startswith("51.39") for p in result.programs)
