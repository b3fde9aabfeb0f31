"""The OCR cache: Tesseract's TSV for a bitmap, kept on disk so no page is read twice.

Results are keyed by the hash of the bitmap plus its width, the region's name,
the page-segmentation mode, the model asked and the Tesseract version, under
``$VANBAN_OCR_CACHE`` (default ``~/.cache/vanban/ocr``).
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from .page_image import DPI, GrayImage
from .tesseract import VIE, Reading, recognize, tesseract_version

# Bump when what is cached (raw TSV for a bitmap) changes meaning.
CACHE_FORMAT = "tsv-1"


def cache_dir() -> Path:
    """Where OCR results live: ``$VANBAN_OCR_CACHE`` or ``~/.cache/vanban/ocr``."""
    configured = os.environ.get("VANBAN_OCR_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "vanban" / "ocr"


def cache_key(bitmap: bytes, width: int, region: str, psm: int, reading: Reading = VIE, dpi: int = DPI) -> str:
    """Hash of what Tesseract would see and how it would be asked to read it."""
    digest = hashlib.sha256()
    asked = reading.label
    digest.update(f"{CACHE_FORMAT}|{tesseract_version()}|{asked}|{dpi}|{psm}|{region}|{width}|".encode())
    digest.update(bitmap)
    return digest.hexdigest()


def _cache_path(key: str) -> Path:
    return cache_dir() / key[:2] / f"{key}.tsv"


def cache_get(key: str) -> str | None:
    """The stored TSV, or None."""
    try:
        return _cache_path(key).read_text(encoding="utf-8")
    except OSError:
        return None


def cache_put(key: str, tsv: str) -> None:
    """Store atomically; a read-only or full disk only costs a re-OCR later."""
    path = _cache_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(tsv, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def read_cached(image: GrayImage, region: str, psm: int, reading: Reading = VIE, dpi: int = DPI) -> tuple[str, bool]:
    """(TSV, whether it came from the cache) for one image at ``dpi``; what Tesseract reads is stored."""
    key = cache_key(image.pixels, image.width, region, psm, reading, dpi)
    tsv = cache_get(key)
    if tsv is not None:
        return tsv, True
    tsv = recognize(image, psm, reading, dpi)
    cache_put(key, tsv)
    return tsv, False
