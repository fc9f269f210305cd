"""Tasks of the five seeds, through the real pipeline stages (read → normalise → segment).

Every task row of seed 000 Phụ lục II and of seed 004's appendix is listed with
its lead and cooperating bodies (and, for 000, deadline, output form and note).
"""

from collections import Counter
from functools import cache

from graph.extract.tasks import extract_tasks, parse_role_line_tasks, parse_table_tasks
from graph.model import Span
from seeds import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, segmented


def seg_of(name):
    return segmented(name)


@cache
def tasks_of(name):
    return extract_tasks(seg_of(name))


def by_layout(name, layout):
    return [t for t in tasks_of(name) if t.layout == layout]


def names(mentions):
    return [m.name for m in mentions]


# label, lead, support, (deadline kind, raw), output form, note — all 50 rows of 000 Phụ lục II
SEED_000_TABLE = [
    (
        "1.1",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Nghị quyết",
        None,
    ),
    (
        "2.1",
        ["Sở Thông tin và Truyền thông"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Kế hoạch",
        None,
    ),
    (
        "2.2",
        ["Sở Thông tin và Truyền thông"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Quyết định",
        None,
    ),
    ("2.3", ["Sở Nội vụ"], ["Các sở, ban, ngành và địa phương"], ("annual", "Hằng năm"), "Kế hoạch", None),
    (
        "2.4",
        ["Sở Công Thương"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Quyết định",
        "Trình Thủ tướng Chính phủ",
    ),
    (
        "2.5",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Quyết định",
        None,
    ),
    (
        "2.6",
        ["Ban Quản lý các Khu kinh tế và Khu công nghiệp"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Nghị quyết",
        None,
    ),
    (
        "3.1",
        ["Sở Công Thương"],
        ["Các sở, ban, ngành và địa phương"],
        ("year", "2024"),
        "Đề án",
        "Trình Thủ tướng Chính phủ",
    ),
    (
        "3.2",
        ["Sở Công Thương"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Kế hoạch",
        None,
    ),
    (
        "3.3",
        ["Sở Kế hoạch và Đầu tư", "Ban Quản lý các Khu kinh tế và Khu công nghiệp"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Chương trình",
        None,
    ),
    (
        "3.4",
        ["Sở Công Thương", "Sở Xây dựng"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "3.5",
        ["Sở Tài nguyên và Môi trường"],
        ["Các sở, ban, ngành và địa phương"],
        ("year", "2023"),
        "Kế hoạch",
        None,
    ),
    ("3.6", ["Sở Xây dựng"], ["Các sở, ban, ngành và địa phương"], ("year", "2023"), "Đề án", None),
    (
        "3.7",
        ["Ban Quản lý các Khu kinh tế và Khu công nghiệp"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-plan", "Theo tiến độ dự án"),
        "Dự án",
        None,
    ),
    (
        "3.8",
        ["Sở Công Thương"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Kế hoạch, Dự án",
        None,
    ),
    (
        "3.9",
        ["Ban Quản lý các Khu kinh tế và Khu công nghiệp"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-plan", "Theo tiến độ dự án"),
        "Quyết định, dự án",
        None,
    ),
    (
        "4.1",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành và địa phương"],
        ("year", "2023"),
        "Đề án",
        "Trình Thủ tướng Chính phủ",
    ),
    (
        "4.2",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "4.3",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "4.4",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "4.5",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "4.6",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành và địa phương"],
        ("year", "2024"),
        "Chương trình",
        None,
    ),
    (
        "4.7",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Kế hoạch, Đề án",
        None,
    ),
    (
        "4.8",
        ["Sở Công Thương"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Kế hoạch",
        None,
    ),
    (
        "4.9",
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "4.10",
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Chương trình, Kế hoạch",
        None,
    ),
    (
        "4.11",
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Kế hoạch",
        None,
    ),
    (
        "5.1",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Kế hoạch",
        None,
    ),
    (
        "5.2",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "5.3",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "5.4",
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Các sở, ban, ngành và địa phương"],
        ("period", "Giai đoạn"),
        "Kế hoạch",
        None,
    ),
    (
        "5.5",
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Nghị quyết",
        None,
    ),
    (
        "5.6",
        ["Sở Nội vụ"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Nghị quyết",
        None,
    ),
    (
        "6.1",
        ["Sở Giao thông vận tải"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-plan", "Theo tiến độ dự án"),
        "Nghị quyết",
        None,
    ),
    (
        "6.2",
        ["Sở Giao thông vận tải"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-plan", "Theo tiến độ dự án"),
        "Nghị quyết",
        None,
    ),
    (
        "6.3",
        ["Sở Giao thông vận tải"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-plan", "Theo tiến độ dự án"),
        "Nghị quyết",
        None,
    ),
    (
        "6.4",
        ["Ban Quản lý các Khu kinh tế và Khu công nghiệp"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-plan", "Theo tiến độ dự án"),
        "Nghị quyết",
        None,
    ),
    (
        "6.5",
        ["Sở Xây dựng"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Nghị quyết",
        None,
    ),
    (
        "6.6",
        ["Sở Xây dựng"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Nghị quyết",
        None,
    ),
    (
        "6.7",
        ["Sở Xây dựng"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Đề án",
        None,
    ),
    (
        "7.1",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành và địa phương"],
        ("year", "2023"),
        "Kế hoạch",
        None,
    ),
    (
        "8.1",
        ["Sở Tài chính"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Quyết định",
        None,
    ),
    (
        "8.2",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Kế hoạch",
        None,
    ),
    (
        "9.1",
        ["Sở Tài nguyên và Môi trường"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Quyết định",
        None,
    ),
    (
        "9.2",
        ["Sở Tài nguyên và Môi trường"],
        ["Các sở, ban, ngành và địa phương"],
        ("year", "2024"),
        "Đề án",
        None,
    ),
    (
        "9.3",
        ["Sở Công Thương"],
        ["Các sở, ban, ngành và địa phương"],
        ("annual", "Hằng năm"),
        "Kế hoạch",
        None,
    ),
    ("9.4", ["Sở Ngoại vụ"], ["Các sở, ban, ngành và địa phương"], ("annual", "Hằng năm"), "Kế hoạch", None),
    ("10.1", ["Các sở, ban, ngành và địa phương"], [], ("annual", "Hằng năm"), "Kế hoạch", None),
    (
        "10.2",
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Kế hoạch",
        None,
    ),
    (
        "10.3",
        ["Sở Xây dựng"],
        ["Các sở, ban, ngành và địa phương"],
        ("per-lead-schedule", "Theo tiến độ cơ quan chủ trì"),
        "Kế hoạch",
        None,
    ),
]

# label, lead, support — all 41 task rows of 004's appendix (rows 2.2 … 3.2 are not in the web text)
SEED_004_TABLE = [
    (
        "1.1",
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
        ["Sở Thông tin và Truyền thông", "Đài Phát thanh truyền hình tỉnh"],
    ),
    # no body cells printed: the page merged those of row 1.1 over both rows (the gold reads them so)
    (
        "1.2",
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
        ["Sở Thông tin và Truyền thông", "Đài Phát thanh truyền hình tỉnh"],
    ),
    ("2.1", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"], []),
    ("3.3", ["Sở Tài chính"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ("3.4", ["Sở Xây dựng"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (
        "3.5",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("3.6", ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"], ["Sở Khoa học và Công nghệ"]),
    ("4.1", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"], []),
    (
        "4.2",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("4.3", ["Sở Công Thương"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (
        "4.4",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "4.5",
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "4.6",
        ["Sở Thông tin và Truyền thông"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "4.7",
        ["Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Quảng Ngãi"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("5.1", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"], []),
    (
        "5.2",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "5.3",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("5.4", ["Sở Tài chính"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (
        "5.5",
        ["Sở Giáo dục và Đào tạo"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "5.6",
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "6.1",
        ["Sở Giao thông vận tải"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "6.2",
        ["Sở Thông tin và Truyền thông"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("6.3", ["Sở Xây dựng"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (
        "6.4",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "6.5",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("7", ["Sở Kế hoạch và Đầu tư"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ("8.1", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"], []),
    ("8.2", ["Sở Tài chính"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (
        "8.3",
        ["Ngân hàng Nhà nước Việt Nam chi nhánh Quảng Ngãi"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "8.4",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "9.1",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("9.2", ["Sở Công Thương"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã. thành phố"]),
    (
        "9.3",
        ["Sở Tài nguyên và Môi trường"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("9.4", ["Sở Tài chính"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (
        "9.5",
        ["Sở Ngoại vụ", "Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "10.1",
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "10.2",
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "10.3",
        ["Sở Khoa học và Công nghệ"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    ("10.4", ["Sở Xây dựng"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (
        "10.5",
        ["Sở Kế hoạch và Đầu tư"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "10.6",
        ["Liên đoàn Lao động Việt Nam tỉnh Quảng Ngãi"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
]


def test_task_counts_per_seed_and_layout():
    counts = {
        name: Counter(t.layout for t in tasks_of(name))
        for name in (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)
    }
    # 000: 13 prose tasks that repeat a row of Phụ lục II are the row (dev h01 states its tasks twice too); III.1's
    # bullets after one wrapped before "(viết tắt là Nghị quyết số 29-NQ/TW) và …" are tasks too (stop 18: 96 → 98)
    assert counts[SEED_000] == Counter({"table": 50, "lead-heading": 98})
    # 001 and 002: "IV. TỔ CHỨC THỰC HIỆN" items that name who acts ("1. Ban Thường vụ Tỉnh ủy tập trung
    # lãnh đạo, …", "2. Sở Công Thương có trách nhiệm chủ trì, phối hợp với …")
    assert counts[SEED_001] == Counter({"role-lines": 50, "lead-heading": 3})
    # (002's "1. Thủ trưởng các sở, ban, ngành tỉnh, UBND các huyện, thành phố xây dựng kế hoạch …": the
    # official stands for the bodies, tests/test_tasks_officials.py)
    assert counts[SEED_002] == Counter({"role-lines": 46, "lead-heading": 2})
    # 003: "1. Các cấp ủy đảng, …, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội …"
    assert counts[SEED_003] == Counter({"lead-heading": 1})
    # 004: "1. UBND các huyện, thị xã, thành phố; các sở, ban, ngành; các tổ chức, …: Trên cơ sở …"
    assert counts[SEED_004] == Counter({"table": 41, "lead-heading": 1, "agency-heading": 1})


def test_seed_000_appendix_rows():
    rows = [
        (
            t.label,
            names(t.lead),
            names(t.support),
            (t.deadline.kind, t.deadline.raw) if t.deadline else None,
            t.output_form,
            t.notes,
        )
        for t in by_layout(SEED_000, "table")
    ]
    assert rows == SEED_000_TABLE


def test_seed_004_appendix_rows():
    rows = [(t.label, names(t.lead), names(t.support)) for t in by_layout(SEED_004, "table")]
    assert rows == SEED_004_TABLE


def test_table_task_text_and_span():
    seg = seg_of(SEED_000)
    first = by_layout(SEED_000, "table")[0]
    assert first.text == (
        "Cụ thể hóa các quan điểm, gắn kết các mục tiêu, nhiệm vụ công nghiệp hóa, hiện đại hóa "
        "vào kế hoạch phát triển kinh tế - xã hội 5 năm và hằng năm của tỉnh"
    )
    assert seg.text.text[first.span.start : first.span.start + 3] == "1.1"
    assert first.section == "Phụ lục II/1/1.1"
    assert first.lead[0].printed == "Sở Kế hoạch và Đầu tư"
    assert seg.text.text[first.lead[0].span.start : first.lead[0].span.end] == "Sở Kế hoạch và \nĐầu tư"
    assert first.deadline.span is not None


def test_table_text_running_on_below_the_other_cells():
    # row 4.7: the task cell continues after "Kế hoạch,\nĐề án"
    row = next(t for t in by_layout(SEED_000, "table") if t.label == "4.7")
    assert row.text == (
        "Xây dựng các đề án, kế hoạch hỗ trợ phát triển thương hiệu đối với các sản phẩm nông nghiệp, "
        "sản phẩm chế biến nông sản; hỗ trợ xây dựng chỉ dẫn địa lý, thương hiệu, nhãn hiệu hàng hóa, "
        "truy xuất nguồn gốc cho các sản phẩm chủ lực, tiềm năng của tỉnh"
    )


def test_table_text_and_lead_on_one_line():
    # row 5.4: "5.4 Xây dựng kế hoạch phát triển giáo dục nghề nghiệp  Sở Lao động-"
    row = next(t for t in by_layout(SEED_000, "table") if t.label == "5.4")
    assert row.text == "Xây dựng kế hoạch phát triển giáo dục nghề nghiệp"
    assert row.lead[0].printed == "Sở Lao động-Thương binh và Xã hội"


def test_seed_004_group_row_with_cells_and_multi_paragraph_rows():
    rows = {t.label: t for t in by_layout(SEED_004, "table")}
    # "7 / Phát triển các thành phần kinh tế … / two paragraphs / agencies": the group heading is not task text
    assert rows["7"].text.startswith("Triển khai có hiệu quả Nghị quyết số 98/NQ-CP")
    assert rows["7"].text.endswith("(Luật Các tổ chức kinh tế hợp tác).")
    # row 2.1: two paragraphs, then one agency line (the lead)
    assert rows["2.1"].text.startswith("Xây dựng ban hành chương trình, kế hoạch thực hiện Nghị quyết")
    assert "Đẩy nhanh thể chế hóa các Nghị quyết" in rows["2.1"].text
    # row 1.2 prints no body cell: it shares the merged cells of row 1.1, read where they are printed
    assert rows["1.2"].lead == rows["1.1"].lead and rows["1.2"].support == rows["1.1"].support
    assert all(t.deadline is None and t.output_form is None for t in rows.values())


def test_indicator_table_gives_no_tasks():
    seg = seg_of(SEED_000)
    phu_luc_1 = next(a for a in seg.appendices if a.label == "Phụ lục I")
    assert parse_table_tasks(seg.body, phu_luc_1.span) == []


def test_seed_001_role_lines():
    tasks = by_layout(SEED_001, "role-lines")
    first = tasks[0]
    assert first.label == "-"
    assert first.section == "III/1/-"
    # the item and its "+ Giai đoạn …" sub-items, up to the role lines
    assert first.text.startswith(
        "Triển khai quán triệt nội dung của Nghị quyết số 29-NQ/TW để cán bộ, đảng viên"
    )
    assert first.text.endswith("trên tất cả các lĩnh vực của nền kinh tế và đời sống xã hội.")
    assert "+ Giai đoạn 2031 – 2045:" in first.text
    assert names(first.directing) == ["Ban Thường vụ Tỉnh ủy"]
    assert names(first.lead) == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Các cấp ủy, tổ chức đảng, chính quyền",
        "Mặt trận Tổ quốc",
        "Các tổ chức chính trị - xã hội",
    ]
    assert (first.deadline.kind, first.deadline.raw) == ("continuous", "Thường xuyên")
    rest = tasks[1:]
    assert {tuple(names(t.lead)) for t in rest} == {("Ban cán sự đảng Ủy ban nhân dân tỉnh",)}
    assert {tuple(names(t.directing)) for t in tasks} == {("Ban Thường vụ Tỉnh ủy",)}
    assert Counter(t.deadline.kind for t in tasks) == Counter({"continuous": 48, "period": 2})
    started_2023 = [t for t in tasks if t.deadline.kind == "period"]
    assert [t.deadline.years for t in started_2023] == [(2023,), (2023,)]
    assert started_2023[0].text.startswith("Đổi mới mô hình tổ chức, cơ chế hoạt động của Khu kinh tế")


def test_seed_002_role_lines():
    tasks = {(t.section, t.label): t for t in tasks_of(SEED_002)}
    a = tasks[("II/1/a)", "a)")]
    assert a.text == (
        "Xây dựng các tiêu chí, yêu cầu cụ thể nhằm lựa chọn, xác định vùng công nghiệp động lực, "
        "vùng trọng điểm có khả năng trở thành động lực lan tỏa tăng trưởng cho các địa phương của tỉnh"
    )
    assert (a.deadline.kind, a.deadline.years) == ("year", (2020,))
    assert names(a.lead) == ["Sở Kế hoạch và Đầu tư"]
    assert names(a.support) == [
        "Sở Công Thương",
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
        "Ủy ban nhân dân các huyện, thành phố liên quan",
    ]
    c = tasks[("II/1/c)", "c)")]
    assert names(c.support) == ["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Ủy ban nhân dân huyện Đức Phổ"]
    d = tasks[("II/1/d)", "d)")]
    assert (d.deadline.kind, d.deadline.years) == ("years", (2019, 2020))
    star = tasks[("II/2/a)/*", "*")]  # "* Xây dựng kế hoạch …" then "- Cơ quan chủ trì thực hiện:"
    assert star.text.startswith("Xây dựng kế hoạch tìm nguồn vật liệu thay thế dần cho cát")
    assert names(star.lead) == ["Sở Xây dựng"] and names(star.support) == ["Sở Tài nguyên và Môi trường"]
    plan = tasks[("II/2/b)", "b)")]
    assert plan.deadline.kind == "per-plan"
    dash = tasks[("II/2/c)/-", "-")]  # "+ Cơ quan chủ trì:" role lines under a "-" item
    assert names(dash.lead) == ["Sở Nông nghiệp và Phát triển nông thôn"]
    assert (dash.deadline.kind, dash.deadline.years) == ("year", (2019,))


def test_seed_002_group_heading_is_not_task_text():
    # "b) Công nghiệp chế biến thực phẩm, đồ uống" / "Xây dựng chính sách khuyến khích …" / role lines
    tasks = {(t.section, t.label): t for t in tasks_of(SEED_002)}
    food = tasks[("II/2/b)#2", "b)")]
    assert food.text.startswith(
        "Xây dựng chính sách khuyến khích các doanh nghiệp trong và ngoài tỉnh xây dựng"
    )
    assert food.text.endswith(
        "được tham gia và được hưởng lợi nhất định trong khâu sản xuất và tiêu thụ sản phẩm."
    )
    assert names(food.lead) == ["Sở Nông nghiệp và Phát triển nông thôn"]
    # a sentence wrapped over lines keeps its first line: "… vật liệu" / "xây dựng thông thường, …"
    sand = tasks[("II/2/a)/*", "*")]
    assert sand.text == (
        "Xây dựng kế hoạch tìm nguồn vật liệu thay thế dần cho cát để làm vật liệu xây dựng thông "
        "thường, đảm bảo ngành khoáng sản vật liệu xây dựng phát triển hợp lý."
    )


def test_seed_002_lists_and_inline_deadlines():
    tasks = {(t.section, t.label): t for t in tasks_of(SEED_002)}
    # "b) Tham mưu xây dựng, trình ban hành … sau đây:" then five "- Chương trình …;" — one task
    listing = tasks[("II/6/b)", "b)")]
    assert listing.text.startswith(
        "Tham mưu xây dựng, trình ban hành các chương trình, kế hoạch cụ thể sau đây: - Chương trình"
    )
    assert (listing.deadline.kind, listing.deadline.years) == ("period", (2020, 2025))
    # "(thực hiện thường xuyên, hàng năm)" in the text, no "Thời gian thực hiện:" line
    promo = tasks[("II/3/đ)", "đ)")]
    assert (promo.deadline.kind, promo.deadline.raw) == ("continuous", "thường xuyên, hàng năm")
    assert names(promo.lead) == ["Sở Kế hoạch và Đầu tư"]
    # "- Thời gian thực hiện:" followed by "+" lines
    contracts = tasks[("II/5/b)", "b)")]
    assert contracts.deadline.kind == "unspecified"
    assert contracts.deadline.raw.startswith("+ Hoàn thành xây dựng chính sách trong năm 2020;")
    assert names(contracts.lead) == ["Sở Lao động - Thương binh và Xã hội", "Các tổ chức liên quan"]
    assert names(contracts.support) == ["Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"]
    wind = tasks[("II/2/i)", "i)")]
    assert (wind.deadline.kind, wind.deadline.years) == ("by-year", (2030,))


def test_seed_000_lead_headings():
    tasks = by_layout(SEED_000, "lead-heading")
    first = tasks[0]
    # "Các Sở, Ban, ngành và UBND các huyện, thị xã, thành phố thực hiện:" then "- Tổ chức tuyên truyền, …"
    assert first.label == "-"
    assert first.text.startswith("Tổ chức tuyên truyền, quán triệt nội dung Nghị quyết số 29-NQ/TW")
    assert names(first.lead) == ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]
    assert all(m.is_group for m in first.lead) and first.support == []
    ttt = next(t for t in tasks if t.section == "III/2/(2)/-")
    assert names(ttt.lead) == ["Sở Thông tin và Truyền thông"]
    assert [(m.name, m.is_group) for m in ttt.support] == [("Các cơ quan liên quan", True)]
    assert ttt.text.startswith(
        "Xây dựng và ban hành các kế hoạch cụ thể hóa để triển khai Nghị quyết số 04 -NQ/TU"
    )
    # heading wrapped over three lines with "(gồm: Tam Kỳ, Hội An; …)"
    districts = [t for t in tasks if t.section.startswith("III/3/b)/+/(3)")]
    assert len(districts) == 2
    assert names(districts[0].lead) == [
        "Sở Công Thương",
        "Sở Kế hoạch và Đầu tư",
        "Ủy ban nhân dân các huyện, thị xã, thành phố",
    ]


def test_wrapped_dash_is_not_a_new_bullet():
    # "… phát triển thương mại\n- du lịch tỉnh Quảng Nam đến năm 2025 …" is one bullet
    tasks = [t for t in by_layout(SEED_000, "lead-heading") if "đối với lĩnh vực du lịch." in t.text]
    assert [t.text for t in tasks] == [
        "Xây dựng các chương trình, giải pháp cụ thể hóa để triển khai thực hiện Nghị quyết số 13-NQ/TU, "
        "ngày 20/7/2021 của Tỉnh ủy về phát triển thương mại - du lịch tỉnh Quảng Nam đến năm 2025, "
        "tầm nhìn đến năm 2030 đối với lĩnh vực du lịch."
    ]
    assert not any(t.text.startswith(("du lịch", "cộng đồng")) for t in tasks_of(SEED_000))


def test_assignment_sentences():
    giao = [t for t in by_layout(SEED_000, "lead-heading") if t.text.startswith("Giao")]
    assert len(giao) == 1
    assert giao[0].label == "2."
    assert giao[0].section == "IV/2"
    assert names(giao[0].lead) == ["Sở Công Thương"]
    assert giao[0].text.endswith("theo yêu cầu của cơ quan có thẩm quyền.")
    giao_004 = by_layout(SEED_004, "lead-heading")
    assert [names(t.lead) for t in giao_004] == [["Sở Kế hoạch và Đầu tư"]]


def test_role_lines_on_a_constructed_text():
    body = (
        "a) Xây dựng Đề án phát triển công nghiệp hỗ trợ.\n"
        "- Thời gian thực hiện: Quý II/2025.\n"
        "- Cơ quan chủ trì: Sở Công thương.\n"
        "- Cơ quan phối hợp: Sở TN&MT; UBND các huyện.\n"
    )
    [task] = parse_role_line_tasks(body, Span(0, len(body)))
    assert (task.label, task.text) == ("a)", "Xây dựng Đề án phát triển công nghiệp hỗ trợ.")
    assert (task.deadline.kind, task.deadline.quarter, task.deadline.years) == ("quarter", 2, (2025,))
    assert names(task.lead) == ["Sở Công Thương"]
    assert names(task.support) == ["Sở Tài nguyên và Môi trường", "Ủy ban nhân dân các huyện"]
    assert body[task.span.start : task.span.end].endswith("UBND các huyện.")
