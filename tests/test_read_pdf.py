"""PDF (text layer, tables, pages), OCR of scans and mis-encoded layers, Word as published.

Every file here is a real published document (tests/files/SOURCE.md).  OCR runs
Tesseract once per file per session: the cache is a session folder.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from graph import ocr
from graph.build import build
from graph.model import InputError, SourceFile
from graph.normalise import normalise, ocr_fixed
from graph.pipeline import parse_file, parse_source
from graph.queries import run_query, term_text
from graph.rdf import document_graph, evidence_span
from graph.read import read_source
from graph.read_pdf import ocr_page_text, text_layer
from graph.resolve import resolve
from graph.segment import segment
from graph.store import open_store
from graph.vocab import DCTERMS, PG

FILES = Path(__file__).resolve().parent / "files"
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
KH_DOCX = FILES / "kh-2242-sct-lao-cai.docx"
KH_PDF = FILES / "kh-2242-sct-lao-cai.pdf"
KH_DOC = FILES / "kh-2242-sct-lao-cai.doc"
SCAN = FILES / "gp-bct-van-chuyen-hang-nguy-hiem-scan.pdf"
LEGACY_FONT = FILES / "466-pc-vpubnd-lao-cai-font-cu.pdf"
FONT_SWITCH = FILES / "bb-nghiem-thu-kho-nam-cang.pdf"
OI_FONT = FILES / "1178-dck-ctt-bo-cong-thuong.pdf"
ND_24 = FILES / "nd-24-2026-danh-muc-hoa-chat.docx"
YEN_HA = FILES / "tb-tham-dinh-thuy-dien-yen-ha.docx"

TASK_TABLE = [
    "TT",
    "Nhiệm vụ thực hiện",
    "Người thực hiện",
    "Ghi chú",
    "1.",
    "Rà soát việc đáp ứng các điều kiện của học viên",
    "Đỗ Mạnh Cường",
    "Vũ Việt Linh",
    "Nguyễn Thị Loan",
    "2.",
    "Xây dựng bài kiểm tra, đáp án",
    "Đỗ Mạnh Cường",
    "Vũ Việt Linh",
    "3.",
    "Tổ chức kiểm tra",
    "Đỗ Mạnh Cường",
    "Vũ Việt Linh",
    "Nguyễn Thị Loan",
    "4.",
    "Tổ chức chấm bài",
    "Vũ Việt Linh",
    "5.",
    "Rà soát vào điểm",
    "Nguyễn Thị Loan",
    "6.",
    "Xây dựng quyết định công nhận kết quả kiểm tra",
    "Vũ Việt Linh",
    "7.",
    "In ấn chứng chỉ",
    "Vũ Việt Linh",
    "8.",
    "Rà soát chứng chỉ trước khi trình",
    "Đỗ Mạnh Cường",
    "Vũ Việt Linh",
    "Nguyễn Thị Loan",
    "9.",
    "Trình ký chứng chỉ",
    "Đỗ Mạnh Cường",
]


@pytest.fixture(scope="module", autouse=True)
def ocr_cache(tmp_path_factory):
    """One OCR cache for the module, outside the tree."""
    folder = tmp_path_factory.mktemp("ocr-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ocr.CACHE_ENV, str(folder))
        yield folder


def _table_lines(text: str) -> list[str]:
    """The lines from the task table's header to the end, page numbers left out."""
    start = text.index("\nTT\n") + 1
    return [line.strip() for line in text[start:].splitlines() if line.strip() and not line.strip().isdigit()]


# --------------------------------------------------------------- text PDF


def test_pdf_task_table_reads_cell_by_cell_like_the_word_original():
    pdf, word = read_source(KH_PDF), read_source(KH_DOCX)
    assert pdf.encoding == "pdf"
    assert pdf.media_type == "application/pdf"
    assert _table_lines(pdf.text) == TASK_TABLE
    assert _table_lines(word.text) == TASK_TABLE


