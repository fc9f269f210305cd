"""Run a batch of per-file jobs in worker processes, each job with a time and a memory limit.

One worker per core.  A job that runs past its time limit is stopped (its worker
is killed and replaced); one that needs more memory than its limit fails with
``MemoryError`` inside its worker (an address-space limit) and the worker is
replaced.  Either way the job comes back as a failure naming the stage it was in
(the job reports its stages as it goes), and the rest of the batch goes on.
Outcomes are yielded as jobs finish, so the caller can show progress.

A job is a module-level function ``fn(arg, context, at)``: ``context`` is what
the caller shared with every worker (``Pool.share``), ``at(stage)`` records the
stage the job has reached; ``at(stage, renew=True)`` also starts its time limit
afresh, for work that proves it is moving (a scanned PDF read by OCR page after
page).  ``InputError`` raised by a job is passed back as is.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import multiprocessing as mp
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from .model import InputError
from .safe_fork import ensure_forkserver

DEFAULT_FILE_TIMEOUT_S = 120.0  # a 2 MB decree parses and emits in well under a minute on one core
DEFAULT_FILE_MEMORY_MB = 2048  # a 2 MB decree peaks at a few hundred MB
# modules the workers need, imported once in the fork server so each worker starts in milliseconds
PRELOAD = ["graph.pipeline", "graph.rdf", "graph.build"]


@dataclass(frozen=True)
class Limits:
    timeout_s: float = DEFAULT_FILE_TIMEOUT_S
    memory_mb: int = DEFAULT_FILE_MEMORY_MB
    workers: int = 0  # 0: one per core

    def worker_count(self) -> int:
        if self.workers:
            return self.workers
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class Outcome:
    """The result of one job: ``value``, or the input error, or why it failed and in which stage."""

    index: int
    value: Any = None
    input_error: InputError | None = None
    failure: str | None = None  # bilingual reason: time limit, memory limit, crash, internal error
    stage: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.input_error is None and self.failure is None


# ------------------------------------------------------------------ worker side


def _report_stage(conn, job: int, stage: list[str], name: str, renew: bool = False) -> None:
    """Tell the parent which stage a job entered, so a file over its limit is named with it."""
    stage[0] = name
    conn.send(("stage", job, name, renew))


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when its parent dies, even mid-job (a killed build)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _limit_memory(memory_mb: int) -> None:
    """Cap this worker's address space at what it uses now plus ``memory_mb``."""
    try:
        with open("/proc/self/statm") as statm:
            now = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return
    limit = now + memory_mb * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(conn, memory_mb: int) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(memory_mb)
    context = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "share":
            context = message[1]
            continue
        _, job, fn, arg = message
        stage = ["start"]
        at = functools.partial(_report_stage, conn, job, stage)

        reply: tuple
        try:
            reply = ("done", job, fn(arg, context, at))
        except InputError as err:
            reply = ("input", job, stage[0], (err.name, err.reason_vi, err.reason_en))
        except MemoryError:
            conn.send(("memory", job, stage[0]))
            return  # its heap may be fragmented: a fresh worker takes the next job
        except Exception as err:
            reply = ("error", job, stage[0], f"{type(err).__name__}: {err}")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory", job, stage[0]))
            return


# ------------------------------------------------------------------ parent side


