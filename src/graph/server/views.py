"""What the everyday pages show, computed inside a query worker (one job per page).

Legal staff ask "which documents carry out Nghị quyết 29-NQ/TW, down to each task, who leads
it and by when?".  The pages that answer (landing, search, implementation tree with its CSV
and Excel exports, deadlines, province comparison, and the extra facts of document, agency and
task pages) are computed here, on the store a worker has open, under that worker's time limit:
nothing heavy runs in the server process.  ``run_view`` returns plain data (dicts, lists,
strings, bytes) that pickles back to the server, which only renders it.

The implementation tree is the library query ``tree`` (``policy-graph query tree`` gives the
same rows); documents are found as people write them by ``queries.resolve_document``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

import pyoxigraph as ox

from .guard import JobError
from .pages import evidence_of, has_words, plain, plain_kept, safe_iri, whole_word

PREFIXES = {
    "pg": "https://w3id.org/policy-graph/ontology#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "oa": "http://www.w3.org/ns/oa#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")

# Due status: the key the pages filter on, the words tree.rq writes, and what the page shows.
STATUSES = {
    "overdue": ("quá hạn", "past due"),
    "soon": ("đến hạn trong 30 ngày", "due within 30 days"),
    "later": ("còn hạn", "later"),
    "none": ("không có hạn", "no deadline"),
}
_STATUS_BY_TEXT = {f"{vi} ({en})": key for key, (vi, en) in STATUSES.items()}
MAX_PARAM_CHARS = 200


def _select(store, query: str, **bindings) -> list[dict]:
    """Rows of a SELECT as {name: value string}.  Nodes are bound in a VALUES block at the top
    of the outermost WHERE group, serialised by pyoxigraph (never pasted as text; and unlike
    Oxigraph's substitutions, which apply after evaluation, they narrow the evaluation)."""
    if bindings:
        block = " ".join(
            f"VALUES ?{k} {{ {ox.NamedNode(v) if isinstance(v, str) else v} }}" for k, v in bindings.items()
        )
        match = _OUTER_WHERE.search(query)
        assert match is not None  # every view query has a WHERE
        query = f"{query[: match.end()]} {block} {query[match.end() :]}"
    solutions = store.query(query, prefixes=PREFIXES)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


_OUTER_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)

# What a search reads whole for any query (every document's labels, every agency name, every
# task text), kept in the worker for the store it has open: it was ~0.3 s of every search on
# the real corpus, so any client could spend a worker's time at will with a new query each
# time.  The store a worker has open never changes (read-only; a new generation is a new store
# object, and an update renews the workers); a store with more rows than KEEP_ROWS is read
# again each time rather than held.
KEEP_ROWS = 50_000
_kept: dict = {}


def _kept_rows(store, name: str, read):
    """``read()``'s rows for this store, read once (at most KEEP_ROWS of them kept)."""
    if _kept.get("store") is not store:
        _kept.clear()
        _kept["store"] = store
    if name not in _kept:
        rows = read()
        if len(rows) > KEEP_ROWS:
            return rows
        _kept[name] = rows
    return _kept[name]


def today(values: dict) -> dt.date:
    """The day due status is reckoned from: ?today=yyyy-mm-dd (tests, what-if) or the clock."""
    given = values.get("today", "")
    try:
        if not given:
            return dt.date.today()
        if re.fullmatch(
            r"[0-9]{4}-[0-9]{2}-[0-9]{2}", given
        ):  # fromisoformat also takes '20240101', '2024-W01'
            return dt.date.fromisoformat(given)
    except ValueError:
        pass
    raise JobError(
        400, f"today phải là một ngày có dạng yyyy-mm-dd (today must be a day, yyyy-mm-dd): {given}"
    )


def status_of(due: str | None, day: dt.date) -> str:
    """Same rule as tree.rq: past due, due within 30 days, later, no deadline."""
    if not due:
        return "none"
    when = dt.date.fromisoformat(due)
    if when < day:
        return "overdue"
    return "soon" if (when - day).days <= 30 else "later"


def _date_param(values: dict, key: str) -> dt.date | None:
    """A filter date as people type it: yyyy-mm-dd (the date input), dd/mm/yyyy or a year."""
    text = values.get(key, "").strip()
    if not text:
        return None
    from ..queries import QueryError, date_param

    try:
        day = dt.date.fromisoformat(date_param(text).value)
    except QueryError as err:
        raise JobError(400, str(err)) from err
    if key == "from" and re.fullmatch(r"\d{4}", text):
        return dt.date(day.year, 1, 1)  # "from 2025" means from its first day
    return day


def resolve(store, text: str) -> str:
    """The document a parameter names (symbol, 'Nghị quyết số 29-NQ/TW', relative or full IRI)."""
    from ..queries import QueryError, resolve_document

    if not text.strip():
        raise JobError(400, "thiếu văn bản: hãy nhập số ký hiệu, ví dụ 29-NQ/TW (missing the document)")
    try:
        return resolve_document(store, text.strip()).value
    except QueryError as err:
        raise JobError(404, str(err)) from err


# The status of a view's answer "the document is named otherwise": its message is the spelling
# to ask with (``handlers`` answers it with a redirect).  '29-nq/tw', 'Nghị quyết 29', '  29-NQ/TW',
# the IRI: one document written many ways made as many implementation trees (a worker's turn and
# a kept page each, up to the page cache's variants of a path); each spelling now costs one look-up
# and a kept redirect, and the tree is made and kept once, under its document's one spelling.
CANONICAL = 302


def canonical_root(store, values: dict) -> str:
    """The document ``values['doc']`` names; a JobError(CANONICAL) when it is not written the one
    way its pages are kept under: its symbol as printed when that names it alone, else its IRI."""
    from ..queries import QueryError, resolve_document

    given = values.get("doc", "").strip()
    root = resolve(store, given)
    rows = _select(store, "SELECT DISTINCT ?s WHERE { ?doc eli:id_local ?s }", doc=root)
    canonical = root
    if len(rows) == 1 and len(symbol := rows[0]["s"]) <= MAX_PARAM_CHARS and symbol == symbol.strip():
        try:
            if resolve_document(store, symbol).value == root:  # asked back, it names this document
                canonical = symbol
        except QueryError:
            pass
    if canonical != given and len(canonical) <= MAX_PARAM_CHARS:
        raise JobError(CANONICAL, canonical)
    return root


# ------------------------------------------------------------ labels

