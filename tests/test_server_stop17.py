"""Holes of `policy-graph serve` closed at stop 17, each with the attack that opened it: inline
styles allowed on every page, one document written many ways made as many implementation trees
(a worker's turn and a kept page each), a made-up IRI cost three worker jobs each time it was
asked, Python's English words on a bad date, a long percent-encoded path decoded and looked up
whole.  The real server on loopback over tests/fixtures/mini.trig."""

from __future__ import annotations

import socket
import unicodedata
from urllib.parse import urlsplit

import httpx
import pytest

from graph.server import create_app
from graph.server.limits import MAX_PATH_BYTES
from graph.server.pagecache import KeptPages
from server_support import RAW_DIR, build_fixture_store, build_fixture_store_with, running_server, serving

PLAN_214 = "https://w3id.org/policy-graph/eli/vn-29/kh/2024/214"
ID_LOCAL = "http://data.europa.eu/eli/ontology#id_local"
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
HTML_PAGES = [
    "/",
    "/search?q=K%E1%BA%BF%20ho%E1%BA%A1ch",
    "/documents",
    "/tree?doc=29-NQ/TW",
    "/deadlines",
    "/compare?doc=29-NQ/TW",
    "/eli/vn-29/kh/2024/214",
    "/org/vn-29/so-cong-thuong",
    "/eli/vn-29/kh/2024/214/task/1",
    "/eli/no/such/node",
    "/sparql-ui",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("stop17") / "store")


@pytest.fixture(scope="module")
def url(store):
    with running_server(store) as base_url:
        yield base_url


@pytest.fixture
def counted(store):
    """A server whose worker jobs are counted: (base URL, app, the list of jobs run)."""
    app = create_app(str(store), raw_dir=str(RAW_DIR))
    jobs: list = []
    run = app.state.pool.run

    async def counting(job, *args, **kwargs):
        jobs.append(job)
        return await run(job, *args, **kwargs)

    app.state.pool.run = counting
    with serving(app) as base_url:
        jobs.clear()  # /health's count of the store while starting
        yield base_url, app, jobs


def get(url: str, path: str, **kwargs) -> httpx.Response:
    return httpx.get(url + path, timeout=30, **kwargs)


# ------------------------------------------------------------ no inline style on any page


