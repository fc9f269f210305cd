"""Generate ``ontology/vocabularies.ttl`` (SKOS concept schemes) from the Python tables.

Run ``python -m graph.vocab_build``; the generated file is committed and a test
checks it is up to date, so the vocabularies cannot drift from the code.  Each
scheme iterates a table of the code (``DOC_TYPES``, ``DEADLINE_KINDS``,
``RELATION_KINDS``, ``COMPARATORS``, ``SECTION_KINDS``); the label tables below
only add words, so a kind missing a label fails the build with a KeyError.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .model import COMPARATORS, DEADLINE_KINDS, RELATION_KINDS, SECTION_KINDS
from .patterns.documents import CENTRAL, DOC_TYPES, PROVINCES
from .rdf import describe_jurisdiction
from .resources import ONTOLOGY_DIR
from .vocab import DEFAULT_BASE, ELI, PG

PGV = "https://w3id.org/policy-graph/vocab/"
OUT = ONTOLOGY_DIR / "vocabularies.ttl"

# kind → (label vi, label en, definition vi, definition en), with the printed forms from the seeds.
DEADLINE_LABELS = {
    "year": (
        "Trong năm",
        "Within a year",
        'Một năm dương lịch: "năm 2020", "2024".',
        'A single calendar year: "năm 2020", "2024".',
    ),
    "years": (
        "Trong các năm",
        "Within several years",
        'Nhiều năm: "năm 2019, 2020".',
        'Several years: "năm 2019, 2020".',
    ),
    "by-year": (
        "Đến năm",
        "By a year",
        'Chậm nhất trong một năm: "đến năm 2025".',
        'No later than a year: "đến năm 2025".',
    ),
    "quarter": ("Quý", "Quarter", 'Một quý của năm: "Quý II/2023".', 'A quarter of a year: "Quý II/2023".'),
    "date": (
        "Ngày cụ thể",
        "Date",
        'Một ngày cụ thể: "trước ngày 15/12/2024".',
        'A calendar date: "trước ngày 15/12/2024".',
    ),
    "annual": (
        "Hằng năm",
        "Annual",
        'Lặp lại mỗi năm: "Hằng năm", "Hàng năm".',
        'Recurring every year: "Hằng năm", "Hàng năm".',
    ),
    "periodic": (
        "Định kỳ",
        "Periodic",
        'Lặp lại nhiều lần trong năm: "hằng quý", "hằng tháng", "định kỳ 6 tháng".',
        'Recurring more than once a year: "hằng quý", "hằng tháng", "định kỳ 6 tháng".',
    ),
    "continuous": (
        "Thường xuyên",
        "Continuous",
        'Liên tục, không có hạn cuối: "Thường xuyên".',
        'Ongoing, without an end: "Thường xuyên".',
    ),
    "per-lead-schedule": (
        "Theo tiến độ cơ quan chủ trì",
        "Per the lead body's schedule",
        'Cơ quan chủ trì tự định tiến độ: "Theo tiến độ cơ quan chủ trì".',
        'The lead body sets the schedule: "Theo tiến độ cơ quan chủ trì".',
    ),
    "per-plan": (
        "Theo kế hoạch, quy hoạch",
        "Per another plan",
        'Theo thời gian của một kế hoạch khác: "theo thời gian thực hiện quy hoạch tỉnh".',
        'Follows another plan\'s timeline: "theo thời gian thực hiện quy hoạch tỉnh".',
    ),
    "period": (
        "Giai đoạn",
        "Period",
        'Một khoảng nhiều năm: "2021 - 2025", "giai đoạn 2021-2025".',
        'A span of years: "2021 - 2025", "giai đoạn 2021-2025".',
    ),
    "unspecified": (
        "Không xác định",
        "Unspecified",
        "Có ghi thời hạn nhưng không ở dạng nào bộ đọc nhận ra.",
        "Printed, but in no form the parser recognises.",
    ),
}
RELATION_LABELS = {
    # (vi, en, the property the direct triple uses): "guides" has no ELI property, so
    # its direct triple is the generic eli:cites and the kind lives on the pg:Citation.
    "implements": ("Triển khai thực hiện", "Implements", ELI.ensures_implementation_of),
    "based-on": ("Căn cứ", "Based on", ELI.based_on),
    "cites": ("Trích dẫn", "Cites", ELI.cites),
    "attached-to": ("Ban hành kèm theo", "Attached to", PG.attachedTo),
    "amends": ("Sửa đổi, bổ sung", "Amends", ELI.amends),
    "replaces": ("Thay thế", "Replaces", ELI.replaces),
    "repeals": ("Bãi bỏ", "Repeals", ELI.repeals),
    "guides": ("Hướng dẫn", "Guides", ELI.cites),
    "consolidates": ("Hợp nhất", "Consolidates", ELI.consolidates),
}
COMPARATOR_LABELS = {
    "gt": ("Lớn hơn (trên)", "Greater than", ">"),
    "ge": ("Từ … trở lên (ít nhất)", "At least", "≥"),
    "lt": ("Nhỏ hơn (dưới)", "Less than", "<"),
    "le": ("Không quá (tối đa)", "At most", "≤"),
    "eq": ("Bằng", "Equal to", "="),
    "approx": ("Khoảng", "About", "≈"),
    "range": ("Trong khoảng", "Range", "–"),
    "qualitative": ("Định tính", "Qualitative", "…"),
}
SECTION_KIND_LABELS = {
    "part": ("Phần (I, II, …)", "Part"),
    "clause": ("Mục (1., 2., …)", "Clause"),
    "subclause": ("Tiểu mục (1.1., …)", "Sub-clause"),
    "point": ("Điểm (a, b, …)", "Point"),
    "item": ("Ý ((1), (2), …)", "Item"),
    "bullet": ("Gạch đầu dòng (-)", "Bullet"),
    "subbullet": ("Dấu cộng (+)", "Sub-bullet"),
    "star": ("Dấu sao (*)", "Star item"),
    "row": ("Dòng bảng", "Table row"),
    "appendix": ("Phụ lục", "Appendix"),
    "chapter": ("Chương", "Chapter"),
    "division": ("Mục (của chương)", "Division"),
    "article": ("Điều", "Article"),
}
SCHEMES = {
    "document-type": ("Loại văn bản", "Document types"),
    "deadline-kind": ("Loại thời hạn", "Deadline kinds"),
    "relation": ("Quan hệ giữa văn bản", "Relations between documents"),
    "comparator": ("Phép so sánh của chỉ tiêu", "Indicator target comparators"),
    "section-kind": ("Loại đề mục", "Section kinds"),
    "jurisdiction": ("Địa bàn", "Jurisdictions"),
}


def concept(
    g: Graph,
    scheme: str,
    local: str,
    label_vi: str,
    label_en: str,
    definition: tuple[str, str] | None = None,
    notation: str | None = None,
) -> URIRef:
    iri = URIRef(f"{PGV}{scheme}/{local}")
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, SKOS.inScheme, URIRef(f"{PGV}{scheme}")))
    g.add((iri, SKOS.topConceptOf, URIRef(f"{PGV}{scheme}")))
    g.add((iri, SKOS.notation, Literal(notation or local)))
    g.add((iri, SKOS.prefLabel, Literal(label_vi, lang="vi")))
    g.add((iri, SKOS.prefLabel, Literal(label_en, lang="en")))
    if definition:
        g.add((iri, SKOS.definition, Literal(definition[0], lang="vi")))
        g.add((iri, SKOS.definition, Literal(definition[1], lang="en")))
    return iri


def build_vocabularies() -> Graph:
    g = Graph()
    for prefix, ns in (
        ("pgv", PGV),
        ("skos", str(SKOS)),
        ("eli", str(ELI)),
        ("pg", str(PG)),
        ("dcterms", str(DCTERMS)),
    ):
        g.bind(prefix, ns)
    for scheme, (vi, en) in SCHEMES.items():
        iri = URIRef(f"{PGV}{scheme}")
        g.add((iri, RDF.type, SKOS.ConceptScheme))
        g.add((iri, SKOS.prefLabel, Literal(vi, lang="vi")))
        g.add((iri, SKOS.prefLabel, Literal(en, lang="en")))
        g.add((iri, DCTERMS.creator, Literal("policy-graph")))
    for doc_type in DOC_TYPES:
        # IRI from the slug ("qd"), notation the code printed in symbols ("QĐ").
        iri = concept(
            g, "document-type", doc_type.slug, doc_type.label_vi, doc_type.label_en, notation=doc_type.code
        )
        g.add((iri, RDF.type, ELI.ResourceType))
        for name in doc_type.names:
            if name != doc_type.label_vi:
                g.add((iri, SKOS.altLabel, Literal(name, lang="vi")))
        g.add((iri, RDFS.seeAlso, getattr(PG, doc_type.owl_class)))
    for kind in DEADLINE_KINDS:
        vi, en, definition_vi, definition_en = DEADLINE_LABELS[kind]
        concept(g, "deadline-kind", kind, vi, en, (definition_vi, definition_en))
    for kind in RELATION_KINDS:
        vi, en, prop = RELATION_LABELS[kind]
        iri = concept(g, "relation", kind, vi, en)
        g.add((iri, RDFS.seeAlso, prop))
    for code in COMPARATORS:
        vi, en, symbol = COMPARATOR_LABELS[code]
        iri = concept(g, "comparator", code, vi, en)
        g.add((iri, SKOS.altLabel, Literal(symbol)))
    for kind in SECTION_KINDS:
        vi, en = SECTION_KIND_LABELS[kind]
        concept(g, "section-kind", kind, vi, en)
    for code in (CENTRAL, *tuple(p.iso for p in PROVINCES)):
        jurisdiction(g, code)
    return g


def jurisdiction(g: Graph, code: str) -> URIRef:
    """Every jurisdiction an agency of the registry or a document can name, described once here
    so that a corpus without documents of some province still describes the jurisdictions its
    registry agencies point to."""
    iri = URIRef(f"{DEFAULT_BASE}/jurisdiction/{code}")
    describe_jurisdiction(g, iri, code)
    g.add((iri, SKOS.inScheme, URIRef(f"{PGV}jurisdiction")))
    return iri


def render() -> str:
    header = "# Generated by `python -m graph.vocab_build` from the tables in src/graph; do not edit.\n"
    return header + build_vocabularies().serialize(format="turtle")


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
