"""The framework as SKOS (for thesaurus tools and linked-data systems), written as Turtle: a concept scheme per
edition, concepts linked both ways with broader/narrower. Apart from the other exports because rdflib takes a
noticeable part of a second to import.
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from careerclusters.framework.catalog import Framework
from careerclusters.framework.export import editions
from careerclusters.framework.model import Edition, Node

#: Namespace of the project's concept identifiers: ``urn:careerclusters:<edition>:<id>``.
BASE = "urn:careerclusters:"
CC = Namespace(BASE)


def concept_uri(node: Node) -> URIRef:
    return CC[f"{node.edition.value}:{node.id}"]


def scheme_uri(edition: Edition) -> URIRef:
    return CC[edition.value]


def to_skos(fw: Framework, edition: Edition | None = None) -> Graph:
    """A SKOS graph: a concept scheme per edition, concepts linked both ways with broader/narrower."""
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    for ed in editions(edition):
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
