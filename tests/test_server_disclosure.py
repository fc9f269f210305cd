"""Holes of `policy-graph serve` closed at stop 15: what the server's answers disclosed of the
machine (the store's folder on /health, the source folder and a file's absolute path on the
source page, an exception's text in a 500, a dump's last words) and the shared budget of wrong
update tokens.  Each test is the attack; the real server on loopback over tests/fixtures/mini.trig
where a page is involved."""

from __future__ import annotations

import logging
import re
import shutil

import httpx
import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from graph.server import create_app
from graph.server.incident import public_reply
from graph.server.pool import WorkersNotStarting
from graph.server.protocol import not_starting_message
from graph.server.sparql import Job, _reply
from server_support import build_fixture_store, running_server

SOURCE = "/source/4478c4c3e9e6165e"  # the fixture's source file, quang-ngai_kh-ubnd_2024_214.txt
SOURCE_NAME = "quang-ngai_kh-ubnd_2024_214.txt"
REQUEST_ID = re.compile(r"request id ([0-9a-f]{12})")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("disclosure") / "store")


def _logged(caplog, rid: str) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if rid in r.getMessage())


def test_health_does_not_name_the_stores_folder(store):
    """Before: /health answered {"store": "/abs/path/to/store", ...} to anyone."""
    with running_server(store, workers=1) as url:
        health = httpx.get(url + "/health", timeout=30)
    assert health.status_code == 200 and health.json()["quads"] > 0
    assert str(store) not in health.text and str(store.parent) not in health.text
    assert "store" not in health.json()


def test_the_source_page_names_neither_the_source_folder_nor_a_files_absolute_path(store, tmp_path):
    """Before: a source file that had become unreadable (binary) answered 500 with
    'InputError: /abs/raw/quang-ngai_kh-ubnd_2024_214.txt: …', and a missing one a page naming
    the server's source folder.  Now the page says which file (its name in the graph) and why."""
    unreadable = tmp_path / "unreadable"
    unreadable.mkdir()
    (unreadable / SOURCE_NAME).write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "missing"
    missing.mkdir()
    for raw_dir, reason in ((unreadable, "binary file, not text"), (missing, "file not found")):
        with running_server(store, workers=1, raw_dir=str(raw_dir)) as url:
            page = httpx.get(url + SOURCE, timeout=30)
        assert page.status_code == 200
        assert SOURCE_NAME in page.text and reason in page.text
        assert str(tmp_path) not in page.text


def test_a_workers_internal_error_is_logged_with_an_id_and_the_client_gets_only_the_id(caplog):
    """Before: an unexpected exception in a worker answered '500 KeyError: <its text>' (a path,
    a library's internals).  Now the worker hands the detail to the server, which logs it."""

    class BrokenStore:
        def query(self, *args, **kwargs):
            raise KeyError("/srv/secret/store/000123.sst")

    worker_side = _reply(BrokenStore(), Job(mode="protocol", query="ASK {}", accept=[]))
    with caplog.at_level(logging.ERROR, logger="graph.server"):
        reply = public_reply(worker_side)
    assert reply[0] == "error" and reply[1] == 500 and len(reply) == 3
    assert "/srv/secret" not in reply[2] and "KeyError" not in reply[2]
    assert reply[2].startswith("Lỗi nội bộ của máy chủ") and "internal server error" in reply[2]
    rid = REQUEST_ID.search(reply[2])[1]
    assert "/srv/secret/store/000123.sst" in _logged(caplog, rid)


def test_a_store_error_in_a_worker_shows_no_path(caplog):
    class GoneStore:
        def query(self, *args, **kwargs):
            raise FileNotFoundError(2, "No such file or directory", "/srv/secret/store/CURRENT")

    with caplog.at_level(logging.ERROR, logger="graph.server"):
        reply = public_reply(_reply(GoneStore(), Job(mode="protocol", query="ASK {}", accept=[])))
    assert reply[:2] == ("error", 503) and "/srv/secret" not in reply[2] and "store error" in reply[2]
    assert "/srv/secret/store/CURRENT" in _logged(caplog, REQUEST_ID.search(reply[2])[1])


