"""Deadlines as printed in the seeds (role lines of 001/002, Phụ lục II of 000)."""

import datetime as dt

import pytest

from graph.extract.deadlines import inline_deadline, parse_deadline, prose_deadline
from graph.model import DEADLINE_KINDS, Span


@pytest.mark.parametrize(
    "raw, kind, years, quarter",
    [
        ("năm 2020.", "year", (2020,), None),  # 002 "- Thời gian thực hiện: năm 2020."
        ("Năm 2020.", "year", (2020,), None),
        ("2024", "year", (2024,), None),  # 000 Phụ lục II row 3.1
        ("năm 2019, 2020.", "years", (2019, 2020), None),  # 002 1.d)
        ("đến năm 2025.", "by-year", (2025,), None),  # 002 2.đ)
        (
            "đến năm 2025 (đảm bảo đáp ứng mục tiêu phát triển\nkinh tế - xã hội của tỉnh, điện thương phẩm dự báo đạt 4.108 triệu KWh).",
            "by-year",
            (2025,),
            None,
        ),  # 002 2.g)
        (
            "Đến năm 2030 xây dựng, vận hành được ít nhất 01\nNhà máy điện gió tại tỉnh Quảng Ngãi, công suất đạt ít nhất 100 MW.",
            "by-year",
            (2030,),
            None,
        ),  # 002 2.i)
        ("Quý II/2023", "quarter", (2023,), 2),
        ("Hằng năm", "annual", (), None),  # 000 Phụ lục II
        ("Hàng năm", "annual", (), None),
        ("Thường xuyên.", "continuous", (), None),  # 001
        ("thường xuyên, hàng năm", "continuous", (), None),  # 002 "(thực hiện thường xuyên, hàng năm)"
        ("Theo tiến \nđộ cơ quan \nchủ trì", "per-lead-schedule", (), None),  # 000 wrapped cell
        ("Theo tiến \nđộ dự án", "per-plan", (), None),  # 000 row 3.7
        ("theo thời gian thực hiện quy hoạch tỉnh.", "per-plan", (), None),  # 002 2.b)
        ("2021 - 2025", "period", (2021, 2025), None),
        ("giai đoạn 2021-2025", "period", (2021, 2025), None),
        ("Từ năm 2020 - 2025.", "period", (2020, 2025), None),  # 002 6.b)
        ("Từ năm 2023.", "period", (2023,), None),  # 001
        ("Giai đoạn", "period", (), None),  # 000 row 5.4
        # forms of the genre the seeds do not print (tests/genre/ fixtures use them in context)
        ("trước ngày 15/12 hằng năm", "annual", (), None),
        ("trước ngày 05/6 và 05/12 hàng năm", "annual", (), None),
        ("Hằng quý", "periodic", (), None),
        # dev h03 "c) Thời gian thực hiện: Hoàn thành trong năm 2025.", h07 and h08 Phụ lục cells
        ("Hoàn thành trong năm 2025.", "year", (2025,), None),
        ("Xong trong Quý II/2026", "quarter", (2026,), 2),
        ("Năm 2025-2030", "period", (2025, 2030), None),
        ("định kỳ 6 tháng, hằng năm", "periodic", (), None),
        ("6 tháng một lần", "periodic", (), None),
        ("định kỳ hằng quý và đột xuất", "periodic", (), None),
    ],
)
def test_deadline_kinds(raw, kind, years, quarter):
    deadline = parse_deadline(raw)
    assert (deadline.kind, deadline.years, deadline.quarter) == (kind, years, quarter)
    assert deadline.kind in DEADLINE_KINDS


@pytest.mark.parametrize(
    "raw, due",
    [
        ("6 tháng đầu năm 2024", dt.date(2024, 6, 30)),
        ("trong 9 tháng đầu năm 2025", dt.date(2025, 9, 30)),
        ("trong tháng 12/2024", dt.date(2024, 12, 31)),
    ],
)
def test_month_deadlines_fall_on_the_months_last_day(raw, due):
    deadline = parse_deadline(raw)
    assert (deadline.kind, deadline.date) == ("date", due)


def test_date_deadline():
    deadline = parse_deadline("trước ngày 15/12/2024", Span(3, 24))
    assert deadline.kind == "date"
    assert deadline.date == dt.date(2024, 12, 15)
    assert deadline.span == Span(3, 24)


