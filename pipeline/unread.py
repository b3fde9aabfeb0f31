"""Text the page's reading left out, read alone.

Tesseract's page layout analysis sometimes drops a whole run of lines: on a scan
whose lines bow or slant (a page fed askew, a book scanner's curve) it may take a
paragraph for a picture and give no word for it, so the text loses what the page
shows. Such a run shows as ink no word covers: rows of the rendered page with
dark pixels and no word box on them. Each such band is read again alone as one
uniform block of lines (:data:`PSM_BAND`); its words join the page's when they
read as text with confidence (a signature or a seal read this way gives specks
and low confidence, and is dropped).
"""

from __future__ import annotations

from .ocr_cache import read_cached
from .page_image import GrayImage, crop
from .tesseract import OcrWord, mean_confidence, parse_tsv

PSM_BAND = 6  # one uniform block of text
INK_GRAY = 128  # darker than this is ink
# A word covers the ink this far around its box (pixels at 300 dpi): its marks and descenders.
COVER_X, COVER_Y = 20, 12
ROW_INK = 0.01  # a row holds unread text when this share of the page width is ink no word covers
BAND_MIN_LINES = 0.6  # in median word heights: a band lower than this is specks or a rule
BAND_GAP_LINES = 1.0  # … and bands closer than this are the lines of one paragraph
# A band holding this many of the page's words a line is text the page did read, its uncovered ink a
# background, rules or a stamp across it; not read again. Measured on the real scans: the bands whose
# reading was kept held at most 1.0 page word a line (a dropped paragraph, its edges), the bands read for
# nothing 0 to 16 (whole pages of read text under a tint: 3.6 to 7.4, each a second read of the page).
BAND_MAX_READ_WORDS = 2.0
# The band's reading is kept when its words are this confident on average, and this many of
# them hold three letters or more, read with BAND_WORD_CONFIDENCE.
BAND_MIN_CONFIDENCE = 75
BAND_MIN_WORDS = 3
BAND_WORD_CONFIDENCE = 60


def with_unread_bands(
    page: GrayImage, words: list[OcrWord], read_alone: list[tuple[int, int, int, int]]
) -> list[OcrWord]:
    """``words`` and the words of each band of ink they left unread, outside the regions ``read_alone``."""
    import numpy as np

    heights = [w.bottom - w.top for w in words if sum(c.isalnum() for c in w.text) >= 2]
    if not heights:
        return words
    line = float(np.median(heights))
    ink = np.frombuffer(page.pixels, dtype=np.uint8).reshape(page.height, page.width) < INK_GRAY
    covered = np.zeros_like(ink)
    for word in words:
        covered[
            max(0, word.top - COVER_Y) : word.bottom + COVER_Y, max(0, word.left - COVER_X) : word.right + COVER_X
        ] = True
    for left, top, right, bottom in read_alone:
        covered[top:bottom, left:right] = True
    unread = ink & ~covered
    rows = unread.sum(axis=1) > ROW_INK * page.width
    block = 1 + max((w.line_key[0] for w in words), default=0)
    added: list[OcrWord] = []
    for top, bottom in _runs(rows, int(BAND_GAP_LINES * line)):
        if bottom - top < BAND_MIN_LINES * line:
            continue
        columns = np.flatnonzero(unread[top:bottom].any(axis=0))
        box = (int(columns[0]), top, int(columns[-1]) + 1, bottom)
        if _read_words(words, box) >= BAND_MAX_READ_WORDS * (bottom - top) / line:
            continue
        read = _read_band(crop(page, box, pad=int(line // 2)), box, int(line // 2), block)
        # The band's edges hold lines the page did read: those words stay the page's.
        added += _as_text([w for w in read if not covered[(w.top + w.bottom) // 2, (w.left + w.right) // 2]])
        block += 1
    return words + added


def _runs(rows, gap: int) -> list[tuple[int, int]]:
    """(start, end) of each run of true rows, runs less than ``gap`` apart joined (a paragraph's lines)."""
    import numpy as np

    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(np.int8), [0]))))
    runs: list[tuple[int, int]] = []
    for start, end in zip(edges[::2].tolist(), edges[1::2].tolist()):
        if runs and start - runs[-1][1] < gap:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _read_words(words: list[OcrWord], box: tuple[int, int, int, int]) -> int:
    """How many of ``words`` have their centre in ``box``."""
    left, top, right, bottom = box
    return sum(left <= (w.left + w.right) // 2 < right and top <= (w.top + w.bottom) // 2 < bottom for w in words)


def _as_text(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` when they read as text with confidence, else none (a signature's or seal's specks)."""
    sure = [w for w in words if w.confidence >= BAND_WORD_CONFIDENCE and sum(c.isalpha() for c in w.text) >= 3]
    confidence = mean_confidence(words)
    if confidence is None or confidence < BAND_MIN_CONFIDENCE or len(sure) < BAND_MIN_WORDS:
        return []
    return words


def _read_band(image: GrayImage, box: tuple[int, int, int, int], pad: int, block: int) -> list[OcrWord]:
    """The band's words, in page pixels."""
    tsv, _ = read_cached(image, "unread-band", PSM_BAND)
    read = [w for w in parse_tsv(tsv) if w.confidence >= BAND_WORD_CONFIDENCE or any(c.isalnum() for c in w.text)]
    left, top = max(0, box[0] - pad), max(0, box[1] - pad)
    return [w.placed(left, top, block) for w in read]
