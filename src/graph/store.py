"""The embedded Oxigraph store: one named graph per source file, atomic rebuilds.

A rebuild loads every Turtle file into a fresh store beside the old one and
swaps the directories only when loading succeeded, so readers never see a
half-written store and a failed build leaves the previous graph in place.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

DEFAULT_STORE = "data/store"


@dataclass(frozen=True)
class GraphFile:
    graph_iri: str
    path: Path


def rebuild(store_path: str | Path, graph_files: list[GraphFile]) -> int:
    """Replace the store at ``store_path`` with exactly ``graph_files``; return the quad count."""
    target = Path(store_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.building-{uuid.uuid4().hex[:8]}")
    try:
        store = ox.Store(str(staging))
        for gf in graph_files:
            store.bulk_load(path=str(gf.path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(gf.graph_iri))
        store.optimize()
        count = len(store)
        store.flush()
        del store
        _swap(staging, target)
        return count
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def open_store(store_path: str | Path = DEFAULT_STORE, read_only: bool = True) -> ox.Store:
    path = Path(store_path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: chưa có kho dữ liệu, hãy chạy `policy-graph build` trước "
            f"(no store here: run `policy-graph build` first)")
    return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))


def named_graphs(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs())


def graph_sizes(store: ox.Store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in rows}
