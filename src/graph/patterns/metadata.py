"""Forms of a document's own header, title, signature and recipients block.  Data, not logic.

Real forms, copied from the seeds (NFC):

    ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH QUẢNG NGÃI              Độc lập - Tự do - Hạnh phúc
    Số: 214/KH-UBND              Quảng Ngãi, ngày 06 tháng 11 năm 2024
                 KẾ HOẠCH

    TỈNH ỦY QUẢNG NAM                               ĐẢNG CỘNG SẢN VIỆT NAM
            Số         -NQ/TU                        Quảng Nam, ngày 30 tháng 11 năm 2024
                   Dự thảo
    NGHỊ QUYẾT
    về phương hướng, nhiệm vụ năm 2025

    Nơi nhận:                    TM. ỦY BAN NHÂN DÂN
    - TT TU, TT HĐND tỉnh;       KT. CHỦ TỊCH
    - Lưu: VT, TH, KTTH, KTN.    PHÓ CHỦ TỊCH
                                 [daky]
                                 Hồ Quang Bửu
"""

from __future__ import annotations

import re

from .documents import ISSUERS

# How many lines from the top the header and title may take, and how many lines
# before the end of the main text (first appendix) the signature may take.
HEAD_LINES = 40
TAIL_LINES = 80
# A title longer than this many printed lines is a body paragraph taken for a title.
MAX_TITLE_LINES = 12
# Where the sentence naming the issuer ("UBND tỉnh Quảng Ngãi ban hành Kế hoạch")
# is looked for: this many characters after the title.
OPENER_WINDOW = 2500

# Printed tables flatten two columns onto one line with a run of spaces between them; web copies
# of legal databases keep the header table's cell bars: "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày …|".
COLUMN_GAP = re.compile(r"\s{3,}|[ \t]*\|[ \t]*")
# Web copies also break a header cell over lines: "Số:" / "344/QĐ-TTg", "Hà Nội," / "ngày 15 tháng 3
# năm 2022", "Kon Tum, ngày 23" / "tháng 11 năm 2020".  A header line ending so is read together
# with the next non-blank line.
HEADER_CELL_OPEN = re.compile(
    r"(?:^|\|)\s*(?:Số|SỐ)\s*:?\s*$|,\s*$|,\s*ngày(?:\s+\d{1,2})?(?:\s+tháng(?:\s+\d{1,2})?)?\s*$"
)

# The subject of a letter (công văn), printed under its number instead of a title: "V/v triển
# khai thực hiện Nghị quyết số 111/NQ-CP của Chính phủ" — never the issuer, and the letter's title.
SUBJECT_LINE = re.compile(r"^\s*(?:V/v|V/V|v/v|Về\s+việc)\s*:?\s+(?=\S)")
# Web copies print it after the number, on the number's line: "Số: 11306/VPCP-NN V/v đề xuất giải pháp tháo
# gỡ khó khăn …" (61 letters of corpus/real, whose titles were all missing)
SUBJECT_AFTER_NUMBER = re.compile(r"(?<=\s)(?:V/v|V/V|v/v)\s*:?\s+(?=\S)")

# National mottos printed opposite the issuer: never an issuer.
MOTTOS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
)

# A motto glued before the place on the date line ("ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày …",
# "…Độc lập – Tự do – Hạnh phúc Hà Nội, ngày …"): cut off before the place is read.
MOTTO_PREFIX = re.compile(r"^(?:[^\n]*?Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM)[-–—_ \t]*")
# Small words inside a place name: "Thành phố Huế", "Thành phố Hồ Chí Minh".
PLACE_SMALL_WORDS = frozenset({"phố"})

# Rules under the header or the title: "-------", "-----", "*", "_____".
SEPARATOR = re.compile(r"^\s*(?:[-_=*–—~.]{3,}|\*)\s*$")

