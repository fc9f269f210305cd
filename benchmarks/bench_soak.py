"""Soak test of `policy-graph serve` under a mixed load with hostile clients (issue 15).

Innocent clients (default 16), each from its own loopback address and pausing --think
seconds on average between requests, loop over the query library (bound through /api/queries/NAME, then run on /sparql), search and document pages.
Hostile clients (default 3), also each from their own address, loop over: a cross join
that runs until the time limit, an ORDER BY that runs into the worker memory cap, SERVICE
aimed at a loopback listener (which must never be contacted), ten thousand nested braces,
a 2,000-space search and a body announced at 300 MB; beside them a few connections sit idle
and a few drip a request head one line at a time.  A prober asks /health every 0.2 s.

The server runs as `policy-graph serve` in a process of its own, as in production (run in a
thread of this process it would share the interpreter lock with the load generators, and
their work would be counted as the server's); ``--url`` soaks a server already running, and
``--loop-log FILE`` runs it with asyncio's debug mode, which logs every event-loop step that
holds the loop longer than --slow-ms.

Only loopback traffic; everything stops after --duration seconds.  Prints requests/s and
latency for innocent clients, answers by status for both kinds, /health latency, worker
deaths and kills, and whether the listener was contacted.

    .venv/bin/python benchmarks/bench_soak.py [--store data/store] [--duration 120] [--clients 16] [--hostile 3]
                                               [--think 1.0] [--url URL] [--loop-log FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from server_support import Listener, build_fixture_store, free_port  # noqa: E402

PARAMS = {"doc": "29-NQ/TW", "agency": "Sở Công Thương", "until": "2025", "today": "2025-01-01"}
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SORTED_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def library_queries(url: str) -> list[str]:
    """Every library query whose parameters have a default here, bound by the server."""
    texts = []
    async with httpx.AsyncClient(timeout=60) as http:
        for query in (await http.get(url + "/api/queries")).json():
            names = [p["name"] for p in query["params"]]
            if any(p["required"] and p["name"] not in PARAMS for p in query["params"]):
                continue
            bound = await http.get(
                f"{url}/api/queries/{query['name']}", params={n: PARAMS[n] for n in names if n in PARAMS}
            )
            if bound.status_code == 200:
                texts.append(bound.json()["query"])
    return texts


class Tally:
    def __init__(self):
        self.latencies: list[float] = []
        self.by_kind: dict[str, list[float]] = collections.defaultdict(list)
        self.statuses: collections.Counter = collections.Counter()

    def add(self, kind: str, status, seconds: float | None = None):
        self.statuses[f"{kind} {status}"] += 1
        if seconds is not None:
            self.latencies.append(seconds)
            self.by_kind[kind].append(seconds)

    def per_kind(self) -> dict[str, dict]:
        return {
            kind: {
                "n": len(values),
                "p50_ms": round(1000 * statistics.median(values), 1),
                "p95_ms": round(1000 * percentile(values, 0.95), 1),
                "p99_ms": round(1000 * percentile(values, 0.99), 1),
            }
            for kind, values in sorted(self.by_kind.items())
        }


async def innocent(
    url: str, address: str, texts: list[str], stop: float, tally: Tally, rng: random.Random, think_s: float
):
    transport = httpx.AsyncHTTPTransport(local_address=address)
    async with httpx.AsyncClient(transport=transport, timeout=60) as http:
        while time.monotonic() < stop:
            pick = rng.random()
            began = time.perf_counter()
            try:
                if pick < 0.75:
                    kind = "sparql"
                    response = await http.post(
                        url + "/sparql",
                        data={"query": rng.choice(texts)},
                        headers={"Accept": "application/sparql-results+json"},
                    )
                elif pick < 0.9:
                    kind = "search"
                    response = await http.get(
                        url + "/search",
                        params={
                            "q": rng.choice(
                                ["Nghị quyết 29", "214/KH-UBND", "kế hoạch công nghiệp", "NQ 111"]
                            ),
                            "format": "json",
                        },
                    )
                else:
                    kind = "page"
                    response = await http.get(url + "/eli/vn/nq/2022/29-tw", headers={"Accept": "text/html"})
                tally.add(kind, response.status_code, time.perf_counter() - began)
            except httpx.HTTPError as err:
                tally.add("transport", type(err).__name__, time.perf_counter() - began)
            await asyncio.sleep(rng.uniform(0, 2 * think_s))  # a person reads the answer


def hostile_requests(listener_url: str) -> list[tuple[str, dict]]:
    service = f"SELECT ?secret WHERE {{ VALUES ?x {{ <{listener_url}> }} {{ FILTER(1<2)SERVICE?x#>\n{{ ?s ?p ?secret }} }} }}"
    nested = "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000
    return [
        ("cross-join", {"method": "POST", "url": "/sparql", "data": {"query": CROSS_JOIN}}),
        ("order-by-memory", {"method": "POST", "url": "/sparql", "data": {"query": SORTED_JOIN}}),
        ("service", {"method": "POST", "url": "/sparql", "data": {"query": service}}),
        ("nested", {"method": "POST", "url": "/sparql", "data": {"query": nested}}),
        ("search-spaces", {"method": "GET", "url": "/search", "params": {"q": "x" + " " * 2000 + "x"}}),
    ]


async def hostile(url: str, address: str, listener_url: str, stop: float, tally: Tally, rng: random.Random):
    transport = httpx.AsyncHTTPTransport(local_address=address)
    requests = hostile_requests(listener_url)
    async with httpx.AsyncClient(transport=transport, timeout=60) as http:
        while time.monotonic() < stop:
            kind, request = rng.choice([*requests, ("huge-body", None)])
            try:
                if request is None:
                    status = await asyncio.to_thread(huge_body, url, address)
                else:
                    response = await http.request(
                        request["method"],
                        url + request["url"],
                        **{k: v for k, v in request.items() if k not in ("method", "url")},
                    )
                    status = response.status_code
                tally.add(kind, status)
            except httpx.HTTPError as err:
                tally.add(kind, type(err).__name__)


def huge_body(url: str, address: str) -> str:
    host, port = url.rsplit("/", 1)[-1].split(":")
    with socket.create_connection((host, int(port)), timeout=10, source_address=(address, 0)) as sock:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 300000000\r\n\r\n"
        )
        return sock.recv(64).split(b" ")[1].decode()


async def idle_and_drip(url: str, stop: float, idle: int, drip: int, tally: Tally):
    """Connections that send nothing, and connections that drip a request head."""
    host, port = url.rsplit("/", 1)[-1].split(":")

    async def one(dripping: bool):
        while time.monotonic() < stop:
            began = time.monotonic()
            try:
                reader, writer = await asyncio.open_connection(host, int(port))
                if dripping:
                    writer.write(b"GET /health HTTP/1.1\r\n")
                while time.monotonic() < stop:
                    if dripping:
                        writer.write(b"X-Drip: 1\r\n")
                    try:
                        if await asyncio.wait_for(reader.read(100), 0.5) == b"":
                            break
                    except TimeoutError:
                        continue
                writer.close()
                tally.add(
                    "drip-closed" if dripping else "idle-closed", f"after {time.monotonic() - began:.0f}s"
                )
            except OSError as err:
                tally.add("idle-connect", type(err).__name__)
                await asyncio.sleep(0.5)

    await asyncio.gather(*(one(False) for _ in range(idle)), *(one(True) for _ in range(drip)))


def probe_health(url: str, seconds: float, results) -> None:
    """/health every 0.2 s, from a process of its own: measured in the load generators' event
    loop, their own scheduling delays would be counted as the server's."""
    latencies, statuses = [], collections.Counter()
    stop = time.monotonic() + seconds
    with httpx.Client(timeout=30) as http:
        while time.monotonic() < stop:
            began = time.perf_counter()
            response = http.get(url + "/health")
            latencies.append(time.perf_counter() - began)
            statuses[response.status_code] += 1
            time.sleep(0.2)
    results.put((latencies, dict(statuses)))


