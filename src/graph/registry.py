"""The agency alias registry (``ontology/agencies.ttl``, SKOS) and Vietnamese-aware slugs.

The registry is data: each agency is a ``skos:Concept``-like ``org:Organization``
with a Vietnamese ``skos:prefLabel``, an English one, its printed variants as
``skos:altLabel`` and its ``pg:jurisdiction``.  Adding a variant is an edit to
the Turtle file, not to code.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from .resources import ONTOLOGY_DIR
from .vocab import ORG, PG

REGISTRY_PATH = ONTOLOGY_DIR / "agencies.ttl"
CENTRAL = "vn"


@functools.lru_cache(maxsize=1 << 16)  # the same issuers, numbers and names, a triple after another
def slugify(text: str) -> str:
    """ASCII slug for IRIs: "Sở Công Thương" → "so-cong-thuong", "Đắk Lắk" → "dak-lak"."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.lower().replace("&", " va ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


@dataclass(frozen=True)
class RegisteredAgency:
    slug: str
    jurisdiction: str
    label_vi: str
    label_en: str | None


@dataclass
class AgencyRegistry:
    by_name: dict[tuple[str, str], RegisteredAgency] = field(default_factory=dict)

    def lookup(self, name: str, jurisdiction: str) -> tuple[str, str, str | None, str] | None:
        """(slug, Vietnamese label, English label, jurisdiction) of a name or alias.

        A provincial document may name a central body ("Thủ tướng Chính phủ"): names
        not registered in the province are looked up among central bodies.
        """
        for jur in (jurisdiction, CENTRAL):
            found = self.by_name.get((jur, _key(name)))
            if found:
                return found.slug, found.label_vi, found.label_en, found.jurisdiction
        return None


def load_registry(path: str | Path | None = None) -> AgencyRegistry:
    registry = AgencyRegistry()
    path = Path(path) if path else REGISTRY_PATH
    if not path.exists():
        return registry
    g = Graph().parse(str(path), format="turtle")
    for agency in sorted(set(g.subjects(RDF.type, ORG.Organization)), key=str):
        if not isinstance(agency, URIRef):
            continue
        registered = _registered(g, agency)
        if registered is None:
            continue
        names = [registered.label_vi] + [str(a) for a in g.objects(agency, SKOS.altLabel)]
        for name in names:
            registry.by_name[(registered.jurisdiction, _key(name))] = registered
    return registry


def _registered(g: Graph, agency: URIRef) -> RegisteredAgency | None:
    labels = {lit.language: str(lit) for lit in g.objects(agency, SKOS.prefLabel) if isinstance(lit, Literal)}
    jurisdiction = g.value(agency, PG.jurisdiction)
    if "vi" not in labels or jurisdiction is None:
        return None
    jur = str(jurisdiction).rstrip("/").rsplit("/", 1)[-1]
    slug = str(agency).rstrip("/").rsplit("/", 1)[-1]
    return RegisteredAgency(slug=slug, jurisdiction=jur, label_vi=labels["vi"], label_en=labels.get("en"))
