"""Laws named in title case, as many real texts print them ("Luật Tổ chức Chính quyền địa phương"): the name
was cut at the first capitalised word ("Luật Tổ chức", 34 citations of corpus/real; "Luật Khoa học", "Luật Thể
dục", "Luật Mặt trận", "Luật Thuế"), and with it the law's number and date.  Each sentence is quoted from the
corpus/real file named beside it."""

from __future__ import annotations

import datetime as dt

from excerpt_support import extracted


def _cited(text: str) -> list[tuple[str | None, str | None, dt.date | None]]:
    citations, _ = extracted(text)
    return [(c.target.name, c.target.symbol, c.target.date) for c in citations]


def test_a_title_cased_name_wrapped_over_a_line_keeps_its_date():
    # corpus/real 4c12c694e7b33e47, lines 12-13
    assert _cited("Căn cứ Luật Tổ chức Chính quyền địa\nphương ngày 16/6/2025;") == [
        ("Luật Tổ chức Chính quyền địa phương", None, dt.date(2025, 6, 16))
    ]


def test_a_title_cased_paired_name_keeps_its_number():
    # corpus/real e3cc96834c0a575f
    assert _cited("- Tại Điều 16 Luật Khoa học, Công nghệ và Đổi mới sáng tạo số 93/2025/QH15 quy định:") == [
        ("Luật Khoa học, Công nghệ và Đổi mới sáng tạo", "93/2025/QH15", None)
    ]


def test_an_abbreviation_in_a_name_keeps_the_number():
    # corpus/real 3eb6b0065020aac4, line 12
    assert _cited("Điều 5 Luật Thuế GTGT số 48/2024/QH15 quy định đối tượng không chịu thuế;") == [
        ("Luật Thuế GTGT", "48/2024/QH15", None)
    ]


def test_a_title_cased_name_ends_at_the_next_law_of_a_list():
    # corpus/real 1a434d0a7e14dc93, line 11
    line = (
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022; Luật số 97/2025/QH15 ngày 27 tháng 6 năm "
        "2025 sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, Luật Thanh niên và "
        "Luật Thực hiện dân chủ ở cơ sở;"
    )
    names = [name for name, _, _ in _cited(line)]
    assert "Luật Mặt trận Tổ quốc Việt Nam" in names
    assert "Luật Mặt trận" not in names


def test_a_document_named_after_a_law_is_not_part_of_its_name():
    # corpus/real 5d196a776ae817c7, line 81: capitalised words that open a document's (or a body's) name do not go
    # on a law's name, though a number follows them
    line = (
        "năm 2018 của Chính phủ quy định chi tiết một số điều của Luật Quản lý ngoại thương, Nghị định số "
        "146/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của"
    )
    assert _cited(line)[:2] == [
        ("Luật Quản lý ngoại thương", None, None),
        (None, "146/2025/NĐ-CP", dt.date(2025, 6, 12)),
    ]


def test_the_footer_of_a_legal_website_cites_no_law():
    # corpus/real c2b60521aafae842, line 363: the website's community, 12 citations of a "Luật Việt" before
    assert _cited("và kết nối cộng đồng Dân Luật Việt Nam,") == []


def test_a_paired_name_goes_on_over_a_line_break_on_either_side_of_and():
    # corpus/real 04e4130eb91f3242 lines 134-135 and 856f6487c18d75d0 lines 87-88: 36 citations of a "Luật Khoa
    # học, công nghệ" before
    assert _cited("- Luật Khoa học, công nghệ và\nđổi mới sáng tạo năm 2025.") == [
        ("Luật Khoa học, công nghệ và đổi mới sáng tạo", None, None)
    ]
    assert _cited(
        "- Luật Khoa học, công nghệ\nvà đổi mới sáng tạo số 93/2025/QH15 ngày 27 tháng 6 năm 2025."
    ) == [("Luật Khoa học, công nghệ và đổi mới sáng tạo", "93/2025/QH15", dt.date(2025, 6, 27))]
