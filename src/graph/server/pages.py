"""What the HTML pages show: graph look-ups for documents, agencies, other nodes, search, chains.

Look-ups read the default graph, where the build stored every triple once (a node described in
several source files, a cited document or an agency, is not repeated); they stay ``SELECT
DISTINCT`` because property paths and OPTIONAL joins can still repeat rows.  Every look-up is a SPARQL query run through the worker pool (so pages obey the same
time limit as /sparql) with the node bound by substitution, never pasted into the text.
The only IRIs written into query text are in ``VALUES`` blocks, and only after
``safe_iri`` has checked they contain no character that could end the IRI.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..naming import fold, plain, short_form
from .sparql import Job, JobError

PREFIXES = """PREFIX pg: <https://w3id.org/policy-graph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
TURTLE_PREFIXES = {
    "pg": "https://w3id.org/policy-graph/ontology#",
    "pgv": "https://w3id.org/policy-graph/vocab/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LEGAL_RESOURCE = "http://data.europa.eu/eli/ontology#LegalResource"
ORGANIZATION = "http://www.w3.org/ns/org#Organization"
ELI = TURTLE_PREFIXES["eli"]
PG = TURTLE_PREFIXES["pg"]

# Properties a page names, Vietnamese first with English beside; the store's own
# rdfs:label (from ontology/policy.ttl) wins when present.
PROPERTY_LABELS = {
    RDF_TYPE: ("loại", "type"),
    ELI + "type_document": ("loại văn bản", "document type"),
    ELI + "number": ("số", "number"),
    ELI + "id_local": ("số ký hiệu", "symbol"),
    ELI + "date_document": ("ngày ban hành", "date"),
    ELI + "title": ("trích yếu", "title"),
    ELI + "passed_by": ("cơ quan ban hành", "passed by"),
    ELI + "jurisdiction": ("địa bàn", "jurisdiction"),
    ELI + "ensures_implementation_of": ("triển khai", "implements"),
    ELI + "based_on": ("căn cứ", "based on"),
    ELI + "cites": ("trích dẫn", "cites"),
    ELI + "has_part": ("gồm phần", "has part"),
    PG + "issuerCode": ("mã cơ quan ban hành", "issuer code"),
    PG + "issuerName": ("cơ quan ban hành", "issuer"),
    PG + "signer": ("người ký", "signer"),
    PG + "signerCapacity": ("chức vụ người ký", "signer capacity"),
    PG + "place": ("địa danh", "place"),
    PG + "recipient": ("nơi nhận", "recipient"),
    PG + "isDraft": ("dự thảo", "draft"),
    PG + "unnumbered": ("chưa có số", "unnumbered"),
    PG + "ingested": ("đã nạp", "ingested"),
    PG + "sourceFile": ("tệp nguồn", "source file"),
    PG + "task": ("nhiệm vụ", "task"),
    PG + "indicator": ("chỉ tiêu", "indicator"),
    PG + "evidence": ("bằng chứng", "evidence"),
    PG + "label": ("nhãn", "label"),
    PG + "text": ("nội dung", "text"),
    PG + "leadAgency": ("cơ quan chủ trì", "lead agency"),
    PG + "cooperatingAgency": ("cơ quan phối hợp", "cooperating agency"),
    PG + "directingAgency": ("cơ quan chỉ đạo", "directing agency"),
    PG + "deadline": ("thời hạn", "deadline"),
    PG + "attachedTo": ("kèm theo", "attached to"),
    TURTLE_PREFIXES["skos"] + "prefLabel": ("tên", "preferred label"),
    TURTLE_PREFIXES["skos"] + "altLabel": ("tên khác", "alternative label"),
    TURTLE_PREFIXES["rdfs"] + "label": ("nhãn", "label"),
    TURTLE_PREFIXES["dcterms"] + "isPartOf": ("thuộc", "is part of"),
    ELI + "is_part_of": ("thuộc", "is part of"),
    TURTLE_PREFIXES["dcterms"] + "title": ("tiêu đề", "title"),
}
ROLE_LABELS = {
    PG + "leadAgency": ("chủ trì", "lead"),
    PG + "cooperatingAgency": ("phối hợp", "cooperating"),
    PG + "directingAgency": ("chỉ đạo", "directing"),
}
RELATION_LABELS = {
    ELI + "ensures_implementation_of": ("triển khai", "implements"),
    ELI + "based_on": ("căn cứ", "based on"),
    PG + "attachedTo": ("kèm theo", "attached to"),
    ELI + "cites": ("trích dẫn", "cites"),
}
_OUTER_SELECT = re.compile(r"SELECT\s+(?:DISTINCT\s+)?")
_SAFE_IRI = re.compile(r'^https?://[^<>"{}|^`\\\x00-\x20]+$')


def safe_iri(iri: str) -> bool:
    return bool(_SAFE_IRI.match(iri))


@dataclass(frozen=True)
class Term:
    kind: str  # uri | bnode | literal | triple
    value: str
    lang: str | None = None
    datatype: str | None = None

    @classmethod
    def of(cls, item: tuple | None) -> Term | None:
        if item is None:
            return None
        if item[0] == "literal":
            return cls("literal", item[1], item[2], item[3])
        return cls(item[0], item[1])

    @property
    def is_uri(self) -> bool:
        return self.kind == "uri"


@dataclass
class Labelled:
    """A node with its Vietnamese and English labels."""

    iri: str
    vi: str | None = None
    en: str | None = None

    @property
    def text(self) -> str:
        return self.vi or self.en or self.iri


@dataclass
class RelatedDocument(Labelled):
    """A document a page lists, with what tells apart the many that print one symbol
    ("Quyết định 87/2025/QĐ-UBND" of Lai Châu and of Bắc Ninh): issuer, province, date."""

    date: str | None = None
    issuer: str | None = None
    province: str | None = None


@dataclass
class Evidence:
    source: str
    start: int | None
    end: int | None
    quote: str | None


class Site:
    """The server's view of the graph: the base of its IRIs, the worker pool, the raw files."""

    def __init__(self, pool, base: str, raw_dir: Path | None, max_rows: int):
        self.pool = pool
        self.base = base.rstrip("/")
        self.raw_dir = raw_dir
        self.max_rows = max_rows

    def iri_for_path(self, path: str) -> str:
        return self.base + "/" + path.lstrip("/")

    def href(self, iri: str) -> str:
        """A local link for IRIs under the base (they dereference here), else the IRI itself
        when it is an http(s) IRI; any other scheme (``javascript:``, ``data:``, an update may
        store any IRI) links nowhere: "#".  An IRI under the base whose path begins '//' (or '/\\')
        is linked whole: as a path, a browser reads '//evil.example/…' as another host."""
        if iri.startswith(self.base + "/"):
            path = iri[len(self.base) :]
            if path[1:2] not in ("/", "\\"):
                return path
        return iri if safe_iri(iri) else "#"

    async def rows(self, query: str, **substitutions: str) -> list[dict[str, Term]]:
        """Solutions of a SELECT with IRIs bound by substitution (pyoxigraph requires a
        substituted variable in the outermost projection, so it is added there)."""
        if substitutions:
            projected = " ".join(f"?{name}" for name in substitutions)
            query = _OUTER_SELECT.sub(lambda m: f"{m[0]}{projected} ", query, count=1)
        job = Job(
            mode="rows",
            query=PREFIXES + query,
            max_rows=self.max_rows,
            trusted=True,
            substitutions={k: ("uri", v) for k, v in substitutions.items()},
        )
        reply = await self._run(job)
        if reply[0] == "error":
            raise JobError(reply[1], reply[2])
        return [{k: Term.of(v) for k, v in row.items()} for row in reply[2]]  # type: ignore[misc]

    async def _run(self, job: Job) -> tuple:
        return await self.pool.run(job)


class LocalSite(Site):
    """The same look-ups run directly on an open store, inside a query worker (where a
    search is scored under the worker's time limit, not in the server process)."""

    def __init__(self, store, max_rows: int, raw_dir: Path | None = None):
        super().__init__(None, "", raw_dir, max_rows)
        self.store = store

    async def _run(self, job: Job) -> tuple:
        from .sparql import run_job

        try:
            return ("ok", *run_job(self.store, job))
        except JobError as err:
            return ("error", err.status, err.message)


def drive(coroutine):
    """The result of a coroutine that never waits (a look-up on a ``LocalSite``)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    coroutine.close()
    raise RuntimeError("a local look-up tried to wait")


def _text(row: dict, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def _int(row: dict, key: str) -> int | None:
    value = _text(row, key)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _evidence(row: dict) -> Evidence | None:
    if row.get("src") is None:
        return None
    return Evidence(row["src"].value, _int(row, "start"), _int(row, "end"), _text(row, "quote"))


# A fact's evidence is the RFC 5147 IRI <source>#char=start,end (rdf.evidence_iri): the source
# file and the span are read off the IRI, the quote is on it.
EVIDENCE_PATTERN = """OPTIONAL { ?{x} pg:evidence ?ev . OPTIONAL { ?ev oa:exact ?quote }
    BIND(STRAFTER(STR(?ev), "#char=") AS ?chars) BIND(IRI(STRBEFORE(STR(?ev), "#char=")) AS ?src)
    BIND(xsd:integer(STRBEFORE(?chars, ",")) AS ?start) BIND(xsd:integer(STRAFTER(?chars, ",")) AS ?end) }"""


def evidence_of(var: str) -> str:
    return EVIDENCE_PATTERN.replace("{x}", var)


def labels_of(var: str) -> str:
    return (
        f'OPTIONAL {{ ?{var} skos:prefLabel ?{var}Vi FILTER(LANG(?{var}Vi) = "vi") }} '
        f'OPTIONAL {{ ?{var} skos:prefLabel ?{var}En FILTER(LANG(?{var}En) = "en") }}'
    )


def _labelled(row: dict, var: str) -> Labelled | None:
    if row.get(var) is None:
        return None
    return Labelled(row[var].value, _text(row, var + "Vi"), _text(row, var + "En"))


# ------------------------------------------------------------ any node

# a document's page shows the title of its Vietnamese expression as its own
OUTGOING = (
    "SELECT DISTINCT ?p ?o ?oVi ?oEn WHERE { { ?node ?p ?o } "
    f"UNION {{ ?node eli:is_realized_by/eli:title ?o BIND(eli:title AS ?p) }} {labels_of('o')} }}"
)
INCOMING = (
    f"SELECT DISTINCT ?s ?p ?sVi ?sEn WHERE {{ {{ SELECT DISTINCT ?node ?s ?p WHERE {{ ?s ?p ?node }} LIMIT 300 }} "
    f"{labels_of('s')} }}"
)
PROPERTY_NAMES = """SELECT DISTINCT ?p ?l WHERE { { ?node ?p ?o } UNION { ?s ?p ?node }
  ?p rdfs:label ?l }"""
NODE_EVIDENCE = (
    f"SELECT DISTINCT ?src ?start ?end ?quote WHERE {{ {evidence_of('node')} FILTER(BOUND(?src)) }}"
)


@dataclass
class Statement:
    predicate: str
    value: Term
    labels: Labelled | None = None


@dataclass
class NodeView:
    iri: str
    label: Labelled
    types: list[str]
    outgoing: list[Statement]
    incoming: list[Statement]
    property_names: dict[str, tuple[str, str]]
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if LEGAL_RESOURCE in self.types:
            return "document"
        if ORGANIZATION in self.types:
            return "agency"
        return "generic"

    def values(self, predicate: str) -> list[Term]:
        return [s.value for s in self.outgoing if s.predicate == predicate]

    def first(self, predicate: str) -> str | None:
        found = self.values(predicate)
        return found[0].value if found else None

    def prop_name(self, predicate: str) -> tuple[str, str]:
        """A property's names as a row's heading: capitalised, as the pages' other headings are (ELI labels its
        properties in lower case, "số ký hiệu", beside the project's "Người ký")."""
        vi, en = (
            self.property_names.get(predicate)
            or PROPERTY_LABELS.get(predicate)
            or (_local_name(predicate), "")
        )
        return vi[:1].upper() + vi[1:], en


FALLBACK_LABELS = (
    TURTLE_PREFIXES["rdfs"] + "label",
    TURTLE_PREFIXES["dcterms"] + "title",
    PG + "heading",
    PG + "measure",
    PG + "deadlineText",
    PG + "targetText",
)


def _fallback_label(outgoing: list[Statement]) -> str | None:
    """Nodes without skos:prefLabel (tasks, sections, footnotes): a readable heading
    such as 'Nhiệm vụ 4.3' from their type and pg:label, or their own title."""
    for predicate in FALLBACK_LABELS:
        found = next((s.value.value for s in outgoing if s.predicate == predicate), None)
        if found:
            return found
    short = next((s.value.value for s in outgoing if s.predicate == PG + "label"), None)
    kind = next(
        (
            TYPE_NAMES[s.value.value]
            for s in outgoing
            if s.predicate == RDF_TYPE and s.value.value in TYPE_NAMES
        ),
        None,
    )
    if short and kind:
        return f"{kind} {short}"
    return short


TYPE_NAMES = {
    PG + "Task": "Nhiệm vụ",
    PG + "Indicator": "Chỉ tiêu",
    PG + "Footnote": "Chú thích",
    PG + "Section": "Mục",
    PG + "Appendix": "Phụ lục",
    PG + "Citation": "Trích dẫn",
}


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1] or iri


