"""HTTP handlers of the everyday pages: landing, browse, search, implementation tree (and its
CSV/Excel exports), deadlines, province comparison.  Each asks a query worker for the page's
data in one job (``views``), under the worker's time limit, and only renders it here."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlencode

from jinja2 import Environment
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response

from .guard import JobError
from .pagecache import PageShape, param_text, reads_nothing, reads_stripped
from .sparql import Job
from .views import CANONICAL, MAX_PARAM_CHARS, STATUSES

HTML = "text/html"


# One thread renders every page.  A big page (an implementation tree of thousands of rows,
# bounded by the row cap) takes tens to hundreds of milliseconds of Jinja, which must not hold
# the event loop that answers /health and hands out workers; and one rendering thread rather
# than many, because each CPU-bound thread is one more contender the loop waits behind for
# the interpreter lock (with the lock, more threads would not render faster anyway).
RENDERER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="policy-graph-render")


async def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """The page as HTML, rendered off the event loop (``RENDERER``)."""
    env: Environment = request.app.state.templates
    site = request.app.state.site
    page = functools.partial(
        _render_html, env, template, site=site, href=site.href, request_path=request.url.path, **context
    )
    html = await asyncio.get_running_loop().run_in_executor(RENDERER, page)
    return HTMLResponse(html, status_code=status, headers={"Vary": "Accept"})


def _render_html(env: Environment, template: str, **context) -> str:
    return env.get_template(template).render(**context)  # a template is compiled on first use


async def view_data(request: Request, name: str, values: dict[str, str], context: dict | None = None):
    """The data of view ``name``, computed in a query worker; raises JobError (shown as a page)."""
    reply = await request.app.state.pool.run(Job(mode="view", query=name, values=values, context=context))
    if reply[0] == "error":
        raise JobError(reply[1], reply[2])
    return reply[2]


def _params(request: Request, *names: str) -> dict[str, str]:
    values = {}
    for name in names:
        value = param_text(request.query_params.get(name, ""))
        if len(value) > MAX_PARAM_CHARS:
            raise JobError(
                400,
                f"tham số '{name}' dài quá {MAX_PARAM_CHARS} ký tự "
                f"(parameter longer than {MAX_PARAM_CHARS} characters)",
            )
        if value:
            values[name] = value
    return values


def _to_canonical(request: Request, err: JobError, values: dict[str, str]) -> Response:
    """The same request with the document written as its pages are kept (``views.canonical_root``):
    the parameters the page reads (``values``, as it reads them) and no other, since the redirect
    is kept under those alone (another parameter, ``?x=…``, would be handed to the next asker)."""
    params = {**values, "doc": err.message}
    return RedirectResponse(f"{request.url.path}?{urlencode(params)}", status_code=CANONICAL)


async def _page(request: Request, template: str, name: str, values: dict, **context) -> Response:
    """Render a view's page; a user's mistake (unknown document, bad date) is shown on the page."""
    try:
        data = await view_data(request, name, values)
    except JobError as err:
        if err.status == CANONICAL:
            return _to_canonical(request, err, values)
        if err.status >= 500:
            raise
        return await render(
            request, template, status=err.status, data=None, error=err.message, values=values, **context
        )
    return await render(request, template, data=data, error=None, values=values, **context)


# ------------------------------------------------------------ pages


async def landing(request: Request) -> Response:
    return await _page(request, "landing.html", "landing", {})


DOCUMENTS_PARAMS = ("type", "year", "issuer", "province")


async def documents(request: Request) -> Response:
    return await _page(request, "documents.html", "documents", _params(request, *DOCUMENTS_PARAMS))


async def search(request: Request) -> Response:
    values = _params(request, "q")
    wants_json = _wants_json(request.query_params.get("format"), request.headers.get("accept"))
    negotiated = {"Vary": "Accept"}  # JSON or HTML for the same URL: a shared cache must tell them apart
    if not values.get("q"):
        if wants_json:
            return JSONResponse([], headers=negotiated)
        return await render(request, "search.html", data=None, error=None, values=values, q="")
    data = await view_data(request, "search", values)
    if wants_json:
        return JSONResponse(_search_json(request, data), headers=negotiated)
    return await render(request, "search.html", data=data, error=None, values=values, q=values["q"])


def _wants_json(format_param: str | None, accept: str | None) -> bool:
    """``?format=json``, or an Accept header naming JSON and not HTML."""
    accept = accept or ""
    return format_param == "json" or ("application/json" in accept and HTML not in accept)


def _search_json(request: Request, data: dict) -> list[dict]:
    """Documents first (the shape the document search always had), then agencies and tasks."""
    href = request.app.state.site.href
    found = [
        {
            "kind": "document",
            "iri": d["doc"]["iri"],
            "url": href(d["doc"]["iri"]),
            "label": d["doc"]["vi"],
            "label_en": d["doc"]["en"],
            "symbol": d["symbol"],
            "title": d["title"],
            "date": d["date"],
            "ingested": d["ingested"],
            "score": d["score"],
            "matched": d["matched"],
        }
        for d in data["documents"]
    ]
    found += [
        {
            "kind": "agency",
            "iri": a["iri"],
            "url": href(a["iri"]),
            "label": a["agency"]["vi"],
            "label_en": a["agency"]["en"],
            "province": a["province"],
            "tasks": a["tasks"],
            "matched": a["matched"],
        }
        for a in data["agencies"]
    ]
    found += [
        {
            "kind": "task",
            "iri": t["task"],
            "url": href(t["task"]),
            "label": t["label"],
            "document": t["doc"],
            "matched": "".join(piece for piece, _ in t["snippet"]),
        }
        for t in data["tasks"]
    ]
    return found


TREE_PARAMS = ("doc", "province", "agency", "status", "from", "to", "today")
TREE_EXPORTS = ("csv", "xlsx")


async def tree(request: Request) -> Response:
    values = _params(request, *TREE_PARAMS)
    fmt = request.query_params.get("format")
    if fmt in TREE_EXPORTS:
        try:
            media, body, name = await view_data(request, "tree-export", dict(values, format=fmt))
        except JobError as err:
            if err.status == CANONICAL:
                return _to_canonical(request, err, dict(values, format=fmt))
            if err.status >= 500:
                raise
            return PlainTextResponse(err.message + "\n", status_code=err.status)
        return Response(
            body,
            media_type=media,
            headers={
                "Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
            },
        )
    if not values.get("doc"):
        return await render(request, "tree.html", data=None, error=None, values=values)
    return await _page(
        request, "tree.html", "tree", values, export_query=urlencode({k: v for k, v in values.items()})
    )


COMPARE_PARAMS = ("doc", "today")
DEADLINES_PARAMS = ("province", "agency", "today")


async def compare(request: Request) -> Response:
    values = _params(request, *COMPARE_PARAMS)
    if not values.get("doc"):
        return await render(request, "compare.html", data=None, error=None, values=values)
    return await _page(request, "compare.html", "compare", values)


async def deadlines(request: Request) -> Response:
    return await _page(request, "deadlines.html", "deadlines", _params(request, *DEADLINES_PARAMS))


async def labels(request: Request) -> Response:
    """``/api/labels?iri=…&iri=…``: Vietnamese and English labels of graph IRIs, for the SPARQL
    UI's result table (names instead of cut IRIs)."""
    iris = [i for i in request.query_params.getlist("iri") if i.startswith(("http://", "https://"))]
    return JSONResponse(await view_data(request, "labels", {"iri": " ".join(iris)}))


