"""Where the package finds its data: the ontology and the SPARQL query library.

Both live at the top of the repository (``ontology/``, ``queries/``) because people read and
edit them there; ``src/graph/ontology`` and ``src/graph/queries`` are symlinks to them, so a
checkout, an editable install and an installed wheel (which holds real copies) all find them
through ``importlib.resources`` instead of guessing a path relative to the source tree.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package_dir(name: str) -> Path:
    # A wheel is installed unpacked, so the traversable is a real folder on disk; the
    # readers (rdflib, pyshacl, pyoxigraph) want paths, not streams.
    return Path(str(files("graph").joinpath(name)))


ONTOLOGY_DIR = _package_dir("ontology")
QUERY_DIR = _package_dir("queries")
