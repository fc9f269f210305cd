"""A document's own identity: type, number, date, issuer, title, signer, recipients.

Read from the header, title, signature and recipients blocks the segmenter marks;
when a block is missing (PDF text often loses the header: seeds 000, 001, 002),
the first ``HEAD_LINES`` lines and the last ``TAIL_LINES`` lines of the main text
are scanned instead, and what the header would have said is inferred from the
text: the signing authority ("TM. ỦY BAN NHÂN DÂN"), the sentence by which the
issuer names itself ("Ủy ban nhân dân tỉnh Quảng Nam xây dựng Kế hoạch …"), an
appendix note ("(Kèm theo Kế hoạch số #sovb /KH-UBND ngày #nbh /11/2023 của UBND
tỉnh)") and, last, the province the text names most.  Inferred fields are listed
in ``DocumentMeta.inferred``; every field found has its span in ``evidence``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..model import DocRef, DocumentMeta, SegmentedDocument, Span
from ..naming import plain
from ..normalise import clean
from ..patterns.citations import ISSUER_TERM_SUFFIX
from ..patterns.documents import (
    CENTRAL,
    DOC_TYPE_BY_CODE,
    DOC_TYPES,
    ISSUER_BY_CODE,
    ISSUER_NAMES,
    LEGISLATURE_ISSUERS,
    PARTY_ISSUERS,
    PROVINCE_ALIASES,
    PROVINCES,
    SYMBOL_TYPE_CODES,
    DocType,
    Province,
    province_by_name,
)
from ..patterns.metadata import (
    APPENDIX_HEADING,
    ATTACHED_NOTE_LEAD,
    AUTHORITY_ISSUERS,
    CAPACITY_CUT,
    CAPACITY_PREFIX,
    CAPACITY_TITLES,
    CITY_ISOS,
    COLUMN_GAP,
    DATE_LINE,
    DRAFT,
    ENACTING_OFFICE,
    HEAD_LINES,
    HEADER_CELL_OPEN,
    HEADER_ISSUERS,
    HEADER_UNIT,
    LOCAL_ISSUER_NAMES,
    MAX_TITLE_LINES,
    MILITARY_RANKS,
    MOTTO_PREFIX,
    MOTTOS,
    NOTE_DATE,
    NUMBER_AFTER_RULE,
    NUMBER_LINE,
    NUMBER_REF,
    OPENER_VERBS,
    OPENER_WINDOW,
    PASSED_ON,
    PLACE_BEFORE,
    PLACE_MAX_CHARS,
    PLACE_SMALL_WORDS,
    RECIPIENT_ITEM,
    RECIPIENT_TRAILING,
    RECIPIENTS_HEAD,
    RULE_BEFORE_NUMBER,
    SEPARATOR,
    SIGNATURE_MARKS,
    SIGNATURE_OPENER,
    SIGNING_AUTHORITY,
    SUBJECT_AFTER_NUMBER,
    SUBJECT_LINE,
    SYMBOL_OPEN_DASH,
    SYMBOL_WRAPPED_CODES,
    TAIL_LINES,
    TITLE_STOP,
    UNIT_OF_ITS_FIELD,
)
from ..patterns.structure import ADDRESSEES_LINE

__all__ = ["extract_metadata", "parse_symbol_tail"]


# ------------------------------------------------------------------ lines


@dataclass(frozen=True)
class _Line:
    """One line (or one column cell of a line) of the body, with its offset."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return " ".join(self.text.split())

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def span(self) -> Span:
        lead = len(self.text) - len(self.text.lstrip())
        return Span(self.start + lead, self.start + len(self.text.rstrip()))


def _lines(body: str, start: int = 0, end: int | None = None) -> list[_Line]:
    end = len(body) if end is None else end
    out, pos = [], start
    for text in body[start:end].split("\n"):
        out.append(_Line(text, pos))
        pos += len(text) + 1
    return out


def _lines_while(body: str, end: int, keep: Callable[[int, _Line], bool]) -> list[_Line]:
    """The first lines of ``body[:end]`` (as ``_lines`` gives them) while ``keep(index, line)``
    holds: the head of a long document without splitting all of it."""
    out: list[_Line] = []
    pos = 0
    while True:
        newline = body.find("\n", pos, end)
        line = _Line(body[pos : end if newline < 0 else newline], pos)
        if not keep(len(out), line):
            return out
        out.append(line)
        if newline < 0:
            return out
        pos = newline + 1


def _last_lines_start(body: str, end: int, count: int) -> int:
    """Where the last ``count`` lines of ``body[:end]`` start."""
    cut = end
    for _ in range(count):
        cut = body.rfind("\n", 0, cut)
        if cut < 0:
            return 0
    return cut + 1


# COLUMN_GAP where the line has no "|": a search skips from one white space to the next
_SPACE_RUN = re.compile(r"\s{3,}")


def _cells(line: _Line) -> list[_Line]:
    """Split a line where two printed columns were flattened onto it (a run of 3+ spaces)."""
    cells, pos = [], 0
    for gap in (COLUMN_GAP if "|" in line.text else _SPACE_RUN).finditer(line.text):
        if line.text[pos : gap.start()].strip():
            cells.append(_Line(line.text[pos : gap.start()], line.start + pos))
        pos = gap.end()
    if line.text[pos:].strip():
        cells.append(_Line(line.text[pos:], line.start + pos))
    return cells


# --------------------------------------------------------------- collector


@dataclass
class _Facts:
    """What has been read so far, where, and which fields were inferred."""

    evidence: dict[str, Span] = field(default_factory=dict)
    inferred: list[str] = field(default_factory=list)

    def saw(self, name: str, span: Span, inferred: bool = False) -> None:
        self.evidence.setdefault(name, span)
        if inferred and name not in self.inferred:
            self.inferred.append(name)


# -------------------------------------------------------------- entry point


@dataclass
class _Identity:
    """The fields of the document's own DocRef, as read so far."""

    doc_type: DocType | None = None
    printed: _Number | None = None
    date: dt.date | None = None
    year: int | None = None
    place: str | None = None
    issuer_code: str | None = None
    province: Province | None = None
    # the issuing body printed beneath its superior ("SỞ CÔNG THƯƠNG"), as the text spells it
    unit: str | None = None


def extract_metadata(seg: SegmentedDocument) -> DocumentMeta:
    facts = _Facts()
    main_end = _main_end(seg)
    head = _head_lines(seg.body, seg, main_end)
    type_found = _type_line(head)
    header = _header_lines(seg.body, seg.header, head, type_found)
    title_lines = _title_lines(head, type_found) or _subject_lines(header)
    identity = _read_header([line for line in header if line not in title_lines], type_found, facts)
    if _consolidated(identity.printed):
        # "Số: 57/VBHN-BCT" under "THÔNG TƯ": the type line is the consolidated base document's
        identity.doc_type = DOC_TYPE_BY_CODE["VBHN"]
    identity.unit = _header_unit([line for line in header if line not in title_lines], seg.body, facts)
    if identity.unit == "Văn phòng" and identity.issuer_code:
        # "UBND TỈNH LÀO CAI" / "VĂN PHÒNG": whose office
        identity.unit = f"Văn phòng {_issuer_name(identity.issuer_code, identity.province)}"
    is_draft = _is_draft(header + title_lines, facts)
    title = _title(title_lines, facts)

    tail = _tail_lines(seg.body, seg.recipients, seg.signature, main_end)
    recipients, taken = _recipients(tail, facts)
    recipients = _addressees(head, facts) + recipients
    authority, capacity, signer = _signature(tail, taken, facts)
    _fill_from_text(identity, seg.body, authority, title_lines, facts, _letter_subject(header))
    return DocumentMeta(
        ref=_doc_ref(identity, title, facts),
        unnumbered=identity.printed is None or identity.printed.number is None,
        number_placeholder=identity.printed.placeholder if identity.printed else None,
        is_draft=is_draft,
        place=identity.place,
        signer=signer,
        signer_capacity=capacity,
        signing_authority=authority,
        recipients=recipients,
        inferred=facts.inferred,
        evidence=facts.evidence,
    )


