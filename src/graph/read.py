"""Read a file into decoded text, with the file's identity (name, sha256).

Handles what real corpora hold: plain text in UTF-8 (with or without BOM),
UTF-16 (with BOM, or without one, told by its NUL bytes), Windows-1258, the
legacy TCVN3 (ABC) font encoding (converted to Unicode) and VNI font text
(rejected with advice: convert it first); ``.docx`` with footnotes; HTML pages.
Anything else raises ``model.InputError`` naming the file and the reason, so a
batch can report it and go on.

Text is decoded, never normalised here: ``SourceFile.text`` is what provenance
offsets index.  The only changes are the BOM (dropped) and TCVN3 glyph codes
(replaced by the letters they draw, which is what the author typed).
"""

from __future__ import annotations

import codecs
import errno
import functools
import hashlib
import os
import re
import shutil
import stat
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .docx_numbering import ListNumbering
from .model import InputError, SourceFile
from .patterns.documents import DOC_TYPES
from .read_pdf import read_pdf

# ----------------------------------------------------------------- formats

PLAIN_TEXT_SUFFIXES = frozenset({".txt", ".text"})
DOCX_SUFFIXES = frozenset({".docx"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
DOC_SUFFIXES = frozenset({".doc"})
SUPPORTED_SUFFIXES = PLAIN_TEXT_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOC_SUFFIXES

MEDIA_TYPES = {
    "text": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "pdf": "application/pdf",
    "doc": "application/msword",
}

# Formats users often have, with the advice that helps them: suffix → (vi, en).
UNSUPPORTED_ADVICE: dict[str, tuple[str, str]] = {
    ".rtf": (
        "tệp RTF chưa được hỗ trợ; hãy lưu lại thành .docx",
        "RTF files are not supported: save the file as .docx",
    ),
    ".odt": (
        "tệp OpenDocument (.odt) chưa được hỗ trợ; hãy lưu lại thành .docx",
        "OpenDocument .odt files are not supported: save the file as .docx",
    ),
}

# Files a folder holds beside its documents, never documents themselves.
NOT_A_DOCUMENT_NAME = re.compile(r"^(readme|license|licence|changelog)(\.[\w.]*)?$", re.IGNORECASE)
OFFICE_LOCK_PREFIX = "~$"  # "~$ke-hoach.docx": Word's lock file beside an open document

# A .docx is a zip: python-docx unpacks every part into memory and parses its XML, several times
# the unpacked size again.  The real .docx of corpus/files unpack to 11.4 MiB at most (46 times
# their size); a zip bomb of 1.5 MB unpacking to 1.5 GB held the worker until the file's memory
# limit (2 GB, 12 s) and was refused as "over the memory limit".  Past these, it is refused from
# the zip's directory alone, before anything is unpacked (a member unpacks to no more than the
# directory says: zipfile stops at the declared size).
DOCX_MAX_UNPACKED = 256 * 2**20

PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024  # readers accept the header anywhere in the first KiB

# ------------------------------------------------------------- encodings

BOMS: tuple[tuple[bytes, str, str], ...] = (  # UTF-32 first: its LE BOM starts with UTF-16's
    # (BOM, encoding reported, codec for the bytes after the BOM)
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# A text file with a few bad bytes (a NUL, a stray byte, a character cut at the
# end) is read with them replaced by U+FFFD and a warning, rather than refused:
# up to this many, or one per this many bytes of a larger file.
BAD_BYTES_MIN = 8
BYTES_PER_BAD_BYTE = 1000

# BOM-less UTF-16: Vietnamese letters sit in U+00xx and U+1Exx, so about every
# second byte is NUL on one side (odd offsets for LE, even for BE) and almost
# never on the other.
UTF16_NUL_SIDE_MIN = 0.3
UTF16_NUL_OTHER_SIDE_MAX = 0.05

# Decoded text with more C0 control characters than this (tab/newline aside) is
# binary data that happened to decode.
CONTROL_SHARE_MAX = 0.01
# The control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) that are not
# \t \n \v \f \r; one class scanned in C instead of a category look-up per character.
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# TCVN3 (ABC, fonts .VnTime …): a Latin-1 byte per Vietnamese letter.  Read as
# Latin-1 the text looks like "Céng hoµ x· héi chñ nghÜa ViÖt Nam".  The font
# has no capitals with tone marks: headings use the .VnTimeH font, which draws
# lower-case codes as capitals, so converted headings come out in lower case.
TCVN3_TO_UNICODE: dict[str, str] = {
    "\u00b5": "à",
    "\u00b8": "á",
    "\u00b6": "ả",
    "\u00b7": "ã",
    "\u00b9": "ạ",
    "\u00a8": "ă",
    "\u00bb": "ằ",
    "\u00be": "ắ",
    "\u00bc": "ẳ",
    "\u00bd": "ẵ",
    "\u00c6": "ặ",
    "\u00a9": "â",
    "\u00c7": "ầ",
    "\u00ca": "ấ",
    "\u00c8": "ẩ",
    "\u00c9": "ẫ",
    "\u00cb": "ậ",
    "\u00ae": "đ",
    "\u00cc": "è",
    "\u00d0": "é",
    "\u00ce": "ẻ",
    "\u00cf": "ẽ",
    "\u00d1": "ẹ",
    "\u00aa": "ê",
    "\u00d2": "ề",
    "\u00d5": "ế",
    "\u00d3": "ể",
    "\u00d4": "ễ",
    "\u00d6": "ệ",
    "\u00d7": "ì",
    "\u00dd": "í",
    "\u00d8": "ỉ",
    "\u00dc": "ĩ",
    "\u00de": "ị",
    "\u00df": "ò",
    "\u00e3": "ó",
    "\u00e1": "ỏ",
    "\u00e2": "õ",
    "\u00e4": "ọ",
    "\u00ab": "ô",
    "\u00e5": "ồ",
    "\u00e8": "ố",
    "\u00e6": "ổ",
    "\u00e7": "ỗ",
    "\u00e9": "ộ",
    "\u00ac": "ơ",
    "\u00ea": "ờ",
    "\u00ed": "ớ",
    "\u00eb": "ở",
    "\u00ec": "ỡ",
    "\u00ee": "ợ",
    "\u00ef": "ù",
    "\u00f3": "ú",
    "\u00f1": "ủ",
    "\u00f2": "ũ",
    "\u00f4": "ụ",
    "\u00ad": "ư",
    "\u00f5": "ừ",
    "\u00f8": "ứ",
    "\u00f6": "ử",
    "\u00f7": "ữ",
    "\u00f9": "ự",
    "\u00fa": "ỳ",
    "\u00fd": "ý",
    "\u00fb": "ỷ",
    "\u00fc": "ỹ",
    "\u00fe": "ỵ",
    "\u00a1": "Ă",
    "\u00a2": "Â",
    "\u00a7": "Đ",
    "\u00a3": "Ê",
    "\u00a4": "Ô",
    "\u00a5": "Ơ",
    "\u00a6": "Ư",
}
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)

# Very common syllables of Vietnamese administrative prose.  Their share among
# the words of a text tells Vietnamese from other languages and from wrongly
# decoded bytes (TCVN3/VNI read as Latin-1, cp1258 read as cp1252 …).
COMMON_SYLLABLES = frozenset(
    [
        "và",
        "của",
        "các",
        "có",
        "được",
        "trong",
        "cho",
        "với",
        "là",
        "không",
        "người",
        "những",
        "một",
        "này",
        "đã",
        "để",
        "theo",
        "năm",
        "tỉnh",
        "thực",
        "hiện",
        "phát",
        "triển",
        "công",
        "nghiệp",
        "kinh",
        "tế",
        "xã",
        "hội",
        "nhà",
        "nước",
        "quản",
        "lý",
        "đầu",
        "tư",
        "chính",
        "sách",
        "cơ",
        "quan",
        "đơn",
        "vị",
        "sở",
        "ngành",
        "huyện",
        "thành",
        "phố",
        "nâng",
        "cao",
        "hiệu",
        "quả",
        "tăng",
        "cường",
        "xây",
        "dựng",
        "kế",
        "hoạch",
        "quyết",
        "định",
        "nghị",
        "chương",
        "trình",
        "nhiệm",
        "vụ",
        "giải",
        "pháp",
        "tổ",
        "chức",
        "ban",
        "ủy",
        "uỷ",
        "nhân",
        "dân",
        "về",
        "đến",
        "từ",
        "trên",
        "tại",
        "đối",
        "tiếp",
        "tục",
        "đảm",
        "bảo",
        "hóa",
        "hoá",
        "đại",
        "mới",
        "lực",
        "khu",
        "vực",
        "địa",
        "bàn",
        "chủ",
        "trì",
        "phối",
        "hợp",
        "thời",
        "gian",
        "ngày",
        "tháng",
        "số",
        "đồng",
        "lao",
        "động",
        "đào",
        "tạo",
        "nguồn",
        "văn",
        "bản",
        "báo",
        "cáo",
        "chỉ",
        "đạo",
        "tiêu",
        "sản",
        "xuất",
        "doanh",
        "trung",
        "ương",
        "đảng",
        "việt",
        "nam",
        "hệ",
        "thống",
        "môi",
        "trường",
        "hạ",
        "tầng",
        "giao",
        "thông",
        "du",
        "lịch",
        "dịch",
        "khoa",
        "học",
        "nghệ",
        "cải",
        "cách",
        "hành",
        "thủ",
        "tục",
        "đất",
        "đai",
        "tài",
        "nguyên",
        "an",
        "ninh",
        "quốc",
        "phòng",
        "nông",
        "thôn",
        "giáo",
        "dục",
        "y",
        "phần",
        "gắn",
        "trọng",
        "tâm",
        "yêu",
        "cầu",
        "mục",
        "đích",
        "tình",
        "hình",
        "kết",
        "bình",
        "quân",
        "thu",
        "ngân",
        "cấp",
        "vào",
        "ra",
        "như",
        "nhằm",
        "đó",
        "sau",
        "trước",
        "mà",
        "còn",
        "hơn",
        "nhất",
        "cùng",
        "việc",
        "làm",
        "sự",
    ]
)
VIETNAMESE_SHARE_MIN = 0.2
# Letters no other language written in Latin script uses, and no legacy font
# or wrong decoding produces (those give Latin-1 or Cyrillic look-alikes):
# ă đ ơ ư and the letters of Unicode's Vietnamese block (ạ ả ấ … ỹ).
VIETNAMESE_ONLY_LETTERS = frozenset("ăằắẳẵặđơờớởỡợưừứửữự") | {chr(c) for c in range(0x1EA0, 0x1EFA)}
# Real documents score 0.7–0.85, chemical and dangerous-goods lists 0.35–0.5;
# wrongly decoded text and other languages under 0.15 (measured on corpus/files).
VIETNAMESE_SPELLING_MIN = 0.3
PROSE_WORDS_MIN = 200

# VNI font text read as Latin-1 ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"):
# the same common syllables as VNI spells them.  Converting VNI is not
# supported (marks are separate bytes with font-specific rules): users are told
# to convert the file to Unicode first.
VNI_SYLLABLES = frozenset(
    [
        "cuûa",
        "vaø",
        "caùc",
        "ñöôïc",
        "thöïc",
        "hieän",
        "naêm",
        "tænh",
        "ngaøy",
        "thaùng",
        "coäng",
        "hoøa",
        "xaõ",
        "hoäi",
        "vieät",
        "ñoäc",
        "laäp",
        "töï",
        "haïnh",
        "phuùc",
        "quyeát",
        "ñònh",
        "nghò",
        "keá",
        "hoaïch",
        "chöông",
        "coâng",
        "nghieäp",
        "phaùt",
        "trieån",
        "nhaân",
        "daân",
        "ñeán",
        "treân",
        "vôùi",
        "nhöõng",
        "ñaõ",
        "ñeå",
        "ñaàu",
        "tö",
        "kinh",
        "teá",
        "quaûn",
        "lyù",
        "chöùc",
        "nhieäm",
        "vuï",
        "giaûi",
        "phaùp",
    ]
)
VNI_SHARE_MIN = 0.05
VNI_COUNT_MIN = 3

_WORD = re.compile(r"[^\W\d_]+")

# A policy document names its own type or cites others: "KẾ HOẠCH", "Nghị quyết số 29-NQ/TW".
_DOC_TYPE_WORDS = sorted({name for t in DOC_TYPES for name in t.names}, key=len, reverse=True)
DOC_TYPE_WORD = re.compile(
    r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in _DOC_TYPE_WORDS) + r")(?!\w)",
    re.IGNORECASE,
)
# An official letter (công văn) prints no type word: its head gives the subject, "V/v cung cấp thực trạng
# …", and the addressee, "Kính gửi: Bộ chỉ huy quân sự tỉnh Lào Cai" (Sở Công Thương Lào Cai's .docx letters)
_LETTER_SUBJECT = re.compile(r"(?:^|\s)V/v\s", re.IGNORECASE | re.MULTILINE)
_LETTER_ADDRESSEE = re.compile(r"^\W*Kính\s+gửi\b", re.IGNORECASE | re.MULTILINE)
LETTER_HEAD_CHARS = 3000


def _is_official_letter(text: str) -> bool:
    head = text[:LETTER_HEAD_CHARS]
    subject = _LETTER_SUBJECT.search(head)
    return bool(subject and _LETTER_ADDRESSEE.search(head, subject.end()))


# ------------------------------------------------------------------ public


def read_source(path: str | Path) -> SourceFile:
    """Read ``path`` into a ``SourceFile``; raise ``InputError`` for bad input."""
    file = Path(path)
    name = file.name or str(path)
    data = _read_bytes(file, name)
    kind = _kind_of(file, name, data)
    sha256 = hashlib.sha256(data).hexdigest()
    pdf, prose = None, None
    warnings: list[str] = []
    if kind == "pdf":
        pdf = read_pdf(file, name, sha256, _reads_vietnamese, lambda t: t.translate(_TCVN3_TABLE))
        text, encoding = pdf.text, pdf.encoding
    elif kind == "docx":
        (text, prose), encoding = _read_docx(file, name), "docx"
    elif kind == "doc":
        text, encoding = _read_doc(file, name), "doc"
    elif kind == "html":
        text, encoding = _decode_html(name, data, warnings)
        text = _html_to_text(text)
    else:
        text, encoding = _decode_bytes(name, data, warnings=warnings)
    text, encoding = _repair_legacy_font(name, text, encoding)
    _check_policy_text(name, text, prose)
    return SourceFile(
        path=str(path),
        name=name,
        sha256=sha256,
        encoding=encoding,
        text=text,
        media_type=MEDIA_TYPES[kind],
        page_starts=pdf.page_starts if pdf else (),
        ocr_pages=pdf.ocr_pages if pdf else (),
        ocr_engine=pdf.ocr_engine if pdf else None,
        warnings=tuple(warnings),
    )


@dataclass(frozen=True)
class Skipped:
    """A path a batch passed over, and why: a broken or looping link, an unreadable folder …"""

    path: Path
    reason_vi: str
    reason_en: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason_vi} ({self.reason_en})"


