"""Every library query's latency on a built store, in-process and through the CLI.

    .venv/bin/python benchmarks/queries.py --store data/store [--repeat 5] [--timeout 60] [--no-cli]

In-process: the median CPU time (and wall time) of ``run_query`` (the store opened once, each query
run in a child process so that one past ``--timeout`` is stopped and shown as ">timeout").  CLI:
the wall and CPU time of one ``policy-graph query NAME … -o /dev/null`` (start, store opening,
query, output).  CPU time is what a busy machine inflates least; the table shows it.
Parameters are the seed examples (``QUERY_PARAMS``); a document the store does not hold is
replaced by the document most documents implement, so the figures mean the same on any corpus.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from graph.queries import QueryError, list_queries, resolve_document, run_query  # noqa: E402
from graph.store import open_store  # noqa: E402

# parameters that make each query do real work on the seed graph
QUERY_PARAMS: dict[str, dict[str, str]] = {
    "chain-down": {"doc": "29-NQ/TW"},
    "chain-up": {"doc": "214/KH-UBND"},
    "compare": {"doc": "29-NQ/TW"},
    "tree": {"doc": "29-NQ/TW"},
    "agency-tasks": {"agency": "Sở Công Thương"},
    "due": {"until": "2030"},
    "footnotes": {"doc": "214/KH-UBND"},
    "provenance": {"fact": ""},  # the first task of the store (corpus_params)
}

PG = "https://w3id.org/policy-graph/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"


def _first(store, query: str) -> str | None:
    # over the union of the named graphs: this works on stores built before and after the
    # deduplicated default graph, so both can be measured with the same parameters
    rows = list(store.query(query, use_default_graph_as_union=True))
    return rows[0][0].value if rows else None


def _busiest_root(store, numbered: bool) -> str | None:
    """The document most documents implement; ``numbered``: among those printing a symbol."""
    symbol = f"FILTER EXISTS {{ ?d <{ELI}id_local> ?symbol }}" if numbered else ""
    return _first(
        store,
        f"SELECT ?d (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x <{ELI}ensures_implementation_of> ?d {symbol} }} "
        f"GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1",
    )


def corpus_params(store) -> dict[str, dict[str, str]]:
    """The seed parameters, with documents the store lacks replaced by its busiest numbered ones.

    Numbered: in a synthetic corpus every number carries its copy's index, so the busiest numbered
    document is the same one at every scale (57-NQ/TW's first copy, 5700-NQ/TW) and its chain the
    same size; an unnumbered one (the XIII Party Congress resolution) is one node that every copy
    implements, and its chain grows with the corpus (``wide_runs``)."""
    top = _busiest_root(store, numbered=True)
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


WIDE_QUERIES = ("chain-down", "tree")


def wide_runs(store) -> dict[str, tuple[str, dict[str, str]]]:
    """Extra runs, ``label → (query, params)``, of the chain queries from the busiest document of
    all when it is not the numbered one ``corpus_params`` gives them: on a synthetic corpus the
    resolution every copy implements, whose answer grows with the corpus."""
    wide, deep = _busiest_root(store, numbered=False), _busiest_root(store, numbered=True)
    if wide is None or wide == deep:
        return {}
    return {f"{name} (widest root)": (name, {"doc": wide}) for name in WIDE_QUERIES}


def _time_in_child(store_path: str, name: str, params: dict, repeat: int, conn) -> None:
    store = open_store(store_path)
    walls, cpus, rows = [], [], 0
    try:
        for _ in range(repeat):
            started, cpu = time.perf_counter(), time.process_time()
            rows = len(run_query(store, name, params).rows)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    except QueryError as err:
        print(f"{name}: {err}", file=sys.stderr)
        conn.send(None)
        return
    conn.send((walls, cpus, rows))


def time_in_process(store_path: str, name: str, params: dict, repeat: int, timeout: float):
    """(median wall seconds, median CPU seconds, rows), or None past the timeout."""
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
    return statistics.median(answer[0]), statistics.median(answer[1]), answer[2]


def time_cli(store_path: str, name: str, params: dict, timeout: float) -> tuple[float, float] | None:
    """(wall seconds, CPU seconds) of one ``policy-graph query``, or None past the timeout."""
    command = [str(ROOT / ".venv" / "bin" / "policy-graph"), "query", name, "--store", store_path]
    for key, value in params.items():
        command += ["-p", f"{key}={value}"]
    command += ["--format", "csv", "-o", "/dev/null"]
    started, before = time.perf_counter(), _children_cpu()
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - started, _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench(store_path: str, repeat: int, timeout: float, cli: bool) -> dict[str, dict]:
    params = corpus_params(open_store(store_path))
    results = {}
    for query in list_queries():
        values = params.get(query.name, {})
        measured = time_in_process(store_path, query.name, values, repeat, timeout)
        entry = {
            "params": values,
            "rows": None,
            "ms": None,
            "cpu_ms": None,
            "cli_ms": None,
            "cli_cpu_ms": None,
        }
        if not cli:
            entry["cli_ms"] = entry["cli_cpu_ms"] = NOT_RUN
        if measured is not None:
            entry["ms"], entry["cpu_ms"], entry["rows"] = measured[0] * 1000, measured[1] * 1000, measured[2]
        if cli and measured is not None:
            seconds = time_cli(store_path, query.name, values, timeout)
            if seconds is not None:
                entry["cli_ms"], entry["cli_cpu_ms"] = seconds[0] * 1000, seconds[1] * 1000
        results[query.name] = entry
        print(_row(query.name, entry, timeout), flush=True)
    return results


NOT_RUN = -1.0


def _cell(ms: float | None, timeout: float) -> str:
    if ms == NOT_RUN:
        return f"{'not run':>10}"
    return f"{'>' + format(timeout, '.0f') + ' s':>10}" if ms is None else f"{ms:>10.1f}"


HEADER = (
    f"| {'query':26} | {'rows':>6} | {'CPU ms':>10} | {'wall ms':>10} | {'CLI CPU ms':>10} | {'CLI wall ms':>11} |\n"
    f"|{'-' * 28}|{'-' * 7}:|{'-' * 11}:|{'-' * 11}:|{'-' * 11}:|{'-' * 12}:|"
)


def _row(name: str, entry: dict, timeout: float) -> str:
    rows = "" if entry["rows"] is None else entry["rows"]
    skipped = entry["ms"] is None  # timed out in-process: the CLI is not tried
    cli = _cell(NOT_RUN if skipped else entry["cli_cpu_ms"], timeout)
    cli_wall = _cell(NOT_RUN if skipped else entry["cli_ms"], timeout)
    return (
        f"| {name:26} | {rows:>6} | {_cell(entry['cpu_ms'], timeout)} | {_cell(entry['ms'], timeout)} "
        f"| {cli} | {cli_wall:>11} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(ROOT / "data" / "store"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--no-cli", action="store_true")
    args = parser.parse_args()
    print(HEADER)
    bench(args.store, args.repeat, args.timeout, not args.no_cli)


if __name__ == "__main__":
    main()
