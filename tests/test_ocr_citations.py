"""Symbols in OCR text read back to what the office printed (pipeline/ocr_citations.py), and the
citations the extractor then finds: tables of lines as Tesseract read them from real scans."""

from __future__ import annotations

import pytest

from vanban.extractors.citations import extract_citations
from vanban.pipeline.document import TextDocument
from vanban.pipeline.normalize import normalize
from vanban.pipeline.ocr_citations import correct_symbols, repair_code
from vanban.pipeline.ocr_correct import correct_ocr_text
from vanban.record import DocumentInfo

# (line as OCR read it, as corrected) — each rule on lines of at least two documents.
CORRECTIONS = [
    # A letter or digit confused inside a code segment that is then a known code.
    ("Công văn 286/5TC-HCSN ngày 20/11/2024", "Công văn 286/STC-HCSN ngày 20/11/2024"),  # 22 TTR.signed
    (
        "hiện Quyết định số 12/2021/0Đ- T18 ngày 24/3/2021 của Thủ tướng",  # 51 QĐ UB.signed
        "hiện Quyết định số 12/2021/QĐ- TTg ngày 24/3/2021 của Thủ tướng",
    ),
    (
        "Căn cứ. Quyết định số 1 33/QD-TT1g ngày 17/01/2020",  # 51 QĐ UB.signed: speck, split number, D for Đ, a stray 1
        "Căn cứ Quyết định số 133/QĐ-TTg ngày 17/01/2020",
    ),
    # The Quốc hội's khóa that sat in the symbol's year (1_4214.signed.pdf, 62_0001 (1).pdf, 5689_BCA-C04.pdf).
    ("Thực hiện Nghị quyết số 163/2024/QHI5 ngày 27/11/2024", "Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024"),
    ("Kế hoạch triển khai Nghị quyết 163/2024/QHI15 và", "Kế hoạch triển khai Nghị quyết 163/2024/QH15 và"),
    ("ban hành Nghị quyết số 702/2025/QHI5 về", "ban hành Nghị quyết số 702/2025/QH15 về"),
    # A doubled letter of a type code (3980_0001 (1).pdf, 5689_BCA-C04.pdf).
    ("Quyết định số 7619/QĐĐ-BCA ngày 8/9/2025", "Quyết định số 7619/QĐ-BCA ngày 8/9/2025"),
    ("số 984/QĐĐ-BCA- C04 ngày 21/02/2025", "số 984/QĐ-BCA- C04 ngày 21/02/2025"),
    # The word số misread before a number (2388.C04.pdf, 280 BC.signed).
    (
        "Theo yêu cầu của Chính phủ tại Nghị quyết só 23/NQ-CP ngày",
        "Theo yêu cầu của Chính phủ tại Nghị quyết số 23/NQ-CP ngày",
    ),
    ("tại Báo cáo sô 1776/BC-VPCP ngày 02/3/2026", "tại Báo cáo số 1776/BC-VPCP ngày 02/3/2026"),
    ("tại Quyết định\nsô 1284/QĐ-UBND ngày 17/10/2024", "tại Quyết định\nsố 1284/QĐ-UBND ngày 17/10/2024"),
    # A number split in two between số and its slash (51 QĐ UB.signed, twice).
    ("Căn cứ Quyết định số 1 2/2021/QĐ-TTg ngày 24/3/2021", "Căn cứ Quyết định số 12/2021/QĐ-TTg ngày 24/3/2021"),
    # A speck between the words of a type name (62_0001 (1).pdf).
    (
        "Sở Tư pháp nhận được Công. văn số 40/HCCV ngày 05/9/2025",
        "Sở Tư pháp nhận được Công văn số 40/HCCV ngày 05/9/2025",
    ),
    # A law's name whose marks OCR misread, after its type word (22 TTR.signed, SCAN0098.pdf).
    (
        "Luật sửa\nđôi, bố sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính\nquyên địa phương ngày 22/11/2019;",
        "Luật sửa\nđổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính\nquyền địa phương ngày 22/11/2019;",
    ),
    (
        "Căn cứ Luật Ngắn sách nhà nước ngày 25 tháng 6 năm 2015,",
        "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015,",
    ),
    (
        "Luật Thi đua, Khen thưởng và Luật Sửa\nđối, bổ sung một số điều của Luật Thi đua, Khen thưởng;",
        "Luật Thi đua, Khen thưởng và Luật Sửa\nđổi, bổ sung một số điều của Luật Thi đua, Khen thưởng;",
    ),
    # Left alone: known codes, unknown codes no reading makes known, dates, spans of years, words.
    (
        "Công văn số 477/BCA-H01 ngày 04/02/2026 và 1095/BCA-C04",
        "Công văn số 477/BCA-H01 ngày 04/02/2026 và 1095/BCA-C04",
    ),
    ("Hướng dẫn số 37/HD- BCA- C04 ngày 24/9/2025", "Hướng dẫn số 37/HD- BCA- C04 ngày 24/9/2025"),
    ("số 87/HĐND-KTNS ngày 15/5/2024, nhiệm kỳ 2026-2031", "số 87/HĐND-KTNS ngày 15/5/2024, nhiệm kỳ 2026-2031"),
    ("Số: 51 /QĐ-UBND Quảng Ngãi, ngày 19 tháng 02 năm 2025", "Số: 51 /QĐ-UBND Quảng Ngãi, ngày 19 tháng 02 năm 2025"),
    ("số 2587-CV/VPTW/nb ngày 19/8/2019", "số 2587-CV/VPTW/nb ngày 19/8/2019"),
    ("Công văn số 3917/BTP-BTTP ngày 01/7/2025", "Công văn số 3917/BTP-BTTP ngày 01/7/2025"),  # cv 358_LĐ LSVN.pdf
    ("một sô đơn vị dự toán năm 2024", "một sô đơn vị dự toán năm 2024"),
    ("Căn cứ: Luật Tổ chức chính quyền địa phương", "Căn cứ: Luật Tổ chức chính quyền địa phương"),
]


