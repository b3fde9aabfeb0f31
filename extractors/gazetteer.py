"""Names of document types, issuing bodies and provinces, and how to expand them.

The knowledge lives in ``extractors/data`` (doc_types.json, issuers.json,
provinces.json); this module loads it once and offers it to every extractor:

- :data:`DOC_TYPES`, :func:`doc_type_for_code`, :func:`code_for_doc_type` — the type table
  (``"KH"`` ↔ ``"Kế hoạch"``, ``"NĐ"`` ↔ ``"Nghị định"``);
- :func:`expand_abbreviations`, :func:`sentence_case`, :func:`expand_issuer` — a header
  name as a readable name (``"UBND TỈNH LẠNG SƠN"`` → ``"Ủy ban nhân dân tỉnh Lạng Sơn"``);
- :func:`issuer_for_code` — the body behind a symbol's issuer code (``"SNV"`` + Lâm Đồng →
  ``"Sở Nội vụ tỉnh Lâm Đồng"``);
- :func:`find_agencies`, :func:`find_provinces`, :func:`province_named` — a spaCy
  ``PhraseMatcher`` (blank multilingual pipeline, no model) over the gazetteer.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from vanban.pipeline.normalize import fold_diacritics, fold_tones

from . import knowledge

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

# ---------------------------------------------------------------------------
# Text clean-up shared by the extractors


# Look-alike letters some PDFs use: Icelandic eth for Đ ("Ðộc lập", "Ðiều 3").
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


_SPACE_RUN = regex.compile(r"[ \t\u00a0]+")


def clean(text: str, fold: bool = True) -> str:
    """NFC, look-alike letters and dashes fixed, runs of spaces made one; new-style tones unless ``fold=False``."""
    # The extractors clean the same header and signature lines many times over: lines are remembered.
    return _clean_line(text, fold) if len(text) <= 300 else _clean(text, fold)


def _clean(text: str, fold: bool) -> str:
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    text = fold_tones(text) if fold else text
    return _SPACE_RUN.sub(" ", text).strip()


_clean_line = lru_cache(maxsize=8192)(_clean)


# ---------------------------------------------------------------------------
# Document types


@dataclass(frozen=True)
class DocType:
    name: str  # "Kế hoạch"
    code: str | None  # "KH"; None for Công văn, Luật, …
    kind: str  # "nd30" | "legal" | "party"


_TYPES_DATA = knowledge.table("doc_types")
DOC_TYPES: tuple[DocType, ...] = tuple(DocType(t["name"], t["code"], t["kind"]) for t in _TYPES_DATA["types"])
"""Every document type, in table order (Nghị định 30/2020 Phụ lục III first)."""

_NAME_BY_CODE: dict[str, str] = {}
for _t in DOC_TYPES:
    if _t.code:
        _NAME_BY_CODE.setdefault(_t.code.casefold(), _t.name)
_CODE_BY_NAME: dict[str, str | None] = {}
for _t in DOC_TYPES:
    _CODE_BY_NAME.setdefault(_t.name.casefold(), _t.code)

DOC_TYPE_NAMES: tuple[str, ...] = tuple(sorted({t.name for t in DOC_TYPES}, key=len, reverse=True))
"""Type names, longest first (so ``Thông tư liên tịch`` is tried before ``Thông tư``)."""
DOC_TYPE_CODES: tuple[str, ...] = tuple(sorted({t.code for t in DOC_TYPES if t.code}, key=len, reverse=True))
"""Type codes as printed in symbols, longest first."""
URGENCY: tuple[str, ...] = tuple(_TYPES_DATA["urgency"])
CONFIDENTIALITY: tuple[str, ...] = tuple(_TYPES_DATA["confidentiality"])


JOINT_SUFFIXES: tuple[str, ...] = tuple(_TYPES_DATA["joint_suffixes"]["suffixes"])
"""Endings of a joint document's type code: ``HDLN`` (Hướng dẫn liên ngành), ``TTLT``, ``NQLT``."""


def _joint_base(code: str) -> str | None:
    """The type code a joint type code is made from: ``"HDLN"`` → ``"hd"``; None when it is none."""
    folded = clean(code).casefold()
    for suffix in JOINT_SUFFIXES:
        base = folded.removesuffix(suffix.casefold())
        if base != folded and base in _NAME_BY_CODE:
            return base
    return None


