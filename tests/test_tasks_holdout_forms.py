"""Task forms that the held-out documents (tests/corpus/holdout, annotated by hand; sources in
tests/corpus/holdout/SOURCE-tasks.md) printed and the parser missed, and the same forms in
corpus/real.  Each test reads the real document, or a passage copied from it (source named)."""

from __future__ import annotations

from pathlib import Path

from graph.extract.tasks import prose_tasks
from graph.model import Span
from graph.pipeline import parse_file

HOLDOUT = Path(__file__).parent / "corpus" / "holdout" / "texts"


def test_a_task_table_whose_group_rows_print_their_title_beside_the_roman_numeral():
    # Kế hoạch 617/KH-UBND of Đồng Tháp: "I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY" is one cell,
    # and its rows run 1 … 11 across the groups
    doc = parse_file(HOLDOUT / "8718801c503045f9.txt")
    rows = [t for t in doc.tasks if t.layout == "table"]
    assert [t.label for t in rows] == [str(n) for n in range(1, 12)]
    third = rows[2]
    assert third.text.startswith("Biểu dương, tôn vinh, khen thưởng, khích lệ")
    assert [m.printed for m in third.lead] == ["Sở Nội vụ"]
    assert [m.printed for m in third.support] == ["Sở KH&CN", "các cơ quan, đơn vị liên quan"]
    assert third.deadline is not None and third.deadline.raw == "Thường xuyên, hằng năm"
    # the group title that followed row 3 is not part of it, nor of row 4
    assert "HOÀN THIỆN" not in third.text
    assert rows[3].text == "Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp."
    assert rows[3].deadline is not None and rows[3].deadline.raw == "Quí IV-2025"


SON_LA_EXPORT_PLAN = HOLDOUT / "f1e0981425ec38be.txt"


def test_the_plan_a_decision_issues_below_its_recipients_is_read():
    # Quyết định 2954/QĐ-UBND of Sơn La prints "Nơi nhận: …", its signature, then "KẾ HOẠCH" and the
    # plan with no "kèm theo" note: the plan's "V. TỔ CHỨC THỰC HIỆN" holds the tasks
    doc = parse_file(SON_LA_EXPORT_PLAN)
    police = [t for t in doc.tasks if [m.printed for m in t.lead] == ["Công an tỉnh"]]
    assert len(police) == 1
    assert police[0].text.startswith("Chủ trì, phối hợp với các sở, ngành, UBND các xã, phường thực hiện")
    assert [m.printed for m in police[0].support] == ["các sở, ngành", "UBND các xã, phường"]


def test_role_subheadings_under_an_agency_heading_give_their_bullets_partners():
    # "1. Sở Công Thương" / "a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ
    # quan, đơn vị có liên quan" / "- …" × 4 / "b) Phối hợp với các sở, ngành, UBND các xã, phường" /
    # "- …" × 2; and "4. Sở Khoa học và Công Nghệ" / "Chủ trì, phối hợp với …:" / "- …" × 3
    doc = parse_file(SON_LA_EXPORT_PLAN)
    trade = [t for t in doc.tasks if [m.printed for m in t.lead] == ["Sở Công Thương"] and t.label == "-"]
    assert [t.text.split(",")[0] for t in trade] == [
        "Là cơ quan đầu mối chủ trì tổ chức thực hiện",
        "Tổ chức chương trình tập huấn kiến thức",
        "Tổ chức",
        "Tham mưu phát triển công nghiệp bảo quản",
        "Hỗ trợ các nhà đầu tư",
        "Thực hiện có hiệu quả",
    ]
    assert trade[0].support[0].printed == "các sở, ban, ngành"
    assert [m.printed for m in trade[4].support] == ["các sở, ngành", "UBND các xã, phường"]
    science = [t for t in doc.tasks if [m.printed for m in t.lead] == ["Sở Khoa học và Công Nghệ"]]
    assert len(science) == 3
    assert science[2].text.startswith("Hỗ trợ cập nhật các thông tin liên quan")
    assert [m.printed for m in science[2].support] == [
        "các sở, ngành",
        "UBND các xã, phường",
        "các cơ quan, đơn vị có liên quan",
    ]
    # the sub-heading itself is no task
    assert not [t for t in doc.tasks if t.text.startswith("Chủ trì, phối hợp với các sở, ban, ngành, UBND")]


