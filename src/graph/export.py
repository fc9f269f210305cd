"""``policy-graph export``: the whole store as one N-Quads or TriG dump, with a VoID description.

The dump is the store's graphs as they are (each triple once: in the graph of the one file that
states it, or in ``<base>/graph/shared`` when several do; see ``store``) and, beside them, the
default graph holding that union, every triple once, so a dump loaded into any quad store (Oxigraph
server, Jena Fuseki, GraphDB, Virtuoso) answers the library queries as the embedded store does,
whether that store reads its default graph or the union of its named graphs.  Written by pyoxigraph,
streamed (the store is not read into memory).

The VoID description (https://www.w3.org/TR/void/) says what the dump holds: the dataset, its
triple count, one ``void:subset`` per named graph with its own count, the vocabularies used
and the IRI space.  It sits in its own named graph ``<base>/graph/void`` and, like every named
graph, in the default graph too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .store import default_graph_size, graph_sizes

VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
VOCABULARIES = (
    "http://data.europa.eu/eli/ontology#",
    "https://w3id.org/policy-graph/ontology#",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
)
FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
SUFFIXES = {".nq": "nquads", ".trig": "trig"}
PREFIXES = {
    "eli": "http://data.europa.eu/eli/ontology#",
    "pg": "https://w3id.org/policy-graph/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": DCTERMS,
    "void": VOID,
}


@dataclass
class Exported:
    graphs: int  # named graphs, the VoID graph included
    quads: int  # written, default graph included


def export(store: ox.Store, out: BinaryIO, fmt: str, base: str) -> Exported:
    """Write the store and its VoID description to ``out`` in ``fmt`` ("nquads" or "trig")."""
    rdf_format = FORMATS[fmt]
    sizes = graph_sizes(store)
    triples = default_graph_size(store)
    description = list(void_quads(base.rstrip("/"), sizes, triples))
    # a TriG writer with prefixes reads better; N-Quads has none
    prefixes = PREFIXES if rdf_format == ox.RdfFormat.TRIG else None
    store.dump(out, rdf_format, prefixes=prefixes)
    out.write(b"\n")
    ox.serialize(
        (ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store), out, rdf_format
    )
    out.write(b"\n")
    ox.serialize(description, out, rdf_format)
    return Exported(graphs=len(sizes) + 1, quads=sum(sizes.values()) + triples + len(description))


def void_quads(base: str, sizes: dict[str, int], triples: int) -> Iterator[ox.Quad]:
    """The description, in the VoID graph and in the default graph."""
    graph = ox.NamedNode(f"{base}/graph/void")
    for t in void_triples(base, sizes, triples):
        yield ox.Quad(t.subject, t.predicate, t.object, graph)
        yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())


def void_triples(base: str, sizes: dict[str, int], triples: int) -> Iterator[ox.Triple]:
    dataset = ox.NamedNode(f"{base}/dataset")

    def count(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=XSD_INTEGER)

    yield ox.Triple(dataset, RDF_TYPE, ox.NamedNode(f"{VOID}Dataset"))
    yield ox.Triple(
        dataset,
        ox.NamedNode(f"{DCTERMS}title"),
        ox.Literal("policy-graph: văn bản chính sách và việc triển khai", language="vi"),
    )
    yield ox.Triple(
        dataset,
        ox.NamedNode(f"{DCTERMS}title"),
        ox.Literal("policy-graph: policy documents and how they are carried out", language="en"),
    )
    yield ox.Triple(dataset, ox.NamedNode(f"{VOID}triples"), count(triples))
    yield ox.Triple(dataset, ox.NamedNode(f"{VOID}uriSpace"), ox.Literal(f"{base}/"))
    for vocabulary in VOCABULARIES:
        yield ox.Triple(dataset, ox.NamedNode(f"{VOID}vocabulary"), ox.NamedNode(vocabulary))
    for iri, size in sorted(sizes.items()):
        subset = ox.NamedNode(iri)
        yield ox.Triple(dataset, ox.NamedNode(f"{VOID}subset"), subset)
        yield ox.Triple(subset, RDF_TYPE, ox.NamedNode(f"{VOID}Dataset"))
        yield ox.Triple(subset, ox.NamedNode(f"{VOID}triples"), count(size))


def format_for(path: Path | None, given: str | None) -> str:
    """The format asked for, else the one the file name says (.nq, .trig), else N-Quads."""
    if given:
        return given
    if path is not None and path.suffix in SUFFIXES:
        return SUFFIXES[path.suffix]
    return "nquads"
