"""The framework as SKOS (for thesaurus tools and linked-data systems), written as Turtle: a concept scheme per
edition, concepts linked both ways with broader/narrower, labelled in English and, with ``lang``, in that language
too (``@es`` beside ``@en``, with a note on each scheme saying who translated it). Apart from the other exports
because rdflib takes a noticeable part of a second to import.
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from careerclusters.base.languages import SOURCE_LANGUAGE
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


def to_skos(fw: Framework, edition: Edition | None = None, lang: str = SOURCE_LANGUAGE) -> Graph:
    """A SKOS graph: a concept scheme per edition, concepts linked both ways with broader/narrower, labelled in
    English and, with ``lang``, in that language too (with a note on each scheme saying who translated it)."""
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    languages = [fw.translation(code) for code in dict.fromkeys([SOURCE_LANGUAGE, lang])]
    for ed in editions(edition):
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
