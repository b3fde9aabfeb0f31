"""OCR: Tesseract on rendered pages, the e-signed header fill, post-correction, the cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from vanban.extraction import extract_file
from vanban.pipeline import ocr, slots, tesseract
from vanban.pipeline.ocr_correct import as_digits, correct_digits, correct_names, correct_ocr_text
from vanban.pipeline.ocr_layout import without_mark_lines
from vanban.pipeline.page_image import GrayImage, crop, open_pdf, render_gray

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
E_SIGNED = ("vbai", "Công văn số 11902 của BNV.pdf")


# --- Post-correction: tables of real OCR output (from ../shared/realdocs scans) ---

DIGIT_CASES = [
    # (OCR text, corrected)
    ("Hà Nội, ngày II tháng 12 năm 2025", "Hà Nội, ngày 11 tháng 12 năm 2025"),
    ("Hà Nói, ngày II tháng I2 năm 2025", "Hà Nói, ngày 11 tháng 12 năm 2025"),
    ("Lâm Đồng. ngày,28 tháng 12 năm 2025", "Lâm Đồng. ngày 28 tháng 12 năm 2025"),
    ("ngày 2O tháng O4 năm 2O26", "ngày 20 tháng 04 năm 2026"),
    ("Số: 1l902/BNV-TCPCP", "Số: 11902/BNV-TCPCP"),
    ("Số: 257 1/VNPT-LĐG-NSTH", "Số: 2571/VNPT-LĐG-NSTH"),
    ("Số: l56 -CV/TĐTN-BCTĐ&TTN", "Số: 156 -CV/TĐTN-BCTĐ&TTN"),
    ("Nghị định số I26/2024/NĐ-CP ngày 08/l0/2024", "Nghị định số 126/2024/NĐ-CP ngày 08/10/2024"),
    ("Quyết định số 28/QĐ-TTg ngày 24/8/2O25", "Quyết định số 28/QĐ-TTg ngày 24/8/2025"),
    # The day left blank, the month read with a look-alike (280 BC.signed_…).
    ("Quảng Ngãi, ngày tháng l1 năm 2024", "Quảng Ngãi, ngày tháng 11 năm 2024"),
    # Left alone: not a number slot, or not a plausible number.
    ("Số lượng cán bộ", "Số lượng cán bộ"),
    ("Số: Z⁄ /TTr-CAT(PC04)", "Số: Z⁄ /TTr-CAT(PC04)"),
    ("ngày,#8 tháng 12 năm 2025", "ngày,#8 tháng 12 năm 2025"),
    ("ngày 45 tháng 12 năm 2025", "ngày 45 tháng 12 năm 2025"),
    ("mục II, khoản 1, mục III", "mục II, khoản 1, mục III"),
]


@pytest.mark.parametrize("text, expected", DIGIT_CASES)
def test_correct_digits(text: str, expected: str) -> None:
    assert correct_digits(text) == expected


NAME_CASES = [
    ("CÔNG AN TỈNH LÂM ĐÒNG", "CÔNG AN TỈNH LÂM ĐỒNG"),
    ("Lâm Đông, ngày 23 tháng 12 năm 2025", "Lâm Đồng, ngày 23 tháng 12 năm 2025"),
    ("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Dồng", "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Độc lập - Tự đo - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
    ("“GIÁM ĐÓC", "“GIÁM ĐỐC"),
    ("Thiêu tướng Trương Minh Đương", "Thiếu tướng Trương Minh Đương"),
    ("V/v cử nhân sự tham gia Hội đông ATVSLĐ", "V/v cử nhân sự tham gia Hội đồng ATVSLĐ"),
    # Nơi nhận items and signer blocks of the Quảng Ngãi and Thái Nguyên scans (dev2).
    ("- Công TT-ĐT tỉnh;", "- Cổng TT-ĐT tỉnh;"),
    ("- Công Thông tin điện tử tỉnh;", "- Cổng Thông tin điện tử tỉnh;"),
    ("T/M BAN CHÁP HÀNH", "T/M BAN CHẤP HÀNH"),
    ("BỊ THƯ", "BÍ THƯ"),
    ("PHO GIAM ĐÓC", "PHÓ GIÁM ĐỐC"),
    ("- Như điêu 3;", "- Như điều 3;"),
    # The line breaks and spaces inside a phrase stay where they were.
    ("chỉ định Ban Chủ\nnhiệm, Chủ   nhiệm", "chỉ định Ban Chủ\nnhiệm, Chủ   nhiệm"),
    ("CÔNG AN TỈNH\nLÂM ĐÒNG", "CÔNG AN TỈNH\nLÂM ĐỒNG"),
    # Lower case common words are not names: left alone; one-word titles have other readings.
    ("vì hòa bình và hạnh phúc", "vì hòa bình và hạnh phúc"),
    ("Trường Đại học Công Thương", "Trường Đại học Công Thương"),
    ("Trân trọng", "Trân trọng"),
    ("THU TRUONG", "THU TRUONG"),  # THỨ TRƯỞNG or THỦ TRƯỞNG: no certain answer
]


@pytest.mark.parametrize("text, expected", NAME_CASES)
def test_correct_names(text: str, expected: str) -> None:
    assert correct_names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ơi nhận: “GIÁM ĐÓC", "Nơi nhận: “GIÁM ĐỐC"),
        ("Noi nhận :", "Nơi nhận:"),
        # Handwritten numbers and days Tesseract cannot read are left blank, not guessed.
        ("Số: Z⁄ /TTr-CAT(PC04)", "Số:      /TTr-CAT(PC04)"),
        ("Số: 23§ÿÿ /C04-P6", "Số:      /C04-P6"),
        ("Lâm Đồng, ngày,#8 tháng 12 năm 2025", "Lâm Đồng, ngày      tháng 12 năm 2025"),
        ("Hà Nội, ngày A0 tháng 04 năm 2026", "Hà Nội, ngày      tháng 04 năm 2026"),
        ("Số:85_ /GM-UBND", "Số:85_ /GM-UBND"),
        ("Lâm Đồng, ngày 26 thóng 8 năm 2025", "Lâm Đồng, ngày 26 tháng 8 năm 2025"),
        # A ")" nothing opened, glued to the abbreviation opening an item (5689_BCA-C04.pdf's list).
        ("14. UBND) tỉnh Tuyên Quang", "14. UBND tỉnh Tuyên Quang"),
        ("- Lưu: VT, C04(P9).", "- Lưu: VT, C04(P9)."),
        ("(Cổng\nTTĐT) của tỉnh", "(Cổng\nTTĐT) của tỉnh"),  # opened on the line above
    ],
)
def test_correct_ocr_text(text: str, expected: str) -> None:
    assert correct_ocr_text(text) == expected


@pytest.mark.parametrize(
    "token, expected",
    [
        ("II", "11"),
        ("2O25", "2025"),
        ("I2", "12"),
        ("2O2S", "2025"),
        ("SB", None),
        ("Z⁄", None),
    ],
)
def test_as_digits(token: str, expected: str | None) -> None:
    assert as_digits(token) == expected


# --- Filling the blanks of an e-signed text layer ------------------------------

FILL_CASES = [
    # (text-layer header, OCR of the rendered header, filled)
    (
        "BỘ NỘI VỤ\nSố:     /BNV-TCPCP\nHà Nội, ngày    tháng 12 năm 2025\n",
        "Số: 11902/BNV-TCPCP\nHà Nội, ngày II tháng 12 năm 2025",
        "BỘ NỘI VỤ\nSố: 11902/BNV-TCPCP\nHà Nội, ngày 11 tháng 12 năm 2025\n",
    ),
    (
        "Số:       /QĐ-BNV\nHà Nội, ngày    tháng    năm 2025\n",
        "Số: 1187/QĐ-BNV\nHà Nội, ngày 30 tháng 12 năm 2025",
        "Số: 1187/QĐ-BNV\nHà Nội, ngày 30 tháng 12 năm 2025\n",
    ),
    # What the text layer already has is kept; an unreadable stamp fills nothing.
    (
        "Số: 788/STP-HCBT\nBình Thuận, ngày 16 tháng 5 năm 2025\n",
        "Số: 789/STP-HCBT\nBình Thuận, ngày 17 tháng 5 năm 2025",
        "Số: 788/STP-HCBT\nBình Thuận, ngày 16 tháng 5 năm 2025\n",
    ),
    (
        "Số:     /SYT-TCCB\nLâm Đồng, ngày    tháng 9 năm 2025\n",
        "Số: /SYT-TCCB\nLâm Đồng, ngày tháng 9 năm 2025",
        "Số:     /SYT-TCCB\nLâm Đồng, ngày    tháng 9 năm 2025\n",
    ),
]


@pytest.mark.parametrize("header, ocr_text, expected", FILL_CASES)
def test_fill_blank_number_and_day(header: str, ocr_text: str, expected: str) -> None:
    assert ocr.fill_blank_number_and_day(header, ocr_text) == expected


# --- OCR end to end ------------------------------------------------------------

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 2471/QĐ-UBND"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Lạng Sơn, ngày 14 tháng 10 năm 2025",
]
BODY = [
    "QUYẾT ĐỊNH",
    "Về việc thành lập Tổ công tác cải cách hành chính",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 512/TTr-SNV.",
]


def _scanned_pdf(path: Path) -> Path:
    """An image-only A4 page (no text layer) at 300 dpi with a two-column header."""
    width, height = 2480, 3508
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    regular = ImageFont.truetype(str(FONT), 46)
    bold = ImageFont.truetype(str(FONT_BOLD), 46)

    def centred(text: str, centre_x: int, y: int, font) -> None:
        w = draw.textlength(text, font=font)
        draw.text((centre_x - w / 2, y), text, font=font, fill=0)

    for i, line in enumerate(HEADER_LEFT):
        centred(line, 560, 250 + i * 80, bold if i < 2 else regular)
    for i, line in enumerate(HEADER_RIGHT):
        centred(line, 1650, 250 + i * 80, bold if i < 2 else regular)
    centred(BODY[0], width // 2, 600, bold)
    centred(BODY[1], width // 2, 680, bold)
    for i, line in enumerate(BODY[2:]):
        draw.text((250, 820 + i * 80), line, font=regular, fill=0)
    image.save(path, "PDF", resolution=300)
    return path


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory) -> Path:
    if not FONT.exists():
        pytest.skip("DejaVu fonts not installed")
    return _scanned_pdf(tmp_path_factory.mktemp("scan") / "scan.pdf")


@pytest.fixture
def ocr_cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("VANBAN_OCR_CACHE", str(tmp_path / "ocr-cache"))
    return tmp_path / "ocr-cache"


def test_scanned_page_has_no_text_layer(scanned_pdf: Path) -> None:
    pdf = pdfium.PdfDocument(str(scanned_pdf))
    assert pdf[0].get_textpage().get_text_range().strip() == ""


@needs_tesseract
@pytest.mark.slow
def test_ocr_page_reads_known_text_in_column_order(scanned_pdf: Path, ocr_cache: Path) -> None:
    [page] = ocr.ocr_pdf_pages(scanned_pdf, [0])
    assert page.index == 0 and page.word_count > 40
    assert page.confidence is not None and page.confidence > 80
    text = page.text
    for expected in [
        "2471/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Lạng Sơn, ngày 14 tháng 10 năm 2025",
        "QUYẾT ĐỊNH",
        "cải cách hành chính",
        "512/TTr-SNV",
    ]:
        assert expected in text
    # Header: the left column, then the right column, never interleaved; the body after it.
    assert page.header_end is not None
    header, body = text[: page.header_end], text[page.header_end :]
    assert header.index("TỈNH LẠNG SƠN") < header.index("Số: 2471") < header.index("CỘNG HÒA")
    assert "Độc lập - Tự do - Hạnh phúc" in header.splitlines()
    assert body.lstrip().startswith("QUYẾT ĐỊNH")


@needs_tesseract
@pytest.mark.slow
def test_second_call_is_served_from_cache(scanned_pdf: Path, ocr_cache: Path) -> None:
    runs = tesseract.tesseract_runs
    [first] = ocr.ocr_pdf_pages(scanned_pdf, [0])
    read = tesseract.tesseract_runs - runs  # the page (its trích yếu, read sure, is not read again)
    assert read == 1 and not first.cached
    assert len(list(ocr_cache.rglob("*.tsv"))) == read
    [second] = ocr.ocr_pdf_pages(scanned_pdf, [0])
    assert tesseract.tesseract_runs == runs + read  # tesseract not run again
    assert second.cached and second.text == first.text and second.confidence == first.confidence


@needs_tesseract
@pytest.mark.slow
def test_in_process_engine_reads_as_the_command_does(scanned_pdf: Path) -> None:
    """tesserocr, when it wraps the system's Tesseract, gives the command's TSV word for word."""
    if tesseract.in_process() is None:
        pytest.skip("tesserocr not built against the system's Tesseract")
    pdf = open_pdf(scanned_pdf)
    try:
        page = pdf[0]
        image = render_gray(page, 0.3)
        page.close()
    finally:
        pdf.close()
    command = tesseract._run_command(image.png(), tesseract.PSM_PAGE, tesseract.VIE)
    assert tesseract.recognize(image, tesseract.PSM_PAGE, tesseract.VIE) == command
    [number] = [w for w in tesseract.parse_tsv(command) if "2471" in w.text]
    digits = crop(image, (number.left, number.top, number.left + (number.right - number.left) // 3, number.bottom))
    command = tesseract._run_command(digits.png(), slots.PSM_WORD, slots.DIGITS_ONLY)
    assert tesseract.recognize(digits, slots.PSM_WORD, slots.DIGITS_ONLY) == command
    assert [w.text for w in tesseract.parse_tsv(command)] == ["2471"]


@needs_tesseract
def test_in_process_engine_after_another_openmp_loaded() -> None:
    """scikit-learn's own copy of OpenMP loaded first (the pen-digit reader loads it) is not Tesseract's: the
    engine still runs in the process, one thread, not a ``tesseract`` command per image."""
    if tesseract.in_process() is None:
        pytest.skip("tesserocr not built against the system's Tesseract")
    script = (
        "import sys, sklearn.cluster\n"
        "assert any('scikit_learn.libs/libgomp' in line for line in open('/proc/self/maps'))\n"
        "from vanban.pipeline import tesseract\n"
        "sys.exit(0 if tesseract.in_process() is not None else 3)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    assert subprocess.run([sys.executable, "-c", script], env=env).returncode == 0


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_header_region_of_e_signed_pdf(realdocs: Path, ocr_cache: Path) -> None:
    path = realdocs / E_SIGNED[0] / E_SIGNED[1]
    if not path.exists():
        pytest.skip(f"{path} not present")
    found = ocr.ocr_header_region(path)
    assert (found.number, found.day, found.month) == ("11902", "11", "12")
    assert found.confidence is not None and found.confidence > 70

    pdf = pdfium.PdfDocument(str(path))
    text_layer = pdf[0].get_textpage().get_text_range()
    assert "11902" not in text_layer  # the number is only in the signature stamp
    filled = ocr.fill_blank_number_and_day(text_layer, found.text)
    assert "Số: 11902/BNV-TCPCP" in filled
    assert "ngày 11 tháng 12 năm 2025" in filled


def test_missing_tesseract_is_a_clear_read_error(monkeypatch, scanned_pdf: Path) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    tesseract.tesseract_version.cache_clear()
    try:
        with pytest.raises(ocr.OcrUnavailable, match="apt-get install tesseract-ocr tesseract-ocr-vie"):
            ocr.ocr_pdf_pages(scanned_pdf, [0])
    finally:
        monkeypatch.undo()
        tesseract.tesseract_version.cache_clear()


def test_unsigned_draft_with_blank_number_is_not_ocred(tmp_path: Path, ocr_cache: Path) -> None:
    """A draft's blank Số is really blank: nothing but text is drawn, so no OCR runs."""
    import random

    from synth import random_spec, render_pdf

    from vanban.pipeline.read import read

    path = tmp_path / "draft.pdf"
    render_pdf(random_spec(random.Random(3), 5, doc_type="Quyết định", draft=True), path)
    assert ocr.header_shows_only_text(path)
    before = tesseract.tesseract_runs
    doc = read(path)
    assert tesseract.tesseract_runs == before and doc.ocr is None
    assert "Số:" in doc.header


