"""Heads of scanned documents as Tesseract (vie, 300 dpi) reads them: the project's OCR output of
real PDFs of ``/work/shared/corpus/files`` (public GitHub repository ``Trangsct/skill-sct``), cut at
their first paragraphs and kept verbatim, misreadings included.  Each was missed before its rule.
"""

from __future__ import annotations

import hashlib

from graph.extract.metadata import extract_metadata
from graph.model import SourceFile
from graph.normalise import normalise
from graph.segment import segment


def meta_of(text: str, name: str):
    source = SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text)
    return extract_metadata(segment(normalise(source)))


# hc-sct-vn__QD-26-QD-XPVPHC-2026-Cuc-Hoa-chat-xu-phat-TNHH-TM-Hai-Dang.pdf: "QUYÉT" for "QUYẾT", the day
# stamped over ("ngàyOẨ"), the issuer's capitals misread ("CỤC HOA CHÁT")
PENALTY_DECISION = (
    "BỘ CÔNG THƯƠNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC HOA CHÁT    Độc lập - Tự do - Hạnh phúc\n\n"
    "/QĐ-XPVPHC    Hà Nội, ngàyOẨ tháng 7 năm 2026\n\nQUYÉT ĐỊNH\nXử phạt vi phạm hành chính\n\n"
    "CỤC TRƯỞNG CỤC HÓA CHÁT\n\nCăn cứ Luật Xử lý vi phạm hành chính 2012 (được sửa đổi, bồ sung năm\n2020, 2025);\n\n"
    "Căn cứ Quyết định số 464/QÐ-BCT ngày ló tháng 3 năm 2026 của Bộ\ntrưởng Bộ Công Thương về việc quy định chức "
    "năng, nhiệm vụ, quyên hạn và\ncơ cấu tổ chức của Cục Hoá chất;\n"
)
# hc-sct-vn__CV-813-CucHoaChat.pdf: a letter whose number and day were written in by hand
LETTER_813 = (
    "BỘ CÔNG THƯƠNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nCỤC HÓA CHÁT    Độc lập - Tự do - Hạnh phúc\n"
    "Số: Éđã /HC-CNHC    Hà Nội, ngày °ÔÖ tháng 4 năm 2026\nW⁄v trao đổi về một số quy định\n"
    "trong lĩnh vực hóa chất\n\nKính gửi: Cục Hải quan\n\nVà các vướng mắc trong quá trình thực hiện Nghị định "
    "hướng dẫn Luật\nHóa chất nêu tại Công văn số 15464/CHQ-GSQL ngày 20 tháng 4 năm 2026 của Cục Hải quan,\n"
    "Cục Hóa chất có ý kiến như sau:\n"
)
# kho-vlncn-sct-vn__3036_SCT_CN_KHKTNT_Kho_VLCN_tam_Thuydien_MongSen1_3.6.2026.pdf: "Só:" for "Số:"
LETTER_3036 = (
    "UBND TỈNH LÀO CAI    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG    Độc lập - Tự do - Hạnh phúc\n\n"
    "Só:3036 /SCT-CN    Lào Cai, ngày 28 tháng 5 năm 2026\n\nV/v kế hoạch kiểm tra công tác\n"
    "nghiệm thu hoàn thành công trình\n\nKính gửi: Công ty cỗ phần Năng lượng Bảo Long\n\n"
    "Sở Công Thương nhận được Giấy mời số 21.5/GM-BL ngày 21/5/2026 của\nCông ty Cổ phần Năng lượng Bảo Long.\n"
)
# kho-vlncn-sct-vn__Quyet-dinh-phe-duyet_TKBVTC_kho.pdf: a number typed into the blank before "/2026/"
COMPANY_DECISION = (
    "CÔNG TY CP ĐẦU TƯ XÂY DỰNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHẠ TÀNG VÀ GIAO THÔNG    Độc lập - Tự do - "
    "Hạnh phúc\nSố: 89 /2026/QĐ-CT    Hà Nội, ngày 08 tháng 5 năm 2026\nQUYÉT ĐỊNH\n\n"
    "Phê duyệt Thiết kế bản vẽ thi công công trình\n\nCăn cứ Nghị định số 175/2024/NĐ-CP ngày 30 tháng 12 năm 2024;\n"
)
# hnh-sct-vn__VD-BoCT-cap-GP-Cty-TQ.pdf: "GIÁY" for "GIẤY"
PERMIT = (
    "BỘ CÔNG THƯƠNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỐ: œ2 đGP-BCT    Độc lập = Tự do = Hạnh phúc\n\n"
    "GIÁY PHÉP\nVẬN CHUYÊN HÀNG HÓA NGUY HIẾM\n\nTheo đề nghị của: Công ty TNHH Vận tải Thông Đạt Vận Trình Quý Châu\n"
    "Bộ Công Thương cho phép:\n"
)
# sd-vlncn-sct-vn__Bien-ban-kiem-tra-hien-truong-Yen-Thanh-8.6.2026.pdf: "BIẾN BẢN KIỀM TRA"
MINUTES = (
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBIẾN BẢN KIỀM TRA\n\n"
    "Fhực tê khu vực sử dụng vật liệu nô công nghiệp\n\nHồm nay, ngày 08/6/2026, Sở Công Thương tiền hành kiếm tra "
    "thực tế khu vực\nsử đụng vật liệu nỗ công nghiệp.\n"
)


def test_a_type_line_in_capitals_is_read_whatever_tone_marks_ocr_gave_it():
    assert meta_of(PENALTY_DECISION, "qd26.pdf").ref.type_code == "QĐ"
    assert meta_of(COMPANY_DECISION, "qd89.pdf").ref.type_code == "QĐ"
    assert meta_of(PERMIT, "gp.pdf").ref.type_code == "GP"
    minutes = meta_of(MINUTES, "bb.pdf").ref
    assert (minutes.type_code, minutes.title) == ("BB", "KIỀM TRA")


def test_a_day_ocr_could_not_read_keeps_the_year():
    for text in (PENALTY_DECISION, LETTER_813):
        ref = meta_of(text, "scan.pdf").ref
        assert (ref.date, ref.year) == (None, 2026)


def test_an_issuer_in_misread_capitals_is_named_as_the_text_spells_it():
    assert meta_of(LETTER_813, "cv813.pdf").ref.issuer_name == "Cục Hóa chất"
    assert meta_of(PENALTY_DECISION, "qd26.pdf").ref.issuer_name == "Cục Hoá chất"


def test_a_number_label_read_as_so_with_an_acute_is_the_label():
    ref = meta_of(LETTER_3036, "cv3036.pdf").ref
    assert (ref.type_code, ref.symbol, ref.issuer_name) == ("CV", "3036/SCT-CN", "Sở Công Thương")


def test_a_number_typed_before_the_slash_of_its_year_is_read():
    assert meta_of(COMPANY_DECISION, "qd89.pdf").ref.symbol == "89/2026/QĐ-CT"
