"""Round red seals on a rendered page: where the signer block is.

A seal is found on a cheap colour render (:data:`SEAL_PROBE_DPI`) as a cluster of
red-dominant pixels about as wide as it is tall and 22–60 mm across, in the
page's right half; :mod:`.signer_block` reads the block around it again.
"""

from __future__ import annotations

from .page_image import DPI

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


def find_seals(page) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels at :data:`DPI`) of the round red seals in a page's right half."""
    probe = page.render(scale=SEAL_PROBE_DPI / 72, may_draw_forms=False, draw_annots=False).to_pil()
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
