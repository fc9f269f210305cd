"""Tables of the forms tasks are written in.  Data, not logic.

``extract/tasks.py`` builds its patterns from these tables with :func:`alternation`; adding the
words of a layout (a role label, a column header, a verb) is a change to a table here only.  Its
readers (tables, role lines, headings that name the lead, items that name a body, one-sentence
assignments) are registered in ``extract/tasks.READERS``.
"""

from __future__ import annotations

import re


def alternation(phrases: tuple[str, ...] | list[str], gap: str = r"\s+") -> str:
    """One non-capturing alternation of fixed phrases: each escaped, its spaces matching ``gap``
    (PDF text wraps inside a phrase), longest first so that "Cơ quan chủ trì tham mưu" is tried
    before "Cơ quan chủ trì".  The phrases are literal text, so the result has no nested
    quantifier and matches in linear time."""
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", gap) for p in ordered) + ")"


def first_letters(phrases, ignore_case: bool = False) -> str:
    """A lookahead for the letters the phrases start with, to put before their alternation: the
    engine tries the phrases one by one at every position, so a guard that fails at once scans a
    long run of digits or spaces several times faster (and changes no match)."""
    letters = "".join(sorted({re.escape(p[0]) for p in phrases}))
    return rf"(?=(?i:[{letters}]))" if ignore_case else rf"(?=[{letters}])"


# ------------------------------------------------------------------ role lines

# A role line names who does a task: a head word, a role word, maybe more words, a colon.
# "Cơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy." "- Cơ quan chủ trì: Sở Công Thương." (seeds 001, 002),
# "Cơ quan tham mưu, thực hiện: …", "- Đơn vị chủ trì: Sở Khoa học và Công nghệ." "- Đơn vị phối
# hợp: Các Sở, ban, ngành." (dev h03), "Bộ phận thực hiện: …".  The first role word decides the
# role: "Cơ quan chủ trì tham mưu" leads, "Cơ quan phối hợp thực hiện" cooperates.
ROLE_HEADS: tuple[str, ...] = (
    "Cơ quan",
    "Đơn vị",
    "Bộ phận",
    "Cơ quan, đơn vị",
    "Sở, ngành",
    "Sở, ban, ngành",
)
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("chỉ đạo", "directing"),
    ("chủ trì", "lead"),
    ("tham mưu", "lead"),
    ("tổ chức thực hiện", "lead"),
    ("thực hiện", "lead"),
    ("phối hợp", "support"),
)
# "Thời gian thực hiện: năm 2020."  "c) Thời gian thực hiện: Hoàn thành trong năm 2025." (dev h03)
DEADLINE_LABELS: tuple[str, ...] = (
    "Thời gian thực hiện",
    "Thời gian hoàn thành",
    "Thời hạn hoàn thành",
    "Thời hạn",
    "Tiến độ thực hiện",
    "Tiến độ hoàn thành",
)
# The label of the task's own text above its role lines: "a) Nhiệm vụ: Tham mưu UBND Thành phố …"
# (dev h03).
TASK_TEXT_LABELS: tuple[str, ...] = (
    "Nhiệm vụ",
    "Nội dung nhiệm vụ",
    "Nội dung thực hiện",  # corpus/real 2f6f80b9918e52de: "- Nội dung thực hiện: Tổ chức phổ biến, …"
    "Nội dung",
    "Tên nhiệm vụ",
)

# ------------------------------------------------------------------ headings and sentences

# Verbs of the "(n) <bodies> chủ trì, phối hợp với <bodies>:" headings (seed 000).
LEAD_VERBS: tuple[str, ...] = ("chủ trì", "thực hiện", "tham mưu")
SUPPORT_VERB = "phối hợp với"

# An assignment sentence: "Giao Sở Công Thương theo dõi, đôn đốc …".
ASSIGN_VERBS: tuple[str, ...] = ("Giao",)
# Verbs that open a one-sentence assignment and hand it to the body named next: "1. Giao Văn phòng Ủy ban
# nhân dân tỉnh chủ trì, phối hợp với …", "3. Chỉ đạo Quân chủng Hải quân … chủ trì, phối hợp với …".
ASSIGNING_OPENERS: tuple[str, ...] = ("Giao", "Chỉ đạo", "Đề nghị", "Yêu cầu")

