"""E-signed PDFs: the number and day drawn by signature widgets as text fill the blank slots they cover.

Real e-signed PDFs print ``Số:      /BNV-CCHC`` and ``ngày    tháng 9`` and draw
``8151``, ``18`` in widget appearance streams; generated PDFs carry the same
fault, plus a stamp drawn over a printed digit and a signing time drawn elsewhere.
No OCR runs for any of them: the drawn text is read exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_path
from synth import FONT_CANDIDATES

from vanban.pipeline import ocr
from vanban.pipeline.layout import Word
from vanban.pipeline.read import read
from vanban.pipeline.stamps import stamped_fills

reportlab = pytest.importorskip("reportlab")


def squeeze(text: str) -> str:
    return " ".join(text.split())


# --- real e-signed PDFs: (file under realdocs, Số line, place/date line) as the page shows them ---

STAMPED = [
    (
        "vbai/17.9.2025.Vv lay y kien du thao BC so ket 2021-2025.pdf",
        "Số: 8151/BNV-CCHC",
        "Hà Nội, ngày 18 tháng 9 năm 2025",
    ),
    ("vbai/329 BAO CAO CCHC NAM 2025.pdf", "Số: 329/BC-UBND", "Lâm Đồng, ngày 19 tháng 12 năm 2025"),
    ("vbai/TTr BC CCHC nam 2025.pdf", "Số: 629/TTr-SNV", "Lâm Đồng, ngày 12 tháng 12 năm 2025"),
    ("vbai/SỞ XÂY DỰNG.pdf", "Số: 951/SXD-QLCLCT", "Lâm Đồng, ngày 27 tháng 8 năm 2025"),
    (
        "vbai/Báo cáo thực hiện các mô hình thí điểm CCHC theo QĐ787 04.10.pdf",
        "Số: 181/BC-SNV",
        "Lâm Đồng, ngày 05 tháng 11 năm 2025",
    ),
    ("dev2/vht507.signed_20250510_124909.pdf", "Số: 542/TB-UBND", "Quảng Ngãi, ngày 06 tháng 11 năm 2024"),
    ("dev2/05.signed_20250517_044750.pdf", "Số: 11/TB-UBND", "Quảng Ngãi, ngày 08 tháng 01 năm 2025"),
    ("vbai/Văn bản của Sở Nội vụ.pdf", "Số: 3858/SNV-TCBC", "Lâm Đồng, ngày 29 tháng 12 năm 2025"),
]


@pytest.mark.realdocs
@pytest.mark.parametrize("name, number_line, date_line", STAMPED, ids=[s[0].split("/")[-1][:40] for s in STAMPED])
def test_real_widget_text_fills_the_slots(name: str, number_line: str, date_line: str) -> None:
    runs = ocr.tesseract_runs
    doc = read(shared_path("realdocs", name))
    header = squeeze(doc.header)
    assert number_line in header and date_line in header, header
    assert doc.ocr is None and ocr.tesseract_runs == runs  # read exactly, no OCR


# --- the slot geometry, on word boxes as pdfium gives them (17.9.2025.Vv lay y kien …, rounded) ---

PAGE = [
    Word("Số:", 97.0, 115.1, 97.8, 113.0),
    Word("/BNV-CCHC", 155.3, 229.2, 100.7, 113.0),
    Word("Hà", 300.0, 316.0, 100.8, 113.6),
    Word("Nội,", 319.0, 345.0, 100.8, 113.6),
    Word("ngày", 348.0, 384.0, 100.8, 113.6),
    Word("tháng", 408.4, 440.5, 100.8, 113.6),
    Word("năm", 465.0, 492.0, 100.8, 113.6),
    Word("2025", 495.0, 525.0, 100.8, 113.6),
]

SLOT_CASES = [
    # (what widgets draw, number, day, month)
    ([Word("8151", 120.5, 148.5, 99.8, 112.5)], "8151", None, None),
    ([Word("18", 387.9, 404.6, 100.8, 113.5), Word("9", 444.9, 454.6, 100.8, 113.5)], None, "18", "9"),
    # the signing time, drawn in the stamp box at the top: fills nothing
    ([Word("06.11.2024", 432.0, 473.0, 41.0, 49.0), Word("09:27:05", 476.0, 509.0, 41.0, 49.0)], None, None, None),
    # a day that cannot be one, a number below the line: left out
    ([Word("45", 387.9, 404.6, 100.8, 113.5), Word("8151", 120.5, 148.5, 140.0, 152.0)], None, None, None),
]


@pytest.mark.parametrize("drawn, number, day, month", SLOT_CASES)
def test_slot_geometry(drawn: list[Word], number: str | None, day: str | None, month: str | None) -> None:
    fills = stamped_fills(PAGE, drawn)
    assert (fills.number, fills.day, fills.month) == (number, day, month)
    assert not fills.disagreements


def test_a_stamp_over_a_printed_digit_must_agree() -> None:
    printed = [*PAGE, Word("12", 122.0, 136.0, 100.7, 113.0)]
    fills = stamped_fills(printed, [Word("13", 121.0, 137.0, 99.8, 112.5)])
    assert fills.number is None and fills.disagreements == ["the stamp draws number 13 over the printed 12"]
    agreeing = stamped_fills(printed, [Word("12", 121.0, 137.0, 99.8, 112.5)])
    assert agreeing.number is None and not agreeing.disagreements


# --- generated e-signed PDFs: the printed page with blanks, widgets drawing text over it ---


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder, pattern, faces in FONT_CANDIDATES:
        path = Path(folder) / pattern.format(faces[0])
        if path.exists():
            pdfmetrics.registerFont(TTFont("StampTest", str(path)))
            return "StampTest"
    pytest.skip("no TrueType font with Vietnamese glyphs")


def signed_pdf(path: Path, *, number: str = "", day: str = "", stamps: list[tuple[str, float, float]]) -> Path:
    """A công văn page whose text layer prints ``number``/``day`` (blank when empty), with
    text widgets drawing each ``(text, x, y)`` of ``stamps`` over the page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _font()
    page = canvas.Canvas(str(path), pagesize=(595.28, 841.89))
    page.setFont(font, 13)
    page.drawCentredString(150, 780, "ỦY BAN NHÂN DÂN")
    page.drawCentredString(150, 764, "TỈNH LÂM ĐỒNG")
    page.drawCentredString(420, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    page.drawCentredString(420, 764, "Độc lập - Tự do - Hạnh phúc")
    page.drawString(95, 735, "Số:")
    if number:
        page.drawString(122, 735, number)
    page.drawString(160, 735, "/UBND-VP")
    page.drawString(95, 718, "V/v tổ chức hội nghị tổng kết")
    x = 330 + stringWidth("Lâm Đồng, ngày", font, 13)
    page.drawString(330, 735, "Lâm Đồng, ngày")
    if day:
        page.drawString(x + 6, 735, day)
    page.drawString(x + 30, 735, "tháng 12 năm 2025")
    body = (
        "Kính gửi: Các sở, ban, ngành tỉnh. Thực hiện chương trình công tác năm 2025, Ủy ban nhân dân tỉnh"
        " tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2025 và triển khai nhiệm vụ năm 2026."
    )
    for line_no, start in enumerate(range(0, len(body), 80)):
        page.drawString(85, 680 - 18 * line_no, body[start : start + 80])
    for index, (text, left, bottom) in enumerate(stamps):
        page.acroForm.textfield(
            name=f"stamp{index}",
            value=text,
            x=left,
            y=bottom,
            width=stringWidth(text, "Helvetica", 13) + 4,
            height=18,
            fontName="Helvetica",
            fontSize=13,
            borderWidth=0,
            fillColor=None,
            borderColor=None,
        )
    page.save()
    return path


def day_x() -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return 330 + stringWidth("Lâm Đồng, ngày", _font(), 13) + 4


def test_generated_widgets_fill_blank_slots(tmp_path: Path) -> None:
    path = signed_pdf(tmp_path / "signed.pdf", stamps=[("8151", 120, 731), ("18", day_x(), 731)])
    runs = ocr.tesseract_runs
    doc = read(path)
    header = squeeze(doc.header)
    assert "Số: 8151/UBND-VP" in header and "Lâm Đồng, ngày 18 tháng 12 năm 2025" in header, header
    assert doc.ocr is None and ocr.tesseract_runs == runs and not doc.warnings


def test_generated_stamp_over_printed_digit(tmp_path: Path) -> None:
    doc = read(
        signed_pdf(tmp_path / "over.pdf", number="12", day="09", stamps=[("13", 120, 731), ("09", day_x(), 731)])
    )
    header = squeeze(doc.header)
    assert "Số: 12 /UBND-VP" in header and "ngày 09 tháng 12" in header, header
    assert doc.warnings == ["the stamp draws number 13 over the printed 12"]


def test_generated_signing_time_fills_nothing(tmp_path: Path) -> None:
    stamps = [("Thoi gian ky: 08/02/2025 14:42:41", 330, 800), ("8151", 120, 731)]  # Helvetica: no marks
    runs = ocr.tesseract_runs
    doc = read(signed_pdf(tmp_path / "time.pdf", stamps=stamps))
    header = squeeze(doc.header)
    assert "Số: 8151/UBND-VP" in header and "Lâm Đồng, ngày tháng 12 năm 2025" in header, header
    # The top draws only text, all of it read: OCR of the rendered stamp could add nothing.
    assert doc.ocr is None and ocr.tesseract_runs == runs
