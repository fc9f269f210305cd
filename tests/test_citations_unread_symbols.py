"""Symbols printed in corpus/real that no citation covered (stop 18: a probe listing every symbol-like
token outside the citations found: 254 of them at the stop's start, most in English translations appended
to web pages; benchmarks/recall_probes.py).
The Vietnamese forms among them, each quoted from the corpus/real file named beside it."""

from __future__ import annotations

from excerpt_support import extracted


def _cited(text: str) -> list[tuple[str | None, str | None]]:
    citations, _ = extracted(text)
    return [(c.target.type_code, c.target.symbol) for c in citations]


def test_a_number_word_with_a_colon():
    # 5298da2adb9eb4fe, the note over an appendix (25 files print "Quyết định số: …" there)
    line = "(Kèm theo Quyết định số: 203/QĐ-UBND ngày 28 tháng 11 năm 2025 của Chủ tịch UBND tỉnh Cao Bằng)"
    assert _cited(line) == [("QĐ", "203/QĐ-UBND")]


def test_a_list_of_letters_after_a_number_word_with_a_colon():
    # d600829aa1fa6596
    line = (
        "Bộ trưởng Bộ Nông nghiệp và Môi trường tại các văn bản số: 8004/BNNMT-ĐCKS ngày 17 tháng 10 năm 2025, "
        "8008/BNNMT-ĐCKS ngày 17 tháng 10 năm 2025 và 8796/BNNMT-ĐCKS ngày 06 tháng 11 năm 2025"
    )
    assert _cited(line) == [("CV", "8004/BNNMT-ĐCKS"), ("CV", "8008/BNNMT-ĐCKS"), ("CV", "8796/BNNMT-ĐCKS")]


def test_a_documents_own_number_line_is_no_citation():
    # 322358d6040a153b: the "Số:" line of the document itself
    assert _cited("Số: 170/QĐ-BCĐNNDL\nHà Nội, ngày 20 tháng 11 năm 2025\n") == []


def test_letters_listed_after_van_ban_and_a_colon():
    # 0f98ee482389e59e
    line = (
        "(sau khi có ý kiến của Sở Nội vụ tại các Văn bản: số 4104/SNV- XDCQ&TCBC ngày 28/8/2025, số "
        "5786/SNV-XDCQ&TCBC ngày 13/11/2025)"
    )
    assert _cited(line) == [("CV", "4104/SNV-XDCQ&TCBC"), ("CV", "5786/SNV-XDCQ&TCBC")]


def test_a_letter_called_by_what_it_does():
    # 27e00d593ec30fac, 58afeb4af978fe53
    assert _cited("Văn bản giải trình, tiếp thu số 6253/UBND-SNV ngày 25 tháng 11 năm 2025 của UBND") == [
        ("CV", "6253/UBND-SNV")
    ]
    assert _cited("Văn bản giải trình số 6260/UBND-ĐT ngày 25 tháng 11 năm 2025 của Ủy ban nhân dân") == [
        ("CV", "6260/UBND-ĐT")
    ]


def test_a_letter_called_vb():
    # 74e2ddc7b11340da
    assert _cited("- Ngày 05/11/2025, VPCP có VB số 10781/VPCP-CN gửi Bộ trưởng Bộ Xây dựng") == [
        ("CV", "10781/VPCP-CN")
    ]


def test_a_department_numbered_in_roman_figures():
    # 8018a6f353d60a9e: the Government Office's Vụ I; 947faf570b64de0a: a regional tax office
    line = (
        "tại Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025 và số 7514/VPCP-V.I ngày 12 tháng 8 năm 2025"
    )
    assert _cited(line) == [("CV", "6721/VPCP-V.I"), ("CV", "7514/VPCP-V.I")]
    assert _cited("theo công văn số 545/CCTKV.VIII-CNTK ngày 02/6/2025") == [("CV", "545/CCTKV.VIII-CNTK")]


def test_an_ordinance_by_name_and_number():
    # 0abcf1a5292b31ec (Nghị quyết 37/2025/NQ-HĐND of Huế): Pháp lệnh was no document type, its citation none
    line = "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;\n"
    citations, _ = extracted(line)
    ((ref,),) = [[c.target for c in citations]]
    assert (ref.type_code, ref.symbol, ref.issuer_code, ref.name) == (
        "PL",
        "02/2020/UBTVQH14",
        "UBTVQH",
        "Pháp lệnh Ưu đãi người có công với cách mạng",
    )


def test_a_decree_guides_the_ordinance_the_same_text_numbers():
    # ad52bc0b105a20cd: the ordinance numbered in one line, named alone in the next
    text = (
        "- Pháp lệnh số 02/2020/UBTVQH14 ngày 09/12/2020 của Ủy ban Thường vụ Quốc hội;\n"
        "- Nghị định số 131/2021/NĐ-CP ngày 30/12/2021 của Chính phủ quy định chi tiết và biện pháp thi hành "
        "Pháp lệnh Ưu đãi người có công với cách mạng.\n"
    )
    citations, relations = extracted(text)
    assert [(c.target.type_code, c.target.symbol) for c in citations][:2] == [
        ("PL", "02/2020/UBTVQH14"),
        ("NĐ", "131/2021/NĐ-CP"),
    ]
    assert [(r.kind, r.source.symbol, r.target.type_code) for r in relations if r.source] == [
        ("guides", "131/2021/NĐ-CP", "PL")
    ]


def _laws(text: str) -> list[tuple[str | None, str | None]]:
    citations, _ = extracted(text)
    return [(c.target.name, c.target.symbol) for c in citations if c.target.type_code == "L"]


