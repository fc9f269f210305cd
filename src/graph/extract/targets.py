"""Parse an indicator's target value: comparator, numbers, unit.

Forms handled (from the seeds):

    "> 9%/năm"                      gt 9 "%/năm"
    "7.500 - 8.000 USD"             range 7500..8000 "USD"   ("." groups thousands)
    "37% - 37,5%"                   range 37..37.5 "%"       ("," is the decimal mark)
    "khoảng 25%"                    approx 25 "%"
    "trong khoảng 7.700 - 7.900 USD" range 7700..7900 "USD"  (two values: a range wins)
    "trên 50%"                      gt 50 "%"
    "dưới 20%"                      lt 20 "%"
    "từ 90% trở lên"                ge 90 "%"
    "2.000 đảng viên trở lên"       ge 2000 "đảng viên"
    "ít nhất 14 xã"                 ge 14 "xã"
    "21,7 nghìn tỷ đồng"            eq 21.7 "nghìn tỷ đồng"
    "ngang bằng với bình quân của cả nước"   qualitative

``find_targets`` finds the same forms inside a sentence; a bare number with
neither a known unit nor a comparator word ("nhóm 2", "giai đoạn 2021 - 2030")
is not a target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Target
from ..normalise import clean
from ..patterns.indicators import (
    COMPARATOR_PREFIXES,
    COMPARATOR_SUFFIXES,
    LINKING_VERBS,
    NUMBER,
    RANGE_JOINERS,
    SHARE_OF,
    UNITS,
)
from ..patterns.tasks import first_letters


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PREFIX_COMPARATOR = {word.lower(): kind for word, kind in COMPARATOR_PREFIXES}
_SUFFIX_COMPARATOR = {word.lower(): kind for word, kind in COMPARATOR_SUFFIXES}

# Words need a boundary before them ("trên" must not end another word); signs do not.
# "tối thiểu có 5 doanh nghiệp" (h10): "có" may stand between comparator and number.
# Each optional part starts with its own blank run and ends on a literal, so no two
# quantifiers compete for the same blanks (linear time on long runs of spaces or digits).
TARGET_RE = re.compile(
    rf"(?:{first_letters(_PREFIX_COMPARATOR, True)}"
    rf"(?P<cmp>(?<![\w>=<])(?i:{_alternation(_PREFIX_COMPARATOR)}))\s*(?:có\s+)?)?"
    rf"(?P<low>{NUMBER})(?:[ \t]*(?P<unit_low>%)(?!/))?"
    rf"(?:\s*{first_letters(RANGE_JOINERS)}(?:{_alternation(RANGE_JOINERS)})\s*(?P<high>{NUMBER}))?"
    rf"(?:[ \t]*{first_letters(UNITS)}(?P<unit>{_alternation(UNITS)})(?!\w))?"
    rf"(?:[ \t]+{first_letters(SHARE_OF)}(?P<share>{_alternation(SHARE_OF)})(?!\w))?"
    rf"(?:\s*{first_letters(_SUFFIX_COMPARATOR, True)}(?P<post>(?i:{_alternation(_SUFFIX_COMPARATOR)}))(?!\w))?"
)
_LEADING_LINK = re.compile(rf"^(?:{_alternation(LINKING_VERBS)})\s+", re.IGNORECASE)


@dataclass(frozen=True)
class TargetMatch:
    """A target found inside a longer text: ``text[start:end]`` is ``target.raw``."""

    start: int
    end: int
    target: Target
    has_unit: bool


def parse_number(printed: str) -> float:
    """ "7.500" → 7500.0, "7,25" → 7.25, "24.200" → 24200.0, "02" → 2.0."""
    return float(printed.replace(".", "").replace(",", "."))


def parse_target(raw: str) -> Target:
    """Read a target cell or phrase; anything without a leading value is qualitative."""
    text = _LEADING_LINK.sub("", clean(raw))
    match = TARGET_RE.match(text)
    if match and _is_target(match):
        return _target_from(match, clean(raw))
    return Target(raw=clean(raw), comparator="qualitative")


def find_targets(text: str) -> list[TargetMatch]:
    """Every target-shaped value in ``text``, in order (offsets index ``text``)."""
    found = []
    for match in TARGET_RE.finditer(text):
        if _is_target(match):
            end = _end(match)
            while end > match.start() and text[end - 1].isspace():
                end -= 1
            raw = text[match.start() : end]
            found.append(
                TargetMatch(
                    match.start(),
                    end,
                    _target_from(match, raw),
                    has_unit=bool(match["unit"] or match["unit_low"]),
                )
            )
    return found


def _counted_after_percent(match: re.Match) -> bool:
    """ "100% hợp tác xã …": the word after a single percentage is what is counted, not a unit."""
    return bool(match["unit_low"] and match["unit"] and not match["high"])


def _end(match: re.Match) -> int:
    return match.end("unit_low") if _counted_after_percent(match) else match.end()


def _is_target(match: re.Match) -> bool:
    """A value with a unit or a comparator word, and not a bare year or year range."""
    if match["unit"] or match["unit_low"]:
        return True
    if not (match["cmp"] or match["post"]):
        return False
    values = [match["low"]] + ([match["high"]] if match["high"] else [])
    return not all(v.isdigit() and 1900 <= int(v) <= 2100 for v in values)


def _target_from(match: re.Match, raw: str) -> Target:
    low = parse_number(match["low"])
    high = parse_number(match["high"]) if match["high"] else None
    unit = match["unit_low"] if _counted_after_percent(match) else match["unit"] or match["unit_low"]
    if match["share"] and not _counted_after_percent(match):
        unit = f"{unit} {match['share']}" if unit else match["share"]  # "% GDP"
    return Target(raw=raw, comparator=_comparator(match), low=low, high=high, unit=unit)


def _comparator(match: re.Match) -> str:
    if match["high"]:
        return "range"
    if match["post"]:
        return _SUFFIX_COMPARATOR[match["post"].lower()]
    if match["cmp"]:
        return _PREFIX_COMPARATOR[match["cmp"].lower()]
    return "eq"
