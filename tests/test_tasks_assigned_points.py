"""One-sentence assignments in the forms notices, dispatches and resolutions print and the seeds do
not: points "a)" and "(2)" that name who leads, items opened by the verb that hands them to a body
("Giao …", "Chỉ đạo …", "Đề nghị …"), "phối hợp" without "với".  Each excerpt is copied unchanged
from the file of /work/shared/corpus/real named beside it (corpus README: thuvienphapluat.vn pages
of the public repository tnt305/tai_lieu_noi_bo)."""

from __future__ import annotations

from graph.extract.agencies import parse_agencies
from graph.extract.tasks import item_match, prose_tasks
from graph.model import Span


def tasks_of(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (t.label, " ".join(t.text.split()[:4]), [m.printed for m in t.lead], [m.printed for m in t.support])
        for t in prose_tasks(text, Span(0, len(text)))
    ]


def test_an_item_opened_by_giao_is_the_named_bodys():
    # 31ea3f5a8224b092.txt, the last article of a decision publishing procedures
    text = (
        "Điều 3. Tổ chức thực hiện\n"
        "1. Giao Văn phòng Ủy ban nhân dân tỉnh chủ trì,\n"
        "phối hợp với các cơ quan, đơn vị có liên quan tổ chức triển khai, hướng dẫn,\n"
        "đôn đốc, kiểm tra, giám sát việc thực hiện Quyết định này.\n"
        "2. Trong quá trình thực hiện, nếu có khó khăn,\n"
        "vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về Văn phòng UBND tỉnh để\n"
        "tổng hợp, tham mưu Chủ tịch UBND tỉnh xem xét, điều chỉnh, bổ sung kịp thời.\n"
    )
    assert tasks_of(text)[0] == (
        "1.",
        "Giao Văn phòng Ủy",
        ["Văn phòng Ủy ban nhân dân tỉnh"],
        ["các cơ quan, đơn vị có liên quan"],
    )


def test_a_notices_points_that_name_who_leads():
    # 50f694478a35aefd.txt, Thông báo of the Government Office: "phối hợp" without "với"
    text = (
        "đ) Bộ Xây dựng chủ trì, phối hợp Bộ Tài chính xem xét việc khen thưởng hợp đồng bảo đảm công "
        "khai, minh bạch theo quy định để kịp thời động viên, khích lệ các nhà thầu có thành tích tốt; tổ "
        "chức lễ trao thưởng, khen thưởng vào ngày 19 tháng 12 năm 2025.\n"
    )
    assert tasks_of(text) == [("đ)", "Bộ Xây dựng chủ", ["Bộ Xây dựng"], ["Bộ Tài chính"])]


def test_numbered_points_in_brackets_and_phoi_hop_chat_che_voi():
    # 7c7edac5664780ef.txt, a Prime Minister's dispatch (Công điện)
    text = (
        "(2) Bộ Tài chính chủ trì, phối hợp chặt chẽ với Bộ Văn hóa, Thể thao và Du lịch rà soát kỹ, tổng "
        "hợp kinh phí cần hỗ trợ từ ngân sách trung ương báo cáo cấp có thẩm quyền.\n"
        "(4) Bộ Công an, Bộ Y tế, Ủy ban nhân dân thành phố Hà Nội theo chức năng, nhiệm vụ được giao, chủ "
        "trì, phối hợp với Bộ Văn hóa, Thể thao và Du lịch tiếp tục bảo đảm các điều kiện tốt nhất về an "
        "ninh, trật tự, an toàn giao thông.\n"
    )
    assert tasks_of(text) == [
        ("(2)", "Bộ Tài chính chủ", ["Bộ Tài chính"], ["Bộ Văn hóa, Thể thao và Du lịch"]),
        (
            "(4)",
            "Bộ Công an, Bộ",
            ["Bộ Công an", "Bộ Y tế", "Ủy ban nhân dân thành phố Hà Nội"],
            ["Bộ Văn hóa, Thể thao và Du lịch"],
        ),
    ]


