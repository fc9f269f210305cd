"""`policy-graph serve`: the SPARQL 1.1 Protocol endpoint, query UI and linked-data pages.

A thin Starlette layer: queries run in ``sparql.WorkerPool`` processes (time limit
that really stops a query, result caps), page contents come from ``pages``, HTML is
rendered by Jinja2 with autoescaping on, so document text never becomes markup.

Routes (besides the SPARQL Protocol: ``/sparql?graph=IRI`` and ``/sparql?default``, Graph Store
Protocol reads; ``/download`` the whole store as N-Quads or TriG; ``/.well-known/void`` VoID):
``/`` landing (search, browse, top resolutions) · ``/sparql-ui`` query UI (YASGUI +
query library) · ``/sparql`` protocol · the everyday pages of ``handlers`` (``/search?q=``,
``/documents``, ``/tree?doc=`` with ``&format=csv|xlsx``, ``/deadlines``, ``/compare?doc=``) · ``/api/chain?iri=&depth=`` · ``/api/queries`` · ``/api/queries/{name}?param=`` (bound) · ``/health`` ·
``/source/{sha16}?start=&end=`` source text with a span marked · ``/static/…`` ·
any other path: the graph IRI ``<base>/<path>`` (HTML or RDF by content negotiation).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import handlers, pages
from .auth import FailureBudget, same_secret
from .cache import ResultCache
from .dump import Dumps, DumpStream, accepts_gzip, dump_format
from .guard import JobError, precheck
from .hosts import AllowedHosts, refusal, refused_host
from .incident import reported
from .limits import (
    BACKLOG,
    BODY_LIMIT,
    HEADER_TIMEOUT_S,
    KEEP_ALIVE_S,
    MAX_CONNECTIONS,
    MAX_CONNECTIONS_PER_CLIENT,
    MAX_UNSENT_BYTES,
    SECURITY_HEADERS,
    Guarded,
    guarded_protocol,
    lift_deadline,
    open_files_room,
    plain_messages,
    quiet_accept_errors,
)
from .pagecache import KeptPages, PageCache, PageShape, etag_matches, reads_nothing
from .pool import PoolBusy, QueryTimeout, WorkerPool, WorkersNotStarting, current_client
from .protocol import (
    UTF8_NAMES,
    QueryFront,
    add_body_params,
    body_charset,
    form_params,
    not_starting_message,
    query_job,
    reply_media_type,
    worker_reply,
)
from .sparql import GRAPH_FORMATS, Format, Job, choose_format, generation_name, parse_accept

log = logging.getLogger("graph.server")
HERE = Path(__file__).resolve().parent
DEFAULT_BASE = "https://w3id.org/policy-graph"
HTML = "text/html"
HTML_FORMAT = Format("html", HTML, ("application/xhtml+xml",))
MAX_PARAM_CHARS = 200
# kept variants of one page (a path): one client's searches cannot push every other page out
MAX_PAGE_VARIANTS = 256


class Settings:
    def __init__(
        self,
        store_path: str,
        timeout_s: float,
        max_rows: int,
        allow_update: bool,
        update_token: str | None,
        base: str,
        raw_dir: str | None,
        query_dir: str | None,
        workers: int,
        worker_memory_mb: int = 2048,
        max_body: int = BODY_LIMIT,
        request_timeout_s: float | None = None,
        cache_mb: int = 64,
        public_url: str | None = None,
        allowed_hosts: tuple[str, ...] = (),
    ):
        if allow_update and not update_token:
            raise ValueError("--allow-update cần một token (needs a token): updates are never open to anyone")
        self.store_path = str(store_path)
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self.allow_update = allow_update
        self.update_token = update_token
        self.base = base.rstrip("/")
        self.raw_dir = Path(raw_dir) if raw_dir else _default_raw_dir(Path(store_path))
        self.query_dir = Path(query_dir) if query_dir else None
        self.workers = workers
        self.worker_memory_mb = worker_memory_mb
        self.max_body = max_body
        # a page runs several queries, each may wait for a worker and then run: one deadline for it all
        self.request_timeout_s = request_timeout_s or max(15.0, 4 * timeout_s)
        self.cache_mb = cache_mb
        self.public_url = _checked_public_url(public_url)
        # the names a request may be sent to (DNS rebinding: hosts.py), the public URL's among them
        self.allowed_hosts = AllowedHosts(allowed_hosts)
        if self.public_url:
            self.allowed_hosts.add(urlsplit(self.public_url).hostname or "")


def _checked_public_url(url: str | None) -> str | None:
    """``--public-url``: an http(s) origin the server is reached at (behind a proxy, the proxy's)."""
    if not url:
        return None
    url = url.rstrip("/")
    if not pages.safe_iri(url + "/"):
        raise ValueError(f"--public-url phải là URL http(s) (must be an http(s) URL): {url}")
    return url


def _default_raw_dir(store: Path) -> Path:
    """data/store → data/raw (the layout `make build` uses)."""
    beside = store.resolve().parent / "raw"
    return beside if beside.is_dir() else Path("data/raw")


# ------------------------------------------------------------ helpers


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=handlers.closed_bidi,
    )
    handlers.install_filters(env)
    return env


def _error(status: int, message: str) -> PlainTextResponse:
    """A refusal in plain text; a 406 says ``Vary: Accept`` (it answers that Accept header: a
    shared cache must not hand it to a client that accepts the type)."""
    headers = {"Vary": "Accept"} if status == 406 else None
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _reply_response(reply: tuple, etag: str | None = None, if_none_match: str | None = None) -> Response:
    """A worker's reply as the response; ``etag``: the validator of a kept answer, and a 304
    when the request's If-None-Match names it (``protocol.QueryFront`` answers alike)."""
    if reply[0] == "error":
        return _error(reply[1], reply[2])
    if etag is None:
        return Response(reply[2], media_type=reply_media_type(reply[1]), headers={"Vary": "Accept"})
    if etag_matches(if_none_match, etag):
        return Response(status_code=304, headers={"Vary": "Accept", "ETag": etag})
    headers = {"Vary": "Accept", "ETag": etag}
    return Response(reply[2], media_type=reply_media_type(reply[1]), headers=headers)


