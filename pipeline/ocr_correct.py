"""Post-correction of Tesseract output where the context makes the answer certain.

Two kinds of repair, both driven by ``extractors/data/ocr_corrections.json``:

* digits: inside a slot that can only hold a number (``Số: 1l902/``, ``ngày II
  tháng``, ``08/l0/2024``, ``I26/2024/NĐ-CP``) letters Tesseract confuses with
  digits are read as those digits;
* names: a known phrase (Quốc hiệu, motto, province, agency, title) whose
  letters match once tone and vowel marks are ignored gets its marks back
  (``Lâm Đông`` → ``Lâm Đồng``, ``GIÁM ĐÓC`` → ``GIÁM ĐỐC``).

:func:`correct_ocr_text` applies both; the functions are pure text → text.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from vanban.extractors import knowledge

from .normalize import fold_diacritics
from .ocr_citations import correct_symbols

_TABLES = knowledge.table("ocr_corrections")
STRONG_DIGITS: dict[str, str] = _TABLES["digit_confusables"]["strong"]
WEAK_DIGITS: dict[str, str] = _TABLES["digit_confusables"]["weak"]

# One character that may stand for a digit: a digit or a confusable letter.
_DIGITISH = "[0-9" + regex.escape("".join(STRONG_DIGITS) + "".join(WEAK_DIGITS)) + "]"

# Số và ký hiệu: the number between "Số:" and the slash (or the dash of a Party symbol);
# a handwritten number may be read in two pieces.
#   "Số: 1l902/BNV-TCPCP" → 1l902    "Số: I56 -CV/TĐTN" → I56    "Số: 257 1/VNPT-LĐG" → 257 1
_NUMBER_SLOT = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}])Số \s* [:.]? \s*
    (?P<number>{_DIGITISH}{{1,6}} (?: [ ] [0-9]{{1,3}} )?)
    (?= \s* [/-] )
    """
)

# A number slot holding what cannot be a number (a handwritten figure read as
# letters and signs), set apart from the symbol by a space: "Số: Z⁄ /TTr-CAT(PC04)".
_UNREADABLE_NUMBER = regex.compile(
    r"""(?x)
    (?<![\p{L}])(?P<lead>Số \s* [:.]?) [ ]*
    (?P<junk>[^\s/]{1,6})            # "Z⁄", "23§ÿÿ", "4Ÿ": not digits, whatever it holds
    (?= [ ]+ / )
    """
)

# A day slot likewise: "ngày,#8 tháng 12", "ngày A0 tháng 04".
_UNREADABLE_DAY = regex.compile(
    r"""(?x)
    (?<![\p{L}])(?P<lead>ngày) [ ,.]*
    (?P<junk>[^\s\p{L}]*[^\s\d\p{L}][^\s\p{L}]* | \p{Lu}\d)
    (?= [ ]+ tháng [ ]+ \d)
    """
)

# "tháng" misread between a day and a month: "ngày 26 thóng 8 năm 2025".
_MONTH_WORD = regex.compile(
    r"""(?x)
    (?<= ngày [ ]+ \d{1,2} [ ]+ )
    (?! tháng ) th \w{2,3} g
    (?= [ ]+ \d{1,2} [ ]+ năm )
    """
)

# Date in words: "ngày II tháng I2 năm 2O25", each part a digit slot.
_DATE_WORDS = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}])ngày (?P<sep>\s* [,.]? \s*)           # "ngày,28": the comma is a speck
    (?P<day>{_DIGITISH}{{1,2}}) \s+ tháng \s+
    (?P<month>{_DIGITISH}{{1,2}}) \s+ năm \s+
    (?P<year>{_DIGITISH}{{4}})
    (?![\p{{L}}\d])
    """
)

# A date whose day was left blank, in words: "ngày tháng l1 năm 2024", the month and year digit slots.
_MONTH_YEAR_WORDS = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}])ngày \s+ tháng \s+
    (?P<month>{_DIGITISH}{{1,2}}) \s+ năm \s+
    (?P<year>{_DIGITISH}{{4}})
    (?![\p{{L}}\d])
    """
)

# Numeric date: "08/l0/2024", "1S/5/2025" (day/month/year).
_DATE_NUMERIC = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}\d/])
    (?P<day>{_DIGITISH}{{1,2}}) / (?P<month>{_DIGITISH}{{1,2}}) / (?P<year>{_DIGITISH}{{4}})
    (?![\p{{L}}\d/])
    """
)

# Legal symbol: "I26/2024/NĐ-CP" → number and year are digit slots.
_LEGAL_SYMBOL = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}\d/])
    (?P<number>{_DIGITISH}{{1,5}}) / (?P<year>{_DIGITISH}{{4}})
    (?= / \p{{Lu}} )
    """
)


