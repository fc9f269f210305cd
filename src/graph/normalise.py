"""Normalise decoded text to NFC, keeping a map back to the file's offsets.

Only changes that never alter meaning happen here: Unicode NFC (seed 003 is
NFD-like), CRLF/CR to LF, no-break and zero-width spaces.  Line structure is
kept: segmenting needs it.  Undoing hard wraps is ``clean``'s job and applies to
extracted strings only.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence

from .model import NormalisedText, SourceFile

_SPACE_LIKE = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ", "\t": " ", "\f": "\n", "\v": "\n"}
# Letters that look like Vietnamese ones but are not: PDF converters write Đ as the Icelandic
# Eth (seed 000: "Ðẩy mạnh"), which breaks matching of "Đề án", "Đảng" …
_LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}
_DROPPED = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\r"}


def _clusters(text: str):
    """Yield (start, chunk) where each chunk starts at a starter (combining class 0).

    NFC only recombines a starter with the marks that follow it, so chunks can be
    normalised independently and every output character mapped to its chunk.
    """
    start = 0
    for i in range(1, len(text)):
        if unicodedata.combining(text[i]) == 0:
            yield start, text[start:i]
            start = i
    if text:
        yield start, text[start:]


def _combining_ranges() -> list[tuple[int, int]]:
    """The code point ranges of non-zero combining class (all below U+1F000 in Unicode's tables)."""
    ranges: list[list[int]] = []
    for code in range(0x1F000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return [(a, b) for a, b in ranges]


def _char_class(ranges: list[tuple[int, int]], chars: str = "") -> str:
    return (
        "[" + re.escape(chars) + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"
    )


_COMBINING_RANGES = _combining_ranges()
assert not any(a < 0x10000 <= b for a, b in _COMBINING_RANGES)  # no range straddles the split below
_COMBINING = re.compile(_char_class(_COMBINING_RANGES))
_NEEDS_CLUSTERS = re.compile("[" + re.escape("".join(_DROPPED)) + "]|" + _COMBINING.pattern)
# The same test over a whole document, in two classes: SRE looks a class of characters below
# U+10000 up in a table, but tries the ranges of a class reaching past it one by one (35 times
# slower on the real corpus); the astral marks are looked for only in text that has astral characters.
_NEEDS_CLUSTERS_BMP = re.compile(
    _char_class([r for r in _COMBINING_RANGES if r[1] < 0x10000], "".join(_DROPPED))
)
_COMBINING_ASTRAL = re.compile(_char_class([r for r in _COMBINING_RANGES if r[1] >= 0x10000]))
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ONE_FOR_ONE_CHARS = re.compile("[" + re.escape("".join(_SPACE_LIKE | _LOOKALIKES)) + "]")
_ONE_FOR_ONE = str.maketrans(_SPACE_LIKE | _LOOKALIKES)
# a line with the marks after its newline (they belong to the newline's chunk)
_LINE = re.compile(r"[^\n]*(?:\n(?:" + _COMBINING.pattern + ")*)?")


def normalise(source: SourceFile) -> NormalisedText:
    raw = latin_symbols(ocr_fixed(source)).replace("\r\n", "\n")
    # offsets must refer to source.text, so map positions of the CRLF-collapsed text back
    crlf_origin: Sequence[int] = _crlf_origin(source.text)
    if not _needs_clusters(raw):
        # the common case (every real document so far): NFC text with no combining mark and nothing
        # to drop maps one for one as a whole, as each of its lines would below; its map is the
        # CRLF map (which ends with the original length), without CRLF a range that takes no memory
        whole = raw.translate(_ONE_FOR_ONE) if _ONE_FOR_ONE_CHARS.search(raw) else raw
        if whole.isascii() or unicodedata.is_normalized("NFC", whole):
            return NormalisedText(source=source, text=whole, origin=crlf_origin)
    return _normalise_lines(source, raw, crlf_origin)


def _normalise_lines(source: SourceFile, raw: str, crlf_origin: Sequence[int]) -> NormalisedText:
    out: list[str] = []
    # 8 bytes an offset, not a Python int each: a 5 MB document's map takes 40 MB, not 200 MB
    origin = array("q")
    # line by line (a line starts at a starter, so it starts a chunk): a line of NFC text with no
    # combining mark and nothing to drop is every chunk one character long, mapped one for one;
    # only the others go through the chunks (3 s per MB otherwise)
    for line in _LINE.finditer(raw):
        start, end = line.span()
        if start == end:
            continue
        text = line.group()
        if not _NEEDS_CLUSTERS.search(text):
            text = text.translate(_ONE_FOR_ONE)
            if text.isascii() or unicodedata.is_normalized("NFC", text):
                out.append(text)
                origin.extend(crlf_origin[start:end])
                continue
        _normalise_chunks(raw, start, end, crlf_origin, out, origin)
    origin.append(len(source.text))
    return NormalisedText(source=source, text="".join(out), origin=origin)


def _needs_clusters(text: str) -> bool:
    """Whether ``text`` has a combining mark or a character to drop (``_NEEDS_CLUSTERS`` matches)."""
    if _NEEDS_CLUSTERS_BMP.search(text):
        return True
    return _ASTRAL.search(text) is not None and _COMBINING_ASTRAL.search(text) is not None


def _normalise_chunks(
    raw: str, start: int, end: int, crlf_origin: Sequence[int], out: list[str], origin: array
) -> None:
    """NFC of ``raw[start:end]`` chunk by chunk, each output character mapped to its chunk's start."""
    for at, chunk in _clusters(raw[start:end]):
        chunk = "".join(_LOOKALIKES.get(c, _SPACE_LIKE.get(c, c)) for c in chunk if c not in _DROPPED)
        if not chunk:
            continue
        if not chunk.isascii():
            chunk = unicodedata.normalize("NFC", chunk)
        out.append(chunk)
        origin.extend([crlf_origin[start + at]] * len(chunk))


# Cyrillic and Greek capitals that look like Latin ones, typed into document symbols: "Nghị định số
# 137/2020/NĐ-СР" (Cyrillic ES, ER), "16495/BТС-PTHT", "105/2025/TT-BTС" (4 files of corpus/real:
# 9aeb199f5e0aa225 …, 6 symbols).  Replaced character for character inside a symbol only (digits, then
# "/" or "-"): Cyrillic and Greek words ("Вьетнам", "Βιετνάμ") and formulas ("λi,j", "μg/m3") stay.
_SCRIPT_LOOKALIKES = str.maketrans(
    {
        **dict(zip("АВСЕНІЈКМОРЅТХ", "ABCEHIJKMOPSTX", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΧ", "ABEZHIKMNOPTX", strict=True)),
    }
)
_OTHER_SCRIPT = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
# a symbol-like token, taken whole (one pass, no backtracking), translated when it holds another script
_SYMBOL_TOKEN = re.compile(r"(?<![^\W\d_])\d+[/-][\w&./-]+")
# The rest of a symbol wrapped onto the next line of its header column: capital codes joined by dashes,
# "ВСТ-ВТC-VKSNDTC-TANDTC" (a scanner's OCR of "BCT-BTC-…", corpus/files hc-sct-vn__Huong-dan-lien-nganh-24-N2O.pdf).
# Translated only when Latin capitals stand in the same run: Cyrillic capitals alone ("СССР") stay.
_CAPITALS = "A-ZĐ\u0391-\u03a9\u0400-\u042f"
_CODE_RUN = re.compile(rf"(?<![^\W_])[{_CAPITALS}]+(?:-[{_CAPITALS}]+)+(?![^\W_])")
_LATIN_CAPITAL = re.compile("[A-Z]")


def latin_symbols(text: str) -> str:
    """``text`` with look-alike Cyrillic and Greek capitals in document symbols made Latin (same length)."""
    if not _OTHER_SCRIPT.search(text):
        return text
    return _CODE_RUN.sub(_latin_code_run, _SYMBOL_TOKEN.sub(_latin_token, text))


def _latin_token(m: re.Match[str]) -> str:
    token = m.group()
    return token.translate(_SCRIPT_LOOKALIKES) if _OTHER_SCRIPT.search(token) else token


def _latin_code_run(m: re.Match[str]) -> str:
    run = m.group()
    if not (_OTHER_SCRIPT.search(run) and _LATIN_CAPITAL.search(run)):
        return run
    return run.translate(_SCRIPT_LOOKALIKES)


# OCR misreads of numbers and symbols, undone before parsing, character for
# character (offsets stay those of the file's text): a fraction slash for the
# slash of a symbol ("23⁄BB-VPHC"), letters for digits in a date ("ngày 12
# tháng l1 năm 2025", "l6/3/2O26"), a comma for the dot of an item label
# ("1, Về công bố …").  Only dates: elsewhere "10O" may be "10 Ω".  What OCR
# could not read at all (a stamped or handwritten number) is left as read:
# the parsers find no number there and leave it unknown.
_OCR_SLASHES = str.maketrans({"\u2044": "/", "\u2215": "/"})
_OCR_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_OCR_DIGITS = "[0-9OoIl|]"
_OCR_DATE_WORD = re.compile(
    rf"(?:(?<=ngày )|(?<=tháng )|(?<=năm )|(?<=Ngày ))(?={_OCR_DIGITS}*[0-9]){_OCR_DIGITS}{{1,4}}(?![^\W_])"
)
_OCR_SLASH_DATE = re.compile(
    rf"(?<![^\W_]){_OCR_DIGITS}{{1,2}}/{_OCR_DIGITS}{{1,2}}/{_OCR_DIGITS}{{4}}(?![^\W_])"
)
_OCR_LABEL_COMMA = re.compile(r"^([ \t]*(?:\d{1,2}|[IVX]{1,4})),(?=[ \t]+[^\W\d_])", re.MULTILINE)
# Tesseract reads the "ỉ" of "TỈNH" as "ĩ": "TĨNH LÀO CAI" (GP 2507/GP-UBND).  Before a capitalised
# name it is the word for province ("Hà Tĩnh" itself is left alone).
_OCR_TINH = re.compile(r"(?<!Hà )(?<!HÀ )(?<![^\W_])([Tt])(?:Ĩ|ĩ)(NH|nh)(?= +[^\W\d_a-zà-ỹđ])")
OCR_DATE_DIGITS_MIN = 3  # "l6/3/2O26" has 4 real digits; "lo/Il/IlOl" is no date
# Tesseract takes the hook of "bổ" for an acute, a grave or nothing: "sửa đổi, bố sung một sỐ điều của Thông tư số
# 38/2025/TT-BCT" (2265/BCT-ATMT), "sửa đổi bồ sung", "bô sung" (7 of the 20 OCR'd scans of corpus/files).  No
# word is spelt so before "sung"; "công bố" + "sung…" is left alone.
_OCR_BO_SUNG = re.compile(r"(?<!công )(?<![^\W_])([Bb])[ốồô](?= sung(?![^\W_]))")
# It adds a hook to the "i" of "chi tiết": "Nghị định số 189/2025/NĐ-CP … quy định\nchỉ tiết Luật Xử lý vi phạm
# hành chính", "Quy định chỉ tiết một số điều của Luật …" (QĐ 1050/QĐ-SCT of corpus/files).  No word "chỉ tiết".
_OCR_CHI_TIET = re.compile(r"(?<![^\W_])([Cc])hỉ(?=\s+tiết(?![^\W_]))")
# It loses the acute of "số" before a number: "tuân thủ các quy định tại Nghị định sô\n34/2024/NĐ-CP" (Giấy phép
# 184/GP-BKHCN, a scan of corpus/files; 2 of the OCR'd words before a symbol's number).  A number and "/" must follow.
_OCR_SO = re.compile(r"(?<![^\W_])([Ss])ô(?=:?\s*\d+\s*/)")


def ocr_fixed(source: SourceFile) -> str:
    """``source.text`` with OCR misreads undone on the pages OCR read (same length)."""
    if not source.ocr_pages:
        return source.text
    text = source.text
    ends = [*list(source.page_starts[1:]), len(text)]
    for page in source.ocr_pages:
        start, end = source.page_starts[page - 1], ends[page - 1]
        text = text[:start] + _ocr_fix(text[start:end]) + text[end:]
    return text


def _ocr_fix(text: str) -> str:
    text = text.translate(_OCR_SLASHES)
    text = _OCR_DATE_WORD.sub(_as_digits, text)
    text = _OCR_SLASH_DATE.sub(_as_digits, text)
    text = _OCR_TINH.sub(lambda m: f"{m[1]}{'Ỉ' if m[2] == 'NH' else 'ỉ'}{m[2]}", text)
    text = _OCR_BO_SUNG.sub(lambda m: f"{m[1]}ổ", text)
    text = _OCR_CHI_TIET.sub(lambda m: f"{m[1]}hi", text)
    text = _OCR_SO.sub(lambda m: f"{m[1]}ố", text)
    return _OCR_LABEL_COMMA.sub(_label_dot, text)


def _as_digits(match: re.Match[str]) -> str:
    printed = match.group()
    if sum(c.isdigit() for c in printed) < min(OCR_DATE_DIGITS_MIN, len(printed) - 1):
        return printed
    return printed.translate(_OCR_DIGIT_LOOKALIKES)


def _label_dot(match: re.Match[str]) -> str:
    end = match.end()
    after = match.string[end:].lstrip(" \t")[:1]
    return f"{match.group(1)}." if after.isupper() else match.group(0)


def _crlf_origin(text: str) -> Sequence[int]:
    if "\r\n" not in text:
        return range(len(text) + 1)
    origin, at = array("q"), 0
    for piece in text.split("\r\n"):
        origin.extend(range(at, at + len(piece)))
        at += len(piece)
        origin.append(at)  # the "\n" standing for this "\r\n" (after the last piece: the end)
        at += 2
    return origin


# Vietnamese is written in separate syllables and is not hyphenated at line ends;
# a hyphen that ends a line after a word character is a symbol or compound cut
# in two ("28-\nCTr/TU"), so the line break is dropped and the hyphen kept.
# (the word character is checked behind the hyphen, so that a search skips from hyphen to hyphen)
_SYMBOL_WRAP = re.compile(r"-(?<=\w-)[ \t]*\n\s*")
# (after whitespace is collapsed, the one space before a punctuation mark)
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,.;:)\]])")


def clean(text: str) -> str:
    """Undo hard line wraps and collapse whitespace in an extracted string.

    ``"Nghị quyết số 29-\\nNQ/TW"`` → ``"Nghị quyết số 29-NQ/TW"`` (the hyphen of a
    symbol is kept); ``"công nghiệp hoá, hiện đại\\nhóa"`` → one line; a line broken
    after a spaced dash (``"2021 -\\n2030"``) keeps its space.
    """
    text = unicodedata.normalize("NFC", text)
    if "\n" in text:
        text = _SYMBOL_WRAP.sub("-", text)
    text = " ".join(text.split())  # str.split() and the regex \s+ split at the same characters
    return _SPACE_BEFORE_PUNCT.sub("", text)