# Kế hoạch 987/KH-UBND of Nghệ An (tests/corpus/holdout/texts/ceb89a53c7b93f00.txt), lines 58–62 and 68–73
NGHE_AN_ITEMS = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
- Theo dõi, đôn đốc, chỉ đạo các doanh nghiệp viễn thông triển khai phát triển hạ tầng viễn thông phủ sóng 5G theo Kế hoạch.
- Chủ trì, phối hợp các đơn vị liên quan hướng dẫn, theo dõi, kiểm tra, đôn đốc các Doanh nghiệp Viễn thông tổ chức triển khai thực hiện nhiệm vụ theo Kế hoạch.
- Phối hợp chặt chẽ với các nhà mạng (Viettel Nghệ An, VNPT Nghệ An, MobiFone Nghệ An) để xây dựng lộ trình, kế hoạch cụ thể triển khai trạm phát sóng 5G và ứng dụng IoT tại các KCN.
3. Các Sở, ban, ngành cấp tỉnh
- Phối hợp Sở Khoa học và Công nghệ và các đơn vị liên quan tiếp nhận và giải quyết các khó khăn, vướng mắc trong quá trình triển khai Kế hoạch này.
- Chủ trì, phối hợp các đơn vị điện lực trên địa bàn tỉnh trong việc rà soát, đảm bảo khả năng cung ứng điện ổn định, an toàn cho các trạm BTS 5G và hệ thống IoT.
"""

# Kế hoạch of UBND tỉnh (corpus/real 77dca8a7aeea79a1), item 2.c, its lines joined
CLOSE_PARTNER_ITEM = """2. Ủy ban nhân dân các xã, phường
c) Phối hợp chặt chẽ với Sở Nội vụ trong quá trình thực hiện thủ tục hành chính không phụ thuộc vào địa giới hành chính, phản ánh kịp thời những khó khăn, vướng mắc để được hướng dẫn, tháo gỡ.
"""


def test_partners_named_after_phoi_hop_without_voi_or_with_chat_che():
    tasks = prose_tasks(NGHE_AN_ITEMS, Span(0, len(NGHE_AN_ITEMS)))

    def support(opening):
        [task] = [t for t in tasks if t.text.startswith(opening)]
        return [m.printed for m in task.support]

    assert support("Theo dõi, đôn đốc, chỉ đạo các doanh nghi") == []
    assert support("Chủ trì, phối hợp các đơn vị liên quan hư") == ["các đơn vị liên quan"]
    # the names end before "để …", "tiếp nhận …", "trong việc …"
    assert support("Phối hợp chặt chẽ với các nhà mạng (Viett") == [
        "các nhà mạng (Viettel Nghệ An, VNPT Nghệ An, MobiFone Nghệ An)"
    ]
    assert support("Phối hợp Sở Khoa học và Công nghệ và các ") == [
        "Sở Khoa học và Công nghệ",
        "các đơn vị liên quan",
    ]
    assert support("Chủ trì, phối hợp các đơn vị điện lực trê") == ["các đơn vị điện lực trên địa bàn tỉnh"]
    assert {tuple(m.printed for m in t.lead) for t in tasks} == {
        ("Sở Khoa học và Công nghệ",),
        ("Các Sở, ban, ngành cấp tỉnh",),
    }


def test_partners_end_before_trong_qua_trinh():
    [task] = prose_tasks(CLOSE_PARTNER_ITEM, Span(0, len(CLOSE_PARTNER_ITEM)))
    assert [m.printed for m in task.lead] == ["Ủy ban nhân dân các xã, phường"]
    assert [m.printed for m in task.support] == ["Sở Nội vụ"]


def test_a_plan_the_decision_says_it_issues_is_attached_even_without_a_note():
    # "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu …", then "Nơi nhận", the signature,
    # "KẾ HOẠCH" / "XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA GIAI ĐOẠN 2026 - 2030" and no "(Ban hành kèm theo …)"
    doc = parse_file(SON_LA_EXPORT_PLAN)
    assert [a.label for a in doc.appendices] == ["KẾ HOẠCH", "PHỤ LỤC 01", "PHỤ LỤC 02"]
    assert doc.appendices[0].title == "XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA GIAI ĐOẠN 2026 - 2030"
    assert doc.appendices[0].attached_note is None
    parts = [s.heading for s in doc.sections if s.key.count("/") == 1 and s.key.startswith("KẾ HOẠCH/")]
    assert parts == ["MỤC TIÊU", "CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2030", parts[2], "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"]


def test_export_targets_in_tons_and_millions_of_usd():
    # "II. CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2030" of the same plan: "- Các sản phẩm trái cây: Tổng sản phẩm trái
    # cây tham gia xuất khẩu phấn đấu đến năm 2030 đạt trên 46.200 tấn; tổng giá trị … dự kiến đạt trên
    # 48,3 triệu USD, …", "+ Tổng sản phẩm Xoài tham gia xuất khẩu phấn đấu đến năm 2030 đạt 18.000 tấn; …"
    doc = parse_file(SON_LA_EXPORT_PLAN)
    by_name = {i.name: i.target for i in doc.indicators}
    fruit = by_name["Tổng sản phẩm trái cây tham gia xuất khẩu"]
    assert fruit is not None and (fruit.comparator, fruit.low, fruit.unit) == ("gt", 46200.0, "tấn")
    value = by_name["Tổng giá trị sản phẩm trái cây tham gia xuất khẩu"]
    assert value is not None and (value.comparator, value.low, value.unit) == ("gt", 48.3, "triệu USD")
    mango = by_name["Tổng sản phẩm Xoài tham gia xuất khẩu"]
    assert mango is not None and (mango.raw, mango.low) == ("18.000 tấn", 18000.0)
    total = by_name["Giá trị hàng hóa tham gia xuất khẩu"]
    assert total is not None and (total.raw, total.unit) == ("400 triệu USD", "triệu USD")


def test_an_agency_heading_asking_bodies_named_in_lower_case():
    # "11. Đề nghị các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa" over three bullets
    doc = parse_file(SON_LA_EXPORT_PLAN)
    asked = [
        t
        for t in doc.tasks
        if [m.printed for m in t.lead] == ["các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa"]
    ]
    assert [t.text.split(",")[0] for t in asked] == [
        "Chủ động nắm bắt thông tin thị trường để xây dựng Kế hoạch sản xuất",
        "Nghiên cứu",
        "Thường xuyên phối hợp",
    ]


PRIME_MINISTER_DIRECTIVE = HOLDOUT / "kccn-sct-vn__CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN.docx"


def test_a_directive_read_from_word_gives_its_points_bodies_and_quarters():
    # Chỉ thị 07/CT-TTg as the .docx reader gives it: "1. Bộ Kế hoạch và Đầu tư:" over lettered points,
    # "8. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" over points that direct other bodies
    doc = parse_file(PRIME_MINISTER_DIRECTIVE)

    def task(opening):
        [found] = [t for t in doc.tasks if t.text.startswith(opening)]
        return found

    review = task("Chủ trì, phối hợp với các Bộ, ngành liên quan xây dựng Đề án rà soát")
    assert [m.printed for m in review.lead] == ["Bộ Kế hoạch và Đầu tư"]
    # the quarter inside the sentence, not at its end, is the deadline
    assert review.deadline is not None and (review.deadline.raw, review.deadline.quarter) == (
        "trong quý II năm 2012",
        2,
    )
    yearly = task("Hàng năm, tiến hành rà soát các KCN thuộc diện hỗ trợ vốn ngân sách")
    assert yearly.deadline is not None and yearly.deadline.kind == "annual"
    # "c) Chỉ đạo Ban quản lý KKT, KCN và các sở, ngành liên quan tuân thủ …": the committee the point is
    # addressed to leads, not the bodies it directs (SCHEMA: lead = chủ trì / thực hiện)
    directing = task("Chỉ đạo Ban quản lý KKT, KCN và các sở, ngành liên quan tuân thủ nghiêm túc")
    assert [m.printed for m in directing.lead] == [
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    ]


# Thông báo 659/TB-VPCP (tests/corpus/holdout/texts/x405a6cab_vpcp-tb659-ket-luan-nq66.txt), item 2: a
# "Trên cơ sở …," lead-in before the body that acts
LEAD_IN_ITEMS = """2. Trên cơ sở đề nghị của
các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, kịp thời bố trí
kinh phí ngân sách Nhà nước, trình cấp có thẩm quyền theo quy định pháp luật, bảo
đảm phục vụ kịp thời, hiệu quả công tác xây dựng và tổ chức thi hành pháp luật.
"""


def test_the_body_after_a_tren_co_so_lead_in_acts():
    [task] = prose_tasks(LEAD_IN_ITEMS, Span(0, len(LEAD_IN_ITEMS)))
    assert [m.printed for m in task.lead] == ["Bộ Tài chính"]
    # the lead-in stays in the task's text, as the clerk copies it
    assert task.text.startswith("Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương")


# Nghị quyết 380/NQ-CP of the Government (corpus/real a69069ae524315d9, a thuvienphapluat.vn page of the
# public GitHub repository tnt305/tai_lieu_noi_bo): lettered lead headings over bullets, one of them a point
# under a heading of its own
GOVERNMENT_LETTERED_HEADINGS = """c) Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan liên quan:
- Thực hiện hiệu quả các chính sách miễn, giảm, gia hạn thuế, phí, lệ phí, tiền thuê đất,... cho các đối tượng bị ảnh hưởng, thiệt hại bởi thiên tai theo quy định của pháp luật. Chỉ đạo cơ quan Thuế tạo điều kiện thuận lợi nhất cho người dân và doanh nghiệp khi làm thủ tục miễn, giảm, gia hạn theo quy định;
- Chỉ đạo các doanh nghiệp kinh doanh bảo hiểm khẩn trương rà soát, chi trả quyền lợi bảo hiểm cho khách hàng bị ảnh hưởng, bảo đảm nhanh chóng, đầy đủ, kịp thời theo quy định của pháp luật. Trước mắt, thực hiện ngay việc tạm ứng bồi thường cho khách hàng theo quy định.
6. Các bộ, cơ quan, địa phương theo chức năng, thẩm quyền được giao tiếp tục triển khai các giải pháp nhằm ổn định kinh tế vĩ mô, kiểm soát lạm phát, bảo đảm các cân đối lớn, phấn đấu tăng trưởng kinh tế cả năm 2025 đạt trên 8% và năm 2026 từ 10% trở lên, cụ thể như sau:
a) Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan, địa phương:
- Tổng hợp tình hình và mức độ thiệt hại và đề xuất hỗ trợ kinh phí từ ngân sách trung ương của các địa phương, báo cáo Thủ tướng Chính phủ xem xét, quyết định;
- Xây dựng phương án hỗ trợ trước mắt cũng như lâu dài để thích ứng với biến đổi khí hậu, phòng, chống, khắc phục hậu quả thiên tai, sạt lở bờ sông, bờ biển, hạn hán, xâm nhập mặn theo quy định;
- Đánh giá ảnh hưởng của thiên tai, bão lũ đến tăng trưởng GDP Quý IV năm 2025, cả năm 2025 và năm 2026, rà soát các dư địa tăng trưởng còn lại trong thời gian từ nay đến cuối năm để đề xuất giải pháp nhằm đạt được mục tiêu tăng trưởng đã đề ra;
"""


def test_a_lettered_lead_heading_gives_its_bullets_to_its_body():
    tasks = prose_tasks(GOVERNMENT_LETTERED_HEADINGS, Span(0, len(GOVERNMENT_LETTERED_HEADINGS)))
    finance = [t for t in tasks if [m.printed for m in t.lead] == ["Bộ Tài chính"]]
    assert [t.text.split(",")[0][:40] for t in finance] == [
        "Thực hiện hiệu quả các chính sách miễn",
        "Chỉ đạo các doanh nghiệp kinh doanh bảo ",
        "Tổng hợp tình hình và mức độ thiệt hại v",
        "Xây dựng phương án hỗ trợ trước mắt cũng",
        "Đánh giá ảnh hưởng của thiên tai",
    ]
    assert [m.printed for m in finance[0].support] == ["các bộ, cơ quan liên quan"]
    assert [m.printed for m in finance[2].support] == ["các bộ, cơ quan, địa phương"]
    # the heading "a) Bộ Tài chính chủ trì, …:" is no task of "6. Các bộ, cơ quan, địa phương …"
    assert not [t for t in tasks if t.text.startswith("Bộ Tài chính chủ trì")]


# Công văn 4085/UBND-ĐT of TP. Hồ Chí Minh (tests/corpus/holdout/texts/x71715967_tphcm-cv4085-so-nha.txt,
# extract4's holdout), items 1.2 and 1.3: a table cell's "Giao <body>" wrapped over lines
WRAPPED_ASSIGNED_NAMES = """1.2. Giao Công an Thành
phố
Chỉ đạo Công an các
phường, xã, đặc khu phối hợp và hướng dẫn Ủy ban nhân dân các phường, xã, đặc
khu trong công tác rà soát, chuẩn hóa dữ liệu số nhà sau sắp xếp; bảo đảm việc
cập nhật dữ liệu gắn liền với thông tin đất đai, tọa độ thửa đất, tuyến đường
và mã bưu chính.
1.3. Giao Ủy ban nhân
dân các phường, xã, đặc khu
- Phối hợp thực hiện
công tác rà soát dữ liệu số nhà trên cơ sở Kế hoạch số 515/KH-BCA-BNN&MT
ngày 31 tháng 8 năm 2025 của Bộ Công an và Bộ Nông nghiệp và Môi trường, cùng
Kế hoạch số 94/KH-UBND ngày 19 tháng 9 năm 2025 của Ủy ban nhân dân Thành phố.
"""


def test_an_assigned_name_wrapped_over_lines_heads_the_item_below():
    police, communes = prose_tasks(WRAPPED_ASSIGNED_NAMES, Span(0, len(WRAPPED_ASSIGNED_NAMES)))
    assert [m.printed for m in police.lead] == ["Công an Thành phố"]
    assert police.text.startswith("Chỉ đạo Công an các phường, xã, đặc khu phối hợp và hướng dẫn")
    assert [m.printed for m in communes.lead] == ["Ủy ban nhân dân các phường, xã, đặc khu"]
    assert communes.text.startswith("Phối hợp thực hiện công tác rà soát dữ liệu số nhà")


def test_bodies_listed_with_semicolons_act_together():
    # Quyết định of UBND tỉnh publishing procedures (tests/real/cc392cdbbc87983e.txt, tests/real/SOURCES.md):
    # "2. Sở Nông nghiệp và Môi trường; UBND các xã, phường niêm yết công khai nội dung TTHC …"
    doc = parse_file(Path(__file__).parent / "real" / "cc392cdbbc87983e.txt")
    [task] = [t for t in doc.tasks if t.text.startswith("Sở Nông nghiệp và Môi trường; UBND các xã, phường")]
    assert [m.printed for m in task.lead] == ["Sở Nông nghiệp và Môi trường", "UBND các xã, phường"]
    assert task.label == "2."
