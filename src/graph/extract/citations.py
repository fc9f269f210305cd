"""Citations of other documents, and the relations the citing sentences state.

``find_citations`` works on any region of text; ``extract_citations`` runs it over the
masked body and each footnote of a segmented document, then reads relations:

- implements: the preamble "Thực hiện Chương trình số 28-CTr/TU, ngày 11/4/2023 của Tỉnh ủy
  về thực hiện Nghị quyết số 29-NQ/TW …" (this document carries out the first citation of
  each ";"-clause) and chains inside a sentence ("Chương trình số 55-CTr/TU … của Tỉnh ủy
  thực hiện Nghị quyết số 42-NQ/TW …": 55-CTr/TU carries out 42-NQ/TW);
- based-on: a preamble clause "Căn cứ Luật Tổ chức chính quyền địa phương …";
- attached-to: "(Kèm theo Kế hoạch số 214/KH-UBND ngày 06/11/2024 của UBND tỉnh Quảng Ngãi)";
- amends / replaces / repeals / guides: "sửa đổi, bổ sung", "thay thế", "bãi bỏ",
  "hướng dẫn" straight before a citation that follows another one.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Citation, DocRef, DocumentMeta, Relation, SegmentedDocument, Span
from ..normalise import clean
from ..patterns import citations as P
from ..patterns.documents import (
    CENTRAL,
    DOC_TYPE_BY_CODE,
    ISSUER_BY_CODE,
    PARTY_ISSUERS,
    PARTY_ONLY_ISSUERS,
    SYMBOL_TYPE_CODES,
    province_by_name,
)
from ..patterns.plenums import PLENUM_ORDINALS, PLENUM_RESOLUTIONS, PlenumResolution
from ..patterns.plenums import SUBJECT_MATCH as PLENUM_SUBJECT_MATCH
from ..patterns.structure import DOCX_BOOKMARK
from ..segment import innermost_section

_ISSUER_SPELLING = {code.upper(): code for code in ISSUER_BY_CODE}
_LINK_MAX_GAP = 400  # characters between two linked citations (a long title fits)
_OPENER_MAX = 40  # characters of a list marker or article label before a citation that opens its clause


@dataclass
class _Found:
    """A citation as scanned, with what the relation rules need to know about it."""

    citation: Citation
    placeholder: bool = False  # "Kế hoạch số #sovb /KH-UBND": the document's own unfilled number
    by_name: bool = False  # "Luật Đầu tư", "Nghị quyết Đại hội …": no number
    amended: tuple[_Found, ...] = ()  # laws an amending law names: "Luật sửa đổi, bổ sung … của Luật X"
    symbol_type: str | None = (
        None  # the type code printed in its symbol ("NĐ" in "48/2013/NĐ-CP"; none in "…/QH15")
    )


# ----------------------------------------------------------------- scanning


def find_citations(
    text: str, start: int = 0, end: int | None = None, home: str | None = None, footnote: int | None = None
) -> list[Citation]:
    """Citations of other documents in ``text[start:end]``, in text order.

    ``home`` is the citing document's jurisdiction ("vn-27"); it resolves "của Tỉnh ủy",
    "…/TU", "…/QĐ-UBND".  Placeholders ("Kế hoạch số #sovb /KH-UBND") are left out: they
    name the citing document itself.
    """
    return [f.citation for f in _scan(text, start, end, home, footnote) if not f.placeholder]


def _scan(
    text: str,
    start: int,
    end: int | None,
    home: str | None,
    footnote: int | None,
    tables: tuple[Span, ...] = (),
) -> list[_Found]:
    end = len(text) if end is None else end
    found = [_numbered(text, m, end, home, footnote) for m in P.NUMBERED_CITATION.finditer(text, start, end)]
    amending = [_amending_law(text, m, footnote) for m in P.AMENDING_LAW.finditer(text, start, end)]
    found += amending
    by_number = [_law(text, m, home, footnote) for m in _laws_by_number(text, start, end)]
    by_name = [
        _law(text, _title_cased(text, m, end), home, footnote)
        for m in P.LAW_BY_NAME.finditer(text, start, end)
    ]
    found += by_number + _outside(by_name, by_number)
    found += _outside(_laws_named_in_lower_case(text, start, end, by_number, footnote), by_number)
    found += [_meeting(text, m, home, footnote) for m in P.MEETING_RESOLUTION.finditer(text, start, end)]
    found += [_standard(text, m, footnote) for m in P.STANDARD_CITATION.finditer(text, start, end)]
    found = _drop_overlaps(sorted(found, key=lambda f: f.citation.span))
    found = _with_listed(text, found, start, end, home, footnote)
    found = sorted(found + [inner for f in found for inner in f.amended], key=lambda f: f.citation.span)
    _add_titles(text, found, end, tables)
    return found


def _laws_by_number(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """P.LAW_BY_NUMBERED_NAME's matches, a lower-case "bộ" before "Luật" left to the word it ends ("thực hiện đồng
    bộ Luật Hóa chất số 69/2025/QH15" cites Luật Hóa chất, no "Bộ luật")."""
    for m in P.LAW_BY_NUMBERED_NAME.finditer(text, start, end):
        if not m.group("type").startswith("bộ"):
            yield m
        elif law := P.LAW_BY_NUMBERED_NAME.match(text, text.index("uật", m.start("type")) - 1, end):
            yield law


def _laws_named_in_lower_case(
    text: str, start: int, end: int, numbered: list[_Found], footnote: int | None
) -> list[_Found]:
    """A law the same text numbers, named again with its subject in lower case: "Nghị định số 120/2016/NĐ-CP quy
    định chi tiết và hướng dẫn thi hành một số điều của Luật phí và lệ phí" after "Luật Phí và lệ phí số
    97/2015/QH13" (tests/corpus/holdout6; the decree's own title spells it so).  A lower-case subject is read
    only as a name the text numbers (elsewhere "Luật này", "Luật số", "Luật khi …" are none), after a capital
    "Luật" ("thi hành luật ban hành văn bản …" is left as prose)."""
    laws = sorted(
        (f for f in numbered if (f.citation.target.name or "").startswith("Luật ")),
        key=lambda f: -len(f.citation.target.name or ""),
    )
    found: list[_Found] = []
    if not laws:
        return found
    for m in P.LAW_LOWER_CASE_SUBJECT.finditer(text, start, end):
        if not text[m.end()].islower():
            continue  # a capitalised name is read by P.LAW_BY_NAME
        for law in laws:
            name = law.citation.target.name or ""
            subject = _subject_pattern(name[len("Luật ") :]).match(text, m.end(), end)
            if subject:
                ref = dataclasses.replace(law.citation.target, number=None, symbol=None, date=None, year=None)
                span = Span(m.start(), subject.end())
                found.append(
                    _Found(Citation(ref, span, clean(text[span.start : span.end]), footnote), by_name=True)
                )
                break
    return found


@functools.lru_cache(maxsize=1024)
def _subject_pattern(subject: str) -> re.Pattern[str]:
    """A law's subject as printed in any case, over any spaces and line breaks, ending at a word's end."""
    return re.compile(r"\s+".join(map(re.escape, subject.split())) + r"(?![^\W_])", re.IGNORECASE)


def _outside(found: list[_Found], anchored: list[_Found]) -> list[_Found]:
    """What of ``found`` overlaps none of ``anchored``: a law's name read back from its number wins over the same
    name read forward, which stops at a word in another case ("Luật Quản lý" of "Luật Quản lý và Đầu tư vốn Nhà
    nước tại doanh nghiệp số 68/2025/QH15")."""
    # the anchored spans are disjoint: sorted by start, their ends are sorted too
    spans = sorted((f.citation.span.start, f.citation.span.end) for f in anchored)
    starts = [a for a, _ in spans]
    kept = []
    for f in found:
        before_end = bisect.bisect_left(starts, f.citation.span.end)  # anchored ones starting before f ends
        if before_end and spans[before_end - 1][1] > f.citation.span.start:
            continue
        kept.append(f)
    return kept


