"""The store's atomic swap, crash safety, leftovers of killed builds, and where a store may be."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from graph.store import (
    CRASH_ENV,
    FeedAbandoned,
    GraphFeed,
    GraphFile,
    Partition,
    StoreBusy,
    StoreError,
    build_lock,
    current_generation,
    graph_sizes,
    n_triples,
    open_store,
    rebuild,
    settle,
)

ROOT = Path(__file__).resolve().parents[1]
TTL = ROOT / "data" / "ttl"
SEED_214 = ROOT / "data" / "raw" / "quang-ngai_kh-ubnd_2024_214.txt"
SEED_001 = ROOT / "data" / "raw" / "quang-ngai_ctr-tu_2023_thuc-hien-29-nq-tw.txt"
POLICY_GRAPH = [sys.executable, "-m", "graph.cli"]
DOCS_QUERY = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a <http://data.europa.eu/eli/ontology#LegalResource> } }"


def graph_file(name: str) -> GraphFile:
    return GraphFile(f"https://w3id.org/policy-graph/graph/{Path(name).stem}", TTL / name)


def beside(store: Path) -> list[str]:
    return sorted(p.name for p in store.parent.iterdir() if p.name.startswith(f".{store.name}."))


def quads(store: Path) -> int:
    """Quads in the named graphs: the triples stored, each once."""
    return sum(graph_sizes(open_store(store)).values())


SEED_214_TRIPLES = sum(
    1 for _ in ox.parse(path=str(TTL / "quang-ngai-kh-ubnd-2024-214.ttl"), format=ox.RdfFormat.TURTLE)
)


# ------------------------------------------------------------------ layout


def test_a_store_is_a_link_to_its_generation_and_the_old_one_goes(tmp_path):
    store = tmp_path / "store"
    first = rebuild(store, [graph_file("quang-ngai-kh-ubnd-2024-214.ttl")])
    gen1 = os.readlink(store)
    assert store.is_symlink() and gen1.startswith(".store.gen-")
    assert quads(store) == first.quads == SEED_214_TRIPLES
    second = rebuild(store, [graph_file("quang-ngai-kh-ubnd-2024-214.ttl"), graph_file("_agencies.ttl")])
    gen2 = os.readlink(store)
    assert gen2 != gen1 and quads(store) == second.triples > first.quads
    assert beside(store) == sorted([".store.lock", gen2])  # the first generation was removed
    assert current_generation(store) == (tmp_path / gen2).resolve()


def test_a_plain_store_folder_of_earlier_versions_opens_and_is_replaced_by_a_link(tmp_path):
    store = tmp_path / "store"
    legacy = ox.Store(str(store))
    legacy.bulk_load(
        path=str(TTL / "_agencies.ttl"),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode("https://w3id.org/policy-graph/graph/registry"),
    )
    settle(legacy)
    legacy.flush()
    del legacy
    before = quads(store)
    assert before > 0 and not store.is_symlink()
    rebuilt = rebuild(store, [graph_file("quang-ngai-kh-ubnd-2024-214.ttl")])
    assert store.is_symlink() and quads(store) == rebuilt.quads == SEED_214_TRIPLES
    assert beside(store) == sorted([".store.lock", os.readlink(store)])  # the old folder is gone


def triples_of(*names: str) -> set[tuple]:
    """The files' triples as a store gives them back (a decimal "7700.0" comes back as "7700")."""
    store = ox.Store()
    for name in names:
        store.load(path=str(TTL / name), format=ox.RdfFormat.TURTLE)
    return {(q.subject, q.predicate, q.object) for q in store}