def doc_type_for_code(code: str | None) -> str | None:
    """The type name for a symbol's type code: ``"KH"`` → ``"Kế hoạch"``, ``"nđ"`` → ``"Nghị định"``,
    ``"HDLN"`` → ``"Hướng dẫn"``."""
    if not code:
        return None
    folded = clean(code).casefold()
    base = _joint_base(code)
    return _NAME_BY_CODE.get(folded) or (_NAME_BY_CODE[base] if base else None)


def code_for_doc_type(name: str | None) -> str | None:
    """The ND30 code of a type name: ``"Tờ trình"`` → ``"TTr"``; None for Công văn, Luật, unknown names."""
    return _CODE_BY_NAME.get(clean(name).casefold()) if name else None


def is_type_code(code: str) -> bool:
    """Whether ``code`` is a document-type abbreviation (``QĐ``, ``TTr``, ``HDLN``), as opposed to an issuer's."""
    return clean(code).casefold() in _NAME_BY_CODE or _joint_base(code) is not None


def is_joint_code(code: str | None) -> bool:
    """Whether a type code names a document several bodies issue together: ``TTLT``, ``NQLT``, ``HDLN``."""
    return (
        bool(code)
        and is_type_code(code)
        and clean(code).casefold().endswith(tuple(s.casefold() for s in JOINT_SUFFIXES))
    )


# ---------------------------------------------------------------------------
# Provinces


@dataclass(frozen=True)
class Province:
    name: str  # "Lâm Đồng"
    kind: str  # "tỉnh" | "thành phố"
    current: bool  # one of the 34 units since 1 July 2025
    merged_into: str  # the post-2025 unit it belongs to (itself when unchanged)

    @property
    def full_name(self) -> str:
        """``"tỉnh Lâm Đồng"``, ``"thành phố Hà Nội"``."""
        return f"{self.kind} {self.name}"


_PROV_DATA = knowledge.table("provinces")
PROVINCES: dict[str, Province] = {}
"""Every province and centrally run city of both eras, by name."""
for _p in _PROV_DATA["before_2025"]:
    PROVINCES[_p["name"]] = Province(_p["name"], _p["kind"], False, _p["merged_into"])
for _p in _PROV_DATA["since_2025"]:
    PROVINCES[_p["name"]] = Province(_p["name"], _p["kind"], True, _p["name"])
_PROVINCE_ALIASES: dict[str, str] = {clean(k).casefold(): v for k, v in _PROV_DATA["aliases"].items()}
_PROVINCE_ALIASES.update({clean(name).casefold(): name for name in PROVINCES})


def province_named(name: str | None) -> Province | None:
    """The province a place name denotes (``"Bình Thuận"``, ``"TP. Hồ Chí Minh"``), else None."""
    if not name:
        return None
    key = clean(name).casefold()
    key = regex.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", key)
    canonical = _PROVINCE_ALIASES.get(key)
    return PROVINCES.get(canonical) if canonical else None


# ---------------------------------------------------------------------------
# Issuers


@dataclass(frozen=True)
class IssuerCode:
    code: str  # "SNV"
    name: str | None  # "Sở Nội vụ"
    scope: str  # "national" | "province"


_ISSUER_DATA = knowledge.table("issuers")
ISSUER_CODES: dict[str, IssuerCode] = {
    code.casefold(): IssuerCode(code, v["name"], v["scope"]) for code, v in _ISSUER_DATA["codes"].items()
}
"""Issuer codes of symbols (casefolded key) → :class:`IssuerCode`."""
ABBREVIATIONS: dict[str, str] = dict(_ISSUER_DATA["words"])
"""Word-level abbreviations expanded inside names (``UBND`` → ``Ủy ban nhân dân``)."""
AGENCY_NAMES: tuple[str, ...] = tuple(_ISSUER_DATA["agencies"])
AGENCY_HEADS: tuple[str, ...] = tuple(_ISSUER_DATA["heads"])
PROPER_NOUNS: tuple[str, ...] = tuple(_ISSUER_DATA["proper_nouns"])
# A unit named after its parent, by its name casefolded → as spelled: "ban tổ chức" → "Ban Tổ chức".
UNITS_NAMED_AFTER_PARENT: dict[str, str] = {n.casefold(): n for n in _ISSUER_DATA["units_named_after_parent"]}
PARTY_COMMITTEES: dict[str, str] = dict(_ISSUER_DATA["party_committees"])
# A parent as its units' names call it: "Ban Chấp hành Trung ương" → "Trung ương Đảng" (Văn phòng Trung ương Đảng).
PARENTS_IN_UNIT_NAMES: dict[str, str] = dict(_ISSUER_DATA["parents_in_unit_names"])
"""A Party committee named after its level → that level's word: ``Huyện ủy`` → ``huyện``."""
LOCAL_UNITS: tuple[str, ...] = tuple(sorted(_ISSUER_DATA["local_units"], key=len, reverse=True))
"""Units whose name is only complete with the body above them: ``Văn phòng`` → ``Văn phòng Ủy ban nhân dân tỉnh …``."""

