"""Deadline forms (thời gian thực hiện / hoàn thành), as regular expressions.  Data, not logic.

Each form is ``(kind, pattern)``; ``kind`` is one of ``model.DEADLINE_KINDS``.
Patterns are matched case-insensitively against the cleaned deadline text; the
first form that matches the whole text wins, so specific forms come first.
Words are joined by ``\\s+`` because PDF text wraps inside a table cell
("Theo tiến\\nđộ cơ quan\\nchủ trì").
"""

from __future__ import annotations

import re

YEAR = r"(?P<y1>(?:19|20)\d{2})"
_DAY_MONTH = r"\d{1,2}\s*(?:/|tháng)\s*\d{1,2}"
ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# (kind, pattern) — order matters: the first full match wins.
DEADLINE_FORMS: tuple[tuple[str, str], ...] = (
    # "trước ngày 15/12/2024", "ngày 15 tháng 12 năm 2024"
    (
        "date",
        r"(?:(?:trước|đến|chậm\s+nhất|hạn\s+chót)\s+)?(?:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*"
        + YEAR,
    ),
    (
        "date",
        r"(?:(?:trước|đến|chậm\s+nhất)\s+)?ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+" + YEAR,
    ),
    # "trong tháng 12/2024", "Trong tháng 12 năm 2024", "hết tháng 6/2025": due on the month's last day
    ("date", r"(?:(?:trong|đến\s+hết|hết|cuối)\s+)?tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*" + YEAR),
    # "6 tháng đầu năm 2024", "trong 9 tháng đầu năm 2025": due when those months end
    ("date", r"(?:(?:trong|trước|hết)\s+)?(?P<m>[369])\s+tháng\s+đầu\s+năm\s+" + YEAR),
    # "Quý II/2023", "quý 4 năm 2024"
    ("quarter", r"(?:(?:trong|trước|đến|hết)\s+)?quý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|năm)\s*" + YEAR),
    # "2021 - 2025", "giai đoạn 2021-2025", "Từ năm 2020 - 2025"
    (
        "period",
        r"(?:giai\s+đoạn\s+|thời\s+kỳ\s+|từ\s+năm\s+|từ\s+|năm\s+)?"
        + YEAR
        + r"\s*[-–—]\s*(?:năm\s+)?(?P<y2>(?:19|20)\d{2})",
    ),
    # "năm 2025 và các năm tiếp theo", "Năm 2022 và những năm tiếp theo": open, from that year
    ("period", r"(?:từ\s+)?(?:năm\s+)?" + YEAR + r"\s+và\s+(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)"),
    # "Từ năm 2023": an open period that starts in 2023
    ("period", r"(?:bắt\s+đầu\s+)?từ\s+(?:năm\s+)?" + YEAR + r"(?:\s+trở\s+đi)?"),
    # "Giai đoạn" alone (seed 000, Phụ lục II row 5.4)
    ("period", r"giai\s+đoạn"),
    # "đến năm 2025", "trước năm 2025"
    ("by-year", r"(?:đến|trước|chậm\s+nhất|hoàn\s+thành\s+trước)\s+(?:năm\s+)?" + YEAR),
    # "năm 2019, 2020", "năm 2019 và 2020"
    (
        "years",
        r"(?:trong\s+)?(?:các\s+)?năm\s+"
        + YEAR
        + r"(?P<more>(?:\s*(?:,|và|;)\s*(?:năm\s+)?(?:19|20)\d{2})+)",
    ),
    ("years", YEAR + r"(?P<more>(?:\s*(?:,|và|;)\s*(?:19|20)\d{2})+)"),
    # "năm 2020", "2024", "trong năm 2020"
    ("year", r"(?:trong\s+)?(?:năm\s+)?" + YEAR),
    # "trước ngày 15/12 hằng năm", "trước ngày 05/6 và 05/12 hàng năm": every year, by those days
    (
        "annual",
        r"(?:(?:trước|đến|chậm\s+nhất|vào)\s+)?(?:ngày\s+)?"
        + _DAY_MONTH
        + r"(?:\s*(?:,|và)\s*(?:ngày\s+)?"
        + _DAY_MONTH
        + r")*\s+(?:của\s+)?(?:h[ằàă]ng|mỗi)\s+năm",
    ),
    # "Hằng năm", "Hàng năm", "định kỳ hằng năm"
    ("annual", r"(?:định\s+kỳ\s+)?(?:thực\s+hiện\s+)?h[ằàă]ng\s+năm"),
    # "Hằng quý", "hàng tháng", "Định kỳ 6 tháng", "6 tháng một lần", "Định kỳ 6 tháng, hằng năm",
    # "định kỳ hằng quý và đột xuất": recurring more often than once a year
    (
        "periodic",
        r"(?:định\s+kỳ\s+)?(?:(?:h[ằàă]ng|mỗi)\s+(?:quý|tháng|tuần)|\d{1,2}\s+tháng(?:\s+(?:một|1)\s+lần)?)"
        r"(?:\s*(?:,|và|/)\s*(?:h[ằàă]ng\s+năm|năm|cả\s+năm|đột\s+xuất(?:\s+khi\s+có\s+yêu\s+cầu)?))*",
    ),
    # "trước ngày 20 hằng tháng": every month, by that day (dev h03 III.1, "Cơ quan thường trực … trước ngày 20
    # hằng tháng lên phần mềm theo dõi …")
    (
        "periodic",
        r"(?:(?:trước|chậm\s+nhất|vào)\s+)?ngày\s+\d{1,2}\s+(?:của\s+)?(?:h[ằàă]ng|mỗi)\s+(?:tháng|quý)",
    ),
    # "Thường xuyên", "thường xuyên, hàng năm"
    ("continuous", r"(?:thực\s+hiện\s+)?thường\s+xuyên(?:\s*,?\s*(?:liên\s+tục|h[ằà]ng\s+năm))?"),
    ("continuous", r"liên\s+tục"),
    # "Theo tiến độ cơ quan chủ trì"
    ("per-lead-schedule", r"theo\s+tiến\s+độ\s+(?:của\s+)?(?:cơ\s+quan|đơn\s+vị)\s+chủ\s+trì"),
    # "theo thời gian thực hiện quy hoạch tỉnh", "Theo tiến độ dự án"
    (
        "per-plan",
        r"theo\s+(?:thời\s+gian|tiến\s+độ|lộ\s+trình)(?:\s+thực\s+hiện)?\s+(?:của\s+)?"
        r"(?:quy\s+hoạch|kế\s+hoạch|dự\s+án|đề\s+án|chương\s+trình)(?:\s+[\w\s]*)?",
    ),
)

