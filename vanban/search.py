"""What a user types in the search box → an FTS5 query on the right index, and the passage that matched.

Vietnamese words are mostly two or more syllables (``cải cách``, ``hành
chính``), and a search typed without marks cannot tell ``cải`` from ``cài``
or ``cai``. So:

- typed without any mark (``cai cach hanh chinh``), the query runs on the
  folded index (``documents_folded_fts``: marks removed, đ→d); typed with a
  mark anywhere (``bàn giao``), it runs on the exact index
  (``documents_fts``), where ``bàn`` is not ``bản``;
- the words of an unquoted run must occur close together, in any order
  (FTS5 ``NEAR``, :data:`NEAR_DISTANCE` words apart at most): the syllables
  of one term stay one term, and ``cai nghiện`` … ``cải tạo`` … ``hành chính``
  scattered over a document no longer match ``cai cach hanh chinh``;
- a quoted part (``"cải cách hành chính"``) is a phrase: those words, in that
  order; a comma or semicolon separates groups that may be far apart
  (``ke hoach, lang son``);
- every word is quoted in the FTS5 query, so FTS5 syntax typed by a user
  (a lone ``"``, ``AND``, ``*``, ``NEAR(``, ``-``) is only text.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import regex
from markupsafe import Markup, escape

from vanban.pipeline.normalize import fold_diacritics, fold_tones

# Words of one unquoted group may stand this many words apart ("Sở Nội vụ tỉnh Lạng Sơn" for "so noi vu lang son").
NEAR_DISTANCE = 4
# What a search box accepts: longer input is cut (a query, not a document), and at most this many words.
MAX_QUERY_CHARS = 500
MAX_WORDS = 32

# A word of a query or a text: letters and digits ("cải", "02", "kh", "ubnd").
_WORD = regex.compile(r"\w+")
# The parts of a query: a quoted phrase (an unclosed quote runs to the end), or a comma/semicolon between groups.
# '"cải cách hành chính" năm 2023' → phrase "cải cách hành chính", then the words năm 2023
_PART = regex.compile(
    r"""(?x)
    " (?P<phrase> [^"]* ) (?: " | $ )   # "cải cách hành chính"
    | (?P<separator> [,;] )             # ke hoach, lang son
    | (?P<words> [^",;]+ )              # cai cach hanh chinh
    """
)


# Old-style tone placement puts the mark on the second vowel of a closing "oa", "oe", "uy" ("hoà", "uỷ"), new
# style on the first ("hòa", "ủy"). Texts hold both; the exact index keeps them as printed, so a marked query
# word is looked up in both styles. Built from the five tone marks, not listed by hand.
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_NEW_TO_OLD = {
    unicodedata.normalize("NFC", first + tone + second): unicodedata.normalize("NFC", first + second + tone)
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for tone in _TONES
}
# A syllable ending in a new-style "òa", "óe", "ủy" …: "hòa", "thủy", "ủy"
_NEW_STYLE_END = regex.compile("(?x) (?P<pair>" + "|".join(_NEW_TO_OLD) + ") $")
MAX_SPELLINGS = 16  # old/new spelling combinations tried for one group of words
# The passage centres on one of a text's first this many matched words (a long text can match thousands).
MAX_CENTRES = 500


def spellings(word: str) -> list[str]:
    """A lower-case query word in new-style tone placement and, when it differs, old style: ``ủy`` → ``ủy``, ``uỷ``.

    Not after "q", where "u" belongs to the consonant ("quý" has one spelling).
    """
    match = _NEW_STYLE_END.search(word)
    if match is None or word[: match.start()].endswith("q"):
        return [word]
    return [word, word[: match.start()] + _NEW_TO_OLD[match.group("pair")]]


def has_marks(text: str) -> bool:
    """True when the text carries a Vietnamese tone or vowel mark, or đ: ``bàn``, ``đất`` yes; ``ban`` no."""
    return fold_diacritics(text) != text


@dataclass
class Group:
    """Words that must occur together: in this order (a phrase), or close together in any order."""

    words: list[str]
    phrase: bool

    def fts(self, exact: bool) -> str:
        """The FTS5 expression; on the exact index, every tone-placement spelling of the words (OR)."""
        options = [spellings(word) if exact else [word] for word in self.words]
        variants = list(itertools.islice(itertools.product(*options), MAX_SPELLINGS))
        alternatives = [self._one(list(words)) for words in variants]
        return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"

    def _one(self, words: list[str]) -> str:
        if self.phrase or len(words) == 1:
            return '"' + " ".join(words) + '"'
        return f"NEAR({' '.join(f'{chr(34)}{word}{chr(34)}' for word in words)}, {NEAR_DISTANCE})"


@dataclass
class SearchQuery:
    """A parsed search: which index, which groups of words; ``fts`` is the MATCH expression."""

    typed: str
    exact: bool  # marks typed: the exact index, marks significant
    groups: list[Group] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def index(self) -> str:
        """The FTS5 table of documents this query runs on."""
        return "documents_fts" if self.exact else "documents_folded_fts"

    @property
    def fts(self) -> str:
        return " AND ".join(group.fts(self.exact) for group in self.groups) or '""'

    @property
    def words(self) -> list[str]:
        return [word for group in self.groups for word in group.words]


def _terms(text: str, exact: bool) -> list[str]:
    """The words of a piece of a query as the index holds them: lower case, folded unless ``exact``."""
    text = fold_tones(unicodedata.normalize("NFC", text))
    return _WORD.findall((text if exact else fold_diacritics(text)).lower())


def parse(typed: str | None) -> SearchQuery:
    """Parse what a user typed (see the module docstring); input past :data:`MAX_QUERY_CHARS` is cut."""
    typed = (typed or "")[:MAX_QUERY_CHARS]
    exact = has_marks(typed)
    query = SearchQuery(typed, exact)
    budget = MAX_WORDS
    for part in _PART.finditer(typed):
        source = part.group("phrase") if part.group("phrase") is not None else part.group("words")
        if source is None:
            continue
        words = _terms(source, exact)[:budget]
        budget -= len(words)
        if words:
            query.groups.append(Group(words, phrase=part.group("phrase") is not None))
    return query


def fts_query(typed: str | None) -> str:
    """The FTS5 MATCH expression for what a user typed (for the index :func:`index_for` names)."""
    return parse(typed).fts


# ---------------------------------------------------------------- the passage


def _comparable(text: str, exact: bool) -> str | None:
    """The text as a query compares it, the same length as the text (None when it cannot be)."""
    folded = fold_tones(text) if exact else fold_diacritics(text)
    folded = folded.lower()
    return folded if len(folded) == len(text) else None


def _hits(comparable: str, query: SearchQuery) -> list[tuple[int, int, str]]:
    """The occurrences of the query's words that make a match, as FTS5 finds them: (start, end, word), in order.

    A phrase's words count only in sequence, a group's words only where all of
    them stand within the group's reach (``cai cach hanh chinh``: not the
    ``hạnh`` of ``hạnh phúc`` elsewhere).
    """
    words = _WORD.findall(comparable)
    marked: set[int] = set()
    for group in query.groups:
        wanted, size = set(group.words), len(group.words)
        reach = size if group.phrase else size + NEAR_DISTANCE
        # where a match can start: a phrase at its first word, a group at any of its words
        starts = wanted if not group.phrase else {group.words[0]}
        for i in [i for i, word in enumerate(words) if word in starts]:
            window = words[i : i + reach]
            if group.phrase:
                if window == group.words:
                    marked.update(range(i, i + size))
            else:
                seen: set[str] = set()
                for k, w in enumerate(window):
                    seen.add(w)
                    if wanted <= seen:  # the shortest stretch from here holding every word
                        marked.update(i + j for j, w2 in enumerate(window[: k + 1]) if w2 in wanted)
                        break
    if not marked:
        return []
    spans = [m.span() for m in itertools.islice(_WORD.finditer(comparable), max(marked) + 1)]
    return [(*spans[i], words[i]) for i in sorted(marked)]


def matches(text: str | None, query: SearchQuery) -> bool:
    """True when the query's words make a match in ``text``, as :func:`passage_pieces` marks them."""
    comparable = _comparable(text or "", query.exact)
    return bool(comparable and query.words and _hits(comparable, query))


def passage_pieces(text: str | None, query: SearchQuery, width: int = 110) -> list[tuple[str, bool]]:
    """The stretch of ``text`` where most of the query's words occur, as (piece, matched) pairs.

    Matching is the query's own: folded for a query typed without marks, exact
    (case aside) for one with marks. Runs of white space become one space; an
    ellipsis stands where the text was cut.
    """
    if not text:
        return []
    comparable = _comparable(text, query.exact)
    hits = _hits(comparable, query) if comparable is not None and query.words else []
    if not hits:
        return [(" ".join(text[: 2 * width].split()) + ("…" if len(text) > 2 * width else ""), False)]
    best = _best_window(hits, width)
    begin, end = max(0, best - width), min(len(text), best + width)
    while begin > 0 and not text[begin - 1].isspace() and best - begin < width + 20:
        begin -= 1  # do not cut a word in two
    while end < len(text) and not text[end].isspace() and end - best < width + 20:
        end += 1
    pieces: list[tuple[str, bool]] = [("…", False)] if begin else []
    cursor = begin
    for start, stop, _ in hits:
        if start < begin or stop > end:
            continue
        pieces += [(_one_line(text[cursor:start]), False), (text[start:stop], True)]
        cursor = stop
    pieces.append((_one_line(text[cursor:end]) + ("…" if end < len(text) else ""), False))
    return [(piece, matched) for piece, matched in pieces if piece]


def _best_window(hits: list[tuple[int, int, str]], width: int) -> int:
    """Where the passage centres: the start of the hit whose ``± width`` window holds the most distinct query
    words, the earliest among equals (only the first :data:`MAX_CENTRES` hits are tried).

    One pass: the window's two edges only move forward as the centre does, so each hit enters and leaves the
    count of words in the window once.
    """
    in_window: Counter[str] = Counter()
    best, best_count = hits[0][0], 0
    entering = leaving = 0
    for start, _, _ in hits[:MAX_CENTRES]:
        while entering < len(hits) and hits[entering][0] <= start + width:
            in_window[hits[entering][2]] += 1
            entering += 1
        while hits[leaving][0] < start - width:
            word = hits[leaving][2]
            in_window[word] -= 1
            if not in_window[word]:
                del in_window[word]
            leaving += 1
        if len(in_window) > best_count:
            best, best_count = start, len(in_window)
    return best


def _one_line(text: str) -> str:
    return regex.sub(r"\s+", " ", text)


def passage(text: str | None, query: SearchQuery, width: int = 110) -> Markup:
    """:func:`passage_pieces` as HTML: escaped, each matched word in ``<mark>``."""
    return Markup("").join(
        Markup("<mark>") + escape(piece) + Markup("</mark>") if matched else escape(piece)
        for piece, matched in passage_pieces(text, query, width)
    )


def plain_passage(text: str | None, typed: str | None, width: int = 110) -> str | None:
    """:func:`passage_pieces` as plain text, for a query's JSON or CSV."""
    if text is None:
        return None
    return "".join(piece for piece, _ in passage_pieces(text, parse(typed), width))
