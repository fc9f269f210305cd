"""The ontology, its vocabularies, the agency registry, SHACL shapes and generated docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate as shacl_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from graph.model import COMPARATORS, DEADLINE_KINDS, RELATION_KINDS, SECTION_KINDS, TASK_LAYOUTS
from graph.ontology_docs import render_html, render_svg
from graph.patterns.documents import DOC_TYPES
from graph.patterns.indicators import COMPARATOR_PREFIXES, COMPARATOR_SUFFIXES
from graph.registry import load_registry, slugify
from graph.validate import store_as_graph, validate_graph
from graph.vocab import ELI, ELI_DL, OA, ONTOLOGY_IRI, ORG, PG, PROV, SH
from graph.vocab_build import render

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PGV = "https://w3id.org/policy-graph/vocab/"
DOC = "https://w3id.org/policy-graph/eli/vn-29/kh/2024/214"


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


def test_ontology_header_is_bilingual_and_licensed():
    g = load("policy.ttl")
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in g
    assert {lit.language for lit in g.objects(onto, DCTERMS.title)} == {"vi", "en"}
    assert {lit.language for lit in g.objects(onto, DCTERMS.description)} == {"vi", "en"}
    assert g.value(onto, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(g.value(onto, OWL.versionInfo)) == "0.1.0"


def superclasses(g: Graph, term: URIRef, link=RDFS.subClassOf) -> set[URIRef]:
    return set(g.transitive_objects(term, link)) - {term}


def test_classes_are_aligned_to_eli_org_prov_skos():
    g = load("policy.ttl")
    assert superclasses(g, PG.Document) == {ELI.LegalResource, ELI.Work}
    for doc_type in DOC_TYPES:
        assert (getattr(PG, doc_type.owl_class), RDFS.subClassOf, PG.Document) in g, doc_type.code
    for part in (PG.Section, PG.Appendix, PG.Footnote):
        assert ELI.LegalResourceSubdivision in superclasses(g, part), part
    assert superclasses(g, PG.Agency) == {ORG.Organization}
    assert superclasses(g, PG.AgencyGroup) == {ORG.Organization}
    assert superclasses(g, PG.Jurisdiction) == {SKOS.Concept}
    assert superclasses(g, PG.Citation) == {PROV.Entity}
    assert superclasses(g, PG.SourceFile) == {PROV.Entity}
    assert superclasses(g, PG.Task) == {PROV.Activity}
    assert (PG.Task, SKOS.closeMatch, ELI_DL.ForeseenActivity) in g
    assert (PG.Task, SKOS.broadMatch, ELI_DL.Activity) in g


def test_properties_are_aligned_and_typed():
    g = load("policy.ttl")
    for role in (PG.leadAgency, PG.cooperatingAgency, PG.directingAgency):
        assert superclasses(g, role, RDFS.subPropertyOf) == {PROV.wasAssociatedWith}, role
        assert g.value(role, RDFS.range) == ORG.Organization
    assert g.value(PG.dueDate, RDFS.range) == URIRef("http://www.w3.org/2001/XMLSchema#date")
    # pg:evidence's value is an IRI <source>#char=start,end (RFC 5147): no class, not oa:SpecificResource,
    # which would require oa:hasSource and selectors
    assert g.value(PG.evidence, RDFS.range) is None
    definitions = {str(d) for d in g.objects(PG.evidence, SKOS.definition)}
    assert any("<source>#char=start,end (RFC 5147" in d for d in definitions)


def test_no_class_is_both_a_prov_activity_and_a_prov_entity():
    """PROV-O makes prov:Activity and prov:Entity disjoint; tasks are activities, so the
    provenance link every extracted node carries (pg:evidence) must not imply prov:Entity."""
    g = load("policy.ttl")
    for cls in set(g.subjects(RDF.type, OWL.Class)):
        assert not {PROV.Activity, PROV.Entity} <= superclasses(g, cls), cls
    assert superclasses(g, PG.evidence, RDFS.subPropertyOf) == {PROV.wasInfluencedBy}


def test_reused_eli_properties_are_labelled_but_not_redefined():
    g = load("policy.ttl")
    reused = [
        ELI.ensures_implementation_of,
        ELI.based_on,
        ELI.cites,
        ELI.type_document,
        ELI.passed_by,
        ELI.date_document,
        ELI.number,
        ELI.id_local,
        ELI.jurisdiction,
        ELI.has_part,
        ELI.title,
    ]
    for prop in reused:
        assert g.value(prop, RDFS.isDefinedBy) == URIRef("http://data.europa.eu/eli/ontology"), prop
        assert {lit.language for lit in g.objects(prop, RDFS.label)} == {"vi", "en"}, prop
        assert not set(g.objects(prop, RDFS.domain)) and not set(g.objects(prop, RDFS.range)), prop


def concepts(g: Graph, scheme: str) -> set[str]:
    return {str(c)[len(PGV + scheme) + 1 :] for c in g.subjects(SKOS.inScheme, URIRef(PGV + scheme))}


def test_vocabularies_file_is_generated_from_the_tables():
    assert (ONTOLOGY / "vocabularies.ttl").read_text(encoding="utf-8") == render(), (
        "run python -m graph.vocab_build"
    )
    g = load("vocabularies.ttl")
    assert concepts(g, "document-type") == {t.slug for t in DOC_TYPES}
    assert concepts(g, "deadline-kind") == set(DEADLINE_KINDS)
    assert concepts(g, "relation") == set(RELATION_KINDS)
    assert concepts(g, "comparator") == set(COMPARATORS)
    assert concepts(g, "section-kind") == set(SECTION_KINDS)
    plan = URIRef(PGV + "document-type/kh")
    assert {str(o) for o in g.objects(plan, SKOS.prefLabel)} == {"Kế hoạch", "Plan"}
    assert g.value(URIRef(PGV + "document-type/qd"), SKOS.notation) == Literal("QĐ")
    assert g.value(plan, RDFS.seeAlso) == PG.Plan
    annual = URIRef(PGV + "deadline-kind/annual")
    assert Literal("Hằng năm", lang="vi") in set(g.objects(annual, SKOS.prefLabel))
    lead = URIRef(PGV + "deadline-kind/per-lead-schedule")
    assert Literal("Theo tiến độ cơ quan chủ trì", lang="vi") in set(g.objects(lead, SKOS.prefLabel))
    assert g.value(URIRef(PGV + "relation/implements"), RDFS.seeAlso) == ELI.ensures_implementation_of


def test_comparators_the_target_parser_can_return_are_in_the_vocabulary():
    returned = {c for _, c in COMPARATOR_PREFIXES + COMPARATOR_SUFFIXES} | {"range", "eq", "qualitative"}
    assert returned == set(COMPARATORS)


def test_every_vocabulary_term_in_the_seed_graph_is_a_declared_concept(seed_build):
    data = store_as_graph(__import__("graph.store", fromlist=["open_store"]).open_store(seed_build[1]))
    declared = set(load("vocabularies.ttl").subjects(RDF.type, SKOS.Concept))
    used = {o for o in data.objects() if str(o).startswith(PGV) and str(o).count("/") > 5}
    assert used and used <= declared, sorted(used - declared)


def test_generated_docs_and_diagram_are_current():
    html = render_html(load("policy.ttl"), load("vocabularies.ttl"))
    assert (ONTOLOGY / "docs" / "index.html").read_text(encoding="utf-8") == html, "run make docs"
    assert (ONTOLOGY / "diagram.svg").read_text(encoding="utf-8") == render_svg(), "run make docs"
    assert "Cơ quan chủ trì" in html and "Lead agency" in html and 'id="pg_leadAgency"' in html


def test_registry_resolves_printed_variants_per_province():
    registry = load_registry()
    assert registry.lookup("Sở KH&ĐT", "vn-29") == (
        "so-ke-hoach-va-dau-tu",
        "Sở Kế hoạch và Đầu tư",
        "Department of Planning and Investment",
        "vn-29",
    )
    assert registry.lookup("  sở  kh&đt ", "vn-29")[0] == "so-ke-hoach-va-dau-tu"
    nfd = "Sở Tài nguyên và Môi trường".encode().decode()
    import unicodedata

    assert registry.lookup(unicodedata.normalize("NFD", nfd), "vn-27")[0] == "so-tai-nguyen-va-moi-truong"
    assert registry.lookup("Sở Công Thương", "vn-01") is None
    assert registry.lookup("Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", "vn-29")[0] == (
        "ban-quan-ly-kkt-dung-quat-va-cac-kcn"
    )
    assert registry.lookup("Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", "vn-27") is None
    assert registry.lookup("UBND tỉnh", "vn-27")[1] == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert registry.lookup("Thủ tướng Chính phủ", "vn-29") == (
        "thu-tuong-chinh-phu",
        "Thủ tướng Chính phủ",
        "Prime Minister",
        "vn",
    )


def test_slugify_is_vietnamese_aware():
    assert slugify("Sở Lao động - Thương binh và Xã hội") == "so-lao-dong-thuong-binh-va-xa-hoi"
    assert slugify("Đắk Lắk") == "dak-lak"
    assert slugify("Sở TN&MT") == "so-tn-va-mt"


def test_shapes_are_valid_shacl():
    shapes = load("shapes.ttl")
    conforms, _, _ = shacl_validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms
    broken = load("shapes.ttl")
    broken.add(
        (
            URIRef("https://w3id.org/policy-graph/shapes#TaskShape"),
            SH.property,
            broken_shape := URIRef("https://w3id.org/policy-graph/shapes#Broken"),
        )
    )
    broken.add((broken_shape, SH.path, PG.text))
    broken.add((broken_shape, SH.minCount, Literal("one")))
    with pytest.raises(ReportableRuntimeError):
        shacl_validate(Graph(), shacl_graph=broken, meta_shacl=True)


def test_every_shape_message_is_in_vietnamese_and_english():
    shapes = load("shapes.ttl")
    # property shapes, SPARQL constraints and node shapes that constrain their focus (a pattern)
    constrained = (
        set(shapes.subjects(SH.path, None))
        | set(shapes.objects(None, SH.sparql))
        | set(shapes.subjects(SH.pattern, None))
    )
    assert len(constrained) == 70
    for shape in constrained:
        assert {lit.language for lit in shapes.objects(shape, SH.message)} == {"vi", "en"}, (
            shapes.value(shape, SH.path) or shape
        )


def shape_in_list(shapes: Graph, path: URIRef) -> list[str]:
    shape = next(s for s in shapes.subjects(SH.path, path) if shapes.value(s, SH["in"]))
    return [str(v) for v in Collection(shapes, shapes.value(shape, SH["in"]))]


def test_shape_value_lists_match_the_tables():
    shapes = load("shapes.ttl")
    assert shape_in_list(shapes, ELI.type_document) == [f"{PGV}document-type/{t.slug}" for t in DOC_TYPES]
    assert shape_in_list(shapes, PG.deadlineKind) == [f"{PGV}deadline-kind/{k}" for k in DEADLINE_KINDS]
    assert shape_in_list(shapes, PG.relationKind) == [f"{PGV}relation/{k}" for k in RELATION_KINDS]
    assert shape_in_list(shapes, PG.comparator) == [f"{PGV}comparator/{k}" for k in COMPARATORS]
    assert shape_in_list(shapes, PG.sectionKind) == [f"{PGV}section-kind/{k}" for k in SECTION_KINDS]
    assert shape_in_list(shapes, PG.layout) == list(TASK_LAYOUTS)


def hand_written_graph() -> Graph:
    return Graph().parse(str(FIXTURES / "shapes_conforming.ttl"), format="turtle")


def test_hand_written_graph_conforms():
    result = validate_graph(hand_written_graph())
    assert result.violations == []
    assert result.conforms


def _drop(node: str, prop: URIRef):
    return lambda g: g.remove((URIRef(node), prop, None))


def _set(node: str, prop: URIRef, value):
    def change(g: Graph) -> None:
        g.remove((URIRef(node), prop, None))
        g.add((URIRef(node), prop, value))

    return change


def _add(node: str, prop: URIRef, value):
    return lambda g: g.add((URIRef(node), prop, value))


SOURCE = "https://w3id.org/policy-graph/source/0123456789abcdef"
TASK_EVIDENCE = SOURCE + "#char=5000,5055"


def _evidence(old: str, new: str):
    """The task's evidence moved to another IRI, with its quote."""

    def change(g: Graph) -> None:
        g.remove((URIRef(DOC + "/task/1"), PG.evidence, URIRef(old)))
        g.add((URIRef(DOC + "/task/1"), PG.evidence, URIRef(new)))
        for quote in list(g.objects(URIRef(old), OA.exact)):
            g.add((URIRef(new), OA.exact, quote))

    return change


