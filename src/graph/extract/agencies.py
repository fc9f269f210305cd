"""Agencies named in task assignments: split a cell or role line into bodies, normalise names.

Forms handled (from the seeds; tables in ``patterns/agencies.py``):

- ``Sở Kế hoạch và Đầu tư, Sở Tài chính, UBND huyện Đức Phổ``  → three bodies
- ``Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi``           → one body ("và" inside a name)
- ``Sở Lao động - Thương binh và Xã hội``, ``Sở Văn hóa, Thể thao và Du lịch`` → one body each
- ``Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.``      → two groups
- ``BCH Quân sự tỉnh, Công An tỉnh``                            → Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh
- ``Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội``
  → a group, Mặt trận Tổ quốc, a group

A new body starts after ``;``, or after ``,`` / ``và`` when an agency head that
takes a name follows ("Sở Tài chính", "UBND huyện …"): "Ban, ngành" lists kinds
of body, "Thể thao và Du lịch" continues a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..model import AgencyMention, Span
from ..normalise import clean
from ..patterns.agencies import (
    ABBREVIATIONS,
    AGENCY_HEADS,
    BARE_TITLE_BODIES,
    CANONICAL_NAMES,
    CASE_FIXES,
    GROUP_MARKERS,
    GROUP_NOUNS,
    GROUP_SUFFIXES,
    KIND_LIST_HEADS,
    NAMED_DIVISION_HEADS,
    OFFICIAL_TITLES,
)

# heads wrap across lines too: "Mặt \n trận Tổ quốc"
_HEAD_ALT = "|".join(
    re.escape(h).replace(r"\ ", r"[ \t\n]+") for h in sorted(AGENCY_HEADS, key=len, reverse=True)
)
# a head followed by a name: "Sở Xây dựng" yes, "Ban, ngành" no
# (a capital "Các" opens a new group: "Môi \nTrường \n\nCác sở" is not the school "Trường …")
# and a head word that is the first half of a common noun is no body: "Báo cáo", "Ban hành",
# "Bộ máy", "Hội nghị", "Trường hợp", "Quỹ đất", "Bộ trưởng" (a person), "Vụ việc", "Vụ án",
# "Bộ tiêu chí", "Bộ chỉ số" (sets of criteria and indices: outputs in dev h02, h08 tables)
_NOT_A_NAME = r"cáo|hành|máy|nghị|thảo|hợp|kết|hữu|đất|trưởng|việc|mùa|án|tiêu|chỉ"
_NAMED_DIVISION_ALT = "|".join(re.escape(h) for h in NAMED_DIVISION_HEADS)
_HEAD_WITH_NAME = (
    rf"(?:(?:{_HEAD_ALT})(?=\s+[\w(])(?!\s+(?:ngành|và|(?-i:Các))\b)(?!\s+(?-i:{_NOT_A_NAME})\b)"
    rf"|(?:{_NAMED_DIVISION_ALT})(?=[ \t\n]+(?-i:[A-ZĐÂĂÊÔƠƯỦỨ])))"
)
_GROUP_NOUN_ALT = "|".join(GROUP_NOUNS)
# kinds listed without "các", capitalised, open a name's text (not a cut inside "Các Sở, Ban, ngành"):
# "Sở, ban, ngành có liên quan", "Bộ, ngành, địa phương"
_KIND_LIST = rf"(?:{'|'.join(KIND_LIST_HEADS)})[ \t]*,[ \t\n]*(?:{_GROUP_NOUN_ALT})\b"
_KIND_LIST_START = re.compile(_KIND_LIST)
_GROUP_START = re.compile(rf"[Cc]ác[ \t\n]+(?:{_GROUP_NOUN_ALT})\b")
# a body's name opens here (the caller checks the capital: "Công An tỉnh" is printed too)
_BODY_START = re.compile(_HEAD_WITH_NAME, re.IGNORECASE)
_SEPARATOR = re.compile(r"(?:(?<![ \t\n])[ \t\n]+)?(?:;|,|(?<!\w)và(?!\w))[ \t\n]*")
_STRIP = " \t\n.;,:-–"

_ABBREV_PATTERNS = tuple(
    (re.compile(rf"(?<![\w&-]){re.escape(short)}(?![\w&-])"), long) for short, long in ABBREVIATIONS
)
_CANONICAL = {name.casefold(): name for name in CANONICAL_NAMES}
_CASE_PATTERNS = tuple(
    (re.compile(rf"\b{re.escape(low)}\b", re.IGNORECASE), fixed) for low, fixed in CASE_FIXES
)
_DASH = re.compile(r"(?<=\w)\s*[-–—]\s*(?=\w)")
_PAREN = re.compile(r"(?:(?<!\s)\s+)?\((?:gồm|bao gồm)[^()]*\)")
# tone marks on the old positions ("hoá", "Uỷ") → the positions used in official names
_OLD_TONES = {
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "uý": "úy",
    "uỳ": "ùy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
    "Uý": "Úy",
    "Uỳ": "Ùy",
    "Uỷ": "Ủy",
    "Uỹ": "Ũy",
    "Uỵ": "Ụy",
}
_OLD_TONE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONES) + r")(?!\w)")


def parse_agencies(text: str, offset: int = 0) -> list[AgencyMention]:
    """Split an agency cell or role-line value into mentions; spans are ``offset`` + index in ``text``."""
    mentions = []
    for start, end in _body_bounds(text):
        printed = clean(text[start:end])
        if printed:
            name, is_group, by_official = _read_name(printed)
            mentions.append(
                AgencyMention(
                    printed, name, is_group, Span(offset + start, offset + end), by_official=by_official
                )
            )
    return mentions


# the same names are printed again and again ("Sở Tài chính", "UBND các xã, phường"): each is read once
@functools.lru_cache(maxsize=8192)
def _read_name(printed: str) -> tuple[str, bool, bool]:
    """A printed name's normalised name, whether it names a group, and whether it names an official."""
    name = normalise_agency_name(printed)
    return name, is_group_name(name), names_an_official(printed)