def test_workers_that_do_not_start_are_reported_without_their_last_words(caplog):
    """Before: the 503 (and /health's start_failure) quoted the worker's last words, such as
    'exit 1: OSError: … /srv/secret/store: Permission denied'."""
    reason = "exit 1: OSError: IO error: /srv/secret/store/LOCK: Permission denied"
    with caplog.at_level(logging.ERROR, logger="graph.server"):
        message = not_starting_message(WorkersNotStarting(reason))
    assert "could not start" in message and "/srv/secret" not in message
    assert reason in _logged(caplog, REQUEST_ID.search(message)[1])


def test_an_exception_nothing_handled_answers_an_id_not_its_text(store, caplog):
    """Before: whatever Starlette's last resort said; now a bilingual 500 with the request id,
    the security headers, and the exception's text in the log only."""
    app = create_app(str(store), workers=1)

    async def failing(request):
        raise RuntimeError("cannot open /srv/secret/raw/x.docx")

    app.router.routes.insert(0, Route("/boom{rest:path}", failing))
    with caplog.at_level(logging.ERROR, logger="graph.server"):
        answer = TestClient(app, base_url="http://localhost", raise_server_exceptions=False).get(
            "/boom%0DINFO:%20forged%20line"
        )
    assert answer.status_code == 500
    assert "/srv/secret" not in answer.text and "RuntimeError" not in answer.text
    assert "internal server error" in answer.text
    assert answer.headers["X-Frame-Options"] == "DENY"
    logged = _logged(caplog, REQUEST_ID.search(answer.text)[1])
    assert "/srv/secret/raw/x.docx" in logged
    assert "\r" not in logged and "forged line" in logged  # the path cannot forge a log line


def test_a_failed_dump_does_not_quote_the_dump_process(store, tmp_path, caplog):
    """Before: a dump that could not open the store answered 503 '…could not be dumped:
    OSError: …/store…' with the store's folder.  Here the store's folder is moved away after
    the workers opened it."""
    copy = shutil.copytree(store, tmp_path / "store")
    with running_server(copy, workers=1) as url:
        copy.rename(tmp_path / "moved")
        with caplog.at_level(logging.ERROR, logger="graph.server"):
            answer = httpx.get(url + "/download", timeout=60)
    assert answer.status_code == 503 and "could not be dumped" in answer.text
    assert str(tmp_path) not in answer.text
    assert str(copy) in _logged(caplog, REQUEST_ID.search(answer.text)[1])


# ------------------------------------------------------------ the fresh pass: what held (kept as tests)

HOSTILE_PATHS = [
    ("/%2e%2e/%2e%2e/etc/passwd", 404),
    ("/eli/..%2F..%2Fetc%2Fpasswd", 404),
    ("/source/..%2F..%2Fetc%2Fpasswd", 404),
    ("/static/..%2F..%2Fapp.py", 404),
    ("/static/%2e%2e/app.py", 404),
    ("/api/queries/..%2F..%2Fetc%2Fpasswd", 404),
    ("/eli/%00", 400),
    ("/source/%00", 400),
    ("/eli/%C0%AF", 400),  # overlong UTF-8 for '/'
    ("/eli/%ff", 400),
    ("/eli/%E2%80%AE", 404),  # right-to-left override: a valid IRI that names nothing
    ("//evil.example/", 404),
    ("/\\evil.example", 404),
    ("/deadlines?today=9999-99-99", 400),
    ("/documents?page=99999999999999999999&offset=-1&sort=__class__", 200),  # no paging: ignored
    ("/source/4478c4c3e9e6165e?start=" + "9" * 5000, 400),  # past Python's int digits limit
]


