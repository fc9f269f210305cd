"""The embedded Oxigraph store: one named graph per source file, atomic rebuilds.

Layout: ``data/store`` is a symbolic link to the current generation, a folder
beside it named ``data/.store.gen-<time>-<id>``.  A rebuild loads a new
generation, then flips the link with one ``rename(2)``: a reader opening
``data/store`` finds the old store or the new one, never none, and a failed or
killed build leaves the previous store in place.  The old generation is removed
after the flip.  A build holds ``data/.store.lock`` (released by the kernel if
the build is killed); the next build removes what a killed one left behind
(unfinished generations, temporary links).

A plain store folder made by earlier versions is still opened as it is; the
first rebuild swaps it for a link with one atomic exchange (``renameat2``
``RENAME_EXCHANGE`` on Linux) and removes it.

Readers open a store through ``open_store``, which resolves the link once and
opens that generation, so the files of one store are never mixed with those of
the next.

Each source file's triples sit in its own named graph (provenance, per-file
replacement, the Graph Store Protocol), and every triple is also copied once
into the default graph, which queries read WITHOUT the union of the named
graphs: that union is a bag (a document cited by k files would carry its type,
symbol and title k times, and a query joining several OPTIONAL properties of it
would multiply them), while the default graph is a set.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import io
import os
import re
import shutil
import signal
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pyoxigraph as ox

DEFAULT_STORE = "data/store"

# A step of the build at which tests kill the process (SIGKILL), to check that
# every interruption leaves a store that opens.
CRASH_ENV = "POLICY_GRAPH_CRASH_AT"

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_OPEN_ATTEMPTS = 3  # a build may flip the link between resolving it and opening the files


class RemoteError(RuntimeError):
    """A SPARQL server refused, could not be reached, or its config cannot be used; the message names
    the URL (or the config file) and the reason.  Defined here so the CLI can catch it without
    importing the HTTP client."""


class StoreError(FileNotFoundError):
    """No usable store at the place given: missing, not a store, or not a folder path."""


class StoreBusy(RuntimeError):
    """Another build is writing this store."""


@dataclass(frozen=True)
class GraphFile:
    graph_iri: str
    path: Path  # Turtle (or N-Triples: .nt)
    # the same triples as N-Triples, staged by the build that wrote the Turtle: loaded as they are
    n_triples: Path | None = None
    staged_triples: int | None = None  # the lines of ``n_triples``, when the build counted them


@dataclass(frozen=True)
class Rebuilt:
    quads: int  # in the named graphs, one per source file
    triples: int  # distinct, in the default graph
    removed_leftovers: list[Path]  # what killed builds had left beside the store


# ----------------------------------------------------------------- location


_SERVER = re.compile(r"^https?://", re.IGNORECASE)


def is_remote(value: object) -> bool:
    """A SPARQL server, by its URL (http, https) or a TOML file describing it, rather than a store
    folder; cheap: no HTTP client imported."""
    return isinstance(value, str) and (bool(_SERVER.match(value)) or is_server_config(value))


def is_server_config(value: str) -> bool:
    """``--store`` names a SPARQL server through a TOML file (``remote.from_config``)."""
    return value.lower().endswith(".toml")


def store_location(value: str | os.PathLike) -> Path:
    """The folder path of an embedded store; a URL other than http(s) or an empty value is refused
    with the reason (http(s) URLs are servers: ``remote``, handled before this is asked)."""
    text = os.fspath(value)
    if _URL.match(text):
        raise StoreError(
            f"{text}: chỉ hỗ trợ máy chủ SPARQL http:// hoặc https:// hay đường dẫn thư mục "
            f"(only http(s) SPARQL servers or a folder path are supported as --store)"
        )
    if not text.strip():
        raise StoreError(
            "--store trống: hãy cho một đường dẫn thư mục (empty store path: give a folder path)"
        )
    return Path(text)


def is_store_folder(path: Path) -> bool:
    """An Oxigraph (RocksDB) folder: its CURRENT file names the live manifest."""
    return (path / "CURRENT").is_file() and any(path.glob("MANIFEST-*"))


def current_generation(store_path: str | os.PathLike) -> Path:
    """The folder holding the store's files now (the link resolved; a plain folder as it is)."""
    return Path(os.path.realpath(store_location(store_path)))


