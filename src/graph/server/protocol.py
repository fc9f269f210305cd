"""SPARQL Protocol query requests as jobs, and plain ones answered before the app's routing.

``QueryFront`` is the first thing a request meets inside the app: a plain query request to
``/sparql`` (GET with the query in the URL, or POST of a form or a ``application/sparql-query``
body; one query, no other parameter than the format) is answered right there, from the result
cache or by a query worker, with the bytes and headers the full path (security headers, CORS,
routing, the endpoint) gives the same request; anything else goes on to that full path
unchanged (a body read here is handed on whole).  The full path's guards are applied here the
same way: the method, the body's declared size (``Guarded``'s 413 stays with the full path: a
request it would refuse is passed on unread), the content type and charset, UTF-8, Accept
negotiation (through the same job and cache key), the request's one deadline (shared with
``Guarded``, which keeps it for a request handed on), the client it comes from (fair turns),
``precheck`` before a worker sees the text; the worker then checks and runs it as always.
Measured on the 2-core machine (loaded, wrk, 16 clients): a cached answer took ≈ 0.18 ms of
server CPU through Starlette's middleware and routing (four ``send`` wrappers and a Request
object per request), ≈ 0.11 ms here.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from .cache import ResultCache
from .guard import JobError, precheck
from .incident import reported
from .limits import DEADLINE, MAX_FIELDS, SECURITY_HEADERS, TOO_MANY_FIELDS, deadline_messages, scope_client
from .pagecache import etag_matches
from .pool import PoolBusy, QueryTimeout, WorkerPool, WorkersNotStarting, current_client
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


def not_starting_message(err: WorkersNotStarting) -> str:
    """Why the workers do not start is the log's (it names the store's folder, a library's error):
    the client is told that they do not, and the request id of the log line."""
    return reported(
        f"query workers could not start: {err.reason}",
        "Không khởi động được tiến trình truy vấn, máy chủ đang thử lại",
        "the query workers could not start; the server keeps trying",
    )


async def worker_reply(pool: WorkerPool, job: Job, timeout_s: float) -> tuple:
    """The pool's reply to ``job``: ('ok', media type, body, verdict), or ('error', status,
    message), the pool's refusals included."""
    try:
        return await pool.run(job)
    except QueryTimeout:
        return (
            "error",
            503,
            f"Truy vấn vượt quá giới hạn {timeout_s:g} giây và đã bị dừng "
            f"(the query ran past the {timeout_s:g} s time limit and was stopped)",
        )
    except WorkersNotStarting as err:
        return ("error", 503, not_starting_message(err))
    except PoolBusy:
        return (
            "error",
            503,
            f"Máy chủ đang bận, hãy thử lại (all query workers are busy for more than {timeout_s:g} s: try again)",
        )


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