class _Worker:
    def __init__(self, ctx, memory_mb: int, shared: Any):
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(
            target=_worker_main, args=(child, memory_mb), name="policy-graph-parse", daemon=True
        )
        self.process.start()
        child.close()
        if shared is not None:
            self.conn.send(("share", shared))
        self.job: int | None = None
        self.started = 0.0
        self.stage = ""

    def start(self, job: int, fn: Callable, arg: Any) -> None:
        self.job, self.started, self.stage = job, time.monotonic(), "start"
        self.conn.send(("job", job, fn, arg))

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()

    def exit_reason(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"tín hiệu {-code} (signal {-code})"
        return f"mã thoát {code} (exit code {code})"


def start_forkserver() -> mp.context.BaseContext:
    """Start the fork server that makes the workers, if it is not running yet: it imports the
    workers' modules (``PRELOAD``) in a process of its own, so a caller that starts it before
    importing its own modules has both done side by side (~0.3 s of a build's start)."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    ensure_forkserver()  # without the working folder on its path: a graph/ there is never run
    return ctx


class Pool:
    """``Limits.workers`` worker processes; use as a context manager."""

    def __init__(self, limits: Limits = Limits()):
        self.limits = limits
        self.ctx = start_forkserver()
        self.shared: Any = None
        self.workers: list[_Worker] = []

    def __enter__(self) -> Pool:
        self.workers = [self._spawn() for _ in range(self.limits.worker_count())]
        return self

    def __exit__(self, *exc) -> None:
        for worker in self.workers:
            worker.kill()
        self.workers = []

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, self.limits.memory_mb, self.shared)

    def share(self, context: Any) -> None:
        """Give every worker (and every later replacement) ``context`` for the next jobs."""
        self.shared = context
        for worker in self.workers:
            worker.conn.send(("share", context))

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = self._spawn()

    def map(
        self,
        fn: Callable,
        args: list,
        on_stage: Callable[[int, str], None] | None = None,
        cost: Callable[[Any], float] | None = None,
    ) -> Iterator[Outcome]:
        """Run ``fn`` on every arg; yield each outcome as its job finishes (not in order).

        ``on_stage(index, stage)`` hears each stage a job reports, as it reports it.  With ``cost``
        (an estimate, such as the input's size), the costliest jobs start first, so that the
        batch does not end with one worker busy on a big file while the others wait.
        """
        jobs = list(enumerate(args))
        if cost is not None:
            jobs.sort(key=lambda job: -cost(job[1]))  # stable: equal costs keep their order
        pending = deque(jobs)
        while True:
            for worker in self.workers:
                if worker.job is None and pending:
                    job, arg = pending.popleft()
                    worker.start(job, fn, arg)
            busy = [w for w in self.workers if w.job is not None]
            if not busy:
                return
            now = time.monotonic()
            wait_s = max(0.0, min(w.started + self.limits.timeout_s for w in busy) - now)
            ready = wait([w.conn for w in busy], timeout=wait_s)
            for worker in busy:
                if worker.conn in ready:
                    outcome = self._receive(worker, on_stage)
                elif time.monotonic() - worker.started >= self.limits.timeout_s:
                    outcome = self._fail(
                        worker,
                        f"quá thời gian {self.limits.timeout_s:g} giây "
                        f"(over the time limit of {self.limits.timeout_s:g} s)",
                    )
                else:
                    continue
                if outcome is not None:
                    yield outcome

    def _receive(self, worker: _Worker, on_stage: Callable[[int, str], None] | None) -> Outcome | None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            return self._fail(
                worker,
                f"tiến trình phân tích dừng đột ngột, {worker.exit_reason()} (the worker process died)",
            )
        kind, job = message[0], message[1]
        if kind == "stage":
            worker.stage = message[2]
            if message[3]:
                worker.started = time.monotonic()
            if on_stage is not None:
                on_stage(job, message[2])
            return None
        seconds = time.monotonic() - worker.started
        worker.job = None
        if kind == "done":
            return Outcome(job, value=message[2], stage=worker.stage, seconds=seconds)
        if kind == "input":
            return Outcome(job, input_error=InputError(*message[3]), stage=message[2], seconds=seconds)
        if kind == "memory":
            self._replace(worker)
            return Outcome(
                job,
                failure=f"vượt giới hạn bộ nhớ {self.limits.memory_mb} MB "
                f"(over the memory limit of {self.limits.memory_mb} MB)",
                stage=message[2],
                seconds=seconds,
            )
        return Outcome(
            job, failure=f"lỗi nội bộ (internal error): {message[3]}", stage=message[2], seconds=seconds
        )

    def _fail(self, worker: _Worker, reason: str) -> Outcome:
        assert worker.job is not None  # only a busy worker fails
        outcome = Outcome(
            worker.job, failure=reason, stage=worker.stage, seconds=time.monotonic() - worker.started
        )
        self._replace(worker)
        return outcome