_ABBREV_BY_KEY = {k.casefold(): v for k, v in ABBREVIATIONS.items()}
_KNOWN_BY_COMPACT: dict[str, str] = {
    regex.sub(r"\s+", "", n).casefold(): n for n in [*AGENCY_NAMES, *(c.name for c in ISSUER_CODES.values() if c.name)]
}
"""Known body names with their spaces removed, to read a scan's run-together header line."""

# A word of a name, with any trailing dot kept so "TP." is seen whole.
# "UBND TỈNH LÂM ĐỒNG" → "UBND", "TỈNH", "LÂM", "ĐỒNG"; "KH&CN" stays one word.
_WORD = regex.compile(r"""(?x)
    (?<![\w&])            # not inside a word
    (?P<word>\w+(?:&\w+)*\.?)
""")


def expand_abbreviations(text: str) -> str:
    """Every known abbreviation written as a word, spelled out: ``"UBND tỉnh"`` → ``"Ủy ban nhân dân tỉnh"``."""

    def repl(m: regex.Match) -> str:
        word = m.group("word")
        full = _ABBREV_BY_KEY.get(word.casefold())
        if full is not None:
            return full
        if word.endswith(".") and word[:-1].casefold() in _ABBREV_BY_KEY:
            return _ABBREV_BY_KEY[word[:-1].casefold()] + "."
        return word

    return _WORD.sub(repl, clean(text))


@lru_cache(maxsize=1)
def _nlp() -> Language:
    """spaCy's blank multilingual pipeline (no model), loaded on the first match: the store and the site import
    this module for its tables without paying for spaCy."""
    import spacy

    return spacy.blank("xx")


def _phrase_matcher() -> PhraseMatcher:
    """An empty matcher of lower-cased phrases over :func:`_nlp`'s vocabulary."""
    from spacy.matcher import PhraseMatcher

    return PhraseMatcher(_nlp().vocab, attr="LOWER")


@lru_cache(maxsize=1)
def _casing_matcher() -> tuple[PhraseMatcher, dict[str, str]]:
    """A matcher of every multi-word name whose capitals matter, keyed by its lower-case form."""
    nlp = _nlp()
    matcher = _phrase_matcher()
    canonical: dict[str, str] = {}
    names = [n for n in AGENCY_NAMES if " " in n] + list(PROPER_NOUNS)
    names += [p.name for p in PROVINCES.values()]
    for name in names:
        name = clean(name)
        canonical.setdefault(name.casefold(), name)
    matcher.add("NAME", [nlp.make_doc(n) for n in canonical.values()])
    return matcher, canonical


def sentence_case(text: str) -> str:
    """An upper-case name in sentence case, agencies, provinces and proper nouns capitalised.

    ``"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"`` → ``"Sở Văn hóa, Thể thao và Du lịch"``.
    """
    text = clean(text)
    if not text:
        return text
    lower = text.lower()
    chars = list(lower)
    matcher, canonical = _casing_matcher()
    doc = _nlp().make_doc(lower)
    taken_to = -1
    for _, start, end in sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
        if start < taken_to:
            continue
        taken_to = end
        span = doc[start:end]
        name = canonical.get(span.text.casefold())
        if name and len(name) == len(span.text):
            chars[span.start_char : span.end_char] = list(name)
    out = "".join(chars)
    return out[0].upper() + out[1:]


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _folded_key(text: str) -> str:
    """A name reduced to what a scan keeps: no marks, no spaces, lower case (``"LÂM ĐÒNG"`` → ``"lamdong"``)."""
    return regex.sub(r"\W+", "", fold_diacritics(clean(text)).casefold())


