"""Indicators (chỉ tiêu): what is measured, its target, horizon, monitoring agency and period.

Readers are declared in a registry (``READERS``), each with a scope and a priority; the
forms they recognise are tables in ``patterns/indicators.py``.  Adding a form is a row in
those tables or one ``@reader`` function with its test.

Scopes, read in this order, each over the text the previous ones left:

``table``   an appendix, or an indicator section holding a table:
            ``column_table`` (one cell per line, columns named by header words in any
            order: "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi", rows
            grouped under "I" / "I.1" title rows, h08 QĐ 2629/QĐ-TTg Phụ lục I), then
            ``flat_table`` (a PDF table flattened into rows, seed 000 Phụ lục I)::

                TT CHỈ TIÊU KẾ HOẠCH GIAI ĐOẠN 2023-2030 CƠ QUAN CHỦ TRÌ THEO DÕI … KỲ BÁO CÁO
                1 Tốc độ tăng trưởng GRDP bình quân  > 9%/năm Sở Kế hoạch và Đầu tư Hằng năm, …

``list``    a section whose heading announces targets ("2. Mục tiêu cụ thể đến năm 2030",
            "II- MỤC TIÊU", "2.1. Các chỉ tiêu về kinh tế"): ``numbered_items`` ("(12) Phấn
            đấu có thêm ít nhất 14 xã …", seed 003: one indicator per item), then
            ``statements``: every bullet, numbered line or paragraph, cut into sentences,
            "; " clauses, "trong đó" parts, each stating a value::

                - Tốc độ tăng trưởng GRDP bình quân thời kỳ 2021 - 2030 đạt 7,25 - 8,25%/năm
                + 100% dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính …
                Tỉ lệ sử dụng dịch vụ công trực tuyến … đạt trên 80%; giao dịch không dùng tiền mặt đạt 80%.
                Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á … về năng lực cạnh tranh số …

``inline``  the rest of the body: ``target_list``, a sentence listing at least three
            targets after "Phấn đấu" ("cụ thể: Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ;
            tỷ số giới tính khi sinh dưới 109 …; …", h05, inside a task of Sở Y tế).

A sentence states an indicator in one of three ways (``_statement``):

* name, then value: "Quy mô kinh tế số đạt tối thiểu 30% GDP";
* value, then what it counts: "100% cán bộ, công chức … được đào tạo kỹ năng số cơ bản",
  "Hình thành ít nhất 20 mô hình sản xuất …" (the action stays in the name);
* a rank: "thuộc nhóm 30 nước dẫn đầu thế giới về đổi mới sáng tạo" (named by what follows "về").

Sentences without a value are skipped, except a qualitative target of a measure ("Tỷ lệ
đô thị hóa ngang bằng với bình quân của cả nước").  When a document gives the same
indicators in prose and in a table, the table rows are kept (SCHEMA.md: the appendix wins).

Sub-indicators (a "-"/"+" sub-item of a table row, a "trong đó" clause of a sentence)
are separate ``Indicator`` records; their name carries the parent: "Cơ cấu kinh tế: Dịch
vụ", "Tỷ lệ lao động qua đào tạo, trong đó có bằng cấp, chứng chỉ"; a "trong đó" clause
that names its own measure keeps it ("Tốc độ tăng trưởng của khu vực Công nghiệp").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import AgencyMention, Indicator, Section, SegmentedDocument, Span, Target
from ..normalise import clean
from ..patterns.indicators import (
    CONNECTIVES,
    COUNT_UNITS,
    EXHORTATIONS,
    EXHORTATIONS_ANYWHERE,
    HORIZON_PATTERNS,
    INDICATOR_COLUMNS,
    INDICATOR_HEADING,
    LINKING_VERBS,
    MEASURE_HEADS,
    NAME_STOPS,
    NAME_STOPS_AFTER_COMMA,
    NOT_INDICATOR_HEADING,
    PERIOD_FORMS,
    PERIOD_STARTS,
    QUALITATIVE_VERBS,
    RANKING,
    RANKING_TOPIC,
    SUBSIDIARY,
    TABLE_AGENCY_HEADER,
    TABLE_INDICATOR_HEADER,
    TABLE_LABEL,
    TABLE_NUMBER_HEADER,
    TABLE_PERIOD_HEADER,
    TABLE_TASK_HEADER,
    TARGET_LIST_INTROS,
    TARGET_NUMBER,
    TARGET_RUN,
    VALUE_VERBS,
    VISION,
)
from ..segment import innermost_section
from .agencies import is_agency_like, parse_agencies
from .targets import TargetMatch, find_targets, parse_target


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    last = None
    for match in pattern.finditer(text):
        last = match
    return last


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _words(words) -> re.Pattern:
    """Any of ``words`` as whole words."""
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", re.IGNORECASE)


_HORIZONS = tuple(re.compile(p, re.IGNORECASE) for p in HORIZON_PATTERNS)
_VISION = re.compile(VISION, re.IGNORECASE)
_INDICATOR_HEADING = re.compile(INDICATOR_HEADING, re.IGNORECASE)
_NOT_INDICATOR_HEADING = re.compile(NOT_INDICATOR_HEADING, re.IGNORECASE)
_HEADING_LABEL = re.compile(r"^\s*(?:[IVXLC]+\s*[.\-–]|\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\))\s*")
_TABLE_HEADER = re.compile(TABLE_NUMBER_HEADER, re.MULTILINE)
# "1 Tốc độ …" (PDF row) or "1" alone on its line (web table, one cell per line)
_ROW_START = re.compile(r"^[ \t]*(?P<label>\d{1,3})\.?(?:[ \t]+(?=\S)|[ \t]*$)", re.MULTILINE)
_SUB_ITEM = re.compile(r"^[ \t]*(?P<mark>[-+*•])[ \t]+", re.MULTILINE)
_PERIOD = re.compile(rf"(?:{_alternation(PERIOD_STARTS)})(?:\s*,\s*(?:{_alternation(PERIOD_FORMS)}))*")
_NUMBERED_ITEM = re.compile(r"^[ \t]*\((?P<label>\d{1,3})\)[ \t]*", re.MULTILINE)
# An item of a list: "- …", "+ …", "1. …", "a) …".  "- 2030." on its own line is the end of
# "giai đoạn 2021 \n- 2030" (seed 001), not a bullet.
_ITEM_MARK = re.compile(
    r"^[ \t]*(?:(?P<bullet>[-+*•])[ \t]+(?!\d{4}(?!\d))"
    r"|(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})[.)][ \t]+|(?P<letter>[a-zđ])\)[ \t]+"
    r"|(?P<paren>\(\d{1,2}\))[ \t]+)",
    re.MULTILINE,
)
# a sentence ends at "." before a capital; "7.700" groups thousands, no space follows
_SENTENCE_END = re.compile(r"\.[ \t]*\n?[ \t]*(?=[A-ZĐÀ-Ỹ])|\.[ \t]*$")
_CLAUSE_END = re.compile(r";")
_SUBSIDIARY = re.compile(rf"(?<!\w){SUBSIDIARY}(?!\w)", re.IGNORECASE)
_QUALITATIVE = _words(QUALITATIVE_VERBS)
_RANKING = re.compile(RANKING, re.IGNORECASE)
_RANKING_TOPIC = re.compile(RANKING_TOPIC, re.IGNORECASE)
_LINKING_AT_END = re.compile(rf"(?<!\w)(?:{_alternation(LINKING_VERBS)})$", re.IGNORECASE)
_VALUE_VERB_AT_END = re.compile(rf"(?<!\w)(?:{_alternation(VALUE_VERBS)})$", re.IGNORECASE)
# "giảm 60% …", "tăng trung bình 10%/năm": a value verb and, within two words, a number
_VALUE_VERB_BEFORE_NUMBER = re.compile(
    rf"(?:{_alternation(VALUE_VERBS)})[ \t]+(?:\w+[ \t]+){{0,2}}\d", re.IGNORECASE
)
_EXHORTATION = re.compile(rf"^(?:{_alternation(EXHORTATIONS)})(?!\w)", re.IGNORECASE)
_EXHORTATION_ANYWHERE = _words(EXHORTATIONS_ANYWHERE)
_CONNECTIVE = re.compile(rf"^(?:{_alternation(CONNECTIVES)})(?!\w)[\s,:]*", re.IGNORECASE)
_MEASURE_HEAD = re.compile(rf"^(?:{_alternation(MEASURE_HEADS)})(?!\w)", re.IGNORECASE)
_NAME_STOP = re.compile(
    rf",\s*(?:{_alternation(NAME_STOPS_AFTER_COMMA)})(?!\w)|(?<!\w)(?:{_alternation(NAME_STOPS)})(?!\w)",
    re.IGNORECASE,
)
_LIST_INTRO = _words(TARGET_LIST_INTROS)
# "đến năm 2030", "giai đoạn 2026 - 2030", "Từ năm 2025 trở đi" (real/31fb08f34535fce3)
_HORIZON_IN_NAME = re.compile(
    r"(?<!\w)từ\s+(?:năm\s+)?\d{4}\s+trở\s+đi"
    r"|(?<!\w)(?:cả\s+)?(?:(?:giai\s+đoạn|thời\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4}|(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?\d{4}"
    r"|năm\s+\d{4})",
    re.IGNORECASE,
)
_NAME_STRIP = " \t\n.,;:-–"

YearAt = Callable[[int], "int | None"]


# ------------------------------------------------------------------ registry


@dataclass(frozen=True)
class Reader:
    """One form of indicator text.  ``read(body, span, year_at)`` returns the indicators
    of ``body[span]`` (empty when the form is absent); ``year_at(offset)`` is the horizon
    the document gives at an offset.  Within a scope, the first reader (lowest priority
    number) that finds anything in a region wins it."""

    name: str
    scope: str  # "table" | "list" | "inline"
    priority: int
    read: Callable[[str, Span, YearAt], list[Indicator]]


READERS: list[Reader] = []


def reader(name: str, scope: str, priority: int):
    """Register a reader function under ``scope`` with ``priority`` (lower runs first)."""

    def register(read):
        READERS.append(Reader(name, scope, priority, read))
        READERS.sort(key=lambda r: (r.scope, r.priority, r.name))
        return read

    return register


def read_region(scope: str, body: str, span: Span, year_at: YearAt) -> tuple[str | None, list[Indicator]]:
    """(reader name, indicators) of the first reader of ``scope`` that finds any."""
    for r in READERS:
        if r.scope == scope:
            found = r.read(body, span, year_at)
            if found:
                return r.name, found
    return None, []


def _constant(year: int | None) -> YearAt:
    return lambda _offset: year


# ------------------------------------------------------------------ document


def extract_indicators(seg: SegmentedDocument) -> list[Indicator]:
    """All indicators of the document, in text order."""
    year_at = _year_at(seg)
    tables: list[Indicator] = []
    claimed: list[Span] = []
    for appendix in seg.appendices:
        appendix_year = horizon_year(appendix.title)
        at = _constant(appendix_year) if appendix_year else year_at
        _, rows = read_region("table", seg.body, appendix.span, at)
        if rows:
            # "-" / "+" lines of a flattened table are cells, not sections: rows belong
            # to the section holding the whole table ("Phụ lục I")
            _assign_section(rows, innermost_section(seg.sections, appendix.span))
            claimed.append(appendix.span)
            tables.extend(rows)
    listed: list[Indicator] = []
    for section, content in indicator_regions(seg.sections, exclude=claimed):
        _, rows = read_region("table", seg.body, content, year_at)
        if rows:
            _assign_section(rows, section)
            tables.extend(rows)
        else:
            for indicator in read_region("list", seg.body, content, year_at)[1]:
                _assign_section([indicator], innermost_section(seg.sections, indicator.span) or section)
                listed.append(indicator)
        claimed.append(content)
    for region in _unclaimed(seg, claimed):
        for indicator in read_region("inline", seg.body, region, year_at)[1]:
            _assign_section([indicator], innermost_section(seg.sections, indicator.span))
            indicator.agency = indicator.agency or _heading_body(seg, indicator.span)
            listed.append(indicator)
    found = tables + _not_in_tables(listed, tables)
    return sorted(found, key=lambda i: (i.span.start, i.span.end))


def _assign_section(indicators: list[Indicator], section: Section | None) -> None:
    for indicator in indicators:
        indicator.section = section.key if section else None


def _heading_body(seg: SegmentedDocument, span: Span) -> AgencyMention | None:
    """The body a section is about, for targets listed in its tasks: "1. Sở Y tế / a) Chủ trì …,
    cụ thể: Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ; …" (h05) is followed by Sở Y tế."""
    by_key = {s.key: s for s in seg.sections}
    node = innermost_section(seg.sections, span)
    while node is not None:
        heading = seg.body[node.heading_span.start : node.heading_span.end]
        label = _HEADING_LABEL.match(heading)
        start = label.end() if label else 0
        if is_agency_like(heading[start:]):
            mentions = parse_agencies(heading[start:], node.heading_span.start + start)
            return mentions[0] if len(mentions) == 1 else None
        node = by_key.get(node.parent) if node.parent else None
    return None