def _read_header(header: list[_Line], type_found: tuple[_Line, DocType] | None, facts: _Facts) -> _Identity:
    identity = _Identity(doc_type=_doc_type(type_found, facts), printed=_header_number(header, facts))
    identity.date, identity.year, identity.place = _header_date(header, facts)
    identity.issuer_code, identity.province = _header_issuer(header, facts)
    return identity


def _fill_from_text(
    identity: _Identity,
    body: str,
    authority: str | None,
    title_lines: list[_Line],
    facts: _Facts,
    letter: Span | None = None,
) -> None:
    """What the header did not say, from an appendix note, the signature and the text."""
    note = _attached_note(body, identity.doc_type)
    if identity.printed is None and note and note.group("tail"):
        identity.printed = _note_number(note, facts)
    if (
        identity.doc_type is None
        and letter is not None
        and identity.printed
        and _letter_symbol(identity.printed)
    ):
        identity.doc_type = DOC_TYPE_BY_CODE["CV"]
        facts.saw("type", facts.evidence["number"], inferred=True)
    if identity.doc_type is None:
        identity.doc_type = _infer_type(identity.printed, note, body, facts)
    if identity.doc_type is None and letter is not None and identity.printed is None:
        # a letter whose number is left blank or handwritten on a scan still prints its "V/v …" subject: "V/v
        # triên khai thực hiện thủ tục câp" (OCR of a Bộ Công Thương letter, 2265/BCT-ATMT by hand), an internal
        # letter of a division with no "Số:" line (corpus/files vbhc-vn__cong-van-noi-bo-phong-…)
        identity.doc_type = DOC_TYPE_BY_CODE["CV"]
        facts.saw("type", letter, inferred=True)
    if identity.date is None and identity.year is None and note:
        identity.date, identity.year = _note_date(note, facts)
    if identity.date is None:
        _date_passed(identity, body, facts)
    if identity.date is None and identity.year is None and identity.printed and identity.printed.year:
        identity.year = identity.printed.year
        facts.saw("year", facts.evidence["number"])
    if identity.issuer_code is None:
        identity.issuer_code, identity.province = _infer_issuer(
            body, authority, identity.printed, note, identity.doc_type, title_lines, facts
        )
    if identity.province is None:
        identity.province = _infer_province(identity.issuer_code, body, facts)


def _date_passed(identity: _Identity, body: str, facts: _Facts) -> None:
    """A law or resolution of the legislature without a date line is dated by its closing formula
    ("Luật này được Quốc hội … thông qua ngày 30 tháng 11 năm 2024."): the last such sentence."""
    passed = None
    for passed in PASSED_ON.finditer(body):  # noqa: B007 (the last one is wanted)
        continue
    if passed is None:
        return
    date = _date(int(passed.group("year")), passed.group("month"), passed.group("day"))
    if date is not None and identity.year in (None, date.year):
        identity.date, identity.year = date, date.year
        facts.saw("date", Span(passed.start(), passed.end()))


def _doc_ref(identity: _Identity, title: str | None, facts: _Facts) -> DocRef:
    doc_type, printed, province = identity.doc_type, identity.printed, identity.province
    central = identity.issuer_code in ISSUER_BY_CODE and ISSUER_BY_CODE[identity.issuer_code].central
    return DocRef(
        type_code=doc_type.code if doc_type else None,
        type_label=doc_type.label_vi if doc_type else None,
        number=printed.number if printed else None,
        symbol=printed.symbol if printed else None,
        # the body's own code: its symbol's, not its superior's ("/GP-SCT" of a permit signed under "UBND TỈNH …")
        issuer_code=_symbol_issuer(printed, doc_type) if identity.unit else identity.issuer_code,
        issuer_name=identity.unit or _issuer_name(identity.issuer_code, province),
        date=identity.date,
        year=identity.date.year if identity.date else identity.year,
        jurisdiction=CENTRAL if central else (province.iso if province else None),
        jurisdiction_inferred="jurisdiction" in facts.inferred,
        title=title,
    )


# ------------------------------------------------------------------ zones


def _main_end(seg: SegmentedDocument) -> int:
    """Where the main text stops: the first appendix ("Phụ lục I", "PHỤ LỤC"), else the end."""
    if seg.appendices:
        return min(a.span.start for a in seg.appendices)
    heading = APPENDIX_HEADING.search(seg.body)
    return heading.start() if heading else len(seg.body)


def _head_lines(body: str, seg: SegmentedDocument, main_end: int) -> list[_Line]:
    """Lines from the top down to the end of the title block (or ``HEAD_LINES`` lines when the
    segmenter found no title): a header the segmenter missed above the title is still read."""
    # (lines start further down one after another: the first that is not kept ends the head)
    if seg.title is not None:
        title_end = seg.title.end
        return _lines_while(body, main_end, lambda i, line: line.start < title_end)
    end = seg.header.end if seg.header is not None else 0
    # a short letter's head ends at its recipients, as the segmenter's does: a type line after them opens
    # another document
    return _lines_while(
        body,
        main_end,
        lambda i, line: (i < HEAD_LINES or line.start < end) and not RECIPIENTS_HEAD.match(line.text),
    )


def _line_start(body: str, pos: int) -> int:
    return body.rfind("\n", 0, pos) + 1


def _header_lines(
    body: str, header: Span | None, head: list[_Line], type_found: tuple[_Line, DocType] | None
) -> list[_Line]:
    """The issuer/number/date block: the segmenter's header, else the lines above the type line."""
    if header is not None:
        return _lines(body, _line_start(body, header.start), header.end)
    if type_found is None:
        return _until_body(head)
    return [line for line in head if line.start < type_found[0].start]


_LETTER_BODY = re.compile(r"^\s*(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Theo\s+đề\s+nghị)\b")


def _until_body(head: list[_Line]) -> list[_Line]:
    """A letter has no type line: its header runs to the place and date, and never into "Kính gửi:"
    or the text ("… của Chính phủ" there is not the issuer)."""
    taken = []
    for i, line in enumerate(head):
        if _LETTER_BODY.match(line.text):
            break
        taken.append(line)
        if _date_line(line.text):
            return taken + _subject_under_date(head[i + 1 :])
    return taken


