"""Word's automatic list numbers, rendered as the printed document shows them.

A paragraph numbered by Word ("1.", "a)", "II.", "-") does not hold its number in
its text runs: the paragraph names a list (``w:numPr``: ``numId`` and level,
directly or through its style) and ``word/numbering.xml`` says how that level
is drawn (``numFmt`` decimal / lowerLetter / upperRoman / bullet …, ``lvlText``
"%1." or "%1.%2." or "%2)", ``start``).  This module keeps the counters in
reading order and gives each numbered paragraph its label, so that
"1. Mục đích" in the printed plan is "1. Mục đích" in the text too.

Counters run per abstract list, as Word's do: lists made by "continue
numbering" share them; a list with a ``startOverride`` ("restart at 1") starts
its own.  A level's counter restarts when a higher level of the same list
advances.
"""

from __future__ import annotations

from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

# Symbol-font bullets (private-use code points such as U+F0B7) print as a round bullet.
PRIVATE_USE = range(0xE000, 0xF900)
PRINTED_BULLET = "•"
# Bullet characters that are dashes on the page.
DASH_BULLETS = frozenset("-–—‐−")
ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
MAX_LEVELS = 9
# The longest labels drawn as letters or Roman numerals: past them a count is written in digits.
# A list's start is the file's to say: <w:start w:val="2000000000"/> made each letter label 77
# million letters and each Roman one two million 'm's, and a 40 KB .docx held its worker for the
# whole time limit (stop 18).  A count past these is written as no reader counts a list.
MAX_LETTER_COUNT = 26 * 4  # 'zzzz'
MAX_ROMAN_COUNT = 3999  # 'mmmcmxcix', the largest in the usual notation


@dataclass(frozen=True)
class _Level:
    fmt: str  # numFmt: decimal, lowerLetter, upperRoman, bullet, none …
    text: str  # lvlText: "%1.", "%1.%2.", "%2)", "-"
    start: int