def _unclaimed(seg: SegmentedDocument, claimed: list[Span]) -> list[Span]:
    """The body after the title, minus the claimed regions, appendices, signature and addressees."""
    taken = claimed + [a.span for a in seg.appendices] + [s for s in (seg.signature, seg.recipients) if s]
    regions, at = [], seg.title.end if seg.title else 0
    for span in sorted(taken, key=lambda s: s.start):
        if span.start > at:
            regions.append(Span(at, span.start))
        at = max(at, span.end)
    if at < len(seg.body):
        regions.append(Span(at, len(seg.body)))
    return regions


def _not_in_tables(listed: list[Indicator], tables: list[Indicator]) -> list[Indicator]:
    """Prose indicators a table repeats are dropped: the table row is the record."""
    table_words = [set(_folded_words(i.name)) for i in tables]
    kept = []
    for indicator in listed:
        words = _folded_words(indicator.name)
        if words and any(sum(w in t for w in words) >= 0.8 * len(words) for t in table_words):
            continue
        kept.append(indicator)
    return kept


def _folded_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return re.findall(r"\w+", "".join(c for c in text if unicodedata.category(c) != "Mn"))


# ------------------------------------------------------------------ horizons


def horizon_year(text: str | None) -> int | None:
    """The year a phrase aims at: "đến năm 2030", "giai đoạn 2021 - 2030", "GIAI ĐOẠN
    2023-2030" → 2030; "phương hướng, nhiệm vụ năm 2025" → 2025.  "tầm nhìn đến năm
    2045" is skipped.  Range and "đến" forms win over a bare "năm YYYY"."""
    if not text:
        return None
    text = _VISION.sub(" ", clean(text))
    for pattern in _HORIZONS:
        match = pattern.search(text)
        if match:
            return int(match["year"])
    return None