def _validated(
    cache: ResultCache | None, key: tuple | None, reply: tuple, request: Request | None
) -> Response:
    """``reply`` as the response to ``request``, with the ETag of its cache entry when it is
    kept (the same answer as long as the store does not change)."""
    if request is None or cache is None or key is None or key not in cache.entries:
        return _reply_response(reply)
    if_none_match = request.headers.get("if-none-match") if request.method in ("GET", "HEAD") else None
    return _reply_response(reply, cache.etag(key), if_none_match)


def _not_starting(err: WorkersNotStarting) -> Response:
    return _error(503, not_starting_message(err))


async def _run(
    pool: WorkerPool,
    job: Job,
    timeout_s: float,
    cache: ResultCache | None = None,
    request: Request | None = None,
) -> Response:
    """``job``'s answer from a worker; with ``cache``, from the cache when it holds it, and
    kept there when it may be reused; with ``request``, validated (ETag, 304)."""
    key = cache.key(job, pool.generation) if cache else None
    if cache:
        hit = cache.get(key)
        if hit is not None:
            return _validated(cache, key, hit, request)
    return await _run_uncached(pool, job, timeout_s, cache, key, request)


async def _run_uncached(
    pool: WorkerPool,
    job: Job,
    timeout_s: float,
    cache: ResultCache | None = None,
    key: tuple | None = None,
    request: Request | None = None,
) -> Response:
    reply = await worker_reply(pool, job, timeout_s)
    if cache:
        cache.put(key, job, reply)
    return _validated(cache, key, reply, request)


# ------------------------------------------------------------ SPARQL protocol


async def _read_body(request: Request, limit: int) -> bytes | Response:
    """The body, read in chunks and given up past ``limit`` bytes (the Content-Length
    header was already checked by ``limits.Guarded``; a chunked body is counted here)."""
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return _error(
                    413,
                    f"Nội dung yêu cầu quá {limit // 1024} KiB (the request body is larger than "
                    f"{limit // 1024} KiB)",
                )
            chunks.append(chunk)
    except ClientDisconnect:  # gone, or its body was refused by the HTTP parser: no one to answer
        return _error(400, "Kết nối đã đóng giữa chừng (the client went away while sending its body)")
    return b"".join(chunks)


async def _protocol_params(request: Request) -> dict[str, list[str]] | Response:
    """The protocol's parameters from the URL, a form body or a sparql-query/update body."""
    try:
        params = form_params(request.scope["query_string"].decode("latin-1"))
    except JobError as err:
        return _error(err.status, err.message)
    if request.method != "POST":
        return params
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in (
        "application/x-www-form-urlencoded",
        "application/sparql-query",
        "application/sparql-update",
    ):
        return _error(
            415,
            "POST cần application/x-www-form-urlencoded, application/sparql-query hoặc "
            "application/sparql-update (unsupported content type: " + (ctype or "none") + ")",
        )
    charset = body_charset(request.headers.get("content-type", ""))
    if charset not in UTF8_NAMES:
        return _error(
            415,
            f"Nội dung phải mã hóa UTF-8 (the SPARQL Protocol body must be UTF-8, not {charset})",
        )
    raw = await _read_body(request, request.app.state.settings.max_body)
    if isinstance(raw, Response):
        return raw
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return _error(
            400,
            f"Nội dung không phải UTF-8 ở byte {err.start} (the body is not UTF-8 at byte {err.start}: "
            "declare nothing else, the protocol is UTF-8 only)",
        )
    try:
        add_body_params(params, ctype, body)
    except JobError as err:
        return _error(err.status, err.message)
    return params


def _graph_params(params: dict[str, list[str]], name: str) -> list[str] | Response:
    values = params.get(name, [])
    bad = [v for v in values if not pages.safe_iri(v)]
    if bad:
        return _error(400, f"{name} phải là IRI tuyệt đối (must be an absolute IRI): {bad[0]}")
    return values


UPDATE_DATASET = ("using-graph-uri", "using-named-graph-uri")
QUERY_DATASET = ("default-graph-uri", "named-graph-uri")


def _misplaced_dataset(params: dict[str, list[str]], update: bool) -> Response | None:
    """A 400 for dataset parameters the request's operation cannot honour.  An update's
    ``using-graph-uri`` / ``using-named-graph-uri`` (SPARQL 1.1 Protocol §2.2.3) would change
    which triples its WHERE matches, hence what it deletes; Oxigraph's update API takes no
    dataset, so rather than run the update on another dataset than asked, it is refused (write
    USING / USING NAMED in the update itself).  A query's parameters on an update, or an
    update's on a query, would be ignored just as silently."""
    if update:
        given = [name for name in (*UPDATE_DATASET, *QUERY_DATASET) if name in params]
        if given:
            return _error(
                400,
                f"Không hỗ trợ tham số {given[0]} cho lệnh cập nhật; hãy viết USING / USING NAMED "
                f"trong lệnh (the {given[0]} parameter is not supported on an update: it would change "
                "what the update matches and deletes; write USING / USING NAMED in the update itself)",
            )
        return None
    given = [name for name in UPDATE_DATASET if name in params]
    if given:
        return _error(
            400,
            f"Tham số {given[0]} chỉ dành cho lệnh cập nhật (the {given[0]} parameter belongs to an "
            "update; a query names its dataset with default-graph-uri / named-graph-uri)",
        )
    return None


