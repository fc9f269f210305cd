"""`policy-graph serve` over HTTP: the real server on a loopback port, the fixture graph
tests/fixtures/mini.trig (Kế hoạch 214/KH-UBND and its chain to 29-NQ/TW, a <script> document)."""

from __future__ import annotations

import html
import json
import shutil
import threading

import httpx
import pyoxigraph as ox
import pytest

from graph.server.guard import JobError
from graph.server.sparql import RESULT_FORMATS, choose_format, parse_accept
from server_support import BASE, RAW_DIR, build_fixture_store, running_server

DOC_214 = f"{BASE}/eli/vn-29/kh/2024/214"
DOC_111 = f"{BASE}/eli/vn/nq/2024/111-cp"
DOC_29 = f"{BASE}/eli/vn/nq/2022/29-tw"
DOC_31 = f"{BASE}/eli/vn-29/ctr/2023/31-tu"
DOC_XSS = f"{BASE}/eli/vn-27/kh/2023/draft-0badc0de"
ORG = f"{BASE}/org/vn-29"
AGENCIES_QUERY = "SELECT ?a WHERE { ?a a <http://www.w3.org/ns/org#Organization> } ORDER BY ?a"
AGENCIES = [
    f"{ORG}/cac-so-ban-nganh",
    f"{ORG}/so-cong-thuong",
    f"{ORG}/so-thong-tin-va-truyen-thong",
    f"{ORG}/uy-ban-nhan-dan-tinh-quang-ngai",
]
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 205⁴ rows


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("server") / "store")


@pytest.fixture(scope="module")
def url(store):
    with running_server(store, timeout_s=5.0) as base_url:
        yield base_url


def get(url, path, **kwargs):
    return httpx.get(url + path, timeout=30, **kwargs)


def select(url, query, accept="application/sparql-results+json"):
    return httpx.get(url + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)


# ------------------------------------------------------------ protocol


def test_health_counts_the_fixture_quads(url):
    body = get(url, "/health").json()
    assert (body["ok"], body["quads"], body["workers"]) == (True, 201, 3)  # 205 stated, 4 of them twice


def test_service_description_names_the_endpoint(url):
    response = get(url, "/sparql")
    assert response.headers["content-type"].startswith("text/turtle")
    triples = {
        (t.subject.value, t.predicate.value, t.object.value)
        for t in ox.parse(response.content, format=ox.RdfFormat.TURTLE)
    }
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = url + "/sparql"
    assert (endpoint, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", sd + "Service") in triples
    assert (endpoint, sd + "endpoint", endpoint) in triples
    assert (endpoint, sd + "feature", sd + "UnionDefaultGraph") in triples
    assert (endpoint, sd + "supportedLanguage", sd + "SPARQL11Update") not in triples


def test_select_get_returns_json_by_default(url):
    response = httpx.get(url + "/sparql", params={"query": AGENCIES_QUERY}, timeout=30)
    assert response.headers["content-type"] == "application/sparql-results+json"
    body = response.json()
    assert body["head"]["vars"] == ["a"]
    assert [b["a"]["value"] for b in body["results"]["bindings"]] == AGENCIES


def test_select_post_form_negotiates_xml(url):
    response = httpx.post(
        url + "/sparql",
        data={"query": AGENCIES_QUERY},
        headers={"Accept": "application/sparql-results+xml"},
        timeout=30,
    )
    assert response.headers["content-type"] == "application/sparql-results+xml"
    parsed = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.XML)
    assert [row["a"].value for row in parsed] == AGENCIES


