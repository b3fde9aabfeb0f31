"""Recipients: the items under Kính gửi and Nơi nhận."""
from __future__ import annotations

from vanban.pipeline.document import TextDocument


def extract_recipients(doc: TextDocument) -> list[str]:
    return []
