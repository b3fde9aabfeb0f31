"""Text normalisation with an offset map back to the raw text.

Readers hand raw text to :func:`normalize`; everything downstream works on the
normalised text, and :attr:`Normalized.offsets` maps each of its characters back
to the raw string so spans can be shown on the original.
"""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass

import regex

# Characters dropped outright: soft hyphen, zero-width space/joiners, BOM.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Characters replaced by a plain space: NBSP and the other Unicode spaces, tabs.
_SPACE = frozenset(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
)
_NEWLINE = frozenset("\r\u2028\u2029\x85")
# One-for-one replacements. pdfium reports some hyphens as U+FFFE ("126/2024/NĐ\ufffeCP");
# Unicode hyphens become "-" so symbols match; the Icelandic eth "Ð" that some
# Vietnamese fonts map the letter Đ to ("Ðộc lập") becomes Đ.
_REPLACE = {"\ufffe": "-", "\u2010": "-", "\u2011": "-", "\u00d0": "\u0110", "\u00f0": "\u0111"}
# Legacy Vietnamese fonts map ư/Ư to the Latin letter oi (U+01A3/U+01A2), which has no other
# reading in Vietnamese text: "Trƣờng" is "Trường" (see read_legacy_glyphs).

# Cyrillic letters drawn like Latin ones, as a scanner's OCR layer or a remapped font puts
# them inside Latin words ("Сộng" with a Cyrillic С): read as the Latin letter they look like,
# only inside a word that has Latin letters too (a Cyrillic word stays as it is).
_CYRILLIC_LOOKALIKE = dict(
    zip(
        "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅУ",
        "aeopcyxijsdqwABEKMHOPCTXIJSY",
        strict=True,
    )
)
# A word mixing Cyrillic and Latin letters (combining marks inside it): "Сộng", "Ноà".
_MIXED_WORD = regex.compile(r"(?=[\p{L}\p{M}]*\p{Cyrillic})(?=[\p{L}\p{M}]*\p{Latin})[\p{L}\p{M}]+")

# Old-style tone placement ("hoà", "uỷ") → new style ("hòa", "ủy"). Same length
# on both sides, so a folded copy keeps every offset of the text it came from.
_OLD_TO_NEW_TONE = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TO_NEW_TONE.update({k.upper(): v.upper() for k, v in list(_OLD_TO_NEW_TONE.items())})
_OLD_TO_NEW_TONE.update(
    {k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_OLD_TO_NEW_TONE.items()) if k.islower()}
)

# An old-style pair where it ends a syllable ("hoàn" is the same in both styles), not after "q", where "u"
# belongs to the consonant ("quý" stays "quý"): "Hoà" → "Hòa", "thuỷ." → "thủy.".
_OLD_STYLE_END = regex.compile(
    r"""(?x)
    (?<! [qQ] )
    (?P<pair> """
    + "|".join(_OLD_TO_NEW_TONE)
    + r""" )
    (?! \p{L} )
    """
)


