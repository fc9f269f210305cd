"""Relations stated between cited documents, on real sentences that the rules used to miss: documents
joined by "và", a plan described in the text and numbered by its footnote or further on, and passive
or reviewing wording that is no "implements".  Sources: tests/corpus (dev texts, SOURCE.md), the seeds
in data/raw, and /work/shared/corpus/real (file named beside each sentence)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from graph.extract.citations import extract_citations, find_citations
from graph.extract.metadata import extract_metadata
from graph.model import SourceFile
from graph.normalise import normalise
from graph.patterns.plenums import PLENUM_RESOLUTIONS
from graph.segment import segment

from seeds import SEED_000, segmented

SELF = "(this document)"


def relations(text: str) -> set[tuple[str, str, str]]:
    source = SourceFile("excerpt.txt", "excerpt.txt", hashlib.sha256(text.encode()).hexdigest(), "utf-8", text)
    seg = segment(normalise(source))
    return _kinds(seg)


def _kinds(seg) -> set[tuple[str, str, str]]:
    _, found = extract_citations(seg, extract_metadata(seg))
    return {(r.kind, r.source.symbol if r.source else SELF, r.target.symbol or r.target.name) for r in found}


# h01 line 11: "Nghị quyết số 71/NQ-CP … của Chính phủ và Chương trình hành động số 10- CTr/TU … về thực hiện
# Nghị quyết số 57-NQ/TW": both carry out 57-NQ/TW
H01_PREAMBLE = 'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Chương trình hành động số 10- CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Thông báo số 30-TB/TGV ngày 13/6/2025 của Tổ giúp việc Ban chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thông báo kết luận cuộc họp của lãnh đạo Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Ủy ban nhân dân Tỉnh về thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Chương trình hành động số 10-CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn tỉnh Đồng Tháp;'

# h04 line 11: "Thực hiện Kế hoạch số 14-KH/TU … và Kế hoạch số 24/KH-UBND … thực hiện Nghị quyết số 66-NQ/TW …"
H04_PREAMBLE = 'Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND ngày 14/8/2025 của UBND tỉnh thực hiện Nghị quyết số 66-NQ/TW ngày 30 tháng 4 năm 2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới, UBND tỉnh ban hành Kế hoạch nâng cao năng lực cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật trên địa bàn tỉnh giai đoạn 2026 - 2030 như sau:'

# h05 footnote 1: "Kế hoạch số 75/KH- UBND … về việc thực hiện Nghị quyết số 137/NQ-CP … của Chính phủ và
# Chương trình số 27-CTr/TU … thực hiện Nghị quyết số 21-NQ/TW"
H05_FOOTNOTE_1 = '[1] Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW; Chương trình số 144-CTr/TU ngày 22/01/2018 của Ban Thường vụ Tỉnh ủy Hậu Giang về thực hiện Nghị quyết số 21-NQ/TW; Chương trình số 27-CTr/TU ngày 12/3/2018 của Ban Chấp hành Đảng bộ tỉnh Sóc Trăng; Chỉ thị số 17-CT/TU ngày 07/03/2022 của Ban Thường vụ Tỉnh ủy Hậu Giang về tăng cường sự lãnh đạo của các cấp ủy đảng về công tác dân số và nâng cao chất lượng dân số trong tình hình mới trên địa bàn tỉnh Hậu Giang đến năm 2030; Kế hoạch số 53/KH-UBND ngày 21/3/2018 của UBND thành phố Cần Thơ về thực hiện Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW; Kế hoạch số 75/KH- UBND ngày 09/7/2018 của UBND tỉnh Sóc Trăng về việc thực hiện Nghị quyết số 137/NQ-CP ngày 31/12/2017 của Chính phủ và Chương trình số 27-CTr/TU ngày 12/3/2018 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 21-NQ/TW; Kế hoạch số 55/KH-UBND ngày 10/4/2018 của UBND tỉnh Hậu Giang về Thực hiện Chương trình hành động của Chính phủ và Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 21-NQ/TW.'

# seed 004 (data/raw/quang-ngai_kh-ubnd_2024_214.txt) line 176
SEED_004_LINE_176 = 'Triển khai thực hiện Đề án phát triển đô thị thông minh bền vững Việt Nam giai đoạn 2018 - 2025 định hướng đến năm 2030 được phê duyệt tại Quyết định số 950/QĐ-TTg ngày 01/8/2018 và Chương trình hành động của Chính phủ thực hiện Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam đến năm 2030, tầm nhìn đến năm 2045 được phê duyệt tại Nghị quyết số 148/NQ-CP ngày 11/11/2022.'


def test_two_subjects_joined_by_va_both_carry_out_the_object():
    found = relations(H01_PREAMBLE)
    assert ("implements", "71/NQ-CP", "57-NQ/TW") in found
    assert ("implements", "10-CTr/TU", "57-NQ/TW") in found


def test_preamble_carrying_out_two_plans_joined_by_va():
    found = relations("KẾ HOẠCH\nNâng cao năng lực\n" + H04_PREAMBLE + "\nI. MỤC ĐÍCH\n")
    assert {("implements", SELF, "14-KH/TU"), ("implements", SELF, "24/KH-UBND"),
            ("implements", "14-KH/TU", "66-NQ/TW"), ("implements", "24/KH-UBND", "66-NQ/TW")} <= found


def test_object_and_subject_coordination_in_a_footnote_list():
    found = relations(H05_FOOTNOTE_1)
    assert {("implements", "75/KH-UBND", "137/NQ-CP"), ("implements", "75/KH-UBND", "27-CTr/TU"),
            ("implements", "137/NQ-CP", "21-NQ/TW"), ("implements", "27-CTr/TU", "21-NQ/TW")} <= found


def test_a_described_programme_numbered_further_on():
    # "… Chương trình hành động của Chính phủ thực hiện Nghị quyết số 06-NQ/TW … được phê duyệt tại Nghị
    # quyết số 148/NQ-CP ngày 11/11/2022."
    found = relations(SEED_004_LINE_176)
    assert ("implements", "148/NQ-CP", "06-NQ/TW") in found
    assert not any(r[1] == "950/QĐ-TTg" and r[0] == "implements" for r in found)


def test_plans_described_in_the_body_and_numbered_by_their_footnotes():
    # seed 000: "… ban hành tại Kế hoạch triển khai Chương trình số 20-CTr/TU, ngày 31/10/2022 của Tỉnh ủy về
    # thực hiện Nghị quyết số 19-NQ/TW … năm 2045⁷, kế hoạch cơ cấu lại ngành nông nghiệp tỉnh giai đoạn
    # 2021-2025⁸"; footnote 7 "Kế hoạch số 1432/KH-UBND ngày 15/3/2023 của UBND tỉnh.", footnote 8
    # "Quyết định số 2240/QĐ-UBND ngày 09/8/2022 của UBND tỉnh."
    found = _kinds(segmented(SEED_000))
    assert ("implements", "1432/KH-UBND", "20-CTr/TU") in found
    assert ("implements", "5050/KH-UBND", "16-CTr/TU") in found  # footnote 2
    assert ("implements", "3583/QĐ-UBND", "531/QĐ-TTg") in found  # footnote 13: "Chương trình hành động thực hiện …"
    assert ("implements", "3171/KH-UBND", "52-NQ/TW") in found  # footnote 14, its date misprinted "10/6/220"
    assert not any(r[1] == "2240/QĐ-UBND" for r in found)  # marker 8 closes another description


def test_passive_amendment_is_no_implements():
    # /work/shared/corpus/real/5f041f5e6645b117.txt line 16
    found = relations("Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 đã được sửa đổi, bổ sung một số điều theo "
                      "Luật số 59/2020/QH14 và Luật số 56/2024/QH15;")
    assert ("amends", "59/2020/QH14", "83/2015/QH13") in found
    assert not any(r[0] == "implements" for r in found)


def test_report_on_how_a_resolution_is_carried_out_does_not_carry_it_out():
    # /work/shared/corpus/real/91035abb77ae0a1b.txt lines 8-11
    found = relations("Về Kết luận của Ủy ban Thường vụ Quốc hội tại Thông\nbáo số 4387/TB-VPQH ngày 14 tháng 11 "
                      "năm 2025 của Văn phòng Quốc hội về tình\nhình thực hiện Nghị quyết số 66/2013/QH13 ngày "
                      "29/11/2013 của Quốc hội khóa XIII\nvà Nghị quyết số 63/2022/QH15 ngày 16/6/2022 Kỳ họp thứ "
                      "3, Quốc hội khóa XV về\ndự án đường Hồ Chí Minh, Phó Thủ tướng Trần Hồng Hà có ý kiến như sau:")
    assert not any(r[0] == "implements" for r in found)


def test_a_later_document_joined_by_va_is_not_what_an_earlier_one_follows():
    # /work/shared/corpus/real/51e961df2382e070.txt lines 176-183
    found = relations("2. Quyết định số\n78/2016/QĐ-UBND ngày 21 tháng 12 năm 2016 của Ủy ban nhân dân tỉnh Bình Định\n"
                      "quy định điều kiện học sinh trên địa bàn tỉnh\nđược hưởng chính sách hỗ trợ\nvà mức khoán kinh "
                      "phí hỗ trợ nấu ăn cho học sinh bán trú theo Nghị định số\n116/2016/NĐ-CP ngày 18 tháng 7 năm "
                      "2016 của Chính phủ và Quyết định số\n48/2020/QĐ-UBND ngày 30 tháng 7 năm 2020 của Ủy ban nhân "
                      "dân tỉnh Bình Định sửa\nđổi, bổ sung tiêu đề và một số nội dung Quyết định số 78/2016/QĐ-UBND")
    assert ("implements", "78/2016/QĐ-UBND", "48/2020/QĐ-UBND") not in found


# ------------------------------------------------------------ resolutions named by their plenum


def test_plenum_resolution_named_by_its_subject_despite_a_misprinted_term():
    # seed 004 line 11: the sixth plenum of the XIIth Committee passed no resolution on industrialisation;
    # the XIIIth's 29-NQ/TW has exactly this subject
    found = relations("Quyết định số 700/QĐ-TTg ngày 19/7/2024 của Thủ tướng Chính phủ ban hành Danh mục nhiệm vụ "
                      "triển khai Kế hoạch số 13-KH/TW ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết Hội "
                      "nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về tiếp tục đẩy mạnh công nghiệp hóa, "
                      "hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045;")
    assert ("implements", "13-KH/TW", "29-NQ/TW") in found


def test_plenum_resolution_by_short_name_and_subject():
    # seed 004 line 250
    text = ("Tiếp tục thực hiện các nhiệm vụ, giải pháp theo Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng "
            "Chính phủ ban hành Kế hoạch thực hiện Kết luận số 52-KL/TW ngày 30/5/2019 của Ban Bí thư về tiếp tục "
            "thực hiện Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công "
            "nghiệp hóa, hiện đại hóa đất nước. Triển khai thực hiện Chiến lược quốc gia phát triển đội ngũ trí thức.")
    [resolution] = [c.target for c in find_citations(text) if c.target.symbol == "27-NQ/TW"]
    assert (resolution.date, resolution.issuer_code, resolution.jurisdiction) == (dt.date(2008, 8, 6), "TW", "vn")
    assert ("implements", "52-KL/TW", "27-NQ/TW") in relations(text)


def test_a_plenum_that_passed_several_resolutions_stays_a_name_without_its_subject():
    # seed 004 line 90, cut after the plenum's name: 27-, 28- and 29-NQ/TW all came from that plenum
    [named] = [c.target for c in find_citations(
        "(4) Kế hoạch số 13-KH/TW ngày 28 tháng 11 năm 2022 thực hiện Nghị quyết Hội nghị lần thứ sáu Ban Chấp "
        "hành Trung ương Đảng khóa XIII") if c.target.type_code == "NQ"]
    assert (named.symbol, named.name) == (
        None, "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII")


def test_plenum_table_entries_agree_with_the_documents_named_as_their_sources():
    root = Path(__file__).resolve().parent.parent
    checked = 0
    for r in PLENUM_RESOLUTIONS:
        for source in r.sources:
            path = Path(source.removeprefix("corpus:"))
            path = path if path.is_absolute() else root / path
            if not source.startswith("corpus:") or not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            assert f"{r.number}-NQ/TW" in text and f"khóa {r.term}".casefold() in text.casefold(), (r, source)
            checked += 1
    assert checked >= 10
    assert len({(r.term, r.number) for r in PLENUM_RESOLUTIONS}) == len(PLENUM_RESOLUTIONS)
