"""Identity: one IRI per document, agency and jurisdiction across the corpus.

A document is identified by jurisdiction + type + number/issuer + year
(DOMAIN.md: numbers restart each year and repeat across provinces).  The same
document cited ten ways resolves to one IRI:

* ``Nghị quyết số 29-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng``
  and a bare ``Nghị quyết số 29-NQ/TW`` share the key (vn, NQ, 29, TW); the bare
  one borrows the year the corpus knows for that key.
* ``Nghị quyết số 29`` (no issuer) borrows the issuer of the only 29 of that type
  cited in the same document, else in the corpus.
* A local ``23-NQ/TU`` of Quảng Nam (vn-27) and of Quảng Ngãi (vn-29) differ by
  jurisdiction, so they are two nodes.

Documents that do not print their own number get an IRI derived from issuer,
type, date and title, unless a citation elsewhere in the corpus reveals their
number (seed 001 is cited by seed 004 as ``31-CTr/TU ngày 16/02/2023``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import AgencyMention, DocRef, ParsedDocument
from .patterns.documents import (
    CENTRAL,
    DEPARTMENT_BY_CODE,
    DOC_TYPE_BY_CODE,
    ISSUER_BY_CODE,
    ISSUER_NAMES,
    OFFICE_BY_CODE,
    PROVINCE_ALIASES,
    PROVINCE_BY_ISO,
    SYMBOL_TYPE_CODES,
)
from .patterns.metadata import CITY_ISOS, LOCAL_ISSUER_NAMES
from .registry import AgencyRegistry, slugify
from .vocab import DEFAULT_BASE

UNDATED = "undated"
_YEAR_IN_SYMBOL = re.compile(r"^\d{4}/")

# Key of a numbered document, without its year: (jurisdiction, type code, number, issuer code).
NumberKey = tuple[str, str, str, str]


@dataclass
class Resolution:
    """Everything later stages need to turn records into IRIs, built once per corpus."""

    base: str
    registry: AgencyRegistry
    years: dict[NumberKey, set[int]] = field(default_factory=dict)
    issuers_by_number: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    # doc_key(ParsedDocument) → ref that numbers it; a key that survives pickling, since the
    # documents' graphs are written in worker processes
    revealed: dict[tuple[str, str], DocRef] = field(default_factory=dict)
    agency_names: dict[str, str] = field(default_factory=dict)  # agency IRI → its one Vietnamese label
    # a law named without a number → the years of passing the corpus prints beside that name
    name_years: dict[str, set[int]] = field(default_factory=dict)
    # a document named without a number, by the slug of its name → the spelling the corpus prints most
    names: dict[str, str] = field(default_factory=dict)
    # a law's name (slug) and year of passing → the one number the corpus prints beside them (`_numbered_names`)
    numbered_names: dict[tuple[str, int], DocRef] = field(default_factory=dict)
    # a numbered law's IRI → the name most files print beside its number (`_law_names`)
    law_names: dict[str, str] = field(default_factory=dict)
    # a document IRI whose mentions disagree → the one symbol and date its description states (`stated`)
    stated: dict[str, tuple[str | None, dt.date | None]] = field(default_factory=dict)
    # a cited document whose citers give it different titles → the one title its description states (`_stated_titles`)
    titles: dict[str, str] = field(default_factory=dict)
    # a central Party document cited by its bare "…/TW" symbol → the one Party body the corpus names as its issuer
    stated_issuers: dict[str, str] = field(default_factory=dict)
    # a citing document → the years it prints itself beside each number (filled as documents are met)
    _printed_years: dict[tuple[str, str], dict[NumberKey, set[int]]] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------ documents

    def document_iri(
        self, ref: DocRef, citing: ParsedDocument | None = None, file_hash: str | None = None
    ) -> str:
        """`file_hash`: the content hash of the file a document is read from, which tells apart
        documents that print nothing identifying (see `own_iri`).

        A law cited by name alone is one node per name ("Luật Đầu tư"), unless the corpus prints that name
        beside two or more years of passing: "Luật Dược ngày 14 tháng 6 năm 2005" and "Luật Dược ngày 06
        tháng 4 năm 2016" are two laws, each with its year in its IRI; a mention without a year cannot say
        which it means and stays on the name's node."""
        ref = self.complete(ref, citing)
        jur = ref.jurisdiction or CENTRAL
        type_slug = _type_slug(ref.type_code)
        if ref.number:
            year = str(ref.year) if ref.year else UNDATED
            return f"{self.base}/eli/{jur}/{type_slug}/{year}/{_number_slug(ref)}"
        if ref.name:
            name = slugify(ref.name)
            if ref.year and len(self.name_years.get(name, ())) > 1:
                return f"{self.base}/eli/{jur}/{type_slug}/{ref.year}/name/{name}"
            return f"{self.base}/eli/{jur}/{type_slug}/name/{name}"
        return f"{self.base}/eli/{jur}/{type_slug}/{ref.year or UNDATED}/draft-{_draft_hash(ref, file_hash)}"

    def self_ref(self, doc: ParsedDocument) -> DocRef:
        """The document's own identity, with a number revealed by another document if any.

        A document that prints no date is dated no earlier than what it carries out:
        seed 002 implements 37-CTr/TU of 26/3/2019, so its year is taken as 2019.
        """
        if doc_key(doc) in self.revealed:
            return self.revealed[doc_key(doc)]
        return _printed_ref(doc)

    def self_iri(self, doc: ParsedDocument) -> str:
        return self.own_iri(self.self_ref(doc), doc)

    def own_iri(self, ref: DocRef, doc: ParsedDocument) -> str:
        """The IRI of a document as it identifies itself.  One that prints no number, name, title
        or date (a web Q&A page, an encyclopedia article, a communiqué: at most an issuer read from
        its text) says nothing that tells it from another such text, so the content hash of its file
        is part of its draft IRI: 14 such files of the real corpus, of six issuers, became one node
        with the sections, labels and citations of all of them.  Two copies of one file still meet."""
        return self.document_iri(ref, doc, None if _identifies(ref) else doc.source.sha256)

    def unrevealed_iri(self, doc: ParsedDocument) -> str | None:
        """The IRI an unnumbered document had before another document revealed its number (the
        draft IRI from issuer, type, date and title), so that links made to it keep working;
        None when nothing was revealed."""
        if doc_key(doc) not in self.revealed:
            return None
        return self.own_iri(_printed_ref(doc), doc)

    def complete(self, ref: DocRef, citing: ParsedDocument | None) -> DocRef:
        """Fill jurisdiction, issuer and year that the citation leaves implicit."""
        if not ref.number and ref.name:
            ref = self._numbered_by_name(ref)
        home = citing.meta.ref.jurisdiction if citing else None
        jurisdiction = ref.jurisdiction or home or CENTRAL
        issuer = identity_issuer(ref)
        if ref.number and not issuer:
            issuer = self._only_issuer(jurisdiction, ref) or None
        year = year_of(ref)
        if ref.number and not year:
            key = (jurisdiction, ref.type_code or "", ref.number, issuer or "")
            year = self._year_printed_beside(key, citing) or self._known_year(key, citing)
        return DocRef(
            type_code=ref.type_code,
            type_label=ref.type_label,
            number=ref.number,
            symbol=ref.symbol,
            issuer_code=issuer,
            issuer_name=ref.issuer_name,
            date=ref.date,
            year=year,
            jurisdiction=jurisdiction,
            jurisdiction_inferred=ref.jurisdiction_inferred,
            title=ref.title,
            name=self.names.get(slugify(ref.name), ref.name) if ref.name and not ref.number else ref.name,
        )

    def _numbered_by_name(self, ref: DocRef) -> DocRef:
        """A law named with its date or year of passing, numbered where the corpus prints that name and year beside
        one number: "Luật Tổ chức chính quyền địa phương ngày 16/6/2025" is "… số 72/2025/QH15", not a node apart."""
        year = year_of(ref)
        numbered = self.numbered_names.get((slugify(ref.name or ""), year)) if year else None
        if numbered is None or (ref.date and numbered.date and ref.date != numbered.date):
            return ref
        return replace(
            ref,
            number=numbered.number,
            symbol=numbered.symbol,
            issuer_code=numbered.issuer_code,
            date=ref.date or numbered.date,
            year=year,
        )

    def _only_issuer(self, jurisdiction: str, ref: DocRef) -> str | None:
        issuers = self.issuers_by_number.get((jurisdiction, ref.type_code or "", ref.number or ""), set())
        if not issuers:
            issuers = self.issuers_by_number.get((CENTRAL, ref.type_code or "", ref.number or ""), set())
        return next(iter(issuers)) if len(issuers) == 1 else None

    def _year_printed_beside(self, key: NumberKey, citing: ParsedDocument | None) -> int | None:
        """The year the citing document itself prints for that number, when it prints one: "Nghị định
        số 12/CP ngày 26 tháng 01 năm 1995 … (sau đây được viết là Nghị định số 12/CP)" means the decree of
        1995, not the corpus's latest 12/…/NĐ-CP (12/2015/NĐ-CP, cited by other files)."""
        if citing is None:
            return None
        printed = self._printed_years.get(doc_key(citing))
        if printed is None:
            printed = self._printed_years[doc_key(citing)] = _years_by_number([citing])
        years = printed.get(key, set())
        return next(iter(years)) if len(years) == 1 else None

    def stated_identity(self, iri: str, ref: DocRef) -> DocRef:
        """The description's symbol and date as the corpus states them once (see `_stated_identities`)."""
        if ref.issuer_code == PARTY_CENTRE and iri in self.stated_issuers:
            ref = replace(ref, issuer_name=self.stated_issuers[iri])  # the code stays the symbol's
        if ref.title and iri in self.titles:
            ref = replace(ref, title=self.titles[iri])
        if iri not in self.stated:
            return ref
        symbol, date = self.stated[iri]
        return replace(ref, symbol=symbol or ref.symbol, date=date or ref.date)

    def _known_year(self, key: NumberKey, citing: ParsedDocument | None) -> int | None:
        years = self.years.get(key, set())
        if not years:
            return None
        # Several documents share the number (Quảng Nam's 16-CTr/TU of 2018 and of 2022):
        # an undated mention means the latest one issued before the citing document.
        limit = citing.meta.ref.year if citing and citing.meta.ref.year else max(years)
        earlier = [y for y in years if y <= limit]
        return max(earlier) if earlier else min(years)

    # ------------------------------------------------------ other node kinds

    def jurisdiction_iri(self, jur: str | None) -> str:
        return f"{self.base}/jurisdiction/{jur or CENTRAL}"

    def agency_iri(self, name: str, jurisdiction: str | None) -> str:
        jur = jurisdiction or CENTRAL
        name = generic_body_named(name, jur)
        found = self.registry.lookup(name, jur)
        slug = found[0] if found else slugify(name)
        return f"{self.base}/org/{found_jurisdiction(found, jur)}/{slug}"

    def agency_labels(self, mention: AgencyMention, jurisdiction: str | None) -> tuple[str, str | None]:
        jur = jurisdiction or CENTRAL
        name = generic_body_named(mention.name, jur)  # as agency_iri names it, so that label and IRI agree
        found = self.registry.lookup(name, jur)
        if found:
            return found[1], found[2]
        iri = self.agency_iri(name, jurisdiction)
        return self.agency_names.get(iri, name), None

    def source_iri(self, doc: ParsedDocument) -> str:
        return f"{self.base}/source/{doc.source.sha256[:16]}"

    def graph_iri(self, doc: ParsedDocument) -> str:
        return f"{self.base}/graph/{slugify(Path(doc.source.name).stem)}"


