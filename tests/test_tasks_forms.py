"""Task layouts of the genre the seeds do not print, on real text.

The fixtures in tests/task_forms/dev-*.txt are verbatim excerpts of the development documents of
corpus/dev/texts (thuvienphapluat.vn pages converted to text, one table cell per line):

- dev-h08_ttg_qd_2025_task-table.txt: Quyết định 2629/QĐ-TTg (01/12/2025) of the Prime Minister,
  Phụ lục II, header and rows I.1–I.5, II.1–II.2 (h08_ttg-qd2629-chuong-trinh-chinh-phu-so.txt).
- dev-h08_ttg_qd_2025_task-table-subgroups.txt: the same table's header (lines 651-656) and rows
  III.1 with its sub-group III.1.1, rows 1–4, then the sub-group label "III.1.2" (lines 771-800).
- dev-h07_ubnd_kh_lao-cai_2026_task-table.txt: draft Kế hoạch of UBND tỉnh Lào Cai on Chỉ thị
  11, Phụ lục, header with its column-number row and rows 1–5 (h07_laocai-kh-du-thao-…).
- dev-h03_ubnd_kh_ha-noi_2025_role-lines.txt: Kế hoạch 308/KH-UBND (17/11/2025) of UBND thành
  phố Hà Nội, items II.1.1, II.1.2 and part III (h03_hanoi-kh308-nq214-…).
- dev-h05_ubnd_kh_can-tho_2025_agency-items.txt: Kế hoạch 165/KH-UBND of UBND thành phố Cần Thơ on
  Chỉ thị 27/CT-TTg, item II.2 "Sở Tài chính" (h05_cantho-kh165-chi-thi-27-cong-tac-dan-so.txt).
- dev-h06_ubnd_qd_tp-hcm_2025_assignment-headings.txt: Quyết định 2853 of UBND TP. Hồ Chí Minh,
  items V.1 and V.9 (h06_tphcm-qd2853-ke-hoach-rui-ro-thien-tai.txt).
- dev-h01_ubnd_kh_dong-thap_2025_prose-and-table.txt: Kế hoạch 552/KH-UBND (19/11/2025) of UBND
  tỉnh Đồng Tháp: header, item V.4 "Sở Tài chính" and Phụ lục rows I.1–I.2 (h01_dongthap-…).
"""

import re
from pathlib import Path

import pytest

from graph.extract.agencies import is_agency_like
from graph.extract.tasks import (
    _BODIES_ANSWERABLE,
    _BODIES_COOPERATING,
    _LITERALS,
    _PROSE_ASSIGNMENT,
    _lacks_literal,
    parse_table_tasks,
    prose_tasks,
)
from graph.model import Span
from graph.pipeline import parse_file

FORMS = Path(__file__).parent / "task_forms"


def read(name):
    return (FORMS / name).read_text(encoding="utf-8")


def whole(text):
    return Span(0, len(text))


def names(mentions):
    return [m.name for m in mentions]


def test_six_column_table_grouped_under_roman_numerals():
    """TT | Nhiệm vụ, giải pháp | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian thực hiện."""
    body = read("dev-h08_ttg_qd_2025_task-table.txt")
    tasks = parse_table_tasks(body, whole(body))
    assert [t.label for t in tasks] == ["1", "2", "3", "4", "5", "1", "2"]
    first = tasks[0]
    assert first.text.startswith("Nghiên cứu, xây dựng Luật Chuyển đổi số")
    assert names(first.lead) == ["Bộ Khoa học và Công nghệ"]
    # a lower-case group after named bodies is still the cooperating cell
    assert names(first.support) == [
        "Bộ Công an",
        "Bộ Tài chính",
        "Bộ Nội vụ",
        "Các bộ, ngành, địa phương khác có liên quan",
    ]
    assert first.output_form == "Trình Quốc hội dự thảo Luật"  # the "Kết quả" column
    assert (first.deadline.kind, first.deadline.date.isoformat()) == ("date", "2025-12-31")
    # row 4: the lead cell says what each body leads; the bodies are still read
    assert names(tasks[3].lead)[:2] == [
        "Bộ Công an",
        "Bộ Khoa học và Công nghệ với các tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật áp dụng chung toàn quốc",
    ]
    assert (tasks[3].deadline.kind, tasks[3].deadline.years) == ("period", (2025, 2030))
    # group II counts from 1 again
    assert tasks[5].text.startswith("Tập trung số hóa dữ liệu")
    assert names(tasks[5].lead) == ["Các bộ, ngành, địa phương"]


