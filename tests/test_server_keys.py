"""Holes of `policy-graph serve` closed at stop 16 around what keys an answer: junk query
parameters and Accept headers written another way that made every page request a miss (a
worker each, and a cache entry each), 406 and other negotiated refusals without
``Vary: Accept``.  Each test is the attack; the real server on loopback over
tests/fixtures/mini.trig."""

from __future__ import annotations

import asyncio
import contextlib

import httpx
import pytest

from graph.server import create_app
from server_support import RAW_DIR, build_fixture_store, serving

DOC_214 = "/eli/vn-29/kh/2024/214"
JSON = {"Accept": "application/sparql-results+json"}
CHAIN_IRI = "https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw"


@contextlib.contextmanager
def no_worker(app):
    """The app's query workers unable to run anything: what is answered came from a cache."""
    real_run = app.state.pool.run

    async def refuse(*args, **kwargs):
        raise AssertionError("a kept answer asked a worker")

    app.state.pool.run = refuse
    try:
        yield
    finally:
        app.state.pool.run = real_run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("keys") / "store")


# (path and parameters first asked, the same page asked again with junk or another spelling)
SAME_PAGE = [
    ("/", "/?_=1712345678"),
    ("/documents", "/documents?utm_source=mail&utm_campaign=x"),
    ("/documents?year=2024", "/documents?year=%202024%20&fbclid=abc"),
    ("/search?q=n%C3%B4ng", "/search?q=n%C3%B4ng&_=42"),
    ("/search?q=n%C3%B4ng", "/search?q=junk&q=++n%C3%B4ng+"),  # the last value, stripped, is read
    ("/deadlines", "/deadlines?x=1&y=2"),
    ("/api/chain?iri=" + CHAIN_IRI, "/api/chain?depth=01&iri=" + CHAIN_IRI + "&cb=9"),
    (DOC_214, DOC_214 + "?_=1"),
]


def test_junk_parameters_ask_for_the_kept_page_not_for_a_new_one(store):
    """Before: the page cache keyed the raw query string, so '?_=<random>' (a cache-buster, a
    tracking parameter) made every request a miss: a query worker's view (≈ 0.3 s on the real
    corpus) and one more kept entry each, the amplification the cache had closed.  Now a page's
    key holds only the parameters its handler reads, as it reads them."""
    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=1)
    with serving(app) as url:
        first = [httpx.get(url + plain, timeout=30) for plain, _ in SAME_PAGE]
        entries = app.state.pages.summary()["entries"]
        with no_worker(app):
            again = [httpx.get(url + junk, timeout=30) for _, junk in SAME_PAGE]
        other = httpx.get(url + "/documents?year=2023", timeout=30)
        after = app.state.pages.summary()
    assert [r.status_code for r in first] == [200] * len(SAME_PAGE)
    assert [r.status_code for r in again] == [200] * len(SAME_PAGE)
    assert [r.content for r in again] == [r.content for r in first]
    assert entries == len(SAME_PAGE) - 1  # the two searches are one page
    assert other.status_code == 200 and other.content != first[2].content  # a parameter it reads
    assert after["entries"] == entries + 1


NEGOTIATED = [
    # (path, Accept of the first request, Accept of the same answer written another way)
    (DOC_214, "text/html", "text/html;q=0.9, application/x-junk-1"),
    (DOC_214, "text/turtle", "application/x-junk-2, text/turtle"),
    ("/.well-known/void", "text/turtle", "text/turtle, image/x-junk-3"),
    ("/search?q=n%C3%B4ng", "application/json", "application/json, image/x-junk-4"),
]


def test_an_accept_header_written_another_way_asks_for_the_kept_page(store):
    """Before: the raw Accept header was in a page's key: one more media range per request, one
    more miss.  Now the key holds what the page negotiates from it."""
    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=1)
    with serving(app) as url:
        first = [httpx.get(url + path, headers={"Accept": a}, timeout=30) for path, a, _ in NEGOTIATED]
        with no_worker(app):
            again = [httpx.get(url + path, headers={"Accept": a}, timeout=30) for path, _, a in NEGOTIATED]
    assert [r.status_code for r in first] == [200] * 4 == [r.status_code for r in again]
    assert [r.headers["content-type"].split(";")[0] for r in again] == [
        "text/html",
        "text/turtle",
        "text/turtle",
        "application/json",
    ]
    assert [r.content for r in again] == [r.content for r in first]


