"""Exports of the framework: one nested JSON document, a flat CSV (one row per sub-cluster or pathway
with all its ancestors), and SKOS in Turtle so that thesaurus tools and linked-data systems can use it.
"""

from __future__ import annotations

import io
from typing import Any

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from careerclusters.base.spreadsheets import SafeDictWriter
from careerclusters.framework.catalog import Framework
from careerclusters.framework.model import Edition, Level, Node

#: Namespace of the project's concept identifiers: ``urn:careerclusters:<edition>:<id>``.
BASE = "urn:careerclusters:"
CC = Namespace(BASE)


def _editions(edition: Edition | None) -> list[Edition]:
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
        "editions": [edition_dict(fw, e) for e in _editions(edition)],
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
    for ed in _editions(edition):
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


def concept_uri(node: Node) -> URIRef:
    return CC[f"{node.edition.value}:{node.id}"]


def scheme_uri(edition: Edition) -> URIRef:
    return CC[edition.value]


def to_skos(fw: Framework, edition: Edition | None = None) -> Graph:
    """A SKOS graph: a concept scheme per edition, concepts linked both ways with broader/narrower."""
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    for ed in _editions(edition):
        scheme = scheme_uri(ed)
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        title = "National Career Clusters Framework" + (" (2024)" if ed is Edition.MODERN else " (original)")
        graph.add((scheme, DCTERMS.title, Literal(title, lang="en")))
        for node in fw.nodes(ed):
            uri = concept_uri(node)
            graph.add((uri, RDF.type, SKOS.Concept))
            graph.add((uri, SKOS.inScheme, scheme))
            graph.add((uri, SKOS.prefLabel, Literal(node.name, lang="en")))
            graph.add((uri, SKOS.definition, Literal(node.definition, lang="en")))
            graph.add((uri, DCTERMS.type, Literal(node.level.label)))
            if node.code:
                graph.add((uri, SKOS.notation, Literal(node.code)))
            for alias in node.aliases:
                graph.add((uri, SKOS.altLabel, Literal(alias, lang="en")))
            parent = fw.parent(node)
            if parent is None:
                graph.add((uri, SKOS.topConceptOf, scheme))
                graph.add((scheme, SKOS.hasTopConcept, uri))
            else:
                graph.add((uri, SKOS.broader, concept_uri(parent)))
                graph.add((concept_uri(parent), SKOS.narrower, uri))
    return graph