@pytest.mark.parametrize("path", HTML_PAGES)
def test_no_page_allows_an_inline_style_but_the_vendored_libraries_own(url, path):
    """Before: ``style-src 'self' 'unsafe-inline'`` on every answer: markup that escaped the
    escaping could still style the page (CSS can read a page out: an attribute selector per
    character, each loading a background).  Now only the stylesheet and the fixed <style> texts
    of vis-network and YASGUI (by hash; the browser tests show nothing else is inserted); the
    pages themselves carry no style element or attribute."""
    response = get(url, path)
    assert response.headers["content-type"].startswith("text/html")
    policy = dict(
        (part.split()[0], part.split()[1:])
        for part in response.headers["content-security-policy"].split("; ")
    )
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert policy["style-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["style-src"][1:])
    assert policy["script-src"] == ["'self'"]
    assert "<style" not in response.text and " style=" not in response.text


# ------------------------------------------------------------ one document, one tree


SPELLINGS = ["29-nq/tw", "29-NQ/TW ", "Nghị quyết 29-NQ/TW", "Nghị quyết số 29", "nghị quyết 29"]


def test_a_document_written_many_ways_is_redirected_to_one_spelling_and_made_once(counted):
    """The attack: /tree?doc= with the same document written as many ways as the resolver reads
    (case, 'Nghị quyết số …', the IRI): each a worker's implementation tree and a kept page (256
    a path).  Now each spelling is answered with a redirect to the one the page is kept under
    (its symbol as printed), the redirect itself kept; the tree is made once."""
    url, app, jobs = counted
    iri = "https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw"
    answers = [get(url, "/tree", params={"doc": spelling}) for spelling in [*SPELLINGS, iri]]
    assert [r.status_code for r in answers] == [302, 200, 302, 302, 302, 302]  # ' ' is stripped
    for answer in answers[:1] + answers[2:]:
        assert answer.headers["location"] == "/tree?doc=29-NQ%2FTW"
    views = [job.query for job in jobs]
    assert views.count("tree") == len(SPELLINGS) + 1  # each spelling looked up once ...
    followed = [get(url, "/tree", params={"doc": s}, follow_redirects=True) for s in [*SPELLINGS, iri]]
    assert len({r.text for r in followed}) == 1 and 'value="29-NQ/TW"' in followed[0].text
    assert [job.query for job in jobs] == views  # ... and never again: redirects and tree kept
    kept = app.state.pages.variants
    assert len(kept["/tree"]) == 1 and len(kept[" 302"]) == len(SPELLINGS)


def test_the_redirect_keeps_the_parameters_the_page_reads_and_the_export_format(url):
    answer = get(url, "/tree", params={"doc": "29-nq/tw", "format": "csv", "province": "Quảng Ngãi"})
    assert answer.status_code == 302
    target = urlsplit(answer.headers["location"])
    assert (target.path, target.query) == (
        "/tree",
        "doc=29-NQ%2FTW&province=Qu%E1%BA%A3ng+Ng%C3%A3i&format=csv",
    )
    export = get(url, answer.headers["location"])
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    compare = get(url, "/compare", params={"doc": "nghị quyết 29"})
    assert (compare.status_code, compare.headers["location"]) == (302, "/compare?doc=29-NQ%2FTW")


def test_a_kept_redirect_hands_no_one_the_parameters_another_client_added(url):
    """The redirect is kept under what the page reads: a parameter it does not read (``x=``, a
    tracking parameter, a link to somewhere) was put into the kept Location and handed to the
    next client who wrote the document the same way."""
    first = get(
        url, "/tree", params={"doc": "29-NQ/tw", "x": "https://evil.example/", "today": " 2025-01-01"}
    )
    second = get(url, "/tree", params={"doc": "29-NQ/tw", "today": "2025-01-01"})
    assert first.headers["location"] == second.headers["location"] == "/tree?doc=29-NQ%2FTW&today=2025-01-01"


def test_a_document_without_a_symbol_is_kept_under_its_iri(url):
    """An unnumbered draft has no symbol: its one spelling is its IRI, asked without a redirect."""
    draft = "https://w3id.org/policy-graph/eli/vn-27/kh/2023/draft-0badc0de"
    assert get(url, "/tree", params={"doc": draft}).status_code == 200


def test_the_tree_of_a_document_whose_symbol_another_prints_is_reached_from_every_page(tmp_path):
    """Found on the real corpus (34 ingested documents print a symbol another prints, such as
    87/2025/QĐ-UBND): the landing, search and document pages linked the tree by symbol, and the
    tree answered 'matches several documents' (404).  Links now name the IRI; a symbol that names
    one document alone is the redirect's target, a shared one is not."""
    import pyoxigraph as ox

    path = build_fixture_store_with(tmp_path / "store", PLAN_214, ID_LOCAL, lambda _: ox.Literal("29-NQ/TW"))
    iri = "https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw"
    with running_server(path, workers=1) as url:
        pages = [get(url, "/eli/vn/nq/2022/29-tw").text, get(url, "/").text]
        pages.append(get(url, "/search", params={"q": "29-NQ/TW"}).text)
        by_symbol = get(url, "/tree", params={"doc": "29-NQ/TW"})
        tree = get(url, "/tree", params={"doc": iri}, follow_redirects=True)
    link = "/tree?doc=https%3A//w3id.org/policy-graph/eli/vn/nq/2022/29-tw"
    assert all(link in page for page in pages)
    assert by_symbol.status_code == 404 and "matches several documents" in by_symbol.text
    assert tree.status_code == 200 and not tree.history  # the IRI is this document's one spelling
    assert 'class="tree cards"' in tree.text


# ------------------------------------------------------------ the 404 of a made-up IRI


def test_a_made_up_iri_costs_one_worker_job_and_nothing_when_asked_again(counted):
    """Measured before (fixture store, loaded machine, server CPU with its workers): a 404 2.3 ms
    whether new or asked before, three worker jobs each time; a kept page 0.33 ms.  After: one
    job for a new IRI (1.6 ms), none for one asked before (0.40 ms)."""
    url, _app, jobs = counted
    first = get(url, "/eli/vn/x/made-up")
    assert first.status_code == 404 and len(jobs) == 1
    again = get(url, "/eli/vn/x/made-up")
    assert again.status_code == 404 and len(jobs) == 1
    assert again.content == first.content and "etag" not in again.headers
    assert "/eli/vn/x/made-up" in again.text  # the page names what was asked for, as text


def test_made_up_iris_never_push_the_pages_people_read_out_of_the_cache():
    """404s are variants of one group (``max_variants`` of them at most), not one path each."""
    kept = KeptPages(lambda: (1,), max_bytes=10**6, max_variants=4)
    kept.add(b"page", "/eli/vn-29/kh/2024/214", {"status": 200}, b"x", 100)
    for n in range(1000):
        kept.add(f"gone {n}".encode(), " 404", {"status": 404}, b"y", 100)
    assert kept.touch(b"page") is not None
    assert len(kept.variants[" 404"]) == 4 and len(kept.entries) == 5


def test_a_kept_404_is_never_turned_into_a_304(url):
    first = get(url, "/eli/vn/x/conditional")
    again = get(url, "/eli/vn/x/conditional", headers={"If-None-Match": "*"})
    assert (first.status_code, again.status_code) == (404, 404) and again.content == first.content


# ------------------------------------------------------------ dates in both languages


@pytest.mark.parametrize(
    "path, params, shown",
    [
        ("/tree", {"doc": "29-NQ/TW", "from": "x"}, "write yyyy-mm-dd, dd/mm/yyyy or a year yyyy"),
        ("/tree", {"doc": "29-NQ/TW", "to": "31/02/2024"}, "no such day in the calendar"),
        ("/tree", {"doc": "29-NQ/TW", "from": "2024-13-45"}, "no such day in the calendar"),
        ("/deadlines", {"today": "2024-02-30"}, "today must be a day, yyyy-mm-dd"),
        ("/deadlines", {"today": "20240101"}, "today must be a day, yyyy-mm-dd"),
        ("/api/queries/due", {"until": "٢٠٢٤"}, "write yyyy-mm-dd, dd/mm/yyyy or a year yyyy"),
    ],
)
def test_a_bad_date_is_explained_in_both_languages_not_in_pythons_words(url, path, params, shown):
    """Before: "… (not a year or a date): Invalid isoformat string: 'x'", "month must be in
    1..12", "day is out of range for month": Python's English, naming Python's format; and
    '٢٠٢٤' (Arabic-Indic digits, matched by \\d) was read as the year 2024."""
    answer = get(url, path, params=params)
    assert answer.status_code == 400
    assert shown in answer.text
    for python_words in ("isoformat", "must be in", "out of range"):
        assert python_words not in answer.text
    assert "không phải" in answer.text or "phải là" in answer.text  # and in Vietnamese


# ------------------------------------------------------------ a long path


def raw_get(url: str, target: str) -> bytes:
    host, port = urlsplit(url).hostname, urlsplit(url).port
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_a_path_longer_than_any_iri_is_refused_before_it_is_decoded_or_looked_up(counted):
    """Before: a 60 KB path of '%41' (under the 64 KiB head cap) was percent-decoded by uvicorn
    (3.2 ms) and looked up as an IRI by three worker jobs: 7.5 ms of server CPU a request against
    0.33 ms for a kept page.  Now a 414 from the protocol, in both languages, no job (1.0 ms, most
    of it reading the 60 KB).  A query string may still be long (a SPARQL query sent by GET)."""
    url, _app, jobs = counted
    answer = raw_get(url, "/eli/" + "%41" * 20000)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414 ")
    assert b"content-security-policy" in head.lower()
    assert "Đường dẫn quá" in body.decode() and "longer than" in body.decode()
    assert jobs == []
    just_under = raw_get(url, "/eli/" + "a" * (MAX_PATH_BYTES - 5))
    assert just_under.startswith(b"HTTP/1.1 404 ")
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * 20000
    long_query = get(url, "/sparql", params={"query": query}, headers={"Accept": "application/json"})
    assert long_query.status_code == 200


# ------------------------------------------------------------ one text, however it is written


INVISIBLE = {
    "zero-width space": lambda t: t.replace(" ", "\u200b "),
    "soft hyphen": lambda t: t[:3] + "\u00ad" + t[3:],
    "zero-width joiner": lambda t: t[:2] + "\u200d" + t[2:],
    "bidi isolate": lambda t: "\u2068" + t + "\u2069",
    "decomposed (NFD)": lambda t: unicodedata.normalize("NFD", t),
}


@pytest.mark.parametrize("spelling", INVISIBLE)
def test_a_name_with_invisible_characters_finds_what_the_name_finds(counted, spelling):
    """Found (real corpus): 'Sở Tư pháp' copied with a zero-width space, a soft hyphen or a joiner
    (as web pages and Word files carry them) found nothing (50 results written plainly), and
    '５７-NQ/TW' (fullwidth) or '57\\u200b-NQ/TW' was no document; each spelling was also its own
    kept page.  Now a page parameter is read as NFKC without format characters, and keyed so."""
    url, _app, jobs = counted
    plain = get(url, "/search", params={"q": "Sở Công Thương", "format": "json"})
    written = get(url, "/search", params={"q": INVISIBLE[spelling]("Sở Công Thương"), "format": "json"})
    assert plain.status_code == written.status_code == 200
    assert len(plain.json()) >= 1 and written.json() == plain.json()
    assert [job.query for job in jobs] == ["search"]  # the second was the kept answer


def test_a_document_symbol_written_fullwidth_or_with_a_zero_width_space_is_that_document(counted):
    url, app, jobs = counted
    pages = [get(url, "/tree", params={"doc": doc}) for doc in ("29-NQ/TW", "２９-ＮＱ/TW", "29\u200b-NQ/TW")]
    assert [p.status_code for p in pages] == [200, 200, 200]
    assert len({p.text for p in pages}) == 1 and len(app.state.pages.variants["/tree"]) == 1
    assert [job.query for job in jobs] == ["tree"]


@pytest.mark.parametrize("path", ["/search", "/tree", "/eli/vn/x", "/api/labels", "/documents"])
def test_a_url_of_thousands_of_parameters_is_refused_before_any_route_parses_it(counted, path):
    """Before: a page parsed a 60 KB query string of 15,000 fields whole, twice (the page cache's
    key, then the handler): 14.5–17 ms of server CPU a request on the real corpus's server, against
    0.5 ms on /sparql, which refused more than 1,000 fields.  Now every route refuses them alike."""
    url, _app, jobs = counted
    answer = get(url, path + "?" + "a=1&" * 1000)
    assert answer.status_code == 400 and "more than 1000 parameters" in answer.text
    assert "Quá 1000 tham số" in answer.text and jobs == []
    assert get(url, "/documents?" + "a=1&" * 999).status_code == 200  # 1,000 fields: read


def test_a_right_to_left_override_in_a_label_turns_only_its_own_text(tmp_path):
    """Attack: a source document whose title ends in U+202E (RIGHT-TO-LEFT OVERRIDE), or a name
    an update stores so.  Shown as it was, the override ran on to the end of its line: in the
    tree's list of documents '· 2 nhiệm vụ' after the name read backwards, the page's own words
    spoofed.  Every value a page shows now closes what it opens (a PDF, U+202C, after it)."""
    import re

    import pyoxigraph as ox

    def overridden(label):
        return ox.Literal(label.value + " \u202eTW-QN-92", language=label.language)

    path = build_fixture_store_with(tmp_path / "store", PLAN_214, PREF_LABEL, overridden)
    with running_server(path, workers=1) as url:
        pages = [get(url, p) for p in ("/tree?doc=29-NQ/TW", "/eli/vn-29/kh/2024/214", "/search?q=214")]
    for page in pages:
        assert page.status_code == 200 and "\u202eTW-QN-92" in page.text
        # every override is closed before the markup around it goes on
        assert re.findall("\u202e[^<\u202c]*(?=<)", page.text) == []
