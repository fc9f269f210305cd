"""--store http://…: the graph in an Oxigraph server (started here on loopback), loaded through the
Graph Store Protocol and queried through the SPARQL Protocol, answers as the embedded store does."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from graph.build import build
from graph.queries import run_query
from graph.remote import RemoteError, RemoteStore
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
