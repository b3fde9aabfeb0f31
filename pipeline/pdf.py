"""PDF reader: pypdfium2 for the text and the page-1 header, pdfplumber only for tables.

pypdfium2 reads a page's text layer in a few milliseconds, and page 1's words
with their boxes (:mod:`.pdf_words`) give the two header columns (:mod:`.layout`)
and the number and day that signature widgets draw into the blank slots
(:mod:`.stamps`). pdfplumber (pdfminer) is ten to a hundred times slower, so it
looks only at pages whose ruling lines make a grid (:func:`_is_ruled`), for their
tables. A page pdfplumber cannot parse (e-signed PDFs whose signature
dictionaries recurse) keeps its text and adds a warning; one bad page never
loses the file.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from vanban.errors import ReadError

from .document import Table, TextDocument
from .layout import HeaderColumns, Word, split_header
from .normalize import normalize, read_legacy_glyphs
from .ocr import HEADER_FRACTION, blank_fills, complete_with_ocr
from .pdf_words import annotation_words, page_chars, page_words, top_draws_images
from .stamps import StampedFills, stamped_fills
from .syllables import LayerQuality, layer_quality, reads_as_vietnamese

# A page with fewer visible characters than this and an image on it is a scan.
# (Scanned e-signed copies carry a ~50-character "SAO Y" stamp string.)
MIN_TEXT_CHARS = 100
# A page with next to no text but this many path objects has its text drawn as outlines.
MIN_OUTLINED_PATHS = 200
# pdfplumber's table finder runs only on pages whose ruling lines make a grid: at least this
# many distinct rows of horizontal rulings and columns of vertical ones (two rows of two
# cells, the smallest table kept). Text highlights and shading (filled boxes) are no rulings.
MIN_GRID_LINES = 3
# A ruling is a path at most this thick (points); horizontals at least RULING_MIN_WIDTH long,
# verticals at least RULING_MIN_HEIGHT (one table row); two rulings closer than
# RULING_SAME apart are the same line.
RULING_THICKNESS = 2.5
RULING_MIN_WIDTH = 10.0
RULING_MIN_HEIGHT = 8.0
RULING_SAME = 2.0
# A page whose text layer lost at least this many glyphs is read by OCR instead.
MIN_LOST_GLYPHS = 3
# A space is a lost glyph when it is this much wider than the page's usual space and
# at least LOST_GLYPH_EM of the font size (a capital's width, not a word space).
LOST_GLYPH_RATIO = 1.6
LOST_GLYPH_EM = 0.45
# Spaces measured per page: a broken font shows itself long before this.
MAX_SPACES_CHECKED = 600


@dataclass
class _Page:
    text: str
    chars: int  # non-space characters in the text layer
    images: int
    paths: int
    lost_glyphs: int = 0  # glyphs the font maps to a space or to nothing (see _lost_glyphs)
    ruled: bool = False  # its ruling lines make a grid (see _is_ruled): tables may be there
    quality: LayerQuality | None = None  # how its text layer reads as Vietnamese (None: too little text)

    @property
    def not_vietnamese(self) -> bool:
        """Its text layer is not the page as printed: no font map, or an OCR layer without tone marks."""
        return self.quality is not None and not reads_as_vietnamese(self.quality)


# Every /Count in the page tree is 0: "/Type /Pages /Kids [] /Count 0".
_EMPTY_PAGE_TREE = regex.compile(rb"/Count\s+0\b")
_ANY_PAGE_COUNT = regex.compile(rb"/Count\s+[1-9]")


def _load_error(path: Path, exc: pdfium.PdfiumError) -> ReadError:
    """Why pdfium could not load the file.

    pdfium's last-error code is process-wide and not reset by a load that fails
    without setting it, so the code is checked against the file's own bytes.
    """
    code = getattr(exc, "err_code", None)
    data = path.read_bytes()
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
        return ReadError(str(path), "encrypted PDF: a password is needed to open it")
    if _EMPTY_PAGE_TREE.search(data) and not _ANY_PAGE_COUNT.search(data):
        return ReadError(str(path), "PDF has no pages")
    if code == pdfium_c.FPDF_ERR_FORMAT or b"%%EOF" not in data[-2048:]:
        return ReadError(str(path), "damaged or truncated PDF (pdfium: data format error)")
    return ReadError(str(path), f"damaged PDF: pdfium cannot load it ({exc})")


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _load_error(path, exc) from None


def _looks_truncated(path: Path) -> bool:
    """No %%EOF near the end: the download or copy was cut short."""
    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - 2048))
        return b"%%EOF" not in fh.read()


def _lost_glyphs(textpage: pdfium.PdfTextPage, text: str) -> int:
    """Glyphs whose font gives no Unicode, or a space as wide as a capital letter.

    A font whose ToUnicode map sends some capitals to U+0020 or to nothing leaves
    "Sở ội vụ" for "Sở Nội vụ" and "1185/S V-CCVC" for "1185/SNV-CCVC"; the glyph
    still has its own width, so it shows as a space far wider than the page's
    usual word space (0.25 em in Times). Generated spaces (pdfium's word breaks)
    are not glyphs and are skipped.
    """
    count = text.count("\ufffd") + text.count("\x00")  # (U+FFFE is pdfium's soft hyphen)
    widths = []
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    raw = textpage.raw
    generated, font_size, loose_box = (
        pdfium_c.FPDFText_IsGenerated,
        pdfium_c.FPDFText_GetFontSize,
        pdfium_c.FPDFText_GetLooseCharBox,
    )  # bound once: three calls a space, up to MAX_SPACES_CHECKED spaces a page
    index = text.find(" ")
    while index != -1 and len(widths) < MAX_SPACES_CHECKED:
        if not generated(raw, index):
            size = font_size(raw, index)
            if size > 0 and loose_box(raw, index, box_ref):
                widths.append((box.right - box.left) / size)
        index = text.find(" ", index + 1)
    if widths:
        usual = median(widths)
        limit = max(LOST_GLYPH_EM, LOST_GLYPH_RATIO * usual)
        count += sum(width > limit for width in widths)
    return count


def _distinct(values: list[float]) -> int:
    """How many lines the positions make, positions closer than RULING_SAME counting once."""
    count, last = 0, None
    for value in sorted(values):
        if last is None or value - last > RULING_SAME:
            count += 1
        last = value
    return count


def _page_objects(page: pdfium.PdfPage) -> tuple[list, int]:
    """(raw handles of the page's own path objects, how many images it draws), form XObjects not entered.

    What ``page.get_objects(max_depth=1)`` gives, without a Python object per page object
    (a page of table rulings has hundreds).
    """
    raw = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    paths, images = [], 0
    for index in range(count):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths.append(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:
            raise pdfium.PdfiumError("Failed to determine pageobject type.")
    return paths, images


def _is_ruled(paths: list) -> bool:
    """Whether a page's path objects (raw handles) draw a grid of ruling lines.

    A thin path is a ruling (Word draws each cell border as a line or a thin filled
    box); a stroked box gives its four sides; a filled box without a stroke is a
    highlight or shading behind text, which pdfplumber would take for cells.
    """
    rows: list[float] = []
    columns: list[float] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    edges = [ctypes.c_float() for _ in range(4)]
    for path in paths:
        if not pdfium_c.FPDFPageObj_GetBounds(path, *edges):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        left, bottom, right, top = (edge.value for edge in edges)
        width, height = right - left, top - bottom
        if height <= RULING_THICKNESS and width >= RULING_MIN_WIDTH:
            rows.append((top + bottom) / 2)
        elif width <= RULING_THICKNESS and height >= RULING_MIN_HEIGHT:
            columns.append((left + right) / 2)
        elif width > RULING_THICKNESS and height > RULING_THICKNESS:
            pdfium_c.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke))
            if stroke.value:
                rows += [bottom, top]
                columns += [left, right]
    return _distinct(rows) >= MIN_GRID_LINES and _distinct(columns) >= MIN_GRID_LINES


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _Page:
    page = pdf[index]
    try:
        return _page_layer(page, page.get_textpage())
    finally:
        page.close()


def _page_layer(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> _Page:
    """What a page's text layer holds and how it is drawn (see :class:`_Page`)."""
    text = textpage.get_text_range()
    lost = _lost_glyphs(textpage, text) if text.strip() else 0
    paths, images = _page_objects(page)
    ruled = _is_ruled(paths)
    chars = len("".join(text.split()))
    quality = layer_quality(read_legacy_glyphs(text)) if chars >= MIN_TEXT_CHARS else None
    return _Page(
        text=text, chars=chars, images=images, paths=len(paths), lost_glyphs=lost, ruled=ruled, quality=quality
    )


def pages_needing_ocr(pages: list[_Page]) -> list[int]:
    """0-based indexes of pages with no usable text layer: an image and next to no text,
    a text layer whose font lost letters (:func:`_lost_glyphs`), or one that does not read
    as Vietnamese (:mod:`.syllables`: a font without a Unicode map, a scanner's OCR layer
    without tone marks).

    This is the seam for OCR (``vanban.pipeline.ocr.ocr_pdf_pages``): the pages it
    names are the ones whose text must come from the rendered image.
    """
    return [
        i
        for i, page in enumerate(pages)
        if (page.chars < MIN_TEXT_CHARS and (page.images or page.paths >= MIN_OUTLINED_PATHS))
        or page.lost_glyphs >= MIN_LOST_GLYPHS
        or page.not_vietnamese
    ]


def _light_objects(plumber_page) -> dict[str, list[dict]]:
    """pdfplumber's ``Page.parse_objects``, with each character reduced to what words and table cells read.

    pdfplumber converts every attribute of every character (colours, graphic
    state, font): half the cost of a page. Word grouping and table cells read
    the text, box and orientation, computed here as pdfplumber computes them
    from the same pdfminer layout; lines, rectangles and curves (the table
    rulings) are converted by pdfplumber itself. The words and tables are the same.
    """
    from pdfminer.layout import LTChar, LTContainer

    mb_x0, mb_top = plumber_page.mediabox[:2]
    height, doctop = plumber_page.height, plumber_page.initial_doctop
    objects: dict[str, list[dict]] = {}
    stack = [iter(plumber_page.layout._objs)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
        elif isinstance(obj, LTContainer):  # a form XObject: its contents in place
            stack.append(iter(obj._objs))
        elif type(obj) is LTChar:
            top = height - obj.y1 + mb_top
            objects.setdefault("char", []).append(
                {
                    "object_type": "char",
                    "text": obj.get_text(),
                    "x0": obj.x0 + mb_x0,
                    "x1": obj.x1 + mb_x0,
                    "top": top,
                    "bottom": height - obj.y0 + mb_top,
                    "doctop": doctop + top,
                    "upright": obj.upright,
                }
            )
        else:
            converted = plumber_page.process_object(obj)
            if converted["object_type"] != "anno":
                objects.setdefault(converted["object_type"], []).append(converted)
    return objects


def _light(plumber_page):
    """``plumber_page``, made to parse its objects with :func:`_light_objects` (pdfplumber's defaults only)."""
    if plumber_page.pdf.laparams is None and plumber_page.pdf.unicode_norm is None:
        plumber_page.parse_objects = lambda: _light_objects(plumber_page)
    return plumber_page


def _header_and_rest(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, words: list[Word]
) -> tuple[HeaderColumns, str] | None:
    """Page 1 as (header columns, text below the header), or None when it has no two-column header."""
    if page.get_rotation() != 0:
        return None
    header = split_header(words)
    if header is None:
        return None
    left, bottom, right, top = page.get_cropbox()
    below = header.bottom + 1 if header.next_top is None else (header.bottom + header.next_top) / 2
    rest = textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top - below)
    return header, rest


def _fill_stamped(text: str, fills: StampedFills) -> str:
    """``text`` with the blank Số/ngày/tháng that a stamp draws filled in (:mod:`.stamps`)."""
    out, cursor = [], 0
    for start, end, replacement in blank_fills(text, fills.number, fills.day, fills.month):
        out += [text[cursor:start], replacement]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _cell_text(cell: str | None) -> str:
    return " ".join(normalize(cell).text.split()) if cell else ""


def _tables(plumber_page, page_number: int) -> list[Table]:
    tables = []
    for found in plumber_page.find_tables():
        rows = [[_cell_text(cell) for cell in row] for row in found.extract()]
        rows = [row for row in rows if any(row)]
        # Ruled text (underlines, boxes) is found as a "table" too: a real one has
        # at least two rows with two filled cells.
        if sum(sum(1 for cell in row if cell) >= 2 for row in rows) >= 2:
            tables.append(Table(rows=rows, page=page_number))
    return tables


def _find_tables(path: Path, page_indexes: list[int], warnings: list[str]) -> list[Table]:
    """The tables pdfplumber finds on the given 0-based pages."""
    if not page_indexes:
        return []
    import pdfplumber

    try:
        plumber = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer chokes where pdfium did not: keep the pdfium text
        warnings.append(f"table analysis skipped ({type(exc).__name__})")
        return []
    tables: list[Table] = []
    with plumber:
        for i in page_indexes:
            try:
                tables.extend(_tables(_light(plumber.pages[i]), i + 1))
            except (Exception, RecursionError) as exc:
                warnings.append(f"page {i + 1} tables unreadable ({type(exc).__name__})")
    return tables


def read(path: Path) -> TextDocument:
    """Read a text-layer PDF: header columns from page 1, then every page's text in order."""
    pdf = _open(path)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise ReadError(str(path), "PDF has no pages")
        first = pdf[0]  # loaded once for its layer, its header and what its annotations draw
        try:
            first_text = first.get_textpage()
            pages = [_page_layer(first, first_text)] + [_read_page(pdf, i) for i in range(1, page_count)]
            scanned = pages_needing_ocr(pages)
            if all(p.chars < MIN_TEXT_CHARS for p in pages):
                if not scanned and not any(p.chars for p in pages):
                    raise ReadError(str(path), "PDF has no text (blank pages)")
            warnings = [
                f"page {i + 1}: the text layer is not Vietnamese as printed ({page.quality}); read by OCR"
                for i, page in enumerate(pages)
                if page.not_vietnamese
            ]
            if _looks_truncated(path):
                warnings.append("the file looks truncated (no %%EOF at its end); text may be missing")

            texts = [p.text for p in pages]
            header_text = ""
            fills = StampedFills()
            header_images = True  # whether page 1's top draws an image (a stamp OCR may read)
            if 0 not in scanned:
                chars = page_chars(first_text)
                words = page_words(first, first_text, chars)
                split = _header_and_rest(first, first_text, words)
                header_images = top_draws_images(first, HEADER_FRACTION)
                if split is not None:
                    header_text, texts[0] = split[0].text, split[1]
                fills = stamped_fills(words, annotation_words(pdf, first, 0, chars))  # flattens page 1: last
        finally:
            first.close()
        tables = _find_tables(path, [i for i, p in enumerate(pages) if p.ruled and i not in scanned], warnings)
    finally:
        pdf.close()
    if fills:
        if header_text:
            header_text = _fill_stamped(header_text, fills)
        else:
            texts[0] = _fill_stamped(texts[0], fills)
    warnings += fills.disagreements
    ocr_info = None
    if scanned or header_images:  # scans read; a blank Số/ngày from a stamp drawn as an image
        ocr = complete_with_ocr(path, texts, header_text, scanned)
        texts, header_text, ocr_info = ocr.texts, ocr.header_text, ocr.info
        warnings += ocr.warnings

    raw_parts = [header_text + texts[0]] + texts[1:]
    raw_starts, pos = [], 0
    for part in raw_parts:
        raw_starts.append(pos)
        pos += len(part) + 1
    raw = "\n".join(raw_parts)
    norm = normalize(raw)
    page_starts = [bisect_left(norm.offsets, start) for start in raw_starts]
    header_end = bisect_left(norm.offsets, len(header_text))
    return TextDocument(
        text=norm.text,
        format="pdf",
        page_count=page_count,
        page_starts=page_starts,
        header_end=header_end,
        tables=tables,
        ocr=ocr_info,
        warnings=warnings,
        raw_offsets=norm.offsets,
    )
