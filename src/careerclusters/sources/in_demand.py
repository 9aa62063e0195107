"""A state's list of in-demand occupations: a table of SOC codes with the list's name and year, and the state
(Ohio's Top Jobs, a Workforce Board's in-demand list, a state's Perkins V high-skill, high-wage, in-demand list).

Columns, found by header: ``state`` (postal abbreviation, name or FIPS code), ``list`` (its name), ``year``,
``soc`` and, optionally, ``title``. The alignment report counts an occupation on the area's state's list as in
demand, and says so.
"""

from __future__ import annotations

from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.sources.base import Columns, Extract, header_key, rows_after_header, table_rows, text
from careerclusters.sources.state_projections import soc_code, state_fips

KIND = "state-in-demand"
PUBLISHER = "State workforce agencies (in-demand occupation lists)"
COLUMNS = {"state": ("state", "state fips", "area"), "list": ("list", "list name", "in-demand list"),
           "year": ("year", "list year"), "soc": ("soc", "soc code", "occupation code", "occcode"),
           "title": ("title", "occupation", "occupation title", "soc title")}


def looks_like(header: list[str]) -> bool:
    """An in-demand list: SOC, list-name and year columns."""
    return all(any(header_key(a) in header for a in COLUMNS[k]) for k in ("soc", "list", "year"))


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    rows = table_rows(path, file)
    header_row, header = rows_after_header(rows, COLUMNS["soc"], file=file)
    cols = Columns(header, COLUMNS, file=file, row=header_row, optional={"title"})
    records: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for number, row in enumerate(rows, start=header_row + 1):
        if not any(text(v) for v in row):
            continue
        name, year = text(cols.get(row, "list")), text(cols.get(row, "year")).removesuffix(".0")
        if not name or not year:
            raise SourceError(file, "every row needs the list's name and year", row=number,
                              column="list" if not name else "year")
        state = state_fips(cols.get(row, "state"), text(cols.get(row, "state")), file, number)
        if state is None:
            raise SourceError(file, "an in-demand list belongs to a state, not the nation", row=number,
                              column="state")
        soc = soc_code(cols.get(row, "soc"), file, number)
        records[(state, name, soc)] = (state, name, year, soc, text(cols.get(row, "title")) or soc)
    if not records:
        raise SourceError(file, "no occupations listed")
    lists = sorted({f"{r[1]} {r[2]}" for r in records.values()})
    return Extract(KIND, PUBLISHER, release or "; ".join(lists), file, sha256,
                   {"in_demand_occupation": list(records.values())})
