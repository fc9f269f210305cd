"""A regulation's clause that says what a thing is, how a body is made up or which cases a rule covers, over
points that read like tasks.  Passages copied from corpus/real (thuvienphapluat.vn pages of the public GitHub
repository tnt305/tai_lieu_noi_bo); each was read as tasks led by the words before the colon until the rule."""

from __future__ import annotations

from excerpt_support import excerpt_tasks

# ef57df9384270c6e (a Hải Phòng decision on urban drainage), Điều 6
DRAINAGE = """Điều 6. Thành phần, chức năng, phân loại và lựa chọn hệ thống thoát nước đô thị
2. Hệ thống thoát nước đô thị phải có đầy đủ các bộ phận hay công trình, thiết bị phù hợp sau đây:
a) Mạng lưới đường ống, cống hay kênh mương thu gom, dẫn và vận chuyển nước mưa.
b) Mạng lưới đường ống, cống hay kênh mương thu gom, dẫn và vận chuyển nước thải.
c) Giếng kiểm tra, giếng thăm, cửa thu nước lề đường, cửa tràn tách nước;
"""
# fd4c4d6e (Đồng Tháp's rules for official e-mail)
LOCKED_MAILBOXES = """3. Các trường hợp hộp thư điện tử công vụ bị tạm khóa:
a) Không phát sinh đăng nhập vào hệ thống thư điện tử công vụ trong khoảng thời gian 45 (bốn mươi lăm) ngày mà không có lý do.
b) Bị chiếm dụng, lộ lọt; có hiện tượng bị lợi dụng phát tán thư rác, mã độc,.. được các cơ quan chuyên môn có chức năng giám sát, kiểm tra an toàn, an ninh thông tin cảnh báo hoặc hệ thống bảo mật thông tin của Hệ thống thư điện tử tỉnh Đồng Tháp phát hiện.
c) Tham gia vào các hoạt động không được làm quy định tại khoản 2 Điều 4 Quy chế này.
"""
# e4ddc120 (Nghị định 171/2025/NĐ-CP on training civil servants)
COUNCIL_MEMBERS = """2. Hội đồng xét đền bù bao gồm các thành viên:
a) 01 đại diện lãnh đạo Vụ (Ban, Phòng) Tổ chức cán bộ, Sở Nội vụ hoặc cơ quan, đơn vị được phân cấp quản lý công chức làm Chủ tịch Hội đồng;
b) 01 công chức phụ trách đào tạo, bồi dưỡng của Vụ (Ban, Phòng) Tổ chức cán bộ, Sở Nội vụ hoặc cơ quan, đơn vị được phân cấp quản lý công chức làm Thư ký Hội đồng;
c) 01 đại diện cấp ủy của đơn vị sử dụng công chức;
"""
# 4e39af96b6891368 (a plan for the inventory of public assets): a bracket saying what the bodies include
SUPERIOR_BODIES = """1.6. Trách nhiệm của các cơ quan quản lý cấp trên (bao gồm cả cơ quan đại diện chủ sở hữu của doanh nghiệp):
- Đôn đốc, hướng dẫn đối tượng thực hiện kiểm kê là cơ quan, tổ chức, đơn vị, doanh nghiệp cấp dưới thực hiện kiểm kê.
Thời hạn thực hiện: Từ tháng 10/2025 đến khi kết thúc kiểm kê.
- Tổng hợp kết quả kiểm kê của các cơ quan, tổ chức, đơn vị, doanh nghiệp cấp dưới để báo cáo cơ quan chịu trách nhiệm tổng hợp kết quả kiểm kê theo thời hạn.
"""


def test_what_a_system_must_comprise_is_no_task():
    assert excerpt_tasks(DRAINAGE) == []


def test_the_cases_a_rule_covers_are_no_tasks():
    assert excerpt_tasks(LOCKED_MAILBOXES) == []


def test_the_members_a_council_includes_are_no_tasks():
    assert excerpt_tasks(COUNCIL_MEMBERS) == []


def test_bodies_whose_bracket_says_what_they_include_keep_their_tasks():
    tasks = excerpt_tasks(SUPERIOR_BODIES)
    assert [t.text[:40] for t in tasks] == [
        "Đôn đốc, hướng dẫn đối tượng thực hiện k",
        "Tổng hợp kết quả kiểm kê của các cơ quan",
    ]
    assert {m.printed for t in tasks for m in t.lead} == {
        "các cơ quan quản lý cấp trên (bao gồm cả cơ quan đại diện chủ sở hữu của doanh nghiệp)"
    }