@lru_cache(maxsize=1)
def _glue_pieces() -> dict[str, str]:
    """Phrases a run-together header line is cut back into, by folded key: known bodies, head words,
    abbreviations, administrative units and provinces (``"tinh"`` → ``"tỉnh"``, ``"lamdong"`` → ``"Lâm Đồng"``)."""
    phrases = [*LOCAL_UNITS, *AGENCY_HEADS, *AGENCY_NAMES, *ABBREVIATIONS, *(p for p in PROVINCES)]
    pieces: dict[str, str] = {}
    for phrase in phrases:
        pieces.setdefault(_folded_key(phrase), clean(phrase))
    return pieces


def _split_glued(word: str) -> str | None:
    """A scan's run-together word cut into known phrases, fewest pieces first:
    ``"TỈNHLÂMĐÒNG"`` → ``"TỈNH LÂM ĐỒNG"``; None when it is not made of known phrases."""
    key = _folded_key(word)
    pieces = _glue_pieces()
    best: list[list[str] | None] = [[]] + [None] * len(key)
    for end in range(1, len(key) + 1):
        for start in range(end):
            prev, piece = best[start], pieces.get(key[start:end])
            if prev is not None and piece and (best[end] is None or len(prev) + 1 < len(best[end])):
                best[end] = prev + [piece]
    found = best[len(key)]
    if not found or len(found) < 2:
        return None
    joined = " ".join(found)
    return joined.upper() if _is_upper(word) else joined


@lru_cache(maxsize=1)
def _known_by_key() -> dict[str, str]:
    names = [*AGENCY_NAMES, *(c.name for c in ISSUER_CODES.values() if c.name)]
    return {_folded_key(n): clean(n) for n in names if len(_folded_key(n)) >= 12}


def _known_near(name: str) -> str | None:
    """The known body a scan's misread of a long name stands for, within one slip per 12 letters:
    ``"VĂN PHÒNG TRƯUNG ƯƠNG ĐẢNG"`` → ``"Văn phòng Trung ương Đảng"``."""
    key = _folded_key(name)
    if len(key) < 12:
        return None
    for known_key, known in _known_by_key().items():
        if (
            known_key[:3] == key[:3]
            and abs(len(known_key) - len(key)) <= len(key) // 12
            and regex.fullmatch(f"(?:{regex.escape(known_key)}){{e<={len(key) // 12}}}", key)
        ):
            return known
    return None


@lru_cache(maxsize=1)
def _known_rests() -> dict[tuple[str, ...], str]:
    """What known bodies' names say after their head word, by its folded words: ``("to", "chuc")`` →
    ``"Tổ chức"`` (Ban Tổ chức), ``("tuyen", "giao")`` → ``"Tuyên giáo"``; only rests of two words
    or more, and none that two spellings share."""
    rests: dict[tuple[str, ...], str] = {}
    ambiguous: set[tuple[str, ...]] = set()
    for name in [*AGENCY_NAMES, *UNITS_NAMED_AFTER_PARENT.values()]:
        head = next((h for h in sorted(AGENCY_HEADS, key=len, reverse=True) if name.startswith(h + " ")), None)
        rest = name[len(head) + 1 :] if head else ""
        key = tuple(fold_diacritics(rest).casefold().split())
        if len(key) < 2:
            continue
        if key in rests and rests[key].casefold() != rest.casefold():
            ambiguous.add(key)
        rests.setdefault(key, rest)
    return {key: rest for key, rest in rests.items() if key not in ambiguous}


def _with_known_rest(name: str) -> str:
    """``name`` with the words after its head word spelled as a known body's are when only their marks
    differ: ``"VỤ TỎ CHỨC - CÁN BỘ"`` → ``"VỤ TỔ CHỨC - CÁN BỘ"`` (as in Ban Tổ chức)."""
    words = name.split(" ")
    head = next(
        (h for h in sorted(AGENCY_HEADS, key=len, reverse=True) if name.casefold().startswith(h.casefold() + " ")),
        None,
    )
    if head is None:
        return name
    start = len(head.split(" "))
    folded = [fold_diacritics(w).casefold() for w in words]
    for key, rest in sorted(_known_rests().items(), key=lambda kv: len(kv[0]), reverse=True):
        read = " ".join(words[start : start + len(key)])
        if tuple(folded[start : start + len(key)]) == key and read.casefold() != rest.casefold():
            spelled = rest.upper() if _is_upper(read) else rest
            return " ".join([*words[:start], spelled, *words[start + len(key) :]])
    return name


