"""Plain-text reader: UTF-8 (with or without BOM) and UTF-16 with BOM.

Any other encoding is refused with what charset-normalizer thinks it is, so a
clerk can re-save the file as UTF-8 instead of getting silently garbled
Vietnamese (TCVN3/VNI fonts look like Latin-1 to a decoder). A space-aligned
two-column header at the top is split into its columns like a Word header.
"""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from vanban.errors import ReadError

from .document import TextDocument
from .layout import split_text_header
from .normalize import normalize

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Control characters that never occur in text (NUL, bell, escape …); tab, newlines, form feed do.
_BINARY = frozenset(range(0, 32)) - {9, 10, 12, 13}


def decode(data: bytes, path: Path) -> str:
    """The file's text, or a ReadError naming what it is instead."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(str(path), f"damaged {encoding.upper()} text ({exc.reason})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if sum(ord(c) in _BINARY for c in text[:4096]) > 0:
            raise ReadError(str(path), "binary file, not text")
        return text
    if sum(b in _BINARY for b in data[:4096]) > 0:
        raise ReadError(str(path), "binary file, not text")
    best = from_bytes(data[:65536]).best()
    detected = best.encoding if best is not None else "unknown"
    raise ReadError(str(path), f"not UTF-8 text; detected {detected}. Save it as UTF-8 and try again")


def read(path: Path) -> TextDocument:
    """Read a UTF-8/UTF-16 text file; split a space-aligned header into its two columns."""
    raw = decode(path.read_bytes(), path)
    lines = raw.splitlines(keepends=True)
    header_end = 0
    split = split_text_header([line.rstrip("\r\n") for line in lines])
    if split is not None:
        left, right, used = split
        header = "".join(line + "\n" for line in left + right)
        raw = header + "".join(lines[used:])
        header_end = len(header)
    norm = normalize(raw)
    return TextDocument(
        text=norm.text,
        format="txt",
        page_count=1,
        page_starts=[0],
        header_end=min(header_end, len(norm.text)),
        raw_offsets=norm.offsets,
    )
