"""The two-column header block of a Vietnamese official document, from word positions.

Page 1 of a văn bản hành chính (Nghị định 30/2020/NĐ-CP, Phụ lục I) opens with two
columns side by side: on the left the issuer lines, ``Số: 02/KH-UBND`` and any
``V/v …`` lines; on the right the Quốc hiệu ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``
(or ``ĐẢNG CỘNG SẢN VIỆT NAM`` for Party documents), the motto and the place/date
line. Reading such a page line by line interleaves the columns; :func:`split_header`
takes the positioned words of page 1 and returns the two columns separately, plus
where the block ends so the body can be read below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

import regex

# The right column's first line: the Quốc hiệu, or the Party's name on Party documents.
#   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI …", "ĐẢNG CỘNG SẢN VIỆT NAM"
RIGHT_COLUMN_TOP = regex.compile(
    r"""(?x)
    (?P<quoc_hieu> C[ỘO]NG \s* H[ÒO][AÀ] \s+ X[ÃA] \s+ H[ỘO]I )   # CỘNG HÒA XÃ HỘI …
    | (?P<party> Đ[ẢA]NG \s+ C[ỘO]NG \s+ S[ẢA]N \s+ VI[ỆE]T \s+ NAM )  # ĐẢNG CỘNG SẢN VIỆT NAM
    """
)

# The motto under the Quốc hiệu: "Độc lập - Tự do - Hạnh phúc".
MOTTO = regex.compile(r"(?x) (?i: Độc \s* lập ) \s* [-–—]")

# The place/date line, possibly with blanks left for the day:
#   "Lạng Sơn, ngày 04 tháng 01 năm 2023", "Lâm Đồng, ngày   tháng 10 năm 2025",
#   "Hà Nội, 16/9/2025"
PLACE_DATE = regex.compile(
    r"""(?x)
    ^ \p{Lu} [^,\d]{1,40} ,\s*                # place and comma: "Lâm Đồng,"
    (?: (?i: ngày ) \b                        # "ngày 04 tháng …"
      | \d{1,2} [/.-] \d{1,2} [/.-] \d{4} )   # "16/9/2025"
    """
)

# Where the right column starts inside a run that a narrow gap left joined to the left column:
#   "TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI …", "Số: 12/UBND-VP Quảng Ngãi, ngày 06 tháng 11 năm 2024"
RIGHT_COLUMN_START = regex.compile(
    r"""(?x)
    (?<= \s ) (?:
        C[ỘO]NG \s* H[ÒO][AÀ] \s+ X[ÃA] \s+ H[ỘO]I                      # the Quốc hiệu
      | Đ[ẢA]NG \s+ C[ỘO]NG \s+ S[ẢA]N \s+ VI[ỆE]T \s+ NAM               # the Party's name
      | (?i: Độc \s* lập ) \s* [-–—]                                    # the motto
      | (?: TP\.\s* )? \p{Lu}\p{Ll}+ (?: [ ] \p{Lu}\p{Ll}+ ){0,4} ,\s* (?i: ngày ) \b  # "Quảng Ngãi, ngày"
    )
    """
)

# A line that opens the body even when it sits in the left column: "Kính gửi: Sở Nội vụ".
BODY_OPENING = regex.compile(r"(?x) ^ [\W\d]* (?i: kính \s* (?: gửi | trình ) ) \b")

# Horizontal gap (in points) that separates two text segments on one line; a
# justified space stays well under it (13 pt Times: ~3–8 pt).
_SEGMENT_GAP = 10.0
# How far a right-column segment may start left of the Quốc hiệu (a date line wider
# than the Quốc hiệu), and how far a left segment may reach past it.
_RIGHT_SLACK = 30.0
_LEFT_SLACK = 6.0


@dataclass(frozen=True)
class Word:
    """A word on the page: its text and box (points, origin top-left)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Segment:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class _Row:
    words: list[Word] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def middle(self) -> float:
        return sum((w.top + w.bottom) / 2 for w in self.words) / len(self.words)

    def segments(self) -> list[_Segment]:
        ordered = sorted(self.words, key=lambda w: w.x0)
        segments = [_Segment([ordered[0]])]
        for word in ordered[1:]:
            if word.x0 - segments[-1].x1 >= _SEGMENT_GAP:
                segments.append(_Segment([word]))
            else:
                segments[-1].words.append(word)
        return segments


@dataclass
class HeaderColumns:
    """The header block found on page 1: its two columns and its lower edge."""

    left: list[str]
    right: list[str]
    bottom: float  # lowest point of the block (points from the page top)
    next_top: float | None  # top of the first line below the block, if any

    @property
    def text(self) -> str:
        """Left column lines, then right column lines, one per line."""
        return "".join(line + "\n" for line in self.left + self.right)