@pytest.mark.parametrize("ocr,expected", CORRECTIONS, ids=[f"fix{i}" for i in range(len(CORRECTIONS))])
def test_correct_symbols(ocr: str, expected: str) -> None:
    assert correct_symbols(ocr) == expected
    assert correct_symbols(expected) == expected  # a second pass changes nothing


# (code segment, year of the symbol, whether it stands first after the number, as repaired)
CODES = [
    ("5TC", None, True, "STC"),
    ("T18", 2021, False, "TTg"),  # two changed characters are read before one dropped (`TB`)
    ("QHI5", 2024, True, "QH15"),
    ("QH115", 2024, True, "QH15"),  # the khóa that sat in 2024, not QH11
    ("QĐĐ", None, True, "QĐ"),  # first, where the type code is, a doubled letter is OCR's
    ("BTTP", None, False, "BTTP"),  # a unit's code prints its doubled letter (not BTP)
    ("H01", None, False, "H01"),  # no reading is a known code
    ("TTg", None, False, "TTg"),
]


@pytest.mark.parametrize("segment,year,first,expected", CODES)
def test_repair_code(segment: str, year: int | None, first: bool, expected: str) -> None:
    assert repair_code(segment, year, first) == expected


# OCR'd lines through the correction step and the citation extractor:
# (line as OCR read it, [(doc_type, symbol, issued_date, issuer), …]).
CITED = [
    (
        "Thực hiện Nghị quyết số 163/2024/QHI15 ngày 27/ 11/2024 của Quốc hội",
        [("Nghị quyết", "163/2024/QH15", "2024-11-27", "Quốc hội")],
    ),
    (
        "Quyết định số 7619/QĐĐ-BCA ngày 8/9/2025 của Bộ trưởng Bộ Công an về phê",
        [("Quyết định", "7619/QĐ-BCA", "2025-09-08", "Bộ Công an")],
    ),
    # An OCR-garbled date is no date, but the issuer after it is read (5689_BCA-C04.pdf).
    (
        "Kế hoạch triển khai Nghị quyết 163/2024/QHI15 và Quyết định số 7619/QĐ-\nBCA ngày 8/9/2925 của Bộ trưởng Bộ Công an phê duyệt Chương trình mục tiêu",
        [("Nghị quyết", "163/2024/QH15", None, None), ("Quyết định", "7619/QĐ-BCA", None, "Bộ Công an")],
    ),
    (
        "hiện Quyết định số 12/2021/0Đ- T18 ngày 24/3/2021 của Thủ tướng Chính phủ ban hành Quy chế",
        [("Quyết định", "12/2021/QĐ-TTg", "2021-03-24", "Thủ tướng Chính phủ")],
    ),
    (
        "! Theo yêu cầu của Chính phủ tại Nghị quyết só 23/NQ-CP ngày 07/02/2026 về phiên họp Chính phủ",
        [("Nghị quyết", "23/NQ-CP", "2026-02-07", "Chính phủ")],
    ),
]


@pytest.mark.parametrize("ocr,expected", CITED, ids=[f"cite{i}" for i in range(len(CITED))])
def test_citations_of_corrected_text(ocr: str, expected: list) -> None:
    doc = TextDocument(text=normalize(correct_ocr_text(ocr)).text, format="pdf", page_count=1)
    found = extract_citations(doc, DocumentInfo())
    assert [(c.doc_type, c.symbol, c.issued_date, c.issuer) for c in found] == [tuple(e) for e in expected]
