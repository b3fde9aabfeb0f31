"""OCR for PDF pages: render with pypdfium2, read with Tesseract ``vie``.

The PDF reader calls two functions:

* :func:`ocr_pdf_pages` for scanned pages (no text layer): whole-page text in
  reading order, with the two-column blocks (header: issuer and Số left,
  Quốc hiệu and date right; signature: Nơi nhận left, signer right) emitted
  left column first, then right column, never interleaved;
* :func:`ocr_header_region` for an e-signed page whose text layer leaves
  ``Số:     /BNV-TCPCP`` and ``ngày    tháng`` blank because the number and day
  are drawn only in the signature stamp; :func:`fill_blank_number_and_day`
  splices what the page shows into the text-layer header.

On a scanned page with a red round seal, the signer block around the seal is
read a second time from a crop with the red ink whitened (the seal hides the
title and name from the page-wide reading); its lines replace the page's words
in that region when the crop reads more, and more confidently. An unsigned
draft whose page 1 draws nothing but text (:func:`header_shows_only_text`) is
not OCR'd at all: its blank Số is really blank.

Tesseract runs as a subprocess (``tesseract stdin stdout … tsv``; no pytesseract),
one process per page with ``OMP_THREAD_LIMIT=1``, as many at once as there are
cores: on two cores that is ~1 s/page against ~5 s with Tesseract's own threads
fighting each other. Results are cached by the hash of the rendered bitmap plus
dpi, region, page-segmentation mode and Tesseract version, under
``$VANBAN_OCR_CACHE`` (default ``~/.cache/vanban/ocr``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from statistics import median

import regex

from vanban.errors import ReadError

from .document import OcrInfo
from .layout import Word, split_header
from .limits import check_render
from .ocr_correct import as_digits, correct_ocr_text

DPI = 300
LANG = "vie"
# Page segmentation: 3 = automatic layout, no orientation detection. The header
# columns are rebuilt from word boxes, so Tesseract's own block order does not matter.
PSM_PAGE = 3
HEADER_FRACTION = 0.30  # top part of page 1 holding Số and the place/date line
TESSERACT_TIMEOUT = 180  # seconds for one page
INSTALL_HINT = "OCR needs tesseract-ocr-vie: apt-get install tesseract-ocr tesseract-ocr-vie"
# Bump when what is cached (raw TSV for a bitmap) changes meaning.
CACHE_FORMAT = "tsv-1"

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


@dataclass
class HeaderOcr:
    """What the rendered top of page 1 shows: its text and the number/day/month found in it."""

    text: str
    number: str | None
    day: str | None
    month: str | None
    confidence: float | None
    cached: bool = False


@dataclass
class _Row:
    """Words on one visual line, cut into segments where a wide gap separates columns."""

    top: int
    bottom: int
    segments: list[list[OcrWord]] = field(default_factory=list)


# --- Tesseract -------------------------------------------------------------------


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


def _run_tesseract(image: bytes, psm: int, options: tuple[str, ...] = ()) -> str:
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


def _is_speck(word: OcrWord) -> bool:
    """Punctuation read with low confidence: stamp edges, scribbles, dust between columns."""
    return word.confidence < 60 and not any(c.isalnum() for c in word.text)


def mean_confidence(words: list[OcrWord]) -> float | None:
    """Mean word confidence, rounded to 0.1; None for no words."""
    scores = [w.confidence for w in words if w.confidence >= 0]
    return round(sum(scores) / len(scores), 1) if scores else None


# --- Cache -----------------------------------------------------------------------


def cache_dir() -> Path:
    """Where OCR results live: ``$VANBAN_OCR_CACHE`` or ``~/.cache/vanban/ocr``."""
    configured = os.environ.get("VANBAN_OCR_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "vanban" / "ocr"


def cache_key(bitmap: bytes, width: int, region: str, psm: int, options: tuple[str, ...] = ()) -> str:
    """Hash of what Tesseract would see and how it would be asked to read it."""
    digest = hashlib.sha256()
    asked = " ".join(options) or LANG
    digest.update(f"{CACHE_FORMAT}|{tesseract_version()}|{asked}|{DPI}|{psm}|{region}|{width}|".encode())
    digest.update(bitmap)
    return digest.hexdigest()


def _cache_path(key: str) -> Path:
    return cache_dir() / key[:2] / f"{key}.tsv"


def _cache_get(key: str) -> str | None:
    try:
        return _cache_path(key).read_text(encoding="utf-8")
    except OSError:
        return None


def _cache_put(key: str, tsv: str) -> None:
    """Store atomically; a read-only or full disk only costs a re-OCR later."""
    path = _cache_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(tsv, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


# --- Rendering -------------------------------------------------------------------


@dataclass
class _Render:
    """A rendered page region as 8-bit gray pixels."""

    pixels: bytes
    width: int
    height: int

    def png(self) -> bytes:
        """The pixels as a lightly compressed PNG: Tesseract reads it from stdin ~20 % faster than a PGM."""
        from PIL import Image

        buffer = io.BytesIO()
        Image.frombytes("L", (self.width, self.height), self.pixels).save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue()


def _render(page, fraction: float = 1.0) -> _Render:
    """Page (or its top ``fraction``) at :data:`DPI`, gray, with form fields (signature stamps) drawn."""
    width_pt, height_pt = page.get_size()
    check_render(width_pt, height_pt, DPI, fraction)  # too many pixels is refused before rendering (pipeline/limits.py)
    crop = (0, height_pt * (1 - fraction), 0, 0) if fraction < 1 else (0, 0, 0, 0)
    bitmap = page.render(scale=DPI / 72, crop=crop, may_draw_forms=True, grayscale=True)
    image = bitmap.to_pil().convert("L")
    return _Render(image.tobytes(), image.width, image.height)


# --- Signer block under a red seal ---------------------------------------------------
#
# The round red seal is pressed over the signer's title, signature and name. On the
# gray page its ring and lettering merge with the print, and Tesseract loses those
# lines. The page keeps its own reading; only the signer block around the seal is
# read again from a colour render with the red pixels turned white.

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


def _red_mask(image):
    """Mask (255 = seal ink) of an RGB image's red-dominant pixels."""
    from PIL import ImageChops

    red, green, blue = image.convert("RGB").split()
    excess = ImageChops.subtract(red, ImageChops.lighter(green, blue))
    return ImageChops.multiply(
        excess.point(lambda v: 255 if v >= SEAL_RED_EXCESS else 0), red.point(lambda v: 255 if v >= SEAL_MIN_RED else 0)
    )


