"""The SPARQL 1.1 Protocol to the letter (issue 12): the W3C protocol test cases that apply to a
read-only query endpoint, then the points a generic client relies on: a base IRI, UTF-8 bodies,
the protocol's dataset, 404/406, compact JSON-LD, Graph Store Protocol reads, VoID, Link
headers, the whole-graph download, large results.

The W3C cases (https://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/, query tests;
the update tests do not apply, updates being refused) are sent as their manifest sends them.
Their dataset cases name graphs by the test suite's IRIs (…/sparql/data/dataN.rdf), which the
endpoint would fetch; this one is closed to the network, so the store holds small graphs under
those names (each describes its own IRI as a foaf:Document), beside tests/fixtures/mini.trig."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest

from server_support import BASE, build_fixture_store, running_server

DATA = "http://kasei.us/2009/09/sparql/data/data{}.rdf"
FOAF_DOCUMENT = "http://xmlns.com/foaf/0.1/Document"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RESULT_TYPES = (
    "application/sparql-results+xml",
    "application/sparql-results+json",
    "text/csv",
    "text/tab-separated-values",
)
RDF_TYPES = ("application/rdf+xml", "text/turtle", "application/n-triples")
DOC_214 = f"{BASE}/eli/vn-29/kh/2024/214"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_fixture_store(tmp_path_factory.mktemp("protocol") / "store")
    handle = ox.Store(str(path))
    for n in range(4):
        name = ox.NamedNode(DATA.format(n))
        handle.add(ox.Quad(name, ox.NamedNode(RDF_TYPE), ox.NamedNode(FOAF_DOCUMENT), name))
    handle.flush()
    del handle
    return path


@pytest.fixture(scope="module")
def url(store):
    with running_server(store, timeout_s=5.0, workers=2) as base_url:
        yield base_url


def sparql(url, method="GET", **kwargs):
    return httpx.request(method, url + "/sparql", timeout=30, **kwargs)


def ask(response) -> bool:
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


JSON = {"Accept": "application/sparql-results+json"}
DIRECT = {"Content-Type": "application/sparql-query", **JSON}
FORM = {"Content-Type": "application/x-www-form-urlencoded", **JSON}


# ------------------------------------------------------------ W3C protocol tests: query, positive


def test_w3c_query_get(url):
    assert ask(sparql(url, params={"query": "ASK {}"}, headers=JSON)) is True


def test_w3c_query_post_form(url):
    assert ask(sparql(url, "POST", content=b"query=ASK%20%7B%7D", headers=FORM)) is True


def test_w3c_query_post_direct(url):
    assert ask(sparql(url, "POST", content=b"ASK {}", headers=DIRECT)) is True


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_w3c_query_dataset_default_graphs(url, method):
    graphs = {"default-graph-uri": [DATA.format(1), DATA.format(2)]}
    query = f"ASK {{ <{DATA.format(1)}> ?p ?o . <{DATA.format(2)}> ?p ?o }}"
    if method == "GET":
        response = sparql(url, params={"query": query, **graphs}, headers=JSON)
    else:
        response = sparql(url, "POST", params=graphs, content=query.encode(), headers=DIRECT)
    assert ask(response) is True
    only_one = sparql(url, params={"query": query, "default-graph-uri": DATA.format(1)}, headers=JSON)
    assert ask(only_one) is False


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_w3c_query_dataset_named_graphs(url, method):
    graphs = {"named-graph-uri": [DATA.format(1), DATA.format(2)]}
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    if method == "GET":
        response = sparql(url, params={"query": query, **graphs}, headers=JSON)
    else:
        response = sparql(url, "POST", params=graphs, content=query.encode(), headers=DIRECT)
    assert [b["g"]["value"] for b in response.json()["results"]["bindings"]] == [
        DATA.format(1),
        DATA.format(2),
    ]


def test_w3c_query_dataset_full(url):
    params = {"default-graph-uri": DATA.format(3), "named-graph-uri": [DATA.format(1), DATA.format(2)]}
    query = "SELECT ?g ?x ?s { ?x ?y ?o  GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    response = sparql(url, "POST", params=params, content=query.encode(), headers=DIRECT)
    rows = [
        (b["g"]["value"], b["x"]["value"], b["s"]["value"]) for b in response.json()["results"]["bindings"]
    ]
    assert rows == [(DATA.format(n), DATA.format(3), DATA.format(n)) for n in (1, 2)]


def test_w3c_query_multiple_dataset(url):
    """The dataset given by the protocol wins over the query's FROM."""
    params = {"default-graph-uri": DATA.format(2)}
    query = f"ASK FROM <{DATA.format(1)}> {{ <{DATA.format(2)}> ?p ?o }}"
    assert ask(sparql(url, "POST", params=params, content=query.encode(), headers=DIRECT)) is True
    query = f"ASK FROM <{DATA.format(1)}> {{ <{DATA.format(1)}> ?p ?o }}"
    assert ask(sparql(url, "POST", params=params, content=query.encode(), headers=DIRECT)) is False