def test_points_that_a_verb_hands_to_a_body():
    # 2847e16133f7b987.txt, Chỉ thị of UBND thành phố Cần Thơ
    text = (
        "b) Giao Thanh tra thành phố tổ\n"
        "chức thanh tra việc chấp hành các quy định pháp luật về tài nguyên nước theo định\n"
        "kỳ hoặc đột xuất đối với các tổ chức thực hiện khai thác, sử dụng tài nguyên nước\n"
        "c) Giao Công an thành phố kịp thời phát hiện và xử lý các tổ chức, cá nhân có hành vi vi phạm "
        "pháp luật về quản lý, khai thác và sử dụng tài nguyên nước;\n"
    )
    assert [(label, lead) for label, _, lead, _ in tasks_of(text)] == [
        ("b)", ["Thanh tra thành phố"]),
        ("c)", ["Công an thành phố"]),
    ]


def test_de_nghi_and_a_body_that_cooperates_in_doing():
    # 9124b25553a6c642.txt, the closing article of a city council resolution
    text = (
        "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội phối hợp tuyên truyền và tham gia "
        "giám sát việc thực hiện Nghị quyết.\n"
    )
    assert tasks_of(text) == [
        ("3.", "Đề nghị Ủy ban", ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội"], [])
    ]


def test_organisations_after_cac_cooperate_they_do_not_organise():
    # 5a80798bbf985e87.txt: "các tổ chức chính trị - xã hội" are bodies, not "tổ chức" (to organise)
    text = (
        "8. Đề nghị Ban Thường trực Ủy ban Mặt trận Tổ quốc\n"
        "Việt Nam tỉnh chủ trì, phối hợp với các tổ chức chính trị - xã hội và các tổ chức\n"
        "thành viên khác cùng cấp hướng dẫn Ban Thường trực Mặt trận Tổ quốc Việt Nam cấp\n"
        "xã tham gia giám sát.\n"
    )
    assert tasks_of(text) == [
        (
            "8.",
            "Đề nghị Ban Thường",
            ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
            ["các tổ chức chính trị - xã hội", "các tổ chức thành viên khác cùng cấp"],
        )
    ]


def test_points_of_a_regulation_that_say_how_bodies_work_are_no_tasks():
    # 45fb7c4784bcce3a.txt (the rules of a council), e8b69e31579c0186.txt (a decree on ministries' units)
    text = (
        "a) Hội đồng hoạt động theo nguyên tắc tập trung, dân chủ, biểu quyết theo đa số.\n"
        "b) Hội đồng họp định kỳ 06 tháng một lần để đánh giá công tác của Hội đồng.\n"
        "a) Cục loại 1 là tổ chức thuộc bộ, thực hiện chức năng tham mưu, giúp Bộ trưởng quản lý nhà nước.\n"
    )
    assert tasks_of(text) == []


def test_the_heading_of_a_regulations_article_names_the_body_not_its_duties():
    # 1f9faa032326f975.txt lines 104, 106-107 (the charter of a provincial fund), 06c6f91f5c3b4c21.txt
    # lines 158 and 160 cut after "chính sách" (a city council resolution naming a body for short): the
    # lead is the body alone
    text = (
        "3. Ban Kiểm soát có các nhiệm vụ và quyền hạn sau:\n"
        "b) Xây dựng chương trình, kế hoạch công tác trình Hội đồng Quản lý và tổ chức thực hiện một cách độc lập.\n"
        "c) Thực hiện các nhiệm vụ do Hội đồng Quản lý Quỹ yêu cầu.\n"
        "2. Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội (sau đây gọi tắt là “Ban Quản "
        "lý”) có trách nhiệm:\n"
        "b) Chủ trì, phối hợp các Sở, ban, ngành, đơn vị thuộc Thành phố triển khai thực hiện cơ chế, chính "
        "sách.\n"
    )
    assert [(label, lead) for label, _, lead, _ in tasks_of(text)] == [
        ("b)", ["Ban Kiểm soát"]),
        ("c)", ["Ban Kiểm soát"]),
        ("b)", ["Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội"]),
    ]


def test_a_clause_that_says_what_a_body_is_assigns_nothing():
    # e8b69e31579c0186.txt (a decree on the units of ministries), 54c3026bc7bb5cb7.txt (a decree on heritage,
    # cut after "di sản văn hóa"); 72f18ee047b71e9a.txt: "là cơ quan đầu mối" assigns
    text = (
        "1. Cục là tổ chức thuộc bộ, thực hiện chức năng tham mưu, giúp Bộ trưởng quản lý nhà nước và tổ "
        "chức thực thi pháp luật đối với ngành, lĩnh vực.\n"
        "3. Bộ Văn hóa, Thể thao và Du lịch là chủ quản cơ sở dữ liệu quốc gia về di sản văn hóa, thống nhất "
        "quản lý, cập nhật, duy trì, sử dụng và khai thác cơ sở dữ liệu quốc gia về di sản văn hóa.\n"
        "3. Sở Khoa học và Công nghệ là cơ quan đầu mối tiếp nhận, quản lý, khai thác, tổng hợp báo cáo từ "
        "các doanh nghiệp, định kỳ báo cáo Ủy ban nhân dân tỉnh theo quy định.\n"
    )
    assert [label for label, *_ in tasks_of(text)] == ["3."]
    assert tasks_of(text)[0][1] == "Sở Khoa học và"


def test_cap_nhat_ends_the_name_of_the_body_that_does_it():
    # 04e4130eb91f3242.txt lines 56-58 and "theo quy định" (the label on its own line, as printed)
    text = (
        "2.\n"
        "Văn phòng UBND tỉnh cập nhật, đăng tải công khai kịp thời, đầy đủ, chính xác\n"
        "các dữ liệu thủ tục hành chính vào Cơ sở dữ liệu quốc gia về thủ tục hành chính\n"
        "theo quy định.\n"
    )
    assert [lead for _, _, lead, _ in tasks_of(text)] == [["Văn phòng UBND tỉnh"]]


def test_the_rule_under_a_header_is_no_bullet():
    # 4c6ac60a4ebc43d6.txt lines 1-5: the "---------------" under the motto opened a bullet whose task ran
    # from the header to the first role line of the procedures listed far below (line 28)
    text = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n---------------\n"
        "Số: 2708/QĐ-UBND\n"
        "- Cơ quan thực hiện TTHC: UBND cấp tỉnh. - Cơ quan có thẩm quyền quyết định: Bộ Dân tộc và Tôn giáo.\n"
    )
    assert item_match("---------------") is None and item_match("-------") is None
    assert not [t for t in tasks_of(text) if t[1].startswith("Số:")]


