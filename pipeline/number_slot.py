"""A number written by hand into ``Số:      /TTr-CAT``.

Many offices print "Số:      /TTr-CAT" and write the number in by pen once the
document is signed. Tesseract's Vietnamese model reads pen figures as anything
("23§ÿÿ", "Z⁄") and some of its readings look like numbers ("4ZZ" → 422 for a
written 519, "3 49" for 3980). A number is kept when the page model read plain
digits with confidence, or when a second reading of the slot alone (the
digits-only model) agrees with it. Otherwise the slot is left blank, as the
contract wants for a number the page does not show legibly, and what both
readers saw is kept: the extractor may find it confirmed by the file name
(``extractors/file_name.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .ocr_cache import read_cached
from .ocr_correct import as_digits
from .page_image import GrayImage, crop
from .tesseract import OcrWord, Reading, installed_languages, parse_tsv

# Second reading of a number or of the day and month drawn by a signature stamp: the English model
# restricted to digits reads italic Times figures that ``vie`` takes for letters
# (``19`` read ``79``, ``28`` read ``2#``, ``15`` read ``1Š``).
DIGITS_ONLY = Reading("eng", (("tessedit_char_whitelist", "0123456789"),))
PSM_WORD = 8  # the crop holds one word


def reread_digits(render: GrayImage, word: OcrWord, longest: int = 2) -> str | None:
    """The word read again as digits only, or None if the digit model sees none, or more than
    ``longest`` digits (or eng is absent)."""
    if "eng" not in installed_languages():
        return None
    tsv, _ = read_cached(crop(render, (word.left, word.top, word.right, word.bottom)), "digits", PSM_WORD, DIGITS_ONLY)
    digits = "".join(w.text for w in parse_tsv(tsv))
    return digits if digits.isdigit() and len(digits) <= longest else None


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


def settle_number_slot(words: list[OcrWord], page: GrayImage) -> tuple[list[OcrWord], list[str] | None]:
    """Page 1's words with a number nobody could read for sure taken out, and the readings of it.

    ``page`` is page 1 as OCR read it (its slot is read a second time only when
    the first reading is unsure). The readings are None when the slot is empty or
    its number stands.
    """
    slot = find_number_slot(words, page.height)
    if slot is None:
        return words, None
    reading = _slot_reading(slot.text)
    if slot.text.isdigit() and slot.confidence >= NUMBER_SURE_CONFIDENCE:
        return words, None
    second = reread_digits(page, slot.box, longest=6) or ""
    if reading.isdigit() and reading == second:
        return words, None
    readings = [r for r in dict.fromkeys([reading, second]) if r]
    return _without_slot(words, slot), readings
