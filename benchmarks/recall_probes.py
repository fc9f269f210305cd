"""Two recall probes on real text with no gold: symbols no citation reads, verbs no relation follows.

    .venv/bin/python benchmarks/recall_probes.py ../shared/corpus/real [--examples N] [--max-symbols N]

*Unread symbols*: every token shaped like a document's symbol ("2820/QĐ-UBND", "36/2016/NĐ-CP",
"29-NQ/TW", "02/2020/UBTVQH14") that no citation's span covers and that is not the document's own
number, grouped by the three words before it, the commonest first, each with one example.  At the
start of stop 18 the real corpus had 254 (201 at its end): most in English translations appended
to web pages ("Decree No. 120/2016/ND-CP"), technical standards ("QCVN 06:2022/BXD"), forms
("Mẫu số 01/TK-SDDPNN"); the rest were forms of the genre the parser missed ("Quyết định số:
203/QĐ-UBND", "Pháp lệnh … số 02/2020/UBTVQH14", "6721/VPCP-V.I", "Luật thuế thu nhập cá nhân số
04/2007/QH12"), each made a rule.

*Verbs with no relation*: a citation right after "bãi bỏ", "thay thế", "sửa đổi, bổ sung", "hướng
dẫn" / "quy định chi tiết" or "thực hiện" / "triển khai" with no relation of that kind to it from the
same document.  Most are rightly none (a proposal "đề nghị sửa đổi …", a draft, a task "tham mưu
sửa đổi …"); read a sample for the misses ("- Bãi bỏ Quyết định số …" under an article, "…; đồng
thời thay thế …" were).

Both print counts and examples; ``--max-symbols`` makes the run fail (exit 1) above that many
unread symbols.  Files the reader refuses, and parser errors (named on stderr), are counted apart.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path

from graph.model import InputError, ParsedDocument
from graph.pipeline import parse_file

SYMBOL_LIKE = re.compile(
    r"(?<![\w/.-])(\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐ0-9]{0,10}(?:[-.][A-ZĐ0-9]{1,12}){0,4}"
    r"|\d{1,5}-[A-ZĐ]{1,5}/[A-ZĐ][A-ZĐ0-9]{0,6})(?![\w/])"
)
RELATION_VERBS = (
    ("repeals", r"bãi\s+bỏ(?:\s+toàn\s+bộ|\s+các)?"),
    ("replaces", r"thay\s+thế(?:\s+cho)?"),
    ("amends", r"sửa\s+đổi,?\s*(?:bổ\s+sung)?(?:\s+một\s+số\s+điều(?:\s+của)?)?"),
    (
        "guides",
        r"(?:hướng\s+dẫn(?:\s+thi\s+hành)?|quy\s+định\s+chi\s+tiết"
        r"(?:\s+(?:và\s+hướng\s+dẫn\s+thi\s+hành\s+)?một\s+số\s+điều(?:\s+của)?)?)",
    ),
    ("implements", r"(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?)"),
)
_VERB_BEFORE = [
    (kind, re.compile(rf"(?<!\w){verb}\s*[:,]?\s*$", re.IGNORECASE)) for kind, verb in RELATION_VERBS
]


def documents(paths: list[Path]) -> tuple[list[ParsedDocument], int]:
    docs, refused = [], 0
    for path in paths:
        for file in sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]:
            try:
                docs.append(parse_file(file))
            except InputError:
                refused += 1
            except Exception as error:  # a parser bug on one file must not hide the others
                print(f"{file.name}\tparser error: {type(error).__name__}: {error}", file=sys.stderr)
                refused += 1
    return docs, refused


def _context(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 90) : end + 30])


def unread_symbols(doc: ParsedDocument) -> list[tuple[str, str]]:
    """(the three words before, context) of each symbol-like token outside every citation."""
    text, own = doc.text.text, (doc.meta.ref.symbol or "").replace(" ", "")
    spans = sorted((c.span.start, c.span.end) for c in doc.citations)
    found = []
    for m in SYMBOL_LIKE.finditer(text):
        if (own and m.group(1) in own) or any(a <= m.start() < b for a, b in spans):
            continue
        before = " ".join(text[max(0, m.start() - 30) : m.start()].split()[-3:])
        found.append((before, _context(text, m.start(), m.end())))
    return found


def verbs_without_relation(doc: ParsedDocument) -> list[tuple[str, str]]:
    """(kind, context) of each citation right after a relation verb with no relation of that kind to it."""
    text = doc.text.text
    stated = {(r.kind, r.target.symbol or r.target.name) for r in doc.relations}
    found = []
    for c in doc.citations:
        before = text[max(0, c.span.start - 60) : c.span.start]
        kind = next((kind for kind, verb in _VERB_BEFORE if verb.search(before)), None)
        if kind and (kind, c.target.symbol or c.target.name) not in stated:
            found.append((kind, _context(text, c.span.start, c.span.end)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument(
        "--examples", type=int, default=5, help="examples of verbs with no relation, per kind"
    )
    parser.add_argument("--max-symbols", type=int, default=None, help="fail above this many unread symbols")
    args = parser.parse_args(argv)
    docs, refused = documents(args.paths)
    groups: collections.Counter[str] = collections.Counter()
    first: dict[str, str] = {}
    for doc in docs:
        for before, context in unread_symbols(doc):
            groups[before] += 1
            first.setdefault(before, f"{doc.source.name} | {context}")
    for before, count in groups.most_common():
        print(f"{count}\t{before!r}\t{first[before]}")
    misses = collections.defaultdict(list)
    for doc in docs:
        for kind, context in verbs_without_relation(doc):
            misses[kind].append(f"{doc.source.name} | {context}")
    rng = random.Random(18)
    for kind, contexts in misses.items():
        for context in rng.sample(contexts, min(args.examples, len(contexts))):
            print(f"{kind}\t{context}")
    unread = sum(groups.values())
    print(
        f"{len(docs)} documents ({refused} files refused or failed): {unread} unread symbols; "
        + ", ".join(f"{kind} {len(c)}" for kind, c in misses.items())
        + " citations after a verb with no such relation"
    )
    return 1 if args.max_symbols is not None and unread > args.max_symbols else 0


if __name__ == "__main__":
    sys.exit(main())
