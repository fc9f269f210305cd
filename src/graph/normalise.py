"""Normalise decoded text to NFC, keeping a map back to the file's offsets.

Only changes that never alter meaning happen here: Unicode NFC (seed 003 is
NFD-like), CRLF/CR to LF, no-break and zero-width spaces.  Line structure is
kept: segmenting needs it.  Undoing hard wraps is ``clean``'s job and applies to
extracted strings only.
"""

from __future__ import annotations

import re
import unicodedata

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


def normalise(source: SourceFile) -> NormalisedText:
    raw = source.text.replace("\r\n", "\n")
    # offsets must refer to source.text, so map positions of the CRLF-collapsed text back
    crlf_origin = _crlf_origin(source.text)
    out: list[str] = []
    origin: list[int] = []
    for start, chunk in _clusters(raw):
        chunk = "".join(_LOOKALIKES.get(c, _SPACE_LIKE.get(c, c)) for c in chunk if c not in _DROPPED)
        if not chunk:
            continue
        if not chunk.isascii():
            chunk = unicodedata.normalize("NFC", chunk)
        out.append(chunk)
        origin.extend([crlf_origin[start]] * len(chunk))
    origin.append(len(source.text))
    return NormalisedText(source=source, text="".join(out), origin=origin)


def _crlf_origin(text: str) -> list[int]:
    if "\r\n" not in text:
        return list(range(len(text) + 1))
    origin = []
    i = 0
    while i < len(text):
        origin.append(i)
        i += 2 if text.startswith("\r\n", i) else 1
    origin.append(len(text))
    return origin


# Vietnamese is written in separate syllables and is not hyphenated at line ends;
# a hyphen that ends a line after a word character is a symbol or compound cut
# in two ("28-\nCTr/TU"), so the line break is dropped and the hyphen kept.
_SYMBOL_WRAP = re.compile(r"(?<=\w)-[ \t]*\n\s*")
_WS = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:)\]])")


def clean(text: str) -> str:
    """Undo hard line wraps and collapse whitespace in an extracted string.

    ``"Nghị quyết số 29-\\nNQ/TW"`` → ``"Nghị quyết số 29-NQ/TW"`` (the hyphen of a
    symbol is kept); ``"công nghiệp hoá, hiện đại\\nhóa"`` → one line; a line broken
    after a spaced dash (``"2021 -\\n2030"``) keeps its space.
    """
    text = unicodedata.normalize("NFC", text)
    text = _SYMBOL_WRAP.sub("-", text)
    text = _WS.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)