def test_a_law_named_in_lower_case_before_its_number():
    # e3cc96834c0a575f, 2d563450d5a57ad1
    assert _laws("- Tại Điều 11 Luật thuế thu nhập cá nhân số 04/2007/QH12 quy định thu nhập") == [
        ("Luật Thuế thu nhập cá nhân", "04/2007/QH12")
    ]
    assert _laws(
        "Căn cứ Luật phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15 ngày 29 tháng 11 năm 2024;"
    ) == [("Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "55/2024/QH15")]


def test_a_law_named_in_title_case_past_and_before_its_number():
    # 475126f38cb26cc2 (cut to "Luật Quản lý" before), d5015b24faef2597
    assert _laws("Căn cứ Luật Quản lý và Đầu tư vốn Nhà nước tại doanh nghiệp số 68/2025/QH15;") == [
        ("Luật Quản lý và Đầu tư vốn Nhà nước tại doanh nghiệp", "68/2025/QH15")
    ]
    assert _laws("- Luật Địa chất và Khoáng sản số 54/2024/QH15 ngày 29/11/2024;") == [
        ("Luật Địa chất và Khoáng sản", "54/2024/QH15")
    ]


def test_a_law_number_printed_without_so():
    # 64ac847426fe67d5, e598d95fb5f390a4
    assert _laws("khoản 1 và khoản 2 Điều 13 Luật Thuế GTGT 13/2008/QH12 (đã được sửa đổi") == [
        ("Luật Thuế GTGT", "13/2008/QH12")
    ]
    assert _laws("Căn cứ Luật quản lý, sử dụng tài sản công 15/2017/QH14;") == [
        ("Luật Quản lý, sử dụng tài sản công", "15/2017/QH14")
    ]


def test_a_law_in_a_title_in_capitals_and_a_code_called_bo_luat():
    # edc6fac0e3b32fd3 (its title), c07c9fc611a5356b
    title = (
        "CÔNG TRÌNH ĐƯỢC ĐƯA VÀO SỬ DỤNG TRƯỚC KHI LUẬT PHÒNG CHÁY VÀ CHỮA CHÁY SỐ 27/2001/QH10 CÓ HIỆU LỰC"
    )
    assert _laws(title) == [("Luật Phòng cháy và chữa cháy", "27/2001/QH10")]
    assert _laws("khoản 1 Điều 372 Bộ Luật tố tụng hình sự số 01/2015/QH13 ngày 27/11/2015 quy định") == [
        ("Bộ luật Tố tụng hình sự", "01/2015/QH13")
    ]


def test_a_law_number_after_so_and_a_colon_and_a_name_holding_tan_so():
    # corpus/files hc-sct-vn__Danh-muc-VBQPPL-hoa-chat.docx, hnh-sct-vn__Luat-Thanh-tra-84-2025.docx
    assert _laws("1. Luật hóa chất số: 06/2007/QH12 ngày 21/11/2007 của Quốc hội") == [
        ("Luật Hóa chất", "06/2007/QH12")
    ]
    assert _laws("bãi bỏ Điều 7 của Luật Tần số vô tuyến điện số 42/2009/QH12 đã được sửa đổi") == [
        ("Luật Tần số vô tuyến điện", "42/2009/QH12")
    ]


def _self(text: str) -> list[tuple[str, str | None]]:
    _, relations = extracted(text)
    return [(r.kind, r.target.symbol) for r in relations if r.source is None]


def test_a_repeal_under_a_dash_or_a_letter():
    # 741f24db1e774799 (Điều 3 of a decision), d5f01e57dbf5a890 (a resolution's "5. Nghị quyết này bãi bỏ …")
    dash = (
        "Điều 3. Hiệu lực và trách nhiệm thi hành\n1. Quyết định có hiệu lực thi hành\nkể từ ngày ký\n"
        "- Bãi bỏ Quyết định số 1374/QĐ-UBND\nngày 30 tháng 6 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh;\n"
    )
    assert _self(dash) == [("repeals", "1374/QĐ-UBND")]
    letter = (
        "5. Nghị quyết này bãi bỏ\ncác văn bản sau:\n"
        "b) Bãi bỏ toàn bộ Nghị\nquyết số 10/2022/NQ-HĐND ngày 07 tháng 7 năm 2022 của Hội đồng nhân dân tỉnh\n"
    )
    assert _self(letter) == [("repeals", "10/2022/NQ-HĐND")]


def test_a_replacement_at_the_same_time():
    # 5be267825b46d313
    line = (
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký; đồng thời thay thế Quyết định số "
        "899/QĐ-UBND ngày 20 tháng 8 năm 2025 của Chủ tịch Uỷ ban nhân dân thành phố"
    )
    assert _self(line) == [("replaces", "899/QĐ-UBND")]


def test_standards_and_technical_regulations_by_their_code():
    # dev h03 (Hà Nội KH 308), its one citation missed before; corpus/real 6d0e277c7b88a914, edc6fac0e3b32fd3
    line = (
        "- Triển khai các phương án bảo đảm an toàn thông tin, an ninh mạng cho các cơ sở dữ liệu quốc gia "
        "theo tiêu chuẩn TCVN 14423:2025 về An ninh mạng - Yêu cầu đối với hệ thống thông tin quan trọng."
    )
    assert _cited(line) == [("TCVN", "TCVN 14423:2025")]
    line = "b) Quy chuẩn QCVN 01:2022/BQP về rà phá bom mìn vật nổ; tại Phụ lục H QCVN 06:2022/BXD và Sửa đổi 1:2023"
    assert _cited(line) == [("QCVN", "QCVN 01:2022/BQP"), ("QCVN", "QCVN 06:2022/BXD")]
    # a company's own standard is none (corpus/real 1796a553dfee88ef)
    assert _cited("- Tiêu chuẩn cơ sở 661: 2018/BVTV quy trình công bố dịch hại") == []
