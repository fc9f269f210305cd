"""graph.viz and the viz/stats commands: offline, escaped pages; static images; the seed chain drawn."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph import analytics, viz
from graph.store import open_store, settle
from graph.viz_cli import stats
from graph.viz_cli import viz as viz_group
from test_analytics import CTR28, FIXTURE, KH214, NQ29, QN_PLAN_SEED, XSS_PLAN

# URLs that may appear in a page without loading anything: vis-network's licence comments and
# the SVG namespace inside its bundle, and the graph's own IRIs shown as text in tooltips.
INERT_URL = re.compile(
    r"https?://(almende\.com|opensource\.org/licenses/MIT|www\.apache\.org/licenses/LICENSE-2\.0"
    r"|www\.w3\.org/2000/svg|github\.com/(uuidjs|visjs|zloirock)[^\"' ]*|visjs\.github\.io/vis-network/"
    r"|w3id\.org/policy-graph/[^\"' ]*)"
)
URL = re.compile(r"https?://[^\s\"'<>)\\]+")
LOADS = re.compile(
    r"(<script[^>]+src\s*=|<link[^>]+href\s*=|url\(\s*['\"]?|@import\s+['\"]?)\s*['\"]?(https?:)?//",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def fixture_store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "store"
    store = ox.Store(str(path))
    store.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    settle(store)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def seed_chain_html(seed_store):
    return viz.render_html(viz.chain_view(analytics.document_graph(seed_store), NQ29))


def without_bundle(page: str) -> str:
    """The page minus the inlined vis-network JS/CSS (whose code holds a '<script>' string and base64 images)."""
    for name in ("vis-network.min.js", "vis-network.css"):
        page = page.replace((viz.PYVIS_LIB / name).read_text(encoding="utf-8"), "")
    return page


def assert_offline(page: str) -> None:
    assert not LOADS.search(page)
    assert [u for u in URL.findall(page) if not INERT_URL.match(u)] == []


def test_seed_chain_page_has_every_node_escaped_and_loads_nothing(seed_store, seed_chain_html):
    chain = analytics.chain_graph(analytics.document_graph(seed_store), NQ29)
    for node in chain:
        assert html.escape(chain.nodes[node]["label"]) in seed_chain_html  # the document list
        assert json.dumps(node) in seed_chain_html  # the network data
    assert "Kế hoạch (chưa có số) của Ủy ban nhân dân tỉnh Quảng Nam, 2023" in seed_chain_html
    assert_offline(seed_chain_html)
    assert "bootstrap" not in seed_chain_html.lower() and "cdn" not in without_bundle(seed_chain_html).lower()


def test_seed_chain_positions_are_top_down_and_frozen(seed_store):
    view = viz.chain_view(analytics.document_graph(seed_store), NQ29)
    y = {n.id: n.y for n in view.nodes}
    # rows by longest route: 214/KH-UBND sits under 700/QĐ-TTg, which sits under 13-KH/TW, beside 28-CTr/TU
    assert y[NQ29] < y[CTR28] < y[QN_PLAN_SEED] < y[KH214]
    bands = {b.key: (b.x0, b.x1) for b in view.bands}
    assert list(bands) == ["vn-27", "vn", "vn-29"]  # Trung ương in the middle
    assert all(bands[n.band][0] < n.x < bands[n.band][1] for n in view.nodes)
    assert {n["physics"] for n in viz.to_network(view).nodes} == {False}
    labels = {e.label for e in view.edges}
    assert labels == {"thực hiện · implements", "trích dẫn · cites"}


def test_fixture_script_label_is_escaped_everywhere(fixture_store_path):
    store = open_store(fixture_store_path)
    graph = analytics.document_graph(store)
    page = viz.render_html(viz.chain_view(graph, NQ29, tasks=analytics.task_graph(store)))
    assert "<script>alert(1)</script>" not in page
    assert "<b>in đậm</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the document list, html-escaped
    assert json.dumps(XSS_PLAN) in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page  # the network data, JSON-escaped
    assert without_bundle(page).count("<script") == 2  # the inlined vis-network bundle and our own code
    assert_offline(page)


def test_heading_is_escaped(fixture_store_path):
    store = open_store(fixture_store_path)
    view = viz.chain_view(analytics.document_graph(store), XSS_PLAN)
    page = viz.render_html(view)
    assert "<h1>Chuỗi triển khai · Implementation chain: &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_tooltips_carry_number_date_issuer_title_and_source_sentence(seed_store):
    view = viz.chain_view(analytics.document_graph(seed_store), NQ29)
    title = view.node(KH214).title.split("\n")
    assert title[:5] == [
        "Kế hoạch 214/KH-UBND",
        "Số / Number: 214/KH-UBND",
        "Ngày / Date: 06/11/2024",
        "Cơ quan ban hành / Issuer: Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Trích yếu / Title: " + view.node(KH214).title.split("Trích yếu / Title: ")[1].split("\n")[0],
    ]
    assert any(line.startswith("Câu nguồn / Source: “") for line in title)
    assert title[-1] == KH214


def test_png_and_svg_are_written(seed_store, tmp_path):
    view = viz.chain_view(analytics.document_graph(seed_store), NQ29)
    png = viz.write(view, tmp_path / "chain.png", "png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000
    svg = viz.write(view, tmp_path / "chain.svg", "svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


def test_png_is_the_same_whatever_order_the_store_answered_in(seed_store, tmp_path):
    """make demo rebuilt the seed store and drew viz/chain-29-NQ-TW.png with 142 pixels changed
    (the same HTML): the view's nodes and edges come in the store's answer order, which differs
    between two builds of the same graph, and marks that overlap were drawn in that order."""
    view = viz.chain_view(analytics.document_graph(seed_store), NQ29)
    shuffled = dataclasses.replace(view, nodes=view.nodes[::-1], edges=view.edges[::-1])
    first = viz.write(view, tmp_path / "a.png", "png").read_bytes()
    assert viz.write(shuffled, tmp_path / "b.png", "png").read_bytes() == first


def test_agencies_view_sizes_by_workload(seed_store):
    tasks = analytics.task_graph(seed_store)
    view = viz.agencies_view(analytics.document_graph(seed_store), tasks, "vn-29")
    agencies = [n for n in view.nodes if n.kind == "agency"]
    assert {n.group for n in agencies} == {"vn-29"}
    so_ct = view.node("https://w3id.org/policy-graph/org/vn-29/so-cong-thuong")
    assert so_ct.label.replace("\n", " ") == "Sở Công Thương (15+8)"
    assert so_ct.size == max(n.size for n in agencies if n.label.startswith("Sở "))
    assert_offline(viz.render_html(view))


def test_overview_hides_citations_until_ticked(seed_store):
    view = viz.overview_view(analytics.document_graph(seed_store))
    assert (
        len([n for n in view.nodes if n.kind == "document"])
        == analytics.document_graph(seed_store).number_of_nodes()
    )
    page = viz.render_html(view)
    assert 'class="f-rel" value="cites" >' in page.replace("  ", " ")
    assert_offline(page)


# ------------------------------------------------------------ commands


def test_viz_chain_command_writes_html_and_png(fixture_store_path, tmp_path):
    runner = CliRunner()
    out = tmp_path / "c.html"
    result = runner.invoke(
        viz_group, ["chain", "29-NQ/TW", "-o", str(out), "--store", str(fixture_store_path)]
    )
    assert result.exit_code == 0, result.output
    assert "Nghị quyết 111/NQ-CP" in out.read_text(encoding="utf-8")
    result = runner.invoke(
        viz_group,
        [
            "chain",
            "Nghị quyết 29",
            "--depth",
            "1",
            "--format",
            "png",
            "-o",
            str(tmp_path / "c.png"),
            "--store",
            str(fixture_store_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    result = runner.invoke(viz_group, ["chain", "99-NQ/TW", "--store", str(fixture_store_path)])
    assert result.exit_code == 1 and "99-NQ/TW" in result.output


def test_viz_examples_writes_the_six_files(seed_build, tmp_path):
    result = CliRunner().invoke(
        viz_group, ["examples", "--store", str(seed_build[1]), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "agencies-vn-29.html",
        "agencies-vn-29.png",
        "chain-23-NQ-TW.html",
        "chain-23-NQ-TW.png",
        "chain-29-NQ-TW.html",
        "chain-29-NQ-TW.png",
    ]


def test_stats_json_and_table(fixture_store_path):
    runner = CliRunner()
    args = [
        "--store",
        str(fixture_store_path),
        "--today",
        "2024-01-01",
        "--compare",
        "vn-27,vn-29",
        "--doc",
        "29-NQ/TW",
    ]
    result = runner.invoke(stats, ["--format", "json", *args])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["today"] == "2024-01-01"
    assert [p["jurisdiction"] for p in report["compare"]["provinces"]] == ["vn-27", "vn-29"]
    assert {(w["jurisdiction"], w["label"], w["led"]) for w in report["workload"]} >= {
        ("vn-29", "Sở Công Thương", 2)
    }
    table = runner.invoke(stats, args).output
    assert "## Khối lượng nhiệm vụ · Agency workload" in table
    assert "vn-29: Kế hoạch 214/KH-UBND → Nghị quyết 111/NQ-CP → Nghị quyết 29-NQ/TW" in table
    assert runner.invoke(stats, ["--store", str(fixture_store_path), "--compare", "vn-27"]).exit_code == 2