def _rows(words: list[Word]) -> list[_Row]:
    """Words grouped into visual lines by their vertical middle."""
    if not words:
        return []
    tolerance = 0.4 * median(w.bottom - w.top for w in words)
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        middle = (word.top + word.bottom) / 2
        if rows and middle - rows[-1].middle <= tolerance:
            rows[-1].words.append(word)
        else:
            rows.append(_Row([word]))
    return rows


def _run_on(segment: _Segment, boundary: float) -> tuple[_Segment, _Segment] | None:
    """A segment that runs from the left column on into the right one, cut where the right
    column's own text starts (the Quốc hiệu, the motto, the place/date) at the boundary."""
    text = segment.text
    starts, offset = [], 0
    for word in segment.words:
        starts.append(offset)
        offset += len(word.text) + 1
    for match in RIGHT_COLUMN_START.finditer(text):
        index = starts.index(match.start()) if match.start() in starts else None
        if index and segment.words[index].x0 >= boundary - _RIGHT_SLACK:
            return _Segment(segment.words[:index]), _Segment(segment.words[index:])
    return None


def _sides(row: _Row, boundary: float) -> tuple[list[_Segment], list[_Segment]] | None:
    """A row's segments split into (left, right) of the boundary; None if a segment straddles it.

    A segment whose left part stands in the left column and whose right part opens
    the right column (``TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI …`` printed with a narrow gap)
    is cut at the boundary: each field stops at its block's edge.
    """
    left, right = [], []
    segments = []
    for segment in row.segments():
        straddles = segment.x1 > boundary + _LEFT_SLACK and segment.x0 < boundary - _RIGHT_SLACK
        cut = _run_on(segment, boundary) if straddles else None
        segments.extend(cut or [segment])
    for segment in segments:
        fits_left = segment.x1 <= boundary + _LEFT_SLACK
        fits_right = segment.x0 >= boundary - _RIGHT_SLACK
        if fits_left and fits_right:
            (right if (segment.x0 + segment.x1) / 2 >= boundary else left).append(segment)
        elif fits_left:
            left.append(segment)
        elif fits_right:
            right.append(segment)
        else:
            return None
    return left, right


def _find_boundary(rows: list[_Row]) -> tuple[int, float] | None:
    """(row index, x) of the right column's first line: Quốc hiệu, Party name, else place/date."""
    for index, row in enumerate(rows):
        for segment in row.segments():
            if RIGHT_COLUMN_TOP.match(segment.text):
                return index, segment.x0
            if RIGHT_COLUMN_TOP.search(segment.text):
                cut = _run_on(segment, segment.x0 + _RIGHT_SLACK)
                return index, cut[1].x0 if cut else segment.x0
    for index, row in enumerate(rows):
        segments = row.segments()
        for segment in segments[1:]:  # the place/date line sits right of "Số: …"
            if PLACE_DATE.search(segment.text):
                return index, segment.x0
    return None


def split_header(words: list[Word], *, max_rows: int = 40) -> HeaderColumns | None:
    """The header block of page 1 as two columns, or None when no two-column header is found.

    Rows down to the right column's anchors (Quốc hiệu, motto, place/date) belong to
    the header; below them only rows wholly in the left column (``V/v …`` lines)
    do. The first row that straddles the column boundary — a centred title
    (``QUYẾT ĐỊNH``), ``Kính gửi: …``, a body line — ends the block.
    """
    rows = _rows(words)[:max_rows]
    found = _find_boundary(rows)
    if found is None:
        return None
    anchor_index, boundary = found
    line_height = median(r.bottom - r.top for r in rows)
    last_anchor = anchor_index
    for index in range(anchor_index, min(anchor_index + 6, len(rows))):
        sides = _sides(rows[index], boundary)
        if sides is None:
            break
        right_text = " ".join(s.text for s in sides[1])
        if MOTTO.search(right_text) or PLACE_DATE.search(right_text) or RIGHT_COLUMN_TOP.search(right_text):
            last_anchor = index

    left: list[str] = []
    right: list[str] = []
    bottom = rows[0].bottom
    next_top = None
    for index, row in enumerate(rows):
        sides = _sides(row, boundary)
        if index > anchor_index:
            below_anchors = index > last_anchor
            if (
                sides is None
                or BODY_OPENING.search(row.segments()[0].text)
                or (below_anchors and sides[1])
                or (below_anchors and row.top - bottom > 2.5 * line_height)
            ):
                next_top = row.top
                break
        if sides is None:  # above the Quốc hiệu (a stamp line, a page banner): keep on the left
            left.append(" ".join(s.text for s in row.segments()))
        else:
            if sides[0]:
                left.append(" ".join(s.text for s in sides[0]))
            if sides[1]:
                right.append(" ".join(s.text for s in sides[1]))
        bottom = max(bottom, row.bottom)
    else:
        if len(rows) == max_rows:
            return None  # never ended: not a header block
    return HeaderColumns(left=left, right=right, bottom=bottom, next_top=next_top)


# A run of text in a space-aligned line: ends at three spaces, a tab, or the line end.
#   "      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI …" → two segments
_TEXT_SEGMENT = regex.compile(r"(?x) \S (?: [^\t]*? \S )? (?= \s{3,} | \t | \s* $ )")