def _no_store(path: Path) -> StoreError:
    return StoreError(
        f"{path}: chưa có kho dữ liệu, hãy chạy `policy-graph build` trước "
        f"(no store here: run `policy-graph build` first)"
    )


def open_store(store_path: str | os.PathLike = DEFAULT_STORE, read_only: bool = True) -> ox.Store:
    """Open the store's current generation; raise ``StoreError`` (a FileNotFoundError) if there is
    none, or if an earlier version built it (named graphs only: every query would answer nothing).
    A server URL (http://…) gives a ``remote.RemoteStore``, which answers ``query`` alike."""
    if is_remote(os.fspath(store_path)):
        from .remote import connect

        return cast(ox.Store, connect(os.fspath(store_path)))  # duck-typed: query() and update()
    store = _open_generation(store_path, read_only)
    if not has_default_graph(store) and any(True for _ in store.named_graphs()):
        raise StoreError(
            f"{store_path}: kho dữ liệu do phiên bản cũ tạo, hãy chạy lại `policy-graph build` "
            f"(this store was built by an earlier version without the default graph: run "
            f"`policy-graph build` again)"
        )
    return store


def has_default_graph(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def _open_generation(store_path: str | os.PathLike, read_only: bool) -> ox.Store:
    path = store_location(store_path)
    for attempt in range(_OPEN_ATTEMPTS):
        folder = current_generation(path)
        if not folder.is_dir():
            raise _no_store(path)
        if not is_store_folder(folder):
            raise StoreError(
                f"{path}: thư mục này không phải kho dữ liệu policy-graph "
                f"(this folder is not a policy-graph store)"
            )
        try:
            return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
        except (OSError, RuntimeError):
            # a build flipped the link and removed this generation while we opened it (RocksDB
            # then reports a missing file, as an IO error or as "corruption"): open the new one
            if attempt + 1 == _OPEN_ATTEMPTS or current_generation(path) == folder:
                raise
    raise _no_store(path)  # not reached


# ------------------------------------------------------------------ rebuild


def rebuild(store_path: str | os.PathLike, graph_files: Iterable[GraphFile]) -> Rebuilt:
    """Replace the store at ``store_path`` with exactly ``graph_files`` (a list, or a ``GraphFeed``
    that a build fills while the store loads)."""
    target = store_location(store_path)
    check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target):
        removed = remove_leftovers(target)
        generation = target.with_name(f".{target.name}.gen-{time.strftime('%Y%m%dT%H%M%S')}-{_token()}")
        try:
            quads, triples = _load(generation, graph_files)
            crash_point("loaded")
            if isinstance(graph_files, GraphFeed):
                graph_files.wait_for_commit()  # the build may still fail after its last file
            previous = _flip(target, generation)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        crash_point("flipped")
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        return Rebuilt(quads, triples, removed)


def _load(folder: Path, graph_files: Iterable[GraphFile]) -> tuple[int, int]:
    """Load every file into its named graph and into the default graph; return (quads in the named
    graphs, distinct triples in the default graph)."""
    store = ox.Store(str(folder))
    try:
        # The default graph in one bulk load, the named graphs in a few (``NamedChunks``); one load
        # per file costs more than the parsing itself.  A bulk load parses on the thread that calls
        # it and builds its indexes afterwards, on one more thread per batch of a million quads;
        # the loads run side by side (pyoxigraph releases the GIL).  Both read the files'
        # N-Triples as a stream: no staged copy of the whole corpus on disk (two copies of ~1 GB
        # per 100 MB of text), and the same CPU as loading from a file.
        default = AllTriples(graph_files)
        with ThreadPoolExecutor(max_workers=1 + NAMED_CHUNKS) as loaders:
            loads = [loaders.submit(_bulk_load, store, default, ox.RdfFormat.N_TRIPLES)]
            named = _load_named_chunks(store, graph_files, loaders)
            for load in loads + [load for load, _ in named]:
                load.result()  # a failed load raises here
        if default.triples > OXIGRAPH_BATCH:
            # past one batch the default graph's indexes come in several overlapping files, which
            # queries read slower until they are compacted (up to 1.8x CPU for the library queries)
            store.optimize()
        triples = default_graph_size(store)
        # each file's N-Triples hold each of its triples once (n_triples), each file has its graph:
        # the named graphs hold as many quads as the files have lines (counting the store read all
        # of it again, ~0.2 s on the real corpus)
        quads = sum(chunk.triples for _, chunk in named)
        store.flush()
    finally:
        # Close the store here, also on failure: a traceback keeps this frame alive, and an open
        # store goes on writing into the folder the caller is about to remove.
        del store
    return quads, triples


