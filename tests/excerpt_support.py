"""A quoted excerpt of a real document read as the pipeline reads a file: the citation and task tests' helpers."""

from __future__ import annotations

import hashlib

from graph.extract.citations import extract_citations
from graph.extract.metadata import extract_metadata
from graph.extract.tasks import prose_tasks
from graph.model import Citation, Relation, SegmentedDocument, SourceFile, Span, Task
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


def excerpt_tasks(text: str) -> list[Task]:
    """The tasks the prose reader finds in the whole of ``text``."""
    return prose_tasks(text, Span(0, len(text)))


def leads(task: Task) -> list[str]:
    return [m.printed for m in task.lead]


def supports(task: Task) -> list[str]:
    return [m.printed for m in task.support]
