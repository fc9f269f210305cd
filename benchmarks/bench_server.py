"""Requests per second, latency and server CPU of `policy-graph serve` on loopback, alone or side
by side with the Oxigraph server (`oxigraph serve-read-only`) on the same store.

The load generator is `wrk` (Debian package `wrk`: C, one thread per client, so it is not what
limits the rate), 16 clients by default, each its own client for the server's fair turns: wrk
connects from one address, so each wrk thread sends its own X-Forwarded-For and `serve` is started
with `--trusted-proxy 127.0.0.1` (without it 16 clients on one address would measure the cap of
workers-1 workers per client).  Both servers run as their own processes; each workload is run
alternately on both, `--rounds` times, and medians are printed with the ratio serve/Oxigraph.
The CPU figures (user+sys of the server's whole process tree, per request) hold up on a shared
machine where the rates do not; the load average before each run is printed beside it.

Workloads: a trivial SELECT repeated (what `serve`'s result cache answers), the same SELECT with
a different literal in every request (each a cache miss: the worker path), and `chain-down` from
queries/ bound to one document (29-NQ/TW by default), repeated.

    .venv/bin/python benchmarks/bench_server.py --store /tmp/store [--compare-oxigraph]
        [--duration 8] [--rounds 3] [--warmup 3] [--clients 16] [--workers 3] [--cache 64]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests"))

from server_support import build_fixture_store, free_port  # noqa: E402

SIMPLE = "SELECT ?doc ?symbol WHERE { ?doc <http://data.europa.eu/eli/ontology#id_local> ?symbol } LIMIT 10"
# a different literal in each request: never the same text twice
DISTINCT = (
    "SELECT ?doc ?symbol WHERE { ?doc <http://data.europa.eu/eli/ontology#id_local> ?symbol "
    'FILTER(?symbol != "n%d") } LIMIT 10'
)

# Each wrk thread is one client: its own X-Forwarded-For; `distinct` puts the run, the thread and
# a request counter into the query (the %d of DISTINCT), so no two requests send the same text,
# in one run or across runs (a text sent again would be answered from serve's result cache).
WRK_SCRIPT = """
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  n = 0
  wrk.headers["X-Forwarded-For"] = "10.0." .. id .. ".1"
  wrk.headers["Accept"] = "application/sparql-results+json"
end
function request()
  n = n + 1
  if template then
    local q = string.gsub(template, "%%d", run .. "x" .. id .. "x" .. n)
    return wrk.format("GET", prefix .. q)
  end
  return wrk.format("GET", path)
end
"""


def chain_down_query(root_iri: str) -> str:
    """queries/chain-down.rq with ?root bound by a VALUES clause after its prologue."""
    text = (ROOT / "queries" / "chain-down.rq").read_text(encoding="utf-8")
    head, sep, body = text.partition("WHERE {")
    return f"{head}{sep}\n  VALUES ?root {{ <{root_iri}> }}{body}"


# ------------------------------------------------------------ process CPU and memory (Linux /proc)


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def cpu_seconds(pid: int) -> float:
    """user+sys CPU seconds of ``pid``'s process tree (live processes only)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for member in _tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def pss_mb(pid: int) -> tuple[float, int]:
    """Proportional set size of the process tree (shared pages counted once), and its size."""
    members = _tree(pid)
    total = 0
    for member in members:
        try:
            text = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
        total += int(found[1]) if found else 0
    return total / 1024, len(members)


# ------------------------------------------------------------ servers


def _wait_until_up(url: str, process: subprocess.Popen, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode}): {url}")
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout_s:g} s: {url}")


