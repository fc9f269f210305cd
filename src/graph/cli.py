"""``policy-graph``: thin click commands over the library.

Exit codes: 0 success, 1 some input was rejected or the graph does not
conform, 2 usage errors (click's own convention).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import ClassVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from . import DEFAULT_BASE
from .batch import DEFAULT_FILE_MEMORY_MB, DEFAULT_FILE_TIMEOUT_S
from .store import DEFAULT_STORE
from .terminal import for_terminal, markup_safe, plain

err_console = Console(stderr=True)
console = Console()


class LazyGroup(click.Group):
    """Commands whose modules are heavy (networkx, pyvis, matplotlib) are imported only when
    they run, so `query`, `--version` and `--help` start fast (click's documented pattern)."""

    lazy: ClassVar[dict[str, str]] = {"viz": "graph.viz_cli:viz", "stats": "graph.viz_cli:stats"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            import importlib

            module, _, attr = self.lazy[cmd_name].partition(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        from .store import RemoteError

        try:
            return super().invoke(ctx)
        except RemoteError as err:  # an unreachable server or a bad server config: its reason, no traceback
            raise click.ClickException(str(err)) from err


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-graph")
def main() -> None:
    """Trace how Vietnamese policy is carried out: documents, citations, tasks, agencies as RDF."""


def _store_option(value: str) -> str:
    """--store: a folder path, an http(s) server URL or a server's TOML config; another URL, or a
    config that cannot be used, is refused with the reason."""
    from .store import RemoteError, StoreError, is_remote, is_server_config, store_location

    if is_server_config(value):
        from .remote import from_config

        try:
            from_config(Path(value))  # read now, so its faults show as a bad --store
        except RemoteError as err:
            raise click.BadParameter(str(err)) from err
    if is_remote(value):
        return value
    try:
        store_location(value)
    except StoreError as err:
        raise click.BadParameter(str(err)) from err
    return value


def store_option(func):
    return click.option(
        "--store",
        "store_path",
        default=DEFAULT_STORE,
        show_default=True,
        callback=lambda ctx, param, value: _store_option(value),
        help="Oxigraph store folder (a link to its current generation), an Oxigraph server's root URL "
        "(http://127.0.0.1:7878), or a TOML file naming another SPARQL server (Fuseki, GraphDB, Virtuoso: "
        "url, server, or each endpoint; see README): loaded through the Graph Store Protocol, queried "
        "through the SPARQL Protocol.",
    )(func)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option(
    "--ttl-dir", default="data/ttl", show_default=True, help="Where one Turtle file per document is written."
)
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base of the graph's IRIs.")
@click.option(
    "--file-timeout",
    default=DEFAULT_FILE_TIMEOUT_S,
    show_default=True,
    type=click.FloatRange(1),
    help="Seconds one file may take to parse (and again to write); a file over it is refused.",
)
@click.option(
    "--file-memory",
    default=DEFAULT_FILE_MEMORY_MB,
    show_default=True,
    type=click.IntRange(64),
    help="Megabytes of memory one file may use while parsed; a file over it is refused.",
)
@click.option(
    "--jobs", "-j", default=0, type=click.IntRange(0), help="Worker processes (default: one per core)."
)
@click.option(
    "--full",
    is_flag=True,
    help="Parse every file again even when no input changed since the last build into --ttl-dir.",
)
def build(
    paths: tuple[Path, ...],
    store_path: str,
    ttl_dir: str,
    base: str,
    file_timeout: float,
    file_memory: int,
    jobs: int,
    full: bool,
) -> None:
    """Parse PATHS (files or folders; default data/raw) and build the graph."""
    import os

    from .batch import Limits, start_forkserver

    start_forkserver()  # the workers' modules load while this process loads the build's
    from .build import build as run_build
    from .store import StoreBusy, StoreError

    paths = paths or (Path("data/raw"),)
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise click.UsageError(f"không tìm thấy (not found): {', '.join(map(str, missing))}")
    try:
        with BuildProgress() as progress:
            report = run_build(
                paths,
                store_path,
                ttl_dir,
                base=base,
                progress=progress.update,
                limits=Limits(timeout_s=file_timeout, memory_mb=file_memory, workers=jobs),
                reuse=not full,
            )
    except (StoreError, StoreBusy) as err:
        raise click.ClickException(str(err)) from err
    print_problems(report)
    print_summary(report, store_path, ttl_dir)
    sys.exit(1 if report.rejected or report.skipped else 0)


class BuildProgress:
    """One progress bar per phase (parse, write RDF and Turtle, load), with counts, elapsed time and ETA."""

    PHASES: ClassVar[dict[str, str]] = {
        "parse": "Phân tích (parsing)",
        "ocr": "OCR",
        "emit": "Ghi RDF và Turtle (writing RDF and Turtle)",
        "load": "Nạp kho (loading the store)",
    }

    def __init__(self):
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[name]}"),
            console=err_console,
            transient=True,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> BuildProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def update(self, phase: str, done: int, total: int, name: str) -> None:
        key = f"{phase} {name}" if phase == "ocr" else phase  # a bar per scanned PDF, pages done
        if key not in self.tasks:
            self.tasks[key] = self.bar.add_task(self.PHASES.get(phase, phase), total=total, name="")
        self.bar.update(
            self.tasks[key],
            completed=done,
            total=total,
            name=markup_safe(name),  # a file's name: the bar's text column reads markup
            visible=phase != "ocr" or done < total,
        )


def print_problems(report) -> None:
    for skipped in report.skipped:
        err_console.print(
            f"[red]bỏ qua (skipped)[/red] {markup_safe(skipped)}", highlight=False, soft_wrap=True
        )
    for rejected in report.rejected:
        err_console.print(
            f"[red]bị từ chối (rejected)[/red] {markup_safe(rejected.name)}: {markup_safe(rejected.reason)}",
            highlight=False,
            soft_wrap=True,
        )
    for name, warning in report.warnings:
        err_console.print(
            f"[yellow]cảnh báo (warning)[/yellow] {markup_safe(name)}: {markup_safe(warning)}",
            highlight=False,
            soft_wrap=True,
        )
    for output in report.renamed:
        err_console.print(
            f"[yellow]trùng tên (name clash)[/yellow] {markup_safe(output.shown)} → {markup_safe(output.ttl_name)}, "
            f"đồ thị (graph) <{markup_safe(output.graph_iri)}>",
            highlight=False,
            soft_wrap=True,
        )
    if report.removed_ttl:
        err_console.print(
            f"đã xoá Turtle cũ không thuộc lần build này (removed Turtle files of earlier builds): "
            f"{markup_safe(', '.join(report.removed_ttl))}",
            highlight=False,
            soft_wrap=True,
        )
    if report.foreign_ttl:
        err_console.print(
            f"[yellow]không nạp (not loaded)[/yellow] tệp .ttl khác trong thư mục Turtle, không do "
            f"policy-graph tạo (other .ttl files in the Turtle folder): {markup_safe(', '.join(report.foreign_ttl))}",
            highlight=False,
            soft_wrap=True,
        )
    if report.removed_leftovers:
        err_console.print(
            f"đã dọn phần còn lại của lần build bị ngắt (removed what interrupted builds left): "
            f"{markup_safe(', '.join(p.name for p in report.removed_leftovers))}",
            highlight=False,
            soft_wrap=True,
        )


# A batch's table has a row per file up to this many files; a larger one (a province's archive, 444 files of
# corpus/real) scrolls past unread, and drawing it took 0.6 s of the real corpus's 9.5 s build.
TABLE_ROWS_MAX = 60


def print_summary(report, store_path: str, ttl_dir: str) -> None:
    if len(report.outputs) <= TABLE_ROWS_MAX:
        print_table(report.outputs)
    else:
        console.print(
            f"{len(report.outputs)} tệp: bảng từng tệp chỉ in khi không quá {TABLE_ROWS_MAX} tệp; xem từng văn bản bằng "
            f"policy-graph query documents (per-file table shown up to {TABLE_ROWS_MAX} files; list the documents "
            "with policy-graph query documents)",
            highlight=False,
            soft_wrap=True,
        )
    print_totals(report, store_path, ttl_dir)


def print_table(outputs) -> None:
    table = Table(title="policy-graph build", show_header=True)
    for column in (
        "tệp (file)",
        "bộ ba (triples)",
        "trích dẫn (citations)",
        "nhiệm vụ (tasks)",
        "chỉ tiêu (indicators)",
        "chú thích (footnotes)",
    ):
        table.add_column(column, justify="left" if column.startswith("tệp") else "right")
    for output in outputs:
        table.add_row(
            plain(output.shown, one_line=True),
            str(output.triples),
            str(output.counts.citations),
            str(output.counts.tasks),
            str(output.counts.indicators),
            str(output.counts.footnotes),
        )
    console.print(table)


def print_totals(report, store_path: str, ttl_dir: str) -> None:
    console.print(
        f"{len(report.outputs)} văn bản (documents), {report.store_triples} bộ ba (distinct triples), "
        f"{report.store_quads} bộ ba do các tệp nêu (triples stated by the files), "
        f"{report.citations} trích dẫn (citations), {report.tasks} nhiệm vụ (tasks), "
        f"{report.indicators} chỉ tiêu (indicators), {len(report.rejected)} tệp bị từ chối (rejected), "
        f"{len(report.skipped)} bỏ qua (skipped) "
        f"— {report.seconds:.1f}s → {ttl_dir}/, {store_path}/",
        highlight=False,
        soft_wrap=True,
    )
    if report.reused:
        console.print(
            "không tệp nào thay đổi: giữ Turtle và kho của lần build trước "
            "(no input changed: the previous build's Turtle files and store were kept; --full rebuilds)",
            highlight=False,
            soft_wrap=True,
        )
    ocr_read = [output.shown for output in report.outputs if output.counts.ocr]
    if ocr_read:
        console.print(
            f"{len(ocr_read)} văn bản đọc bằng OCR, cần đối chiếu với bản gốc "
            f"(documents read by OCR, to check against the original): {markup_safe(', '.join(ocr_read))}",
            highlight=False,
            soft_wrap=True,
        )


@main.command()
@store_option
@click.option("--shapes", default=None, help="SHACL shapes file (default ontology/shapes.ttl).")
def validate(store_path: str, shapes: str | None) -> None:
    """Check the store against the SHACL shapes and print violations readably."""
    from .validate import validate_store

    try:
        result = validate_store(store_path, shapes)
    except FileNotFoundError as err:
        raise click.UsageError(str(err)) from err
    if result.conforms:
        console.print(
            f"[green]Hợp lệ (conforms)[/green]: {result.checked} bộ ba được kiểm tra (triples checked)."
        )
        return
    table = Table(title=f"{len(result.violations)} vi phạm (violations)")
    for column in ("nút (focus node)", "thuộc tính (path)", "thông báo (message)"):
        table.add_column(column, overflow="fold")
    for v in result.violations:
        table.add_row(plain(v.focus), plain(v.path or ""), plain(v.message))
    console.print(table)
    sys.exit(1)


@main.command()
@click.argument("name", required=False)
@click.option(
    "--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "xlsx"]),
    default="table",
    show_default=True,
    help="csv opens with a byte-order mark so Excel reads Vietnamese; xlsx is a workbook.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to this file instead of standard output (required for xlsx on a terminal).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=None,
    help="At most N rows, in the query's order (a page of a long listing).",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    help="Skip the first N rows (with --limit: the next page).",
)
@store_option
@click.option(
    "--list", "list_only", is_flag=True, help="List the queries with their descriptions and parameters."
)
def query(
    name: str | None,
    params: tuple[str, ...],
    fmt: str,
    output: str | None,
    limit: int | None,
    offset: int,
    store_path: str,
    list_only: bool,
) -> None:
    """Run queries/NAME.rq against the store."""
    from . import queries as q
    from .store import open_store

    if list_only or not name:
        print_query_list(q.list_queries())
        return
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param cần dạng KEY=VALUE (expects KEY=VALUE): {item}")
        values[key.strip()] = value.strip()
    try:
        store = open_store(store_path)
        result = q.run_query(store, name, values, limit=limit, offset=offset)
    except (q.QueryError, FileNotFoundError) as err:  # may suggest names read from the graph
        raise click.UsageError(for_terminal(str(err))) from err
    if fmt == "table" and output is None:
        print_result_table(name, result)
    else:
        write_result(result, fmt, output, name)
    if limit and len(result.rows) == limit:
        click.echo(
            f"trang sau (next page): --limit {limit} --offset {offset + limit}",
            err=fmt != "table" or output is not None,
        )


@main.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["nquads", "trig"]),
    default=None,
    help="N-Quads or TriG (default: from the file name, .nq or .trig; else N-Quads).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base of the graph's IRIs.")