def heading_horizon(heading: str | None) -> int | None:
    """A heading's horizon; a heading that is only a vision ("2. Tầm nhìn đến năm 2045",
    h10) aims at that year."""
    year = horizon_year(heading)
    vision = _VISION.match(_HEADING_LABEL.sub("", heading, count=1)) if year is None and heading else None
    if vision:
        return int(re.findall(r"\d{4}", vision.group())[-1])
    return year


def document_horizon(seg: SegmentedDocument) -> int | None:
    """Horizon from the title: "NGHỊ QUYẾT về phương hướng, nhiệm vụ năm 2025" → 2025."""
    if seg.title is None:
        return None
    return horizon_year(seg.body[seg.title.start : seg.title.end])


def _year_at(seg: SegmentedDocument) -> YearAt:
    """The horizon at an offset: the nearest enclosing heading that names one, else the title's."""
    by_key = {s.key: s for s in seg.sections}
    title_year = document_horizon(seg)

    def year_at(offset: int) -> int | None:
        node = innermost_section(seg.sections, offset)
        while node is not None:
            year = heading_horizon(node.heading)
            if year:
                return year
            node = by_key.get(node.parent) if node.parent else None
        return title_year

    return year_at


# -------------------------------------------------------------------- tables


@dataclass
class _Cell:
    text: str  # cleaned
    span: Span


@reader("column_table", "table", 10)
def _read_column_table(body: str, span: Span, year_at: YearAt) -> list[Indicator]:
    return column_table_indicators(body, span, year_at(span.start))


@reader("flat_table", "table", 20)
def _read_flat_table(body: str, span: Span, year_at: YearAt) -> list[Indicator]:
    return table_indicators(body, span, year_at(span.start))


_COLUMNS = tuple((role, re.compile(pattern, re.IGNORECASE)) for role, pattern in INDICATOR_COLUMNS)
_TABLE_LABEL = re.compile(TABLE_LABEL)
_NUMBER_CELL = re.compile(r"S?TT", re.IGNORECASE)
_TASK_HEADER = re.compile(TABLE_TASK_HEADER, re.IGNORECASE)


@dataclass
class _Group:
    kind: str  # roman | upper | lower | number: a group replaces the one of its kind
    label: str
    year: int | None


def column_table_indicators(body: str, span: Span, default_year: int | None = None) -> list[Indicator]:
    """Indicators of a table read one cell per line, its columns named by its header:

        TT / Chỉ tiêu / Đơn vị tính / Năm 2025 / Năm 2030 / Cơ quan theo dõi
        1 / Tốc độ tăng trưởng GRDP bình quân / %/năm / 7,0 / 8,0 / Sở Kế hoạch và Đầu tư

    One indicator per row and target column (a year column gives its horizon).  Group rows
    ("I" / "Giai đoạn 2025-2027", "I.1" / "Cung cấp dịch vụ số …") prefix the labels of the
    rows under them ("I.1.1") and lend them their horizon.  Empty when the table is not laid
    out so, or its target cells hold no values (a table of tasks with a "Kết quả" column)."""
    cells = [line for line in _cell_lines(body, span) if line[2]]
    start = next((i for i, (_, _, text) in enumerate(cells) if _NUMBER_CELL.fullmatch(text)), None)
    if start is None:
        return []
    end = next((i for i in range(start + 1, len(cells)) if _is_label(cells[i][2])), None)
    if end is None:
        return []
    headers = [text for _, _, text in cells[start + 1 : end]]
    if any(_TASK_HEADER.search(text) for text in headers):
        return []
    columns = _header_columns(headers)
    roles = [role for role, _ in columns]
    if "name" not in roles or not ({"year", "target"} & set(roles)):
        return []
    found: list[Indicator] = []
    groups: list[_Group] = []
    years: dict[str, int | None] = {}
    i, width = end, len(columns)
    while i < len(cells) and _is_label(cells[i][2]):
        label = cells[i][2].rstrip(".")
        after_row = i + 1 + width
        if after_row <= len(cells) and (after_row == len(cells) or _is_label(cells[after_row][2])):
            row = cells[i + 1 : after_row]
            year = next((g.year for g in reversed(groups) if g.year), None) or default_year
            found += _column_row(_row_label(groups, label), columns, row, Span(cells[i][0], row[-1][1]), year)
            i = after_row
        elif i + 2 < len(cells) and _is_label(cells[i + 2][2]):
            _enter_group(groups, label, heading_horizon(cells[i + 1][2]), years)
            i += 2
        else:
            break
    return found if _mostly_valued(found) else []


