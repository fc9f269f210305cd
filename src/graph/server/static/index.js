// Query UI: YASGUI on our own /sparql, with the queries/ library as examples.
// No inline script (the page's CSP forbids it): the library comes in a JSON <script> block.
(function () {
  "use strict";
  const library = JSON.parse(document.getElementById("query-library").textContent);
  const endpoint = new URL("/sparql", window.location.href).href;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    // offline: no prefix.cc / LOV look-ups, only the local autocompleters
    yasqe: { autocompleters: ["prefixes", "variables"] },
    persistenceId: "policy-graph-yasgui",
  });
  window.policyGraphYasgui = yasgui;
  const select = document.getElementById("example");
  const description = document.getElementById("example-description");
  function load(name) {
    const q = library.find((item) => item.name === name);
    if (!q) return;
    const params = q.params.map((p) => `?${p.variable}: ${p.description}`).join(" · ");
    description.textContent = q.description + (params ? ` — tham số (parameters): ${params}` : "");
    const tab = yasgui.getTab();
    tab.setQuery(q.text);
    if (tab.setName) tab.setName(q.name);
  }
  select.addEventListener("change", () => load(select.value));
})();
