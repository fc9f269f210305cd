"""SPARQL evaluation for the server: formats, jobs and the worker process that runs them.

pyoxigraph's Python API has no query timeout and holds the calling thread until a
query finishes, so queries never run in the server process.  Each worker process
(``pool.WorkerPool``) opens ``Store.read_only(path)`` with no network and a memory cap
(``sandbox``); a query is checked by parsing (``guard``) before Oxigraph sees it.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from dataclasses import dataclass
from typing import Any

from ..store import settle, shared_graph_in
from .guard import UNPARSED, JobError, Verdict, check_query, check_update, screen, syntax_message

# A SPARQL result is answered whole up to this size, however many rows that is (a client paging
# through the store with LIMIT/OFFSET chooses its own page size); past it, a 413 says so.
MAX_RESULT_BYTES = 32 * 1024 * 1024

# ------------------------------------------------------------ formats


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    aliases: tuple[str, ...] = ()


RESULT_FORMATS = (  # SELECT / ASK; the first is the default
    Format("json", "application/sparql-results+json", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
GRAPH_FORMATS = (  # CONSTRUCT / DESCRIBE; the first is the default
    Format("turtle", "text/turtle", ("application/x-turtle",)),
    Format("ntriples", "application/n-triples", ("text/plain",)),
    Format("jsonld", "application/ld+json", ("application/json",)),
    Format("rdfxml", "application/rdf+xml"),
)
DATASET_FORMATS = (  # the whole store, graph names kept
    Format("nquads", "application/n-quads"),
    Format("trig", "application/trig"),
)
FORMAT_PARAM_NAMES = {
    "nq": "nquads",
    "nquads": "nquads",
    "trig": "trig",
    "json": "json",
    "xml": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "ntriples",
    "ntriples": "ntriples",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "rdfxml": "rdfxml",
}


# An Accept header's ranges read at most (browsers send under ten): a 58 KB header of 4,000
# ranges cost 6.6 ms of the event loop's CPU to parse and 2 ms to match, on every request.
MAX_ACCEPT_RANGES = 64


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``text/turtle;q=0.9, */*;q=0.1`` → media ranges by preference (stable for ties); only the
    first MAX_ACCEPT_RANGES ranges are read."""
    ranges = []
    for n, part in enumerate((header or "*/*").split(",", MAX_ACCEPT_RANGES)[:MAX_ACCEPT_RANGES]):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q, n))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, q) for media, q, _ in ranges if q > 0]


def choose_format(
    accept: list[tuple[str, float]], offered: tuple[Format, ...], forced: str | None = None
) -> Format:
    """The first offered format the client accepts (``forced``, the ``format=`` parameter,
    first); a JobError 406 naming the offered types when it accepts none of them (a browser
    sends ``*/*`` among its types, so it still gets the default)."""
    if forced:
        found = next((f for f in offered if f.name == FORMAT_PARAM_NAMES.get(forced, forced)), None)
        if found:
            return found
    for media, _q in accept:
        for fmt in offered:
            if media in (fmt.media_type, *fmt.aliases):
                return fmt
        if media == "*/*":
            return offered[0]
        if media in ("application/*", "text/*"):
            found = next((f for f in offered if f.media_type.startswith(media[:-1])), None)
            if found:
                return found
    raise not_acceptable(offered)


def not_acceptable(offered: tuple[Format, ...] | list[str]) -> JobError:
    types = ", ".join(f.media_type if isinstance(f, Format) else f for f in offered)
    return JobError(
        406, f"Không có định dạng nào trong Accept mà máy chủ trả được (none of the accepted types): {types}"
    )


# ------------------------------------------------------------ terms across processes


