"""The names the server answers for: a guard against DNS rebinding.

A page on ``evil.example`` whose name the attacker's DNS then points at 127.0.0.1 is, to the
victim's browser, the same origin as the server: its scripts read every page and every answer
of ``/sparql`` and may send any header, ``Authorization`` included (stop 19: a rebound page spent
the wrong-token budget of the victim's own address, and the admin's right token was a 429 for
ten minutes).  The one thing such a request cannot hide is the name it was sent to: the browser
writes the page's own host in ``Host``.  So, as Vite and webpack-dev-server do, a request is
answered only when its ``Host`` is an IP address (an address cannot be rebound), ``localhost``
or a name under ``.localhost`` (RFC 6761: browsers resolve those to loopback themselves), or a
name the server was told it has: ``--host`` when it is a name, the host of ``--public-url``, each
``--allowed-host`` (``.example.vn`` for that domain and every name under it).  Any other is a
bilingual 421 Misdirected Request (RFC 9110 §15.5.20: the server does not answer for that
authority).  A request without ``Host`` (HTTP/1.0) comes from no browser and is answered.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

import httptools

# the characters of a host name, an IPv4 address, a bracketed IPv6 address and a port: the name
# is echoed in the refusal only when it is made of these alone
_PRINTABLE_HOST = re.compile(r"[A-Za-z0-9.\-_:\[\]]{1,260}")


def _idna(name: str) -> str:
    """A name as a browser writes it in Host: lower case, IDNA (A-labels), no final dot."""
    name = name.strip().rstrip(".").lower()
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        return name


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_name(value: str) -> str | None:
    """The name of a Host header's value (``name``, ``name:port``, ``[v6]:port``), lower case,
    without its port or final dot; None when it is not an authority at all."""
    value = value.strip().lower()
    if value.startswith("["):
        address, bracket, port = value[1:].partition("]")
        if not bracket or (port and not (port.startswith(":") and port[1:].isdigit())):
            return None
        return address if ":" in address and _is_address(address) else None
    name, colon, port = value.partition(":")
    if colon and not port.isdigit():
        return None
    name = name[:-1] if name.endswith(".") else name
    return name or None


class AllowedHosts:
    """The names the server answers for besides IP addresses and ``localhost``: exact names, and
    domains (given with a leading dot) whose every name is allowed."""

    def __init__(self, names: Iterable[str] = ()):
        self.exact: set[str] = set()
        self.domains: set[str] = set()
        for given in names:
            self.add(given)

    def add(self, given: str) -> None:
        text = given.strip()
        if not text:
            return
        a_port_or_scheme = ":" in text and not _is_address(text.strip("[]"))
        if a_port_or_scheme or any(c in text for c in "/@ *?#"):
            raise ValueError(
                f"--allowed-host nhận một tên máy chủ, không phải URL hay mẫu (takes a host name such as "
                f"data.example.vn or .example.vn, not a URL or a pattern): {given!r}"
            )
        if text.startswith("."):
            domain = _idna(text[1:])
            if "." not in domain:
                raise ValueError(
                    f"--allowed-host {given!r}: cả một tên miền cấp cao nhất là quá rộng (a whole "
                    "top-level domain is too wide: anyone may buy a name under it and point it here)"
                )
            self.domains.add(domain)
        else:
            self.exact.add(_idna(text.strip("[]")))

    def allows(self, value: str) -> bool:
        """Whether a request whose Host header is ``value`` is answered."""
        name = host_name(value)
        if name is None:
            return False
        if _is_address(name) or name == "localhost" or name.endswith(".localhost"):
            return True
        if name in self.exact:
            return True
        return any(name == domain or name.endswith("." + domain) for domain in self.domains)


def refusal(value: str) -> str:
    """The bilingual text of the 421: which name was refused, and how to allow it."""
    shown = value.strip()
    if not _PRINTABLE_HOST.fullmatch(shown):
        shown = "?"
    name = host_name(shown) or shown
    return (
        f"Máy chủ này không trả lời cho tên '{shown}'; nếu đó đúng là tên của nó, hãy chạy lại với "
        f"--allowed-host {name} (this server does not answer for the host '{shown}': a page of "
        "another site may be reaching it through DNS rebinding. If it is the server's own name, "
        f"start it with --allowed-host {name})"
    )


def refused_host(hosts: AllowedHosts, headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The Host of an ASGI request the server does not answer for, None when it does (or when
    the request has none).  The protocol layer has made sure an HTTP/1.1 request has one, and put
    an absolute-form target's authority in it; an HTTP/1.0 request may repeat it: each is checked."""
    for name, value in headers:
        if name == b"host" and not hosts.allows(value.decode("latin-1")):
            return value.decode("latin-1")
    return None


def target_authority(target: bytes) -> bytes | None:
    """RFC 9112 §3.2.2: a request in absolute form (``GET http://evil.example/ HTTP/1.1``) is for
    the authority its target names, whatever its Host header says: that authority, as a Host
    header writes it; None for a target in origin form (``/path``) or ``*``."""
    if target.startswith(b"/") or target == b"*":
        return None
    try:
        parsed = httptools.parse_url(target)
    except httptools.HttpParserInvalidURLError:
        return b""  # no authority a server could answer for
    host = parsed.host or b""
    shown = b"[" + host + b"]" if b":" in host else host
    return shown if parsed.port is None else shown + b":" + str(parsed.port).encode()
