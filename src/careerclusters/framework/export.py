"""Exports of the framework: one nested JSON document and a flat CSV (one row per sub-cluster or pathway
with all its ancestors). SKOS, for thesaurus tools and linked-data systems, is in ``skos``.
"""

from __future__ import annotations

import io
from typing import Any

from careerclusters.base.spreadsheets import SafeDictWriter
from careerclusters.framework.catalog import Framework
from careerclusters.framework.model import Edition, Level, Node


def editions(edition: Edition | None) -> list[Edition]:
    """The edition asked for, or both."""
    return [edition] if edition else list(Edition)


def node_dict(fw: Framework, node: Node, nested: bool = True) -> dict[str, Any]:
    """A node as plain data; with ``nested`` its children follow recursively."""
    data: dict[str, Any] = {
        "id": node.id, "level": node.level.value, "name": node.name, "code": node.code,
        "aliases": list(node.aliases), "definition": node.definition,
    }
    if node.level is Level.CLUSTER and node.edition is Edition.MODERN:
        data["naics"] = list(node.naics)
        data["cross_cutting"] = node.cross_cutting
    if nested and node.children_ids:
        data["children"] = [node_dict(fw, child) for child in fw.children(node)]
    return data


def edition_dict(fw: Framework, edition: Edition) -> dict[str, Any]:
    """One edition as a nested document with its counts, so consumers can check completeness."""
    return {
        "edition": edition.value,
        "counts": fw.counts(edition),
        "tree": [node_dict(fw, root) for root in fw.roots(edition)],
        "career_ready_practices": [p.model_dump(mode="json") for p in fw.practices if p.edition is edition],
    }


def to_json_document(fw: Framework, edition: Edition | None = None) -> dict[str, Any]:
    return {
        "framework": "National Career Clusters Framework",
        "editions": [edition_dict(fw, e) for e in editions(edition)],
    }


CSV_COLUMNS = [
    "edition", "grouping_code", "grouping_id", "grouping_name", "cluster_code", "cluster_id",
    "cluster_name", "cross_cutting", "cluster_naics", "level", "id", "name", "aliases", "definition",
]


def to_csv(fw: Framework, edition: Edition | None = None, raw: bool = False) -> str:
    """One row per sub-cluster (modern) or pathway (original), with every ancestor in its own columns;
    safe to open in a spreadsheet unless ``raw`` (see ``spreadsheets``)."""
    out = io.StringIO()
    writer = SafeDictWriter(out, CSV_COLUMNS, raw=raw)
    writer.writeheader()
    for ed in editions(edition):
        for leaf in fw.nodes(ed):
            if leaf.children_ids:
                continue
            row = {"edition": ed.value, "level": leaf.level.value, "id": leaf.id, "name": leaf.name,
                   "aliases": "; ".join(leaf.aliases), "definition": leaf.definition}
            for ancestor in fw.ancestors(leaf):
                prefix = ancestor.level.value
                row |= {f"{prefix}_code": ancestor.code, f"{prefix}_id": ancestor.id,
                        f"{prefix}_name": ancestor.name}
                if ancestor.level is Level.CLUSTER and ed is Edition.MODERN:
                    row |= {"cross_cutting": str(ancestor.cross_cutting).lower(),
                            "cluster_naics": "; ".join(ancestor.naics)}
            writer.writerow(row)
    return out.getvalue()
