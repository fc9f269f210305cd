"""No pattern of the parser backtracks catastrophically: every compiled pattern of
``graph.patterns.*``, ``graph.extract.*`` and ``graph.segment`` is found automatically and run,
the way the code runs it (``search``/``finditer``/``match``…), on adversarial strings of 10⁴ and
10⁵ characters: long runs of spaces, newlines, digits, capitals, separators and Vietnamese
letters, each with and without a final character that makes the match fail.

A pattern that needs superlinear time on such a run (nested quantifiers over the same text, or a
quantified prefix that every start position rescans) takes seconds to hours there; a linear one
takes a few milliseconds.  The bound grows linearly with the length and is generous (20 times
the 50 ms per 10⁵ characters the patterns are built for) so that a loaded CI machine passes.
Each pattern runs in a worker process that is killed when it goes past the bound, so a
regression fails this test instead of hanging the suite.
"""

from __future__ import annotations

import importlib
import multiprocessing
import pkgutil
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import graph.extract
import graph.patterns

SRC = Path(graph.patterns.__file__).resolve().parents[1]
SIZES = (10_000, 100_000)
SECONDS_PER_CHAR = 10e-6  # 1 s per 10⁵ characters and input: 20 × the 50 ms the patterns meet
# Runs that make a quantified part and its neighbour compete for the same text.
FILLERS = {
    "spaces": " ",
    "newlines": "\n",
    "tabs": "\t",
    "space-newline": " \n",
    "digits": "1",
    "capitals": "A",
    "small letters": "a",
    "words": "ab ",
    "Vietnamese capitals": "Ư",
    "Vietnamese letters": "ư",
    "Vietnamese words": "Đường ",
    "digit-space": "1 ",
    "capital-space": "A ",
    "digit-newline": "1\n",
    "capital-newline": "A\n",
    "numbered": "1.",
    "dashed": "1-",
    "dots": ".",
    "dashes": "-",
    "slashes": "/",
    "commas": ",",
    "comma-space": ", ",
    "semicolons": ";",
    "colons": ":",
    "brackets": "(",
    "footnote marks": "[1]",
    "ellipses": "…",
    "underscores": "_",
}
WATCHDOG_SECONDS = 30  # wall time of one call (three tries) before its worker is killed
MISMATCH = "§"  # a character no pattern expects, at the end of the run
METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def _modules():
    for package in (graph.patterns, graph.extract):
        for info in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{package.__name__}.{info.name}")
    yield importlib.import_module("graph.segment")
    yield importlib.import_module("graph.naming")


def _collect(value, name: str, found: dict[str, re.Pattern], seen: set[int]) -> None:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        found[name] = value
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, f"{name}[{key!r}]", found, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, item in enumerate(value):
            _collect(item, f"{name}[{i}]", found, seen)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for field in value.__dataclass_fields__:
            _collect(getattr(value, field), f"{name}.{field}", found, seen)


def compiled_patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern reachable from a module-level name, in tables too."""
    found: dict[str, re.Pattern] = {}
    seen: set[int] = set()
    for module in _modules():
        for attr, value in vars(module).items():
            if not attr.startswith("__") and not isinstance(value, type(re)):
                _collect(value, f"{module.__name__}.{attr}", found, seen)
    return found


# Patterns the code hands to a helper instead of calling by name: how that helper calls them
# (indicators._pieces).  Patterns a loop names ("for pattern in (_A, _B): … pattern.match(…)") are
# read from the loop.
INDIRECT_USES = {
    "graph.extract.indicators._SENTENCE_END": ("finditer",),
    "graph.extract.indicators._CLAUSE_END": ("finditer",),
    "graph.extract.indicators._LIST_CLAUSE_END": ("finditer",),
}


def _source(module: str | None = None) -> str:
    if module is not None:
        return (SRC / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
    return "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))


def methods_used(name: str) -> tuple[str, ...]:
    """How the code calls a pattern held by a name ("_FORMS.match(…)", "P.TITLE_STOP.search(…)"),
    read from its own module first, then from the whole package; every method for a pattern
    held in a table, whose calls the source does not name."""
    if name in INDIRECT_USES:
        return INDIRECT_USES[name]
    module, attr = name.rsplit(".", 1)
    if "[" in attr or "." in attr:
        return ("search", "match", "finditer")
    call = rf"(?<!\w){re.escape(attr)}\.({'|'.join(METHODS)})\("
    for source in (_source(module.removeprefix("graph.")), _source()):
        if used := set(re.findall(call, source)) | _loop_calls(attr, source):
            return tuple(sorted(used))
    return ("search", "match", "finditer")


# "for pattern in (_PROSE_ASSIGNMENT, _BODIES_COOPERATING):" and the lines of its body
_LOOP = re.compile(r"for (\w+) in \(([^()]*)\):\n((?:[ \t]+.*\n){1,8})")


def _loop_calls(attr: str, source: str) -> set[str]:
    """The methods a loop over a tuple naming ``attr`` calls on its loop variable."""
    used: set[str] = set()
    for loop in _LOOP.finditer(source):
        if re.search(rf"(?<![\w.]){re.escape(attr)}(?!\w)", loop[2]):
            used |= set(re.findall(rf"(?<![\w.]){loop[1]}\.({'|'.join(METHODS)})\(", loop[3]))
    return used


def adversarial(size: int):
    for label, unit in FILLERS.items():
        run = (unit * (size // len(unit) + 1))[:size]
        yield label, run
        yield f"{label} + mismatch", run[:-1] + MISMATCH


def _exercise(pattern: re.Pattern, method: str, text: str) -> None:
    if method in ("finditer",):
        for _ in pattern.finditer(text):
            pass
    elif method in ("sub", "subn"):
        getattr(pattern, method)("", text)
    else:
        getattr(pattern, method)(text)


def _cpu_seconds(pattern: re.Pattern, method: str, text: str, bound: float) -> float:
    """CPU time of one call (a busy machine does not count against the pattern); a run over the
    bound is measured twice more and the best kept, so one slow moment does not fail it."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        _exercise(pattern, method, text)
        best = min(best, time.process_time() - started)
        if best <= bound:
            break
    return best


