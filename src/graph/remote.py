"""A SPARQL 1.1 server as the store: ``--store http://127.0.0.1:7878`` (an Oxigraph server).

Queries go through the SPARQL 1.1 Protocol (``POST <root>/query``), results come back as SPARQL
JSON (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE) and are read by pyoxigraph into the same
objects an embedded store returns, so the query library, validation and analytics run
unchanged.  A build loads through the SPARQL 1.1 Graph Store Protocol: one named graph per
source file, each first PUT whole into a staging graph (``PUT <root>/store?graph=urn:…``), then
swapped in by one SPARQL update that moves every staging graph onto its named graph, drops the
graphs of files no longer built and recomputes the default graph (``DROP DEFAULT ; INSERT … WHERE
{ GRAPH ?g … }``) as the embedded store keeps it: every triple once.  On a server that runs an
update request in one transaction (Oxigraph, Fuseki/TDB2) the build is atomic as the embedded
store's is; while it uploads, ``GRAPH ?g`` patterns may also see its staging graphs.

Oxigraph server names its endpoints ``/query``, ``/update`` and ``/store``; other servers
(Fuseki, GraphDB, Virtuoso) name theirs differently: ``--store`` then names a small TOML file
(``--store fuseki.toml``) giving the server's URL and kind, or each endpoint outright, and the
user whose password an environment variable holds (``connect``)::

    url = "http://127.0.0.1:3030/policy"   # the dataset's (repository's) root
    server = "fuseki"                      # oxigraph (default), fuseki, graphdb or virtuoso
    # query = "…"  update = "…"  graph-store = "…"    an endpoint named outright wins
    # user = "admin"  password-env = "FUSEKI_PASSWORD"
"""

from __future__ import annotations

import math
import os
import tomllib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from .store import RemoteError, is_server_config

TIMEOUT_S = 600.0
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
# Where each server kind puts its SPARQL query, SPARQL update and Graph Store Protocol endpoints,
# under the root the config names (Fuseki: the dataset; GraphDB: the repository).
ENDPOINTS = {
    "oxigraph": ("{root}/query", "{root}/update", "{root}/store"),
    "fuseki": ("{root}/query", "{root}/update", "{root}/data"),
    "graphdb": ("{root}", "{root}/statements", "{root}/rdf-graphs/service"),
    "virtuoso": ("{root}/sparql", "{root}/sparql", "{root}/sparql-graph-crud"),
}
CONFIG_KEYS = {"url", "server", "query", "update", "graph-store", "user", "password-env", "timeout"}


