"""Network questions over the knowledge graph, answered with networkx.

Everything here starts from the Oxigraph store through SPARQL (never from the
parser's records), so it answers for whatever the store holds, merged across
every source file's named graph:

- ``document_graph``: documents as nodes, relations as edges (citing → cited), e.g.
  ``Kế hoạch 214/KH-UBND --implements--> Nghị quyết 111/NQ-CP --implements--> Nghị quyết 29-NQ/TW``;
- ``chain_graph``: the documents above and below one document, each with its level;
- ``chain_depths``, ``missing_parents``, ``unimplemented_in``, ``most_cited``;
- ``task_graph`` / ``agency_workload``: tasks led (chủ trì) and supported (phối hợp) per agency;
- ``compare_implementation``: how two provinces carry out the same resolution.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx
import pyoxigraph as ox
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from .patterns.documents import DOC_TYPES
from .store import select

PREFIXES = {
    "eli": "http://data.europa.eu/eli/ontology#",
    "pg": "https://w3id.org/policy-graph/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "pgv": "https://w3id.org/policy-graph/vocab/",
}
ELI = PREFIXES["eli"]
PG = PREFIXES["pg"]

# Relation predicates drawn as edges, by the name users see; strongest first, so a
# pair of documents linked both ways keeps "implements" as its main relation.
RELATIONS = {
    "implements": ELI + "ensures_implementation_of",
    "based-on": ELI + "based_on",
    "attached-to": PG + "attachedTo",
    "amends": ELI + "amends",
    "replaces": ELI + "replaces",
    "repeals": ELI + "repeals",
    "cites": ELI + "cites",
}
RELATION_BY_PREDICATE = {iri: name for name, iri in RELATIONS.items()}
RELATION_RANK = {name: i for i, name in enumerate(RELATIONS)}
CENTRAL = "vn"
TYPE_LABELS = {t.slug: (t.label_vi, t.label_en) for t in DOC_TYPES}

DOCUMENTS_QUERY = """
SELECT ?doc (MIN(?l) AS ?label) (MIN(?sym) AS ?number) (MIN(?t) AS ?type) (MIN(?d) AS ?date)
       (MIN(?iss) AS ?issuer) (MIN(?ti) AS ?title) (MIN(?j) AS ?jurisdiction)
       (MIN(?jl) AS ?jurisdictionLabel) (MIN(?ing) AS ?ingested) (MIN(?quote) AS ?quote)
