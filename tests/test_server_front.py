"""The shortcut for plain SPARQL queries (server/protocol.py ``QueryFront``) and the batched
access log (server/accesslog.py): the same bytes as the full path, only cheaper.

Every request here is sent to two servers on the same store, one with the shortcut and one
without it (``app.front = None``), twice each (the first is run by a worker and fills the
cache, the second is answered from it); the answers must be equal in status, body and every
header but Date, in order."""

from __future__ import annotations

import copy
import io
import logging
import logging.config
import os
import shutil
import socket
import time

import httpx
import pyoxigraph as ox
import pytest
from uvicorn.config import LOGGING_CONFIG

from graph.server import accesslog, create_app
from graph.store import settle
from server_support import RAW_DIR, build_fixture_store, serving

TITLES = "SELECT ?d ?t WHERE { ?d <http://data.europa.eu/eli/ontology#title> ?t } ORDER BY ?d ?t LIMIT 5"
CONSTRUCT = (
    "CONSTRUCT { ?d <http://data.europa.eu/eli/ontology#title> ?t } "
    "WHERE { ?d <http://data.europa.eu/eli/ontology#title> ?t }"
)
VIETNAMESE = 'SELECT ?d ?t WHERE { ?d <http://data.europa.eu/eli/ontology#title> ?t FILTER(CONTAINS(?t, "hành động")) }'
JSON = {"Accept": "application/sparql-results+json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SPARQL_BODY = {"Content-Type": "application/sparql-query; charset=UTF-8"}

# (method, params, headers, body): what the shortcut answers once the cache holds it
ANSWERED = [
    ("GET", {"query": TITLES}, JSON, None),
    ("GET", {"query": TITLES}, {"Accept": "text/csv"}, None),
    ("GET", {"query": TITLES}, {"Accept": "text/tab-separated-values;q=0.9, */*;q=0.1"}, None),
    ("GET", {"query": TITLES, "format": "xml"}, {}, None),
    ("GET", {"query": TITLES, "output": "json"}, {"Accept": "text/csv"}, None),
    ("GET", {"query": CONSTRUCT}, {"Accept": "text/turtle"}, None),
    ("GET", {"query": CONSTRUCT}, {}, None),
    ("GET", {"query": VIETNAMESE}, {**JSON, "Origin": "https://example.org"}, None),
    ("POST", None, {**JSON, **FORM}, str(httpx.QueryParams({"query": TITLES}))),
    ("POST", None, {**JSON, **FORM}, str(httpx.QueryParams({"query": VIETNAMESE, "format": "csv"}))),
    ("POST", None, {**JSON, **SPARQL_BODY}, TITLES),
    ("POST", None, {**JSON, **SPARQL_BODY, "Origin": "https://example.org"}, VIETNAMESE),
    ("GET", {"query": TITLES}, {**JSON, "If-None-Match": "*"}, None),  # kept: a 304 (stop 15)
]

# what it leaves to the full path, cached or not
PASSED_ON = [
    ("GET", {"query": TITLES, "default-graph-uri": "https://w3id.org/policy-graph/x"}, JSON, None),
    ("GET", {"query": [TITLES, TITLES]}, JSON, None),
    ("GET", {"query": TITLES, "update": "CLEAR ALL"}, JSON, None),
    ("HEAD", {"query": TITLES}, JSON, None),
    ("GET", {"query": TITLES}, [("Accept", "text/csv"), ("Accept", "application/sparql-results+json")], None),
    ("POST", {"query": TITLES}, {**JSON, **FORM}, "format=csv"),
    ("POST", None, {**JSON, "Content-Type": "application/sparql-query; charset=latin-1"}, TITLES),
    ("POST", None, {**JSON, "Content-Type": "text/plain"}, TITLES),
    ("POST", None, {**JSON, **SPARQL_BODY}, b"SELECT * WHERE { ?s ?p '\xff' }"),
    ("POST", None, {**JSON, **FORM}, "query=" + "x" * 3000),  # past max_body (2 KiB here)
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("front") / "store")


def _app(store_path, front: bool, **options):
    app = create_app(str(store_path), raw_dir=str(RAW_DIR), workers=1, max_body=2048, **options)
    if not front:
        app.front = None
    return app


def _send(url: str, method: str, params, headers, body) -> httpx.Response:
    with httpx.Client(timeout=30) as client:
        request = client.build_request(method, url + "/sparql", params=params, headers=headers, content=body)
        return client.send(request)


def _seen(response: httpx.Response) -> tuple:
    headers = [(k, v) for k, v in response.headers.raw if k.lower() != b"date"]
    return response.status_code, headers, response.content


def _answers(store_path, front: bool, requests: list) -> tuple[list[tuple], tuple[int, int, int]]:
    """The two answers to each request; how many the shortcut gave from the cache, how many
    it ran, and the cache's entries."""
    app = _app(store_path, front)
    with serving(app) as url:
        seen = [(_seen(_send(url, *request)), _seen(_send(url, *request))) for request in requests]
        counts = (app.front.answered, app.front.run) if app.front else (0, 0)
        return seen, (*counts, len(app.state.results.entries))


def test_a_plain_query_is_answered_with_the_full_paths_bytes_and_headers(store):
    full, _ = _answers(store, False, ANSWERED)
    fast, (answered, run, entries) = _answers(store, True, ANSWERED)
    assert [(first[0], again[0]) for first, again in full] == [(200, 200)] * 12 + [(304, 304)]
    assert fast == full
    # the POSTs ask what three GETs asked, and 'output=json' with Accept text/csv what the first
    # GET asked (the same JSON: an answer is keyed by the formats its request negotiates)
    assert entries == run == 8
    assert answered == 2 * len(ANSWERED) - run
    cors = [
        dict((k.lower(), v) for k, v in headers).get(b"access-control-allow-origin")
        for (_, headers, _), _ in fast
    ]
    assert cors == [None] * 7 + [b"*"] + [None] * 3 + [b"*", None]
    assert "Chương trình hành động".encode() in fast[9][0][2]  # the Vietnamese FILTER matched, as CSV
    etags = [dict(headers).get(b"etag") for (_, headers, _), _ in fast]
    assert all(etags) and etags[0] == etags[-1] == etags[4] and len(set(etags)) == 8  # one per kept answer
    assert fast[-1][0][0] == fast[-1][1][0] == 304 and fast[-1][0][2] == b""


def test_a_get_seen_before_is_answered_by_its_query_string_with_the_same_bytes(store):
    """A plain GET seen before is found by its query string and Accept header alone
    (``QueryFront.parts``), three times over, in the bytes the full path gives."""
    gets = [request for request in ANSWERED if request[0] == "GET"]

    def thrice(front: bool) -> tuple[list, int]:
        app = _app(store, front)
        with serving(app) as url:
            seen = [[_seen(_send(url, *request)) for _ in range(3)] for request in gets]
            return seen, len(app.front.parts) if app.front else 0

    full, _ = thrice(False)
    fast, remembered = thrice(True)
    assert fast == full
    assert remembered == len(gets) - 1 == 8  # the If-None-Match GET has the first one's query and Accept


REFUSED = [
    ("GET", {"query": "SELECT * WHERE " + "{" * 70 + "}" * 70}, JSON, None),  # precheck: too deep
    ("GET", {"query": "SELECT * WHERE { ?s ?p }"}, JSON, None),  # syntax error (Oxigraph's)
    ("GET", {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, JSON, None),
    ("GET", {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, {"Origin": "https://example.org"}, None),
    ("GET", {"query": TITLES}, {"Accept": "image/png"}, None),  # nothing acceptable: 406
    ("POST", None, {**JSON, **SPARQL_BODY, "Origin": "https://example.org"}, "ASK { ?s ?p }"),
]


def test_a_refused_query_is_refused_with_the_full_paths_bytes_and_headers(store):
    full, _ = _answers(store, False, REFUSED)
    fast, (answered, run, entries) = _answers(store, True, REFUSED)
    assert [(first[0], again[0]) for first, again in full] == [
        (400, 400),
        (400, 400),
        (403, 403),
        (403, 403),
        (406, 406),
        (400, 400),
    ]
    assert fast == full
    assert (answered, run, entries) == (0, 2 * len(REFUSED), 0)
    assert "lồng nhau".encode() in fast[0][0][2]  # precheck's reason, before any worker
    assert fast[3][0][1][-2:] == [(b"access-control-allow-origin", b"*"), (b"vary", b"Origin")]


def test_requests_the_shortcut_does_not_take_get_the_full_paths_answer(store):
    full, _ = _answers(store, False, PASSED_ON)
    fast, (answered, run, entries) = _answers(store, True, PASSED_ON)
    assert fast == full
    assert (answered, run) == (0, 0) and entries > 0  # cached, and answered by the full path
    assert [again[0] for _, again in full] == [200, 400, 400, 200, 200, 200, 415, 415, 400, 413]
    # a chunked body is read by the full path (the shortcut needs a declared length)
    for front in (False, True):
        app = _app(store, front)
        with serving(app) as url:
            answers = [
                _send(
                    url,
                    "POST",
                    None,
                    {**JSON, **SPARQL_BODY},
                    iter([TITLES[:20].encode(), TITLES[20:].encode()]),
                )
                for _ in "ab"
            ]
        assert [a.status_code for a in answers] == [200, 200]
        assert answers[0].content == answers[1].content
        assert ((app.front.answered, app.front.run) if app.front else (0, 0)) == (0, 0)


def _never_ending_body(url: str) -> tuple[bytes, float]:
    """The server's whole reply to a POST whose body stops short, and how long the first byte took."""
    with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), 10) as sock:
        began = time.monotonic()
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
            b"Origin: https://example.org\r\nContent-Length: 200\r\n\r\nSELECT * WHERE {"
        )
        sock.settimeout(10)
        reply = sock.recv(200)
        waited = time.monotonic() - began
        while chunk := sock.recv(1000):  # the server closes after the 503
            reply += chunk
    return b"\r\n".join(line for line in reply.split(b"\r\n") if not line.startswith(b"date: ")), waited


