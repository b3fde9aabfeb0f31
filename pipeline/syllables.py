"""Whether a text reads as Vietnamese as it is printed: syllables spelled by the language's rules.

A Vietnamese word is one syllable or several, each an initial consonant (or
none), a rhyme and at most one tone mark (the rules are the knowledge table
``syllables``). Printed Vietnamese is nearly all such syllables, and most of them
carry a mark (a tone, or the letters ă â đ ê ô ơ ư). A text layer that is not the
page as printed breaks one of the two:

* a font without a usable Unicode map gives letters of other scripts or control
  codes (``Céng hßa x· héi``, ``C\\x01NG HA``): few words are syllables;
* a scanner's OCR layer without tone marks spells syllables but marks almost
  none (``BO GIAO DVC VA DAO TAO``).

:func:`layer_quality` measures both on a page; :func:`reads_as_vietnamese` says
whether the page can be trusted. :func:`is_syllable` also serves to check a field
(a trích yếu that is OCR noise is no Vietnamese words).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from vanban.extractors import knowledge

# The five tone marks as combining characters: grave, acute, tilde, hook above, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# A page is judged only on this many words at least (a stamp line or a page number says nothing),
# and on its first MAX_WORDS (a page's layer is one font or one OCR run: more words say nothing new).
MIN_WORDS = 20
MAX_WORDS = 400
# Printed Vietnamese pages of ../shared/realdocs: 94-100 % of their words are syllables, 71-92 %
# carry a mark and none has a letter Vietnamese does not write. Their scanners' OCR layers spell
# syllables (64-68 %) with few marks (1-33 %): Vietnamese printed without its marks. A font without
# a Unicode map gives letters Vietnamese does not write (ß, Ö, µ, control codes) in many words.
# A page in another language (an English annex) spells few syllables and is left as it is.
TONELESS_SYLLABLE_SHARE = 0.5
MIN_MARKED_SHARE = 0.5
MAX_FOREIGN_SHARE = 0.15
# The marks Vietnamese writes on a Latin letter: breve, circumflex, horn and the five tones.
VOWEL_MARKS = frozenset("\u0306\u0302\u031b")

# A word as printed, punctuation at its edges stripped: "(giao", "tỉnh;", "“Tinh".
_EDGES = regex.compile(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$")
# A token that is no word to judge: it holds a digit or a slash ("2025", "V/v", "QĐ-UBND", "đ/c").
_NOT_A_WORD = regex.compile(r"[\d/]")


@cache
def _rules() -> tuple[tuple[str, ...], frozenset[str]]:
    """(initials longest first, every rhyme) from the ``syllables`` table."""
    data = knowledge.table("syllables")
    initials = tuple(sorted(data["initials"], key=len, reverse=True))
    rhymes = set(data["open_rhymes"])
    for nucleus, finals in data["finals"].items():
        if not nucleus.startswith("_"):
            rhymes.update(nucleus + final for final in finals)
    return initials, frozenset(rhymes)


def _without_tone(word: str) -> tuple[str, int]:
    """The word with its tone marks taken off (vowel marks kept), and how many there were."""
    decomposed = unicodedata.normalize("NFD", word)
    bare = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), len(decomposed) - len(bare)


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Whether ``word`` is one Vietnamese syllable as spelled: ``"nghĩa"``, ``"Quyết"``, ``"BO"``
    (toneless, still a syllable); not ``"hßa"``, ``"ViÖt"``, ``"Сộng"`` (a Cyrillic С), ``"clink"``."""
    bare, tones = _without_tone(word.casefold())
    if tones > 1 or not bare:
        return False
    initials, rhymes = _rules()
    if bare in rhymes:
        return True
    for initial in initials:
        if bare.startswith(initial):
            rest = bare[len(initial) :]
            # "gi" before i is written once: "gì", "gìn" are gi + ì, gi + in
            if rest in rhymes or (initial == "gi" and (not rest or "i" + rest in rhymes)):
                return True
    return False


@lru_cache(maxsize=1 << 16)  # a page repeats its words: each judged once
def _is_marked(word: str) -> bool:
    """Whether a word carries a Vietnamese mark: a tone, ă â ê ô ơ ư, or đ."""
    return "đ" in word.casefold() or unicodedata.normalize("NFD", word) != word


@lru_cache(maxsize=1 << 16)
def _is_foreign(word: str) -> bool:
    """Whether a word holds a letter Vietnamese does not write: ``"hßa"``, ``"ViÖt"``, ``"Сộng"``, ``"C\\x01NG"``."""
    for char in unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D")):
        if not (char.isascii() and char.isalpha()) and char not in TONE_MARKS and char not in VOWEL_MARKS:
            return True
    return False


@dataclass(frozen=True)
class LayerQuality:
    """How a page's text reads: words judged, and the shares that are syllables and that carry marks."""

    words: int
    syllables: float
    marked: float
    foreign: float = 0.0  # share of words with a letter Vietnamese does not write

    def __str__(self) -> str:
        said = f"{self.syllables:.0%} of {self.words} words Vietnamese syllables, {self.marked:.0%} with marks"
        return said + (f", {self.foreign:.0%} with foreign letters" if self.foreign else "")


def words_to_judge(text: str, limit: int | None = None) -> list[str]:
    """The words of ``text`` (its first ``limit``) that say whether it is Vietnamese: no numbers,
    symbols or abbreviations (``UBND``, ``CCHC`` and upper-case headings are left out: capitals
    spell other things too)."""
    words: list[str] = []
    for token in unicodedata.normalize("NFC", text).split():
        # a letter or digit at both ends is no punctuation or symbol to strip: most words
        word = token if token[0].isalnum() and token[-1].isalnum() else _EDGES.sub("", token)
        if not word or _NOT_A_WORD.search(word) or (len(word) > 1 and word.isupper()):
            continue
        words.append(word)
        if limit is not None and len(words) >= limit:
            break
    return words


def layer_quality(text: str) -> LayerQuality:
    """The share of ``text``'s words that are Vietnamese syllables, and that carry marks."""
    words = words_to_judge(text, MAX_WORDS)
    if not words:
        return LayerQuality(0, 0.0, 0.0)
    syllables = sum(all(is_syllable(part) for part in word.split("-") if part) for word in words)
    marked = sum(_is_marked(word) for word in words)
    foreign = sum(_is_foreign(word) for word in words)
    n = len(words)
    return LayerQuality(n, syllables / n, marked / n, foreign / n)


def reads_as_vietnamese(quality: LayerQuality) -> bool:
    """Whether a page's text is the page as printed: not letters of other scripts for Vietnamese
    ones, not Vietnamese spelled without its marks (or too short to judge)."""
    if quality.words < MIN_WORDS:
        return True
    if quality.foreign > MAX_FOREIGN_SHARE:
        return False
    return not (quality.syllables >= TONELESS_SYLLABLE_SHARE and quality.marked < MIN_MARKED_SHARE)
