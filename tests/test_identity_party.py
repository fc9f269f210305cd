"""The issuer of a central Party document cited by its bare symbol, across files (excerpts, unchanged, of the
corpus/real files named beside them: thuvienphapluat.vn pages of the public repository tnt305/tai_lieu_noi_bo)."""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from graph.model import ParsedDocument, SourceFile
from graph.pipeline import parse_source
from graph.rdf import document_graph
from graph.resolve import resolve
from graph.vocab import ELI

RESOLUTION_57 = URIRef("https://w3id.org/policy-graph/eli/vn/nq/2024/57-tw")

PLAN_DONG_THAP = (  # 689f49d25e51cbaa.txt lines 1-9: the resolution with its issuer
    "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 597/KH-UBND\nĐồng Tháp, ngày 27 tháng 11 năm 2025\nKẾ HOẠCH\n"
    "CHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG XÂY DỰNG, QUẢN LÝ, KHAI THÁC KẾT CẤU HẠ TẦNG GIAO THÔNG TRÊN ĐỊA BÀN TỈNH ĐỒNG "
    "THÁP\nCăn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
    "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia (sau đây gọi tắt là Nghị quyết số 57-NQ/TW);\n"
)
NOTICE_VPCP = (  # 74e2ddc7b11340da.txt lines 1-7 and 305-308: the same resolution by its bare symbol
    "VĂN PHÒNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 624/TB-VPCP\nHà Nội, ngày 16 tháng 11 năm 2025\nTHÔNG BÁO\n"
    "xác định nhiệm vụ, chương trình, đề án, dự án và dự toán kinh phí theo quy định;\n"
    "đề xuất nhu cầu kinh phí thực hiện các nhiệm vụ, dự án đáp ứng yêu cầu Nghị\n"
    "quyết số 57-NQ/TW và Kế hoạch 02-KH/BCĐTW của Ban Chỉ đạo, gửi Bộ Khoa học và\n"
    "Công nghệ, Bộ Tài chính để tổng hợp, đề xuất, phân bổ kinh phí. Các cơ quan,\n"
)


def _excerpt(name: str, text: str) -> ParsedDocument:
    return parse_source(SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text))


def test_a_party_resolution_cited_bare_is_passed_by_the_body_the_corpus_names():
    # "/TW" ends the symbols of the Central Committee, the Politburo and the Secretariat alike: the bare mention
    # made 57-NQ/TW passed by the Central Committee (the symbol's default) beside the Politburo
    docs = [_excerpt("689f49d25e51cbaa.txt", PLAN_DONG_THAP), _excerpt("74e2ddc7b11340da.txt", NOTICE_VPCP)]
    res = resolve(docs)
    issuers = {str(o) for doc in docs for o in document_graph(doc, res).objects(RESOLUTION_57, ELI.passed_by)}
    assert issuers == {"https://w3id.org/policy-graph/org/vn/bo-chinh-tri"}