def repair_name(text: str) -> str:
    """A header name line with a scan's damage undone where known names allow it: words run
    together (``"UBND TỈNHLÂMĐÒNG"`` → ``"UBND TỈNH LÂM ĐỒNG"``), a head word whose marks were
    misread (``"TỎ CÔNG TÁC"`` → ``"TỔ CÔNG TÁC"``) and the words after it where a known body's name
    has them (``"VỤ TỎ CHỨC"`` → ``"VỤ TỔ CHỨC"``). Other text is left as printed."""
    name = clean(text)
    bare = name.rstrip(" ,;:")
    glued = _KNOWN_BY_COMPACT.get(regex.sub(r"\s+", "", bare).casefold()) or _known_near(bare)
    if glued and glued.casefold() != bare.casefold():
        return (glued.upper() if _is_upper(bare) else glued) + name[len(bare) :]
    words = name.split(" ")
    for i, word in enumerate(words):
        letters = regex.sub(r"\W", "", word)
        if len(letters) >= 8 and _folded_key(word) not in _glue_pieces():
            words[i] = _split_glued(word) or word
    name = " ".join(words)
    if not _starts_with_known_head(name):
        folded = fold_diacritics(name).casefold()
        for head in sorted(AGENCY_HEADS, key=len, reverse=True):
            f_head = fold_diacritics(head).casefold()
            if folded == f_head or folded.startswith(f_head + " "):
                spelled = head.upper() if _is_upper(name) else head
                name = spelled + name[len(head) :]
                break
    return _with_known_rest(name)


def _starts_with_known_name(name: str) -> bool:
    """Whether a name opens with a multi-word gazetteer name, whose own casing then stands
    (``"Hội đồng thẩm định, …"``)."""
    return any(
        name == known or name.startswith(known + " ") or name.startswith(known + ",") for known in _multiword_names()
    )


@lru_cache(maxsize=1)
def _multiword_names() -> tuple[str, ...]:
    """Gazetteer names of more than one word that are not bare agency heads, cleaned."""
    return tuple(known for known in map(clean, AGENCY_NAMES) if " " in known and known not in AGENCY_HEADS)


def _starts_with_known_head(name: str) -> bool:
    folded = expand_abbreviations(name).casefold()
    return any(folded == h.casefold() or folded.startswith(h.casefold() + " ") for h in AGENCY_HEADS)


# The first word of an agency's own name after its kind, capitalised per Nghị định 30/2020 Phụ lục I:
# "Cục quản lý dược" → "Cục Quản lý dược", "Văn phòng sở" → "Văn phòng Sở"; never a locality or a link word
# ("Ủy ban nhân dân tỉnh …", "Công an tỉnh …", "Ban … và …", "Ban tổ dân phố" but "Vụ Tổ chức - cán bộ").
_NAME_AFTER_KIND = regex.compile(
    r"""(?x)
    ^(?>(?P<kind>"""
    + "|".join(regex.escape(h) for h in sorted(AGENCY_HEADS, key=len, reverse=True))
    + r"""))
    \s+
    (?!(?:"""
    + "|".join(regex.escape(u) for u in LOCAL_UNITS)
    + r"""|thôn|ấp|bản|tổ(?!\s+chức)|khu|khối|các|của|và|thuộc|trực|cấp|nhân)\b)
    (?P<first>\p{Ll})
"""
)