def test_what_a_body_does_or_answers_for_is_no_part_of_its_name():
    """ "theo chức năng, nhiệm vụ, thẩm quyền", "trong phạm vi chức năng, nhiệm vụ của mình", "có trách
    nhiệm …", an address, and the verb "niêm yết" end a body's name (they had been printed as part of it)."""
    # 858c0de43c18ce78.txt, Nghị quyết of the Government on national reserves
    text = (
        "2. Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ, thẩm quyền\n"
        "chủ trì, phối hợp với các Bộ, cơ quan liên quan và các địa phương:\n"
        "a) Rà soát các mặt\n"
        "hàng dự trữ quốc gia thuộc lĩnh vực quản lý, chủ động xuất cấp hàng dự trữ quốc\n"
        "gia theo thẩm quyền và quy định pháp luật để hỗ trợ các địa phương khắc phục hậu quả.\n"
    )
    assert [lead for _, _, lead, _ in tasks_of(text)] == [["Bộ Quốc phòng", "Bộ Công an"]]
    # 69db23c781b2e9aa.txt, Kế hoạch 624/KH-UBND of Hà Tĩnh
    text = (
        "8. Các sở, cơ quan trực thuộc Sở và các cơ quan liên quan trong phạm vi chức năng, nhiệm vụ của "
        "mình tổ chức triển khai thực hiện Kế hoạch.\n"
    )
    assert [lead for _, _, lead, _ in tasks_of(text)] == [
        ["Các sở, cơ quan trực thuộc Sở", "các cơ quan liên quan"]
    ]
    # 5b692e230f990be5.txt, a provincial decision on a software's management
    text = (
        "2. Sở Khoa học và Công nghệ có trách nhiệm quản lý về kỹ thuật, bao gồm:\n"
        "a) Đảm bảo hạ tầng kỹ thuật máy chủ, đường truyền để Phần mềm vận hành ổn định, thông suốt.\n"
    )
    assert [lead for _, _, lead, _ in tasks_of(text)] == [["Sở Khoa học và Công nghệ"]]
    # 27cbc6425a10478c.txt, a decision publishing administrative procedures
    text = (
        "2. Sở Khoa học và Công nghệ,\n"
        "UBND các xã, phường niêm yết công khai nội dung TTHC tại Trung tâm Phục vụ hành\n"
        "chính công, Điểm tiếp nhận và Trả kết quả và thực hiện giải quyết TTHC theo Quyết\n"
        "định này.\n"
    )
    assert [lead for _, _, lead, _ in tasks_of(text)] == [["Sở Khoa học và Công nghệ", "UBND các xã, phường"]]


