"""SPARQL Protocol query requests as jobs, and repeated ones answered before the app's routing.

``CachedAnswers`` is the first thing a request meets inside the app: a plain query request to
``/sparql`` (GET with the query in the URL, or POST of a form or a ``application/sparql-query``
body) whose answer the result cache holds is answered right there, with the bytes and headers
the full path (security headers, CORS, routing, the endpoint) gives the same request; anything
else, or a miss, goes on to that full path unchanged (a body read here is handed on whole).
A cached answer needs no worker, so of the full path's guards only those that shape such an
answer apply, and they are applied here the same way: the method, the body's declared size
(``Guarded``'s 413 stays with the full path: a request it would refuse is passed on unread),
the content type and charset, UTF-8, one query and no other parameter than the format, Accept
negotiation (through the same cache key), and the request's deadline (shared with ``Guarded``,
which keeps it for a request handed on).  Measured on the 2-core machine (loaded, wrk, 16
clients): a cached answer took ≈ 0.18 ms of server CPU through Starlette's middleware and routing
(four ``send`` wrappers and a Request object per request), ≈ 0.11 ms here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, parse_qsl

from .cache import ResultCache
from .limits import DEADLINE, SECURITY_HEADERS
from .sparql import Job, parse_accept

log = logging.getLogger("graph.server")
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

UTF8_NAMES = ("utf-8", "utf8", "us-ascii", "ascii")  # ASCII is a subset of UTF-8
QUERY_BODY_TYPES = ("application/x-www-form-urlencoded", "application/sparql-query")
# the parameters a query request may carry and still be answered from the cache
PLAIN_PARAMS = frozenset(("query", "format", "output"))


def body_charset(content_type: str) -> str:
    """The charset parameter of a Content-Type, lower-cased; utf-8 when none is given."""
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return "utf-8"


def query_job(
    query: str,
    params: dict[str, list[str]],
    accept: str | None,
    prefixes: dict[str, str],
    base_iri: str,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> Job:
    """The job of a client's SPARQL query (the protocol's ``query`` operation)."""
    return Job(
        mode="protocol",
        query=query,
        accept=parse_accept(accept),
        forced_format=next(iter(params.get("format") or params.get("output") or []), None),
        default_graphs=default_graphs or [],
        named_graphs=named_graphs or [],
        max_rows=None,  # bounded by size (sparql.MAX_RESULT_BYTES), not by a row count
        prefixes=prefixes,
        base_iri=base_iri,
    )


def reply_media_type(media_type: str) -> str:
    """The Content-Type of an answer: text types say their charset (always UTF-8)."""
    if media_type.startswith("text/") and "charset" not in media_type:
        return media_type + "; charset=utf-8"
    return media_type


class Replay:
    """``receive`` for the full path after this layer read (part of) the request: the messages
    read here first, in order, then the connection's own."""

    def __init__(self, messages: list[Message], receive: Receive):
        self.messages = messages
        self.receive = receive

    async def __call__(self) -> Message:
        if self.messages:
            return self.messages.pop(0)
        return await self.receive()


