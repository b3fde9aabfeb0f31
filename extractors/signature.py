"""Signature block: authority lines (TM., KT., TL., TUQ., Q.), title, name."""
from __future__ import annotations

from vanban.pipeline.document import TextDocument
from vanban.record import Signer


def extract_signer(doc: TextDocument) -> Signer:
    return Signer()
