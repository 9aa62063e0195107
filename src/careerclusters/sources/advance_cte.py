"""Advance CTE's National Career Clusters Framework crosswalk workbooks (2025).

Four workbooks, each with a prose "Overview" sheet and a long data sheet. Names of clusters and
sub-clusters are resolved to the embedded framework's ids here, so a misspelt or unknown name fails the
import instead of creating a 73rd sub-cluster; multi-membership ("interdisciplinary" codes) is kept as
several rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.excel import open_workbook, sheet_rows
from careerclusters.framework import Edition, Level, NotFoundError, load_framework
from careerclusters.sources.base import CIP, SOC, Columns, Extract, checked_code, text

PUBLISHER = "Advance CTE"


@dataclass(frozen=True)
class Workbook:
    """How one of the four workbooks is laid out and which table it fills."""

    kind: str
    sheet: str
    table: str
    columns: dict[str, tuple[str, ...]]


CLUSTER = ("Career Cluster",)
SUBCLUSTER = ("Sub-Cluster", "Sub Cluster", "Subcluster")
SOC_CODE = ("SOC Code", "SOC Code (2018)")
SOC_TITLE = ("Occupation Title", "SOC Title")
CIP_CODE = ("CIP Code (2020)", "CIP Code")
CIP_TITLE = ("CIP Title (2020)", "CIP Title")
NAICS = ("2-Digit NAICS", "NAICS", "NAICS Code")
NAICS_TITLE = ("NAICS title", "NAICS Title")

WORKBOOKS = {
    wb.sheet: wb
    for wb in (
        Workbook("advance-cte-soc", "SOC - CC - Sub-Clusters", "cte_soc",
                 {"soc": SOC_CODE, "soc_title": SOC_TITLE, "cluster": CLUSTER, "subcluster": SUBCLUSTER}),
        Workbook("advance-cte-cip", "CIP - CC - Sub-Clusters", "cte_cip",
                 {"cip": CIP_CODE, "cip_title": CIP_TITLE, "cluster": CLUSTER, "subcluster": SUBCLUSTER}),
        Workbook("advance-cte-naics", "CC - Sub-Cluster - NAICS", "cte_naics",
                 {"cluster": CLUSTER, "subcluster": SUBCLUSTER, "naics": NAICS, "naics_title": NAICS_TITLE}),
        Workbook("advance-cte-full", "SOC - CIP - CC", "cte_full",
                 {"cluster": CLUSTER, "subcluster": SUBCLUSTER, "soc": SOC_CODE, "soc_title": SOC_TITLE,
                  "cip": CIP_CODE, "cip_title": CIP_TITLE, "naics": NAICS, "naics_title": NAICS_TITLE}),
    )
}

#: Column order of each table, as the store declares it.
TABLE_FIELDS = {
    "cte_soc": ("soc", "soc_title", "cluster_id", "subcluster_id"),
    "cte_cip": ("cip", "cip_title", "cluster_id", "subcluster_id"),
    "cte_naics": ("naics", "naics_title", "cluster_id", "subcluster_id"),
    "cte_full": ("cluster_id", "subcluster_id", "soc", "soc_title", "cip", "cip_title", "naics", "naics_title"),
}


def workbook_for(sheetnames: list[str]) -> Workbook | None:
    """Which Advance CTE workbook has these sheets, if any (used to detect a file's kind)."""
    return next((WORKBOOKS[s] for s in sheetnames if s in WORKBOOKS), None)


class _Resolver:
    """Resolves the workbooks' cluster and sub-cluster names to framework ids, remembering answers."""

    def __init__(self, file: str, sheet: str):
        self.fw = load_framework()
        self.file, self.sheet = file, sheet
        self.cache: dict[tuple[str, str], tuple[str, str | None]] = {}

    def __call__(self, cluster: str, subcluster: str, row: int) -> tuple[str, str | None]:
        key = (cluster, subcluster)
        if key not in self.cache:
            self.cache[key] = self._resolve(cluster, subcluster, row)
        return self.cache[key]

    def _resolve(self, cluster_name: str, subcluster_name: str, row: int) -> tuple[str, str | None]:
        try:
            cluster = self.fw.get(cluster_name, edition=Edition.MODERN, level=Level.CLUSTER)
        except NotFoundError as exc:
            raise SourceError(self.file, f"unknown Career Cluster: {exc}", sheet=self.sheet, row=row,
                              column=CLUSTER[0]) from None
        if not subcluster_name:
            return cluster.id, None
        try:
            sub = self.fw.get(subcluster_name, edition=Edition.MODERN, level=Level.SUBCLUSTER)
        except NotFoundError as exc:
            raise SourceError(self.file, f"unknown Sub-Cluster: {exc}", sheet=self.sheet, row=row,
                              column=SUBCLUSTER[0]) from None
        if sub.parent_id != cluster.id:
            raise SourceError(self.file, f"Sub-Cluster {sub.name!r} is not part of {cluster.name!r}",
                              sheet=self.sheet, row=row, column=SUBCLUSTER[0])
        return cluster.id, sub.id


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    """Read one of the four crosswalk workbooks into its table."""
    book = open_workbook(path)
    layout = workbook_for(book.sheetnames)
    if layout is None:
        raise SourceError(path.name, "not an Advance CTE crosswalk workbook (no known data sheet)")
    file, sheet = path.name, layout.sheet
    rows = sheet_rows(book, sheet, file)
    header = next(rows, None)
    if header is None:
        raise SourceError(file, "the sheet is empty", sheet=sheet)
    cols = Columns(header, layout.columns, file=file, sheet=sheet, row=1)
    resolve = _Resolver(file, sheet)
    records: dict[tuple, None] = {}  # ordered set: the NAICS and full sheets repeat rows
    for number, row in enumerate(rows, start=2):
        cell = {name: cols.get(row, name) for name in layout.columns}
        has_code = any(text(cell.get(k)) for k in ("soc", "cip", "naics"))
        if not has_code:
            continue  # blank line or a cluster heading row (cluster name, nothing else)
        cluster_id, subcluster_id = resolve(text(cell["cluster"]), text(cell["subcluster"]), number)
        if subcluster_id is None:
            raise SourceError(file, "the Sub-Cluster is empty", sheet=sheet, row=number, column=SUBCLUSTER[0])
        values = {"cluster_id": cluster_id, "subcluster_id": subcluster_id}
        for key, pattern, what, column in (("soc", SOC, "SOC 2018", SOC_CODE[0]),
                                           ("cip", CIP, "CIP 2020", CIP_CODE[0])):
            if key in layout.columns:
                values[key] = checked_code(cell[key], pattern, what, file=file, sheet=sheet, row=number,
                                           column=column)
        if "naics" in layout.columns:
            values["naics"] = text(cell["naics"])
            values["naics_title"] = text(cell["naics_title"])
        for key in ("soc_title", "cip_title"):
            if key in layout.columns:
                values[key] = text(cell[key]).rstrip(".") if key == "cip_title" else text(cell[key])
        records[tuple(values[f] for f in TABLE_FIELDS[layout.table])] = None
    if not records:
        raise SourceError(file, "no data rows", sheet=sheet)
    return Extract(layout.kind, PUBLISHER, release or "Advance CTE crosswalk (release not recorded)", file, sha256,
                   {layout.table: list(records)})
