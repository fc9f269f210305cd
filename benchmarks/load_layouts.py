"""What the store load costs for each way of laying the graph out in Oxigraph (CPU of bulk loads).

    .venv/bin/python benchmarks/load_layouts.py TTL_DIR [--repeat 3] [--only today,named,default,disjoint]

Reads the Turtle files a build wrote (``build … --ttl-dir TTL_DIR``), keeps each file's triples as
N-Triples in memory, and loads them into a fresh store, in this process, in each layout:

- ``today``: what ``store.rebuild`` does: every file's triples in its named graph (two TriG bulk loads,
  ``store.NAMED_CHUNKS``) and every triple again in the default graph (one N-Triples bulk load), side by side;
- ``named``: the named graphs alone (what the default graph's copy adds is ``today`` minus this);
- ``default``: the default graph alone;
- ``dedup-default``: the named graphs, and the default graph loaded from the distinct lines only;
- ``disjoint``: each triple once: a triple stated by one file in that file's graph, a triple stated by
  several in one shared graph (queried as the union of the named graphs, which is then a set): the
  model of issue 14's "canonical descriptions" option.

Prints the quads loaded and the CPU (user + system of this process, every thread) and wall of each
load, the median of ``--repeat`` runs.  ``--queries`` then runs every library query (``run_query``,
parameters as ``benchmarks/queries.py`` chooses them) on today's store and on the disjoint one read as
the union of its named graphs, and prints whether the rows are the same and each one's CPU (median of
``--repeat``).  Figures, not assertions; wall times mean something on a quiet machine only.
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from graph.queries import list_queries, run_query  # noqa: E402
from graph.store import NAMED_CHUNKS  # noqa: E402

Load = tuple[bytes, ox.RdfFormat]


def read_files(ttl_dir: Path) -> list[tuple[str, bytes]]:
    """(graph name, N-Triples) of every Turtle file of the folder, the shared ones included."""
    files = []
    for path in sorted(ttl_dir.glob("*.ttl")):
        triples = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        n_triples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        files.append((f"https://example.org/graph/{path.stem}", n_triples))
    return files


def trig(files: list[tuple[str, bytes]]) -> bytes:
    return b"".join(b"<%s> {\n%s}\n" % (name.encode(), n_triples) for name, n_triples in files)


def chunks(files: list[tuple[str, bytes]], count: int) -> list[Load]:
    size = -(-len(files) // count)
    return [(trig(files[i : i + size]), ox.RdfFormat.TRIG) for i in range(0, len(files), size)]


def disjoint(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Each file's graph keeps the triples no other file states; the others go to one shared graph."""
    stated = Counter(line for _, n_triples in files for line in set(n_triples.splitlines(keepends=True)))
    own = [
        (
            name,
            b"".join(
                line for line in dict.fromkeys(n_triples.splitlines(keepends=True)) if stated[line] == 1
            ),
        )
        for name, n_triples in files
    ]
    shared = b"".join(sorted(line for line, count in stated.items() if count > 1))
    return [*own, ("https://example.org/graph/shared", shared)]


