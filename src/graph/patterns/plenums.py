"""Resolutions of the Party Central Committee's plenums (Hội nghị Ban Chấp hành Trung ương Đảng).  Data, not logic.

Texts often name a central resolution by the plenum that passed it instead of its number: "Nghị quyết
Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, hiện
đại hóa …", "Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức …".  A plenum usually passes
several resolutions (the sixth plenum of the XIIIth Committee passed 27-, 28- and 29-NQ/TW), so the
plenum alone names one only when it passed one; the subject printed after "về" tells them apart.

Each entry: term (khóa), plenum (Hội nghị lần thứ …), number, date of issue, subject as the resolution's
own title words ("về …" left out), and where the facts were read:

* ``corpus:<file>`` — a document of the project's corpora prints the number with the plenum or term
  and the date (data/raw = the seeds; tests/corpus/dev/texts; /work/shared/corpus/real, named by file);
* ``party-archive`` — number, date and plenum as the Communist Party of Viet Nam publishes its
  resolutions (Văn kiện Đảng, tulieuvankien.dangcongsan.vn).  Entered in this session from general
  knowledge of those publications, not checked against a copy kept in the project: an entry whose
  only source is this one should be verified before it is relied on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PlenumResolution:
    term: str  # Roman numeral of the Central Committee's term: "XIII"
    plenum: int  # 6 for "Hội nghị lần thứ sáu" / "Hội nghị Trung ương 6"
    number: str  # "29"
    date: dt.date
    subject: (
        str  # "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045"
    )
    sources: tuple[str, ...]

    @property
    def symbol(self) -> str:
        return f"{self.number}-NQ/TW"


ARCHIVE = "party-archive"
SEED_001 = "corpus:data/raw/quang-ngai_ctr-tu_2023_thuc-hien-29-nq-tw.txt"
SEED_002 = "corpus:data/raw/quang-ngai_kh-ubnd_2019_thuc-hien-37-ctr-tu.txt"
SEED_003 = "corpus:data/raw/quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"
SEED_004 = "corpus:data/raw/quang-ngai_kh-ubnd_2024_214.txt"
H05 = "corpus:tests/corpus/dev/texts/h05_cantho-kh165-chi-thi-27-cong-tac-dan-so.txt"

PLENUM_RESOLUTIONS: tuple[PlenumResolution, ...] = tuple(
    PlenumResolution(*row)
    for row in (
        # khóa X, Hội nghị lần thứ bảy (July 2008)
        (
            "X",
            7,
            "25",
            dt.date(2008, 7, 25),
            "tăng cường sự lãnh đạo của Đảng đối với công tác thanh niên thời kỳ "
            "đẩy mạnh công nghiệp hóa, hiện đại hóa",
            (ARCHIVE,),
        ),
        ("X", 7, "26", dt.date(2008, 8, 5), "nông nghiệp, nông dân, nông thôn", (ARCHIVE,)),
        (
            "X",
            7,
            "27",
            dt.date(2008, 8, 6),
            "xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước",
            (SEED_004, ARCHIVE),
        ),
        # khóa XI
        ("XI", 4, "12", dt.date(2012, 1, 16), "một số vấn đề cấp bách về xây dựng Đảng hiện nay", (ARCHIVE,)),
        (
            "XI",
            4,
            "13",
            dt.date(2012, 1, 16),
            "xây dựng hệ thống kết cấu hạ tầng đồng bộ nhằm đưa nước ta cơ bản "
            "trở thành nước công nghiệp theo hướng hiện đại vào năm 2020",
            (ARCHIVE,),
        ),
        (
            "XI",
            6,
            "19",
            dt.date(2012, 10, 31),
            "tiếp tục đổi mới chính sách, pháp luật về đất đai trong thời kỳ đẩy "
            "mạnh toàn diện công cuộc đổi mới",
            (ARCHIVE,),
        ),
        (
            "XI",
            6,
            "20",
            dt.date(2012, 11, 1),
            "phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, "
            "hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế",
            (SEED_002, ARCHIVE),
        ),
        (
            "XI",
            7,
            "24",
            dt.date(2013, 6, 3),
            "chủ động ứng phó với biến đổi khí hậu, tăng cường quản lý tài nguyên và bảo vệ môi trường",
            (ARCHIVE,),
        ),
        ("XI", 8, "28", dt.date(2013, 10, 25), "Chiến lược bảo vệ Tổ quốc trong tình hình mới", (ARCHIVE,)),
        ("XI", 8, "29", dt.date(2013, 11, 4), "đổi mới căn bản, toàn diện giáo dục và đào tạo", (ARCHIVE,)),
        (
            "XI",
            9,
            "33",
            dt.date(2014, 6, 9),
            "xây dựng và phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước",
            (ARCHIVE,),
        ),
        # khóa XII
        ("XII", 4, "04", dt.date(2016, 10, 30), "tăng cường xây dựng, chỉnh đốn Đảng", (ARCHIVE,)),
        (
            "XII",
            4,
            "05",
            dt.date(2016, 11, 1),
            "một số chủ trương, chính sách lớn nhằm tiếp tục đổi mới mô hình "
            "tăng trưởng, nâng cao chất lượng tăng trưởng, năng suất lao động, sức cạnh tranh của nền kinh tế",
            (ARCHIVE,),
        ),
        (
            "XII",
            4,
            "06",
            dt.date(2016, 11, 5),
            "thực hiện có hiệu quả tiến trình hội nhập kinh tế quốc tế, giữ vững "
            "ổn định chính trị - xã hội trong bối cảnh nước ta tham gia các hiệp định thương mại tự do thế hệ mới",
            (ARCHIVE,),
        ),
        (
            "XII",
            5,
            "10",
            dt.date(2017, 6, 3),
            "phát triển kinh tế tư nhân trở thành một động lực quan trọng của "
            "nền kinh tế thị trường định hướng xã hội chủ nghĩa",
            (SEED_002, ARCHIVE),
        ),
        (
            "XII",
            5,
            "11",
            dt.date(2017, 6, 3),
            "hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa",
            (ARCHIVE,),
        ),
        (
            "XII",
            5,
            "12",
            dt.date(2017, 6, 3),
            "tiếp tục cơ cấu lại, đổi mới và nâng cao hiệu quả doanh nghiệp nhà nước",
            (ARCHIVE,),
        ),
        (
            "XII",
            6,
            "18",
            dt.date(2017, 10, 25),
            "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ "
            "thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
            (ARCHIVE,),
        ),
        (
            "XII",
            6,
            "19",
            dt.date(2017, 10, 25),
            "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng "
            "và hiệu quả hoạt động của các đơn vị sự nghiệp công lập",
            (ARCHIVE,),
        ),
        (
            "XII",
            6,
            "20",
            dt.date(2017, 10, 25),
            "tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong tình hình mới",
            (ARCHIVE,),
        ),
        ("XII", 6, "21", dt.date(2017, 10, 25), "công tác dân số trong tình hình mới", (H05, ARCHIVE)),
        (
            "XII",
            7,
            "26",
            dt.date(2018, 5, 19),
            "tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, "
            "đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ",
            (ARCHIVE,),
        ),
        (
            "XII",
            7,
            "27",
            dt.date(2018, 5, 21),
            "cải cách chính sách tiền lương đối với cán bộ, công chức, viên "
            "chức, lực lượng vũ trang và người lao động trong doanh nghiệp",
            (ARCHIVE,),
        ),
        ("XII", 7, "28", dt.date(2018, 5, 23), "cải cách chính sách bảo hiểm xã hội", (ARCHIVE,)),
        (
            "XII",
            8,
            "36",
            dt.date(2018, 10, 22),
            "Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045",
            ("corpus:/work/shared/corpus/real/bffd9da6f0d38031.txt", ARCHIVE),
        ),
        # khóa XIII
        (
            "XIII",
            5,
            "18",
            dt.date(2022, 6, 16),
            "tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu "
            "lực, hiệu quả quản lý và sử dụng đất",
            (ARCHIVE,),
        ),
        (
            "XIII",
            5,
            "19",
            dt.date(2022, 6, 16),
            "nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045",
            (SEED_004, ARCHIVE),
        ),
        (
            "XIII",
            5,
            "20",
            dt.date(2022, 6, 16),
            "tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới",
            ("corpus:data/raw/quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt", ARCHIVE),
        ),
        (
            "XIII",
            5,
            "21",
            dt.date(2022, 6, 16),
            "tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất "
            "lượng đội ngũ đảng viên trong giai đoạn mới",
            (ARCHIVE,),
        ),
        (
            "XIII",
            6,
            "27",
            dt.date(2022, 11, 9),
            "tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ "
            "nghĩa Việt Nam trong giai đoạn mới",
            (ARCHIVE,),
        ),
        (
            "XIII",
            6,
            "28",
            dt.date(2022, 11, 17),
            "tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối "
            "với hệ thống chính trị trong giai đoạn mới",
            (ARCHIVE,),
        ),
        (
            "XIII",
            6,
            "29",
            dt.date(2022, 11, 17),
            "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
            (SEED_001, SEED_004, ARCHIVE),
        ),
        (
            "XIII",
            8,
            "42",
            dt.date(2023, 11, 24),
            "tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp ứng "
            "yêu cầu sự nghiệp xây dựng và bảo vệ Tổ quốc trong giai đoạn mới",
            (ARCHIVE,),
        ),
        (
            "XIII",
            8,
            "43",
            dt.date(2023, 11, 24),
            "tiếp tục phát huy truyền thống, sức mạnh khối đại đoàn kết toàn "
            "dân tộc, xây dựng đất nước ta ngày càng phồn vinh, hạnh phúc",
            (SEED_003, ARCHIVE),
        ),
        ("XIII", 8, "44", dt.date(2023, 11, 24), "Chiến lược bảo vệ Tổ quốc trong tình hình mới", (ARCHIVE,)),
        (
            "XIII",
            8,
            "45",
            dt.date(2023, 11, 24),
            "tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng "
            "yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới",
            (ARCHIVE,),
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