async def sparql_endpoint(request: Request) -> Response | DumpStream:
    settings: Settings = request.app.state.settings
    params = await _protocol_params(request)
    if isinstance(params, Response):
        return params
    queries, updates = params.get("query", []), params.get("update", [])
    reading = request.method in ("GET", "HEAD")  # HEAD: the same answer as GET, its body left out
    if reading and not queries and not updates and ("graph" in params or "default" in params):
        return await graph_store_get(request, settings, params)
    if len(queries) + len(updates) > 1:
        return _error(
            400, "chỉ một query hoặc một update mỗi yêu cầu (exactly one query or update per request)"
        )
    misplaced = _misplaced_dataset(params, bool(updates))
    if misplaced is not None:
        return _no_store(misplaced) if updates else misplaced
    if updates:
        if request.method != "POST":  # SPARQL 1.1 Protocol §2.2: an update is POSTed, never a GET
            return _no_store(
                _error(
                    405,
                    "Lệnh cập nhật phải gửi bằng POST (an update must be sent with POST, never GET: a "
                    "URL is logged, cached, prefetched and replayed)",
                ),
                allow="POST",
            )
        return _no_store(await _update(request, settings, updates[0]))
    if not queries:
        if reading:
            return service_description(request, settings)
        return _error(400, "thiếu tham số query (missing the query parameter)")
    query = queries[0]
    default_graphs = _graph_params(params, "default-graph-uri")
    named_graphs = _graph_params(params, "named-graph-uri")
    if isinstance(default_graphs, Response):
        return default_graphs
    if isinstance(named_graphs, Response):
        return named_graphs
    job = query_job(
        query,
        params,
        request.headers.get("accept"),
        pages.TURTLE_PREFIXES,
        settings.base + "/",
        default_graphs,
        named_graphs,
    )
    pool: WorkerPool = request.app.state.pool
    cache: ResultCache = request.app.state.results
    key = cache.key(job, pool.generation)
    hit = cache.get(key)
    if hit is not None:  # the same text passed the checks when it was answered
        return _validated(cache, key, hit, request)
    try:
        precheck(query)
    except JobError as err:
        return _error(err.status, err.message)
    return await _run_uncached(pool, job, settings.timeout_s, cache, key, request)


GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


async def graph_store_get(
    request: Request, settings: Settings, params: dict[str, list[str]]
) -> Response | DumpStream:
    """Graph Store Protocol, read only: ``GET /sparql?graph=IRI`` is that named graph (one per
    source file, see /.well-known/void: the triples that file alone states; those several files
    state are in ``<base>/graph/shared``), ``GET /sparql?default`` the default graph, the union of
    them all, every triple once; RDF in the negotiated format.  Writing (PUT, POST, DELETE) is not
    offered."""
    graphs = params.get("graph", [])
    if len(graphs) + ("default" in params) != 1:
        return _error(400, "cần đúng một graph=IRI hoặc default (exactly one of graph=IRI or default)")
    forced = next(iter(params.get("format", [])), None)
    if not graphs:  # every triple of the store: streamed as /download is (215 MB on the real corpus)
        fmt = choose_format(parse_accept(request.headers.get("accept")), GRAPH_FORMATS, forced)
        return await _streamed(request, fmt, "default")
    if not pages.safe_iri(graphs[0]):
        return _error(400, f"graph phải là IRI tuyệt đối (graph must be an absolute IRI): {graphs[0]}")
    job = Job(
        mode="protocol",
        query=GRAPH_TRIPLES,
        accept=parse_accept(request.headers.get("accept")),
        forced_format=forced,
        substitutions={"g": ("uri", graphs[0])},
        max_rows=None,
        prefixes=pages.TURTLE_PREFIXES,
        trusted=True,
        not_found=f"Không có đồ thị này (no such graph): {graphs[0]}",
    )
    return await _run(request.app.state.pool, job, settings.timeout_s, request.app.state.results, request)


async def download(request: Request) -> Response | DumpStream:
    """The whole store, one named graph per source file and the default graph: N-Quads (default)
    or TriG, gzip-encoded when the client accepts it, streamed from a dump process (``dump``)."""
    fmt = dump_format(request.headers.get("accept"), request.query_params.get("format"))
    extension = "trig" if fmt.name == "trig" else "nq"
    disposition = {"Content-Disposition": f'attachment; filename="policy-graph.{extension}"'}
    return await _streamed(request, fmt, "all", disposition)


async def _streamed(
    request: Request, fmt: Format, graph: str, extra_headers: dict[str, str] | None = None
) -> Response | DumpStream:
    """``graph`` ('all' or 'default') in ``fmt``, streamed from a dump process, gzip-encoded when
    the client accepts it; HEAD: the headers alone; a refusal (busy, a dump failing) as its status."""
    compress = accepts_gzip(request.headers.get("accept-encoding"))
    version = _store_version(request)
    # weak: one store version dumps the same triples, not always the same bytes (gzip's header)
    etag = 'W/"' + hashlib.sha256(repr((version, fmt.name, graph, compress)).encode()).hexdigest()[:32] + '"'
    vary = {"Vary": "Accept, Accept-Encoding"}
    if etag_matches(request.headers.get("if-none-match"), etag):  # the client has this version
        return Response(status_code=304, headers={**vary, "ETag": etag})
    headers = {
        "Content-Type": reply_media_type(fmt.media_type),
        **(extra_headers or {}),
        **vary,
        "ETag": etag,
        **({"Content-Encoding": "gzip"} if compress else {}),
    }
    if request.method == "HEAD":  # GET's headers: its length is not known before the dump ends
        head = Response(headers=headers)
        del head.headers["content-length"]
        return head
    dumps: Dumps = request.app.state.dumps
    # a plain dump is finite and bounds itself (first bytes within FIRST_BYTES_S, then stalls and
    # slow readers): starting its process can take past a short request deadline on a busy machine
    lift_deadline(request.scope)
    started = await dumps.start(current_client.get(), fmt, compress, graph)
    if isinstance(started, DumpStream):
        if (
            _store_version(request) != version
        ):  # swapped while the dump opened it: which one it read is unknown
            del headers["ETag"]
        started.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        return started
    refused = started
    response = _error(refused.status, refused.message)
    if refused.retry_after:
        response.headers["Retry-After"] = str(refused.retry_after)
    return response


