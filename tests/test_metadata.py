"""Metadata of the five seed documents, read through the real pipeline stages.

Each seed is checked twice: through ``segment()`` (header/title/recipients/
signature blocks as the segmenter marks them) and with every block left
``None`` (a segmenter miss), where the extractor must scan the top and the end
of the body itself and reach the same values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from graph.extract.metadata import (
    _last_lines_start,
    _lines,
    _lines_while,
    extract_metadata,
    parse_symbol_tail,
)
from graph.model import DocumentMeta, SegmentedDocument, SourceFile
from graph.normalise import normalise
from graph.read import read_source
from graph.segment import segment

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
SEED_FILES = {
    "000": "quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt",
    "001": "quang-ngai_ctr-tu_2023_thuc-hien-29-nq-tw.txt",
    "002": "quang-ngai_kh-ubnd_2019_thuc-hien-37-ctr-tu.txt",
    "003": "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt",
    "004": "quang-ngai_kh-ubnd_2024_214.txt",
}


@cache
def segmented(seed: str) -> SegmentedDocument:
    return segment(normalise(read_source(RAW / SEED_FILES[seed])))


@cache
def meta_via_segment(seed: str) -> DocumentMeta:
    return extract_metadata(segmented(seed))


def without_blocks(text: str, name: str = "constructed.txt") -> SegmentedDocument:
    """A SegmentedDocument whose segmenter found no header, title, recipients or signature."""
    source = SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text)
    normalised = normalise(source)
    return SegmentedDocument(normalised, normalised.text, [], [], [], None, None, None, None)


@cache
def meta_without_blocks(seed: str) -> DocumentMeta:
    return extract_metadata(without_blocks(read_source(RAW / SEED_FILES[seed]).text, SEED_FILES[seed]))


ROUTES = {"segment": meta_via_segment, "no-blocks": meta_without_blocks}


@dataclass(frozen=True)
class Expected:
    type_code: str
    number: str | None
    symbol: str | None
    placeholder: str | None
    date: dt.date | None
    year: int | None
    place: str | None
    issuer_code: str
    issuer_name: str
    jurisdiction: str
    inferred: tuple[str, ...]
    is_draft: bool
    authority: str | None
    capacity: str | None
    signer: str | None
    recipient_count: int
    first_recipient: str
    last_recipient: str


EXPECTED = {
    # Kế hoạch of UBND tỉnh Quảng Nam without a header: number and day are placeholders
    # in the appendix note "(Kèm theo Kế hoạch số #sovb /KH-UBND ngày #nbh /11/2023 của UBND tỉnh)".
    "000": Expected(
        "KH",
        None,
        None,
        "#sovb /KH-UBND",
        None,
        2023,
        None,
        "UBND",
        "Ủy ban nhân dân tỉnh Quảng Nam",
        "vn-27",
        ("year", "issuer", "jurisdiction"),
        False,
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "Hồ Quang Bửu",
        8,
        "TT TU, TT HĐND tỉnh",
        "Lưu: VT, TH, KTTH, KTN",
    ),
    # Chương trình hành động of Tỉnh ủy Quảng Ngãi: no header, no number, no date, no signer name.
    "001": Expected(
        "CTr",
        None,
        None,
        None,
        None,
        None,
        None,
        "TU",
        "Tỉnh ủy Quảng Ngãi",
        "vn-29",
        ("issuer", "jurisdiction"),
        False,
        "T/M TỈNH ỦY",
        "BÍ THƯ",
        None,
        11,
        "Bộ Chính trị, Ban Bí thư (b/c)",
        "Lưu Văn phòng Tỉnh ủy",
    ),
    # Kế hoạch of UBND tỉnh Quảng Ngãi: no header; signed "KT. CHỦ TỊCH" without a TM. line.
    "002": Expected(
        "KH",
        None,
        None,
        None,
        None,
        None,
        None,
        "UBND",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "vn-29",
        ("issuer", "jurisdiction"),
        False,
        None,
        "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "Nguyễn Tăng Bính",
        10,
        "Thường trực Tỉnh ủy (báo cáo)",
        "Lưu VT, CNXD (ttrung210)",
    ),
    # Draft Nghị quyết of Tỉnh ủy Quảng Nam: "Số         -NQ/TU", "Dự thảo", no signature block.
    "003": Expected(
        "NQ",
        None,
        None,
        "Số -NQ/TU",
        dt.date(2024, 11, 30),
        2024,
        "Quảng Nam",
        "TU",
        "Tỉnh ủy Quảng Nam",
        "vn-27",
        (),
        True,
        None,
        None,
        None,
        7,
        "Ban Bí thư Trung ương Đảng",
        "Lưu Văn phòng Tỉnh ủy",
    ),
    # Kế hoạch 214/KH-UBND with a full header.
    "004": Expected(
        "KH",
        "214",
        "214/KH-UBND",
        None,
        dt.date(2024, 11, 6),
        2024,
        "Quảng Ngãi",
        "UBND",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "vn-29",
        (),
        False,
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "Trần Phước Hiền",
        17,
        "Văn phòng Chính phủ (báo cáo)",
        "Lưu: VT, KTN1107",
    ),
}

CASES = [(seed, route) for seed in EXPECTED for route in ROUTES]


def _meta(seed: str, route: str) -> DocumentMeta:
    return ROUTES[route](seed)


@pytest.mark.parametrize("seed,route", CASES)
def test_type_number_and_placeholder(seed, route):
    meta, want = _meta(seed, route), EXPECTED[seed]
    assert (meta.ref.type_code, meta.ref.number, meta.ref.symbol) == (
        want.type_code,
        want.number,
        want.symbol,
    )
    assert meta.unnumbered is (want.number is None)
    assert meta.number_placeholder == want.placeholder


@pytest.mark.parametrize("seed,route", CASES)
def test_date_year_place(seed, route):
    meta, want = _meta(seed, route), EXPECTED[seed]
    assert (meta.ref.date, meta.ref.year, meta.place) == (want.date, want.year, want.place)


@pytest.mark.parametrize("seed,route", CASES)
def test_issuer_and_jurisdiction(seed, route):
    meta, want = _meta(seed, route), EXPECTED[seed]
    assert (meta.ref.issuer_code, meta.ref.issuer_name) == (want.issuer_code, want.issuer_name)
    assert meta.ref.jurisdiction == want.jurisdiction
    assert meta.ref.jurisdiction_inferred is ("jurisdiction" in want.inferred)
    assert tuple(meta.inferred) == want.inferred


@pytest.mark.parametrize("seed,route", CASES)
def test_draft_flag(seed, route):
    assert _meta(seed, route).is_draft is EXPECTED[seed].is_draft


@pytest.mark.parametrize("seed,route", CASES)
def test_signature(seed, route):
    meta, want = _meta(seed, route), EXPECTED[seed]
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        want.authority,
        want.capacity,
        want.signer,
    )


@pytest.mark.parametrize("seed,route", CASES)
def test_recipients(seed, route):
    meta, want = _meta(seed, route), EXPECTED[seed]
    assert len(meta.recipients) == want.recipient_count
    assert (meta.recipients[0], meta.recipients[-1]) == (want.first_recipient, want.last_recipient)


TITLES = {
    "000": "Triển khai thực hiện Chương trình số 28-CTr/TU, ngày 11/4/2023 của Tỉnh ủy Quảng Nam về thực hiện "
    "Nghị quyết số 29-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng về tiếp tục đẩy mạnh "
    "công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
    "001": "Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 Hội nghị lần thứ sáu Ban chấp hành Trung ương Đảng "
    "khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
    "002": "Triển khai thực hiện Chương trình hành động số 37-CTr/TU ngày 26/3/2019 của Tỉnh ủy Quảng Ngãi thực hiện "
    "Nghị quyết số 23-NQ/TW ngày 22/3/2018 của Bộ Chính trị về định hướng xây dựng chính sách phát triển "
    "công nghiệp quốc gia đến năm 2030, tầm nhìn đến năm 2045 trên địa bàn tỉnh Quảng Ngãi",
    "003": "về phương hướng, nhiệm vụ năm 2025",
    # printed in capitals, kept as printed
    "004": "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THEO NGHỊ QUYẾT SỐ 111/NQ-CP NGÀY 22/7/2024 VỀ THỰC HIỆN "
    "NGHỊ QUYẾT SỐ 29-NQ/TW NGÀY 17 /11/2022 CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII VỀ TIẾP TỤC ĐẨY MẠNH "
    "CÔNG NGHIỆP HÓA, HIỆN ĐẠI HÓA ĐẤT NƯỚC ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045",
}


@pytest.mark.parametrize("seed,route", [(seed, route) for seed in TITLES for route in ROUTES])
def test_title_with_hard_wraps_undone(seed, route):
    meta = _meta(seed, route)
    assert meta.ref.title == TITLES[seed]


def test_multi_line_recipient_is_joined():
    """001 prints "- Vụ Địa phương các cơ quan  \\n\\nxây dựng Đảng Trung ương (b/c), "."""
    assert meta_via_segment("001").recipients[2] == "Vụ Địa phương các cơ quan xây dựng Đảng Trung ương (b/c)"


def test_doubled_dash_recipient_is_one_item():
    """003 prints "-  - Văn phòng Trung ương Đảng \\n      và các cơ quan, ban đảng ở Trung ương, "."""
    assert (
        meta_via_segment("003").recipients[1]
        == "Văn phòng Trung ương Đảng và các cơ quan, ban đảng ở Trung ương"
    )


@pytest.mark.parametrize(
    "seed,field,printed",
    [
        ("004", "number", "Số: 214/KH-UBND"),
        ("004", "date", "Quảng Ngãi, ngày 06 tháng 11 năm 2024"),
        ("004", "issuer", "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI"),
        ("003", "number", "Số         -NQ/TU"),
        ("003", "draft", "Dự thảo"),
        ("000", "number", "#sovb /KH-UBND"),
        ("000", "year", "#nbh /11/2023"),
        ("000", "issuer", "TM. ỦY BAN NHÂN DÂN"),
        ("000", "jurisdiction", "Quảng Nam"),
        ("001", "issuer", "T/M TỈNH ỦY"),
        ("002", "issuer", "UBND tỉnh"),
        ("002", "signer", "Nguyễn Tăng Bính"),
    ],
)
def test_evidence_points_at_the_printed_text(seed, field, printed):
    meta = meta_via_segment(seed)
    span = meta.evidence[field]
    assert segmented(seed).text.text[span.start : span.end] == printed


def test_jurisdiction_of_001_comes_from_the_province_the_text_names():
    """001 names no issuer with a province; "Quảng Ngãi phấn đấu trở thành tỉnh …" is its first mention."""
    meta = meta_via_segment("001")
    span = meta.evidence["jurisdiction"]
    text = segmented("001").text.text
    assert text[span.start : span.end + len(" phấn đấu")] == "Quảng Ngãi phấn đấu"


# ----------------------------------------------------------------------
# Constructed genre examples (not seed text): forms the seeds do not show.

# Constructed: a central Government resolution header, web-text layout.
CONSTRUCTED_CENTRAL = """CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 111/NQ-CP
Hà Nội, ngày 22 tháng 7 năm 2024
NGHỊ QUYẾT
BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 29-NQ/TW
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
QUYẾT NGHỊ:
Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ.
Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Lưu: VT, KTTH.
TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Lê Minh Khái
"""


def test_constructed_central_header_is_national():
    meta = extract_metadata(without_blocks(CONSTRUCTED_CENTRAL))
    ref = meta.ref
    assert (ref.type_code, ref.number, ref.symbol) == ("NQ", "111", "111/NQ-CP")
    assert (ref.issuer_code, ref.issuer_name, ref.jurisdiction) == ("CP", "Chính phủ", "vn")
    assert (ref.date, meta.place) == (dt.date(2024, 7, 22), "Hà Nội")
    # the enacting body's name "CHÍNH PHỦ" above "Căn cứ" is not part of the capitals title
    assert ref.title == "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 29-NQ/TW"
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. CHÍNH PHỦ",
        "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG",
        "Lê Minh Khái",
    )
    assert meta.inferred == [] and ref.jurisdiction_inferred is False


# Constructed: a PDF header flattened into two columns, number placeholder and blank day,
# and the signature printed beside the recipients list.
CONSTRUCTED_TWO_COLUMNS = """ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH ĐỊNH                   Độc lập - Tự do - Hạnh phúc
Số: #sovb /KH-UBND               Bình Định, ngày     tháng 11 năm 2023