# A document's number as printed: "214/KH-UBND", "-NQ/TU" (blank number), "#sovb /KH-UBND",
# "15/2024/QĐ-UBND" (legal instruments carry their year), "66.19/2026/NQ-CP" (the Government's numbered
# series of special resolutions, as citations read them).  number: digits; placeholder:
# "#sovb", dots, ellipsis, underscores, or nothing before the tail; tail: "/KH-UBND", "-NQ/TU",
# "/QĐ- UBND" (a space printed after a dash), "/VPCP-V.I" (a unit with a dot inside).
NUMBER_REF = re.compile(
    r"(?:(?<!\d)(?P<number>\d+(?:\.\d{1,2}(?=[ \t]?/))?[a-z]?)(?:[ \t]?/(?P<symbol_year>\d{4}))?|(?P<placeholder>#\w+|(?<!\.)\.{2,}|(?<!…)…+|(?<!_)_{2,}))?(?:(?<!\s)\s+)?"
    r"(?P<tail>[-/]\s?[A-ZĐ](?:[A-Za-zĐđ0-9/]|-[ \t]?(?=[A-ZĐ0-9])|\.(?=[A-ZĐ]))*)"
)

# A symbol too long for its header column wraps after a dash, its codes going on at the head of the next
# line: "Số: 24 /HDLN-BCA-BQP-BYT-    Hà Nội, ngày …" / "BCT-BTC-VKSNDTC-TANDTC" (a joint guidance of seven
# bodies, corpus/files hc-sct-vn__Huong-dan-lien-nganh-24-N2O.pdf).  SYMBOL_OPEN_DASH: the dash left at the end
# of the number's cell; SYMBOL_WRAPPED_CODES: a cell of the next line that is codes alone.
SYMBOL_OPEN_DASH = re.compile(r"-(?:[ \t]{3,}|[ \t]*\|?[ \t]*$)")
SYMBOL_WRAPPED_CODES = re.compile(r"[ \t]*(?P<codes>[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-ZĐ0-9]*)*)[ \t]*$")

# "Số: 214/KH-UBND", "Số         -NQ/TU", "Số: #sovb /KH-UBND", "Số:      /QĐ-UBND", "Số 31-CTr/TU";
# in a web copy's header table the number is a cell: "… Hạnh phúc--------- | Số: 1663/NQ-UBTVQH15 |".
# OCR of a scan may read the label's "ố" as "ó" or "ô" ("Só:3036 /SCT-CN", corpus/files): with its colon it is still the label.
# A law's header names its type before the label: "| Luật số: 80/2025/QH15 |" (corpus/real 5442d166b03566fa).
NUMBER_LINE = re.compile(
    r"^(?:[^|\n]*\|)*?[ \t]*(?P<label>(?:(?:Bộ[ \t]+)?[Ll]uật[ \t]+|(?:BỘ[ \t]+)?LUẬT[ \t]+)?(?:Số|SỐ|số|(?:S[óôò]|S[ÓÔ])(?=[ \t]*:)))\s*:?\s*"
    + NUMBER_REF.pattern
)
# Web copies also glue the number to the issuer's cell after the rule printed under the issuer: "CHÍNH PHỦ_ Số:
# 171/2025/NĐ-CP | CỘNG HÒA …", "------------------ Số: 1661/NQ-UBTVQH15 | CỘNG HÒA …" (corpus/real
# e4ddc120fc14463c, a032a58e6ab2f19d): the number starts after the rule (NUMBER_AFTER_RULE).
RULE_BEFORE_NUMBER = re.compile(r"[-_–—][ \t]*(?=(?:Số|SỐ)[ \t]*:)")
NUMBER_AFTER_RULE = re.compile(r"(?P<label>Số|SỐ)[ \t]*:\s*" + NUMBER_REF.pattern)

# "Quảng Ngãi, ngày 06 tháng 11 năm 2024"; a blank day or month ("ngày    tháng 11 năm 2023") keeps the year;
# printed slips kept: "Hà Nội ngày 01 tháng 12 năm 2025" (no comma), "tháng12", "tháng 11năm"; a day that OCR
# could not read from a stamp or a hand ("ngày °ÔÖ tháng 4 năm 2026", "ngàyOẨ tháng 7", "ngày U6_ tháng 3":
# scans of corpus/files) keeps the year as a blank day does.  The place
# is the text before "ngày" on the line (PLACE_BEFORE), read backwards from the match so that no
# quantified prefix rescans the line at every position.
DATE_LINE = re.compile(
    r"(?<!\w)ngày(?:\s*(?P<day>\d{1,2})(?!\d)|[ \t]*\S{1,3})?\s*tháng(?:[ \t]*(?P<month>\d{1,2}))?\s*năm\s*(?P<year>\d{4})"
)
# The place before a date: what follows the last comma, digit or "|" before "ngày", without the
# comma ending it ("Quảng Ngãi, " → "Quảng Ngãi").
PLACE_BEFORE = re.compile(r"(?<![^,\d|])[^,\d|]*$")
PLACE_MAX_CHARS = 41