def _store_version(request: Request) -> tuple[str, int]:
    """The store as it is now: its generation (a build swaps it) and the pool's update count."""
    return generation_name(request.app.state.settings.store_path), request.app.state.pool.generation


def _no_store(response: Response, allow: str | None = None) -> Response:
    """A response to a request that may carry the update token: never kept by a cache."""
    response.headers["Cache-Control"] = "no-store"
    if allow:
        response.headers["Allow"] = allow
    return response


async def _update(request: Request, settings: Settings, update: str) -> Response:
    if not settings.allow_update:
        return _error(
            403,
            "SPARQL Update bị tắt: máy chủ chỉ đọc (updates are disabled: the server is read-only; "
            "start it with --allow-update and a token)",
        )
    budget: FailureBudget = request.app.state.token_failures
    client = current_client.get()
    wait = budget.retry_after(client)
    if wait is not None:
        return PlainTextResponse(
            f"Quá nhiều lần thử token sai, hãy thử lại sau {wait} giây (too many wrong update tokens: "
            f"try again in {wait} s)\n",
            status_code=429,
            headers={"Retry-After": str(wait)},
        )
    presented = request.headers.get("authorization")
    scheme, _, token = (presented or "").partition(" ")
    if scheme.lower() != "bearer" or not same_secret(token.strip(), settings.update_token or ""):
        # Only a token presented is a guess.  Stop 19: an update with no Authorization at all was
        # counted too, and any web page can send one (a form POST, or fetch in no-cors mode, needs
        # no preflight): ten from the pages an office visits and its updater was locked out.
        if presented is not None:
            budget.failed(client)
        return Response(
            "Cần token hợp lệ (a valid bearer token is required)\n",
            status_code=401,
            media_type="text/plain; charset=utf-8",
            headers={"WWW-Authenticate": "Bearer"},
        )
    budget.succeeded(client)
    try:
        precheck(update, "lệnh cập nhật (update)")
    except JobError as err:
        return _error(err.status, err.message)
    try:
        return _reply_response(await request.app.state.pool.update(Job(mode="update", query=update)))
    except QueryTimeout:
        return _error(503, "Cập nhật quá lâu và đã bị dừng (the update ran too long and was stopped)")


def public_origin(request: Request) -> str:
    """Where the server says it can be reached, in the descriptions it gives of itself: the
    configured ``--public-url``, else the address it is bound to, never the request's Host header
    (which the client writes: a Host of its choice would be advertised as the endpoint, to whoever
    gets the answer from a shared cache too)."""
    configured = request.app.state.settings.public_url
    if configured:
        return configured
    host, port = request.scope.get("server") or ("127.0.0.1", 80)
    scheme = request.scope.get("scheme", "http")
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + ("" if port in (None, default_port) else f":{port}")


SD_TEMPLATE = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix formats: <http://www.w3.org/ns/formats/> .

<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query{update_lang} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
    formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
  sd:defaultDataset [ a sd:Dataset ;
    sd:defaultGraph [ a sd:Graph ; void:uriSpace "{base}/" ] ] .
"""


def service_description(request: Request, settings: Settings) -> Response:
    """The endpoint described in the SPARQL 1.1 Service Description vocabulary.  The default
    graph is the union of the named graphs (one per source file), each triple stored once in it
    at load; sd:BasicFederatedQuery is not offered because SERVICE is refused."""
    endpoint = public_origin(request) + "/sparql"
    text = SD_TEMPLATE.format(
        endpoint=endpoint,
        base=settings.base,
        update_lang=", sd:SPARQL11Update" if settings.allow_update else "",
    )
    return _rdf_text_response(request, text)


VOID_TEMPLATE = """@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{origin}/.well-known/void#policy-graph> a void:Dataset ;
  dcterms:title "policy-graph: văn bản chính sách và chuỗi triển khai"@vi ,
    "policy-graph: policy documents and their implementation chains"@en ;
  void:sparqlEndpoint <{origin}/sparql> ;
  void:dataDump <{origin}/download> ;
  void:uriSpace "{base}/" ;
  void:rootResource <{base}/eli> ;
  void:vocabulary <https://w3id.org/policy-graph/ontology#> , <http://data.europa.eu/eli/ontology#> ,
    <http://www.w3.org/ns/org#> , <http://www.w3.org/ns/oa#> , <http://www.w3.org/ns/prov#> ,
    <http://www.w3.org/2004/02/skos/core#> , <http://purl.org/dc/terms/> ;
  void:triples {triples} ;
  void:feature <http://www.w3.org/ns/formats/N-Quads> , <http://www.w3.org/ns/formats/TriG> ,
    <http://www.w3.org/ns/formats/Turtle> , <http://www.w3.org/ns/formats/JSON-LD> .
{subsets}"""
VOID_SUBSET = """<{origin}/.well-known/void#policy-graph> void:subset [ a void:Dataset ; sd:name <{graph}> ;
  void:triples {n} ; void:dataDump <{origin}/sparql?graph={quoted}> ] .
