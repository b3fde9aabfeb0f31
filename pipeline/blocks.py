"""The blocks at a document's foot, read again on their own: the signer block and the Nơi nhận list.

The signer block (authority lines, title, signature, name) sits right of the Nơi
nhận list, often under a red seal and crossed by the signature. Read with the
whole page, the seal's ring and lettering and the pen strokes merge with the
print and Tesseract loses letters and marks (``PHÓ CHỦ TỊC``, ``Trần Phước Hiên``).
So the block is found again on the rendered page (around a seal, else under its
first authority or title line), rendered in colour with every coloured stroke
whitened (seal ink, signature ink: print is black), and read as a block of lines
(:data:`PSM_BLOCK`). Each of its lines is then read once more on its own, as one
line (:data:`PSM_LINE`): a word whose two readings have the same letters and
differ only in their marks takes the more confident one.

The Nơi nhận list is printed small (11 pt) beside it; read alone as one uniform
block of lines (:data:`PSM_LIST`) it keeps letters the page's reading drops
(``PCVP(TTH)`` for ``PCVP(KTTH)``).

A block's words replace the page's in its region when they read at least as many
sure letters, with confidence.
"""

from __future__ import annotations

import regex

from vanban.extractors import knowledge

from .normalize import fold_diacritics
from .ocr_cache import read_cached
from .ocr_layout import visual_rows
from .page_image import GrayImage, render_colour
from .seals import find_seals
from .tesseract import OcrWord, mean_confidence, parse_tsv

PSM_BLOCK = 4  # the signer block read as one column of lines of varying size
PSM_LINE = 7  # one line of the signer block
PSM_LIST = 6  # the Nơi nhận list: one uniform block of left-aligned lines
PSM_SPARSE = 11  # a signer block whose layout Tesseract lost: words wherever they stand
BLOCK_MIN_LINES = 2  # a signer block holds at least its title and the signer's name
# How far the block reaches beyond a seal's box, in seal heights: the authority
# and title lines above it, the name below it; and left, in seal widths (a long
# authority line starts left of the seal).
SEAL_REACH_UP, SEAL_REACH_DOWN, SEAL_REACH_LEFT = 0.8, 0.6, 0.25
# Without a seal, the block runs from its first authority or title line down this
# share of the page height (the signature's space and the name under it).
ANCHOR_REACH_DOWN = 0.22
BLOCK_MIN_TOP = 0.2  # a signer block starts below the top fifth of a page (never in the header)
BLOCK_MIN_LEFT = 0.4  # … and right of this share of the page width
NAME_MIN_TOP = 0.3  # a signer's name stands below the top three tenths of a page
BLOCK_LINE_WORDS = 8  # an authority or title line is short: "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH"
# The block's reading replaces the page's only when its words are this confident (0–100).
BLOCK_MIN_CONFIDENCE = 70
# Words of the block's reading below this confidence, or without a letter or digit,
# are what is left of the signature strokes and the seal ("Jf4¿", "#?—"): dropped.
BLOCK_NOISE_CONFIDENCE = 30
# The space after an authority mark is at least this share of its word's height ("KT. CHỦ" 0.28;
# "KT.CỤC" printed joined 0.09), and starts within this share of the word's width (the mark's end).
MARK_SPACE = 0.18
MARK_END = 0.6
INK_GRAY = 128  # darker than this is ink
# An authority mark glued by Tesseract to the word after it: "KT.CHỦ", "TM.ỦY", "TL.CHỦ".
_GLUED_MARK = regex.compile(r"(?x) ^ (?P<mark> (?: KT | TM | TL | TUQ | Q ) \. ) \p{L}")
FAMILY_MIN_LETTERS = 4  # a family name this long is told from its misreadings by one letter ("Lê" is not)
# A pixel is coloured ink (a seal, a signature) when its channels spread at least
# this much (0–255) and its brightest channel reaches INK_MIN_BRIGHT: black print
# and the black-red of print under a seal stay; pink seal edges and blue pen go.
INK_MIN_SPREAD = 45
INK_MIN_BRIGHT = 110
# Pixels this close (pixels at 300 dpi) to coloured ink and lighter than
# FRINGE_MIN_GRAY are its anti-aliased fringe: whitened too.
FRINGE_REACH = 2
FRINGE_MIN_GRAY = 140
# Lighter than this is paper, or what a pale seal leaves in gray after its colour is gone.
PAPER_GRAY = 200