def _red_clusters(mask) -> list[tuple[int, int, int, int, int]]:
    """Boxes ``(left, top, right, bottom, pixels)`` of the mask's 8-connected clusters."""
    from PIL import ImageFilter

    grown = mask.filter(ImageFilter.MaxFilter(3))  # a ring broken by print stays one cluster
    width, height = grown.size
    ink = grown.tobytes()
    own = mask.tobytes()
    seen = bytearray(len(ink))
    clusters = []
    for start, value in enumerate(ink):
        if not value or seen[start]:
            continue
        seen[start] = 1
        stack, box, pixels = [start], [width, height, 0, 0], 0
        while stack:
            at = stack.pop()
            y, x = divmod(at, width)
            pixels += own[at] > 0
            box = [min(box[0], x), min(box[1], y), max(box[2], x + 1), max(box[3], y + 1)]
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < width and 0 <= ny < height:
                        near = ny * width + nx
                        if ink[near] and not seen[near]:
                            seen[near] = 1
                            stack.append(near)
        clusters.append((*box, pixels))
    return clusters


def _find_seals(page) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels at :data:`DPI`) of the round red seals in a page's right half."""
    probe = page.render(scale=SEAL_PROBE_DPI / 72, may_draw_forms=True).to_pil()
    if probe.mode not in ("RGB", "RGBA", "RGBX"):
        return []
    mm = SEAL_PROBE_DPI / 25.4
    scale = DPI / SEAL_PROBE_DPI
    seals = []
    for left, top, right, bottom, pixels in _red_clusters(_red_mask(probe)):
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
    rows = _rows(words, page_width)
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
    colour = page.render(scale=DPI / 72, may_draw_forms=True).to_pil().convert("RGB").crop(region)
    gray = colour.convert("L")
    gray.paste(255, mask=_red_mask(colour))
    tsv, _ = _ocr_cached(_Render(gray.tobytes(), gray.width, gray.height), "signer-block", PSM_BLOCK)
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
    replaced = [w for w in words if _inside(w, region)]
    confidence = mean_confidence(read)
    if confidence is None or confidence < SEAL_MIN_CONFIDENCE or _sure_letters(read) < _sure_letters(replaced):
        return None
    return region, read


