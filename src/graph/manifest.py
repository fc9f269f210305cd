"""The build manifest: what the last build into a Turtle folder read, wrote and loaded.

``<ttl-dir>/.policy-graph-build.json`` records the build's key (a sha256 over every input's
path and content, the program, the base IRI and the limits: ``build.build_key``), each Turtle
file it wrote with its size and modification time, what the summary showed (counts,
rejections, warnings, renamed files) and the store generation it loaded.  A build with the same
key whose Turtle files are untouched reuses them, and keeps the store as well when ``--store``
still points at that generation: a rebuild with no changed file reads the inputs once to hash
them and parses nothing.

Any change (one input edited, added or removed, another program version) rebuilds everything:
each document's graph depends on the whole corpus (cross-document identity, ``resolve``), so
one file's Turtle cannot be trusted once another file changed.  The manifest is removed when a
full build starts and written when it has flipped the store, so a killed build leaves none.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .store import GraphFile, current_generation, is_store_folder

if TYPE_CHECKING:
    from .build import BuildReport

NAME = ".policy-graph-build.json"
FORMAT = 1


@dataclass
class Written:
    ttl_name: str
    graph_iri: str
    size: int
    mtime_ns: int


@dataclass
class Manifest:
    key: str
    files: list[Written]  # every Turtle file loaded, documents' and shared, in load order
    outputs: list[dict]  # per document: shown, ttl_name, graph_iri, triples, counts
    rejected: list[dict] = field(default_factory=list)
    warnings: list[list[str]] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)  # ttl_name of outputs renamed for a clash
    store: str = ""  # the generation folder the build loaded
    store_quads: int = 0
    store_triples: int = 0


def program_fingerprint() -> str:
    """A sha256 over the package's code and data (ontology, registry, patterns): another version
    of the program writes other Turtle from the same inputs."""
    from .resources import ONTOLOGY_DIR

    package = Path(__file__).resolve().parent
    code = [p for p in sorted(package.rglob("*.py")) if "__pycache__" not in p.parts]
    digest = hashlib.sha256(f"{FORMAT}".encode())
    for path in [*code, *sorted(ONTOLOGY_DIR.glob("*.ttl"))]:  # ontology/ is a link rglob does not follow
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read(ttl_dir: Path, key: str) -> Manifest | None:
    """The previous build's manifest if its key is ``key`` and its Turtle files are as it left them."""
    try:
        data = json.loads((ttl_dir / NAME).read_text(encoding="utf-8"))
        found = Manifest(**{**data, "files": [Written(**w) for w in data["files"]]})
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if found.key != key or not all(_untouched(ttl_dir, w) for w in found.files):
        return None
    return found


def _untouched(ttl_dir: Path, written: Written) -> bool:
    try:
        stat = (ttl_dir / written.ttl_name).stat()
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == (written.size, written.mtime_ns)


def write(ttl_dir: Path, key: str, report: BuildReport, files: list[GraphFile], store: str) -> None:
    written = []
    for gf in files:
        stat = gf.path.stat()
        written.append(Written(gf.path.name, gf.graph_iri, stat.st_size, stat.st_mtime_ns))
    manifest = Manifest(
        key=key,
        files=written,
        outputs=[
            {
                "shown": o.shown,
                "ttl_name": o.ttl_name,
                "graph_iri": o.graph_iri,
                "triples": o.triples,
                "counts": asdict(o.counts),
            }
            for o in report.outputs
        ],
        rejected=[asdict(r) for r in report.rejected],
        warnings=[list(w) for w in report.warnings],
        renamed=[o.ttl_name for o in report.renamed],
        store=str(store),
        store_quads=report.store_quads,
        store_triples=report.store_triples,
    )
    tmp = ttl_dir / f"{NAME}.tmp"
    tmp.write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, ttl_dir / NAME)


def forget(ttl_dir: Path) -> None:
    (ttl_dir / NAME).unlink(missing_ok=True)


def graph_files(manifest: Manifest, ttl_dir: Path) -> list[GraphFile]:
    return [GraphFile(w.graph_iri, ttl_dir / w.ttl_name) for w in manifest.files]


def is_its_store(manifest: Manifest, target: Path) -> bool:
    """``target`` still points at the generation this build loaded."""
    generation = current_generation(target)
    return str(generation) == manifest.store and is_store_folder(generation)


def fill_report(manifest: Manifest, report: BuildReport) -> None:
    """The previous build's summary, as if it had just run (no parsed documents: none was parsed)."""
    from .build import Counts, Output, Rejected

    report.outputs = [
        Output(None, o["shown"], o["ttl_name"], o["graph_iri"], o["triples"], Counts(**o["counts"]))
        for o in manifest.outputs
    ]
    report.rejected = [Rejected(**r) for r in manifest.rejected]
    report.warnings = [(name, text) for name, text in manifest.warnings]
    renamed = set(manifest.renamed)
    report.renamed = [o for o in report.outputs if o.ttl_name in renamed]
