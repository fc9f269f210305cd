"""Build the knowledge graph: parse files, resolve identities, write Turtle, load the store.

A bad file never aborts the batch: it is reported with its name and reason and
every other file goes in.  Output is deterministic, so building twice gives the
same Turtle files and the same triples.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import InputError, ParsedDocument
from .pipeline import parse_file
from .rdf import document_graph
from .read import iter_input_files
from .registry import slugify
from .resources import ONTOLOGY_DIR
from .resolve import resolve
from .store import GraphFile, rebuild
from .vocab import DEFAULT_BASE

# The ontology, vocabularies and agency registry travel with the data in --ttl-dir.
SHARED_TTL = {"_ontology.ttl": "policy.ttl", "_vocabularies.ttl": "vocabularies.ttl", "_agencies.ttl": "agencies.ttl"}


@dataclass
class Rejected:
    name: str
    reason: str


@dataclass
class BuildReport:
    documents: list[ParsedDocument] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    triples_per_file: dict[str, int] = field(default_factory=dict)
    store_quads: int = 0
    seconds: float = 0.0

    @property
    def citations(self) -> int:
        return sum(len(d.citations) for d in self.documents)

    @property
    def tasks(self) -> int:
        return sum(len(d.tasks) for d in self.documents)

    @property
    def indicators(self) -> int:
        return sum(len(d.indicators) for d in self.documents)


def parse_all(paths: Iterable[Path], report: BuildReport,
              progress: Callable[[str], None] = lambda name: None) -> None:
    for path in paths:
        progress(path.name)
        try:
            report.documents.append(parse_file(path))
        except InputError as err:
            report.rejected.append(Rejected(path.name, f"{err.reason_vi} ({err.reason_en})"))
        except Exception as err:  # a parser bug must not cost the rest of the batch
            report.rejected.append(Rejected(path.name, f"lỗi nội bộ khi phân tích (internal parser error): "
                                                       f"{type(err).__name__}: {err}"))


def build(paths: Iterable[str | Path], store_path: str | Path, ttl_dir: str | Path,
          base: str = DEFAULT_BASE, progress: Callable[[str], None] = lambda name: None) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    parse_all(iter_input_files(paths), report, progress)
    ttl_dir = Path(ttl_dir)
    ttl_dir.mkdir(parents=True, exist_ok=True)
    res = resolve(report.documents, base=base)
    for doc in report.documents:
        graph = document_graph(doc, res)
        name = ttl_name(doc)
        write_atomically(ttl_dir / name, graph.serialize(format="turtle"))
        report.triples_per_file[doc.source.name] = len(graph)
    for target, source in SHARED_TTL.items():
        shutil.copyfile(ONTOLOGY_DIR / source, ttl_dir / target)
    report.store_quads = rebuild(store_path, graph_files(ttl_dir, res.base))
    report.seconds = time.perf_counter() - started
    return report


def ttl_name(doc: ParsedDocument) -> str:
    return f"{slugify(Path(doc.source.name).stem)}.ttl"


def graph_files(ttl_dir: Path, base: str) -> list[GraphFile]:
    """Every Turtle file in ``ttl_dir`` with the named graph it loads into."""
    files = []
    for path in sorted(ttl_dir.glob("*.ttl")):
        if path.name in SHARED_TTL:
            graph = f"{base}/graph/{'registry' if path.name == '_agencies.ttl' else 'ontology'}"
        else:
            graph = f"{base}/graph/{slugify(path.stem)}"
        files.append(GraphFile(graph, path))
    return files


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
