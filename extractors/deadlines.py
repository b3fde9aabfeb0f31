"""Deadlines and recurrences inside a duty's task text, and the day a deadline falls due.

``find_deadline("… gửi về Bộ Nội vụ trước ngày 31/12/2025")`` → ``"2025-12-31"``;
a stated period comes back as text without its preposition (``trong Quý II/2023``
→ ``"Quý II/2023"``), a day without a year as printed (``"trước ngày 31 tháng 3"``),
a day relative to the document as printed (``"ngày 31/01 năm liền kề"``).
``find_recurrence`` returns the recurrence phrase as printed (``"hằng tháng"``).
``due_date(deadline, issued_date)`` is the one place a deadline becomes a date: the last
day it allows, read against the document's own date (``"Quý II/2026"`` → ``2026-06-30``,
``"ngày 31/01 năm liền kề"`` in a document of 12/2025 → ``2026-01-31``).
The phrases are data: extractors/data/duty_deadlines.json.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import regex

from . import knowledge

_DATA = knowledge.table("duty_deadlines")
RECURRENCES: tuple[str, ...] = tuple(_DATA["recurrences"])  # "hằng tháng", "định kỳ 6 tháng", …


def _alternation(phrases: list[str]) -> str:
    """Longest first, spaces as \\s+, so "trước ngày" wins over "trước"."""
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


# A full date right after a deadline word: "trước ngày 15/12/2023", "chậm nhất ngày 05 tháng 01 năm 2024".
_DATED = regex.compile(
    r"""(?xi)
    (?<!\w)(?:xong\s+|hoàn\s+thành\s+)?(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến))?)\s+(?:ngày\s+)?   # trước ngày
    (?:
        (?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})                            # 31/12/2025
      | (?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})                           # 31 tháng 12 năm 2025
    )
    """
)

# A day relative to the document's date, kept without its preposition: "Trước ngày 31/01 năm liền kề",
# "Trước ngày 05 của tháng liền kề" (Kế hoạch CCHC 2026 Lâm Đồng).
_RELATIVE_DAY = regex.compile(
    r"""(?xi)
    (?<!\w)(?:trước|chậm\s+nhất(?:\s+(?:là|vào))?)\s+
    (?P<text>ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}|\s+tháng\s+\d{1,2})?      # ngày 31/01
        \s+(?:của\s+)?(?:năm|tháng)\s+(?:"""
    + _alternation(_DATA["relative_periods"])
    + r"""))(?!\w)                                                           # năm liền kề
    """
)

# A day without its year keeps its words: "trước ngày 31 tháng 3", "trước ngày 15/3".
_DAY_NO_YEAR = regex.compile(
    r"""(?xi)
    (?<!\w)(?P<text>(?:trước|chậm\s+nhất(?:\s+(?:là|vào))?)\s+ngày\s+
        \d{1,2}(?:\s+tháng\s+\d{1,2}|\s*/\s*\d{1,2}))                                             # trước ngày 31 tháng 3
    (?!\s*(?:[/.-]\s*\d|năm\s+\d))
    """
)

# A period after its preposition: "trong Quý II/2023", "hết năm 2023", "trong tháng 6/2026",
# "Trong thời hạn 30 (ba mươi) ngày kể từ ngày Quyết định này có hiệu lực".
_PERIOD = regex.compile(
    r"""(?xi)
    (?<!\w)(?:"""
    + _alternation(_DATA["deadline_prepositions"])
    + r""")\s+
    (?P<period>
        quý\s+[IV1-4]+(?:\s*/\s*|\s+năm\s+)\d{4}                                                   # Quý II/2023
      | quý\s+(?:I{1,3}|IV|[1-4])(?!\s*/)                                                         # quý I hằng năm
      | tháng\s+\d{1,2}(?:\s*/\s*|\s+năm\s+)\d{4}                                                  # tháng 6/2026
      | 6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?                                                # 6 tháng đầu năm 2024
      | năm\s+\d{4}                                                                                # năm 2023
      | \d+\s+(?:\([^)]{1,30}\)\s+)?ngày(?:\s+làm\s+việc)?(?:,?\s+kể\s+từ\s+[^,;.]{3,80})?        # 30 (ba mươi) ngày kể từ …
    )
    (?!\w)
    """
)

# A recurrence as printed: "hằng tháng", "định kỳ 6 tháng", or a rate "01 tin, bài/tháng".
_RECURRENCE = regex.compile(
    r"""(?xi)
    (?<!\w)(?P<rec>"""
    + _alternation(_DATA["recurrences"])
    + r""")(?!\w)                          # hằng quý
    | (?<!\w)(?P<rate>\d+\s+\w+(?:,\s*\w+)?\s*/\s*(?:tháng|quý|năm|tuần|ngày))(?!\w)               # 01 tin, bài/tháng
    """
)


def find_deadline(text: str) -> str | None:
    """The deadline stated in ``text``: ISO date, else the period as text, else None."""
    if m := _DATED.search(text):
        d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
        day, month = int(d), int(mo)
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{int(y):04d}-{month:02d}-{day:02d}"
    if m := _RELATIVE_DAY.search(text):
        return regex.sub(r"\s+", " ", m["text"])
    if m := _DAY_NO_YEAR.search(text):
        return regex.sub(r"\s+", " ", m["text"])
    if m := _PERIOD.search(text):
        return regex.sub(r"\s+", " ", m["period"]).strip()
    return None


# A table cell holding only a date: "31/12/2024", "ngày 15/6/2026".
_BARE_DATE = regex.compile(
    r"""(?xi)
    ^\s*(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\s*[.;]?\s*$   # 31/12/2024
    """
)

# What a period cell must hold to state a deadline: a number or a period word ("Quý I/2026", "Năm 2025").
_PERIOD_WORD = regex.compile(r"(?i)\d|(?<!\w)(?:quý|tháng|năm|tuần)(?!\w)")


def find_cell_deadline(cell: str) -> str | None:
    """The deadline in an appendix table's Thời gian cell: "31/12/2024" → ISO, "Quý I/2026" as text;
    a recurrence ("Hằng tháng") or "Thường xuyên" states no deadline."""
    cell = regex.sub(r"\s+", " ", cell).strip()
    if not cell:
        return None
    if m := _BARE_DATE.match(cell):
        day, month = int(m["d"]), int(m["m"])
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{int(m['y']):04d}-{month:02d}-{day:02d}"
    if found := find_deadline(cell):
        return found
    if _CELL_NO_PERIOD.search(cell):
        return None  # "Theo Điều 17 Nghị định số 52/2015/NĐ-CP", "Thường xuyên trong năm"
    if m := _RANGE_END.search(cell):
        return find_cell_deadline(m["end"])  # "Từ tháng 12/2025 đến quý I/2026" → "quý I/2026"
    periods = _BARE_PERIOD.findall(cell)
    if len(periods) == 1:
        return regex.sub(r"\s+", " ", periods[0])  # "Dự kiến tháng 11/2025 (sau khi …)" → "tháng 11/2025"
    rest = _RECURRENCE.sub(" ", cell).strip(" ,;.")
    return cell.rstrip(" .;") if rest and _PERIOD_WORD.search(rest) else None


# The end of a range in a time cell: "Từ tháng 12/2025 đến quý I/2026", "tháng 11/2025 đến tháng 4/2026".
_RANGE_END = regex.compile(r"(?i)(?<!\w)(?:đến|tới)\s+(?:hết\s+)?(?P<end>(?:quý|tháng|năm)\s+[^;]+?)\s*[.;]?$")

# A period named without a preposition, in a time cell: "tháng 11/2025", "Quý IV/2025", "năm 2026".
_BARE_PERIOD = regex.compile(
    r"(?i)(?<!\w)(?:quý\s+[IV1-4]+(?:\s*/\s*|\s+năm\s+)\d{4}|tháng\s+\d{1,2}(?:\s*/\s*|\s+năm\s+)\d{4}|năm\s+\d{4})(?!\w)"
)


# A time cell that states no period of its own: it points to another text's schedule ("Theo Điều 17 …",
# "Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND") or recurs ("Thường xuyên trong năm").
_CELL_NO_PERIOD = regex.compile(
    r"(?i)^(?:" + _alternation(_DATA["cell_references"]) + r")(?!\w)"
    r"|(?<!\w)(?:" + _alternation(_DATA["cell_recurrences"]) + r")(?!\w)"
)


def find_cell_recurrence(cell: str) -> str | None:
    """The recurrence in an appendix table's Thời gian cell, as printed ("Hằng tháng"). "Thường
    xuyên" / "Liên tục" (ongoing) state no deadline but no period either: no recurrence, as in the
    body text."""
    return find_recurrence(regex.sub(r"\s+", " ", cell).strip(" .;"))


def find_recurrence(text: str) -> str | None:
    """The recurrence phrase in ``text`` as printed, else None. A bare "định kỳ" gives way to the period
    printed later for the same task ("định kỳ báo cáo … trước ngày 15 tháng 11 hàng năm" → "hàng năm")."""
    found = [regex.sub(r"\s+", " ", m["rec"] or m["rate"]) for m in _RECURRENCE.finditer(text)]
    if not found:
        return None
    if found[0].lower() == "định kỳ":
        return next((f for f in found[1:] if f.lower() != "định kỳ"), found[0])
    return found[0]


# --- the day a deadline falls due --------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEARS = range(1900, 2100)  # a year outside is a misread number: OCR's "trong năm 7025" for 2025

# What a deadline names, each a period whose last day is the due date. One pass, left to right: a longer form
# starting at the same place wins ("6 tháng đầu năm 2024" before "năm 2024").
_DUE = regex.compile(
    r"""(?xi)
    (?P<iso>(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))                                       # 2023-12-15 (the extractor's own)
  | (?:ngày\s*)?(?P<d>\d{1,2})\s*(?:tháng\s*|/|-|\.)\s*(?P<m>\d{1,2})            # 31 tháng 3, 31/01
        (?:(?:\s*năm\s*|\s*/\s*|-|\.)(?P<y>\d{4})                                  # … năm 2024, …/2024
          | \s+(?:của\s+)?năm\s+(?P<next_year>"""
    + _alternation(_DATA["relative_periods"])
    + r"""))?(?!\d)                                                               # … năm liền kề
  | ngày\s+(?P<md>\d{1,2})\s+(?:của\s+)?tháng\s+(?P<next_month>"""
    + _alternation(_DATA["relative_periods"])
    + r""")                                                                       # ngày 05 của tháng liền kề
  | quý\s*(?P<q>iv|iii|ii|i|[1-4])(?!\w)(?:(?:\s*năm\s*|\s*/\s*)(?P<qy>\d{4}))?     # Quý II/2023, quý I
  | 6\s*tháng\s*(?P<half>đầu|cuối)\s*năm(?:\s*(?P<hy>\d{4}))?                      # 6 tháng đầu năm 2024
  | tháng\s*(?P<mo>\d{1,2})(?:\s*năm\s*|\s*/\s*)(?P<my>\d{4})                      # tháng 3/2024
  | năm\s*(?P<year>\d{4})                                                        # năm 2023
  | (?P<days>\d{1,3})\s+(?:\([^)]{1,40}\)\s+)?ngày(?:\s+(?P<working>làm\s+việc))?   # 10 ngày làm việc
        \s*,?\s+kể\s+từ\s+ngày\s+(?:"""
    + _alternation(_DATA["signing_days"])
    + r""")(?!\w)                                                                 # … kể từ ngày ký
    """
)

# A recurrence's period in months ("định kỳ 6 tháng" → 6), keyed by the phrase lower case with single spaces.
_RECURRENCE_MONTHS: dict[str, int] = {k.lower(): v for k, v in _DATA["recurrence_months"].items()}

# Vietnam's days off by law, made-up days included (extractors/data/holidays.json, by scripts/lunar_holidays.py).
_HOLIDAYS_TABLE = knowledge.table("holidays")
_HOLIDAY_NAMES: dict[date, str] = {
    date.fromisoformat(day): name for days in _HOLIDAYS_TABLE["days"].values() for day, name in days.items()
}
_HOLIDAYS: frozenset[date] = frozenset(_HOLIDAY_NAMES)
_HOLIDAY_YEARS = range(_HOLIDAYS_TABLE["first_year"], _HOLIDAYS_TABLE["last_year"] + 1)


def holiday(day: date) -> str | None:
    """The public holiday ``day`` is, by name ("Tết Nguyên đán (mùng 1)"), else None."""
    return _HOLIDAY_NAMES.get(day)


def is_working_day(day: date) -> bool | None:
    """Monday to Friday and not a public holiday; None for a year the holiday table does not cover."""
    if day.year not in _HOLIDAY_YEARS:
        return None
    return day.weekday() < 5 and day not in _HOLIDAYS


def add_working_days(start: date, count: int) -> date | None:
    """The ``count``-th working day after ``start`` (``start`` itself not counted); None past the holiday table."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        working = is_working_day(day)
        if working is None:
            return None
        if working:
            count -= 1
    return day


