"""Signature blocks from the seeds and ../shared/realdocs, as readers print them (column by
column, or both columns on one line), with the signer expected."""

from __future__ import annotations

import pytest

from vanban.extractors.signature import (
    extract_signer,
    family_name_line,
    family_name_marked,
    near_title,
    title_case,
)
from vanban.pipeline.document import TextDocument


def doc_of(text: str) -> TextDocument:
    return TextDocument(text=text, format="txt", page_count=1)


# (block as printed, name, title, authority)
BLOCKS = [
    # scans: a damaged rank and stray marks on the name line (1_4214.signed.pdf), "1" for "T" (1774256810651.pdf),
    # a ranked name whose title is only in the signature image (03-BCĐX-CAT-PC04.pdf)
    (
        "Nơi nhận:\n- Đ/c Bộ trưởng (đề báo cáo);\n- Lưu: VT, C04 (P6).\nKT.BỘ TRƯỞNG\nTHỨ TRƯỞNG\nr ươnm\ný „Ji\n"
        "'ạng tướng Nguyễn Z Văn Š Long",
        "Nguyễn Văn Long",
        "Thứ trưởng",
        "KT.BỘ TRƯỞNG",
    ),
    (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nThiếu tướng 1rương Minh Đương",
        "Trương Minh Đương",
        "Giám đốc",
        None,
    ),
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT, PC04.\nThiếu tướng Trương Minh Đương", "Trương Minh Đương", None, None),
    # a title printed over two lines (vbpl doc_000707)
    (
        "Điều 7. Quyết định này có hiệu lực kể từ ngày ký ban hành.\nCHỦ TỊCH\n"
        "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n(đã ký)\nTô Lâm",
        "Tô Lâm",
        "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        None,
    ),
    (
        "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT, NC (LTH).\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nĐương Xuân Huyền",
        "Đương Xuân Huyền",
        "Phó Chủ tịch",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
    ),
    (
        "Nơi nhận:\n- Như trên;\n- GĐ, PGĐ Sở (đ/c Bông);\n- Lưu: VT, CCVC.Thuận.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Thị Bông",
        "Nguyễn Thị Bông",
        "Phó Giám đốc",
        "KT. GIÁM ĐỐC",
    ),
    (
        "Nơi nhận:\n- Như Điều 3;\n- Bộ trưởng;\n- Lưu: VT, CCHC.\nBỘ TRƯỞNG\nPhạm Thị Thanh Trà",
        "Phạm Thị Thanh Trà",
        "Bộ trưởng",
        None,
    ),
    (
        "Nơi nhận:\n- Như thành phần mời;\n- Phòng HCQT;\n- Lưu: VT, HCC, NC.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n"
        "PHÓ CHÁNH VĂN PHÒNG\n Trịnh Ngọc Duệ",
        "Trịnh Ngọc Duệ",
        "Phó Chánh Văn phòng",
        "TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG",
    ),
    (
        "Nơi nhận:\n- Như Điều 5;\n- Lưu: VT, SNV.\nTRƯỞNG BAN\nCHỦ TỊCH UBND TỈNH\nHồ Văn Mười",
        "Hồ Văn Mười",
        "Trưởng ban",
        None,
    ),
    (
        "Trân trọng.\nTM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nNơi nhận:\n- Như trên;\n- Đ/c Trần Diệp Mỹ Dung;\n- Lưu VT, BCTĐ&TTN.\n"
        "BÍ THƯ\nTrương Minh Quang",
        "Trương Minh Quang",
        "Bí thư",
        "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
    ),
    (
        "Nơi nhận:\n- Như trên;\n- Giám đốc Sở (để b/c);\n- Lưu: VT, TCBC.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHdfđ\nNguyễn Đức Vũ",
        "Nguyễn Đức Vũ",
        "Phó Giám đốc",
        "KT. GIÁM ĐỐC",
    ),
    (
        "Nơi nhận:                                             TM. HỘI ĐỒNG\n"
        "- Như Điều 1;                                          CHỦ TỊCH\n- UBND tỉnh;\n- Lưu: VT, CCHC&VTLT(Hằng).\n\n\n"
        "                                                 GIÁM ĐỐC SỞ NỘI VỤ\n"
        "                                                    Đỗ Văn Chung",
        "Đỗ Văn Chung",
        "Chủ tịch",
        "TM. HỘI ĐỒNG",
    ),
    (
        "Nơi nhận:                                             KT.GIÁM ĐỐC\n- hư trên;                                           PHÓ GIÁM ĐỐC\n"
        "- Lưu V ,      .Đăng                VVV\n\n\n                                                      Mai Văn Hiệu",
        "Mai Văn Hiệu",
        "Phó Giám đốc",
        "KT.GIÁM ĐỐC",
    ),
    (
        "Nơi nhận:                                                   THỦ TƯỚNG\n- Như Điều 1;\n"
        "- Văn phòng Chủ tịch nước;                                 Phạm Minh Chính\n- Lưu: VT, KSTT (2).",
        "Phạm Minh Chính",
        "Thủ tướng",
        None,
    ),
    (
        "Nơi nhận:          TL. CHỦ TỊCH\n- Như trên;            CHÁNH VĂN PHÒNG\n- Chủ tịch UBND tỉnh;\n- LĐVP;\n"
        "- Lưu: VT, NC.Châu\n\n\n\n\n                                                 Đỗ Tấn Sương",
        "Đỗ Tấn Sương",
        "Chánh Văn phòng",
        "TL. CHỦ TỊCH",
    ),
    (
        "Nơi nhận: KT. BỘ TRƯỞNG\n- Như trên; THỨ TRƯỞNG\n- Bộ trưởng (để b/c);\n- Lưu: VT, TCPCP, PTG, NTQN.\n\nVũ Chiến Thắng",
        "Vũ Chiến Thắng",
        "Thứ trưởng",
        "KT. BỘ TRƯỞNG",
    ),
    (
        "Nơi nhận:\n- Lưu: VT.\nTM. BAN THƯỜNG VỤ\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n6\nPHỤ LỤC 01\nTT Tỉnh, thành phố\n1 An Giang 90",
        None,
        "Phó Chủ tịch",
        "TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH",
    ),
    (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nKý bởi: Sở Y tế\nEmail: syt@lamdong.gov.vn\nThời gian ký: 04.09.2025\n"
        "Huỳnh Thị Phương Duyên",
        "Huỳnh Thị Phương Duyên",
        "Giám đốc",
        None,
    ),
    (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐại tá Nguyễn Văn Cường",
        "Nguyễn Văn Cường",
        "Phó Giám đốc",
        "KT. GIÁM ĐỐC",
    ),
    # vbpl.vn pages: "(Đã ký)" between title and name (vbpl_layout_html/doc_000003.html), a general's rank
    ("CHỦ TỊCH QUỐC HỘI\n(Đã ký)\nTrần Thanh Mẫn", "Trần Thanh Mẫn", "Chủ tịch Quốc hội", None),
    ("BỘ TRƯỞNG\nĐại tướng Tô Lâm", "Tô Lâm", "Bộ trưởng", None),
    # Party forms with a slash (vbai/36-HD_VPTW_380096.docx prints "K/T CHÁNH VĂN PHÒNG"), synthetic lines
    (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nNguyễn Văn An",
        "Nguyễn Văn An",
        "Bí thư",
        "T/M BAN THƯỜNG VỤ",
    ),
    (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nT/M HUYỆN ỦY\nK/T BÍ THƯ\nPHÓ BÍ THƯ\nNguyễn Văn An",
        "Nguyễn Văn An",
        "Phó Bí thư",
        "T/M HUYỆN ỦY K/T BÍ THƯ",
    ),
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ĐẢNG ỦY\nBÍ THƯ\nThS. Đỗ Thị Hoa", "Đỗ Thị Hoa", "Bí thư", "TM. ĐẢNG ỦY"),
    (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nPGS.TS. Hoàng Văn Em",
        "Hoàng Văn Em",
        "Phó Hiệu trưởng",
        "KT. HIỆU TRƯỞNG",
    ),
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHÁNH ÁN\nNguyễn Văn Nam", "Nguyễn Văn Nam", "Chánh án", None),
    (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỈ HUY TRƯỞNG\nĐại tá Nguyễn Văn Tâm",
        "Nguyễn Văn Tâm",
        "Chỉ huy trưởng",
        None,
    ),
    # a Quyền head signs with the authority line alone
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nQ. GIÁM ĐỐC\n\nNguyễn Văn Ích", "Nguyễn Văn Ích", None, "Q. GIÁM ĐỐC"),
]


