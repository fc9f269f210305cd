"""Every library query's rows and CPU on one store, to compare two builds (two layouts, two commits).

    .venv/bin/python benchmarks/query_rows.py --store STORE --out after.json [--src SRC] [--repeat 3]
    .venv/bin/python benchmarks/query_rows.py --compare before.json after.json

The first form runs every library query (``run_query``; parameters as ``benchmarks/queries.py``
chooses them, the widest-root variants included) ``--repeat`` times in this process and writes, per
query, its rows (each cell as text, a GROUP_CONCAT cell as its sorted parts: SPARQL leaves their
order open) and the median CPU time.  ``--src`` puts another checkout's ``src`` first on the path,
so that the same script measures a store with the code that built it (the "before" of a change of
layout: its own ``open_store`` and queries).  The second form prints, per query, the rows, whether
they are the same (in the same order, or only as a multiset) and the CPU before and after.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(store_path: str, repeat: int) -> dict[str, dict]:
    from graph.queries import list_queries, run_query, term_text
    from graph.store import open_store
    from queries import corpus_params, wide_runs  # benchmarks/queries.py

    store = open_store(store_path)
    params = corpus_params(store)
    runs = [(q.name, q.name, params.get(q.name, {})) for q in list_queries()]
    runs += [(label, name, values) for label, (name, values) in wide_runs(store).items()]
    results = {}
    for label, name, values in runs:
        cpus, rows = [], []
        for _ in range(repeat):
            started = time.process_time()
            result = run_query(store, name, values)
            cpus.append(time.process_time() - started)
            rows = [
                [" ; ".join(sorted(term_text(row.get(c)).split(" ; "))) for c in result.columns]
                for row in result.rows
            ]
        results[label] = {"params": values, "rows": rows, "cpu_ms": statistics.median(cpus) * 1e3}
    return results


def compare(before_path: Path, after_path: Path) -> None:
    before, after = json.loads(before_path.read_text()), json.loads(after_path.read_text())
    print(f"{'query':34} {'rows':>7} {'same rows':>16} {'CPU before ms':>13} {'CPU after ms':>12}")
    for label in before:
        b, a = before[label], after.get(label)
        if a is None:
            print(f"{label:34} {len(b['rows']):>7,} {'not run after':>16}")
            continue
        if a["rows"] == b["rows"]:
            same = "yes"
        elif sorted(a["rows"]) == sorted(b["rows"]):
            same = "yes, other order"
        else:
            same = f"NO ({len(a['rows'])})"
        print(f"{label:34} {len(b['rows']):>7,} {same:>16} {b['cpu_ms']:>13.1f} {a['cpu_ms']:>12.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--src", type=Path, help="the src folder of the checkout to measure with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(args.src or HERE.parent / "src"))
    args.out.write_text(json.dumps(measure(args.store, args.repeat), ensure_ascii=False))


if __name__ == "__main__":
    main()