def _text_segments(line: str) -> list[tuple[int, str]]:
    """(column, text) of each run; tabs count as eight columns. A run that goes on into the
    right column's text with a single space (``UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI …``) is
    cut where that text starts."""
    line = line.expandtabs(8)
    segments = []
    for m in _TEXT_SEGMENT.finditer(line):
        cuts = [0, *(c.start() for c in RIGHT_COLUMN_START.finditer(m.group())), len(m.group())]
        for start, end in zip(cuts, cuts[1:]):
            if m.group()[start:end].strip():
                segments.append((m.start() + start, m.group()[start:end].strip()))
    return segments


def split_text_header(lines: list[str], *, max_lines: int = 20) -> tuple[list[str], list[str], int] | None:
    """The header of a space- or tab-aligned text (Word paragraphs, .txt) as two columns.

    Returns (left lines, right lines, number of input lines used), or None when the
    opening lines do not hold the Quốc hiệu (or Party name) right of other text.
    """
    head = lines[:max_lines]
    column = anchor = None
    for index, line in enumerate(head):
        for start, text in _text_segments(line):
            if start > 0 and RIGHT_COLUMN_TOP.match(text):
                column, anchor = start, index
                break
        if column is not None:
            break
    if column is None:
        return None
    # Proportional fonts: a right-column run starts roughly under the Quốc hiệu, and
    # the left column's "Số:      /UBND-NC" may reach a little towards it.
    threshold = column * 0.8

    def sides(line: str) -> tuple[list[str], list[str]]:
        # The right column is the trailing runs: "Lâm Đồng, ngày      tháng 12 năm 2025"
        # has blanks as wide as the gap between the columns.
        segments = _text_segments(line)
        split = next((i for i, (start, _) in enumerate(segments) if start >= threshold), len(segments))
        return [text for _, text in segments[:split]], [text for _, text in segments[split:]]

    last_anchor = anchor
    for index in range(anchor, min(anchor + 6, len(head))):
        right_text = " ".join(sides(head[index])[1])
        if MOTTO.search(right_text) or PLACE_DATE.search(right_text):
            last_anchor = index

    left_lines: list[str] = []
    right_lines: list[str] = []
    used = 0
    for index, line in enumerate(head):
        left, right = sides(line)
        if index > last_anchor and (not line.strip() or right or BODY_OPENING.search(line.strip())):
            break
        if left:
            left_lines.append(" ".join(left))
        if right:
            right_lines.append(" ".join(right))
        used = index + 1
    return left_lines, right_lines, used


# Header blocks laid out as a table (Word, LibreOffice conversions, vbpl.vn pages):
# rows → cells → lines of the cell.


def is_header_table(rows: list[list[list[str]]]) -> bool:
    """A two-column table holding the Quốc hiệu (or Party name) or a place/date line."""
    if not rows or max(len(r) for r in rows) < 2:
        return False
    text = "\n".join(line.strip() for row in rows for cell in row for line in cell)
    return bool(RIGHT_COLUMN_TOP.search(text)) or any(
        PLACE_DATE.search(line.strip()) for row in rows for cell in row for line in cell
    )


def split_header_table(rows: list[list[list[str]]]) -> tuple[list[list[list[str]]], list[list[list[str]]]]:
    """(header rows, rows that are body): "Kính gửi: …" in a last row belongs to the body."""
    cut = next((i for i, row in enumerate(rows) if row and BODY_OPENING.search(" ".join(row[0]).strip())), len(rows))
    return rows[:cut], rows[cut:]


def _right_column(rows: list[list[list[str]]]) -> int:
    """The index of the header table's first right-block column: the one holding the Quốc hiệu,
    the motto or the place/date line (column 1 when none is found)."""
    found = [
        index
        for row in rows
        if len(row) >= 2
        for index, cell in enumerate(row)
        if index > 0
        and any(RIGHT_COLUMN_TOP.search(ln) or MOTTO.search(ln) or PLACE_DATE.search(ln.strip()) for ln in cell)
    ]
    return min(found, default=1)


def header_lines(rows: list[list[list[str]]]) -> list[str]:
    """The header table's left block lines, then its right block lines.

    The right block starts at the column of the Quốc hiệu: a joint document's bodies in
    cells of their own (``SỞ TƯ PHÁP`` | ``SỞ NỘI VỤ`` | ``CỘNG HÒA …``) all stay left.
    """
    boundary = _right_column(rows)
    left: list[str] = []
    right: list[str] = []
    for row in rows:
        cells = [cell for cell in row if any(line.strip() for line in cell)] or row[:1]
        if len(row) >= 2:
            cut = boundary if len(row) > boundary else 1
            for cell in row[:cut]:
                left.extend(cell)
            for cell in row[cut:]:
                right.extend(cell)
        else:
            left.extend(cells[0] if cells else [])
    return [line.strip() for line in left + right if line.strip()]