KẾ HOẠCH
Phát triển công nghiệp hỗ trợ
trên địa bàn tỉnh

Thực hiện Quyết định số 68/QĐ-TTg ngày 18/01/2017 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH

Nơi nhận:                        TM. ỦY BAN NHÂN DÂN
- Bộ Công Thương;                KT. CHỦ TỊCH
- Lưu: VT, K7.                   PHÓ CHỦ TỊCH
                                 (Đã ký)
                                 Nguyễn Văn An
"""


def test_constructed_two_column_header_and_signature():
    meta = extract_metadata(without_blocks(CONSTRUCTED_TWO_COLUMNS))
    ref = meta.ref
    assert (ref.issuer_code, ref.issuer_name, ref.jurisdiction) == (
        "UBND",
        "Ủy ban nhân dân tỉnh Bình Định",
        "vn-31",
    )
    assert (meta.unnumbered, meta.number_placeholder) == (True, "Số: #sovb /KH-UBND")
    assert (ref.date, ref.year, meta.place) == (None, 2023, "Bình Định")
    assert ref.title == "Phát triển công nghiệp hỗ trợ trên địa bàn tỉnh"
    assert meta.recipients == ["Bộ Công Thương", "Lưu: VT, K7"]
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "Nguyễn Văn An",
    )


@pytest.mark.parametrize(
    "tail,expected",
    [
        ("/KH-UBND", ("KH", "UBND")),
        ("-NQ/TU", ("NQ", "TU")),
        ("/NQ-CP", ("NQ", "CP")),
        ("/QĐ-TTg", ("QĐ", "TTg")),
        ("-QĐ/TU", ("QĐi", "TU")),  # a Party "Quy định"
        ("-CTr/TU", ("CTr", "TU")),
        ("/SKHĐT-KTN", ("CV", "SKHĐT")),  # an official letter of Sở Kế hoạch và Đầu tư
        ("- NQ/TW", ("NQ", "TW")),
    ],
)
def test_parse_symbol_tail(tail, expected):
    assert parse_symbol_tail(tail) == expected


# Constructed: a headerless plan whose appendix note prints the real number and date.
CONSTRUCTED_HEADERLESS_WITH_NOTE = """KẾ HOẠCH
Phát triển du lịch năm 2025