# Oxigraph's bulk loader builds the indexes of each batch of this many quads at once, in one thread.
OXIGRAPH_BATCH = 1_000_000
# The named graphs are loaded in up to NAMED_CHUNKS bulk loads of NAMED_CHUNK_QUADS quads (the last
# takes the rest): one load builds its six indexes on one thread, and only once its last file is
# read; on the real corpus (488,631 quads) that kept one core busy ~3 s after every file was
# written.  The first chunk's indexes are built while the build writes the files of the next, and
# the last chunk's beside the default graph's.  More chunks cost more CPU (a chunk writes again the
# strings the others wrote: 3-4 chunks +0.6-0.9 s on the real corpus, 2 none measurable).  The
# chunks' files overlap (in the named graphs' indexes and in the strings); queries read the default
# graph, whose indexes one load writes whole, and cost the same (library queries on the real
# corpus, CPU medians summed: 1,224 ms with one named load, 1,233 ms with four).
NAMED_CHUNKS = 2
NAMED_CHUNK_QUADS = 250_000


def _bulk_load(store: ox.Store, stream: io.RawIOBase, format: ox.RdfFormat) -> None:
    # lenient: no second check of the IRIs and language tags (real corpus: -0.8 s CPU of ~8.3 s).
    # Every line the loads read was written by pyoxigraph, which checked its terms: the emitter's
    # staged N-Triples (NamedNode, Literal), any other file parsed and serialised again (n_triples),
    # the graph names (NamedNode).
    store.bulk_load(input=io.BufferedReader(stream, STREAM_BUFFER), format=format, lenient=True)


def _load_named_chunks(
    store: ox.Store, graph_files: Iterable[GraphFile], loaders: ThreadPoolExecutor
) -> list[tuple[Future, NamedQuads]]:
    """Start the named graphs' bulk loads, each on the files after the previous one's, each once
    the previous one has read its last file (so that it builds its indexes meanwhile)."""
    files = iter(graph_files)
    loads: list[tuple[Future, NamedQuads]] = []
    for index in range(NAMED_CHUNKS):
        chunk = NamedQuads(files, None if index == NAMED_CHUNKS - 1 else NAMED_CHUNK_QUADS)
        load = loaders.submit(_bulk_load, store, chunk, ox.RdfFormat.TRIG)
        loads.append((load, chunk))
        either: list[Future] = [load, chunk.ended]
        wait(either, return_when=FIRST_COMPLETED)
        if not chunk.ended.done() or chunk.ended.result():  # failed, or read the last file
            break
    return loads


STREAM_BUFFER = 1 << 20


class FeedAbandoned(RuntimeError):
    """The build that filled a ``GraphFeed`` stopped before writing every file: the load fails."""