def doc_key(doc: ParsedDocument) -> tuple[str, str]:
    return doc.source.path, doc.source.sha256


def found_jurisdiction(found: tuple | None, jur: str) -> str:
    """Registry hits may be central bodies named in a provincial document."""
    if found and len(found) > 3 and found[3]:
        return found[3]
    return jur


def resolve(
    docs: list[ParsedDocument], base: str = DEFAULT_BASE, registry: AgencyRegistry | None = None
) -> Resolution:
    """Index every document reference of the corpus so IRIs agree across documents."""
    from .registry import load_registry

    res = Resolution(base=base.rstrip("/"), registry=registry or load_registry())
    issuers: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    name_years: dict[str, set[int]] = defaultdict(set)
    names: dict[str, Counter] = defaultdict(Counter)
    for doc, ref in _all_refs(docs):
        jur = ref.jurisdiction or doc.meta.ref.jurisdiction or CENTRAL
        if not ref.number:
            if ref.name:
                names[slugify(ref.name)][ref.name] += 1
            if ref.name and (ref.year or ref.date):
                name_years[slugify(ref.name)].add(ref.year or ref.date.year)
            continue
        issuer = identity_issuer(ref)
        if issuer:
            issuers[(jur, ref.type_code or "", ref.number)].add(issuer)
    res.years = _years_by_number(docs)
    res.name_years = dict(name_years)
    # printed spellings that slug alike ("Luật Quản lý thuế" / "Luật Quản lý thuê", "Luật Khoa học, công nghệ
    # và đổi mới sáng tạo" / "… Khoa học công nghệ và …") are one node: it gets the most printed one as its
    # label, the same in every document's graph (SHACL: one label per language)
    res.names = {slug: _most_printed(spellings) for slug, spellings in names.items() if len(spellings) > 1}
    res.issuers_by_number = dict(issuers)
    res.numbered_names = _numbered_names(docs)
    res.revealed = _reveal_numbers(docs)
    res.agency_names = _agency_names(docs, res)
    cited = _cited_iris(docs, res)
    res.stated = _stated_identities(docs, cited, res)
    res.law_names = _law_names(cited, res)
    res.titles = _stated_titles(docs, cited, res)
    res.stated_issuers = _stated_party_issuers(cited)
    res._printed_years.clear()  # each worker fills its own, for the documents it writes
    return res