def _subject_under_date(rest: list[_Line]) -> list[_Line]:
    """A Word letter read cell by cell prints its subject after the date ("Lào Cai, ngày … tháng 01 năm 2026" /
    "V/v triển khai thực hiện các Nghị định …": files/ hc-sct-vn__Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx):
    the subject and the lines it wraps onto belong to the header."""
    lines = [line for line in rest if not line.blank]
    if not lines or not SUBJECT_LINE.match(lines[0].text):
        return []
    start = rest.index(lines[0])
    taken = []
    for line in rest[start : start + MAX_TITLE_LINES]:
        if line.blank or _LETTER_BODY.match(line.text):
            break
        taken.append(line)
    return taken


def _tail_lines(body: str, recipients: Span | None, signature: Span | None, main_end: int) -> list[_Line]:
    """Lines where "Nơi nhận:" and the signature are: the segmenter's blocks, widened to the
    last ``TAIL_LINES`` lines of the main text when it missed either block."""
    found = [s for s in (recipients, signature) if s is not None]
    if len(found) < 2:
        found.append(Span(_last_lines_start(body, main_end, TAIL_LINES), main_end))
    return _lines(body, _line_start(body, min(s.start for s in found)), max(s.end for s in found))


# -------------------------------------------------------------- type, title


_TYPE_NAMES = sorted(((name, t) for t in DOC_TYPES for name in t.names), key=lambda p: -len(p[0]))
_TYPE_BY_FOLDED_NAME: dict[str, DocType] = {}
_TYPE_BY_PLAIN_NAME: dict[str, DocType] = {}  # no two type names differ by their diacritics alone
for _name, _type in _TYPE_NAMES:  # the first of names folded alike, as a look-up in that order finds
    _TYPE_BY_FOLDED_NAME.setdefault(_name.casefold(), _type)
    _TYPE_BY_PLAIN_NAME.setdefault(plain(_name), _type)
# the types whose type line goes on with what kind it is ("BIÊN BẢN" + " KIỂM TRA", "THÔNG CÁO" + " ĐẶC BIỆT",
# "ĐIỀU LỆ" + " ĐẢNG CỘNG SẢN VIỆT NAM", "PHIẾU TRÌNH" + " GIẢI QUYẾT CÔNG VIỆC"); for the others such a line is a title ("QUY ĐỊNH CHI TIẾT …" under a
# decree's symbol, "NGHỊ ĐỊNH THƯ" a treaty's protocol)
_TYPES_WITH_THEIR_KIND = ("Biên bản", "Thông cáo", "Điều lệ", "Phiếu trình")
_TYPE_OPENING = re.compile(
    r"\s*((?i:"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _TYPES_WITH_THEIR_KIND)
    + r"))\s+(?=\w)"
)


def _type_by_name(text: str) -> DocType | None:
    """ "KẾ HOẠCH" → KH, "CHƯƠNG TRÌNH HÀNH ĐỘNG" → CTr, "NGHỊ QUYẾT" → NQ (case-insensitive, whole line).

    A line in capitals is also read without its diacritics: OCR of a scan takes the tone marks of
    capitals loosely ("QUYÉT ĐỊNH", "GIÁY PHÉP" in corpus/files' Cục Hóa chất and Lào Cai scans)."""
    name = " ".join(text.split())
    found = _TYPE_BY_FOLDED_NAME.get(name.casefold())
    if found is None and name.isupper():
        found = _TYPE_BY_PLAIN_NAME.get(plain(name))
    return found


def _type_line(head: list[_Line]) -> tuple[_Line, DocType] | None:
    for line in head:
        for cell in _cells(line) or [line]:
            doc_type = _type_by_name(cell.text)
            if doc_type:
                return cell, doc_type
    return _type_opening_a_line(head)


def _type_opening_a_line(head: list[_Line]) -> tuple[_Line, DocType] | None:
    """No line is a type name alone: a line in capitals that opens with one and goes on with what kind it
    is, "BIÊN BẢN KIỂM TRA", "THÔNG CÁO ĐẶC BIỆT", "ĐIỀU LỆ ĐẢNG CỘNG SẢN VIỆT NAM (… thông qua ngày …)"."""
    for line in head:
        for cell in _cells(line) or [line]:
            opening = _type_opening(cell.text)
            if opening:
                return cell, opening[0]
    return None


def _type_opening(text: str) -> tuple[DocType, int] | None:
    """The type a line in capitals opens with, and where its kind starts; read without diacritics too
    ("BIẾN BẢN KIỀM TRA", an OCR'd scan of corpus/files)."""
    opening = _TYPE_OPENING.match(text)
    if opening:
        name = opening.group(1)
        return (
            (_TYPE_BY_FOLDED_NAME[" ".join(name.split()).casefold()], opening.end())
            if name.isupper()
            else None
        )
    words = list(_WORD.finditer(text))
    for name in _TYPES_WITH_THEIR_KIND:
        size = len(name.split())
        printed = " ".join(w.group() for w in words[:size])
        if len(words) > size and printed.isupper() and plain(printed) == plain(name):
            return _TYPE_BY_PLAIN_NAME[plain(name)], words[size].start()
    return None


_WORD = re.compile(r"\S+")


def _kind_after_type(type_cell: _Line) -> _Line | None:
    """What a type line says after the type name ("BIÊN BẢN" + "LÀM VIỆC"): the start of the title."""
    if _type_by_name(type_cell.text):
        return None
    opening = _type_opening(type_cell.text)
    return _Line(type_cell.text[opening[1] :], type_cell.start + opening[1]) if opening else None


def _doc_type(type_found: tuple[_Line, DocType] | None, facts: _Facts) -> DocType | None:
    if type_found is None:
        return None
    facts.saw("type", type_found[0].span())
    return type_found[1]


_BODY_OPENER = re.compile(r"^\s*(?:Căn cứ|Thực hiện|Xét|Trên cơ sở|I\.|1\.)\s")


def _title_lines(head: list[_Line], type_found: tuple[_Line, DocType] | None) -> list[_Line]:
    """Subject lines under the type line.

    They end at a rule ("-----"), at two blank lines running (PDF text keeps one
    blank line between wrapped title lines: seed 000), at a line opening the body
    ("Thực hiện …", "Căn cứ …") after the first subject line, or, for a title
    printed in capitals (seed 004), at the first line that is not in capitals.
    """
    if type_found is None:
        return []
    after = [line for line in head if line.start > type_found[0].start]
    kind = _kind_after_type(type_found[0])
    taken: list[_Line] = [kind] if kind else []
    blanks = 0
    for i, line in enumerate(after):
        if kind and _BODY_OPENER.match(line.text):
            break  # "BIÊN BẢN LÀM VIỆC" / "Căn cứ Văn bản số 4135/UBND-KT …": the body, not more title
        if line.blank:
            blanks += 1
            if taken and blanks >= 2:
                break
            continue
        blanks = 0
        if SEPARATOR.match(line.text) or DRAFT.match(line.stripped):
            if taken:
                break
            continue
        if taken and (_ends_title(taken[0], line) or _enacting_office(line, after[i + 1 :])):
            break
        taken.append(line)
        if len(taken) > MAX_TITLE_LINES:
            return []
    return taken


