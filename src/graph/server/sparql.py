"""SPARQL evaluation for the server: worker processes, time limits, size caps, formats.

pyoxigraph's Python API has no query timeout and holds the calling thread until a
query finishes, so queries never run in the server process.  A small pool of
worker *processes* each opens ``Store.read_only(path)``; a query that outlives its
time limit gets its worker killed (SIGKILL: evaluation really stops) and a fresh
worker started, while the other workers keep answering.

Safety checks that need the query text (``SERVICE``, ``FROM``) use a lexical scan:
pyoxigraph 0.5 has no parse-only API.  The scan decodes SPARQL's ``\\uXXXX``
escapes first (they are applied before parsing), then blanks comments, string
literals and IRIs, and looks for the keyword as a whole token (not ``?service``,
``ex:service`` or ``service:x``).  A false positive only refuses an odd query; a
false negative cannot happen for text that the parser would read as the keyword.
"""

from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing as mp
import os
import re
import signal
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("graph.server")

MAX_RESULT_BYTES = 32 * 1024 * 1024

# ------------------------------------------------------------ lexical checks

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LEXEMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)


def _decode_codepoints(text: str) -> str:
    return _CODEPOINT.sub(lambda m: chr(int(m[1] or m[2], 16)), text)


def strip_literals(query: str) -> str:
    """The query with comments, strings and IRIs blanked: only keywords and names remain."""
    return _LEXEMES.sub(" ", _decode_codepoints(query))


def _has_keyword(query: str, keyword: str) -> bool:
    pattern = re.compile(rf"(?<![\w:?$\-]){keyword}(?![\w:\-])", re.IGNORECASE)
    return bool(pattern.search(strip_literals(query)))


def uses_service(query: str) -> bool:
    """``SERVICE <http://…> { … }`` (federated query: the server would call another host)."""
    return _has_keyword(query, "SERVICE")


def declares_dataset(query: str) -> bool:
    """``FROM <g>`` / ``FROM NAMED <g>``: the query chooses its own dataset."""
    return _has_keyword(query, "FROM")


def uses_load(update: str) -> bool:
    """``LOAD <url>`` in an update fetches from the network, like SERVICE."""
    return _has_keyword(update, "LOAD")


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
FORMAT_PARAM_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "ttl": "turtle",
                      "turtle": "turtle", "nt": "ntriples", "ntriples": "ntriples", "jsonld": "jsonld",
                      "json-ld": "jsonld", "rdfxml": "rdfxml"}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``text/turtle;q=0.9, */*;q=0.1`` → media ranges by preference (stable for ties)."""
    ranges = []
    for n, part in enumerate((header or "*/*").split(",")):
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


def choose_format(accept: list[tuple[str, float]], offered: tuple[Format, ...],
                  forced: str | None = None) -> Format:
    """The first offered format the client accepts; the default when it accepts none of them
    (a browser asking for text/html still gets a result rather than a 406)."""
    if forced:
        found = next((f for f in offered if f.name == FORMAT_PARAM_NAMES.get(forced, forced)), None)
        if found:
            return found
    for media, _q in accept:
        for fmt in offered:
            if media in (fmt.media_type, *fmt.aliases):
                return fmt
        if media in ("*/*", "application/*", "text/*"):
            return next((f for f in offered if media == "*/*" or f.media_type.startswith(media[:-1])),
                        offered[0])
    return offered[0]


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


def _json_term(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        item = {"type": "literal", "value": term.value}
        if term.language:
            item["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            item["datatype"] = term.datatype.value
        return item
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


# ------------------------------------------------------------ jobs (run inside a worker)

class JobError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Job:
    """One request to a worker.  ``mode``: 'protocol' (bytes in a negotiated format),
    'rows' (SELECT solutions as encoded terms), 'update' (SPARQL UPDATE, writable store),
    'bind' (the library query ``query`` with ``values`` bound, as text: documents and agencies
    are resolved against the store, which only workers open)."""

    mode: str
    query: str
    accept: list[tuple[str, float]] | None = None
    forced_format: str | None = None
    substitutions: dict[str, tuple] | None = None
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    max_rows: int = 10000
    prefixes: dict[str, str] | None = None
    values: dict[str, str] | None = None
    query_dir: str | None = None


def _dataset_kwargs(job: Job) -> dict:
    import pyoxigraph as ox

    kwargs: dict = {}
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    elif not declares_dataset(job.query):
        kwargs["use_default_graph_as_union"] = True
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): decode_term(v) for k, v in job.substitutions.items()}
    if job.prefixes:
        kwargs["prefixes"] = job.prefixes
    return kwargs


