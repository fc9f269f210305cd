"""Real inputs that once broke the reader or the parser (sources: tests/real/SOURCES.md)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from graph.model import InputError
from graph.pipeline import parse_file
from graph.read import read_source

REAL = Path(__file__).parent / "real"
DOCX = REAL / "hc-sct-vn__CV-597-HC-QLHC-CucHoaChat.docx"


def test_appendix_title_ending_in_a_dotted_blank_and_a_footnote_mark_keeps_its_span():
    # "PHỤ LỤC / MẪU QUYẾT ĐỊNH … / ỦY BAN NHÂN DÂN .......................[1]": the cleaned title
    # glues the dots to "DÂN", so looking its last word up in the text failed ("bad span 80277..28")
    doc = parse_file(REAL / "cfc85d8b3511af54.txt")
    appendix = next(s for s in doc.sections if s.kind == "appendix")
    quoted = doc.text.text[appendix.heading_span.start : appendix.heading_span.end]
    assert quoted == (
        "MẪU QUYẾT ĐỊNH PHÊ DUYỆT PHƯƠNG ÁN BỒI THƯỜNG, HỖ TRỢ, TÁI ĐỊNH CƯ\n"
        "ỦY BAN NHÂN DÂN .......................[1]"
    )
    assert appendix.heading.startswith("MẪU QUYẾT ĐỊNH PHÊ DUYỆT PHƯƠNG ÁN")


def _central_directory_entry(data: bytes, member: str) -> int:
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == member.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{member} not in the archive")


def _with_bad_crc(data: bytes) -> bytes:
    """The archive with the recorded CRC-32 of word/document.xml changed."""
    entry = _central_directory_entry(data, "word/document.xml")
    crc = struct.unpack_from("<I", data, entry + 16)[0]
    out = bytearray(data)
    struct.pack_into("<I", out, entry + 16, crc ^ 0xFFFF)
    return bytes(out)


def _with_damaged_stream(data: bytes) -> bytes:
    """A byte of word/document.xml's compressed data flipped."""
    info = zipfile.ZipFile(DOCX).getinfo("word/document.xml")
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    out = bytearray(data)
    out[start + info.compress_size // 2] ^= 0x55
    return bytes(out)


def test_the_real_docx_reads():
    assert read_source(DOCX).text.startswith("BỘ CÔNG THƯƠNG\nCỤC HÓA CHẤT\n")


def _with_unknown_zip_version(data: bytes) -> bytes:
    """word/document.xml claiming it needs zip version 6.4 to extract (found by tests/test_fuzz.py:
    zipfile raised NotImplementedError, reported as an internal parser error)."""
    entry = _central_directory_entry(data, "word/document.xml")
    out = bytearray(data)
    struct.pack_into("<H", out, entry + 6, 64)
    return bytes(out)


@pytest.mark.parametrize(
    "damage",
    [_with_bad_crc, _with_damaged_stream, _with_unknown_zip_version, lambda data: data[: len(data) * 2 // 3]],
    ids=["bad CRC", "damaged deflate stream", "unknown zip version", "cut short"],
)
def test_a_damaged_docx_is_refused_as_corrupt_naming_the_file(tmp_path, damage):
    broken = tmp_path / "cong-van-hong.docx"
    broken.write_bytes(damage(DOCX.read_bytes()))
    with pytest.raises(InputError) as refused:
        read_source(broken)
    assert refused.value.name == "cong-van-hong.docx"
    assert refused.value.reason_en.startswith("corrupt or invalid DOCX file")
    assert str(refused.value).startswith("cong-van-hong.docx: tệp DOCX hỏng")


def _padded(data: bytes, member: str, spaces_mib: int) -> bytes:
    """The .docx ``data`` with ``spaces_mib`` MiB of spaces after ``member``'s root element (still
    well-formed XML): a 1 MB file that unpacks to hundreds of MiB, a zip bomb."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != member:
                bomb.writestr(item, source.read(item.filename))
                continue
            with bomb.open(member, "w", force_zip64=True) as part:
                part.write(source.read(member))
                for _ in range(spaces_mib):
                    part.write(b" " * 2**20)
    return out.getvalue()


def test_a_zip_bomb_docx_is_refused_from_its_directory_before_it_is_unpacked(tmp_path):
    """Before: the real letter with 300 MiB of spaces in word/document.xml (a 1 MB file) was
    unpacked whole into memory (643 MiB, 0.58 s of CPU) and refused as a "corrupt DOCX" by
    lxml's buffer limit; a 1.5 GB bomb ran into the build's memory limit after 12 s ("over the
    memory limit of 2048 MB").  Now it is refused from the zip's directory (43 MiB, 0.04 s),
    saying what it unpacks to; a generous CPU bound against unpacking it."""
    import time

    bomb = tmp_path / "cong-van-bom.docx"
    bomb.write_bytes(_padded(DOCX.read_bytes(), "word/document.xml", 300))
    assert bomb.stat().st_size < 2 * 2**20
    began = time.process_time()
    with pytest.raises(InputError) as refused:
        read_source(bomb)
    assert time.process_time() - began < 5
    assert str(refused.value) == (
        "cong-van-bom.docx: tệp DOCX giải nén ra 300 MiB, quá 256 MiB (bom nén?) "
        "(the DOCX unpacks to 300 MiB, more than 256 MiB (a zip bomb?))"
    )


def test_a_docx_padded_below_the_unpacked_limit_still_reads(tmp_path):
    """The limit is on the unpacked size only: the same letter with 8 MiB of padding (the real
    .docx of corpus/files unpack to 11.4 MiB at most) reads as the letter."""
    padded = tmp_path / "cong-van-dem.docx"
    padded.write_bytes(_padded(DOCX.read_bytes(), "word/document.xml", 8))
    assert read_source(padded).text == read_source(DOCX).text


PLAN_214 = Path(__file__).resolve().parents[1] / "data" / "raw" / "quang-ngai_kh-ubnd_2024_214.txt"


def _numbered_docx(path: Path, start: int, fmt: str, paragraphs: int = 40) -> Path:
    """``paragraphs`` lines of a real plan (data/raw/quang-ngai_kh-ubnd_2024_214.txt) as a Word
    list ("List Number") whose every level starts at ``start``, drawn as ``fmt``."""
    import io
    import re

    import docx

    document = docx.Document()
    lines = PLAN_214.read_text(encoding="utf-8").splitlines()
    for n in range(paragraphs):  # the plan's lines, again from the top past its end
        document.add_paragraph(lines[n % len(lines)], style="List Number")
    made = io.BytesIO()
    document.save(made)
    with zipfile.ZipFile(io.BytesIO(made.getvalue())) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/numbering.xml":
                text = re.sub(r'<w:start w:val="\d+"/>', f'<w:start w:val="{start}"/>', data.decode())
                data = re.sub(r'<w:numFmt w:val="\w+"/>', f'<w:numFmt w:val="{fmt}"/>', text).encode()
            out.writestr(item, data)
    return path


@pytest.mark.parametrize(
    ("fmt", "start", "first", "second"),
    [
        ("lowerLetter", 104, "zzzz.", "105."),  # past 'zzzz', the count in digits
        ("upperRoman", 3999, "MMMCMXCIX.", "4000."),  # past the largest usual numeral
        ("lowerLetter", 3, "c.", "d."),
    ],
)
def test_letter_and_roman_list_labels_past_their_longest_are_digits(tmp_path, fmt, start, first, second):
    text = read_source(_numbered_docx(tmp_path / "danh-sach.docx", start, fmt)).text
    lines = text.splitlines()
    assert lines[0].startswith(first + " ") and lines[1].startswith(second + " ")


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman"])
def test_a_list_starting_at_two_billion_reads_at_once(tmp_path, fmt):
    """Before: a 40 KB .docx whose list starts at 2,000,000,000 drew each label as 77 million
    letters or two million 'M's and held the build's worker for its whole time limit (refused
    "over the time limit" after 60 s at --file-timeout 60).  A generous CPU bound against that."""
    import time

    began = time.process_time()
    text = read_source(_numbered_docx(tmp_path / "bat-dau.docx", 2_000_000_000, fmt)).text
    assert time.process_time() - began < 10
    assert text.splitlines()[1].startswith("2000000001. ")


def _restyled(numbered: Path, path: Path, chain: int) -> Path:
    """``numbered`` (paragraphs in the "List Number" style) with its paragraphs in style S0, based
    on S1, …, S``chain``-1, based on "List Number": the same list, reached through ``chain`` styles."""
    import re

    with zipfile.ZipFile(numbered) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename).decode("utf-8") if item.filename.endswith(".xml") else None
            if item.filename == "word/styles.xml":
                styles = "".join(
                    f'<w:style w:type="paragraph" w:styleId="S{k}"><w:name w:val="S{k}"/>'
                    f'<w:basedOn w:val="{f"S{k + 1}" if k + 1 < chain else "ListNumber"}"/></w:style>'
                    for k in range(chain)
                )
                data = data.replace("</w:styles>", styles + "</w:styles>")
            elif item.filename == "word/document.xml":
                data = re.sub(r'<w:pStyle w:val="ListNumber"/>', '<w:pStyle w:val="S0"/>', data)
            out.writestr(item, data.encode("utf-8") if data is not None else source.read(item.filename))
    return path


def test_a_list_style_reached_through_ten_thousand_based_on_styles_reads_at_once(tmp_path):
    """Before: a paragraph's style chain (basedOn) was walked again for every paragraph: 10,000
    paragraphs in a style based on 10,000 others (a 422 KB .docx) took 12.6 s of CPU, 30,000 would
    take the build's whole time limit.  Each style's chain is now walked once; the labels are
    those of the list the chain ends in.  A generous CPU bound."""
    import time

    numbered = _numbered_docx(tmp_path / "danh-sach.docx", 1, "decimal", paragraphs=10_000)
    chained = _restyled(numbered, tmp_path / "kieu-long.docx", 10_000)
    began = time.process_time()
    text = read_source(chained).text
    assert time.process_time() - began < 5
    assert text == read_source(numbered).text
    assert text.startswith("1. ") and "\n10. " in text