def _merge_labels(rows: list[dict], subject: str, predicate: str = "p") -> list[Statement]:
    merged: dict[tuple[str, Term], Statement] = {}
    for row in rows:
        key = (row[predicate].value, row[subject])
        statement = merged.setdefault(key, Statement(key[0], key[1]))
        labelled = _labelled(row, subject)
        if labelled and (labelled.vi or labelled.en):
            statement.labels = labelled
    return list(merged.values())


# Whether a node is in the graph, and the node an old IRI now names (an unnumbered document's
# draft IRI, once another document revealed its number: ``owl:sameAs``, so that links made to
# the draft keep working), in one look-up: an IRI the graph does not hold is answered after
# this one job (before: three, one of them after the other; a flood of made-up IRIs cost a
# worker's turn three times each).
NODE_STATE = """SELECT ?doc ?known WHERE {
  OPTIONAL { ?doc owl:sameAs ?node FILTER NOT EXISTS { ?node ?p ?o } }
  BIND(EXISTS { ?node ?p2 ?o2 } || EXISTS { ?s3 ?p3 ?node } AS ?known) } LIMIT 1"""


@dataclass(frozen=True)
class NodeState:
    known: bool  # the graph holds a triple about it or pointing at it
    moved_to: str | None  # the node it now names, if it is an old draft IRI


