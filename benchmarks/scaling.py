"""How the build scales with the size of one input, shape by shape.

Each shape is a form of the genre repeated n times (numbered lines, footnote bodies, web
footnotes, "Căn cứ" lines, citations on one line, a long real document); the benchmark builds one
file of each shape at 1×, 10× and 100× its base size and prints the time, the time per MB and the
growth ratio from one size to the next: about 10 for a stage that is linear, about 100 for a
quadratic one.  Times are CPU seconds (a machine busy with other work does not inflate them):
the parser alone, then the whole build in one process (parse, resolve, RDF, Turtle, store load —
the stages ``policy-graph build`` runs in its workers).  ``--wall`` adds the wall time of a real
``build`` (worker pool, per-file limits), which a busy machine does inflate, and says when its
per-file limit refused the file.

    .venv/bin/python benchmarks/scaling.py [--shapes numbered,web-footnotes] [--scales 1,10,100]
                                           [--timeout 300] [--wall]

A run past ``--timeout`` seconds is stopped and shown as ">timeout".  Figures, not assertions:
the 10 s per MB target is checked by reading the table.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

REAL = ROOT / "tests" / "real"  # real documents (sources in tests/real/SOURCES.md)

HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Số: 214/KH-UBND\nQuảng Ngãi, ngày 06 tháng 11 năm 2024\n\nKẾ HOẠCH\n"
    "Thực hiện Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng\n\n"
)
FOOTER = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Phước Hiền\n"


def numbered_lines(n: int) -> str:
    """1. … 9. 1. … : clauses of a plan, one per line (a list restarting at 1 every nine lines, so
    each line opens a section and a task)."""
    lines = [
        f"{k % 9 + 1}. Sở Công Thương chủ trì, phối hợp với các sở, ngành triển khai nhiệm vụ số {k} "
        f"của Kế hoạch, hoàn thành trong năm 2025."
        for k in range(n)
    ]
    return HEADER + "\n".join(lines) + FOOTER


def pdf_footnotes(n: int) -> str:
    """Markers glued to words ("tỉnh3,") and a page-bottom block of numbered bodies."""
    body = "\n".join(f"Triển khai nội dung của tỉnh{k}, bảo đảm tiến độ đề ra." for k in range(1, n + 1))
    notes = "\n".join(f"{k} Quyết định số {k}/QĐ-UBND ngày 11/8/2021 của UBND tỉnh." for k in range(1, n + 1))
    return HEADER + "I. NHIỆM VỤ\n" + body + "\n" + " " * 49 + "\n" + notes + "\n\n" + FOOTER


def web_footnotes(n: int) -> str:
    """Markers "[k]" in the text and the bodies "[k] Theo …" at the end of the page."""
    body = "\n".join(f"- Thực hiện nhiệm vụ thứ {k} đến năm 2030 [{k}]." for k in range(1, n + 1))
    notes = "\n".join(
        f"[{k}] Theo Quyết định số {k}/QĐ-TTg ngày 20/12/2021 của Thủ tướng Chính phủ."
        for k in range(1, n + 1)
    )
    return HEADER + "I. NHIỆM VỤ\n" + body + "\n" + FOOTER + "\n" + notes + "\n"


def can_cu_lines(n: int) -> str:
    """A preamble of "Căn cứ …;" lines."""
    lines = [
        f"Căn cứ Nghị quyết số {k}/NQ-CP ngày 17/11/2022 của Chính phủ về việc phát triển;"
        for k in range(1, n + 1)
    ]
    return HEADER + "\n".join(lines) + "\nI. MỤC ĐÍCH\n1. Nâng cao hiệu quả.\n" + FOOTER


def citations_on_one_line(n: int) -> str:
    """One paragraph citing n decisions."""
    cited = ", ".join(f"Quyết định số {k}/QĐ-UBND ngày 19/10/2021 của UBND tỉnh" for k in range(1, n + 1))
    return HEADER + "I. MỤC ĐÍCH\n1. Thực hiện " + cited + ".\n" + FOOTER


def long_document(n: int) -> str:
    """A real plan's body (with its footnotes) repeated n times."""
    text = (REAL / "02b9be7711f88c70.txt").read_text(encoding="utf-8")
    return text * n


