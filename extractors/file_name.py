"""A number written by hand, confirmed by the name a clerk gave the file.

Offices print ``Số:      /TTr-CAT`` and write the number in by pen after signing.
OCR reads pen figures badly, and the reader leaves such a slot blank, keeping what
it read (``OcrInfo.unread_number``). The file's name often carries the number:
``2388.C04.pdf``, ``QD932.pdf``, ``to trinh 511.pdf``, ``5689_BCA-C04.pdf``.

A number from the name is taken only when the name is this document's:

- the number is the one number the name holds (dates, years, scanner counters,
  timestamps and copy marks ``(1)`` are not numbers), and
- the name also names the document, by its type (``QD``, ``to trinh``, ``cv``) or a
  code of its symbol (``C04``, ``BCA``, ``LĐ LSVN``), or the number is one of the OCR
  readings.

A scanner's or a system's name (``SKM_450i25082609220.pdf``, ``1774256810651.pdf``)
gives nothing, and the slot stays blank.
"""

from __future__ import annotations

from pathlib import PurePath

import regex

from vanban.pipeline.normalize import fold_diacritics

from . import gazetteer as gz

# Dates and timestamps in names: "17.9.2025", "20082025", "20241203_234801", "20260629110301".
_DATE_LIKE = regex.compile(r"(?<!\d)(?:\d{1,2}[._-]\d{1,2}[._-](?:19|20)\d\d|\d{8,})(?!\d)")
_COPY_MARK = regex.compile(r"\(\d+\)")  # "62_0001 (1).pdf": the second copy of a download
_TOKEN = regex.compile(r"\p{L}+|\d+")
_EXTENSIONS = {"pdf", "docx", "doc", "html", "htm", "txt", "signed", "kydaude"}  # "….signed.signed.kydaude.pdf"
MAX_DIGITS = 5  # numbers run to 5 digits (11902); longer runs are ids and timestamps
CONFIRMED = "number {number} written by hand, unreadable by OCR ({readings}): taken from the file name"


def _folded(name: str) -> str:
    return fold_diacritics(name).casefold()


def _stem(path: str) -> str:
    """The name without its extensions ("1_4214.signed.pdf" → "1_4214"; "2388.C04.pdf" → "2388.C04")."""
    name = PurePath(path).name
    while "." in name and name.rsplit(".", 1)[1].casefold() in _EXTENSIONS:
        name = name.rsplit(".", 1)[0]
    return name


def _numbers(stem: str, type_codes: frozenset[str]) -> list[str]:
    """Candidate numbers in a file's stem, in order."""
    text = _COPY_MARK.sub(" ", _DATE_LIKE.sub(" ", _folded(stem)))
    found = []
    for word in regex.split(r"[^\p{L}\d]+", text):
        tokens = _TOKEN.findall(word)
        letters = [t for t in tokens if not t.isdigit()]
        # A number glued to letters counts only beside a type code: "QD932", "996KH" (not "C04", "PC06").
        if letters and not all(t in type_codes for t in letters):
            continue
        for token in tokens:
            if not token.isdigit() or len(token) > MAX_DIGITS or (letters and token.startswith("0")):
                continue  # (a unit code's figures are not a number: "PC06")
            if len(token) == 4 and 1945 <= int(token) <= 2100:
                continue  # a year: "Kế hoạch CCHC 2026"
            if token.startswith("0") and len(token) > 2:
                continue  # a scanner's page counter: "_0001"
            found.append(token)
    return found


def _document_words(info) -> tuple[set[str], set[str]]:
    """(tokens, compact codes) by which a name refers to this document."""
    words: set[str] = set()
    compact: set[str] = set()
    if info.type_code:
        words.add(_folded(info.type_code))
    if info.doc_type:
        words.add(_folded(info.doc_type))
        if info.doc_type == "Công văn":
            words.add("cv")
    for part in regex.split(r"[-/()&\s]+", info.issuer_code or ""):
        folded = _folded(part)
        if len(folded) >= 2:
            words.add(folded)
        if len(folded) >= 4:
            compact.add(folded)
    return words, compact


def _names_document(stem: str, info) -> bool:
    folded = _folded(stem)
    # Words as written ("c04", "ttr") and cut between letters and figures ("qd932" → "qd 932").
    spaced = " ".join(regex.findall(r"[\p{L}\d]+", folded) + regex.findall(r"\p{L}+|\d+", folded))
    joined = regex.sub(r"[^\p{L}\d]+", "", folded)
    words, compact = _document_words(info)
    return any(regex.search(rf"(?<![\p{{L}}\d]){regex.escape(w)}(?![\p{{L}}\d])", spaced) for w in words) or any(
        code in joined for code in compact
    )


def number_from_file_name(path: str, readings: list[str], info) -> str | None:
    """The document's number as the file's name gives it, or None (see the module's rules)."""
    stem = _stem(path)
    type_codes = frozenset(_folded(t.code) for t in gz.DOC_TYPES if t.code) | {"cv"}
    candidates = list(dict.fromkeys(_numbers(stem, type_codes)))
    agreeing = [n for n in candidates if n in readings]
    if len(agreeing) == 1:
        return agreeing[0]
    if len(candidates) == 1 and _names_document(stem, info):
        return candidates[0]
    return None
