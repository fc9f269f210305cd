"""How the build scales with the size of one input, shape by shape.

Each shape is a form of the genre repeated n times (numbered lines, footnote bodies, web
footnotes, "Căn cứ" lines, citations on one line, a long real document); the benchmark builds one
file of each shape at 1×, 10× and 100× its base size (parse + RDF + Turtle + store, as
``policy-graph build`` does) and prints the time, the time per MB and the growth ratio from one
size to the next: about 10 for a stage that is linear, about 100 for a quadratic one.  Parse times
are CPU seconds (a busy machine does not inflate them); build times are wall seconds, as the build
runs in worker processes of its own.

    .venv/bin/python benchmarks/scaling.py [--shapes numbered,web-footnotes] [--scales 1,10,100]
                                           [--timeout 300]

A run past ``--timeout`` seconds is stopped and shown as ">timeout".  Figures, not assertions:
the 10 s per MB target is checked by reading the table.
"""

from __future__ import annotations

import argparse
import contextlib
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


def _build_one(path: Path, conn, parse_only: bool = False) -> None:
    from graph.build import build
    from graph.pipeline import parse_file

    work = path.parent
    started = time.process_time()
    with contextlib.suppress(Exception):  # a refusal: the build below reports it
        parse_file(path)
    if parse_only:
        conn.send(((time.process_time() - started, float("nan")), []))
        return
    parsed, wall = time.process_time(), time.perf_counter()
    report = build([path], work / "store", work / "ttl")
    conn.send(((parsed - started, time.perf_counter() - wall), [r.reason for r in report.rejected]))


def timed_build(
    text: str, timeout: float, parse_only: bool = False
) -> tuple[tuple[float, float] | None, list[str]]:
    """CPU seconds of parsing the file; wall seconds of building it (parse + RDF + Turtle + store, in
    the build's own worker processes)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_text(text, encoding="utf-8")
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe(duplex=False)
        worker = context.Process(target=_build_one, args=(path, child, parse_only))
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
    parser.add_argument("--parse-only", action="store_true", help="time the parser alone (no RDF, no store)")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    print(
        f"{'shape':20} {'scale':>5} {'MB':>6} {'parse s':>8} {'s/MB':>6} {'growth':>6} "
        f"{'build s':>8} {'s/MB':>6} {'growth':>6}"
    )
    for name in args.shapes.split(","):
        build_text, base = SHAPES[name]
        previous = None
        for scale in scales:
            text = build_text(base * scale)
            mb = len(text.encode("utf-8")) / 1e6
            seconds, rejected = timed_build(text, args.timeout, args.parse_only)
            cells = []
            for k in (0, 1):
                if seconds is None:
                    cells.append(f"{'>' + format(args.timeout, '.0f'):>8} {'':>6} {'':>6}")
                    continue
                growth = f"{seconds[k] / max(previous[k], 1e-3):.1f}" if previous else ""
                cells.append(f"{seconds[k]:>8.2f} {seconds[k] / mb:>6.1f} {growth:>6}")
            note = f"  refused: {rejected[0][:60]}" if rejected else ""
            print(f"{name:20} {scale:>5} {mb:>6.2f} {' '.join(cells)}{note}", flush=True)
            previous = seconds
            if seconds is None:
                break  # the next size would only run longer


if __name__ == "__main__":
    main()
