"""A date read off a scan checked against the documents it cites.

Offices print ``ngày    tháng    năm 2025`` and write the day and month in by pen;
OCR reads pen figures badly (a written ``9`` read ``3``). A document cannot be
issued before a document it cites, so a date read by OCR that precedes the latest
dated document its body cites is wrong in its month or day: that part, and the
finer ones, are left blank (``1_4214``: ``ngày 16 tháng 9`` read ``tháng 3`` while
the body cites Quyết định 7619/QĐ-BCA of 2025-09-08 → ``2025``), the way the
contract keeps a date printed with a blank day (``2025-12``). A signing time
bounds the date from above where the day is settled (``pipeline/slots.py``).

Only cited documents of the date's own year count: the year is printed, and a
cited year beyond it is a misread of the citation (``ngày 08/9/2925``).
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.pipeline.document import TextDocument
from vanban.record import Citation

# "precedes the cited 7619/QĐ-BCA of 2025-09-08": why a part of the date was left blank.
DATE_BEFORE_CITED = "date read as {read} precedes the cited {symbol} of {cited}: {part} left blank"


@dataclass
class CheckedDate:
    """The date as kept, and the warning saying what was left blank (None: the date stands)."""

    issued_date: str | None
    warning: str | None = None


def read_by_ocr(doc: TextDocument) -> bool:
    """Whether page 1's date line came from OCR (a scan, or an e-signed page's OCR'd header)."""
    return doc.ocr is not None and (doc.ocr.header_only or 1 in doc.ocr.pages)


def check_read_date(issued_date: str | None, citations: list[Citation]) -> CheckedDate:
    """``issued_date`` (``2025-03``, ``2025-09-05``) with the month or day blanked when the latest
    cited document of its year is dated after it; unchanged when it fits or nothing is cited."""
    if not issued_date or len(issued_date) < len("2025-01"):
        return CheckedDate(issued_date)
    year = issued_date[:4]
    cited = [c for c in citations if c.issued_date and c.issued_date[:4] == year and c.symbol]
    latest = max(cited, key=lambda c: c.issued_date or "", default=None)
    if latest is None or latest.issued_date is None:
        return CheckedDate(issued_date)
    kept = issued_date
    if latest.issued_date[:7] > issued_date[:7]:
        kept, part = year, "month"
    elif len(issued_date) == len("2025-01-01") and latest.issued_date[:10] > issued_date:
        kept, part = issued_date[:7], "day"
    else:
        return CheckedDate(issued_date)
    warning = DATE_BEFORE_CITED.format(read=issued_date, symbol=latest.symbol, cited=latest.issued_date, part=part)
    return CheckedDate(kept, warning)
