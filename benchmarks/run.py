"""``make bench``: how fast policy-graph builds and answers, on the real corpus and on larger synthetic ones.

    .venv/bin/python benchmarks/run.py [--only build,queries,engines,synthetic,server]
        [--corpus /work/shared/corpus/real] [--work /tmp/policy-graph-bench]
        [--scales 1,10] [--huge] [--repeat 3] [--timeout 60]

Parts (all by default; ``--only`` runs some, e.g. to measure one again):
- build: the real corpus built by ``policy-graph build --full`` with one worker and with one per
  core: wall time, CPU time of the whole process tree, MB/s and documents/s, peak memory.
- queries: every library query on the real-corpus store, in-process (``run_query``) and through
  the CLI (``policy-graph query``, start included).
- engines: the same queries, bound as the library binds them, run by bare pyoxigraph and by rdflib
  (a ``Dataset`` holding the store's default graph, loaded from its N-Triples export), as ratios.
- synthetic: corpora 1× and 10× the real one (``benchmarks/synthetic.py``; ``--huge`` adds 100×,
  too slow for a small machine in one sitting): build time, store size, peak memory and query
  latency, and how they grow.
- server: a trivial SELECT through ``policy-graph serve`` and through the Oxigraph server
  (``oxigraph serve-read-only``) on the same store, 16 clients, requests per second.
Everything runs under the work folder (the real-corpus store is reused by later parts and runs).
Each part records the machine it ran on (CPU, cores, memory, load average before and after, the
commit measured) and its figures in ``benchmarks/results.json`` (git-ignored; parts not run keep
their previous figures); the tables are printed as markdown.  CPU times are what a machine busy
with other work inflates least; wall times are given beside them.  Figures, not assertions.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "src"))

import queries as query_bench  # noqa: E402  (benchmarks/queries.py: benchmarks/ is on sys.path)
import synthetic  # noqa: E402
from graph.queries import bind, list_queries, with_values  # noqa: E402
from graph.store import current_generation, open_store  # noqa: E402

POLICY_GRAPH = ROOT / ".venv" / "bin" / "policy-graph"
OXIGRAPH = ROOT / ".venv" / "bin" / "oxigraph"
REAL = Path("/work/shared/corpus/real")
RESULTS = BENCH / "results.json"
PARTS = ("build", "queries", "engines", "synthetic", "server")


# ------------------------------------------------------------ the machine


def machine() -> dict:
    """What the figures were measured on, and how busy it was when the part began."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor(),
    )
    import pyoxigraph
    import rdflib

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "commit": _git("rev-parse", "--short", "HEAD")
        + ("+changes" if _git("status", "--porcelain") else ""),
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return done.stdout.strip()


def machine_line(info: dict) -> str:
    load = info.get("load_before", [])
    after = info.get("load_after", [])
    return (
        f"_{info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; load average {load[0] if load else '?'}"
        f" before, {after[0] if after else '?'} after; commit {info['commit']}; pyoxigraph {info['pyoxigraph']},"
        f" rdflib {info['rdflib']}; {info['at']}_"
    )


# ------------------------------------------------------------ a process tree, watched


class TreeWatch:
    """CPU seconds and peak resident memory of a process and its descendants (pool workers that
    the process does not wait for are counted too), sampled every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.2, memory_limit: float = 0):
        self.root = psutil.Process(pid)
        self.every = every
        self.memory_limit = memory_limit  # bytes; past it the whole tree is killed (0: no limit)
        self.stopped = False
        self.cpu: dict[int, float] = {}
        self.peak_rss = 0
        self.peak_main_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.every)

    def sample(self) -> None:
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        rss = 0
        for process in processes:
            try:
                times = process.cpu_times()
                memory = process.memory_info().rss
            except psutil.Error:
                continue
            self.cpu[process.pid] = times.user + times.system
            rss += memory
            if process.pid == self.root.pid:
                self.peak_main_rss = max(self.peak_main_rss, memory)
        self.peak_rss = max(self.peak_rss, rss)
        if self.memory_limit and rss > self.memory_limit:
            self.stopped = True
            for process in processes:
                with contextlib.suppress(psutil.Error):
                    process.kill()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


# A build's memory grows with the corpus (every parsed document is held until resolution): past this
# share of the machine's memory it is stopped rather than left to push a shared machine into swap or
# the OOM killer.
MEMORY_SHARE = 0.6


def run_watched(command: list[str], timeout: float | None = None) -> dict:
    """Run ``command``; its wall time, the CPU time and peak memory of its process tree, its output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    limit = MEMORY_SHARE * psutil.virtual_memory().total
    with TreeWatch(process.pid, memory_limit=limit) as watch:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    return {
        "wall_s": time.perf_counter() - started,
        "cpu_s": watch.cpu_seconds,
        "peak_rss_mb": watch.peak_rss / 2**20,
        "peak_main_rss_mb": watch.peak_main_rss / 2**20,
        "returncode": process.returncode,
        "stopped_for_memory": watch.stopped,
        "stdout": out,
        "stderr": err,
    }