_SIGNATURE = knowledge.table("signature")
_FAMILY_LETTERS = {fold_diacritics(name).casefold() for name in _SIGNATURE["family_names"]}
# A person's name as printed under a signature: "Trần Ngọc Căng", "Nguyễn Văn A".
_PERSON_NAME = regex.compile(r"(?x) ^ \p{Lu}\p{Ll}* (?: [ ] \p{Lu}\p{Ll}* ){1,4} $")


def _alternatives(words: list[str]) -> str:
    folded = sorted({fold_diacritics(w).upper().rstrip(".") for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(part) for part in word.split()) for word in folded)


# The first line of a signer block as OCR reads it, marks ignored (folded):
# "KT. CHU TICH", "TM.UY BAN NHAN DAN", "T/M BAN CHAP HANH", "PHO GIAM DOC", "GIAM DOC".
_ANCHOR = regex.compile(
    rf"""(?x) ^ [^\p{{L}}]{{0,2}}
    (?: (?: {_alternatives(_SIGNATURE["authority_prefixes"])} ) \s* \.
      | (?: {_alternatives(_SIGNATURE["authority_prefixes_slashed"])} ) \s
      | (?: PHO \s+ | QUYEN \s+ )? (?: {_alternatives(_SIGNATURE["titles"])} ) (?![\p{{L}}]) )
    """
)

Box = tuple[int, int, int, int]  # left, top, right, bottom (pixels)


# A Nơi nhận list runs at most this share of the page height below its label.
LIST_REACH_DOWN = 0.3
# The list's reading takes a word's marks over the page's only when more confident by this much
# ("đốc" 96 over "đôc" 88, not "phó" 94 over "phố" 91): both read the same small print.
LIST_MARKS_MARGIN = 5
# A line reaching past this share of the page width is body text: the list ended above it.
LIST_MAX_RIGHT = 0.6
# A gap this many line heights tall between two of its lines ends the list.
LIST_MAX_GAP = 3.0
# "Nơi nhận:" as OCR reads it, marks ignored: "NOI NHAN:", "Noi nhan", "oi nhận".
_LIST_LABEL = regex.compile(r"(?xi) ^ [^\p{L}]{0,2} n? [o0]i \s* nh[a4]n (?![\p{L}])")


def with_blocks_read_alone(
    page, words: list[OcrWord], page_width: int, page_height: int
) -> tuple[list[OcrWord], list[Box]]:
    """The page's words, with the signer blocks' and the Nơi nhận list's words taken from their own
    readings where those read better; and those blocks' regions."""
    signers = signer_regions(page, words, page_width, page_height)
    lists = list_regions(words, page_width, page_height, signers)
    for region in signers:
        words = _replaced(words, region, _read_signer_block(page, region, words))
    for region in lists:
        if any(w.confidence < TITLE_SURE for w in words if inside(w, region) and _letters(w.text)):
            words = _replaced(words, region, _read_list(page, region, words))
    return words, signers + lists


def _replaced(words: list[OcrWord], region: Box, read: list[OcrWord]) -> list[OcrWord]:
    return [w for w in words if not inside(w, region)] + read


def signer_regions(page, words: list[OcrWord], page_width: int, page_height: int) -> list[Box]:
    """The signer blocks on a page: around each red seal, and under each authority or title line
    in the right column that no seal's block holds."""
    regions = []
    for left, top, right, bottom in find_seals(page):
        size_x, size_y = right - left, bottom - top
        reach = (SEAL_REACH_UP * size_y, SEAL_REACH_DOWN * size_y, SEAL_REACH_LEFT * size_x)
        regions.append(_region((left, top, right, bottom), reach, words, page_width, page_height))
    for anchor in _anchors(words, page_width, page_height):
        if not any(inside(anchor, region) for region in regions):
            box = (anchor.left, anchor.top, anchor.right, anchor.bottom)
            reach = (0.5 * (anchor.bottom - anchor.top), ANCHOR_REACH_DOWN * page_height, 0.03 * page_width)
            regions.append(_region(box, reach, words, page_width, page_height))
    for name in _name_lines(words, page_width, page_height):
        if not any(inside(name, region) for region in regions):
            # A block whose title the page lost under a black seal: up from the signer's name.
            box = (name.left, name.top, name.right, name.bottom)
            reach = (ANCHOR_REACH_DOWN * page_height, 0.5 * (name.bottom - name.top), 0.1 * page_width)
            regions.append(_region(box, reach, words, page_width, page_height))
    return regions


