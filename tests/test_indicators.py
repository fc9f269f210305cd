"""Indicators on the seed documents, through read → normalise → segment."""

from functools import cache
from pathlib import Path

import pytest

from graph.extract.indicators import extract_indicators, horizon_year
from graph.model import Target
from graph.normalise import normalise
from graph.segment import segment
from seeds import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, segmented


@cache
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
    (
        "3.b",
        "Cơ cấu kinh tế: Công nghiệp - Xây dựng, trong đó công nghiệp",
        Target("28,7%", "eq", 28.7, None, "%"),
        KHDT,
    ),
    ("3.c", "Cơ cấu kinh tế: Dịch vụ", Target("37% - 37,5%", "range", 37.0, 37.5, "%"), KHDT),
    (
        "4",
        "Tỷ trọng công nghiệp chế biến, chế tạo",
        Target("khoảng 25%", "approx", 25.0, None, "%"),
        "Sở Công Thương",
    ),
    ("5", "Tỷ lệ đô thị hoá", Target("khoảng 40%", "approx", 40.0, None, "%"), "Sở Xây dựng"),
    (
        "6",
        "Tổng kim ngạch xuất nhập khẩu tăng bình quân hàng năm",
        Target("> 15%", "gt", 15.0, None, "%"),
        "Sở Công Thương",
    ),
    (
        "7",
        "Năng suất lao động hằng năm tăng bình quân",
        Target("7,5 - 8%/năm", "range", 7.5, 8.0, "%/năm"),
        KHDT,
    ),
    (
        "8",
        "Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội",
        Target("< 10%", "lt", 10.0, None, "%"),
        "Sở Nông nghiệp và Phát triển nông thôn",
    ),
    (
        "9",
        "Tỷ lệ người lao động qua đào tạo",
        Target("75 - 80%", "range", 75.0, 80.0, "%"),
        "Sở Lao động - Thương binh và Xã hội",
    ),
    (
        "9.a",
        "Tỷ lệ người lao động qua đào tạo, trong đó lao động qua đào tạo có bằng cấp, chứng chỉ",
        Target("35 - 40%", "range", 35.0, 40.0, "%"),
        "Sở Lao động - Thương binh và Xã hội",
    ),
    (
        "10",
        "Kinh tế số chiếm trong GRDP",
        Target("30%", "eq", 30.0, None, "%"),
        "Sở Thông tin và Truyền thông",
    ),
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
    text = {i.label: seg.text.text[i.span.start : i.span.end] for i in found}
    assert text["1"] == (
        "1 Tốc độ tăng trưởng GRDP bình quân  > 9%/năm Sở Kế hoạch và Đầu tư Hằng năm, giữa kỳ, 5 năm"
    )
    assert text["3.b"] == "Trong đó, công nghiệp:"
    assert text["9.a"] == "Trong đó, lao động qua đào tạo có \nbằng cấp, chứng chỉ"
    assert seg.text.text[found[2].agency.span.start : found[2].agency.span.end] == KHDT


# ------------------------------------------------------- seed 001 bullets


def test_001_specific_targets_bullets():
    assert summary(SEED_001) == [
        ("-", "Tốc độ tăng trưởng GRDP bình quân", Target("7,25 - 8,25%", "range", 7.25, 8.25, "%")),
        (
            "-",
            "Tỷ trọng của khu vực Công nghiệp và Dịch vụ trong cơ cấu GRDP",
            Target("72 - 73%", "range", 72.0, 73.0, "%"),
        ),
        (
            "-",
            "GRDP bình quân đầu người",
            Target("trong khoảng 7.700 - 7.900 USD", "range", 7700.0, 7900.0, "USD"),
        ),
        ("-", "Năng suất lao động tăng trưởng bình quân", Target("6,5 - 7,5%", "range", 6.5, 7.5, "%")),
        ("-", "Tỷ lệ đô thị hóa", Target("ngang bằng với bình quân của cả nước", "qualitative")),
        (
            "-",
            "Chỉ số phát triển con người HDI",
            Target("thuộc nhóm có chỉ số HDI cao (nhóm 2) theo phân loại của UNDP", "qualitative"),
        ),
        (
            "-",
            "Tiếp tục cải thiện, nâng cao năng lực đổi mới sáng tạo của tỉnh góp phần đưa chỉ số GII của Việt Nam",
            Target("thuộc 40 nước dẫn đầu thế giới", "qualitative"),
        ),
    ]


