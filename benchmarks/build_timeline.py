"""When each phase of a build starts and ends, and the CPU the process tree has used by then.

    .venv/bin/python benchmarks/build_timeline.py [CORPUS] [--work DIR] [--set NAME=VALUE …]

Builds CORPUS (default /work/shared/corpus/real) in-process with ``--full`` and prints one line per
event: the wall time since the build started, the CPU time of the whole process tree (this process,
its fork server and workers; sampled, so a worker that exited between samples is missed) and of
this process alone, and the event: parsing, resolution, RDF emission and the Turtle files (the
store load reads each file as it is written to tell the triples several files state), the split of
the files into the load streams, each bulk load (side by side, with the CPU of the thread that
parsed its input), the compaction and the swap; then the CPU spent telling the triples several files
state (``store.Partition.read``), and a table of the phases: wall time, CPU of the tree and of this
process, and the critical path (the CPU of a phase run on one core, plus half that of a phase run on
both: what a quiet two-core machine cannot go below).  What the store load leaves after the writing
shows as the time between the last file written and the compaction's end.  ``--set NAMED_CHUNKS=1`` (any integer constant
of ``graph.store``) measures a variant.  Figures, not assertions; the wall times mean something on a
quiet machine only (check ``uptime``).
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import time
from pathlib import Path

import psutil
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import graph.build as build_module  # noqa: E402
import graph.store as store_module  # noqa: E402

STARTED = time.perf_counter()
EVENTS: list[tuple[float, float, float, str]] = []
_TREE = psutil.Process()
_CPU: dict[int, float] = {}  # the last CPU time seen of each process of the tree
PARTITION_CPU = [0.0]


def tree_cpu() -> float:
    for process in [_TREE, *_TREE.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        _CPU[process.pid] = times.user + times.system
    return sum(_CPU.values())


def event(what: str) -> None:
    EVENTS.append((time.perf_counter() - STARTED, tree_cpu(), time.process_time(), what))


def timed(module, name: str) -> None:
    function = getattr(module, name)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        event(f"{name} start")
        try:
            return function(*args, **kwargs)
        finally:
            event(f"{name} end")

    setattr(module, name, wrapper)


class TimedStore:
    """The build's store, its bulk loads and optimize() timed (pyoxigraph's Store cannot be
    subclassed)."""

    def __init__(self, *args, **kwargs):
        self.store = ox.Store(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.store, name)

    def __len__(self) -> int:
        return len(self.store)

    def bulk_load(self, *args, **kwargs):
        graphs = "named graphs" if kwargs.get("format") == ox.RdfFormat.TRIG else "default graph"
        event(f"bulk load ({graphs}) start")
        thread_cpu = time.thread_time()
        try:
            return self.store.bulk_load(*args, **kwargs)
        finally:
            event(f"bulk load ({graphs}) end, its parsing thread {time.thread_time() - thread_cpu:.2f} s CPU")


def instrument() -> None:
    for name in ("parse_all", "resolve", "write_turtle", "tidy_ttl_dir"):
        timed(build_module, name)
    timed(store_module, "_flip")
    timed(store_module, "_compact")
    timed(store_module.Partition, "streams")
    read = store_module.Partition.read

    def partitioned(self, graph_file):  # the CPU of telling the triples several files state
        started = time.thread_time()
        try:
            return read(self, graph_file)
        finally:
            PARTITION_CPU[0] += time.thread_time() - started

    store_module.Partition.read = partitioned
    names = {name: value for name, value in vars(ox).items() if not name.startswith("__")}
    store_module.ox = type("ox", (), {**names, "Store": TimedStore})


# The build's phases between two events, and how many cores their work runs on: both for the workers' parsing
# and writing, and for the two bulk loads side by side; one for the resolution, the compaction and the end, and
# for the start, where the parse waits for the fork server's imports (one chain; this process lists and hashes
# the inputs beside it).  The critical path counts a phase's CPU whole on one core and halved on two.
PHASES = [
    ("start", "build start", "parse_all start", 1),
    ("parse", "parse_all start", "parse_all end", 2),
    ("resolve", "resolve start", "resolve end", 1),
    ("write", "write_turtle start", "write_turtle end", 2),
    ("loads", "write_turtle end", "_compact start", 2),
    ("compaction", "_compact start", "_compact end", 1),
    ("swap, end", "_compact end", "build end", 1),
]


def print_phases() -> None:
    """Each phase's wall time, the CPU of the process tree and of this process in it, and the critical path:
    the CPU of the phases on one core plus half that of the phases on two."""
    at = {what: (wall, cpu, own) for wall, cpu, own, what in EVENTS}
    path = 0.0
    print("phase        wall s   tree CPU s   this process CPU s   cores   on the critical path s")
    for name, start, end, cores in PHASES:
        if start not in at or end not in at:
            continue
        wall, cpu, own = (at[end][i] - at[start][i] for i in range(3))
        path += cpu / cores
        print(f"{name:<12} {wall:6.2f}   {cpu:10.2f}   {own:18.2f}   {cores:5d}   {cpu / cores:6.2f}")
    total = [EVENTS[-1][i] - EVENTS[0][i] for i in range(3)]
    print(f"{'whole build':<12} {total[0]:6.2f}   {total[1]:10.2f}   {total[2]:18.2f}           {path:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="/work/shared/corpus/real")  # as run.py
    parser.add_argument("--work", type=Path, default=Path("/tmp/policy-graph-build-timeline"))
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    for setting in args.set:
        name, value = setting.split("=", 1)
        setattr(store_module, name, int(value))
    instrument()
    shutil.rmtree(args.work, ignore_errors=True)
    global STARTED
    STARTED = time.perf_counter()
    event("build start")
    report = build_module.build([args.corpus], args.work / "store", args.work / "ttl", reuse=False)
    event("build end")
    wall = time.perf_counter() - STARTED
    for at, cpu, own, what in EVENTS:
        print(f"{at:7.2f} s  tree CPU {cpu:6.2f} s  this process {own:6.2f} s  {what}")
    print(f"telling the triples several files state (store.Partition.read): {PARTITION_CPU[0]:.2f} s CPU")
    print_phases()
    print(
        f"{len(report.outputs)} documents, {report.store_quads:,} triples stated, "
        f"{report.store_triples:,} stored (distinct): "
        f"{wall:.2f} s wall, {tree_cpu():.1f} s CPU (tree), load average {psutil.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
