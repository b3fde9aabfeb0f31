"""Document → record: run every extractor over a read document and assemble the contract record.

:func:`extract_document` is the one place the extractors are called;
:func:`extract_file` reads a file first, :func:`extract_text` makes a document
of a string first. The package's public :func:`vanban.extract` and
:func:`vanban.extract_file` call these.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from vanban.extractors.citations import extract_citations
from vanban.extractors.duties import extract_duties
from vanban.extractors.file_name import CONFIRMED
from vanban.extractors.header import extract_header
from vanban.extractors.read_date import check_read_date, read_by_ocr
from vanban.extractors.recipients import extract_recipients
from vanban.extractors.signature import extract_signer
from vanban.identity import file_sha256
from vanban.pipeline.document import TextDocument
from vanban.pipeline.read import read, text_document
from vanban.record import Record, Source
from vanban.version import EXTRACTOR_VERSION


def document_source(doc: TextDocument, *, path: str, sha256: str, size: int | None) -> Source:
    """The record's ``source``: where the document came from and how it was read (format, pages, OCR, warnings)."""
    return Source(
        path=path,
        sha256=sha256,
        format=doc.format,
        pages=doc.page_count,
        size=size,
        ocr=doc.ocr is not None,
        ocr_confidence=doc.ocr.confidence if doc.ocr else None,
        ocr_pages=list(doc.ocr.pages) if doc.ocr and not doc.ocr.header_only else [],
        warnings=list(doc.warnings),
    )


def extract_document(doc: TextDocument, source: Source) -> Record:
    """Run the extractors over an already-read document."""
    info = extract_header(doc, file_name=source.path)
    if info.number is not None and doc.ocr is not None and doc.ocr.unread_number:
        source.warnings.append(CONFIRMED.format(number=info.number, readings=", ".join(doc.ocr.unread_number)))
    info.signer = extract_signer(doc)
    citations = extract_citations(doc, info)
    if read_by_ocr(doc):
        checked = check_read_date(info.issued_date, citations)
        info.issued_date = checked.issued_date
        if checked.warning:
            source.warnings.append(checked.warning)
    return Record(
        source=source,
        document=info,
        citations=citations,
        recipients=extract_recipients(doc, info.signer),
        duties=extract_duties(doc, info),
        extractor_version=EXTRACTOR_VERSION,
    )


def extract_text(text: str | TextDocument, path: str | os.PathLike[str] | None = None) -> Record:
    """Extract a string (read as a .txt file's text is) or an already-read document.

    ``path`` is only the name the record gives as ``source.path`` (a file name can
    confirm a number); nothing is opened. ``source.sha256`` is the SHA-256 of the
    text's UTF-8 bytes.
    """
    doc = text_document(text) if isinstance(text, str) else text
    data = doc.text.encode("utf-8") if isinstance(text, TextDocument) else text.encode("utf-8")
    source = document_source(
        doc, path=os.fspath(path) if path is not None else "", sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    return extract_document(doc, source)


def extract_file(path: str | os.PathLike[str], sha256: str | None = None) -> tuple[Record, TextDocument]:
    """Read and extract one file. Raises :class:`vanban.errors.ReadError` for a file that can't be read."""
    path = Path(path)
    doc = read(path)
    source = document_source(doc, path=str(path), sha256=sha256 or file_sha256(path), size=path.stat().st_size)
    return extract_document(doc, source), doc