# Dates inside a note: "ngày 06/11/2024", "ngày #nbh /11/2023", "ngày 22 tháng 7 năm 2024".
NOTE_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})|#\w+|\.{2,}|…+|_{2,})?\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})?\s*tháng\s+(?P<month2>\d{1,2})?\s*năm\s+(?P<year2>\d{4})"
)

# "Dự thảo", "DỰ THẢO", "(Dự thảo)", "Dự thảo lần 2", "DỰ THẢO 3" standing alone in the header.
DRAFT = re.compile(r"^\(?\s*(?:Dự thảo|DỰ THẢO|Dự Thảo)(?:\s+(?:lần|LẦN)?\s*\d+)?\s*\)?$")

# Issuers as printed at the top left of the header (upper case, lines joined with a space).
# "unit" is "TỈNH"/"THÀNH PHỐ"; "rest" starts with the province name.
HEADER_ISSUERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:ỦY|UỶ) BAN THƯỜNG VỤ QUỐC HỘI"), "UBTVQH"),
    (re.compile(r"THỦ TƯỚNG CHÍNH PHỦ"), "TTg"),
    # ministries, the Government Office and the State Bank by name ("BỘ CÔNG THƯƠNG", "VĂN PHÒNG
    # CHÍNH PHỦ"): before "CHÍNH PHỦ", which the Government Office's name contains
    *(
        (re.compile(re.escape(i.label_vi.upper())), i.code)
        for i in ISSUERS
        if i.central and not i.party and (i.code in ("VPCP", "NHNN") or i.code.startswith("B"))
    ),
    (re.compile(r"CHÍNH PHỦ"), "CP"),
    (re.compile(r"QUỐC HỘI"), "QH"),
    (re.compile(r"BAN CHẤP HÀNH TRUNG ƯƠNG"), "TW"),
    (re.compile(r"BỘ CHÍNH TRỊ"), "BCTTW"),
    (re.compile(r"BAN BÍ THƯ"), "BBT"),
    (re.compile(r"(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND) (?P<unit>TỈNH|THÀNH PHỐ) (?P<rest>.+)"), "UBND"),
    (re.compile(r"HỘI ĐỒNG NHÂN DÂN (?P<unit>TỈNH|THÀNH PHỐ) (?P<rest>.+)"), "HĐND"),
    (re.compile(r"(?P<unit>TỈNH|THÀNH) (?:ỦY|UỶ) (?P<rest>.+)"), "TU"),
)

# A department and, on the same line, its office in a province named by the department's field: "CỤC THUẾ" /
# "THUẾ TỈNH VĨNH LONG" run together (corpus/real: the two provincial tax offices' letters read as one body,
# "Cục thuế thuế tỉnh Tây Ninh").  Matches up to where the office's name begins.
UNIT_OF_ITS_FIELD = re.compile(
    r"(?:TỔNG CỤC|CỤC) (?P<field>[^\W\d_]+(?: [^\W\d_]+)?) (?=(?P=field) (?:TỈNH|THÀNH PHỐ|KHU VỰC) )"
)
# A body printed under its superior in the header (Nghị định 30/2020/NĐ-CP: the issuing body's name
# beneath its direct superior's): "UBND TỈNH LÀO CAI" / "SỞ CÔNG THƯƠNG", "BỘ TÀI CHÍNH CỤC THUẾ",
# "CỤC THUẾ" / "THUẾ TỈNH VĨNH LONG".  What such a name opens with, in capitals.
HEADER_UNIT = re.compile(
    r"(?<![^\W\d_])(?:SỞ|CHI CỤC|TỔNG CỤC|CỤC|VĂN PHÒNG|BAN|PHÒNG|TRUNG TÂM|ĐOÀN|THANH TRA|KHO BẠC|THUẾ"
    r"|BỘ CHỈ HUY|CÔNG AN|VIỆN|KIỂM TOÁN|(?:ỦY|UỶ) BAN(?! NHÂN DÂN)|HỘI ĐỒNG(?! NHÂN DÂN)|ĐẢNG (?:ỦY|UỶ)"
    r"|HẢI QUAN|BẢO HIỂM XÃ HỘI|NGÂN HÀNG|TÒA ÁN|VIỆN KIỂM SÁT)(?= |$)(?! TRƯỞNG\b)"
)

