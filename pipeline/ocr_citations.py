"""Số và ký hiệu in OCR text, read back to what the office printed.

Tesseract confuses letters and digits inside a ký hiệu (`286/5TC-HCSN` for
`286/STC-HCSN`, `12/2021/0Đ-T18` for `12/2021/QĐ-TTg`, `163/2024/QHI5` for
`163/2024/QH15`, `7619/QĐĐ-BCA` for `7619/QĐ-BCA`), splits a number
(`số 1 2/2021/QĐ-TTg`), misreads the word số before it (`Nghị quyết só
23/NQ-CP`) and leaves specks inside a type name (`Công. văn số 40/HCCV`).

A code segment is repaired only when it is no known code and exactly one
reading of it is: the known codes are the knowledge base's type codes
(``doc_types``), issuer codes (``issuers``) and the Quốc hội's khóa by year
(``citation_types`` legislatures); the confusions are ``citation_symbol_ocr``'s.
:func:`correct_symbols` is one pass over OCR'd text only (the OCR correction
step calls it), so the citation extractor sees clean symbols and repairs none.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

import regex

from vanban.extractors import knowledge

from .normalize import fold_diacritics

_TABLE = knowledge.table("citation_symbol_ocr")
CONFUSIONS: dict[str, list[str]] = {k: v for k, v in _TABLE["code_confusions"].items() if not k.startswith("_")}
STRAY = frozenset(_TABLE["stray_characters"]["characters"])
LEGISLATURES: dict[str, tuple[int, int]] = {
    k: (v[0], v[1]) for k, v in knowledge.table("citation_types")["legislatures"].items() if not k.startswith("_")
}


@lru_cache(maxsize=1)
def known_codes() -> dict[str, str]:
    """Every type and issuer code, casefolded → as the table spells it (``qđ`` → ``QĐ``, ``ttg`` → ``TTg``)."""
    codes = [t["code"] for t in knowledge.table("doc_types")["types"] if t["code"]]
    codes += list(knowledge.table("issuers")["codes"])
    return {c.casefold(): c for c in codes}


# An issuer code ending in the Quốc hội's khóa: `QH15`, `UBTVQH14`.
_LEGISLATURE_CODE = regex.compile(r"(?x) ^ (?P<body>\p{Lu}*QH) (?P<khoa>\d{2}) $")


def is_known_code(segment: str, year: int | None = None) -> bool:
    """Whether ``segment`` is a code the knowledge base knows; a khóa must have sat in ``year``."""
    khoa = _LEGISLATURE_CODE.match(segment)
    if khoa:
        span = LEGISLATURES.get(khoa.group("khoa"))
        return span is not None and (year is None or span[0] <= year <= span[1])
    return segment.casefold() in known_codes()


def _substitutions(segment: str) -> set[str]:
    """Every reading of ``segment`` under the confusions (itself left out)."""
    positions = [i for i, ch in enumerate(segment) if ch in CONFUSIONS]
    if len(positions) > 4:
        return set()  # too many guesses to be sure of any
    readings = set()
    for choice in product(*[[segment[i], *CONFUSIONS[segment[i]]] for i in positions]):
        chars = list(segment)
        for i, ch in zip(positions, choice):
            chars[i] = ch
        readings.add("".join(chars))
    readings.discard(segment)
    return readings


def _shortenings(segment: str, first: bool) -> set[str]:
    """``segment`` with one stray character dropped (`TT1g` → `TTg`); the type code, first after the
    number, also with a doubled letter dropped (`QĐĐ` → `QĐ`; a unit's `BTTP` is printed so)."""
    return {
        segment[:i] + segment[i + 1 :]
        for i, ch in enumerate(segment)
        if ch in STRAY or (first and i and segment[i - 1] == ch and ch.isalpha())
    }


def repair_code(segment: str, year: int | None = None, first: bool = False) -> str:
    """``segment`` as the known code it can only be, else unchanged: ``5TC`` → ``STC``, ``T18`` → ``TTg``.
    ``first``: the segment stands first after the number, where the type code is.

    Readings that change characters are tried before those that drop one (`T18` is `TTg`, not `TB`)."""
    if not regex.search(r"\p{Lu}", segment) or is_known_code(segment, year):
        return segment
    tiers = [_substitutions(segment), {r for s in _shortenings(segment, first) for r in {s} | _substitutions(s)}]
    for readings in tiers:
        found = {_canonical(r) for r in readings if is_known_code(r, year)}
        if found:
            return found.pop() if len(found) == 1 else segment
    return segment


def _canonical(code: str) -> str:
    return code if _LEGISLATURE_CODE.match(code) else known_codes()[code.casefold()]


# A ký hiệu after its number: `286/5TC-HCSN`, `12/2021/0Đ- T18`, `294-QĐ/TW`, `163/2024/QHI5`.
_SYMBOL = regex.compile(
    r"""(?x)
    (?<![\p{L}\d/])
    \d{1,5} \s? [/-] \s?                          # the number: 286/, 294-
    (?: (?P<year>(?:19|20)\d{2}) \s?/\s? )?       # a legal symbol's year: 12/2021/
    (?P<codes> [\p{L}\d&|]+ (?: \s?[-/]\s? [\p{L}\d&|]+ )* )   # 5TC-HCSN, 0Đ- T18, QĐ/TW
    """
)
_SEGMENT = regex.compile(r"[\p{L}\d&|]+")


def correct_codes(text: str) -> str:
    """Each symbol's code segments read back to the known code they can only be."""

    def fix(m: regex.Match) -> str:
        year = int(m.group("year")) if m.group("year") else None
        codes = _SEGMENT.sub(lambda s: repair_code(s.group(), year, s.start() == 0), m.group("codes"))
        return m.group()[: m.start("codes") - m.start()] + codes

    return _SYMBOL.sub(fix, text)


# The word số misread before a symbol's number: `Nghị quyết só 23/NQ-CP`, `sô 1284/QĐ-UBND`.
_NUMBER_WORD = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}])
    (?P<word> (?i:{"|".join(regex.escape(w) for w in _TABLE["number_word"]["misreadings"])}) )
    (?= \s* :? \s* \d{{1,5}} \s? [/-] )
    """
)

# A number split by a space between số and its slash: `số 1 2/2021/QĐ-TTg`, `số 1 33/QD-TTg`.
_SPLIT_NUMBER = regex.compile(
    r"""(?x)
    (?<= (?<![\p{L}]) (?i:số) \s* :? \s* )
    (?P<head>\d{1,3}) [ ] (?P<tail>\d{1,3})
    (?= \s? / \s? (?: (?:19|20)\d{2} \s?/ | \p{Lu} ) )
    """
)


def _type_names() -> list[str]:
    names = [t["name"] for t in knowledge.table("doc_types")["types"]]
    names += [row["word"] for row in knowledge.table("citation_types")["extra_words"]]
    return sorted({n for n in names if " " in n}, key=len, reverse=True)


_SPECKS = "".join(regex.escape(c) for c in _TABLE["type_word_specks"]["characters"])
_SPECKED_NAMES = "|".join(rf"[{_SPECKS}]?\s+".join(regex.escape(w) for w in n.split()) for n in _type_names())
# A type name with a speck between its words, before số: `Công. văn số 40/HCCV`.
_SPECKED_TYPE = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}])
    (?P<name> {_SPECKED_NAMES} )
    (?= \s+ (?i:số) )
    """,
    regex.IGNORECASE,
)


