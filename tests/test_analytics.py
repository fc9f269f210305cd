"""graph.analytics: networkx graphs built from the store through SPARQL.

Two stores: tests/fixtures/chains.trig (hand-written chains, exact small graphs) and the
real seed store (conftest.seed_store: the five seeds built by graph.build)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import analytics
from graph.queries import resolve_document
from graph.store import settle

FIXTURE = Path(__file__).parent / "fixtures" / "chains.trig"
ELI = "https://w3id.org/policy-graph/eli/"
ORG = "https://w3id.org/policy-graph/org/"
NQ29, NQ23, NQ111 = ELI + "vn/nq/2022/29-tw", ELI + "vn/nq/2018/23-tw", ELI + "vn/nq/2024/111-cp"
CTR28, CTR31, CTR37 = ELI + "vn-27/ctr/2023/28-tu", ELI + "vn-29/ctr/2023/31-tu", ELI + "vn-29/ctr/2018/37-tu"
KH214 = ELI + "vn-29/kh/2024/214"
KH13, QD700 = ELI + "vn/kh/2022/13-tw", ELI + "vn/qd/2024/700-ttg"
QN_PLAN_FIXTURE, XSS_PLAN = ELI + "vn-27/kh/2023/draft-1a2b3c4d", ELI + "vn-27/kh/2023/draft-0badc0de"
QNG_PLAN_2019 = ELI + "vn-29/kh/2019/draft-5e6f7a8b"
QN_PLAN_SEED = ELI + "vn-27/kh/2023/draft-d867c7a4"  # seed 000: Kế hoạch (chưa có số) of UBND Quảng Nam


@pytest.fixture(scope="module")
def fixture_store():
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return settle(store)


@pytest.fixture(scope="module")
def fixture_graph(fixture_store):
    return analytics.document_graph(fixture_store)


@pytest.fixture(scope="module")
def seed_graph(seed_store):
    return analytics.document_graph(seed_store)


@pytest.fixture(scope="module")
def seed_tasks(seed_store):
    return analytics.task_graph(seed_store)


# ------------------------------------------------------------ fixture graph


def test_document_graph_reads_labels_types_and_relations(fixture_graph):
    node = fixture_graph.nodes[KH214]
    assert (
        node["label"],
        node["number"],
        node["type"],
        node["type_label"],
        node["date"],
        node["jurisdiction"],
        node["jurisdiction_label"],
        node["ingested"],
    ) == ("Kế hoạch 214/KH-UBND", "214/KH-UBND", "kh", "Kế hoạch", "2024-11-06", "vn-29", "Quảng Ngãi", True)
    assert fixture_graph.nodes[NQ29]["ingested"] is False
    edge = fixture_graph.edges[KH214, NQ111]
    assert edge["kinds"] == ["implements", "cites"]
    assert edge["relation"] == "implements"
    assert edge["evidence"] == {
        "implements": "Thực hiện Chương trình hành động của Chính phủ theo Nghị quyết số "
        "111/NQ-CP ngày 22/7/2024"
    }
    assert fixture_graph.edges[QN_PLAN_FIXTURE, ELI + "vn/luat/name/luat-quy-hoach"]["kinds"] == [
        "based-on",
        "cites",
    ]


def test_chain_of_29_in_fixture_has_levels_top_down(fixture_graph):
    chain = analytics.chain_graph(fixture_graph, NQ29)
    assert {n: chain.nodes[n]["level"] for n in chain} == {
        NQ29: 0,
        NQ111: 1,
        CTR28: 1,
        CTR31: 1,
        KH214: 2,
        QN_PLAN_FIXTURE: 2,
        XSS_PLAN: 2,
    }
    assert (KH214, NQ29) in chain.edges  # cites: drawn, but does not lift 214 to level 1


def test_chain_from_the_bottom_goes_up_and_depth_limits_it(fixture_graph):
    assert set(analytics.chain_graph(fixture_graph, KH214)) == {KH214, NQ111, CTR31, NQ29}
    assert set(analytics.chain_graph(fixture_graph, NQ29, depth=1)) == {NQ29, NQ111, CTR28, CTR31}


def test_chain_depths_missing_parents_and_unimplemented(fixture_graph):
    depths = {
        r["label"]: (r["depth"], r["documents"], r["ingested"]) for r in analytics.chain_depths(fixture_graph)
    }
    assert depths == {"Nghị quyết 29-NQ/TW": (2, 6, 4), "Nghị quyết 23-NQ/TW": (2, 2, 1)}
    missing = {r["label"]: r["implemented_by"] for r in analytics.missing_parents(fixture_graph)}
    assert missing == {
        "Chương trình 28-CTr/TU": [
            "<script>alert(1)</script>",
            "Kế hoạch (chưa có số) của UBND tỉnh Quảng Nam, 2023",
        ],
        "Chương trình 37-CTr/TU": ["Kế hoạch (chưa có số) của UBND tỉnh Quảng Ngãi, 2019"],
        "Nghị quyết 111/NQ-CP": ["Kế hoạch 214/KH-UBND"],
        "Nghị quyết 29-NQ/TW": ["Chương trình 31-CTr/TU"],
    }
    assert [
        (r["label"], r["implemented_in"]) for r in analytics.unimplemented_in(fixture_graph, "vn-27")
    ] == [("Nghị quyết 111/NQ-CP", ["vn-29"]), ("Nghị quyết 23-NQ/TW", ["vn-29"])]
    assert analytics.unimplemented_in(fixture_graph, "vn-29") == []


def test_workload_counts_led_supported_and_overdue(fixture_store):
    tasks = analytics.task_graph(fixture_store)
    loads = {
        (w.jurisdiction, w.label): (w.led, w.supported, w.overdue)
        for w in analytics.agency_workload(tasks, dt.date(2024, 1, 1))
    }
    assert loads == {
        ("vn-27", "Sở Công Thương"): (1, 1, 1),
        ("vn-27", "Sở Kế hoạch và Đầu tư"): (1, 1, 0),
        ("vn-29", "Sở Công Thương"): (2, 1, 1),
        ("vn-29", "Sở Khoa học và Công nghệ"): (1, 1, 0),
    }
    later = {w.agency: w.overdue for w in analytics.agency_workload(tasks, dt.date(2026, 1, 1), "vn-29")}
    assert later == {ORG + "vn-29/so-cong-thuong": 2, ORG + "vn-29/so-khoa-hoc-va-cong-nghe": 0}


def test_most_cited_ranks_by_citing_documents(fixture_graph):
    top = analytics.most_cited(fixture_graph, 2)
    assert [(r["label"], r["cited_by"], r["implemented_by"]) for r in top] == [
        ("Nghị quyết 29-NQ/TW", 5, 3),
        ("Chương trình 28-CTr/TU", 2, 2),
    ]
    assert top[0]["pagerank"] > top[1]["pagerank"] > 0


# ------------------------------------------------------------ the seed store


def test_seed_chain_of_29_nq_tw_exact_nodes_and_edges(seed_store, seed_graph):
    """Checked against the seeds: 001 (31-CTr/TU) and 004 (214/KH-UBND) carry out 29-NQ/TW; 004 says
    it implements 111/NQ-CP (itself carrying out 29-NQ/TW) and, in its purpose clause, 31-CTr/TU and
    29-NQ/TW; 000 (Quảng Nam plan) carries out 28-CTr/TU, which carries out 29-NQ/TW, and cites it."""
    root = resolve_document(seed_store, "29-NQ/TW").value
    assert root == NQ29
    chain = analytics.chain_graph(seed_graph, root)
    # 004 also implements 700/QĐ-TTg, which carries out Kế hoạch 13-KH/TW of the Politburo, which carries out
    # 29-NQ/TW (named there by its plenum: "Nghị quyết Hội nghị lần thứ sáu … về tiếp tục đẩy mạnh công
    # nghiệp hóa …"), so 214/KH-UBND is three steps below 29-NQ/TW on its longest route
    assert {n: chain.nodes[n]["level"] for n in chain} == {
        NQ29: 0,
        NQ111: 1,
        CTR28: 1,
        CTR31: 1,
        KH13: 1,
        QD700: 2,
        KH214: 3,
        QN_PLAN_SEED: 2,
    }
    assert {(u, v): kinds for u, v, kinds in chain.edges(data="kinds")} == {
        (CTR31, NQ29): ["implements", "cites"],
        (NQ111, NQ29): ["implements"],
        (CTR28, NQ29): ["implements"],
        (KH13, NQ29): ["implements"],
        (QD700, KH13): ["implements"],
        (KH214, CTR31): ["implements", "cites"],
        (KH214, NQ29): ["implements", "cites"],
        (KH214, NQ111): ["implements", "cites"],
        (KH214, QD700): ["implements", "cites"],
        (KH214, KH13): ["cites"],
        (QN_PLAN_SEED, CTR28): ["implements", "cites"],
        (QN_PLAN_SEED, NQ29): ["cites"],
    }
    assert (
        chain.edges[KH214, NQ111]["evidence"]["implements"]
        == "Nghị quyết số 111/NQ-CP ngày 22/7/2024 của Chính phủ"
    )


def test_seed_chain_of_23_nq_tw(seed_graph):
    chain = analytics.chain_graph(seed_graph, NQ23)
    assert sorted((chain.nodes[n]["level"], chain.nodes[n]["label"]) for n in chain) == [
        (0, "Nghị quyết 23-NQ/TW"),
        (1, "Chương trình 16-CTr/TU"),
        (1, "Chương trình 37-CTr/TU"),
        (1, "Nghị quyết 124/NQ-CP"),
        (2, "Kế hoạch (chưa có số) của Ủy ban nhân dân tỉnh Quảng Ngãi, 2019"),
        # seed 000 footnote 2 numbers the plan its body describes: "Kế hoạch thực hiện Chương trình 16-CTr/TU …²"
        (2, "Kế hoạch 5050/KH-UBND"),
    ]


def test_seed_workload_of_so_cong_thuong_in_each_province(seed_tasks):
    loads = {
        w.jurisdiction: (w.led, w.supported, w.overdue)
        for w in analytics.agency_workload(seed_tasks, dt.date(2025, 1, 1))
        if w.label == "Sở Công Thương"
    }
    # vn-29 counts 002's "2. Sở Công Thương có trách nhiệm chủ trì, phối hợp với …" (Tổ chức thực hiện)
    assert loads == {"vn-27": (31, 0, 1), "vn-29": (15, 8, 6)}


def test_seed_compare_quang_nam_and_quang_ngai_on_29(seed_graph, seed_tasks):
    rows = analytics.compare_implementation(seed_graph, seed_tasks, NQ29, ["vn-27", "vn-29"])
    assert [[d["label"] for d in r["documents"]] for r in rows] == [
        ["Chương trình 28-CTr/TU", "Kế hoạch (chưa có số) của Ủy ban nhân dân tỉnh Quảng Nam, 2023"],
        ["Chương trình 31-CTr/TU", "Kế hoạch 214/KH-UBND"],
    ]
    # the longest route: 214/KH-UBND → 700/QĐ-TTg → Kế hoạch 13-KH/TW (Politburo) → 29-NQ/TW
    assert rows[1]["documents"][1]["route"] == [
        "Kế hoạch 214/KH-UBND",
        "Quyết định 700/QĐ-TTg",
        "Kế hoạch 13-KH/TW",
        "Nghị quyết 29-NQ/TW",
    ]
    assert [(r["first_date"], r["days_after"]) for r in rows] == [("2023-04-11", 145), ("2023-02-16", 91)]
    assert "Sở Công Thương" in rows[0]["shared_lead_agencies"]


def test_seed_most_cited(seed_graph):
    assert [(r["label"], r["cited_by"]) for r in analytics.most_cited(seed_graph, 2)] == [
        # 29-NQ/TW: 000, 001, 004, 28-CTr/TU, 111/NQ-CP and 13-KH/TW (which names it by its plenum); ties by PageRank
        ("Nghị quyết 29-NQ/TW", 6),
        ("Nghị quyết 23-NQ/TW", 6),
    ]
