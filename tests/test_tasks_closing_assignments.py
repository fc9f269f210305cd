"""Assignments in the closing part of resolutions, decisions and plans ("Tổ chức thực hiện",
"Trách nhiệm thực hiện") that the parser read no task from.  Each excerpt is copied unchanged from
the file of /work/shared/corpus/real named beside it (corpus README: thuvienphapluat.vn pages of the
public repository tnt305/tai_lieu_noi_bo)."""

from __future__ import annotations

from graph.extract.tasks import prose_tasks
from graph.model import Span


def tasks_of(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (t.label, " ".join(t.text.split()[:4]), [m.printed for m in t.lead], [m.printed for m in t.support])
        for t in prose_tasks(text, Span(0, len(text)))
    ]


def test_giao_a_body_over_points_makes_each_point_its_task():
    # 4672020dbba893fb.txt, Nghị quyết of HĐND thành phố Hà Nội, Điều 6 (8 more council resolutions of
    # the corpus print "1. Giao Ủy ban nhân dân Thành phố:" over points)
    text = (
        "Điều 6. Tổ chức thực hiện\n"
        "1. Giao Ủy ban nhân dân Thành phố:\n"
        "a) Tổ chức thực hiện Nghị quyết bảo đảm kịp thời,\n"
        "công khai, minh bạch; rà soát nguồn và đảm bảo khả năng cân đối ngân sách các cấp\n"
        "để thực hiện chính sách; chỉ đạo làm tốt công tác tuyên truyền để các tầng lớp\n"
        "nhân dân, các cơ quan, tổ chức trên địa bàn hiểu và đồng thuận.\n"
        "b) Tổng hợp tình hình, kết quả thực hiện Nghị quyết\n"
        "và báo cáo Hội đồng nhân dân Thành phố theo quy định.\n"
    )
    assert tasks_of(text) == [
        ("a)", "Tổ chức thực hiện", ["Ủy ban nhân dân Thành phố"], []),
        ("b)", "Tổng hợp tình hình,", ["Ủy ban nhân dân Thành phố"], []),
    ]


def test_giao_a_body_and_its_task_after_the_colon():
    # a6fb1f372de14a1e.txt, Nghị quyết of HĐND thành phố Hà Nội, Điều 2
    text = "1. Giao Ủy ban nhân dân Thành phố: Tổ chức thực hiện Nghị quyết.\n"
    assert tasks_of(text) == [("1.", "Tổ chức thực hiện", ["Ủy ban nhân dân Thành phố"], [])]


def test_giao_a_body_that_directs_others_keeps_the_body_alone_as_lead():
    # 2847e16133f7b987.txt, Chỉ thị of UBND thành phố Cần Thơ: the bodies named after "chỉ đạo" are no part
    # of the name of the body the bullets are handed to
    text = (
        "d) Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo các đơn vị kinh doanh hạ tầng "
        "khu chế xuất, khu, cụm công nghiệp có trách nhiệm:\n"
        "- Đối với các khu, cụm công nghiệp đã được cung cấp nước tập trung lấy từ nguồn nước mặt, tiếp tục "
        "duy trì hoạt động cấp nước phục vụ cho hoạt động của khu chế xuất, khu, cụm công nghiệp đảm bảo liên "
        "tục; xây dựng giải pháp sử dụng nước tuần hoàn, tiết kiệm, hiệu quả tài nguyên nước.\n"
    )
    assert tasks_of(text) == [
        ("-", "Đối với các khu,", ["Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"], [])
    ]