class QueryFront:
    """Answer a plain SPARQL query before routing; see the module's docstring.

    ``answer`` returns True when it answered, else the ``receive`` the full path must use."""

    # at most this many remembered (query string, Accept) pairs, each at most this long: ≤ ~7 MiB
    # in all (an Accept header may be 64 KiB, so it is bounded too)
    MAX_PARTS = 2048
    MAX_PART_QUERY_BYTES = 2048
    MAX_PART_ACCEPT_BYTES = 1024

    def __init__(
        self,
        pool: WorkerPool,
        cache: ResultCache,
        prefixes: dict[str, str],
        base_iri: str,
        max_body: int,
        deadline_s: float,
        timeout_s: float,
        cors_origin: str | None = "*",
    ):
        self.pool = pool
        self.cache = cache
        self.prefixes = prefixes
        self.base_iri = base_iri
        self.max_body = max_body
        self.deadline_s = deadline_s
        self.timeout_s = timeout_s
        self.cors_origin = cors_origin.encode("latin-1") if cors_origin else None
        self.security = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()
        ]
        self.answered = 0  # from the cache
        self.run = 0  # by a worker (or refused before one)
        # (query string, Accept) of a plain GET → the rest of its cache key (see _known_answer)
        self.parts: OrderedDict[tuple[bytes, bytes | None], tuple] = OrderedDict()
        self.heads: dict[tuple[str | None, bool], list[tuple[bytes, bytes]]] = {}

    async def answer(self, scope: Scope, receive: Receive, send: Send) -> bool | Receive:
        if scope["method"] not in ("GET", "POST"):
            return receive
        headers = self._headers(scope["headers"])
        if headers is None:
            return receive
        # the request's deadline starts here and is the one Guarded keeps on the full path: a
        # body read here and then handed on is not given a second one
        deadline = asyncio.get_running_loop().time() + self.deadline_s
        scope[DEADLINE] = deadline
        messages: list[Message] = []
        origin = b"origin" in headers
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        token = current_client.set(scope_client(scope))  # as Guarded: fair turns
        try:
            async with asyncio.timeout_at(deadline):
                known = self._known_answer(scope, headers)
                if known is not None:
                    self.answered += 1
                    key, reply = known
                    await self._send_reply(reply, origin, sending, self._etag(key, scope, headers))
                    return True
                job = await self._job(scope, headers, receive, messages)
                if job is None:
                    return Replay(messages, receive) if messages else receive
                memo = None
                accept = headers.get(b"accept")
                if (
                    scope["method"] == "GET"
                    and len(scope["query_string"]) <= self.MAX_PART_QUERY_BYTES
                    and len(accept or b"") <= self.MAX_PART_ACCEPT_BYTES
                ):
                    memo = (scope["query_string"], accept)
                await self._reply(job, origin, sending, memo, scope, headers)
                return True
        except TimeoutError:  # as Guarded
            log.warning(
                "request %s %r passed its %g s deadline", scope["method"], scope["path"], self.deadline_s
            )
            if not started:
                for message in deadline_messages(self.deadline_s):
                    await send(self._finished(message, origin))
            return True
        finally:
            current_client.reset(token)

    async def _job(
        self, scope: Scope, headers: dict[bytes, bytes], receive: Receive, messages: list[Message]
    ) -> Job | None:
        """The request's job if it is a plain query request, else None."""
        if scope["method"] == "GET":
            if b"content-length" in headers or b"transfer-encoding" in headers:
                return None
            params: dict[str, list[str]] | None = _params(scope["query_string"].decode("latin-1"))
        else:
            params = await self._post_params(scope, headers, receive, messages)
        if params is None:
            return None
        queries = params.get("query")
        if queries is None or len(queries) != 1 or not PLAIN_PARAMS.issuperset(params):
            return None
        accept = headers.get(b"accept")
        return query_job(
            queries[0],
            params,
            accept.decode("latin-1") if accept is not None else None,
            self.prefixes,
            self.base_iri,
        )

    def _etag(self, key: tuple | None, scope: Scope, headers: dict[bytes, bytes]) -> tuple[str, str] | None:
        """(the ETag of a kept answer, the request's If-None-Match); None if not kept."""
        if key is None or key not in self.cache.entries:
            return None
        wanted = headers.get(b"if-none-match") if scope["method"] == "GET" else None
        return self.cache.etag(key), wanted.decode("latin-1") if wanted else ""

    def _known_answer(self, scope: Scope, headers: dict[bytes, bytes]) -> tuple[tuple, tuple] | None:
        """The cached answer of a plain GET seen before, found by its query string and Accept
        header alone (``parts``: the rest of its cache key, which is a function of these two),
        without reading its parameters or making its job again; None: the full way."""
        if scope["method"] != "GET" or b"content-length" in headers or b"transfer-encoding" in headers:
            return None
        part = self.parts.get((scope["query_string"], headers.get(b"accept")))
        if part is None:
            return None
        key = self.cache.stamp(self.pool.generation) + part
        reply = self.cache.get(key) if key in self.cache.entries else None
        return None if reply is None else (key, reply)

    async def _reply(
        self,
        job: Job,
        origin: bool,
        send: Send,
        memo: tuple | None,
        scope: Scope,
        headers: dict[bytes, bytes],
    ) -> None:
        """As ``app.sparql_endpoint``: the cached answer, else the text prechecked and run."""
        key = self.cache.key(job, self.pool.generation)
        if memo is not None and key is not None:
            self.parts[memo] = key[2:]
            if len(self.parts) > self.MAX_PARTS:
                self.parts.popitem(last=False)
        reply = self.cache.get(key)
        if reply is not None:
            self.answered += 1
        else:
            self.run += 1
            try:
                precheck(job.query)
            except JobError as err:
                reply = ("error", err.status, err.message)
            else:
                reply = await worker_reply(self.pool, job, self.timeout_s)
                self.cache.put(key, job, reply)
        await self._send_reply(reply, origin, send, self._etag(key, scope, headers))

    async def _send_reply(
        self, reply: tuple, origin: bool, send: Send, validator: tuple[str, str] | None = None
    ) -> None:
        """As ``app._reply_response``: a kept answer with its ETag after Vary, or a 304."""
        if reply[0] == "ok":
            body, status = reply[2], 200
        else:
            body, status = (reply[2] + "\n").encode("utf-8"), reply[1]
        # a 406 is negotiated as an answer is (``app._error``: Vary: Accept), other refusals are not
        kind = reply[1] if reply[0] == "ok" else "text/plain" if status == 406 else None
        head = self._head(kind, origin)
        length = (b"content-length", str(len(body)).encode())
        headers = [length if name == b"content-length" else (name, value) for name, value in head]
        if validator is not None and reply[0] == "ok":
            etag, wanted = validator
            if etag_matches(wanted, etag):
                await self._send_not_modified(etag, origin, send)
                return
            headers.insert(1, (b"etag", etag.encode("latin-1")))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _send_not_modified(self, etag: str, origin: bool, send: Send) -> None:
        """Response(status_code=304, headers={"Vary": "Accept", "ETag": etag}) as the full path sends it."""
        headers = [(b"vary", b"Accept"), (b"etag", etag.encode("latin-1"))]
        message = self._finished({"type": "http.response.start", "status": 304, "headers": headers}, origin)
        await send(message)
        await send({"type": "http.response.body", "body": b""})

    def _head(self, media_type: str | None, origin: bool) -> list[tuple[bytes, bytes]]:
        """The headers of an answer of ``media_type`` (None: an error's plain text) as the full
        path gives them, the length left blank; made once per kind of answer."""
        found = self.heads.get((media_type, origin))
        if found is None:
            if media_type is not None:  # Response(body, media_type, headers={"Vary": "Accept"})
                headers = [
                    (b"vary", b"Accept"),
                    (b"content-length", b""),
                    (b"content-type", reply_media_type(media_type).encode("latin-1")),
                ]
            else:  # PlainTextResponse(message + "\n", status_code=status)
                headers = [(b"content-length", b""), (b"content-type", b"text/plain; charset=utf-8")]
            message = {"type": "http.response.start", "status": 200, "headers": headers}
            found = self.heads[(media_type, origin)] = self._finished(message, origin)["headers"]
        return found

    def _finished(self, message: Message, origin: bool) -> Message:
        """A response's first message as Guarded (the security headers it lacks) and then
        CORSMiddleware (Access-Control-Allow-Origin for a request with an Origin, and Origin
        added to Vary) leave it, headers in their order; later messages as they are."""
        if message["type"] != "http.response.start":
            return message
        headers = list(message["headers"])
        names = {name for name, _ in headers}
        headers += [(name, value) for name, value in self.security if name not in names]
        if self.cors_origin is not None:
            if origin:
                headers = _set_header(headers, b"access-control-allow-origin", self.cors_origin)
            vary = [value for name, value in headers if name == b"vary"]
            headers = _set_header(headers, b"vary", b", ".join([*vary, b"Origin"]))
        return {**message, "headers": headers}

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
            params: dict[str, list[str]] = {}
            add_body_params(params, kind, body)
        except (UnicodeDecodeError, JobError):
            return None  # the full path refuses it, saying why
        return params