def export(store_path: str, fmt: str | None, output: Path | None, base: str) -> None:
    """Write the whole graph (every named graph and the default graph) with a VoID description."""
    from .export import export as run_export
    from .export import format_for
    from .store import open_store

    try:
        store = open_store(store_path)
    except FileNotFoundError as err:
        raise click.UsageError(str(err)) from err
    fmt = format_for(output, fmt)
    if output is None:
        done = run_export(store, sys.stdout.buffer, fmt, base)
        sys.stdout.buffer.flush()
    else:
        tmp = output.with_name(f".{output.name}.tmp")
        with open(tmp, "wb") as sink:
            done = run_export(store, sink, fmt, base)
        tmp.replace(output)  # a reader of the dump never sees half of it
    err_console.print(
        f"{done.quads} bộ bốn, {done.graphs} đồ thị có tên (quads, named graphs) → {output or 'stdout'}",
        highlight=False,
    )


def write_result(result, fmt: str, output: str | None, name: str) -> None:
    from . import queries as q

    if fmt == "xlsx":
        data = q.to_xlsx(result, sheet=name)
    elif fmt == "json":
        data = (q.to_json(result) + "\n").encode("utf-8")
    else:  # csv, and a table written to a file is written as CSV
        data = q.to_csv(result).encode("utf-8")
    if output:
        Path(output).write_bytes(data)
        click.echo(f"{len(result.rows)} dòng (rows) → {output}", err=True)
    elif fmt == "xlsx" and _stdout_is_terminal():
        raise click.UsageError("--format xlsx cần --output FILE.xlsx (xlsx needs --output FILE.xlsx)")
    elif fmt != "json" and _stdout_is_terminal():  # CSV read on the terminal: its controls shown, inert
        click.echo(for_terminal(data.decode("utf-8").replace("\r\n", "\n")), nl=False)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def print_query_list(named_queries) -> None:
    table = Table(title="queries/ — policy-graph query NAME [--param KEY=VALUE]", show_lines=True)
    table.add_column("tên (name)", no_wrap=True)
    table.add_column("mô tả (description)")
    table.add_column("tham số (params)")
    for nq in named_queries:
        params = "\n".join(
            f"{p.name} ({'bắt buộc/required' if p.required else 'tùy chọn/optional'}): {p.description}"
            for p in nq.params
        )
        table.add_row(nq.name, nq.description, params or "—")
    console.print(table)