@pytest.mark.parametrize("block, name, title, authority", BLOCKS)
def test_signature_block(block, name, title, authority):
    body = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.\n"
    signer = extract_signer(doc_of(body + block))
    assert (signer.name, signer.title, signer.authority) == (name, title, authority)


def test_block_without_noi_nhan():
    """vbpl.vn pages print the block with no Nơi nhận beside it."""
    text = "Điều 3. Thông tư này có hiệu lực./.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Minh Ngân\nCƠ SỞ DỮ LIỆU QUỐC GIA"
    signer = extract_signer(doc_of(text))
    assert (signer.name, signer.title, signer.authority) == ("Lê Minh Ngân", "Thứ trưởng", "KT. BỘ TRƯỞNG")


def test_news_page_has_no_signer():
    signer = extract_signer(doc_of("Văn phòng UBND tỉnh chỉ đạo các phòng, ban.\n\nBích Diệp"))
    assert (signer.name, signer.title, signer.authority) == (None, None, None)


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("PHÓ CHỦ TỊCH UBND TỈNH PHỤ TRÁCH", "Phó Chủ tịch UBND tỉnh phụ trách"),  # Phiếu trình TTr 187.docx
        ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"),
        ("BỘ TRƯỞNG", "Bộ trưởng"),
        ("PHÓ CỤC TRƯỞNG", "Phó Cục trưởng"),
        ("TRƯỞNG BAN", "Trưởng ban"),
    ],
)
def test_title_case(printed, expected):
    assert title_case(printed) == expected


