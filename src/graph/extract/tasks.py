"""Tasks (nhiệm vụ) with their lead, cooperating and directing bodies, deadline and output form.

``extract_tasks(seg) -> list[Task]`` reads these layouts (DOMAIN.md "Tasks"):

1. **Appendix tables** (``layout="table"``).  Two text shapes of the same table
   "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Hình thức | Ghi chú":

   - one cell per line (web text, seed 004)::

         1.1
         Tổ chức phổ biến, quán triệt, tuyên truyền quan điểm, …
         Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.
         Sở Thông tin và Truyền thông, Đài Phát thanh truyền hình tỉnh.

   - PDF columns flattened into lines (seed 000 Phụ lục II)::

         1.1 Cụ thể hóa các quan điểm, gắn kết các mục tiêu,
         nhiệm vụ công nghiệp hóa, hiện đại hóa vào kế
         …
         Sở Kế hoạch và
         Đầu tư
         Các sở, ban, ngành
         và địa phương
         Hằng năm Nghị quyết

   Group rows ("1. Về đổi mới tư duy, …", "7 / Phát triển các thành phần kinh tế …")
   are headings unless agency cells follow them.

2. **Role lines** under an item (``layout="role-lines"``, seeds 001 and 002)::

       - Phát triển kinh tế số, xã hội số, chính phủ số; …
       Cơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy.
       Cơ quan tham mưu, thực hiện: Ban cán sự đảng Ủy ban nhân dân tỉnh.
       Thời gian thực hiện: Thường xuyên.

       a) Xây dựng các tiêu chí, yêu cầu cụ thể nhằm lựa chọn, …
       - Thời gian thực hiện: năm 2020.
       - Cơ quan chủ trì: Sở Kế hoạch và Đầu tư.
       - Cơ quan phối hợp: Sở Công Thương, Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi, …

3. **Lead headings** over bullets (``layout="lead-heading"``, seed 000 prose)::

       (2) Sở Thông tin và Truyền thông chủ trì, phối hợp với các cơ quan liên quan:
       - Xây dựng và ban hành các kế hoạch cụ thể hóa …

   and assignments "2. Giao Sở Công Thương theo dõi, đôn đốc …".

4. **Agency headings** (``layout="agency-heading"``, the "Tổ chức thực hiện" part of most plans):
   an item that names only a body, then what it must do, in bullets or points below it or after
   its colon::

       1. Sở Kế hoạch và Đầu tư
       - Chủ trì, phối hợp với các sở, ngành liên quan tham mưu UBND tỉnh …, trong Quý III/2025.
       2. Sở Tài chính: Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu bố trí kinh phí …

   The heading's body leads; the bodies it works with ("Chủ trì, phối hợp với X …", "Phối hợp với X …")
   cooperate (dev h05).  A role sub-heading over bullets names those partners for each of them::

       1. Sở Công Thương
       a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan
       - Là cơ quan đầu mối chủ trì tổ chức thực hiện, …
       b) Phối hợp với các sở, ngành, UBND các xã, phường
       - Hỗ trợ các nhà đầu tư, …

5. **Duty articles** (also ``layout="agency-heading"``): a regulation's article that names the body
   its clauses bind; each clause, or the article's one paragraph, is that body's task::

       Điều 15. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Thọ
       1. Tham gia tuyên truyền, phổ biến, vận động …
       Điều 18. Trách nhiệm của Sở Khoa học và Công nghệ
       Phối hợp với Sở Tư pháp bố trí hạ tầng công nghệ thông tin dùng chung …

The parsers work on ``seg.body`` (footnotes blanked, same offsets as the text)
and spans; ``seg.sections`` only gives each task its section key.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import AgencyMention, Appendix, Deadline, SegmentedDocument, Span, Task
from ..normalise import clean
from ..patterns.agencies import CANONICAL_NAMES
from ..patterns.citations import TYPE_NAME
from ..patterns.deadlines import TABLE_DEADLINE
from ..patterns.structure import ARTICLE_LABEL, ROMAN_NUMERALS
from ..patterns.tasks import (
    ACTION_VERBS,
    ASSIGN_VERBS,
    ASSIGNING_OPENERS,
    DEADLINE_LABELS,
    LEAD_VERBS,
    NOTE_PHRASES,
    OUTPUT_FORMS,
    ROLE_HEADS,
    ROLE_WORDS,
    SUPPORT_VERB,
    TABLE_COLUMN_ROLES,
    TASK_TEXT_LABELS,
    alternation,
    first_letters,
)
from .agencies import is_agency_like, name_end, parse_agencies, starts_with_agency
from .deadlines import inline_deadline, parse_deadline, prose_deadline, states_a_condition


def extract_tasks(seg: SegmentedDocument, issued: dt.date | None = None) -> list[Task]:
    """``issued``: the document's date, which no deadline read from a task's own words can precede."""
    body = seg.body
    tasks: list[Task] = []
    for appendix in seg.appendices:
        table_tasks = parse_table_tasks(body, appendix.span)
        # an attached programme or plan ("Kèm theo Nghị quyết số 111/NQ-CP …") is prose, not a table
        tasks += table_tasks or prose_tasks(body, appendix.span)
    for region in main_regions(len(body), seg.appendices):
        tasks += prose_tasks(body, region)
    scope = _scope_articles(seg)
    tasks = [
        t for t in _without_repeats_of_rows(tasks) if not any(a.start <= t.span.start < a.end for a in scope)
    ]
    for task in tasks:
        task.section = _section_key(seg, task.span)
        if task.deadline and states_a_condition(task.deadline, task.text, issued, task.layout == "table"):
            task.deadline = None
        _end_names(body, task)
    lines_of.cache_clear()  # the document's lines are not kept past it
    return sorted(tasks, key=lambda t: t.span.start)


@dataclass(frozen=True)
class TaskReader:
    """One layout of tasks written as text.  Readers run by ``priority`` (lowest first); the overlap
    policy is one rule: a task whose span overlaps a task of an earlier reader is dropped.  Adding a
    layout is one registered reader (and its test), or one row of a table in ``patterns/tasks.py``."""

    name: str
    priority: int
    read: Callable[[str, Span], list[Task]]


def _end_names(body: str, task: Task) -> None:
    """Bodies' names that ran on into what the sentence says of them end there: "Sở Tài chính được quyền khai
    thác, …" leads as "Sở Tài chính" (agencies.name_end).  Done once the task is kept: the filters above read
    the run-on words ("Chính phủ quy định …" grants a power, "… được thành lập" describes a body)."""
    for role in ("lead", "support", "directing"):
        mentions: list[AgencyMention] = getattr(task, role)
        if any(name_end(body[m.span.start : m.span.end]) < m.span.end - m.span.start for m in mentions):
            setattr(task, role, [cut for m in mentions for cut in _ended(body, m)])


def _ended(body: str, mention: AgencyMention) -> list[AgencyMention]:
    end = mention.span.start + name_end(body[mention.span.start : mention.span.end])
    return [mention] if end == mention.span.end else _mentions(body, mention.span.start, end)


def prose_tasks(body: str, region: Span) -> list[Task]:
    """Tasks of the layouts written as text, the first reader to claim a span keeping it."""
    taken: list[Task] = []
    for reader in sorted(READERS, key=lambda r: r.priority):
        read = reader.read(body, region)
        for task in read:
            _lend_bodies(task, taken)
        taken += [t for t in read if not _overlaps_any(t, taken)]
    return [
        t for t in taken if not _grants_power(t) and not _closes_the_document(t) and not _describes_a_thing(t)
    ]


def _lend_bodies(task: Task, taken: list[Task]) -> None:
    """A task read again by a later reader, from the same item, gives its bodies to the earlier reading that
    found none: "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo" / "- Tuyên truyền, phổ biến, …" / "Thời gian
    thực hiện: Từ tháng 11/2025 …" (Quyết định 1627/QĐ-UBND of Quảng Ngãi, corpus/real 4e39af96b6891368): the role
    line below the bullet makes it a task with a deadline and no lead, the heading above names its body."""
    if not task.lead:
        return
    for earlier in taken:
        if earlier.span.start == task.span.start and not earlier.lead and not earlier.support:
            earlier.lead = task.lead
            earlier.support = task.support
            return


# a regulation's clause that says who decides or approves grants a power, it assigns no task: "3. Chủ tịch Ủy
# ban nhân dân các xã, phường quyết định xác lập quyền sở hữu toàn dân …" (corpus/real 1726b1b0ca691ac5),
# "2. Sở Tài chính quyết định phê duyệt phương án xử lý tài sản …:" (e598d95fb5f390a4), "1. Bộ trưởng Bộ
# Công Thương có thẩm quyền kiểm tra chuyên ngành …" (e13e31ece6a27b0d), "Chủ tịch Ủy ban nhân dân cấp huyện có
# quyền:" over "a) Phạt cảnh cáo;" (a decree on sanctions, corpus/files hc-sct-vn__ND-71-2019-xu-phat-VPHC-…): the
# words before the first verb the tables know run on past the body's name into the power; so do powers delegated,
# "2. UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:" over "a) Quyết định đánh giá, quy hoạch, bổ nhiệm …" (corpus/real
# 475126f38cb26cc2), "Ủy ban nhân dân tỉnh phân cấp thẩm quyền cho Sở Tư pháp … ký Quyết định …" (208bf7c0b7e8f27c)
# A law's or decree's clause that hands a body the power to make rules is none either: "3. Chính phủ quy định khung cơ chế,
# chính sách thu hút, …" (corpus/real 5442d166b03566fa), "3. Bộ trưởng Bộ Công Thương quy định chi tiết việc đánh giá
# nguy cơ rủi ro …" (Luật 42/2024/QH15, corpus/files); 66 such clauses read as tasks in corpus/real and corpus/files,
# the commonest false task of the stop-19 precision sample.  "quy định tại" names a provision: "Các cơ quan, đơn vị quy
# định tại Điều 1 Quy chế này có trách nhiệm …" (corpus/real ce4ad96dbd9a518d) are bodies with a task.
_POWER = re.compile(
    r"(?<!\w)(?:quyết\s+định|phê\s+duyệt|có\s+(?:thẩm\s+|các\s+)?quyền|(?:ủy|uỷ)\s+quyền\s+cho|phân\s+cấp(?:\s+thẩm\s+quyền)?\s+cho"
    r"|(?<!theo\s)(?<!các\s)(?<!tại\s)(?<!những\s)(?<!có\s)(?<!được\s)(?<!đã\s)quy\s+định(?!\s+tại))(?!\w)"
)


def _grants_power(task: Task) -> bool:
    return any(_POWER.search(mention.printed) for mention in task.lead)


# a regulation's clause that says what a thing is, how a body is made up or which cases a rule covers assigns no
# task, though the words before its items read as a lead: "Hệ thống thoát nước đô thị phải có đầy đủ các bộ phận hay
# công trình, thiết bị phù hợp sau đây:" (corpus/real, Quyết định 223 of Hải Phòng), "Hội đồng xét đền bù bao gồm
# các thành viên:" (Nghị định 171/2025/NĐ-CP), "Quỹ phát triển dữ liệu quốc gia được hình thành từ các nguồn tài chính
# sau đây:", "Các trường hợp hộp thư điện tử công vụ bị tạm khóa:" (Quyết định 143 of Đồng Tháp); so does a
# clause of what a body may not do or does in the cases listed: "Cục Hàng hải và Đường thủy Việt Nam không thực hiện
# công bố đóng bến cảng …", "Ủy ban nhân dân cấp tỉnh thu hồi xác nhận … trong trường hợp sau:" (Nghị định 144/2025
# and 146/2025, corpus/files xd-sct-vn__ND-144-2025-…, hc-sct-vn__ND-146-2025-…)
_DESCRIPTION = re.compile(
    r"(?<!\w)(?:được\s+(?:thành\s+lập|hình\s+thành|thành)|bao\s+gồm|gồm\s+có|có\s+các\s+chức\s+năng|theo\s+dạng"
    r"|trong\s+(?:các\s+)?trường\s+hợp\s+sau)(?!\w)"
)
_NO_BODY = re.compile(
    r"(?:Các\s+)?[Tt]rường\s+hợp\s|(?:Hệ\s+thống|Cổng)\s.*?(?<!\w)(?:phải|được|cho\s+phép|sử\s+dụng|có)(?!\w)"
)


def _describes_a_thing(task: Task) -> bool:
    # a bracket inside a name says what it includes: "các cơ quan quản lý cấp trên (bao gồm cả cơ quan đại diện chủ
    # sở hữu của doanh nghiệp)" (corpus/real 4e39af96b6891368) are bodies
    names = [_BRACKETED.sub("", m.printed) for m in task.lead]
    # "không" ends the words before the verb ("Cục … không thực hiện …"); inside a name it is no negation
    # ("Cục Hàng không Việt Nam", "Đài kiểm soát không lưu")
    return any(_DESCRIPTION.search(name) or _NO_BODY.match(name) or name.endswith(" không") for name in names)


_BRACKETED = re.compile(r"\([^()]*\)")


# the closing formula of a decision names who sees to it, under a numbered clause of its last article too: "2.
# Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã,
# phường và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./." (corpus/real
# 1726b1b0ca691ac5; "… và các cơ quan, tổ chức …" reads as bodies that act, "tổ chức" a verb); "có trách nhiệm thi
# hành Thông tư này./." in a circular's (8ea98f884cf1d2a7)
# and a notice's or letter's: "Văn phòng Chính phủ thông báo để đồng chí Bộ trưởng biết, chỉ đạo thực hiện./."
# (Công văn 11520/VPCP-CN, tests/corpus/holdout4): it tells who is told, it assigns nothing new
_CLOSING_FORMULA = re.compile(
    rf"[^.]*?(?:chịu|có)\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thi\s+hành\s+(?:{TYPE_NAME})\s+này"
    # (the sender, then "thông báo" at once: "… thông báo khu vực nguy hiểm để cơ quan chức năng và Nhân dân biết" inside
    # a minister's task is no closing, corpus/real cfef94bb5eaf59df)
    r"|[^.;:,]{0,80}?(?<!\w)thông\s+báo(?:\s+(?:đến|tới|cho)\s[^.;:,]{0,80}?)?\s+để\s[^.;:]*?(?<!\w)biết(?!\w)"
)


def _closes_the_document(task: Task) -> bool:
    return bool(_CLOSING_FORMULA.match(task.text))


def _without_repeats_of_rows(tasks: list[Task]) -> list[Task]:
    """A plan that lists its tasks in the text and again as rows of its appendix table (dev h01:
    "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU (chi tiết Phụ lục đính kèm)") states each task once: the row,
    which carries the columns, is kept and the text's copy dropped."""
    row_openings = [_opening(t.text) for t in tasks if t.layout == "table"]
    if not row_openings:
        return tasks
    return [t for t in tasks if t.layout == "table" or not _repeats_a_row(_opening(t.text), row_openings)]


def _repeats_a_row(opening: str, row_openings: list[str]) -> bool:
    matcher = difflib.SequenceMatcher(None, opening)
    for row in row_openings:
        matcher.set_seq2(row)  # the text's opening first, the row second, as ratio() is not symmetric
        # the quick ratios are upper bounds of the ratio: most pairs are told apart by them
        if (
            matcher.real_quick_ratio() >= _REPEAT_RATIO
            and matcher.quick_ratio() >= _REPEAT_RATIO
            and matcher.ratio() >= _REPEAT_RATIO
        ):
            return True
    return False


# how alike the first words of a text task and a table row are when one repeats the other
_REPEAT_RATIO = 0.8
_OPENING_WORDS = 8


def _opening(text: str) -> str:
    return " ".join(text.casefold().split()[:_OPENING_WORDS])


def main_regions(length: int, appendices: list[Appendix]) -> list[Span]:
    """The document outside its appendices."""
    regions, start = [], 0
    for appendix in sorted(appendices, key=lambda a: a.span.start):
        if appendix.span.start > start:
            regions.append(Span(start, appendix.span.start))
        start = max(start, appendix.span.end)
    if start < length:
        regions.append(Span(start, length))
    return regions


def _section_key(seg: SegmentedDocument, span: Span) -> str | None:
    from .. import segment  # imported late: segment.py is a sibling stage

    # the section holding the task's label: for a bullet task that is the bullet itself
    section = segment.innermost_section(seg.sections, span.start)
    return section.key if section else None


# a regulation's opening articles say what it covers and whom it binds, they assign nothing: "Điều 2. Đối tượng
# áp dụng:" / "2. Các đơn vị sự nghiệp công lập, bao gồm:" / "a) Đơn vị sự nghiệp công lập thuộc Bộ …" (corpus/real
# 6f76eaad0b5b95d8), "3. Các phòng, ban, cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc sở, ban, ngành, …"
# (55d7a47de4f0ccee), "Điều 1. Phạm vi điều chỉnh", "Điều 3. Giải thích từ ngữ"
_SCOPE_ARTICLE = re.compile(
    r"[ \t]*(?:Phạm\s+vi(?:\s+điều\s+chỉnh)?|Đối\s+tượng(?:\s+áp\s+dụng)?|Giải\s+thích\s+từ\s+ngữ)"
    r"(?:\s+và\s+(?:đối\s+tượng\s+áp\s+dụng|phạm\s+vi\s+điều\s+chỉnh))?[ \t.:]*$",
    re.IGNORECASE,
)


def _scope_articles(seg: SegmentedDocument) -> list[Span]:
    """The spans of the document's scope articles, found once (asking every section for every task was quadratic:
    3.7 s for 5,000 numbered clauses)."""
    return [s.span for s in seg.sections if s.kind == "article" and _SCOPE_ARTICLE.match(s.heading)]


def _overlaps_any(task: Task, others: list[Task]) -> bool:
    return any(task.span.start < o.span.end and o.span.start < task.span.end for o in others)


# ------------------------------------------------------------------ lines


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # excludes the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


# every reader splits the same region (a document, an appendix): split once, the readers share it
@functools.lru_cache(maxsize=16)
def lines_of(body: str, region: Span) -> tuple[Line, ...]:
    lines, pos = [], region.start
    while pos < region.end:
        nl = body.find("\n", pos, region.end)
        end = region.end if nl < 0 else nl
        lines.append(Line(pos, end, body[pos:end]))
        pos = end + 1
    return tuple(lines)


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _mentions(body: str, start: int, end: int) -> list[AgencyMention]:
    start, end = _trim(body, start, end)
    return parse_agencies(body[start:end], start) if start < end else []


