"""Property-based fuzzing of the reader and the parser (Hypothesis).

Inputs: real documents (tests/real/, sources in SOURCES.md) cut, truncated and mutated with the
forms that drive the parser — footnote marks and bodies of the three layouts, "Căn cứ" lines,
numbered lines, table cells, appendix headings, stray control and combining characters — plus
random text and random bytes.  What must hold for every input:

* the reader and the parser raise nothing but ``InputError`` (the documented refusal, naming
  the file);
* every span lies inside the normalised text and maps back inside the file's text;
* every extracted piece that quotes the text equals the text at its span (citations,
  relations, agency mentions, footnote bodies).

``make test`` runs a short derandomized pass (the same examples on every machine);
``make fuzz`` runs the long one (``HYPOTHESIS_PROFILE=fuzz``): ``FUZZ_INPUTS`` inputs per process
shared among the properties by what one input costs (``SHARES``), each process with its own seed.
The parser properties parse decoded text directly, windows of the seeds at most ``FUZZ_WINDOW``
characters long, so that an input takes milliseconds and a run reaches 10⁶ inputs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.model import InputError, SourceFile, Span
from graph.normalise import clean
from graph.patterns.structure import DOCX_BOOKMARK, DOCX_FOOTNOTE_MARKER
from graph.pipeline import parse_source
from graph.read import read_source
from graph.segment import segment

REAL = Path(__file__).parent / "real"
SEED_TEXTS = [
    (REAL / name).read_text(encoding="utf-8") for name in ("02b9be7711f88c70.txt", "cc392cdbbc87983e.txt")
]
SEED_DOCX = (REAL / "hc-sct-vn__CV-597-HC-QLHC-CucHoaChat.docx").read_bytes()

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile(
    "default",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 25)),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=_SLOW,
)
settings.register_profile(
    "fuzz",
    max_examples=20_000,
    derandomize=False,
    deadline=None,
    database=None,
    suppress_health_check=_SLOW,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The long run's inputs, shared by cost: a random text parses in about 1 ms, a window of a seed
# in 2–4 ms, random bytes and damaged files are read in 3–10 ms.
SHARES = {"mutated": 0.30, "random text": 0.45, "random bytes": 0.15, "encodings": 0.05, "docx": 0.05}


def inputs(kind: str) -> settings:
    """The profile's settings; in the long run, this property's share of ``FUZZ_INPUTS``."""
    if os.environ.get("HYPOTHESIS_PROFILE") != "fuzz":
        return settings()
    return settings(max_examples=max(1, round(int(os.environ.get("FUZZ_INPUTS", 100_000)) * SHARES[kind])))


# Forms of the genre, inserted at random places.
MARKERS = [
    "[1]",
    "[12]",
    "[footnoteRef:2]",
    "[3:  Theo Quyết định số 12/QĐ-UBND ngày 01/02/2020.]",
    "\n[1] Theo Chỉ thị số 5-CT/TU.\n",
    " " * 49 + "\n1 Quyết định số 2293/QĐ-UBND ngày 11/8/2021 của UBND tỉnh.\n",
    "năm 20452",
    "tỉnh6.",
    "\nCăn cứ Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng;\n",
    "Căn cứ ",
    "\n1. ",
    "\n2. ",
    "\n1.1. ",
    "\nI. ",
    "\nII. ",
    "\na) ",
    "\n(1) ",
    "\n- ",
    "\n+ ",
    "\n* ",
    "\nĐiều 1. ",
    "\nChương I\n",
    "\n1\n",
    "\n1.1\n",
    "\nI\n",
    "  \n\n",
    "\t",
    " | ",
    "\nPHỤ LỤC\n",
    "\nPhụ lục I\n(Kèm theo Kế hoạch số 214/KH-UBND)\n",
    "\nNơi nhận:\n- Như trên;\n",
    "\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n",
    "Kế hoạch số 214/KH-UBND ngày 06/11/2024",
    "Sở Công Thương chủ trì, phối hợp với Sở Tài chính thực hiện",
    "; trong đó",
    "đến năm 2030",
    "\nSố: /KH-UBND\n",
    "[bookmark: _Hlk1]",
    "\u00a0",
    "\u200b",
    "\r\n",
    "\r",
    "\u0301",
    "\ufeff",
    "\x0c",
    "…",
    "(",
    ")",
    "[",
    "]",
]
ALPHABET = st.sampled_from(
    list(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩị"
        "0123456789 \n\t.,;:-–/()[]|*+§…\u00a0\u0301"
    )
)


# How much of a seed document one input keeps: a window this long at most (the whole document one
# time in eight), so that an input parses in a few milliseconds and the long run reaches 10⁶ inputs.
WINDOW_MAX = int(os.environ.get("FUZZ_WINDOW", 1500))


@st.composite
def mutated_text(draw) -> str:
    """A window of a real document, cut short at either end, with forms inserted, slices dropped or
    repeated, and characters replaced."""
    text = draw(st.sampled_from(SEED_TEXTS))
    if draw(st.integers(0, 7)):
        start = draw(st.integers(0, len(text)))
        text = text[start : start + draw(st.integers(0, WINDOW_MAX))]
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            text = text[:at] + draw(st.sampled_from(MARKERS)) * draw(st.integers(1, 3)) + text[at:]
        elif kind == 1:
            text = text[:at] + text[draw(st.integers(at, len(text))) :]
        elif kind == 2:
            stop = draw(st.integers(at, min(len(text), at + 400)))
            text = text[:stop] + text[at:stop] * draw(st.integers(1, 4)) + text[stop:]
        else:
            text = text[:at] + draw(st.text(ALPHABET, max_size=20)) + text[at + 1 :]
    return text


def _file(tmp: Path, data: bytes, suffix: str) -> Path:
    path = tmp / f"fuzzed{suffix}"
    path.write_bytes(data)
    return path


def _check(doc) -> None:
    text = doc.text.text
    source = doc.source.text
    spans: list[Span] = [s for c in doc.citations for s in (c.span,)]
    spans += [r.span for r in doc.relations]
    spans += [s for sec in doc.sections for s in (sec.span, sec.heading_span)]
    spans += [
        s for f in doc.footnotes for s in ([f.body] + list(f.continued) + ([f.marker] if f.marker else []))
    ]
    spans += [t.span for t in doc.tasks] + [i.span for i in doc.indicators]
    spans += [m.span for t in doc.tasks for m in t.lead + t.support]
    spans += [t.deadline.span for t in doc.tasks if t.deadline and t.deadline.span]
    spans += list(doc.meta.evidence.values())
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        original = doc.text.to_original(span)
        assert 0 <= original.start <= original.end <= len(source), (span, original)
    # extractors read the body as the segmenter hands it over: footnote marks, footnote bodies (a
    # DOCX body "[3:  Theo …]" may sit inside a citation running on past it) and Word bookmarks
    # blanked, so "02/2017[1]/TT-VPCP" is cited as "02/2017 /TT-VPCP"; a quote inside a footnote
    # body is the text at its span with the marks blanked
    body = segment(doc.text).body
    masked = _blanked(
        text,
        [f.marker for f in doc.footnotes if f.marker]
        + [Span(m.start(), m.end()) for p in (DOCX_BOOKMARK, DOCX_FOOTNOTE_MARKER) for m in p.finditer(text)],
    )
    notes = [s for f in doc.footnotes for s in [f.body, *f.continued]]
    for span, claimed in (
        [(c.span, c.text) for c in doc.citations]
        + [(r.span, r.text) for r in doc.relations]
        + [(m.span, m.printed) for t in doc.tasks for m in t.lead + t.support]
    ):
        read = masked if any(n.start <= span.start and span.end <= n.end for n in notes) else body
        assert clean(read[span.start : span.end]) == claimed, (span, claimed)
    for footnote in doc.footnotes:
        if not footnote.continued:
            assert clean(text[footnote.body.start : footnote.body.end]) == footnote.text, footnote


def _blanked(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = [" " if c != "\n" else c for c in chars[span.start : span.end]]
    return "".join(chars)


def _parse(data: bytes, suffix: str) -> None:
    """Read the bytes as a file of that kind, then parse it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = _file(Path(tmp), data, suffix)
        try:
            source = read_source(path)
        except InputError as refused:
            assert refused.name == path.name and refused.reason_en
            return
        _parse_source(source)