def print_result_table(name: str, result, base: str = DEFAULT_BASE) -> None:
    """A terminal table; the graph's own IRIs are shown relative to the base to save width."""
    from .queries import term_text

    table = Table(
        title=f"{name}: {len(result.rows)} dòng (rows)",
        show_lines=False,
        caption=f"IRI tương đối với / IRIs relative to {base}/",
    )
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(plain(_short(term_text(row.get(c)), base)) for c in result.columns))
    console.print(table)
    if not result.rows and name == "tasks":
        # A resolution gives its tasks to the plans that carry it out, not to itself.
        console.print(
            "Văn bản này không trực tiếp giao nhiệm vụ; xem cả cây triển khai: "
            "`policy-graph query tree -p doc=…` (no task of its own; the whole tree: query tree)"
        )


def _short(text: str, base: str) -> str:
    return text[len(base) + 1 :] if text.startswith(base + "/") else text


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--timeout",
    "timeout_s",
    default=5.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds a SPARQL query may run before it is stopped.",
)
@click.option(
    "--max-rows",
    default=10000,
    show_default=True,
    type=click.IntRange(1),
    help="Rows a page's look-up may return. SPARQL results are bounded by size instead (32 MiB).",
)
@click.option(
    "--workers",
    default=3,
    show_default=True,
    type=click.IntRange(1, 32),
    help="Query worker processes (each can be stopped on time-out).",
)
@click.option(
    "--worker-memory",
    "worker_memory_mb",
    default=2048,
    show_default=True,
    type=click.IntRange(768),
    help="MiB of address space each query worker may use; a query past it gets a 503 of its own.",
)
@click.option(
    "--max-connections",
    default=256,
    show_default=True,
    type=click.IntRange(8),
    help="Open connections at most; more are refused at once.",
)
@click.option(
    "--cache",
    "cache_mb",
    default=64,
    show_default=True,
    type=click.IntRange(0),
    help="MiB of SPARQL answers kept to answer a repeated query without a worker "
    "(emptied when a build swaps the store or an update runs); 0: no cache.",
)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL UPDATE (needs --update-token).")
@click.option(
    "--update-token",
    envvar="POLICY_GRAPH_UPDATE_TOKEN",
    default=None,
    help="Bearer token required for UPDATE (or POLICY_GRAPH_UPDATE_TOKEN).",
)
@click.option(
    "--raw-dir", default="data/raw", show_default=True, help="Source files, for the source-text view."
)
@click.option("--base", default=DEFAULT_BASE, show_default=True)
@click.option(
    "--public-url",
    default=None,
    help="The URL clients reach the server at (behind a reverse proxy, the proxy's: "
    "https://data.example.vn), advertised in the service description and VoID; "
    "default: the address it listens on. The request's Host header is never used.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    callback=lambda ctx, param, values: _host_names(values),
    help="A name the server is reached by (data.example.vn, or .example.vn for the domain and "
    "every name under it); repeatable. IP addresses, localhost, --host and --public-url's host "
    "are always allowed; a request for any other name is a 421 (against DNS rebinding).",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    callback=lambda ctx, param, values: _networks(values),
    help="Address or network (CIDR) of a reverse proxy in front of the server, whose "
    "X-Forwarded-For names the client for fair turns; repeatable. Without it the header is ignored.",
)
def serve(
    store_path: str,
    host: str,
    port: int,
    timeout_s: float,
    max_rows: int,
    workers: int,
    worker_memory_mb: int,
    max_connections: int,
    cache_mb: int,
    allow_update: bool,
    update_token: str | None,
    raw_dir: str,
    base: str,
    public_url: str | None,
    trusted_proxies: tuple[str, ...],
    allowed_hosts: tuple[str, ...],
) -> None:
    """Serve the SPARQL endpoint, the query UI and linked-data pages."""
    from .server import run_server
    from .store import is_remote, open_store

    if is_remote(store_path):
        raise click.UsageError(
            f"{store_path}: serve cần một thư mục kho dữ liệu; máy chủ SPARQL tự phục vụ "
            f"(serve needs a store folder: a SPARQL server serves its own endpoint)"
        )
    try:
        open_store(store_path)
    except FileNotFoundError as err:
        raise click.UsageError(str(err)) from err
    if allow_update and not update_token:
        raise click.UsageError("--allow-update cần --update-token (needs --update-token)")
    from .server.auth import MIN_TOKEN_CHARS

    if allow_update and len(update_token or "") < MIN_TOKEN_CHARS:  # the guess budget assumes it (auth.py)
        raise click.UsageError(
            f"--update-token cần ít nhất {MIN_TOKEN_CHARS} ký tự ngẫu nhiên (needs at least "
            f"{MIN_TOKEN_CHARS} random characters: python -c 'import secrets; print(secrets.token_urlsafe(24))')"
        )
    if public_url and not public_url.startswith(("http://", "https://")):
        raise click.UsageError(f"--public-url phải là URL http(s) (must be an http(s) URL): {public_url}")
    source = click.get_current_context().get_parameter_source("update_token")
    if update_token and source == click.core.ParameterSource.COMMANDLINE:
        # the command line of a running process is anyone's to read (ps, /proc/PID/cmdline)
        click.echo(
            "Cảnh báo: token trên dòng lệnh hiện trong ps cho mọi người dùng máy này suốt lúc máy chủ "
            "chạy; hãy đặt POLICY_GRAPH_UPDATE_TOKEN (warning: a token given on the command line "
            "shows in ps to every user of this machine while the server runs; set "
            "POLICY_GRAPH_UPDATE_TOKEN instead)",
            err=True,
        )
    run_server(
        store_path,
        host=host,
        port=port,
        timeout_s=timeout_s,
        max_rows=max_rows,
        allow_update=allow_update,
        update_token=update_token,
        base=base,
        raw_dir=raw_dir,
        workers=workers,
        worker_memory_mb=worker_memory_mb,
        max_connections=max_connections,
        trusted_proxies=trusted_proxies,
        cache_mb=cache_mb,
        public_url=public_url,
        allowed_hosts=allowed_hosts,
    )