# ------------------------------------------------------------ building


_SUMMARY = re.compile(r"(\d+) văn bản \(documents\), (\d+) bộ ba \(distinct triples\), (\d+) bộ bốn")


def build_corpus(corpus: Path, work: Path, jobs: int = 0) -> dict:
    """``policy-graph build --full`` of ``corpus`` into ``work/store``: figures and counts."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    command = [str(POLICY_GRAPH), "build", str(corpus), "--store", str(work / "store")]
    command += ["--ttl-dir", str(work / "ttl"), "--full", "-j", str(jobs)]
    run = run_watched(command)
    summary = _SUMMARY.search(run["stdout"] + run["stderr"])
    if run["stopped_for_memory"]:
        raise RuntimeError(
            f"build of {corpus} stopped at {run['peak_rss_mb']:,.0f} MB, past {MEMORY_SHARE:.0%} of the memory"
        )
    if run["returncode"] not in (0, 1) or summary is None:
        raise RuntimeError(f"build of {corpus} failed ({run['returncode']}):\n{run['stderr'][-2000:]}")
    files = [p for p in corpus.iterdir() if p.is_file()]
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    documents, triples, quads = (int(x) for x in summary.groups())
    return {
        "files": len(files),
        "mb": megabytes,
        "documents": documents,
        "triples": triples,
        "quads": quads,
        "workers": jobs or os.cpu_count(),
        "wall_s": run["wall_s"],
        "cpu_s": run["cpu_s"],
        "mb_per_s": megabytes / run["wall_s"],
        "docs_per_s": documents / run["wall_s"],
        "peak_rss_mb": run["peak_rss_mb"],
        "peak_main_rss_mb": run["peak_main_rss_mb"],
        "store_mb": _folder_mb(current_generation(work / "store")),
    }


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def real_store(args) -> Path:
    """The real-corpus store, built with every core unless a previous part or run left it."""
    store = args.work / "real" / "store"
    if not store.exists():
        build_corpus(args.corpus, args.work / "real")
    return store


def part_build(args) -> dict:
    one = build_corpus(args.corpus, args.work / "real-1", jobs=1)
    shutil.rmtree(args.work / "real-1")
    every = build_corpus(args.corpus, args.work / "real")
    return {"runs": [one, every]}


def table_build(result: dict) -> str:
    lines = [
        "| build (`policy-graph build --full`) | workers | wall s | CPU s (all processes) | MB/s | docs/s | peak RSS MB (all / main) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in result["runs"]:
        lines.append(
            f"| {run['files']} files, {run['mb']:.1f} MB → {run['documents']} docs, {run['quads']:,} quads "
            f"| {run['workers']} | {run['wall_s']:.1f} | {run['cpu_s']:.1f} | {run['mb_per_s']:.3f} "
            f"| {run['docs_per_s']:.1f} | {run['peak_rss_mb']:.0f} / {run['peak_main_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


# ------------------------------------------------------------ queries


def part_queries(args) -> dict:
    store = real_store(args)
    return {"store": str(store), "queries": query_bench.bench(str(store), args.repeat, args.timeout, True)}


def table_queries(result: dict, timeout: float) -> str:
    rows = [query_bench._row(name, entry, timeout) for name, entry in result["queries"].items()]
    return "\n".join([query_bench.HEADER, *rows])


# ------------------------------------------------------------ engines: pyoxigraph, rdflib


def bound_texts(store_path: Path) -> dict[str, str]:
    """Every library query's text with its benchmark parameters bound, as ``run_query`` runs it."""
    store = open_store(store_path)
    params = query_bench.corpus_params(store)
    texts = {}
    for query in list_queries():
        runs = bind(store, query, params.get(query.name, {}))
        texts[query.name] = with_values(query, runs) if any(runs) else query.text
    return texts


