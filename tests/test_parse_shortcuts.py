"""The parser's shortcuts for speed (stop 19) give the answers of the work they skip, on real text.

Each shortcut skips work whose answer it knows beforehand: a regular expression is not run on a clause
or a line that lacks what every match of it holds, the share of common syllables stops being counted
once the words read settle it, a line's agency heading is read once per text.  These tests run the
skipped work beside each shortcut on real documents and compare.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import graph.read as read
from graph.build import _in_background
from graph.extract import tasks
from graph.normalise import normalise
from graph.read import read_source, share_at_least, vietnamese_share

ROOT = Path(__file__).resolve().parents[1]
# real documents of the corpora (their sources in tests/real/SOURCES.md and tests/corpus/*/SOURCE.md)
REAL = [
    ROOT / "data" / "raw" / "quang-ngai_kh-ubnd_2024_214.txt",
    ROOT / "data" / "raw" / "quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt",
    ROOT / "tests" / "real" / "a161f65b93293a7b.txt",
    ROOT / "tests" / "real" / "c5d930a5fc8373cd.txt",
    ROOT / "tests" / "corpus" / "holdout4" / "texts" / "cb6eb2174499b5d1.txt",  # "… có ý kiến như sau:"
    ROOT
    / "tests"
    / "corpus"
    / "holdout4"
    / "texts"
    / "x0d99145e_bnv-cv10988-tuyen-truyen.txt",  # "Kính gửi:"
    ROOT
    / "tests"
    / "corpus"
    / "holdout3"
    / "texts"
    / "692e12b0ab77712a.txt",  # "… THỦ TƯỚNG CHÍNH PHỦ điện:"
]


def _text(path: Path) -> str:
    return normalise(read_source(path)).text


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {path.name: _text(path) for path in REAL}


# ------------------------------------------------------------------ share of common syllables


def test_the_share_read_a_piece_at_a_time_answers_as_the_whole_count(texts):
    """At thresholds on both sides of each document's share (so that both early answers are taken) and on
    pieces of it, ``share_at_least`` answers what counting every word answers."""
    for text in texts.values():
        share = vietnamese_share(text)
        assert 0.3 < share < 0.95  # Vietnamese: both sides of the threshold are tried below
        for part in (text, text[: len(text) // 3], text[:9000], text[:40]):
            whole = vietnamese_share(part)
            for least in (0.0, 0.05, 0.2, whole - 0.01, whole, whole + 0.01, share, 0.99, 1.0):
                assert share_at_least(part, least) == (whole >= least), (least, len(part))


def test_the_share_is_not_settled_early_by_a_vietnamese_opening_over_a_rest_of_short_words(texts):
    """The bound on the words left (one per two characters) is reached by one-letter words with one space
    each: a Vietnamese opening of 9,000 characters followed by such a rest, as many as bring the share just
    under or just over the threshold, is told as counting every word tells it."""
    opening = texts["quang-ngai_kh-ubnd_2024_214.txt"][:9000]
    words = read._WORD.findall(opening.lower())
    hits = sum(w in read.COMMON_SYLLABLES for w in words)
    for extra in (-50, -1, 0, 1, 50):
        rest = hits * 5 - len(words) + extra  # one-letter words: the share is hits / (words + rest)
        text = opening + " x" * rest
        assert share_at_least(text, 0.2) == (vietnamese_share(text) >= 0.2) == (extra <= 0), extra


def test_the_share_of_text_without_words_or_of_another_language():
    assert share_at_least("", 0.2) is False
    assert share_at_least("12/2024 – 3.5 %", 0.2) is False
    assert share_at_least("", 0.0) is True  # 0.0 >= 0.0, as vietnamese_share gives
    english = "The committee shall report on the implementation of this plan every quarter. " * 400
    assert vietnamese_share(english) < 0.2 and share_at_least(english, 0.2) is False


def test_a_long_vietnamese_text_is_settled_before_its_end(monkeypatch, texts):
    """The plan 214/KH-UBND of Quảng Ngãi read four times over (117,660 characters): the words of the first
    pieces settle the share, the rest is not read."""
    text = texts["quang-ngai_kh-ubnd_2024_214.txt"] * 4
    pieces = []
    word = read._WORD

    class Counting:
        def findall(self, string: str, start: int, end: int) -> list[str]:
            pieces.append((start, end))
            return word.findall(string, start, end)

    monkeypatch.setattr(read, "_WORD", Counting())
    assert share_at_least(text, 0.2) is True
    assert pieces and pieces[-1][1] < len(text) * 2 // 3  # (65,559 of 117,660 characters)


def test_a_legacy_font_text_is_still_told_by_its_share():
    """TCVN3 glyph codes read as Latin-1 letters are no Vietnamese until converted (read._repair_legacy_font)."""
    vietnamese = _text(REAL[0])[:3000]
    inverse = str.maketrans({unicode: glyph for glyph, unicode in read.TCVN3_TO_UNICODE.items()})
    legacy = unicodedata.normalize("NFC", vietnamese).translate(inverse)
    assert legacy != vietnamese
    assert share_at_least(legacy, read.VIETNAMESE_SHARE_MIN) == (
        vietnamese_share(legacy) >= read.VIETNAMESE_SHARE_MIN
    )
    assert share_at_least(legacy.translate(read._TCVN3_TABLE), read.VIETNAMESE_SHARE_MIN) is True


# ------------------------------------------------------------------ the task readers' patterns


def test_a_pattern_is_not_run_where_the_clause_lacks_its_word(texts):
    """From every line's start of seven real documents (and each word start of the lines saying who acts), a
    pattern that ``_lacks_literal`` skips would not have matched; and each pattern does match somewhere, so the
    test compares something."""
    matched = dict.fromkeys(tasks._LITERALS, 0)
    for body in texts.values():
        starts, pos = [], 0
        for line in body.split("\n"):
            starts.append(pos)
            if "phối hợp" in line.lower() or ";" in line or "chủ trì" in line or "chịu" in line:
                starts += [pos + i + 1 for i, c in enumerate(line) if c == " "]
            pos += len(line) + 1
        for start in starts:
            end = body.find("\n\n", start)
            end = len(body) if end < 0 else end
            for pattern in tasks._LITERALS:
                match = pattern.match(body, start, end)
                if tasks._lacks_literal(pattern, body, start, end):
                    assert match is None, (pattern.pattern[:40], body[start:end][:120])
                elif match:
                    matched[pattern] += 1
    assert all(matched.values()), matched


def test_the_lines_that_cannot_open_an_opinion_or_an_address_are_not_searched(texts):
    """``_OPINION_INTRO`` and ``_ADDRESSED_TO`` end with a colon at the end of the line: a line without one is
    not searched, and would not have matched; the Government Office's letter ("… có ý kiến như sau:"), the
    Ministry's letter ("Kính gửi:") and the Prime Minister's dispatch ("… điện:") each have a line that does."""
    found = {"opinion": 0, "addressed": 0}
    for body in texts.values():
        for line in body.split("\n"):
            if not line.rstrip().endswith(":"):
                assert tasks._OPINION_INTRO.search(line) is None
            else:
                found["opinion"] += bool(tasks._OPINION_INTRO.search(line))
            if not line.rstrip(" \t").endswith(":"):
                assert tasks._ADDRESSED_TO.search(line) is None
            else:
                found["addressed"] += bool(tasks._ADDRESSED_TO.search(line))
    assert found["opinion"] >= 1 and found["addressed"] >= 2, found


def test_an_agency_heading_read_once_per_text_is_the_heading_of_every_line_with_that_text(texts):
    """Two lines with the same text (at different places) get the heading read for the first, which says where
    the names are within the line; the readers add the line's start.  It is what reading it again gives."""
    found = 0
    for body in texts.values():
        for line in tasks.lines_of(body, tasks.Span(0, len(body))):
            heading, again = tasks._agency_heading_at(line), tasks._agency_heading_in.__wrapped__(line.text)
            if heading is None:
                assert again is None
                continue
            found += 1
            assert again is not None and again.span("names") == heading.span("names")
            names = body[line.start + heading.start("names") : line.start + heading.end("names")]
            assert names == heading["names"]
            moved = tasks.Line(line.start + 7, line.end + 7, line.text)
            assert tasks._agency_heading_at(moved) is heading
    assert found >= 5, found


# ------------------------------------------------------------------ the build


def test_work_started_in_the_background_gives_its_answer_or_its_error():
    assert _in_background(lambda: 42).result() == 42

    def fails() -> None:
        raise OSError("agencies.ttl: no such file")

    with pytest.raises(OSError, match=r"agencies\.ttl"):
        _in_background(fails).result()


def test_a_name_printed_again_is_read_as_the_first_time(texts):
    """Every body named in the tasks of the plans and letters above: the mention's name, group and official
    read once per printed name (agencies._read_name) are what reading that name again gives."""
    from graph.extract import agencies
    from graph.extract.tasks import extract_tasks
    from graph.segment import segment

    mentions = [
        mention
        for path in REAL
        for task in extract_tasks(segment(normalise(read_source(path))))
        for mention in (*task.lead, *task.support)
    ]
    assert len(mentions) > 100 and len({m.printed for m in mentions}) < len(mentions)  # names do repeat
    for mention in mentions:
        assert mention.name == agencies.normalise_agency_name(mention.printed)
        assert mention.is_group == agencies.is_group_name(mention.name)
        assert mention.by_official == agencies.names_an_official(mention.printed)
