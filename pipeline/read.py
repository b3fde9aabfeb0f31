"""One entry point for every format: :func:`read` sniffs the file and picks the reader."""

from __future__ import annotations

import os
from pathlib import Path

from vanban.errors import ReadError

from .document import TextDocument

# Magic bytes → format. Extensions are checked against what the bytes say.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"

EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".html": "html",
    ".htm": "html",
    ".txt": "txt",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
}
# The first bytes of each image format a scanner writes: JPEG, PNG, TIFF (little- and big-endian).
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")


def sniff(path: Path, head: bytes) -> str:
    """The format the extension claims, checked against the file's first bytes."""
    claimed = EXTENSIONS.get(path.suffix.lower())
    if claimed is None:
        raise ReadError(
            str(path),
            f"unsupported file type {path.suffix or '(no extension)'!r}; "
            "vanban reads .pdf, .docx, .doc, .html, .txt and scanned images (.jpg, .png, .tif)",
        )
    if not head:
        raise ReadError(str(path), "empty file (0 bytes)")
    if claimed == "image" and not head.startswith(_IMAGE_MAGIC):
        raise ReadError(str(path), "not a JPEG, PNG or TIFF image: the file is damaged or misnamed")
    if claimed == "pdf" and b"%PDF-" not in head[:1024]:
        raise ReadError(str(path), "not a PDF (no %PDF- header): the file is damaged or misnamed")
    if claimed == "docx":
        if head.startswith(_OLE2):
            raise ReadError(str(path), "a Word 97-2003 (.doc) file named .docx; rename it to .doc")
        if not head.startswith(_ZIP):
            raise ReadError(str(path), "not a DOCX (not a ZIP package): the file is damaged or misnamed")
    if claimed == "doc" and not head.startswith(_OLE2):
        if head.startswith(_ZIP):
            raise ReadError(str(path), "a Word .docx file named .doc; rename it to .docx")
        if head.lstrip()[:1] == b"{" and head.lstrip().startswith(b"{\\rtf"):
            return "doc"  # RTF saved as .doc: LibreOffice reads it
        raise ReadError(str(path), "not a Word 97-2003 document: the file is damaged or misnamed")
    return claimed


def read(path: str | os.PathLike) -> TextDocument:
    """Read any supported file into a :class:`TextDocument`; raise :class:`ReadError` if it can't be."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ReadError(str(path), "is a directory") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot open: {exc.strerror or exc}") from None
    fmt = sniff(path, head)
    if fmt == "pdf":
        from . import pdf as reader
    elif fmt == "docx":
        from . import docx as reader
    elif fmt == "doc":
        from . import doc as reader
    elif fmt == "html":
        from . import html as reader
    elif fmt == "image":
        from . import image as reader
    else:
        from . import txt as reader
    try:
        return reader.read(path)
    except ReadError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ReadError(str(path), f"too large or too deeply nested to read ({type(exc).__name__})") from None
    except Exception as exc:  # a library's own error on a damaged file: one clear line, not a traceback
        raise ReadError(str(path), f"cannot read {fmt.upper()}: {type(exc).__name__}: {exc}") from None
