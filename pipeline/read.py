"""One entry point for every format: :func:`read` sniffs the file and picks the reader."""

from __future__ import annotations

import contextlib
import os
import stat
from itertools import islice
from pathlib import Path

import regex

from vanban.errors import ReadError

from .document import TextDocument
from .limits import LimitExceeded, check_text_file, memory_reason

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

# What a path that is not a regular file is, in words (``stat.S_IFMT`` → name).
_SPECIAL_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFLNK: "a symbolic link",
}

# A word of two letters or more ("Quyết", "the", "UBND"), for telling the language of a text.
_WORD = regex.compile(r"(?x) \b \p{L}{2,} \b")
# A letter only Vietnamese has among Latin scripts: đ, a breve, circumflex or horn vowel, or a tone mark
# ("định", "Ủy", "phường"); English ("Ministry of Finance") and Vietnamese typed without marks have none.
_VIETNAMESE_LETTER = regex.compile(
    r"""(?xi) [đăâêôơư àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ]"""
)
# How libxml2 (under lxml) reports a failed allocation: "Memory allocation failed", or, when it could not
# even record that, "unknown error (<string>, line 0)".
_OUT_OF_MEMORY = regex.compile(
    r"(?x) ^ (?: Memory \s allocation \s failed | unknown \s error \s \(<string>, \s line \s 0\) )"
)
MIN_WORDS_FOR_LANGUAGE = 20  # fewer words say too little about the language
MIN_VIETNAMESE_SHARE = 0.05  # Vietnamese prose marks about half its syllables; a signature block alone, a tenth
WORDS_SAMPLED = 5000


def special_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is when it is not a regular file or a folder (``a named pipe (FIFO)``)."""
    return _SPECIAL_KINDS.get(stat.S_IFMT(mode))


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


def _head(path: Path) -> tuple[bytes, int]:
    """The first 4 KiB of a regular file and its size; a FIFO, socket or device is refused unopened for reading.

    ``O_NONBLOCK`` makes opening a FIFO return at once instead of waiting for a
    writer; ``fstat`` of the opened file then says what it is.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ReadError(str(path), "is a directory") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            kind = special_kind(os.stat(path).st_mode)  # a socket cannot even be opened
            if kind:
                raise ReadError(str(path), f"not a regular file ({kind}): not read") from None
        raise ReadError(str(path), f"cannot open: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(str(path), "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(str(path), f"not a regular file ({special_kind(info.st_mode) or 'special file'}): not read")
        return os.read(fd, 4096), info.st_size
    except OSError as exc:
        raise ReadError(str(path), f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def text_warnings(doc: TextDocument) -> list[str]:
    """Warnings about what was read: no text at all, or a text that is not Vietnamese."""
    if not doc.text.strip():
        if doc.ocr is not None:
            return ["no text: OCR found no words on the scanned pages"]
        return ["no text: the file holds no words"]
    words = [match.group() for match in islice(_WORD.finditer(doc.text), WORDS_SAMPLED)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return []
    vietnamese = sum(1 for word in words if _VIETNAMESE_LETTER.search(word))
    if vietnamese < MIN_VIETNAMESE_SHARE * len(words):
        return [
            f"the text does not look Vietnamese ({vietnamese} of {len(words)} words have Vietnamese letters):"
            " fields may be missing"
        ]
    return []


def text_document(text: str) -> TextDocument:
    """A string read as a .txt file's text is: header columns split, normalised, with the same warnings.

    The one way to make a document of text in memory (``vanban.extract("…")``, tests).
    """
    from .txt import document_from_text

    doc = document_from_text(text)
    doc.warnings.extend(text_warnings(doc))
    return doc


def read(path: str | os.PathLike) -> TextDocument:
    """Read any supported file into a :class:`TextDocument`; raise :class:`ReadError` if it can't be."""
    path = Path(path)
    head, size = _head(path)
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
        if fmt in ("txt", "html"):
            check_text_file(size, fmt)
        doc = reader.read(path)
    except ReadError:
        raise
    except LimitExceeded as exc:
        raise ReadError(str(path), exc.reason) from None
    except MemoryError:
        raise ReadError(str(path), memory_reason()) from None
    except RecursionError:
        raise ReadError(str(path), "too deeply nested to read (RecursionError)") from None
    except Exception as exc:  # a library's own error on a damaged file: one clear line, not a traceback
        if _OUT_OF_MEMORY.search(str(exc)):
            raise ReadError(str(path), memory_reason()) from None
        raise ReadError(str(path), f"cannot read {fmt.upper()}: {type(exc).__name__}: {exc}") from None
    doc.warnings.extend(text_warnings(doc))
    return doc
