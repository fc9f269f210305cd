"""Tables of the forms indicators (chỉ tiêu) and their targets take.  Data, not logic.

Read by ``extract/targets.py`` (comparators, numbers, units) and
``extract/indicators.py`` (headings, linking verbs, reporting periods).  Adding a
unit or a comparator word is a change to these tables only.
"""

from __future__ import annotations

# Words and signs before a value, → comparator.  Matched case-insensitively,
# longest first ("không quá" before "quá", "trong khoảng" before "khoảng").
# "> 9%/năm", "khoảng 25%", "trên 50%", "ít nhất 14 xã", "dưới 20%", "từ 90% trở lên".
COMPARATOR_PREFIXES: tuple[tuple[str, str], ...] = (
    (">=", "ge"),
    ("≥", "ge"),
    ("=>", "ge"),
    ("<=", "le"),
    ("≤", "le"),
    ("=<", "le"),
    (">", "gt"),
    ("<", "lt"),
    ("không thấp hơn", "ge"),
    ("không dưới", "ge"),
    ("ít nhất", "ge"),
    ("tối thiểu", "ge"),
    ("không vượt quá", "le"),
    ("không quá", "le"),
    ("tối đa", "le"),
    ("cao hơn", "gt"),
    ("trên", "gt"),
    ("hơn", "gt"),
    ("vượt", "gt"),
    ("thấp hơn", "lt"),
    ("dưới", "lt"),
    ("trong khoảng", "approx"),
    ("khoảng", "approx"),
    ("xấp xỉ", "approx"),
    ("gần", "approx"),
    ("từ", "ge"),  # "từ 90% trở lên"; "từ 7 đến 8%" is a range (two values win)
)

# Words after a value, → comparator: "2.000 đảng viên trở lên", "từ 90% trở lên".
COMPARATOR_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("trở lên", "ge"),
    ("trở xuống", "le"),
)

# What joins the two ends of a range: "7.500 - 8.000 USD", "37% - 37,5%", "từ 7 đến 8%".
RANGE_JOINERS: tuple[str, ...] = ("-", "–", "—", "đến", "tới")

# A Vietnamese number: "." groups thousands, "," is the decimal mark.
# "7.500" = 7500, "24.200" = 24200, "7,25" = 7.25, "59,49" = 59.49, "02" = 2.
# The look-behind keeps "193" out of "151/193" and digits out of longer numbers.
NUMBER = r"(?<![\d/.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/])"

# Units printed after a value, longest first so "%/năm" wins over "%" and
# "nghìn tỷ đồng" over "tỷ đồng".  A target needs a unit from this table or a
# comparator word; bare numbers ("nhóm 2", "giai đoạn 2021 - 2030") are not targets.
UNITS: tuple[str, ...] = (
    "%/năm",
    "%",
    "USD/người/năm",
    "USD/người",
    # "… dự kiến đạt 10 triệu USD" (export values, Quyết định 2954/QĐ-UBND of Sơn La, tests/corpus/holdout)
    "tỷ USD",
    "triệu USD",
    "USD",
    "triệu đồng/người/năm",
    "triệu đồng/người",
    "nghìn tỷ đồng",
    "tỷ đồng",
    "triệu đồng",
    "đồng",
    "giường/vạn dân",
    "bác sĩ/vạn dân",
    "giường bệnh",
    "lao động",
    "người",
    "hộ",
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "đảng viên",
    "doanh nghiệp",
    "hợp tác xã",
    "dự án",
    "sản phẩm",
    "cụm công nghiệp",
    "khu công nghiệp",
    # printed capitalised or shortened when counted: "Hình thành mới 05 Khu công nghiệp, nâng tổng số lên 12 KCN",
    # "01 Khu công nghiệp đạt tiêu chuẩn KCN sinh thái" (Sở Công Thương Lào Cai's Đề án 08 plan, corpus/files)
    "Cụm công nghiệp",
    "Khu công nghiệp",
    "KCN",
    "CCN",
    "lượt khách",
    "lượt",
    "ha",
    "km",
    "tấn",
    "MW",
    "kWh",
    "lần",
    "điểm",
    "bậc",
    # h05 (KH 165 Cần Thơ) "tổng tỷ suất sinh đạt 2,1 con/phụ nữ"; h01, h10: things counted
    "con/phụ nữ",
    "mô hình",
    "vùng",
    "trung tâm",
    "cơ sở",
    "tổ chức",
)

