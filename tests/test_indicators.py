"""Indicators on the seed documents, through read → normalise → segment."""

from functools import lru_cache

import pytest

from graph.extract.indicators import extract_indicators, horizon_year
from graph.model import Target
from graph.normalise import normalise
from graph.segment import segment

from seeds import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, segmented


@lru_cache(maxsize=None)
def parsed(name):
    seg = segmented(name)
    return seg, extract_indicators(seg)


def indicators(name):
    return parsed(name)[1]


def summary(name):
    return [(i.label, i.name, i.target) for i in indicators(name)]


# --------------------------------------------------------- seed 000 Phụ lục I

EVERY_YEAR = "Hằng năm, giữa kỳ, 5 năm"
KHDT = "Sở Kế hoạch và Đầu tư"

TABLE_000 = [
    ("1", "Tốc độ tăng trưởng GRDP bình quân", Target("> 9%/năm", "gt", 9.0, None, "%/năm"), KHDT),
    ("2", "GRDP bình quân đầu người", Target("7.500 - 8.000 USD", "range", 7500.0, 8000.0, "USD"), KHDT),
    ("3", "Cơ cấu kinh tế", None, KHDT),
    ("3.a", "Cơ cấu kinh tế: Công nghiệp - Xây dựng", Target("39,5 - 40%", "range", 39.5, 40.0, "%"), KHDT),
    ("3.b", "Cơ cấu kinh tế: Công nghiệp - Xây dựng, trong đó công nghiệp", Target("28,7%", "eq", 28.7, None, "%"),
     KHDT),
    ("3.c", "Cơ cấu kinh tế: Dịch vụ", Target("37% - 37,5%", "range", 37.0, 37.5, "%"), KHDT),
    ("4", "Tỷ trọng công nghiệp chế biến, chế tạo", Target("khoảng 25%", "approx", 25.0, None, "%"),
     "Sở Công Thương"),
    ("5", "Tỷ lệ đô thị hoá", Target("khoảng 40%", "approx", 40.0, None, "%"), "Sở Xây dựng"),
    ("6", "Tổng kim ngạch xuất nhập khẩu tăng bình quân hàng năm", Target("> 15%", "gt", 15.0, None, "%"),
     "Sở Công Thương"),
    ("7", "Năng suất lao động hằng năm tăng bình quân", Target("7,5 - 8%/năm", "range", 7.5, 8.0, "%/năm"), KHDT),
    ("8", "Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội", Target("< 10%", "lt", 10.0, None, "%"),
     "Sở Nông nghiệp và Phát triển nông thôn"),
    ("9", "Tỷ lệ người lao động qua đào tạo", Target("75 - 80%", "range", 75.0, 80.0, "%"),
     "Sở Lao động - Thương binh và Xã hội"),
    ("9.a", "Tỷ lệ người lao động qua đào tạo, trong đó lao động qua đào tạo có bằng cấp, chứng chỉ",
     Target("35 - 40%", "range", 35.0, 40.0, "%"), "Sở Lao động - Thương binh và Xã hội"),
    ("10", "Kinh tế số chiếm trong GRDP", Target("30%", "eq", 30.0, None, "%"), "Sở Thông tin và Truyền thông"),
]


def test_000_table_rows_and_sub_rows():
    got = [(i.label, i.name, i.target, i.agency.name if i.agency else None) for i in indicators(SEED_000)]
    assert got == TABLE_000


def test_000_horizon_period_and_section_from_the_table():
    found = indicators(SEED_000)
    assert {i.horizon_year for i in found} == {2030}  # header "KẾ HOẠCH GIAI ĐOẠN 2023-2030"
    assert {i.period for i in found} == {EVERY_YEAR}
    assert {i.section for i in found} == {"Phụ lục I"}


def test_000_agency_cell_with_two_bodies():
    row3 = [i for i in indicators(SEED_000) if i.label.startswith("3")]
    assert [[a.name for a in i.co_agencies] for i in row3] == [["Sở Công Thương"]] * 4
    assert all(i.co_agencies == [] for i in indicators(SEED_000) if not i.label.startswith("3"))


