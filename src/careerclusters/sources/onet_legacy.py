"""O*NET OnLine's "Browse by Career Cluster" export: occupations in the original 16 clusters / 79 pathways.

An occupation in several pathways has its clusters and pathways joined by "; " in the same row, paired
by position. O*NET spells some names differently from the framework ("and" for "&"); the embedded
framework's aliases and folded names resolve both.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.base.text import read_csv_text
from careerclusters.framework import Edition, Level, NotFoundError, load_framework
from careerclusters.sources.base import ONET_SOC, Columns, Extract, checked_code, text

PUBLISHER = "O*NET Resource Center (USDOL/ETA)"
KIND = "onet-legacy-clusters"
COLUMNS = {"cluster": ("Career Cluster",), "pathway": ("Career Pathway",), "code": ("Code", "O*NET-SOC Code"),
           "title": ("Occupation", "Title")}


def looks_like(header: list[str]) -> bool:
    keys = {h.strip().lower() for h in header}
    return {"career cluster", "career pathway"} <= keys


def read(path: Path, sha256: str, release: str | None = None) -> Extract:
    file = path.name
    content, _encoding = read_csv_text(path)
    reader = csv.reader(io.StringIO(content))
    header = next(reader, [])
    cols = Columns(header, COLUMNS, file=file, row=1)
    fw = load_framework()
    rows = []
    for number, row in enumerate(reader, start=2):
        if not any(row):
            continue
        code = checked_code(cols.get(row, "code"), ONET_SOC, "O*NET-SOC", file=file, row=number,
                            column="Code")
        clusters = [text(c) for c in text(cols.get(row, "cluster")).split(";")]
        pathways = [text(p) for p in text(cols.get(row, "pathway")).split(";")]
        if len(clusters) != len(pathways):
            raise SourceError(file, f"{len(clusters)} clusters but {len(pathways)} pathways", row=number,
                              column="Career Pathway")
        for cluster_name, pathway_name in zip(clusters, pathways, strict=True):
            try:
                cluster = fw.get(cluster_name, edition=Edition.ORIGINAL, level=Level.CLUSTER)
            except NotFoundError as exc:
                raise SourceError(file, f"unknown original cluster: {exc}", row=number,
                                  column="Career Cluster") from None
            try:
                pathway = fw.get(pathway_name, edition=Edition.ORIGINAL, level=Level.PATHWAY)
            except NotFoundError as exc:
                raise SourceError(file, f"unknown pathway: {exc}", row=number, column="Career Pathway") from None
            if pathway.parent_id != cluster.id:
                raise SourceError(file, f"pathway {pathway.name!r} is not part of {cluster.name!r}",
                                  row=number, column="Career Pathway")
            rows.append((code, text(cols.get(row, "title")), cluster.id, pathway.id))
    if not rows:
        raise SourceError(file, "no data rows")
    return Extract(KIND, PUBLISHER, release or "O*NET OnLine career cluster export", file, sha256,
                   {"onet_pathway": rows})