def layouts(files: list[tuple[str, bytes]]) -> dict[str, list[Load]]:
    every = b"".join(n_triples for _, n_triples in files)
    distinct = b"".join(dict.fromkeys(every.splitlines(keepends=True)))
    named = chunks(files, NAMED_CHUNKS)
    return {
        "today": [*named, (every, ox.RdfFormat.N_TRIPLES)],
        "named": named,
        "default": [(every, ox.RdfFormat.N_TRIPLES)],
        "dedup-default": [*named, (distinct, ox.RdfFormat.N_TRIPLES)],
        "disjoint": chunks(disjoint(files), NAMED_CHUNKS),
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def loaded(folder: str, loads: list[Load]) -> ox.Store:
    store = ox.Store(folder)
    with ThreadPoolExecutor(len(loads)) as loaders:
        for job in [
            loaders.submit(store.bulk_load, input=io.BytesIO(data), format=format, lenient=True)
            for data, format in loads
        ]:
            job.result()
    return store


class UnionStore:
    """A store read as the union of its named graphs (the disjoint layout's default graph)."""

    def __init__(self, store: ox.Store):
        self.store = store

    def query(self, text: str, **options):
        return self.store.query(text, use_default_graph_as_union=True, **options)


def compare_queries(chosen: dict[str, list[Load]], repeat: int) -> None:
    """Every library query on today's store and on the disjoint one (union): same rows?  CPU of each."""
    from queries import corpus_params  # benchmarks/queries.py: the parameters it measures with

    with tempfile.TemporaryDirectory(prefix="load-layouts-q-") as folder:
        today = loaded(f"{folder}/today", chosen["today"])
        union = UnionStore(loaded(f"{folder}/disjoint", chosen["disjoint"]))
        params = corpus_params(today)
        print(f"{'query':28} {'rows':>7} {'same rows':>9} {'today CPU ms':>12} {'union CPU ms':>12}")
        for query in list_queries():
            values = params.get(query.name, {})
            timings: dict[str, list[float]] = {"today": [], "union": []}
            answers = {}
            for _ in range(repeat):
                for label, store in (("today", today), ("union", union)):
                    started = time.process_time()
                    result = run_query(store, query.name, values)
                    timings[label].append(time.process_time() - started)
                    answers[label] = [{k: str(v) for k, v in row.items()} for row in result.rows]
            same = "yes" if answers["today"] == answers["union"] else "NO"
            print(
                f"{query.name:28} {len(answers['today']):>7,} {same:>9} "
                f"{statistics.median(timings['today']) * 1e3:>12.1f} {statistics.median(timings['union']) * 1e3:>12.1f}"
            )
        del today, union


def measure(loads: list[Load]) -> tuple[float, float, int]:
    """CPU and wall seconds of the loads, run side by side as the build runs them, and the quads stored."""
    with tempfile.TemporaryDirectory(prefix="load-layouts-") as folder:
        store = ox.Store(folder)
        cpu, wall = _cpu(), time.perf_counter()
        with ThreadPoolExecutor(len(loads)) as loaders:
            jobs = [
                loaders.submit(store.bulk_load, input=io.BytesIO(data), format=format, lenient=True)
                for data, format in loads
            ]
            for job in jobs:
                job.result()
        store.flush()
        cpu, wall = _cpu() - cpu, time.perf_counter() - wall
        quads = len(store)
        del store
        shutil.rmtree(folder, ignore_errors=True)
    return cpu, wall, quads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ttl_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="today,named,default,dedup-default,disjoint")
    parser.add_argument(
        "--queries", action="store_true", help="compare the library queries, today vs disjoint"
    )
    args = parser.parse_args()
    files = read_files(args.ttl_dir)
    stated = sum(n_triples.count(b"\n") for _, n_triples in files)
    print(f"{len(files)} files, {stated:,} triples stated")
    started = time.process_time()
    disjoint(files)
    print(
        f"partitioning the triples for 'disjoint' (Python, before its loads): {time.process_time() - started:.2f} s CPU"
    )
    chosen = layouts(files)
    if args.queries:
        compare_queries(chosen, args.repeat)
        return
    runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in args.only.split(",")}
    for _ in range(args.repeat):  # the layouts in turn, so that a change in the machine's load hits each
        for name, results in runs.items():
            results.append(measure(chosen[name]))
    median: Callable[[list[float]], float] = statistics.median
    print(f"{'layout':15} {'quads':>9} {'CPU s':>7} {'wall s':>7}  (median of {args.repeat}; CPU runs)")
    for name, results in runs.items():
        cpus = [cpu for cpu, _, _ in results]
        print(
            f"{name:15} {results[0][2]:>9,} {median(cpus):>7.2f} {median([w for _, w, _ in results]):>7.2f}"
            f"  ({' '.join(f'{c:.2f}' for c in cpus)})"
        )


if __name__ == "__main__":
    main()
