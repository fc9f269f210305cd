"""Pages per second of the PDF reader: text layers (pdfplumber) and OCR (Tesseract, vie).

    .venv/bin/python benchmarks/bench_read_pdf.py                      # the PDFs of tests/files
    .venv/bin/python benchmarks/bench_read_pdf.py /work/shared/corpus/files

Text PDFs are read as ``build`` reads them; scans and mis-encoded PDFs are OCR'd
with an empty cache (a temporary folder), so OCR really runs, then read again
from the cache.  Figures, not assertions.  OCR is CPU-heavy: run it alone
(``nice``, one process); ``OMP_THREAD_LIMIT=1`` keeps Tesseract on one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from graph import ocr  # noqa: E402
from graph.model import InputError  # noqa: E402
from graph.read import read_source  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "tests" / "files"])
    args = parser.parse_args()
    pdfs = sorted(p for folder in args.folders for p in folder.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as cache:
        os.environ[ocr.CACHE_ENV] = cache
        first = [read(pdf) for pdf in pdfs]
        again = [read(pdf) for pdf in pdfs]
    text = [(pages, s) for kind, pages, _, s in first if kind == "text"]
    ocred = [(pages, s) for kind, pages, _, s in first if kind == "ocr"]
    cached = [
        (pages, s) for (kind, pages, _, _), (_, _, _, s) in zip(first, again, strict=False) if kind == "ocr"
    ]
    print(f"{len(pdfs)} PDF files; engine: {ocr.engine_label() if ocr.engine()[0] else ocr.engine()[1]}")
    report("text layer", text)
    report("OCR", ocred)
    report("OCR, from the cache", cached)
    for kind, _pages, reason, _ in first:
        if kind == "refused":
            print(f"  refused: {reason}")


def read(pdf: Path) -> tuple[str, int, str, float]:
    """(kind, pages, refusal reason, seconds)."""
    started = time.perf_counter()
    try:
        source = read_source(pdf)
    except InputError as err:
        return "refused", 0, str(err), time.perf_counter() - started
    kind = "ocr" if source.ocr_pages else "text"
    return kind, len(source.ocr_pages) or len(source.page_starts), "", time.perf_counter() - started


def report(label: str, runs: list[tuple[int, float]]) -> None:
    pages = sum(p for p, _ in runs)
    seconds = sum(s for _, s in runs)
    rate = pages / seconds if seconds else 0.0
    print(f"{label:22} {len(runs):3} files {pages:4} pages {seconds:8.1f} s  {rate:7.2f} pages/s")


if __name__ == "__main__":
    main()