def test_table_with_column_numbers_and_an_empty_notes_column():
    """TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | Thời gian | Ghi chú,
    then "(1) … (5)"; no row fills "Ghi chú"."""
    body = read("dev-h07_ubnd_kh_lao-cai_2026_task-table.txt")
    tasks = parse_table_tasks(body, whole(body))
    assert [t.label for t in tasks] == ["1", "2", "3", "4", "5"]
    assert names(tasks[0].lead) == ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]
    assert names(tasks[0].support) == ["Các sở, ban, ngành", "Các cơ quan, đơn vị, địa phương liên quan"]
    assert (tasks[0].deadline.kind, tasks[0].deadline.quarter) == ("quarter", 2)
    assert [t.notes for t in tasks] == [None] * 5
    # a deadline written as a sentence still fills the deadline column, kept as printed
    assert tasks[4].deadline.raw == "Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030"


def test_role_lines_under_any_head_word_and_a_labelled_task_text():
    body = read("dev-h03_ubnd_kh_ha-noi_2025_role-lines.txt")
    tasks = [t for t in prose_tasks(body, whole(body)) if t.layout == "role-lines"]
    assert [t.label for t in tasks] == ["1.1.", "1.2."]
    first, second = tasks
    # "a) Nhiệm vụ: Tham mưu …": the label is not the task's text
    assert first.text.startswith("Tham mưu UBND Thành phố phối hợp với Bộ Công an rà soát")
    # "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …" under "b) Cơ quan thực hiện:"
    assert names(first.lead) == ["Sở Khoa học và Công nghệ"]
    assert names(first.support) == ["Các sở, ban, ngành"]
    # "c) Thời gian thực hiện: Hoàn thành trong năm 2025."
    assert (first.deadline.kind, first.deadline.years) == ("year", (2025,))
    assert second.text.startswith("- Triển khai rà soát, hoàn thiện, chuẩn hóa cơ sở dữ liệu")
    assert names(second.support) == ["Sở Khoa học và Công nghệ", "Ủy ban nhân dân xã, phường"]


def test_organisation_items_that_name_who_acts():
    body = read("dev-h03_ubnd_kh_ha-noi_2025_role-lines.txt")
    tasks = [t for t in prose_tasks(body, whole(body)) if t.layout != "role-lines"]
    # item 1 runs on into a bullet without a full stop; item 2 stops before "Nơi nhận:"
    assert [(t.label, names(t.lead)[:1]) for t in tasks] == [
        ("1.", ["Sở Khoa học và Công nghệ"]),
        ("2.", ["Các sở, ban, ngành"]),
    ]
    assert tasks[0].text.startswith("Sở Khoa học và Công nghệ theo dõi, đôn đốc")
    assert "Nơi nhận" not in tasks[1].text


def test_a_task_stated_in_the_text_and_as_a_table_row_is_the_row():
    tasks = parse_file(FORMS / "dev-h01_ubnd_kh_dong-thap_2025_prose-and-table.txt").tasks
    rows = [t for t in tasks if t.layout == "table"]
    assert [(t.label, names(t.lead), names(t.support)) for t in rows] == [
        ("1", ["Sở Tài chính"], ["Sở, ban, ngành có liên quan"]),
        ("2", ["Sở Tài chính"], ["Sở Công Thương", "Ban Quản lý khu Kinh tế tỉnh Đồng Tháp"]),
    ]
    bullets = [t.text for t in tasks if t.layout == "agency-heading"]
    # "- Rà soát, kịp thời cụ thể hoá …" and "- Đề xuất các giải pháp …" repeat rows 1 and 2
    assert len(bullets) == 2
    assert bullets[0].startswith("Trên cơ cở tổng hợp nhu cầu")
    assert bullets[1].startswith("Phối hợp với các sở, ngành, địa phương hướng dẫn")
    # the addressees after "Nơi nhận:" are no bullets of the last item
    assert not any("Thường trực Tỉnh ủy" in text for text in bullets)