def _parse_text(text: str) -> None:
    """Parse decoded text directly (no file, no reader's checks): the parser must take any text."""
    _parse_source(SourceFile(path="fuzzed.txt", name="fuzzed.txt", sha256="", encoding="utf-8", text=text))


def _parse_source(source: SourceFile) -> None:
    try:
        doc = parse_source(source)
    except InputError as refused:
        assert refused.name == source.name and refused.reason_en
        return
    _check(doc)


@inputs("mutated")
@given(mutated_text())
def test_parser_on_mutated_real_documents(text):
    _parse_text(text)


@inputs("random text")
@given(st.text(ALPHABET, max_size=3000))
def test_parser_on_random_text(text):
    _parse_text(text)


@inputs("random bytes")
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".html", ".docx"]))
def test_reader_on_random_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = _file(Path(tmp), data, suffix)
        try:
            source = read_source(path)
        except InputError as refused:
            assert refused.name == path.name
            return
        assert isinstance(source.text, str)


@inputs("encodings")
@given(mutated_text(), st.sampled_from(["utf-8", "utf-16", "cp1258", "utf-8-sig"]), st.data())
def test_reader_on_damaged_encodings(text, encoding, data):
    raw = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(data.draw(st.integers(0, 4))):
        if raw:
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    _parse(bytes(raw), ".txt")