def encode_term(term) -> tuple | None:
    """A pyoxigraph term as plain tuples (picklable, cheap): ('uri', v) ('bnode', v) ('literal', v, lang, dt)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language, term.datatype.value if term.datatype else None)
    return ("triple", str(term))


def decode_term(item: tuple):
    import pyoxigraph as ox

    kind = item[0]
    if kind == "uri":
        return ox.NamedNode(item[1])
    if kind == "bnode":
        return ox.BlankNode(item[1])
    if kind == "literal":
        _, value, lang, datatype = item
        if lang:
            return ox.Literal(value, language=lang)
        return ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)
    raise ValueError(f"cannot substitute a {kind}")


# ------------------------------------------------------------ jobs (run inside a worker)


@dataclass
class Job:
    """One request to a worker.  ``mode``: 'protocol' (bytes in a negotiated format),
    'rows' (SELECT solutions as encoded terms), 'update' (SPARQL UPDATE, writable store),
    'bind' (the library query ``query`` with ``values`` bound, as text: documents and agencies
    are resolved against the store, which only workers open), 'view' (the data of the page ``query`` for ``values``, see
    ``views``).  A query from a client is checked by parsing first, unless
    ``verdict`` carries the result of an earlier check of the same text; ``trusted`` marks
    the server's own query texts (pages, DESCRIBE), which are not."""

    mode: str
    query: str
    accept: list[tuple[str, float]] | None = None
    forced_format: str | None = None
    substitutions: dict[str, tuple] | None = None
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    # rows of 'rows' mode and triples of a CONSTRUCT; None, and always for a SELECT or ASK in
    # 'protocol' mode: bounded by size only (MAX_RESULT_BYTES)
    max_rows: int | None = 10000
    prefixes: dict[str, str] | None = None
    values: dict[str, str] | None = None
    query_dir: str | None = None
    trusted: bool = False
    verdict: Verdict | None = None
    context: dict[str, str] | None = None
    base_iri: str | None = None  # relative IRIs in the query resolve against it
    not_found: str | None = None  # a CONSTRUCT with no triple is this 404 (a page or graph that is not there)


def _dataset_kwargs(job: Job) -> dict:
    import pyoxigraph as ox

    kwargs: dict = {}
    # Without default-graph-uri the union of the store's graphs answers (``store.UnionView``): each
    # triple is in one graph, that of the file that states it or the shared graph (store.py).
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    elif job.named_graphs:
        kwargs["default_graph"] = []  # the protocol's dataset names no default graph: it is empty
    elif _declares_dataset(job):
        kwargs["use_default_graph_as_union"] = False  # its FROM / FROM NAMED give the dataset
    if job.base_iri:
        kwargs["base_iri"] = job.base_iri
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): decode_term(v) for k, v in job.substitutions.items()}
    if job.prefixes:
        kwargs["prefixes"] = job.prefixes
    return kwargs


def _declares_dataset(job: Job) -> bool:
    """The query names its own dataset (FROM, FROM NAMED), which the union of the graphs must not
    override; a text screened without parsing that holds the word "from" anywhere is parsed to
    tell."""
    verdict = job.verdict
    if verdict is None or not verdict.declares_dataset:
        return False
    if verdict.form == UNPARSED:
        return check_query(job.query).declares_dataset
    return True


def run_job(store, job: Job) -> tuple[str, Any]:
    """Evaluate ``job`` on ``store``: (content type, body) or (\"rows\", [...]); raises JobError."""
    import pyoxigraph as ox

    if job.mode == "bind":
        return "application/sparql-query", _bound_query(store, job).encode()
    if job.mode == "view":
        from .views import run_view

        return "view", run_view(store, job.query, job.values or {}, job.context)
    if job.mode == "update":
        check_update(job.query)
        shared = shared_graph_in(store)  # before the update, which may drop it (DROP ALL)
        try:
            store.update(job.query)
        except SyntaxError as err:
            raise JobError(400, syntax_message(str(err), "SPARQL Update")) from err
        # each triple in one graph again: what the update wrote into the default graph, or into a
        # graph when another holds the same triple, goes to the shared graph
        settle(store, shared)
        store.flush()
        return "text/plain; charset=utf-8", "Đã cập nhật (update applied)\n".encode()
    if not job.trusted and job.verdict is None:
        job.verdict = screen(job.query) or check_query(job.query)
    try:
        result = store.query(job.query, **_dataset_kwargs(job))
    except SyntaxError as err:
        if job.verdict is not None and job.verdict.form == UNPARSED:
            check_query(job.query)  # what the checker refuses is refused with its reason (an update: 403)
        raise JobError(400, syntax_message(str(err))) from err
    except ValueError as err:
        raise JobError(400, f"Yêu cầu không hợp lệ (bad request): {err}") from err
    if job.mode == "rows":
        return "rows", _rows(result, job.max_rows)
    accept = job.accept or [("*/*", 1.0)]
    if isinstance(result, ox.QueryBoolean):
        fmt = choose_format(accept, RESULT_FORMATS, job.forced_format)
        return fmt.media_type, result.serialize(format=_results_format(fmt))
    if isinstance(result, ox.QuerySolutions):
        fmt = choose_format(accept, RESULT_FORMATS, job.forced_format)
        return fmt.media_type, _solutions_bytes(result, fmt)
    fmt = choose_format(accept, GRAPH_FORMATS, job.forced_format)
    body = _triples_bytes(result, fmt, job.max_rows, job.prefixes, job.not_found)
    return fmt.media_type, body