def test_000_spans_point_at_rows_and_sub_items():
    seg, found = parsed(SEED_000)
    text = {i.label: seg.text.text[i.span.start:i.span.end] for i in found}
    assert text["1"] == ("1 Tốc độ tăng trưởng GRDP bình quân  > 9%/năm Sở Kế hoạch và Đầu tư "
                         "Hằng năm, giữa kỳ, 5 năm")
    assert text["3.b"] == "Trong đó, công nghiệp:"
    assert text["9.a"] == "Trong đó, lao động qua đào tạo có \nbằng cấp, chứng chỉ"
    assert seg.text.text[found[2].agency.span.start:found[2].agency.span.end] == KHDT


# ------------------------------------------------------- seed 001 bullets

def test_001_specific_targets_bullets():
    assert summary(SEED_001) == [
        ("-", "Tốc độ tăng trưởng GRDP bình quân", Target("7,25 - 8,25%", "range", 7.25, 8.25, "%")),
        ("-", "Tỷ trọng của khu vực Công nghiệp và Dịch vụ trong cơ cấu GRDP",
         Target("72 - 73%", "range", 72.0, 73.0, "%")),
        ("-", "GRDP bình quân đầu người",
         Target("trong khoảng 7.700 - 7.900 USD", "range", 7700.0, 7900.0, "USD")),
        ("-", "Năng suất lao động tăng trưởng bình quân", Target("6,5 - 7,5%", "range", 6.5, 7.5, "%")),
        ("-", "Tỷ lệ đô thị hóa", Target("ngang bằng với bình quân của cả nước", "qualitative")),
        ("-", "Chỉ số phát triển con người HDI",
         Target("thuộc nhóm có chỉ số HDI cao (nhóm 2) theo phân loại của UNDP", "qualitative")),
        ("-", "Tiếp tục cải thiện, nâng cao năng lực đổi mới sáng tạo của tỉnh góp phần đưa chỉ số GII của Việt Nam",
         Target("thuộc 40 nước dẫn đầu thế giới", "qualitative")),
    ]


def test_001_horizon_section_and_no_monitoring_columns():
    found = indicators(SEED_001)
    assert {i.horizon_year for i in found} == {2030}
    assert all(i.section.startswith("II/2") for i in found)  # "2. Mục tiêu cụ thể đến năm 2030"
    assert {(i.agency, i.period) for i in found} == {(None, None)}


def test_001_year_on_its_own_line_continues_the_bullet():
    # "giai đoạn 2021 \n\n- 2030." is one bullet, not a bullet "- 2030."
    seg, found = parsed(SEED_001)
    first = seg.text.text[found[0].span.start:found[0].span.end]
    assert first.endswith("giai đoạn 2021 \n\n- 2030")


# ------------------------------------------------------- seed 004 packed bullet

def test_004_sentences_and_trong_do_clauses():
    assert summary(SEED_004) == [
        ("-", "Tốc độ tăng trưởng GRDP bình quân", Target("7,25 - 8,25%/năm", "range", 7.25, 8.25, "%/năm")),
        ("-", "Tốc độ tăng trưởng của khu vực Công nghiệp",
         Target("8,25 - 9,25%/năm", "range", 8.25, 9.25, "%/năm")),
        ("-", "GRDP bình quân đầu người", Target("khoảng 7.700 - 7.900 USD", "range", 7700.0, 7900.0, "USD")),
        # "… chiếm khoảng 36,5 - 37,5% GRDP": a share of GRDP
        ("-", "Cơ cấu Công nghiệp - Xây dựng",
         Target("khoảng 36,5 - 37,5% GRDP", "range", 36.5, 37.5, "% GRDP")),
        ("-", "Tỷ lệ đô thị hóa", Target("trên 50%", "gt", 50.0, None, "%")),
        ("-", "Năng suất lao động tăng trưởng bình quân", Target("6,5 - 7,5%/năm", "range", 6.5, 7.5, "%/năm")),
        ("-", "Tỷ lệ lao động qua đào tạo", Target("trên 75%", "gt", 75.0, None, "%")),
        ("-", "Tỷ lệ lao động qua đào tạo, trong đó có bằng cấp, chứng chỉ",
         Target("35 - 40%", "range", 35.0, 40.0, "%")),
        ("-", "Chỉ số phát triển con người (HDI)",
         Target("duy trì thuộc nhóm có chỉ số HDI cao (nhóm 2) theo phân loại của UNDP", "qualitative")),
    ]


