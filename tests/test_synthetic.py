"""benchmarks/synthetic.py: a larger corpus made from real documents, deterministic and labelled."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from graph.pipeline import parse_file

ROOT = Path(__file__).resolve().parents[1]
# a real decision of Bắc Ninh's People's Committee (tests/real/SOURCES.md)
REAL_DECISION = ROOT / "tests" / "real" / "cc392cdbbc87983e.txt"


@pytest.fixture(scope="module")
def synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def source(tmp_path) -> Path:
    folder = tmp_path / "real"
    folder.mkdir()
    shutil.copy(REAL_DECISION, folder)
    return folder


def test_copies_are_labelled_and_the_same_for_the_same_seed(synthetic, source, tmp_path):
    first = synthetic.synthetic_corpus(source, tmp_path / "a", copies=3, seed=0)
    again = synthetic.synthetic_corpus(source, tmp_path / "b", copies=3, seed=0)
    other = synthetic.synthetic_corpus(source, tmp_path / "c", copies=3, seed=1)
    assert [p.name for p in first] == [f"synthetic-00{k}-cc392cdbbc87983e.txt" for k in range(3)]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]
    assert first[1].read_text(encoding="utf-8").splitlines()[0] == (
        "# VĂN BẢN TỔNG HỢP (synthetic): bản sao 1 của cc392cdbbc87983e.txt "
        "(copy 1 of cc392cdbbc87983e.txt), seed 0"
    )


def test_each_copy_is_another_document_with_its_own_number_date_and_province(synthetic, source, tmp_path):
    real = parse_file(REAL_DECISION)
    assert (real.meta.ref.symbol, real.meta.ref.date, real.meta.ref.jurisdiction) == (
        "1505/QĐ-UBND",
        dt.date(2025, 11, 20),
        "vn-56",
    )
    copies = [parse_file(p) for p in synthetic.synthetic_corpus(source, tmp_path / "out", copies=3, seed=0)]
    found = [(d.meta.ref.symbol, d.meta.ref.date, d.meta.ref.jurisdiction, d.meta.place) for d in copies]
    assert found == [
        ("150500/QĐ-UBND", dt.date(2025, 11, 11), "vn-44", "An Giang"),
        ("150501/QĐ-UBND", dt.date(2025, 11, 17), "vn-23", "Hà Tĩnh"),
        ("150502/QĐ-UBND", dt.date(2025, 11, 8), "vn-26", "Thừa Thiên Huế"),
    ]
    # the documents it cites are renumbered alike, so the copies do not share cited documents
    cited = [{c.target.symbol for c in d.citations if c.target.symbol} for d in copies]
    assert "0200/2017/TT-VPCP" in cited[0] and "0201/2017/TT-VPCP" in cited[1]
    assert not cited[0] & cited[1]
    assert [len(d.citations) for d in copies] == [len(real.citations)] * 3