# Verbs that open the action after the bodies in a prose assignment "1. Sở Nông nghiệp và Phát
# triển nông thôn chủ trì, phối hợp với các sở, ngành hướng dẫn, kiểm tra …": the cooperating
# bodies end before the first of them.  Matched case-sensitively: "Trung tâm Xúc tiến Đầu tư" is a
# name, "xúc tiến đầu tư" an action.  Words that also name bodies in lower case ("các cơ quan quản
# lý") are left out.
ACTION_VERBS: tuple[str, ...] = (
    "tổ chức",
    "xây dựng",
    "hướng dẫn",
    "nghiên cứu",
    "tham mưu",
    "triển khai",
    "rà soát",
    "theo dõi",
    "kiểm tra",
    "tuyên truyền",
    "bố trí",
    "cân đối",
    "thực hiện",
    "đề xuất",
    "ban hành",
    "trình",
    "quán triệt",
    "tổng hợp",
    "đôn đốc",
    "đánh giá",
    "chỉ đạo",
    "hoàn thiện",
    "cụ thể hóa",
    "lập",
    "phổ biến",
    "xem xét",  # "chủ trì phối hợp với Bộ Xây dựng và các cơ quan liên quan xem xét, xử lý …" (TB 634/TB-VPCP)
    "thể chế hóa",  # "phối hợp với Đảng đoàn Quốc hội thể chế hoá …" (dev h10)
    "thể chế hoá",  # the same, the tone mark in its old place
    "sơ kết",
    "tổng kết",
    "báo cáo",
    "giám sát",
    "huy động",
    "phân bổ",
    "thẩm định",
    "thu hút",
    "vận động",
    "đẩy mạnh",
    "tăng cường",
    "nâng cao",
    "cung cấp",
    "chuẩn bị",
    "xử lý",
    "giải quyết",
    "lồng ghép",
    "kiện toàn",
    "bảo đảm",
    "đảm bảo",
    "hỗ trợ",
    "xúc tiến",
    "lãnh đạo",
    "tập trung",
    "phát triển",
    # "… phối hợp với Bộ Văn hóa, Thể thao và Du lịch tiếp tục bảo đảm …" (corpus/real 7c7edac5664780ef)
    "tiếp tục",
    "cập nhật",  # "2. Văn phòng UBND tỉnh cập nhật, đăng tải công khai …" (corpus/real 04e4130eb91f3242)
    # "2. Sở Khoa học và Công nghệ, UBND các xã, phường niêm yết công khai nội dung TTHC …" (27cbc6425a10478c;
    # 20 real decisions publishing administrative procedures print it)
    "niêm yết",
    # "Phối hợp chặt chẽ với các chủ đầu tư hạ tầng đẩy nhanh công tác giải phóng mặt bằng …" (Thông báo kết luận of
    # Lào Cai's chairman, corpus/files)
    "đẩy nhanh",
)

# ------------------------------------------------------------------ task tables

# Header cells of a task table, by the first phrase each holds (case-insensitive) → the column's
# role.  Tables put their columns in different orders and numbers: "STT | Nội dung nhiệm vụ | Cơ
# quan chủ trì | Cơ quan phối hợp | Thời gian | Hình thức | Ghi chú" (seed 004), "TT | Nhiệm vụ, giải
# pháp | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian thực hiện" (dev h08), "TT | Tên
# nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | Thời gian thực hiện | Ghi chú"
# (dev h07).  The output column ("Kết quả", "Sản phẩm", "Hình thức") is read as the task's output.
TABLE_COLUMN_ROLES: tuple[tuple[str, str], ...] = (
    ("chủ trì", "lead"),
    ("thực hiện chính", "lead"),
    ("phối hợp", "support"),
    ("cơ quan thực hiện", "lead"),
    ("đơn vị thực hiện", "lead"),
    ("thời gian", "deadline"),
    ("thời hạn", "deadline"),
    ("tiến độ", "deadline"),
    ("sản phẩm", "output"),
    ("hình thức", "output"),
    ("kết quả", "output"),
    ("ghi chú", "notes"),
    # the document that gave the task ("Văn bản giao nhiệm vụ": "Thông báo số 27-TB/TGV ngày 08/06/2025", the
    # task-tracking tables of Thông báo 624/TB-VPCP, corpus/real 74e2ddc7b11340da): no part of the task's text
    ("văn bản giao", "source"),
    ("nhiệm vụ", "text"),
    ("nội dung", "text"),
    ("tên", "text"),
)

# Output forms printed in the "Hình thức ban hành văn bản" column.
OUTPUT_FORMS: tuple[str, ...] = (
    "Nghị quyết",
    "Kế hoạch",
    "Quyết định",
    "Đề án",
    "Chương trình",
    "Dự án",
    "Báo cáo",
    "Chỉ thị",
    "Công văn",
    "Quy chế",
    "Quy định",
    "Văn bản",
    "Tờ trình",
    "Hướng dẫn",
)

# Notes in the "Ghi chú" column: "Trình Thủ tướng Chính phủ".
NOTE_PHRASES: tuple[str, ...] = (
    "Trình Thủ tướng Chính phủ",
    "Trình Chính phủ",
    "Trình HĐND tỉnh",
    "Trình Hội đồng nhân dân tỉnh",
    "Trình UBND tỉnh",
    "Trình Ủy ban nhân dân tỉnh",
    "Trình Tỉnh ủy",
    "Trình Ban Thường vụ Tỉnh ủy",
)
