"""Exports of the framework: one nested JSON document and a flat CSV (one row per sub-cluster or pathway
with all its ancestors). SKOS, for thesaurus tools and linked-data systems, is in ``skos``.

Each can be had in another language the framework is translated into (``lang``): JSON and CSV then carry that
language's names and definitions and say who translated them.
"""

from __future__ import annotations

import io
from typing import Any

from careerclusters.base.languages import SOURCE_LANGUAGE
from careerclusters.base.spreadsheets import SafeDictWriter
from careerclusters.framework.catalog import Framework
from careerclusters.framework.model import Edition, Level, Node


def editions(edition: Edition | None) -> list[Edition]:
    return [edition] if edition else list(Edition)


def node_dict(fw: Framework, node: Node, nested: bool = True, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """A node as plain data, named in ``lang``; with ``nested`` its children follow recursively."""
    label = fw.label(node, lang)
    data: dict[str, Any] = {
        "id": node.id, "level": node.level.value, "name": label.name, "code": node.code,
        "aliases": list(label.aliases), "definition": label.definition,
    }
    if node.level is Level.CLUSTER and node.edition is Edition.MODERN:
        data["naics"] = list(node.naics)
        data["cross_cutting"] = node.cross_cutting
    if nested and node.children_ids:
        data["children"] = [node_dict(fw, child, lang=lang) for child in fw.children(node)]
    return data


def edition_dict(fw: Framework, edition: Edition, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """One edition as a nested document with its counts, so consumers can check completeness."""
    return {
        "edition": edition.value,
        "counts": fw.counts(edition),
        "tree": [node_dict(fw, root, lang=lang) for root in fw.roots(edition)],
        "career_ready_practices": [p.model_dump(mode="json") for p in fw.translation(lang).practices
                                   if p.edition is edition],
    }


def to_json_document(fw: Framework, edition: Edition | None = None, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """The framework in ``lang``; ``translator`` says who wrote a translation (None in English, the steward's
    own words)."""
    words = fw.translation(lang)
    return {
        "framework": words.framework_title,
        "language": lang,
        "translator": words.translator,
        "editions": [edition_dict(fw, e, lang) for e in editions(edition)],
    }


CSV_COLUMNS = [
    "edition", "grouping_code", "grouping_id", "grouping_name", "cluster_code", "cluster_id",
    "cluster_name", "cross_cutting", "cluster_naics", "level", "id", "name", "aliases", "definition",
]
#: The column a translated CSV adds, saying on every row who translated the names and definitions.
TRANSLATOR_COLUMN = "translator"


def to_csv(fw: Framework, edition: Edition | None = None, raw: bool = False, lang: str = SOURCE_LANGUAGE) -> str:
    """One row per sub-cluster (modern) or pathway (original), with every ancestor in its own columns, named in
    ``lang`` (a translation adds a ``translator`` column); safe to open in a spreadsheet unless ``raw`` (see
    ``spreadsheets``)."""
    words = fw.translation(lang)
    out = io.StringIO()
    writer = SafeDictWriter(out, CSV_COLUMNS + ([TRANSLATOR_COLUMN] if words.translator else []), raw=raw)
    writer.writeheader()
    for ed in editions(edition):
        for leaf in fw.nodes(ed):
            if leaf.children_ids:
                continue
            label = words.label(leaf)
            row = {"edition": ed.value, "level": leaf.level.value, "id": leaf.id, "name": label.name,
                   "aliases": "; ".join(label.aliases), "definition": label.definition}
            if words.translator:
                row[TRANSLATOR_COLUMN] = words.translator
            for ancestor in fw.ancestors(leaf):
                prefix = ancestor.level.value
                row |= {f"{prefix}_code": ancestor.code, f"{prefix}_id": ancestor.id,
                        f"{prefix}_name": words.label(ancestor).name}
                if ancestor.level is Level.CLUSTER and ed is Edition.MODERN:
                    row |= {"cross_cutting": str(ancestor.cross_cutting).lower(),
                            "cluster_naics": "; ".join(ancestor.naics)}
            writer.writerow(row)
    return out.getvalue()