def test_a_query_body_that_never_ends_gets_the_requests_one_deadline(store):
    """The shortcut reads a POST's body under the request's deadline and answers its end as
    Guarded does."""
    replies = []
    for front in (False, True):
        app = _app(store, front, request_timeout_s=1.5)
        with serving(app) as url:
            reply, waited = _never_ending_body(url)
            after = _send(url, "GET", {"query": TITLES}, JSON, None)
        replies.append(reply)
        assert reply.startswith(b"HTTP/1.1 503") and b"ran past its 1.5 s deadline" in reply
        assert waited < 2.9  # the 1.5 s deadline, not two of them
        assert after.status_code == 200
    assert replies[0] == replies[1]
    assert b"access-control-allow-origin: *\r\nvary: Origin\r\n" in replies[1]


def _count(url: str) -> str:
    answer = _send(url, "GET", {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}, JSON, None)
    return answer.json()["results"]["bindings"][0]["n"]["value"]


def test_the_shortcut_never_answers_from_a_store_a_build_has_replaced(tmp_path):
    build_fixture_store(tmp_path / ".store.gen-1")
    second = ox.Store(str(tmp_path / ".store.gen-2"))
    second.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    settle(second, "urn:x/graph/shared")  # this version's layout: the triple in the shared graph
    second.flush()
    del second
    os.symlink(".store.gen-1", tmp_path / "store")
    app = _app(tmp_path / "store", True)
    with serving(app) as url:
        before = [_count(url) for _ in range(3)]
        answered_before = app.front.answered
        os.symlink(".store.gen-2", tmp_path / "store.new")
        os.replace(tmp_path / "store.new", tmp_path / "store")
        after = [_count(url) for _ in range(3)]
    assert before[0] == before[1] == before[2] != "1"
    assert after == ["1", "1", "1"]
    assert (answered_before, app.front.answered) == (2, 4)


