"""Assignments in the closing part of resolutions, decisions and plans ("Tổ chức thực hiện",
"Trách nhiệm thực hiện") that the parser read no task from, and deadlines printed inside a task.
Each excerpt is copied unchanged from the file of /work/shared/corpus/real named beside it (corpus
README: thuvienphapluat.vn pages of the public repository tnt305/tai_lieu_noi_bo)."""

from __future__ import annotations

import datetime as dt

from graph.extract.deadlines import parse_deadline, prose_deadline
from graph.extract.tasks import prose_tasks
from graph.model import Span
from test_tasks_assigned_points import tasks_of  # (label, first 4 words, lead, support) of each task


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


def test_a_sentence_opened_by_giao_inside_an_article_is_a_task():
    # 65dec8089b8bd9d9.txt, Quyết định of UBND tỉnh Cà Mau publishing procedures: the task follows the
    # article's first sentence
    text = (
        "Điều 2. Quyết định này có hiệu lực thi hành\n"
        "kể từ ngày ký. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với đơn vị có liên\n"
        "quan tổ chức thực hiện công khai thủ tục hành chính nội bộ nêu tại Điều 1 Quyết\n"
        "định này trên Cổng Thông tin điện tử tỉnh theo đúng quy định. Hoàn thành xong\n"
        "trong thời hạn 03 ngày làm việc, kể từ ngày Quyết định có hiệu lực thi hành.\n"
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân\n"
    )
    tasks = prose_tasks(text, Span(0, len(text)))
    assert tasks_of(text) == [
        ("Điều 2", "Giao Sở Giáo dục", ["Sở Giáo dục và Đào tạo"], ["đơn vị có liên quan"])
    ]
    assert tasks[0].text.endswith("kể từ ngày Quyết định có hiệu lực thi hành.")


def test_giao_wrapped_from_the_body_it_hands_the_task_to():
    # e8652ce55bfaba04.txt, Quyết định of UBND tỉnh: "Giao" ends the article's first line
    text = (
        "Điều 2. Giao\n"
        "Sở Giáo dục và Đào tạo chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh (Trung\n"
        "tâm Phục vụ hành chính công tỉnh) thiết lập quy trình điện tử giải quyết thủ tục\n"
        "hành chính lên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh theo quy định.\n"
        "Điều 3. Quyết\n"
        "định này có hiệu lực thi hành kể từ ngày ký.\n"
    )
    assert [(label, lead) for label, _, lead, _ in tasks_of(text)] == [("Điều 2", ["Sở Giáo dục và Đào tạo"])]


def test_giao_a_body_whose_name_runs_on_to_a_known_verb_is_no_task():
    # 4bda44e45e4f1633.txt: "cấu hình" is no verb the tables know, the name would run on to "Hệ thống Thông tin"
    text = (
        "2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ\n"
        "tục hành chính trên Hệ thống Thông tin giải quyết thủ tục hành chính Thành phố.\n"
    )
    assert tasks_of(text) == []


def test_a_giao_sentence_over_bullets_is_their_heading_not_a_task():
    # tests/corpus/dev/texts/h06_tphcm-qd2853-ke-hoach-rui-ro-thien-tai.txt, V.1: the bullets are the tasks
    text = (
        "1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, hướng dẫn thực hiện Đề án “Nâng cao "
        "nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng, đến năm 2030” trên địa bàn Thành "
        "phố; tổ chức thực hiện các nhiệm vụ sau:\n"
        "- Điều phối chung, đôn đốc, hướng dẫn việc triển khai Kế hoạch đến các sở, ngành, đơn vị và các địa "
        "phương trên địa bàn Thành phố; tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch Nâng cao nhận thức "
        "cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng trên địa bàn Thành phố hàng năm;\n"
    )
    assert tasks_of(text) == [("-", "Điều phối chung, đôn", ["Sở Nông nghiệp và Môi trường"], [])]


