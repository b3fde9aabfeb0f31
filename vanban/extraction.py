"""File → record: read it, run every extractor, assemble the contract record."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from vanban.extractors.citations import extract_citations
from vanban.extractors.duties import extract_duties
from vanban.extractors.file_name import CONFIRMED
from vanban.extractors.header import extract_header
from vanban.extractors.recipients import extract_recipients
from vanban.extractors.signature import extract_signer
from vanban.pipeline.document import TextDocument
from vanban.pipeline.read import read
from vanban.record import Record, Source
from vanban.version import EXTRACTOR_VERSION


def file_sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_document(doc: TextDocument, source: Source) -> Record:
    """Run the extractors over an already-read document."""
    info = extract_header(doc, file_name=source.path)
    if info.number is not None and doc.ocr is not None and doc.ocr.unread_number:
        source.warnings.append(CONFIRMED.format(number=info.number, readings=", ".join(doc.ocr.unread_number)))
    info.signer = extract_signer(doc)
    return Record(
        source=source,
        document=info,
        citations=extract_citations(doc, info),
        recipients=extract_recipients(doc),
        duties=extract_duties(doc, info),
        extractor_version=EXTRACTOR_VERSION,
    )


def extract_file(path: str | os.PathLike, sha256: str | None = None) -> tuple[Record, TextDocument]:
    """Read and extract one file. Raises :class:`vanban.errors.ReadError` for a file that can't be read."""
    path = Path(path)
    doc = read(path)
    source = Source(
        path=str(path),
        sha256=sha256 or file_sha256(path),
        format=doc.format,
        pages=doc.page_count,
        size=path.stat().st_size,
        ocr=doc.ocr is not None,
        ocr_confidence=doc.ocr.confidence if doc.ocr else None,
        ocr_pages=list(doc.ocr.pages) if doc.ocr and not doc.ocr.header_only else [],
        warnings=list(doc.warnings),
    )
    return extract_document(doc, source), doc
