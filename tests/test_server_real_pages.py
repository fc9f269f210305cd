"""The web pages on real documents of corpus/real (tests/real/SOURCES.md), as a legal officer reads
them (stop 19): who carries out a resolution when most of the chain is only cited, which of two
decisions printing one symbol cites a law, and where a fact was read when the server does not
have the source files.

Six files are built into one small store: Quyết định 2610/QĐ-UBND of Cần Thơ, whose "Căn cứ"
names Kế hoạch 46/KH-UBND "thực hiện Nghị quyết số 71/NQ-CP … thực hiện Nghị quyết số 57-NQ/TW";
two decisions both numbered 87/2025/QĐ-UBND (Lai Châu, 19/11/2025; Bắc Ninh, 03/12/2025), each
"Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15"; and, for the search, Quyết định
1486/QĐ-UBND of Bắc Ninh ("… THUỘC PHẠM VI, CHỨC NĂNG QUẢN LÝ CỦA SỞ TÀI CHÍNH TỈNH BẮC NINH", which
tasks Sở Tài chính), Quyết định 2553/QĐ-TTg ("… GIẢM LÃI SUẤT CHO VAY MỘT SỐ CHƯƠNG TRÌNH TÍN DỤNG
CHÍNH SÁCH TẠI NGÂN HÀNG CHÍNH SÁCH XÃ HỘI") and Quyết định 5721/QĐ-UBND of Hà Nội."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import httpx
import pytest

from server_support import running_server

REAL = Path(__file__).parent / "real"
FILES = [
    "ce4ad96dbd9a518d.txt",
    "01bf9d04a5b9e2c8.txt",
    "475126f38cb26cc2.txt",
    "43ce594e2a648040.txt",
    "998822f1fee3e8d0.txt",
    "478446b53ded4c18.txt",
]
LAW_72 = "/eli/vn/luat/2025/72-qh15"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    from graph.build import build

    work = tmp_path_factory.mktemp("real-pages")
    (work / "in").mkdir()
    for name in FILES:
        shutil.copy(REAL / name, work / "in" / name)
    build([work / "in"], work / "store", work / "ttl")
    (work / "elsewhere").mkdir()  # served without the build's source folder, as a deployment may be
    with running_server(work / "store", timeout_s=20.0, raw_dir=str(work / "elsewhere")) as base_url:
        yield base_url


def get(url: str, path: str, **params) -> httpx.Response:
    return httpx.get(url + path, params=params, timeout=60)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_tree_lists_the_documents_it_holds_no_task_of(url):
    """Nghị quyết 71/NQ-CP and Kế hoạch 46/KH-UBND carry out 57-NQ/TW but are only cited: the
    tree listed "0 documents", as if nothing carried the resolution out."""
    page = get(url, "/tree", doc="57-NQ/TW").text
    docs = page.split('<details class="tree-docs"', 1)[1].split("</details>", 1)[0]
    assert "(documents in the tree)</span>: 2<" in docs
    items = [text_of(li) for li in re.findall(r"<li [^>]*>(.*?)</li>", docs, re.S)]
    assert items[0].startswith("Cấp 1: Nghị quyết 71/NQ-CP · Trung ương · 01/04/2025 · chỉ được trích dẫn")
    assert items[1].startswith("Cấp 2: Kế hoạch 46/KH-UBND · Cần Thơ · 25/08/2025 · chỉ được trích dẫn")
    assert "<option>Cần Thơ</option>" in page  # the province filter offers it


def test_compare_names_a_province_whose_plan_is_only_cited(url):
    page = get(url, "/compare", doc="57-NQ/TW").text
    assert "no province&#39;s plan carries it out" not in page and "no province's plan" not in page
    sections = page.split('<section class="province">')[1:]
    can_tho = next(s for s in sections if "<h2>Cần Thơ</h2>" in s)
    assert "Kế hoạch 46/KH-UBND" in can_tho and "cấp 2, 25/08/2025" in can_tho
    assert "chỉ được trích dẫn, chưa có nhiệm vụ" in can_tho


def test_a_law_page_tells_apart_two_decisions_printing_one_symbol(url):
    page = get(url, LAW_72).text
    rows = re.findall(r'<tr class="citing">(.*?)</tr>', page, re.S)
    rows = [r for r in rows if "Quyết định 87/2025/QĐ-UBND" in r]
    assert len(rows) == 2
    # newest first, each with its issuer and date, and a link to the sentence that cites the law
    assert "Ủy ban nhân dân tỉnh Bắc Ninh, 03/12/2025" in rows[0]
    assert "Ủy ban nhân dân tỉnh Lai Châu, 19/11/2025" in rows[1]
    sources = [re.search(r'class="src" href="([^"]+)"', r)[1] for r in rows]
    assert len(set(sources)) == 2 and all(
        re.match(r"/source/\w+\?start=\d+&amp;end=\d+#span", s) for s in sources
    )
    relations = page.split('<table class="relations">', 1)[1].split("</table>", 1)[0]
    assert "Ủy ban nhân dân tỉnh Lai Châu, 19/11/2025" in relations  # the chain's list says it too


def test_a_source_link_shows_the_passage_when_the_file_is_not_at_hand(url):
    page = get(url, LAW_72).text
    row = next(r for r in re.findall(r'<tr class="citing">(.*?)</tr>', page, re.S) if "Lai Châu" in r)
    link = html.unescape(re.search(r'class="src" href="([^"]+)"', row)[1])
    source = httpx.get(url + link, timeout=60).text  # (params={} would drop the link's own query)
    assert "file not found: 01bf9d04a5b9e2c8.txt" in source
    marked = re.search(r'<mark id="span">(.*?)</mark>', source, re.S)
    assert marked and marked[1] == "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
    assert '<a href="/eli/vn-01/qd/2025/87">Quyết định 87/2025/QĐ-UBND</a>' in source


def sections(page: str) -> list[str]:
    return re.findall(r'<h2 id="(\w+)">', page)


def hits(page: str, kind: str) -> list[str]:
    """The first two cells of each row of one result table, as text."""
    rows = re.findall(rf'<tr class="{kind}">(.*?)</tr>', page, re.S)
    return [" | ".join(text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)[:2]) for r in rows]


def test_a_search_for_a_department_lists_the_departments_first(url):
    """ "sở tài chính" listed documents first, among them 2553/QĐ-TTg, whose title holds số, tại
    and chính here and there; now the departments come first, and documents naming it."""
    page = get(url, "/search", q="sở tài chính").text
    assert sections(page) == ["agencies", "documents", "tasks"]
    assert hits(page, "hit-agency")[0] == "Sở Tài chính | Bắc Ninh"
    documents = hits(page, "hit")
    assert len(documents) == 1 and documents[0].startswith("Quyết định 1486/QĐ-UBND")
    summary = text_of(re.search(r'<p class="summary">(.*?)</p>', page, re.S)[1])
    assert summary.startswith("Tìm thấy (found): 3 cơ quan (agencies) · 1 văn bản (documents)")


def test_a_department_is_found_with_its_province_and_abbreviations(url):
    page = get(url, "/search", q="so tai chinh bac ninh").text
    assert hits(page, "hit-agency") == ["Sở Tài chính | Bắc Ninh"]
    page = get(url, "/search", q="UBND tỉnh Bắc Ninh").text
    assert hits(page, "hit-agency")[0] == "Ủy ban nhân dân tỉnh Bắc Ninh | Bắc Ninh"
    assert sections(page)[0] == "agencies"


def test_a_number_is_matched_whole(url):
    """ "nghị quyết 57" also listed Quyết định 5721/QĐ-UBND ("quyết" and "57", the start of 5721)."""
    page = get(url, "/search", q="nghị quyết 57").text
    assert [h.split(" (")[0] for h in hits(page, "hit")] == ["Nghị quyết 57-NQ/TW"]


def test_a_law_cited_by_number_shows_its_name(url):
    """Luật 72/2025/QH15 is cited as "Luật Tổ chức chính quyền địa phương số 72/2025/QH15": its page
    gave only the symbol; the name is what a reader knows the law by."""
    page = get(url, LAW_72).text
    meta = page.split('<table class="meta">', 1)[1].split("</table>", 1)[0]
    row = re.search(r"<tr><th>Tên gọi.*?</tr>", meta, re.S)
    assert row and text_of(row[0]).endswith("Luật Tổ chức chính quyền địa phương")


def test_a_province_with_no_task_shows_no_empty_agency_list(url):
    page = get(url, "/compare", doc="57-NQ/TW").text
    can_tho = next(s for s in page.split('<section class="province">')[1:] if "<h2>Cần Thơ</h2>" in s)
    assert "lead agencies" not in can_tho
