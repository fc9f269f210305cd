"""Deadlines of tasks: ``parse_deadline(raw) -> Deadline``.

Forms handled (from the seeds; the table is ``patterns/deadlines.py``):

- ``năm 2020``, ``2024``, ``Năm 2020``                → year (2020,)
- ``năm 2019, 2020``                                  → years (2019, 2020)
- ``đến năm 2025``, ``Đến năm 2030 xây dựng, …``      → by-year (2025,)
- ``Quý II/2023``, ``Quý IV năm 2024``                  → quarter 2, (2023,)
- ``trong tháng 12/2024``                             → date 2024-12-31 (the month's last day)
- ``năm 2025 và các năm tiếp theo``                   → period (2025,), open-ended
- ``trước ngày 15/12/2024``                           → date 2024-12-15
- ``Hằng năm`` / ``Hàng năm``, ``trước ngày 15/12 hằng năm`` → annual
- ``Hằng quý``, ``Định kỳ 6 tháng, hằng năm``           → periodic
- ``Thường xuyên``, ``thường xuyên, hàng năm``          → continuous
- ``Theo tiến độ cơ quan chủ trì``                    → per-lead-schedule
- ``theo thời gian thực hiện quy hoạch tỉnh``,
  ``Theo tiến độ dự án``                              → per-plan
- ``2021 - 2025``, ``giai đoạn 2021-2025``,
  ``Từ năm 2020 - 2025``, ``Từ năm 2023``, ``Giai đoạn`` → period
- ``Hoàn thành trong năm 2025``, ``Xong trong Quý II/2026`` → as what follows the verb
- anything else                                       → unspecified (raw kept)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..model import Deadline, Span
from ..normalise import clean
from ..patterns.deadlines import (
    COMPILED_FORMS,
    COMPLETION_PREFIX,
    DATED_DEADLINE,
    INLINE_DEADLINE,
    INNER_RECURRENCE,
    LEADING_DEADLINE,
    PREFIX_KINDS,
    PROSE_DEADLINE,
    ROMAN_QUARTERS,
)

_TRAILING = re.compile(r"(?<![\s.;,:])[\s.;,:]+$")
_LEADING_BULLET = re.compile(r"^[-+*•]\s*")
# "(đảm bảo đáp ứng mục tiêu …)" after the deadline explains it; it is not the deadline
_TRAILING_PAREN = re.compile(r"(?:(?<!\s)\s+)?\([^()]*\)\s*$")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def parse_deadline(raw: str, span: Span | None = None) -> Deadline:
    """Classify a printed deadline; ``raw`` is kept cleaned but otherwise as printed."""
    printed = _TRAILING.sub("", clean(raw))
    text = _core(printed)
    for kind, pattern in COMPILED_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return _build(printed, kind, match, span)
    for kind, pattern in COMPILED_FORMS:
        match = pattern.match(text)
        # a prefix counts only when a word boundary follows it: "Đến năm 2030 xây dựng"
        if match and kind in PREFIX_KINDS and re.match(r"\s", text[match.end() : match.end() + 1]):
            return _build(printed, kind, match, span)
    return Deadline(raw=printed, kind="unspecified", span=span)


def inline_deadline(text: str) -> str | None:
    """The deadline a task states in its own text: ``"… (thực hiện thường xuyên, hàng năm)."``."""
    match = INLINE_DEADLINE.search(text)
    return match.group("raw") if match else None


def prose_deadline(text: str) -> tuple[str, int] | None:
    """The deadline closing a task sentence and where it starts in ``text``: "…, trình Chính phủ trong
    Quý IV năm 2023." → ("trong Quý IV năm 2023", …); else a dated one inside it ("Định kỳ trước ngày
    15/12 hằng năm tổng hợp …"); else a recurrence opening it ("Hàng năm, tiến hành …") or said as one after its
    body ("Sở Tài chính định kỳ hằng quý tổng hợp …"); None when the
    phrase is not a known form."""
    for found in (
        PROSE_DEADLINE.search(text),
        DATED_DEADLINE.search(text),  # "Định kỳ trước ngày 15/12 hằng năm tổng hợp …"
        LEADING_DEADLINE.match(text),  # "Hàng năm, tiến hành rà soát …"
        INNER_RECURRENCE.search(
            text
        ),  # "Các Sở, ngành, địa phương định kỳ hàng năm (trước ngày 10/12) … báo cáo"
    ):
        if found and parse_deadline(found.group("raw")).kind != "unspecified":
            return found.group("raw"), found.start("raw")
    return None


def states_a_condition(
    deadline: Deadline, task_text: str, issued: dt.date | None, in_table: bool = False
) -> bool:
    """A date the task's own words put before the document was issued says which cases a rule covers,
    not when the task is due: "… hộ gia đình, cá nhân đã được cấp Giấy chứng nhận một phần diện tích vào
    loại đất ở trước ngày 01/7/2004, phần diện tích còn lại …" in Quyết định 95/2025/QĐ-UBND of
    24/11/2025 (corpus/real 994dfbc3967e5ebf).  A past date in a deadline cell or a "Thời gian hoàn
    thành:" line stays a deadline: a notice that reviews progress (624/TB-VPCP of 16/11/2025, 50 rows)
    and a plan issued late (1627/QĐ-UBND: "Trước ngày 15/11/2025", issued 21/11/2025) print them, the
    first even when the task's words repeat the cell ("… gửi về Văn phòng Trung ương Đảng … trước ngày
    18/10/2025." over the cell "18/10/2025")."""
    if issued is None or in_table or deadline.raw not in task_text:
        return False
    if deadline.date is not None:
        return deadline.date < issued
    # a year or a quarter: its last possible day (31 December) must still precede the document
    return bool(deadline.years) and max(deadline.years) < issued.year


def _core(printed: str) -> str:
    text = _LEADING_BULLET.sub("", printed)
    text = COMPLETION_PREFIX.sub("", text)
    text = _TRAILING.sub("", text)
    without_paren = _TRAILING_PAREN.sub("", text)
    return _TRAILING.sub("", without_paren) or text


def _build(printed: str, kind: str, match: re.Match[str], span: Span | None) -> Deadline:
    groups = match.groupdict()
    years = (
        tuple(int(y) for y in _YEAR.findall(match.group(0)))
        if kind not in ("annual", "periodic", "continuous")
        else ()
    )
    quarter = ROMAN_QUARTERS[groups["q"].upper()] if groups.get("q") else None
    date = None
    if kind == "date":
        try:
            year, month = int(groups["y1"]), int(groups["m"])
            # "trong tháng 12/2024" has no day: the task is due by the month's last day
            day = int(groups["d"]) if groups.get("d") else calendar.monthrange(year, month)[1]
            date = dt.date(year, month, day)
        except ValueError:  # "31/02/2024": keep the text, do not invent a date
            return Deadline(raw=printed, kind="unspecified", span=span)
    if kind in ("per-lead-schedule", "per-plan"):
        years = ()
    return Deadline(raw=printed, kind=kind, years=years, quarter=quarter, date=date, span=span)