async def soak(url: str, args) -> dict:
    texts = await library_queries(url)
    listener = Listener()
    good, bad, lingering = Tally(), Tally(), Tally()
    ctx = multiprocessing.get_context("spawn")
    health_results = ctx.Queue()
    prober = ctx.Process(target=probe_health, args=(url, args.duration, health_results))
    prober.start()
    began = time.monotonic()
    stop = began + args.duration
    await asyncio.gather(
        *(
            innocent(url, f"127.0.1.{10 + n}", texts, stop, good, random.Random(n), args.think)
            for n in range(args.clients)
        ),
        *(
            hostile(url, f"127.0.2.{10 + n}", listener.url, stop, bad, random.Random(100 + n))
            for n in range(args.hostile)
        ),
        idle_and_drip(url, stop, args.idle, args.drip, lingering),
    )
    elapsed = time.monotonic() - began
    health_latencies, health_statuses = await asyncio.to_thread(health_results.get, True, 120)
    prober.join(30)
    async with httpx.AsyncClient(timeout=30) as http:
        health = (await http.get(url + "/health")).json()
    listener.close()
    return {
        "library_queries": len(texts),
        "seconds": round(elapsed, 1),
        "innocent_requests": len(good.latencies),
        "innocent_rps": round(len(good.latencies) / elapsed, 1),
        "innocent_p50_ms": round(1000 * statistics.median(good.latencies), 1),
        "innocent_p95_ms": round(1000 * percentile(good.latencies, 0.95), 1),
        "innocent_p99_ms": round(1000 * percentile(good.latencies, 0.99), 1),
        "innocent_by_class": good.per_kind(),
        "innocent_statuses": dict(sorted(good.statuses.items())),
        "hostile_statuses": dict(sorted(bad.statuses.items())),
        "idle_and_drip": dict(sorted(lingering.statuses.items())),
        "health_p50_ms": round(1000 * statistics.median(health_latencies), 1),
        "health_p95_ms": round(1000 * percentile(health_latencies, 0.95), 1),
        "health_max_ms": round(1000 * max(health_latencies), 1),
        "health_statuses": dict(health_statuses),
        "listener_contacts": len(listener.contacts),
        "server": {k: health.get(k) for k in ("workers", "queries_stopped", "workers_died", "quads")},
    }