# ------------------------------------------------------------------ 1. tables

# "1.1 Cụ thể hóa …", "1. Về đổi mới …", " 5.5 Xây dựng …", "7" alone on its line
_ROW_LABEL = re.compile(r"[ \t]*(?P<label>\d{1,2}(?:\.\d{1,2})?)(?P<dot>\.)?(?=[ \t]|$)")
# a group row alone on its line, Roman or a letter ("I" / "Công tác tuyên truyền", "B" / "PHÁT TRIỂN
# KINH TẾ SỐ …" dev h02): rows under it count from 1 again
_GROUP_ROW = re.compile(r"[ \t]*(?P<label>[IVX]{1,5}(?:\.\d{1,2})*|[A-ZĐ])\.?[ \t]*$")
# the label and its title in one cell: "I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY" (corpus/real
# 8718801c503045f9, a plan's appendix whose rows run 1 … 11 across its groups)
_TITLED_GROUP_ROW = re.compile(r"[ \t]*(?P<label>[IVX]{1,5}|[A-ZĐ])\.[ \t]+(?P<title>\S[^\n]*?)[ \t]*$")


def _group_row(text: str) -> re.Match[str] | None:
    """A group row's label, alone or with its title in capitals on the same line."""
    titled = _TITLED_GROUP_ROW.fullmatch(text)
    if titled and _in_capitals(titled.group("title")):
        return titled
    return _GROUP_ROW.fullmatch(text)


