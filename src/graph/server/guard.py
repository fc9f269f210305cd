"""What a SPARQL request may do, decided from the parsed query, never from a text scan.

A text scan has to guess where IRIs, strings and comments end, and a query written to
make it guess wrong (``FILTER(1<2)SERVICE?x#>``) slipped ``SERVICE`` past the old one.
Here the query is parsed by rdflib's SPARQL 1.1 parser (the grammar, ``\\uXXXX`` escapes
and all) and the parse tree is walked: a ``SERVICE`` anywhere, however written (any case,
``SILENT``, a variable endpoint, inside ``OPTIONAL``/``MINUS``/sub-queries/``EXISTS``), is
refused, and so is anything that is not a query.  A text that mentions "service" and that
rdflib cannot read is refused too, with its parser's message: that includes Oxigraph's
extensions beyond SPARQL 1.1 (``LATERAL``, triple terms), since what cannot be checked is
not run.

A text in which the word "service" appears nowhere at all (escapes decoded, case and
compatibility forms folded; IRIs, strings and comments included, since nothing is skipped,
there is nothing for a lexer trick to hide in) cannot hold a SERVICE clause, so it is not
parsed (``screen``): the parse costs ~4 ms of CPU per new text, which bounded the rate of
distinct queries, and Oxigraph parses what it runs anyway; a text Oxigraph cannot read then
goes to the parser for the reason (an update sent as a query is still a 403).

The parse runs inside a query worker (``sparql.run_job``), under the worker's time limit
and memory cap, because a hostile text can make a recursive parser slow; before a text is
sent there, ``precheck`` bounds its length and bracket depth in linear time (a query nested
ten thousand levels deep crashed Oxigraph's own parser).  The worker also has no network
at all (``sandbox.deny_network``): a parser disagreement could not reach another host.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 64 * 1024
MAX_NESTING = 64
_OPEN, _CLOSE = frozenset("{(["), frozenset("})]")


class JobError(Exception):
    """A request the server answers with ``status`` and a message for the person who sent it."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Verdict:
    """What a checked query is: its form and whether it names its own dataset (FROM …)."""

    form: str  # SelectQuery | ConstructQuery | AskQuery | DescribeQuery
    declares_dataset: bool
    # the same store always gives the same answer: no RAND(), NOW(), UUID(), STRUUID() or
    # BNODE() anywhere (the server's result cache keeps only such answers)
    repeatable: bool


def precheck(text: str, what: str = "truy vấn (query)") -> None:
    """Linear-time bounds checked in the server before a worker sees the text."""
    if len(text) > MAX_QUERY_CHARS:
        raise JobError(
            413,
            f"{what} dài {len(text)} ký tự, quá giới hạn {MAX_QUERY_CHARS} "
            f"(the text is longer than {MAX_QUERY_CHARS} characters)",
        )
    if sum(text.count(bracket) for bracket in _OPEN) <= MAX_NESTING:
        return  # no deeper than it has opening brackets: the common case, counted in C
    depth = deepest = 0
    for char in text:
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth -= 1
    if deepest > MAX_NESTING:
        raise JobError(
            400,
            f"{what} lồng nhau quá {MAX_NESTING} tầng ngoặc "
            f"(brackets are nested more than {MAX_NESTING} levels deep)",
        )


# Oxigraph's syntax error: 'error at 1:37: expected one of "!", "$", …, LATERAL, ['0'..='9'], [...]'
_ENGINE_ERROR = re.compile(r"^error at (\d+):(\d+): expected (?:one of )?(.*)$", re.DOTALL)
# an expected item: a quoted token, a character class (its quoted characters may hold ']'), or a word
_EXPECTED_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:\'(?:[^\'\\]|\\.)*\'|[^\]\'])*\]|[^,\["]+')
MAX_EXPECTED_CHARS = 300


def syntax_message(engine_error: str, what: str = "SPARQL") -> str:
    """Oxigraph's syntax error for a person: line and column in both languages, what was expected
    without the parser's character classes (a page of Unicode ranges), at most a few hundred
    characters.  The engine's message never quotes the text it was given, and neither does this:
    an answer that echoed a query would be a reflection for whoever wrote the query."""
    found = _ENGINE_ERROR.match(engine_error.strip())
    if found is None:
        return f"Lỗi cú pháp {what} ({what} syntax error): {_cut(' '.join(engine_error.split()))}"
    line, column, listed = found.groups()
    reasons: list[str] = []  # what the parser found wrong ('IRI parsing failed', 'Prefix not found')
    expected: list[str] = []  # tokens and keywords it would have read there
    for item in _EXPECTED_ITEM.findall(listed):
        item = " ".join(item.split())
        if item.startswith("["):  # a character class: named when it is a common one, else left out
            item = "0–9" if item.startswith("['0'..='9'") else "tên (name)" if "'A' ..= 'Z'" in item else ""
            kind = expected
        else:
            kind = reasons if " " in item and not item.startswith('"') else expected
        if item and item not in kind:
            kind.append(item)
    said = [f"lỗi (error): {'; '.join(reasons)}"] if reasons else []
    said += [f"cần (expected) {', '.join(expected)}"] if expected else []
    if not said:
        said = [
            "ký tự không đúng chỗ, hoặc văn bản kết thúc quá sớm (an unexpected character, or the text ends too soon)"
        ]
    return (
        f"Lỗi cú pháp {what} ở dòng {line}, cột {column} ({what} syntax error at line {line}, "
        f"column {column}; error at {line}:{column}): {_cut(' — '.join(said))}"
    )


def _cut(text: str) -> str:
    return text if len(text) <= MAX_EXPECTED_CHARS else text[: MAX_EXPECTED_CHARS - 1] + "…"


def _parser():
    from rdflib.plugins.sparql import parser

    return parser