@contextlib.contextmanager
def serve_process(store: Path, args):
    """`policy-graph serve` in its own process; yields its URL once /health answers."""
    port = free_port()
    env = dict(os.environ)
    log = open(args.loop_log, "w") if args.loop_log else subprocess.DEVNULL  # noqa: SIM115
    if args.loop_log:
        env["PYTHONASYNCIODEBUG"] = "1"
        env["PG_SLOW_CALLBACK_MS"] = str(args.slow_ms)
    command = [
        str(Path(sys.executable).with_name("policy-graph")),
        "serve",
        "--store",
        str(store),
        "--port",
        str(port),
        "--workers",
        str(args.workers),
        "--timeout",
        str(args.timeout),
        "--worker-memory",
        str(args.worker_memory),
        "--raw-dir",
        str(ROOT / "data" / "raw"),
    ]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(url + "/health", timeout=30).status_code == 200:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start (exit {server.poll()})")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        if args.loop_log:
            log.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", default=str(ROOT / "data" / "store"))
    parser.add_argument(
        "--duration", type=float, default=60.0, help="seconds of load (bounded: at most 1800)"
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--hostile", type=int, default=3)
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="mean seconds an innocent client waits between requests (0: back to back)",
    )
    parser.add_argument("--idle", type=int, default=20, help="connections that send nothing")
    parser.add_argument("--drip", type=int, default=5, help="connections that drip a request head")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--worker-memory", type=int, default=1024, help="MiB per query worker")
    parser.add_argument("--url", help="soak a server already running at this URL")
    parser.add_argument("--loop-log", help="run the server in asyncio debug mode, its log to this file")
    parser.add_argument("--slow-ms", type=int, default=50, help="with --loop-log: event-loop steps logged")
    args = parser.parse_args()
    args.duration = min(args.duration, 1800.0)
    store = Path(args.store)
    if args.url:
        print(json.dumps(asyncio.run(soak(args.url.rstrip("/"), args)), ensure_ascii=False, indent=1))
        return
    with tempfile.TemporaryDirectory() as tmp:
        if not store.exists():
            print(f"{store} does not exist: using the test fixture graph", file=sys.stderr)
            store = build_fixture_store(Path(tmp) / "store")
        with serve_process(store, args) as url:
            print(
                f"store {store}, {args.workers} workers, {args.timeout:g} s limit, {args.worker_memory} MiB each; "
                f"{args.clients} innocent (think {args.think:g} s) + {args.hostile} hostile clients, {args.idle} idle + {args.drip} "
                f"dripping connections, {args.duration:g} s",
                file=sys.stderr,
            )
            result = asyncio.run(soak(url, args))
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
