"""Building: worker processes with limits, what the store is loaded from, names that clash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from graph.batch import Limits, Pool
from graph.build import build
from graph.store import graph_sizes, open_store
from graph.validate import validate_store

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GENRE = Path(__file__).parent / "genre"
SEED_214 = "quang-ngai_kh-ubnd_2024_214.txt"
SEED_001 = "quang-ngai_ctr-tu_2023_thuc-hien-29-nq-tw.txt"
SEED_002 = "quang-ngai_kh-ubnd_2019_thuc-hien-37-ctr-tu.txt"
BASE = "https://w3id.org/policy-graph"


# ------------------------------------------------------------------ the pool


def test_pool_runs_jobs_and_each_failure_costs_only_its_job():
    from batch_jobs import behave

    jobs = [
        ("ok", 1),
        ("sleep", 2),
        ("ok", 3),
        ("memory", 4),
        ("die", 5),
        ("bug", 6),
        ("refuse", "rong.txt"),
        ("ok", 8),
    ]
    with Pool(Limits(timeout_s=3, memory_mb=256, workers=2)) as pool:
        pool.share("shared")
        outcomes = {o.index: o for o in pool.map(behave, jobs)}
    assert sorted(outcomes) == list(range(len(jobs)))
    assert [outcomes[i].value for i in (0, 2, 7)] == [(1, "shared"), (3, "shared"), (8, "shared")]
    slow, hog, dead, bug, refused = (outcomes[i] for i in (1, 3, 4, 5, 6))
    assert (slow.stage, slow.failure) == ("stage of 2", "quá thời gian 3 giây (over the time limit of 3 s)")
    assert (hog.stage, hog.failure) == (
        "stage of 4",
        "vượt giới hạn bộ nhớ 256 MB (over the memory limit of 256 MB)",
    )
    assert dead.stage == "stage of 5" and "exit code 3" in dead.failure
    assert (bug.stage, bug.failure) == ("stage of 6", "lỗi nội bộ (internal error): ValueError: bad span 6")
    assert (refused.input_error.name, refused.input_error.reason_en) == ("rong.txt", "the file is empty")


def test_a_graph_package_in_the_builds_working_folder_is_never_run_by_the_workers(tmp_path):
    """The workers come from a fork server launched as ``python -c`` (the working folder first on
    sys.path; Python 3.11's fork server ignores the path it is handed): a graph/ package in the
    folder `policy-graph build` is started from was imported there, and ran.  A process of its own:
    this one's fork server may be running already."""
    planted = tmp_path / "cwd" / "graph"
    planted.mkdir(parents=True)
    marker = tmp_path / "planted-ran"
    (planted / "__init__.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n")
    command = [str(Path(sys.executable).parent / "policy-graph"), "build", str(RAW / SEED_214)]
    command += ["--store", str(tmp_path / "store"), "--ttl-dir", str(tmp_path / "ttl")]
    run = subprocess.run(command, cwd=tmp_path / "cwd", capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "1 văn bản (documents)" in run.stdout and not marker.exists()


def test_pool_starts_the_costliest_jobs_first_and_keeps_each_outcome_on_its_own_index():
    """A big file started last would keep one worker busy while the others wait: with a cost, jobs
    start in decreasing cost (equal costs in their order), and each outcome still names its arg."""
    from batch_jobs import behave

    jobs = [("ok", 3), ("ok", 50), ("ok", 7), ("ok", 50), ("ok", 1)]
    with Pool(Limits(timeout_s=30, workers=1)) as pool:
        outcomes = list(pool.map(behave, jobs, cost=lambda job: job[1]))
    assert [o.index for o in outcomes] == [1, 3, 2, 0, 4]
    assert [o.value[0] for o in outcomes] == [50, 50, 7, 3, 1]


def test_a_file_that_hangs_is_refused_with_its_stage_and_the_batch_goes_on(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in (SEED_214, SEED_001, SEED_002):
        shutil.copy(RAW / name, raw)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "POLICY_GRAPH_STALL_AT": f"{SEED_001}@segment"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "graph.cli",
            "build",
            str(raw),
            "--store",
            str(tmp_path / "store"),
            "--ttl-dir",
            str(tmp_path / "ttl"),
            "--file-timeout",
            # (a limit the other two files stay well under even on a loaded machine: at 5 s, with two
            # cores running eight processes, the 214 seed timed out too in its citations)
            "20",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1, result.stderr
    assert (
        f"bị từ chối (rejected) {SEED_001}: quá thời gian 20 giây (over the time limit of 20 s), "
        f"giai đoạn (stage) segment"
    ) in " ".join(result.stderr.split())
    assert "2 văn bản (documents)" in result.stdout
    assert sorted(p.name for p in (tmp_path / "ttl").glob("quang*.ttl")) == [
        "quang-ngai-kh-ubnd-2019-thuc-hien-37-ctr-tu.ttl",
        "quang-ngai-kh-ubnd-2024-214.ttl",
    ]


def test_parallel_build_equals_a_one_worker_build(tmp_path):
    one = build([RAW / SEED_214, RAW / SEED_001], tmp_path / "s1", tmp_path / "t1", limits=Limits(workers=1))
    two = build([RAW / SEED_214, RAW / SEED_001], tmp_path / "s2", tmp_path / "t2", limits=Limits(workers=2))
    assert one.store_quads == two.store_quads
    assert [o.ttl_name for o in one.outputs] == [o.ttl_name for o in two.outputs]
    for path in sorted((tmp_path / "t1").glob("*.ttl")):
        assert (tmp_path / "t2" / path.name).read_bytes() == path.read_bytes()
    # the same quads in the same graphs: each file's own, and those both state in the shared graph
    stored = [sorted(map(str, open_store(tmp_path / name))) for name in ("s1", "s2")]
    assert stored[0] == stored[1]
    assert sum(q.endswith("/graph/shared>") for q in stored[0]) > 0


# ------------------------------------------------------------------ what the store holds


def test_the_store_holds_this_builds_files_not_whatever_the_ttl_folder_holds(tmp_path):
    ttl = tmp_path / "ttl"
    earlier = build([GENRE], tmp_path / "store", ttl)
    assert len(earlier.outputs) == 13
    (ttl / "ghi-chu.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")  # the user's own file
    (ttl / ".quang-ngai-kh-ubnd-2024-214.ttl.tmp").write_text("half-written", encoding="utf-8")
    # the N-Triples a killed build staged beside one of its Turtle files for the store
    (ttl / f".{earlier.outputs[0].ttl_name}.nt").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    report = build([RAW / SEED_214], tmp_path / "store", ttl)
    alone = build([RAW / SEED_214], tmp_path / "store-alone", tmp_path / "ttl-alone")
    assert report.store_quads == alone.store_quads  # not 13 documents' worth more
    assert sorted(report.removed_ttl) == sorted(o.ttl_name for o in earlier.outputs)
    assert report.foreign_ttl == ["ghi-chu.ttl"]
    assert sorted(p.name for p in ttl.iterdir()) == sorted(
        [
            ".policy-graph-build.json",  # what this build read and wrote, for the next one
            "_agencies.ttl",
            "_ontology.ttl",
            "_vocabularies.ttl",
            "ghi-chu.ttl",
            "quang-ngai-kh-ubnd-2024-214.ttl",
        ]
    )
    assert "urn:a" not in {g.split("/")[-1] for g in graph_sizes(open_store(tmp_path / "store"))}
    assert not open_store(tmp_path / "store").query("ASK { GRAPH ?g { <urn:a> ?p ?o } }")


def test_a_build_after_a_killed_build_loads_only_its_own_documents(tmp_path):
    """As issue 15 found it: a killed build of another folder left its Turtle files behind."""
    ttl = tmp_path / "ttl"
    build([GENRE], tmp_path / "other-store", ttl)  # its Turtle stays in ttl/, as after a kill -9
    report = build([RAW / SEED_214, RAW / SEED_001], tmp_path / "store", ttl)
    graphs = graph_sizes(open_store(tmp_path / "store"))
    assert sorted(g.removeprefix(f"{BASE}/graph/") for g in graphs) == [
        "ontology",
        "quang-ngai-ctr-tu-2023-thuc-hien-29-nq-tw",
        "quang-ngai-kh-ubnd-2024-214",
        "registry",
        "shared",
    ]
    assert report.store_triples == sum(graphs.values())


# ------------------------------------------------------------------ names that clash


def clash_folder(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    for folder, name, seed in (
        ("a", "doc.txt", SEED_214),
        ("b", "doc.txt", SEED_001),
        ("c", "Kế hoạch.txt", SEED_002),
        ("c", "ke-hoach.txt", "quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt"),
        ("c", "ontology.txt", "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"),
    ):  # five different texts: identical copies would go in once
        (raw / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(RAW / seed, raw / folder / name)
    return raw


def test_inputs_whose_names_clash_get_distinct_files_and_graphs(tmp_path):
    report = build([clash_folder(tmp_path)], tmp_path / "store", tmp_path / "ttl")
    assert report.rejected == []
    names = {o.shown: o.ttl_name for o in report.outputs}
    assert sorted(names) == ["a/doc.txt", "b/doc.txt", "c/Kế hoạch.txt", "c/ke-hoach.txt", "c/ontology.txt"]
    assert len(set(names.values())) == 5
    assert names["a/doc.txt"].startswith("doc-") and names["c/ke-hoach.txt"].startswith("ke-hoach-")
    assert names["c/ontology.txt"].startswith("ontology-")  # not the ontology's own graph
    assert sorted(o.shown for o in report.renamed) == sorted(names)
    sizes = graph_sizes(open_store(tmp_path / "store"))
    for output in report.outputs:
        assert (tmp_path / "ttl" / output.ttl_name).exists()
        # the summary counts what the file states; its graph holds what no other file states
        assert 0 < sizes[output.graph_iri] <= output.triples, output.shown
    assert report.store_triples == sum(sizes.values()) < report.store_quads


def test_a_document_named_shared_does_not_take_the_shared_graph(tmp_path):
    (tmp_path / "raw").mkdir()
    shutil.copy(RAW / SEED_214, tmp_path / "raw" / "shared.txt")
    report = build([tmp_path / "raw"], tmp_path / "store", tmp_path / "ttl")
    (output,) = report.outputs
    assert output.graph_iri.startswith(f"{BASE}/graph/shared-") and output.ttl_name.startswith("shared-")
    assert f"{BASE}/graph/shared" in graph_sizes(open_store(tmp_path / "store"))


def test_clashing_names_are_the_same_on_every_build(tmp_path):
    first = build([clash_folder(tmp_path)], tmp_path / "store", tmp_path / "ttl")
    moved = tmp_path / "elsewhere"
    shutil.move(tmp_path / "raw", moved)
    second = build([moved], tmp_path / "store", tmp_path / "ttl")
    assert [o.ttl_name for o in first.outputs] == [o.ttl_name for o in second.outputs]
    assert second.removed_ttl == []


def test_cli_names_the_clash_and_counts_per_document(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    raw = tmp_path / "raw"
    for folder, seed in (("a", SEED_214), ("b", SEED_001)):
        (raw / folder).mkdir(parents=True)
        shutil.copy(RAW / seed, raw / folder / "doc.txt")
    result = CliRunner().invoke(
        main, ["build", str(raw), "--store", str(tmp_path / "store"), "--ttl-dir", str(tmp_path / "ttl")]
    )
    assert result.exit_code == 0, result.output
    stderr = " ".join(result.stderr.split())
    assert (
        "trùng tên (name clash) a/doc.txt → doc-" in stderr
        and "trùng tên (name clash) b/doc.txt → doc-" in stderr
    )
    assert "2 văn bản (documents)" in result.stdout


def test_a_large_batch_prints_its_totals_without_a_row_per_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import graph.cli as cli

    monkeypatch.setattr(cli, "TABLE_ROWS_MAX", 1)  # as a batch of more files than the table shows
    result = CliRunner().invoke(
        cli.main,
        [
            "build",
            str(RAW / SEED_214),
            str(RAW / SEED_001),
            "--store",
            str(tmp_path / "s"),
            "--ttl-dir",
            str(tmp_path / "t"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 tệp: bảng từng tệp chỉ in khi không quá 1 tệp" in result.stdout
    assert "trích dẫn (citations)" in result.stdout and "┃" not in result.stdout  # the totals, no table
    assert "2 văn bản (documents)" in result.stdout


# ------------------------------------------------------------------ --base


def test_a_custom_base_moves_the_registry_and_jurisdictions_with_the_documents(tmp_path):
    base = "https://example.org/pg"
    build([RAW / SEED_214], tmp_path / "store", tmp_path / "ttl", base=base)
    store = open_store(tmp_path / "store")
    agency = f"{base}/org/vn-29/so-tai-chinh"
    names = {
        (row["l"].value, row["l"].language)
        for row in store.query(
            f"SELECT ?l WHERE {{ <{agency}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}",
        )
    }
    assert names == {("Sở Tài chính", "vi"), ("Department of Finance", "en")}
    leftovers = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { ?x ?y ?s } "
        f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{BASE}/") '
        f'&& !STRSTARTS(STR(?s), "{BASE}/ontology") && !STRSTARTS(STR(?s), "{BASE}/vocab/")) }}',
    )
    assert int(next(iter(leftovers))["n"].value) == 0


# ------------------------------------------------------------------ provenance: the path, not the bare name


def source_titles(store_path: Path) -> set[str]:
    rows = open_store(store_path).query(
        "SELECT DISTINCT ?t WHERE { ?s a <https://w3id.org/policy-graph/ontology#SourceFile> ; "
        "<http://purl.org/dc/terms/title> ?t }",
    )
    return {row["t"].value for row in rows}


def test_provenance_records_the_path_relative_to_the_input_folder(tmp_path):
    """a/doc.txt and b/doc.txt were both recorded as 'doc.txt': a reviewer could not tell which
    file a fact came from.  A file named itself keeps its bare name."""
    raw = tmp_path / "raw"
    for folder, seed in (("a", SEED_214), ("b", SEED_001)):
        (raw / folder).mkdir(parents=True)
        shutil.copy(RAW / seed, raw / folder / "doc.txt")
    shutil.copy(RAW / SEED_002, tmp_path / "alone.txt")
    build([raw, tmp_path / "alone.txt"], tmp_path / "store", tmp_path / "ttl")
    assert source_titles(tmp_path / "store") == {"a/doc.txt", "b/doc.txt", "alone.txt"}
    # and the server's source view opens the file in its subfolder
    import hashlib

    import httpx

    from server_support import running_server

    sha16 = hashlib.sha256((raw / "b" / "doc.txt").read_bytes()).hexdigest()[:16]
    with running_server(tmp_path / "store", workers=1, raw_dir=str(raw)) as url:
        page = httpx.get(f"{url}/source/{sha16}", timeout=30)
    assert page.status_code == 200 and "b/doc.txt" in page.text
    assert "CHƯƠNG TRÌNH HÀNH ĐỘNG" in page.text  # seed 001's own text


def test_input_names_are_relative_to_the_folder_each_file_was_found_in(tmp_path):
    from graph.build import input_names

    (tmp_path / "raw" / "sub").mkdir(parents=True)
    inner, top, named = tmp_path / "raw" / "sub" / "x.txt", tmp_path / "raw" / "y.txt", tmp_path / "z.txt"
    for file in (inner, top, named):
        file.write_text("x")
    assert input_names([tmp_path / "raw", named], [inner, top, named]) == {
        inner: "sub/x.txt",
        top: "y.txt",
        named: "z.txt",
    }


# ------------------------------------------------------------------ rebuilding with nothing changed


def incremental_folder(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in (SEED_214, SEED_001):
        shutil.copy(RAW / name, raw)
    (raw / "rong.txt").write_bytes(b"")  # rejected: the file is empty
    return raw


def summary(report) -> tuple:
    return (
        [(o.shown, o.ttl_name, o.graph_iri, o.triples, o.counts) for o in report.outputs],
        [(r.name, r.reason) for r in report.rejected],
        report.store_quads,
        report.store_triples,
    )


def test_a_rebuild_with_no_changed_file_parses_nothing_and_keeps_the_store(tmp_path):
    raw = incremental_folder(tmp_path)
    first = build([raw], tmp_path / "store", tmp_path / "ttl")
    generation = os.readlink(tmp_path / "store")
    again = build([raw], tmp_path / "store", tmp_path / "ttl")
    assert (first.reused, again.reused) == (False, True)
    assert again.documents == []  # nothing parsed
    assert summary(again) == summary(first)
    assert [r.name for r in again.rejected] == ["rong.txt"]  # a rejected file is reported again
    assert first.tasks == again.tasks > 0
    assert os.readlink(tmp_path / "store") == generation  # the same store, not reloaded
    assert open_store(tmp_path / "store") is not None


def test_a_changed_input_rebuilds_everything(tmp_path):
    raw = incremental_folder(tmp_path)
    first = build([raw], tmp_path / "store", tmp_path / "ttl")
    shutil.copy(RAW / SEED_002, raw / SEED_001)  # another document under the same name
    again = build([raw], tmp_path / "store", tmp_path / "ttl")
    assert not again.reused and len(again.documents) == 2
    assert again.tasks != first.tasks
    fresh = build([raw], tmp_path / "fresh-store", tmp_path / "fresh-ttl")
    assert summary(again)[:2] == summary(fresh)[:2]
    for path in sorted((tmp_path / "fresh-ttl").glob("*.ttl")):
        assert (tmp_path / "ttl" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_removed_input_or_an_edited_turtle_file_rebuilds(tmp_path):
    raw = incremental_folder(tmp_path)
    build([raw], tmp_path / "store", tmp_path / "ttl")
    (raw / SEED_001).unlink()
    fewer = build([raw], tmp_path / "store", tmp_path / "ttl")
    assert not fewer.reused and [o.shown for o in fewer.outputs] == [SEED_214]
    turtle = tmp_path / "ttl" / fewer.outputs[0].ttl_name
    written = turtle.read_bytes()
    turtle.write_bytes(written + b"<urn:x> <urn:y> <urn:z> .\n")
    again = build([raw], tmp_path / "store", tmp_path / "ttl")
    assert not again.reused and turtle.read_bytes() == written


def test_another_store_is_loaded_from_the_reused_turtle(tmp_path):
    raw = incremental_folder(tmp_path)
    first = build([raw], tmp_path / "store", tmp_path / "ttl")
    other = build([raw], tmp_path / "other-store", tmp_path / "ttl")
    assert other.reused and other.documents == []
    assert graph_sizes(open_store(tmp_path / "other-store")) == graph_sizes(open_store(tmp_path / "store"))
    assert (other.store_quads, other.store_triples) == (first.store_quads, first.store_triples)
    assert build([raw], tmp_path / "other-store", tmp_path / "ttl").reused  # and kept the next time


def test_full_parses_again_even_when_nothing_changed(tmp_path):
    raw = incremental_folder(tmp_path)
    build([raw], tmp_path / "store", tmp_path / "ttl")
    generation = os.readlink(tmp_path / "store")
    again = build([raw], tmp_path / "store", tmp_path / "ttl", reuse=False)
    assert not again.reused and len(again.documents) == 2
    assert os.readlink(tmp_path / "store") != generation


def test_another_program_version_or_base_rebuilds(tmp_path, monkeypatch):
    from graph import manifest

    raw = incremental_folder(tmp_path)
    build([raw], tmp_path / "store", tmp_path / "ttl")
    assert build([raw], tmp_path / "store", tmp_path / "ttl").reused
    monkeypatch.setattr(manifest, "program_fingerprint", lambda: "another version")
    assert not build([raw], tmp_path / "store", tmp_path / "ttl").reused
    assert not build([raw], tmp_path / "store", tmp_path / "ttl", base="https://example.org/pg").reused


def test_an_identical_copy_goes_in_once_and_is_named(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "raw" / folder).mkdir(parents=True)
        shutil.copyfile(RAW / SEED_214, tmp_path / "raw" / folder / SEED_214)
    report = build([tmp_path / "raw"], tmp_path / "store", tmp_path / "ttl")
    assert [d.source.name for d in report.documents] == [f"a/{SEED_214}"]
    assert report.warnings == [
        (
            f"b/{SEED_214}",
            f"bản sao giống hệt a/{SEED_214}, chỉ nạp một lần (an identical copy of a/{SEED_214}, loaded once)",
        )
    ]
    assert not report.rejected and not report.skipped
    assert validate_store(tmp_path / "store").conforms


# ------------------------------------------------------------------ Turtle


def test_a_documents_turtle_states_each_subject_once_types_first_prefixes_sorted():
    """pyoxigraph writes the Turtle: each subject's triples grouped under it (its types first), and
    the prefix declarations, which it would order differently from run to run, sorted."""
    import pyoxigraph as ox

    path = ROOT / "data" / "ttl" / "quang-ngai-kh-ubnd-2024-214.ttl"
    lines = path.read_text(encoding="utf-8").splitlines()
    subjects = [line.split(" ", 1)[0] for line in lines if line.startswith("<")]
    triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(subjects) == len(set(subjects)) == len({t.subject for t in triples})
    declarations = [line for line in lines if line.startswith("@prefix ")]
    assert declarations == sorted(declarations) and len(declarations) == 11
    document = lines.index(
        "<https://w3id.org/policy-graph/eli/vn-29/kh/2024/214> a eli:LegalResource , pg:Plan ;"
    )
    assert lines[document + 2] == '\teli:date_document "2024-11-06"^^xsd:date ;'