def _bound_query(store, job: Job) -> str:
    from pathlib import Path

    from ..queries import QUERY_DIR, QueryError, UnknownQuery, bind, get_query, with_values

    try:
        query = get_query(job.query, Path(job.query_dir) if job.query_dir else QUERY_DIR)
        return with_values(query, bind(store, query, job.values or {}))
    except UnknownQuery as err:
        raise JobError(404, str(err)) from err
    except QueryError as err:
        raise JobError(400, str(err)) from err


def _results_format(fmt: Format):
    import pyoxigraph as ox

    return {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    }[fmt.name]


def _too_large(limit: int = MAX_RESULT_BYTES) -> JobError:
    return JobError(
        413,
        f"Kết quả vượt quá {limit // 2**20} MiB; hãy chia trang bằng LIMIT/OFFSET "
        f"(the result is larger than {limit // 2**20} MiB: page through it with LIMIT and OFFSET)",
    )


def _too_many(max_rows: int, what_vi: str, what_en: str) -> JobError:
    return JobError(
        413,
        f"Kết quả vượt quá {max_rows} {what_vi}; hãy thêm LIMIT "
        f"(the result has more than {max_rows} {what_en}: add a LIMIT)",
    )


def _rows(result, max_rows: int | None) -> list[dict[str, tuple]]:
    import pyoxigraph as ox

    if not isinstance(result, ox.QuerySolutions):
        raise JobError(400, "cần truy vấn SELECT (a SELECT query is needed here)")
    names = [v.value for v in result.variables]
    rows: list[dict[str, tuple]] = []
    for solution in result:
        if max_rows is not None and len(rows) >= max_rows:
            raise _too_many(max_rows, "dòng", "rows")
        rows.append({n: term for n in names if (term := encode_term(solution[n])) is not None})
    return rows