# A verb of completion before the deadline itself: "Hoàn thành trong năm 2025" (dev h03), "Xong
# trong Quý II/2026", "Xong trong tháng 5/2026" (dev h07): classified by what follows it.
COMPLETION_PREFIX = re.compile(
    r"^(?:hoàn\s+thành|xong)\s+(?=(?:trong|trước|đến|năm|quý|tháng)\b)", re.IGNORECASE
)

COMPILED_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in DEADLINE_FORMS
)

# Forms accepted at the start of a longer text: "Đến năm 2030 xây dựng, vận hành
# được ít nhất 01 Nhà máy điện gió …" is a by-year deadline with a target after it.
PREFIX_KINDS = frozenset({"date", "quarter", "period", "by-year", "years", "year"})

# The deadline cell of a flattened table row (seed 000 Phụ lục II), wrapped over
# lines: "Hằng năm", "Theo tiến\nđộ cơ quan\nchủ trì", "Theo tiến\nđộ dự án", "2024",
# "Giai đoạn".  Capitalised: a cell opens with a capital.
TABLE_DEADLINE = re.compile(
    r"(?<![\w/])(?:H[ằà]ng\s+năm|Thường\s+xuyên"
    r"|Theo\s+tiến\s+độ\s+(?:của\s+)?(?:cơ\s+quan\s+chủ\s+trì|đơn\s+vị\s+chủ\s+trì|dự\s+án|đề\s+án|kế\s+hoạch)"
    r"|Theo\s+thời\s+gian\s+thực\s+hiện\s+(?:quy\s+hoạch|kế\s+hoạch|dự\s+án|đề\s+án)(?:\s+tỉnh)?"
    r"|Giai\s+đoạn(?:\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})?"
    r"|Quý\s+(?:IV|I{1,3}|[1-4])\s*/\s*(?:19|20)\d{2}"
    r"|Trước\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2}"
    r"|(?:Đến|Trước)\s+năm\s+(?:19|20)\d{2}|Năm\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)(?![\w/])"
)

# A deadline given in the task text itself: "… (thực hiện thường xuyên, hàng năm)."
INLINE_DEADLINE = re.compile(r"\(\s*thực\s+hiện\s+(?P<raw>[^()]{3,60}?)\s*\)\s*[.;]?\s*$", re.IGNORECASE)

