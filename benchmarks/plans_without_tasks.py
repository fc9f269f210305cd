"""Plans that assign bodies with "chủ trì" but yield no task: a check on real text with no gold.

    .venv/bin/python benchmarks/plans_without_tasks.py ../shared/corpus/real [--max N] [--any-type]

corpus/README.md: "a plan whose text assigns bodies with 'chủ trì' yields tasks".  A plan is a
Kế hoạch, Chương trình or Đề án, or a document whose title issues or approves one ("QUYẾT ĐỊNH Ban
hành Kế hoạch …"); ``--any-type`` takes every document but the legal norms (Luật, Nghị định, Thông
tư), whose "chủ trì" describe duties in general.  The text assigns bodies when a body's name comes
before "chủ trì" in one clause ("Sở Y tế chủ trì, phối hợp …", "Giao Sở Công Thương chủ trì …") or
a role line names the lead ("Đơn vị chủ trì: …").  Prints each such document without a task, then
the count; exits 1 when the count is above ``--max``.  Files the reader refuses, and parser errors
(named on stderr), are counted apart and never stop the run.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from graph.model import InputError, ParsedDocument
from graph.patterns.agencies import AGENCY_HEADS
from graph.pipeline import parse_file

PLAN_TYPES = ("KH", "CTr", "ĐA")
LEGAL_NORMS = ("L", "NĐ", "TT")
_HEADS = "|".join(re.escape(h) for h in sorted(AGENCY_HEADS, key=len, reverse=True))
# a body, then "chủ trì" in the same clause; or a role line "Cơ quan chủ trì:"
ASSIGNS_LEAD = re.compile(
    rf"(?<!\w)(?:{_HEADS})[ \t][^.;:\n]{{0,80}}?[ \t]chủ[ \t]+trì(?![ \t]+(?:cuộc|hội[ \t]+nghị|buổi))"
    r"|(?<!\w)(?:Cơ[ \t]+quan|Đơn[ \t]+vị)[ \t]+chủ[ \t]+trì[^:\n]{0,30}:"
)
ISSUES_PLAN = re.compile(
    r"(?:ban\s+hành|phê\s+duyệt)\s+(?:\S+\s+){0,3}?(?:kế\s+hoạch|chương\s+trình|đề\s+án)", re.IGNORECASE
)


def files_under(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return files


def is_plan(doc: ParsedDocument, any_type: bool) -> bool:
    kind = doc.meta.ref.type_code
    if any_type:
        return kind not in LEGAL_NORMS
    return kind in PLAN_TYPES or bool(ISSUES_PLAN.search(doc.meta.ref.title or ""))


def check(paths: list[Path], any_type: bool = False) -> tuple[int, list[str], int]:
    """(plans that assign bodies with "chủ trì", the files of those without a task, files refused)."""
    plans, empty, refused = 0, [], 0
    for path in files_under(paths):
        try:
            doc = parse_file(path)
        except InputError:
            refused += 1
            continue
        except Exception as error:  # a parser bug on one file must not hide the others
            print(f"{path.name}\tparser error: {type(error).__name__}: {error}", file=sys.stderr)
            refused += 1
            continue
        if not is_plan(doc, any_type) or not ASSIGNS_LEAD.search(doc.text.text):
            continue
        plans += 1
        if not doc.tasks:
            empty.append(path.name)
    return plans, empty, refused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--max", type=int, default=None, help="fail when more plans than this yield no task")
    parser.add_argument(
        "--any-type", action="store_true", help="every document but laws, decrees and circulars"
    )
    args = parser.parse_args(argv)
    plans, empty, refused = check(args.paths, args.any_type)
    for name in empty:
        print(f"{name}\tno task")
    kind = "documents" if args.any_type else "plans"
    print(
        f"{len(empty)} of {plans} {kind} that assign bodies with 'chủ trì' yield no task "
        f"({refused} files refused or failed)"
    )
    return 1 if args.max is not None and len(empty) > args.max else 0


if __name__ == "__main__":
    sys.exit(main())