async def node_state(site: Site, iri: str) -> NodeState:
    rows = await site.rows(NODE_STATE, node=iri)
    row = rows[0] if rows else {}
    known, moved = row.get("known"), row.get("doc")
    return NodeState(known is not None and known.value == "true", moved.value if moved else None)


async def node_view(site: Site, iri: str) -> NodeView | None:
    out_rows = await site.rows(OUTGOING, node=iri)
    in_rows = await site.rows(INCOMING, node=iri)
    if not out_rows and not in_rows:
        return None
    outgoing = _merge_labels(out_rows, "o")
    incoming = _merge_labels(in_rows, "s")
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for row in await site.rows(PROPERTY_NAMES, node=iri):
        names[row["p"].value][row["l"].lang or ""] = row["l"].value
    property_names = {p: (vi, n.get("en", "")) for p, n in names.items() if (vi := n.get("vi") or n.get(""))}
    label = Labelled(iri)
    for s in outgoing:
        if s.predicate == TURTLE_PREFIXES["skos"] + "prefLabel" and s.value.kind == "literal":
            if s.value.lang == "vi" and not label.vi:
                label.vi = s.value.value
            elif s.value.lang == "en" and not label.en:
                label.en = s.value.value
    if not label.vi and not label.en:
        label.vi = _fallback_label(outgoing)
    outgoing.sort(key=lambda s: (s.predicate != RDF_TYPE, s.predicate, s.value.value))
    incoming.sort(key=lambda s: (s.predicate, s.value.value))
    evidence = [e for row in await site.rows(NODE_EVIDENCE, node=iri) if (e := _evidence(row))]
    types = [s.value.value for s in outgoing if s.predicate == RDF_TYPE]
    return NodeView(iri, label, types, outgoing, incoming, property_names, evidence)