def _worker(names: list[str], methods: dict[str, tuple[str, ...]], conn) -> None:
    patterns = compiled_patterns()
    for name in names:
        worst = (0.0, "")
        for size in SIZES:
            bound = SECONDS_PER_CHAR * size
            for label, text in adversarial(size):
                for method in methods[name]:
                    elapsed = _cpu_seconds(patterns[name], method, text, bound)
                    conn.send(("tick", name))
                    if elapsed / bound > worst[0]:
                        worst = (elapsed / bound, f"{method} on {size} {label}: {elapsed:.3f} s")
        conn.send(("done", name, worst))
    conn.close()


def _next_message(conn):
    if not conn.poll(WATCHDOG_SECONDS):
        return None
    try:
        return conn.recv()
    except EOFError:
        return None


def _measure_in_workers(
    names: list[str], methods: dict[str, tuple[str, ...]]
) -> dict[str, tuple[float, str]]:
    results: dict[str, tuple[float, str]] = {}
    context = multiprocessing.get_context("fork")
    todo = list(names)
    while todo:
        parent, child = context.Pipe(duplex=False)
        worker = context.Process(target=_worker, args=(todo, methods, child), daemon=True)
        worker.start()
        child.close()
        current = todo[0]
        while current is not None:
            message = _next_message(parent)
            if message is None:  # hung (or died): stop it, go on with the next pattern
                worker.kill()
                results[current] = (float("inf"), f"still running after {WATCHDOG_SECONDS} s")
                break
            if message[0] == "tick":
                current = message[1]
            else:
                results[message[1]] = message[2]
                current = None if message[1] == todo[-1] else todo[todo.index(message[1]) + 1]
        worker.join()
        todo = todo[todo.index(current) + 1 :] if current is not None else []
    return results


def measure(
    names: list[str], methods: dict[str, tuple[str, ...]], workers: int = 2
) -> dict[str, tuple[float, str]]:
    """(worst time / bound, what took it) for each pattern, in ``workers`` processes; a pattern
    whose call runs past the watchdog is stopped there and gets ``inf``.  A pattern text that
    several names hold is measured once."""
    first: dict[tuple, str] = {}
    for name in names:
        first.setdefault((PATTERNS_BY_NAME[name].pattern, PATTERNS_BY_NAME[name].flags, methods[name]), name)
    unique = sorted(set(first.values()))
    with ThreadPoolExecutor(workers) as pool:
        parts = pool.map(
            lambda part: _measure_in_workers(part, methods), [unique[i::workers] for i in range(workers)]
        )
    measured = {k: v for part in parts for k, v in part.items()}
    return {
        name: measured[first[(PATTERNS_BY_NAME[name].pattern, PATTERNS_BY_NAME[name].flags, methods[name])]]
        for name in names
    }


PATTERNS = PATTERNS_BY_NAME = compiled_patterns()


@pytest.fixture(scope="module")
def timings() -> dict[str, tuple[float, str]]:
    names = sorted(PATTERNS)
    return measure(names, {name: methods_used(name) for name in names})


def test_discovery_finds_the_pattern_tables():
    # the tables of the genre and the patterns of each stage are all found
    assert "graph.extract.tasks._BODIES_ACT" in PATTERNS
    assert "graph.patterns.structure.WEB_FOOTNOTE_BODY" in PATTERNS
    assert "graph.segment._SENTENCE_END" in PATTERNS
    assert any(name.startswith("graph.patterns.deadlines.COMPILED_FORMS[") for name in PATTERNS)
    assert len(PATTERNS) > 200


def test_methods_are_read_from_the_code():
    assert methods_used("graph.patterns.structure.WEB_FOOTNOTE_BODY") == ("match",)
    assert methods_used("graph.patterns.citations.TITLE_OPENING") == ("match",)  # called as P.TITLE_OPENING
    assert methods_used("graph.extract.tasks._LEAD_HEADING") == ("fullmatch",)
    # called through a loop over a tuple of patterns (tasks._bodies_acting, tasks._acting_bodies)
    assert methods_used("graph.extract.tasks._BODIES_ANSWERABLE") == ("match",)
    assert methods_used("graph.extract.tasks._BODIES_ACT") == ("match",)
    assert set(INDIRECT_USES) <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_in_linear_time(name, timings):
    ratio, worst = timings[name]
    assert ratio <= 1.0, f"{name} ({PATTERNS[name].pattern!r}) is superlinear: {worst}"
