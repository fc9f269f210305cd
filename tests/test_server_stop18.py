"""Holes of `policy-graph serve` closed at stop 18, each with the attack that opened it: one
client holding every connection the server allows, a tree's Excel export failing on a control
character in a task's text (the CLI's side: tests/test_terminal.py).  The real server on loopback over
tests/fixtures/mini.trig; a second client is a second loopback address (127.0.0.2: Linux
answers the whole of 127/8 on the loopback interface)."""

from __future__ import annotations

import io
import socket
import time

import httpx
import pyoxigraph as ox
import pytest
from openpyxl import load_workbook

from graph.server import create_app
from graph.server.limits import MAX_CONNECTIONS_PER_CLIENT, ConnectionShares
from server_support import RAW_DIR, build_fixture_store, build_fixture_store_with, running_server, serving

ATTACKER = "127.0.0.2"
TASK_1 = "https://w3id.org/policy-graph/eli/vn-29/kh/2024/214/task/1"
PG_TEXT = "https://w3id.org/policy-graph/ontology#text"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("stop18") / "store")


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _connect_from(address: str, port: int) -> socket.socket:
    sock = socket.socket()
    sock.bind((address, 0))
    sock.settimeout(10)
    sock.connect(("127.0.0.1", port))
    return sock


def _refused(sock: socket.socket) -> bool:
    """Whether the server answered this idle connection at once with its 503 (accepted ones wait
    for a request head and say nothing)."""
    sock.settimeout(0.3)
    try:
        return sock.recv(100).startswith(b"HTTP/1.1 503")
    except TimeoutError:
        return False


def _health_from(address: str, port: int) -> bytes:
    with _connect_from(address, port) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return sock.recv(100)


def test_one_client_cannot_hold_every_connection(store):
    """Before: 64 idle connections from one address (the server's cap) and every other client's
    request was a 503 (the attacker opens them again as the 10 s head deadline closes them).  Now
    that address holds at most its share; another client is served."""
    with running_server(store, max_connections=64) as url:
        port = _port(url)
        held = [_connect_from(ATTACKER, port) for _ in range(64)]
        try:
            time.sleep(0.3)
            refused = [_refused(sock) for sock in held]
            assert refused.count(False) == MAX_CONNECTIONS_PER_CLIENT
            assert not any(refused[:MAX_CONNECTIONS_PER_CLIENT])  # the first ones are kept
            assert _health_from("127.0.0.1", port).startswith(b"HTTP/1.1 200")
        finally:
            for sock in held:
                sock.close()
        time.sleep(0.3)  # closed connections give their share back
        assert _health_from(ATTACKER, port).startswith(b"HTTP/1.1 200")


def test_the_refusal_says_why_in_both_languages(store):
    with running_server(store, max_connections=64) as url:
        held = [_connect_from(ATTACKER, _port(url)) for _ in range(MAX_CONNECTIONS_PER_CLIENT)]
        try:
            with _connect_from(ATTACKER, _port(url)) as extra:
                reply = extra.recv(1000).decode()
            assert reply.startswith("HTTP/1.1 503")
            assert f"Quá {MAX_CONNECTIONS_PER_CLIENT} kết nối từ một địa chỉ" in reply
            assert f"more than {MAX_CONNECTIONS_PER_CLIENT} open connections from one address" in reply
        finally:
            for sock in held:
                sock.close()


def test_a_trusted_proxy_may_hold_more_connections_than_one_client(store):
    """Behind a reverse proxy every client arrives through the proxy's address: its connections
    are not counted as one client's."""
    app = create_app(str(store), raw_dir=str(RAW_DIR))
    with serving(app, max_connections=64, trusted_proxies=(ATTACKER,)) as url:
        held = [_connect_from(ATTACKER, _port(url)) for _ in range(MAX_CONNECTIONS_PER_CLIENT + 8)]
        try:
            time.sleep(0.3)
            assert not any(_refused(sock) for sock in held)
        finally:
            for sock in held:
                sock.close()
        assert httpx.get(url + "/health", timeout=30).status_code == 200


@pytest.mark.parametrize(
    ("peer", "network"),
    [
        (("203.0.113.7", 5000), "203.0.113.7"),
        (("2001:db8:1:2:aaaa::1", 5000, 0, 0), "2001:db8:1:2::/64"),  # one subscriber's /64
        (("::ffff:203.0.113.7", 5000, 0, 0), "203.0.113.7"),  # IPv4 written as IPv6
        (("10.0.0.5", 5000), None),  # the trusted proxy
        ("/run/policy-graph.sock", None),  # a Unix socket: no address
    ],
)
def test_connections_are_counted_per_client_network(peer, network):
    shares = ConnectionShares(2, ("10.0.0.0/24",))
    assert shares.network_of(peer) == network


def test_a_share_is_given_back_when_its_connections_close():
    shares = ConnectionShares(2)
    assert shares.take("203.0.113.7") and shares.take("203.0.113.7")
    assert not shares.take("203.0.113.7")
    assert shares.take("203.0.113.8")
    shares.give_back("203.0.113.7")
    assert shares.take("203.0.113.7")
    shares.give_back("203.0.113.8")
    assert "203.0.113.8" not in shares.open  # the table holds only networks with open connections


def test_a_task_text_with_a_control_character_is_exported_to_xlsx(tmp_path):
    """A document's text may carry a control character (an ESC from a hostile file, or stored by
    an update): /tree?format=xlsx was an internal error (openpyxl's IllegalCharacterError) and
    nobody could export that tree.  The character is written as U+FFFD."""
    path = build_fixture_store_with(
        tmp_path / "store", TASK_1, PG_TEXT, lambda old: ox.Literal("\x1b[2J" + old.value, language="vi")
    )
    with running_server(path) as url:
        response = httpx.get(url + "/tree", params={"doc": "29-NQ/TW", "format": "xlsx"}, timeout=60)
        assert response.status_code == 200, response.text
        sheet = load_workbook(io.BytesIO(response.content)).active
        texts = [c for row in sheet.iter_rows(min_row=2, values_only=True) for c in row if isinstance(c, str)]
        assert any(text.startswith("\ufffd[2J") for text in texts)
        assert not any("\x1b" in text for text in texts)


def test_one_ipv6_subscriber_is_one_client_for_the_fair_turns():
    """The pool's fair turns, download slots and token budget count a request for whom
    ``current_client`` names.  It was the peer address: one IPv6 subscriber's /64 holds 2^64 of
    them, and a request from each was a client of its own (its own turn, never marked heavy).
    Now a client is its network, as the token budget and the connection cap count it."""
    import asyncio

    from graph.server.limits import Guarded
    from graph.server.pool import current_client

    seen = []

    async def app(scope, receive, send):
        seen.append(current_client.get())
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        pass

    guarded = Guarded(app, deadline_s=5)
    for address in (
        "2001:db8:1:2::1",
        "2001:db8:1:2:ffff::9",
        "2001:db8:1:3::1",
        "203.0.113.7",
        "::ffff:203.0.113.7",
    ):
        scope = {
            "type": "http",
            "method": "GET",
            "path": "/",
            "query_string": b"",
            "headers": [],
            "client": (address, 1),
        }
        asyncio.run(guarded(scope, receive, send))
    assert seen == [
        "2001:db8:1:2::/64",
        "2001:db8:1:2::/64",
        "2001:db8:1:3::/64",
        "203.0.113.7",
        "203.0.113.7",
    ]
