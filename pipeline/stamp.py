"""The number and day an e-signed PDF draws only in its signature stamp.

An e-signed page whose text layer leaves ``Số:     /BNV-TCPCP`` and ``ngày    tháng``
blank draws the number and day in the signature stamp: :func:`ocr_header_region`
reads the top of page 1 as rendered, and :func:`fill_blank_number_and_day` /
:func:`blank_fills` splice what the page shows into the text-layer header. An
unsigned draft whose page 1 draws nothing but text (:func:`header_shows_only_text`)
is not OCR'd at all: its blank Số is really blank.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import regex

from .ocr_cache import read_cached
from .ocr_correct import correct_ocr_text
from .ocr_layout import page_text
from .page_image import open_pdf, render_gray
from .slots import reread_digits
from .tesseract import PSM_PAGE, OcrWord, mean_confidence, parse_tsv, tesseract_version

HEADER_FRACTION = 0.30  # top part of page 1 holding Số and the place/date line


@dataclass
class HeaderOcr:
    """What the rendered top of page 1 shows: its text and the number/day/month found in it."""

    text: str
    number: str | None
    day: str | None
    month: str | None
    confidence: float | None
    cached: bool = False


# Number in the OCR'd header: "Số: 11902/BNV-TCPCP", "Số: 156 -CV/TĐTN"; a stamp
# may leave a speck after it or hide the slash: "Số:85_ /GM-UBND", "Số: 10797QĐ-HĐTĐ".
_OCR_NUMBER = regex.compile(
    r"""(?x)
    (?<![\p{L}])Số \s* [:.]? \s*
    (?P<number>[0-9]{1,6}(?:[.,][0-9]+)?)   # 11902 (66.15 on a few legal symbols)
    _? \s* (?=[/-]|\p{Lu}{2})
    """
)


def _in_range(slot: str, value: int) -> bool:
    return 1 <= value <= (31 if slot == "day" else 12)


# Day and month in the OCR'd header: "ngày 11 tháng 12 năm 2025".
_OCR_DATE = regex.compile(
    r"""(?x)
    (?<![\p{L}])ngày \s* [,.]? \s*
    (?P<day>[0-9]{1,2})? \s* tháng \s*
    (?P<month>[0-9]{1,2})? \s* năm
    """
)


def find_number_and_day(ocr_text: str) -> tuple[str | None, str | None, str | None]:
    """(number, day, month) read from corrected OCR header text; None where not shown."""
    number = day = month = None
    if m := _OCR_NUMBER.search(ocr_text):
        number = m.group("number")
    if m := _OCR_DATE.search(ocr_text):
        day, month = m.group("day"), m.group("month")
        if day and not _in_range("day", int(day)):
            day = None
        if month and not _in_range("month", int(month)):
            month = None
    return number, day, month


def header_shows_only_text(pdf_path: str | os.PathLike) -> bool:
    """True when page 1's top draws nothing but its text layer: no annotation or form
    field (a signature stamp), no image, no embedded form object above the body.

    Then the rendered header shows exactly the text layer, and a blank Số/ngày is
    really blank (an unsigned draft): OCR could only read back what the text says.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError:
        return False
    try:
        page = pdf[0]
        try:
            if pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0:
                return False
            _, height = page.get_size()
            top = height * (1 - HEADER_FRACTION)
            kinds = [pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM]
            return not any(obj.get_bounds()[3] > top for obj in page.get_objects(filter=kinds, max_depth=1))
        finally:
            page.close()
    finally:
        pdf.close()


