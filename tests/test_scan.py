"""patterns/scan.py: an alternation at a word start, written so that a search skips ahead, matches
exactly what ``(?<!\\w)(?:A|B|…)`` matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.patterns.citations import _TYPE_NAMES
from graph.patterns.scan import word_start_alternation

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted(
    (ROOT / "tests/corpus/dev/texts").glob("*.txt")
)
# the ways the real texts print type names: title case, capitals in headings, lower case in a
# sentence, glued to a word before it (no citation), at the very start of the text
SENTENCES = (
    "KẾ HOẠCH\nThực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; căn cứ Bộ luật Lao động",
    "triển khai thực hiện nghị quyết, chương trình hành động và kế hoạch",
    "TạiNghị quyết số 111/NQ-CP; theo Quyết định2960/QĐ-UBND",
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE], ids=["case", "ignorecase"])
def test_same_matches_as_a_word_start_look_behind(flags):
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(_TYPE_NAMES)})", flags)
    fast = re.compile(word_start_alternation(_TYPE_NAMES, flags), flags)
    texts = [*SENTENCES, *(p.read_text(encoding="utf-8") for p in TEXTS)]
    assert sum(len(_spans(plain, t)) for t in texts) > 1000
    for text in texts:
        assert _spans(fast, text) == _spans(plain, text)


def test_ignoring_case_the_opening_class_holds_every_case_variant():
    # "K" also matches the Kelvin sign ignoring case: it is in the class, so a search stops there
    pattern = re.compile(word_start_alternation(["Kế\\s+hoạch"], re.IGNORECASE), re.IGNORECASE)
    assert [m.group() for m in pattern.finditer("KẾ HOẠCH, kế hoạch, \u212aế hoạch, Tkế hoạch")] == [
        "KẾ HOẠCH",
        "kế hoạch",
        "\u212aế hoạch",
    ]


def test_alternatives_must_open_with_a_letter():
    with pytest.raises(ValueError, match="open with a letter"):
        word_start_alternation([r"\d+", "Luật"])
