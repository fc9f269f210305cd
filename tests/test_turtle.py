"""The build writes each document's Turtle from its terms (``Triples.n_triples_and_turtle``): the
same bytes as pyoxigraph's Turtle writer given the same triples (``rdf.turtle``)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import rdf
from graph.build import TTL_HEADER
from graph.rdf import Triples, turtle, vi

TTL_DIR = Path(__file__).resolve().parents[1] / "data" / "ttl"
SEED_GRAPHS = sorted(p for p in TTL_DIR.glob("*.ttl") if p.read_text().startswith(TTL_HEADER))


def triples_of(path: Path) -> Triples:
    triples = Triples()
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        o = t.object
        triples.add(t.subject.value, t.predicate.value, o.value if isinstance(o, ox.NamedNode) else o)
        assert not isinstance(t.subject, ox.BlankNode)
    return triples


def test_the_seed_graphs_are_there():
    assert len(SEED_GRAPHS) == 5


@pytest.mark.parametrize("path", SEED_GRAPHS, ids=lambda p: p.stem[:40])
def test_a_seed_document_s_turtle_is_pyoxigraph_s(path):
    triples = triples_of(path)
    n_triples, written = triples.n_triples_and_turtle()
    assert n_triples == triples.n_triples()
    assert written == turtle(n_triples)
    # and what the committed file holds below its header line
    assert written == path.read_bytes().split(b"\n", 1)[1]


def test_terms_pyoxigraph_writes_otherwise_than_in_n_triples():
    PG, PROV, XSD = rdf.PG, rdf.PROV, rdf.XSD
    triples = Triples()
    node = "https://w3id.org/policy-graph/eli/vn/qd/2025/1"
    triples.add(node, PG.target, ox.Literal("5", datatype=ox.NamedNode(XSD.decimal)))  # not 5.0
    triples.add(node, PG.target, ox.Literal("2.50", datatype=ox.NamedNode(XSD.decimal)))
    triples.add(node, PG.target, ox.Literal("-7", datatype=ox.NamedNode(XSD.integer)))
    triples.add(node, PG.target, ox.Literal("07", datatype=ox.NamedNode(XSD.integer)))
    triples.add(node, PG.target, ox.Literal("true", datatype=ox.NamedNode(XSD.boolean)))
    triples.add(node, PG.target, ox.Literal("1", datatype=ox.NamedNode(XSD.boolean)))
    triples.add(node, PG.relationKind, rdf.TURTLE_PREFIXES["pg"] + "a/b~c")  # a local name pyoxigraph escapes
    triples.add(
        node, PG.relationKind, rdf.TURTLE_PREFIXES["pg"] + "x."
    )  # a local name that cannot end with "."
    triples.add(node, PG.relationKind, PROV.wasDerivedFrom.split("#")[0] + "#")  # no local name: "prov:"
    triples.add(node, PG.text, vi('Điều 1.\n"Trích" \\ dẫn\t'))
    # a subject in a prefix's namespace
    triples.add(rdf.TURTLE_PREFIXES["pg"] + "Subject", PG.text, ox.Literal("x"))
    n_triples, written = triples.n_triples_and_turtle()
    assert written == turtle(n_triples)
    assert b'pg:target -7 , 07 , "1"^^xsd:boolean , 2.50 , "5"^^xsd:decimal , true ;' in written
    assert b"pg:relationKind prov: , pg:a\\/b\\~c , pg:x\\. ;" in written
    assert b'\npg:Subject pg:text "x" .\n' in written


def test_no_triples_no_turtle():
    assert Triples().n_triples_and_turtle() == (b"", turtle(b"")) == (b"", b"")