def _sure_letters(words: list[OcrWord]) -> int:
    """Letters and digits in the words read with at least :data:`SEAL_MIN_CONFIDENCE`."""
    return sum(c.isalnum() for w in words if w.confidence >= SEAL_MIN_CONFIDENCE for c in w.text)


def _inside(word: OcrWord, region: tuple[int, int, int, int]) -> bool:
    x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
    return region[0] <= x <= region[2] and region[1] <= y <= region[3]


def _with_signer_blocks(page, words: list[OcrWord], page_width: int, page_height: int) -> list[OcrWord]:
    """The page's words, with each sealed signer block's words taken from its seal-free reading."""
    for seal in _find_seals(page):
        found = _read_signer_block(page, seal, words, page_width, page_height)
        if found is not None:
            region, read = found
            words = [w for w in words if not _inside(w, region)] + read
    return words


def _open_pdf(pdf_path: str | os.PathLike):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError as exc:
        raise ReadError(str(pdf_path), f"cannot open PDF for OCR: {exc}") from None
    pdf.init_forms()  # before any page is loaded, so widget appearances (the stamp) are drawn
    return pdf


# --- Layout ----------------------------------------------------------------------


def _rows(words: list[OcrWord], page_width: int) -> list[_Row]:
    """Words grouped into visual lines, top to bottom, each cut at column-wide gaps.

    Tesseract may put ``CÔNG AN TỈNH LÂM ĐỒNG`` and ``Độc lập - Tự do - Hạnh phúc``
    on one line or on two lines of different blocks; either way they share a row
    here and the gap between them splits the row into two segments.
    """
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line_key, []).append(word)
    boxes = sorted(lines.values(), key=lambda ws: (min(w.top for w in ws), min(w.left for w in ws)))
    rows: list[tuple[int, int, list[OcrWord]]] = []
    spans: list[tuple[int, int]] = []  # horizontal extents of the lines in the last row
    for line in boxes:
        top, bottom = _line_band(line)
        left, right = min(w.left for w in line), max(w.right for w in line)
        if rows:
            row_top, row_bottom, row_words = rows[-1]
            overlap = min(bottom, row_bottom) - max(top, row_top)
            # A line under another one ("- Như trên;" under "Nơi nhận:") starts a new row
            # even when a tall line beside them ("KT.CỤC TRƯỞNG") spans both.
            stacked = any(min(right, r) > max(left, l) for l, r in spans)
            if overlap > 0.5 * min(bottom - top, row_bottom - row_top) and not stacked:
                rows[-1] = (min(top, row_top), max(bottom, row_bottom), row_words + line)
                spans.append((left, right))
                continue
        rows.append((top, bottom, list(line)))
        spans = [(left, right)]
    gap_limit = 0.035 * page_width
    result = []
    for top, bottom, row_words in rows:
        row_words.sort(key=lambda w: w.left)
        row_words = _without_lone_marks(row_words, gap_limit / 2)
        if not row_words:
            continue
        segments = [[row_words[0]]]
        for word in row_words[1:]:
            if word.left - segments[-1][-1].right > gap_limit:
                segments.append([word])
            else:
                segments[-1].append(word)
        result.append(_Row(top, bottom, segments))
    return result


