"""Plain records passed between pipeline stages.

read → normalise → segment → extract → resolve → rdf → store.

Offsets: every ``Span`` in these records indexes ``NormalisedText.text`` (NFC text
of the file).  ``NormalisedText.to_original`` maps a span back to character
offsets in the decoded source file, which is what provenance in the graph
records.  Stages never reach into each other's internals: they exchange only
the records below.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


# --------------------------------------------------------------------- read


@dataclass(frozen=True)
class SourceFile:
    """A decoded source file, before any normalisation."""

    path: str  # as given by the caller
    name: str  # what provenance shows: the file name; in a build, the path relative to its input folder
    sha256: str  # of the raw bytes
    encoding: str  # e.g. "utf-8", "utf-8-sig", "utf-16", "cp1258", "docx"
    text: str  # decoded text, BOM removed; spans "in the original file" index this
    media_type: str = "text/plain"
    # PDF: where each page starts in ``text`` (page n at page_starts[n - 1]); empty for unpaged formats
    page_starts: tuple[int, ...] = ()
    # pages (1-based) whose text was recognised by OCR, and the engine that read them
    ocr_pages: tuple[int, ...] = ()
    ocr_engine: str | None = None  # "Tesseract 5.3.0 (vie, 300 dpi)"
    warnings: tuple[str, ...] = ()  # read, but not perfectly: e.g. a few undecodable bytes replaced

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset`` of ``text``; None for unpaged formats."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset) or 1


class InputError(Exception):
    """A file that cannot be read as a policy document.

    The message always names the file and the reason, in Vietnamese and English,
    so a batch can report it and go on.
    """

    def __init__(self, name: str, reason_vi: str, reason_en: str):
        self.name = name
        self.reason_vi = reason_vi
        self.reason_en = reason_en
        super().__init__(f"{name}: {reason_vi} ({reason_en})")


# ---------------------------------------------------------------- normalise


@dataclass
class NormalisedText:
    """NFC text with a map back to offsets of ``SourceFile.text``.

    ``origin[i]`` is the original offset of normalised character ``i``;
    ``origin[len(text)]`` is the original length, so end offsets map too.
    """

    source: SourceFile
    text: str
    # a range when every character maps one for one (no CRLF, nothing recomposed or dropped), else an
    # array of 8-byte offsets (normalise): a list of ints takes 5 times more
    origin: Sequence[int]

    def to_original(self, span: Span) -> Span:
        start = self.origin[span.start]
        end = self.origin[span.end] if span.end > span.start else start
        # an end inside a recomposed cluster must still cover the whole cluster
        if span.end > span.start:
            last = self.origin[span.end - 1]
            end = max(end, last + 1)
        return Span(start, end)


# ------------------------------------------------------------------ segment


@dataclass
class Footnote:
    number: int
    body: Span  # the footnote's own text (without its number)
    marker: Span | None  # the marker in the body text; None when not found
    text: str  # cleaned body text (hard wraps undone, NFC)
    # further pieces of the body when a PDF footnote runs on to the next page's
    # footnote block; ``text`` covers ``body`` and these, in order
    continued: list[Span] = field(default_factory=list)


@dataclass
class Section:
    """A node of the section tree: I., 1., a), (1), -, +, *, 1.1, Phụ lục."""

    key: str  # path of labels from the root, e.g. "III/2/(1)"; unique in the document
    label: str  # as printed: "III.", "2.", "(1)", "a)", "-", "1.1", "Phụ lục II"
    kind: str  # part | clause | subclause ("1.1." in text) | point | item | bullet | subbullet | star | row | appendix
    heading: str  # cleaned heading text (first line(s) of the node)
    span: Span  # whole node, children included
    heading_span: Span
    parent: str | None
    level: int


# Section.kind values; ontology/vocabularies.ttl has one pgv:section-kind concept per entry.
SECTION_KINDS = (
    "part",
    "clause",
    "subclause",
    "point",
    "item",
    "bullet",
    "subbullet",
    "star",
    "row",
    "appendix",
    "chapter",
    "division",
    "article",
)


@dataclass
class Appendix:
    label: str  # "Phụ lục I", "PHỤ LỤC"
    title: str
    span: Span
    attached_note: str | None  # "(Kèm theo Kế hoạch số 214/KH-UBND ngày …)"
    attached_span: Span | None


@dataclass
class SegmentedDocument:
    text: NormalisedText
    # ``body`` has the same length as ``text.text``: footnote bodies, footnote
    # markers and conversion artefacts ([bookmark: …]) are blanked with spaces,
    # so offsets found in ``body`` are offsets in ``text.text``.
    body: str
    footnotes: list[Footnote]
    sections: list[Section]
    appendices: list[Appendix]
    header: Span | None  # issuer / number / date block before the title
    title: Span | None  # type line + subject lines
    recipients: Span | None  # "Nơi nhận:" block
    signature: Span | None  # "TM. …", "KT. CHỦ TỊCH", signer name


# ------------------------------------------------------------------ extract


@dataclass
class DocRef:
    """A document as a citation identifies it (or as it identifies itself)."""

    type_code: str | None  # NQ, CTr, KH, QD, QDi (Party Quy định), CT, KL, TB, DA, CV, L, ND, TT …
    type_label: str | None  # Vietnamese name as conventionally written: "Nghị quyết"
    number: str | None  # "29", "214", "2057"
    symbol: str | None  # conventional symbol: "29-NQ/TW", "214/KH-UBND"; None if unnumbered
    issuer_code: str | None  # TW, CP, TTg, TU, UBND, HĐND, BCĐ, UBKTTW, SKHĐT …
    issuer_name: str | None  # "Ban Chấp hành Trung ương Đảng", "UBND tỉnh Quảng Ngãi"
    date: dt.date | None
    year: int | None
    jurisdiction: str | None  # "vn" (central) or ISO 3166-2 lower-case, e.g. "vn-29"
    jurisdiction_inferred: bool = False
    title: str | None = None
    name: str | None = None  # documents cited by name only: "Luật Đầu tư"


@dataclass
class Citation:
    target: DocRef
    span: Span
    text: str  # exact cited text, cleaned
    footnote: int | None = None
    section: str | None = None  # Section.key containing the citation
    in_table: bool = False


RELATION_KINDS = (
    "implements",
    "based-on",
    "cites",
    "attached-to",
    "amends",
    "replaces",
    "repeals",
    "guides",
    "consolidates",
)


@dataclass
class Relation:
    kind: str  # one of RELATION_KINDS
    source: DocRef | None  # None: the document being parsed
    target: DocRef
    span: Span
    text: str
    footnote: int | None = None
    # the target is the parsed document itself, e.g. an appendix "(Kèm theo Kế hoạch số
    # #sovb /KH-UBND …)" whose number is a placeholder: the resolver links to this document
    target_is_self: bool = False


@dataclass
class AgencyMention:
    printed: str  # cleaned, as printed: "Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi"
    name: str  # normalised: abbreviations expanded, canonical case
    is_group: bool  # "Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"
    span: Span
    # printed names the official who heads the body ("Bộ trưởng Bộ Tài chính"): no other name of the body
    by_official: bool = False


# where a task was read from (extract/tasks.py): an appendix table, role lines under an item,
# a heading that names the lead ("… chủ trì, phối hợp …:"), an item that names only a body
TASK_LAYOUTS = ("table", "role-lines", "lead-heading", "agency-heading")

DEADLINE_KINDS = (
    "year",
    "years",
    "by-year",
    "quarter",
    "date",
    "annual",
    "periodic",
    "continuous",
    "per-lead-schedule",
    "per-plan",
    "period",
    "unspecified",
)


@dataclass
class Deadline:
    raw: str
    kind: str  # one of DEADLINE_KINDS
    years: tuple[int, ...] = ()
    quarter: int | None = None
    date: dt.date | None = None
    span: Span | None = None


@dataclass
class Task:
    label: str  # as printed: "1.1", "a)", "(3)", "-"
    text: str
    section: str | None  # Section.key the task belongs to
    lead: list[AgencyMention] = field(default_factory=list)
    support: list[AgencyMention] = field(default_factory=list)
    directing: list[AgencyMention] = field(default_factory=list)
    deadline: Deadline | None = None
    output_form: str | None = None
    notes: str | None = None
    span: Span = Span(0, 0)
    layout: str = ""  # one of TASK_LAYOUTS


# Target.comparator values; ontology/vocabularies.ttl has one pgv:comparator concept per entry.
COMPARATORS = ("gt", "ge", "lt", "le", "eq", "approx", "range", "qualitative")


@dataclass
class Target:
    raw: str
    comparator: str  # gt ge lt le eq approx range qualitative
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # "%", "%/năm", "USD", "xã" …


@dataclass
class Indicator:
    label: str  # "1", "(12)", "-"
    name: str  # what is measured
    target: Target | None
    horizon_year: int | None
    agency: AgencyMention | None
    period: str | None  # reporting period: "Hằng năm, giữa kỳ, 5 năm"
    span: Span
    section: str | None = None
    # further monitoring agencies printed in the same cell, after ``agency``:
    # "Sở Kế hoạch và Đầu tư, Sở Công Thương" (seed 000 Phụ lục I, row 3)
    co_agencies: list[AgencyMention] = field(default_factory=list)


@dataclass
class DocumentMeta:
    ref: DocRef  # the document's own identity (symbol None when unnumbered)
    unnumbered: bool  # no printed number: placeholder (#sovb) or blank
    number_placeholder: str | None  # the printed placeholder: "#sovb", "Số -NQ/TU"
    is_draft: bool
    place: str | None  # "Quảng Ngãi" in "Quảng Ngãi, ngày 06 tháng 11 năm 2024"
    signer: str | None
    signer_capacity: str | None  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    signing_authority: str | None  # "TM. ỦY BAN NHÂN DÂN"
    recipients: list[str]
    inferred: list[str] = field(default_factory=list)  # fields inferred from the text, e.g. "jurisdiction"
    evidence: dict[str, Span] = field(default_factory=dict)  # field name → where it was read


@dataclass
class ParsedDocument:
    source: SourceFile
    text: NormalisedText
    meta: DocumentMeta
    sections: list[Section]
    appendices: list[Appendix]
    footnotes: list[Footnote]
    citations: list[Citation]
    relations: list[Relation]
    tasks: list[Task]
    indicators: list[Indicator]

    def original_span(self, span: Span) -> Span:
        return self.text.to_original(span)