def run_job(store, job: Job) -> tuple[str, bytes | list]:
    """Evaluate ``job`` on ``store``: (content type, body) or (\"rows\", [...]); raises JobError."""
    import pyoxigraph as ox

    if job.mode == "bind":
        return "application/sparql-query", _bound_query(store, job).encode()
    if job.mode == "update":
        try:
            store.update(job.query)
        except SyntaxError as err:
            raise JobError(400, f"Lỗi cú pháp SPARQL Update (SPARQL Update syntax error): {err}") from err
        store.flush()
        return "text/plain; charset=utf-8", "Đã cập nhật (update applied)\n".encode()
    try:
        result = store.query(job.query, **_dataset_kwargs(job))
    except SyntaxError as err:
        raise JobError(400, f"Lỗi cú pháp SPARQL (SPARQL syntax error): {err}") from err
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
        return fmt.media_type, _solutions_bytes(result, fmt, job.max_rows)
    fmt = choose_format(accept, GRAPH_FORMATS, job.forced_format)
    return fmt.media_type, _triples_bytes(result, fmt, job.max_rows, job.prefixes)


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

    return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[fmt.name]


def _too_many(max_rows: int, what_vi: str, what_en: str) -> JobError:
    return JobError(413, f"Kết quả vượt quá {max_rows} {what_vi}; hãy thêm LIMIT "
                         f"(the result has more than {max_rows} {what_en}: add a LIMIT)")


def _rows(result, max_rows: int) -> list[dict[str, tuple]]:
    import pyoxigraph as ox

    if not isinstance(result, ox.QuerySolutions):
        raise JobError(400, "cần truy vấn SELECT (a SELECT query is needed here)")
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        if len(rows) >= max_rows:
            raise _too_many(max_rows, "dòng", "rows")
        rows.append({n: encode_term(solution[n]) for n in names if solution[n] is not None})
    return rows


def _solutions_bytes(result, fmt: Format, max_rows: int) -> bytes:
    """Rows are counted and bytes measured as the JSON is built, so a cap stops early;
    XML/CSV/TSV are then written by pyoxigraph from that JSON."""
    import pyoxigraph as ox

    names = [v.value for v in result.variables]
    bindings, size = [], 0
    for solution in result:
        if len(bindings) >= max_rows:
            raise _too_many(max_rows, "dòng", "rows")
        row = {n: _json_term(solution[n]) for n in names if solution[n] is not None}
        size += sum(len(t.get("value", "")) if isinstance(t.get("value"), str) else 64 for t in row.values())
        if size > MAX_RESULT_BYTES:
            raise JobError(413, f"Kết quả vượt quá {MAX_RESULT_BYTES // 2**20} MiB "
                                f"(the result is larger than {MAX_RESULT_BYTES // 2**20} MiB): add a LIMIT")
        bindings.append(row)
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")
    if fmt.name == "json":
        return body
    return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=_results_format(fmt))


def _triples_bytes(result, fmt: Format, max_rows: int, prefixes: dict[str, str] | None) -> bytes:
    import pyoxigraph as ox

    triples = []
    for triple in result:
        if len(triples) >= max_rows:
            raise _too_many(max_rows, "bộ ba", "triples")
        triples.append(triple)
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt.name]
    kwargs = {"prefixes": prefixes} if prefixes and fmt.name in ("turtle", "rdfxml", "jsonld") else {}
    body = ox.serialize(triples, format=rdf_format, **kwargs)
    if len(body) > MAX_RESULT_BYTES:
        raise JobError(413, f"Kết quả vượt quá {MAX_RESULT_BYTES // 2**20} MiB (result too large): add a LIMIT")
    return body


# ------------------------------------------------------------ the worker process

def _store_identity(path: str) -> tuple[int, int]:
    """Changes when `policy-graph build` swaps in a new store directory."""
    st = os.stat(path)
    return st.st_ino, st.st_dev