def _without_lone_marks(row_words: list[OcrWord], gap: float) -> list[OcrWord]:
    """Drop punctuation standing alone between wide gaps ("Nơi nhận:  —  GIÁM ĐỐC")."""
    kept = []
    for i, word in enumerate(row_words):
        if not any(c.isalnum() for c in word.text):
            before = word.left - row_words[i - 1].right if i else gap + 1
            after = row_words[i + 1].left - word.right if i + 1 < len(row_words) else gap + 1
            if before > gap and after > gap:
                continue
        kept.append(word)
    return kept


def _line_band(line: list[OcrWord]) -> tuple[int, int]:
    """Vertical extent of a line, from the median word box (accents and stamps stick out)."""
    return int(median(w.top for w in line)), int(median(w.bottom for w in line))


def _side(segment: list[OcrWord], page_width: int) -> str:
    """``left`` / ``right`` column, or ``middle`` for a centred or full-width segment."""
    left, right = segment[0].left, max(w.right for w in segment)
    centre = (left + right) / 2 / page_width
    if centre < 0.42 and right <= 0.6 * page_width:
        return "left"
    if centre > 0.58 and left >= 0.38 * page_width:
        return "right"
    return "middle"


def _text(segment: list[OcrWord]) -> str:
    return " ".join(w.text for w in segment)


def layout_text(words: list[OcrWord], page_width: int) -> tuple[str, int | None]:
    """Page text in reading order, and where the first two-column block ends.

    Consecutive rows made only of left- and right-column segments form a block
    (the header; Nơi nhận beside the signature) that is emitted left column
    first, then right column. Any row with a centred or full-width segment is
    emitted as one line. The second value is the text offset after the first
    block that has a right column (None if there is none).
    """
    lines: list[str] = []
    first_block_end: int | None = None
    block: list[tuple[str, str]] = []  # (side, text)

    def flush() -> None:
        nonlocal first_block_end
        if not block:
            return
        has_right = any(side == "right" for side, _ in block)
        lines.extend(text for side, text in block if side == "left")
        lines.extend(text for side, text in block if side == "right")
        if has_right and first_block_end is None:
            first_block_end = len("\n".join(lines)) + 1
        block.clear()

    for row in _rows(words, page_width):
        if not row.segments:
            continue
        sides = [_side(segment, page_width) for segment in row.segments]
        if "middle" in sides:
            flush()
            lines.append(" ".join(_text(segment) for segment in row.segments))
            continue
        for side in ("left", "right"):
            parts = [_text(seg) for seg, s in zip(row.segments, sides) if s == side]
            if parts:
                block.append((side, " ".join(parts)))
    flush()
    text = "\n".join(lines) + ("\n" if lines else "")
    if first_block_end is not None:
        first_block_end = min(first_block_end, len(text))
    return text, first_block_end


def page_text(words: list[OcrWord], page_width: int, first_page: bool) -> tuple[str, int | None]:
    """Corrected page text, and on page 1 the offset where the header block ends.

    Page 1's header is split by the text reader's own :func:`.layout.split_header`
    (boxes scaled to points), so OCR'd and text-layer headers follow one
    convention; the rest of the page, and a header it cannot find, go through
    :func:`layout_text`.
    """
    kept = [w for w in words if not _is_speck(w)]
    if first_page:
        scale = 72 / DPI
        header = split_header(
            [Word(w.text, w.left * scale, w.right * scale, w.top * scale, w.bottom * scale) for w in kept]
        )
        if header is not None:
            cut = header.bottom + 1 if header.next_top is None else (header.bottom + header.next_top) / 2
            below = [w for w in kept if (w.top + w.bottom) / 2 * scale > cut]
            head = correct_ocr_text(header.text)
            rest = correct_ocr_text(layout_text(below, page_width)[0])
            return head + rest, len(head)
    text, block_end = layout_text(kept, page_width)
    if not first_page or block_end is None:
        return correct_ocr_text(text), None
    head = correct_ocr_text(text[:block_end])
    return head + correct_ocr_text(text[block_end:]), len(head)


