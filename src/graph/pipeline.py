"""The parser as one call: read → normalise → segment → extract.

Each stage is its own module and hands the next one plain records (``model``).
"""

from __future__ import annotations

from pathlib import Path

from .extract.citations import extract_citations
from .extract.indicators import extract_indicators
from .extract.metadata import extract_metadata
from .extract.tasks import extract_tasks
from .model import ParsedDocument, SourceFile
from .normalise import normalise
from .read import read_source
from .segment import segment


def parse_source(source: SourceFile) -> ParsedDocument:
    seg = segment(normalise(source))
    meta = extract_metadata(seg)
    citations, relations = extract_citations(seg, meta)
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
        tasks=sorted(extract_tasks(seg), key=lambda t: t.span),
        indicators=sorted(extract_indicators(seg), key=lambda i: i.span),
    )


def parse_file(path: str | Path) -> ParsedDocument:
    """Parse one file; raises ``InputError`` (naming the file and why) for bad input."""
    return parse_source(read_source(path))