def test_bullets_of_a_part_on_who_does_what_that_name_a_body_are_its_tasks():
    # 99c7d8fff9e4572e.txt, Kế hoạch 982/KH-UBND of UBND tỉnh Nghệ An, V.2 (the file read no task before)
    text = (
        "V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN\n"
        "1. Thời gian thực hiện\n"
        "Đợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội đại "
        "biểu toàn quốc lần thứ XIV của Đảng.\n"
        "2. Trách nhiệm thực hiện\n"
        "- Hội đồng Thi đua - Khen thưởng các cấp phân công rõ trách nhiệm các thành viên trong quá trình chỉ "
        "đạo, hướng dẫn, giám sát việc triển khai thực hiện để Đợt thi đua được triển khai sâu rộng, hiệu quả.\n"
        "- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua; phối hợp với các cơ quan, đơn vị liên quan triển khai, "
        "đôn đốc, đánh giá việc tổ chức thực hiện Kế hoạch; tham mưu biểu dương, khen thưởng các tập thể, cá "
        "nhân tiêu biểu, xuất sắc trong thực hiện Đợt thi đua.\n"
    )
    # (the council's name would run on to "giám sát": no task rather than a wrong lead)
    assert tasks_of(text) == [("-", "Sở Nội vụ hướng", ["Sở Nội vụ"], ["các cơ quan, đơn vị liên quan"])]


def test_a_bullet_elsewhere_describes_and_assigns_nothing():
    # cdf2fbc53d083c98.txt, Quyết định of Trung tâm Phục vụ hành chính công: a step of a procedure
    text = (
        "2. Bước 2. Tiếp nhận hồ sơ\n"
        "- Bộ phận Một cửa tiến hành số hóa toàn bộ hồ sơ theo quy định, đảm bảo 100%, tiếp nhận và chuyển đến "
        "cơ quan có thẩm quyền theo từng thủ tục cụ thể.\n"
    )
    assert tasks_of(text) == []


def test_a_worded_date_or_month_inside_a_task_is_its_deadline():
    # 826ed569ec2ddaa1.txt, Thông báo of the Government Office: the closing sentence follows the deadline
    text = (
        "Giao Bộ Nội vụ khẩn trương hoàn thiện Nghị định đánh giá, xếp loại chất lượng đối với cơ quan hành "
        "chính nhà nước và công chức theo ý kiến thẩm định của Bộ Tư pháp, trình Chính phủ xem xét, quyết định "
        "trong tháng 12/2025.\n"
        "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Đắk Lắk và các Bộ, cơ quan liên quan biết, thực "
        "hiện./.\n"
    )
    raw, _ = prose_deadline(text)
    assert raw == "trong tháng 12/2025"
    assert parse_deadline(raw).date == dt.date(2025, 12, 31)
    # 31786b0833a4130d.txt: a yearly day in words
    text = (
        "thông nghiêm túc triển khai thực hiện; định kỳ trước ngày 30 tháng 11 hàng năm báo cáo kết quả thực "
        "hiện về UBND Thành phố (qua Ban Quản lý các khu\n"
    )
    raw, _ = prose_deadline(text)
    assert (raw, parse_deadline(raw).kind) == ("trước ngày 30 tháng 11 hàng năm", "annual")


def test_a_year_the_task_looks_back_on_is_no_deadline():
    # 27e00d593ec30fac.txt, Nghị quyết of HĐND thành phố Hà Nội, Điều 4.1.c
    text = (
        "Căn cứ kết quả thực hiện Nghị quyết trong năm 2026, Ủy ban nhân dân Thành phố đánh giá tác động và xây "
        "dựng nghị quyết chi thu nhập tăng thêm cho cán bộ, công chức, viên chức thuộc Thành phố năm 2027 và "
        "những năm tiếp theo phù hợp"
    )
    assert prose_deadline(text) is None


def test_a_councils_standing_body_and_its_committees_oversee_the_resolution():
    # 4672020dbba893fb.txt, Nghị quyết of HĐND thành phố Hà Nội, Điều 6.2: the closing formula of 27 council
    # resolutions of the corpus, a list of four bodies
    text = (
        "2. Giao Thường trực Hội đồng nhân dân, các Ban của\n"
        "Hội đồng nhân dân Thành phố, các Tổ đại biểu và đại biểu Hội đồng nhân dân\n"
        "Thành phố giám sát việc thực hiện Nghị quyết.\n"
    )
    assert tasks_of(text) == [
        (
            "2.",
            "Giao Thường trực Hội",
            [
                "Thường trực Hội đồng nhân dân",
                "các Ban của Hội đồng nhân dân Thành phố, các Tổ đại biểu và đại biểu Hội đồng nhân dân Thành phố",
            ],
            [],
        )
    ]