# Units that count things (households, communes, party members).  When a target
# sits inside an action sentence ("Phấn đấu giảm 3.000 hộ nghèo") the counted noun
# stays in the indicator's name ("Giảm hộ nghèo"); measures ("%", "tỷ đồng") do not.
COUNT_UNITS: frozenset[str] = frozenset(
    {
        "lao động",
        "người",
        "hộ",
        "xã",
        "phường",
        "thị trấn",
        "huyện",
        "đảng viên",
        "doanh nghiệp",
        "hợp tác xã",
        "dự án",
        "sản phẩm",
        "cụm công nghiệp",
        "khu công nghiệp",
        "Cụm công nghiệp",
        "Khu công nghiệp",
        "KCN",
        "CCN",
        "lượt khách",
        "lượt",
        "giường bệnh",
        "mô hình",
        "vùng",
        "trung tâm",
        "cơ sở",
        "tổ chức",
    }
)

# What a percentage is a share of, printed after it: "tối thiểu 30% GDP" (h10 NQ 57-NQ/TW),
# "Quy mô kinh tế số đạt 40% GRDP" (h01 KH 552 Đồng Tháp).  Any other unit word after "%"
# is the counted population and stays in the name: "100% hợp tác xã nông nghiệp …" (h01).
SHARE_OF: tuple[str, ...] = ("GRDP", "GDP", "tổng chi ngân sách")

# Verbs that link an indicator to its value; stripped from the end of a name:
# "Tỷ lệ đô thị hóa đạt trên 50%", "Tỷ lệ vốn đầu tư/GRDP chiếm trên 30%",
# "Năng suất lao động … là 6,5 - 7,5%/năm".  "tăng"/"giảm" are kept in names
# ("… tăng 9,5 - 10%" measures growth, not level) but still mark a value.
LINKING_VERBS: tuple[str, ...] = ("đạt", "chiếm", "là", "ở mức", "bằng")
VALUE_VERBS: tuple[str, ...] = (*LINKING_VERBS, "tăng thêm", "tăng", "giảm", "thêm", "lên", "còn")

# Verbs that start a qualitative target: "Tỷ lệ đô thị hóa ngang bằng với bình
# quân của cả nước", "HDI thuộc nhóm có chỉ số HDI cao (nhóm 2)", "(HDI) duy trì
# thuộc nhóm …".  The earliest one found splits name from target.
QUALITATIVE_VERBS: tuple[str, ...] = (
    "ngang bằng",
    "duy trì",
    "thuộc",
    "giữ vững",
    "nằm trong",
    "xếp hạng",
    "đứng trong",
    "vào nhóm",
    "tương đương",  # h10 "Tỉ lệ doanh nghiệp công nghệ số tương đương các nước phát triển"
)

# Words a sentence starts with that only exhort, dropped from names:
# "(12) Phấn đấu có thêm ít nhất 14 xã …", "Phấn đấu giảm 3.000 hộ nghèo".
EXHORTATIONS: tuple[str, ...] = ("phấn đấu", "phấn đấu để", "bảo đảm", "đảm bảo", "dự kiến")
# ... and the one that may come after a horizon or a subject: "Trong giai đoạn 2026 - 2030
# phấn đấu có ít nhất 10% đội ngũ …" (h04 KH 141 Bắc Ninh): the name starts after it.
# A forecast reads the same way: "tổng giá trị sản phẩm Xoài tham gia xuất khẩu đến năm 2030 dự kiến đạt
# 10 triệu USD" (Quyết định 2954/QĐ-UBND of Sơn La).
EXHORTATIONS_ANYWHERE: tuple[str, ...] = ("phấn đấu để", "phấn đấu", "dự kiến")

# Nouns a stand-alone indicator name starts with.  A "trong đó" clause that
# starts with one names its own measure ("trong đó: tốc độ tăng trưởng của khu
# vực Công nghiệp đạt …"); otherwise it narrows its parent ("trong đó có bằng
# cấp, chứng chỉ đạt 35 - 40%").
MEASURE_HEADS: tuple[str, ...] = (
    "tốc độ",
    "tỷ lệ",
    "tỉ lệ",
    "tỷ trọng",
    "tỉ trọng",
    "số",
    "tổng",
    "thu ngân sách",
    "chi ngân sách",
    "giá trị",
    "cơ cấu",
    "năng suất",
    "chỉ số",
    "kim ngạch",
    "quy mô",
    "vốn",
    "grdp",
    "thu nhập",
    "mật độ",
    # h05 "tỷ số giới tính khi sinh dưới 109 …", "tổng tỷ suất sinh"; h10 "kinh phí từ xã hội chiếm hơn 60%",
    # "số lượng công bố khoa học quốc tế tăng …"
    "tỷ số",
    "tỉ số",
    "tỷ suất",
    "tỉ suất",
    "kinh phí",
    "số lượng",
    "diện tích",
    "sản lượng",
    "giao dịch",
)

