// Implementation chain on a document page: the documents it implements (above) and
// those implementing it (below), from /api/chain.  Click a node to expand it one
// step further, double-click to open its page.  Labels are drawn on the canvas and
// tooltips are text nodes, so document text never becomes markup here either.
(function () {
  "use strict";
  const box = document.getElementById("chain");
  const toggle = document.getElementById("chain-toggle");
  if (!box || !toggle) return;
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const expanded = new Set();
  let network = null;

  function tooltip(n) {
    const el = document.createElement("div");
    el.textContent = [n.label, n.label_en, n.title, n.date].filter(Boolean).join("\n");
    el.style.whiteSpace = "pre-wrap";
    el.style.maxWidth = "28rem";
    return el;
  }

  function add(data) {
    for (const n of data.nodes) {
      const item = {
        id: n.id, label: n.label, url: n.url, title: tooltip(n),
        shape: "box", margin: 8,
        color: n.id === box.dataset.iri ? { background: "#ffe58a", border: "#d39b00" }
          : n.ingested ? { background: "#dbe8fb", border: "#24406b" } : { background: "#f1f1f1", border: "#9ca3af" },
      };
      if (!nodes.get(n.id)) nodes.add(item);
    }
    for (const e of data.edges) {
      const id = e.from + " -> " + e.to;
      if (!edges.get(id)) edges.add({ id: id, from: e.from, to: e.to, arrows: "to", label: "triển khai" });
    }
  }

  async function expand(iri, depth) {
    if (expanded.has(iri)) return;
    expanded.add(iri);
    const response = await fetch("/api/chain?depth=" + depth + "&iri=" + encodeURIComponent(iri));
    if (!response.ok) return;
    add(await response.json());
    // lets tests (and people) see that an expansion finished
    box.dataset.expanded = String(expanded.size);
    box.dataset.nodes = String(nodes.length);
  }

  async function show() {
    box.hidden = false;
    if (network) return;
    await expand(box.dataset.iri, 2);
    network = new vis.Network(box, { nodes: nodes, edges: edges }, {
      layout: { hierarchical: { direction: "DU", sortMethod: "directed", levelSeparation: 110, nodeSpacing: 220 } },
      physics: false,
      interaction: { hover: true },
      edges: { font: { size: 11, color: "#6b7280" }, color: "#6b7280" },
    });
    window.policyGraphChain = { network: network, nodes: nodes, edges: edges };
    network.on("click", (params) => { if (params.nodes.length) expand(params.nodes[0], 1); });
    network.on("doubleClick", (params) => {
      const node = params.nodes.length && nodes.get(params.nodes[0]);
      if (node && node.url) window.location.href = node.url;
    });
  }

  toggle.addEventListener("click", show);
})();