def test_kinds_of_body_and_lower_case_groups_in_cells():
    # dev h08 and h01 Phụ lục cells
    assert is_agency_like(
        "Bộ Công an, Bộ Tài chính, Bộ Nội vụ và các bộ, ngành, địa phương khác có liên quan"
    )
    assert is_agency_like("Sở, ban, ngành có liên quan")
    assert is_agency_like("Liên hiệp các Hội Khoa học và Kỹ thuật")
    assert is_agency_like("Thuế tỉnh")  # dev h07 row 10
    assert not is_agency_like("Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030")


def test_rows_under_lettered_and_roman_groups_numbered_by_their_group():
    """dev-h02_ubnd_kh_dong-nai_2025_lettered-groups.txt: Kế hoạch 179/KH-UBND (18/11/2025) of UBND
    tỉnh Đồng Nai, Phụ lục: groups "A" / "I" / "1.1", "II" / "2.1", then "B" / "I" with the header
    printed again / "1.1", "II" / "2.1" (h02_dongnai-kh179-kinh-te-so-xa-hoi-so.txt)."""
    body = read("dev-h02_ubnd_kh_dong-nai_2025_lettered-groups.txt")
    tasks = parse_table_tasks(body, whole(body))
    assert [(t.label, names(t.lead)) for t in tasks] == [
        ("1.1", ["Sở Tư pháp"]),
        ("2.1", ["Sở Khoa học và Công nghệ"]),
        ("1.1", ["Sở Nông nghiệp và Môi trường"]),
        ("2.1", ["Sở Y tế"]),
    ]
    assert [t.output_form for t in tasks][2:] == ["Kế hoạch", "Kế hoạch"]
    assert (tasks[0].deadline.kind, tasks[0].deadline.years) == ("period", (2026, 2030))


def test_an_item_that_names_a_body_leads_what_it_works_on_with_others():
    """ "2. Sở Tài chính" / "a) Phối hợp với Sở Y tế … tham mưu …": Sở Tài chính leads (as the gold of
    dev h05 reads it), Sở Y tế cooperates, also after "Căn cứ …, phối hợp với"."""
    body = read("dev-h05_ubnd_kh_can-tho_2025_agency-items.txt")
    tasks = prose_tasks(body, whole(body))
    assert [(t.layout, t.label, names(t.lead), names(t.support)) for t in tasks] == [
        (
            "agency-heading",
            "a)",
            ["Sở Tài chính"],
            ["Sở Y tế", "Các sở, ban, ngành, địa phương có liên quan"],
        ),
        ("agency-heading", "b)", ["Sở Tài chính"], ["Sở Y tế"]),
        ("agency-heading", "c)", ["Sở Tài chính"], ["Sở Y tế"]),
    ]


def test_an_item_that_assigns_bodies_over_bullets():
    body = read("dev-h06_ubnd_qd_tp-hcm_2025_assignment-headings.txt")
    tasks = prose_tasks(body, whole(body))
    assert [t.layout for t in tasks] == ["agency-heading"] * 13
    # "1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, …; tổ chức thực hiện các nhiệm vụ sau:"
    assert {tuple(names(t.lead)) for t in tasks[:8]} == {("Sở Nông nghiệp và Môi trường",)}
    assert tasks[0].text.startswith("Điều phối chung, đôn đốc, hướng dẫn việc triển khai Kế hoạch")
    assert names(tasks[0].support) == []
    assert names(tasks[1].support) == ["Các cơ quan, đơn vị liên quan"]  # "- Chủ trì, phối hợp với …"
    # "9. Ủy ban nhân dân các phường, xã, đặc khu chủ động bố trí kinh phí …, tập trung một số nhiệm vụ cụ thể sau:"
    assert {tuple(names(t.lead)) for t in tasks[8:]} == {("Ủy ban nhân dân các phường, xã, đặc khu",)}
    assert tasks[12].text.startswith("Xây dựng kế hoạch phòng, chống thiên tai")