class _Capped:
    """A write-only sink that refuses to grow past ``limit`` bytes: pyoxigraph writes its
    serialised results into it (16 KiB at a time) and the error it raises stops the serialiser."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _ResultTooLarge()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


class _ResultTooLarge(Exception):
    pass


def _solutions_bytes(result, fmt: Format) -> bytes:
    """The solutions as pyoxigraph writes them (JSON, XML, CSV or TSV, the SPARQL 1.1 results
    formats), streamed into a sink that stops at MAX_RESULT_BYTES, so a huge result is refused
    without being held whole."""
    sink = _Capped(MAX_RESULT_BYTES)
    try:
        result.serialize(sink, format=_results_format(fmt))
    except _ResultTooLarge:
        raise _too_large() from None
    except OSError as err:  # pyoxigraph may hand the sink's error back wrapped as an I/O error
        if sink.size > sink.limit:
            raise _too_large() from None
        raise err
    return b"".join(sink.parts)


def _triples_bytes(
    result,
    fmt: Format,
    max_rows: int | None,
    prefixes: dict[str, str] | None,
    not_found: str | None = None,
) -> bytes:
    import pyoxigraph as ox

    triples: list = []
    size = 0
    for triple in result:
        if max_rows is not None and len(triples) >= max_rows:
            raise _too_many(max_rows, "bộ ba", "triples")
        size += 3 * 32 + len(triple.object.value) if isinstance(triple.object, ox.Literal) else 3 * 48
        if size > MAX_RESULT_BYTES:
            raise _too_large()
        triples.append(triple)
    if not triples and not_found:
        raise JobError(404, not_found)
    if fmt.name == "jsonld":
        return _compact_jsonld(triples, prefixes or {})
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[fmt.name]
    with_prefixes = prefixes if fmt.name in ("turtle", "rdfxml", "jsonld") else None
    body = ox.serialize(triples, format=rdf_format, prefixes=with_prefixes or None)
    assert body is not None  # no output file given: the bytes come back
    if len(body) > MAX_RESULT_BYTES:
        raise _too_large()
    return body


def _compact_jsonld(triples: list, prefixes: dict[str, str]) -> bytes:
    """JSON-LD with a compact ``@context`` (the graph's prefixes), by rdflib: pyoxigraph writes
    expanded JSON-LD only, full IRIs as keys, which a JSON-LD reader accepts but a person cannot."""
    import pyoxigraph as ox
    from rdflib import Graph

    graph = Graph()
    if triples:
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    context = {"@vocab": prefixes["pg"], **prefixes} if "pg" in prefixes else dict(prefixes)
    body = graph.serialize(format="json-ld", context=context, auto_compact=True, ensure_ascii=False)
    return body.encode("utf-8")


# ------------------------------------------------------------ the worker process


def generation_name(store_path: str) -> str:
    """What names the store's current generation: the target of the link a build flips (one
    readlink, where resolving the whole path cost a worker a sixth of a cheap query's time and
    the result cache a sixth of a cached answer's); a store that is a plain folder is its own
    generation."""
    try:
        return os.readlink(store_path)
    except OSError:  # not a link
        from ..store import current_generation

        return str(current_generation(store_path))


def _open(store_path: str, writable: bool):
    """The store's current generation (``store.open_store`` resolves the link a build flips),
    and the name of the generation it was (named first: a flip in between is seen at the next job)."""
    from ..store import open_store

    generation = generation_name(store_path)
    return open_store(store_path, read_only=not writable), generation


def _redirect_stderr(path: str | None) -> None:
    """The worker's fd 2 (Python tracebacks and Rust's own last words, such as 'memory
    allocation of … failed') into a file the pool reads when the worker dies."""
    if path:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(fd, 2)
        os.close(fd)
        sys.stderr = open(2, "w", closefd=False, buffering=1)  # noqa: SIM115 - lives as long as the worker


# Query workers run at a lower CPU priority than the server process: when queries keep every
# core busy, the event loop that answers /health and hands out workers still gets the CPU at
# once (measured: /health stalled behind three workers running cross joins on two cores).
WORKER_NICENESS = 5

MEMORY_MESSAGE = (
    "Truy vấn cần nhiều bộ nhớ hơn giới hạn của tiến trình truy vấn (the query needed more "
    "memory than a query worker may use): add a LIMIT or narrow the patterns"
)


def _reply(store, job: Job) -> tuple:
    """What the worker sends back for one job; only a bug in this code gives a 500."""
    try:
        return ("ok", *run_job(store, job), job.verdict)
    except JobError as err:
        return ("error", err.status, err.message)
    except MemoryError:
        return ("error", 503, MEMORY_MESSAGE)
    except (RuntimeError, ValueError, SyntaxError) as err:  # Oxigraph's evaluation and serialisation errors
        return ("error", 400, f"Lỗi khi tính truy vấn (query evaluation error): {err}")
    except OSError as err:  # its text names files: for the server's log (incident.public_reply)
        return ("error", 503, ("Lỗi kho dữ liệu", "store error"), f"{type(err).__name__}: {err}")
    except Exception:
        return ("error", 500, ("Lỗi nội bộ của máy chủ", "internal server error"), traceback.format_exc())


# Oxigraph's parser, optimiser and evaluator recurse once per level of an expression, a path or
# a group of patterns, and a level can cost one character: 10,000 '!' (or 20,000 '+1', 8,000
# 'UNION {}') well inside MAX_QUERY_CHARS overflowed the worker's 8 MiB main-thread stack and
# killed it (SIGSEGV), once per one-line request.  Jobs run in a thread with this stack: the
# deepest text that fits in MAX_QUERY_CHARS needed ~60 MiB (65,000 '!'), 64 MiB was enough for
# every form measured; it is address space set aside, its pages used only as deep as a query goes.
JOB_STACK_BYTES = 128 * 2**20


def worker_main(
    conn, store_path: str, writable: bool, memory_bytes: int | None = None, stderr_path: str | None = None
) -> None:
    """Serve jobs from ``conn`` until the parent closes it.  The worker first gives up the
    network and caps its memory, warms the query checker, then says it is ready.  Ctrl-C goes
    to the parent, which ends its workers itself; a worker ignores SIGINT.  Jobs run in a
    thread with a deep stack (``JOB_STACK_BYTES``), started after the network filter, which
    it inherits."""
    import threading

    from . import sandbox

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _redirect_stderr(stderr_path)
    os.nice(WORKER_NICENESS)
    sandbox.deny_network()
    from .guard import warm_up

    warm_up()
    sandbox.limit_memory(memory_bytes)
    jobs = threading.Thread(target=_serve_jobs, args=(conn, store_path, writable), name="jobs")
    threading.stack_size(JOB_STACK_BYTES)  # read when the thread starts, not when it is made
    try:
        jobs.start()
    finally:
        threading.stack_size(0)
    jobs.join()


def _serve_jobs(conn, store_path: str, writable: bool) -> None:
    store, generation = None, None
    if not writable:  # opened now, so the first request on a fresh worker does not pay for it
        try:
            store, generation = _open(store_path, writable)
        except (OSError, RuntimeError):
            store = None  # each job retries and reports the error
    try:
        conn.send(("ready", os.getpid()))
    except OSError:
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None or (not writable and generation_name(store_path) != generation):
                store = None
                store, generation = _open(store_path, writable)
            reply = _reply(store, job)
        except (OSError, RuntimeError) as err:  # its text names the store's folder: for the log
            reply = ("error", 503, ("Lỗi kho dữ liệu", "store error"), f"{type(err).__name__}: {err}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