def _subject_lines(header: list[_Line]) -> list[_Line]:
    """A letter's "V/v …" subject and the lines it wraps onto, up to a motto, date, rule or
    blank line ("V/v triển khai thực hiện Nghị quyết" / "số 111/NQ-CP của Chính phủ")."""
    start = next((i for i, line in enumerate(header) if SUBJECT_LINE.match(line.text)), None)
    if start is None:
        return _subject_after_number(header)
    taken = [header[start]]
    for line in header[start + 1 : start + MAX_TITLE_LINES]:
        text = line.stripped
        if (
            line.blank
            or SEPARATOR.match(text)
            or text.upper() in MOTTOS
            or _date_line(text)
            or NUMBER_LINE.match(text)
            or not text[:1].islower()
        ):
            break
        taken.append(line)
    return taken


def _subject_after_number(header: list[_Line]) -> list[_Line]:
    """ "Số: 11306/VPCP-NN V/v đề xuất giải pháp …": the subject from "V/v" to the line's end (or its cell's)."""
    for line in header:
        if not NUMBER_LINE.match(line.text):
            continue
        subject = SUBJECT_AFTER_NUMBER.search(line.text)
        if subject:
            end = line.text.find("|", subject.start())
            return [
                _Line(
                    line.text[subject.start() : end if end >= 0 else None].rstrip(),
                    line.start + subject.start(),
                )
            ]
    return []


def _ends_title(first: _Line, line: _Line) -> bool:
    if _BODY_OPENER.match(line.text) or _is_upper(first.text) != _is_upper(line.text):
        return True
    return bool(TITLE_STOP.search(line.stripped))


def _enacting_office(line: _Line, rest: list[_Line]) -> bool:
    """ "BỘ TRƯỞNG BỘ TƯ PHÁP" right above "Căn cứ …": the office enacting, not the title's last line."""
    following = next((other for other in rest if not other.blank), None)
    return bool(
        ENACTING_OFFICE.match(line.stripped) and (following is None or _BODY_OPENER.match(following.text))
    )


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title(lines: list[_Line], facts: _Facts) -> str | None:
    if not lines:
        return None
    facts.saw("title", Span(lines[0].span().start, lines[-1].span().end))
    return clean(" ".join(line.text for line in lines))


# ------------------------------------------------------------ header block


def parse_symbol_tail(tail: str) -> tuple[str | None, str | None]:
    """Type and issuer codes of a symbol's tail after the number.

    Party form ``-NQ/TU`` → (NQ, TU); state form ``/KH-UBND`` → (KH, UBND),
    ``/QĐ-TTg`` → (QĐ, TTg); a Party ``-QĐ/TU`` is a Quy định (QĐi); a tail
    without a type code is a letter: ``/SKHĐT-KTN`` → (CV, SKHĐT).
    """
    tail = re.sub(r"\s+", "", tail)
    if tail.startswith("-"):
        type_part, _, issuer = tail[1:].partition("/")
    else:
        type_part, _, issuer = tail[1:].partition("-")
        if _without_term(type_part) in LEGISLATURE_ISSUERS:
            return None, _without_term(
                type_part
            )  # "80/2025/QH15": a law or resolution, its type printed apart
        if type_part.upper() not in SYMBOL_TYPE_CODES:
            return "CV", type_part or None
    code = SYMBOL_TYPE_CODES.get(type_part.upper())
    if code == "QĐ" and issuer.upper() in PARTY_ISSUERS:
        code = "QĐi"
    return code, _without_term(issuer) or None


def _without_term(issuer: str) -> str:
    """ "UBTVQH15" → "UBTVQH": the legislature's term is not part of who issued it."""
    bare = ISSUER_TERM_SUFFIX.sub("", issuer)
    return bare if bare in ISSUER_BY_CODE else issuer


@dataclass(frozen=True)
class _Number:
    """A document's own number as printed: a real one, or a placeholder with its symbol tail."""

    number: str | None  # "214"; None for a placeholder or a blank
    tail: str  # "/KH-UBND", "-NQ/TU"
    placeholder: str | None  # "Số -NQ/TU", "#sovb /KH-UBND"; None when a number is printed
    year: int | None = None  # "15/2024/QĐ-UBND" → 2024

    @property
    def symbol(self) -> str | None:
        if self.number is None:
            return None
        return f"{self.number}/{self.year}{self.tail}" if self.year else f"{self.number}{self.tail}"


def _number_of(m: re.Match[str], placeholder: str) -> _Number:
    tail = re.sub(r"\s+", "", m.group("tail"))
    year = int(m.group("symbol_year")) if m.group("symbol_year") else None
    if m.group("number"):
        return _Number(m.group("number"), tail, None, year)
    return _Number(None, tail, " ".join(placeholder.split()))


def _header_number(header: list[_Line], facts: _Facts) -> _Number | None:
    """ "Số: 214/KH-UBND" → 214, "/KH-UBND"; "Số         -NQ/TU" → placeholder "Số -NQ/TU";
    "Số: #sovb /KH-UBND" → placeholder "Số: #sovb /KH-UBND"."""
    for line in _with_wrapped_cells(header):
        m = NUMBER_LINE.match(line.text) or _number_after_rule(line.text)
        if m:
            number, end = _number_of(m, m.group(0)), line.start + m.end("tail")
            wrapped = _wrapped_codes(header, line, m)
            if wrapped:
                number = replace(number, tail=f"{number.tail}-{wrapped.stripped}")
                end = wrapped.span().end
            facts.saw("number", Span(line.start + m.start("label"), end))
            return number
    return None


def _wrapped_codes(header: list[_Line], line: _Line, m: re.Match[str]) -> _Line | None:
    """The codes of a symbol that wrapped after a dash onto the head of the next line (SYMBOL_OPEN_DASH)."""
    if "\n" in line.text or not SYMBOL_OPEN_DASH.match(line.text, m.end("tail")):
        return None
    nxt = next((h for h in header if h.start == line.end + 1), None)
    if nxt is None:
        return None
    cells = _cells(nxt)  # the codes open the line: a cell indented past a column gap is the other column's
    if not cells or cells[0].start != nxt.start or not SYMBOL_WRAPPED_CODES.match(cells[0].text):
        return None
    return cells[0]


def _number_after_rule(text: str) -> re.Match[str] | None:
    rule = RULE_BEFORE_NUMBER.search(text)
    return NUMBER_AFTER_RULE.match(text, rule.end()) if rule else None


def _with_wrapped_cells(header: list[_Line]) -> list[_Line]:
    """The header lines, then each line that leaves a cell open ("Số:", "Hà Nội,") joined with the
    next non-blank line: web copies print "Số:" / "344/QĐ-TTg" and "Hà Nội," / "ngày 15 tháng 3 năm 2022"."""
    joined = []
    for i, line in enumerate(header):
        if not HEADER_CELL_OPEN.search(line.text.rstrip()):
            continue
        nxt = next((j for j in range(i + 1, len(header)) if not header[j].blank), None)
        if nxt is None or any(header[k + 1].start != header[k].end + 1 for k in range(i, nxt)):
            continue  # only lines that follow each other in the body
        joined.append(_Line("\n".join(h.text for h in header[i : nxt + 1]), line.start))
    return header + joined