class ListNumbering:
    """Labels of numbered paragraphs, asked for in reading order."""

    def __init__(self, numbering_xml, styles_xml=None):
        self.abstract_of: dict[str, str] = {}  # numId → abstractNumId
        self.levels: dict[str, dict[int, _Level]] = {}  # abstractNumId → level → definition
        self.overrides: dict[str, dict[int, _Level | int]] = {}  # numId → level → start or level
        self.style_lists: dict[str, tuple[str | None, int | None]] = {}  # styleId → (numId, ilvl)
        self.style_parent: dict[str, str] = {}
        # styleId → (numId, ilvl) it gives a paragraph, through its basedOn chain: each style's
        # chain is walked once (stop 18: walked for every paragraph, a chain of 10,000 styles under
        # 10,000 paragraphs of a 422 KB .docx took 12.6 s of CPU, 30,000 the whole time limit)
        self.style_inherited: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, list[int | None]] = {}  # counter key → count per level
        if numbering_xml is not None:
            self._read_numbering(numbering_xml)
        if styles_xml is not None:
            self._read_styles(styles_xml)

    @classmethod
    def of(cls, document) -> ListNumbering:
        """The numbering of a python-docx ``Document`` (empty when it has no numbering part)."""
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        try:
            styles = document.part.styles.element
        except (KeyError, NotImplementedError):
            styles = None
        return cls(numbering, styles)

    # -------------------------------------------------------------- reading

    def _read_numbering(self, root) -> None:
        for abstract in root.iterchildren(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(f"{W}lvl"):
                levels[int(lvl.get(f"{W}ilvl", "0"))] = _level(lvl)
            self.levels[abstract.get(f"{W}abstractNumId")] = levels
        for num in root.iterchildren(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.abstract_of[num_id] = ref.get(f"{W}val")
            overrides: dict[int, _Level | int] = {}
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                lvl = override.find(f"{W}lvl")
                start = override.find(f"{W}startOverride")
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
                elif start is not None:
                    overrides[ilvl] = int(start.get(f"{W}val", "1"))
            self.overrides[num_id] = overrides

    def _read_styles(self, root) -> None:
        for style in root.iterchildren(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            based = style.find(f"{W}basedOn")
            if based is not None:
                self.style_parent[style_id] = based.get(f"{W}val")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.style_lists[style_id] = _num_pr(num_pr)

    # -------------------------------------------------------------- labels

    def label(self, paragraph) -> str:
        """The printed label of ``paragraph`` ("1.", "a)", "-"), or "" when it has none."""
        num_id, ilvl = self._list_of(paragraph)
        if not num_id or num_id == "0" or num_id not in self.abstract_of:
            return ""
        ilvl = min(max(ilvl or 0, 0), MAX_LEVELS - 1)
        level = self._level(num_id, ilvl)
        if level is None:
            return ""
        counts = self._advance(num_id, ilvl)
        if level.fmt == "bullet":
            return _bullet(level.text)
        if level.fmt == "none":
            return ""
        return self._render(num_id, level.text, counts)

    def _list_of(self, paragraph) -> tuple[str | None, int | None]:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = _num_pr(num_pr) if num_pr is not None else (None, None)
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        if (num_id is None or ilvl is None) and style_id:
            style_num, style_ilvl = self._inherited(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        return num_id, ilvl

    def _inherited(self, style_id: str) -> tuple[str | None, int | None]:
        """The (numId, ilvl) a style gives: its own, each missing one from the nearest style up its
        basedOn chain that has it; a chain that loops is read round once from each of its styles."""
        known = self.style_inherited.get(style_id)
        if known is not None:
            return known
        chain: list[str] = []
        at: dict[str, int] = {}
        current: str | None = style_id
        while current and current not in at and current not in self.style_inherited:
            at[current] = len(chain)
            chain.append(current)
            current = self.style_parent.get(current)
        carried = self.style_inherited.get(current, (None, None)) if current else (None, None)
        if current in at:  # a loop back to chain[loop]: its styles see one another round it
            loop = at[current]
            for sid in reversed(chain[loop:]):
                carried = self._own_over(sid, carried)
        for sid in reversed(chain):  # from the base up: each style's own values come first
            carried = self._own_over(sid, carried)
            self.style_inherited[sid] = carried
        return self.style_inherited[style_id]

    def _own_over(
        self, style_id: str, carried: tuple[str | None, int | None]
    ) -> tuple[str | None, int | None]:
        own_num, own_ilvl = self.style_lists.get(style_id, (None, None))
        return (
            own_num if own_num is not None else carried[0],
            own_ilvl if own_ilvl is not None else carried[1],
        )

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if isinstance(override, _Level):
            return override
        return self.levels.get(self.abstract_of[num_id], {}).get(ilvl)

    def _advance(self, num_id: str, ilvl: int) -> list[int | None]:
        restarts = self.overrides.get(num_id, {})
        key = num_id if restarts else self.abstract_of[num_id]
        counts = self.counters.setdefault(key, [None] * MAX_LEVELS)
        current = counts[ilvl]
        if current is None:
            override = restarts.get(ilvl)
            level = self._level(num_id, ilvl)
            counts[ilvl] = override if isinstance(override, int) else (level.start if level else 1)
        else:
            counts[ilvl] = current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):  # "1." after "1.2." restarts the sublevels
            counts[deeper] = None
        return counts

    def _render(self, num_id: str, text: str, counts: list[int | None]) -> str:
        out = text
        for k in range(MAX_LEVELS):
            placeholder = f"%{k + 1}"
            if placeholder in out:
                level = self._level(num_id, k)
                count = counts[k]
                if count is None:
                    count = level.start if level else 1
                out = out.replace(placeholder, _format(count, level.fmt if level else "decimal"))
        return out


def _num_pr(num_pr) -> tuple[str | None, int | None]:
    num = num_pr.find(f"{W}numId")
    lvl = num_pr.find(f"{W}ilvl")
    return (
        num.get(f"{W}val") if num is not None else None,
        int(lvl.get(f"{W}val")) if lvl is not None else None,
    )


def _level(lvl) -> _Level:
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    start = lvl.find(f"{W}start")
    return _Level(
        fmt=fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
        text=text.get(f"{W}val", "") if text is not None else "",
        start=int(start.get(f"{W}val", "1")) if start is not None else 1,
    )


def _bullet(text: str) -> str:
    char = text.strip()[:1]
    if not char or ord(char) in PRIVATE_USE or char in "·●▪■◦o":
        return PRINTED_BULLET
    return "-" if char in DASH_BULLETS else char


def _format(count: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and count <= MAX_LETTER_COUNT:
        letters = _letters(count)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and count <= MAX_ROMAN_COUNT:
        roman = _roman(count)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{count:02d}"
    return str(count)


def _letters(count: int) -> str:
    """Word's letter numbering: a … z, then aa … zz."""
    if count < 1:
        return str(count)
    letter = "abcdefghijklmnopqrstuvwxyz"[(count - 1) % 26]
    return letter * ((count - 1) // 26 + 1)


def _roman(count: int) -> str:
    if count < 1:
        return str(count)
    out = ""
    for value, numeral in ROMAN:
        while count >= value:
            out += numeral
            count -= value
    return out