# c5f09c77 (a province's rules for official e-mail), Điều 9; 639c24e1a9c3f20c (rules for the provincial system
# for administrative procedures), Điều 10: an information system is no body, what it does no body's task
SYSTEMS = """Điều 9. Dung lượng lưu trữ của tài khoản thư điện tử công vụ
1. Hệ thống Thư điện tử công vụ thực hiện lưu trữ nhật ký hệ thống (logfile) bao gồm tối thiểu các thông tin: Thời gian gửi thư, địa chỉ gửi thư, địa chỉ nhận thư, địa chỉ IP gửi thư, dung lượng thư, các lỗi trên hệ thống.
Điều 10. Các chức năng hỗ trợ trên Hệ thống thông tin giải quyết TTHC tỉnh
1. Hệ thống thông tin giải quyết TTHC tỉnh cho phép tìm kiếm, tra cứu TTHC, kết quả và tình trạng giải quyết hồ sơ và thông tin khác liên quan.
"""


def test_what_an_information_system_does_is_no_task():
    assert excerpt_tasks(SYSTEMS) == []


# d8df85cac631ac19 (Ho Chi Minh City's plan simplifying the procedures of Sở Nội vụ, Phụ lục II) and
# da8411114c03e36b (a ministry's procedures for public housing): fields of a procedure over the next field
SIMPLIFIED_PROCEDURE = "6. Tên\nthủ tục hành chính: Cấp mới Giấy chứng nhận đủ điều kiện hoạt động huấn luyện\nan toàn, vệ sinh lao động hạng B (trừ tổ chức huấn luyện do các Bộ, ngành, cơ\nquan trung ương, các tập đoàn, tổng công ty nhà nước thuộc Bộ, ngành, cơ quan\ntrung ương quyết định thành lập); Giấy chứng nhận doanh nghiệp đủ điều kiện tự\nhuấn luyện an toàn, vệ sinh lao động hạng B (trừ tổ chức huấn luyện do các Bộ,\nngành, cơ quan trung ương, các tập đoàn, tổng công ty nhà nước thuộc Bộ, ngành,\ncơ quan trung ương quyết định thành lập)\na. Nội dung cắt giảm, đơn giản hóa: Giảm 7,5 ngày so với quy định.\n- Thời gian giải quyết theo quy định: 25 ngày kể từ ngày Sở Nội vụ tiếp nhận đủ giấy tờ.\n- Thời gian thực hiện: (17,5) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.\nb. Lý do: Thời gian giải quyết tại Sở Nội vụ là 25 ngày, thực tế giải quyết thấy có thể rút ngắn được 7,5 ngày còn 17,5 ngày.\nc. Lợi ích: Rút ngắn thời gian khi giải quyết TTHC.\n"
PROCEDURE_FIELDS = "- Cách thức thực hiện: nộp hồ sơ trực tiếp hoặc qua dịch vụ bưu chính hoặc trực tuyến (nếu có)\n- Thành phần hồ sơ:\n+ Tờ trình (sự cần thiết, căn cứ pháp lý, thực trạng nhà ở, các nội dung theo quy định tại điểm a khoản này, đề xuất, kiến nghị);\n+ Dự thảo Đề án bao gồm các nội dung: địa chỉ nhà ở; số lượng nhà ở; lý do bán; đối tượng, điều kiện được mua nhà ở; thời gian thực hiện; dự kiến giá bán và số tiền thu được; phương án quản lý, sử dụng tiền thu được từ việc bán nhà ở.\n- Số lượng hồ sơ: 01 bộ\n- Thời hạn giải quyết: 35 ngày kể từ ngày hồ sơ Đề án đáp ứng yêu cầu theo quy định của pháp luật về nhà ở\n- Đối tượng thực hiện thủ tục hành chính: Cơ quan, đơn vị trực thuộc được giao quản lý nhà ở xã hội, nhà ở cho lực lượng vũ trang nhân dân thuộc tài sản công.\n- Cơ quan giải quyết: Cơ quan đại diện chủ sở hữu nhà ở xã hội/nhà ở cho lực lượng vũ trang nhân dân thuộc tài sản công\n"


def test_the_fields_of_an_administrative_procedure_are_no_tasks():
    assert excerpt_tasks(SIMPLIFIED_PROCEDURE) == []
    assert excerpt_tasks(PROCEDURE_FIELDS) == []


