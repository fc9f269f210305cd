"""``/download``: the whole store streamed (N-Quads or TriG, gzip when the client accepts it), and
the Graph Store Protocol's read of the default graph (``/sparql?default``) likewise.

A dump used to be a query worker's job: the whole serialisation held in the worker's memory,
pickled whole to the server and cut at the query time limit (5 s), which the real corpus
(~215 MB of N-Quads, ~6 s of CPU) always passed, so legal staff could not get the graph at all.
Now a dump runs in a process of its own (``python -m graph.server.dump``: no network, the
workers' memory cap and CPU priority, the store opened read-only at its current generation)
that writes the serialisation to a pipe as Oxigraph makes it; the server passes each chunk on
as the client takes it.  Memory is bounded by the pipe and the connection's write buffer: a
client that reads slowly slows the dump down.  A plain dump is finite, so it has no query time
limit, but it stays killable: the process is killed when the client goes away, when a chunk
waits more than ``STALL_S`` to be taken or the client reads slower than ``MIN_RATE`` on average
(a slow reader would otherwise hold a dump for hours), and when the server stops.  At most
``MAX_DUMPS`` run at once, one per client (the pool's ``current_client``); more are a 503 with
Retry-After.  A dump that fails before its first bytes is a 503 saying why; one that fails
midway ends the connection without the chunked body's last chunk, so the client sees an
incomplete download, never a short file that looks whole.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import logging
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import IO, cast

from .incident import reported
from .limits import lift_deadline
from .sparql import DATASET_FORMATS, WORKER_NICENESS, Format, choose_format, parse_accept

log = logging.getLogger("graph.server")

CHUNK = 64 * 1024
STALL_S = 60.0
MIN_RATE = 32 * 1024  # bytes a second, on average, once MIN_RATE_AFTER_S have passed
MIN_RATE_AFTER_S = 60.0
MAX_DUMPS = 2
RESERVED = -1  # a client's slot while its dump process is being started
FIRST_BYTES_S = 60.0  # opening the store and writing the first chunk
GZIP_LEVEL = 1  # the real corpus: 215 MB → 26 MB for little more CPU than the dump itself


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header accepts gzip (``gzip`` or ``*`` with q > 0)."""
    ranked = dict(parse_accept(header or "identity"))
    return ranked.get("gzip", ranked.get("x-gzip", ranked.get("*", 0))) > 0


def dump_format(accept: str | None, forced: str | None) -> Format:
    """N-Quads by default, TriG if asked (JobError 406 for anything else)."""
    return choose_format(parse_accept(accept), DATASET_FORMATS, forced)


@dataclass
class Refusal:
    status: int
    message: str
    retry_after: int | None = None


class Dumps:
    """The dump processes running; see the module's docstring."""

    def __init__(self, store_path: str, memory_bytes: int | None, max_dumps: int = MAX_DUMPS):
        self.store_path = store_path
        self.memory_bytes = memory_bytes
        self.max_dumps = max_dumps
        self.clients: dict[str, int] = {}
        self.processes: set[asyncio.subprocess.Process] = set()
        self.served = 0
        self.cut = 0

    def _refusal(self, client: str) -> Refusal | None:
        if client in self.clients:
            return Refusal(
                429,
                "Bạn đang tải một bản sao toàn bộ; hãy chờ nó xong (a download of the whole store "
                "is already running for this client: wait for it to finish)",
                30,
            )
        if len(self.clients) >= self.max_dumps:
            return Refusal(
                503,
                f"Đã có {self.max_dumps} lượt tải toàn bộ đang chạy, hãy thử lại sau (the server is "
                f"already sending {self.max_dumps} downloads of the whole store: try again later)",
                30,
            )
        return None

    async def start(
        self, client: str, fmt: Format, compress: bool, graph: str = "all"
    ) -> DumpStream | Refusal:
        """A running dump's stream, once its first bytes came; or why there is none.  ``graph``:
        'all' (every quad, graph names kept) or 'default' (the default graph's triples).  The
        client's slot is taken before the first ``await``: requests that arrive together are
        counted one after the other, never all let through before any process has started."""
        refused = self._refusal(client)
        if refused is not None:
            return refused
        self.clients[client] = RESERVED
        try:
            return await self._start(client, fmt, compress, graph)
        finally:
            if self.clients.get(client) == RESERVED:  # no process came of it
                del self.clients[client]

    async def _start(self, client: str, fmt: Format, compress: bool, graph: str) -> DumpStream | Refusal:
        errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the stream
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-P",  # the server's working folder is not put on sys.path: a graph/ there is never run
            "-m",
            "graph.server.dump",
            self.store_path,
            fmt.name,
            "gzip" if compress else "plain",
            str(self.memory_bytes or 0),
            graph,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=errors,
            limit=CHUNK,
        )
        self.processes.add(process)
        self.clients[client] = process.pid
        stream = DumpStream(self, client, process, errors)
        try:
            assert process.stdout is not None
            async with asyncio.timeout(FIRST_BYTES_S):
                stream.first = await process.stdout.read(CHUNK)
                if not stream.first:
                    await process.wait()
        except BaseException:
            await stream.close()
            raise
        if not stream.first and process.returncode != 0:
            reason = stream.last_words()
            await stream.close()
            message = reported(
                f"a dump failed: {reason}", "Không tải được kho dữ liệu", "the store could not be dumped"
            )
            return Refusal(503, message)
        return stream

    async def close(self) -> None:
        for process in list(self.processes):
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


