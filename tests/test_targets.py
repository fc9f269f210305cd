"""parse_target / find_targets on target strings copied from the seeds."""

import pytest

from graph.extract.targets import find_targets, parse_number, parse_target
from graph.model import Target


@pytest.mark.parametrize(
    "printed, value",
    [
        ("7.500", 7500.0),
        ("24.200", 24200.0),
        ("7,25", 7.25),
        ("59,49", 59.49),
        ("02", 2.0),
        ("1.456.000", 1456000.0),
    ],
)
def test_vietnamese_number_format(printed, value):
    assert parse_number(printed) == value


@pytest.mark.parametrize(
    "raw, expected",
    [
        # seed 000 Phụ lục I, target column
        ("> 9%/năm", Target("> 9%/năm", "gt", 9.0, None, "%/năm")),
        ("7.500 - 8.000 USD", Target("7.500 - 8.000 USD", "range", 7500.0, 8000.0, "USD")),
        ("39,5 - 40%", Target("39,5 - 40%", "range", 39.5, 40.0, "%")),
        ("28,7%", Target("28,7%", "eq", 28.7, None, "%")),
        ("37% - 37,5%", Target("37% - 37,5%", "range", 37.0, 37.5, "%")),
        ("khoảng 25%", Target("khoảng 25%", "approx", 25.0, None, "%")),
        ("< 10%", Target("< 10%", "lt", 10.0, None, "%")),
        ("7,5 - 8%/năm", Target("7,5 - 8%/năm", "range", 7.5, 8.0, "%/năm")),
        # seeds 001 / 004 sentences
        (
            "trong khoảng 7.700 - 7.900 USD",
            Target("trong khoảng 7.700 - 7.900 USD", "range", 7700.0, 7900.0, "USD"),
        ),
        ("đạt trên 50%", Target("đạt trên 50%", "gt", 50.0, None, "%")),
        # seed 003 items
        ("dưới 20%", Target("dưới 20%", "lt", 20.0, None, "%")),
        ("từ 90% trở lên", Target("từ 90% trở lên", "ge", 90.0, None, "%")),
        ("2.000 đảng viên trở lên", Target("2.000 đảng viên trở lên", "ge", 2000.0, None, "đảng viên")),
        ("ít nhất 14 xã", Target("ít nhất 14 xã", "ge", 14.0, None, "xã")),
        ("48,3 giường/vạn dân", Target("48,3 giường/vạn dân", "eq", 48.3, None, "giường/vạn dân")),
        ("02 thị trấn", Target("02 thị trấn", "eq", 2.0, None, "thị trấn")),
        ("16.000 người", Target("16.000 người", "eq", 16000.0, None, "người")),
        ("21,7 nghìn tỷ đồng", Target("21,7 nghìn tỷ đồng", "eq", 21.7, None, "nghìn tỷ đồng")),
        ("hơn 84 triệu đồng", Target("hơn 84 triệu đồng", "gt", 84.0, None, "triệu đồng")),
        # comparators of the genre not in the seeds
        ("≥ 95%", Target("≥ 95%", "ge", 95.0, None, "%")),
        ("≤ 5%", Target("≤ 5%", "le", 5.0, None, "%")),
        ("tối thiểu 30 doanh nghiệp", Target("tối thiểu 30 doanh nghiệp", "ge", 30.0, None, "doanh nghiệp")),
        ("không quá 3%", Target("không quá 3%", "le", 3.0, None, "%")),
        ("tối đa 2 lần", Target("tối đa 2 lần", "le", 2.0, None, "lần")),
        ("từ 7 đến 8%", Target("từ 7 đến 8%", "range", 7.0, 8.0, "%")),
    ],
)
def test_numeric_targets(raw, expected):
    assert parse_target(raw) == expected


def test_hard_wrapped_range_is_one_target():
    # seed 001: "đạt trong khoảng 7.700 - \n\n7.900 USD."
    assert parse_target("trong khoảng 7.700 - \n\n7.900 USD") == Target(
        "trong khoảng 7.700 - 7.900 USD", "range", 7700.0, 7900.0, "USD"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "ngang bằng với bình quân của cả nước",
        "thuộc nhóm có chỉ số HDI cao (nhóm 2) theo phân loại của UNDP",
        "thuộc 40 nước dẫn đầu thế giới",
        "từ 2021 đến 2030",
    ],
)
def test_qualitative_targets(raw):
    assert parse_target(raw) == Target(raw, "qualitative")


def test_find_targets_skips_years_and_bare_numbers():
    sentence = "Tốc độ tăng trưởng GRDP bình quân thời kỳ 2021 - 2030 đạt 7,25 - 8,25%/năm"
    assert [m.target.raw for m in find_targets(sentence)] == ["7,25 - 8,25%/năm"]


def test_find_targets_keeps_fraction_denominator_out():
    sentence = "Phấn đấu có thêm ít nhất 14 xã đạt chuẩn nông thôn mới, nâng số xã đạt chuẩn nông thôn mới lên 151/193 xã"
    found = find_targets(sentence)
    assert [(m.target.raw, m.target.comparator) for m in found] == [("ít nhất 14 xã", "ge")]
    assert sentence[found[0].start : found[0].end] == "ít nhất 14 xã"


def test_find_targets_marks_unitless_comparisons():
    sentence = "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (thể thấp còi) dưới 20%"
    found = find_targets(sentence)
    assert [(m.target.raw, m.has_unit) for m in found] == [("dưới 5", False), ("dưới 20%", True)]
