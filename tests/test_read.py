"""read_source: seeds, encodings, legacy fonts, .docx with footnotes, HTML, bad input."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from graph.model import InputError
from graph.normalise import (
    _NEEDS_CLUSTERS,
    _crlf_origin,
    _needs_clusters,
    _normalise_lines,
    clean,
    normalise,
)
from graph.pipeline import parse_file
from graph.read import iter_input_files, read_source

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = sorted(RAW.glob("*.txt"))
SEED_004 = RAW / "quang-ngai_kh-ubnd_2024_214.txt"
SEED_004_SHA256 = "4478c4c3e9e6165ef5ec3e79501899e981107ac7bb5cdd192eb05a7ea86e23c2"
SEED_003 = RAW / "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"

# ------------------------------------------------------------------ seeds


def test_five_seeds_present():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_seed_reads_as_utf8_plain_text(seed):
    source = read_source(seed)
    assert source.encoding == "utf-8"
    assert source.media_type == "text/plain"
    assert source.name == seed.name
    assert source.path == str(seed)
    assert source.text == seed.read_text(encoding="utf-8")
    assert source.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()


def test_seed_004_exact_length_and_pinned_hash():
    source = read_source(SEED_004)
    assert len(source.text) == 29415
    assert source.sha256 == SEED_004_SHA256
    assert source.text.startswith(" ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n")


def test_seed_003_is_kept_as_decoded_not_normalised():
    source = read_source(SEED_003)
    assert len(source.text) == 42353
    assert not unicodedata.is_normalized("NFC", source.text)
    assert source.text.count("[footnoteRef:") == 29


# -------------------------------------------------------------- encodings

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _encode_cp1258(text: str) -> bytes:
    """Encode NFC text as Windows-1258 does: vowel letters precomposed, tone marks combining.

    ``"ặ"`` → ``"ă" + U+0323``.  Characters cp1258 cannot hold at all (the
    Icelandic ``"Ð"`` some seeds use for Đ) become ``"?"``.
    """
    out = bytearray()
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        tones = "".join(c for c in decomposed if c in _TONE_MARKS)
        for candidate in (char, letter + tones):
            try:
                out += candidate.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += b"?"
    return bytes(out)


def _unencodable_as_question_marks(text: str) -> str:
    return unicodedata.normalize("NFC", _encode_cp1258(text).decode("cp1258"))


ENCODERS = {
    "utf-8-sig": (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    "utf-16": (lambda t: t.encode("utf-16"), "utf-16"),
    "utf-16-be-bom": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
    "utf-16-le-no-bom": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be-no-bom": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    "cp1258": (lambda t: _encode_cp1258(unicodedata.normalize("NFC", t)), "cp1258"),
}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", sorted(ENCODERS))
def test_reencoded_seed_reads_back_to_same_normalised_text(tmp_path, seed, encoding):
    encode, expected_name = ENCODERS[encoding]
    original = seed.read_text(encoding="utf-8")
    copy = tmp_path / seed.name
    copy.write_bytes(encode(original))
    source = read_source(copy)
    assert source.encoding == expected_name
    assert source.sha256 == hashlib.sha256(copy.read_bytes()).hexdigest()
    reference = read_source(seed)
    if encoding == "cp1258":  # what cp1258 cannot hold (U+00D0 "Ð") was written as "?"
        reference = dataclasses.replace(reference, text=_unencodable_as_question_marks(reference.text))
    assert normalise(source).text == normalise(reference).text


def test_cp1258_gives_decomposed_tone_marks_that_normalise_recomposes(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_bytes(_encode_cp1258("KẾ HOẠCH thực hiện Nghị quyết của Tỉnh ủy và các sở"))
    source = read_source(path)
    assert source.encoding == "cp1258"
    assert source.text.startswith("KÊ\u0301 HOA\u0323CH")
    assert normalise(source).text == "KẾ HOẠCH thực hiện Nghị quyết của Tỉnh ủy và các sở"


# -------------------------------------------------------------- normalise

_LINE_ENDINGS = {"lf": lambda t: t, "crlf": lambda t: t.replace("\n", "\r\n")}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("endings", sorted(_LINE_ENDINGS))
def test_whole_document_normalisation_equals_line_by_line(seed, endings):
    """A document normalised in one piece (NFC, nothing dropped: the usual case) gets the text and
    offset map the line-by-line normalisation gives; seed 000 has the Icelandic Eth for Đ, seed 003
    is not NFC (it goes line by line)."""
    source = read_source(seed)
    source = dataclasses.replace(source, text=_LINE_ENDINGS[endings](source.text))
    raw = source.text.replace("\r\n", "\n")
    normalised = normalise(source)
    by_line = _normalise_lines(source, raw, _crlf_origin(source.text))
    assert normalised.text == by_line.text
    assert list(normalised.origin) == list(by_line.origin)
    assert normalised.origin[len(normalised.text)] == len(source.text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nghị quyết số 29-NQ/TW", False),  # NFC Vietnamese
        ("KÊ\u0301 HOA\u0323CH", True),  # cp1258: tone marks combining
        ("Trung \u00ad¬ng", True),  # a soft hyphen (TCVN3 text as Latin-1 shows it)
        ("Kế hoạch\ufeff", True),  # a byte-order mark left inside
        ("ký hiệu \U0001d11e", False),  # an astral character that is no mark
        ("ký hiệu \U0001d11e\U0001d167", True),  # an astral combining mark
    ],
)
def test_needs_clusters_is_the_line_pattern_over_a_whole_text(text, expected):
    assert _needs_clusters(text) is expected
    assert bool(_NEEDS_CLUSTERS.search(text)) is expected


@pytest.mark.parametrize(
    "extracted, cleaned",
    [
        ("Nghị quyết số 29-\nNQ/TW", "Nghị quyết số 29-NQ/TW"),  # seed 000: a symbol cut at a line end
        ("giai đoạn 2021 -\n2030", "giai đoạn 2021 - 2030"),  # a spaced dash keeps its space
        ("công nghiệp hoá, hiện đại\nhóa ", "công nghiệp hoá, hiện đại hóa"),
        # web text: no-break and ideographic spaces, a space before the punctuation after them
        ("Sở Y tế\u00a0, Sở Tài\u3000chính\t;  UBND tỉnh )", "Sở Y tế, Sở Tài chính; UBND tỉnh)"),
        (
            "(Kèm theo Kế hoạch số 214/KH-UBND\n ngày 06/11/2024 )  .",
            "(Kèm theo Kế hoạch số 214/KH-UBND ngày 06/11/2024).",
        ),
    ],
)
def test_clean_undoes_wraps_and_collapses_whitespace(extracted, cleaned):
    assert clean(extracted) == cleaned


# ----------------------------------------------------------- legacy fonts

# Text typed in the TCVN3 (ABC) .VnTime font, as Latin-1 shows it.
TCVN3_TEXT = (
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"
    "§éc lËp - Tù do - H¹nh phóc\n"
    "KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 29-NQ/TW cña Ban ChÊp hµnh Trung \u00ad¬ng §¶ng "
    "vÒ tiÕp tôc ®Èy m¹nh c«ng nghiÖp ho¸, hiÖn ®¹i ho¸ ®Êt n\u00adíc\n"
)
TCVN3_UNICODE = (
    "Cộng hoà xã hội chủ nghĩa Việt Nam\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Kế hoạch thực hiện Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng "
    "về tiếp tục đẩy mạnh công nghiệp hoá, hiện đại hoá đất nước\n"
)


def test_tcvn3_bytes_are_converted_to_unicode(tmp_path):
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(TCVN3_TEXT.encode("latin-1"))
    source = read_source(path)
    assert source.encoding == "tcvn3"
    assert source.text == TCVN3_UNICODE


def test_tcvn3_glyphs_saved_as_utf8_are_converted(tmp_path):
    path = tmp_path / "tcvn3-utf8.txt"
    path.write_text(TCVN3_TEXT, encoding="utf-8")
    source = read_source(path)
    assert source.encoding == "utf-8+tcvn3"
    assert source.text == TCVN3_UNICODE


# The same heading typed in a VNI font, as Latin-1 shows it.
VNI_TEXT = (
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\n"
    "Ñoäc laäp - Töï do - Haïnh phuùc\n"
    "Keá hoaïch thöïc hieän Nghò quyeát cuûa Tænh uûy\n"
)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8"])
def test_vni_text_is_rejected_with_advice_to_convert(tmp_path, encoding):
    path = tmp_path / "vni.txt"
    path.write_bytes(VNI_TEXT.encode(encoding))
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value).startswith("vni.txt: văn bản dùng bảng mã VNI")
    assert "convert it to Unicode first" in str(err.value)


# ------------------------------------------------------------------- DOCX


def _add_footnote_reference(paragraph, note_id: int) -> None:
    run = paragraph.add_run()
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(note_id))
    run._r.append(ref)


FOOTNOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p>
    <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
    <w:r><w:t xml:space="preserve"> </w:t></w:r>
    <w:r><w:t>Theo Chỉ thị số 50-CT/TU, ngày 29/7/2024 của Ban Thường vụ Tỉnh ủy.</w:t></w:r>
  </w:p></w:footnote>
  <w:footnote w:id="2"><w:p>
    <w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Quy định số 1521-QĐ/TU.</w:t></w:r>
  </w:p></w:footnote>
</w:footnotes>
"""