@contextmanager
def _process(command: list[str], ready_url: str, log: Path):
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(ready_url, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def policy_graph_server(store: Path, workers: int, cache_mb: int, log_dir: Path):
    port = free_port()
    command = [str(BIN / "policy-graph"), "serve", "--store", str(store), "--port", str(port)]
    command += ["--workers", str(workers), "--cache", str(cache_mb), "--trusted-proxy", "127.0.0.1"]
    command += ["--timeout", "30"]
    url = f"http://127.0.0.1:{port}"
    with _process(command, url + "/health", log_dir / "serve.log") as process:
        yield process, url + "/sparql"


@contextmanager
def oxigraph_server(store: Path, log_dir: Path):
    """The Oxigraph server binary (pip package `oxigraph`) on the store's current generation."""
    from graph.store import current_generation

    binary = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if not binary:
        raise SystemExit("no oxigraph binary: pip install oxigraph (the test extra pins it)")
    port = free_port()
    command = [binary, "serve-read-only", "--location", str(current_generation(store))]
    command += ["--bind", f"127.0.0.1:{port}"]
    url = f"http://127.0.0.1:{port}"
    with _process(command, url + "/query?query=" + quote("ASK {}"), log_dir / "oxigraph.log") as process:
        yield process, url + "/query"


# ------------------------------------------------------------ load


RUNS = itertools.count(1)


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(endpoint: str, query: str, distinct: bool, clients: int, seconds: float, script: Path) -> dict:
    """One wrk run: req/s, p50/p99 latency (ms), non-2xx count."""
    target = urlsplit(endpoint).path  # the request line takes the path (origin form), not the URL
    if distinct:
        head, tail = query.split("%d")
        lua_vars = f'template = "{quote(head)}%d{quote(tail)}"\nprefix = "{target}?query="\n'
        lua_vars += f'run = "{os.getpid()}r{next(RUNS)}"\n'
    else:
        lua_vars = f'path = "{target}?query={quote(query)}"\n'
    run_script = script.with_name(f"run-{os.getpid()}.lua")
    run_script.write_text(lua_vars + WRK_SCRIPT)
    command = ["wrk", f"-t{clients}", f"-c{clients}", f"-d{seconds:g}s", "--latency", "-s", str(run_script)]
    output = subprocess.run([*command, endpoint], capture_output=True, text=True, check=True).stdout
    found = {
        key: re.search(pattern, output)
        for key, pattern in (
            ("rps", r"Requests/sec:\s+([\d.]+)"),
            ("requests", r"(\d+) requests in"),
            ("p50", r"50%\s+([\d.]+)(us|ms|s)"),
            ("p99", r"99%\s+([\d.]+)(us|ms|s)"),
            ("non2xx", r"Non-2xx or 3xx responses:\s+(\d+)"),
        )
    }
    if not found["rps"] or not found["p50"] or not found["p99"] or not found["requests"]:
        raise RuntimeError(f"unreadable wrk output:\n{output}")
    return {
        "rps": float(found["rps"][1]),
        "requests": int(found["requests"][1]),
        "p50_ms": _ms(found["p50"][1], found["p50"][2]),
        "p99_ms": _ms(found["p99"][1], found["p99"][2]),
        "errors": int(found["non2xx"][1]) if found["non2xx"] else 0,
    }


async def run_load(url: str, query: str, total: int, clients: int, endpoint: str = "/sparql") -> dict:
    """``total`` POSTs of ``query`` to ``url + endpoint`` from ``clients`` concurrent httpx clients,
    each from its own loopback address (used by benchmarks/run.py; slower than wrk, and run in
    the caller's process)."""
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


def check_answer(endpoint: str, query: str) -> None:
    """The query works on this server (a benchmark of 400s measures nothing)."""
    response = httpx.get(
        endpoint, params={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=60
    )
    response.raise_for_status()
    if not response.json()["results"]["bindings"]:
        raise RuntimeError(f"{endpoint}: no rows for the benchmark query")


def measure(server, endpoint: str, query: str, distinct: bool, args, script: Path) -> dict:
    before = cpu_seconds(server.pid)
    load = os.getloadavg()[0]
    result = run_wrk(endpoint, query, distinct, args.clients, args.duration, script)
    result["cpu_ms_per_req"] = 1000 * (cpu_seconds(server.pid) - before) / max(1, result["requests"])
    result["load"] = load
    return result


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def report(name: str, target: str, runs: list[dict]) -> str:
    return (
        f"{name:24s} {target:9s} {_median(runs, 'rps'):8.0f} req/s  p50 {_median(runs, 'p50_ms'):6.1f} ms"
        f"  p99 {_median(runs, 'p99_ms'):6.1f} ms  CPU {_median(runs, 'cpu_ms_per_req'):5.3f} ms/req"
        f"  errors {sum(r['errors'] for r in runs)}  load {min(r['load'] for r in runs):.1f}–"
        f"{max(r['load'] for r in runs):.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", default=str(ROOT / "data" / "store"))
    parser.add_argument("--root", default="https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw")
    parser.add_argument("--duration", type=float, default=8.0, help="seconds of load per run")
    parser.add_argument("--rounds", type=int, default=3, help="runs per workload and server (medians)")
    parser.add_argument(
        "--warmup", type=float, default=3.0, help="seconds of load per workload and server first"
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--cache", type=int, default=64, help="serve --cache (MiB; 0: none)")
    parser.add_argument("--compare-oxigraph", action="store_true", help="also run the Oxigraph server")
    parser.add_argument("--only", choices=("repeated", "distinct", "chain-down"), action="append")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    workloads = [
        ("repeated", "trivial SELECT, repeated", SIMPLE, False),
        ("distinct", "trivial SELECT, distinct", DISTINCT, True),
        ("chain-down", "chain-down, repeated", chain_down_query(args.root), False),
    ]
    selected = [
        (label, query, distinct) for key, label, query, distinct in workloads if key in (args.only or [key])
    ]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        store = Path(args.store)
        if not store.exists():
            print(f"{store} does not exist: using the test fixture graph", file=sys.stderr)
            store = build_fixture_store(tmp_dir / "store")
        script = tmp_dir / "clients.lua"
        with policy_graph_server(store, args.workers, args.cache, tmp_dir) as (serve, serve_url):
            targets = {"serve": (serve, serve_url)}
            ox_context = oxigraph_server(store, tmp_dir) if args.compare_oxigraph else None
            with ox_context or _nothing() as ox:
                if ox:
                    targets["oxigraph"] = ox
                for _name, query, distinct in selected:
                    for _, endpoint in targets.values():
                        check_answer(endpoint, query.replace("%d", "check") if distinct else query)
                idle = {target: pss_mb(process.pid) for target, (process, _) in targets.items()}
                print(
                    f"store {store}; serve: {args.workers} workers, cache {args.cache} MiB; "
                    f"{args.clients} clients (wrk), {args.duration:g} s per run after {args.warmup:g} s of "
                    f"warm-up, {args.rounds} rounds, alternating; {os.cpu_count()} CPUs"
                )
                for target, (mb, processes) in idle.items():
                    print(f"{target}: {mb:.0f} MB PSS before load, {processes} processes")
                for name, query, distinct in selected:
                    if args.warmup > 0:  # fresh workers and caches on both sides: not measured
                        for _, endpoint in targets.values():
                            run_wrk(endpoint, query, distinct, args.clients, args.warmup, script)
                    runs: dict[str, list[dict]] = {t: [] for t in targets}
                    for _ in range(args.rounds):
                        for target, (process, endpoint) in targets.items():
                            runs[target].append(measure(process, endpoint, query, distinct, args, script))
                    for target in targets:
                        print(report(name, target, runs[target]))
                    if "oxigraph" in runs:
                        ratio = _median(runs["serve"], "rps") / _median(runs["oxigraph"], "rps")
                        print(f"{name:24s} serve/oxigraph rate {ratio:.2f}")
                for target, (process, _) in targets.items():
                    mb, processes = pss_mb(process.pid)
                    print(f"{target}: {mb:.0f} MB PSS after load, {processes} processes")


@contextmanager
def _nothing():
    yield None


if __name__ == "__main__":
    main()
