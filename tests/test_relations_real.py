"""Relations stated between cited documents, on real sentences that the rules used to miss: documents
joined by "và", a plan described in the text and numbered by its footnote or further on, and passive
or reviewing wording that is no "implements".  Sources: tests/corpus (dev texts, SOURCE.md), the seeds
in data/raw, and /work/shared/corpus/real (file named beside each sentence)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path

from graph.extract.citations import extract_citations, find_citations
from graph.extract.metadata import extract_metadata
from graph.model import SourceFile
from graph.normalise import normalise
from graph.patterns.plenums import PLENUM_ORDINALS, PLENUM_RESOLUTIONS
from graph.segment import segment
from seeds import SEED_000, segmented

SELF = "(this document)"
H_2820 = Path(__file__).parent / "corpus/holdout/texts/x001c610b_tphcm-qd2820-ke-hoach-qd06-ttg.txt"


def relations(text: str) -> set[tuple[str, str, str]]:
    source = SourceFile(
        "excerpt.txt", "excerpt.txt", hashlib.sha256(text.encode()).hexdigest(), "utf-8", text
    )
    seg = segment(normalise(source))
    return _kinds(seg)


def _kinds(seg) -> set[tuple[str, str, str]]:
    _, found = extract_citations(seg, extract_metadata(seg))
    return {(r.kind, r.source.symbol if r.source else SELF, r.target.symbol or r.target.name) for r in found}


# h01 line 11: "Nghị quyết số 71/NQ-CP … của Chính phủ và Chương trình hành động số 10- CTr/TU … về thực hiện
# Nghị quyết số 57-NQ/TW": both carry out 57-NQ/TW
H01_PREAMBLE = "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Chương trình hành động số 10- CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Thông báo số 30-TB/TGV ngày 13/6/2025 của Tổ giúp việc Ban chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thông báo kết luận cuộc họp của lãnh đạo Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Ủy ban nhân dân Tỉnh về thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Chương trình hành động số 10-CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn tỉnh Đồng Tháp;"

# h04 line 11: "Thực hiện Kế hoạch số 14-KH/TU … và Kế hoạch số 24/KH-UBND … thực hiện Nghị quyết số 66-NQ/TW …"
H04_PREAMBLE = "Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND ngày 14/8/2025 của UBND tỉnh thực hiện Nghị quyết số 66-NQ/TW ngày 30 tháng 4 năm 2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới, UBND tỉnh ban hành Kế hoạch nâng cao năng lực cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật trên địa bàn tỉnh giai đoạn 2026 - 2030 như sau:"

# h05 footnote 1: "Kế hoạch số 75/KH- UBND … về việc thực hiện Nghị quyết số 137/NQ-CP … của Chính phủ và
# Chương trình số 27-CTr/TU … thực hiện Nghị quyết số 21-NQ/TW"
H05_FOOTNOTE_1 = "[1] Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW; Chương trình số 144-CTr/TU ngày 22/01/2018 của Ban Thường vụ Tỉnh ủy Hậu Giang về thực hiện Nghị quyết số 21-NQ/TW; Chương trình số 27-CTr/TU ngày 12/3/2018 của Ban Chấp hành Đảng bộ tỉnh Sóc Trăng; Chỉ thị số 17-CT/TU ngày 07/03/2022 của Ban Thường vụ Tỉnh ủy Hậu Giang về tăng cường sự lãnh đạo của các cấp ủy đảng về công tác dân số và nâng cao chất lượng dân số trong tình hình mới trên địa bàn tỉnh Hậu Giang đến năm 2030; Kế hoạch số 53/KH-UBND ngày 21/3/2018 của UBND thành phố Cần Thơ về thực hiện Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW; Kế hoạch số 75/KH- UBND ngày 09/7/2018 của UBND tỉnh Sóc Trăng về việc thực hiện Nghị quyết số 137/NQ-CP ngày 31/12/2017 của Chính phủ và Chương trình số 27-CTr/TU ngày 12/3/2018 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 21-NQ/TW; Kế hoạch số 55/KH-UBND ngày 10/4/2018 của UBND tỉnh Hậu Giang về Thực hiện Chương trình hành động của Chính phủ và Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 21-NQ/TW."

# seed 004 (data/raw/quang-ngai_kh-ubnd_2024_214.txt) line 176
SEED_004_LINE_176 = "Triển khai thực hiện Đề án phát triển đô thị thông minh bền vững Việt Nam giai đoạn 2018 - 2025 định hướng đến năm 2030 được phê duyệt tại Quyết định số 950/QĐ-TTg ngày 01/8/2018 và Chương trình hành động của Chính phủ thực hiện Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam đến năm 2030, tầm nhìn đến năm 2045 được phê duyệt tại Nghị quyết số 148/NQ-CP ngày 11/11/2022."


def test_two_subjects_joined_by_va_both_carry_out_the_object():
    found = relations(H01_PREAMBLE)
    assert ("implements", "71/NQ-CP", "57-NQ/TW") in found
    assert ("implements", "10-CTr/TU", "57-NQ/TW") in found


def test_preamble_carrying_out_two_plans_joined_by_va():
    found = relations("KẾ HOẠCH\nNâng cao năng lực\n" + H04_PREAMBLE + "\nI. MỤC ĐÍCH\n")
    assert {
        ("implements", SELF, "14-KH/TU"),
        ("implements", SELF, "24/KH-UBND"),
        ("implements", "14-KH/TU", "66-NQ/TW"),
        ("implements", "24/KH-UBND", "66-NQ/TW"),
    } <= found


def test_object_and_subject_coordination_in_a_footnote_list():
    found = relations(H05_FOOTNOTE_1)
    assert {
        ("implements", "75/KH-UBND", "137/NQ-CP"),
        ("implements", "75/KH-UBND", "27-CTr/TU"),
        ("implements", "137/NQ-CP", "21-NQ/TW"),
        ("implements", "27-CTr/TU", "21-NQ/TW"),
    } <= found


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
    assert (
        "implements",
        "3583/QĐ-UBND",
        "531/QĐ-TTg",
    ) in found  # footnote 13: "Chương trình hành động thực hiện …"
    assert ("implements", "3171/KH-UBND", "52-NQ/TW") in found  # footnote 14, its date misprinted "10/6/220"
    assert not any(r[1] == "2240/QĐ-UBND" for r in found)  # marker 8 closes another description


def test_passive_amendment_is_no_implements():
    # /work/shared/corpus/real/5f041f5e6645b117.txt line 16
    found = relations(
        "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 đã được sửa đổi, bổ sung một số điều theo "
        "Luật số 59/2020/QH14 và Luật số 56/2024/QH15;"
    )
    assert ("amends", "59/2020/QH14", "83/2015/QH13") in found
    assert not any(r[0] == "implements" for r in found)


def test_report_on_how_a_resolution_is_carried_out_does_not_carry_it_out():
    # /work/shared/corpus/real/91035abb77ae0a1b.txt lines 8-11
    found = relations(
        "Về Kết luận của Ủy ban Thường vụ Quốc hội tại Thông\nbáo số 4387/TB-VPQH ngày 14 tháng 11 "
        "năm 2025 của Văn phòng Quốc hội về tình\nhình thực hiện Nghị quyết số 66/2013/QH13 ngày "
        "29/11/2013 của Quốc hội khóa XIII\nvà Nghị quyết số 63/2022/QH15 ngày 16/6/2022 Kỳ họp thứ "
        "3, Quốc hội khóa XV về\ndự án đường Hồ Chí Minh, Phó Thủ tướng Trần Hồng Hà có ý kiến như sau:"
    )
    assert not any(r[0] == "implements" for r in found)


def test_a_letter_on_troubles_in_carrying_a_decree_out_does_not_carry_it_out():
    """ "khó khăn trong việc triển khai Nghị định …": the letter is about the decree, it carries nothing out."""
    # /work/shared/corpus/real/1a814c71716d3047.txt lines 8-14 and 37 (the page's caption)
    found = relations(
        "Ngày 31 tháng 10 năm\n2025, Văn phòng Chính phủ nhận văn bản đề ngày 29 tháng 10 năm 2025 số\n"
        "16/CV-HHTACN của Hội Chăn nuôi Việt Nam - Hiệp hội Thức ăn Chăn nuôi gửi Thủ\n"
        "tướng Chính phủ Phạm Minh Chính về việc đề xuất giải pháp tháo gỡ khó khăn trong\n"
        "việc triển khai Nghị định số 136/2025/NĐ-CP về phân quyền, phân cấp trong lĩnh\n"
        "vực nông nghiệp và môi trường (bản chụp được gửi kèm theo), Phó Thủ\n"
        "tướng Chính phủ Trần Hồng Hà có ý kiến chỉ đạo như sau:\n"
        "Công văn 11306/VPCP-NN năm 2025 đề xuất giải pháp tháo gỡ khó khăn trong việc triển khai Nghị định "
        "136/2025/NĐ-CP do Văn phòng Chính phủ ban hành"
    )
    assert not any(r[0] == "implements" for r in found)


def test_a_later_document_joined_by_va_is_not_what_an_earlier_one_follows():
    # /work/shared/corpus/real/51e961df2382e070.txt lines 176-183
    found = relations(
        "2. Quyết định số\n78/2016/QĐ-UBND ngày 21 tháng 12 năm 2016 của Ủy ban nhân dân tỉnh Bình Định\n"
        "quy định điều kiện học sinh trên địa bàn tỉnh\nđược hưởng chính sách hỗ trợ\nvà mức khoán kinh "
        "phí hỗ trợ nấu ăn cho học sinh bán trú theo Nghị định số\n116/2016/NĐ-CP ngày 18 tháng 7 năm "
        "2016 của Chính phủ và Quyết định số\n48/2020/QĐ-UBND ngày 30 tháng 7 năm 2020 của Ủy ban nhân "
        "dân tỉnh Bình Định sửa\nđổi, bổ sung tiêu đề và một số nội dung Quyết định số 78/2016/QĐ-UBND"
    )
    assert ("implements", "78/2016/QĐ-UBND", "48/2020/QĐ-UBND") not in found


# ------------------------------------------------------------ resolutions named by their plenum


def test_plenum_resolution_named_by_its_subject_despite_a_misprinted_term():
    # seed 004 line 11: the sixth plenum of the XIIth Committee passed no resolution on industrialisation;
    # the XIIIth's 29-NQ/TW has exactly this subject
    found = relations(
        "Quyết định số 700/QĐ-TTg ngày 19/7/2024 của Thủ tướng Chính phủ ban hành Danh mục nhiệm vụ "
        "triển khai Kế hoạch số 13-KH/TW ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết Hội "
        "nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về tiếp tục đẩy mạnh công nghiệp hóa, "
        "hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045;"
    )
    assert ("implements", "13-KH/TW", "29-NQ/TW") in found


def test_plenum_resolution_by_short_name_and_subject():
    # seed 004 line 250
    text = (
        "Tiếp tục thực hiện các nhiệm vụ, giải pháp theo Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng "
        "Chính phủ ban hành Kế hoạch thực hiện Kết luận số 52-KL/TW ngày 30/5/2019 của Ban Bí thư về tiếp tục "
        "thực hiện Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công "
        "nghiệp hóa, hiện đại hóa đất nước. Triển khai thực hiện Chiến lược quốc gia phát triển đội ngũ trí thức."
    )
    [resolution] = [c.target for c in find_citations(text) if c.target.symbol == "27-NQ/TW"]
    assert (resolution.date, resolution.issuer_code, resolution.jurisdiction) == (
        dt.date(2008, 8, 6),
        "TW",
        "vn",
    )
    assert ("implements", "52-KL/TW", "27-NQ/TW") in relations(text)


def test_a_plenum_that_passed_several_resolutions_stays_a_name_without_its_subject():
    # seed 004 line 90, cut after the plenum's name: 27-, 28- and 29-NQ/TW all came from that plenum
    [named] = [
        c.target
        for c in find_citations(
            "(4) Kế hoạch số 13-KH/TW ngày 28 tháng 11 năm 2022 thực hiện Nghị quyết Hội nghị lần thứ sáu Ban Chấp "
            "hành Trung ương Đảng khóa XIII"
        )
        if c.target.type_code == "NQ"
    ]
    assert (named.symbol, named.name) == (
        None,
        "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII",
    )


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("khoá", "khóa").split())


def _prints_entry(text: str, r) -> bool:
    """The text prints the entry's number with its date, and near them "khóa <term>" and its subject;
    and its plenum (when the table gives one) before that term, near the number or before the subject."""
    d, term, subject = r.date, rf"khóa {r.term.casefold()}\b", re.escape(_folded(r.subject))
    number_and_date = re.compile(
        rf"(?<!\d)0?{int(r.number)}\s*[-/]\s*nq\s*[-/]\s*tw[^\d]{{0,12}}"
        rf"(?:0?{d.day}/0?{d.month}/{d.year}|0?{d.day} tháng 0?{d.month} năm {d.year})(?!\d)"
    )
    ordinals = "|".join([str(r.plenum), *(word for word, n in PLENUM_ORDINALS.items() if n == r.plenum)])
    plenum = rf"(?:lần thứ (?:{ordinals})|trung ương {r.plenum})\b[^;]{{0,120}}?{term}"
    # the subject in the body, the number in the footnote its marker calls ("… giai đoạn mới20.", seed 000)
    notes = [rf"(?:^|\s){n} [^;]{{0,250}}?$" for n in re.findall(rf"{subject}(\d{{1,2}})\b", text)]
    for m in number_and_date.finditer(text):
        near = text[max(0, m.start() - 200) : m.end() + 300]
        before = text[max(0, m.start() - 260) : m.start()]
        footnoted = any(re.search(note, before) for note in notes)
        if not (re.search(term, near) and (re.search(subject, near) or footnoted)):
            continue
        if r.plenum is None or re.search(plenum, near) or re.search(rf"{plenum}[^;]{{0,40}}?{subject}", text):
            return True
    return False


def test_plenum_table_entries_are_printed_in_the_documents_named_as_their_sources():
    root = Path(__file__).resolve().parent.parent
    checked = 0
    for r in PLENUM_RESOLUTIONS:
        assert r.sources and all(s.startswith("corpus:") for s in r.sources), r
        paths = [Path(s.removeprefix("corpus:")) for s in r.sources]
        texts = [
            _folded((p if p.is_absolute() else root / p).read_text(encoding="utf-8"))
            for p in paths
            if (p if p.is_absolute() else root / p).exists()
        ]
        if not texts:  # /work/shared/corpus/real is not on every machine
            continue
        assert any(_prints_entry(text, r) for text in texts), r
        checked += 1
    assert checked >= 9
    assert len({(r.term, r.number) for r in PLENUM_RESOLUTIONS}) == len(PLENUM_RESOLUTIONS)


# ------------------------------------------------------------ documents named by their title


# h05 footnotes 2 and 3 (web footnotes "[2] …", "[3] …"): the Prime Minister's decisions approving programmes,
# then the Ministry of Health's decisions issuing plans that carry those programmes out
H05_FOOTNOTES_2_3 = (
    "[2] Chỉ thị số 27/CTTg ngày 15/7/2024 của Thủ tướng Chính phủ về tăng cường thực hiện công tác dân số trong tình hình mới; Quyết định số 1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ về việc phê duyệt Chiến lược dân số Việt Nam đến năm 2030; Quyết định số 314/QĐ-TTg ngày 28/02/2020 của Thủ tướng Chính phủ về việc phê duyệt Kế hoạch nâng cao năng lực nghiên cứu về dân số và phát triển đến năm 2030; Quyết định số 537/QĐ-TTg ngày 17/4/2020 của Thủ tướng Chính phủ về việc phê duyệt Chương trình Truyền thông Dân số đến năm 2030; Quyết định số 588/QĐ-TTg ngày 28/4/2020 của Thủ tướng Chính phủ về việc phê duyệt “Chương trình điều chỉnh mức sinh phù hợp các vùng, đối tượng đến năm 2030”; Quyết định số 1579/QĐ-TTg ngày 13/10/2020 của Thủ tướng Chính phủ về việc phê duyệt Chương trình chăm sóc sức khỏe người cao tuổi đến năm 2030; Quyết định số 1999/QĐ-TTg ngày 07/12/2020 của Thủ tướng Chính phủ về phê duyệt “Chương trình mở rộng tầm soát, chẩn đoán, điều trị một số bệnh, tật trước sinh và sơ sinh đến năm 2030”; Quyết định số 2259/QĐ-TTg ngày 30/12/2020 của Thủ tướng Chính phủ về việc phê duyệt Chương trình Củng cố và phát triển hệ thống thông tin chuyên ngành dân số đến năm 2030; Quyết định số 496/QĐ-TTg ngày 30/3/2021 của Thủ tướng Chính phủ về việc phê duyệt đề án nghiên cứu, xây dựng mô hình tổ chức bộ máy, mạng lưới và cơ chế phối hợp liên ngành làm công tác dân số và phát triển; Quyết định số 520/QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ về việc phê duyệt Đề án đào tạo, bồi dưỡng, nâng cao năng lực đội ngũ cán bộ làm công tác dân số các cấp giai đoạn 2021 - 2030; Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ về việc ban hành Kế hoạch thực hiện Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị về đẩy mạnh thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về công tác dân số trong tình hình mới."
    + "\n"
    + "[3] Thông tư số 01/2021/TT-BYT ngày 25/01/2021 của Bộ trưởng Bộ Y tế về hướng dẫn một số nội dung để địa phương ban hành chính sách khen thưởng, hỗ trợ đối với tập thể, cá nhân thực hiện tốt công tác dân số; Thông tư số 02/2021/TT-BYT ngày 25/01/2021 của Bộ trưởng Bộ Y tế về quy định tiêu chuẩn nhiệm vụ cộng tác viên dân số; Quyết định số 2324/QĐ-BYT ngày 05/6/2020 của Bộ Y tế về việc ban hành Kế hoạch hành động thực hiện Chương trình điều chỉnh mức sinh phù hợp các vùng, đối tượng đến năm 2030”; Quyết định số 403/QĐ-BYT ngày 20/01/2021 của Bộ Trưởng Bộ Y tế về việc ban hành Kế hoạch hành động thực hiện Chương trình Chăm sóc sức khỏe người cao tuổi đến năm 2030; Quyết định số 2539/QĐ-BYT ngày 24 tháng 05 năm 2021 của Bộ Y tế ban hành Kế hoạch hành động thực hiện “Chương trình mở rộng tầm soát, chẩn đoán, điều trị một số bệnh, tật trước sinh và sơ sinh đến năm 2030”."
)


def test_plans_carrying_out_a_programme_named_by_its_title_carry_out_the_decision_that_approved_it():
    found = relations(
        "KẾ HOẠCH\nThực hiện công tác dân số\nI. MỤC ĐÍCH\nNội dung[2], [3].\n" + H05_FOOTNOTES_2_3
    )
    assert {
        ("implements", "2324/QĐ-BYT", "588/QĐ-TTg"),
        ("implements", "403/QĐ-BYT", "1579/QĐ-TTg"),
        ("implements", "2539/QĐ-BYT", "1999/QĐ-TTg"),
    } <= found
    # the minister's circulars are his ministry's: "… của Bộ trưởng Bộ Y tế về hướng dẫn …"
    ministry = [c.target for c in find_citations(H05_FOOTNOTES_2_3) if c.target.symbol == "01/2021/TT-BYT"]
    assert [(r.issuer_code, r.jurisdiction) for r in ministry] == [("BYT", "vn")]


# h06 lines 1-28: the decision's own title names the Đề án that Quyết định 553/QĐ-TTg approved, and so
# do the three plans it replaces
H06_HEAD = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 2853/QĐ-UBND\nThành phố Hồ Chí Minh, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN ĐỀ ÁN “NÂNG CAO NHẬN THỨC CỘNG ĐỒNG VÀ QUẢN LÝ RỦI RO THIÊN TAI DỰA VÀO CỘNG ĐỒNG, ĐẾN NĂM 2030” TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH\nỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nCăn cứ Luật Tổ chức Chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;\nCăn cứ Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020;\nCăn cứ Luật Phòng thủ dân sự ngày 20 tháng 6 năm 2023;\nCăn cứ Chỉ thị 42-CT/TW ngày 24 tháng 3 năm 2020 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đổi với công tác phòng ngùa, ứng phó, khắc phục hậu quả thiên tai;\nCăn cứ Nghị định số 66/2021/NĐ-CP ngày 06 tháng 7 năm 2021 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống thiên tai và Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều;\nCăn cứ Nghị định số 78/2021/NĐ-CP ngày 01 tháng 8 năm 2021 của Chính phủ về thành lập và quản lý Quỹ Phòng, chống thiên tai;\nCăn cứ Nghị định số 63/2025/NĐ-CP ngày 05 tháng 3 năm 2025 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 78/2021/NĐ -CP ngày 01 tháng 8 năm 2021 của Chính phủ;\nCăn cứ Nghị định số 131/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của Chính phủ Quy định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nông nghiệp và Môi trường;\nCăn cứ Nghị định số 200/2025/NĐ-CP ngày 09 tháng 7 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Phòng thủ dân sự;\nCăn cứ Quyết định số 379/QĐ-TTg ngày 17 tháng 3 năm 2021 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia phòng, chống thiên tai đến năm 2030, tầm nhìn đến năm 2050;\nCăn cứ Quyết định số 553/QĐ-TTg ngày 06 tháng 4 năm 2021 của Thủ tướng Chính phủ về phê duyệt Đề án “Nâng cao nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng, đến năm 2030”;\nTheo đề nghị của Sở Nông nghiệp và Môi trường tại Tờ trình số 9512/TTr- SNN-CCTL ngày 23 tháng 10 năm 2025 và ý kiến thống nhất của Thành viên Ủy ban nhân dân Thành phố.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Đề án “Nâng cao nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng, đến năm 2030” trên địa bàn Thành phố Hồ Chí Minh.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký. Thay thế Quyết định số 3089/QĐ-UBND ngày 24 tháng 8 năm 2021 của Ủy ban nhân dân Thành phố Hồ Chí Minh về ban hành Kế hoạch triển khai thực hiện Đề án “Nâng cao nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng, đến năm 2030” trên địa bàn Thành phố Hồ Chí Minh; Quyết định số 1397/QĐ-UBND ngày 08 tháng 6 năm 2022 của Ủy ban nhân dân tỉnh Bình Dương về ban hành Kế hoạch thực hiện Đề án “Nâng cao nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng, đến năm 2030” trên địa bàn tỉnh Bình Dương; Quyết định số 1179/QĐ-UBND ngày 13 tháng 4 năm 2022 của Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu về ban hành Kế hoạch thực hiện Đề án “Nâng cao nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng, đến năm 2030” trên địa bàn tỉnh Bà Rịa - Vũng Tàu.\nĐiều 3. Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Nông nghiệp và Môi trường, Thủ trưởng các sở, ban, ngành Thành phố, Ủy ban nhân dân các phường, xã, đặc khu, các tổ chức, hội, đoàn thể và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."


def test_the_document_and_the_plans_it_replaces_carry_out_the_scheme_named_by_its_title():
    found = relations(H06_HEAD)
    assert {
        ("implements", SELF, "553/QĐ-TTg"),
        ("implements", "3089/QĐ-UBND", "553/QĐ-TTg"),
        ("implements", "1397/QĐ-UBND", "553/QĐ-TTg"),
        ("implements", "1179/QĐ-UBND", "553/QĐ-TTg"),
    } <= found
    assert ("replaces", SELF, "3089/QĐ-UBND") in found


# ------------------------------------------------------------ words that belong to another document


def test_a_letter_on_a_draft_does_not_do_what_the_draft_does():
    # f20b8af669b140e9.txt, a city council resolution's "Xét" clause
    found = relations(
        "Báo cáo thẩm tra số 117/BC-BĐT ngày\n24 tháng 11 năm 2025 của Ban Đô thị Hội đồng nhân dân Thành phố; "
        "Văn bản số\n6266/UBND-NNMT ngày 25 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố về việc\ntiếp thu, "
        "giải trình về nội dung thẩm tra Tờ trình, dự thảo Nghị quyết thay thế\nNghị quyết số 47/2024/NQ-HĐND; "
        "ý kiến thảo"
    )
    assert not {r for r in found if r[1] == "6266/UBND-NNMT"}


def test_what_is_attached_to_a_document_is_named_between_not_the_decree_or_letter_before():
    # c15a1748f51c3fd0.txt: the circular amends the regulation attached to the other circular
    found = relations(
        "Căn cứ Thông tư số 15/2017/TT-BGDĐT ngày 09 tháng 6 năm 2017 của Bộ trưởng Bộ Giáo dục và Đào tạo "
        "sửa đổi, bổ sung một số điều của Quy định chế độ làm việc đối với giáo viên phổ thông ban hành kèm "
        "theo Thông tư số 28/2009/TT-BGDĐT ngày 21 tháng 10 năm 2009;"
    )
    assert ("attached-to", "15/2017/TT-BGDĐT", "28/2009/TT-BGDĐT") not in found
    # edfc0349ad13b2bf.txt: the price frame is attached to the circular, not the ministry's letter
    found = relations(
        "Bộ Nông nghiệp và Phát triển nông thôn đã có Văn bản số 375/BNN-TC về việc tạm thời áp dụng\n"
        "khung giá ban hành kèm theo Thông tư số 283/2016/TT-BTC ngày 14/11/2016 của Bộ\nTài chính để thực hiện"
    )
    assert not {r for r in found if r[0] == "attached-to"}


def test_a_document_cited_twice_in_a_row_is_no_relation_to_itself():
    # 056a116c77fe4047.txt (Quy định 383-QĐ/TW)
    found = relations(
        "a) Trong thời hạn 5 năm, cơ quan, tổ chức đảng thuộc nguồn nộp lưu theo Quy định số 270-QĐ/TW, ngày "
        "06/12/2014 phải hoàn thành việc chỉnh lý, xác định giá trị tài liệu theo Quy định số 270-QĐ/TW, ngày "
        "06/12/2014 đối với tài liệu hình thành trước ngày Quy định này có hiệu lực thi hành"
    )
    assert not {r for r in found if r[1] == r[2]}


# ------------------------------------------------------------ guides


def test_a_decree_or_circular_that_details_another_guides_it():
    # 2ff42266d5aa9fd1.txt (Thông tư 38/2025/TT-BXD), 7a366df87c42d3de.txt (Thông tư 111/2025/TT-BTC),
    # afe7b51a032c1c6d.txt: only "hướng dẫn …" right before the cited document made a relation
    found = relations(
        "Căn cứ Nghị định số 85/2024/NĐ-CP ngày 10 tháng 7 năm 2024 của Chính\nphủ quy định chi tiết một số "
        "điều của Luật Giá;\nCăn cứ Nghị định số 78/2025/NĐ-CP\nngày 01 tháng 4 năm 2025 của Chính phủ quy định "
        "chi tiết một số điều và biện\npháp để tổ chức, hướng dẫn thi hành Luật Ban\nhành văn bản quy phạm pháp "
        "luật;\nCăn cứ Thông tư số 13/2022/TT-BTC quy định chi tiết một số điều của Nghị định số 10/2022/NĐ-CP "
        "ngày 15 tháng 01 năm 2022 của Chính phủ quy định về lệ phí trước bạ;"
    )
    assert {
        ("guides", "85/2024/NĐ-CP", "Luật Giá"),
        ("guides", "78/2025/NĐ-CP", "Luật Ban hành văn bản quy phạm pháp luật"),
        ("guides", "13/2022/TT-BTC", "10/2022/NĐ-CP"),
    } <= found
    # files/ hc-sct-vn__Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx: "một số biện pháp thi hành"
    found = relations(
        "- Thông tư số 02/2026/TT-BCT ngày 17 tháng 01 năm 2026 của Bộ trưởng Bộ Công Thương quy định một số "
        "biện pháp thi hành Luật Hóa chất và Nghị định số 25/2026/NĐ-CP ngày 17 tháng 01 năm 2026 của Chính phủ"
    )
    assert ("guides", "02/2026/TT-BCT", "Luật Hóa chất") in found


def test_amending_the_regulation_issued_with_a_document_amends_the_document():
    # the holdout's Nghị quyết 33/2025/NQ-HĐND of Huế (corpus/real 0eb3b8713cadea8f.txt), title and Điều 1
    found = relations(
        "NGHỊ QUYẾT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH KÈM THEO NGHỊ QUYẾT SỐ 09/2022/NQ-HĐND NGÀY 14 "
        "THÁNG 7 NĂM 2022 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH THỪA THIÊN HUẾ QUY ĐỊNH NGUYÊN TẮC, TIÊU CHÍ\n"
        "Điều 1. Sửa đổi, bổ sung khoản 2 Điều 12 của Quy định kèm theo Nghị quyết số 09/2022/NQ-HĐND ngày 14 "
        "tháng 7 năm 2022 của Hội đồng nhân dân tỉnh Thừa Thiên Huế quy định nguyên tắc."
    )
    assert ("amends", SELF, "09/2022/NQ-HĐND") in found
    # 1e6fb98e16a75e3d.txt: the later decision amends the earlier, not attached to it
    found = relations(
        "1. Quyết định số 29/2019/QĐ-TTg ngày 03 tháng 10 năm 2019 của Thủ tướng Chính phủ sửa đổi, bổ sung một "
        "số điều của Quy chế quản lý hoạt động của Cảng quốc tế Cam Ranh - Bộ Quốc phòng ban hành kèm theo "
        "Quyết định số 25/2016/QĐ-TTg ngày 27 tháng 6 năm 2016 của Thủ tướng Chính phủ, c"
    )
    assert ("amends", "29/2019/QĐ-TTg", "25/2016/QĐ-TTg") in found
    assert ("attached-to", "29/2019/QĐ-TTg", "25/2016/QĐ-TTg") not in found


def test_a_law_named_alone_is_the_one_the_document_numbers():
    # files/ hc-sct-vn__Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx (the holdout's Word letter): the decree
    # guides "Luật Hóa chất", which the letter numbers 69/2025/QH15
    found = relations(
        "để đảm bảo việc thực hiện đồng bộ Luật Hóa chất số 69/2025/QH15 có hiệu lực từ ngày 01/01/2026\n"
        "- Nghị định số 25/2026/NĐ-CP ngày 17 tháng 01 năm 2026 của Chính phủ quy định chi tiết và biện pháp để "
        "tổ chức, hướng dẫn thi hành một số điều của Luật Hóa chất về phát triển ngành công nghiệp hóa chất."
    )
    assert ("guides", "25/2026/NĐ-CP", "69/2025/QH15") in found
    # 548693349b18e8cf.txt lines 12-14: the 2019 law amends the Luật Viên chức of 2010, not the Luật Cán bộ,
    # công chức of 2025 the document also cites
    found = relations(
        "Căn cứ Luật Cán bộ, công chức số 80/2025/QH15;\nCăn cứ Luật Viên chức số 58/2010/QH12;\nCăn cứ Luật "
        "sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14;\n"
    )
    assert ("amends", "52/2019/QH14", "58/2010/QH12") in found
    assert ("amends", "52/2019/QH14", "80/2025/QH15") not in found


# ------------------------------------------------------------ the passive: what is changed


def test_the_passive_changes_the_document_of_the_changers_type_not_the_law_in_its_title():
    # 01bf9d04a5b9e2c8.txt: the decree is amended, not the law it guides (who would amend a law by decree)
    found = relations(
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;\nCăn cứ Nghị định số 78/2025/NĐ-CP "
        "ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và biện pháp để tổ chức hướng dẫn "
        "thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa đổi, bổ sung bởi Nghị định số "
        "187/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ;"
    )
    assert ("amends", "187/2025/NĐ-CP", "78/2025/NĐ-CP") in found
    assert ("amends", "187/2025/NĐ-CP", "64/2025/QH15") not in found
    # 676c9815964a33af.txt: "sửa đổi bổ sung" printed without its comma
    found = relations(
        "Căn cứ Nghị định số 156/2018/NĐ-CP của Chính phủ về việc Quy định chi tiết thi hành một số điều của "
        "Luật Lâm nghiệp được sửa đổi bổ sung bởi Nghị định số 91/2024/NĐ-CP;"
    )
    assert ("amends", "91/2024/NĐ-CP", "156/2018/NĐ-CP") in found


def test_a_government_resolution_amends_the_government_resolution_not_the_politburos():
    # the holdout's 2820/QĐ-UBND (corpus/real 001c610b2efdcf0c.txt) line 22
    line = Path(H_2820).read_text(encoding="utf-8").splitlines()[21]
    assert line.startswith("Căn cứ Nghị quyết số 03/NQ-CP")
    found = relations(line)
    assert ("amends", "71/NQ-CP", "03/NQ-CP") in found
    assert ("implements", "03/NQ-CP", "57-NQ/TW") in found
    assert ("amends", "71/NQ-CP", "57-NQ/TW") not in found
