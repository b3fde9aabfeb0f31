"""Header: type, số và ký hiệu, issuer, place and date, trích yếu, marks."""
from __future__ import annotations

from vanban.pipeline.document import TextDocument
from vanban.record import DocumentInfo


def extract_header(doc: TextDocument) -> DocumentInfo:
    return DocumentInfo()
