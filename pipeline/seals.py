"""The signer block under a red seal, read again without the seal.

The round red seal is pressed over the signer's title, signature and name. On the
gray page its ring and lettering merge with the print, and Tesseract loses those
lines. The page keeps its own reading; only the signer block around the seal is
read again from a colour render with the red pixels turned white, and its lines
replace the page's words in that region when the crop reads more, and more
confidently.
"""

from __future__ import annotations

from .ocr_cache import read_cached
from .ocr_layout import visual_rows
from .page_image import DPI, GrayImage, render_colour
from .tesseract import OcrWord, mean_confidence, parse_tsv

SEAL_PROBE_DPI = 36  # the cheap colour render that finds seals
# A pixel is seal ink when its red exceeds both green and blue by this much (0–255)
# and is itself at least SEAL_MIN_RED: down to the seal's pale pink edges. Black print
# stays dark in all three channels and blue signature ink has no red excess.
SEAL_RED_EXCESS = 35
SEAL_MIN_RED = 110
# A seal is 30–45 mm across and about round; a red logo, underline or stamp line is not.
SEAL_MIN_MM, SEAL_MAX_MM = 22, 60
SEAL_MAX_ASPECT = 1.5
SEAL_MIN_FILL = 0.08  # share of the seal's box that is red (ring plus lettering)
# How far the signer block reaches beyond the seal's box, in seal heights: the
# authority and title lines above it, the name below it.
SEAL_REACH_UP, SEAL_REACH_DOWN = 0.8, 0.6
SEAL_REACH_LEFT = 0.25  # in seal widths: a long authority line starts left of the seal
PSM_BLOCK = 4  # the signer block read as one column of lines of varying size
# The crop's reading replaces the page's only when its words are this confident (0–100).
SEAL_MIN_CONFIDENCE = 70
# Words of the seal-free reading below this confidence, or without a letter or digit,
# are what is left of the signature strokes and the seal ("Jf4¿", "#?—"): dropped.
SEAL_NOISE_CONFIDENCE = 30


def red_mask(image):
    """Mask (255 = seal ink) of an RGB image's red-dominant pixels."""
    from PIL import ImageChops

    red, green, blue = image.convert("RGB").split()
    excess = ImageChops.subtract(red, ImageChops.lighter(green, blue))
    return ImageChops.multiply(
        excess.point(lambda v: 255 if v >= SEAL_RED_EXCESS else 0), red.point(lambda v: 255 if v >= SEAL_MIN_RED else 0)
    )