LABELS = """SELECT ?n ?vi ?en ?other WHERE { VALUES ?n { %s }
  OPTIONAL { ?n skos:prefLabel ?vi FILTER(LANG(?vi) = "vi") }
  OPTIONAL { ?n skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?n pg:heading|dcterms:title|rdfs:label ?other } }"""


def labels(store, iris) -> dict[str, dict]:
    """{iri: {"iri", "vi", "en"}} for pages that name nodes instead of showing IRIs."""
    wanted = sorted({i for i in iris if i and safe_iri(i)})
    found = {i: {"iri": i, "vi": None, "en": None} for i in wanted}
    for chunk in range(0, len(wanted), 200):
        values = " ".join(f"<{i}>" for i in wanted[chunk : chunk + 200])
        for row in _select(store, LABELS % values):
            item = found[row["n"]]
            item["vi"] = item["vi"] or row.get("vi") or row.get("other")
            item["en"] = item["en"] or row.get("en")
    return found


# ------------------------------------------------------------ the implementation tree

TASK_AGENCIES = """SELECT DISTINCT ?task ?role ?agency ?name WHERE { VALUES ?doc { %s }
  VALUES ?role { pg:leadAgency pg:cooperatingAgency }
  ?doc pg:task ?task . ?task ?role ?agency .
  OPTIONAL { ?agency skos:prefLabel ?name FILTER(LANG(?name) = "vi") } }"""
DOC_FACTS = """SELECT ?doc ?vi ?en ?province ?provinceIri WHERE { VALUES ?doc { %s }
  OPTIONAL { ?doc skos:prefLabel ?vi FILTER(LANG(?vi) = "vi") }
  OPTIONAL { ?doc skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?doc eli:jurisdiction ?provinceIri . ?provinceIri skos:prefLabel ?province FILTER(LANG(?province) = "vi") } }"""
TREE_COLUMNS = [  # (key in the row, header vi, header en): the table, the CSV and the workbook
    ("level", "Cấp", "level"),
    ("number", "Số ký hiệu", "symbol"),
    ("type", "Loại văn bản", "type"),
    ("issuer", "Cơ quan ban hành", "issuer"),
    ("date", "Ngày ban hành", "date"),
    ("province", "Địa bàn", "province"),
    ("label", "Mục", "item"),
    ("text", "Nhiệm vụ", "task"),
    ("lead", "Chủ trì", "lead"),
    ("support", "Phối hợp", "cooperating"),
    ("deadline", "Thời hạn", "deadline"),
    ("due", "Hạn cuối", "due date"),
    ("status", "Tình trạng", "status"),
    ("doc", "Văn bản (IRI)", "document"),
    ("task", "Nhiệm vụ (IRI)", "task IRI"),
]


def _tree_rows(store, root: str, day: dt.date):
    """The library query's rows (terms kept for the exports) and the same rows as page data."""
    from ..queries import run_query

    result = run_query(store, "tree", {"doc": root, "today": day.isoformat()})
    docs = sorted({doc.value for r in result.rows if (doc := r.get("doc")) is not None})
    values = " ".join(f"<{d}>" for d in docs if safe_iri(d))
    agencies: dict[str, dict[str, list]] = defaultdict(lambda: {"lead": [], "support": []})
    facts: dict[str, dict] = {}
    if values:
        for row in _select(store, TASK_AGENCIES % values):
            role = "lead" if row["role"].endswith("leadAgency") else "support"
            entry = {"iri": row["agency"], "vi": row.get("name"), "en": None}
            if entry not in agencies[row["task"]][role]:
                agencies[row["task"]][role].append(entry)
        for row in _select(store, DOC_FACTS % values):
            facts.setdefault(row["doc"], row)
    page_rows = []
    for terms in result.rows:
        row = {k: (t.value if t is not None else None) for k, t in terms.items()}
        fact = facts.get(row["doc"], {})
        row.update(
            level=int(row["level"] or 0),
            status=_STATUS_BY_TEXT.get(row["status"], "none"),
            doc_label={"iri": row["doc"], "vi": fact.get("vi"), "en": fact.get("en")},
            province_iri=fact.get("provinceIri"),
            **agencies[row["task"]],
        )
        row["lead_names"] = [a["vi"] or a["iri"] for a in row.pop("lead")]
        row["support_names"] = [a["vi"] or a["iri"] for a in row.pop("support")]
        row["leads"], row["supports"] = agencies[row["task"]]["lead"], agencies[row["task"]]["support"]
        page_rows.append((terms, row))
    return result, page_rows


def _matches_agency(row: dict, wanted: str) -> bool:
    folded = plain(wanted)
    return any(folded in plain(name) for name in row["lead_names"] + row["support_names"])


def _keep(row: dict, filters: dict) -> bool:
    if filters["province"] and row.get("province") != filters["province"]:
        return False
    if filters["agency"] and not _matches_agency(row, filters["agency"]):
        return False
    if filters["status"] and row["status"] != filters["status"]:
        return False
    due = dt.date.fromisoformat(row["due"]) if row.get("due") else None
    if filters["from"] and (due is None or due < filters["from"]):
        return False
    return not (filters["to"] and (due is None or due > filters["to"]))


def tree_filters(values: dict) -> dict:
    status = values.get("status", "")
    if status and status not in STATUSES:
        raise JobError(400, f"status phải là một trong (must be one of): {', '.join(STATUSES)}")
    return {
        "province": values.get("province", "").strip(),
        "agency": values.get("agency", "").strip(),
        "status": status,
        "from": _date_param(values, "from"),
        "to": _date_param(values, "to"),
    }


def tree(store, values: dict) -> dict:
    root = canonical_root(store, values)
    day = today(values)
    filters = tree_filters(values)
    _result, rows = _tree_rows(store, root, day)
    page = [row for _terms, row in rows]
    kept = [row for row in page if _keep(row, filters)]
    root_label = labels(store, [root]).get(root, {"iri": root, "vi": None, "en": None})
    documents = tree_documents(store, root, page)
    return {
        "root": root_label,
        "today": day.isoformat(),
        "rows": kept,
        "total": len(page),
        "filters": {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in filters.items()},
        "provinces": sorted({d["province"] for d in documents if d["province"]}, key=plain),
        "agencies": sorted({n for r in page for n in r["lead_names"] + r["support_names"]}, key=plain),
        "status_counts": Counter(r["status"] for r in kept),
        "documents": _kept_documents(documents, filters, kept),
        "untasked": sum(1 for d in documents if not d["tasks"]),
    }


