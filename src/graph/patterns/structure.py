"""Tables of the layout forms ``segment`` recognises: footnotes, labels, blocks.

Data, not logic: every form is a named pattern with the real text it was
written for.  Patterns match one line of text (``^``/``$`` are line bounds)
unless said otherwise; they are applied to the line with leading spaces removed
because indentation in PDF text is unreliable.
"""

from __future__ import annotations

import re

from .documents import DOC_TYPES

# ----------------------------------------------------------------- footnotes

# PDF text: a page's footnotes follow a line of nothing but spaces (49 in seed
# 000, 153 where a footnote continues from the previous page); other converters
# draw the rule with underscores.
PDF_FOOTNOTE_SEPARATOR = re.compile(r"^(?: {20,}| *_{10,} *)$")
# How far a printed sequence may jump and still be read as labels ("1.", "2.",
# "4." when the author skipped one), not as a wrapped line opening with a number.
LABEL_SEQUENCE_GAP = 2
# "29 Quyết định số 2293/QĐ-UBND ngày 11/8/2021 của UBND tỉnh."  "1 Gồm:"
PDF_FOOTNOTE_START = re.compile(r"^(?P<number>\d{1,3}) +(?=\S)")
# The page text resumes after the footnotes on a line indented by exactly one
# space: " - Rà soát, triển khai …", " lượng doanh nghiệp; …", " (6) Ban Quản lý …".
PDF_PAGE_RESUME = re.compile(r"^ (?=\S)")
# A printed page number alone between blank lines: "12 ".
PDF_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")

# DOCX text: "…151[footnoteRef:2]/193 xã." and the body "[2:  Tổng 151 xã …]".
DOCX_FOOTNOTE_MARKER = re.compile(r"\[footnoteRef:(?P<number>\d{1,3})\]")
DOCX_FOOTNOTE_OPEN = re.compile(r"\[(?P<number>\d{1,3}):")
# Word bookmarks the converter leaves in: "[bookmark: _Hlk120516087]".
DOCX_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")

# Web text: "đến năm 2030  [1]" and, at the page end, "[1] Theo Quyết định số 1456/QĐ-TTg …".
WEB_FOOTNOTE_MARKER = re.compile(r"\[(?P<number>\d{1,3})\]")
WEB_FOOTNOTE_BODY = re.compile(r"^\[(?P<number>\d{1,3})\][ \t]*(?=\S)")

# A digit run that can carry a glued PDF footnote marker: "năm 20452" (2045 + 2),
# "2021 - 203029" (2030 + 29), "tỉnh6.", "sinh học3,", "nông thôn 1.".
DIGIT_RUN = re.compile(r"\d+")
YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d$")
# Characters after a marker: end of word, punctuation, quotes, brackets.
MARKER_FOLLOWERS = frozenset(" \n.,;:)”\"’'")
# Characters before a bare number that show it is part of a symbol, date,
# decimal or list label rather than a marker: "2960/QĐ", "1.500", "(2)", "29-".
NUMBER_GLUE = frozenset("/.,-–(:%+")

# --------------------------------------------------------------- structure

ROMAN_NUMERALS = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
)

# Legal instruments (Nghị định 30/2020/NĐ-CP, Luật Ban hành văn bản QPPL) divide into chapters,
# divisions and articles above the "1." khoản and "a)" điểm: "Chương I" / "CHƯƠNG II. QUY ĐỊNH
# CHUNG", "Mục 1" / "MỤC 2: TRÁCH NHIỆM", "Điều 1." / "Điều 12. Phạm vi điều chỉnh" / "Điều 3:".
# A chapter or division label stands alone or before a separator, so "Mục tiêu" and "Chương trình
# hành động" are not labels; an article needs its "." or ":", so a running "Điều 3 của …" is not.
CHAPTER_LABEL = re.compile(
    r"^(?P<label>(?:Chương|CHƯƠNG)[ \t]+(?P<value>[IVXLC]{1,7}|\d{1,3}))(?:[ \t]*[.:–-][ \t]*(?=\S)|[ \t]*$)"
)
DIVISION_LABEL = re.compile(
    r"^(?P<label>(?:Mục|MỤC)[ \t]+(?P<value>\d{1,2}|[IVX]{1,5}))(?:[ \t]*[.:–-][ \t]*(?=\S)|[ \t]*$)"
)
ARTICLE_LABEL = re.compile(
    r"^(?P<label>(?:Điều|ĐIỀU)[ \t]+(?P<value>\d{1,3}))[ \t]*[.:](?:[ \t]+(?=\S)|[ \t]*$)"
)
# Fixed depths of these levels, above parts (1), clauses (2) and sub-clauses (3+): "Điều 1. Phê
# duyệt Đề án … I. QUAN ĐIỂM 1. …" nests the part inside the article (Quyết định …/QĐ-TTg).
CHAPTER_RANK, DIVISION_RANK, ARTICLE_RANK = -2, -1, 0

