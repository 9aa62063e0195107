"""Exports of the framework: one nested JSON document, a flat CSV (one row per sub-cluster or pathway
with all its ancestors), and SKOS in Turtle so that thesaurus tools and linked-data systems can use it.

Each can be had in another language the framework is translated into (``lang``): JSON and CSV then carry that
language's names and definitions and say who translated them; SKOS carries the language's labels beside the
English ones (``@es`` beside ``@en``) and a note on the scheme saying who translated them.
"""

from __future__ import annotations

import io
from typing import Any

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from careerclusters.base.languages import SOURCE_LANGUAGE
from careerclusters.base.spreadsheets import SafeDictWriter
from careerclusters.framework.catalog import Framework
from careerclusters.framework.model import Edition, Level, Node

#: Namespace of the project's concept identifiers: ``urn:careerclusters:<edition>:<id>``.
BASE = "urn:careerclusters:"
CC = Namespace(BASE)


def _editions(edition: Edition | None) -> list[Edition]:
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
        "editions": [edition_dict(fw, e, lang) for e in _editions(edition)],
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
    for ed in _editions(edition):
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


def concept_uri(node: Node) -> URIRef:
    return CC[f"{node.edition.value}:{node.id}"]


def scheme_uri(edition: Edition) -> URIRef:
    return CC[edition.value]


def to_skos(fw: Framework, edition: Edition | None = None, lang: str = SOURCE_LANGUAGE) -> Graph:
    """A SKOS graph: a concept scheme per edition, concepts linked both ways with broader/narrower, labelled in
    English and, with ``lang``, in that language too (with a note on each scheme saying who translated it)."""
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    languages = [fw.translation(code) for code in dict.fromkeys([SOURCE_LANGUAGE, lang])]
    for ed in _editions(edition):
        scheme = scheme_uri(ed)
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        for words in languages:
            graph.add((scheme, DCTERMS.title, Literal(words.edition_title(ed), lang=words.language)))
            if words.translator and words.translator_en:
                graph.add((scheme, SKOS.note, Literal(words.translator, lang=words.language)))
                graph.add((scheme, SKOS.note, Literal(words.translator_en, lang=SOURCE_LANGUAGE)))
        for node in fw.nodes(ed):
            uri = concept_uri(node)
            graph.add((uri, RDF.type, SKOS.Concept))
            graph.add((uri, SKOS.inScheme, scheme))
            for words in languages:
                label = words.label(node)
                graph.add((uri, SKOS.prefLabel, Literal(label.name, lang=words.language)))
                graph.add((uri, SKOS.definition, Literal(label.definition, lang=words.language)))
                for alias in label.aliases:
                    graph.add((uri, SKOS.altLabel, Literal(alias, lang=words.language)))
            graph.add((uri, DCTERMS.type, Literal(node.level.label)))
            if node.code:
                graph.add((uri, SKOS.notation, Literal(node.code)))
            parent = fw.parent(node)
            if parent is None:
                graph.add((uri, SKOS.topConceptOf, scheme))
                graph.add((scheme, SKOS.hasTopConcept, uri))
            else:
                graph.add((uri, SKOS.broader, concept_uri(parent)))
                graph.add((concept_uri(parent), SKOS.narrower, uri))
    return graph