def add_body_params(params: dict[str, list[str]], kind: str, body: str) -> None:
    """A POST body's protocol parameters into ``params``: a form's fields added to the URL's, or
    the body itself as the query or the update (``kind``: the body's media type, lower case).
    JobError 400 for a form ``form_params`` refuses, or a query or update both in the URL and
    as the body (one of them would be dropped: which text runs must never be a guess)."""
    if kind == "application/x-www-form-urlencoded":
        for key, values in form_params(body).items():
            params.setdefault(key, []).extend(values)
        return
    name = "query" if kind == "application/sparql-query" else "update"
    if "query" in params or "update" in params:
        raise JobError(
            400,
            f"{name} vừa ở URL vừa ở nội dung yêu cầu (a {kind} body is the {name}: the URL must not "
            "carry a query or an update as well)",
        )
    params[name] = [body]


def form_params(text: str) -> dict[str, list[str]]:
    """``a=1&b=2&a=3`` → {'a': ['1', '3'], 'b': ['2']}, as Starlette reads a URL's parameters but
    strict: JobError 400 past MAX_FIELDS fields, or when a percent-escape is not UTF-8 (a Vietnamese
    word percent-encoded in Windows-1258 was read as U+FFFD and silently matched nothing)."""
    try:
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError as err:
        raise JobError(
            400,
            "Tham số có mã %XX không phải UTF-8 (a percent-encoded parameter is not UTF-8: "
            f"{err.object[err.start : err.start + 4]!r}; encode the text as UTF-8)",
        ) from None
    except ValueError:
        raise JobError(400, TOO_MANY_FIELDS) from None
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params


def _params(query_string: str) -> dict[str, list[str]] | None:
    """The URL's parameters (``form_params``), None when it refuses them (the full path says why)."""
    try:
        return form_params(query_string)
    except JobError:
        return None


def _set_header(headers: list[tuple[bytes, bytes]], name: bytes, value: bytes) -> list[tuple[bytes, bytes]]:
    """Starlette's ``MutableHeaders[name] = value``: the first such header replaced in place and
    any others dropped, or the header added at the end."""
    found = [i for i, (key, _) in enumerate(headers) if key == name]
    if not found:
        return [*headers, (name, value)]
    first = found[0]
    return [
        (name, value) if i == first else item
        for i, item in enumerate(headers)
        if i == first or item[0] != name
    ]