def test_001_horizon_section_and_no_monitoring_columns():
    found = indicators(SEED_001)
    assert {i.horizon_year for i in found} == {2030}
    assert all(i.section.startswith("II/2") for i in found)  # "2. Mục tiêu cụ thể đến năm 2030"
    assert {(i.agency, i.period) for i in found} == {(None, None)}


def test_001_year_on_its_own_line_continues_the_bullet():
    # "giai đoạn 2021 \n\n- 2030." is one bullet, not a bullet "- 2030."
    seg, found = parsed(SEED_001)
    first = seg.text.text[found[0].span.start : found[0].span.end]
    assert first.endswith("giai đoạn 2021 \n\n- 2030")


# ------------------------------------------------------- seed 004 packed bullet


def test_004_sentences_and_trong_do_clauses():
    assert summary(SEED_004) == [
        ("-", "Tốc độ tăng trưởng GRDP bình quân", Target("7,25 - 8,25%/năm", "range", 7.25, 8.25, "%/năm")),
        (
            "-",
            "Tốc độ tăng trưởng của khu vực Công nghiệp",
            Target("8,25 - 9,25%/năm", "range", 8.25, 9.25, "%/năm"),
        ),
        ("-", "GRDP bình quân đầu người", Target("khoảng 7.700 - 7.900 USD", "range", 7700.0, 7900.0, "USD")),
        # "… chiếm khoảng 36,5 - 37,5% GRDP": a share of GRDP
        (
            "-",
            "Cơ cấu Công nghiệp - Xây dựng",
            Target("khoảng 36,5 - 37,5% GRDP", "range", 36.5, 37.5, "% GRDP"),
        ),
        ("-", "Tỷ lệ đô thị hóa", Target("trên 50%", "gt", 50.0, None, "%")),
        (
            "-",
            "Năng suất lao động tăng trưởng bình quân",
            Target("6,5 - 7,5%/năm", "range", 6.5, 7.5, "%/năm"),
        ),
        ("-", "Tỷ lệ lao động qua đào tạo", Target("trên 75%", "gt", 75.0, None, "%")),
        (
            "-",
            "Tỷ lệ lao động qua đào tạo, trong đó có bằng cấp, chứng chỉ",
            Target("35 - 40%", "range", 35.0, 40.0, "%"),
        ),
        (
            "-",
            "Chỉ số phát triển con người (HDI)",
            Target("duy trì thuộc nhóm có chỉ số HDI cao (nhóm 2) theo phân loại của UNDP", "qualitative"),
        ),
    ]


def test_004_horizon_and_section():
    found = indicators(SEED_004)
    assert {i.horizon_year for i in found} == {2030}
    assert {i.section.split("/-")[0] for i in found} == {"II/1"}  # "1. Phấn đấu đạt các chỉ tiêu cụ thể …"


# ------------------------------------------------------- seed 003 numbered items

