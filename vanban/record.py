"""The extraction record of ../shared/CONTRACT.md, as dataclasses.

Extractors return these; :meth:`Record.to_dict` is the public JSON shape that
``vanban extract`` prints and the store saves.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
        return asdict(self)
