"""Consolidated texts (văn bản hợp nhất, "…/VBHN-…") on real ones (tests/real/SOURCES.md).

Before, such a text was typed by its type line, which names its base document's type ("QUYẾT
ĐỊNH" over "Số: 92/VBHN-BQP"), what it consolidates was not read, and the base's own clauses
("Nghị định này quy định …", "Điều 2. Bãi bỏ …") were read as said by the consolidated text.
"""

from __future__ import annotations

import time
from pathlib import Path

from rdflib import RDF, URIRef

from graph.pipeline import parse_file
from graph.rdf import document_graph
from graph.resolve import resolve
from graph.vocab import ELI, PG

REAL = Path(__file__).parent / "real"


def _relations(doc, kinds):
    return {
        (r.kind, r.source.symbol if r.source else "self", r.target.symbol or r.target.name)
        for r in doc.relations
        if r.kind in kinds
    }


def test_a_consolidated_decision_is_typed_by_its_symbol_and_consolidates_each_listed_document():
    # 92/VBHN-BQP: "Quyết định số 142/2008/QĐ-TTg …, được sửa đổi, bổ sung bởi:" over two unnumbered,
    # hard-wrapped items "Quyết định số 38/2010/QĐ-TTg …;" and "Quyết định số 22/2025/QĐ-TTg …"
    doc = parse_file(REAL / "8180ae11188469fd.txt")
    assert (doc.meta.ref.type_code, doc.meta.ref.symbol, doc.meta.ref.issuer_code) == (
        "VBHN",
        "92/VBHN-BQP",
        "BQP",
    )
    assert _relations(doc, {"consolidates", "amends"}) == {
        ("consolidates", "self", "142/2008/QĐ-TTg"),
        ("consolidates", "self", "38/2010/QĐ-TTg"),
        ("consolidates", "self", "22/2025/QĐ-TTg"),
        ("amends", "38/2010/QĐ-TTg", "142/2008/QĐ-TTg"),
        # the list says so; the item only says "sửa đổi, bổ sung một số điều của các Quyết định …"
        ("amends", "22/2025/QĐ-TTg", "142/2008/QĐ-TTg"),
        # stated in a footnote of the text
        ("amends", "188/2007/QĐ-TTg", "290/2005/QĐ-TTg"),
    }


def test_what_a_consolidated_decree_says_of_itself_is_said_by_its_base():
    # 81/VBHN-BNNMT reprints Nghị định 88/2024/NĐ-CP: "Nghị định này quy định chi tiết … Luật Đất đai"
    doc = parse_file(REAL / "cfc85d8b3511af54.txt")
    assert doc.meta.ref.type_code == "VBHN"
    found = _relations(doc, {"consolidates", "guides", "implements", "amends", "replaces", "repeals"})
    assert {r for r in found if r[0] == "consolidates"} == {
        ("consolidates", "self", "88/2024/NĐ-CP"),
        ("consolidates", "self", "151/2025/NĐ-CP"),
        ("consolidates", "self", "226/2025/NĐ-CP"),
    }
    assert not {r for r in found if r[1] == "self" and r[0] != "consolidates"}
    assert ("amends", "151/2025/NĐ-CP", "88/2024/NĐ-CP") in found


def test_the_graph_types_a_consolidated_text_and_links_it_with_eli_consolidates():
    doc = parse_file(REAL / "8180ae11188469fd.txt")
    res = resolve([doc])
    graph = document_graph(doc, res)
    own = next(graph.subjects(RDF.type, PG.ConsolidatedText))
    assert isinstance(own, URIRef) and str(own).endswith("/eli/vn/vbhn/2025/92-bqp")
    consolidated = {str(o).split("/eli/")[1] for o in graph.objects(own, ELI.consolidates)}
    assert consolidated == {"vn/qd/2008/142-ttg", "vn/qd/2010/38-ttg", "vn/qd/2025/22-ttg"}


def test_a_list_of_thousands_of_amending_documents_is_read_whole_in_linear_time(tmp_path):
    # the real 92/VBHN-BQP with 20,000 more decisions under "được sửa đổi, bổ sung bởi:": each item was compared
    # with every one found before it (benchmarks/scaling.py, shape consolidated-list: 10× the list, 60× the time;
    # here 4.8 s of CPU for 10,000 items before, 0.9 s after)
    text = (REAL / "8180ae11188469fd.txt").read_text(encoding="utf-8")
    extra = "".join(
        f"Quyết định số {k}/2026/QĐ-TTg ngày 06/5/2026 của Thủ tướng Chính phủ;\n" for k in range(1, 20_001)
    )
    marker = "Quyết định số 22/2025/QĐ-TTg"
    assert text.count(marker) >= 1
    at = text.index(marker)
    path = tmp_path / "92-vbhn-bqp-long.txt"
    path.write_text(text[:at] + extra + text[at:], encoding="utf-8")
    started = time.process_time()
    doc = parse_file(path)
    seconds = time.process_time() - started
    consolidated = {target for kind, _, target in _relations(doc, {"consolidates"})}
    assert len(consolidated) == 3 + 20_000
    assert {"142/2008/QĐ-TTg", "38/2010/QĐ-TTg", "22/2025/QĐ-TTg", "20000/2026/QĐ-TTg"} <= consolidated
    assert seconds < 8.0, (
        f"{seconds:.1f} s of CPU for 20,000 listed documents (~1.7 s after the fix, ~17 s before)"
    )
