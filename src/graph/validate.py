"""SHACL validation of the built graph with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

from .resources import ONTOLOGY_DIR
from .store import construct, open_store

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "policy.ttl"


@dataclass
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str


@dataclass
class ValidationResult:
    conforms: bool
    checked: int
    violations: list[Violation] = field(default_factory=list)


def store_as_graph(store: ox.Store) -> Graph:
    """The default graph (every triple of every file, once) as one rdflib Graph: SHACL sees the whole
    picture."""
    data = ox.serialize(
        construct(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"),
        format=ox.RdfFormat.N_TRIPLES,
    )
    g = Graph()
    g.parse(data=data, format="nt")
    return g


def validate_graph(data: Graph, shapes_path: str | Path | None = None) -> ValidationResult:
    shapes = Graph().parse(str(shapes_path or SHAPES), format="turtle")
    ontology = Graph().parse(str(ONTOLOGY), format="turtle")
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    violations = [
        Violation(
            focus=str(report.value(r, SH.focusNode)),
            path=str(report.value(r, SH.resultPath)) if report.value(r, SH.resultPath) else None,
            message=" / ".join(sorted(str(m) for m in report.objects(r, SH.resultMessage))),
            severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
        )
        for r in report.subjects(SH.focusNode, None)
    ]
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationResult(conforms=bool(conforms), checked=len(data), violations=violations)


def validate_store(store_path: str | Path, shapes_path: str | Path | None = None) -> ValidationResult:
    return validate_graph(store_as_graph(open_store(store_path)), shapes_path)