def _body_bounds(text: str) -> Iterator[tuple[int, int]]:
    """Character bounds of each body in ``text``, trimmed of separators and punctuation; lazily, so
    that a test of every body stops at the first that fails."""
    address = _ADDRESS.search(text)
    if address:
        text = text[: address.start()].rstrip(_STRIP + "(")
    depth = _paren_depths(text) if "(" in text else None  # no bracket: every depth is 0
    start = 0
    for sep in _SEPARATOR.finditer(text):
        # "(gồm: Tam Kỳ, Hội An; Điện Bàn …)" belongs to the body before it
        if (depth is None or depth[sep.start()] == 0) and (
            ";" in sep.group() or _opens_body(text, sep.end())
        ):
            yield from _trimmed(text, start, _before_qualifier(text, start, sep.start()))
            start = sep.end()
    yield from _trimmed(text, start, _before_qualifier(text, start, len(text)))


# what a body does or answers for is no part of its name: "Bộ Công an theo chức năng, nhiệm vụ, thẩm quyền"
# (corpus/real 858c0de43c18ce78), "các sở, ban, ngành Thành phố trong phạm vi chức năng, nhiệm vụ của mình"
# (2f6f80b9918e52de), "Đại biểu Quốc hội tỉnh Đồng Tháp, trong phạm vi nhiệm vụ, quyền hạn của mình"
# (284dd97bc14e3aeb), "Các cơ quan theo thẩm quyền" (4d98410054b11ab4), "Văn phòng UBND tỉnh có trách
# nhiệm gửi, công khai …" (be5392d4f50c27a6)
_G = r"[ \t\n]+"
_QUALIFIER = re.compile(
    # (from the word on, after a space or comma: the caller trims what is before)
    rf"(?<=[ \t\n,])(?:(?:theo|trong|thuộc)(?:{_G}phạm{_G}vi)?{_G}"
    rf"(?:chức{_G}năng|nhiệm{_G}vụ|thẩm{_G}quyền|quyền{_G}hạn)|(?:có|chịu){_G}trách{_G}nhiệm)(?!\w)"
)
# an address printed after a body ends the bodies: "Sở Khoa học và Công nghệ tỉnh Lạng Sơn. Địa chỉ: số 01
# đường Mai Thế Chuẩn, …" (corpus/real 71153021e3559f5e), "… Điện lực Jaks Hải Dương. (Địa chỉ: …)"
_ADDRESS = re.compile(r"(?<!\w)[Đđ]ịa[ \t]+chỉ[ \t]*:")


