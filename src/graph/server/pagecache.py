"""Pages kept per store version, and validators (ETag / If-None-Match → 304) for what is.

A page costs a query worker its view (≈ 0.3 s on the real corpus for a document or the
landing page) and the render thread its HTML: a few clients asking for pages over and over
took the workers the SPARQL endpoint needs.  ``PageCache`` (ASGI middleware inside ``Guarded``,
so a kept answer leaves with the headers a fresh one gets) keeps a page's 200 answer to a GET,
its 302 and its 404 (``KEPT_STATUSES``; a HEAD is made as its GET and kept alike),
keyed by the store's version (its generation and the pool's update count: a build or an update
empties it), today's date (the pages that count days to deadlines or overdue tasks say "today"
without a parameter), the path, and what of the query string and the Accept header the page
reads (``PageShape``: a junk parameter ``?_=1`` or an Accept written another way asks for the
kept page, not for a new one); at most ``max_bytes`` in all, least recently used out, at most
``max_variants`` of one path (the searches of one client cannot push every other page out),
an answer larger than ``max_entry_bytes`` passed on unkept.  Each kept answer carries a strong ETag (its bytes'
SHA-256) and ``Cache-Control: no-cache`` (a browser or proxy may keep it but asks again), and a
request whose If-None-Match names it gets a 304 without a body.  Not kept: the SPARQL endpoint
and /download (their own cache and validators), /health, static files (Starlette's own ETag),
the source text (read from the source folder, which can change between builds).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.datastructures import QueryParams

from .cache import ENTRY_OVERHEAD

HEADER_OVERHEAD = 80  # a header's tuple and two bytes objects, beyond their contents
# A page's 404 (an IRI the graph does not hold, an unknown document) is kept too, so that the
# same dead link asked again costs no worker; every 404 counts as a variant of one group, not of
# its own path, so made-up IRIs (each a new path) take at most ``max_variants`` entries and push
# out only one another, never the pages people read.  Measured on the fixture store: a 404 cost
# 2.3 ms of server CPU (three worker jobs), a kept page 0.33 ms.
# The redirect of a document written another way to its one spelling (``views.canonical_root``)
# is kept alike, in a group of its own.
KEPT_STATUSES = (200, 302, 404)
UNKEPT_PREFIXES = ("/sparql", "/download", "/health", "/static/", "/source/", "/favicon.ico")


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 §13.1.2: If-None-Match is '*' or a list of entity tags, compared weakly."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    for tag in if_none_match.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == wanted:
            return True
    return False


def not_modified_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """A 304's headers: the 200's, less those that describe its body (RFC 9110 §15.4.5)."""
    return [
        (k, v) for k, v in headers if k not in (b"content-length", b"content-type", b"content-disposition")
    ]


# What of a request a page reads, from its query parameters (as the handler reads them, through
# Starlette's QueryParams) and its Accept header: the part of its cache key the client writes.
PageShape = Callable[[QueryParams, str | None], Hashable]


def reads_nothing(params: QueryParams, accept: str | None) -> Hashable:
    """A page that is the same whatever the query string and the Accept header say."""
    return ()


def param_text(value: str) -> str:
    """A page parameter as the page reads it: NFKC (fullwidth '５７' is '57', NFD is NFC), without
    invisible format characters (a zero-width space, a soft hyphen, a joiner or a bidi control
    copied from a web page or a Word file, which made a name match nothing), stripped."""
    text = unicodedata.normalize("NFKC", value)
    if not text.isascii():
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return text.strip()


def reads_stripped(*names: str) -> PageShape:
    """A page that reads ``names``, each value as ``param_text`` makes it and the empty ones
    dropped (``handlers._params``): one key for every way of writing the same text."""

    def shape(params: QueryParams, accept: str | None) -> Hashable:
        return tuple((name, value) for name in names if (value := param_text(params.get(name, ""))))

    return shape


class KeptPages:
    """The kept answers and their counts (on ``app.state.pages``, for /health and the tests)."""

    def __init__(
        self,
        version: Callable[[], tuple],
        max_bytes: int = 64 * 2**20,
        max_entry_bytes: int = 4 * 2**20,
        today: Callable[[], dt.date] = dt.date.today,
        max_variants: int | None = None,
    ):
        self.version = version
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self.today = today
        self.max_variants = max_variants
        self.entries: OrderedDict[bytes, tuple[dict, bytes, int, str]] = OrderedDict()
        self.variants: dict[str, OrderedDict[bytes, None]] = {}  # a path's kept keys, LRU first
        self.bytes = 0
        self.stamp: tuple | None = None
        self.hits = self.misses = self.not_modified = self.joined = 0
        # pages being made, by key: a request for one waits for it rather than making it again
        # (a page in demand, just after a build emptied the cache, is made once, not once a client)
        self.running: dict[bytes, asyncio.Future] = {}

    def summary(self) -> dict:
        return {
            "entries": len(self.entries),
            "bytes": self.bytes,
            "hits": self.hits,
            "misses": self.misses,
            "not_modified": self.not_modified,
            "joined": self.joined,
        }

    def clear(self, stamp: tuple) -> None:
        self.entries.clear()
        self.variants.clear()
        self.bytes, self.stamp = 0, stamp

    def touch(self, key: bytes) -> tuple[dict, bytes] | None:
        """The kept answer of ``key``, now the most recently used; None if not kept."""
        kept = self.entries.get(key)
        if kept is None:
            return None
        self.entries.move_to_end(key)
        self.variants[kept[3]].move_to_end(key)
        return kept[0], kept[1]

    def add(self, key: bytes, path: str, start: dict, body: bytes, size: int) -> None:
        """Keep an answer; the least recently used go past ``max_bytes`` in all, or past
        ``max_variants`` answers of ``path``."""
        self.entries[key] = (start, body, size, path)
        self.bytes += size
        variants = self.variants.setdefault(path, OrderedDict())
        variants[key] = None
        while self.max_variants is not None and len(variants) > self.max_variants:
            self._drop(next(iter(variants)))
        while self.bytes > self.max_bytes:
            self._drop(next(iter(self.entries)))

    def _drop(self, key: bytes) -> None:
        _, _, size, path = self.entries.pop(key)
        self.bytes -= size
        variants = self.variants[path]
        del variants[key]
        if not variants:
            del self.variants[path]


class PageCache:
    """``shapes``: a page's path → what of the request it reads (None: the whole query string and
    Accept header are in its key)."""

    def __init__(self, app, kept: KeptPages, shapes: Callable[[str], PageShape | None] | None = None):
        self.app = app
        self.kept = kept
        self.shapes = shapes

    def _key(self, scope) -> bytes | None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or self.kept.max_bytes <= 0:
            return None
        path = scope["path"]
        if path.startswith(UNKEPT_PREFIXES):
            return None
        stamp = self.kept.version()
        if stamp != self.kept.stamp:
            self.kept.clear(stamp)
        accept = next((v for k, v in scope["headers"] if k == b"accept"), b"")
        read = self.shapes(path) if self.shapes is not None else None
        if read is None:
            asked: Hashable = (scope["query_string"], accept)
        else:  # as the handler reads them (Starlette's QueryParams): '?_=1' asks for the same page
            asked = read(QueryParams(scope["query_string"]), accept.decode("latin-1") if accept else None)
        # a digest: the path, query string and Accept are the client's to choose (up to 64 KiB)
        shape = repr((stamp, self.kept.today().isoformat(), path, asked))
        return hashlib.sha256(shape.encode("utf-8", "surrogatepass")).digest()

    async def __call__(self, scope, receive, send) -> None:
        key = self._key(scope)
        if key is None:
            return await self.app(scope, receive, send)
        if_none_match = next((v for k, v in scope["headers"] if k == b"if-none-match"), b"").decode("latin-1")
        kept = self.kept.touch(key)
        if kept is not None:
            self.kept.hits += 1
            start, body = kept
            return await self._send(start, body, scope, if_none_match, send)
        self.kept.misses += 1
        running = self.kept.running.get(key)
        if running is not None:  # the same page is being made for another request: its answer
            await asyncio.wait((running,))
            kept = self.kept.touch(key)
            if kept is not None:
                self.kept.joined += 1
                start, body = kept
                return await self._send(start, body, scope, if_none_match, send)
            return await self.app(scope, receive, send)  # it was not kept: made again, as asked
        done = self.kept.running[key] = asyncio.get_running_loop().create_future()
        try:
            await self._keeping(key, scope, receive, send, if_none_match)
        finally:
            del self.kept.running[key]
            done.set_result(None)

    async def _keeping(self, key: bytes, scope, receive, send, if_none_match: str) -> None:
        """Run the page; a whole 200 answer within ``max_entry_bytes`` is kept and sent with its
        ETag (or as a 304), a whole 302 or 404 kept and sent as made, anything else passed on as it comes."""
        held: list[dict] = []
        size = 0
        passing = False

        async def capture(message) -> None:
            nonlocal size, passing
            if passing:
                return await send(message)
            held.append(message)
            if message["type"] == "http.response.start":
                if message["status"] not in KEPT_STATUSES:
                    passing = True
            else:
                size += len(message.get("body", b""))
                if size > self.kept.max_entry_bytes:
                    passing = True
                elif not message.get("more_body", False):
                    return await self._keep(key, held, scope, if_none_match, send)
            if passing:
                for message in held:
                    await send(message)
                held.clear()

        # a HEAD is made as its GET (whose body is kept; uvicorn sends a HEAD's answer without one):
        # HEAD after HEAD of a page no one GETs would otherwise cost a worker each
        made = {**scope, "method": "GET"} if scope["method"] == "HEAD" else scope
        await self.app(made, receive, capture)

    async def _keep(self, key: bytes, held: list[dict], scope, if_none_match: str, send) -> None:
        start, body = held[0], b"".join(m.get("body", b"") for m in held[1:])
        group = scope["path"]
        if start["status"] == 200:
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            headers = [(k, v) for k, v in start["headers"] if k not in (b"etag", b"cache-control")]
            headers += [(b"etag", etag.encode()), (b"cache-control", b"no-cache")]
            start = {**start, "headers": headers}
        else:  # a 302 or 404 is sent as made (no validator: a condition never turns it into a 304)
            group = f" {start['status']}"  # no path begins with a space
        if (
            key not in self.kept.entries and self.kept.version() == self.kept.stamp
        ):  # not computed on a store since replaced
            # its head counted too (a tiny JSON answer's headers outweigh its body): measured
            # with tracemalloc, ~880 bytes an entry of 2 body bytes and five headers
            size = (
                len(body)
                + ENTRY_OVERHEAD
                + sum(len(k) + len(v) + HEADER_OVERHEAD for k, v in start["headers"])
            )
            self.kept.add(key, group, start, body, size)
        await self._send(start, body, scope, if_none_match, send)

    async def _send(self, start: dict, body: bytes, scope, if_none_match: str, send) -> None:
        etag = next((v for k, v in start["headers"] if k == b"etag"), b"").decode()
        if etag and etag_matches(if_none_match, etag):
            self.kept.not_modified += 1
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": not_modified_headers(start["headers"]),
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        # a copy: the middleware outside (CORS, Guarded) add their headers to the message in place
        await send({**start, "headers": list(start["headers"])})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
