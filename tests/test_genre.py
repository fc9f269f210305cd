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
        "NQ", "58", "58/NQ-CP", "CP", "Chính phủ")
    assert (ref.date, ref.jurisdiction, meta.place) == (dt.date(2023, 4, 21), "vn", "Hà Nội")
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Phạm Minh Chính")
    assert meta.inferred == []


def test_government_resolution_articles_hold_clauses_and_points(parsed):
    sections = _sections(parsed("gov_nq-cp_2023.txt"))
    assert [k for k, _, _ in sections] == [
        "Điều 1", "Điều 1/1", "Điều 1/2", "Điều 2", "Điều 2/1", "Điều 2/1/a)", "Điều 2/1/b)", "Điều 2/2",
        "Điều 2/3", "Điều 3", "Điều 3/1", "Điều 3/2"]
    assert sections[0] == ("Điều 1", "article", "Mục tiêu")
    assert sections[5][1:] == ("point", "Nghiên cứu, đề xuất sửa đổi các quy định về đầu tư kinh doanh, "
                                        "trình Chính phủ trong Quý IV năm 2023")


# --------------------------------------------------------------------------------------------------
# pm_qd-ttg_2022_pipes.txt — constructed after Quyết định 344/QĐ-TTg (15/3/2022), header, preamble and
# line breaks as on https://thuviennhadat.vn/vbpl/quyet-dinh-344-qd-ttg-2022-phe-duyet-de-an-phat-trien-ben-vung-mac-ca-2021-2030-506742.html
# (web copy: "|" cell bars on their own lines, "Số:" / "344/QĐ-TTg" and "Hà Nội," / "ngày …" broken).


def test_prime_minister_decision_header_cells_broken_over_lines(parsed):
    meta = parsed("pm_qd-ttg_2022_pipes.txt").meta
    ref = meta.ref
    assert (ref.type_code, ref.symbol, ref.issuer_code, ref.date, ref.jurisdiction) == (
        "QĐ", "344/QĐ-TTg", "TTg", dt.date(2022, 3, 15), "vn")
    assert meta.place == "Hà Nội"
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        None, "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG", "Lê Văn Thành")
    assert meta.recipients[0] == "Như Điều 4"


def test_prime_minister_decision_parts_inside_article(parsed):
    keys = [(k, kind) for k, kind, _ in _sections(parsed("pm_qd-ttg_2022_pipes.txt"))]
    assert keys == [
        ("Điều 1", "article"), ("Điều 1/I", "part"), ("Điều 1/I/1", "clause"), ("Điều 1/I/2", "clause"),
        ("Điều 1/II", "part"), ("Điều 1/II/1", "clause"), ("Điều 2", "article"), ("Điều 2/1", "clause"),
        ("Điều 2/2", "clause"), ("Điều 2/3", "clause"), ("Điều 3", "article"), ("Điều 4", "article")]


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
        "41/2019/QĐ-UBND", "41", 2019, "UBND", "Ủy ban nhân dân tỉnh Quảng Trị", "vn-25")
    assert (ref.date, meta.place, meta.inferred) == (dt.date(2019, 10, 22), "Quảng Trị", [])
    assert (meta.signing_authority, meta.signer_capacity, meta.signer) == (
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Hà Sỹ Đồng")
    assert meta.recipients == ["Như Điều 3", "Văn phòng Chính phủ", "Cục Kiểm tra VBQPPL - Bộ Tư pháp",
                               "Lưu: VT, TH"]


def test_attached_regulation_is_an_appendix_with_chapters_divisions_articles(parsed):
    doc = parsed("ubnd_qd_quang-tri_2019_pipes.txt")
    assert [a.label for a in doc.appendices] == ["QUY ĐỊNH"]
    assert doc.appendices[0].attached_note == (
        "(Ban hành kèm theo Quyết định số 41/2019/QĐ-UBND ngày 22 tháng 10 năm 2019 của Ủy ban nhân dân "
        "tỉnh Quảng Trị)")
    assert [(k, kind) for k, kind, _ in _sections(doc)] == [
        ("Điều 1", "article"), ("Điều 2", "article"), ("Điều 3", "article"),
        ("QUY ĐỊNH", "appendix"),
        ("QUY ĐỊNH/Chương I", "chapter"),
        ("QUY ĐỊNH/Chương I/Điều 1", "article"),
        ("QUY ĐỊNH/Chương I/Điều 1/1", "clause"), ("QUY ĐỊNH/Chương I/Điều 1/2", "clause"),
        ("QUY ĐỊNH/Chương I/Điều 2", "article"),
        ("QUY ĐỊNH/Chương II", "chapter"),
        ("QUY ĐỊNH/Chương II/Mục 1", "division"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3", "article"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/1", "clause"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/1/a)", "point"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/1/b)", "point"),
        ("QUY ĐỊNH/Chương II/Mục 1/Điều 3/2", "clause"),
        ("QUY ĐỊNH/Chương II/Mục 2", "division"),
        ("QUY ĐỊNH/Chương II/Mục 2/Điều 4", "article")]
    headings = {k: h for k, _, h in _sections(doc)}
    assert headings["QUY ĐỊNH/Chương I"] == "QUY ĐỊNH CHUNG"
    assert headings["QUY ĐỊNH/Chương II/Mục 1"] == "NỘI DUNG BÁO CÁO"
    assert headings["QUY ĐỊNH/Chương II/Mục 1/Điều 3"] == "Nội dung báo cáo"