def _next_working_day(day: date) -> date | None:
    """``day``, or the working day after it when it is a day off: a period counted in days that ends on a
    weekend or a holiday ends on the next working day (Bộ luật Dân sự 2015, Điều 148)."""
    while (working := is_working_day(day)) is False:
        day += timedelta(days=1)
    return day if working else None


def recurrence_months(recurrence: str | None) -> int | None:
    """How many months a recurrence's period lasts ("định kỳ 6 tháng" → 6, "Hằng quý" → 3); None when it names
    no period in months (weekly, daily, a bare "định kỳ")."""
    if not recurrence:
        return None
    return _RECURRENCE_MONTHS.get(" ".join(recurrence.split()).lower())


def _issued(issued_date: str | None) -> tuple[int, int | None, int | None] | None:
    """A document's date as (year, month, day), month and day None when not printed ("2025-12" → (2025, 12, None))."""
    if not issued_date or not issued_date[:4].isdigit():
        return None
    parts = [int(p) for p in issued_date.split("-") if p.isdigit()]
    return (parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)


def _on_or_after(day: date, issued: tuple[int, int | None, int | None] | None) -> bool:
    """``day`` is not before the document's date, as far as that date is printed."""
    if issued is None or issued[1] is None:
        return True
    return (day.year, day.month, day.day) >= (issued[0], issued[1], issued[2] or 1)


