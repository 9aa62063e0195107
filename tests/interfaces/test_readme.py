"""The README's commands work as written. Every ``$ `` line of its console blocks is run by bash, exactly as printed,
from a clone's folder with the real launcher (``scripts/careerclusters``), against a store the test builds and the
input files the lines name; the few lines that cannot run here are listed below with the reason, and that list
must match the README, so a new command is tested unless someone says why not. The commands the program prints in
its hints are written with the launcher it was started by, so they work as pasted too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from careerclusters.pos import files, workbook
from careerclusters.pos.examples import CATALOG, FOLDER
from tests.helpers import ROOT, SHARED, STATE_MATRIX, clone_env, copy_store_with_caches, scratch_clone

#: Lines that cannot run in a test, each with the reason (the rest of its block runs).
NOT_RUN = {
    "scripts/careerclusters data fetch": "downloads from the publishers (tests/data/test_fetch.py fakes them)",
    "scripts/careerclusters data fetch --contact you@district.org": "downloads from the publishers",
    "scripts/careerclusters data import ~/Downloads/SOC_Career_Clusters_Crosswalk.xlsx "
    "~/Downloads/db_31_0_text.zip": "names files the reader downloaded (the mirror line imports the same files)",
    "scripts/careerclusters classify -i postings/ -o coded.parquet --engine dask --scheduler tcp://10.0.0.5:8786":
        "names a Dask cluster's address (tests/classifier/test_dask.py runs a real one)",
    "scripts/careerclusters survey": "asks its questions at the terminal (tests/interfaces/test_cli_survey.py)",
    "export CAREERCLUSTERS_DB=/srv/careerclusters/current.sqlite": "a server's own folder",
    "scripts/careerclusters serve --host 127.0.0.1 --port 8000 --workers 4 --https":
        "serves until stopped (tests/interfaces/test_cli_serve.py starts and stops it)",
    "scripts/careerclusters --db /srv/careerclusters/2026-06.sqlite data fetch": "a server's own folder; downloads",
    "scripts/careerclusters --db /srv/careerclusters/2026-06.sqlite classify nurse >/dev/null": "a server's own folder",
    "scripts/careerclusters --db /srv/careerclusters/2026-06.sqlite classify nursing --kind program >/dev/null":
        "a server's own folder",
}
#: Exit codes the README documents for a line other than 0.
EXIT = {"scripts/careerclusters pos validate catalog.csv": {0, 1},  # "exit 0 clean, 1 with findings"
        'scripts/careerclusters pos validate matrix.xlsx --area "Columbus, OH"': {0, 1}}


def console_lines(readme: str) -> list[str]:
    """The commands of every ```console block, as printed after ``$ `` (any indentation)."""
    lines = []
    for block in re.findall(r"^[ \t]*```console\n(.*?)^[ \t]*```", readme, flags=re.M | re.S):
        lines += [line.strip()[2:] for line in block.splitlines() if line.strip().startswith("$ ")]
    return lines


def command_of(line: str) -> str:
    """The line without its trailing comment (two spaces or more, then ``#``)."""
    return re.split(r"\s{2,}#", line, maxsplit=1)[0].strip()


def _inputs(folder: Path) -> None:
    """The files the README's lines name, in the clone's folder."""
    (folder / "codes.csv").write_text("soc\n29-1141\n47-2111\n", encoding="utf-8")
    (folder / "programs.csv").write_text(
        "program,cip,pathway,enrolment\nPractical Nursing,51.3901,Therapeutic Services,40\n"
        "Welding Technology,,Production,25\nCulinary Arts,12.0503,,30\n", encoding="utf-8")
    (folder / "postings.csv").write_text("title,city\nSr. RN - ICU - Nights,Dallas\nCDL Class A Driver,Reno\n"
                                         "Line Cook (Full Time),Austin\n", encoding="utf-8")
    parts = folder / "postings"
    parts.mkdir()
    (parts / "part-0.csv").write_text("title\nRegistered Nurse\nWelder\n", encoding="utf-8")
    (parts / "part-1.csv").write_text("title\nSoftware Developer\nElectrician Apprentice\n", encoding="utf-8")
    import pandas as pd

    pd.DataFrame({"title": ["Registered Nurse", "Welder", "Pastry Chef"], "id": [1, 2, 3]}).to_parquet(
        folder / "postings.parquet")
    shutil.copyfile(CATALOG, folder / "catalog.csv")
    shutil.copyfile(FOLDER / "registered-nursing.yaml", folder / "nursing.yaml")
    (folder / "matrix.xlsx").write_bytes(workbook.write(files.read(STATE_MATRIX)[0]))  # a state's matrix workbook
    (folder / "old").mkdir()  # version 1 files to upgrade
    for name in ("welding.yaml", "culinary-arts.yaml"):
        shutil.copyfile(FOLDER / name, folder / "old" / name)
    (folder / "more").mkdir()
    for name in ("agricultural-mechanics.yaml", "software-development.yaml"):
        shutil.copyfile(FOLDER / name, folder / "more" / name)
    rules = (ROOT / "src/careerclusters/pos/rules.yaml").read_text(encoding="utf-8")
    (folder / "our-state.yaml").write_text(rules.replace("severity: warning", "severity: info", 1), encoding="utf-8")
    (folder / "answers.json").write_text(json.dumps({"r1": 2, "r2": 2, "r3": 2, "c1": 0, "co-trades": 2}),
                                         encoding="utf-8")


def test_the_readme_lists_only_lines_it_has_as_not_run() -> None:
    commands = {command_of(line) for line in console_lines((ROOT / "README.md").read_text(encoding="utf-8"))}
    assert set(NOT_RUN) <= commands, f"no longer in the README: {sorted(set(NOT_RUN) - commands)}"
    assert not [c for c in commands if c.startswith("careerclusters ")], "README commands use the launcher"


def test_every_readme_command_works_as_written(imported_db: Path, occupations: object, programs: object,
                                                tmp_path: Path) -> None:
    """In order, as a reader would: the mirror import, then questions, files, reports and programs of study."""
    (tmp_path / "shared").symlink_to(SHARED.resolve())  # the README's `--mirror ../shared/data`, from the clone
    clone = scratch_clone(tmp_path / "careerclusters")
    _inputs(clone)
    (tmp_path / "store").mkdir()
    db = copy_store_with_caches(imported_db, tmp_path / "store" / "careerclusters.sqlite")
    env = clone_env(tmp_path, db)
    ran = []
    for line in console_lines((ROOT / "README.md").read_text(encoding="utf-8")):
        command = command_of(line)
        if command in NOT_RUN:
            continue
        result = subprocess.run(["bash", "-c", line], cwd=clone, env=env, capture_output=True, text=True,
                                timeout=900)
        told = f"$ {line}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        assert result.returncode in EXIT.get(command, {0}), told
        assert "Traceback" not in result.stderr and "error:" not in result.stderr, told
        ran.append(command)
    assert len(ran) >= 35
    # what the lines were run for
    assert "physical-health" in (clone / "mapped.csv").read_text(encoding="utf-8")
    assert (clone / "report.html").read_text(encoding="utf-8").count("Practical Nursing") >= 1
    assert [p.id for p in workbook.parse_workbook((clone / "teaching.xlsx").read_bytes(), "teaching.xlsx")] == [
        "example-teaching"]
    assert "format: careerclusters/program-of-study/2" in (clone / "old" / "welding.yaml").read_text("utf-8")
    assert "29-1141" in (clone / "coded.csv").read_text(encoding="utf-8")
    import pandas as pd

    assert len(pd.read_parquet(clone / "coded.parquet")) == 3


def test_the_programs_hints_are_written_with_its_launcher(data_dir: Path, tmp_path: Path) -> None:
    """On an empty store, `data status` names what is missing and the commands that add it, written the way the
    program was started, and the first of them runs as printed."""
    clone = scratch_clone(tmp_path / "careerclusters")
    env = clone_env(tmp_path, tmp_path / "empty.sqlite")
    told = subprocess.run(["bash", "-c", "scripts/careerclusters data status"], cwd=clone, env=env,
                          capture_output=True, text=True, timeout=300)
    assert told.returncode == 0, told.stderr
    text = " ".join(told.stdout.split())
    assert ("online: `scripts/careerclusters data fetch`; offline: "
            "`scripts/careerclusters data import CIPCode2020.csv`") in text
    assert "careerclusters data" not in text.replace("scripts/careerclusters data", "")
    hinted = re.search(r"`(scripts/careerclusters data fetch --mirror) FOLDER`", text)
    assert hinted is not None
    mirror = tmp_path / "copies"
    mirror.mkdir()
    shutil.copyfile(data_dir / "nces" / "CIPCode2020.csv", mirror / "CIPCode2020.csv")
    fetched = subprocess.run(["bash", "-c", f"{hinted[1]} {mirror}"], cwd=clone, env=env, capture_output=True,
                             text=True, timeout=300)
    assert "CIPCode2020.csv" in fetched.stdout and "imported" in fetched.stdout, fetched.stderr
    assert fetched.returncode == 2 and "the mirror has no db_31_0_text.zip" in fetched.stderr  # the rest: named


@pytest.mark.parametrize("option", ["--db", "--db=x.sqlite"])
def test_the_store_option_after_the_command_gets_the_corrected_line(tmp_path: Path, option: str) -> None:
    clone = scratch_clone(tmp_path / "careerclusters")
    args = "--db x.sqlite" if option == "--db" else option
    result = subprocess.run(["bash", "-c", f"scripts/careerclusters data status {args} --json"], cwd=clone,
                            env=clone_env(tmp_path, tmp_path / "none.sqlite"), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 2
    corrected = f"scripts/careerclusters {args} data status --json"
    assert result.stderr.strip() == ("error: No such option: --db. --db is an option of careerclusters itself and "
                                     f"goes before the command: {corrected}")


def test_the_readme_lists_every_official_file_with_its_publishers_page() -> None:
    from careerclusters.sources import OFFICIAL_FILES

    rows = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")]
    for official in OFFICIAL_FILES:
        row = next((r for r in rows if r.startswith(f"| `{official.file_name}` |")), None)
        assert row is not None, f"the README's table of official files lacks {official.file_name}"
        assert f"| {official.page} |" in row, row
