"""The number and day written by hand into page 1's ``Số:      /TTr-CAT`` and ``ngày    tháng``.

Many offices print the Số and ngày slots blank and fill them by pen (or a
numbering stamp) once the document is signed. Tesseract's Vietnamese model reads
pen figures as anything (``23§ÿÿ``, ``Z⁄``), glues them to the words beside them
(``ngày4†tháng``), drops them altogether, and some of its readings look like
numbers (``4ZZ`` → 422 for a written 519, ``3 49`` for 3980).

So each slot is found on page 1 from the words around it (``Số:`` … ``/``,
``ngày`` … ``tháng``) and settled:

* printed digits read with confidence stand;
* otherwise, when the slot holds ink, the slot alone is read again by four
  readers (the English digit model and the Vietnamese model restricted to digits,
  each as one line and as one word). A value stands when the page model's digits
  agree with the English digit model's word reading, or when three of the five
  readings (the page model's and the four) agree (a day must also be 1–31);
* a day the page model read as digits and bars (``3|`` → 31) stands when no two
  readers read another value;
* otherwise the slot is left blank, as the contract wants for a value the page
  does not show legibly, and what the readers saw of a number is kept
  (``OcrInfo.unread_number``): the extractor may find it confirmed by the file's
  name (``extractors/file_name.py``).
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from statistics import median

import regex

from .ocr_cache import read_cached
from .ocr_correct import STRONG_DIGITS, as_digits
from .page_image import GrayImage, crop
from .pen_digits import PenReading, read_pen_digits
from .tesseract import OcrWord, Reading, installed_languages, parse_tsv

# The English model restricted to digits reads pen and italic figures that ``vie``
# takes for letters (``19`` read ``79``, ``28`` read ``2#``, ``15`` read ``1Š``).
DIGITS_ONLY = Reading("eng", (("tessedit_char_whitelist", "0123456789"),))
# The Vietnamese model restricted to digits: a second opinion with other errors.
VIE_DIGITS = Reading("vie", (("tessedit_char_whitelist", "0123456789"),))
PSM_LINE = 7  # the crop holds one line
PSM_WORD = 8  # the crop holds one word
# The four readers of a slot, and how many of them must agree on a value.
READERS = ((DIGITS_ONLY, PSM_LINE), (DIGITS_ONLY, PSM_WORD), (VIE_DIGITS, PSM_LINE), (VIE_DIGITS, PSM_WORD))
READERS_AGREEING = 3

SURE_CONFIDENCE = 85  # printed numbers read 90+; pen figures rarely above 65
SLOT_REACH = 0.40  # share of the page height where page 1's Số and date lines can be
SLOT_WORDS = 3  # words after the label that may hold the value before the slot's end
# Pen figures stand above and below the printed line: the slot is read this many
# line heights above and below the line's box.
PEN_REACH_UP, PEN_REACH_DOWN = 0.6, 0.4
# A slot holds ink when this share of its pixels is dark (below INK_GRAY): a pen
# figure covers 3–15 %, a scanner's specks well under 1 %.
INK_SHARE = 0.015
INK_GRAY = 128
LONGEST_NUMBER = 6
# The pen reader is sure of a figure when its one-against-one margins over every other class reach
# this (an SVM's decision values: correct pen figures mostly 0.2–1.3, wrong ones under 0.12).
PEN_SURE_MARGIN = 0.15
MIN_GAP = 8  # pixels: a slot narrower than this between its label and its end holds no figure
# A word box this many times wider than its letters measured at the line's width per letter holds
# more than print: pen strokes Tesseract took into it.
STRETCHED = 1.4
PRINT_CONFIDENCE = 80  # a word read this surely is print, for measuring the line's letters

# "Số:", "Só", "SỐ:" opening the number slot; never "Sóc Trăng", "Số lượng", nor a body's "số 303/2025/NĐ-CP".
_SO_LABEL = regex.compile(r"^S[ốôóoỐÔÓO](?!\p{L})\s*[:.]*")
# The end of the number slot: the symbol's slash, or a Party form's dash before letters.
#   "2388/C04-P6" → "/", "391-TTr/VTCCB" → "-"
_NUMBER_END = regex.compile(r"/|-(?=\p{L})")
# The month and year after the day slot, as read: "tháng 02 năm 2025", "thang 4 nam 2018".
_MONTH_YEAR = regex.compile(
    r"""(?x) (?i: th[aáàạảãâấầậẩẫoóòọỏõ]ng ) \s* (?P<month> \d{1,2} )
    (?: \s* (?i: n[aăắằặẳẵâ]m ) \s* (?P<year> (?:19|20) \d\d ) )?"""
)
# "ngày" opening the day slot, glued to what follows or not: "ngày", "ngày4†tháng", "Ngày17".
_DAY_LABEL = regex.compile(r"^(?i:ngày)")
# The end of the day slot: the month word, as read ("tháng", "thang", "thóng").
_DAY_END = regex.compile(r"(?i)th[aáàạảãâấầậẩẫoóòọỏõ]ng")


@dataclass
class Slot:
    """The characters between a slot's label and its end, as (word index, start, end) pieces."""

    pieces: list[tuple[int, int, int]]
    text: str  # what the page model read there ("" when it read nothing)
    confidence: float  # the lowest confidence of the words it came from
    box: tuple[int, int, int, int]  # the slot's box on the page (pixels): left, top, right, bottom
    line_key: tuple[int, int, int]  # the line it sits on
    gap: tuple[int, int, int, int]  # from the label's end to the slot's end, the label's height