def test_each_triple_is_stored_once_in_its_files_graph_or_in_the_shared_graph(tmp_path):
    """Queries read the union of the graphs, which must be a set: seeds 214 and 001 both describe
    Nghị quyết 29-NQ/TW; its type and title sit once, in the shared graph, and what one seed alone
    states (its sections, tasks, citation records) in that seed's graph."""
    names = ("quang-ngai-kh-ubnd-2024-214.ttl", "quang-ngai-ctr-tu-2023-thuc-hien-29-nq-tw.ttl")
    rebuilt = rebuild(tmp_path / "store", [graph_file(name) for name in names])
    store = open_store(tmp_path / "store")
    in_union = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    in_named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    in_graphs = int(next(iter(store.query(in_named)))["n"].value)
    first, second = triples_of(names[0]), triples_of(names[1])
    assert in_union == in_graphs == rebuilt.triples == len(first | second)
    assert rebuilt.quads == len(first) + len(second) > rebuilt.triples
    shared = "https://w3id.org/policy-graph/graph/shared"
    graph = {
        graph_name: {
            (q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, node)
        }
        for graph_name, node in (
            (shared, ox.NamedNode(shared)),
            *((n, ox.NamedNode(graph_file(n).graph_iri)) for n in names),
        )
    }
    assert graph[shared] == first & second
    assert graph[names[0]] == first - second and graph[names[1]] == second - first
    doc_29 = ox.NamedNode("https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw")
    assert graph[shared] >= {t for t in first if t[0] == doc_29} > set()
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_a_load_fed_while_the_files_are_written_reads_every_file_added_before_the_feed_closed(tmp_path):
    """A build hands each file to the load as soon as it is written: the load, started first,
    waits for the files and ends with the store holding exactly them, as a list would give."""
    names = ("quang-ngai-kh-ubnd-2024-214.ttl", "quang-ngai-ctr-tu-2023-thuc-hien-29-nq-tw.ttl")
    feed = GraphFeed()
    loading = ThreadPoolExecutor(max_workers=1).submit(rebuild, tmp_path / "store", feed)
    for name in names:
        time.sleep(0.2)  # the load is waiting for the next file
        assert not loading.done()
        feed.add(graph_file(name))
    feed.close()
    time.sleep(0.5)  # loaded, but the build has not committed: the store is not replaced yet
    assert not loading.done() and not (tmp_path / "store").exists()
    feed.commit()
    rebuilt = loading.result(timeout=60)
    assert (rebuilt.quads, rebuilt.triples) == (
        len(triples_of(names[0])) + len(triples_of(names[1])),
        len(triples_of(*names)),
    )
    assert sorted(graph_sizes(open_store(tmp_path / "store"))) == sorted(
        [*(graph_file(n).graph_iri for n in names), "https://w3id.org/policy-graph/graph/shared"]
    )


@pytest.mark.parametrize("closed", [False, True], ids=["while writing its files", "after its last file"])
def test_an_abandoned_feed_ends_its_load_and_keeps_the_previous_store(tmp_path, closed):
    """A build that stops while writing its files (an error, Ctrl-C), or fails after its last file
    (the Turtle files are written while the store loads), abandons the feed: the load fails instead
    of waiting for ever or swapping its store in, its generation is removed, and the store readers
    open is the previous one."""
    store = tmp_path / "store"
    rebuild(store, [graph_file("_agencies.ttl")])
    before = (os.readlink(store), quads(store))
    feed = GraphFeed()
    loading = ThreadPoolExecutor(max_workers=1).submit(rebuild, store, feed)
    feed.add(graph_file("quang-ngai-kh-ubnd-2024-214.ttl"))
    if closed:
        feed.close()
    time.sleep(1.0)  # reading the next file, or every file loaded and waiting for the commit
    feed.abandon()
    with pytest.raises(FeedAbandoned):
        loading.result(timeout=60)
    assert (os.readlink(store), quads(store)) == before
    assert beside(store) == sorted([".store.lock", before[0]])


def test_a_triple_a_file_states_twice_is_one_quad_of_its_graph(tmp_path):
    """The triples stated are counted from the files' N-Triples, which hold each triple once."""
    twice = tmp_path / "twice.ttl"
    twice.write_text('<https://e.x/a> <https://e.x/p> "x" .\n<https://e.x/a> <https://e.x/p> "x" , "y" .\n')
    rebuilt = rebuild(tmp_path / "store", [GraphFile("https://e.x/graph/twice", twice)])
    assert (rebuilt.quads, rebuilt.triples) == (2, 2) == (quads(tmp_path / "store"), 2)