def _is_label(text: str) -> bool:
    return _TABLE_LABEL.fullmatch(text) is not None


def _header_columns(headers: list[str]) -> list[tuple[str, int | None]]:
    """Roles of the header cells; a spanning "Kết quả"/"Mục tiêu" cell over year cells is dropped."""
    columns = [_column_role(text) for text in headers]
    return [
        c
        for k, c in enumerate(columns)
        if not (c[0] == "target" and k + 1 < len(columns) and columns[k + 1][0] == "year")
    ]


def _label_kind(label: str) -> str:
    head = label.split(".")[0].rstrip(")")
    if head.isdigit():
        return "number"
    if re.fullmatch(r"[IVXLC]+", head):
        return "roman"
    return "upper" if head.isupper() else "lower"


def _enter_group(groups: list[_Group], label: str, year: int | None, years: dict[str, int | None]) -> None:
    """ "I.1" under "I" replaces it (its label is the whole path) and keeps its horizon ("Giai
    đoạn 2025-2027"), as does "I.2" after "I.1"; "A" under "I" nests."""
    kind = _label_kind(label)
    at = next((k for k, g in enumerate(groups) if g.kind == kind), len(groups))
    del groups[at:]
    parts = label.split(".")
    inherited = next(
        (years[p] for p in (".".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)) if years.get(p)), None
    )
    years[label] = year or inherited
    groups.append(_Group(kind, label, years[label]))


def _row_label(groups: list[_Group], label: str) -> str:
    """ "1" under "I.1" → "I.1.1"; a dotted row label ("2.3") is already a whole path."""
    if "." in label:
        return label
    return ".".join([g.label.rstrip(")") for g in groups] + [label])


def _cell_lines(body: str, span: Span) -> list[tuple[int, int, str]]:
    lines, pos = [], span.start
    for line in body[span.start : span.end].split("\n"):
        text = line.strip().strip("|").strip()
        lines.append((pos, pos + len(line), text))
        pos += len(line) + 1
    return lines


def _column_role(header: str) -> tuple[str, int | None]:
    for role, pattern in _COLUMNS:
        match = pattern.search(header)
        if match:
            return role, int(match["year"]) if role == "year" else None
    return "other", None


def _column_row(
    label: str,
    columns: list[tuple[str, int | None]],
    row: list[tuple[int, int, str]],
    span: Span,
    default_year: int | None,
) -> list[Indicator]:
    def cell(role: str) -> tuple[int, int, str] | None:
        return next((row[i] for i, (r, _) in enumerate(columns) if r == role), None)

    name, unit, agency_cell, period = cell("name"), cell("unit"), cell("agency"), cell("period")
    assert name is not None  # column_table_indicators reads only tables with a name column
    agencies = parse_agencies(agency_cell[2], agency_cell[0]) if agency_cell else []
    made = []
    for i, (role, year) in enumerate(columns):
        value = row[i][2]
        if role not in ("year", "target") or not value or value in ("-", "–", "x"):
            continue
        with_unit = f"{value} {unit[2]}" if unit and unit[2] and unit[2] not in value else value
        made.append(
            Indicator(
                label,
                clean(name[2]).rstrip(" ."),
                parse_target(with_unit),
                horizon_year=year or default_year,
                agency=agencies[0] if agencies else None,
                period=period[2] if period else None,
                span=span,
                co_agencies=agencies[1:],
            )
        )
    return made


def table_indicators(body: str, span: Span, default_year: int | None = None) -> list[Indicator]:
    """Indicators of a flattened indicator table inside ``span`` (empty if there is none).

    The header ("TT CHỈ TIÊU KẾ HOẠCH GIAI ĐOẠN 2023-2030 …") must name the
    indicator column; its year phrase is the horizon of every row.  Rows start
    with their number at the start of a line, numbered 1, 2, 3 … in order."""
    region = body[span.start : span.end]
    header = _TABLE_HEADER.search(region)
    if header is None:
        return []
    rows = list(_numbered_rows(region, header.end()))
    if not rows or not re.search(TABLE_INDICATOR_HEADER, region[header.start() : rows[0][1]], re.IGNORECASE):
        return []
    header_text = region[header.start() : rows[0][1]]
    if _TASK_HEADER.search(header_text):
        return []
    year = horizon_year(header_text) or default_year
    has_agency = re.search(TABLE_AGENCY_HEADER, header_text, re.IGNORECASE) is not None
    has_period = re.search(TABLE_PERIOD_HEADER, header_text, re.IGNORECASE) is not None
    found = []
    bounds = [start for _, start in rows] + [len(region)]
    for (label, start), end in zip(rows, bounds[1:], strict=False):
        found.extend(
            _table_row(body, span.start + start, span.start + end, label, year, has_agency, has_period)
        )
    return found if _mostly_valued(found) else []


def _mostly_valued(rows: list[Indicator]) -> bool:
    """A table read right gives most rows a value; a table of yearly columns flattened beyond
    repair (real/f1e0981425ec38be Phụ lục 01: "Cà Phê - Diện tích Ha 26.120 27.000 …") does not."""
    valued = sum(1 for x in rows if x.target and x.target.comparator != "qualitative")
    return valued * 2 >= len(rows)


def _numbered_rows(region: str, start: int):
    """(label, offset) of each row start: "1 Tốc độ …", "2 GRDP …", numbered in sequence."""
    expected = 1
    for match in _ROW_START.finditer(region, start):
        if int(match["label"]) == expected:
            yield match["label"], match.start()
            expected += 1