def test_one_page_holds_at_most_its_share_of_variants():
    """Unit: 1,000 searches of one client cannot push the landing page out of the cache."""
    from graph.server.pagecache import KeptPages, PageCache, reads_stripped

    async def page(scope, receive, send):
        headers = [(b"content-type", b"text/html; charset=utf-8")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"x" * 100})

    kept = KeptPages(lambda: ("gen", 0), max_bytes=2**20, max_variants=5)
    cache = PageCache(page, kept, shapes=lambda path: reads_stripped("q"))

    async def get(path: str, query: bytes) -> None:
        async def send(message):
            pass

        scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []}
        await cache(scope, None, send)

    async def attack():
        await get("/", b"")
        for n in range(1000):
            await get("/search", b"q=%d" % n)
        await get("/", b"")

    asyncio.run(attack())
    assert kept.hits == 1 and len(kept.entries) == 6
    assert sorted(len(keys) for keys in kept.variants.values()) == [1, 5]
    assert kept.bytes == sum(entry[2] for entry in kept.entries.values())


NOT_ACCEPTABLE = [
    ("/sparql?query=ASK%7B%7D", True),  # answered by QueryFront
    ("/sparql?query=ASK%7B%7D&default-graph-uri=https://w3id.org/policy-graph/graph/x", True),  # full path
    (DOC_214, False),
    ("/.well-known/void", False),
    ("/download", False),
    ("/sparql?graph=https://w3id.org/policy-graph/graph/quang-ngai-kh-ubnd-2024-214-txt", False),
]


def test_a_406_says_that_it_answers_the_accept_header(store):
    """Before: a 406 had no ``Vary: Accept`` (only ``Vary: Origin``): a shared cache could keep
    it for the URL and refuse the next client, who accepts the type.  Same for a node's 404
    asked as RDF (plain text, where a browser gets an HTML page)."""
    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=1)
    with serving(app) as url:
        refused = [
            httpx.get(url + path, headers={"Accept": "image/png"}, timeout=30) for path, _ in NOT_ACCEPTABLE
        ]
        missing = httpx.get(url + "/eli/no/such/node", headers={"Accept": "text/turtle"}, timeout=30)
    assert [r.status_code for r in refused] == [406] * len(NOT_ACCEPTABLE)
    assert [r.headers.get("vary") for r in refused] == ["Accept, Origin"] * len(NOT_ACCEPTABLE)
    assert missing.status_code == 404 and missing.headers["vary"] == "Accept, Origin"


def test_a_query_asked_with_its_accept_header_written_another_way_is_answered_from_the_cache(store):
    """Before: a SPARQL answer was keyed by the Accept header and the format= parameter as sent,
    so a client that added one more junk media range to each request ('…, x/1', '…, x/2'), or a
    format= the server does not offer, had every repeat of a query run by a worker.  Now the key holds what the header negotiates (the format of a
    SELECT/ASK answer and of a CONSTRUCT/DESCRIBE answer); the bytes are the same."""
    query = "SELECT ?d WHERE { ?d a <http://data.europa.eu/eli/ontology#LegalResource> } ORDER BY ?d"
    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=1)
    with serving(app) as url:
        ask = lambda accept: httpx.get(  # noqa: E731
            url + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30
        )
        first = ask("application/sparql-results+json")
        with no_worker(app):
            again = [ask(f"application/sparql-results+json, application/x-junk-{n}") for n in range(5)]
            again.append(ask("application/sparql-results+json;q=0.9, text/x-junk"))
            # a format= the server does not offer is ignored: the same answer as without it
            again += [
                httpx.get(
                    url + "/sparql", params={"query": query, "format": f"x{n}"}, headers=JSON, timeout=30
                )
                for n in range(3)
            ]
        csv = ask("text/csv, application/x-junk")
    assert first.status_code == 200 and [a.status_code for a in again] == [200] * 9
    assert all(a.content == first.content and a.headers["etag"] == first.headers["etag"] for a in again)
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")


def test_head_requests_are_answered_from_the_kept_page_and_keep_it(store):
    """Before: a HEAD that found no kept page ran the page (a worker's view) and kept nothing, so
    HEAD / over and over (never a GET) cost a worker each time.  Now a HEAD is made as the GET
    is, kept, and answered without its body; the next HEAD and GET are answered from it."""
    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=1)
    with serving(app) as url:
        real_run, views = app.state.pool.run, []

        async def counting(job, *args, **kwargs):
            views.append(job.query)
            return await real_run(job, *args, **kwargs)

        app.state.pool.run = counting
        heads = [httpx.head(url + "/deadlines?province=x", timeout=30) for _ in range(3)]
        get = httpx.get(url + "/deadlines?province=x", timeout=30)
        app.state.pool.run = real_run
    assert [h.status_code for h in heads] == [200] * 3 and all(h.content == b"" for h in heads)
    assert views == ["deadlines"]
    assert heads[0].headers["etag"] == get.headers["etag"] and len(get.content) > 0
    assert heads[0].headers["content-length"] == str(len(get.content))