def _name_lines(words: list[OcrWord], page_width: int, page_height: int) -> list[OcrWord]:
    """Lines in the right column of a page's lower part that read as a person's name (two to five
    capitalised words opening with a family name): "Trần Ngọc Căng", a scan's '"Trân Ngọc Căng'."""
    found = []
    for row in visual_rows(words, page_width):
        if row.top < NAME_MIN_TOP * page_height:
            continue
        for segment in row.segments:
            left, right = segment[0].left, max(w.right for w in segment)
            text = " ".join(w.text for w in segment).strip("\"'“”‘’.,:;-_ ")
            first = fold_diacritics(text.split(" ", 1)[0]).casefold()
            if left >= BLOCK_MIN_LEFT * page_width and _PERSON_NAME.match(text) and first in _FAMILY_LETTERS:
                found.append(OcrWord(text, left, row.top, right, row.bottom, 0.0, segment[0].line_key))
    return found


def _anchors(words: list[OcrWord], page_width: int, page_height: int) -> list[OcrWord]:
    """The first authority or title line of each signer block in the right column, as one box."""
    anchors: list[OcrWord] = []
    for row in visual_rows(words, page_width):
        if row.top < BLOCK_MIN_TOP * page_height:
            continue
        for segment in row.segments:
            left, right = segment[0].left, max(w.right for w in segment)
            printed = " ".join(w.text for w in segment)
            if left < BLOCK_MIN_LEFT * page_width or not _is_block_line(printed):
                continue
            if anchors and row.top - anchors[-1].bottom < ANCHOR_REACH_DOWN * page_height:
                continue  # a line of the block already found ("KT. CHỦ TỊCH" under "TM. ỦY BAN")
            anchors.append(OcrWord(printed, left, row.top, right, row.bottom, 0.0, segment[0].line_key))
    return anchors


def _is_block_line(text: str) -> bool:
    """An authority or title line as printed: upper case, a few words, opening with a known mark or title."""
    letters = [c for c in text if c.isalpha()]
    short = len(text.split()) <= BLOCK_LINE_WORDS
    upper = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return short and upper and _ANCHOR.match(fold_diacritics(text).upper()) is not None


def _region(
    core: Box, reach: tuple[float, float, float], words: list[OcrWord], page_width: int, page_height: int
) -> Box:
    """The block around ``core`` reaching (up, down, left) beyond it, right column only.

    The block stops at the first line above or below it that runs across its left
    edge (body text, a table row); the Nơi nhận column beside it is left out.
    """
    left, top, right, bottom = core
    reach_up, reach_down, reach_left = reach
    edge = max(left - reach_left, 0.4 * page_width)
    upper, lower = top - reach_up, bottom + reach_down
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


def without_colour_ink(colour) -> GrayImage:
    """A colour crop in gray with its coloured ink (seal, signature), that ink's fringe and the
    paper's pale marks whitened."""
    import numpy as np

    rgb = np.asarray(colour.convert("RGB"))
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    high = np.maximum(np.maximum(red, green), blue)
    spread = high - np.minimum(np.minimum(red, green), blue)
    ink = (spread >= INK_MIN_SPREAD) & (high >= INK_MIN_BRIGHT)
    near = _grown(ink, FRINGE_REACH)
    gray = np.asarray(colour.convert("L")).copy()
    gray[ink | (near & (gray > FRINGE_MIN_GRAY)) | (gray > PAPER_GRAY)] = 255
    return GrayImage(gray.tobytes(), gray.shape[1], gray.shape[0])


def _grown(mask, reach: int):
    """``mask`` grown by ``reach`` pixels every way (a square), rows then columns."""

    rows = mask.copy()
    for shift in range(1, reach + 1):
        rows[:, shift:] |= mask[:, :-shift]
        rows[:, :-shift] |= mask[:, shift:]
    grown = rows.copy()
    for shift in range(1, reach + 1):
        grown[shift:] |= rows[:-shift]
        grown[:-shift] |= rows[shift:]
    return grown