def _drop_overlaps(found: list[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    for f in found:
        if kept and f.citation.span.start < kept[-1].citation.span.end:
            continue
        kept.append(f)
    return kept


def _with_listed(
    text: str, found: list[_Found], start: int, end: int, home: str | None, footnote: int | None
) -> list[_Found]:
    """``found`` (in text order, not overlapping) with the documents named by their symbol alone: after
    "số" (P.SYMBOL_AFTER_NUMBER_WORD) or straight after a citation as the next of its list (P.LIST_NEXT).
    A symbol without a type code ("số 47/2024/QH15") takes the type of the list it continues, and is left
    out when it continues none."""
    pending: list[_Found | re.Match[str]] = [*found, *P.SYMBOL_AFTER_NUMBER_WORD.finditer(text, start, end)]
    pending.sort(key=_position, reverse=True)  # popped from the end: text order
    kept: list[_Found] = []
    while pending:
        item = pending.pop()
        if isinstance(item, re.Match):
            listed = _listed(text, item, end, home, footnote, kept[-1] if kept else None)
            if listed is None:
                continue
            item = listed
        kept.append(item)
        while pending and _position(pending[-1]) < item.citation.span.end:
            pending.pop()  # inside it: "số 29-NQ/TW" of "Nghị quyết số 29-NQ/TW", or in its tail
        following = P.LIST_NEXT.match(text, item.citation.span.end, end)
        if following and (not pending or _position(pending[-1]) >= following.end()):
            pending.append(following)
    return kept


def _position(item: _Found | re.Match[str]) -> int:
    return item.citation.span.start if isinstance(item, _Found) else item.start()


_SYMBOL_GROUPS = ("p_num", "s_num", "g_num")
_LIST_JOINS = ("", ",", ";", "và")  # what stands between two documents of one list


def _listed(
    text: str, m: re.Match, end: int, home: str | None, footnote: int | None, before: _Found | None
) -> _Found | None:
    """The document of a symbol named alone; its type is the symbol's, or, for a symbol without a type
    code, that of the list of such symbols it continues ("Luật số 43/2024/QH15, số 47/2024/QH15": the
    legislature prints none), or a letter's when called "văn bản" ("văn bản số 502/UBND-KT"); None when
    none tells it ("Số 294/BC-STP …, số 1890/STP-VB&TDTHPL": a letter after a report)."""
    symbol = _symbol_parts(m)
    if symbol.type_code is not None:
        return _numbered(text, m, end, home, footnote)
    if (
        symbol.state_form
        and symbol.year is None
        and P.LETTER_CALLED_DOCUMENT.search(text, max(m.start() - P.LETTER_CALLED_REACH, 0), m.start())
    ):
        return _numbered(text, m, end, home, footnote, list_type="CV")
    if (
        before is None
        or before.by_name
        or before.symbol_type is not None
        or text[before.citation.span.end : m.start()].strip() not in _LIST_JOINS
    ):
        return None
    return _numbered(text, m, end, home, footnote, list_type=before.citation.target.type_code)


def _numbered(
    text: str, m: re.Match, end: int, home: str | None, footnote: int | None, list_type: str | None = None
) -> _Found:
    """ "Nghị quyết số 29-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng",
    "Quyết định 2960/QĐ-UBND ngày 19/10/2021 của UBND tỉnh", "Kế hoạch số 6510/KHUBND",
    "Chương trình số 28-\\nCTr/TU", "Kế hoạch số #sovb /KH-UBND ngày #nbh /11/2023"; with ``list_type``,
    a symbol printed without a type name ("…, số 47/2024/QH15")."""
    tail = P.CITATION_TAIL.match(text, m.end(), end)
    assert tail is not None  # every part of the tail is optional
    symbol = _symbol_parts(m)
    named_issuer = _named_issuer(tail)
    type_name = m.groupdict().get("type")
    type_code = _type_code(
        type_name, symbol.type_code or list_type, named_issuer or symbol.issuer, symbol.state_form
    )
    issuer_code = named_issuer or symbol.issuer
    date, year = _symbol_year_first(*_date(tail), symbol.year)
    jurisdiction, inferred = _jurisdiction(issuer_code, _province(tail), home, symbol.state_form)
    ref = DocRef(
        type_code=type_code,
        type_label=DOC_TYPE_BY_CODE[type_code].label_vi,
        number=symbol.number,
        symbol=symbol.text,
        issuer_code=issuer_code,
        issuer_name=_issuer_name(tail, issuer_code),
        date=date,
        year=year,
        jurisdiction=jurisdiction,
        jurisdiction_inferred=inferred,
    )
    # the next of a list starts at its symbol, not at the "," or "và" before it
    opening = m.start() if m.re is not P.LIST_NEXT else min(m.start(g) for g in _SYMBOL_GROUPS if m.group(g))
    span = Span(opening, tail.end())
    cit = Citation(target=ref, span=span, text=clean(text[span.start : span.end]), footnote=footnote)
    return _Found(cit, placeholder=m.groupdict().get("ph") is not None, symbol_type=symbol.type_code)


def _symbol_year_first(
    date: dt.date | None, year: int | None, symbol_year: int | None
) -> tuple[dt.date | None, int | None]:
    """The year printed in a symbol ("23/2015/NĐ-CP") is part of the document's number, so it wins
    over the year of the date printed beside it; a date of another year is a misprint of one of
    them and is dropped rather than told as the document's ("Nghị định số 23/2015/NĐ-CP ngày
    16/02/2025", "06/2021/NĐ-CP ngày 26/01/2025", "88/2024/NĐ-CP ngày 15 tháng 7 năm 2025": real
    circulars and decisions of 2025)."""
    if symbol_year is None:
        return date, year
    if date is not None and date.year != symbol_year:
        date = None
    return date, symbol_year


# the act a name opens ("luật", "bộ luật", "pháp lệnh", as printed in any case) → its name, type and issuer
_LEGISLATIVE_ACTS = {name.casefold(): (name, code, issuer) for name, code, issuer in P.LEGISLATIVE_ACTS}
# the types cited by name and number ("Luật Đầu tư số 61/2020/QH14"), whose name alone is the one the text numbers
_NAMED_ACT_TYPES = frozenset(code for _, code, _ in P.LEGISLATIVE_ACTS)


def _law(text: str, m: re.Match, home: str | None, footnote: int | None) -> _Found:
    """ "Luật Đầu tư", "Luật Ngân sách nhà nước", "Bộ luật Lao động", "Luật Đầu tư công số 39/2019/QH14",
    "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015" (a law's date is the day it was passed)."""
    # one spelling per law: "Luật đầu tư" is printed for "Luật Đầu tư" (corpus/real)
    type_name, type_code, issuer_code = _LEGISLATIVE_ACTS[clean(m.group("type")).casefold()]
    words = f"{m.group('name_first')}{m.group('name_rest')}"
    if words.isupper():  # a name in a title printed in capitals: "LUẬT PHÒNG CHÁY VÀ CHỮA CHÁY SỐ …"
        words = words.lower()
    name = clean(f"{type_name} {words[:1].upper()}{words[1:]}")
    number = m.group("s_num")
    symbol = _state_symbol(m) if number else None
    date, year = _date(m)
    ref = DocRef(
        type_code=type_code,
        type_label=DOC_TYPE_BY_CODE[type_code].label_vi,
        number=number,
        symbol=symbol.text if symbol else None,
        issuer_code=issuer_code,
        issuer_name=ISSUER_BY_CODE[issuer_code].label_vi,
        date=date,
        year=year
        or (int(m.group("law_year")) if m.group("law_year") else None)
        or (symbol.year if symbol else None),
        jurisdiction=CENTRAL,
        name=name,
    )
    span = Span(m.start(), m.end())
    return _Found(Citation(ref, span, clean(text[span.start : span.end]), footnote), by_name=True)


def _standard(text: str, m: re.Match, footnote: int | None) -> _Found:
    """ "TCVN 14423:2025", a national standard; "QCVN 01:2019/BCT", a ministry's national technical regulation."""
    kind, number, issuer = m.group("kind"), clean(m.group("number")), m.group("issuer")
    year = int(m.group("year"))
    ref = DocRef(
        type_code=kind,
        type_label=DOC_TYPE_BY_CODE[kind].label_vi,
        number=number,
        symbol=f"{kind} {number}:{year}" + (f"/{issuer}" if issuer else ""),
        issuer_code=issuer,
        issuer_name=ISSUER_BY_CODE[issuer].label_vi if issuer in ISSUER_BY_CODE else None,
        date=None,
        year=year,
        jurisdiction=CENTRAL,
    )
    span = Span(m.start(), m.end())
    return _Found(Citation(ref, span, clean(text[span.start : span.end]), footnote))


def _title_cased(text: str, m: re.Match, end: int) -> re.Match:
    """``m`` read on over a name printed in title case ("Luật Tổ chức Chính quyền địa phương ngày …") where it
    stopped at the first capitalised word."""
    if (
        m.group("s_num")
        or m.group("date")
        or m.group("law_year")
        or not P.TITLE_CASED_NEXT.match(text, m.end(), end)
    ):
        return m
    longer = P.LAW_BY_TITLE_CASED_NAME.match(text, m.start(), end)
    return longer if longer and longer.end() > m.end() else m


def _amending_law(text: str, m: re.Match, footnote: int | None) -> _Found:
    """ "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa
    phương ngày 22 tháng 11 năm 2019": the amending law (named in full, with the number and date that
    end the list) and, nested in it, the laws it amends (by name, undated)."""
    inner = [
        _law(text, n, None, footnote)
        for n in P.LAW_BY_NAME.finditer(text, m.start("targets"), m.end("targets"))
    ]
    for f in inner:
        f.citation.target.date = f.citation.target.year = None  # the date after them is the amending law's
    # "Luật Sửa đổi, bổ sung …" is printed for the usual "Luật sửa đổi, bổ sung …": one spelling per law
    name = clean(text[m.start() : m.end("targets")]).replace("Luật Sửa", "Luật sửa", 1)
    date, year = _date(m)
    number = m.group("s_num")
    symbol = _state_symbol(m) if number else None
    ref = DocRef(
        type_code="L",
        type_label=DOC_TYPE_BY_CODE["L"].label_vi,
        number=number,
        symbol=symbol.text if symbol else None,
        issuer_code="QH",
        issuer_name=ISSUER_BY_CODE["QH"].label_vi,
        date=date,
        year=year or (symbol.year if symbol else None),
        jurisdiction=CENTRAL,
        name=name,
    )
    span = Span(m.start(), m.end())
    return _Found(
        Citation(ref, span, clean(text[span.start : span.end]), footnote), by_name=True, amended=tuple(inner)
    )


def _meeting(text: str, m: re.Match, home: str | None, footnote: int | None) -> _Found:
    """ "Nghị quyết Đại hội đại biểu lần thứ XIII của Đảng" (national), "Nghị quyết Đại hội đại biểu
    Đảng bộ tỉnh lần thứ XXII" (the citing province), "Nghị quyết Trung ương 7 khóa X"; a plenum
    resolution the table of plenums identifies is its number ("Nghị quyết Hội nghị lần thứ sáu Ban Chấp
    hành Trung ương Đảng khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa …" → 29-NQ/TW)."""
    plenum = _plenum_resolution(text, m)
    if plenum is not None:
        ref = DocRef(
            type_code="NQ",
            type_label=DOC_TYPE_BY_CODE["NQ"].label_vi,
            number=plenum.number,
            symbol=plenum.symbol,
            issuer_code="TW",
            issuer_name=ISSUER_BY_CODE["TW"].label_vi,
            date=plenum.date,
            year=plenum.date.year,
            jurisdiction=CENTRAL,
            title=plenum.subject,
        )
        span = Span(m.start(), m.end())
        return _Found(Citation(ref, span, clean(text[span.start : span.end]), footnote))
    provincial = m.group("provincial") is not None or m.group("provincial_after") is not None
    named = province_by_name(clean(m.group("meeting_province"))) if m.group("meeting_province") else None
    jurisdiction = named.iso if named else home if provincial else CENTRAL
    ref = DocRef(
        type_code="NQ",
        type_label=DOC_TYPE_BY_CODE["NQ"].label_vi,
        number=None,
        symbol=None,
        issuer_code="TU" if provincial else "TW",
        issuer_name=None,
        date=None,
        year=None,
        jurisdiction=jurisdiction,
        jurisdiction_inferred=provincial and named is None,
        name=clean(m.group(0)),
    )
    span = Span(m.start(), m.end())
    return _Found(Citation(ref, span, clean(text[span.start : span.end]), footnote), by_name=True)


def _plenum_resolution(text: str, m: re.Match) -> PlenumResolution | None:
    """The one resolution of the table that a plenum's name and the subject after it identify.

    The subject decides, and outweighs a misprinted term ("… Hội nghị lần thứ sáu Ban Chấp hành Trung
    ương Đảng khóa XII về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030 …" is the
    XIIIth Committee's 29-NQ/TW).  An entry whose plenum no corpus text prints is matched by its subject
    alone.  None when no subject follows: the table does not list every resolution of a plenum, so the
    plenum alone never identifies one, and the citation stays a resolution named by its meeting."""
    named = P.PLENUM_IN_NAME.search(m.group("name"))
    subject = P.MEETING_SUBJECT.match(text, m.end())
    if named is None or subject is None:
        return None
    ordinal = named.group("number") or named.group("ordinal")
    plenum = int(ordinal) if ordinal.isdigit() else PLENUM_ORDINALS.get(" ".join(ordinal.casefold().split()))
    term = named.group("term").upper()
    candidates = [
        r
        for r in PLENUM_RESOLUTIONS
        if r.plenum in (plenum, None) and _same_subject(r.subject, subject.group("subject"))
    ]
    in_term = [r for r in candidates if r.term == term]
    return in_term[0] if len(in_term) == 1 else candidates[0] if len(candidates) == 1 else None


def _same_subject(known: str, printed: str) -> bool:
    known, printed = clean(known).casefold(), clean(printed).casefold()
    head = printed[: len(known)]
    return SequenceMatcher(None, known, head, autojunk=False).ratio() >= PLENUM_SUBJECT_MATCH


# ------------------------------------------------------------------ symbols


@dataclass
class _Symbol:
    text: str | None  # conventional form: "29-NQ/TW", "214/KH-UBND"
    number: str | None
    type_code: str | None  # DOC_TYPES code read from the symbol
    issuer: str | None  # issuer code read from the symbol
    year: int | None = None
    state_form: bool = False


def _symbol_parts(m: re.Match) -> _Symbol:
    if m.group("p_num"):
        return _party_symbol(m)
    if m.group("s_num"):
        return _state_symbol(m)
    if m.group("g_num"):
        return _glued_type_symbol(m)
    if m.group("ph"):
        codes = _split_codes(m.group("ph_codes"))
        return _Symbol(None, None, codes[0], codes[1], state_form=True)
    return _Symbol(None, m.group("n_num"), None, None)


def _party_symbol(m: re.Match) -> _Symbol:
    """ "29- NQ/TW", "04 -NQ/TU", "28-CTtr/TU", "28–CTR/TU" → "29-NQ/TW", "04-NQ/TU", "28-CTr/TU"."""
    type_raw = _squash(m.group("p_type"))
    issuer = _issuer_spelling(m.group("p_issuer"))
    type_printed = P.SYMBOL_TYPE_SPELLING.get(type_raw.upper(), type_raw.upper())
    return _Symbol(
        text=f"{m.group('p_num')}-{type_printed}/{issuer}",
        number=m.group("p_num"),
        type_code=SYMBOL_TYPE_CODES.get(type_raw.upper()),
        issuer=_issuer_code(issuer),
    )


def _state_symbol(m: re.Match) -> _Symbol:
    """ "214/KH-UBND", "36/2016/QĐ-UBND", "6510/KHUBND" → "6510/KH-UBND", "2057/SKHĐT-KTN",
    "61/2020/QH14" (a law: no type code); "27/NQ- TW" (separators swapped) → the Party "27-NQ/TW"."""
    type_code, issuer, rest = _split_codes(m.group("s_codes"))
    year = m.group("s_year")
    printed_type = P.SYMBOL_TYPE_SPELLING.get(type_code.upper(), type_code.upper()) if type_code else None
    if type_code and printed_type and issuer in PARTY_ONLY_ISSUERS and not (year or rest):
        return _Symbol(
            text=f"{m.group('s_num')}-{printed_type}/{issuer}",
            number=m.group("s_num"),
            type_code=SYMBOL_TYPE_CODES.get(type_code.upper()),
            issuer=issuer,
        )
    codes = [c for c in (printed_type, issuer, *rest) if c]
    text = f"{m.group('s_num')}/{year + '/' if year else ''}{'-'.join(codes)}"
    return _Symbol(
        text=text,
        number=m.group("s_num"),
        type_code=SYMBOL_TYPE_CODES.get(type_code.upper()) if type_code else None,
        issuer=_issuer_code(issuer) if issuer else None,
        year=int(year) if year else None,
        state_form=True,
    )


def _glued_type_symbol(m: re.Match) -> _Symbol:
    """ "2609QĐ/UBND", "2665 QĐ/UBND" → "2609/QĐ-UBND"; "29NQ/TW" (a Party issuer) → "29-NQ/TW"."""
    type_raw = m.group("g_type").upper()
    type_printed = P.SYMBOL_TYPE_SPELLING.get(type_raw, type_raw)
    issuer = _issuer_spelling(m.group("g_issuer"))
    party = issuer in PARTY_ONLY_ISSUERS
    return _Symbol(
        text=f"{m.group('g_num')}-{type_printed}/{issuer}"
        if party
        else f"{m.group('g_num')}/{type_printed}-{issuer}",
        number=m.group("g_num"),
        type_code=SYMBOL_TYPE_CODES.get(type_raw),
        issuer=_issuer_code(issuer),
        state_form=not party,
    )


_TYPE_CODES_LONGEST_FIRST = sorted(SYMBOL_TYPE_CODES, key=len, reverse=True)


def _split_codes(codes: str) -> tuple[str | None, str | None, list[str]]:
    """ "KH-UBND" → (KH, UBND, []); "KHUBND" → (KH, UBND, []); "SKHĐT-KTN" → (None, SKHĐT, [KTN])."""
    parts = [_squash(p) for p in re.split(r"\s*[-–—]\s*", codes)]
    first = parts[0]
    if first.upper() in SYMBOL_TYPE_CODES and first.upper() != "QH":
        return first, _issuer_spelling(parts[1]) if len(parts) > 1 else None, parts[2:]
    for code in _TYPE_CODES_LONGEST_FIRST:  # hyphen dropped: "QĐUBND"
        glued = first[len(code) :]
        if first.upper().startswith(code) and glued.upper() in _ISSUER_SPELLING:
            return first[: len(code)], _issuer_spelling(glued), parts[1:]
    return None, _issuer_spelling(first), parts[1:]


def _squash(code: str) -> str:
    return "".join(code.split())  # str.split() splits at the white space \s matches


def _issuer_spelling(code: str) -> str:
    code = _squash(code)
    return _ISSUER_SPELLING.get(code.upper(), code.upper())


def _issuer_code(printed: str) -> str:
    """ "QH14" → "QH" (the legislature's term is not part of who issued it)."""
    bare = P.ISSUER_TERM_SUFFIX.sub("", printed)
    return bare if bare in ISSUER_BY_CODE else printed


def _type_code(
    type_name: str | None, symbol_type: str | None, issuer: str | None, state_form: bool = False
) -> str:
    """The symbol's type wins over the printed name ("Kế hoạch số 2239/QĐ-UBND" is a decision);
    a Party body's QĐ is a Quy định ("Quy định số 1521-QĐ/TU"), a State body's a Quyết định, and so
    is any QĐ in a State-form symbol ("Quyết định 90/QĐ-BCĐ": a State steering board's decision)."""
    code = symbol_type or P.TYPE_CODE_BY_NAME[clean(type_name or "").casefold()]
    if code == "QĐ" and issuer in PARTY_ISSUERS and not state_form:
        return "QĐi"
    return code


# ------------------------------------------------------------ tail: date, issuer


def _named_issuer(tail: re.Match) -> str | None:
    name = tail.group("issuer")
    return P.ISSUER_CODE_BY_NAME[clean(name).casefold()] if name else None


def _issuer_name(tail: re.Match, issuer_code: str | None) -> str | None:
    """As printed after "của": "Ban Thường vụ Tỉnh ủy Quảng Ngãi", "Hội nghị lần thứ sáu Ban Chấp
    hành Trung ương Đảng khóa XIII"; else the table's name for the symbol's issuer."""
    if tail.group("issuer"):
        start = tail.start("meeting") if tail.group("meeting") else tail.start("issuer")
        return clean(tail.string[start : tail.end()])
    issuer = ISSUER_BY_CODE.get(issuer_code or "")
    return issuer.label_vi if issuer else None


def _province(tail: re.Match) -> str | None:
    name = tail.group("province")
    province = province_by_name(clean(name)) if name else None
    return province.iso if province else None


def _date(tail: re.Match) -> tuple[dt.date | None, int | None]:
    """ "17/11/2022", "17 /11/2022", "22 tháng 3 năm 2018"; "#nbh /11/2023" gives the year only."""
    if not tail.groupdict().get("date"):
        return None, None
    day, month, year = (tail.group("d"), tail.group("m"), tail.group("y"))
    if year is None:
        day, month, year = tail.group("d2"), tail.group("m2"), tail.group("y2")
    try:
        return dt.date(int(year), int(month), int(day)), int(year)
    except ValueError:  # placeholder day "#nbh", or a misprint
        return None, int(year)


def _jurisdiction(
    issuer: str | None, province: str | None, home: str | None, state_form: bool
) -> tuple[str | None, bool]:
    """(jurisdiction, inferred).  A named province wins ("của Tỉnh ủy Quảng Nam"); central issuers
    are national; provincial ones (TU, UBND, HĐND, BCĐ, Sở …) belong to the citing province."""
    if province:
        return province, False
    known = ISSUER_BY_CODE.get(issuer or "")
    if known and known.central:
        return CENTRAL, False
    if (
        not known
        and state_form
        and issuer
        and issuer.startswith(P.CENTRAL_ISSUER_PREFIXES)
        and issuer not in P.COUNCIL_COMMITTEE_CODES
    ):
        return CENTRAL, False
    return home, home is not None


# ------------------------------------------------------------------ titles


def _add_titles(text: str, found: list[_Found], end: int, tables: tuple[Span, ...]) -> None:
    """Titles open with "về" after the tail and stop at "(viết tắt", ";", a bracket, a sentence
    end or the next citation: "về tiếp tục đẩy mạnh công nghiệp hóa … tầm nhìn đến năm 2045"."""
    for i, f in enumerate(found):
        if f.by_name:
            continue
        limit = found[i + 1].citation.span.start if i + 1 < len(found) else end
        opening = P.TITLE_OPENING.match(text, f.citation.span.end, limit)
        if not opening:
            continue
        stop = P.TITLE_STOP.search(text, opening.start("title"), limit)
        if any(t.contains(f.citation.span) for t in tables):
            cell_end = P.CELL_BREAK.search(text, opening.start("title"), limit)
            stop = min((m for m in (stop, cell_end) if m), key=lambda m: m.start(), default=None)
        title = clean(text[opening.start("title") : stop.start() if stop else limit])
        if not stop and i + 1 < len(found) and _dangling(title):
            # "về ban hành Kế hoạch triển khai thực hiện Chương trình số 11-CTr/TU …": the title runs
            # on through the next citation; a cut-off title would mislead, so none is kept
            continue
        tail = P.TITLE_SENTENCE_TAIL.search(title)
        title = title[: tail.start()] if tail else title
        title = P.TITLE_DANGLING.sub("", title).rstrip(" ,")
        if f.citation.target.jurisdiction == "vn":
            # "Chương trình … thực hiện Quyết định số 531/QĐ-TTg … phê duyệt Chiến lược … trên địa bàn
            # tỉnh": a central document's title never says "the province" without naming it
            title = P.LOCAL_SCOPE_TAIL.sub("", title)
        if len(title.split()) > 1:  # more than a dangling "về"
            f.citation.target.title = title


# ---------------------------------------------------------------- relations


def chain_relations(text: str, found: list[_Found]) -> list[Relation]:
    """Relations between neighbouring citations of one sentence.

    "Chương trình số 55-CTr/TU, ngày 16/4/2024 của Tỉnh ủy thực hiện Nghị quyết số 42-NQ/TW"
    → 55-CTr/TU implements 42-NQ/TW; "Quyết định 2960/QĐ-UBND … ban hành Kế hoạch triển khai
    Chương trình hành động thực hiện Nghị quyết Đại hội …" → implements; "… gắn với thực hiện
    Nghị quyết số 29-NQ/TU" is not; "… kèm theo Quyết định số …" → attached-to.
    """
    relations = []
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        if a.citation.target.symbol and a.citation.target.symbol == b.citation.target.symbol:
            continue  # a document cited twice in a row is no relation of it to itself
        gap = text[a.citation.span.end : b.citation.span.start]
        span = Span(a.citation.span.start, b.citation.span.end)
        passive = _passive_kind(gap)
        if passive and b.citation.target.symbol and not (a.placeholder or b.placeholder):
            changed = _changed_in_passive(text, found[: i + 1], b)
            if changed is not None:
                span = Span(changed.citation.span.start, b.citation.span.end)
                relations.append(
                    Relation(
                        passive,
                        b.citation.target,
                        changed.citation.target,
                        span,
                        clean(text[span.start : span.end]),
                        changed.citation.footnote,
                    )
                )
            continue
        kind = _link_kind(gap)
        source_type = a.citation.target.type_code
        proposes = source_type in P.NEVER_LINK_SOURCE_TYPES or bool(P.DRAFT_SUBJECT.search(gap))
        if kind == "attached-to" and source_type in P.NEVER_ATTACHED_TYPES:
            kind = None
        if kind and a.citation.target.symbol and not a.placeholder and not proposes:
            relations.append(
                Relation(
                    kind,
                    a.citation.target,
                    b.citation.target,
                    span,
                    clean(text[span.start : span.end]),
                    a.citation.footnote,
                )
            )
    return relations


def second_object_relations(text: str, found: list[_Found], relations: list[Relation]) -> list[Relation]:
    """A second object after "và", past the first object's title: "Nghị định số 187/2025/NĐ-CP … sửa đổi, bổ
    sung một số điều của Nghị định số 78/2025/NĐ-CP … hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp
    luật và Nghị định số 79/2025/NĐ-CP" amends 79/2025/NĐ-CP too (18 files of corpus/real print the form),
    "Thông tư số 01/2026/TT-BCT … quy định chi tiết và hướng dẫn thi hành một số điều của Luật Hóa chất và
    Nghị định số 26/2026/NĐ-CP" guides the decree too.  A changed object is of the first one's type and not
    later than the changer; a guided one is a decree or resolution of another type than the guide (in "Nghị
    định số 78/2025/NĐ-CP … hướng dẫn thi hành Luật … và Nghị định số 79/2025/NĐ-CP" of a "Căn cứ" list,
    79/2025 is a sibling, not guided)."""
    at = {id(f.citation.target): i for i, f in enumerate(found)}
    extra = []
    for r in relations:
        i = at.get(id(r.target))
        if (
            r.kind not in P.SECOND_OBJECT_KINDS
            or r.source is None
            or i is None
            or r.span.end != found[i].citation.span.end
        ):
            continue  # only an active relation, read up to its object
        for further in _further_objects(text, found, i):
            target = further.citation.target
            if not target.symbol:
                continue
            if r.kind == "guides":
                fits = target.type_code in P.GUIDED_SECOND_TYPES and target.type_code != r.source.type_code
            else:
                fits = target.type_code == r.target.type_code and not _later(target, r.source)
            if fits:
                span = Span(r.span.start, further.citation.span.end)
                extra.append(
                    Relation(r.kind, r.source, target, span, clean(text[span.start : span.end]), r.footnote)
                )
    return extra


def _further_objects(text: str, found: list[_Found], i: int) -> list[_Found]:
    """The citations joined to ``found[i]`` as objects of one verb, past the citations their titles name: the
    one after "và", and those before it joined by a bare comma ("… sửa đổi, bổ sung một số điều của Luật Đất đai
    số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ
    chức tín dụng số 32/2024/QH15", corpus/real c05552433ef48b49).  Commas alone close no list ("Căn cứ Nghị
    định số … sửa đổi …, Nghị định số …" lists bases): none unless a "và" ends it.  A title naming no citation
    may end in that "và": "… của Nghị định số 78/2025/NĐ-CP … quy định chi tiết … hướng dẫn thi hành luật ban
    hành văn bản quy phạm pháp luật và Nghị định số 79/2025/NĐ-CP" (the law in lower case is no citation,
    corpus/real 83652dd19c6fef24)."""
    previous, listed = found[i], list[_Found]()
    for f in found[i + 1 :]:
        gap = text[previous.citation.span.end : f.citation.span.start]
        if P.COORDINATED.fullmatch(gap):
            if P.AND_WORD.search(gap):
                return [] if f.placeholder else [*listed, f]
            if not f.placeholder:
                listed.append(f)
        elif len(gap) > _LINK_MAX_GAP or P.LINK_BREAK.search(gap):
            return []
        elif P.TITLE_THEN_AND.search(gap):
            return [] if f.placeholder else [*listed, f]
        previous = f
    return []


def _changed_in_passive(text: str, before: list[_Found], changer: _Found) -> _Found | None:
    """What "… được sửa đổi, bổ sung bởi <changer>" changes: the citation just before, or, when that one is
    of another type, the nearest one of the changer's type earlier in the sentence, whose title held it:
    "Nghị định số 78/2025/NĐ-CP … hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa đổi,
    bổ sung bởi Nghị định số 187/2025/NĐ-CP" (a decree amends the decree, 23 files of corpus/real), "Nghị
    quyết số 03/NQ-CP … thực hiện Nghị quyết số 57-NQ/TW … được sửa đổi, bổ sung cập nhật một số điều tại
    Nghị quyết số 71/NQ-CP".  A law is never changed by a lower document, nor a Party document by a State
    one: None when no such citation."""
    nearest = before[-1]
    kind = _kind(changer.citation.target)
    if _kind(nearest.citation.target) == kind:
        return nearest
    start = changer.citation.span.start
    for f in reversed(before[:-1]):
        between = text[f.citation.span.end : start]
        if len(between) > 2 * _LINK_MAX_GAP or re.search(r"[;]|\.(?:\s|$)", between):
            break
        if _kind(f.citation.target) == kind and f.citation.target.symbol and not f.placeholder:
            return f
    unchangeable = nearest.citation.target.type_code == "L" or _kind(nearest.citation.target)[1]
    return None if unchangeable else nearest


def _kind(ref: DocRef) -> tuple[str | None, bool]:
    """Type and whether a Party body issued it: a Government resolution never changes the Politburo's."""
    return ref.type_code, ref.issuer_code in PARTY_ISSUERS


def _passive_kind(gap: str) -> str | None:
    gap = P.PASSIVE_BRACKETS.sub(" ", gap)
    if len(gap) > _LINK_MAX_GAP or P.LINK_BREAK.search(gap):
        return None
    return next((kind for kind, pattern in P.PASSIVE_LINKS if pattern.search(gap)), None)


def coordinated_relations(text: str, found: list[_Found], relations: list[Relation]) -> list[Relation]:
    """What two citations joined by "và" share: "Nghị quyết số 71/NQ-CP … của Chính phủ và Chương trình
    hành động số 10-CTr/TU … về thực hiện Nghị quyết số 57-NQ/TW" → 71/NQ-CP carries out 57-NQ/TW too;
    "… về việc thực hiện Nghị quyết số 137/NQ-CP … và Chương trình số 27-CTr/TU …" → the plan carries
    out both.  Only "implements", and only citations with nothing but "và" or a comma between them."""
    joined: dict[int, list[_Found]] = {}  # id(DocRef) → the citations coordinated with it
    for a, b in itertools.pairwise(found):
        if not (a.placeholder or b.placeholder) and P.COORDINATED.fullmatch(
            text, a.citation.span.end, b.citation.span.start
        ):
            joined.setdefault(id(a.citation.target), []).append(b)
            joined.setdefault(id(b.citation.target), []).append(a)
    extra = []
    for r in relations:
        if r.kind in P.PASSIVE_KINDS:
            extra += _coordinated_changers(text, r, joined)
        if r.kind != "implements":
            continue
        for partner in joined.get(id(r.target), ()):
            if not _later(partner.citation.target, r.source):
                extra.append(
                    Relation("implements", r.source, partner.citation.target, r.span, r.text, r.footnote)
                )
        for partner in joined.get(id(r.source), ()) if r.source is not None else ():
            if partner.citation.target.symbol and not _later(r.target, partner.citation.target):
                extra.append(
                    Relation("implements", partner.citation.target, r.target, r.span, r.text, r.footnote)
                )
    return extra


# the longest list of changers a passive relation is followed over (real + files corpora: 349 characters at most)
_CHANGERS_SPAN_MAX = 2_000


def _coordinated_changers(text: str, r: Relation, joined: dict[int, list[_Found]]) -> list[Relation]:
    """ "Nghị định số 120/2020/NĐ-CP … được sửa đổi, bổ sung bởi Nghị định số 83/2024/NĐ-CP, Nghị định số
    283/2025/NĐ-CP" (corpus/real 68c706de4d068f13): the changers listed after the first, of its type,
    change the same document (the passive relation's span ends at its changer: what follows it is the
    rest of the list).  Each relation quotes the list from its start, so the list is followed over
    ``_CHANGERS_SPAN_MAX`` characters at most: ten changers take ~300 on the real corpora, and a list of
    thousands would quote its whole length thousands of times (quadratic in time and in the graph)."""
    source = r.source
    if source is None:
        return []
    changers, frontier, seen = [], [source], {id(source)}
    while frontier:  # along the list: "bởi các Luật số 43/2024/QH15, số 47/2024/QH15, số 58/2024/QH15 …"
        for partner in joined.get(id(frontier.pop()), ()):
            target = partner.citation.target
            if id(target) in seen or partner.citation.span.start < r.span.end:
                continue
            if partner.citation.span.end - r.span.start > _CHANGERS_SPAN_MAX:
                continue
            seen.add(id(target))
            if target.symbol and target.type_code == source.type_code:
                span = Span(r.span.start, partner.citation.span.end)
                changers.append(
                    Relation(r.kind, target, r.target, span, clean(text[span.start : span.end]), r.footnote)
                )
                frontier.append(target)
    return changers


def _later(a: DocRef, b: DocRef | None) -> bool:
    """``a`` was issued after ``b``, so ``b`` cannot carry it out: "Quyết định số 78/2016/QĐ-UBND … theo
    Nghị định số 116/2016/NĐ-CP … và Quyết định số 48/2020/QĐ-UBND … sửa đổi …" — the 2020 decision is no
    second thing the 2016 one follows."""
    if b is None:
        return False
    if a.date and b.date:
        return a.date > b.date
    return bool(a.year and b.year and a.year > b.year)


def _described_target(text: str, found: list[_Found], start: int, end: int) -> _Found | None:
    """The citation in ``text[start:end]`` that a described document carries out: "Kế hoạch triển khai
    Chương trình số 20-CTr/TU …" → 20-CTr/TU (the last such description)."""
    described = None
    for f in _starting_between(found, start, end):
        cit = f.citation
        if (
            cit.span.start < start
            or cit.span.end > end
            or f.placeholder
            or (f.by_name and not cit.target.symbol)
        ):
            continue
        window_start = max(start, cit.span.start - P.DESCRIBED_WINDOW)
        if P.DESCRIBED_DOCUMENT.search(text, window_start, cit.span.start):
            described = f
    return described


def footnote_named_relations(
    text: str, found: list[_Found], seg: SegmentedDocument, in_notes: dict[int, list[_Found]]
) -> list[Relation]:
    """A footnote that names the document the sentence describes: "… ban hành tại Kế hoạch triển khai
    Chương trình số 20-CTr/TU, ngày 31/10/2022 của Tỉnh ủy về thực hiện Nghị quyết số 19-NQ/TW … năm
    2045⁷" with footnote 7 "Kế hoạch số 1432/KH-UBND ngày 15/3/2023 của UBND tỉnh." → 1432/KH-UBND
    carries out 20-CTr/TU.  The footnote must be that one citation and nothing else."""
    relations = []
    marker_ends = sorted(fn.marker.end for fn in seg.footnotes if fn.marker is not None)
    for fn in seg.footnotes:
        named = _sole_citation(text, in_notes.get(fn.number, []), fn)
        if named is None or fn.marker is None:
            continue
        clause_start = max(fn.marker.start - P.MARKER_CLAUSE_WINDOW, 0)
        for m in P.MARKER_CLAUSE_START.finditer(seg.body, clause_start, fn.marker.start):
            clause_start = m.end()
        # "… năm 2045⁷, kế hoạch cơ cấu lại ngành nông nghiệp tỉnh giai đoạn 2021-2025⁸": marker 7
        # closes the description before marker 8's
        last_end = bisect.bisect_right(marker_ends, fn.marker.start) - 1
        if last_end >= 0:
            clause_start = max(clause_start, marker_ends[last_end])
        target = _described_target(seg.body, found, clause_start, fn.marker.start)
        if target is not None:
            span = Span(target.citation.span.start, fn.marker.end)
            relations.append(
                Relation(
                    "implements",
                    named.citation.target,
                    target.citation.target,
                    span,
                    clean(seg.body[span.start : span.end]),
                    fn.number,
                )
            )
    return relations


def _sole_citation(text: str, in_note: list[_Found], fn) -> _Found | None:
    """The one citation a footnote consists of, opening it ("Kế hoạch số 3171/KH-UBND ngày 10/6/220 của
    UBND tỉnh." — a misprinted date left after it is still that citation's)."""
    if len(in_note) != 1 or not in_note[0].citation.target.symbol or in_note[0].placeholder:
        return None
    only = in_note[0]
    return only if _only_punctuation(text[fn.body.start : only.citation.span.start]) else None


def numbered_at_relations(text: str, found: list[_Found]) -> list[Relation]:
    """A described document numbered further on: "… Chương trình hành động của Chính phủ thực hiện Nghị
    quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về … được phê duyệt tại Nghị quyết số 148/NQ-CP"
    → 148/NQ-CP carries out 06-NQ/TW."""
    relations = []
    for target, numbering in itertools.pairwise(found):
        t, n = target.citation, numbering.citation
        if target.placeholder or numbering.placeholder or not n.target.symbol:
            continue
        gap = text[t.span.end : n.span.start]
        if len(gap) > _LINK_MAX_GAP or P.LINK_BREAK.search(gap) or not P.NUMBERED_AT.search(gap):
            continue
        if P.DESCRIBED_DOCUMENT.search(text, max(0, t.span.start - P.DESCRIBED_WINDOW), t.span.start):
            span = Span(t.span.start, n.span.end)
            relations.append(
                Relation(
                    "implements", n.target, t.target, span, clean(text[span.start : span.end]), n.footnote
                )
            )
    return relations


def named_documents(
    text: str, found: list[_Found]
) -> tuple[list[tuple[str, _Found]], list[tuple[str, _Found | None]]]:
    """(approved, carried out): documents named by title after the citations of one region.

    "Quyết định số 553/QĐ-TTg … về phê duyệt Đề án “Nâng cao nhận thức cộng đồng …”" approves that
    Đề án; "Quyết định số 1397/QĐ-UBND … về ban hành Kế hoạch thực hiện Đề án “Nâng cao nhận thức
    cộng đồng …” trên địa bàn tỉnh Bình Dương" issues a plan carrying it out.  Names as folded keys."""
    approved: list[tuple[str, _Found]] = []
    carried_out: list[tuple[str, _Found | None]] = []
    for i, f in enumerate(found):
        if f.placeholder or not f.citation.target.symbol:
            continue
        start = f.citation.span.end
        end = min(
            found[i + 1].citation.span.start if i + 1 < len(found) else len(text), start + P.NAMED_WINDOW
        )
        stop = P.NAMED_STOP.search(text, start, end)
        after = text[start : stop.start() if stop else end]
        for pattern, bucket in ((P.APPROVES_NAMED, approved), (P.CARRIES_OUT_NAMED, carried_out)):
            m = pattern.match(after)
            key = _named_key(m.group("named")) if m else None
            if key:
                bucket.append((key, f))
    return approved, carried_out


_QUOTED_NAME = re.compile(rf"^(?P<kind>{P.NAMED_KINDS})?\s*[“\"«](?P<inner>[^”\"»]+)[”\"»]", re.IGNORECASE)


def _named_key(named: str) -> str | None:
    """ "Đề án “Nâng cao … đến năm 2030” trên địa bàn …" → "đề án nâng cao … đến năm 2030" (a quoted
    name ends at its closing quote); unquoted names are taken whole, stray quotes dropped."""
    text = clean(named)
    quoted = _QUOTED_NAME.match(text)
    if quoted:
        text = f"{quoted.group('kind') or ''} {quoted.group('inner')}"
    text = re.sub(r"\s*([-–])\s*", r"\1", text)  # "thời kỳ 2021- 2030" is "thời kỳ 2021-2030"
    key = " ".join(re.sub(r"[“”\"«»‘’]", " ", text).casefold().split()).strip(" ,.:")
    return key if len(key.split()) >= P.NAMED_MIN_WORDS else None


def _same_name(a: str, b: str) -> bool:
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _without_bookmarks(text: str) -> str:
    """The text with each "[bookmark: _Hlk…]" blanked by as many spaces (offsets kept)."""
    return DOCX_BOOKMARK.sub(lambda m: " " * len(m.group()), text) if "[bookmark:" in text else text


def _dangling(title: str) -> bool:
    """The title ends on a word that wants more ("… thực hiện", "… và")."""
    m = P.TITLE_DANGLING.search(title)
    return bool(m and m.group(0).strip())


def title_named_relations(
    approved: list[tuple[str, _Found]], carried_out: list[tuple[str, _Found | None]], own_title: str | None
) -> list[Relation]:
    """A document that issues a plan carrying out a programme named by its title carries out the
    citation that approved that programme, when exactly one citation of the text did: "Quyết định số
    2324/QĐ-BYT … về việc ban hành Kế hoạch hành động thực hiện Chương trình điều chỉnh mức sinh phù hợp
    các vùng, đối tượng đến năm 2030" → 588/QĐ-TTg ("… về việc phê duyệt “Chương trình điều chỉnh mức
    sinh …”").  The document itself, by its own title ("BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN ĐỀ ÁN
    “…”"), too."""
    own = P.CARRIES_OUT_NAMED.match(own_title) if own_title else None
    own_key = _named_key(own.group("named")) if own else None
    relations = []
    for key, f in carried_out + ([(own_key, None)] if own_key else []):
        # the same approval cited twice (preamble and plan) is one document
        hits = {ref_key(a.citation.target): a for k, a in approved if _same_name(k, key) and a is not f}
        if len(hits) != 1:
            continue  # unnamed, or named the same by two approvals: left open
        cit = next(iter(hits.values())).citation
        where = f.citation if f else cit
        relations.append(
            Relation(
                "implements",
                f.citation.target if f else None,
                cit.target,
                where.span,
                where.text,
                where.footnote,
            )
        )
    return relations


def _link_kind(gap: str) -> str | None:
    if (
        len(gap) > _LINK_MAX_GAP
        or P.LINK_BREAK.search(gap)
        or P.ALONGSIDE_LINK.search(gap)
        or P.REVIEW_LINK.search(gap)
    ):
        return None
    if P.AMENDS_ATTACHED.search(gap):
        return "amends"
    if P.ATTACHED_LINK.search(gap):
        return "attached-to"
    for kind, pattern in P.OTHER_LINKS:
        if pattern.search(gap):
            return kind
    link = P.IMPLEMENTS_LINK.search(gap)
    return "implements" if link and not _opens_sentence(link.group(0)) else None


def _opens_sentence(words: str) -> bool:
    """ "Thực hiện" (capital, then lower case) starts a new paragraph: "… tầm nhìn đến năm 2045
    \n\nThực hiện Chương trình số 28-CTr/TU" links nothing.  Titles in capitals ("… VỀ THỰC HIỆN
    NGHỊ QUYẾT SỐ 29-NQ/TW") and lower case ("về thực hiện") do link."""
    words = words.strip()
    return words[:1].isupper() and not words.isupper()


def preamble_relations(text: str, found: list[_Found], region_end: int) -> list[Relation]:
    """What the document itself carries out or rests on, from clauses before section I.

    "Thực hiện Nghị quyết số 111/NQ-CP … (sau đây gọi tắt là Nghị quyết số 111/NQ-CP);
    Quyết định số 700/QĐ-TTg …;" → implements both (the first citation of each ";"-part);
    the title "KẾ HOẠCH Triển khai thực hiện Chương trình số 28-CTr/TU … về thực hiện Nghị quyết
    số 29-NQ/TW" → implements 28-CTr/TU only; "Căn cứ Luật …" → based-on.
    """
    return _clause_relations(text, found, P.PREAMBLE_OPENER, 0, region_end)


def purpose_relations(text: str, found: list[_Found]) -> list[Relation]:
    """ "Để thực hiện thắng lợi mục tiêu Nghị quyết số 29-NQ/TW …; Chương trình hành động của
    Chính phủ theo Nghị quyết số 111/NQ-CP; Chương trình hành động số 31-CTr/TU ngày 16/02/2023
    của Tỉnh ủy; UBND tỉnh yêu cầu …:" → implements 29-NQ/TW and 31-CTr/TU (the middle part
    names a programme by description, not by its own citation)."""
    if P.PURPOSE_VERB_START not in text:  # (the opener cannot match: no search of every line start)
        return []
    return _clause_relations(text, found, P.PURPOSE_OPENER, 0, len(text))


def issuing_relations(text: str, found: list[_Found]) -> list[Relation]:
    """A document that issues a programme or plan carrying out X carries out X through it: the
    title "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 29-NQ/TW …" or
    "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động … thực hiện Nghị quyết số
    29-NQ/TW …" → implements 29-NQ/TW (the first citation after "thực hiện"/"triển khai")."""
    relations = []
    for opener in P.ISSUING_OPENER.finditer(text):
        stop = P.TITLE_STOP.search(text, opener.end())
        clause_end = stop.start() if stop else len(text)
        for f in _starting_between(found, opener.end(), clause_end):
            before = text[opener.end() : f.citation.span.start]
            if P.ISSUED_KIND.search(before) and P.IMPLEMENTS_LINK.search(before) and not f.placeholder:
                cit = f.citation
                relations.append(Relation("implements", None, cit.target, cit.span, cit.text, cit.footnote))
                break
    return relations


def _clause_relations(
    text: str, found: list[_Found], opener_pattern: re.Pattern[str], region_start: int, region_end: int
) -> list[Relation]:
    relations = []
    for opener in opener_pattern.finditer(text, region_start, region_end):
        stop = P.PREAMBLE_CLAUSE_END.search(text, opener.end(), region_end)
        clause_end = stop.start() if stop else region_end
        kind = P.PREAMBLE_VERB_RELATION.get(clean(opener.group("verb")).casefold(), "implements")
        for part_start, part_end in _top_level_parts(text, opener.end(), clause_end):
            first = next(iter(_starting_between(found, part_start, part_end)), None)
            before = text[part_start : first.citation.span.start] if first else ""
            if (
                first
                and not first.placeholder
                and (
                    _only_punctuation(before)
                    or (kind == "implements" and P.DIRECTION_BEFORE_CITATION.match(before))
                    or (kind == "based-on" and P.PART_BEFORE_CITATION.fullmatch(before))
                )
            ):
                cit = first.citation
                relations.append(Relation(kind, None, cit.target, cit.span, cit.text, cit.footnote))
    return relations


def _number_laws_named_alone(found: list[_Found]) -> None:
    """A law named alone is the law of that name the same document numbers: "Luật Hóa chất" after "Luật Hóa
    chất số 69/2025/QH15" (files/ hc-sct-vn__Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx), the law an amending
    law names ("… của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15" after "Luật Ban hành văn bản
    quy phạm pháp luật số 64/2025/QH15").  Not when the document numbers two laws of that name, when the name
    is printed with another year ("Luật Đất đai năm 2013" beside "Luật Đất đai số 31/2024/QH15"), nor for a
    law amended by an earlier one ("Luật sửa đổi … của Luật Cán bộ, công chức … số 52/2019/QH14" is no
    amendment of "Luật Cán bộ, công chức số 80/2025/QH15")."""
    refs = [f.citation.target for f in found]
    # one entry per symbol, its first citation's: a law cited once misdated ("Luật Đầu tư số 61/2020/QH14 ngày
    # 17/6/2021" beside "… ngày 17/6/2020", corpus/real cd648cfa4fdecfb2) is still one law
    numbered: dict[str, dict[str, tuple[str | None, int | None]]] = {}
    # a law numbered first and named by its subject after: "Luật số 15/2012/QH13 ngày 20/6/2012 về Xử lý vi phạm
    # hành chính, sửa đổi bổ sung năm 2025" is the "Luật Xử lý vi phạm hành chính" a decree details (corpus/files
    # sd-vlncn-sct-vn__QD-1050-kiem-tra-VLNCN-2026.pdf; "Luật số 42/2024/QH15 về Quản lý, sử dụng vũ khí, …" in 5
    # more letters and submissions of Sở Công Thương Lào Cai)
    subjects: dict[str, tuple[str, str | None, int | None]] = {}
    for ref in refs:
        if ref.type_code in _NAMED_ACT_TYPES and ref.symbol and ref.name:
            numbered.setdefault(ref.name.casefold(), {}).setdefault(ref.symbol, (ref.number, ref.year))
        elif ref.type_code == "L" and ref.symbol and ref.title and P.LAW_SUBJECT.match(ref.title):
            subject = "luật " + P.LAW_SUBJECT.sub("", ref.title).casefold()
            subjects.setdefault(ref.symbol, (subject, ref.number, ref.year))
    amended_by = {id(inner.citation.target): f.citation.target.year for f in found for inner in f.amended}
    for ref in refs:
        if ref.type_code not in _NAMED_ACT_TYPES or ref.symbol or not ref.name:
            continue
        laws = numbered.get(ref.name.casefold(), {})
        if not laws:
            laws = _laws_of_subject(ref.name.casefold(), subjects)
        if len(laws) != 1:
            continue
        ((symbol, (number, year)),) = laws.items()
        latest = ref.year or amended_by.get(id(ref))
        if latest and year and (year > latest if id(ref) in amended_by else year != latest):
            continue
        ref.symbol, ref.number, ref.year = symbol, number, ref.year or year


def _laws_of_subject(
    name: str, subjects: dict[str, tuple[str, str | None, int | None]]
) -> dict[str, tuple[str | None, int | None]]:
    """The numbered laws whose subject is ``name`` (casefolded "luật …"), whole or up to a comma."""
    return {
        symbol: (number, year)
        for symbol, (subject, number, year) in subjects.items()
        if subject == name or subject.startswith(name + ",")
    }


def _top_level_parts(text: str, start: int, end: int):
    """Split at ";" outside brackets: "… (sau đây gọi tắt là …); Quyết định số 700/QĐ-TTg …;"."""
    depth, part_start = 0, start
    for i in range(start, end):
        ch = text[i]
        depth += (ch == "(") - (ch == ")")
        if ch == ";" and depth <= 0:
            yield part_start, i
            part_start = i + 1
    yield part_start, end


def _starting_between(found: list[_Found], start: int, end: int) -> list[_Found]:
    """The citations of ``found`` (sorted by span, as ``_scan`` returns them) that start in
    [start, end), found by bisection: a preamble of 10,000 "Căn cứ" lines asks once per line."""
    lo = bisect.bisect_left(found, start, key=lambda f: f.citation.span.start)
    return found[lo : bisect.bisect_left(found, end, lo, key=lambda f: f.citation.span.start)]


def _only_punctuation(s: str) -> bool:
    return not re.search(r"\w", s)


def amending_law_relations(found: list[_Found]) -> list[Relation]:
    """ "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa
    phương ngày 22 tháng 11 năm 2019" amends both laws it names."""
    relations = []
    for f in found:
        for inner in f.amended:
            cit = inner.citation
            relations.append(
                Relation(
                    "amends",
                    f.citation.target,
                    cit.target,
                    f.citation.span,
                    f.citation.text,
                    f.citation.footnote,
                )
            )
    return relations


def self_relations(text: str, found: list[_Found]) -> list[Relation]:
    """What the document itself amends, replaces or repeals: "Điều 2. Quyết định này có hiệu lực …,
    thay thế Quyết định số 1090/QĐ-UBND …", "Bãi bỏ Quyết định số 25/2016/QĐ-UBND …", the title
    "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ QUYẾT SỐ 20/2020/NQ-HĐND …".  The verb must open its clause
    (after an article label at most) or follow "… này"; a citation earlier in the same clause makes
    the relation that citation's ("Nghị quyết số 26/2022/UBTVQH15 … sửa đổi … Nghị quyết số 1210 …")."""
    relations, previous_end = [], 0
    for f in found:
        cit = f.citation
        window = max(previous_end, cit.span.start - _LINK_MAX_GAP)
        boundaries = list(P.CLAUSE_START.finditer(text, window, cit.span.start))
        if boundaries and _wraps_after_citation(text, previous_end, boundaries[-1]):
            previous_end = max(previous_end, cit.span.end)
            continue
        # a window that ends a citation before is no clause start: "… 70/2025/NĐ-CP … sửa đổi, bổ sung …" is its
        opens = window == 0 or window == cit.span.start - _LINK_MAX_GAP
        # the clause from its last start, then over the hard wraps before it ("Điều 2. Bãi bỏ toàn bộ\nQuyết
        # định số 35/2015/QĐ-UBND", "Điều 3. Quyết định này có\nhiệu lực … và thay thế Quyết định số …")
        for wraps, clause_start in enumerate(_clause_starts(text, boundaries, window if opens else None)):
            recommended = P.RECOMMENDATION_HEADING.search(text, max(0, clause_start - 80), clause_start)
            kind = None if recommended else _self_link(text[clause_start : cit.span.start], wraps > 0)
            if kind:
                relations.append(Relation(kind, None, cit.target, cit.span, cit.text))
                break
        previous_end = max(previous_end, cit.span.end)
    return relations


def _wraps_after_citation(text: str, previous_end: int, boundary: re.Match[str]) -> bool:
    """A line break right after a citation before a line in lower case is a hard wrap inside that citation's
    clause: "- Thông tư số 25/2023/TT-BKHĐT ngày 31/12/2023\nsửa đổi, bổ sung một số điều của thông tư số
    03/2021/TT-BKHĐT …" (a table cell of corpus/real cd648cfa4fdecfb2): the verb is that circular's."""
    return (
        boundary.group() == "\n"
        and previous_end > 0
        and not text[previous_end : boundary.start()].strip()
        and text[boundary.end() : boundary.end() + 40].lstrip()[:1].islower()
    )


def _clause_starts(text: str, boundaries: list[re.Match[str]], window: int | None):
    """Where the clause before a citation may start: after its last boundary, then, while that boundary is a
    line break after a line that ends with no ".", ";" or ":" (a hard wrap), after the boundary before."""
    for i in range(len(boundaries) - 1, -1, -1):
        yield boundaries[i].end()
        line_end = text[max(0, boundaries[i].start() - 80) : boundaries[i].start()].rstrip()
        if boundaries[i].group() != "\n" or line_end[-1:] in (".", ";", ":", ""):
            return
    if window is not None:
        yield window


def _self_link(prefix: str, wrapped: bool = False) -> str | None:
    """The relation of the document itself to the citation that ``prefix`` (its clause) leads to.  A clause
    read over hard wraps (``wrapped``) must open with the document's own name if it names it."""
    for kind, pattern in P.SELF_LINKS:
        verb = pattern.search(prefix)
        if verb and (
            P.ARTICLE_PREFIX.match(prefix[: verb.start()]) or _names_itself(prefix[: verb.start()], wrapped)
        ):
            return kind
    return "guides" if _guides_itself(prefix, wrapped) else None


def _names_itself(before: str, wrapped: bool) -> bool:
    """ "Quyết định này có hiệu lực … và": the document itself is the subject; over hard wraps only as the
    clause's first words ("… áp dụng mức chi … theo quy định của Chính phủ quy định chi tiết …" is not)."""
    if wrapped:
        return bool(P.SELF_NAME.match(before.lstrip()))
    return bool(P.SELF_NAME.search(before))


def _guides_itself(prefix: str, wrapped: bool = False) -> bool:
    """ "Thông tư này quy định chi tiết một số điều của …" or a title in capitals "QUY ĐỊNH CHI TIẾT MỘT SỐ
    ĐIỀU VÀ BIỆN PHÁP THI HÀNH …" (a wrapped line "hướng dẫn thi hành …" in lower case continues another
    document's title)."""
    verb = P.SELF_GUIDES.search(prefix)
    if verb is None:
        return False
    before = prefix[: verb.start()]
    return _names_itself(before, wrapped) or bool(P.ARTICLE_PREFIX.match(before) and verb.group().isupper())


def listed_self_relations(text: str, found: list[_Found]) -> list[Relation]:
    """ "Điều 2. Bãi bỏ các văn bản … như sau:" over "1. Quyết định số 76/2006/QĐ-UBND …", "2. Quyết
    định số …": the document repeals (or replaces) each item's citation.  The list runs over the lines
    that open with a marker and a citation (wrapped lines between them) and ends at the first other item
    or article.  "2. Các Quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành:"
    heads a list the document replaces.  The items share the first one's kind of marker: in a numbered list a
    wrapped line opening with a dash ("… Nam Lý - Đồng Hới\n- Quảng Bình;", corpus/real 83652dd19c6fef24) is no
    item."""
    relations = []
    for heading, kind in _self_list_headings(text):
        if _starting_between(found, heading.start(), heading.end()):
            continue  # "Thay thế, bãi bỏ một số quy định của Thông tư số …:" changes the one it names
        line_start = heading.end() + 1
        style = None
        while line_start < len(text):
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            if P.ARTICLE_HEADING.match(text, line_start, line_end):
                break
            marker = P.LIST_ITEM_MARKER.match(text, line_start, line_end)
            if marker and style in (None, marker.lastgroup):
                style = marker.lastgroup
                item = next(iter(_starting_between(found, marker.end(), marker.end() + 1)), None)
                if item is None or item.placeholder:
                    break
                cit = item.citation
                relations.append(Relation(kind, None, cit.target, cit.span, cit.text, cit.footnote))
            line_start = line_end + 1
    return relations


def _self_list_headings(text: str) -> Iterator[tuple[re.Match[str], str]]:
    for heading in P.SELF_LIST_HEADING.finditer(text):
        yield heading, P.SELF_LIST_KIND[clean(heading.group("verb")).casefold()]
    for heading in P.EXPIRY_LIST_HEADING.finditer(text):
        yield heading, "replaces"


def adjustment_relations(text: str, found: list[_Found]) -> list[Relation]:
    """An approval's adjustments amend it, listed on its line (P.FIRST_ISSUE_BEFORE …): "cấp lần đầu tại Quyết định
    số 2081/QĐ-UBND …; điều chỉnh lần 1 tại Quyết định số 1043/QĐ-UBND …" → 1043 amends 2081."""
    relations: list[Relation] = []
    first: _Found | None = None
    for f in found:
        cit = f.citation
        if first and "\n" in text[first.citation.span.end : cit.span.start]:
            first = None  # the list is one line (a paragraph of a Word file, a cell)
        before = text[max(0, cit.span.start - P.ADJUSTMENT_REACH) : cit.span.start]
        if P.FIRST_ISSUE_BEFORE.search(before) or P.FIRST_ISSUE_AFTER.match(text, cit.span.end):
            first = f
        elif first and (P.ADJUSTMENT_BEFORE.search(before) or P.ADJUSTMENT_AFTER.match(text, cit.span.end)):
            relations.append(
                Relation("amends", cit.target, first.citation.target, cit.span, cit.text, cit.footnote)
            )
    return relations


def expired_relations(text: str, found: list[_Found]) -> list[Relation]:
    """ "3. Luật Giao thông đường bộ số 23/2008/QH12 đã được sửa đổi, bổ sung … hết hiệu lực kể từ ngày Luật này
    có hiệu lực thi hành": the document replaces the one cited at the head of the clause (the laws that amended
    it, cited after it, are not its subject)."""
    relations = []
    for f in found:
        cit = f.citation
        # the clause start within the few characters a marker takes (a long line is never read whole)
        window = max(0, cit.span.start - _OPENER_MAX)
        starts = [m.end() for m in P.ITEM_START.finditer(text, window, cit.span.start)]
        clause_start = starts[-1] if starts else (0 if window == 0 else None)
        if (
            f.placeholder
            or clause_start is None
            or not P.CLAUSE_OPENER.fullmatch(text, clause_start, cit.span.start)
        ):
            continue
        sentence_end = P.SENTENCE_END.search(text, cit.span.end, min(len(text), cit.span.end + _LINK_MAX_GAP))
        end = sentence_end.start() if sentence_end else cit.span.end
        if P.EXPIRES_WITH_SELF.search(text, cit.span.end, end):
            relations.append(Relation("replaces", None, cit.target, cit.span, cit.text, cit.footnote))
    return relations


def attached_relations(text: str, found: list[_Found], meta: DocumentMeta | None) -> list[Relation]:
    """ "(Kèm theo Kế hoạch số 214/KH-UBND ngày 06/11/2024 của UBND tỉnh Quảng Ngãi)": the appendix
    belongs to that document; "(Kèm theo Kế hoạch số #sovb /KH-UBND …)" to this one (placeholder)."""
    relations = []
    for note in P.ATTACHED_NOTE.finditer(text):
        f = next(iter(_starting_between(found, note.end(), note.end() + 1)), None)
        if f is None:
            continue
        cit = f.citation
        is_self = f.placeholder or _same_document(cit.target, meta)
        relations.append(
            Relation(
                "attached-to", None, cit.target, cit.span, cit.text, cit.footnote, target_is_self=is_self
            )
        )
    return relations


def _same_document(ref: DocRef, meta: DocumentMeta | None) -> bool:
    own = meta.ref if meta else None
    if not (own and own.symbol):
        return False
    if ref.symbol == own.symbol and ref.jurisdiction == own.jurisdiction:
        return True
    # its own number misprinted, as its appendix heading cites it: "(Ban hành kèm theo Thông tư số 55/TT-BCT ngày
    # 28 tháng 11 năm 2025 của Bộ trưởng Bộ Công Thương)" in Thông tư 55/2025/TT-BCT (corpus/real
    # f9ddad1ecbde3ea2): the same type, number, issuer and day of issue are this document
    return bool(
        own.date
        and ref.date == own.date
        and ref.number == own.number
        and ref.type_code == own.type_code
        and ref.issuer_code == own.issuer_code
        and ref.jurisdiction == own.jurisdiction
    )


# ----------------------------------------------------------------- document


def _inside_one(spans: tuple[Span, ...], starts: list[int], span: Span) -> bool:
    """``span`` lies inside one of ``spans`` (the appendices: in text order, apart; ``starts`` their starts),
    found by bisection: asking every appendix for every citation was quadratic in a document of hundreds."""
    i = bisect.bisect_right(starts, span.start) - 1
    return i >= 0 and spans[i].contains(span)


def extract_citations(seg: SegmentedDocument, meta: DocumentMeta) -> tuple[list[Citation], list[Relation]]:
    """All citations of other documents (body, tables, footnotes) and the relations stated."""
    home = meta.ref.jurisdiction
    text = seg.text.text
    tables = tuple(a.span for a in seg.appendices)
    body = _scan(seg.body, 0, len(seg.body), home, None, tables)
    relations = preamble_relations(seg.body, body, _preamble_end(seg))
    relations += purpose_relations(seg.body, body)
    relations += issuing_relations(seg.body, body)
    relations += attached_relations(seg.body, body, meta)
    relations += chain_relations(seg.body, body)
    relations += second_object_relations(seg.body, body, relations)
    relations += numbered_at_relations(seg.body, body)
    relations += coordinated_relations(seg.body, body, relations)
    relations += self_relations(seg.body, [f for f in body if not f.placeholder])
    relations += listed_self_relations(seg.body, body)
    relations += expired_relations(seg.body, body)
    relations += adjustment_relations(seg.body, body)
    relations += amending_law_relations(body)
    found = list(body)
    table_starts = [t.start for t in tables]
    for cit in (f.citation for f in body):
        cit.section = _section_key(seg, cit.span)
        cit.in_table = _inside_one(tables, table_starts, cit.span)
    found = list(body)
    # footnote bodies are read, like the body, with Word's "[bookmark: …]" artefacts blanked
    text = _without_bookmarks(text)
    in_notes: dict[int, list[_Found]] = {}
    for fn in seg.footnotes:
        for piece in [fn.body, *fn.continued]:  # a PDF footnote may run on to the next page
            in_note = _scan(text, piece.start, piece.end, home, fn.number)
            in_notes.setdefault(fn.number, []).extend(in_note)
            chained = chain_relations(text, in_note) + numbered_at_relations(text, in_note)
            chained += second_object_relations(text, in_note, chained)
            relations += chained + coordinated_relations(text, in_note, chained)
            relations += amending_law_relations(in_note)
            for cit in (f.citation for f in in_note):
                # a footnote belongs where its marker is, not where the page put its text
                cit.section = _section_key(seg, fn.marker or cit.span)
            found += in_note
    relations += footnote_named_relations(text, body, seg, in_notes)
    approved, carried_out = named_documents(seg.body, body)
    for in_note in in_notes.values():
        more_approved, more_carried_out = named_documents(text, in_note)
        approved += more_approved
        carried_out += more_carried_out
    relations += title_named_relations(approved, carried_out, meta.ref.title if meta else None)
    _number_laws_named_alone(found)
    citations = [
        f.citation for f in found if not f.placeholder and not _same_document(f.citation.target, meta)
    ]
    return sorted(citations, key=lambda c: c.span), _dedupe(relations)


def _preamble_end(seg: SegmentedDocument) -> int:
    """Where section I starts: relations of "Thực hiện …" are read only before it.  A dashed basis ("- Căn cứ
    Điều lệ Đảng;") is read as a bullet section, but it is still the preamble."""
    firsts = [
        s.span.start
        for s in seg.sections
        if s.parent is None and s.kind != "appendix" and not P.PREAMBLE_OPENER.match(seg.body, s.span.start)
    ]
    if firsts:
        return min(firsts)
    m = P.FIRST_SECTION.search(seg.body) or P.ENACTING_OR_FIRST_ARTICLE.search(seg.body)
    if m:
        return m.start()
    # a letter of one or two paragraphs: its opening paragraph ("Thực hiện ý kiến chỉ đạo … tại Văn bản số …
    # ngày …  về việc …, Sở Công Thương …") is its preamble
    opener = P.PREAMBLE_OPENER.search(seg.body)
    end = P.PARAGRAPH_END.search(seg.body, opener.end()) if opener else None
    return end.start() if end else (len(seg.body) if opener else 0)


def _section_key(seg: SegmentedDocument, span: Span) -> str | None:
    section = innermost_section(seg.sections, span)
    return section.key if section else None


def ref_key(ref: DocRef) -> tuple:
    """Identity of a cited document as far as the citation tells: jurisdiction, type, symbol or name."""
    return (ref.jurisdiction, ref.type_code, ref.symbol or ref.number or ref.name)


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen, kept = set(), []
    for r in relations:
        source = (ref_key(r.source), r.source.year) if r.source else None
        key = (r.kind, source, ref_key(r.target), r.target.year, r.target_is_self)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def distinct_documents(citations: list[Citation]) -> list[DocRef]:
    """One DocRef per cited document.  Numbers restart each year, so the same symbol with two
    years is two documents (Quảng Nam's 16-CTr/TU of 2018 and of 2022); a mention without a
    year joins the only dated one, or stands alone when there are none or several."""
    by_key: dict[tuple, dict[int | None, DocRef]] = {}
    for cit in citations:
        by_key.setdefault(ref_key(cit.target), {}).setdefault(cit.target.year, cit.target)
    docs = []
    for years in by_key.values():
        dated = [ref for year, ref in years.items() if year is not None]
        docs += dated
        if None in years and not dated:
            docs.append(years[None])
    return docs