# ------------------------------------------------------------ documents

TASKS = f"""SELECT DISTINCT ?task ?label ?text ?deadline ?due ?output ?note ?src ?start ?end ?quote WHERE {{
  ?node pg:task ?task .
  OPTIONAL {{ ?task pg:label ?label }} OPTIONAL {{ ?task pg:text ?text }}
  OPTIONAL {{ ?task pg:deadline ?d . OPTIONAL {{ ?d pg:deadlineText ?deadline }} OPTIONAL {{ ?d pg:dueDate ?due }} }}
  OPTIONAL {{ ?task pg:outputForm ?output }} OPTIONAL {{ ?task pg:note ?note }}
  {evidence_of("task")}
}} ORDER BY xsd:integer(STRAFTER(STR(?task), "/task/")) ?task"""
TASK_AGENCIES = f"""SELECT DISTINCT ?task ?role ?agency ?agencyVi ?agencyEn WHERE {{
  VALUES ?role {{ pg:leadAgency pg:cooperatingAgency pg:directingAgency }}
  ?node pg:task ?task . ?task ?role ?agency . {labels_of("agency")}
}}"""
INDICATORS = f"""SELECT DISTINCT ?ind ?label ?measure ?target ?horizon ?period ?agency ?agencyVi ?agencyEn
       ?src ?start ?end ?quote WHERE {{
  ?node pg:indicator ?ind .
  OPTIONAL {{ ?ind pg:label ?label }} OPTIONAL {{ ?ind pg:measure ?measure }}
  OPTIONAL {{ ?ind pg:target/pg:targetText ?target }} OPTIONAL {{ ?ind pg:horizonYear ?horizon }}
  OPTIONAL {{ ?ind pg:reportingPeriod ?period }}
  OPTIONAL {{ ?ind pg:monitoringAgency ?agency . {labels_of("agency")} }}
  {evidence_of("ind")}
}} ORDER BY xsd:integer(STRAFTER(STR(?ind), "/indicator/")) ?ind"""
CITATIONS = f"""SELECT DISTINCT ?c ?cited ?citedVi ?citedEn ?citedAs ?kind ?footnote ?src ?start ?end ?quote WHERE {{
  ?c a pg:Citation ; dcterms:isPartOf ?node ; pg:citedDocument ?cited .
  OPTIONAL {{ ?c pg:citedAs ?citedAs }} OPTIONAL {{ ?c pg:relationKind ?kind }}
  OPTIONAL {{ ?c pg:inFootnote/pg:footnoteNumber ?footnote }}
  {labels_of("cited")}
  {evidence_of("c")}
}} ORDER BY ?c"""
FOOTNOTES = f"""SELECT DISTINCT ?f ?number ?text ?src ?start ?end ?quote WHERE {{
  ?f a pg:Footnote ; dcterms:isPartOf ?node .
  OPTIONAL {{ ?f pg:footnoteNumber ?number }} OPTIONAL {{ ?f pg:text ?text }}
  {evidence_of("f")}
}} ORDER BY ?number ?f"""
RELATED = f"""SELECT DISTINCT ?dir ?rel ?other ?otherVi ?otherEn ?date ?issuer ?province WHERE {{
  VALUES ?rel {{ eli:ensures_implementation_of eli:based_on pg:attachedTo }}
  {{ ?node ?rel ?other BIND("out" AS ?dir) }} UNION {{ ?other ?rel ?node BIND("in" AS ?dir) }}
  {labels_of("other")}
  OPTIONAL {{ ?other eli:date_document ?date }}
  OPTIONAL {{ ?other pg:issuerName ?issuer }}
  OPTIONAL {{ ?other eli:jurisdiction/skos:prefLabel ?province FILTER(LANG(?province) = "vi") }}
}} ORDER BY ?dir ?rel DESC(?date) ?other"""