@dataclass
class InputListing:
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def list_inputs(paths: Iterable[str | Path]) -> InputListing:
    """Expand folders into the files a batch should read, each once, in order.

    Folders are walked recursively in sorted order (links to folders followed,
    loops cut), skipping hidden files and folders, Word lock files (``~$…``) and
    README/LICENSE-like notes.  Every other file is kept, whatever its type, so
    that the batch reports files it cannot read instead of silently passing over
    them.  Paths named explicitly are kept as given, even missing ones
    (``read_source`` reports them).  Broken or looping links, unreadable folders
    and special files (pipes, devices) are listed in ``skipped`` with the reason.
    """
    listing = InputListing()
    seen: set[Path] = set()
    for path in map(Path, paths):
        if problem := _link_problem(path):
            listing.skipped.append(Skipped(path, *problem))
            continue
        files = _files_under(path, listing.skipped, set()) if path.is_dir() else [path]
        for file in files:
            if file not in seen:
                seen.add(file)
                listing.files.append(file)
    return listing


def iter_input_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files of ``list_inputs`` (what it skipped is not reported)."""
    return list_inputs(paths).files


def _link_problem(path: Path) -> tuple[str, str] | None:
    """Why a symbolic link cannot be followed (loop, missing target), or None."""
    if not path.is_symlink():
        return None
    try:
        path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "liên kết tượng trưng lặp vòng", "symbolic link loop"
        return f"liên kết tượng trưng hỏng: {err.strerror}", f"broken symbolic link: {err.strerror}"
    return None


def _files_under(folder: Path, skipped: list[Skipped], ancestors: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        skipped.append(
            Skipped(
                folder, f"không đọc được thư mục: {err.strerror}", f"cannot read the folder: {err.strerror}"
            )
        )
        return
    here = (info.st_dev, info.st_ino)
    if here in ancestors:
        skipped.append(
            Skipped(
                folder,
                "liên kết tới thư mục chứa nó (vòng lặp)",
                "link to a folder that contains it (a loop)",
            )
        )
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.startswith(OFFICE_LOCK_PREFIX):
            continue
        path = Path(entry.path)
        if problem := _link_problem(path):
            skipped.append(Skipped(path, *problem))
        elif entry.is_dir():
            yield from _files_under(path, skipped, ancestors | {here})
        elif NOT_A_DOCUMENT_NAME.match(entry.name):
            continue
        elif entry.is_file():
            yield path
        else:
            skipped.append(
                Skipped(
                    path,
                    "không phải tệp thông thường (ống, thiết bị …)",
                    "not a regular file (a pipe, a device …)",
                )
            )


# ------------------------------------------------------------ file checks


def _read_bytes(file: Path, name: str) -> bytes:
    if file.is_dir():
        raise InputError(name, "đây là thư mục, không phải tệp", "this is a directory, not a file")
    if problem := _link_problem(file):
        raise InputError(name, *problem)
    if not file.exists():
        raise InputError(name, "không tìm thấy tệp", "file not found")
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # reading a pipe would wait forever
            raise InputError(
                name,
                "không phải tệp thông thường (ống, thiết bị …)",
                "not a regular file (a pipe, a device …)",
            )
        return file.read_bytes()
    except OSError as err:
        raise InputError(
            name, f"không đọc được tệp: {err.strerror}", f"cannot read the file: {err.strerror}"
        ) from err


def _kind_of(file: Path, name: str, data: bytes) -> str:
    """Which reader applies: "text", "docx", "html" or "pdf"; raise for the rest."""
    suffix = file.suffix.lower()
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return "pdf"
    if suffix in UNSUPPORTED_ADVICE:
        raise InputError(name, *UNSUPPORTED_ADVICE[suffix])
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(không có phần mở rộng)"
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise InputError(
            name,
            f"định dạng tệp {shown} chưa được hỗ trợ (hỗ trợ: {supported})",
            f"unsupported file type {suffix or '(no extension)'}; supported: {supported}",
        )
    if not data.strip():
        raise InputError(name, "tệp rỗng", "the file is empty")
    if suffix in PDF_SUFFIXES:
        raise InputError(
            name,
            "tệp .pdf không phải PDF (thiếu phần đầu %PDF-)",
            "the .pdf file is not a PDF (no %PDF- header)",
        )
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in DOC_SUFFIXES:
        return "doc"
    return "html" if suffix in HTML_SUFFIXES else "text"


def _check_policy_text(name: str, text: str, prose: str | None = None) -> None:
    """Reject text that decoded but is not a Vietnamese policy document.

    The language is judged on ``prose`` (text outside tables) when it has enough
    words, else on the whole text; text counts as Vietnamese when enough of its
    words are common syllables or are spelled with letters only Vietnamese has
    (a list of dangerous goods: "AMONI PICRAT khô hoặc ướt, chứa dưới 10% nước").
    """
    if not text.strip():
        raise InputError(name, "tệp rỗng (không có chữ)", "the file is empty (no text)")
    if _control_share(text) > CONTROL_SHARE_MAX:
        raise InputError(name, "tệp nhị phân, không phải văn bản", "binary file, not text")
    sample = prose if prose and len(_WORD.findall(prose)) >= PROSE_WORDS_MIN else text
    if not (_reads_vietnamese(sample) or vietnamese_spelling_share(sample) >= VIETNAMESE_SPELLING_MIN):
        raise InputError(
            name,
            "nội dung không phải tiếng Việt (hoặc sai bảng mã)",
            "the text is not Vietnamese (or is wrongly encoded)",
        )
    text = unicodedata.normalize("NFC", text)
    if not DOC_TYPE_WORD.search(text) and not _is_official_letter(text):
        raise InputError(
            name,
            "không phải văn bản chính sách: không thấy tên loại văn bản (Nghị quyết, Kế hoạch, Quyết định …)",
            "not a policy document: no document type word (Nghị quyết, Kế hoạch, Quyết định …) found",
        )
    title = _first_line(text)
    if title.endswith("?"):
        shown = _shortened_question(title)
        raise InputError(
            name,
            f"không phải văn bản chính sách: trang hỏi đáp, tiêu đề là một câu hỏi ({shown})",
            f"not a policy document: a question-and-answer page, its title is a question ({shown})",
        )
    if _is_encyclopedia_article(text):
        raise InputError(
            name,
            "không phải văn bản chính sách: bài viết bách khoa (bảng thông tin, chú thích [1], không có số"
            " văn bản, quốc hiệu hay tên Đảng ở đầu)",
            "not a policy document: an encyclopedia article (infobox table, [1] reference marks, no"
            " document number, national motto or Party name at its head)",
        )


# A page of questions and answers (real/: 18 thuvienphapluat.vn pages such as "Hạn chót có hiệu lực của
# chứng minh nhân dân là vào ngày nào? …") is titled with its question; no document of the genre opens
# with one: it opens with its issuer, the national motto or the Party's name.
def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


QUESTION_SHOWN_CHARS = 80


def _shortened_question(title: str) -> str:
    """A long question title cut at a word, its question mark kept: the reader sees why the file was refused
    ("Danh sách biểu mẫu sử dụng trong thẩm định Kế hoạch phòng ngừa sự cố hóa chất mới nhất năm 2026 ra sao?",
    corpus/files, was shown as "… sự cố hóa chất mớ")."""
    if len(title) <= QUESTION_SHOWN_CHARS:
        return title
    return title[:QUESTION_SHOWN_CHARS].rsplit(" ", 1)[0] + " …?"


# An encyclopedia article (real/: six pages such as "Việt Nam", "Chủ nghĩa Tam Dân", "Diễu binh Chiến thắng
# Điện Biên Phủ 2024") prints an infobox as a Markdown table and reference marks "[1]"; a document printed
# that way still has a "Số:" line or the motto or Party name in capitals at its head, and is kept.
_TABLE_RULE = re.compile(r"\|[ \t]*:?-{3,}:?[ \t]*\|")
_REFERENCE_MARK = re.compile(r"\[\d{1,3}\]")
_REFERENCE_MARKS_MIN = 3
_HEAD_CHARS = 4000
_NUMBER_LINE = re.compile(r"(?m)^[ \t|]*(?:Số|SỐ)[ \t]*:")
_OFFICIAL_HEAD = re.compile(
    r"CỘNG[ \t]+HÒA[ \t]+XÃ[ \t]+HỘI[ \t]+CHỦ[ \t]+NGHĨA[ \t]+VIỆT[ \t]+NAM|CỘNG[ \t]+HOÀ[ \t]+XÃ[ \t]+HỘI"
    r"|ĐẢNG[ \t]+CỘNG[ \t]+SẢN[ \t]+VIỆT[ \t]+NAM"
)


def _is_encyclopedia_article(text: str) -> bool:
    head = text[:_HEAD_CHARS]
    return (
        _TABLE_RULE.search(text) is not None
        and len(_REFERENCE_MARK.findall(text)) >= _REFERENCE_MARKS_MIN
        and not _NUMBER_LINE.search(head)
        and not _OFFICIAL_HEAD.search(head)
    )


def _control_share(text: str) -> float:
    return len(_BINARY_CONTROL.findall(text)) / len(text)


# ------------------------------------------------------------- decoding


def vietnamese_share(text: str) -> float:
    """Share of the words of ``text`` (NFC) that are common Vietnamese syllables."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(map(COMMON_SYLLABLES.__contains__, words)) / len(words)


