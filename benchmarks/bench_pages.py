"""Page load times of the everyday web pages on the seed graph.

Builds data/raw into a temporary store (or uses ``--store DIR``), serves it on a loopback
port, asks every page a few times and prints the median and slowest time to the last byte.
Figures, not assertions.  ``.venv/bin/python benchmarks/bench_pages.py [--store data/store]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from server_support import running_server  # noqa: E402

PAGES = [
    "/",
    "/search?q=So%20Cong%20Thuong",
    "/search?q=Ngh%E1%BB%8B%20quy%E1%BA%BFt%20s%E1%BB%91%2029-NQ%2FTW",
    "/tree?doc=29-NQ/TW",
    "/tree?doc=29-NQ/TW&province=Qu%E1%BA%A3ng%20Ng%C3%A3i&status=overdue",
    "/tree?doc=29-NQ/TW&format=xlsx",
    "/tree?doc=29-NQ/TW&format=csv",
    "/deadlines",
    "/compare?doc=29-NQ/TW",
    "/documents",
    "/eli/vn-29/kh/2024/214",
    "/eli/vn/nq/2022/29-tw",
    "/eli/vn/luat/name/luat-dau-tu",
    "/org/vn-29/so-cong-thuong",
    "/eli/vn-29/kh/2024/214/task/5",
    "/sparql-ui",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", help="an existing store (default: build data/raw into a temporary one)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        store = Path(args.store) if args.store else _build(Path(work))
        with running_server(store, timeout_s=30.0) as url, httpx.Client(timeout=60) as client:
            print(f"{'page':<70} {'median s':>9} {'max s':>7} {'KiB':>7}")
            for path in PAGES:
                client.get(url + path)  # warm the worker's store and caches once
                times, size = [], 0
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    response = client.get(url + path)
                    times.append(time.perf_counter() - started)
                    size = len(response.content)
                    assert response.status_code == 200, (path, response.status_code)
                print(
                    f"{path[:70]:<70} {statistics.median(times):>9.3f} {max(times):>7.3f} {size / 1024:>7.0f}"
                )


def _build(work: Path) -> Path:
    from graph.build import build

    build([ROOT / "data" / "raw"], work / "store", work / "ttl")
    return work / "store"


if __name__ == "__main__":
    main()
