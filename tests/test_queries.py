"""The named queries (queries/*.rq) on the seed graph: exact rows, safe parameters, formats, CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.queries import (
    QueryError,
    _printed_exactly,
    bind,
    get_query,
    list_queries,
    paged,
    resolve_document,
    run_query,
    term_text,
    to_csv,
    to_json,
    with_values,
)
from graph.store import settle

BASE = "https://w3id.org/policy-graph"


def rows(store, name, **params) -> list[tuple]:
    result = run_query(store, name, params)
    return [tuple(term_text(r.get(c)) for c in result.columns) for r in result.rows]


def column(store, name, col, **params) -> list[str]:
    result = run_query(store, name, params)
    return [term_text(r.get(col)) for r in result.rows]


def split(joined: str) -> list[str]:
    """Agencies joined with " ; " (GROUP_CONCAT leaves their order to the store)."""
    return sorted(joined.split(" ; ")) if joined else []


def plan_000(store) -> str:
    return next(
        d
        for d, *_, source in rows(store, "documents")
        if source == "quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt"
    )


REQUIRED_COLUMNS = {
    "documents": "doc type number date issuer title source",
    "citations": "citing citingNumber cited citedType citedNumber citedDate citedIssuer relation footnote",
    "tasks": "doc task label text lead support deadline output",
    "indicators": "doc indicator label name target agency",
    "chain-down": "doc number type issuer date implements depth",
    "chain-up": "doc number type issuer date depth",
    "agency-tasks": "task doc label text role deadline",
    "due": "task doc label lead deadline topResolution",
    "cited-laws": "cited number title count citingDocs",
    "unimplemented": "doc number type issuer",
    "compare": "jurisdiction plans tasks leadAgencies",
}


@pytest.mark.parametrize("name, columns", sorted(REQUIRED_COLUMNS.items()))
def test_required_queries_keep_their_public_columns(name, columns):
    query = {q.name: q for q in list_queries()}[name]
    assert query.columns == columns.split()
    assert query.description


def test_chain_down_of_29_nq_tw(seed_store):
    plan = plan_000(seed_store)
    found = [(*r[:5], " ; ".join(split(r[5])), r[6]) for r in rows(seed_store, "chain-down", doc="29-NQ/TW")]
    assert found == [
        (
            f"{BASE}/eli/vn/nq/2024/111-cp",
            "111/NQ-CP",
            "Nghị quyết",
            "Chính phủ",
            "2024-07-22",
            "Nghị quyết 29-NQ/TW",
            "1",
        ),
        # the Politburo's plan, which 004 says carries out "Nghị quyết Hội nghị lần thứ sáu … về tiếp tục đẩy
        # mạnh công nghiệp hóa …" (29-NQ/TW by the table of plenum resolutions)
        (
            f"{BASE}/eli/vn/kh/2022/13-tw",
            "13-KH/TW",
            "Kế hoạch",
            "Bộ Chính trị",
            "2022-11-28",
            "Nghị quyết 29-NQ/TW",
            "1",
        ),
        (
            f"{BASE}/eli/vn-27/ctr/2023/28-tu",
            "28-CTr/TU",
            "Chương trình",
            "Tỉnh ủy Quảng Nam",
            "2023-04-11",
            "Nghị quyết 29-NQ/TW",
            "1",
        ),
        (
            f"{BASE}/eli/vn-29/ctr/2023/31-tu",
            "31-CTr/TU",
            "Chương trình",
            "Tỉnh ủy Quảng Ngãi",
            "2023-02-16",
            "Nghị quyết 29-NQ/TW",
            "1",
        ),
        (plan, "", "Kế hoạch", "Ủy ban nhân dân tỉnh Quảng Nam", "", "Chương trình 28-CTr/TU", "2"),
        (
            f"{BASE}/eli/vn/qd/2024/700-ttg",
            "700/QĐ-TTg",
            "Quyết định",
            "Thủ tướng Chính phủ",
            "2024-07-19",
            "Kế hoạch 13-KH/TW",
            "2",
        ),
        (
            f"{BASE}/eli/vn-29/kh/2024/214",
            "214/KH-UBND",
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "2024-11-06",
            "Chương trình 31-CTr/TU ; Nghị quyết 111/NQ-CP ; Nghị quyết 29-NQ/TW ; Quyết định 700/QĐ-TTg",
            "3",
        ),
    ]


def test_chain_up_of_214(seed_store):
    found = {(r[1], r[5]) for r in rows(seed_store, "chain-up", doc="214/KH-UBND")}
    # 13-KH/TW's "Nghị quyết Hội nghị lần thứ sáu …" is 29-NQ/TW: no unnumbered plenum node above it any more,
    # and 29-NQ/TW's depth is that of its longest route (214 → 700/QĐ-TTg → 13-KH/TW → 29-NQ/TW)
    assert found == {
        ("111/NQ-CP", "1"),
        ("31-CTr/TU", "1"),
        ("700/QĐ-TTg", "1"),
        ("29-NQ/TW", "3"),
        ("13-KH/TW", "2"),
    }
    assert column(seed_store, "chain-up", "doc", doc="214/KH-UBND").count(f"{BASE}/eli/vn/nq/2022/29-tw") == 1


def test_document_parameter_accepts_what_people_write(seed_store):
    by_symbol = rows(seed_store, "chain-down", doc="29-NQ/TW")
    assert rows(seed_store, "chain-down", doc="29- nq/tw") == by_symbol
    assert rows(seed_store, "chain-down", doc="Nghị quyết 29") == by_symbol
    assert rows(seed_store, "chain-down", doc="Nghị quyết số 29") == by_symbol
    assert rows(seed_store, "chain-down", doc=f"{BASE}/eli/vn/nq/2022/29-tw") == by_symbol


def test_injection_value_is_just_a_value(seed_store, seed_build):
    before = len(seed_store)
    with pytest.raises(QueryError, match="không tìm thấy văn bản"):
        run_query(seed_store, "tasks", {"doc": 'x" } DROP ALL #'})
    assert run_query(seed_store, "provenance", {"fact": 'x" } DROP ALL #'}).rows == []
    assert len(seed_store) == before


def unordered(found: list[tuple]) -> list[tuple]:
    return sorted(tuple(" ; ".join(split(cell)) for cell in row) for row in found)


@pytest.mark.parametrize(
    "name, params",
    [
        ("chain-down", {"doc": "Nghị quyết 29"}),
        ("due", {"until": "2020"}),
        ("agency-tasks", {"agency": "Sở Công Thương"}),  # one name, a body in each province: two VALUES rows
        ("tasks", {}),
    ],
)
def test_bound_text_answers_like_substitution(seed_store, name, params):
    query = get_query(name)
    text = with_values(query, bind(seed_store, query, params))
    assert (text == query.text) == (not params)
    by_text = [tuple(term_text(s[c]) for c in query.columns) for s in seed_store.query(text)]
    assert by_text
    assert unordered(by_text) == unordered(rows(seed_store, name, **params))


def test_bound_text_shows_the_resolved_terms(seed_store):
    query = get_query("chain-down")
    assert "VALUES (?root) { (<https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw>) }" in with_values(
        query, bind(seed_store, query, {"doc": "29-NQ/TW"})
    )
    due = get_query("due")
    assert 'VALUES (?until) { ("2020-12-31"^^<http://www.w3.org/2001/XMLSchema#date>) }' in with_values(
        due, bind(seed_store, due, {"until": "2020"})
    )
    fact = get_query("provenance")
    text = with_values(fact, bind(seed_store, fact, {"fact": 'x" } DROP ALL #'}))
    assert 'VALUES (?fact) { ("x\\" } DROP ALL #") }' in text
    assert list(seed_store.query(text)) == []


def test_a_document_implementing_29_nq_tw_is_one_row_not_one_per_file_describing_it(seed_store, seed_build):
    """The union the queries read is a set: 31-CTr/TU, described by seed 001 and cited by seed 004,
    used to come back once per file stating the link (four times over the union of the file graphs
    when each held all its file states); each triple is now stored once."""
    report = seed_build[0]
    query = (
        "SELECT ?d WHERE { ?d <http://data.europa.eu/eli/ontology#ensures_implementation_of> "
        f"<{BASE}/eli/vn/nq/2022/29-tw> }}"
    )
    implementers = [row["d"].value for row in seed_store.query(query)]
    assert len(implementers) == len(set(implementers))
    assert f"{BASE}/eli/vn-29/ctr/2023/31-tu" in implementers
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    in_default = int(next(iter(seed_store.query(count)))["n"].value)
    assert in_default == int(next(iter(seed_store.query(distinct)))["n"].value) == report.store_triples
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(next(iter(seed_store.query(named)))["n"].value) == report.store_triples < report.store_quads


def test_tasks_of_214(seed_store):
    found = rows(seed_store, "tasks", doc="214/KH-UBND")
    assert len(found) == 43
    by_label = {r[2]: r for r in found}
    assert by_label["3.3"][4] == "Sở Tài chính"
    assert split(by_label["3.3"][5]) == ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]
    assert split(by_label["3.6"][4]) == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]
    assert by_label["3.6"][5] == "Sở Khoa học và Công nghệ"
    assert by_label["1.2"][4:6] == by_label["1.1"][4:6]  # the merged body cells of rows 1.1 and 1.2
    assert by_label["2."][4] == "Sở Kế hoạch và Đầu tư"
    assert by_label["2."][3].startswith("Giao Sở Kế hoạch và Đầu tư chủ trì")


def test_tasks_of_the_whole_corpus(seed_store):
    found = rows(seed_store, "tasks")
    assert len(found) == 293  # 291 before stop 18's two bullets of seed 000's III.1
    first_000 = next(r for r in found if r[0] == plan_000(seed_store) and r[2] == "1.1")
    assert first_000[4:8] == (
        "Sở Kế hoạch và Đầu tư",
        "Các sở, ban, ngành và địa phương",
        "Hằng năm",
        "Nghị quyết",
    )


def test_indicators_of_003(seed_store):
    doc = next(
        d
        for d, *_, source in rows(seed_store, "documents")
        if source == "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"
    )
    found = rows(seed_store, "indicators", doc=doc)
    # 19 numbered items, then three targets listed in a paragraph of II.5 (no printed label)
    assert [r[2] for r in found] == [f"({n})" for n in range(1, 20)] + [""] * 3
    assert len(rows(seed_store, "indicators")) == 52


def test_indicators_of_000_appendix(seed_store):
    found = rows(seed_store, "indicators", doc=plan_000(seed_store))
    assert found[0][2:] == ("1", "Tốc độ tăng trưởng GRDP bình quân", "> 9%/năm", "Sở Kế hoạch và Đầu tư")
    assert found[1][2:] == ("2", "GRDP bình quân đầu người", "7.500 - 8.000 USD", "Sở Kế hoạch và Đầu tư")


def test_citations_include_footnotes_and_relations(seed_store):
    found = rows(seed_store, "citations")
    relations = {r[7] for r in found}
    assert relations == {"cites", "implements", "attached-to"}
    in_footnote_29 = [r for r in found if r[8] == "29" and r[4] == "2293/QĐ-UBND"]
    assert [(r[5], r[6], r[7]) for r in in_footnote_29] == [
        ("2021-08-11", "Ủy ban nhân dân tỉnh Quảng Nam", "cites")
    ]
    implements_214 = sorted(r[4] for r in found if r[1] == "214/KH-UBND" and r[7] == "implements")
    assert implements_214 == ["111/NQ-CP", "29-NQ/TW", "31-CTr/TU", "700/QĐ-TTg"]


def test_agency_tasks_of_so_cong_thuong(seed_store):
    found = rows(seed_store, "agency-tasks", agency="Sở Công Thương")
    roles = {}
    for _task, doc, *_, role, _deadline in found:
        roles.setdefault((doc.split("/eli/")[1].split("/")[0], role), 0)
        roles[(doc.split("/eli/")[1].split("/")[0], role)] += 1
    # Quảng Nam: 7 rows of Phụ lục II, 23 bullets under "(n) Sở Công Thương chủ trì", the "Giao" clause
    assert roles == {("vn-27", "lead"): 31, ("vn-29", "lead"): 15, ("vn-29", "support"): 8}


def test_due_by_2020(seed_store):
    found = rows(seed_store, "due", until="2020")
    assert len(found) == 20  # seed 002's tasks for 2019-2020 (001, 214 and 000 give later or recurring dates)
    assert {r[5] for r in found} == {"Nghị quyết 23-NQ/TW"}
    first = next(r for r in found if r[2] == "a)")
    assert (first[3], first[4]) == ("Sở Kế hoạch và Đầu tư", "năm 2020")


def test_cited_laws(seed_store):
    found = rows(seed_store, "cited-laws")
    assert found[0][:4] == (f"{BASE}/eli/vn/nq/2024/111-cp", "111/NQ-CP", "Nghị quyết 111/NQ-CP", "10")
    by_doc = rows(seed_store, "cited-laws", doc="214/KH-UBND")
    assert len(by_doc) == 22
    assert all(r[4] == "Kế hoạch 214/KH-UBND" for r in by_doc)


def test_unimplemented(seed_store):
    found = rows(seed_store, "unimplemented")
    numbers = {r[1] for r in found}
    assert "29-NQ/TW" not in numbers and "28-CTr/TU" not in numbers and "111/NQ-CP" not in numbers
    assert {"23-NQ/TU", "04-NQ/TU", "19-NQ/TW"} <= numbers
    # direct implementation only: 23-NQ/TW is carried out by 37-CTr/TU, which is cited, not ingested
    # (three resolutions 004 names by their plenum are numbered ones: 29-NQ/TW twice, 27-NQ/TW)
    assert len(found) == 39
    assert "23-NQ/TW" in numbers


def test_compare_provinces_on_29_nq_tw(seed_store):
    found = [
        (j, split(plans), tasks, leads)
        for j, plans, tasks, leads in rows(seed_store, "compare", doc="29-NQ/TW")
    ]
    assert found == [
        # 148 tasks: III.1's bullets after one wrapped before "(viết tắt là …)" (stop 18; 146 before)
        ("Quảng Nam", ["Kế hoạch (chưa có số) của Ủy ban nhân dân tỉnh Quảng Nam, 2023"], "148", "21"),
        ("Quảng Ngãi", ["Chương trình 31-CTr/TU", "Kế hoạch 214/KH-UBND"], "96", "28"),
    ]


def test_csv_is_rfc4180_with_header(seed_store):
    result = run_query(seed_store, "chain-down", {"doc": "29-NQ/TW"})
    text = to_csv(result)
    assert text.startswith("\ufeffdoc,number,type,issuer,date,implements,depth\r\n")  # BOM: Excel reads UTF-8
    parsed = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(parsed) == 8 and parsed[3][1] == "28-CTr/TU"


def test_json_is_sparql_results_json(seed_store):
    data = json.loads(to_json(run_query(seed_store, "chain-down", {"doc": "29-NQ/TW"})))
    assert data["head"]["vars"] == REQUIRED_COLUMNS["chain-down"].split()
    first = data["results"]["bindings"][0]
    assert first["doc"] == {"type": "uri", "value": f"{BASE}/eli/vn/nq/2024/111-cp"}
    assert first["issuer"] == {"type": "literal", "value": "Chính phủ", "xml:lang": "vi"}
    assert first["depth"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_cli_lists_runs_and_refuses_clearly(seed_build):
    store = str(seed_build[1])
    runner = CliRunner()
    listing = runner.invoke(main, ["query", "--list"], terminal_width=200)
    assert listing.exit_code == 0 and "chain-down" in listing.output and "doc" in listing.output
    ok = runner.invoke(
        main, ["query", "chain-down", "--param", "doc=29-NQ/TW", "--format", "csv", "--store", store]
    )
    assert ok.exit_code == 0 and "214/KH-UBND" in ok.output
    unknown = runner.invoke(main, ["query", "nope", "--store", store])
    assert unknown.exit_code == 2 and "không có truy vấn 'nope'" in unknown.output
    missing = runner.invoke(main, ["query", "chain-down", "--store", store])
    assert missing.exit_code == 2 and "thiếu tham số 'doc'" in missing.output
    bad = runner.invoke(main, ["query", "due", "-p", "until=someday", "--store", store])
    assert bad.exit_code == 2 and "not a year or a date" in bad.output


def test_a_long_listing_is_read_page_by_page_in_its_order(seed_build, seed_store):
    """--limit/--offset: one page of the rows, the same rows as that slice of the whole listing."""
    whole = rows(seed_store, "tasks")
    assert len(whole) > 100
    first = run_query(seed_store, "tasks", limit=10)
    assert [tuple(term_text(r.get(c)) for c in first.columns) for r in first.rows] == whole[:10]
    # documents cuts its page in the subquery marked "# page", before reading labels
    documents = rows(seed_store, "documents")
    page = run_query(seed_store, "documents", limit=7, offset=30)
    assert [tuple(term_text(r.get(c)) for c in page.columns) for r in page.rows] == documents[30:37]
    assert "LIMIT 7 OFFSET 30\n  }" in paged(get_query("documents").text, 7, 30)
    # a subquery does not see the parameters bound in the outer group: with them the page is cut at the end
    assert paged(get_query("documents").text, 7, 30, inside=False).endswith(
        "ORDER BY ?docKey\nLIMIT 7 OFFSET 30\n"
    )
    runner = CliRunner()
    page = runner.invoke(
        main,
        [
            "query",
            "tasks",
            "--limit",
            "5",
            "--offset",
            "95",
            "--format",
            "csv",
            "--store",
            str(seed_build[1]),
        ],
    )
    assert page.exit_code == 0
    header, *found = csv.reader(io.StringIO(page.stdout.lstrip("\ufeff")))
    assert header[:3] == ["doc", "task", "label"]
    assert [tuple(row) for row in found] == whole[95:100]
    assert "trang sau (next page): --limit 5 --offset 100" in page.stderr
    last = runner.invoke(
        main,
        ["query", "tasks", "--limit", "5", "--offset", str(len(whole) - 2), "--store", str(seed_build[1])],
    )
    assert last.exit_code == 0 and "next page" not in last.output and "tasks: 2 dòng (rows)" in last.output


def test_table_output_aligns_vietnamese(seed_build, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    runner = CliRunner()
    out = runner.invoke(
        main, ["query", "compare", "-p", "doc=29-NQ/TW", "--store", str(seed_build[1])], terminal_width=200
    ).output
    lines = [line for line in out.splitlines() if "Quảng" in line]
    assert len(lines) == 2
    from rich.cells import cell_len

    assert cell_len(lines[0]) == cell_len(lines[1])


# ------------------------------------------------------------ agency-workload


def test_agency_workload_counts_made_by_hand_on_the_chains_fixture():
    """tests/fixtures/chains.trig, counted by hand: Quảng Ngãi's Sở Công Thương leads two tasks
    (one due 2023-06-30, one due 2025) and cooperates on one; a cooperating task is never counted
    as led or overdue (the query used to bind ?ledTask on the cooperating side of its UNION)."""
    from pathlib import Path

    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(Path(__file__).parent / "fixtures" / "chains.trig"), format=ox.RdfFormat.TRIG)
    store = settle(store)
    counts = {
        (place, label): (int(led), int(sup), int(over))
        for _, label, place, led, sup, over in rows(store, "agency-workload", today="2024-01-01")
    }
    assert counts == {
        ("Quảng Nam", "Sở Công Thương"): (1, 1, 1),
        ("Quảng Nam", "Sở Kế hoạch và Đầu tư"): (1, 1, 0),
        ("Quảng Ngãi", "Sở Công Thương"): (2, 1, 1),
        ("Quảng Ngãi", "Sở Khoa học và Công nghệ"): (1, 1, 0),
    }


def test_agency_workload_agrees_with_the_task_graph_on_the_seeds(seed_store):
    """Every agency of the seeds: the SPARQL counts equal those networkx counts from the task graph."""
    import datetime as dt

    from graph import analytics

    by_python = {
        w.agency: (w.led, w.supported, w.overdue)
        for w in analytics.agency_workload(analytics.task_graph(seed_store), dt.date(2025, 1, 1))
    }
    result = run_query(seed_store, "agency-workload", {"today": "2025-01-01"})
    by_sparql = {
        r["agency"].value: (int(r["led"].value), int(r["supported"].value), int(r["overdue"].value))
        for r in result.rows
    }
    assert by_sparql == by_python
    assert len(by_sparql) > 50


def test_xlsx_export_has_typed_cells_and_a_frozen_header(seed_build, tmp_path):
    import datetime as dt

    from openpyxl import load_workbook

    out = tmp_path / "chain.xlsx"
    done = CliRunner().invoke(
        main,
        [
            "query",
            "chain-down",
            "-p",
            "doc=29-NQ/TW",
            "--format",
            "xlsx",
            "-o",
            str(out),
            "--store",
            str(seed_build[1]),
        ],
    )
    assert done.exit_code == 0, done.output
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]] == REQUIRED_COLUMNS["chain-down"].split()
    assert sheet.freeze_panes == "A2"
    by_number = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_number["214/KH-UBND"][4] == dt.datetime(2024, 11, 6)  # a date cell, not the text "2024-11-06"
    assert by_number["214/KH-UBND"][6] == 3  # depth as a number (via 700/QĐ-TTg, 13-KH/TW)
    assert by_number["214/KH-UBND"][3] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert sheet.cell(row=2, column=5).number_format == "dd/mm/yyyy"


def test_cli_csv_opens_with_a_byte_order_mark(seed_build, tmp_path):
    out = tmp_path / "chain.csv"
    CliRunner().invoke(
        main,
        [
            "query",
            "chain-down",
            "-p",
            "doc=29-NQ/TW",
            "--format",
            "csv",
            "-o",
            str(out),
            "--store",
            str(seed_build[1]),
        ],
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfdoc,number,")


# ------------------------------------------------------------ tree


def test_tree_lists_every_task_of_every_plan_carrying_out_29(seed_store):
    """The seeds' implementation tree of 29-NQ/TW: every task of 214/KH-UBND (level 3, through 700/QĐ-TTg and
    13-KH/TW), of
    31-CTr/TU (level 1) and of the Quảng Nam plan (level 2), each with its province."""
    tree = run_query(seed_store, "tree", {"doc": "29-NQ/TW", "today": "2024-12-15"})
    per_doc: dict[tuple, int] = {}
    for r in tree.rows:
        key = (term_text(r["doc"]), term_text(r["level"]), term_text(r.get("province")))
        per_doc[key] = per_doc.get(key, 0) + 1
    own = {d: len(run_query(seed_store, "tasks", {"doc": d}).rows) for d, *_ in per_doc}
    assert {(d, level, place) for d, level, place in per_doc} == {
        (f"{BASE}/eli/vn-29/ctr/2023/31-tu", "1", "Quảng Ngãi"),
        (f"{BASE}/eli/vn-29/kh/2024/214", "3", "Quảng Ngãi"),
        (f"{BASE}/eli/vn-27/kh/2023/draft-d867c7a4", "2", "Quảng Nam"),
    }
    assert {d: n for (d, *_), n in per_doc.items()} == own
    assert own[f"{BASE}/eli/vn-29/kh/2024/214"] > 30


def test_tree_due_status_is_reckoned_from_the_given_day(seed_store):
    tree = run_query(seed_store, "tree", {"doc": "29-NQ/TW", "today": "2024-12-15"})
    status = {(term_text(r.get("due")), term_text(r["status"])) for r in tree.rows}
    assert status == {
        ("2023-12-31", "quá hạn (past due)"),
        ("2024-12-31", "đến hạn trong 30 ngày (due within 30 days)"),
        ("", "không có hạn (no deadline)"),
    }
    later = run_query(seed_store, "tree", {"doc": "29-NQ/TW", "today": "2020-01-01"})
    assert {term_text(r["status"]) for r in later.rows if term_text(r.get("due"))} == {"còn hạn (later)"}


def test_documents_are_found_as_the_ui_and_the_tables_print_them(seed_store):
    nq29 = f"{BASE}/eli/vn/nq/2022/29-tw"
    for written in ("Nghị quyết 29-NQ/TW", "Nghị quyết số 29-NQ/TW", "eli/vn/nq/2022/29-tw", "29- NQ/TW"):
        assert resolve_document(seed_store, written).value == nq29, written


def test_a_symbol_printed_as_the_graph_prints_it_is_one_lookup_and_other_spellings_are_folded(seed_store):
    nq29 = f"{BASE}/eli/vn/nq/2022/29-tw"
    assert _printed_exactly(seed_store, "Nghị quyết số 29-NQ/TW") == [nq29]
    assert _printed_exactly(seed_store, "29-nq/tw") == []  # not as printed: found by folding
    assert resolve_document(seed_store, "29-nq/tw").value == nq29


def test_an_unknown_document_gets_the_closest_symbols(seed_store):
    with pytest.raises(QueryError) as err:
        resolve_document(seed_store, "Nghị quyết 28-NQ/TW")
    assert "no document matches" in str(err.value)
    assert "gần giống (closest): " in str(err.value) and "29-NQ/TW" in str(err.value)


def test_tasks_of_a_resolution_point_to_its_tree(seed_build):
    out = (
        CliRunner()
        .invoke(
            main, ["query", "tasks", "-p", "doc=29-NQ/TW", "--store", str(seed_build[1])], terminal_width=200
        )
        .output
    )
    assert "0 dòng (rows)" in out and "query tree" in out


# The plain forms of the queries rewritten for speed on a large store (tests/fixtures/reference-queries,
# each the library's text before its rewrite): the rewrite must give the same rows in the same order.
REFERENCE_QUERIES = Path(__file__).parent / "fixtures" / "reference-queries"


@pytest.mark.parametrize(
    "name, params, least",
    [
        ("citations", {}, 10),
        ("cited-laws", {}, 10),
        ("cited-laws", {"doc": "214/KH-UBND"}, 10),
        ("documents", {}, 10),
        ("tasks", {}, 10),
        ("tasks", {"doc": "214/KH-UBND"}, 10),
        # one chain: labels looked up per row instead of over the whole store
        ("chain-down", {"doc": "29-NQ/TW"}, 7),
        ("chain-up", {"doc": "214/KH-UBND"}, 4),
        ("tree", {"doc": "29-NQ/TW", "today": "2024-12-15"}, 30),
        # a root with tasks of its own (level 0: one row per task, not per task squared)
        ("tree", {"doc": "214/KH-UBND", "today": "2024-12-15"}, 30),
        ("agency-tasks", {"agency": "Sở Công Thương"}, 10),
        ("due", {"until": "2030"}, 10),
        ("unimplemented", {}, 10),
        ("tasks-without-deadline", {}, 10),
    ],
)
def test_a_query_written_for_speed_answers_as_its_plain_form(seed_store, name, params, least):
    fast = run_query(seed_store, name, params)
    plain = run_query(seed_store, name, params, query_dir=REFERENCE_QUERIES)
    assert fast.columns == plain.columns

    def table(result) -> list[tuple]:
        # cells joined with GROUP_CONCAT list their parts in an order the store chooses
        return [tuple(" ; ".join(split(term_text(r.get(c)))) for c in result.columns) for r in result.rows]

    assert len(plain.rows) >= least
    assert table(fast) == table(plain)
