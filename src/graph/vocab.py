"""Terms of the policy-graph ontology and the standard vocabularies it reuses.

Defined once here so that a misspelt term is an AttributeError, not a silent new
IRI.  ``ontology/policy.ttl`` declares every ``PG`` term with @vi and @en labels;
a test checks the two agree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from . import DEFAULT_BASE

ONTOLOGY_IRI = f"{DEFAULT_BASE}/ontology"

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")


class PG(DefinedNamespace):
    """policy-graph's own terms: only what ELI, ORG, PROV-O, OA, SKOS lack."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # document classes (all rdfs:subClassOf eli:LegalResource via pg:Document)
    Document: URIRef
    Resolution: URIRef  # Nghị quyết
    ActionProgram: URIRef  # Chương trình (hành động)
    Plan: URIRef  # Kế hoạch
    Decision: URIRef  # Quyết định
    Regulation: URIRef  # Quy định (Party QĐ/TU)
    Directive: URIRef  # Chỉ thị
    Conclusion: URIRef  # Kết luận
    Notice: URIRef  # Thông báo
    Scheme: URIRef  # Đề án
    OfficialLetter: URIRef  # Công văn
    Law: URIRef  # Luật
    Decree: URIRef  # Nghị định
    Circular: URIRef  # Thông tư
    Strategy: URIRef  # Chiến lược
    Report: URIRef  # Báo cáo
    Instruction: URIRef  # Hướng dẫn
    Submission: URIRef  # Tờ trình
    OfficialDispatch: URIRef  # Công điện
    Minutes: URIRef  # Biên bản
    Permit: URIRef  # Giấy phép
    Rules: URIRef  # Quy chế
    Communique: URIRef  # Thông cáo
    Charter: URIRef  # Điều lệ
    ConsolidatedText: URIRef  # Văn bản hợp nhất
    TransmittalSlip: URIRef  # Phiếu chuyển
    SubmissionSlip: URIRef  # Phiếu trình
    Certificate: URIRef  # Giấy chứng nhận
    Ordinance: URIRef  # Pháp lệnh
    Standard: URIRef  # Tiêu chuẩn (TCVN)
    TechnicalRegulation: URIRef  # Quy chuẩn kỹ thuật (QCVN)
    # document parts
    Section: URIRef
    Appendix: URIRef
    Footnote: URIRef
    # work items
    Task: URIRef
    Indicator: URIRef
    Target: URIRef
    Deadline: URIRef
    # bodies and places
    Agency: URIRef
    AgencyGroup: URIRef
    Jurisdiction: URIRef
    # statements with provenance
    Citation: URIRef
    SourceFile: URIRef

    # document metadata
    unnumbered: URIRef
    numberPlaceholder: URIRef
    printedSymbol: URIRef
    printedDate: URIRef
    isDraft: URIRef
    signer: URIRef
    signerCapacity: URIRef
    signingAuthority: URIRef
    recipient: URIRef
    place: URIRef
    inferredField: URIRef
    sourceFile: URIRef
    sha256: URIRef
    encoding: URIRef
    attachedTo: URIRef
    issuerCode: URIRef
    issuerName: URIRef
    ingested: URIRef

    # structure
    sectionKind: URIRef
    sectionKey: URIRef
    heading: URIRef
    footnoteNumber: URIRef
    text: URIRef
    inFootnote: URIRef
    inSection: URIRef
    inTable: URIRef

    # citations
    citingDocument: URIRef
    citedDocument: URIRef
    relationKind: URIRef
    citedAs: URIRef

    # tasks
    task: URIRef
    label: URIRef
    leadAgency: URIRef
    cooperatingAgency: URIRef
    directingAgency: URIRef
    deadline: URIRef
    deadlineKind: URIRef
    deadlineText: URIRef
    deadlineYear: URIRef
    deadlineQuarter: URIRef
    dueDate: URIRef
    outputForm: URIRef
    note: URIRef
    layout: URIRef
    printedAgency: URIRef

    # indicators
    indicator: URIRef
    measure: URIRef
    target: URIRef
    comparator: URIRef
    lowValue: URIRef
    highValue: URIRef
    unit: URIRef
    targetText: URIRef
    horizonYear: URIRef
    monitoringAgency: URIRef
    reportingPeriod: URIRef

    # agencies
    isGroup: URIRef
    jurisdiction: URIRef
    isoCode: URIRef

    # provenance
    evidence: URIRef


__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "ELI",
    "ELI_DL",
    "OA",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PG",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "TIME",
    "XSD",
]
