"""Vietnamese text in the 8-bit encodings used before Unicode: TCVN3 (ABC), VNI-Windows, Windows-1258.

A .txt saved from a Word file typed in a .VnTime or VNI-Times font holds bytes
that read as garble in any standard code page (``Céng hßa x· héi`` and
``Coäng hoøa xaõ hoäi`` for ``Cộng hòa xã hội``). :func:`decode` converts the
bytes with each encoding and keeps the one whose result reads as Vietnamese:
words with Vietnamese letters that are Vietnamese syllables, and no stray
symbols. The conversion tables and the syllable's parts are data
(:mod:`.legacy_tables`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from . import legacy_tables

# Every precomposed Vietnamese letter beyond ASCII, both cases ("ộ", "Ư", "đ").
VIETNAMESE_LETTERS = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)
# Non-ASCII characters a Vietnamese text holds besides its letters: typographic quotes, dashes, bullets.
PUNCTUATION = frozenset("\u00a0“”‘’–—…•°§«»·")
# The five tone marks as combining characters: grave, acute, tilde, hook above, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

# A run of characters without spaces: a word with what clings to it ("(Céng", "hßa,", "12/QĐ-UBND").
_TOKEN = regex.compile(r"(?x) \S+")
# A run of letters inside a token: "hòa" in "(hòa,", "QĐ" and "UBND" in "12/QĐ-UBND".
_LETTER_RUN = regex.compile(r"(?x) \p{L}+")
# A small ASCII letter: a line holding one is not a line of capitals ("Số: 12/QĐ-UBND").
_SMALL_ASCII = regex.compile(r"(?x) [a-z]")
# A word written in a TCVN3 capitals font (.VnTimeH), whose accented capitals come out as small letters:
# two ASCII capitals or more, no ASCII small letter, and a small accented letter ("CộNG", "HOạCH", "NGHĩA").
_CAPITALS_WORD = regex.compile(
    r"""(?x) (?<!\S) (?= (?: [^\sa-z]*? [A-Z] ){2} ) (?= [^\sa-z]*? [^\sa-zA-Z\P{Ll}] ) [^\sa-z]+ (?!\S)"""
)

# Shares of a text's words that hold a Vietnamese letter (at least) and a stray symbol (at most);
# and of the words with a Vietnamese letter, those that are Vietnamese syllables (at least).
MIN_VIETNAMESE_WORDS = 0.2
MAX_STRAY_WORDS = 0.05
MIN_SYLLABLES = 0.7
SAMPLE_BYTES = 65536  # the encodings are judged on the file's beginning


@dataclass(frozen=True)
class Decoded:
    """A legacy-encoded text converted to Unicode, and the encoding's name as a clerk knows it."""

    text: str
    encoding: str


@cache
def _windows_1252() -> dict[int, str]:
    """Latin-1 code point → the Windows-1252 character (bytes 80–9F hold quotes and dashes there)."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


@cache
def _tcvn3_table() -> dict[int, str]:
    table = dict(_windows_1252())
    table.update(legacy_tables.TCVN3)
    return table


@cache
def _vni() -> tuple[dict[int, str], dict[str, str], regex.Pattern]:
    """VNI's one-character letters, its marks, and the pattern of a vowel followed by a mark."""
    letters = {ord(code): letter for code, letter in legacy_tables.VNI_LETTERS.items()}
    bases, marks = regex.escape(legacy_tables.VNI_BASES), regex.escape("".join(legacy_tables.VNI_MARKS))
    # a vowel and the mark character after it: "oä" of "Coäng" (ộ), "OÄ" of "COÄNG" (Ộ), "ơù" (ớ)
    pair = regex.compile(rf"(?x) (?P<base> [{bases}] ) (?P<mark> [{marks}] )")
    return letters, legacy_tables.VNI_MARKS, pair


@cache
def _syllable() -> regex.Pattern:
    """A Vietnamese syllable without its tone, from the data's initials, nuclei and finals ("quôc", "ngươi")."""

    def choice(items: tuple[str, ...]) -> str:
        return "|".join(regex.escape(item) for item in sorted(items, key=len, reverse=True))

    initials, nuclei, finals = (
        choice(legacy_tables.SYLLABLE_INITIALS),
        choice(legacy_tables.SYLLABLE_NUCLEI),
        choice(legacy_tables.SYLLABLE_FINALS),
    )
    return regex.compile(rf"(?x) ^ (?: {initials} )? (?: {nuclei} ) (?: {finals} )? $")


