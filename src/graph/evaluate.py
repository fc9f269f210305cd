"""The project's evaluation: parsed documents scored against hand-made gold annotations.

Gold files (``<stem>.json``, schema in ``tests/corpus/dev/SCHEMA.md``) are matched to source
files by stem.  The matching rules are those of the corpus README
(``/work/shared/corpus/README.md``, copied in ``tests/corpus/dev/SOURCE.md``):

* metadata: type, number, ISO date and province each count as one field;
* cited documents: numbered references only, compared by folded symbol
  (``29- NQ/TW`` = ``29-NQ/TW``, ``Đ`` → ``D``, spaces dropped, case ignored); a document cited
  by a bare number and no symbol ("Đề án số 13") by that number (``predicted_cited``);
* relations: (source symbol, target symbol, kind) of the kinds the gold annotates (its
  ``relation_kinds``, "implements" alone when it says none: the corpus gold annotates only
  that kind; the project's held-out gold in ``tests/corpus/holdout`` also amends, replaces,
  repeals and guides), plus the document's own "implements" (its source being the document
  itself);
* tasks: a gold task is found when the first 8 words of its ``text_start`` match (difflib ratio
  ≥ 0.75, case- and diacritic-folded) the start of a predicted task's text, allowing the
  predicted text to start up to 5 words earlier; each predicted task matches at most one gold
  task; lead and support are right when every gold body has a predicted body with ratio ≥ 0.8
  (or one contains the other) after abbreviations are expanded;
* indicators: by name, the same word matching with ratio ≥ 0.7.

Only the pipeline's output records (``model.ParsedDocument``) are read, never extractor internals.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .model import ParsedDocument
from .patterns.agencies import ABBREVIATIONS
from .patterns.documents import PROVINCE_BY_ISO, province_by_name

TASK_WORDS = 8
WORD_OFFSET = 5
TASK_RATIO = 0.75
BODY_RATIO = 0.8
INDICATOR_RATIO = 0.7
SELF = "(văn bản này)"  # the evaluated document itself, when it prints no number
METRICS = (
    "metadata",
    "cited_recall",
    "cited_precision",
    "relations",
    "relations_precision",
    "tasks",
    "lead",
    "support",
    "indicators",
)


# ------------------------------------------------------------------ records


@dataclass
class Score:
    right: int = 0
    total: int = 0

    @property
    def ratio(self) -> float | None:
        return self.right / self.total if self.total else None

    def add(self, other: Score) -> None:
        self.right += other.right
        self.total += other.total


@dataclass
class Miss:
    kind: str  # metadata | cited-missed | cited-extra | relation-missed | relation-extra | task-missed | lead | support | indicator-missed
    gold: str
    predicted: str = ""


@dataclass
class DocumentScore:
    stem: str
    scores: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    misses: list[Miss] = field(default_factory=list)
    error: str | None = None  # the source could not be parsed


@dataclass
class Evaluation:
    documents: list[DocumentScore]
    unmatched_gold: list[str]  # gold stems with no source given

    @property
    def overall(self) -> dict[str, Score]:
        total = {m: Score() for m in METRICS}
        for doc in self.documents:
            for metric, score in doc.scores.items():
                total[metric].add(score)
        return total

    def to_json(self, with_misses: bool = True) -> dict:
        def scores(table: dict[str, Score]) -> dict:
            return {
                m: {"right": s.right, "total": s.total, "ratio": _round(s.ratio)} for m, s in table.items()
            }

        return {
            "overall": scores(self.overall),
            "documents": [
                {
                    "stem": d.stem,
                    "error": d.error,
                    "scores": scores(d.scores),
                    **({"misses": [asdict(m) for m in d.misses]} if with_misses else {}),
                }
                for d in self.documents
            ],
            "unmatched_gold": self.unmatched_gold,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# ------------------------------------------------------------------ folding


def fold_symbol(symbol: str) -> str:
    """``29- NQ/TW`` → ``29-NQ/TW``; ``QĐ`` → ``QD``; case and spaces ignored."""
    text = unicodedata.normalize("NFC", symbol).upper().replace("Đ", "D").replace("–", "-")
    return re.sub(r"\s+", "", text)


def fold_words(text: str) -> list[str]:
    """Words, case- and diacritic-folded: ``Đề án thí điểm`` → ``['de', 'an', 'thi', 'diem']``."""
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.findall(r"\w+", text)


_ABBREVIATION_PATTERNS = tuple(
    (re.compile(rf"(?<!\w){re.escape(short)}(?!\w)"), long) for short, long in ABBREVIATIONS
)


def expand_abbreviations(name: str) -> str:
    for pattern, long in _ABBREVIATION_PATTERNS:
        name = pattern.sub(long, name)
    return name


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def start_ratio(gold: str, predicted: str, words: int = TASK_WORDS) -> float:
    """How well the first ``words`` words of ``gold`` match the start of ``predicted``, the
    predicted text being allowed up to ``WORD_OFFSET`` extra words before them."""
    return start_match(gold, predicted, words)[0]


def start_match(gold: str, predicted: str, words: int = TASK_WORDS) -> tuple[float, int]:
    """(best ratio, the fewest words skipped at the start of ``predicted`` to reach it)."""
    head = fold_words(gold)[:words]
    if not head:
        return 0.0, 0
    target = " ".join(head)
    tokens = fold_words(predicted)
    best, at = 0.0, 0
    for offset in range(min(WORD_OFFSET, max(len(tokens) - 1, 0)) + 1):
        ratio = _ratio(target, " ".join(tokens[offset : offset + len(head)]))
        if ratio > best:
            best, at = ratio, offset
    return best, at


def same_body(gold: str, predicted: str) -> bool:
    a = " ".join(fold_words(expand_abbreviations(gold)))
    b = " ".join(fold_words(expand_abbreviations(predicted)))
    if not a or not b:
        return False
    return a in b or b in a or _ratio(a, b) >= BODY_RATIO


def bodies_right(gold: list[str], predicted: list[str]) -> bool:
    return all(any(same_body(g, p) for p in predicted) for g in gold)


def match_by_start(
    gold: list[str], predicted: list[str], threshold: float, words: int = TASK_WORDS
) -> dict[int, int]:
    """Gold index → predicted index, one to one, best ratios first; of equal ratios, the predicted
    text that starts with the gold words (fewest words skipped) first: the table row "2.4 Đề án thí
    điểm cơ chế …" before a sentence "- Tập trung xây dựng Đề án thí điểm cơ chế …" (seed 000)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            r, offset = start_match(g, p, words)
            if r >= threshold:
                pairs.append((-r, offset, gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in sorted(pairs):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


# ------------------------------------------------------------------ scoring


def score_document(stem: str, gold: dict, doc: ParsedDocument) -> DocumentScore:
    result = DocumentScore(stem)
    _score_metadata(result, gold["document"], doc)
    own = _own_symbol(gold["document"].get("number"))
    # a gold file scores only what it annotates: one with no references (or no relations) key counts
    # neither the citations (or relations) it missed nor those the parser read beyond it
    if "references" in gold:
        _score_cited(result, gold, doc, own)
    if "relations" in gold or "implements" in gold:
        _score_relations(result, gold, doc, own)
    _score_tasks(result, gold.get("tasks", []), doc)
    _score_indicators(result, gold.get("indicators", []), doc)
    return result


def _own_symbol(number: str | None) -> str:
    return fold_symbol(number) if number else SELF


def predicted_metadata(doc: ParsedDocument) -> dict[str, str | None]:
    ref = doc.meta.ref
    province = PROVINCE_BY_ISO.get(ref.jurisdiction or "")
    return {
        "type": ref.type_label,
        "number": ref.symbol,
        "date": ref.date.isoformat() if ref.date else None,
        "province": province.name if province else None,
    }


def _score_metadata(result: DocumentScore, gold: dict, doc: ParsedDocument) -> None:
    predicted = predicted_metadata(doc)
    for name in ("type", "number", "date", "province"):
        right = _same_field(name, gold.get(name), predicted[name])
        result.scores["metadata"].add(Score(int(right), 1))
        if not right:
            result.misses.append(Miss("metadata", f"{name}: {gold.get(name)}", str(predicted[name])))


def _same_field(name: str, gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if name == "number":
        return fold_symbol(gold) == fold_symbol(predicted)
    if name == "province":
        province = province_by_name(gold)
        return (province.name if province else gold).casefold() == predicted.casefold()
    return unicodedata.normalize("NFC", gold).casefold() == unicodedata.normalize("NFC", predicted).casefold()


def _score_cited(result: DocumentScore, gold: dict, doc: ParsedDocument, own: str) -> None:
    wanted = {fold_symbol(r["number"]): r["number"] for r in gold.get("references", []) if r.get("number")}
    wanted.pop(own, None)
    found = predicted_cited(doc)
    found.pop(own, None)
    if doc.meta.ref.symbol:
        found.pop(fold_symbol(doc.meta.ref.symbol), None)
    result.scores["cited_recall"] = Score(len(wanted.keys() & found.keys()), len(wanted))
    result.scores["cited_precision"] = Score(len(wanted.keys() & found.keys()), len(found))
    result.misses += [Miss("cited-missed", wanted[k]) for k in wanted if k not in found]
    result.misses += [Miss("cited-extra", "", found[k]) for k in found if k not in wanted]


def predicted_cited(doc: ParsedDocument) -> dict[str, str]:
    """Folded symbol → symbol as the parser wrote it, for every numbered document cited.  A document
    cited by type and bare number only ("Đề án số 13 về …") counts by its number, unless the text
    also cites a symbol of that type and number: "Nghị quyết số 57" after "Nghị quyết số 57-NQ/TW"
    is a short form of the same document (the resolver makes them one node)."""
    symbols = {(c.target.type_code, c.target.number) for c in doc.citations if c.target.symbol}
    found: dict[str, str] = {}
    for citation in doc.citations:
        target = citation.target
        printed = target.symbol
        if printed is None and target.number and (target.type_code, target.number) not in symbols:
            printed = target.number
        if printed:
            found.setdefault(fold_symbol(printed), printed)
    return found


DEFAULT_RELATION_KINDS = ("implements",)


def relation_kinds(gold: dict) -> frozenset[str]:
    """The relation kinds the gold annotates: what it does not annotate is neither missed nor extra."""
    return frozenset(gold.get("relation_kinds") or DEFAULT_RELATION_KINDS)


def gold_relations(gold: dict, own: str) -> dict[tuple[str, str, str], str]:
    """Folded (source, target, kind) → the relation as printed in the gold."""
    own_printed = gold["document"].get("number") or SELF
    kinds = relation_kinds(gold)
    relations = {
        (_gold_side(r["source"], own), _gold_side(r["target"], own), kind): _printed(
            r["source"], kind, r["target"]
        )
        for r in gold.get("relations", [])
        if (kind := r.get("relation", "implements")) in kinds and r.get("source") and r.get("target")
    }
    relations |= {
        (own, fold_symbol(i["number"]), "implements"): _printed(own_printed, "implements", i["number"])
        for i in gold.get("implements", [])
        if i.get("number")
    }
    return relations


def _gold_side(printed: str, own: str) -> str:
    """A gold relation's source or target, folded; "(văn bản này)" is the document itself (one that prints no
    number: its own amendment of a permit, tests/corpus/holdout5 sd-vlncn-sct-vn__QD-dieu-chinh-GP-Hom-Duoi)."""
    return own if printed == SELF else fold_symbol(printed)


def _printed(source: str, kind: str, target: str) -> str:
    return f"{source} → {target}" if kind == "implements" else f"{source} {kind} {target}"


def predicted_relations(
    doc: ParsedDocument, own: str, kinds: frozenset[str] = frozenset(DEFAULT_RELATION_KINDS)
) -> dict[tuple[str, str, str], str]:
    """Folded (source, target, kind) → printed relation, for every relation of ``kinds`` the parser
    read.  The document itself is ``own`` (the gold's own number, or SELF) whatever number the
    parser gave it, so that a wrong own number is counted once, as metadata."""
    relations: dict[tuple[str, str, str], str] = {}
    for relation in doc.relations:
        if relation.kind not in kinds:
            continue
        source = relation.source.symbol if relation.source else SELF
        target = SELF if relation.target_is_self else relation.target.symbol
        if source and target:
            key = (
                own if source == SELF else fold_symbol(source),
                own if target == SELF else fold_symbol(target),
                relation.kind,
            )
            relations.setdefault(key, _printed(source, relation.kind, target))
    return relations


def _score_relations(result: DocumentScore, gold: dict, doc: ParsedDocument, own: str) -> None:
    wanted = gold_relations(gold, own)
    found = predicted_relations(doc, own, relation_kinds(gold))
    right = wanted.keys() & found.keys()
    result.scores["relations"] = Score(len(right), len(wanted))
    result.scores["relations_precision"] = Score(len(right), len(found))
    result.misses += [Miss("relation-missed", printed) for key, printed in wanted.items() if key not in found]
    result.misses += [
        Miss("relation-extra", "", printed) for key, printed in found.items() if key not in wanted
    ]


def _score_tasks(result: DocumentScore, gold_tasks: list[dict], doc: ParsedDocument) -> None:
    matched = match_by_start([g["text_start"] for g in gold_tasks], [t.text for t in doc.tasks], TASK_RATIO)
    result.scores["tasks"] = Score(len(matched), len(gold_tasks))
    for gi, g in enumerate(gold_tasks):
        if gi not in matched:
            result.misses.append(Miss("task-missed", f"{g['label']} {g['text_start']}"))
            continue
        task = doc.tasks[matched[gi]]
        for role in ("lead", "support"):
            wanted = g.get(role) or []
            if not wanted:
                continue
            bodies = [name for a in getattr(task, role) for name in (a.name, a.printed)]
            right = bodies_right(wanted, bodies)
            result.scores[role].add(Score(int(right), 1))
            if not right:
                result.misses.append(
                    Miss(
                        role,
                        f"{g['label']} {'; '.join(wanted)}",
                        f"{task.label} {'; '.join(a.printed for a in getattr(task, role))}",
                    )
                )


def _score_indicators(result: DocumentScore, gold_indicators: list[dict], doc: ParsedDocument) -> None:
    matched = match_by_start(
        [g["name"] for g in gold_indicators], [i.name for i in doc.indicators], INDICATOR_RATIO
    )
    result.scores["indicators"] = Score(len(matched), len(gold_indicators))
    result.misses += [
        Miss("indicator-missed", f"{g['label']} {g['name']}")
        for gi, g in enumerate(gold_indicators)
        if gi not in matched
    ]


# ------------------------------------------------------------------ corpus


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Stem → gold annotation, for every ``*.json`` in ``gold_dir``."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(Path(gold_dir).glob("*.json"))
    }


def evaluate(gold_dir: str | Path, sources: list[Path], only: str | None = None) -> Evaluation:
    """Parse every source that has a gold file of the same stem and score it.

    A source that fails to parse is kept with its error (and zero on everything it should have
    found), so a crash cannot raise the figures."""
    from .model import InputError
    from .pipeline import parse_file
    from .read import iter_input_files

    gold = load_gold(gold_dir)
    files = {path.stem: path for path in iter_input_files(sources) if path.stem in gold}
    if only is not None:
        files = {stem: path for stem, path in files.items() if stem == only}
    documents = []
    for stem, path in sorted(files.items()):
        try:
            doc = parse_file(path)
        except (InputError, ValueError) as err:  # a bad span or a bad file: score it as found nothing
            documents.append(_failed(stem, gold[stem], f"{type(err).__name__}: {err}"))
            continue
        documents.append(score_document(stem, gold[stem], doc))
    unmatched = [stem for stem in gold if stem not in files] if only is None else []
    return Evaluation(documents, unmatched)


def _failed(stem: str, gold: dict, error: str) -> DocumentScore:
    result = DocumentScore(stem, error=error)
    own = _own_symbol(gold["document"].get("number"))
    result.scores["metadata"] = Score(0, 4)
    result.scores["cited_recall"] = Score(
        0, len({fold_symbol(r["number"]) for r in gold.get("references", []) if r.get("number")} - {own})
    )
    result.scores["relations"] = Score(0, len(gold_relations(gold, own)))
    result.scores["tasks"] = Score(0, len(gold.get("tasks", [])))
    result.scores["indicators"] = Score(0, len(gold.get("indicators", [])))
    return result


# ------------------------------------------------------------------ header consistency
# Needs no annotation: the number printed on the "Số:" line and the date printed on the place-and-date
# line of the header, read here by a deliberately simple reader of their own, must be the number and
# the date the parser gives the document (corpus README, `real/`).

HEADER_LINES = 15
_PRINTED_NUMBER = re.compile(r"(?:^|\|)[ \t]*(?:Số|SỐ)[ \t]*:?[ \t]*(?P<rest>[^\n]*)")
_NUMBER_END = re.compile(r"\s+(?:V/v|V/V|v/v|Về)\b|\s{2,}|\|")
# "Hà Nội, ngày 18 tháng 11 năm 2025" (also "Hà Nội ngày …", "tháng 11năm") ending its line or "|" cell;
# never a "Căn cứ Luật … ngày 19 tháng 6 năm 2015;" line
_PRINTED_DATE = re.compile(
    r"(?:^|\|)[ \t]*(?!Căn cứ)[^\W\d_][^\d,;|\n]{1,40},?[ \t]*ngày[ \t]+(?P<d>\d{1,2})[ \t]*tháng[ \t]*(?P<m>\d{1,2})"
    r"[ \t]*năm[ \t]*(?P<y>\d{4})[ \t.]*(?:\||$)"
)
# what follows "Số:" on a number line: digits, or a blank/placeholder number and the tail ("   /QĐ-UBND")
_NUMBER_START = re.compile(r"\d|(?:#\w+|[.…_]*)[ \t]*[-/][ \t]?[A-ZĐ]")


@dataclass
class HeaderCheck:
    name: str
    printed_number: str | None  # the symbol after "Số:", "" when the number is blank ("Số:   /QĐ-UBND")
    parsed_number: str | None
    printed_date: str | None  # ISO
    parsed_date: str | None
    error: str | None = None  # the file was refused or failed

    @property
    def number_agrees(self) -> bool | None:
        """None when the header prints no "Số:" line."""
        if self.printed_number is None:
            return None
        if self.printed_number == "":
            return self.error is None and self.parsed_number is None
        return self.parsed_number is not None and fold_symbol(self.printed_number) == fold_symbol(
            self.parsed_number
        )

    @property
    def date_agrees(self) -> bool | None:
        if self.printed_date is None:
            return None
        return self.printed_date == self.parsed_date


def printed_header(text: str) -> tuple[str | None, str | None]:
    """(symbol printed after "Số:", ISO date of the first "ngày … tháng … năm …") in the first
    ``HEADER_LINES`` non-blank lines; the symbol is "" when only its tail is printed."""
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_LINES]
    number = date = None
    for line in lines:
        found = _PRINTED_NUMBER.search(line)
        if number is None and found and _NUMBER_START.match(found["rest"]):
            rest = _NUMBER_END.split(found["rest"], maxsplit=1)[0]
            rest = re.sub(r"(?<=[-/])\s+|\s+(?=[-/])", "", rest).strip()
            symbol = rest.split()[0] if rest else ""
            number = symbol if re.match(r"\d", symbol) else ""
        when = _PRINTED_DATE.search(line)
        if date is None and when:
            try:
                date = dt.date(int(when["y"]), int(when["m"]), int(when["d"])).isoformat()
            except ValueError:
                date = f"{when['y']}-{when['m']}-{when['d']}"
    return number, date


def check_headers(paths: list[Path]) -> list[HeaderCheck]:
    from .model import InputError
    from .pipeline import parse_source
    from .read import iter_input_files, read_source

    checks = []
    for path in iter_input_files(paths):
        try:
            source = read_source(path)
        except InputError:
            continue  # not text we can read: nothing printed to compare
        number, date = printed_header(source.text)
        try:
            ref = parse_source(source).meta.ref
        except (InputError, ValueError) as err:
            checks.append(HeaderCheck(path.name, number, None, date, None, f"{type(err).__name__}: {err}"))
            continue
        checks.append(
            HeaderCheck(path.name, number, ref.symbol, date, ref.date.isoformat() if ref.date else None)
        )
    return checks