def _table_row(
    body: str, start: int, end: int, label: str, year: int | None, has_agency: bool, has_period: bool
) -> list[Indicator]:
    """One row: name (and sub-items), the run of target values, the agency cell, the period cell."""
    row = body[start:end]
    row_start = _ROW_START.match(row)
    content_start = row_start.end() if row_start else 0
    period_match = _PERIOD.search(row, content_start) if has_period else None
    cells_end = period_match.start() if period_match else len(row)
    targets = _last_target_run(row, find_targets(row[:cells_end]), content_start)
    agency_start = targets[-1].end if targets else cells_end
    agencies = parse_agencies(row[agency_start:cells_end], start + agency_start) if has_agency else []
    parent, subs = _split_sub_items(row, content_start, targets[0].start if targets else cells_end, start)
    shared = dict(
        horizon_year=year,
        agency=agencies[0] if agencies else None,
        period=clean(period_match.group()) if period_match else None,
        co_agencies=agencies[1:],
    )
    return _row_indicators(
        label, parent, subs, [t.target for t in targets], _trimmed(body, start, end), shared
    )


def _row_indicators(
    label: str,
    parent: _Cell,
    subs: list[tuple[str, _Cell]],
    values: list[Target],
    row_span: Span,
    shared: dict,
) -> list[Indicator]:
    """The row's indicator and one per sub-item ("3.a", "3.b" …), values given in order.

    When there are as many values as sub-items the parent ("Cơ cấu kinh tế:") has none."""
    values = list(values)
    parent_target = None if subs and len(values) == len(subs) else (values.pop(0) if values else None)
    parent_name = parent.text.rstrip(":").strip()
    made = [Indicator(label, parent_name, parent_target, span=row_span, **shared)]
    outer = parent_name  # "+" sub-items narrow the "-" sub-item above them
    for letter, (mark, cell) in zip("abcdefghijklmnopqrstuvwxyz", subs, strict=False):
        name = _sub_name(parent_name if mark == "-" else outer, cell.text.rstrip(":").strip())
        if mark == "-":
            outer = name
        made.append(
            Indicator(f"{label}.{letter}", name, values.pop(0) if values else None, span=cell.span, **shared)
        )
    return made


def _last_target_run(row: str, targets: list[TargetMatch], content_start: int) -> list[TargetMatch]:
    """The target cell: the last run of values separated only by blanks.

    "Tỷ lệ trẻ em dưới 5 tuổi … dưới 20%" keeps "dưới 20%" only; "39,5 - 40% 28,7%
    37% - 37,5%" is one run of three."""
    targets = [t for t in targets if t.start >= content_start]
    run: list[TargetMatch] = []
    for t in targets:
        if run and row[run[-1].end : t.start].strip():
            run = []
        run.append(t)
    return run


def _split_sub_items(row: str, start: int, end: int, offset: int) -> tuple[_Cell, list[tuple[str, _Cell]]]:
    """The row's name and its "- …" / "+ …" sub-items, each with its span in the body."""
    marks = list(_SUB_ITEM.finditer(row, start, end))
    first = marks[0].start() if marks else end
    parent = _cell(row, start, first, offset)
    subs = []
    for i, mark in enumerate(marks):
        sub_end = marks[i + 1].start() if i + 1 < len(marks) else end
        subs.append((mark["mark"], _cell(row, mark.end(), sub_end, offset)))
    return parent, subs


# --------------------------------------------------------------------- lists


def indicator_sections(sections: list[Section], exclude: Sequence[Span] = ()) -> list[Section]:
    """Sections whose heading announces indicators, outside ``exclude`` spans: "2. Mục tiêu cụ
    thể đến năm 2030", "1. Phấn đấu đạt các chỉ tiêu cụ thể đến năm 2030", "2.1. Các chỉ
    tiêu về kinh tế", "II- MỤC TIÊU"."""
    return [
        s
        for s in sections
        if _announces_indicators(s.heading) and not any(_overlaps(s.span, x) for x in exclude)
    ]


def indicator_regions(sections: list[Section], exclude: Sequence[Span] = ()) -> list[tuple[Section, Span]]:
    """(section, text) to read for indicators: each announcing section's content without the
    announcing sections inside it, which are read on their own.  "II. MỤC TIÊU" of h02 holds
    "a) Mục tiêu chung", "b) Mục tiêu theo ngành" and "2. Phát triển xã hội số … (14 mục
    tiêu)": the last is read as part of "II. MỤC TIÊU"."""
    matching = indicator_sections(sections, exclude)
    regions = []
    for section in matching:
        inner = sorted(
            (
                o.span
                for o in matching
                if o is not section and section.span.contains(o.span) and o.span != section.span
            ),
            key=lambda sp: sp.start,
        )
        at = section.heading_span.end
        for span in [*inner, Span(section.span.end, section.span.end)]:
            if span.start > at:
                regions.append((section, Span(at, span.start)))
            at = max(at, span.end)
    return regions


def _announces_indicators(heading: str) -> bool:
    """A heading announcing targets neither numbers nor states one: "- Chỉ tiêu 1: Năm 2025 đạt
    60% các cơ quan …" (real/31fb08f34535fce3) is a target of the list, not its heading."""
    text = _HEADING_LABEL.sub("", heading, count=1)
    return (
        bool(_INDICATOR_HEADING.match(text))
        and not _NOT_INDICATOR_HEADING.search(text)
        and not _TARGET_NUMBER.match(text)
        and not find_targets(text)
    )


def list_indicators(body: str, span: Span, default_year: int | None = None) -> list[Indicator]:
    """Indicators of the numbered items, bullets or paragraphs inside ``span``."""
    return read_region("list", body, span, _constant(default_year))[1]


@reader("numbered_items", "list", 10)
def _read_numbered_items(body: str, span: Span, year_at: YearAt) -> list[Indicator]:
    """ "(3) Tỷ lệ vốn đầu tư/GRDP chiếm trên 30%." (seed 003): the document numbers its
    indicators, so each "(n)" item is one, measured by its first clause."""
    region = body[span.start : span.end]
    marks = list(_NUMBERED_ITEM.finditer(region))
    found = []
    for i, mark in enumerate(marks):
        end = span.start + (marks[i + 1].start() if i + 1 < len(marks) else len(region))
        indicator = _numbered_indicator(
            body, span.start + mark.start(), span.start + mark.end(), end, f"({mark['label']})", year_at
        )
        if indicator is not None:
            found.append(indicator)
    return found


@reader("statements", "list", 20)
def _read_statements(body: str, span: Span, year_at: YearAt) -> list[Indicator]:
    """Every sentence of every bullet, numbered line or paragraph that states a value."""
    found = []
    for item in (_numbered_target(body, i) for i in _list_items(body, span)):
        for start, end in _sentences(body, item):
            year = horizon_year(body[start:end]) or year_at(start)
            for c_start, c_end in _pieces(body, start, end, _CLAUSE_END):
                found += _clause_indicators(body, c_start, c_end, item.label, year)
    return found