def test_raw_is_cleaned_and_kept():
    assert parse_deadline("Theo tiến \nđộ cơ quan \nchủ trì").raw == "Theo tiến độ cơ quan chủ trì"
    assert parse_deadline("Thường xuyên. ").raw == "Thường xuyên"


@pytest.mark.parametrize(
    "raw",
    [
        "Thực hiện ngay sau khi có quy hoạch tỉnh.",  # 002 7.b)
        "+ Hoàn thành xây dựng chính sách trong năm 2020;\n+ Ký hợp đồng đào tạo nguồn nhân lực: Ít nhất có 05 hợp đồng được ký kết đến năm 2025.",
        "31/02/2024",  # not a date
    ],
)
def test_unspecified_keeps_raw(raw):
    deadline = parse_deadline(raw)
    assert deadline.kind == "unspecified"
    assert deadline.years == () and deadline.date is None
    assert deadline.raw


def test_inline_deadline_in_task_text():
    text = "Tiếp tục thực hiện chương trình xúc tiến, kêu gọi đầu tư hàng năm (thực hiện thường\nxuyên, hàng năm)."
    assert inline_deadline(text) == "thường\nxuyên, hàng năm"
    assert inline_deadline("Xây dựng Đề án thành lập Quỹ tín dụng doanh nghiệp nhỏ và vừa.") is None


# Chỉ thị 07/CT-TTg (tests/corpus/holdout/texts/kccn-sct-vn__CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN.docx), items
# 1.c, 2 and 1.d; a Nghị quyết of HĐND (corpus/real 5f041f5e6645b117); Quyết định 63/2025/QĐ-UBND of Đồng Nai
# (corpus/real 208bf7c0b7e8f27c)
@pytest.mark.parametrize(
    ("text", "raw", "kind"),
    [
        (
            "Chủ trì, phối hợp với các Bộ, ngành liên quan xây dựng Đề án rà soát, xây dựng tiêu chí lựa chọn "
            "một số KKT để tập trung đầu tư phát triển trong giai đoạn từ năm 2013, trình Thủ tướng Chính phủ "
            "trong quý II năm 2012 theo hướng ngân sách trung ương đầu tư tập trung cho các KKT",
            "trong quý II năm 2012",
            "quarter",
        ),
        (
            "Chủ trì, phối hợp với các Bộ, ngành và các địa phương liên quan tiến hành đánh giá kết quả 2 năm "
            "thực hiện Quyết định số 105/2009/QĐ-TTg …, báo cáo Thủ tướng Chính phủ trong quý III năm 2012. "
            "Trong quá trình thực hiện rà soát, yêu cầu tạm dừng việc bổ sung quy hoạch, thành lập, mở rộng CCN "
            "trên cả nước cho đến khi có chỉ đạo của Thủ tướng Chính phủ.",
            "trong quý III năm 2012",
            "quarter",
        ),
        (
            "Hàng năm, tiến hành rà soát các KCN thuộc diện hỗ trợ vốn ngân sách Trung ương để bố trí đủ hạn mức "
            "tối đa cho một số KCN ngay trong năm kế hoạch.",
            "Hàng năm",
            "annual",
        ),
        (
            "Hằng năm, tổ chức đánh giá kết quả thực hiện Nghị quyết.",
            "Hằng năm",
            "annual",
        ),
        (
            "Định kỳ hàng năm hoặc đột xuất báo cáo Ủy ban nhân dân tỉnh về kết quả thực hiện phân cấp.",
            "Định kỳ hàng năm",
            "annual",
        ),
    ],
)
def test_deadlines_inside_or_opening_a_task_sentence(text, raw, kind):
    found = prose_deadline(text)
    assert found is not None and found[0] == raw
    assert text[found[1] : found[1] + len(raw)] == raw
    assert parse_deadline(raw).kind == kind


def test_a_leading_thuong_xuyen_says_how_not_when():
    # seed 002's gold gives "Thường xuyên hướng dẫn, kiểm tra việc thực thi hệ thống quy chuẩn …" no deadline
    assert (
        prose_deadline("Thường xuyên hướng dẫn, kiểm tra việc thực thi hệ thống quy chuẩn kỹ thuật.") is None
    )