# Every document below the root, at its longest distance (as tree.rq reckons levels), whether
# or not the graph holds tasks of it: on corpus/real, 10 of the 13 documents carrying out
# Nghị quyết 57-NQ/TW are only cited (Kế hoạch 46/KH-UBND of Cần Thơ, named in a Quyết định's
# "Căn cứ"), so a tree built from task rows alone listed 3 documents and 3 provinces.
TREE_DOCUMENTS = """SELECT ?doc (MAX(?hops) AS ?level) (MIN(?symbol) AS ?number) (MIN(?place) AS ?province)
  (MIN(STR(?j)) AS ?area) (MIN(?issued) AS ?date) (SAMPLE(?in) AS ?ingested) WHERE {
  ?doc eli:ensures_implementation_of+ ?root .
  { ?doc eli:ensures_implementation_of ?root BIND(1 AS ?hops) }
  UNION { ?doc eli:ensures_implementation_of/eli:ensures_implementation_of ?root BIND(2 AS ?hops) }
  UNION { ?doc eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of ?root BIND(3 AS ?hops) }
  UNION { ?doc eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of ?root BIND(4 AS ?hops) }
  UNION { ?doc eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of ?root BIND(5 AS ?hops) }
  UNION { ?doc eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of/eli:ensures_implementation_of ?root BIND(6 AS ?hops) }
  OPTIONAL { ?doc eli:id_local ?symbol }
  OPTIONAL { ?doc eli:date_document ?issued }
  OPTIONAL { ?doc pg:ingested ?in }
  OPTIONAL { ?doc eli:jurisdiction ?j OPTIONAL { ?j skos:prefLabel ?place FILTER(LANG(?place) = "vi") } }
} GROUP BY ?doc"""


def tree_documents(store, root: str, rows: list[dict]) -> list[dict]:
    """Every document of the tree in tree order (level, symbol) with its number of ``rows``
    (the tree's task rows): a document the graph holds no task of is listed with 0."""
    found: dict[str, dict] = {}
    for row in _select(store, TREE_DOCUMENTS, root=root):
        found[row["doc"]] = {
            "iri": row["doc"],
            "level": int(row["level"]),
            "number": row.get("number"),
            "province": row.get("province"),
            "central": (row.get("area") or "").endswith("/jurisdiction/vn"),
            "date": row.get("date"),
            "ingested": row.get("ingested") == "true",
            "tasks": 0,
        }
    for row in rows:  # the root's own tasks (level 0) and any document the walk cut at depth 6
        item = found.setdefault(
            row["doc"],
            {
                "iri": row["doc"],
                "level": row["level"],
                "number": row["number"],
                "province": row.get("province"),
                "central": (row.get("province_iri") or "").endswith("/jurisdiction/vn"),
                "date": row.get("date"),
                "ingested": True,
                "tasks": 0,
            },
        )
        item["tasks"] += 1
    names = labels(store, found)
    for iri, item in found.items():
        item["doc"] = names.get(iri, {"iri": iri, "vi": None, "en": None})
    return sorted(found.values(), key=lambda d: (d["level"], d["number"] or "", d["iri"]))


def _kept_documents(docs: list[dict], filters: dict, kept: list[dict]) -> list[dict]:
    """The documents of the tree the filters keep, each with ``shown``, its tasks among the
    rows kept: with a province asked, that province's documents; with an agency, a status or
    due dates asked, those with a task that matches (a document without tasks has none)."""
    shown = Counter(row["doc"] for row in kept)
    if filters["province"]:
        docs = [d for d in docs if d["province"] == filters["province"]]
    if filters["agency"] or filters["status"] or filters["from"] or filters["to"]:
        docs = [d for d in docs if shown[d["iri"]]]
    return [dict(d, shown=shown[d["iri"]]) for d in docs]


def tree_export(store, values: dict) -> tuple[str, bytes, str]:
    """(media type, body, file name) for exactly the rows the filtered page shows."""
    from ..queries import QueryResult, to_csv, to_xlsx

    fmt = values.get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        raise JobError(400, "format phải là csv hoặc xlsx (format must be csv or xlsx)")
    root = canonical_root(store, values)
    filters = tree_filters(values)
    _result, rows = _tree_rows(store, root, today(values))
    headers = [f"{vi} ({en})" for _key, vi, en in TREE_COLUMNS]
    out_rows = []
    for terms, row in rows:
        if not _keep(row, filters):
            continue
        status_vi, status_en = STATUSES[row["status"]]
        cells = dict(terms)
        cells["status"] = ox.Literal(f"{status_vi} ({status_en})")
        cells["lead"] = ox.Literal("; ".join(row["lead_names"]))
        cells["support"] = ox.Literal("; ".join(row["support_names"]))
        out_rows.append(
            {h: cells.get(key) for h, (key, _vi, _en) in zip(headers, TREE_COLUMNS, strict=False)}
        )
    result = QueryResult(columns=headers, rows=out_rows)
    name = "cay-trien-khai-" + re.sub(r"[^0-9A-Za-z]+", "-", plain(row_symbol(store, root))).strip("-")
    if fmt == "xlsx":
        return (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            to_xlsx(result, sheet="Cây triển khai"),
            name + ".xlsx",
        )
    return "text/csv; charset=utf-8", to_csv(result).encode("utf-8"), name + ".csv"


def row_symbol(store, iri: str) -> str:
    rows = _select(store, "SELECT ?s WHERE { ?doc eli:id_local ?s } LIMIT 1", doc=iri)
    return rows[0]["s"] if rows else iri.rsplit("/", 1)[-1]


# ------------------------------------------------------------ province comparison