@reader("target_list", "inline", 10)
def _read_target_lists(body: str, span: Span, year_at: YearAt) -> list[Indicator]:
    """A sentence of ordinary text listing targets: from a clause with "Phấn đấu" on, a run
    of at least ``TARGET_RUN`` "; "-separated clauses that each state a value, the first with
    "Phấn đấu" before its value (h05)."""
    found = []
    for item in _list_items(body, span):
        for start, end in _sentences(body, item):
            if not _LIST_INTRO.search(body, start, end):
                continue
            year = horizon_year(body[start:end]) or year_at(start)
            run: list[Indicator] = []
            for c_start, c_end in _pieces(body, start, end, _LIST_CLAUSE_END):
                clause = _clause_indicators(body, c_start, c_end, item.label, year)
                valued = [i for i in clause if i.target and i.target.comparator != "qualitative"]
                if valued and (run or _LIST_INTRO.search(body, c_start, _first_digit(body, c_start, c_end))):
                    run += valued
                    continue
                found += run if len(run) >= TARGET_RUN else []
                run = []
            found += run if len(run) >= TARGET_RUN else []
    return found


_LIST_CLAUSE_END = re.compile(r"[;:]")
_DIGIT = re.compile(r"\d")


def _first_digit(body: str, start: int, end: int) -> int:
    digit = _DIGIT.search(body, start, end)
    return digit.start() if digit else end


@dataclass(frozen=True)
class _Item:
    label: str  # printed mark: "-", "+", "1", "a", or "" for a plain paragraph
    start: int  # text start, after the mark
    end: int


def _list_items(body: str, span: Span) -> list[_Item]:
    """Bullets, numbered lines and paragraphs of ``body[span]``.  A line continues the item
    above it when that one has not ended its sentence (a full-width line without final
    punctuation) and the line opens in lower case or with a digit ("7.900 USD.", "2030 đạt 72 - 73%." in seed 001), or when the text is hard-
    wrapped (PDF); otherwise a line opening in upper case is a paragraph of its own (h01, h10)."""
    wrapped = _hard_wrapped(body[span.start : span.end])
    lines = body[span.start : span.end].split("\n")
    full = 0.6 * max(len(line.strip()) for line in lines)
    items: list[list] = []  # [label, start, end]
    pos, previous = span.start, ""
    for line in lines:
        line_end, text = pos + len(line), line.strip()
        mark = _ITEM_MARK.match(line)
        # a sentence ends at its punctuation, or where a short line (a heading: "- Du lịch và dịch vụ") stops
        ended = not previous or previous[-1] in ".;:!?" or len(previous) < full
        if mark and (mark["bullet"] or mark["paren"] or ended or line[mark.end() : mark.end() + 1].isupper()):
            items.append(
                [
                    mark["bullet"] or mark["number"] or mark["letter"] or mark["paren"],
                    pos + mark.end(),
                    line_end,
                ]
            )
        elif text and (not items or ((ended or text[0].isupper()) and not wrapped)):
            items.append(["", pos, line_end])
        elif items:
            items[-1][2] = line_end
        previous = text or previous
        pos = line_end + 1
    return [_Item(label, start, end) for label, start, end in items if body[start:end].strip()]


def _numbered_target(body: str, item: _Item) -> _Item:
    """ "- Chỉ tiêu 3: Tỷ lệ nữ giám đốc …": the item is target 3; its text starts after the number."""
    number = _TARGET_NUMBER.match(body[item.start : min(item.end, item.start + 40)])
    return _Item(f"Chỉ tiêu {number['n']}", item.start + number.end(), item.end) if number else item


_TARGET_NUMBER = re.compile(TARGET_NUMBER, re.IGNORECASE)


def _hard_wrapped(text: str) -> bool:
    """PDF text breaks sentences across lines (many lines open in lower case)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    wraps = sum(1 for ln in lines if ln[0].islower())
    return len(lines) >= 3 and wraps / len(lines) > 0.15


def _sentences(body: str, item: _Item) -> list[tuple[int, int]]:
    return _pieces(body, item.start, item.end, _SENTENCE_END)


def _clause_indicators(body: str, start: int, end: int, label: str, year: int | None) -> list[Indicator]:
    """The indicators of one "; " clause: its "trong đó" parts and comma-joined targets."""
    found: list[Indicator] = []
    parent_name = None
    for p_start, p_end, subsidiary in _subsidiary_pieces(body, start, end):
        for q_start, q_end in _comma_pieces(body, p_start, p_end):
            statement = _statement(body[q_start:q_end])
            if statement is None:
                continue
            name, target = statement
            if subsidiary and parent_name:
                name = _sub_name(parent_name, "trong đó " + _uncapitalised(name))
            elif parent_name is None:
                parent_name = name
            found.append(Indicator(label, name, target, year, None, None, _trimmed(body, q_start, q_end)))
    return found


def _subsidiary_pieces(body: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Parts of a clause around "trong đó", each with whether it follows one."""
    pieces, at, subsidiary = [], start, False
    for match in _SUBSIDIARY.finditer(body, start, end):
        if body[at : match.start()].strip(" \t\n;,:("):
            pieces.append((at, _rstrip(body, at, match.start(), " \t\n;,:("), subsidiary))
        at, subsidiary = _lstrip(body, match.end(), end, " \t\n:,"), True
    if body[at:end].strip(_NAME_STRIP):
        pieces.append((at, end, subsidiary))
    return pieces