def test_e_signed_header_is_checked_on_the_rendered_page(realdocs: Path) -> None:
    from vanban.pipeline.ocr import header_shows_only_text

    assert not header_shows_only_text(realdocs / "vbai" / "Công văn số 11902 của BNV.pdf")


SIGNER_LEFT = ["Nơi nhận:", "- Như trên;", "- Sở Nội vụ tỉnh Lạng Sơn;", "- Lưu: VT, TCCB."]
SIGNER_RIGHT = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
SIGNER_NAME = "Đương Xuân Huyền"
SEAL_RED = (215, 35, 40)


def _sealed_signer_pdf(path: Path) -> Path:
    """An image-only A4 page ending in a signer block under a red round seal, as scanned in colour.

    The seal (a thick red ring with red lettering) is pressed over the left of the
    title, the blue signature and the start of the name, as on real scans.
    """
    width, height = 2480, 3508
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    regular = ImageFont.truetype(str(FONT), 46)
    bold = ImageFont.truetype(str(FONT_BOLD), 46)
    small = ImageFont.truetype(str(FONT_BOLD), 34)
    for i, line in enumerate(BODY[2:]):
        draw.text((250, 400 + i * 80), line, font=regular, fill="black")
    draw.text((250, 700), "Nơi nhận:", font=bold, fill="black")
    for i, line in enumerate(SIGNER_LEFT[1:]):
        draw.text((250, 770 + i * 60), line, font=ImageFont.truetype(str(FONT), 38), fill="black")

    def centred(text: str, y: int, font) -> None:
        w = draw.textlength(text, font=font)
        draw.text((1750 - w / 2, y), text, font=font, fill="black")

    centred(SIGNER_RIGHT[0], 700, bold)
    centred(SIGNER_RIGHT[1], 770, bold)
    centred(SIGNER_NAME, 1230, bold)
    draw.line([(1500, 1060), (1620, 980), (1700, 1080), (1850, 990), (1990, 1050)], fill=(30, 40, 160), width=8)
    # The seal: a 40 mm ring over the title's left, the signature and the name's start,
    # its ink multiplied into the print (black under red stays black) as stamp ink does.
    seal = Image.new("RGB", (width, height), "white")
    stamp = ImageDraw.Draw(seal)
    cx, cy, r = 1560, 1020, 236
    stamp.ellipse([cx - r, cy - r, cx + r, cy + r], outline=SEAL_RED, width=14)
    stamp.ellipse([cx - r + 60, cy - r + 60, cx + r - 60, cy + r - 60], outline=SEAL_RED, width=6)
    for i, word in enumerate(["ỦY BAN", "NHÂN DÂN", "TỈNH"]):
        w = stamp.textlength(word, font=small)
        stamp.text((cx - w / 2, cy - 70 + i * 50), word, font=small, fill=SEAL_RED)
    ImageChops.multiply(image, seal).save(path, "PDF", resolution=300)
    return path


