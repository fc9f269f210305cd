"""Read a PDF into text with a page map: its text layer, or OCR where it has none.

Text layers are read with pdfplumber (pdfminer.six), which gives each word its
position, so that:

* lines come in reading order, top to bottom, and columns printed side by side
  (the header "UBND TỈNH LÀO CAI      CỘNG HÒA XÃ HỘI …", the signature block)
  stay on one line separated by a wide gap of spaces, as the metadata reader
  expects of PDF text;
* ruled tables come out as tables, row by row and cell by cell, one cell per
  line, as ``read.py`` renders ``.docx`` and web tables: a task row gives
  ``1.1`` / ``Tổ chức phổ biến …`` / ``Sở Công Thương`` / ``Năm 2025``;
* each page's place in the text is kept (``PdfText.page_starts``), so a fact's
  span tells its page.

A PDF whose text layer is missing, or whose characters are not Vietnamese
(a legacy font mapped to the wrong code points: ``6Ӣ CÔNG 7+ѬѪ1*``; an earlier
OCR without Vietnamese: ``CQNG HOA XA HQI``), is read by OCR (``ocr.py``).
Pages without any text inside a PDF that has a text layer (a scanned appendix)
are OCR'd alone.

Why pdfplumber and not pypdfium2 alone (measured on the 31 PDFs of
corpus/files): pypdfium2 extracts a text layer about 30 times faster (the
34-page PANM in 0.3 s against 12 s) but gives text in content-stream order
with no table structure; pdfplumber finds the ruled tables (GCN-DKDT, PANM,
DLVN, TT-37: 30 tables) and each word's position, which keeps cells apart and
tells a wrapped cell line from a new paragraph.  pypdfium2 (a pdfplumber
dependency) renders pages for OCR.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import ocr
from .model import InputError

# Glyphs some PDF fonts map to look-alike code points: Word's Vietnamese fonts
# export Ư/ư as the Latin letter OI (U+01A2/U+01A3): "BỘ CÔNG THƢƠNG".
PDF_LOOKALIKES = str.maketrans({"\u01a2": "\u01af", "\u01a3": "\u01b0"})

# Words further apart than this many times the font size are in different
# columns (the header's two cells, a table without rules); they are written
# with COLUMN_GAP between them, which the metadata reader splits on.
COLUMN_GAP_EM = 1.5
COLUMN_GAP = "    "
# A vertical gap this much larger than the page's usual line spacing (in font
# sizes) starts a new paragraph: a blank line, as PDF text has between paragraphs.
PARAGRAPH_GAP_EM = 0.45
# A ruled box of one column is a frame around text, not a table.  One row is
# enough: a table's last row often sits alone at the top of the next page.
MIN_TABLE_ROWS = 1
MIN_TABLE_COLUMNS = 2
# A cell line opening with one of these starts a new paragraph (a list inside the cell).
CELL_LIST_MARKS = ("-", "+", "•", "*", "–")
# Telling a wrapped cell line from a new paragraph: the width of a space (in
# font sizes) and a cell's inner margin on each side (Word: 5.4 pt), in points.
SPACE_EM = 0.25
CELL_PADDING = 7.0
# Fewer letters than this on a page: no text layer there (a scan, a figure).
MIN_PAGE_LETTERS = 20
PAGE_SEPARATOR = "\n\n"
UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")  # pdfminer's name for a glyph it cannot map to Unicode
PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


@dataclass(frozen=True)
class PdfText:
    text: str
    page_starts: tuple[int, ...]  # offset in ``text`` where page n (1-based) starts: page_starts[n - 1]
    ocr_pages: tuple[int, ...]  # 1-based pages whose text was recognised by OCR
    ocr_engine: str | None  # "Tesseract 5.3.0 (vie, 300 dpi)" when any page was OCR'd
    legacy_font: bool = False  # the text layer was TCVN3 glyph codes, converted

    @property
    def encoding(self) -> str:
        """How the text was read: "pdf" (text layer), "pdf+tcvn3", "ocr", "pdf+ocr" (some pages)."""
        if len(self.ocr_pages) == len(self.page_starts) and self.ocr_pages:
            return "ocr"
        base = "pdf+tcvn3" if self.legacy_font else "pdf"
        return f"{base}+ocr" if self.ocr_pages else base


def read_pdf(
    file: Path,
    name: str,
    sha256: str,
    reads_vietnamese: Callable[[str], bool],
    legacy_font: Callable[[str], str],
) -> PdfText:
    """Text of a PDF, from its text layer where usable, by OCR elsewhere.

    ``reads_vietnamese(text)`` and ``legacy_font(text)`` (TCVN3 glyph codes to
    Unicode: a .VnTime font embedded without a Unicode map) come from ``read.py``,
    which owns those rules.
    """
    pages = text_layer(file, name)
    layer = "".join(pages)
    converted = not reads_vietnamese(layer) and reads_vietnamese(legacy_font(layer))
    if converted:
        pages = [legacy_font(page) for page in pages]
        layer = "".join(pages)
    if reads_vietnamese(layer):
        # glyphs without a Unicode map ("củ(cid:11)a"): mostly invisible marks; they count as
        # foreign words in the check above, and are dropped from text that passed it
        pages = [UNMAPPED_GLYPH.sub("", page) for page in pages]
        # a scanned page inside a text PDF (an appendix, a signed last page)
        to_ocr = [n for n, page in enumerate(pages, 1) if _letters(page) < MIN_PAGE_LETTERS]
    else:
        to_ocr = list(range(1, len(pages) + 1))
    engine = None
    if to_ocr:
        recognised, engine = ocr.recognise(
            file, name, sha256, to_ocr, _why_ocr(layer, len(to_ocr), len(pages))
        )
        for n, words in recognised.items():
            pages[n - 1] = ocr_page_text(words)
    return _assemble(pages, tuple(to_ocr), engine, converted)


def _why_ocr(layer: str, ocr_count: int, page_count: int) -> tuple[str, str]:
    """Why OCR is needed, (vi, en), for the message when it cannot run."""
    if _letters(layer) < MIN_PAGE_LETTERS:
        return "PDF quét, không có lớp chữ", "a scanned PDF with no text layer"
    if ocr_count < page_count:
        return (
            f"{ocr_count}/{page_count} trang là ảnh quét, không có lớp chữ",
            f"{ocr_count} of {page_count} pages are scans with no text layer",
        )
    return (
        "lớp chữ của PDF không phải tiếng Việt đọc được (phông chữ cũ hoặc OCR sai)",
        "the PDF's text layer is not readable Vietnamese (a legacy font or a wrong OCR layer)",
    )


def _assemble(pages: list[str], ocr_pages: tuple[int, ...], engine: str | None, legacy_font: bool) -> PdfText:
    parts, starts, pos = [], [], 0
    for i, page in enumerate(pages):
        if i:
            parts.append(PAGE_SEPARATOR)
            pos += len(PAGE_SEPARATOR)
        starts.append(pos)
        body = page.strip("\n")
        parts.append(body)
        pos += len(body)
    text = "".join(parts)
    return PdfText(text + "\n" if text else "", tuple(starts), ocr_pages, engine, legacy_font)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


# ------------------------------------------------------------- text layer


def text_layer(file: Path, name: str) -> list[str]:
    """The text layer of each page, laid out as lines and table cells."""
    import pdfplumber  # imported here: reading text files needs no PDF library
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(file) as pdf:
            return [_page_text(page).translate(PDF_LOOKALIKES) for page in pdf.pages]
    except PdfminerException as err:
        if isinstance(err.args[0] if err.args else None, PDFPasswordIncorrect):
            raise InputError(name, "PDF được bảo vệ bằng mật khẩu", "the PDF is password-protected") from err
        raise InputError(
            name, f"tệp PDF hỏng hoặc không hợp lệ: {err}", f"corrupt or invalid PDF file: {err}"
        ) from err


@dataclass
class _Block:
    """Lines of a page that belong together, at a height of the page."""

    top: float
    lines: list[str]
    bottom: float
    size: float  # font size of the text (0 for tables)
    table: bool = False


def _page_text(page) -> str:
    words = _words(page)
    tables = [t for t in page.find_tables() if _is_table(t)]
    cells: list[list[list[dict]]] = [
        [[] for _ in _cells_of(t)] for t in tables
    ]  # words of each cell, in table order
    outside = []
    for word in words:
        place = _cell_of(word, tables)
        if place is None:
            outside.append(word)
        else:
            cells[place[0]][place[1]].append(word)
    blocks = [_line_block(line) for line in _lines(outside)]
    blocks += [_table_block(t, cell_words) for t, cell_words in zip(tables, cells, strict=False)]
    blocks.sort(key=lambda b: b.top)
    return _set_apart_page_numbers(_join_blocks(blocks))


def _words(page) -> list[dict]:
    """The page's words with their font size.

    Sizes are read from the characters, not passed to pdfplumber as a word
    attribute: sizes that differ in the 13th digit (a font switch inside a
    syllable, "phầ" + "n") would split the word.
    """
    words = page.extract_words(keep_blank_chars=False, return_chars=True)
    for word in words:
        word["size"] = statistics.median(c["size"] for c in word.pop("chars"))
    return words


def ocr_page_text(words: list[dict]) -> str:
    """An OCR'd page laid out as a text layer is: Tesseract's lines, columns apart by a wide gap,
    a blank line between its paragraphs."""
    lines: dict[int, list[dict]] = {}
    for word in words:
        lines.setdefault(word["line"], []).append(word)
    out: list[str] = []
    previous_paragraph = None
    for number in sorted(lines):
        line = sorted(lines[number], key=lambda w: w["x0"])
        if previous_paragraph is not None and line[0]["block"] != previous_paragraph:
            out.append("")
        out.append(_line_text(line))
        previous_paragraph = line[0]["block"]
    return _set_apart_page_numbers("\n".join(out))


def _is_table(table) -> bool:
    return len(table.rows) >= MIN_TABLE_ROWS and max(len(r.cells) for r in table.rows) >= MIN_TABLE_COLUMNS


def _cells_of(table) -> list[tuple[float, float, float, float]]:
    """The table's cells row by row, left to right; a merged cell once (pdfplumber gives None for the rest)."""
    return [cell for row in table.rows for cell in row.cells if cell is not None]