def _comma_pieces(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "… tăng trung bình 16 - 18%/năm, tỉ lệ khai thác thương mại đạt 8 - 10%" (h10) and
    "giảm 50% số cặp tảo hôn, giảm 60% số cặp …" (h05) are two targets: a comma opens a new
    one when a measure or a value verb with its number follows and both sides state a value."""
    values = [start + t.start for t in find_targets(body[start:end])]
    pieces, at = [], start
    for comma in _COMMA.finditer(body, start, end):
        cut, rest = comma.start(), comma.end()
        stated_before = bisect.bisect_left(values, at) < bisect.bisect_left(values, cut)
        stated_after = bisect.bisect_left(values, rest) < len(values)
        if stated_before and stated_after and _opens_target(body[rest : min(end, rest + 80)]):
            pieces.append((at, cut))
            at = rest
    pieces.append((at, end))
    return pieces


_COMMA = re.compile(r",[ \t\n]*")


def _opens_target(text: str) -> bool:
    return bool(_MEASURE_HEAD.match(text) or _VALUE_VERB_BEFORE_NUMBER.match(text))


def _numbered_indicator(
    body: str, mark: int, start: int, end: int, label: str, year_at: YearAt
) -> Indicator | None:
    """ "(3) Tỷ lệ vốn đầu tư/GRDP chiếm trên 30%." → one indicator, from the first clause."""
    item = body[start:end]
    stop = _FIRST_CLAUSE_END.search(item)
    clause_end = stop.start() if stop else len(item)
    statement = _statement(item[:clause_end])
    span = _trimmed(body, mark, end)
    sentence_year = horizon_year(item[:clause_end]) or year_at(start)
    if statement is None:
        name = clean(item[:clause_end]).strip(_NAME_STRIP)
        return Indicator(label, _capitalised(name), None, sentence_year, None, None, span) if name else None
    name, target = statement
    return Indicator(label, name, target, sentence_year, None, None, span)


_FIRST_CLAUSE_END = re.compile(rf";|\(\s*{SUBSIDIARY}(?!\w)|\.\s+(?=[A-ZĐÀ-Ỹ])|\.\s*$", re.IGNORECASE)


def _pieces(body: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    """Bounds of the non-empty pieces of ``body[start:end]`` between separators."""
    pieces, at = [], start
    for match in separator.finditer(body, start, end):
        if body[at : match.start()].strip():
            pieces.append((at, match.start()))
        at = match.end()
    if body[at:end].strip(_NAME_STRIP):
        pieces.append((at, end))
    return pieces


# ----------------------------------------------------------------- sentences


def _statement(text: str) -> tuple[str, Target] | None:
    """Name and target of one indicator sentence, or None when it states no target.

    "GRDP bình quân đầu người đến năm 2030 đạt trong khoảng 7.700 - 7.900 USD"
        → ("GRDP bình quân đầu người", range 7700..7900 USD)
    "100% cán bộ, công chức, viên chức được đào tạo kỹ năng số cơ bản"
        → ("Cán bộ, công chức, viên chức được đào tạo kỹ năng số cơ bản", eq 100 %)
    "Phấn đấu giảm 3.000 hộ nghèo" → ("Giảm hộ nghèo", eq 3000 hộ)
    "Việt Nam thuộc nhóm 30 nước dẫn đầu thế giới về đổi mới sáng tạo"
        → ("Đổi mới sáng tạo", qualitative "thuộc nhóm 30 nước dẫn đầu thế giới")
    "Tỷ lệ đô thị hóa ngang bằng với bình quân của cả nước"
        → ("Tỷ lệ đô thị hóa", qualitative "ngang bằng với bình quân của cả nước")"""
    text = _CONNECTIVE.sub("", clean(text).strip(" ;,.:"))
    text = _TOPIC_BEFORE_MEASURE.sub("", text, count=1)
    chosen = _main_target(text)
    rank = _RANKING.search(text)
    qualitative = _QUALITATIVE.search(text)
    if (
        rank
        and (chosen is None or rank.start() <= chosen.start)
        and (qualitative is None or rank.start() <= qualitative.start())
    ):
        return _rank_statement(text, rank)
    if chosen is None:
        return _qualitative_statement(text, qualitative)
    before = _last_measure(_name_part(text[: chosen.start]))
    if _names_measure(before, text[: chosen.start]):
        return _capitalised(before), chosen.target
    name = _action_name(text, chosen)
    return (_capitalised(name), chosen.target) if name else None


# "Các sản phẩm trái cây: Tổng sản phẩm trái cây tham gia xuất khẩu phấn đấu … đạt trên 46.200 tấn"
# (Quyết định 2954/QĐ-UBND of Sơn La): the topic before the colon is not the measure's name
_TOPIC_BEFORE_MEASURE = re.compile(
    rf"^[^:;]{{1,80}}:\s+(?=(?:{_alternation(MEASURE_HEADS)})(?!\w))", re.IGNORECASE
)


def _main_target(text: str) -> TargetMatch | None:
    """The value the sentence is about: one with a known unit if any ("dưới 20%" over
    "dưới 5 [tuổi]"), the first that follows a value verb ("đạt", "chiếm", "tăng")."""
    targets = find_targets(text)
    candidates = [t for t in targets if t.has_unit] or targets
    # "Hình thành mới 05 Khu công nghiệp, nâng tổng số lên 12 KCN", "… tổng công suất bổ sung khoảng 2.989,5 MW,
    # nâng tổng công suất năng lượng toàn tỉnh lên 4.758,5 MW" (Lào Cai's Đề án 08 plan): the total it brings things
    # up to follows the target
    candidates = [t for t in candidates if not _RUNNING_TOTAL.search(text[: t.start])] or candidates
    for t in candidates:  # the verb is within a few words before the value
        if _VALUE_VERB_AT_END.search(text[max(0, t.start - 40) : t.start].rstrip()):
            return t
    return candidates[0] if candidates else None


_RUNNING_TOTAL = re.compile(r"(?<!\w)nâng\s+tổng\s[^,;.]*?(?<!\w)lên\s*$", re.IGNORECASE)


def _last_measure(name: str) -> str:
    """ "Phấn đấu giảm tai nạn lao động, tỷ lệ tai nạn lao động chết người giảm …" (seed 003):
    when the words before the value do not open with a measure, one named after a comma (or
    "vào") is the one the value belongs to."""
    if _MEASURE_HEAD.match(name):
        return name
    last = _last_match(_MEASURE_AFTER_COMMA, name)
    return _QUALITATIVE_AT_END.sub("", name[last.end() :]).strip(_NAME_STRIP) if last else name


# ", tỷ lệ …"; "… góp phần …, đóng góp vào chỉ số phát triển con người (HDI) duy trì trên 0,7" (h10)
_MEASURE_AFTER_COMMA = re.compile(
    rf"(?:,|(?<!\w)vào)\s+(?=(?:{_alternation(MEASURE_HEADS)})(?!\w))", re.IGNORECASE
)
_QUALITATIVE_AT_END = re.compile(rf"(?<!\w)(?:{_alternation(QUALITATIVE_VERBS)})$", re.IGNORECASE)


def _names_measure(name: str, before: str) -> bool:
    """Whether the words before the value name what is measured ("Quy mô kinh tế số đạt …",
    "tỷ số giới tính khi sinh dưới 109 …") rather than act on it ("Hình thành ít nhất 20 …",
    "Thu hút thêm ít nhất 3 tổ chức …")."""
    if _MEASURE_HEAD.match(name):
        return True
    verb = _VALUE_VERB_AT_END.search(before.rstrip())
    return verb is not None and len(_name_part(before[: verb.start()]).split()) >= 3


def _rank_statement(text: str, rank: re.Match) -> tuple[str, Target] | None:
    """A rank is named by its subject, or, when the subject is only a place ("Việt Nam") or
    absent, by what follows "về"."""
    subject = _name_part(text[: rank.start()])
    topic = _RANKING_TOPIC.search(text, rank.end())
    if topic and (not subject or _is_proper_name(subject)):
        name, target = _until_name_stop(text[topic.end() :]), text[rank.start() : topic.start()]
    else:
        name, target = subject, text[rank.start() :]
    target = target.strip(_NAME_STRIP)
    if not name or not target:
        return None
    return _capitalised(name), Target(raw=target, comparator="qualitative")


def _is_proper_name(text: str) -> bool:
    return all(word[:1].isupper() for word in text.split())


def _qualitative_statement(text: str, verb: re.Match | None) -> tuple[str, Target] | None:
    """ "Tỷ lệ đô thị hóa ngang bằng với …": kept only when a measure is named (a sentence such as
    "Tiềm lực … thuộc nhóm dẫn đầu" states an aim, not an indicator)."""
    if verb is None or verb.start() == 0:
        return None
    name = _name_part(text[: verb.start()])
    if not name or not _MEASURE_HEAD.match(name):
        return None
    return _capitalised(name), parse_target(text[verb.start() :])


def _name_part(text: str) -> str:
    """Strip the exhortation, horizon phrases and the linking verb from a name."""
    text = _without_exhortation(text.strip())
    text = _HORIZON_IN_NAME.sub("", text).strip(_NAME_STRIP)
    previous = None
    while previous != text:
        previous = text
        text = _LINKING_AT_END.sub("", text).strip(_NAME_STRIP)
    return text


def _without_exhortation(text: str) -> str:
    """ "Phấn đấu …", "Trong giai đoạn 2026 - 2030 phấn đấu có …" (h04): the exhortation,
    and whatever precedes "phấn đấu", are not part of the name, unless a measure precedes it
    and nothing but a verb follows ("Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử phấn đấu
    đạt …", h02)."""
    last = _last_match(_EXHORTATION_ANYWHERE, text)
    if last is None:
        return _EXHORTATION.sub("", text, count=1).strip(_NAME_STRIP)
    before, after = text[: last.start()].strip(_NAME_STRIP), text[last.end() :].strip(_NAME_STRIP)
    # (a horizon may sit between: "Tổng sản phẩm Xoài tham gia xuất khẩu phấn đấu đến năm 2030 đạt …")
    rest = _HORIZON_IN_NAME.sub("", _TRAILING_FILLER.sub("", after)).strip(_NAME_STRIP)
    if _MEASURE_HEAD.match(before) and not _TRAILING_FILLER.sub("", rest).strip(_NAME_STRIP):
        return f"{before} {after}"
    return after


def _action_name(text: str, chosen: TargetMatch) -> str:
    """A sentence whose value comes first names the counted thing around the value:
    "Phấn đấu kết nạp 2.000 đảng viên trở lên" → "kết nạp đảng viên";
    "Thành lập 02 thị trấn trực thuộc cấp huyện" → "Thành lập thị trấn trực thuộc cấp huyện";
    "100% hợp tác xã nông nghiệp … áp dụng hệ thống truy xuất nguồn gốc … để phục vụ xuất
    khẩu" → "hợp tác xã nông nghiệp … áp dụng hệ thống truy xuất nguồn gốc …"."""
    before = _HORIZON_IN_NAME.sub("", _without_exhortation(text[: chosen.start].strip())).strip(_NAME_STRIP)
    before = _TRAILING_FILLER.sub("", before).strip(_NAME_STRIP)
    after = _until_name_stop(text[chosen.end :])
    unit = chosen.target.unit if chosen.target.unit in COUNT_UNITS else ""
    name = " ".join(p for p in (before, unit) if p)
    if after:  # "3 tổ chức, doanh nghiệp công nghệ …" keeps its comma
        name = f"{name}{'' if not name or after.startswith(',') else ' '}{after}"
    return _HORIZON_IN_NAME.sub("", name).strip(_NAME_STRIP)


_TRAILING_FILLER = re.compile(rf"(?<!\w)(?:{_alternation((*LINKING_VERBS, 'có'))})$", re.IGNORECASE)


def _until_name_stop(text: str) -> str:
    stop = _NAME_STOP.search(text)
    return clean(text[: stop.start()] if stop else text).strip().rstrip(_NAME_STRIP)


def _sub_name(parent: str, sub: str) -> str:
    """ "Dịch vụ" under "Cơ cấu kinh tế" → "Cơ cấu kinh tế: Dịch vụ";
    "Trong đó, công nghiệp" → "<parent>, trong đó công nghiệp";
    "trong đó: tốc độ tăng trưởng của khu vực Công nghiệp" names its own measure."""
    match = re.match(rf"{SUBSIDIARY}(?!\w)[ \t]*[:,]?", sub, re.IGNORECASE)
    if not match:
        return f"{parent}: {sub}"
    rest = sub[match.end() :].strip(_NAME_STRIP)
    if _MEASURE_HEAD.match(rest):
        return _capitalised(rest)
    return f"{parent}, trong đó {rest}"


# ------------------------------------------------------------------- helpers


def _cell(row: str, start: int, end: int, offset: int) -> _Cell:
    span = _trimmed(row, start, end)
    return _Cell(clean(row[span.start : span.end]), Span(offset + span.start, offset + span.end))


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _rstrip(text: str, start: int, end: int, chars: str) -> int:
    while end > start and text[end - 1] in chars:
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int, chars: str) -> int:
    while start < end and text[start] in chars:
        start += 1
    return start


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _uncapitalised(text: str) -> str:
    """Undo ``_capitalised`` inside a sentence; acronyms ("GRDP", "HDI") stay."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
