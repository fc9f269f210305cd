"""Limits on what one connection or request may hold: body size, time, connections, headers.

``Guarded`` (ASGI middleware) gives every request a deadline, refuses a body announced
larger than the limit before reading it (a chunked body is counted as it is read, see
``app._read_body``), tags the request with its client for the pool's fair turns, and adds
the security headers to every response.  ``guarded_protocol`` is uvicorn's httptools protocol
with a cap on open connections (refused at once, before they can pile up to the process's
open-files limit), a deadline for a request's head (a slowloris client dripping headers
is closed) and a cap on its size; uvicorn's own ``timeout_keep_alive`` closes idle connections
between requests.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import resource
import time
from typing import ClassVar

from starlette.datastructures import MutableHeaders
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from .accesslog import access_logger
from .auth import client_network
from .hosts import target_authority
from .pool import current_client

log = logging.getLogger("graph.server")

BODY_LIMIT = 1024 * 1024
MAX_CONNECTIONS = 256
# Open connections one client network (an IPv4 address, an IPv6 /64) may hold: stop 18, one
# address opening 256 idle connections (and opening them again every 10 s, as the head deadline
# closes them) had every other client refused with a 503.  A browser opens 6, a script's
# connection pool 10-20.  A trusted proxy's connections are many clients' and are not capped.
MAX_CONNECTIONS_PER_CLIENT = 32
HEADER_TIMEOUT_S = 10.0
KEEP_ALIVE_S = 5
MAX_HEADER_BYTES = 64 * 1024
# The path of a request target (its query string may carry a SPARQL query, up to the head's cap):
# the longest IRI path of the real corpus is ~80 characters.  A longer path is answered 414 before
# uvicorn percent-decodes it (3.2 ms of CPU for a 60 KB '%41%41…', measured) and before any page
# looks it up (three worker jobs carrying the 60 KB IRI): 7.5 ms of server CPU a request before.
MAX_PATH_BYTES = 8 * 1024
# The protocol's parameters are a handful (query or update, a few graphs, a format), a page's too:
# far more is an attack on the parser (1 MiB of '&' is 512 K fields, 0.35 s of the event loop's
# CPU).  Refused for every route by ``Guarded`` (stop 17: the pages parsed a URL's parameters
# whole, twice, once for the page cache's key and once for the handler: 16,000 fields in a 60 KB
# query string cost 15 ms of server CPU a request, against 0.5 ms for /sparql, which refused them).
MAX_FIELDS = 1000
# Answers written to connections whose clients do not read them wait in the server's memory
# (a 32 MiB result is one write): past this much, the connections that have held theirs the
# longest are cut.  Measured before: 60 connections that asked for a ~31 MiB result each and
# read nothing held 2 GB of the server process until they hung up (256 allowed: 8 GB).
MAX_UNSENT_BYTES = 256 * 2**20
# asyncio accepts up to `backlog` connections per wake-up before any is refused, so a burst
# can hold that many descriptors at once; uvicorn's default (2048) would run a server with a
# low open-files limit out of them (and asyncio then logs one traceback per try, thousands a
# second).  The connection cap leaves this much room under the limit.
BACKLOG = 64
# the scope key of a request's deadline (event-loop time) when set before Guarded sees it
DEADLINE = "policy_graph.deadline"
# the scope key of the asyncio.Timeout that enforces it (a streamed download lifts it: dump.py)
TIMEOUT = "policy_graph.timeout"


def lift_deadline(scope) -> None:
    """Take a request out of Guarded's deadline: for an answer that bounds its own time."""
    timeout = scope.get(TIMEOUT)
    if timeout is not None:
        timeout.reschedule(None)


