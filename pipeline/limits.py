"""Sizes a reader refuses before it starts, so a small hostile file cannot cost gigabytes.

Three checks, each made before the expensive step:

- a page rendered for OCR: its pixel count at the rendering resolution
  (a 715-byte PDF with a 14,400 × 14,400 pt page would need 3.6 billion pixels);
- a DOCX: what each part of the ZIP package expands to (a 1.5 MB zip bomb whose
  ``word/document.xml`` expands to gigabytes);
- a text file or saved web page: its size on disk (the largest real vbpl.vn page
  is 1.5 MB; a 65 MB one-line TXT is not a văn bản).

Everything else a file can do (loop for ever, allocate without bound) is stopped
by the per-file time and memory limits of the worker running the reader
(:mod:`vanban.workers`). These limits are constants: change them here.
"""

from __future__ import annotations

import os
import resource
import zipfile

MAX_PAGE_PIXELS = 50_000_000  # a page rendered for OCR: A2 at 300 dpi is 35 million pixels
MAX_DOCX_PART_BYTES = 64 * 1024**2  # one part of a DOCX, uncompressed (a long document.xml is a few MB)
MAX_DOCX_TOTAL_BYTES = 256 * 1024**2  # all its parts, images included
MAX_TEXT_FILE_BYTES = 20 * 1024**2  # a .txt or .html file on disk


class LimitExceeded(Exception):
    """A file passes one of these limits; ``reason`` says which, in words a clerk can act on.

    ``read.read`` turns it into a :class:`vanban.errors.ReadError` naming the file.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _mb(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB"


def check_render(width_pt: float, height_pt: float, dpi: float, fraction: float = 1.0) -> None:
    """Refuse to render (the top ``fraction`` of) a page of this size at ``dpi`` if it has too many pixels."""
    pixels = (width_pt * dpi / 72) * (height_pt * fraction * dpi / 72)
    if pixels > MAX_PAGE_PIXELS:
        raise LimitExceeded(
            f"page of {width_pt:.0f}×{height_pt:.0f} pt is too large to OCR "
            f"({pixels / 1e6:,.0f} million pixels at {dpi:g} dpi; the limit is {MAX_PAGE_PIXELS / 1e6:,.0f} million)"
        )


def check_docx_package(path: str | os.PathLike) -> None:
    """Refuse a DOCX whose parts expand past the limits, before any part is decompressed.

    The sizes come from the ZIP directory; Python's zipfile never reads a part
    beyond the size its directory entry declares, so the check cannot be lied to.
    A file that is not a ZIP is left for the reader to report.
    """
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    total = 0
    for part in parts:
        if part.file_size > MAX_DOCX_PART_BYTES:
            raise LimitExceeded(
                f"DOCX part {part.filename} expands to {_mb(part.file_size)}, "
                f"more than the {_mb(MAX_DOCX_PART_BYTES)} limit (a zip bomb?)"
            )
        total += part.file_size
    if total > MAX_DOCX_TOTAL_BYTES:
        raise LimitExceeded(
            f"DOCX expands to {_mb(total)}, more than the {_mb(MAX_DOCX_TOTAL_BYTES)} limit (a zip bomb?)"
        )


def check_text_file(size: int, fmt: str) -> None:
    """Refuse a text file or web page larger than :data:`MAX_TEXT_FILE_BYTES`."""
    if size > MAX_TEXT_FILE_BYTES:
        kind = "web page" if fmt == "html" else "text file"
        raise LimitExceeded(f"{kind} of {_mb(size)} is larger than the {_mb(MAX_TEXT_FILE_BYTES)} limit")


def memory_limit() -> int | None:
    """The memory this process may use (bytes), when a worker set one (``RLIMIT_DATA``); else None."""
    soft, _ = resource.getrlimit(resource.RLIMIT_DATA)
    return None if soft == resource.RLIM_INFINITY else soft


def memory_reason() -> str:
    """Why a reader ran out of memory, naming the limit when there is one."""
    limit = memory_limit()
    if limit is None:
        return "ran out of memory reading it"
    return f"needed more than {_mb(limit)} of memory (the --max-memory limit)"
