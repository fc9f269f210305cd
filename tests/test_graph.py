"""The knowledge graph built from the five seeds: identity, relations, agencies, provenance, rebuilds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build
from graph.rdf import evidence_span
from graph.store import open_store
from graph.validate import validate_store

BASE = "https://w3id.org/policy-graph"
PREFIXES = {
    "eli": "http://data.europa.eu/eli/ontology#",
    "pg": "https://w3id.org/policy-graph/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def select(store: ox.Store, query: str, **bindings) -> list[tuple]:
    subs = {ox.Variable(k): v for k, v in bindings.items()}
    result = store.query(query, prefixes=PREFIXES, substitutions=subs)
    return [tuple(row[v].value if row[v] is not None else None for v in result.variables) for row in result]


def docs_with_symbol(store, symbol: str) -> list[str]:
    return sorted(
        r[0]
        for r in select(store, "SELECT DISTINCT ?d ?s WHERE { ?d eli:id_local ?s }", s=ox.Literal(symbol))
    )


def implemented_by(store, iri: str) -> list[str]:
    rows = select(
        store,
        "SELECT DISTINCT ?s ?d WHERE { ?d eli:ensures_implementation_of ?t . ?t eli:id_local ?s }",
        d=ox.NamedNode(iri),
    )
    return sorted(r[0] for r in rows)


def test_29_nq_tw_is_one_node(seed_store):
    assert docs_with_symbol(seed_store, "29-NQ/TW") == [f"{BASE}/eli/vn/nq/2022/29-tw"]


def test_iris_encode_jurisdiction_type_year_and_number(seed_store):
    assert docs_with_symbol(seed_store, "214/KH-UBND") == [f"{BASE}/eli/vn-29/kh/2024/214"]
    assert docs_with_symbol(seed_store, "111/NQ-CP") == [f"{BASE}/eli/vn/nq/2024/111-cp"]
    assert docs_with_symbol(seed_store, "28-CTr/TU") == [f"{BASE}/eli/vn-27/ctr/2023/28-tu"]


def test_what_the_documents_say_they_implement(seed_store):
    assert implemented_by(seed_store, f"{BASE}/eli/vn-27/ctr/2023/28-tu") == ["29-NQ/TW"]
    assert implemented_by(seed_store, f"{BASE}/eli/vn/nq/2024/111-cp") == ["29-NQ/TW"]
    assert implemented_by(seed_store, f"{BASE}/eli/vn-29/kh/2024/214") == [
        "111/NQ-CP",
        "29-NQ/TW",
        "31-CTr/TU",
        "700/QĐ-TTg",
    ]


def test_unnumbered_programme_001_takes_the_number_004_reveals(seed_store):
    """Seed 001 prints no number; 214/KH-UBND cites it as 31-CTr/TU ngày 16/02/2023 of Tỉnh ủy Quảng Ngãi."""
    iri = f"{BASE}/eli/vn-29/ctr/2023/31-tu"
    rows = select(
        seed_store, "SELECT ?file ?d WHERE { ?d pg:sourceFile/dcterms:title ?file }", d=ox.NamedNode(iri)
    )
    assert [r[0] for r in rows] == ["quang-ngai_ctr-tu_2023_thuc-hien-29-nq-tw.txt"]
    assert implemented_by(seed_store, iri) == ["29-NQ/TW"]
    # the draft IRI it would have without 004 (issuer, type, year of what it implements, title)
    # stays linked, so that links made to the draft keep working
    same = select(
        seed_store,
        "SELECT DISTINCT ?d ?old WHERE { ?d <http://www.w3.org/2002/07/owl#sameAs> ?old }",
        d=ox.NamedNode(iri),
    )
    assert [r[1] for r in same] == [f"{BASE}/eli/vn-29/ctr/2022/draft-ba8ac2da"]


def test_quang_nam_16_ctr_tu_of_2018_and_of_2022_are_two_nodes(seed_store):
    assert docs_with_symbol(seed_store, "16-CTr/TU") == [
        f"{BASE}/eli/vn-27/ctr/2018/16-tu",
        f"{BASE}/eli/vn-27/ctr/2022/16-tu",
    ]
    dates = select(
        seed_store,
        "SELECT ?d ?date WHERE { ?d eli:id_local '16-CTr/TU' ; eli:date_document ?date } ORDER BY ?date",
    )
    assert [d for _, d in dates] == ["2018-06-28", "2022-05-12"]


def test_unnumbered_documents_keep_stable_iris(seed_store):
    rows = select(
        seed_store,
        "SELECT ?d ?file WHERE { ?d pg:unnumbered true ; pg:sourceFile/dcterms:title ?file } ORDER BY ?file",
    )
    iris = dict((file, d) for d, file in rows)
    assert iris["quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt"].startswith(
        f"{BASE}/eli/vn-27/kh/2023/draft-"
    )
    assert iris["quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"].startswith(
        f"{BASE}/eli/vn-27/nq/2024/draft-"
    )


LOCAL_23 = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 45/KH-UBND
Bình Định, ngày 10 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Nghị quyết số 23-NQ/TU ngày 25/4/2022 của Tỉnh ủy về phòng, chống tham nhũng
Thực hiện Nghị quyết số 23-NQ/TU ngày 25/4/2022 của Tỉnh ủy về nâng cao chất lượng, hiệu quả công tác
phòng, chống tham nhũng, tiêu cực, UBND tỉnh ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt Nghị quyết số 23-NQ/TU.
"""


