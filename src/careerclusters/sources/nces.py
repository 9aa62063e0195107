"""NCES files: the CIP 2020 code list (CSV) and the CIP 2020 ↔ SOC 2018 crosswalk (workbook).

The CIP CSV writes every code as an Excel formula (``="01.0101"``) to keep leading zeros; rows cover
2-digit families, 4-digit series and 6-digit programs, including moved, deleted and reserved codes.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.excel import open_workbook, sheet_rows
from careerclusters.base.text import read_csv_text
from careerclusters.sources.base import CIP, SOC, Columns, Extract, checked_code, text

PUBLISHER = "NCES (U.S. Department of Education)"
CIP_KIND = "nces-cip"
CIP_SOC_KIND = "nces-cip-soc"
CIP_SOC_SHEET = "CIP-SOC"

CIP_COLUMNS = {"family": ("CIPFamily",), "code": ("CIPCode",), "action": ("Action",),
               "title": ("CIPTitle",), "definition": ("CIPDefinition",),
               "cross_references": ("CrossReferences",), "examples": ("Examples",)}
ANY_CIP = re.compile(r"^\d{2}(\.\d{2}(\d{2})?)?$")


def looks_like_cip(header: list[str]) -> bool:
    """NCES's CIP list: its header names the code column ``CIPCode`` (the other columns are checked later)."""
    return "cipcode" in {h.strip().lower() for h in header}


def _unformula(value: str) -> str:
    """``="01.0101"`` → ``01.0101``."""
    value = value.strip()
    return value[2:-1] if value.startswith('="') and value.endswith('"') else value


def read_cip(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    content, _encoding = read_csv_text(path)
    reader = csv.reader(io.StringIO(content))
    cols = Columns(next(reader, []), CIP_COLUMNS, file=file, row=1, optional={"cross_references", "examples"})
    rows = []
    for number, row in enumerate(reader, start=2):
        if not any(row):
            continue
        code = checked_code(_unformula(text(cols.get(row, "code"))), ANY_CIP, "CIP", file=file, row=number,
                            column="CIPCode")
        examples = text(cols.get(row, "examples"))
        rows.append((code, len(code.replace(".", "")), _unformula(text(cols.get(row, "family"))),
                     text(cols.get(row, "title")).rstrip("."), text(cols.get(row, "definition")),
                     text(cols.get(row, "action")), text(cols.get(row, "cross_references")) or None,
                     examples or None))
    if not rows:
        raise SourceError(file, "no data rows")
    return Extract(CIP_KIND, PUBLISHER, release or "CIP 2020", file, sha256, {"cip": rows})


def read_cip_soc(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    book = open_workbook(path)
    rows = sheet_rows(book, CIP_SOC_SHEET, file)
    cols = Columns(next(rows, ()), {"cip": ("CIP2020Code",), "cip_title": ("CIP2020Title",),
                                    "soc": ("SOC2018Code",), "soc_title": ("SOC2018Title",)},
                   file=file, sheet=CIP_SOC_SHEET, row=1)
    records = []
    for number, row in enumerate(rows, start=2):
        if not any(row):
            continue
        cip = checked_code(cols.get(row, "cip"), CIP, "CIP 2020", file=file, sheet=CIP_SOC_SHEET, row=number,
                           column="CIP2020Code")
        soc = checked_code(cols.get(row, "soc"), SOC, "SOC 2018", file=file, sheet=CIP_SOC_SHEET, row=number,
                           column="SOC2018Code")
        if soc == "99-9999":  # "NO MATCH" marker rows
            continue
        records.append((cip, text(cols.get(row, "cip_title")).rstrip("."), soc, text(cols.get(row, "soc_title"))))
    return Extract(CIP_SOC_KIND, PUBLISHER, release or "CIP 2020 to SOC 2018", file, sha256,
                   {"cip_soc": records})
