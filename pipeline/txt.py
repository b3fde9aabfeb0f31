"""Plain-text reader: UTF-8, UTF-16 (with or without BOM), and the legacy Vietnamese encodings.

Text in TCVN3 (ABC), VNI-Windows or Windows-1258 — common in files from older
Word documents typed in .VnTime or VNI-Times fonts — is converted to Unicode
with a warning (:mod:`.legacy`). Anything else is refused with what
charset-normalizer thinks it is, so a clerk can re-save the file as UTF-8
instead of getting silently garbled Vietnamese. A space-aligned two-column
header at the top is split into its columns like a Word header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from vanban.errors import ReadError

from . import legacy
from .document import TextDocument
from .layout import split_text_header
from .normalize import normalize

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Control characters that never occur in text (NUL, bell, escape …); tab, newlines, form feed do.
_BINARY = frozenset(range(0, 32)) - {9, 10, 12, 13}
# UTF-16 without a BOM: in text of Latin letters, one byte of each pair is nearly always zero
# (ASCII, à, â, đ are U+00xx or U+01xx; ạ, ế are U+1Exx), the other byte almost never.
UTF16_SAMPLE = 4096
UTF16_ZERO_SHARE = 0.3
UTF16_OTHER_ZERO_SHARE = 0.02


@dataclass
class Decoded:
    """A text file's text and what the reader should warn about it."""

    text: str
    warnings: list[str] = field(default_factory=list)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text, when the zero bytes fall on one side of each byte pair as in UTF-16; else None."""
    sample = data[:UTF16_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= UTF16_ZERO_SHARE * pairs and even <= UTF16_OTHER_ZERO_SHARE * pairs:
        encoding = "utf-16-le"
    elif even >= UTF16_ZERO_SHARE * pairs and odd <= UTF16_OTHER_ZERO_SHARE * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if any(ord(c) in _BINARY for c in text[:UTF16_SAMPLE]) else text


def decode(data: bytes, path: Path) -> Decoded:
    """The file's text, or a ReadError naming what it is instead."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise ReadError(str(path), f"damaged {encoding.upper()} text ({exc.reason})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if sum(ord(c) in _BINARY for c in text[:4096]) > 0:
            utf16 = _utf16_without_bom(data)
            if utf16 is not None:
                return Decoded(utf16)
            raise ReadError(str(path), "binary file, not text")
        return Decoded(text)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(utf16)
    if sum(b in _BINARY for b in data[:4096]) > 0:
        raise ReadError(str(path), "binary file, not text")
    converted = legacy.decode(data)
    if converted is not None:
        return Decoded(
            converted.text,
            [f"text in the legacy {converted.encoding} encoding, converted to Unicode: check its accents"],
        )
    best = from_bytes(data[:65536]).best()
    detected = best.encoding if best is not None else "unknown"
    raise ReadError(str(path), f"not UTF-8 text; detected {detected}. Save it as UTF-8 and try again")


def document_from_text(text: str, warnings: list[str] | None = None) -> TextDocument:
    """Text as a document: how a .txt file's text, and any string given to ``vanban.extract``, is read.

    A space-aligned two-column header at the top is split into its columns (left, then
    right: the header region), and the whole is normalised (NFC, spaces, offsets kept).
    """
    lines = text.splitlines(keepends=True)
    header_end = 0
    split = split_text_header([line.rstrip("\r\n") for line in lines])
    if split is not None:
        left, right, used = split
        header = "".join(line + "\n" for line in left + right)
        text = header + "".join(lines[used:])
        header_end = len(header)
    norm = normalize(text)
    return TextDocument(
        text=norm.text,
        format="txt",
        page_count=1,
        page_starts=[0],
        header_end=min(header_end, len(norm.text)),
        raw_offsets=norm.offsets,
        warnings=list(warnings or []),
    )


def read(path: Path) -> TextDocument:
    """Read a text file: decode it (:func:`decode`), then make it a document (:func:`document_from_text`)."""
    decoded = decode(path.read_bytes(), path)
    return document_from_text(decoded.text, decoded.warnings)