# dev h04 (Kế hoạch 141 of UBND tỉnh Bắc Ninh), lines 37-48: two bullets, each a sentence, over one
# role block; every bullet is a task with those roles
H04_SHARED_ROLES = (
    "3. Nâng cao nhận thức, trách nhiệm của các cơ quan, đơn vị, địa phương trong việc nâng cao năng lực "
    "cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật\n"
    "- Các cơ quan, đơn vị, địa phương tiếp tục nâng cao nhận thức về tầm quan trọng, vị trí, vai trò của "
    "công tác xây dựng chính sách, pháp luật nhất là vai trò của đội ngũ cán bộ, công chức xây dựng chính "
    "sách, pháp luật tại cơ quan, đơn vị, địa phương.\n"
    "- Đề nghị người đứng đầu cấp ủy; thủ trưởng cơ quan, đơn vị, địa phương trực tiếp chỉ đạo và chịu "
    "trách nhiệm thực hiện các nhiệm vụ, giải pháp nâng cao năng lực đội ngũ cán bộ, công chức xây dựng "
    "chính sách, pháp luật tại cơ quan, đơn vị, địa phương.\n"
    "Đơn vị thực hiện: Các Sở, ngành, đơn vị, UBND cấp xã.\n"
    "Đơn vị phối hợp: Sở Tư pháp.\n"
    "Thời gian thực hiện: Thường xuyên.\n"
    "4. Nâng cao phẩm chất, năng lực cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật\n"
)


def test_bullets_sharing_one_role_block_are_each_a_task_h04():
    tasks = prose_tasks(H04_SHARED_ROLES, whole(H04_SHARED_ROLES))
    assert [" ".join(t.text.split()[:8]) for t in tasks] == [
        "Các cơ quan, đơn vị, địa phương tiếp",
        "Đề nghị người đứng đầu cấp ủy; thủ",
    ]
    for task in tasks:
        assert task.layout == "role-lines"
        assert [m.printed for m in task.lead] == ["Các Sở, ngành, đơn vị", "UBND cấp xã"]
        assert [m.printed for m in task.support] == ["Sở Tư pháp"]
        assert task.deadline.raw == "Thường xuyên"


# /work/shared/corpus/real/adc1d34379e9829f.txt (a list of administrative procedures, Hà Tĩnh), lines
# 152-158: "label: value" bullets describing a procedure are no tasks sharing the role lines below
PROCEDURE_FIELDS = (
    "2.7\n"
    "- Cơ quan có thẩm quyền quyết\n"
    "định: UBND tỉnh.\n"
    "- Cơ quan được ủy quyền thực\n"
    "hiện: Không.\n"
    "- Cơ quan trực tiếp thực hiện:\n"
    "Sở Nông nghiệp và Môi trường.\n"
    "- Cơ quan phối hợp: Các Sở,\n"
    "ban, ngành và UBND cấp xã nơi có hoạt động thăm dò khoáng sản.\n"
    "2.8\n"
)


def test_procedure_fields_are_not_bullets_sharing_a_role_block():
    texts = [t.text for t in prose_tasks(PROCEDURE_FIELDS, whole(PROCEDURE_FIELDS))]
    assert not [t for t in texts if t.startswith(("Cơ quan có thẩm quyền", "Cơ quan được ủy quyền"))]


# decisions whose article 2 assigns their execution (/work/shared/corpus/real, files named)
ARTICLE_ASSIGNMENTS = {
    "55f3a3d0d7e08b45.txt": (
        "Điều 2. Giao Sở Nông nghiệp\n"
        "và Môi trường chủ trì, phối hợp với các cơ quan, đơn vị liên quan xây dựng quy\n"
        "trình nội bộ giải quyết thủ tục hành chính được công bố tại Điều 1 Quyết định\n"
        "này, trình Chủ tịch Ủy ban nhân dân tỉnh phê duyệt.\n"
        "Điều 3. Quyết định này có\n",
        ["Sở Nông nghiệp và Môi trường"],
        ["các cơ quan, đơn vị liên quan"],
    ),
    "f37e7838925f8cc3.txt": (
        "Điều 2. Giao Sở Tài chính, Sở Nông nghiệp và\n"
        "Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ Hành\n"
        "chính công tỉnh), các cơ quan, đơn vị liên quan xây dựng quy trình nội bộ,\n",
        ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"],
        ["Văn phòng UBND tỉnh (Trung tâm Phục vụ Hành chính công tỉnh)", "các cơ quan, đơn vị liên quan"],
    ),
    # the cooperating body ends before "căn cứ …"
    "e7cd8d423108e103.txt": (
        "Điều 2. Giao Sở Tư pháp chủ\n"
        "trì, phối hợp với Văn phòng UBND tỉnh căn cứ các TTHC ban hành kèm theo Quyết\n"
        "định này, trong thời hạn 03 ngày làm việc công khai, địa phương hóa các TTHC\n",
        ["Sở Tư pháp"],
        ["Văn phòng UBND tỉnh"],
    ),
}


