"""Document identity across files (sources of the real files: tests/real/SOURCES.md)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from graph.model import ParsedDocument, SourceFile
from graph.pipeline import parse_source
from graph.resolve import resolve

REAL = Path(__file__).parent / "real"
# two thuvienphapluat.vn Q&A pages of the real corpus: neither prints a number, date or title,
# both are read as of Bộ Công an (BCA). The reader refuses such pages (test_read.py); the resolver
# is tested on their text, which stands for any text that prints nothing identifying.
QA_CARD_CIRCULAR = REAL / "2309cfa89d8d9501.txt"
QA_VNEID = REAL / "836d98f08440889f.txt"


def parse_file(path: Path) -> ParsedDocument:
    data = path.read_bytes()
    source = SourceFile(str(path), path.name, hashlib.sha256(data).hexdigest(), "utf-8", data.decode("utf-8"))
    return parse_source(source)


def test_two_texts_that_print_nothing_identifying_are_two_documents():
    first, second = parse_file(QA_CARD_CIRCULAR), parse_file(QA_VNEID)
    for doc in (first, second):
        ref = doc.meta.ref
        assert (ref.issuer_code, ref.number, ref.date, ref.year, ref.title) == ("BCA", None, None, None, None)
    res = resolve([first, second])
    assert res.self_iri(first) != res.self_iri(second)
    assert res.self_iri(first).startswith("https://w3id.org/policy-graph/eli/vn/vb/undated/draft-")


def test_two_copies_of_one_such_text_are_one_document(tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copyfile(QA_CARD_CIRCULAR, copy)
    original, duplicate = parse_file(QA_CARD_CIRCULAR), parse_file(copy)
    res = resolve([original, duplicate])
    assert res.self_iri(original) == res.self_iri(duplicate)


def _excerpt(name: str, text: str) -> ParsedDocument:
    source = SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text)
    return parse_source(source)


# real headers and preamble lines (corpus/real, thuvienphapluat.vn pages; the file named)
DECISION_QP = (  # 1e6fb98e16a75e3d.txt lines 1-8, 21: a consolidated decision citing the Law on Pharmacy of 2005
    "BỘ QUỐC PHÒNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 89/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    "VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ HOẠT ĐỘNG CỦA CẢNG QUỐC TẾ CAM RANH - BỘ QUỐC PHÒNG\n"
    "Căn cứ Luật Dược ngày 14 tháng 6 năm 2005;\n"
)
DECISION_LC = (  # e7792cccbca70a64.txt lines 1-6, 15-16 and 30: the Law on Pharmacy of 2016, then by name alone
    "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 2926/QĐ-UBND\nLai Châu, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    "Căn cứ Luật Dược ngày 06 tháng 4 năm 2016; Luật\n"
    "sửa đổi, bổ sung một số điều của Luật Dược ngày 21 tháng 11 năm 2024;\n"
    "hướng dẫn thi hành Luật Dược;\n"
)


def test_a_law_named_beside_two_years_is_two_laws():
    """ "Luật Dược" of 2005 and of 2016 are two laws the corpus prints by name with their dates of passing: each
    dated mention goes to its year's node (they had been one node with two dates); a mention without a year
    stays on the name's node, which cannot say which law it means."""
    docs = [_excerpt("1e6fb98e16a75e3d.txt", DECISION_QP), _excerpt("e7792cccbca70a64.txt", DECISION_LC)]
    res = resolve(docs)
    iris = {
        (c.target.name, c.target.year): res.document_iri(c.target, doc)
        for doc in docs
        for c in doc.citations
        if c.target.name == "Luật Dược"
    }
    base = "https://w3id.org/policy-graph/eli/vn/luat"
    assert iris == {
        ("Luật Dược", 2005): f"{base}/2005/name/luat-duoc",
        ("Luật Dược", 2016): f"{base}/2016/name/luat-duoc",
        ("Luật Dược", None): f"{base}/name/luat-duoc",
    }


def test_a_law_named_beside_one_year_is_one_node():
    docs = [_excerpt("e7792cccbca70a64.txt", DECISION_LC)]
    res = resolve(docs)
    assert {
        res.document_iri(c.target, docs[0]) for c in docs[0].citations if c.target.name == "Luật Dược"
    } == {"https://w3id.org/policy-graph/eli/vn/luat/name/luat-duoc"}


LETTER_CT = (  # 03890575449f6e05.txt lines 1-6, 30-32 and 42-43: "Luật Quản lý thuế" twice
    "BỘ TÀI CHÍNH CỤC THUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 5615/CT-CS V/v Mẫu tờ khai liên quan đến thực hiện Nghị quyết số 98/2023/QH15\n"
    "Hà Nội, ngày 28 tháng 11 năm 2025\n- Khoản 3 Điều 7 Nghị định số\n126/2020/NĐ-CP ngày 19/10/2020 của "
    "Chính phủ quy định chi tiết một số điều\ncủa Luật Quản lý thuế quy định.\n"
    "- Căn cứ Thông tư số 80/2021/TT-BTC ngày 29/9/2021\ncủa Bộ Tài chính hướng dẫn thi hành một số điều của "
    "Luật Quản lý thuế và\nNghị định số 126/2020/NĐ-CP ngày 19/10/2020\n"
)
CIRCULAR_BTC = (  # b3bb1db5fda14e02.txt lines 1-7 and 110: "Luật Quản lý thuê", a slip for "thuế"
    "BỘ TÀI CHÍNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n---------------\n"
    "Số: 109/2025/TT-BTC\nHà Nội, ngày 18 tháng 11 năm 2025\nTHÔNG TƯ\n"
    "Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phí và lệ phí; Luật Quản lý thuê; "
    "Nghị định\n"
)


def test_spellings_of_a_name_that_slug_alike_are_one_node_with_the_most_printed_label():
    docs = [_excerpt("03890575449f6e05.txt", LETTER_CT), _excerpt("b3bb1db5fda14e02.txt", CIRCULAR_BTC)]
    res = resolve(docs)
    completed = {
        res.complete(c.target, doc).name
        for doc in docs
        for c in doc.citations
        if c.target.name and c.target.name.startswith("Luật Quản lý thu")
    }
    assert completed == {"Luật Quản lý thuế"}