def _bare_pyoxigraph(folder: str, texts: dict[str, str], repeat: int, conn) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(folder)
    for name, text in texts.items():
        cpus, rows = [], 0
        for _ in range(repeat):
            started = time.process_time()
            rows = sum(1 for _ in store.query(text, use_default_graph_as_union=True))  # the layout's reading
            cpus.append(time.process_time() - started)
        conn.send((name, statistics.median(cpus), rows))
    conn.send(None)


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout


def _rdflib(ntriples: str, texts: dict[str, str], timeout: float, conn) -> None:
    import rdflib

    started = time.process_time()
    dataset = rdflib.Dataset()
    dataset.parse(ntriples, format="nt")
    conn.send(("(load)", time.process_time() - started, len(dataset)))
    signal.signal(signal.SIGALRM, _on_alarm)
    for name, text in texts.items():
        started = time.process_time()
        signal.alarm(int(timeout))
        try:
            rows = sum(1 for _ in dataset.query(text))
            conn.send((name, time.process_time() - started, rows))
        except _Timeout:
            conn.send((name, None, None))
        except Exception as err:  # a query rdflib cannot run: say so, go on
            conn.send((name, None, f"{type(err).__name__}: {str(err)[:80]}"))
        finally:
            signal.alarm(0)
    conn.send(None)