def tcvn3(data: bytes) -> str:
    """The bytes read as TCVN3, with the capitals lines of a .VnTimeH font restored."""
    text = data.decode("latin-1").translate(_tcvn3_table())
    return unicodedata.normalize("NFC", "".join(_restore_capitals(line) for line in text.splitlines(keepends=True)))


def _restore_capitals(line: str) -> str:
    """``CộNG HOà Xã HộI`` → ``CỘNG HOÀ XÃ HỘI``: a TCVN3 capitals font draws small-letter codes as capitals.

    A line without small ASCII letters that holds such a word is all capitals ("Kế HOạCH" → "KẾ HOẠCH");
    elsewhere only the words themselves are ("Số: 02/KH-UBND" and "Đà Nẵng" stay as they are).
    """
    words = list(_CAPITALS_WORD.finditer(line))
    if words and not _SMALL_ASCII.search(line):
        return line.upper()
    for match in reversed(words):
        line = line[: match.start()] + match.group().upper() + line[match.end() :]
    return line


def vni(data: bytes) -> str:
    """The bytes read as VNI-Windows: Windows-1252 characters, then each vowel + mark pair composed."""
    letters, marks, pair = _vni()
    text = data.decode("latin-1").translate(_windows_1252()).translate(letters)
    text = pair.sub(lambda m: unicodedata.normalize("NFC", m.group("base") + marks[m.group("mark")]), text)
    return unicodedata.normalize("NFC", text)


def windows_1258(data: bytes) -> str:
    """The bytes read as Windows-1258 (tone marks are separate characters there), composed."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


DECODERS = (("TCVN3 (ABC)", tcvn3), ("VNI-Windows", vni), ("Windows-1258", windows_1258))


def is_syllable(word: str) -> bool:
    """``cộng``, ``Người``, ``quốc`` are Vietnamese syllables; ``hoứa`` (VNI read as TCVN3) is not."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in TONE_MARKS for c in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return bool(_syllable().match(toneless))


@dataclass
class Reading:
    """How much of a text reads as Vietnamese."""

    words: int = 0  # tokens holding a letter
    vietnamese: int = 0  # … a vowel with a Vietnamese mark
    syllables: int = 0  # … such a vowel, in letters that make a Vietnamese syllable
    stray: int = 0  # … a non-ASCII character that is neither a Vietnamese letter nor punctuation

    def plausible(self) -> bool:
        return (
            self.words > 0
            and self.vietnamese >= MIN_VIETNAMESE_WORDS * self.words
            and self.syllables >= MIN_SYLLABLES * self.vietnamese
            and self.stray <= MAX_STRAY_WORDS * self.words
        )

    def score(self) -> int:
        return self.syllables - (self.vietnamese - self.syllables) - 4 * self.stray


def reading(text: str) -> Reading:
    """Count the words of ``text`` that read as Vietnamese."""
    counts = Reading()
    for match in _TOKEN.finditer(text):
        token = match.group()
        if not any(c.isalpha() for c in token):
            continue
        counts.words += 1
        odd = [c for c in token if ord(c) > 0x7F]
        if any(c not in VIETNAMESE_LETTERS and c not in PUNCTUATION for c in odd):
            counts.stray += 1
            continue
        # judged: the letter runs with a marked vowel ("Cộng"); "QĐ" of "12/QĐ-UBND" is an abbreviation
        judged = [run for run in _LETTER_RUN.findall(token) if any(c in VIETNAMESE_LETTERS - {"đ", "Đ"} for c in run)]
        if judged:
            counts.vietnamese += 1
            counts.syllables += all(is_syllable(run) for run in judged)
    return counts


def decode(data: bytes) -> Decoded | None:
    """The text in whichever legacy encoding makes it read as Vietnamese; None when none does."""
    best: tuple[int, str, object] | None = None
    sample = data[:SAMPLE_BYTES]
    for name, decoder in DECODERS:
        judged = reading(decoder(sample))
        if judged.plausible() and (best is None or judged.score() > best[0]):
            best = (judged.score(), name, decoder)
    if best is None:
        return None
    _, name, decoder = best
    return Decoded(decoder(data), name)
