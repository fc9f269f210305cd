"""Agency cells and role-line values copied from the seeds."""

import pytest

from graph.extract.agencies import is_agency_like, normalise_agency_name, parse_agencies
from graph.model import Span


def names(text):
    return [(m.name, m.is_group) for m in parse_agencies(text)]


def test_list_of_bodies_splits_on_commas():
    # 002 1.c) "- Cơ quan phối hợp: Sở Kế hoạch và Đầu tư, Sở Tài chính, UBND huyện\nĐức Phổ."
    mentions = parse_agencies("Sở Kế hoạch và Đầu tư, Sở Tài chính, UBND huyện \nĐức Phổ.", offset=100)
    assert [m.printed for m in mentions] == ["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "UBND huyện Đức Phổ"]
    assert [m.name for m in mentions] == [
        "Sở Kế hoạch và Đầu tư",
        "Sở Tài chính",
        "Ủy ban nhân dân huyện Đức Phổ",
    ]
    assert [m.span for m in mentions] == [Span(100, 121), Span(123, 135), Span(137, 156)]


def test_va_inside_a_name_does_not_split():
    assert names("Sở Lao động - Thương binh và Xã hội") == [("Sở Lao động - Thương binh và Xã hội", False)]
    assert names("Sở Văn hóa, Thể thao và Du lịch") == [("Sở Văn hóa, Thể thao và Du lịch", False)]
    assert names("Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi, UBND các huyện, thành phố liên quan.") == [
        ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi", False),
        ("Ủy ban nhân dân các huyện, thành phố liên quan", True),
    ]


def test_groups():
    # 004 appendix, every row
    assert names("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.") == [
        ("Các sở, ban, ngành", True),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", True),
    ]
    # 000 prose heading
    assert names("Các Sở, Ban, ngành và UBND các huyện, thị xã, thành phố") == [
        ("Các sở, ban, ngành", True),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", True),
    ]
    # 000 Phụ lục II support column
    assert names("Các sở, ban, ngành\nvà địa phương") == [("Các sở, ban, ngành và địa phương", True)]


def test_party_bodies_and_wrapped_heads():
    # 001 "Cơ quan tổ chức thực hiện:" wrapped over two lines
    assert names(
        "Các cấp ủy, tổ chức đảng, chính quyền, Mặt \n trận Tổ quốc, các tổ chức chính trị - xã hội."
    ) == [
        ("Các cấp ủy, tổ chức đảng, chính quyền", True),
        ("Mặt trận Tổ quốc", False),
        ("Các tổ chức chính trị - xã hội", True),
    ]
    assert names("Ban cán sự đảng Ủy ban nhân dân tỉnh.") == [("Ban cán sự đảng Ủy ban nhân dân tỉnh", False)]


def test_semicolon_inside_parentheses_stays():
    # 000 heading (3): the districts listed in "(gồm: …)" belong to the UBND group
    mentions = parse_agencies(
        "Sở Công Thương, Sở Kế hoạch và Đầu tư, UBND các huyện, thị xã,\n"
        "thành phố (gồm: Tam Kỳ, Hội An; Điện Bàn; Núi Thành) "
    )
    assert [m.name for m in mentions] == [
        "Sở Công Thương",
        "Sở Kế hoạch và Đầu tư",
        "Ủy ban nhân dân các huyện, thị xã, thành phố",
    ]
    assert (
        mentions[2].printed == "UBND các huyện, thị xã, thành phố (gồm: Tam Kỳ, Hội An; Điện Bàn; Núi Thành)"
    )


def test_security_and_bank_bodies():
    # 004 row 3.6 and 4.7
    assert names("BCH Quân sự tỉnh, Công An tỉnh") == [
        ("Bộ Chỉ huy Quân sự tỉnh", False),
        ("Công an tỉnh", False),
    ]
    assert names("Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Quảng Ngãi.") == [
        ("Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Quảng Ngãi", False)
    ]
    assert names("Sở Khoa học và Công nghệ, Cục Quản lý thị trường \ntỉnh, Sở Công Thương.") == [
        ("Sở Khoa học và Công nghệ", False),
        ("Cục Quản lý thị trường tỉnh", False),
        ("Sở Công Thương", False),
    ]


@pytest.mark.parametrize(
    "printed, name",
    [
        ("Sở Công thương", "Sở Công Thương"),
        ("Sở Tài Chính.", "Sở Tài chính"),  # 002 2.g)
        ("Sở Tài nguyên và Môi Trường", "Sở Tài nguyên và Môi trường"),  # 000
        (
            "Sở Nông nghiệp và phát triển nông thôn",
            "Sở Nông nghiệp và Phát triển nông thôn",
        ),  # 000 Phụ lục II
        ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở Lao động-Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        (
            "Ban quản lý KKT Dung Quất và các KCN Quảng Ngãi.",
            "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
        ),
        (
            "Ban Quản lý các Khu kinh tế và KCN",
            "Ban Quản lý các Khu kinh tế và Khu công nghiệp",
        ),  # 000 row 6.4
        ("Uỷ ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Văn phòng Tỉnh uỷ", "Văn phòng Tỉnh ủy"),
    ],
)
def test_normalise_agency_name(printed, name):
    assert normalise_agency_name(printed) == name


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Sở Kế hoạch và Đầu tư", True),
        ("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.", True),
        ("Các sở, ban, ngành; UBND các huyện, thị xã. thành phố.", True),  # 004 row 9.2 typo
        ("Sở Thông tin và Truyền thông, Đài Phát thanh truyền hình tỉnh.", True),
        ("Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Quảng Ngãi.", True),
        ("Liên đoàn Lao động Việt Nam tỉnh Quảng Ngãi", True),
        ("BCH Quân sự tỉnh, Công An tỉnh", True),
        ("Phối hợp với Bộ Tài nguyên và Môi trường để triển khai cấp phép khai thác.", False),
        ("Tổ chức thực hiện có hiệu quả lộ trình áp dụng Mô hình thông tin công trình (BIM).", False),
        ("Sở Xây dựng chủ trì. Các sở phối hợp.", False),
    ],
)
def test_is_agency_like(line, expected):
    assert is_agency_like(line) is expected


def test_the_merged_provincial_press_and_broadcaster_is_one_body_h05():
    # dev h05 line 37: "4. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ"
    text = "Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ"
    assert is_agency_like(text)
    assert [m.name for m in parse_agencies(text)] == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo và Phát thanh, Truyền hình Cần Thơ",
    ]
