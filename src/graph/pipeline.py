"""The parser as one call: read → normalise → segment → extract.

Each stage is its own module and hands the next one plain records (``model``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .extract.citations import extract_citations
from .extract.consolidation import consolidation_relations
from .extract.indicators import extract_indicators
from .extract.metadata import extract_metadata
from .extract.tasks import extract_tasks
from .model import ParsedDocument, SourceFile
from .normalise import normalise
from .read import read_source
from .segment import segment


def _no_report(stage: str) -> None:
    pass


def parse_source(source: SourceFile, at: Callable[[str], None] = _no_report) -> ParsedDocument:
    """``at(stage)`` is told each stage as it starts, so a stopped parse can say where it was."""
    at("normalise")
    text = normalise(source)
    at("segment")
    seg = segment(text)
    at("extract metadata")
    meta = extract_metadata(seg)
    at("extract citations")
    citations, relations = extract_citations(seg, meta)
    relations = consolidation_relations(seg, meta, citations, relations)
    at("extract tasks")
    tasks = sorted(extract_tasks(seg, meta.ref.date), key=lambda t: t.span)
    at("extract indicators")
    indicators = sorted(extract_indicators(seg), key=lambda i: i.span)
    return ParsedDocument(
        source=source,
        text=seg.text,
        meta=meta,
        sections=seg.sections,
        appendices=seg.appendices,
        footnotes=seg.footnotes,
        citations=citations,
        relations=relations,
        # in reading order, so that task and indicator numbers follow the document
        tasks=tasks,
        indicators=indicators,
    )


def parse_file(path: str | Path, at: Callable[[str], None] = _no_report) -> ParsedDocument:
    """Parse one file; raises ``InputError`` (naming the file and why) for bad input."""
    at("read")
    return parse_source(read_source(path), at)