SEED_FILES = (
    "quang-ngai-kh-ubnd-2024-214.ttl",
    "quang-ngai-ctr-tu-2023-thuc-hien-29-nq-tw.ttl",
    "quang-nam-kh-ubnd-2023-thuc-hien-28-ctr-tu.ttl",
    "quang-ngai-kh-ubnd-2019-thuc-hien-37-ctr-tu.ttl",
)


def n_triples_lines(name: str) -> int:
    return n_triples(graph_file(name)).count(b"\n")


def test_the_streams_hold_each_file_once_its_own_triples_in_its_graph_and_the_repeated_once_in_the_shared(
    tmp_path,
):
    """The named graphs' streams: each file goes whole into one stream, in file order and about as
    many lines each; a triple several files state is left out of their graphs and given once to the
    shared graph, at the end of the last stream."""
    partition = Partition(tmp_path)
    for name in SEED_FILES:
        partition.read(graph_file(name))
    shared = ox.NamedNode("https://w3id.org/policy-graph/graph/shared")
    first, second = partition.streams(shared, 2)
    first_quads = list(ox.parse(first.read(), format=ox.RdfFormat.TRIG))
    second_quads = list(ox.parse(second.read(), format=ox.RdfFormat.TRIG))
    graphs = [graph_file(name).graph_iri for name in SEED_FILES]
    assert [f[0] for f in partition.files] == graphs
    first_graphs = {q.graph_name.value for q in first_quads}
    second_graphs = {q.graph_name.value for q in second_quads}
    assert first_graphs and not first_graphs & second_graphs
    assert graphs == sorted(first_graphs, key=graphs.index) + sorted(
        second_graphs - {shared.value}, key=graphs.index
    )
    lines = {name: set(n_triples(graph_file(name)).splitlines()) for name in SEED_FILES}
    repeated = {
        line for name in SEED_FILES for line in lines[name] if sum(line in lines[o] for o in SEED_FILES) > 1
    }
    in_shared = {str(q.triple) for q in second_quads if q.graph_name == shared}
    assert in_shared == {line.decode().rstrip(" .") for line in repeated} != set()
    for name in SEED_FILES:
        graph = ox.NamedNode(graph_file(name).graph_iri)
        stated = {str(q.triple) for q in first_quads + second_quads if q.graph_name == graph}
        assert stated == {line.decode().rstrip(" .") for line in lines[name] - repeated}
    # each triple once: what the streams hold is every distinct line
    assert first.triples + second.triples == len(set().union(*lines.values()))
    assert partition.stated == sum(len(lines[name]) for name in SEED_FILES)


def test_the_named_graphs_loaded_in_several_streams_are_those_of_one_load(tmp_path, monkeypatch):
    """Streams side by side, one per file here (the last with the shared graph), give the store one
    load gives."""
    import graph.store as store_module

    monkeypatch.setattr(store_module, "NAMED_CHUNKS", 1)
    one = rebuild(tmp_path / "one", [graph_file(name) for name in SEED_FILES])
    loads: list[ox.RdfFormat] = []
    bulk_load = store_module._bulk_load

    def counted(store, stream, format):
        loads.append(format)
        bulk_load(store, stream, format)

    monkeypatch.setattr(store_module, "_bulk_load", counted)
    monkeypatch.setattr(store_module, "NAMED_CHUNKS", 100)  # more than files: each file opens one
    chunked = rebuild(tmp_path / "chunked", [graph_file(name) for name in SEED_FILES])
    assert loads == [ox.RdfFormat.TRIG] * len(SEED_FILES)
    assert (chunked.quads, chunked.triples) == (one.quads, one.triples)
    assert chunked.triples == quads(tmp_path / "chunked")  # counted from the files, as the store holds them
    assert sorted(map(str, open_store(tmp_path / "chunked"))) == sorted(
        map(str, open_store(tmp_path / "one"))
    )


