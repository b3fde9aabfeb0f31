"""Header extraction: tables of real header lines (seeds, ../shared/realdocs) with expected values,
plus end-to-end runs on whole files checked against the gold records."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import SHARED

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import score  # noqa: E402

from vanban.extractors import gazetteer as gz
from vanban.extractors.header import extract_header, parse_symbol
from vanban.pipeline.document import TextDocument


def doc_of(text: str, header_lines: int = 0) -> TextDocument:
    """A TextDocument over ``text``; the first ``header_lines`` lines form the reader's header region."""
    header_end = len("\n".join(text.split("\n")[:header_lines])) + 1 if header_lines else 0
    return TextDocument(text=unicodedata.normalize("NFC", text), format="txt", page_count=1, header_end=header_end)


# (Số line as printed, symbol, number, year, type_code, issuer_code)
SYMBOL_LINES = [
    ("Số: 02 /KH-UBND", "02/KH-UBND", "02", None, "KH", "UBND"),
    ("Số: 1223/TTr-SNV", "1223/TTr-SNV", "1223", None, "TTr", "SNV"),
    ("Số: 788/STP-HCBT", "788/STP-HCBT", "788", None, None, "STP-HCBT"),
    ("Số: 1925 /STC- HTDN", "1925/STC-HTDN", "1925", None, None, "STC-HTDN"),
    ("Số: 156 -CV/TĐTN-BCTĐ&TTN", "156-CV/TĐTN-BCTĐ&TTN", "156", None, "CV", "TĐTN-BCTĐ&TTN"),
    ("Số: 2319/QĐ-TTg", "2319/QĐ-TTg", "2319", None, "QĐ", "TTg"),
    ("Số: 66.15/2026/NQ-CP", "66.15/2026/NQ-CP", "66.15", 2026, "NQ", "CP"),  # vbpl doc_000019: a dotted number
    ("Số: 779     /QĐ-UBND", "779/QĐ-UBND", "779", None, "QĐ", "UBND"),
    ("Số:1239 /SYT-TCCB", "1239/SYT-TCCB", "1239", None, None, "SYT-TCCB"),
    ("Số: 670/HD-HHCCVVN", "670/HD-HHCCVVN", "670", None, "HD", "HHCCVVN"),
    ("Số: 11902 /BNV-TCPCP", "11902/BNV-TCPCP", "11902", None, None, "BNV-TCPCP"),
    ("Số:           /SNV-TCBC", None, None, None, None, "SNV-TCBC"),
    ("Số:     /QĐ-UBND", None, None, None, "QĐ", "UBND"),
    ("Số: /UBND-NC", None, None, None, None, "UBND-NC"),
    ("Số:             /QĐ-BCĐDỰ THẢO", None, None, None, "QĐ", "BCĐ"),
    ("Nghị quyết số: 103/2025/UBTVQH15", "103/2025/UBTVQH15", "103", 2025, None, "UBTVQH15"),
    ("Số: 51/2024/TT-BTNMT", "51/2024/TT-BTNMT", "51", 2024, "TT", "BTNMT"),
    ("Số: 45/2020/NĐ-CP", "45/2020/NĐ-CP", "45", 2020, "NĐ", "CP"),
    ("Số: 60-NQ/TU", "60-NQ/TU", "60", None, "NQ", "TU"),
    ("Số: 5743/VP-HCQT", "5743/VP-HCQT", "5743", None, None, "VP-HCQT"),
    ("Số: 03/BCĐX-CAT(PC04)", "03/BCĐX-CAT(PC04)", "03", None, "BCĐX", "CAT(PC04)"),
    ("Số: 996/KH-TCTLNTW-C04", "996/KH-TCTLNTW-C04", "996", None, "KH", "TCTLNTW-C04"),
    ("Số: 511/TTr-CAT(PC04)", "511/TTr-CAT(PC04)", "511", None, "TTr", "CAT(PC04)"),
    ("Số: 2388/C04-P6", "2388/C04-P6", "2388", None, None, "C04-P6"),
    ("Số: 1925 /STC- HTDN Bình Thuận, ngày 19 tháng 5 năm 2025", "1925/STC-HTDN", "1925", None, None, "STC-HTDN"),
    (
        "    Số: 10797/QĐ-HĐTĐ                 Lâm Đồng, ngày 28 tháng 10 năm 2025",
        "10797/QĐ-HĐTĐ",
        "10797",
        None,
        "QĐ",
        "HĐTĐ",
    ),
    ("Số: 329/B C-UBND", "329/BC-UBND", "329", None, "BC", "UBND"),  # a scan split the type code
    ("Số:         /PT-NC", None, None, None, "PT", "NC"),  # phiếu trình of a Văn phòng
    # synthetic lines in forms typical of other bodies
    ("Số: 45-NQ/HU", "45-NQ/HU", "45", None, "NQ", "HU"),
    ("Số: 12/2025/TTLT-BNV-BTC", "12/2025/TTLT-BNV-BTC", "12", 2025, "TTLT", "BNV-BTC"),
    ("Số: 123/CAT-PV01", "123/CAT-PV01", "123", None, None, "CAT-PV01"),
    ("Số: 15/2024/NQ-HĐND", "15/2024/NQ-HĐND", "15", 2024, "NQ", "HĐND"),
]


@pytest.mark.parametrize("line, symbol, number, year, type_code, issuer_code", SYMBOL_LINES)
def test_symbol_line(line, symbol, number, year, type_code, issuer_code):
    text = f"ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n{line}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    info = extract_header(doc_of(text))
    assert (info.symbol, info.number, info.year, info.type_code, info.issuer_code) == (
        symbol,
        number,
        year,
        type_code,
        issuer_code,
    )