def _attach_footnotes(document, xml: str) -> None:
    """python-docx cannot write footnotes: add the part and its relationship by hand."""
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def _build_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("NGHỊ QUYẾT")
    para = document.add_paragraph("Tổ chức thành công đại hội đảng bộ các cấp")
    _add_footnote_reference(para, 1)
    para.add_run(". Tăng cường quản lý cán bộ")
    _add_footnote_reference(para, 2)
    para.add_run(".")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"], strict=False):
        cell.text = text
    row = table.rows[1].cells
    row[0].text = "1.1"
    row[1].text = "Xây dựng kế hoạch thực hiện"
    row[1].add_paragraph("trong năm 2025")
    document.add_paragraph("Nơi nhận:")
    _attach_footnotes(document, FOOTNOTES_XML)
    document.save(str(path))


def test_docx_paragraphs_tables_and_footnotes(tmp_path):
    path = tmp_path / "du-thao.docx"
    _build_docx(path)
    source = read_source(path)
    assert source.encoding == "docx"
    assert source.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert source.text == (
        "NGHỊ QUYẾT\n"
        "Tổ chức thành công đại hội đảng bộ các cấp[footnoteRef:1]. Tăng cường quản lý cán bộ[footnoteRef:2]."
        " [1:  Theo Chỉ thị số 50-CT/TU, ngày 29/7/2024 của Ban Thường vụ Tỉnh ủy.] "
        " [2:  Theo Quy định số 1521-QĐ/TU.] \n"
        "STT\nNội dung nhiệm vụ\nCơ quan chủ trì\n"
        "1.1\nXây dựng kế hoạch thực hiện\ntrong năm 2025\n"
        "Nơi nhận:\n"
    )


