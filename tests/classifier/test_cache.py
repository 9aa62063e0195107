"""The classifier's cache file: a classifier read back from it (memory-mapped) answers exactly as the one that was
built; a damaged, foreign or stale file is rebuilt, never trusted; a server's build runs in a process of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from careerclusters.classifier import TitleModel, service
from careerclusters.classifier.evidence import Examples
from careerclusters.classifier.service import TextClassifier, cache_path, fingerprint, load_classifier, read_cache
from careerclusters.store import connect

TOY_TEXTS = ["line cook", "prep cook", "cook", "head chef", "sous chef", "welder", "pipe welder", "tig welder",
             "registered nurse", "charge nurse", "nurse", "er nurse"] * 3
TOY_LABELS = ["35-2014", "35-2021", "35-2014", "35-1011", "35-1011", "51-4121", "51-4121", "51-4121", "29-1141",
              "29-1141", "29-1141", "29-1141"] * 3


def _toy(tmp_path: Path) -> TextClassifier:
    model = TitleModel(holdout=0.3).fit(TOY_TEXTS, TOY_LABELS, ["cooks meals in a kitchen"], ["35-2014"])
    examples: dict[str, list[str]] = {}
    for text, label in zip(TOY_TEXTS[:12], TOY_LABELS[:12], strict=True):
        examples.setdefault(label, []).append(text.title())
    memberships = {"29-1141": {"clusters": [["healthcare-human-services", "Healthcare & Human Services"]]}}
    return TextClassifier("occupation", model, {"29-1141": "Registered Nurses", "51-4121": "Welders"}, memberships,
                          Examples.of(model.classes_, examples))


QUERIES = ["night cook", "mig welder", "ER nurse", "pastry chef", "kitchen", "", "zzz", "Registered Nurse - ICU"]


def _same_answers(a: TextClassifier, b: TextClassifier, queries: list[str]) -> None:
    assert np.array_equal(a.model.predict_proba(queries), b.model.predict_proba(queries))
    assert a.classify(queries, k=4) == b.classify(queries, k=4)
    assert [a.classify([q], k=4)[0] for q in queries] == [b.classify([q], k=4)[0] for q in queries]


def test_round_trip_answers_identically(tmp_path: Path) -> None:
    built = _toy(tmp_path)
    path = tmp_path / "toy.occupation-classifier.arrays"
    service.save(path, "fp", built)
    loaded = read_cache(path, "fp")
    assert loaded is not None and loaded.kind == "occupation"
    _same_answers(built, loaded, QUERIES)
    [nurse, *_] = loaded.classify(["registered nurse"], k=2)[0]
    assert nurse.title == "Registered Nurses" and [c.name for c in nurse.clusters] == ["Healthcare & Human Services"]
    # the share of a title's words the text has, best first, ties in the order listed ("ER" reads "emergency room")
    assert nurse.evidence == ["Registered Nurse", "Nurse", "Charge Nurse"]
    assert loaded.model.holdout_scores_ == built.model.holdout_scores_
    assert not loaded.model.word_.log_ratio.data.flags.writeable  # the arrays are the mapped file's
    assert read_cache(path, "another fingerprint") is None


def test_the_real_classifiers_read_back_answer_as_built(imported_db: Path, programs, occupations) -> None:
    """The program classifier built here, in memory, and the one the session read from its cache file agree to
    the bit; so do the occupation classifier's file and a second reading of it."""
    with closing(connect(imported_db, readonly=True)) as conn:
        built = TextClassifier.build(conn, "program")
        key = fingerprint(conn, "occupation")
    titles = ["Registered Nursing", "Welding Technology", "Culinary Arts/Chef Training", "Cosmetology", "",
              "Auto Mechanic", "Computer Science", "HVAC", "Early Childhood Education", "Pre-Law"] * 2
    _same_answers(built, programs, titles)
    again = read_cache(cache_path(imported_db, "occupation"), key)
    assert again is not None and again is not occupations
    _same_answers(occupations, again, ["Registered Nurse", "Staff RN - Med/Surg - Nights", "welder", "CDL-A driver"])


def _store_with_program_cache(imported_db: Path, programs, tmp_path: Path) -> Path:
    """A copy of the imported store with a copy of its program classifier's cache file."""
    store = tmp_path / "store.sqlite"
    shutil.copy(imported_db, store)
    shutil.copy(cache_path(imported_db, "program"), cache_path(store, "program"))
    return store


@pytest.mark.parametrize("damage", ["flipped byte", "cut short", "a pickle"])
def test_a_damaged_cache_file_is_rebuilt_not_trusted(imported_db: Path, programs, tmp_path: Path,
                                                     damage: str) -> None:
    store = _store_with_program_cache(imported_db, programs, tmp_path)
    path = cache_path(store, "program")
    data = bytearray(path.read_bytes())
    if damage == "flipped byte":
        data[len(data) // 2] ^= 0x10
    elif damage == "cut short":
        del data[len(data) // 2:]
    else:
        data = bytearray(b"\x80\x04\x95" + bytes(100))
    path.write_bytes(bytes(data))
    with closing(connect(store, readonly=True)) as conn:
        rebuilt = load_classifier(conn, "program", store)
        key = fingerprint(conn, "program")
    assert rebuilt.classify(["Registered Nursing"], k=1)[0][0].code == "51.3801"
    assert read_cache(path, key) is not None  # the file is whole again
    _same_answers(programs, rebuilt, ["Registered Nursing", "Welding", "Barbering"])


def test_a_stale_cache_file_is_rebuilt_and_old_pickles_removed(imported_db: Path, programs, tmp_path: Path) -> None:
    store = _store_with_program_cache(imported_db, programs, tmp_path)
    with closing(connect(store)) as conn:  # as if NCES's file had been imported again, changed
        conn.execute("UPDATE source_file SET sha256 = 'changed' WHERE kind = 'nces-cip'")
    path = cache_path(store, "program")
    legacy = path.with_suffix(".joblib")
    legacy.write_bytes(b"an earlier version's cache")
    before = path.stat().st_mtime_ns
    with closing(connect(store, readonly=True)) as conn:
        load_classifier(conn, "program", store)
        key = fingerprint(conn, "program")
    assert path.stat().st_mtime_ns != before and read_cache(path, key) is not None
    assert not legacy.exists()


def test_a_server_builds_in_a_process_of_its_own(imported_db: Path, programs, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    shutil.copy(imported_db, store)
    with closing(connect(store, readonly=True)) as conn:
        found = load_classifier(conn, "program", store, separately=True)
    assert found.classify(["Registered Nursing"], k=1)[0][0].code == "51.3801"
    assert cache_path(store, "program").exists()
    assert "sklearn" not in found.model.__dict__  # and it was read from the file the child process wrote
    assert not found.model.word_.known.flags.writeable


def test_classifying_from_the_cache_imports_neither_scikit_learn_nor_scipy(imported_db: Path, occupations) -> None:
    script = ("import sys; from pathlib import Path; from careerclusters.classifier.service import load_classifier; "
              "from careerclusters.store import connect; db = Path(sys.argv[1]); "
              "classifier = load_classifier(connect(db, readonly=True), 'occupation', db); "
              "[[best, *_]] = classifier.classify(['Registered Nurse']); "
              "print(best.code, *sorted(m for m in ('sklearn', 'scipy', 'joblib') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script, str(imported_db)], capture_output=True, text=True,
                          check=True, env=os.environ | {"PYTHONPATH": str(Path(service.__file__).parents[2])})
    assert done.stdout.split() == ["29-1141.00"]