def _host_names(values: tuple[str, ...]) -> tuple[str, ...]:
    """--allowed-host values checked as names (a URL or a pattern would silently allow nothing)."""
    from .server.hosts import AllowedHosts

    try:
        AllowedHosts(values)
    except ValueError as err:
        raise click.BadParameter(str(err)) from err
    return values


def _networks(values: tuple[str, ...]) -> tuple[str, ...]:
    """--trusted-proxy values checked as IP addresses or networks (a typo must not silently trust no one)."""
    import ipaddress

    for value in values:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError as err:
            raise click.BadParameter(
                f"{value}: không phải địa chỉ IP hay mạng (not an IP address or network)"
            ) from err
    return values


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--misses/--no-misses", default=True, show_default=True, help="List what was missed or wrong.")
@click.option("--doc", "only", default=None, metavar="STEM", help="Evaluate one document (file stem).")
@click.option("--title", default="policy-graph eval", show_default=True, help="Title of the table.")
def eval_command(
    gold_dir: Path, sources: tuple[Path, ...], fmt: str, misses: bool, only: str | None, title: str
) -> None:
    """Score the parser on SOURCES against the gold annotations in GOLD_DIR (matched by file stem).
    A gold file scores only what it annotates: no "tasks" key, no task column for it."""
    from .evaluate import evaluate

    result = evaluate(gold_dir, list(sources), only=only)
    if only is not None and not result.documents:
        raise click.UsageError(
            f"không có văn bản (no document) {only} có cả nguồn và gold (with both source and gold)"
        )
    if fmt == "json":
        click.echo(json.dumps(result.to_json(with_misses=misses), ensure_ascii=False, indent=1))
    else:
        print_evaluation(result, console, with_misses=misses, title=title)


