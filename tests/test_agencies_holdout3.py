"""Agency names of the issuers a document cites, in forms the third held-out set (tests/corpus/holdout3,
SOURCE.md) printed: a centrally-run city's bodies named as the city names them."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import parse_file
from graph.resolve import issuer_label, resolve

HOLDOUT3 = Path(__file__).parent / "corpus" / "holdout3" / "texts"


def _cited_issuers(name: str) -> dict[str, str | None]:
    doc = parse_file(HOLDOUT3 / name)
    res = resolve([doc])
    return {
        c.target.symbol: issuer_label(res.complete(c.target, doc)) for c in doc.citations if c.target.symbol
    }


def test_a_citys_people_committee_and_council_are_the_citys_not_a_provinces():
    # "Xét Tờ trình số 425/TTr-UBND … của Ủy ban nhân dân Thành phố", "… thay thế Nghị quyết số 10/2021/NQ-HĐND
    # … của Hội đồng nhân dân Thành phố" in a resolution of HĐND thành phố Hà Nội: the symbol codes named them
    # "Ủy ban nhân dân tỉnh Hà Nội" and "Hội đồng nhân dân tỉnh Hà Nội", nodes of their own beside the city's
    # (corpus/real: 298 such labels for Hà Nội, Hồ Chí Minh, Đà Nẵng, Hải Phòng and Cần Thơ, 6 twin nodes)
    issuers = _cited_issuers("x98b67fb1_hanoi-nq51-hdnd-thu-y.txt")
    assert issuers["425/TTr-UBND"] == "Ủy ban nhân dân thành phố Hà Nội"
    assert issuers["467/BC-UBND"] == "Ủy ban nhân dân thành phố Hà Nội"
    assert issuers["10/2021/NQ-HĐND"] == "Hội đồng nhân dân thành phố Hà Nội"


def test_a_provinces_people_committee_keeps_its_unit():
    issuers = _cited_issuers("x8fe888e4_caobang-qd2003-xa-mien-nui.txt")
    assert issuers["3279/KH-UBND"] == "Ủy ban nhân dân tỉnh Cao Bằng"


def test_a_peoples_council_committees_report_is_the_citing_citys():
    # "Báo cáo thẩm tra số 119/BC-BPC ngày 22 tháng 11 năm 2025 của Ban Pháp chế Hội đồng nhân dân Thành phố": a
    # "B…" code is a ministry's (central) but for the council's committees, whose numbers every province reuses
    doc = parse_file(HOLDOUT3 / "x98b67fb1_hanoi-nq51-hdnd-thu-y.txt")
    jurisdictions = {c.target.symbol: c.target.jurisdiction for c in doc.citations if c.target.symbol}
    assert jurisdictions["119/BC-BPC"] == "vn-hn"
    assert jurisdictions["29/2016/TT-BNNPTNT"] == "vn"  # a ministry's circular stays national


def test_a_ministers_document_is_the_ministrys():
    # "Thông tư số 43/2025/TT-BCT … của Bộ trưởng Bộ Công Thương", "Công văn số 2350/BDTTG-VPQGDTMN … của Bộ trưởng
    # Bộ Dân tộc và Tôn giáo": issued by the ministry its symbol and its own header name, one node with it (the
    # real corpus had 28 documents passed by both a ministry and its minister)
    circular = _cited_issuers("qlks-sct-vn__TT-67-2025-TT-BCT-sua-doi-TT-43-2025.docx")
    assert circular["43/2025/TT-BCT"] == "Bộ Công Thương"
    letter = _cited_issuers("x8fe888e4_caobang-qd2003-xa-mien-nui.txt")
    assert letter["2350/BDTTG-VPQGDTMN"] == "Bộ Dân tộc và Tôn giáo"
    # the Prime Minister is an issuer of his own (symbol code TTg), not the Government
    decision = _cited_issuers("x8180ae11_bqp-vbhn92-che-do-quan-nhan.txt")
    assert decision["142/2008/QĐ-TTg"] == "Thủ tướng Chính phủ"


def test_a_provincial_department_is_named_by_its_code():
    # "Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 4499/TTr-SYT …" (holdout 2, Đồng Nai): the departments
    # mirror the ministries' codes ("S" for "B"); the submission had no issuer (real corpus: eli:passed_by 4,621 ->
    # 4,792)
    doc = parse_file(
        Path(__file__).parent / "corpus" / "holdout2" / "texts" / "x329d9e97_dongnai-qd2830-bai-bo-y-te.txt"
    )
    res = resolve([doc])
    submission = next(c.target for c in doc.citations if c.target.symbol == "4499/TTr-SYT")
    assert issuer_label(res.complete(submission, doc)) == "Sở Y tế"
    assert res.complete(submission, doc).jurisdiction == doc.meta.ref.jurisdiction == "vn-39"


def test_the_peoples_committees_office_is_named_with_its_province():
    # corpus/files vbhc-vn__cong-van-de-nghi-bo-sung-ho-so.docx, its first lines as the reader gives them:
    # "Phiếu chuyển số 650/PC-VPUBND … của Văn phòng Ủy ban nhân dân tỉnh Lào Cai" had no issuer (11 citations
    # of corpus/files); it is the node the office's own documents are passed by
    import hashlib

    from graph.model import SourceFile
    from graph.pipeline import parse_source

    text = (
        "UBND TỈNH LÀO CAI\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:           /SCT-CN\nLào Cai, ngày      tháng 6 năm 2026\nV/v hoàn thiện, bổ sung hồ sơ đề nghị cấp Giấy "
        "phép dịch vụ nổ mìn trên địa bàn tỉnh Lào Cai\n\nKính gửi: Công ty TNHH đá cẩm thạch An Phú\n\n"
        "Thực hiện Phiếu chuyển số 650/PC-VPUBND ngày 10/6/2026 của Văn phòng Ủy ban nhân dân tỉnh Lào Cai về việc "
        "giao cho Sở Công Thương giải quyết đề nghị của Công ty TNHH đá cẩm thạch An Phú.\n"
    )
    name = "vbhc-vn__cong-van-de-nghi-bo-sung-ho-so.docx"
    doc = parse_source(SourceFile(name, name, hashlib.sha256(text.encode()).hexdigest(), "utf-8", text))
    res = resolve([doc])
    slip = next(c.target for c in doc.citations if c.target.symbol == "650/PC-VPUBND")
    label = issuer_label(res.complete(slip, doc))
    assert label == "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"
    assert res.agency_iri(label, "vn-02").endswith("/org/vn-02/van-phong-uy-ban-nhan-dan-tinh-lao-cai")