def compare(store, values: dict) -> dict:
    """How each province carries out one document: its plans, tasks, lead agencies, deadlines."""
    root = canonical_root(store, values)
    day = today(values)
    _result, rows = _tree_rows(store, root, day)
    provinces: dict[str, dict] = {}
    for _terms, row in rows:
        if row["level"] == 0 or not row.get("province"):
            continue
        item = provinces.setdefault(
            row["province"],
            {
                "province": row["province"],
                "plans": {},
                "tasks": 0,
                "leads": Counter(),
                "status": Counter(),
                "lead_iris": {},
            },
        )
        item["plans"].setdefault(
            row["doc"],
            {
                "doc": row["doc_label"],
                "level": row["level"],
                "date": row.get("date"),
                "tasks": 0,
                "ingested": True,
            },
        )
        item["plans"][row["doc"]]["tasks"] += 1
        item["tasks"] += 1
        item["status"][row["status"]] += 1
        for agency in row["leads"]:
            item["leads"][agency["vi"] or agency["iri"]] += 1
            item["lead_iris"][agency["vi"] or agency["iri"]] = agency["iri"]
    # a province's plan the graph holds no task of (only cited) still says the province acts
    for doc in tree_documents(store, root, [row for _terms, row in rows]):
        if doc["level"] == 0 or not doc["province"] or doc["central"] or doc["tasks"]:
            continue
        item = provinces.setdefault(
            doc["province"],
            {
                "province": doc["province"],
                "plans": {},
                "tasks": 0,
                "leads": Counter(),
                "status": Counter(),
                "lead_iris": {},
            },
        )
        item["plans"][doc["iri"]] = {
            "doc": doc["doc"],
            "level": doc["level"],
            "date": doc["date"],
            "tasks": 0,
            "ingested": doc["ingested"],
        }
    columns = []
    for name in sorted(provinces, key=plain):
        item = provinces[name]
        columns.append(
            {
                "province": name,
                "tasks": item["tasks"],
                "status": dict(item["status"]),
                "plans": sorted(item["plans"].values(), key=lambda p: (p["level"], p["date"] or "")),
                "leads": [
                    {"name": n, "iri": item["lead_iris"][n], "tasks": c}
                    for n, c in item["leads"].most_common()
                ],
            }
        )
    return {"root": labels(store, [root])[root], "today": day.isoformat(), "columns": columns}


# ------------------------------------------------------------ deadlines

DEADLINES = """SELECT DISTINCT ?task ?doc ?label ?text ?deadline ?due ?province WHERE {
  ?doc pg:task ?task . ?task pg:deadline ?d .
  OPTIONAL { ?task pg:label ?label } OPTIONAL { ?task pg:text ?text }
  OPTIONAL { ?d pg:deadlineText ?deadline } OPTIONAL { ?d pg:dueDate ?due }
  OPTIONAL { ?doc eli:jurisdiction/skos:prefLabel ?province FILTER(LANG(?province) = "vi") } }"""
LEADS = """SELECT DISTINCT ?task ?agency ?name WHERE { ?task pg:deadline ?d ; pg:leadAgency ?agency .
  OPTIONAL { ?agency skos:prefLabel ?name FILTER(LANG(?name) = "vi") } }"""


def deadlines(store, values: dict) -> dict:
    """Every task with a deadline, by month of its due date: past due first, then what comes
    next, then deadlines without a fixed day (annual, continuous), filterable by province and agency."""
    day = today(values)
    province, agency = values.get("province", "").strip(), values.get("agency", "").strip()
    leads: dict[str, list] = defaultdict(list)
    for row in _select(store, LEADS):
        leads[row["task"]].append({"iri": row["agency"], "vi": row.get("name"), "en": None})
    tasks: dict[str, dict] = {}
    for row in _select(store, DEADLINES):
        task = tasks.setdefault(row["task"], dict(row, leads=leads.get(row["task"], [])))
        task["due"] = min(filter(None, (task.get("due"), row.get("due"))), default=None)
    docs = labels(store, {t["doc"] for t in tasks.values()})
    all_provinces = sorted({t["province"] for t in tasks.values() if t.get("province")}, key=plain)
    all_agencies = sorted({a["vi"] for t in tasks.values() for a in t["leads"] if a["vi"]}, key=plain)
    kept = []
    for task in tasks.values():
        if province and task.get("province") != province:
            continue
        if agency and not any(plain(agency) in plain(a["vi"] or "") for a in task["leads"]):
            continue
        task["status"] = status_of(task.get("due"), day)
        task["doc_label"] = docs.get(task["doc"])
        task["short"] = (
            task["label"] if re.search(r"\w", task.get("label") or "") else f"#{_task_number(task['task'])}"
        )
        kept.append(task)
    groups: dict[tuple, dict] = {}
    for task in kept:
        due = task.get("due")
        if not due:
            key = (2, "")
            title = ("Không có ngày cố định", "no fixed day: annual, continuous…")
        else:
            overdue = task["status"] == "overdue"
            key = (0 if overdue else 1, due[:7])
            title = (f"Tháng {int(due[5:7])}/{due[:4]}", f"{due[5:7]}/{due[:4]}")
        group = groups.setdefault(key, {"key": key[1], "overdue": key[0] == 0, "title": title, "tasks": []})
        group["tasks"].append(task)
    ordered = [groups[k] for k in sorted(groups)]
    for group in ordered:
        group["tasks"].sort(key=lambda t: (t.get("due") or "", t["doc"], _task_number(t["task"])))
    return {
        "today": day.isoformat(),
        "groups": ordered,
        "count": len(kept),
        "overdue": sum(1 for t in kept if t["status"] == "overdue"),
        "provinces": all_provinces,
        "agencies": all_agencies,
        "filters": {"province": province, "agency": agency},
    }


def _task_number(iri: str) -> int:
    tail = iri.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


# ------------------------------------------------------------ landing and browsing

DOCUMENTS = """SELECT DISTINCT ?doc ?vi ?en ?symbol ?type ?typeLabel ?date ?issuer ?province ?provinceIri ?title WHERE {
  ?doc a eli:LegalResource ; pg:ingested true .
  OPTIONAL { ?doc skos:prefLabel ?vi FILTER(LANG(?vi) = "vi") }
  OPTIONAL { ?doc skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?doc eli:id_local ?symbol } OPTIONAL { ?doc eli:date_document ?date }
  OPTIONAL { ?doc eli:type_document ?type . ?type skos:prefLabel ?typeLabel FILTER(LANG(?typeLabel) = "vi") }
  OPTIONAL { ?doc pg:issuerName ?issuer } OPTIONAL { ?doc eli:is_realized_by/eli:title ?title }
  OPTIONAL { ?doc eli:jurisdiction ?provinceIri . ?provinceIri skos:prefLabel ?province FILTER(LANG(?province) = "vi") } }"""
IMPLEMENTS = "SELECT DISTINCT ?from ?to WHERE { ?from eli:ensures_implementation_of ?to }"
TASK_COUNTS = "SELECT ?doc (COUNT(DISTINCT ?task) AS ?n) WHERE { ?doc pg:task ?task } GROUP BY ?doc"