ITEMS_003 = [
    (
        "(1)",
        "Tổng sản phẩm trên địa bàn (GRDP giá so sánh 2010) tăng",
        Target("9,5 - 10%", "range", 9.5, 10.0, "%"),
    ),
    ("(2)", "Thu ngân sách trên địa bàn", Target("24.200 tỷ đồng", "eq", 24200.0, None, "tỷ đồng")),
    ("(3)", "Tỷ lệ vốn đầu tư/GRDP", Target("trên 30%", "gt", 30.0, None, "%")),
    ("(4)", "Tỷ lệ lao động qua đào tạo", Target("75%", "eq", 75.0, None, "%")),
    ("(5)", "Giảm hộ nghèo", Target("3.000 hộ", "eq", 3000.0, None, "hộ")),
    ("(6)", "Số lao động có việc làm mới tăng thêm", Target("16.000 người", "eq", 16000.0, None, "người")),
    (
        "(7)",
        "Số giường bệnh trên 1 vạn dân",
        Target("48,3 giường/vạn dân", "eq", 48.3, None, "giường/vạn dân"),
    ),
    ("(8)", "Tỷ lệ dân số tham gia bảo hiểm y tế", Target("96,3%", "eq", 96.3, None, "%")),
    (
        "(9)",
        "Tỷ lệ dân số tham gia bảo hiểm xã hội/lực lượng lao động trong độ tuổi",
        Target("33%", "eq", 33.0, None, "%"),
    ),
    (
        "(10)",
        "Tỷ lệ người tham gia bảo hiểm thất nghiệp/lực lượng lao động trong độ tuổi",
        Target("28%", "eq", 28.0, None, "%"),
    ),
    (
        "(11)",
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (thể thấp còi)",
        Target("dưới 20%", "lt", 20.0, None, "%"),
    ),
    ("(12)", "Có thêm xã đạt chuẩn nông thôn mới", Target("ít nhất 14 xã", "ge", 14.0, None, "xã")),
    ("(13)", "Tỷ lệ hộ dân đô thị sử dụng nước sạch", Target("85%", "eq", 85.0, None, "%")),
    ("(14)", "Tỷ lệ hộ dân nông thôn được sử dụng nước hợp vệ sinh", Target("95,9%", "eq", 95.9, None, "%")),
    ("(15)", "Tỷ lệ chất thải rắn đô thị được thu gom", Target("99%", "eq", 99.0, None, "%")),
    ("(16)", "Tỷ lệ che phủ rừng", Target("59,49%", "eq", 59.49, None, "%")),
    ("(17)", "Kết nạp đảng viên", Target("2.000 đảng viên trở lên", "ge", 2000.0, None, "đảng viên")),
    (
        "(18)",
        "Hoàn thành chỉ tiêu gọi công dân nhập ngũ và động viên quốc phòng",
        Target("100%", "eq", 100.0, None, "%"),
    ),
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
        (
            "Số người lao động làm việc trong môi trường tiếp xúc với các yếu tố có nguy cơ được khám, "
            "phát hiện bệnh nghề nghiệp tăng",
            "ít nhất 5%/năm",
            "II/5",
        ),
        (
            "Số cơ sở phát sinh yếu tố có hại được quan trắc môi trường lao động tăng",
            "ít nhất 5%/năm",
            "II/5",
        ),
    ]


def test_003_footnote_marker_is_masked_out_of_item_12():
    seg, found = parsed(SEED_003)
    item = found[11]
    body = seg.body[item.span.start : item.span.end]
    assert "footnoteRef" not in body and "151" in body and "/193 xã" in body
    assert item.span.end <= seg.text.text.index("2.3. Các chỉ tiêu về môi trường")


# ------------------------------------------------------- seed 002, horizons


def test_002_has_no_indicator_list():
    assert indicators(SEED_002) == []


@pytest.mark.parametrize(
    "text, year",
    [
        ("KẾ HOẠCH GIAI \n\nĐOẠN 2023-2030", 2030),
        ("Mục tiêu cụ thể đến năm 2030", 2030),
        ("Tốc độ tăng trưởng GRDP bình quân đạt 7,25 - 8,25% giai đoạn 2021 \n\n- 2030.", 2030),
        ("Tỷ trọng của khu vực Công nghiệp và Dịch vụ trong cơ cấu GRDP đến 2030 đạt 72 - 73%", 2030),
        ("NGHỊ QUYẾT\nvề phương hướng, nhiệm vụ năm 2025", 2025),
        ("… đến năm 2030, tầm nhìn đến năm 2045", 2030),
        ("tầm nhìn đến năm 2045", None),
        ("Quảng Nam, ngày 30 tháng 11 năm 2024", None),
        ("Tổng sản phẩm trên địa bàn (GRDP giá so sánh 2010)", None),
    ],
)
def test_horizon_year(text, year):
    assert horizon_year(text) == year


# ------------------------------------------------------- forms of the genre beyond the seeds


def _seg_of(text):
    from graph.model import SourceFile

    return segment(normalise(SourceFile("x.txt", "x.txt", "0" * 64, "utf-8", text)))