def _years_by_number(docs: list[ParsedDocument]) -> dict[NumberKey, set[int]]:
    """The years printed beside each number (jurisdiction, type, number, issuer) in ``docs``."""
    years: dict[NumberKey, set[int]] = defaultdict(set)
    for doc, ref in _all_refs(docs):
        issuer = identity_issuer(ref)
        year = year_of(ref)
        if ref.number and issuer and year:
            jur = ref.jurisdiction or doc.meta.ref.jurisdiction or CENTRAL
            years[(jur, ref.type_code or "", ref.number, issuer)].add(year)
    return dict(years)


_LAWS = frozenset({"L"})  # laws and codes: the documents cited by name


def _numbered_names(docs: list[ParsedDocument]) -> dict[tuple[str, int], DocRef]:
    """Each law's name and year of passing that the corpus prints beside exactly one number ("Luật Tổ chức chính
    quyền địa phương số 72/2025/QH15"); a name and year printed beside two numbers say nothing."""
    numbers: dict[tuple[str, int], dict[str, DocRef]] = defaultdict(dict)
    for _, ref in _all_refs(docs):
        year = year_of(ref)
        if ref.number and ref.name and year and ref.type_code in _LAWS and ref.symbol:
            numbers[(slugify(ref.name), year)].setdefault(ref.symbol, ref)
    return {key: next(iter(refs.values())) for key, refs in numbers.items() if len(refs) == 1}