def test_pdf_pages_are_mapped_and_page_numbers_blanked():
    source = read_source(KH_PDF)
    assert len(source.page_starts) == 5
    assert source.page_at(source.text.index("Căn cứ Luật Quản lý")) == 1
    assert source.page_at(source.text.index("Rà soát việc đáp ứng")) == 4
    # the table's last row runs on to page 5, under the printed page number "5"
    row_9 = source.text.index("Trình ký chứng chỉ")
    assert source.page_at(row_9) == 5
    number_line = source.text.rindex("\n5\n", 0, row_9) + 1
    assert source.text[source.page_starts[4] : row_9].split() == ["5", "9."]
    body = segment(normalise(source)).body
    assert body[number_line] == " "  # the segmenter's page-number mask


def test_pdf_header_columns_keep_a_wide_gap_the_metadata_reader_splits_on():
    source = read_source(KH_PDF)
    assert source.text.startswith(
        "UBND TỈNH LÀO CAI    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\n"
        "SỞ CÔNG THƯƠNG    Độc lập - Tự do - Hạnh phúc\n"
    )
    meta = parse_source(source).meta
    assert meta.ref.type_code == "KH"
    assert meta.ref.jurisdiction == "vn-02"  # Lào Cai
    assert meta.unnumbered  # "Số:    /KH-SCT": signed without a number yet


def test_pdf_syllable_switching_font_midway_stays_one_word():
    text = read_source(FONT_SWITCH).text
    assert "III. Thành phần tham gia nghiệm thu:" in text
    assert "1. Đại diện chủ đầu tư: Công ty cổ phần đầu tư xây dựng hạ tầng cơ sở" in text
    assert "- Ông Phạm Xuân Phường    Chức vụ: Phó Tổng Giám đốc" in text