def _header_date(header: list[_Line], facts: _Facts) -> tuple[dt.date | None, int | None, str | None]:
    """(date, year, place) from "Quảng Ngãi, ngày 06 tháng 11 năm 2024"; a blank day keeps the year."""
    for line in _with_wrapped_cells(header):
        found = _date_line(line.text)
        if not found:
            continue
        m, place, place_at = found
        facts.saw("place", Span(line.start + place_at, line.start + place_at + len(place)))
        facts.saw("date", Span(line.start + place_at, line.start + m.end()))
        year = int(m.group("year"))
        return _date(year, m.group("month"), m.group("day")), year, place
    return None, None, None


def _date_line(text: str) -> tuple[re.Match[str], str, int] | None:
    """The first "ngày … tháng … năm …" of ``text`` that a place name stands before, with the
    place and where it starts: a place and date line, never "Căn cứ Luật … ngày 19 tháng 6 năm 2015"."""
    for m in DATE_LINE.finditer(text):
        head_at = max(0, m.start() - PLACE_MAX_CHARS)
        head = text[head_at : m.start()].rstrip()
        head = head[:-1] if head.endswith(",") else head
        cut = PLACE_BEFORE.search(head)  # after the last comma, digit or "|"
        if cut is None:
            continue
        place = _place(cut.group(0))
        if place is not None:
            return m, place, head_at + cut.start() + cut.group(0).rfind(place)
    return None


def _place(printed: str) -> str | None:
    """The last column of the text before ", ngày", a motto glued before it cut off: a place name
    of capitalised words ("Quảng Ngãi", "Thành phố Huế"), or None."""
    chunk = COLUMN_GAP.split(printed.strip())[-1].strip()
    chunk = MOTTO_PREFIX.sub("", chunk)
    words = chunk.split()
    if (
        not 1 <= len(words) <= 5
        or not words[0][0].isupper()
        or not all(w[0].isupper() or w in PLACE_SMALL_WORDS for w in words)
    ):
        return None
    return chunk


def _date(year: int, month: str | None, day: str | None) -> dt.date | None:
    if not (month and day):
        return None
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


def _is_draft(lines: list[_Line], facts: _Facts) -> bool:
    for line in lines:
        for cell in _cells(line):
            if DRAFT.match(cell.stripped):
                facts.saw("draft", cell.span())
                return True
    return False


@dataclass
class _Joined:
    """Header cells joined with spaces, mapping positions back to body offsets."""

    text: str
    starts: list[tuple[int, int]]  # (position in text, body offset) per cell

    def to_body(self, pos: int) -> int:
        base = max((p, off) for p, off in self.starts if p <= pos)
        return base[1] + pos - base[0]


def _issuer_cell_list(header: list[_Line]) -> list[_Line]:
    """Cells of the header that can name the issuer: not a motto, rule, number, date or draft mark."""
    cells = []
    for line in header:
        if NUMBER_LINE.match(line.text) or _date_line(line.text):
            continue
        for cell in _cells(line):
            printed = cell.stripped
            if printed.upper() in MOTTOS or SEPARATOR.match(printed) or DRAFT.match(printed):
                continue
            cells.append(cell)
    return cells


def _issuer_cells(header: list[_Line]) -> _Joined:
    """The issuer cells joined with a space, each cell's place in the body kept."""
    text, starts = "", []
    for cell in _issuer_cell_list(header):
        if text:
            text += " "
        starts.append((len(text), cell.span().start))
        text += cell.stripped
    return _Joined(text, starts)


def _header_unit(header: list[_Line], body: str, facts: _Facts) -> str | None:
    """The issuing body when the header prints it beneath its superior, as Nghị định 30/2020/NĐ-CP sets the
    header out: "UBND TỈNH LÀO CAI" / "SỞ CÔNG THƯƠNG" is issued by Sở Công Thương, "BỘ TÀI CHÍNH CỤC THUẾ" by
    Cục Thuế; a body the issuer table does not hold printed alone ("KIỂM TOÁN NHÀ NƯỚC") is the issuer too.
    The last such body of the header wins (the lowest in the hierarchy); None when the superior stands alone."""
    name, cells = "", []
    for cell in _issuer_cell_list(header):
        printed = cell.stripped
        if printed != printed.upper():
            continue  # a subject line or a form's guidance, not a name in the header's capitals
        unit = HEADER_UNIT.match(printed, _superior_end(printed))
        if unit:
            name, cells = printed[unit.start() :], [cell]
            below = UNIT_OF_ITS_FIELD.match(name)
            if below:  # "CỤC THUẾ THUẾ TỈNH TÂY NINH": the province's tax office, beneath the department
                name = name[below.end() :]
        elif cells and _NAME_GOES_ON.search(name):
            # the name wraps: "CỤC ĐỔI MỚI SÁNG TẠO," / "CHUYỂN ĐỔI XANH VÀ" / "KHUYẾN CÔNG"
            name, cells = f"{name} {printed}", [*cells, cell]
    if not cells:
        return None
    facts.saw("issuer", Span(cells[0].span().start, cells[-1].span().end))
    return _as_spelt(name, body)


# a header line that ends inside a name: the name wraps onto the next line
_NAME_GOES_ON = re.compile(r"(?:,|\bVÀ|-)$")


def _superior_end(printed: str) -> int:
    """Where the superior's name that opens a header cell ends ("BỘ TÀI CHÍNH CỤC THUẾ" → after "CHÍNH"), past
    the space after it; 0 when the cell opens with no issuer of the table."""
    for pattern, _ in HEADER_ISSUERS:
        m = pattern.match(printed)
        found = _issuer_end(m) if m else None
        if found is not None:
            end = found[1]
            return end + 1 if printed[end : end + 1] == " " else end
    return 0


def _issuer_end(m: re.Match[str]) -> tuple[Province | None, int] | None:
    """The province and the end of a HEADER_ISSUERS match: a provincial body's name ends with its province
    ("UBND TỈNH LÀO CAI" + " SỞ …"); None when what follows its unit opens no province."""
    if "rest" not in m.re.groupindex:
        return None, m.end()
    province, length = _province_prefix(m.group("rest"))
    return None if province is None else (province, m.start("rest") + length)


def _as_spelt(name: str, body: str) -> str:
    """A name printed in the header's capitals as the text spells it elsewhere ("SỞ CÔNG THƯƠNG" → "Sở Công
    Thương"), else with a capital first letter and the province's name as it is spelt."""
    name = name.rstrip(" ,;:.-")
    words = r"\s+".join(re.escape(w) for w in name.split())
    for m in re.finditer(rf"(?<!\w){words}(?!\w)", body, re.IGNORECASE):
        if m.group(0)[0].isupper() and m.group(0) != m.group(0).upper():
            return " ".join(m.group(0).split())
    if found := _spelt_without_diacritics(name, body):
        return found
    spelt = " ".join(w if _KEPT_CAPITALS.search(w) else w.lower() for w in name.split())
    spelt = spelt[:1].upper() + spelt[1:]
    for spelling, _ in _PROVINCE_SPELLINGS:
        spelt = re.sub(rf"(?<!\w){re.escape(spelling)}(?!\w)", spelling, spelt, flags=re.IGNORECASE)
    return spelt


