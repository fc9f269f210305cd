"""The server's cache of SPARQL answers (server/cache.py) and the worker pipe it saves: an answer
from the cache is the worker's answer byte for byte, and a rebuilt store or an update empties it."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import pickle
import shutil
import threading

import httpx
import pyoxigraph as ox
import pytest

from graph.server.cache import ResultCache
from graph.server.guard import Verdict, check_query
from graph.server.pool import LARGE_REPLY_BYTES, receive_message
from graph.server.sparql import Job
from server_support import build_fixture_store, running_server

AGENCIES = "SELECT ?a WHERE { ?a a <https://w3id.org/policy-graph/ontology#Agency> } ORDER BY ?a"
LABELS = "SELECT ?d ?t WHERE { ?d <http://data.europa.eu/eli/ontology#title> ?t } ORDER BY ?d ?t LIMIT 20"
CONSTRUCT = (
    "CONSTRUCT { ?d <http://data.europa.eu/eli/ontology#title> ?t } "
    "WHERE { ?d <http://data.europa.eu/eli/ontology#title> ?t }"
)
ASK = "ASK { ?d <http://data.europa.eu/eli/ontology#title> ?t }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
REQUESTS = [
    (AGENCIES, "application/sparql-results+json"),
    (LABELS, "application/sparql-results+json"),
    (LABELS, "application/sparql-results+xml"),
    (LABELS, "text/csv"),
    (LABELS, "text/tab-separated-values"),
    (ASK, "application/sparql-results+json"),
    (CONSTRUCT, "text/turtle"),
    (CONSTRUCT, "application/n-triples"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("cache") / "store")


def ask(url: str, query: str, accept: str = "application/sparql-results+json") -> httpx.Response:
    return httpx.get(url + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)


def cache_stats(url: str) -> dict:
    return httpx.get(url + "/health", timeout=30).json()["cache"]


def test_answers_from_the_cache_are_the_workers_answers_byte_for_byte(store):
    with running_server(store, workers=2, cache_mb=0) as plain_url:
        plain = [ask(plain_url, q, accept) for q, accept in REQUESTS]
        assert cache_stats(plain_url) == {"entries": 0, "bytes": 0, "hits": 0, "misses": 0}
    with running_server(store, workers=2) as url:
        first = [ask(url, q, accept) for q, accept in REQUESTS]
        stats = cache_stats(url)
        again = [ask(url, q, accept) for q, accept in REQUESTS]
        after = cache_stats(url)
    assert all(r.status_code == 200 for r in plain + first + again)
    assert [r.content for r in first] == [r.content for r in plain]
    assert [r.content for r in again] == [r.content for r in plain]
    assert [r.headers["content-type"] for r in again] == [r.headers["content-type"] for r in plain]
    assert (stats["entries"], stats["hits"], stats["misses"]) == (len(REQUESTS), 0, len(REQUESTS))
    assert (after["hits"], after["misses"]) == (len(REQUESTS), len(REQUESTS))
    assert "Chương trình hành động".encode() in plain[1].content  # Vietnamese text as UTF-8


def test_a_rebuilt_store_is_answered_afresh_not_from_the_cache(tmp_path):
    """A build flips the link data/store → generation folder: answers of the old generation are
    never given again."""
    build_fixture_store(tmp_path / ".store.gen-1")
    second = ox.Store(str(tmp_path / ".store.gen-2"))
    second.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"), ox.NamedNode("urn:g")))
    second.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    second.flush()
    del second
    os.symlink(".store.gen-1", tmp_path / "store")
    with running_server(tmp_path / "store", workers=2) as url:
        before = [ask(url, COUNT).json()["results"]["bindings"][0]["n"]["value"] for _ in range(3)]
        hits_before = cache_stats(url)["hits"]
        os.symlink(".store.gen-2", tmp_path / "store.new")
        os.replace(tmp_path / "store.new", tmp_path / "store")
        after = [ask(url, COUNT).json()["results"]["bindings"][0]["n"]["value"] for _ in range(3)]
        stats = cache_stats(url)
    assert (before, after) == (["205"] * 3, ["1"] * 3)
    assert hits_before == 2 and stats["hits"] == 4 and stats["entries"] == 1


def test_an_update_empties_the_cache(store, tmp_path):
    copy = shutil.copytree(store, tmp_path / "store")
    query = "SELECT ?o WHERE { <urn:a> <urn:b> ?o }"
    with running_server(copy, allow_update=True, update_token="s3cret", workers=1) as url:
        before = [ask(url, query).json()["results"]["bindings"] for _ in range(2)]
        done = httpx.post(
            url + "/sparql",
            data={"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'mới' } }"},
            headers={"Authorization": "Bearer s3cret"},
            timeout=30,
        )
        after = [ask(url, query).json()["results"]["bindings"] for _ in range(2)]
        stats = cache_stats(url)
    assert done.status_code == 200
    assert before == [[], []]
    assert after == [[{"o": {"type": "literal", "value": "mới"}}]] * 2
    assert (stats["hits"], stats["entries"]) == (2, 1)


def test_answers_that_change_from_one_evaluation_to_the_next_are_not_kept(store):
    with running_server(store, workers=1) as url:
        ids = [ask(url, "SELECT (STRUUID() AS ?u) WHERE {}").json() for _ in range(2)]
        stats = cache_stats(url)
    values = [answer["results"]["bindings"][0]["u"]["value"] for answer in ids]
    assert values[0] != values[1]
    assert (stats["entries"], stats["hits"]) == (0, 0)


@pytest.mark.parametrize(
    ("query", "repeatable"),
    [
        (AGENCIES, True),
        ("SELECT (RAND() AS ?r) WHERE {}", False),
        ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o < NOW()) }", False),
        ("SELECT (UUID() AS ?u) WHERE {}", False),
        ("SELECT (STRUUID() AS ?u) WHERE {}", False),
        ("CONSTRUCT { ?s <urn:p> ?b } WHERE { ?s ?p ?o BIND(BNODE() AS ?b) }", False),
        ('SELECT ?s WHERE { ?s ?p "RAND() NOW()" }', True),  # the words in a string are no call
    ],
)
def test_the_checker_tells_which_queries_repeat(query, repeatable):
    assert check_query(query).repeatable is repeatable


def _job(query: str, accept: str = "application/sparql-results+json") -> Job:
    return Job(mode="protocol", query=query, accept=[(accept, 1.0)], max_rows=None)


def _reply(body: bytes, repeatable: bool = True) -> tuple:
    return ("ok", "application/sparql-results+json", body, Verdict("SelectQuery", False, repeatable))


def test_the_cache_keeps_at_most_its_size_least_recently_used_out(store):
    cache = ResultCache(str(store), max_bytes=4 * 1024, max_entry_bytes=2 * 1024)
    keys = []
    for n in range(5):  # each entry 912 bytes (body, overhead): four fit
        job = _job(f"SELECT * WHERE {{ ?s ?p {n} }}")
        keys.append(key := cache.key(job, 0))
        cache.put(key, job, _reply(b"x" * 400))
        if n == 1:
            assert cache.get(keys[0]) is not None  # used again: 1 is now the least recently used
    assert cache.bytes <= 4 * 1024
    kept = [n for n, key in enumerate(keys) if key in cache.entries]
    assert kept == [0, 2, 3, 4] and cache.stats.evicted == 1
    big = _job("SELECT * WHERE { ?s ?p ?o }")
    cache.put(cache.key(big, 0), big, _reply(b"x" * 4096))  # larger than one entry may be
    assert cache.get(cache.key(big, 0)) is None


def test_the_cache_keys_every_input_that_shapes_the_answer(store):
    cache = ResultCache(str(store))
    base = _job(AGENCIES)
    variants = [
        _job(AGENCIES + " "),
        _job(AGENCIES, "text/csv"),
        Job(**{**base.__dict__, "forced_format": "xml"}),
        Job(**{**base.__dict__, "default_graphs": ["urn:g"]}),
        Job(**{**base.__dict__, "named_graphs": ["urn:g"]}),
        Job(**{**base.__dict__, "substitutions": {"a": ("uri", "urn:a")}}),
        Job(**{**base.__dict__, "base_iri": "https://example.org/"}),
    ]
    keys = {cache.key(job, 0) for job in [base, *variants]}
    assert len(keys) == 1 + len(variants)
    assert cache.key(base, 0) == cache.key(_job(AGENCIES), 0)
    assert cache.key(base, 0) != cache.key(base, 1)  # after an update
    assert cache.key(Job(mode="rows", query=AGENCIES), 0) is None  # pages' look-ups are not kept
    assert ResultCache(str(store), max_bytes=0).key(base, 0) is None


def test_a_reply_larger_than_one_read_comes_through_the_pipe_whole():
    """The pool reads a worker's reply on the event loop a chunk at a time (pool.receive_message)."""
    ours, theirs = multiprocessing.Pipe(duplex=True)
    payload = os.urandom(3 * LARGE_REPLY_BYTES + 17)
    sender = threading.Thread(target=theirs.send, args=(("ok", payload),))

    async def read() -> bytes:
        return await receive_message(ours.fileno())

    sender.start()
    first = asyncio.run(read())
    sender.join()
    theirs.send(("small",))
    second = asyncio.run(read())
    assert pickle.loads(first) == ("ok", payload)
    assert pickle.loads(second) == ("small",)
    theirs.close()
    with pytest.raises(EOFError):
        asyncio.run(read())
    ours.close()