# each file's distinct references with their IRIs, in corpus order: what the corpus states once is counted in files
CitedIris = list[list[tuple[DocRef, str]]]


def _cited_iris(docs: list[ParsedDocument], res: Resolution) -> CitedIris:
    """Each document's distinct references and their IRIs, named once for the statements made of the whole corpus
    (a symbol, a date, a law's name, a Party issuer)."""
    return [[(ref, res.document_iri(ref, doc)) for ref in _distinct_refs(doc)] for doc in docs]


def _law_names(cited: CitedIris, res: Resolution) -> dict[str, str]:
    """The one name each numbered law is known by: the one most files print beside its number, so that a misprint
    ("Luật Ban hành văn bản quy phạm pháp luật số 63/2025/QH15" in one file; 41 print "Luật Tổ chức Chính phủ" for
    63/2025/QH15) and the spellings of a name ("Luật Thuế GTGT") give way (ties: the longer name, then the first)."""
    names: dict[str, Counter] = defaultdict(Counter)
    for refs in cited:
        printed = {(iri, res.names.get(slugify(ref.name), ref.name)) for ref, iri in refs if ref.name}
        for iri, name in printed:
            if "/name/" not in iri:  # a law cited by its name alone is labelled by that name already
                names[iri][name] += 1
    return {iri: min(c, key=lambda n: (-c[n], -len(n), n)) for iri, c in names.items()}


def _stated_identities(
    docs: list[ParsedDocument], cited: CitedIris, res: Resolution
) -> dict[str, tuple[str | None, dt.date | None]]:
    """One symbol and one date for each document whose mentions disagree, the same in every file's graph
    (SHACL: one symbol, one date of issue): the document's own when the corpus holds it, else the one most
    files print (ties: the fuller symbol, the earlier date).  Eight files print "Thông tư số 17/2021/TT-BTC
    ngày 26 tháng 01 năm 2021", five "… ngày 26/02/2021"; what each file printed stays in its own graph."""
    symbols: dict[str, Counter] = defaultdict(Counter)
    dates: dict[str, Counter] = defaultdict(Counter)
    for refs in cited:
        printed = {(iri, ref.symbol, ref.date) for ref, iri in refs}
        for iri, symbol in {(iri, symbol) for iri, symbol, _ in printed if symbol}:
            symbols[iri][symbol] += 1  # files, not mentions: one file repeating a misprint is one voice
        for iri, date in {(iri, date) for iri, _, date in printed if date}:
            dates[iri][date] += 1
    own = {res.self_iri(doc): res.self_ref(doc) for doc in docs}
    stated: dict[str, tuple[str | None, dt.date | None]] = {}
    for iri in symbols.keys() | dates.keys():
        if len(symbols[iri]) < 2 and len(dates[iri]) < 2:
            continue
        mine = own.get(iri)
        stated_symbol = (mine and mine.symbol) or min(
            symbols[iri], key=lambda s: (-symbols[iri][s], -len(s), s), default=None
        )
        stated_date = (mine and mine.date) or min(dates[iri], key=lambda d: (-dates[iri][d], d), default=None)
        stated[iri] = (stated_symbol, stated_date)
    return stated