# --- A number written by hand ------------------------------------------------------
#
# Many offices print "Số:      /TTr-CAT" and write the number in by pen once the
# document is signed. Tesseract's Vietnamese model reads pen figures as anything
# ("23§ÿÿ", "Z⁄") and some of its readings look like numbers ("4ZZ" → 422 for a
# written 519, "3 49" for 3980). A number is kept when the page model read plain
# digits with confidence, or when a second reading of the slot alone (the
# digits-only model) agrees with it. Otherwise the slot is left blank, as the
# contract wants for a number the page does not show legibly, and what both
# readers saw is kept: the extractor may find it confirmed by the file name
# (``extractors/file_name.py``).

NUMBER_SURE_CONFIDENCE = 85  # printed numbers read 90+; pen figures rarely above 65
_SO_WORD = regex.compile(r"^(?i:s[ốôóo])(?!\p{L})\s*[:.]*")  # "Số:", "Só", never "Sóc Trăng"
_SLOT_END = regex.compile(r"/|-(?=\p{L})")  # "2388/C04-P6", a Party form's "391-TTr/…"
NUMBER_SLOT_REACH = 0.40  # share of the page height where page 1's Số line can be
NUMBER_SLOT_WORDS = 3  # words after "Số:" that may hold the number before the "/…" of the symbol


@dataclass
class NumberSlot:
    """The characters between ``Số:`` and the symbol's slash, as (word index, start, end) pieces."""

    pieces: list[tuple[int, int, int]]
    text: str  # what the page model read there
    confidence: float  # the lowest confidence of the words it came from
    box: OcrWord  # the slot's box on the page (pixels), for a second reading


def _piece_box(word: OcrWord, start: int, end: int) -> tuple[int, int]:
    """Horizontal pixel range of ``word.text[start:end]``, letters taken as equally wide."""
    width = (word.right - word.left) / max(1, len(word.text))
    return round(word.left + start * width), round(word.left + end * width)


def find_number_slot(words: list[OcrWord], page_height: int) -> NumberSlot | None:
    """The number slot of page 1's ``Số: ___/SYMBOL`` (or ``___-TYPE/…``), or None when no Số line ends in a symbol."""
    for i, word in enumerate(words):
        if word.top > page_height * NUMBER_SLOT_REACH:
            continue
        label = _SO_WORD.match(word.text)
        if not label:
            continue
        pieces, start = [], label.end()
        for j, other in enumerate([word, *words[i + 1 : i + 1 + NUMBER_SLOT_WORDS]], start=i):
            if other.line_key != word.line_key:
                break
            begin = start if other is word else 0
            cut = _SLOT_END.search(other.text, begin)
            if cut and cut.group() == "-" and regex.search(r"\p{L}{2}", other.text[begin : cut.start()]):
                cut = None  # "Só:%CAT-PA05": the symbol's own dash, its slash lost; no slot to read
            end = cut.start() if cut else len(other.text)
            if end > begin:
                pieces.append((j, begin, end))
            if cut:
                if not pieces:
                    return None  # "Số: /KH-UBND": nothing written in
                spans = [(_piece_box(words[k], a, b), words[k]) for k, a, b in pieces]
                box = OcrWord(
                    "",
                    min(x for (x, _), _w in spans),
                    min(w.top for _, w in spans),
                    max(x for (_, x), _w in spans),
                    max(w.bottom for _, w in spans),
                    0.0,
                    word.line_key,
                )
                return NumberSlot(
                    pieces,
                    "".join(words[k].text[a:b] for k, a, b in pieces),
                    min(words[k].confidence for k, _, _ in pieces),
                    box,
                )
    return None


def _slot_reading(text: str) -> str:
    """The page model's reading as digits where it reads as a number ("4ZZ" → "422"), else as read."""
    return as_digits(text.replace(" ", "")) or text


def _without_slot(words: list[OcrWord], slot: NumberSlot) -> list[OcrWord]:
    """``words`` with the slot's characters taken out (a word left empty is dropped)."""
    cuts: dict[int, list[tuple[int, int]]] = {}
    for index, start, end in slot.pieces:
        cuts.setdefault(index, []).append((start, end))
    kept = []
    for index, word in enumerate(words):
        if index in cuts:
            text = word.text
            for start, end in sorted(cuts[index], reverse=True):
                text = text[:start] + text[end:]
            if not text.strip():
                continue
            word = OcrWord(text, word.left, word.top, word.right, word.bottom, word.confidence, word.line_key)
        kept.append(word)
    return kept