class _Transport:
    def __init__(self):
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed


def test_a_response_head_and_body_go_out_in_one_write():
    from graph.server.limits import OneWrite

    plain = _Transport()
    writer = OneWrite(plain)
    writer.write(b"HTTP/1.1 200 OK\r\n\r\n")
    assert plain.writes == []
    writer.write(b"body")
    writer.write(b"more")
    assert plain.writes == [b"HTTP/1.1 200 OK\r\n\r\nbody", b"more"]

    interim = _Transport()
    writer = OneWrite(interim)
    writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")  # the client waits for it before its body
    assert interim.writes == [b"HTTP/1.1 100 Continue\r\n\r\n"]
    writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
    writer.flush()  # the end of a response without a body
    assert interim.writes[1:] == [b"HTTP/1.1 204 No Content\r\n\r\n"]

    closing = _Transport()
    writer = OneWrite(closing)
    writer.write(b"HTTP/1.1 200 OK\r\n\r\n")
    writer.close()
    assert (closing.writes, closing.closed, writer.is_closing()) == ([b"HTTP/1.1 200 OK\r\n\r\n"], True, True)


def test_head_requests_and_expect_continue_are_answered_whole(store):
    import socket

    with running_server(store, workers=1) as url:
        head = httpx.head(url + "/health", timeout=30)
        port = int(url.rsplit(":", 1)[1])
        body = b"query=ASK%20%7B%7D"
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(body)
            )
            interim = sock.recv(100)
            sock.sendall(body)
            reply = b""
            while not reply.endswith(b"}"):
                chunk = sock.recv(4096)
                if not chunk:
                    break
                reply += chunk
    assert head.status_code == 200 and head.headers["x-content-type-options"] == "nosniff"
    assert interim == b"HTTP/1.1 100 Continue\r\n\r\n"
    assert reply.startswith(b"HTTP/1.1 200 OK") and reply.endswith(b'{"head":{},"boolean":true}')
