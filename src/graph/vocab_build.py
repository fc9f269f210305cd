"""Generate ``ontology/vocabularies.ttl`` (SKOS concept schemes) from the Python tables.

Run ``python -m graph.vocab_build``; the generated file is committed and a test
checks it is up to date, so the vocabularies cannot drift from the code.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .model import DEADLINE_KINDS, RELATION_KINDS
from .patterns.documents import DOC_TYPES
from .vocab import ELI, PG

PGV = "https://w3id.org/policy-graph/vocab/"
OUT = Path(__file__).resolve().parents[2] / "ontology" / "vocabularies.ttl"

DEADLINE_LABELS = {
    "year": ("Trong năm", "Within a year", "A single calendar year: \"năm 2020\", \"2024\"."),
    "years": ("Trong các năm", "Within several years", "Several years: \"năm 2019, 2020\"."),
    "by-year": ("Đến năm", "By a year", "No later than a year: \"đến năm 2025\"."),
    "quarter": ("Quý", "Quarter", "A quarter of a year: \"Quý II/2023\"."),
    "date": ("Ngày cụ thể", "Date", "A calendar date: \"trước ngày 15/12/2024\"."),
    "annual": ("Hằng năm", "Annual", "Recurring every year: \"Hằng năm\", \"Hàng năm\"."),
    "continuous": ("Thường xuyên", "Continuous", "Ongoing, without an end: \"Thường xuyên\"."),
    "per-lead-schedule": ("Theo tiến độ cơ quan chủ trì", "Per the lead body's schedule",
                          "The lead body sets the schedule: \"Theo tiến độ cơ quan chủ trì\"."),
    "per-plan": ("Theo kế hoạch, quy hoạch", "Per another plan",
                 "Follows another plan's timeline: \"theo thời gian thực hiện quy hoạch tỉnh\"."),
    "period": ("Giai đoạn", "Period", "A span of years: \"2021 - 2025\", \"giai đoạn 2021-2025\"."),
    "unspecified": ("Không xác định", "Unspecified", "Printed, but in no form the parser recognises."),
}
RELATION_LABELS = {
    "implements": ("Triển khai thực hiện", "Implements", ELI.ensures_implementation_of),
    "based-on": ("Căn cứ", "Based on", ELI.based_on),
    "cites": ("Trích dẫn", "Cites", ELI.cites),
    "attached-to": ("Ban hành kèm theo", "Attached to", PG.attachedTo),
    "amends": ("Sửa đổi, bổ sung", "Amends", ELI.amends),
    "replaces": ("Thay thế", "Replaces", ELI.replaces),
    "repeals": ("Bãi bỏ", "Repeals", ELI.repeals),
    "guides": ("Hướng dẫn", "Guides", ELI.cites),
}
COMPARATOR_LABELS = {
    "gt": ("Lớn hơn (trên)", "Greater than", ">"), "ge": ("Từ … trở lên (ít nhất)", "At least", "≥"),
    "lt": ("Nhỏ hơn (dưới)", "Less than", "<"), "le": ("Không quá (tối đa)", "At most", "≤"),
    "eq": ("Bằng", "Equal to", "="), "approx": ("Khoảng", "About", "≈"),
    "range": ("Trong khoảng", "Range", "–"), "qualitative": ("Định tính", "Qualitative", "…"),
}
SECTION_KIND_LABELS = {
    "part": ("Phần (I, II, …)", "Part"), "clause": ("Mục (1., 2., …)", "Clause"),
    "subclause": ("Tiểu mục (1.1., …)", "Sub-clause"), "point": ("Điểm (a, b, …)", "Point"),
    "item": ("Ý ((1), (2), …)", "Item"), "bullet": ("Gạch đầu dòng (-)", "Bullet"),
    "subbullet": ("Dấu cộng (+)", "Sub-bullet"), "star": ("Dấu sao (*)", "Star item"),
    "row": ("Dòng bảng", "Table row"), "appendix": ("Phụ lục", "Appendix"),
    "chapter": ("Chương", "Chapter"), "division": ("Mục (của chương)", "Division"),
    "article": ("Điều", "Article"), "paragraph": ("Khoản", "Paragraph"),
}
SCHEMES = {
    "document-type": ("Loại văn bản", "Document types"),
    "deadline-kind": ("Loại thời hạn", "Deadline kinds"),
    "relation": ("Quan hệ giữa văn bản", "Relations between documents"),
    "comparator": ("Phép so sánh của chỉ tiêu", "Indicator target comparators"),
    "section-kind": ("Loại đề mục", "Section kinds"),
}


def concept(g: Graph, scheme: str, notation: str, label_vi: str, label_en: str,
            definition: str | None = None) -> URIRef:
    iri = URIRef(f"{PGV}{scheme}/{notation}")
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, SKOS.inScheme, URIRef(f"{PGV}{scheme}")))
    g.add((iri, SKOS.topConceptOf, URIRef(f"{PGV}{scheme}")))
    g.add((iri, SKOS.notation, Literal(notation)))
    g.add((iri, SKOS.prefLabel, Literal(label_vi, lang="vi")))
    g.add((iri, SKOS.prefLabel, Literal(label_en, lang="en")))
    if definition:
        g.add((iri, SKOS.definition, Literal(definition, lang="en")))
    return iri


def build_vocabularies() -> Graph:
    g = Graph()
    for prefix, ns in (("pgv", PGV), ("skos", str(SKOS)), ("eli", str(ELI)), ("pg", str(PG)),
                       ("dcterms", str(DCTERMS))):
        g.bind(prefix, ns)
    for scheme, (vi, en) in SCHEMES.items():
        iri = URIRef(f"{PGV}{scheme}")
        g.add((iri, RDF.type, SKOS.ConceptScheme))
        g.add((iri, SKOS.prefLabel, Literal(vi, lang="vi")))
        g.add((iri, SKOS.prefLabel, Literal(en, lang="en")))
        g.add((iri, DCTERMS.creator, Literal("policy-graph")))
    for doc_type in DOC_TYPES:
        iri = concept(g, "document-type", doc_type.slug, doc_type.label_vi, doc_type.label_en)
        g.add((iri, SKOS.altLabel, Literal(doc_type.code, lang="vi")))
        g.add((iri, RDFS.seeAlso, getattr(PG, doc_type.owl_class)))
    for kind in DEADLINE_KINDS:
        vi, en, definition = DEADLINE_LABELS[kind]
        concept(g, "deadline-kind", kind, vi, en, definition)
    for kind in RELATION_KINDS:
        vi, en, prop = RELATION_LABELS[kind]
        iri = concept(g, "relation", kind, vi, en)
        g.add((iri, RDFS.seeAlso, prop))
    for code, (vi, en, symbol) in COMPARATOR_LABELS.items():
        iri = concept(g, "comparator", code, vi, en)
        g.add((iri, SKOS.altLabel, Literal(symbol)))
    for kind, (vi, en) in SECTION_KIND_LABELS.items():
        concept(g, "section-kind", kind, vi, en)
    return g


def render() -> str:
    header = "# Generated by `python -m graph.vocab_build` from the tables in src/graph; do not edit.\n"
    return header + build_vocabularies().serialize(format="turtle")


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