def red_clusters(mask) -> list[tuple[int, int, int, int, int]]:
    """Boxes ``(left, top, right, bottom, pixels)`` of the mask's 8-connected clusters.

    The mask is grown by one pixel first, so a ring broken by print stays one
    cluster; ``pixels`` counts the mask's own pixels. Clusters are joined from the
    runs of ink on each row (numpy finds the runs; a run touching one of the row
    above, corners included, joins its cluster).
    """
    import numpy as np

    own = np.asarray(mask, dtype=np.uint8) > 0
    height, width = own.shape
    padded = np.pad(own, 1)
    grown = np.zeros_like(own)
    for dy in range(3):
        for dx in range(3):
            grown |= padded[dy : dy + height, dx : dx + width]
    edges = np.diff(np.pad(grown, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    starts, ends = np.argwhere(edges == 1), np.argwhere(edges == -1)  # both in row order, then left to right
    if not len(starts):
        return []
    rows, lefts, rights = starts[:, 0], starts[:, 1], ends[:, 1]  # a run is [left, right) on its row
    counts = np.pad(np.cumsum(own, axis=1), ((0, 0), (1, 0)))
    pixels = counts[rows, rights] - counts[rows, lefts]
    parent = list(range(len(rows)))

    def root(run: int) -> int:
        while parent[run] != run:
            parent[run] = parent[parent[run]]
            run = parent[run]
        return run

    row_start = np.searchsorted(rows, np.arange(height + 1))
    for y in range(1, height):
        above, here = range(row_start[y - 1], row_start[y]), range(row_start[y], row_start[y + 1])
        i = 0
        for run in here:
            while i < len(above) and rights[above[i]] < lefts[run]:
                i += 1
            j = i
            while j < len(above) and lefts[above[j]] <= rights[run]:
                parent[root(above[j])] = root(run)
                j += 1
    clusters: dict[int, list[int]] = {}
    for run in range(len(rows)):
        y, left, right, count = int(rows[run]), int(lefts[run]), int(rights[run]), int(pixels[run])
        box = clusters.setdefault(root(run), [left, y, right, y + 1, 0])
        box[0], box[1] = min(box[0], left), min(box[1], y)
        box[2], box[3] = max(box[2], right), max(box[3], y + 1)
        box[4] += count
    return [tuple(box) for box in clusters.values()]


def _find_seals(page) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels at :data:`DPI`) of the round red seals in a page's right half."""
    probe = page.render(scale=SEAL_PROBE_DPI / 72, may_draw_forms=True).to_pil()
    if probe.mode not in ("RGB", "RGBA", "RGBX"):
        return []
    mm = SEAL_PROBE_DPI / 25.4
    scale = DPI / SEAL_PROBE_DPI
    seals = []
    for left, top, right, bottom, pixels in red_clusters(red_mask(probe)):
        width, height = right - left, bottom - top
        if not (SEAL_MIN_MM * mm <= min(width, height) and max(width, height) <= SEAL_MAX_MM * mm):
            continue
        if max(width, height) > SEAL_MAX_ASPECT * min(width, height) or pixels < SEAL_MIN_FILL * width * height:
            continue
        if (left + right) / 2 < probe.width / 2:
            continue
        seals.append(tuple(round(v * scale) for v in (left, top, right, bottom)))
    return seals


def _signer_region(
    seal: tuple[int, int, int, int], words: list[OcrWord], page_width: int, page_height: int
) -> tuple[int, int, int, int]:
    """The signer block around a seal: up to the authority line, down to the name, right column only.

    The block stops at the first line above or below it that runs across its left
    edge (body text, a table row); the Nơi nhận column beside it is left out.
    """
    left, top, right, bottom = seal
    size_x, size_y = right - left, bottom - top
    edge = max(left - SEAL_REACH_LEFT * size_x, 0.4 * page_width)
    upper, lower = top - SEAL_REACH_UP * size_y, bottom + SEAL_REACH_DOWN * size_y
    rows = visual_rows(words, page_width)
    for row in rows:
        crossing = any(seg[0].left < edge < max(w.right for w in seg) for seg in row.segments)
        if crossing and row.bottom <= top:
            upper = max(upper, row.bottom + 1)
        elif crossing and row.top >= bottom:
            lower = min(lower, row.top - 1)
    beside = [
        max(w.right for w in seg)
        for row in rows
        if row.bottom > upper and row.top < lower
        for seg in row.segments
        if (seg[0].left + max(w.right for w in seg)) / 2 < left
    ]
    if beside:
        edge = max(edge, max(beside) + 0.01 * page_width)
    return int(edge), int(max(0, upper)), page_width, int(min(page_height, lower))


def _read_signer_block(
    page, seal: tuple[int, int, int, int], words: list[OcrWord], page_width: int, page_height: int
) -> tuple[tuple[int, int, int, int], list[OcrWord]] | None:
    """(region, its words in page pixels) read from the seal-free signer block, or None if unsure."""
    region = _signer_region(seal, words, page_width, page_height)
    colour = render_colour(page, region)
    gray = colour.convert("L")
    gray.paste(255, mask=red_mask(colour))
    tsv, _ = read_cached(GrayImage(gray.tobytes(), gray.width, gray.height), "signer-block", PSM_BLOCK)
    left, top = region[0], region[1]
    block = 1 + max((w.line_key[0] for w in words), default=0)
    read = [
        OcrWord(
            w.text,
            w.left + left,
            w.top + top,
            w.right + left,
            w.bottom + top,
            w.confidence,
            (block + w.line_key[0], w.line_key[1], w.line_key[2]),
        )
        for w in parse_tsv(tsv)
        if w.confidence >= SEAL_NOISE_CONFIDENCE and any(c.isalnum() for c in w.text)
    ]
    replaced = [w for w in words if inside(w, region)]
    confidence = mean_confidence(read)
    if confidence is None or confidence < SEAL_MIN_CONFIDENCE or _sure_letters(read) < _sure_letters(replaced):
        return None
    return region, read


def _sure_letters(words: list[OcrWord]) -> int:
    """Letters and digits in the words read with at least :data:`SEAL_MIN_CONFIDENCE`."""
    return sum(c.isalnum() for w in words if w.confidence >= SEAL_MIN_CONFIDENCE for c in w.text)


def inside(word: OcrWord, region: tuple[int, int, int, int]) -> bool:
    """Whether the word's centre lies in ``region`` (left, top, right, bottom)."""
    x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
    return region[0] <= x <= region[2] and region[1] <= y <= region[3]


def with_signer_blocks(page, words: list[OcrWord], page_width: int, page_height: int) -> list[OcrWord]:
    """The page's words, with each sealed signer block's words taken from its seal-free reading."""
    for seal in _find_seals(page):
        found = _read_signer_block(page, seal, words, page_width, page_height)
        if found is not None:
            region, read = found
            words = [w for w in words if not inside(w, region)] + read
    return words
