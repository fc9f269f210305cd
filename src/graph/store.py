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

Each triple is stored once (issue 14's "canonical descriptions"): a triple that
one source file states sits in that file's named graph; a triple that several
files state (what they say about the documents they cite, the agencies and
concepts they name) sits in one shared graph, ``<base>/graph/shared``.  Readers
query the union of the graphs (``use_default_graph_as_union``: ``open_store``
gives a ``UnionView`` that asks for it), which is then a set: a document cited
by k files carries its type, symbol and title once, not k times (a bag union
multiplied the rows of a query joining several OPTIONAL properties of it, k⁶
before GROUP BY).  The store's own default graph stays empty; a store of the
earlier layout (every triple copied again into the default graph) is refused
with "run `policy-graph build` again".  Where each file says what it says stays
in the Turtle files (``data/ttl``) and in the evidence nodes, which name the
file and the span.
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
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
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
    quads: int  # stored: each triple once, in its file's graph or in the shared graph
    triples: int  # distinct, in the union the queries read (the same number)
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
    """Open the store's current generation, read as the union of its graphs (``UnionView``); raise
    ``StoreError`` (a FileNotFoundError) if there is none, or if an earlier version built it (its
    default graph holds a copy of every triple, or it has no shared graph: the union would repeat
    triples).  A server URL (http://…) gives a ``remote.RemoteStore``, which answers ``query``
    alike."""
    if is_remote(os.fspath(store_path)):
        from .remote import connect

        return cast(ox.Store, connect(os.fspath(store_path)))  # duck-typed: query() and update()
    store = _open_generation(store_path, read_only)
    if not has_layout(store):
        raise StoreError(
            f"{store_path}: kho dữ liệu do phiên bản cũ tạo, hãy chạy lại `policy-graph build` "
            f"(this store was built by an earlier version, with another layout of its graphs: run "
            f"`policy-graph build` again)"
        )
    return cast(ox.Store, UnionView(store))


SHARED_SLUG = "shared"  # the shared graph is <base>/graph/shared (no document takes this name)


def shared_graph(base: str) -> str:
    return f"{base.rstrip('/')}/graph/{SHARED_SLUG}"


def shared_graph_beside(graph_iri: str) -> str:
    """The shared graph of the store that holds ``graph_iri`` (``<base>/graph/<name>``)."""
    base = graph_iri.rsplit("/graph/", 1)[0] if "/graph/" in graph_iri else graph_iri.rsplit("/", 1)[0]
    return shared_graph(base)


def has_layout(store: ox.Store) -> bool:
    """This version's layout: an empty default graph, and a shared graph when there is any graph
    (an empty store is fine)."""
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        return False
    graphs = [g.value for g in store.named_graphs()]
    return not graphs or any(is_shared_graph(g) for g in graphs)


def is_shared_graph(graph_iri: str) -> bool:
    return graph_iri.endswith(f"/graph/{SHARED_SLUG}")


class UnionView:
    """An embedded store whose queries read the union of its graphs by default (each triple is in
    one graph: the union is a set).  A query naming its dataset (``default_graph``, ``named_graphs``)
    reads that dataset.  Everything else is the store's own."""

    def __init__(self, store: ox.Store):
        self.store = store

    def query(self, query: str, **options):
        if options.get("default_graph") is None and options.get("named_graphs") is None:
            options.setdefault("use_default_graph_as_union", True)
        return self.store.query(query, **options)

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def __iter__(self):
        return iter(self.store)

    def __len__(self) -> int:
        return len(self.store)


def bare_store(store) -> ox.Store:
    """The pyoxigraph store under a ``UnionView`` (or the store itself)."""
    return store.store if isinstance(store, UnionView) else store


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


def rebuild(
    store_path: str | os.PathLike, graph_files: Iterable[GraphFile], shared: str | None = None
) -> Rebuilt:
    """Replace the store at ``store_path`` with exactly ``graph_files`` (a list, or a ``GraphFeed``
    that a build fills while the store loads); the triples several files state go to the graph
    ``shared`` (by default ``<base>/graph/shared`` beside the first file's graph)."""
    target = store_location(store_path)
    check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target):
        removed = remove_leftovers(target)
        generation = target.with_name(f".{target.name}.gen-{time.strftime('%Y%m%dT%H%M%S')}-{_token()}")
        try:
            stated, triples = _load(generation, graph_files, shared)
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
        return Rebuilt(stated, triples, removed)