# a body's name ends where the sentence goes on to say what it may, is or does: "Sở Tài chính được quyền khai
# thác, sử dụng thông tin về tài sản công …" (corpus/real 5b692e230f990be5), "Chính phủ quy định chức năng,
# nhiệm vụ …" (5fc0868aeac2f15a), "Sở Khoa học và Công nghệ là cơ quan đầu mối …" (72f18ee047b71e9a), "Quỹ Bảo
# vệ môi trường chỉ được sử dụng …" (1f9faa032326f975), "Sở Xây dựng chấp thuận phương án …", "Sở Xây dựng có ý
# kiến …" (8d9779edcdd6c422, afe7b51a032c1c6d).  Lower case only, and words no body's name holds ("thẩm định",
# "nghiên cứu", "tổ chức" do: "Hội đồng thẩm định", "Viện nghiên cứu"); a group keeps its clause, which says
# which bodies it means: "Các cơ quan, đơn vị được giao chủ trì", "Cơ quan, đơn vị quy định tại Điều 1".
_PREDICATE = re.compile(
    # (not after a kind of body or person, whose clause says which: "Bộ phận, cá nhân được giao", "đơn vị được lựa
    # chọn", "Thanh tra viên, người được giao …" in Nghị định 71/2019/NĐ-CP, corpus/files)
    rf"(?<=[ \t\n])(?<!đơn vị )(?<!cá nhân )(?<!tổ chức )(?<!cơ quan )(?<!bộ phận )(?<!người )(?:(?:chỉ{_G})?được|là|quy{_G}định|có{_G}ý{_G}kiến|chấp{_G}thuận|ban{_G}hành|thành{_G}lập"
    rf"|hoàn{_G}thành|xem{_G}xét|thống{_G}nhất|chủ{_G}động|huy{_G}động|phân{_G}công)(?!\w)"
)


def name_end(text: str) -> int:
    """Where the name of the one body ``text`` holds ends, before what the sentence says of it (see
    ``_PREDICATE``); ``len(text)`` when nothing follows the name or ``text`` names a group."""
    predicate = _PREDICATE.search(text)
    if predicate is None:
        return len(text)
    name = text[: predicate.start()].rstrip(_STRIP)
    return len(name) if name and not is_group_name(normalise_agency_name(name)) else len(text)


def _before_qualifier(text: str, start: int, end: int) -> int:
    qualifier = _QUALIFIER.search(text, start, end)
    return qualifier.start() if qualifier and qualifier.start() > start else end


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    if start < end:
        yield start, end


def _paren_depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        depth = max(0, depth + (ch == "(") - (ch == ")"))
        depths.append(depth)
    depths.append(0)
    return depths


def _opens_body(text: str, pos: int) -> bool:
    # a lower-case head after a comma is a kind of body in a list ("Các sở, ban, ngành")
    if _GROUP_START.match(text, pos):
        return True
    return text[pos : pos + 1].isupper() and (
        bool(_BODY_START.match(text, pos)) or _official_body(text, pos) is not None
    )


# the official who heads a body, named in its place: "Bộ trưởng Bộ Tài chính", "Chủ tịch Ủy ban nhân dân các
# tỉnh, thành phố", "Thủ trưởng các cơ quan, đơn vị", "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ"
# (titles in patterns/agencies.py; case kept: "KT. BỘ TRƯỞNG" over a signature is no body)
_TITLE_ALT = "|".join(re.escape(title).replace(r"\ ", r"[ \t\n]+") for title in OFFICIAL_TITLES)
_OFFICIAL = re.compile(
    r"(?:[Cc]ác[ \t\n]+(?:đồng[ \t\n]+chí[ \t\n]+)?|[Đđ]ồng[ \t\n]+chí[ \t\n]+)?"
    rf"(?P<title>{_TITLE_ALT})(?!\w)[ \t\n]*"
)
# kinds of body an official heads, printed in lower case: "Thủ trưởng cơ quan ngang bộ", "Người đứng đầu cơ
# quan, tổ chức", "Thủ trưởng đơn vị"
_KIND_OF_BODY = re.compile(r"(?:cơ[ \t\n]+quan|đơn[ \t\n]+vị|tổ[ \t\n]+chức)(?!\w)")
_BARE_TITLE = {title: body for title, body in BARE_TITLE_BODIES}
_BARE_TITLE_END = re.compile(r"[ \t\n]*(?:[,;]|và(?!\w)|$)")
_BARE = -1