def test_a_local_23_nq_tu_of_another_province_is_another_node(seed_build, tmp_path):
    """Constructed document (not a seed): Bình Định citing its own 23-NQ/TU "của Tỉnh ủy"."""
    raw = tmp_path / "raw"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data" / "raw", raw)
    (raw / "binh-dinh_kh-ubnd_2023_45.txt").write_text(LOCAL_23, encoding="utf-8")
    report = build([raw], tmp_path / "store", tmp_path / "ttl")
    assert report.rejected == []
    store = open_store(tmp_path / "store")
    assert docs_with_symbol(store, "23-NQ/TU") == [
        f"{BASE}/eli/vn-27/nq/2022/23-tu",  # Quảng Nam's, cited in seed 003 footnote 11
        f"{BASE}/eli/vn-31/nq/2022/23-tu",  # Bình Định's
    ]
    assert implemented_by(store, f"{BASE}/eli/vn-31/kh/2023/45") == ["23-NQ/TU"]


def test_each_task_of_214_has_its_lead_agency_iri(seed_store):
    rows = select(
        seed_store,
        """
        SELECT ?label (GROUP_CONCAT(STRAFTER(STR(?lead), "/org/"); SEPARATOR=" ") AS ?leads) ?d WHERE {
          ?d pg:task ?t . ?t pg:label ?label . OPTIONAL { ?t pg:leadAgency ?lead }
        } GROUP BY ?t ?label ?d ORDER BY xsd:integer(STRAFTER(STR(?t), "/task/"))""",
        d=ox.NamedNode(f"{BASE}/eli/vn-29/kh/2024/214"),
    )
    leads = {label: lead for label, lead, _ in rows}
    assert len(rows) == 43  # 41 table rows, "1." and "3." of "VI. TỔ CHỨC THỰC HIỆN"
    assert leads["3.3"] == "vn-29/so-tai-chinh"
    assert leads["3.4"] == "vn-29/so-xay-dung"
    assert leads["4.3"] == "vn-29/so-cong-thuong"
    assert sorted(leads["3.6"].split()) == ["vn-29/bo-chi-huy-quan-su-tinh", "vn-29/cong-an-tinh"]
    assert leads["4.7"] == "vn-29/ngan-hang-nha-nuoc-chi-nhanh-tinh"  # via the registry alias
    assert sorted(leads["1.1"].split()) == [
        "vn-29/cac-so-ban-nganh",
        "vn-29/uy-ban-nhan-dan-cac-huyen-thi-xa-thanh-pho",
    ]
    # row 1.2 prints no body cell: it shares the merged cells of row 1.1
    assert (
        leads["1.2"]
        == leads["1.1"]
        == "vn-29/uy-ban-nhan-dan-cac-huyen-thi-xa-thanh-pho vn-29/cac-so-ban-nganh"
    )


