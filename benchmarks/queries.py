"""Every library query's latency on a built store, in-process and through the CLI.

    .venv/bin/python benchmarks/queries.py --store data/store [--repeat 5] [--timeout 60] [--no-cli]

In-process: the median wall time of ``run_query`` (the store opened once, each query run in a
child process so that one past ``--timeout`` is stopped and shown as ">timeout").  CLI: the wall
time of one ``policy-graph query NAME … -o /dev/null`` (start, store opening, query, output).
Parameters are the seed examples (``run.QUERY_PARAMS``); a document the store does not hold is
replaced by the document most documents implement, so the figures mean the same on any corpus.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from graph.queries import QueryError, list_queries, resolve_document, run_query  # noqa: E402
from graph.store import open_store  # noqa: E402
from run import QUERY_PARAMS  # noqa: E402  (the seed examples; benchmarks/ is on sys.path)

PG = "https://w3id.org/policy-graph/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"


def _first(store, query: str) -> str | None:
    # over the union of the named graphs: this works on stores built before and after the
    # deduplicated default graph, so both can be measured with the same parameters
    rows = list(store.query(query, use_default_graph_as_union=True))
    return rows[0][0].value if rows else None


def corpus_params(store) -> dict[str, dict[str, str]]:
    """The seed parameters, with documents the store lacks replaced by its busiest ones."""
    top = _first(
        store,
        f"SELECT ?d (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x <{ELI}ensures_implementation_of> ?d }} "
        f"GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1",
    )
    bottom = _first(
        store,
        f"SELECT ?x (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?x <{ELI}ensures_implementation_of> ?d }} "
        f"GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    )
    params = {name: dict(values) for name, values in QUERY_PARAMS.items()}
    for values in params.values():
        if "doc" not in values:
            continue
        try:
            resolve_document(store, values["doc"])
        except QueryError:
            values["doc"] = (bottom if values["doc"] == "214/KH-UBND" else top) or values["doc"]
    params["provenance"]["fact"] = _first(store, f"SELECT ?t WHERE {{ ?t a <{PG}Task> }} LIMIT 1") or ""
    return params


def _time_in_child(store_path: str, name: str, params: dict, repeat: int, conn) -> None:
    store = open_store(store_path)
    times, rows = [], 0
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            rows = len(run_query(store, name, params).rows)
            times.append(time.perf_counter() - started)
    except QueryError as err:
        print(f"{name}: {err}", file=sys.stderr)
        conn.send(None)
        return
    conn.send((times, rows))


def time_in_process(store_path: str, name: str, params: dict, repeat: int, timeout: float):
    """(median seconds, rows), or None past the timeout."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    worker = context.Process(target=_time_in_child, args=(store_path, name, params, repeat, child))
    worker.start()
    child.close()
    if not parent.poll(timeout):
        worker.kill()
        worker.join()
        return None
    answer = parent.recv()
    worker.join()
    if answer is None:
        return None
    return statistics.median(answer[0]), answer[1]


def time_cli(store_path: str, name: str, params: dict, timeout: float) -> float | None:
    command = [str(ROOT / ".venv" / "bin" / "policy-graph"), "query", name, "--store", store_path]
    for key, value in params.items():
        command += ["-p", f"{key}={value}"]
    command += ["--format", "csv", "-o", "/dev/null"]
    started = time.perf_counter()
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - started


def bench(store_path: str, repeat: int, timeout: float, cli: bool) -> dict[str, dict]:
    params = corpus_params(open_store(store_path))
    results = {}
    for query in list_queries():
        values = params.get(query.name, {})
        measured = time_in_process(store_path, query.name, values, repeat, timeout)
        entry = {"params": values, "rows": None, "ms": None, "cli_ms": None if cli else NOT_RUN}
        if measured is not None:
            entry["ms"], entry["rows"] = measured[0] * 1000, measured[1]
        if cli and measured is not None:
            seconds = time_cli(store_path, query.name, values, timeout)
            entry["cli_ms"] = None if seconds is None else seconds * 1000
        results[query.name] = entry
        print(_row(query.name, entry, timeout), flush=True)
    return results


NOT_RUN = -1.0


def _cell(ms: float | None, timeout: float) -> str:
    if ms == NOT_RUN:
        return f"{'not run':>10}"
    return f"{'>' + format(timeout, '.0f') + ' s':>10}" if ms is None else f"{ms:>10.1f}"


def _row(name: str, entry: dict, timeout: float) -> str:
    rows = "" if entry["rows"] is None else entry["rows"]
    cli = _cell(NOT_RUN if entry["ms"] is None else entry["cli_ms"], timeout)
    return f"| {name:26} | {rows:>6} | {_cell(entry['ms'], timeout)} | {cli} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(ROOT / "data" / "store"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--no-cli", action="store_true")
    args = parser.parse_args()
    print(f"| {'query':26} | {'rows':>6} | {'in-proc ms':>10} | {'CLI ms':>10} |")
    print(f"|{'-' * 28}|{'-' * 8}|{'-' * 12}|{'-' * 12}|")
    bench(args.store, args.repeat, args.timeout, not args.no_cli)


if __name__ == "__main__":
    main()
