// Implementation chain on a document page: the documents it carries out (above) and those
// carrying it out (below), from /api/chain.  Click a node to expand it one step further,
// double-click to open its page.  Labels are drawn on the canvas and tooltips are text
// nodes, so document text never becomes markup here either.
//
// Layout: one row per level, the row being the longest implementation path from the document
// up to a top document of the picture (so a plan that carries out both a programme and the
// resolution above it sits below the programme).  An arrow that spans several rows is routed
// through invisible waypoints, one per row it crosses, which the hierarchical layout places
// beside the boxes of those rows: no arrow runs through a box.
(function () {
  "use strict";
  const box = document.getElementById("chain");
  const toggle = document.getElementById("chain-toggle");
  const legend = document.getElementById("chain-legend");
  if (!box || !toggle) return;
  const documents = new Map();  // id -> the node as /api/chain gave it
  const links = new Map();      // "from -> to" -> {from, to}: from carries out to
  const expanded = new Set();
  const shownNodes = new vis.DataSet();
  const shownEdges = new vis.DataSet();
  let network = null;

  function tooltip(n) {
    const el = document.createElement("div");
    el.textContent = [n.label, n.label_en, n.title, n.date].filter(Boolean).join("\n");
    el.style.whiteSpace = "pre-wrap";
    el.style.maxWidth = "28rem";
    return el;
  }

  function colour(n) {
    if (n.id === box.dataset.iri) return { background: "#ffe58a", border: "#d39b00" };
    return n.ingested ? { background: "#dbe8fb", border: "#24406b" } : { background: "#f1f1f1", border: "#9ca3af" };
  }

  // Row of each document: 0 for a document that carries out nothing shown, else one below
  // the lowest row of what it carries out (longest path; a cycle is cut at the node count).
  function levels() {
    const up = new Map();
    for (const { from, to } of links.values()) {
      if (!up.has(from)) up.set(from, []);
      up.get(from).push(to);
    }
    const level = new Map();
    const limit = documents.size;
    function of(id, depth) {
      if (level.has(id)) return level.get(id);
      if (depth > limit) return 0;
      const parents = up.get(id) || [];
      const value = parents.length ? 1 + Math.max(...parents.map((p) => of(p, depth + 1))) : 0;
      level.set(id, value);
      return value;
    }
    for (const id of documents.keys()) of(id, 0);
    return level;
  }

  function redraw() {
    const level = levels();
    const nodes = [];
    const edges = [];
    for (const n of documents.values()) {
      nodes.push({ id: n.id, label: n.label, url: n.url, title: tooltip(n), shape: "box", margin: 8,
                   level: level.get(n.id), color: colour(n), widthConstraint: { maximum: 220 } });
    }
    for (const { from, to } of links.values()) {
      const span = level.get(from) - level.get(to);
      let previous = from;
      for (let step = 1; step < span; step += 1) {  // one invisible waypoint per row crossed
        const id = `waypoint:${from} -> ${to}:${step}`;
        nodes.push({ id: id, level: level.get(from) - step, shape: "dot", size: 1, waypoint: true,
                     color: { background: "rgba(0,0,0,0)", border: "rgba(0,0,0,0)" }, chosen: false });
        edges.push({ id: `${previous} => ${id}`, from: previous, to: id, arrows: "", segmentOf: `${from} -> ${to}` });
        previous = id;
      }
      edges.push({ id: `${previous} => ${to}`, from: previous, to: to, arrows: "to", segmentOf: `${from} -> ${to}`,
                   label: span === 1 ? "triển khai" : undefined });
    }
    shownNodes.clear();
    shownEdges.clear();
    shownNodes.add(nodes);
    shownEdges.add(edges);
    if (network) {
      network.setData({ nodes: shownNodes, edges: shownEdges });
      network.fit();
    }
  }

  function add(data) {
    for (const n of data.nodes) if (!documents.has(n.id)) documents.set(n.id, n);
    for (const e of data.edges) links.set(e.from + " -> " + e.to, { from: e.from, to: e.to });
  }

  async function expand(iri, depth) {
    if (expanded.has(iri) || !documents.has(iri) && expanded.size) return;
    expanded.add(iri);
    const response = await fetch("/api/chain?depth=" + depth + "&iri=" + encodeURIComponent(iri));
    if (!response.ok) return;
    add(await response.json());
    redraw();
    // lets tests (and people) see that an expansion finished
    box.dataset.expanded = String(expanded.size);
    box.dataset.nodes = String(documents.size);
  }

  async function show() {
    box.hidden = false;
    if (legend) legend.hidden = false;
    if (network) return;
    network = new vis.Network(box, { nodes: shownNodes, edges: shownEdges }, {
      layout: { hierarchical: { direction: "UD", sortMethod: "directed", levelSeparation: 120, nodeSpacing: 240,
                                edgeMinimization: true, parentCentralization: true } },
      physics: false,
      interaction: { hover: true },
      edges: { font: { size: 11, color: "#6b7280", strokeWidth: 3 }, color: "#6b7280",
               smooth: { type: "cubicBezier", forceDirection: "vertical", roundness: 0.4 } },
    });
    window.policyGraphChain = { network: network, nodes: shownNodes, edges: shownEdges, documents: documents };
    network.on("click", (params) => {
      const id = params.nodes.length && params.nodes[0];
      if (id && documents.has(id)) expand(id, 1);
    });
    network.on("doubleClick", (params) => {
      const node = params.nodes.length && documents.get(params.nodes[0]);
      if (node && node.url) window.location.href = node.url;
    });
    await expand(box.dataset.iri, 2);
  }

  toggle.addEventListener("click", show);
})();