def test_every_fact_points_at_its_source_span(seed_build, seed_store):
    """A task's evidence is the RFC 5147 IRI <source>#char=start,end of its own file, and the quote
    on it is the file's text at those offsets (NFC), white space trimmed off both ends."""
    import unicodedata

    rows = select(
        seed_store,
        """
        SELECT ?source ?file ?e ?quote WHERE {
          ?t a pg:Task ; pg:evidence ?e ; dcterms:isPartOf/pg:sourceFile ?source .
          ?source dcterms:title ?file . ?e oa:exact ?quote }""",
    )
    # every task of the five seeds, each its own span (293 since stop 18: two bullets of seed 000's III.1)
    assert len({row[2] for row in rows}) == 293
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    texts = {}
    for source, file, evidence, quote in rows:
        assert evidence_span(evidence) is not None, evidence
        named, start, end = evidence_span(evidence)
        assert named == source
        text = texts.setdefault(file, (raw / file).read_text(encoding="utf-8"))
        assert unicodedata.normalize("NFC", text[start:end]) == quote


def test_a_fact_s_provenance_is_two_triples(seed_store):
    """pg:evidence to the span's IRI, and the quote on that IRI; no annotation nodes (a text file has
    no pages, and nothing of the seeds was read by OCR)."""
    task = ox.NamedNode(f"{BASE}/eli/vn-29/kh/2024/214/task/5")
    (evidence,) = [
        q.object
        for q in seed_store.quads_for_pattern(task, ox.NamedNode(PREFIXES["pg"] + "evidence"), None, None)
    ]
    assert evidence.value.startswith(f"{BASE}/source/") and "#char=" in evidence.value
    assert [q.predicate.value for q in seed_store.quads_for_pattern(evidence, None, None, None)] == [
        PREFIXES["oa"] + "exact"
    ]
    assert not select(seed_store, "SELECT ?s WHERE { ?s a oa:SpecificResource }")


def test_char_offsets_count_a_crlf_line_end_as_two_characters(tmp_path):
    """Seed 214 saved with Windows line ends: the IRI's offsets index the file's own decoded text,
    where CR LF is two characters, and the quote is that text with LF line ends."""
    import unicodedata

    from graph.pipeline import parse_file
    from graph.rdf import document_graph
    from graph.resolve import resolve
    from graph.vocab import OA

    text = (
        Path(__file__).resolve().parents[1] / "data" / "raw" / "quang-ngai_kh-ubnd_2024_214.txt"
    ).read_bytes()
    assert b"\r" not in text
    path = tmp_path / "quang-ngai_kh-ubnd_2024_214-crlf.txt"
    path.write_bytes(text.replace(b"\n", b"\r\n"))
    doc = parse_file(path)
    decoded = path.read_bytes().decode("utf-8")
    quotes = dict(document_graph(doc, resolve([doc])).subject_objects(OA.exact))
    for evidence, quote in quotes.items():
        _, start, end = evidence_span(str(evidence))
        assert unicodedata.normalize("NFC", decoded[start:end]).replace("\r\n", "\n") == str(quote)
    assert len(quotes) > 200 and any("\n" in str(quote) for quote in quotes.values())


def test_provenance_query_reads_file_span_and_quote_off_the_evidence(seed_store):
    from graph.queries import run_query

    task = f"{BASE}/eli/vn-29/kh/2024/214/task/5"
    (row,) = run_query(seed_store, "provenance", {"fact": task}).rows
    assert row["file"].value == "quang-ngai_kh-ubnd_2024_214.txt"
    start, end = int(row["start"].value), int(row["end"].value)
    raw = (Path(__file__).resolve().parents[1] / "data" / "raw" / row["file"].value).read_text(
        encoding="utf-8"
    )
    assert raw[start:end] == row["quote"].value
    assert row["quote"].value.startswith("2.1\nXây dựng ban hành chương trình, kế hoạch thực hiện Nghị quyết")


