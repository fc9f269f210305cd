"""Pictures of the graph: interactive pyvis pages and static matplotlib images.

Three views, each built from the store through ``analytics`` (SPARQL → networkx):

- ``chain_view``: the documents above and below one document (29-NQ/TW → 28-CTr/TU → Kế hoạch …),
  top-down by implementation level, one column band per jurisdiction (Trung ương in the middle);
- ``agencies_view``: plans, their tasks and the agencies that lead (chủ trì) or support (phối hợp)
  them, agencies sized by workload;
- ``overview_view``: every document, by jurisdiction and chain level, unlinked documents in a grid
  by type, with filters and clustering.

Positions are computed here (levels × bands) and physics is off, so a page with 1,500
nodes opens at once.  Pages work offline: vis-network's JS and CSS are inlined from
pyvis's own package files and no http(s) resource is loaded.  All document text goes
into the page as JSON with ``<``, ``>`` and ``&`` escaped, tooltips are plain text
(vis-network shows string titles with ``innerText``), and the template autoescapes.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from pyvis.network import Network

from . import analytics

PYVIS_LIB = Path(__import__("pyvis").__path__[0]) / "lib" / "vis-9.1.2"
TEMPLATE_DIR = Path(__file__).parent / "templates"

# Shape (vis-network name, matplotlib marker) and colour by document type.
TYPE_STYLE = {
    "nq": ("diamond", "D", "#c0392b"),
    "ctr": ("triangle", "^", "#d35400"),
    "kh": ("dot", "o", "#1f77b4"),
    "qd": ("square", "s", "#2e8b57"),
    "qdi": ("square", "s", "#17a589"),
    "ct": ("star", "*", "#8e44ad"),
    "kl": ("hexagon", "h", "#7d6608"),
    "tb": ("triangleDown", "v", "#5d6d7e"),
    "da": ("hexagon", "h", "#b9770e"),
    "luat": ("square", "s", "#34495e"),
    "nd": ("square", "s", "#2c3e50"),
    "tt": ("square", "s", "#566573"),
}
OTHER_STYLE = ("dot", "o", "#7f8c8d")
SHAPE_GLYPH = {
    "diamond": "◆",
    "triangle": "▲",
    "dot": "●",
    "square": "■",
    "star": "★",
    "hexagon": "⬢",
    "triangleDown": "▼",
}
RELATION_LABELS = {
    "implements": "thực hiện · implements",
    "based-on": "căn cứ · based-on",
    "cites": "trích dẫn · cites",
    "attached-to": "kèm theo · attached-to",
    "amends": "sửa đổi · amends",
    "replaces": "thay thế · replaces",
    "repeals": "bãi bỏ · repeals",
}
RELATION_COLOURS = {"implements": "#2c3e50", "based-on": "#7f8c8d", "cites": "#b3b6b7"}
ROLE_STYLE = {
    "lead": ("chủ trì · lead", "#2c3e50", False),
    "support": ("phối hợp · support", "#aab7b8", True),
}
TASK_COLOUR = "#f4d03f"
AGENCY_COLOUR = "#48c9b0"
DOC_PALETTE = ("#f4d03f", "#af7ac5", "#5dade2", "#eb984e", "#58d68d", "#ec7063")
BAND_FILLS = ("#fdf2e9", "#eaf2f8", "#e9f7ef", "#f5eef8", "#fef9e7", "#f2f3f4")

# Cell sizes (px) of the layout grid, by kind of node, and how many per row before wrapping.
CELL = {"document": (280, 170), "task": (40, 40), "agency": (200, 130)}
MAX_PER_ROW = {"document": 6, "task": 4, "agency": 4}
LABEL_WIDTH = {"document": 26, "agency": 24, "task": 8}


@dataclass
class VNode:
    id: str
    label: str
    title: str  # plain-text tooltip
    kind: str  # document | task | agency
    shape: str
    marker: str
    colour: str
    filled: bool = True
    size: float = 16.0
    band: str = ""
    level: int = 0
    x: float = 0.0
    y: float = 0.0
    group: str = ""  # jurisdiction code, for filters and clustering
    type: str = ""  # document type slug or the node kind


@dataclass
class VEdge:
    source: str
    target: str
    label: str
    title: str
    relation: str
    colour: str = "#2c3e50"
    dashes: bool = False
    width: float = 1.5
    bend: int = 0  # 0 straight; +1 / -1 bowed to one side or the other (see bend_blocked_edges)


@dataclass
class Band:
    key: str
    label: str
    x0: float = 0.0
    x1: float = 0.0


@dataclass
class View:
    """A laid-out picture, independent of the renderer (pyvis page or matplotlib image)."""

    title: str
    nodes: list[VNode] = field(default_factory=list)
    edges: list[VEdge] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    legend: list[tuple[str, str, str]] = field(default_factory=list)  # (glyph, colour, text)
    hidden_relations: tuple[str, ...] = ()  # relation kinds hidden until the reader ticks them
    draw_bands: bool = True

    def node(self, node_id: str) -> VNode:
        return next(n for n in self.nodes if n.id == node_id)


# ------------------------------------------------------------ text


def wrap(text: str, width: int) -> str:
    """Break a label into lines of at most ``width`` characters (vis and matplotlib both honour \\n)."""
    return "\n".join(textwrap.wrap(" ".join(text.split()), width=width, break_long_words=True)) or text


def shorten(text: str | None, limit: int = 280) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def vn_date(iso: str | None) -> str:
    """'2024-11-06' → '06/11/2024' (the way documents print dates)."""
    if not iso:
        return "—"
    y, m, d = iso[:10].split("-")
    return f"{d}/{m}/{y}"


def document_tooltip(data: dict, sentences: list[str], iri: str) -> str:
    lines = [
        data["label"],
        f"Số / Number: {data['number'] or '(chưa có số / unnumbered)'}",
        f"Ngày / Date: {vn_date(data['date'])}",
        f"Cơ quan ban hành / Issuer: {data['issuer'] or '—'}",
        f"Trích yếu / Title: {shorten(data['title'], 200) or '—'}",
        f"Địa bàn / Jurisdiction: {data['jurisdiction_label'] or '—'}",
        "Đã nạp văn bản / Ingested text"
        if data["ingested"]
        else "Chỉ biết qua trích dẫn / Known by citation only",
    ]
    lines += [f"Câu nguồn / Source: “{shorten(s, 240)}”" for s in sentences[:2]]
    lines.append(iri)
    return "\n".join(lines)


# ------------------------------------------------------------ styling


def document_node(graph: nx.DiGraph, iri: str, sentences: list[str], band: str, level: int) -> VNode:
    data = graph.nodes[iri]
    shape, marker, colour = TYPE_STYLE.get(data["type"], OTHER_STYLE)
    return VNode(
        iri,
        wrap(data["label"], LABEL_WIDTH["document"]),
        document_tooltip(data, sentences, iri),
        "document",
        shape,
        marker,
        colour,
        filled=data["ingested"],
        size=18 if level == 0 else 15,
        band=band,
        level=level,
        group=data["jurisdiction"],
        type=data["type"] or "other",
    )


def relation_edge(graph: nx.DiGraph, source: str, target: str, labelled: bool = True) -> VEdge:
    data = graph.edges[source, target]
    relation = data["relation"]
    kinds = ", ".join(RELATION_LABELS.get(k, k) for k in data["kinds"])
    quotes = [f"“{shorten(q, 240)}”" for q in dict.fromkeys(data["evidence"].values())]
    title = "\n".join([f"{graph.nodes[source]['label']} → {graph.nodes[target]['label']}", kinds, *quotes])
    return VEdge(
        source,
        target,
        RELATION_LABELS.get(relation, relation) if labelled else "",
        title,
        relation,
        colour=RELATION_COLOURS.get(relation, "#7f8c8d"),
        dashes=relation != "implements",
        width=2.0 if relation == "implements" else 1.0,
    )


def type_legend(types: set[str]) -> list[tuple[str, str, str]]:
    from .patterns.documents import DOC_TYPES

    entries = []
    for t in DOC_TYPES:
        if t.slug in types:
            shape, _, colour = TYPE_STYLE.get(t.slug, OTHER_STYLE)
            entries.append((SHAPE_GLYPH[shape], colour, f"{t.label_vi} · {t.label_en}"))
    entries.append(("○", "#555555", "rỗng: chỉ biết qua trích dẫn · hollow: known by citation only"))
    return entries


def node_sentences(graph: nx.DiGraph, node: str, members) -> list[str]:
    """Source sentences for a document: what it says it implements, else how others cite it."""
    own = [q for _, t, ev in graph.out_edges(node, data="evidence") if t in members for q in ev.values()]
    cited = [q for s, _, ev in graph.in_edges(node, data="evidence") if s in members for q in ev.values()]
    found = list(dict.fromkeys(sorted(own) + sorted(cited)))
    return found or ([graph.nodes[node]["quote"]] if graph.nodes[node]["quote"] else [])


# ------------------------------------------------------------ layout


def order_bands(codes: set[str]) -> list[str]:
    """Central in the middle, provinces split either side, so the top resolution sits centre-top."""
    provinces = sorted(c for c in codes if c != analytics.CENTRAL)
    half = (len(provinces) + 1) // 2
    middle = [analytics.CENTRAL] if analytics.CENTRAL in codes else []
    return provinces[:half] + middle + provinces[half:]


def layout(view: View, band_order: list[str], band_labels: dict[str, str], neighbours) -> None:
    """Place nodes on a grid: rows are levels (top-down), columns are bands.

    Within one band and level, nodes are ordered by the mean x of their already placed
    neighbours (``neighbours(node_id)``), which keeps children under their parents and
    edges short.  A row wraps after MAX_PER_ROW[kind] nodes.  A node whose band is ""
    spans the whole width (the agencies row of the agencies view).
    """
    cells: dict[tuple[int, str], list[VNode]] = defaultdict(list)
    for node in view.nodes:
        cells[(node.level, node.band)].append(node)

    def cell_shape(members: list[VNode]) -> tuple[int, int, float, float]:
        kind = members[0].kind
        cols = min(len(members), MAX_PER_ROW.get(kind, 6))
        rows = math.ceil(len(members) / cols)
        w, h = CELL[kind]
        return cols, rows, cols * w, rows * h

    widths = {
        b: max([cell_shape(m)[2] for (lv, bb), m in cells.items() if bb == b] or [CELL["document"][0]])
        for b in band_order
    }
    x = 0.0
    for key in band_order:
        view.bands.append(Band(key, band_labels.get(key, key), x, x + widths[key] + 40))
        x += widths[key] + 40
    total = x
    band_x = {b.key: b for b in view.bands}
    y = 0.0
    placed: dict[str, float] = {}
    for level in sorted({lv for lv, _ in cells}):
        level_height = 0.0
        for key in [*band_order, ""]:
            members = cells.get((level, key))
            if not members:
                continue
            members.sort(key=lambda n: (_barycentre(neighbours(n.id), placed), n.label, n.id))
            cols, _rows, width, height = cell_shape(members)
            w, h = CELL[members[0].kind]
            x0 = (band_x[key].x0 + band_x[key].x1 - width) / 2 if key else (total - width) / 2
            for i, node in enumerate(members):
                node.x = x0 + (i % cols + 0.5) * w
                node.y = y + (i // cols) * h
                placed[node.id] = node.x
            level_height = max(level_height, height)
        y += level_height + 30


def _barycentre(neighbour_ids, placed: dict[str, float]) -> float:
    xs = [placed[n] for n in neighbour_ids if n in placed]
    return sum(xs) / len(xs) if xs else 0.0


def bend_blocked_edges(view: View, clearance: float = 80.0) -> None:
    """An edge whose straight line runs through another document (and its label) is bowed away from it.

    The bulge side is the perpendicular (-dy, dx) (bend +1) or its opposite (bend -1), whichever
    points away from the nearest blocking node.
    """
    where = {n.id: n for n in view.nodes if n.kind == "document"}
    for edge in view.edges:
        a, b = where.get(edge.source), where.get(edge.target)
        if a is None or b is None:
            continue
        blockers = [
            n
            for n in where.values()
            if n is not a and n is not b and _distance_to_segment(n.x, n.y + 20, a, b) < clearance
        ]
        if not blockers:
            continue
        nearest = min(blockers, key=lambda n: _distance_to_segment(n.x, n.y + 20, a, b))
        dx, dy = b.x - a.x, b.y - a.y
        mx, my = (a.x + b.x) / 2, (a.y + b.y) / 2
        edge.bend = -1 if (nearest.x - mx) * -dy + (nearest.y - my) * dx > 0 else 1


def _distance_to_segment(px: float, py: float, a: VNode, b: VNode) -> float:
    dx, dy = b.x - a.x, b.y - a.y
    length2 = dx * dx + dy * dy or 1.0
    t = max(0.0, min(1.0, ((px - a.x) * dx + (py - a.y) * dy) / length2))
    return math.hypot(px - (a.x + t * dx), py - (a.y + t * dy))


def jurisdiction_labels(graph: nx.DiGraph) -> dict[str, str]:
    labels = {}
    for _, data in graph.nodes(data=True):
        code = data["jurisdiction"]
        if code and code not in labels:
            suffix = "" if code == analytics.CENTRAL else f" ({code.upper()})"
            labels[code] = (data["jurisdiction_label"] or code) + suffix
    return labels


# ------------------------------------------------------------ views


def chain_view(
    graph: nx.DiGraph, doc: str, depth: int | None = None, tasks: nx.DiGraph | None = None
) -> View:
    """Every document above and below ``doc`` by implementation, with their relations.

    With ``tasks`` (a ``analytics.task_graph``), each ingested document's tasks hang
    below it and link to their lead agencies.
    """
    chain = analytics.chain_graph(graph, doc, depth)
    top = [n for n in chain if chain.nodes[n]["level"] == 0]
    view = View(title=f"Chuỗi triển khai · Implementation chain: {graph.nodes[doc]['label']}")
    for node in chain:
        data = chain.nodes[node]
        view.nodes.append(
            document_node(
                chain, node, node_sentences(chain, node, chain), data["jurisdiction"], data["level"]
            )
        )
    view.edges = [relation_edge(chain, u, v) for u, v in chain.edges]
    if tasks is not None:
        _add_tasks(view, chain, tasks)
    labels = jurisdiction_labels(graph)
    layout(view, order_bands({n.band for n in view.nodes}), labels, _neighbours(view))
    bend_blocked_edges(view)
    view.legend = type_legend({chain.nodes[n]["type"] for n in chain}) + _relation_legend(view)
    view.title += f" — {len(chain)} văn bản / documents, gốc / top: " + ", ".join(
        chain.nodes[t]["label"] for t in sorted(top)
    )
    return view


def _relation_legend(view: View) -> list[tuple[str, str, str]]:
    present = dict.fromkeys(e.relation for e in view.edges)
    out = []
    for relation in present:
        if relation in RELATION_LABELS:
            out.append(
                (
                    "━" if relation == "implements" else "┅",
                    RELATION_COLOURS.get(relation, "#7f8c8d"),
                    RELATION_LABELS[relation],
                )
            )
        elif relation in ROLE_STYLE:
            label, colour, dashed = ROLE_STYLE[relation]
            out.append(("┅" if dashed else "━", colour, label))
    return out


def _neighbours(view: View):
    adjacent: dict[str, list[str]] = defaultdict(list)
    for edge in view.edges:
        adjacent[edge.source].append(edge.target)
        adjacent[edge.target].append(edge.source)
    return lambda node_id: adjacent.get(node_id, [])


def _task_node(tasks: nx.DiGraph, task: str, band: str, level: int) -> VNode:
    data = tasks.nodes[task]
    roles = [
        f"{'Chủ trì / Lead' if r == 'lead' else 'Phối hợp / Support'}: {tasks.nodes[a]['label']}"
        for _, a, r in sorted(tasks.out_edges(task, data="role"), key=lambda e: (e[2], e[1]))
    ]
    title = "\n".join(
        [
            f"Nhiệm vụ / Task {data['label']}",
            shorten(data["text"], 400),
            f"Thời hạn / Deadline: {data['deadline'] or '—'}"
            + (f" (hạn cuối / due {vn_date(data['due'])})" if data["due"] else ""),
            *roles,
            task,
        ]
    )
    return VNode(
        task,
        wrap(data["label"], LABEL_WIDTH["task"]),
        title,
        "task",
        "dot",
        "o",
        TASK_COLOUR,
        size=6,
        band=band,
        level=level,
        group=band,
        type="task",
    )


def _agency_node(
    tasks: nx.DiGraph, agency: str, load: analytics.Workload | None, band: str, level: int
) -> VNode:
    data = tasks.nodes[agency]
    led, supported, overdue = (load.led, load.supported, load.overdue) if load else (0, 0, 0)
    title = "\n".join(
        [
            data["label"],
            f"Chủ trì / Leads: {led} · Phối hợp / Supports: {supported}",
            f"Quá hạn (chủ trì) / Overdue (led): {overdue}",
            agency,
        ]
    )
    label = wrap(f"{data['label']} ({led}+{supported})", LABEL_WIDTH["agency"])
    return VNode(
        agency,
        label,
        title,
        "agency",
        "dot",
        "o",
        AGENCY_COLOUR,
        size=8 + 3 * math.sqrt(led + supported),
        band=band,
        level=level,
        group=data["jurisdiction"],
        type="agency",
    )


def _add_tasks(view: View, chain: nx.DiGraph, tasks: nx.DiGraph) -> None:
    """Tasks of the chain's documents one level below the deepest document, agencies below them."""
    task_level = max(n.level for n in view.nodes) + 1
    loads = {w.agency: w for w in analytics.agency_workload(tasks)}
    agencies = set()
    for task, data in tasks.nodes(data=True):
        if data["kind"] == "task" and data["doc"] in chain:
            band = chain.nodes[data["doc"]]["jurisdiction"]
            view.nodes.append(_task_node(tasks, task, band, task_level))
            view.edges.append(
                VEdge(
                    task,
                    data["doc"],
                    "",
                    f"Nhiệm vụ của / Task of {chain.nodes[data['doc']]['label']}",
                    "task-of",
                    colour="#d4ac0d",
                    width=0.6,
                )
            )
            for _, agency, role in tasks.out_edges(task, data="role"):
                if role == "lead":
                    agencies.add(agency)
                    view.edges.append(
                        VEdge(task, agency, "", "chủ trì · lead", "lead", colour="#2c3e50", width=0.6)
                    )
    for agency in sorted(agencies):
        band = tasks.nodes[agency]["jurisdiction"] or analytics.CENTRAL
        view.nodes.append(_agency_node(tasks, agency, loads.get(agency), band, task_level + 1))


