"""A quoted excerpt of a real document read as the pipeline reads a file: the citation tests' helper."""

from __future__ import annotations

import hashlib

from graph.extract.citations import extract_citations
from graph.extract.metadata import extract_metadata
from graph.model import Citation, Relation, SegmentedDocument, SourceFile
from graph.normalise import normalise
from graph.segment import segment


def segmented(text: str) -> SegmentedDocument:
    source = SourceFile(
        "excerpt.txt", "excerpt.txt", hashlib.sha256(text.encode()).hexdigest(), "utf-8", text
    )
    return segment(normalise(source))


def extracted(text: str) -> tuple[list[Citation], list[Relation]]:
    """The citations and relations of ``text``, as ``extract_citations`` gives them."""
    seg = segmented(text)
    return extract_citations(seg, extract_metadata(seg))
