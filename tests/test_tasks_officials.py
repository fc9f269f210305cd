"""Items and task sentences headed by an official, not a body: "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan
ngang Bộ, …", "Bộ trưởng Bộ Quốc phòng chỉ đạo …", "Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ
tịch Ủy ban nhân dân các xã, phường:".  The lead is the body the official heads; the printed text (the
official) stays as the mention's provenance.  Every text is real (source named)."""

from __future__ import annotations

from pathlib import Path

from graph.extract.agencies import parse_agencies, starts_with_agency
from graph.extract.tasks import prose_tasks
from graph.model import Span
from graph.pipeline import parse_file

HOLDOUT = Path(__file__).parent / "corpus" / "holdout" / "texts"
DEV = Path(__file__).parent / "corpus" / "dev" / "texts"


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.printed, m.name) for m in parse_agencies(text)]


def test_an_official_and_the_kind_of_body_they_head_name_those_bodies():
    # Thông báo 659/TB-VPCP (tests/corpus/holdout x405a6cab): the ministers lead, as the ministries
    assert _names("Các đồng chí Bộ trưởng,\nThủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ") == [
        ("Các đồng chí Bộ trưởng", "Các Bộ"),
        ("Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "Cơ quan ngang Bộ, cơ quan thuộc Chính phủ"),
    ]


def test_an_official_title_before_a_body_name_gives_that_body():
    # dev h07 (Lào Cai) "IV. TỔ CHỨC THỰC HIỆN" / "1. Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ
    # tịch Ủy ban nhân dân các xã, phường:"
    mentions = parse_agencies(
        "Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường"
    )
    assert [(m.name, m.is_group) for m in mentions] == [
        ("Các Sở", True),
        ("Các ban, ngành tỉnh", True),
        ("Ủy ban nhân dân các xã, phường", True),
    ]
    # Quyết định of corpus/real be5392d4f50c27a6: "Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, …"
    assert _names("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp") == [
        ("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Giám đốc Sở Tư pháp", "Sở Tư pháp"),
    ]


def test_an_official_in_a_signature_or_a_recipient_line_is_no_body():
    # the signature of Thông báo 659/TB-VPCP, a "Nơi nhận" line of Công điện 227/CĐ-TTg (corpus/real
    # e01d3782fbed0967), the head of state's office in a recipient list
    assert not starts_with_agency("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Đỗ Ngọc Huỳnh")
    assert not starts_with_agency("Bộ trưởng (để b/c);")
    assert not starts_with_agency("Chủ tịch nước;")


def test_the_items_under_the_ministers_of_a_notice_are_their_tasks():
    # "1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo chức năng, …
    # một số nội dung trọng tâm sau:" over five "- …" bullets; "2. … Bộ Tài chính khẩn trương rà soát, …"
    doc = parse_file(HOLDOUT / "x405a6cab_vpcp-tb659-ket-luan-nq66.txt")
    bullets = [t for t in doc.tasks if t.label == "-"]
    assert [t.text.split(",")[0] for t in bullets] == [
        "Tập trung rà soát",
        "Tập trung giải quyết các điểm nghẽn",
        "Chủ động rà soát các nhiệm vụ được giao cụ thể theo tinh thần sáu rõ: rõ người",
        "Khẩn trương thực hiện các chế độ",
        "Khẩn trương chỉ đạo tập trung rà soát",
    ]
    assert {tuple(m.name for m in t.lead) for t in bullets} == {
        ("Các Bộ", "Cơ quan ngang Bộ, cơ quan thuộc Chính phủ")
    }
    assert bullets[0].lead[0].printed == "Các đồng chí Bộ trưởng"
    assert bullets[0].lead[0].by_official


SEED_TTL = Path(__file__).parents[1] / "data" / "ttl" / "quang-ngai-kh-ubnd-2019-thuc-hien-37-ctr-tu.ttl"


def test_an_official_is_no_other_name_of_the_body_in_the_graph():
    # seed Kế hoạch (Quảng Ngãi 2019) "1. Thủ trưởng các sở, ban, ngành tỉnh, UBND các huyện, thành phố xây
    # dựng kế hoạch …": the bodies lead; "Thủ trưởng …" is not a skos:altLabel of "Các sở, ban, ngành tỉnh"
    ttl = SEED_TTL.read_text(encoding="utf-8")
    assert "pg:leadAgency <https://w3id.org/policy-graph/org/vn-29/cac-so-ban-nganh-tinh>" in ttl
    assert 'skos:altLabel "Thủ trưởng' not in ttl


# Công điện 227/CĐ-TTg (corpus/real e01d3782fbed0967), items 2 and 3
DISPATCH_ITEMS = """2. Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 5, Quân
khu 7, các đơn vị quân đội đóng ở trong và gần khu vực bổ sung lực lượng, phương
tiện hỗ trợ vận chuyển lương thực, thực phẩm, nhu yếu phẩm để tiếp tế, cứu trợ
khẩn cấp cho Nhân dân.
3. Bộ trưởng Bộ Công an chỉ đạo lực lượng công an
địa phương, lực lượng tham gia bảo vệ an ninh trật tự tại cơ sở, các đơn vị
đóng quân trên địa bàn triển khai ngay lực lượng, phương tiện, trang thiết bị
của đơn vị hỗ trợ nhân dân, cơ quan, đơn vị, doanh nghiệp khắc phục thiên tai,
lũ lụt, sớm khôi phục hoạt động sản xuất, kinh doanh.
"""


def test_a_minister_who_directs_an_item_of_a_dispatch_leads_it_as_the_ministry():
    tasks = prose_tasks(DISPATCH_ITEMS, Span(0, len(DISPATCH_ITEMS)))
    assert [(t.label, [m.name for m in t.lead], [m.printed for m in t.lead]) for t in tasks] == [
        ("2.", ["Bộ Quốc phòng"], ["Bộ trưởng Bộ Quốc phòng"]),
        ("3.", ["Bộ Công an"], ["Bộ trưởng Bộ Công an"]),
    ]
    assert tasks[0].text.startswith("Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 5")


def test_an_agency_heading_of_officials_gives_its_bullets_to_their_bodies():
    # dev h07 (Lào Cai), "IV. TỔ CHỨC THỰC HIỆN", item 1 and its two bullets
    text = (DEV / "h07_laocai-kh-du-thao-chi-thi-11-khoang-san.txt").read_text(encoding="utf-8")
    start = text.index("1. Giám đốc các Sở và Thủ trưởng")
    end = text.index("2. Sở Nông nghiệp và Môi trường", start)
    tasks = prose_tasks(text, Span(start, end))
    assert [t.text.split(",")[0] for t in tasks] == ["Khẩn trương ổn định bộ máy", "Căn cứ chức năng"]
    assert [m.name for m in tasks[0].lead] == [
        "Các Sở",
        "Các ban, ngành tỉnh",
        "Ủy ban nhân dân các xã, phường",
    ]


# Quyết định 2629/QĐ-TTg (dev h08): the closing article names who sees to it, and assigns no task
CLOSING_ARTICLE = """Điều 3. Bộ trưởng, Thủ
trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban
nhân dân các tỉnh, thành phố trực thuộc trung ương và Thủ trưởng các cơ quan,
đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Thủ tướng, các Phó Thủ tướng Chính phủ;
"""


def test_the_closing_article_of_a_decision_that_names_officials_is_no_task():
    assert prose_tasks(CLOSING_ARTICLE, Span(0, len(CLOSING_ARTICLE))) == []


# Quyết định of corpus/real 1726b1b0ca691ac5 (phân cấp thẩm quyền), Điều 3 and the last clause of Điều 5
POWERS_AND_CLOSING = """Điều 3. Phân cấp thẩm quyền quyết định xác lập quyền sở hữu toàn dân
1. Ủy ban nhân dân tỉnh quyết định xác lập quyền sở hữu toàn dân về tài sản đối với tài sản chuyển giao cho Nhà nước Việt Nam thông qua chính quyền địa phương thuộc cấp tỉnh, gồm: nhà, đất, xe ô tô, tài sản khác có giá trị từ 500 triệu đồng trở lên/01 đơn vị tài sản.
2. Các Sở, ban, ngành thuộc tỉnh quyết định xác lập quyền sở hữu toàn dân về tài sản đối với tài sản chuyển giao cho Nhà nước Việt Nam thông qua cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý trừ trường hợp quy định tại khoản 1 Điều này.
3. Chủ tịch Ủy ban nhân dân các xã, phường quyết định xác lập quyền sở hữu toàn dân về tài sản đối với tài sản chuyển giao cho Nhà nước Việt Nam thông qua chính quyền địa phương thuộc cấp xã, phường, trừ trường hợp quy định tại khoản 1 Điều này.
Điều 5. Tổ chức thực hiện
1. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.
2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
"""


def test_a_clause_that_grants_a_power_or_closes_the_decision_is_no_task():
    # who decides ("… quyết định xác lập …") is a power, for a body or an official alike; the numbered closing
    # formula ("… và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này") assigns
    # nothing, though "tổ chức" reads as a verb after "các cơ quan,"
    assert prose_tasks(POWERS_AND_CLOSING, Span(0, len(POWERS_AND_CLOSING))) == []
    # Thông tư of corpus/real e13e31ece6a27b0d: "có thẩm quyền kiểm tra" is a power too
    power = "1. Bộ trưởng Bộ Công Thương có thẩm quyền kiểm tra chuyên ngành thuộc phạm vi quản lý nhà nước của Bộ Công Thương.\n"
    assert prose_tasks(power, Span(0, len(power))) == []


# Công điện of corpus/real cfef94bb5eaf59df: the officials it is sent to, then its text and its items
DISPATCH_HEAD = """THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng,
Quảng Ngãi, Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng;
- Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng,
Công Thương, Văn hóa, Thể thao và Du lịch, Ngoại giao, Khoa học và Công nghệ,
Giáo dục và Đào tạo, Y tế;
- Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.
Hồi 16h ngày 26/11/2025, vị trí tâm bão số 15 vào khoảng
12,5 độ vĩ bắc, 116,1 độ kinh đông, cách đảo Song Tử Tây khoảng 230km.
3. Bộ trưởng Bộ Nông nghiệp và Môi trường chỉ đạo dự báo, cung cấp thông tin đầy đủ, kịp thời về diễn biến bão.
"""


def test_the_officials_a_dispatch_is_sent_to_are_no_agency_headings():
    tasks = prose_tasks(DISPATCH_HEAD, Span(0, len(DISPATCH_HEAD)))
    assert [(t.label, [m.name for m in t.lead]) for t in tasks] == [("3.", ["Bộ Nông nghiệp và Môi trường"])]