def as_digits(token: str) -> str | None:
    """``token`` read as digits, or None when it cannot be one.

    Strong confusables (``I``, ``l``, ``O``) are read anywhere; weak ones (``S``,
    ``B``, ``Z``) only when the token already holds a real digit: ``II`` → 11,
    ``2O2S`` → 2025, ``SB`` → None.
    """
    has_digit = any(c.isdigit() for c in token)
    out = []
    for ch in token:
        if ch.isdigit():
            out.append(ch)
        elif ch in STRONG_DIGITS:
            out.append(STRONG_DIGITS[ch])
        elif has_digit and ch in WEAK_DIGITS:
            out.append(WEAK_DIGITS[ch])
        else:
            return None
    return "".join(out)


def _plausible(part: str, value: str) -> bool:
    """Whether a corrected date part is in range (day 1–31, month 1–12, year 1945–2100)."""
    number = int(value)
    if part == "day":
        return 1 <= number <= 31
    if part == "month":
        return 1 <= number <= 12
    if part == "year":
        return 1945 <= number <= 2100
    return True


def _replace_groups(pattern: regex.Pattern, text: str, parts: tuple[str, ...], min_real_digits: int = 0) -> str:
    """Rewrite the named digit slots of every match, when all of them read as plausible numbers.

    A ``sep`` group, where the pattern has one, becomes one space.
    """

    def fix(match: regex.Match) -> str:
        whole = match.group(0)
        if sum(c.isdigit() for c in whole) < min_real_digits:
            return whole
        values = {}
        for part in parts:
            value = as_digits(match.group(part).replace(" ", ""))
            if value is None or not _plausible(part, value):
                return whole
            values[part] = value
        if "sep" in match.re.groupindex:
            values["sep"] = " "
            parts_here = ("sep",) + parts
        else:
            parts_here = parts
        pieces, cursor = [], match.start()
        for part in parts_here:
            pieces.append(text[cursor : match.start(part)])
            pieces.append(values[part])
            cursor = match.end(part)
        pieces.append(text[cursor : match.end()])
        return "".join(pieces)

    return pattern.sub(fix, text)


def blank_unreadable(text: str) -> str:
    """An unreadable number or day left blank, as a draft prints it: ``Số:     /TTr-CAT``."""

    def blank(match: regex.Match) -> str:
        if as_digits(match.group("junk").strip("_.,'’")) is not None:
            return match.group(0)
        return match.group("lead") + "     "

    return _UNREADABLE_DAY.sub(blank, _UNREADABLE_NUMBER.sub(blank, text))


def correct_month_word(text: str) -> str:
    """``tháng`` restored between a day and a month figure."""
    return _MONTH_WORD.sub("tháng", text)


def correct_digits(text: str) -> str:
    """Digits restored in number slots: Số, dates in words and figures, legal symbols."""
    text = _replace_groups(_NUMBER_SLOT, text, ("number",))
    text = _replace_groups(_DATE_WORDS, text, ("day", "month", "year"))
    text = _replace_groups(_MONTH_YEAR_WORDS, text, ("month", "year"))
    text = _replace_groups(_DATE_NUMERIC, text, ("day", "month", "year"), min_real_digits=3)
    text = _replace_groups(_LEGAL_SYMBOL, text, ("number", "year"), min_real_digits=4)
    return text


def _fold(text: str) -> str:
    """Lower case without marks, one character per character (so offsets carry over)."""
    folded = fold_diacritics(text).lower()
    return folded if len(folded) == len(text) else text.lower()


@lru_cache(maxsize=1)
def known_phrases() -> tuple[dict[str, str], regex.Pattern]:
    """Folded phrase → canonical spelling, and one pattern finding any of them in folded text.

    Provinces come from the knowledge base's ``provinces`` table, signers' titles from ``signature``.
    """
    phrases = list(_TABLES["phrases"])
    phrases += _names_in(knowledge.table("provinces"))
    # Signers' titles of two words or more ("PHÓ CHỦ TỊCH", "BÍ THƯ"); one word alone ("TRƯỞNG")
    # has look-alikes of other meaning ("Trường").
    titles = knowledge.table("signature")["titles"]
    phrases += [f"{prefix}{title}" for title in titles for prefix in ("", "PHÓ ") if " " in f"{prefix}{title}"]
    by_fold: dict[str, str] = {}
    ambiguous: set[str] = set()
    for phrase in phrases:
        key = " ".join(_fold(phrase).split())
        if key in by_fold and by_fold[key].casefold() != phrase.casefold():
            ambiguous.add(key)
        by_fold[key] = phrase
    for key in ambiguous:  # two names that differ only in marks: no certain answer
        del by_fold[key]
    alternatives = sorted(by_fold, key=len, reverse=True)
    body = "|".join(r"\s+".join(regex.escape(word) for word in key.split()) for key in alternatives)
    pattern = regex.compile(rf"(?<![\p{{L}}\d])(?:{body})(?![\p{{L}}\d])")
    return by_fold, pattern