@pytest.mark.parametrize("name", sorted(ARTICLE_ASSIGNMENTS))
def test_article_assigning_the_decision_to_bodies_is_a_task(name):
    text, lead, support = ARTICLE_ASSIGNMENTS[name]
    [task] = prose_tasks(text, whole(text))
    assert task.label == "Điều 2" and task.text.startswith("Giao ")
    assert [m.printed for m in task.lead] == lead
    assert [m.printed for m in task.support] == support


# /work/shared/corpus/real/2f6f80b9918e52de.txt (Kế hoạch 172/KH-UBND, TP. Hồ Chí Minh), lines 31-41 and 52
HCM_172_ITEM_2 = (
    "2. Tổ chức tập huấn, bồi dưỡng, hướng dẫn chuyên môn, nghiệp vụ\n"
    "- Nội dung thực hiện: Tổ chức tập\n"
    "huấn, bồi dưỡng, hướng dẫn chuyên môn, nghiệp vụ cho cán bộ, công chức trực tiếp\n"
    "làm công tác việc làm thuộc ngành Nội vụ.\n"
    "- Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính.\n"
    "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.\n"
)


def test_the_task_text_follows_its_content_label_hcm_172():
    [task] = prose_tasks(HCM_172_ITEM_2, whole(HCM_172_ITEM_2))
    assert task.label == "2." and task.text.startswith("Tổ chức tập huấn, bồi dưỡng")
    assert names(task.lead) == ["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Tài chính"]


def test_a_body_that_answers_for_a_duty_leads_it():
    text = (  # 2f6f80b9918e52de.txt line 52
        "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chịu trách nhiệm về việc báo cáo, đề nghị ban hành và nội dung Kế "
        "hoạch này. Tham mưu Ủy ban nhân dân Thành phố theo dõi, kiểm tra, đôn đốc các sở, ban, ngành.\n"
    )
    [task] = prose_tasks(text, whole(text))
    assert [m.printed for m in task.lead] == ["Sở Nội vụ"]


def test_a_clause_is_searched_only_when_it_holds_the_word_every_match_holds():
    """tasks._LITERALS: a pattern is skipped on a clause without its word (as printed where the pattern
    is case-sensitive there, else found by a pattern in any case); the clauses above (2f6f80b9918e52de
    line 52, 994dfbc3967e5ebf line 102)."""
    for pattern, literal in _LITERALS.items():
        if isinstance(literal, str):
            assert not pattern.flags & re.IGNORECASE and literal in pattern.pattern
        else:  # "(?i:phối)" of the bodies cooperating, whose "(?i:phối\s+hợp …)" matches "Phối hợp" too
            assert literal.flags & re.IGNORECASE or "(?i:" in literal.pattern
            assert literal.search(pattern.pattern)
    answers = "Sở Nội vụ chịu trách nhiệm về việc báo cáo, đề nghị ban hành và nội dung Kế hoạch này."
    chairs = "Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tổ chức triển khai thực hiện."
    assert _BODIES_ANSWERABLE.match(answers)["lead"] == "Sở Nội vụ"
    assert _PROSE_ASSIGNMENT.match(chairs)["lead"] == "Sở Tài chính"
    assert not _lacks_literal(_BODIES_ANSWERABLE, answers, 0, len(answers))
    assert _lacks_literal(_BODIES_ANSWERABLE, chairs, 0, len(chairs))
    assert _lacks_literal(_PROSE_ASSIGNMENT, answers, 0, len(answers))
    assert not _lacks_literal(_BODIES_COOPERATING, chairs, 0, len(chairs))
    assert _lacks_literal(_BODIES_COOPERATING, answers, 0, len(answers))
    # the word must be inside the clause: past its end it does not count
    assert _lacks_literal(_PROSE_ASSIGNMENT, chairs, 0, chairs.index("chủ"))