def agencies_view(
    graph: nx.DiGraph, tasks: nx.DiGraph, jurisdiction: str | None = None, per_shelf: int = 8
) -> View:
    """Each agency with the tasks it leads stacked under it, heaviest workload first.

    Agencies sit on shelves of ``per_shelf`` columns; a column's height is the number of
    tasks the agency leads (chủ trì), its node is sized by led + supported tasks.  Tasks
    are coloured by document; their support (phối hợp) edges are hidden until ticked.
    """
    loads = [w for w in analytics.agency_workload(tasks, jurisdiction=jurisdiction) if w.total]
    place = (
        jurisdiction_labels(graph).get(jurisdiction, jurisdiction) if jurisdiction else "mọi địa bàn / all"
    )
    view = View(
        title=f"Cơ quan và nhiệm vụ · Agencies and their tasks — {place}",
        hidden_relations=("support",),
        draw_bands=False,
    )
    docs = sorted(
        {
            d["doc"]
            for _, d in tasks.nodes(data=True)
            if d["kind"] == "task"
            and (not jurisdiction or graph.nodes[d["doc"]]["jurisdiction"] == jurisdiction)
        },
        key=lambda d: (graph.nodes[d]["jurisdiction"], graph.nodes[d]["label"]),
    )
    doc_colour = {d: DOC_PALETTE[i % len(DOC_PALETTE)] for i, d in enumerate(docs)}
    column_of = {}
    for i, load in enumerate(loads):
        band, level = f"col-{i % per_shelf}", 2 * (i // per_shelf)
        column_of[load.agency] = (band, level)
        view.nodes.append(_agency_node(tasks, load.agency, load, band, level))
    for task, data in sorted(tasks.nodes(data=True), key=lambda td: _task_order(td[0])):
        if data["kind"] != "task" or data["doc"] not in doc_colour:
            continue
        leads = sorted(a for _, a, r in tasks.out_edges(task, data="role") if r == "lead")
        if not leads:
            continue
        band, level = column_of[leads[0]]
        node = _task_node(tasks, task, band, level + 1)
        node.colour = doc_colour[data["doc"]]
        node.group = graph.nodes[data["doc"]]["jurisdiction"]
        node.title = graph.nodes[data["doc"]]["label"] + "\n" + node.title
        view.nodes.append(node)
        for _, agency, role in tasks.out_edges(task, data="role"):
            if agency in column_of:
                label, colour, dashed = ROLE_STYLE[role]
                view.edges.append(
                    VEdge(
                        agency,
                        task,
                        "",
                        label,
                        role,
                        colour=colour,
                        dashes=dashed,
                        width=0.8 if role == "lead" else 0.5,
                    )
                )
    layout(view, [f"col-{i}" for i in range(min(per_shelf, len(loads)))], {}, _neighbours(view))
    unled = sum(
        1
        for _, d in tasks.nodes(data=True)
        if d["kind"] == "task"
        and d["doc"] in doc_colour
        and not any(r == "lead" for _, _, r in tasks.out_edges(_, data="role"))
    )
    view.legend = [
        (
            "●",
            AGENCY_COLOUR,
            "cơ quan (chủ trì+phối hợp), cỡ theo khối lượng · agency (led+supported), sized by workload",
        ),
        *[("●", doc_colour[d], f"nhiệm vụ của · tasks of {graph.nodes[d]['label']}") for d in docs],
        ("━", ROLE_STYLE["lead"][1], "chủ trì · lead (nhiệm vụ xếp dưới cơ quan · tasks stacked under it)"),
        (
            "┅",
            ROLE_STYLE["support"][1],
            "phối hợp · support (ẩn, bật trên trang · hidden, tick it on the page)",
        ),
    ]
    if unled:
        view.legend.append(
            ("·", "#888888", f"{unled} nhiệm vụ không rõ cơ quan chủ trì · tasks with no lead agency")
        )
    return view


def _task_order(task_iri: str) -> tuple[str, int]:
    doc, _, n = task_iri.rpartition("/task/")
    return doc, int(n) if n.isdigit() else 0


def overview_view(
    graph: nx.DiGraph, relations: tuple[str, ...] = ("implements", "based-on", "cites")
) -> View:
    """Every document: one band per jurisdiction, rows by chain level; documents outside any
    implementation chain sit in a grid below, grouped by type.  Citation edges start hidden."""
    impl = analytics.implements_graph(graph)
    linked = [n for n in impl if impl.degree(n)]
    levels = analytics.chain_levels(impl.subgraph(linked)) if linked else {}
    loose_level = max(levels.values(), default=-1) + 1
    view = View(
        title=f"Toàn cảnh · Overview — {graph.number_of_nodes()} văn bản / documents",
        hidden_relations=("cites",),
    )
    for node, data in sorted(graph.nodes(data=True), key=lambda nd: (nd[1]["type"], nd[1]["label"])):
        level = levels.get(node, loose_level)
        view.nodes.append(
            document_node(
                graph,
                node,
                node_sentences(graph, node, graph),
                data["jurisdiction"] or analytics.CENTRAL,
                level,
            )
        )
    view.edges = [
        relation_edge(graph, u, v, labelled=False)
        for u, v, r in graph.edges(data="relation")
        if r in relations
    ]
    layout(view, order_bands({n.band for n in view.nodes}), jurisdiction_labels(graph), _neighbours(view))
    view.legend = type_legend({d for _, d in graph.nodes(data="type")}) + _relation_legend(view)
    return view


# ------------------------------------------------------------ pyvis page


def to_network(view: View) -> Network:
    """The view as a pyvis Network: fixed positions, physics off."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for n in view.nodes:
        colour = {
            "background": n.colour if n.filled else "#ffffff",
            "border": n.colour,
            "highlight": {"background": n.colour, "border": "#000000"},
        }
        net.add_node(
            n.id,
            label=n.label,
            title=n.title,
            shape=n.shape,
            color=colour,
            size=n.size,
            x=round(n.x, 1),
            y=round(n.y, 1),
            physics=False,
            borderWidth=2 if n.kind == "document" else 1,
            font={
                "size": 14 if n.kind == "document" else 11,
                "face": "DejaVu Sans, Arial, sans-serif",
                "background": "rgba(255,255,255,0.85)",
            },
            group_j=n.group,
            doc_type=n.type,
            kind=n.kind,
        )
    for e in view.edges:
        net.add_edge(
            e.source,
            e.target,
            label=e.label,
            title=e.title,
            color=e.colour,
            dashes=e.dashes,
            width=e.width,
            relation=e.relation,
            hidden=e.relation in view.hidden_relations,
            smooth={"enabled": True, "type": "curvedCCW" if e.bend > 0 else "curvedCW", "roundness": 0.2}
            if e.bend
            else False,
            font={"size": 11, "align": "horizontal", "background": "#ffffff", "strokeWidth": 0},
        )
    net.toggle_physics(False)
    return net


VIS_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "multiselect": True, "navigationButtons": False},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
    "layout": {"improvedLayout": False},
}


def script_json(value) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' survives, so '</script>' in a title cannot end the block."""
    text = json.dumps(value, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_html(view: View) -> str:
    net = to_network(view)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True)
    template = env.get_template("viz.html")
    groups = sorted({n.group for n in view.nodes if n.group})
    types = sorted({n.type for n in view.nodes if n.kind == "document"})
    relations = sorted({e.relation for e in view.edges})
    return template.render(
        title=view.title,
        legend=view.legend,
        documents=sorted((n for n in view.nodes if n.kind == "document"), key=lambda n: (n.level, n.x)),
        groups=groups,
        types=types,
        relations=relations,
        hidden_relations=view.hidden_relations,
        vis_js=_markup("vis-network.min.js"),
        vis_css=_markup("vis-network.css"),
        # sorted so that a rebuild of the same graph writes the same file
        nodes_json=_safe(script_json(sorted(net.nodes, key=lambda n: n["id"]))),
        edges_json=_safe(
            script_json(sorted(net.edges, key=lambda e: (e["from"], e["to"], e.get("relation", ""))))
        ),
        bands_json=_safe(
            script_json(
                [{"x0": b.x0, "x1": b.x1, "label": b.label} for b in view.bands] if view.draw_bands else []
            )
        ),
        options_json=_safe(script_json(VIS_OPTIONS)),
    )


def _asset(name: str) -> str:
    text = (PYVIS_LIB / name).read_text(encoding="utf-8")
    # The bundle must not close our <script>/<style> element early.
    assert "</script" not in text.lower() and "</style" not in text.lower()
    return text


def _safe(text: str):
    from markupsafe import Markup

    return Markup(text)


def _markup(name: str):
    return _safe(_asset(name))


def write_html(view: View, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(view), encoding="utf-8")
    return path


# ------------------------------------------------------------ static image


def write_image(view: View, path: str | Path, fmt: str | None = None) -> Path:
    """The same positions drawn with matplotlib (no browser, no graphviz); DejaVu Sans renders Vietnamese."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, Rectangle

    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".") or "png"
    xs = [n.x for n in view.nodes] + [b.x0 for b in view.bands] + [b.x1 for b in view.bands]
    ys = [n.y for n in view.nodes]
    x0, x1 = min(xs) - 60, max(xs) + 60
    y0, y1 = min(ys) - 150, max(ys) + 110
    legend_h = 30 + 22 * len(view.legend)
    width_px, height_px = x1 - x0, y1 - y0 + legend_h
    dpi = 100
    fig = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y1 + legend_h, y0)  # y grows downwards, as on the page
    ax.axis("off")
    font: dict[str, Any] = {"family": "DejaVu Sans"}
    # 13 pt bold DejaVu Sans averages about 12 px a character at 100 dpi
    ax.text(
        x0 + 20,
        y0 + 10,
        wrap(view.title, max(40, int(width_px / 12))),
        fontsize=13,
        fontweight="bold",
        va="top",
        **font,
    )
    for i, band in enumerate(view.bands if view.draw_bands else []):
        ax.add_patch(
            Rectangle(
                (band.x0 + 5, y0 + 60),
                band.x1 - band.x0 - 10,
                y1 - y0 - 70,
                facecolor=BAND_FILLS[i % len(BAND_FILLS)],
                edgecolor="none",
                zorder=0,
            )
        )
        ax.text(
            (band.x0 + band.x1) / 2,
            y0 + 70,
            band.label,
            ha="center",
            va="top",
            fontsize=11,
            fontweight="bold",
            color="#444444",
            zorder=1,
            **font,
        )
    where = {n.id: n for n in view.nodes}
    # drawn in a fixed order, as write_html sorts them: the view's order follows the store's answer
    # order, which differs between two builds of the same graph, and overlapping marks then differ
    for e in sorted(view.edges, key=lambda e: (e.source, e.target, e.relation)):
        if e.relation in view.hidden_relations:
            continue
        a, b = where[e.source], where[e.target]
        style = f"arc3,rad={0.2 * e.bend}"
        ax.add_patch(
            FancyArrowPatch(
                (a.x, a.y),
                (b.x, b.y),
                connectionstyle=style,
                arrowstyle="-|>",
                mutation_scale=10,
                linewidth=e.width * 0.8,
                color=e.colour,
                linestyle=(0, (4, 3)) if e.dashes else "-",
                shrinkA=b.size * 0.9,
                shrinkB=b.size * 0.9,
                zorder=2,
                alpha=0.9,
            )
        )
        if e.label:
            mx, my = _label_point(a, b, e.bend)
            ax.text(
                mx,
                my,
                e.label,
                ha="center",
                va="center",
                fontsize=7.5,
                color="#333333",
                zorder=3,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
                **font,
            )
    for n in sorted(view.nodes, key=lambda n: n.id):
        ax.scatter(
            [n.x],
            [n.y],
            s=(n.size * 1.25) ** 2,
            marker=n.marker,
            zorder=4,
            facecolors=n.colour if n.filled else "white",
            edgecolors=n.colour,
            linewidths=1.5,
        )
        if n.kind != "task" or len(view.nodes) < 400:
            ax.text(
                n.x,
                n.y + n.size + 6,
                n.label,
                ha="center",
                va="top",
                zorder=5,
                fontsize=8.5 if n.kind == "document" else 6.5,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
                **font,
            )
    ly = y1 + 20
    for glyph, colour, text in view.legend:
        ax.text(x0 + 20, ly, glyph, color=colour, fontsize=11, va="center", **font)
        ax.text(x0 + 45, ly, text, fontsize=9, va="center", **font)
        ly += 22
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=fmt, dpi=dpi, facecolor="white")
    return path


def _label_point(a: VNode, b: VNode, bend: int) -> tuple[float, float]:
    """Midpoint of the edge; for a bowed edge, the top of the arc (half the control point's offset)."""
    dx, dy = b.x - a.x, b.y - a.y
    return (a.x + b.x) / 2 + 0.1 * bend * -dy, (a.y + b.y) / 2 + 0.1 * bend * dx


def write(view: View, path: str | Path, fmt: str = "html") -> Path:
    return write_html(view, path) if fmt == "html" else write_image(view, path, fmt)
