"""The five seed documents as tests name them, and their segmentation, cached once per session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graph.normalise import normalise
from graph.read import read_source
from graph.segment import segment

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
SEED_000 = "quang-nam_kh-ubnd_2023_thuc-hien-28-ctr-tu.txt"  # Kế hoạch of UBND Quảng Nam, PDF text
SEED_001 = "quang-ngai_ctr-tu_2023_thuc-hien-29-nq-tw.txt"  # Chương trình of Tỉnh ủy Quảng Ngãi (31-CTr/TU)
SEED_002 = "quang-ngai_kh-ubnd_2019_thuc-hien-37-ctr-tu.txt"  # Kế hoạch of UBND Quảng Ngãi, 2019
SEED_003 = "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt"  # draft Nghị quyết, DOCX text, not NFC
SEED_004 = "quang-ngai_kh-ubnd_2024_214.txt"  # Kế hoạch 214/KH-UBND, web text


@cache
def segmented(name: str):
    return segment(normalise(read_source(RAW / name)))
