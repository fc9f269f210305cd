"""The parser on forms of the genre the five seeds do not show: central issuers, legal instruments
with "Chương / Mục / Điều", decisions issuing attached documents, HĐND resolutions, a Thành ủy
programme, task tables in another column order, web copies with cell bars.

Fixtures are in tests/genre/.  Each is short; where it came from is said above its tests.  Texts
marked "constructed" follow the standard form of the genre (Nghị định 30/2020/NĐ-CP on văn bản hành
chính: quốc hiệu, tên cơ quan, "Số: …/…", địa danh ngày tháng, tên loại, trích yếu, căn cứ, nội
dung, chữ ký TM./KT., nơi nhận) and the layout of the page named, with the content shortened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.pipeline import parse_file

GENRE = Path(__file__).parent / "genre"


@pytest.fixture(scope="module")
def parsed():
    cache = {}

    def parse(name: str):
        if name not in cache:
            cache[name] = parse_file(GENRE / name)
        return cache[name]

    return parse


def _sections(doc):
    return [(s.key, s.kind, s.heading) for s in doc.sections]


# --------------------------------------------------------------------------------------------------
# gov_nq-cp_2023.txt — constructed after Nghị quyết 58/NQ-CP (21/4/2023) of the Government, layout of
# https://thuviennhadat.vn/vbpl/nghi-dinh-48-2013-nd-cp-sua-doi-nghi-dinh-lien-quan-kiem-soat-thu-tuc-hanh-chinh-187386.html
# (CHÍNH PHỦ header, "Căn cứ …;" lines, "Theo đề nghị của …", "QUYẾT NGHỊ:", "Điều N.", TM. CHÍNH PHỦ).


def test_government_resolution_metadata(parsed):
    meta = parsed("gov_nq-cp_2023.txt").meta
    ref = meta.ref
    assert (ref.type_code, ref.number, ref.symbol, ref.issuer_code, ref.issuer_name) == (
        "NQ",
        "58",
        "58/NQ-CP",
        "CP",
        "Chính phủ",
    )
    assert (ref.date, ref.jurisdiction, meta.place) == (dt.date(2023, 4, 21), "vn", "Hà Nội")
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. CHÍNH PHỦ",
        "THỦ TƯỚNG",
        "Phạm Minh Chính",
    )
    assert meta.inferred == []


def test_government_resolution_articles_hold_clauses_and_points(parsed):
    sections = _sections(parsed("gov_nq-cp_2023.txt"))
    assert [k for k, _, _ in sections] == [
        "Điều 1",
        "Điều 1/1",
        "Điều 1/2",
        "Điều 2",
        "Điều 2/1",
        "Điều 2/1/a)",
        "Điều 2/1/b)",
        "Điều 2/2",
        "Điều 2/3",
        "Điều 3",
        "Điều 3/1",
        "Điều 3/2",
    ]
    assert sections[0] == ("Điều 1", "article", "Mục tiêu")
    assert sections[5][1:] == (
        "point",
        "Nghiên cứu, đề xuất sửa đổi các quy định về đầu tư kinh doanh, "
        "trình Chính phủ trong Quý IV năm 2023",
    )


# --------------------------------------------------------------------------------------------------
# pm_qd-ttg_2022_pipes.txt — constructed after Quyết định 344/QĐ-TTg (15/3/2022), header, preamble and
# line breaks as on https://thuviennhadat.vn/vbpl/quyet-dinh-344-qd-ttg-2022-phe-duyet-de-an-phat-trien-ben-vung-mac-ca-2021-2030-506742.html
# (web copy: "|" cell bars on their own lines, "Số:" / "344/QĐ-TTg" and "Hà Nội," / "ngày …" broken).


def test_prime_minister_decision_header_cells_broken_over_lines(parsed):
    meta = parsed("pm_qd-ttg_2022_pipes.txt").meta
    ref = meta.ref
    assert (ref.type_code, ref.symbol, ref.issuer_code, ref.date, ref.jurisdiction) == (
        "QĐ",
        "344/QĐ-TTg",
        "TTg",
        dt.date(2022, 3, 15),
        "vn",
    )
    assert meta.place == "Hà Nội"
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        None,
        "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG",
        "Lê Văn Thành",
    )
    assert meta.recipients[0] == "Như Điều 4"


def test_prime_minister_decision_parts_inside_article(parsed):
    keys = [(k, kind) for k, kind, _ in _sections(parsed("pm_qd-ttg_2022_pipes.txt"))]
    assert keys == [
        ("Điều 1", "article"),
        ("Điều 1/I", "part"),
        ("Điều 1/I/1", "clause"),
        ("Điều 1/I/2", "clause"),
        ("Điều 1/II", "part"),
        ("Điều 1/II/1", "clause"),
        ("Điều 2", "article"),
        ("Điều 2/1", "clause"),
        ("Điều 2/2", "clause"),
        ("Điều 2/3", "clause"),
        ("Điều 3", "article"),
        ("Điều 4", "article"),
    ]


# --------------------------------------------------------------------------------------------------
# ubnd_qd_quang-tri_2019_pipes.txt — Quyết định 41/2019/QĐ-UBND of UBND tỉnh Quảng Trị: header, Điều 2
# ("… thay thế Quyết định số 1090/QĐ-UBND …") and the attached Quy định's note as on
# https://dulieuphapluat.vn/van-ban/hanh-chinh-van-ban/quyet-dinh-412019qd-ubnd-quy-dinh-ve-che-do-bao-cao-dinh-ky-phuc-vu-muc-tieu-quan-ly-tren-dia-ban-tinh-quang-tri-47183.html
# (one-line " | " header cells, recipients beside the signature); the "Bãi bỏ" line, the chapters
# and articles of the Quy định are constructed.


def test_provincial_decision_one_line_cell_bars(parsed):
    meta = parsed("ubnd_qd_quang-tri_2019_pipes.txt").meta
    ref = meta.ref
    assert (ref.symbol, ref.number, ref.year, ref.issuer_code, ref.issuer_name, ref.jurisdiction) == (
        "41/2019/QĐ-UBND",
        "41",
        2019,
        "UBND",
        "Ủy ban nhân dân tỉnh Quảng Trị",
        "vn-25",
    )
    assert (ref.date, meta.place, meta.inferred) == (dt.date(2019, 10, 22), "Quảng Trị", [])
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "Hà Sỹ Đồng",
    )
    assert meta.recipients == [
        "Như Điều 3",
        "Văn phòng Chính phủ",
        "Cục Kiểm tra VBQPPL - Bộ Tư pháp",
        "Lưu: VT, TH",
    ]


def test_attached_regulation_is_an_appendix_with_chapters_divisions_articles(parsed):
    doc = parsed("ubnd_qd_quang-tri_2019_pipes.txt")
    assert [a.label for a in doc.appendices] == ["QUY ĐỊNH"]
    assert doc.appendices[0].attached_note == (
        "(Ban hành kèm theo Quyết định số 41/2019/QĐ-UBND ngày 22 tháng 10 năm 2019 của Ủy ban nhân dân "
        "tỉnh Quảng Trị)"
    )
    assert [(k, kind) for k, kind, _ in _sections(doc)] == [
        ("Điều 1", "article"),
        ("Điều 2", "article"),
        ("Điều 3", "article"),
        ("QUY ĐỊNH", "appendix"),
        ("QUY ĐỊNH/Chương I", "chapter"),
        ("QUY ĐỊNH/Chương I/Điều 1", "article"),
        ("QUY ĐỊNH/Chương I/Điều 1/1", "clause"),
        ("QUY ĐỊNH/Chương I/Điều 1/2", "clause"),
        ("QUY ĐỊNH/Chương I/Điều 2", "article"),
        ("QUY ĐỊNH/Chương II", "chapter"),
        ("QUY ĐỊNH/Chương II/Mục 1", "division"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3", "article"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/1", "clause"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/1/a)", "point"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/1/b)", "point"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/2", "clause"),
        ("QUY ĐỊNH/Chương II/Mục 2", "division"),
        ("QUY ĐỊNH/Chương II/Mục 2/Điều 4", "article"),
    ]
    headings = {k: h for k, _, h in _sections(doc)}
    assert headings["QUY ĐỊNH/Chương I"] == "QUY ĐỊNH CHUNG"
    assert headings["QUY ĐỊNH/Chương II/Mục 1"] == "NỘI DUNG BÁO CÁO"
    assert headings["QUY ĐỊNH/Chương II/Mục 1/Điều 3"] == "Nội dung báo cáo"


def _relations(doc):
    return [
        (
            r.kind,
            r.source.name or r.source.symbol if r.source else None,
            r.target.symbol or r.target.name,
            r.target_is_self,
        )
        for r in doc.relations
    ]


def test_laws_cited_by_name_and_date_amending_law_amends_both(parsed):
    doc = parsed("gov_nq-cp_2023.txt")
    laws = [(c.target.name, c.target.date) for c in doc.citations if c.target.type_code == "L"]
    amending = (
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
    )
    assert laws == [
        ("Luật Tổ chức Chính phủ", dt.date(2015, 6, 19)),
        (amending, dt.date(2019, 11, 22)),
        ("Luật Tổ chức Chính phủ", None),
        ("Luật Tổ chức chính quyền địa phương", None),
    ]
    assert _relations(doc) == [
        ("based-on", None, "Luật Tổ chức Chính phủ", False),
        ("based-on", None, amending, False),
        ("based-on", None, "138/2016/NĐ-CP", False),
        ("based-on", None, "01/NQ-CP", False),
        ("amends", amending, "Luật Tổ chức Chính phủ", False),
        ("amends", amending, "Luật Tổ chức chính quyền địa phương", False),
    ]


def test_proposal_line_is_not_a_citation(parsed):
    # "Theo đề nghị của Bộ trưởng Bộ Kế hoạch và Đầu tư." names a proposer, not a document
    doc = parsed("gov_nq-cp_2023.txt")
    assert not any("đề nghị" in c.text or "Bộ Kế hoạch" in c.text for c in doc.citations)


def test_decision_replaces_and_repeals_in_its_articles(parsed):
    doc = parsed("ubnd_qd_quang-tri_2019_pipes.txt")
    assert _relations(doc) == [
        ("based-on", None, "Luật Tổ chức chính quyền địa phương", False),
        ("based-on", None, "Luật Ban hành văn bản quy phạm pháp luật", False),
        ("based-on", None, "09/2019/NĐ-CP", False),
        ("attached-to", None, "41/2019/QĐ-UBND", True),
        ("replaces", None, "1090/QĐ-UBND", False),
        ("repeals", None, "25/2016/QĐ-UBND", False),
    ]
    replaced = next(c.target for c in doc.citations if c.target.symbol == "1090/QĐ-UBND")
    assert (replaced.date, replaced.jurisdiction, replaced.issuer_code) == (
        dt.date(2015, 6, 1),
        "vn-25",
        "UBND",
    )


# --------------------------------------------------------------------------------------------------
# hdnd_nq_vinh-phuc_2022.txt — constructed (HĐND tỉnh resolution amending an earlier one) with the
# header, "HỘI ĐỒNG NHÂN DÂN TỈNH … / KHÓA …, KỲ HỌP THỨ …" and signature of
# https://hethongphapluat.com/nghi-quyet-34-2016-nq-hdnd-noi-quy-ky-hop-hoi-dong-nhan-dan-tinh-vinh-phuc.html


def test_provincial_council_resolution(parsed):
    doc = parsed("hdnd_nq_vinh-phuc_2022.txt")
    ref, meta = doc.meta.ref, doc.meta
    assert (ref.symbol, ref.issuer_code, ref.issuer_name, ref.jurisdiction, ref.date) == (
        "11/2022/NQ-HĐND",
        "HĐND",
        "Hội đồng nhân dân tỉnh Vĩnh Phúc",
        "vn-70",
        dt.date(2022, 7, 15),
    )
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        None,
        "CHỦ TỊCH",
        "Hoàng Thị Thúy Lan",
    )
    assert _relations(doc) == [
        ("based-on", None, "Luật Tổ chức chính quyền địa phương", False),
        ("based-on", None, "Luật Ngân sách nhà nước", False),
        ("based-on", None, "111/2015/NĐ-CP", False),
        ("amends", None, "20/2020/NQ-HĐND", False),
    ]
    law = next(c.target for c in doc.citations if c.target.type_code == "L")
    assert law.date == dt.date(2015, 6, 19)  # "ngày 19/6/2015"


# --------------------------------------------------------------------------------------------------
# tu_ctr_ha-noi_2021_web-footnotes.txt — constructed Thành ủy Hà Nội programme ("Số 07-CTr/TU",
# T/M THÀNH ỦY / BÍ THƯ) with web footnotes "[1]" and their bodies at the end (DOMAIN.md).


def test_city_party_committee_programme(parsed):
    doc = parsed("tu_ctr_ha-noi_2021_web-footnotes.txt")
    ref, meta = doc.meta.ref, doc.meta
    assert (ref.type_code, ref.symbol, ref.issuer_code, ref.issuer_name, ref.jurisdiction, ref.date) == (
        "CTr",
        "07-CTr/TU",
        "TU",
        "Thành ủy Hà Nội",
        "vn-hn",
        dt.date(2021, 3, 17),
    )
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "T/M THÀNH ỦY",
        "BÍ THƯ",
        "Đinh Tiến Dũng",
    )


def test_city_congress_resolution_is_the_citys(parsed):
    doc = parsed("tu_ctr_ha-noi_2021_web-footnotes.txt")
    congress = [
        (c.target.name, c.target.issuer_code, c.target.jurisdiction) for c in doc.citations if c.target.name
    ]
    assert congress == [
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "TW", "vn"),
        ("Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ thành phố Hà Nội", "TU", "vn-hn"),
    ]


def test_web_footnotes_keep_their_chain(parsed):
    doc = parsed("tu_ctr_ha-noi_2021_web-footnotes.txt")
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (
            1,
            "Thành ủy đã ban hành Chương trình số 05-CTr/TU ngày 20/7/2018 thực hiện Nghị quyết số 23-NQ/TW.",
        ),
        (2, "Theo Nghị quyết số 06/NQ-HĐND ngày 10/12/2020 của Hội đồng nhân dân Thành phố."),
    ]
    assert ("implements", "05-CTr/TU", "23-NQ/TW", False) in _relations(doc)
    assert doc.sections[1].heading == "Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025 đạt 7,5%/năm"


def _tasks(doc):
    return [
        (
            t.layout,
            t.label,
            [a.name for a in t.lead],
            [a.name for a in t.support],
            (t.deadline.kind, t.deadline.raw, t.deadline.years, t.deadline.quarter, t.deadline.date)
            if t.deadline
            else None,
        )
        for t in doc.tasks
    ]


def test_numbered_lead_heading_over_points_and_prose_assignment(parsed):
    assert _tasks(parsed("gov_nq-cp_2023.txt")) == [
        (
            "lead-heading",
            "a)",
            ["Bộ Kế hoạch và Đầu tư"],
            ["Các bộ, cơ quan liên quan"],
            ("quarter", "trong Quý IV năm 2023", (2023,), 4, None),
        ),
        (
            "lead-heading",
            "b)",
            ["Bộ Kế hoạch và Đầu tư"],
            ["Các bộ, cơ quan liên quan"],
            ("date", "trước ngày 30/6/2023", (2023,), None, dt.date(2023, 6, 30)),
        ),
        (
            "lead-heading",
            "2.",
            ["Bộ Tài chính"],
            ["Ngân hàng Nhà nước Việt Nam"],
            ("date", "trong tháng 12/2023", (2023,), None, dt.date(2023, 12, 31)),
        ),
        # bodies that act without "chủ trì"; the closing "Các Bộ trưởng, … chịu trách nhiệm thi hành
        # Nghị quyết này" is not a task
        (
            "lead-heading",
            "3.",
            ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
            [],
            ("period", "năm 2023 và các năm tiếp theo", (2023,), None, None),
        ),
    ]


def test_organisation_article_assignments(parsed):
    tasks = _tasks(parsed("pm_qd-ttg_2022_pipes.txt"))
    assert tasks == [
        (
            "lead-heading",
            "1.",
            ["Bộ Nông nghiệp và Phát triển nông thôn"],
            ["Các bộ, ngành, địa phương"],
            ("year", "trong năm 2022", (2022,), None, None),
        ),
        ("lead-heading", "2.", ["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"], [], None),
        # the clause ends where "Điều 3." begins, so its deadline closes the sentence
        (
            "lead-heading",
            "3.",
            ["Ủy ban nhân dân các tỉnh có diện tích mắc ca"],
            [],
            ("date", "trước ngày 31/12/2022", (2022,), None, dt.date(2022, 12, 31)),
        ),
    ]
    assert parsed("pm_qd-ttg_2022_pipes.txt").tasks[2].text == (
        "Ủy ban nhân dân các tỉnh có diện tích mắc ca xây dựng kế hoạch phát triển mắc ca của địa phương, "
        "hoàn thành trước ngày 31/12/2022."
    )
    assert parsed("pm_qd-ttg_2022_pipes.txt").tasks[0].section == "Điều 2/1"
    hanoi = _tasks(parsed("tu_ctr_ha-noi_2021_web-footnotes.txt"))
    assert hanoi == [
        (
            "lead-heading",
            "1.",
            ["Ban cán sự đảng Ủy ban nhân dân Thành phố"],
            ["Các sở, ngành"],
            ("quarter", "trong Quý II năm 2021", (2021,), 2, None),
        ),
        ("lead-heading", "2.", ["Ban Tuyên giáo Thành ủy"], [], None),
        # a Party body that "lãnh đạo, chỉ đạo" without "chủ trì"
        ("lead-heading", "3.", ["Đảng đoàn Hội đồng nhân dân Thành phố"], [], None),
    ]


# --------------------------------------------------------------------------------------------------
# ubnd_kh_lao-cai_2021_table.txt — Kế hoạch 258/KH-UBND of UBND tỉnh Lào Cai: header and preamble as on
# https://thuviennhadat.vn/vbpl/ke-hoach-258-kh-ubnd-2021-thuc-hien-de-an-trong-mot-ty-cay-xanh-tinh-lao-cai-481338.html ;
# part III and the task table ("STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn
# thành | Sản phẩm", one cell per line) are constructed.


def test_task_table_columns_read_from_the_header(parsed):
    doc = parsed("ubnd_kh_lao-cai_2021_table.txt")
    table = [t for t in doc.tasks if t.layout == "table"]
    assert [(t.label, t.text, t.output_form) for t in table] == [
        ("1", "Tuyên truyền, phổ biến Đề án trồng một tỷ cây xanh", "Kế hoạch"),
        ("2", "Xây dựng kế hoạch trồng cây xanh phân tán hằng năm", "Quyết định"),
        ("3", "Ban hành cơ chế hỗ trợ trồng rừng sản xuất", "Nghị quyết"),
        ("4", "Kiểm tra, đánh giá kết quả thực hiện", "Báo cáo"),
    ]
    assert _tasks(doc)[2:] == [
        (
            "table",
            "1",
            ["Sở Thông tin và Truyền thông"],
            ["Đài Phát thanh - Truyền hình tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
            ("quarter", "Quý III năm 2021", (2021,), 3, None),
        ),
        (
            "table",
            "2",
            ["Sở Nông nghiệp và Phát triển nông thôn"],
            ["Sở Tài nguyên và Môi trường"],
            ("date", "Trước ngày 30/6/2021", (2021,), None, dt.date(2021, 6, 30)),
        ),
        (
            "table",
            "3",
            ["Sở Tài chính"],
            ["Sở Nông nghiệp và Phát triển nông thôn"],
            ("date", "Trong tháng 12/2021", (2021,), None, dt.date(2021, 12, 31)),
        ),
        (
            "table",
            "4",
            ["Sở Nông nghiệp và Phát triển nông thôn"],
            ["Các sở, ngành liên quan"],
            ("period", "Năm 2022 và các năm tiếp theo", (2022,), None, None),
        ),
    ]
    assert [(t.label, t.lead[0].name) for t in doc.tasks[:2]] == [
        ("1.", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("2.", "Sở Tài chính"),
    ]


def test_plan_implements_central_decision_and_ministry_plan(parsed):
    doc = parsed("ubnd_kh_lao-cai_2021_table.txt")
    assert doc.meta.ref.jurisdiction == "vn-02"
    assert _relations(doc) == [
        ("implements", None, "524/QĐ-TTg", False),
        ("implements", None, "2616/KH-BNN-TCLN", False),
        ("attached-to", None, "258/KH-UBND", True),
    ]


# --------------------------------------------------------------------------------------------------
# Input oddities (DOMAIN.md): the same fixtures as NFD text and as Windows-1258 bytes parse alike.


def test_nfd_text_parses_like_nfc(tmp_path, parsed):
    import unicodedata

    nfd = tmp_path / "nfd.txt"
    nfd.write_text(
        unicodedata.normalize("NFD", (GENRE / "hdnd_nq_vinh-phuc_2022.txt").read_text("utf-8")), "utf-8"
    )
    doc = parse_file(nfd)
    assert doc.meta.ref.issuer_name == "Hội đồng nhân dân tỉnh Vĩnh Phúc"
    assert _relations(doc) == _relations(parsed("hdnd_nq_vinh-phuc_2022.txt"))
    assert doc.meta.signer == "Hoàng Thị Thúy Lan"


def test_windows_1258_text_parses_like_utf8(tmp_path, parsed):
    import unicodedata

    text = (GENRE / "pm_qd-ttg_2022_pipes.txt").read_text("utf-8")
    legacy = tmp_path / "cp1258.txt"
    # Windows-1258 has "ư", "ơ", "â", "ê", "ô", "ă" as letters and the five tones as combining marks
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

    def cp1258_form(ch: str) -> str:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        return unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone

    legacy.write_bytes("".join(cp1258_form(ch) for ch in text).encode("cp1258"))
    doc = parse_file(legacy)
    assert doc.source.encoding == "cp1258"
    assert (doc.meta.ref.symbol, doc.meta.signer) == ("344/QĐ-TTg", "Lê Văn Thành")
    assert _tasks(doc) == _tasks(parsed("pm_qd-ttg_2022_pipes.txt"))


# --------------------------------------------------------------------------------------------------
# ubnd_kh_binh-dinh_2023_agency-headings.txt — constructed: the "Tổ chức thực hiện" part of a
# provincial plan in its most common form, one item per body ("1. Sở Kế hoạch và Đầu tư" over
# bullets, "2. Sở Tài chính: Chủ trì, …" on one line, "3. Sở Công Thương:" over a)/b) points, a
# bare heading over an unlabelled sentence), with a "Nơi nhận" line that names a body and a colon.


def test_agency_headings_over_bullets_points_and_sentences(parsed):
    doc = parsed("ubnd_kh_binh-dinh_2023_agency-headings.txt")
    assert _tasks(doc) == [
        (
            "agency-heading",
            "-",
            ["Sở Kế hoạch và Đầu tư"],
            ["Các sở, ngành liên quan"],
            ("quarter", "trong Quý III/2025", (2025,), 3, None),
        ),
        (
            "agency-heading",
            "-",
            ["Sở Kế hoạch và Đầu tư"],
            [],
            ("annual", "trước ngày 05/6 và 05/12 hằng năm", (), None, None),
        ),
        (
            "agency-heading",
            "-",
            ["Sở Kế hoạch và Đầu tư"],
            [],
            ("periodic", "định kỳ 6 tháng, hằng năm", (), None, None),
        ),
        ("agency-heading", "2.", ["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư"], None),
        ("agency-heading", "a)", ["Sở Công Thương"], [], ("year", "trong năm 2024", (2024,), None, None)),
        # "Phối hợp với X …": the heading's body leads, X cooperates (as the gold of dev h05 reads
        # "2. Sở Tài chính" / "a) Phối hợp với Sở Y tế …")
        ("agency-heading", "b)", ["Sở Công Thương"], ["Ban Quản lý Khu kinh tế tỉnh"], None),
        (
            "agency-heading",
            "4.",
            ["Ủy ban nhân dân các huyện, thị xã, thành phố"],
            [],
            ("date", "trước ngày 30/9/2023", (2023,), None, dt.date(2023, 9, 30)),
        ),
        # the closing item: bodies that act without "chủ trì" lead together
        (
            "lead-heading",
            "5.",
            ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
            [],
            None,
        ),
    ]
    assert [t.section for t in doc.tasks] == [
        "II/1/-",
        "II/1/-#2",
        "II/1/-#3",
        "II/2",
        "II/3/a)",
        "II/3/b)",
        "II/4",
        "II/5",
    ]
    assert doc.tasks[3].text == (
        "Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh bố trí kinh "
        "phí thực hiện Kế hoạch theo quy định."
    )
    assert (
        doc.tasks[6].text
        == "Chủ động xây dựng kế hoạch thực hiện trên địa bàn, hoàn thành trước ngày 30/9/2023."
    )


# --------------------------------------------------------------------------------------------------
# ubnd_kh_kon-tum_2020_web-cells.txt — header, title and opening paragraph as on the web copy of Kế
# hoạch 4375/KH-UBND of UBND tỉnh Kon Tum (https://thuvienphapluat.vn/, header table kept as cell bars
# and cells broken over lines: "Kon Tum, ngày 23" / "tháng 11 năm 2020"); parts II and III constructed.


def test_place_and_date_broken_over_two_cell_lines(parsed):
    ref = parsed("ubnd_kh_kon-tum_2020_web-cells.txt").meta.ref
    assert (ref.symbol, ref.issuer_name, ref.jurisdiction, ref.date) == (
        "4375/KH-UBND",
        "Ủy ban nhân dân tỉnh Kon Tum",
        "vn-28",
        dt.date(2020, 11, 23),
    )


def test_opening_title_ends_where_the_issuer_acts(parsed):
    doc = parsed("ubnd_kh_kon-tum_2020_web-cells.txt")
    # (and, in part II, "Nghị định số 168/2017/NĐ-CP … quy định chi tiết một số điều của Luật Du lịch")
    assert _relations(doc) == [
        ("implements", None, "1129/QĐ-TTg", False),
        ("guides", "168/2017/NĐ-CP", "Luật Du lịch", False),
    ]
    opening = next(c for c in doc.citations if c.text.startswith("Quyết định số"))
    # not "…ở Việt Nam, Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai thực hiện như sau"
    assert opening.target.title == "về việc phê duyệt Đề án phát triển kinh tế ban đêm ở Việt Nam"
    assert [(c.target.symbol or c.target.name, c.target.year) for c in doc.citations] == [
        ("1129/QĐ-TTg", 2020),
        ("1129/QĐ-TTg", 2020),
        ("Luật Du lịch", 2017),
        ("168/2017/NĐ-CP", 2017),
        ("Luật Du lịch", None),
    ]


def test_cooperating_bodies_after_a_role_phrase_and_a_yearly_deadline_first(parsed):
    assert _tasks(parsed("ubnd_kh_kon-tum_2020_web-cells.txt")) == [
        # "Là cơ quan đầu mối, chủ trì, phối hợp với các sở, ban ngành, địa phương tổ chức …"
        ("agency-heading", "-", ["Sở Văn hóa, Thể thao và Du lịch"], ["Các sở, ban ngành, địa phương"], None),
        # "Định kỳ trước ngày 15/12 hằng năm tổng hợp kết quả thực hiện, …"
        (
            "agency-heading",
            "-",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            [],
            ("annual", "trước ngày 15/12 hằng năm", (), None, None),
        ),
        ("agency-heading", "2.", ["Công an tỉnh"], ["Các đơn vị liên quan"], None),
        ("agency-heading", "3.", ["Sở Tài chính"], [], None),
    ]


# --------------------------------------------------------------------------------------------------
# gov_nq-cp_2024_programme.txt — header, title, căn cứ and articles after Nghị quyết 111/NQ-CP
# (22/7/2024) of the Government, which issues its action programme for 29-NQ/TW; the attached
# programme ("CHƯƠNG TRÌNH HÀNH ĐỘNG … (Kèm theo Nghị quyết số 111/NQ-CP …)") and its task table
# (one cell per line, as read from .docx/.html) are constructed and shortened.


def test_resolution_issuing_a_programme_carries_out_what_the_programme_does(parsed):
    doc = parsed("gov_nq-cp_2024_programme.txt")
    assert (doc.meta.ref.symbol, doc.meta.ref.jurisdiction, doc.meta.ref.date) == (
        "111/NQ-CP",
        "vn",
        dt.date(2024, 7, 22),
    )
    assert _relations(doc) == [
        ("based-on", None, "Luật Tổ chức Chính phủ", False),
        (
            "based-on",
            None,
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
            "quyền địa phương",
            False,
        ),
        ("based-on", None, "29-NQ/TW", False),
        # "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động … thực hiện Nghị quyết số 29-NQ/TW"
        ("implements", None, "29-NQ/TW", False),
        ("attached-to", None, "111/NQ-CP", True),
        (
            "amends",
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
            "phương",
            "Luật Tổ chức Chính phủ",
            False,
        ),
        (
            "amends",
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
            "phương",
            "Luật Tổ chức chính quyền địa phương",
            False,
        ),
    ]


def test_attached_programme_is_read_as_text_with_its_tasks(parsed):
    doc = parsed("gov_nq-cp_2024_programme.txt")
    assert [s.key for s in doc.sections if s.key.startswith("CHƯƠNG TRÌNH HÀNH ĐỘNG/")] == [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/I",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/I/1",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/II",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/II/1",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/III",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/III/1",
    ]
    assert _tasks(doc) == [
        (
            "lead-heading",
            "1.",
            [
                "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            ],
            [],
            ("quarter", "trong Quý III năm 2024", (2024,), 3, None),
        ),
        # "…, định kỳ hằng năm tổng hợp, báo cáo Chính phủ.": how often it reports is its deadline
        (
            "lead-heading",
            "1.",
            ["Bộ Kế hoạch và Đầu tư"],
            ["Các bộ, cơ quan"],
            ("annual", "định kỳ hằng năm", (), None, None),
        ),
        (
            "table",
            "1",
            ["Bộ Công Thương"],
            ["Các bộ, ngành, địa phương"],
            ("year", "2025", (2025,), None, None),
        ),
        ("table", "2", ["Bộ Công Thương"], ["Bộ Tư pháp"], ("year", "2026", (2026,), None, None)),
    ]
    assert [t.section for t in doc.tasks] == [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/II/1",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG/III/1",
        "Phụ lục/1",
        "Phụ lục/2",
    ]
    assert [t.output_form for t in doc.tasks] == [None, None, "Quyết định", "Luật"]


def test_regulation_clause_on_reports_is_not_an_agency(parsed):
    # "1. Báo cáo định kỳ gồm:" over "a) Báo cáo tình hình kinh tế - xã hội;": "Báo cáo" is no newspaper
    assert parsed("ubnd_qd_quang-tri_2019_pipes.txt").tasks == []


# --------------------------------------------------------------------------------------------------
# ubnd_cv_binh-thuan_2024_letter.txt — constructed: a provincial letter (công văn) in the standard
# form of Nghị định 30/2020/NĐ-CP (no type line; "V/v …" subject under the number; "Kính gửi:" list;
# the Chairman's instructions as numbered items).


def test_letter_subject_is_its_title_and_never_its_issuer(parsed):
    doc = parsed("ubnd_cv_binh-thuan_2024_letter.txt")
    ref = doc.meta.ref
    # "… của Chính phủ" in the subject and the text must not make the Government the issuer
    assert (ref.type_label, ref.symbol, ref.issuer_name, ref.jurisdiction, ref.date) == (
        "Công văn",
        "1234/UBND-KT",
        "Ủy ban nhân dân tỉnh Bình Thuận",
        "vn-40",
        dt.date(2024, 9, 5),
    )
    assert ref.title == "V/v triển khai thực hiện Nghị quyết số 111/NQ-CP của Chính phủ"
    assert doc.meta.recipients == [
        "Các sở, ban, ngành tỉnh",
        "UBND các huyện, thị xã, thành phố",
        "Như trên",
        "Lưu: VT",
    ]


def test_letter_addressees_are_not_sections_and_its_opening_relation_is_read(parsed):
    doc = parsed("ubnd_cv_binh-thuan_2024_letter.txt")
    assert [s.key for s in doc.sections] == ["1", "2"]
    assert _relations(doc) == [
        ("implements", None, "111/NQ-CP", False),
        ("implements", "111/NQ-CP", "29-NQ/TW", False),
    ]
    assert _tasks(doc) == [
        # "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các cơ quan liên quan …, trình UBND tỉnh
        # trước ngày 30/9/2024."
        (
            "lead-heading",
            "1.",
            ["Sở Kế hoạch và Đầu tư"],
            ["Các cơ quan liên quan"],
            ("date", "trước ngày 30/9/2024", (2024,), None, dt.date(2024, 9, 30)),
        ),
        (
            "lead-heading",
            "2.",
            ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
            [],
            None,
        ),
    ]


# --------------------------------------------------------------------------------------------------
# ubnd_kh_quang-tri_2023_indicator-table.txt — constructed: an indicator appendix with one column per
# target year ("TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 | Cơ quan theo dõi"), one cell per
# line as read from .docx/.html.


def test_indicator_table_with_a_column_per_year(parsed):
    doc = parsed("ubnd_kh_quang-tri_2023_indicator-table.txt")
    assert [
        (
            i.label,
            i.name,
            i.target.raw,
            i.target.comparator,
            i.target.low,
            i.target.unit,
            i.horizon_year,
            i.agency.name,
            i.section,
        )
        for i in doc.indicators
    ] == [
        (
            "1",
            "Tốc độ tăng trưởng GRDP bình quân",
            "7,0 %/năm",
            "eq",
            7.0,
            "%/năm",
            2025,
            "Sở Kế hoạch và Đầu tư",
            "PHỤ LỤC",
        ),
        (
            "1",
            "Tốc độ tăng trưởng GRDP bình quân",
            "8,0 %/năm",
            "eq",
            8.0,
            "%/năm",
            2030,
            "Sở Kế hoạch và Đầu tư",
            "PHỤ LỤC",
        ),
        (
            "2",
            "Tỷ trọng công nghiệp - xây dựng trong GRDP",
            "32 %",
            "eq",
            32.0,
            "%",
            2025,
            "Sở Công Thương",
            "PHỤ LỤC",
        ),
        (
            "2",
            "Tỷ trọng công nghiệp - xây dựng trong GRDP",
            "40 %",
            "eq",
            40.0,
            "%",
            2030,
            "Sở Công Thương",
            "PHỤ LỤC",
        ),
    ]
    assert doc.tasks == []


# --------------------------------------------------------------------------------------------------
# ubnd_kh_ninh-thuan_2024_roman-groups.txt — constructed: a task table as python-docx reads a Word
# table (one cell per line, empty cells dropped), its rows grouped under Roman numerals ("I" /
# "Công tác tuyên truyền") and numbered from 1 again in each group.


def test_task_table_rows_grouped_under_roman_numerals(parsed):
    doc = parsed("ubnd_kh_ninh-thuan_2024_roman-groups.txt")
    assert _tasks(doc) == [
        (
            "table",
            "1",
            ["Sở Thông tin và Truyền thông"],
            ["Báo Ninh Thuận"],
            ("quarter", "Quý II/2024", (2024,), 2, None),
        ),
        (
            "table",
            "2",
            ["Sở Kế hoạch và Đầu tư"],
            ["Các sở, ngành"],
            ("year", "Năm 2024", (2024,), None, None),
        ),
        ("table", "1", ["Sở Công Thương"], ["Sở Tài chính"], ("year", "Năm 2025", (2025,), None, None)),
    ]
    assert [t.section for t in doc.tasks] == ["PHỤ LỤC/I/1", "PHỤ LỤC/I/2", "PHỤ LỤC/II/1"]
    assert [(s.key, s.kind, s.heading) for s in doc.sections if s.kind == "part" and "/" in s.key] == [
        ("PHỤ LỤC/I", "part", "Công tác tuyên truyền"),
        ("PHỤ LỤC/II", "part", "Phát triển công nghiệp"),
    ]


# --------------------------------------------------------------------------------------------------
# bct_kh_2024_ministry-units.txt — constructed: a ministry's plan (Bộ Công Thương) carrying out
# 111/NQ-CP, its tasks assigned to the ministry's own units (Vụ, Cục, Tổng cục, Viện).


def test_ministry_units_are_bodies_and_who_cooperates_with_whom(parsed):
    doc = parsed("bct_kh_2024_ministry-units.txt")
    ref = doc.meta.ref
    # read from the header "BỘ CÔNG THƯƠNG", not inferred from the symbol
    assert (ref.symbol, ref.issuer_name, ref.jurisdiction, ref.jurisdiction_inferred) == (
        "5120/KH-BCT",
        "Bộ Công Thương",
        "vn",
        False,
    )
    assert _relations(doc) == [
        ("implements", None, "111/NQ-CP", False),
        ("implements", "111/NQ-CP", "29-NQ/TW", False),
    ]
    assert _tasks(doc) == [
        (
            "agency-heading",
            "-",
            ["Vụ Công nghiệp"],
            ["Viện Nghiên cứu Chiến lược, Chính sách Công Thương"],
            ("quarter", "trong Quý IV/2025", (2025,), 4, None),
        ),
        ("agency-heading", "2.", ["Cục Hóa chất"], [], ("year", "trong năm 2025", (2025,), None, None)),
        # "X phối hợp với Y kiểm tra …": X acts, Y cooperates
        ("lead-heading", "3.", ["Tổng cục Quản lý thị trường"], ["Các đơn vị liên quan"], None),
    ]
