"""A state's long-term occupational projections in the layout Projections Central (projectionscentral.org, the
states' and BLS's shared site) publishes them: one row per state and occupation with the base and projected
years' employment, the change, and average annual openings.

Both of its layouts are read, the download (``State FIPS``, ``Area Name``, ``Occupation Code``, ``Occupation
Name``, ``Base Year``, ``Base``, ``Projected Year``, ``Projection``, ``Change``, ``Percent Change``, ``Average
Annual Openings``) and the REST export (``STFIPS``, ``Area``, ``OccCode``, ``Title``, ``BaseYear``, ``Base``,
``ProjYear``, ``Projected``, ``Change``, ``PercentChange``, ``AvgAnnualOpenings``), as CSV or a workbook. A
state's own file with those columns works too. ``(NA)``, where a state publishes no figure, is kept as no figure,
never 0; a code a spreadsheet turned into a date (``11-1011`` read as November 1011) is turned back.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.sources.base import (
    SOC,
    Columns,
    Extract,
    checked_code,
    header_key,
    rows_after_header,
    table_rows,
    text,
)
from careerclusters.sources.us_states import FIPS_BY_POSTAL, STATES

KIND = "state-projections"
PUBLISHER = "State labor market information offices (Projections Central layout)"
COLUMNS = {
    "fips": ("State FIPS", "STFIPS", "FIPS", "State FIPS Code"),
    "area": ("Area Name", "Area", "AreaName", "State"),
    "soc": ("Occupation Code", "OccCode", "SOC Code", "SOC"),
    "title": ("Occupation Name", "Title", "Occupation Title", "Occupation"),
    "base_year": ("Base Year", "BaseYear"),
    "base": ("Base", "Base Employment", "Estimated Employment"),
    "projected_year": ("Projected Year", "ProjYear", "Projection Year"),
    "projected": ("Projection", "Projected", "Projected Employment"),
    "change": ("Change", "Numeric Change", "Employment Change"),
    "change_pct": ("Percent Change", "PercentChange", "Percent"),
    "openings": ("Average Annual Openings", "AvgAnnualOpenings", "Annual Openings", "Total Annual Openings"),
}
_NOT_AVAILABLE = {"", "(na)", "na", "n/a", "*", "**", "-", "—", "(d)", "(c)"}
_NATION = {"0", "00", "us", "u s", "united states"}


def looks_like(header: list[str]) -> bool:
    """A projections table: an occupation code, base employment and openings columns."""
    has = {k: any(header_key(a) in header for a in alternatives) for k, alternatives in COLUMNS.items()}
    return has["soc"] and has["base"] and has["openings"] and (has["fips"] or has["area"])


def _number(value: object, file: str, row: int, column: str) -> float | None:
    if isinstance(value, int | float):
        return float(value)
    cleaned = text(value).replace(",", "").replace("%", "")
    if cleaned.lower() in _NOT_AVAILABLE:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise SourceError(file, f"{cleaned!r} is not a number (nor (NA))", row=row, column=column) from None


def soc_code(value: object, file: str, row: int) -> str:
    if isinstance(value, dt.datetime | dt.date):  # "11-1011" a spreadsheet read as a month and a year
        value = f"{value.month:02d}-{value.year:04d}"
    code = text(value)
    if re.fullmatch(r"\d{6}", code):
        code = f"{code[:2]}-{code[2:]}"
    return checked_code(code, SOC, "SOC", file=file, row=row, column="Occupation Code")


def state_fips(fips: object, area: str, file: str, row: int) -> str | None:
    """The state's two-digit FIPS code; None for the nation's rows (Projections Central lists them first)."""
    code = text(fips)
    if code.endswith(".0"):
        code = code[:-2]
    if code.lower() in _NATION or area.lower() in _NATION:
        return None
    if code.isdigit():
        code = code.zfill(2)
        if code in STATES:
            return code
    by_name = {name.lower(): f for f, (_postal, name) in STATES.items()}
    found = by_name.get(area.lower()) or FIPS_BY_POSTAL.get(area.upper())
    if found is None:
        raise SourceError(file, f"no U.S. state {code or area!r}", row=row, column="State FIPS")
    return found


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    rows = table_rows(path, file)
    header_row, header = rows_after_header(rows, COLUMNS["soc"], file=file)
    cols = Columns(header, COLUMNS, file=file, row=header_row,
                   optional={"fips", "area", "title", "base_year", "projected_year", "projected", "change",
                             "change_pct"})
    if "fips" not in cols.index and "area" not in cols.index:
        raise SourceError(file, "needs a 'State FIPS' or an 'Area Name' column", row=header_row)
    records: dict[tuple[str, str], tuple[object, ...]] = {}
    years: set[tuple[int, int]] = set()
    states: set[str] = set()
    for number, row in enumerate(rows, start=header_row + 1):
        if not any(text(v) for v in row):
            continue
        area = text(cols.get(row, "area"))
        state = state_fips(cols.get(row, "fips"), area, file, number)
        if state is None:
            continue
        soc = soc_code(cols.get(row, "soc"), file, number)
        figures = {name: _number(cols.get(row, name), file, number, name)
                   for name in ("base", "projected", "change", "change_pct", "openings")}
        base_year, projected_year = (int(_number(cols.get(row, n), file, number, n) or 0) or None
                                     for n in ("base_year", "projected_year"))
        if base_year and projected_year:
            years.add((base_year, projected_year))
        if figures["change_pct"] is None and figures["base"] and figures["projected"] is not None:
            figures["change_pct"] = round(100 * (figures["projected"] - figures["base"]) / figures["base"], 1)
        states.add(state)
        records[(state, soc)] = (state, area or STATES[state][1], soc, text(cols.get(row, "title")) or soc,
                                 base_year, figures["base"], projected_year, figures["projected"],
                                 figures["change"], figures["change_pct"], figures["openings"])
    if not records:
        raise SourceError(file, "no state's projections in it (only the nation's, or no rows)")
    period = "–".join(map(str, sorted(years)[-1])) if years else "years not given"
    names = ", ".join(sorted(STATES[s][1] for s in states))
    return Extract(KIND, PUBLISHER, release or f"{names} long-term occupational projections {period}", file,
                   sha256, {"state_projection": list(records.values())})