def test_after_an_update_each_triple_is_in_one_graph_again(tmp_path):
    """The rule for SPARQL updates (``serve --allow-update``): afterwards a triple the update wrote
    into the default graph, or into a second graph, is moved to the shared graph, so that the union
    the queries read stays a set; a triple two files stated stays while one file's graph is dropped,
    one only the dropped file stated goes."""
    names = ("quang-ngai-kh-ubnd-2024-214.ttl", "quang-ngai-ctr-tu-2023-thuc-hien-29-nq-tw.ttl")
    rebuild(tmp_path / "store", [graph_file(name) for name in names])
    store = open_store(tmp_path / "store", read_only=False)
    store.update(f"DROP GRAPH <{graph_file(names[1]).graph_iri}>")
    settle(store)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(next(iter(store.query(count)))["n"].value) == len(triples_of(names[0]))
    title = next(
        iter(store.query("SELECT ?s ?o WHERE { ?s <http://data.europa.eu/eli/ontology#title> ?o } LIMIT 1"))
    )
    own = f"<{graph_file(names[0]).graph_iri}>"
    store.update(
        f'INSERT DATA {{ <https://e.x/new> <https://e.x/p> "mới" . GRAPH {own} {{ <https://e.x/new> <https://e.x/p> "mới" }} '
        f"GRAPH <https://e.x/graph/other> {{ {title['s']} <http://data.europa.eu/eli/ontology#title> {title['o']} }} }}"
    )
    settle(store)
    assert int(next(iter(store.query(count)))["n"].value) == len(triples_of(names[0])) + 1
    shared = ox.NamedNode("https://w3id.org/policy-graph/graph/shared")
    new = ox.Quad(ox.NamedNode("https://e.x/new"), ox.NamedNode("https://e.x/p"), ox.Literal("mới"), shared)
    assert new in set(store.quads_for_pattern(None, None, None, shared))
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    placed = [q.graph_name.value for q in store.quads_for_pattern(title["s"], None, title["o"], None)]
    assert placed == [shared.value]


def test_a_store_of_an_earlier_layout_asks_for_a_new_build(tmp_path):
    """Stores built before this layout: named graphs only (the union would repeat every triple
    several files state), or every triple copied again into the default graph (the union would
    hold it twice): opening one says to build again."""
    for layout in ("named graphs only", "default graph copy"):
        legacy = ox.Store(str(tmp_path / layout))
        legacy.bulk_load(
            path=str(TTL / "_agencies.ttl"),
            format=ox.RdfFormat.TURTLE,
            to_graph=ox.NamedNode("https://w3id.org/policy-graph/graph/registry"),
        )
        if layout == "default graph copy":
            settle(legacy)
            legacy.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        legacy.flush()
        del legacy
        with pytest.raises(StoreError, match="run `policy-graph build` again"):
            open_store(tmp_path / layout)


def test_a_reader_open_during_a_rebuild_keeps_reading_its_generation(tmp_path):
    store = tmp_path / "store"
    rebuild(store, [graph_file("quang-ngai-kh-ubnd-2024-214.ttl")])
    reader = open_store(store)
    rebuild(store, [graph_file("_agencies.ttl")])  # removes the generation the reader has open
    assert sum(graph_sizes(reader).values()) == SEED_214_TRIPLES
    assert sum(graph_sizes(open_store(store)).values()) != SEED_214_TRIPLES


def test_no_store_and_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="not a policy-graph store"):
        open_store(tmp_path / "empty")


def test_a_build_never_replaces_a_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("giữ lại", encoding="utf-8")
    with pytest.raises(StoreError, match="not a policy-graph store"):
        rebuild(folder, [graph_file("_agencies.ttl")])
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="this is a file"):
        rebuild(tmp_path / "file", [graph_file("_agencies.ttl")])
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "giữ lại"


@pytest.mark.parametrize("url", ["s3://bucket/store", "ftp://db.example.vn/store"])
def test_a_url_store_other_than_http_is_refused(url, tmp_path):
    with pytest.raises(StoreError, match=r"only http\(s\) SPARQL servers or a folder path"):
        open_store(url)
    with pytest.raises(StoreError, match=r"only http\(s\) SPARQL servers"):
        rebuild(url, [])
    assert not Path("s3:").exists() and not Path("ftp:").exists()