# Full names of provincial issuers, with the province.  {unit}: "tỉnh" or "thành phố".
LOCAL_ISSUER_NAMES: dict[str, str] = {
    "UBND": "Ủy ban nhân dân {unit} {province}",
    "HĐND": "Hội đồng nhân dân {unit} {province}",
    "TU": "{party_unit} ủy {province}",
}
# Centrally-run cities: "thành phố Đà Nẵng", "Thành ủy Hà Nội"; all others are "tỉnh".
CITY_ISOS = frozenset({"vn-ct", "vn-dn", "vn-hn", "vn-hp", "vn-sg"})

# "TM. ỦY BAN NHÂN DÂN", "T/M TỈNH ỦY", "TM. BAN THƯỜNG VỤ", "TM. CHÍNH PHỦ".
SIGNING_AUTHORITY = re.compile(r"^(?:TM|T/M|T\.M)\.?\s+(?P<body>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]+)$")
# What the body named after TM. makes the issuer; first match wins.
AUTHORITY_ISSUERS: tuple[tuple[str, str], ...] = (
    ("ỦY BAN NHÂN DÂN", "UBND"),
    ("UỶ BAN NHÂN DÂN", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
    # before "BAN THƯỜNG VỤ": "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI" signs the Standing Committee's resolutions
    # (corpus/real 284dd97bc14e3aeb and 3 more read as a Tỉnh ủy's)
    ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "UBTVQH"),
    ("UỶ BAN THƯỜNG VỤ QUỐC HỘI", "UBTVQH"),
    ("QUỐC HỘI", "QH"),
    ("BAN THƯỜNG VỤ", "TU"),
    ("TỈNH ỦY", "TU"),
    ("TỈNH UỶ", "TU"),
    ("THÀNH ỦY", "TU"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "TW"),
    ("BỘ CHÍNH TRỊ", "BCTTW"),
    ("BAN BÍ THƯ", "BBT"),
    ("CHÍNH PHỦ", "CP"),
)
# "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH", "Q. GIÁM ĐỐC".
CAPACITY_PREFIX = re.compile(r"^(?:KT|TL|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ]")
# Where a signature block printed on one line begins: an authority, a KT./TL./TUQ./Q. capacity, or the
# authentication of a consolidated text ("XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG …"); titles that sign alone too.
SIGNATURE_OPENER = re.compile(r"^(?:(?:TM|T/M|T\.M|KT|TL|TUQ|Q)\.?\s*[A-ZĐÀ-Ỹ]|XÁC THỰC VĂN BẢN HỢP NHẤT\b)")
# The capacity lines such a block ran together: each began with one of these ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH").
CAPACITY_CUT = re.compile(r"(?<!\S)(?:KT|TL|TUQ|Q)\.")
# A rank printed before a signer's name ("Thượng tướng Võ Minh Lương", corpus/real 8180ae11188469fd).
MILITARY_RANKS = frozenset(
    f"{grade} {rank}" for grade in ("Đại", "Thượng", "Trung", "Thiếu") for rank in ("tướng", "tá", "úy")
)
# Titles that sign alone ("BÍ THƯ", "CHỦ TỊCH") or under a KT./TL. line.
CAPACITY_TITLES = frozenset(
    {
        "CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "BÍ THƯ",
        "PHÓ BÍ THƯ",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "THỦ TƯỚNG",
        "PHÓ THỦ TƯỚNG",
        "BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
        "GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
        "TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "TỔNG BÍ THƯ",
        # laws and resolutions of the National Assembly
        "CHỦ TỊCH QUỐC HỘI",
    }
)
# Marks where the signature image or seal was: "[daky]", "(Đã ký)", "(ký)", "[chữ ký]".
SIGNATURE_MARKS = re.compile(
    r"^[\[(]?\s*(?:daky|đã ký|Đã ký|ĐÃ KÝ|ký|chữ ký|ký tên|đóng dấu)[^\])]*[\])]?\.?$"
)