SEED_003_MARKER = re.compile(r"\[footnoteRef:(\d+)\]")
SEED_003_BODY = re.compile(r" \[(\d+):  ([^\]]+)\] ")


def test_docx_footnotes_follow_the_seed_003_convention(tmp_path):
    """Seed 003 (DOCX→text) writes ``…phức tạp[footnoteRef:1]. [1:  Liên quan …] ``.

    The patterns that find all 29 markers and bodies in seed 003 find the
    built document's two, with the same numbers, on the marker's line.
    """
    seed = SEED_003.read_text(encoding="utf-8")
    assert [int(n) for n in SEED_003_MARKER.findall(seed)] == list(range(1, 30))
    assert [int(n) for n, _ in SEED_003_BODY.findall(seed)] == list(range(1, 30))
    path = tmp_path / "nq.docx"
    _build_docx(path)
    line = read_source(path).text.splitlines()[1]
    assert SEED_003_MARKER.findall(line) == ["1", "2"]
    assert SEED_003_BODY.findall(line) == [
        ("1", "Theo Chỉ thị số 50-CT/TU, ngày 29/7/2024 của Ban Thường vụ Tỉnh ủy."),
        ("2", "Theo Quy định số 1521-QĐ/TU."),
    ]


W_MC_XMLNS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
TRACKED_CHANGE_AND_TEXT_BOX = f"""<w:p {W_MC_XMLNS}>
  <w:r><w:t xml:space="preserve">Thời gian thực hiện: năm </w:t></w:r>
  <w:del w:id="1" w:author="a"><w:r><w:delText>2024</w:delText></w:r></w:del>
  <w:ins w:id="2" w:author="a"><w:r><w:t>2025</w:t></w:r></w:ins>
  <w:r><mc:AlternateContent>
    <mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Dự thảo</w:t></w:r></w:p></w:txbxContent></mc:Choice>
    <mc:Fallback><w:txbxContent><w:p><w:r><w:t>Dự thảo</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
  </mc:AlternateContent></w:r>
</w:p>"""

