"""BLS's OEWS area definitions (``area_definitions_m2024.xlsx``, linked from the OEWS "Area definitions" page):
every county, and in New England every township, with the metropolitan or nonmetropolitan area whose figures
include its jobs. It lets a district name its place as it knows it ("Franklin County, OH") and find the area
(Columbus, OH).

Columns, found by header since the year is part of some names: ``FIPS code`` (the state's), ``State`` or
``State abbreviation``, ``May 2024 MSA code`` (a 5-digit CBSA code for a metro area, BLS's 7-digit code for a
nonmetropolitan one), ``May 2024 MSA name``, ``County code``, ``Township code`` (New England) and ``County name
(or Township name for the New England states)``.
"""

from __future__ import annotations

import re
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.sources.base import Columns, Extract, header_key, rows_after_header, table_rows, text

KIND = "bls-oews-area-definitions"
PUBLISHER = "U.S. Bureau of Labor Statistics"
_MSA_CODE = re.compile(r"msa code$")
_MSA_NAME = re.compile(r"msa name$")


def looks_like(header: list[str]) -> bool:
    """The area definitions: county code, county name and MSA code columns."""
    return "county code" in header and any(_MSA_CODE.search(h) for h in header)


def _area_code(value: object, file: str, row: int) -> str:
    """BLS's seven-character area code: a metro area's five-digit CBSA code gets two leading zeros."""
    code = text(value).removesuffix(".0")
    if not code.isdigit() or len(code) > 7:
        raise SourceError(file, f"{code!r} is not an OEWS area code", row=row, column="MSA code")
    return code.zfill(5).zfill(7) if len(code) <= 5 else code.zfill(7)


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    rows = table_rows(path, file)
    header_row, header = rows_after_header(rows, "County code", file=file)
    keys = [header_key(h) for h in header]
    code_column = next((header[i] for i, k in enumerate(keys) if _MSA_CODE.search(k)), "MSA code")
    name_column = next((header[i] for i, k in enumerate(keys) if _MSA_NAME.search(k)), "MSA name")
    county_name = next((header[i] for i, k in enumerate(keys) if k.startswith("county name")), "County name")
    cols = Columns(header, {"fips": ("FIPS code", "State FIPS code"), "code": (str(code_column),),
                            "area": (str(name_column),), "county": ("County code",),
                            "township": ("Township code",), "name": (str(county_name),)},
                   file=file, row=header_row, optional={"township"})
    records: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for number, row in enumerate(rows, start=header_row + 1):
        if not any(text(v) for v in row):
            continue
        fips, county = text(cols.get(row, "fips")).removesuffix(".0"), text(cols.get(row, "county")).removesuffix(".0")
        if not fips.isdigit() or not county.isdigit():
            raise SourceError(file, "state FIPS and county codes are numbers", row=number, column="County code")
        township = text(cols.get(row, "township")).removesuffix(".0")
        township = "" if township in {"", "0"} else township.zfill(5)
        key = (fips.zfill(2), county.zfill(3), township)
        records[key] = (*key, text(cols.get(row, "name")), _area_code(cols.get(row, "code"), file, number),
                        text(cols.get(row, "area")))
    if not records:
        raise SourceError(file, "no counties listed")
    year = re.search(r"(\d{4})", str(code_column))
    return Extract(KIND, PUBLISHER, release or f"OEWS area definitions{f' (May {year.group(1)})' if year else ''}",
                   file, sha256, {"county_area": list(records.values())})
