"""The number and day that an e-signature stamp draws into the header's blank slots.

E-office systems print ``Số:      /BNV-CCHC`` and ``Hà Nội, ngày    tháng 9 năm
2025`` and draw the number and day into the blanks when the document is signed,
as text in the signature widgets' appearance streams (:func:`.pdf_words.annotation_words`).
Each drawn word is placed by its box: a run of digits standing between ``Số:`` and
the ``/BNV-CCHC`` after it is the number; between ``ngày`` and ``tháng``, the day;
between ``tháng`` and ``năm``, the month. Drawn text anywhere else (the signer's
name, the signing time ``06.11.2024 09:27:05``) fills nothing. A slot the text
layer already fills keeps its printed value; a drawn value that disagrees with it
stays out and is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .layout import Word

# The number label as a word of its own: "Số:", "Số", "SỐ:"; never "Sóc" or "Số:8151/…".
_NUMBER_LABEL = regex.compile(r"(?x) ^ (?i: s[ốô] ) \s* :? $")
# What stands right after the number: the rest of the symbol, "/BNV-CCHC", "-CV/TĐTN", "/QĐ-UBND".
_SYMBOL_REST = regex.compile(r"(?x) ^ [/-] \s* \p{L}")
# A word that leaves a slot blank: dots or underscores drawn as the blank, "……", "___".
_BLANK = regex.compile(r"(?x) ^ [._…]+ $")
# A drawn number or day: digits only, "8151", "06".
_DIGITS = regex.compile(r"(?x) ^ \d{1,6} $")
# The date line's words: "ngày", "tháng", "năm" (any case).
_DATE_WORD = {"ngày": "day", "tháng": "month", "năm": "year"}
# A number slot with nothing printed after it reaches this many label heights right of "Số:".
_OPEN_SLOT_HEIGHTS = 8.0
# A drawn word fits a slot when its centre lies inside, widened by this share of its height.
_SLOT_SLACK = 0.5


@dataclass(frozen=True)
class _Slot:
    name: str  # "number", "day" or "month"
    left: float
    right: float
    top: float
    bottom: float
    printed: str | None  # what the text layer already holds there ("06"), None when blank


@dataclass
class StampedFills:
    """The values the stamp draws into blank slots, and drawn values the page contradicts."""

    number: str | None = None
    day: str | None = None
    month: str | None = None
    disagreements: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.number or self.day or self.month)


def _same_line(a: Word, b: Word) -> bool:
    """Whether two words share a line: their vertical middles lie within each other's height."""
    middle_a, middle_b = (a.top + a.bottom) / 2, (b.top + b.bottom) / 2
    return a.top <= middle_b <= a.bottom or b.top <= middle_a <= b.bottom


def _printed_between(words: list[Word], row: list[Word], left: float, right: float) -> str | None:
    inside = [w.text for w in row if w.x0 >= left - 1 and w.x1 <= right + 1 and not _BLANK.match(w.text)]
    return " ".join(inside) or None


def _number_slot(words: list[Word]) -> _Slot | None:
    for label in words:
        if not _NUMBER_LABEL.match(label.text):
            continue
        row = sorted(
            (w for w in words if w is not label and _same_line(label, w) and w.x0 >= label.x1 - 1), key=lambda w: w.x0
        )
        rest = next((w for w in row if _SYMBOL_REST.match(w.text)), None)
        if rest is None:
            continue
        printed = _printed_between(words, row, label.x1, rest.x0)
        return _Slot("number", label.x1, rest.x0, label.top, label.bottom, printed)
    return None


def _date_slots(words: list[Word]) -> list[_Slot]:
    for day_word in words:
        if day_word.text.casefold() != "ngày":
            continue
        row = sorted((w for w in words if _same_line(day_word, w) and w.x0 >= day_word.x0), key=lambda w: w.x0)
        found = {"day": day_word}
        for word in row:
            name = _DATE_WORD.get(word.text.casefold())
            if name and name not in found and word.x0 > max(w.x0 for w in found.values()):
                found[name] = word
        if "month" not in found or "year" not in found:
            continue
        slots = []
        for name, before, after in (("day", found["day"], found["month"]), ("month", found["month"], found["year"])):
            printed = _printed_between(words, row, before.x1, after.x0)
            slots.append(_Slot(name, before.x1, after.x0, before.top, before.bottom, printed))
        return slots
    return []


def _fits(word: Word, slot: _Slot) -> bool:
    slack = _SLOT_SLACK * (word.bottom - word.top)
    centre_x, centre_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return slot.left - slack <= centre_x <= slot.right + slack and slot.top - slack <= centre_y <= slot.bottom + slack


def _in_range(name: str, value: str) -> bool:
    if name == "day":
        return 1 <= int(value) <= 31
    if name == "month":
        return 1 <= int(value) <= 12
    return int(value) > 0


def stamped_fills(words: list[Word], drawn: list[Word]) -> StampedFills:
    """What ``drawn`` (text drawn over the page) puts into the blank Số/ngày/tháng slots of ``words`` (page 1).

    >>> label, rest = Word("Số:", 113, 129, 120, 131), Word("/TB-UBND", 166, 227, 120, 131)
    >>> stamped_fills([label, rest], [Word("542", 131, 151, 118, 130)]).number
    '542'
    """
    fills = StampedFills()
    if not drawn:
        return fills
    slots = [s for s in (_number_slot(words), *_date_slots(words)) if s is not None]
    for slot in slots:
        inside = [w for w in drawn if _DIGITS.match(w.text) and _fits(w, slot)]
        if len(inside) != 1 or not _in_range(slot.name, inside[0].text):
            continue
        value = inside[0].text
        if slot.printed is None:
            setattr(fills, slot.name, value)
        elif slot.printed.lstrip("0") != value.lstrip("0"):
            fills.disagreements.append(f"the stamp draws {slot.name} {value} over the printed {slot.printed}")
    return fills
