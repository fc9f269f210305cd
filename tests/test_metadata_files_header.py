"""A document's own number in header forms of the real originals of ``/work/shared/corpus/files`` (Word and
PDF files of the public repository Trangsct/skill-sct) that the parser misread: each excerpt is the file's
first lines, unchanged, as the project's reader gives them (file named beside); each test failed before
its rule.  Found by ``benchmarks/header_consistency.py /work/shared/corpus/files --list``."""

from __future__ import annotations

import datetime as dt
import hashlib

from graph.extract.metadata import extract_metadata
from graph.model import SourceFile
from graph.normalise import latin_symbols, normalise
from graph.segment import segment


def meta_of(text: str, name: str):
    source = SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text)
    return extract_metadata(segment(normalise(source)))


# qlks-sct-vn__NQ-66.19-2026-NQ-CP-toan-van.docx: one of the Government's numbered series of special
# resolutions (66.1 … 66.19/2026/NQ-CP), the series number and a dot before the item's
SERIES_RESOLUTION = (
    "CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc \n---------------\n"
    "Số: 66.19/2026/NQ-CP\nHà Nội, ngày 18 tháng 5 năm 2026\n \nNGHỊ QUYẾT\n"
    "VỀ CẮT GIẢM, PHÂN QUYỀN, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH VÀ CẮT GIẢM, ĐƠN GIẢN HÓA ĐIỀU KIỆN KINH DOANH "
    "THUỘC PHẠM VI QUẢN LÝ CỦA BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"
    "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n"
    "Căn cứ Nghị quyết số 206/2025/QH15 của Quốc hội về cơ chế đặc biệt xử lý khó khăn, vướng mắc do quy định "
    "của pháp luật;\nTheo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường;\n"
    "Chính phủ ban hành Nghị quyết cắt giảm, phân quyền, đơn giản hóa thủ tục hành chính và cắt giảm, đơn giản "
    "hóa điều kiện kinh doanh thuộc phạm vi quản lý của Bộ Nông nghiệp và Môi trường.\n"
    "Điều 1. Phạm vi điều chỉnh\n"
)


def test_a_number_of_a_numbered_series_keeps_its_dot():
    ref = meta_of(SERIES_RESOLUTION, "nq66.19.docx").ref
    assert (ref.type_code, ref.number, ref.symbol, ref.issuer_code) == (
        "NQ",
        "66.19",
        "66.19/2026/NQ-CP",
        "CP",
    )


# hc-sct-vn__Huong-dan-lien-nganh-24-N2O.pdf (a scan's text layer, also tests/corpus/holdout4): the joint
# symbol of seven bodies wraps in its narrow column after a dash, and the scanner's OCR gave Cyrillic
# look-alikes for "BCT-BTC" on the second line ("ВСТ-ВТC": Cyrillic VE, ES, TE)
JOINT_GUIDANCE = (
    "BỘ CÔNG AN BỘ QUỐC PHÒNG -    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "BỘ Y TẾ - BỘ -CÔNG THƯƠNG -    Độc lập - Tự do - Hạnh phúc\n"
    "BỘ TÀI C HÍNH - VIỆN KIỂM S ÁT\nNHÂN DÂN TÓI CAO - TÒA ÁN\nNHÂN DÂN TÓI CAO\n\n"
    "Số: 24 /HDLN-BCA-BQP-BYT-    Hà Nội, ngày 25 tháng 6 năm 2026\n"
    "\u0412\u0421\u0422-\u0412\u0422C-VKSNDTC-TANDTC\n\n"
    "HƯỚNG DẪN LIÊN NGÀNH\nVề việc xử lý đối với hành vi vi phạm liên quan đến\n"
    "sản xuất, buôn bán, vận chuyển, tàng trữ N2O\n\n"
    "- Căn cứ mục 2.2, Nghị quyết số 173/2024/QH15 ngày 30/11/2024 của\n"
    "Quốc hội quy định: “Quốc hội thống nhất cám sản xuất, kinh doanh, nhập khẩu,\n"
)


def test_a_symbol_wrapped_after_a_dash_goes_on_on_the_next_line():
    ref = meta_of(JOINT_GUIDANCE, "hdln24.pdf").ref
    assert (ref.type_label, ref.symbol, ref.date) == (
        "Hướng dẫn",
        "24/HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC-TANDTC",
        dt.date(2026, 6, 25),
    )


def test_a_dash_that_ends_a_symbol_with_no_code_under_it_is_dropped():
    # the same head with the next line a title, not codes: the symbol is what the first line prints
    text = JOINT_GUIDANCE.replace("\u0412\u0421\u0422-\u0412\u0422C-VKSNDTC-TANDTC\n", "")
    assert meta_of(text, "hdln24.pdf").ref.symbol == "24/HDLN-BCA-BQP-BYT"


def test_cyrillic_look_alikes_in_a_code_run_mixed_with_latin_are_made_latin():
    # a run of capital codes joined by dashes that mixes Latin and Cyrillic letters is a symbol; a Russian word
    # and a run of Cyrillic capitals alone stay
    mixed, russian, cyrillic_codes = (
        "\u0412\u0421\u0422-\u0412\u0422C-VKSNDTC",
        "\u0412\u044c\u0435\u0442\u043d\u0430\u043c",
        "\u0412\u0421\u0422-\u0412\u0422\u0421",
    )
    text = f"{mixed}, {russian}, {cyrillic_codes}"
    assert latin_symbols(text) == f"BCT-BTC-VKSNDTC, {russian}, {cyrillic_codes}"