def _documents(store) -> list[dict]:
    docs: dict[str, dict] = {}
    for row in _select(store, DOCUMENTS):
        doc = docs.setdefault(row["doc"], {"iri": row["doc"]})
        for key, value in row.items():
            doc.setdefault(key, value)
    for doc in docs.values():
        doc["year"] = (doc.get("date") or "")[:4] or None
        doc["label"] = {"iri": doc["iri"], "vi": doc.get("vi"), "en": doc.get("en")}
    return sorted(docs.values(), key=lambda d: (d.get("date") or "", d["iri"]), reverse=True)


def _descendants(edges: dict[str, set[str]], top: str) -> set[str]:
    found: set[str] = set()
    frontier = {top}
    while frontier:
        frontier = {child for node in frontier for child in edges.get(node, ())} - found - {top}
        found |= frontier
    return found


def landing(store, values: dict) -> dict:
    """Browse facets (type, year, issuer, province) and the top resolutions with how many
    documents and tasks carry each out."""
    docs = _documents(store)
    facets = {}
    for key in ("typeLabel", "year", "issuer", "province"):
        counts = Counter(d[key] for d in docs if d.get(key))
        facets[key] = sorted(counts.items(), key=lambda kv: (-kv[1], plain(str(kv[0]))))
    facets["year"] = sorted(facets["year"], reverse=True)
    down: dict[str, set[str]] = defaultdict(set)
    up: dict[str, set[str]] = defaultdict(set)
    for row in _select(store, IMPLEMENTS):
        down[row["to"]].add(row["from"])
        up[row["from"]].add(row["to"])
    task_counts = {row["doc"]: int(row["n"]) for row in _select(store, TASK_COUNTS)}
    tops = [iri for iri in down if not up.get(iri)]
    names = labels(store, tops)
    facts = (
        {
            row["doc"]: row
            for row in _select(store, DOC_DATES % " ".join(f"<{t}>" for t in tops if safe_iri(t)))
        }
        if tops
        else {}
    )
    resolutions: list[dict[str, Any]] = []
    for iri in tops:
        below = _descendants(down, iri)
        resolutions.append(
            {
                "doc": names[iri],
                "symbol": facts.get(iri, {}).get("symbol"),
                "date": facts.get(iri, {}).get("date"),
                "documents": len(below),
                "tasks": sum(task_counts.get(d, 0) for d in below),
            }
        )
    resolutions.sort(key=lambda r: (-r["tasks"], -r["documents"], r["doc"]["iri"]))
    return {
        "facets": facets,
        "resolutions": resolutions,
        "count": len(docs),
        "tasks": sum(task_counts.values()),
    }


DOC_DATES = """SELECT ?doc ?symbol ?date WHERE { VALUES ?doc { %s }
  OPTIONAL { ?doc eli:id_local ?symbol } OPTIONAL { ?doc eli:date_document ?date } }"""


def documents(store, values: dict) -> dict:
    """The ingested documents, narrowed by type, year, issuer or province (the landing's facets)."""
    wanted = {k: values.get(k, "").strip() for k in ("type", "year", "issuer", "province")}
    fields = {"type": "typeLabel", "year": "year", "issuer": "issuer", "province": "province"}
    docs = [
        d for d in _documents(store) if all(not v or (d.get(fields[k]) or "") == v for k, v in wanted.items())
    ]
    return {"documents": docs, "filters": wanted}


# ------------------------------------------------------------ search

SEARCH_TASKS = """SELECT DISTINCT ?task ?doc ?label ?text WHERE { ?doc pg:task ?task .
  OPTIONAL { ?task pg:label ?label } OPTIONAL { ?task pg:text ?text } }"""
SEARCH_AGENCIES = """SELECT DISTINCT ?agency ?kind ?name WHERE { ?agency a org:Organization .
  VALUES ?kind { skos:prefLabel skos:altLabel } ?agency ?kind ?name }"""
AGENCY_PROVINCES = """SELECT DISTINCT ?agency ?province WHERE { ?agency a org:Organization ; pg:jurisdiction ?j .
  ?j skos:prefLabel ?province FILTER(LANG(?province) = "vi") }"""
SEARCH_DOCUMENTS = """SELECT ?doc ?p ?o WHERE { ?doc a eli:LegalResource .
  { VALUES ?p { eli:id_local eli:number eli:type_document eli:date_document pg:ingested skos:prefLabel skos:altLabel }
    ?doc ?p ?o }
  UNION { ?doc eli:is_realized_by/eli:title ?o BIND(eli:title AS ?p) } }"""
_DOC_FIELDS = {
    "id_local": "symbol",
    "number": "number",
    "type_document": "type",
    "title": "title",
    "date_document": "date",
    "ingested": "ingested",
}
AGENCY_LOAD = """SELECT ?agency (COUNT(DISTINCT ?task) AS ?n) WHERE { ?task pg:leadAgency|pg:cooperatingAgency ?agency }
GROUP BY ?agency"""
MAX_HITS = 50


def _word_score(words: list[str], haystack: str) -> float:
    """1 when every word of the query is a word of the text, 1.5 when they come as one
    phrase; 0 when a word is missing."""
    if not has_words(words, haystack):
        return 0.0
    return 1.0 + (0.5 if whole_word(" ".join(words)).search(haystack) else 0.0)


def _fold_char(char: str) -> str:
    """One character folded as plain() folds it, always one character long, so offsets in
    the folded text are offsets in the original."""
    base = "".join(
        c
        for c in unicodedata.normalize("NFD", char.casefold().replace("đ", "d"))
        if not unicodedata.combining(c)
    )
    return base[:1] or char


def _snippet(text: str, words: list[str], width: int = 180) -> list[tuple[str, bool]]:
    """The part of a long text around the first word that matched, as (piece, matched) pairs
    so the page can mark the words found (with or without their diacritics)."""
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    folded = "".join(_fold_char(c) for c in flat)
    phrase = list(whole_word(" ".join(words)).finditer(folded))
    found = phrase or [m for w in words for m in whole_word(w).finditer(folded)]
    at = min((m.start() for m in found), default=0)
    start = max(0, at - 50)
    end = min(len(flat), start + width)
    marked = [False] * len(flat)
    for match in found:
        marked[match.start() : match.end()] = [True] * (match.end() - match.start())
    pieces: list[tuple[str, bool]] = [("…", False)] if start else []
    for i in range(start, end):
        if pieces and pieces[-1][1] == marked[i] and pieces[-1][0] != "…":
            pieces[-1] = (pieces[-1][0] + flat[i], marked[i])
        else:
            pieces.append((flat[i], marked[i]))
    if end < len(flat):
        pieces.append(("…", False))
    return pieces