def _load(folder: Path, graph_files: Iterable[GraphFile], shared: str | None) -> tuple[int, int]:
    """Load each triple once: into its file's named graph, or into ``shared`` when several files
    state it; return (the triples the files state, the triples stored)."""
    store = ox.Store(str(folder))
    try:
        # Two passes over the files' N-Triples.  The first reads each file as soon as it is written
        # (``GraphFeed``: while the workers write the others) and tells, by a hash of each line, the
        # triples that several files state (real corpus: ~10,000 of ~447,000).  Once every file is
        # read, the second streams each file's own triples into its named graph and the repeated
        # ones once into the shared graph, in NAMED_CHUNKS bulk loads side by side (pyoxigraph
        # releases the GIL): each triple goes straight to its graph, and nothing is moved after.
        # (Loading while the files were written, into the graph of the first file stating each
        # triple, left the last load's indexes and then the move of the repeated triples to one
        # core after the last file: ~1.5 s of the real corpus's build on a quiet machine.)
        with TemporaryDirectory(prefix=f"{folder.name}.staged-", dir=folder.parent) as staging:
            partition = Partition(Path(staging))
            for graph_file in graph_files:
                partition.read(graph_file)
            first_graph = next(iter(partition.graphs), None)
            shared_node = ox.NamedNode(shared or shared_graph_beside(first_graph)) if first_graph else None
            streams = partition.streams(shared_node, NAMED_CHUNKS)
            with ThreadPoolExecutor(max_workers=len(streams) or 1) as loaders:
                loads = [loaders.submit(_bulk_load, store, stream, ox.RdfFormat.TRIG) for stream in streams]
                for load in loads:
                    load.result()  # a failed load raises here
        if shared_node is not None:
            store.add_graph(shared_node)  # marks the layout, even when no triple is shared
        _compact(store)
        store.flush()
    finally:
        # Close the store here, also on failure: a traceback keeps this frame alive, and an open
        # store goes on writing into the folder the caller is about to remove.
        del store
    return partition.stated, sum(stream.triples for stream in streams)


def _compact(store: ox.Store) -> None:
    # The queries read the union from the quad indexes, which the side-by-side loads wrote in
    # overlapping files: compacted, the library queries cost what they cost on one load's store,
    # uncompacted up to 1.5x (README, Scale, stops 17 and 18).
    store.optimize()


class Partition:
    """Which files state each triple, by a hash of its N-Triples line (8 bytes a triple rather than
    the line's ~200: the real corpus's lines take ~100 MB).  ``read`` each file in turn, then take
    the ``streams`` to load.  Two lines with the same hash (about once in 10^8 corpora of a million
    triples) are both stored: the one seen first in its file's graph, the other in the shared graph."""

    def __init__(self, staging: Path) -> None:
        self.staging = staging  # where the N-Triples of a file the build did not stage are written
        self.first: dict[int, int] = {}  # hash of a line -> index of the first graph that states it
        self.graphs: dict[str, int] = {}  # the index of each graph read
        self.repeated: dict[int, bytes] = {}  # stated by a second graph: the line
        self.files: list[tuple[str, Path, int]] = []  # each file read: graph, N-Triples, lines
        self.stated = 0  # lines read

    def read(self, graph_file: GraphFile) -> None:
        """Note the lines of a file's N-Triples that a graph read before states (two files, the
        ontology and the vocabularies, share a graph: what both state is theirs)."""
        triples = n_triples(graph_file)
        path = graph_file.n_triples
        if path is None:
            path = self.staging / f"{len(self.files)}.nt"
            path.write_bytes(triples)
        index = self.graphs.setdefault(graph_file.graph_iri, len(self.graphs))
        first, repeated = self.first, self.repeated
        lines = triples.splitlines(keepends=True)
        for line in lines:
            key = hash(line)
            if first.setdefault(key, index) != index and key not in repeated:
                repeated[key] = line
        self.stated += len(lines)
        self.files.append((graph_file.graph_iri, path, len(lines)))

    def streams(self, shared: ox.NamedNode | None, count: int) -> list[NamedQuads]:
        """Every file's own lines in ``count`` TriG streams of about as many lines each, the
        repeated lines once in ``shared`` at the end of the last."""
        total = sum(lines for _, _, lines in self.files)
        groups: list[list[tuple[str, Path, int]]] = []
        read = 0
        for entry in self.files:  # a file opens the next group once those before hold their share
            if not groups or (len(groups) < count and read * count >= len(groups) * total):
                groups.append([])
            groups[-1].append(entry)
            read += entry[2]
        streams = [NamedQuads(group, self.repeated) for group in groups]
        if streams and shared is not None and self.repeated:
            streams[-1].shared = (shared, b"".join(self.repeated.values()))
        return streams


# The named graphs are loaded in NAMED_CHUNKS bulk loads side by side, each of about as many
# triples: a load parses its stream on its own thread and builds its six indexes on one more, once
# its stream is read, so that one load left one core idle.  More loads cost more CPU (a load writes
# again the strings the others wrote, and the compaction merges more files); their files overlap
# (in the indexes and in the strings), which optimize() merges.
NAMED_CHUNKS = 2


