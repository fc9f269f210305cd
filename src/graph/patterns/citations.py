"""Regular expressions for citations of documents, built from the tables in ``documents``.

Data, not logic: adding a document type, an issuer name or a province is a change
to ``patterns/documents.py``; the alternations below are generated from it.

Every pattern is compiled case-insensitively (titles and appendix headings are in
capitals: "CHƯƠNG TRÌNH SỐ 28–CTR/TU, NGÀY 11/4/2023 CỦA TỈNH ỦY") and lets any
run of white space, line breaks included, stand between words, because PDF text
breaks lines anywhere ("Nghị \\nquyết số 29-\\nNQ/TW").
"""

from __future__ import annotations

import re

from .agencies import AGENCY_HEADS
from .documents import DOC_TYPES, ISSUER_NAMES, PROVINCE_ALIASES, PROVINCES, SYMBOL_TYPE_CODES
from .scan import word_start_alternation

_FLAGS = re.IGNORECASE


def _words(phrase: str) -> str:
    """A phrase whose words may be separated by any white space, line breaks included."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _alternatives(phrases) -> list[str]:
    # longest first so "Chương trình hành động" wins over "Chương trình"
    return [_words(p) for p in sorted(set(phrases), key=len, reverse=True)]


def _alternation(phrases) -> str:
    return "|".join(_alternatives(phrases))


# ------------------------------------------------------------------ type names

# Type names that open a numbered citation: "Nghị quyết", "Chương trình hành động", "Bộ luật" …
_TYPE_NAMES = _alternatives(name for t in DOC_TYPES for name in t.names)
TYPE_NAME = "|".join(_TYPE_NAMES)

# name (as printed, case-folded, single-spaced) → DocType code
TYPE_CODE_BY_NAME: dict[str, str] = {name.casefold(): t.code for t in DOC_TYPES for name in t.names}

# ---------------------------------------------------------------------- symbols

# Letters of a code inside a symbol: NQ, CTr, QĐ, UBKTTW, SKHĐT, QH14 (digits only after a letter), and
# codes of two units joined by "&": "515/KH-BCA-BNN&MT", "4347/QĐ-BVHTT&DL", "15972/SXD-QLN& TTBĐS" (8 files
# of corpus/real print one; the symbol was cut at the "&"), and the Government Office's departments numbered in
# Roman figures after a dot: "6721/VPCP-V.I", "7514/VPCP-V.I" (corpus/real 8018a6f353d60a9e: cut to "VPCP-V").
_CODE = r"[^\W\d_][^\W_]*(?:&[ \t]?[^\W\d_][^\W_]*)*(?:\.(?-i:[IVX]{1,4})(?![^\W_]))?"
_DASH = r"\s*[-–—]\s*"  # printed "29- NQ/TW", "04 -NQ/TU", "28–CTR/TU" (en dash)
_SLASH = r"\s*/\s*"

# Party form number-TYPE/ISSUER: "29-NQ/TW", "1521-QĐ/TU", "581-TB/UBKTTW", "28-CTtr/TU" (typo).
PARTY_SYMBOL = rf"(?P<p_num>\d+){_DASH}(?P<p_type>{_CODE}){_SLASH}(?P<p_issuer>{_CODE})(?![^\W_])"

# State form number[/year]/TYPE-ISSUER[-UNIT]: "214/KH-UBND", "36/2016/QĐ-UBND", "2057/SKHĐT-KTN",
# "6510/KHUBND" (hyphen dropped), "8560/KH" (issuer missing), laws "61/2020/QH14", and the
# Government's numbered series of special resolutions "66.7/2025/NQ-CP" (corpus/real: 66 times).
STATE_SYMBOL = (
    rf"(?P<s_num>\d+(?:\.\d{{1,2}})?){_SLASH}(?:(?P<s_year>(?:19|20)\d\d){_SLASH})?"
    rf"(?P<s_codes>{_CODE}(?:{_DASH}{_CODE})*)(?![^\W_])"
)

# A type code glued to the number, the slash before the issuer: "2609QĐ/UBND", "2665 QĐ/UBND" (the
# State symbol 2665/QĐ-UBND: corpus/real 3c5c52374e60b28b, 5be267825b46d313) or a Party one missing
# its dash ("29NQ/TW").  Only a known type code may stand there.
_TYPE_CODES = "|".join(re.escape(c) for c in sorted(SYMBOL_TYPE_CODES, key=len, reverse=True))
GLUED_TYPE_SYMBOL = rf"(?P<g_num>\d+)[ \t]?(?P<g_type>{_TYPE_CODES}){_SLASH}(?P<g_issuer>{_CODE})(?![^\W_])"

# The document's own unfilled number in an appendix note: "Kế hoạch số #sovb /KH-UBND".
PLACEHOLDER_SYMBOL = rf"(?P<ph>#\w+){_SLASH}(?P<ph_codes>{_CODE}(?:{_DASH}{_CODE})*)"

# Short form without a symbol: "Nghị quyết số 29" (needs "số", and nothing symbol-like after:
# not a misprinted symbol "2665 QĐ/UBND", "2609QĐ/UBND", nor a company's "25-2303/PBHC-KD").
NUMBER_ONLY = r"(?P<n_num>\d+)(?![\d/]|\.\d|\s*[-–/]\s*[^\W_]|\s*[^\W\d_]+\s*/)"

# A numbered citation: type name, optional "số" (or "số:", as in the note over an appendix: "(Kèm theo Quyết định số:
# 1489/QĐ-UBND …)", 25 files of corpus/real), then a symbol, a placeholder or a bare number.
NUMBERED_CITATION = re.compile(
    rf"(?P<type>{word_start_alternation(_TYPE_NAMES, _FLAGS)})(?:\s+(?P<so>số)(?:[ \t]*:)?)?\s*"
    rf"(?:{PARTY_SYMBOL}|{STATE_SYMBOL}|{GLUED_TYPE_SYMBOL}|{PLACEHOLDER_SYMBOL}|(?<=số)\s*{NUMBER_ONLY})",
    _FLAGS,
)

_SYMBOL = rf"(?:{PARTY_SYMBOL}|{STATE_SYMBOL}|{GLUED_TYPE_SYMBOL})"
# A document named by "số" and its symbol alone, its type read from the symbol's code (or the list's):
# the next of a list ("các Nghị định của Chính phủ: số 156/2018/NĐ-CP …; số 48/2013/NĐ-CP … và số
# 92/2017/NĐ-CP …", "Luật số 43/2024/QH15, số 47/2024/QH15"), a type named with more words than its
# name ("Báo cáo thẩm tra số 113/BC-BPC", "Kế hoạch thanh tra số 1505/KH-TTCP"), or "so" typed for
# "số" ("Chỉ thị so 41-CT/TW") — corpus/real 80bb1f677e7d4d75, cfc85d8b3511af54, 03741adae8c7c410,
# fa0dcc139cec05de, 99c7d8fff9e4572e.
# A lower-case "số:" too ("tại các văn bản số: 8004/BNNMT-ĐCKS …, 8008/BNNMT-ĐCKS … và 8796/BNNMT-ĐCKS …", corpus/real
# d600829aa1fa6596), never the "Số:" line of a document's own number.
SYMBOL_AFTER_NUMBER_WORD = re.compile(rf"(?<!\w)(?:số|so|(?-i:số)[ \t]*:)\s*{_SYMBOL}", _FLAGS)
# "văn bản số 502/UBND-KT": a document called just "văn bản" (a document) whose symbol has no type code and no
# year is a letter (Công văn), the one kind of document whose symbol carries no type (19 files of
# corpus/real print one: "Văn bản số 3279/STP-VP", "tại văn bản số 6902/VPCP-KSTT").
# So is one called "VB", "văn bản:" before a list, or "văn bản" with what it does ("Văn bản giải trình số
# 6260/UBND-ĐT", "Văn bản giải trình, tiếp thu số 6253/UBND-SNV", "VPCP có VB số 10781/VPCP-CN", "tại các Văn bản:
# số 4104/SNV-XDCQ&TCBC …, số 5786/SNV-XDCQ&TCBC": corpus/real 58afeb4af978fe53, 27e00d593ec30fac,
# 74e2ddc7b11340da, 0f98ee482389e59e).
_LETTER_DOES = r"(?:giải\s+trình|tiếp\s+thu|góp\s+ý|trả\s+lời|phúc\s+đáp|đề\s+nghị|chỉ\s+đạo|hướng\s+dẫn)"
LETTER_CALLED_DOCUMENT = re.compile(
    rf"(?<!\w)(?:văn\s+bản|(?-i:VB))(?:(?:\s+|\s*,\s*){_LETTER_DOES}){{0,2}}\s*:?\s*$", _FLAGS
)
LETTER_CALLED_REACH = 48  # characters before "số" the words above may take
# The next of a list straight after a citation, without "số": "Quyết định 79/2025/QĐ-UBND bãi bỏ Quyết
# định 09/2022/QĐ-UBND và 08/2025/QĐ-UBND" (corpus/real db39a42d7d789171).
LIST_NEXT = re.compile(rf"\s*(?:,|;|và)\s*{_SYMBOL}", _FLAGS)

# Conventional spelling of type codes inside symbols, where printed spellings vary:
# "28-CTtr/TU" (typo) and "28–CTR/TU" (capitals) are "28-CTr/TU".  Others: upper case.
SYMBOL_TYPE_SPELLING: dict[str, str] = {
    "CTR": "CTr",
    "CTTR": "CTr",
    "CT-TR": "CTr",
    "QD": "QĐ",
    "ND": "NĐ",
    "DA": "ĐA",
    "TTR": "TTr",
}

# Issuer codes inside state symbols that are not in ``ISSUERS`` but tell the level:
# ministries (Bộ …: "TT-BCT", "TT-BTC") are central; departments (Sở …: "SKHĐT") provincial.
CENTRAL_ISSUER_PREFIXES = ("B",)
# … but a People's Council's committees (Ban) sign their reports with a code of the same shape: "Báo cáo thẩm tra
# số 119/BC-BPC … của Ban Pháp chế Hội đồng nhân dân Thành phố" (Pháp chế, Kinh tế - Ngân sách, Văn hóa - Xã hội,
# Dân tộc, Đô thị): the citing province's (corpus/real: 25 citations in the preambles of HĐND resolutions).
COUNCIL_COMMITTEE_CODES = frozenset({"BPC", "BKTNS", "BVHXH", "BDT", "BĐT"})
# A legislature's term is glued to its code: "61/2020/QH14" is the 14th National Assembly.
ISSUER_TERM_SUFFIX = re.compile(r"(?<!\d)\d+$")

# --------------------------------------------------------------------- dates

# "17/11/2022", "17 /11/2022", "03/10 /2017", "ngày14/10/2021", placeholder "#nbh /11/2023",
# "ngày 22 tháng 3 năm 2018".
DATE = (
    r"ngày\s*(?:(?P<d>\d{1,2}|#\w+)\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))(?!\d)"
)

# ------------------------------------------------------------------- issuers

# Names as written after "của": the shared table, plus an optional "Hội nghị (lần thứ sáu)"
# before a central committee ("của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng",
# "của Hội nghị Trung ương 5 (Khóa XII)").
ISSUER_NAME = _alternation(name for name, _ in ISSUER_NAMES)
ISSUER_CODE_BY_NAME: dict[str, str] = {name.casefold(): code for name, code in ISSUER_NAMES}
_MEETING = r"Hội\s+nghị\s+(?:lần\s+thứ\s+\w+\s+)?"
_MEETING_NUMBER = r"(?:(?<=ương)\s+\d+(?![.\d]))?"  # "Hội nghị Trung ương 5", not "Tỉnh ủy\n2. Yêu cầu"
_TERM = r"(?:\s*\(?\s*khóa\s+[IVXL]+\s*\)?)?"  # "khóa XIII", "(Khóa XII)"

PROVINCE_NAME = _alternation([p.name for p in PROVINCES] + list(PROVINCE_ALIASES))

# "của Ban Thường vụ Tỉnh ủy Quảng Ngãi", "của UBND tỉnh", "Hội nghị lần thứ sáu Ban chấp hành
# Trung ương Đảng khóa XIII" (no "của" straight after a date).
ISSUER = (
    rf"(?:(?P<meeting>{_MEETING})?(?P<issuer>{ISSUER_NAME}){_MEETING_NUMBER}{_TERM}"
    rf"(?:\s+(?P<province>{PROVINCE_NAME})(?!\w))?)"
)

# What follows the symbol: "tỉnh" (a slip: "2573/KH-UBND tỉnh ngày"), date, issuer.
# "của" may be left out only straight after a date ("ngày 17/11/2022 Hội nghị lần thứ sáu …").
CITATION_TAIL = re.compile(
    rf"(?:\s+tỉnh(?=\s+ngày))?"
    rf"(?:\s*+,?\s*+(?P<date>{DATE}))?"
    rf"(?:(?:\s*+,?\s*+của\s+|(?<=\d)\s+){ISSUER})?",
    _FLAGS,
)

# ---------------------------------------------------------------- by name only

# Laws cited by name: "Luật Đầu tư", "Luật Ngân sách nhà nước", "Bộ luật Lao động",
# "Luật Các tổ chức kinh tế hợp tác", optionally numbered "Luật Đầu tư công số 39/2019/QH14".
# Case-sensitive: "các luật, nghị quyết" is not a citation.  The name is a capitalised
# word and the lower-case words after it, up to a word that cannot be part of a name.
LAW_STOP_WORDS = (
    "và",
    "của",
    "để",
    "số",
    "ngày",
    "năm",
    "theo",
    "đã",
    "được",
    "trong",
    "tại",
    "sửa",
    "liên",
    "có",
    "với",
    "các",
    "hiện",
    "mới",
    "nhằm",
    "về",
    "thì",
    "là",
    "do",
    "đối",
    "cho",
    "khi",
    "này",
    # words that go on in the sentence after a name, mostly once a name runs over a line break: "Luật
    # Đất đai hoặc …", "Luật Bảo hiểm xã hội mà …", "… nếu …", "… bao gồm …", "… thuộc trường hợp …"
    "hoặc",
    "mà",
    "nếu",
    "nhưng",
    "bao",
    "bị",
    "bằng",
    "kèm",
    "thuộc",
    "từ",
    "cũng",
    "đồng",
    "như",
    "nêu",  # "Luật Hóa chất nêu tại Công văn …", "… nêu trên" (files/ hc-sct-vn__CV-813-CucHoaChat.pdf)
)
# Capitalised names inside a law's name: "Luật Tổ chức Chính phủ", "Luật Hoạt động giám sát của
# Quốc hội và Hội đồng nhân dân", "Luật Mặt trận Tổ quốc Việt Nam".
LAW_NAME_PROPER = (
    "Chính phủ",
    "Quốc hội",
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Nhà nước",
    "Mặt trận Tổ quốc Việt Nam",
    "Việt Nam",
    "Tòa án nhân dân",
    "Viện kiểm sát nhân dân",
    "Công an nhân dân",
    "Quân đội nhân dân",
    "Thủ đô",
    "Kiểm toán nhà nước",
    "Kiểm toán Nhà nước",
)
# ("đổi mới" is one word: "Luật Khoa học, công nghệ và đổi mới sáng tạo"; "mới" alone ends a name; so is
# "đối tác": "Luật Đầu tư theo phương thức đối tác công tư", where "đối" of "đối với" ends one)
# ("người có công với cách mạng", people the State honours for their service, is one term: "Pháp lệnh Ưu đãi người
# có công với cách mạng số 02/2020/UBTVQH14", where "có" and "với" alone end a name)
# ("quy định" after a name is the sentence's verb: "… của Luật Quản lý thuế quy định.", "Luật Điện lực quy
# định hồ sơ …"; "quy" alone goes on: "Luật Ban hành văn bản quy phạm pháp luật")
# ("số" after "công nghệ", "chuyển đổi", "dữ liệu" is "digital", not the number word, unless a number follows:
# "Luật Công nghiệp công nghệ số số 71/2025/QH15", "Khoản 1 Điều 31 Luật Công nghiệp công nghệ số về …",
# corpus/real bcb420579d35d2e9, fd4febcd7fbef37c; "Luật Dữ liệu số 60/2024/QH15" keeps its number; "tần số" is
# "frequency": "Luật Tần số vô tuyến điện số 42/2009/QH12", corpus/files hnh-sct-vn__Luat-Thanh-tra-84-2025.docx)
_DIGITAL = r"(?:(?<=nghệ )|(?<=đổi )|(?<=liệu )|(?<=[Tt]ần ))số(?![ \t]*\n?[ \t]*\d)(?!\w)"
_LAW_WORD = rf"(?:{_DIGITAL}|đổi[ \t]+mới|đối[ \t]+tác|có[ \t]+công[ \t]+với[ \t]+cách[ \t]+mạng|(?!(?:{'|'.join(LAW_STOP_WORDS)})(?!\w)|quy[ \t]+định(?!\w))[a-zđà-ỹ][^\W\d_]*)"
# a name goes on over one line break, not a blank line: hard-wrapped text cuts "Luật Bảo vệ bí mật nhà\nnước",
# "Luật Ban hành văn\nbản quy phạm pháp luật" (corpus/real 0a97eb9c3c536047, 020bddd030400bd2)
_LAW_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# "của Quốc hội", "và Hội đồng nhân dân" continue a name only before a capitalised proper name
_LAW_PROPER = rf"(?:(?:của|và)[ \t]+)?(?:{'|'.join(_words(p) for p in LAW_NAME_PROPER)})(?![^\W\d_])"
_PLAIN_NAME = rf"(?:{_LAW_GAP}{_LAW_WORD}|\s+{_LAW_PROPER}){{0,12}}"
# A comma after a name's first words pairs them with others, and "và" joins the last: "Luật Cán bộ, công chức",
# "Luật Khoa học, công nghệ và đổi mới sáng tạo", "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
# "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú" (some 230 in corpus/real; files/ hl-vlncn-sct-vn__KH-3898), the
# "và" on either side of a line break ("Luật Khoa học, công nghệ và\nđổi mới sáng tạo", 36 citations of 4 files).
# A comma after a name's third word, or before words that go on in the sentence, ends it ("Luật Di sản văn
# hóa, trừ trường hợp …", "Bộ luật Lao động, trừ …", "Luật Lưu trữ, quy định …", "Luật Điện lực, Điều 5").
_PAIR_PART = rf",[ \t]*(?!(?:quy|phải|khoản|điểm|không|trừ|gồm|cụ|Điều|Khoản|Chương|Mục)(?!\w)){_LAW_WORD}"
_PAIRED_NAME = (
    rf"(?:{_LAW_GAP}{_LAW_WORD})?{_PAIR_PART}"
    rf"(?:{_LAW_GAP}{_LAW_WORD}|{_PAIR_PART}|{_LAW_GAP}và{_LAW_GAP}(?!quy(?!\w)){_LAW_WORD}|\s+{_LAW_PROPER}){{0,12}}"
)
# A name goes on past "và", "theo" or a comma only where it then ends as a law's name ends: at its number, its
# date or the next law of a list (after "và", at a ";" too): "Luật Địa chất và khoáng sản số 54/2024/QH15",
# "Luật Phí và lệ phí ngày 25 tháng 11 năm 2015", "Luật Đo đạc và bản đồ số 27/2018/QH14", "Luật Đầu tư theo
# phương thức đối tác công tư và Luật Đấu thầu", "Luật Thuế xuất khẩu, thuế nhập khẩu, Luật Đầu tư" (corpus/real:
# 38 files print such names, cut at the "và", "theo" or comma before, their number lost: 13 numbered laws);
# "Luật Đất đai và các văn bản hướng dẫn", "Luật Bảo hiểm xã hội theo thứ tự đến trước;" stay "Luật Đất đai",
# "Luật Bảo hiểm xã hội". The "và" may sit at either end of a line of hard-wrapped text: "Căn cứ Luật Phí và\nlệ
# phí số 97/2015/QH13;" (corpus/real 39db3d8c3cc4571d and 3 more files lost the law's number and so its guides).
_NAME_END = (
    r"\s+số\s+\d|\s*,?\s*ngày\s*\d|\s+năm\s+(?:19|20)\d\d(?!\d)|\s*(?:,|và)\s+(?:Bộ\s+luật|Luật)\s+[A-ZĐÀ-Ỹ]"
)
_GOING_ON_WORDS = rf"{_LAW_WORD}(?:{_LAW_GAP}{_LAW_WORD}){{0,6}}"
_NAME_GOES_ON = (
    rf"(?:(?:{_LAW_GAP}(?:và|theo){_LAW_GAP}|,[ \t]*){_GOING_ON_WORDS}){{1,2}}(?={_NAME_END})"
    rf"|{_LAW_GAP}và{_LAW_GAP}{_GOING_ON_WORDS}(?=[ \t]*;)"
)
_LAW_NAME_REST = rf"(?:{_PAIRED_NAME}|{_PLAIN_NAME})(?:{_NAME_GOES_ON})?"
# A law is identified by its name and the date it was passed: "Luật Tổ chức chính quyền địa phương
# ngày 19 tháng 6 năm 2015", "Luật Tổ chức Chính phủ ngày 19\ntháng 6 năm 2015", "Luật Hộ tịch năm
# 2014", "Luật Tổ chức chính quyền địa phương ngày 19/6/2015".
LAW_DATE = rf"(?:\s*,?\s*(?P<date>{DATE})|\s+năm\s+(?P<law_year>(?:19|20)\d\d)(?!\d))"
# (at a word start, written so that a search skips ahead to its first letters: patterns/scan.py)
# The acts named and numbered as a law is, with their type and issuer: laws and codes of the National Assembly, and
# the ordinances of its Standing Committee ("Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14").
LEGISLATIVE_ACTS: tuple[tuple[str, str, str], ...] = (
    ("Bộ luật", "L", "QH"),
    ("Luật", "L", "QH"),
    ("Pháp lệnh", "PL", "UBTVQH"),
)
_LEGISLATIVE_ACT_NAMES = [_words(name) for name, _, _ in LEGISLATIVE_ACTS]
_LAW_TYPE = word_start_alternation(_LEGISLATIVE_ACT_NAMES)
# ("Việt Nam" opens no law's name: "cộng đồng Dân Luật Việt Nam" closes the pages of one legal website)
LAW_BY_NAME = re.compile(
    rf"(?P<type>{_LAW_TYPE})\s+(?P<name_first>(?!Sửa\s|Việt\s+Nam(?![^\W\d_]))[A-ZĐÀ-Ỹ][^\W\d_]*)"
    rf"(?P<name_rest>{_LAW_NAME_REST})"
    rf"(?:\s+số\s+{STATE_SYMBOL})?{LAW_DATE}?"
)
# A name printed in title case: "Luật Tổ chức Chính quyền địa phương ngày 16/6/2025", "Luật Khoa học, Công nghệ
# và Đổi mới sáng tạo số 93/2025/QH15", "Luật Thể dục, Thể thao số 77/2006/QH11", "Luật Thuế GTGT số 48/2024/QH15",
# "Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn" (corpus/real: some 60 citations of 20 files cut at the first
# capital, "Luật Tổ chức", "Luật Khoa học"). A capitalised word goes on a name only where the name then ends as a
# law's name ends (its number, its date, the next law) within a few words, and never one that opens a body's or a
# document's name ("Luật Đất đai, Sở Tài nguyên và Môi trường ngày …").
_NOT_IN_A_TITLE = word_start_alternation(
    [
        _words(w)
        for w in (
            *AGENCY_HEADS,
            *(t.label_vi for t in DOC_TYPES),
            *(
                "Luật",
                "Bộ luật",
                "Điều",
                "Khoản",
                "Điểm",
                "Chương",
                "Mục",
                "Phần",
                "Phụ lục",
                "Căn cứ",
                "Theo",
            ),
            *(
                "Thực hiện",
                "Tỉnh",
                "Thành phố",
                "Huyện",
                "Quận",
                "Xã",
                "Phường",
                "Đồng chí",
                "Đề án",
                "Chương trình",
            ),
        )
    ]
)
# ("Đổi mới" is one word, as "đổi mới" is)
_TITLE_WORD = rf"(?:Đổi{_LAW_GAP}mới|(?!{_NOT_IN_A_TITLE}(?![^\W\d_]))[A-ZĐÀ-Ỹ][^\W\d_]*)"
_TITLE_CASED_PART = (
    rf"(?:{_LAW_GAP}|,[ \t]*){_TITLE_WORD}"
    rf"(?:(?:{_LAW_GAP}|,[ \t]*|[ \t]+và[ \t]+)(?:{_TITLE_WORD}|{_LAW_WORD})){{0,6}}?"
    rf"(?={_NAME_END})"
)
LAW_BY_TITLE_CASED_NAME = re.compile(
    rf"(?P<type>{_LAW_TYPE})\s+(?P<name_first>(?!Sửa\s)[A-ZĐÀ-Ỹ][^\W\d_]*)"
    rf"(?P<name_rest>{_LAW_NAME_REST}{_TITLE_CASED_PART})"
    rf"(?:\s+số\s+{STATE_SYMBOL})?{LAW_DATE}?"
)
# where a name read by LAW_BY_NAME may go on in title case
TITLE_CASED_NEXT = re.compile(rf"(?:{_LAW_GAP}|,[ \t]*){_TITLE_WORD}")
# A law's name read back from the legislature's number that ends it, however the name is cased: "Luật thuế thu
# nhập cá nhân số 04/2007/QH12", "Luật phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15", "Luật Địa chất
# và Khoáng sản số 54/2024/QH15", "Luật Quản lý và Đầu tư vốn Nhà nước tại doanh nghiệp số 68/2025/QH15", "Bộ
# Luật tố tụng hình sự số 01/2015/QH13", "LUẬT PHÒNG CHÁY VÀ CHỮA CHÁY SỐ 27/2001/QH10" (a title), the number
# without "số": "Luật Thuế GTGT 13/2008/QH12", "Luật quản lý, sử dụng tài sản công 15/2017/QH14" (corpus/real: 20
# such numbers in 14 files were no citation or one of a cut name).  The number anchors the name, so its words
# may be of any case; none may be another document's or a part's name, a date, or a number word.
_NOT_IN_A_NUMBERED_NAME = "(?i:{})".format(
    "|".join(
        _words(w)
        for w in sorted(
            {
                *(t.label_vi for t in DOC_TYPES),
                *(n for t in DOC_TYPES for n in t.names),
                *(name for name, _, _ in LEGISLATIVE_ACTS),
                "Điều",
                "khoản",
                "điểm",
                "ngày",
                "năm",
                "số",
                "của",
                "được",
                "đã",
                "theo quy định",
            },
            key=len,
            reverse=True,
        )
    )
)
_NUMBERED_NAME_WORD = rf"(?:{_DIGITAL}|(?!{_NOT_IN_A_NUMBERED_NAME}(?![^\W\d_]))[^\W\d_]+)"
_LEGISLATURE_NUMBER = r"(?=\d+\s*/\s*(?:19|20)\d\d\s*/\s*(?:UBTVQH|QH)\d*(?![^\W_]))"
LAW_BY_NUMBERED_NAME = re.compile(
    rf"(?P<type>{word_start_alternation(_LEGISLATIVE_ACT_NAMES, _FLAGS)})"
    rf"\s+(?P<name_first>{_NUMBERED_NAME_WORD})"
    rf"(?P<name_rest>(?:(?:{_LAW_GAP}|,[ \t]*){_NUMBERED_NAME_WORD}){{0,16}}?)"
    rf"(?:\s+số(?:[ \t]*:)?)?\s+{_LEGISLATURE_NUMBER}{STATE_SYMBOL}{LAW_DATE}?",
    _FLAGS,
)
# Where a capital "Luật" opens a subject in lower case ("… một số điều của Luật phí và lệ phí"), besides "Luật này"
# and "Luật số": the only places extract.citations looks for the lower-case name of a law the text numbers.
LAW_LOWER_CASE_SUBJECT = re.compile(r"Luật(?<![^\W_]Luật)\s+(?!(?:này|số)(?![^\W_]))(?=[^\W\d_])")
# A law amending others, named after them: "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức
# Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019" — the date is the
# amending law's; the laws it names are cited (and amended) without one.  So is the number that ends
# the list: "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số
# 87/2025/QH15", "… của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14" (19 of the 20 such
# numbers in corpus/real; the law amended is an older one) — not one the list goes on after: "… của Luật
# Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, …" numbers the laws amended.  A name in lower case
# there is a law's too: "… của Luật xây dựng số 62/2020/QH14".
_LAW_NAME_ONLY = rf"(?:Bộ\s+luật|Luật)\s+(?:[A-ZĐÀ-Ỹ][^\W\d_]*|{_LAW_WORD}){_LAW_NAME_REST}"
AMENDING_LAW = re.compile(
    rf"{word_start_alternation(['Luật'])}\s+(?P<verb>[sS]ửa\s+đổi(?:\s*,?\s*bổ\s+sung)?(?:\s+một\s+số\s+điều)?\s+của)"
    rf"\s+(?P<targets>(?:các\s+)?{_LAW_NAME_ONLY}(?:\s*(?:,|và)\s*{_LAW_NAME_ONLY})*)"
    rf"(?:\s+số\s+{STATE_SYMBOL}(?!\s*(?:,|và)\s*(?:Bộ\s+luật|Luật)\s))?{LAW_DATE}?"
)

# A technical norm by its code: "TCVN 14423:2025", "TCVN ISO 9001:2015", "QCVN 01:2019/BCT", "QCVN 06:2022/BXD"
# (the ministry's code after the slash).  A company's own standard ("Tiêu chuẩn cơ sở 661: 2018/BVTV") is none.
# (It opens with its letters, the word start checked behind them, so that a search skips ahead: scan.py.)
STANDARD_CITATION = re.compile(
    r"(?P<kind>[TQ]CVN)(?<![\w/][TQ]CVN)[ \t]*(?P<number>(?:ISO(?:/IEC)?[ \t]+)?\d+(?:-\d+)*)[ \t]*:[ \t]*"
    r"(?P<year>(?:19|20)\d\d)(?!\d)(?:[ \t]*/[ \t]*(?P<issuer>[A-ZĐ][A-ZĐ0-9]*))?(?![\w/])"
)

# Unnumbered Party resolutions named by the meeting that passed them:
# "Nghị quyết Đại hội đại biểu lần thứ XIII của Đảng", "Nghị quyết Đại hội đại biểu Đảng bộ
# tỉnh lần thứ XXII", "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII",
# "Nghị quyết Trung ương 7 khóa X".
_RESOLUTION = word_start_alternation([_words("Nghị quyết")], _FLAGS)
MEETING_RESOLUTION = re.compile(
    rf"{_RESOLUTION}\s+(?P<name>"
    r"Đại\s+hội\s+(?:đại\s+biểu\s+)?(?P<provincial>Đảng\s+bộ\s+(?:tỉnh|thành\s+phố)\s+)?(?P<national>toàn\s+quốc\s+)?"
    r"lần\s+thứ\s+[IVXL]+(?P<party>\s+của\s+Đảng)?"
    # "Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ thành phố Hà Nội" (the body after the number)
    rf"(?P<provincial_after>\s+Đảng\s+bộ\s+(?:tỉnh|thành\s+phố)(?:\s+(?P<meeting_province>{PROVINCE_NAME}))?)?"
    r"|Hội\s+nghị\s+(?:lần\s+thứ\s+\w+\s+)?Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?\s+khóa\s+[IVXL]+"
    r"|(?:Hội\s+nghị\s+)?Trung\s+ương\s+\d+\s+khóa\s+[IVXL]+)(?![\w])",
    _FLAGS,
)

# The plenum and term in a meeting resolution's name ("Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng
# khóa XIII", "Trung ương 7 khóa X"), and the subject printed after it ("về tiếp tục …" up to ";", "(",
# a sentence end or the next numbered item).
PLENUM_IN_NAME = re.compile(
    r"(?:lần\s+thứ\s+(?P<ordinal>\d+|mười(?:\s+(?:một|hai|ba|bốn|lăm))?|\w+)|Trung\s+ương\s+(?P<number>\d+))"
    r".{0,80}?khóa\s+(?P<term>[IVXL]+)",
    _FLAGS | re.DOTALL,
)
MEETING_SUBJECT = re.compile(
    r"[\s,]*về\s+(?P<subject>[^;()]{3,300}?)(?=\s*(?:[;()]|\.\s|\.$|,\s*\(\d|\n[ \t]*\n|$))", _FLAGS
)

# The document itself amends, replaces or repeals what it cites, when the verb opens the clause or
# follows the document's own name ("… này"): "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày
# 05/11/2019, thay thế Quyết định số 1090/QĐ-UBND …", "Bãi bỏ Quyết định số 25/2016/QĐ-UBND …",
# "Điều 1. Sửa đổi, bổ sung một số điều của Nghị quyết số 20/2020/NQ-HĐND …", and a title "NGHỊ
# QUYẾT / SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ QUYẾT SỐ 20/2020/NQ-HĐND …".  Matched at the end of
# the text from the clause start to the citation.
# Amending the regulation issued with a document amends that document: "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH
# KÈM THEO NGHỊ QUYẾT SỐ 09/2022/NQ-HĐND", "Điều 1. Sửa đổi, bổ sung khoản 2 Điều 12 của Quy định kèm theo
# Nghị quyết số 09/2022/NQ-HĐND" (corpus/real 0eb3b8713cadea8f), "Thông tư số 15/2017/TT-BGDĐT … sửa đổi, bổ
# sung một số điều của Quy định chế độ làm việc đối với giáo viên phổ thông ban hành kèm theo Thông tư số
# 28/2009/TT-BGDĐT" (17 files of corpus/real print the form; read as attached-to or nothing before).  So does
# amending its appendices: "Quyết định số 3532/QĐ-BTC … về sửa đổi, bổ sung một số nội dung tại Phụ lục I và Phụ
# lục II kèm theo Quyết định số 3154/QĐ-BTC" (corpus/real cd648cfa4fdecfb2, d851211c9f1b590e).
AMENDS_ATTACHED = re.compile(
    r"(?<!\w)sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?"
    r"(?:\s+(?:một\s+số\s+(?:điều|nội\s+dung)|(?:điểm\s+\w+\s+)?(?:khoản\s+\d+\s+)?Điều\s+\d+))?(?:\s+(?:của|tại))?"
    r"\s+(?:Quy\s+định|Quy\s+chế|Điều\s+lệ|Phụ\s+lục)(?:\s+[^\s;.()]+){0,40}?\s+(?:ban\s+hành\s+)?kèm\s+theo\s*$",
    _FLAGS,
)
# Changing part of a document amends it, whatever the verbs: "Điều 1. Bãi bỏ, sửa đổi, thay thế một số điều,
# phụ lục của Thông tư số 02/2023/TT-BTP …", "Điều 4. Sửa đổi Điều 1 của Thông tư số 07/2022/TT-BTP …",
# "Điều 6. Sửa đổi kỹ thuật một số điều tại Thông tư số 11/2025/TT-BTP …", "Điều 2. Thay thế, bãi bỏ một
# số quy định của Thông tư số 55/2023/TT-BTC như sau:" (corpus/real 68c706de4d068f13, 514184bd8913458c …).
# ("bổ sung" never opens the list: "… Nghị định số 70/2025/NĐ-CP … sửa đổi,\nbổ sung một số điều của Nghị định
# số 123/2020/NĐ-CP" wraps inside the verbs of another document, corpus/real c2b60521aafae842.)
_FIRST_CHANGE_VERB = r"(?:sửa\s+đổi(?:\s+kỹ\s+thuật)?|bãi\s+bỏ|thay\s+thế|điều\s+chỉnh)"
_CHANGE_VERB = r"(?:sửa\s+đổi(?:\s+kỹ\s+thuật)?|bổ\s+sung|bãi\s+bỏ|thay\s+thế)"
_CHANGED_PART = (
    r"(?:một\s+số\s+(?:điều|nội\s+dung|quy\s+định|điểm|khoản|cụm\s+từ)"
    r"|(?:điểm\s+\w+\s*,?\s+)?(?:khoản\s+\d+\s*,?\s+)?Điều\s+\d+[a-zđ]?(?:\s*(?:,|và)\s*(?:Điều\s+)?\d+[a-zđ]?)*)"
    r"(?:\s*,\s*(?:điểm|khoản|điều|phụ\s+lục|nội\s+dung|quy\s+định))*"
)
# The document may be named by its type and subject before "số …": "Điều 1. Điều chỉnh khoản 1, Điều 2, Giấy phép
# sử dụng vật liệu nổ công nghiệp số 371/GP-UBND …" (a decision adjusting a permit, corpus/files
# sd-vlncn-sct-vn__QD-dieu-chinh-GP-Hom-Duoi.docx; "điều chỉnh" a part is amending it).
AMENDS_PART = re.compile(
    rf"(?<!\w){_FIRST_CHANGE_VERB}(?:\s*(?:,|và)\s*{_CHANGE_VERB})*\s+{_CHANGED_PART}(?:\s+(?:của|tại))?"
    rf"(?:\s*,?\s+(?-i:{TYPE_NAME})(?:\s+[^\s;:.()]+){{0,10}}?)?\s*$",
    _FLAGS,
)
# A part named at length before the document it belongs to: "4. Sửa đổi, bổ sung khoản 5 và bổ sung khoản 5a
# vào sau khoản 5 Điều 51 của Luật Điện lực số 28/2004/QH11 …", "2. Sửa đổi, bổ sung mục 23 trong Danh mục quy
# hoạch … thuộc Phụ lục II ban hành kèm theo Luật Quy hoạch số 21/2017/QH14 …" (a law amending the laws it
# touches, corpus/files hnh-sct-vn__Luat-Duong-bo-35-2024-text.docx).  The part opens the object and the
# clause ends on a part ("… Điều 51 của") or on "kèm theo" (2 files of corpus/real and files print it).
_PART_WORD = r"(?:điểm|khoản|Điều|tiểu\s+mục|mục|phần|Phụ\s+lục|Danh\s+mục|Chương)"
AMENDS_NAMED_PART = re.compile(
    rf"(?<!\w)sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?\s+{_PART_WORD}\s"
    r"[^;:]{0,300}?"
    rf"(?:\s{_PART_WORD}\s+[\w.]+\s+(?:của|tại)|\s(?:ban\s+hành\s+)?kèm\s+theo)\s*$",
    _FLAGS,
)
# Removing, replacing or changing some items of a document that stays in force changes it: "Điều 2. Bãi bỏ 03 thủ
# tục hành chính (số thứ tự 04, 06, 07) được ban hành kèm theo Quyết định số 1388/QĐ-UBND …" (corpus/real
# cd648cfa4fdecfb2), "Bãi bỏ thủ tục hành chính có số thứ tự 8, 9, 10 tại Quyết định số 1127/QĐ-…", "Bãi bỏ quy
# trình nội bộ … Phụ lục ban hành kèm theo Quyết định số 1933/QĐ-UBND" (6 files of corpus/real, none read before):
# amends, not repeals.  So do "Quyết định này sửa đổi, bổ sung một số thủ tục hành chính được công bố kèm theo
# Quyết định số 1334/QĐ-BTP" (tests/corpus/holdout6), "… và thay thế ba (03) thủ tục hành chính (…) được công bố
# tại Quyết định số 1533/QĐ-UBND" (856f6487c18d75d0), "Quyết định này bãi bỏ danh mục 01 thủ tục hành chính có số
# thứ tự 09 tại …, Phụ lục ban hành kèm theo Quyết định số 480/QĐ-UBND" (5298da2a…, three decisions).  Not the
# passive: "công bố … thủ tục hành chính được sửa đổi, bổ sung … tại Thông tư số …" publishes what that one changed.
_ITEMS_COUNTED = r"(?:(?:\d+|các|một\s+số|danh\s+mục|\w+\s*\(\d+\))\s+){0,3}"
AMENDS_BY_REMOVING_ITEMS = re.compile(
    r"(?<!được\s)(?<!\w)(?:bãi\s+bỏ|thay\s+thế|sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?)\s+"
    rf"{_ITEMS_COUNTED}(?:thủ\s+tục\s+hành\s+chính|TTHC|nội\s+dung|quy\s+trình)(?!\w)"
    r"[^;:]{0,300}?\s(?:được\s+)?(?:(?:ban\s+hành|công\s+bố)\s+)?(?:kèm\s+theo|tại)\s*$",
    _FLAGS,
)
SELF_LINKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amends", AMENDS_ATTACHED),
    ("amends", AMENDS_BY_REMOVING_ITEMS),
    ("amends", AMENDS_PART),
    ("amends", AMENDS_NAMED_PART),
    (
        "amends",
        re.compile(
            r"(?<!\w)sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?(?:\s*,\s*bãi\s+bỏ)?(?:\s+một\s+số\s+(?:điều|nội\s+dung)"
            r"(?:\s*,\s*khoản)?(?:\s+của)?)?\s*$",
            _FLAGS,
        ),
    ),
    ("replaces", re.compile(r"(?<!\w)(?:và\s+)?thay\s+thế(?:\s+cho)?\s*$", _FLAGS)),
    ("repeals", re.compile(r"(?<!\w)(?:và\s+)?bãi\s+bỏ(?:\s+(?:toàn\s+bộ|các))?\s*$", _FLAGS)),
)
# A heading that repeals or replaces the documents listed under it, one per item: "Điều 2. Bãi bỏ các văn
# bản quy phạm pháp luật thuộc lĩnh vực Y tế …, cụ thể như sau:" / "1. Quyết định số 76/2006/QĐ-UBND …",
# "2. Bãi bỏ các Thông tư sau:" / "a) Thông tư số 57/2014/TT-BCT …", "5. Nghị quyết này bãi bỏ các Nghị
# quyết:" (6 files of corpus/real, 1 to 53 items each).  It ends with ":" at a line end; an item opens with its
# marker and the citation.  A web page hard-wraps the heading itself: "Điều 1. Bãi bỏ các văn\nbản quy phạm
# pháp luật do UBND tỉnh Quảng Bình, UBND tỉnh Quảng Trị (cũ) ban\nhành trong lĩnh vực xây dựng, cụ thể như
# sau:" (corpus/real 83652dd19c6fef24, 14 items; 606d5f203dec293b): it runs on over line breaks, never past
# a sentence end or onto a line that opens an item or an article.
_HEADING_RUN_ON = r"(?:[^\n:.]|\.(?!\s)|\n(?![^\S\n]*(?:\d{1,3}\.|[a-zđ]\)|[-–+•]|Điều\s+\d)))"
SELF_LIST_HEADING = re.compile(
    rf"^[^\S\n]*(?:(?:Điều\s+\d+\s*[.:]|\d{{1,2}}\.|[a-zđ]\))[^\S\n]*)?(?:(?:{TYPE_NAME})\s+này\s+)?"
    r"(?P<verb>bãi\s+bỏ|thay\s+thế)(?:\s+toàn\s+bộ)?(?:\s+(?:các|những))?"
    rf"\s+(?:văn\s+bản|{TYPE_NAME})(?!\w){_HEADING_RUN_ON}{{0,300}}:[^\S\n]*$",
    _FLAGS | re.MULTILINE,
)
SELF_LIST_KIND = {"bãi bỏ": "repeals", "thay thế": "replaces"}
# A document ends the ones listed under it when it takes effect: "2. Các Quyết định sau đây hết hiệu lực kể từ
# ngày Quyết định này có hiệu lực thi hành:" over "a) Quyết định số 12/2018/QĐ-UBND …" (a province's new
# decision ends those of the provinces merged into it; 8 files of corpus/real, 27 items), "2. Các nghị định sau đây hết
# hiệu lực …:" (cfc85d8b3511af54).  The new document takes their place: replaces.
EXPIRY_LIST_HEADING = re.compile(
    rf"^[^\S\n]*(?:(?:Điều\s+\d+\s*[.:]|\d{{1,2}}\.|[a-zđ]\))[^\S\n]*)?Các\s+(?:văn\s+bản|{TYPE_NAME})\s+sau(?:\s+đây)?"
    r"\s+hết\s+hiệu\s+lực[^\n:]{0,120}:[^\S\n]*$",
    _FLAGS | re.MULTILINE,
)
# A document that ends, when this one takes effect, the one cited at the head of its clause: "3. Luật Giao thông
# đường bộ số 23/2008/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14 và Luật số 44/2019/QH14
# hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành" (Luật Đường bộ 35/2024/QH15), "2. Thông tư số
# 06/2021/TT-BCA … hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành." (11 files of corpus/real, 10 of files).
EXPIRES_WITH_SELF = re.compile(
    rf"(?<!\w)hết\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+(?:{TYPE_NAME})\s+này\s+có\s+hiệu\s+lực",
    _FLAGS,
)
# A numbered law's title that names its subject: "Luật số 15/2012/QH13 … về Xử lý vi phạm hành chính".
LAW_SUBJECT = re.compile(r"^về\s+(?!việc\s)(?=\w)", _FLAGS)
# Where the sentence of a citation ends: ".", ";" or ":" before a blank.
SENTENCE_END = re.compile(r"[.;:](?=\s)|$")
# Where an item or a sentence starts: a line break or a full stop ("…; Quyết định số 4347/QĐ-BVHTTDL … hết hiệu
# lực" ends the last of a list whose subject came first: "Các thủ tục hành chính … đã công bố tại các Quyết định
# số …; …", corpus/real ca6ff32db1f99d30).
ITEM_START = re.compile(r"\.(?=\s)|\n")
# Only a list marker or an article label before a citation that opens its clause.
CLAUSE_OPENER = re.compile(r"\s*(?:(?:Điều\s+\d+\s*[.:]|\d{1,2}\.|[a-zđ]\)|[-–+•])\s*)?", _FLAGS)
# A list item's marker: "1.", "a)", "-", "+".
LIST_ITEM_MARKER = re.compile(
    r"[^\S\n]*(?:(?P<digit>\d{1,3}\.)|(?P<letter>[a-zđ]\))|(?P<dash>[-–+•]))[^\S\n]*", _FLAGS
)
# An article heading ends a list: "Điều 3. Hiệu lực thi hành".
ARTICLE_HEADING = re.compile(r"[^\S\n]*Điều\s+\d+\s*[.:]", _FLAGS)

# A heading over changes a document only recommends: "6.2. Kiến nghị thực thi" / "Sửa đổi, bổ sung Điều 8 và 9
# của Nghị định số 76/2018/NĐ-CP …" in a decision passing a plan to simplify procedures (4 files of
# corpus/real print it over 95 items): the decision itself changes nothing.
# The label may lead the change on its line: "d. Kiến nghị thực thi: Sửa đổi khoản 13, Điều 1 Nghị định số
# 61/2020/NĐ-CP …" (corpus/real d8df85cac631ac19).
RECOMMENDATION_HEADING = re.compile(
    r"(?:^|\n)[^\S\n]*(?:[\d.]+[^\S\n]*|[a-zđ][.)][^\S\n]*)?(?:Kiến\s+nghị(?:\s+thực\s+thi)?|Đề\s+xuất|Phương\s+án)"
    r"(?:[^\S\n]*:[^\S\n]*|[^\S\n]*:?[^\S\n]*\n[^\S\n]*)$",
    _FLAGS,
)
# An approval and its adjustments listed on one line: "(cấp lần đầu tại Quyết định số 2081/QĐ-UBND …; điều chỉnh lần
# 1 tại Quyết định số 1043/QĐ-UBND …; Điều chỉnh lần 2 tại Quyết định số 2531/QĐ-UBND …)", "Quyết định chủ trương
# đầu tư số 770/QĐ-UBND …; Các Quyết định điều chỉnh chủ trương đầu tư số: 3751/QĐ-UBND … (điều chỉnh lần 01);
# Quyết định số 498/QĐ-UBND … (điều chỉnh lần 02); …" (corpus/files: letters and notices of Sở Công Thương Lào Cai
# on investment projects; the first is tests/corpus/holdout5): each adjustment amends the first decision.  The marks
# stand before the citation or in a bracket after it.
FIRST_ISSUE_BEFORE = re.compile(
    r"(?:cấp\s+lần\s+đầu\s+(?:tại|theo)|(?<!\w)Quyết\s+định\s+chủ\s+trương\s+đầu\s+tư)\s*$", _FLAGS
)
FIRST_ISSUE_AFTER = re.compile(r"[^;()\n]{0,80}?\(\s*cấp\s+lần\s+đầu\s*\)", _FLAGS)
ADJUSTMENT_BEFORE = re.compile(r"(?<!\w)điều\s+chỉnh\s+lần\s+(?:thứ\s+)?\w+\s+(?:tại|theo)\s*$", _FLAGS)
ADJUSTMENT_AFTER = re.compile(r"[^;()\n]{0,80}?\(\s*điều\s+chỉnh\s+lần\s+(?:thứ\s+)?\w+", _FLAGS)
ADJUSTMENT_REACH = 60  # characters before a citation its mark may take

# Where a clause starts, looking back from a verb: after ". ", ";", ":" or a line break.
CLAUSE_START = re.compile(r"(?:[.;:](?=\s)|\n)")
# The document named as the subject: "Quyết định này", "Nghị quyết này", "Thông tư này".
SELF_NAME = re.compile(rf"(?<!\w)(?:{TYPE_NAME})\s+này(?!\w)", _FLAGS)
# An article label or a list item's marker before the verb: "Điều 1. Sửa đổi, bổ sung …", "- Bãi bỏ Quyết định số
# 1374/QĐ-UBND" under "1. Quyết định có hiệu lực thi hành kể từ ngày ký" (corpus/real 741f24db1e774799), "b) Bãi bỏ
# toàn bộ Nghị quyết số 10/2022/NQ-HĐND" (d5f01e57dbf5a890); "đồng thời" (at the same time) too: "Quyết định này có
# hiệu lực thi hành kể từ ngày ký; đồng thời thay thế Quyết định số 899/QĐ-UBND" (5be267825b46d313).
ARTICLE_PREFIX = re.compile(
    r"^\s*+(?:Điều\s+\d+\s*+[.:]?|[a-zđ]\)|[-–+•])?\s*(?:đồng\s+thời\s*,?\s*)?$", _FLAGS
)

# Openers of the preamble (before section I): "Thực hiện …", "Triển khai thực hiện …" (the
# document carries out what they cite) and "Căn cứ …" (its legal basis).  Capitalised (or
# all capitals, as in 004's title) at a line start: a wrapped line that starts with
# "thực hiện Nghị quyết số 29-NQ/TW" continues the clause above it.
# "Triển khai Kế hoạch hành động số 328-KH/TU … của Ban chấp hành Đảng bộ tỉnh …; Kế hoạch số 348/KH-UBND …"
# (corpus/real ceb89a53c7b93f00) carries them out as "Triển khai thực hiện" does.
PREAMBLE_VERBS = (
    "Triển khai thực hiện",
    "Tiếp tục triển khai",
    "Tiếp tục thực hiện",
    "Triển khai",
    "Thực hiện",
    "Căn cứ",
)
PREAMBLE_VERB_RELATION = {"căn cứ": "based-on"}  # anything else: implements
# "Thực hiện (ý kiến) chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản số 502/UBND-KT …", "… tại Phiếu chuyển số
# 610/PC-VPUBND": the direction carried out is the document cited after "tại" (6 letters, reports and slips of
# corpus/files open so).
DIRECTION_BEFORE_CITATION = re.compile(
    r"^\s*(?:ý\s+kiến(?:\s+chỉ\s+đạo)?|chỉ\s+đạo)(?:\s+của\s+[^;:]{1,160}?)?\s+tại(?:\s+văn\s+bản)?(?:\s+số)?\s*$",
    _FLAGS,
)
# A legal basis may be a part of the document cited: "Căn cứ khoản 3, khoản 4 Điều 15 và khoản 1 Điều 35 Luật Thủ
# đô số 39/2024/QH15" (corpus/real 27e00d593ec30fac), "- Căn cứ mục 2.2, Nghị quyết số 173/2024/QH15 …" (the
# interagency guidance of holdout 4), "Căn cứ Điều 25 Nghị định số 181/2025/NĐ-CP" (a tax office's letters).
PART_BEFORE_CITATION = re.compile(
    r"\s*(?:(?:điểm|khoản|Điều|tiểu\s+mục|mục|phần|Phụ\s+lục|Chương)\s+[\w.]+(?:\s*,\s*|\s+và\s+|\s+))+(?:của\s+)?",
    _FLAGS,
)
_CLAUSE_ENDERS = ("Trên cơ sở", "Xét đề nghị", "Theo đề nghị", *PREAMBLE_VERBS)


def _capitalised(phrases) -> str:
    return _alternation(list(phrases) + [p.upper() for p in phrases])


# ------------------------------------------------------------------ titles

# A title opens with "về" ("V/v", "về việc") right after the citation's tail.
# Decrees and circulars often name their subject with a verb instead: "Nghị định số 168/2017/NĐ-CP
# … của Chính phủ quy định chi tiết một số điều của Luật Du lịch".
TITLE_OPENING = re.compile(
    r"\s*+,?\s*+(?P<title>(?:về|V/v)\s|(?-i:quy\s+định|hướng\s+dẫn|sửa\s+đổi|phê\s+duyệt)\s)", _FLAGS
)
# A title ends at an alias "(viết tắt là …)", any bracket, ";", a sentence end, a "-----" rule
# under a heading, or a paragraph opening with a capitalised "Thực hiện"/"Căn cứ".
# The opening "Thực hiện Quyết định số 1129/QĐ-TTg … về việc phê duyệt Đề án …, Ủy ban nhân dân
# tỉnh xây dựng kế hoạch …" goes on with the issuer doing something: the title ends at that comma.
_ISSUER_HEADS = (
    r"Ủy\s+ban|UBND|Ban\s+(?:Thường\s+vụ|Chấp\s+hành|cán\s+sự)|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy"
    r"|Hội\s+đồng|HĐND|Chính\s+phủ|Thủ\s+tướng|Bộ\s+[A-ZĐ]|Sở\s+[A-ZĐ]"
)
_ISSUER_ACTS = (
    r"ban\s+hành|xây\s+dựng|triển\s+khai|yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|thống\s+nhất|hướng\s+dẫn"
    r"|thông\s+báo|quyết\s+định|giao"
)
TITLE_STOP = re.compile(
    rf"\(|\)|;|\.(?:\s|$)|:\s*\n|…|\n[ \t]*-{{3,}}|\n[^\S\n]*(?-i:{_capitalised(PREAMBLE_VERBS)})(?!\w)"
    rf"|,\s*(?=(?-i:{_ISSUER_HEADS})[^,.;:\n]{{0,80}}?\s(?-i:{_ISSUER_ACTS})(?!\w))",
    _FLAGS,
)
# In flattened PDF tables a cell ends with two spaces and a blank line ("… đến năm 2025  \n\nSở
# Thông tin và \nTruyền thông"): a title in a table cell stops there.
CELL_BREAK = re.compile(r"(?<![ \t])[ \t]{2,}\n[ \t]*\n")
# "… trên địa bàn tỉnh" closing the citing sentence, not the cited central document's title.
LOCAL_SCOPE_TAIL = re.compile(r"(?<!\s)\s+trên\s+địa\s+bàn\s+(?:tỉnh|thành\s+phố|huyện|thị\s+xã)\s*$", _FLAGS)
# The citing sentence going on past the title with what amended the document or when it took effect: "Thông tư số
# 85/2019/TT-BTC hướng dẫn về phí … trực thuộc Trung ương, được sửa đổi, bổ sung bởi Thông tư số 106/2021/TT-BTC",
# "… khung giá phát điện, có hiệu lực từ ngày 13 tháng 5 năm 2025", "Nghị quyết số 06-NQ/TW … về quy hoạch, … tầm nhìn
# đến năm 2045 được phê duyệt tại Quyết định số …".  A title may say "được sửa đổi, bổ sung" of what
# it concerns ("công bố thủ tục hành chính được sửa đổi, bổ sung lĩnh vực …"): only "bởi"/"tại" after it is the
# sentence's.
TITLE_SENTENCE_TAIL = re.compile(
    r"(?:,\s*+|(?<![\s,])\s++)(?:đã\s+)?được\s+(?:sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?(?:\s*,?\s*cập\s+nhật)?(?:\s+một\s+số\s+điều)?|phê\s+duyệt)"
    r"\s+(?:bởi|tại)(?!\w)|,\s*có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày(?!\w)",
    _FLAGS,
)
# Linking words left dangling when the next citation cut a title short.
TITLE_DANGLING = re.compile(
    r"(?<![\s,])[\s,]*(?:(?:và|gắn\s+với|về|việc|tiếp\s+tục|triển\s+khai|thực\s+hiện|theo|ban\s+hành|của)[\s,]*)*$",
    _FLAGS,
)

# ---------------------------------------------------------------- relations

# Words that make a citation the thing the next one carries out: "Chương trình số 28-CTr/TU …
# của Tỉnh ủy về thực hiện Nghị quyết số 29-NQ/TW", "Quyết định 2960/QĐ-UBND … ban hành Kế hoạch
# triển khai Chương trình hành động thực hiện Nghị quyết Đại hội …".  Matched at the end of
# the text between two citations.
IMPLEMENTS_LINK = re.compile(r"(?<!\w)(?:thực\s+hiện|triển\s+khai|theo)\s*$", _FLAGS)
# "… gắn với thực hiện Nghị quyết số 29-NQ/TU": carried out alongside, not carried out by.
ALONGSIDE_LINK = re.compile(r"gắn\s+với\s+(?:việc\s+)?(?:thực\s+hiện|triển\s+khai)\s*$", _FLAGS)
# "Quy định … ban hành kèm theo Quyết định số …": attached to.
ATTACHED_LINK = re.compile(r"(?<!\w)kèm\s+theo\s*$", _FLAGS)
# A decree or circular that details or guides another document: "Nghị định số 85/2024/NĐ-CP … quy định chi
# tiết một số điều của Luật Giá", "… hướng dẫn thi hành Nghị quyết số 197/2025/QH15", "… quy định chi tiết một
# số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật", "Thông tư số
# 02/2026/TT-BCT … quy định một số biện pháp thi hành Luật Hóa chất" (80 files of corpus/real print "quy định
# chi tiết … của Luật/Nghị định", and only "hướng dẫn …" right before the cited one made a relation).
# "biện pháp thực hiện" (a plan's measures carrying something out) is no guide.
_GUIDE_WORDS = r"và|để|tổ\s+chức\s*,?|hướng\s+dẫn(?:\s+thực\s+hiện)?|biện\s+pháp|thi\s+hành|một\s+số\s+điều|chi\s+tiết|của"
GUIDES_LINK = re.compile(
    r"(?<!\w)(?:quy\s+định\s+chi\s+tiết|hướng\s+dẫn(?:\s+thực\s+hiện)?|biện\s+pháp(?=\s+(?:để|thi\s+hành)))"
    rf"(?:\s+(?:{_GUIDE_WORDS}))*\s*$",
    _FLAGS,
)
# The document itself details or guides what it cites, said after its own name or in its title in capitals:
# "Thông tư này quy định chi tiết một số điều của Luật Điện lực số 61/2024/QH15", "Quyết định này quy định
# chi tiết khoản 2, Điều 46 Nghị định 156/2018/NĐ-CP", "THÔNG TƯ / QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU VÀ BIỆN PHÁP
# THI HÀNH NGHỊ ĐỊNH SỐ 18/2019/NĐ-CP" (12 files of corpus/real print "… này quy định chi tiết").
# The measures may follow another subject: "Nghị định này quy định chi tiết về Quỹ nhà ở quốc gia (sau đây gọi là
# Quỹ) và biện pháp thi hành một số điều của Nghị quyết số 201/2025/QH15" (corpus/real c05552433ef48b49).
# The parts may be listed with commas: "Thông tư này quy định chi tiết điểm d khoản 3 Điều 9, khoản 4 Điều 15, khoản
# 2 Điều 31 Luật Hóa chất số 69/2025/QH15" (tests/corpus/holdout6, Thông tư 13/2026/TT-BQP).
_GUIDED_PART = r"(?:điểm\s+\w+\s*,?\s+)?(?:khoản\s+\d+\s*,?\s+)?Điều\s+\d+[a-zđ]?"
_GUIDED_PARTS = rf"{_GUIDED_PART}(?:\s*,\s*{_GUIDED_PART})*"
SELF_GUIDES = re.compile(
    r"(?<!\w)(?:quy\s+định\s+chi\s+tiết|hướng\s+dẫn|quy\s+định(?:\s+một\s+số)?\s+biện\s+pháp"
    r"|(?<=và\s)biện\s+pháp(?=\s+thi\s+hành))"
    rf"(?:\s+(?:{_GUIDE_WORDS}|{_GUIDED_PARTS}))*\s*$",
    _FLAGS,
)
# Other relations in the same position: "sửa đổi, bổ sung Quyết định số …", "thay thế …".
OTHER_LINKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "amends",
        re.compile(r"(?<!\w)sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?(?:\s+một\s+số\s+điều\s+của)?\s*$", _FLAGS),
    ),
    ("replaces", re.compile(r"(?<!\w)thay\s+thế\s*$", _FLAGS)),
    ("repeals", re.compile(r"(?<!\w)bãi\s+bỏ\s*$", _FLAGS)),
    ("guides", GUIDES_LINK),
)
# The earlier citation changed by the later one, in the passive: "Luật Ngân sách nhà nước số 83/2015/QH13
# đã được sửa đổi, bổ sung một số điều theo Luật số 59/2020/QH14", "Nghị định số 10/2016/NĐ-CP … đã được
# sửa đổi, bổ sung một số điều theo Nghị định số 47/…" (the later one amends the earlier, never carries it out);
# printed without the comma too ("được sửa đổi bổ sung tại": 12 times in corpus/real), "… được sửa đổi, bổ sung
# cập nhật một số điều tại Nghị quyết số 71/NQ-CP" (001c610b2efdcf0c), "… bởi các Luật số …".  The participle
# alone, after a comma or a bracket, is passive too: "… Thông tư … số 06/2021/TT-BXD …, sửa đổi bổ sung bởi
# Thông tư số 02/2025/TT-BXD …" (corpus/files tkm-sct-vn__CV-tu-choi-BCKTKT-thuoc-tham-quyen-CDT.docx),
# "Nghị định số 112/2020/NĐ-CP … (sửa đổi, bổ sung tại Nghị định số 71/2023/NĐ-CP …)" (corpus/real
# 6f76eaad0b5b95d8, 3 times).
_PASSIVE_OPENING = r"(?:(?<!\w)được\s+|(?<=[,(])\s*)"
PASSIVE_LINKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "amends",
        re.compile(
            rf"{_PASSIVE_OPENING}(?:sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?|bổ\s+sung)(?:\s+cập\s+nhật)?(?:\s+một\s+số\s+điều)?"
            r"\s+(?:theo|bởi|tại)(?:\s+các)?\s*$",
            _FLAGS,
        ),
    ),
    ("replaces", re.compile(r"(?<!\w)được\s+thay\s+thế\s+(?:theo|bởi|tại)\s*$", _FLAGS)),
)
PASSIVE_KINDS = frozenset(kind for kind, _ in PASSIVE_LINKS)
# The passive in brackets after the title, or after the bracket of an alias: "Nghị định số 23/2024/NĐ-CP ngày
# 27/02/2024 của Chính phủ (được sửa đổi, bổ sung tại Nghị định số 115/2024/NĐ-CP …)", "Thông tư số 05/2018/TT-BCT
# … (sau đây gọi là Thông tư số 05/2018/TT-BCT), được sửa đổi, bổ sung tại Thông tư số 44/2023/TT-BTC" (30 such
# phrases in 22 files of corpus/real made no relation): the bracket that opens the passive, or the one that
# closes the alias, is no break.
PASSIVE_BRACKETS = re.compile(
    r"^\s*\)|\((?=\s*(?:(?:đã\s+)?được\s+(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)|sửa\s+đổi\s*,?\s*bổ\s+sung\s+(?:bởi|tại|theo)\s)(?![^()]*\)))",
    _FLAGS,
)
# A report on how something is carried out does not carry it out: "Thông báo số 4387/TB-VPQH … về tình
# hình thực hiện Nghị quyết số 66/2013/QH13", "Báo cáo kết quả 05 năm triển khai thực hiện …"; nor does a
# letter on the troubles met in carrying it out: "Công văn 11306/VPCP-NN năm 2025 đề xuất giải pháp tháo gỡ
# khó khăn trong việc triển khai Nghị định 136/2025/NĐ-CP" (corpus/real 1a814c71716d3047), "khó khăn, vướng
# mắc trong quá trình thực hiện Quyết định …" (7 real files print such troubles before a document).
REVIEW_LINK = re.compile(
    r"(?<!\w)(?:tình\s+hình|kết\s+quả|sơ\s+kết|tổng\s+kết|khó\s+khăn|vướng\s+mắc|bất\s+cập)(?:\s+[^\s;]+){0,4}?"
    r"\s+(?:thực\s+hiện|triển\s+khai)\s*$",
    _FLAGS,
)

# Documents that propose or review another never carry one out or change one: in "Xét Tờ trình số
# 382/TTr-UBND … đề nghị ban hành Nghị quyết thay thế Nghị quyết số 32/2024/NQ-HĐND", "Báo cáo thẩm tra số
# 118/BC-BPC … về dự thảo Nghị quyết sửa đổi …" the relation words are the draft's (corpus/real
# 5eaeb632f6582871, 0eb3b8713cadea8f).
NEVER_LINK_SOURCE_TYPES = frozenset({"TTr", "BC"})
# Nor does a letter whose subject is a draft: "Văn bản số 6266/UBND-NNMT … về việc tiếp thu, giải trình về
# nội dung thẩm tra Tờ trình, dự thảo Nghị quyết thay thế Nghị quyết số 47/2024/NQ-HĐND" (corpus/real
# f20b8af669b140e9): the words after "dự thảo" are the draft's.
DRAFT_SUBJECT = re.compile(r"(?<!\w)dự\s+thảo(?!\w)", _FLAGS)
# What is issued "kèm theo" a decision is a regulation, plan or programme, never a decree, circular, law or
# letter: in "Thông tư số 15/2017/TT-BGDĐT … sửa đổi, bổ sung một số điều của Quy chế … ban hành kèm theo
# Thông tư số 28/2009/TT-BGDĐT" (c15a1748f51c3fd0) and "Văn bản số 375/BNN-TC về việc tạm thời áp dụng khung
# giá ban hành kèm theo Thông tư số 283/2016/TT-BTC" (edfc0349ad13b2bf) the attached thing is the one named
# between the two (6 such false relations of corpus/real).
NEVER_ATTACHED_TYPES = frozenset({"NĐ", "TT", "L", "CV"})

# Text between two linked citations never crosses a clause or bracket, and never starts a
# second object: "Quyết định số 950/QĐ-TTg … và Chương trình hành động của Chính phủ thực hiện
# Nghị quyết số 06-NQ/TW" links the programme, not the decision, to 06-NQ/TW.
# A ";" that goes on in lower case with what a decree's title says next is inside that title: "Nghị định số
# 152/2025/NĐ-CP … quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng
# dẫn thi hành một số điều của Luật Thi đua, khen thưởng" (the decree's own title; 4 citations in 3 files of
# corpus/real, one of tests/corpus/holdout5).
LINK_BREAK = re.compile(
    r"[()]|;(?![ \t]*(?-i:quy\s+định\s+chi\s+tiết|hướng\s+dẫn\s+thi\s+hành)(?!\w))|\.(?:\s|$)"
    r"|^[\s,]*(?:và|hoặc|cùng)(?!\w)",
    _FLAGS,
)

# Two citations joined as one subject or object: "Nghị quyết số 71/NQ-CP … của Chính phủ và Chương trình
# hành động số 10-CTr/TU … về thực hiện Nghị quyết số 57-NQ/TW" (both carry out 57-NQ/TW); "… về việc
# thực hiện Nghị quyết số 137/NQ-CP … của Chính phủ và Chương trình số 27-CTr/TU …" (both carried out).
# Matched against the whole text between the two citations.
COORDINATED = re.compile(r"[ \t\n]*(?:,[ \t\n]*)?(?:và|cùng|,)[ \t\n]*", _FLAGS)
AND_WORD = re.compile(r"(?<!\w)và(?!\w)", _FLAGS)
# A title that ends where the next object is joined: "… hướng dẫn thi hành luật ban hành văn bản quy phạm pháp
# luật và " (extract.citations._further_objects).
TITLE_THEN_AND = re.compile(r"\w\s+và\s*$", _FLAGS)
# Relations whose object may have a second one after "và" (extract.citations.second_object_relations), and
# the types a guide's second object may have: "… hướng dẫn thi hành Luật Hóa chất và Nghị định số 26/2026/NĐ-CP".
SECOND_OBJECT_KINDS = frozenset({"amends", "replaces", "repeals", "guides"})
GUIDED_SECOND_TYPES = frozenset({"NĐ", "NQ"})

# A document described, not numbered, as carrying out the citation that follows: "Kế hoạch triển khai
# Chương trình số 20-CTr/TU …", "kế hoạch hành động thực hiện Chương trình số 16-CTr/TU …", "Chương
# trình hành động của Chính phủ thực hiện Nghị quyết số 06-NQ/TW …".  The text before the citation
# (DESCRIBED_WINDOW characters) must end with it.
DESCRIBED_WINDOW = 160
DESCRIBED_DOCUMENT = re.compile(
    r"(?<!\w)(?:kế\s+hoạch|chương\s+trình|đề\s+án)(?:\s+hành\s+động)?"
    r"(?:\s+của\s+(?-i:[A-ZĐ])[^,;.()\d\n]{0,60}?)?"
    r"\s+(?:triển\s+khai|thực\s+hiện)(?:\s+thực\s+hiện)?\s*$",
    _FLAGS,
)
# Where the description gets its number: "… được phê duyệt tại Nghị quyết số 148/NQ-CP", "… ban hành
# kèm theo Quyết định số …" — the text between the described document's target and the numbering
# citation must end with it.
NUMBERED_AT = re.compile(
    r"(?<!\w)(?:được\s+)?(?:phê\s+duyệt|ban\s+hành)(?:\s+kèm\s+theo|\s+tại|\s+theo)\s*$", _FLAGS
)
# The clause a footnote marker closes starts after ";", ". ", ":" or a line opening a bullet.
MARKER_CLAUSE_START = re.compile(r";|\.\s|:\s|\n[ \t]*[-–+•][ \t]")
MARKER_CLAUSE_WINDOW = 700

# Documents named by their title and numbered elsewhere in the same text: "Quyết định số 588/QĐ-TTg … về
# việc phê duyệt “Chương trình điều chỉnh mức sinh phù hợp các vùng, đối tượng đến năm 2030”" numbers the
# programme that "Quyết định số 2324/QĐ-BYT … về việc ban hành Kế hoạch hành động thực hiện Chương trình
# điều chỉnh mức sinh …" carries out.  Read from the text that follows a citation (up to NAMED_STOP).
NAMED_KINDS = r"(?:đề\s+án|chương\s+trình|chiến\s+lược|quy\s+hoạch|dự\s+án)"
_QUOTE = "“”\"«»‘’'"
# (a citation's tail may stop short of an issuer the tables do not know: "… của Sở X về việc phê duyệt …")
_UNREAD_ISSUER = r"(?:của\s+[^,;.\n]{1,60}?\s+)?"
APPROVES_NAMED = re.compile(
    rf"(?<![\s,])[\s,]*{_UNREAD_ISSUER}(?:về\s+)?(?:việc\s+)?phê\s+duyệt\s+(?P<named>[{_QUOTE}]?\s*{NAMED_KINDS}(?!\w).*)",
    _FLAGS | re.DOTALL,
)
CARRIES_OUT_NAMED = re.compile(
    rf"(?<![\s,])[\s,]*{_UNREAD_ISSUER}(?:về\s+)?(?:việc\s+)?ban\s+hành\s+(?:kèm\s+theo\s+)?(?:kế\s+hoạch|chương\s+trình)"
    rf"(?:\s+hành\s+động)?\s+(?:(?:triển\s+khai|thực\s+hiện)\s+){{1,2}}"
    rf"(?P<named>[{_QUOTE}]?\s*{NAMED_KINDS}(?!\w).*)",
    _FLAGS | re.DOTALL,
)
NAMED_STOP = re.compile(r";|\.(?:\s|$)|\n[ \t]*\n")
NAMED_WINDOW = 400
NAMED_MIN_WORDS = 6  # a shorter name ("Đề án phát triển du lịch") may name several documents

# A Party document dashes its bases: "- Căn cứ Điều lệ Đảng;" / "- Căn cứ Luật Lưu trữ số 33/2024/QH15, ngày
# 21/6/2024 của Quốc hội khoá XV;" (Quy định 383-QĐ/TW, corpus/real 056a116c77fe4047; 10 files of corpus/real
# print 21 such lines); a dashed "- Thực hiện …" is a body bullet, not a preamble.
PREAMBLE_OPENER = re.compile(
    rf"^[ \t]*(?:[-–+•][ \t]*(?=Căn\s+cứ|CĂN\s+CỨ))?(?P<verb>{_capitalised(PREAMBLE_VERBS)})(?!\w)",
    re.MULTILINE,
)
# A purpose clause anywhere in the body names what the document carries out: "Để thực hiện
# thắng lợi mục tiêu Nghị quyết số 29-NQ/TW …; Chương trình hành động số 31-CTr/TU …; UBND tỉnh
# yêu cầu …:" (seed 004, section III).
PURPOSE_VERB_START = "Để"  # every match holds it (the pattern is case-sensitive)
PURPOSE_OPENER = re.compile(
    rf"(?:^|(?<=\.\s))[ \t]*(?P<verb>{PURPOSE_VERB_START}\s+(?:triển\s+khai\s+)?thực\s+hiện)"
    r"(?:\s+(?:thắng\s+lợi|có\s+hiệu\s+quả|tốt))?(?:\s+(?:các\s+)?mục\s+tiêu(?:\s+của)?)?(?!\w)",
    re.MULTILINE,
)
# A decision or resolution that issues a programme or plan carrying something out: its title
# "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 29-NQ/TW …" or its
# "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động … thực hiện Nghị quyết số …".
ISSUING_OPENER = re.compile(
    r"^[ \t]*(?:(?:Điều|ĐIỀU)[ \t]+1[ \t]*[.:][ \t]*)?(?P<verb>(?-i:Ban\s+hành|BAN\s+HÀNH|Phê\s+duyệt|PHÊ\s+DUYỆT))(?!\w)",
    re.MULTILINE,
)
ISSUED_KIND = re.compile(r"(?<!\w)(?:chương\s+trình|kế\s+hoạch|đề\s+án)(?!\w)", _FLAGS)
# A preamble clause ends at a line ending with ":" or at a line opening another clause.
PREAMBLE_CLAUSE_END = re.compile(rf":[ \t]*$|^[ \t]*(?:{_capitalised(_CLAUSE_ENDERS)})(?!\w)", re.MULTILINE)
# First section heading: the preamble ends there.
FIRST_SECTION = re.compile(r"^[ \t]*I\.\s", re.MULTILINE)
# With no section found, the enacting words or the first article end it ("… Tờ trình số 955/TTr-SNNMT ngày
# 19/11/2025. QUYẾT ĐỊNH: Điều 1. Công bố …", a web page's decision run onto one line) …
ENACTING_OR_FIRST_ARTICLE = re.compile(
    r"(?-i:QUYẾT\s+(?:ĐỊNH|NGHỊ))\s*:|(?<!\w)Điều\s+1\s*[.:]", re.IGNORECASE
)
# … and in a letter with neither, the paragraph its opener begins: up to a line that ends a sentence.
PARAGRAPH_END = re.compile(r"[.:](?=[ \t]*\n)|\n[ \t]*\n")

# "(Kèm theo Kế hoạch số 214/KH-UBND ngày 06/11/2024 của UBND tỉnh Quảng Ngãi)"
ATTACHED_NOTE = re.compile(r"\(\s*(?:Ban\s+hành\s+)?kèm\s+theo\s+", _FLAGS)
