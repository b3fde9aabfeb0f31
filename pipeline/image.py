"""Scanned images (``.jpg``, ``.png``, ``.tif`` with one page or many): read as a scanned PDF is.

Clerks scan to image files as often as to PDF. Each frame of the image becomes
one image-only page of a temporary PDF, which the PDF reader then treats like
any scan: every page OCR'd with Tesseract ``vie`` (``pipeline.ocr``), the
header columns rebuilt, a red seal read around, a number written by hand
settled, the results cached by page. So an image and the same scan saved as a
PDF give the same record. The page keeps the image's size: its DPI when the
file records one, else the width of an A4 page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from vanban.errors import ReadError

from . import pdf
from .document import TextDocument

FORMAT = "image"
# A frame larger than this many pixels is refused before decoding (a 600-DPI A3 scan is ~70 million).
MAX_PIXELS = 80_000_000
MAX_FRAMES = 300  # pages of a multi-page TIFF
A4_WIDTH_INCHES = 8.27
# A recorded DPI outside this range is a placeholder (72, 1), not the scan's.
PLAUSIBLE_DPI = (100, 1200)
JPEG_QUALITY = 95  # each frame is stored in the temporary PDF as a JPEG of this quality


def _dpi(image) -> float:
    """The scan's resolution: as recorded when plausible, else what makes the page as wide as A4."""
    recorded = image.info.get("dpi")
    if recorded:
        try:
            value = float(recorded[0])
        except (TypeError, ValueError, IndexError):
            value = 0.0
        if PLAUSIBLE_DPI[0] <= value <= PLAUSIBLE_DPI[1]:
            return value
    return max(image.width / A4_WIDTH_INCHES, 1.0)


def _frames(image, path: Path):
    """Each frame as an RGB (colour kept: the seal is found by its red) or gray image."""
    from PIL import ImageSequence

    frames = []
    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if number > MAX_FRAMES:
            raise ReadError(str(path), f"more than {MAX_FRAMES} pages in one image file")
        if frame.width * frame.height > MAX_PIXELS:
            raise ReadError(str(path), f"page {number} of {frame.width}×{frame.height} pixels is too large to OCR")
        frames.append(frame.convert("L" if frame.mode in ("1", "L", "I;16", "I", "F") else "RGB"))
    return frames


def read(path: Path) -> TextDocument:
    """OCR every page of a scanned image file; raise :class:`ReadError` when it cannot be."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow refuses a decompression bomb before decoding it
    try:
        with Image.open(path) as image:
            dpi = _dpi(image)
            frames = _frames(image, path)
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise ReadError(str(path), f"not a readable image: {exc}") from None
    except OSError as exc:
        raise ReadError(str(path), f"damaged image: {exc}") from None
    if not frames:
        raise ReadError(str(path), "the image has no pages")
    with tempfile.TemporaryDirectory(prefix="vanban-image-") as folder:
        scan = Path(folder) / "scan.pdf"
        frames[0].save(scan, "PDF", save_all=True, append_images=frames[1:], resolution=dpi, quality=JPEG_QUALITY)
        del frames
        try:
            doc = pdf.read(scan)
        except ReadError as exc:
            raise ReadError(str(path), exc.reason) from None
    doc.format = FORMAT
    return doc
