"""Requests per second and p50/p99 latency of `policy-graph serve` on loopback.

Two workloads, each with 16 concurrent clients (httpx async): a simple SELECT and the
`chain-down` query from queries/ (bound to a document: 29-NQ/TW by default).  Starts its
own server on a free port over --store (default data/store; falls back to the test
fixture when no store exists yet) and stops it afterwards.

    .venv/bin/python benchmarks/bench_server.py [--store data/store] [--requests 400] [--workers 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from server_support import build_fixture_store, running_server  # noqa: E402

SIMPLE = "SELECT ?doc ?symbol WHERE { ?doc <http://data.europa.eu/eli/ontology#id_local> ?symbol } LIMIT 10"


def chain_down_query(root_iri: str) -> str:
    """queries/chain-down.rq with ?root bound by a VALUES clause after its prologue."""
    text = (ROOT / "queries" / "chain-down.rq").read_text(encoding="utf-8")
    head, sep, body = text.partition("WHERE {")
    return f"{head}{sep}\n  VALUES ?root {{ <{root_iri}> }}{body}"


async def run_load(url: str, query: str, total: int, clients: int, endpoint: str = "/sparql") -> dict:
    """``total`` POSTs of ``query`` to ``url + endpoint`` from ``clients`` concurrent clients."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)

    async def client(n: int) -> None:
        # each client from its own loopback address: the pool gives each client at most
        # workers-1 workers at a time, so 16 clients on one address would measure that cap
        transport = httpx.AsyncHTTPTransport(local_address=f"127.0.3.{10 + n}")
        async with httpx.AsyncClient(timeout=60, transport=transport) as http:
            await run_client(http)

    async def run_client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            queue.get_nowait()
            start = time.perf_counter()
            response = await http.post(
                url + endpoint, data={"query": query}, headers={"Accept": "application/sparql-results+json"}
            )
            latencies.append(time.perf_counter() - start)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    async with httpx.AsyncClient(timeout=60) as http:
        await http.post(url + endpoint, data={"query": query})  # warm up
    began = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": total,
        "seconds": elapsed,
        "rps": total / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "statuses": statuses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", default=str(ROOT / "data" / "store"))
    parser.add_argument("--root", default="https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    store = Path(args.store)
    with tempfile.TemporaryDirectory() as tmp:
        if not store.exists():
            print(f"{store} does not exist: using the test fixture graph", file=sys.stderr)
            store = build_fixture_store(Path(tmp) / "store")
        with running_server(store, workers=args.workers, timeout_s=30.0) as url:
            print(
                f"store {store}, {args.workers} query workers, {args.clients} clients, {args.requests} requests each"
            )
            for name, query in (("simple SELECT", SIMPLE), ("chain-down", chain_down_query(args.root))):
                r = asyncio.run(run_load(url, query, args.requests, args.clients))
                print(
                    f"{name:14s} {r['rps']:7.1f} req/s   p50 {r['p50_ms']:6.1f} ms   p99 {r['p99_ms']:6.1f} ms"
                    f"   statuses {r['statuses']}"
                )


if __name__ == "__main__":
    main()