FOOTNOTE_OF_TWO_PARAGRAPHS_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:footnote w:id="7">
    <w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Gồm các khu công nghiệp:</w:t></w:r></w:p>
    <w:p><w:r><w:t>Tam Thăng,</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>Tam Anh.</w:t></w:r></w:p>
  </w:footnote>
</w:footnotes>
"""


def test_docx_cell_footnote_tracked_changes_and_text_boxes(tmp_path):
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.element.body.insert(1, parse_xml(TRACKED_CHANGE_AND_TEXT_BOX))
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].text = "1"
    cells[1].text = "Sở Công Thương"
    _add_footnote_reference(cells[1].paragraphs[0], 7)
    _attach_footnotes(document, FOOTNOTE_OF_TWO_PARAGRAPHS_XML)
    path = tmp_path / "kh.docx"
    document.save(str(path))
    assert read_source(path).text == (
        "KẾ HOẠCH\n"
        "Thời gian thực hiện: năm 2025\n"  # deletion dropped, insertion kept
        "Dự thảo\n"  # the text box once, not its fallback copy
        "1\n"
        "Sở Công Thương[footnoteRef:1] [1:  Gồm các khu công nghiệp: Tam Thăng, Tam Anh.] \n"
    )


def test_docx_without_footnotes_part(tmp_path):
    path = tmp_path / "kh.docx"
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Thực hiện Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng")
    document.save(str(path))
    assert (
        read_source(path).text
        == "KẾ HOẠCH\nThực hiện Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng\n"
    )


# ------------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Cổng thông tin</title>
<style>p {{ color: red }}</style><script>var kh = "Kế hoạch giả";</script></head>
<body>
<nav><a href="/">Trang chủ</a> | <a href="/vb">Văn bản</a></nav>
<div class="content">
<p>Số: 214/KH-UBND</p>
<p><b>KẾ HOẠCH</b><br>Thực hiện   Nghị quyết số 111/NQ-CP&nbsp;của Chính phủ</p>
<table>
<tr><th>STT</th><th>Nội dung nhiệm vụ</th><th>Cơ quan chủ trì</th></tr>
<tr><td>1.1</td><td><p>Tổ chức phổ biến,</p><p>quán triệt</p></td><td>Các sở, ban, ngành</td><td></td></tr>
</table>
</div>
<noscript>Bật JavaScript</noscript>
</body></html>
"""
HTML_TEXT = (
    "Số: 214/KH-UBND\n"
    "KẾ HOẠCH\n"
    "Thực hiện Nghị quyết số 111/NQ-CP\u00a0của Chính phủ\n"
    "STT\nNội dung nhiệm vụ\nCơ quan chủ trì\n"
    "1.1\nTổ chức phổ biến,\nquán triệt\nCác sở, ban, ngành\n"
)


def test_html_visible_text_one_block_or_cell_per_line(tmp_path):
    path = tmp_path / "kh-214.html"
    path.write_text(HTML_PAGE.format(charset="utf-8"), encoding="utf-8")
    source = read_source(path)
    assert source.media_type == "text/html"
    assert source.encoding == "utf-8"
    assert source.text == HTML_TEXT


def test_html_utf8_served_with_a_wrong_latin1_declaration(tmp_path):
    path = tmp_path / "kh-214-sai-charset.html"
    path.write_text(HTML_PAGE.format(charset="iso-8859-1"), encoding="utf-8")
    source = read_source(path)
    assert source.encoding == "utf-8"
    assert source.text == HTML_TEXT


def test_html_tcvn3_page_declared_windows_1252_is_converted(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>\n" for line in TCVN3_TEXT.splitlines())
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
        f"<body>{paragraphs}</body></html>"
    )
    path = tmp_path / "tcvn3.html"
    path.write_bytes(page.encode("latin-1"))
    source = read_source(path)
    assert source.encoding == "tcvn3"
    assert source.text == TCVN3_UNICODE


def test_html_decoded_by_meta_charset(tmp_path):
    path = tmp_path / "kh-214.htm"
    path.write_bytes(_encode_cp1258(HTML_PAGE.format(charset="windows-1258")))
    source = read_source(path)
    assert source.encoding == "cp1258"
    assert unicodedata.normalize("NFC", source.text) == HTML_TEXT


# ----------------------------------------------------------------- errors

POLICY_LINE = "KẾ HOẠCH thực hiện Nghị quyết của Tỉnh ủy về phát triển công nghiệp\n"