_OPENERS = "|".join(
    r"\s+".join(regex.escape(w) for w in p.split())
    for p in sorted(knowledge.table("citation_phrases")["basis_openers"]["phrases"], key=len, reverse=True)
)
# A speck after the opener that starts a line of the preamble: `Căn cứ. Quyết định số 1 33/QD-TT1g`.
_SPECKED_OPENER = regex.compile(
    rf"""(?xm)
    ^ (?P<opener> [ \t]* (?i:{_OPENERS}) ) [{_SPECKS}] (?= [ \t]+ \p{{Lu}} )
    """
)


def correct_number_word(text: str) -> str:
    """``số`` spelled right before a symbol's number, the number joined, type names and openers without specks."""

    def word(m: regex.Match) -> str:
        return "Số" if m.group("word")[0].isupper() else "số"

    def type_name(m: regex.Match) -> str:
        return regex.sub(rf"[{_SPECKS}](?=\s)", "", m.group("name"))

    text = _NUMBER_WORD.sub(word, text)
    text = _SPLIT_NUMBER.sub(lambda m: m.group("head") + m.group("tail"), text)
    text = _SPECKED_TYPE.sub(type_name, text)
    return _SPECKED_OPENER.sub(lambda m: m.group("opener"), text)


def _fold(text: str) -> str:
    """Lower case without marks, one character per character (so offsets carry over)."""
    folded = fold_diacritics(text).lower()
    return folded if len(folded) == len(text) else text.lower()


def _phrase_alternation(phrases: list[str]) -> str:
    """Folded phrases, longest first; spaces match any whitespace, a comma may be lost."""
    keys = sorted({" ".join(_fold(p).replace(",", "").split()) for p in phrases}, key=len, reverse=True)
    return "|".join(r",?\s+".join(regex.escape(w) for w in k.split()) for k in keys)


@lru_cache(maxsize=1)
def _law_names() -> tuple[dict[str, str], regex.Pattern]:
    """Folded law name or phrase → as the tables spell it, and a pattern finding one after a law's type word."""
    names = list(knowledge.table("citation_law_names")["names"]) + list(_TABLE["law_phrases"]["phrases"])
    spelling = {" ".join(_fold(n).replace(",", "").split()): n for n in names}
    types = "|".join(
        r"\s+".join(regex.escape(w) for w in _fold(t["name"]).split())
        for t in knowledge.table("doc_types")["types"]
        if t["kind"] == "legal" and t["code"] is None and t["name"] != "Hiến pháp"
    )
    pattern = regex.compile(rf"(?<![\p{{L}}])(?:{types})\s+(?P<name>{_phrase_alternation(names)})(?![\p{{L}}\d])")
    return spelling, pattern


def correct_law_names(text: str) -> str:
    """A law's name after its type word spelled with the table's marks when only its marks were misread:
    `Luật Tổ chức chính quyên địa phương` → `… quyền …`, `Luật sửa\nđôi, bố sung một số điều của` → `sửa\nđổi, bổ sung …`.
    The printed spacing, line breaks and letter case are kept."""
    spelling, pattern = _law_names()
    folded = _fold(text)
    if len(folded) != len(text):
        return text
    out, cursor = [], 0
    for m in pattern.finditer(folded):
        start, end = m.span("name")
        canonical = spelling[" ".join(m.group("name").replace(",", "").split())]
        printed = text[start:end]
        letters = iter(c for c in canonical if c.isalpha())
        fixed = "".join(_same_case(next(letters, c), c) if c.isalpha() else c for c in printed)
        out.append(text[cursor:start] + fixed)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _same_case(letter: str, printed: str) -> str:
    return letter.upper() if printed.isupper() else letter.lower()


def correct_symbols(text: str) -> str:
    """Every citation repair of OCR text: the word số, split numbers, specks, code segments, law names' marks."""
    return correct_law_names(correct_codes(correct_number_word(text)))
