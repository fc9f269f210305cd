"""Query worker processes: time limits that really stop a query, a pool that heals, fair turns.

A query that outlives its time limit gets its worker killed (SIGKILL: evaluation really
stops) and a fresh worker started, while the other workers keep answering.  A worker that
dies (a query past the memory cap, a crash in the engine) is noticed on its pipe and
replaced; the request that killed it gets a 503 naming the cause (read from the worker's
own stderr), and a worker found dead before use is replaced before anyone's job is sent to
it, so an innocent request never inherits a dead worker.  New workers join the pool only
once they say they are ready (imports, no-network filter, warm parser).

Fairness: each client (the peer address; behind a reverse proxy named with ``--trusted-proxy``,
the address its ``X-Forwarded-For`` gives, see ``app.server_config``) may hold at most ``per_client`` workers at a time,
and a free worker goes to the waiting client that holds the fewest, first come first served
among equals.  A client whose query was stopped at the time limit, killed its worker, or ran
most of the limit (``slow_s``: library queries take up to ~1 s) counts as heavy for a while
(``HEAVY_FOR_S``): heavy clients go after the others, all together hold at most a third
of the workers (at least one) and never take the last idle one, so six clients looping slow queries
from six addresses still leave a worker for everyone else.  A spare worker waits ready to
replace a killed one at once (starting a worker takes a second or more).
"""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import itertools
import logging
import multiprocessing as mp
import os
import pickle
import struct
import tempfile
import time
from collections import OrderedDict, defaultdict, deque
from pathlib import Path

from ..safe_fork import ensure_forkserver
from .guard import Verdict
from .incident import public_reply
from .sparql import Job, worker_main

log = logging.getLogger("graph.server")

# The client a request comes from; set per request by the app, read by the pool.
current_client: contextvars.ContextVar[str] = contextvars.ContextVar("current_client", default="local")


def _resolve_once(ready: asyncio.Future) -> None:
    if not ready.done():
        ready.set_result(None)


# A reply is read off the worker's pipe by the event loop itself, a chunk per wake-up (a thread
# hop per reply cost more than the read: the server process is what limits a cheap query's
# rate); only a reply larger than this is unpickled in a thread.
LARGE_REPLY_BYTES = 256 * 1024
READ_CHUNK = 1024 * 1024


async def receive_message(fd: int) -> bytes:
    """One message of ``multiprocessing.Connection``'s framing (a 4-byte big-endian length, or
    -1 and an 8-byte length, then the pickle), read from ``fd`` as it becomes readable; each
    read takes only what is there, so the event loop never blocks.  EOFError if the worker
    closed its end first."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[bytes] = loop.create_future()
    buffer = bytearray()

    def readable() -> None:
        if done.done():
            return
        try:
            chunk = os.read(fd, READ_CHUNK)
        except BlockingIOError:
            return
        except OSError as err:
            done.set_exception(err)
            return
        if not chunk:
            done.set_exception(EOFError())
            return
        buffer.extend(chunk)
        message = _framed(buffer)
        if message is not None:
            done.set_result(message)

    loop.add_reader(fd, readable)
    try:
        return await done
    finally:
        loop.remove_reader(fd)


def _framed(buffer: bytearray) -> bytes | None:
    """The whole message once ``buffer`` holds its header and all its bytes, else None."""
    if len(buffer) < 4:
        return None
    (size,) = struct.unpack_from("!i", buffer)
    start = 4
    if size == -1:
        if len(buffer) < 12:
            return None
        (size,) = struct.unpack_from("!Q", buffer, 4)
        start = 12
    if len(buffer) < start + size:
        return None
    return bytes(buffer[start : start + size])


def _text_key(query: str) -> bytes:
    """A query text's SHA-256, the key of its remembered check: 1,024 texts of up to 64 K
    characters (4 bytes each when outside Latin-1) held as keys would be up to 256 MiB."""
    return hashlib.sha256(query.encode("utf-8", "surrogatepass")).digest()


class QueryTimeout(Exception):
    pass


class PoolBusy(Exception):
    pass


class WorkersNotStarting(PoolBusy):
    """No worker could be had in time, and the last one started did not come up: the request
    is told why (the pool keeps trying to start workers in the background)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


START_FAILURE = (
    "tiến trình truy vấn không khởi động được, xem nhật ký máy chủ "
    "(the query workers do not start: see the server's log)"
)