# --- Scans: the title and family name OCR misread, restored only where certain --------------


def scan_of(text: str) -> TextDocument:
    from vanban.pipeline.document import OcrInfo

    return TextDocument(
        text=text, format="pdf", page_count=1, ocr=OcrInfo(pages=[1], header_only=False, confidence=90.0)
    )


NEAR_TITLES = [
    # (title line as a scan read it, the known title it is)
    ("PHÓ CHỦ TỊC", "PHÓ CHỦ TỊCH"),  # 280 BC.signed_…: the H under the signature stroke
    ("PHO GIAM ĐÓỌC", "PHÓ GIÁM ĐỐC"),  # 62_0001 (1).pdf
    ("THỨ TRƯƠNG", "THỨ TRƯỞNG"),  # 5689_BCA-C04.pdf: THỨ and THỦ TRƯỞNG share the letters; the marks read decide
    # Not a title, or too far from one to be sure: left alone.
    ("THU TRUONG", None),  # THỨ or THỦ: the marks are gone, nothing decides
    ("KT. CHỦ TỊCH", None),
    ("ĐỘC LẬP", None),
    ("Phó Chủ tịc", None),  # a title line is printed in capitals
]


@pytest.mark.parametrize("line, title", NEAR_TITLES)
def test_near_title(line: str, title: str | None) -> None:
    assert near_title(line) == title


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Trân Phước Hiền", "Trần Phước Hiền"),  # 51 QĐ UB.signed_…: Trân is no family name, Trần is
        ("Nguyên Văn Long", "Nguyễn Văn Long"),
        ("Lê Hồng Văn", "Lê Hồng Văn"),
        ("Ha Văn Minh", "Ha Văn Minh"),  # Hà or Hạ: two family names, nothing restored
        ("Trân", "Trân"),  # one word is no name
    ],
)
def test_family_name_marked(name: str, expected: str) -> None:
    assert family_name_marked(name) == expected


@pytest.mark.parametrize(
    "line, name",
    [
        ('"Trân Ngọc Căng', "Trân Ngọc Căng"),  # 2770 (08-CT-UBND)..signed_…: its title under a black seal
        ("Trịnh Việt Hùng", "Trịnh Việt Hùng"),
        ("Bộ Tài chính", None),  # no family name
        ("- Lưu Văn Phòng", None),  # an item
        ("Ngày 24/12/2024", None),
    ],
)
def test_family_name_line(line: str, name: str | None) -> None:
    assert family_name_line(line) == name