# corpus/files (public GitHub repository Trangsct/skill-sct, Word originals as the project reads them):
# hc-sct-vn__ND-71-2019-xu-phat-VPHC-… (Nghị định 71/2019/NĐ-CP, Điều 38), xd-sct-vn__ND-144-2025-phan-quyen-…
# (Nghị định 144/2025/NĐ-CP) and hc-sct-vn__ND-146-2025-phan-quyen-… (Nghị định 146/2025/NĐ-CP): a power to
# sanction, what a body no longer does, and the cases in which it acts
SANCTIONING_POWER = """2. Chủ tịch Ủy ban nhân dân cấp huyện có quyền:
a) Phạt cảnh cáo;
b) Phạt tiền đến 25.000.000 đồng đối với hành vi vi phạm hành chính trong lĩnh vực hóa chất; đến 50.000.000 đồng đối với hành vi vi phạm hành chính trong lĩnh vực vật liệu nổ công nghiệp;
"""
NO_LONGER_DONE = """2. Cục Hàng hải và Đường thủy Việt Nam không thực hiện công bố đóng bến cảng, cầu cảng, bến phao và khu nước, vùng nước quy định tại Điều 17 Nghị định số 58/2017/NĐ-CP ngày 10 tháng 5 năm 2017 của Chính phủ.
"""
CASES_LISTED = """1. Ủy ban nhân dân cấp tỉnh thu hồi xác nhận kiến thức pháp luật về bán hàng đa cấp trong trường hợp sau:
a) Phát hiện hồ sơ đăng ký kiểm tra của người được cấp xác nhận có thông tin gian dối;
b) Doanh nghiệp bán hàng đa cấp chấm dứt hoạt động bán hàng đa cấp;
"""


# xd-sct-vn__Luat-Xay-dung-135-2025-QH15.docx (Luật Xây dựng 135/2025/QH15): the rights of an appraising body
RIGHTS = "3. Hội đồng thẩm định, cơ quan chuyên môn về xây dựng có các quyền sau đây:\na) Yêu cầu chủ đầu tư, tổ chức, cá nhân giải trình, làm rõ các thông tin liên quan đến khảo sát xây dựng, lập, thẩm tra Báo cáo nghiên cứu khả thi để phục vụ thẩm định;\nb) Yêu cầu cơ quan quản lý quy hoạch, kiến trúc địa phương nơi có dự án cung cấp thông tin về quy hoạch có liên quan trong trường hợp cần thiết;\n"


def test_a_power_a_negation_or_a_list_of_cases_is_no_task():
    assert excerpt_tasks(SANCTIONING_POWER) == []
    assert excerpt_tasks(RIGHTS) == []
    assert excerpt_tasks(NO_LONGER_DONE) == []
    assert excerpt_tasks(CASES_LISTED) == []


# 8ea98f884cf1d2a7 (a Ministry of Defence circular), its last article: the closing formula in its "có trách nhiệm" form
CLOSING = """Điều 2. Điều khoản thi hành
1. Thông tư này có hiệu lực thi hành từ ngày 24
tháng 11 năm 2025.
2. Cục trưởng Cục Pháp chế Bộ Quốc phòng, Thủ trưởng
các cơ quan, đơn vị, tổ chức và cá nhân có liên quan có trách nhiệm thi hành
Thông tư này./.
"""


def test_the_closing_formula_with_co_trach_nhiem_is_no_task():
    assert excerpt_tasks(CLOSING) == []


# 475126f38cb26cc2 (a provincial decision on state capital in enterprises): powers delegated to a department
DELEGATED = "2. UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:\na) Quyết định đánh giá, quy hoạch, bổ nhiệm, bổ nhiệm lại, điều động, luân chuyển, chấp thuận từ chức, miễn nhiệm, kỷ luật đối với Kiểm soát viên tại doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ.\nb) Cho ý kiến trước khi Hội đồng thành viên, Chủ tịch công ty quyết định quy hoạch, bổ nhiệm, bổ nhiệm lại, điều động, luân chuyển, chấp thuận từ chức, miễn nhiệm, khen thưởng, kỷ luật, nghỉ hưu đối với Tổng Giám đốc, Giám đốc; phê duyệt chủ trương theo đề nghị của Hội đồng thành viên, Chủ tịch công ty về việc bổ nhiệm Phó Tổng Giám đốc, Phó Giám đốc.\n"


def test_powers_delegated_to_a_body_are_no_tasks():
    assert excerpt_tasks(DELEGATED) == []