@dataclass
class TaskRow:
    iri: str
    label: str | None
    text: str | None
    deadline: str | None
    due: str | None
    output: str | None
    note: str | None
    evidence: Evidence | None
    agencies: dict[str, list[Labelled]] = field(default_factory=lambda: defaultdict(list))


def _first_per(rows: list[dict], key: str) -> list[dict]:
    seen, kept = set(), []
    for row in rows:
        if row[key].value not in seen:
            seen.add(row[key].value)
            kept.append(row)
    return kept


async def document_tasks(site: Site, iri: str) -> list[TaskRow]:
    tasks = {
        row["task"].value: TaskRow(
            row["task"].value,
            _text(row, "label"),
            _text(row, "text"),
            _text(row, "deadline"),
            _text(row, "due"),
            _text(row, "output"),
            _text(row, "note"),
            _evidence(row),
        )
        for row in _first_per(await site.rows(TASKS, node=iri), "task")
    }
    for row in await site.rows(TASK_AGENCIES, node=iri):
        task = tasks.get(row["task"].value)
        if task is not None:
            role = ROLE_LABELS.get(row["role"].value, ("", ""))[1]
            agency = _labelled(row, "agency")
            if agency and all(a.iri != agency.iri for a in task.agencies[role]):
                task.agencies[role].append(agency)
    return list(tasks.values())


