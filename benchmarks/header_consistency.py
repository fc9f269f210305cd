"""Do the printed "Số:" and date agree with the number and date the parser reads?  No gold needed.

    .venv/bin/python benchmarks/header_consistency.py /work/shared/corpus/real [--list]

Prints, over the files that print a "Số:" line (resp. a "ngày … tháng … năm …" date) in their
header, how many the parser agrees with, and with --list every disagreement.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.evaluate import check_headers


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")]
    checks = check_headers(paths)
    for field in ("number", "date"):
        verdicts = [getattr(c, f"{field}_agrees") for c in checks]
        printed = [v for v in verdicts if v is not None]
        agree = sum(printed)
        print(
            f"{field}: {agree}/{len(printed)} agree ({agree / max(len(printed), 1):.1%}) "
            f"over {len(checks)} files"
        )
    if "--list" in argv:
        for c in checks:
            if c.number_agrees is False or c.date_agrees is False:
                print(
                    f"{c.name}\tSố: {c.printed_number!r} → {c.parsed_number!r}\t"
                    f"ngày: {c.printed_date} → {c.parsed_date}" + (f"\t{c.error}" if c.error else "")
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