def _error_for(path) -> str:
    with pytest.raises(InputError) as err:
        read_source(path)
    return str(err.value)


def test_missing_file(tmp_path):
    assert _error_for(tmp_path / "khong-co.txt") == "khong-co.txt: không tìm thấy tệp (file not found)"


def test_directory(tmp_path):
    folder = tmp_path / "van-ban"
    folder.mkdir()
    assert _error_for(folder) == "van-ban: đây là thư mục, không phải tệp (this is a directory, not a file)"


def test_empty_file(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    assert _error_for(path) == "rong.txt: tệp rỗng (the file is empty)"


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "trang.txt"
    path.write_bytes(b" \n\t\r\n  \n")
    assert _error_for(path) == "trang.txt: tệp rỗng (the file is empty)"


def test_whitespace_only_utf16_file(tmp_path):
    path = tmp_path / "trang16.txt"
    path.write_bytes(" \n \n".encode("utf-16"))
    assert _error_for(path) == "trang16.txt: tệp rỗng (không có chữ) (the file is empty (no text))"


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    assert _error_for(path) == "anh.txt: tệp nhị phân, không phải văn bản (binary file, not text)"


def test_binary_file_of_control_characters(tmp_path):
    path = tmp_path / "du-lieu.txt"
    path.write_bytes((POLICY_LINE + "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20).encode("utf-8"))
    assert _error_for(path) == "du-lieu.txt: tệp nhị phân, không phải văn bản (binary file, not text)"


def test_undecodable_bytes(tmp_path):
    # every high byte: cp1258 leaves some undefined, TCVN3 gives no Vietnamese, charset-normalizer no guess
    path = tmp_path / "hong.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 3)
    assert _error_for(path) == (
        "hong.txt: không xác định được bảng mã của tệp (cannot determine the file's text encoding)"
    )


def test_not_vietnamese(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("Plan for the implementation of Resolution 29 on industrialisation.\n", encoding="utf-8")
    assert _error_for(path) == (
        "english.txt: nội dung không phải tiếng Việt (hoặc sai bảng mã) (the text is not Vietnamese (or is wrongly encoded))"
    )


def test_latin1_text_in_another_language_is_not_vietnamese(tmp_path):
    path = tmp_path / "francais.txt"
    path.write_bytes(
        "Le plan d'exécution de la résolution sur l'industrialisation à côté du décret.\n".encode("latin-1")
    )
    assert _error_for(path) == (
        "francais.txt: nội dung không phải tiếng Việt (hoặc sai bảng mã) (the text is not Vietnamese (or is wrongly encoded))"
    )


def test_vietnamese_but_not_a_policy_document(tmp_path):
    path = tmp_path / "thu.txt"
    path.write_text(
        "Chào các bạn, hôm nay trời đẹp và chúng tôi đi du lịch ở Quảng Ngãi với gia đình.\n",
        encoding="utf-8",
    )
    assert _error_for(path) == (
        "thu.txt: không phải văn bản chính sách: không thấy tên loại văn bản (Nghị quyết, Kế hoạch, Quyết định …) "
        "(not a policy document: no document type word (Nghị quyết, Kế hoạch, Quyết định …) found)"
    )


def test_corrupt_pdf_is_named_with_the_reason(tmp_path):
    path = tmp_path / "kh.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert _error_for(path) == (
        "kh.pdf: tệp PDF hỏng hoặc không hợp lệ: No /Root object! - Is this really a PDF? "
        "(corrupt or invalid PDF file: No /Root object! - Is this really a PDF?)"
    )


def test_pdf_named_txt_is_recognised_as_pdf(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00" * 10)
    assert "tệp PDF hỏng hoặc không hợp lệ" in _error_for(path)


def test_file_named_pdf_that_is_not_one(tmp_path):
    path = tmp_path / "kh.pdf"
    path.write_text(POLICY_LINE, encoding="utf-8")
    assert _error_for(path) == (
        "kh.pdf: tệp .pdf không phải PDF (thiếu phần đầu %PDF-) (the .pdf file is not a PDF (no %PDF- header))"
    )


def test_unsupported_type(tmp_path):
    path = tmp_path / "bang.xlsx"
    path.write_bytes(b"PK\x03\x04")
    assert _error_for(path) == (
        "bang.xlsx: định dạng tệp .xlsx chưa được hỗ trợ (hỗ trợ: .doc, .docx, .htm, .html, .pdf, .text, .txt) "
        "(unsupported file type .xlsx; supported: .doc, .docx, .htm, .html, .pdf, .text, .txt)"
    )


def test_rtf_gets_advice(tmp_path):
    path = tmp_path / "cu.rtf"
    path.write_bytes(b"{\\rtf1\\ansi KE HOACH}")
    assert _error_for(path) == (
        "cu.rtf: tệp RTF chưa được hỗ trợ; hãy lưu lại thành .docx (RTF files are not supported: save the file as .docx)"
    )


def test_corrupt_docx(tmp_path):
    path = tmp_path / "hong.docx"
    path.write_text(POLICY_LINE, encoding="utf-8")
    assert _error_for(path).startswith(
        "hong.docx: tệp DOCX hỏng hoặc không hợp lệ (corrupt or invalid DOCX file"
    )


def test_empty_docx(tmp_path):
    path = tmp_path / "trong.docx"
    docx.Document().save(str(path))
    assert _error_for(path) == "trong.docx: tệp rỗng (không có chữ) (the file is empty (no text))"


# ------------------------------------------------------------ input files


def test_iter_input_files_expands_folders_and_keeps_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(POLICY_LINE, encoding="utf-8")
    (tmp_path / "b" / "c.docx").write_bytes(b"")
    (tmp_path / "b" / "d.xlsx").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "e.txt").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "~$c.docx").write_bytes(b"lock")
    missing = tmp_path / "missing.txt"
    files = iter_input_files([tmp_path, missing, tmp_path / "a.txt"])
    assert files == [tmp_path / "a.txt", tmp_path / "b" / "c.docx", tmp_path / "b" / "d.xlsx", missing]


def test_iter_input_files_on_the_seed_folder():
    assert iter_input_files([RAW]) == SEEDS


# ------------------------------------------------------------ bad bytes, links, unreadable folders

SEED_214_BYTES = (RAW / "quang-ngai_kh-ubnd_2024_214.txt").read_bytes()


@pytest.mark.parametrize(
    "where, bad, count",
    [
        ("stray byte", b"\xff", 1),
        ("NUL", b"\x00", 1),
        ("cut character", "ệ".encode()[:2], 1),
        ("three", b"\x00 \xfe \xc3", 3),
    ],
)
def test_a_few_bad_bytes_are_replaced_with_a_warning(tmp_path, where, bad, count):
    offset = SEED_214_BYTES.index("KẾ HOẠCH".encode())
    path = tmp_path / "kh.txt"
    path.write_bytes(SEED_214_BYTES[:offset] + bad + SEED_214_BYTES[offset:])
    source = read_source(path)
    assert source.encoding == "utf-8"
    assert source.text.count("\ufffd") == count
    assert source.warnings == (
        f"{count} chỗ byte không giải mã được đã thay bằng U+FFFD, chỗ đầu ở byte {offset} "
        f"({count} undecodable byte sequences replaced with U+FFFD, the first at byte offset {offset})",
    )
    assert "KẾ HOẠCH" in source.text


def test_a_character_cut_at_the_end_of_the_file(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_bytes(SEED_214_BYTES + "ệ".encode()[:2])
    source = read_source(path)
    assert source.text.endswith("\ufffd") and len(source.warnings) == 1
    assert f"byte offset {len(SEED_214_BYTES)}" in source.warnings[0]


def test_a_bad_byte_after_a_utf16_bom(tmp_path):
    data = SEED_214_BYTES.decode("utf-8").encode("utf-16")  # BOM + little-endian
    path = tmp_path / "kh16.txt"
    path.write_bytes(data[:1000] + b"\x00\xd8" + data[1000:])  # a lone high surrogate
    source = read_source(path)
    assert source.encoding == "utf-16" and source.text.count("\ufffd") == 1
    assert "the first at byte offset 1000" in source.warnings[0]


def test_a_clean_file_has_no_warning():
    assert read_source(RAW / "quang-ngai_kh-ubnd_2024_214.txt").warnings == ()


def test_many_bad_bytes_are_still_refused(tmp_path):
    path = tmp_path / "hong.txt"
    path.write_bytes(POLICY_LINE.encode() + b"\xff\xfe\x00" * 50)
    assert _error_for(path) == "hong.txt: tệp nhị phân, không phải văn bản (binary file, not text)"


def test_links_that_loop_or_lead_nowhere_are_skipped_with_the_reason(tmp_path):
    from graph.read import list_inputs

    (tmp_path / "a.txt").write_text(POLICY_LINE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(POLICY_LINE, encoding="utf-8")
    os.symlink("vong.txt", tmp_path / "vong.txt")  # a link to itself
    os.symlink("khong-co.txt", tmp_path / "hong.txt")  # a link to nothing
    os.symlink("..", tmp_path / "sub" / "len")  # a folder link back up: a loop
    os.symlink("sub", tmp_path / "sub-link")  # a folder link: followed
    listing = list_inputs([tmp_path, tmp_path / "vong.txt"])
    assert listing.files == [tmp_path / "a.txt", tmp_path / "sub" / "b.txt", tmp_path / "sub-link" / "b.txt"]
    assert [str(s) for s in listing.skipped] == [
        f"{tmp_path / 'hong.txt'}: liên kết tượng trưng hỏng: No such file or directory "
        f"(broken symbolic link: No such file or directory)",
        f"{tmp_path / 'sub' / 'len'}: liên kết tới thư mục chứa nó (vòng lặp) (link to a folder that contains it (a loop))",
        f"{tmp_path / 'sub-link' / 'len'}: liên kết tới thư mục chứa nó (vòng lặp) "
        f"(link to a folder that contains it (a loop))",
        f"{tmp_path / 'vong.txt'}: liên kết tượng trưng lặp vòng (symbolic link loop)",
        f"{tmp_path / 'vong.txt'}: liên kết tượng trưng lặp vòng (symbolic link loop)",
    ]


def test_an_unreadable_folder_is_skipped_with_the_reason(tmp_path, monkeypatch):
    """Tests run as root, which reads any folder: the refusal is simulated at os.scandir."""
    import graph.read as read_module
    from graph.read import list_inputs

    (tmp_path / "mo").mkdir()
    (tmp_path / "mo" / "a.txt").write_text(POLICY_LINE, encoding="utf-8")
    (tmp_path / "khoa").mkdir()
    (tmp_path / "khoa" / "b.txt").write_text(POLICY_LINE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "khoa":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(read_module.os, "scandir", scandir)
    listing = list_inputs([tmp_path, tmp_path / "khoa"])
    assert listing.files == [tmp_path / "mo" / "a.txt"]
    assert [str(s) for s in listing.skipped] == [
        f"{tmp_path / 'khoa'}: không đọc được thư mục: Permission denied (cannot read the folder: Permission denied)"
    ] * 2


def test_a_named_pipe_is_skipped_not_read(tmp_path):
    from graph.read import list_inputs

    os.mkfifo(tmp_path / "ong.txt")
    assert [s.reason_en for s in list_inputs([tmp_path]).skipped] == [
        "not a regular file (a pipe, a device …)"
    ]
    assert _error_for(tmp_path / "ong.txt") == (
        "ong.txt: không phải tệp thông thường (ống, thiết bị …) (not a regular file (a pipe, a device …))"
    )


def test_build_goes_on_past_an_explicit_looping_link(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    os.symlink("vong.txt", tmp_path / "vong.txt")
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(tmp_path / "vong.txt"),
            str(RAW / "quang-ngai_kh-ubnd_2024_214.txt"),
            "--store",
            str(tmp_path / "store"),
            "--ttl-dir",
            str(tmp_path / "ttl"),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "bỏ qua (skipped)" in result.stderr and "symbolic link loop" in result.stderr
    assert "1 văn bản (documents)" in result.stdout and "1 bỏ qua (skipped)" in result.stdout


REAL = Path(__file__).parent / "real"


@pytest.mark.parametrize(
    "name, title",
    [
        ("2309cfa89d8d9501.txt", "Thông tư 16/2024/TT-BCA quy định về mẫu thẻ căn cước, mẫu giấy chứng nhận"),
        (
            "836d98f08440889f.txt",
            "Công dân được bảo vệ quyền lợi thế nào khi sử dụng ứng dụng định danh quốc",
        ),
    ],
)
def test_a_question_and_answer_page_is_not_a_policy_document(name, title):
    """thuvienphapluat.vn Q&A pages of the real corpus (tests/real/SOURCES.md) are titled with their
    question; they cite documents but are none, and had been ingested as documents with no type."""
    error = _error_for(REAL / name)
    assert error.startswith(
        f"{name}: không phải văn bản chính sách: trang hỏi đáp, tiêu đề là một câu hỏi ({title}"
    )
    assert "(not a policy document: a question-and-answer page, its title is a question (" in error


def test_a_long_question_title_is_shown_cut_at_a_word_with_its_question_mark(tmp_path):
    # corpus/files hc-sct-vn__Danh-sach-bieu-mau-tham-dinh-KH-su-co.docx (a Q&A page saved as Word): its first
    # two paragraphs as the reader gives them; the refusal showed "(… sự cố hóa chất mớ)", hiding the "?"
    path = tmp_path / "Danh-sach-bieu-mau.txt"
    path.write_text(
        "Danh sách biểu mẫu sử dụng trong thẩm định Kế hoạch phòng ngừa sự cố hóa chất mới nhất năm 2026 ra sao?\n"
        "Căn cứ theo quy định tại Điều 4 Thông tư 02/2026/TT-BCT có hướng dẫn quy định về phòng ngừa ứng phó sự "
        "cố hóa chất như sau:\n",
        encoding="utf-8",
    )
    shown = "Danh sách biểu mẫu sử dụng trong thẩm định Kế hoạch phòng ngừa sự cố hóa chất …?"
    assert _error_for(path) == (
        f"Danh-sach-bieu-mau.txt: không phải văn bản chính sách: trang hỏi đáp, tiêu đề là một câu hỏi ({shown})"
        f" (not a policy document: a question-and-answer page, its title is a question ({shown}))"
    )


def test_an_encyclopedia_article_is_not_a_policy_document():
    """An encyclopedia page of the real corpus (its infobox a Markdown table, reference marks "[1]", no
    "Số:" line, no national motto or Party name in capitals at its head)."""
    assert _error_for(REAL / "36a9eec2c2acf23d.txt") == (
        "36a9eec2c2acf23d.txt: không phải văn bản chính sách: bài viết bách khoa (bảng thông tin, chú thích [1], "
        "không có số văn bản, quốc hiệu hay tên Đảng ở đầu) (not a policy document: an encyclopedia article "
        "(infobox table, [1] reference marks, no document number, national motto or Party name at its head))"
    )


def test_a_document_with_a_table_and_reference_marks_is_kept(tmp_path):
    """The same article under a document's head ("Số:" line, national motto) is read: a document
    printed with Markdown tables and web footnote marks is never refused for them."""
    article = (REAL / "36a9eec2c2acf23d.txt").read_text(encoding="utf-8")
    path = tmp_path / "qd.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1026/KH-UBND\n" + article,
        encoding="utf-8",
    )
    assert read_source(path).text.startswith("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")


@pytest.mark.parametrize(
    "name, subject",
    [
        (
            "hc-sct-vn__CV-cung-cap-thong-tin-BCH-quan-su-tinh.docx",
            "V/v cung cấp thực trạng sản xuất, lưu trữ hóa chất công nghiệp",
        ),
        (
            "sd-vlncn-sct-vn__CV-lay-y-kien-So-Xay-dung.docx",
            "V/v tham gia ý kiến về phương án nổ mìn và hồ sơ đảm bảo an toàn giao thông trên Quốc lộ 279",
        ),
    ],
)
def test_an_official_letter_that_prints_no_type_word_is_read_as_a_letter(name, subject):
    """Two Word letters of Sở Công Thương Lào Cai (tests/real/SOURCES.md) print no type word at all: their
    head's "V/v …" subject and "Kính gửi:" addressee make them letters (công văn). They were refused as
    "no document type word"."""
    doc = parse_file(REAL / name)
    assert (doc.meta.ref.type_code, doc.meta.ref.title, doc.meta.ref.year) == ("CV", subject, 2026)
    assert doc.meta.recipients[0].startswith(("Bộ chỉ huy quân sự tỉnh Lào Cai", "Sở Xây dựng tỉnh Lào Cai"))


def test_a_department_letter_is_issued_by_the_department_under_its_province():
    """ "UBND TỈNH LÀO CAI" over "SỞ CÔNG THƯƠNG" (the header's two columns read row by row): Sở Công Thương of
    Lào Cai issued it; before, no issuer was read ("UBND" abbreviated was no superior either)."""
    ref = parse_file(REAL / "hc-sct-vn__CV-cung-cap-thong-tin-BCH-quan-su-tinh.docx").meta.ref
    assert (ref.issuer_code, ref.issuer_name, ref.jurisdiction, ref.jurisdiction_inferred) == (
        "SCT",
        "Sở Công Thương",
        "vn-02",
        False,
    )
