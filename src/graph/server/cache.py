"""The server's cache of SPARQL Protocol answers: a repeated query is answered without a worker.

Sound because a store generation never changes once built (a build writes a new generation
and flips the store's link to it): an answer is keyed by the generation it was computed on,
by the pool's update count (``--allow-update`` writes in place, and each update renews the
workers), and by everything in the request that shapes the answer (the query text exactly as
sent, the formats its Accept header negotiates, the dataset, bindings), held as their SHA-256 digest so that
an entry's memory is its answer's and not what the client chose to send.  An answer is kept only if the
query was found repeatable by the checker (no RAND(), NOW(), UUID(), STRUUID(), BNODE()),
was answered 200, and is at most ``max_entry_bytes``; the whole cache holds at most
``max_bytes`` of answers, least recently used first out.  The query text is not normalised:
rewriting whitespace or comments safely needs a SPARQL lexer, and clients that repeat a
query (a dashboard, the query UI, a script) repeat it byte for byte.
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from .guard import JobError
from .sparql import GRAPH_FORMATS, RESULT_FORMATS, Job, choose_format, generation_name

# What an entry costs beyond its body (key tuple and digest, reply tuple and verdict, dict slot).
ENTRY_OVERHEAD = 512


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0
    evicted: int = 0
    cleared: int = 0


@functools.lru_cache(maxsize=16)
def _prefixes_digest(prefixes: tuple) -> bytes:
    """The server's own prefix table (one or two per server), its repr made once: 4 of the 8 µs
    a key's digest took."""
    return hashlib.sha256(repr(prefixes).encode("utf-8")).digest()


def negotiated(job: Job) -> tuple[str, str]:
    """What the job's Accept header and format= parameter decide: the format of a SELECT/ASK
    answer and of a CONSTRUCT/DESCRIBE answer ('406': none), all the worker reads of them
    (``sparql.run_job``).  Keyed by this rather than by what was sent, 'application/sparql-results+json,
    x/1', '…, x/2', 'format=x1' (not offered: ignored) and the thousand other ways to write one
    choice ask for one kept answer, not a worker each."""
    accept = job.accept or [("*/*", 1.0)]
    names = []
    for offered in (RESULT_FORMATS, GRAPH_FORMATS):
        try:
            names.append(choose_format(accept, offered, job.forced_format).name)
        except JobError:
            names.append("406")
    return names[0], names[1]


class ResultCache:
    def __init__(self, store_path: str, max_bytes: int = 64 * 2**20, max_entry_bytes: int = 2**20):
        self.store_path = store_path
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self.entries: OrderedDict[tuple, tuple[tuple, int, str]] = OrderedDict()  # reply, size, ETag
        self.bytes = 0
        self.generation: str | None = None
        self.updates = 0
        self.stats = CacheStats()

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def key(self, job: Job, updates: int) -> tuple | None:
        """The key of ``job``'s answer on the store as it is now (``updates``: the pool's
        update count); None when answers are not cached.  A new store generation or an update
        empties the cache: the answers it holds can never be asked for again."""
        if not self.enabled or job.mode != "protocol":
            return None
        return self.stamp(updates) + self.job_part(job)

    def stamp(self, updates: int) -> tuple[str, int]:
        """The store as it is now, the first part of every key (``updates``: the pool's update
        count); a new generation or an update empties the cache."""
        generation = self._generation()
        if (generation, updates) != (self.generation, self.updates):
            if self.entries:
                self.clear()
            self.generation, self.updates = generation, updates
        return generation, updates

    @staticmethod
    def job_part(job: Job) -> tuple[bytes]:
        """What in ``job`` shapes its answer, as its SHA-256 digest: the rest of its key.  A digest,
        not the inputs themselves: they are the client's to choose (a 64 KiB Accept header of
        thousands of media ranges, a 1 MiB form of default-graph-uri values, a 64 K-character
        query), and an entry kept for a small answer held them all while it was counted as a few
        hundred bytes, so the cache's memory had no bound; now each key is 32 bytes."""
        shape = (
            job.query,
            negotiated(job),  # the format= parameter included, as far as it decides anything
            tuple(sorted(job.substitutions.items())) if job.substitutions else None,
            tuple(job.default_graphs or ()),
            tuple(job.named_graphs or ()),
            job.max_rows,
            _prefixes_digest(tuple(job.prefixes.items())) if job.prefixes else None,
            job.base_iri,
            job.trusted,
            job.not_found,
        )
        return (hashlib.sha256(repr(shape).encode("utf-8", "surrogatepass")).digest(),)

    def etag(self, key: tuple) -> str:
        """The validator of a kept answer (made when it was kept)."""
        return self.entries[key][2]

    @staticmethod
    def _new_etag(key: tuple) -> str:
        """Its key names the store's version and everything that shapes the answer, and only
        repeatable answers are kept: the same key, the same bytes."""
        return '"' + hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()[:32] + '"'

    def _generation(self) -> str:
        return generation_name(self.store_path)

    def get(self, key: tuple | None) -> tuple | None:
        if key is None:
            return None
        entry = self.entries.get(key)
        if entry is None:
            self.stats.misses += 1
            return None
        self.entries.move_to_end(key)
        self.stats.hits += 1
        return entry[0]

    def put(self, key: tuple | None, job: Job, reply: tuple) -> None:
        """Keep ``reply`` (the pool's ('ok', media type, body, verdict)) if it may be reused."""
        if key is None or reply[0] != "ok" or key[:2] != (self.generation, self.updates):
            return  # computed on a store that has changed since
        verdict = reply[3] if len(reply) > 3 else None
        if not job.trusted and (verdict is None or not verdict.repeatable):
            return
        size = len(reply[2]) + ENTRY_OVERHEAD
        if size > self.max_entry_bytes or key in self.entries:
            return
        self.entries[key] = (reply, size, self._new_etag(key))
        self.bytes += size
        self.stats.stored += 1
        while self.bytes > self.max_bytes:
            _, (_, dropped, _) = self.entries.popitem(last=False)
            self.bytes -= dropped
            self.stats.evicted += 1

    def clear(self) -> None:
        self.entries.clear()
        self.bytes = 0
        self.stats.cleared += 1

    def summary(self) -> dict:
        return {
            "entries": len(self.entries),
            "bytes": self.bytes,
            "hits": self.stats.hits,
            "misses": self.stats.misses,
        }
