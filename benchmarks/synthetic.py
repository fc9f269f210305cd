"""A synthetic corpus N times the size of a real one, for measuring how the build and the queries grow.

    .venv/bin/python benchmarks/synthetic.py --copies 10 --out /tmp/synthetic-10
                                             [--source /work/shared/corpus/real] [--seed 0]

Copy k of every real document is the same text with
- every document number changed: the number of a symbol (``55/2025/NQ-HĐND``, ``29-NQ/TW``,
  ``số 214/KH-UBND``) gets the copy's index appended (``5503/2025/NQ-HĐND`` in copy 3), so a symbol
  of one copy never equals a symbol of another and documents do not collapse into one node, while a
  citation inside a copy still reaches the document of that copy it cited;
- every date moved by the copy's day shift (the day of the month only, kept within 1–28, so every
  date stays valid and years, which deadlines and IRIs use, stay as written);
- every province name swapped by the copy's permutation of the provinces (``Quảng Ngãi`` →
  ``Lạng Sơn``, in title case and in capitals), so local documents land in other jurisdictions.
The shifts and permutations come from ``random.Random(f"{seed}:{k}")``: the same arguments give the
same files, byte for byte.  Every file is labelled synthetic twice: its name starts with
``synthetic-`` and its first line says where it came from (``# VĂN BẢN TỔNG HỢP (synthetic): …``;
on 25 real documents picked at random the parser read the same number, date, jurisdiction, issuer,
type, tasks and citations with and without that line).

Figures made with it describe the growth of a corpus shaped like the real one, not the real one.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from graph.patterns.documents import PROVINCE_ALIASES, PROVINCES  # noqa: E402

REAL = Path("/work/shared/corpus/real")


def label(index: int, name: str, seed: int) -> str:
    """The first line of every synthetic file."""
    return f"# VĂN BẢN TỔNG HỢP (synthetic): bản sao {index} của {name} (copy {index} of {name}), seed {seed}"


# The number of a symbol: digits followed by an optional "/year" and then "/" or "-" and a capital
# letter ("55/2025/NQ-HĐND", "29-NQ/TW", "214/KH-UBND"); a date ("11/8/2021") is never followed by
# a capital, and a number glued to a word or to another number is left alone.
_SYMBOL_NUMBER = re.compile(r"(?<![\w./-])(\d{1,6})(?=(?:/(?:19|20)\d\d)?\s?[/-]\s?[A-ZĐ])")
# "ngày 26 tháng 11 năm 2025", "ngày 11/8/2021", "ngày 06 tháng 11 năm 2024"
_DAY = re.compile(r"(ngày\s+)(\d{1,2})(?=\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\s*/\s*\d{1,2}\s*/\s*\d{4})")


@dataclass(frozen=True)
class Variant:
    """How copy ``index`` differs from the real text."""

    index: int
    width: int  # digits of the copy index appended to every document number
    day_shift: int
    provinces: dict[str, str]  # name as written (title case and capitals) → another province's

    @classmethod
    def make(cls, seed: int, index: int, copies: int) -> Variant:
        rng = random.Random(f"{seed}:{index}")
        names = sorted({p.name for p in PROVINCES})
        swapped = names[:]
        rng.shuffle(swapped)
        mapping = dict(zip(names, swapped, strict=True))
        for alias, name in PROVINCE_ALIASES.items():
            if name not in alias:  # a spelling variant; "TP. Hồ Chí Minh" is swapped through its name
                mapping.setdefault(alias, mapping[name])
        mapping.update({name.upper(): other.upper() for name, other in list(mapping.items())})
        return cls(index, max(2, len(str(copies - 1))), rng.randrange(1, 28), mapping)

    def apply(self, text: str) -> str:
        text = _SYMBOL_NUMBER.sub(lambda m: f"{m[1]}{self.index:0{self.width}d}", text)
        text = _DAY.sub(lambda m: f"{m[1]}{(int(m[2]) - 1 + self.day_shift) % 28 + 1:02d}", text)
        return self._province_pattern().sub(lambda m: self.provinces[m[0]], text)

    def _province_pattern(self) -> re.Pattern[str]:
        # longest first, so "Thừa Thiên Huế" is swapped whole and not as "Huế"
        names = sorted(self.provinces, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def synthetic_corpus(source: Path, out: Path, copies: int, seed: int = 0) -> list[Path]:
    """Write ``copies`` synthetic copies of every ``.txt`` file of ``source`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    originals = sorted(source.glob("*.txt"))
    written = []
    for index in range(copies):
        variant = Variant.make(seed, index, copies)
        for original in originals:
            text = variant.apply(original.read_text(encoding="utf-8"))
            path = out / f"synthetic-{index:03d}-{original.name}"
            path.write_text(f"{label(index, original.name, seed)}\n{text}", encoding="utf-8")
            written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=REAL)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    written = synthetic_corpus(args.source, args.out, args.copies, args.seed)
    size = sum(p.stat().st_size for p in written) / 1e6
    print(f"{len(written)} synthetic files, {size:.1f} MB, in {args.out}")


if __name__ == "__main__":
    main()