def _last_day(year: int, month: int, day: int | None = None) -> date | None:
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= last:
        return None
    return date(year, month, day or last)


def _due(m: regex.Match, issued: tuple[int, int | None, int | None] | None) -> date | None:
    """The last day one match allows. A year the text leaves out is the document's, or the next one when the
    day would fall before the document: a deadline never falls before the document that sets it."""
    doc_year = issued[0] if issued else None
    if m["iso"]:
        y, mo, d = (int(p) for p in m["iso"].split("-"))
        return _last_day(y, mo, d)
    if m["d"]:
        if m["y"]:
            return _last_day(int(m["y"]), int(m["m"]), int(m["d"]))
        if doc_year is None:
            return None
        if m["next_year"]:
            return _last_day(doc_year + 1, int(m["m"]), int(m["d"]))
        found = _last_day(doc_year, int(m["m"]), int(m["d"]))
        return (
            found if found is None or _on_or_after(found, issued) else _last_day(doc_year + 1, int(m["m"]), int(m["d"]))
        )
    if m["md"]:
        if issued is None or issued[1] is None:
            return None
        year, month = (issued[0] + 1, 1) if issued[1] == 12 else (issued[0], issued[1] + 1)
        return _last_day(year, month, int(m["md"]))
    if m["q"]:
        quarter = m["q"].lower()
        month = 3 * (_ROMAN.get(quarter) or int(quarter))
        if m["qy"]:
            return _last_day(int(m["qy"]), month)
        if doc_year is None:
            return None
        found = _last_day(doc_year, month)
        return found if _on_or_after(found, issued) else _last_day(doc_year + 1, month)
    if m["half"]:
        year = int(m["hy"]) if m["hy"] else doc_year
        return _last_day(year, 6 if m["half"].lower() == "đầu" else 12) if year else None
    if m["mo"]:
        return _last_day(int(m["my"]), int(m["mo"]))
    if m["year"]:
        return date(int(m["year"]), 12, 31)
    if m["days"] and issued is not None and None not in issued:
        signed = date(*issued)
        if m["working"]:
            return add_working_days(signed, int(m["days"]))
        return _next_working_day(signed + timedelta(days=int(m["days"])))
    return None