def test_seed_003_nfd_spans_map_back_to_the_file(seed_store):
    rows = select(
        seed_store,
        """
        SELECT ?e ?quote WHERE {
          ?f a pg:Footnote ; pg:footnoteNumber 5 ; pg:evidence ?e ; dcterms:isPartOf ?d .
          ?d pg:sourceFile/dcterms:title "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt" .
          ?e oa:exact ?quote }""",
    )
    assert len(rows) == 1
    evidence, quote = rows[0]
    _, start, end = evidence_span(evidence)
    assert quote == "Theo Quy định số 1521-QĐ/TU, ngày 07/8/2024 của Ban Thường vụ Tỉnh ủy."
    raw = (
        Path(__file__).resolve().parents[1]
        / "data"
        / "raw"
        / "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"
    ).read_text(encoding="utf-8")
    import unicodedata

    assert unicodedata.normalize("NFC", raw[start:end]) == quote
    # the file is not NFC: decomposed letters before the footnote shift its offsets
    assert unicodedata.normalize("NFC", raw).find(quote) < start


def test_each_document_has_its_own_named_graph(seed_store):
    graphs = sorted(g.value for g in seed_store.named_graphs())
    assert graphs == [
        f"{BASE}/graph/ontology",
        f"{BASE}/graph/quang-nam-kh-ubnd-2023-thuc-hien-28-ctr-tu",
        f"{BASE}/graph/quang-nam-nq-tu-2024-du-thao-phuong-huong-2025",
        f"{BASE}/graph/quang-ngai-ctr-tu-2023-thuc-hien-29-nq-tw",
        f"{BASE}/graph/quang-ngai-kh-ubnd-2019-thuc-hien-37-ctr-tu",
        f"{BASE}/graph/quang-ngai-kh-ubnd-2024-214",
        f"{BASE}/graph/registry",
        f"{BASE}/graph/shared",  # what several files state
    ]


def test_rebuild_is_idempotent(seed_build, tmp_path):
    report, _store_path, ttl_dir = seed_build
    again = build(
        [Path(__file__).resolve().parents[1] / "data" / "raw"], tmp_path / "store", tmp_path / "ttl"
    )
    assert again.store_quads == report.store_quads
    for path in sorted(ttl_dir.glob("*.ttl")):
        assert (tmp_path / "ttl" / path.name).read_bytes() == path.read_bytes(), path.name


def test_committed_ttl_matches_a_fresh_build(seed_build):
    _, _, ttl_dir = seed_build
    committed = Path(__file__).resolve().parents[1] / "data" / "ttl"
    assert sorted(p.name for p in committed.glob("*.ttl")) == sorted(p.name for p in ttl_dir.glob("*.ttl"))
    for path in sorted(ttl_dir.glob("*.ttl")):
        assert (committed / path.name).read_bytes() == path.read_bytes(), (
            f"data/ttl/{path.name} is stale: make build"
        )


def test_a_bad_file_is_reported_and_the_rest_goes_in(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(Path(__file__).resolve().parents[1] / "data" / "raw" / "quang-ngai_kh-ubnd_2024_214.txt", raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    report = build([raw], tmp_path / "store", tmp_path / "ttl")
    assert [r.name for r in report.rejected] == ["binary.txt", "empty.txt"]
    assert [d.source.name for d in report.documents] == ["quang-ngai_kh-ubnd_2024_214.txt"]
    assert docs_with_symbol(open_store(tmp_path / "store"), "214/KH-UBND") == [
        f"{BASE}/eli/vn-29/kh/2024/214"
    ]


def test_a_failed_rebuild_leaves_the_previous_store(tmp_path, monkeypatch):
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    build([raw / "quang-ngai_kh-ubnd_2024_214.txt"], tmp_path / "store", tmp_path / "ttl")
    before = len(open_store(tmp_path / "store"))
    import graph.store as store_module

    def broken_compaction(store):
        raise OSError("disk full (simulated)")

    # after every bulk load, before the swap: compacting the store's indexes
    monkeypatch.setattr(store_module, "_compact", broken_compaction)
    with pytest.raises(OSError):
        build([raw], tmp_path / "store", tmp_path / "ttl")
    assert len(open_store(tmp_path / "store")) == before
    # beside the store: only the lock and the generation it links to, no half-loaded one
    current = os.readlink(tmp_path / "store")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".store.")) == sorted(
        [".store.lock", current]
    )