def find_number_slot(words: list[OcrWord], page_height: int) -> Slot | None:
    """The number slot of page 1's ``Số: ___/SYMBOL`` (or ``___-TYPE/…``), or None when no Số line ends in a symbol."""
    return _find_slot(words, page_height, _SO_LABEL, _NUMBER_END, party_dash=True)


def find_day_slot(words: list[OcrWord], page_height: int) -> Slot | None:
    """The day slot of page 1's ``ngày ___ tháng``, or None when no such line is read."""
    return _find_slot(words, page_height, _DAY_LABEL, _DAY_END, party_dash=False)


def _find_slot(
    words: list[OcrWord], page_height: int, label_pattern: regex.Pattern, end_pattern: regex.Pattern, party_dash: bool
) -> Slot | None:
    for i, word in enumerate(words):
        if word.top > page_height * SLOT_REACH:
            continue
        label = label_pattern.match(word.text)
        if not label:
            continue
        pieces, start = [], label.end()
        for j, other in enumerate([word, *words[i + 1 : i + 1 + SLOT_WORDS]], start=i):
            if other.line_key != word.line_key:
                break
            begin = start if other is word else 0
            cut = end_pattern.search(other.text, begin)
            if party_dash and cut and cut.group() == "-" and regex.search(r"\p{L}{2}", other.text[begin : cut.start()]):
                cut = None  # "Só:%CAT-PA05": the symbol's own dash, its slash lost; no slot to read
            end = cut.start() if cut else len(other.text)
            if end > begin:
                pieces.append((j, begin, end))
            if cut:
                return _slot(words, pieces, (i, label.end()), (j, cut.start()))
    return None


def _slot(
    words: list[OcrWord], pieces: list[tuple[int, int, int]], after: tuple[int, int], before: tuple[int, int]
) -> Slot:
    """The slot from its pieces; with none, the gap between the label's end and the slot's end."""
    label, end = words[after[0]], words[before[0]]
    gap = _gap(words, label, after[1], end, before[1])
    if pieces:
        spans = [(_piece_box(words[k], a, b), words[k]) for k, a, b in pieces]
        left, right = min(x for (x, _), _w in spans), max(x for (_, x), _w in spans)
        top, bottom = min(w.top for _, w in spans), max(w.bottom for _, w in spans)
        text = "".join(words[k].text[a:b] for k, a, b in pieces)
        confidence = min(words[k].confidence for k, _, _ in pieces)
    else:
        left = _piece_box(label, after[1], after[1])[0]
        right = _piece_box(end, before[1], before[1])[0]
        top, bottom = min(label.top, end.top), max(label.bottom, end.bottom)
        text, confidence = "", 0.0
    return Slot(pieces, text, confidence, (left, top, right, bottom), label.line_key, gap)


