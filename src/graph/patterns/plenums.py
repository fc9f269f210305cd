"""Resolutions of the Party Central Committee's plenums (Hội nghị Ban Chấp hành Trung ương Đảng).  Data, not logic.

Texts often name a central resolution by the plenum that passed it instead of its number: "Nghị quyết
Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, hiện
đại hóa …", "Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức …".  A plenum usually passes
several resolutions (the sixth plenum of the XIIIth Committee passed 27- and 29-NQ/TW), and this table
does not hold every resolution of a plenum, so a resolution is identified by the subject printed after
"về" (with the plenum and term), never by the plenum alone.

Each entry: term (khóa), plenum (Hội nghị lần thứ …; None where no text of the corpora prints it),
number, date of issue, subject as printed after "về" in the corpora (the shortest printed form: a longer
printed title still matches it), and the corpus files that print them (``corpus:<path>``: data/raw =
the seeds under their project names; tests/corpus/dev/texts; /work/shared/corpus/real by file).  Every
fact of an entry is printed in one of its sources: the number with that date and "khóa <term>", the
subject, and the plenum when it is given (test_relations_real checks it).  Entries once written from
memory of the Party's publications and confirmed by no corpus text were removed (2026-12-06): 25- and
26-NQ/TW (khóa X), 12-, 13-, 19-, 24-, 28-, 29-, 33-NQ/TW (khóa XI), 04-, 05-, 06-, 11-, 12-, 18-,
20-, 26-, 27-, 28-NQ/TW (khóa XII), 18-, 21-, 28-, 42-, 44-, 45-NQ/TW (khóa XIII; 42 and 45 are printed
with their date in seed 003 but never with a subject, so nothing could match them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PlenumResolution:
    term: str  # Roman numeral of the Central Committee's term: "XIII"
    plenum: (
        int | None
    )  # 6 for "Hội nghị lần thứ sáu" / "Hội nghị Trung ương 6"; None: no corpus text prints it
    number: str  # "29"
    date: dt.date
    subject: (
        str  # "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045"
    )
    sources: tuple[str, ...]

    @property
    def symbol(self) -> str:
        return f"{self.number}-NQ/TW"


SEED_000 = "corpus:data/raw/quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt"
SEED_001 = "corpus:data/raw/quang-ngai_ctr-tu_2023_thuc-hien-29-nq-tw.txt"
SEED_002 = "corpus:data/raw/quang-ngai_kh-ubnd_2019_thuc-hien-37-ctr-tu.txt"
SEED_003 = "corpus:data/raw/quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"
SEED_004 = "corpus:data/raw/quang-ngai_kh-ubnd_2024_214.txt"
H04 = "corpus:tests/corpus/dev/texts/h04_bacninh-kh141-nang-luc-xay-dung-phap-luat.txt"
H05 = "corpus:tests/corpus/dev/texts/h05_cantho-kh165-chi-thi-27-cong-tac-dan-so.txt"
REAL = "corpus:/work/shared/corpus/real/"

PLENUM_RESOLUTIONS: tuple[PlenumResolution, ...] = tuple(
    PlenumResolution(*row)
    for row in (
        # khóa X.  Seed 004: "Nghị quyết số 27-NQ/TW ngày 06/8/2008 của Ban Chấp hành Trung ương Khóa X về
        # xây dựng đội ngũ trí thức …" and "Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức …"
        (
            "X",
            7,
            "27",
            dt.date(2008, 8, 6),
            "xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước",
            (SEED_004,),
        ),
        # khóa XI.  Seed 002: "Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban chấp hành Trung ương Đảng khóa XI
        # về phát triển khoa học công nghệ phục vụ …"
        (
            "XI",
            None,
            "20",
            dt.date(2012, 11, 1),
            "phát triển khoa học công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện "
            "kinh tế thị trường",
            (SEED_002,),
        ),
        # khóa XII.  Seed 004: "Nghị quyết số 10-NQ/TW ngày 03/6/2017 của Hội nghị Trung ương 5 (Khóa XII) về …"
        (
            "XII",
            5,
            "10",
            dt.date(2017, 6, 3),
            "phát triển kinh tế tư nhân trở thành một động lực quan trọng của nền kinh tế thị trường định "
            "hướng xã hội chủ nghĩa",
            (SEED_004, SEED_002),
        ),
        # real/a6fb1f372de14a1e.txt: "Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng
        # khóa XII về việc tiếp tục đổi mới hệ thống tổ chức và quản lý, …"
        (
            "XII",
            None,
            "19",
            dt.date(2017, 10, 25),
            "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của "
            "các đơn vị sự nghiệp công lập",
            (REAL + "a6fb1f372de14a1e.txt",),
        ),
        # h05: "Nghị quyết số 21-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung
        # ương Khóa XII về công tác dân số trong tình hình mới"
        ("XII", 6, "21", dt.date(2017, 10, 25), "công tác dân số trong tình hình mới", (H05,)),
        # real/bffd9da6f0d38031.txt: "Nghị quyết 36-NQ/TW ngày 22/10/2018, Hội nghị lần thứ 8 của Ban Chấp hành
        # Trung ương Đảng khóa XII về chiến lược phát triển bền vững kinh tế biển Việt Nam …"
        (
            "XII",
            8,
            "36",
            dt.date(2018, 10, 22),
            "Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045",
            (REAL + "bffd9da6f0d38031.txt",),
        ),
        # khóa XIII.  Seed 004: "Nghị quyết 19-NQ/TW ngày 16 tháng 6 năm 2022 của Ban Chấp hành Trung ương Đảng
        # khóa XIII về nông nghiệp, nông dân, nông thôn …"
        (
            "XIII",
            None,
            "19",
            dt.date(2022, 6, 16),
            "nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045",
            (SEED_004, SEED_000),
        ),
        # seed 000, footnote 20 of "… tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong
        # giai đoạn mới20": "… thực hiện Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương
        # Đảng khóa XIII"
        (
            "XIII",
            None,
            "20",
            dt.date(2022, 6, 16),
            "tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới",
            (SEED_000,),
        ),
        # h04: "Nghị quyết số 27/NQ- TW ngày 09/11/2022 của Ban Chấp hành Trung ương đảng khóa XIII về tiếp tục
        # xây dựng và hoàn thiện Nhà nước pháp quyền Xã hội chủ nghĩa Việt Nam trong giai đoạn mới"
        (
            "XIII",
            None,
            "27",
            dt.date(2022, 11, 9),
            "tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
            (H04,),
        ),
        # seed 001: "Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương
        # Đảng khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, …"
        (
            "XIII",
            6,
            "29",
            dt.date(2022, 11, 17),
            "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
            (SEED_001, SEED_004),
        ),
        # seed 003: "Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp
        # tục phát huy truyền thống, sức mạnh đại đoàn kết toàn dân tộc, …"
        (
            "XIII",
            None,
            "43",
            dt.date(2023, 11, 24),
            "tiếp tục phát huy truyền thống, sức mạnh đại đoàn kết toàn dân tộc, xây dựng đất nước ta ngày "
            "càng phồn vinh, hạnh phúc",
            (SEED_003,),
        ),
    )
)

# Ordinals as printed in "Hội nghị lần thứ sáu", "lần thứ 11", "lần thứ mười một".
PLENUM_ORDINALS: dict[str, int] = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "mười ba": 13,
    "mười bốn": 14,
    "mười lăm": 15,
}
# How closely the printed subject must match an entry's subject (difflib ratio over the entry's length,
# case and diacritics kept).
SUBJECT_MATCH = 0.85
