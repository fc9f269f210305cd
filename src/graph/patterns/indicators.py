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
    (">=", "ge"), ("≥", "ge"), ("=>", "ge"),
    ("<=", "le"), ("≤", "le"), ("=<", "le"),
    (">", "gt"), ("<", "lt"),
    ("không thấp hơn", "ge"), ("không dưới", "ge"), ("ít nhất", "ge"), ("tối thiểu", "ge"),
    ("không vượt quá", "le"), ("không quá", "le"), ("tối đa", "le"),
    ("cao hơn", "gt"), ("trên", "gt"), ("hơn", "gt"), ("vượt", "gt"),
    ("thấp hơn", "lt"), ("dưới", "lt"),
    ("trong khoảng", "approx"), ("khoảng", "approx"), ("xấp xỉ", "approx"), ("gần", "approx"),
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
    "%/năm", "%",
    "USD/người/năm", "USD/người", "USD",
    "triệu đồng/người/năm", "triệu đồng/người", "nghìn tỷ đồng", "tỷ đồng", "triệu đồng", "đồng",
    "giường/vạn dân", "bác sĩ/vạn dân", "giường bệnh",
    "lao động", "người", "hộ", "xã", "phường", "thị trấn", "huyện", "đảng viên",
    "doanh nghiệp", "hợp tác xã", "dự án", "sản phẩm", "cụm công nghiệp", "khu công nghiệp",
    "lượt khách", "lượt", "ha", "km", "tấn", "MW", "kWh", "lần", "điểm", "bậc",
)

# Units that count things (households, communes, party members).  When a target
# sits inside an action sentence ("Phấn đấu giảm 3.000 hộ nghèo") the counted noun
# stays in the indicator's name ("Giảm hộ nghèo"); measures ("%", "tỷ đồng") do not.
COUNT_UNITS: frozenset[str] = frozenset({
    "lao động", "người", "hộ", "xã", "phường", "thị trấn", "huyện", "đảng viên", "doanh nghiệp",
    "hợp tác xã", "dự án", "sản phẩm", "cụm công nghiệp", "khu công nghiệp", "lượt khách", "lượt",
    "giường bệnh",
})

# Verbs that link an indicator to its value; stripped from the end of a name:
# "Tỷ lệ đô thị hóa đạt trên 50%", "Tỷ lệ vốn đầu tư/GRDP chiếm trên 30%",
# "Năng suất lao động … là 6,5 - 7,5%/năm".  "tăng"/"giảm" are kept in names
# ("… tăng 9,5 - 10%" measures growth, not level) but still mark a value.
LINKING_VERBS: tuple[str, ...] = ("đạt", "chiếm", "là", "ở mức", "bằng")
VALUE_VERBS: tuple[str, ...] = LINKING_VERBS + ("tăng thêm", "tăng", "giảm", "thêm", "lên", "còn")

# Verbs that start a qualitative target: "Tỷ lệ đô thị hóa ngang bằng với bình
# quân của cả nước", "HDI thuộc nhóm có chỉ số HDI cao (nhóm 2)", "(HDI) duy trì
# thuộc nhóm …".  The earliest one found splits name from target.
QUALITATIVE_VERBS: tuple[str, ...] = (
    "ngang bằng", "duy trì", "thuộc", "giữ vững", "nằm trong", "xếp hạng", "đứng trong", "vào nhóm",
)

# Words a sentence starts with that only exhort, dropped from names:
# "(12) Phấn đấu có thêm ít nhất 14 xã …", "Phấn đấu giảm 3.000 hộ nghèo".
EXHORTATIONS: tuple[str, ...] = ("phấn đấu", "phấn đấu để", "bảo đảm", "đảm bảo")

# Nouns a stand-alone indicator name starts with.  A "trong đó" clause that
# starts with one names its own measure ("trong đó: tốc độ tăng trưởng của khu
# vực Công nghiệp đạt …"); otherwise it narrows its parent ("trong đó có bằng
# cấp, chứng chỉ đạt 35 - 40%").
MEASURE_HEADS: tuple[str, ...] = (
    "tốc độ", "tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "số", "tổng", "thu", "chi", "giá trị",
    "cơ cấu", "năng suất", "chỉ số", "kim ngạch", "quy mô", "vốn", "grdp", "thu nhập", "mật độ",
)

# "trong đó" introduces a part of the preceding measure.
SUBSIDIARY = r"trong\s+đó"

# Headings of sections that list indicators: "2. Mục tiêu cụ thể đến năm 2030",
# "1. Phấn đấu đạt các chỉ tiêu cụ thể đến năm 2030", "2. Các chỉ tiêu chủ yếu",
# "2.1. Các chỉ tiêu về kinh tế".  Matched at the start of the heading, after its label.
INDICATOR_HEADING = (
    r"^(?:(?:phấn\s+đấu\s+)?(?:đạt|thực\s+hiện)\s+)?(?:các|một\s+số|hệ\s+thống|nhóm)?\s*"
    r"(?:mục\s+tiêu,\s*)?(?:chỉ\s+tiêu|mục\s+tiêu\s+cụ\s+thể)"
)

# Column headers of an indicator table (seed 000 Phụ lục I: "TT | CHỈ TIÊU | KẾ
# HOẠCH GIAI ĐOẠN 2023-2030 | CƠ QUAN CHỦ TRÌ THEO DÕI, ĐÁNH GIÁ, BÁO CÁO | KỲ BÁO CÁO").
TABLE_NUMBER_HEADER = r"^[ \t]*S?TT\b"
TABLE_INDICATOR_HEADER = r"CHỈ\s+TIÊU"
TABLE_PERIOD_HEADER = r"KỲ\s+BÁO\s+CÁO"
TABLE_AGENCY_HEADER = r"CƠ\s+QUAN"

# Header cells of an indicator table read one cell per line (.docx, .html, web copies):
# "TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 | Cơ quan theo dõi".  (role, pattern) by the
# cell's text, first match wins; a column whose header ends in a year holds targets for that year.
INDICATOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit", r"^(?:đơn\s+vị\s+tính|đvt)\b"),
    ("agency", r"^(?:cơ\s+quan|đơn\s+vị)\b"),
    ("period", r"kỳ\s+báo\s+cáo"),
    ("year", r"(?P<year>(?:19|20)\d{2})\s*$"),
    ("name", r"^(?:tên\s+)?(?:chỉ\s+tiêu|nội\s+dung)\b"),
    ("target", r"^(?:mục\s+tiêu|giá\s+trị|kế\s+hoạch)\b"),
)

# Reporting periods printed in the last column: "Hằng năm, giữa kỳ, 5 năm".
# One period is a comma-separated run of these forms, starting with a capital.
PERIOD_FORMS: tuple[str, ...] = (
    "Hằng năm", "Hàng năm", "Hằng quý", "Hàng quý", "Hằng tháng", "Hàng tháng",
    "Định kỳ", "Giữa kỳ", "Cuối kỳ", "6 tháng", "Sơ kết", "Tổng kết",
    "giữa kỳ", "cuối kỳ", "5 năm", "3 năm", "hằng năm", "hàng năm", "6 tháng", "hằng quý",
    "sơ kết", "tổng kết", "cả giai đoạn",
)
# Forms a period run may start with (capitalised: the start of a table cell).
PERIOD_STARTS: tuple[str, ...] = (
    "Hằng năm", "Hàng năm", "Hằng quý", "Hàng quý", "Hằng tháng", "Hàng tháng",
    "Định kỳ", "Giữa kỳ", "Cuối kỳ", "Sơ kết", "Tổng kết",
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
