"""BLS files: OEWS national wages (May 2025) and Employment Projections Table 1.2 (2024–34).

OEWS puts markers where a number is withheld: ``*`` (wage not released), ``**`` (employment not
released) and ``#`` (wage at or above the top of the published range). They are kept as markers next to
an empty value, never turned into 0, so a page can say "not released" or "$239,200 or more".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.excel import open_workbook, sheet_rows
from careerclusters.sources.base import SOC, Columns, Extract, checked_code, header_key, rows_after_header, text

PUBLISHER = "U.S. Bureau of Labor Statistics"
OEWS_KIND = "bls-oews"
PROJECTIONS_KIND = "bls-projections"
PROJECTIONS_SHEET = "Table 1.2"

#: OEWS measures kept, in table order (hourly and annual mean and percentiles).
WAGE_FIELDS = ("h_mean", "a_mean", "h_pct10", "h_pct25", "h_median", "h_pct75", "h_pct90",
               "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90")
MARKERS = {"*": "not_released", "**": "not_released", "#": "top_coded"}


def oews_sheet(sheetnames: list[str]) -> str | None:
    """The data sheet of an OEWS workbook (named after the file, e.g. ``national_M2025_dl``)."""
    return next((s for s in sheetnames if re.match(r"^(national|state|msa|nat)\w*_M\d{4}_dl$", s, re.I)), None)


def _oews_release(sheet: str) -> str:
    match = re.search(r"M(\d{4})", sheet)
    return f"OEWS May {match.group(1)}, national" if match else "OEWS"


def number_or_marker(value: object, file: str, sheet: str, row: int, column: str) -> tuple[float | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, int | float):
        return float(value), None
    cleaned = text(value).replace(",", "")
    if cleaned in MARKERS:
        return None, MARKERS[cleaned]
    try:
        return float(cleaned), None
    except ValueError:
        raise SourceError(file, f"{cleaned!r} is neither a number nor a BLS marker (*, **, #)", sheet=sheet,
                          row=row, column=column) from None


def read_oews(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    book = open_workbook(path)
    sheet = oews_sheet(book.sheetnames)
    if sheet is None:
        raise SourceError(file, "no OEWS data sheet (such as 'national_M2025_dl')")
    rows = sheet_rows(book, sheet, file)
    wanted = {"soc": ("OCC_CODE",), "title": ("OCC_TITLE",), "group": ("O_GROUP", "OCC_GROUP"),
              "tot_emp": ("TOT_EMP",), "annual": ("ANNUAL",), "hourly": ("HOURLY",)}
    wanted |= {f: (f.upper(),) for f in WAGE_FIELDS}
    cols = Columns(next(rows, ()), wanted, file=file, sheet=sheet, row=1, optional={"annual", "hourly"})
    records = []
    for number, row in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in row):
            continue
        soc = checked_code(cols.get(row, "soc"), SOC, "SOC", file=file, sheet=sheet, row=number, column="OCC_CODE")
        markers: dict[str, str] = {}
        values: list[float | None] = []
        for field in ("tot_emp", *WAGE_FIELDS):
            value, marker = number_or_marker(cols.get(row, field), file, sheet, number, field.upper())
            values.append(value)
            if marker:
                markers[field] = marker
        records.append((soc, text(cols.get(row, "title")), text(cols.get(row, "group")), *values,
                        text(cols.get(row, "annual")).upper() == "TRUE",
                        text(cols.get(row, "hourly")).upper() == "TRUE",
                        json.dumps(markers, sort_keys=True) if markers else None))
    if not records:
        raise SourceError(file, "no data rows", sheet=sheet)
    return Extract(OEWS_KIND, PUBLISHER, release or _oews_release(sheet), file, sha256, {"oews_wage": records})


#: Table 1.2 columns, found by patterns on the folded header so that next year's "2025–35" still matches.
PROJECTION_PATTERNS = {
    "title": r"matrix title$", "soc": r"matrix code$", "type": r"^occupation type$",
    "emp_base": r"^employment \d{4}$", "emp_projected": r"^employment \d{4}$",
    "change_k": r"^employment change numeric", "change_pct": r"^employment change percent",
    "self_employed_pct": r"^percent self employed", "openings_k": r"^occupational openings",
    "median_wage": r"^median annual wage", "education": r"^typical education needed for entry",
    "experience": r"^work experience in a related occupation", "training": r"^typical on the job training",
}


def _projection_columns(header: tuple[object, ...], file: str, row: int) -> dict[str, int]:
    keys = [header_key(h) for h in header]
    found: dict[str, int] = {}
    for name, pattern in PROJECTION_PATTERNS.items():
        taken = set(found.values())
        position = next((i for i, k in enumerate(keys) if i not in taken and re.search(pattern, k)), None)
        if position is None:
            raise SourceError(file, f"missing a column like {pattern!r}", sheet=PROJECTIONS_SHEET, row=row,
                              column=name)
        found[name] = position
    return found


def read_projections(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    book = open_workbook(path)
    rows = sheet_rows(book, PROJECTIONS_SHEET, file)
    title = text(next(rows, (None,))[0])
    header_row, header = rows_after_header(rows, "Occupation type", file=file, sheet=PROJECTIONS_SHEET)
    header_row += 1  # the title line was consumed first
    cols = _projection_columns(header, file, header_row)
    period = re.search(r"(\d{4})[–-](\d{2,4})", title)
    records = []
    for number, row in enumerate(rows, start=header_row + 1):
        code = text(row[cols["soc"]]) if len(row) > cols["soc"] else ""
        if not code:
            continue  # footnotes and notes under the table
        soc = checked_code(code, SOC, "SOC", file=file, sheet=PROJECTIONS_SHEET, row=number,
                           column="2024 National Employment Matrix code")

        def num(name: str, row: tuple[object, ...] = row, number: int = number) -> float | None:
            value = row[cols[name]]
            if value is None or text(value) in {"—", "-", ""}:
                return None
            return number_or_marker(value, file, PROJECTIONS_SHEET, number, name)[0]

        wage_cell = text(row[cols["median_wage"]])
        top_coded = wage_cell.startswith(">=")  # e.g. ">=$239200": at or above the top of the range
        if top_coded:
            row = (*row[:cols["median_wage"]], wage_cell.lstrip(">=$"), *row[cols["median_wage"] + 1:])

        def label(name: str, row: tuple[object, ...] = row) -> str | None:
            value = text(row[cols[name]])
            return None if value in {"—", ""} else value

        records.append((soc, text(row[cols["title"]]), text(row[cols["type"]]), num("emp_base"),
                        num("emp_projected"), num("change_k"), num("change_pct"), num("self_employed_pct"),
                        num("openings_k"), num("median_wage", row), top_coded, label("education"),
                        label("experience"), label("training")))
    if not records:
        raise SourceError(file, "no data rows", sheet=PROJECTIONS_SHEET)
    label_ = f"Employment Projections {period.group(1)}–{period.group(2)[-2:]}" if period else "Employment Projections"
    return Extract(PROJECTIONS_KIND, PUBLISHER, release or label_, file, sha256, {"projection": records})