def _collect(target: Callable, args: tuple, limit: float) -> dict[str, tuple]:
    """Run ``target(*args, conn)`` in a child; gather (name, seconds, rows) messages until None."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    worker = context.Process(target=target, args=(*args, child))
    worker.start()
    child.close()
    found: dict[str, tuple] = {}
    while parent.poll(limit):
        message = parent.recv()
        if message is None:
            break
        found[message[0]] = message[1:]
    worker.kill()
    worker.join()
    return found


def engines_on(store: Path, work: Path, args) -> dict:
    texts = bound_texts(store)
    bare = _collect(_bare_pyoxigraph, (str(current_generation(store)), texts, args.repeat), args.timeout * 3)
    ntriples = work / "default-graph.nt"
    import pyoxigraph as ox

    # the union of the graphs, each triple in one of them: what the queries read, as N-Triples
    stored = ox.Store.read_only(str(current_generation(store)))
    ox.serialize((quad.triple for quad in stored), str(ntriples), ox.RdfFormat.N_TRIPLES)
    del stored
    by_rdflib = _collect(_rdflib, (str(ntriples), texts, args.timeout), max(600.0, args.timeout * 2))
    ntriples.unlink()
    params = query_bench.corpus_params(open_store(store))
    library = {}
    for name in texts:
        measured = query_bench.time_in_process(
            str(store), name, params.get(name, {}), args.repeat, args.timeout
        )
        library[name] = None if measured is None else (measured[1], measured[2])
    return {
        "rdflib_load": by_rdflib.get("(load)"),
        "queries": {
            name: {"library": library.get(name), "pyoxigraph": bare.get(name), "rdflib": by_rdflib.get(name)}
            for name in texts
        },
    }


def part_engines(args) -> dict:
    seeds = args.work / "seeds"
    build_corpus(ROOT / "data" / "raw", seeds)
    return {
        "corpora": {
            "seeds": engines_on(seeds / "store", seeds, args),
            "real": engines_on(real_store(args), args.work, args),
        }
    }


def table_engines(result: dict, timeout: float) -> str:
    parts = []
    for corpus, figures in result["corpora"].items():
        load = figures["rdflib_load"]
        head = f"**{corpus}**" + (
            f": rdflib loads {load[1]:,} triples in {load[0]:.1f} s of CPU" if load else ""
        )
        lines = [
            head,
            "",
            "| query | rows | library CPU ms | pyoxigraph CPU ms | rdflib CPU ms | rdflib ÷ pyoxigraph | library ÷ pyoxigraph |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, cell in figures["queries"].items():
            lines.append(_engine_row(name, cell, timeout))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _engine_row(name: str, cell: dict, timeout: float) -> str:
    bare, lib, rdf = cell["pyoxigraph"], cell["library"], cell["rdflib"]
    rows = bare[1] if bare else ""
    if rdf and rdf[1] is not None and bare and rdf[1] != bare[1]:
        rows = f"{rows} (rdflib {rdf[1]})"

    def ms(entry) -> str:
        if not entry:
            return "not run"
        if entry[0] is None:  # past the time limit, or an error (its message in place of the rows)
            return "error" if isinstance(entry[1], str) else f"> {timeout:.0f} s"
        return f"{entry[0] * 1000:.1f}"

    def ratio(entry) -> str:
        if not entry or not bare:
            return ""
        if entry[0] is None:
            return "" if isinstance(entry[1], str) else f"> {timeout / max(bare[0], 1e-4):,.0f}"
        return f"{entry[0] / max(bare[0], 1e-4):,.1f}"

    return f"| {name} | {rows} | {ms(lib)} | {ms(bare)} | {ms(rdf)} | {ratio(rdf)} | {ratio(lib)} |"


# ------------------------------------------------------------ synthetic corpora


def part_synthetic(args) -> dict:
    scales = [int(s) for s in args.scales.split(",")] + ([100] if args.huge else [])
    found = {}
    for scale in scales:
        work = args.work / f"synthetic-{scale}"
        corpus = args.work / f"synthetic-{scale}-corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        synthetic.synthetic_corpus(args.corpus, corpus, scale)
        try:
            built = build_corpus(corpus, work)
        except RuntimeError as err:  # stopped for memory: larger corpora would be too
            found[str(scale)] = {"error": str(err)}
            print(err, flush=True)
            break
        finally:
            shutil.rmtree(corpus)
        found[str(scale)] = {
            "build": built,
            "queries": synthetic_queries(work / "store", args.repeat, args.timeout),
        }
        shutil.rmtree(work)  # gigabytes at 10×
        print(f"synthetic {scale}×: built in {built['wall_s']:.0f} s", flush=True)
    return {"scales": found}


def synthetic_queries(store_path: Path, repeat: int, timeout: float) -> dict[str, dict | None]:
    """Every library query's rows and median CPU ms on a synthetic store (None: past the timeout),
    and the chain queries again from the widest root when it is not the numbered one."""
    store = open_store(store_path)
    params = query_bench.corpus_params(store)
    runs = {query.name: (query.name, params.get(query.name, {})) for query in list_queries()}
    runs.update(query_bench.wide_runs(store))
    del store  # the timing children open it themselves
    times: dict[str, dict | None] = {}
    for label, (name, values) in runs.items():
        measured = query_bench.time_in_process(str(store_path), name, values, repeat, timeout)
        times[label] = None if measured is None else {"cpu_ms": measured[1] * 1000, "rows": measured[2]}
        shown = "> timeout" if measured is None else f"{measured[2]} rows, {measured[1] * 1000:.1f} ms CPU"
        print(f"  {label}: {shown}", flush=True)
    return times


def table_synthetic(result: dict, timeout: float) -> str:
    failed = [f"{scale}×: {entry['error']}" for scale, entry in result["scales"].items() if "error" in entry]
    result = {scale: entry for scale, entry in result["scales"].items() if "error" not in entry}
    scales = list(result)
    build = [
        "| synthetic | files | MB | docs | quads | build wall s | CPU s | docs/s | store MB | MB per doc | peak RSS MB (all / main) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale in scales:
        b = result[scale]["build"]
        build.append(
            f"| {scale}× | {b['files']} | {b['mb']:.0f} | {b['documents']} | {b['quads']:,} | {b['wall_s']:.0f} "
            f"| {b['cpu_s']:.0f} | {b['docs_per_s']:.1f} | {b['store_mb']:.0f} | {b['store_mb'] / b['documents']:.2f} "
            f"| {b['peak_rss_mb']:.0f} / {b['peak_main_rss_mb']:.0f} |"
        )
    columns = [f"{s}× rows | {s}× CPU ms" for s in scales] + (
        [f"growth {scales[0]}×→{scales[-1]}×"] * (len(scales) > 1)
    )
    queries = [
        "| query | " + " | ".join(columns) + " |",
        "|---|" + "---:|" * (2 * len(scales) + (len(scales) > 1)),
    ]
    # every scale's runs, in the order they were made (a run from the widest root exists only
    # where that root is not the numbered one)
    names = list(dict.fromkeys(name for scale in scales for name in result[scale]["queries"]))
    for name in names:
        measured = [result[scale]["queries"].get(name) for scale in scales]
        cells = [
            f"{q['rows']} | {q['cpu_ms']:.1f}"
            if q
            else " | "
            if name not in result[scale]["queries"]
            else f" | > {timeout:.0f} s"
            for scale, q in zip(scales, measured, strict=True)
        ]
        if len(scales) > 1:
            first, last = measured[0], measured[-1]
            cells.append(f"{last['cpu_ms'] / max(first['cpu_ms'], 0.05):.1f}×" if first and last else "")
        queries.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(build) + "\n\n" + "\n".join(queries) + "".join(f"\n\nNot measured: {f}" for f in failed)


# ------------------------------------------------------------ the SPARQL endpoint


def part_server(args) -> dict:
    """A trivial SELECT through ``policy-graph serve`` and the Oxigraph server on the real-corpus
    store, with benchmarks/bench_server.py's servers and wrk clients: the same text each time (what
    serve's result cache answers) and a new text each time (the worker path)."""
    import tempfile

    import bench_server

    if not shutil.which("wrk"):
        raise SystemExit("the server part needs wrk (Debian package wrk: apt-get install wrk)")
    store = real_store(args)
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        script = folder / "clients.lua"
        servers = {
            "policy-graph": bench_server.policy_graph_server(store, args.workers, args.cache, folder),
            "oxigraph": bench_server.oxigraph_server(store, folder),
        }
        for name, server in servers.items():
            with server as (_process, endpoint):
                bench_server.run_wrk(endpoint, bench_server.SIMPLE, False, args.clients, 3, script)  # warm up
                found[name] = {
                    workload: bench_server.run_wrk(
                        endpoint, query, distinct, args.clients, args.seconds, script
                    )
                    for workload, query, distinct in (
                        ("same", bench_server.SIMPLE, False),
                        ("varied", bench_server.DISTINCT, True),
                    )
                }
    return {"clients": args.clients, "workers": args.workers, "client": "wrk", **found}