def test_web_table_one_cell_per_line():
    from graph.extract.indicators import table_indicators
    from graph.model import Span

    text = (
        "STT\nChỉ tiêu\nMục tiêu đến năm 2025\nCơ quan theo dõi\nKỳ báo cáo\n"
        "1\nTỷ lệ dân số tham gia bảo hiểm y tế\n≥ 95%\nSở Y tế\nHằng năm\n"
        "2\nSố doanh nghiệp thành lập mới\ntừ 1.200 doanh nghiệp trở lên\nSở Kế hoạch và Đầu tư\n"
        "Hằng năm, giữa kỳ\n"
    )
    found = table_indicators(text, Span(0, len(text)))
    assert [(i.label, i.name, i.target, i.horizon_year, i.agency.name, i.period) for i in found] == [
        (
            "1",
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            Target("≥ 95%", "ge", 95.0, None, "%"),
            2025,
            "Sở Y tế",
            "Hằng năm",
        ),
        (
            "2",
            "Số doanh nghiệp thành lập mới",
            Target("từ 1.200 doanh nghiệp trở lên", "ge", 1200.0, None, "doanh nghiệp"),
            2025,
            "Sở Kế hoạch và Đầu tư",
            "Hằng năm, giữa kỳ",
        ),
    ]


def test_bullets_without_a_number_are_skipped_and_years_come_from_the_sentence():
    from graph.extract.indicators import list_indicators
    from graph.model import Span

    text = (
        "- Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.\n"
        "- Nâng cao chất lượng nguồn nhân lực.\n"
        "- Tỷ lệ che phủ rừng duy trì ổn định ở mức không dưới 59%.\n"
    )
    found = list_indicators(text, Span(0, len(text)), default_year=2030)
    assert [(i.name, i.target, i.horizon_year) for i in found] == [
        ("Tỷ lệ hộ nghèo giảm bình quân", Target("1,5%/năm", "eq", 1.5, None, "%/năm"), 2025),
        ("Tỷ lệ che phủ rừng duy trì ổn định", Target("không dưới 59%", "ge", 59.0, None, "%"), 2030),
    ]


# ------------------------------------------------- real documents of the dev corpus (tests/corpus/dev)

DEV = Path(__file__).parent / "corpus" / "dev" / "texts"


@cache
def dev(stem):
    from graph.read import read_source

    return extract_indicators(segment(normalise(read_source(next(DEV.glob(f"{stem}_*.txt"))))))


def test_h08_column_table_rows_grouped_under_periods():
    # QĐ 2629/QĐ-TTg Phụ lục I: "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá",
    # rows "1" … under "I" / "Giai đoạn 2025-2027" and "I.1" / "Cung cấp dịch vụ số bao trùm, thông minh"
    found = dev("h08")
    assert [i.label for i in found] == (
        [f"I.1.{n}" for n in range(1, 4)]
        + [f"I.2.{n}" for n in range(1, 8)]
        + [f"II.1.{n}" for n in range(1, 6)]
        + [f"II.2.{n}" for n in range(1, 8)]
    )
    first = found[0]
    assert (first.name, first.target, first.agency.name, first.horizon_year, first.section) == (
        "Tỉ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện",
        Target("100%", "eq", 100.0, None, "%"),
        "Văn phòng Chính phủ",
        2027,
        "PHỤ LỤC I",
    )
    assert {i.horizon_year for i in found if i.label.startswith("II.")} == {2030}  # "Giai đoạn 2028-2030"
    # the "+ 100% …" bullets of "2. Mục tiêu cụ thể" repeat the table: not counted twice
    assert len(found) == 22


def test_h08_task_table_with_a_result_column_is_not_read_as_indicators():
    # Phụ lục II "TT | Nhiệm vụ, giải pháp | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian thực hiện"
    assert not [i for i in dev("h08") if i.section and i.section.startswith("PHỤ LỤC II")]


def test_h09_task_table_with_an_achievement_column_is_not_read_as_indicators():
    # QĐ 2530/QĐ-TTg Phụ lục I: "STT | Cơ quan chủ trì | … | Nội dung nhiệm vụ | Chỉ tiêu đạt được | …"
    assert not [i for i in dev("h09") if i.section and i.section.startswith("PHỤ LỤC")]


def named(stem):
    return {i.name: i for i in dev(stem)}


