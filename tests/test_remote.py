"""--store http://…: the graph in an Oxigraph server (started here on loopback), loaded through the
Graph Store Protocol and queried through the SPARQL Protocol, answers as the embedded store does."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from graph.build import build
from graph.queries import run_query
from graph.remote import RemoteError, RemoteStore, connect
from graph.store import open_store
from graph.validate import validate_store
from test_export import assert_every_library_query_answers_alike

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEED_214 = RAW / "quang-ngai_kh-ubnd_2024_214.txt"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"  # the server binary of pip's `oxigraph` package


def free_port() -> int:
    from server_support import free_port as port

    return port()


@pytest.fixture
def server(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [
            str(OXIGRAPH),
            "serve",
            "--location",
            str(tmp_path / "oxigraph"),
            "--bind",
            url.removeprefix("http://"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
                assert time.monotonic() < deadline, "the Oxigraph server did not start"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_every_library_query_gives_the_same_rows_from_the_server(server, seed_build, seed_store, tmp_path):
    report = build([RAW], server, tmp_path / "ttl")
    assert report.rejected == [] and len(report.outputs) == len(seed_build[0].outputs)
    assert (report.store_quads, report.store_triples) == (
        seed_build[0].store_quads,
        seed_build[0].store_triples,
    )
    remote = open_store(server)
    assert isinstance(remote, RemoteStore)
    assert_every_library_query_answers_alike(seed_store, remote)
    assert validate_store(server).violations == validate_store(seed_build[1]).violations


def test_a_rebuild_on_the_server_replaces_each_graph_and_drops_the_files_gone(server, tmp_path):
    build([RAW], server, tmp_path / "ttl")
    fewer = build([SEED_214], server, tmp_path / "ttl-one")
    remote = RemoteStore(server)
    graphs = remote.named_graphs()
    assert sorted(g.rsplit("/", 1)[-1] for g in graphs) == [
        "ontology",
        "quang-ngai-kh-ubnd-2024-214",
        "registry",
    ]
    assert fewer.store_triples == int(
        next(iter(remote.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value
    )


def test_a_server_that_does_not_answer_is_named_with_the_reason(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(RemoteError, match="cannot reach the SPARQL server"):
        run_query(open_store(url), "documents", {})


# ------------------------------------------------------------ another server, named by a TOML file


def write_config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "store.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_config_naming_each_endpoint_builds_and_queries_as_the_url_does(server, tmp_path):
    config = write_config(
        tmp_path,
        f'query = "{server}/query"\nupdate = "{server}/update"\ngraph-store = "{server}/store"\n',
    )
    report = build([SEED_214], config, tmp_path / "ttl")
    assert report.rejected == [] and report.store_triples > 0
    by_config, by_url = open_store(config), open_store(server)
    assert isinstance(by_config, RemoteStore) and by_config.store_url == f"{server}/store"
    tasks = run_query(by_config, "tasks", {"doc": "214/KH-UBND"})
    assert len(tasks.rows) > 20
    assert tasks.rows == run_query(by_url, "tasks", {"doc": "214/KH-UBND"}).rows


def test_the_cli_reads_a_store_config_and_refuses_one_it_cannot_use(server, tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    build([SEED_214], server, tmp_path / "ttl")
    good = write_config(tmp_path, f'url = "{server}"\nserver = "oxigraph"\n')
    answer = CliRunner().invoke(main, ["query", "documents", "--store", good, "--format", "json"])
    assert answer.exit_code == 0, answer.output
    assert "214/KH-UBND" in answer.output
    bad = write_config(tmp_path, f'url = "{server}"\nserver = "blazegraph"\n')
    refused = CliRunner().invoke(main, ["query", "documents", "--store", bad])
    assert refused.exit_code == 2
    assert "store.toml" in refused.output and "server 'blazegraph' is not one of" in refused.output


@pytest.mark.parametrize(
    ("kind", "root", "endpoints"),
    [
        ("oxigraph", "http://h:7878", ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
        (
            "fuseki",
            "http://h:3030/policy",
            ("http://h:3030/policy/query", "http://h:3030/policy/update", "http://h:3030/policy/data"),
        ),
        (
            "graphdb",
            "http://h:7200/repositories/policy",
            (
                "http://h:7200/repositories/policy",
                "http://h:7200/repositories/policy/statements",
                "http://h:7200/repositories/policy/rdf-graphs/service",
            ),
        ),
        (
            "virtuoso",
            "http://h:8890/",
            ("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud"),
        ),
    ],
)
def test_each_server_kind_names_its_endpoints_by_its_convention(tmp_path, kind, root, endpoints):
    store = connect(write_config(tmp_path, f'url = "{root}"\nserver = "{kind}"\n'))
    assert (store.query_url, store.update_url, store.store_url) == endpoints


def test_an_endpoint_named_outright_wins_over_the_convention(tmp_path):
    store = connect(
        write_config(
            tmp_path,
            'url = "http://h:3030/policy"\nserver = "fuseki"\nquery = "http://h:3030/policy/sparql"\n',
        )
    )
    assert (store.query_url, store.store_url) == ("http://h:3030/policy/sparql", "http://h:3030/policy/data")


def test_the_password_comes_from_the_environment_variable_the_config_names(tmp_path, monkeypatch):
    text = 'url = "http://h:3030/policy"\nserver = "fuseki"\nuser = "admin"\npassword-env = "PG_TEST_PW"\n'
    monkeypatch.delenv("PG_TEST_PW", raising=False)
    with pytest.raises(RemoteError, match="user 'admin' needs password-env naming an environment variable"):
        connect(write_config(tmp_path, text))
    monkeypatch.setenv("PG_TEST_PW", "mật-khẩu")
    assert connect(write_config(tmp_path, text)).auth == ("admin", "mật-khẩu")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('url = "http://h"\nendpoint = "x"\n', "unknown keys: endpoint"),
        ('url = "ftp://h/x"\n', "url must be an http(s) URL"),
        ('server = "fuseki"\n', "give url, or all three of query, update and graph-store"),
        ('url = "http://h\n', "not valid TOML"),
        # (stop 17) before: a traceback (ValueError), a request failing at once, or never given up
        ('url = "http://h"\ntimeout = "soon"\n', "timeout must be seconds above 0: 'soon'"),
        ('url = "http://h"\ntimeout = 0\n', "timeout must be seconds above 0: 0"),
        ('url = "http://h"\ntimeout = nan\n', "timeout must be seconds above 0: nan"),
        ('url = "http://h"\ntimeout = inf\n', "timeout must be seconds above 0: inf"),
    ],
)
def test_a_config_that_cannot_be_used_is_refused_with_its_file_and_reason(tmp_path, text, reason):
    with pytest.raises(RemoteError, match=re.escape(reason)) as refused:
        connect(write_config(tmp_path, text))
    assert str(refused.value).startswith(
        f"{tmp_path / 'store.toml'}: cấu hình máy chủ SPARQL không dùng được"
    )


def test_the_cli_names_a_server_that_does_not_answer_in_one_line():
    from click.testing import CliRunner

    from graph.cli import main

    url = f"http://127.0.0.1:{free_port()}"
    answer = CliRunner().invoke(main, ["query", "documents", "--store", url])
    assert answer.exit_code == 1
    assert answer.output.startswith(f"Error: {url}/query: không kết nối được máy chủ SPARQL")
    assert "Traceback" not in answer.output


def test_a_build_that_fails_while_uploading_leaves_the_previous_graph_whole(server, tmp_path):
    from graph.remote import STAGING, count, load
    from graph.store import GraphFile

    build([SEED_214], server, tmp_path / "ttl")
    remote = RemoteStore(server)
    before = (remote.named_graphs(), count(remote, "?s ?p ?o"), count(remote, "GRAPH ?g { ?s ?p ?o }"))
    ttl = sorted((tmp_path / "ttl").glob("*.ttl"))
    gone = GraphFile("https://w3id.org/policy-graph/graph/gone", tmp_path / "ttl" / "gone.ttl")
    with pytest.raises(OSError):
        load(remote, [GraphFile(f"https://w3id.org/policy-graph/graph/{p.stem}", p) for p in ttl] + [gone])
    graphs = remote.named_graphs()
    assert [g for g in graphs if not g.startswith(STAGING)] == before[0]
    assert count(remote, "?s ?p ?o") == before[1]  # readers still see the previous build
    assert any(g.startswith(STAGING) for g in graphs)  # what the failed build uploaded
    build([SEED_214], server, tmp_path / "ttl-again")
    assert remote.named_graphs() == before[0]  # the next build drops it
    assert count(remote, "GRAPH ?g { ?s ?p ?o }") == before[2]


def test_a_server_that_redirects_is_refused_and_the_redirect_never_followed(tmp_path, monkeypatch):
    """(stop 17) The attack: the configured server (or whoever answers at its address) redirects
    every request to another host.  Before: a 3xx was taken for success, so an update or a whole
    build's upload looked done while nothing was stored.  The redirect was not followed (httpx's
    default), so neither the query nor the password went to the other host: kept as a test."""
    import http.server
    import threading

    contacts: dict[str, list] = {"elsewhere": [], "configured": []}

    def handler(name: str, answer: int, location: str = ""):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                contacts[name].append((self.path, self.headers.get("Authorization")))
                self.send_response(answer)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_PUT = do_POST

            def log_message(self, *args):
                pass

        return Handler

    servers = []
    try:
        elsewhere = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler("elsewhere", 200))
        target = f"http://127.0.0.1:{elsewhere.server_address[1]}/steal"
        servers.append(elsewhere)
        threading.Thread(target=elsewhere.serve_forever, daemon=True).start()
        for status in (301, 302, 307, 308):
            configured = http.server.ThreadingHTTPServer(
                ("127.0.0.1", 0), handler("configured", status, target)
            )
            servers.append(configured)
            threading.Thread(target=configured.serve_forever, daemon=True).start()
            root = f"http://127.0.0.1:{configured.server_address[1]}"
            monkeypatch.setenv("PG_TEST_PW", "mật-khẩu")
            store = connect(
                write_config(tmp_path, f'url = "{root}"\nuser = "u"\npassword-env = "PG_TEST_PW"\n')
            )
            for method, args in (
                (store.update, ("INSERT DATA { <urn:a> <urn:b> <urn:c> }",)),
                (store.put_graph, ("urn:g", b"<urn:a> <urn:b> <urn:c> .\n")),
                (store.query, ("ASK {}",)),
            ):
                with pytest.raises(
                    RemoteError, match=f"redirects elsewhere, not followed\\) {status}: {target}"
                ):
                    method(*args)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    assert len(contacts["configured"]) == 12 and contacts["elsewhere"] == []


@pytest.mark.parametrize("command", [["query", "documents"], ["validate"]])
def test_a_password_in_the_store_url_is_refused_and_never_printed(command):
    """(stop 19) Before: ``--store http://admin:s3cret@host`` sent the password as HTTP basic
    credentials, showed it in ``ps`` while the command ran, and printed it whole in every error
    about the server ('http://admin:s3cret@127.0.0.1:…/query: cannot reach the SPARQL server').
    Now it is refused before any request, the password hidden, pointing to password-env."""
    from click.testing import CliRunner

    from graph.cli import main

    url = f"http://admin:s3cret-pw@127.0.0.1:{free_port()}"
    answer = CliRunner().invoke(main, [*command, "--store", url])
    assert answer.exit_code != 0
    assert "s3cret" not in answer.output
    assert f"http://admin:***@127.0.0.1:{url.rsplit(':', 1)[1]}" in answer.output
    assert "use a TOML file with user and password-env" in answer.output


@pytest.mark.parametrize("key", ["url", "query"])
def test_a_password_in_a_store_config_url_is_refused_and_never_printed(tmp_path, key):
    """A URL of the TOML file holding a password bypassed password-env (the password then sits in a
    file people share, and was printed in every error about the server)."""
    endpoints = "" if key == "url" else 'update = "http://h/u"\ngraph-store = "http://h/s"\n'
    text = f'{key} = "http://admin:s3cret-pw@h:3030/policy"\nserver = "fuseki"\n{endpoints}'
    with pytest.raises(RemoteError, match=re.escape(f"{key} holds a password")) as refused:
        connect(write_config(tmp_path, text))
    assert "s3cret" not in str(refused.value) and "http://admin:***@h:3030/policy" in str(refused.value)
