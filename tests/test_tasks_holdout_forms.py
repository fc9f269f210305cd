"""Task forms that the held-out documents (tests/corpus/holdout, annotated by hand; sources in
tests/corpus/holdout/SOURCE-tasks.md) printed and the parser missed.  Each test reads the real
document, or a passage copied from it."""

from __future__ import annotations

from pathlib import Path

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