class WorkerGone(Exception):
    """The worker's pipe closed: ``before`` the job reached it, or while running it."""

    def __init__(self, before: bool):
        super().__init__("worker gone")
        self.before = before


def _context():
    """Workers fork from a forkserver that has already imported pyoxigraph and built rdflib's
    SPARQL grammar: a new worker is ready in a fraction of the 1.5 s a fresh interpreter takes,
    which is what a killed worker costs the others.  (The forkserver is a clean single-threaded
    process, unlike the server, so forking from it is safe.)"""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(
        ["graph.server.sparql", "graph.server.sandbox", "rdflib.plugins.sparql.parser", "pyoxigraph"]
    )
    return ctx


def _start_forkserver() -> None:
    """Start the forkserver (once per process) without the working folder on its path
    (safe_fork.py): a ``graph/`` package in the folder the server was started from had been
    imported by the forkserver (its code ran, and no query worker started)."""
    try:
        ensure_forkserver()
    except Exception as err:  # the workers' own start then fails, and is retried and reported
        log.warning("the forkserver did not start: %s", err)


class Worker:
    _ctx = _context()
    _ids = itertools.count(1)

    def __init__(
        self,
        store_path: str,
        writable: bool = False,
        memory_bytes: int | None = None,
        log_dir: str | None = None,
    ):
        self.id = next(self._ids)
        self.stderr_path = str(Path(log_dir) / f"worker-{self.id}.log") if log_dir else None
        self.conn, child = self._ctx.Pipe(duplex=True)
        self.process = self._ctx.Process(
            target=worker_main,
            args=(child, store_path, writable, memory_bytes, self.stderr_path),
            name="policy-graph-sparql",
            daemon=True,
        )
        self.process.start()
        child.close()
        self.generation = 0
        self.spare = False

    async def _readable(self, timeout_s: float) -> None:
        loop = asyncio.get_running_loop()
        ready: asyncio.Future = loop.create_future()
        fd = self.conn.fileno()
        loop.add_reader(fd, _resolve_once, ready)
        try:
            await asyncio.wait_for(ready, timeout_s)
        finally:
            loop.remove_reader(fd)

    async def ready(self, timeout_s: float) -> bool:
        """Wait for the worker's 'ready' message (sent once it is initialised)."""
        try:
            await self._readable(timeout_s)
            return self.conn.recv()[0] == "ready"
        except (TimeoutError, EOFError, OSError):
            return False

    async def call(self, job: Job, timeout_s: float) -> tuple:
        try:
            self.conn.send(job)
        except OSError:  # BrokenPipeError included: it died before our job reached it
            raise WorkerGone(before=True) from None
        try:
            async with asyncio.timeout(timeout_s):
                message = await receive_message(self.conn.fileno())
        except TimeoutError:
            raise QueryTimeout() from None
        except (EOFError, OSError):
            raise WorkerGone(before=False) from None
        if len(message) > LARGE_REPLY_BYTES:  # unpickling a big result must not hold the event loop
            reply = await asyncio.to_thread(pickle.loads, message)
        else:
            reply = pickle.loads(message)
        return public_reply(reply)  # an internal error's detail to the log, not to the client

    def alive(self) -> bool:
        return self.process.is_alive()

    def last_words(self) -> str:
        """The tail of what the worker wrote to stderr (after it died)."""
        if not self.stderr_path:
            return ""
        try:
            with open(self.stderr_path, "rb") as handle:
                handle.seek(0, 2)
                handle.seek(max(0, handle.tell() - 4000))
                return handle.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()
        if self.stderr_path:
            Path(self.stderr_path).unlink(missing_ok=True)


def death_reply(worker: Worker) -> tuple:
    """The answer for the request whose job a worker died running, from its last words."""
    words = worker.last_words()
    code = worker.process.exitcode
    log.warning(
        "query worker %d died (exit %s) running a request; replaced. Last words: %s",
        worker.id,
        code,
        words.strip().splitlines()[-1] if words.strip() else "(none)",
    )
    if "memory allocation of" in words or "MemoryError" in words or code == -9:
        from .sparql import MEMORY_MESSAGE

        return ("error", 503, MEMORY_MESSAGE)
    if "overflowed its stack" in words or "stack overflow" in words:
        return ("error", 400, "Truy vấn lồng nhau quá sâu (the query is nested too deeply for the engine)")
    return (
        "error",
        503,
        "Tiến trình truy vấn đã dừng khi chạy truy vấn này và đã được thay "
        f"(the query worker stopped while running this query, exit {code}; it was replaced)",
    )