# (place/date line as printed, place, ISO date)
DATE_LINES = [
    ("Hà Nội, ngày #Š Ÿ_ năm 2025", "Hà Nội", "2025"),  # 3980_0001 (1).pdf: handwritten day and month lost
    ("Lạng Sơn, ngày 04 tháng 01 năm 2023", "Lạng Sơn", "2023-01-04"),
    ("Bình Thuận, ngày   23 tháng    3 năm 2022", "Bình Thuận", "2022-03-23"),
    ("Hà Nội, ngày    tháng 12 năm 2025", "Hà Nội", "2025-12"),
    ("Lâm Đồng, ngày        tháng 11 năm 2025", "Lâm Đồng", "2025-11"),
    ("Lâm Đồng, ngày       tháng  12  năm 2025", "Lâm Đồng", "2025-12"),
    ("Hà Nội, ngày 32 tháng 12 năm 2024", "Hà Nội", "2024-12"),  # impossible day, as on vbpl.vn
    ("Hà Nội, ngày 26 tháng 09 năm 2025", "Hà Nội", "2025-09-26"),
    ("Hà Nội, ngày tháng năm 2025", "Hà Nội", "2025"),
    ("TP. Hồ Chí Minh, ngày 5/3/2024", "Hồ Chí Minh", "2024-03-05"),
    ("Số: 1925 /STC- HTDN Bình Thuận, ngày 19 tháng 5 năm 2025", "Bình Thuận", "2025-05-19"),
    ("Số: 2319/QĐ-TTg                     Hà Nội, ngày 20 tháng 10 năm 2025", "Hà Nội", "2025-10-20"),
    # a day garbled by the scan is left blank, never guessed
    ("Lâm Đồng, ngày^2Otháng 8 năm 2025", "Lâm Đồng", "2025-08"),
    ("Lâm Đồng, ngày Ảb tháng 3 năm 2026", "Lâm Đồng", "2026-03"),
    (
        "Thành phố Hồ Chí Minh, ngày khỗ tháng 6 năm 2026",
        "Thành phố Hồ Chí Minh",
        "2026-06",
    ),  # as printed (kh-753 gold)
    # a scan's comma after the place read as a dot (CV_CAT_855_20082025_VvcucanbothamgiaDoiUCSC.signed.pdf, no gold)
    ("Lâm Đồng. ngày tháng 8 năm 2025", "Lâm Đồng", "2025-08"),
    # synthetic
    ("Hà Nội. ngày 16 tháng 9 năm 2025", "Hà Nội", "2025-09-16"),
    ("Đức Trọng, ngày 1/7/2025", "Đức Trọng", "2025-07-01"),
    ("Vinh, ngày 01 tháng 7 năm 2025", "Vinh", "2025-07-01"),
    ("Tp. Hồ Chí Minh, ngày 15 tháng 02 năm 2024", "Hồ Chí Minh", "2024-02-15"),
]


# Scans whose Số line and date line are both unreadable but whose left column opens a line with the Số label:
# an official document still (its issuer, type and subject are read). (header lines, issuer, subject)
UNREAD_NUMBER_AND_DATE = [
    # CV_CAT_855_20082025_VvcucanbothamgiaDoiUCSC.signed.pdf as OCR read it, its date line garbled further
    (
        "BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG\nSó:%CAT-PA05\nV/v đôn đốc cử nhân sự tham gia Đội\nứng cứu sự cô mạng, máy tính\n"
        "tỉnh Lâm Đồng\nKính gửi:\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLâm Đồng ngà#¿ tháng 8\n",
        "Công an tỉnh Lâm Đồng",
        "đôn đốc cử nhân sự tham gia Đội ứng cứu sự cô mạng, máy tính tỉnh Lâm Đồng",
    ),
    # 3980_0001 (1).pdf's header, its date line lost
    (
        "BỘ CÔNG AN\nCỤC CẢNH SÁT ĐIỀU TRA\nTỘI PHẠM VỀ MA TÚY\nSố      /C04-P6\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n#Š Ÿ_\nV/v chuẩn bị tổ chức triển khai\nChương trình MTQG phòng, chống ma tuý\nđến năm 2030\n",
        "Cục Cảnh sát điều tra tội phạm về ma túy",
        "chuẩn bị tổ chức triển khai Chương trình MTQG phòng, chống ma túy đến năm 2030",
    ),
]


@pytest.mark.parametrize("text, issuer, subject", UNREAD_NUMBER_AND_DATE)
def test_a_so_label_above_the_quoc_hieu_marks_a_document(text, issuer, subject):
    info = extract_header(doc_of(text))
    assert (info.doc_type, info.issuer, info.subject) == ("Công văn", issuer, subject)


@pytest.mark.parametrize("line, place, date", DATE_LINES)
def test_place_date_line(line, place, date):
    text = f"BỘ NỘI VỤ\nSố: 12/BNV-TCPCP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{line}\n"
    info = extract_header(doc_of(text))
    assert (info.place, info.issued_date) == (place, date)


