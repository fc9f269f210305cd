"""Tables of the forms agency names take.  Data, not logic.

Adding an abbreviation, a kind of body or a role phrase is a change to these
tables only; ``extract/agencies.py`` and ``extract/tasks.py`` read them.
"""

from __future__ import annotations

# Abbreviations expanded inside agency names, longest first so that "TN&MT" is
# replaced before "MT" could be.  Keys are matched as whole tokens.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("VH-TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTB&XH", "Lao động - Thương binh và Xã hội"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("GTVT", "Giao thông vận tải"),
    ("PTNT", "Phát triển nông thôn"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BQL", "Ban Quản lý"),
    ("KKT", "Khu kinh tế"),
    ("KCN", "Khu công nghiệp"),
    ("CCN", "Cụm công nghiệp"),
    ("BCH", "Bộ Chỉ huy"),
    ("NHNN", "Ngân hàng Nhà nước"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("VPUB", "Văn phòng Ủy ban nhân dân"),
    ("TTĐT", "Thông tin điện tử"),
    ("PT và TH", "Phát thanh và Truyền hình"),
    ("PT-TH", "Phát thanh - Truyền hình"),
)

# Canonical spelling of names that are printed in several cases
# ("Sở Công thương", "Sở Tài nguyên và Môi Trường", "Công An tỉnh").  Matched
# case-insensitively against the whole name after abbreviations are expanded.
CANONICAL_NAMES: tuple[str, ...] = (
    "Sở Công Thương",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Ngoại vụ",
    "Sở Xây dựng",
    "Sở Tư pháp",
    "Sở Y tế",
    "Sở Kế hoạch và Đầu tư",
    "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo",
    "Sở Thông tin và Truyền thông",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
    # departments of the 2025 reorganisation (corpus/real: "Sở Nông nghiệp và Môi trường" 300+ times)
    "Sở Nông nghiệp và Môi trường",
    "Sở Dân tộc và Tôn giáo",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao",
    "Sở Du lịch",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Ban Thường vụ Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ủy ban nhân dân tỉnh",
    "Hội đồng nhân dân tỉnh",
    "Ban Quản lý các Khu kinh tế và Khu công nghiệp",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Đài Phát thanh - Truyền hình tỉnh",
    # groups printed in several cases ("Các Sở, Ban, ngành")
    "Các sở, ban, ngành",
    "Các sở, ban, ngành và địa phương",
    "Ủy ban nhân dân các huyện, thị xã, thành phố",
    "Ủy ban nhân dân các huyện, thành phố",
)

# Fixed phrases whose case varies inside longer names: "Ban quản lý KKT …".
CASE_FIXES: tuple[tuple[str, str], ...] = (
    ("ban quản lý", "Ban Quản lý"),
    ("công thương", "Công Thương"),
    ("công an", "Công an"),
)

# Words a body's name starts with ("Sở Xây dựng", "Ban Quản lý …", "UBND huyện
# Đức Phổ", "Ngân hàng Nhà nước Việt Nam chi nhánh …").  A head counts only
# when a name follows it ("Sở, Ban, ngành" lists kinds of body, not a body).
AGENCY_HEADS: tuple[str, ...] = (
    "Sở",
    "Ban",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "HĐND",
    "Hội đồng",
    "Công an",
    "Bộ Chỉ huy",
    "BCH",
    "Bộ",
    "Cục",
    "Chi cục",
    "Ngân hàng",
    "NHNN",
    "Đài",
    "Báo",
    # the provincial press and broadcaster merged in 2025: "Báo và Phát thanh, Truyền hình Cần Thơ" (dev h05)
    "Báo và Phát thanh, Truyền hình",
    "Liên đoàn",
    "Liên minh",
    "Mặt trận",
    "MTTQ",
    "Tỉnh đoàn",
    "Hội",
    "Văn phòng",
    "Thanh tra",
    "Kho bạc",
    "Bảo hiểm",
    "Trường",
    "Viện",
    "Trung tâm",
    "Tập đoàn",
    "Công ty",
    "Tỉnh ủy",
    # the standing body of a people's council: "Giao Thường trực Hội đồng nhân dân Thành phố, các Ban của Hội đồng
    # nhân dân Thành phố, … giám sát việc thực hiện Nghị quyết" (27 council resolutions of corpus/real)
    "Thường trực Hội đồng",
    "Thường trực HĐND",
    "Tỉnh uỷ",
    "Đảng ủy",
    "Đảng đoàn",
    "Ban cán sự",
    "Cổng",
    "Chính phủ",
    "Thủ tướng",
    "Quỹ",
    "Vụ",
    "Tổng cục",  # units of a ministry: "Vụ Công nghiệp", "Tổng cục Quản lý thị trường"
    # "Liên hiệp các Hội Khoa học và Kỹ thuật", "Hiệp hội Doanh nghiệp" (dev h01), "Thuế tỉnh" (the
    # provincial tax office since 2025, dev h07)
    "Liên hiệp",
    "Hiệp hội",
    "Thuế",
)

# Heads that take a name only when it is capitalised: the divisions of a department or a commune, "1. Phòng Quản
# lý Công nghiệp: Là đầu mối chủ trì tham mưu …", "Đơn vị chủ trì: Phòng Quản lý Năng lượng" (Sở Công Thương Lào
# Cai's Đề án 08 plan, corpus/files), "a) Phòng Kinh tế, Hạ tầng và Đô thị … cấp xã chủ trì thẩm định" (corpus/real);
# not "Phòng chống dịch", "Phòng cháy, chữa cháy", "Phòng thuộc chi cục …" (a kind of unit in a staffing rule)
NAMED_DIVISION_HEADS: tuple[str, ...] = ("Phòng",)

# Titles of the official who heads a body.  A task sentence or item often names the official, not the
# body: "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ …" (Thông báo
# 659/TB-VPCP), "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố …", "Thủ trưởng các cơ quan, đơn vị …",
# "Bộ trưởng Bộ Tài chính chỉ đạo …" (~80 files of corpus/real); the body the official heads is the lead.
# ("Người đứng đầu cơ quan, tổ chức" is left out: regulations name any head of any body so, in duties that
# are no one body's task.)
# Longest first ("Tổng Giám đốc" before "Giám đốc"); "Chánh" heads "Chánh Văn phòng …", "Chánh Thanh tra …".
OFFICIAL_TITLES: tuple[str, ...] = (
    "Tổng Giám đốc",
    "Thủ trưởng",
    "Bộ trưởng",
    "Chủ tịch",
    "Giám đốc",
    "Cục trưởng",
    "Chánh",
)
# an official named without the body's name leads the bodies of that kind: "Các Bộ trưởng, Thủ trưởng cơ
# quan ngang bộ" → the ministries
BARE_TITLE_BODIES: tuple[tuple[str, str], ...] = (("Bộ trưởng", "Các Bộ"),)

# Phrases that name a set of bodies rather than one: "Các sở, ban, ngành",
# "UBND các huyện, thị xã, thành phố", "các cơ quan liên quan", "Các cấp ủy …".
# Matched case-insensitively at the start of a mention, after abbreviations are
# expanded ("UBND các" → "Ủy ban nhân dân các").
GROUP_MARKERS: tuple[str, ...] = (
    "các ",
    "ủy ban nhân dân các ",
    "hội đồng nhân dân các ",
    "hệ thống các ",
)
GROUP_SUFFIXES: tuple[str, ...] = ("liên quan",)
# Kinds of body listed without "các": "Sở, ban, ngành có liên quan", "Bộ, ngành, địa phương",
# "Viện, Trường" (dev h01, h08 task tables): a head word, a comma, then another kind.
KIND_LIST_HEADS: tuple[str, ...] = ("Sở", "Bộ", "Ban", "Ngành", "Viện", "Trường", "Đơn vị", "Cơ quan")

# Plural nouns that make "các …" a group of bodies: "các tổ chức chính trị - xã hội",
# "Các sở, ban, ngành", "các cơ quan liên quan", "Các cấp ủy".
GROUP_NOUNS: tuple[str, ...] = (
    "sở",
    "Sở",
    "ban",
    "Ban",
    "ngành",
    "cơ quan",
    "tổ chức",
    "đơn vị",
    "địa phương",
    "cấp",
    "huyện",
    "hội",
    "Hội",
    "trường",
    "Trường",
    "doanh nghiệp",
    "bộ",
    "Bộ",
    "tỉnh",
    # "Các phòng, đơn vị báo cáo …" (a department's own divisions), "các phòng, ban chuyên môn"
    "phòng",
    # the investors a plan binds: "Phối hợp chặt chẽ với các chủ đầu tư hạ tầng đẩy nhanh …" (Thông báo kết luận
    # of Lào Cai's chairman, corpus/files), "Các chủ đầu tư" (15 mentions in corpus/real)
    "chủ đầu tư",
    # the farms, schools, plants a plan binds: "4. Các cơ sở sản xuất giống, NTTS thương phẩm:" / "- Chủ cơ sở có
    # trách nhiệm giám sát chất lượng nước …" (Kế hoạch 0134/KH-UBND of Đắk Lắk), "4. Các cơ sở nuôi trồng thủy sản:"
    "cơ sở",
)