def test_the_graph_passes_shacl(seed_build):
    result = validate_store(seed_build[1])
    assert [(v.focus, v.path, v.message) for v in result.violations] == []
    assert result.conforms


def test_a_corpus_without_the_seed_provinces_passes_shacl(tmp_path):
    # tests/genre holds documents of other provinces and central bodies: the registry's Quảng Nam
    # and Quảng Ngãi agencies must still point to described jurisdictions
    genre = Path(__file__).parent / "genre"
    report = build([genre], tmp_path / "store", tmp_path / "ttl")
    assert (len(report.documents), report.rejected) == (len(list(genre.glob("*.txt"))), [])
    result = validate_store(tmp_path / "store")
    assert [(v.focus, v.path, v.message) for v in result.violations] == []


def test_committed_viz_examples_match_a_fresh_render(seed_build, tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(
        main, ["viz", "examples", "--store", str(seed_build[1]), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    committed = Path(__file__).resolve().parents[1] / "viz"
    for path in sorted(committed.glob("*.html")):
        assert (tmp_path / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"viz/{path.name} is stale: make viz"
        )


def test_build_command_exit_codes_and_messages(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(Path(__file__).resolve().parents[1] / "data" / "raw" / "quang-ngai_kh-ubnd_2024_214.txt", raw)
    args = ["build", str(raw), "--store", str(tmp_path / "store"), "--ttl-dir", str(tmp_path / "ttl")]
    runner = CliRunner()
    ok = runner.invoke(main, args)
    assert ok.exit_code == 0, ok.output
    assert "1 văn bản (documents)" in ok.output and "0 tệp bị từ chối (rejected)" in ok.output

    (raw / "rỗng.txt").write_bytes(b"")
    rejected = runner.invoke(main, args)
    assert rejected.exit_code == 1
    assert "rỗng.txt" in rejected.stderr and "empty" in rejected.stderr
    assert "1 văn bản (documents)" in rejected.stdout

    usage = runner.invoke(main, ["build", str(tmp_path / "missing")])
    assert usage.exit_code == 2 and "missing" in usage.output


def test_tasks_are_activities_not_entities(seed_store):
    """PROV keeps activities and entities disjoint: tasks carry pg:evidence, not prov:wasDerivedFrom."""
    prov = "http://www.w3.org/ns/prov#"
    assert not seed_store.query(
        f"ASK {{ ?t a pg:Task ; <{prov}wasDerivedFrom> ?x }}",
        prefixes=PREFIXES,
    )
    assert seed_store.query(
        f"ASK {{ ?i a pg:Indicator ; <{prov}wasDerivedFrom> ?x ; pg:evidence ?e }}",
        prefixes=PREFIXES,
    )


def test_a_title_belongs_to_the_vietnamese_expression_of_its_document(seed_store):
    # ELI: the work (number, date, issuer) apart from its text in one language (the title)
    rows = select(
        seed_store,
        """SELECT DISTINCT ?e ?lang ?title ?d WHERE { ?d eli:is_realized_by ?e . ?e a eli:LegalExpression ;
             eli:realizes ?d ; eli:language ?lang ; eli:title ?title }""",
        d=ox.NamedNode(f"{BASE}/eli/vn-29/kh/2024/214"),
    )
    assert len(rows) == 1
    expression, language, title, _ = rows[0]
    assert expression == f"{BASE}/eli/vn-29/kh/2024/214/vie"
    assert language == "http://publications.europa.eu/resource/authority/language/VIE"
    assert title.startswith("THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THEO NGHỊ QUYẾT SỐ 111/NQ-CP")
    assert select(seed_store, "SELECT ?t WHERE { ?d a eli:LegalResource ; eli:title ?t }") == []