def test_an_http_url_is_a_server_and_rebuild_replaces_folders_only(tmp_path):
    from graph.remote import RemoteStore

    assert isinstance(open_store("http://127.0.0.1:7878"), RemoteStore)
    with pytest.raises(StoreError, match="only http"):
        rebuild("http://127.0.0.1:7878", [])  # a server is loaded through remote.load
    assert not Path("http:").exists()


def test_cli_refuses_a_url_store_it_cannot_use_before_doing_anything(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    runner = CliRunner()
    for command in (
        ["build", str(SEED_214), "--ttl-dir", str(tmp_path / "ttl")],
        ["query", "documents"],
        ["validate"],
        ["serve"],
    ):
        result = runner.invoke(main, [*command, "--store", "s3://bucket/store"])
        assert result.exit_code == 2, (command, result.output)
        assert "only http(s) SPARQL servers or a folder path" in " ".join(result.output.split())
    served = runner.invoke(main, ["serve", "--store", "http://localhost:7878"])
    assert served.exit_code == 2 and "serve needs a store folder" in " ".join(served.output.split())
    assert not (tmp_path / "ttl").exists() and not Path("s3:").exists()


def test_a_second_build_of_the_same_store_is_refused_while_the_first_runs(tmp_path):
    store = tmp_path / "store"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; from graph.store import build_lock\n"
                f"with build_lock(Path({str(store)!r})):\n    print('locked', flush=True); time.sleep(60)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(StoreBusy, match="another build"):
            rebuild(store, [graph_file("_agencies.ttl")])
    finally:
        child.kill()
        child.wait()
    with build_lock(store):  # the kernel released the killed holder's lock
        pass
    assert rebuild(store, [graph_file("_agencies.ttl")]).quads > 0


# ------------------------------------------------------------------ crash safety


def run_build(
    tmp_path: Path, crash_at: str | None = None, inputs: tuple[Path, ...] = (SEED_214, SEED_001), **popen
) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop(CRASH_ENV, None)
    if crash_at:
        env[CRASH_ENV] = crash_at
    return subprocess.Popen(
        [
            *POLICY_GRAPH,
            "build",
            *map(str, inputs),
            "--store",
            str(tmp_path / "store"),
            "--ttl-dir",
            str(tmp_path / "ttl"),
            "--jobs",
            "2",
            "--full",  # the same inputs each time: parse again, to be killed at each step
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


class Reader(threading.Thread):
    """Opens the store and counts its documents, again and again, as `policy-graph query` would."""

    def __init__(self, store: Path):
        super().__init__(daemon=True)
        self.store, self.reads, self.errors, self.answers = store, 0, [], set()
        self.stop = threading.Event()

    def count(self) -> int:
        return int(next(iter(open_store(self.store).query(DOCS_QUERY)))["n"].value)

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.answers.add(self.count())
                self.reads += 1
            except Exception as err:
                self.errors.append(f"{type(err).__name__}: {err}")
            time.sleep(0.01)

    def finish(self) -> None:
        self.stop.set()
        self.join()

    def check_every_read_answered(self, documents: int) -> None:
        """No read failed, and every one saw the whole store: never a partial or empty one."""
        assert self.errors == []
        assert self.reads > 10 and self.answers == {documents}


@pytest.mark.parametrize("killed", ["at named steps", "at random times"])
def test_a_killed_build_leaves_a_store_that_answers_and_the_next_build_succeeds(tmp_path, killed):
    store = tmp_path / "store"
    assert run_build(tmp_path).wait() == 0
    # the two seeds and the documents and laws they cite, as the first build read them: every
    # read during the killed builds must see exactly this store, never a partial or empty one
    documents = int(next(iter(open_store(store).query(DOCS_QUERY)))["n"].value)
    assert documents > 2
    reader = Reader(store)
    reader.start()
    try:
        if killed == "at named steps":
            for step in ("parsed", "ttl-written", "loaded", "linked", "flipped"):
                build = run_build(tmp_path, crash_at=step)
                assert build.wait() == -signal.SIGKILL, (step, build.stderr.read())
                assert quads(store) > 0, step
                if step == "parsed":  # the parsed documents are left beside the Turtle files
                    assert [p.name[:20] for p in (tmp_path / "ttl").glob(".policy-graph-spool-*")] == [
                        ".policy-graph-spool-"
                    ]
        else:
            for delay in (0.5, 1.5, 3.0, 5.0):
                build = run_build(tmp_path)
                time.sleep(delay)
                build.send_signal(signal.SIGKILL)
                build.wait()
                assert quads(store) > 0, delay
        # leftovers of the killed builds are there now, and the next build clears them
        after = run_build(tmp_path)
        assert after.wait() == 0, after.stderr.read()
    finally:
        reader.finish()
    reader.check_every_read_answered(documents)
    assert beside(store) == sorted([".store.lock", os.readlink(store)])
    assert sorted(p.name for p in (tmp_path / "ttl").iterdir()) == sorted(
        [
            ".policy-graph-build.json",  # written by the build that finished, after its store flip
            "_agencies.ttl",
            "_ontology.ttl",
            "_vocabularies.ttl",
            "quang-ngai-ctr-tu-2023-thuc-hien-29-nq-tw.ttl",
            "quang-ngai-kh-ubnd-2024-214.ttl",
        ]
    )
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".store.building")]
    assert leftovers == []


# the five seeds and the ten documents of the dev set: a build that runs through several batches of
# parsing and a long load, so that kills land in every stage
LARGE_BUILD = (ROOT / "data" / "raw", ROOT / "tests" / "corpus" / "dev" / "texts")


class ServerReader(Reader):
    """Asks `policy-graph serve` for the number of documents, again and again, as a user would."""

    def __init__(self, url: str):
        super().__init__(Path())
        self.url = url

    def count(self) -> int:
        response = httpx.get(
            self.url + "/sparql",
            params={"query": DOCS_QUERY},
            headers={"Accept": "application/sparql-results+json"},
            timeout=60,
        )
        response.raise_for_status()
        return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_a_large_build_killed_at_several_points_while_serve_reads(tmp_path):
    from server_support import running_server

    store = tmp_path / "store"
    started = time.monotonic()
    first = run_build(tmp_path, inputs=LARGE_BUILD)
    assert first.wait() == 0, first.stderr.read()
    duration = time.monotonic() - started
    documents = int(next(iter(open_store(store).query(DOCS_QUERY)))["n"].value)
    assert documents > 15  # the fifteen documents and those they cite
    with running_server(store, workers=2) as url:
        reader = ServerReader(url)
        reader.start()
        try:
            # killed early (parsing), midway (writing Turtle, loading) and late (linking, flipping)
            killed = []
            for share in (0.25, 0.55, 0.85):
                for _ in range(3):
                    build = run_build(tmp_path, inputs=LARGE_BUILD)
                    time.sleep(duration * share)
                    build.send_signal(signal.SIGKILL)
                    if build.wait() == -signal.SIGKILL:
                        killed.append(share)
                        break
                    # it finished sooner than the first build (a machine less loaded now): kill the next earlier
                    share /= 2
                assert quads(store) > 0, share  # the store the server reads still opens and answers
            assert len(killed) >= 2, killed
            after = run_build(tmp_path, inputs=LARGE_BUILD)
            assert after.wait() == 0, after.stderr.read()
            time.sleep(1)  # the server's next reads come from the new generation
        finally:
            reader.finish()
    reader.check_every_read_answered(documents)
    assert beside(store) == sorted([".store.lock", os.readlink(store)])
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".store.building")] == []


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    store = tmp_path / "store"
    rebuild(store, [graph_file("_agencies.ttl")])
    # as a build of an earlier version killed while loading, and one of this version killed after linking
    shutil.copytree(current_generation(store), tmp_path / ".store.building-1234abcd")
    shutil.copytree(current_generation(store), tmp_path / ".store.gen-20260101T000000-deadbeef")
    os.symlink(".store.gen-20260101T000000-deadbeef", tmp_path / ".store.link-deadbeef")
    rebuilt = rebuild(store, [graph_file("_agencies.ttl")])
    assert sorted(p.name for p in rebuilt.removed_leftovers) == [
        ".store.building-1234abcd",
        ".store.gen-20260101T000000-deadbeef",
        ".store.link-deadbeef",
    ]
    assert beside(store) == sorted([".store.lock", os.readlink(store)])
