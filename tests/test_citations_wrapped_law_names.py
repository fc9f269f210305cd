"""A law's name whose "và" ends or opens a line of hard-wrapped text: "Căn cứ Luật Phí và\nlệ phí số
97/2015/QH13;" was cut to "Luật Phí", its number lost, and the laws the same text names alone ("… quy định
chi tiết … của Luật Phí và lệ phí") stayed unnumbered, so the decree's guides relation pointed to a
name (found by the relation precision sample of stop 18).  Sentences quoted from the corpus/real files named."""

from __future__ import annotations

from excerpt_support import extracted

# corpus/real 39db3d8c3cc4571d (Thông tư 110/2025/TT-BTC), lines 11-16, as wrapped there
_PREAMBLE = (
    "Căn cứ Luật Phí và\nlệ phí số 97/2015/QH13;\n"
    "Căn cứ Nghị định số 120/2016/NĐ-CP ngày 23 tháng 8 năm 2016 của Chính phủ quy định chi tiết và hướng dẫn "
    "thi hành một\nsố điều của Luật Phí và lệ phí;\n"
)


def test_a_law_name_wrapped_after_and_keeps_its_number():
    citations, _ = extracted(_PREAMBLE)
    assert (citations[0].target.name, citations[0].target.symbol) == ("Luật Phí và lệ phí", "97/2015/QH13")


def test_the_decree_guides_the_numbered_law():
    _, relations = extracted(_PREAMBLE)
    guides = [(r.source.symbol, r.target.symbol) for r in relations if r.kind == "guides" and r.source]
    assert guides == [("120/2016/NĐ-CP", "97/2015/QH13")]


def test_a_wrapped_name_ends_at_the_semicolon():
    # corpus/real d5015b24faef2597: "Luật Địa chất và\nkhoáng sản;"
    citations, _ = extracted("Căn cứ Luật Địa chất và\nkhoáng sản;\n")
    assert [c.target.name for c in citations] == ["Luật Địa chất và khoáng sản"]