def test_select_post_sparql_query_body_as_csv(url):
    # DISTINCT: the union default graph is a bag, 29-NQ/TW is described in two graphs
    query = (
        "SELECT DISTINCT ?symbol ?label WHERE { ?d <http://data.europa.eu/eli/ontology#id_local> ?symbol ; "
        '<http://www.w3.org/2004/02/skos/core#prefLabel> ?label FILTER(LANG(?label) = "vi") } ORDER BY ?symbol'
    )
    response = httpx.post(
        url + "/sparql",
        content=query.encode(),
        timeout=30,
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text == (
        "symbol,label\r\n"
        "111/NQ-CP,Nghị quyết 111/NQ-CP\r\n"
        "214/KH-UBND,Kế hoạch 214/KH-UBND\r\n"
        "29-NQ/TW,Nghị quyết 29-NQ/TW\r\n"
        "31-CTr/TU,Chương trình 31-CTr/TU\r\n"
    )


def test_select_as_tsv_keeps_rdf_terms(url):
    query = f"SELECT ?date WHERE {{ <{DOC_214}> <http://data.europa.eu/eli/ontology#date_document> ?date }}"
    response = select(url, query, accept="text/tab-separated-values")
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert response.text == '?date\n"2024-11-06"^^<http://www.w3.org/2001/XMLSchema#date>\n'


def test_ask_answers_a_boolean(url):
    assert select(url, f"ASK {{ <{DOC_214}> ?p ?o }}").json() == {"head": {}, "boolean": True}
    assert select(url, "ASK { <urn:nothing> ?p ?o }").json() == {"head": {}, "boolean": False}


@pytest.mark.parametrize(
    "accept, content_type, rdf_format",
    [
        (None, "text/turtle", ox.RdfFormat.TURTLE),
        ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_construct_negotiates_rdf(url, accept, content_type, rdf_format):
    query = "CONSTRUCT WHERE { ?s a <http://www.w3.org/ns/org#Organization> }"
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(url + "/sparql", params={"query": query}, headers=headers, timeout=30)
    assert response.headers["content-type"].split(";")[0] == content_type
    subjects = sorted(t.subject.value for t in ox.parse(response.content, format=rdf_format))
    assert subjects == AGENCIES


def test_describe_returns_turtle(url):
    response = select(url, f"DESCRIBE <{DOC_111}>", accept="text/turtle")
    triples = list(ox.parse(response.content, format=ox.RdfFormat.TURTLE))
    symbols = [t.object.value for t in triples if t.predicate.value.endswith("#id_local")]
    assert symbols == ["111/NQ-CP"]


def test_default_graph_uri_limits_the_default_graph(url):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    response = httpx.get(
        url + "/sparql",
        timeout=30,
        params={"query": query, "default-graph-uri": f"{BASE}/graph/xss-test-txt"},
    )
    assert response.json()["results"]["bindings"][0]["n"]["value"] == "21"
    whole = select(url, query).json()["results"]["bindings"][0]["n"]["value"]
    assert whole == "201"  # every triple once: the fixture's graphs state 205, four of them twice
    in_graphs = select(url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert in_graphs.json()["results"]["bindings"][0]["n"]["value"] == "201"  # the four in the shared graph


def test_named_graph_uri_limits_graph_patterns(url):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = httpx.get(
        url + "/sparql", timeout=30, params={"query": query, "named-graph-uri": f"{BASE}/graph/registry"}
    )
    assert [b["g"]["value"] for b in response.json()["results"]["bindings"]] == [f"{BASE}/graph/registry"]


def test_bad_graph_uri_is_refused(url):
    response = httpx.get(
        url + "/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"}, timeout=30
    )
    assert response.status_code == 400
    assert "default-graph-uri" in response.text


def test_syntax_error_is_400_with_the_parser_message(url):
    response = select(url, "SELECT * WHERE { ?s ?p }")
    assert response.status_code == 400
    assert "error at 1:" in response.text


def test_cors_preflight_and_simple_requests(url):
    preflight = httpx.options(
        url + "/sparql",
        timeout=30,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    response = httpx.get(
        url + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"}, timeout=30
    )
    assert response.headers["access-control-allow-origin"] == "*"


# ------------------------------------------------------------ read-only and safe


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {
            "content": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"data": {"query": "PREFIX ex: <urn:x> INSERT DATA { ex:a ex:b ex:c }"}},
        {"data": {"query": "# drop it\nDROP ALL"}},
    ],
)
def test_update_is_refused(url, request_kwargs):
    response = httpx.post(url + "/sparql", timeout=30, **request_kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text
    assert select(url, "ASK { <urn:a> ?p ?o }").json()["boolean"] is False


def test_the_word_service_in_strings_comments_names_is_allowed(url):
    query = (
        "PREFIX service: <urn:service:>\n# SERVICE in a comment\n"
        'SELECT ?service WHERE { BIND("SERVICE <x> {}" AS ?service) FILTER(?service != service:x) }'
    )
    response = select(url, query)
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == [
        {"service": {"type": "literal", "value": "SERVICE <x> {}"}}
    ]


def test_format_negotiation():
    assert (
        choose_format(parse_accept("text/csv;q=0.5, application/sparql-results+xml"), RESULT_FORMATS).name
        == "xml"
    )
    assert choose_format(parse_accept("text/html, */*;q=0.8"), RESULT_FORMATS).name == "json"  # a browser
    with pytest.raises(JobError) as refused:
        choose_format(parse_accept("text/html"), RESULT_FORMATS)
    assert refused.value.status == 406


@pytest.fixture(scope="module")
def strict_url(store):
    with running_server(store, timeout_s=3.0, max_rows=50, workers=2) as base_url:
        yield base_url


def test_over_long_query_is_stopped_while_others_are_answered(strict_url):
    slow: dict = {}

    def run_slow():
        slow["response"] = httpx.get(strict_url + "/sparql", params={"query": CROSS_JOIN}, timeout=60)

    thread = threading.Thread(target=run_slow)
    thread.start()
    try:  # another client (each client may hold one of the two workers)
        with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=30) as other:
            quick = other.get(
                strict_url + "/sparql",
                params={"query": AGENCIES_QUERY},
                headers={"Accept": "application/sparql-results+json"},
            )
        answered_while_slow_ran = thread.is_alive()
    finally:
        thread.join(timeout=60)
    assert quick.status_code == 200
    assert [b["a"]["value"] for b in quick.json()["results"]["bindings"]] == AGENCIES
    assert answered_while_slow_ran
    assert slow["response"].status_code == 503
    assert "3 s time limit" in slow["response"].text
    health = get(strict_url, "/health").json()
    assert (health["ok"], health["queries_stopped"], health["workers"]) == (True, 1, 2)


def test_results_are_bounded_by_size_not_by_the_page_row_cap(strict_url):
    """--max-rows (50 here) bounds what a page's look-up may return; a SPARQL result is answered
    whole up to 32 MiB, however many rows, and past that refused with a 413 saying how to page."""
    everything = select(strict_url, "SELECT * WHERE { ?s ?p ?o }")
    assert everything.status_code == 200 and len(everything.json()["results"]["bindings"]) > 200
    doubled = " ".join(f"BIND(CONCAT(?x{n}, ?x{n}) AS ?x{n + 1})" for n in range(12))  # 2¹² × ~60 chars
    huge = select(strict_url, f"SELECT ?x12 WHERE {{ ?a ?b ?c BIND(STR(?a) AS ?x0) {doubled} }} LIMIT 600")
    assert huge.status_code == 413, huge.text[:300]
    assert "larger than 32 MiB" in huge.text and "OFFSET" in huge.text


def test_update_with_allow_update_needs_the_token(store, tmp_path):
    copy = shutil.copytree(store, tmp_path / "store")
    with running_server(copy, allow_update=True, update_token="s3cret", workers=1) as base_url:
        update = {"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'mới' } }"}
        refused = httpx.post(base_url + "/sparql", data=update, timeout=30)
        wrong = httpx.post(
            base_url + "/sparql", data=update, headers={"Authorization": "Bearer nope"}, timeout=30
        )
        done = httpx.post(
            base_url + "/sparql", data=update, headers={"Authorization": "Bearer s3cret"}, timeout=30
        )
        seen = select(base_url, "SELECT ?o WHERE { <urn:a> <urn:b> ?o }").json()["results"]["bindings"]
    assert (refused.status_code, wrong.status_code, done.status_code) == (401, 401, 200)
    assert seen == [{"o": {"type": "literal", "value": "mới"}}]


def test_allow_update_without_token_is_an_error(store):
    from graph.server import create_app

    with pytest.raises(ValueError, match="token"):
        create_app(str(store), allow_update=True)


# ------------------------------------------------------------ linked data


def test_document_iri_dereferences_as_turtle_both_directions(url):
    response = get(url, "/eli/vn-29/kh/2024/214", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("text/turtle")
    triples = {
        (t.subject.value, t.predicate.value, t.object.value)
        for t in ox.parse(response.content, format=ox.RdfFormat.TURTLE)
    }
    assert (DOC_214, "http://data.europa.eu/eli/ontology#id_local", "214/KH-UBND") in triples
    assert (DOC_XSS, "http://data.europa.eu/eli/ontology#ensures_implementation_of", DOC_214) in triples
    assert len(triples) == 36  # 28 with the document as subject, 8 as object (its expression realizes it)


@pytest.mark.parametrize(
    "accept, rdf_format",
    [("application/ld+json", ox.RdfFormat.JSON_LD), ("application/n-triples", ox.RdfFormat.N_TRIPLES)],
)
def test_agency_iri_dereferences_as_rdf(url, accept, rdf_format):
    response = get(url, "/org/vn-29/so-cong-thuong", headers={"Accept": accept})
    labels = sorted(
        t.object.value
        for t in ox.parse(response.content, format=rdf_format)
        if t.predicate.value.endswith("core#prefLabel")
    )
    assert labels == ["Department of Industry and Trade", "Sở Công Thương"]


def test_document_page_shows_tasks_relations_and_sources(url):
    response = get(url, "/eli/vn-29/kh/2024/214", headers={"Accept": "text/html"})
    page = response.text
    assert response.headers["content-type"].startswith("text/html")
    assert page.count('<tr class="task">') == 2
    assert '<a href="/org/vn-29/so-cong-thuong">Sở Công Thương</a>' in page
    assert "Năm 2025" in page and 'hạn cuối <span class="en">(due)</span> 31/12/2025' in page  # dd/mm/yyyy
    assert '<a href="/eli/vn/nq/2024/111-cp">Nghị quyết 111/NQ-CP</a>' in page  # implements
    assert '<a class="src" href="/source/4478c4c3e9e6165e?start=14143&amp;end=14526#span"' in page
    assert page.count('<tr class="citation">') == 1 and page.count('class="footnote"') == 1
    assert "Tỷ trọng công nghiệp trong GRDP" in page


def test_agency_page_lists_its_tasks_across_documents(url):
    page = get(url, "/org/vn-29/so-cong-thuong").text
    assert page.count('<tr class="task">') == 2
    assert '<a href="/eli/vn-29/kh/2024/214/task/1">4.3</a>' in page
    assert '<a href="/eli/vn-27/kh/2023/draft-0badc0de/task/1">1</a>' in page


def test_task_page_reads_in_order(url):
    page = get(url, "/eli/vn-29/kh/2024/214/task/1").text
    assert "<h1>Nhiệm vụ 4.3</h1>" in page
    order = [
        page.index(part)
        for part in (
            '<dd class="task-text">',
            '<dd class="task-lead">',
            '<dd class="task-deadline">',
            '<blockquote class="source-quote">',
        )
    ]
    assert order == sorted(order)  # text, lead, deadline, then the sentence it was read from
    assert '<a href="/org/vn-29/so-cong-thuong">Sở Công Thương</a>' in page.split('<dd class="task-lead">')[1]


def test_unknown_iri_is_404(url):
    assert get(url, "/eli/vn/nq/1999/0").status_code == 404
    assert get(url, "/eli/vn/nq/1999/0", headers={"Accept": "text/turtle"}).status_code == 404


def test_source_page_marks_the_span(url):
    page = get(url, "/source/4478c4c3e9e6165e?start=14143&end=14526").text
    text = (RAW_DIR / "quang-ngai_kh-ubnd_2024_214.txt").read_text(encoding="utf-8-sig")
    assert f'<mark id="span">{html.escape(text[14143:14526], quote=True)}</mark>' in page
    assert html.escape(text[14143:14526]).startswith("Thực hiện Quyết định số 1881/QĐ-TTg")


@pytest.mark.parametrize(
    "path",
    [
        "/eli/vn-27/kh/2023/draft-0badc0de",
        "/org/vn-29/so-cong-thuong",
        "/eli/vn-29/kh/2024/214",
        "/search?q=script",
    ],
)
def test_document_text_is_escaped(url, path):
    response = get(url, path)
    assert "<script>alert" not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


# ------------------------------------------------------------ search and chain


@pytest.mark.parametrize(
    "text, first",
    [
        ("214/KH-UBND", DOC_214),
        ("214/kh-ubnd", DOC_214),
        ("29-NQ/TW", DOC_29),
        ("29 - nq/tw", DOC_29),
        ("Nghị quyết 29", DOC_29),
        ("nghi quyet so 29", DOC_29),
        ("NQ 111", DOC_111),
        ("Kế hoạch 214", DOC_214),
        ("31-CTr/TU", DOC_31),
    ],
)
def test_search_finds_documents_by_symbol(url, text, first):
    hits = get(url, "/search", params={"q": text, "format": "json"}).json()
    assert hits[0]["kind"] == "document" and hits[0]["iri"] == first
    assert hits[0]["url"] == first[len(BASE) :]


def test_search_html_lists_hits(url):
    page = get(url, "/search", params={"q": "Nghị quyết 29"}).text
    assert page.count('<tr class="hit">') == 2  # 29-NQ/TW by type and number, 214 by words of its title
    assert page.index("/eli/vn/nq/2022/29-tw") < page.index("/eli/vn-29/kh/2024/214")


def test_chain_api_walks_up_and_down(url):
    chain = get(url, "/api/chain", params={"iri": DOC_214, "depth": 2}).json()
    assert sorted((e["from"], e["to"]) for e in chain["edges"]) == sorted(
        [(DOC_XSS, DOC_214), (DOC_214, DOC_111), (DOC_111, DOC_29)]
    )
    assert sorted(n["id"] for n in chain["nodes"]) == sorted([DOC_XSS, DOC_214, DOC_111, DOC_29])
    three = get(url, "/api/chain", params={"iri": DOC_214, "depth": 3}).json()
    assert (DOC_31, DOC_29) in {(e["from"], e["to"]) for e in three["edges"]}  # 29-NQ/TW's other implementer
    one = get(url, "/api/chain", params={"iri": DOC_214, "depth": 1}).json()
    assert sorted(n["id"] for n in one["nodes"]) == sorted([DOC_XSS, DOC_214, DOC_111])


def test_chain_api_rejects_a_bad_iri(url):
    assert get(url, "/api/chain", params={"iri": "x> } DROP"}).status_code == 400


def test_index_preloads_the_query_library(url):
    page = get(url, "/sparql-ui").text
    library = json.loads(
        page.split('<script type="application/json" id="query-library">')[1].split("</script>")[0]
    )
    names = [q["name"] for q in library]
    assert "chain-down" in names and "documents" in names
    assert '<script src="/static/yasgui/yasgui.min.js" defer></script>' in page
    assert get(url, "/static/yasgui/yasgui.min.js").status_code == 200


def test_a_query_with_from_uses_its_own_dataset(url):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{BASE}/graph/xss-test-txt> WHERE {{ ?s ?p ?o }}"
    assert select(url, query).json()["results"]["bindings"][0]["n"]["value"] == "21"


def test_library_query_is_bound_by_the_server(url):
    reply = get(url, "/api/queries/chain-up", params={"doc": "214/KH-UBND"})
    assert reply.status_code == 200
    text = reply.json()["query"]
    assert f"VALUES (?start) {{ (<{DOC_214}>) }}" in text
    found = select(url, text).json()["results"]["bindings"]
    assert sorted(row["number"]["value"] for row in found) == ["111/NQ-CP", "29-NQ/TW"]


def test_library_query_binding_errors_are_clear(url):
    missing = get(url, "/api/queries/chain-up")
    assert missing.status_code == 400 and "thiếu tham số 'doc'" in missing.json()["error"]
    unknown_doc = get(url, "/api/queries/chain-up", params={"doc": "999/KH-UBND"})
    assert unknown_doc.status_code == 400
    assert unknown_doc.json()["error"] == (
        "không tìm thấy văn bản '999/KH-UBND' (no document matches '999/KH-UBND')"
        "; gần giống (closest): 214/KH-UBND"
    )
    unknown_query = get(url, "/api/queries/no-such-query")
    assert unknown_query.status_code == 404 and "unknown query" in unknown_query.json()["error"]


def test_a_draft_iri_moves_to_the_revealed_number(url):
    # 31-CTr/TU was known by its draft IRI until another document revealed its number (owl:sameAs)
    old = get(url, "/eli/vn-29/ctr/2022/draft-ba8ac2da", follow_redirects=False)
    assert (old.status_code, old.headers["location"]) == (301, "/eli/vn-29/ctr/2023/31-tu")
    as_turtle = get(url, "/eli/vn-29/ctr/2022/draft-ba8ac2da?format=turtle", follow_redirects=False)
    assert as_turtle.headers["location"] == "/eli/vn-29/ctr/2023/31-tu?format=turtle"
    assert get(url, "/eli/vn-29/ctr/2023/31-tu").status_code == 200


def test_a_flipped_store_link_is_served_from_the_next_query(tmp_path):
    """`policy-graph build` swaps stores by flipping the link data/store → generation folder
    (graph.store); query workers reopen the current generation when it changes."""
    import os

    build_fixture_store(tmp_path / ".store.gen-1")
    second = ox.Store(str(tmp_path / ".store.gen-2"))
    second.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"), ox.NamedNode("urn:g")))
    second.add_graph(ox.NamedNode("urn:x/graph/shared"))  # this version's layout
    second.flush()
    del second
    os.symlink(".store.gen-1", tmp_path / "store")
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with running_server(tmp_path / "store", workers=2) as base_url:
        before = [select(base_url, count).json()["results"]["bindings"][0]["n"]["value"] for _ in range(3)]
        os.symlink(".store.gen-2", tmp_path / "store.new")
        os.replace(tmp_path / "store.new", tmp_path / "store")
        after = [select(base_url, count).json()["results"]["bindings"][0]["n"]["value"] for _ in range(3)]
    assert (before, after) == (["201"] * 3, ["1"] * 3)
