"""HTTP/1.1 framing attacks on `policy-graph serve` (stop 16): request smuggling, pipelining,
odd request targets and heads, written as raw bytes on a socket (an HTTP client library would
not send them).  The real server (uvicorn + httptools, ``limits.guarded_protocol``) on loopback
over tests/fixtures/mini.trig."""

from __future__ import annotations

import contextlib
import re
import socket
import time

import httpx
import pytest

from server_support import build_fixture_store, running_server

STATUS = re.compile(rb"HTTP/1\.[01] (\d{3}) ")
ASK = b"/sparql?query=ASK%7B%7D"
QUERY_HEAD = b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    store = build_fixture_store(tmp_path_factory.mktemp("http") / "store")
    with running_server(store, workers=1) as base:
        yield base


def exchange(url: str, raw: bytes, wait_s: float = 3.0) -> tuple[list[int], bytes]:
    """Send ``raw``; the statuses of the answers read until the server closes (or ``wait_s``)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.settimeout(wait_s)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the server closed first
            sock.sendall(raw)
        received = b""
        deadline = time.monotonic() + wait_s
        try:
            while time.monotonic() < deadline:
                data = sock.recv(65536)
                if not data:
                    break
                received += data
        except (TimeoutError, ConnectionResetError):
            pass
    return [int(code) for code in STATUS.findall(received)], received


SMUGGLED = {
    # Content-Length and Transfer-Encoding both: a proxy reading one and the server the other
    # would take the second request for part of the first body (or the other way round)
    "CL and TE": QUERY_HEAD + b"Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "TE and CL": QUERY_HEAD
    + b"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n",
    "two Content-Lengths": QUERY_HEAD + b"Content-Length: 6\r\nContent-Length: 40\r\n\r\nASK {}",
    "the same Content-Length twice": QUERY_HEAD + b"Content-Length: 6\r\nContent-Length: 6\r\n\r\nASK {}",
    "a Content-Length list": QUERY_HEAD + b"Content-Length: 6, 6\r\n\r\nASK {}",
    "a signed Content-Length": QUERY_HEAD + b"Content-Length: +6\r\n\r\nASK {}",
    "a chunk size not hex": QUERY_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nASK {}\r\n0\r\n\r\n",
    "a chunk size past 64 bits": QUERY_HEAD
    + b"Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\nASK {}\r\n0\r\n\r\n",
    "chunked, then identity": QUERY_HEAD
    + b"Transfer-Encoding: chunked, identity\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n",
    "an unknown coding": QUERY_HEAD + b"Transfer-Encoding: xchunked\r\nContent-Length: 6\r\n\r\nASK {}",
    "a space before the colon": QUERY_HEAD + b"Transfer-Encoding : chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n",
    "a Content-Length trailer": QUERY_HEAD
    + b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\nContent-Length: 50\r\n\r\n",
    "a folded header": b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: a\r\n b\r\n\r\n",
    "a NUL in a value": b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: a\x00b\r\n\r\n",
    "a bare CR in a value": b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: a\rb\r\n\r\n",
    "bare LF line ends": b"GET /health HTTP/1.1\nHost: x\n\n",
    "no Host": b"GET /health HTTP/1.1\r\n\r\n",
    "two Hosts": b"GET /health HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n",
    "an HTTP/2 preface": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    "a request line past 64 KiB": b"GET /health?" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n",
}


@pytest.mark.parametrize("raw", SMUGGLED.values(), ids=SMUGGLED.keys())
def test_an_ambiguous_or_malformed_request_is_refused_and_its_connection_closed(url, raw):
    """Each is answered one bilingual 400 (with the security headers every answer carries) and
    the connection is closed: nothing after it is read as another request.  Before: a request
    without a Host header, or with two, was served (RFC 9112 §3.2: a server MUST answer 400;
    a proxy in front and the server could each read another Host), and uvicorn's own 400 was
    English only, without the security headers."""
    statuses, received = exchange(url, raw + b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert statuses == [400]
    assert b"connection: close" in received.lower() and b"x-content-type-options: nosniff" in received
    assert "không hợp lệ".encode() in received or "đúng một trường Host".encode() in received


def test_pipelined_requests_are_answered_each_in_order(url):
    raw = (
        b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\nGET "
        + ASK
        + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    statuses, received = exchange(url, raw)
    assert statuses == [200, 200]
    assert received.index(b'"ok":true') < received.index(b'"boolean":true')


def test_a_body_of_the_declared_length_ends_where_it_says(url):
    """'Expect: 100-continue', a body of Content-Length bytes, and a request after it: the body
    is the query, the bytes after it the next request (not part of the body)."""
    raw = (
        QUERY_HEAD
        + b"Content-Length: 6\r\nExpect: 100-continue\r\n\r\nASK {}"
        + b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    statuses, received = exchange(url, raw)
    assert statuses == [100, 200, 200] and b'"boolean":true' in received and b'"ok":true' in received


def test_http_1_0_keep_alive_and_absolute_form_targets_are_served_as_their_path(url):
    """HTTP/1.0 'Connection: keep-alive' is not honoured: one answer, then closed (the bytes after
    it are never a second request).  An absolute-form target is served as its path when its
    authority is one the server answers for (stop 19: another is a 421, test_server_stop19.py)."""
    keep_alive = b"GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /health HTTP/1.0\r\n\r\n"
    statuses, received = exchange(url, keep_alive)
    assert statuses == [200] and b"connection: close" in received
    # absolute form (RFC 9112 §3.2.2): the path is served, the authority only checked
    statuses, received = exchange(
        url, b"GET http://localhost" + ASK + b" HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
    )
    assert statuses == [200] and b'"boolean":true' in received and b"evil.example" not in received
    statuses, _ = exchange(
        url, b"GET http://evil.example" + ASK + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    assert statuses == [421]


def test_a_chunked_body_on_http_1_0_is_read_once_and_the_connection_closed(url):
    """RFC 9112 §6.1: Transfer-Encoding on an HTTP/1.0 message means faulty framing: the server
    closes the connection after the message, so what follows is never a second request."""
    raw = b"POST /sparql HTTP/1.0\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n"
    statuses, received = exchange(url, raw + b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert statuses == [200] and b"connection: close" in received


ENDLESS = 5 * 2**20  # past two bodies of the limit (1 MiB) with their framing
NEXT = b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


def test_a_chunk_extension_that_never_ends_is_cut(url):
    """Before: a chunk extension is not body, so the 1 MiB body limit never counted it: a
    client sent 286 MB of '6;aaaa…' in one request (0.26 s of the event loop's CPU) and got its
    answer.  Now at most twice the body limit (and a head's size) of bytes follow a head: then a
    413 (which a client still sending may not read: the close resets) and the connection closed."""
    raw = QUERY_HEAD + b"Transfer-Encoding: chunked\r\n\r\n6;" + b"a" * ENDLESS + b"\r\nASK {}\r\n0\r\n\r\n"
    statuses, received = exchange(url, raw + NEXT)
    assert statuses in ([413], []) and b"boolean" not in received
    assert httpx.get(url + "/health", timeout=30).status_code == 200


def test_a_body_no_one_reads_is_not_read_without_end(url):
    """Before: a chunked body sent with a GET (which no handler reads) was read and dropped as
    long as it came, after the answer; now it is cut like any other past the bound."""
    chunk = b"ffff\r\n" + b"a" * 0xFFFF + b"\r\n"
    raw = b"GET /health HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
    raw += chunk * (ENDLESS // len(chunk)) + b"0\r\n\r\n"
    statuses, _ = exchange(url, raw + NEXT)
    assert statuses in ([200], [])  # the first answer (if read before the reset), never the next
    assert httpx.get(url + "/health", timeout=30).status_code == 200


def test_a_body_within_the_limit_in_small_chunks_is_read_whole(url):
    """The bound leaves room for a legitimate chunked body: a form of 1 MiB less a little, in
    16-byte chunks (22 bytes each on the wire)."""
    form = b"query=ASK%20%7B%7D&pad=" + b"x" * (2**20 - 4096)
    chunks = b"".join(
        b"%x\r\n" % len(form[i : i + 16]) + form[i : i + 16] + b"\r\n" for i in range(0, len(form), 16)
    )
    head = b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    head += b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    statuses, received = exchange(url, head + chunks + b"0\r\n\r\n")
    assert statuses == [200] and b'"boolean":true' in received
