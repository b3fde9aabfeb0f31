"""Tesseract ``vie``: the one place that runs it, and its TSV output read as words.

Tesseract runs as a subprocess (``tesseract stdin stdout … tsv``; no pytesseract),
limited to one thread (``OMP_THREAD_LIMIT=1``): the caller runs one per core.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from functools import lru_cache

from vanban.errors import ReadError

from .page_image import DPI

LANG = "vie"
# Page segmentation: 3 = automatic layout, no orientation detection. The header
# columns are rebuilt from word boxes, so Tesseract's own block order does not matter.
PSM_PAGE = 3
TESSERACT_TIMEOUT = 180  # seconds for one page
INSTALL_HINT = "OCR needs tesseract-ocr-vie: apt-get install tesseract-ocr tesseract-ocr-vie"

# Tesseract processes started by this process (the tests count them to see cache hits).
tesseract_runs = 0
_runs_lock = threading.Lock()


class OcrUnavailable(ReadError):
    """Tesseract or its Vietnamese model is not installed (or Tesseract failed to run)."""


@dataclass
class OcrWord:
    """One word Tesseract read, with its box in pixels and confidence 0–100."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    line_key: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbered them


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """``tesseract 5.3.0``; raises :class:`OcrUnavailable` if Tesseract or ``vie`` is missing."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable("tesseract", INSTALL_HINT)
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
        langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailable("tesseract", f"{INSTALL_HINT} ({exc})") from None
    if LANG not in (langs.stdout + langs.stderr).split():
        raise OcrUnavailable("tesseract", f"{INSTALL_HINT} (language {LANG!r} not installed)")
    first = (version.stdout or version.stderr).strip().splitlines()
    return first[0] if first else "tesseract"


def run_tesseract(image: bytes, psm: int, options: tuple[str, ...] = ()) -> str:
    """TSV for one image (PNG bytes), Tesseract limited to one thread.

    ``options`` replace the language (``("-l", "eng", "-c", "tessedit_char_whitelist=…")``).
    """
    global tesseract_runs
    tesseract_version()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    language = list(options) or ["-l", LANG]
    command = ["tesseract", "stdin", "stdout", *language, "--psm", str(psm), "--dpi", str(DPI), "tsv"]
    with _runs_lock:
        tesseract_runs += 1
    try:
        done = subprocess.run(command, input=image, capture_output=True, env=env, timeout=TESSERACT_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise OcrUnavailable("tesseract", f"tesseract took longer than {TESSERACT_TIMEOUT} s on one page") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrUnavailable("tesseract", f"tesseract failed: {message[-1] if message else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str) -> list[OcrWord]:
    """The words (level 5 rows with text) of Tesseract's TSV output."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(
            OcrWord(
                text=text,
                left=left,
                top=top,
                right=left + int(row["width"]),
                bottom=top + int(row["height"]),
                confidence=float(row["conf"]),
                line_key=(int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
            )
        )
    return words


def mean_confidence(words: list[OcrWord]) -> float | None:
    """Mean word confidence, rounded to 0.1; None for no words."""
    scores = [w.confidence for w in words if w.confidence >= 0]
    return round(sum(scores) / len(scores), 1) if scores else None


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    """The language models Tesseract has (``vie``, ``eng`` …)."""
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset((done.stdout + done.stderr).split())