"""
SPARQL_JSON = "application/sparql-results+json"
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


async def void_description(request: Request) -> Response:
    """``/.well-known/void``: the dataset in the VoID vocabulary (RFC 5785 well-known place):
    endpoint, download, URI space, vocabularies, size, and each named graph as a subset."""
    settings: Settings = request.app.state.settings
    origin = public_origin(request)
    # counting every graph's triples is a scan of the store (0.5 s on the real corpus): asked
    # through the result cache, so it runs once per store generation, not once per request
    job = Job(mode="protocol", query=GRAPH_SIZES, accept=[(SPARQL_JSON, 1.0)], max_rows=None, trusted=True)
    counted = await _run(request.app.state.pool, job, settings.timeout_s, request.app.state.results)
    if counted.status_code != 200:
        return counted
    sizes = [(b["g"]["value"], int(b["n"]["value"])) for b in json.loads(counted.body)["results"]["bindings"]]
    subsets = "".join(
        VOID_SUBSET.format(origin=origin, graph=graph, n=n, quoted=quote(graph, safe=""))
        for graph, n in sizes
        if pages.safe_iri(graph)
    )
    total = sum(n for _, n in sizes)
    text = VOID_TEMPLATE.format(origin=origin, base=settings.base, triples=total, subsets=subsets)
    return _rdf_text_response(request, text)


def _rdf_text_response(request: Request, turtle: str) -> Response:
    """A description written in Turtle, answered in the format the client accepts."""
    fmt = choose_format(
        parse_accept(request.headers.get("accept")), GRAPH_FORMATS, request.query_params.get("format")
    )  # (``_void_shape`` reads the same)
    if fmt.name == "turtle":
        return Response(turtle, media_type="text/turtle; charset=utf-8", headers={"Vary": "Accept"})
    import pyoxigraph as ox

    from .sparql import _triples_bytes

    triples = [q.triple for q in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)]
    return Response(
        _triples_bytes(iter(triples), fmt, None, pages.TURTLE_PREFIXES),
        media_type=fmt.media_type,
        headers={"Vary": "Accept"},
    )


# ------------------------------------------------------------ pages

_render = handlers.render


def _query_library(settings: Settings) -> list[dict]:
    from ..queries import QUERY_DIR

    try:
        return pages.load_query_library(settings.query_dir or QUERY_DIR)
    except OSError as err:
        log.warning("queries/ could not be read: %s", err)
        return []


async def index(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    return await _render(request, "index.html", queries=_query_library(settings), base=settings.base)


async def query_library(request: Request) -> Response:
    return JSONResponse(_query_library(request.app.state.settings))


async def bound_query(request: Request) -> Response:
    """``/api/queries/{name}?doc=29-NQ/TW``: the library query with its parameters bound
    (symbols and agency names resolved as the CLI does), for the UI to show and run."""
    settings: Settings = request.app.state.settings
    name = request.path_params["name"]
    values = {key: value for key, value in request.query_params.items() if value.strip()}
    too_long = next((key for key, value in values.items() if len(value) > MAX_PARAM_CHARS), None)
    if too_long:
        return JSONResponse(
            {
                "error": f"tham số '{too_long}' dài quá {MAX_PARAM_CHARS} ký tự "
                f"(parameter longer than {MAX_PARAM_CHARS} characters)"
            },
            status_code=400,
        )
    job = Job(
        mode="bind",
        query=name,
        values=values,
        query_dir=str(settings.query_dir) if settings.query_dir else None,
    )
    reply = await request.app.state.pool.run(job)
    if reply[0] == "error":
        return JSONResponse({"error": reply[2]}, status_code=reply[1])
    return JSONResponse({"name": name, "values": values, "query": reply[2].decode()})


async def chain_api(request: Request) -> Response:
    iri = request.query_params.get("iri", "")
    if not pages.safe_iri(iri):
        return JSONResponse(
            {"error": "iri phải là IRI tuyệt đối (iri must be an absolute IRI)"}, status_code=400
        )
    depth = _chain_depth(request.query_params.get("depth", "1"))
    if depth is None:
        return JSONResponse({"error": "depth phải là số 1–3 (depth must be 1–3)"}, status_code=400)
    return JSONResponse(await pages.implementation_chain(request.app.state.site, iri, depth))


COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


class StoreSize:
    """The store's quad count for /health, refreshed in the background at most once a
    minute: /health itself never waits for a query worker, so it answers at once however
    busy the workers are."""

    MAX_AGE_S = 60.0

    def __init__(self):
        self.quads: int | None = None
        self.error: str | None = None
        self.counted_at = float("-inf")
        self.task: asyncio.Task | None = None

    def refresh(self, site: pages.Site) -> asyncio.Task | None:
        fresh = self.quads is not None and time.monotonic() - self.counted_at < self.MAX_AGE_S
        if not fresh and (self.task is None or self.task.done()):
            self.task = asyncio.get_running_loop().create_task(self._count(site))
        return self.task

    async def _count(self, site: pages.Site) -> None:
        token = current_client.set("health")
        try:
            rows = await site.rows(COUNT_QUADS)
            self.quads, self.error = int(rows[0]["n"].value), None
        except (QueryTimeout, PoolBusy, JobError) as err:  # counted again at the next /health
            # a JobError's message is the client's to see; a refusal's text may name the store
            self.error = err.message if isinstance(err, JobError) else type(err).__name__
        finally:
            current_client.reset(token)
            self.counted_at = time.monotonic()  # at most one count a minute, answered or not


async def health(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    pool: WorkerPool = request.app.state.pool
    size: StoreSize = request.app.state.store_size
    size.refresh(request.app.state.site)
    # ok once the store was counted and while workers are up; a later count that could not get
    # a worker in time (a busy server) leaves the last count standing, marked as such
    body = {  # never the store's folder: where the server keeps its files is no client's business
        "ok": size.quads is not None and pool.ready_workers > 0,
        "timeout_s": settings.timeout_s,
        "quads": size.quads,
        **pool.stats(),
        "cache": request.app.state.results.summary(),
        "pages": request.app.state.pages.summary(),
    }
    if size.error:
        body["error" if size.quads is None else "last_count_failed"] = size.error
    return JSONResponse(body, status_code=200 if body["ok"] else 503)


DESCRIBE = """CONSTRUCT { ?node ?p ?o . ?s ?q ?node } WHERE {
  { ?node ?p ?o } UNION { SELECT ?node ?s ?q WHERE { ?s ?q ?node } LIMIT 1000 } }"""


def _page_format(request: Request):
    """HTML for browsers; Turtle, JSON-LD, N-Triples or RDF/XML for RDF clients (``?format=`` overrides)."""
    return page_format(request.headers.get("accept"), request.query_params.get("format"))


def page_format(accept: str | None, forced: str | None) -> Format | None:
    """A node page's format (None: HTML); JobError 406 when the client accepts none."""
    from .sparql import FORMAT_PARAM_NAMES

    if forced:
        name = FORMAT_PARAM_NAMES.get(forced)
        return next((f for f in GRAPH_FORMATS if f.name == name), None)
    chosen = choose_format(parse_accept(accept), (HTML_FORMAT, *GRAPH_FORMATS))
    return None if chosen is HTML_FORMAT else chosen


