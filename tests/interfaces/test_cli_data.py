"""The data commands (fetch, import, status), end to end through the command line: from a mirror, a corrupt
copy, a bad file, and a fresh store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerclusters.cli import app, main

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
    assert ("Not imported yet: db_31_0_text.zip: occupation details: descriptions, titles, tasks, interests and "
            "education (O*NET) O*NET Resource Center, https://www.onetcenter.org/database.html online: "
            "`careerclusters data fetch`; offline: `careerclusters data import db_31_0_text.zip`") in text
    assert ("sced_v12.csv: secondary course codes and titles (SCED) NCES, https://nces.ed.gov/forum/sced.asp "
            "online: download it from the page; offline: `careerclusters data import sced_v12.csv`") in text
    assert "a folder holding copies of the files adds them all: `careerclusters data fetch --mirror FOLDER`" in text


def test_status_names_the_servers_not_reached_and_whether_pdfs_print(tmp_path: Path) -> None:
    cache = tmp_path / "xdg" / "careerclusters" / "downloads"
    cache.mkdir(parents=True)
    (cache / "unreachable.json").write_text(json.dumps({"www.bls.gov": {"at": 1_700_000_000, "reason": "no network"}}))
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "CAREERCLUSTERS_CHROMIUM": str(tmp_path / "no-browser")}
    told = json.loads(runner.invoke(app, ["--db", str(tmp_path / "s.sqlite"), "data", "status", "--json"],
                                    env=env).stdout)
    assert told["unreachable"] == {"www.bls.gov": {"at": 1_700_000_000, "reason": "no network"}}
    assert told["pdf"] == {"available": False,
                           "problem": f"CAREERCLUSTERS_CHROMIUM names {tmp_path / 'no-browser'}, which is not a file"}
    text = " ".join(runner.invoke(app, ["--db", str(tmp_path / "s.sqlite"), "data", "status"], env=env).stdout.split())
    assert ("Not reached at the last fetch: www.bls.gov (no network); `serve --fetch` tries it again after a day, "
            "`careerclusters serve --fetch --retry` at once.") in text
    assert "PDF downloads: off: CAREERCLUSTERS_CHROMIUM names" in text


def test_the_store_option_after_the_command_is_answered_with_the_line_that_works(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "status", "--db", "my store.sqlite"]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: No such option: --db. --db is an option of careerclusters itself and goes before the command: "
        "careerclusters --db 'my store.sqlite' data status")
