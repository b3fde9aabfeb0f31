"""The extraction record of ../shared/CONTRACT.md, as dataclasses.

Extractors return these; :meth:`Record.to_dict` is the public JSON shape that
``vanban extract`` prints and the store saves.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


@dataclass
class Source:
    path: str
    sha256: str
    format: str
    pages: int
    size: int | None = None
    ocr: bool = False
    ocr_confidence: float | None = None
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read whole by OCR (not a header fill)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Signer:
    name: str | None = None
    title: str | None = None
    authority: str | None = None


@dataclass
class DocumentInfo:
    doc_type: str | None = None
    symbol: str | None = None
    number: str | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    issued_date: str | None = None
    subject: str | None = None
    urgency: str | None = None
    confidentiality: str | None = None
    signer: Signer = field(default_factory=Signer)


@dataclass
class Citation:
    doc_type: str | None
    symbol: str | None
    number: str | None = None
    year: int | None = None
    issued_date: str | None = None
    issuer: str | None = None
    title: str | None = None
    role: str = "reference"  # "basis" | "reference"
    mentions: int = 1
    spans: list[list[int]] = field(default_factory=list)
    relation: str | None = None  # sửa đổi, bổ sung | thay thế | hướng dẫn | bãi bỏ | ban hành kèm theo


@dataclass
class Duty:
    agency: str
    role: str  # "lead" | "support"
    task: str
    deadline: str | None = None
    recurrence: str | None = None
    span: list[int] | None = None
    canonical_agency: str | None = None  # the agency with its locality, for listing one agency across documents


@dataclass
class Record:
    source: Source
    document: DocumentInfo = field(default_factory=DocumentInfo)
    citations: list[Citation] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    extractor_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON shape: what ``dataclasses.asdict`` gives, a third of its time (the store writes one
        per document)."""
        plain: dict[str, Any] = _plain(self)
        return plain


_ATOMS = (str, int, float, type(None))  # bool is an int


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` of a record without its deep copies of strings and numbers."""
    if isinstance(value, _ATOMS):
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        items = [_plain(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    return copy.deepcopy(value)