# "I. MỤC ĐÍCH, YÊU CẦU", " III. NHIỆM VỤ VÀ GIẢI PHÁP"
# "II- MỤC TIÊU": Party resolutions (Nghị quyết 57-NQ/TW) print a dash after the numeral
PART_LABEL = re.compile(r"^(?P<label>(?P<value>[IVX]{1,5})(?:\.|-(?=[ \t])))[ \t]+(?=\S)")
# "1. Mục đích", "10. Phát huy giá trị văn hóa …" (not "1.1", not "2030 đạt")
CLAUSE_LABEL = re.compile(r"^(?P<label>(?P<value>\d{1,2})\.)(?:[ \t]+(?=\S)|[ \t]*$)")
# "1.1. Chủ đề công tác", "2.3", "4.10 Xây dựng sản phẩm du lịch mới"
DECIMAL_LABEL = re.compile(r"^(?P<label>(?P<value>\d{1,2}(?:\.\d{1,2})+)\.?)(?:[ \t]+(?=\S)|[ \t]*$)")
# "a) Đẩy mạnh phát triển ngành công nghiệp", "đ)  Xây dựng chính sách …"
POINT_LABEL = re.compile(r"^(?P<label>(?P<value>[a-zđ])\))[ \t]*(?=\S)")
# "(1) Các Sở, Ban, ngành …", "(12) Phấn đấu …"; a full stop or colon after the bracket separates
# like the space: "(1). Số thứ tự", "(4).Thủ tục hành chính …" (a report form's column notes),
# "(01): Tên cơ quan, tổ chức chủ quản …" (a form template's footnotes)
ITEM_LABEL = re.compile(r"^(?P<label>\((?P<value>\d{1,2})\))[.:]?[ \t]*(?=\S)")
# "- Quán triệt …", "+ Đối với vùng Đông của tỉnh:", "* Xây dựng kế hoạch …"
# (not a rule of dashes: "------- | Độc lập - Tự do - Hạnh phúc" is a web header's table row)
BULLET_LABEL = re.compile(r"^(?P<label>[-–•+*])(?![-–])[ \t]*(?=\S)")
BULLET_KINDS = {"-": "bullet", "–": "bullet", "•": "bullet", "+": "subbullet", "*": "star"}
# Table rows of an appendix: "1.1 Cụ thể hóa …", "1.1" alone (web table cell), "1" alone.
# "I" / "II" alone on its line: a group of rows in a table read one cell per line; its rows
# count from 1 again.
ROW_PART_ALONE = re.compile(r"^(?P<label>(?P<value>[IVX]{1,5})\.?)[ \t]*$")
ROW_GROUP_ALONE = re.compile(r"^(?P<label>(?P<value>\d{1,2}))[ \t]*$")

