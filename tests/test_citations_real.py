"""Citations of the forms real documents print and the seeds do not: documents of a list named by
their symbol alone, submissions (Tờ trình) and reports named with more words than their type, "so"
typed for "số".  Each sentence is copied unchanged from the file of /work/shared/corpus/real named
beside it (corpus README: thuvienphapluat.vn pages of the public repository tnt305/tai_lieu_noi_bo)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.extract.citations import find_citations
from test_relations_real import SELF, relations


def cited(text: str, home: str | None = "vn-22") -> list[tuple[str | None, str | None, dt.date | None]]:
    return [(c.target.type_label, c.target.symbol, c.target.date) for c in find_citations(text, home=home)]


def test_decrees_listed_after_the_type_and_a_colon():
    # 43ce594e2a648040.txt, the preamble of a decision publishing procedures
    text = (
        "Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP ngày 08/6/2010 về kiểm soát\n"
        "thủ tục hành chính; số 48/2013/NĐ-CP ngày 14/5/2013 và số 92/2017/NĐ-CP ngày\n"
        "07/8/2017 sửa đổi, bổ sung một số điều của các Nghị định liên quan đến kiểm soát\n"
        "thủ tục hành chính; số 118/2025/NĐ-CP ngày 09/6/2025 về thực hiện thủ tục hành\n"
        "chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch\n"
        "vụ công quốc gia;"
    )
    assert cited(text) == [
        ("Nghị định", "63/2010/NĐ-CP", dt.date(2010, 6, 8)),
        ("Nghị định", "48/2013/NĐ-CP", dt.date(2013, 5, 14)),
        ("Nghị định", "92/2017/NĐ-CP", dt.date(2017, 8, 7)),
        ("Nghị định", "118/2025/NĐ-CP", dt.date(2025, 6, 9)),
    ]


def test_laws_listed_without_a_type_code_take_the_type_of_their_list():
    # cfc85d8b3511af54.txt: the legislature prints no type code in its symbols
    text = (
        "Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung một số điều bởi các Luật số "
        "43/2024/QH15, số 47/2024/QH15, số 58/2024/QH15, Luật số 71/2025/QH15, số 84/2025/QH15, "
        "số 93/2025/QH15 và số 95/2025/QH15;"
    )
    laws = [symbol for kind, symbol, _ in cited(text) if kind == "Luật"]
    assert laws == [
        "31/2024/QH15",
        "43/2024/QH15",
        "47/2024/QH15",
        "58/2024/QH15",
        "71/2025/QH15",
        "84/2025/QH15",
        "93/2025/QH15",
        "95/2025/QH15",
    ]


def test_a_symbol_without_a_type_code_after_a_typed_one_is_left_out():
    # 2dd703fa6cbbc87b.txt: a report, then a letter of the same department ("số 1890/STP-…" is no report)
    text = (
        "Các Văn bản thẩm định và tham gia ý kiến\ncủa Sở Tư pháp: Số 294/BC-STP ngày 12 tháng 9 năm "
        "2025, số\n1890/STP-VB&TDTHPL ngày 24 tháng 10 năm 2025 và ý kiến thống nhất của thành"
    )
    assert cited(text) == [("Báo cáo", "294/BC-STP", dt.date(2025, 9, 12))]


def test_the_next_of_a_list_without_so():
    # db39a42d7d789171.txt
    text = (
        "Quyết định 79/2025/QĐ-UBND bãi bỏ Quyết định 09/2022/QĐ-UBND và 08/2025/QĐ-UBND bãi bỏ một "
        "phần Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp tỉnh Hà Tĩnh"
    )
    found = find_citations(text, home="vn-23")
    assert [c.target.symbol for c in found] == ["79/2025/QĐ-UBND", "09/2022/QĐ-UBND", "08/2025/QĐ-UBND"]
    assert found[2].text == "08/2025/QĐ-UBND"  # the span starts at the symbol, not at "và"


def test_a_submission_and_reports_named_with_more_words_than_their_type():
    # 03741adae8c7c410.txt, a city council resolution answering the People's Committee
    text = (
        "Hà Nội Báo cáo thẩm tra số 113/BC-BPC ngày 22 tháng 11 năm 2025 của Ban Pháp chế\n"
        "Hội đồng nhân dân Thành phố; Báo cáo giải trình, tiếp thu số 466/BC-UBND ngày\n"
        "24 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố; ý kiến thảo luận của đại biểu"
    )
    assert cited(text, "vn-01") == [
        ("Báo cáo", "113/BC-BPC", dt.date(2025, 11, 22)),
        ("Báo cáo", "466/BC-UBND", dt.date(2025, 11, 24)),
    ]
    # c53841af6c236aed.txt
    ref = find_citations(
        "Xét Tờ trình số 471/TTr-UBND ngày 12 tháng 11\nnăm 2025 của Ủy ban nhân dân tỉnh về dự thảo Nghị quyết",
        home="vn-86",
    )[0].target
    assert (ref.type_code, ref.type_label, ref.symbol, ref.date, ref.issuer_code, ref.jurisdiction) == (
        "TTr",
        "Tờ trình",
        "471/TTr-UBND",
        dt.date(2025, 11, 12),
        "UBND",
        "vn-86",
    )


def test_so_typed_for_so():
    # 99c7d8fff9e4572e.txt
    text = (
        "- Tổ chức quán triệt, triển khai thực hiện Chỉ thị so 41-CT/TW ngày 26/12/2024 của Bộ Chính trị, "
        "Kế hoạch số 319-KH/TU ngày 10/4/2025 của Tỉnh ủy về tăng cường"
    )
    assert cited(text) == [
        ("Chỉ thị", "41-CT/TW", dt.date(2024, 12, 26)),
        ("Kế hoạch", "319-KH/TU", dt.date(2025, 4, 10)),
    ]


def test_what_a_submission_proposes_is_not_its_own_relation():
    # 5eaeb632f6582871.txt: the draft resolution replaces 32/2024/NQ-HĐND, not the submission
    text = (
        "Xét Tờ trình số\n382/TTr-UBND ngày 12 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố đề nghị\n"
        "ban hành Nghị quyết thay thế Nghị quyết số 32/2024/NQ-HĐND ngày 19 tháng 11 năm\n"
        "2024 của Hội đồng nhân dân Thành phố về danh hiệu Công dân danh dự Thủ đô;"
    )
    assert not [r for r in relations(text) if r[1] == "382/TTr-UBND"]


def test_letters_listed_after_one_type_name():
    # 4768df91f00a5ddd.txt: letters print no type code in their symbols; the list is of the type named before it
    text = (
        "khẩu của doanh nghiệp FDI được hướng dẫn tại các công văn số 695/TCHQ-GSQL ngày\n"
        "05/02/2021, 4032/TCHQ-GSQL ngày 16/8/2021 và 1238/GSQL-GQ2 ngày 29/7/2024 của Tổng"
    )
    assert cited(text, "vn") == [
        ("Công văn", "695/TCHQ-GSQL", dt.date(2021, 2, 5)),
        ("Công văn", "4032/TCHQ-GSQL", dt.date(2021, 8, 16)),
        ("Công văn", "1238/GSQL-GQ2", dt.date(2024, 7, 29)),
    ]


# ceb89a53c7b93f00.txt, the preamble of a provincial plan (lines 9-20, unchanged)
CEB89_PREAMBLE = (
    "KẾ HOẠCH\n"
    "PHÁT TRIỂN HỆ THỐNG SÓNG VIỄN THÔNG 5G, INTERNET VẠN VẬT (IOT) TẠI CÁC KHU CÔNG NGHIỆP NGHỆ AN GIAI "
    "ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2045\n"
    "Triển khai Kế hoạch hành động số 328-KH/TU ngày\n"
    "24/4/2025 của Ban chấp hành Đảng bộ tỉnh Nghệ An về việc thực hiện Nghị quyết số\n"
    "57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh; Kế hoạch số\n"
    "348/KH-UBND ngày 14/5/2025 của UBND tỉnh về triển khai thực hiện Nghị quyết số\n"
    "71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch hành động số 328-KH/TU, ngày\n"
    "24/4/2025 của Tỉnh ủy; Kế hoạch số 01-KH/BCĐ ngày 28/06/2025 của Ban Chỉ đạo\n"
    "phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành\n"
    "chính và đề án 06 về Kế hoạch hành động triển khai thực hiện Kế hoạch số\n"
    "02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh\n"
    "ban hành Kế hoạch phát triển hệ thống sóng viễn thông 5G, Internet vạn vật\n"
    "(IoT) tại các Khu công nghiệp trên địa bàn tỉnh giai đoạn 2026 - 2030, tầm nhìn\n"
    "đến năm 2045 như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
)


def test_a_preamble_opening_with_trien_khai_and_an_action_plan_by_its_name():
    found = relations(CEB89_PREAMBLE)
    carried_out = {target for kind, source, target in found if kind == "implements" and source == SELF}
    assert carried_out == {"328-KH/TU", "348/KH-UBND", "01-KH/BCĐ"}
    assert ("implements", "328-KH/TU", "57-NQ/TW") in found
    first = find_citations(CEB89_PREAMBLE, home="vn-40")[0]
    assert (first.target.type_label, first.target.symbol) == ("Kế hoạch", "328-KH/TU")
    assert first.text.startswith("Kế hoạch hành động số 328-KH/TU")


def test_the_year_of_the_symbol_wins_over_a_date_of_another_year():
    """A real decree numbered 23/2015 printed beside a date of 2025: one of them is misprinted; the
    symbol's year is part of the number that identifies the decree, so the citation keeps that year
    and drops the date (it had made the decree 23/2025/NĐ-CP, with two dates and two symbols)."""
    # e7cd8d423108e103.txt, a list of the rules a procedure rests on
    text = (
        "- Nghị định số 23/2015/NĐ-CP ngày\n"
        "16/02/2025 của Chính phủ về cấp bản sao từ bản chính, chứng thực chữ ký và\n"
        "chứng thực hợp đồng, giao dịch;"
    )
    # 8d9779edcdd6c422.txt
    text2 = (
        "theo thiết kế được quy định tại Điều 38, Điều 39, Điều 40, Điều 41 Nghị định số 06/2021/NĐ-CP "
        "ngày 26/01/2025 của\nChính phủ trong các khu công nghiệp, khu công nghệ cao trên địa bàn thành phố"
    )
    found = find_citations(text, home="vn") + find_citations(text2, home="vn")
    assert [(c.target.symbol, c.target.year, c.target.date) for c in found] == [
        ("23/2015/NĐ-CP", 2015, None),
        ("06/2021/NĐ-CP", 2021, None),
    ]
    # a date of the symbol's year stays (43ce594e2a648040.txt)
    (same,) = find_citations("số 118/2025/NĐ-CP ngày 09/6/2025 về thực hiện thủ tục hành chính", home="vn")
    assert (same.target.year, same.target.date) == (2025, dt.date(2025, 6, 9))


def laws_named(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.target.name, c.target.symbol) for c in find_citations(text, home="vn") if c.target.name]


def test_a_law_name_wrapped_over_a_line_break_is_one_name():
    """Hard-wrapped text breaks a law's name anywhere ("Luật Tổ chức\\nchính quyền địa phương"): the name
    goes on over one line break; it had been cut at the line end ("Luật Tổ chức", "Luật Ban", "Luật Ngân":
    about 300 truncated law names over the real corpus, and their numbers lost their names)."""
    # 03741adae8c7c410.txt, the preamble of a resolution of Hà Nội's People's Council
    text = (
        "Căn cứ Luật Tổ chức\n"
        "chính quyền địa phương số 72/2025/QH15;\n"
        "Căn cứ Luật Ban\n"
        "hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật\n"
        "số 87/2025/QH15;\n"
        "Căn cứ Luật Ngân\n"
        "sách nhà nước số 89/2025/QH15;"
    )
    assert laws_named(text) == [
        ("Luật Tổ chức chính quyền địa phương", "72/2025/QH15"),
        ("Luật Ban hành văn bản quy phạm pháp luật", "64/2025/QH15"),
        ("Luật Ngân sách nhà nước", "89/2025/QH15"),
    ]
    # 0a97eb9c3c536047.txt: in a sentence, cut before the last word
    text = (
        "vệ bí mật nhà nước của Chính phủ, địa phương, nhất là: Luật Bảo vệ bí mật nhà\n"
        "nước, Luật An ninh mạng, Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng"
    )
    assert laws_named(text) == [("Luật Bảo vệ bí mật nhà nước", None), ("Luật An ninh mạng", None)]
    # a blank line ends a name
    assert laws_named("Căn cứ Luật Đầu tư\n\nchính quyền") == [("Luật Đầu tư", None)]


def test_a_law_name_ends_before_the_sentence_goes_on():
    """Words that carry the sentence on after a law's name ("hoặc", "mà", "nếu", "nhưng", "như") are no
    part of it (they had made names such as "Luật Đất đai mà vị trí")."""
    # cfc85d8b3511af54.txt, a decree's rules on compensation for land
    text = (
        "3. Trường hợp Giấy chứng nhận hoặc giấy tờ quy định tại Điều 137 của Luật Đất đai mà vị trí, tọa độ "
        "không chính xác thì xem xét bồi thường theo đúng vị trí, tọa độ khi đo đạc thực tế.\n"
        "thu hồi đất, nếu có đủ điều kiện được bồi thường quy định tại khoản 1 và khoản\n"
        "2 Điều 95 của Luật Đất đai hoặc Điều 5 của Nghị định này"
    )
    assert laws_named(text) == [("Luật Đất đai", None), ("Luật Đất đai", None)]


def test_a_law_name_whose_first_words_are_paired_by_a_comma():
    """ "Luật Cán bộ, công chức", "Luật Khoa học, công nghệ và đổi mới sáng tạo": a comma after a name's first
    words pairs them with others and "và" joins the last; the names had been cut at the comma ("Luật Cán bộ",
    "Luật Quản lý"), and their numbers left them."""
    # 06c6f91f5c3b4c21.txt, the preamble of a decision of Hà Nội
    text = (
        "Căn cứ Luật Tín ngưỡng, tôn giáo số 02/2016/QH14;\n"
        "Căn cứ Luật Công nghệ cao số 21/2008/QH12;\n"
        "Căn cứ Luật Cán bộ, công chức số 80/2025/QH15;\n"
        "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15;"
    )
    assert laws_named(text) == [
        ("Luật Tín ngưỡng, tôn giáo", "02/2016/QH14"),
        ("Luật Công nghệ cao", "21/2008/QH12"),
        ("Luật Cán bộ, công chức", "80/2025/QH15"),
        ("Luật Khoa học, công nghệ và đổi mới sáng tạo", "93/2025/QH15"),
    ]
    # files/ hl-vlncn-sct-vn__KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx (a plan of Lào Cai's Sở Công Thương)
    text = "Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 26/8/2024;"
    assert laws_named(text) == [("Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", None)]


def test_a_comma_after_a_whole_law_name_ends_it():
    # 54c3026bc7bb5cb7.txt, a decree on cultural heritage
    text = (
        "b) Di vật, cổ vật thuộc sở hữu chung, sở hữu riêng quy định tại điểm b khoản 1 Điều 45 Luật Di sản "
        "văn hóa, trừ trường hợp tạm nhập khẩu - tái xuất khẩu đối với loại di vật, cổ vật"
    )
    assert laws_named(text) == [("Luật Di sản văn hóa", None)]
    # 1e6fb98e16a75e3d.txt lines 134-135
    text = (
        "Chính phủ quy định chi tiết một số điều của Luật Quản lý, bảo vệ công trình quốc\n"
        "phòng và khu quân sự, cụ thể gồm: Văn bản đề nghị của Công ty Tân Cảng - Petro"
    )
    assert laws_named(text) == [("Luật Quản lý, bảo vệ công trình quốc phòng và khu quân sự", None)]


def test_one_spelling_per_law_name():
    """A name printed in lower case after "Luật" and an amending law printed "Luật Sửa đổi" take the usual
    spelling, so that each law has one label whatever file cites it (SHACL: one label per language)."""
    # ff4de67291d44c52.txt line 187, a decision on investment procedures
    text = (
        "2.1. Trường hợp điều chỉnh dự án thuộc trường hợp quy định tại Khoản 3 Điều 41 Luật đầu tư (a1, a2)"
    )
    assert laws_named(text) == [("Luật Đầu tư", None)]
    # ef57df9384270c6e.txt line 11
    text = (
        "Căn cứ Luật Xây dựng số 50/2014/QH13 ngày 18 tháng 6 năm 2014; Luật Sửa đổi, bổ sung một số điều của "
        "Luật Xây dựng số 62/2020/QH14 ngày 17 tháng 6 năm 2020;"
    )
    assert [name for name, _ in laws_named(text)] == [
        "Luật Xây dựng",
        "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng",
        "Luật Xây dựng",
    ]


def test_a_law_name_ends_before_nêu():
    # files/ hc-sct-vn__CV-813-CucHoaChat.pdf (a scan; the text as OCR reads it)
    text = (
        "Và các vướng mắc trong quá trình thực hiện Nghị định hướng dẫn Luật\n"
        "Hóa chất nêu tại Công văn số 13§21/CHQ-GSQL ngày 16 tháng 3 năm 2026 và"
    )
    assert laws_named(text) == [("Luật Hóa chất", None)]


def test_symbols_of_two_units_joined_by_an_ampersand():
    # 717159673033f644.txt (Công văn 4085/UBND-ĐT of TP. Hồ Chí Minh): the symbol was cut at "&"
    text = (
        "Xét báo cáo, đề xuất của\nSở Xây dựng tại Công văn số 15972/SXD-QLN& TTBĐS ngày 14 tháng 11 năm 2025\n"
        "về rà soát và chuẩn hóa dữ liệu số nhà sau sắp xếp;\n- Phối hợp thực hiện\ncông tác rà soát dữ liệu "
        "số nhà trên cơ sở Kế hoạch số 515/KH-BCA-BNN&MT\nngày 31 tháng 8 năm 2025 của Bộ Công an và Bộ Nông "
        "nghiệp và Môi trường"
    )
    assert cited(text, home="vn-sg") == [
        ("Công văn", "15972/SXD-QLN&TTBĐS", dt.date(2025, 11, 14)),
        ("Kế hoạch", "515/KH-BCA-BNN&MT", dt.date(2025, 8, 31)),
    ]


def test_a_letter_called_van_ban_by_its_symbol_without_a_type_code():
    # 24c6583aa4c3280a.txt (Quyết định 2639/QĐ-TTg) and files/ hc-sct-vn__Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx
    assert cited(
        "Trên cơ sở đề nghị của Bộ Tài chính tại văn bản\nsố 18345/BTC-NSNN ngày 26 tháng 11 năm 2025 về việc "
        "bổ sung có mục tiêu từ ngân",
        home=None,
    ) == [("Công văn", "18345/BTC-NSNN", dt.date(2025, 11, 26))]
    assert cited(
        "Thực hiện chỉ đạo của UBND tỉnh tại văn bản số 502/UBND-KT ngày 20/01/2026 về việc triển khai Nghị "
        "định số 25/2026/NĐ-CP",
        home="vn-02",
    ) == [("Công văn", "502/UBND-KT", dt.date(2026, 1, 20)), ("Nghị định", "25/2026/NĐ-CP", None)]
    # a symbol with a year is a normative document's, never a letter's: left out as before
    assert cited("theo văn bản số 61/2020/QH14 của Quốc hội", home=None) == []


# ------------------------------------------------------------ laws named with "và", "theo" or a comma

H = (
    Path(__file__).parent / "corpus/holdout/texts/x001c610b_tphcm-qd2820-ke-hoach-qd06-ttg.txt"
)  # real 001c610b2efdcf0c


def laws(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.target.symbol, c.target.name) for c in find_citations(text) if c.target.type_code == "L"]


def test_a_law_named_with_va_keeps_its_name_and_number():
    # 626bc5de0254525c.txt and the holdout's 2820/QĐ-UBND (001c610b2efdcf0c.txt): the name was cut at "và"
    # and its number lost
    assert laws(
        "- Luật Địa chất và khoáng sản số 54/2024/QH15 ngày 29/11/2024; - Nghị định số 193/2025/NĐ-CP ngày "
        "02/7/2025;"
    ) == [("54/2024/QH15", "Luật Địa chất và khoáng sản")]
    assert laws("Căn cứ Luật Đo đạc và bản đồ số 27/2018/QH14 ngày 14 tháng 6 năm 2018;") == [
        ("27/2018/QH14", "Luật Đo đạc và bản đồ")
    ]
    # 4f30202155d56bdd.txt, 750314c2c5666d56.txt: the sentence goes on after the name
    assert laws("Luật Lâm nghiệp, Luật Đất đai và các văn bản hướng dẫn thi hành; nâng cao ý") == [
        (None, "Luật Lâm nghiệp"),
        (None, "Luật Đất đai"),
    ]
    assert laws(
        "khoản 1 Điều 2 của Luật Bảo hiểm xã hội theo thứ tự đến trước;\nh tại điểm b, c, d, đ, e, i, a, l"
    ) == [(None, "Luật Bảo hiểm xã hội")]


def test_the_laws_an_amending_law_names_keep_their_commas_and_theo():
    # 001c610b2efdcf0c.txt line 18: "Luật Thuế xuất khẩu, thuế nhập khẩu" was cut at its comma, "Luật Đầu tư theo
    # phương thức đối tác công tư" at "theo", and with them the amending law's list
    line = "Căn cứ Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024, được sửa đổi, bổ sung tại Luật Sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức đối tác công tư, Luật Hải quan, Luật Thuế giá trị gia tăng, Luật Thuế xuất khẩu, thuế nhập khẩu, Luật Đầu tư, Luật Đầu tư công, Luật Quản lý, sử dụng tài sản công;"
    assert line in Path(H).read_text(encoding="utf-8")
    names = [name for _, name in laws(line)]
    assert names[1] == (
        "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức đối tác công tư, "
        "Luật Hải quan, Luật Thuế giá trị gia tăng, Luật Thuế xuất khẩu, thuế nhập khẩu, Luật Đầu tư, Luật Đầu "
        "tư công, Luật Quản lý, sử dụng tài sản công"
    )
    assert "Luật Đầu tư theo phương thức đối tác công tư" in names
    assert "Luật Thuế xuất khẩu, thuế nhập khẩu" in names


def test_the_number_that_ends_an_amending_laws_list_is_the_amending_laws():
    # 0abcf1a5292b31ec.txt; the holdout's 001c610b2efdcf0c.txt line 16 ("Luật xây dựng" in lower case)
    assert laws(
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;"
    ) == [
        ("87/2025/QH15", "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật"),
        (None, "Luật Ban hành văn bản quy phạm pháp luật"),
    ]
    found = relations(
        "Căn cứ Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung tại Luật sửa đổi, bổ sung một số điều của "
        "Luật xây dựng số 62/2020/QH14 ngày 17 tháng 06 năm 2020;"
    )
    assert ("amends", "62/2020/QH14", "50/2014/QH13") in found
    # 001c610b2efdcf0c.txt line 14: numbers the list goes on after are the amended laws'
    assert [
        s
        for s, _ in laws(
            "được sửa đổi, bổ sung một số điều tại Luật sửa đổi, bổ sung một số điều của Luật Đất đai số "
            "31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ "
            "chức tín dụng số 32/2024/QH15;"
        )
        if s
    ] == ["27/2023/QH15", "29/2023/QH15", "32/2024/QH15"]


def test_dispatches_cited_by_their_symbols():
    # 858c0de43c18ce78.txt, footnote 1 (Công điện 226/CĐ-TTg): none was cited before
    text = (
        "[1] Các công điện: số 217/CĐ-TTg ngày 16/11/2025; số 218/CĐ-TTg ngày\n16/11/2025; số 219/CĐ-TTg ngày "
        "17/11/2025; số 222/CĐ-TTg ngày 19/11/2025; số\n223/CĐ-TTg ngày 20/11/2025, số 225/CĐ-TTg ngày 20/11/2025."
    )
    assert [(t, s) for t, s, _ in cited(text, home=None)] == [
        ("Công điện", f"{n}/CĐ-TTg") for n in (217, 218, 219, 222, 223, 225)
    ]
