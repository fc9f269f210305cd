"""The readers of stop 15 on their real forms at size: a list of changers after "được sửa đổi, bổ sung bởi" and a
reporting part of paragraphs with no label.  Each grew faster than its input (benchmarks/scaling.py, shapes
``amended-by-list`` and ``unlabelled-paragraphs``: 299× and 87× the parse time for 10× the text); the tests hold
what the readers give there, and the reporting part to a generous linear time (CPU)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from graph.extract.citations import extract_citations
from graph.extract.metadata import extract_metadata
from graph.extract.tasks import prose_tasks
from graph.model import SourceFile, Span
from graph.normalise import normalise
from graph.segment import segment

# Nghị quyết 55/2025/NQ-HĐND of Hà Nội (tests/real/SOURCES.md), lines 13-14 of its preamble
HA_NOI_55 = Path(__file__).parent / "real" / "02b9be7711f88c70.txt"


def _relations(text: str):
    source = SourceFile(
        "excerpt.txt", "excerpt.txt", hashlib.sha256(text.encode()).hexdigest(), "utf-8", text
    )
    seg = segment(normalise(source))
    _, found = extract_citations(seg, extract_metadata(seg))
    return found


def _amends(found) -> list[tuple[str, str]]:
    return [(r.source.symbol, r.target.symbol) for r in found if r.kind == "amends" and r.source is not None]


def _budget_law_line() -> str:
    lines = HA_NOI_55.read_text(encoding="utf-8").splitlines()
    line = " ".join(lines[12:14])
    assert line.endswith("được sửa đổi, bổ sung bởi Luật số 59/2020/QH14, Luật số 56/2024/QH15;")
    return line


def test_each_changer_of_a_real_list_amends_the_law():
    assert _amends(_relations(_budget_law_line())) == [
        ("59/2020/QH14", "83/2015/QH13"),
        ("56/2024/QH15", "83/2015/QH13"),
    ]


def test_a_list_of_thousands_of_changers_is_followed_over_its_first_two_thousand_characters():
    # the real line with 3,000 more laws in its list: every changer's relation quotes the list from its start, so
    # following all of them quoted ~100 MB (quadratic: 54 s of parsing for 10,000 changers, the store load past 200 s)
    line = _budget_law_line().removesuffix(";")
    line += "".join(f", Luật số {k}/2025/QH15" for k in range(1, 3_001)) + ";"
    found = _relations(line)
    amends = _amends(found)
    assert amends[:3] == [
        ("59/2020/QH14", "83/2015/QH13"),
        ("56/2024/QH15", "83/2015/QH13"),
        ("1/2025/QH15", "83/2015/QH13"),
    ]
    # the changers that end within 2,000 characters of the list's start ("… 83/2015/QH13 được sửa đổi, bổ sung
    # bởi Luật số 59/2020/QH14"), each "Luật số k/2025/QH15" taking 20-23 characters
    assert 80 <= len(amends) <= 100
    assert sum(len(r.text) for r in found if r.kind == "amends") < 100_000


def test_a_reporting_part_of_thousands_of_unlabelled_paragraphs_is_read_in_linear_time():
    # the Đề án 08 plan's "VI. CHẾ ĐỘ BÁO CÁO" paragraph (tests/corpus/holdout2, see
    # test_tasks_holdout2_forms.test_an_unlabelled_paragraph_of_the_reporting_part_is_a_task) 10,000 times: each
    # line looked back over all the lines above it (13 s of CPU here, 0.53 s for 2,000 paragraphs)
    paragraph = (
        "Các phòng, đơn vị báo cáo tình hình thực hiện về Phòng Kế hoạch - Tổng hợp trước ngày 18 hằng tháng, đảm "
        "bảo theo đúng mẫu báo cáo quy định (tại Phụ lục đính kèm).\n"
    )
    text = "VI. CHẾ ĐỘ BÁO CÁO\n" + paragraph * 10_000
    started = time.process_time()
    tasks = prose_tasks(text, Span(0, len(text)))
    seconds = time.process_time() - started
    # the paragraphs within _HEADING_LOOKBACK (120) lines of their heading are its tasks, as before
    assert len(tasks) == 120
    assert {(t.label, tuple(m.printed for m in t.lead)) for t in tasks} == {("", ("Các phòng, đơn vị",))}
    assert seconds < 4.0, f"{seconds:.1f} s of CPU for 10,000 paragraphs (~0.25 s on the 2-core machine)"
