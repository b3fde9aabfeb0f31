"""Reading order of an OCR'd page, rebuilt from Tesseract's word boxes.

The two-column blocks of a văn bản (header: issuer and Số left, Quốc hiệu and
date right; signature: Nơi nhận left, signer right) come out left column first,
then right column, never interleaved. Page 1's header goes through the text
reader's own :func:`.layout.split_header`, so OCR'd and text-layer headers follow
one convention.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from .layout import Word, split_header
from .ocr_correct import correct_ocr_text
from .page_image import DPI
from .tesseract import OcrWord


@dataclass
class Row:
    """Words on one visual line, cut into segments where a wide gap separates columns."""

    top: int
    bottom: int
    segments: list[list[OcrWord]] = field(default_factory=list)


def is_speck(word: OcrWord) -> bool:
    """Punctuation read with low confidence: stamp edges, scribbles, dust between columns."""
    return word.confidence < 60 and not any(c.isalnum() for c in word.text)


def visual_rows(words: list[OcrWord], page_width: int) -> list[Row]:
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
        result.append(Row(top, bottom, segments))
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


# A box in the left margin beside the title under the header: the reception stamp a clerk prints on
# a document that came in ("ĐẾN / Số: 1614 / Ngày: 01/3/2026 / Chuyển: P.NC / Lưu hồ sơ"). Its lines
# lie within this share of the page width from the left edge; the title rows end where a body line,
# wider than BODY_WIDTH of the page, begins.
MARGIN_RIGHT = 0.32
BODY_WIDTH = 0.7


def side_box_rows(rows: list[Row], page_width: int) -> list[int]:
    """Rows of the title zone (above the first body line) that open with a box in the left margin,
    when one of them has the title or the addressee beside it; none otherwise.

    996KH-TCTLNTW-C04: ``Số.....6.44...........`` beside ``KẾ HOẠCH``, ``bự Ni 01344046.`` (the
    stamp's date) beside ``Phối hợp kiểm soát …``; 2494: ``ĐẾN.`` beside ``Kính gửi Đồng chí …``.
    """
    marginal: list[int] = []
    for i, row in enumerate(rows):
        if not marginal and not any(_side(seg, page_width) == "middle" for seg in row.segments):
            continue  # the header's two columns, when they came along: the zone opens at a centred line
        if any(max(w.right for w in seg) - seg[0].left > BODY_WIDTH * page_width for seg in row.segments):
            break
        if row.segments and max(w.right for w in row.segments[0]) <= MARGIN_RIGHT * page_width:
            marginal.append(i)
    return marginal if any(len(rows[i].segments) > 1 for i in marginal) else []


def layout_text(words: list[OcrWord], page_width: int, title_zone: bool = False) -> tuple[str, int | None]:
    """Page text in reading order, and where the first two-column block ends.

    Consecutive rows made only of left- and right-column segments form a block
    (the header; Nơi nhận beside the signature) that is emitted left column
    first, then right column. Any row with a centred or full-width segment is
    emitted as one line. The second value is the text offset after the first
    block that has a right column (None if there is none).

    With ``title_zone`` (page 1 under its header), a box in the left margin beside
    the title (:func:`side_box_rows`) is emitted first, on lines of its own, and
    the title and addressee beside it after it, whole.
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

    rows = visual_rows(words, page_width)
    box = side_box_rows(rows, page_width) if title_zone else []
    for i, row in enumerate(rows):
        if box and i == box[0]:
            flush()
            lines.extend(_text(rows[j].segments[0]) for j in box)
        if i in box:
            row = Row(row.top, row.bottom, row.segments[1:])
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


# A line read from detached marks: its words are small against the page's words, and
# few of them hold two letters or digits. "À .^A .À Lá ˆ ˆ F‹ Lá `4" read from the
# tone marks and underline of a bold title.
MARK_LINE_HEIGHT = 0.6  # median word height, against the page's median word height
MARK_LINE_WORDS = 0.5  # share of its words holding two letters or digits


def without_mark_lines(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` without the lines Tesseract read from detached marks and specks."""
    heights = [w.bottom - w.top for w in words if sum(c.isalnum() for c in w.text) >= 2]
    if not heights:
        return words
    usual = median(heights)
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line_key, []).append(word)
    marks = {
        key
        for key, line in lines.items()
        if median(w.bottom - w.top for w in line) < MARK_LINE_HEIGHT * usual
        and sum(sum(c.isalnum() for c in w.text) >= 2 for w in line) < MARK_LINE_WORDS * len(line)
    }
    return [w for w in words if w.line_key not in marks]


def page_text(words: list[OcrWord], page_width: int, first_page: bool) -> tuple[str, int | None]:
    """Corrected page text, and on page 1 the offset where the header block ends.

    Page 1's header is split by the text reader's own :func:`.layout.split_header`
    (boxes scaled to points), so OCR'd and text-layer headers follow one
    convention; the rest of the page, and a header it cannot find, go through
    :func:`layout_text`.
    """
    kept = without_mark_lines([w for w in words if not is_speck(w)])
    if first_page:
        scale = 72 / DPI
        header = split_header(
            [Word(w.text, w.left * scale, w.right * scale, w.top * scale, w.bottom * scale) for w in kept]
        )
        if header is not None:
            cut = header.bottom + 1 if header.next_top is None else (header.bottom + header.next_top) / 2
            below = [w for w in kept if (w.top + w.bottom) / 2 * scale > cut]
            head = correct_ocr_text(header.text)
            rest = correct_ocr_text(layout_text(below, page_width, title_zone=True)[0])
            return head + rest, len(head)
    text, block_end = layout_text(kept, page_width, title_zone=first_page)
    if not first_page or block_end is None:
        return correct_ocr_text(text), None
    head = correct_ocr_text(text[:block_end])
    return head + correct_ocr_text(text[block_end:]), len(head)