async def document_parts(site: Site, iri: str) -> dict:
    indicators = [
        dict(
            iri=r["ind"].value,
            label=_text(r, "label"),
            measure=_text(r, "measure"),
            target=_text(r, "target"),
            horizon=_text(r, "horizon"),
            period=_text(r, "period"),
            agency=_labelled(r, "agency"),
            evidence=_evidence(r),
        )
        for r in _first_per(await site.rows(INDICATORS, node=iri), "ind")
    ]
    citations = [
        dict(
            iri=r["c"].value,
            cited=_labelled(r, "cited"),
            cited_as=_text(r, "citedAs"),
            kind=_local_name(_text(r, "kind") or ""),
            footnote=_text(r, "footnote"),
            evidence=_evidence(r),
        )
        for r in _first_per(await site.rows(CITATIONS, node=iri), "c")
    ]
    citations.sort(key=lambda c: _trailing_number(c["iri"]))
    footnotes = [
        dict(iri=r["f"].value, number=_text(r, "number"), text=_text(r, "text"), evidence=_evidence(r))
        for r in _first_per(await site.rows(FOOTNOTES, node=iri), "f")
    ]
    related: dict[str, list[RelatedDocument]] = defaultdict(list)
    for r in await site.rows(RELATED, node=iri):
        key = f"{r['dir'].value}:{_local_name(r['rel'].value)}"
        other = RelatedDocument(
            r["other"].value,
            _text(r, "otherVi"),
            _text(r, "otherEn"),
            date=_text(r, "date"),
            issuer=_text(r, "issuer"),
            province=_text(r, "province"),
        )
        if all(o.iri != other.iri for o in related[key]):
            related[key].append(other)
    return dict(indicators=indicators, citations=citations, footnotes=footnotes, related=related)


def _trailing_number(iri: str) -> tuple[str, int]:
    head, _, tail = iri.rpartition("/")
    return (head, int(tail)) if tail.isdigit() else (iri, 0)


# ------------------------------------------------------------ agencies

AGENCY_TASKS = f"""SELECT DISTINCT ?task ?role ?doc ?docVi ?docEn ?label ?text ?deadline WHERE {{
  VALUES ?role {{ pg:leadAgency pg:cooperatingAgency pg:directingAgency }}
  ?task ?role ?node .
  OPTIONAL {{ ?task dcterms:isPartOf ?doc . {labels_of("doc")} }}
  OPTIONAL {{ ?task pg:label ?label }} OPTIONAL {{ ?task pg:text ?text }}
  OPTIONAL {{ ?task pg:deadline/pg:deadlineText ?deadline }}
}} ORDER BY ?doc xsd:integer(STRAFTER(STR(?task), "/task/")) ?task ?role"""
AGENCY_INDICATORS = f"""SELECT DISTINCT ?ind ?doc ?docVi ?docEn ?label ?measure WHERE {{
  ?ind pg:monitoringAgency ?node .
  OPTIONAL {{ ?ind dcterms:isPartOf ?doc . {labels_of("doc")} }}
  OPTIONAL {{ ?ind pg:label ?label }} OPTIONAL {{ ?ind pg:measure ?measure }}
}} ORDER BY ?doc ?ind"""
AGENCY_DOCUMENTS = f"""SELECT DISTINCT ?doc ?docVi ?docEn ?date WHERE {{
  ?doc eli:passed_by ?node . {labels_of("doc")} OPTIONAL {{ ?doc eli:date_document ?date }}
}} ORDER BY ?date ?doc"""


async def agency_parts(site: Site, iri: str) -> dict:
    tasks: dict[str, dict] = {}
    for r in await site.rows(AGENCY_TASKS, node=iri):
        task = tasks.setdefault(
            r["task"].value,
            dict(
                iri=r["task"].value,
                doc=_labelled(r, "doc"),
                label=_text(r, "label"),
                text=_text(r, "text"),
                deadline=_text(r, "deadline"),
                roles=[],
            ),
        )
        role = ROLE_LABELS.get(r["role"].value, ("", ""))
        if role not in task["roles"]:
            task["roles"].append(role)
    indicators = [
        dict(
            iri=r["ind"].value, doc=_labelled(r, "doc"), label=_text(r, "label"), measure=_text(r, "measure")
        )
        for r in _first_per(await site.rows(AGENCY_INDICATORS, node=iri), "ind")
    ]
    documents = [_labelled(r, "doc") for r in _first_per(await site.rows(AGENCY_DOCUMENTS, node=iri), "doc")]
    return dict(tasks=list(tasks.values()), indicators=indicators, documents=documents)


# ------------------------------------------------------------ source files