def _spelt_without_diacritics(name: str, body: str) -> str | None:
    """The text's spelling of a name whose capitals OCR misread ("CỤC HÓA CHÁT" over "Cục Hóa chất có ý kiến
    như sau", a scanned letter of corpus/files): the first mixed-case match of its letters without diacritics."""
    plain_body = body.translate(_PLAIN_LETTERS)
    if len(plain_body) != len(body):
        return None
    words = r"\s+".join(re.escape(w) for w in name.translate(_PLAIN_LETTERS).split())
    for m in re.finditer(rf"(?<!\w){words}(?!\w)", plain_body):
        printed = body[m.start() : m.end()]
        if printed[0].isupper() and printed != printed.upper():
            return " ".join(printed.split())
    return None


# each letter to its base letter in lower case, one character for one, so that offsets stay
_PLAIN_LETTERS = {
    code: base
    for code in range(0x41, 0x1F00)
    if (base := unicodedata.normalize("NFD", chr(code))[0].lower().replace("đ", "d")) != chr(code)
    and len(base) == 1
}


# words a name keeps in capitals: abbreviations ("PHÒNG QLCN": no vowel) and symbols ("2872/QĐ-SCT")
_KEPT_CAPITALS = re.compile(
    r"[\d/]|^[^AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]+$"
)


def _symbol_issuer(printed: _Number | None, doc_type: DocType | None) -> str | None:
    """The issuer code of the printed symbol: "/KH-SCT" → SCT; a letter's is number/ISSUER-UNIT ("5348/CT-CS":
    Cục Thuế's policy unit, see `_letter_symbol`)."""
    if printed is None or not printed.tail:
        return None
    code, issuer = parse_symbol_tail(printed.tail)
    if doc_type is not None and doc_type.code == "CV" and code not in (None, "CV"):
        return code
    return issuer


def _header_issuer(header: list[_Line], facts: _Facts) -> tuple[str | None, Province | None]:
    """ "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI" → (UBND, Quảng Ngãi); "TỈNH ỦY QUẢNG NAM" → (TU, Quảng Nam);
    "CHÍNH PHỦ" → (CP, None)."""
    joined = _issuer_cells(header)
    upper = joined.text.upper()
    for pattern, code in HEADER_ISSUERS:
        m = pattern.search(upper)
        found = _issuer_end(m) if m else None
        if m is None or found is None:
            continue
        province, end = found
        span = Span(joined.to_body(m.start()), joined.to_body(end))
        facts.saw("issuer", span)
        facts.saw("jurisdiction", span)
        return code, province
    return None, None


_PROVINCE_SPELLINGS = sorted(
    [(p.name, p) for p in PROVINCES]
    + [(alias, province_by_name(name)) for alias, name in PROVINCE_ALIASES.items()],
    key=lambda pair: -len(pair[0]),
)


def _province_prefix(text: str) -> tuple[Province | None, int]:
    """The province whose name opens ``text`` (any case), and the name's length."""
    folded = text.casefold()
    for spelling, province in _PROVINCE_SPELLINGS:
        name = spelling.casefold()
        if folded.startswith(name) and not folded[len(name) : len(name) + 1].isalpha():
            return province, len(name)
    return None, 0


# -------------------------------------------------------- tail: recipients


def _addressees(head: list[_Line], facts: _Facts) -> list[str]:
    """Whom a letter is sent to, "Kính gửi: Sở Tài chính." or a dashed list under "Kính gửi:";
    "Nơi nhận: - Như trên;" refers back to them."""
    at = next((i for i, line in enumerate(head) if ADDRESSEES_LINE.match(line.text)), None)
    if at is None:
        return []
    addressees = ADDRESSEES_LINE.match(head[at].text)
    assert addressees is not None  # the line was found by this pattern
    inline = RECIPIENT_TRAILING.sub("", addressees.group("inline").strip())
    names, end = ([inline] if inline else []), head[at].end
    for line in head[at + 1 :]:
        item = RECIPIENT_ITEM.match(line.stripped)
        if line.blank or not item:
            break
        names.append(RECIPIENT_TRAILING.sub("", item.group("text")))
        end = line.end
    if names:
        facts.saw("addressees", Span(head[at].start, end))
    return [clean(n) for n in names if n]


def _recipients(tail: list[_Line], facts: _Facts) -> tuple[list[str], set[int]]:
    """Items of "Nơi nhận:", cleaned, and the offsets of the cells they took.

    "- Vụ Địa phương các cơ quan  / xây dựng Đảng Trung ương (b/c), "
    → "Vụ Địa phương các cơ quan xây dựng Đảng Trung ương (b/c)".
    An item starts with a dash ("-  - Văn phòng …" counts once); a line starting
    in lower case continues the item above; anything else (the signature, a
    name, an appendix) ends the list.  Only a line's first cell is read: a
    signature printed beside the list is the second column.
    """
    head_at = _recipients_head(tail)
    if head_at is None:
        return [], set()
    head = _first_cell(tail[head_at])
    if head is None:
        return [], set()
    items: list[list[_Line]] = []
    for line in tail[head_at + 1 :]:
        cell = _first_cell(line)
        if cell is None:
            continue
        if RECIPIENT_ITEM.match(cell.stripped):
            items.append([cell])
        elif items and cell.stripped[0].islower():
            items[-1].append(cell)
        else:
            break
    if items:
        facts.saw("recipients", Span(head.span().start, items[-1][-1].span().end))
    taken = {head.start} | {cell.start for parts in items for cell in parts}
    return [_recipient_text(parts) for parts in items], taken


def _recipients_head(tail: list[_Line]) -> int | None:
    for i, line in enumerate(tail):
        if RECIPIENTS_HEAD.match(line.text):
            return i
    return None


def _first_cell(line: _Line) -> _Line | None:
    cells = _cells(line)
    return cells[0] if cells else None


def _recipient_text(parts: list[_Line]) -> str:
    item = RECIPIENT_ITEM.match(parts[0].stripped)
    assert item is not None  # items start on a line this pattern matched
    first = item.group("text")
    text = clean(" ".join([first] + [p.text for p in parts[1:]]))
    return RECIPIENT_TRAILING.sub("", text)


# --------------------------------------------------------- tail: signature


def _signature(
    tail: list[_Line], taken: set[int], facts: _Facts
) -> tuple[str | None, str | None, str | None]:
    """(signing authority, capacity, signer) from the signature block.

    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / [daky] / Hồ Quang Bửu"
    → ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Hồ Quang Bửu");
    "T/M TỈNH ỦY / BÍ THƯ" → ("T/M TỈNH ỦY", "BÍ THƯ", None).
    """
    cells = [
        part
        for line in tail
        for cell in _cells(line)
        if cell.start not in taken
        for part in _signed_line(cell)
    ]
    start = _signature_start(cells)
    if start is None:
        return None, None, None
    authority = None
    if SIGNING_AUTHORITY.match(cells[start].stripped):
        authority = cells[start].stripped
        facts.saw("signing_authority", cells[start].span())
        start += 1
    capacity_cells = _capacity_cells(cells[start:])
    capacity = " / ".join(c.stripped for c in capacity_cells) or None
    if capacity_cells:
        facts.saw("signer_capacity", Span(capacity_cells[0].span().start, capacity_cells[-1].span().end))
    signer = _signer(cells[start + len(capacity_cells) :], facts)
    return authority, capacity, signer