def vietnamese_spelling_share(text: str) -> float:
    """Share of the words of ``text`` that are common syllables or use letters only Vietnamese has."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in COMMON_SYLLABLES or not VIETNAMESE_ONLY_LETTERS.isdisjoint(w)) / len(
        words
    )


# read_source asks it of the same text twice (legacy fonts, then the policy check): the last answer is kept
@functools.lru_cache(maxsize=1)
def _reads_vietnamese(text: str) -> bool:
    return share_at_least(unicodedata.normalize("NFC", text), VIETNAMESE_SHARE_MIN)


SHARE_PIECE = 8192  # characters of text read at a time by share_at_least


def share_at_least(text: str, least: float) -> bool:
    """``vietnamese_share(text) >= least``, the same answer for every text, reading the words a piece at a time
    and stopping once the pieces read settle it whatever the rest holds: the rest has at most one word per two
    characters, all or none of them common syllables.  Every file's whole text was read before (real corpus:
    ~0.25 s of the parse's CPU), where a Vietnamese text settles it about half way."""
    lowered = text.lower()
    hits = words = 0
    start = 0
    while start < len(lowered):
        cut = lowered.find(" ", start + SHARE_PIECE)  # a space ends any word: none is cut in two
        cut = len(lowered) if cut < 0 else cut
        found = _WORD.findall(lowered, start, cut)
        hits += sum(map(COMMON_SYLLABLES.__contains__, found))
        words += len(found)
        start = cut
        most_left = (len(lowered) - cut + 1) // 2
        if start < len(lowered) and words + most_left:
            # (the bounds are ratios of integers; rounding to floats keeps their order)
            if hits / (words + most_left) >= least:
                return True
            if (hits + most_left) / (words + most_left) < least:
                return False
    return (hits / words if words else 0.0) >= least