# how titles are compared: case, commas and spacing aside ("về Kiểm soát thủ tục hành chính" is "về kiểm soát …")
_TITLE_NOISE = re.compile(r"[\s,;:.\"“”'‘’-]+")


def _title_key(title: str) -> str:
    return _TITLE_NOISE.sub(" ", title.casefold()).strip()


def _stated_titles(docs: list[ParsedDocument], cited: CitedIris, res: Resolution) -> dict[str, str]:
    """One title for each cited document whose citers give it several, the same in every citing file's graph: the
    title most files give (files, not mentions), read case and commas aside.  A citing sentence often goes on past
    the title, and the words it adds differ from file to file: six files cite Nghị quyết 57-NQ/TW, four "… về đột
    phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;", one "… quốc gia được sửa
    đổi, bổ sung cập nhật một số điều tại Nghị quyết số 71/NQ-CP", one (Đồng Tháp's programme carrying it out) "…
    chuyển đổi số trên địa bàn tỉnh Đồng Tháp".  A file that prints several titles in several mentions gives each
    a vote: the longest of them is often one run on into the next table row or paragraph ("… có liên quan Bãi bỏ
    toàn bộ").  Ties: the title others extend (what they add is their sentence), the one that extends others at its
    opening ("quy định về phân quyền …" over "về phân quyền …": a citing sentence adds nothing in front of a title,
    it may drop its verb), one opening with "về" (the subject as the document prints it; "quy định …" is as often
    what one article regulates), the longer, the first.  The spelling is the one most files print, not in capitals
    when one is not.  A document's own title, often in capitals, is not a vote: its own file describes it."""
    votes: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for doc, refs in zip(docs, cited, strict=True):
        own = res.self_iri(doc)
        printed = {(iri, ref.title) for ref, iri in refs if ref.title and iri != own}
        for iri, title in printed:
            votes[iri][_title_key(title)][title] += 1
    stated: dict[str, str] = {}
    for iri, keys in votes.items():
        if sum(len(spellings) for spellings in keys.values()) < 2:
            continue
        files = {key: sum(spellings.values()) for key, spellings in keys.items()}
        extended = {key: sum(other.startswith(key + " ") for other in keys) for key in keys}
        opened = {key: sum(key.endswith(" " + other) for other in keys) for key in keys}
        best = min(
            keys, key=lambda k: (-files[k], -extended[k], -opened[k], not k.startswith("về "), -len(k), k)
        )
        spellings = keys[best]
        # ties: no stray closing quote, the fewest capitals ("Bộ Quốc Phòng" and "Bộ Quốc phòng" each in one file:
        # the second), the commas kept
        stated[iri] = min(
            spellings,
            key=lambda t: (
                t.isupper(),
                -spellings[t],
                not t[-1].isalnum(),
                sum(map(str.isupper, t)),
                -len(t),
                t,
            ),
        )
    return stated


def _stated_party_issuers(cited: CitedIris) -> dict[str, str]:
    """The Party body that issued a central Party document cited by its bare symbol ("Nghị quyết số 57-NQ/TW và
    Kế hoạch …"), when every file that names a body of the centre names the same one.  "/TW" ends the symbols of
    the Central Committee, the Politburo and the Secretariat alike: the bare symbol's default (the Central
    Committee) made 57-NQ/TW passed by it and by "Bộ Chính trị", as fifteen citations of corpus/real name it."""
    named: dict[str, set[str]] = defaultdict(set)
    bare: set[str] = set()
    for refs in cited:
        for ref, iri in refs:
            if identity_issuer(ref) != PARTY_CENTRE:
                continue
            if ref.issuer_code == PARTY_CENTRE:
                bare.add(iri)
            elif ref.issuer_code and ref.issuer_name:
                named[iri].add(issuer_label(ref) or ref.issuer_name)
    return {iri: next(iter(bodies)) for iri, bodies in named.items() if iri in bare and len(bodies) == 1}


def _most_printed(spellings: Counter) -> str:
    return min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]