def _signed_line(cell: _Line) -> list[_Line]:
    """A signature block a web page printed on one line, cut into the lines it was: "TM. ỦY BAN NHÂN DÂN KT.
    CHỦ TỊCH PHÓ CHỦ TỊCH Trần Báu Hà" → "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Trần Báu Hà" (corpus/real:
    ~280 documents end so, with no signer read before).  The capitals must open as a signature does (an authority,
    a KT./TL. capacity, a title that signs alone) and the name follows them, after a military rank if one is printed
    ("… THỨ TRƯỞNG Thượng tướng Võ Minh Lương").  Any other cell is returned whole."""
    words = list(re.finditer(r"\S+", cell.text))
    name_at = len(words)
    while name_at > 0 and _is_name_word(words[name_at - 1].group()):
        name_at -= 1
    capitals_end = name_at
    if (
        capitals_end >= 2
        and f"{words[capitals_end - 2].group()} {words[capitals_end - 1].group()}" in MILITARY_RANKS
    ):
        capitals_end -= 2
    capitals = cell.text[: words[capitals_end - 1].end()] if capitals_end else ""
    if not 2 <= len(words) - name_at <= 5 or not _is_upper(capitals) or not _opens_signature(capitals):
        return [cell]
    parts = [_Line(cell.text[start:end], cell.start + start) for start, end in _capacity_bounds(capitals)]
    return [*parts, _Line(cell.text[words[name_at].start() :], cell.start + words[name_at].start())]


CAPACITY_TITLES_LONGEST = sorted(CAPACITY_TITLES, key=len, reverse=True)


def _is_name_word(word: str) -> bool:
    return (
        word[:1].isupper()
        and any(c.islower() for c in word)
        and word[1:] == word[1:].lower()
        and word.isalpha()
    )


def _opens_signature(capitals: str) -> bool:
    text = " ".join(capitals.split())
    return bool(
        SIGNATURE_OPENER.match(text)
        or any(text == title or text.startswith(title + " ") for title in CAPACITY_TITLES)
    )


def _capacity_bounds(capitals: str) -> list[tuple[int, int]]:
    """Where each line of the capitals began: before every "KT." / "TL." / "TUQ." / "Q." after the first word."""
    cuts = [0] + [m.start() for m in CAPACITY_CUT.finditer(capitals) if m.start() > 0] + [len(capitals)]
    if SIGNING_AUTHORITY.match(capitals[: cuts[1]].strip()):
        # "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH": the title that signs for the body closes its line
        authority = capitals[: cuts[1]].rstrip()
        title = next((t for t in CAPACITY_TITLES_LONGEST if authority.endswith(" " + t)), None)
        if title:
            cuts.insert(1, len(authority) - len(title))
    return [(a, b) for a, b in pairwise(cuts) if capitals[a:b].strip()]


def _signature_start(cells: list[_Line]) -> int | None:
    """The authority line ("TM. …"), else the first capacity line ("KT. CHỦ TỊCH", "BÍ THƯ")."""
    for i, cell in enumerate(cells):
        if SIGNING_AUTHORITY.match(cell.stripped):
            return i
    for i, cell in enumerate(cells):
        if _is_capacity(cell.stripped):
            return i
    return None


def _is_capacity(text: str) -> bool:
    return bool(CAPACITY_PREFIX.match(text)) or text in CAPACITY_TITLES


def _capacity_cells(cells: list[_Line]) -> list[_Line]:
    """ "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH": the capital lines under the authority."""
    taken: list[_Line] = []
    for cell in cells:
        if not (_is_capacity(cell.stripped) or (taken and _is_upper(cell.text) and _looks_like_title(cell))):
            break
        taken.append(cell)
    return taken


def _looks_like_title(cell: _Line) -> bool:
    return len(cell.stripped.split()) <= 6 and not SEPARATOR.match(cell.text)


_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")


def _signer(cells: list[_Line], facts: _Facts) -> str | None:
    """The signer's name: the first line after the capacity, past "[daky]" / "(Đã ký)", of 2–5 capitalised words."""
    for cell in cells:
        printed = cell.stripped
        if SIGNATURE_MARKS.match(printed):
            continue
        words = printed.split()
        if 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words):
            facts.saw("signer", cell.span())
            return printed
        return None
    return None


# ----------------------------------------------------------- appendix note


_TYPE_ALTERNATION = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name, _ in _TYPE_NAMES)
_ISSUER_ALTERNATION = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name, _ in sorted(ISSUER_NAMES, key=lambda p: -len(p[0]))
)
_PROVINCE_ALTERNATION = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name, _ in _PROVINCE_SPELLINGS)

_ATTACHED_NOTE = re.compile(
    ATTACHED_NOTE_LEAD + rf"(?P<type>{_TYPE_ALTERNATION})\s+(?:số\s*)?(?:{NUMBER_REF.pattern})?\s*,?\s*"
    rf"ngày\s+(?P<date>{NOTE_DATE.pattern})"
    rf"(?:\s+của\s+(?P<issuer>{_ISSUER_ALTERNATION})(?:\s+(?P<province>{_PROVINCE_ALTERNATION}))?)?"
)


def _attached_note(body: str, doc_type: DocType | None) -> re.Match[str] | None:
    """The first "(Kèm theo Kế hoạch số … ngày … của …)" naming a document of this type."""
    for m in _ATTACHED_NOTE.finditer(body):
        if doc_type is None or _type_by_name(m.group("type")) is doc_type:
            return m
    return None


def _note_number(note: re.Match[str], facts: _Facts) -> _Number:
    """The number an appendix note gives its document: "(Kèm theo Kế hoạch số #sovb /KH-UBND …)"
    → placeholder "#sovb /KH-UBND"; "(Kèm theo Kế hoạch số 214/KH-UBND …)" → 214, inferred."""
    start = next(note.start(g) for g in ("number", "placeholder", "tail") if note.group(g))
    facts.saw("number", Span(start, note.end("tail")), inferred=bool(note.group("number")))
    return _number_of(note, note.string[start : note.end("tail")])


def _note_date(note: re.Match[str], facts: _Facts) -> tuple[dt.date | None, int | None]:
    """ "ngày #nbh /11/2023" → (None, 2023); "ngày 06/11/2024" → (2024-11-06, 2024)."""
    m = NOTE_DATE.fullmatch(note.group("date"))
    assert m is not None  # the note's date group is this pattern
    year = int(m.group("year") or m.group("year2"))
    date = _date(year, m.group("month") or m.group("month2"), m.group("day") or m.group("day2"))
    span = Span(note.start("date"), note.end("date"))
    facts.saw("date" if date else "year", span, inferred=True)
    return date, year


# "V/v hướng dẫn góp vốn điều lệ" anywhere on a header line ("Số: 5348/CT-CS V/v …"): an official letter
_LETTER_SUBJECT = re.compile(r"(?:^|\s)(?:V/v|V/V|v/v)\s")


def _consolidated(printed: _Number | None) -> bool:
    return printed is not None and parse_symbol_tail(printed.tail)[0] == "VBHN"


def _letter_subject(header: list[_Line]) -> Span | None:
    """Where a header line prints a letter's "V/v" subject, if one does."""
    for line in header:
        subject = _LETTER_SUBJECT.search(line.text)
        if subject:
            return Span(line.start + subject.start(), line.start + subject.end())
    return None