def worker_main(conn, store_path: str, writable: bool) -> None:
    """Serve jobs from ``conn`` until the parent closes it.  Ctrl-C goes to the parent,
    which ends its workers itself; a worker ignores SIGINT so it prints no traceback."""
    import pyoxigraph as ox

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    store, identity = None, None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None or (not writable and _store_identity(store_path) != identity):
                store = None
                identity = _store_identity(store_path)
                store = ox.Store(store_path) if writable else ox.Store.read_only(store_path)
            reply = ("ok", *run_job(store, job))
        except JobError as err:
            reply = ("error", err.status, err.message)
        except OSError as err:
            reply = ("error", 500, f"Lỗi kho dữ liệu (store error): {err}")
        except Exception as err:  # noqa: BLE001 — report to the client, keep the worker alive
            reply = ("error", 500, f"{type(err).__name__}: {err}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class QueryTimeout(Exception):
    pass


class PoolBusy(Exception):
    pass


class Worker:
    _ctx = mp.get_context("spawn")

    def __init__(self, store_path: str, writable: bool = False):
        self.conn, child = self._ctx.Pipe(duplex=True)
        self.process = self._ctx.Process(target=worker_main, args=(child, store_path, writable),
                                         name="policy-graph-sparql", daemon=True)
        self.process.start()
        child.close()

    async def call(self, job: Job, timeout_s: float) -> tuple:
        loop = asyncio.get_running_loop()
        self.conn.send(job)
        ready: asyncio.Future = loop.create_future()
        fd = self.conn.fileno()
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
        try:
            await asyncio.wait_for(ready, timeout_s)
        except asyncio.TimeoutError:
            raise QueryTimeout() from None
        finally:
            loop.remove_reader(fd)
        try:
            return self.conn.recv()
        except EOFError:
            return ("error", 500, "tiến trình truy vấn đã dừng (the query worker died)")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` read-only workers; a query waits at most ``timeout_s`` for a free worker and
    then at most ``timeout_s`` to finish, after which its worker is killed and replaced."""

    def __init__(self, store_path: str, size: int = 3, timeout_s: float = 5.0):
        if not Path(store_path).exists():
            raise FileNotFoundError(
                f"{store_path}: chưa có kho dữ liệu, hãy chạy `policy-graph build` trước "
                f"(no store here: run `policy-graph build` first)")
        self.store_path = store_path
        self.size = size
        self.timeout_s = timeout_s
        self.idle: asyncio.Queue[Worker] | None = None
        self.workers: set[Worker] = set()
        self.generation = 0
        self.killed = 0

    def start(self) -> None:
        self.idle = asyncio.Queue()
        for _ in range(self.size):
            self._spawn()

    def _spawn(self) -> None:
        worker = Worker(self.store_path)
        worker.generation = self.generation
        self.workers.add(worker)
        self.idle.put_nowait(worker)

    def _retire(self, worker: Worker) -> None:
        self.workers.discard(worker)
        worker.kill()

    async def run(self, job: Job) -> tuple:
        """('ok', content_type, body) or ('error', status, message); raises QueryTimeout / PoolBusy."""
        try:
            worker = await asyncio.wait_for(self.idle.get(), self.timeout_s)
        except asyncio.TimeoutError:
            raise PoolBusy() from None
        try:
            reply = await worker.call(job, self.timeout_s)
        except BaseException:
            # timed out, or the client went away mid-query: the worker may still be
            # evaluating, so it is killed (that is what stops the query) and replaced.
            self.killed += 1
            await asyncio.to_thread(self._retire, worker)
            self._spawn()
            raise
        if worker.generation != self.generation or not worker.process.is_alive():
            await asyncio.to_thread(self._retire, worker)
            self._spawn()
        else:
            self.idle.put_nowait(worker)
        return reply

    async def update(self, job: Job) -> tuple:
        """Run an update in a one-off writable worker, then renew the read-only workers."""
        writer = Worker(self.store_path, writable=True)
        try:
            reply = await writer.call(job, self.timeout_s * 4)
        finally:
            await asyncio.to_thread(writer.kill)
        self.generation += 1
        stale = []
        while not self.idle.empty():
            stale.append(self.idle.get_nowait())
        for worker in stale:  # busy ones are renewed when they come back (generation check)
            await asyncio.to_thread(self._retire, worker)
            self._spawn()
        return reply

    def close(self) -> None:
        for worker in list(self.workers):
            self._retire(worker)
