"""OCR of PDF pages with Tesseract's Vietnamese model, cached by the file's sha256.

Pages are rendered by pypdfium2 (bundled with pdfplumber) at ``DPI`` in
greyscale and recognised by Tesseract (``pytesseract``) with the ``vie`` model
(Debian ``tesseract-ocr-vie``).  Tesseract reads Vietnamese scans well (the
Cục Hóa chất letter 813/HC-CNHC comes out nearly word for word) but not a
stamped or handwritten number: such text stays as read, garbled, and the
parsers leave the field unknown rather than guess.

Each page gives its recognised words with their boxes in points, as
pdfplumber gives the words of a text layer, so that ``read_pdf`` lays out OCR
and text layers alike (columns of the header kept apart by a wide gap).

Recognised words are cached as JSON under ``cache_dir()`` (``$POLICY_GRAPH_OCR_CACHE``,
else ``$XDG_CACHE_HOME/policy-graph/ocr``, else ``~/.cache/policy-graph/ocr``),
one file per PDF named by its sha256, written after every page: a rebuild, or a
build interrupted half-way, does not OCR a page twice.  Entries made with
another engine version, model or resolution are not reused.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from .model import InputError

LANGUAGE = "vie"
DPI = 300
CACHE_ENV = "POLICY_GRAPH_OCR_CACHE"
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
CACHE_FORMAT = "words-1"  # what a cache entry holds: recognised words with boxes (not text)

# Called after each page OCR'd: (file name, pages done, pages to do).  The CLI
# sets it to advance its own progress bar; unset, OCR draws a bar of its own on
# a terminal.
PageProgress = Callable[[str, int, int], None]
page_progress: ContextVar[PageProgress | None] = ContextVar("page_progress", default=None)


def cache_dir() -> Path:
    if configured := os.environ.get(CACHE_ENV):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "policy-graph" / "ocr"


@lru_cache(maxsize=1)
def engine() -> tuple[str | None, str | None]:
    """(version, None) when Tesseract with the Vietnamese model can run, else (None, why)."""
    if shutil.which("tesseract") is None:
        return None, "chưa cài Tesseract OCR (Tesseract OCR is not installed)"
    import pytesseract

    try:
        version = str(pytesseract.get_tesseract_version())
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractError, OSError) as err:
        return None, f"Tesseract không chạy được (Tesseract does not run): {err}"
    if LANGUAGE not in languages:
        return (
            None,
            "Tesseract thiếu dữ liệu tiếng Việt (Tesseract lacks its Vietnamese model, tesseract-ocr-vie)",
        )
    return version, None


def engine_label() -> str:
    version, _ = engine()
    return f"Tesseract {version} ({LANGUAGE}, {DPI} dpi)"


def recognise(
    file: Path, name: str, sha256: str, pages: list[int], why: tuple[str, str]
) -> tuple[dict[int, list[dict]], str | None]:
    """Words of ``pages`` (1-based) of ``file``, from the cache or by OCR, and the engine's label.

    A word is ``{"text", "x0", "x1", "top", "bottom", "size", "line"}`` in points;
    ``line`` numbers Tesseract's lines in reading order, ``block`` its paragraphs.

    Raises ``InputError`` naming ``why`` OCR was needed when it cannot run.
    """
    cache = _Cache(cache_dir() / f"{sha256}.json", engine_label() if engine()[0] else None)
    found = {n: cache.pages[n] for n in pages if n in cache.pages}
    missing = [n for n in pages if n not in found]
    if not missing:
        return found, cache.label
    version, unavailable = engine()
    if version is None:
        raise InputError(
            name,
            f"{why[0]}: cần OCR nhưng {unavailable}; cài đặt: {INSTALL_HINT}",
            f"{why[1]}: it needs OCR, but {unavailable}; install it: {INSTALL_HINT}",
        )
    with _progress(name, len(missing)) as advance:
        for done, n in enumerate(missing, 1):
            found[n] = _ocr_page(file, name, n)
            cache.store(n, found[n])
            advance(done)
    return found, cache.label


def _ocr_page(file: Path, name: str, number: int) -> list[dict]:
    import pypdfium2 as pdfium
    import pytesseract

    try:
        pdf = pdfium.PdfDocument(str(file))
        try:
            image = pdf[number - 1].render(scale=DPI / 72, grayscale=True).to_pil()
        finally:
            pdf.close()
        data = pytesseract.image_to_data(image, lang=LANGUAGE, output_type=pytesseract.Output.DICT)
        return _words(data)
    except pdfium.PdfiumError as err:
        raise InputError(
            name,
            f"không dựng được trang {number} của PDF để OCR: {err}",
            f"cannot render page {number} of the PDF for OCR: {err}",
        ) from err
    except pytesseract.TesseractError as err:
        raise InputError(
            name, f"OCR trang {number} thất bại: {err}", f"OCR of page {number} failed: {err}"
        ) from err


def _words(data: dict[str, list]) -> list[dict]:
    """Tesseract's word table as words in points, with their line and paragraph in reading order."""
    scale = 72 / DPI
    words: list[dict] = []
    lines: dict[tuple, int] = {}
    blocks: dict[tuple, int] = {}
    for i, text in enumerate(data["text"]):
        if not text.strip():
            continue
        paragraph = (data["block_num"][i], data["par_num"][i])
        line = (*paragraph, data["line_num"][i])
        left, top, width, height = (data[k][i] * scale for k in ("left", "top", "width", "height"))
        words.append(
            {
                "text": text,
                "x0": round(left, 2),
                "x1": round(left + width, 2),
                "top": round(top, 2),
                "bottom": round(top + height, 2),
                "size": round(height, 2),
                "line": lines.setdefault(line, len(lines)),
                "block": blocks.setdefault(paragraph, len(blocks)),
            }
        )
    return words


class _Cache:
    """Recognised pages of one PDF, valid for one engine label."""

    def __init__(self, path: Path, label: str | None):
        self.path = path
        self.label = label
        self.pages: dict[int, list[dict]] = {}
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == CACHE_FORMAT and (label is None or data.get("engine") == label):
                self.label = data.get("engine")
                self.pages = {int(n): text for n, text in data.get("pages", {}).items()}

    def store(self, number: int, words: list[dict]) -> None:
        self.pages[number] = words
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "format": CACHE_FORMAT,
            "engine": self.label,
            "pages": {str(n): t for n, t in sorted(self.pages.items())},
        }
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(tmp, self.path)


@contextlib.contextmanager
def _progress(name: str, total: int) -> Iterator[Callable[[int], None]]:
    hook = page_progress.get()
    if hook is not None:
        yield lambda done: hook(name, done, total)
        return
    if not sys.stderr.isatty():
        yield lambda done: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("OCR {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
    ) as bar:
        job = bar.add_task(name, total=total)
        yield lambda done: bar.update(job, completed=done)
