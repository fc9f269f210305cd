"""segment(): footnotes, masked body, section tree, appendices and blocks on the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import SourceFile, Span
from graph.normalise import normalise
from graph.segment import _blank, innermost_section, lines, segment
from seeds import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, segmented


def seg(name: str):
    return segmented(name)


def from_text(text: str):
    return segment(normalise(SourceFile("t.txt", "t.txt", "0" * 64, "utf-8", text)))


def section(doc, key: str):
    return next(s for s in doc.sections if s.key == key)


def top_level(doc) -> list[tuple[str, str]]:
    return [(s.key, s.heading) for s in doc.sections if s.parent is None]


def first_and_last_line(doc, span: Span) -> tuple[str, str]:
    text = [t.strip() for _, t in lines(doc.text.text, span) if t.strip()]
    return text[0], text[-1]


# ------------------------------------------------------------ the masked body


@pytest.mark.parametrize("name", [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004])
def test_body_keeps_length_and_lines(name):
    doc = seg(name)
    assert len(doc.body) == len(doc.text.text)
    assert [i for i, c in enumerate(doc.body) if c == "\n"] == [
        i for i, c in enumerate(doc.text.text) if c == "\n"
    ]


def test_blank_masks_overlapping_and_empty_spans_keeping_newlines():
    # a footnote body over two lines, with a Word bookmark inside it and a marker touching it
    text = "Luật N[bookmark: _Hlk1]gân sách[2]\n[2:  Luật Ngân\nsách nhà nước]\nhết"
    bookmark = Span(6, 23)
    marker = Span(31, 34)
    footnote = Span(35, 64)
    masked = _blank(text, [footnote, bookmark, marker, Span(36, 40), Span(10, 10)])
    assert masked == "Luật N" + " " * 17 + "gân sách" + " " * 3 + "\n" + " " * 14 + "\n" + " " * 14 + "\nhết"


# ------------------------------------------------- seed 000: PDF footnotes


def test_000_has_footnotes_1_to_30_each_with_a_marker_in_order():
    doc = seg(SEED_000)
    assert [f.number for f in doc.footnotes] == list(range(1, 31))
    text = doc.text.text
    for f in doc.footnotes:
        assert f.marker is not None, f.number
        assert text[f.marker.start : f.marker.end] == str(f.number)
        assert doc.body[f.marker.start : f.marker.end].strip() == ""
    starts = [f.marker.start for f in doc.footnotes]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "number, before, after",
    [
        (1, "xây dựng nông thôn ", "."),  # spaced marker before a full stop
        (2, "tầm nhìn đến năm 2045", "."),  # glued to a year: 20452
        (3, "công nghiệp sinh học", ","),  # glued to a word
        (5, "giai \nđoạn 2021-2025", " và"),
        (16, "tầm nhìn \n2045", "."),
        (26, "định hướng đến 2030 ", ";"),
        (29, "giai đoạn 2021 - \n2030", ","),  # 203029 = 2030 + 29
        (30, "giai đoạn 2021 - 2025", "."),
    ],
)
def test_000_marker_positions(number, before, after):
    doc = seg(SEED_000)
    marker = doc.footnotes[number - 1].marker
    text = doc.text.text
    assert text[marker.start - len(before) : marker.start] == before
    assert text[marker.end : marker.end + len(after)] == after


def test_000_glued_marker_leaves_the_year_whole_in_the_body():
    doc = seg(SEED_000)
    marker = doc.footnotes[1].marker
    assert len(marker) == 1
    assert doc.text.text[marker.start - 4 : marker.end + 1] == "20452."
    assert doc.body[marker.start - 4 : marker.end + 1] == "2045 ."


def test_000_footnote_bodies():
    doc = seg(SEED_000)
    fn = {f.number: f for f in doc.footnotes}
    assert fn[2].text == "Kế hoạch số 5050/KH-UBND ngày 10/9/2018 của UBND tỉnh."
    assert fn[29].text == "Quyết định số 2293/QĐ-UBND ngày 11/8/2021 của UBND tỉnh."
    assert fn[30].text == "Quyết định số 3970/QĐ-UBND ngày 24/12/2021 của UBND tỉnh."
    assert fn[4].text == (
        "Kế hoạch số 4909/KH-UBND ngày 26/7/2022 của UBND tỉnh thực hiện Đề án phát triển "
        "ngành công nghiệp môi trường Việt Nam đến năm 2025 trên địa bàn tỉnh Quảng Nam."
    )
    assert fn[15].text.startswith("Kế hoạch số 3123/KH-UBND ngày 18/5/2022 về việc thực hiện Chương trình")
    assert fn[15].text.endswith("trên địa bàn tỉnh Quảng Nam đến năm 2025.")
    text = doc.text.text
    assert text[fn[2].body.start : fn[2].body.end] == "Kế hoạch số 5050/KH-UBND ngày 10/9/2018 của UBND tỉnh."


def test_000_footnote_1_runs_on_to_the_next_page():
    doc = seg(SEED_000)
    fn1 = doc.footnotes[0]
    text = doc.text.text
    assert text[fn1.body.start : fn1.body.start + 5] == "Gồm: "
    assert len(fn1.continued) == 1
    assert text[fn1.continued[0].start :].startswith("- Quyết định số 1970/QĐ-UBND ngày 15/7/2021")
    assert fn1.text.startswith("Gồm: - Quyết định 2960/QĐ-UBND ngày 19/10/2021 của UBND tỉnh")
    assert fn1.text.endswith("giai đoạn 2021-2025 và định hướng đến năm 2030.")
    assert fn1.text.count("- Quyết định") == 6


def test_000_footnote_bodies_and_page_number_are_blanked():
    doc = seg(SEED_000)
    assert "Kế hoạch số 5050/KH-UBND" not in doc.body
    assert "Quyết định số 1970/QĐ-UBND" not in doc.body
    assert "12" not in [line.strip() for line in doc.body.split("\n")]
    # the page text after a footnote block stays
    assert "- Rà soát, triển khai thực hiện có hiệu quả các chính sách" in doc.body


def test_000_marker_is_found_in_its_section():
    doc = seg(SEED_000)
    assert innermost_section(doc.sections, doc.footnotes[1].marker).key == "III/3/a)/(1)/-"
    assert innermost_section(doc.sections, doc.footnotes[28].marker.start).key == "III/10/(3)/-"


# ---------------------------------------------------- seed 000: structure


def test_000_top_level_sections():
    assert top_level(seg(SEED_000)) == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "MỤC TIÊU"),
        ("III", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
        (
            "Phụ lục I",
            "MỘT SỐ CHỈ TIÊU CỤ THỂ TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH SỐ 28–CTR/TU, NGÀY 11/4/2023 "
            "CỦA TỈNH ỦY VỀ THỰC HIỆN NGHỊ QUYẾT SỐ 29-NQ/TW, NGÀY 17/11/2022 CỦA BAN CHẤP HÀNH "
            "TRUNG ƯƠNG ĐẢNG VỀ TIẾP TỤC ĐẨY MẠNH CÔNG NGHIỆP HÓA, HIỆN ĐẠI HÓA ĐẤT NƯỚC "
            "ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045",
        ),
        (
            "Phụ lục II",
            "DANH MỤC NHIỆM VỤ CỤ THỂ TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH SỐ 28–CTR/TU, NGÀY 11/4/2023 "
            "CỦA TỈNH ỦY VỀ THỰC HIỆN NGHỊ QUYẾT SỐ 29-NQ/TW, NGÀY 17/11/2022 CỦA BAN CHẤP HÀNH "
            "TRUNG ƯƠNG ĐẢNG VỀ TIẾP TỤC ĐẨY MẠNH CÔNG NGHIỆP HÓA, HIỆN ĐẠI HÓA ĐẤT NƯỚC "
            "ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045",
        ),
    ]


def test_000_clauses_points_items_and_bullets():
    doc = seg(SEED_000)
    assert [s.key for s in doc.sections if s.parent == "III"] == [f"III/{n}" for n in range(1, 11)]
    assert section(doc, "III/2").heading == (
        "Xây dựng và hoàn thiện thể chế, chính sách thúc đẩy công nghiệp hóa, hiện đại hóa"
    )
    assert section(doc, "III/2/(4)").heading == "Sở Công Thương chủ trì, phối hợp với các cơ quan liên quan"
    # "+ Đối với vùng Tây" holds item (4), which holds bullets
    plus = section(doc, "III/3/b)/+#2")
    assert (plus.kind, plus.heading) == ("subbullet", "Đối với vùng Tây (vùng trung du, miền núi)")
    assert section(doc, "III/3/b)/+#2/(4)").heading.startswith(
        "Sở Công Thương, Sở Kế hoạch và Đầu tư, Sở Nông"
    )
    assert [s.key for s in doc.sections if s.parent == "III/3/b)/+#2/(4)"] == [
        "III/3/b)/+#2/(4)/-",
        "III/3/b)/+#2/(4)/-#2",
    ]
    # a heading with a glued marker reads without it
    assert section(doc, "III/3/a)/(1)/-").heading.endswith("đến năm 2030, tầm nhìn đến năm 2045")


def test_000_appendices_and_rows():
    doc = seg(SEED_000)
    assert [a.label for a in doc.appendices] == ["Phụ lục I", "Phụ lục II"]
    assert (
        doc.appendices[0].attached_note
        == "(Kèm theo Kế hoạch số #sovb /KH-UBND ngày #nbh /11/2023 của UBND tỉnh)"
    )
    # Phụ lục II's note has no closing bracket: it ends with its line
    assert (
        doc.appendices[1].attached_note
        == "(Kèm theo Kế hoạch số #sovb /KH-UBND ngày #nbh /11/2023 của UBND tỉnh"
    )
    rows = [s for s in doc.sections if s.key.startswith("Phụ lục II/")]
    assert all(s.kind == "row" for s in rows)
    assert len([s for s in rows if s.parent == "Phụ lục II"]) == 10
    assert len([s for s in rows if s.level == 3]) == 50
    assert section(doc, "Phụ lục II/2/2.3").heading == (
        "Xây dựng các kế hoạch triển khai cải cách hành chính, gắn kết chặt chẽ phát triển chính quyền số, "
        "chuyển đổi số"
    )
    # "3.6 Đề án … thời kỳ 2021\n- 2030, định hướng …": the dash line is wrapped text, not a bullet
    assert section(doc, "Phụ lục II/3/3.6").heading == (
        "Đề án phát triển vật liệu xây dựng tỉnh thời kỳ 2021 - 2030, định hướng đến năm 2050"
    )
    # indicator rows "1 Tốc độ tăng trưởng …" in Phụ lục I are table text, not headings
    assert not [s for s in doc.sections if s.key.startswith("Phụ lục I/") and s.kind == "row"]


def test_000_blocks():
    doc = seg(SEED_000)
    text = doc.text.text
    assert doc.header is None
    assert text[doc.title.start : doc.title.end].startswith(
        "KẾ HOẠCH \nTriển khai thực hiện Chương trình số 28-CTr/TU"
    )
    assert text[doc.title.start : doc.title.end].endswith("tầm nhìn đến năm 2045")
    assert first_and_last_line(doc, doc.recipients) == ("Nơi nhận:", "- Lưu: VT, TH, KTTH, KTN.")
    signature = text[doc.signature.start : doc.signature.end]
    assert signature.startswith("TM. ỦY BAN NHÂN DÂN \nKT. CHỦ TỊCH \nPHÓ CHỦ TỊCH")
    assert signature.endswith("Hồ Quang Bửu")


# ------------------------------------------------------------------ seed 001


def test_001_sections():
    doc = seg(SEED_001)
    assert doc.footnotes == []
    assert top_level(doc) == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "MỤC TIÊU"),
        ("III", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [s.key for s in doc.sections if s.parent == "III"] == [f"III/{n}" for n in range(1, 12)]
    # "giai đoạn 2021\n\n- 2030." and "2030 đạt 72 - 73%." are wrapped text, not items
    bullets = [s for s in doc.sections if s.parent == "II/2"]
    assert len(bullets) == 7
    assert bullets[0].heading == "Tốc độ tăng trưởng GRDP bình quân đạt 7,25 - 8,25% giai đoạn 2021 - 2030"
    assert section(doc, "II/3").heading == "Tầm nhìn đến năm 2045"
    assert section(doc, "III/1").heading == (
        "Đổi mới tư duy, nhận thức và hành động quyết liệt, tiếp tục đẩy mạnh công nghiệp hoá, hiện đại hoá đất nước"
    )


def test_001_blocks():
    doc = seg(SEED_001)
    text = doc.text.text
    assert doc.header is None
    assert text[doc.title.start : doc.title.end].startswith("CHƯƠNG TRÌNH HÀNH ĐỘNG")
    assert text[doc.title.start : doc.title.end].endswith("đến năm 2030, tầm nhìn đến năm 2045")
    assert first_and_last_line(doc, doc.recipients) == ("Nơi nhận:", "- Lưu Văn phòng Tỉnh ủy.")
    assert text[doc.signature.start : doc.signature.end] == "T/M TỈNH ỦY \n\nBÍ THƯ"
    assert doc.appendices == []


# ------------------------------------------------------------------ seed 002


def test_002_sections():
    doc = seg(SEED_002)
    assert doc.footnotes == []
    assert top_level(doc) == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    # the document prints "b)" twice under II/2: the second gets "#2"
    assert section(doc, "II/2/b)").heading.startswith("Xây dựng hoàn thiện nội dung phương án bảo vệ")
    assert section(doc, "II/2/b)#2").heading == "Công nghiệp chế biến thực phẩm, đồ uống"
    assert [s.heading for s in doc.sections if s.parent == "II/2/d)"] == [
        "Rà soát, điều chỉnh, bổ sung hợp phần quy hoạch thăm dò, khai thác và sử dụng khoáng sản làm vật liệu "
        "xây dựng thông thường tỉnh Quảng Ngãi đến năm 2025 và định hướng đến năm 2030 cho phù hợp tình hình "
        "thực tế, thực tiễn tại địa phương, đảm bảo sử dụng hiệu quả tài nguyên và bảo vệ môi trường",
        "Phổ biến, hướng dẫn thực hiện các tiêu chuẩn, quy chuẩn kỹ thuật về vật liệu xây không nung, cát nghiền "
        "(thực hiện hàng năm)",
        "Xây dựng cơ chế khuyến khích các doanh nghiệp đầu tư sản xuất kinh doanh sản phẩm từ nguồn phế thải "
        "(tro, xỉ) của ngành công nghiệp luyện kim",
    ]
    assert [s.kind for s in doc.sections if s.parent == "II/2/d)/*"] == ["bullet"] * 3
    assert section(doc, "II/2/c)/-/+").heading == "Thời gian thực hiện: năm 2019"


def test_002_blocks():
    doc = seg(SEED_002)
    text = doc.text.text
    assert first_and_last_line(doc, doc.recipients) == ("Nơi nhận:", "- Lưu VT, CNXD (ttrung210)")
    assert text[doc.signature.start : doc.signature.end].startswith("KT. CHỦ TỊCH")
    assert text[doc.signature.start : doc.signature.end].endswith("Nguyễn Tăng Bính")


# ------------------------------------------------------------------ seed 003


def test_003_docx_footnotes():
    doc = seg(SEED_003)
    text = doc.text.text
    assert [f.number for f in doc.footnotes] == list(range(1, 30))
    for f in doc.footnotes:
        assert text[f.marker.start : f.marker.end] == f"[footnoteRef:{f.number}]"
    fn = {f.number: f for f in doc.footnotes}
    assert fn[2].text == (
        "Tổng 151 xã phấn đấu đạt chuẩn nông thôn mới trên tổng số xã xây dựng nông thôn mới "
        "193 xã là số liệu chưa sáp nhập xã."
    )
    assert fn[5].text == "Theo Quy định số 1521-QĐ/TU, ngày 07/8/2024 của Ban Thường vụ Tỉnh ủy."
    # a body that ends with a line break before its bracket
    assert fn[29].text == "Nhất là khai thác cát, vàng (địa bàn các huyện Đại Lộc, Phước Sơn, Phú Ninh…)."
    assert text[fn[29].body.start : fn[29].body.end] == (
        "Nhất là khai thác cát, vàng  (địa bàn các huyện Đại Lộc, Phước Sơn, Phú Ninh…)."
    )
    # parentheses inside a body do not end it
    assert fn[4].text.startswith(
        "Chỉ đạo các cơ quan, đơn vị, địa phương: (1) Tổng kết Nghị quyết số 18-NQ/TW"
    )
    for artefact in ("[footnoteRef:", "[bookmark:", "[2:", "Tổng 151 xã phấn đấu"):
        assert artefact not in doc.body


def test_003_sections():
    doc = seg(SEED_003)
    assert top_level(doc) == [
        ("I", "PHƯƠNG HƯỚNG, CHỈ TIÊU CHỦ YẾU"),
        ("II", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [s.key for s in doc.sections if s.parent == "I/2"] == ["I/2/2.1", "I/2/2.2", "I/2/2.3", "I/2/2.4"]
    assert section(doc, "I/1/1.2").heading == "Phương hướng"
    items = [s for s in doc.sections if s.kind == "item"]
    assert [s.label for s in items] == [f"({n})" for n in range(1, 20)]
    # the marker glued inside "151[footnoteRef:2]/193" disappears from the heading
    assert section(doc, "I/2/2.2/(12)").heading == (
        "Phấn đấu có thêm ít nhất 14 xã đạt chuẩn nông thôn mới, nâng số xã đạt chuẩn nông thôn mới lên 151/193 xã"
    )
    # "[bookmark: …]2. Đẩy mạnh …": the artefact is blanked, the clause found
    assert section(doc, "II/2").heading.startswith("Đẩy mạnh chuyển đổi mô hình tăng trưởng")
    assert section(doc, "II/2/2.2").heading == "Phát triển kinh tế biển, cảng biển và dịch vụ logistics"


def test_003_blocks():
    doc = seg(SEED_003)
    text = doc.text.text
    header = text[doc.header.start : doc.header.end]
    assert header.startswith("TỈNH ỦY QUẢNG NAM")
    assert "-NQ/TU" in header and header.endswith("Dự thảo")
    assert text[doc.title.start : doc.title.end] == "NGHỊ QUYẾT\nvề phương hướng, nhiệm vụ năm 2025"
    assert first_and_last_line(doc, doc.recipients) == ("Nơi nhận:", "- Lưu Văn phòng Tỉnh ủy.")
    assert doc.signature is None
    assert doc.appendices == []


# ------------------------------------------------------------------ seed 004


def test_004_web_footnote():
    doc = seg(SEED_004)
    text = doc.text.text
    assert len(doc.footnotes) == 1
    fn = doc.footnotes[0]
    assert text[fn.marker.start - 6 : fn.marker.end] == "2030  [1]"
    assert fn.text.startswith("Theo Quyết định số 1456/QĐ-TTg ngày 22/11/2023 của Thủ tướng Chính phủ")
    assert fn.text.endswith("tầm nhìn đến năm 2050")
    assert "[1]" not in doc.body and "1456/QĐ-TTg" not in doc.body


def test_004_sections_and_appendix_rows():
    doc = seg(SEED_004)
    assert [key for key, _ in top_level(doc)] == ["I", "II", "III", "IV", "V", "VI", "PHỤ LỤC"]
    assert section(doc, "II/1").heading == "Phấn đấu đạt các chỉ tiêu cụ thể đến năm 2030"
    assert section(doc, "PHỤ LỤC/1").heading == (
        "Đổi mới tư duy, nhận thức và hành động quyết liệt, tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước"
    )
    assert section(doc, "PHỤ LỤC/1/1.1").kind == "row"
    # the web table lost rows "2.2" to "3.2" and group "3": "3.3" hangs from the appendix
    assert section(doc, "PHỤ LỤC/3.3").heading.startswith("Thực hiện các chính sách tài chính")
    assert section(doc, "PHỤ LỤC/3.4").parent == "PHỤ LỤC"
    assert len([s for s in doc.sections if s.kind == "row"]) == 49  # 9 group rows, 40 numbered rows


def test_004_blocks():
    doc = seg(SEED_004)
    text = doc.text.text
    assert first_and_last_line(doc, doc.header) == (
        "ỦY BAN NHÂN DÂN",
        "Quảng Ngãi, ngày 06 tháng 11 năm 2024",
    )
    assert "Số: 214/KH-UBND" in text[doc.header.start : doc.header.end]
    assert first_and_last_line(doc, doc.title)[0] == "KẾ HOẠCH"
    assert first_and_last_line(doc, doc.recipients) == ("Nơi nhận:", "- Lưu: VT, KTN1107.")
    assert (
        text[doc.signature.start : doc.signature.end]
        == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Phước Hiền"
    )
    [appendix] = doc.appendices
    assert appendix.label == "PHỤ LỤC"
    assert appendix.title.startswith("DANH MỤC NHIỆM VỤ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ")
    assert (
        appendix.attached_note
        == "(Kèm theo Kế hoạch số 214/KH-UBND ngày 06/11/2024 của UBND tỉnh Quảng Ngãi)"
    )
    assert text[appendix.attached_span.start : appendix.attached_span.end] == appendix.attached_note


# ------------------------------------------------------------- small forms


def test_web_marker_without_body_is_kept_with_empty_text():
    doc = from_text("I. MỤC TIÊU\n1. Đến năm 2030 [2] đạt chỉ tiêu.\n")
    [fn] = doc.footnotes
    assert (fn.number, fn.text, doc.text.text[fn.marker.start : fn.marker.end]) == (2, "", "[2]")
    assert len(fn.body) == 0
    assert "[2]" not in doc.body


def test_repeated_bullets_get_numbered_keys():
    doc = from_text("I. NHIỆM VỤ\n1. Mục đích\n- Một.\n- Hai.\n- Ba.\n2. Yêu cầu\n- Bốn.\n")
    assert [s.key for s in doc.sections] == ["I", "I/1", "I/1/-", "I/1/-#2", "I/1/-#3", "I/2", "I/2/-"]
    assert section(doc, "I/1").span == Span(12, 43)  # "1. Mục đích … - Ba."


def test_lines_clips_to_span():
    body = "ab\ncd\n\nef"
    assert lines(body, Span(1, 8)) == [
        (Span(1, 2), "b"),
        (Span(3, 5), "cd"),
        (Span(6, 6), ""),
        (Span(7, 8), "e"),
    ]


def test_innermost_section_outside_any_section():
    doc = from_text("KẾ HOẠCH\nvề việc thử\n-----\nThực hiện …\nI. MỤC TIÊU\n1. Một\n")
    assert innermost_section(doc.sections, 0) is None
    assert innermost_section(doc.sections, len(doc.text.text) - 3).key == "I/1"


def test_a_skipped_clause_number_still_opens_a_clause_but_a_wrapped_number_does_not():
    doc = from_text("I. NHIỆM VỤ\n1. Một\n3. Ba (bỏ số 2)\n4. Bốn, đến năm\n2030. Hết\n")
    assert [s.key for s in doc.sections] == ["I", "I/1", "I/3", "I/4"]
    assert section(doc, "I/4").heading == "Bốn, đến năm 2030"


def test_footnote_rule_of_underscores():
    doc = from_text("Nội dung chính 2025 1.\n\n" + "_" * 20 + "\n1 Quyết định số 1/QĐ-UBND.\n")
    [fn] = doc.footnotes
    assert fn.text == "Quyết định số 1/QĐ-UBND."
    assert doc.text.text[fn.marker.start - 5 : fn.marker.end + 1] == "2025 1."


# ------------------------------------------------------------ "(n)." and "(n):" items

# Nghị định 308/2025/NĐ-CP (corpus/real/54c3026bc7bb5cb7.txt), the notes under its form templates
DECREE_308_FORM_NOTES = """MỘT SỐ CÁC QUY TẮC THỐNG NHẤT KHAI NỘI DUNG TRONG CÁC MẪU
- Tuân thủ theo các nội dung yêu cầu về hình thức, nội dung, hàm lượng và dung lượng.
- Nội dung hiển thị thay cho các số trong ngoặc đơn, cụ thể như sau:
(01): Tên cơ quan, tổ chức chủ quản (ví dụ: Ủy ban nhân dân tỉnh/thành phố trực thuộc trung ương, bộ, ngành, cơ quan, tổ chức ở trung ương....)
(02): Tên cơ quan, đơn vị được giao trách nhiệm trình (ví dụ: cơ quan chuyên môn về văn hóa cấp tỉnh/cơ quan, đơn vị được các bộ/ngành/cơ quan, tổ chức ở trung ương giao trách nhiệm....)
(03): Tên cơ quan, đơn vị nhận/giải quyết hồ sơ (ví dụ: Ủy ban nhân dân tỉnh/thành phố trực thuộc trung ương, bộ, ngành, cơ quan, tổ chức ở trung ương, Bộ Văn hóa, Thể thao và Du lịch...)
(04): Tờ trình về việc:
"""


def test_a_colon_after_a_bracketed_number_separates_it_from_the_heading():
    doc = from_text(DECREE_308_FORM_NOTES)
    assert [(s.key, s.heading) for s in doc.sections if s.kind == "item"] == [
        ("-#2/(01)", "Tên cơ quan, tổ chức chủ quản (ví dụ"),
        (
            "-#2/(02)",
            "Tên cơ quan, đơn vị được giao trách nhiệm trình (ví dụ: cơ quan chuyên môn về văn hóa "
            "cấp tỉnh/cơ quan, đơn vị được các bộ/ngành/cơ quan, tổ chức ở trung ương giao trách nhiệm....)",
        ),
        ("-#2/(03)", "Tên cơ quan, đơn vị nhận/giải quyết hồ sơ (ví dụ"),
        ("-#2/(04)", "Tờ trình về việc"),
    ]


def test_a_full_stop_after_a_bracketed_number_separates_it_from_the_heading():
    """Quyết định 80/2025/QĐ-UBND (tests/real/a161f65b93293a7b.txt): its report form's column notes
    "(1). Số thứ tự", "(4).Thủ tục hành chính …" had empty headings, so no evidence."""
    from graph.pipeline import parse_file

    doc = parse_file(Path(__file__).parent / "real" / "a161f65b93293a7b.txt")
    notes = [s for s in doc.sections if s.key.startswith("PHỤ LỤC/(")]
    assert len(notes) == 17
    assert all(s.heading and s.heading_span.end > s.heading_span.start for s in notes)
    assert section(doc, "PHỤ LỤC/(1)").heading == "Số thứ tự"
    assert section(doc, "PHỤ LỤC/(4)").heading.startswith("Thủ tục hành chính, dịch vụ công trực tuyến")