def expand_issuer(text: str, locality: str | None = None) -> str:
    """A body's name as printed in a header, spelled out and in sentence case.

    ``expand_issuer("UBND TỈNH LẠNG SƠN")`` → ``"Ủy ban nhân dân tỉnh Lạng Sơn"``;
    ``expand_issuer("SỞ NỘI VỤ", locality="tỉnh Lâm Đồng")`` → ``"Sở Nội vụ tỉnh Lâm Đồng"``.
    ``locality`` is appended when the name has none of its own (a bare trailing
    ``tỉnh`` is completed with it).
    """
    name = clean(text).strip(" ,;:.-")
    glued = _KNOWN_BY_COMPACT.get(regex.sub(r"\s+", "", name).casefold())
    if glued and glued.count(" ") > name.count(" "):
        name = glued  # a scan lost the spaces of a known name: "BỘCÔNGAN" → "Bộ Công an"
    upper = _is_upper(name)
    name = expand_abbreviations(name)
    name = sentence_case(name) if upper else name[0].upper() + name[1:] if name else name
    if upper:
        name = _LOCAL_UNIT_AT_END.sub(lambda m: m.group("unit") + " " + m.group("name").title(), name)
        name = _COMMITTEE_OF_PLACE.sub(lambda m: m.group("committee") + " " + m.group("place").title(), name)
        if not _starts_with_known_name(name):
            name = _NAME_AFTER_KIND.sub(lambda m: m.group(0)[:-1] + m.group("first").upper(), name, count=1)
    if locality and not _has_locality(name):
        loc_kind, _, loc_name = locality.partition(" ")
        committee_level = PARTY_COMMITTEES.get(name)
        if committee_level and locality.startswith(committee_level + " "):
            name = f"{name} {locality[len(committee_level) + 1 :]}"  # "Huyện ủy" + "huyện Đức Trọng"
        elif regex.search(r"(?i)\b(?:tỉnh|thành phố)$", name):
            name = f"{name} {loc_name}" if loc_name else name
        else:
            name = f"{name} {locality}"
    return name


_LOCALITY = regex.compile(r"""(?x)
    # a unit with its name: "tỉnh Lâm Đồng", "thành phố Hà Nội", "huyện Đức Trọng"
    \b(?:tỉnh|thành\ phố|huyện|quận|thị\ xã|xã|phường|đặc\ khu)\s+\p{Lu}
    | \b(?:Việt\ Nam|Trung\ ương)\b
""")


# An administrative unit and its proper name closing a header name, after sentence casing.
# "ủy ban nhân dân huyện đức trọng" → "huyện" + "đức trọng"; "phường xuân hương - đà lạt"; "xã tân hà"
_LOCAL_UNIT_AT_END = regex.compile(
    r"""(?x)
    (?<=\s|^)(?P<unit>"""
    + "|".join(regex.escape(u) for u in LOCAL_UNITS)
    + r""")
    \s+
    (?P<name>(?!(?:các|trên|địa|thuộc|trực|và|của|cấp)\b)\w+(?:(?:\s|\s?-\s?)\w+){0,4})$
"""
)


# A Party committee named after its place, which it needs no other locality beside: "Huyện ủy Đồng Văn", "Tỉnh ủy
# Kiên Giang" (the committees of party_committees; their place is a proper name, not a unit word).
_COMMITTEE_OF_PLACE = regex.compile(
    r"""(?xi)
    ^(?P<committee>"""
    + "|".join(regex.escape(c) for c in sorted(PARTY_COMMITTEES, key=len, reverse=True))
    + r""")
    \s+
    (?P<place>(?!(?:"""
    + "|".join(regex.escape(u) for u in LOCAL_UNITS)
    + r"""|các|của|và|thuộc|trực)\b)\w+(?:(?:\s|\s?-\s?)\w+){0,3})$
"""
)


def committee_place(name: str) -> str | None:
    """The place a Party committee is named after: ``"Huyện ủy Đồng Văn"`` → ``"Đồng Văn"``; None for any other
    name."""
    m = _COMMITTEE_OF_PLACE.match(name)
    return m.group("place") if m else None


def local_unit(name: str) -> str | None:
    """The administrative unit a body's name ends with: ``"Ủy ban nhân dân huyện Đức Trọng"`` →
    ``"huyện Đức Trọng"``; None when the name ends with none."""
    m = _LOCAL_UNIT_AT_END.search(name)
    if not m or any(
        w.casefold() in {"các", "trên", "địa", "bàn", "thuộc", "và", "của"} for w in m.group("name").split()
    ):
        return None
    return f"{m.group('unit').casefold()} {m.group('name')}"


def _has_locality(name: str) -> bool:
    return (
        bool(_LOCALITY.search(name))
        or any(regex.search(rf"\b{regex.escape(p)}$", name) for p in PROVINCES)
        or committee_place(name) is not None
    )


