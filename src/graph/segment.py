"""Segment a normalised document: footnotes, masked body, section tree, blocks.

``segment(nt)`` returns a ``SegmentedDocument`` whose ``body`` has the length of
``nt.text`` with footnote bodies, footnote markers, ``[bookmark: …]`` artefacts
and printed page numbers blanked by spaces (newlines kept), so every offset an
extractor finds in ``body`` is an offset in ``nt.text``.

Three footnote layouts (see DOMAIN.md "Footnotes"):

* PDF text: bodies at the page bottom after a line of spaces, each opening with
  its number ("29 Quyết định số 2293/QĐ-UBND …"); the marker in the text is a
  digit glued to a word or number ("năm 20452" is 2045 + marker 2).
* DOCX text: markers ``[footnoteRef:3]`` and bodies ``[3:  Theo Chỉ thị …]``.
* Web text: markers ``[1]`` and bodies on a line opening with ``[1]``.  A marker
  whose body is missing still yields a ``Footnote`` (empty ``text``, empty
  ``body`` span at the marker's end) so the marker is masked and counted.

Sections: "I." parts, "1." clauses, "1.1." sub-clauses, "a)" points, "(1)"
items, "-"/"+"/"*" bullets, appendices ("Phụ lục I", "PHỤ LỤC") and their
table rows ("1", "1.", "1.1").  Keys are label paths ("III/2/(1)",
"Phụ lục II/2/2.3"); a repeated label under one parent gets "#n" ("-#3").
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from .model import Appendix, Footnote, NormalisedText, Section, SegmentedDocument, Span
from .normalise import clean
from .patterns import structure as P

__all__ = ["innermost_section", "lines", "segment"]


# ------------------------------------------------------------------ lines


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the line's first character
    end: int  # offset of its end (the "\n" or the text end)
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def content_end(self) -> int:
        return self.start + len(self.text.rstrip())


def _split_lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def lines(body: str, span: Span) -> list[tuple[Span, str]]:
    """The lines of ``body`` that ``span`` covers, each clipped to the span.

    Blank lines are kept (they separate paragraphs in PDF text).
    """
    out: list[tuple[Span, str]] = []
    pos = body.rfind("\n", 0, span.start) + 1
    while pos <= span.end and pos <= len(body):
        nl = body.find("\n", pos)
        nl = len(body) if nl == -1 else nl
        start, end = max(pos, span.start), min(nl, span.end)
        if start < end or (start == end and pos < span.end):
            out.append((Span(start, end), body[start:end]))
        pos = nl + 1
    return out


def _blank(text: str, spans: list[Span]) -> str:
    """``text`` with every character the ``spans`` cover but newlines made a space."""
    out, pos = [], 0
    for start, end in _union(spans):
        out.append(text[pos:start])
        out.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _union(spans: list[Span]) -> list[tuple[int, int]]:
    """The non-empty spans merged where they overlap or touch, in text order."""
    merged: list[tuple[int, int]] = []
    for span in sorted(spans):
        if span.start == span.end:
            continue
        if merged and span.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return merged


def _visible(text: str, body: str, span: Span) -> str:
    """``text`` in ``span`` without its masked characters.

    Headings read this way lose a glued marker cleanly: "151[footnoteRef:2]/193"
    gives "151/193" and "năm 20452." gives "năm 2045.", where ``body`` has spaces.
    """
    shown, masked = text[span.start : span.end], body[span.start : span.end]
    if shown == masked:  # nothing masked: most headings
        return shown
    return "".join(t for t, b in zip(shown, masked, strict=False) if t == b)


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# -------------------------------------------------------------- footnotes


@dataclass
class _Draft:
    number: int
    parts: list[Span]
    block_start: int  # offset of the footnote block holding the first part


def _pdf_footnote_blocks(lns: list[_Line]) -> list[tuple[int, int]]:
    """Line ranges (separator index, end index exclusive) of page-bottom blocks.

    A block opens after a separator line of spaces and ends where the next page
    resumes (a line indented by one space: " - Rà soát, …"), at two blank lines
    (the page gap before a page number or an appendix), or at the text end.
    """
    blocks, i = [], 0
    while i < len(lns):
        if not P.PDF_FOOTNOTE_SEPARATOR.match(lns[i].text):
            i += 1
            continue
        j, blanks, last = i + 1, 0, i
        while j < len(lns):
            if P.PDF_PAGE_RESUME.match(lns[j].text):
                break
            if lns[j].blank:
                blanks += 1
                if blanks >= 2:
                    break
            else:
                blanks, last = 0, j
            j += 1
        if last > i:
            blocks.append((i, last + 1))
        i = j
    return blocks


def _pdf_drafts(lns: list[_Line]) -> tuple[list[_Draft], list[Span]]:
    """Footnote bodies from page-bottom blocks, numbered 1..N in order.

    A line opening with the next expected number starts a footnote ("2 Kế hoạch
    số 5050/KH-UBND …"); other lines continue the current one, including a
    block that opens without a number ("- Quyết định số 1970/QĐ-UBND …"): the
    last footnote of the previous page running on.
    """
    drafts: list[_Draft] = []
    masks: list[Span] = []
    for first, stop in _pdf_footnote_blocks(lns):
        current: _Draft | None = None
        for line in lns[first + 1 : stop]:
            if line.blank:
                continue
            m = P.PDF_FOOTNOTE_START.match(line.text)
            if m and int(m["number"]) == len(drafts) + 1:
                current = _Draft(
                    len(drafts) + 1, [Span(line.start + m.end(), line.content_end)], lns[first].start
                )
                drafts.append(current)
            elif current is not None:
                last = current.parts[-1]
                current.parts[-1] = Span(last.start, line.content_end)
            elif drafts:
                current = drafts[-1]
                current.parts.append(Span(line.content_start, line.content_end))
            else:
                break  # spaces before text that is no footnote: leave it alone
        if current is not None:
            masks.append(Span(lns[first].start, lns[stop - 1].end))
    return drafts, masks


# A footnote number has at most three digits (PDF_FOOTNOTE_START).
_MARKER_DIGITS = 3


def _marker_candidates(body: str, end: int) -> dict[int, list[tuple[int, int, int]]]:
    """Where a footnote's marker may sit in ``body[:end]``, by footnote number: (start of the digit
    run, end of the marker, score), in text order.

    Best candidates (score 3) are digits glued to a word ("sinh học3,", "tỉnh6.") or to a year
    ("năm 20452" → 2045 + 2, "2021 - 203029" → 2030 + 29); a number set apart by a space and
    followed by punctuation ("nông thôn 1.", "2030 26;") scores 1.  Read in one pass, so that
    finding the markers of n footnotes costs the length of the text, not n times it.
    """
    found: dict[int, list[tuple[int, int, int]]] = {}
    for m in P.DIGIT_RUN.finditer(body, 0, end):
        run = m.group()
        after = body[m.end()] if m.end() < len(body) else "\n"
        if after not in P.MARKER_FOLLOWERS:
            continue
        if after in ".," and m.end() + 1 < len(body) and body[m.end() + 1].isdigit():
            continue  # "4.0", "7.500": a number, not a marker
        before = body[m.start() - 1] if m.start() > 0 else "\n"
        for width in range(1, min(len(run), _MARKER_DIGITS) + 1):
            digits = run[-width:]
            if digits[0] == "0":
                continue  # no footnote number is printed with a leading zero
            if len(run) > width:
                score = 3 if P.YEAR_PREFIX.match(run[:-width]) else 0
            elif before.isalpha() or before in ")”\"’'":
                score = 3
            elif before == " " and after != " " and after != "\n":
                score = 1
            else:
                score = 0
            if score:
                found.setdefault(int(digits), []).append((m.start(), m.end(), score))
    return found


def _glued_marker(
    candidates: dict[int, list[tuple[int, int, int]]], number: int, start: int, end: int
) -> Span | None:
    """Where footnote ``number``'s marker sits in ``[start, end)``: the best candidate, the nearest
    to the footnote block among equals (a marker sits on its footnote's page)."""
    found = candidates.get(number, [])
    best, best_score = None, 0
    for i in range(bisect.bisect_left(found, (start,)), len(found)):
        run_start, marker_end, score = found[i]
        if run_start >= end:
            break
        if score >= best_score:
            best, best_score = Span(marker_end - len(str(number)), marker_end), score
    return best


def _pdf_footnotes(text: str, lns: list[_Line], premask: list[Span]) -> tuple[list[Footnote], list[Span]]:
    drafts, masks = _pdf_drafts(lns)
    if not drafts:
        return [], []
    searchable = _blank(text, masks + premask)
    candidates = _marker_candidates(searchable, max(d.block_start for d in drafts))
    footnotes, window_start = [], 0
    for draft in drafts:
        marker = _glued_marker(candidates, draft.number, window_start, draft.block_start)
        if marker is not None:
            window_start = marker.end
            masks.append(marker)
        body_text = " ".join(text[p.start : p.end] for p in draft.parts)
        footnotes.append(Footnote(draft.number, draft.parts[0], marker, clean(body_text), draft.parts[1:]))
    return footnotes, masks


def _matching_bracket(text: str, open_at: int) -> int | None:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                return i
    return None


def _inner_span(text: str, start: int, end: int) -> Span:
    inner = text[start:end]
    s = start + len(inner) - len(inner.lstrip())
    return Span(s, max(s, start + len(inner.rstrip())))


def _docx_footnotes(text: str) -> tuple[list[Footnote], list[Span]]:
    """``…nhiệm kỳ 2025 - 2030[footnoteRef:3]`` and ``[3:  Theo Chỉ thị số 50-CT/TU …]``."""
    markers: dict[int, Span] = {}
    masks: list[Span] = []
    for m in P.DOCX_FOOTNOTE_MARKER.finditer(text):
        markers.setdefault(int(m["number"]), Span(m.start(), m.end()))
        masks.append(Span(m.start(), m.end()))
    footnotes, consumed_to = [], -1
    for m in P.DOCX_FOOTNOTE_OPEN.finditer(text):
        if m.start() < consumed_to:
            continue
        close = _matching_bracket(text, m.start())
        if close is None:
            continue
        number = int(m["number"])
        body = _inner_span(text, m.end(), close)
        footnotes.append(Footnote(number, body, markers.get(number), clean(text[body.start : body.end])))
        masks.append(Span(m.start(), close + 1))
        consumed_to = close + 1
    return sorted(footnotes, key=lambda f: f.number), masks


def _web_footnotes(text: str, lns: list[_Line]) -> tuple[list[Footnote], list[Span]]:
    """``đến năm 2030  [1]`` and a closing line ``[1] Theo Quyết định số 1456/QĐ-TTg …``."""
    bodies: dict[int, tuple[Span, Span]] = {}  # number -> (mask, body)
    i = 0
    while i < len(lns):
        m = P.WEB_FOOTNOTE_BODY.match(lns[i].text.lstrip())
        if not m:
            i += 1
            continue
        start = lns[i].content_start
        j = i + 1
        while j < len(lns) and not lns[j].blank and not P.WEB_FOOTNOTE_BODY.match(lns[j].text.lstrip()):
            j += 1
        end = lns[j - 1].content_end
        bodies.setdefault(int(m["number"]), (Span(start, end), _inner_span(text, start + m.end(), end)))
        i = j
    masks = [mask for mask, _ in bodies.values()]
    body_masks = sorted(
        masks
    )  # disjoint line ranges: the one starting last before a marker is the only one to ask
    markers: dict[int, Span] = {}
    for m in P.WEB_FOOTNOTE_MARKER.finditer(text):
        at = bisect.bisect_right(body_masks, Span(m.start(), len(text))) - 1
        if at >= 0 and body_masks[at].start <= m.start() < body_masks[at].end:
            continue
        if markers.setdefault(int(m["number"]), Span(m.start(), m.end())) == Span(m.start(), m.end()):
            masks.append(Span(m.start(), m.end()))
    footnotes = []
    for number in sorted(set(bodies) | set(markers)):
        marker = markers.get(number)
        if number in bodies:
            body = bodies[number][1]
            footnotes.append(Footnote(number, body, marker, clean(text[body.start : body.end])))
        else:
            assert marker is not None  # the number came from a marker or a body
            footnotes.append(Footnote(number, Span(marker.end, marker.end), marker, ""))
    return footnotes, masks


def _page_number_lines(lns: list[_Line]) -> list[Span]:
    """A printed page number alone between blank lines ("12 " in seed 000)."""
    out = []
    for i in range(1, len(lns) - 1):
        if P.PDF_PAGE_NUMBER.match(lns[i].text) and lns[i - 1].blank and lns[i + 1].blank:
            out.append(Span(lns[i].start, lns[i].end))
    return out


def _artefacts(text: str, lns: list[_Line]) -> list[Span]:
    bookmarks = [Span(m.start(), m.end()) for m in P.DOCX_BOOKMARK.finditer(text)]
    return bookmarks + _page_number_lines(lns)


def _footnotes(text: str, lns: list[_Line]) -> tuple[list[Footnote], list[Span]]:
    artefacts = _artefacts(text, lns)
    masks = list(artefacts)
    footnotes: list[Footnote] = []
    for found, found_masks in (
        _docx_footnotes(text),
        _web_footnotes(text, lns) if "[footnoteRef:" not in text else ([], []),
        _pdf_footnotes(text, lns, artefacts),
    ):
        footnotes.extend(found)
        masks.extend(found_masks)
    return sorted(footnotes, key=lambda f: f.number), masks


# ------------------------------------------------------------------ blocks


def _title_and_header(lns: list[_Line], body: str) -> tuple[Span | None, Span | None, int]:
    """Header (issuer, number, date) above the type line and the title below it.

    Returns (header, title, index of the first line after the title).  The
    title is the type line ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "NGHỊ QUYẾT")
    and its subject lines, up to a rule "-----", two blank lines, or — when the
    subject is set in capitals — the first line that is not.
    """
    # a document's type line comes before its recipients: one after them opens another document (a letter's
    # "PHIẾU TRÌNH" submitting it for signature, corpus/files hnh-sct-vn__CV-dung-xu-ly-tra-ho-so.docx)
    head = list(itertools.takewhile(lambda ln: not P.RECIPIENTS_LINE.match(ln.stripped), lns[:80]))
    type_idx = next((i for i, ln in enumerate(head) if P.TITLE_TYPE_LINE.match(ln.stripped)), None)
    if type_idx is None:
        return None, None, 0
    subject = [ln for ln in lns[type_idx + 1 : type_idx + 4] if not ln.blank]
    capitals = bool(subject) and _is_upper(subject[0].stripped)
    last, blanks, j, taken = type_idx, 0, type_idx + 1, 0
    after = None
    while j < len(lns) and taken < 12:
        ln = lns[j]
        if ln.blank:
            blanks += 1
            if blanks >= 2:
                break
        elif P.RULE_LINE.match(ln.stripped):
            after = j + 1  # the rule closes the title
            break
        elif _structural_label(ln.stripped) or (capitals and not _is_upper(ln.stripped)):
            break
        else:
            blanks, last, taken = 0, j, taken + 1
        j += 1
    title = Span(lns[type_idx].content_start, lns[last].content_end)
    before = [ln for ln in lns[:type_idx] if not ln.blank]
    header = Span(before[0].content_start, before[-1].content_end) if before else None
    return header, title, after or last + 1


def _structural_label(s: str) -> bool:
    return bool(
        P.PART_LABEL.match(s)
        or P.CLAUSE_LABEL.match(s)
        or P.ARTICLE_LABEL.match(s)
        or P.CHAPTER_LABEL.match(s)
    )


def _is_name(s: str) -> bool:
    words = s.split()
    low, high = P.SIGNER_NAME_WORDS
    return low <= len(words) <= high and all(
        w.isalpha() and w[0].isupper() and w[1:] == w[1:].lower() for w in words
    )


def _appendix_line(s: str) -> re.Match | None:
    m = P.APPENDIX_LABEL.match(s)
    if m and (m["title"] is None or _is_upper(m["title"])):
        return m
    m = P.APPENDIX_TITLED_LINE.match(s)
    if m and _is_upper(m["title"]):
        return m
    return None


def _attached_document_line(
    lns: list[_Line], i: int, announced: frozenset[str] = frozenset()
) -> re.Match | None:
    """An attached document's type line after the signature: "QUY ĐỊNH" whose note "(Ban hành kèm
    theo Quyết định số 41/2019/QĐ-UBND …)" follows within a few title lines; or, with no note, a type
    the decision said it issues ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu …" /
    "KẾ HOẠCH" / "XUẤT KHẨU SẢN PHẨM HÀNG HÓA …", corpus/real f1e0981425ec38be), over a title in capitals."""
    m = P.ATTACHED_TYPE_LINE.match(lns[i].stripped)
    if m is None:
        return None
    below = [ln.stripped for ln in lns[i + 1 : i + 1 + P.ATTACHED_NOTE_REACH] if not ln.blank]
    for n, s in enumerate(below):
        if P.ATTACHED_NOTE.match(s):
            return m
        if not _is_upper(s):
            return m if n > 0 and m["label"].casefold() in announced else None
    return None


def _announced_types(lns: list[_Line], end: int) -> frozenset[str]:
    """Types of document the text before line ``end`` says it issues with itself, folded."""
    return frozenset(
        found.group("type").casefold() for ln in lns[:end] for found in P.ISSUED_WITH.finditer(ln.stripped)
    )


def _signature_span(lns: list[_Line], start: int) -> Span:
    """ "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / [daky] / Hồ Quang Bửu"."""
    last = start
    for j in range(start + 1, min(len(lns), start + 15)):
        s = lns[j].stripped
        if not s:
            continue
        if _appendix_line(s) or P.RECIPIENTS_LINE.match(s):
            break
        if _is_name(s):
            last = j
            break
        if P.SIGNATURE_PLACEHOLDER.match(s) or (_is_upper(s) and len(s) < 60):
            last = j
            continue
        break
    return Span(lns[start].content_start, lns[last].content_end)


@dataclass
class _Closing:
    recipients: Span | None
    signature: Span | None
    body_end: int  # index of the first line after the main body
    appendix_lines: list[int] = field(default_factory=list)


def _closing(lns: list[_Line], start: int) -> _Closing:
    """ "Nơi nhận:" list, signature block and appendix headings after ``start``."""
    stripped = [ln.stripped for ln in lns]  # (each line is read by several of the scans below)
    rec = next((i for i in range(start, len(lns)) if P.RECIPIENTS_LINE.match(stripped[i])), None)
    sig = next(
        (
            i
            for i in range(start, len(lns))
            if P.SIGNING_AUTHORITY.match(stripped[i]) and _is_upper(stripped[i])
        ),
        None,
    )
    if sig is None and rec is not None:
        sig = next((i for i in range(rec, len(lns)) if P.SIGNER_CAPACITY.match(stripped[i])), None)
    appendices = [i for i in range(start, len(lns)) if _appendix_line(stripped[i])]
    tail_from = min([i for i in (rec, sig) if i is not None], default=len(lns))
    announced = _announced_types(lns, tail_from)
    attached = [i for i in range(tail_from, len(lns)) if _attached_document_line(lns, i, announced)]
    appendices = sorted(set(appendices) | set(attached))
    body_end = min([i for i in (rec, sig) if i is not None] + appendices[:1] + [len(lns)])
    recipients = None
    if rec is not None:
        stops = [i for i in [sig, *appendices] if i is not None and i > rec] + [len(lns)]
        last = max((i for i in range(rec, min(stops)) if not lns[i].blank), default=rec)
        recipients = Span(lns[rec].content_start, lns[last].content_end)
    signature = _signature_span(lns, sig) if sig is not None else None
    return _Closing(recipients, signature, body_end, appendices)


# --------------------------------------------------------------- sections


@dataclass
class _Label:
    kind: str
    label: str  # as printed
    key: str  # label as it appears in keys
    rank: int | None  # fixed depth for part/clause/decimal/row/appendix; None: nests by kind
    text_start: int | None  # where the heading text starts on the label line; None: next line


@dataclass
class _Node:
    label: _Label
    start: int
    key: str = ""
    parent: _Node | None = None
    level: int = 1
    end: int = 0
    heading_span: Span | None = None


@dataclass
class _Numbering:
    """What came last, so that a number only opens a node when it continues a sequence."""

    chapter: int = 0
    division: int = 0
    article: int = 0
    part: int = 0
    clause: int = 0
    item: int = 0
    group: int = 0
    minor: int = 0
    group_printed: bool = False  # the group row of ``group`` exists ("3" may be missing before "3.3")


def _body_label(s: str, offset: int, seq: _Numbering) -> _Label | None:
    """Labels of the main text: "Chương I", "Mục 1", "Điều 1.", "I.", "1.", "1.1.", and the labels
    common to all regions."""
    if label := _instrument_label(s, offset, seq):
        return label
    if m := P.PART_LABEL.match(s):
        value = m["value"]
        if value in P.ROMAN_NUMERALS and _continues(seq.part, P.ROMAN_NUMERALS.index(value) + 1):
            seq.part, seq.clause = P.ROMAN_NUMERALS.index(value) + 1, 0
            return _Label("part", m["label"], value, 1, offset + m.end())
    if m := P.DECIMAL_LABEL.match(s):
        parts = m["value"].split(".")
        if int(parts[0]) == seq.clause and seq.clause:
            return _Label("subclause", m["label"], m["value"], len(parts) + 1, _text_start(s, m, offset))
        return None
    if m := P.CLAUSE_LABEL.match(s):
        value = int(m["value"])
        if _continues(seq.clause, value):
            seq.clause = value
            return _Label("clause", m["label"], m["value"], 2, _text_start(s, m, offset))
        return None
    return _common_label(s, offset, seq)


def _instrument_label(s: str, offset: int, seq: _Numbering) -> _Label | None:
    """ "Chương II" (heading on the next line), "Mục 1", "Điều 3. Nội dung báo cáo": a new article
    restarts the parts and clauses under it; articles run on across chapters."""
    if m := P.CHAPTER_LABEL.match(s):
        value = (
            P.ROMAN_NUMERALS.index(m["value"]) + 1
            if m["value"] in P.ROMAN_NUMERALS
            else int(m["value"])
            if m["value"].isdigit()
            else None
        )
        if value is not None and _continues(seq.chapter, value):
            seq.chapter, seq.division = value, 0
            return _Label("chapter", m["label"], m["label"], P.CHAPTER_RANK, _text_start(s, m, offset))
    if m := P.DIVISION_LABEL.match(s):
        value = int(m["value"]) if m["value"].isdigit() else P.ROMAN_NUMERALS.index(m["value"]) + 1
        if seq.chapter and _continues(seq.division, value):
            seq.division = value
            return _Label("division", m["label"], m["label"], P.DIVISION_RANK, _text_start(s, m, offset))
    if m := P.ARTICLE_LABEL.match(s):
        value = int(m["value"])
        if _continues(seq.article, value):
            seq.article, seq.part, seq.clause, seq.item = value, 0, 0, 0
            return _Label("article", m["label"], m["label"], P.ARTICLE_RANK, _text_start(s, m, offset))
    return None


def _continues(last: int, value: int) -> bool:
    """A number opens a label when it restarts a list or follows the last one."""
    return value == 1 or last < value <= last + P.LABEL_SEQUENCE_GAP


def _row_label(s: str, offset: int, seq: _Numbering) -> _Label | None:
    """Appendix table rows: "1. Về đổi mới tư duy …", "1" alone, "1.1 Cụ thể hóa …", "3.3" alone,
    and Roman groups alone ("I" / "Công tác tuyên truyền") over rows that count from 1 again."""
    if m := P.ROW_PART_ALONE.match(s):
        seq.group, seq.minor, seq.group_printed = 0, 0, True
        return _Label("part", m["label"], m["value"], 1, _text_start(s, m, offset))
    if m := P.DECIMAL_LABEL.match(s):
        major, minor = (int(x) for x in m["value"].split(".")[:2])
        if major == seq.group and minor > seq.minor:
            seq.minor = minor
            return _Label(
                "row", m["label"], m["value"], 3 if seq.group_printed else 2, _text_start(s, m, offset)
            )
        if major > seq.group:  # its group row is missing ("3.3" after group "2" in seed 004)
            seq.group, seq.minor, seq.group_printed = major, minor, False
            return _Label("row", m["label"], m["value"], 2, _text_start(s, m, offset))
        return None
    if m := P.CLAUSE_LABEL.match(s) or P.ROW_GROUP_ALONE.match(s):
        value = int(m["value"])
        if seq.group < value <= seq.group + 3:
            seq.group, seq.minor, seq.group_printed = value, 0, True
            return _Label("row", m["label"], m["value"], 2, _text_start(s, m, offset))
        return None
    return _common_label(s, offset, seq)


def _common_label(s: str, offset: int, seq: _Numbering) -> _Label | None:
    if m := P.POINT_LABEL.match(s):
        return _Label("point", m["label"], m["label"], None, offset + m.end())
    if m := P.ITEM_LABEL.match(s):
        value = int(m["value"])
        if value in (1, seq.item + 1):
            seq.item = value
            return _Label("item", m["label"], m["label"], None, offset + m.end())
        return None
    if (m := P.BULLET_LABEL.match(s)) and not P.RULE_LINE.match(s):
        label = m["label"]
        return _Label(P.BULLET_KINDS[label], label, label, None, offset + m.end())
    return None


def _text_start(s: str, m: re.Match, offset: int) -> int | None:
    return offset + m.end() if s[m.end() :].strip() else None


def _continues_wrapped_text(prev: _Line | None, s: str) -> bool:
    """A bullet-looking line that only continues the line above.

    "giai đoạn 2021\\n- 2030." and "phát triển thương mại\\n- du lịch tỉnh …"
    are hard wraps: the dash opens no item when the text after it starts with a
    digit or a small letter and the line above has no closing punctuation.
    """
    if prev is None or not P.BULLET_LABEL.match(s):
        return False
    rest = s[1:].lstrip()
    ends_open = prev.stripped[-1:] not in (".", ";", ":", "!", "?")
    return ends_open and bool(rest) and (rest[0].isdigit() or rest[0].islower())


def _detect_nodes(lns: list[_Line], first: int, stop: int, in_appendix: bool) -> list[_Node]:
    """Labelled lines of ``lns[first:stop]``.  An appendix holding articles ("Điều 1. Phạm vi điều
    chỉnh" in a "QUY ĐỊNH (Ban hành kèm theo Quyết định …)") or parts ("I. MỤC ĐÍCH, YÊU CẦU" in a
    "CHƯƠNG TRÌNH HÀNH ĐỘNG (Kèm theo Nghị quyết số 111/NQ-CP …)") is a text, not a table."""
    if in_appendix and any(
        P.ARTICLE_LABEL.match(ln.text.lstrip()) or P.PART_LABEL.match(ln.text.lstrip())
        for ln in lns[first:stop]
    ):
        in_appendix = False
    seq = _Numbering()
    nodes, prev = [], None
    for ln in lns[first:stop]:
        if ln.blank:
            continue
        s = ln.text.lstrip()
        label = None
        if not _continues_wrapped_text(prev, s):
            label = (_row_label if in_appendix else _body_label)(s, ln.content_start, seq)
        if label is not None:
            nodes.append(_Node(label, ln.content_start))
        prev = ln
    return nodes


def _link(nodes: list[_Node], root: _Node | None, region_end: int, body: str, used: set[str]) -> None:
    """Give each node its parent, level, key and end with a stack of open nodes.

    Fixed-rank nodes (part, clause, decimals, rows) close every deeper or list
    node; list nodes (points, items, bullets) nest under whatever is open and
    become siblings of an open node of their own kind: "+ Đối với vùng Đông"
    can hold "(1)" items which hold "-" bullets, as in seed 000.
    """
    stack: list[_Node] = [root] if root else []
    suffixes: dict[
        str, int
    ] = {}  # the last "#n" given to each key: 30,000 "1." labels cost 30,000 steps, not 30,000²

    def close(node: _Node, at: int) -> None:
        node.end = _rstrip_end(body, node.start, at)

    for node in nodes:
        rank = node.label.rank
        if rank is not None:
            while (
                stack
                and stack[-1] is not root
                and (stack[-1].label.rank is None or stack[-1].label.rank >= rank)
            ):
                close(stack.pop(), node.start)
        elif any(n.label.kind == node.label.kind for n in stack if n is not root):
            while stack[-1].label.kind != node.label.kind:
                close(stack.pop(), node.start)
            close(stack.pop(), node.start)
        parent = stack[-1] if stack else None
        node.parent = parent
        node.level = parent.level + 1 if parent else 1
        base = f"{parent.key}/{node.label.key}" if parent else node.label.key
        n = suffixes.get(base, 1)  # base, base#2 … base#n are taken: go on from there, not from 1
        key = base if n == 1 else f"{base}#{n}"
        while key in used:
            n += 1
            key = f"{base}#{n}"
        suffixes[base] = n
        used.add(key)
        node.key = key
        stack.append(node)
    while stack and stack[-1] is not root:
        close(stack.pop(), region_end)


_SENTENCE_END = re.compile(r"[.!?:](?=\s|$)")
_CLOSING_PUNCT = (".", ":", "!", "?")


def _heading_span(body: str, lns: list[_Line], text_start: int, limit: int, wrapped: bool) -> Span:
    """The node's heading: its first sentence, following hard-wrapped lines.

    A line continues the heading when the text so far has no closing
    punctuation and the next line starts with a small letter or digit, the
    text so far ends with "-" or "," (a cut symbol or list), or — in PDF text —
    the next line follows with no blank line between.  Seed 001 puts a blank
    line between all its lines, so small-letter starts carry the wrap there.
    """
    idx = bisect.bisect_right(lns, text_start, key=lambda ln: ln.start) - 1  # lines are in text order
    end = lns[idx].content_end
    i = idx + 1
    while i < len(lns) and lns[i].start < limit:
        j, gap = i, 0
        while j < len(lns) and lns[j].blank and lns[j].start < limit:
            j, gap = j + 1, gap + 1
        if j >= len(lns) or lns[j].start >= limit:
            break
        so_far = body[text_start:end].rstrip()
        nxt = lns[j].stripped
        wrap_dash = _continues_wrapped_text(lns[j - gap - 1], nxt)  # "giai đoạn 2021\n- 2030."
        if so_far.endswith(_CLOSING_PUNCT) or (_starts_label(nxt) and not wrap_dash):
            break
        if not (
            wrap_dash
            or nxt[0].islower()
            or nxt[0].isdigit()
            or so_far.endswith(("-", ","))
            or (wrapped and gap == 0)
        ):
            break
        end, i = lns[j].content_end, j + 1
    end = min(end, _rstrip_end(body, text_start, limit))
    stop = _sentence_end(body, text_start, end)
    return Span(text_start, max(text_start, _rstrip_end(body, text_start, stop)))


def _sentence_end(body: str, start: int, end: int) -> int:
    """Offset of the first full stop, or of a colon that closes its line or opens
    a capitalised text ("Phương hướng: Tăng cường …"); a colon before a small
    letter keeps its value ("Thời gian thực hiện: năm 2019")."""
    for m in _SENTENCE_END.finditer(body, start, end):
        if m.group() != ":":
            return m.start()
        rest = body[m.end() : end].lstrip(" ")
        if not rest or rest[0] == "\n" or rest[0].isupper():
            return m.start()
    return end


def _starts_label(s: str) -> bool:
    return bool(
        P.PART_LABEL.match(s)
        or P.CLAUSE_LABEL.match(s)
        or P.DECIMAL_LABEL.match(s)
        or P.POINT_LABEL.match(s)
        or P.ITEM_LABEL.match(s)
        or P.BULLET_LABEL.match(s)
    )


def _heading_start(lns: list[_Line], node: _Node, limit: int) -> int | None:
    if node.label.text_start is not None:
        return node.label.text_start
    for i in range(bisect.bisect_right(lns, node.start, key=lambda ln: ln.start), len(lns)):
        if not lns[i].blank:
            return lns[i].content_start if lns[i].content_start < limit else None
    return None


def _is_hard_wrapped(lns: list[_Line]) -> bool:
    """PDF text breaks sentences across lines; DOCX and web text keep one paragraph per line."""
    content = [ln.stripped for ln in lns if not ln.blank]
    if len(content) < 10:
        return False
    wraps = sum(1 for a, b in itertools.pairwise(content) if b[0].islower())
    return wraps / len(content) > 0.15


def _to_sections(
    nodes: list[_Node], text: str, body: str, lns: list[_Line], wrapped: bool, region_end: int
) -> list[Section]:
    out = []
    for n, node in enumerate(nodes):
        limit = nodes[n + 1].start if n + 1 < len(nodes) else region_end
        start = _heading_start(lns, node, limit)
        heading_span = (
            _heading_span(body, lns, start, limit, wrapped)
            if start is not None
            else Span(node.start, node.start + len(node.label.label))
        )
        heading = clean(_visible(text, body, heading_span)).rstrip(" .:;,")
        out.append(
            Section(
                key=node.key,
                label=node.label.label,
                kind=node.label.kind,
                heading=heading,
                span=Span(node.start, max(node.end, node.start)),
                heading_span=heading_span,
                parent=node.parent.key if node.parent else None,
                level=node.level,
            )
        )
    return out


# -------------------------------------------------------------- appendices


def _appendix(lns: list[_Line], idx: int, stop: int, text: str, body: str) -> tuple[Appendix, int, Span]:
    """ "Phụ lục I" / "PHỤ LỤC", capital title lines, "(Kèm theo Kế hoạch số … )".

    Returns the appendix, the index of the first line after its heading and the span of its
    title (of its label when untitled), taken from the title's lines themselves.
    """
    m = _appendix_line(lns[idx].stripped) or P.ATTACHED_TYPE_LINE.match(lns[idx].stripped)
    assert m is not None  # called on a line that opens an appendix
    label = clean(m["label"])
    title_lines: list[_Line] = []
    if m["title"]:
        title_lines.append(lns[idx])
    note, j = None, idx + 1
    if m.groupdict().get("note"):  # the note on the heading's own line ends the title
        offset = lns[idx].content_start
        note = Span(offset + m.start("note"), offset + m.end("note"))
    while j < stop and note is None:
        s = lns[j].stripped
        if not s:
            j += 1
            continue
        if P.ATTACHED_NOTE.match(s):
            note = _attached_note(lns, j, stop, body)
            j = next((k + 1 for k in range(j, stop) if lns[k].end >= note.end), j + 1)
            break
        if not _is_upper(s) or len(title_lines) >= 8:
            break
        title_lines.append(lns[j])
        j += 1
    title = ""
    if title_lines:
        if m["title"] and title_lines[0] is lns[idx]:
            title_start = lns[idx].content_start + m.start("title")
        else:
            title_start = title_lines[0].content_start
        title_end = note.start if note and note.start > title_start else title_lines[-1].content_end
        title = clean(_visible(text, body, Span(title_start, title_end)))
    span = Span(lns[idx].content_start, _rstrip_end(body, lns[idx].content_start, lns[stop - 1].end))
    appendix = Appendix(
        label=label,
        title=title,
        span=span,
        attached_note=clean(_visible(text, body, note)) if note else None,
        attached_span=note,
    )
    if title:
        title_end = note.start if note else title_lines[-1].content_end
        title_span = Span(title_start, _rstrip_end(body, title_start, title_end))
    else:
        title_span = Span(span.start, span.start + len(label))
    return appendix, j, title_span


def _attached_note(lns: list[_Line], j: int, stop: int, body: str) -> Span:
    """From "(Kèm theo" to its closing bracket, or the line end when it has none."""
    start = lns[j].content_start
    depth = 0
    for k in range(j, min(stop, j + 3)):
        for pos in range(lns[k].start, lns[k].end):
            if body[pos] == "(":
                depth += 1
            elif body[pos] == ")":
                depth -= 1
                if depth == 0:
                    return Span(start, pos + 1)
    return Span(start, lns[j].content_end)


# ---------------------------------------------------------------- segment


_ADDRESSEE_WINDOW = 15


def _after_addressees(lns: list[_Line], first: int) -> int:
    """A letter's "Kính gửi:" list ("- Các sở, ban, ngành tỉnh;" / "- UBND các huyện, …") names
    whom it is sent to: those dashes are not sections of the text."""
    for i in range(first, min(first + _ADDRESSEE_WINDOW, len(lns))):
        if P.ADDRESSEES_LINE.match(lns[i].text):
            j = i + 1
            while j < len(lns) and not lns[j].blank and P.BULLET_LABEL.match(lns[j].text.lstrip()):
                j += 1
            return j
    return first


def segment(nt: NormalisedText) -> SegmentedDocument:
    text = nt.text
    raw_lines = _split_lines(text)
    footnotes, masks = _footnotes(text, raw_lines)
    body = _blank(text, masks)
    lns = _split_lines(body)
    header, title, after_title = _title_and_header(lns, body)
    closing = _closing(lns, after_title)
    wrapped = _is_hard_wrapped(lns)

    used: set[str] = set()
    main_end = lns[closing.body_end - 1].end if closing.body_end > 0 else 0
    nodes = _detect_nodes(lns, _after_addressees(lns, after_title), closing.body_end, in_appendix=False)
    _link(nodes, None, main_end, body, used)
    sections = _to_sections(nodes, text, body, lns, wrapped, main_end)

    appendices = []
    bounds = [*closing.appendix_lines, len(lns)]
    for idx, stop in itertools.pairwise(bounds):
        appendix, rows_from, title_span = _appendix(lns, idx, stop, text, body)
        appendices.append(appendix)
        sections.extend(
            _appendix_sections(appendix, title_span, lns, rows_from, stop, text, body, wrapped, used)
        )

    return SegmentedDocument(
        text=nt,
        body=body,
        footnotes=footnotes,
        sections=sections,
        appendices=appendices,
        header=header,
        title=title,
        recipients=closing.recipients,
        signature=closing.signature,
    )


def _appendix_sections(
    appendix: Appendix,
    title_span: Span,
    lns: list[_Line],
    first: int,
    stop: int,
    text: str,
    body: str,
    wrapped: bool,
    used: set[str],
) -> list[Section]:
    key, n = appendix.label, 1
    while key in used:
        n += 1
        key = f"{appendix.label}#{n}"
    used.add(key)
    root_label = _Label("appendix", appendix.label, key, 0, None)
    root = _Node(root_label, appendix.span.start, key=key, level=1, end=appendix.span.end)
    nodes = _detect_nodes(lns, first, stop, in_appendix=True)
    _link(nodes, root, appendix.span.end, body, used)
    root_section = Section(
        key=key,
        label=appendix.label,
        kind="appendix",
        heading=appendix.title,
        span=appendix.span,
        heading_span=title_span,
        parent=None,
        level=1,
    )
    return [root_section, *_to_sections(nodes, text, body, lns, wrapped, appendix.span.end)]


# ------------------------------------------------------------------ lookup


class _SectionIndex:
    """Sections ordered by start (outer first), each with the nearest earlier section holding it.

    When no two sections overlap without one holding the other (the tree the segmenter builds),
    the sections holding a point are the holder chain of the last section starting at or before
    it: a lookup walks a chain as deep as the tree instead of every section of the document.
    """

    def __init__(self, sections: list[Section]):
        self.sections = sections
        self.order = sorted(
            range(len(sections)), key=lambda i: (sections[i].span.start, -sections[i].span.end, i)
        )
        self.starts = [sections[i].span.start for i in self.order]
        self.ending_at: dict[int, list[int]] = {}  # a point span at a section's end is inside it
        for i, section in enumerate(sections):
            self.ending_at.setdefault(section.span.end, []).append(i)
        self.holder: list[int] = []
        self.nested = True
        open_: list[int] = []  # positions in ``order`` of the sections still open
        for i in self.order:
            span = sections[i].span
            while open_ and not sections[self.order[open_[-1]]].span.contains(span):
                if sections[self.order[open_[-1]]].span.end > span.start:
                    self.nested = False  # overlapping without holding: ask every section
                open_.pop()
            self.holder.append(open_[-1] if open_ else -1)
            open_.append(len(self.holder) - 1)

    def holding(self, where: Span | int) -> list[int]:
        """Indexes (in ``sections``) of the sections that may hold ``where``."""
        start = where.start if isinstance(where, Span) else where
        if not self.nested:
            return list(range(len(self.sections)))
        out, k = [], bisect.bisect_right(self.starts, start) - 1
        while k >= 0:
            out.append(self.order[k])
            k = self.holder[k]
        if isinstance(where, Span) and where.start == where.end:
            return sorted(set(out) | set(self.ending_at.get(start, ())))
        return sorted(out)


_INDEX: list = [None, 0, None]  # the last section list looked up, its length, its index


def innermost_section(sections: list[Section], where: Span | int) -> Section | None:
    """The deepest section whose span holds ``where`` (an offset or a span); the first in document
    order among equally deep ones."""
    if _INDEX[0] is not sections or _INDEX[1] != len(sections):
        _INDEX[:] = [sections, len(sections), _SectionIndex(sections)]
    best = None
    for i in _INDEX[2].holding(where):
        s = sections[i]
        inside = s.span.contains(where) if isinstance(where, Span) else s.span.start <= where < s.span.end
        if inside and (best is None or s.level > best.level):
            best = s
    return best