def test_h10_prose_targets_of_a_politburo_resolution():
    # NQ 57-NQ/TW "II- MỤC TIÊU / 1. Đến năm 2030 / - … Quy mô kinh tế số đạt tối thiểu 30% GDP. …"
    found = named("h10")
    expected = {
        "Quy mô kinh tế số": (Target("tối thiểu 30% GDP", "ge", 30.0, None, "% GDP"), 2030),
        "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế": (
            Target("trên 55%", "gt", 55.0, None, "%"),
            2030,
        ),
        # "Kinh phí chi cho nghiên cứu phát triển (R&D) đạt 2% GDP, trong đó kinh phí từ xã hội chiếm hơn 60%"
        "Kinh phí từ xã hội": (Target("hơn 60%", "gt", 60.0, None, "%"), 2030),
        # "… tăng trung bình 16 - 18%/năm, tỉ lệ khai thác thương mại đạt 8 - 10%": two targets
        "Tỉ lệ khai thác thương mại": (Target("8 - 10%", "range", 8.0, 10.0, "%"), 2030),
        # "Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á, nhóm 50 nước đứng đầu thế giới về năng lực …"
        "Năng lực cạnh tranh số và chỉ số phát triển Chính phủ điện tử": (
            Target("thuộc nhóm 3 nước dẫn đầu Đông Nam Á, nhóm 50 nước đứng đầu thế giới", "qualitative"),
            2030,
        ),
        # "2. Tầm nhìn đến năm 2045 … thuộc nhóm 30 nước dẫn đầu thế giới về đổi mới sáng tạo, chuyển đổi số"
        "Đổi mới sáng tạo, chuyển đổi số": (
            Target("thuộc nhóm 30 nước dẫn đầu thế giới", "qualitative"),
            2045,
        ),
        "Tỉ lệ doanh nghiệp công nghệ số": (Target("tương đương các nước phát triển", "qualitative"), 2045),
        # "Khoa học, công nghệ … góp phần …, đóng góp vào chỉ số phát triển con người (HDI) duy trì trên 0,7"
        "Chỉ số phát triển con người (HDI)": (Target("trên 0,7", "gt", 0.7, None, None), 2030),
    }
    assert {name: (found[name].target, found[name].horizon_year) for name in expected} == expected
    # "Tối thiểu có 5 doanh nghiệp công nghệ số ngang tầm các nước tiên tiến" (2030), "… có 10 …" (2045)
    assert [
        (i.target.low, i.horizon_year)
        for i in dev("h10")
        if i.name == "Doanh nghiệp công nghệ số ngang tầm các nước tiên tiến"
    ] == [(5.0, 2030), (10.0, 2045)]


def test_h10_aims_without_a_value_are_not_indicators():
    # "Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo đạt mức tiên tiến …, thuộc nhóm dẫn đầu …"
    # "Hoàn thành xây dựng đô thị thông minh đối với các thành phố trực thuộc Trung ương …"
    assert not [
        n for n in named("h10") if n.startswith(("Tiềm lực", "Hoàn thành xây dựng", "Quản lý nhà nước"))
    ]


def test_h04_value_first_numbered_lines():
    # KH 141 Bắc Ninh "II. MỤC TIÊU CHỦ YẾU / 1. 100% đội ngũ cán bộ, công chức … / 4. Trong giai đoạn
    # 2026 - 2030 phấn đấu có ít nhất 10% đội ngũ cán bộ, công chức …"
    found = dev("h04")
    assert [(i.label, i.name[:60], i.target.raw) for i in found] == [
        ("1", "Đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật trê", "100%"),
        ("2", "Các Sở, ngành bố trí công chức, viên chức làm công tác xây d", "100%"),
        ("3", "Các xã, phường bố trí công chức xây dựng chính sách, pháp lu", "100%"),
        ("4", "Đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật từ ", "ít nhất 10%"),
        ("5", "Đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật đượ", "100%"),
    ]
    assert found[3].horizon_year == 2030  # "Trong giai đoạn 2026 - 2030"


def test_h05_targets_listed_inside_a_task():
    # KH 165 Cần Thơ, task a) of "1. Sở Y tế": "… cụ thể: Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ;
    # tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái sinh ra sống; … giảm 50% số cặp tảo hôn,
    # giảm 60% số cặp hôn nhân cận huyết thống; 70% phụ nữ mang thai được tầm soát …"
    assert [(i.name, i.target.raw) for i in dev("h05")] == [
        ("Tổng tỷ suất sinh", "2,1 con/phụ nữ"),
        ("Tỷ số giới tính khi sinh", "dưới 109"),
        ("Tỷ lệ trẻ em dưới 15 tuổi", "khoảng 22%"),
        ("Tỷ lệ người từ 65 tuổi trở lên", "khoảng 12%"),
        ("Tỷ lệ phụ thuộc chung", "khoảng 51%"),
        ("Tỷ lệ nam, nữ thanh niên được tư vấn, khám sức khoẻ trước khi kết hôn", "90%"),
        ("Giảm số cặp tảo hôn", "50%"),
        ("Giảm số cặp hôn nhân cận huyết thống", "60%"),
        ("Phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh tật bẩm sinh phổ biến nhất", "70%"),
        ("Trẻ sơ sinh được tầm soát ít nhất 5 bệnh bẩm sinh phổ biến nhất", "90%"),
    ]
    # the task sits under "1. Sở Y tế": that body follows the targets
    assert {i.agency.name for i in dev("h05")} == {"Sở Y tế"}