def _letter_symbol(printed: _Number) -> bool:
    """A letter's symbol is number/ISSUER-UNIT: "5348/CT-CS" is the Cục Thuế's (CT) policy unit (CS),
    not a Chỉ thị (corpus/real 005d8820eb95c1cb and 30 more).  Only a type code followed by a known
    issuer ("09/CT-UBND") types a document that prints no type line."""
    code, issuer = parse_symbol_tail(printed.tail)
    return code == "CV" or issuer not in ISSUER_BY_CODE


def _infer_type(
    printed: _Number | None, note: re.Match[str] | None, body: str, facts: _Facts
) -> DocType | None:
    """No type line: the type code of the printed symbol ("-NQ/TU"), else the appendix note's type,
    else the type a line opens with to name the document itself ("Nghị quyết này phổ biến đến chi
    bộ.", "Luật này được Quốc hội … thông qua"): a full-text copy without its header (h10)."""
    if printed:
        code, _ = parse_symbol_tail(printed.tail)
        if code in DOC_TYPE_BY_CODE:
            facts.saw("type", facts.evidence["number"], inferred=True)
            return DOC_TYPE_BY_CODE[code]
    if note:
        facts.saw("type", Span(note.start("type"), note.end("type")), inferred=True)
        return _type_by_name(note.group("type"))
    return _self_named_type(body, facts)


# A line opening with the document naming itself: the closing formula of a text.  Case-sensitive:
# the capital marks the start of a sentence, not "… quy định tại Luật này" quoted mid-line.
_SELF_NAMING_LINE = re.compile(rf"^[ \t]*(?P<type>{_TYPE_ALTERNATION})[ \t]+này(?!\w)", re.MULTILINE)


def _self_named_type(body: str, facts: _Facts) -> DocType | None:
    """The type most lines open with "<type> này"; the last such line wins a tie."""
    counts: Counter[DocType] = Counter()
    last: dict[DocType, Span] = {}
    for m in _SELF_NAMING_LINE.finditer(body):
        doc_type = _type_by_name(m.group("type"))
        if doc_type is not None:
            counts[doc_type] += 1
            last[doc_type] = Span(m.start("type"), m.end("type"))
    if not counts:
        return None
    doc_type = max(counts, key=lambda t: (counts[t], last[t].start))
    facts.saw("type", last[doc_type], inferred=True)
    return doc_type


# --------------------------------------------------------------- inference


def _opener_pattern(doc_type: DocType | None) -> re.Pattern[str]:
    types = (
        _TYPE_ALTERNATION
        if doc_type is None
        else "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in doc_type.names)
    )
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in OPENER_VERBS)
    return re.compile(
        rf"(?P<issuer>{_ISSUER_ALTERNATION})(?:\s+(?P<province>{_PROVINCE_ALTERNATION}))?"
        rf"\s+(?:{verbs})\s+(?:{types})(?!\w)"
    )


def _issuer_code(name: str) -> str | None:
    name = " ".join(name.split())
    return next((code for printed, code in ISSUER_NAMES if printed == name), None)


def _infer_issuer(
    body: str,
    authority: str | None,
    printed: _Number | None,
    note: re.Match[str] | None,
    doc_type: DocType | None,
    title_lines: list[_Line],
    facts: _Facts,
) -> tuple[str | None, Province | None]:
    """No header: the issuer from, in order, the signing authority ("TM. ỦY BAN NHÂN DÂN" → UBND,
    "T/M TỈNH ỦY" → TU), the issuing sentence ("UBND tỉnh Quảng Ngãi ban hành Kế hoạch"),
    the symbol's issuer ("-NQ/TU"), the appendix note ("… của UBND tỉnh").  The province comes
    from the issuing sentence or the note when they name it."""
    opener = _opener(body, title_lines, doc_type)
    candidates: list[tuple[str | None, Span | None]] = [
        (_authority_issuer(authority), facts.evidence.get("signing_authority")),
        (_issuer_code(opener.group("issuer")) if opener else None, _match_span(opener, "issuer")),
        (parse_symbol_tail(printed.tail)[1] if printed else None, facts.evidence.get("number")),
        (
            _issuer_code(note.group("issuer")) if note and note.group("issuer") else None,
            _match_span(note, "issuer"),
        ),
    ]
    code = None
    for candidate, span in candidates:
        if candidate in ISSUER_BY_CODE and span is not None:
            code = candidate
            facts.saw("issuer", span, inferred=True)
            break
    for m in (opener, note):
        province_span = _match_span(m, "province")
        if m and province_span:
            facts.saw("jurisdiction", province_span, inferred=True)
            return code, province_by_name(" ".join(m.group("province").split()))
    return code, None


def _opener(body: str, title_lines: list[_Line], doc_type: DocType | None) -> re.Match[str] | None:
    start = title_lines[-1].end if title_lines else 0
    return _opener_pattern(doc_type).search(body, start, start + OPENER_WINDOW)


def _match_span(m: re.Match[str] | None, group: str) -> Span | None:
    if m is None or m.group(group) is None:
        return None
    return Span(m.start(group), m.end(group))


def _authority_issuer(authority: str | None) -> str | None:
    if authority is None:
        return None
    return next((code for printed, code in AUTHORITY_ISSUERS if printed in authority), None)


_PROVINCE_MENTION = re.compile(rf"(?<!\w)(?:{_PROVINCE_ALTERNATION})(?!\w)")


def _most_named_province(body: str) -> tuple[Province, Span] | None:
    """The province the text names most ("Quảng Ngãi phấn đấu …", "NHNN-Chi nhánh Quảng Nam"); first seen wins ties."""
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    for m in _PROVINCE_MENTION.finditer(body):
        province = province_by_name(" ".join(m.group(0).split()))
        if province is None:
            continue
        counts[province.iso] += 1
        first.setdefault(province.iso, Span(m.start(), m.end()))
    if not counts:
        return None
    iso = max(counts, key=lambda k: (counts[k], -first[k].start))
    return next(p for p in PROVINCES if p.iso == iso), first[iso]


def _infer_province(issuer_code: str | None, body: str, facts: _Facts) -> Province | None:
    """A provincial issuer no header or issuing sentence placed: the province the text names most.
    A central issuer ("vn") needs none; its jurisdiction is inferred with the issuer."""
    issuer = ISSUER_BY_CODE.get(issuer_code) if issuer_code else None
    if issuer is not None and issuer.central:
        if "issuer" in facts.inferred:
            facts.saw("jurisdiction", facts.evidence["issuer"], inferred=True)
        return None
    named = _most_named_province(body)
    if named is None:
        return None
    facts.saw("jurisdiction", named[1], inferred=True)
    return named[0]


def _issuer_name(code: str | None, province: Province | None) -> str | None:
    """ "Ủy ban nhân dân tỉnh Quảng Ngãi", "Tỉnh ủy Quảng Nam", "Chính phủ"."""
    if code is None:
        return None
    template = LOCAL_ISSUER_NAMES.get(code)
    if template is None or province is None:
        return ISSUER_BY_CODE[code].label_vi if code in ISSUER_BY_CODE else None
    city = province.iso in CITY_ISOS
    return template.format(
        unit="thành phố" if city else "tỉnh", party_unit="Thành" if city else "Tỉnh", province=province.name
    )
