"""The classifier on data frames: a real Dask ``LocalCluster`` (2 worker processes) on CSV files and a
Parquet folder gives, row for row, what the single-process batch path gives; -k on every path; junk cells;
bad input as one line before any work."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from careerclusters.base.errors import CareerClustersError
from careerclusters.classifier.batch import classify_csv, classify_each, code_distinct
from careerclusters.classifier.distributed import classify_dataframe
from careerclusters.classifier.frames import classify_files
from careerclusters.cli import app

runner = CliRunner()

#: Real posting titles with their noise, repeats, junk cells, a formula, a comma and quotes in a cell, and
#: two titles that normalise alike but have different head nouns (so different answers).
TITLES = ["Registered Nurse", "Sr. RN - ICU - Dallas, TX - $5,000 Bonus", "Welder", "", "   ", "12345",
          "x" * 400, '=HYPERLINK("http://x")', "Registered Nurse", "Shipping Supervisor", "Shipping (Supervisor)",
          'Cashier "Front End", Part-Time', "Enfermera – RN", "NA", "- Nurse", "welder", "Part-Time"]


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _postings(repeat: int = 1) -> list[dict[str, str]]:
    return [{"id": str(i), "title": title, "city": f"City {i % 7}"}
            for i, title in enumerate(TITLES * repeat)]


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_one_answer_per_distinct_reading_same_as_one_by_one(occupations) -> None:
    texts = ["Plant Manager", "Plant (Manager)", "Plant Manager", "", "Registered Nurse"]
    fields = code_distinct(occupations, texts, k=2)
    one_by_one = [classify_each(occupations, [t], k=2, explain=False)[0] for t in texts]
    assert [f["onet_soc"] for f in fields] == [found[0].code if found else "" for found, _ in one_by_one]
    # same words, but the head noun differs: the model answers differently, so they are not merged
    assert [f["onet_soc"] for f in fields[:2]] == ["11-3051.00", "11-3051.03"]
    assert fields[3]["reason"] == "empty" and fields[4]["sub_clusters"] == "Physical Health"
    assert fields[4]["alternatives"] == "29-1141.00;29-1141.01"


def test_dask_csv_folder_matches_single_process_row_for_row(imported_db: Path, occupations, cluster,
                                                           tmp_path: Path) -> None:
    rows = _postings(repeat=30)
    folder = tmp_path / "postings"
    folder.mkdir()
    for part in range(3):  # three files, so three partitions on two workers
        (folder / f"part-{part}.csv").write_text(_csv(rows[part::3]), encoding="utf-8")
    expected = classify_csv(occupations, _csv([r for part in range(3) for r in rows[part::3]]), "title", "all.csv",
                            k=3)
    out = tmp_path / "coded.csv"
    coded = classify_files(imported_db, str(folder), "title", out, k=3, engine="dask",
                           scheduler=cluster.scheduler_address)
    assert out.read_text(encoding="utf-8") == expected
    assert coded.rows == len(rows) and len(coded.peak_mb) == 2
    got = list(csv.DictReader(io.StringIO(expected)))
    nurse = next(r for r in got if r["title"] == "Registered Nurse")
    assert nurse["onet_soc"] == "29-1141.00" and nurse["sub_clusters"] == "Physical Health"
    assert nurse["alternatives"] == "29-1141.00;29-1141.01;29-1141.03"
    reasons = {r["title"]: r["reason"] for r in got}
    assert reasons[""] == "empty" and reasons["12345"] == "no words to classify"
    assert reasons["x" * 400] == "longer than 300 characters" and reasons["Part-Time"] == "no words to classify"
    assert reasons["'=HYPERLINK(\"http://x\")"] == "a spreadsheet formula, not a title"
    assert not list(tmp_path.glob(".*partial"))


def test_dask_parquet_folder_to_parquet(imported_db: Path, occupations, cluster, tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": range(len(TITLES) * 4), "title": TITLES * 4})
    folder = tmp_path / "postings.parquet"
    folder.mkdir()
    frame.iloc[::2].to_parquet(folder / "part.0.parquet", index=False)
    frame.iloc[1::2].to_parquet(folder / "part.1.parquet", index=False)
    result = runner.invoke(app, ["--db", str(imported_db), "classify", "--input", str(folder), "--output",
                                 str(tmp_path / "coded.parquet"), "-k", "2", "--engine", "dask", "--scheduler",
                                 cluster.scheduler_address, "--raw"])
    assert result.exit_code == 0, result.output
    coded = pd.read_parquet(tmp_path / "coded.parquet")
    assert coded["id"].dtype == "int64"  # the input's columns keep their types
    order = frame.iloc[::2]["id"].tolist() + frame.iloc[1::2]["id"].tolist()
    assert coded["id"].tolist() == order  # part files in name order, rows in file order
    single = classify_csv(occupations, _csv([{"id": str(i), "title": TITLES[i % len(TITLES)]} for i in order]),
                          "title", "p.csv", raw=True, k=2)
    expected = pd.read_csv(io.StringIO(single), dtype=str, keep_default_na=False)
    assert coded.drop(columns="id").to_dict("records") == expected.drop(columns="id").to_dict("records")
    assert '=HYPERLINK("http://x")' in coded["title"].tolist()  # --raw: written unchanged
    assert "wrote" in result.stderr and "distinct titles" in result.stderr


def test_python_entry_point_on_a_dask_dataframe(imported_db: Path, cluster) -> None:
    frame = dd.from_pandas(pd.DataFrame({"title": ["Welder", "Registered Nurse", None, "Welder"]}), npartitions=2)
    with Client(cluster):
        coded = classify_dataframe(frame, "title", k=1, db_path=imported_db).compute()
    assert coded["onet_soc"].tolist() == ["51-4121.00", "29-1141.00", "", "51-4121.00"]
    assert coded["alternatives"].tolist() == ["51-4121.00", "29-1141.00", "", "51-4121.00"]
    assert coded["reason"].tolist() == ["", "", "empty", ""]
    with pytest.raises(CareerClustersError, match="no column 'job'"):
        classify_dataframe(frame, "job", db_path=imported_db)


def test_local_engine_parquet_to_csv_and_k_on_every_path(imported_db: Path, occupations, tmp_path: Path) -> None:
    rows = _postings()
    source = tmp_path / "postings.csv"
    source.write_text(_csv(rows), encoding="utf-8")
    pd.DataFrame(rows).to_parquet(tmp_path / "postings.parquet", index=False)
    for args in (["--input", str(source), "--output", str(tmp_path / "a.csv")],
                 ["--input", str(tmp_path / "postings.parquet"), "--output", str(tmp_path / "b.csv")]):
        result = runner.invoke(app, ["--db", str(imported_db), "classify", *args, "-k", "2"])
        assert result.exit_code == 0, result.output
    single = (tmp_path / "a.csv").read_text(encoding="utf-8")
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == single
    nurse = next(r for r in csv.DictReader(io.StringIO(single)) if r["title"] == "Registered Nurse")
    assert nurse["alternatives"] == "29-1141.00;29-1141.01"
    assert "'=HYPERLINK" in single and "'- Nurse" in single  # neutralised unless --raw


@pytest.mark.parametrize(("make", "args", "message"), [
    (lambda d: (d / "p.csv").write_text("job,city\nnurse,x\n"), ["p.csv"],
     r"p\.csv: no column 'title' \(columns: job, city\)"),
    (lambda d: (d / "p.parquet").write_bytes(b"not parquet at all"), ["p.parquet"],
     r"p\.parquet: not a readable Parquet file \("),
    (lambda d: [(d / "a.csv").write_text("title\nx\n"), (d / "b.csv").write_text("title,city\nx,y\n")], ["*.csv"],
     r"b\.csv: its columns \(title, city\) differ from .*a\.csv's \(title\)"),
    (lambda d: (d / "p.csv").write_text(""), ["p.csv"], r"p\.csv: empty \(no header row\)"),
    (lambda d: None, ["none/*.parquet"], r"none/\*\.parquet: no file matches"),
    (lambda d: (d / "p.csv").write_text("title,onet_soc\nx,y\n"), ["p.csv"],
     r"already has output column\(s\) onet_soc"),
])
def test_bad_input_is_one_line_before_any_work(imported_db: Path, tmp_path: Path, monkeypatch, make, args,
                                               message) -> None:
    monkeypatch.chdir(tmp_path)
    make(tmp_path)
    # --engine dask: the check comes before a cluster starts, so this returns at once
    result = runner.invoke(app, ["--db", str(imported_db), "classify", "--input", *args, "--output", "out.parquet",
                                 "--engine", "dask", "--workers", "2"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ")
    assert re.search(message, line), line
    assert not (tmp_path / "out.parquet").exists()


def test_a_bad_row_mid_file_is_one_line_and_leaves_no_output(imported_db: Path, cluster, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text("title,city\nWelder,Austin\nNurse,Boston,extra\n", encoding="utf-8")
    with pytest.raises(CareerClustersError, match=r"p\.csv: .*Expected 2 fields in line 3, saw 3"):
        classify_files(imported_db, str(source), "title", tmp_path / "out.csv", engine="dask",
                       scheduler=cluster.scheduler_address)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv"]