BROKEN = {
    "task without text": (_drop(DOC + "/task/1", PG.text), [(DOC + "/task/1", PG.text)]),
    "lead agency as a string": (
        _set(DOC + "/task/1", PG.leadAgency, Literal("Sở Công Thương", lang="vi")),
        [(DOC + "/task/1", PG.leadAgency)],
    ),
    "second document type": (
        _add(DOC, ELI.type_document, URIRef(PGV + "document-type/qd")),
        [(DOC, ELI.type_document)],
    ),
    "date as a string": (_set(DOC, ELI.date_document, Literal("06/11/2024")), [(DOC, ELI.date_document)]),
    "no jurisdiction": (_drop(DOC, ELI.jurisdiction), [(DOC, ELI.jurisdiction)]),
    "English label only": (_drop(DOC, SKOS.prefLabel), [(DOC, SKOS.prefLabel)]),
    "ingested without source file": (_drop(DOC, PG.sourceFile), [(DOC, PG.sourceFile)]),
    "misspelt deadline kind": (
        _set(DOC + "/task/1/deadline", PG.deadlineKind, URIRef(PGV + "deadline-kind/anual")),
        [(DOC + "/task/1/deadline", PG.deadlineKind)],
    ),
    "due date as text": (
        _set(DOC + "/task/1/deadline", PG.dueDate, Literal("Quý II/2025")),
        [(DOC + "/task/1/deadline", PG.dueDate)],
    ),
    "indicator without measure": (
        _drop(DOC + "/indicator/1", PG.measure),
        [(DOC + "/indicator/1", PG.measure)],
    ),
    "target value as text": (
        _set(DOC + "/indicator/1/target", PG.lowValue, Literal("7.500")),
        [(DOC + "/indicator/1/target", PG.lowValue)],
    ),
    "footnote number 0": (
        _set(DOC + "/footnote/1", PG.footnoteNumber, Literal(0)),
        [(DOC + "/footnote/1", PG.footnoteNumber)],
    ),
    "citation with two cited documents": (
        _add(DOC + "/citation/1", PG.citedDocument, URIRef(DOC)),
        [(DOC + "/citation/1", PG.citedDocument)],
    ),
    "agency without jurisdiction": (
        _drop("https://w3id.org/policy-graph/org/vn-29/so-cong-thuong", PG.jurisdiction),
        [("https://w3id.org/policy-graph/org/vn-29/so-cong-thuong", PG.jurisdiction)],
    ),
    "span that ends before it starts": (
        _evidence(TASK_EVIDENCE, SOURCE + "#char=5055,5000"),
        [(SOURCE + "#char=5055,5000", None)],
    ),
    "evidence that names lines, not characters": (
        _evidence(TASK_EVIDENCE, SOURCE + "#line=10,11"),
        [(SOURCE + "#line=10,11", None)],
    ),
    "evidence in a file the graph does not hold": (
        _evidence(TASK_EVIDENCE, SOURCE[:-1] + "0#char=5000,5055"),
        [(SOURCE[:-1] + "0#char=5000,5055", None)],
    ),
    "empty quote": (_set(TASK_EVIDENCE, OA.exact, Literal("")), [(TASK_EVIDENCE, OA.exact)]),
    "two quotes": (_add(TASK_EVIDENCE, OA.exact, Literal("Xây dựng Đề án")), [(TASK_EVIDENCE, OA.exact)]),
    "page as a number": (
        _add(TASK_EVIDENCE, DCTERMS.isPartOf, Literal(3)),
        [(TASK_EVIDENCE, DCTERMS.isPartOf)],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_shapes_reject_a_broken_graph_at_the_right_node(case):
    change, expected = BROKEN[case]
    data = hand_written_graph()
    change(data)
    result = validate_graph(data)
    assert not result.conforms
    found = {(v.focus, v.path) for v in result.violations}
    assert {(focus, str(path) if path else None) for focus, path in expected} <= found, found


def test_a_document_read_from_two_copies_conforms():
    """The real corpus holds Thông tư 109/2025/TT-BTC twice (one text crawled from two pages): one
    document IRI, two source files, each with its evidence."""
    data = hand_written_graph()
    copy = URIRef(SOURCE[:-1] + "0")
    data.add((copy, RDF.type, PG.SourceFile))
    data.add((copy, DCTERMS.title, Literal("copy.txt")))
    data.add((copy, PG.sha256, Literal("0" * 64)))
    data.add((URIRef(DOC), PG.sourceFile, copy))
    assert validate_graph(data).violations == []


def test_shapes_reject_a_broken_task(seed_build):
    data = store_as_graph(__import__("graph.store", fromlist=["open_store"]).open_store(seed_build[1]))
    task = URIRef("https://w3id.org/policy-graph/eli/vn-29/kh/2024/214/task/3")
    data.remove((task, PG.text, None))
    data.add((task, PG.leadAgency, Literal("Sở X")))
    result = validate_graph(data)
    assert not result.conforms
    assert sorted((v.focus, v.path) for v in result.violations) == [
        (str(task), str(PG.leadAgency)),
        (str(task), str(PG.text)),
    ]


def test_the_graph_speaks_eli_for_parts_agencies_areas_and_types(seed_store):
    """ELI alignment: sections point up with eli:is_part_of, every agency is an eli:Organization,
    every jurisdiction an eli:AdministrativeArea, every document type an eli:ResourceType."""

    def ask(query: str) -> bool:
        return bool(
            seed_store.query(
                "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
                "PREFIX org: <http://www.w3.org/ns/org#> "
                "PREFIX dcterms: <http://purl.org/dc/terms/> "
                "PREFIX pg: <https://w3id.org/policy-graph/ontology#> " + query,
            )
        )

    assert ask("ASK { ?s a pg:Section ; eli:is_part_of ?parent }")
    assert not ask("ASK { ?s a pg:Section ; dcterms:isPartOf ?parent }")
    assert not ask("ASK { ?a a org:Organization FILTER NOT EXISTS { ?a a eli:Organization } }")
    assert not ask("ASK { ?d eli:jurisdiction ?j FILTER NOT EXISTS { ?j a eli:AdministrativeArea } }")
    assert not ask("ASK { ?d eli:type_document ?t FILTER NOT EXISTS { ?t a eli:ResourceType } }")
    assert ask("ASK { ?d eli:type_document ?t }")