def _negotiated(choose) -> str:
    """The name of the format ``choose()`` picks, 'html' for None, '406' when it refuses."""
    try:
        fmt = choose()
    except JobError as err:
        return str(err.status)
    return fmt.name if fmt is not None else "html"


def _node_shape(params, accept: str | None) -> str:
    """A node's page reads nothing but its format (``page_format``)."""
    return _negotiated(lambda: page_format(accept, params.get("format")))


def _void_shape(params, accept: str | None) -> str:
    return _negotiated(lambda: choose_format(parse_accept(accept), GRAPH_FORMATS, params.get("format")))


def _chain_shape(params, accept: str | None) -> tuple:
    return params.get("iri", ""), _chain_depth(params.get("depth", "1"))


def _chain_depth(text: str) -> int | None:
    """1–3 (``depth=07`` is 3), None when not a number."""
    try:
        return max(1, min(3, int(text)))
    except ValueError:
        return None


PAGE_SHAPES: dict[str, PageShape] = {
    **handlers.PAGE_SHAPES,
    "/sparql-ui": reads_nothing,
    "/api/queries": reads_nothing,
    "/api/chain": _chain_shape,
    "/.well-known/void": _void_shape,
    "/favicon.ico": reads_nothing,
}


def page_shape(path: str) -> PageShape | None:
    """What the page at ``path`` reads of a request (``pagecache.PageShape``); None: a bound
    library query, whose every parameter is its own (an unknown one is refused)."""
    shape = PAGE_SHAPES.get(path)
    if shape is not None:
        return shape
    if path.startswith("/api/queries/"):
        return None
    return _node_shape  # the routes' catch-all: a node of the graph (``resource``)


async def _rdf_description(request: Request, iri: str, fmt) -> Response:
    settings: Settings = request.app.state.settings
    job = Job(
        mode="protocol",
        query=DESCRIBE,
        accept=[(fmt.media_type, 1.0)],
        substitutions={"node": ("uri", iri)},
        max_rows=settings.max_rows,
        prefixes=pages.TURTLE_PREFIXES,
        trusted=True,
        not_found=f"Không có nút này trong đồ thị (no such node in the graph): {iri}",
    )
    response = await _run(request.app.state.pool, job, settings.timeout_s, request.app.state.results, request)
    # its 404 too: the same URL answers a browser an HTML page (a shared cache keeps 404s)
    response.headers.setdefault("Vary", "Accept")
    return response


async def resource(request: Request) -> Response:
    """Any IRI under the base, answered at its own path."""
    site: pages.Site = request.app.state.site
    iri = site.iri_for_path(request.url.path)
    if not pages.safe_iri(iri):
        return _error(400, "đường dẫn không hợp lệ (not a valid IRI path)")
    state = await pages.node_state(site, iri)
    if state.moved_to and _local_path(site, state.moved_to):
        target = site.href(state.moved_to) + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(target, status_code=301)
    fmt = _page_format(request)
    if fmt is not None:
        return await _rdf_description(request, iri, fmt)
    view = await pages.node_view(site, iri) if state.known else None
    if view is None:
        return await _render(request, "notfound.html", status=404, iri=iri)
    context: dict[str, Any] = dict(node=view, rdf_links=_rdf_links(request.url.path))
    if view.kind == "document":
        context.update(
            tasks=await pages.document_tasks(site, iri),
            **await pages.document_parts(site, iri),
            extra=await handlers.view_data(request, "document", {"iri": iri}),
        )
        return _with_alternates(await _render(request, "document.html", **context), request.url.path)
    if view.kind == "agency":
        context.update(
            await pages.agency_parts(site, iri),
            extra=await handlers.view_data(request, "agency", {"iri": iri}),
        )
        return _with_alternates(await _render(request, "agency.html", **context), request.url.path)
    if pages.PG + "Task" in view.types:
        context.update(task=await handlers.view_data(request, "task", {"iri": iri}))
        return _with_alternates(await _render(request, "task.html", **context), request.url.path)
    return _with_alternates(await _render(request, "node.html", **context), request.url.path)


def _local_path(site: pages.Site, iri: str) -> bool:
    """Whether ``iri`` is one of this server's own pages: under the base, and not a path a browser
    reads as another host (``//evil.example``, ``/\\evil.example``).  A redirect goes only there:
    the graph (an update may store any IRI) never makes the server an open redirect."""
    path = site.href(iri)
    return iri.startswith(site.base + "/") and path.startswith("/") and path[1:2] not in ("/", "\\")


RDF_ALTERNATES = (
    ("turtle", "text/turtle"),
    ("jsonld", "application/ld+json"),
    ("nt", "application/n-triples"),
)