def test_an_address_after_the_body_of_a_role_line_is_no_body():
    # 71153021e3559f5e.txt, a procedure of Lạng Sơn
    value = "Sở\nKhoa học và Công nghệ tỉnh Lạng Sơn. Địa chỉ: số 01 đường Mai Thế Chuẩn, phường\nLương Văn Tri, tỉnh Lạng Sơn."
    assert [m.name for m in parse_agencies(value)] == ["Sở Khoa học và Công nghệ tỉnh Lạng Sơn"]


def test_a_heading_naming_bodies_over_bullets_is_no_task_of_its_own():
    """A verb of the tables inside the names ("tổ chức" organisations, "xây dựng" a field) had made the heading
    a one-sentence task besides its bullets; the bullets are the tasks, the heading's bodies lead them."""
    # 31786b0833a4130d.txt, Kế hoạch 310/KH-UBND of Hà Nội, part "Tổ chức thực hiện"
    text = (
        "5. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan\n"
        "- Trên cơ sở những nội dung định hướng của Thành phố nêu tại Kế hoạch này, tổ chức triển khai thực "
        "hiện đảm bảo chất lượng, hiệu quả phục vụ Chương trình chuyển đổi số của Thành phố.\n"
        "- Tuân thủ các quy định về cấp phép và quản lý xây dựng đối với các công trình hạ tầng thông tin và "
        "truyền thông.\n"
    )
    assert tasks_of(text) == [
        ("-", "Trên cơ sở những", ["Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan"], []),
        ("-", "Tuân thủ các quy", ["Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan"], []),
    ]
    # a8e9e9675ab618ee.txt
    text = (
        "7. Cục Kinh tế - Quản lý đầu tư xây dựng\n"
        "- Chỉ đạo các Ban Quản lý dự án, chủ đầu tư, nhà\n"
        "thầu thi công, các đơn vị tư vấn có liên quan trong khu vực bị ảnh hưởng.\n"
    )
    assert tasks_of(text) == [("-", "Chỉ đạo các Ban", ["Cục Kinh tế - Quản lý đầu tư xây dựng"], [])]


def test_points_under_a_rule_on_how_a_body_works_are_no_tasks():
    """A regulation's clause that says how a body works or what a thing must do ("… hoạt động theo nguyên tắc
    sau đây:", "… phải đảm bảo các chức năng:", "Quỹ … tài trợ cho …:") heads points that assign nothing."""
    # 54c3026bc7bb5cb7.txt lines 2398-2399, a decree on cultural heritage
    text = (
        "3. Hội đồng thẩm định, khoa học, chuyên môn trong lĩnh vực di sản văn hóa hoạt động theo nguyên tắc sau đây:\n"
        "a) Hội đồng làm việc theo nguyên tắc tập thể, công khai, dân chủ tại các phiên họp để quyết nghị những "
        "vấn đề liên quan đến việc thực hiện nhiệm vụ của Hội đồng;\n"
    )
    assert tasks_of(text) == []
    # ef57df9384270c6e.txt lines 113-115, a decision on urban drainage
    text = (
        "3. Hệ thống thoát nước đô thị phải đảm bảo các chức năng:\n"
        "a) Thu gom nước mưa trên toàn diện tích đô thị, dẫn nước mưa khỏi phạm vi đô thị, khu dân cư để tránh "
        "ngập úng.\n"
    )
    assert tasks_of(text) == []