def test_the_shortcut_never_answers_from_before_an_update(store, tmp_path):
    copied = shutil.copytree(store, tmp_path / "store")
    query = {"query": "SELECT ?o WHERE { <urn:a> <urn:b> ?o }"}
    app = _app(copied, True, allow_update=True, update_token="s3cret")
    with serving(app) as url:
        before = [_send(url, "GET", query, JSON, None).json()["results"]["bindings"] for _ in range(2)]
        done = _send(
            url,
            "POST",
            None,
            {**FORM, "Authorization": "Bearer s3cret"},
            str(httpx.QueryParams({"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'mới' } }"})),
        )
        after = [_send(url, "GET", query, JSON, None).json()["results"]["bindings"] for _ in range(2)]
    assert done.status_code == 200
    assert before == [[], []]
    assert after == [[{"o": {"type": "literal", "value": "mới"}}]] * 2
    assert app.front.answered == 2  # the second of each pair


# ------------------------------------------------------------ the access log


@pytest.fixture
def uvicorn_logging():
    """uvicorn's own logging set-up (as `policy-graph serve` has it), restored afterwards."""
    names = ("uvicorn", "uvicorn.error", "uvicorn.access")
    saved = {
        n: (logging.getLogger(n).handlers[:], logging.getLogger(n).level, logging.getLogger(n).propagate)
        for n in names
    }
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["access"]["use_colors"] = False
    logging.config.dictConfig(config)
    yield config
    if accesslog._current is not None:
        accesslog._current.close()
        accesslog._current = None
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers, logger.level, logger.propagate = handlers, level, propagate