# shape: (builder, base count); 100× the base count is the largest run
SHAPES = {
    "numbered": (numbered_lines, 1000),
    "pdf-footnotes": (pdf_footnotes, 100),
    "web-footnotes": (web_footnotes, 100),
    "can-cu": (can_cu_lines, 100),
    "citations-one-line": (citations_on_one_line, 100),
    "long-document": (long_document, 8),
}


def _build_in_process(path: Path) -> None:
    """The stages of ``build`` for one file, in this process: parse, resolve, RDF, Turtle, store."""
    from graph.pipeline import parse_file
    from graph.rdf import document_triples, turtle
    from graph.resolve import resolve
    from graph.store import GraphFile, rebuild

    doc = parse_file(path)
    res = resolve([doc])
    n_triples = document_triples(doc, res)
    ttl, staged = path.parent / "input.ttl", path.parent / "input.nt"
    ttl.write_bytes(turtle(n_triples))
    staged.write_bytes(n_triples)  # as the build's workers stage them for the store
    rebuild(path.parent / "store", [GraphFile(f"{res.base}/graph/input", ttl, staged)])


def _measure(path: Path, conn, mode: str) -> None:
    started = time.process_time()
    if mode == "parse":
        from graph.pipeline import parse_file

        with contextlib.suppress(Exception):  # a refusal: the build reports it
            parse_file(path)
        conn.send((time.process_time() - started, []))
    elif mode == "build":
        _build_in_process(path)
        conn.send((time.process_time() - started, []))
    else:
        from graph.build import build

        wall = time.perf_counter()
        report = build([path], path.parent / "store", path.parent / "ttl")
        conn.send((time.perf_counter() - wall, [r.reason for r in report.rejected]))


def timed(text: str, timeout: float, mode: str) -> tuple[float | None, list[str]]:
    """Seconds of one mode ("parse", "build": CPU seconds; "wall": a real build's wall seconds) on a
    file holding ``text``, in a process of its own; None past ``timeout``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_text(text, encoding="utf-8")
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe(duplex=False)
        worker = context.Process(target=_measure, args=(path, child, mode))
        worker.start()
        child.close()
        if not parent.poll(timeout):
            worker.kill()
            worker.join()
            return None, []
        seconds, rejected = parent.recv()
        worker.join()
        return seconds, rejected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--wall", action="store_true", help="also time a real build (wall clock, limits)")
    args = parser.parse_args()
    for module in ("graph.build", "graph.pipeline", "graph.rdf", "graph.resolve", "graph.store"):
        importlib.import_module(module)  # before the timed forks: imports are not the parser's time

    scales = [int(s) for s in args.scales.split(",")]
    modes = ["parse", "build"] + (["wall"] if args.wall else [])
    heads = {"parse": "parse CPU", "build": "build CPU", "wall": "build wall"}
    print(
        f"{'shape':20} {'scale':>5} {'MB':>6} "
        + " ".join(f"{heads[m]:>10} {'s/MB':>6} {'growth':>6}" for m in modes)
    )
    for name in args.shapes.split(","):
        build_text, base = SHAPES[name]
        previous: dict[str, float | None] = {}
        for scale in scales:
            text = build_text(base * scale)
            mb = len(text.encode("utf-8")) / 1e6
            cells, note = [], ""
            for mode in modes:
                if mode in previous and previous[mode] is None:
                    seconds, rejected = None, []  # the smaller size already ran out of time
                else:
                    seconds, rejected = timed(text, args.timeout, mode)
                if seconds is None:
                    cells.append(f"{'>' + format(args.timeout, '.0f'):>10} {'':>6} {'':>6}")
                else:
                    before = previous.get(mode)
                    growth = f"{seconds / max(before, 1e-3):.1f}" if before else ""
                    cells.append(f"{seconds:>10.2f} {seconds / mb:>6.1f} {growth:>6}")
                note = note or (f"  refused: {rejected[0][:70]}" if rejected else "")
                previous[mode] = seconds
            print(f"{name:20} {scale:>5} {mb:>6.2f} {' '.join(cells)}{note}", flush=True)


if __name__ == "__main__":
    main()