def _gap(
    words: list[OcrWord], label: OcrWord, label_end: int, end: OcrWord, end_start: int
) -> tuple[int, int, int, int]:
    """The slot's box from the label's printed end to the printed start of what follows it.

    A word's box is exact where the word is print alone (``Số:``, ``/CT-UBND``);
    where Tesseract glued pen figures to it (``ngày0B``, ``Á$3/KH-DCT``) or
    stretched it over them (``ngày`` 170 pixels wide over a written 10), the
    printed part is measured with the line's own width per letter, from the
    word's printed side.
    """
    letter = _letter_width(words, label.line_key)
    printed = label_end * letter
    if label_end == len(label.text) and label.right - label.left <= STRETCHED * printed:
        left = label.right
    else:
        left = round(label.left + printed)
    printed = (len(end.text) - end_start) * letter
    if end_start == 0 and end.right - end.left <= STRETCHED * printed:
        right = end.left
    else:
        right = round(end.right - printed)
    return min(left, right), label.top, max(left, right), label.bottom


def _letter_width(words: list[OcrWord], line_key: tuple[int, int, int]) -> float:
    """The median width of a letter in the line's words read as print (three letters or more, read sure)."""
    widths = [
        (w.right - w.left) / len(w.text)
        for w in words
        if w.line_key == line_key and len(w.text) >= 3 and w.confidence >= PRINT_CONFIDENCE
    ]
    if not widths:
        widths = [(w.right - w.left) / max(1, len(w.text)) for w in words if w.line_key == line_key]
    return float(median(widths))


def _piece_box(word: OcrWord, start: int, end: int) -> tuple[int, int]:
    """Horizontal pixel range of ``word.text[start:end]``, letters taken as equally wide."""
    width = (word.right - word.left) / max(1, len(word.text))
    return round(word.left + start * width), round(word.left + end * width)


ColourCrop = Callable[[tuple[int, int, int, int]], object]  # a page box → its pixels in colour (PIL)


def settle_number_slot(
    words: list[OcrWord], page: GrayImage, colour: ColourCrop | None = None
) -> tuple[list[OcrWord], list[str] | None]:
    """Page 1's words with the number slot settled, and the readings of a number nobody read for sure.

    ``page`` is page 1 as OCR read it, ``colour`` crops it in colour for the pen
    reader (none: Tesseract's readers only). The readings are None when the slot
    is empty or its number stands.
    """
    slot = find_number_slot(words, page.height)
    if slot is None or (not slot.text and not has_ink(page, slot.box)):
        return words, None  # no Số line, or "Số:      /KH-UBND" printed blank
    reading = as_digits(slot.text.replace(" ", "")) or slot.text  # "4ZZ" → "422"
    if slot.text.isdigit() and slot.confidence >= SURE_CONFIDENCE:
        return words, None
    readings = read_slot(page, slot.box, LONGEST_NUMBER)
    value = _settled(reading, readings, len(slot.text.replace(" ", "")))
    pen = _pen_reading(colour, slot)
    value = _with_pen(value, pen, [reading, *readings])
    if value and len(value) > LONGEST_NUMBER:
        value = None
    if value == reading:
        return words, None
    if value:
        return with_slot_text(words, slot, value), None
    seen = [reading, *readings, *([pen.text] if pen is not None and _pen_sure(pen) else [])]
    return with_slot_text(words, slot, ""), [r for r in dict.fromkeys(seen) if r]


