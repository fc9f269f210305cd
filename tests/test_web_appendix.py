"""An appendix whose heading, capital title and note a web copy prints on one line, over a task table
whose header names no "nhiệm vụ" column: tests/real/c5d930a5fc8373cd.txt (Kế hoạch 980/KH-UBND of UBND
tỉnh Nghệ An, 18/11/2025; tests/real/SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import parse_file

PLAN = Path(__file__).parent / "real" / "c5d930a5fc8373cd.txt"


def test_a_one_line_appendix_heading_with_its_title_and_note():
    doc = parse_file(PLAN)
    [appendix] = doc.appendices
    assert appendix.label == "PHỤ LỤC"
    assert appendix.title == (
        "DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT PHÒNG THỦ DÂN SỰ"
    )
    assert appendix.attached_note == (
        "(Kèm theo Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025 của UBND tỉnh Nghệ An)"
    )


def test_the_rows_of_a_table_headed_noi_dung_thuc_hien_and_co_quan_chu_tri_are_tasks():
    doc = parse_file(PLAN)
    rows = [t for t in doc.tasks if t.layout == "table"]
    assert len(rows) == 8
    first = rows[0]
    assert first.text.startswith("Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã")
    assert [m.printed for m in first.lead] == ["Bộ CHQS tỉnh", "UBND cấp xã"]
    assert [m.printed for m in first.support] == ["Văn phòng Ban Chỉ huy", "các sở, ban, ngành"]
    assert (first.deadline.raw, first.deadline.kind) == ("Trước ngày 30/11/2025", "date")
    assert first.output_form == "Quyết định của Chủ tịch UBND cấp tỉnh, cấp xã"
    assert [m.printed for m in rows[1].lead] == ["Sở Tài chính"]
    assert rows[1].deadline.kind == "continuous"  # "Thường xuyên"
