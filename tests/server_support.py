"""Start the real server (uvicorn, free loopback port) on a store built from tests/fixtures/mini.trig."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox
import uvicorn

from graph.server import create_app
from graph.server.app import server_config
from graph.store import settle

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
RAW_DIR = Path(__file__).resolve().parents[1] / "data" / "raw"
BASE = "https://w3id.org/policy-graph"


def build_fixture_store(path: Path) -> Path:
    store = ox.Store(str(path))
    store.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    settle(store)
    store.flush()
    del store
    return path


def build_fixture_store_with(path: Path, subject: str, predicate: str, new_value) -> Path:
    """The fixture store with each value of ``subject``'s ``predicate`` replaced by
    ``new_value(old value)``, in the same graph (the hostile or odd data a test needs)."""
    build_fixture_store(path)
    store = ox.Store(str(path))
    for quad in list(store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None, None)):
        store.remove(quad)
        store.add(ox.Quad(quad.subject, quad.predicate, new_value(quad.object), quad.graph_name))
    settle(store)
    store.flush()
    del store
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(store_path: Path, max_connections: int = 256, header_timeout_s: float = 10.0, **options):
    """Yield the server's base URL; the server (and its query workers) stop on exit."""
    app = create_app(str(store_path), **{"raw_dir": str(RAW_DIR), **options})
    with serving(app, max_connections, header_timeout_s) as url:
        yield url


@contextmanager
def serving(
    app,
    max_connections: int = 256,
    header_timeout_s: float = 10.0,
    wait_for_workers: bool = True,
    **config_options,
):
    """Serve ``app`` (made by create_app) on a free loopback port; yield its base URL once
    /health says the workers answer (or, without ``wait_for_workers``, once it answers at all)."""
    port = free_port()
    server = uvicorn.Server(
        server_config(
            app,
            "127.0.0.1",
            port,
            max_connections=max_connections,
            header_timeout_s=header_timeout_s,
            log_level="warning",
            **config_options,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:  # wait until the workers answer, not only the socket
            try:
                if httpx.get(url + "/health", timeout=30).status_code == 200 or not wait_for_workers:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.1)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=30)


class Listener:
    """A loopback HTTP endpoint answering like a SPARQL endpoint, recording every contact."""

    def __init__(self):
        contacts = self.contacts = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                contacts.append(self.path)
                body = b'{"head":{"vars":["secret"]},"results":{"bindings":[{"secret":{"type":"literal","value":"S"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
