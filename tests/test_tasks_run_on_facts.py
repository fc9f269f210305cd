"""Two forms that put wrong facts on the web app's pages (found on corpus/real): a date the task's own words put
before the document was issued, read as its deadline (so /deadlines showed it overdue), and a lead body's name
read on into what the sentence says of it ("Sở Tài chính được quyền khai thác, …" on /agencies).  Passages copied
from corpus/real (thuvienphapluat.vn pages), each under its document's own number and date; the first test of each
group failed before the rule."""

from __future__ import annotations

import datetime as dt
import hashlib

from graph.extract.agencies import name_end
from graph.model import SourceFile, Task
from graph.pipeline import parse_source


def _tasks(text: str) -> list[Task]:
    source = SourceFile(
        "excerpt.txt", "excerpt.txt", hashlib.sha256(text.encode()).hexdigest(), "utf-8", text
    )
    return parse_source(source).tasks


def _header(province: str, symbol: str, place_date: str, title: str) -> str:
    return (
        f"ỦY BAN NHÂN DÂN {province}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        f"---------------\nSố: {symbol}\n{place_date}\nQUYẾT ĐỊNH\n{title}\n"
    )


def _led_by(tasks: list[Task], opening: str) -> Task:
    (task,) = [t for t in tasks if t.text.startswith(opening)]
    return task


# ---------------------------------------------------------------- a date before the document: a condition

# 994dfbc3967e5ebf: Quyết định 95/2025/QĐ-UBND of Nghệ An (24/11/2025), Điều 13 of its rules, wrapped as printed
LAND_CLAUSE = _header(
    "TỈNH NGHỆ AN",
    "95/2025/QĐ-UBND",
    "Nghệ An, ngày 24 tháng 11 năm 2025",
    "QUY ĐỊNH QUY CHẾ PHỐI HỢP THỰC HIỆN CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN GIỮA VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI",
) + (
    "Điều 13. Trách nhiệm của Ủy ban nhân dân cấp xã\n"
    "4. Xác nhận về hiện trạng sử dụng đất, tình trạng\n"
    "tranh chấp đất đai đối với trường hợp hộ gia đình, cá nhân đã được cấp Giấy chứng\n"
    "nhận một phần diện tích vào loại đất ở trước ngày 01/7/2004, phần diện tích còn\n"
    "lại chưa được cấp Giấy chứng nhận theo quy định tại Phần XIII của\n"
    "“Phần C. TRÌNH TỰ, THỦ TỤC ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT” thuộc Phần\n"
    "V của Phụ lục I kèm theo Nghị định số 151/2025/NĐ-CP ngày 12/6/2025 của\n"
    "Chính phủ.\n"
)


def test_a_date_the_clause_puts_years_before_the_document_is_no_deadline() -> None:
    task = _led_by(_tasks(LAND_CLAUSE), "Xác nhận về hiện trạng sử dụng đất")
    assert [m.name for m in task.lead] == ["Ủy ban nhân dân cấp xã"]
    assert task.deadline is None  # was 2004-07-01, shown overdue on /deadlines


# 4e39af96b6891368: Quyết định 1627/QĐ-UBND of Quảng Ngãi, issued 21/11/2025, six days after the day it sets
LATE_PLAN = _header(
    "TỈNH QUẢNG NGÃI",
    "1627/QĐ-UBND",
    "Quảng Ngãi, ngày 21 tháng 11 năm 2025",
    "VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG",
) + (
    "1.4. Ủy ban nhân dân các phường, xã, đặc khu\n"
    "- Thành lập Ban Chỉ đạo tổng kiểm kê tài sản cấp xã để chỉ đạo, đôn đốc, kiểm tra các cơ quan, tổ chức, đơn vị, "
    "doanh nghiệp và đối tượng khác thuộc phạm vi quản lý trong việc thực hiện kiểm kê.\n"
    "Thời gian hoàn thành: Trước ngày 15/11/2025.\n"
)


def test_a_past_day_on_its_own_deadline_line_stays_the_deadline() -> None:
    task = _led_by(_tasks(LATE_PLAN), "Thành lập Ban Chỉ đạo tổng kiểm kê")
    assert task.deadline is not None and task.deadline.date == dt.date(2025, 11, 15)


# ---------------------------------------------------------------- a body's name ends before its predicate

# 5b692e230f990be5: Quyết định 82/2025/QĐ-UBND of Bắc Ninh, Điều 7
USE_OF_DATA = _header(
    "TỈNH BẮC NINH",
    "82/2025/QĐ-UBND",
    "Bắc Ninh, ngày 28 tháng 11 năm 2025",
    "BAN HÀNH QUY CHẾ QUẢN LÝ, SỬ DỤNG VÀ KHAI THÁC PHẦN MỀM QUẢN LÝ TÀI SẢN CÔNG TỈNH BẮC NINH",
) + (
    "Điều 7. Khai thác, sử dụng thông tin tài sản trong Phần mềm\n"
    "1. Sở Tài chính được quyền khai thác, sử dụng thông tin về tài sản công của tất cả các cơ quan, tổ chức, đơn vị "
    "thuộc phạm vi quản lý của tỉnh.\n"
    "2. Cơ quan, tổ chức, đơn vị cấp trên được quyền khai thác, sử dụng thông tin tài sản công của các đơn vị thuộc "
    "phạm vi quản lý.\n"
)