def task_title(label: str | None, iri: str) -> str:
    """'Nhiệm vụ 4.3'; a bullet label ('-', '+', '*') says nothing, so the task's number instead."""
    if label and re.search(r"\w", label):
        return f"Nhiệm vụ {label.rstrip('.')}"
    return f"Nhiệm vụ số {_task_number(iri)}"


def search(store, values: dict) -> dict:
    """Documents, tasks and agencies matching the words, diacritic-insensitive, ranked, each
    saying what matched.  A document named exactly (29-NQ/TW, 'Nghị quyết số 29-NQ/TW', an
    IRI) comes first; when nothing matches, the closest symbols are suggested."""
    from ..queries import QueryError, resolve_document

    text = values.get("q", "").strip()
    if len(text) > MAX_PARAM_CHARS:
        raise JobError(400, f"Từ khóa tìm kiếm dài quá {MAX_PARAM_CHARS} ký tự (search text too long)")
    words = plain(text).split()
    result = {"q": text, "documents": [], "tasks": [], "agencies": [], "suggestion": None}
    if not words:
        return result
    exact, suggestion = None, None
    try:
        exact = resolve_document(store, text).value
    except QueryError as err:
        suggestion = str(err).partition("gần giống (closest): ")[2] or None
    docs = _search_documents(store, text)
    named = "văn bản được nêu đúng số ký hiệu (the document named)"
    if exact and all(d["doc"]["iri"] != exact for d in docs):
        docs.insert(
            0,
            {
                "doc": labels(store, [exact])[exact],
                "symbol": row_symbol(store, exact),
                "title": None,
                "date": None,
                "ingested": False,
                "score": 100,
                "matched": named,
            },
        )
    for doc in docs:
        if doc["doc"]["iri"] == exact and doc["score"] < 100:
            doc.update(score=100, matched=named)
    docs.sort(key=lambda d: (d["doc"]["iri"] != exact, -d["score"]))
    agencies, tasks = _search_agencies(store, words), _search_tasks(store, words)
    result.update(
        documents=docs[:MAX_HITS],
        agencies=agencies[:MAX_HITS],
        tasks=tasks[:MAX_HITS],
        totals={"documents": len(docs), "agencies": len(agencies), "tasks": len(tasks)},
        # "sở tài chính": the departments first, not below 45 documents whose title names one
        agencies_first=bool(agencies) and agencies[0]["exact"] and not any(d["score"] >= 60 for d in docs),
    )
    if not (docs or agencies or tasks):
        result["suggestion"] = suggestion
    return result


def agency_words(words: list[str]) -> list[str]:
    """The query's words with the abbreviations agency names are written with expanded, as the
    names in the graph are ("ubnd tỉnh bắc ninh" → Ủy ban nhân dân tỉnh Bắc Ninh)."""
    from ..patterns.agencies import ABBREVIATIONS

    expanded = {plain(short): plain(long) for short, long in ABBREVIATIONS if " " not in short}
    return " ".join(expanded.get(w, w) for w in words).split()


_MATCHED = {
    100: "số ký hiệu (symbol)",
    80: "loại và số (type and number)",
    60: "số (number)",
    45: "cụm từ trong tên hoặc trích yếu (the words as one phrase of the name or title)",
    40: "các từ trong tên hoặc trích yếu (the words in the name or title)",
}


def _search_documents(store, text: str) -> list[dict]:
    """Every document matching, best first (pages.score_document), the newest first among
    equals; when some name or title holds the words as one phrase, the documents holding them
    only here and there are left out (as tasks are)."""
    from .pages import score_document

    found = []
    for doc in _kept_rows(store, "documents", lambda: _searched_documents(store)):
        score = score_document(text, doc)
        if score:
            matched = _MATCHED[score]
            found.append(
                {
                    "doc": {"iri": doc["iri"], "vi": doc["vi"], "en": doc["en"]},
                    "symbol": doc["symbol"],
                    "title": doc["title"] or doc["names"],  # a cited law without a title: its name
                    "date": doc["date"],
                    "ingested": doc["ingested"],
                    "score": score,
                    "matched": matched,
                }
            )
    if any(d["score"] == 45 for d in found):
        found = [d for d in found if d["score"] != 40]
    found.sort(key=lambda d: (-d["score"], not d["ingested"], _newest_first(d["date"]), d["doc"]["iri"]))
    return found


def _searched_documents(store) -> list[dict]:
    """Every document's symbol, number, type, labels, title, date and whether it was read; as one
    property list, which Oxigraph answers far faster than a row of OPTIONALs."""
    docs: dict[str, dict] = {}
    for row in store.query(SEARCH_DOCUMENTS, prefixes=PREFIXES):
        doc = docs.setdefault(
            row["doc"].value,
            {
                "iri": row["doc"].value,
                "symbol": None,
                "number": None,
                "type": None,
                "vi": None,
                "en": None,
                "title": None,
                "date": None,
                "ingested": False,
                "names": None,
            },
        )
        name, value = row["p"].value.rsplit("#", 1)[-1], row["o"]
        if name == "altLabel":  # the names a law is known by beside its symbol
            doc["names"] = f"{doc['names']} {value.value}" if doc["names"] else value.value
        elif name == "prefLabel":
            lang = getattr(value, "language", None)
            if lang in ("vi", "en") and not doc[lang]:
                doc[lang] = value.value
        elif name == "ingested":
            doc["ingested"] = doc["ingested"] or value.value == "true"
        elif not doc[_DOC_FIELDS[name]]:
            doc[_DOC_FIELDS[name]] = value.value
    return list(docs.values())