@dataclass(frozen=True)
class Normalized:
    text: str
    offsets: array  # offsets[i] = index in the raw text of text[i]; len(text) + 1 entries

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span behind ``text[start:end]``."""
        return self.offsets[start], self.offsets[end]


_LEGACY = str.maketrans({"\u01a3": "\u01b0", "\u01a2": "\u01af"})


def read_legacy_glyphs(text: str) -> str:
    """``text`` with the glyphs that have one reading in Vietnamese read so (same length):
    ``"Trƣờng"`` → ``"Trường"``, ``"Сộng hòa"`` (a Cyrillic С) → ``"Cộng hòa"``."""
    text = text.translate(_LEGACY)
    if not regex.search(r"\p{Cyrillic}", text):
        return text
    return _MIXED_WORD.sub(lambda m: "".join(_CYRILLIC_LOOKALIKE.get(c, c) for c in m.group()), text)


# A run of characters that normalize() keeps one for one: none dropped, replaced, a space or a newline
# to rewrite, and no combining mark (every character with a combining class is a mark, \p{M}).
_PLAIN_RUN = regex.compile(
    "[^" + "".join(sorted(_DROP | _SPACE | _NEWLINE | set(_REPLACE))) + r"\p{M}]+"
)  # "Ủy ban nhân dân tỉnh" up to the "\r" of "\r\n"


def normalize(raw: str) -> Normalized:
    """NFC, one kind of space and newline, no soft hyphens or zero-width marks, legacy glyphs
    with one reading (``ƣ`` → ``ư``, a Cyrillic ``С`` inside a Latin word → ``C``) read as that.

    Composition runs per grapheme cluster (base + combining marks), so every
    output character maps to the raw index where its cluster starts. A run of
    plain characters already in NFC (most of a page) is copied whole: each of its
    characters is its own cluster and composes to itself.
    """
    out: list[str] = []
    offsets = array("l")
    read = read_legacy_glyphs(raw)  # one for one: offsets into it are offsets into raw
    i, n = 0, len(raw)
    while i < n:
        run = _PLAIN_RUN.match(read, i)
        if run is not None:
            end = run.end()
            if end < n and unicodedata.combining(raw[end]):
                end -= 1  # the run's last letter starts a cluster with the marks after it
            if end > i:
                text = read[i:end]
                if text.isascii() or unicodedata.is_normalized("NFC", text):
                    out.append(text)
                    offsets.extend(range(i, end))
                else:  # one cluster a character (a decomposed Hangul syllable, a compatibility letter)
                    for k in range(i, end):
                        for c in unicodedata.normalize("NFC", read[k]) if not read[k].isascii() else read[k]:
                            out.append(c)
                            offsets.append(k)
                i = end
                continue
        i = _cluster(raw, read, i, out, offsets)
    offsets.append(n)
    return Normalized("".join(out), offsets)


def _cluster(raw: str, read: str, i: int, out: list[str], offsets: array) -> int:
    """normalize() of the character at ``i`` and the combining marks after it; the index after them."""
    n = len(raw)
    ch = read[i]
    if ch in _DROP:
        return i + 1
    ch = _REPLACE.get(ch, ch)  # composed with the marks after it below
    if ch in _SPACE:
        out.append(" ")
        offsets.append(i)
        return i + 1
    if ch in _NEWLINE:
        if ch == "\r" and i + 1 < n and raw[i + 1] == "\n":
            out.append("\n")  # CRLF: keep the LF only, mapped to the CR
            offsets.append(i)
            return i + 2
        out.append("\n")
        offsets.append(i)
        return i + 1
    j = i + 1
    while j < n and unicodedata.combining(raw[j]):
        j += 1
    cluster = ch + read[i + 1 : j] if j - i > 1 else ch
    composed = unicodedata.normalize("NFC", cluster) if j - i > 1 or not ch.isascii() else ch
    for c in composed:
        out.append(c)
        offsets.append(i)
    return j


def fold_tones(text: str) -> str:
    """New-style tone placement everywhere, for matching; length is unchanged."""
    if not any(c in text for c in "oOuU"):
        return text
    return _OLD_STYLE_END.sub(lambda m: _OLD_TO_NEW_TONE[m.group("pair")], text)


_STRIP_MARKS = str.maketrans({"đ": "d", "Đ": "D"})


class _FoldedLetters(dict):
    """Code point → that character without its marks (its NFD minus combining marks, đ→d), filled on first use.

    Dropping the combining marks of a text's NFD is the same as dropping them
    from each character's own decomposition (canonical reordering only moves
    the marks dropped), so ``str.translate`` with this table folds a text one
    character at a time, in C: "Sở Nội vụ" → "So Noi vu".
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code).translate(_STRIP_MARKS))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(self) < _FOLDED_LETTERS_KEPT:
            self[code] = folded
        return folded


_FOLDED_LETTERS_KEPT = 65_536  # a file of every code point costs time, not memory
_FOLDED_LETTERS = _FoldedLetters()


def fold_diacritics(text: str) -> str:
    """Tone marks and vowel marks removed, đ→d: what a search typed without marks matches."""
    folded = text.translate(_FOLDED_LETTERS)
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


def search_key(text: str | None) -> str | None:
    """A name or phrase as searches compare it: no marks, đ→d, lower case, single spaces.

    ``"Sở Nội vụ"``, ``"SỞ NỘI VỤ"`` and ``"so noi  vu"`` all give ``"so noi vu"``.
    """
    if text is None:
        return None
    return " ".join(fold_diacritics(text).lower().split())