def issuer_for_code(code: str | None, province: Province | None = None) -> str | None:
    """The body that issues under a symbol code: ``"BNV"`` → ``"Bộ Nội vụ"``;
    ``"UBND"`` with Lạng Sơn → ``"Ủy ban nhân dân tỉnh Lạng Sơn"``. Only the code's first
    part counts (``"SNV-TCBC"`` → Sở Nội vụ); unknown codes give None."""
    if not code:
        return None
    head = regex.split(r"[-(]", clean(code))[0]
    head = regex.sub(r"\d+$", "", head)  # "UBTVQH15" → "UBTVQH"
    entry = ISSUER_CODES.get(head.casefold())
    if entry is None or entry.name is None:
        return None
    if entry.scope == "province" and province is not None:
        if entry.name.endswith(" tỉnh"):
            return f"{entry.name} {province.name}"
        return f"{entry.name} {province.full_name}"
    return entry.name


# ---------------------------------------------------------------------------
# Finding names in running text


@dataclass(frozen=True)
class NameMatch:
    start: int  # character offsets in the text searched
    end: int
    text: str  # as written
    name: str  # canonical: expanded, with its locality when written


@lru_cache(maxsize=1)
def _agency_matcher() -> PhraseMatcher:
    nlp = _nlp()
    matcher = _phrase_matcher()
    patterns = [clean(n) for n in AGENCY_NAMES if " " in n]
    # Abbreviated forms as written in running text: "UBND", "HĐND", "UBMTTQ".
    patterns += [
        k
        for k, v in ABBREVIATIONS.items()
        if any(
            clean(v).casefold() == clean(a).casefold() or clean(a).casefold().startswith(clean(v).casefold())
            for a in AGENCY_NAMES
        )
    ]
    matcher.add("AGENCY", [nlp.make_doc(p) for p in patterns])
    return matcher


@lru_cache(maxsize=1)
def _province_matcher() -> PhraseMatcher:
    nlp = _nlp()
    matcher = _phrase_matcher()
    names = set(_PROVINCE_ALIASES) | {clean(p).casefold() for p in PROVINCES}
    matcher.add("PROVINCE", [nlp.make_doc(n) for n in names])
    return matcher


# What may follow an agency name as its locality: "tỉnh Lâm Đồng", "các tỉnh, thành phố".
_LOCALITY_AFTER = regex.compile(r"""(?x)
    \s+(?:tỉnh|thành\ phố|TP\.?)\s+
    (?P<place>\p{Lu}\p{Ll}*(?:[\s-]+\p{Lu}\p{Ll}*){0,3})
""")


def find_provinces(text: str) -> list[NameMatch]:
    """Every province name in ``text`` (either era), longest match first at each place.

    ``find_provinces("UBND tỉnh Lâm Đồng")`` → one match, name ``"Lâm Đồng"``.
    """
    doc = _nlp().make_doc(fold_tones(text.translate(_LOOKALIKES)))
    found: list[NameMatch] = []
    taken_to = -1
    for _, start, end in sorted(_province_matcher()(doc), key=lambda m: (m[1], -m[2])):
        if start < taken_to:
            continue
        span = doc[start:end]
        province = province_named(span.text)
        if province:
            found.append(
                NameMatch(span.start_char, span.end_char, text[span.start_char : span.end_char], province.name)
            )
            taken_to = end
    return found


def find_agencies(text: str) -> list[NameMatch]:
    """Agencies named in ``text``: gazetteer names and their abbreviations, with the
    locality that follows them.

    ``find_agencies("giao UBND tỉnh Lâm Đồng và Sở Nội vụ")`` → ``"Ủy ban nhân dân tỉnh Lâm Đồng"``
    (written ``"UBND tỉnh Lâm Đồng"``) and ``"Sở Nội vụ"``.
    """
    folded = fold_tones(text.translate(_LOOKALIKES))
    doc = _nlp().make_doc(folded)
    found: list[NameMatch] = []
    taken_to = -1
    for _, start, end in sorted(_agency_matcher()(doc), key=lambda m: (m[1], -m[2])):
        if start < taken_to:
            continue
        span = doc[start:end]
        s, e = span.start_char, span.end_char
        loc = _LOCALITY_AFTER.match(folded, e)
        if loc and province_named(loc.group("place")):
            e = loc.end()
        written = text[s:e]
        found.append(NameMatch(s, e, written, expand_issuer(written)))
        taken_to = end
    return found
