"""OCR for PDF pages: render with pypdfium2, read with Tesseract ``vie``.

The PDF reader calls :func:`complete_with_ocr`, which uses

* :func:`ocr_pdf_pages` for scanned pages (no text layer): whole-page text in
  reading order (:mod:`.ocr_layout`); the regions where the page's reading is
  weakest read again alone with their own settings — the signer block and the
  Nơi nhận list (:mod:`.blocks`, seals found by :mod:`.seals`), page 1's
  trích yếu lines, bands of ink the page's reading left out (:mod:`.unread`);
  the number and day written by hand into page 1's Số and ngày kept only when
  read for sure (:mod:`.slots`);
* :func:`.stamp.ocr_header_region` for an e-signed page whose text layer leaves
  the Số and ngày blank because the number and day are drawn only in the
  signature stamp (:mod:`.stamp`).

Tesseract (:mod:`.tesseract`) runs one page per core at a time (``$VANBAN_OCR_THREADS``
pages at a time where a cluster's worker runs one reader per core); every result is
cached by the hash of the rendered bitmap (:mod:`.ocr_cache`).
"""

from __future__ import annotations

import ctypes
import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import regex

from . import tesseract
from .blocks import with_blocks_read_alone, with_garbled_header_lines_read_alone, with_title_lines_read_alone
from .document import OcrInfo
from .ocr_cache import read_cached
from .ocr_layout import page_text, without_mark_lines
from .page_image import DPI, GrayImage, open_pdf, render_colour, render_gray
from .slots import settle_day_slot, settle_number_slot
from .stamp import (
    HEADER_FRACTION,
    blank_fills,
    fill_blank_number_and_day,
    header_shows_only_text,
    needs_header_fill,
    ocr_header_region,
)
from .tesseract import PSM_PAGE, OcrUnavailable, mean_confidence, parse_tsv, tesseract_version
from .unread import with_unread_bands

# A PDF date: "D:20250208144241+07'00'" (year, month, day, then the time).
_PDF_DATE = regex.compile(r"(?x) ^ D: (?P<year> \d{4} ) (?P<month> \d{2} ) (?P<day> \d{2} )")

__all__ = [
    "DPI",
    "HEADER_FRACTION",
    "OcrOutcome",
    "OcrPage",
    "OcrUnavailable",
    "blank_fills",
    "complete_with_ocr",
    "fill_blank_number_and_day",
    "header_shows_only_text",
    "ocr_header_region",
    "ocr_pdf_pages",
    "tesseract_version",
]


@dataclass
class OcrPage:
    """The text of one OCR'd page (0-based ``index``) in reading order."""

    index: int
    text: str
    confidence: float | None  # mean word confidence 0–100, None when no word was read
    word_count: int
    header_end: int | None = None  # on page 1: end of the two-column header block in ``text``
    cached: bool = False
    unread_number: list[str] | None = None  # page 1: a number slot with ink nobody could read (see NumberSlot)


def ocr_threads() -> int:
    """Pages one reader OCRs at once: ``$VANBAN_OCR_THREADS`` (a cluster's worker: 1), else one per core."""
    configured = os.environ.get("VANBAN_OCR_THREADS", "")
    return max(1, int(configured)) if configured.isdigit() else max(1, os.cpu_count() or 1)


def ocr_pdf_pages(pdf_path: str | os.PathLike, page_indexes: list[int]) -> list[OcrPage]:
    """OCR the given 0-based pages of a PDF; one :class:`OcrPage` each, in the order asked.

    Pages are rendered here one after another (pdfium is not thread-safe) and
    read by Tesseract on every core; at most one page per core waits rendered, so
    a long scan never holds all its bitmaps. A page stays loaded from its render to
    its regions' renders (pdfium keeps a scan's decoded image with its page: it is
    decoded once, not once per render). Cached pages skip OCR. Raises
    :class:`OcrUnavailable` (a ReadError) when Tesseract/vie is missing.
    """
    tesseract_version()
    workers = ocr_threads()
    pdf = open_pdf(pdf_path)
    pending: deque[tuple[int, object, GrayImage, Future]] = deque()
    try:
        results = []
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for index in page_indexes:
                page = pdf[index]
                try:
                    image = render_gray(page, stamps=False)
                except BaseException:
                    page.close()
                    raise
                pending.append((index, page, image, pool.submit(read_cached, image, "page", PSM_PAGE)))
                if len(pending) > workers:
                    results.append(_finish_page(pdf, *pending.popleft()))
            while pending:
                results.append(_finish_page(pdf, *pending.popleft()))
        return results
    finally:
        for _, page, _, _ in pending:
            page.close()
        pdf.close()


