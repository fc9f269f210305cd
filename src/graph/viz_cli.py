"""`policy-graph viz …` and `policy-graph stats`: thin commands over graph.viz and graph.analytics.

The lead registers them in cli.py with ``main.add_command(viz)`` and ``main.add_command(stats)``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import click

from . import analytics
from . import viz as views
from .queries import QueryError, resolve_document
from .store import DEFAULT_STORE, open_store
from .terminal import for_terminal

FORMATS = click.Choice(["html", "png", "svg"])
# The examples `make demo` regenerates into viz/ (the README shows chain-29-NQ-TW.png).
EXAMPLE_CHAINS = ("29-NQ/TW", "23-NQ/TW")
EXAMPLE_AGENCIES = ("vn-29",)

store_option = click.option(
    "--store",
    "store_path",
    default=DEFAULT_STORE,
    show_default=True,
    type=click.Path(file_okay=False),
    help="Kho Oxigraph · Oxigraph store",
)


def _open(store_path: str):
    try:
        return open_store(store_path)
    except FileNotFoundError as err:
        raise click.ClickException(str(err)) from err


def _resolve(store, doc: str) -> str:
    try:
        return resolve_document(store, doc).value
    except QueryError as err:
        raise click.ClickException(str(err)) from err


def _output(out: str | None, default_stem: str, fmt: str) -> Path:
    return Path(out) if out else Path(f"{default_stem}.{fmt}")


def file_stem(symbol: str) -> str:
    """'29-NQ/TW' → '29-NQ-TW' (a file name for the document)."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in symbol).strip("-")


@click.group()
def viz() -> None:
    """Vẽ đồ thị · Draw the graph: interactive pages (pyvis, offline) and PNG/SVG images."""


@viz.command()
@click.argument("doc")
@click.option("-o", "--out", help="Tệp ra · output file (default: chain-DOC.FORMAT)")
@click.option("--depth", type=click.IntRange(min=1), help="Số bậc trên/dưới · levels above and below DOC")
@click.option(
    "--with-tasks", is_flag=True, help="Thêm nhiệm vụ và cơ quan chủ trì · add tasks and lead agencies"
)
@click.option("--format", "fmt", type=FORMATS, default="html", show_default=True)
@store_option
def chain(doc: str, out: str | None, depth: int | None, with_tasks: bool, fmt: str, store_path: str) -> None:
    """Chuỗi triển khai của DOC · the implementation chain above and below DOC (29-NQ/TW, IRI …)."""
    store = _open(store_path)
    iri = _resolve(store, doc)
    graph = analytics.document_graph(store)
    view = views.chain_view(graph, iri, depth, analytics.task_graph(store) if with_tasks else None)
    path = views.write(view, _output(out, f"chain-{file_stem(doc)}", fmt), fmt)
    click.echo(f"{path} ({len(view.nodes)} nút · nodes, {len(view.edges)} cạnh · edges)")


@viz.command()
@click.option("--jurisdiction", help="Mã địa bàn · jurisdiction code, e.g. vn-29")
@click.option("-o", "--out", help="Tệp ra · output file (default: agencies-JURISDICTION.FORMAT)")
@click.option("--format", "fmt", type=FORMATS, default="html", show_default=True)
@store_option
def agencies(jurisdiction: str | None, out: str | None, fmt: str, store_path: str) -> None:
    """Cơ quan và nhiệm vụ · agencies with the tasks they lead and support, sized by workload."""
    store = _open(store_path)
    view = views.agencies_view(analytics.document_graph(store), analytics.task_graph(store), jurisdiction)
    path = views.write(view, _output(out, f"agencies-{jurisdiction or 'all'}", fmt), fmt)
    click.echo(f"{path} ({len(view.nodes)} nút · nodes)")


@viz.command()
@click.option("-o", "--out", help="Tệp ra · output file (default: overview.FORMAT)")
@click.option("--format", "fmt", type=FORMATS, default="html", show_default=True)
@store_option
def overview(out: str | None, fmt: str, store_path: str) -> None:
    """Toàn cảnh · every document by jurisdiction and chain level, with filters and clustering."""
    store = _open(store_path)
    view = views.overview_view(analytics.document_graph(store))
    path = views.write(view, _output(out, "overview", fmt), fmt)
    click.echo(f"{path} ({len(view.nodes)} nút · nodes)")


@viz.command()
@click.option("--out", "out_dir", default="viz", show_default=True, type=click.Path(file_okay=False))
@store_option
def examples(out_dir: str, store_path: str) -> None:
    """Tạo lại các ví dụ trong viz/ · regenerate the committed examples (HTML + PNG)."""
    for path, seconds in write_examples(_open(store_path), Path(out_dir)):
        click.echo(f"{path} ({seconds:.2f} s)")


def write_examples(store, out_dir: Path) -> list[tuple[Path, float]]:
    """chain-29-NQ-TW, chain-23-NQ-TW and agencies-vn-29, each as .html and .png."""
    graph = analytics.document_graph(store)
    tasks = analytics.task_graph(store)
    jobs = [
        (f"chain-{file_stem(s)}", lambda s=s: views.chain_view(graph, resolve_document(store, s).value))
        for s in EXAMPLE_CHAINS
    ]
    jobs += [(f"agencies-{j}", lambda j=j: views.agencies_view(graph, tasks, j)) for j in EXAMPLE_AGENCIES]
    written = []
    for stem, make in jobs:
        view = make()
        for fmt in ("html", "png"):
            started = time.perf_counter()
            path = views.write(view, out_dir / f"{stem}.{fmt}", fmt)
            written.append((path, time.perf_counter() - started))
    return written