SOURCE_FILE = (
    """SELECT DISTINCT ?title ?sha WHERE { ?node dcterms:title ?title OPTIONAL { ?node pg:sha256 ?sha } }"""
)


@dataclass
class SourceView:
    iri: str
    name: str | None
    found: bool
    before: str = ""
    marked: str = ""
    after: str = ""
    changed: bool = False
    message: str = ""
    quote: str | None = None  # the span's words as the graph holds them (oa:exact)
    documents: list[Labelled] = field(default_factory=list)  # what was read from this file


def _inside(folder: Path | None, relative: str) -> Path | None:
    """``folder/relative`` when it stays inside ``folder`` (no absolute path, no '..'): a title
    in the graph never makes the server read a file outside the source folder."""
    if folder is None:
        return None
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts:
        return None
    return folder / Path(*parts)


SOURCE_DOCUMENTS = (
    f"""SELECT DISTINCT ?doc ?docVi ?docEn WHERE {{ ?doc pg:sourceFile ?node {labels_of("doc")} }}"""
)
SPAN_QUOTE = "SELECT ?quote WHERE { ?span oa:exact ?quote } LIMIT 1"


async def _span_quote(site: Site, iri: str, start: int | None, end: int | None) -> str | None:
    """The words the graph holds for ``iri#char=start,end`` (the evidence of a fact), shown when
    the file itself is not at hand: the server may run without the build's source folder."""
    if start is None or end is None or not safe_iri(span := f"{iri}#char={start},{end}"):
        return None
    rows = await site.rows(SPAN_QUOTE, span=span)
    return _text(rows[0], "quote") if rows else None


async def source_view(site: Site, iri: str, start: int | None, end: int | None) -> SourceView | None:
    """The source file's text with ``start``–``end`` marked.  Reading it (a PDF may need its
    OCR) runs in a query worker, under its time limit (``views.source``)."""
    rows = await site.rows(SOURCE_FILE, node=iri)
    if not rows:
        return None
    name = rows[0]["title"].value  # the path relative to the build's input folder
    documents = [d for r in await site.rows(SOURCE_DOCUMENTS, node=iri) if (d := _labelled(r, "doc"))]
    path = _inside(site.raw_dir, name)
    if path is None or not path.is_file():  # the page names the file, never the server's folders
        return SourceView(
            iri,
            name,
            False,
            message=f"Không tìm thấy tệp {name} trong thư mục nguồn (file not found: {name})",
            quote=await _span_quote(site, iri, start, end),
            documents=documents,
        )
    from ..model import InputError
    from ..read import read_source

    try:
        source = read_source(path)
    except InputError as err:  # its message starts with the file's absolute path: the reason alone
        return SourceView(
            iri,
            name,
            False,
            message=f"Không đọc được tệp {name}: {err.reason_vi} (the file cannot be read: {err.reason_en})",
            quote=await _span_quote(site, iri, start, end),
            documents=documents,
        )
    text = source.text
    view = SourceView(
        iri,
        name,
        True,
        changed=bool(_text(rows[0], "sha")) and rows[0]["sha"].value != source.sha256,
        documents=documents,
    )
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        view.before, view.marked, view.after = text[:start], text[start:end], text[end:]
    else:
        view.before = text
    return view


# ------------------------------------------------------------ query library


def load_query_library(query_dir: Path) -> list[dict]:
    """``queries/*.rq`` as the UI's examples, read by the same header parser as the CLI."""
    from ..queries import list_queries

    return [
        {
            "name": q.name,
            "description": q.description,
            "text": q.text,
            "params": [
                {"name": p.name, "variable": p.variable, "required": p.required, "description": p.description}
                for p in q.params
            ],
        }
        for q in list_queries(Path(query_dir))
    ]


# ------------------------------------------------------------ search


@functools.lru_cache(maxsize=16384)
def plain_kept(text: str) -> str:
    """``plain`` of a text of the graph, kept in the worker: a search folds every document's
    labels, every agency name and every task text of the store, the same ones for every query
    (half of a search's CPU on the real corpus, for the 9,000 texts it has); a bounded number,
    least recently used out (a store with more texts than that folds the rest each time)."""
    return plain(text)


_fold_kept = functools.lru_cache(maxsize=16384)(fold)
_short_form_kept = functools.lru_cache(maxsize=64)(short_form)


