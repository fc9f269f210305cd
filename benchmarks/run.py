"""Benchmarks for the seed corpus: parse, build, and every named query.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/run.py``).  Prints a
table and writes ``benchmarks/results.json`` (git-ignored) for comparison with
the previous run.  Figures, not assertions: speed is not checked by unit tests.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from graph.build import build  # noqa: E402
from graph.pipeline import parse_file  # noqa: E402
from graph.queries import list_queries, run_query  # noqa: E402
from graph.read import iter_input_files  # noqa: E402
from graph.store import open_store  # noqa: E402

RAW = ROOT / "data" / "raw"
# parameters that make each query do real work on the seed graph
QUERY_PARAMS = {
    "chain-down": {"doc": "29-NQ/TW"},
    "chain-up": {"doc": "214/KH-UBND"},
    "compare": {"doc": "29-NQ/TW"},
    "tree": {"doc": "29-NQ/TW"},
    "agency-tasks": {"agency": "Sở Công Thương"},
    "due": {"until": "2030"},
    "footnotes": {"doc": "214/KH-UBND"},
    "provenance": {"fact": None},
}


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def bench_parse(repeat: int = 5) -> dict:
    files = iter_input_files([RAW])
    times = timed(lambda: [parse_file(f) for f in files], repeat)
    return {"files": len(files), "median_s": statistics.median(times), "worst_s": max(times)}


def bench_build(workdir: Path, repeat: int = 3) -> tuple[dict, Path]:
    store = workdir / "store"
    times = timed(lambda: build([RAW], store, workdir / "ttl"), repeat)
    return {"median_s": statistics.median(times), "worst_s": max(times)}, store


def first_task_iri(store) -> str:
    row = next(
        iter(
            store.query(
                "SELECT ?t WHERE { ?t a <https://w3id.org/policy-graph/ontology#Task> } LIMIT 1",
            )
        )
    )
    return row["t"].value


def bench_queries(store_path: Path, repeat: int = 20) -> dict:
    store = open_store(store_path)
    results = {}
    for query in list_queries():
        params = dict(QUERY_PARAMS.get(query.name, {}))
        if "fact" in params:
            params["fact"] = first_task_iri(store)
        times = timed(lambda q=query.name, p=params: run_query(store, q, p), repeat)
        rows = len(run_query(store, query.name, params).rows)
        results[query.name] = {
            "rows": rows,
            "median_ms": 1000 * statistics.median(times),
            "worst_ms": 1000 * max(times),
        }
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parse = bench_parse()
        build_times, store = bench_build(Path(tmp))
        queries = bench_queries(store)
    report = {"parse": parse, "build": build_times, "queries": queries}
    print(
        f"parse {parse['files']} seed files: median {parse['median_s'] * 1000:.0f} ms, "
        f"worst {parse['worst_s'] * 1000:.0f} ms"
    )
    print(
        f"build (parse + RDF + Turtle + store): median {build_times['median_s']:.2f} s, "
        f"worst {build_times['worst_s']:.2f} s"
    )
    print(f"{'query':28} {'rows':>5} {'median ms':>10} {'worst ms':>10}")
    for name, q in queries.items():
        print(f"{name:28} {q['rows']:>5} {q['median_ms']:>10.1f} {q['worst_ms']:>10.1f}")
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
