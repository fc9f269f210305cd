"""How people write a document's name when they look it up: '29-NQ/TW', 'Nghị quyết 29',
'nghi quyet so 29', 'KH 214'.  One reading shared by the CLI's parameters and the web search.

Only pure string functions here (no store, no pyoxigraph), so the server process can use them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Matched against text whose spaces are collapsed to one, so the lazy type part and the
# optional space cannot share a run of spaces and backtrack quadratically.
_SHORT_FORM = re.compile(r"^(?P<type>\D*?) ?(?:\bs[ốo] ?)?(?P<number>\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class ShortForm:
    """'Nghị quyết 29' → type words 'Nghị quyết', number '29'; '29' → no type words."""

    type_words: str
    number: str

    @property
    def type_slug(self) -> str | None:
        return type_slug(self.type_words)


def short_form(text: str) -> ShortForm | None:
    match = _SHORT_FORM.match(squeeze(text))
    return ShortForm(match["type"].strip(), match["number"]) if match else None


def squeeze(text: str) -> str:
    return " ".join(text.split())


def fold(text: str) -> str:
    """Case-, space- and dash-insensitive: '29- NQ/TW', '29-nq/tw' and '29–NQ/TW' agree."""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", "", text.replace("–", "-").replace("—", "-"))


def plain(text: str) -> str:
    """Without diacritics, for people who type 'nghi quyet 29'."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


def type_slug(words: str) -> str | None:
    """'Nghị quyết' / 'nghi quyet' / 'NQ' / 'Kế hoạch' → the document-type slug."""
    from .patterns.documents import DOC_TYPES, SYMBOL_TYPE_CODES

    wanted = plain(words)
    if not wanted:
        return None
    for doc_type in DOC_TYPES:
        if any(plain(name) == wanted for name in doc_type.names) or plain(doc_type.label_vi) == wanted:
            return doc_type.slug
    code = SYMBOL_TYPE_CODES.get(words.strip().upper())
    by_code = next((t for t in DOC_TYPES if t.code == code or plain(t.code) == wanted), None)
    return by_code.slug if by_code else None
