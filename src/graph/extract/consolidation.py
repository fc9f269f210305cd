"""Consolidated texts (văn bản hợp nhất): what they consolidate, and whose their relations are.

A ministry's consolidated text ("Số: 57/VBHN-BCT") is not a new act.  Under its title it names the
base document and, after "được sửa đổi, bổ sung bởi:", each document that amended it, one per line:

    Thông tư số 09/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương …, có hiệu lực
    kể từ ngày 01 tháng 02 năm 2025, được sửa đổi, bổ sung bởi:
    1. Thông tư số 25/2025/TT-BCT ngày 13 tháng 04 năm 2025 … sửa đổi, bổ sung Điều 3 Thông tư số 09/2025/TT-BCT …
    2. Thông tư số
    54/2025/TT-BCT ngày 21 tháng 11 năm 2025 … sửa đổi, bổ sung một số điều của Thông tư số 09/2025/TT-BCT …

The consolidated text consolidates the base and each amending document (ELI's ``eli:consolidates``),
each amending document amends the base, and what the text says of itself ("Thông tư này quy định
chi tiết …", "Điều 2. Bãi bỏ …") is said by the base, whose articles it reprints (corpus/real
087cf37a325c4959, 1e6fb98e16a75e3d, 6d0e277c7b88a914, 8180ae11188469fd, cfc85d8b3511af54).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Citation, DocRef, DocumentMeta, Relation, SegmentedDocument, Span

_AMENDED_BY = re.compile(r"được\s+sửa\s+đổi,?\s+bổ\s+sung\s+bởi\s*:")
# The head ends where the text of the base begins: its "Căn cứ" lines or its first part.
_HEAD_END = re.compile(
    r"^[ \t]*(?:Căn cứ|Theo đề nghị|Xét đề nghị|Chương\s+[IVXLC\d]|Phần\s+|Điều\s+1\b|QUYẾT ĐỊNH\s*:)",
    re.MULTILINE,
)
# What may stand between a line's start and an amending document opening it: an item label.
_ITEM_OPENING = re.compile(r"[ \t]*(?:(?:\d{1,2}[.)]|[a-zđ]\)|[-–+•])[ \t]*)?")
_ITEM_END = ":;."
# What the base says of itself; "cites" stays the consolidated text's: it prints the citation.
_SAID_BY_THE_BASE = frozenset({"implements", "based-on", "amends", "replaces", "repeals", "guides"})


def consolidation_relations(
    seg: SegmentedDocument, meta: DocumentMeta, citations: list[Citation], relations: list[Relation]
) -> list[Relation]:
    """``relations`` with a consolidated text's own read as its base's, and what it consolidates."""
    if meta.ref.type_code != "VBHN":
        return relations
    head = _head(seg, meta)
    if head is None:
        return relations
    in_head = sorted(
        (c for c in citations if head.contains(c.span) and c.target.symbol), key=lambda c: c.span
    )
    amended_by = _AMENDED_BY.search(seg.body, head.start, head.end)
    if not in_head or amended_by is None or in_head[0].span.start > amended_by.start():
        return relations
    base = in_head[0]
    amending = _amending(seg.body, in_head, amended_by.end(), base.target)
    return _as_the_base(relations, base.target) + _consolidates(base, amending, relations)


def _head(seg: SegmentedDocument, meta: DocumentMeta) -> Span | None:
    title = meta.evidence.get("title")
    start = title.end if title else (seg.header.end if seg.header else 0)
    end = _HEAD_END.search(seg.body, start)
    return Span(start, end.start()) if end else None


def _amending(body: str, in_head: list[Citation], after: int, base: DocRef) -> list[Citation]:
    """The documents listed after "bởi:", each opening an item of its own."""
    found: list[Citation] = []
    seen = {base.symbol}  # symbols, not a scan of what was found: a list of n documents stays linear
    for cit in in_head:
        symbol = cit.target.symbol
        if cit.span.start < after or symbol in seen:
            continue
        if _opens_an_item(body, cit.span.start):
            found.append(cit)
            seen.add(symbol)
    return found


def _opens_an_item(body: str, start: int) -> bool:
    line_start = body.rfind("\n", 0, start) + 1
    if _ITEM_OPENING.fullmatch(body, line_start, start) is None:
        return False
    end = line_start  # back over the blank before the line, not a copy of the text up to it
    while end > 0 and body[end - 1].isspace():
        end -= 1
    return end > 0 and body[end - 1] in _ITEM_END


def _as_the_base(relations: list[Relation], base: DocRef) -> list[Relation]:
    """An appendix's "(Ban hành kèm theo …)" stays the consolidated text's: its appendix says it."""
    return [
        replace(r, source=base)
        if r.source is None and not r.target_is_self and r.kind in _SAID_BY_THE_BASE
        else r
        for r in relations
    ]


def _consolidates(base: Citation, amending: list[Citation], relations: list[Relation]) -> list[Relation]:
    stated = {
        (r.source.symbol, r.target.symbol) for r in relations if r.kind == "amends" and r.source is not None
    }
    found = [_relation("consolidates", None, cit) for cit in (base, *amending)]
    found += [
        Relation("amends", cit.target, base.target, cit.span, cit.text, cit.footnote)
        for cit in amending
        if (cit.target.symbol, base.target.symbol) not in stated
    ]
    return found


def _relation(kind: str, source: DocRef | None, cited: Citation) -> Relation:
    return Relation(kind, source, cited.target, cited.span, cited.text, cited.footnote)