Ủy ban nhân dân tỉnh Khánh Hòa ban hành Kế hoạch phát triển du lịch như sau:
I. MỤC TIÊU
Thu hút 10 triệu lượt khách.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An

Phụ lục
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 35/KH-UBND ngày 12/3/2025 của UBND tỉnh Khánh Hòa)
"""


def test_constructed_appendix_note_gives_number_and_date():
    meta = extract_metadata(without_blocks(CONSTRUCTED_HEADERLESS_WITH_NOTE))
    ref = meta.ref
    assert (ref.number, ref.symbol, meta.unnumbered, meta.number_placeholder) == (
        "35",
        "35/KH-UBND",
        False,
        None,
    )
    assert (ref.date, ref.year) == (dt.date(2025, 3, 12), 2025)
    assert (ref.issuer_code, ref.issuer_name, ref.jurisdiction) == (
        "UBND",
        "Ủy ban nhân dân tỉnh Khánh Hòa",
        "vn-34",
    )
    assert meta.inferred == ["number", "date", "issuer", "jurisdiction"]
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    )


# Constructed: a legal instrument's number carries its year ("15/2024/QĐ-UBND"); blank day and month.
CONSTRUCTED_LEGAL_NUMBER = """ỦY BAN NHÂN DÂN
THÀNH PHỐ ĐÀ NẴNG
Số: 15/2024/QĐ-UBND
Đà Nẵng, ngày     tháng     năm 2024
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
"""


def test_constructed_number_with_year_of_a_city():
    meta = extract_metadata(without_blocks(CONSTRUCTED_LEGAL_NUMBER))
    ref = meta.ref
    assert (ref.type_code, ref.number, ref.symbol) == ("QĐ", "15", "15/2024/QĐ-UBND")
    assert (ref.date, ref.year, meta.place) == (None, 2024, "Đà Nẵng")
    assert (ref.issuer_name, ref.jurisdiction) == ("Ủy ban nhân dân thành phố Đà Nẵng", "vn-dn")
    assert ref.title == "Ban hành Quy chế phối hợp"


# ------------------------------------------------------ head and tail lines


@pytest.mark.parametrize("seed", ["000", "004"])
def test_head_and_tail_lines_are_those_of_the_whole_split(seed):
    """The head is read line by line until a line is not kept, the tail start found from the end:
    the same lines as splitting the whole main text (and filtering it, or taking its last lines)."""
    body = segmented(seed).body
    for end in (0, 1, 200, len(body) // 2, len(body)):
        lines = _lines(body, 0, end)
        for count in (1, 15, 40, 10_000):
            assert _last_lines_start(body, end, count) == lines[-count:][0].start
        for title_end in (0, 150, 600, end + 1):
            assert _lines_while(body, end, lambda i, line, t=title_end: line.start < t) == [
                line for line in lines if line.start < title_end
            ]
            assert _lines_while(body, end, lambda i, line, t=title_end: i < 12 or line.start < t) == [
                line for i, line in enumerate(lines) if i < 12 or line.start < title_end
            ]