def test_a_body_that_does_not_answer_leads_nothing():
    text = (  # /work/shared/corpus/real/994dfbc3967e5ebf.txt line 102
        "3. Văn phòng đăng ký đất đai không chịu trách nhiệm do việc các đơn vị phối hợp không cung cấp kịp "
        "thời các văn bản, hồ sơ có liên quan để chỉnh lý, cập nhật biến động vào hồ sơ địa chính, cơ sở dữ "
        "liệu đất đai.\n"
    )
    assert prose_tasks(text, whole(text)) == []


def test_a_role_value_naming_who_chairs_and_who_cooperates_is_split():
    # /work/shared/corpus/real/31fb08f34535fce3.txt (Kế hoạch 174/KH-UBND, TP. Hồ Chí Minh), lines 108-112
    text = (
        "a) Hoạt động 1\n"
        "- Nội dung:\n"
        "+ Tổng kết “Mô hình một cửa hỗ trợ phụ nữ và trẻ em trên địa bàn Thành phố Hồ Chí Minh” triển khai thí điểm tại Bệnh viện Hùng Vương với hình thức phù hợp với điều kiện tình hình thực tế.\n"
        "+ Tập huấn nâng cao năng lực cho đội ngũ cán bộ, y bác sỹ, nhân viên và người lao động tham gia cung cấp dịch vụ công tác xã hội cho phụ nữ, trẻ em, nhóm đối tượng yếu thế là nạn nhân của bạo lực, xâm hại, mang thai ngoài ý muốn tại 04 Mô hình một cửa.\n"
        "- Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với các sở, ban, ngành, đoàn thể Thành phố và các đơn vị có liên quan.\n"
    )
    [task] = prose_tasks(text, whole(text))
    assert [m.printed for m in task.lead] == ["Sở Y tế"]
    assert [m.printed for m in task.support] == [
        "các sở, ban, ngành, đoàn thể Thành phố",
        "các đơn vị có liên quan",
    ]


# Thông báo 634/TB-VPCP (/work/shared/corpus/real/24701a1c97c8c368.txt), lines 85 and 105-112: items open
# with their topic ("Về …:"); the body named after the colon leads, and the task's text is the whole item from its first
# word, as the corpus gold starts every task (decision of stop 18, tests/corpus/holdout5/SOURCE-tasks.md)
TB_634_ITEMS = (
    "2. Về dự án đầu tư xây dựng công trình nạo vét luồng tàu vào khu bến cảng Nghi Sơn tại Khu kinh tế Nghi Sơn: Bộ Xây dựng khẩn trương rà soát, sớm bàn giao trong năm 2025 dự án đầu tư xây dựng công trình nạo vét luồng tàu vào khu bến cảng Nghi Sơn tại Khu kinh tế Nghi Sơn cho tỉnh Thanh Hóa làm cơ quan chủ quản hoặc cơ quan có thẩm quyền để triển khai Dự án theo quy định, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 31 tháng 12 năm 2025.\n"
    "7. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính xem\n"
    "xét, bố trí vốn Dự án đường ven biển đoạn Hoằng Hóa - Sầm Sơn và Quảng Xương -\n"
    "Tĩnh Gia trong kế hoạch vốn đầu tư công trung hạn giai đoạn 2026 - 2030 từ số vốn\n"
    "không giải ngân hết phải hoàn trả ngân sách trung ương của dự án BOT đường ven\n"
    "biển đoạn Hoằng Hóa - Sầm Sơn và Quảng Xương - Tĩnh Gia: giao Bộ Tài chính chủ\n"
    "trì phối hợp với Bộ Xây dựng và các cơ quan liên quan xem xét, xử lý theo đúng\n"
    "quy định. Đối với nội dung vượt thẩm quyền, đề xuất báo cáo cấp có thẩm quyền\n"
    "phương án xử lý theo quy định của pháp luật trước ngày 25 tháng 12 năm 2025.\n"
)