# "trong đó" introduces a part of the preceding measure.
SUBSIDIARY = r"trong\s+đó"

# Headings of sections that list indicators: "2. Mục tiêu cụ thể đến năm 2030",
# "1. Phấn đấu đạt các chỉ tiêu cụ thể đến năm 2030", "2. Các chỉ tiêu chủ yếu",
# "2.1. Các chỉ tiêu về kinh tế", "II- MỤC TIÊU" (h10 NQ 57-NQ/TW), "II. MỤC TIÊU CHỦ YẾU"
# (h04 KH 141 Bắc Ninh).  Matched at the start of the heading, after its label.  Only
# sentences stating a value are read from them, so a broad heading costs little.
INDICATOR_HEADING = (
    r"^(?:(?:phấn\s+đấu\s+)?(?:đạt|thực\s+hiện)\s+|dự\s+báo\s+)?(?:(?:các|một\s+số|hệ\s+thống|nhóm)\s+)?"
    r"(?:mục\s+tiêu|chỉ\s+tiêu)(?!\w)"
)
# ... unless the heading also announces tasks or a report form ("Mục tiêu, nhiệm vụ, khối
# lượng", "Mục tiêu chưa hoàn thành"): those sections list work, not targets.
NOT_INDICATOR_HEADING = (
    r"nhiệm\s+vụ|giải\s+pháp|chưa\s+hoàn\s+thành|đối\s+tượng|địa\s+điểm"
    r"|chức\s+năng|quyền\s+hạn"  # "Điều 5. Mục tiêu, chức năng hoạt động của Quỹ" (a decree)
)

# Column headers of an indicator table (seed 000 Phụ lục I: "TT | CHỈ TIÊU | KẾ
# HOẠCH GIAI ĐOẠN 2023-2030 | CƠ QUAN CHỦ TRÌ THEO DÕI, ĐÁNH GIÁ, BÁO CÁO | KỲ BÁO CÁO").
TABLE_NUMBER_HEADER = r"^[ \t]*S?TT\b"
TABLE_INDICATOR_HEADER = r"CHỈ\s+TIÊU"
TABLE_PERIOD_HEADER = r"KỲ\s+BÁO\s+CÁO"
TABLE_AGENCY_HEADER = r"CƠ\s+QUAN"
# A header naming tasks makes a task table, even with a "Chỉ tiêu đạt được" column: "STT | Cơ
# quan chủ trì | … | Nội dung nhiệm vụ | Chỉ tiêu đạt được | Thời hạn hoàn thành" (h09 QĐ
# 2530/QĐ-TTg Phụ lục I); "TT | Nhiệm vụ, giải pháp | … | Kết quả" (h08 Phụ lục II).
TABLE_TASK_HEADER = r"nhiệm\s+vụ|giải\s+pháp"

# Header cells of an indicator table read one cell per line (.docx, .html, web copies):
# "TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 | Cơ quan theo dõi", "TT | Chỉ tiêu | Đơn
# vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá" (h08 QĐ 2629/QĐ-TTg Phụ lục I).  (role,
# pattern) by the cell's text, first match wins; a column whose header ends in a year holds
# targets for that year.  "Đơn vị" alone is the unit; "Đơn vị chủ trì" the agency.
INDICATOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit", r"^(?:đơn\s+vị(?:\s+tính)?|đvt)\s*$"),
    ("agency", r"^(?:cơ\s+quan|đơn\s+vị)(?!\w)"),
    ("period", r"kỳ\s+báo\s+cáo"),
    ("year", r"(?P<year>(?:19|20)\d{2})\s*$"),
    ("name", r"^(?:tên\s+)?(?:chỉ\s+tiêu|nội\s+dung)(?!\w)"),
    ("target", r"^(?:mục\s+tiêu|giá\s+trị|kế\s+hoạch|kết\s+quả|chỉ\s+số)(?!\w)"),
)

# Labels of a table read one cell per line.  Rows are numbered "1", "2" …; group rows
# ("I" / "Giai đoạn 2025-2027", "I.1" / "Cung cấp dịch vụ số …" in h08 Phụ lục I; "A",
# "a)") carry one title cell.  Which a label is, row or group, the layout decides.
TABLE_LABEL = r"(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,3})(?:\.\d{1,3}){0,3}\.?|[a-zđ]\)"

