"""A regulation's article that names the body its clauses bind ("Điều 15. Đề nghị Ủy ban Mặt trận Tổ quốc
Việt Nam tỉnh Phú Thọ", "Điều 18. Trách nhiệm của Sở Khoa học và Công nghệ"): each clause, or the
article's one paragraph, is that body's task.  Passages copied from corpus/real (thuvienphapluat.vn pages
of the public GitHub repository tnt305/tai_lieu_noi_bo): 1a3950726cd8511f (Quy chế phối hợp of Phú Thọ on
religion, Điều 15–17) and d71b3a48efad6d2c (Quy chế of Hà Nội on the notarial database, Điều 18 and the heading of Điều 20)."""

from __future__ import annotations

from graph.extract.tasks import prose_tasks
from graph.model import Span

PHU_THO = """Điều 15. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Thọ
1. Tham gia tuyên truyền, phổ biến, vận động các chức sắc, chức việc, nhà tu hành, tín đồ, người theo tín ngưỡng, tôn giáo, các tổ chức tôn giáo, tổ chức tôn giáo trực thuộc và Nhân dân thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về tín ngưỡng, tôn giáo.
2. Phản ánh kịp thời ý kiến, nguyện vọng, kiến nghị của Nhân dân về các vấn đề có liên quan đến tín ngưỡng, tôn giáo với cơ quan Nhà nước có thẩm quyền; phối hợp với các cơ quan, đơn vị có liên quan trong việc giải quyết các vấn đề về tín ngưỡng, tôn giáo.
3. Tham gia xây dựng văn bản quy phạm pháp luật về tín ngưỡng, tôn giáo; phản biện xã hội đối với các dự thảo văn bản quy phạm pháp luật, quy hoạch, kế hoạch, chương trình, dự án phát triển kinh tế - xã hội của Nhà nước có liên quan đến tín ngưỡng, tôn giáo theo quy định của pháp luật.
Điều 16. Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy
3. Chủ trì, phối hợp với các cơ quan có liên quan tham mưu cho Tỉnh ủy ban hành các văn bản lãnh đạo về công tác tín ngưỡng, tôn giáo; tuyên truyền, vận động Nhân dân, các chức sắc, chức việc, nhà tu hành, tín đồ các tôn giáo thực hiện tốt các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.
Chương III
TỔ CHỨC THỰC HIỆN
"""

HA_NOI = """Điều 18. Trách nhiệm của Sở Khoa học và Công nghệ
Phối hợp với Sở Tư pháp bố trí hạ tầng công nghệ thông tin dùng chung của thành phố phục vụ cơ sở dữ liệu công chứng, chứng thực trên địa bàn thành phố; hướng dẫn việc quản lý, lưu trữ, kết nối và chia sẻ dữ liệu trong phạm vi quản lý.
Điều 20. Trách nhiệm của Công an thành phố
"""


def _read(text):
    return prose_tasks(text, Span(0, len(text)))


def test_each_clause_of_an_article_asking_a_body_is_its_task():
    tasks = _read(PHU_THO)
    assert [(t.label, [m.printed for m in t.lead]) for t in tasks] == [
        ("1.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Thọ"]),
        ("2.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Thọ"]),
        ("3.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Thọ"]),
        ("3.", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
    ]
    assert tasks[0].text.startswith("Tham gia tuyên truyền, phổ biến, vận động các chức sắc")
    assert tasks[2].text.endswith("theo quy định của pháp luật.")  # the chapter heading below is not in it
    assert [m.printed for m in tasks[3].support] == ["các cơ quan có liên quan"]


def test_an_article_of_one_paragraph_is_one_task():
    [science] = _read(HA_NOI)
    assert [m.printed for m in science.lead] == ["Sở Khoa học và Công nghệ"]
    assert [m.printed for m in science.support] == ["Sở Tư pháp"]
    assert science.text.startswith("Phối hợp với Sở Tư pháp bố trí hạ tầng công nghệ thông tin")


def test_an_article_that_names_no_body_gives_no_task():
    # "Điều 7. Đề nghị hủy bỏ ghi danh di sản văn hóa phi vật thể …" (corpus/real 54c3026bc7bb5cb7) asks
    # for a procedure, not a body
    text = (
        "Điều 7. Đề nghị hủy bỏ ghi danh di sản văn hóa phi vật thể đã được đưa vào các Danh sách của UNESCO\n"
        "1. Di sản văn hóa phi vật thể bị đề nghị hủy bỏ ghi danh khi không còn đáp ứng tiêu chí.\n"
    )
    assert _read(text) == []
