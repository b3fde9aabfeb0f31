"""Citations: every other document the text cites, one entry per document."""
from __future__ import annotations

from vanban.pipeline.document import TextDocument
from vanban.record import Citation, DocumentInfo


def extract_citations(doc: TextDocument, info: DocumentInfo) -> list[Citation]:
    return []
