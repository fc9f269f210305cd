"""The ontology, its vocabularies, the agency registry, SHACL shapes and generated docs."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.ontology_docs import render_html, render_svg
from graph.registry import load_registry, slugify
from graph.validate import store_as_graph, validate_graph
from graph.vocab import PG
from graph.vocab_build import render

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"


def load(name: str) -> Graph:
    return Graph().parse(str(ONTOLOGY / name), format="turtle")


def test_every_pg_term_is_declared_with_vietnamese_and_english_labels_and_definitions():
    g = load("policy.ttl")
    for name in PG.__annotations__:
        term = URIRef(str(PG._NS) + name)
        kinds = set(g.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, name
        labels = {lit.language for lit in g.objects(term, RDFS.label)}
        definitions = {lit.language for lit in g.objects(term, SKOS.definition)}
        assert labels == {"vi", "en"}, name
        assert definitions == {"vi", "en"}, name


def test_no_undeclared_pg_term_is_used_in_shapes_or_vocabularies():
    declared = {str(PG._NS) + name for name in PG.__annotations__}
    for name in ("shapes.ttl", "vocabularies.ttl", "agencies.ttl"):
        g = load(name)
        used = {str(t) for triple in g for t in triple if str(t).startswith(str(PG._NS))}
        assert used <= declared, (name, used - declared)


def test_standards_are_reused():
    g = load("policy.ttl")
    eli = "http://data.europa.eu/eli/ontology#"
    assert (PG.Document, RDFS.subClassOf, URIRef(eli + "LegalResource")) in g
    assert (PG.Agency, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in g
    assert (PG.leadAgency, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasAssociatedWith")) in g
    assert (PG.evidence, RDFS.range, URIRef("http://www.w3.org/ns/oa#SpecificResource")) in g


def test_vocabularies_file_is_generated_from_the_tables():
    assert (ONTOLOGY / "vocabularies.ttl").read_text(encoding="utf-8") == render(), "run python -m graph.vocab_build"
    g = load("vocabularies.ttl")
    plan = URIRef("https://w3id.org/policy-graph/vocab/document-type/kh")
    assert {str(o) for o in g.objects(plan, SKOS.prefLabel)} == {"Kế hoạch", "Plan"}
    annual = URIRef("https://w3id.org/policy-graph/vocab/deadline-kind/annual")
    assert Literal("Hằng năm", lang="vi") in set(g.objects(annual, SKOS.prefLabel))


def test_generated_docs_and_diagram_are_current():
    html = render_html(load("policy.ttl"), load("vocabularies.ttl"))
    assert (ONTOLOGY / "docs" / "index.html").read_text(encoding="utf-8") == html, "run make docs"
    assert (ONTOLOGY / "diagram.svg").read_text(encoding="utf-8") == render_svg(), "run make docs"
    assert "Cơ quan chủ trì" in html and "Lead agency" in html and 'id="pg_leadAgency"' in html


def test_registry_resolves_printed_variants_per_province():
    registry = load_registry()
    assert registry.lookup("Sở KH&ĐT", "vn-29")[:2] == ("so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư")
    assert registry.lookup("Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", "vn-29")[0] == (
        "ban-quan-ly-kkt-dung-quat-va-cac-kcn")
    assert registry.lookup("Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", "vn-27") is None
    assert registry.lookup("UBND tỉnh", "vn-27")[1] == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert registry.lookup("Thủ tướng Chính phủ", "vn-29") == ("thu-tuong-chinh-phu", "Thủ tướng Chính phủ",
                                                              "Prime Minister", "vn")


def test_slugify_is_vietnamese_aware():
    assert slugify("Sở Lao động - Thương binh và Xã hội") == "so-lao-dong-thuong-binh-va-xa-hoi"
    assert slugify("Đắk Lắk") == "dak-lak"
    assert slugify("Sở TN&MT") == "so-tn-va-mt"


def test_shapes_reject_a_broken_task(seed_build):
    data = store_as_graph(__import__("graph.store", fromlist=["open_store"]).open_store(seed_build[1]))
    task = URIRef("https://w3id.org/policy-graph/eli/vn-29/kh/2024/214/task/3")
    data.remove((task, PG.text, None))
    data.add((task, PG.leadAgency, Literal("Sở X")))
    result = validate_graph(data)
    assert not result.conforms
    assert sorted((v.focus, v.path) for v in result.violations) == [
        (str(task), str(PG.leadAgency)), (str(task), str(PG.text))]