@dataclass
class RemoteStore:
    root: str
    query_url: str = ""
    update_url: str = ""
    store_url: str = ""
    timeout_s: float = TIMEOUT_S
    server: str = "oxigraph"
    auth: tuple[str, str] | None = None  # HTTP basic: (user, password)

    def __post_init__(self) -> None:
        self.root = self.root.rstrip("/")
        query, update, store = (url.format(root=self.root) for url in ENDPOINTS[self.server])
        self.query_url = self.query_url or query
        self.update_url = self.update_url or update
        self.store_url = self.store_url or store
        self.client = httpx.Client(timeout=self.timeout_s, auth=self.auth)

    # ------------------------------------------------------------ the Store methods the library uses

    def query(
        self,
        query: str,
        *,
        prefixes: dict[str, str] | None = None,
        substitutions: dict | None = None,
        use_default_graph_as_union: bool = False,
        default_graph=None,
        named_graphs=None,
    ):
        if substitutions or use_default_graph_as_union or default_graph or named_graphs:
            raise ValueError("a remote store takes the query text alone (bind values with VALUES)")
        text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or {}).items()) + query
        response = self._send(
            "POST",
            self.query_url,
            content=text.encode(),
            headers={
                "Content-Type": "application/sparql-query",
                "Accept": f"{RESULTS_JSON}, {N_TRIPLES};q=0.9",
            },
        )
        if response.headers.get("content-type", "").startswith(N_TRIPLES):
            return list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)

    def update(self, update: str) -> None:
        self._send(
            "POST",
            self.update_url,
            content=update.encode(),
            headers={"Content-Type": "application/sparql-update"},
        )

    # ------------------------------------------------------------ Graph Store Protocol

    def put_graph(self, graph_iri: str, n_triples: bytes) -> None:
        """Replace one named graph whole (SPARQL 1.1 Graph Store Protocol, PUT)."""
        self._send(
            "PUT",
            self.store_url,
            params={"graph": graph_iri},
            content=n_triples,
            headers={"Content-Type": N_TRIPLES},
        )

    def named_graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"].value for row in rows)

    def _send(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.HTTPError as err:
            raise RemoteError(
                f"{url}: không kết nối được máy chủ SPARQL (cannot reach the SPARQL server): {err}"
            ) from err
        if response.is_redirect:  # not followed (httpx's default): credentials and updates go
            # to the server the config names and nowhere else; nor taken for success (a 302 to a
            # login page once made an update, or a whole build's upload, look done)
            raise RemoteError(
                f"{url}: máy chủ SPARQL chuyển hướng sang nơi khác, không theo (the SPARQL server "
                f"redirects elsewhere, not followed) {response.status_code}: "
                f"{response.headers.get('location', '')[:300]}"
            )
        if response.status_code >= 300:
            raise RemoteError(
                f"{url}: máy chủ SPARQL trả lỗi (the SPARQL server answered) "
                f"{response.status_code}: {response.text[:300]}"
            )
        return response


def connect(value: str) -> RemoteStore:
    """The server ``--store`` names: an Oxigraph server's root URL, or a TOML config file."""
    if is_server_config(value):
        return from_config(Path(value))
    if _has_password(value):
        raise RemoteError(
            f"{_hidden_password(value)}: mật khẩu trong URL lộ ra trong ps, lịch sử lệnh và thông báo "
            f"lỗi; hãy dùng tệp TOML với user và password-env (a password in the URL shows in ps, "
            f"the shell's history and error messages: use a TOML file with user and password-env)"
        )
    return RemoteStore(value)


def _has_password(url: str) -> bool:
    """Whether ``url`` carries a password (``http://admin:secret@host``).  Stop 19: it was sent as
    HTTP basic credentials, and printed whole in every error about the server (a build's log, a
    CI's output) besides showing in ``ps`` for as long as the command ran."""
    try:
        return bool(urlsplit(url).password)
    except ValueError:  # not a URL one could send a request to: httpx says why later
        return False


def _hidden_password(url: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{parts.username}:***@{host}").geturl()


def from_config(path: Path) -> RemoteStore:
    """The server a ``--store`` TOML file describes; a file that cannot say is refused with why."""
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise _bad_config(
            path, f"không đọc được tệp ({err.strerror})", f"cannot read it: {err.strerror}"
        ) from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise _bad_config(path, f"không phải TOML hợp lệ ({err})", f"not valid TOML: {err}") from err
    unknown = sorted(set(config) - CONFIG_KEYS)
    if unknown:
        raise _bad_config(
            path, f"khóa không biết: {', '.join(unknown)}", f"unknown keys: {', '.join(unknown)}"
        )
    server = str(config.get("server", "oxigraph")).lower()
    if server not in ENDPOINTS:
        kinds = ", ".join(ENDPOINTS)
        raise _bad_config(
            path,
            f"server = {server!r} không được hỗ trợ ({kinds})",
            f"server {server!r} is not one of {kinds}",
        )
    url = str(config.get("url", ""))
    named = {key: str(config.get(key, "")) for key in ("query", "update", "graph-store")}
    for key, value in {"url": url, **named}.items():
        if value and not value.lower().startswith(("http://", "https://")):
            raise _bad_config(path, f"{key} phải là URL http(s)", f"{key} must be an http(s) URL")
        if _has_password(value):
            raise _bad_config(
                path,
                f"{key} chứa mật khẩu; hãy dùng user và password-env",
                f"{key} holds a password ({_hidden_password(value)}): give user and password-env",
            )
    if not url and not all(named.values()):
        raise _bad_config(
            path,
            "cần url, hoặc cả ba query, update và graph-store",
            "give url, or all three of query, update and graph-store",
        )
    return RemoteStore(
        url or named["query"],
        query_url=named["query"],
        update_url=named["update"],
        store_url=named["graph-store"],
        timeout_s=_timeout(path, config),
        server=server,
        auth=_auth(path, config),
    )


def _timeout(path: Path, config: dict) -> float:
    """Seconds a request may take: a number above 0 (a text, 0, nan or inf would have been a
    traceback, a request failing at once, or one never given up)."""
    value = config.get("timeout", TIMEOUT_S)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        raise _bad_config(
            path,
            f"timeout phải là số giây lớn hơn 0: {value!r}",
            f"timeout must be seconds above 0: {value!r}",
        )
    return float(value)


def _auth(path: Path, config: dict) -> tuple[str, str] | None:
    """HTTP basic credentials: the user from the file, the password from the environment variable
    it names (a password does not belong in a file people share)."""
    user = config.get("user")
    if not user:
        return None
    variable = str(config.get("password-env", ""))
    password = os.environ.get(variable) if variable else None
    if password is None:
        raise _bad_config(
            path,
            f"user = {user!r} cần password-env chỉ một biến môi trường đã đặt",
            f"user {user!r} needs password-env naming an environment variable that is set",
        )
    return str(user), password


def _bad_config(path: Path, reason_vi: str, reason_en: str) -> RemoteError:
    return RemoteError(
        f"{path}: cấu hình máy chủ SPARQL không dùng được: {reason_vi} "
        f"(the SPARQL server config cannot be used: {reason_en})"
    )


def count(store: RemoteStore, pattern: str) -> int:
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(next(iter(rows))["n"].value)


# Where a build puts each graph before it is swapped in: a URN no document graph can take.
STAGING = "urn:policy-graph:staging:"


def load(store: RemoteStore, graph_files: Iterable) -> tuple[int, int]:
    """Put each file into a staging graph, then in ONE update move every staging graph onto its
    named graph, drop the graphs of files not built any more and recompute the default graph, so
    that a reader sees the previous build or this one, never a mix (a server that runs an update
    request in one transaction, as Oxigraph and Fuseki/TDB2 do).  A build that fails or is killed
    before that update leaves the previous graphs as they were; its staging graphs are dropped by
    the next build.  Return (quads in the named graphs, distinct triples in the default graph)."""
    from .store import REFRESH_DEFAULT, n_triples

    by_graph: dict[str, list] = {}
    for gf in graph_files:  # the ontology and the vocabularies share one graph: one PUT for both
        by_graph.setdefault(gf.graph_iri, []).append(gf)
    token = uuid.uuid4().hex[:12]
    staged = {graph_iri: f"{STAGING}{token}:{graph_iri}" for graph_iri in by_graph}
    for graph_iri, files in by_graph.items():
        store.put_graph(staged[graph_iri], b"".join(n_triples(gf) for gf in files))
    present = store.named_graphs()
    leftovers = [g for g in present if g.startswith(STAGING) and g not in staged.values()]
    stale = [g for g in present if not g.startswith(STAGING) and g not in by_graph]
    store.update(
        "".join(f"MOVE SILENT GRAPH <{staged[g]}> TO GRAPH <{g}> ; " for g in by_graph)
        + "".join(f"DROP SILENT GRAPH <{g}> ; " for g in stale + leftovers)
        + REFRESH_DEFAULT
    )
    return count(store, "GRAPH ?g { ?s ?p ?o }"), count(store, "?s ?p ?o")