def _in_capitals(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


# "(1)", "(2)" …: the column numbers printed under a header
_COLUMN_NUMBER = re.compile(r"\(\d{1,2}\)")
# a deadline cell that is a sentence: "Hoàn thành đầu tư, … xong trước ngày 01/01/2030" (dev h07)
_YEAR_IN_CELL = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# the header row: "TT Nhiệm vụ Cơ quan chủ trì …" / "STT" then "Nội dung nhiệm vụ"
_HEADER_START = re.compile(r"[ \t]*S?TT\b")
_HEADER_WORD = "nhiệm vụ"
_COLUMN_GAP = re.compile(r"[ \t]{2,}")
_FORM_ALT = alternation(OUTPUT_FORMS)
_FORMS = re.compile(rf"\s*(?P<forms>(?:{_FORM_ALT})(?:\s*,\s*(?:{_FORM_ALT}))*)", re.IGNORECASE)
_NOTES = re.compile(rf"\s*(?P<note>{alternation(NOTE_PHRASES)})", re.IGNORECASE)
# output forms opening the tail of a row with no deadline; not "Sở Kế hoạch và Đầu tư"
_FORM_START = re.compile(rf"(?<!Sở\s)(?<![\w/])(?:{_FORM_ALT})(?!\w)")


@dataclass(frozen=True)
class Row:
    label: str
    depth: int  # 0: Roman group row ("I"), 1: group row ("1.", "7"), 2: task row ("1.1")
    label_line: Line
    content_start: int  # first character after the label
    end: int


def parse_table_tasks(body: str, region: Span) -> list[Task]:
    """Tasks of a task table (header names "nhiệm vụ", or a text and a lead column); other tables give none."""
    lines = lines_of(body, region)
    header = _find_header(lines)
    if header is None:
        return []
    tasks: list[Task] = []
    columns = _header_columns(lines, header)
    for row in _rows(body, lines[header:], region.end):
        if row.depth == 0:
            continue
        one_cell_per_line = not body[row.content_start : row.label_line.end].strip()
        if one_cell_per_line:
            task = (_column_row_task(body, row, columns) if columns else None) or _cell_row_task(body, row)
            if task and tasks:
                _share_merged_cells(task, tasks[-1])
        else:
            task = _flat_row_task(body, row)
        if task:
            tasks.append(task)
    return tasks


def _share_merged_cells(task: Task, above: Task) -> None:
    """A row of one group printed with no body cells shares those of the row above: the page merged
    the cells over both rows and the text prints them once (seed 004: row 1.2 under "Các sở, ban,
    ngành; UBND các huyện, …" of row 1.1)."""
    if (
        task.lead
        or task.support
        or "." not in task.label
        or task.label.rsplit(".", 1)[0] != above.label.rsplit(".", 1)[0]
    ):
        return
    task.lead, task.support = list(above.lead), list(above.support)


def _find_header(lines: Sequence[Line]) -> int | None:
    """The line after "STT"/"TT" of a header that names tasks, or whose cells are a task's text and
    its lead: "TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
    Sản phẩm dự kiến" (corpus/real c5d930a5fc8373cd, whose title says "DANH MỤC NHIỆM VỤ" above it)."""
    for i, line in enumerate(lines):
        if _HEADER_START.match(line.text):
            block = " ".join(ln.text for ln in lines[i : i + 20] if not _ROW_LABEL.match(ln.text))
            if _HEADER_WORD in clean(block).casefold() or _header_columns(lines, i + 1) is not None:
                return i + 1
    return None


def _header_columns(lines: Sequence[Line], header: int) -> list[str] | None:
    """Roles of the columns after "STT" when the header prints one cell per line ("Nhiệm vụ",
    "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"), in any order and
    number; None when a cell is not a known column or the table has no task text and lead columns.
    A row of column numbers under the header ("(1)", "(2)", … dev h07) ends it."""
    roles: list[str] = []
    for line in lines[header : header + 12]:
        if line.blank:
            continue
        if (
            _ROW_LABEL.fullmatch(line.text.strip())
            or _group_row(line.text)
            or _COLUMN_NUMBER.fullmatch(line.text.strip())
            or (_ROW_LABEL.match(line.text) and roles)
        ):
            break
        cell = clean(line.text).casefold()
        role = next((r for phrase, r in TABLE_COLUMN_ROLES if phrase in cell), None)
        if role is None:
            return None
        roles.append(role)
    return roles if "text" in roles and "lead" in roles else None


def _column_row_task(body: str, row: Row, columns: list[str]) -> Task | None:
    """A row read by its header's columns; None when its cells cannot be laid on them (a group
    row, merged cells)."""
    cells = [ln for ln in lines_of(body, Span(row.label_line.end, row.end)) if not ln.blank]
    by_role = _align_cells(cells, columns)
    if by_role is None:
        return None
    text_cells = by_role["text"]
    if row.depth == 1 and len(text_cells) > 1:
        text_cells = text_cells[1:]  # "7 / Phát triển các thành phần kinh tế … / <task paragraphs>"

    def cell(role: str) -> Line | None:
        return by_role[role][0] if by_role.get(role) else None

    lead, support, deadline, output, notes = (
        cell(r) for r in ("lead", "support", "deadline", "output", "notes")
    )
    if lead is None:
        return None
    return Task(
        label=row.label,
        text=clean("\n".join(c.text for c in text_cells)),
        section=None,
        lead=_mentions(body, lead.start, lead.end),
        support=_mentions(body, support.start, support.end) if support else [],
        deadline=parse_deadline(deadline.text, Span(*_trim(body, deadline.start, deadline.end)))
        if deadline
        else None,
        output_form=clean(output.text) if output else None,
        notes=clean(notes.text) if notes else None,
        span=Span(*_trim(body, row.label_line.start, row.end)),
        layout="table",
    )


def _align_cells(cells: list[Line], columns: list[str]) -> dict[str, list[Line]] | None:
    """Lay a row's cells on its columns.  The task text may run over several cells (paragraphs);
    empty cells are not printed, so a column may get no cell, but a cell never goes unplaced and
    each must read as its column: bodies under "chủ trì"/"phối hợp", a deadline under "thời gian"."""
    if columns[0] != "text" or len(cells) < 2:
        return None
    if (
        len(cells) == len(columns)
        and starts_with_agency(cells[columns.index("lead")].text)
        and all(
            _fits(c.text, role) or role in ("lead", "support")
            for c, role in zip(cells, columns, strict=False)
        )
    ):
        # one cell a column: the lead cell may say more than names ("Bộ Công an, Bộ Khoa học và Công
        # nghệ với các tiêu chuẩn … áp dụng chung toàn quốc; các bộ, ngành với …", dev h08 row I.4)
        return {role: [c] for c, role in zip(cells, columns, strict=False)}
    # the lead cell is the first after the text that names bodies; the text runs up to it
    lead_at = next((i for i in range(1, len(cells)) if is_agency_like(cells[i].text)), None)
    if lead_at is None:
        return None
    placed = _place(cells[lead_at:], columns[1:])
    if placed is None or "lead" not in placed:
        return None
    placed["text"] = cells[:lead_at]
    return placed


def _place(cells: list[Line], columns: list[str]) -> dict[str, list[Line]] | None:
    """Each cell on the next column it fits, skipping columns left empty; None when one does not fit."""
    placed: dict[str, list[Line]] = {}
    col = 0
    for cell in cells:
        while col < len(columns) and not _fits(cell.text, columns[col]):
            col += 1
        if col == len(columns):
            return None
        placed[columns[col]] = [cell]
        col += 1
    return placed


def _fits(text: str, role: str) -> bool:
    if role in ("lead", "support"):
        return is_agency_like(text) or (role == "support" and _lists_kinds_of_body(text))
    if role == "deadline":
        return parse_deadline(text).kind != "unspecified" or bool(_YEAR_IN_CELL.search(text))
    return role in ("text", "output", "notes", "source")


def _lists_kinds_of_body(text: str) -> bool:
    """A cooperating cell that names kinds of body, not bodies: "Viện, Trường; Doanh nghiệp, Sở, ban,
    ngành có liên quan" (dev h01): short, no sentence, no deadline."""
    return (
        len(text) <= 200
        and not text.rstrip().endswith(":")
        and parse_deadline(text).kind == "unspecified"
        and all(part.strip()[:1].isupper() for part in text.split(";") if part.strip())
    )


def _rows(body: str, lines: Sequence[Line], region_end: int) -> list[Row]:
    """Split the table at row labels that follow each other (1, 1.1, 1.2, 2, 2.1 …).

    A label must come after the previous one and open at most the next group, so
    "05 năm có xét đến nhà ở công nhân" inside row 10.3 is text, not row 5.  Under a group row
    ("I", "II", "B") the rows count from 1 again (dev h08) or go on from the last group (dev h02:
    "II" / "2.1", or "B" / "I" / "1.1" … "II" / "2.1").
    """
    starts: list[tuple[Line, re.Match[str], int]] = []
    previous: tuple[int, ...] = (0,)
    opens_group: tuple[int, ...] = ()  # first numbers a row may take right under a group row
    for line in lines:
        group = _group_row(line.text)
        if group:
            starts.append((line, group, 0))
            roman = (
                ROMAN_NUMERALS.index(group.group("label")) + 1
                if group.group("label") in ROMAN_NUMERALS
                else 0
            )
            opens_group = (previous[0] + 1, roman)
            previous = (0,)
            continue
        match = _ROW_LABEL.match(line.text)
        if not match:
            continue
        key = tuple(int(part) for part in match.group("label").split("."))
        goes_on = previous == (0,) and key[0] in opens_group
        if key > previous and (key[0] - previous[0] <= 1 or goes_on):
            starts.append((line, match, len(key)))
            previous = key
    rows = []
    for i, (line, match, depth) in enumerate(starts):
        end = starts[i + 1][0].start if i + 1 < len(starts) else region_end
        rows.append(Row(match.group("label"), depth, line, line.start + match.end(), end))
    return rows


def _cell_row_task(body: str, row: Row) -> Task | None:
    """One cell per line: text paragraphs, then the lead line, then the support line."""
    cells = [ln for ln in lines_of(body, Span(row.label_line.end, row.end)) if not ln.blank]
    agency_from = len(cells)
    while agency_from > 0 and is_agency_like(cells[agency_from - 1].text):
        agency_from -= 1
    text_cells, agency_cells = cells[:agency_from], cells[agency_from:]
    if row.depth == 1:
        if not agency_cells:
            return None  # a group heading
        # "7 / Phát triển các thành phần kinh tế … / <task paragraphs> / <agencies>"
        text_cells = text_cells[1:] or text_cells
    if not text_cells:
        return None
    lead = _mentions(body, agency_cells[0].start, agency_cells[0].end) if agency_cells else []
    support = [m for cell in agency_cells[1:] for m in _mentions(body, cell.start, cell.end)]
    text = clean("\n".join(c.text for c in text_cells))
    return Task(
        label=row.label,
        text=text,
        section=None,
        lead=lead,
        support=support,
        span=Span(*_trim(body, row.label_line.start, row.end)),
        layout="table",
    )


def _flat_row_task(body: str, row: Row) -> Task | None:
    """PDF columns flattened: text lines, agency lines, then "deadline form note" (wrapped)."""
    agency_start = _agency_column_start(body, row)
    if agency_start is None:
        if row.depth == 1:
            return None  # a group heading: "1. Về đổi mới tư duy, …"
        text_end, lead, support, tail = row.end, [], [], None
    else:
        text_end = agency_start
        tail_start = _tail_start(body, agency_start, row.end)
        columns = _agency_columns(body, agency_start, tail_start)
        lead = _mentions(body, *columns[0]) if columns else []
        support = [m for col in columns[1:] for m in _mentions(body, *col)]
        tail = _parse_tail(body, tail_start, row.end)
    text = body[row.content_start : text_end]
    if tail and tail.rest:
        text += "\n" + tail.rest  # row 4.7: the text cell runs on below the other cells
    return Task(
        label=row.label,
        text=clean(text),
        section=None,
        lead=lead,
        support=support,
        deadline=tail.deadline if tail else None,
        output_form=tail.output_form if tail else None,
        notes=tail.note if tail else None,
        span=Span(*_trim(body, row.label_line.start, row.end)),
        layout="table",
    )


def _agency_column_start(body: str, row: Row) -> int | None:
    """Where the first agency cell starts: a line opening with a body, or a wide gap before one."""
    for line in lines_of(body, Span(row.label_line.start, row.end)):
        first = line.start == row.label_line.start
        if not first:
            stripped = line.text.lstrip()
            if stripped and starts_with_agency(stripped):
                return line.end - len(stripped)
        # "5.4 Xây dựng kế hoạch phát triển giáo dục nghề nghiệp  Sở Lao động-"
        for gap in _COLUMN_GAP.finditer(line.text):
            pos = line.start + gap.end()
            if pos < line.end and pos > row.content_start and starts_with_agency(body[pos : line.end]):
                return pos
    return None


def _tail_start(body: str, start: int, end: int) -> int:
    match = TABLE_DEADLINE.search(body, start, end) or _FORM_START.search(body, start, end)
    return match.start() if match else end


# a column break inside flattened agency text: "Sở Công Thương Các sở, ban, ngành"
_COLUMN_BREAK = re.compile(r"(?<=[\w)])[ \t\n]+(?=\S)")


def _agency_columns(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Sở Kế hoạch và Đầu tư Các sở, ban, ngành và địa phương" into lead and support cells.

    A body opening with a capital right after a word (no comma, no "và") starts
    the next column.
    """
    cuts = [start]
    for gap in _COLUMN_BREAK.finditer(body, start, end):
        before = body[max(start, gap.start() - 3) : gap.start()]
        if before.endswith("và") and (len(before) < 3 or not before[-3].isalpha()):
            continue
        if starts_with_agency(body[gap.end() : end]):
            cuts.append(gap.end())
    cuts.append(end)
    return [(a, b) for a, b in itertools.pairwise(cuts) if body[a:b].strip()]


@dataclass
class Tail:
    deadline: Deadline | None
    output_form: str | None
    note: str | None
    rest: str  # text left over: the task cell running on below the row


def _parse_tail(body: str, start: int, end: int) -> Tail:
    """ "Theo tiến độ cơ quan chủ trì  Quyết định  Trình Thủ tướng Chính phủ" (wrapped)."""
    pos = start
    deadline = output_form = note = None
    match = TABLE_DEADLINE.match(body, pos, end)
    if match:
        deadline = parse_deadline(match.group(0), Span(match.start(), match.end()))
        pos = match.end()
    match = _FORMS.match(body, pos, end)
    if match:
        output_form = clean(match.group("forms"))
        pos = match.end()
    match = _NOTES.match(body, pos, end)
    if match:
        note = clean(match.group("note"))
        pos = match.end()
    return Tail(deadline, output_form, note, body[pos:end].strip())


# ------------------------------------------------------------------ 2. role lines

_ROLE_OF = {word: role for word, role in ROLE_WORDS}
_ROLE_GAP = r"[ \t]+"
_ROLE_HEAD_ALT = alternation(ROLE_HEADS, _ROLE_GAP)
_ROLE_WORD_ALT = alternation([word for word, _ in ROLE_WORDS], _ROLE_GAP)
_DEADLINE_LABEL_ALT = alternation(DEADLINE_LABELS, _ROLE_GAP)
_ROLE_LABEL = (
    rf"(?P<head>{_ROLE_HEAD_ALT})[ \t]+(?P<word>{_ROLE_WORD_ALT})|(?P<deadline>{_DEADLINE_LABEL_ALT})"
)
# "- Cơ quan chủ trì: …", "+ Thời gian thực hiện: …", "Cơ quan chỉ đạo: …", "b) Cơ quan thực hiện:",
# "- Thời gian thực hiện xây dựng kế hoạch: năm 2020.", "c) Thời gian thực hiện: …" (dev h03)
_ROLE_LINE = re.compile(
    rf"[ \t]*(?:(?:[-+*•]|[a-zđ]\))[ \t]*)?(?P<role>{_ROLE_LABEL})(?P<extra>[^:\n]{{0,40}}):[ \t]*"
)
# "a) Nhiệm vụ: Tham mưu UBND Thành phố …": the task's text follows the label
_TASK_TEXT_LABEL = re.compile(rf"{alternation(TASK_TEXT_LABELS, _ROLE_GAP)}[ \t]*:[ \t]*")
# item labels: "-", "+", "*", "a)", "đ)", "(1)", "(iv)", "1.", "2.3.", "II."
# (small roman numbers in brackets number the items of a notice: "b) …, đề nghị:" / "(i) Tập đoàn Công nghiệp-Năng
# lượng quốc gia Việt Nam báo cáo …" / "(ii) Chủ đầu tư phối hợp chặt chẽ …", Thông báo 653/TB-VPCP, holdout 4)
_ROMAN_ITEM = r"\((?:i{1,3}|iv|vi{0,3}|ix|x)\)"
_ITEM_LABEL = re.compile(
    rf"[ \t]*(?P<label>[-+*•](?=[ \t]*\S)|[a-zđ]\)|\(\d{{1,2}}\)|{_ROMAN_ITEM}|\d{{1,2}}(?:\.\d{{1,2}})*\.|[IVX]{{1,5}}\.)[ \t]*"
)


# the readers ask this of the same lines (shared by lines_of) several times each
@functools.lru_cache(maxsize=8192)
def item_match(text: str) -> re.Match[str] | None:
    """An item label opening ``text``.

    A dash before a lower-case word or a number continues a wrapped line
    ("phát triển thương mại\n- du lịch tỉnh …", "thời kỳ 2021\n- 2030"), not a bullet; and a dash
    before more dashes is the rule under a header ("---------------" under "CỘNG HÒA …": corpus/real
    4c6ac60aa4ebc43d, read as a bullet whose task ran from the header over the whole preamble).
    """
    match = _ITEM_LABEL.match(text)
    if match and match.group("label") in "-+*•":
        following = text[match.end() : match.end() + 1]
        if following.islower() or following.isdigit() or following in _RULE_CHARS:
            return None
    return match


_RULE_CHARS = "-_=–—"


@dataclass
class RoleValue:
    role: str
    start: int  # value start (after the colon)
    end: int
    line: Line


def parse_role_line_tasks(body: str, region: Span) -> list[Task]:
    lines = lines_of(body, region)
    tasks = []
    previous_end = region.start
    for block in _role_blocks(body, lines):
        above = [ln for ln in lines if previous_end <= ln.start < block[0].line.start]
        shared = _sibling_sentences(body, above)
        if shared:  # "- A.\n- B.\nĐơn vị thực hiện: …": the roles below are those of each bullet
            tasks += [t for bullet in shared if (t := _role_block_task(body, lines, block, *bullet))]
        elif task := _role_block_task(body, lines, block, previous_end):
            tasks.append(task)
        previous_end = block[-1].end
    return tasks


_SENTENCE_END = (".", "!", "?")


def _sibling_sentences(body: str, lines: Sequence[Line]) -> list[tuple[int, int]] | None:
    """(start, end) of each bullet when the item above a role block is the last of two or more
    sibling bullets ("-", "+", "•"), each a whole sentence, under a heading that does not end in ":"
    (dev h04: "3. Nâng cao nhận thức, trách nhiệm …" / "- Các cơ quan, đơn vị, địa phương tiếp tục
    nâng cao nhận thức … ." / "- Đề nghị người đứng đầu cấp ủy; … ." / "Đơn vị thực hiện: …").
    Bullets that end in ";" or "," are parts of one list; a heading ending in ":" introduces them."""
    items = [(ln, m) for ln in lines if not ln.blank and (m := item_match(ln.text))]
    if len(items) < 2 or items[-1][1].group("label").strip() not in "-+•":
        return None
    kind = _label_kind(items[-1][1].group("label"))
    run = len(items) - 1
    while run > 0 and _label_kind(items[run - 1][1].group("label")) == kind:
        run -= 1
    bullets = items[run:]
    if len(bullets) < 2:
        return None
    if run > 0 and body[items[run - 1][0].start : bullets[0][0].start].rstrip().endswith(":"):
        return None
    ends = [ln.start for ln, _ in bullets[1:]] + [lines[-1].end]
    texts = [body[ln.start + m.end() : end] for (ln, m), end in zip(bullets, ends, strict=True)]
    if not all(_is_task_sentence(text) for text in texts):
        return None
    return [(ln.start, end) for (ln, _), end in zip(bullets, ends, strict=True)]


# a bullet naming a document ("- Luật Khoa học, công nghệ … số 93/2025/QH15.") is a legal basis
_DOCUMENT_OPENING = re.compile(rf"(?:{TYPE_NAME})\s")


def _is_task_sentence(text: str) -> bool:
    """A whole sentence, not a "label: value" line of a procedure ("- Cơ quan có thẩm quyền quyết
    định: UBND tỉnh.", corpus/real adc1d34379e9829f) nor a document named as a basis."""
    text = text.strip()
    return text.endswith(_SENTENCE_END) and ":" not in text and not _DOCUMENT_OPENING.match(text)


def _role_of(match: re.Match[str]) -> str:
    if match.group("deadline"):
        return "deadline"
    return _ROLE_OF[re.sub(r"[ \t]+", " ", match.group("word"))]


def _role_blocks(body: str, lines: Sequence[Line]) -> list[list[RoleValue]]:
    """Consecutive role lines with their (wrapped) values, grouped per task."""
    blocks: list[list[RoleValue]] = []
    i = 0
    while i < len(lines):
        match = _role_line(lines[i].text)
        if not match:
            i += 1
            continue
        block = []
        while i < len(lines):
            match = _role_line(lines[i].text)
            if not match:
                break
            value, i = _role_value(body, lines, i, match)
            block += _split_at_next_role(body, value)
            while i < len(lines) and lines[i].blank:
                i += 1
        blocks.append(block)
    return blocks


# the fields of a published administrative procedure: "1. Trường hợp đề nghị điều chỉnh quyết định giao đất, cho thuê
# đất:" / "a) Thời hạn giải quyết: Không quá 5 ngày." (a province's land procedures, corpus/real 5a80798bbf985e87; 62
# files of corpus/real + files print the field), "Cơ quan thực hiện thủ tục hành chính: Sở Y tế nơi cơ sở đặt trụ sở
# chính." (e7792cccbca70a64): the time the procedure takes and who handles it, no task's deadline or lead
_PROCEDURE_ROLE = re.compile(r"giải[ \t]+quyết(?!\w)|.*(?<!\w)thủ[ \t]+tục(?!\w)")


def _role_line(text: str) -> re.Match[str] | None:
    match = _ROLE_LINE.match(text)
    if match and _PROCEDURE_ROLE.match(match.group("extra").strip()):
        return None
    return match


# two roles on one line: "Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng,
# Văn phòng Sở." (Sở Công Thương Lào Cai's Đề án 08 plan, corpus/files)
_NEXT_ROLE = re.compile(rf";[ \t]*(?P<role>{_ROLE_LABEL})(?P<extra>[^:;\n]{{0,40}}):[ \t]*")


def _split_at_next_role(body: str, value: RoleValue) -> list[RoleValue]:
    """The value, cut where a second role label on the same line starts its own value."""
    values = []
    while (nxt := _NEXT_ROLE.search(body, value.start, value.end)) is not None:
        values.append(RoleValue(value.role, value.start, nxt.start(), value.line))
        value = RoleValue(_role_of(nxt), nxt.end(), value.end, value.line)
    return [*values, value]


def _role_value(body: str, lines: Sequence[Line], i: int, match: re.Match[str]) -> tuple[RoleValue, int]:
    """A role line's value runs on over wrapped lines.

    An empty value ("- Thời gian thực hiện:") takes the "+" lines below it; a value
    ends at a full stop, a role line or an item label.
    """
    line = lines[i]
    start, end = line.start + match.end(), line.end
    open_list = not line.text[match.end() :].strip()
    j = i + 1
    while j < len(lines):
        nxt = lines[j]
        if nxt.blank:
            j += 1
            continue
        if _ROLE_LINE.match(nxt.text):
            break
        item = item_match(nxt.text)
        if open_list:
            if item and item.group("label") != "+":
                break
        elif item or body[start:end].rstrip().endswith("."):
            break
        end = nxt.end
        j += 1
    # do not swallow the blank lines after the value
    k = i + 1
    while k < j and lines[k].end <= end:
        k += 1
    return RoleValue(_role_of(match), start, end, line), k


# a field of an administrative procedure over the next field ("- Thời gian giải quyết theo quy định: 25 ngày kể từ
# ngày Sở Nội vụ tiếp nhận đủ giấy tờ." / "- Thời gian thực hiện: (17,5) ngày làm việc …", a plan simplifying
# procedures, corpus/real d8df85cac631ac19; "Thành phần, số lượng hồ sơ: …", da8411114c03e36b): no task
_PROCEDURE_FIELD = re.compile(
    r"(?:Thời\s+(?:gian|hạn)\s+giải\s+quyết|Thành\s+phần(?:,\s+số\s+lượng)?\s+hồ\s+sơ|Số\s+lượng\s+hồ\s+sơ|Lệ\s+phí"
    r"|Phí|Trình\s+tự\s+thực\s+hiện|Cách\s+thức\s+thực\s+hiện)(?![^:\n]{41})[^:\n]*:",
    re.IGNORECASE,
)


def _role_block_task(
    body: str, lines: Sequence[Line], block: list[RoleValue], previous_end: int, text_end: int | None = None
) -> Task | None:
    """The task of the item above a role block; with ``text_end``, of the one bullet between
    ``previous_end`` and ``text_end`` (one of several bullets sharing the block)."""
    first = block[0].line
    text_end = first.start if text_end is None else text_end
    item = _task_item(body, [ln for ln in lines if previous_end <= ln.start < text_end])
    if item is None:
        return None
    label, item_start = item
    text_start = _after_group_heading(body, lines, item_start, text_end)
    named = _TASK_TEXT_LABEL.match(body, text_start, text_end)
    if named:  # "1.2. Triển khai, phát triển dữ liệu: / a) Nhiệm vụ: …": the task is item 1.2
        text_start = named.end()
        label = _enclosing_label(lines, item_start) or label
    text = clean(body[text_start:text_end])
    if not text or _PROCEDURE_FIELD.match(text):
        return None
    task = Task(
        label=label,
        text=text,
        section=None,
        layout="role-lines",
        span=Span(*_trim(body, _line_start_at(lines, item_start), block[-1].end)),
    )
    for value in block:
        if value.role == "deadline":
            task.deadline = parse_deadline(
                body[value.start : value.end], Span(*_trim(body, value.start, value.end))
            )
        elif value.role == "lead" and (chairs := _VALUE_CHAIRS.match(body, value.start, value.end)):
            task.lead.extend(_mentions(body, chairs.start("lead"), chairs.end("lead")))
            task.support.extend(_mentions(body, chairs.start("support"), chairs.end("support")))
        else:
            getattr(task, value.role).extend(_mentions(body, value.start, value.end))
    if task.deadline is None:
        raw = inline_deadline(text)  # "(thực hiện thường xuyên, hàng năm)"
        task.deadline = parse_deadline(raw) if raw else None
    if not task.lead and not task.support and task.deadline and _WORKING_DAYS.search(task.deadline.raw):
        # "Điều 12. Đăng ký biến động đối với trường hợp …" / "a) Thời gian thực hiện: Không quá 08 ngày làm việc."
        # (a province's land procedures, corpus/real 5a80798bbf985e87: 21 such blocks): a procedure's processing
        # time in working days, no body named, is no task (the stop-18 precision sample drew two such)
        return None
    return task


_WORKING_DAYS = re.compile(r"(?<!\w)ngày\s+làm\s+việc(?!\w)", re.IGNORECASE)


def _enclosing_label(lines: Sequence[Line], pos: int) -> str | None:
    """The label of the item above the point at ``pos`` ("1.2." over "a) Nhiệm vụ: …")."""
    above = [ln for ln in lines if ln.end < pos and not ln.blank]
    point = next((ln for ln in lines if ln.start <= pos <= ln.end), None)
    point_item = item_match(point.text) if point else None
    kind = _label_kind(point_item.group("label")) if point_item else None
    for line in reversed(above):
        item = item_match(line.text)
        if item and _label_kind(item.group("label")) != kind:
            return item.group("label").strip()
    return None


def _after_group_heading(body: str, lines: Sequence[Line], start: int, end: int) -> int:
    """Where the task's text starts when its item opens with a group heading: "b) Công nghiệp chế
    biến thực phẩm, đồ uống" / "Xây dựng chính sách khuyến khích …" (seed 002).  A short line with
    no closing punctuation and no action verb, followed by a capitalised line, is that heading;
    a sentence wrapped over lines goes on in lower case ("… tìm nguồn vật liệu thay thế dần cho
    cát để làm vật liệu" / "xây dựng thông thường, …")."""
    following = [ln for ln in lines if start < ln.start < end and not ln.blank]
    line_end = body.find("\n", start, end)
    heading = body[start : line_end if line_end >= 0 else end].strip()
    if not following or not heading or heading.endswith((".", ";", ":", ",")):
        return start
    text_start = following[0].start + len(following[0].text) - len(following[0].text.lstrip())
    if _heads_a_sentence(heading, following[0].text, body[text_start:end]):
        return text_start
    if (
        len(heading.split()) > 10
        or _ACTION_START.search(heading)
        or not following[0].text.lstrip()[:1].isupper()
    ):
        return start
    return text_start


# a heading line never ends with a word that needs the next one
_OPEN_ENDING = re.compile(r"(?<!\w)(?:với|của|và|các|cho|tại|về|trong|theo|để|từ|đến|là|được|những|như)$")


def _heads_a_sentence(heading: str, following: str, rest: str) -> bool:
    """A whole-line heading over one sentence that says what to do: "9. Tổ chức nghiên cứu, học tập kinh
    nghiệm công tác xây dựng chính sách, pháp luật" / "Tham mưu, đề xuất tổ chức Đoàn của tỉnh … ."
    (dev h04): the sentence opens with a capitalised action and ends with a full stop."""
    following = following.lstrip()
    return (
        following[:1].isupper()
        and bool(_WORK_OPENING.match(following))
        and not _OPEN_ENDING.search(heading)
        and rest.rstrip().endswith(".")
    )


def _line_start_at(lines: Sequence[Line], pos: int) -> int:
    for line in lines:
        if line.start <= pos <= line.end:
            return line.start
    return pos


def _task_item(body: str, lines: Sequence[Line]) -> tuple[str, int] | None:
    """The item the role lines belong to: the last labelled item above them.

    When that item is one of a run of sibling items introduced by a line ending
    in ":" ("b) Tham mưu xây dựng, trình ban hành … sau đây:" then "- Chương trình …;"
    ×5), the task is the introducing item.
    """
    items = [(ln, m) for ln in lines if (m := item_match(ln.text)) and not ln.blank]
    if not items:
        return None
    last = len(items) - 1
    kind = _label_kind(items[last][1].group("label"))
    run_start = last
    while run_start > 0 and _label_kind(items[run_start - 1][1].group("label")) == kind:
        run_start -= 1
    if run_start > 0 and last - run_start >= 1:
        intro_line = items[run_start - 1][0]
        intro_text = body[intro_line.start : items[run_start][0].start].rstrip()
        if intro_text.endswith(":"):
            last = run_start - 1
    line, match = items[last]
    return match.group("label").strip(), line.start + match.end()


def _label_kind(label: str) -> str:
    label = label.strip()
    if label in "-+*•":
        return label
    if label.endswith(")"):
        return "(n)" if label.startswith("(") else "a)"
    return "roman" if label[0] in "IVX" else f"n{label.count('.')}"


# ------------------------------------------------------------------ 3. lead headings

_LEAD_VERB_ALT = alternation(LEAD_VERBS)
# "(2) Sở Thông tin và Truyền thông chủ trì, phối hợp với các cơ quan liên quan:"
# "Các Sở, Ban, ngành và UBND các huyện, thị xã, thành phố thực hiện:"
_SUPPORT_VERB = SUPPORT_VERB.replace(" ", r"\s+")
# in a sentence the cooperating bodies follow "phối hợp" with or without "với", or "phối hợp chặt chẽ với":
# "1. Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh …" (corpus/real 2e037ff2…), "(2) Bộ Tài chính chủ
# trì, phối hợp chặt chẽ với Bộ Văn hóa, Thể thao và Du lịch rà soát …" (7c7edac5664780ef)
# (without "với" a name or "các" follows: "… phối hợp tuyên truyền và tham gia giám sát …" names no one)
_SENTENCE_SUPPORT_VERB = r"phối\s+hợp(?:\s+(?:chặt\s+chẽ|tốt))?(?:\s+với|(?=\s+(?-i:các\s|[A-ZĐÀ-Ỹ])))"
# a colon inside parentheses is part of the names: "UBND các huyện, … (gồm: Tam Kỳ, Hội An; …)"
_NAMES = r"(?:[^:()]|\([^()]*\))"
_LEAD_HEADING = re.compile(
    rf"(?P<label>(?:\(\d{{1,2}}\)|\d{{1,2}}\.|[a-zđ]\))[ \t]*)?(?P<lead>{_NAMES}+?)(?<!\s)\s+(?:{_LEAD_VERB_ALT})"
    rf"(?:\s*+,\s*+{_SUPPORT_VERB}(?P<support>{_NAMES}*?)|\s*+,\s*+phối\s+hợp(?P<support2>{_NAMES}*?))?(?<!\s)\s*+:\s*$"
)
_HEADING_MAX_LINES = 4
# labels a lead heading may carry: "(2) Sở …", "1. Bộ Kế hoạch và Đầu tư chủ trì, …:"
# (lettered too: "c) Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan liên quan:" over bullets, Nghị quyết
# 380/NQ-CP, corpus/real a69069ae524315d9)
_HEADING_LABEL = re.compile(r"^[ \t]*(?:\(\d{1,2}\)|\d{1,2}\.|[a-zđ]\))[ \t]*")
_POINT = re.compile(r"[a-zđ]\)$")
_BULLET = "-"
_ASSIGN = re.compile(rf"(?P<verb>{alternation(ASSIGN_VERBS)})[ \t]+")
_CANONICAL_PREFIX = re.compile(
    alternation(CANONICAL_NAMES),
    re.IGNORECASE,
)


def parse_lead_heading_tasks(body: str, region: Span) -> list[Task]:
    lines = lines_of(body, region)
    tasks = []
    i = 0
    while i < len(lines):
        heading = _lead_heading_at(body, lines, i)
        if heading:
            match, last = heading
            bullets, i = _bullets_under(body, lines, last + 1)
            tasks += [_bullet_task(body, b, match) for b in bullets]
            continue
        task = _assignment_task(body, lines, i)
        if task:
            tasks.append(task)
        i += 1
    return tasks


def _lead_heading_at(body: str, lines: Sequence[Line], i: int) -> tuple[re.Match[str], int] | None:
    """A heading that names lead bodies, wrapped over up to four lines, ending in ":"."""
    first = lines[i]
    label = _HEADING_LABEL.match(first.text)
    opening = first.text[label.end() :] if label else first.text
    if not opening.strip() or not starts_with_agency(opening.lstrip()):
        return None
    for j in range(i, min(i + _HEADING_MAX_LINES, len(lines))):
        if lines[j].blank or (
            j > i and (item_match(lines[j].text) or lines[j - 1].text.rstrip().endswith((".", ";")))
        ):
            return None  # a heading never runs into the next item ("2. Sở Tài chính …")
        if lines[j].text.rstrip().endswith(":"):
            start = first.start + len(first.text) - len(first.text.lstrip())
            match = _LEAD_HEADING.fullmatch(body, start, lines[j].end)
            if match and starts_with_agency(match.group("lead")):
                return match, j
            return None
    return None


def _bullets_under(body: str, lines: Sequence[Line], i: int) -> tuple[list[tuple[int, int]], int]:
    """(start, end) of each "- …" bullet after a heading, up to the next heading or item."""
    bullets: list[list[int]] = []
    kind = None  # "-" bullets, or "a)" points under a numbered heading (Nghị quyết …/NQ-CP)
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if _RECIPIENTS.match(line.text) or (bullets and _SUMMING_UP.match(line.text)):
            # "Nơi nhận:" and its addressees close the text; so does the closing paragraph ("Trên đây là báo cáo của
            # Sở Công Thương, kính trình …", corpus/files vbhc-vn__01-cong-van), no part of the last bullet
            break
        item = item_match(line.text)
        label_kind = None
        if item:
            label_kind = (
                _BULLET
                if item.group("label") == _BULLET
                else "a)"
                if _POINT.match(item.group("label"))
                else None
            )
        if kind is None and label_kind is not None:
            kind = label_kind
        if item and label_kind is not None and label_kind == kind:
            bullets.append([line.start + item.end(), line.end])
        elif (
            item
            or _lead_heading_at(body, lines, i)
            or not bullets
            or (line.text.lstrip().startswith("(") and not _wraps_into_bracket(lines[i - 1].text))
            or _ARTICLE_HEADING.match(line.text)
        ):
            # "(3) Sở Nội vụ …", "3. Phát triển …", "(Đính kèm …)", "+ Đối với vùng Tây", and the next article
            # ("c) Bảo đảm điều kiện nguồn lực để thực hiện." / "Điều 57. Trách nhiệm của Bộ Tài chính", Nghị định
            # 146/2025/NĐ-CP, corpus/files)
            break
        else:
            bullets[-1][1] = line.end
        i += 1
    return [(a, b) for a, b in bullets], i


def _wraps_into_bracket(previous: str) -> bool:
    """A bullet's sentence wrapped just before a bracket: "- Về công tác giải phóng mặt bằng, …: chỉ đạo các đơn vị
    liên quan đẩy nhanh tiến độ bàn giao mặt bằng" / "(0,3km của dự án cao tốc Bến Lức - Long Thành; …) trước ngày
    30 tháng 11 năm 2025." (Công văn 11414/VPCP-CN, tests/corpus/holdout5): the line above ends in no punctuation."""
    previous = previous.rstrip()
    return previous[-1:].isalnum() or previous.endswith(",")


# an article's or chapter's heading ("Điều 57. Trách nhiệm của Bộ Tài chính"), not a line wrapped before a citation
# ("Điều 11 Nghị định số 186/2025/NĐ-CP tại cơ quan, tổ chức của", corpus/real c2bf5a06388200a0)
_ARTICLE_HEADING = re.compile(
    r"[ \t]*(?:(?:Điều|ĐIỀU)[ \t]+\d{1,3}[ \t]*[.:]|(?:Chương|CHƯƠNG)[ \t]+[IVXLC\d]+\b)"
)


def _heads_bullets_of_its_own(body: str, start: int, end: int) -> bool:
    """A point under a heading that is itself a lead heading: "6. Các bộ, cơ quan, địa phương … cụ thể như
    sau:" / "a) Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan, địa phương:" / "- Tổng hợp …" (Nghị quyết
    380/NQ-CP, corpus/real a69069ae524315d9): the lead-heading reader gives its bullets to Bộ Tài chính."""
    own = _LEAD_HEADING.fullmatch(body, start, start + len(body[start:end].rstrip()))
    return own is not None and starts_with_agency(own.group("lead"))


def _bullet_label(body: str, start: int) -> str:
    """The label printed before a bullet's or point's text ("-", "a)")."""
    printed = item_match(body[_line_start(body, start) : start])
    return printed.group("label").strip() if printed else _BULLET


def _bullet_task(body: str, bounds: tuple[int, int], heading: re.Match[str]) -> Task:
    start, end = bounds
    support_group = "support" if heading.group("support") is not None else "support2"
    return Task(
        label=_bullet_label(body, start),
        text=clean(body[start:end]),
        section=None,
        deadline=_prose_deadline(body, start, end),
        lead=_mentions(body, heading.start("lead"), heading.end("lead")),
        support=_mentions(body, heading.start(support_group), _names_end(body, heading, support_group))
        if heading.group(support_group)
        else [],
        span=Span(*_trim(body, _line_start(body, start), end)),
        layout="lead-heading",
    )


def _names_end(body: str, heading: re.Match[str], group: str) -> int:
    """Where the partners a heading names end: before what it goes on to say they do ("a) [7] Cục Tài
    chính Bộ Quốc phòng chủ trì, phối hợp các cơ quan liên quan chủ trì thẩm định, trình Bộ Quốc phòng
    phê duyệt:", corpus/real 6d0e277c7b88a914)."""
    work = _WORK_AFTER_NAMES.search(body, heading.start(group), heading.end(group))
    return work.start() if work else heading.end(group)


_WORK_AFTER_NAMES = re.compile(
    rf"(?<!\s)\s++(?=(?:{_LEAD_VERB_ALT}|{alternation(ACTION_VERBS)})(?!\w))", re.IGNORECASE
)


def _prose_deadline(body: str, start: int, end: int) -> Deadline | None:
    """ "…, trình Chính phủ trong Quý IV năm 2023." → quarter; "…, hoàn thành trước ngày 30/6/2023." → date."""
    found = prose_deadline(body[start:end])
    if found is None:
        return None
    raw, at = found
    return parse_deadline(raw, Span(start + at, start + at + len(raw)))


# "1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các sở, ngành hướng dẫn, kiểm
# tra …", "2. Bộ Kế hoạch và Đầu tư, Bộ Tài chính cân đối, …" is not (no "chủ trì"): a numbered
# clause that names its lead, "chủ trì", then the cooperating bodies up to the action verb.
_ACTION_ALT = alternation(ACTION_VERBS)
_ACTION_START = re.compile(
    rf"(?<!\w){first_letters(ACTION_VERBS, True)}(?:{_ACTION_ALT})(?!\w)", re.IGNORECASE
)
# a role line whose value says who chairs and who cooperates: "- Cơ quan thực hiện: Sở Y tế chủ trì, phối
# hợp với các sở, ban, ngành, đoàn thể Thành phố và các đơn vị có liên quan." (corpus/real
# 31fb08f34535fce3); the cooperating bodies end with the value, its first sentence, or where what
# they do starts
_VALUE_CHAIRS = re.compile(
    r"[\s+•-]*+(?P<lead>[^:;()]+?)(?<!\s)\s+chủ\s+trì\s*,?\s*phối\s+hợp(?:\s+với)?\s+"
    # bounded runs before the action and the value's end: no rescan of a long run at every step
    rf"(?P<support>(?:[^:;.]|\.(?!\s))+?)(?<!\s)(?:(?=[ \t\n]{{1,3}}(?:{_ACTION_ALT})(?!\w))|(?=\.\s)|[\s.;]{{0,4}}$)"
)
_PROSE_ASSIGNMENT = re.compile(
    rf"(?P<lead>[^:;.()]+?)(?<!\s)\s+chủ\s+trì(?:\s*+,?\s*+{_SENTENCE_SUPPORT_VERB}\s+(?P<support>[^:;.]+?)(?<!\s)(?<!\bcác))?"
    # (the partners end before how the work is done: "Bộ Công Thương chủ trì phối hợp với các Bộ, cơ quan liên quan
    # khẩn trương làm rõ …", Công văn 11520/VPCP-CN; "… với Sở Tư pháp và các cơ quan có liên quan, căn cứ Luật …")
    # (or before its purpose: "… với Sở Xây dựng Lâm Đồng và các cơ quan, đơn vị có liên quan để khảo sát, …")
    rf"(?:\s*+,)?\s++(?=(?:{_ACTION_ALT}|khẩn\s+trương|kịp\s+thời|căn\s+cứ|để|nhằm)(?!\w))"
)
# "5. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ được giao,
# chủ động triển khai …", "2. Bộ Kế hoạch và Đầu tư, Bộ Tài chính cân đối, bố trí …": bodies that
# act without "chủ trì" lead together — only in a whole sentence, when every name before the verb
# is a body and none says what it does ("Văn phòng Tỉnh ủy chủ trì, phối hợp …" over bullets).
# "tham mưu" is not a verb here: "Các cơ quan tham mưu, giúp việc Tỉnh ủy" is a name.
_GROUP_ACTION_ALT = alternation([v for v in ACTION_VERBS if v != "tham mưu"])
_BODIES_ACT = re.compile(
    # "và các tổ chức …", "sự phát triển" are nouns
    rf"(?P<lead>[^:;.()]+?)(?<!\s)(?<!\bcác)(?<!\bnhững)(?<!\bsự)(?<!\bviệc)(?:\s*+,)?\s++"
    # ("3. Các cơ sở đào tạo, bồi dưỡng đang tổ chức thực hiện …", corpus/real e4ddc120fc14463c: "đang" is no name)
    r"(?:đang\s++)?"
    # (how often comes first too: "- Các Sở, ngành, địa phương định kỳ hàng năm (trước ngày 10/12) hoặc đột xuất báo
    # cáo …", Lào Cai's Chỉ thị 11 plan; "- Sở Tài chính định kỳ hằng quý tổng hợp báo cáo …", corpus/real)
    # ("… phải được bảo trì, bảo dưỡng định kỳ theo quy định" is no such period)
    rf"(?=(?:{_GROUP_ACTION_ALT}|căn\s+cứ|chủ\s+động|có\s+trách\s+nhiệm|khẩn\s+trương|kịp\s+thời"
    r"|định\s+kỳ(?=\s+(?:h[ằà]ng|hoặc|mỗi|\d)))(?!\w))"
)
# groups of bodies listed with ";": "2. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy; các ban cán sự
# đảng, đảng đoàn trực thuộc Tỉnh ủy; các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy; Ban Thường vụ Tỉnh
# đoàn tổ chức nghiên cứu, quán triệt …" (seed 001 IV.2)
_BODY_GROUPS_ACT = re.compile(
    rf"(?P<lead>[^:;.()]+?(?:;[ \t\n]*+[^:;.()]+?)+)(?<!\s)(?<!\bcác)(?<!\bvà)(?:\s*+,)?\s++"
    rf"(?=(?:{_GROUP_ACTION_ALT})(?!\w))"
)
# "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội phối hợp tuyên truyền và tham gia giám sát …"
# (corpus/real 9124b25553a6c642): after a verb that hands it the item, a body that cooperates in doing
# something names no partner and leads it
_ASKED_TO_COOPERATE = re.compile(r"(?P<lead>[^:;.()]+?)(?<!\s)\s+(?=phối\s+hợp\s+(?!với|chặt|các)\w)")
# "1. Sở Nội vụ chịu trách nhiệm về việc báo cáo, …" (corpus/real 2f6f80b9918e52de): the bodies answer
# for what follows; not "… không chịu trách nhiệm", "… phải chịu …", "… được giao … chịu …", "X là cơ quan …"
_BODIES_ANSWERABLE = re.compile(
    r"(?P<lead>(?:(?!(?<!\w)(?:được|không|phải|đã|sẽ|là)(?!\w))[^:;.()])+?)(?<!\s)(?:\s*+,)?\s++"
    # "… chịu trách nhiệm thi hành Quyết định này" closes a decision: it assigns nothing
    r"(?=chịu\s+trách\s+nhiệm(?!\w)(?!\s+(?:tổ\s+chức\s+)?thi\s+hành))"
)
# "3. Tổng cục Quản lý thị trường phối hợp với các đơn vị liên quan kiểm tra, …": the body named
# first acts, the bodies it works with cooperate
_BODIES_COOPERATING = re.compile(
    rf"(?P<lead>[^:;.()]+?)(?<!\s)\s+(?i:{_SENTENCE_SUPPORT_VERB})\s+(?P<support>[^:;.]+?)(?<!\s)(?<!\bcác)(?:\s*+,)?\s++(?=(?:{_ACTION_ALT})(?!\w))"
)
# the next article, chapter or part ends an item even without a blank line ("Điều 3. Quyết định
# này có hiệu lực …" right after "3. Ủy ban nhân dân các tỉnh …")
_PART_START = re.compile(
    r"[ \t]*(?:Điều[ \t]+\d+|Chương[ \t]+[IVXLC\d]+|Mục[ \t]+\d+|Phần[ \t]+[IVXLC\d]+)\b"
)


# words between a body and its role that are not part of its name: "Sở Công Thương có trách nhiệm
# chủ trì, …" (seed 002), "Sở Y tế là cơ quan đầu mối, chủ trì …", and in notices the manner of the
# work: "Bộ Nông nghiệp và Môi trường khẩn trương chủ trì, …", "Ủy ban nhân dân tỉnh Đắk Lắk tiếp tục
# rà soát …", "Bộ Nội vụ theo chức năng nhiệm vụ được giao khẩn trương nghiên cứu …" (corpus/real
# 826ed569ec2ddaa1, 98be6e047028fade)
_DUTY = r"(?:nhiệm[ \t\n]+vụ|quyền[ \t\n]+hạn|trách[ \t\n]+nhiệm)"
_MANNER = r"(?:cần|phải|tiếp[ \t\n]+tục|khẩn[ \t\n]+trương|quyết[ \t\n]+liệt)"
_DUTY_TAIL = re.compile(
    # and the heading of a regulation's article: "a) Ủy ban nhân dân Thành phố có quyền hạn và trách nhiệm:",
    # "Ban Kiểm soát có các nhiệm vụ và quyền hạn sau:" (corpus/real 06c6f91f5c3b4c21, 1f9faa0347e6cd17)
    rf"(?<![ \t\n])[ \t\n]+(?:(?:có|chịu)[ \t\n]+(?:các[ \t\n]+)?{_DUTY}(?:[ \t\n]*(?:,|và)[ \t\n]*{_DUTY})*"
    r"(?:[ \t\n]+(?:như[ \t\n]+)?sau(?:[ \t\n]+đây)?)?"
    r"|là[ \t\n]+cơ[ \t\n]+quan[ \t\n]+đầu[ \t\n]+mối"
    # (several such words: "Ban Quản lý Dự án 85 khẩn trương tiếp tục chủ trì, …", corpus/real a8e9e9675ab618ee; and
    # what the body must do: "Các đơn vị dịch vụ thu gom, vận chuyển phải …", ef57df9384270c6e)
    rf"|{_MANNER}(?:[ \t\n]+{_MANNER})*|theo[ \t\n]+chức[ \t\n]+năng[^:;.()]*)[ \t\n,]*$"
)
# the name a text gives a body for short: "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội
# (sau đây gọi tắt là “Ban Quản lý”)" (corpus/real 06c6f91f5c3b4c21)
_ALIAS_TAIL = re.compile(r"\((?:sau[ \t\n]+đây[ \t\n]+)?(?:gọi|viết)[ \t\n]+tắt[^()]*\)[ \t\n]*$")


def _before_duty(body: str, start: int, end: int) -> int:
    duty = _DUTY_TAIL.search(body[start:end])
    end = start + duty.start() if duty else end
    alias = _ALIAS_TAIL.search(body[start:end])
    return start + len(body[start : start + alias.start()].rstrip()) if alias else end


_GAP = r"[ \t\n]+"
# (and a bracketed number: the items of a notice of conclusions, "(3) Bộ Công an tiếp tục chủ động phối hợp, hướng
# dẫn Bộ Y tế …", "(5) Bộ Tài chính chỉ đạo các cơ quan liên quan …", Thông báo 637/TB-VPCP, corpus/real 75a0867a09525909)
# the points under a notice's topic item say who does what, as its numbered items do: "2. Về Dự án Nhà máy điện Hiệp
# Phước giai đoạn 1" / "c) Về việc thỏa thuận giao cắt tuyến ống Cái Mép-Phú Mỹ: Ủy ban nhân dân Thành phố Hồ Chí Minh
# xử lý dứt điểm trong tháng 11 năm 2025, …" / "d) Bộ Công Thương phối hợp các bộ, cơ quan, đơn vị liên quan báo cáo
# Phó Thủ tướng …" (Thông báo 653/TB-VPCP, holdout 4); a regulation's points under "2. Hội đồng …" describe
# (a label, not a wrapped line opening with a number: "40.000 DWT từ cảng chuyên dụng …")
_NUMBERED_ITEM = re.compile(r"[ \t]*\d{1,2}\.[ \t]")
_NUMBER_LABEL = re.compile(rf"\d{{1,2}}\.|\(\d{{1,2}}\)|{_ROMAN_ITEM}")
# a clause numbered "1.", a point "a)" of a notice or decision ("đ) Bộ Xây dựng chủ trì, phối hợp Bộ Tài chính
# xem xét …", Thông báo 50f694478a35aefd), or "(2) Bộ Tài chính chủ trì, …" (corpus/real 7c7edac5664780ef)
_PROSE_LABEL = re.compile(rf"\d{{1,2}}\.|[a-zđ]\)|\(\d{{1,2}}\)|{_ROMAN_ITEM}")
# the verb that hands the item to the body it names: "1. Giao Văn phòng Ủy ban nhân dân tỉnh chủ trì, …"
# (corpus/real 31ea3f5a8224b092), "3. Chỉ đạo Quân chủng Hải quân, Bộ đội Biên phòng chủ trì, …"
# (1e6fb98e16a75e3d): that body leads
_ASSIGNING_OPENER = re.compile(alternation(ASSIGNING_OPENERS, _GAP) + rf"{_GAP}(?=\S)")


# the longest name of a body an assigning verb hands a task to, in words ("Ban Thường trực Ủy ban Mặt trận Tổ
# quốc Việt Nam tỉnh"); a longer run before the first verb the tables know is a name and more
_ASSIGNED_NAME_MAX_WORDS = 12


def _acting_is_assigned(
    match: re.Match[str], numbered: re.Match[str] | None, opener: re.Match[str] | None
) -> bool:
    """Bodies that act without "chủ trì" or "phối hợp với" make a task of a numbered clause of a "Tổ
    chức thực hiện" part; a point "a)" of a regulation says how bodies work ("a) Hội đồng hoạt động theo
    nguyên tắc tập trung, …", "a) Cục loại 1 là tổ chức thuộc bộ, …": corpus/real 45fb7c4784bcce3a,
    e8b69e31579c0186) unless a verb assigns it ("b) Giao Thanh tra thành phố tổ chức thanh tra …",
    2847e16133f7b987).  After such a verb the body's name is short: "2. Giao Trung tâm Chuyển đổi số
    Thành phố cấu hình thủ tục hành chính trên Hệ thống …" runs on past it to a verb the tables know."""
    if opener is None:
        return numbered is not None
    return _names_are_short(match.group("lead"))


# the closing formula of a people's council's resolution hands oversight to its bodies, a list longer than one
# name: "2. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân Thành phố, các Tổ đại biểu và đại
# biểu Hội đồng nhân dân Thành phố giám sát việc thực hiện Nghị quyết." (corpus/real 4672020dbba893fb and 26 more)
_COUNCIL_BODIES = re.compile(r"Thường\s+trực\s+(?:Hội\s+đồng\s+nhân\s+dân|HĐND)(?!\w)")
_LIST_JOIN = re.compile(r"[,;]|(?<!\w)và(?!\w)")


def _names_are_short(names: str) -> bool:
    if _COUNCIL_BODIES.match(names):
        return _each_name_is_short(names)
    return len(names.split()) <= _ASSIGNED_NAME_MAX_WORDS


def _each_name_is_short(names: str) -> bool:
    return all(len(name.split()) <= _ASSIGNED_NAME_MAX_WORDS for name in _LIST_JOIN.split(names))


def parse_prose_assignment_tasks(body: str, region: Span) -> list[Task]:
    """Numbered clauses of a "Tổ chức thực hiện" article or part that assign a task in one sentence:
    "1. Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các bộ, ngành, địa phương tổ
    chức triển khai thực hiện Đề án, hoàn thành trong năm 2022." (Quyết định …/QĐ-TTg), and points
    "đ) Bộ Xây dựng chủ trì, phối hợp Bộ Tài chính xem xét …" that name who leads (see _acting_is_assigned)."""
    lines = lines_of(body, region)
    before = _LinesBefore(lines)
    tasks: list[Task] = []
    for i, line in enumerate(lines):
        item = item_match(line.text) or _unlabelled_paragraph(lines, i, before)
        if item is None:
            continue
        label = item.group("label").strip()
        if not label and tasks and tasks[-1].span.end > line.start:
            continue  # the paragraph is the text of the item above it ("5. Về kiến nghị …:" / "Bộ … khẩn trương …")
        opinion = not label and _after_opinion_intro(before)
        bullet = label in (*_BULLET_LABELS, "") and (
            opinion or _under_implementation_heading(lines, i, before)
        )
        if not bullet and not _PROSE_LABEL.fullmatch(label):
            continue
        if label.startswith("(") and _under_notes_heading(lines, i):
            continue
        if opinion:
            end, _ = _paragraph_end(lines, i)
        else:
            end, _ = (
                (line.end, i + 1) if not label and line.text.rstrip().endswith(".") else _item_end(lines, i)
            )
        if body[line.start : end].rstrip().endswith(":"):
            continue  # a heading over the bullets that are the tasks ("1. Giao Sở X là cơ quan đầu mối, …:")
        if _heads_agency_bullets(body, lines, i):
            continue
        text_start = _after_topic(body, line.start + item.end(), end)
        opener = _ASSIGNING_OPENER.match(body, text_start, end)
        after_opener = opener.end() if opener else text_start
        lead_start = _after_lead_in(body, after_opener, end)
        match = None
        if not _lacks_literal(_PROSE_ASSIGNMENT, body, lead_start, end):
            match = _PROSE_ASSIGNMENT.match(body, lead_start, end)
        if opener and (not match or not starts_with_agency(match.group("lead"))):
            match = _ASKED_TO_COOPERATE.match(body, lead_start, end)
        if not match or not starts_with_agency(match.group("lead")):
            match = _bodies_acting(body, lead_start, end, after_lead_in=lead_start > after_opener)
            topic_point = _POINT.fullmatch(label) if before.above(i).under_topic else None
            numbered = _NUMBER_LABEL.fullmatch(label) or topic_point
            if match is None or not (bullet or _acting_is_assigned(match, numbered=numbered, opener=opener)):
                continue
            # "- Hội đồng Thi đua - Khen thưởng các cấp phân công rõ trách nhiệm các thành viên …" runs on past
            # the name to a verb the tables know
            # (and after a "Trên cơ sở …," lead-in the name must be short too: "… Bảo hiểm xã hội Việt Nam xác
            # định hệ số điều chỉnh tiền lương làm căn cứ …", corpus/real 750314c2c5666d56)
            # (after a lead-in each name of a list is short: "Trên cơ sở nội dung Kế hoạch nêu trên, các sở, ban,
            # ngành tỉnh, Ủy ban nhân dân các phường, xã, đặc khu căn cứ …", Quyết định 1627/QĐ-UBND of Quảng Ngãi)
            short = _each_name_is_short if lead_start > after_opener else _names_are_short
            # (and a topic's point: "b) Bộ phận một cửa của Bộ Tài chính chuyển hồ sơ đăng ký hành nghề …", the steps
            # of a procedure under "1. Về thủ tục …" in Nghị quyết 24/2026/NQ-CP, corpus/files)
            if (bullet or topic_point or lead_start > after_opener) and not short(match.group("lead")):
                continue
        if match.groupdict().get("support"):
            support = _mentions(body, match.start("support"), match.end("support"))
        else:  # "…; phối hợp với Đảng đoàn Quốc hội thể chế hoá …" later in the clause (dev h10 IV.3)
            support = _later_partners(body, match.end("lead"), end)
        tasks.append(
            Task(
                label=item.group("label").strip(),
                text=clean(body[line.start + item.end() : end]),
                section=None,
                lead=_mentions(
                    body, match.start("lead"), _before_duty(body, match.start("lead"), match.end("lead"))
                ),
                support=support,
                deadline=_prose_deadline(body, text_start, end),
                span=Span(*_trim(body, line.start, end)),
                layout="lead-heading",
            )
        )
    return tasks


# the numbered notes under a form: "Chú thích:" / "(5) Sở Công Thương nơi tổ chức, doanh nghiệp sử dụng vật liệu nổ
# công nghiệp." (Thông tư 23/2024/TT-BCT, corpus/files), "Ghi chú:" / "(5) Thủ trưởng đơn vị được giao thẩm định Kế
# hoạch." (Nghị định 25/2026/NĐ-CP): they say what fills a blank, they assign nothing
_NOTES_HEADING = re.compile(r"[ \t]*(?:Ghi[ \t]+chú|Chú[ \t]+thích)[ \t]*:?[ \t]*$", re.IGNORECASE)
_NOTES_LOOKBACK = 40


def _under_notes_heading(lines: Sequence[Line], i: int) -> bool:
    """Line ``i`` is one of the bracketed items under a "Ghi chú:" line (with nothing but such items between)."""
    for line in reversed(lines[max(0, i - _NOTES_LOOKBACK) : i]):
        if _NOTES_HEADING.fullmatch(line.text):
            return True
        item = item_match(line.text)
        if item and not item.group("label").startswith("("):
            return False
    return False


# a paragraph with no label in the part that says who does what: "VI. CHẾ ĐỘ BÁO CÁO" / "Các phòng, đơn vị báo cáo
# tình hình thực hiện về Phòng Kế hoạch - Tổng hợp trước ngày 18 hằng tháng, …" (Sở Công Thương Lào Cai's Đề án 08
# plan): it opens after a full stop or a heading, with a capital
_NO_LABEL = re.compile(r"[ \t]*(?P<label>)(?=[A-ZĐÀ-Ỹ])")


class _LinesBefore:
    """The last non-blank line and the last heading (an article or an item) above line ``i``, asked for rising
    ``i``: each line is looked at once (looking back from every line was quadratic: 27 s for a reporting part of
    10,000 paragraphs)."""

    def __init__(self, lines: Sequence[Line]):
        self.lines = lines
        self.seen = 0  # the lines above this index are counted in
        self.previous: Line | None = None
        self.heading: Line | None = None
        # the index of the last labelled line that is no bullet (an item "2.", a part "V.", an article) or that opens
        # the recipients ("Nơi nhận:"): what _under_implementation_heading reads
        self.landmark: int | None = None
        # the index of a letter's "… có ý kiến (chỉ đạo) như sau:" (see _OPINION_INTRO), and of the last heading
        self.opinion_intro: int | None = None
        self.heading_at: int | None = None
        # whether the last numbered item above opens with its topic ("2. Về Dự án Nhà máy điện Hiệp Phước …"), as a
        # notice of conclusions's items do (see _POINT_OF_TOPIC)
        self.under_topic = False

    def _with_line_above(self, i: int) -> str:
        return "\n".join(line.text for line in self.lines[max(0, i - 1) : i + 1])

    def above(self, i: int) -> _LinesBefore:
        if i < self.seen:
            raise ValueError("lines are asked for in reading order")
        while self.seen < i:
            line = self.lines[self.seen]
            if not line.blank:
                self.previous = line
            article, item = ARTICLE_LABEL.match(line.text), item_match(line.text)
            if article or item:
                self.heading, self.heading_at = line, self.seen
            if article:
                self.under_topic = False
            elif _NUMBERED_ITEM.match(line.text):
                self.under_topic = bool(_TOPIC.match(line.text, item.end())) if item else False
            if (
                line.text.rstrip().endswith(
                    ":"
                )  # what _OPINION_INTRO ends with: the search is run on few lines
                and _OPINION_INTRO.search(line.text)
                and _LEADER.search(self._with_line_above(self.seen))
            ):
                self.opinion_intro = self.seen
            if (
                article
                or (item and item.group("label").strip() not in _BULLET_LABELS)
                or _RECIPIENTS.match(line.text)
            ):
                self.landmark = self.seen
            self.seen += 1
        return self


def _unlabelled_paragraph(lines: Sequence[Line], i: int, before: _LinesBefore) -> re.Match[str] | None:
    previous = before.above(i).previous
    if previous is None or not (
        previous.text.rstrip().endswith((".", ":", ";")) or item_match(previous.text)
    ):
        return None
    if (
        ARTICLE_LABEL.match(lines[i].text)
        or _PART_START.match(lines[i].text)
        or _RECIPIENTS.match(lines[i].text)
    ):
        return None
    # an article's own paragraphs ("Điều 2. Tổ chức thực hiện" / "Giao Văn phòng …") are the closing readers'
    heading = before.heading
    if _after_opinion_intro(before):
        return _NO_LABEL.match(lines[i].text)
    if heading is None or ARTICLE_LABEL.match(heading.text):
        return None
    return _NO_LABEL.match(lines[i].text)


# a letter of the Government Office passes on a leader's opinion in paragraphs with no label: "Xét đề nghị của
# Bộ Công Thương …, Phó Thủ tướng Chính phủ Bùi Thanh Sơn có ý kiến như sau:" / "Bộ Công Thương chủ trì phối hợp
# với các Bộ, cơ quan liên quan khẩn trương làm rõ …; báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 11
# năm 2025." (Công văn 11520/VPCP-CN, tests/corpus/holdout4; 11299/VPCP-KGVX, 11306/VPCP-NN and two more of
# corpus/real): each such paragraph that names who acts is a task, as a numbered clause is
# (a leader's opinion: "Cục Thuế có ý kiến như sau:" answers a question, its paragraphs explain the law)
_OPINION_INTRO = re.compile(r"(?:ý\s+kiến(?:\s+chỉ\s+đạo)?|chỉ\s+đạo)\s+như\s+sau\s*:\s*$", re.IGNORECASE)
_LEADER = re.compile(r"(?<!\w)(?:Thủ\s+tướng|Chủ\s+tịch|Bộ\s+trưởng)(?!\w)")


def _after_opinion_intro(before: _LinesBefore) -> bool:
    """A paragraph of a letter's opinion: below "… có ý kiến như sau:" with no item or article between (one
    above it is a wrapped line of the preamble: "- Hải Phòng, đoạn qua Nam Định …", 11654/VPCP-CN)."""
    intro = before.opinion_intro
    return intro is not None and (before.heading_at is None or before.heading_at < intro)


def _paragraph_end(lines: Sequence[Line], i: int) -> tuple[int, int]:
    """End of a hard-wrapped paragraph with no label: its first line that closes a sentence (the web page
    wraps a paragraph's lines; the next paragraph, "Văn phòng Chính phủ thông báo để …", starts a new line)."""
    j = i
    while j < len(lines) - 1 and not lines[j].text.rstrip().endswith((".", ":")):
        if lines[j + 1].blank or item_match(lines[j + 1].text) or _RECIPIENTS.match(lines[j + 1].text):
            break
        j += 1
    return lines[j].end, j + 1


# the heading of the part that says who does what: "2. Trách nhiệm thực hiện" over "- Sở Nội vụ hướng dẫn khen
# thưởng Đợt thi đua; phối hợp với …" (corpus/real 99c7d8fff9e4572e), "V. TỔ CHỨC THỰC HIỆN", "Phân công nhiệm
# vụ": there a bullet that names a body and what it does is a task, as a numbered clause is; elsewhere a bullet
# may describe ("- Bộ phận Một cửa tiến hành số hóa toàn bộ hồ sơ …" in a procedure)
_BULLET_LABELS = ("-", "+", "•")
# (and a plan's reporting part says who reports to whom: "V. CHẾ ĐỘ BÁO CÁO" / "- Sở Nông nghiệp và Môi trường
# tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Ban Thường vụ Tỉnh ủy …", Lào Cai's Chỉ thị 11 plan, corpus/files)
_IMPLEMENTATION_HEADING = re.compile(
    r"(?:tổ\s+chức|trách\s+nhiệm|phân\s+công)\s+thực\s+hiện|phân\s+công\s+nhiệm\s+vụ"
    r"|chế\s+độ\s+(?:thông\s+tin,?\s+)?báo\s+cáo",
    re.IGNORECASE,
)
# how far above a bullet its heading is looked for, in lines (a part of bullets is rarely longer)
_HEADING_LOOKBACK = 120


def _under_implementation_heading(lines: Sequence[Line], i: int, before: _LinesBefore) -> bool:
    """The nearest labelled line above line ``i`` (at most ``_HEADING_LOOKBACK`` lines up) that is no bullet (an
    item "2.", a part "V.", an article) is the heading of an implementation part; "Nơi nhận:" and its addressees,
    after the last article, are none."""
    landmark = before.above(i).landmark
    if landmark is None or landmark < i - _HEADING_LOOKBACK or _RECIPIENTS.match(lines[landmark].text):
        return False
    return bool(_IMPLEMENTATION_HEADING.search(lines[landmark].text))


def _heads_agency_bullets(body: str, lines: Sequence[Line], i: int) -> bool:
    """ "7. Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải, …" over "- …" bullets names
    the bodies whose tasks the bullets are (agency headings); a verb the tables know inside the names
    ("xây dựng" a field, "tổ chức" organisations: "5. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên
    quan", corpus/real 689f49d25e51cbaa, 31786b0833a4130d) makes no one-sentence task of the heading."""
    heading = _agency_heading_at(lines[i])
    return heading is not None and not heading.group("rest") and bool(_bullets_under(body, lines, i + 1)[0])


# a notice's item opens with its topic, then says who does what: "2. Về dự án đầu tư xây dựng công trình
# nạo vét luồng tàu …: Bộ Xây dựng khẩn trương rà soát, …", "7. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính
# xem xét …: giao Bộ Tài chính chủ trì phối hợp với Bộ Xây dựng …" (Thông báo 634/TB-VPCP, corpus/real
# 24701a1c97c8c368); the body named after the colon acts, but the task's text is the whole item, topic included:
# the corpus gold starts every task at its item's first word (tests/corpus/holdout5/SOURCE-tasks.md)
_TOPIC = re.compile(r"Về[ \t\n]")
_TOPIC_END = re.compile(r":[ \t\n]*(?:(?:giao|đề[ \t\n]+nghị)[ \t\n]+)?", re.IGNORECASE)
_TOPIC_MAX = 400


def _after_topic(body: str, start: int, end: int) -> int:
    """Where the assignment starts after a "Về …:" topic: the first colon a body follows."""
    if not _TOPIC.match(body, start, end):
        return start
    for colon in _TOPIC_END.finditer(body, start, min(end, start + _TOPIC_MAX)):
        if starts_with_agency(body[colon.end() : end]):
            return colon.end()
    return start


# "2. Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, …" (Thông báo
# 659/TB-VPCP, tests/corpus/holdout), "- Trên cơ sở kết quả khảo sát, Sở Xây dựng chủ trì, phối hợp …"
# (Công văn 4085/UBND-ĐT): what the task rests on comes first; the body after its comma acts
_LEAD_IN = re.compile(r"Trên[ \t\n]+cơ[ \t\n]+sở[ \t\n]")
_LEAD_IN_MAX = 200
_RECURRENCE_LEAD_IN = re.compile(r"(?:Định[ \t\n]+kỳ|H[ằà]ng[ \t\n]+(?:năm|quý|tháng))(?!\w)")


def _after_lead_in(body: str, start: int, end: int) -> int:
    """Where the acting bodies are named after a "Trên cơ sở …," lead-in: after the first comma bodies
    follow, unless the words before that comma end in a list of whose ("… đề nghị của các Bộ, cơ quan
    liên quan, …") or by whom ("… do Cục Thống kê, Bộ Tài chính cung cấp, Bảo hiểm xã hội Việt Nam xác
    định …", corpus/real 750314c2c5666d56) that the comma goes on with."""
    if _RECURRENCE_LEAD_IN.match(body, start, end):
        # "3. Định kỳ 03 năm một lần hoặc khi cần thiết, Bộ Nông nghiệp và Môi trường, Ủy ban nhân dân cấp tỉnh thực
        # hiện …", "2. Hàng năm, Văn phòng UBND tỉnh rà soát, tổng hợp, …" (corpus/real 637e9efcc63ab844,
        # be5392d4f50c27a6; 13 files of the corpora): how often, then who; the first comma only
        comma = _COMMA_GAP.search(body, start, min(end, start + _LEAD_IN_MAX))
        return comma.end() if comma and starts_with_agency(body[comma.end() : end]) else start
    if not _LEAD_IN.match(body, start, end):
        return start
    segment_start = start
    for comma in _COMMA_GAP.finditer(body, start, min(end, start + _LEAD_IN_MAX)):
        goes_on = _OWNER_OR_AGENT.search(body, segment_start, comma.start())
        segment_start = comma.end()
        rest = body[comma.end() : end]
        if not goes_on and (starts_with_agency(rest) or _PARTNER_START.match(rest)):
            return comma.end()
    return start


_COMMA_GAP = re.compile(r",[ \t\n]*")
_OWNER_OR_AGENT = re.compile(r"(?<!\w)(?:của|do)(?!\w)")


# ------------------------------------------------------------------ 4. agency headings

# "1. Sở Kế hoạch và Đầu tư", "3. Sở Công Thương:", "2. Sở Tài chính: Chủ trì, …", "b) UBND các
# huyện, thị xã, thành phố:"; a bare "-" bullet only with its colon and text ("- Sở Tài chính: …").
# (a body asked rather than assigned: "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", dev h05;
# or handed the points below: "1. Giao Ủy ban nhân dân Thành phố:" / "a) Tổ chức thực hiện Nghị quyết …",
# the closing article of a council's resolution, corpus/real 4672020dbba893fb and 8 more)
_AGENCY_HEADING = re.compile(
    r"[ \t]*(?P<label>\d{1,2}(?:\.\d{1,2})*\.|\(\d{1,2}\)|[a-zđ]\)|-)[ \t]*(?P<ask>(?P<ask_verb>Đề[ \t]+nghị|Giao)[ \t]+"
    # ("2. Trách nhiệm của Ủy ban nhân dân các xã, phường" / "a) Tổ chức tiếp nhận hồ sơ …", Quyết định of
    # Vĩnh Long publishing procedures, corpus/real e83d7b60c0b1d639; "1.6. Trách nhiệm của các cơ quan quản lý
    # cấp trên …:", Quảng Ngãi's inventory plan 4e39af96b6891368; 21 files of corpus/real print such headings)
    r"|(?P<duty>(?:Trách[ \t]+nhiệm|Nhiệm[ \t]+vụ)[ \t]+của)[ \t]+)?"
    r"(?P<names>[^:\n]{3,160}?)"
    r"[ \t]*(?:(?P<colon>:)[ \t]*(?P<rest>[^\n]*))?$"
)
# what the heading's body does in one item: "Chủ trì, phối hợp với X tham mưu …" (X cooperates),
# "Phối hợp với X thu hút …" (X leads, the heading's body cooperates)
# (searched: "Là cơ quan đầu mối, chủ trì, phối hợp với các sở, ban ngành, địa phương tổ chức …")
# the cooperating bodies end where what is done starts: an action, or "căn cứ …" ("phối hợp với Văn
# phòng UBND tỉnh căn cứ các TTHC … xây dựng quy trình", corpus/real e7cd8d423108e103)
# ("… với Sở Nội vụ trong quá trình thực hiện …", "… với các nhà mạng (…) để xây dựng …", "… với Công an
# tỉnh và các cơ quan, đơn vị có liên quan kịp thời tham mưu …": the names end before those words)
_WORK_START = (
    rf"(?:{_ACTION_ALT}|căn\s+cứ|(?:có|chịu)\s+trách\s+nhiệm|khẩn\s+trương|tiến\s+hành|tiếp\s+nhận"
    rf"|kịp\s+thời|nắm\s+(?:chắc|bắt)|khắc\s+phục|để|nhằm"
    rf"|trong\s+(?:quá\s+trình|việc|phạm\s+vi|công\s+tác|(?:{_ACTION_ALT})(?!\w)))(?!\w)"
)
# (with or without "với": "Giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp các đơn vị liên quan có trách nhiệm:",
# Quyết định 2740/QĐ-UBND of Đồng Nai, tests/corpus/holdout6)
_CHAIRS = re.compile(
    rf"(?<!\w)(?i:chủ\s+trì)\s*,\s*(?i:{_SENTENCE_SUPPORT_VERB})\s+(?P<support>[^:;.]+?)\s*,?\s+(?={_WORK_START})"
)
# "phối hợp với X <action>" anywhere in an item: X cooperates
# ("phối hợp các đơn vị liên quan hướng dẫn …", "Phối hợp chặt chẽ với …" too: corpus/real ceb89a53c7b93f00)
# ("công trình" is a work, not "trình" a verb: "phối hợp với chủ đầu tư công trình điện lực lập …", corpus/real
# 73a5c09dc805432d)
_PARTNERS = re.compile(
    rf"(?<!\w)(?i:{_SENTENCE_SUPPORT_VERB})\s+(?P<support>[^:;.]+?)(?<!\s)(?<!\bcông)(?:\s*+,)?\s++(?={_WORK_START})"
)
# (and kinds of body listed in lower case: "phối hợp với sở, ban, ngành, Ủy ban nhân dân xã, phường …", dev h05)
# (and a project's investor, "Chủ động phối hợp với chủ đầu tư hạ tầng KCN và các cơ quan, đơn vị chức năng …",
# corpus/real ceb89a53c7b93f00, 11 such partners in corpus/real + files; "phối hợp với Bộ ngành liên quan", Chỉ thị
# 07/CT-TTg of corpus/files)
_PARTNER_START = re.compile(
    r"(?:[Cc]ác|[Dd]oanh\s+nghiệp|[Cc]ơ\s+quan|[Đđ]ơn\s+vị|[Cc]hủ\s+đầu\s+tư)(?!\w)|(?:sở|bộ|ban|ngành)[ \t]*,"
    r"|[Bb]ộ[ \t]+ngành(?!\w)"
)
_RECIPIENTS = re.compile(r"[ \t]*Nơi\s+nhận", re.IGNORECASE)
# a heading that says what its bodies do is a lead heading wrapped over lines ("(6) Ban Quản lý …
# chủ trì, phối hợp\nvới các cơ quan liên quan:"), not an agency heading
_ROLE_WORDS = re.compile(rf"(?<!\w)(?:{_LEAD_VERB_ALT}|{_SUPPORT_VERB}|phối\s+hợp)(?!\w)", re.IGNORECASE)


def parse_agency_heading_tasks(body: str, region: Span) -> list[Task]:
    lines = lines_of(body, region)
    tasks: list[Task] = []
    i = 0
    while i < len(lines):
        if _RECIPIENTS.match(lines[i].text):
            break  # "Nơi nhận: - Sở Tài chính; …" lists addressees, not tasks
        if lines[i].text.rstrip(" \t").endswith(":") and _ADDRESSED_TO.search(
            lines[i].text
        ):  # (cheap test first)
            i = _after_addressees(lines, i + 1)
            continue
        heading = _agency_heading_at(lines[i])
        if heading is None:
            i += 1
            continue
        line = lines[i]
        names_start = line.start + heading.start("names")
        names_end = names_start + len(_without_closing_stop(heading.group("names")))
        names = Span(names_start, _before_duty(body, names_start, names_end))
        label = heading.group("label")
        if heading.group("rest"):  # "2. Sở Tài chính: Chủ trì, …" — the item is one task
            end, i = _item_end(lines, i)
            text_start = line.start + heading.start("rest")
            listed = _listed_names_end(body, names, text_start, end)
            if listed is not None:  # "3. Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo …": one sentence
                names, text_start = Span(names.start, listed), names.start
            tasks.append(_agency_item_task(body, names, label, Span(line.start, end), text_start))
            continue
        below = i + 1
        if _closed_heading(heading) and not _heads_duties(lines, below, label):
            i += 1
            continue
        if not heading.group("colon"):
            # "1.2. Giao Công an Thành" / "phố" / "Chỉ đạo Công an các phường, …" (a table cell's name wrapped,
            # corpus/real 717159673033f644)
            while below < len(lines) and _continues_name(body, names.start, lines[below]):
                names = Span(names.start, lines[below].end)
                below += 1
        role_tasks, after = _role_subheading_tasks(body, lines, below, names)
        if role_tasks:
            tasks += role_tasks
            i = after
            continue
        bullets, after = _bullets_under(body, lines, below)
        for start, end in bullets:
            if _heads_bullets_of_its_own(body, start, end):
                continue
            if heading.group("duty") and starts_with_agency(body[_after_lead_in(body, start, end) : end]):
                # "2. Trách nhiệm của các cơ quan quản lý nhà nước" / "a) Bộ Xây dựng thống nhất quản lý …" / "b) Ủy
                # ban nhân dân các tỉnh … có trách nhiệm …" (Nghị định 35/2023/NĐ-CP, corpus/files): each point
                # names its own body; the other readers take it
                continue
            tasks.append(
                _agency_item_task(
                    body, names, _bullet_label(body, start), Span(_line_start(body, start), end), start
                )
            )
        if (
            not bullets
            and below < len(lines)
            and _opens_unlabelled_item(lines[below])
            # "7. Đề nghị Ủy ban Mặt trận / Tổ quốc Việt Nam tỉnh và …" is one sentence wrapped, not a
            # heading: under an "Đề nghị" heading the item says what to do ("Phối hợp với …")
            and (not heading.group("ask") or _WORK_OPENING.match(lines[below].text))
        ):
            end, after = _item_end(lines, below)  # "1. Sở Kế hoạch và Đầu tư\nChủ trì, …" (no label)
            paragraphs = _paragraphs_of_their_own(lines, below, after)
            if paragraphs:
                tasks += [
                    _agency_item_task(body, names, label, Span(p.start, p.end), p.start) for p in paragraphs
                ]
            else:
                tasks.append(_agency_item_task(body, names, label, Span(line.start, end), lines[below].start))
        i = max(after, i + 1)
    return tasks


# a dispatch or a letter opens with whom it is sent to: "THỦ TƯỚNG CHÍNH PHỦ điện:" / "- Chủ tịch Ủy ban nhân dân
# các tỉnh, thành phố: Đà Nẵng, …;" / "- Bộ trưởng các Bộ: Quốc phòng, Công an, …;" (Công điện of corpus/real
# cfef94bb5eaf59df, 44aeb2fd86d07d4a, b2fa001677379e64), "Kính gửi: - Sở Tài chính; …": addressees, no tasks
_ADDRESSED_TO = re.compile(r"(?:(?<!\w)điện|Kính[ \t]+gửi)[ \t]*:[ \t]*$")


def _after_addressees(lines: Sequence[Line], i: int) -> int:
    """The first line after the "- …" addressees that start at line ``i`` (each may wrap over lines until
    its ";" or ".")."""
    ended = True  # the line before closed an addressee
    while i < len(lines):
        text = lines[i].text.rstrip()
        item = item_match(lines[i].text)
        bullet = item is not None and item.group("label").strip() == _BULLET
        if not lines[i].blank and ((item and not bullet) or (ended and not bullet)):
            break
        if text:
            ended = text.endswith((";", "."))
        i += 1
    return i


# under an agency heading, a line that says with whom its bullets are done: "a) Chủ trì, phối hợp với
# các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan" / "b) Phối hợp với các sở,
# ngành, UBND các xã, phường" / "Chủ trì, phối hợp với các sở, ngành, … có liên quan:" (Quyết định
# 2954/QĐ-UBND of Sơn La, corpus/real f1e0981425ec38be); the heading's body leads each bullet
_ROLE_SUBHEADING = re.compile(
    r"[ \t]*(?:[a-zđ]\)[ \t]*)?(?:Chủ[ \t]+trì,?[ \t]+phối|Phối)[ \t]+hợp[ \t]+với[ \t]+"
    r"(?P<support>[^.;:\n]+?)[ \t]*:?[ \t]*"
)


def _role_subheading_tasks(body: str, lines: Sequence[Line], i: int, names: Span) -> tuple[list[Task], int]:
    """The bullets under each role sub-heading from line ``i`` on, and the line after the last."""
    tasks: list[Task] = []
    while i < len(lines) and lines[i].blank:
        i += 1
    while i < len(lines):
        line = lines[i]
        role = _ROLE_SUBHEADING.fullmatch(line.text)
        if role is None or not _names_partners(role.group("support")):
            break
        bullets, after = _bullets_under(body, lines, i + 1)
        if not bullets or _bullet_label(body, bullets[0][0]) != _BULLET:
            break
        support = _mentions(body, line.start + role.start("support"), line.start + role.end("support"))
        for start, end in bullets:
            task = _agency_item_task(body, names, _BULLET, Span(_line_start(body, start), end), start)
            task.support = support + [
                m for m in task.support if m.printed not in {s.printed for s in support}
            ]
            tasks.append(task)
        i = after
    return tasks, i


def _continues_name(body: str, names_start: int, line: Line) -> bool:
    """A short line in lower case that ends a name wrapped from the line above ("phố", "dân các phường,
    xã, đặc khu") and keeps it a name."""
    text = line.text.strip()
    return (
        bool(text)
        and text[0].islower()
        and len(text.split()) <= _WRAPPED_NAME_MAX_WORDS
        and not item_match(line.text)
        and not text.endswith((".", ";", ":", ","))
        and is_agency_like(clean(body[names_start : line.end]))
    )


_WRAPPED_NAME_MAX_WORDS = 6
# a colon that lists the bodies of a kind: "Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo lực lượng …", "1. Chủ tịch
# Ủy ban nhân dân các tỉnh: Đắk Lắk, / Khánh Hòa, Gia Lai và Lâm Đồng chỉ đạo cơ quan chức năng …" (Công điện of the
# Prime Minister, corpus/real b2fa001677379e64, cfef94bb5eaf59df, e01d3782fbed0967)
_LISTING_KIND = re.compile(r"(?<!\w)các[ \t]+(?:Bộ|tỉnh|Sở|tỉnh,[ \t]+thành[ \t]+phố)[ \t]*$")


def _listed_names_end(body: str, names: Span, rest: int, end: int) -> int | None:
    """Where the bodies listed after "các Bộ:" end, at the verb of what they do; None when the colon lists none."""
    if not _LISTING_KIND.search(body, names.start, names.end) or not body[rest : rest + 1].isupper():
        return None
    acting = _BODIES_ACT.match(body, rest, end)
    if acting is None or len(acting.group("lead").split()) > _ASSIGNED_NAME_MAX_WORDS:
        return None
    return _before_duty(body, rest, acting.end("lead"))


_KIND_ONLY = re.compile(r"các[ \t]+\w+", re.IGNORECASE)


def _agency_heading_at(line: Line) -> re.Match[str] | None:
    return _agency_heading_in(line.text)


# two readers ask it of every line (real corpus: 82,658 times for 47,403 texts; the match is 0.2 s of CPU)
@functools.lru_cache(maxsize=8192)
def _agency_heading_in(text: str) -> re.Match[str] | None:
    match = _AGENCY_HEADING.fullmatch(text)
    if match is None or (match.group("label") == _BULLET and not match.group("rest")):
        return None
    names = match.group("names")
    if match.group("duty") and match.group("rest") and _KIND_ONLY.fullmatch(names):
        return None  # "2. Trách nhiệm của các Sở: Xây dựng, Tài chính, Nội vụ." names the departments after the colon
    if match.group("ask"):
        # "11. Đề nghị các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa" (corpus/real f1e0981425ec38be):
        # after the verb the names go on in lower case
        names = names[:1].upper() + names[1:]
    # (a heading closed by a full stop: "4. Chi cục Quản lý thị trường." over its paragraphs, Sở Công Thương Lào
    # Cai's fire-safety plan, tests/corpus/holdout4; a name of a few words, not a sentence)
    names = _without_closing_stop(names)
    # (the cheap tests first)
    if names.rstrip().endswith((".", ";", ",")) or _ROLE_WORDS.search(names) or not is_agency_like(names):
        return None
    if _DESCRIBES_BODY.search(names) or _LISTS_MEMBERS.search(names):
        return None
    # "d) Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo các đơn vị kinh doanh hạ tầng …
    # có trách nhiệm:" (corpus/real 2847e16133f7b987) hands the bullets to bodies named after a verb:
    # an assignment heading, not a name
    if match.group("ask_verb") == "Giao" and _ACTION_START.search(names):
        return None
    return match


# a regulation's article says how a body works or what a thing must do, over points that are no tasks: "a) Quỹ
# phát triển dữ liệu quốc gia hoạt động theo nguyên tắc sau đây:", "Hội đồng … hoạt động theo nguyên tắc sau:",
# "Hệ thống thoát nước đô thị phải đảm bảo các chức năng:", "Quỹ Bảo vệ môi trường tài trợ cho hoạt động, …:"
# (corpus/real 012b8a728c178e7a, 54c3026bc7bb5cb7, ef57df9384270c6e, 1f9faa032326f975)
_DESCRIBES_BODY = re.compile(
    r"(?<!\w)(?:(?:hoạt\s+động|làm\s+việc)\s+theo\s+(?:các\s+)?nguyên\s+tắc|phải\s+(?:đảm\s+bảo|bảo\s+đảm)"
    r"|tài\s+trợ\s+cho)(?!\w)"
)


# a heading that lists the units a body is made of: "b) Các phòng chuyên môn, nghiệp vụ gồm:" / "Phòng Hành chính
# - Tổng hợp …" (an organisation's regulation, corpus/real 7599f6525eb44d2e): members, no duties
_LISTS_MEMBERS = re.compile(r"(?<!\w)gồm[ \t]*$")


_WORK_OPENING = re.compile(
    rf"[ \t]*(?:{_ACTION_ALT}|phối\s+hợp|chủ\s+trì|căn\s+cứ|tăng\s+cường|đẩy\s+mạnh|tiếp\s+tục|khẩn\s+trương"
    r"|vận\s+động|tham\s+gia|thực\s+hiện|nâng\s+cao|phát\s+huy)(?!\w)",
    re.IGNORECASE,
)


_HEADING_NAME_MAX_WORDS = 8


def _closed_heading(heading: re.Match[str]) -> bool:
    return heading.group("names").rstrip().endswith(".")


def _heads_duties(lines: Sequence[Line], below: int, label: str) -> bool:
    """A name closed by a full stop heads duties when what follows is one level down and says what to do: "1. Văn
    phòng Ủy ban nhân dân tỉnh." / "a) Chịu trách nhiệm quản lý chung …" (a provincial regulation, corpus/real
    c5f09c7770858e97), "4. Chi cục Quản lý thị trường." / "Thực hiện việc tuyên truyền …".  A list of names closed
    the same way is no heading: "a) Các sở, ban, ngành." / "b) Ủy ban nhân dân các xã, phường …" (who a regulation
    applies to, 1a3950726cd8511f), "1. Sở Công Thương tỉnh Lào Cai." / "- Ông Trần Trọng Trang, …" (the members of a
    team, corpus/files), "22. Báo Dân trí." / "Tại Điều này, …" (the units of a ministry, 389276e8dae699ce)."""
    if below >= len(lines):
        return False
    text = lines[below].text
    item = item_match(text)
    if item is None:
        return bool(_WORK_OPENING.match(text))
    if _label_kind(item.group("label")) == _label_kind(label):
        return False
    return not _PERSON.match(text, item.end())


# (a clause of a law closed the same way says who regulates: "5. Chính phủ quy định chi tiết Điều này.")
_CLAUSE_WORDS = re.compile(r"(?<!\w)(?:quy\s+định|này|Điều)(?!\w)")


def _without_closing_stop(names: str) -> str:
    bare = names.rstrip()
    if (
        bare.endswith(".")
        and not bare.endswith("..")
        and len(bare.split()) <= _HEADING_NAME_MAX_WORDS
        and not _CLAUSE_WORDS.search(bare)
        and not _ACTION_START.search(bare)
    ):
        return bare[:-1]
    return names


def _paragraphs_of_their_own(lines: Sequence[Line], start: int, end: int) -> list[Line]:
    """The lines ``start``..``end`` under a heading when each is a whole paragraph: a Word file's paragraphs
    without bullet characters, one a line, each opening with a capital and closing its sentence ("1. Phòng Quản lý
    công nghiệp" / "Là đầu mối triển khai các nhiệm vụ …." / "Tổ chức công tác tuyên truyền, …." / …, Sở Công
    Thương Lào Cai's fire-safety plan, tests/corpus/holdout4): each is one of the heading body's tasks.  A
    paragraph wrapped over lines (a web page's) has lines that end mid-sentence: one task, as before."""
    block = []
    for line in lines[start:end]:
        if _SUMMING_UP.match(line.text):
            break  # "Trên đây là Kế hoạch …" closes the document, after the last heading's paragraphs
        if not line.blank:
            block.append(line)
    if len(block) < 2:
        return []
    for line in block:
        text = line.text.strip()
        if not (text[0].isupper() and text.endswith((".", ";"))):
            return []
        # members ("Ông Trần Trọng Trang, Phó Trưởng phòng - … - Chủ trì.") or units ("Phòng Công chứng số 1;")
        # listed under a heading are no duties: one reading as before
        if _PERSON.match(text) or is_agency_like(text.rstrip(".;")):
            return []
    return block


_SUMMING_UP = re.compile(r"[ \t]*Trên[ \t]+đây[ \t]+là(?!\w)")
_PERSON = re.compile(r"(?:Ông|Bà|Đồng[ \t]+chí)(?!\w)")


def _opens_unlabelled_item(line: Line) -> bool:
    """A sentence under a bare heading: capitalised, and not the wrapped rest of the heading
    ("1. Sở Nông nghiệp và Phát\ntriển nông thôn") or of a lead heading ("…:")."""
    text = line.text.strip()
    return bool(text) and text[0].isupper() and not item_match(line.text) and not text.endswith(":")


def _item_end(lines: Sequence[Line], i: int) -> tuple[int, int]:
    """End of the item on line ``i`` (its wrapped lines) and the index of the line after it.

    A blank line ends the item unless the sentence runs on below it in lower case: PDF text of a
    double-spaced page puts a blank line after every line (seed 001 "1. Ban Thường vụ Tỉnh ủy tập
    trung lãnh đạo, chỉ đạo với quyết tâm" / "" / "chính trị và thống nhất cao …")."""
    end, j = lines[i].end, i + 1
    while j < len(lines):
        if lines[j].blank:
            k = j
            while k < len(lines) and lines[k].blank:
                k += 1
            if k == len(lines) or not _runs_on(lines[j - 1].text, lines[k].text):
                break
            j = k
        if item_match(lines[j].text) or _RECIPIENTS.match(lines[j].text) or _PART_START.match(lines[j].text):
            break
        end, j = lines[j].end, j + 1
    return end, j


def _runs_on(previous: str, following: str) -> bool:
    """The sentence on ``previous`` goes on in ``following``: no closing punctuation, lower case."""
    previous, following = previous.rstrip(), following.lstrip()
    return bool(previous) and not previous.endswith((".", ";", ":", "!", "?")) and following[:1].islower()


def _later_partners(body: str, start: int, end: int) -> list[AgencyMention]:
    partners = _PARTNERS.search(body, start, end)
    if partners and _names_partners(partners.group("support")):
        return _mentions(body, partners.start("support"), partners.end("support"))
    return []


def _agency_item_task(body: str, names: Span, label: str, item: Span, text_start: int) -> Task:
    """One thing a heading's body must do; ``item`` runs from the item's label to its end.  The
    heading's body leads; the bodies it works with cooperate: "Chủ trì, phối hợp với X tham mưu …",
    "Phối hợp với X tổ chức …", "Căn cứ …, phối hợp với X tham mưu …" (dev h05 "2. Sở Tài chính" /
    "a) Phối hợp với Sở Y tế …": the gold reads Sở Tài chính as lead, Sở Y tế as cooperating)."""
    support = _later_partners(body, text_start, item.end)
    return Task(
        label=label.strip(),
        text=clean(body[text_start : item.end]),
        section=None,
        lead=_mentions(body, names.start, names.end),
        support=support,
        deadline=_prose_deadline(body, text_start, item.end),
        span=Span(*_trim(body, item.start, item.end)),
        layout="agency-heading",
    )


def _names_partners(text: str) -> bool:
    """ "Sở Y tế", "các ngành, các cấp", "doanh nghiệp" are partners; "hiệu quả các hoạt động" is not; nor is a
    division its writer spelt in lower case ("Phối hợp với phòng Quản lý công nghiệp trong việc tham mưu …", Sở
    Công Thương Lào Cai's fire-safety plan, tests/corpus/holdout4)."""
    if _LOWER_CASE_KIND.match(text):
        text = text[:1].upper() + text[1:]
    return is_agency_like(text) or bool(_PARTNER_START.match(text))


_LOWER_CASE_KIND = re.compile(r"(?:phòng|sở|chi[ \t]+cục|cục|trung[ \t]+tâm)[ \t]+(?=[A-ZĐÀ-Ỹ])")


# a word every match of the pattern holds, as printed (the patterns are case-sensitive there), or a pattern
# finding it (where it is not): where the clause lacks it, the pattern (trying each position of the clause) is
# not run (real corpus: 15,012 clauses tried for bodies cooperating, 226 matched; 14,031 for groups, 953)
_COOPERATING_WORD = re.compile(r"(?i:phối)")  # as _SENTENCE_SUPPORT_VERB spells it, in any case
_LITERALS: dict[re.Pattern[str], str | re.Pattern[str]] = {
    _PROSE_ASSIGNMENT: "chủ",
    _BODIES_ANSWERABLE: "chịu",
    _BODY_GROUPS_ACT: ";",
    _BODIES_COOPERATING: _COOPERATING_WORD,
}


def _lacks_literal(pattern: re.Pattern[str], body: str, start: int, end: int) -> bool:
    literal = _LITERALS.get(pattern)
    if literal is None:
        return False
    if isinstance(literal, str):
        return body.find(literal, start, end) < 0
    return literal.search(body, start, end) is None


def _bodies_acting(body: str, start: int, end: int, after_lead_in: bool = False) -> re.Match[str] | None:
    """The bodies that open the clause at ``start`` and what they do; after a lead-in ("Trên cơ sở nội dung Kế
    hoạch nêu trên, các sở, ban, ngành tỉnh, Ủy ban nhân dân các phường, xã, đặc khu căn cứ …", Quyết định
    1627/QĐ-UBND of Quảng Ngãi) the names go on in lower case."""
    if body[start:end].rstrip().endswith(":"):
        return None  # a heading over bullets or points
    found = None
    for pattern in (_BODIES_COOPERATING, _BODIES_ANSWERABLE, _BODIES_ACT, _BODY_GROUPS_ACT):
        if _lacks_literal(pattern, body, start, end):
            continue
        match = pattern.match(body, start, end)
        lead = match.group("lead") if match else ""
        if (
            match
            and is_agency_like(lead[:1].upper() + lead[1:] if after_lead_in else lead)
            and not _ROLE_WORDS.search(match.group("lead"))
            and not _DEFINES.search(match.group("lead"))
        ):
            if not _VERB_IN_NAME.search(match.group("lead")):
                return match
            # the body acts at the first verb: "(1) Bộ Y tế chỉ đạo Ban Quản lý dự án, các đơn vị liên quan phối
            # hợp chặt chẽ với …" (Thông báo 637/TB-VPCP): Bộ Y tế leads, the board's partners are not its own
            if found is None or match.end("lead") < found.end("lead"):
                found = match
    return found


# a body that directs another to act: "Bộ Y tế chỉ đạo Ban Quản lý dự án, …" ("Ban chỉ đạo phòng thủ dân sự" and
# "Ban Chỉ đạo" are names)
_VERB_IN_NAME = re.compile(r"(?<!\w)chỉ[ \t\n]+đạo[ \t\n]+(?=[A-ZĐÀ-Ỹ]|các[ \t\n])")


# "3. Bộ Văn hóa, Thể thao và Du lịch là chủ quản cơ sở dữ liệu quốc gia về di sản văn hóa, thống nhất quản
# lý …", "1. Cục là tổ chức thuộc bộ, thực hiện chức năng …" (corpus/real 54c3026bc7bb5cb7, e8b69e31579c0186)
# say what a body is: the words before the verb are no name ("là cơ quan đầu mối" assigns: seed 000)
_DEFINES = re.compile(r"(?<!\w)là(?!\w)(?![ \t\n]+cơ[ \t\n]+quan[ \t\n]+đầu[ \t\n]+mối)")


def _line_start(body: str, pos: int) -> int:
    return body.rfind("\n", 0, pos) + 1


def _assignment_task(body: str, lines: Sequence[Line], i: int) -> Task | None:
    """ "2. Giao Sở Công Thương theo dõi, đôn đốc các Sở, ngành, … thực hiện Kế hoạch này; …", and the
    article of a decision that assigns its execution: "Điều 2. Giao Sở Nông nghiệp / và Môi trường chủ
    trì, phối hợp với các cơ quan, đơn vị liên quan xây dựng quy trình nội bộ …" (corpus/real
    55f3a3d0d7e08b45)."""
    line = lines[i]
    item = item_match(line.text) or ARTICLE_LABEL.match(line.text)
    if not item:
        return None
    verb = _ASSIGN.match(line.text, item.end())
    if not verb:
        return None
    agency = _CANONICAL_PREFIX.match(body, line.start + verb.end())
    if not agency:
        return None
    end, after = line.end, i + 1
    for nxt in lines[i + 1 :]:
        if nxt.blank or item_match(nxt.text) or ARTICLE_LABEL.match(nxt.text) or _RECIPIENTS.match(nxt.text):
            break
        end, after = nxt.end, after + 1
    text_start = line.start + item.end()
    # "1. Giao Sở X là cơ quan đầu mối, …; tổ chức thực hiện các nhiệm vụ sau:" over bullets, and an article
    # "Điều 3. Giao Sở Y chủ trì, … có trách nhiệm:" over bullets or numbered items: each bullet or item is a
    # task of the assignment-heading reader, not the heading
    if _heads_assigned_bullets(body, lines, text_start, end, after, numbered=item_match(line.text) is None):
        return None
    lead = _named_bodies(body, agency, end)
    # "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các cơ quan liên quan tham mưu …"
    chairs = _CHAIRS.search(body, lead.end, end)
    return Task(
        label=item.group("label").strip(),
        text=clean(body[text_start:end]),
        section=None,
        lead=_mentions(body, lead.start, lead.end),
        support=_mentions(body, chairs.start("support"), chairs.end("support")) if chairs else [],
        deadline=_prose_deadline(body, text_start, end),
        span=Span(*_trim(body, line.start, end)),
        layout="lead-heading",
    )


_NAME_JOIN = re.compile(r"[ \t\n]*(?:,|và)[ \t\n]*")


def _named_bodies(body: str, first: re.Match[str], end: int) -> Span:
    """The first body assigned and those named after it with "," or "và": "Giao Sở Tài chính, Sở Nông
    nghiệp và Môi trường chủ trì, …" (corpus/real f37e7838925f8cc3) → both lead."""
    stop = first.end()
    while (join := _NAME_JOIN.match(body, stop, end)) and (
        name := _CANONICAL_PREFIX.match(body, join.end(), end)
    ):
        stop = name.end()
    return Span(first.start(), stop)


def _heads_assigned_bullets(
    body: str, lines: Sequence[Line], start: int, end: int, after: int, numbered: bool = False
) -> bool:
    """The assignment heads bullets (or, ``numbered``, an article's "1." items) that the assignment-heading
    reader gives its bodies."""
    if not (_ends_with_colon(body, end) and _acting_bodies(body, start, end) is not None):
        return False
    return bool(_bullets_under(body, lines, after)[0]) or (
        numbered and bool(_numbered_items_under(lines, after)[0])
    )


# ------------------------------------------------------------------ 5. assignment headings

# "1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, hướng dẫn …; tổ chức thực hiện
# các nhiệm vụ sau:", "9. Ủy ban nhân dân các phường, xã, đặc khu chủ động bố trí kinh phí …, tập
# trung một số nhiệm vụ cụ thể sau:" (dev h06) over bullets: each bullet is a task of the bodies the
# item names; a bullet's own "phối hợp với X" names who cooperates.
_ASSIGN_OPENING = re.compile(rf"{alternation(ASSIGN_VERBS)}[ \t]+")


def parse_assignment_heading_tasks(body: str, region: Span) -> list[Task]:
    lines = lines_of(body, region)
    tasks: list[Task] = []
    i = 0
    while i < len(lines):
        item = (
            item_match(lines[i].text)
            or _unlabelled_assignment(lines, i)
            or _ARTICLE_ASSIGNMENT.match(lines[i].text)
        )
        if item is None or item.group("label") in ("-", "+", "*", "•"):
            i += 1
            continue
        if item.group("label").strip() == "1.":
            addressed, after = _addressed_items(body, lines, i)
            if addressed:
                tasks += addressed
                i = after
                continue
        end, after = _item_end(lines, i)
        lead = _acting_bodies(body, lines[i].start + item.end(), end) if _ends_with_colon(body, end) else None
        if lead is None or _DESCRIBES_BODY.search(body, lines[i].start, end):
            i += 1
            continue
        # "Giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp các đơn vị liên quan có trách nhiệm:": the body named
        # before "chủ trì" leads each item, those it works with cooperate in each
        lead = _names_before_work(body, lead)
        partners = _heading_partners(body, lead.end, end)
        bullets, nxt = _bullets_under(body, lines, after)
        numbered = not bullets and not item.group("label")
        if numbered:
            bullets, nxt = _numbered_items_under(lines, after)
        for start, bullet_end in bullets:
            if _heads_bullets_of_its_own(body, start, bullet_end):
                continue
            # a numbered item that names its own body is that body's task: "5. Văn phòng UBND tỉnh tham mưu
            # tổng hợp, trình Chủ tịch UBND tỉnh …" under "Điều 3. Giao Sở Dân tộc và Tôn giáo chủ trì, …"
            # (Quyết định 2740/QĐ-UBND of Đồng Nai, tests/corpus/holdout6)
            own = _acting_bodies(body, start, bullet_end) if numbered else None
            names = _names_before_work(body, own) if own else lead
            task = _agency_item_task(
                body, names, _bullet_label(body, start), Span(_line_start(body, start), bullet_end), start
            )
            if not own and not task.support:
                task.support = list(partners)
            tasks.append(task)
        i = max(nxt, i + 1)
    return tasks


def _names_before_work(body: str, names: Span) -> Span:
    """The bodies an assignment names, without what it goes on to say they do: "Sở Dân tộc và Tôn giáo chủ trì,
    phối hợp các đơn vị liên quan" → "Sở Dân tộc và Tôn giáo", "Văn phòng UBND tỉnh tham mưu" → "Văn phòng UBND
    tỉnh" (Quyết định 2740/QĐ-UBND of Đồng Nai, tests/corpus/holdout6)."""
    work = _ROLE_AFTER_NAMES.search(body, names.start, names.end)
    return Span(names.start, work.start()) if work and work.start() > names.start else names


# (a role, not any action: "Sở Xây dựng", "Sở Kế hoạch và Đầu tư" hold action words; "Sở Xây dựng là cơ quan chuyên
# môn, tham mưu …", corpus/real ef57df9384270c6e)
_ROLE_AFTER_NAMES = re.compile(rf"(?<!\s)\s++(?=(?:{_LEAD_VERB_ALT}|là)(?!\w))", re.IGNORECASE)


def _heading_partners(body: str, start: int, end: int) -> list[AgencyMention]:
    """The bodies a heading's lead works with: "… chủ trì, phối hợp các đơn vị liên quan có trách nhiệm:"."""
    chairs = _CHAIRS.search(body, start, end)
    return _mentions(body, chairs.start("support"), chairs.end("support")) if chairs else []


# "III. TỔ CHỨC THỰC HIỆN" / "Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc:" / "1. Tổ chức kiểm tra
# kỹ thuật an toàn …" / "2. Chuẩn bị các điều kiện cần thiết khác …" (Sở Công Thương Lào Cai's plans KH-3024 and
# KH-3957, tests/corpus/holdout5 and holdout3): a paragraph of its own that hands the numbered items below to a body
_UNLABELLED_GIAO = re.compile(r"[ \t]*(?P<label>)(?=Giao[ \t]+\S)")


# an article that hands the items below it to a body: "Điều 3. Giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp các đơn
# vị liên quan có trách nhiệm:" / "1. Tổ chức niêm yết, công khai …" (Quyết định 2740/QĐ-UBND of Đồng Nai,
# tests/corpus/holdout6), "Điều 2. Giao Sở Y tế căn cứ Danh mục thủ tục hành chính … có trách nhiệm:" / "1. Cung cấp
# đúng, đầy đủ …" (corpus/real b1a5a41518097e3e), "Điều 3. Giao Giám đốc Công an tỉnh thực hiện các nhiệm vụ sau:" /
# "a) Cập nhật …" (b3a4b2605f9a281f); its label is the article's, the items' labels their own
_ARTICLE_ASSIGNMENT = re.compile(
    r"[ \t]*(?:Điều|ĐIỀU)[ \t]+\d{1,3}[ \t]*[.:][ \t]*(?P<label>)(?=Giao[ \t]+\S)"
)


def _unlabelled_assignment(lines: Sequence[Line], i: int) -> re.Match[str] | None:
    above = lines[i - 1].text if i > 0 else ""
    if _runs_on(above, "x") and not above.isupper():
        return None  # "Giao" wrapped from the sentence above (a heading in capitals above is no sentence)
    return _UNLABELLED_GIAO.match(lines[i].text)


# a directive's leader asks the addressees, in the paragraph before the items, to do what the items say: "…, Thủ tướng
# Chính phủ yêu cầu Bộ trưởng, Thủ trưởng Cơ quan ngang Bộ, …, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực
# thuộc Trung ương thực hiện một số nhiệm vụ trọng tâm cấp bách sau:" / "1. Khẩn trương thực hiện quyết liệt, …"
# (Công điện 229/CĐ-TTg, tests/corpus/holdout5; Chỉ thị 09/CT-UBND of Cần Thơ, corpus/real 2847e16133f7b987): an item
# that names no body of its own is the addressees' task
_LEADER_ASKS = re.compile(r"(?<!\w)(?:Thủ\s+tướng|Chủ\s+tịch)[^.;:]{0,80}?\s+yêu\s+cầu\s+(?=\S)")
_ADDRESSED_LOOKAHEAD = 600
_PARAGRAPH_MAX_LINES = 12
_SENTENCE_BREAK = re.compile(r"[.;!?][ \t\n]+(?=[A-ZĐÀ-Ỹ])")


def _addressed_items(body: str, lines: Sequence[Line], first: int) -> tuple[list[Task], int]:
    """The tasks of the numbered items from ``first`` ("1.") when the paragraph just above them is a leader's
    request to named addressees; the paragraph is looked for a few lines back only (each "1." once: linear)."""
    above = first - 1
    while above >= 0 and lines[above].blank:
        above -= 1
    if above < 0 or item_match(lines[above].text) or not _ends_with_colon(body, lines[above].end):
        return [], first
    start = above
    while start > 0 and first - start < _PARAGRAPH_MAX_LINES and not lines[start - 1].blank:
        if item_match(lines[start - 1].text) or not _runs_on(lines[start - 1].text, "x"):
            break  # the paragraph starts after an item or a finished sentence's line
        start -= 1
    end = lines[above].end
    # the last request of the paragraph introduces the items
    asks = None
    for found in _LEADER_ASKS.finditer(body, max(lines[start].start, end - _ADDRESSED_LOOKAHEAD), end):
        asks = found
    if asks is None or _SENTENCE_BREAK.search(body, asks.end(), end):
        return [], first  # the request is no part of the sentence that introduces the items
    lead = _acting_bodies(body, asks.end(), end)
    if lead is None:
        return [], first
    tasks = []
    items, after = _numbered_items_under(lines, first)
    for start, item_end in items:
        if starts_with_agency(body[start:item_end]) or _ASSIGN_OPENING.match(body, start, item_end):
            continue  # "4. Văn phòng Chính phủ hướng dẫn …" names its own body: the other readers take it
        if _ends_with_colon(body, item_end):
            continue  # a heading over points
        tasks.append(
            _agency_item_task(
                body, lead, _bullet_label(body, start), Span(_line_start(body, start), item_end), start
            )
        )
    return tasks, after


def _numbered_items_under(lines: Sequence[Line], i: int) -> tuple[list[tuple[int, int]], int]:
    """(start, end) of each "1." … item below an unlabelled heading, in one run of top-level numbers."""
    items: list[tuple[int, int]] = []
    while i < len(lines) and lines[i].blank:
        i += 1
    while i < len(lines):
        item = item_match(lines[i].text)
        if item is None or not re.fullmatch(r"\d{1,2}\.", item.group("label").strip()):
            break
        start, first = lines[i].start + item.end(), i
        end, i = _item_end(lines, i)
        # the closing paragraph ("Trên đây là Kế hoạch …, đề nghị …") is no part of the last item
        closing = next((k for k in range(first + 1, i) if _SUMMING_UP.match(lines[k].text)), None)
        if closing is not None:
            end, i = lines[closing - 1].end, closing
            items.append((start, end))
            break
        items.append((start, end))
    return items, i


def _ends_with_colon(body: str, end: int) -> bool:
    """``body[:end].rstrip().endswith(":")`` without copying the text before ``end`` (once per item)."""
    at = end
    while at > 0 and body[at - 1].isspace():
        at -= 1
    return at > 0 and body[at - 1] == ":"


def _acting_bodies(body: str, start: int, end: int) -> Span | None:
    """Where the bodies an item assigns are named: after "Giao"/"Đề nghị", before "chủ trì" or the
    verb of what they do; None when the item does not open with bodies."""
    opening = _ASSIGN_OPENING.match(body, start, end)
    if opening:
        start = opening.end()
        if _LOWER_CASE_KIND.match(body, start, end):
            # "Giao phòng Quản lý Công nghiệp triển khai, …:" (a division its writer spelt in lower case): read
            # the names as if capitalised, the offsets unchanged
            body = body[:start] + body[start].upper() + body[start + 1 : end]
    if not starts_with_agency(body[start:end]):
        return None
    for pattern in (_PROSE_ASSIGNMENT, _BODIES_COOPERATING, _BODIES_ANSWERABLE, _BODIES_ACT):
        if _lacks_literal(pattern, body, start, end):
            continue
        match = pattern.match(body, start, end)
        if match:
            lead_end = _before_duty(body, match.start("lead"), match.end("lead"))
            if is_agency_like(body[match.start("lead") : lead_end]):
                return Span(match.start("lead"), lead_end)
    return None


# ------------------------------------------------------------------ 6. assignment sentences

# a sentence inside an article or paragraph that hands a task to a body, where no label opens it:
# "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký. Giao Sở Giáo dục và Đào tạo chủ trì, phối
# hợp với đơn vị có liên quan tổ chức thực hiện công khai …" (corpus/real 65dec8089b8bd9d9), the verb
# wrapped from its body "Điều 2. Giao\nSở Y tế chủ trì, …" (def9c79d006634a4), "… tại văn bản số
# 661/TTr-BCA ngày 05 tháng 11 năm 2025. Giao Bộ Công an chủ trì, …" (45cc2b3cda45b66c): the closing
# article of 13 decisions and resolutions of corpus/real.  The sentence opens a line or follows the end
# of another; the task runs to the next such sentence or the end of the paragraph.
_ASSIGN_SENTENCE = re.compile(r"(?:(?<![^\n])[ \t]*|(?<=[.;:][ \t]))(?P<verb>Giao)[ \t\n]+(?=[A-ZĐÀ-Ỹ])")


def parse_assignment_sentence_tasks(body: str, region: Span) -> list[Task]:
    lines = lines_of(body, region)
    starts = [line.start for line in lines]
    tasks: list[Task] = []
    for verb in _ASSIGN_SENTENCE.finditer(body, region.start, region.end):
        i = bisect.bisect_right(starts, verb.start()) - 1
        if i < 0 or _RECIPIENTS.match(lines[i].text):
            continue
        end, _ = _item_end(lines, i)
        following = _ASSIGN_SENTENCE.search(body, verb.end(), end)
        if following:
            end = following.start()
        if _ends_with_colon(body, end):
            continue  # "1. Giao Sở X là cơ quan đầu mối, …; tổ chức thực hiện các nhiệm vụ sau:" heads its bullets (dev h06)
        task = _assignment_sentence_task(body, verb, end, _paragraph_label(lines, i))
        if task:
            tasks.append(task)
    return tasks


def _paragraph_label(lines: Sequence[Line], i: int) -> str:
    """The label of the article or item whose paragraph holds line ``i`` ("Điều 2", "1."); "" when the
    paragraph has none."""
    for line in reversed(lines[: i + 1]):
        article = ARTICLE_LABEL.match(line.text)
        if article:
            return article.group("label")
        item = item_match(line.text)
        if item:
            return item.group("label").strip()
        if line.blank:
            break
    return ""


def _assignment_sentence_task(body: str, verb: re.Match[str], end: int, label: str) -> Task | None:
    text_start = verb.start("verb")
    lead = _acting_bodies(body, verb.end(), end)  # (after the verb: "Giao\nSở …" wraps)
    # "Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính trên Hệ thống …" runs on past the
    # name to a verb the tables know (see _acting_is_assigned)
    if lead is None or not _names_are_short(body[lead.start : lead.end]):
        return None
    # "chủ trì, phối hợp với Sở Y tế và các cơ quan, đơn vị liên quan căn cứ quy trình …" (corpus/real
    # e7792cccbca70a64): the partners end before "căn cứ"; "phối hợp Trung tâm …" names them without "với"
    chairs = _CHAIRS.search(body, lead.end, end)
    assignment = _PROSE_ASSIGNMENT.match(body, lead.start, end)
    if chairs:
        support = _mentions(body, chairs.start("support"), chairs.end("support"))
    elif assignment and assignment.group("support"):
        support = _mentions(body, assignment.start("support"), assignment.end("support"))
    else:
        support = _later_partners(body, lead.end, end)
    return Task(
        label=label,
        text=clean(body[text_start:end]),
        section=None,
        lead=_mentions(body, lead.start, lead.end),
        support=support,
        deadline=_prose_deadline(body, text_start, end),
        span=Span(*_trim(body, text_start, end)),
        layout="lead-heading",
    )


# ------------------------------------------------------------------ the registry

# ------------------------------------------------------------------ 5. duty articles

# a regulation's article that names the body its clauses bind: "Điều 15. Đề nghị Ủy ban Mặt trận Tổ quốc
# Việt Nam tỉnh Phú Thọ" / "1. Tham gia tuyên truyền, …" / "2. Phản ánh kịp thời …" (corpus/real
# 1a3950726cd8511f), "Điều 18. Trách nhiệm của Sở Khoa học và Công nghệ" / "Phối hợp với Sở Tư pháp bố trí …"
# (d71b3a48efad6d2c), "Điều 9. Nội dung Sở Xây dựng có trách nhiệm chủ trì" (db769f685bf6bb23)
_DUTY_ARTICLE = re.compile(
    r"[ \t]*(?P<label>(?:Điều|ĐIỀU)[ \t]+\d{1,3})[ \t]*[.:][ \t]*"
    r"(?:Đề[ \t]+nghị|Trách[ \t]+nhiệm(?:[ \t]+thực[ \t]+hiện)?[ \t]+của|Nội[ \t]+dung)[ \t]+"
    r"(?P<names>[^:;.\n]{3,160}?)(?:[ \t]+có[ \t]+trách[ \t]+nhiệm[ \t]+chủ[ \t]+trì)?[ \t]*"
)
_ARTICLE_END = re.compile(r"[ \t]*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)[ \t]+[\dIVXLC]")


def parse_duty_article_tasks(body: str, region: Span) -> list[Task]:
    """Each clause of an article that names the body bound by it, or its one paragraph, is that body's task."""
    lines = lines_of(body, region)
    tasks: list[Task] = []
    for i, line in enumerate(lines):
        article = _DUTY_ARTICLE.fullmatch(line.text)
        if article is None:
            continue
        names_text = article.group("names")
        if not is_agency_like(names_text[:1].upper() + names_text[1:]):
            continue  # "Điều 4. Nội dung phối hợp chung", "Điều 7. Đề nghị hủy bỏ ghi danh di sản …"
        names = Span(line.start + article.start("names"), line.start + article.end("names"))
        for label, item, text_start in _article_items(lines, i + 1):
            opening = body[text_start : min(item.end, text_start + 200)]
            asked = _ASKS_OR_GIVES.match(opening)
            if _NAMES_ITS_OWN_BODY.match(opening) or starts_with_agency(
                opening[asked.end() if asked else 0 :]
            ):
                # "3. Trách nhiệm của Bộ Nội vụ …", "3. Sở Nông nghiệp và Môi trường chủ trì, …", "8. Đề nghị Ban
                # Thường trực Ủy ban Mặt trận …": the clause names who acts; the other readers take it
                continue
            tasks.append(_agency_item_task(body, names, label, item, text_start))
    return tasks


_ASKS_OR_GIVES = re.compile(r"[ \t]*(?:Đề[ \t]+nghị|Giao)[ \t]+")
_NAMES_ITS_OWN_BODY = re.compile(r"[ \t]*(?:Trách[ \t]+nhiệm|Nhiệm[ \t]+vụ)[ \t]+của(?!\w)", re.IGNORECASE)


def _article_items(lines: Sequence[Line], i: int) -> list[tuple[str, Span, int]]:
    """(label, span, text start) of each top-level clause of the article whose text starts at line ``i``;
    its one paragraph when it has no clause."""
    end = i
    while end < len(lines) and not (
        _ARTICLE_END.match(lines[end].text) or _RECIPIENTS.match(lines[end].text)
    ):
        end += 1
    content = [ln for ln in lines[i:end] if not ln.blank]
    if not content:
        return []
    first = item_match(content[0].text)
    if first is None:
        return [(_BULLET, Span(content[0].start, content[-1].end), content[0].start)]
    kind = _label_kind(first.group("label"))
    starts = [ln for ln in content if (m := item_match(ln.text)) and _label_kind(m.group("label")) == kind]
    items = []
    for n, ln in enumerate(starts):
        item_end = starts[n + 1].start if n + 1 < len(starts) else content[-1].end
        label = item_match(ln.text)
        assert label is not None
        item = Span(ln.start, item_end)
        items.append((label.group("label").strip(), item, ln.start + label.end()))
    return items


# ------------------------------------------------------------------ 8. a body's request over bullets

# a department's or an office's request that hands the bullets below it to the bodies it names: "…, Sở Giáo dục và Đào
# tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện nghiêm túc theo văn bản chỉ đạo
# của UBND Thành phố, chủ động điều chỉnh lịch học tập và sinh hoạt ngoài trời. Cụ thể:" / "- Thường xuyên cập nhật
# thông tin …" (Công văn 5095/SGDĐT-CTTTHSSV of Hà Nội, tests/corpus/holdout6), "…, Sở Công Thương đề nghị Công ty
# cổ phần Xây dựng và Cơ giới Vạn Thắng khẩn trương thực hiện các nội dung sau:" (corpus/files
# sd-vlncn-sct-vn__CV-hoan-thien-ho-so-PANM-Van-Thang).  The request is the paragraph's last sentence, or the one
# before "Cụ thể:"; the words before it name the body that asks ("hồ sơ đề nghị xác định trước mã số" is no request)
_REQUEST = re.compile(r"(?<!\w)(?:đề[ \t\n]+nghị|yêu[ \t\n]+cầu)[ \t\n]+(?=\S)")
_REQUESTER = re.compile(
    r"(?<!\w)(?:Sở|Bộ|Cục|Ủy[ \t\n]+ban[ \t\n]+nhân[ \t\n]+dân|UBND|Văn[ \t\n]+phòng|Chi[ \t\n]+cục|Thanh[ \t\n]+tra)"
    r"(?:[ \t\n]+[^\s,.;:]+){0,8}[ \t\n]*$"
)
_REQUESTER_WINDOW = 120
_SPECIFICALLY = re.compile(r"(?<=[.;])[ \t\n]+Cụ[ \t\n]+thể(?:[ \t\n]+như[ \t\n]+sau)?[ \t\n]*:[ \t\n]*$")
# a bullet that says what to do if something happens assigns nothing yet: "- Trường hợp chất lượng môi trường
# không khí bị ô nhiễm nghiêm trọng (VN_AQI ≥ 301), các đơn vị, trường học chủ động tạm dừng …"
_CONDITION = re.compile(r"(?:Trường[ \t\n]+hợp|Nếu)(?!\w)")


def parse_requested_bullet_tasks(body: str, region: Span) -> list[Task]:
    lines = lines_of(body, region)
    tasks: list[Task] = []
    for i, line in enumerate(lines):
        if line.blank or item_match(line.text) or not _ends_with_colon(body, line.end):
            continue
        lead = _requested_bodies(body, lines, i)
        if lead is None:
            continue
        bullets, _ = _bullets_under(body, lines, i + 1)
        for start, end in bullets:
            if _CONDITION.match(body, start):
                continue
            tasks.append(
                _agency_item_task(
                    body, lead, _bullet_label(body, start), Span(_line_start(body, start), end), start
                )
            )
    return tasks


def _requested_bodies(body: str, lines: Sequence[Line], last: int) -> Span | None:
    """The bodies the request ending on line ``last`` ("…:") asks, or None when it is no body's request."""
    first = last
    while first > 0 and last - first < _PARAGRAPH_MAX_LINES and not lines[first - 1].blank:
        if item_match(lines[first - 1].text) or not _runs_on(lines[first - 1].text, "x"):
            break  # the paragraph starts after an item or a finished sentence's line
        first -= 1
    start, end = lines[first].start, lines[last].end
    specifically = _SPECIFICALLY.search(body, start, end)
    stop = specifically.start() if specifically else end
    asks = None
    for found in _REQUEST.finditer(body, max(start, stop - _ADDRESSED_LOOKAHEAD), stop):
        asks = found
    if asks is None or _SENTENCE_BREAK.search(body, asks.end(), stop):
        return None
    if not _REQUESTER.search(body, max(start, asks.start() - _REQUESTER_WINDOW), asks.start()):
        return None
    lead = _acting_bodies(body, asks.end(), stop)
    if lead is None and starts_with_agency(body[asks.end() : stop]):
        groups = _BODY_GROUPS_ACT.match(body, asks.end(), stop)
        lead = Span(groups.start("lead"), groups.end("lead")) if groups else None
    return _names_before_work(body, lead) if lead else None


READERS: tuple[TaskReader, ...] = (
    TaskReader("role-lines", 10, parse_role_line_tasks),
    TaskReader("lead-heading", 20, parse_lead_heading_tasks),
    TaskReader("agency-heading", 30, parse_agency_heading_tasks),
    TaskReader("duty-article", 35, parse_duty_article_tasks),
    TaskReader("assignment-heading", 40, parse_assignment_heading_tasks),
    TaskReader("requested-bullets", 45, parse_requested_bullet_tasks),
    TaskReader("prose-assignment", 50, parse_prose_assignment_tasks),
    TaskReader("assignment-sentence", 60, parse_assignment_sentence_tasks),
)
