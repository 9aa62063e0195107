"""Spreadsheets in and out of every interface: every CSV the web, the API and the command line write shows
formula-like text as text (a leading quote) and keeps real numbers numeric; ``--raw`` writes the cells unchanged;
junk text gets a reason, not a code; CSV in cp1252 or with a byte-order mark, and .xlsx, are read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from careerclusters.cli import app
from careerclusters.server.app import create_app
from tests.helpers import HYPERLINK

runner = CliRunner()


def test_web_download_keeps_negative_growth_numeric(imported_db: Path) -> None:
    text = TestClient(create_app(imported_db, warm=False)).get("/subclusters/physical-health/occupations.csv").text
    assert "51-9081,Dental Laboratory Technicians,49610,,3.9,35.2,-4.7,High school diploma or equivalent" in text


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_classify_file_neutralises_and_raw_keeps(imported_db: Path, tmp_path: Path) -> None:
    source = tmp_path / "postings.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["title", "note"], [HYPERLINK, "-3.5"], ["Registered Nurse", "@SUM(A1)"]])
    safe = runner.invoke(app, ["--db", str(imported_db), "classify", "--input", str(source)])
    assert safe.exit_code == 0, safe.output
    rows = _rows(safe.stdout)
    assert rows[0]["title"] == "'" + HYPERLINK and rows[0]["note"] == "-3.5"
    assert rows[0]["onet_soc"] == "" and rows[0]["reason"] == "a spreadsheet formula, not a title"
    assert rows[1]["note"] == "'@SUM(A1)" and rows[1]["onet_soc"] == "29-1141.00"
    raw = _rows(runner.invoke(app, ["--db", str(imported_db), "classify", "--input", str(source), "--raw"]).stdout)
    assert raw[0]["title"] == HYPERLINK and raw[1]["note"] == "@SUM(A1)"


def test_crosswalk_csv_neutralises_and_raw_keeps(imported_db: Path) -> None:
    args = ["--db", str(imported_db), "crosswalk", "cip", "subcluster", "51.3801", "=1+1", "--csv"]
    safe = _rows(runner.invoke(app, args).stdout)
    assert safe[-1]["cip"] == "'=1+1" and safe[-1]["subcluster"] == ""
    assert "Physical Health" in {r["subcluster_name"] for r in safe if r["cip"] == "51.3801"}
    raw = _rows(runner.invoke(app, [*args, "--raw"]).stdout)
    assert raw[-1]["cip"] == "=1+1"


def test_transition_file_neutralises_and_raw_keeps(imported_db: Path, tmp_path: Path) -> None:
    source = tmp_path / "programs.csv"
    source.write_text(f'name,pathway\n"{HYPERLINK.replace(chr(34), chr(34) * 2)}",Therapeutic Services\n',
                      encoding="utf-8")
    safe = _rows(runner.invoke(app, ["--db", str(imported_db), "transition", "--input", str(source)]).stdout)
    assert safe[0]["name"] == "'" + HYPERLINK and safe[0]["modern_subcluster"] == "physical-health"
    raw = _rows(runner.invoke(app, ["--db", str(imported_db), "transition", "--input", str(source), "--raw"]).stdout)
    assert raw[0]["name"] == HYPERLINK


def test_api_classify_junk_gets_a_reason_get_and_post(imported_db: Path) -> None:
    client = TestClient(create_app(imported_db, warm=False))
    answer = client.get("/api/v1/classify", params={"text": HYPERLINK}).json()
    assert answer["candidates"] == [] and answer["reason"] == "a spreadsheet formula, not a title"
    batch = client.post("/api/v1/classify", json={"texts": ["Registered Nurse", "12345", HYPERLINK, "x" * 400],
                                                  "k": 2}).json()
    assert batch["kind"] == "occupation" and batch["k"] == 2
    [nurse, digits, formula, long] = batch["results"]
    assert [c["code"] for c in nurse["candidates"]][:1] == ["29-1141.00"] and nurse["reason"] is None
    assert len(nurse["candidates"]) == 2 and nurse["candidates"][0]["subclusters"][0]["name"] == "Physical Health"
    assert (digits["reason"], formula["reason"], long["reason"]) == (
        "no words to classify", "a spreadsheet formula, not a title", "longer than 300 characters")
    programs = client.post("/api/v1/classify", json={"texts": ["Registered Nursing"], "kind": "program"}).json()
    assert programs["results"][0]["candidates"][0]["code"] == "51.3801"
    cli = runner.invoke(app, ["--db", str(imported_db), "classify", HYPERLINK, "--json"])
    assert json.loads(cli.stdout)[0]["reason"] == "a spreadsheet formula, not a title"


# -- spreadsheets in ------------------------------------------------------------------------------------------

def _classify(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), "classify", *args])


def test_csv_in_cp1252_or_with_a_bom_is_read_and_said(imported_db: Path, tmp_path: Path) -> None:
    windows = tmp_path / "windows.csv"
    windows.write_bytes("title,city\r\nRegistered Nurse,Bogotá\r\nCafé Barista,Zürich\r\n".encode("cp1252"))
    result = _classify(imported_db, "--input", str(windows))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "read windows.csv as cp1252"
    rows = _rows(result.stdout)
    assert rows[0]["city"] == "Bogotá" and rows[0]["onet_soc"] == "29-1141.00"
    assert rows[1]["title"] == "Café Barista" and rows[1]["soc"] == "35-3023"
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + b"title\nRegistered Nurse\n")
    result = _classify(imported_db, "--input", str(bom))
    assert result.stderr.strip() == "read bom.csv as utf-8 with byte-order mark"
    assert _rows(result.stdout)[0]["onet_soc"] == "29-1141.00"  # the header is "title", not "\ufefftitle"
    forced = _classify(imported_db, "--input", str(windows), "--encoding", "latin-1")
    assert forced.stderr.strip() == "read windows.csv as iso8859-1" and "Bogotá" in forced.stdout
    wrong = _classify(imported_db, "--input", str(windows), "--encoding", "utf-8")
    assert wrong.exit_code == 2 and wrong.stderr.startswith("error: windows.csv: not utf-8 text")


def test_missing_input_is_reported_as_missing(imported_db: Path, tmp_path: Path) -> None:
    for command in (["classify", "--input"], ["transition", "--input"], ["crosswalk", "cip", "soc", "-i"]):
        result = runner.invoke(app, ["--db", str(imported_db), *command, str(tmp_path / "nope.csv")])
        assert result.exit_code == 2
        assert result.stderr == f"error: {tmp_path / 'nope.csv'}: no such file\n"


def test_xlsx_input_where_csv_is(imported_db: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Programs"
    book.active.append(["name", "pathway", "cip"])
    book.active.append(["Nursing pathway", "Therapeutic Services", None])
    book.active.append(["Welding", None, 48.0508])
    book.save(tmp_path / "programs.xlsx")
    result = runner.invoke(app, ["--db", str(imported_db), "transition", "--input", str(tmp_path / "programs.xlsx")])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "read programs.xlsx as the .xlsx sheet 'Programs'"
    nursing, welding = _rows(result.stdout)
    assert nursing["modern_subcluster"] == "physical-health" and welding["basis"] == "cip"
    codes = openpyxl.Workbook()
    codes.active.append(["cip"])
    codes.active.append([51.3801])
    codes.save(tmp_path / "codes.xlsx")
    result = runner.invoke(app, ["--db", str(imported_db), "crosswalk", "cip", "subcluster", "-i",
                                 str(tmp_path / "codes.xlsx"), "--json"])
    assert "physical-health" in {t["code"] for t in json.loads(result.stdout)[0]["targets"]}


def test_the_alignment_form_reads_an_uploaded_workbook_whatever_its_name(imported_db: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["program", "cip"])
    book.active.append(["Registered Nursing", "51.3801"])
    book.save(tmp_path / "programs.xlsx")
    client = TestClient(create_app(imported_db, warm=False))
    page = client.post("/reports/alignment", data={"area": "OH"},
                       files={"programs": ("programs.csv", (tmp_path / "programs.xlsx").read_bytes())})
    assert page.status_code == 200 and "Registered Nursing" in page.text
    old = client.post("/reports/alignment", data={"area": "OH"},
                      files={"programs": ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))})
    assert old.status_code == 422 and "an Excel 97-2003 workbook (.xls), which is not read here" in old.text
