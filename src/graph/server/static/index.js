// Query UI: YASGUI on our own /sparql, with the queries/ library as examples.
// No inline script (the page's CSP forbids it): the library comes in a JSON <script> block.
(function () {
  "use strict";
  const library = JSON.parse(document.getElementById("query-library").textContent);
  // read before YASGUI starts: it takes the URL fragment for its own settings and clears it
  const linked = new URLSearchParams(window.location.hash.slice(1));
  const endpoint = new URL("/sparql", window.location.href).href;
  const root = document.getElementById("yasgui");
  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    // offline: no prefix.cc / LOV look-ups, only the local autocompleters
    yasqe: { autocompleters: ["prefixes", "variables"] },
    persistenceId: "policy-graph-yasgui",
  });
  window.policyGraphYasgui = yasgui;

  // Tables open in YASR's "simple view" (values without datatype IRIs, which legal staff do
  // not need to read) unless the user has chosen otherwise in this tab.
  function simpleView(tab) {
    const yasr = tab && tab.getYasr();
    if (yasr && !yasr.config.plugins.table.dynamicConfig) yasr.storePluginConfig("table", { compact: true });
  }
  simpleView(yasgui.getTab());
  yasgui.on("tabSelect", (_yasgui, id) => simpleView(yasgui.getTab(id)));
  const select = document.getElementById("example");
  const description = document.getElementById("example-description");
  const form = document.getElementById("params");
  const fields = document.getElementById("param-fields");
  const error = document.getElementById("param-error");

  // Suggestions for the parameters people fill most: document symbols and agency names, read
  // from the graph once (a datalist: the browser filters them as the user types).
  const SUGGESTIONS = {
    doc: { list: "doc-suggestions", query:
      "SELECT DISTINCT ?v WHERE { ?d a <http://data.europa.eu/eli/ontology#LegalResource> ; " +
      "<http://data.europa.eu/eli/ontology#id_local> ?v } ORDER BY ?v" },
    agency: { list: "agency-suggestions", query:
      "SELECT DISTINCT ?v WHERE { ?a a <http://www.w3.org/ns/org#Organization> ; " +
      "<http://www.w3.org/2004/02/skos/core#prefLabel> ?v FILTER(LANG(?v) = \"vi\") } ORDER BY ?v" },
  };
  async function loadSuggestions() {
    for (const { list, query } of Object.values(SUGGESTIONS)) {
      const datalist = document.createElement("datalist");
      datalist.id = list;
      document.body.append(datalist);
      const response = await fetch(`/sparql?query=${encodeURIComponent(query)}`,
                                   { headers: { Accept: "application/sparql-results+json" } });
      if (!response.ok) continue;
      for (const row of (await response.json()).results.bindings) {
        const option = document.createElement("option");
        option.value = row.v.value;
        datalist.append(option);
      }
    }
  }
  loadSuggestions().catch(() => {});  // suggestions are a convenience; the form works without them

  // One labelled input per parameter; text goes in through textContent/value only.
  function paramFields(q) {
    fields.replaceChildren();
    for (const p of q.params) {
      const label = document.createElement("label");
      label.className = "param";
      const name = document.createElement("span");
      name.className = "param-name";
      name.textContent = p.name + (p.required ? " *" : "");
      const input = document.createElement("input");
      input.name = p.name;
      if (SUGGESTIONS[p.name]) input.setAttribute("list", SUGGESTIONS[p.name].list);
      input.required = p.required;
      input.placeholder = p.description;
      input.title = p.description;
      label.append(name, input);
      fields.append(label);
    }
    form.hidden = q.params.length === 0;
    error.hidden = true;
  }

  function load(name) {
    const q = library.find((item) => item.name === name);
    if (!q) return;
    description.textContent = q.description;
    paramFields(q);
    const tab = yasgui.getTab();
    tab.setQuery(q.text);
    if (tab.setName) tab.setName(q.name);
  }

  // The server binds the values (a symbol such as "Nghị quyết 29" becomes the document's IRI,
  // as on the command line); the bound query lands in the editor and runs there.
  async function bindAndRun(event) {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form));
    // the query and its values are a link people can share: /#doc=29-NQ%2FTW&q=chain-down
    history.replaceState(null, "", `#${new URLSearchParams([...params, ["q", select.value]])}`);
    const response = await fetch(`/api/queries/${encodeURIComponent(select.value)}?${params}`,
                                 { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      error.textContent = body.error || response.statusText;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    const tab = yasgui.getTab();
    simpleView(tab);
    tab.setQuery(body.query);
    tab.query().catch(() => {});  // YASR shows the endpoint's error itself
  }

  // The graph's IRIs in result tables open their page on this server, not on the public base.
  root.addEventListener("click", (event) => {
    const link = event.target.closest("a.iri");
    if (!link || !link.href.startsWith(root.dataset.base)) return;
    event.preventDefault();
    window.location.assign("/" + link.href.slice(root.dataset.base.length));
  });

  select.addEventListener("change", () => load(select.value));
  form.addEventListener("submit", bindAndRun);

  // a shared link opens its query filled in and run
  if (linked.get("q") && library.some((item) => item.name === linked.get("q"))) {
    select.value = linked.get("q");
    load(select.value);
    for (const input of fields.querySelectorAll("input")) input.value = linked.get(input.name) || "";
    if (!form.hidden) form.requestSubmit();
  }
})();