def test_notice_items_that_open_with_their_topic_tb_634():
    tasks = prose_tasks(TB_634_ITEMS, whole(TB_634_ITEMS))
    assert [(t.label, t.text.split()[:4]) for t in tasks] == [
        ("2.", ["Về", "dự", "án", "đầu"]),
        ("7.", ["Về", "đề", "nghị", "Chính"]),
    ]
    assert [names(t.lead) for t in tasks] == [["Bộ Xây dựng"], ["Bộ Tài chính"]]
    assert [m.printed for m in tasks[1].support] == ["Bộ Xây dựng", "các cơ quan liên quan"]


def test_the_manner_of_the_work_is_no_part_of_the_body_826ed569ec2ddaa1():
    # /work/shared/corpus/real/826ed569ec2ddaa1.txt lines 78-79 (a Government Office notice)
    text = (
        "5. Về kiến nghị xem xét, trình Quốc hội phê duyệt chủ trương đầu tư; chủ động phê duyệt đầu tư các Chương trình mục tiêu quốc gia; ban hành quy định về cơ chế quản lý, tổ chức thực hiện các Chương trình mục tiêu quốc gia giai đoạn 2026 - 2030:\n"
        "Bộ Nông nghiệp và Môi trường khẩn trương chủ trì, phối hợp với Bộ Dân tộc và Tôn giáo, Bộ Tài chính và các cơ quan liên quan, hoàn thiện Báo cáo trình Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia khi hợp nhất 3 chương trình về xây dựng nông thôn mới, giảm nghèo bền vững, phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi, để kịp báo cáo Quốc hội tại Kỳ họp thứ 10 của Quốc hội khóa XV.\n"
    )
    [task] = prose_tasks(text, whole(text))
    assert [m.printed for m in task.lead] == ["Bộ Nông nghiệp và Môi trường"]
    assert [m.printed for m in task.support] == [
        "Bộ Dân tộc và Tôn giáo",
        "Bộ Tài chính",
        "các cơ quan liên quan",
    ]


def test_a_row_before_a_numbered_sub_group_label_is_kept_h08():
    # "III.1.2" opens a sub-group: it is no cell of row 4 (rows III.4, III.9 and III.26 of h08 were lost)
    body = read("dev-h08_ttg_qd_2025_task-table-subgroups.txt")
    tasks = parse_table_tasks(body, whole(body))
    assert [t.label for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[3].text.startswith("Xây dựng ứng dụng trợ lý ảo thống nhất")
    assert names(tasks[3].lead) == ["Bộ Công an"] and names(tasks[3].support) == ["Các bộ, ngành, địa phương"]


def test_a_body_asked_to_act_heads_its_item_h05():
    # dev h05 lines 49-50: "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố" / "Phối hợp với …"
    text = (
        "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố\n"
        "Phối hợp với các ngành, các cấp tăng cường các hoạt động tuyên truyền, vận động cán bộ, đoàn viên, hội viên và Nhân dân thực hiện tốt chính sách dân số và phát triển. Chú trọng công tác tuyên truyền các quan điểm chủ trương của Đảng, Nhà nước về dân số và phát triển. Tham gia giám sát việc thực hiện chính sách, pháp luật về dân số và phát triển; xây dựng quy chế, quy định của tổ chức nhằm thực hiện tốt công tác dân số và phát triển.\n"
    )
    [task] = prose_tasks(text, whole(text))
    assert task.text.startswith("Phối hợp với các ngành, các cấp")
    assert names(task.lead) == ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]
    assert [m.printed for m in task.support] == ["các ngành", "các cấp"]


def test_a_request_wrapped_inside_a_name_is_no_heading():
    # /work/shared/corpus/real/d5f01e57dbf5a890.txt lines 104-106: "Ủy ban Mặt trận / Tổ quốc …" wraps
    text = (
        "3. Đề nghị Ủy ban Mặt trận\n"
        "Tổ quốc Việt Nam tỉnh phối hợp với Thường trực Hội đồng nhân dân tỉnh, các Ban\n"
        "của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu\n"
    )
    assert [names(t.lead) for t in prose_tasks(text, whole(text))] != [["Ủy ban Mặt trận"]]