def list_regions(words: list[OcrWord], page_width: int, page_height: int, beside: list[Box]) -> list[Box]:
    """The Nơi nhận lists on a page: from the label down its column, up to the signer block beside it."""
    rows = visual_rows(words, page_width)
    regions = []
    for index, row in enumerate(rows):
        label = row.segments[0]
        if not _LIST_LABEL.match(fold_diacritics(" ".join(w.text for w in label))):
            continue
        if (label[0].left + max(w.right for w in label)) / 2 > page_width / 2:
            continue
        left, top = label[0].left, row.top
        right, bottom = max(w.right for w in label), row.bottom
        line_height = row.bottom - row.top
        for below in rows[index + 1 :]:
            first = below.segments[0]
            crossing = first[0].left < LIST_MAX_RIGHT * page_width < max(w.right for w in first)
            too_far = below.top - bottom > LIST_MAX_GAP * line_height or below.top > top + LIST_REACH_DOWN * page_height
            if crossing or too_far:
                break
            if (first[0].left + max(w.right for w in first)) / 2 < page_width / 2:
                right, bottom = max(right, max(w.right for w in first)), below.bottom
        edge = min([r[0] for r in beside if r[1] < bottom and r[3] > top] + [page_width // 2 + page_width // 20])
        # The label itself ("Nơi nhận:", bold italic) stays as the page read it: read alone it
        # comes out worse ("PÀ HHạn:"); the list starts under it.
        pad = line_height // 2
        box = (max(0, left - pad), row.bottom + 1, min(right + pad, edge), min(page_height, bottom + pad))
        if box[2] > box[0] and box[3] > box[1]:
            regions.append(box)
    return regions


def _read_list(page, region: Box, words: list[OcrWord]) -> list[OcrWord]:
    """The Nơi nhận list's words in page pixels, from its own reading and the page's (:func:`_accepted`)."""
    clean = without_colour_ink(render_colour(page, region, stamps=False))
    tsv, _ = read_cached(clean, "recipients-list", PSM_LIST)
    return _accepted(parse_tsv(tsv), region, words, margin=LIST_MARKS_MARGIN)


def _read_signer_block(page, region: Box, words: list[OcrWord]) -> list[OcrWord]:
    """The block's words in page pixels, from its clean crop's reading and the page's (:func:`_accepted`).

    A block read as fewer than two lines lost one: Tesseract's layout took a line
    crossed by the signature's stroke for a picture ("BỘ TRƯỞNG" under a flourish).
    It is read again as sparse text (:data:`PSM_SPARSE`), which looks for words
    anywhere, and the lines that reading finds where the block's reading has none
    join it (the lines both found stay the block's).
    """
    clean = without_colour_ink(render_colour(page, region, stamps=False))
    tsv, _ = read_cached(clean, "signer-block", PSM_BLOCK)
    read = _block_words(parse_tsv(tsv))
    if len(_lines(read)) < BLOCK_MIN_LINES:
        sparse, _ = read_cached(clean, "signer-block", PSM_SPARSE)
        block = 1 + max((w.line_key[0] for w in read), default=0)
        for line in _lines(_block_words(parse_tsv(sparse))):
            if not any(_band(read, line)) and _sure_letters(line):
                read += [OcrWord(w.text, w.left, w.top, w.right, w.bottom, w.confidence, (block, 1, 1)) for w in line]
                block += 1
    return _with_mark_spaces(clean, region, _accepted(_with_line_readings(clean, read), region, words))


def _with_mark_spaces(clean: GrayImage, region: Box, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with an authority mark Tesseract glued to the word after it parted where the page
    shows a space after its dot: "KT.CHỦ" over "KT. CHỦ TỊCH" → "KT." "CHỦ"; "KT.CỤC TRƯỞNG" printed
    joined stays joined."""
    import numpy as np

    pixels = np.frombuffer(clean.pixels, dtype=np.uint8).reshape(clean.height, clean.width)
    out = []
    for word in words:
        glued = _GLUED_MARK.match(word.text)
        top, bottom = word.top - region[1], word.bottom - region[1]
        left, right = word.left - region[0], word.right - region[0]
        if not glued or top < 0 or left < 0 or bottom > clean.height or right > clean.width:
            out.append(word)
            continue
        ink = (pixels[top:bottom, left:right] < INK_GRAY).any(axis=0)
        gap = _space_after_dot(ink, bottom - top)
        if gap is None:
            out.append(word)
            continue
        cut = len(glued["mark"])
        out += [
            OcrWord(
                word.text[:cut], word.left, word.top, word.left + gap[0], word.bottom, word.confidence, word.line_key
            ),
            OcrWord(
                word.text[cut:], word.left + gap[1], word.top, word.right, word.bottom, word.confidence, word.line_key
            ),
        ]
    return out


def _space_after_dot(ink, height: int) -> tuple[int, int] | None:
    """(start, end) columns of the space after an authority mark in a word's ink columns, or None: the
    widest run of blank columns inside the word, when it is as wide as a space (:data:`MARK_SPACE`
    of the word's height) and stands in the word's first part, where the mark ends."""
    runs, start = [], None
    for column, inked in enumerate(list(ink) + [True]):
        if not inked and start is None:
            start = column
        elif inked and start is not None:
            runs.append((start, column))
            start = None
    inner = [(a, b) for a, b in runs if a > 0 and b < len(ink)]
    if not inner:
        return None
    widest = max(inner, key=lambda run: run[1] - run[0])
    if widest[1] - widest[0] < MARK_SPACE * height or widest[0] > MARK_END * len(ink):
        return None
    return widest


def _block_words(read: list[OcrWord]) -> list[OcrWord]:
    """A block's words without what is left of the signature strokes and the seal (a family name
    one letter off, under the seal's edge, is the family name: :func:`_family_name`)."""
    kept = []
    for line in _lines(read):
        line = sorted(line, key=lambda w: w.left)
        first = _family_name(line)
        if first is not None:
            line[0] = first
        kept += [w for w in line if w.confidence >= BLOCK_NOISE_CONFIDENCE and any(c.isalnum() for c in w.text)]
    return kept


def _family_name(line: list[OcrWord]) -> OcrWord | None:
    """The first word of a signer's name line as the family name it misreads by one letter, or None.

    "Nsuyễn Kim Sơn": the seal's ring took the g of Nguyễn and Tesseract gave the
    word no confidence. It is taken for a family name only when the rest of the
    line is capitalised words read sure, the word differs from one family name of
    :data:`FAMILY_MIN_LETTERS` letters or more by one letter (its marks alike), and
    from no other.
    """
    first, rest = line[0], line[1:]
    if first.confidence >= BLOCK_NOISE_CONFIDENCE or not rest:
        return None
    if not all(w.text[:1].isupper() and w.confidence >= BLOCK_MIN_CONFIDENCE for w in rest):
        return None
    text = first.text.casefold()
    near = [
        name
        for name in _SIGNATURE["family_names"]
        if len(name) >= FAMILY_MIN_LETTERS
        and len(name) == len(text)
        and sum(a != b for a, b in zip(name.casefold(), text)) == 1
    ]
    if len(near) != 1:
        return None
    return OcrWord(near[0], first.left, first.top, first.right, first.bottom, BLOCK_NOISE_CONFIDENCE, first.line_key)


def _accepted(read: list[OcrWord], region: Box, words: list[OcrWord], margin: float = 0) -> list[OcrWord]:
    """The region's words: its own reading (in page pixels) where that reads at least as many sure
    letters as the page's words there, with confidence; else the page's words. Either way a word
    the other reading read with the same letters and more confidence takes its marks."""
    left, top = region[0], region[1]
    block = 1 + max((w.line_key[0] for w in words), default=0)
    read = [w.placed(left, top, block) for w in read]
    replaced = [w for w in words if inside(w, region)]
    confidence = mean_confidence(read)
    if confidence is None or confidence < BLOCK_MIN_CONFIDENCE or _sure_letters(read) < _sure_letters(replaced):
        return [word for line in _lines(replaced) for word in _surer_marks(line, _band(read, line), margin=margin)]
    return [
        word
        for line in _lines(read)
        for word in _surer_marks(line, _band(replaced, line), spacing_from_again=True, margin=-margin)
    ]


def _band(words: list[OcrWord], line: list[OcrWord]) -> list[OcrWord]:
    """The words of another reading on ``line``'s band, left to right."""
    top, bottom = min(w.top for w in line), max(w.bottom for w in line)
    return sorted((w for w in words if top <= (w.top + w.bottom) / 2 <= bottom), key=lambda w: w.left)


def _lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line_key, []).append(word)
    return list(lines.values())


def _surer_marks(
    line: list[OcrWord], again: list[OcrWord], spacing_from_again: bool = False, margin: float = 0
) -> list[OcrWord]:
    """``line`` with each word's marks from ``again`` (another reading of the same line) where both
    have the same words with the same letters and signs and ``again`` is the more confident (by more
    than ``margin``).

    With ``spacing_from_again``, a line whose letters ``again`` read alike but cut into other
    words takes ``again``'s words: the page's reading, which measured the gap after
    ``TM.`` among all the page's gaps, over a crop's ``TM.ỦY``.
    """
    again = [w for w in again if _letters(w.text)]
    kept = [w for w in line if _letters(w.text)]  # dashes and specks are not compared
    if len(again) != len(kept):
        same = _letters("".join(w.text for w in kept)) == _letters("".join(w.text for w in again))
        if spacing_from_again and same:
            marks = [w for w in line if not _letters(w.text)]
            key = line[0].line_key
            return marks + [OcrWord(w.text, w.left, w.top, w.right, w.bottom, w.confidence, key) for w in again]
        return line
    better = {
        id(first): second
        for first, second in zip(kept, again)
        if _unmarked(first.text) == _unmarked(second.text) and second.confidence > first.confidence + margin
    }
    return [
        OcrWord(better[id(w)].text, w.left, w.top, w.right, w.bottom, better[id(w)].confidence, w.line_key)
        if id(w) in better
        else w
        for w in line
    ]


def _with_line_readings(image: GrayImage, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with each line read again alone: where both readings have the same letters, the more
    confident marks win ("Hiên" 94 → "Hiền" 96)."""
    from PIL import Image

    whole = Image.frombytes("L", (image.width, image.height), image.pixels)
    out: list[OcrWord] = []
    for line in _lines(words):
        pad = (max(w.bottom for w in line) - min(w.top for w in line)) // 4 + 4
        box = (
            max(0, min(w.left for w in line) - pad),
            max(0, min(w.top for w in line) - pad),
            min(image.width, max(w.right for w in line) + pad),
            min(image.height, max(w.bottom for w in line) + pad),
        )
        piece = whole.crop(box)
        tsv, _ = read_cached(GrayImage(piece.tobytes(), piece.width, piece.height), "signer-line", PSM_LINE)
        out += _surer_marks(line, parse_tsv(tsv))
    return out


def _unmarked(text: str) -> str:
    """``text`` without its marks: two readings with the same letters and signs ("ĐỐC", "ĐÓC"), not
    one with a sign more ("ĐỌC:")."""
    return fold_diacritics(text).casefold()


def _letters(text: str) -> str:
    """The letters and digits of ``text``, marks and case ignored."""
    return "".join(c for c in fold_diacritics(text).casefold() if c.isalnum())


def _sure_letters(words: list[OcrWord]) -> int:
    """Letters and digits in the words read with at least :data:`BLOCK_MIN_CONFIDENCE`."""
    return sum(c.isalnum() for w in words if w.confidence >= BLOCK_MIN_CONFIDENCE for c in w.text)


def inside(word: OcrWord, region: Box) -> bool:
    """Whether the word's centre lies in ``region`` (left, top, right, bottom)."""
    x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
    return region[0] <= x <= region[2] and region[1] <= y <= region[3]


# --- The trích yếu lines of page 1 ----------------------------------------------------
#
# The type name and the trích yếu under it (bold, centred), and a công văn's "V/v …"
# lines in the left column, lose marks in the page's reading ("địa điềm tô chức …
# lân thứ"). Each of their lines is read again alone, at its size and one and a half
# times larger, and a word takes the marks both those readings agree on.

TITLE_SCALES = (1.0, 1.5)  # each line is read alone at its size and half as large again
TITLE_REACH = 0.45  # share of page 1's height where the type name and trích yếu can be
TITLE_LINES = 5  # lines of trích yếu under the type name
TITLE_MAX_GAP = 1.2  # in line heights: a wider gap ends the trích yếu
TITLE_SURE = 95  # a line (or list) whose every word the page read this confidently is not read again
TITLE_MARKS_REACH = 0.45  # in line heights: how far above its letters a line's tone marks may stand
TITLE_MIN_REACH = 0.15  # … and the least a line's crop reaches beyond its letters' boxes
_TYPE_NAMES = {fold_diacritics(t["name"]).upper() for t in knowledge.table("doc_types")["types"]}
# The body opening under the trích yếu: "Căn cứ …", "Kính gửi: …", "Thực hiện …".
_BODY_START = regex.compile(r"(?xi) ^ \W{0,3} (?: căn \s+ cứ | kính \s+ gửi | thực \s+ hiện | theo \s | xét \s )")
# A công văn's trích yếu in the header's left column: "V/v tham gia ý kiến …".
_VV_LINE = regex.compile(r"(?xi) ^ \W{0,3} v \s* / \s* v \b")


def with_title_lines_read_alone(page: GrayImage, words: list[OcrWord]) -> list[OcrWord]:
    """Page 1's words with the trích yếu's and the V/v lines' marks taken from each line's own
    readings where two of them agree against the page's."""
    from PIL import Image

    whole = Image.frombytes("L", (page.width, page.height), page.pixels)
    better: dict[int, OcrWord] = {}
    for segment in _title_segments(words, page.width, page.height):
        if all(w.confidence >= TITLE_SURE for w in segment if _letters(w.text)):
            continue  # every word read sure: not worth two more readings
        box = _line_box(segment, words, page)
        piece = whole.crop(box)
        readings = []
        for scale in TITLE_SCALES:
            readings.append(_read_line(piece, box, scale))
            if not _agreed_marks(segment, readings):
                break  # this reading already agrees with the page's marks: nothing to confirm
        else:
            better.update(_agreed_marks(segment, readings))
    return [better.get(id(w), w) for w in words]


# --- Header lines the page's reading garbled -----------------------------------------
#
# Tesseract sometimes takes a header line of one column and the line of the other
# column beside it, a little lower, for one skewed line, and reads the first as
# noise: "Số: 3588/QĐ-BGDĐT" beside "Hà Nội, ngày 26 …" read "Đột đa GỊ NộE)611-018 L",
# every word under 55. Such a segment is read again alone, as one line.

GARBLED_CONFIDENCE = 50  # a header segment whose words average under this was read as noise
GARBLED_REACH = 0.3  # share of page 1's height where the header's lines are
GARBLED_MIN_WORDS = 2  # a lone weak word is a pen figure or a speck, not a garbled line
# The segment's own reading replaces the page's when its words average this much.
GARBLED_READ_CONFIDENCE = 75


def with_garbled_header_lines_read_alone(page: GrayImage, words: list[OcrWord]) -> list[OcrWord]:
    """Page 1's words with each header segment the page read as noise replaced by its own reading
    as one line, where that reads with confidence."""
    from PIL import Image

    whole: Image.Image | None = None
    block = 1 + max((w.line_key[0] for w in words), default=0)
    for row in visual_rows(words, page.width):
        if row.top > GARBLED_REACH * page.height:
            break
        for segment in row.segments:
            confidence = mean_confidence(segment)
            if len(segment) < GARBLED_MIN_WORDS or confidence is None or confidence >= GARBLED_CONFIDENCE:
                continue
            whole = whole or Image.frombytes("L", (page.width, page.height), page.pixels)
            box = _line_box(segment, words, page)
            read = [w for w in _read_line(whole.crop(box), box, 1.0, "garbled-line") if w.text.strip()]
            again = mean_confidence(read)
            if again is None or again < GARBLED_READ_CONFIDENCE:
                continue
            gone = {id(w) for w in segment}
            words = [w for w in words if id(w) not in gone] + [
                OcrWord(w.text, w.left, w.top, w.right, w.bottom, w.confidence, (block, 1, 1)) for w in read
            ]
            block += 1
    return words


def _read_line(piece, box: tuple[int, int, int, int], scale: float, region: str = "title-line") -> list[OcrWord]:
    """One line's crop read alone at ``scale`` times its size, in page pixels."""
    from PIL import Image

    if scale != 1:
        piece = piece.resize((round(piece.width * scale), round(piece.height * scale)), Image.LANCZOS)
    image = GrayImage(piece.tobytes(), piece.width, piece.height)
    tsv, _ = read_cached(image, region, PSM_LINE, dpi=round(300 * scale))
    left, top = box[0], box[1]
    return [
        OcrWord(
            w.text,
            left + round(w.left / scale),
            top + round(w.top / scale),
            left + round(w.right / scale),
            top + round(w.bottom / scale),
            w.confidence,
            w.line_key,
        )
        for w in parse_tsv(tsv)
    ]


def _line_box(segment: list[OcrWord], words: list[OcrWord], page: GrayImage) -> tuple[int, int, int, int]:
    """The segment's box, reaching up for its tone marks (a bold line's marks stand high above the
    letters' boxes) and down for its descenders, into the gaps to the lines above and below it
    (two thirds of the gap above, where the marks are; half the gap below)."""
    left, right = segment[0].left, max(w.right for w in segment)
    top, bottom = min(w.top for w in segment), max(w.bottom for w in segment)
    height = bottom - top
    beside = [w for w in words if w.left < right and w.right > left and w not in segment]
    above = max((w.bottom for w in beside if w.bottom <= top), default=0)
    below = min((w.top for w in beside if w.top >= bottom), default=page.height)
    reach_up = min(TITLE_MARKS_REACH * height, max(2 * (top - above) / 3, TITLE_MIN_REACH * height))
    reach_down = min(0.25 * height, max((below - bottom) / 2, TITLE_MIN_REACH * height))
    margin = height // 2
    return (
        max(0, left - margin),
        max(0, round(top - reach_up)),
        min(page.width, right + margin),
        min(page.height, round(bottom + reach_down)),
    )


def _agreed_marks(line: list[OcrWord], readings: list[list[OcrWord]]) -> dict[int, OcrWord]:
    """Words of ``line`` (by id) to take other marks: where every one of ``readings`` read the word
    with the same letters and signs, and all of them with the same marks, other than the page's.
    Words are paired by their letters, so a speck one reading adds ("_Về") shifts nothing."""
    from difflib import SequenceMatcher

    first = [w for w in line if _letters(w.text)]
    votes: dict[int, list[OcrWord]] = {}
    for reading in readings:
        second = [w for w in reading if _letters(w.text)]
        pairs = SequenceMatcher(
            None, [_unmarked(w.text) for w in first], [_unmarked(w.text) for w in second], autojunk=False
        )
        for block in pairs.get_matching_blocks():
            for page_word, line_word in zip(
                first[block.a : block.a + block.size], second[block.b : block.b + block.size]
            ):
                votes.setdefault(id(page_word), []).append(line_word)
    better = {}
    for page_word in first:
        seen = votes.get(id(page_word), [])
        texts = {w.text for w in seen}
        if len(seen) == len(readings) and len(texts) == 1 and page_word.text not in texts:
            text = texts.pop()
            confidence = min(w.confidence for w in seen)
            better[id(page_word)] = OcrWord(
                text, page_word.left, page_word.top, page_word.right, page_word.bottom, confidence, page_word.line_key
            )
    return better


def _title_segments(words: list[OcrWord], page_width: int, page_height: int) -> list[list[OcrWord]]:
    """The trích yếu's lines under the type name (not those in capitals), and the V/v lines, as row
    segments."""
    rows = [row for row in visual_rows(words, page_width) if row.top < TITLE_REACH * page_height]
    found: list[list[OcrWord]] = []
    for index, row in enumerate(rows):
        texts = [" ".join(w.text for w in segment) for segment in row.segments]
        if any(_VV_LINE.match(text) for text in texts):
            vv = next(seg for seg, text in zip(row.segments, texts) if _VV_LINE.match(text))
            found.append(vv)
            bottom, edge = row.bottom, max(w.right for w in vv)
            for below in rows[index + 1 : index + 1 + TITLE_LINES]:
                first = below.segments[0]
                if below.top - bottom > TITLE_MAX_GAP * (row.bottom - row.top) or first[0].left > edge:
                    break
                if max(w.right for w in first) <= edge + 0.05 * page_width:
                    found.append(first)
                    bottom = below.bottom
        if len(row.segments) == 1 and fold_diacritics(texts[0]).upper().strip(" :") in _TYPE_NAMES:
            bottom = row.bottom
            for below in rows[index + 1 : index + 1 + TITLE_LINES]:
                text = " ".join(w.text for segment in below.segments for w in segment)
                if below.top - bottom > TITLE_MAX_GAP * (row.bottom - row.top) or _BODY_START.match(text):
                    break
                found += [segment for segment in below.segments if not _in_capitals(segment)]
                bottom = below.bottom
            break
    return found


def _in_capitals(segment: list[OcrWord]) -> bool:
    """A line printed in capitals ("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"): read by its letters, marks aside."""
    letters = [c for w in segment for c in w.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