def _looks_vni(text: str) -> bool:
    words = _WORD.findall(text.lower())
    hits = sum(map(VNI_SYLLABLES.__contains__, words))
    return hits >= VNI_COUNT_MIN and hits / len(words) >= VNI_SHARE_MIN


def _decode_bytes(
    name: str, data: bytes, declared: str | None = None, warnings: list[str] | None = None
) -> tuple[str, str]:
    """Decode text bytes: BOM, UTF-16 by its NULs, UTF-8, declared charset, legacy 8-bit.

    Strict UTF-8 comes before a declared charset: pages declaring
    ``iso-8859-1`` while serving UTF-8 are common, and bytes that are valid
    UTF-8 are practically never anything else.  A declared charset is trusted
    only when it gives Vietnamese; otherwise detection decides.  A few bad
    bytes in Unicode text (a NUL, a stray byte, a character cut short) are
    replaced by U+FFFD and told in ``warnings``.
    """
    warnings = [] if warnings is None else warnings
    for bom, encoding, codec in BOMS:
        if data.startswith(bom):
            return _decode_with_bom(name, data, bom, encoding, codec, warnings), encoding
    if (utf16 := _bomless_utf16(data)) and (text := _try_decode(data, utf16)) is not None:
        return text, utf16
    nuls = data.count(0)
    if nuls > _bad_bytes_allowed(data):
        raise InputError(name, "tệp nhị phân, không phải văn bản", "binary file, not text")
    if (decoded := _decode_few_bad_bytes(data, "utf-8")) is not None:
        text, bad = decoded
        if not bad or _reads_vietnamese(text):
            warnings.extend(_bad_bytes_warning(bad))
            return text, "utf-8"
    if nuls:
        raise InputError(name, "tệp nhị phân, không phải văn bản", "binary file, not text")
    if declared and (text := _try_decode(data, declared)) is not None and _reads_vietnamese(text):
        return text, declared
    return _decode_legacy_8bit(name, data)


