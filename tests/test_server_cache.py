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
    with running_server(_two_generations(tmp_path), workers=2) as url:
        before = [ask(url, COUNT).json()["results"]["bindings"][0]["n"]["value"] for _ in range(3)]
        hits_before = cache_stats(url)["hits"]
        _swap(tmp_path)
        after = [ask(url, COUNT).json()["results"]["bindings"][0]["n"]["value"] for _ in range(3)]
        stats = cache_stats(url)
    assert (before, after) == (["201"] * 3, ["1"] * 3)  # the fixture states 205 triples, 4 twice
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
                b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
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


# ------------------------------------------------------------ pages and validators (stop 15)


def _two_generations(tmp_path) -> tuple:
    """A store link to generation 1 (the fixture) and a generation 2 of one triple, for a swap."""
    build_fixture_store(tmp_path / ".store.gen-1")
    second = ox.Store(str(tmp_path / ".store.gen-2"))
    second.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"), ox.NamedNode("urn:g")))
    second.add_graph(ox.NamedNode("urn:x/graph/shared"))  # this version's layout
    second.flush()
    del second
    os.symlink(".store.gen-1", tmp_path / "store")
    return tmp_path / "store"


def _swap(tmp_path) -> None:
    os.symlink(".store.gen-2", tmp_path / "store.new")
    os.replace(tmp_path / "store.new", tmp_path / "store")


def test_a_repeated_page_costs_no_worker_and_a_rebuilt_store_is_rendered_afresh(tmp_path):
    """Before: every page request ran its view in a query worker (≈ 0.3 s on the real corpus):
    a few clients asking for the landing page took the workers the endpoint needs.  Now a page
    is kept per store version: asked again (here with the workers unable to run anything) it
    is the same bytes with an ETag; If-None-Match gets a 304; a swapped store is rendered anew."""
    from graph.server import create_app
    from server_support import RAW_DIR, serving

    store = _two_generations(tmp_path)
    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=1)
    with serving(app) as url:
        first = httpx.get(url + "/documents", timeout=30)
        real_run = app.state.pool.run

        async def no_worker(*args, **kwargs):
            raise AssertionError("a kept page asked a worker")

        app.state.pool.run = no_worker
        again = httpx.get(url + "/documents", timeout=30)
        head = httpx.head(url + "/documents", timeout=30)
        validated = httpx.get(
            url + "/documents", headers={"If-None-Match": first.headers["etag"]}, timeout=30
        )
        other = httpx.get(url + "/documents", headers={"If-None-Match": '"0123"'}, timeout=30)
        app.state.pool.run = real_run
        _swap(tmp_path)
        rebuilt = httpx.get(url + "/documents", timeout=30)
        stale = httpx.get(url + "/documents", headers={"If-None-Match": first.headers["etag"]}, timeout=30)
        kept = httpx.get(url + "/health", timeout=30).json()["pages"]
    assert first.status_code == again.status_code == 200 and again.content == first.content
    assert "214/KH-UBND" in first.text and "214/KH-UBND" not in rebuilt.text
    assert first.headers["etag"] == again.headers["etag"] and first.headers["cache-control"] == "no-cache"
    assert again.headers["vary"] == "Accept, Origin" and again.headers["x-frame-options"] == "DENY"
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == first.headers["etag"]
    assert validated.status_code == 304 and validated.content == b""
    assert validated.headers["etag"] == first.headers["etag"] and "content-type" not in validated.headers
    assert other.status_code == 200 and other.content == first.content
    assert stale.status_code == 200 and rebuilt.headers["etag"] != first.headers["etag"]
    assert kept["entries"] == 1 and kept["not_modified"] == 1


def test_kept_pages_stay_within_their_memory_and_today_is_part_of_the_key():
    """Unit: a hostile client asking for 1,000 distinct pages holds no more than the bound;
    the date is in the key (a deadline page without ?today= counts days from today)."""
    import datetime as dt

    from graph.server.pagecache import KeptPages, PageCache

    today = [dt.date(2026, 12, 7)]
    calls = []

    async def page(scope, receive, send):
        calls.append(scope["query_string"])
        body = b"x" * 10_000
        headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", b"10000")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    kept = KeptPages(lambda: ("gen", 0), max_bytes=100_000, today=lambda: today[0])
    cache = PageCache(page, kept)

    async def get(query: bytes) -> list:
        sent = []

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/search", "query_string": query, "headers": []}
        await cache(scope, None, send)
        return sent

    async def attack():
        for n in range(1000):
            await get(b"q=%d" % n)
        await get(b"q=999")
        today[0] = dt.date(2026, 12, 8)
        await get(b"q=999")

    asyncio.run(attack())
    assert kept.bytes <= 100_000 and len(kept.entries) == 9
    assert calls.count(b"q=999") == 2 and kept.hits == 1  # kept, then asked again the next day