def settle_number_slot(words: list[OcrWord], page_height: int, render) -> tuple[list[OcrWord], list[str] | None]:
    """Page 1's words with a number nobody could read for sure taken out, and the readings of it.

    ``render`` gives page 1 rendered (called only when a second reading is needed).
    The readings are None when the slot is empty or its number stands.
    """
    slot = find_number_slot(words, page_height)
    if slot is None:
        return words, None
    reading = _slot_reading(slot.text)
    if slot.text.isdigit() and slot.confidence >= NUMBER_SURE_CONFIDENCE:
        return words, None
    second = _reread_digits(render(), slot.box, longest=6) or ""
    if reading.isdigit() and reading == second:
        return words, None
    readings = [r for r in dict.fromkeys([reading, second]) if r]
    return _without_slot(words, slot), readings


# --- Public API ------------------------------------------------------------------


def ocr_pdf_pages(pdf_path: str | os.PathLike, page_indexes: list[int]) -> list[OcrPage]:
    """OCR the given 0-based pages of a PDF; one :class:`OcrPage` each, in the order asked.

    Pages are rendered here one after another (pdfium is not thread-safe) and
    handed to Tesseract processes running side by side; cached pages skip OCR.
    Raises :class:`OcrUnavailable` (a ReadError) when Tesseract/vie is missing.
    """
    tesseract_version()
    pdf = _open_pdf(pdf_path)
    try:
        jobs = []
        with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
            for index in page_indexes:
                page = pdf[index]
                try:
                    render = _render(page)
                finally:
                    page.close()
                key = cache_key(render.pixels, render.width, "page", PSM_PAGE)
                tsv = _cache_get(key)
                size = (render.width, render.height)
                if tsv is not None:
                    jobs.append((index, size, tsv, True))
                else:
                    jobs.append((index, size, pool.submit(_ocr_and_store, render.png(), key, PSM_PAGE), False))
                del render
            results = []
            for index, (width, height), tsv, cached in jobs:
                if not cached:
                    tsv = tsv.result()
                words = parse_tsv(tsv)
                unread = None
                page = pdf[index]
                try:
                    words = _with_signer_blocks(page, words, width, height)
                    confidence = mean_confidence(words)
                    if index == 0:
                        words, unread = settle_number_slot(words, height, lambda page=page: _render(page))
                finally:
                    page.close()
                text, header_end = page_text(words, width, first_page=index == 0)
                results.append(OcrPage(index, text, confidence, len(words), header_end, cached, unread))
        return results
    finally:
        pdf.close()


def _ocr_and_store(image: bytes, key: str, psm: int, options: tuple[str, ...] = ()) -> str:
    tsv = _run_tesseract(image, psm, options)
    _cache_put(key, tsv)
    return tsv


def _ocr_cached(render: _Render, region: str, psm: int, options: tuple[str, ...] = ()) -> tuple[str, bool]:
    """(TSV, whether it came from the cache) for one rendered region."""
    key = cache_key(render.pixels, render.width, region, psm, options)
    tsv = _cache_get(key)
    if tsv is not None:
        return tsv, True
    return _ocr_and_store(render.png(), key, psm, options), False


# Second reading of the day and month drawn by a signature stamp: the English model
# restricted to digits reads italic Times figures that ``vie`` takes for letters
# (``19`` read ``79``, ``28`` read ``2#``, ``15`` read ``1Š``).
DIGITS_ONLY = ("-l", "eng", "-c", "tessedit_char_whitelist=0123456789")
PSM_WORD = 8  # the crop holds one word


def _crop(render: _Render, word: OcrWord, pad: int = 12) -> _Render:
    """The pixels around one word box."""
    from PIL import Image

    image = Image.frombytes("L", (render.width, render.height), render.pixels)
    box = (
        max(0, word.left - pad),
        max(0, word.top - pad),
        min(render.width, word.right + pad),
        min(render.height, word.bottom + pad),
    )
    piece = image.crop(box)
    return _Render(piece.tobytes(), piece.width, piece.height)