def _decode_with_bom(
    name: str, data: bytes, bom: bytes, encoding: str, codec: str, warnings: list[str]
) -> str:
    decoded = _decode_few_bad_bytes(data[len(bom) :], codec)
    if decoded is None:
        raise InputError(
            name,
            f"tệp có dấu BOM {encoding} nhưng nội dung không giải mã được",
            f"the file has a {encoding} byte-order mark but does not decode as {encoding}",
        )
    text, bad = decoded
    warnings.extend(_bad_bytes_warning([offset + len(bom) for offset in bad]))
    return text


def _bad_bytes_allowed(data: bytes) -> int:
    return max(BAD_BYTES_MIN, len(data) // BYTES_PER_BAD_BYTE)


def _decode_few_bad_bytes(data: bytes, codec: str) -> tuple[str, list[int]] | None:
    """Text with each bad byte sequence (and NUL) as U+FFFD, and their byte offsets; None if too many.

    One replacement character per bad sequence, as Python's "replace" does, and
    one per NUL, so that the text keeps one character per decoded character.
    """
    _bad_offsets.list = []
    text = data.decode(codec, errors="graph.read.record")
    bad = sorted(_bad_offsets.list + _nul_offsets(data, codec) if "\x00" in text else _bad_offsets.list)
    if len(bad) > _bad_bytes_allowed(data):
        return None
    return text.replace("\x00", "\ufffd"), bad


def _nul_offsets(data: bytes, codec: str) -> list[int]:
    """Byte offsets of the NUL characters (one, two or four zero bytes, aligned)."""
    unit = 4 if "32" in codec else 2 if "16" in codec else 1
    zeros = re.compile(b"(?=" + b"\x00" * unit + b")")
    return [m.start() for m in zeros.finditer(data) if m.start() % unit == 0]


_bad_offsets = threading.local()


def _record_bad_bytes(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)  # registered for decoding only
    _bad_offsets.list.append(err.start)
    return "\ufffd", err.end


codecs.register_error("graph.read.record", _record_bad_bytes)


def _bad_bytes_warning(bad: list[int]) -> list[str]:
    if not bad:
        return []
    return [
        f"{len(bad)} chỗ byte không giải mã được đã thay bằng U+FFFD, chỗ đầu ở byte {bad[0]} "
        f"({len(bad)} undecodable byte sequences replaced with U+FFFD, the first at byte offset {bad[0]})"
    ]


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bomless_utf16(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= UTF16_NUL_SIDE_MIN and even_nul <= UTF16_NUL_OTHER_SIDE_MAX:
        return "utf-16-le"
    if even_nul >= UTF16_NUL_SIDE_MIN and odd_nul <= UTF16_NUL_OTHER_SIDE_MAX:
        return "utf-16-be"
    return None


def _decode_legacy_8bit(name: str, data: bytes) -> tuple[str, str]:
    """Choose among single-byte readings the one that reads as Vietnamese.

    Candidates: Windows-1258, TCVN3 (ABC) and charset-normalizer's best guess.
    None reads as Vietnamese → VNI font text is rejected with advice; other
    text is returned as guessed (the policy check then says it is not
    Vietnamese); no guess at all → undecodable.
    """
    candidates = _legacy_candidates(data)
    scored = [(vietnamese_share(unicodedata.normalize("NFC", t)), t, enc) for enc, t in candidates]
    best = max(scored, key=lambda s: s[0], default=None)
    if best and best[0] >= VIETNAMESE_SHARE_MIN:
        return best[1], best[2]
    if _looks_vni(data.decode("latin-1")):
        raise _vni_error(name)
    guess = next((c for c in candidates if c[0] not in ("cp1258", "tcvn3")), None)
    if guess:
        return guess[1], guess[0]
    raise InputError(name, "không xác định được bảng mã của tệp", "cannot determine the file's text encoding")


def _legacy_candidates(data: bytes) -> list[tuple[str, str]]:
    import charset_normalizer  # only needed for legacy files; keeps imports light

    candidates: list[tuple[str, str]] = []
    if (text := _try_decode(data, "cp1258")) is not None:
        candidates.append(("cp1258", text))
    candidates.append(("tcvn3", _latin1_view(data).translate(_TCVN3_TABLE)))
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None:
        candidates.append((guess.encoding, str(guess)))
    return candidates


def _latin1_view(data: bytes) -> str:
    """Bytes as Windows-1252 where it defines them, Latin-1 elsewhere (never fails).

    Legacy font text keeps Windows-1252 punctuation (curly quotes 0x93/0x94)
    beside its letter codes in 0xA1–0xFE.
    """
    return data.decode("cp1252", errors="graph.read.latin1-fallback")


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)  # registered for decoding only
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("graph.read.latin1-fallback", _latin1_fallback)


def _repair_legacy_font(name: str, text: str, encoding: str) -> tuple[str, str]:
    """Convert TCVN3 glyph codes in decoded text; reject VNI font text.

    Word documents and UTF-8 files made from them keep legacy font text as the
    Latin-1 characters the font draws as Vietnamese letters.
    """
    if encoding == "tcvn3" or _reads_vietnamese(text):
        return text, encoding
    converted = text.translate(_TCVN3_TABLE)
    if _reads_vietnamese(converted):
        return converted, f"{encoding}+tcvn3"
    if _looks_vni(text):
        raise _vni_error(name)
    return text, encoding


def _vni_error(name: str) -> InputError:
    return InputError(
        name,
        "văn bản dùng bảng mã VNI (phông chữ cũ); hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi thử lại",
        "the text uses the legacy VNI font encoding; convert it to Unicode first",
    )


# ------------------------------------------------------------------ HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_SNIFF_BYTES = 4096


def _decode_html(name: str, data: bytes, warnings: list[str]) -> tuple[str, str]:
    """Decode an HTML page: BOM, then ``<meta charset>``, then detection."""
    declared = None
    if match := _META_CHARSET.search(data[:HTML_SNIFF_BYTES]):
        try:
            declared = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            declared = None
    return _decode_bytes(name, data, declared, warnings)


# Tags whose content a reader never sees.
HTML_SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "nav",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "object",
        "select",
        "button",
    }
)
# Tags that start a new line (a block of text, a table cell).
HTML_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "form",
        "hr",
        "address",
        "center",
    }
)
HTML_VOID_TAGS = frozenset(
    {
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")  # HTML collapses these, not no-break spaces


class _VisibleText(HTMLParser):
    """Visible text of a page: one block per line, so one table cell per line.

    As in web text of Kế hoạch 214/KH-UBND (seed 004): the header cell gives
    ``ỦY BAN NHÂN DÂN`` / ``TỈNH QUẢNG NGÃI`` / ``-------``, a task row gives
    ``1.1`` / ``Tổ chức phổ biến, quán triệt …`` / ``Các sở, ban, ngành; …``.
    Empty cells and blank lines give no line.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._skipping: list[str] = []
        self._pre = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HTML_SKIPPED_TAGS and tag not in HTML_VOID_TAGS:
            self._skipping.append(tag)
        elif tag in HTML_BLOCK_TAGS:
            self._flush()
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in HTML_BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in HTML_BLOCK_TAGS:
            self._flush()
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if not self._pre:
            self._line.append(_HTML_SPACE.sub(" ", data))
            return
        for i, part in enumerate(data.split("\n")):  # preformatted text keeps its lines
            if i:
                self._flush()
            self._line.append(part)

    def _flush(self) -> None:
        line = "".join(self._line)
        line = line.rstrip() if self._pre else _HTML_SPACE.sub(" ", line).strip()
        if line.strip():
            self.lines.append(line)
        self._line = []

    def close(self) -> None:
        super().close()
        self._flush()


def _html_to_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines) + "\n" if parser.lines else ""


# ------------------------------------------------------------------- DOC

ANTIWORD_TIMEOUT_S = 120
# antiword draws a table row as "|1.1  |Tổ chức phổ biến …  |Sở Công Thương  |"
_ANTIWORD_ROW = re.compile(r"^\|(.*)\|[ \t]*$")


def _read_doc(file: Path, name: str) -> str:
    """Text of a Word 97-2003 ``.doc`` through antiword (Debian ``antiword``).

    One paragraph per line (``-w 0``); table rows become one cell per line, as
    ``.docx`` tables do.
    """
    import subprocess

    if shutil.which("antiword") is None:
        raise InputError(
            name,
            "tệp Word 97-2003 (.doc) cần chương trình antiword (apt-get install antiword); "
            "hoặc lưu lại thành .docx",
            "Word 97-2003 .doc files need antiword (apt-get install antiword), or save the file as .docx",
        )
    run = subprocess.run(
        # the file by its absolute path: a name of the current folder such as '-w.doc' was read
        # by antiword as its options ('-w .doc'), and a valid .doc refused as corrupt
        ["antiword", "-m", "UTF-8.txt", "-w", "0", str(file.absolute())],
        capture_output=True,
        timeout=ANTIWORD_TIMEOUT_S,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    if run.returncode != 0:
        reason = run.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["antiword failed"]
        raise InputError(
            name,
            f"tệp .doc hỏng hoặc không đọc được: {reason[0]}",
            f"corrupt or unreadable .doc file: {reason[0]}",
        )
    lines: list[str] = []
    for line in run.stdout.decode("utf-8", "replace").splitlines():
        row = _ANTIWORD_ROW.match(line)
        if row:
            lines.extend(cell.strip() for cell in row.group(1).split("|") if cell.strip())
        else:
            lines.append(line.rstrip())
    return "\n".join(lines).strip("\n") + "\n" if lines else ""


# ------------------------------------------------------------------ DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
# Footnote entries Word keeps for its own layout (the separator lines), not notes.
FOOTNOTE_LAYOUT_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
# Subtrees whose text is not part of the visible document: tracked deletions,
# field instructions, the fallback copy of drawings (its text repeats the choice).
DOCX_SKIPPED = frozenset({"del", "moveFrom", "delText", "instrText", "Fallback", "rPr", "pPr"})


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_docx(file: Path, name: str) -> tuple[str, str]:
    """Text of a .docx: one paragraph per line (in table cells too), footnotes kept; and its prose.

    The prose (paragraphs outside tables) is what the language check reads: a
    decree whose appendices list chemicals by their English names and CAS
    numbers is still Vietnamese.

    Footnotes follow the convention of DOCX-converted text (seed 003), so the
    segmenter handles one form: the marker ``[footnoteRef:N]`` at its place in
    the paragraph, the body ``[N:  …]`` appended at the paragraph's end:
    ``… còn tiềm ẩn nhiều yếu tố phức tạp[footnoteRef:1]. [1:  Liên quan đến …] ``.
    N counts footnotes in reading order, as Word numbers them.
    """
    import zipfile
    import zlib

    import docx  # python-docx; imported here so plain-text reading does not need it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        _check_unpacked_size(file, name)
        document = docx.Document(str(file))
        notes = _FootnoteBodies(_footnote_texts(document))
        lines = _block_lines(document.element.body, notes, ListNumbering.of(document))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        KeyError,
        ValueError,
        OSError,
        SyntaxError,
    ) as err:
        # a damaged archive: bad CRC, broken deflate stream, cut short, a member claiming a zip
        # version or compression this Python cannot read ("zip file version 6.4"), or encrypted
        raise InputError(
            name, "tệp DOCX hỏng hoặc không hợp lệ", f"corrupt or invalid DOCX file: {err}"
        ) from err
    prose = [
        _paragraph_text(p, None)[0]
        for p in document.element.body.iter(f"{{{W_NS}}}p")
        if not any(_local(a.tag) == "tbl" for a in p.iterancestors())
    ]
    return ("\n".join(lines) + "\n" if lines else ""), "\n".join(prose)


def _check_unpacked_size(file: Path, name: str) -> None:
    """Refuse a .docx whose parts would unpack past ``DOCX_MAX_UNPACKED`` bytes (a zip bomb),
    read from the zip's directory alone."""
    import zipfile

    with zipfile.ZipFile(file) as archive:
        unpacked = sum(part.file_size for part in archive.infolist())
    if unpacked > DOCX_MAX_UNPACKED:
        size, limit = unpacked // 2**20, DOCX_MAX_UNPACKED // 2**20
        raise InputError(
            name,
            f"tệp DOCX giải nén ra {size} MiB, quá {limit} MiB (bom nén?)",
            f"the DOCX unpacks to {size} MiB, more than {limit} MiB (a zip bomb?)",
        )


class _FootnoteBodies:
    """Footnote bodies by id, numbered in the order the document refers to them."""

    def __init__(self, bodies: dict[str, str]):
        self.bodies = bodies
        self.numbers: dict[str, int] = {}

    def number(self, note_id: str) -> int:
        return self.numbers.setdefault(note_id, len(self.numbers) + 1)


def _footnote_texts(document) -> dict[str, str]:
    """Footnote id → body text, read from the footnotes part (python-docx has no API)."""
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_RELTYPE and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return {
                note.get(f"{{{W_NS}}}id"): _footnote_body(note)
                for note in root.iter(f"{{{W_NS}}}footnote")
                if note.get(f"{{{W_NS}}}type") not in FOOTNOTE_LAYOUT_TYPES
            }
    return {}


def _footnote_body(note) -> str:
    """A footnote's paragraphs on one line, so the body stays on its marker's line."""
    paragraphs = (_paragraph_text(p, None)[0] for p in note.iterchildren(f"{{{W_NS}}}p"))
    return " ".join(paragraphs).replace("\n", " ").strip()


def _block_lines(
    container, notes: _FootnoteBodies | None, numbering: ListNumbering | None = None
) -> list[str]:
    """Lines of the paragraphs and tables directly in ``container`` (body, cell, content control).

    A paragraph Word numbers itself gets its printed label ("1. ", "a) ", "- ") in front.
    """
    lines: list[str] = []
    for child in container:
        kind = _local(child.tag)
        if kind == "p":
            text, boxes = _paragraph_text(child, notes, numbering)
            label = numbering.label(child) if numbering else ""
            # Word prints the label of an empty numbered paragraph too: a table's "TT" column
            lines.append(f"{label} {text.lstrip()}".rstrip() if label else text)
            lines.extend(boxes)
        elif kind == "tbl":
            lines.extend(_table_lines(child, notes, numbering))
        elif kind in ("sdt", "sdtContent", "customXml"):
            lines.extend(_block_lines(child, notes, numbering))
    return lines


def _table_lines(table, notes: _FootnoteBodies | None, numbering: ListNumbering | None = None) -> list[str]:
    """Row by row, cell by cell, one line per non-empty paragraph (like web text, seed 004).

    A one-paragraph cell is one line; cells continuing a vertical merge are
    empty and give no line.
    """
    lines: list[str] = []
    for row in table.iterchildren(f"{{{W_NS}}}tr"):
        for cell in row.iterchildren(f"{{{W_NS}}}tc"):
            lines.extend(line for line in _block_lines(cell, notes, numbering) if line.strip())
    return lines


def _paragraph_text(
    paragraph, notes: _FootnoteBodies | None, numbering: ListNumbering | None = None
) -> tuple[str, list[str]]:
    """A paragraph's text with footnote markers and bodies, and its text boxes' lines."""
    parts: list[str] = []
    referenced: list[str] = []  # footnote ids, in order
    boxes: list[str] = []
    _walk_runs(paragraph, notes, parts, referenced, boxes, numbering)
    text = "".join(parts)
    if notes is not None:
        text += "".join(f" [{notes.number(i)}:  {notes.bodies.get(i, '')}] " for i in referenced)
    return text, boxes


def _walk_runs(
    element,
    notes,
    parts: list[str],
    referenced: list[str],
    boxes: list[str],
    numbering: ListNumbering | None = None,
) -> None:
    for child in element:
        kind = _local(child.tag)
        if kind in DOCX_SKIPPED or not kind:
            continue
        if kind == "t":
            parts.append(child.text or "")
        elif kind == "tab":
            parts.append("\t")
        elif kind in ("br", "cr"):
            if child.get(f"{{{W_NS}}}type") != "page":
                parts.append("\n")
        elif kind == "noBreakHyphen":
            parts.append("-")
        elif kind == "footnoteReference" and notes is not None:
            note_id = child.get(f"{{{W_NS}}}id")
            referenced.append(note_id)
            parts.append(f"[footnoteRef:{notes.number(note_id)}]")
        elif kind == "txbxContent":
            boxes.extend(line for line in _block_lines(child, notes, numbering) if line.strip())
        else:
            _walk_runs(child, notes, parts, referenced, boxes, numbering)
