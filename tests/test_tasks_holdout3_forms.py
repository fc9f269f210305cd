"""Task forms that the third held-out set (tests/corpus/holdout3, annotated by hand by tasks6; sources in
tests/corpus/holdout3/SOURCE-tasks.md) printed and the parser missed or misread, and the same forms in
corpus/real (thuvienphapluat.vn pages of the public GitHub repository tnt305/tai_lieu_noi_bo) and corpus/files
(the public GitHub repository Trangsct/skill-sct).  Each test reads a held-out document, or a passage copied
from a real one (source named)."""

from __future__ import annotations

from pathlib import Path

from graph.extract.tasks import prose_tasks
from graph.model import Span
from graph.pipeline import parse_file

HOLDOUT3 = Path(__file__).parent / "corpus" / "holdout3" / "texts"
# Thông báo 637/TB-VPCP: a Deputy Prime Minister's conclusions on two hospital projects (corpus/real)
TB_637 = HOLDOUT3 / "75a0867a09525909.txt"


def _leads(task):
    return [m.printed for m in task.lead]


def _tasks(text: str):
    return prose_tasks(text, Span(0, len(text)))


def test_bracketed_items_of_conclusions_name_the_body_that_acts():
    # "(3) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn …" … "(6) Ủy ban nhân dân tỉnh Ninh Bình theo chức
    # năng, nhiệm vụ, thẩm quyền chỉ đạo …": no "chủ trì", a bracketed number
    by_label = {t.label: t for t in parse_file(TB_637).tasks}
    assert _leads(by_label["(3)"]) == ["Bộ Công an"]
    assert by_label["(3)"].text.startswith("Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế")
    assert _leads(by_label["(4)"]) == ["Bộ Xây dựng"]
    assert _leads(by_label["(5)"]) == ["Bộ Tài chính"]
    assert _leads(by_label["(6)"]) == ["Ủy ban nhân dân tỉnh Ninh Bình"]


def test_a_body_that_directs_another_leads_alone():
    # "(1) Bộ Y tế chỉ đạo Ban Quản lý dự án, các đơn vị liên quan phối hợp chặt chẽ với …": the ministry leads;
    # the board is what it directs, not part of its name
    (first,) = [t for t in parse_file(TB_637).tasks if t.label == "(1)"]
    assert _leads(first) == ["Bộ Y tế"]
    assert first.deadline is not None and first.deadline.raw == "trước ngày 30 tháng 11 năm 2025"
    # "Ban chỉ đạo phòng thủ dân sự" is a name (Công điện, corpus/real cfef94bb5eaf59df)
    text = (
        "6. Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia phối hợp với cơ quan chức năng của Bộ Nông "
        "nghiệp và Môi trường theo dõi chặt chẽ tình hình, kịp thời báo cáo Thủ tướng Chính phủ.\n"
    )
    (task,) = _tasks(text)
    assert _leads(task) == ["Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"]


def test_the_numbered_notes_of_a_form_are_no_tasks():
    # the notes under a form of Thông tư 23/2024/TT-BCT (corpus/files sd-vlncn-sct-vn__TT-23-2024-BCT.docx)
    text = (
        "Chú thích:\n"
        "(1) Tên tổ chức, doanh nghiệp sử dụng vật liệu nổ công nghiệp.\n"
        "(2) Tên Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương.\n"
        "(4) Ghi quyền hạn, chức vụ của người ký.\n"
        "(5) Sở Công Thương nơi tổ chức, doanh nghiệp sử dụng vật liệu nổ công nghiệp.\n"
        "(6) Tên các tổ chức có liên quan.\n"
    )
    assert _tasks(text) == []
    # and of Nghị định 25/2026/NĐ-CP (corpus/files hc-sct-vn__ND-25-2026-phat-trien-antoan-anninh.docx)
    text = "Ghi chú:\n(4) Văn bản có liên quan.\n(5) Thủ trưởng đơn vị được giao thẩm định Kế hoạch.\n"
    assert _tasks(text) == []