def test_a_body_the_lead_works_with_later_in_the_clause_cooperates_h10():
    # dev h10 (Nghị quyết 57-NQ/TW) line 54, part IV: "…; phối hợp với Đảng đoàn Quốc hội thể chế hoá …"
    text = "3. Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình hành động triển khai thực hiện Nghị quyết; phối hợp với Đảng đoàn Quốc hội thể chế hoá đầy đủ các chủ trương, chính sách nêu trong Nghị quyết này và bố trí đủ nguồn lực để thực hiện, cơ bản hoàn thành trong năm 2025.\n"
    [task] = prose_tasks(text, whole(text))
    assert names(task.lead) == ["Ban cán sự đảng Chính phủ"]
    assert [m.printed for m in task.support] == ["Đảng đoàn Quốc hội"]


def test_a_heading_over_one_sentence_and_its_roles_h04():
    # dev h04 lines 97-102: "9. <heading>" / "Tham mưu, đề xuất … ." / role lines: the sentence is the task
    text = (
        "9. Tổ chức nghiên cứu, học tập kinh nghiệm công tác xây dựng chính sách, pháp luật\n"
        "Tham mưu, đề xuất tổ chức Đoàn của tỉnh hoặc tham gia các Đoàn của Bộ Tư pháp nghiên cứu, học tập kinh nghiệm công tác xây dựng chính sách, pháp luật của tỉnh đi học tập kinh nghiệm tại các tỉnh, thành trong nước và quốc tế.\n"
        "- Đơn vị chủ trì: Sở Tư pháp.\n"
        "- Đơn vị phối hợp: Văn phòng UBND tỉnh; các cơ quan, đơn vị, địa phương\n"
        "liên quan.\n"
        "- Thời gian thực hiện: Hằng năm.\n"
    )
    [task] = prose_tasks(text, whole(text))
    assert task.label == "9." and task.text.startswith("Tham mưu, đề xuất tổ chức Đoàn của tỉnh")
    assert names(task.lead) == ["Sở Tư pháp"]


def test_kinds_of_body_listed_in_lower_case_cooperate_h05():
    # dev h05 lines 23-24: "1. Sở Y tế" / "a) Chủ trì, phối hợp với sở, ban, ngành, Ủy ban nhân dân xã, phường …"
    text = (
        "1. Sở Y tế\n"
        "a) Chủ trì, phối hợp với sở, ban, ngành, Ủy ban nhân dân xã, phường tăng cường kiểm tra, đôn đốc việc thực hiện hiệu quả chủ trương, chính sách, pháp luật về công tác dân số; triển khai thực hiện có hiệu quả các chỉ tiêu, nhiệm vụ, giải pháp về công tác dân số trong tình hình mới theo Nghị quyết số 21-NQ/TW và các văn bản chỉ đạo của Chính phủ[2], Bộ Y tế[3], Thành ủy, Ủy ban nhân dân thành phố. Trong đó, tập trung các giải pháp để phấn đấu đạt và duy trì mức sinh thay thế, chăm sóc sức khỏe người cao tuổi, thích ứng với già hóa dân số và nâng cao chất lượng dân số, cụ thể: Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ; tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái sinh ra sống; tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%; tỷ lệ người từ 65 tuổi trở lên đạt khoảng 12%; tỷ lệ phụ thuộc chung đạt khoảng 51%; tỷ lệ nam, nữ thanh niên được tư vấn, khám sức khoẻ trước khi kết hôn đạt 90%; giảm 50% số cặp tảo hôn, giảm 60% số cặp hôn nhân cận huyết thống; 70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh tật bẩm sinh phổ biến nhất; 90% trẻ sơ sinh được tầm soát ít nhất 5 bệnh bẩm sinh phổ biến nhất;\n"
    )
    [task] = prose_tasks(text, whole(text))
    assert names(task.lead) == ["Sở Y tế"]
    assert [m.printed for m in task.support] == ["sở, ban, ngành", "Ủy ban nhân dân xã, phường"]