def table_server(result: dict) -> str:
    lines = [
        f"| trivial SELECT, {result['clients']} clients (wrk) | req/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---|",
    ]
    names = {
        "policy-graph": f"policy-graph serve ({result['workers']} workers)",
        "oxigraph": "oxigraph serve-read-only",
    }
    for workload, label in (("same", "the same query"), ("varied", "a new text each time")):
        for name, server in names.items():
            r = result[name].get(workload)
            if r:
                lines.append(
                    f"| {server}, {label} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {r.get('errors', r.get('statuses'))} |"
                )
    for workload in ("same", "varied"):
        if workload in result["policy-graph"]:
            share = result["policy-graph"][workload]["rps"] / result["oxigraph"][workload]["rps"]
            lines.append(
                f"\n{workload}: policy-graph serve at {share:.0%} of the Oxigraph server's rate (issue: ≥ 50 %)."
            )
    return "\n".join(lines)


# ------------------------------------------------------------ main


def tables(results: dict, timeout: float) -> str:
    makers = {
        "build": lambda r: table_build(r),
        "queries": lambda r: table_queries(r, r.get("timeout_s", timeout)),
        "engines": lambda r: table_engines(r, r.get("timeout_s", timeout)),
        "synthetic": lambda r: table_synthetic(r, r.get("timeout_s", timeout)),
        "server": lambda r: table_server(r),
    }
    out = []
    for part in PARTS:
        if part in results:
            out.append(
                f"### {part}\n\n{machine_line(results[part]['machine'])}\n\n{makers[part](results[part])}"
            )
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS), help=f"some of {','.join(PARTS)}")
    parser.add_argument("--corpus", type=Path, default=REAL)
    parser.add_argument("--work", type=Path, default=Path("/tmp/policy-graph-bench"))
    parser.add_argument("--scales", default="1,10", help="synthetic corpus sizes, in copies of the corpus")
    parser.add_argument("--huge", action="store_true", help="also 100× (hours on a 2-core machine)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--seconds", type=int, default=15, help="seconds of load per server (wrk)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="query workers of policy-graph serve")
    parser.add_argument("--cache", type=int, default=64, help="policy-graph serve --cache (MiB)")
    parser.add_argument("--tables", action="store_true", help="print the tables of results.json, run nothing")
    args = parser.parse_args()
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if not args.tables:
        args.work.mkdir(parents=True, exist_ok=True)
        runners = {
            "build": part_build,
            "queries": part_queries,
            "engines": part_engines,
            "synthetic": part_synthetic,
            "server": part_server,
        }
        for part in args.only.split(","):
            if part not in runners:
                parser.error(f"unknown part {part!r}: choose among {', '.join(PARTS)}")
            info = machine()
            print(f"— {part} …", flush=True)
            figures = runners[part](args)
            info["load_after"] = [round(x, 2) for x in os.getloadavg()]
            results[part] = {"machine": info, "timeout_s": args.timeout, **figures}
            RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(tables(results, args.timeout))


if __name__ == "__main__":
    main()