# ------------------------------------------------------------ what each page reads (its cache key)


def _search_shape(params, accept: str | None):
    json = _wants_json(params.get("format"), accept)
    return reads_stripped("q")(params, accept), json


def _tree_shape(params, accept: str | None):
    export = params.get("format")
    return reads_stripped(*TREE_PARAMS)(params, accept), export if export in TREE_EXPORTS else None


def _labels_shape(params, accept: str | None):
    return tuple(params.getlist("iri"))


PAGE_SHAPES: dict[str, PageShape] = {
    "/": reads_nothing,
    "/search": _search_shape,
    "/documents": reads_stripped(*DOCUMENTS_PARAMS),
    "/tree": _tree_shape,
    "/deadlines": reads_stripped(*DEADLINES_PARAMS),
    "/compare": reads_stripped(*COMPARE_PARAMS),
    "/api/labels": _labels_shape,
}


# ------------------------------------------------------------ template filters

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def vndate(value) -> str:
    """'2024-11-06' → '06/11/2024', as Vietnamese readers write dates."""
    if not value:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    found = _ISO_DATE.match(str(value))
    return f"{found[3]}/{found[2]}/{found[1]}" if found else str(value)


def status_names(key: str) -> tuple[str, str]:
    return STATUSES.get(key, ("", ""))


# Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_OPENS_EMBEDDING = "\u202a\u202b\u202d\u202e"
_OPENS_ISOLATE = "\u2066\u2067\u2068"


def closed_bidi(value):
    """A text with every bidi embedding, override and isolate it opens closed at its end.  A
    document's text may hold a right-to-left override (U+202E): shown as it is, it turned the rest
    of its line around, the page's own words included ('· 3 nhiệm vụ' after a name read backwards:
    spoofed text); closed, it turns only its own text.  Jinja's ``finalize``: every value a page
    shows, before escaping; a text without such controls is returned as it is."""
    if not isinstance(value, str) or not _BIDI_CONTROLS.search(value):
        return value
    embeddings = isolates = 0
    for char in _BIDI_CONTROLS.findall(value):
        if char in _OPENS_EMBEDDING:
            embeddings += 1
        elif char == "\u202c":
            embeddings = max(0, embeddings - 1)
        elif char in _OPENS_ISOLATE:
            isolates += 1
        else:  # PDI also closes the embeddings opened since its isolate; counted simply here
            isolates = max(0, isolates - 1)
    return value + "\u202c" * embeddings + "\u2069" * isolates


def install_filters(env: Environment) -> None:
    env.filters["vndate"] = vndate
    env.filters["status_names"] = status_names
    env.globals["STATUSES"] = STATUSES
    env.globals["urlencode"] = urlencode