def _cell_of(word: dict, tables) -> tuple[int, int] | None:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    for t, table in enumerate(tables):
        x0, top, x1, bottom = table.bbox
        if not (x0 <= x <= x1 and top <= y <= bottom):
            continue
        for c, (cx0, ctop, cx1, cbottom) in enumerate(_cells_of(table)):
            if cx0 <= x <= cx1 and ctop <= y <= cbottom:
                return t, c
    return None


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into printed lines by vertical overlap, each line left to right.

    Overlap rather than equal tops keeps a raised footnote marker ("năm 2045²")
    on its line.
    """
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        line = lines[-1] if lines else None
        if line and _overlaps(line, word):
            line.append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _overlaps(line: list[dict], word: dict) -> bool:
    top = min(w["top"] for w in line)
    bottom = max(w["bottom"] for w in line)
    overlap = min(bottom, word["bottom"]) - max(top, word["top"])
    return overlap > 0.5 * min(bottom - top, word["bottom"] - word["top"])


def _line_text(words: list[dict]) -> str:
    size = statistics.median(w["size"] for w in words)
    parts = [words[0]["text"]]
    for before, word in itertools.pairwise(words):
        gap = word["x0"] - before["x1"]
        parts.append(COLUMN_GAP if gap > COLUMN_GAP_EM * size else " ")
        parts.append(word["text"])
    return unicodedata.normalize("NFC", "".join(parts))


def _line_block(words: list[dict]) -> _Block:
    size = statistics.median(w["size"] for w in words)
    return _Block(min(w["top"] for w in words), [_line_text(words)], max(w["bottom"] for w in words), size)


def _table_block(table, cell_words: list[list[dict]]) -> _Block:
    """Row by row, cell by cell, one line per cell paragraph; empty and merged-away cells give none."""
    lines = []
    for (x0, _, x1, _), words in zip(_cells_of(table), cell_words, strict=False):
        lines.extend(_cell_paragraphs(_lines(words), x1 - x0))
    x0, top, x1, bottom = table.bbox
    return _Block(top, lines, bottom, 0.0, table=True)


def _cell_paragraphs(lines: list[list[dict]], cell_width: float) -> list[str]:
    """A cell's lines joined where the text wrapped, one line per paragraph.

    A line wrapped when the next line's first word would not have fitted after
    it within the cell: that is how the word processor broke it.  Otherwise the
    next line is a new paragraph ("Đỗ Mạnh Cường" / "Vũ Việt Linh" in one cell),
    as is a line opening with a list mark.
    """
    out: list[str] = []
    previous: list[dict] | None = None
    for line in lines:
        text = _line_text(line).strip()
        if (
            previous is not None
            and _wrapped(previous, line, cell_width)
            and not text.startswith(CELL_LIST_MARKS)
        ):
            out[-1] += " " + text
        else:
            out.append(text)
        previous = line
    return out


def _wrapped(previous: list[dict], line: list[dict], cell_width: float) -> bool:
    first = line[0]
    size = statistics.median(w["size"] for w in previous)
    width = previous[-1]["x1"] - previous[0]["x0"]
    return width + SPACE_EM * size + (first["x1"] - first["x0"]) > cell_width - 2 * CELL_PADDING


def _join_blocks(blocks: list[_Block]) -> str:
    """Blocks in order; a blank line where the vertical gap shows a new paragraph or a table."""
    spacing = _usual_spacing(blocks)
    out: list[str] = []
    previous: _Block | None = None
    for block in blocks:
        if previous is not None:
            gap = block.top - previous.bottom
            em = block.size or previous.size or 12.0
            if block.table or previous.table or gap - spacing > PARAGRAPH_GAP_EM * em:
                out.append("")
        out.extend(block.lines)
        previous = block
    return "\n".join(out)


def _set_apart_page_numbers(text: str) -> str:
    """A printed page number opening or closing the page stands between blank lines,
    where the segmenter blanks it ("2" above the text of page 2)."""
    lines = text.split("\n")
    if len(lines) > 1 and PAGE_NUMBER.match(lines[0]) and lines[1].strip():
        lines.insert(1, "")
    if len(lines) > 1 and PAGE_NUMBER.match(lines[-1]) and lines[-2].strip():
        lines.insert(len(lines) - 1, "")
    return "\n".join(lines)


def _usual_spacing(blocks: list[_Block]) -> float:
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(blocks) if not (a.table or b.table)]
    gaps = [g for g in gaps if g >= 0]
    if not gaps:
        return 0.0
    return statistics.median(gaps)