def test_004_horizon_and_section():
    found = indicators(SEED_004)
    assert {i.horizon_year for i in found} == {2030}
    assert {i.section.split("/-")[0] for i in found} == {"II/1"}  # "1. Phấn đấu đạt các chỉ tiêu cụ thể …"


# ------------------------------------------------------- seed 003 numbered items

ITEMS_003 = [
    ("(1)", "Tổng sản phẩm trên địa bàn (GRDP giá so sánh 2010) tăng", Target("9,5 - 10%", "range", 9.5, 10.0, "%")),
    ("(2)", "Thu ngân sách trên địa bàn", Target("24.200 tỷ đồng", "eq", 24200.0, None, "tỷ đồng")),
    ("(3)", "Tỷ lệ vốn đầu tư/GRDP", Target("trên 30%", "gt", 30.0, None, "%")),
    ("(4)", "Tỷ lệ lao động qua đào tạo", Target("75%", "eq", 75.0, None, "%")),
    ("(5)", "Giảm hộ nghèo", Target("3.000 hộ", "eq", 3000.0, None, "hộ")),
    ("(6)", "Số lao động có việc làm mới tăng thêm", Target("16.000 người", "eq", 16000.0, None, "người")),
    ("(7)", "Số giường bệnh trên 1 vạn dân", Target("48,3 giường/vạn dân", "eq", 48.3, None, "giường/vạn dân")),
    ("(8)", "Tỷ lệ dân số tham gia bảo hiểm y tế", Target("96,3%", "eq", 96.3, None, "%")),
    ("(9)", "Tỷ lệ dân số tham gia bảo hiểm xã hội/lực lượng lao động trong độ tuổi",
     Target("33%", "eq", 33.0, None, "%")),
    ("(10)", "Tỷ lệ người tham gia bảo hiểm thất nghiệp/lực lượng lao động trong độ tuổi",
     Target("28%", "eq", 28.0, None, "%")),
    ("(11)", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (thể thấp còi)", Target("dưới 20%", "lt", 20.0, None, "%")),
    ("(12)", "Có thêm xã đạt chuẩn nông thôn mới", Target("ít nhất 14 xã", "ge", 14.0, None, "xã")),
    ("(13)", "Tỷ lệ hộ dân đô thị sử dụng nước sạch", Target("85%", "eq", 85.0, None, "%")),
    ("(14)", "Tỷ lệ hộ dân nông thôn được sử dụng nước hợp vệ sinh", Target("95,9%", "eq", 95.9, None, "%")),
    ("(15)", "Tỷ lệ chất thải rắn đô thị được thu gom", Target("99%", "eq", 99.0, None, "%")),
    ("(16)", "Tỷ lệ che phủ rừng", Target("59,49%", "eq", 59.49, None, "%")),
    ("(17)", "Kết nạp đảng viên", Target("2.000 đảng viên trở lên", "ge", 2000.0, None, "đảng viên")),
    ("(18)", "Hoàn thành chỉ tiêu gọi công dân nhập ngũ và động viên quốc phòng",
     Target("100%", "eq", 100.0, None, "%")),
    ("(19)", "Thành lập thị trấn trực thuộc cấp huyện", Target("02 thị trấn", "eq", 2.0, None, "thị trấn")),
]


def numbered(name):
    return [i for i in indicators(name) if i.label.startswith("(")]


def test_003_nineteen_numbered_indicators():
    assert [(i.label, i.name, i.target) for i in numbered(SEED_003)] == ITEMS_003


def test_003_horizon_from_title_and_sections():
    found = numbered(SEED_003)
    assert {i.horizon_year for i in indicators(SEED_003)} == {2025}  # "về phương hướng, nhiệm vụ năm 2025"
    assert [i.section for i in found[:3]] == ["I/2/2.1/(1)", "I/2/2.1/(2)", "I/2/2.1/(3)"]
    assert found[-1].section == "I/2/2.4/(19)"


def test_003_targets_listed_in_a_task_paragraph():
    # II.5: "Phấn đấu giảm tai nạn lao động, tỷ lệ tai nạn lao động chết người giảm ít nhất 4%/năm;
    # số người lao động … được khám, phát hiện bệnh nghề nghiệp tăng ít nhất 5%/năm; số cơ sở …"
    listed = [(i.name, i.target.raw, i.section) for i in indicators(SEED_003) if not i.label.startswith("(")]
    assert listed == [
        ("Tỷ lệ tai nạn lao động chết người giảm", "ít nhất 4%/năm", "II/5"),
        ("Số người lao động làm việc trong môi trường tiếp xúc với các yếu tố có nguy cơ được khám, "
         "phát hiện bệnh nghề nghiệp tăng", "ít nhất 5%/năm", "II/5"),
        ("Số cơ sở phát sinh yếu tố có hại được quan trắc môi trường lao động tăng", "ít nhất 5%/năm", "II/5"),
    ]


def test_003_footnote_marker_is_masked_out_of_item_12():
    seg, found = parsed(SEED_003)
    item = found[11]
    body = seg.body[item.span.start:item.span.end]
    assert "footnoteRef" not in body and "151" in body and "/193 xã" in body
    assert item.span.end <= seg.text.text.index("2.3. Các chỉ tiêu về môi trường")


# ------------------------------------------------------- seed 002, horizons

def test_002_has_no_indicator_list():
    assert indicators(SEED_002) == []


@pytest.mark.parametrize("text, year", [
    ("KẾ HOẠCH GIAI \n\nĐOẠN 2023-2030", 2030),
    ("Mục tiêu cụ thể đến năm 2030", 2030),
    ("Tốc độ tăng trưởng GRDP bình quân đạt 7,25 - 8,25% giai đoạn 2021 \n\n- 2030.", 2030),
    ("Tỷ trọng của khu vực Công nghiệp và Dịch vụ trong cơ cấu GRDP đến 2030 đạt 72 - 73%", 2030),
    ("NGHỊ QUYẾT\nvề phương hướng, nhiệm vụ năm 2025", 2025),
    ("… đến năm 2030, tầm nhìn đến năm 2045", 2030),
    ("tầm nhìn đến năm 2045", None),
    ("Quảng Nam, ngày 30 tháng 11 năm 2024", None),
    ("Tổng sản phẩm trên địa bàn (GRDP giá so sánh 2010)", None),
])
def test_horizon_year(text, year):
    assert horizon_year(text) == year


# ------------------------------------------------------- forms of the genre beyond the seeds

def _seg_of(text):
    from graph.model import SourceFile
    return segment(normalise(SourceFile("x.txt", "x.txt", "0" * 64, "utf-8", text)))


def test_web_table_one_cell_per_line():
    from graph.extract.indicators import table_indicators
    from graph.model import Span
    text = ("STT\nChỉ tiêu\nMục tiêu đến năm 2025\nCơ quan theo dõi\nKỳ báo cáo\n"
            "1\nTỷ lệ dân số tham gia bảo hiểm y tế\n≥ 95%\nSở Y tế\nHằng năm\n"
            "2\nSố doanh nghiệp thành lập mới\ntừ 1.200 doanh nghiệp trở lên\nSở Kế hoạch và Đầu tư\n"
            "Hằng năm, giữa kỳ\n")
    found = table_indicators(text, Span(0, len(text)))
    assert [(i.label, i.name, i.target, i.horizon_year, i.agency.name, i.period) for i in found] == [
        ("1", "Tỷ lệ dân số tham gia bảo hiểm y tế", Target("≥ 95%", "ge", 95.0, None, "%"), 2025, "Sở Y tế",
         "Hằng năm"),
        ("2", "Số doanh nghiệp thành lập mới",
         Target("từ 1.200 doanh nghiệp trở lên", "ge", 1200.0, None, "doanh nghiệp"), 2025,
         "Sở Kế hoạch và Đầu tư", "Hằng năm, giữa kỳ"),
    ]


def test_bullets_without_a_number_are_skipped_and_years_come_from_the_sentence():
    from graph.extract.indicators import list_indicators
    from graph.model import Span
    text = ("- Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.\n"
            "- Nâng cao chất lượng nguồn nhân lực.\n"
            "- Tỷ lệ che phủ rừng duy trì ổn định ở mức không dưới 59%.\n")
    found = list_indicators(text, Span(0, len(text)), default_year=2030)
    assert [(i.name, i.target, i.horizon_year) for i in found] == [
        ("Tỷ lệ hộ nghèo giảm bình quân", Target("1,5%/năm", "eq", 1.5, None, "%/năm"), 2025),
        ("Tỷ lệ che phủ rừng duy trì ổn định", Target("không dưới 59%", "ge", 59.0, None, "%"), 2030),
    ]