def _search_agencies(store, words: list[str]) -> list[dict]:
    load = {
        row["agency"]: int(row["n"]) for row in _kept_rows(store, "load", lambda: _select(store, AGENCY_LOAD))
    }
    provinces = {
        row["agency"]: row["province"]
        for row in _kept_rows(store, "provinces", lambda: _select(store, AGENCY_PROVINCES))
    }
    best: dict[str, dict] = {}
    words = agency_words(words)
    query = " ".join(words)
    for row in _kept_rows(store, "agencies", lambda: _select(store, SEARCH_AGENCIES)):
        folded = plain_kept(row["name"])
        province = provinces.get(row["agency"])
        # the province is part of what names a department: "sở tài chính bắc ninh"
        where = f"{folded} {plain_kept(province)}" if province else folded
        score = _word_score(words, where)
        if not score:
            continue
        preferred = row["kind"].endswith("prefLabel")
        exact = query in (folded, where)
        score += (1.0 if exact else 0.0) + (0.2 if preferred else 0.0)
        item = best.get(row["agency"])
        if item is None or score > item["score"]:
            best[row["agency"]] = {
                "iri": row["agency"],
                "score": score,
                "exact": exact,
                "province": province,
                "matched": ("tên" if preferred else "tên khác") + f": {row['name']}",
                "tasks": load.get(row["agency"], 0),
            }
    names = labels(store, best)
    found = [
        dict(item, agency=names.get(iri, {"iri": iri, "vi": None, "en": None})) for iri, item in best.items()
    ]
    found.sort(key=lambda a: (-a["score"], -a["tasks"], plain(a["agency"]["vi"] or a["iri"])))
    return found


def _search_tasks(store, words: list[str]) -> list[dict]:
    found = []
    for row in _kept_rows(store, "tasks", lambda: _select(store, SEARCH_TASKS)):
        score = _word_score(words, plain_kept(row.get("text") or ""))
        if score:
            found.append(
                {
                    "task": row["task"],
                    "doc": row["doc"],
                    "label": row.get("label"),
                    "score": score,
                    "title": task_title(row.get("label"), row["task"]),
                    "snippet": _snippet(row.get("text") or "", words),
                }
            )
    if any(t["score"] > 1.0 for t in found):  # the words as one phrase somewhere: only those tasks
        found = [t for t in found if t["score"] > 1.0]
    found.sort(key=lambda t: (-t["score"], t["doc"], _task_number(t["task"])))
    docs = labels(store, {t["doc"] for t in found[:MAX_HITS]})
    for task in found[:MAX_HITS]:
        task["doc_label"] = docs.get(task["doc"])
    return found


# ------------------------------------------------------------ document, agency and task pages

CITED_BY = """SELECT DISTINCT ?citing ?as ?kind ?ev ?quote WHERE {
  ?c pg:citedDocument ?doc ; dcterms:isPartOf ?citing .
  OPTIONAL { ?c pg:citedAs ?as } OPTIONAL { ?c pg:relationKind ?kind }
  OPTIONAL { ?c pg:evidence ?ev OPTIONAL { ?ev oa:exact ?quote } } }"""
# Who issued a document, when, for which province: the same symbol is printed by many provinces
# (on corpus/real, four "Quyết định 87/2025/QĐ-UBND"-like pairs cite Luật 72/2025/QH15), so a
# list of documents names each with these beside its symbol.
DOC_BRIEF = """SELECT ?doc ?issuer ?date ?province WHERE { VALUES ?doc { %s }
  OPTIONAL { ?doc pg:issuerName ?issuer } OPTIONAL { ?doc eli:date_document ?date }
  OPTIONAL { ?doc eli:jurisdiction ?area OPTIONAL { ?area skos:prefLabel ?province FILTER(LANG(?province) = "vi") } } }"""
_CHAR_SPAN = re.compile(r"^(?P<source>[^#]+)#char=(?P<start>\d+),(?P<end>\d+)$")
RELATION_KINDS = """SELECT ?k ?vi ?en WHERE { ?k a skos:Concept FILTER(CONTAINS(STR(?k), "/vocab/relation/"))
  OPTIONAL { ?k skos:prefLabel ?vi FILTER(LANG(?vi) = "vi") } OPTIONAL { ?k skos:prefLabel ?en FILTER(LANG(?en) = "en") } }"""
IMPLEMENTED_BY = """SELECT DISTINCT ?other ?rel WHERE { VALUES ?rel { eli:ensures_implementation_of eli:based_on pg:attachedTo }
  ?other ?rel ?doc }"""


def briefs(store, iris) -> dict[str, dict]:
    """{iri: {"issuer", "date", "province"}} of documents, the first value of each."""
    wanted = sorted({i for i in iris if i and safe_iri(i)})
    found: dict[str, dict] = {i: {"issuer": None, "date": None, "province": None} for i in wanted}
    for chunk in range(0, len(wanted), 200):
        values = " ".join(f"<{i}>" for i in wanted[chunk : chunk + 200])
        for row in _select(store, DOC_BRIEF % values):
            item = found[row["doc"]]
            for key in ("issuer", "date", "province"):
                item[key] = item[key] or row.get(key)
    return found


def _span(evidence: str | None, quote: str | None) -> dict | None:
    """A fact's evidence IRI (<source>#char=start,end) as the page's link to the sentence."""
    match = _CHAR_SPAN.match(evidence or "")
    if not match:
        return None
    return {"source": match["source"], "start": int(match["start"]), "end": int(match["end"]), "quote": quote}


def _newest_first(date: str | None) -> int:
    """A sort key putting later dates (yyyy-mm-dd) first and undated documents last."""
    digits = re.sub(r"\D", "", date or "")[:8]
    return -int(digits.ljust(8, "0")) if digits else 0


def document_extra(store, values: dict) -> dict:
    """Who cites this document and who carries it out (a cited law's page is mostly this)."""
    iri = values["iri"]
    citing: dict[str, dict] = {}
    for row in _select(store, CITED_BY, doc=iri):
        if row["citing"] == iri:  # a plan naming itself in its own appendix is not a citer
            continue
        item = citing.setdefault(row["citing"], {"as": [], "kinds": set(), "evidence": None})
        if row.get("as") and row["as"] not in item["as"]:
            item["as"].append(row["as"])
        if row.get("kind"):
            item["kinds"].add(row["kind"].rsplit("/", 1)[-1])
        span = _span(row.get("ev"), row.get("quote"))
        if span and (item["evidence"] is None or span["start"] < item["evidence"]["start"]):
            item["evidence"] = span  # the first place the document cites it
    relations = defaultdict(list)
    for row in _select(store, IMPLEMENTED_BY, doc=iri):
        relations[row["rel"].rsplit("#", 1)[-1]].append(row["other"])
    names = labels(store, list(citing) + [o for others in relations.values() for o in others])
    kinds = {
        row["k"].rsplit("/", 1)[-1]: (row.get("vi") or row.get("en"), row.get("en"))
        for row in _select(store, RELATION_KINDS)
    }
    facts = briefs(store, citing)
    return {
        "kind_names": kinds,
        "cited_by": [
            {
                "doc": names[c],
                "as": item["as"],
                "kinds": sorted(item["kinds"]),
                "evidence": item["evidence"],
                **facts[c],
            }
            for c, item in sorted(
                citing.items(),  # newest first, as a reader of a law's uses wants them
                key=lambda kv: (
                    _newest_first(facts[kv[0]]["date"]),
                    plain(names[kv[0]]["vi"] or kv[0]),
                    kv[0],
                ),
            )
        ],
        "implemented_by": [names[o] for o in sorted(relations.get("ensures_implementation_of", []))],
        "basis_of": [names[o] for o in sorted(relations.get("based_on", []))],
        "names": names,
        "task_count": int(
            _select(store, "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?doc pg:task ?t }", doc=iri)[0]["n"]
        ),
        "tree_tasks": _tree_task_count(store, iri),
    }