# "Phụ lục I", "PHỤ LỤC", "Phụ lục II: DANH MỤC …"
APPENDIX_LABEL = re.compile(
    r"^(?P<label>(?:Phụ lục|PHỤ LỤC)(?:[ \t]+(?P<number>[IVX]{1,5}|\d{1,2}))?)"
    r"[ \t]*(?:[:.–-][ \t]*(?P<title>\S.*?))?[ \t]*$"
)
# A web copy prints the heading, its capital title and its note on one line: "PHỤ LỤC DANH MỤC NHIỆM VỤ TRIỂN
# KHAI THI HÀNH NGHỊ ĐỊNH … (Kèm theo Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025 …)", "PHỤ LỤC I DANH
# MỤC THỦ TỤC HÀNH CHÍNH (Kèm theo Quyết định số: 2916/QĐ-UBND …)" (corpus/real c5d930a5fc8373cd and 35
# more files).  The title is checked for capitals by the caller.
APPENDIX_TITLED_LINE = re.compile(
    r"^(?P<label>PHỤ LỤC(?:[ \t]+(?P<number>[IVX]{1,5}|\d{1,2})(?=[ \t]))?)[ \t]+(?P<title>[^(\s][^(\n]*?)[ \t]*"
    r"(?P<note>\((?:Ban hành |[Đđ]ính )?[Kk]èm theo\b[^\n]*)?$"
)
# "(Kèm theo Kế hoạch số 214/KH-UBND ngày 06/11/2024 của UBND tỉnh Quảng Ngãi)"
ATTACHED_NOTE = re.compile(r"^\((?:Ban hành |[Đđ]ính )?[Kk]èm theo\b")
# How many lines below an attached document's type line its note may come (title lines between).
ATTACHED_NOTE_REACH = 8

# ----------------------------------------------------------------- blocks

# Type lines that open a document's title, upper-cased as printed: "KẾ HOẠCH",
# "CHƯƠNG TRÌNH HÀNH ĐỘNG", "NGHỊ QUYẾT".  Built from the shared type table.
TITLE_TYPE_NAMES = tuple(sorted({name.upper() for t in DOC_TYPES for name in t.names}, key=len, reverse=True))
TITLE_TYPE_LINE = re.compile(r"^(?:" + "|".join(re.escape(n) for n in TITLE_TYPE_NAMES) + r")[ \t]*$")
# An attached document after the signature opens with its type line, then its title and the note
# "(Ban hành kèm theo Quyết định số 41/2019/QĐ-UBND …)": "QUY ĐỊNH", "KẾ HOẠCH", "QUY CHẾ".
ATTACHED_TYPE_NAMES = (*TITLE_TYPE_NAMES, "QUY CHẾ", "ĐIỀU LỆ", "DANH MỤC")
ATTACHED_TYPE_LINE = re.compile(
    r"^(?P<label>" + "|".join(re.escape(n) for n in ATTACHED_TYPE_NAMES) + r")(?P<title>(?!))?[ \t]*$"
)
# A decision that issues a document with itself: "Ban hành kèm theo Quyết định này Kế hoạch …".
ISSUED_WITH = re.compile(
    r"[Bb]an\s+hành\s+kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)\s+này\s+(?:các\s+)?"
    r"(?P<type>Kế\s+hoạch|Chương\s+trình(?:\s+hành\s+động)?|Đề\s+án|Quy\s+chế|Quy\s+định|Điều\s+lệ)(?!\w)"
)
# "-----" under a title, "-------" under an issuer.
RULE_LINE = re.compile(r"^-{3,}[ \t]*$")

# "Nơi nhận:"
RECIPIENTS_LINE = re.compile(r"^Nơi nhận[ \t]*:", re.IGNORECASE)
# A letter's addressees: "Kính gửi: Sở Tài chính." or "Kính gửi:" over a dashed list.
ADDRESSEES_LINE = re.compile(r"^\s*Kính\s+gửi\s*:\s*(?P<inline>.*)$", re.IGNORECASE)
# "TM. ỦY BAN NHÂN DÂN", "T/M TỈNH ỦY", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. …"
SIGNING_AUTHORITY = re.compile(r"^(?:T/M|T\.M\.|TM\.|KT\.|TL\.|TUQ\.|Q\.)[ \t]*\S")
# Capacity lines printed above a signature without an authority line.
SIGNER_CAPACITY = re.compile(
    r"^(?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|BỘ TRƯỞNG|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG)[ \t]*$"
)
# "[daky]", "(Đã ký)", "(ký)", "(Ký tên, đóng dấu)"
SIGNATURE_PLACEHOLDER = re.compile(r"^[\[(](?:daky|đã ký|ký|ký tên[^)\]]*)[\])][ \t]*$", re.IGNORECASE)
# A signer's name is two to six capitalised words ("Hồ Quang Bửu", "Trần Phước
# Hiền"); checked with str.istitle-like tests in code, as regex ranges cannot
# separate upper from lower case in Vietnamese letters.
SIGNER_NAME_WORDS = (2, 6)