@needs_tesseract
@pytest.mark.slow
def test_signer_under_red_seal_is_read(tmp_path: Path, ocr_cache: Path) -> None:
    if not FONT.exists():
        pytest.skip("DejaVu fonts not installed")
    [page] = ocr.ocr_pdf_pages(_sealed_signer_pdf(tmp_path / "sealed.pdf"), [0])
    lines = page.text.splitlines()
    assert SIGNER_NAME in lines
    assert "PHÓ CHỦ TỊCH" in lines and "KT. CHỦ TỊCH" in lines
    assert lines.index("KT. CHỦ TỊCH") < lines.index("PHÓ CHỦ TỊCH") < lines.index(SIGNER_NAME)
    # The Nơi nhận column beside it is read as before, before the signer block.
    assert lines.index("- Sở Nội vụ tỉnh Lạng Sơn;") < lines.index("KT. CHỦ TỊCH")


# --- Lines read from detached marks --------------------------------------------------

# Page 1 of 280 BC.signed_20250219_164611.pdf: the tone marks and underline of the bold
# title "Về việc điều chỉnh dự toán ngân sách của một số …" read as a line of their own.
MARK_LINE = [("À", 76, 409, 626, 426, 649), (".^A", 80, 476, 633, 512, 656), (".À", 43, 591, 626, 627, 649),
             ("”", 28, 737, 638, 751, 648), ("Lá", 91, 969, 634, 983, 656), ("ˆ", 90, 1104, 636, 1122, 648),
             (",", 70, 1208, 638, 1220, 648), ("-", 71, 1336, 637, 1349, 647), ("ˆ", 91, 1456, 635, 1475, 647),
             ("F‹", 38, 1539, 620, 1560, 655), ("°", 33, 1728, 636, 1736, 646), ("Lá", 55, 1893, 632, 1909, 654),
             ("`4", 40, 1997, 633, 2018, 654)]  # fmt: skip