class GraphFeed:
    """The graph files of a build, given to the store load as the build writes them.

    The load reads each file as soon as it is written, while the workers write the others, and
    ends when the feed is closed: the bulk loads' parsing overlaps the writing, and the cores are
    not idle while the last files are written.  Each reader (the named graphs' load, the default
    graph's) walks the files from the first at its own pace.  The loaded store replaces the old one
    only once the build ``commit``s (it may still fail after its last file: the Turtle files are
    written while the store loads); ``abandon`` makes every reader, and the wait for the commit,
    raise ``FeedAbandoned``, so a build that stops half way ends its load and keeps the old store.
    """

    def __init__(self) -> None:
        self._files: list[GraphFile] = []
        self._closed = False
        self._committed = False
        self._abandoned = False
        self._changed = threading.Condition()

    def add(self, graph_file: GraphFile) -> None:
        with self._changed:
            self._files.append(graph_file)
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def files(self) -> list[GraphFile]:
        """The files added so far."""
        with self._changed:
            return list(self._files)

    def commit(self) -> None:
        """Every file is added and the build went through: the load may replace the store."""
        with self._changed:
            self._closed = self._committed = True
            self._changed.notify_all()

    def abandon(self) -> None:
        with self._changed:
            self._abandoned = True
            self._changed.notify_all()

    def wait_for_commit(self) -> None:
        with self._changed:
            while not (self._committed or self._abandoned):
                self._changed.wait()
            if self._abandoned:
                raise FeedAbandoned("the build stopped before it finished")

    def __iter__(self) -> Iterator[GraphFile]:
        index = 0
        while True:
            with self._changed:
                while not (self._abandoned or self._closed or index < len(self._files)):
                    self._changed.wait()
                if self._abandoned:
                    raise FeedAbandoned("the build stopped before writing every graph file")
                if index == len(self._files):
                    return
                graph_file = self._files[index]
            index += 1
            yield graph_file


class AllTriples(io.RawIOBase):
    """Every file's triples as one N-Triples stream, read a file at a time: what the default
    graph loads, where the store keeps each triple once however many files state it.  With a
    ``quota``, the stream ends after the file that brings it to that many triples, and the files
    after it stay in ``graph_files`` for the next stream; ``ended`` then says whether the files ran
    out."""

    def __init__(self, graph_files: Iterable[GraphFile], quota: int | None = None):
        self.files = iter(graph_files)
        self.quota = quota
        self.triples = 0  # in the files read so far
        self.pending = memoryview(b"")
        self.ended: Future[bool] = Future()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            if self.ended.done():
                return 0
            if self.quota is not None and self.triples >= self.quota:
                self.ended.set_result(False)  # the next stream takes the files after this one's
                return 0
            gf = next(self.files, None)
            if gf is None:
                self.ended.set_result(True)
                return 0
            triples = n_triples(gf)
            # (each of the two loads counting the real corpus's 100 MB again cost 0.1 s CPU)
            counted = gf.staged_triples if gf.n_triples is not None else None
            self.triples += triples.count(b"\n") if counted is None else counted
            self.pending = memoryview(self.text(gf, triples))
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def text(self, gf: GraphFile, triples: bytes) -> bytes:
        return triples


class NamedQuads(AllTriples):
    """Each file's triples in its named graph, as TriG: the N-Triples text (which is Turtle) in a
    block naming the graph.  N-Quads repeating the graph on every line cost more to make and to
    parse (real corpus: 117 MB against 98 MB, ~0.25 s more CPU)."""

    def text(self, gf: GraphFile, triples: bytes) -> bytes:
        return b"%s {\n%s}\n" % (str(ox.NamedNode(gf.graph_iri)).encode(), triples)


def n_triples(gf: GraphFile) -> bytes:
    """A file's triples as canonical N-Triples, each once: the copy the build staged (its emitter
    writes a set), or the file parsed and written by pyoxigraph (a file may state a triple twice)."""
    if gf.n_triples is not None:
        return gf.n_triples.read_bytes()
    text = ox.serialize(
        ox.parse(path=str(gf.path), format=rdf_format(gf.path)), format=ox.RdfFormat.N_TRIPLES
    )
    return b"".join(dict.fromkeys((text or b"").splitlines(keepends=True)))


def rdf_format(path: Path) -> ox.RdfFormat:
    return ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE


def check_replaceable(target: Path) -> None:
    """Refuse to replace what is not a store: a file, or a folder holding other things."""
    if target.is_symlink() or not target.exists():
        return
    if not target.is_dir():
        raise StoreError(
            f"{target}: đây là một tệp, không phải thư mục kho dữ liệu (this is a file, not a store folder)"
        )
    if any(target.iterdir()) and not is_store_folder(target):
        raise StoreError(
            f"{target}: thư mục đã có nội dung khác, không phải kho dữ liệu policy-graph; "
            f"hãy chọn thư mục khác (this folder holds other files and is not a policy-graph "
            f"store: choose another --store)"
        )