def _tree_task_count(store, iri: str) -> int:
    """Tasks of every document carrying this one out (what its /tree page lists)."""
    rows = _select(
        store,
        """SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {
      ?d eli:ensures_implementation_of* ?doc . ?d pg:task ?t }""",
        doc=iri,
    )
    return int(rows[0]["n"]) if rows else 0


AGENCY_FACTS = """SELECT ?province ?provinceIri ?en ?group WHERE {
  OPTIONAL { ?agency pg:jurisdiction ?provinceIri . ?provinceIri skos:prefLabel ?province FILTER(LANG(?province) = "vi") }
  OPTIONAL { ?agency skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?agency pg:isGroup ?group } } LIMIT 1"""


def agency_extra(store, values: dict) -> dict:
    rows = _select(store, AGENCY_FACTS, agency=values["iri"])
    row = rows[0] if rows else {}
    return {
        "province": row.get("province"),
        "province_iri": row.get("provinceIri"),
        "is_group": row.get("group") == "true",
    }


TASK = (
    """SELECT ?doc ?label ?text ?deadline ?due ?kind ?output ?note ?section ?heading ?src ?start ?end ?quote WHERE {
  ?task dcterms:isPartOf ?doc .
  OPTIONAL { ?task pg:label ?label } OPTIONAL { ?task pg:text ?text }
  OPTIONAL { ?task pg:deadline ?d . OPTIONAL { ?d pg:deadlineText ?deadline } OPTIONAL { ?d pg:dueDate ?due }
             OPTIONAL { ?d pg:deadlineKind/skos:prefLabel ?kind FILTER(LANG(?kind) = "vi") } }
  OPTIONAL { ?task pg:outputForm ?output } OPTIONAL { ?task pg:note ?note }
  OPTIONAL { ?task pg:inSection ?section OPTIONAL { ?section pg:heading ?heading } }
  """
    + evidence_of("task")
    + " } LIMIT 1"
)
TASK_ROLES = """SELECT DISTINCT ?role ?agency WHERE { VALUES ?role { pg:leadAgency pg:cooperatingAgency pg:directingAgency }
  ?task ?role ?agency }"""


def task(store, values: dict) -> dict | None:
    """A task in reading order: text, lead, cooperating, deadline, the sentence it was read from."""
    iri = values["iri"]
    rows = _select(store, TASK, task=iri)
    if not rows:
        return None
    facts = rows[0]
    roles: dict[str, list[str]] = defaultdict(list)
    for row in _select(store, TASK_ROLES, task=iri):
        roles[row["role"].rsplit("#", 1)[-1]].append(row["agency"])
    names = labels(store, [facts["doc"]] + [a for agencies in roles.values() for a in agencies])
    doc_facts = _select(
        store,
        """SELECT ?province WHERE { OPTIONAL { ?doc eli:jurisdiction/skos:prefLabel ?province
                                  FILTER(LANG(?province) = "vi") } } LIMIT 1""",
        doc=facts["doc"],
    )
    return dict(
        facts,
        iri=iri,
        doc_label=names[facts["doc"]],
        title=task_title(facts.get("label"), iri),
        province=(doc_facts[0].get("province") if doc_facts else None),
        status=status_of(facts.get("due"), today(values)),
        lead=[names[a] for a in sorted(roles.get("leadAgency", []))],
        cooperating=[names[a] for a in sorted(roles.get("cooperatingAgency", []))],
        directing=[names[a] for a in sorted(roles.get("directingAgency", []))],
    )


MAX_LABELS = 200


def iri_labels(store, values: dict) -> dict:
    """Labels of the IRIs a SPARQL result table shows (``iri`` is a list, space-separated)."""
    iris = values.get("iri", "").split()[:MAX_LABELS]
    return {iri: item for iri, item in labels(store, iris).items() if item["vi"] or item["en"]}


def source(store, values: dict):
    """The source-text page's data: the file read here, under the worker's time limit."""
    from pathlib import Path

    from .pages import LocalSite, drive, source_view

    try:
        start = int(values["start"]) if values.get("start") else None
        end = int(values["end"]) if values.get("end") else None
    except ValueError as err:
        raise JobError(400, "start/end phải là số (start and end must be integers)") from err
    raw_dir = Path(values["raw_dir"]) if values.get("raw_dir") else None
    return drive(source_view(LocalSite(store, 10, raw_dir), values.get("iri", ""), start, end))


VIEWS = {
    "labels": iri_labels,
    "source": source,
    "landing": landing,
    "documents": documents,
    "search": search,
    "tree": tree,
    "tree-export": tree_export,
    "compare": compare,
    "deadlines": deadlines,
    "document": document_extra,
    "agency": agency_extra,
    "task": task,
}


def run_view(store, name: str, values: dict, context: dict | None = None) -> object:
    """The data of view ``name`` for the user's ``values``; ``context`` holds the server's own
    settings (the source folder), which are not a user's input and are not length-checked."""
    view = VIEWS.get(name)
    if view is None:
        raise JobError(404, f"không có trang '{name}' (no such view)")
    too_long = next((k for k, v in values.items() if len(str(v)) > MAX_PARAM_CHARS and k != "iri"), None)
    if len(values.get("iri", "")) > MAX_LABELS * 300:
        raise JobError(400, f"quá nhiều IRI (at most {MAX_LABELS} IRIs)")
    if too_long:
        raise JobError(400, f"tham số '{too_long}' dài quá {MAX_PARAM_CHARS} ký tự (parameter too long)")
    return view(store, {**values, **(context or {})})