def _rdf_links(path: str) -> list[tuple[str, str]]:
    return [(name, f"{quote(path)}?format={name}") for name, _ in RDF_ALTERNATES]


def _with_alternates(response: Response, path: str) -> Response:
    """``Link: <…?format=turtle>; rel="alternate"; type="text/turtle"``, … on a page: the same
    node's RDF, for clients that read headers rather than HTML."""
    response.headers["Link"] = ", ".join(
        f'<{quote(path)}?format={name}>; rel="alternate"; type="{media}"' for name, media in RDF_ALTERNATES
    )
    return response


async def source(request: Request) -> Response:
    """The source file's text with the span ``start``–``end`` marked (or its RDF)."""
    site: pages.Site = request.app.state.site
    iri = site.iri_for_path(request.url.path)
    fmt = _page_format(request)
    if fmt is not None:
        return await _rdf_description(request, iri, fmt)
    try:
        start = int(request.query_params["start"]) if "start" in request.query_params else None
        end = int(request.query_params["end"]) if "end" in request.query_params else None
    except ValueError:
        return _error(400, "start/end phải là số (start and end must be integers)")
    span = {k: str(v) for k, v in (("start", start), ("end", end)) if v is not None}
    raw_dir = {"raw_dir": str(site.raw_dir)} if site.raw_dir else None
    view = await handlers.view_data(request, "source", {"iri": iri, **span}, raw_dir)
    if view is None:
        return await _render(request, "notfound.html", status=404, iri=iri)
    page = await _render(
        request,
        "source.html",
        source=view,
        iri=iri,
        start=start,
        end=end,
        rdf_links=_rdf_links(request.url.path),
    )
    return _with_alternates(page, request.url.path)


async def internal_error(request: Request, exc: Exception) -> Response:
    """An exception nothing else handled: its text and traceback to the log under a request id,
    the id alone to the client (Starlette re-raises it after this answer, for the server's log)."""
    message = reported(
        f"{request.method} {request.url.path!r}: {type(exc).__name__}: {exc!r}",  # repr: no line breaks
        "Lỗi nội bộ của máy chủ",
        "internal server error",
    )
    response = _error(500, message)
    response.headers.update(SECURITY_HEADERS)  # answered outside Guarded, which adds them elsewhere
    return response


async def graph_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, QueryTimeout):
        return _error(503, "Trang cần truy vấn quá lâu (the page's queries ran past the time limit)")
    if isinstance(exc, WorkersNotStarting):
        return _not_starting(exc)
    if isinstance(exc, PoolBusy):
        return _error(503, "Máy chủ đang bận, hãy thử lại (all query workers are busy: try again)")
    return _error(getattr(exc, "status", 500), getattr(exc, "message", str(exc)))


# ------------------------------------------------------------ app

CORS_ORIGINS = ("*",)  # any page may query the endpoint (credentials are never sent cross-origin)
# and read its answers, but not send the update token: with Authorization allowed, any page's
# visitors' browsers could be made to guess it (each visitor one more client for the budget)
CORS_HEADERS = ["Accept", "Content-Type"]


class PolicyGraphApp(Starlette):
    """Starlette, with plain SPARQL queries answered before its middleware and routing
    (``protocol.QueryFront``: the same bytes and headers for 60 % of the CPU of a cached
    answer); ``front`` None sends every request the full way."""

    front: QueryFront | None = None
    hosts: AllowedHosts | None = None  # the names answered for (hosts.py); None: any

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and self.hosts is not None:
            host = refused_host(self.hosts, scope["headers"])
            if host is not None:  # DNS rebinding: before anything
                for message in plain_messages(421, refusal(host)):
                    await send(message)
                return
        if self.front is not None and scope["type"] == "http" and scope["path"] == "/sparql":
            answered = await self.front.answer(scope, receive, send)
            if answered is True:
                return
            receive = answered
        await super().__call__(scope, receive, send)