def _flip(target: Path, generation: Path) -> Path | None:
    """Point ``target`` at ``generation`` in one step; return what it pointed at before, to remove."""
    link = target.with_name(f".{target.name}.link-{_token()}")
    os.symlink(generation.name, link)
    crash_point("linked")
    if target.is_symlink() or not target.exists():
        previous = _own_generation(target)
        os.replace(link, target)
        return previous
    # a plain folder (earlier versions, or empty): exchange it with the link atomically
    if _exchange(link, target):
        return link
    old = target.with_name(f".{target.name}.old-{_token()}")
    target.rename(old)  # no atomic exchange on this system: a short gap, once, when upgrading
    os.replace(link, target)
    return old


def _own_generation(target: Path) -> Path | None:
    """The generation ``target`` links to, if it is one of ours (never a folder the user linked)."""
    if not target.is_symlink():
        return None
    pointed = Path(os.readlink(target))
    if pointed.parent != Path(".") or not pointed.name.startswith(f".{target.name}.gen-"):
        return None
    return target.with_name(pointed.name)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


_held_locks: set[str] = set()  # this process's locks: a build holds one and rebuild takes it again


@contextmanager
def build_lock(target: Path):
    """Hold ``.<name>.lock`` beside the store for the whole build (the kernel frees it if we die)."""
    lock_path = os.path.abspath(target.with_name(f".{target.name}.lock"))
    if lock_path in _held_locks:
        yield
        return
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreBusy(
                f"{target}: một lần build khác đang ghi kho dữ liệu này "
                f"(another build is writing this store): wait for it to finish"
            ) from None
        _held_locks.add(lock_path)
        try:
            yield
        finally:
            _held_locks.discard(lock_path)
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(target: Path) -> list[Path]:
    """Remove what interrupted builds left beside the store; call only while holding the lock."""
    current = _own_generation(target)
    prefixes = tuple(f".{target.name}.{kind}-" for kind in ("gen", "link", "building", "old"))
    removed = []
    for path in sorted(target.parent.glob(f".{target.name}.*")):
        if not path.name.startswith(prefixes) or path == current:
            continue
        if path.is_symlink() or path.is_file():
            path.unlink()
        else:
            shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def crash_point(step: str) -> None:
    """Tests set POLICY_GRAPH_CRASH_AT=<step> to kill the build here, as a power cut would."""
    if os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def _token() -> str:
    return uuid.uuid4().hex[:8]


# ------------------------------------------------------------------ reading


def fill_default_graph(store: ox.Store) -> None:
    """Copy every triple of the named graphs once into the default graph (for a store loaded
    from a TriG or N-Quads dump of named graphs only, as the tests' fixtures are)."""
    store.update(COPY_TO_DEFAULT)


def refresh_default_graph(store: ox.Store) -> None:
    """Make the default graph the set of the named graphs' triples again, after a SPARQL update
    changed them (in one transaction: a reader sees the old default graph or the new one).  What
    an update writes into the default graph itself is replaced: the per-file graphs are the data."""
    store.update(REFRESH_DEFAULT)


COPY_TO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
REFRESH_DEFAULT = f"DROP SILENT DEFAULT ; {COPY_TO_DEFAULT}"


def default_graph_size(store: ox.Store) -> int:
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(rows, ox.QuerySolutions)
    return int(next(rows)["n"].value)


def named_graphs(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs())


def select(store, query: str, **options) -> ox.QuerySolutions:
    """``store.query`` for a SELECT (embedded or remote store): its rows, typed as rows."""
    result = store.query(query, **options)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"a SELECT query was expected, got {type(result).__name__}")
    return result


def construct(store, query: str, **options) -> Iterable[ox.Triple]:
    """``store.query`` for a CONSTRUCT (embedded or remote store): its triples."""
    result = store.query(query, **options)
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        raise TypeError(f"a CONSTRUCT query was expected, got {type(result).__name__}")
    return result


def graph_sizes(store: ox.Store) -> dict[str, int]:
    rows = select(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in rows}