def test_scanned_name_under_a_lost_title() -> None:
    block = "Nơi nhận:\n- Thường trực Tỉnh ủy (b/cáo);\n- Lưu: VT, P.ThhtlvanS4.\n\"Trân Ngọc Căng"
    assert extract_signer(scan_of(block)).name == "Trần Ngọc Căng"
    assert extract_signer(doc_of(block)).name is None  # a text layer's name needs its title
    # Before the list has ended, a line like a name is an item that lost its dash.
    assert extract_signer(scan_of("Nơi nhận:\nHà Nội;\n- Lưu: VT.")).name is None


def test_scanned_block_takes_the_near_title_and_family_name() -> None:
    block = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊC\nTrân Phước Hiền"
    signer = extract_signer(scan_of(block))
    assert (signer.name, signer.title, signer.authority) == (
        "Trần Phước Hiền",
        "Phó Chủ tịch",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
    )
    # A text layer is as printed: no title guessed, the name as it stands.
    signer = extract_signer(doc_of(block))
    assert (signer.name, signer.title) == ("Trân Phước Hiền", None)


# --- Scans: the signer block read alone (pipeline/blocks.py) --------------------------------


def _line(*words: tuple[str, float]) -> list:
    from vanban.pipeline.tesseract import OcrWord

    return [
        OcrWord(text, 100 + 200 * i, 500, 280 + 200 * i, 560, confidence, (1, 1, 1))
        for i, (text, confidence) in enumerate(words)
    ]


@pytest.mark.parametrize(
    "line, first",
    [
        # 3588_QD_…pdf: the seal's ring over the g of "Nguyễn", read at 0
        ((("Nsuyễn", 0), ("Kim", 97), ("Sơn", 97)), "Nguyễn"),
        ((("Trầm", 12), ("Ngọc", 96), ("Căng", 96)), "Trần"),  # one letter off Trần only
        ((("Phạn", 12), ("Văn", 96), ("Long", 96)), None),  # Phạm or Phan: nothing decides
        ((("Lè", 5), ("Hồng", 97), ("Văn", 96)), None),  # a short family name: Lê, Lý, Lã … too near each other
        ((("Nsuyễn", 0), ("Kim", 97), ("sơn", 97)), None),  # the rest is no name
        ((("Nsuyễn", 0), ("Kim", 50), ("Sơn", 97)), None),  # the rest not read sure
        ((("Nguyễn", 96), ("Kim", 97), ("Sơn", 97)), None),  # read sure: nothing to rescue
    ],
)
def test_family_name_under_the_seal_ring(line, first) -> None:
    from vanban.pipeline.blocks import _family_name

    rescued = _family_name(_line(*line))
    assert (rescued.text if rescued else None) == first


@pytest.mark.parametrize(
    "printed, spaced",
    [
        ("KT. CHỦ TỊCH", True),  # SCAN0098.pdf: a space after the dot, read "KT.CHỦ"
        ("TM. ỦY BAN NHÂN DÂN", True),
        ("KT.CỤC TRƯỞNG", False),  # 2388.C04.pdf: printed joined
        ("TL.CHỦ TỊCH", False),
    ],
)
def test_space_after_an_authority_mark_is_measured_on_the_page(printed: str, spaced: bool) -> None:
    from pathlib import Path

    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from vanban.pipeline.blocks import _space_after_dot

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
    if not font.exists():
        pytest.skip("DejaVu fonts not installed")
    first = printed.split(" ")[0]  # the word Tesseract reads glued: "KT.CHỦ" over "KT. CHỦ"
    if spaced:
        first = " ".join(printed.split(" ")[:2])
    image = Image.new("L", (900, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 20), first, font=ImageFont.truetype(str(font), 50), fill=0)
    ink = np.asarray(image) < 128
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    word = ink[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]
    assert (_space_after_dot(word.any(axis=0), word.shape[0]) is not None) is spaced
