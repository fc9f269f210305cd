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


def repeal_list(n: int) -> str:
    """ "Điều 1. Bãi bỏ các văn bản sau:" over n numbered items, each a decision (the form of corpus/real
    5545b1799f2968c0, 606d5f203dec293b: the document repeals each item's citation)."""
    items = "\n".join(
        f"{k % 99 + 1}. Quyết định số {k}/2016/QĐ-UBND ngày 21/3/2016 của Ủy ban nhân dân tỉnh ban hành Quy định "
        f"chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Ngoại vụ."
        for k in range(1, n + 1)
    )
    return (
        HEADER
        + "Điều 1. Bãi bỏ các văn bản sau:\n"
        + items
        + "\nĐiều 2. Quyết định này có hiệu lực thi hành.\n"
        + FOOTER
    )


def amended_by_list(n: int) -> str:
    """ "Căn cứ Luật … số 83/2015/QH13 được sửa đổi, bổ sung bởi Luật số 59/2020/QH14, Luật số …;" with n amending
    laws (corpus/real: "Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi Luật số 59/2020/QH14, Luật
    số 56/2024/QH15;")."""
    amending = ", ".join(f"Luật số {k}/2024/QH15" for k in range(1, n + 1))
    return (
        HEADER
        + "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi "
        + amending
        + ";\nI. MỤC ĐÍCH\n1. Nâng cao hiệu quả.\n"
        + FOOTER
    )


def unlabelled_paragraphs(n: int) -> str:
    """A plan's reporting part ("VI. CHẾ ĐỘ BÁO CÁO") of n paragraphs with no label, each a task (the Đề án 08 plan
    of tests/corpus/holdout2: "Các phòng, đơn vị báo cáo tình hình thực hiện về Phòng Kế hoạch - Tổng hợp trước ngày
    18 hằng tháng, …")."""
    paragraphs = "\n".join(
        f"Các phòng, đơn vị báo cáo tình hình thực hiện nhiệm vụ {k} về Phòng Kế hoạch - Tổng hợp trước ngày 18 hằng "
        f"tháng, đảm bảo theo đúng mẫu báo cáo quy định."
        for k in range(1, n + 1)
    )
    return HEADER + "I. MỤC ĐÍCH\n1. Nâng cao hiệu quả.\nVI. CHẾ ĐỘ BÁO CÁO\n" + paragraphs + "\n" + FOOTER


def member_list(n: int) -> str:
    """ "b) Các phòng chuyên môn, nghiệp vụ gồm:" over n member lines (an organisation's regulation, corpus/real
    7599f6525eb44d2e: members, no duties), in the part that says who does what."""
    members = "\n".join(f"- Phòng Quản lý Di sản số {k};" for k in range(1, n + 1))
    return (
        HEADER
        + "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Văn hóa, Thể thao và Du lịch chủ trì triển khai Kế hoạch.\n"
        + "b) Các phòng chuyên môn, nghiệp vụ gồm:\n"
        + members
        + "\n2. Sở Tài chính bố trí kinh phí thực hiện.\n"
        + FOOTER
    )


def consolidated_list(n: int) -> str:
    """A consolidated text ("Số: 92/VBHN-BQP") whose base is "được sửa đổi, bổ sung bởi:" n decisions, each an
    unnumbered item hard-wrapped over two lines (tests/real/8180ae11188469fd.txt)."""
    items = "\n".join(
        f"Quyết định số {k}/2010/QĐ-TTg ngày 06/5/2010 của Thủ\ntướng Chính phủ về việc sửa đổi, bổ sung Quyết định "
        f"số 142/2008/QĐ-TTg;"
        for k in range(1, n + 1)
    )
    return (
        "BỘ QUỐC PHÒNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n---------------\n"
        "Số: 92/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ\nTHỰC HIỆN CHẾ ĐỘ ĐỐI VỚI QUÂN NHÂN\n"
        "Quyết định số 142/2008/QĐ-TTg ngày 27 tháng 10 năm\n2008 của Thủ tướng Chính phủ về thực hiện chế độ, "
        "được sửa đổi, bổ sung bởi:\n" + items + "\nĐiều 1. Đối tượng áp dụng.\n" + FOOTER
    )


def bracketed_items(n: int) -> str:
    """A notice of conclusions whose tasks are "(k) Bộ … tiếp tục …" items, each followed by two "- …" bullets
    (tests/corpus/holdout3, Thông báo 637/TB-VPCP)."""
    items = "\n".join(
        f"({k}) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế thực hiện nội dung số {k}.\n"
        f"- Chỉ đạo Ban Quản lý dự án thúc đẩy công tác mua sắm, đấu thầu thiết bị.\n"
        f"- Chủ trì, phối hợp với Bộ Tài chính hoàn thiện hồ sơ trước ngày 30 tháng 11 năm 2025."
        for k in range(1, n + 1)
    )
    return HEADER + "lưu ý một số nội dung trọng tâm như sau:\n" + items + "\n" + FOOTER


def responsibility_headings(n: int) -> str:
    """ "k. Trách nhiệm của <body>:" headings, each over three points (an inventory plan of tests/corpus/holdout3:
    "1.6. Trách nhiệm của các cơ quan quản lý cấp trên …:")."""
    parts = "\n".join(
        f"{k}. Trách nhiệm của Sở Tài chính số {k}:\na) Hướng dẫn các đơn vị thực hiện kiểm kê.\n"
        f"b) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.\nc) Kiểm tra, đôn đốc."
        for k in range(1, n + 1)
    )
    return HEADER + "IV. TỔ CHỨC THỰC HIỆN\n" + parts + "\n" + FOOTER


def one_line_signatures(n: int) -> str:
    """A body of n paragraphs whose last line is a signature block printed on one line ("TM. ỦY BAN NHÂN DÂN KT.
    CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Văn Thạch"), each paragraph ending in one, as a text pasted badly would."""
    paragraphs = "\n".join(
        f"{k}. Sở Công Thương triển khai nhiệm vụ số {k}.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Văn Thạch"
        for k in range(1, n + 1)
    )
    return HEADER + "I. NHIỆM VỤ\n" + paragraphs + "\n" + FOOTER


# shape: (builder, base count); 100× the base count is the largest run
SHAPES = {
    "numbered": (numbered_lines, 1000),
    "pdf-footnotes": (pdf_footnotes, 100),
    "web-footnotes": (web_footnotes, 100),
    "can-cu": (can_cu_lines, 100),
    "citations-one-line": (citations_on_one_line, 100),
    "long-document": (long_document, 8),
    "repeal-list": (repeal_list, 100),
    "amended-by-list": (amended_by_list, 100),
    "unlabelled-paragraphs": (unlabelled_paragraphs, 100),
    "member-list": (member_list, 100),
    "consolidated-list": (consolidated_list, 100),
    "bracketed-items": (bracketed_items, 100),
    "responsibility-headings": (responsibility_headings, 100),
    "one-line-signatures": (one_line_signatures, 100),
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
