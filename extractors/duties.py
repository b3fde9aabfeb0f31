"""Duties: who must do what, by when."""
from __future__ import annotations

from vanban.pipeline.document import TextDocument
from vanban.record import DocumentInfo, Duty


def extract_duties(doc: TextDocument, info: DocumentInfo) -> list[Duty]:
    return []