def settle_day_slot(
    words: list[OcrWord], page: GrayImage, colour: ColourCrop | None = None, signed: date | None = None
) -> list[OcrWord]:
    """Page 1's words with the day slot settled: a day read for sure, else blank (``ngày tháng 12``).

    ``signed`` is the earliest signing time the file carries (a scan signed when it
    was published): the day cannot fall after it.
    """
    slot = find_day_slot(words, page.height)
    if slot is None or (not slot.text and not has_ink(page, slot.box)):
        return words
    month, year = _month_and_year(words, slot)
    if slot.text.isdigit() and slot.confidence >= SURE_CONFIDENCE and 1 <= int(slot.text) <= 31:
        return with_slot_text(words, slot, slot.text)  # a glued "ngày17tháng" parted
    reading = _strong_digits(slot.text)
    readings = read_slot(page, slot.box, 2)
    value = _settled(reading, readings, len(slot.text.replace(" ", "")))
    if value is None and reading and not _settled("", readings):
        value = reading  # "3|": a pen 1 read as a bar, and no two readers read otherwise
    value = _with_pen(value, _pen_reading(colour, slot), [reading, *readings])
    fits = value is not None and _day_fits(int(value), month, year, signed)
    return with_slot_text(words, slot, value if fits else "")


def _pen_reading(colour: ColourCrop | None, slot: Slot) -> PenReading | None:
    """The slot's figures read by the pen-digit reader, or None (no colour crop, no gap to read)."""
    if colour is None or slot.gap[2] - slot.gap[0] < MIN_GAP:
        return None
    box = _pen_box(slot.gap)
    crop_box = (box[0], box[1], box[2], box[3])
    image = colour(crop_box)
    band = (slot.gap[1] - box[1], slot.gap[3] - box[1])
    return read_pen_digits(image, band)


def _pen_sure(pen: PenReading) -> bool:
    """Whether every figure of the pen reading is read with :data:`PEN_SURE_MARGIN`."""
    return bool(pen.digits) and pen.weakest >= PEN_SURE_MARGIN


def _with_pen(value: str | None, pen: PenReading | None, others: list[str]) -> str | None:
    """The slot's value with the pen reader heard: the readers' value stands; with none, the pen
    reader's stands when it is sure and another reader read it too. Alone, or against the readers,
    it is not heard: it is sure of wrong figures too often (a written 04 read 01)."""
    if value is not None or pen is None or not _pen_sure(pen):
        return value
    return pen.text if pen.text in others else None


def _month_and_year(words: list[OcrWord], slot: Slot) -> tuple[int | None, int | None]:
    """The month and year printed after the day slot on its line ("tháng 02 năm 2025"), as far as read."""
    line = " ".join(w.text for w in words if w.line_key == slot.line_key)
    found = _MONTH_YEAR.search(line)
    if not found:
        return None, None
    month = int(found["month"]) if found["month"] and 1 <= int(found["month"]) <= 12 else None
    return month, int(found["year"]) if found["year"] else None


def _day_fits(day: int, month: int | None, year: int | None, signed: date | None) -> bool:
    """Whether ``day`` can be the day of a date printed with ``month`` and ``year``, on or before ``signed``."""
    if not 1 <= day <= 31:
        return False
    if month is None:
        return True
    if year is None:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    if day > calendar.monthrange(year, month)[1]:
        return False
    return signed is None or date(year, month, day) <= signed


def _strong_digits(text: str) -> str:
    """``text`` as digits when only digits and look-alikes that can be nothing else (``|``, ``I``, ``l``,
    ``O``) make it up: ``"3|"`` → 31; ``"0B"`` (B for 8, or for a 5?) gives ""."""
    text = text.strip("_.,'’ ")
    if not text or any(not c.isdigit() and c not in STRONG_DIGITS for c in text):
        return ""
    return "".join(c if c.isdigit() else STRONG_DIGITS[c] for c in text)


def has_ink(page: GrayImage, box: tuple[int, int, int, int]) -> bool:
    """Whether the box (pen reach included) holds more dark pixels than a scanner's specks."""
    import numpy as np

    piece = crop(page, _pen_box(box), pad=0)
    if not piece.width or not piece.height:
        return False
    dark = int(np.count_nonzero(np.frombuffer(piece.pixels, dtype=np.uint8) < INK_GRAY))
    return dark >= INK_SHARE * piece.width * piece.height


