"""Tables of the forms documents take: types, issuers, provinces.  Data, not logic.

Adding a document type or an issuer code is a change to these tables only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocType:
    code: str  # canonical code as printed in symbols: "NQ", "CTr", "KH", "QĐ" …
    slug: str  # IRI segment: "nq", "ctr", "kh", "qd" …
    label_vi: str
    label_en: str
    owl_class: str  # local name of the pg: class
    names: tuple[str, ...]  # Vietnamese names as they open a citation, longest first


# Order matters where one name is a prefix of another: "Chương trình hành động"
# before "Chương trình"; "Nghị quyết" vs "Nghị định" differ early, so no clash.
DOC_TYPES: tuple[DocType, ...] = (
    DocType("NQ", "nq", "Nghị quyết", "Resolution", "Resolution", ("Nghị quyết",)),
    DocType(
        "CTr",
        "ctr",
        "Chương trình",
        "Action programme",
        "ActionProgram",
        ("Chương trình hành động", "Chương trình"),
    ),
    DocType("KH", "kh", "Kế hoạch", "Plan", "Plan", ("Kế hoạch hành động", "Kế hoạch")),
    DocType("QĐ", "qd", "Quyết định", "Decision", "Decision", ("Quyết định",)),
    DocType("QĐi", "qdi", "Quy định", "Regulation", "Regulation", ("Quy định",)),
    DocType("CT", "ct", "Chỉ thị", "Directive", "Directive", ("Chỉ thị",)),
    DocType("KL", "kl", "Kết luận", "Conclusion", "Conclusion", ("Kết luận",)),
    DocType("TB", "tb", "Thông báo", "Notice", "Notice", ("Thông báo",)),
    DocType("ĐA", "da", "Đề án", "Scheme", "Scheme", ("Đề án",)),
    DocType("CV", "cv", "Công văn", "Official letter", "OfficialLetter", ("Công văn",)),
    DocType("L", "luat", "Luật", "Law", "Law", ("Bộ luật", "Luật")),
    DocType("NĐ", "nd", "Nghị định", "Decree", "Decree", ("Nghị định",)),
    DocType("TT", "tt", "Thông tư", "Circular", "Circular", ("Thông tư liên tịch", "Thông tư")),
    DocType("CL", "cl", "Chiến lược", "Strategy", "Strategy", ("Chiến lược",)),
    DocType("BC", "bc", "Báo cáo", "Report", "Report", ("Báo cáo",)),
    # "HƯỚNG DẪN LIÊN NGÀNH" of several bodies at once (Bộ Công an, Bộ Quốc phòng, … Tòa án nhân dân tối cao:
    # corpus/files hc-sct-vn__Huong-dan-lien-nganh-24-N2O.pdf), as a Thông tư liên tịch is a Thông tư
    DocType(
        "HD",
        "hd",
        "Hướng dẫn",
        "Instruction",
        "Instruction",
        ("Hướng dẫn liên ngành", "Hướng dẫn liên tịch", "Hướng dẫn"),
    ),
    # "Xét Tờ trình số 471/TTr-UBND …", "Theo đề nghị của Sở Tư pháp tại Tờ trình số 97/TTr-STP …": the
    # submission a decision or resolution answers (corpus/real: in most provincial QĐ and NQ-HĐND)
    DocType("TTr", "ttr", "Tờ trình", "Submission", "Submission", ("Tờ trình",)),
    # "Công điện số 223/CĐ-TTg": the Prime Minister's (or a minister's) urgent dispatch on floods, epidemics
    # … (13 documents of corpus/real are one, typed Công văn before; 21 cite one, never found before)
    DocType("CĐ", "cd", "Công điện", "Official dispatch", "OfficialDispatch", ("Công điện",)),
    # Administrative documents of Nghị định 30/2020/NĐ-CP, Phụ lục III (symbols "…/BB-SCT", "…/GP-SCT", "…/QC-UBND",
    # "…/TC-…"): minutes of an inspection or appraisal and permits (corpus/files: 10 and 6 Word and PDF originals of
    # Sở Công Thương Lào Cai), rules ("QUY CHẾ … ban hành kèm theo Quyết định", 2 of corpus/real), a communiqué
    # ("THÔNG CÁO ĐẶC BIỆT", corpus/real 2233d80fd7a14ea6) and the Party's charter ("ĐIỀU LỆ ĐẢNG CỘNG SẢN VIỆT NAM",
    # corpus/real b5766b5f7caa1268, 1f9faa032326f975): each was a document with no type
    DocType("BB", "bb", "Biên bản", "Minutes", "Minutes", ("Biên bản",)),
    DocType("GP", "gp", "Giấy phép", "Permit", "Permit", ("Giấy phép",)),
    DocType("QC", "qc", "Quy chế", "Rules", "Rules", ("Quy chế",)),
    DocType("TC", "tc", "Thông cáo", "Communiqué", "Communique", ("Thông cáo",)),
    DocType("ĐL", "dl", "Điều lệ", "Charter", "Charter", ("Điều lệ",)),
    # A ministry's authenticated consolidation of a document and its amendments ("Số: 57/VBHN-BCT"): not a new
    # act.  Its type line prints the base document's type ("THÔNG TƯ"), its symbol says what it is (corpus/real:
    # 087cf37a325c4959, 1e6fb98e16a75e3d, 6d0e277c7b88a914, 8180ae11188469fd, cfc85d8b3511af54; cited as
    # "Văn bản hợp nhất số 10/VBHN-BGDĐT" in 3870cd0c35318a44)
    DocType(
        "VBHN", "vbhn", "Văn bản hợp nhất", "Consolidated text", "ConsolidatedText", ("Văn bản hợp nhất",)
    ),
    # Slips of the provincial offices: a People's Committee office passes a matter on to a department with a
    # "Phiếu chuyển số 466/PC-VPUBND" (Nghị định 30/2020/NĐ-CP, Phụ lục III: PC; 7 letters and submissions of
    # corpus/files carry one out: "Thực hiện Phiếu chuyển số …"), a department submits a matter to its leader with a
    # "PHIẾU TRÌNH (GIẢI QUYẾT CÔNG VIỆC)" (2 of corpus/files, no type before)
    DocType("PC", "pc", "Phiếu chuyển", "Transmittal slip", "TransmittalSlip", ("Phiếu chuyển",)),
    DocType("PTr", "ptr", "Phiếu trình", "Submission slip", "SubmissionSlip", ("Phiếu trình",)),
    # A certificate a body grants ("GIẤY CHỨNG NHẬN CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM", 2 of corpus/files with no
    # type before; "giấy chứng nhận số 02/GCN-SCT", "Giấy chứng nhận số 9/KĐI" cited in 7)
    DocType("GCN", "gcn", "Giấy chứng nhận", "Certificate", "Certificate", ("Giấy chứng nhận",)),
    # An ordinance of the National Assembly's Standing Committee ("Pháp lệnh Ưu đãi người có công với cách mạng
    # số 02/2020/UBTVQH14", corpus/real 0abcf1a5292b31ec; "Pháp lệnh số 02/2020/UBTVQH", ad52bc0b105a20cd): cited
    # by name and number as a law is, and no citation at all before
    DocType("PL", "pl", "Pháp lệnh", "Ordinance", "Ordinance", ("Pháp lệnh",)),
    # Technical norms cited by their code, not a symbol: a national standard ("theo tiêu chuẩn TCVN 14423:2025 về An
    # ninh mạng", dev h03; "TCVN ISO 9001:2015") and a ministry's national technical regulation ("QCVN 01:2019/BCT",
    # "QCVN 06:2022/BXD"; holdout 5, 31 mentions in 8 files of corpus/real): no citation before
    DocType("TCVN", "tcvn", "Tiêu chuẩn", "Standard", "Standard", ("Tiêu chuẩn quốc gia",)),
    DocType(
        "QCVN",
        "qcvn",
        "Quy chuẩn",
        "Technical regulation",
        "TechnicalRegulation",
        ("Quy chuẩn kỹ thuật quốc gia",),
    ),
)

DOC_TYPE_BY_CODE = {t.code: t for t in DOC_TYPES}

# Type codes as they appear inside symbols, mapped to DOC_TYPES codes.  Keys are
# upper-cased without diacritics folding of Đ (Đ stays Đ; "D" variants listed).
SYMBOL_TYPE_CODES: dict[str, str] = {
    "NQ": "NQ",
    "CTR": "CTr",
    "CTTR": "CTr",
    "CT-TR": "CTr",
    "KH": "KH",
    "QĐ": "QĐ",
    "QD": "QĐ",
    "CT": "CT",
    "KL": "KL",
    "TB": "TB",
    "ĐA": "ĐA",
    "DA": "ĐA",
    "NĐ": "NĐ",
    "ND": "NĐ",
    "TT": "TT",
    "TTLT": "TT",
    "BC": "BC",
    "HD": "HD",
    "CV": "CV",
    "QH": "L",
    "TTR": "TTr",
    "CĐ": "CĐ",
    "BB": "BB",
    "GP": "GP",
    "QC": "QC",
    "TC": "TC",
    "ĐL": "ĐL",
    "VBHN": "VBHN",
    "PC": "PC",
    "PTR": "PTr",
    "GCN": "GCN",
}

# Codes that make a symbol's type a Quy định when the issuer is a Party body:
# "1521-QĐ/TU" is a regulation of the provincial Party Committee, "531/QĐ-TTg" a decision.
# "BCTTW" is this table's code for the Politburo: its documents carry "/TW" in their symbols, and
# "BCT" in a symbol is the Ministry of Industry and Trade ("…/TT-BCT").
PARTY_ISSUERS = frozenset({"TW", "TU", "BCĐ", "UBKTTW", "BBT", "BCTTW", "HU", "ĐU", "TƯ"})
# Issuer codes no State body uses: a symbol printed in State form with one of them is a Party symbol
# with its separators swapped ("Nghị quyết số 27/NQ- TW ngày 09/11/2022" is 27-NQ/TW).  Not BCĐ: State
# steering boards print "…/QĐ-BCĐ".
PARTY_ONLY_ISSUERS = frozenset({"TW", "TU", "HU", "ĐU", "TƯ"})
# The legislature prints no type code in its symbols: "80/2025/QH15" is a law, "1663/NQ-UBTVQH15" names
# its type, "203/2025/QH15" is a resolution — the type line says which.
LEGISLATURE_ISSUERS = frozenset({"QH", "UBTVQH"})


@dataclass(frozen=True)
class Issuer:
    code: str
    label_vi: str
    label_en: str
    central: bool  # national documents; otherwise the citing document's province
    party: bool


ISSUERS: tuple[Issuer, ...] = (
    Issuer("TW", "Ban Chấp hành Trung ương Đảng", "Party Central Committee", True, True),
    Issuer("BCTTW", "Bộ Chính trị", "Politburo", True, True),
    Issuer("BBT", "Ban Bí thư", "Party Secretariat", True, True),
    Issuer("UBKTTW", "Ủy ban Kiểm tra Trung ương", "Central Inspection Commission", True, True),
    Issuer("QH", "Quốc hội", "National Assembly", True, False),
    Issuer("UBTVQH", "Ủy ban Thường vụ Quốc hội", "Standing Committee of the National Assembly", True, False),
    Issuer("CP", "Chính phủ", "Government", True, False),
    Issuer("TTg", "Thủ tướng Chính phủ", "Prime Minister", True, False),
    Issuer("VPCP", "Văn phòng Chính phủ", "Government Office", True, False),
    Issuer("NHNN", "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam", True, False),
    # ministries, as their codes appear at the end of state symbols ("…/TT-BCT", "…/QĐ-BKHĐT")
    Issuer("BCT", "Bộ Công Thương", "Ministry of Industry and Trade", True, False),
    Issuer("BKHĐT", "Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", True, False),
    Issuer("BTC", "Bộ Tài chính", "Ministry of Finance", True, False),
    Issuer("BNV", "Bộ Nội vụ", "Ministry of Home Affairs", True, False),
    Issuer("BTP", "Bộ Tư pháp", "Ministry of Justice", True, False),
    Issuer("BXD", "Bộ Xây dựng", "Ministry of Construction", True, False),
    Issuer("BYT", "Bộ Y tế", "Ministry of Health", True, False),
    Issuer("BCA", "Bộ Công an", "Ministry of Public Security", True, False),
    Issuer("BQP", "Bộ Quốc phòng", "Ministry of National Defence", True, False),
    Issuer("BGTVT", "Bộ Giao thông vận tải", "Ministry of Transport", True, False),
    Issuer(
        "BTNMT", "Bộ Tài nguyên và Môi trường", "Ministry of Natural Resources and Environment", True, False
    ),
    Issuer(
        "BNNPTNT",
        "Bộ Nông nghiệp và Phát triển nông thôn",
        "Ministry of Agriculture and Rural Development",
        True,
        False,
    ),
    Issuer("BGDĐT", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", True, False),
    Issuer("BKHCN", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", True, False),
    Issuer(
        "BTTTT", "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", True, False
    ),
    Issuer(
        "BLĐTBXH",
        "Bộ Lao động - Thương binh và Xã hội",
        "Ministry of Labour, Invalids and Social Affairs",
        True,
        False,
    ),
    Issuer(
        "BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism", True, False
    ),
    Issuer("BNG", "Bộ Ngoại giao", "Ministry of Foreign Affairs", True, False),
    # the ministries the 2025 reorganisation made ("…/TT-BNNMT": 75 citations in corpus/real, "…/QĐ-BDTTG": 13)
    Issuer("BNNMT", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment", True, False),
    Issuer("BDTTG", "Bộ Dân tộc và Tôn giáo", "Ministry of Ethnic and Religious Affairs", True, False),
    Issuer("TU", "Tỉnh ủy", "Provincial Party Committee", False, True),
    Issuer("UBND", "Ủy ban nhân dân tỉnh", "Provincial People's Committee", False, False),
    Issuer("HĐND", "Hội đồng nhân dân tỉnh", "Provincial People's Council", False, False),
    Issuer("BCĐ", "Ban Chỉ đạo", "Steering Board", False, True),
)

ISSUER_BY_CODE = {i.code: i for i in ISSUERS}
# A province's departments (Sở) mirror the ministries and are coded as they are, "S" for "B": "Tờ trình số
# 298/TTr-SCT" is Sở Công Thương's, "Công văn số 2679/SCT-QLTM" too, "4499/TTr-SYT" Sở Y tế's (corpus/real + files:
# ~280 such citations named no issuer).  Not for the ministries no province mirrors (defence, public security,
# foreign affairs).
# The People's Committee's office signs its slips and letters "VPUBND" ("Phiếu chuyển số 466/PC-VPUBND", "Văn bản số
# 916/VPUBND-KT": 15 of corpus/files and real), the province's like the committee.
OFFICE_BY_CODE = {"VPUBND": "Văn phòng Ủy ban nhân dân tỉnh"}
DEPARTMENT_BY_CODE: dict[str, str] = {
    "S" + i.code[1:]: "Sở " + i.label_vi.removeprefix("Bộ ")
    for i in ISSUERS
    if i.central
    and not i.party
    and i.code.startswith("B")
    and i.label_vi.startswith("Bộ ")
    and i.code not in ("BQP", "BCA", "BNG")
}

# Issuer names as written after "của" in citations → issuer code.  Longest first.
ISSUER_NAMES: tuple[tuple[str, str], ...] = (
    ("Ban Chấp hành Trung ương Đảng", "TW"),
    ("Ban Chấp hành Trung ương", "TW"),
    ("Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng", "TW"),
    ("Trung ương Đảng", "TW"),
    ("Bộ Chính trị", "BCTTW"),
    ("Ban Bí thư", "BBT"),
    ("Ủy ban Kiểm tra Trung ương", "UBKTTW"),
    ("Ủy ban Thường vụ Quốc hội", "UBTVQH"),
    ("Quốc hội", "QH"),
    ("Thủ tướng Chính phủ", "TTg"),
    ("Chính phủ", "CP"),
    ("Ban Thường vụ Tỉnh ủy", "TU"),
    ("Ban Thường vụ Tỉnh uỷ", "TU"),
    ("Tỉnh ủy", "TU"),
    ("Tỉnh uỷ", "TU"),
    ("Ủy ban nhân dân tỉnh", "UBND"),
    ("Uỷ ban nhân dân tỉnh", "UBND"),
    ("UBND tỉnh", "UBND"),
    ("Hội đồng nhân dân tỉnh", "HĐND"),
    ("HĐND tỉnh", "HĐND"),
    ("Chủ tịch UBND tỉnh", "UBND"),
    ("Ban Chỉ đạo", "BCĐ"),
    ("Văn phòng Chính phủ", "VPCP"),
    ("Ngân hàng Nhà nước Việt Nam", "NHNN"),
    ("Ngân hàng Nhà nước", "NHNN"),
)

# Ministries as citations name them after "của": "của Bộ Y tế", "của Bộ trưởng Bộ Y tế" (a circular is the
# minister's).  Longest first with the rest of ISSUER_NAMES.
ISSUER_NAMES = tuple(
    sorted(
        ISSUER_NAMES
        + tuple(
            (name, i.code)
            for i in ISSUERS
            if i.central and not i.party and i.code.startswith("B")
            for name in (f"Bộ trưởng {i.label_vi}", i.label_vi)
        ),
        key=lambda p: -len(p[0]),
    )
)


@dataclass(frozen=True)
class Province:
    iso: str  # lower-case ISO 3166-2 code used in IRIs: "vn-27"
    name: str  # "Quảng Nam"


# ISO 3166-2:VN (the 63 provinces and centrally-run cities before the 2025 merger).
PROVINCES: tuple[Province, ...] = tuple(
    Province(iso, name)
    for iso, name in (
        ("vn-01", "Lai Châu"),
        ("vn-02", "Lào Cai"),
        ("vn-03", "Hà Giang"),
        ("vn-04", "Cao Bằng"),
        ("vn-05", "Sơn La"),
        ("vn-06", "Yên Bái"),
        ("vn-07", "Tuyên Quang"),
        ("vn-09", "Lạng Sơn"),
        ("vn-13", "Quảng Ninh"),
        ("vn-14", "Hòa Bình"),
        ("vn-18", "Ninh Bình"),
        ("vn-20", "Thái Bình"),
        ("vn-21", "Thanh Hóa"),
        ("vn-22", "Nghệ An"),
        ("vn-23", "Hà Tĩnh"),
        ("vn-24", "Quảng Bình"),
        ("vn-25", "Quảng Trị"),
        ("vn-26", "Thừa Thiên Huế"),
        ("vn-27", "Quảng Nam"),
        ("vn-28", "Kon Tum"),
        ("vn-29", "Quảng Ngãi"),
        ("vn-30", "Gia Lai"),
        ("vn-31", "Bình Định"),
        ("vn-32", "Phú Yên"),
        ("vn-33", "Đắk Lắk"),
        ("vn-34", "Khánh Hòa"),
        ("vn-35", "Lâm Đồng"),
        ("vn-36", "Ninh Thuận"),
        ("vn-37", "Tây Ninh"),
        ("vn-39", "Đồng Nai"),
        ("vn-40", "Bình Thuận"),
        ("vn-41", "Long An"),
        ("vn-43", "Bà Rịa - Vũng Tàu"),
        ("vn-44", "An Giang"),
        ("vn-45", "Đồng Tháp"),
        ("vn-46", "Tiền Giang"),
        ("vn-47", "Kiên Giang"),
        ("vn-49", "Vĩnh Long"),
        ("vn-50", "Bến Tre"),
        ("vn-51", "Trà Vinh"),
        ("vn-52", "Sóc Trăng"),
        ("vn-53", "Bắc Kạn"),
        ("vn-54", "Bắc Giang"),
        ("vn-55", "Bạc Liêu"),
        ("vn-56", "Bắc Ninh"),
        ("vn-57", "Bình Dương"),
        ("vn-58", "Bình Phước"),
        ("vn-59", "Cà Mau"),
        ("vn-61", "Hải Dương"),
        ("vn-63", "Hà Nam"),
        ("vn-66", "Hưng Yên"),
        ("vn-67", "Nam Định"),
        ("vn-68", "Phú Thọ"),
        ("vn-69", "Thái Nguyên"),
        ("vn-70", "Vĩnh Phúc"),
        ("vn-71", "Điện Biên"),
        ("vn-72", "Đắk Nông"),
        ("vn-73", "Hậu Giang"),
        ("vn-ct", "Cần Thơ"),
        ("vn-dn", "Đà Nẵng"),
        ("vn-hn", "Hà Nội"),
        ("vn-hp", "Hải Phòng"),
        ("vn-sg", "Hồ Chí Minh"),
    )
)

PROVINCE_BY_ISO = {p.iso: p for p in PROVINCES}
CENTRAL = "vn"

# Spelling variants of province names (old/new tone placement) → canonical name.
PROVINCE_ALIASES: dict[str, str] = {
    "Hoà Bình": "Hòa Bình",
    "Thanh Hoá": "Thanh Hóa",
    "Khánh Hoà": "Khánh Hòa",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "Thừa Thiên-Huế": "Thừa Thiên Huế",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Lăk": "Đắk Lắk",
    "Đắk Nông": "Đắk Nông",
    "Đăk Nông": "Đắk Nông",
    "Thành phố Hồ Chí Minh": "Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Hồ Chí Minh",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    # Thừa Thiên Huế has been the centrally-run city of Huế since 2025 (same territory and ISO code)
    "Huế": "Thừa Thiên Huế",
}


def province_by_name(name: str) -> Province | None:
    name = PROVINCE_ALIASES.get(name, name)
    for p in PROVINCES:
        if p.name.casefold() == name.casefold():
            return p
    return None