def test_a_dump_of_the_same_store_version_is_validated_without_a_dump_process(tmp_path):
    store = _two_generations(tmp_path)
    with running_server(store, workers=1) as url:
        first = httpx.get(url + "/download", headers={"Accept-Encoding": "identity"}, timeout=60)
        gzipped = httpx.get(url + "/download", headers={"Accept-Encoding": "gzip"}, timeout=60)
        plain = {"Accept-Encoding": "identity", "If-None-Match": first.headers["etag"]}
        validated = httpx.get(url + "/download", headers=plain, timeout=60)
        _swap(tmp_path)
        after_swap = httpx.get(url + "/download", headers=plain, timeout=60)
    assert first.status_code == 200 and first.headers["etag"].startswith('W/"')
    assert gzipped.headers["etag"] != first.headers["etag"]  # another representation
    assert validated.status_code == 304 and validated.content == b""
    assert after_swap.status_code == 200 and after_swap.headers["etag"] != first.headers["etag"]
    assert after_swap.content.count(b"\n") == 1


def test_the_protocol_answers_are_validated_on_the_full_path_too(store):
    """A graph read (Graph Store Protocol) and a query with a dataset go the full path."""
    with running_server(store, workers=1) as url:
        graph = {"graph": "https://w3id.org/policy-graph/graph/quang-ngai-kh-ubnd-2024-214-txt"}
        first = httpx.get(url + "/sparql", params=graph, timeout=30)
        again = httpx.get(
            url + "/sparql", params=graph, headers={"If-None-Match": first.headers["etag"]}, timeout=30
        )
    assert first.status_code == 200 and first.headers["etag"]
    assert again.status_code == 304 and again.headers["etag"] == first.headers["etag"]
    assert again.headers["vary"].startswith("Accept")


def test_search_answered_as_json_or_html_by_accept_says_so_in_vary(store):
    """Before: /search?q= answered JSON to Accept: application/json without Vary: Accept, so a
    shared cache could hand the JSON to the next browser asking for the same URL."""
    with running_server(store, workers=1) as url:
        as_json = httpx.get(
            url + "/search", params={"q": "nông"}, headers={"Accept": "application/json"}, timeout=30
        )
        empty = httpx.get(url + "/search", headers={"Accept": "application/json"}, timeout=30)
    assert as_json.headers["content-type"] == "application/json" and "Accept" in as_json.headers["vary"]
    assert empty.json() == [] and "Accept" in empty.headers["vary"]


def test_kept_pages_of_tiny_bodies_hold_no_more_memory_than_their_bound():
    """Before: an entry was counted as its body and 512 bytes, but a tiny answer's head (its
    headers, the start message) is most of it: 20,000 answers of '[]' held 1.8 MB in 1 MiB."""
    import gc
    import tracemalloc

    from graph.server.pagecache import KeptPages, PageCache

    async def page(scope, receive, send):
        headers = [(b"content-length", b"2"), (b"content-type", b"application/json"), (b"vary", b"Accept")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"[]"})

    kept = KeptPages(lambda: ("gen", 0), max_bytes=2**20)
    cache = PageCache(page, kept)

    async def fill():
        async def send(message):
            pass

        for n in range(20_000):
            scope = {
                "type": "http",
                "method": "GET",
                "path": "/search",
                "query_string": b"q=%d" % n,
                "headers": [],
            }
            await cache(scope, None, send)

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        asyncio.run(fill())
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept.bytes <= 2**20 and len(kept.entries) > 500
    assert held < 2**20, held


def test_a_page_asked_by_many_at_once_is_made_once(store):
    """Before the page was kept, each of the clients asking at once (a dashboard's users just
    after a build emptied the cache) took a worker for the same page; now the others wait for the
    first one's answer.  The worker is slowed here so that the requests overlap."""
    from concurrent.futures import ThreadPoolExecutor

    from graph.server import create_app
    from server_support import RAW_DIR, serving

    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=2)
    with serving(app) as url:
        real_run, views = app.state.pool.run, []

        async def slow_run(job, *args, **kwargs):
            views.append(job.query)
            await asyncio.sleep(1.0)
            return await real_run(job, *args, **kwargs)

        app.state.pool.run = slow_run
        with ThreadPoolExecutor(4) as clients:
            answers = list(clients.map(lambda _: httpx.get(url + "/deadlines", timeout=30), range(4)))
        app.state.pool.run = real_run
        kept = httpx.get(url + "/health", timeout=30).json()["pages"]
    assert [a.status_code for a in answers] == [200] * 4 and len({a.content for a in answers}) == 1
    assert views == ["deadlines"] and kept["joined"] == 3