# ------------------------------------------------------------ stats


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--jurisdiction", help="Chỉ một địa bàn · only this jurisdiction (vn-29)")
@click.option("--compare", help="Hai địa bàn cần so sánh · provinces to compare: vn-27,vn-29")
@click.option("--doc", help="Văn bản được so sánh · the document they implement (29-NQ/TW)")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Ngày tính quá hạn · date for overdue (default: today)",
)
@click.option(
    "--top", default=10, show_default=True, help="Số văn bản được trích dẫn nhiều nhất · most-cited rows"
)
@store_option
def stats(
    fmt: str,
    jurisdiction: str | None,
    compare: str | None,
    doc: str | None,
    today: dt.datetime | None,
    top: int,
    store_path: str,
) -> None:
    """Phân tích đồ thị · graph analytics: chain depth, missing parents, unimplemented resolutions,
    agency workload, most cited documents, and a comparison of two provinces."""
    if bool(compare) != bool(doc):
        raise click.UsageError("--compare và --doc đi cùng nhau · --compare needs --doc (and the other way)")
    store = _open(store_path)
    comparison = (
        (_resolve(store, doc), [c.strip() for c in compare.split(",") if c.strip()])
        if compare and doc
        else None
    )
    report = analytics.stats_report(store, today.date() if today else None, jurisdiction, comparison, top)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(for_terminal(format_report(report)))  # titles and labels are the documents' text


def _table(title: str, headers: list[str], rows: list[list]) -> str:
    # labels come from documents: a control character is shown escaped, never sent to the terminal
    cells = [[for_terminal(str(c), one_line=True) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=False)).rstrip()  # noqa: E731
    body = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join([f"\n## {title}", *(body if rows else ["(không có · none)"])])


def format_report(report: dict) -> str:
    parts = [
        f"Văn bản · documents: {report['documents']} (đã nạp · ingested {report['ingested']}), "
        f"quan hệ · relations: {report['relations']}, ngày · today: {report['today']}"
    ]
    parts.append(
        _table(
            "Độ sâu chuỗi triển khai · Chain depth",
            ["văn bản gốc · top", "depth", "docs", "ingested"],
            [[r["label"], r["depth"], r["documents"], r["ingested"]] for r in report["chains"]],
        )
    )
    parts.append(
        _table(
            "Văn bản cấp trên chưa nạp · Parents cited but not ingested",
            ["văn bản · document", "thực hiện bởi · implemented by"],
            [[r["label"], "; ".join(r["implemented_by"])] for r in report["missing_parents"]],
        )
    )
    for code, rows in report["unimplemented"].items():
        parts.append(
            _table(
                f"Nghị quyết chưa có văn bản triển khai ở {code} · Resolutions not implemented in {code}",
                ["nghị quyết · resolution", "ngày · date", "triển khai ở · implemented in"],
                [[r["label"], r["date"] or "—", ", ".join(r["implemented_in"]) or "—"] for r in rows],
            )
        )
    parts.append(
        _table(
            "Khối lượng nhiệm vụ · Agency workload",
            ["cơ quan · agency", "địa bàn", "chủ trì · led", "phối hợp · supported", "quá hạn · overdue"],
            [
                [w["label"], w["jurisdiction"], w["led"], w["supported"], w["overdue"]]
                for w in report["workload"]
            ],
        )
    )
    parts.append(
        _table(
            "Được trích dẫn nhiều nhất · Most cited",
            ["văn bản · document", "cited by", "implemented by", "PageRank"],
            [[r["label"], r["cited_by"], r["implemented_by"], r["pagerank"]] for r in report["most_cited"]],
        )
    )
    if "compare" in report:
        cmp = report["compare"]
        rows = [
            [
                p["jurisdiction_label"],
                "; ".join(f"{d['label']} (cấp {d['level']})" for d in p["documents"]),
                p["first_date"] or "—",
                p["days_after"] if p["days_after"] is not None else "—",
                p["tasks"],
                len(p["lead_agencies"]),
            ]
            for p in cmp["provinces"]
        ]
        parts.append(
            _table(
                f"So sánh triển khai · How provinces implement {cmp['label']}",
                [
                    "địa bàn",
                    "văn bản (cấp) · documents (level)",
                    "đầu tiên · first",
                    "ngày sau · days after",
                    "nhiệm vụ · tasks",
                    "cơ quan chủ trì · lead bodies",
                ],
                rows,
            )
        )
        for p in cmp["provinces"]:
            for d in p["documents"]:
                parts.append(f"  {p['jurisdiction']}: {' → '.join(d['route'])}")
        shared = cmp["provinces"][0]["shared_lead_agencies"] if cmp["provinces"] else []
        parts.append(f"  Cơ quan chủ trì chung · lead bodies in both: {', '.join(shared) or '—'}")
    return "\n".join(parts)