@pytest.mark.parametrize(
    ("query", "offered"),
    [
        ("SELECT (1 AS ?value) {}", RESULT_TYPES),
        ("ASK {}", RESULT_TYPES[:2]),
        ("DESCRIBE <http://example.org/>", RDF_TYPES),
        ("CONSTRUCT { <s> <p> 1 } WHERE {}", RDF_TYPES),
    ],
    ids=["select", "ask", "describe", "construct"],
)
def test_w3c_query_content_type(url, query, offered):
    for accept in (", ".join(offered), None):
        headers = {"Content-Type": "application/sparql-query", **({"Accept": accept} if accept else {})}
        response = sparql(url, "POST", content=query.encode(), headers=headers)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] in offered


# ------------------------------------------------------------ W3C protocol tests: query, negative


def test_w3c_bad_query_method(url):
    assert sparql(url, "PUT", params={"query": "ASK {}"}).status_code == 405


def test_w3c_bad_multiple_queries(url):
    assert sparql(url, params={"query": ["ASK {}", "SELECT * {}"]}).status_code == 400


def test_w3c_bad_query_wrong_media_type(url):
    assert sparql(url, "POST", content=b"ASK {}", headers={"Content-Type": "text/plain"}).status_code == 415


@pytest.mark.parametrize("body", [b"query=ASK%20%7B%7D", b"ASK {}"], ids=["form", "direct"])
def test_w3c_bad_query_missing_type(url, body):
    request = httpx.Request("POST", url + "/sparql", content=body)
    assert "content-type" not in request.headers
    with httpx.Client(timeout=30) as http:
        assert http.send(request).status_code == 415


def test_w3c_bad_query_non_utf8(url):
    response = sparql(
        url,
        "POST",
        content="ASK {}".encode("utf-16"),
        headers={"Content-Type": "application/sparql-query; charset=UTF-16"},
    )
    assert response.status_code == 415 and "UTF-8" in response.text


def test_w3c_bad_query_syntax(url):
    assert sparql(url, params={"query": "ASK {"}).status_code == 400


def test_w3c_bad_update_get(url):
    response = sparql(url, params={"update": "CLEAR ALL"})
    assert response.status_code == 405  # an update is never sent by GET, whether or not updates are on
    assert response.headers["allow"] == "POST"


# ------------------------------------------------------------ the protocol points of issue 12


def test_relative_iris_resolve_against_the_graph_base(url):
    query = "SELECT ?symbol WHERE { <eli/vn-29/kh/2024/214> <http://data.europa.eu/eli/ontology#id_local> ?symbol }"
    response = sparql(url, params={"query": query}, headers=JSON)
    assert response.status_code == 200, response.text
    assert {b["symbol"]["value"] for b in response.json()["results"]["bindings"]} == {"214/KH-UBND"}


def test_a_latin1_body_is_refused_not_misread(url):
    query = 'SELECT ("é" AS ?x) {}'
    declared = sparql(
        url,
        "POST",
        content=query.encode("latin-1"),
        headers={"Content-Type": "application/sparql-query; charset=ISO-8859-1"},
    )
    assert declared.status_code == 415 and "iso-8859-1" in declared.text
    undeclared = sparql(url, "POST", content=query.encode("latin-1"), headers=DIRECT)
    assert undeclared.status_code == 400 and "not UTF-8 at byte 9" in undeclared.text
    utf8 = sparql(
        url,
        "POST",
        content=query.encode(),
        headers={**DIRECT, "Content-Type": "application/sparql-query; charset=utf-8"},
    )
    assert utf8.json()["results"]["bindings"][0]["x"]["value"] == "é"


def test_named_graph_uri_alone_leaves_the_default_graph_empty(url):
    params = {"query": "SELECT * WHERE { ?s ?p ?o }", "named-graph-uri": DATA.format(1)}
    assert sparql(url, params=params, headers=JSON).json()["results"]["bindings"] == []


@pytest.mark.parametrize("accept", ["application/rdf+xml", "text/turtle", "application/ld+json"])
def test_an_unknown_node_is_404_in_every_rdf_format(url, accept):
    assert httpx.get(url + "/eli/vn/nq/1999/0", headers={"Accept": accept}, timeout=30).status_code == 404


def test_an_unacceptable_type_is_406(url):
    page = httpx.get(url + "/eli/vn-29/kh/2024/214", headers={"Accept": "application/trig"}, timeout=30)
    assert page.status_code == 406 and "text/turtle" in page.text
    result = sparql(url, params={"query": "ASK {}"}, headers={"Accept": "application/x-unknown"})
    assert result.status_code == 406 and "application/sparql-results+json" in result.text
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert sparql(url, params={"query": "ASK {}"}, headers={"Accept": browser}).status_code == 200


