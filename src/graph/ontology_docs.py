"""Human documentation of the ontology: ``ontology/docs/index.html`` and ``ontology/diagram.svg``.

Run ``make docs`` (``python -m graph.ontology_docs``).  Both files are generated from
the Turtle files in ``ontology/`` and committed; a test checks they are current.
pyLODE 3.4.1 fails to start when installed from a wheel, so the page is rendered
here with Jinja2 (autoescaped), listing every class and property with its
Vietnamese and English labels, definitions, domain, range and alignments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .resources import ONTOLOGY_DIR

PREFIXES = {
    "https://w3id.org/policy-graph/ontology#": "pg:",
    "https://w3id.org/policy-graph/vocab/": "pgv:",
    "http://data.europa.eu/eli/ontology#": "eli:",
    "http://data.europa.eu/eli/eli-draft-legislation-ontology#": "eli-dl:",
    "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/oa#": "oa:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/2006/time#": "time:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
}


def curie(term) -> str:
    text = str(term)
    for ns, prefix in PREFIXES.items():
        if text.startswith(ns):
            return prefix + text[len(ns) :]
    return text


@dataclass
class Term:
    curie: str
    anchor: str
    kind: str
    label_vi: str
    label_en: str
    definition_vi: str
    definition_en: str
    domain: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    matches: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def _text(g: Graph, s, p, lang: str) -> str:
    return next((str(o) for o in g.objects(s, p) if getattr(o, "language", None) == lang), "")


def read_terms(g: Graph, kinds) -> list[Term]:
    terms = []
    for kind in kinds:
        for s in sorted(set(g.subjects(RDF.type, kind)), key=str):
            if not str(s).startswith("https://w3id.org/policy-graph/"):
                continue
            c = curie(s)
            terms.append(
                Term(
                    curie=c,
                    anchor=c.replace(":", "_"),
                    kind=curie(kind).split(":")[1],
                    label_vi=_text(g, s, RDFS.label, "vi"),
                    label_en=_text(g, s, RDFS.label, "en"),
                    definition_vi=_text(g, s, SKOS.definition, "vi"),
                    definition_en=_text(g, s, SKOS.definition, "en"),
                    domain=sorted(curie(o) for o in g.objects(s, RDFS.domain)),
                    range=sorted(curie(o) for o in g.objects(s, RDFS.range)),
                    parents=sorted(
                        curie(o) for o in [*g.objects(s, RDFS.subClassOf), *g.objects(s, RDFS.subPropertyOf)]
                    ),
                    matches=_matches(g, s),
                    comments=_comments(g, s),
                )
            )
    return terms


MAPPINGS = (
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
    RDFS.seeAlso,
)


def _matches(g: Graph, s) -> list[str]:
    """Alignments to other vocabularies: "closeMatch eli-dl:ForeseenActivity"."""
    return [
        f"{curie(p).split(':')[1]} {curie(o)}" for p in MAPPINGS for o in sorted(g.objects(s, p), key=str)
    ]


def _comments(g: Graph, s) -> list[str]:
    """rdfs:comment notes (why an alignment was chosen), English first."""
    found = list(g.objects(s, RDFS.comment))
    return [str(c) for c in sorted(found, key=lambda c: (getattr(c, "language", None) != "en", str(c)))]


ELI_ONTOLOGY = URIRef("http://data.europa.eu/eli/ontology")


def read_reused(g: Graph) -> list[dict]:
    """ELI properties the data uses, declared in policy.ttl with labels only (their meaning is ELI's)."""
    return [
        {
            "curie": curie(s),
            "iri": str(s),
            "vi": _text(g, s, RDFS.label, "vi"),
            "en": _text(g, s, RDFS.label, "en"),
            "comment": _text(g, s, RDFS.comment, "en"),
        }
        for s in sorted(set(g.subjects(RDFS.isDefinedBy, ELI_ONTOLOGY)), key=str)
    ]


def read_vocabularies(g: Graph) -> list[dict]:
    schemes = []
    for scheme in sorted(set(g.subjects(RDF.type, SKOS.ConceptScheme)), key=str):
        concepts = sorted(g.subjects(SKOS.inScheme, scheme), key=lambda c: str(g.value(c, SKOS.notation)))
        schemes.append(
            {
                "iri": str(scheme),
                "vi": _text(g, scheme, SKOS.prefLabel, "vi"),
                "en": _text(g, scheme, SKOS.prefLabel, "en"),
                "concepts": [
                    {
                        "notation": str(g.value(c, SKOS.notation)),
                        "iri": str(c),
                        "vi": _text(g, c, SKOS.prefLabel, "vi"),
                        "en": _text(g, c, SKOS.prefLabel, "en"),
                    }
                    for c in concepts
                ],
            }
        )
    return schemes


PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>{{ title_vi }} — {{ title_en }}</title>
<style>
body{font-family:"DejaVu Sans",system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.45}
h1{font-size:1.6rem} h2{margin-top:2.2rem;border-bottom:2px solid #d7dde6;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.4rem} th,td{border:1px solid #d7dde6;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f1f4f8;width:11rem} code{font-size:.92em} .en{color:#56627a} nav a{margin-right:.6rem} img{max-width:100%;border:1px solid #d7dde6}
</style></head><body>
<h1>{{ title_vi }}<br><span class="en">{{ title_en }}</span></h1>
<p>IRI: <code>{{ iri }}</code> · {{ version }}</p>
<p>{{ description_vi }}<br><span class="en">{{ description }}</span></p>
<p><img src="../diagram.svg" alt="Sơ đồ bản thể / ontology diagram"></p>
<nav><strong>Lớp / classes:</strong> {% for t in classes %}<a href="#{{ t.anchor }}">{{ t.curie }}</a>{% endfor %}</nav>
<h2>Lớp (classes)</h2>
{% for t in classes %}{{ term(t) }}{% endfor %}
<h2>Thuộc tính (properties)</h2>
{% for t in properties %}{{ term(t) }}{% endfor %}
<h2>Thuộc tính ELI dùng lại (reused ELI properties)</h2>
<p>Declared in policy.ttl only to give them Vietnamese labels; their meaning is ELI's (<code>rdfs:isDefinedBy</code> ELI).</p>
<table><tr><th>property</th><th>Tiếng Việt</th><th>English</th><th>use</th></tr>
{% for p in reused %}<tr id="{{ p.curie.replace(':', '_') }}"><td><code>{{ p.curie }}</code></td><td>{{ p.vi }}</td><td>{{ p.en }}</td><td>{{ p.comment }}</td></tr>{% endfor %}
</table>
<h2>Bộ từ vựng (SKOS vocabularies)</h2>
{% for s in schemes %}<h3 id="{{ s.iri.rsplit('/', 1)[-1] }}">{{ s.vi }} <span class="en">/ {{ s.en }}</span></h3>
<table><tr><th>notation</th><th>Tiếng Việt</th><th>English</th></tr>
{% for c in s.concepts %}<tr><td><code>{{ c.notation }}</code> <small>{{ c.iri }}</small></td><td>{{ c.vi }}</td><td>{{ c.en }}</td></tr>{% endfor %}
</table>{% endfor %}
</body></html>
"""
TERM = """{% macro term(t) %}<table id="{{ t.anchor }}">
<tr><th>{{ t.kind }}</th><td><code>{{ t.curie }}</code> — <strong>{{ t.label_vi }}</strong> <span class="en">/ {{ t.label_en }}</span></td></tr>
<tr><th>Định nghĩa</th><td>{{ t.definition_vi }}</td></tr>
<tr><th>Definition</th><td class="en">{{ t.definition_en }}</td></tr>
{% if t.parents %}<tr><th>subClassOf / subPropertyOf</th><td>{{ t.parents | join(", ") }}</td></tr>{% endif %}
{% if t.domain %}<tr><th>domain</th><td>{{ t.domain | join(", ") }}</td></tr>{% endif %}
{% if t.range %}<tr><th>range</th><td>{{ t.range | join(", ") }}</td></tr>{% endif %}
{% if t.matches %}<tr><th>Đối chiếu / alignment</th><td>{{ t.matches | join("; ") }}</td></tr>{% endif %}
{% for c in t.comments %}<tr><th>Ghi chú / note</th><td>{{ c }}</td></tr>{% endfor %}
</table>{% endmacro %}"""


def render_html(ontology: Graph, vocabularies: Graph) -> str:
    env = Environment(autoescape=True)
    onto = URIRef("https://w3id.org/policy-graph/ontology")
    from rdflib.namespace import DCTERMS

    macro = env.from_string(TERM).module.term  # type: ignore[attr-defined]  # a macro the template exports
    return env.from_string(PAGE).render(
        term=macro,
        iri=str(onto),
        title_vi=_text(ontology, onto, DCTERMS.title, "vi"),
        title_en=_text(ontology, onto, DCTERMS.title, "en"),
        description=_text(ontology, onto, DCTERMS.description, "en"),
        description_vi=_text(ontology, onto, DCTERMS.description, "vi"),
        reused=read_reused(ontology),
        version=str(ontology.value(onto, OWL.versionInfo) or ""),
        classes=read_terms(ontology, [OWL.Class]),
        properties=read_terms(ontology, [OWL.ObjectProperty, OWL.DatatypeProperty]),
        schemes=read_vocabularies(vocabularies),
    )


# ------------------------------------------------------------------ diagram

# The main classes and the relations users follow, laid out by hand so it stays readable.
BOXES = {
    "pg:Citation": (40, 90, "Trích dẫn / Citation\n(prov:Entity)"),
    "pg:Document": (400, 90, "Văn bản / Document\n(eli:LegalResource)"),
    "pg:Section": (
        780,
        90,
        "Đề mục, Phụ lục, Chú thích\nSection, Appendix, Footnote\n(eli:LegalResourceSubdivision)",
    ),
    "pg:Task": (400, 270, "Nhiệm vụ / Task\n(prov:Activity)"),
    "pg:Indicator": (780, 270, "Chỉ tiêu / Indicator"),
    "evidence": (1060, 420, "Bằng chứng / Evidence\n<tệp nguồn>#char=đầu,cuối\n(RFC 5147; oa:exact)"),
    "pg:Deadline": (400, 440, "Thời hạn / Deadline"),
    "pg:Target": (780, 440, "Mục tiêu / Target"),
    "org:Organization": (40, 400, "Cơ quan / Agency\n(org:Organization)"),
    "pg:Jurisdiction": (40, 560, "Địa bàn / Jurisdiction\n(skos:Concept)"),
}
ARROWS = [
    ("pg:Document", "pg:Document", "eli:ensures_implementation_of\neli:based_on, eli:cites"),
    ("pg:Citation", "pg:Document", "pg:citedDocument"),
    ("pg:Document", "pg:Section", "eli:has_part"),
    ("pg:Document", "pg:Task", "pg:task"),
    ("pg:Document", "pg:Indicator", "pg:indicator"),
    ("pg:Task", "pg:Deadline", "pg:deadline"),
    ("pg:Indicator", "pg:Target", "pg:target"),
    ("pg:Task", "org:Organization", "pg:leadAgency\npg:cooperatingAgency"),
    ("pg:Document", "org:Organization", "eli:passed_by"),
    ("org:Organization", "pg:Jurisdiction", "pg:jurisdiction"),
    ("pg:Indicator", "evidence", "pg:evidence"),
]


def render_svg() -> str:
    """A small hand-laid diagram, written as SVG text (no browser or graphviz needed)."""
    from xml.sax.saxutils import escape

    width, height, bw, bh = 1300, 640, 224, 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="12">',
        '<defs><marker id="a" markerWidth="10" markerHeight="8" refX="10" refY="4" orient="auto">'
        '<path d="M0,0 L10,4 L0,8 z" fill="#56627a"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for source, target, label in ARROWS:
        (x1, y1, _), (x2, y2, _) = BOXES[source], BOXES[target]
        if source == target:
            parts.append(
                f'<path d="M{x1 + 60},{y1} C{x1 + 60},{y1 - 60} {x1 + 140},{y1 - 60} {x1 + 140},{y1}" '
                f'fill="none" stroke="#56627a" marker-end="url(#a)"/>'
            )
            lx, ly = x1 + 100, y1 - 58
        else:
            sx, sy, tx, ty = _edge_points(x1, y1, x2, y2, bw, bh)
            parts.append(
                f'<line x1="{sx}" y1="{sy}" x2="{tx}" y2="{ty}" stroke="#56627a" marker-end="url(#a)"/>'
            )
            lx, ly = (sx + tx) / 2, (sy + ty) / 2 - 4
        for i, line in enumerate(label.split("\n")):
            parts.append(
                f'<text x="{lx}" y="{ly + 13 * i}" text-anchor="middle" fill="#2a4d8f" '
                f'stroke="white" stroke-width="3" paint-order="stroke">{escape(line)}</text>'
            )
    for x, y, label in BOXES.values():
        parts.append(
            f'<rect x="{x}" y="{y}" width="{bw}" height="{bh}" rx="8" fill="#eef3fb" stroke="#2a4d8f"/>'
        )
        lines = label.split("\n")
        for i, line in enumerate(lines):
            parts.append(
                f'<text x="{x + bw / 2}" y="{y + bh / 2 + 4 + 14 * (i - (len(lines) - 1) / 2)}" '
                f'text-anchor="middle">{escape(line)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _edge_points(x1, y1, x2, y2, bw, bh):
    """Connect the facing sides of two boxes."""
    c1, c2 = (x1 + bw / 2, y1 + bh / 2), (x2 + bw / 2, y2 + bh / 2)
    if abs(c1[1] - c2[1]) > bh:  # mostly vertical
        down = c2[1] > c1[1]
        return c1[0], (y1 + bh if down else y1), c2[0], (y2 if down else y2 + bh)
    right = c2[0] > c1[0]
    return (x1 + bw if right else x1), c1[1], (x2 if right else x2 + bw), c2[1]


def main() -> None:
    ontology = Graph().parse(str(ONTOLOGY_DIR / "policy.ttl"), format="turtle")
    vocabularies = Graph().parse(str(ONTOLOGY_DIR / "vocabularies.ttl"), format="turtle")
    (ONTOLOGY_DIR / "docs").mkdir(exist_ok=True)
    (ONTOLOGY_DIR / "docs" / "index.html").write_text(render_html(ontology, vocabularies), encoding="utf-8")
    (ONTOLOGY_DIR / "diagram.svg").write_text(render_svg(), encoding="utf-8")
    print(f"wrote {ONTOLOGY_DIR / 'docs' / 'index.html'} and {ONTOLOGY_DIR / 'diagram.svg'}")


if __name__ == "__main__":
    main()