# "Nơi nhận:" opens the recipients list; each item starts with a dash ("-  - Văn phòng …" too).
RECIPIENTS_HEAD = re.compile(r"^\s*Nơi nhận\s*:", re.MULTILINE)
RECIPIENT_ITEM = re.compile(r"^[-–•+](?:\s*[-–])*\s*(?P<text>.*)$")
RECIPIENT_TRAILING = re.compile(r"(?<![\s;,.])[\s;,.]+$")

# First appendix heading ends the main text: "Phụ lục I", "PHỤ LỤC", "Phụ lục số 2".
APPENDIX_HEADING = re.compile(r"^[^\S\n]*(?:Phụ lục|PHỤ LỤC)(?:\s+(?:số\s+)?[IVXLC\d]+)?\s*$", re.MULTILINE)

# Upper-case lines that end a title printed in capitals: the enacting body's name above
# "Căn cứ …" ("CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
# and the enacting words ("QUYẾT NGHỊ:", "QUYẾT ĐỊNH:").
TITLE_STOP = re.compile(
    r"^(?:CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|QUỐC HỘI|BAN THƯỜNG VỤ TỈNH (?:ỦY|UỶ)"
    r"|(?:CHỦ TỊCH )?(?:ỦY|UỶ) BAN NHÂN DÂN(?: (?:TỈNH|THÀNH PHỐ) [^\d,;:]{2,25})?"
    r"|HỘI ĐỒNG NHÂN DÂN(?: (?:TỈNH|THÀNH PHỐ) [^\d,;:]{2,25})?|BỘ TRƯỞNG [^\d,;:]{2,40})$"
    r"|:$"
)

# The office in whose name a decision is made, printed in capitals on its own line between the title and
# "Căn cứ …": "BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "CỤC TRƯỞNG CỤC HẢI QUAN", "CHỦ TỊCH ỦY BAN NHÂN
# DÂN TỈNH", "GIÁM ĐỐC TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HÀ NỘI", "TRƯỞNG BAN CHỈ ĐẠO NHÀ NƯỚC VỀ
# DU LỊCH" (49 files of corpus/real had it glued to their title).  A wrapped title line may open with the
# same words ("VỀ VIỆC ỦY QUYỀN CHO / GIÁM ĐỐC SỞ …"): it ends the title only right above the body.
ENACTING_OFFICE = re.compile(
    r"^(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|BỘ TRƯỞNG|(?:TỔNG )?CỤC TRƯỞNG|(?:TỔNG )?GIÁM ĐỐC|TRƯỞNG BAN|THỐNG ĐỐC"
    r"|VIỆN TRƯỞNG|CHÁNH ÁN|TỔNG KIỂM TOÁN|CHÁNH VĂN PHÒNG)(?: [^\d;:]{2,90})?$"
)

# Verbs of the sentence by which the issuer names itself:
# "Ủy ban nhân dân tỉnh Quảng Nam xây dựng Kế hoạch …", "Tỉnh ủy ban hành Chương trình hành động …".
OPENER_VERBS = ("xây dựng", "ban hành")

# "(Kèm theo Kế hoạch số #sovb /KH-UBND ngày #nbh /11/2023 của UBND tỉnh)": an appendix names its document.
ATTACHED_NOTE_LEAD = r"\(\s*(?:Ban hành\s+)?[Kk]èm theo\s+"

# Acts of the legislature are dated by the day they were passed, in their closing formula: "Luật này được
# Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá XV, kỳ họp thứ 8 thông qua ngày 30 tháng 11 năm
# 2024.", "Nghị quyết này được Ủy ban Thường vụ Quốc hội … khóa XV thông qua ngày 16 tháng 6 năm 2025."
# (corpus/real 012b8a728c178e7a, 284dd97bc14e3aeb: web copies whose header lost its date line).
PASSED_ON = re.compile(
    r"(?:Bộ\s+luật|Luật|Nghị\s+quyết|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được\s+[^.\n]{0,200}?"
    r"thông\s+qua\s+ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})"
)