def _bulk_load(store: ox.Store, stream: io.RawIOBase, format: ox.RdfFormat) -> None:
    # lenient: no second check of the IRIs and language tags (real corpus: -0.8 s CPU of ~8.3 s).
    # Every line the loads read was written by pyoxigraph, which checked its terms: the emitter's
    # staged N-Triples (NamedNode, Literal), any other file parsed and serialised again (n_triples),
    # the graph names (NamedNode).
    store.bulk_load(input=io.BufferedReader(stream, STREAM_BUFFER), format=format, lenient=True)


STREAM_BUFFER = 1 << 20


class FeedAbandoned(RuntimeError):
    """The build that filled a ``GraphFeed`` stopped before writing every file: the load fails."""


class GraphFeed:
    """The graph files of a build, given to the store load as the build writes them.

    The load reads each file as soon as it is written, while the workers write the others (telling
    the triples several files state, ``Partition``), and starts its bulk loads when the feed is
    closed.  The loaded store replaces the old one only once the build ``commit``s (it may still
    fail after its last file); ``abandon`` makes the reader, and the wait for the commit, raise
    ``FeedAbandoned``, so a build that stops half way ends its load and keeps the old store.
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


class NamedQuads(io.RawIOBase):
    """Files' own triples (``Partition``) in their named graphs, as one TriG stream read a file at a
    time: the N-Triples text (which is Turtle) in a block naming the graph, a line stated by
    several files (``repeated``) left out; then, if ``shared`` is set, those lines once in the
    shared graph.  N-Quads repeating the graph on every line cost more to make and to parse (real
    corpus: 117 MB against 98 MB, ~0.25 s more CPU)."""

    def __init__(self, files: Iterable[tuple[str, Path, int]], repeated: dict[int, bytes]):
        self.files = iter(files)
        self.repeated = repeated
        self.shared: tuple[ox.NamedNode, bytes] | None = None
        self.triples = 0  # in the blocks made so far
        self.pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            entry = next(self.files, None)
            if entry is not None:
                graph, own = ox.NamedNode(entry[0]), self._own(entry[1].read_bytes())
            elif self.shared is not None:
                (graph, own), self.shared = self.shared, None
            else:
                return 0
            self.triples += own.count(b"\n")
            self.pending = memoryview(b"%s {\n%s}\n" % (str(graph).encode(), own))
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def _own(self, triples: bytes) -> bytes:
        repeated = self.repeated
        if not repeated:
            return triples
        return b"".join(
            line for line in triples.splitlines(keepends=True) if repeated.get(hash(line)) != line
        )


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


def settle(store: ox.Store, shared: str | None = None) -> ox.Store:
    """Put every triple in one graph again, in one transaction (a reader sees the store before or
    after), after a SPARQL update or a load of named graphs that each hold all their file states
    (a dump of the earlier layout, the tests' fixtures): what is in the default graph, or in more
    than one named graph, goes to the shared graph (``shared``, or the store's own, or
    ``<base>/graph/shared`` beside the first file's graph).  Return the store read as the union."""
    bare = bare_store(store)
    shared = shared or shared_graph_in(bare)
    if shared is None:  # no named graph (a DROP ALL): nothing to settle unless the default graph holds some
        if next(iter(bare.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
            raise StoreError("no named graph to tell the shared graph's IRI by: give it")
    else:
        bare.update(SETTLE.replace("<shared>", f"<{shared}>"))
    return cast(ox.Store, UnionView(bare))  # read as the union, as ``open_store`` gives it


SETTLE = """
CREATE SILENT GRAPH <shared> ;
INSERT { GRAPH <shared> { ?s ?p ?o } } WHERE { ?s ?p ?o } ;
DROP SILENT DEFAULT ;
INSERT { GRAPH <shared> { ?s ?p ?o } } WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER(?g != <shared>) GRAPH ?h { ?s ?p ?o } FILTER(?h != ?g)
} ;
DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH <shared> { ?s ?p ?o } GRAPH ?g { ?s ?p ?o } FILTER(?g != <shared>) }
"""


def shared_graph_in(store: ox.Store) -> str | None:
    """The store's shared graph, or the one beside its first graph; None when it has no graph."""
    graphs = sorted(g.value for g in bare_store(store).named_graphs() if isinstance(g, ox.NamedNode))
    for graph in graphs:
        if is_shared_graph(graph):
            return graph
    return shared_graph_beside(graphs[0]) if graphs else None


# A remote server is loaded in the earlier layout: each file's graph holds every triple the file
# states, and the default graph the set of them all (a SPARQL server need not offer the union of
# its graphs as the default graph; Oxigraph server does, Fuseki and Virtuoso by configuration).
COPY_TO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
REFRESH_DEFAULT = f"DROP SILENT DEFAULT ; {COPY_TO_DEFAULT}"


def default_graph_size(store: ox.Store) -> int:
    """The triples the queries read (a ``UnionView``: the union of the graphs; a remote store: its
    default graph)."""
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