def test_hostile_paths_are_refused_or_not_found_never_read_or_failed(store):
    """Percent-encoded slashes and dots, NUL, overlong UTF-8, invalid bytes, scheme-relative paths:
    each a 400 or a 404 page, never a file outside the app, a 500 or a redirect."""
    with running_server(store, workers=1) as url:
        seen = [(path, httpx.get(url + path, timeout=30)) for path, _ in HOSTILE_PATHS]
    assert [(path, r.status_code) for path, r in seen] == HOSTILE_PATHS
    assert not any("root:" in r.text or "def create_app" in r.text for _, r in seen)


def test_vietnamese_typed_decomposed_finds_what_precomposed_finds(store):
    """A query typed in NFD (macOS, some Windows input methods) finds the same as in NFC; a
    Cyrillic look-alike letter finds nothing rather than failing."""
    import unicodedata

    with running_server(store, workers=1) as url:

        def found(q: str) -> list[str]:
            answer = httpx.get(url + "/search", params={"q": q, "format": "json"}, timeout=30)
            assert answer.status_code == 200
            return [hit["iri"] for hit in answer.json()]

        composed = found(unicodedata.normalize("NFC", "Sở Công Thương"))
        decomposed = found(unicodedata.normalize("NFD", "Sở Công Thương"))
        lookalike = found("Sở Cоng Thương")  # a Cyrillic о
    assert composed and decomposed == composed
    assert lookalike != composed


def test_an_update_from_a_browser_form_or_with_a_cookie_is_never_authorised(store, tmp_path):
    """CSRF: a form another site posts (its fields, a cookie, a token in the URL) never carries
    the token where the server reads it (the Authorization header alone)."""
    copy = shutil.copytree(store, tmp_path / "store")
    with running_server(copy, allow_update=True, update_token="s3cret-s3cret-s3cret", workers=1) as url:
        attempts = [
            httpx.post(
                url + "/sparql?access_token=s3cret-s3cret-s3cret",
                data={"update": "CLEAR ALL", "token": "s3cret-s3cret-s3cret"},
                headers={"Origin": "https://evil.example", "Cookie": "token=s3cret-s3cret-s3cret"},
                timeout=30,
            ),
            httpx.post(
                url + "/sparql",
                data={"update": "CLEAR ALL"},
                headers={"Cookie": "Authorization=Bearer s3cret-s3cret-s3cret"},
                timeout=30,
            ),
        ]
        quads = httpx.get(url + "/health", timeout=30).json()["quads"]
    assert [a.status_code for a in attempts] == [401, 401] and quads > 0


def test_a_download_when_a_rebuild_swaps_and_removes_the_store_midway_is_whole_or_cut_never_mixed(
    tmp_path,
):
    """The whole-store download under a concurrent rebuild: the build flips the link to a new
    generation and removes the old one while the dump is half sent.  The client gets the old
    generation whole (its files stay readable while open) or a cut transfer it can tell from
    a whole one, never a complete-looking answer short of quads or mixing the two stores."""
    import os

    import pyoxigraph as ox

    from graph.store import settle

    old, new = tmp_path / ".store.gen-1", tmp_path / ".store.gen-2"
    text = "Ủy ban nhân dân tỉnh triển khai thực hiện kế hoạch " * 3
    store = ox.Store(str(old))
    store.extend(
        ox.Quad(
            ox.NamedNode(f"urn:s{n}"), ox.NamedNode("urn:p"), ox.Literal(f"{text}{n}"), ox.NamedNode("urn:g")
        )
        for n in range(30_000)
    )
    settle(store)
    store.flush()
    del store
    second = ox.Store(str(new))
    second.add(
        ox.Quad(ox.NamedNode("urn:new"), ox.NamedNode("urn:p"), ox.Literal("x"), ox.NamedNode("urn:g"))
    )
    settle(second)
    second.flush()
    del second
    os.symlink(old.name, tmp_path / "store")
    with running_server(tmp_path / "store", workers=1) as url:
        with httpx.stream(
            "GET", url + "/download", headers={"Accept-Encoding": "identity"}, timeout=60
        ) as answer:
            chunks = answer.iter_bytes()
            received = [next(chunks)]
            os.symlink(new.name, tmp_path / "store.new")
            os.replace(tmp_path / "store.new", tmp_path / "store")
            shutil.rmtree(old)
            try:
                received.extend(chunks)
                whole = True
            except httpx.RemoteProtocolError:
                whole = False
        after = httpx.get(url + "/download", headers={"Accept-Encoding": "identity"}, timeout=60)
    body = b"".join(received)
    assert b"urn:new" not in body
    if whole:
        assert body.count(b"\n") == 30_000  # every quad of the old store
    assert after.content.count(b"\n") == 1 and b"urn:new" in after.content


