"""Indicators (chỉ tiêu): what is measured, its target, horizon, monitoring agency and period.

Three layouts (tables of forms in ``patterns/indicators.py``):

1. An indicator table in an appendix, flattened by PDF extraction (seed 000 Phụ lục I)::

       TT CHỈ TIÊU KẾ HOẠCH GIAI ĐOẠN 2023-2030 CƠ QUAN CHỦ TRÌ THEO DÕI, ĐÁNH GIÁ, BÁO CÁO KỲ BÁO CÁO
       1 Tốc độ tăng trưởng GRDP bình quân  > 9%/năm Sở Kế hoạch và Đầu tư Hằng năm, giữa kỳ, 5 năm
       3 Cơ cấu kinh tế:
       - Công nghiệp - Xây dựng:
        + Trong đó, công nghiệp:
       - Dịch vụ:
       39,5 - 40%
       28,7%
       37% - 37,5%
       Sở Kế hoạch và Đầu tư,
       Sở Công Thương
       Hằng năm, giữa kỳ, 5 năm

   Cells come in column order, so a row reads: name (with "-"/"+" sub-items),
   the run of target values, the agency cell, the period cell.

2. Bullets under a heading such as "2. Mục tiêu cụ thể đến năm 2030" (seeds 001, 004)::

       - GRDP bình quân đầu người đến năm 2030 đạt trong khoảng 7.700 - 7.900 USD.
       - Tốc độ tăng trưởng GRDP bình quân thời kỳ 2021 - 2030 đạt 7,25 - 8,25%/năm; trong đó:
         tốc độ tăng trưởng của khu vực Công nghiệp đạt 8,25 - 9,25%/năm  . GRDP bình quân …

   Each sentence (and each "; trong đó" clause) of a bullet is one indicator.

3. Numbered items under "2.1. Các chỉ tiêu về kinh tế" (seed 003)::

       (12) Phấn đấu có thêm ít nhất 14 xã đạt chuẩn nông thôn mới, nâng số xã … lên 151/193 xã.

   The document numbers its indicators, so each "(n)" item is one indicator,
   measured by its first clause; further figures of the item are not split off.

Sub-indicators (a "-"/"+" sub-item of a table row, a "trong đó" clause of a
bullet) are separate ``Indicator`` records.  In a table their label is the
row's label and a letter in order of appearance ("3.a", "3.b", "3.c", "9.a");
in bullets every indicator keeps the printed "-".  Their name carries the
parent: "Cơ cấu kinh tế: Dịch vụ", "Cơ cấu kinh tế: Công nghiệp - Xây dựng,
trong đó công nghiệp", "Tỷ lệ lao động qua đào tạo, trong đó có bằng cấp, chứng
chỉ"; a "trong đó" clause that names its own measure keeps it ("Tốc độ tăng
trưởng của khu vực Công nghiệp").  A parent whose sub-items carry all the
values ("Cơ cấu kinh tế") has no target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Indicator, Section, SegmentedDocument, Span, Target
from ..normalise import clean
from ..patterns.indicators import (COUNT_UNITS, EXHORTATIONS, HORIZON_PATTERNS, INDICATOR_COLUMNS, INDICATOR_HEADING,
                                   LINKING_VERBS, MEASURE_HEADS, PERIOD_FORMS, PERIOD_STARTS,
                                   QUALITATIVE_VERBS, SUBSIDIARY, TABLE_AGENCY_HEADER, TABLE_INDICATOR_HEADER,
                                   TABLE_NUMBER_HEADER, TABLE_PERIOD_HEADER, VALUE_VERBS, VISION)
from ..segment import innermost_section
from .agencies import parse_agencies
from .targets import TargetMatch, find_targets, parse_target


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_HORIZONS = tuple(re.compile(p, re.IGNORECASE) for p in HORIZON_PATTERNS)
_VISION = re.compile(VISION, re.IGNORECASE)
_INDICATOR_HEADING = re.compile(INDICATOR_HEADING, re.IGNORECASE)
_HEADING_LABEL = re.compile(r"^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\))\s*")
_TABLE_HEADER = re.compile(TABLE_NUMBER_HEADER, re.MULTILINE)
# "1 Tốc độ …" (PDF row) or "1" alone on its line (web table, one cell per line)
_ROW_START = re.compile(r"^[ \t]*(?P<label>\d{1,3})\.?(?:[ \t]+(?=\S)|[ \t]*$)", re.MULTILINE)
_SUB_ITEM = re.compile(r"^[ \t]*(?P<mark>[-+*•])[ \t]+", re.MULTILINE)
_PERIOD = re.compile(rf"(?:{_alternation(PERIOD_STARTS)})(?:\s*,\s*(?:{_alternation(PERIOD_FORMS)}))*")
_NUMBERED_ITEM = re.compile(r"^[ \t]*\((?P<label>\d{1,3})\)[ \t]*", re.MULTILINE)
# "- 2030." on its own line is the end of "giai đoạn 2021 \n- 2030", not a bullet
_BULLET = re.compile(r"^[ \t]*(?P<mark>[-+*•])[ \t]+(?!\d{4}\b)", re.MULTILINE)
# a sentence ends at "." before a capital; "7.700" groups thousands, no space follows
_SENTENCE_END = re.compile(r"\s*\.\s+(?=[A-ZĐÀ-Ỹ])|\s*\.\s*$")
_CLAUSE_END = re.compile(r"\s*;\s*")
_SUBSIDIARY_SPLIT = re.compile(rf"\s*[;,:(]?\s*\b{SUBSIDIARY}\b\s*[:,]?\s*", re.IGNORECASE)
_FIRST_CLAUSE_END = re.compile(rf";|\(\s*{SUBSIDIARY}\b|\.\s+(?=[A-ZĐÀ-Ỹ])|\.\s*$", re.IGNORECASE)
_QUALITATIVE = re.compile(rf"(?<!\w)(?:{_alternation(QUALITATIVE_VERBS)})(?!\w)", re.IGNORECASE)
_TRAILING_LINK = re.compile(rf"(?:\s+|^)(?:{_alternation(LINKING_VERBS)})\s*$", re.IGNORECASE)
_VALUE_VERB_BEFORE = re.compile(rf"(?<!\w)(?:{_alternation(VALUE_VERBS)})\s*$", re.IGNORECASE)
_EXHORTATION = re.compile(rf"^(?:{_alternation(EXHORTATIONS)})\s+", re.IGNORECASE)
_MEASURE_HEAD = re.compile(rf"^(?:{_alternation(MEASURE_HEADS)})(?!\w)", re.IGNORECASE)
_HORIZON_IN_NAME = re.compile(
    r"\s*(?:cả\s+)?(?:(?:giai\s+đoạn|thời\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4}|(?:đến|tới)\s+(?:năm\s+)?\d{4}|năm\s+\d{4})",
    re.IGNORECASE)
_NAME_STRIP = " \t\n.,;:-–"


def extract_indicators(seg: SegmentedDocument) -> list[Indicator]:
    """All indicators of the document, in text order."""
    found: list[Indicator] = []
    table_spans: list[Span] = []
    title_year = document_horizon(seg)
    for appendix in seg.appendices:
        year = horizon_year(appendix.title) or title_year
        rows = column_table_indicators(seg.body, appendix.span, year) or table_indicators(seg.body, appendix.span, year)
        # "-" / "+" lines of a flattened table are cells, not sections: rows belong
        # to the section holding the whole table ("Phụ lục I")
        table_section = innermost_section(seg.sections, appendix.span)
        for row in rows:
            row.section = table_section.key if table_section else None
        if rows:
            table_spans.append(appendix.span)
            found.extend(rows)
    by_key = {s.key: s for s in seg.sections}
    for section in indicator_sections(seg.sections, exclude=table_spans):
        year = _heading_year(section, by_key) or title_year
        content = Span(section.heading_span.end, section.span.end)
        for indicator in list_indicators(seg.body, content, default_year=year):
            innermost = innermost_section(seg.sections, indicator.span)
            indicator.section = innermost.key if innermost else section.key
            found.append(indicator)
    return sorted(found, key=lambda i: (i.span.start, i.span.end))


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


def document_horizon(seg: SegmentedDocument) -> int | None:
    """Horizon from the title: "NGHỊ QUYẾT về phương hướng, nhiệm vụ năm 2025" → 2025."""
    if seg.title is None:
        return None
    return horizon_year(seg.body[seg.title.start:seg.title.end])


def _heading_year(section: Section, by_key: dict[str, Section]) -> int | None:
    node: Section | None = section
    while node is not None:
        year = horizon_year(node.heading)
        if year:
            return year
        node = by_key.get(node.parent) if node.parent else None
    return None


# -------------------------------------------------------------------- tables


@dataclass
class _Cell:
    text: str  # cleaned
    span: Span


def table_indicators(body: str, span: Span, default_year: int | None = None) -> list[Indicator]:
    """Indicators of a flattened indicator table inside ``span`` (empty if there is none).

    The header ("TT CHỈ TIÊU KẾ HOẠCH GIAI ĐOẠN 2023-2030 …") must name the
    indicator column; its year phrase is the horizon of every row.  Rows start
    with their number at the start of a line, numbered 1, 2, 3 … in order."""
    region = body[span.start:span.end]
    header = _TABLE_HEADER.search(region)
    if header is None:
        return []
    rows = list(_numbered_rows(region, header.end()))
    if not rows or not re.search(TABLE_INDICATOR_HEADER, region[header.start():rows[0][1]], re.IGNORECASE):
        return []
    header_text = region[header.start():rows[0][1]]
    year = horizon_year(header_text) or default_year
    has_agency = re.search(TABLE_AGENCY_HEADER, header_text, re.IGNORECASE) is not None
    has_period = re.search(TABLE_PERIOD_HEADER, header_text, re.IGNORECASE) is not None
    found = []
    bounds = [start for _, start in rows] + [len(region)]
    for (label, start), end in zip(rows, bounds[1:]):
        found.extend(_table_row(body, span.start + start, span.start + end, label, year, has_agency, has_period))
    return found


_COLUMNS = tuple((role, re.compile(pattern, re.IGNORECASE)) for role, pattern in INDICATOR_COLUMNS)
_CELL_LABEL = re.compile(r"^\s*(?P<label>\d{1,3})\.?\s*$")


def column_table_indicators(body: str, span: Span, default_year: int | None = None) -> list[Indicator]:
    """Indicators of a table read one cell per line, its columns named by its header:

        TT / Chỉ tiêu / Đơn vị tính / Năm 2025 / Năm 2030 / Cơ quan theo dõi
        1 / Tốc độ tăng trưởng GRDP bình quân / %/năm / 7,0 / 8,0 / Sở Kế hoạch và Đầu tư

    One indicator per row and target column (a year column gives its horizon).  Empty when the
    table is not laid out so (a PDF table flattened into rows is ``table_indicators``'s)."""
    cells = [line for line in _cell_lines(body, span) if line[2]]
    start = next((i for i, (_, _, text) in enumerate(cells) if re.fullmatch(r"S?TT", text, re.IGNORECASE)), None)
    if start is None:
        return []
    end = next((i for i in range(start + 1, len(cells)) if _CELL_LABEL.match(cells[i][2])), None)
    columns = [_column_role(text) for _, _, text in cells[start + 1:end]] if end else []
    roles = [role for role, _ in columns]
    if "name" not in roles or not ({"year", "target"} & set(roles)):
        return []
    found, i, expected = [], end, 1
    while i < len(cells) and (label := _CELL_LABEL.match(cells[i][2])) and int(label["label"]) == expected:
        row = cells[i + 1:i + 1 + len(columns)]
        if len(row) < len(columns):
            break
        found += _column_row(str(expected), columns, row, Span(cells[i][0], row[-1][1]), default_year)
        i, expected = i + 1 + len(columns), expected + 1
    return found


def _cell_lines(body: str, span: Span) -> list[tuple[int, int, str]]:
    lines, pos = [], span.start
    for line in body[span.start:span.end].split("\n"):
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


def _column_row(label: str, columns: list[tuple[str, int | None]], row: list[tuple[int, int, str]],
                span: Span, default_year: int | None) -> list[Indicator]:
    def cell(role: str) -> tuple[int, int, str] | None:
        return next((row[i] for i, (r, _) in enumerate(columns) if r == role), None)

    name, unit, agency_cell, period = cell("name"), cell("unit"), cell("agency"), cell("period")
    agencies = parse_agencies(agency_cell[2], agency_cell[0]) if agency_cell else []
    made = []
    for i, (role, year) in enumerate(columns):
        value = row[i][2]
        if role not in ("year", "target") or not value or value in ("-", "–", "x"):
            continue
        with_unit = f"{value} {unit[2]}" if unit and unit[2] and unit[2] not in value else value
        made.append(Indicator(label, clean(name[2]), parse_target(with_unit), horizon_year=year or default_year,
                              agency=agencies[0] if agencies else None, period=period[2] if period else None,
                              span=span, co_agencies=agencies[1:]))
    return made


def _numbered_rows(region: str, start: int):
    """(label, offset) of each row start: "1 Tốc độ …", "2 GRDP …", numbered in sequence."""
    expected = 1
    for match in _ROW_START.finditer(region, start):
        if int(match["label"]) == expected:
            yield match["label"], match.start()
            expected += 1


def _table_row(body: str, start: int, end: int, label: str, year: int | None,
               has_agency: bool, has_period: bool) -> list[Indicator]:
    """One row: name (and sub-items), the run of target values, the agency cell, the period cell."""
    row = body[start:end]
    content_start = _ROW_START.match(row).end()
    period_match = _PERIOD.search(row, content_start) if has_period else None
    cells_end = period_match.start() if period_match else len(row)
    targets = _last_target_run(row, find_targets(row[:cells_end]), content_start)
    agency_start = targets[-1].end if targets else cells_end
    agencies = parse_agencies(row[agency_start:cells_end], start + agency_start) if has_agency else []
    parent, subs = _split_sub_items(row, content_start, targets[0].start if targets else cells_end, start)
    shared = dict(horizon_year=year, agency=agencies[0] if agencies else None,
                  period=clean(period_match.group()) if period_match else None, co_agencies=agencies[1:])
    return _row_indicators(label, parent, subs, [t.target for t in targets], _trimmed(body, start, end), shared)


def _row_indicators(label: str, parent: _Cell, subs: list[tuple[str, _Cell]], values: list[Target],
                    row_span: Span, shared: dict) -> list[Indicator]:
    """The row's indicator and one per sub-item ("3.a", "3.b" …), values given in order.

    When there are as many values as sub-items the parent ("Cơ cấu kinh tế:") has none."""
    values = list(values)
    parent_target = None if subs and len(values) == len(subs) else (values.pop(0) if values else None)
    parent_name = parent.text.rstrip(":").strip()
    made = [Indicator(label, parent_name, parent_target, span=row_span, **shared)]
    outer = parent_name  # "+" sub-items narrow the "-" sub-item above them
    for letter, (mark, cell) in zip("abcdefghijklmnopqrstuvwxyz", subs):
        name = _sub_name(parent_name if mark == "-" else outer, cell.text.rstrip(":").strip())
        if mark == "-":
            outer = name
        made.append(Indicator(f"{label}.{letter}", name, values.pop(0) if values else None, span=cell.span,
                              **shared))
    return made


def _last_target_run(row: str, targets: list[TargetMatch], content_start: int) -> list[TargetMatch]:
    """The target cell: the last run of values separated only by blanks.

    "Tỷ lệ trẻ em dưới 5 tuổi … dưới 20%" keeps "dưới 20%" only; "39,5 - 40% 28,7%
    37% - 37,5%" is one run of three."""
    targets = [t for t in targets if t.start >= content_start]
    run: list[TargetMatch] = []
    for t in targets:
        if run and row[run[-1].end:t.start].strip():
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


def _sub_name(parent: str, sub: str) -> str:
    """"Dịch vụ" under "Cơ cấu kinh tế" → "Cơ cấu kinh tế: Dịch vụ";
    "Trong đó, công nghiệp" → "<parent>, trong đó công nghiệp";
    "trong đó: tốc độ tăng trưởng của khu vực Công nghiệp" names its own measure."""
    match = re.match(rf"{SUBSIDIARY}\b\s*[:,]?\s*", sub, re.IGNORECASE)
    if not match:
        return f"{parent}: {sub}"
    rest = sub[match.end():].strip(_NAME_STRIP)
    if _MEASURE_HEAD.match(rest):
        return _capitalised(rest)
    return f"{parent}, trong đó {rest}"


# --------------------------------------------------------------------- lists


def indicator_sections(sections: list[Section], exclude: list[Span] = ()) -> list[Section]:
    """Innermost sections whose heading announces indicators, outside ``exclude`` spans.

    "2. Mục tiêu cụ thể đến năm 2030", "1. Phấn đấu đạt các chỉ tiêu cụ thể đến năm
    2030", "2.1. Các chỉ tiêu về kinh tế" (not "2. Các chỉ tiêu chủ yếu", whose
    children are taken instead)."""
    matching = [s for s in sections
                if _INDICATOR_HEADING.match(_HEADING_LABEL.sub("", s.heading, count=1))
                and not any(_overlaps(s.span, x) for x in exclude)]
    return [s for s in matching
            if not any(o is not s and s.span.contains(o.span) and o.span != s.span for o in matching)]


def list_indicators(body: str, span: Span, default_year: int | None = None) -> list[Indicator]:
    """Indicators of the numbered items or bullets inside ``span``."""
    region = body[span.start:span.end]
    numbered = list(_NUMBERED_ITEM.finditer(region))
    if numbered:
        items = [_numbered_indicator(body, span.start + mark, span.start + start, span.start + end, label,
                                     default_year)
                 for mark, start, end, label in _items(numbered, len(region))]
        return [item for item in items if item is not None]
    found = []
    for _, start, end, label in _items(list(_BULLET.finditer(region)), len(region)):
        found.extend(_bullet_indicators(body, span.start + start, span.start + end, label, default_year))
    return found


def _items(marks: list[re.Match], region_end: int):
    """(mark start, text start, text end, printed label) of each item, up to the next item."""
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else region_end
        label = f"({mark['label']})" if "label" in mark.groupdict() else mark["mark"]
        yield mark.start(), mark.end(), end, label


def _numbered_indicator(body: str, mark: int, start: int, end: int, label: str,
                        year: int | None) -> Indicator | None:
    """"(3) Tỷ lệ vốn đầu tư/GRDP chiếm trên 30%." → one indicator, from the first clause."""
    item = body[start:end]
    stop = _FIRST_CLAUSE_END.search(item)
    clause_end = stop.start() if stop else len(item)
    statement = _statement(item[:clause_end])
    span = _trimmed(body, mark, end)
    sentence_year = horizon_year(item[:clause_end]) or year
    if statement is None:
        name = clean(item[:clause_end]).strip(_NAME_STRIP)
        return Indicator(label, _capitalised(name), None, sentence_year, None, None, span) if name else None
    name, target = statement
    return Indicator(label, name, target, sentence_year, None, None, span)


def _bullet_indicators(body: str, start: int, end: int, label: str, year: int | None) -> list[Indicator]:
    """Each sentence of a bullet, and each "; trong đó" clause of a sentence, is an indicator."""
    found = []
    for s_start, s_end in _pieces(body, start, end, _SENTENCE_END):
        sentence = body[s_start:s_end]
        sentence_year = horizon_year(sentence) or year
        parent_name = None
        for c_start, c_end in _pieces(body, s_start, s_end, _CLAUSE_END):
            for k, (p_start, p_end) in enumerate(_pieces(body, c_start, c_end, _SUBSIDIARY_SPLIT)):
                statement = _statement(body[p_start:p_end])
                if statement is None:
                    continue
                name, target = statement
                if k > 0 and parent_name:
                    name = _sub_name(parent_name, "trong đó " + _uncapitalised(name))
                else:
                    parent_name = name
                found.append(Indicator(label, name, target, sentence_year, None, None,
                                       _trimmed(body, p_start, p_end)))
    return found


def _pieces(body: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    """Bounds of the non-empty pieces of ``body[start:end]`` between separators."""
    pieces, at = [], start
    for match in separator.finditer(body, start, end):
        if body[at:match.start()].strip():
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
    "Phấn đấu giảm 3.000 hộ nghèo" → ("Giảm hộ nghèo", eq 3000 hộ)
    "Tỷ lệ đô thị hóa ngang bằng với bình quân của cả nước"
        → ("Tỷ lệ đô thị hóa", qualitative "ngang bằng với bình quân của cả nước")"""
    text = clean(text).strip(" ;,.")
    chosen = _main_target(text)
    if chosen is None:
        return _qualitative_statement(text)
    before = _name_part(text[:chosen.start])
    if len(before.split()) <= 2:
        before = _action_name(text, chosen)
    if not before:
        return None
    return _capitalised(before), chosen.target


def _main_target(text: str) -> TargetMatch | None:
    """The value the sentence is about: one with a known unit if any ("dưới 20%" over
    "dưới 5 [tuổi]"), the first that follows a value verb ("đạt", "chiếm", "tăng")."""
    targets = find_targets(text)
    candidates = [t for t in targets if t.has_unit] or targets
    for t in candidates:
        if _VALUE_VERB_BEFORE.search(text[:t.start]):
            return t
    return candidates[0] if candidates else None


def _qualitative_statement(text: str) -> tuple[str, Target] | None:
    match = _QUALITATIVE.search(text)
    if match is None or match.start() == 0:
        return None
    name = _name_part(text[:match.start()])
    return (_capitalised(name), parse_target(text[match.start():])) if name else None


def _name_part(text: str) -> str:
    """Strip the exhortation, horizon phrases and the linking verb from a name."""
    text = _EXHORTATION.sub("", text.strip())
    text = _HORIZON_IN_NAME.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING_LINK.sub("", text).strip(_NAME_STRIP)
    return text


def _action_name(text: str, chosen: TargetMatch) -> str:
    """An action sentence names the counted thing around the value:
    "Phấn đấu kết nạp 2.000 đảng viên trở lên" → "kết nạp đảng viên";
    "Thành lập 02 thị trấn trực thuộc cấp huyện" → "Thành lập thị trấn trực thuộc cấp huyện";
    "Hoàn thành 100% chỉ tiêu gọi công dân nhập ngũ …" → "Hoàn thành chỉ tiêu gọi công dân …"."""
    before = _EXHORTATION.sub("", text[:chosen.start].strip())
    after = re.split(r"[,;]", text[chosen.end:], maxsplit=1)[0]
    unit = chosen.target.unit if chosen.target.unit in COUNT_UNITS else ""
    return _HORIZON_IN_NAME.sub("", " ".join(p for p in (before, unit, after.strip()) if p)).strip(_NAME_STRIP)


# ------------------------------------------------------------------- helpers


def _cell(row: str, start: int, end: int, offset: int) -> _Cell:
    span = _trimmed(row, start, end)
    return _Cell(clean(row[span.start:span.end]), Span(offset + span.start, offset + span.end))


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _uncapitalised(text: str) -> str:
    """Undo ``_capitalised`` inside a sentence; acronyms ("GRDP", "HDI") stay."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end