@inputs("docx")
@given(st.data())
def test_docx_reader_on_damaged_archives(data):
    raw = bytearray(SEED_DOCX)
    for _ in range(data.draw(st.integers(1, 6))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    _parse(bytes(raw), ".docx")


def test_docx_footnote_body_inside_a_citation():
    # fuzz finding: a paragraph ending inside a citation, its DOCX footnote body appended there
    # (read.py puts "[n:  …]" at the paragraph's end) and the citation running on in the next
    # paragraph; the quote is the citation without the body, its span covers both paragraphs
    lines = SEED_TEXTS[0].splitlines(keepends=True)
    assert lines[20] == "Căn cứ Thông tư số 1539/2017/TT-BTC ngày 29\n"
    note = "[footnoteRef:1] [1:  Theo Quyết định số 12/QĐ-UBND ngày 01/02/2020.] "
    text = "".join(lines[:20]) + lines[20].rstrip("\n") + note + "\n" + "".join(lines[21:])
    source = SourceFile(path="fuzzed.txt", name="fuzzed.txt", sha256="", encoding="utf-8", text=text)
    doc = parse_source(source)
    cited = {c.text: c.span for c in doc.citations}
    span = cited["Thông tư số 1539/2017/TT-BTC ngày 29 tháng 12 năm 2017 của Bộ Tài chính"]
    assert note in text[span.start : span.end]
    assert "Quyết định số 12/QĐ-UBND ngày 01/02/2020" in cited  # read from the footnote body
    _check(doc)


def test_a_word_bookmark_inside_a_footnote_citation_is_read_through():
    # fuzz finding: footnote bodies were scanned with Word's "[bookmark: …]" left in, so the law's
    # name was cut at it and the artefact reached a relation's quote; the body blanks them
    text = (
        "KẾ HOẠCH\nThực hiện nhiệm vụ[1].\n\n[1] Căn cứ Luật N[bookmark: _Hlk1]gân sách nhà nước số "
        "83/2015/QH13 được sửa đổi, bổ sung bởi Luật số 59/2020/QH14.\n"
    )
    doc = parse_source(SourceFile(path="x.txt", name="x.txt", sha256="", encoding="utf-8", text=text))
    assert not any("bookmark" in (c.text or "") for c in doc.citations)
    assert not any("bookmark" in (r.text or "") for r in doc.relations)
    assert "83/2015/QH13" in {c.target.symbol for c in doc.citations}
    _check(doc)