def test_a_name_ends_before_duoc() -> None:
    task = _led_by(_tasks(USE_OF_DATA), "Sở Tài chính được quyền")
    assert [m.name for m in task.lead] == ["Sở Tài chính"]
    assert task.lead[0].printed == "Sở Tài chính"


# 72f18ee047b71e9a: Quyết định 72/2025/QĐ-UBND of Bắc Ninh, Điều 30
FOCAL_POINT = _header(
    "TỈNH BẮC NINH",
    "72/2025/QĐ-UBND",
    "Bắc Ninh, ngày 19 tháng 11 năm 2025",
    "BAN HÀNH QUY ĐỊNH QUẢN LÝ HẠ TẦNG VIỄN THÔNG THỤ ĐỘNG",
) + (
    "Điều 30. Cập nhật dữ liệu và chế độ báo cáo\n"
    "2. Ủy ban nhân dân các xã, phường, doanh nghiệp viễn thông có trách nhiệm cung cấp, cập nhật dữ liệu số, bản "
    "đồ hạ tầng viễn thông thụ động theo yêu cầu của Sở Khoa học và Công nghệ, bảo đảm phục vụ công tác quản lý, "
    "điều phối và thúc đẩy dùng chung hạ tầng.\n"
    "3. Sở Khoa học và Công nghệ là cơ quan đầu mối tiếp nhận, quản lý, khai thác, tổng hợp báo cáo từ các doanh "
    "nghiệp, định kỳ báo cáo Ủy ban nhân dân tỉnh theo quy định.\n"
)


def test_a_name_ends_before_la() -> None:
    task = _led_by(_tasks(FOCAL_POINT), "Sở Khoa học và Công nghệ là cơ quan đầu mối")
    assert [m.name for m in task.lead] == ["Sở Khoa học và Công nghệ"]


# 8d9779edcdd6c422: Quyết định 74/2025/QĐ-UBND of Hà Nội, Điều 12
APPROVALS = _header(
    "THÀNH PHỐ HÀ NỘI",
    "74/2025/QĐ-UBND",
    "Hà Nội, ngày 04 tháng 12 năm 2025",
    "QUY ĐỊNH PHÂN CẤP THẨM QUYỀN TRONG LĨNH VỰC GIAO THÔNG",
) + (
    "Điều 12. Chấp thuận phương án bảo đảm an toàn giao thông đối với công trình, hoạt động trên đường thủy nội địa\n"
    "2. Sở Xây dựng chấp thuận phương án bảo đảm an toàn giao thông đối với công trình, hoạt động trên đường thủy "
    "nội địa địa phương; đường thủy nội địa chuyên dùng nối với đường thủy nội địa địa phương.\n"
)


def test_a_name_ends_before_the_verb_chap_thuan() -> None:
    task = _led_by(_tasks(APPROVALS), "Sở Xây dựng chấp thuận")
    assert [m.name for m in task.lead] == ["Sở Xây dựng"]


# de16a702fae1465d: Quyết định 78/2025/QĐ-UBND of Bắc Ninh, Điều 8: "được giao" says which unit and person
ASSIGNED_UNIT = _header(
    "TỈNH BẮC NINH",
    "78/2025/QĐ-UBND",
    "Bắc Ninh, ngày 21 tháng 11 năm 2025",
    "BAN HÀNH QUY CHẾ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH KIẾN NGHỊ",
) + (
    "Điều 8. Quy trình xử lý phản ánh kiến nghị\n"
    "2. Bộ phận, cá nhân được giao xử lý thực hiện kiểm tra, xác định phạm vi, thẩm quyền xử lý đối với thông tin "
    "phản ánh kiến nghị được chuyển đến theo quy định.\n"
)


def test_a_kind_of_body_keeps_the_clause_that_says_which() -> None:
    task = _led_by(_tasks(ASSIGNED_UNIT), "Bộ phận, cá nhân được giao")
    assert [m.name for m in task.lead] == ["Bộ phận, cá nhân được giao"]


# Nghị định 71/2019/NĐ-CP, Điều 59 (corpus/files sd-vlncn-sct-vn__ND-71-2019-xu-phat.docx): a person's kind keeps
# its clause as a body's kind does; one body's name ends before its predicate
def test_name_end_keeps_the_clause_of_a_kind_of_person() -> None:
    kinds = "Thanh tra viên, người được giao thực hiện nhiệm vụ thanh tra chuyên ngành"
    assert name_end(kinds) == len(kinds)
    named = "Sở Tài chính được quyền khai thác, sử dụng thông tin về tài sản công của tất cả các cơ quan"
    assert named[: name_end(named)] == "Sở Tài chính"
