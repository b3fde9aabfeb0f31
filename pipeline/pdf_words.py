"""Positioned words of a PDF page, from pypdfium2's character boxes.

Two sources of words:

* :func:`page_words`: the page's own text layer, each character's box read from
  pdfium's text page (a few milliseconds for page 1, where pdfminer's layout
  analysis took tens);
* :func:`annotation_words`: the text that annotations draw over the page, above
  all the appearance streams of e-signature widgets, which carry the number and
  day of an e-signed document (``Số:      /BNV-CCHC`` in the text layer, ``8151``
  drawn by a widget over the blank). pdfium flattens the annotations into the
  page; the characters that the flattened page has and the page itself had not
  are the annotations' own.

Boxes are in points from the page's top-left corner, as :class:`.layout.Word` wants.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .layout import Word

# Two characters of one line whose boxes stand apart by this share of the font size are
# two words even without a space between them: "MÔI TRƯỜNG" printed as "MÔI" and
# "TRƯỜNG" 2.1 pt apart at 13 pt (letters of a word touch: their boxes are the advance widths).
WORD_GAP_EM = 0.12
# pdfium's code for a hyphen that ends a line ("Công văn số 3183/SNV-" wrapped).
_LINE_END_HYPHEN = 0x02


@dataclass(slots=True)
class _Char:
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float


def page_chars(textpage: pdfium.PdfTextPage) -> list[_Char | None]:
    """Every character of the text page with its loose box (font ascent to descent);
    None for a word break (a space, generated or printed, or a line end).

    Three pdfium calls a character, the page's hottest loop: the functions and the
    box's reference are bound once.
    """
    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    unicode_of, loose_box, font_size = (
        pdfium_c.FPDFText_GetUnicode,
        pdfium_c.FPDFText_GetLooseCharBox,
        pdfium_c.FPDFText_GetFontSize,
    )
    out: list[_Char | None] = []
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = unicode_of(raw, index)
        text = "-" if code == _LINE_END_HYPHEN else chr(code) if code else ""
        if not text or text.isspace() or not loose_box(raw, index, box_ref):
            out.append(None)
            continue
        out.append(_Char(text, box.left, box.right, box.bottom, box.top, font_size(raw, index)))
    return out


def _words(chars: list[_Char | None], page_top: float) -> list[Word]:
    """Characters joined into words (NFC): a word ends at a break, at a jump back or down, or at a wide gap."""
    words: list[Word] = []
    run: list[_Char] = []

    def close() -> None:
        if run:
            words.append(
                Word(
                    unicodedata.normalize("NFC", "".join(c.text for c in run)),
                    min(c.left for c in run),
                    max(c.right for c in run),
                    page_top - max(c.top for c in run),
                    page_top - min(c.bottom for c in run),
                )
            )
            run.clear()

    for char in chars:
        if char is None:
            close()
            continue
        if run:
            last = run[-1]
            height = max(last.top - last.bottom, char.top - char.bottom, 1.0)
            middle, last_middle = (char.top + char.bottom) / 2, (last.top + last.bottom) / 2
            gap = char.left - last.right
            if abs(middle - last_middle) > 0.5 * height or gap < -0.5 * height or gap > WORD_GAP_EM * max(char.size, 1):
                close()
        run.append(char)
    close()
    return words


def page_words(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None = None, chars: list[_Char | None] | None = None
) -> list[Word]:
    """The words of a page's text layer with their boxes (points, origin top-left); ``chars``, when the
    caller has them, are :func:`page_chars` of the page."""
    if chars is None:
        chars = page_chars(textpage or page.get_textpage())
    return _words(chars, page.get_cropbox()[3])


def _key(char: _Char) -> tuple[str, int, int]:
    return char.text, round(char.left), round(char.bottom)


def annotation_words(
    pdf: pdfium.PdfDocument, page: pdfium.PdfPage, index: int, chars: list[_Char | None]
) -> list[Word]:
    """The words that annotations (signature widgets, stamps) draw as text over page ``index`` of ``pdf``.

    ``page`` is that page as loaded and ``chars`` its :func:`page_chars`. The page
    is flattened in place and loaded again, so nothing may read ``page`` after this:
    call it last. A character at the same place in the page's own text counts as
    the page's (a stamp drawn exactly over a printed digit adds nothing).
    """
    if pdfium_c.FPDFPage_GetAnnotCount(page.raw) == 0:
        return []
    own = Counter(_key(c) for c in chars if c is not None)
    if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
        return []
    flattened = pdf[index]
    try:
        drawn: list[_Char | None] = []
        for char in page_chars(flattened.get_textpage()):
            if char is not None and own[_key(char)] > 0:
                own[_key(char)] -= 1
                char = None
            drawn.append(char)
        return _words(drawn, flattened.get_cropbox()[3])
    finally:
        flattened.close()


def _has_image(obj) -> bool:
    """Whether a page object is an image or a form XObject holding one."""
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return True
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        return any(
            _has_image(pdfium_c.FPDFFormObj_GetObject(obj, k)) for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))
        )
    return False


def top_draws_images(page: pdfium.PdfPage, fraction: float) -> bool:
    """Whether the top ``fraction`` of the page draws an image, itself or in an annotation's appearance.

    Where it draws none, everything the rendered top shows is text that
    :func:`page_words` and :func:`annotation_words` read exactly: OCR of it could add nothing.
    """
    _, bottom, _, top = page.get_cropbox()
    edge = top - fraction * (top - bottom)
    for obj in page.get_objects(max_depth=1):
        if obj.get_bounds()[3] > edge and _has_image(obj.raw):
            return True
    rect = pdfium_c.FS_RECTF()
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            if not pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)) or max(rect.top, rect.bottom) <= edge:
                continue
            count = pdfium_c.FPDFAnnot_GetObjectCount(annot)
            if any(_has_image(pdfium_c.FPDFAnnot_GetObject(annot, k)) for k in range(count)):
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False
