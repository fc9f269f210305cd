"""Symbols printed in corpus/real that no citation covered (stop 18: a probe listing every symbol-like
token outside the citations found; 205 of them, most in English translations appended to web pages).
The Vietnamese forms among them, each quoted from the corpus/real file named beside it."""

from __future__ import annotations

import hashlib

from graph.extract.citations import extract_citations
from graph.extract.metadata import extract_metadata
from graph.model import SourceFile
from graph.normalise import normalise
from graph.segment import segment


def _extracted(text: str):
    source = SourceFile(
        "excerpt.txt", "excerpt.txt", hashlib.sha256(text.encode()).hexdigest(), "utf-8", text
    )
    seg = segment(normalise(source))
    return extract_citations(seg, extract_metadata(seg))


def _cited(text: str) -> list[tuple[str | None, str | None]]:
    citations, _ = _extracted(text)
    return [(c.target.type_code, c.target.symbol) for c in citations]


def test_a_number_word_with_a_colon():
    # 5298da2adb9eb4fe, the note over an appendix (25 files print "Quyết định số: …" there)
    line = "(Kèm theo Quyết định số: 203/QĐ-UBND ngày 28 tháng 11 năm 2025 của Chủ tịch UBND tỉnh Cao Bằng)"
    assert _cited(line) == [("QĐ", "203/QĐ-UBND")]


def test_a_list_of_letters_after_a_number_word_with_a_colon():
    # d600829aa1fa6596
    line = (
        "Bộ trưởng Bộ Nông nghiệp và Môi trường tại các văn bản số: 8004/BNNMT-ĐCKS ngày 17 tháng 10 năm 2025, "
        "8008/BNNMT-ĐCKS ngày 17 tháng 10 năm 2025 và 8796/BNNMT-ĐCKS ngày 06 tháng 11 năm 2025"
    )
    assert _cited(line) == [("CV", "8004/BNNMT-ĐCKS"), ("CV", "8008/BNNMT-ĐCKS"), ("CV", "8796/BNNMT-ĐCKS")]


def test_a_documents_own_number_line_is_no_citation():
    # 322358d6040a153b: the "Số:" line of the document itself
    assert _cited("Số: 170/QĐ-BCĐNNDL\nHà Nội, ngày 20 tháng 11 năm 2025\n") == []


def test_letters_listed_after_van_ban_and_a_colon():
    # 0f98ee482389e59e
    line = (
        "(sau khi có ý kiến của Sở Nội vụ tại các Văn bản: số 4104/SNV- XDCQ&TCBC ngày 28/8/2025, số "
        "5786/SNV-XDCQ&TCBC ngày 13/11/2025)"
    )
    assert _cited(line) == [("CV", "4104/SNV-XDCQ&TCBC"), ("CV", "5786/SNV-XDCQ&TCBC")]


def test_a_letter_called_by_what_it_does():
    # 27e00d593ec30fac, 58afeb4af978fe53
    assert _cited("Văn bản giải trình, tiếp thu số 6253/UBND-SNV ngày 25 tháng 11 năm 2025 của UBND") == [
        ("CV", "6253/UBND-SNV")
    ]
    assert _cited("Văn bản giải trình số 6260/UBND-ĐT ngày 25 tháng 11 năm 2025 của Ủy ban nhân dân") == [
        ("CV", "6260/UBND-ĐT")
    ]


def test_a_letter_called_vb():
    # 74e2ddc7b11340da
    assert _cited("- Ngày 05/11/2025, VPCP có VB số 10781/VPCP-CN gửi Bộ trưởng Bộ Xây dựng") == [
        ("CV", "10781/VPCP-CN")
    ]


def test_a_department_numbered_in_roman_figures():
    # 8018a6f353d60a9e: the Government Office's Vụ I; 947faf570b64de0a: a regional tax office
    line = (
        "tại Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025 và số 7514/VPCP-V.I ngày 12 tháng 8 năm 2025"
    )
    assert _cited(line) == [("CV", "6721/VPCP-V.I"), ("CV", "7514/VPCP-V.I")]
    assert _cited("theo công văn số 545/CCTKV.VIII-CNTK ngày 02/6/2025") == [("CV", "545/CCTKV.VIII-CNTK")]


def test_an_ordinance_by_name_and_number():
    # 0abcf1a5292b31ec (Nghị quyết 37/2025/NQ-HĐND of Huế): Pháp lệnh was no document type, its citation none
    line = "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;\n"
    citations, _ = _extracted(line)
    ((ref,),) = [[c.target for c in citations]]
    assert (ref.type_code, ref.symbol, ref.issuer_code, ref.name) == (
        "PL",
        "02/2020/UBTVQH14",
        "UBTVQH",
        "Pháp lệnh Ưu đãi người có công với cách mạng",
    )


def test_a_decree_guides_the_ordinance_the_same_text_numbers():
    # ad52bc0b105a20cd: the ordinance numbered in one line, named alone in the next
    text = (
        "- Pháp lệnh số 02/2020/UBTVQH14 ngày 09/12/2020 của Ủy ban Thường vụ Quốc hội;\n"
        "- Nghị định số 131/2021/NĐ-CP ngày 30/12/2021 của Chính phủ quy định chi tiết và biện pháp thi hành "
        "Pháp lệnh Ưu đãi người có công với cách mạng.\n"
    )
    citations, relations = _extracted(text)
    assert [(c.target.type_code, c.target.symbol) for c in citations][:2] == [
        ("PL", "02/2020/UBTVQH14"),
        ("NĐ", "131/2021/NĐ-CP"),
    ]
    assert [(r.kind, r.source.symbol, r.target.type_code) for r in relations if r.source] == [
        ("guides", "131/2021/NĐ-CP", "PL")
    ]
