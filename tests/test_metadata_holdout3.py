"""A document's own metadata in forms the third held-out set (tests/corpus/holdout3, SOURCE.md) printed and the
parser missed, and the same forms in other real files: the holdout's texts are read whole; the other lines are
excerpts (unchanged) of the file of /work/shared/corpus/real named beside them (thuvienphapluat.vn pages of the
public repository tnt305/tai_lieu_noi_bo)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.extract.metadata import extract_metadata
from graph.model import SourceFile
from graph.normalise import normalise
from graph.pipeline import parse_file
from graph.segment import segment

HOLDOUT3 = Path(__file__).parent / "corpus" / "holdout3" / "texts"


def meta_of(text: str, name: str):
    source = SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text)
    return extract_metadata(segment(normalise(source)))


# ------------------------------------------------------------ one-line signature blocks

# A web page prints the signature block on one line, the name after the capitals: ~280 files of corpus/real end
# so and had no signer (138 of 636 documents of real + files had one, 555 now).
SIGNED_ON_ONE_LINE = [
    (  # authority, capacity and name
        "x8fe888e4_caobang-qd2003-xa-mien-nui.txt",
        ("TM. UỶ BAN NHÂN DÂN", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Hoàng Văn Thạch"),
    ),
    (  # a title that signs alone
        "x98b67fb1_hanoi-nq51-hdnd-thu-y.txt",
        (None, "CHỦ TỊCH", "Phùng Thị Hồng Hà"),
    ),
    (
        "x875cbe61_bxd-tt37-gia-dang-kiem-tau.txt",
        (None, "KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Nguyễn Xuân Sang"),
    ),
    (  # a consolidated text's authentication, and a rank before the name
        "x8180ae11_bqp-vbhn92-che-do-quan-nhan.txt",
        (None, "KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Võ Minh Lương"),
    ),
    (  # the Word original of a law: the Speaker's title over blank lines and the name
        "qlks-sct-vn__Luat-147-2025-QH15-sua-Luat-DCKS.docx",
        (None, "CHỦ TỊCH QUỐC HỘI", "Trần Thanh Mẫn"),
    ),
]


@pytest.mark.parametrize("name, expected", SIGNED_ON_ONE_LINE, ids=[n for n, _ in SIGNED_ON_ONE_LINE])
def test_a_signature_block_on_one_line_gives_the_signer(name, expected):
    meta = parse_file(HOLDOUT3 / name).meta
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == expected


HEADER_DN = (  # corpus/real 5545b1799f2968c0.txt lines 1-7 and 101-102
    "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 81/2025/QĐ-UBND\nĐà Nẵng, ngày 17 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    "Điều 1. Bãi bỏ.\n"
    "Nơi nhận:\n- Lưu: VT, ĐTĐT, SXD.\nTM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Quang Nam\n"
)
HEADER_CT = (  # corpus/real 005d8820eb95c1cb.txt lines 1-6 and 56-57: two capacities, the second run together
    "BỘ TÀI CHÍNH CỤC THUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 5348/CT-CS V/v hướng dẫn góp vốn điều lệ\nHà Nội, ngày 20 tháng 11 năm 2025\n"
    "Kính gửi: Thuế tỉnh Quảng Trị.\n"
    "Nơi nhận:\n- Lưu: VT, CS.\n"
    "TL. CỤC TRƯỞNG KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ PHÓ TRƯỞNG BAN Phạm Thị Minh Hiền\n"
)


def test_the_title_signing_for_the_body_is_cut_from_the_authority_5545b1799f2968c0():
    meta = meta_of(HEADER_DN, "5545b1799f2968c0.txt")
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lê Quang Nam",
    )
    assert meta.ref.issuer_code == "UBND"


def test_each_capacity_of_a_one_line_block_is_a_line_005d8820eb95c1cb():
    meta = meta_of(HEADER_CT, "005d8820eb95c1cb.txt")
    assert (meta.signer_capacity, meta.signer) == (
        "TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ PHÓ TRƯỞNG BAN",
        "Phạm Thị Minh Hiền",
    )


def test_capitals_with_no_name_after_them_give_no_signer():
    # the Standing Committee's block, its title glued to its body and no name printed
    meta = parse_file(HOLDOUT3 / "xa57bf3fe_ubtvqh-nq1654-sap-xep-xa-an-giang.txt").meta
    assert (meta.signing_authority, meta.signer) == ("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH", None)