class DumpStream:
    """The ASGI response of a running dump (headers set by the caller)."""

    def __init__(self, dumps: Dumps, client: str, process: asyncio.subprocess.Process, errors):
        self.dumps = dumps
        self.client = client
        self.process = process
        self.errors = errors
        self.first = b""
        self.status = 200
        self.headers: list[tuple[bytes, bytes]] = []
        self.closed = False

    def last_words(self) -> str:
        self.errors.seek(0)
        words = self.errors.read()[-2000:].decode("utf-8", errors="replace").strip()
        return words.splitlines()[-1] if words else f"exit {self.process.returncode}"

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
        await self.process.wait()
        self.dumps.processes.discard(self.process)
        if self.dumps.clients.get(self.client) == self.process.pid:
            del self.dumps.clients[self.client]
        self.errors.close()

    async def __call__(self, scope, receive, send) -> None:
        lift_deadline(scope)  # the caller lifted it already; a stream served by itself lifts it too
        try:
            await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
            pumping = asyncio.ensure_future(self._pump(send))
            watching = asyncio.ensure_future(_disconnected(receive))
            try:
                await asyncio.wait((pumping, watching), return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in (pumping, watching):
                    task.cancel()
                await asyncio.gather(pumping, watching, return_exceptions=True)
            if pumping.done() and not pumping.cancelled() and pumping.result() is True:
                self.dumps.served += 1
                return
            self.dumps.cut += 1  # returned with the response incomplete: uvicorn closes the connection
        finally:
            await self.close()

    async def _pump(self, send) -> bool:
        """Send the dump on; True when it was sent whole, False when it was cut (logged)."""
        assert self.process.stdout is not None
        chunk, sent, began = self.first, 0, time.monotonic()
        while chunk:
            try:
                async with asyncio.timeout(STALL_S):
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
            except TimeoutError:
                log.warning("download cut: the client took no bytes for %g s", STALL_S)
                return False
            sent += len(chunk)
            elapsed = time.monotonic() - began
            if elapsed > MIN_RATE_AFTER_S and sent < MIN_RATE * elapsed:
                log.warning("download cut: the client read %d bytes in %.0f s", sent, elapsed)
                return False
            chunk = await self.process.stdout.read(CHUNK)
        if await self.process.wait() != 0:
            log.error("download cut: the dump failed (%s)", self.last_words())
            return False
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return True


async def _disconnected(receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


# ------------------------------------------------------------ the dump process


def main(argv: list[str]) -> int:
    """``python -m graph.server.dump STORE FORMAT gzip|plain MEMORY_BYTES all|default``: the
    store (every quad, or the default graph's triples) to stdout in FORMAT (a Format name)."""
    store_path, format_name, compression, memory, graph = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its dumps itself
    os.nice(WORKER_NICENESS)
    from . import sandbox

    sandbox.deny_network()
    sandbox.limit_memory(int(memory) or None)
    import pyoxigraph as ox

    from ..store import open_store
    from .pages import TURTLE_PREFIXES

    rdf_format = {
        "nquads": ox.RdfFormat.N_QUADS,
        "trig": ox.RdfFormat.TRIG,
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[format_name]
    with_prefixes = format_name in ("trig", "turtle", "rdfxml")
    store = open_store(store_path)
    out = open(1, "wb", closefd=False)  # noqa: SIM115 - stdout as bytes
    target: IO[bytes] = (
        cast(IO[bytes], gzip.GzipFile(fileobj=out, mode="wb", compresslevel=GZIP_LEVEL))
        if compression == "gzip"
        else out
    )
    try:
        prefixes = TURTLE_PREFIXES if with_prefixes else None
        if graph == "default":  # the union of the graphs, each triple in one of them: a set
            ox.serialize((quad.triple for quad in store), target, rdf_format, prefixes=prefixes)
        else:
            store.dump(target, format=rdf_format, prefixes=prefixes)
        target.close()
    except BrokenPipeError:  # the server stopped reading (the client went away)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