WHERE {
  ?doc a eli:LegalResource .
  OPTIONAL { ?doc skos:prefLabel ?l FILTER(LANG(?l) = "vi") }
  OPTIONAL { ?doc eli:id_local ?sym }
  OPTIONAL { ?doc eli:type_document ?t }
  OPTIONAL { ?doc eli:date_document ?d }
  OPTIONAL { ?doc pg:issuerName ?iss }
  OPTIONAL { ?doc eli:is_realized_by/eli:title ?ti }
  OPTIONAL { ?doc eli:jurisdiction ?j OPTIONAL { ?j skos:prefLabel ?jl FILTER(LANG(?jl) = "vi") } }
  OPTIONAL { ?doc pg:ingested true BIND(true AS ?ing) }
  OPTIONAL { ?doc pg:evidence/oa:exact ?quote }
}
GROUP BY ?doc
"""

RELATIONS_QUERY = """
SELECT DISTINCT ?src ?p ?dst WHERE {{
  VALUES ?p {{ {} }}
  ?src ?p ?dst .
  ?src a eli:LegalResource . ?dst a eli:LegalResource .
  FILTER(?src != ?dst)
}}
""".format(" ".join(f"<{iri}>" for iri in RELATIONS.values()))

# The sentence that states a relation: the citation node's cited text and its evidence quote.
EVIDENCE_QUERY = """
SELECT ?src ?dst ?kind (MIN(?as) AS ?citedAs) (MIN(?quote) AS ?exact) WHERE {
  ?c a pg:Citation ; pg:citingDocument ?src ; pg:citedDocument ?dst ; pg:relationKind ?k .
  BIND(STRAFTER(STR(?k), "/relation/") AS ?kind)
  OPTIONAL { ?c pg:citedAs ?as }
  OPTIONAL { ?c pg:evidence/oa:exact ?quote }
}
GROUP BY ?src ?dst ?kind
"""

TASKS_QUERY = """
SELECT DISTINCT ?task ?doc ?label ?text ?role ?agency ?agencyLabel ?agencyJur ?isGroup ?deadlineText ?due WHERE {
  ?doc pg:task ?task .
  OPTIONAL { ?task pg:label ?label }
  OPTIONAL { ?task pg:text ?text }
  OPTIONAL {
    VALUES (?p ?role) { (pg:leadAgency "lead") (pg:cooperatingAgency "support") }
    ?task ?p ?agency .
    OPTIONAL { ?agency skos:prefLabel ?agencyLabel FILTER(LANG(?agencyLabel) IN ("vi", "")) }
    OPTIONAL { ?agency pg:jurisdiction ?agencyJur }
    OPTIONAL { ?agency pg:isGroup ?isGroup }
  }
  OPTIONAL { ?task pg:deadline ?dl OPTIONAL { ?dl pg:deadlineText ?deadlineText } OPTIONAL { ?dl pg:dueDate ?due } }
}
"""


def _select(store: ox.Store, query: str) -> list[dict[str, Any]]:
    """Rows as plain strings (IRI or lexical form); unbound values are None (Any: which variables
    a query always binds is known to its caller, not to the type checker)."""
    solutions = select(store, query, prefixes=PREFIXES)
    names = [v.value for v in solutions.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in solutions]


def jurisdiction_code(iri: str | None) -> str:
    """'…/jurisdiction/vn-29' → 'vn-29'; unknown → ''."""
    return iri.rsplit("/", 1)[-1] if iri else ""


def type_slug(iri: str | None) -> str:
    """'…/vocab/document-type/kh' → 'kh'."""
    return iri.rsplit("/", 1)[-1] if iri else ""


# ------------------------------------------------------------ documents


def document_graph(store: ox.Store) -> nx.DiGraph:
    """Every document with its relations, citing → cited.

    Node attributes: label, number, type (slug), type_label, date, issuer, title,
    jurisdiction (code), jurisdiction_label, ingested, quote.  Edge attributes:
    ``kinds`` (sorted relation names), ``relation`` (the strongest one) and
    ``evidence`` ({kind: source sentence}).
    """
    graph = nx.DiGraph()
    for row in _select(store, DOCUMENTS_QUERY):
        slug = type_slug(row["type"])
        graph.add_node(
            row["doc"],
            label=row["label"] or row["number"] or row["doc"].rsplit("/eli/", 1)[-1],
            number=row["number"],
            type=slug,
            type_label=TYPE_LABELS.get(slug, (slug, slug))[0],
            date=row["date"],
            issuer=row["issuer"],
            title=row["title"],
            jurisdiction=jurisdiction_code(row["jurisdiction"]),
            jurisdiction_label=row["jurisdictionLabel"] or jurisdiction_code(row["jurisdiction"]),
            ingested=row["ingested"] == "true",
            quote=row["quote"],
        )
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _select(store, RELATIONS_QUERY):
        kinds[(row["src"], row["dst"])].add(RELATION_BY_PREDICATE[row["p"]])
    evidence = _relation_evidence(store)
    for (src, dst), names in sorted(kinds.items()):
        ordered = sorted(names, key=RELATION_RANK.__getitem__)
        graph.add_edge(
            src,
            dst,
            kinds=ordered,
            relation=ordered[0],
            evidence={k: evidence[(src, dst, k)] for k in ordered if (src, dst, k) in evidence},
        )
    return graph


def _relation_evidence(store: ox.Store) -> dict[tuple[str, str, str], str]:
    found: dict[tuple[str, str, str], str] = {}
    for row in _select(store, EVIDENCE_QUERY):
        text = row["exact"] or row["citedAs"]
        key = (row["src"], row["dst"], row["kind"])
        if text and (key not in found or text < found[key]):  # the same sentence on every rebuild
            found[key] = text
    return found


def implements_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """Only the implements edges, child → parent."""
    view = nx.DiGraph()
    view.add_nodes_from(graph.nodes(data=True))
    view.add_edges_from((u, v) for u, v, kinds in graph.edges(data="kinds") if "implements" in kinds)
    return view


def _within(graph: nx.DiGraph, start: str, depth: int | None, neighbours) -> set[str]:
    """Nodes reached from ``start`` by at most ``depth`` steps of ``neighbours`` (None: no limit)."""
    seen, frontier, step = {start}, [start], 0
    while frontier and (depth is None or step < depth):
        frontier = [n for node in frontier for n in neighbours(node) if n not in seen]
        seen.update(frontier)
        step += 1
    return seen


def chain_graph(store_or_graph: ox.Store | nx.DiGraph, doc: str, depth: int | None = None) -> nx.DiGraph:
    """Documents above (what ``doc`` implements) and below (what implements it) ``doc``.

    Edges are every relation among those documents (implements, based-on, cites);
    each node gets ``level``: 0 for the top resolution, +1 per implementation step
    (the longest path, so 214/KH-UBND sits below 111/NQ-CP even though it also
    implements 29-NQ/TW directly).
    """
    graph = store_or_graph if isinstance(store_or_graph, nx.DiGraph) else document_graph(store_or_graph)
    impl = implements_graph(graph)
    if doc not in impl:
        raise KeyError(doc)
    members = _within(impl, doc, depth, impl.successors) | _within(impl, doc, depth, impl.predecessors)
    chain = graph.subgraph(members).copy()
    chain.graph["root"] = doc
    for node, level in chain_levels(impl.subgraph(members)).items():
        chain.nodes[node]["level"] = level
    return chain


def chain_levels(impl: nx.DiGraph) -> dict[str, int]:
    """Level of each node: the longest implements path up to a top (a node that implements nothing here)."""
    if not nx.is_directed_acyclic_graph(impl):
        impl = _break_cycles(impl)
    levels: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(impl))):  # parents before children
        parents = list(impl.successors(node))
        levels[node] = 1 + max(levels[p] for p in parents) if parents else 0
    return levels


def _break_cycles(impl: nx.DiGraph) -> nx.DiGraph:
    """Two documents each said to implement the other (an extraction slip): keep a spanning DAG."""
    dag = nx.DiGraph()
    dag.add_nodes_from(impl)
    for u, v in impl.edges:
        dag.add_edge(u, v)
        if not nx.is_directed_acyclic_graph(dag):
            dag.remove_edge(u, v)
    return dag


def chain_depths(graph: nx.DiGraph) -> list[dict]:
    """For each top of an implementation chain: how many levels hang below it and how many documents."""
    impl = implements_graph(graph)
    rows = []
    for top in impl:
        if impl.out_degree(top) or not impl.in_degree(top):
            continue
        below = nx.ancestors(impl, top)
        levels = chain_levels(impl.subgraph(below | {top}))
        rows.append(
            {
                "doc": top,
                "label": graph.nodes[top]["label"],
                "depth": max(levels.values()),
                "documents": len(below),
                "ingested": sum(graph.nodes[n]["ingested"] for n in below),
            }
        )
    return sorted(rows, key=lambda r: (-r["depth"], -r["documents"], r["label"]))


def missing_parents(graph: nx.DiGraph) -> list[dict]:
    """Documents that an ingested document implements but that are not ingested themselves
    (known only from the citation: their text is missing from the corpus)."""
    rows = []
    for parent in graph:
        if graph.nodes[parent]["ingested"]:
            continue
        children = sorted(
            graph.nodes[c]["label"]
            for c, _, kinds in graph.in_edges(parent, data="kinds")
            if "implements" in kinds and graph.nodes[c]["ingested"]
        )
        if children:
            rows.append({"doc": parent, "label": graph.nodes[parent]["label"], "implemented_by": children})
    return sorted(rows, key=lambda r: r["label"])


def jurisdictions(graph: nx.DiGraph) -> list[str]:
    """Province codes present, central first."""
    codes = {d for _, d in graph.nodes(data="jurisdiction") if d}
    return sorted(codes, key=lambda c: (c != CENTRAL, c))


def unimplemented_in(graph: nx.DiGraph, jurisdiction: str) -> list[dict]:
    """Resolutions (Nghị quyết, central or of this province) that no document of ``jurisdiction``
    implements, directly or through an intermediate document; with who implements them elsewhere."""
    impl = implements_graph(graph)
    rows = []
    for doc, data in graph.nodes(data=True):
        if data["type"] != "nq" or data["jurisdiction"] not in (CENTRAL, jurisdiction):
            continue
        below = nx.ancestors(impl, doc)
        if any(graph.nodes[n]["jurisdiction"] == jurisdiction for n in below):
            continue
        elsewhere = sorted({graph.nodes[n]["jurisdiction"] for n in below} - {CENTRAL, ""})
        rows.append({"doc": doc, "label": data["label"], "date": data["date"], "implemented_in": elsewhere})
    return sorted(rows, key=lambda r: (not r["implemented_in"], r["label"]))


def pagerank(graph: nx.DiGraph) -> dict[str, float]:
    """PageRank over the citation graph (pure Python: the project carries no scipy)."""
    return _pagerank_python(graph) if graph.number_of_edges() else {n: 0.0 for n in graph}


def most_cited(graph: nx.DiGraph, top: int = 10) -> list[dict]:
    """Documents cited by the most documents (any relation), with their PageRank."""
    ranks = pagerank(graph)
    rows = [
        {
            "doc": n,
            "label": graph.nodes[n]["label"],
            "cited_by": graph.in_degree(n),
            "implemented_by": sum("implements" in k for _, _, k in graph.in_edges(n, data="kinds")),
            "pagerank": round(ranks[n], 4),
        }
        for n in graph
    ]
    rows.sort(key=lambda r: (-r["cited_by"], -r["pagerank"], r["label"]))
    return rows[:top]


# ------------------------------------------------------------ tasks and agencies


@dataclass
class Workload:
    agency: str
    label: str
    jurisdiction: str
    led: int = 0
    supported: int = 0
    overdue: int = 0  # led tasks whose latest due date is before ``today``
    documents: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.led + self.supported


def task_graph(store: ox.Store) -> nx.DiGraph:
    """Tasks and agencies: task → agency edges with ``role`` 'lead' (chủ trì) or 'support' (phối hợp).

    Task nodes: kind='task', doc, label, text, deadline, due (latest pg:dueDate, ISO string or None).
    Agency nodes: kind='agency', label, jurisdiction, group (an AgencyGroup such as 'Các sở, ban, ngành').
    """
    graph = nx.DiGraph()
    for row in _select(store, TASKS_QUERY):
        task = row["task"]
        if task not in graph:
            graph.add_node(
                task,
                kind="task",
                doc=row["doc"],
                label=row["label"] or "",
                text=row["text"] or "",
                deadline=row["deadlineText"],
                due=None,
            )
        node = graph.nodes[task]
        if row["due"] and (node["due"] is None or row["due"] > node["due"]):
            node["due"] = row["due"]
        if row["agency"]:
            graph.add_node(
                row["agency"],
                kind="agency",
                label=row["agencyLabel"] or row["agency"].rsplit("/", 1)[-1],
                jurisdiction=jurisdiction_code(row["agencyJur"]),
                group=row["isGroup"] == "true",
            )
            if graph.has_edge(task, row["agency"]) and graph.edges[task, row["agency"]]["role"] == "lead":
                continue  # a body printed as both lead and support counts as lead
            graph.add_edge(task, row["agency"], role=row["role"])
    return graph


def agency_workload(
    tasks: nx.DiGraph, today: dt.date | None = None, jurisdiction: str | None = None
) -> list[Workload]:
    """Tasks led and supported by each agency, and led tasks past their deadline on ``today``."""
    today_iso = (today or dt.date.today()).isoformat()
    rows = []
    for agency, data in tasks.nodes(data=True):
        if data["kind"] != "agency" or (jurisdiction and data["jurisdiction"] != jurisdiction):
            continue
        load = Workload(agency, data["label"], data["jurisdiction"])
        docs = set()
        for task, _, role in tasks.in_edges(agency, data="role"):
            docs.add(tasks.nodes[task]["doc"])
            if role == "lead":
                load.led += 1
                due = tasks.nodes[task]["due"]
                load.overdue += bool(due and due < today_iso)
            else:
                load.supported += 1
        load.documents = sorted(docs)
        rows.append(load)
    return sorted(rows, key=lambda w: (-w.led, -w.supported, w.jurisdiction, w.label, w.agency))


# ------------------------------------------------------------ comparison


def compare_implementation(
    graph: nx.DiGraph, tasks: nx.DiGraph, doc: str, provinces: list[str]
) -> list[dict]:
    """How each province carries out ``doc``: its documents in the chain (with level and the route
    they take up to ``doc``), how long the first one took, tasks, lead agencies and shared leads."""
    chain = chain_graph(graph, doc)
    root_date = graph.nodes[doc]["date"]
    leads_by_province = {}
    rows = []
    for province in provinces:
        members = sorted(
            (n for n in chain if chain.nodes[n]["jurisdiction"] == province),
            key=lambda n: (chain.nodes[n]["level"], chain.nodes[n]["label"]),
        )
        doc_tasks = [t for t, d in tasks.nodes(data=True) if d["kind"] == "task" and d["doc"] in members]
        leads = {
            tasks.nodes[a]["label"]
            for t in doc_tasks
            for _, a, r in tasks.out_edges(t, data="role")
            if r == "lead"
        }
        leads_by_province[province] = leads
        dates = sorted(chain.nodes[n]["date"] for n in members if chain.nodes[n]["date"])
        rows.append(
            {
                "jurisdiction": province,
                "jurisdiction_label": _jurisdiction_label(graph, province),
                "documents": [
                    {
                        "doc": n,
                        "label": chain.nodes[n]["label"],
                        "level": chain.nodes[n]["level"],
                        "date": chain.nodes[n]["date"],
                        "ingested": chain.nodes[n]["ingested"],
                        "route": _route(chain, n, doc),
                    }
                    for n in members
                ],
                "first_date": dates[0] if dates else None,
                "days_after": _days_between(root_date, dates[0]) if dates else None,
                "max_level": max((chain.nodes[n]["level"] for n in members), default=None),
                "tasks": len(doc_tasks),
                "lead_agencies": sorted(leads),
            }
        )
    shared = set.intersection(*leads_by_province.values()) if leads_by_province else set()
    for row in rows:
        row["shared_lead_agencies"] = sorted(shared)
    return rows


def _jurisdiction_label(graph: nx.DiGraph, code: str) -> str:
    return next(
        (d["jurisdiction_label"] for _, d in graph.nodes(data=True) if d["jurisdiction"] == code), code
    )


def _route(chain: nx.DiGraph, start: str, top: str) -> list[str]:
    """The longest implements path from ``start`` up to ``top``, as labels."""
    impl = implements_graph(chain)
    if not nx.is_directed_acyclic_graph(impl):
        impl = _break_cycles(impl)
    paths = list(nx.all_simple_paths(impl, start, top)) if start != top else [[top]]
    best = max(paths, key=lambda p: (len(p), p), default=[start])
    return [chain.nodes[n]["label"] for n in best]


def _days_between(first: str | None, second: str) -> int | None:
    if not first:
        return None
    return (dt.date.fromisoformat(second[:10]) - dt.date.fromisoformat(first[:10])).days


# ------------------------------------------------------------ the report


def stats_report(
    store: ox.Store,
    today: dt.date | None = None,
    jurisdiction: str | None = None,
    compare: tuple[str, list[str]] | None = None,
    top: int = 10,
) -> dict:
    """Everything `policy-graph stats` prints, as plain data (JSON-ready)."""
    graph = document_graph(store)
    tasks = task_graph(store)
    provinces = [jurisdiction] if jurisdiction else [c for c in jurisdictions(graph) if c != CENTRAL]
    report = {
        "today": (today or dt.date.today()).isoformat(),
        "documents": graph.number_of_nodes(),
        "ingested": sum(d for _, d in graph.nodes(data="ingested")),
        "relations": graph.number_of_edges(),
        "chains": chain_depths(graph),
        "missing_parents": missing_parents(graph),
        "unimplemented": {p: unimplemented_in(graph, p) for p in provinces},
        "workload": [asdict(w) | {"total": w.total} for w in agency_workload(tasks, today, jurisdiction)],
        "most_cited": most_cited(graph, top),
    }
    if compare:
        doc, compared = compare
        report["compare"] = {
            "doc": doc,
            "label": graph.nodes[doc]["label"],
            "provinces": compare_implementation(graph, tasks, doc, compared),
        }
    return report