def test_pdf_font_writing_u_horn_as_oi_is_read_as_u_horn():
    source = read_source(OI_FONT)
    assert "Ƣ" not in source.text and "ƣ" not in source.text
    assert source.text.startswith("BỘ CÔNG THƯƠNG    CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    # the letter is the Cục's, printed beneath its ministry over three lines ("CỤC ĐỔI MỚI SÁNG TẠO," / "CHUYỂN
    # ĐỔI XANH VÀ" / "KHUYẾN CÔNG"), its symbol "/ĐCK-CTT"; it had been read as the ministry's (BCT)
    ref = parse_source(source).meta.ref
    assert (ref.issuer_code, ref.issuer_name, ref.jurisdiction) == (
        "ĐCK",
        "Cục Đổi mới sáng tạo, chuyển đổi xanh và Khuyến công",
        "vn",
    )


def test_pdf_pages_go_into_the_provenance_as_pdf_fragment_iris():
    """The span <source>#char=… is part of each page it lies on, <source>#page=N (RFC 8118)."""
    doc = parse_file(KH_PDF)
    graph = document_graph(doc, resolve([doc]))
    pages_seen = set()
    for evidence in set(graph.objects(None, PG.evidence)):
        named = evidence_span(str(evidence))
        assert named is not None, evidence
        source, start, end = named
        pages = {str(page) for page in graph.objects(evidence, DCTERMS.isPartOf)}
        first, last = doc.source.page_at(start), doc.source.page_at(end - 1)
        assert pages == {f"{source}#page={n}" for n in range(first, last + 1)}, evidence
        pages_seen |= set(range(first, last + 1))
    assert {1, 2, 3} <= pages_seen  # the "Căn cứ" citations of page 1 and 2, the plan's parts on 3
    assert not list(graph.subjects(RDF.type, PROV.Activity))  # nothing was OCR'd


# --------------------------------------------------------------------- OCR


def test_scan_without_text_layer_is_read_by_ocr_and_marked(ocr_cache):
    source = read_source(SCAN)
    assert source.encoding == "ocr"
    assert source.ocr_pages == (1,)
    assert re.fullmatch(r"Tesseract \d+\.\d+\.\d+ \(vie, 300 dpi\)", source.ocr_engine)
    assert "Bộ Công Thương cho phép:" in source.text
    assert "Hà Nội, ngày 20 tháng" in source.text
    cached = json.loads((ocr_cache / f"{hashlib.sha256(SCAN.read_bytes()).hexdigest()}.json").read_text())
    assert (cached["format"], cached["engine"]) == ("words-1", source.ocr_engine)
    assert ocr_page_text(cached["pages"]["1"]).strip() == source.text.strip()
    # laid out as a text layer: the header's two columns apart by a wide gap
    assert source.text.startswith("BỘ CÔNG THƯƠNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")


def test_stamped_number_and_unreadable_month_are_left_unknown():
    meta = parse_file(SCAN).meta
    assert meta.ref.issuer_code == "BCT"
    assert meta.ref.number is None  # "SỐ: œ2 đGP-BCT": the stamp is not read as a number
    assert meta.ref.date is None  # "ngày 20 tháng € năm 2025"


def test_ocr_provenance_names_the_engine_on_every_fact_of_an_ocr_page():
    doc = parse_file(SCAN)
    graph = document_graph(doc, resolve([doc]))
    activities = list(graph.subjects(RDF.type, PROV.Activity))
    assert len(activities) == 1
    labels = {
        str(label)
        for label in graph.objects(activities[0], URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    }
    assert any(
        label.startswith("OCR by Tesseract") and "check against the original" in label for label in labels
    )
    agent = graph.value(activities[0], PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    evidence = set(graph.objects(None, PG.evidence))
    assert evidence and all((ev, PROV.wasGeneratedBy, activities[0]) in graph for ev in evidence)


def test_rebuild_reads_ocr_from_the_cache(monkeypatch):
    first = read_source(SCAN)

    def no_ocr(*args):
        raise AssertionError("OCR ran again")

    monkeypatch.setattr(ocr, "_ocr_page", no_ocr)
    assert read_source(SCAN).text == first.text


def test_legacy_font_text_layer_goes_through_ocr():
    layer = "".join(text_layer(LEGACY_FONT, LEGACY_FONT.name))
    # glyph codes without a Unicode map, not letters
    assert layer.startswith(
        "UBND (cid:55)(cid:1228)(cid:49)(cid:43) LÀO CAI    (cid:38)(cid:1244)(cid:49)(cid:42) HOÀ XÃ"
    )
    source = read_source(LEGACY_FONT)
    assert source.encoding == "ocr"
    assert "UBND TỈNH LÀO CAI" in source.text
    assert "Số: 466 /PC-VPUBND" in source.text
    assert parse_source(source).meta.ref.symbol == "466/PC-VPUBND"


def test_without_tesseract_a_scan_is_refused_naming_why_and_text_pdfs_still_read(monkeypatch, tmp_path):
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))  # nothing cached
    monkeypatch.setattr(
        ocr, "engine", lambda: (None, "chưa cài Tesseract OCR (Tesseract OCR is not installed)")
    )
    with pytest.raises(InputError) as err:
        read_source(SCAN)
    assert str(err.value) == (
        f"{SCAN.name}: PDF quét, không có lớp chữ: cần OCR nhưng chưa cài Tesseract OCR (Tesseract OCR is not "
        "installed); cài đặt: apt-get install tesseract-ocr tesseract-ocr-vie (a scanned PDF with no text layer: "
        "it needs OCR, but chưa cài Tesseract OCR (Tesseract OCR is not installed); install it: "
        "apt-get install tesseract-ocr tesseract-ocr-vie)"
    )
    with pytest.raises(InputError) as err:
        read_source(LEGACY_FONT)
    assert "the PDF's text layer is not readable Vietnamese" in str(err.value)
    assert read_source(KH_PDF).encoding == "pdf"


# Lines as Tesseract printed them from scans of corpus/files (Cục Hóa chất 813/HC-CNHC, a Lào Cai
# decision, a record of violations), and what parsing gets after normalisation.
OCR_LINES = [
    (
        "1, Về công bố mục đích sử dụng hóa chất trên Cơ sở đữ liệu chuyên",
        "1. Về công bố mục đích sử dụng hóa chất trên Cơ sở đữ liệu chuyên",
    ),
    ("nh Lào Cai ngày 12 tháng l1 năm", "nh Lào Cai ngày 12 tháng 11 năm"),
    (
        "ên bản vi phạm hành chính số 23⁄BB-VPHC lập ngày 26",
        "ên bản vi phạm hành chính số 23/BB-VPHC lập ngày 26",
    ),
    ("điện trở tiếp địa đảm bảo <10O mới đạt yêu cầu.", "điện trở tiếp địa đảm bảo <10O mới đạt yêu cầu."),
    ("Nhóm 1.1, 1.2 và 1.5 Loại l1:", "Nhóm 1.1, 1.2 và 1.5 Loại l1:"),
    ("TĨNH LÀO CAI    Độc lập - Tự do - Hạnh phúc", "TỈNH LÀO CAI    Độc lập - Tự do - Hạnh phúc"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TĨNH LÀO CAI", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI"),
    ("Ủy ban nhân dân tĩnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("UBND TỈNH HÀ TĨNH", "UBND TỈNH HÀ TĨNH"),
    ("không gian yên tĩnh và", "không gian yên tĩnh và"),
    # Quyết định 1050/QĐ-SCT of Sở Công Thương Lào Cai (tests/corpus/holdout5), its legacy-font layer OCR'd
    (
        "chỉ tiết Luật Xử lý vi phạm hành chính về thẩm quyên xử phạt vi phạm hành chính;",
        "chi tiết Luật Xử lý vi phạm hành chính về thẩm quyên xử phạt vi phạm hành chính;",
    ),
    (
        "Quy định chỉ tiết một số điều của Luật Quản lý, sử dụng vũ khi, vật liệu nổ và",
        "Quy định chi tiết một số điều của Luật Quản lý, sử dụng vũ khi, vật liệu nổ và",
    ),
    ("Chỉ tiêu tiết kiệm năng lượng", "Chỉ tiêu tiết kiệm năng lượng"),
    # Giấy phép 184/GP-BKHCN (tests/corpus/holdout6), a scan: the acute of "số" lost before a number
    (
        "ty đã đăng ký và công bố áp dụng, tuân thủ các quy định tại Nghị định sô\n34/2024/NĐ-CP ngày 31/3/2024",
        "ty đã đăng ký và công bố áp dụng, tuân thủ các quy định tại Nghị định số\n34/2024/NĐ-CP ngày 31/3/2024",
    ),
    ("Văn bản sô: 12/UBND-KT", "Văn bản số: 12/UBND-KT"),
    ("bánh sô 12 chiếc, sô cô la", "bánh sô 12 chiếc, sô cô la"),
]


@pytest.mark.parametrize("printed, fixed", OCR_LINES)
def test_ocr_misreads_in_numbers_are_undone_only_where_they_are_certain(printed, fixed):
    text = f"{printed}\n"
    source = SourceFile("x.pdf", "x.pdf", "0" * 64, "ocr", text, "application/pdf", (0,), (1,), "Tesseract")
    assert ocr_fixed(source) == f"{fixed}\n"
    assert list(normalise(source).origin[: len(text)]) == list(range(len(text)))  # offsets unchanged


def test_ocr_fixes_apply_to_ocr_pages_only():
    text = "ngày l6 tháng 3\n\nngày l6 tháng 3\n"
    source = SourceFile(
        "x.pdf", "x.pdf", "0" * 64, "pdf+ocr", text, "application/pdf", (0, 17), (2,), "Tesseract"
    )
    assert ocr_fixed(source) == "ngày l6 tháng 3\n\nngày 16 tháng 3\n"


# -------------------------------------------------------------------- Word


def test_word_automatic_numbering_is_printed_as_in_the_document():
    lines = read_source(YEN_HA).text.splitlines()
    numbered = [line for line in lines if re.match(r"(?:[IVX]+|\d+)\. ", line)]
    part_2 = numbered.index("II. HỒ SƠ TRÌNH THẨM ĐỊNH THIẾT KẾ XÂY DỰNG")
    assert numbered[part_2 + 1 : part_2 + 3] == [
        "1. Văn bản pháp lý",
        "2. Danh mục hồ sơ, tài liệu khảo sát, thiết kế, thẩm tra",
    ]
    part_4 = numbered.index("IV. PHẠM VI, CƠ SỞ VÀ NGUYÊN TẮC THẨM ĐỊNH")
    assert numbered[part_4 + 1] == "1. Phạm vi, cơ sở thực hiện thẩm định"  # a new list restarts at 1
    # typed numbers in paragraphs whose list numbering Word switched off get no second label
    assert "1. Tên công trình: Thủy điện Yên Hà." in lines


def test_decree_whose_text_is_mostly_chemical_tables_is_vietnamese():
    doc = parse_file(ND_24)
    assert doc.meta.ref.symbol == "24/2026/NĐ-CP"
    assert str(doc.meta.ref.date) == "2026-01-17"


def test_word_97_doc_is_read_through_antiword_with_table_cells_one_per_line():
    source = read_source(KH_DOC)
    assert source.encoding == "doc"
    assert source.media_type == "application/msword"
    assert source.text.startswith("UBND TỈNH LÀO CAI\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG\n")
    # antiword does not print Word's automatic numbers: the "TT" cells are empty
    assert _table_lines(source.text)[:8] == [line for line in TASK_TABLE if not line.endswith(".")][:8]


def test_corrupt_doc_is_refused_with_antiword_reason(tmp_path):
    path = tmp_path / "hong.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value).startswith("hong.doc: tệp .doc hỏng hoặc không đọc được: ")


@pytest.mark.parametrize("hostile", ["-w.doc", "-s.doc", "--help.doc"])
def test_a_doc_whose_name_reads_as_an_option_is_read_as_the_file(tmp_path, monkeypatch, hostile):
    """`policy-graph build .` names the files of the current folder without a folder in front:
    a real .doc called '-w.doc' reached antiword as its options ('-w .doc') and was refused as
    corrupt (stop 18); a file's name must never steer the program that reads it."""
    (tmp_path / hostile).write_bytes(KH_DOC.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert read_source(Path(hostile)).text == read_source(KH_DOC).text


# ------------------------------------------------------------------ chains

SEED_PLAN_214 = "quang-ngai_kh-ubnd_2024_214.txt"
PLAN_214_PDF = FILES / "kh-214-ubnd-quang-ngai-2024.pdf"


def _chain_down(store) -> list[tuple]:
    result = run_query(store, "chain-down", {"doc": "29-NQ/TW"})
    return [tuple(term_text(r.get(c)) for c in result.columns) for r in result.rows]


def test_plan_given_as_pdf_parses_like_its_text():
    pdf, text = parse_file(PLAN_214_PDF), parse_file(RAW / SEED_PLAN_214)
    assert pdf.meta.ref == text.meta.ref
    numbered = lambda doc: sorted((r.kind, r.target.symbol) for r in doc.relations if r.target.symbol)  # noqa: E731
    assert numbered(pdf) == numbered(text)
    # task by task with the same lead bodies (LibreOffice's fallback font maps a few letters of
    # this PDF to the wrong code point, "thể" → "thế", so the task texts are not compared; it
    # also prints "các sơ, ban, ngành" in item VI.1, which then names no group of bodies, so that
    # item is a task of the text only)
    assert [(t.label, [a.name for a in t.lead]) for t in pdf.tasks] == [
        (t.label, [a.name for a in t.lead]) for t in text.tasks if t.label != "1."
    ]
    assert len(pdf.tasks) == 42
    assert len(pdf.indicators) == len(text.indicators) == 9


def test_plan_given_as_pdf_makes_the_same_two_step_chain(tmp_path, seed_store):
    """214/KH-UBND (Quảng Ngãi) carries out 111/NQ-CP, which carries out 29-NQ/TW, and 700/QĐ-TTg, which carries
    out 13-KH/TW, which carries out 29-NQ/TW: as a PDF too."""
    folder = tmp_path / "raw"
    folder.mkdir()
    for seed in RAW.glob("*.txt"):
        if seed.name != SEED_PLAN_214:
            shutil.copy(seed, folder / seed.name)
    shutil.copy(PLAN_214_PDF, folder / PLAN_214_PDF.name)
    report = build([folder], tmp_path / "store", tmp_path / "ttl")
    assert not report.rejected
    chain = _chain_down(open_store(tmp_path / "store"))
    assert chain == _chain_down(seed_store)
    assert ("https://w3id.org/policy-graph/eli/vn-29/kh/2024/214", "214/KH-UBND") in [
        row[:2] for row in chain
    ]
    depth_of_214 = next(row[-1] for row in chain if row[1] == "214/KH-UBND")
    assert depth_of_214 == "3"  # 214 → 700/QĐ-TTg → 13-KH/TW → 29-NQ/TW