@functools.lru_cache(maxsize=256)
def whole_word(word: str) -> re.Pattern:
    """A query word found as a whole word of the (folded) text: 'so' finds 'Sở' and 'số',
    never the start of 'soát' or 'Sơn', and '57' never the start of '5721' (a Vietnamese word
    is one syllable: parts of one mean nothing)."""
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


def has_words(words: list[str], haystack: str) -> bool:
    """Every word of the query is a whole word of the text (a substring test first: cheap)."""
    return bool(words) and all(w in haystack and whole_word(w).search(haystack) for w in words)


def score_document(query: str, doc: dict) -> int:
    """100 exact symbol; 80 type and number ('Nghị quyết 29'); 60 number alone; 45 the query's
    words as one phrase of its labels or title, 40 each word somewhere in them.  On corpus/real,
    "sở tài chính" found 45 documents, among them "… MỘT SỐ CHƯƠNG TRÌNH TÍN DỤNG … TẠI NGÂN
    HÀNG CHÍNH SÁCH" (số, tại, chính), ranked by date among those naming Sở Tài chính."""
    if doc["symbol"] and _fold_kept(doc["symbol"]) == _fold_kept(query):
        return 100
    short = _short_form_kept(query)  # the same query for every document of a search
    if short and doc["number"] == short.number:
        if not short.type_words:
            return 60
        slug = short.type_slug
        if slug and doc["type"] and doc["type"].rsplit("/", 1)[-1] == slug:
            return 80
    haystack = plain_kept(
        " ".join(filter(None, (doc["symbol"], doc["vi"], doc["en"], doc["title"], doc.get("names"))))
    )
    words = plain_kept(query).split()  # the same query for every document of a search
    if not has_words(words, haystack):
        return 0
    return 45 if whole_word(" ".join(words)).search(haystack) else 40


# ------------------------------------------------------------ implementation chain

CHAIN_STEP = """SELECT DISTINCT ?from ?to WHERE { VALUES ?n { %s }
  { ?n eli:ensures_implementation_of ?to BIND(?n AS ?from) }
  UNION { ?from eli:ensures_implementation_of ?n BIND(?n AS ?to) } }"""
CHAIN_NODES = f"""SELECT DISTINCT ?n ?nVi ?nEn ?symbol ?date ?ingested ?title WHERE {{ VALUES ?n {{ %s }}
  {labels_of("n")}
  OPTIONAL {{ ?n eli:id_local ?symbol }} OPTIONAL {{ ?n eli:date_document ?date }}
  OPTIONAL {{ ?n pg:ingested ?ingested }} OPTIONAL {{ ?n eli:is_realized_by/eli:title ?title }} }}"""


def _values(iris) -> str:
    return " ".join(f"<{iri}>" for iri in sorted(iris) if safe_iri(iri))


async def implementation_chain(site: Site, iri: str, depth: int) -> dict:
    """Documents ``depth`` implementation steps up and down from ``iri``: vis-network nodes and edges."""
    seen, frontier, edges = {iri}, {iri}, set()
    for _ in range(depth):
        if not frontier:
            break
        step = await site.rows(CHAIN_STEP % _values(frontier))
        found = {(r["from"].value, r["to"].value) for r in step}
        edges |= found
        frontier = {n for edge in found for n in edge} - seen
        seen |= frontier
    nodes: dict[str, dict] = {}
    for r in await site.rows(CHAIN_NODES % _values(seen)):
        n = r["n"].value
        node = nodes.setdefault(
            n,
            dict(
                id=n,
                label=None,
                label_en=None,
                symbol=None,
                date=None,
                title=None,
                ingested=False,
                url=site.href(n),
            ),
        )
        node["label"] = node["label"] or _text(r, "nVi") or _local_name(n)
        node["label_en"] = node["label_en"] or _text(r, "nEn")
        node["symbol"] = node["symbol"] or _text(r, "symbol")
        node["date"] = node["date"] or _text(r, "date")
        node["title"] = node["title"] or _text(r, "title")
        node["ingested"] = node["ingested"] or _text(r, "ingested") == "true"
    for n in seen - set(nodes):
        nodes[n] = dict(
            id=n,
            label=_local_name(n),
            label_en=None,
            symbol=None,
            date=None,
            title=None,
            ingested=False,
            url=site.href(n),
        )
    return {
        "root": iri,
        "nodes": sorted(nodes.values(), key=lambda x: x["id"]),
        "edges": [{"from": a, "to": b, "relation": "implements"} for a, b in sorted(edges)],
    }
