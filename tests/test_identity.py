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
