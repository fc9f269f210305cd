"""Text from files and from the graph, made safe to print on a terminal.

A source file's name and its text are anyone's: a title holding ESC sequences
(``\\x1b]0;…\\x07`` retitles the window, ``\\x1b[2J`` clears the screen, OSC 8 makes a hidden
link) would act on the terminal of whoever runs ``policy-graph query`` or ``build``, a newline in
a file name would forge a line of the build's report, and rich reads ``[…]`` in a string as its
markup (``[/]`` in a title was a MarkupError traceback instead of the table).  ``for_terminal``
writes each control character as its escape (``\\x1b``), visible and inert; ``plain`` gives rich
a Text, never markup; ``markup_safe`` is both, for a value inside a markup string.
"""

from __future__ import annotations

import re

from rich.markup import escape
from rich.text import Text

# C0 and C1 controls (Unicode category Cc) but tab and newline, and the bidi embeddings,
# overrides and isolates, which reorder the text after them on a terminal as on a page
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# the same, with the newline and tab: a file name or a message is one line
_CONTROLS_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, one_line: bool = False) -> str:
    """``text`` with every control character written as its escape (``\\x1b``, ``\\u202e``);
    ``one_line``: newlines and tabs too."""
    return (_CONTROLS_ONE_LINE if one_line else _CONTROLS).sub(_escaped, text)


def plain(text: str, one_line: bool = False) -> Text:
    """A rich Text of ``text`` made safe: shown as it is, its brackets never read as markup."""
    return Text(for_terminal(text, one_line))


def markup_safe(value: object) -> str:
    """``str(value)`` on one line, safe inside a rich markup string ("[red]…[/red] {name}")."""
    return escape(for_terminal(str(value), one_line=True))
