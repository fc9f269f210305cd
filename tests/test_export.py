"""`policy-graph export`: the whole store as N-Quads or TriG with a VoID description, round-tripped."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.export import export
from graph.queries import list_queries, run_query, term_text
from graph.store import default_graph_size, graph_sizes

BASE = "https://w3id.org/policy-graph"
VOID = "http://rdfs.org/ns/void#"
PARAMS = {
    "chain-down": {"doc": "29-NQ/TW"},
    "chain-up": {"doc": "214/KH-UBND"},
    "compare": {"doc": "29-NQ/TW"},
    "tree": {"doc": "29-NQ/TW", "today": "2025-01-01"},
    "agency-tasks": {"agency": "Sở Công Thương"},
    "agency-workload": {"today": "2025-01-01"},
    "due": {"until": "2030"},
    "footnotes": {"doc": "214/KH-UBND"},
    "provenance": {"fact": f"{BASE}/eli/vn-29/kh/2024/214"},
}


def dumped(store, fmt: str) -> ox.Store:
    buffer = io.BytesIO()
    export(store, buffer, fmt, BASE)
    loaded = ox.Store()
    loaded.load(buffer.getvalue(), format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG)
    return loaded


def without_void(store: ox.Store) -> set:
    void_graph = ox.NamedNode(f"{BASE}/graph/void")
    described = {
        (q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, void_graph)
    }
    return {
        q
        for q in store
        if q.graph_name != void_graph
        and not (
            isinstance(q.graph_name, ox.DefaultGraph) and (q.subject, q.predicate, q.object) in described
        )
    }


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_an_export_loads_back_as_the_same_dataset(seed_store, fmt):
    """The store's graphs as they are, and beside them the default graph holding their union (each
    triple once), for a quad store that reads its default graph."""
    loaded = dumped(seed_store, fmt)
    kept = without_void(loaded)
    assert {q for q in kept if not isinstance(q.graph_name, ox.DefaultGraph)} == set(seed_store)
    assert {q.triple for q in kept if isinstance(q.graph_name, ox.DefaultGraph)} == {
        q.triple for q in seed_store
    }
    assert len(seed_store) == len({q.triple for q in seed_store})  # each triple in one graph
    assert graph_sizes(loaded) == {
        **graph_sizes(seed_store),
        f"{BASE}/graph/void": 11 + 3 * len(graph_sizes(seed_store)),
    }
    # 11: the dataset's type, two titles, triple count, IRI space, six vocabularies; 3 per graph


def as_text(result) -> list[tuple]:
    """Rows as text, a GROUP_CONCAT cell ("A ; B") as its sorted parts: SPARQL leaves their order open."""
    return sorted(
        tuple(" ; ".join(sorted(term_text(row.get(c)).split(" ; "))) for c in result.columns)
        for row in result.rows
    )


def assert_every_library_query_answers_alike(expected_store, store) -> None:
    for query in list_queries():
        params = PARAMS.get(query.name, {})
        expected = run_query(expected_store, query.name, params)
        got = run_query(store, query.name, params)
        assert got.columns == expected.columns
        assert as_text(got) == as_text(expected), query.name
        assert expected.rows, query.name  # the comparison compared something


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_every_library_query_answers_the_same_on_a_loaded_export(seed_store, fmt):
    assert_every_library_query_answers_alike(seed_store, dumped(seed_store, fmt))


def test_the_void_description_counts_the_dataset_and_each_graph(seed_store):
    loaded = dumped(seed_store, "trig")
    dataset = ox.NamedNode(f"{BASE}/dataset")
    triples = ox.NamedNode(f"{VOID}triples")

    def count(node) -> int:
        return int(next(iter(loaded.quads_for_pattern(node, triples, None, ox.DefaultGraph()))).object.value)

    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    assert (
        count(dataset) == default_graph_size(seed_store) == int(next(seed_store.query(distinct))["n"].value)
    )
    subsets = [
        q.object
        for q in loaded.quads_for_pattern(dataset, ox.NamedNode(f"{VOID}subset"), None, ox.DefaultGraph())
    ]
    sizes = graph_sizes(seed_store)
    assert sorted(s.value for s in subsets) == sorted(sizes)
    assert all(count(s) == sizes[s.value] for s in subsets)


def test_the_cli_writes_the_dump_to_a_file_in_the_format_its_name_says(seed_build, tmp_path):
    out = tmp_path / "graph.trig"
    result = CliRunner().invoke(main, ["export", "--store", str(seed_build[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    loaded = ox.Store()
    loaded.load(path=str(out), format=ox.RdfFormat.TRIG)
    assert len(loaded) > 0 and not list(tmp_path.glob(".*.tmp"))
    missing = CliRunner().invoke(main, ["export", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no store here" in missing.output