def _finish_page(pdf, index: int, page, image: GrayImage, reading: Future) -> OcrPage:
    """The page's text from Tesseract's words: sealed signer blocks read again, page 1's number settled; the
    page is closed."""
    unread = None
    try:
        tsv, cached = reading.result()
        words = without_mark_lines(parse_tsv(tsv))
        words, read_alone = with_blocks_read_alone(page, words, image.width, image.height)
        words = with_unread_bands(image, words, read_alone)
        confidence = mean_confidence(words)
        if index == 0:
            words = with_title_lines_read_alone(image, with_garbled_header_lines_read_alone(image, words))

            def colour(box: tuple[int, int, int, int]):
                return render_colour(page, box, stamps=False)

            words, unread = settle_number_slot(words, image, colour)
            words = settle_day_slot(words, image, colour, signed=earliest_signing(pdf))
    finally:
        page.close()
    text, header_end = page_text(words, image.width, first_page=index == 0)
    return OcrPage(index, text, confidence, len(words), header_end, cached, unread)


def earliest_signing(pdf) -> date | None:
    """The day of the earliest digital signature in the PDF (its signature dictionary's ``/M``), or None.

    A scan signed when it was published (``….signed_20250510_124908.pdf``) was
    dated on paper on or before that day.
    """
    import pypdfium2.raw as pdfium_c

    days = []
    for index in range(max(0, pdfium_c.FPDF_GetSignatureCount(pdf.raw))):
        signature = pdfium_c.FPDF_GetSignatureObject(pdf.raw, index)
        size = pdfium_c.FPDFSignatureObj_GetTime(signature, None, 0)
        if size <= 0:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFSignatureObj_GetTime(signature, buffer, size)
        found = _PDF_DATE.match(buffer.value.decode("latin-1"))
        if found:
            try:
                days.append(date(int(found["year"]), int(found["month"]), int(found["day"])))
            except ValueError:
                continue
    return min(days, default=None)


@dataclass
class OcrOutcome:
    """Page texts after OCR, the header block, what OCR did (for ``TextDocument.ocr``) and warnings."""

    texts: list[str]
    header_text: str
    info: OcrInfo | None
    warnings: list[str]


def complete_with_ocr(
    pdf_path: str | os.PathLike, texts: list[str], header_text: str, scanned: list[int]
) -> OcrOutcome:
    """What the PDF reader gets from OCR: scanned pages read, blank Số/ngày filled from the stamp.

    ``texts`` are the page texts from the text layer (page 1 without its header
    block when ``header_text`` holds it); ``scanned`` the 0-based pages with no
    text layer. A PDF made only of scans raises :class:`OcrUnavailable` when
    Tesseract is missing; otherwise a missing Tesseract only adds a warning.
    """
    texts = list(texts)
    warnings: list[str] = []
    if scanned:
        try:
            pages = ocr_pdf_pages(pdf_path, scanned)
        except OcrUnavailable as exc:
            if len(scanned) == len(texts):
                raise OcrUnavailable(str(pdf_path), f"no text layer (scanned PDF); {exc.reason}") from None
            warnings += [f"page {i + 1} has no text layer (scanned); {exc.reason}" for i in scanned]
            return OcrOutcome(texts, header_text, None, warnings)
        for page in pages:
            texts[page.index] = page.text
            if page.index == 0 and page.header_end:
                header_text, texts[0] = page.text[: page.header_end], page.text[page.header_end :]
        weights = [(p.confidence, p.word_count) for p in pages if p.confidence is not None]
        total = sum(n for _, n in weights)
        confidence = round(sum(c * n for c, n in weights) / total, 1) if total else None
        unread = next((p.unread_number for p in pages if p.index == 0), None)
        info = OcrInfo(
            pages=[p.index + 1 for p in pages], header_only=False, confidence=confidence, unread_number=unread
        )
        return OcrOutcome(texts, header_text, info, warnings)

    in_header = bool(header_text)
    head = header_text if in_header else texts[0][:1500] if texts else ""
    if not needs_header_fill(head) or header_shows_only_text(pdf_path):
        return OcrOutcome(texts, header_text, None, warnings)
    try:
        shown = ocr_header_region(pdf_path)
    except OcrUnavailable as exc:
        warnings.append(f"Số/ngày blank in the text layer; {exc.reason}")
        return OcrOutcome(texts, header_text, None, warnings)
    edits = blank_fills(head, shown.number, shown.day, shown.month)
    if not edits:
        warnings.append("Số/ngày blank in the text layer and not readable on the rendered page")
        return OcrOutcome(texts, header_text, None, warnings)
    filled, cursor = [], 0
    for start, end, replacement in edits:
        filled += [head[cursor:start], replacement]
        cursor = end
    filled.append(head[cursor:])
    if in_header:
        header_text = "".join(filled)
    else:
        texts[0] = "".join(filled) + texts[0][len(head) :]
    return OcrOutcome(texts, header_text, OcrInfo(pages=[1], header_only=True, confidence=shown.confidence), warnings)


def __getattr__(name: str):
    """``tesseract_runs``, the count of images Tesseract read in this process, kept by :mod:`.tesseract`."""
    if name == "tesseract_runs":
        return tesseract.tesseract_runs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