def _official_body(text: str, pos: int) -> int | None:
    """Where the body an official at ``pos`` heads is named (``_BARE`` for "Bộ trưởng" with no body's
    name: the ministries); None when no official's title opens ``text`` at ``pos``."""
    official = _OFFICIAL.match(text, pos)
    if official is None:
        return None
    at = official.end()
    if _GROUP_START.match(text, at) or _KIND_OF_BODY.match(text, at):
        return at
    if text[at : at + 1].isupper() and (_BODY_START.match(text, at) or _KIND_LIST_START.match(text, at)):
        return at
    title = clean(official.group("title"))
    if title in _BARE_TITLE and _BARE_TITLE_END.match(text, at):
        return _BARE
    return None


def names_an_official(printed: str) -> bool:
    """True when ``printed`` names the official who heads a body, not the body ("Bộ trưởng Bộ Tài chính")."""
    return _official_body(_capitalised(printed), 0) is not None


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def _without_official(name: str) -> str:
    """The body's part of a name an official opens: "Bộ trưởng Bộ Tài chính" → "Bộ Tài chính" (and after an
    assigning verb in lower case: "Giao thủ trưởng các đơn vị thuộc Cục Thuế", corpus/real 9e9ed41212fc9334)."""
    name = _capitalised(name) if _OFFICIAL.match(_capitalised(name)) else name
    at = _official_body(name, 0)
    if at is None:
        return name
    if at == _BARE:
        official = _OFFICIAL.match(name)
        assert official is not None  # _official_body found it
        return _BARE_TITLE[clean(official.group("title"))]
    return name[at:]


def normalise_agency_name(printed: str) -> str:
    """Canonical name: abbreviations expanded, canonical case, ``Uỷ`` → ``Ủy``, trailing punctuation stripped.

    ``"Sở Công thương"`` → ``"Sở Công Thương"``; ``"BCH Quân sự tỉnh"`` → ``"Bộ Chỉ huy Quân sự tỉnh"``;
    ``"Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi"`` →
    ``"Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"``.
    """
    name = _without_official(clean(printed))
    name = _PAREN.sub("", name)
    name = _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(1)], name)
    for pattern, long in _ABBREV_PATTERNS:
        name = pattern.sub(long, name)
    name = _DASH.sub(" - ", name)
    name = name.strip(_STRIP)
    if name.startswith("và "):
        name = name[3:]
    canonical = _CANONICAL.get(name.casefold())
    if canonical:
        return canonical
    for pattern, fixed in _CASE_PATTERNS:
        name = pattern.sub(fixed, name)
    return name[:1].upper() + name[1:]


def is_group_name(name: str) -> bool:
    """True for sets of bodies: "Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"."""
    folded = name.casefold()
    return (
        folded.startswith(GROUP_MARKERS)
        or folded.endswith(GROUP_SUFFIXES)
        or bool(_KIND_LIST_START.match(name))
    )


_AGENCY_LINE_MAX = 160
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[^\W\d_]")


def is_agency_like(line: str) -> bool:
    """True when a table line lists bodies, not task text.

    ``"Sở Kế hoạch và Đầu tư"``, ``"Các sở, ban, ngành; UBND các huyện, thị xã, thành phố."``,
    ``"Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Quảng Ngãi."`` are; ``"Phối hợp với Bộ Tài nguyên
    và Môi trường để triển khai …"`` and any line with two sentences are not.
    """
    text = clean(line).rstrip(".;, ")
    if not text or len(text) > _AGENCY_LINE_MAX or _has_two_sentences(text):
        return False
    # after the first body a group may be in lower case: "Bộ Công an, Bộ Tài chính và các bộ, ngành,
    # địa phương khác có liên quan" (dev h08 Phụ lục II)
    return all(
        starts_with_agency(text[start:end]) or (i > 0 and bool(_GROUP_START.match(text, start)))
        for i, (start, end) in enumerate(_body_bounds(text))
    )


def _has_two_sentences(text: str) -> bool:
    # "…, thị xã. thành phố." is a typo inside a list; a sentence starts with a capital
    return any(m.group(0)[-1].isupper() for m in _SENTENCE_BREAK.finditer(text))


def starts_with_agency(text: str) -> bool:
    """True when ``text`` opens with a body's name or a group of bodies (capitalised)."""
    text = text.lstrip()
    return text[:1].isupper() and (_opens_body(text, 0) or bool(_KIND_LIST_START.match(text)))