def warm_up() -> None:
    """Build rdflib's grammar (~1 s) when a worker starts, not on its first request."""
    _parser().parseQuery("ASK {}")


def _node_names(tree) -> set[str]:
    """Names of every parse-tree node (CompValue.name), walked without recursion.  (CompValue
    is an OrderedDict whose ``get`` returns the key itself when absent: test with ``in``.)"""
    from rdflib.plugins.sparql.parserutils import CompValue

    names: set[str] = set()
    stack, seen = [tree], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            names.add(node.name)
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)
    return names


def _parse(parse, text: str):
    """``parse(text)`` with room for the parser's recursion (bounded by ``precheck``)."""
    from pyparsing import ParseException

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 50_000))
    try:
        return parse(text), None
    except ParseException as err:
        return None, f"{err.msg} (dòng/line {err.lineno}, cột/column {err.col})"
    except RecursionError:
        raise JobError(
            400, "truy vấn quá phức tạp để kiểm tra (the query is too deeply structured to check)"
        ) from None
    finally:
        sys.setrecursionlimit(limit)


def _engine_syntax_error(text: str) -> str | None:
    """Oxigraph's own message for a text rdflib could not read, or None when Oxigraph reads it.
    The text is given to an empty in-memory store with a substitution for a variable it cannot
    contain, which Oxigraph rejects after parsing and before evaluating anything (and this
    worker has no network in any case)."""
    import uuid

    import pyoxigraph as ox

    probe: dict = {ox.Variable(f"pg_parse_only_{uuid.uuid4().hex}"): ox.Literal("")}
    try:
        ox.Store().query(text, substitutions=probe)
    except SyntaxError as err:
        return str(err)
    except Exception:
        return None
    return None


# Functions whose value changes from one evaluation to the next (rdflib's parse-tree names).
UNREPEATABLE = frozenset({"Builtin_RAND", "Builtin_NOW", "Builtin_UUID", "Builtin_STRUUID", "Builtin_BNODE"})

SERVICE_REFUSED = (
    "SERVICE (truy vấn liên kết tới máy chủ khác) bị từ chối "
    "(SERVICE: federated queries to other hosts are refused)"
)
UPDATE_REFUSED = (
    "Đây là lệnh cập nhật; điểm truy vấn chỉ đọc (this is a SPARQL Update; the endpoint is "
    "read-only: updates go in update=, only when the server was started with --allow-update)"
)


# SPARQL's codepoint escapes, which an engine decodes before it parses anything (SPARQL 1.1 §19.2).
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Calls whose value changes from one evaluation to the next, as words of the decoded text.
_UNREPEATABLE_WORD = re.compile(r"\b(?:rand|now|uuid|struuid|bnode)\b")
UNPARSED = "unparsed"  # the form of a verdict given by ``screen``


def _plain_text(text: str) -> str:
    """The text as an engine's lexer could read it, and more: codepoint escapes decoded (again
    and again, in case an engine decodes twice), compatibility forms folded (NFKC: a full-width
    Ｓ is S) and case folded (ſ is s)."""
    for _ in range(8):
        decoded = _CODEPOINT.sub(
            lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16) < 0x110000 else "", text
        )
        if decoded == text:
            break
        text = decoded
    return unicodedata.normalize("NFKC", text).casefold()


def screen(text: str) -> Verdict | None:
    """A verdict without parsing for a text that cannot hold SERVICE at all: the word appears
    nowhere in it (not in an IRI, a string or a comment either: nothing is skipped, so no lexer
    trick can hide it), written any way an engine would accept.  None: the text needs the
    parser (``check_query``).  Parsing costs ~4 ms of a worker's CPU per new query text, which
    bounded the rate of distinct queries; Oxigraph still parses what it runs, and a text it
    cannot read is handed to ``check_query`` for the reason (``sparql.run_job``), so an update
    sent as a query is still a 403."""
    plain = _plain_text(text)
    if "service" in plain:
        return None
    return Verdict(
        form=UNPARSED,
        declares_dataset="from" in plain,
        repeatable=_UNREPEATABLE_WORD.search(plain) is None,
    )


def check_query(text: str) -> Verdict:
    """The verdict for a query, or JobError: 400 unreadable, 403 SERVICE or an update."""
    parser = _parser()
    tree, error = _parse(parser.parseQuery, text)
    if tree is None:
        update, _ = _parse(parser.parseUpdate, text)
        if update is not None and "request" in update:
            raise JobError(403, UPDATE_REFUSED)
        engine_error = _engine_syntax_error(text)
        if engine_error:
            raise JobError(400, syntax_message(engine_error))
        raise JobError(
            400,
            "Truy vấn dùng cú pháp ngoài SPARQL 1.1 (như LATERAL) mà máy chủ không kiểm tra được "
            f"nên không chạy (the query uses syntax beyond SPARQL 1.1, such as LATERAL, which the "
            f"server cannot check, so it is not run): {error}",
        )
    names = _node_names(tree)
    if "ServiceGraphPattern" in names:
        raise JobError(403, SERVICE_REFUSED)
    query = tree[1]
    return Verdict(
        form=query.name,
        declares_dataset="datasetClause" in query,
        repeatable=not (names & UNREPEATABLE),
    )


def check_update(text: str) -> None:
    """An update (token-holders only) may change the store but never reach the network."""
    tree, error = _parse(_parser().parseUpdate, text)
    if tree is None:
        raise JobError(400, f"Lỗi cú pháp SPARQL Update (SPARQL Update syntax error): {error}")
    names = _node_names(tree)
    if "ServiceGraphPattern" in names or "Load" in names:
        raise JobError(403, "SERVICE/LOAD (truy cập máy chủ khác) bị từ chối (SERVICE and LOAD are refused)")