# Reporting periods printed in the last column: "Hằng năm, giữa kỳ, 5 năm".
# One period is a comma-separated run of these forms, starting with a capital.
PERIOD_FORMS: tuple[str, ...] = (
    "Hằng năm",
    "Hàng năm",
    "Hằng quý",
    "Hàng quý",
    "Hằng tháng",
    "Hàng tháng",
    "Định kỳ",
    "Giữa kỳ",
    "Cuối kỳ",
    "6 tháng",
    "Sơ kết",
    "Tổng kết",
    "giữa kỳ",
    "cuối kỳ",
    "5 năm",
    "3 năm",
    "hằng năm",
    "hàng năm",
    "6 tháng",
    "hằng quý",
    "sơ kết",
    "tổng kết",
    "cả giai đoạn",
)
# Forms a period run may start with (capitalised: the start of a table cell).
PERIOD_STARTS: tuple[str, ...] = (
    "Hằng năm",
    "Hàng năm",
    "Hằng quý",
    "Hàng quý",
    "Hằng tháng",
    "Hàng tháng",
    "Định kỳ",
    "Giữa kỳ",
    "Cuối kỳ",
    "Sơ kết",
    "Tổng kết",
)

# Year phrases giving an indicator's horizon, most specific first:
# "đến năm 2030", "đến 2030", "giai đoạn 2021 - 2030", "thời kỳ 2021 - 2030",
# "GIAI ĐOẠN 2023-2030", "nhiệm vụ năm 2025".  "tầm nhìn đến năm 2045" is a vision,
# not a horizon, and is skipped.
HORIZON_PATTERNS: tuple[str, ...] = (
    r"(?:giai\s+đoạn|thời\s+kỳ|kỳ|nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*(?P<year>\d{4})",
    r"(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?(?P<year>\d{4})",
    r"(?<!tháng\s\d\s)(?<!tháng\s\d\d\s)\bnăm\s+(?P<year>\d{4})",
)
VISION = r"tầm\s+nhìn\s+(?:đến|tới)\s+(?:năm\s+)?\d{4}"

# A rank as a target: "Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á … về năng lực cạnh
# tranh số" (h10), "chỉ số GII … thuộc 40 nước dẫn đầu thế giới" (seed 001), "thuộc top 03
# vùng" (h01).  Needs a number: "thuộc nhóm dẫn đầu" alone states no target.
RANKING = (
    r"(?<!\w)(?:(?:thuộc|vào|đứng\s+trong)\s+)?(?:nhóm|top|tốp)\s+\d{1,3}(?!\d)"
    r"|(?<!\w)thuộc\s+\d{1,3}\s+(?:nước|quốc\s+gia|tỉnh|địa\s+phương)(?!\w)"
)
# What a rank is about follows "về": "… về năng lực cạnh tranh số và chỉ số phát triển Chính phủ điện tử".
RANKING_TOPIC = r"(?<!\w)về\s+"

# Words opening a sentence that only link it to the previous one, dropped from names:
# "Đồng thời, phát triển ít nhất 10 sản phẩm du lịch …" (h01), "Trong đó, ít nhất 40% …".
CONNECTIVES: tuple[str, ...] = ("đồng thời", "trong đó", "ngoài ra", "bên cạnh đó", "theo đó")

# Words that end the name of a counted thing after its value: "14 xã đạt chuẩn nông thôn
# mới, nâng số xã … lên 151/193 xã" (seed 003) names "xã đạt chuẩn nông thôn mới".  Verbs
# that also occur inside names ("sáng tạo", "làm việc") end it only after a comma.
NAME_STOPS_AFTER_COMMA: tuple[str, ...] = (
    "nâng",
    "góp phần",
    "tạo",
    "làm",
    "phục vụ",
    "bảo đảm",
    "đảm bảo",
    "hướng tới",
)
NAME_STOPS: tuple[str, ...] = ("nhằm", "để")

# Words after which a sentence lists targets outside a "Mục tiêu" section: "… cụ thể: Phấn
# đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ; tỷ số giới tính khi sinh dưới 109 …; …" (h05
# KH 165 Cần Thơ, a task of Sở Y tế).  A run needs at least TARGET_RUN clauses stating values.
# "phấn đấu" must open the run before its first number: a report sentence "… đạt 71% so với mục
# tiêu năm 2025; …" (real/98be6e047028fade) states results, not targets.
TARGET_LIST_INTROS: tuple[str, ...] = ("phấn đấu",)
TARGET_RUN = 3

# A printed number of a target opening its item, kept as its label and out of its name:
# "- Chỉ tiêu 3: Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt ít nhất 27% …"
# (real/31fb08f34535fce3, a provincial gender-equality plan).
# A section heading cut at the colon ("Chỉ tiêu 1") is such an item too.
TARGET_NUMBER = r"^(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?P<n>\d{1,2})(?:[ \t]*[:.][ \t]*|[ \t]*$)"
