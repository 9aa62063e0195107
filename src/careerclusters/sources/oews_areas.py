"""BLS's OEWS workbooks by area: states (``oesm25st.zip`` → ``state_M2025_dl.xlsx``), metro areas with the
nonmetropolitan areas beside them (``oesm25ma.zip`` → ``MSA_M2025_dl.xlsx`` and ``BOS_M2025_dl.xlsx``) and
the all-areas file (``oesm25all.zip``). They share the national workbook's columns (``AREA``, ``AREA_TITLE``,
``AREA_TYPE`` 1 U.S. / 2 state / 3 territory / 4 metro / 6 nonmetro, ``PRIM_STATE``, … ``JOBS_1000``,
``LOC_QUOTIENT``) and its markers; this reader stores them like the all-areas SQLite bundle
(``oews_bundle``), under BLS's seven-character area codes, so either source answers the same questions.

Only cross-industry rows are kept unless ``industries`` is asked for: then the rows of every industry
(``NAICS`` other than 000000, as the all-areas file has them) are kept too, leveled from ``I_GROUP``. Every
workbook found in one zip is read, and files imported together in one run are combined.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.excel import open_workbooks, sheet_rows
from careerclusters.sources.base import SOC, Columns, Extract, checked_code, text
from careerclusters.sources.bls import PUBLISHER, WAGE_FIELDS, number_or_marker
from careerclusters.sources.oews_bundle import KIND
from careerclusters.sources.us_states import FIPS_BY_POSTAL

AREA_TYPES = {"1": "national", "2": "state", "3": "territory", "4": "metro", "6": "nonmetro"}
_SHEET = re.compile(r"^(national|state|msa|bos|all_data)\w*_?M_?(\d{4})(_dl)?$", re.I)
_MEASURES = ("tot_emp", "jobs_1000", "loc_quotient", "h_mean", "a_mean", *WAGE_FIELDS[2:])
#: ``I_GROUP`` → the store's industry level (see schema_4.sql): ownership groupings, sectors, NAICS digits.
_INDUSTRY_LEVELS = {"sector": 2, "3-digit": 3, "4-digit": 4, "5-digit": 5, "6-digit": 5}


class Industries:
    """Where a reader asked for every industry's rows puts them: the rows, and each industry's title and level."""

    def __init__(self) -> None:
        self.wages: dict[tuple[str, str, str], tuple[object, ...]] = {}
        self.titles: dict[str, tuple[str, str, int]] = {}


def _industry_level(group: str, file: str, sheet: str, row: int) -> int:
    folded = group.lower()
    if "ownership" in folded or folded.startswith("cross-industry"):
        return 1
    if folded not in _INDUSTRY_LEVELS:
        raise SourceError(file, f"unknown I_GROUP {group!r}", sheet=sheet, row=row, column="I_GROUP")
    return _INDUSTRY_LEVELS[folded]


def area_sheet(sheetnames: list[str], *, national: bool = False) -> str | None:
    """The data sheet of an OEWS area workbook (``state_M2025_dl``, ``MSA_M2025_dl``, ``BOS_M2025_dl``,
    ``All May 2025 data``), or None; with ``national``, the national workbook's sheet counts too (its one
    area is the nation)."""
    for name in sheetnames:
        if _SHEET.match(name) and (national or not name.lower().startswith("national")):
            return name
        if re.match(r"^all .*data$", name, re.I):
            return name
    return None


def _area_code(raw: object, area_type: str, file: str, row: int) -> str:
    digits = re.sub(r"\D", "", text(raw))
    if not digits:
        raise SourceError(file, f"{text(raw)!r} is not an OEWS area code", row=row, column="AREA")
    if area_type == "national":
        return "0000000"
    if area_type in {"state", "territory"}:
        return f"{digits.zfill(2)}00000"
    return digits.zfill(7) if area_type == "nonmetro" or len(digits) > 5 else f"00{digits.zfill(5)}"


def _read_sheet(book: object, sheet: str, file: str, areas: dict[str, tuple[str, ...]],
                wages: dict[tuple[str, str], tuple[object, ...]], industries: Industries | None) -> None:
    rows = sheet_rows(book, sheet, file)  # type: ignore[arg-type]
    wanted = {"area": ("AREA",), "area_title": ("AREA_TITLE",), "area_type": ("AREA_TYPE",),
              "state": ("PRIM_STATE",), "naics": ("NAICS",), "soc": ("OCC_CODE",), "group": ("O_GROUP", "OCC_GROUP"),
              "annual": ("ANNUAL",), "hourly": ("HOURLY",),
              "naics_title": ("NAICS_TITLE",), "i_group": ("I_GROUP",)}
    wanted |= {m: (m.upper(),) for m in _MEASURES}
    cols = Columns(next(rows, ()), wanted, file=file, sheet=sheet, row=1,
                   optional={"naics", "annual", "hourly", "jobs_1000", "loc_quotient", "state", "naics_title",
                             "i_group"})
    for number, row in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in row):
            continue
        naics = text(cols.get(row, "naics"))
        by_industry = bool(naics) and naics != "000000"
        if by_industry and industries is None:
            continue  # an industry's breakdown: only cross-industry rows are kept unless asked
        area_type = AREA_TYPES.get(text(cols.get(row, "area_type")))
        if area_type is None:
            raise SourceError(file, f"unknown AREA_TYPE {text(cols.get(row, 'area_type'))!r}", sheet=sheet, row=number,
                              column="AREA_TYPE")
        code = _area_code(cols.get(row, "area"), area_type, file, number)
        postal = text(cols.get(row, "state")).upper() or "US"
        areas.setdefault(code, (code, area_type, "00" if postal == "US" else FIPS_BY_POSTAL.get(postal, ""),
                                postal, text(cols.get(row, "area_title"))))
        soc = checked_code(cols.get(row, "soc"), SOC, "SOC", file=file, sheet=sheet, row=number, column="OCC_CODE")
        markers: dict[str, str] = {}
        values: list[float | None] = []
        for measure in _MEASURES:
            value, marker = number_or_marker(cols.get(row, measure), file, sheet, number, measure.upper())
            values.append(value)
            if marker:
                markers[measure] = marker
        figures = (text(cols.get(row, "group")), *values, text(cols.get(row, "annual")).upper() == "TRUE",
                   text(cols.get(row, "hourly")).upper() == "TRUE", json.dumps(markers, sort_keys=True) if markers
                   else None)
        if industries is not None and by_industry:
            group = text(cols.get(row, "i_group"))
            industries.titles.setdefault(naics, (naics, text(cols.get(row, "naics_title")),
                                                 _industry_level(group, file, sheet, number)))
            industries.wages.setdefault((code, naics, soc), (code, naics, soc, *figures))
        else:
            wages.setdefault((code, soc), (code, soc, *figures))


def read(path: Path, sha256: str, release: str | None = None, *, industries: bool = False) -> Extract:
    file = path.name
    by_industry = Industries() if industries else None
    areas: dict[str, tuple[str, ...]] = {}
    wages: dict[tuple[str, str], tuple[object, ...]] = {}
    years = set()
    for book in open_workbooks(path):
        sheet = area_sheet(book.sheetnames, national=True)
        if sheet is None:
            continue  # a zip may carry a field-description workbook beside the data
        years.update(re.findall(r"(\d{4})", sheet))
        _read_sheet(book, sheet, file, areas, wages, by_industry)
    if not wages:
        raise SourceError(file, "no OEWS rows by area (no state_, MSA_, BOS_ or all-data sheet)")
    label = release or (f"OEWS May {min(years)}, areas" if years else "OEWS, areas")
    tables: dict[str, list[tuple[object, ...]]] = {"oews_area": sorted(areas.values()),
                                                   "oews_area_wage": list(wages.values())}
    if by_industry is not None:
        tables |= {"oews_area_industry_wage": list(by_industry.wages.values()),
                   "oews_industry": sorted(by_industry.titles.values())}
    return Extract(KIND, PUBLISHER, label, file, sha256, tables)