def ocr_header_region(pdf_path: str | os.PathLike) -> HeaderOcr:
    """OCR the top of page 1 as rendered (signature stamp included) and find Số and ngày.

    For a text-layer page whose Số/ngày are blank: the caller splices the result
    into its text with :func:`fill_blank_number_and_day` or :func:`blank_fills`.
    """
    tesseract_version()
    pdf = open_pdf(pdf_path)
    try:
        page = pdf[0]
        try:
            render = render_gray(page, HEADER_FRACTION)
        finally:
            page.close()
    finally:
        pdf.close()
    tsv, cached = read_cached(render, f"header{HEADER_FRACTION}", PSM_PAGE)
    words = parse_tsv(tsv)
    text, _ = page_text(words, render.width, first_page=True)
    number, day, month = find_number_and_day(text)
    found = {"day": day, "month": month}
    for slot, word in date_slots(words).items():
        digits = reread_digits(render, word)
        # The digit model wins unless it lost a figure that vie read cleanly ("12" → "2").
        clean = word.text.isdigit()
        if digits and _in_range(slot, int(digits)) and (not clean or len(digits) == len(word.text)):
            found[slot] = digits
    day, month = found["day"], found["month"]
    return HeaderOcr(text, number, day, month, mean_confidence(words), cached)


# Blank number in a text layer: "Số:      /BNV-TCPCP", "Số:  ..... /QĐ-UBND", "Số     -CV/TĐTN".
_BLANK_NUMBER = regex.compile(
    r"""(?x)
    (?<![\p{L}])Số \s* : ?
    (?P<blank>[ \t._…]*)
    (?=[/-])
    """
)

# Blank day and/or month: "ngày    tháng 12 năm 2025", "ngày    tháng    năm 2025".
_BLANK_DATE = regex.compile(
    r"""(?x)
    (?<![\p{L}])ngày
    (?: [ \t]* (?P<day>[0-9]{1,2}) [ \t]* | (?P<day_blank>[ \t._…]+) )      # " 11 " or "    "
    tháng
    (?: [ \t]* (?P<month>[0-9]{1,2}) [ \t]* | (?P<month_blank>[ \t._…]+) )  # " 12 " or "    "
    năm
    """
)


def blank_fills(
    header_text: str, number: str | None, day: str | None, month: str | None = None
) -> list[tuple[int, int, str]]:
    """Edits ``(start, end, replacement)`` that put the shown number/day/month into blanks.

    Only blanks are filled: a number or day the text layer already has is kept.
    ``Số:     /BNV-TCPCP`` → ``Số: 11902/BNV-TCPCP``; ``ngày    tháng`` → ``ngày 11 tháng``.
    """
    edits = []
    if number and (m := _BLANK_NUMBER.search(header_text)):
        edits.append((m.start("blank"), m.end("blank"), f" {number}"))
    if m := _BLANK_DATE.search(header_text):
        if day and m.group("day") is None:
            edits.append((m.start("day_blank"), m.end("day_blank"), f" {day} "))
        if month and m.group("month") is None:
            edits.append((m.start("month_blank"), m.end("month_blank"), f" {month} "))
    return sorted(edits)


def fill_blank_number_and_day(header_text: str, ocr_text: str) -> str:
    """``header_text`` with its blank Số/ngày/tháng filled from the OCR'd header ``ocr_text``."""
    number, day, month = find_number_and_day(correct_ocr_text(ocr_text))
    out, cursor = [], 0
    for start, end, replacement in blank_fills(header_text, number, day, month):
        out.append(header_text[cursor:start])
        out.append(replacement)
        cursor = end
    out.append(header_text[cursor:])
    return "".join(out)


def date_slots(words: list[OcrWord]) -> dict[str, OcrWord]:
    """The words in the day and month slots of the first ``ngày _ tháng _ năm``."""
    texts = [w.text.casefold() for w in words]
    for i, text in enumerate(texts):
        if text.startswith("ngày") and i + 2 < len(words) and texts[i + 2].startswith("tháng"):
            slots = {"day": words[i + 1]}
            if i + 4 < len(words) and texts[i + 4].startswith("năm"):
                slots["month"] = words[i + 3]
            return slots
        if text.startswith("ngày") and i + 1 < len(words) and texts[i + 1].startswith("tháng"):
            if i + 3 < len(words) and texts[i + 3].startswith("năm"):
                return {"month": words[i + 2]}
            return {}
    return {}


def needs_header_fill(header_text: str) -> bool:
    """Whether the text layer's Số or day is blank (an e-signed PDF that draws them in the stamp)."""
    if _BLANK_NUMBER.search(header_text):
        return True
    date = _BLANK_DATE.search(header_text)
    return bool(date and (date.group("day_blank") is not None or date.group("month_blank") is not None))