# (left-column header lines, place, issuer, parent_issuer)
ISSUER_BLOCKS = [
    (
        ["UBND TỈNH BÌNH THUẬN", "SỞ NỘI VỤ"],
        "Bình Thuận",
        "Sở Nội vụ tỉnh Bình Thuận",
        "Ủy ban nhân dân tỉnh Bình Thuận",
    ),
    (["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng", None),
    (["BỘ NỘI VỤ"], "Hà Nội", "Bộ Nội vụ", None),
    (["THỦ TƯỚNG CHÍNH PHỦ", "___________"], "Hà Nội", "Thủ tướng Chính phủ", None),
    (
        ["UBND TỈNH BÌNH THUẬN", "VĂN PHÒNG"],
        "Bình Thuận",
        "Văn phòng Ủy ban nhân dân tỉnh Bình Thuận",
        "Ủy ban nhân dân tỉnh Bình Thuận",
    ),
    (
        ["UBND TỈNH LÂM ĐỒNG", "HỘI ĐỒNG THẨM ĐỊNH,", "ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH", "HÀNH CHÍNH TỈNH"],
        "Lâm Đồng",
        "Hội đồng thẩm định, đánh giá chỉ số cải cách hành chính tỉnh Lâm Đồng",
        "Ủy ban nhân dân tỉnh Lâm Đồng",
    ),
    (
        ["UBND TỈNH LÂM ĐỒNG", "BAN CHỈ ĐẠO", "VỀ PHÁT TRIỂN KHCN, ĐMST, CĐS VÀ ĐỀ ÁN 06"],
        "Lâm Đồng",
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và đề án 06 tỉnh Lâm Đồng",
        "Ủy ban nhân dân tỉnh Lâm Đồng",
    ),
    (["HIỆP HỘI", "CÔNG CHỨNG VIÊN VIỆT NAM"], "Hà Nội", "Hiệp hội Công chứng viên Việt Nam", None),
    (["ỦY BAN THƯỜNG VỤ", "QUỐC HỘI"], "Hà Nội", "Ủy ban Thường vụ Quốc hội", None),
    (["BỘ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"], "Hà Nội", "Bộ Tài nguyên và Môi trường", None),
    (["BCH ĐOÀN TỈNH LÂM ĐỒNG", "***"], "Lâm Đồng", "Ban Chấp hành đoàn tỉnh Lâm Đồng", None),
    (["UBND TỈNH LÂM ĐỒNG", "SỞ Y TẾ"], "Lâm Đồng", "Sở Y tế tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    (
        ["BỘ CÔNG AN", "CỤC CẢNH SÁT ĐIỀU TRA", "TỘI PHẠM VỀ MA TÚY"],
        "Hà Nội",
        "Cục Cảnh sát điều tra tội phạm về ma túy",
        "Bộ Công an",
    ),
    (
        ["LIÊN ĐOÀN LUẬT SƯ VIỆT NAM", "BAN THƯỜNG VỤ"],
        "Hà Nội",
        "Ban Thường vụ Liên đoàn Luật sư Việt Nam",
        "Liên đoàn Luật sư Việt Nam",
    ),
    (["BỘCÔNGAN", "CÔNG AN TỈNH LÂM ĐỒNG"], "Lâm Đồng", "Công an tỉnh Lâm Đồng", "Bộ Công an"),  # spaces lost in a scan
    # synthetic headers of other levels and bodies
    (["UBND HUYỆN ĐỨC TRỌNG"], "Đức Trọng", "Ủy ban nhân dân huyện Đức Trọng", None),
    (["ỦY BAN NHÂN DÂN", "XÃ TÂN HÀ"], "Tân Hà", "Ủy ban nhân dân xã Tân Hà", None),
    (["UBND PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT"], "Lâm Đồng", "Ủy ban nhân dân phường Xuân Hương - Đà Lạt", None),
    (
        ["UBND THÀNH PHỐ ĐÀ LẠT", "PHÒNG NỘI VỤ"],
        "Đà Lạt",
        "Phòng Nội vụ thành phố Đà Lạt",
        "Ủy ban nhân dân thành phố Đà Lạt",
    ),
    (
        ["UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
        "Nghệ An",
        "Sở Giáo dục và Đào tạo tỉnh Nghệ An",
        "Ủy ban nhân dân tỉnh Nghệ An",
    ),
    (["ĐẢNG BỘ HUYỆN ĐỨC TRỌNG", "HUYỆN ỦY"], "Đức Trọng", "Huyện ủy Đức Trọng", "Đảng bộ huyện Đức Trọng"),
    (["TỈNH ỦY NGHỆ AN"], "Nghệ An", "Tỉnh ủy Nghệ An", None),
    (["ĐẢNG BỘ XÃ TÂN HÀ", "CHI BỘ THÔN 1"], "Tân Hà", "Chi bộ thôn 1 xã Tân Hà", "Đảng bộ xã Tân Hà"),
    (["BỘ QUỐC PHÒNG", "QUÂN KHU 7"], "Hồ Chí Minh", "Quân khu 7", "Bộ Quốc phòng"),
    (["TÒA ÁN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "Lâm Đồng", "Tòa án nhân dân tỉnh Lâm Đồng", None),
    (
        ["HĐND TỈNH GIA LAI", "THƯỜNG TRỰC"],
        "Gia Lai",
        "Thường trực Hội đồng nhân dân tỉnh Gia Lai",
        "Hội đồng nhân dân tỉnh Gia Lai",
    ),
    (
        ["UBMTTQVN TỈNH NGHỆ AN", "BAN THƯỜNG TRỰC"],
        "Nghệ An",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An",
    ),
    # scans: words run together, marks misread on a known name or a head word
    (["UBND TỈNHLÂMĐÒNG", "SỞ TƯ PHÁP"], "Lâm Đồng", "Sở Tư pháp tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    (["BỘCÔNGAN", "TỎ CÔNG TÁC LIÊN NGANH TW"], "Hà Nội", "Tổ Công tác liên nganh Trung ương", "Bộ Công an"),
    (["VĂN PHÒNG TRƯUNG ƯƠNG ĐẢNG"], "Hà Nội", "Văn phòng Trung ương Đảng", None),
    # the words after the head spelled as a known body's (Ban Tổ chức) when only their marks differ
    # (namdo_legal_ocr 20241203_234801_2494); a printed "BAN TỔ CHỨC" (36-HD_VPTW) stays as it is
    (
        ["VĂN PHÒNG TRƯUNG ƯƠNG ĐẢNG", "VỤ TỎ CHỨC - CÁN BỘ"],
        "Hà Nội",
        "Vụ Tổ chức - cán bộ",
        "Văn phòng Trung ương Đảng",
    ),
    # a unit named after the Party committee it serves: 36-HD_VPTW_380096.docx's own header, and the headers its
    # section 1.2 prints (central and district units)
    (
        ["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", "-------"],
        "Hà Nội",
        "Văn phòng Trung ương Đảng",
        "Ban Chấp hành Trung ương",
    ),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC"], "Hà Nội", "Ban Tổ chức Trung ương Đảng", "Ban Chấp hành Trung ương"),
    (["HUYỆN UỶ TRÙNG KHÁNH", "BAN DÂN VẬN"], "Cao Bằng", "Ban Dân vận Huyện ủy Trùng Khánh", "Huyện ủy Trùng Khánh"),
    (["TỈNH UỶ KIÊN GIANG", "VĂN PHÒNG"], "Kiên Giang", "Văn phòng Tỉnh ủy Kiên Giang", "Tỉnh ủy Kiên Giang"),
    # a Party committee named after its place needs no other locality (36-HD_VPTW's examples; TB 348 TU_1.signed)
    (["ĐẢNG BỘ TỈNH HÀ GIANG", "HUYỆN UỶ ĐỒNG VĂN"], "Hà Giang", "Huyện ủy Đồng Văn", "Đảng bộ tỉnh Hà Giang"),
    (["TỈNH ỦY THÁI NGUYÊN"], "Thái Nguyên", "Tỉnh ủy Thái Nguyên", None),
    # a mass organisation's provincial committee under its national name
    (
        ["HỘI NÔNG DÂN VIỆT NAM", "BCH TỈNH LÂM ĐỒNG"],
        "Lâm Đồng",
        "Ban Chấp hành Hội Nông dân tỉnh Lâm Đồng",
        "Hội Nông dân Việt Nam",
    ),
    # an agency the gazetteer does not know keeps its name's first word capitalised
    (["BỘ Y TẾ", "CỤC QUẢN LÝ DƯỢC"], "Hà Nội", "Cục Quản lý dược", "Bộ Y tế"),
]


@pytest.mark.parametrize("names, place, issuer, parent", ISSUER_BLOCKS)
def test_issuer_block(names, place, issuer, parent):
    text = "\n".join(names) + f"\nSố: 12/QĐ-X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{place}, ngày 04 tháng 01 năm 2023\n"
    info = extract_header(doc_of(text))
    assert (info.issuer, info.parent_issuer) == (issuer, parent)


# Joint documents: (left-column lines, Số line, type line, issuer, parent). Every issuer, in the order of
# the symbol's codes, joined by " - " (CONTRACT.md); a body printed above them is their parent.
JOINT_BLOCKS = [
    # Thông tư liên tịch 220/2015/TTLT-BTC-BNV prints its bodies on one line
    (["BỘ TÀI CHÍNH - BỘ NỘI VỤ"], "Số: 220/2015/TTLT-BTC-BNV", "THÔNG TƯ LIÊN TỊCH", "Bộ Tài chính - Bộ Nội vụ", None),
    # printed in another order than the codes
    (["BỘ NỘI VỤ - BỘ TÀI CHÍNH"], "Số: 220/2015/TTLT-BTC-BNV", "THÔNG TƯ LIÊN TỊCH", "Bộ Tài chính - Bộ Nội vụ", None),
    # stacked, one body a line
    (
        ["BỘ CÔNG AN", "BỘ QUỐC PHÒNG", "BỘ Y TẾ"],
        "Số: 12/2020/TTLT-BCA-BQP-BYT",
        "THÔNG TƯ LIÊN TỊCH",
        "Bộ Công an - Bộ Quốc phòng - Bộ Y tế",
        None,
    ),
    # a dash inside one body's name is no cut; a line ending in a dash goes on with the next body
    (
        ["BỘ TÀI CHÍNH -", "BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"],
        "Số: 12/2016/TTLT-BLĐTBXH-BTC",
        "THÔNG TƯ LIÊN TỊCH",
        "Bộ Lao động - Thương binh và Xã hội - Bộ Tài chính",
        None,
    ),
    # Hướng dẫn liên ngành of two Sở under their province's People's Committee
    (
        ["UBND TỈNH LÂM ĐỒNG", "SỞ TƯ PHÁP - SỞ NỘI VỤ"],
        "Số: 01/HDLN-STP-SNV",
        "HƯỚNG DẪN LIÊN NGÀNH",
        "Sở Tư pháp tỉnh Lâm Đồng - Sở Nội vụ tỉnh Lâm Đồng",
        "Ủy ban nhân dân tỉnh Lâm Đồng",
    ),
    (
        ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SỞ Y TẾ"],
        "Số: 15/HDLN-SGDĐT-SYT",
        "HƯỚNG DẪN LIÊN NGÀNH",
        "Sở Giáo dục và Đào tạo - Sở Y tế",
        "Ủy ban nhân dân tỉnh Lâm Đồng",
    ),
    # not joint: the symbol's second code is a unit of the one issuer (18-11-KH thuc hien cong tac bau cu)
    (
        ["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"],
        "Số: 16/KH-MTTQ-BTT",
        "KẾ HOẠCH",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh",
    ),
]


@pytest.mark.parametrize("names, number_line, type_line, issuer, parent", JOINT_BLOCKS)
def test_joint_issuers(names, number_line, type_line, issuer, parent):
    text = (
        "\n".join(names) + f"\n{number_line}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"Lâm Đồng, ngày 04 tháng 01 năm 2023\n\n{type_line}\nVề việc phối hợp tổ chức hội nghị\n\nCăn cứ Luật"
    )
    info = extract_header(doc_of(text))
    assert (info.issuer, info.parent_issuer) == (issuer, parent)
    assert info.subject == "Về việc phối hợp tổ chức hội nghị"


@pytest.mark.parametrize(
    "number_line, doc_type, type_code, issuer_code",
    [
        ("Số: 01/HDLN-STP-SNV", "Hướng dẫn", "HDLN", "STP-SNV"),
        ("Số: 220/2015/TTLT-BTC-BNV", "Thông tư liên tịch", "TTLT", "BTC-BNV"),
        ("Số: 05/KHLT-MTTQ-HND", "Kế hoạch", "KHLT", "MTTQ-HND"),
    ],
)
def test_joint_type_codes(number_line, doc_type, type_code, issuer_code):
    info = extract_header(
        doc_of(f"BỘ NỘI VỤ\n{number_line}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 04/01/2023\n")
    )
    assert (info.doc_type, info.type_code, info.issuer_code) == (doc_type, type_code, issuer_code)


def test_issuer_above_an_unreadable_number_line():
    """3588_QD_SGK …pdf read by OCR: the Số line came out as noise; the issuer is the block's first line."""
    text = (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nĐột đa GỊ NộE)611-018 L\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 26 tháng 12 năm 2025\nQUYÉT ĐỊNH\n"
        "Bộ sách giáo khoa giáo dục phổ thông\nsử dụng thống nhất toàn quốc\n"
    )
    info = extract_header(doc_of(text, header_lines=5))
    assert (info.issuer, info.place, info.issued_date, info.doc_type) == (
        "Bộ Giáo dục và Đào tạo",
        "Hà Nội",
        "2025-12-26",
        "Quyết định",
    )


# Lines where the left column runs on into the right one (a reader that lost the column gap):
# every field stops at its block's edge. (text, issuer, symbol, place)
RUN_ON_LINES = [
    # 10797 Tổ giúp việc CCHC.pdf's header, its columns joined by one space
    (
        "UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHỘI ĐỒNG THẨM ĐỊNH, Độc lập - Tự do - Hạnh phúc\n"
        "ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH\nHÀNH CHÍNH TỈNH\nSố: 10797/QĐ-HĐTĐ Lâm Đồng, ngày 28 tháng 10 năm 2025",
        "Hội đồng thẩm định, đánh giá chỉ số cải cách hành chính tỉnh Lâm Đồng",
        "10797/QĐ-HĐTĐ",
        "Lâm Đồng",
    ),
    # vht507.signed …pdf's header as a reader that joins the columns with one space prints it
    (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc\n"
        "Số: 542/TB-UBND Quảng Ngãi, ngày 06 tháng 11 năm 2024",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "542/TB-UBND",
        "Quảng Ngãi",
    ),
]


@pytest.mark.parametrize("text, issuer, symbol, place", RUN_ON_LINES)
def test_fields_stop_at_their_block(text, issuer, symbol, place):
    info = extract_header(doc_of(text + "\n\nTHÔNG BÁO\nVề việc tham dự Hội nghị\n"))
    assert (info.issuer, info.symbol, info.place) == (issuer, symbol, place)


# (lines under the header, doc_type, subject)
TYPE_AND_SUBJECT = [
    # 18-11-KH thuc hien cong tac bau cu (Lương Minh).docx: a trích yếu that opens like the body, on two lines
    (
        "KẾ HOẠCH\nThực hiện công tác bầu cử đại biểu Quốc hội khóa XVI \n"
        "và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031\n\nCăn cứ Luật Bầu cử đại biểu Quốc hội",
        "Kế hoạch",
        "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI "
        "và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031",
    ),
    # … but the body's opening sentence is none: it cites a number and ends with a semicolon
    (
        "KẾ HOẠCH\nThực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ \n"
        "về cải cách hành chính nhà nước giai đoạn 2021 - 2030;\n\nỦy ban nhân dân tỉnh ban hành",
        "Kế hoạch",
        None,
    ),
    # TB 348 TU_1.signed.pdf: the type's author under the type name belongs to the type
    (
        "THÔNG BÁO\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nVề nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu\n"
        "Đảng bộ tỉnh Thái Nguyên lần thứ XXI, nhiệm kỳ 2025 - 2030\n- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "Thông báo",
        "Về nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XXI, "
        "nhiệm kỳ 2025 - 2030",
    ),
    (
        "KẾ HOẠCH\nCải cách hành chính tỉnh Lạng Sơn năm 2023\n\nThực hiện Nghị quyết số 76/NQ-CP",
        "Kế hoạch",
        "Cải cách hành chính tỉnh Lạng Sơn năm 2023",
    ),
    (
        "TỜ TRÌNH\nVề việc tổ chức đại hội nhiệm kỳ Hiệp hội Doanh nghiệp tỉnh Bình Thuận\nKính gửi: Chủ tịch UBND tỉnh",
        "Tờ trình",
        "Về việc tổ chức đại hội nhiệm kỳ Hiệp hội Doanh nghiệp tỉnh Bình Thuận",
    ),
    (
        "QUYẾT ĐỊNH\nThành lập Ban Chỉ đạo quốc gia về dữ liệu\n____________\nTHỦ TƯỚNG CHÍNH PHỦ",
        "Quyết định",
        "Thành lập Ban Chỉ đạo quốc gia về dữ liệu",
    ),
    ("GIẤY MỜI\nThực hiện Chương trình công tác của Ủy ban nhân dân tỉnh tháng 01/2026,", "Giấy mời", None),
    (
        "QUYẾT ĐỊNH\nVề việc công nhận Điều lệ (sửa đổi, bổ sung)\nQuỹ Khuyến học tỉnh Bình Thuận\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
        "Quyết định",
        "Về việc công nhận Điều lệ (sửa đổi, bổ sung) Quỹ Khuyến học tỉnh Bình Thuận",
    ),
    (
        "NGHỊ QUYẾT\nBan hành Quy chế làm việc mẫu của Hội đồng nhân dân tỉnh, thành phố\nỦY BAN THƯỜNG VỤ QUỐC HỘI",
        "Nghị quyết",
        "Ban hành Quy chế làm việc mẫu của Hội đồng nhân dân tỉnh, thành phố",
    ),
    (
        "HƯỚNG DẪN\nTổ chức Đại hội Hội công chứng viên các tỉnh/thành phố nhiệm kỳ 2025-2030\n\n    Căn cứ Điều lệ",
        "Hướng dẫn",
        "Tổ chức Đại hội Hội công chứng viên các tỉnh/thành phố nhiệm kỳ 2025-2030",
    ),
    # trích yếu in capitals under the type name (vbpl.vn pages, laws), up to the enacting body
    (
        "NGHỊ QUYẾT\nVỀ VIỆC BAN HÀNH MỘT SỐ CƠ CHẾ XỬ LÝ KHÓ KHĂN,\nVƯỚNG MẮC DO QUY ĐỊNH CỦA PHÁP LUẬT\n"
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
        "Nghị quyết",
        "Về việc ban hành một số cơ chế xử lý khó khăn, vướng mắc do quy định của pháp luật",
    ),
    ("LUẬT\nĐẤT ĐAI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Luật", "Đất đai"),
    (
        "QUYẾT ĐỊNH\nVỀ ĐẶC XÁ NĂM 2024\n__________\nCHỦ TỊCH\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Quyết định",
        "Về đặc xá năm 2024",
    ),
    (
        "THÔNG TƯ\nQUY ĐỊNH VỀ TỔ CHỨC LỄ TANG\nBỘ TRƯỞNG BỘ NỘI VỤ\nCăn cứ Nghị định",
        "Thông tư",
        "Quy định về tổ chức lễ tang",
    ),
    (
        "THÔNG TƯ\nQuy định chi tiết một số điều của Luật Thi đua, khen thưởng và\n"
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ\n_____________",
        "Thông tư",
        "Quy định chi tiết một số điều của Luật Thi đua, khen thưởng và "
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
    ),
    # a scan's type names, read without their diacritics
    (
        "QUYÉT ĐỊNH\nVề việc phê duyệt danh sách thành viên\nTHỦ TƯỚNG CHÍNH PHỦ",
        "Quyết định",
        "Về việc phê duyệt danh sách thành viên",
    ),
    (
        "BÁO CÁO ĐÈ XUẤT\n(V/v Phê duyệt thời gian tổ chức Hội nghị)\nKính gửi:",
        "Báo cáo đề xuất",
        "Phê duyệt thời gian tổ chức Hội nghị",
    ),
    (
        "TỜ TRÌNH\nĐể nghị ban hành Quyết định thành lập Ban Chỉ đạo\nKính gửi: Chủ tịch UBND tỉnh.",
        "Tờ trình",
        "Để nghị ban hành Quyết định thành lập Ban Chỉ đạo",
    ),
    # a trích yếu opening with a body opener's words (generated corpus), not the preamble under it
    (
        "KẾ HOẠCH\n\nThực hiện thủ tục hành chính trên môi trường điện tử tỉnh Đồng Tháp năm 2026\n\n"
        "Thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính",
        "Kế hoạch",
        "Thực hiện thủ tục hành chính trên môi trường điện tử tỉnh Đồng Tháp năm 2026",
    ),
    (
        "BÁO CÁO\nThực hiện Quyết định của Chủ tịch UBND tỉnh về việc\nban hành kế hoạch năm 2025, Sở báo cáo như sau:",
        "Báo cáo",
        None,
    ),
]


@pytest.mark.parametrize("below, doc_type, subject", TYPE_AND_SUBJECT)
def test_type_and_subject(below, doc_type, subject):
    text = "BỘ NỘI VỤ\nSố: 12/QĐ-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 04 tháng 01 năm 2023\n" + below
    info = extract_header(doc_of(text, header_lines=4))
    assert (info.doc_type, info.subject) == (doc_type, subject)


# (left column as printed, subject of the công văn)
VV_LINES = [
    (
        "V/v trình hồ sơ phê chuẩn kết quả\n Đại hội Đoàn Luật sư tỉnh Bình\n  Thuận nhiệm kỳ 2024 - 2029",
        "trình hồ sơ phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh Bình Thuận nhiệm kỳ 2024 - 2029",
    ),
    (
        "“V/v giới thiệu Lãnh đạo tham gia\nBan Vì sự tiến bộ của phụ nữ\nvà tổ thư ký, giúp việc”",
        "giới thiệu Lãnh đạo tham gia Ban Vì sự tiến bộ của phụ nữ và tổ thư ký, giúp việc",
    ),
    ("V/v cử thành viên tham gia tổ kiểm tra công vụ\n.", "cử thành viên tham gia tổ kiểm tra công vụ"),
    (
        "V/v triển khai thực hiện\nCông văn số 5689/BCA-C04\ncủa Bộ Công an",
        "triển khai thực hiện Công văn số 5689/BCA-C04 của Bộ Công an",
    ),
]


@pytest.mark.parametrize("left, subject", VV_LINES)
def test_cong_van_subject(left, subject):
    text = (
        f"UBND TỈNH BÌNH THUẬN\nSỞ TƯ PHÁP\nSố: 788/STP-HCBT\n{left}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nBình Thuận, ngày 16 tháng 5 năm 2025\n\nKính gửi: Ủy ban nhân dân tỉnh.\n"
    )
    info = extract_header(doc_of(text))
    assert (info.doc_type, info.subject) == ("Công văn", subject)


def test_interleaved_columns():
    """Both columns on one line, as some readers print them."""
    text = (
        "UBND TỈNH BÌNH THUẬN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "    SỞ TƯ PHÁP                            Độc lập - Tự do - Hạnh phúc\n\n"
        "    Số: 788/STP-HCBT                   Bình Thuận, ngày 16 tháng 5 năm 2025\n"
        "V/v trình hồ sơ phê chuẩn kết quả\n Đại hội Đoàn Luật sư tỉnh Bình\n  Thuận nhiệm kỳ 2024 - 2029\n\n"
        "                       Kính gửi: Ủy ban nhân dân tỉnh.\n"
    )
    info = extract_header(doc_of(text))
    assert (info.symbol, info.issuer, info.parent_issuer, info.place, info.issued_date) == (
        "788/STP-HCBT",
        "Sở Tư pháp tỉnh Bình Thuận",
        "Ủy ban nhân dân tỉnh Bình Thuận",
        "Bình Thuận",
        "2025-05-16",
    )
    assert info.subject.startswith("trình hồ sơ phê chuẩn")


def test_marks():
    text = (
        "BỘ CÔNG AN\nSố: 12/BCA-C04\nHỎA TỐC\nMẬT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hà Nội, ngày 04 tháng 01 năm 2023\n"
    )
    info = extract_header(doc_of(text))
    assert (info.urgency, info.confidentiality) == ("Hỏa tốc", "Mật")


def test_no_header_uses_symbol_and_place():
    """Seed 003 has no issuer lines: the issuer comes from the symbol's code and the place."""
    text = "\n\nSố: 02 /KH-UBND\n\nLạng Sơn, ngày 04 tháng 01 năm 2023\n\nKẾ HOẠCH\nCải cách hành chính tỉnh Lạng Sơn năm 2023\n"
    info = extract_header(doc_of(text))
    assert (info.doc_type, info.issuer, info.place) == ("Kế hoạch", "Ủy ban nhân dân tỉnh Lạng Sơn", "Lạng Sơn")


# A law or resolution of the Quốc hội, with no place and date under the Quốc hiệu, is dated by the sentence that
# records its adoption (vbpl_layout_html doc_000003.html, doc_000170.html; luatdatdai2013.pdf, wrapped before "ngày").
ADOPTED_TEXTS = [
    (
        "QUỐC HỘI\nLuật số: 109/2025/QH15\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\nLUẬT\n"
        "THUẾ THU NHẬP CÁ NHÂN\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về người nộp thuế.\n"
        "Luật này được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khóa XV, Kỳ họp thứ 10 thông qua ngày 10"
        " tháng 12 năm 2025.\nCHỦ TỊCH QUỐC HỘI\n(Đã ký)\nTrần Thanh Mẫn\n",
        "2025-12-10",
    ),
    (
        "QUỐC HỘI\nNghị quyết số: 170/2024/QH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "NGHỊ QUYẾT\nVề cơ chế, chính sách đặc thù\nĐiều 1. Phạm vi điều chỉnh\n"
        "Nghị quyết này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 8 thông qua ngày"
        " 30 tháng 11 năm 2024./.\nCHỦ TỊCH QUỐC HỘI\nTrần Thanh Mẫn\n",
        "2024-11-30",
    ),
    (
        "QUỐC HỘI\nLuật số: 45/2013/QH13\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLUẬT\n"
        "ĐẤT ĐAI\nLuật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 6 thông"
        " qua\nngày 29 tháng 11 năm 2013.\n",
        "2013-11-29",
    ),
]


@pytest.mark.parametrize(("text", "date"), ADOPTED_TEXTS)
def test_a_law_is_dated_by_its_adoption(text, date):
    info = extract_header(doc_of(text))
    assert (info.issuer, info.place, info.issued_date) == ("Quốc hội", None, date)


NEWS_PAGES = [
    "Cổng thông tin điện tử tỉnh Lạng Sơn\n\nVăn phòng Ủy ban Nhân dân tỉnh\n\n(Công văn số 5743 /VP-HCQT, ngày 16/11/2023).",
    "Thực hiện Công văn số 2969/UBND-KTTH ngày 23 tháng 8 năm 2021 của Ủy ban nhân dân tỉnh; ngày 10/9, Văn phòng",
    "Sáng ngày 17/7/2023, Ông Trương Ngọc Tuấn – Tỉnh ủy viên, Giám đốc Sở Nội vụ đã quán triệt Kế hoạch số 153/KH-UBND",
]


@pytest.mark.parametrize("text", NEWS_PAGES)
def test_news_page_is_not_a_document(text):
    info = extract_header(doc_of(text))
    assert info.doc_type is None and info.symbol is None and info.issuer is None


def test_parse_symbol_party_form():
    assert parse_symbol("60", "-", "NQ/TU")["type_code"] == "NQ"


# ---------------------------------------------------------------------------- gazetteer

EXPANSIONS = [
    ("UBND TỈNH LẠNG SƠN", None, "Ủy ban nhân dân tỉnh Lạng Sơn"),
    ("SỞ NỘI VỤ", "tỉnh Lâm Đồng", "Sở Nội vụ tỉnh Lâm Đồng"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", None, "Sở Văn hóa, Thể thao và Du lịch"),
    ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", None, "Ủy ban Thường vụ Quốc hội"),
    ("HĐND tỉnh", None, "Hội đồng nhân dân tỉnh"),
    ("VĂN PHÒNG SỞ", None, "Văn phòng Sở"),
    ("CHI BỘ THÔN 1 XÃ TÂN HÀ", None, "Chi bộ thôn 1 xã Tân Hà"),
    ("TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", None, "Trường Đại học Công Thương"),
]


@pytest.mark.parametrize("printed, locality, expanded", EXPANSIONS)
def test_expand_issuer(printed, locality, expanded):
    assert gz.expand_issuer(printed, locality=locality) == expanded


def test_gazetteer_tables():
    assert gz.doc_type_for_code("KH") == "Kế hoạch" and gz.code_for_doc_type("Tờ trình") == "TTr"
    assert gz.province_named("Bình Thuận").merged_into == "Lâm Đồng"
    assert sum(p.current for p in gz.PROVINCES.values()) == 34
    assert len({p.name for p in gz.PROVINCES.values() if p.name != "Huế"}) == 63
    assert gz.issuer_for_code("UBND", gz.province_named("Lạng Sơn")) == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert [m.name for m in gz.find_agencies("giao UBND tỉnh Lâm Đồng và Sở Nội vụ")] == [
        "Ủy ban nhân dân tỉnh Lâm Đồng",
        "Sở Nội vụ",
    ]


# ---------------------------------------------------------------------------- whole files

HEADER_FIELDS = (
    "doc_type",
    "symbol",
    "number",
    "year",
    "type_code",
    "issuer_code",
    "issuer",
    "parent_issuer",
    "place",
    "issued_date",
    "subject",
    "urgency",
    "confidentiality",
)
# Gold values the header extractor does not reach yet, each with why; every other field of every text-layer gold
# document must match (a scan's fields are held to the scoreboard, tests/test_scoreboard.py).
NOT_YET: set[tuple[str, str]] = set()


def gold_files() -> list[str]:
    """The text-layer gold documents (not in ../shared/eval/scanned.txt), by name; none when ../shared is absent."""
    gold = SHARED / "gold"
    scanned_list = SHARED / "eval" / "scanned.txt"
    if not gold.exists() or not scanned_list.exists():
        return []
    scanned = {unicodedata.normalize("NFC", ln.strip()) for ln in scanned_list.read_text(encoding="utf-8").splitlines()}
    names = (unicodedata.normalize("NFC", p.name[: -len(".json")]) for p in gold.glob("*.json"))
    return sorted(name for name in names if name not in scanned)


@pytest.mark.realdocs
@pytest.mark.parametrize("name", gold_files())
def test_whole_file_against_gold(name, shared_dir):
    """Every header field of a text-layer gold document, compared as the official scorer compares it."""
    from vanban.pipeline.read import read

    candidates = [
        p
        for p in list(shared_dir.glob("seeds/*")) + list(shared_dir.glob("realdocs/*/*"))
        if unicodedata.normalize("NFC", p.name) == name
    ]
    assert candidates, f"{name}: gold record without its document"
    gold_path = next(p for p in (shared_dir / "gold").glob("*.json") if unicodedata.normalize("NFC", p.stem) == name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["document"]
    info = extract_header(read(candidates[0]), file_name=str(candidates[0]))
    field_ok = score.load_scorer(shared_dir).field_ok
    missed = [
        (field, gold[field], getattr(info, field))
        for field in HEADER_FIELDS
        if (name, field) not in NOT_YET and not field_ok(field, gold[field], getattr(info, field))
    ]
    assert not missed, missed


# ---------------------------------------------------------------------------- generated PDFs


def joint_pdf(path, left: list[str], right: list[str], body: list[str], gap: float) -> None:
    """A page 1 whose left column (centred at x=150) ends ``gap`` points before the Quốc hiệu."""
    reportlab = pytest.importorskip("reportlab")  # noqa: F841
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from synth import FONT_CANDIDATES

    font = next(
        (
            Path(folder) / pattern.format(faces[0])
            for folder, pattern, faces in FONT_CANDIDATES
            if (Path(folder) / pattern.format(faces[0])).exists()
        ),
        None,
    )
    if font is None:
        pytest.skip("no TrueType font with Vietnamese glyphs")
    pdfmetrics.registerFont(TTFont("HeaderTest", str(font)))
    page = canvas.Canvas(str(path), pagesize=(595.28, 841.89))
    page.setFont("HeaderTest", 12)
    column_end = max(150 + stringWidth(line, "HeaderTest", 12) / 2 for line in left)
    right_start = column_end + gap
    right_centre = right_start + stringWidth(right[0], "HeaderTest", 12) / 2
    for row, line in enumerate(left):
        page.drawCentredString(150, 780 - 16 * row, line)
    for row, line in enumerate(right):
        page.drawCentredString(right_centre, 780 - 16 * row, line)
    for row, line in enumerate(body):
        page.drawCentredString(297, 700 - 18 * row, line) if row < 2 else page.drawString(70, 700 - 18 * row, line)
    page.save()


def test_generated_joint_document_with_a_narrow_column_gap(tmp_path):
    """Hướng dẫn liên ngành: two Sở on one line under their province; the first line runs 6 pt from the Quốc hiệu."""
    from vanban.pipeline.read import read

    path = tmp_path / "hdln.pdf"
    joint_pdf(
        path,
        ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "SỞ TƯ PHÁP - SỞ NỘI VỤ", "Số: 01/HDLN-STP-SNV"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 04 tháng 3 năm 2025"],
        [
            "HƯỚNG DẪN LIÊN NGÀNH",
            "Về việc tổ chức đại hội các tổ chức hành nghề luật sư",
            "Căn cứ Luật Luật sư ngày 29 tháng 6 năm 2006; Sở Tư pháp và Sở Nội vụ hướng dẫn như sau:",
            "1. Các tổ chức hành nghề luật sư xây dựng kế hoạch tổ chức đại hội nhiệm kỳ 2025 - 2030.",
        ],
        gap=6,
    )
    doc = read(path)
    assert doc.header.splitlines()[:3] == [
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "SỞ TƯ PHÁP - SỞ NỘI VỤ",
        "Số: 01/HDLN-STP-SNV",
    ]
    info = extract_header(doc)
    assert (info.doc_type, info.type_code, info.issuer_code) == ("Hướng dẫn", "HDLN", "STP-SNV")
    assert info.issuer == "Sở Tư pháp tỉnh Lâm Đồng - Sở Nội vụ tỉnh Lâm Đồng"
    assert (info.parent_issuer, info.place, info.issued_date) == (
        "Ủy ban nhân dân tỉnh Lâm Đồng",
        "Lâm Đồng",
        "2025-03-04",
    )
    assert info.subject == "Về việc tổ chức đại hội các tổ chức hành nghề luật sư"


def test_generated_docx_joint_header_table(tmp_path):
    """A Word header table with each body in a cell of its own, the Quốc hiệu in the third column."""
    import docx

    from vanban.pipeline.read import read

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "SỞ TƯ PHÁP"
    table.cell(0, 1).text = "SỞ NỘI VỤ"
    table.cell(0, 2).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số: 01/HDLN-STP-SNV"
    table.cell(1, 2).text = "Lâm Đồng, ngày 04 tháng 3 năm 2025"
    for line in ("HƯỚNG DẪN LIÊN NGÀNH", "Về việc tổ chức đại hội các tổ chức hành nghề luật sư", "", "Căn cứ Luật"):
        document.add_paragraph(line)
    path = tmp_path / "hdln.docx"
    document.save(str(path))
    doc = read(path)
    assert doc.header.splitlines()[:3] == ["SỞ TƯ PHÁP", "SỞ NỘI VỤ", "Số: 01/HDLN-STP-SNV"]
    info = extract_header(doc)
    assert (info.issuer, info.parent_issuer) == ("Sở Tư pháp - Sở Nội vụ", "Ủy ban nhân dân tỉnh Lâm Đồng")


# A scan's header name repaired from the gazetteer: (as read, as repaired)
REPAIRED_NAMES = [
    ("VỤ TỎ CHỨC - CÁN BỘ", "VỤ TỔ CHỨC - CÁN BỘ"),  # 2494: the words after the head, as Ban Tổ chức has them
    ("TỎ CÔNG TÁC LIÊN NGANH TW", "TỔ CÔNG TÁC LIÊN NGANH TW"),  # 996KH: the head word's marks
    ("BAN TỔ CHỨC", "BAN TỔ CHỨC"),  # 36-HD_VPTW: printed right
    ("UBND TỈNHLÂMĐÒNG", "UBND TỈNH LÂM ĐỒNG"),  # words run together
]


@pytest.mark.parametrize(("read", "repaired"), REPAIRED_NAMES)
def test_repair_name(read: str, repaired: str) -> None:
    assert gz.repair_name(read) == repaired