def _date_slots(words: list[OcrWord]) -> dict[str, OcrWord]:
    """The words in the day and month slots of the first ``ngày _ tháng _ năm``."""
    texts = [w.text.casefold() for w in words]
    for i, text in enumerate(texts):
        if text.startswith("ngày") and i + 2 < len(words) and texts[i + 2].startswith("tháng"):
            slots = {"day": words[i + 1]}
            if i + 4 < len(words) and texts[i + 4].startswith("năm"):
                slots["month"] = words[i + 3]
            return slots
        if text.startswith("ngày") and i + 1 < len(words) and texts[i + 1].startswith("tháng"):
            if i + 3 < len(words) and texts[i + 3].startswith("năm"):
                return {"month": words[i + 2]}
            return {}
    return {}


def _reread_digits(render: _Render, word: OcrWord, longest: int = 2) -> str | None:
    """The word read again as digits only, or None if the digit model sees none, or more than
    ``longest`` digits (or eng is absent)."""
    if "eng" not in _installed_languages():
        return None
    tsv, _ = _ocr_cached(_crop(render, word), "digits", PSM_WORD, DIGITS_ONLY)
    digits = "".join(w.text for w in parse_tsv(tsv))
    return digits if digits.isdigit() and len(digits) <= longest else None


@lru_cache(maxsize=1)
def _installed_languages() -> frozenset[str]:
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset((done.stdout + done.stderr).split())


# Number in the OCR'd header: "Số: 11902/BNV-TCPCP", "Số: 156 -CV/TĐTN"; a stamp
# may leave a speck after it or hide the slash: "Số:85_ /GM-UBND", "Số: 10797QĐ-HĐTĐ".
_OCR_NUMBER = regex.compile(
    r"""(?x)
    (?<![\p{L}])Số \s* [:.]? \s*
    (?P<number>[0-9]{1,6}(?:[.,][0-9]+)?)   # 11902 (66.15 on a few legal symbols)
    _? \s* (?=[/-]|\p{Lu}{2})
    """
)


def _in_range(slot: str, value: int) -> bool:
    return 1 <= value <= (31 if slot == "day" else 12)


# Day and month in the OCR'd header: "ngày 11 tháng 12 năm 2025".
_OCR_DATE = regex.compile(
    r"""(?x)
    (?<![\p{L}])ngày \s* [,.]? \s*
    (?P<day>[0-9]{1,2})? \s* tháng \s*
    (?P<month>[0-9]{1,2})? \s* năm
    """
)


def find_number_and_day(ocr_text: str) -> tuple[str | None, str | None, str | None]:
    """(number, day, month) read from corrected OCR header text; None where not shown."""
    number = day = month = None
    if m := _OCR_NUMBER.search(ocr_text):
        number = m.group("number")
    if m := _OCR_DATE.search(ocr_text):
        day, month = m.group("day"), m.group("month")
        if day and not _in_range("day", int(day)):
            day = None
        if month and not _in_range("month", int(month)):
            month = None
    return number, day, month