def _first_period_end(months: int, issued: tuple[int, int | None, int | None] | None) -> date | None:
    """The end of the first period of ``months`` months (calendar months, quarters, halves, years) that ends on or
    after the document's date; None when the document's month is not printed."""
    if issued is None or issued[1] is None:
        return None
    month = -(-issued[1] // months) * months  # the period holding the document's month ends in this month
    return _last_day(issued[0], month)


def due_date(deadline: str | None, issued_date: str | None = None, recurrence: str | None = None) -> str | None:
    """The last day a deadline allows, as an ISO date, read against the document's date ``issued_date``
    (ISO, possibly partial: "2025-12"); None when it names no date or cannot be resolved (never a guess).

    "Quý II/2023" → "2023-06-30"; "năm 2023" → "2023-12-31"; "Quý IV/2025 và Quý I/2026" → "2026-03-31" (the
    last period named); "trước ngày 31 tháng 3" in a document of 2025-01-10 → "2025-03-31", in one of 2025-12
    → "2026-03-31"; "ngày 31/01 năm liền kề" in a document of 2025-12 → "2026-01-31"; "30 ngày kể từ ngày ký"
    → 30 days after the document's date, or the working day after that when it is a day off; "10 ngày làm việc
    kể từ ngày ký" → the tenth working day after it (weekends and Vietnam's public holidays skipped, Tết by its
    lunar date: extractors/data/holidays.json). A duty with no deadline of its own but a ``recurrence`` with a
    period ("định kỳ 6 tháng") is due at the end of the period holding the document's date: its first
    occurrence ("2025-12-10" → "2025-12-31"); the tracker counts the next ones (vanban.tracker).
    """
    issued = _issued(issued_date)
    if not deadline:
        months = recurrence_months(recurrence)
        found = _first_period_end(months, issued) if months else None
        return found.isoformat() if found else None
    days = [d for m in _DUE.finditer(deadline) if (d := _due(m, issued)) is not None and d.year in _YEARS]
    return max(days).isoformat() if days else None