# The issuer code of the Party's centre in symbols ("29-NQ/TW"): the Central Committee, the Politburo or the
# Secretariat.
PARTY_CENTRE = "TW"
# Abbreviated or old-style spellings in issuer names, written out in labels.
ISSUER_SPELLINGS = (("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("Uỷ", "Ủy"), ("uỷ", "ủy"))
# a printed issuer name (case-folded) → its conventional spelling: the first entry of ISSUER_NAMES.  A minister
# is named by the ministry: "Thông tư số 43/2025/TT-BCT … của Bộ trưởng Bộ Công Thương" was issued by the body its
# symbol (TT-BCT) and its own header (BỘ CÔNG THƯƠNG) name, not by a node of its own (corpus/real: 28 documents
# were passed by both "Bộ Tài chính" and "Bộ trưởng Bộ Tài chính", as their own file and their citations said).
_MINISTER = "Bộ trưởng "
_ISSUER_NAME_BY_FOLDED: dict[str, str] = {}
for _name, _code in ISSUER_NAMES:
    _ministry = ISSUER_BY_CODE.get(_code)
    _spelling = (
        _ministry.label_vi if _ministry and _name.startswith(_MINISTER + _ministry.label_vi) else _name
    )
    _ISSUER_NAME_BY_FOLDED.setdefault(_name.casefold(), _spelling)


# A province's department or office ("Sở Công Thương", "Văn phòng", "Trung tâm Phục vụ hành chính công") is named
# bare, as the registry and the tasks name it: its node's IRI carries the province (…/org/vn-02/so-cong-thuong), so
# the documents it issues and the tasks it leads meet on one node.
_DEPARTMENT = re.compile(
    r"(?:Sở|Chi cục|Văn phòng(?! (?:Ủy|Uỷ) ban nhân dân)|Trung tâm|Phòng|Ban Quản lý|Đoàn|Thanh tra|Kho bạc|Công an"
    r"|Bộ Chỉ huy) "
)  # (but the People's Committee's office names the committee, whose province completes it)


def _names_province(name: str, province: str) -> bool:
    """Whether ``name`` carries the province's name in any of its spellings ("tỉnh Hoà Bình", old tone placement)."""
    folded = name.casefold()
    spellings = [province] + [alias for alias, canonical in PROVINCE_ALIASES.items() if canonical == province]
    return any(spelling.casefold() in folded for spelling in spellings)


def _unit_label(template: str, city: bool) -> str:
    return " ".join(
        template.format(
            unit="thành phố" if city else "tỉnh", party_unit="Thành" if city else "Tỉnh", province=""
        ).split()
    )


# A centrally-run city's People's Committee, People's Council and Party Committee, named without the city as the
# symbol codes name them ("425/TTr-UBND" cited by a Hà Nội resolution: "Ủy ban nhân dân tỉnh" → "Ủy ban nhân dân
# thành phố", then "Hà Nội"), the spelling the city's own documents print.
_CITY_UNIT_LABELS = {
    _unit_label(template, city=False): _unit_label(template, city=True)
    for template in LOCAL_ISSUER_NAMES.values()
}


# The province's own People's Committee, Council and Party Committee named without the province, as a province's
# documents name them ("Ủy ban nhân dân tỉnh", "UBND tỉnh", "Hội đồng nhân dân Thành phố"): that province's body.
_GENERIC_BODIES = {
    city: frozenset(_unit_label(template, city).casefold() for template in LOCAL_ISSUER_NAMES.values())
    for city in (False, True)
}


def _spelt_out(name: str) -> str:
    for short, full in ISSUER_SPELLINGS:
        name = name.replace(short, full)
    return name


def generic_body_named(name: str, jurisdiction: str) -> str:
    """ "Ủy ban nhân dân tỉnh" in a document of Đắk Lắk → "Ủy ban nhân dân tỉnh Đắk Lắk", the name the body's own
    documents are issued under (``issuer_label``), so that the tasks it leads and the documents it issues meet on
    one node (corpus/real had both vn-33/uy-ban-nhan-dan-tinh and vn-33/uy-ban-nhan-dan-tinh-dak-lak)."""
    province = PROVINCE_BY_ISO.get(jurisdiction)
    if province is None:
        return name
    spelt = _spelt_out(name)
    city = province.iso in CITY_ISOS
    folded = spelt.casefold()
    # in a province's document "Ủy ban nhân dân thành phố" is one of its cities, not the province's committee
    if folded not in _GENERIC_BODIES[False] and not (city and folded in _GENERIC_BODIES[True]):
        return name
    spelt = spelt[:1] + spelt[1:].lower()  # "Ủy ban nhân dân Thành phố" as the issuer's label spells it
    if city:
        spelt = _CITY_UNIT_LABELS.get(spelt, spelt)
    return f"{spelt} {province.name}"


def _department(code: str, jurisdiction: str | None) -> str | None:
    """A province's department named by its code ("SCT" of "298/TTr-SCT", "SCT-QLTM" of a letter's symbol)."""
    if not jurisdiction or jurisdiction == CENTRAL:
        return None
    head = code.split("-")[0]
    return DEPARTMENT_BY_CODE.get(head) or OFFICE_BY_CODE.get(head)


def issuer_label(ref: DocRef) -> str | None:
    """The issuer as users read it, with its province: "Tỉnh ủy Quảng Nam", "Bộ Chính trị".

    A printed name is mapped to its conventional spelling ("CỦA TỈNH ỦY" → "Tỉnh ủy");
    a provincial body gets its province's name unless it already carries one.
    """
    printed = (ref.issuer_name or "").strip()
    canonical = _ISSUER_NAME_BY_FOLDED.get(printed.casefold())
    if canonical is None and printed and not printed.isupper():
        canonical = printed
    if canonical is None:
        code = identity_issuer(ref) or ref.issuer_code or ""
        issuer = ISSUER_BY_CODE.get(code)
        canonical = issuer.label_vi if issuer else _department(code, ref.jurisdiction)
    if canonical is None:
        return None
    canonical = _spelt_out(canonical)
    province = PROVINCE_BY_ISO.get(ref.jurisdiction or "")
    if province and province.iso in CITY_ISOS:
        canonical = next(
            (canonical[: -len(p)] + c for p, c in _CITY_UNIT_LABELS.items() if canonical.endswith(p)),
            canonical,
        )
    if province and not _names_province(canonical, province.name) and not _DEPARTMENT.match(canonical):
        canonical = f"{canonical} {province.name}"
    elif province:  # "tỉnh Thừa Thiên huế" as printed: the province's name as it is spelt
        canonical = re.sub(re.escape(province.name), province.name, canonical, flags=re.IGNORECASE)
    return canonical


def _agency_names(docs: list[ParsedDocument], res: Resolution) -> dict[str, str]:
    """One label per unregistered agency IRI, the same in every document's graph.

    Printed variants that slug alike ("UBND các huyện, thị xã. thành phố" and "…, thị xã,
    thành phố") share an IRI; the most frequent spelling becomes the label.
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        jur = doc.meta.ref.jurisdiction
        mentions = [m for t in doc.tasks for m in (*t.lead, *t.support, *t.directing)]
        mentions += [m for i in doc.indicators for m in ([i.agency] if i.agency else [])]
        mentions += [m for i in doc.indicators for m in getattr(i, "co_agencies", [])]
        for mention in mentions:
            counts[res.agency_iri(mention.name, jur)][generic_body_named(mention.name, jur or CENTRAL)] += 1
        for issuer_jur, label in _issuers_printed(doc, res):
            counts[res.agency_iri(label, issuer_jur)][label] += 1
    return {iri: _most_printed(c) for iri, c in counts.items()}


def _issuers_printed(doc: ParsedDocument, res: Resolution) -> Iterator[tuple[str | None, str]]:
    """The issuers a document names, its own and its citations', as their agency nodes are labelled when
    the registry does not hold them: "Trung tâm Phục vụ hành chính công" and "… phục vụ …" printed by two
    documents are one node with one label."""
    for ref in _distinct_refs(doc):
        completed = res.complete(ref, doc)
        label = issuer_label(completed)
        if label and not res.registry.lookup(label, completed.jurisdiction or CENTRAL):
            yield completed.jurisdiction, label


def _distinct_refs(doc: ParsedDocument) -> list[DocRef]:
    """The document's own reference and those it cites, each way of citing once: a law cited twenty times
    is completed and named once (resolution runs on one core, before the documents' graphs are written)."""
    seen: dict[tuple, DocRef] = {}
    for _, ref in _all_refs([doc]):
        key = (
            ref.type_code,
            ref.number,
            ref.symbol,
            ref.issuer_code,
            ref.issuer_name,
            ref.date,
            ref.year,
            ref.jurisdiction,
            ref.name,
            ref.title,
        )
        seen.setdefault(key, ref)
    return list(seen.values())


def identity_issuer(ref: DocRef) -> str | None:
    """The issuer part of the symbol, which is what identifies the document.

    Citations name the body differently ("29-NQ/TW … của Bộ Chính trị" gives BCTTW,
    a bare "29-NQ/TW" gives TW); the symbol's own code is stable:
    ``29-NQ/TW`` → TW, ``214/KH-UBND`` → UBND, ``159/2008/QĐ-TTg`` → TTg,
    ``2057/SKHĐT-KTN`` → SKHĐT-KTN (a letter: no type code in the symbol).
    """
    symbol = ref.symbol or ""
    if "/" not in symbol:
        return ref.issuer_code
    head, tail = symbol.split("/", 1)
    tail = _YEAR_IN_SYMBOL.sub("", tail)
    if "-" in head:  # Party form: number-TYPE/ISSUER
        return tail or ref.issuer_code
    code, _, issuer = tail.partition("-")
    if code.upper() in SYMBOL_TYPE_CODES:
        return issuer or ref.issuer_code
    return tail or ref.issuer_code


def _all_refs(docs: list[ParsedDocument]):
    for doc in docs:
        yield doc, doc.meta.ref
        for citation in doc.citations:
            yield doc, citation.target
        for relation in doc.relations:
            if relation.source is not None:
                yield doc, relation.source


def _reveal_numbers(docs: list[ParsedDocument]) -> dict[tuple[str, str], DocRef]:
    """Match unnumbered documents to a numbered citation of them elsewhere.

    A candidate must agree on jurisdiction, type and issuer, on the year when both
    know it, and must implement the same document as the unnumbered one does.
    Only a unique candidate is taken: a wrong merge is worse than a missing one.
    """
    revealed: dict[tuple[str, str], DocRef] = {}
    # numbered "implements" sources by what they implement: one pass, not one per unnumbered doc
    sources_of: dict[tuple, list[tuple[int, int, DocRef]]] = defaultdict(list)
    for d, other in enumerate(docs):
        for r, rel in enumerate(other.relations):
            if rel.kind == "implements" and rel.source is not None and rel.source.number:
                sources_of[_symbol_key(rel.target)].append((d, r, rel.source))
    for at, doc in enumerate(docs):
        own = doc.meta.ref
        if own.number or not own.jurisdiction:
            continue
        targets = {
            _symbol_key(r.target) for r in doc.relations if r.kind == "implements" and r.source is None
        }
        matches = sorted(
            (d, r, src)
            for target in targets
            for d, r, src in sources_of.get(target, ())
            if d != at and _same_kind(src, own, docs[d])
        )
        candidates = {_symbol_key(src): src for _, _, src in matches}  # in corpus order: the last wins
        if len(candidates) == 1:
            found = next(iter(candidates.values()))
            revealed[doc_key(doc)] = DocRef(
                type_code=own.type_code,
                type_label=own.type_label,
                number=found.number,
                symbol=found.symbol,
                issuer_code=found.issuer_code or own.issuer_code,
                issuer_name=own.issuer_name,
                date=found.date or own.date,
                year=found.year or (found.date.year if found.date else own.year),
                jurisdiction=own.jurisdiction,
                jurisdiction_inferred=own.jurisdiction_inferred,
                title=own.title,
            )
    return revealed


def _printed_ref(doc: ParsedDocument) -> DocRef:
    """The document as it prints itself, an undated one dated by what it implements."""
    ref = doc.meta.ref
    if ref.year or ref.date:
        return ref
    year = implemented_year(doc)
    return replace(ref, year=year) if year else ref


def year_of(ref: DocRef) -> int | None:
    """The year a reference prints, on its own or in its date."""
    return ref.year or (ref.date.year if ref.date else None)


def implemented_year(doc: ParsedDocument) -> int | None:
    """The latest year among the documents this one says it implements (a lower bound)."""
    years = [year_of(r.target) for r in doc.relations if r.kind == "implements" and r.source is None]
    known = [y for y in years if y]
    return max(known) if known else None


def _same_kind(candidate: DocRef, own: DocRef, candidate_doc: ParsedDocument) -> bool:
    jur = candidate.jurisdiction or candidate_doc.meta.ref.jurisdiction
    year = year_of(candidate)
    return (
        jur == own.jurisdiction
        and candidate.type_code == own.type_code
        and (identity_issuer(candidate) or own.issuer_code) == own.issuer_code
        and (not year or not own.year or year == own.year)
    )


def _symbol_key(ref: DocRef) -> tuple:
    return (ref.type_code, ref.number, identity_issuer(ref), ref.jurisdiction if ref.number else ref.name)


def _type_slug(type_code: str | None) -> str:
    doc_type = DOC_TYPE_BY_CODE.get(type_code or "")
    return doc_type.slug if doc_type else "vb"  # văn bản: a document of unknown type


def _number_slug(ref: DocRef) -> str:
    number = slugify(ref.number or "")
    issuer = identity_issuer(ref) or ""
    if not issuer or issuer == "UBND":
        return number
    return f"{number}-{slugify(issuer)}"


def _identifies(ref: DocRef) -> bool:
    """Whether a document's own reference tells it apart from other documents of its issuer."""
    return bool(ref.number or ref.name or ref.title or ref.date or ref.year)


def _draft_hash(ref: DocRef, file_hash: str | None = None) -> str:
    parts = [
        ref.issuer_code or "",
        ref.type_code or "",
        ref.date.isoformat() if ref.date else str(ref.year or ""),
        ref.title or ref.name or "",
    ]
    if file_hash:
        parts.append(file_hash)
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:8]


def province_label(jur: str | None) -> tuple[str, str]:
    """Vietnamese and English labels of a jurisdiction code."""
    if not jur or jur == CENTRAL:
        return "Trung ương", "Central (national)"
    province = PROVINCE_BY_ISO.get(jur)
    name = province.name if province else jur.upper()
    return name, f"{name} Province"