# A deadline closing a prose task: "…, trình Chính phủ trong Quý IV năm 2023.", "…, hoàn thành
# trước ngày 30/6/2023.", "…, báo cáo Thủ tướng Chính phủ trong tháng 12/2023.", "… năm 2023 và các
# năm tiếp theo.", "… hoàn thành trong năm 2022."  Searched in the task's last sentence; ``raw`` is
# classified by DEADLINE_FORMS.  A bare "hằng năm" is left out: "trong Kế hoạch sử dụng đất 5 năm,
# hằng năm." (seed 000) names an annual plan, not when the task is due.
PROSE_DEADLINE = re.compile(
    r"(?<!\w)(?P<raw>(?:trong|trước|chậm\s+nhất|đến\s+hết|hết)\s+(?:ngày|tháng|quý|năm)\s+[^,.;()\n]{1,30}?"
    r"|(?:năm\s+)?(?:19|20)\d{2}\s+và\s+(?:các|những)\s+năm\s+tiếp\s+theo"
    r"|định\s+kỳ\s+[^.;()\n]{1,30}?)"  # "…, báo cáo UBND tỉnh định kỳ 6 tháng, hằng năm."
    r"\s*[.;]?\s*$",
    re.IGNORECASE,
)

# A recurrence opening a task: "Hàng năm, tiến hành rà soát các KCN …" (Chỉ thị 07/CT-TTg, tests/corpus/holdout),
# "Hằng năm, tổ chức đánh giá kết quả thực hiện Nghị quyết." (corpus/real 5f041f5e…), "Định kỳ hàng năm
# hoặc đột xuất báo cáo …".  A leading "Thường xuyên" is left out: it says how, not when ("Thường xuyên
# hướng dẫn, kiểm tra …" has no deadline in seed 002's gold).
LEADING_DEADLINE = re.compile(r"(?P<raw>(?:định\s+kỳ\s+)?h[ằàă]ng\s+(?:năm|quý|tháng))(?!\w)", re.IGNORECASE)
# the same said after the body that acts: "- Các Sở, ngành, địa phương định kỳ hàng năm (trước ngày 10/12) hoặc đột
# xuất báo cáo …" (Lào Cai's Chỉ thị 11 plan, corpus/files), "- Sở Tài chính định kỳ hằng quý tổng hợp báo cáo …"
# (corpus/real); "định kỳ" makes it a when ("vốn bổ sung hàng năm" is a what), the day in brackets goes with it
# ("…; định kỳ 6 tháng báo cáo kết quả với Ban Chỉ đạo Trung ương …", dev h10 IV.6; 6 files of corpus/real print
# "định kỳ 06 tháng"), and a monthly day said inside: "… trước ngày 20 hằng tháng lên phần mềm …" (dev h03)
INNER_RECURRENCE = re.compile(
    r"(?<!\w)(?P<raw>định\s+kỳ\s+(?:h[ằàă]ng\s+(?:năm|quý|tháng)|\d{1,2}\s+tháng(?!\s*/\s*\d))"
    r"(?:\s*\(trước\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}\))?"
    r"|trước\s+ngày\s+\d{1,2}\s+(?:của\s+)?h[ằàă]ng\s+tháng)(?!\w)",
    re.IGNORECASE,
)

# A dated deadline anywhere in a task's text, for when the sentence does not end with one:
# "Định kỳ trước ngày 15/12 hằng năm tổng hợp kết quả …", "…, chậm nhất ngày 30/6/2024 gửi Sở Tài
# chính …".  Only full dates and yearly days: a bare year inside a task is often its target.
DATED_DEADLINE = re.compile(
    r"(?<!\w)(?P<raw>(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}"
    r"(?:\s*/\s*(?:19|20)\d{2}|(?:\s*(?:,|và)\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2})*\s+h[ằàă]ng\s+năm)"
    # the same in words: "…, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 05 tháng 12 năm 2025. Văn
    # phòng Chính phủ thông báo …" (corpus/real 296e373d796986f4), "định kỳ trước ngày 30 tháng 11 hàng năm báo
    # cáo …" (31786b0833a4130d)
    r"|(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+"
    r"(?:năm\s+(?:19|20)\d{2}|h[ằàă]ng\s+năm)"
    # a month of a year: "…, hoàn thành trong tháng 11 năm 2025, cụ thể:" (344b9eec106a648a), "…, trình Chính
    # phủ xem xét, quyết định trong tháng 12/2025. Văn phòng Chính phủ thông báo …" (826ed569ec2ddaa1)
    r"|(?:trong|trước)\s+tháng\s+\d{1,2}\s*(?:/\s*|\s+năm\s+)(?:19|20)\d{2}(?!\d)"
    # a quarter of a year: "…, trình Thủ tướng Chính phủ trong quý II năm 2012 theo hướng …", "…, báo cáo
    # Thủ tướng Chính phủ trong quý III năm 2012. Trong quá trình thực hiện rà soát, …" (Chỉ thị 07/CT-TTg,
    # tests/corpus/holdout)
    r"|(?:trong|trước|hết|đến\s+hết)\s+quý\s+(?:IV|I{1,3}|[1-4])\s*(?:/\s*|\s+năm\s+)(?:19|20)\d{2}(?!\d))",
    re.IGNORECASE,
)