def _names_in(data: object) -> list[str]:
    """Multi-word names found in a provinces table, whatever its shape (list, dict, records)."""
    names: list[str] = []
    if isinstance(data, str):
        if " " in data.strip():
            names.append(data.strip())
    elif isinstance(data, dict):
        for key, value in data.items():
            if not key.startswith("_"):
                names += _names_in(key) + _names_in(value)
    elif isinstance(data, list):
        for item in data:
            names += _names_in(item)
    return names


def _match_case(canonical: str, original: str) -> str:
    """``canonical`` with the letter case of ``original`` (LÂM ĐÔNG → LÂM ĐỒNG)."""
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return canonical.upper()
    words, read = canonical.split(), original.split()
    if len(words) == len(read) and all(len(w) == len(r) for w, r in zip(words, read)):
        return " ".join(
            "".join(c.upper() if o.isupper() else c.lower() if o.islower() else c for c, o in zip(w, r))
            for w, r in zip(words, read)
        )
    return canonical


def _with_spacing(fixed: str, original: str) -> str:
    """``fixed`` with the spaces and line breaks between its words as ``original`` has them
    ("Chủ\nnhiệm" stays on two lines)."""
    gaps = regex.findall(r"\s+", original.strip())
    words = fixed.split()
    if len(gaps) != len(words) - 1:
        return fixed
    return "".join(word + gap for word, gap in zip(words, [*gaps, ""]))


def correct_names(text: str) -> str:
    """Known phrases spelled right again when only their marks were misread.

    Only capitalised occurrences are touched (names are capitalised; ``hòa bình``
    the common noun is left alone).
    """
    by_fold, pattern = known_phrases()
    folded = _fold(text)
    if len(folded) != len(text):
        return text
    out, cursor = [], 0
    for match in pattern.finditer(folded):
        original = text[match.start() : match.end()]
        if not original[0].isupper():
            continue
        canonical = by_fold[" ".join(match.group(0).split())]
        fixed = _with_spacing(_match_case(canonical, original), original)
        if fixed != original and len(fixed.split()) == len(original.split()):
            out.append(text[cursor : match.start()])
            out.append(fixed)
            cursor = match.end()
    out.append(text[cursor:])
    return "".join(out)


# "Nơi nhận:" whose bold italic N was lost at the margin: "ơi nhận:", "Noi nhận:".
_NOI_NHAN = regex.compile(
    r"""(?xm)
    ^ [^\p{L}\n]{0,3}               # a speck before it
    (?:ơi|N[o0ơ]i) [ ]nh[aâậ]n \s* :
    """
)


def correct_anchors(text: str) -> str:
    """Section anchors the extractors rely on, when OCR broke their first letters."""
    return _NOI_NHAN.sub("Nơi nhận:", text)


# One Đ read twice, the second time as the look-alike eth: "QĐÐ-TTg", "BCĐÐX". (A printed
# "ĐĐ", as in "QLĐĐ", is read as two Đ.)
_DOUBLED_D = regex.compile("\u0110\u00d0")


def correct_doubled_letters(text: str) -> str:
    return _DOUBLED_D.sub("\u0110", text)


# A ")" OCR glued to the abbreviation opening a list item: "14. UBND) tỉnh Tuyên Quang".
_STRAY_PAREN = regex.compile(r"(?m)^(?P<before>[ ]*(?:\d{1,3}\.|[-+])[ ]*\p{Lu}{2,})\)(?=[ ]+\p{Ll})")


def correct_stray_parens(text: str) -> str:
    """A closing parenthesis nothing opened, glued to the abbreviation opening an item, taken out."""
    return _STRAY_PAREN.sub(lambda m: m.group("before"), text)


def correct_ocr_text(text: str) -> str:
    """Every certain repair: digits in number slots (junk there blanked), known names, anchors, symbols."""
    text = correct_stray_parens(correct_doubled_letters(text))
    text = correct_anchors(correct_names(blank_unreadable(correct_month_word(correct_digits(text)))))
    return correct_symbols(text)