class WorkerPool:
    """``size`` read-only workers; a query waits at most ``timeout_s`` for a free worker and
    then at most ``timeout_s`` to finish, after which its worker is killed and replaced."""

    VERDICT_CACHE = 1024
    HEAVY_FOR_S = 30.0

    def __init__(
        self,
        store_path: str,
        size: int = 3,
        timeout_s: float = 5.0,
        memory_mb: int | None = 2048,
        per_client: int | None = None,
    ):
        if not Path(store_path).exists():
            raise FileNotFoundError(
                f"{store_path}: chưa có kho dữ liệu, hãy chạy `policy-graph build` trước "
                f"(no store here: run `policy-graph build` first)"
            )
        self.store_path = store_path
        self.size = size
        self.timeout_s = timeout_s
        self.memory_bytes = memory_mb * 2**20 if memory_mb else None
        self.per_client = per_client or max(1, size - 1)
        self.heavy_cap = max(1, size // 3)
        self.slow_s = 0.8 * timeout_s
        self.heavy_until: dict[str, float] = {}
        self.workers: set[Worker] = set()
        self.idle: list[Worker] = []
        self.spares: list[Worker] = []
        self.starting = 0
        self.waiting: dict[str, deque] = defaultdict(deque)
        self.busy: dict[str, int] = defaultdict(int)
        self.arrivals = itertools.count()
        self.verdicts: OrderedDict[bytes, Verdict | tuple] = OrderedDict()
        self.generation = 0
        self.killed = 0
        self.died = 0
        self.log_dir: tempfile.TemporaryDirectory | None = None  # made by start()
        self.tasks: set[asyncio.Task] = set()
        self.closed = False
        # why the last worker started did not come up; cleared when one does
        self.start_failure: str | None = None
        self.start_failures = 0

    # ------------------------------------------------ life cycle

    @property
    def _log_dir_name(self) -> str | None:
        return self.log_dir.name if self.log_dir else None

    def start(self) -> None:
        _start_forkserver()
        self.log_dir = tempfile.TemporaryDirectory(prefix="policy-graph-workers-")
        for _ in range(self.size):
            self._spawn()
        self._spawn(spare=True)

    def _spawn(self, spare: bool = False) -> None:
        """Start a worker; once it says it is ready it joins the idle list, or waits as the
        spare that replaces the next worker killed or dead (a fresh worker takes a second or
        more to start: the spare is what keeps a kill from costing others a worker)."""
        self.starting += 1
        self._background(self._start(spare, self.generation))

    async def _start(self, spare: bool, generation: int) -> None:
        # forking waits on the forkserver: not in the event loop
        forking = asyncio.ensure_future(
            asyncio.to_thread(Worker, self.store_path, False, self.memory_bytes, self._log_dir_name)
        )
        try:
            worker = await asyncio.shield(forking)
        except asyncio.CancelledError:  # the pool closed meanwhile: the new process must not outlive it
            forking.add_done_callback(lambda done: done.exception() or done.result().process.kill())
            raise
        except Exception as err:  # no process at all (fork refused, forkserver gone, no file descriptors)
            self.starting -= 1
            await self._start_failed(f"{type(err).__name__}: {err}", spare)
            return
        self.starting -= 1
        worker.generation = generation
        worker.spare = spare
        self.workers.add(worker)
        if self.closed:
            await asyncio.to_thread(self._retire, worker)
            return
        await self._join_when_ready(worker)

    def _background(self, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _join_when_ready(self, worker: Worker) -> None:
        if await worker.ready(timeout_s=120):
            self.start_failure, self.start_failures = None, 0
            if self.closed:
                return
            if worker.spare:
                self.spares.append(worker)
            else:
                self._park(worker)
                self._dispatch()
            return
        words = worker.last_words().strip()
        await asyncio.to_thread(self._retire, worker)
        code = worker.process.exitcode
        await self._start_failed(
            f"exit {code}" + (f": {words.splitlines()[-1][-300:]}" if words else ""), worker.spare
        )

    async def _start_failed(self, reason: str, spare: bool) -> None:
        """A worker that did not come up is replaced by a new one, after a pause that grows
        with each failure in a row (a store that cannot be opened must not become a spawn storm)."""
        self.start_failure = reason
        self.start_failures += 1
        log.error("a query worker did not start (%s); starting another", reason)
        if not self.closed:
            await asyncio.sleep(min(30.0, 0.5 * 2 ** min(self.start_failures, 6)))
            if not self.closed:
                self._spawn(spare)

    def _park(self, worker: Worker) -> None:
        """Idle, with a watch on its pipe: an idle worker has nothing to say, so a readable
        pipe means it died, and it is replaced at once rather than when next picked."""
        self.idle.append(worker)
        asyncio.get_running_loop().add_reader(worker.conn.fileno(), self._died_idle, worker)

    def _unpark(self, worker: Worker) -> Worker:
        self.idle.remove(worker)
        asyncio.get_running_loop().remove_reader(worker.conn.fileno())
        return worker

    def _died_idle(self, worker: Worker) -> None:
        if worker in self.idle and not self.closed:
            self._unpark(worker)
            self.died += 1
            log.warning(
                "idle query worker %d stopped (exit %s); replaced", worker.id, worker.process.exitcode
            )
            self._background(self._replace(worker))

    def _retire(self, worker: Worker) -> None:
        self.workers.discard(worker)
        worker.kill()

    async def _replace(self, worker: Worker) -> None:
        """The spare (if ready and current) takes the worker's place at once; a new spare starts."""
        if not self.closed:
            spare = self.spares.pop() if self.spares else None
            if spare is not None and spare.alive() and spare.generation == self.generation:
                spare.spare = False
                self._park(spare)
                self._dispatch()
                self._spawn(spare=True)
            else:
                if spare is not None:
                    self._background(asyncio.to_thread(self._retire, spare))
                    self._spawn(spare=True)
                self._spawn()
        await asyncio.to_thread(self._retire, worker)

    def close(self) -> None:
        self.closed = True
        for task in list(self.tasks):
            task.cancel()
        for worker in list(self.idle):
            self._unpark(worker)
        for worker in list(self.workers):
            self._retire(worker)
        if self.log_dir:
            self.log_dir.cleanup()

    @property
    def ready_workers(self) -> int:
        return len([w for w in self.workers if w.alive() and not w.spare])

    # ------------------------------------------------ fair turns

    def _heavy(self, client: str, now: float) -> bool:
        until = self.heavy_until.get(client)
        if until is not None and until <= now:
            del self.heavy_until[client]
            return False
        return until is not None

    def _dispatch(self) -> None:
        """Hand idle workers to waiting clients: light before heavy, fewest held first, then
        first come; heavy clients together hold at most ``heavy_cap`` workers."""
        now = time.monotonic()
        while self.idle:
            heavy_busy = sum(n for c, n in self.busy.items() if self._heavy(c, now))
            heads = []
            for client, queue in self.waiting.items():
                while queue and queue[0][1].done():  # gave up waiting
                    queue.popleft()
                if not queue or self.busy[client] >= self.per_client:
                    continue
                heavy = self._heavy(client, now)
                # the last idle worker is kept for light clients, even while a killed one is replaced
                if heavy and (heavy_busy >= self.heavy_cap or (len(self.idle) < 2 and self.size > 1)):
                    continue
                heads.append((heavy, self.busy[client], queue[0][0], client))
            if not heads:
                break
            *_, client = min(heads)
            _, future = self.waiting[client].popleft()
            self.busy[client] += 1
            future.set_result(self._unpark(self.idle[-1]))
        for client in [c for c, q in self.waiting.items() if not q]:
            del self.waiting[client]

    async def _acquire(self, client: str) -> Worker:
        future = asyncio.get_running_loop().create_future()
        self.waiting[client].append((next(self.arrivals), future))
        self._dispatch()
        try:
            async with asyncio.timeout(self.timeout_s):
                return await asyncio.shield(future)
        except BaseException:
            if future.done() and not future.cancelled():  # handed a worker just as we gave up
                self._release(future.result(), client)
            else:
                future.cancel()
            raise

    def _release(self, worker: Worker, client: str, healthy: bool = True) -> None:
        self.busy[client] -= 1
        if self.busy[client] <= 0:
            del self.busy[client]
        if healthy:
            self._park(worker)
        self._dispatch()

    async def _usable_worker(self, client: str) -> Worker:
        """A live worker: one found dead while idle is replaced, never handed out."""
        while True:
            try:
                worker = await self._acquire(client)
            except TimeoutError:
                if self.start_failure and not self.idle and not any(self.busy.values()):
                    raise WorkersNotStarting(self.start_failure) from None
                raise PoolBusy() from None
            if worker.alive() and worker.generation == self.generation:
                return worker
            self._release(worker, client, healthy=False)
            if not worker.alive():
                self.died += 1
            await self._replace(worker)

    # ------------------------------------------------ jobs

    async def run(self, job: Job, client: str | None = None) -> tuple:
        """('ok', content_type, body, verdict) or ('error', status, message); raises QueryTimeout / PoolBusy."""
        client = client or current_client.get()
        if job.mode == "protocol" and not job.trusted:
            known = self.verdicts.get(_text_key(job.query))
            if isinstance(known, tuple):
                return known
            job.verdict = known
        for attempt in range(2):
            worker = await self._usable_worker(client)
            began = time.monotonic()
            try:
                reply = await worker.call(job, self.timeout_s)
            except WorkerGone as gone:
                self.died += 1
                self._release(worker, client, healthy=False)
                if gone.before and attempt == 0:  # not this job's doing: try once more on another worker
                    await self._replace(worker)
                    continue
                self._weigh(client, began, stopped=True)
                # its pipe closes a moment before it is reaped: wait (off the loop) for the exit code
                await asyncio.to_thread(worker.process.join, 1.0)
                reply = death_reply(worker)
                await self._replace(worker)
                return reply
            except BaseException:
                # timed out, or the request was cancelled mid-query: the worker may still be
                # evaluating, so it is killed (that is what stops the query) and replaced.
                self.killed += 1
                self._weigh(client, began, stopped=True)
                self._release(worker, client, healthy=False)
                await asyncio.shield(self._replace(worker))
                raise
            self._weigh(client, began)
            self._release(worker, client)
            self._remember(job, reply)
            return reply
        raise PoolBusy()

    def _weigh(self, client: str, began: float, stopped: bool = False) -> None:
        now = time.monotonic()
        if stopped or now - began > self.slow_s:
            self.heavy_until[client] = now + self.HEAVY_FOR_S

    def _remember(self, job: Job, reply: tuple) -> None:
        """Cache the check of a client's query text: a repeated query is not parsed again,
        a refused one is refused without a worker."""
        if job.mode != "protocol" or job.trusted or (job.verdict is not None and reply[0] == "ok"):
            return
        if reply[0] == "ok" and len(reply) > 3 and reply[3] is not None:
            self.verdicts[_text_key(job.query)] = reply[3]
        elif reply[0] == "error" and reply[1] == 403:
            self.verdicts[_text_key(job.query)] = reply
        else:
            return
        while len(self.verdicts) > self.VERDICT_CACHE:
            self.verdicts.popitem(last=False)

    async def update(self, job: Job) -> tuple:
        """Run an update in a one-off writable worker, then renew the read-only workers."""
        writer = Worker(
            self.store_path, writable=True, memory_bytes=self.memory_bytes, log_dir=self._log_dir_name
        )
        try:
            if not await writer.ready(timeout_s=120):
                return ("error", 503, "không mở được kho để ghi (the store could not be opened for writing)")
            try:
                reply = await writer.call(job, self.timeout_s * 4)
            except WorkerGone:
                reply = death_reply(writer)
        finally:
            await asyncio.to_thread(writer.kill)
        self.generation += 1
        stale = [self._unpark(w) for w in list(self.idle)]
        for worker in stale:  # busy ones are renewed when they are next picked (generation check)
            await self._replace(worker)
        return reply

    def stats(self) -> dict:
        return {
            "workers": self.size,
            "ready": len([w for w in self.workers if not w.spare and w.alive()]),
            "spare": len(self.spares),
            "idle": len(self.idle),
            "waiting": sum(len(q) for q in self.waiting.values()),
            "queries_stopped": self.killed,
            "workers_died": self.died,
            # why is the log's (it names the store's folder): whether, here
            "start_failure": START_FAILURE if self.start_failure else None,
            "heavy_clients": len([c for c in list(self.heavy_until) if self._heavy(c, time.monotonic())]),
        }