def _pen_box(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    height = bottom - top
    return left + 2, max(0, round(top - PEN_REACH_UP * height)), right - 2, round(bottom + PEN_REACH_DOWN * height)


def read_slot(page: GrayImage, box: tuple[int, int, int, int], longest: int) -> list[str]:
    """The slot read alone by each of :data:`READERS`: digits, or "" where a reader sees none or too many."""
    piece = crop(page, _pen_box(box), pad=4)
    readings = []
    for reading, psm in READERS:
        if reading.lang not in installed_languages():
            readings.append("")
            continue
        tsv, _ = read_cached(piece, "slot", psm, reading)
        digits = "".join(w.text for w in parse_tsv(tsv))
        readings.append(digits if digits.isdigit() and len(digits) <= longest else "")
    return readings


def reread_digits(page: GrayImage, word: OcrWord, longest: int = 2) -> str | None:
    """The word read again as one word by the English digit model, or None if it sees no digit, or more
    than ``longest`` (or eng is absent)."""
    if "eng" not in installed_languages():
        return None
    tsv, _ = read_cached(crop(page, (word.left, word.top, word.right, word.bottom)), "digits", PSM_WORD, DIGITS_ONLY)
    digits = "".join(w.text for w in parse_tsv(tsv))
    return digits if digits.isdigit() and len(digits) <= longest else None


def _settled(reading: str, readings: list[str], seen: int = 0) -> str | None:
    """The slot's value when the readers agree on it, or None.

    ``reading`` is the page model's (as digits), ``readings`` the four of
    :data:`READERS`. A value stands when the page model's digits are the English
    digit model's word reading, or when :data:`READERS_AGREEING` of all five read it
    and it has at least the ``seen`` characters the page model saw there (three
    readers agreeing on "1" where the page saw two figures, "4†", read half of a 17).
    """
    if reading.isdigit() and reading == readings[1]:
        return reading
    votes = Counter(r for r in [reading, *readings] if r.isdigit())
    value, count = votes.most_common(1)[0] if votes else ("", 0)
    return value if count >= READERS_AGREEING and len(value) >= seen else None


def with_slot_text(words: list[OcrWord], slot: Slot, value: str) -> list[OcrWord]:
    """``words`` with the slot holding ``value`` alone ("" leaves it blank): the words the slot
    cut are parted around it, each part its own word with its share of the box."""
    cuts: dict[int, list[tuple[int, int]]] = {}
    for index, start, end in slot.pieces:
        cuts.setdefault(index, []).append((start, end))
    out: list[OcrWord] = []
    placed = not value
    for index, word in enumerate(words):
        if index not in cuts:
            out.append(word)
            if value and not placed and not slot.pieces and word.line_key == slot.line_key and word.left >= slot.box[0]:
                out.insert(len(out) - 1, _word(value, slot.box, word))
                placed = True
            continue
        cursor = 0
        for start, end in sorted(cuts[index]):
            out += _part(word, cursor, start)
            if not placed:
                left, top, right, bottom = slot.box
                out.append(_word(value, (left, top, right, bottom), word))
                placed = True
            cursor = end
        out += _part(word, cursor, len(word.text))
    return out


def _part(word: OcrWord, start: int, end: int) -> list[OcrWord]:
    """``word.text[start:end]`` as a word of its own (none when it is blank)."""
    text = word.text[start:end].strip()
    if not text:
        return []
    if start == 0 and end == len(word.text):
        return [word]
    left, right = _piece_box(word, start, end)
    return [OcrWord(text, left, word.top, right, word.bottom, word.confidence, word.line_key)]


def _word(text: str, box: tuple[int, int, int, int], beside: OcrWord) -> OcrWord:
    return OcrWord(text, box[0], box[1], box[2], box[3], beside.confidence, beside.line_key)