def create_app(
    store_path: str,
    timeout_s: float = 5.0,
    max_rows: int = 10000,
    allow_update: bool = False,
    update_token: str | None = None,
    base: str = DEFAULT_BASE,
    raw_dir: str | None = None,
    query_dir: str | None = None,
    workers: int = 3,
    worker_memory_mb: int = 2048,
    max_body: int = BODY_LIMIT,
    request_timeout_s: float | None = None,
    cache_mb: int = 64,
    public_url: str | None = None,
    allowed_hosts: tuple[str, ...] = (),
) -> PolicyGraphApp:
    """The ASGI app; worker processes start and stop with the app's lifespan."""
    settings = Settings(
        store_path,
        timeout_s,
        max_rows,
        allow_update,
        update_token,
        base,
        raw_dir,
        query_dir,
        workers,
        worker_memory_mb,
        max_body,
        request_timeout_s,
        cache_mb,
        public_url,
        allowed_hosts,
    )
    pool = WorkerPool(settings.store_path, size=workers, timeout_s=timeout_s, memory_mb=worker_memory_mb)
    store_size = StoreSize()
    # pages of one store version, as much memory as the answers' cache (0: neither is kept)
    kept_pages = KeptPages(
        lambda: (generation_name(settings.store_path), pool.generation),
        cache_mb * 2**20,
        max_variants=MAX_PAGE_VARIANTS,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        loop = asyncio.get_running_loop()
        if loop.get_debug():  # PYTHONASYNCIODEBUG=1: log event-loop steps slower than this
            loop.slow_callback_duration = float(os.environ.get("PG_SLOW_CALLBACK_MS", "100")) / 1000
        pool.start()
        store_size.refresh(app.state.site)
        log.info(
            "policy-graph serve: %d query workers on %s (time limit %g s, %d MiB each)",
            workers,
            store_path,
            timeout_s,
            worker_memory_mb,
        )
        try:
            yield
        finally:
            await app.state.dumps.close()
            pool.close()
            log.info("policy-graph serve: query workers stopped")

    routes = [
        Route("/", handlers.landing),
        Route("/sparql-ui", index),
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"]),
        Route("/search", handlers.search),
        Route("/documents", handlers.documents),
        Route("/tree", handlers.tree),
        Route("/deadlines", handlers.deadlines),
        Route("/compare", handlers.compare),
        Route("/api/chain", chain_api),
        Route("/api/queries", query_library),
        Route("/api/labels", handlers.labels),
        Route("/api/queries/{name:str}", bound_query),
        Route("/health", health),
        Route("/.well-known/void", void_description),
        Route("/download", download),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/source/{sha:str}", source),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Route("/{path:path}", resource),
    ]
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=list(CORS_ORIGINS),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=CORS_HEADERS,
            max_age=3600,
        ),
        Middleware(Guarded, deadline_s=settings.request_timeout_s, max_body=max_body),
        Middleware(PageCache, kept=kept_pages, shapes=page_shape),
    ]
    app = PolicyGraphApp(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            QueryTimeout: graph_error,
            PoolBusy: graph_error,
            JobError: graph_error,
            Exception: internal_error,
        },
    )
    app.state.settings = settings
    app.hosts = settings.allowed_hosts
    app.state.pool = pool
    app.state.store_size = store_size
    app.state.pages = kept_pages
    app.state.token_failures = FailureBudget()
    app.state.dumps = Dumps(settings.store_path, pool.memory_bytes)
    app.state.results = ResultCache(settings.store_path, max_bytes=cache_mb * 2**20)
    app.front = QueryFront(
        pool,
        app.state.results,
        pages.TURTLE_PREFIXES,
        settings.base + "/",
        max_body,
        settings.request_timeout_s,
        settings.timeout_s,
        cors_origin=CORS_ORIGINS[0],
    )
    app.state.templates = _templates()
    app.state.site = pages.Site(pool, settings.base, settings.raw_dir, max_rows)
    return app


def server_config(
    app: Starlette,
    host: str,
    port: int,
    max_connections: int = MAX_CONNECTIONS,
    header_timeout_s: float = HEADER_TIMEOUT_S,
    trusted_proxies: tuple[str, ...] = (),
    max_unsent_bytes: int = MAX_UNSENT_BYTES,
    max_per_client: int = MAX_CONNECTIONS_PER_CLIENT,
    **uvicorn_options,
):
    """uvicorn's settings for the app (uvloop, httptools): idle connections closed after
    KEEP_ALIVE_S, a request head due within ``header_timeout_s`` and at most MAX_HEADER_BYTES,
    at most ``max_connections`` open connections (``max_per_client`` of them from one client
    network, a trusted proxy's aside), at most ``max_unsent_bytes`` of answers waiting
    for clients that do not read them (``limits.Unsent``).

    A client is who connects (the peer address): that is whom fair turns are counted for.
    ``X-Forwarded-For`` is believed only from ``trusted_proxies`` (addresses or networks of the
    reverse proxy the server sits behind; uvicorn's proxy-headers middleware takes the nearest
    address not among them).  Without the option it is ignored: uvicorn would otherwise believe
    it from any loopback peer, and a local client could pose as many to get more turns."""
    import uvicorn

    connections = open_files_room(max_connections)
    quiet_accept_errors()
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded_protocol(
            connections,
            header_timeout_s,
            max_unsent_bytes=max_unsent_bytes,
            max_body=_max_body(app),
            max_per_client=max_per_client,
            trusted_proxies=trusted_proxies,
        ),
        timeout_keep_alive=KEEP_ALIVE_S,
        limit_concurrency=connections,
        backlog=BACKLOG,
        loop="uvloop",  # libuv's event loop: fewer Python steps per request than asyncio's
        ws="none",  # no WebSocket route: an Upgrade request is answered as plain HTTP
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies),
        **uvicorn_options,
    )


def _max_body(app) -> int:
    """The app's body limit (``create_app``'s ``max_body``), which the protocol bounds a
    request's wire bytes by; the default for an app made otherwise (a test's)."""
    settings = getattr(getattr(app, "state", None), "settings", None)
    return settings.max_body if settings is not None else BODY_LIMIT


def run_server(
    store_path: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout_s: float = 5.0,
    max_rows: int = 10000,
    allow_update: bool = False,
    update_token: str | None = None,
    base: str = DEFAULT_BASE,
    raw_dir: str | None = None,
    workers: int = 3,
    worker_memory_mb: int = 2048,
    max_body: int = BODY_LIMIT,
    max_connections: int = MAX_CONNECTIONS,
    trusted_proxies: tuple[str, ...] = (),
    cache_mb: int = 64,
    public_url: str | None = None,
    allowed_hosts: tuple[str, ...] = (),
) -> None:
    """Serve until Ctrl-C; uvicorn's access log records every request."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    app = create_app(
        store_path,
        timeout_s=timeout_s,
        max_rows=max_rows,
        allow_update=allow_update,
        update_token=update_token,
        base=base,
        raw_dir=raw_dir,
        workers=workers,
        worker_memory_mb=worker_memory_mb,
        max_body=max_body,
        cache_mb=cache_mb,
        public_url=public_url,
        allowed_hosts=(*allowed_hosts, host),  # the name it is bound to (an address needs none)
    )
    print(
        f"policy-graph: http://{host}:{port}/  (SPARQL: http://{host}:{port}/sparql) — Ctrl-C để dừng (to stop)"
    )
    config = server_config(
        app,
        host,
        port,
        max_connections,
        trusted_proxies=trusted_proxies,
        access_log=True,
        log_level="info",
        timeout_graceful_shutdown=3,
    )
    uvicorn.Server(config).run()


__all__ = ["create_app", "run_server", "server_config"]
