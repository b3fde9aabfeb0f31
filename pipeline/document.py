"""What every reader returns: one structure whatever the file format."""

from __future__ import annotations

from dataclasses import dataclass, field

from .normalize import fold_tones


@dataclass
class Table:
    """A table as rows of cell texts (normalised), with where it sits in the text."""

    rows: list[list[str]]
    page: int | None = None  # 1-based page the table starts on, when the format has pages
    start: int | None = None  # offset in TextDocument.text where its text begins, if it is inlined
    end: int | None = None


@dataclass
class OcrInfo:
    """How much of the text came from OCR, and how sure Tesseract was."""

    pages: list[int]  # 1-based pages whose text is OCR output
    header_only: bool  # only the page-1 header region was OCR'd (e-signed number/day)
    confidence: float | None  # mean word confidence 0–100
    # A number written into page 1's Số slot that OCR could not read for sure (the slot is left
    # blank in the text): what the readers made of it, for the extractor to check against the file name.
    unread_number: list[str] | None = None


@dataclass
class TextDocument:
    """A read document: normalised text plus the structure readers can see.

    ``text`` starts with the header region (``text[:header_end]``: issuer and Số
    on the left column, Quốc hiệu and place/date on the right, column by column,
    never interleaved), then the body. ``page_starts[i]`` is the offset of page
    i+1. Offsets everywhere index ``text``; ``raw_offsets`` maps them back to the
    text as the file held it.
    """

    text: str
    format: str
    page_count: int
    page_starts: list[int] = field(default_factory=lambda: [0])
    header_end: int = 0
    tables: list[Table] = field(default_factory=list)
    footnotes: list[tuple[int, int]] = field(default_factory=list)  # spans of footnote text
    ocr: OcrInfo | None = None
    warnings: list[str] = field(default_factory=list)
    raw_offsets: object | None = None  # array of raw offsets, len(text) + 1
    _match_text: str | None = field(default=None, repr=False)

    @property
    def header(self) -> str:
        return self.text[: self.header_end]

    @property
    def body(self) -> str:
        return self.text[self.header_end :]

    @property
    def match_text(self) -> str:
        """``text`` with new-style tone placement: same length, for pattern matching."""
        if self._match_text is None:
            self._match_text = fold_tones(self.text)
        return self._match_text

    def page_of(self, offset: int) -> int:
        """1-based page number holding ``offset``."""
        page = 1
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i + 1
            else:
                break
        return page