def header_shows_only_text(pdf_path: str | os.PathLike) -> bool:
    """True when page 1's top draws nothing but its text layer: no annotation or form
    field (a signature stamp), no image, no embedded form object above the body.

    Then the rendered header shows exactly the text layer, and a blank Số/ngày is
    really blank (an unsigned draft): OCR could only read back what the text says.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError:
        return False
    try:
        page = pdf[0]
        try:
            if pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0:
                return False
            _, height = page.get_size()
            top = height * (1 - HEADER_FRACTION)
            kinds = [pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM]
            return not any(obj.get_bounds()[3] > top for obj in page.get_objects(filter=kinds, max_depth=1))
        finally:
            page.close()
    finally:
        pdf.close()


def ocr_header_region(pdf_path: str | os.PathLike) -> HeaderOcr:
    """OCR the top of page 1 as rendered (signature stamp included) and find Số and ngày.

    For a text-layer page whose Số/ngày are blank: the caller splices the result
    into its text with :func:`fill_blank_number_and_day` or :func:`blank_fills`.
    """
    tesseract_version()
    pdf = _open_pdf(pdf_path)
    try:
        page = pdf[0]
        try:
            render = _render(page, HEADER_FRACTION)
        finally:
            page.close()
    finally:
        pdf.close()
    tsv, cached = _ocr_cached(render, f"header{HEADER_FRACTION}", PSM_PAGE)
    words = parse_tsv(tsv)
    text, _ = page_text(words, render.width, first_page=True)
    number, day, month = find_number_and_day(text)
    found = {"day": day, "month": month}
    for slot, word in _date_slots(words).items():
        digits = _reread_digits(render, word)
        # The digit model wins unless it lost a figure that vie read cleanly ("12" → "2").
        clean = word.text.isdigit()
        if digits and _in_range(slot, int(digits)) and (not clean or len(digits) == len(word.text)):
            found[slot] = digits
    day, month = found["day"], found["month"]
    return HeaderOcr(text, number, day, month, mean_confidence(words), cached)


# Blank number in a text layer: "Số:      /BNV-TCPCP", "Số:  ..... /QĐ-UBND", "Số     -CV/TĐTN".
_BLANK_NUMBER = regex.compile(
    r"""(?x)
    (?<![\p{L}])Số \s* : ?
    (?P<blank>[ \t._…]*)
    (?=[/-])
    """
)

# Blank day and/or month: "ngày    tháng 12 năm 2025", "ngày    tháng    năm 2025".
_BLANK_DATE = regex.compile(
    r"""(?x)
    (?<![\p{L}])ngày
    (?: [ \t]* (?P<day>[0-9]{1,2}) [ \t]* | (?P<day_blank>[ \t._…]+) )      # " 11 " or "    "
    tháng
    (?: [ \t]* (?P<month>[0-9]{1,2}) [ \t]* | (?P<month_blank>[ \t._…]+) )  # " 12 " or "    "
    năm
    """
)


def blank_fills(
    header_text: str, number: str | None, day: str | None, month: str | None = None
) -> list[tuple[int, int, str]]:
    """Edits ``(start, end, replacement)`` that put the shown number/day/month into blanks.

    Only blanks are filled: a number or day the text layer already has is kept.
    ``Số:     /BNV-TCPCP`` → ``Số: 11902/BNV-TCPCP``; ``ngày    tháng`` → ``ngày 11 tháng``.
    """
    edits = []
    if number and (m := _BLANK_NUMBER.search(header_text)):
        edits.append((m.start("blank"), m.end("blank"), f" {number}"))
    if m := _BLANK_DATE.search(header_text):
        if day and m.group("day") is None:
            edits.append((m.start("day_blank"), m.end("day_blank"), f" {day} "))
        if month and m.group("month") is None:
            edits.append((m.start("month_blank"), m.end("month_blank"), f" {month} "))
    return sorted(edits)


def fill_blank_number_and_day(header_text: str, ocr_text: str) -> str:
    """``header_text`` with its blank Số/ngày/tháng filled from the OCR'd header ``ocr_text``."""
    number, day, month = find_number_and_day(correct_ocr_text(ocr_text))
    out, cursor = [], 0
    for start, end, replacement in blank_fills(header_text, number, day, month):
        out.append(header_text[cursor:start])
        out.append(replacement)
        cursor = end
    out.append(header_text[cursor:])
    return "".join(out)


# --- The reader's seam -------------------------------------------------------------


@dataclass
class OcrOutcome:
    """Page texts after OCR, the header block, what OCR did (for ``TextDocument.ocr``) and warnings."""

    texts: list[str]
    header_text: str
    info: OcrInfo | None
    warnings: list[str]


def needs_header_fill(header_text: str) -> bool:
    """Whether the text layer's Số or day is blank (an e-signed PDF that draws them in the stamp)."""
    if _BLANK_NUMBER.search(header_text):
        return True
    date = _BLANK_DATE.search(header_text)
    return bool(date and (date.group("day_blank") is not None or date.group("month_blank") is not None))


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