def test_json_ld_has_a_compact_context(url):
    response = httpx.get(
        url + "/eli/vn-29/kh/2024/214", headers={"Accept": "application/ld+json"}, timeout=30
    )
    document = response.json()
    assert document["@context"]["eli"] == "http://data.europa.eu/eli/ontology#"
    nodes = document.get("@graph", [document])
    node = next(n for n in nodes if n["@id"] == DOC_214)
    assert node["eli:id_local"] == "214/KH-UBND"
    # the same triples as Turtle
    turtle = httpx.get(url + "/eli/vn-29/kh/2024/214", headers={"Accept": "text/turtle"}, timeout=30)
    as_turtle = set(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))
    as_jsonld = set(ox.parse(response.content, format=ox.RdfFormat.JSON_LD))
    assert as_jsonld == as_turtle and len(as_turtle) > 10


def test_graph_store_protocol_get(url):
    graph = httpx.get(
        url + "/sparql",
        params={"graph": DATA.format(1)},
        headers={"Accept": "application/n-triples"},
        timeout=30,
    )
    assert graph.status_code == 200 and graph.headers["content-type"].startswith("application/n-triples")
    assert [str(t) for t in ox.parse(graph.content, format=ox.RdfFormat.N_TRIPLES)] == [
        f"<{DATA.format(1)}> <{RDF_TYPE}> <{FOAF_DOCUMENT}>"
    ]
    default = httpx.get(url + "/sparql?default", headers={"Accept": "text/turtle"}, timeout=30)
    triples = set(ox.parse(default.content, format=ox.RdfFormat.TURTLE))
    assert len(triples) > 200  # the union of every graph
    missing = httpx.get(url + "/sparql", params={"graph": "http://example.org/none"}, timeout=30)
    assert missing.status_code == 404


def test_void_describes_the_dataset(url):
    response = httpx.get(url + "/.well-known/void", timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    void = ox.Store()
    void.load(response.content, format=ox.RdfFormat.TURTLE)
    ns = "http://rdfs.org/ns/void#"
    endpoint = list(void.query(f"SELECT ?e ?n WHERE {{ ?d <{ns}sparqlEndpoint> ?e ; <{ns}triples> ?n }}"))
    assert endpoint[0]["e"].value == url + "/sparql"
    quads = httpx.get(url + "/health", timeout=30).json()["quads"]
    assert int(endpoint[0]["n"].value) == quads
    names = {
        r["g"].value
        for r in void.query(
            "SELECT ?g WHERE { ?d <http://www.w3.org/ns/sparql-service-description#name> ?g }"
        )
    }
    assert DATA.format(1) in names and f"{BASE}/graph/registry" in names


def test_pages_link_to_their_rdf(url):
    response = httpx.get(url + "/eli/vn-29/kh/2024/214", headers={"Accept": "text/html"}, timeout=30)
    link = response.headers["link"]
    assert '</eli/vn-29/kh/2024/214?format=turtle>; rel="alternate"; type="text/turtle"' in link
    assert 'type="application/ld+json"' in link


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [("application/n-quads", ox.RdfFormat.N_QUADS), ("application/trig", ox.RdfFormat.TRIG)],
)
def test_whole_graph_download(url, accept, rdf_format):
    response = httpx.get(url + "/download", headers={"Accept": accept}, timeout=60)
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert "attachment" in response.headers["content-disposition"]
    quads = list(ox.parse(response.content, format=rdf_format))
    assert not [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]  # the store as it is
    assert len(quads) == httpx.get(url + "/health", timeout=30).json()["quads"]
    assert len({q.triple for q in quads}) == len(quads)  # each triple in one graph (store.py)
    assert {q.graph_name.value for q in quads} >= {DATA.format(0), f"{BASE}/graph/registry"}


def test_results_past_ten_thousand_rows_are_answered_whole(url):
    query = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 12000"
    response = sparql(url, params={"query": query}, headers=JSON)
    assert response.status_code == 200 and len(response.json()["results"]["bindings"]) == 12000


@pytest.mark.parametrize(
    "path",
    [
        "/eli/vn-29/kh/2024/214/vie",
        "/eli/vn-29/kh/2024/214/task/1/deadline",
        "/eli/vn-29/kh/2024/214/citation/1",
    ],
)
def test_every_iri_of_the_graph_has_a_page(url, path):
    page = httpx.get(url + path, headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and BASE + path in page.text
    rdf = httpx.get(url + path, headers={"Accept": "text/turtle"}, timeout=30)
    assert rdf.status_code == 200 and len(list(ox.parse(rdf.content, format=ox.RdfFormat.TURTLE))) >= 2