# Inline scripts cannot run even if some text escaped our escaping, nor inline styles (a style
# can read a page: attribute selectors that load a background per character).  The vendored
# vis-network and YASGUI insert <style> elements of fixed text; those texts alone are allowed, by
# hash (sha256 of each element's text, read in Chromium: tests/test_e2e_browser.py fails on any
# other style, so a new bundle's styles show up there).  Styles set through the CSSOM
# (element.style.x = …, as chain.js and both libraries do) are not inline styles to the CSP.
VENDORED_STYLE_HASHES = (
    # vis-network 9 (static/vis-network): overlay, span, colour picker, configurator, tooltip,
    # navigation, manipulation
    "OutIf5hnp68ctx4ThtV5J02g5HTJ5bbu/hkNfqVXWWo=",
    "4cgFR0//m8/eHo2G/esYsuZetUHlzCUWYM59sfgE9zY=",
    "uepMTym1NwItBa/XV6ef6fQobLL0A0CNVDM5km5L+nQ=",
    "gGUn/VMBXCeWm86qX/pOf+4ZDSbe0JcaXXb4rJjw1mA=",
    "QuPewnJYr+SnQiTnCNHFBw99ExTsz9f8w5320PimEPw=",
    "IY7YKNHjbzQ1NfAKrBZvBZohgXMtxrqB9PaqhAaT3vg=",
    "QE7TOEDW7YIlMzvUUnm8boDWeNBN7PBbaaYJjnp34WI=",
    # YASGUI (static/yasgui): the result table's resizable columns
    "zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk=",
    # the empty text: vis-network inserts each element empty, then fills it
    "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' "
    + " ".join(f"'sha256-{digest}'" for digest in VENDORED_STYLE_HASHES)
    + "; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def plain_messages(status: int, text: str) -> tuple[dict, dict]:
    body = (text + "\n").encode("utf-8")
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    return (
        {"type": "http.response.start", "status": status, "headers": headers},
        {"type": "http.response.body", "body": body},
    )


def deadline_messages(deadline_s: float) -> tuple[dict, dict]:
    """The 503 of a request that ran past its deadline before its answer began."""
    return plain_messages(
        503,
        f"Yêu cầu quá {deadline_s:g} giây và đã bị dừng (the request ran past its {deadline_s:g} s deadline)",
    )


@functools.lru_cache(maxsize=4096)
def _network(address: str) -> str:
    return client_network(address)


def scope_client(scope) -> str:
    """Whom a request is counted for in the pool's fair turns, the download slots and the token
    budget: its client's network (``auth.client_network``: an IPv4 address, an IPv6 /64), not the
    address itself.  Stop 18: one IPv6 subscriber has 2^64 addresses, and a request from each
    was a client of its own: its own turn beside the others' (a subscriber's 32 connections from
    32 addresses, 32 clients against another's one), its own download slot, never marked heavy."""
    return _network((scope.get("client") or ("local",))[0])


class Guarded:
    def __init__(self, app, deadline_s: float, max_body: int = BODY_LIMIT):
        self.app = app
        self.deadline_s = deadline_s
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_body:
            for message in plain_messages(
                413,
                f"Nội dung yêu cầu quá {self.max_body // 1024} KiB (the request body is "
                f"larger than {self.max_body // 1024} KiB, or its length is not a number)",
            ):
                await send(message)
            return
        if scope["query_string"].count(b"&") >= MAX_FIELDS:
            for message in plain_messages(400, TOO_MANY_FIELDS):
                await send(message)
            return
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers.setdefault(key, value)
            await send(message)

        token = current_client.set(scope_client(scope))
        deadline = scope.get(DEADLINE) or asyncio.get_running_loop().time() + self.deadline_s
        try:
            async with asyncio.timeout_at(deadline) as timeout:
                scope[TIMEOUT] = timeout
                await self.app(scope, receive, send_with_headers)
        except TimeoutError:
            log.warning(
                "request %s %r passed its %g s deadline", scope["method"], scope["path"], self.deadline_s
            )
            if not started:
                for message in deadline_messages(self.deadline_s):
                    await send(message)
        finally:
            current_client.reset(token)


class Unsent:
    """The connections whose transports hold more unsent bytes than their high-water mark (the
    transport paused their writer), oldest first; past ``max_bytes`` in all, the oldest are
    aborted (an abort drops the unsent bytes at once; a close would wait to send them)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.held: dict = {}  # protocol → None, in the order their writers were paused
        self.cut = 0

    def total(self) -> int:
        return sum(protocol.transport.get_write_buffer_size() for protocol in self.held)

    def hold(self, protocol) -> None:
        self.held[protocol] = None
        total = self.total()
        while total > self.max_bytes and self.held:
            oldest = next(iter(self.held))
            total -= oldest.transport.get_write_buffer_size()
            self.release(oldest)
            self.cut += 1
            log.warning("a client read too little of its answers: connection cut (server memory)")
            oldest.transport.abort()

    def release(self, protocol) -> None:
        self.held.pop(protocol, None)


INVALID_REQUEST = (
    "Yêu cầu HTTP không hợp lệ (invalid HTTP request: its framing or headers are malformed or ambiguous)"
)


def _host_problem(http_version: str, headers: list[tuple[bytes, bytes]]) -> str | None:
    """RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host header (a server MUST answer 400
    otherwise: a proxy in front and this server could read two different ones)."""
    if http_version != "1.1":
        return None
    hosts = sum(1 for name, _ in headers if name == b"host")
    if hosts == 1:
        return None
    return (
        f"Yêu cầu HTTP/1.1 phải có đúng một trường Host, ở đây có {hosts} "
        f"(an HTTP/1.1 request must have exactly one Host header, this one has {hosts})"
    )


TOO_MANY_FIELDS = f"Quá {MAX_FIELDS} tham số (more than {MAX_FIELDS} parameters in the request)"
PATH_TOO_LONG = (
    f"Đường dẫn quá {MAX_PATH_BYTES // 1024} KiB (the path of the request is longer than "
    f"{MAX_PATH_BYTES // 1024} KiB)"
)


def guarded_protocol(
    max_connections: int = MAX_CONNECTIONS,
    header_timeout_s: float = HEADER_TIMEOUT_S,
    max_header_bytes: int = MAX_HEADER_BYTES,
    max_unsent_bytes: int = MAX_UNSENT_BYTES,
    max_body: int = BODY_LIMIT,
    max_per_client: int = MAX_CONNECTIONS_PER_CLIENT,
    trusted_proxies: tuple[str, ...] = (),
):
    """uvicorn's httptools protocol (HTTP parsing in C: a third of the server's time went to
    h11's pure-Python parser) with a connection cap, in all and per client network
    (``ConnectionShares``), a deadline for each request head and a
    cap on its size (h11 had one built in; httptools would buffer a header of any length), a
    cap on the bytes that follow a head (a body's framing included: chunk extensions are not
    body, and were read without end), and a cap on the answers waiting in memory for clients
    that do not read them (``Unsent``)."""
    unsent = Unsent(max_unsent_bytes)
    shares = ConnectionShares(max_per_client, trusted_proxies)
    # a body of max_body bytes in chunks of 16 bytes or more, with their framing, fits in this
    max_wire_body = 2 * max_body + max_header_bytes

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        backlog: ClassVar[Unsent] = unsent
        refused = False  # past the connection cap: never served
        share: str | None = None  # the client network this connection is counted for
        head_refused = False  # its request head grew past the cap: answered 431 and closed
        head_timer: asyncio.TimerHandle | None = None
        reading_head = True
        head_bytes = 0
        heads = 0  # request heads read whole on this connection
        body_bytes = 0  # bytes received since the last head was read whole
        bad_request: str | None = None  # why a head was refused (sent by send_400_response)
        bad_status = 400  # and the status it is refused with

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.access_log:
                self.access_logger = access_logger()  # type: ignore[assignment]  # a Logger by its info()

        def connection_made(self, transport):
            if len(self.server_state.connections) >= max_connections:
                self.refused = True
                self.transport = transport
                self._answer_and_close(503, "Quá nhiều kết nối (too many open connections): try again")
                return
            network = shares.network_of(transport.get_extra_info("peername"))
            if network is not None and not shares.take(network):
                self.refused = True
                self.transport = transport
                self._answer_and_close(
                    503,
                    f"Quá {shares.max_per_client} kết nối từ một địa chỉ (more than "
                    f"{shares.max_per_client} open connections from one address): close some and try again",
                )
                return
            self.share = network
            super().connection_made(transport)
            self._arm_head_timer()

        def _answer_and_close(self, status: int, text: str) -> None:
            start, body = plain_messages(status, text)
            head = (
                STATUS_LINE[status] + b"".join(k + b": " + v + b"\r\n" for k, v in start["headers"]) + b"\r\n"
            )
            self.transport.write(head + body["body"])
            self.transport.close()

        def _arm_head_timer(self):
            if self.head_timer is not None:
                self.head_timer.cancel()
            self.head_timer = self.loop.call_later(header_timeout_s, self._head_overdue, self.cycle)

        def _head_overdue(self, cycle):
            waiting_for_head = self.cycle is cycle and (cycle is None or cycle.response_complete)
            if waiting_for_head and not self.transport.is_closing():
                self.transport.close()

        def send_400_response(self, msg: str) -> None:
            """uvicorn's answer to a request httptools refuses (or a head refused here): in both
            languages, with the security headers every answer carries."""
            self.head_refused = True
            self._answer_and_close(self.bad_status, self.bad_request or INVALID_REQUEST)

        def on_headers_complete(self):
            self.bad_request = _host_problem(self.parser.get_http_version(), self.headers)
            authority = target_authority(self.url)
            if authority is not None:  # absolute form: the target's authority is the Host
                self.headers[:] = [h for h in self.headers if h[0] != b"host"] + [(b"host", authority)]
            if len(self.url.partition(b"?")[0]) > MAX_PATH_BYTES:
                self.bad_status, self.bad_request = 414, PATH_TOO_LONG
            if self.bad_request:
                raise ValueError(self.bad_request)  # httptools stops parsing: send_400_response
            self.reading_head, self.head_bytes, self.body_bytes = False, 0, 0
            self.heads += 1
            super().on_headers_complete()
            cycle = self.cycle
            if cycle is not None and not isinstance(cycle.transport, OneWrite):
                writer = OneWrite(cycle.transport)
                cycle.transport = writer  # type: ignore[assignment]  # a Transport by its methods
                completed = cycle.on_response

                def flush_then_complete() -> None:
                    writer.flush()  # a response with no body (HEAD, 204, 304)
                    completed()

                cycle.on_response = flush_then_complete

        def on_message_complete(self):
            self.reading_head = True
            super().on_message_complete()

        def on_response_complete(self):
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm_head_timer()

        def data_received(self, data):
            if self.refused or self.head_refused:
                return
            in_head, heads = self.reading_head, self.heads
            super().data_received(data)
            if not in_head and not self.transport.is_closing():
                self.body_bytes += len(data)
                if self.body_bytes > max_wire_body:
                    self._refuse_body()
                    return
            if in_head and self.heads == heads and not self.transport.is_closing():
                # the head begun before this chunk is still not whole: httptools holds it all
                self.head_bytes += len(data)
                if self.head_bytes > max_header_bytes:
                    self.head_refused = True
                    self._answer_and_close(
                        431,
                        f"Phần đầu yêu cầu quá {max_header_bytes // 1024} KiB "
                        f"(the request head is larger than {max_header_bytes // 1024} KiB)",
                    )

        def _refuse_body(self) -> None:
            """A request that keeps sending past any body the server takes (an endless chunk
            extension, a body after its answer): a 413 if its answer has not begun, and closed."""
            self.head_refused = True  # nothing more is read from it
            cycle = self.cycle
            started = cycle is not None and cycle.response_started
            if cycle is not None:  # the app sees a client that went away; its answer goes nowhere
                cycle.disconnected = True
                cycle.message_event.set()
            if started:
                self.transport.close()
                return
            self._answer_and_close(
                413,
                f"Nội dung yêu cầu quá {max_body // 1024} KiB (the request body, with its framing, is "
                f"larger than {max_body // 1024} KiB)",
            )

        def pause_writing(self):
            super().pause_writing()
            unsent.hold(self)

        def resume_writing(self):
            unsent.release(self)
            super().resume_writing()

        def connection_lost(self, exc):
            unsent.release(self)
            if self.share is not None:
                shares.give_back(self.share)
                self.share = None
            if self.head_timer is not None:
                self.head_timer.cancel()
            if not self.refused:
                super().connection_lost(exc)

    return GuardedHttpToolsProtocol


class ConnectionShares:
    """Open connections counted per client network (``auth.client_network``: an IPv4 address,
    an IPv6 /64), at most ``max_per_client`` each, so that one client cannot hold every
    connection the server allows.  A peer among ``trusted_proxies`` is not counted: its
    connections carry many clients (whom fair turns tell apart by X-Forwarded-For)."""

    def __init__(self, max_per_client: int, trusted_proxies: tuple[str, ...] = ()):
        self.max_per_client = max_per_client
        self.trusted = [ipaddress.ip_network(proxy, strict=False) for proxy in trusted_proxies]
        self.open: dict[str, int] = {}

    def network_of(self, peer) -> str | None:
        """The network ``peer`` (a socket's peer name) is counted for; None: not counted."""
        if not isinstance(peer, tuple) or not peer:  # a Unix socket: no address to tell apart
            return None
        try:
            address = ipaddress.ip_address(peer[0])
        except ValueError:
            return None
        if any(address in network for network in self.trusted):
            return None
        return client_network(str(address))

    def take(self, network: str) -> bool:
        held = self.open.get(network, 0)
        if held >= self.max_per_client:
            return False
        self.open[network] = held + 1
        return True

    def give_back(self, network: str) -> None:
        held = self.open.get(network, 0) - 1
        if held > 0:
            self.open[network] = held
        else:  # the table holds only networks with open connections: bounded by the connection cap
            self.open.pop(network, None)


class OneWrite:
    """The transport as one response cycle sees it: the response head is held until the first
    body bytes (or the end of the response) and both go out in one write, so one send(2) and
    one segment per small response instead of two (on loopback the second send was a fifth
    of a cached answer's CPU).  A '100 Continue' interim head goes out at once."""

    def __init__(self, transport):
        self.transport = transport
        self.holding = True  # the next write is the response head
        self.head: bytes | None = None

    def write(self, data: bytes) -> None:
        if self.holding and not data.startswith(b"HTTP/1.1 100 "):
            self.holding, self.head = False, data
            return
        if self.head is not None:
            data, self.head = self.head + data, None
        self.transport.write(data)

    def flush(self) -> None:
        if self.head is not None:
            head, self.head = self.head, None
            self.transport.write(head)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def __getattr__(self, name: str):
        return getattr(self.transport, name)


class OncePer(logging.Filter):
    """Let a recurring message through once per ``seconds`` (asyncio's 'socket.accept() out of
    system resource', logged with a traceback on every failed accept)."""

    def __init__(self, text: str, seconds: float = 10.0):
        super().__init__()
        self.text, self.seconds, self.last = text, seconds, float("-inf")

    def filter(self, record: logging.LogRecord) -> bool:
        if self.text not in record.getMessage():
            return True
        now = time.monotonic()
        if now - self.last < self.seconds:
            return False
        self.last = now
        return True


def quiet_accept_errors() -> None:
    logger = logging.getLogger("asyncio")
    if not any(isinstance(f, OncePer) for f in logger.filters):
        logger.addFilter(OncePer("out of system resource"))


def open_files_room(max_connections: int) -> int:
    """Raise the soft open-files limit as far as allowed; the connection cap that fits under it
    (room kept for a burst of BACKLOG connections being refused and the server's own files)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = max_connections + 128 + BACKLOG
    if soft != resource.RLIM_INFINITY and soft < wanted:
        new_soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (new_soft, hard))
            soft = new_soft
        except (ValueError, OSError):
            pass
    if soft != resource.RLIM_INFINITY and soft - 128 - BACKLOG < max_connections:
        fitted = max(16, soft - 128 - BACKLOG)
        log.warning("open-files limit %d: at most %d connections", soft, fitted)
        return fitted
    return max_connections
