"""Relations of forms the fifth held-out set (tests/corpus/holdout5, SOURCE.md) printed and the parser missed,
and the same forms in other real files: the holdout's texts are read whole; the other lines are excerpts
(unchanged) of the file of /work/shared/corpus/real named beside them (thuvienphapluat.vn pages of the public
repository tnt305/tai_lieu_noi_bo)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from graph.model import SourceFile
from graph.pipeline import parse_file, parse_source

HOLDOUT5 = Path(__file__).parent / "corpus" / "holdout5" / "texts"


def _parse(text: str, name: str):
    return parse_source(SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text))


def _own(doc, kind: str) -> set[str | None]:
    return {r.target.symbol for r in doc.relations if r.kind == kind and r.source is None}


def _pairs(doc, kind: str) -> set[tuple[str | None, str | None]]:
    return {(r.source.symbol, r.target.symbol) for r in doc.relations if r.kind == kind and r.source}


def test_a_wrapped_heading_repeals_each_numbered_item_even_past_a_wrapped_dash():
    # Quyết định 2688/QĐ-UBND of Quảng Trị: "Điều 1. Bãi bỏ các văn\nbản quy phạm pháp luật do UBND tỉnh Quảng
    # Bình, UBND tỉnh Quảng Trị (cũ) ban\nhành trong lĩnh vực xây dựng, cụ thể như sau:" over fourteen items
    # "1. Quyết định 90/2004/QĐ-UB\nngày …", item 1 wrapping onto a line "- Quảng Bình;" (the place name "Nam Lý
    # - Đồng Hới - Quảng Bình"): none was read before (the heading runs over three lines)
    doc = parse_file(HOLDOUT5 / "x83652dd1_quangtri-qd2688-bai-bo-xay-dung.txt")
    assert _own(doc, "repeals") == {
        "90/2004/QĐ-UB", "02/2007/QĐ-UBND", "07/2014/QĐ-UBND", "41/2014/QĐ-UBND", "04/2016/QĐ-UBND",
        "31/2016/QĐ-UBND", "04/2017/QĐ-UBND", "07/2017/QĐ-UBND", "38/2017/QĐ-UBND", "35/2018/QĐ-UBND",
        "19/2020/QĐ-UBND", "32/2022/QĐ-UBND", "33/2022/QĐ-UBND", "55/2022/QĐ-UBND",
    }  # fmt: skip


def test_a_dash_list_is_not_cut_by_numbered_lines_nor_a_numbered_list_by_dashes():
    # the same heading wrapped, its items' kind of marker kept: a wrapped line "- Quảng Bình;" inside item 1
    text = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSố: 2688/QĐ-UBND\nQuảng Trị, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "Điều 1. Bãi bỏ các văn\nbản quy phạm pháp luật do UBND tỉnh Quảng Bình, UBND tỉnh Quảng Trị (cũ) ban\n"
        "hành trong lĩnh vực xây dựng, cụ thể như sau:\n"
        "1. Quyết định 90/2004/QĐ-UB\nngày 16/12/2004 của UBND tỉnh Quảng Bình Ban hành điều lệ quản lý xây dựng theo\n"
        "quy hoạch chi tiết khu đất ở Nam đường Trần Hưng Đạo, phường Nam Lý - Đồng Hới\n- Quảng Bình;\n"
        "2. Quyết định số\n02/2007/QĐ-UBND ngày 31/01/2007 của UBND tỉnh Quảng Bình ban hành Quy định đánh\n"
        "số và gắn biển số nhà;\n"
        "Điều 2. Quyết định này\ncó hiệu lực thi hành kể từ ngày ký ban hành.\n"
    )
    assert _own(_parse(text, "83652dd19c6fef24.txt"), "repeals") == {"90/2004/QĐ-UB", "02/2007/QĐ-UBND"}


def test_a_law_named_alone_is_numbered_though_one_citation_of_it_is_misdated():
    # Quyết định 1936/QĐ-UBND of Thái Nguyên, Phụ lục I: "Luật Đầu tư số 61/2020/QH14 ngày 17/6/2020" twice and
    # once "… ngày 17/6/2021"; "Nghị định số 31/2021/NĐ-CP … Quy định chi tiết và hướng dẫn thi hành một số điều
    # của Luật Đầu tư", "Nghị định số 19/2025/NĐ-CP … Quy định chi tiết Luật Đầu tư …": the misdated citation
    # made two laws of that name, so neither guide was numbered
    doc = parse_file(HOLDOUT5 / "xcd648cfa_thainguyen-qd1936-tthc-dau-tu.txt")
    assert {("31/2021/NĐ-CP", "61/2020/QH14"), ("19/2025/NĐ-CP", "61/2020/QH14")} <= _pairs(doc, "guides")


def test_an_amending_law_amends_every_law_of_its_list_closed_by_va():
    # Nghị định 302/2025/NĐ-CP: "Luật số 43/2024/QH15 sửa đổi, bổ sung một số điều của Luật Đất đai số
    # 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức
    # tín dụng số 32/2024/QH15": the first and the last were read, not the two between
    doc = parse_file(HOLDOUT5 / "xc0555243_cp-nd302-quy-nha-o-quoc-gia.txt")
    amended = {t for s, t in _pairs(doc, "amends") if s == "43/2024/QH15"}
    assert {"31/2024/QH15", "27/2023/QH15", "29/2023/QH15", "32/2024/QH15"} <= amended


def test_a_comma_list_without_va_gives_no_further_object():
    # corpus/real 83652dd19c6fef24, its "Căn cứ" shape with the "và" dropped: "Nghị định số 187/2025/NĐ-CP …
    # sửa đổi, bổ sung một số điều của Nghị định số 78/2025/NĐ-CP …, Nghị định số 79/2025/NĐ-CP …" (the second
    # may be a sibling basis): only the first is amended
    text = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSố: 2688/QĐ-UBND\nQuảng Trị, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "Căn cứ Nghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ sửa đổi, bổ sung một số "
        "điều của Nghị định số 78/2025/NĐ-CP ngày 01/4/2025 của Chính phủ, Nghị định số 79/2025/NĐ-CP ngày 01 "
        "tháng 4 năm 2025 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Bãi bỏ Quyết định số 02/2007/QĐ-UBND.\n"
    )
    assert {t for s, t in _pairs(_parse(text, "83652dd19c6fef24.txt"), "amends")} == {"78/2025/NĐ-CP"}


def test_a_decree_guides_the_resolution_whose_measures_it_sets_after_another_subject():
    # Nghị định 302/2025/NĐ-CP, Điều 1: "Nghị định này quy định chi tiết về Quỹ nhà ở quốc gia (sau đây gọi là
    # Quỹ) và biện pháp thi hành một số điều của Nghị quyết số 201/2025/QH15 …": read as a mere basis before
    doc = parse_file(HOLDOUT5 / "xc0555243_cp-nd302-quy-nha-o-quoc-gia.txt")
    assert _own(doc, "guides") == {"201/2025/QH15"}


def test_a_bare_participle_after_a_comma_amends_in_the_passive():
    # corpus/files tkm-sct-vn__CV-tu-choi-BCKTKT-thuoc-tham-quyen-CDT.docx: "Thông tư hướng dẫn của Bộ Xây dựng:
    # số 06/2021/TT-BXD ngày 30/06/2021 quy định về phân cấp công trình xây dựng …, sửa đổi bổ sung bởi Thông tư
    # số 02/2025/TT-BXD ngày 31/03/2025, Thông tư số 09/2025/TT-BXD ngày 13/06/2025;" (no "được")
    doc = parse_file(HOLDOUT5 / "tkm-sct-vn__CV-tu-choi-BCKTKT-thuoc-tham-quyen-CDT.docx")
    # (and, since stop 19, the two adjustments of the investment approval: tests/test_relations_holdout6.py)
    assert _pairs(doc, "amends") == {
        ("02/2025/TT-BXD", "06/2021/TT-BXD"),
        ("09/2025/TT-BXD", "06/2021/TT-BXD"),
        ("1043/QĐ-UBND", "2081/QĐ-UBND"),
        ("2531/QĐ-UBND", "2081/QĐ-UBND"),
    }


def test_a_bare_participle_in_brackets_amends_in_the_passive():
    # corpus/real 6f76eaad0b5b95d8: "Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 về xử lý kỷ luật cán bộ, công
    # chức, viên chức (sửa đổi, bổ sung tại Nghị định số 71/2023/NĐ-CP ngày 20/9/2023)"
    text = (
        "BỘ NỘI VỤ\nSố: 1/BNV-CCVC\nHà Nội, ngày 2 tháng 12 năm 2025\nCÔNG VĂN\n"
        "Thực hiện Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 về xử lý kỷ luật cán bộ, công chức, viên chức "
        "(sửa đổi, bổ sung tại Nghị định số 71/2023/NĐ-CP ngày 20/9/2023), Bộ Nội vụ đề nghị các cơ quan rà soát.\n"
    )
    assert _pairs(_parse(text, "6f76eaad0b5b95d8.txt"), "amends") == {("71/2023/NĐ-CP", "112/2020/NĐ-CP")}


def test_a_second_object_after_a_title_naming_no_citation():
    # Quyết định 2688/QĐ-UBND of Quảng Trị: "Căn cứ Nghị định số\n187/2025/NĐ-CP … sửa đổi, bổ sung một số\nđiều
    # của Nghị định số 78/2025/NĐ-CP ngày 01/4/2025 của Chính phủ quy định chi\ntiết … hướng dẫn thi hành luật ban
    # hành văn\nbản quy phạm pháp luật và Nghị định số 79/2025/NĐ-CP …" (the law in lower case is no citation):
    # only 78/2025 was read
    doc = parse_file(HOLDOUT5 / "x83652dd1_quangtri-qd2688-bai-bo-xay-dung.txt")
    assert {t for s, t in _pairs(doc, "amends") if s == "187/2025/NĐ-CP"} == {
        "78/2025/NĐ-CP",
        "79/2025/NĐ-CP",
    }


def test_amending_the_appendices_attached_to_a_decision_amends_it():
    # Quyết định 1936/QĐ-UBND of Thái Nguyên: "Căn cứ Quyết định số 3532/QĐ-BTC ngày 17/10/2025\ncủa Bộ trưởng Bộ
    # Tài chính về sửa đổi, bổ sung một số nội dung tại Phụ lục I và\nPhụ lục II kèm theo Quyết định số
    # 3154/QĐ-BTC …" (read as attached-to before)
    doc = parse_file(HOLDOUT5 / "xcd648cfa_thainguyen-qd1936-tthc-dau-tu.txt")
    assert ("3532/QĐ-BTC", "3154/QĐ-BTC") in _pairs(doc, "amends")
    assert ("3532/QĐ-BTC", "3154/QĐ-BTC") not in _pairs(doc, "attached-to")


def test_a_line_wrapped_after_a_citation_keeps_its_verb_with_that_citation():
    # the same decision's Phụ lục I, a cell "- Thông tư số 25/2023/TT-BKHĐT ngày 31/12/2023\nsửa đổi, bổ sung một
    # số điều của thông tư số 03/2021/TT-BKHĐT …": the circular amends, the decision itself does not
    doc = parse_file(HOLDOUT5 / "xcd648cfa_thainguyen-qd1936-tthc-dau-tu.txt")
    assert ("25/2023/TT-BKHĐT", "03/2021/TT-BKHĐT") in _pairs(doc, "amends")
    assert "03/2021/TT-BKHĐT" not in _own(doc, "amends")


def test_removing_items_of_a_decision_amends_it():
    # Quyết định 1936/QĐ-UBND of Thái Nguyên: "Điều 2. Bãi bỏ 03 thủ tục hành chính (số\nthứ tự 04, 06, 07) được
    # ban hành kèm theo Quyết định số 1388/QĐ-UBND ngày\n06/10/2025 …": the decision stays in force (no relation
    # before)
    doc = parse_file(HOLDOUT5 / "xcd648cfa_thainguyen-qd1936-tthc-dau-tu.txt")
    assert "1388/QĐ-UBND" in _own(doc, "amends")
    assert "1388/QĐ-UBND" not in _own(doc, "repeals")


def test_removing_numbered_procedures_at_a_decision_amends_it():
    # corpus/real a3b56e35d1c2d0d2, its article on taking effect: "Quyết định này có hiệu lực thi hành kể từ ngày
    # ký. Bãi bỏ nội dung công bố thủ tục hành chính có thứ tự 1, 2, 3, 4, 5 tại Mục A và thứ tự 2 tại Mục B, Phụ
    # lục ban hành kèm theo Quyết định số 1347/QĐ-UBND ngày 09 tháng 9 năm 2025 …" (items cut short)
    text = (
        "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ\nSố: 2833/QĐ-UBND\nPhú Thọ, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký. Bãi bỏ nội dung công bố thủ tục hành chính "
        "có thứ tự 1, 2, 3, 4, 5 tại Mục A và thứ tự 2 tại Mục B, Phụ lục ban hành kèm theo Quyết định số "
        "1347/QĐ-UBND ngày 09 tháng 9 năm 2025 của Chủ tịch UBND tỉnh.\n"
    )
    assert _own(_parse(text, "a3b56e35d1c2d0d2.txt"), "amends") == {"1347/QĐ-UBND"}


def test_its_own_number_misprinted_in_its_appendix_note_is_no_citation():
    # Thông tư 55/2025/TT-BCT: "PHỤ LỤC\n(Ban hành kèm\ntheo Thông tư số 55/TT-BCT ngày 28 tháng 11 năm 2025 của Bộ
    # trưởng Bộ Công\nThương)" (no year in the symbol): counted as a cited document before
    doc = parse_file(HOLDOUT5 / "xf9ddad1e_bct-tt55-sua-doi-tt07-det-may.txt")
    assert "55/TT-BCT" not in {c.target.symbol for c in doc.citations}
    assert "07/2019/TT-BCT" in {c.target.symbol for c in doc.citations}


def test_a_law_numbered_with_its_subject_after_ve_is_the_law_a_decree_details():
    # corpus/files sd-vlncn-sct-vn__TTr-PANM-cong-trinh-bao-ve.docx (Tờ trình of Sở Công Thương Lào Cai), lines
    # 12-13: "Căn cứ Luật số 42/2024/QH15 ngày 29/6/2024 về Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ
    # trợ;" / "Căn cứ Nghị định số 181/2024/NĐ-CP … quy định chi tiết một số điều của Luật Quản lý, sử dụng vũ
    # khí, vật liệu nổ và công cụ hỗ trợ về vật liệu nổ công nghiệp …" (the guided law was left unnumbered)
    text = (
        "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 10/TTr-SCT\nLào Cai, ngày 5 tháng 3 năm 2026\nTỜ TRÌNH\n"
        "Căn cứ Luật số 42/2024/QH15 ngày 29/6/2024 về Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ;\n"
        "Căn cứ Nghị định số 181/2024/NĐ-CP ngày 31/12/2024 của Chính phủ quy định chi tiết một số điều của "
        "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ về vật liệu nổ công nghiệp và tiền chất "
        "thuốc nổ;\n"
    )
    assert ("181/2024/NĐ-CP", "42/2024/QH15") in _pairs(_parse(text, "TTr-PANM.docx"), "guides")


def test_a_law_whose_subject_runs_on_after_a_comma_is_still_named_by_it():
    # Quyết định 1050/QĐ-SCT (its OCR'd text, "chỉ tiết" read "chi tiết"): "Căn cứ Luật số 15/2012/QH13 ngày
    # 20/6/2012 về Xử lý vi phạm hành\nchính, sửa đổi bổ sung năm 2025;" / "Căn cứ Nghị định số 189/2025/NĐ-CP
    # ngày 01/7/2025 của Chính phủ quy định\nchi tiết Luật Xử lý vi phạm hành chính về thẩm quyền xử phạt …"
    text = (
        "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 1050/QĐ-SCT\nLào Cai, ngày 06 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
        "Căn cứ Luật số 15/2012/QH13 ngày 20/6/2012 về Xử lý vi phạm hành\nchính, sửa đổi bổ sung năm 2025;\n"
        "Căn cứ Nghị định số 189/2025/NĐ-CP ngày 01/7/2025 của Chính phủ quy định\nchi tiết Luật Xử lý vi phạm "
        "hành chính về thẩm quyền xử phạt vi phạm hành chính;\n"
    )
    assert ("189/2025/NĐ-CP", "15/2012/QH13") in _pairs(_parse(text, "QD-1050.pdf"), "guides")


def test_adjusting_a_clause_of_a_permit_named_by_type_and_subject_amends_it():
    # corpus/files sd-vlncn-sct-vn__QD-dieu-chinh-GP-Hom-Duoi.docx (unnumbered): "Điều 1. Điều chỉnh khoản 1, Điều
    # 2, Giấy phép sử dụng vật liệu nổ công nghiệp số 371/GP-UBND ngày 06/02/2026 do Chủ tịch UBND tỉnh Lào Cai
    # cấp cho Công ty TNHH MTV Duy Cương, cụ thể như sau:"
    doc = parse_file(HOLDOUT5 / "sd-vlncn-sct-vn__QD-dieu-chinh-GP-Hom-Duoi.docx")
    assert _own(doc, "amends") == {"371/GP-UBND"}


def test_a_change_after_an_inline_recommendation_label_is_only_recommended():
    # corpus/real d8df85cac631ac19 (a decision passing a plan to simplify procedures), line 482: "d. Kiến nghị
    # thực thi: Sửa đổi khoản 13, Điều 1 Nghị định số 61/2020/NĐ-CP ngày 29/05/2020 của Chính Phủ …": the decision
    # changes nothing
    text = (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nSố: 2843/QĐ-UBND\nThành phố Hồ Chí Minh, ngày 20 tháng 11 năm 2025\n"
        "QUYẾT ĐỊNH\n"
        "c. Lợi ích: Rút ngắn thời gian khi giải TTHC cho người lao động.\n"
        "d. Kiến nghị thực thi: Sửa đổi khoản 13, Điều 1 Nghị định số 61/2020/NĐ-CP ngày 29/05/2020 của Chính Phủ "
        "thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp.\n"
    )
    assert _own(_parse(text, "d8df85cac631ac19.txt"), "amends") == set()