TITLE_LINES = [("BÁO", 92, 1145, 556, 1270, 611), ("CÁO", 95, 1288, 556, 1413, 611),
               ("Về", 81, 363, 639, 427, 681), ("việc", 96, 445, 640, 560, 690), ("điều", 93, 578, 638, 690, 690),
               ("ra,", 95, 700, 652, 760, 680), ("nước", 96, 780, 645, 900, 690)]  # fmt: skip


def test_lines_of_marks_are_dropped() -> None:
    def words(rows, line):
        return [
            tesseract.OcrWord(t, l, top, r, b, c, (line + i // 2, 1, 1)) for i, (t, c, l, top, r, b) in enumerate(rows)
        ]

    title = words(TITLE_LINES, 1)
    marks = [tesseract.OcrWord(t, l, top, r, b, c, (9, 1, 1)) for t, c, l, top, r, b in MARK_LINE]
    assert without_mark_lines(title + marks) == title
    assert without_mark_lines(title) == title  # short words of real text ("ra,") stay


# --- The blocks at the foot read alone ---------------------------------------------------

LIST_ITEMS = ["- Như trên;", "- VPUB: CVP, PCVP(KTTH);", "- Cổng TT-ĐT tỉnh;", "- Lưu: VT, P.KTTH."]
SIGNER_LINES = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
SIGNED_NAME = "Trần Phước Hiền"


def _signed_foot_pdf(path: Path) -> Path:
    """An image-only page whose foot holds a Nơi nhận list in small print and a signer block with no
    seal, its title crossed by a blue signature stroke (the pen runs through "TỊCH"), as in colour scans."""
    width, height = 2480, 3508
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    regular = ImageFont.truetype(str(FONT), 46)
    bold = ImageFont.truetype(str(FONT_BOLD), 44)
    small = ImageFont.truetype(str(FONT), 34)
    for i, line in enumerate(BODY[2:]):
        draw.text((250, 400 + i * 80), line, font=regular, fill="black")
    draw.text((250, 900), "Nơi nhận:", font=ImageFont.truetype(str(FONT_BOLD), 38), fill="black")
    for i, line in enumerate(LIST_ITEMS):
        draw.text((250, 965 + i * 52), line, font=small, fill="black")

    def centred(text: str, y: int, font) -> None:
        w = draw.textlength(text, font=font)
        draw.text((1750 - w / 2, y), text, font=font, fill="black")

    for i, line in enumerate(SIGNER_LINES):
        centred(line, 900 + i * 70, bold)
    centred(SIGNED_NAME, 1450, bold)
    # The pen's ink multiplied into the print, as ink over toner scans (black under blue stays black).
    pen = Image.new("RGB", (width, height), "white")
    stroke = ImageDraw.Draw(pen)
    stroke.line([(1560, 1150), (1700, 1060), (1800, 1075), (1950, 1010), (2150, 990)], fill=(40, 60, 190), width=12)
    stroke.line([(1820, 1120), (2000, 1070)], fill=(40, 60, 190), width=10)
    ImageChops.multiply(image, pen).save(path, "PDF", resolution=300)
    return path


@needs_tesseract
@pytest.mark.slow
def test_foot_blocks_are_read_alone(tmp_path: Path, ocr_cache: Path) -> None:
    if not FONT.exists():
        pytest.skip("DejaVu fonts not installed")
    [page] = ocr.ocr_pdf_pages(_signed_foot_pdf(tmp_path / "foot.pdf"), [0])
    lines = page.text.splitlines()
    for line in SIGNER_LINES + [SIGNED_NAME] + LIST_ITEMS[1:3]:
        assert line in lines
    assert lines.index(LIST_ITEMS[2]) < lines.index(SIGNER_LINES[0]) < lines.index(SIGNED_NAME)


# --- Real scans from offices new to the project (../shared/realdocs/dev2) ---------------


def _dev2_record(realdocs: Path, name: str):
    from vanban.extraction import extract_file

    path = realdocs / "dev2" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return extract_file(path)[0]


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_scan_of_e_signed_report_reads_header_and_signer(realdocs: Path) -> None:
    """The e-signature stamps drawn over the scan are not read into its header; the tone marks
    the subject's bold line drops are no subject; the seal and pen over the signer block are not
    read as its letters."""
    record = _dev2_record(realdocs, "280 BC.signed_20250219_164611.pdf")
    document = record.document
    # The day 22 is written by pen: read by the pen-digit reader and a digit reader alike.
    assert (document.symbol, document.place, document.issued_date) == ("280/BC-UBND", "Quảng Ngãi", "2024-11-22")
    # Read alone and larger, the bold trích yếu keeps its marks ("điêu", "sô" in the page's reading).
    assert document.subject == "Về việc điều chỉnh dự toán ngân sách của một số đơn vị dự toán năm 2024"
    assert (document.signer.name, document.signer.title) == ("Trần Phước Hiền", "Phó Chủ tịch")
    assert "Cổng TT-ĐT tỉnh" in record.recipients and "VPUB: CVP, PCVP(KTTH)" in record.recipients


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_scan_signer_block_keeps_the_printed_spacing(realdocs: Path) -> None:
    record = _dev2_record(realdocs, "22 TTR.signed_20250510_124908.pdf")
    assert record.document.signer.authority == "TM. ỦY BAN NHÂN DÂN"
    assert record.recipients[-1] == "Cổng TT-ĐT tỉnh" and "Văn phòng Đoàn ĐBQH và HĐND tỉnh" in record.recipients


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_pen_number_read_alike_by_three_readers_stands(realdocs: Path) -> None:
    record = _dev2_record(realdocs, "660TBUB.signed_20250219_234149.pdf")
    assert record.document.symbol == "660/TB-UBND"


# --- Lines the page's reading left out -------------------------------------------------


@needs_tesseract
@pytest.mark.slow
def test_lines_the_page_reading_left_out_are_read(scanned_pdf: Path, ocr_cache: Path) -> None:
    """Ink no word covers, as tall as a line or more, is read again: a run of body lines the
    layout analysis dropped comes back; a pen stroke gives nothing."""
    from vanban.pipeline.unread import with_unread_bands

    pdf = open_pdf(scanned_pdf)
    try:
        page = pdf[0]
        image = render_gray(page, stamps=False)
        page.close()
    finally:
        pdf.close()
    words = tesseract.parse_tsv(tesseract.recognize(image, tesseract.PSM_PAGE))
    dropped = [w for w in words if w.top > 800]  # the two body lines, as a skewed scan loses them
    kept = [w for w in words if w.top <= 800]
    added = with_unread_bands(image, kept, [])[len(kept) :]
    assert " ".join(w.text for w in added) == " ".join(w.text for w in dropped)
    assert with_unread_bands(image, words, []) == words  # nothing unread: nothing added

    # A signature's stroke where no word is: specks, dropped.
    from PIL import Image

    scribble = Image.new("L", (2480, 1200), 255)
    ImageDraw.Draw(scribble).line([(900, 300), (1200, 100), (1400, 500), (1700, 200)], fill=0, width=14)
    signed = GrayImage(scribble.tobytes(), 2480, 1200)
    assert with_unread_bands(signed, [tesseract.OcrWord("Căn", 250, 900, 350, 950, 96, (1, 1, 1))], []) == [
        tesseract.OcrWord("Căn", 250, 900, 350, 950, 96, (1, 1, 1))
    ]


def test_party_notice_subject_follows_its_issuing_body() -> None:
    """A Party "THÔNG BÁO" prints who issues it under its name ("CỦA BAN CHẤP HÀNH …") before the
    trích yếu (TB 348 TU_1.signed.pdf)."""
    from vanban.extractors.header import extract_header
    from vanban.pipeline.document import TextDocument

    header = "TỈNH ỦY THÁI NGUYÊN\nSố 348-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 22 tháng 8 năm 2025\n"
    body = (
        "THÔNG BÁO\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nVề nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu\n"
        "Đảng bộ tỉnh Thái Nguyên lần thứ XXI, nhiệm kỳ 2025 - 2030\n- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
    )
    doc = TextDocument(text=header + body, format="pdf", page_count=1, header_end=len(header))
    assert extract_header(doc).subject == (
        "Về nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XXI, nhiệm kỳ 2025 - 2030"
    )


def test_title_line_takes_the_marks_its_own_readings_agree_on() -> None:
    """TB 348 TU_1.signed.pdf's trích yếu: the page read "điềm tô", the line read alone at its size and
    larger both "điểm tổ"; a speck one reading adds ("_Về") pairs nothing wrongly."""
    from vanban.pipeline.blocks import _agreed_marks

    def line(text: str, confidence: float = 90) -> list[tesseract.OcrWord]:
        return [
            tesseract.OcrWord(t, 100 * i, 0, 100 * i + 90, 40, confidence, (1, 1, 1))
            for i, t in enumerate(text.split())
        ]

    page = line("Về nội dung, thời gian, địa điềm tô chức")
    both = [line("_Về nội dung, thời gian, địa điểm tổ chức"), line("Về nội dung, thời gian, địa điểm tổ chức", 80)]
    better = _agreed_marks(page, both)
    assert [better.get(id(w), w).text for w in page] == "Về nội dung, thời gian, địa điểm tổ chức".split()
    # The readings disagree on a word, or one lost it: the page's word stays.
    split = [line("Về nội dung, thời gian, địa điểm tổ chức"), line("Về nội dung, thời gian, địa điềm tô chức")]
    assert _agreed_marks(page, split) == {}
    assert _agreed_marks(page, [line("Về nội dung, thời gian, địa điểm tổ chức"), line("Về nội dung")]) == {}


# --- A header line the page's reading garbled ------------------------------------------

# Page 1 of 3588_QD_SGK_THONG_NHAT_…pdf: "Số: 3588/QĐ-BGDĐT" read with the lower date line
# beside it as one skewed line, as noise.
GARBLED = [("Đột", 2.6, 578, 302, 644, 340), ("đa", 29.9, 664, 303, 713, 341), ("GỊ", 0.0, 720, 302, 788, 342),
           ("NộE)611-018", 0.0, 789, 304, 1039, 353), ("L", 51.4, 1043, 306, 1074, 344)]  # fmt: skip
DATE_LINE = [("Hà", 93.7, 1395, 342, 1458, 378), ("Nội,", 97.0, 1470, 342, 1551, 385),
             ("ngày", 96.9, 1571, 342, 1669, 390), ("26", 96.9, 1682, 343, 1734, 379)]  # fmt: skip


@needs_tesseract
@pytest.mark.slow
def test_garbled_header_line_is_read_alone(ocr_cache: Path) -> None:
    from vanban.pipeline.blocks import with_garbled_header_lines_read_alone

    if not FONT.exists():
        pytest.skip("DejaVu fonts not installed")
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    draw.text((578, 300), "Số: 3588/QĐ-BGDĐT", font=ImageFont.truetype(str(FONT), 46), fill=0)
    draw.text((1395, 340), "Hà Nội, ngày 26", font=ImageFont.truetype(str(FONT), 46), fill=0)
    page = GrayImage(image.tobytes(), image.width, image.height)
    line = (5, 1, 1)
    words = [tesseract.OcrWord(t, a, b, c, d, conf, line) for t, conf, a, b, c, d in GARBLED + DATE_LINE]
    read = with_garbled_header_lines_read_alone(page, words)
    assert [w.text for w in read if w.left < 1300] == ["Số:", "3588/QĐ-BGDĐT"]
    assert [w.text for w in read if w.left >= 1300] == ["Hà", "Nội,", "ngày", "26"]  # read sure: kept
    runs = tesseract.tesseract_runs
    assert with_garbled_header_lines_read_alone(page, read) == read  # nothing garbled left: no reading
    assert tesseract.tesseract_runs == runs


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_scan_header_and_signer_under_seal_and_stroke(realdocs: Path) -> None:
    """3588_QD_…pdf: the Số line garbled beside the date; the title crossed by the signature's stroke
    lost by the block's layout; the name's first letter under the seal's ring."""
    document = _dev2_record(realdocs, "3588_QD_SGK_THONG_NHAT_20251227_23h00_FN_f6141-1781327650867.pdf").document
    assert (document.symbol, document.type_code, document.issuer_code) == ("3588/QĐ-BGDĐT", "QĐ", "BGDĐT")
    assert (document.signer.name, document.signer.title) == ("Nguyễn Kim Sơn", "Bộ trưởng")


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_authority_mark_keeps_the_printed_space(realdocs: Path) -> None:
    assert _dev2_record(realdocs, "SCAN0098.pdf").document.signer.authority == "KT. CHỦ TỊCH"
    record, _ = extract_file(realdocs / "vbai" / "2388.C04.pdf")
    assert record.document.signer.authority == "KT.CỤC TRƯỞNG"  # printed joined


# --- A reception stamp beside the title (ocr_layout.side_box_rows) ----------------------------------
# Page 1 under the header as Tesseract read it (300 dpi, 2480 pixels wide): each row's segments as
# (text, left, right), one row a line 50 pixels high.

STAMP_996KH = [  # vbai/996KH-TCTLNTW-C04.pdf: the red "ĐẾN" stamp of UBND tỉnh Lâm Đồng beside the title
    [("Số.....6.44...........", 304, 703), ("KẾ HOẠCH", 1193, 1508)],
    [("bự Ni 01344046.", 263, 703), ("Phối hợp kiểm soát các hoạt động hợp pháp", 814, 1888)],
    [("liên quan đên ma túy năm 2026", 966, 1735)],
    [("9094009 0000009006900000000009606 0", 345, 702)],
    [("Thực hiện Nghị định số 105/2021/NĐ-CP ngày 04 tháng 12 năm 2021 của", 536, 2320)],
    [("năm 2026, cụ thể như sau:", 388, 990)],
]
STAMP_2494 = [  # namdo_legal_ocr/20241203_234801_2494.pdf: Văn phòng Trung ương's "ĐẾN" stamp
    [("ĐẾN.", 315, 571), ("Kính gửi Đồng chí Hoàng Công Hoàn,", 812, 1817)],
    [("Số 2/0 Ngà ày⁄&J /A I201T", 144, 699), ("Phó Chánh Văn phòng Thường trực,", 1082, 2002)],
    [("Chuyểh: Xó bạc Go: le,", 144, 682)],
    [("|Lưu hồ sơ_", 128, 397), ("TỜ TRÌNH", 1230, 1541)],
    [("V/v cử cán bộ tham gia Đoàn Nhà xuất bản Chính trị quốc gia", 551, 2221)],
    [("Nhà xuất bản Chính trị quốc gia Sự thật đề nghị Văn phòng Trung", 581, 2340)],
]
NO_STAMP_2388 = [  # vbai/2388.C04.pdf: the V/v in the left column, then "Kính gửi:" centred; no box
    [("V/v tham mưu HĐND cấp tỉnh ban hành", 367, 1111)],
    [("phòng, chống ma túy đến năm 2030", 410, 1066)],
    [("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", 539, 2179)],
    [("Thực hiện ý kiến chỉ đạo của Chính phủ! và trên cơ sở đề xuất của Bộ Công", 500, 2241)],
]


def _rows_page(rows: list[list[tuple[str, int, int]]]) -> list[tesseract.OcrWord]:
    return [
        tesseract.OcrWord(text, left, 60 * i, right, 60 * i + 50, 95, (i, j, 1))
        for i, row in enumerate(rows)
        for j, (text, left, right) in enumerate(row)
    ]


@pytest.mark.parametrize(
    ("rows", "box", "title"),
    [
        (STAMP_996KH, [0, 1, 3], "KẾ HOẠCH\nPhối hợp kiểm soát các hoạt động hợp pháp\nliên quan đên ma túy năm 2026"),
        (STAMP_2494, [0, 1, 2, 3], "Kính gửi Đồng chí Hoàng Công Hoàn,\nPhó Chánh Văn phòng Thường trực,"),
        (NO_STAMP_2388, [], "V/v tham mưu HĐND cấp tỉnh ban hành\nphòng, chống ma túy đến năm 2030\nKính gửi:"),
    ],
)
def test_a_stamp_beside_the_title_is_read_apart(rows, box: list[int], title: str) -> None:
    from vanban.pipeline.ocr_layout import layout_text, side_box_rows, visual_rows

    words = _rows_page(rows)
    assert side_box_rows(visual_rows(words, 2480), 2480) == box
    text, _ = layout_text(words, 2480, title_zone=True)
    assert title in text
    stamp = [rows[i][0][0] for i in box]
    assert text.split("\n")[: len(stamp)] == stamp


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_a_stamp_beside_the_title_leaves_the_subject_whole(realdocs: Path) -> None:
    record, _ = extract_file(realdocs / "vbai" / "996KH-TCTLNTW-C04.pdf")
    assert record.document.subject is not None
    assert record.document.subject.startswith("Phối hợp kiểm soát các hoạt động hợp pháp")
    assert record.document.subject.endswith("ma túy năm 2026")


def _bands_read(path: Path, index: int) -> tuple[int, int]:
    """(Tesseract runs, words added) of the unread-band pass on one page of a real scan, as the reader runs it."""
    from vanban.pipeline.blocks import with_blocks_read_alone
    from vanban.pipeline.ocr_cache import read_cached
    from vanban.pipeline.unread import with_unread_bands

    pdf = open_pdf(path)
    try:
        page = pdf[index]
        image = render_gray(page, stamps=False)
        words = without_mark_lines(tesseract.parse_tsv(read_cached(image, "page", tesseract.PSM_PAGE)[0]))
        words, read_alone = with_blocks_read_alone(page, words, image.width, image.height)
        page.close()
    finally:
        pdf.close()
    runs = tesseract.tesseract_runs
    added = len(with_unread_bands(image, words, read_alone)) - len(words)
    return tesseract.tesseract_runs - runs, added


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_unread_bands_only_where_the_page_reading_left_text_out(realdocs: Path, ocr_cache: Path) -> None:
    """Paragraphs the page's reading dropped are read alone and kept (660TBUB, page 1: the body's lines under
    the header); a page whose read lines all carry ink no word covers (1_4214: text under a tint, every row a
    band) is not read a second time as one tall band."""
    dropped = realdocs / "dev2" / "660TBUB.signed_20250219_234149.pdf"
    tinted = realdocs / "vbai" / "1_4214.signed.pdf"
    if not dropped.exists() or not tinted.exists():
        pytest.skip("realdocs scans not present")
    runs, added = _bands_read(dropped, 0)
    assert runs >= 3 and added >= 200
    assert _bands_read(tinted, 0) == (0, 0)