def test_h01_paragraphs_under_heading_bullets():
    # KH 552 Đồng Tháp "2.1. Đến năm 2030 / - Nông nghiệp Công nghệ cao / Phấn đấu trên 50% diện tích …
    # / - Du lịch và dịch vụ / 100% điểm đến du lịch trọng điểm … . Đồng thời, phát triển ít nhất 10 sản phẩm …"
    found = named("h01")
    assert (
        found[
            "Diện tích sản xuất nông nghiệp chủ lực (lúa, xoài, cây ăn trái, hoa kiểng) ứng dụng công nghệ "
            "thông minh, tự động hóa, số hóa và công nghệ sinh học"
        ].target.raw
        == "trên 50%"
    )
    assert found[
        "Điểm đến du lịch trọng điểm ứng dụng công nghệ số (hướng dẫn số, bản đồ số, thanh toán điện tử, "
        "quảng bá trực tuyến)"
    ].target == Target("100%", "eq", 100.0, None, "%")
    assert (
        found[
            "Hình thành mô hình sản xuất nông nghiệp tuần hoàn - hữu cơ - thích ứng biến đổi khí hậu, có khả "
            "năng nhân rộng toàn Tỉnh"
        ].target.raw
        == "ít nhất 20 mô hình"
    )
    assert found["Quy mô kinh tế số"].horizon_year == 2035  # "2.2. Định hướng đến năm 2035"
    assert len(found) == 20


def test_h02_numbered_targets_in_a_section_under_the_objectives():
    # KH 179 Đồng Nai "II. MỤC TIÊU / … / 2. Phát triển xã hội số đến năm 2030 với các mục tiêu (14 mục tiêu)
    # / (1) Tỷ lệ dân số từ 15 tuổi trở lên có điện thoại thông minh tối thiểu 95%; …"
    social = [i for i in dev("h02") if i.section and i.section.startswith("II/2")]
    assert [i.label for i in social] == [f"({n})" for n in range(1, 15)]
    assert (social[0].name, social[0].target.raw) == (
        "Tỷ lệ dân số từ 15 tuổi trở lên có điện thoại thông minh",
        "tối thiểu 95%",
    )
    # "(2) Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử phấn đấu đạt trên 70%"
    assert ("Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử", "trên 70%") in {
        (i.name, i.target.raw) for i in dev("h02")
    }


def test_numbered_targets_under_objectives():
    # real/31fb08f34535fce3 (a provincial plan on gender equality, 2025), "II. MỤC TIÊU CỦA KẾ HOẠCH":
    # each "- Chỉ tiêu n:" bullet is a target, numbered by the document; "Từ năm 2025 trở đi" is a horizon
    text = (
        "II. MỤC TIÊU CỦA KẾ HOẠCH\n"
        "1.6. Mục tiêu 6. Trong lĩnh vực thông tin, truyền thông\n"
        "- Chỉ tiêu 1: Phấn đấu năm 2025 đạt 60% dân số được tiếp cận kiến thức cơ bản về bình đẳng giới.\n"
        "- Chỉ tiêu 3: Từ năm 2025 trở đi 100% xã, phường, thị trấn mỗi quý có ít nhất 04 tin, bài về "
        "bình đẳng giới trên hệ thống thông tin cơ sở.\n"
    )
    found = extract_indicators(_seg_of(text))
    assert [(i.label, i.name, i.target.raw, i.horizon_year) for i in found] == [
        ("Chỉ tiêu 1", "Dân số được tiếp cận kiến thức cơ bản về bình đẳng giới", "60%", 2025),
        (
            "Chỉ tiêu 3",
            "Xã, phường, thị trấn mỗi quý có ít nhất 04 tin, bài về bình đẳng giới trên hệ thống "
            "thông tin cơ sở",
            "100%",
            2025,
        ),
    ]