class CachedAnswers:
    """Answer a cached SPARQL query before routing; see the module's docstring.

    ``answer`` returns True when it answered, else the ``receive`` the full path must use."""

    def __init__(
        self,
        cache: ResultCache,
        generation: Callable[[], int],
        prefixes: dict[str, str],
        base_iri: str,
        max_body: int,
        deadline_s: float,
        cors_origin: str | None = "*",
    ):
        self.cache = cache
        self.generation = generation
        self.prefixes = prefixes
        self.base_iri = base_iri
        self.max_body = max_body
        self.deadline_s = deadline_s
        self.cors_origin = cors_origin.encode("latin-1") if cors_origin else None
        # what Guarded and CORSMiddleware add to every answer, in the order they add it
        self.security = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()
        ]
        self.vary = b"Accept, Origin" if cors_origin else b"Accept"
        self.answered = 0

    async def answer(self, scope: Scope, receive: Receive, send: Send) -> bool | Receive:
        if not self.cache.enabled or scope["method"] not in ("GET", "POST"):
            return receive
        headers = self._headers(scope["headers"])
        if headers is None:
            return receive
        # the request's deadline starts here and is the one Guarded keeps on the full path: a
        # body read here and then handed on is not given a second one
        deadline = asyncio.get_running_loop().time() + self.deadline_s
        scope[DEADLINE] = deadline
        messages: list[Message] = []
        started = [False]

        async def sending(message: Message) -> None:
            started[0] = True
            await send(message)

        try:
            async with asyncio.timeout_at(deadline):
                if await self._answer_in_time(scope, headers, receive, sending, messages):
                    self.answered += 1
                    return True
        except TimeoutError:
            if started[0]:  # as Guarded: a client too slow to take its answer is left
                log.warning(
                    "request %s %s passed its %g s deadline", scope["method"], scope["path"], self.deadline_s
                )
                return True
        return Replay(messages, receive) if messages else receive

    async def _answer_in_time(
        self, scope: Scope, headers: dict[bytes, bytes], receive: Receive, send: Send, messages: list[Message]
    ) -> bool:
        if scope["method"] == "GET":
            if b"content-length" in headers or b"transfer-encoding" in headers:
                return False
            return await self._answer(_params(scope["query_string"].decode("latin-1")), headers, send)
        params = await self._post_params(scope, headers, receive, messages)
        return params is not None and await self._answer(params, headers, send)

    @staticmethod
    def _headers(raw: list[tuple[bytes, bytes]]) -> dict[bytes, bytes] | None:
        """The request's headers by name; None when one this layer reads comes twice (the full
        path's readers take the first or the last: such a request is left to them)."""
        found: dict[bytes, bytes] = {}
        for name, value in raw:
            if name in found and name in (
                b"accept",
                b"content-type",
                b"content-length",
                b"origin",
                b"transfer-encoding",
            ):
                return None
            found[name] = value
        return found

    async def _post_params(
        self, scope: Scope, headers: dict[bytes, bytes], receive: Receive, messages: list[Message]
    ) -> dict[str, list[str]] | None:
        """A POST's parameters from its body (the messages read kept in ``messages``); None
        when the request is not a plain query POST."""
        declared = headers.get(b"content-length")
        if (
            scope["query_string"]
            or declared is None
            or not declared.isdigit()
            or int(declared) > self.max_body
        ):
            return None
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        kind = content_type.split(";")[0].strip().lower()
        if kind not in QUERY_BODY_TYPES or body_charset(content_type) not in UTF8_NAMES:
            return None
        chunks, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return None
            if not message.get("more_body", False):
                break
        try:
            body = b"".join(chunks).decode("utf-8")
        except UnicodeDecodeError:
            return None
        if kind == "application/sparql-query":
            return {"query": [body]}
        params: dict[str, list[str]] = {}
        for key, values in parse_qs(body, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
        return params

    async def _answer(self, params: dict[str, list[str]], headers: dict[bytes, bytes], send: Send) -> bool:
        queries = params.get("query")
        if queries is None or len(queries) != 1 or not PLAIN_PARAMS.issuperset(params):
            return False
        accept = headers.get(b"accept")
        job = query_job(
            queries[0],
            params,
            accept.decode("latin-1") if accept is not None else None,
            self.prefixes,
            self.base_iri,
        )
        reply = self.cache.get(self.cache.key(job, self.generation()), count_miss=False)
        if reply is None:
            return False
        body = reply[2]
        response_headers = [
            (b"vary", self.vary),
            (b"content-length", str(len(body)).encode()),
            (b"content-type", reply_media_type(reply[1]).encode("latin-1")),
            *self.security,
        ]
        if self.cors_origin and b"origin" in headers:
            response_headers.append((b"access-control-allow-origin", self.cors_origin))
        await send({"type": "http.response.start", "status": 200, "headers": response_headers})
        await send({"type": "http.response.body", "body": body})
        return True


def _params(query_string: str) -> dict[str, list[str]]:
    """The URL's parameters as Starlette reads them (``request.query_params``)."""
    params: dict[str, list[str]] = {}
    for key, value in parse_qsl(query_string, keep_blank_values=True):
        params.setdefault(key, []).append(value)
    return params
