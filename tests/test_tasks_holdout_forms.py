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