# (metric, column heading); the legend under the table gives the Vietnamese
EVAL_COLUMNS = (
    ("metadata", "meta"),
    ("cited_recall", "cited R"),
    ("cited_precision", "cited P"),
    ("relations", "rel R"),
    ("tasks", "tasks R"),
    ("lead", "lead"),
    ("support", "support"),
    ("indicators", "ind R"),
)
EVAL_LEGEND = (
    "meta: loại, số, ngày, tỉnh (type, number, date, province) · cited: văn bản được dẫn (cited documents) · "
    "rel: quan hệ (relations: implements; amends, replaces, repeals, guides where the gold marks them) · tasks: nhiệm vụ · lead: chủ trì · support: phối hợp · "
    "ind: chỉ tiêu (indicators) · R recall, P precision"
)


def print_evaluation(result, out: Console, with_misses: bool, title: str = "policy-graph eval") -> None:
    out = Console(width=max(out.width, 150)) if not out.is_terminal else out
    table = Table(title=title, caption=EVAL_LEGEND, show_header=True)
    table.add_column("văn bản (document)", no_wrap=True, overflow="ellipsis", max_width=44)
    for _, heading in EVAL_COLUMNS:
        table.add_column(heading, justify="right")
    for doc in result.documents:
        table.add_row(
            markup_safe(doc.stem) + (" [red](lỗi/error)[/red]" if doc.error else ""),
            *(_score_cell(doc.scores[m]) for m, _ in EVAL_COLUMNS),
        )
    table.add_section()
    table.add_row("[bold]tổng (overall)[/bold]", *(_score_cell(result.overall[m]) for m, _ in EVAL_COLUMNS))
    out.print(table)
    for stem in result.unmatched_gold:
        out.print(
            f"[yellow]không có nguồn (no source)[/yellow] cho gold {markup_safe(stem)}", highlight=False
        )
    if not with_misses:
        return
    for doc in result.documents:
        if doc.error:
            out.print(
                f"[red]{markup_safe(doc.stem)}[/red]: {markup_safe(doc.error)}",
                highlight=False,
                soft_wrap=True,
            )
        if doc.misses:
            out.print(
                f"[bold]{markup_safe(doc.stem)}[/bold] — {len(doc.misses)} thiếu/sai (misses)",
                highlight=False,
            )
        for miss in doc.misses:
            # gold and predicted text are the documents' ('[footnoteRef:1]' was read as a style and vanished)
            got = f"  [dim]→ {markup_safe(miss.predicted)}[/dim]" if miss.predicted else ""
            out.print(f"  {miss.kind:<17} {markup_safe(miss.gold)}{got}", highlight=False, soft_wrap=True)


def _score_cell(score) -> str:
    return "—" if score.ratio is None else f"{score.ratio:.2f} {score.right:>3}/{score.total:<3}"


if __name__ == "__main__":
    main()