def test_the_size_and_time_caps_hold_on_post_as_on_get(store):
    """Nothing found: a POSTed query (a form, or an application/sparql-query body, both answered
    by the shortcut) is refused past 32 MiB of result and stopped at the time limit, as a GET."""
    doubled = " ".join(f"BIND(CONCAT(?x{n}, ?x{n}) AS ?x{n + 1})" for n in range(12))
    huge = f"SELECT ?x12 WHERE {{ ?a ?b ?c BIND(STR(?a) AS ?x0) {doubled} }} LIMIT 600"
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with running_server(store, workers=1, timeout_s=4.0) as url:  # the 413 well within it under load
        answers = [
            httpx.post(url + "/sparql", timeout=60, **sent)
            for query in (huge, cross)
            for sent in (
                {"data": {"query": query}},
                {"content": query, "headers": {"Content-Type": "application/sparql-query"}},
            )
        ]
    assert [a.status_code for a in answers] == [413, 413, 503, 503]
    assert "larger than 32 MiB" in answers[0].text and "time limit" in answers[3].text


def test_a_store_swapped_for_one_the_workers_cannot_open_is_reported_without_its_path(tmp_path, caplog):
    """Before: a worker that found the link flipped to a generation it could not open answered
    503 'store error: /abs/…/store: this store was built by an earlier version…'."""
    import os

    import pyoxigraph as ox

    build_fixture_store(tmp_path / ".store.gen-1")
    unusable = ox.Store(str(tmp_path / ".store.gen-2"))  # no shared graph: refused by open_store
    unusable.add(
        ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"), ox.NamedNode("urn:g"))
    )
    unusable.flush()
    del unusable
    os.symlink(".store.gen-1", tmp_path / "store")
    with running_server(tmp_path / "store", workers=1) as url:
        os.symlink(".store.gen-2", tmp_path / "store.new")
        os.replace(tmp_path / "store.new", tmp_path / "store")
        with caplog.at_level(logging.ERROR, logger="graph.server"):
            answer = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert answer.status_code == 503 and "store error" in answer.text
    assert str(tmp_path) not in answer.text
    assert str(tmp_path) in _logged(caplog, REQUEST_ID.search(answer.text)[1])


def test_a_search_reads_the_stores_lists_once_per_worker_not_once_per_query(store):
    """Before: every search read and folded every document's labels, agency name and task text
    (~0.55 s of a worker's CPU on the real corpus whatever the query: a new query each time
    spent a worker at will); now they are read once per store a worker has open, and the
    answers are the same."""
    from graph.server import views
    from graph.store import open_store

    class Counting:
        def __init__(self, inner):
            self.inner, self.queries = inner, []

        def query(self, text, **kwargs):
            self.queries.append(text)
            return self.inner.query(text, **kwargs)

    opened = open_store(store)
    fresh = views.run_view(Counting(opened), "search", {"q": "thực hiện"})
    counting = Counting(opened)
    first = views.run_view(counting, "search", {"q": "thực hiện"})
    read_first = len(counting.queries)
    second = views.run_view(counting, "search", {"q": "công thương"})
    again = views.run_view(counting, "search", {"q": "thực hiện"})
    lists = (views.SEARCH_DOCUMENTS, views.SEARCH_TASKS, views.SEARCH_AGENCIES)
    assert first == fresh == again and first["documents"] and first["tasks"] and second != first
    assert sum(q in lists for q in counting.queries) == 3  # each list read by the first search only
    assert len(counting.queries) - read_first < read_first