ACCESSES = [
    ("127.0.0.1:51234", "GET", "/sparql?query=SELECT%20%2A%20WHERE%20%7B%7D", "1.1", 200),
    ("10.0.7.1:80", "POST", "/sparql", "1.1", 413),
    ("[::1]:9", "GET", "/t%C3%A0i-li%E1%BB%87u", "1.0", 404),
    ("", "HEAD", "/", "1.1", 503),
    ("1.2.3.4:5", "GET", "/x", "1.1", 299),  # a status with no phrase
]


def test_the_batched_access_log_writes_uvicorns_lines_in_order(uvicorn_logging):
    logger = logging.getLogger("uvicorn.access")
    logger.handlers = logger.handlers[:1]  # uvicorn's own (pytest adds its capturing handlers)
    batched_out, plain_out = io.StringIO(), io.StringIO()
    logger.handlers[0].setStream(batched_out)
    lines = accesslog.access_logger()
    assert isinstance(lines, accesslog.AccessLines)
    reference = logging.StreamHandler(plain_out)
    reference.setFormatter(logger.handlers[0].formatter)
    plain = logging.getLogger("test.access.reference")
    plain.handlers, plain.propagate, plain.level = [reference], False, logging.INFO
    for args in ACCESSES * 3:
        lines.info('%s - "%s %s HTTP/%s" %d', *args)
        plain.info('%s - "%s %s HTTP/%s" %d', *args)
    assert batched_out.getvalue() == ""  # queued, not yet written
    lines.flush()
    assert batched_out.getvalue() == plain_out.getvalue()
    assert (
        batched_out.getvalue().splitlines()[1]
        == 'INFO:     10.0.7.1:80 - "POST /sparql HTTP/1.1" 413 Request Entity Too Large'
    )
    assert accesslog.access_logger() is lines  # one writer per handler


def test_an_access_log_set_up_otherwise_keeps_uvicorns_logger(uvicorn_logging):
    logger = logging.getLogger("uvicorn.access")
    logger.handlers = logger.handlers[:1]
    logger.handlers[0].formatter.use_colors = True  # a terminal: coloured status codes
    assert accesslog.access_logger() is logger
    logger.handlers[0].formatter.use_colors = False
    logger.setLevel(logging.WARNING)  # serve --log-level warning, as the tests' servers
    assert accesslog.access_logger() is logger
    logger.setLevel(logging.INFO)
    logger.addHandler(logging.StreamHandler(io.StringIO()))
    assert accesslog.access_logger() is logger
